package dev.cacheagent.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.CacheSpec.Tier;
import dev.cacheagent.config.EvictAction.Target;
import dev.cacheagent.config.EvictAction.When;
import dev.cacheagent.config.Match.TypePattern;
import dev.cacheagent.config.Rule.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §2's example, less redis, reload and admin.bind, read into the records it describes. */
class FullFileTest {
    private static final Path FILE = Path.of("src/test/resources/config/full.yaml");
    private static final String NAME = FILE.toString();

    private RuleFile file;

    @BeforeEach
    void load() throws ConfigException {
        file = RuleFileLoader.load(FILE, Environment.of(Map.of(), Map.of("ENABLE_PROMPT_CACHE", "true")));
    }

    private static Position at(int line, int column) {
        return new Position(NAME, line, column);
    }

    private static ExpressionText expression(String source, int line, int column) {
        return new ExpressionText(source, at(line, column));
    }

    @Test
    void agent() {
        assertThat(file.agent()).isEqualTo(new AgentSettings(true, AgentSettings.OnConfigError.DISABLE, false,
                LogSettings.defaults(), Duration.ofSeconds(60), new AdminSettings(null, "", false)));
        assertThat(file.redis()).isNull();
    }

    @Test
    void caches() {
        assertThat(file.caches().keySet()).containsExactly("prompts", "scenes", "project-scenes", "decisions");
        assertThat(file.caches().get("prompts")).isEqualTo(new CacheSpec("prompts", Tier.LOCAL,
                Duration.ofMinutes(15), 10000, 0.1, null, null, null, null, List.of(), at(18, 5)));
        assertThat(file.caches().get("decisions").ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(file.caches().get("decisions").refreshAhead()).isEqualTo(0.8);
        assertThat(file.caches().get("decisions").staleIfError()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void stylePromptRule() {
        Rule rule = file.rules().get(0);
        assertThat(rule).isEqualTo(new Rule("style-prompt", true, Mode.SERVE,
                new Match(new TypePattern.Exact("com.example.preview.StylePromptService"), "getStylePrompt",
                        List.of("String")),
                new CacheAction("prompts", expression("#styleName.trim().toLowerCase()", 36, 12),
                        expression("#styleName != null", 37, 18), expression("#result.isEmpty()", 38, 15), false,
                        List.of(List.of("classic-oil-painting"), List.of("watercolor-dreams"))),
                List.of(), List.of(), 0.05,
                new LogSpec("prompt-cache", Set.of("hit", "miss", "fetch_error"), 1.0, Duration.ZERO,
                        Map.of("style", expression("#styleName", 49, 24),
                                "length", expression("#result.length()", 49, 46)), false),
                at(27, 5)));
        assertThat(rule.log().fields().keySet()).containsExactly("style", "length");
    }

    @Test
    void sceneUpdateRule() {
        Rule rule = file.rules().get(1);
        assertThat(rule.cache()).isNull();
        assertThat(rule.log()).isNull();
        assertThat(rule.evict()).containsExactly(
                new EvictAction("scenes", new Target.Key(expression("#projectId + ':' + #sceneId", 55, 31)),
                        When.AFTER, at(55, 9)),
                new EvictAction("project-scenes", new Target.Key(expression("#projectId", 56, 39)), When.BEFORE,
                        at(56, 9)),
                new EvictAction("scenes", new Target.Pattern(expression("#projectId + ':*'", 57, 35)), When.AFTER,
                        at(57, 9)),
                new EvictAction("decisions", new Target.All(), When.AFTER, at(58, 9)));
        assertThat(rule.put()).containsExactly(new PutAction("scenes", expression("#projectId + ':' + #sceneId", 60,
                31), expression("#result", 60, 69), at(60, 9)));
    }

    @Test
    void replicateTimingRule() {
        Rule rule = file.rules().get(2);
        assertThat(rule.match().type()).isEqualTo(new TypePattern.Exact("com.example.preview.ReplicateService"));
        assertThat(rule.log()).isEqualTo(new LogSpec("preview-metrics", Set.copyOf(RuleLogSection.PER_CALL_EVENTS),
                1.0, Duration.ofSeconds(2), Map.of(), false));
    }

    @Test
    void substitution_defaultsApplyWhenNothingIsSet() throws ConfigException {
        RuleFile defaults = RuleFileLoader.load(FILE, RuleFiles.EMPTY);
        assertThat(defaults.rules().get(0).enabled()).isFalse();
        assertThat(defaults.agent().enabled()).isTrue();
    }
}
