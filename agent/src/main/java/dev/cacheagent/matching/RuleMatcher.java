package dev.cacheagent.matching;

import dev.cacheagent.config.Match;
import dev.cacheagent.config.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Selects the rules that apply to a type and its methods. Built once per rule file from its
 * enabled rules; immutable and thread-safe.
 *
 * <p>Matching is by name first: {@link #mayMatch} answers from the type's name alone for exact and
 * glob rules, so a class that no rule names is rejected without reading anything else.
 */
public final class RuleMatcher {
    private final List<CompiledRule> rules;
    private final boolean anySubtypeRule;
    /**
     * The type names rules select by name, and the wildcard patterns of the others: {@link #mayMatch} runs for
     * every class the JVM loads, so a name costs one set lookup however many rules name a type.
     */
    private final Set<String> names;
    private final Glob[] patterns;

    private RuleMatcher(List<CompiledRule> rules) {
        this.rules = rules;
        boolean subtypes = false;
        Set<String> exact = new HashSet<>();
        List<Glob> wildcards = new ArrayList<>();
        for (CompiledRule rule : rules) {
            subtypes |= rule.subtypeOf != null;
            if (rule.typeGlob.isLiteral()) {
                exact.add(rule.typeGlob.text());
            } else {
                wildcards.add(rule.typeGlob);
            }
        }
        this.anySubtypeRule = subtypes;
        this.names = Set.copyOf(exact);
        this.patterns = wildcards.toArray(new Glob[0]);
    }

    /** A matcher over the enabled rules of a rule file, in file order. */
    public static RuleMatcher of(List<Rule> rules) {
        List<CompiledRule> compiled = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.enabled()) {
                compiled.add(new CompiledRule(rule));
            }
        }
        return new RuleMatcher(List.copyOf(compiled));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether any rule might match a type of this name; {@code true} may still match no method. */
    public boolean mayMatch(String typeName) {
        if (anySubtypeRule || names.contains(typeName)) {
            return true;
        }
        for (Glob pattern : patterns) {
            if (pattern.matches(typeName)) {
                return true;
            }
        }
        return false;
    }

    /** The rules whose type pattern selects this type, in file order. */
    public List<Rule> rulesFor(TypeView type) {
        List<Rule> selected = new ArrayList<>();
        for (CompiledRule rule : rules) {
            if (rule.selectsType(type)) {
                selected.add(rule.rule);
            }
        }
        return selected;
    }

    /** Of the rules that selected the type, those that select this method, in file order. */
    public static List<Rule> rulesFor(List<Rule> typeRules, MethodView method) {
        if (!method.selectable()) {
            return List.of();
        }
        List<Rule> selected = new ArrayList<>();
        for (Rule rule : typeRules) {
            if (selectsMethod(rule.match(), method)) {
                selected.add(rule);
            }
        }
        return selected;
    }

    private static boolean selectsMethod(Match match, MethodView method) {
        if (!Glob.of(match.method()).matches(method.name())) {
            return false;
        }
        List<String> params = match.params();
        if (params == null) {
            return true;
        }
        if (params.size() != method.parameterTypes().size()) {
            return false;
        }
        for (int i = 0; i < params.size(); i++) {
            if (!sameType(params.get(i), method.parameterTypes().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code String} names {@code java.lang.String}; {@code Outer.Inner} and {@code Outer$Inner} name the same type. */
    static boolean sameType(String written, String actual) {
        String w = written.replace('$', '.');
        String a = actual.replace('$', '.');
        return w.equals(a) || a.endsWith("." + w);
    }

    private static final class CompiledRule {
        final Rule rule;
        final Glob typeGlob;
        final String subtypeOf;

        CompiledRule(Rule rule) {
            this.rule = rule;
            Match.TypePattern type = rule.match().type();
            if (type instanceof Match.TypePattern.Glob glob) {
                this.typeGlob = Glob.of(glob.glob());
            } else if (type instanceof Match.TypePattern.Exact exact) {
                this.typeGlob = Glob.literal(exact.name());
            } else {
                this.typeGlob = Glob.literal(((Match.TypePattern.SubtypeOf) type).name());
            }
            this.subtypeOf = type instanceof Match.TypePattern.SubtypeOf s ? s.name() : null;
        }

        boolean selectsType(TypeView type) {
            if (subtypeOf == null) {
                return typeGlob.matches(type.name());
            }
            return type.name().equals(subtypeOf) || type.supertypeNames().contains(subtypeOf);
        }
    }
}
