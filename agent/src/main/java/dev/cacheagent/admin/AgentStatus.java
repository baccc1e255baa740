package dev.cacheagent.admin;

import java.time.Instant;

/**
 * The agent's own state, for {@code GET /health}.
 *
 * @param configFile the rule file, as given
 * @param loadedAt when the configuration in force was loaded (at start or by the last applied reload)
 * @param reloads reloads applied since start
 * @param lastRefusal why the last reload was refused, or {@code null} when the last one was applied
 * @param watching whether the rule file is watched for changes ({@code agent.reload: true})
 */
public record AgentStatus(String configFile, Instant startedAt, Instant loadedAt, int reloads, String lastRefusal,
        boolean watching) {}
