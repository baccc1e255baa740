package dev.cacheagent.observe;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code format: text}: a line for people, e.g.
 * {@code 2026-11-22T00:10:00.123Z [prompt-cache] hit rule=style-prompt key=classic-oil-painting ageMs=234 durationMs=0.004}.
 *
 * <p>The timestamp comes first, as in the application's own log lines, then the channel in brackets
 * ({@code [cache-agent]} for events without one), the event name, and {@code name=value} for the
 * other fields in the JSON format's order. A value that is empty or contains a space, quote,
 * {@code =}, backslash or control character is quoted with {@code "..."} and escaped like a JSON
 * string; maps and lists are written as compact JSON.
 */
final class TextEventFormat implements EventFormat {

    static final String NO_CHANNEL = "cache-agent";

    private final JsonEventFormat json = new JsonEventFormat();

    @Override
    public String format(Event event) {
        List<EventFields.Field> fields = EventFields.of(event);
        String channel = event.channel() == null ? NO_CHANNEL : event.channel();
        StringBuilder line = new StringBuilder(128)
                .append(EventFields.timestamp(event)).append(" [").append(channel).append("] ")
                .append(quoteIfNeeded(String.valueOf(event.event())));
        for (EventFields.Field field : fields) {
            if (!field.name().equals("channel")) {
                line.append(' ').append(field.name()).append('=').append(render(field.value()));
            }
        }
        return line.toString();
    }

    private String render(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return json.toJson(value);
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return quoteIfNeeded(String.valueOf(value));
    }

    private static String quoteIfNeeded(String text) {
        if (!text.isEmpty() && text.chars().noneMatch(TextEventFormat::needsQuotes)) {
            return text;
        }
        StringBuilder quoted = new StringBuilder(text.length() + 8).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean needsQuotes(int c) {
        return c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f;
    }
}
