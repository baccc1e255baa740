package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SubstitutionTest {
    private static final String PROMPTS = """
            version: 1
            caches:
              prompts: { ttl: "${PROMPT_TTL:15m}", maxEntries: 10 }
            """ + RuleFiles.TIMING_RULE;

    private static Duration promptTtl(Environment env) throws ConfigException {
        return RuleFiles.parse(PROMPTS, env).caches().get("prompts").ttl();
    }

    @Test
    void substitution_systemPropertyWinsOverVariableAndDefault() throws ConfigException {
        Environment env = Environment.of(Map.of("PROMPT_TTL", "1m"), Map.of("PROMPT_TTL", "2m"));
        assertThat(promptTtl(env)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void substitution_environmentVariableWinsOverDefault() throws ConfigException {
        Environment env = Environment.of(Map.of(), Map.of("PROMPT_TTL", "2m"));
        assertThat(promptTtl(env)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void substitution_defaultWhenNothingIsSet() throws ConfigException {
        assertThat(promptTtl(RuleFiles.EMPTY)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void substitution_insideALargerValue() throws ConfigException {
        RuleFile file = RuleFiles.parse("""
                version: 1
                caches:
                  prompts:
                    ttl: ${PROMPT_CACHE_TTL_MS:900000}ms
                    maxEntries: 10
                """ + RuleFiles.TIMING_RULE);
        assertThat(file.caches().get("prompts").ttl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void substitution_feedsBooleans() throws ConfigException {
        String yaml = """
                version: 1
                agent: { enabled: "${CACHE_AGENT_ENABLED:true}" }
                """ + RuleFiles.TIMING_RULE;
        Environment off = Environment.of(Map.of(), Map.of("CACHE_AGENT_ENABLED", "false"));
        assertThat(RuleFiles.parse(yaml, off).agent().enabled()).isFalse();
    }

    @Test
    void substitution_emptyDefault() throws ConfigException {
        RuleFile file = RuleFiles.parse("""
                version: 1
                agent:
                  admin: { token: "${CACHE_AGENT_ADMIN_TOKEN:}" }
                """ + RuleFiles.TIMING_RULE);
        assertThat(file.agent().admin().token()).isEmpty();
    }

    @Test
    void substitution_doubleDollarIsALiteral() throws ConfigException {
        RuleFile file = RuleFiles.parse("""
                version: 1
                agent:
                  admin:
                    token: $${NOT_SUBSTITUTED}
                """ + RuleFiles.TIMING_RULE);
        assertThat(file.agent().admin().token()).isEqualTo("${NOT_SUBSTITUTED}");
    }

    @Test
    void substitution_unsetWithoutDefault_isAnErrorNamingTheVariable() {
        assertThat(errors("""
                version: 1
                caches:
                  prompts: { ttl: 10m, maxEntries: "${PROMPT_MAX}" }
                """ + RuleFiles.TIMING_RULE)).containsExactly("rules.yaml:3:37: cache 'prompts': 'maxEntries' uses"
                        + " ${PROMPT_MAX}, which is not set — set the system property -DPROMPT_MAX=<value> or the"
                        + " environment variable PROMPT_MAX, or give a default: ${PROMPT_MAX:<value>}");
    }

    @Test
    void substitution_unclosed_isAnError() {
        assertThat(errors("""
                version: 1
                caches:
                  prompts:
                    ttl: 10m
                    maxEntries: ${PROMPT_MAX
                """ + RuleFiles.TIMING_RULE)).containsExactly("rules.yaml:5:17: cache 'prompts': 'maxEntries' has an"
                        + " unclosed '${' — close it with '}', or write '$${' for a literal '${'");
    }

    @Test
    void substitution_invalidName_isAnError() {
        assertThat(errors("""
                version: 1
                caches:
                  prompts: { ttl: "${1X}", maxEntries: 10 }
                """ + RuleFiles.TIMING_RULE)).containsExactly("rules.yaml:3:20: cache 'prompts': 'ttl' has '${1X}',"
                        + " whose name '1X' is not a valid name — use letters, digits, '_', '.' and '-', starting"
                        + " with a letter or '_', e.g. ${REDIS_URL}");
    }

    @Test
    void substitution_substitutedValueIsNotSubstitutedAgain() throws ConfigException {
        Substitution substitution = new Substitution(Environment.of(Map.of("A", "${B}"), Map.of("B", "b")));
        try {
            assertThat(substitution.apply("x${A}y")).isEqualTo("x${B}y");
        } catch (InvalidValue e) {
            throw new AssertionError(e.what());
        }
    }

    @Test
    void substitution_nestedInADefault_isAnError() {
        assertThat(errors("""
                version: 1
                caches:
                  prompts:
                    ttl: ${A:${B}}
                    maxEntries: 10
                """ + RuleFiles.TIMING_RULE)).containsExactly("rules.yaml:4:10: cache 'prompts': 'ttl' nests '${'"
                        + " inside the default of ${A} — give a plain default value, e.g. ${A:value}");
    }

    @Test
    void isVariableName_acceptsExactlyWhatTheDocumentedPatternDoes() {
        Pattern documented = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
        for (String name : List.of("REDIS_URL", "_x", "a", "cache.ttl-ms", "A1", "x.", "x-", "", "1A", ".x", "-x",
                "a b", "a:b", "é", "a$", "ENABLE_PROMPT_CACHE", "a{b}")) {
            assertThat(Substitution.isVariableName(name)).as(name).isEqualTo(documented.matcher(name).matches());
        }
    }
}
