package dev.cacheagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

class SchemaCommandTest {
    /** The samples shipped with the project; tests run in the agent module's directory. */
    private static final Path SAMPLES = Path.of("../config-samples");

    @Test
    void schema_printsTheSchema_withStatus0() {
        Cli.Outcome outcome = Cli.run("schema");

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).isEqualTo(SchemaCommand.schema());
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void schema_withAnArgument_isBadUsage() {
        Cli.Outcome outcome = Cli.run("schema", "rules.yaml");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("cache-agent schema: too many arguments — write: schema");
    }

    @Test
    void schema_isJsonSchemaDraft2020_12() {
        assertThat(schema()).containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void schema_usesOnlyKeywordsTheConformanceCheckUnderstands() {
        List<String> unknown = new ArrayList<>();
        walkSchemas(schema(), "$", true, (path, schema) -> schema.keySet().stream()
                .filter(keyword -> !SchemaCheck.KEYWORDS.contains(keyword))
                .forEach(keyword -> unknown.add(path + "." + keyword)));

        assertThat(unknown).isEmpty();
    }

    @Test
    void schema_describesEveryKey_forEditorHoverText() {
        SchemaCheck check = new SchemaCheck(schema());
        List<String> undescribed = new ArrayList<>();
        walkSchemas(schema(), "$", (path, schema) -> {
            if (schema.get("properties") instanceof Map<?, ?> properties) {
                properties.forEach((name, property) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> declared = (Map<String, Object>) property;
                    boolean described = declared.containsKey("description") || (declared.get("$ref") instanceof String ref
                            && check.resolve(ref).containsKey("description"));
                    if (!described) {
                        undescribed.add(path + ".properties." + name);
                    }
                });
            }
        });

        assertThat(undescribed).isEmpty();
    }

    @Test
    void schema_forbidsUnknownKeysInEverySection() {
        List<String> open = new ArrayList<>();
        walkSchemas(schema(), "$", (path, schema) -> {
            if (schema.containsKey("properties") && !Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                open.add(path);
            }
        });

        assertThat(open).isEmpty();
    }

