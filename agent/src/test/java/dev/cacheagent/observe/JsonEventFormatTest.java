package dev.cacheagent.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEventFormatTest {

    private static final long TS = Instant.parse("2026-11-22T00:10:00.123Z").toEpochMilli();

    private final JsonEventFormat format = new JsonEventFormat();

    @Test
    void format_writesEveryFieldInSpecOrder() {
        Event event = Event.builder("hit").timestampMillis(TS)
                .attribute("style", "oil")
                .reason("r").error("e").originMs(3).durationMs(2).ageMs(1).source("origin").tier("local")
                .keyHash("ab12").key("k").method("com.example.S#get").cache("prompts").rule("style-prompt")
                .channel("prompt-cache")
                .build();

        assertThat(format.format(event)).isEqualTo("{\"ts\":\"2026-11-22T00:10:00.123Z\",\"event\":\"hit\","
                + "\"channel\":\"prompt-cache\",\"rule\":\"style-prompt\",\"cache\":\"prompts\","
                + "\"method\":\"com.example.S#get\",\"key\":\"k\",\"keyHash\":\"ab12\",\"tier\":\"local\","
                + "\"source\":\"origin\",\"ageMs\":1,\"durationMs\":2,\"originMs\":3,\"error\":\"e\","
                + "\"reason\":\"r\",\"style\":\"oil\"}");
    }

    @Test
    void format_leavesOutFieldsWithoutValue() {
        Event event = Event.builder("config_loaded").timestampMillis(TS).attribute("rules", null).build();

        assertThat(format.format(event)).isEqualTo("{\"ts\":\"2026-11-22T00:10:00.123Z\",\"event\":\"config_loaded\"}");
    }

    @Test
    void format_writesTimestampWithMillisecondsEvenWhenZero() {
        Event event = Event.builder("stats").timestampMillis(Instant.parse("2026-01-02T03:04:05Z").toEpochMilli())
                .build();

        assertThat(format.format(event)).startsWith("{\"ts\":\"2026-01-02T03:04:05.000Z\"");
    }

    @Test
    void format_roundsMillisecondsToMicroseconds() {
        Event event = Event.builder("hit").timestampMillis(TS).durationMs(0.0041234).ageMs(234.0).originMs(80.0005)
                .build();

        assertThat(format.format(event)).endsWith("\"ageMs\":234,\"durationMs\":0.004,\"originMs\":80.001}");
    }

    @Test
    void format_roundsOtherDecimalsToSixPlaces() {
        Event event = Event.builder("stats").timestampMillis(TS)
                .attribute("savedCost", 0.1 + 0.2)
                .attribute("hitRate", 2.0 / 3)
                .attribute("p99Ms", 1.23456)
                .build();

        assertThat(format.format(event))
                .endsWith("\"savedCost\":0.3,\"hitRate\":0.666667,\"p99Ms\":1.235}");
    }

    @Test
    void format_leavesOutNaNDecimals() {
        Event event = Event.builder("stats").timestampMillis(TS).attribute("hitP50Ms", Double.NaN)
                .attribute("hits", 0L).build();

        assertThat(format.format(event)).endsWith("\"event\":\"stats\",\"hits\":0}");
    }

    @Test
    void format_writesAttributesInInsertionOrderWithTheirTypes() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("prompt-fetch", Map.of("count", 1));
        nested.put("ms", 80.25);
        Event event = Event.builder("call").timestampMillis(TS)
                .attribute("match", true)
                .attribute("count", 3)
                .attribute("nested", nested)
                .attribute("sizes", List.of(1, "two", 3.5))
                .attribute("state", Thread.State.NEW)
                .build();

        assertThat(format.format(event)).endsWith("\"match\":true,\"count\":3,"
                + "\"nested\":{\"prompt-fetch\":{\"count\":1},\"ms\":80.25},\"sizes\":[1,\"two\",3.5],"
                + "\"state\":\"NEW\"}");
    }

    @Test
    void format_escapesStrings() {
        Event event = Event.builder("fetch_error").timestampMillis(TS)
                .error("java.io.IOException: \"quoted\"\nsecond line\\").build();

        assertThat(format.format(event))
                .endsWith("\"error\":\"java.io.IOException: \\\"quoted\\\"\\nsecond line\\\\\"}");
    }

    @Test
    void format_errorFromThrowableIsClassAndMessage() {
        Event event = Event.builder("fetch_error").timestampMillis(TS)
                .error(new IllegalStateException("no prompt")).build();

        assertThat(format.format(event)).endsWith("\"error\":\"java.lang.IllegalStateException: no prompt\"}");
    }

    @Test
    void toJson_writesWhatJacksonsGeneratorWrites_forEveryControlCharacterQuoteAndSurrogate() throws IOException {
        StringBuilder hostile = new StringBuilder("\"\\/\u007f\u00e9\u2028\ud83d\ude00\ud800 end");
        for (char c = 0; c < 0x20; c++) {
            hostile.append(c);
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put(hostile.toString(), List.of(hostile.toString(), 7L, true));
        nested.put("none", null);

        StringWriter expected = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(expected)) {
            json.writeStartObject();
            json.writeFieldName(hostile.toString());
            json.writeStartArray();
            json.writeString(hostile.toString());
            json.writeNumber(7L);
            json.writeBoolean(true);
            json.writeEndArray();
            json.writeFieldName("none");
            json.writeNull();
            json.writeEndObject();
        }
        assertThat(format.toJson(nested)).isEqualTo(expected.toString());
    }
}
