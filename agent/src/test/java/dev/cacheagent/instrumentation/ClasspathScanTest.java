package dev.cacheagent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cacheagent.config.LogSpec;
import dev.cacheagent.config.Match;
import dev.cacheagent.config.Position;
import dev.cacheagent.config.Rule;
import dev.cacheagent.instrumentation.ClasspathScan.MatchedMethod;
import dev.cacheagent.runtime.Binding;
import dev.cacheagent.runtime.MethodInfo;
import fixture.FixtureClasses;
import fixture.validate.Explosive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathScanTest {
    private static final ClasspathScan.Binder BIND_ALL = (rules, method) -> new Binding.Bound(0);

    @TempDir
    Path temp;

    @Test
    void scan_listsEveryMethodARuleMatches_withParameterTypesBySimpleName() throws IOException {
        ClasspathScan.Result result = scan(List.of(rule("greet", new Match.TypePattern.Exact(
                "fixture.validate.GreetingService"), "greet", null)));

        assertThat(result.methods()).extracting(MatchedMethod::signature).containsExactly(
                "fixture.validate.GreetingService#greet(String)",
                "fixture.validate.GreetingService#greet(String, int)");
    }

    @Test
    void scan_paramsPickOneOverload() throws IOException {
        ClasspathScan.Result result = scan(List.of(rule("greet", new Match.TypePattern.Exact(
                "fixture.validate.GreetingService"), "greet", List.of("String", "int"))));

        assertThat(result.methods()).extracting(MatchedMethod::signature)
                .containsExactly("fixture.validate.GreetingService#greet(String, int)");
    }

    @Test
    void scan_neverMatchesConstructorsOrAbstractMethods() throws IOException {
        ClasspathScan.Result result = scan(List.of(rule("repositories", new Match.TypePattern.SubtypeOf(
                "fixture.validate.Repository"), "*", null)));

        assertThat(result.methods()).extracting(MatchedMethod::signature).containsExactly(
                "fixture.validate.Repository#findOrDefault(String)",
                "fixture.validate.UserRepository#find(String)");
    }

    @Test
    void scan_matchesArrayParametersAsRulesWriteThem() throws IOException {
        ClasspathScan.Result result = scan(List.of(rule("batch", new Match.TypePattern.Exact(
                "fixture.validate.BatchService"), "sizes", List.of("String[]", "byte[]"))));

        assertThat(result.methods()).extracting(MatchedMethod::signature)
                .containsExactly("fixture.validate.BatchService#sizes(String[], byte[])");
    }

    @Test
    void scan_matchesANestedTypeByItsBinaryName() throws IOException {
        ClasspathScan.Result result = scan(List.of(rule("sizes", new Match.TypePattern.Exact(
                "fixture.validate.Outer$Inner"), "size", null)));

        assertThat(result.methods()).extracting(MatchedMethod::signature)
                .containsExactly("fixture.validate.Outer$Inner#size(String)");
    }

    @Test
    void scan_namesEachMethodsRules_inFileOrder() throws IOException {
        ClasspathScan.Result result = scan(List.of(
                rule("all-greetings", new Match.TypePattern.Glob("fixture.validate.Greeting*"), "greet", null),
                rule("one-greeting", new Match.TypePattern.Exact("fixture.validate.GreetingService"), "greet",
                        List.of("String"))));

        assertThat(result.methods()).extracting(MatchedMethod::signature, MatchedMethod::rules).containsExactly(
                tuple("fixture.validate.GreetingService#greet(String)",
                        List.of("all-greetings", "one-greeting")),
                tuple("fixture.validate.GreetingService#greet(String, int)",
                        List.of("all-greetings")));
    }

    @Test
    void scan_listsEnabledRulesThatMatchNothing() throws IOException {
        ClasspathScan.Result result = scan(List.of(
                rule("greet", new Match.TypePattern.Exact("fixture.validate.GreetingService"), "greet", null),
                rule("typo", new Match.TypePattern.Exact("fixture.validate.GreetingServise"), "greet", null),
                rule("no-such-method", new Match.TypePattern.Exact("fixture.validate.GreetingService"), "wave",
                        null)));

        assertThat(result.unmatchedRules()).containsExactly("typo", "no-such-method");
    }

    @Test
    void scan_ignoresDisabledRules_asTheAgentDoes() throws IOException {
        Rule disabled = disabled(rule("off", new Match.TypePattern.Exact("fixture.validate.GreetingService"),
                "greet", null));

        ClasspathScan.Result result = scan(List.of(disabled));

        assertThat(result.methods()).isEmpty();
        assertThat(result.unmatchedRules()).isEmpty();
    }

    @Test
    void scan_keepsWhatBindingDecided() throws IOException {
        ClasspathScan.Binder rejectSettings = (rules, method) -> method.name().equals("describe")
                ? new Binding.Rejected(rules.get(0).name(), "a default key over Settings")
                : new Binding.Bound(1);

        ClasspathScan.Result result = ClasspathScan.scan(List.of(FixtureClasses.directory(temp)), List.of(
                rule("profiles", new Match.TypePattern.Exact("fixture.validate.ProfileService"), "describe*",
                        null)), rejectSettings);

        assertThat(result.methods()).extracting(MatchedMethod::signature, MatchedMethod::binding).containsExactly(
                tuple("fixture.validate.ProfileService#describe(ProfileService$Settings)",
                        new Binding.Rejected("profiles", "a default key over Settings")),
                tuple("fixture.validate.ProfileService#describeByName(String)",
                        new Binding.Bound(1)));
    }

    @Test
    void scan_describesParametersToBinding_withNamesAndValueEquality() throws IOException {
        List<MethodInfo> bound = new ArrayList<>();
        ClasspathScan.scan(List.of(FixtureClasses.directory(temp)), List.of(rule("profiles",
                new Match.TypePattern.Exact("fixture.validate.ProfileService"), "describe", null)),
                (rules, method) -> {
                    bound.add(method);
                    return new Binding.Bound(0);
                });

        assertThat(bound).singleElement().satisfies(method -> {
            assertThat(method.declaringType()).isEqualTo("fixture.validate.ProfileService");
            assertThat(method.returnType()).isEqualTo("java.lang.String");
            assertThat(method.parameters()).containsExactly(new MethodInfo.Parameter("settings",
                    "fixture.validate.ProfileService$Settings", false));
        });
    }

    @Test
    void scan_seesValueEqualityOfJdkTypes() throws IOException {
        List<MethodInfo> bound = new ArrayList<>();
        ClasspathScan.scan(List.of(FixtureClasses.directory(temp)), List.of(rule("greet",
                new Match.TypePattern.Exact("fixture.validate.GreetingService"), "greet", List.of("String", "int"))),
                (rules, method) -> {
                    bound.add(method);
                    return new Binding.Bound(0);
                });

        assertThat(bound.get(0).parameters()).extracting(MethodInfo.Parameter::valueEquality)
                .containsExactly(true, true);
    }

    @Test
    void scan_subtypeOfASupertypeMissingFromTheClasspath_stillMatchesItsSubtypes() throws IOException {
        Path classes = FixtureClasses.directory(temp);
        Files.delete(classes.resolve("fixture/validate/Repository.class"));

        ClasspathScan.Result result = ClasspathScan.scan(List.of(classes), List.of(rule("repositories",
                new Match.TypePattern.SubtypeOf("fixture.validate.Repository"), "*", null)), BIND_ALL);

        // As the agent decides: the subtype's own class file names its superclass.
        assertThat(result.methods()).extracting(MatchedMethod::signature)
                .containsExactly("fixture.validate.UserRepository#find(String)");
        assertThat(result.unreadableClasses()).isEmpty();
    }

    @Test
    void scan_parameterTypeMissingFromTheClasspath_isDescribedWithoutValueEquality() throws IOException {
        Path classes = FixtureClasses.directory(temp);
        Files.delete(classes.resolve("fixture/validate/ProfileService$Settings.class"));
        List<MethodInfo> bound = new ArrayList<>();

        ClasspathScan.Result result = ClasspathScan.scan(List.of(classes), List.of(rule("profiles",
                new Match.TypePattern.Exact("fixture.validate.ProfileService"), "describe", null)),
                (rules, method) -> {
                    bound.add(method);
                    return new Binding.Bound(0);
                });

        assertThat(result.unreadableClasses()).isEmpty();
        assertThat(bound).singleElement().satisfies(method -> assertThat(method.parameters()).containsExactly(
                new MethodInfo.Parameter("settings", "fixture.validate.ProfileService$Settings", false)));
    }

    @Test
    void scan_readsClassesWithoutInitialisingThem() throws IOException {
        ClasspathScan.Result result = scan(List.of(rule("explosive", new Match.TypePattern.Exact(
                "fixture.validate.Explosive"), "detonate", null)));

        assertThat(result.methods()).hasSize(1);
        assertThat(System.getProperty(Explosive.INITIALISED)).isNull();
    }

    @Test
    void scan_readsJarsAsItReadsDirectories() throws IOException {
        Path jar = FixtureClasses.jar(temp.resolve("app.jar"));

        ClasspathScan.Result result = ClasspathScan.scan(List.of(jar), List.of(rule("greet",
                new Match.TypePattern.Exact("fixture.validate.GreetingService"), "greet", null)), BIND_ALL);

        assertThat(result.methods()).extracting(MatchedMethod::signature).containsExactly(
                "fixture.validate.GreetingService#greet(String)",
                "fixture.validate.GreetingService#greet(String, int)");
    }

    @Test
    void scan_countsTheClassesItRead() throws IOException {
        Path classes = FixtureClasses.directory(temp);
        long classFiles;
        try (var files = Files.list(classes.resolve("fixture/validate"))) {
            classFiles = files.count();
        }

        ClasspathScan.Result result = ClasspathScan.scan(List.of(classes), List.of(), BIND_ALL);

        assertThat(result.classesRead()).isEqualTo(classFiles).isGreaterThan(5);
    }

    @Test
    void scan_reportsAClassFileItCannotRead_andGoesOn() throws IOException {
        Path classes = FixtureClasses.directory(temp);
        Files.write(classes.resolve("fixture/validate/Broken.class"), new byte[] {1, 2, 3});

        ClasspathScan.Result result = ClasspathScan.scan(List.of(classes), List.of(rule("everything",
                new Match.TypePattern.Glob("fixture.validate.*"), "greet", null)), BIND_ALL);

        assertThat(result.unreadableClasses()).singleElement().asString()
                .startsWith("fixture.validate.Broken: not a readable class file");
        assertThat(result.methods()).hasSize(2);
    }

    @Test
    void scan_namesAnEntryThatIsNotAJar() throws IOException {
        Path notAJar = Files.writeString(temp.resolve("notes.txt"), "not a jar");

        assertThatThrownBy(() -> ClasspathScan.scan(List.of(notAJar), List.of(), BIND_ALL))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read classpath entry " + notAJar)
                .hasMessageContaining("give a jar file or a directory of classes");
    }

    private ClasspathScan.Result scan(List<Rule> rules) throws IOException {
        return ClasspathScan.scan(List.of(FixtureClasses.directory(temp)), rules, BIND_ALL);
    }

    static Rule rule(String name, Match.TypePattern type, String method, List<String> params) {
        LogSpec log = new LogSpec(name, Set.of("call"), 1.0, Duration.ZERO, Map.of(), false);
        return new Rule(name, true, Rule.Mode.SERVE, new Match(type, method, params), null, List.of(), List.of(),
                null, log, new Position("rules.yaml", 10, 5));
    }

    private static Rule disabled(Rule rule) {
        return new Rule(rule.name(), false, rule.mode(), rule.match(), rule.cache(), rule.evict(), rule.put(),
                rule.costPerCall(), rule.log(), rule.position());
    }
}