    static Stream<Path> samples() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(samples).as("config samples in " + SAMPLES.toAbsolutePath()).isNotEmpty();
        return samples.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyConfigSample_conformsToTheSchema(Path sample) throws IOException {
        String yaml = Files.readString(sample);
        try {
            new Load(LoadSettings.builder().build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            fail(sample + " is not valid YAML, so no editor or agent can read it: " + e.getMessage());
        }

        assertThat(check(yaml)).isEmpty();
    }

    @Test
    void theSpecificationsExample_conformsToTheSchema() throws IOException {
        assertThat(check(resource("spec-example.yaml"))).isEmpty();
    }

    @Test
    void check_findsAnUnknownKey() {
        String yaml = """
                version: 1
                caches:
                  prompts: { tll: 15m, maxEntries: 100 }
                """;

        assertThat(check(yaml)).anySatisfy(p -> assertThat(p).isEqualTo(
                "$.caches.prompts.tll: key 'tll' is not declared in the schema"));
    }

    @Test
    void check_findsADurationWithoutAUnit() {
        String yaml = """
                version: 1
                caches:
                  prompts: { ttl: "900", maxEntries: 100 }
                """;

        assertThat(check(yaml)).anySatisfy(p -> assertThat(p).startsWith("$.caches.prompts.ttl: '900' does not match"));
    }

    @Test
    void check_acceptsADurationFromASubstitution() {
        String yaml = """
                version: 1
                caches:
                  prompts: { ttl: "${PROMPT_CACHE_TTL_MS:900000}ms", maxEntries: "${MAX:100}", jitter: 10% }
                """;

        assertThat(check(yaml)).isEmpty();
    }

    @Test
    void check_findsAValueOutsideAnEnum() {
        String yaml = """
                version: 1
                caches:
                  prompts: { tier: two_level, ttl: 1m, maxEntries: 100 }
                """;

        assertThat(check(yaml)).anySatisfy(p -> assertThat(p).startsWith(
                "$.caches.prompts.tier: 'two_level' is not one of [local, redis, two-level]"));
    }

    @Test
    void check_findsAPercentageAbove100() {
        String yaml = """
                version: 1
                caches:
                  prompts: { ttl: 1m, maxEntries: 100, jitter: 150% }
                """;

        assertThat(check(yaml)).anySatisfy(p -> assertThat(p).startsWith("$.caches.prompts.jitter: '150%'"));
    }

    @Test
    void check_requiresMaxEntries_exceptForTheRedisTier() {
        String local = """
                version: 1
                caches:
                  prompts: { ttl: 1m }
                """;
        String redis = """
                version: 1
                redis: { url: "redis://127.0.0.1:6379" }
                caches:
                  prompts: { tier: redis, ttl: 1m }
                """;

        assertThat(check(local)).contains("$.caches.prompts: required key 'maxEntries' is missing");
        assertThat(check(redis)).isEmpty();
    }

    @Test
    void check_requiresARuleToDoSomething() {
        String yaml = """
                version: 1
                rules:
                  - name: idle
                    match: { type: com.example.Service, method: get }
                """;

        assertThat(check(yaml)).anySatisfy(p -> assertThat(p).startsWith("$.rules[0]: ")
                .endsWith("matches none of anyOf [{required=[cache]}, {required=[evict]}, {required=[put]},"
                        + " {required=[log]}]"));
    }

    @Test
    void check_forbidsUseTogetherWithAnInlineCache() {
        String yaml = """
                version: 1
                rules:
                  - name: both
                    match: { type: com.example.Service, method: get }
                    cache: { use: prompts, ttl: 1m }
                """;

        assertThat(check(yaml)).anySatisfy(p -> assertThat(p).startsWith("$.rules[0].cache: matches 0 of oneOf"));
    }

    @Test
    void check_requiresExactlyOneTypePatternInAMatch() {
        String yaml = """
                version: 1
                rules:
                  - name: two-types
                    match: { type: com.example.Service, glob: "com.example.*", method: get }
                    log: {}
                """;

        assertThat(check(yaml)).anySatisfy(p -> assertThat(p).startsWith("$.rules[0].match: matches 2 of oneOf"));
    }

    @Test
    void check_findsAnUnknownPerCallEvent() {
        String yaml = """
                version: 1
                rules:
                  - name: typo
                    match: { type: com.example.Service, method: get }
                    log: { events: [hit, mis] }
                """;

        assertThat(check(yaml)).anySatisfy(p -> assertThat(p).startsWith("$.rules[0].log.events[1]: 'mis' is not one of"));
    }

    private static List<String> check(String yaml) {
        Object document = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return new SchemaCheck(schema()).problems(document);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema() {
        return (Map<String, Object>) JsonTree.parse(SchemaCommand.schema());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaCommandTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Visits every schema object that declares something: under properties, $defs, items and
     * combinations; not the conditions of {@code if}, which only test a value.
     */
    private static void walkSchemas(Map<String, Object> schema, String path,
            BiConsumer<String, Map<String, Object>> visitor) {
        walkSchemas(schema, path, false, visitor);
    }

    @SuppressWarnings("unchecked")
    private static void walkSchemas(Map<String, Object> schema, String path, boolean conditions,
            BiConsumer<String, Map<String, Object>> visitor) {
        visitor.accept(path, schema);
        for (String container : List.of("properties", "$defs")) {
            if (schema.get(container) instanceof Map<?, ?> children) {
                children.forEach((name, child) -> walkSchemas((Map<String, Object>) child,
                        path + "." + container + "." + name, conditions, visitor));
            }
        }
        for (String single : List.of("items", "additionalProperties", "propertyNames", "not", "if", "then", "else")) {
            if (schema.get(single) instanceof Map<?, ?> child && (conditions || !single.equals("if"))) {
                walkSchemas((Map<String, Object>) child, path + "." + single, conditions, visitor);
            }
        }
        for (String list : List.of("anyOf", "oneOf")) {
            if (schema.get(list) instanceof List<?> options) {
                for (int i = 0; i < options.size(); i++) {
                    walkSchemas((Map<String, Object>) options.get(i), path + "." + list + "[" + i + "]", conditions,
                            visitor);
                }
            }
        }
    }
}
