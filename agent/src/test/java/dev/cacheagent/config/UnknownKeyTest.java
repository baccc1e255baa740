package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownKeyTest {

    @Test
    void unknownKey_nearAValidOne_suggestsIt() {
        assertThat(errors("""
                version: 1
                caches:
                  prompts:
                    tll: 10m
                    ttl: 10m
                    maxEntries: 10
                """ + RuleFiles.TIMING_RULE)).containsExactly(
                "rules.yaml:4:5: cache 'prompts': unknown key 'tll' — did you mean 'ttl'?");
    }

    @Test
    void unknownKey_farFromEveryValidOne_listsThem() {
        assertThat(errors("""
                version: 1
                agent:
                  log:
                    colour: red
                """ + RuleFiles.TIMING_RULE)).containsExactly(
                "rules.yaml:4:5: agent.log: unknown key 'colour' — remove it; the keys here are sink, format");
    }

    @Test
    void unknownKey_atTopLevel() {
        assertThat(errors("verison: 1\nversion: 1\n" + RuleFiles.TIMING_RULE)).containsExactly(
                "rules.yaml:1:1: rule file: unknown key 'verison' — did you mean 'version'?");
    }

    @Test
    void unknownKey_nestedInARule_isNamedByItsPath() {
        assertThat(errors("""
                version: 1
                rules:
                  - name: timing
                    match: { type: com.example.Service, methdo: get, method: get }
                    log: {}
                """)).containsExactly(
                "rules.yaml:4:41: rule 'timing': unknown key 'match.methdo' — did you mean 'method'?");
    }

    @Test
    void unknownKey_caseSlip_suggestsTheRightCase() {
        assertThat(errors("""
                version: 1
                agent: { onconfigerror: fail }
                """ + RuleFiles.TIMING_RULE)).containsExactly(
                "rules.yaml:2:10: agent: unknown key 'onconfigerror' — did you mean 'onConfigError'?");
    }

    @Test
    void unknownKey_everyOneIsReported() {
        assertThat(errors("""
                version: 1
                rules:
                  - name: timing
                    match: { type: com.example.Service, method: get }
                    log: { chanel: x, sampel: 0.5 }
                """)).containsExactly(
                "rules.yaml:5:12: rule 'timing': unknown key 'log.chanel' — did you mean 'channel'?",
                "rules.yaml:5:23: rule 'timing': unknown key 'log.sampel' — did you mean 'sample'?");
    }

    @Test
    void nearestName_allowsOneTypoInShortNames() {
        assertThat(NearestName.to("tll", java.util.List.of("ttl", "tier"))).contains("ttl");
        assertThat(NearestName.to("id", java.util.List.of("ttl", "tier"))).isEmpty();
    }

    @Test
    void misspeltRequiredKey_isOneError() {
        assertThat(errors("""
                version: 1
                caches:
                  prompts: { tll: 10m, maxEntries: 10 }
                """ + RuleFiles.TIMING_RULE)).containsExactly(
                "rules.yaml:3:14: cache 'prompts': unknown key 'tll' — did you mean 'ttl'?");
    }
}
