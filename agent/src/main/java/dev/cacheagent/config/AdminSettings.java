package dev.cacheagent.config;

/**
 * {@code agent.admin}. {@code bind} is {@code null} when the admin API is off; {@code token} is
 * empty when none is configured (every mutating endpoint then answers 403).
 */
public record AdminSettings(String bind, String token, boolean allowRemote) {
    public static AdminSettings off() {
        return new AdminSettings(null, "", false);
    }
}
