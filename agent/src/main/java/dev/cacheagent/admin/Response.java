package dev.cacheagent.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the admin API answers: a status, a content type, a body and extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";

    static Response json(int status, String json) {
        return new Response(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** {@code {"status": 404, "error": "..."}}: what went wrong and how to fix it. */
    static Response error(int status, String message) {
        return json(status, Json.write(out -> {
            out.writeStartObject();
            out.writeNumberField("status", status);
            out.writeStringField("error", message);
            out.writeEndObject();
        }));
    }

    Response withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(more));
    }
}
