package dev.cacheagent.config;

import java.time.Duration;

/** The {@code agent:} section. {@code stats} of zero turns the periodic stats events off. */
public record AgentSettings(boolean enabled, OnConfigError onConfigError, boolean reload, LogSettings log,
        Duration stats, AdminSettings admin) {

    /** What to do when the rule file has errors. */
    public enum OnConfigError { DISABLE, FAIL }

    /** Defaults of a rule file that has no {@code agent:} section. */
    public static AgentSettings defaults() {
        return new AgentSettings(true, OnConfigError.DISABLE, false, LogSettings.defaults(), Duration.ofSeconds(60),
                AdminSettings.off());
    }
}
