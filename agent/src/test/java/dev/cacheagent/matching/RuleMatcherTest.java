package dev.cacheagent.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.Match;
import dev.cacheagent.config.Position;
import dev.cacheagent.config.Rule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {
    private static final Position HERE = new Position("rules.yaml", 1, 1);

    @Test
    void exactType_selectsOnlyThatBinaryName() {
        RuleMatcher matcher = RuleMatcher.of(List.of(rule("r", new Match.TypePattern.Exact("com.example.Outer$Inner"), "get", null)));

        assertThat(matcher.mayMatch("com.example.Outer$Inner")).isTrue();
        assertThat(matcher.mayMatch("com.example.Outer")).isFalse();
        assertThat(matcher.rulesFor(type("com.example.Outer$Inner"))).hasSize(1);
    }

    @Test
    void mayMatch_exactNamesAndGlobsOfSeveralRules_eachSelectsItsOwnTypes() {
        RuleMatcher matcher = RuleMatcher.of(List.of(
                rule("a", new Match.TypePattern.Exact("com.example.PromptStore"), "get", null),
                rule("b", new Match.TypePattern.Glob("com.example.**.*Client"), "call", null),
                rule("c", new Match.TypePattern.Glob("com.example.Scenes"), "load", null),
                rule("d", new Match.TypePattern.Exact("com.example.PromptStore"), "put", null)));

        assertThat(matcher.mayMatch("com.example.PromptStore")).isTrue();
        assertThat(matcher.mayMatch("com.example.ai.ImageClient")).isTrue();
        assertThat(matcher.mayMatch("com.example.Scenes")).as("a glob without wildcards names one type").isTrue();
        assertThat(matcher.mayMatch("com.example.ScenesX")).isFalse();
        assertThat(matcher.mayMatch("com.example.PromptStores")).isFalse();
        assertThat(matcher.rulesFor(type("com.example.PromptStore"))).extracting(Rule::name).containsExactly("a", "d");
    }

    @Test
    void singleStarGlob_staysWithinOnePackageSegment() {
        RuleMatcher matcher = RuleMatcher.of(List.of(rule("r", new Match.TypePattern.Glob("com.example.*Service"), "get", null)));

        assertThat(matcher.mayMatch("com.example.PromptService")).isTrue();
        assertThat(matcher.mayMatch("com.example.sub.PromptService")).isFalse();
    }

    @Test
    void doubleStarGlob_crossesPackageSegments() {
        RuleMatcher matcher = RuleMatcher.of(List.of(rule("r", new Match.TypePattern.Glob("com.example.**.*Service"), "get", null)));

        assertThat(matcher.mayMatch("com.example.a.b.PromptService")).isTrue();
        assertThat(matcher.mayMatch("org.example.a.PromptService")).isFalse();
    }

    @Test
    void subtypeOf_selectsTheTypeAndItsSubtypes_byTheirSupertypes() {
        RuleMatcher matcher = RuleMatcher.of(List.of(rule("r", new Match.TypePattern.SubtypeOf("com.example.Source"), "get", null)));

        assertThat(matcher.rulesFor(type("com.example.Source"))).hasSize(1);
        assertThat(matcher.rulesFor(type("com.example.DbSource", "com.example.Source", "java.lang.Object"))).hasSize(1);
        assertThat(matcher.rulesFor(type("com.example.Other", "java.lang.Object"))).isEmpty();
    }

    @Test
    void subtypeRules_makeEveryNamePassTheNameFilter() {
        RuleMatcher matcher = RuleMatcher.of(List.of(rule("r", new Match.TypePattern.SubtypeOf("com.example.Source"), "get", null)));

        assertThat(matcher.mayMatch("anything.At.All")).isTrue();
    }

    @Test
    void disabledRules_matchNothing() {
        Rule disabled = new Rule("off", false, Rule.Mode.SERVE, new Match(new Match.TypePattern.Exact("a.B"), "get", null),
                null, List.of(), List.of(), null, null, HERE);

        assertThat(RuleMatcher.of(List.of(disabled)).isEmpty()).isTrue();
        assertThat(RuleMatcher.of(List.of(disabled)).mayMatch("a.B")).isFalse();
    }

    @Test
    void methodGlob_selectsByName() {
        List<Rule> rules = List.of(rule("r", new Match.TypePattern.Exact("a.B"), "get*", null));

        assertThat(RuleMatcher.rulesFor(rules, method("getPrompt"))).hasSize(1);
        assertThat(RuleMatcher.rulesFor(rules, method("setPrompt"))).isEmpty();
    }

    @Test
    void params_acceptSimpleQualifiedNestedAndArrayNames() {
        MethodView method = method("find", "java.lang.String", "int", "com.example.Outer$Inner", "byte[]");

        assertThat(RuleMatcher.rulesFor(List.of(withParams("String", "int", "Outer.Inner", "byte[]")), method)).hasSize(1);
        assertThat(RuleMatcher.rulesFor(List.of(withParams("java.lang.String", "int", "com.example.Outer$Inner", "byte[]")),
                method)).hasSize(1);
        assertThat(RuleMatcher.rulesFor(List.of(withParams("String", "long", "Outer.Inner", "byte[]")), method)).isEmpty();
        assertThat(RuleMatcher.rulesFor(List.of(withParams("String")), method)).isEmpty();
    }

    @Test
    void constructorsBridgesAndAbstractMethods_areNeverSelected() {
        List<Rule> rules = List.of(rule("r", new Match.TypePattern.Exact("a.B"), "*", null));

        assertThat(RuleMatcher.rulesFor(rules, new MethodView("get", List.of(), false))).isEmpty();
    }

    @Test
    void severalRules_areReturnedInFileOrder() {
        List<Rule> rules = List.of(rule("first", new Match.TypePattern.Exact("a.B"), "get", null),
                rule("second", new Match.TypePattern.Glob("a.*"), "get", null));

        assertThat(RuleMatcher.of(rules).rulesFor(type("a.B"))).extracting(Rule::name).containsExactly("first", "second");
    }

    private static Rule withParams(String... params) {
        return rule("r", new Match.TypePattern.Exact("a.B"), "find", List.of(params));
    }

    private static Rule rule(String name, Match.TypePattern type, String method, List<String> params) {
        return new Rule(name, true, Rule.Mode.SERVE, new Match(type, method, params), null, List.of(), List.of(), null,
                null, HERE);
    }

    private static MethodView method(String name, String... parameterTypes) {
        return new MethodView(name, List.of(parameterTypes), true);
    }

    private static TypeView type(String name, String... supertypes) {
        return new TypeView() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> supertypeNames() {
                return Set.of(supertypes);
            }
        };
    }
}
