package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expressions are kept as written, with their position, and syntax-checked where they stand. */
class RuleExpressionTest {
    private static final String HEAD = """
            version: 1
            caches:
              scenes: { ttl: 10m, maxEntries: 100 }
            rules:
              - name: r
                match: { type: com.example.S, method: get }
            """;
    private static final String FIX = " — correct the expression at that column";

    @Test
    void expression_isKeptWithThePositionOfItsScalar() throws ConfigException {
        Rule rule = RuleFiles.parse(HEAD + "    cache: { use: scenes, key: \"#p0.trim()\" }\n").rules().get(0);
        assertThat(rule.cache().key()).isEqualTo(new ExpressionText("#p0.trim()", new Position(RuleFiles.FILE, 7, 32)));
    }

    @Test
    void syntaxError_inAPlainScalar_pointsAtTheColumnInTheFile() {
        // The scalar starts at column 38; the parser's column 7 is 6 further on.
        assertThat(errors(HEAD + "    cache: { use: scenes, condition: 1 < 2 < 3 }\n")).singleElement().asString()
                .startsWith("rules.yaml:7:44: rule 'r': 'cache.condition' \"1 < 2 < 3\" has a syntax error at column 7:"
                        + " comparisons cannot be chained")
                .endsWith(FIX);
    }

    @Test
    void unquotedExpression_isAYamlComment_andTheErrorSaysToQuoteIt() {
        assertThat(errors(HEAD + "    cache:\n      use: scenes\n      key: #styleName\n")).containsExactly(
                "rules.yaml:9:11: rule 'r': 'cache.key' has no value — quote the expression, e.g. \"#styleName\": after"
                        + " a space, '#' starts a YAML comment");
    }

    @Test
    void syntaxError_inAQuotedScalar_skipsTheQuote() {
        assertThat(errors(HEAD + "    cache: { use: scenes, unless: \"#result.isEmpty(\" }\n")).singleElement()
                .asString().startsWith("rules.yaml:7:52: rule 'r': 'cache.unless' \"#result.isEmpty(\" has a syntax"
                        + " error at column 17: ");
    }

    @Test
    void syntaxError_inABlockScalar_pointsAtTheScalar() {
        assertThat(errors(HEAD + "    cache:\n      use: scenes\n      condition: >\n        #p0 ==\n"))
                .singleElement().asString().startsWith("rules.yaml:9:18: rule 'r': 'cache.condition'");
    }

    @Test
    void syntaxError_inALogField_namesTheField() {
        assertThat(errors(HEAD + "    log: { fields: { style: \"#styleName.\" } }\n")).singleElement().asString()
                .startsWith("rules.yaml:7:41: rule 'r': 'log.fields.style' \"#styleName.\" has a syntax error at"
                        + " column 12: expected a property or method name after '.'");
    }

    @Test
    void logFields_keepFileOrder() throws ConfigException {
        Rule rule = RuleFiles.parse(HEAD + "    log: { fields: { zeta: \"#p0\", alpha: \"#p1\", mid: \"#p2\" } }\n")
                .rules().get(0);
        assertThat(rule.log().fields().keySet()).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void logField_namedLikeAStandardField_isAnError() {
        assertThat(errors(HEAD + "    log: { fields: { key: \"#p0\" } }\n")).containsExactly("rules.yaml:7:22: rule"
                + " 'r': field 'key' would hide the standard field of that name — rename it, e.g. keyValue");
    }

    @Test
    void logField_withAnUnusableName_isAnError() {
        assertThat(errors(HEAD + "    log: { fields: { \"my field\": \"#p0\" } }\n")).containsExactly("rules.yaml:7:22:"
                + " rule 'r': field name 'my field' is not a plain name — use letters, digits and '_', starting with a"
                + " letter, e.g. style");
    }

    @Test
    void syntaxErrors_inEvictAndPut_areEachReported() {
        List<String> errors = errors(HEAD + """
                    evict:
                      - { cache: scenes, key: "#a #b" }
                      - { cache: scenes, pattern: "(#a" }
                    put:
                      - { cache: scenes, key: "#id", value: "#result;" }
                """);
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("rules.yaml:8:35: rule 'r': 'evict[0].key' \"#a #b\" has a syntax error"
                + " at column 4: ");
        assertThat(errors.get(1)).startsWith("rules.yaml:9:39: rule 'r': 'evict[1].pattern' \"(#a\" has a syntax"
                + " error at column 4: ");
        assertThat(errors.get(2)).startsWith("rules.yaml:11:53: rule 'r': 'put[0].value' \"#result;\" has a syntax"
                + " error at column 8: ");
    }

    @Test
    void emptyExpression_isAnError() {
        assertThat(errors(HEAD + "    cache: { use: scenes, key: \"\" }\n")).containsExactly("rules.yaml:7:33: rule"
                + " 'r': 'cache.key' has no value — give it a value, or remove the key");
    }

    @Test
    void evictWithKeyAndPattern_isAnError() {
        assertThat(errors(HEAD + "    evict: [{ cache: scenes, key: \"#a\", pattern: \"#a + '*'\" }]\n"))
                .containsExactly("rules.yaml:7:41: rule 'r': 'evict[0].pattern' cannot be combined with key — give"
                        + " exactly one of key, pattern and all: true");
    }
}
