package com.example.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One endpoint of the HTTP API: a method and a path pattern whose {@code {name}} segments match any one segment.
 *
 * @param handler answers the request with an object written as JSON
 */
record Route(String method, String pattern, Handler handler) {

    /** Answers a matched request. */
    @FunctionalInterface
    interface Handler {
        Object handle(ApiRequest request) throws Exception;
    }

    /** The route's path variables when {@code segments} match its pattern, whatever the method. */
    Optional<Map<String, String>> match(List<String> segments) {
        List<String> expected = List.of(pattern.substring(1).split("/"));
        if (expected.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            String part = expected.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                variables.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
