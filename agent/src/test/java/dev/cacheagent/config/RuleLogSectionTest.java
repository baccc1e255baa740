package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleLogSectionTest {
    private static final String HEAD = """
            version: 1
            rules:
              - name: replicate-timing
                match: { type: com.example.S, method: get }
            """;

    /** The log of a rule whose {@code log:} is on line 5. */
    private static LogSpec log(String log) throws ConfigException {
        return RuleFiles.parse(HEAD + "    log: " + log + "\n").rules().get(0).log();
    }

    private static List<String> logErrors(String log) {
        return errors(HEAD + "    log: " + log + "\n");
    }

    @Test
    void emptyLog_takesEveryDefault() throws ConfigException {
        LogSpec log = log("{}");
        assertThat(log.channel()).isEqualTo("replicate-timing");
        assertThat(log.events()).containsExactlyInAnyOrderElementsOf(RuleLogSection.PER_CALL_EVENTS);
        assertThat(log.sample()).isEqualTo(1.0);
        assertThat(log.slowerThan()).isZero();
        assertThat(log.fields()).isEmpty();
        assertThat(log.breakdown()).isFalse();
    }

    @Test
    void logWithNothingAfterIt_takesEveryDefault() throws ConfigException {
        assertThat(log("").channel()).isEqualTo("replicate-timing");
    }

    @Test
    void log_readsEverySetting() throws ConfigException {
        LogSpec log = log("{ channel: preview-metrics, events: [hit, miss], sample: 0.25, slowerThan: 2s,"
                + " breakdown: true }");
        assertThat(log).isEqualTo(new LogSpec("preview-metrics", Set.of("hit", "miss"), 0.25, Duration.ofSeconds(2),
                java.util.Map.of(), true));
    }

    @Test
    void events_unknown_suggestsTheNearest() {
        assertThat(logErrors("{ events: [hit, fetch-error] }")).containsExactly("rules.yaml:5:26: rule"
                + " 'replicate-timing': 'log.events[1]' must be one of hit, miss, skip, fetch_error, stale_served,"
                + " shadow_hit, evict, put, call, warmup_populate, warmup_error, refresh, refresh_error, not"
                + " 'fetch-error' — did you mean 'fetch_error'?");
    }

    @Test
    void events_empty_writesNoPerCallEvents() throws ConfigException {
        assertThat(log("{ events: [] }").events()).isEmpty();
    }

    @Test
    void sample_overOne_isAnError() {
        assertThat(logErrors("{ sample: 10 }")).containsExactly("rules.yaml:5:20: rule 'replicate-timing':"
                + " 'log.sample' must be between 0 and 1, not 10 — write a share such as 0.1 for one in ten");
    }

    @Test
    void slowerThan_bareNumber_isAnError() {
        assertThat(logErrors("{ slowerThan: 2000 }")).containsExactly("rules.yaml:5:24: rule 'replicate-timing':"
                + " 'log.slowerThan' is 2000 without a unit — add one: write 2000ms or 2000s (units: ms, s, m, h, d)");
    }

    @Test
    void channel_withSpaces_isAnError() {
        assertThat(logErrors("{ channel: preview metrics }")).containsExactly("rules.yaml:5:21: rule"
                + " 'replicate-timing': 'log.channel' must use only letters, digits, '.', '-' and '_', not"
                + " 'preview metrics' — write e.g. prompt-cache");
    }

    @Test
    void breakdown_notABoolean_isAnError() {
        assertThat(logErrors("{ breakdown: 1 }")).containsExactly("rules.yaml:5:23: rule 'replicate-timing':"
                + " 'log.breakdown' must be true or false, not '1' — write true or false");
    }

    @Test
    void fields_notAMapping_isAnError() {
        assertThat(logErrors("{ fields: [style] }")).containsExactly("rules.yaml:5:20: rule 'replicate-timing':"
                + " 'log.fields' must be a mapping, not a list — write it as 'key: value' lines or as { key: value }");
    }

    @Test
    void log_notAMapping_isAnError() {
        assertThat(logErrors("true")).containsExactly("rules.yaml:5:10: rule 'replicate-timing': 'log' must be a"
                + " mapping, not a single value — write it as 'key: value' lines or as { key: value }");
    }
}
