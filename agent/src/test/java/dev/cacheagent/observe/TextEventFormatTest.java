package dev.cacheagent.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextEventFormatTest {

    private static final long TS = Instant.parse("2026-11-22T00:10:00.123Z").toEpochMilli();

    private final TextEventFormat format = new TextEventFormat();

    @Test
    void format_writesTimestampChannelEventThenFields() {
        Event event = Event.builder("hit").timestampMillis(TS).channel("prompt-cache").rule("style-prompt")
                .key("classic-oil-painting").ageMs(234).durationMs(0.0041).build();

        assertThat(format.format(event)).isEqualTo("2026-11-22T00:10:00.123Z [prompt-cache] hit rule=style-prompt"
                + " key=classic-oil-painting ageMs=234 durationMs=0.004");
    }

    @Test
    void format_usesCacheAgentForEventsWithoutChannel() {
        Event event = Event.builder("stats").timestampMillis(TS).cache("prompts").attribute("hits", 3L).build();

        assertThat(format.format(event)).isEqualTo("2026-11-22T00:10:00.123Z [cache-agent] stats cache=prompts hits=3");
    }

    @Test
    void format_keepsTheJsonFieldOrder() {
        Event event = Event.builder("miss").timestampMillis(TS).channel("c")
                .attribute("style", "oil").originMs(80).durationMs(81).source("origin").key("k").method("T#m")
                .cache("prompts").rule("r").build();

        assertThat(format.format(event)).isEqualTo("2026-11-22T00:10:00.123Z [c] miss rule=r cache=prompts method=T#m"
                + " key=k source=origin durationMs=81 originMs=80 style=oil");
    }

    @Test
    void format_quotesAndEscapesValuesWithSpacesOrQuotes() {
        Event event = Event.builder("fetch_error").timestampMillis(TS).channel("c")
                .error("java.io.IOException: say \"hi\"\nnow").key("a=b").reason("").build();

        assertThat(format.format(event)).isEqualTo("2026-11-22T00:10:00.123Z [c] fetch_error key=\"a=b\""
                + " error=\"java.io.IOException: say \\\"hi\\\"\\nnow\" reason=\"\"");
    }

    @Test
    void format_writesMapsAndListsAsCompactJson() {
        Event event = Event.builder("call").timestampMillis(TS).channel("preview-metrics")
                .attribute("nested", Map.of("prompt-fetch", Map.of("hits", 1)))
                .attribute("sizes", List.of(1, "two"))
                .build();

        assertThat(format.format(event)).isEqualTo("2026-11-22T00:10:00.123Z [preview-metrics] call"
                + " nested={\"prompt-fetch\":{\"hits\":1}} sizes=[1,\"two\"]");
    }

    @Test
    void format_writesBooleansAndNumbersPlain() {
        Event event = Event.builder("shadow_hit").timestampMillis(TS).channel("c")
                .attribute("match", false).attribute("count", 12).attribute("savedCost", 1500.0).build();

        assertThat(format.format(event))
                .isEqualTo("2026-11-22T00:10:00.123Z [c] shadow_hit match=false count=12 savedCost=1500");
    }
}
