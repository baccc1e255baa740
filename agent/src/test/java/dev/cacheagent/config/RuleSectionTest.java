package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.EvictAction.When;
import dev.cacheagent.config.Match.TypePattern;
import dev.cacheagent.config.Rule.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSectionTest {
    private static final String CACHES = """
            version: 1
            caches:
              scenes: { ttl: 10m, maxEntries: 100 }
            rules:
            """;

    /** The only rule of a file whose rule starts on line 5 with {@code   - name: r}. */
    private static Rule rule(String body) throws ConfigException {
        return RuleFiles.parse(CACHES + "  - name: r\n" + body).rules().get(0);
    }

    private static List<String> ruleErrors(String body) {
        return errors(CACHES + "  - name: r\n" + body);
    }

    @Test
    void rule_readsNameEnabledModeAndMatch() throws ConfigException {
        Rule rule = rule("""
                    enabled: false
                    mode: shadow
                    match: { type: com.example.Outer$Inner, method: "get*", params: [String, "long[]"] }
                    cache: { use: scenes }
                    costPerCall: 0.05
                """);
        assertThat(rule.name()).isEqualTo("r");
        assertThat(rule.enabled()).isFalse();
        assertThat(rule.mode()).isEqualTo(Mode.SHADOW);
        assertThat(rule.match()).isEqualTo(
                new Match(new TypePattern.Exact("com.example.Outer$Inner"), "get*", List.of("String", "long[]")));
        assertThat(rule.costPerCall()).isEqualTo(0.05);
        assertThat(rule.position()).isEqualTo(new Position(RuleFiles.FILE, 5, 5));
    }

    @Test
    void rule_defaults() throws ConfigException {
        Rule rule = rule("    match: { type: com.example.S, method: get }\n    log: {}\n");
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.mode()).isEqualTo(Mode.SERVE);
        assertThat(rule.match().params()).isNull();
        assertThat(rule.cache()).isNull();
        assertThat(rule.evict()).isEmpty();
        assertThat(rule.put()).isEmpty();
        assertThat(rule.costPerCall()).isNull();
    }

    @Test
    void match_globAndSubtypeOf() throws ConfigException {
        assertThat(rule("    match: { glob: com.example.**.*Service, method: get }\n    log: {}\n").match().type())
                .isEqualTo(new TypePattern.Glob("com.example.**.*Service"));
        assertThat(rule("    match: { subtypeOf: com.example.Source, method: get }\n    log: {}\n").match().type())
                .isEqualTo(new TypePattern.SubtypeOf("com.example.Source"));
    }

    @Test
    void evict_allAndWhen() throws ConfigException {
        Rule rule = rule("""
                    match: { type: com.example.S, method: update }
                    evict:
                      - { cache: scenes, all: true, when: before }
                """);
        assertThat(rule.evict()).containsExactly(new EvictAction("scenes", new EvictAction.Target.All(), When.BEFORE,
                new Position(RuleFiles.FILE, 8, 9)));
    }

    @Test
    void name_missing_isAnErrorOfTheNumberedRule() {
        assertThat(errors(CACHES + "  - match: { type: com.example.S, method: get }\n    log: {}\n")).containsExactly(
                "rules.yaml:5:5: rule #1: 'name' is missing — add name: style-prompt");
    }

    @Test
    void name_withSpaces_isAnError() {
        assertThat(errors(CACHES + "  - name: style prompt\n    match: { type: com.example.S, method: get }\n"
                + "    log: {}\n")).containsExactly("rules.yaml:5:11: rule #1: 'name' must use only letters, digits,"
                        + " - and _, not 'style prompt' — rename it, e.g. style-prompt");
    }

    @Test
    void name_duplicate_isAnErrorAtTheSecondRule() {
        assertThat(errors(CACHES + """
                  - name: r
                    match: { type: com.example.S, method: get }
                    log: {}
                  - name: r
                    match: { type: com.example.S, method: set }
                    log: {}
                """)).containsExactly("rules.yaml:8:5: rule 'r': the name 'r' is already used by the rule at line 5"
                        + " — give each rule a name of its own");
    }

    @Test
    void rule_withoutActions_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get }\n")).containsExactly(
                "rules.yaml:5:5: rule 'r': the rule does nothing — add at least one of cache, evict, put and log");
    }

    @Test
    void shadowMode_withoutCache_isAnError() {
        assertThat(ruleErrors("    mode: shadow\n    match: { type: com.example.S, method: get }\n    log: {}\n"))
                .containsExactly("rules.yaml:6:11: rule 'r': 'mode: shadow' needs a 'cache' to look up — add a cache"
                        + " section, or remove mode: shadow");
    }

    @Test
    void mode_unknown_isAnError() {
        assertThat(ruleErrors("    mode: dry-run\n    match: { type: com.example.S, method: get }\n    log: {}\n"))
                .containsExactly("rules.yaml:6:11: rule 'r': 'mode' must be one of serve, shadow, not 'dry-run' —"
                        + " write one of serve, shadow");
    }

    @Test
    void enabled_notABoolean_isAnError() {
        assertThat(ruleErrors("    enabled: maybe\n    match: { type: com.example.S, method: get }\n    log: {}\n"))
                .containsExactly("rules.yaml:6:14: rule 'r': 'enabled' must be true or false, not 'maybe' — write"
                        + " true or false");
    }

    @Test
    void costPerCall_negative_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get }\n    costPerCall: -1\n    log: {}\n"))
                .containsExactly("rules.yaml:7:18: rule 'r': 'costPerCall' must not be negative, not -1 — write 0 or"
                        + " more");
    }

    @Test
    void match_missing_isAnError() {
        assertThat(ruleErrors("    log: {}\n")).containsExactly("rules.yaml:5:5: rule 'r': 'match' is missing — add"
                + " match: { type: com.example.Service, method: getThing }");
    }

    @Test
    void match_withoutType_isAnError() {
        assertThat(ruleErrors("    match: { method: get }\n    log: {}\n")).containsExactly("rules.yaml:6:12: rule 'r':"
                + " 'match' names no type — add one of type: com.example.Service, glob: com.example.**.*Service or"
                + " subtypeOf: com.example.Source");
    }

    @Test
    void match_withTwoTypes_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, glob: com.example.*, method: get }\n    log: {}\n"))
                .containsExactly("rules.yaml:6:35: rule 'r': 'match' has both type and glob — keep exactly one of"
                        + " type, glob and subtypeOf");
    }

    @Test
    void match_withoutMethod_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S }\n    log: {}\n")).containsExactly("rules.yaml:6:12:"
                + " rule 'r': 'match.method' is missing — add method: getStylePrompt");
    }

    @Test
    void match_badTypeName_isAnError() {
        assertThat(ruleErrors("    match: { type: com/example/S, method: get }\n    log: {}\n")).containsExactly(
                "rules.yaml:6:20: rule 'r': 'match.type' must be a class name, not 'com/example/S' — write the"
                        + " binary name, e.g. com.example.Outer$Inner");
    }

    @Test
    void match_badMethodName_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: \"get(String)\" }\n    log: {}\n"))
                .containsExactly("rules.yaml:6:44: rule 'r': 'match.method' must be a method name, not"
                        + " 'get(String)' — write a name such as getStylePrompt, or a glob such as get*");
    }

    @Test
    void match_genericParamType_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get, params: [\"List<String>\"] }\n"
                + "    log: {}\n")).containsExactly("rules.yaml:6:58: rule 'r': 'match.params[0]' must be a type name,"
                        + " not 'List<String>' — write the erased type, e.g. String, java.util.List or int[]");
    }

    @Test
    void evict_withoutTarget_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get }\n    evict: [{ cache: scenes }]\n"))
                .containsExactly("rules.yaml:7:13: rule 'r': 'evict[0]' says nothing to evict — add one of key:"
                        + " <expression>, pattern: <expression> or all: true");
    }

    @Test
    void evict_allFalse_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get }\n    evict:\n"
                + "      - { cache: scenes, all: false }\n")).containsExactly("rules.yaml:8:31: rule 'r':"
                        + " 'evict[0].all' can only be true — write all: true, or give key or pattern instead");
    }

    @Test
    void evict_unknownWhen_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get }\n    evict:\n"
                + "      - { cache: scenes, all: true, when: during }\n")).containsExactly("rules.yaml:8:43: rule 'r':"
                        + " 'evict[0].when' must be one of before, after, not 'during' — write one of before, after");
    }

    @Test
    void evict_unknownCache_suggestsTheNearest() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get }\n    evict:\n"
                + "      - { cache: scene, all: true }\n")).containsExactly("rules.yaml:8:18: rule 'r':"
                        + " 'evict[0].cache' names cache 'scene', which does not exist — did you mean 'scenes'?");
    }

    @Test
    void evict_missingCache_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get }\n    evict:\n      - { all: true }\n"))
                .containsExactly("rules.yaml:8:9: rule 'r': 'evict[0].cache' is missing — add cache: scenes");
    }

    @Test
    void evict_empty_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get }\n    evict: []\n    log: {}\n"))
                .containsExactly("rules.yaml:7:12: rule 'r': 'evict' is empty — list at least one entry, or remove"
                        + " it");
    }

    @Test
    void evict_itemNotAMapping_isAnError() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get }\n    evict: [scenes]\n"))
                .containsExactly("rules.yaml:7:13: rule 'r': 'evict[0]' must be a mapping, not a single value —"
                        + " write it as 'key: value' lines or as { key: value }");
    }

    @Test
    void put_missingKeyAndValue_areErrors() {
        assertThat(ruleErrors("    match: { type: com.example.S, method: get }\n    put:\n      - { cache: scenes }\n"))
                .containsExactly(
                        "rules.yaml:8:9: rule 'r': 'put[0].key' is missing — add key: \"#id\"",
                        "rules.yaml:8:9: rule 'r': 'put[0].value' is missing — add value: \"#result\"");
    }

    @Test
    void put_unknownCache_listsTheCaches() {
        assertThat(errors("""
                version: 1
                caches:
                  scenes: { ttl: 10m, maxEntries: 100 }
                  decisions: { ttl: 10m, maxEntries: 100 }
                rules:
                  - name: r
                    match: { type: com.example.S, method: get }
                    put: [{ cache: images }]
                """)).contains("rules.yaml:8:20: rule 'r': 'put[0].cache' names cache 'images', which does not"
                        + " exist — declare it under caches:, or name one of scenes, decisions");
    }

    @Test
    void rules_notAList_isAnError() {
        assertThat(errors("version: 1\nrules:\n  name: r\n")).containsExactly("rules.yaml:3:3: rule file: 'rules'"
                + " must be a list, not a mapping — write it as [a, b] or as one '- item' a line");
    }

    @Test
    void rules_everyRuleIsChecked() {
        assertThat(errors(CACHES + """
                  - name: a
                    match: { type: com.example.S, method: get }
                  - name: b
                    match: { type: com.example.S, method: get }
                """)).containsExactly(
                "rules.yaml:5:5: rule 'a': the rule does nothing — add at least one of cache, evict, put and log",
                "rules.yaml:7:5: rule 'b': the rule does nothing — add at least one of cache, evict, put and log");
    }

    @Test
    void match_badGlob_isAnError() {
        assertThat(ruleErrors("    match: { glob: \"com.example.(a|b)\", method: get }\n    log: {}\n"))
                .containsExactly("rules.yaml:6:21: rule 'r': 'match.glob' must be a class name glob, not"
                        + " 'com.example.(a|b)' — write e.g. com.example.**.*Service: * within a package, ** across"
                        + " packages");
    }
}
