package dev.cacheagent.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One admin request, read in full (bodies are bounded).
 *
 * @param segments the path split at {@code /}, empty segments dropped: {@code /caches/prompts/entries}
 *     is {@code [caches, prompts, entries]}
 * @param query the query parameters (the last value of each)
 * @param authorization the {@code Authorization} header, or {@code null}
 */
record Request(String method, String path, List<String> segments, Map<String, String> query, byte[] body,
        String authorization) {

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
