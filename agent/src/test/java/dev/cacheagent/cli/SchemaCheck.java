package dev.cacheagent.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a document against the rule file's JSON Schema, for the keywords that schema uses (the
 * agent cannot have a JSON Schema validator as a dependency). {@link #KEYWORDS} lists them; a test
 * asserts the schema uses no other, so nothing it says goes unchecked.
 */
final class SchemaCheck {
    static final Set<String> KEYWORDS = Set.of("$schema", "$defs", "$ref", "title", "description", "type",
            "properties", "additionalProperties", "propertyNames", "required", "enum", "const", "pattern",
            "minLength", "items", "minItems", "uniqueItems", "minimum", "maximum", "oneOf", "anyOf", "not", "if",
            "then", "else");

    private final Map<String, Object> root;

    SchemaCheck(Map<String, Object> root) {
        this.root = root;
    }

    /** Every way the document breaks the schema, each with the path of the offending value. */
    List<String> problems(Object document) {
        List<String> problems = new ArrayList<>();
        check(root, document, "$", problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> schema, Object value, String path, List<String> problems) {
        if (schema.containsKey("$ref")) {
            check(resolve((String) schema.get("$ref")), value, path, problems);
        }
        if (schema.containsKey("type") && !hasType(schema.get("type"), value)) {
            problems.add(path + ": " + describe(value) + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.containsKey("const") && !same(schema.get("const"), value)) {
            problems.add(path + ": " + describe(value) + " is not " + schema.get("const"));
        }
        if (schema.containsKey("enum")
                && ((List<Object>) schema.get("enum")).stream().noneMatch(option -> same(option, value))) {
            problems.add(path + ": " + describe(value) + " is not one of " + schema.get("enum"));
        }
        if (value instanceof String text) {
            checkString(schema, text, path, problems);
        }
        if (value instanceof Number number) {
            checkNumber(schema, number, path, problems);
        }
        if (value instanceof Map<?, ?> map) {
            checkObject(schema, (Map<String, Object>) map, path, problems);
        }
        if (value instanceof List<?> list) {
            checkArray(schema, (List<Object>) list, path, problems);
        }
        checkCombinations(schema, value, path, problems);
    }

    @SuppressWarnings("unchecked")
    private void checkCombinations(Map<String, Object> schema, Object value, String path, List<String> problems) {
        if (schema.containsKey("anyOf")) {
            List<Map<String, Object>> options = (List<Map<String, Object>>) schema.get("anyOf");
            if (options.stream().noneMatch(option -> conforms(option, value, path))) {
                problems.add(path + ": " + describe(value) + " matches none of anyOf " + options);
            }
        }
        if (schema.containsKey("oneOf")) {
            List<Map<String, Object>> options = (List<Map<String, Object>>) schema.get("oneOf");
            long matching = options.stream().filter(option -> conforms(option, value, path)).count();
            if (matching != 1) {
                problems.add(path + ": matches " + matching + " of oneOf " + options + ", not exactly one");
            }
        }
        if (schema.containsKey("not") && conforms((Map<String, Object>) schema.get("not"), value, path)) {
            problems.add(path + ": matches what 'not' forbids: " + schema.get("not"));
        }
        if (schema.containsKey("if")) {
            String branch = conforms((Map<String, Object>) schema.get("if"), value, path) ? "then" : "else";
            if (schema.containsKey(branch)) {
                check((Map<String, Object>) schema.get(branch), value, path, problems);
            }
        }
    }

    private void checkString(Map<String, Object> schema, String text, String path, List<String> problems) {
        if (schema.containsKey("pattern") && !Pattern.compile((String) schema.get("pattern")).matcher(text).find()) {
            problems.add(path + ": '" + text + "' does not match " + schema.get("pattern"));
        }
        if (schema.containsKey("minLength") && text.length() < ((Number) schema.get("minLength")).intValue()) {
            problems.add(path + ": '" + text + "' is shorter than " + schema.get("minLength"));
        }
    }

    private static void checkNumber(Map<String, Object> schema, Number number, String path, List<String> problems) {
        if (schema.containsKey("minimum") && decimal(number).compareTo(decimal((Number) schema.get("minimum"))) < 0) {
            problems.add(path + ": " + number + " is below " + schema.get("minimum"));
        }
        if (schema.containsKey("maximum") && decimal(number).compareTo(decimal((Number) schema.get("maximum"))) > 0) {
            problems.add(path + ": " + number + " is above " + schema.get("maximum"));
        }
    }

    @SuppressWarnings("unchecked")
    private void checkObject(Map<String, Object> schema, Map<String, Object> object, String path,
            List<String> problems) {
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        if (schema.containsKey("required")) {
            for (Object name : (List<Object>) schema.get("required")) {
                if (!object.containsKey(name)) {
                    problems.add(path + ": required key '" + name + "' is missing");
                }
            }
        }
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String child = path + "." + key;
            if (schema.containsKey("propertyNames")) {
                check((Map<String, Object>) schema.get("propertyNames"), key, child + " (name)", problems);
            }
            if (properties.containsKey(key)) {
                check((Map<String, Object>) properties.get(key), entry.getValue(), child, problems);
            } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                problems.add(child + ": key '" + key + "' is not declared in the schema");
            } else if (schema.get("additionalProperties") instanceof Map<?, ?> additional) {
                check((Map<String, Object>) additional, entry.getValue(), child, problems);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkArray(Map<String, Object> schema, List<Object> list, String path, List<String> problems) {
        if (schema.containsKey("minItems") && list.size() < ((Number) schema.get("minItems")).intValue()) {
            problems.add(path + ": fewer than " + schema.get("minItems") + " items");
        }
        if (Boolean.TRUE.equals(schema.get("uniqueItems")) && new HashSet<>(list).size() != list.size()) {
            problems.add(path + ": items are not unique");
        }
        if (schema.containsKey("items")) {
            for (int i = 0; i < list.size(); i++) {
                check((Map<String, Object>) schema.get("items"), list.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private boolean conforms(Map<String, Object> schema, Object value, String path) {
        List<String> problems = new ArrayList<>();
        check(schema, value, path, problems);
        return problems.isEmpty();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(String ref) {
        if (!ref.startsWith("#/$defs/")) {
            throw new IllegalArgumentException("only local #/$defs/ references are supported: " + ref);
        }
        Map<String, Object> defs = (Map<String, Object>) root.get("$defs");
        Map<String, Object> target = (Map<String, Object>) defs.get(ref.substring("#/$defs/".length()));
        return Objects.requireNonNull(target, () -> "unresolved $ref " + ref);
    }

    @SuppressWarnings("unchecked")
    private static boolean hasType(Object type, Object value) {
        if (type instanceof List<?> types) {
            return ((List<Object>) types).stream().anyMatch(t -> hasType(t, value));
        }
        return switch ((String) type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "null" -> value == null;
            case "number" -> value instanceof Number;
            case "integer" -> value instanceof Number n && decimal(n).stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean same(Object expected, Object value) {
        if (expected instanceof Number a && value instanceof Number b) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        return Objects.equals(expected, value);
    }

    private static BigDecimal decimal(Number number) {
        return new BigDecimal(number.toString());
    }

    private static String describe(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
