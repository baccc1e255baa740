package dev.cacheagent.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a rule's {@code log:}; {@code log: {}} takes every default. */
final class RuleLogSection {
    /** The per-call events a rule can write, which {@code events:} chooses from. */
    static final List<String> PER_CALL_EVENTS = List.of("hit", "miss", "skip", "fetch_error", "stale_served",
            "shadow_hit", "evict", "put", "call", "warmup_populate", "warmup_error", "refresh", "refresh_error");

    /** Fields every event may carry; a custom field of the same name would hide them. */
    private static final Set<String> STANDARD_FIELDS = Set.of("ts", "event", "channel", "rule", "cache", "method",
            "key", "keyHash", "tier", "source", "ageMs", "durationMs", "originMs", "error", "reason", "nested",
            "match");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    LogSpec read(YamlMap log, String ruleName) {
        String channel = log.get("channel", RuleLogSection::channel, ruleName);
        Set<String> events = events(log);
        double sample = log.get("sample", Scalar::asShare, 1.0);
        Duration slowerThan = log.get("slowerThan", Scalar::asDuration, Duration.ZERO);
        Map<String, ExpressionText> fields = log.map("fields").map(RuleLogSection::fields).orElse(Map.of());
        boolean breakdown = log.get("breakdown", Scalar::asBoolean, false);
        log.finish();
        return new LogSpec(channel, events, sample, slowerThan, fields, breakdown);
    }

    private static String channel(Scalar scalar) throws InvalidValue {
        String text = scalar.asText();
        if (!CHANNEL.matcher(text).matches()) {
            throw new InvalidValue("must use only letters, digits, '.', '-' and '_', not " + scalar.shown(),
                    "write e.g. prompt-cache");
        }
        return text;
    }

    private static Set<String> events(YamlMap log) {
        // An empty list is a rule that times its calls, and shows in a breakdown, without writing events.
        return log.list("events", RuleLogSection::event).map(Set::copyOf).orElse(Set.copyOf(PER_CALL_EVENTS));
    }

    private static String event(Scalar scalar) throws InvalidValue {
        String text = scalar.asText();
        if (!PER_CALL_EVENTS.contains(text)) {
            throw scalar.notOneOf(PER_CALL_EVENTS);
        }
        return text;
    }

    private static Map<String, ExpressionText> fields(YamlMap fields) {
        Map<String, ExpressionText> result = new LinkedHashMap<>();
        for (YamlMap.Entry entry : fields.entries()) {
            String path = fields.path(entry.key());
            if (!FIELD.matcher(entry.key()).matches()) {
                fields.error(entry.keyPosition(), "field name '" + entry.key() + "' is not a plain name",
                        "use letters, digits and '_', starting with a letter, e.g. style");
            } else if (STANDARD_FIELDS.contains(entry.key())) {
                fields.error(entry.keyPosition(), "field '" + entry.key() + "' would hide the standard field of"
                        + " that name", "rename it, e.g. " + entry.key() + "Value");
            }
            fields.convert(entry.value(), path, Scalar::asExpression).ifPresent(e -> result.put(entry.key(), e));
        }
        fields.finish();
        return Collections.unmodifiableMap(result);
    }
}
