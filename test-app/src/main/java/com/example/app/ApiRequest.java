package com.example.app;

import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request to the service, as its handler sees it.
 *
 * @param path  the values of the route's {@code {name}} segments, decoded
 * @param query the query parameters, decoded
 * @param body  the request body as text; empty when there is none
 */
record ApiRequest(Map<String, String> path, Map<String, String> query, String body) {

    String pathValue(String name) {
        return path.get(name);
    }

    /** A required query parameter. @throws IllegalArgumentException naming it when it is missing */
    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException(
                "missing query parameter '" + name + "'"));
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
