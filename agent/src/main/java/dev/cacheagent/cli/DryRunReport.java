package dev.cacheagent.cli;

import static dev.cacheagent.cli.Figures.count;

import dev.cacheagent.config.Rule;
import dev.cacheagent.instrumentation.ClasspathScan;
import dev.cacheagent.instrumentation.ClasspathScan.MatchedMethod;
import dev.cacheagent.observe.Event;
import dev.cacheagent.runtime.Binding;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints a dry run, rule by rule in file order: the methods each rule would instrument, each
 * {@code rule_error} it would raise, and a warning for a rule that matches nothing. Problems start
 * with the rule's {@code file:line:col}, like the rule file's own errors, so editors can jump to them.
 */
final class DryRunReport {
    private final List<Rule> rules;
    private final ClasspathScan.Result result;
    private final List<Event> instrumentedWithErrors;

    DryRunReport(List<Rule> rules, ClasspathScan.Result result) {
        this(rules, result, List.of());
    }

    /**
     * @param instrumentedWithErrors {@code rule_error} events of methods that binding instrumented all the
     *     same (a {@code warmup} list that cannot fit the method is left out of the warm-up)
     */
    DryRunReport(List<Rule> rules, ClasspathScan.Result result, List<Event> instrumentedWithErrors) {
        this.rules = rules;
        this.result = result;
        this.instrumentedWithErrors = List.copyOf(instrumentedWithErrors);
    }

    long ruleErrors() {
        return result.methods().stream().filter(m -> m.binding() instanceof Binding.Rejected).count()
                + instrumentedWithErrors.size();
    }

    private long instrumentedMethods() {
        return result.methods().stream().filter(MatchedMethod::instrumented).count();
    }

    void print(PrintStream out, int classpathEntries) {
        out.println("dry run over " + count(classpathEntries, "classpath entry", "classpath entries")
                + ", " + count(result.classesRead(), "class", "classes")
                + " (read, not loaded):");
        for (Rule rule : rules) {
            if (!rule.enabled()) {
                out.println("rule '" + rule.name() + "' is disabled: the agent would not apply it");
            } else if (result.unmatchedRules().contains(rule.name())) {
                out.println(rule.position() + ": rule '" + rule.name() + "': warning: matches no method on this"
                        + " classpath — check match.type (a binary name, e.g. com.example.Outer$Inner),"
                        + " match.method and match.params");
            } else {
                printMatches(out, rule);
            }
        }
        result.unreadableClasses().forEach(problem -> out.println("warning: could not read " + problem));
        out.println("dry run: " + count(instrumentedMethods(), "method") + " would be instrumented, "
                + count(ruleErrors(), "rule_error") + ", "
                + count(result.unmatchedRules().size(), "rule") + " matching nothing");
    }

    private void printMatches(PrintStream out, Rule rule) {
        List<MatchedMethod> matched = result.methods().stream().filter(m -> m.rules().contains(rule.name())).toList();
        long instrumented = matched.stream().filter(MatchedMethod::instrumented).count();
        out.println("rule '" + rule.name() + "' would instrument " + count(instrumented, "method") + ":");
        for (MatchedMethod method : matched) {
            if (method.binding() instanceof Binding.Rejected rejected) {
                if (rejected.rule().equals(rule.name())) {
                    out.println(rule.position() + ": rule '" + rule.name() + "': rule_error on "
                            + method.signature() + ": " + rejected.reason());
                } else {
                    out.println("  " + method.signature() + " — left uninstrumented: rule '" + rejected.rule()
                            + "' cannot apply to it");
                }
            } else {
                out.println("  " + method.signature());
            }
        }
        for (Event error : instrumentedWithErrors) {
            if (rule.name().equals(error.rule())) {
                out.println(rule.position() + ": rule '" + rule.name() + "': rule_error on " + error.method() + ": "
                        + error.reason());
            }
        }
    }
}
