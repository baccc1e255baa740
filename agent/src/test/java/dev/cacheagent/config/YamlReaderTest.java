package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule file is plain data only, and bounded: hostile YAML is rejected with its position. */
class YamlReaderTest {

    @Test
    void explicitJavaTag_isRejected() {
        assertThat(errors("""
                version: 1
                agent: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x"]]]]
                """)).first().isEqualTo("rules.yaml:2:8: YAML: explicit tag '!!javax.script.ScriptEngineManager' is"
                        + " not allowed — remove the tag: a rule file holds plain values, lists and mappings only");
    }

    @Test
    void everyExplicitTag_isReported() {
        assertThat(errors("""
                version: !!int 1
                agent: !custom
                  enabled: ! true
                """)).containsExactly(
                "rules.yaml:1:10: YAML: explicit tag '!!int' is not allowed — remove the tag: a rule file holds"
                        + " plain values, lists and mappings only",
                "rules.yaml:2:8: YAML: explicit tag '!custom' is not allowed — remove the tag: a rule file holds"
                        + " plain values, lists and mappings only",
                "rules.yaml:3:12: YAML: explicit tag '!' is not allowed — remove the tag: a rule file holds"
                        + " plain values, lists and mappings only");
    }

    @Test
    void aliasBomb_isRejectedAtTheAliasOverTheLimit() {
        StringBuilder yaml = new StringBuilder("version: 1\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            yaml.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append((char) (level - 1));
            }
            yaml.append("]\n");
        }
        // 9 aliases a line: the 51st is the 6th alias on line 8, at column 28.
        assertThat(errors(yaml.toString())).containsExactly("rules.yaml:8:28: YAML: the file uses more than 50"
                + " aliases — write the values out instead of repeating them through aliases");
    }

    @Test
    void recursiveAlias_isRejected() {
        assertThat(errors("""
                version: 1
                rules: &r
                  - *r
                """)).containsExactly("rules.yaml:3:5: YAML: alias *r refers to a value that contains it — remove"
                        + " the alias; recursive structures are not allowed");
    }

    @Test
    void deepNesting_isRejectedAtTheFirstLevelTooDeep() {
        String yaml = "version: 1\nx: " + "[".repeat(100) + "]".repeat(100) + "\n";
        // The document's mapping is level 1; the 64th '[' (column 67) is level 65.
        assertThat(errors(yaml)).containsExactly("rules.yaml:2:67: YAML: values are nested more than 64 levels deep"
                + " — flatten the structure; a rule file needs only a few levels");
    }

    @Test
    void nestingDeepEnoughToOverflowTheComposer_isStoppedAtTheFirstLevelTooDeep() {
        String yaml = "version: 1\nx: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n";
        assertThat(errors(yaml)).containsExactly("rules.yaml:2:67: YAML: values are nested more than 64 levels deep"
                + " — flatten the structure; a rule file needs only a few levels");
    }

    @Test
    void hugeDocument_isRejectedBeforeParsing() {
        String yaml = "version: 1\n# " + "x".repeat(YamlReader.MAX_CODE_POINTS) + "\n";
        assertThat(errors(yaml)).containsExactly("rules.yaml:1:1: rule file: the file has 1048590 characters, more"
                + " than the limit of 1048576 — keep the rule file under 1 MiB");
    }

    @Test
    void duplicateKey_isRejectedAtTheSecond() {
        assertThat(errors("""
                version: 1
                caches:
                  prompts: { ttl: 10m, maxEntries: 10, ttl: 5m }
                """ + RuleFiles.TIMING_RULE)).containsExactly("rules.yaml:3:40: cache 'prompts': duplicate key 'ttl'"
                        + " (first at line 3) — remove one of them");
    }

    @Test
    void duplicateTopLevelKey_isRejected() {
        assertThat(errors("version: 1\n" + RuleFiles.TIMING_RULE + "version: 1\n")).containsExactly(
                "rules.yaml:6:1: rule file: duplicate key 'version' (first at line 1) — remove one of them");
    }

    @Test
    void secondDocument_isRejected() {
        assertThat(errors("version: 1\n" + RuleFiles.TIMING_RULE + "---\nversion: 1\n")).containsExactly(
                "rules.yaml:6:1: YAML: the file holds more than one YAML document ('---') — keep one document: remove"
                        + " this '---' and what follows, or merge the documents");
    }

    @Test
    void syntaxError_isReportedAtSnakeYamlsMark() {
        assertThat(errors("""
                version: 1
                agent:
                  enabled: true
                 stats: 10s
                """)).containsExactly("rules.yaml:4:2: YAML: syntax error: expected <block end>, but found"
                        + " '<block mapping start>' (while parsing a block mapping that starts at line 1) — check the"
                        + " indentation and punctuation here: keys end with ':', list items start with '- ', values"
                        + " with ': ' or '#' need quotes");
    }

    @Test
    void substitutionUnquotedInAFlowMapping_saysToQuoteIt() {
        assertThat(errors("""
                version: 1
                rules:
                  - name: timing
                    match: { type: com.example.Service, method: get }
                    log: { slowerThan: ${SLOW_MS:2000}ms }
                """)).containsExactly("rules.yaml:5:25: YAML: syntax error: expected ',' or '}', but got { (while"
                        + " parsing a flow mapping that starts at line 5) — quote values that use ${…} inside { } or"
                        + " [ ], e.g. ttl: \"${TTL:10m}\": there '{' and '}' are YAML punctuation");
    }

    @Test
    void emptyFile_isRejected() {
        assertThat(errors("# nothing yet\n")).containsExactly(
                "rules.yaml:1:1: rule file: the file is empty — start it with 'version: 1'");
    }

    @Test
    void topLevelList_isRejected() {
        assertThat(errors("- version: 1\n")).containsExactly("rules.yaml:1:1: rule file: 'the rule file' must be a"
                + " mapping, not a list — write it as 'key: value' lines or as { key: value }");
    }

    @Test
    void nonScalarKey_isRejected() {
        assertThat(errors("version: 1\n? [a, b]\n: 1\n" + RuleFiles.TIMING_RULE)).containsExactly(
                "rules.yaml:2:3: rule file: a key must be a plain name, not a sequence — write the key as a word"
                        + " followed by ':'");
    }

    @Test
    void byteOrderMark_isIgnored() throws ConfigException {
        assertThat(RuleFiles.parse("\uFEFFversion: 1\n" + RuleFiles.TIMING_RULE).rules()).hasSize(1);
    }
}
