package dev.cacheagent.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The {@code DEMO_SUMMARY {json}} line test-app's demo prints last. */
record DemoSummary(JsonNode json) {
    private static final String PREFIX = "DEMO_SUMMARY ";

    static DemoSummary of(ChildJvm jvm) {
        List<String> lines = jvm.stdout().stream().filter(l -> l.startsWith(PREFIX)).toList();
        if (lines.size() != 1) {
            throw new AssertionError("expected one DEMO_SUMMARY line\n" + jvm.transcript());
        }
        return new DemoSummary(Events.json(lines.get(0).substring(PREFIX.length())));
    }

    long dbQueries() {
        return json.path("dbQueries").asLong();
    }

    long providerCalls() {
        return json.path("providerCalls").asLong();
    }

    long requests() {
        return json.path("requests").asLong();
    }

    long errors() {
        return json.path("errors").asLong();
    }
}
