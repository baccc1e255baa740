package com.example.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * What the stubbed providers answer: derived only from the fields of the request that would change a real
 * provider's answer, through a hash, so that equal requests get equal answers and a cache keyed on those fields is
 * correct. Fields such as a request id or a user id are accepted and ignored.
 */
final class ProviderAnswers {

    private static final List<String> ACTIONS = List.of("approve", "revise", "regenerate", "escalate");
    private static final String CDN = "https://cdn.provider.test/";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** {@code POST /v1/image-to-image}: {image, prompt, aspectRatio, quality}. */
    JsonNode imageToImage(JsonNode request) {
        String image = text(request, "image");
        String prompt = text(request, "prompt");
        String aspectRatio = text(request, "aspectRatio");
        String quality = text(request, "quality");
        int longSide = switch (quality) {
            case "draft" -> 512;
            case "hd" -> 1536;
            default -> 1024;
        };
        int[] ratio = parseAspectRatio(aspectRatio);
        int width = ratio[0] >= ratio[1] ? longSide : Math.round((float) longSide * ratio[0] / ratio[1]);
        int height = ratio[0] >= ratio[1] ? Math.round((float) longSide * ratio[1] / ratio[0]) : longSide;
        String hash = fingerprint(image, prompt, aspectRatio, quality);
        return image(CDN + "i2i/" + hash + ".png", width, height, "png");
    }

    /** {@code POST /v1/images}: {prompt, width, height, format}. */
    JsonNode images(JsonNode request) {
        String prompt = text(request, "prompt");
        int width = positive(request, "width");
        int height = positive(request, "height");
        String format = text(request, "format");
        String hash = fingerprint(prompt, Integer.toString(width), Integer.toString(height), format);
        return image(CDN + "images/" + hash + "." + format, width, height, format);
    }

    /** {@code POST /v1/chat}: {model, messages: [{role, content}], temperature, maxTokens}; requestId ignored. */
    JsonNode chat(JsonNode request) {
        String model = text(request, "model");
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new BadRequest("field 'messages' must be a non-empty array of {role, content}");
        }
        List<String> parts = StreamSupport.stream(messages.spliterator(), false)
                .map(message -> text(message, "role") + ":" + text(message, "content"))
                .toList();
        double temperature = number(request, "temperature");
        int maxTokens = positive(request, "maxTokens");
        String hash = fingerprint(model, String.join("\n", parts), Double.toString(temperature),
                Integer.toString(maxTokens));
        String lastMessage = text(messages.get(messages.size() - 1), "content");
        String topic = lastMessage.length() > 60 ? lastMessage.substring(0, 60) + "…" : lastMessage;
        ObjectNode answer = nodes.objectNode();
        answer.put("model", model);
        answer.put("content", "Re: " + topic + " [" + hash.substring(0, 8) + "]");
        answer.put("tokens", Math.min(maxTokens, 8 + Integer.parseInt(hash.substring(0, 2), 16) % 64));
        return answer;
    }

    /** {@code POST /v1/decide}: {prompt, locale, sceneType, ...}; every other field is ignored. */
    JsonNode decide(JsonNode request) {
        String prompt = text(request, "prompt");
        String locale = text(request, "locale");
        String sceneType = text(request, "sceneType");
        String hash = fingerprint(prompt, locale, sceneType);
        int bits = Integer.parseInt(hash.substring(0, 4), 16);
        String action = ACTIONS.get(bits % ACTIONS.size());
        ObjectNode answer = nodes.objectNode();
        answer.put("action", action);
        answer.put("confidence", 0.5 + (bits % 50) / 100.0);
        answer.put("rationale", action + " (scene type " + sceneType + ", locale " + locale + ")");
        return answer;
    }

    private ObjectNode image(String url, int width, int height, String format) {
        ObjectNode answer = nodes.objectNode();
        answer.put("url", url);
        answer.put("width", width);
        answer.put("height", height);
        answer.put("format", format);
        return answer;
    }

    private static int[] parseAspectRatio(String aspectRatio) {
        String[] parts = aspectRatio.split(":");
        try {
            if (parts.length == 2) {
                int width = Integer.parseInt(parts[0].trim());
                int height = Integer.parseInt(parts[1].trim());
                if (width > 0 && height > 0) {
                    return new int[] {width, height};
                }
            }
        } catch (NumberFormatException e) {
            // reported below with the expected shape
        }
        throw new BadRequest("field 'aspectRatio' must look like 16:9, got '" + aspectRatio + "'");
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadRequest("field '" + field + "' is required and must be a string");
        }
        return value.asText();
    }

    private static int positive(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
            throw new BadRequest("field '" + field + "' is required and must be a positive whole number");
        }
        return value.asInt();
    }

    private static double number(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isNumber()) {
            throw new BadRequest("field '" + field + "' is required and must be a number");
        }
        return value.asDouble();
    }

    private static String fingerprint(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The request lacks a field or has one of the wrong shape: the stub answers 400 with the message. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
