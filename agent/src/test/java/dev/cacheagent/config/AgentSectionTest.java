package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.AgentSettings.OnConfigError;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentSectionTest {

    private static AgentSettings agent(String section) throws ConfigException {
        return RuleFiles.parse("version: 1\n" + section + RuleFiles.TIMING_RULE).agent();
    }

    private static java.util.List<String> agentErrors(String section) {
        return errors("version: 1\n" + section + RuleFiles.TIMING_RULE);
    }

    @Test
    void agent_absent_takesTheDefaults() throws ConfigException {
        assertThat(agent("")).isEqualTo(AgentSettings.defaults());
    }

    @Test
    void agent_readsEverySetting() throws ConfigException {
        AgentSettings agent = agent("""
                agent:
                  enabled: false
                  onConfigError: fail
                  reload: false
                  log: { sink: "file:/var/log/app/cache-events.jsonl", format: text }
                  stats: 5m
                  admin: { token: secret }
                """);
        assertThat(agent).isEqualTo(new AgentSettings(false, OnConfigError.FAIL, false,
                new LogSettings(new LogSettings.Sink.File(Path.of("/var/log/app/cache-events.jsonl")),
                        LogSettings.Format.TEXT),
                Duration.ofMinutes(5), new AdminSettings(null, "secret", false)));
    }

    @Test
    void logSink_stdout() throws ConfigException {
        assertThat(agent("agent: { log: { sink: stdout } }\n").log().sink()).isEqualTo(new LogSettings.Sink.Stdout());
    }

    @Test
    void stats_bareZeroTurnsThemOff() throws ConfigException {
        assertThat(agent("agent: { stats: 0 }\n").stats()).isZero();
    }

    @Test
    void stats_bareNumber_isAnError() {
        assertThat(agentErrors("agent: { stats: 60 }\n")).containsExactly("rules.yaml:2:17: agent: 'stats' is 60"
                + " without a unit — add one: write 60ms or 60s (units: ms, s, m, h, d)");
    }

    @Test
    void enabled_notABoolean_isAnError() {
        assertThat(agentErrors("agent: { enabled: yes }\n")).containsExactly("rules.yaml:2:19: agent: 'enabled'"
                + " must be true or false, not 'yes' — write true or false");
    }

    @Test
    void onConfigError_unknownValue_isAnError() {
        assertThat(agentErrors("agent: { onConfigError: exit }\n")).containsExactly("rules.yaml:2:25: agent:"
                + " 'onConfigError' must be one of disable, fail, not 'exit' — write one of disable, fail");
    }

    @Test
    void logSink_unknown_isAnError() {
        assertThat(agentErrors("agent:\n  log: { sink: syslog }\n")).containsExactly("rules.yaml:3:16: agent.log:"
                + " 'sink' must be stderr, stdout or file:<path>, not 'syslog' — write e.g."
                + " file:/var/log/app/cache-events.jsonl");
    }

    @Test
    void logSink_fileWithoutPath_isAnError() {
        assertThat(agentErrors("agent:\n  log: { sink: \"file:\" }\n")).containsExactly("rules.yaml:3:17: agent.log:"
                + " 'sink' names no file — write the path after 'file:', e.g. file:/var/log/app/events.jsonl");
    }

    @Test
    void logFormat_unknown_isAnError() {
        assertThat(agentErrors("agent:\n  log: { format: xml }\n")).containsExactly("rules.yaml:3:18: agent.log:"
                + " 'format' must be one of json, text, not 'xml' — write one of json, text");
    }

    @Test
    void adminBind_notHostPort_isAnError() {
        assertThat(agentErrors("agent:\n  admin: { bind: 9464 }\n")).containsExactly("rules.yaml:3:18: agent.admin:"
                + " 'bind' must be host:port, not '9464' — write e.g. 127.0.0.1:9464");
    }

    @Test
    void adminBind_portOutOfRange_isAnError() {
        assertThat(agentErrors("agent:\n  admin: { bind: 127.0.0.1:70000 }\n")).containsExactly(
                "rules.yaml:3:18: agent.admin: 'bind' has port 70000, outside 1 to 65535 — write a port from 1 to"
                        + " 65535");
    }

    @Test
    void adminBind_nonLoopbackWithoutAllowRemote_isAnError() {
        assertThat(agentErrors("agent:\n  admin: { bind: 0.0.0.0:9464 }\n")).containsExactly(
                "rules.yaml:3:18: agent.admin: 'bind' 0.0.0.0:9464 is reachable from other machines — bind to"
                        + " 127.0.0.1, or add allowRemote: true if remote access is intended");
    }

    @Test
    void adminBind_nonLoopbackWithAllowRemote_isAccepted() throws ConfigException {
        assertThat(agent("agent:\n  admin: { bind: 0.0.0.0:9464, allowRemote: true }\n").admin())
                .isEqualTo(new AdminSettings("0.0.0.0:9464", "", true));
    }

    @Test
    void adminBind_loopbackNames_needNoAllowRemote() throws ConfigException {
        for (String bind : new String[] {"127.0.0.1:9464", "localhost:9464", "[::1]:9464"}) {
            assertThat(agent("agent:\n  admin: { bind: \"" + bind + "\" }\n").admin().bind()).isEqualTo(bind);
        }
    }

    @Test
    void reloadTrue_isRead() throws ConfigException {
        assertThat(agent("agent:\n  reload: true\n").reload()).isTrue();
    }

    @Test
    void agent_notAMapping_isAnError() {
        assertThat(agentErrors("agent: on\n")).containsExactly("rules.yaml:2:8: agent: 'agent' must be a mapping,"
                + " not a single value — write it as 'key: value' lines or as { key: value }");
    }

    @Test
    void logSink_invalidPath_isAnErrorAtThePath() {
        assertThat(agentErrors("agent:\n  log: { sink: \"file:/tmp/a\\0b\" }\n")).containsExactly(
                "rules.yaml:3:22: agent.log: 'sink' is not a valid path: Nul character not allowed — write a valid"
                        + " file path after 'file:'");
    }
}
