package dev.cacheagent.cli;

import dev.cacheagent.cache.Clock;
import dev.cacheagent.cache.SharedTiers;
import dev.cacheagent.config.ConfigException;
import dev.cacheagent.config.Environment;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import dev.cacheagent.config.RuleFileLoader;
import dev.cacheagent.instrumentation.ClasspathScan;
import dev.cacheagent.runtime.CacheRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * {@code validate rules.yaml [--classpath …]}: loads the rule file as the agent would and prints
 * every error; with a classpath, also the dry run (see {@link DryRunReport}).
 *
 * <p>Exit status 1 when the file has errors or a rule would raise a {@code rule_error}; a rule
 * that matches nothing is only a warning, since a rule file may serve several applications.
 */
final class ValidateCommand implements Command {
    private final PrintStream out;
    private final PrintStream err;
    private final Environment environment;

    ValidateCommand(PrintStream out, PrintStream err, Environment environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    @Override
    public String synopsis() {
        return "validate <rules.yaml> [--classpath <jars and class directories>]";
    }

    @Override
    public ExitStatus run(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(args, synopsis(), Set.of("classpath"), 1);
        String file = arguments.positional(0);
        Optional<String> classpathOption = arguments.option("classpath");
        List<Path> classpath = classpathOption.isEmpty() ? List.of() : Classpath.parse(classpathOption.get(), Path.of(""));

        RuleFile ruleFile;
        try {
            ruleFile = RuleFileLoader.load(Path.of(file), environment);
        } catch (ConfigException e) {
            e.errors().forEach(error -> out.println(error.message()));
            out.println(file + ": " + Figures.count(e.errors().size(), "error")
                    + "; with this file the agent would instrument nothing");
            return ExitStatus.FAILED;
        }
        long enabled = ruleFile.rules().stream().filter(Rule::enabled).count();
        out.println(file + ": OK — " + Figures.count(ruleFile.rules().size(), "rule") + " (" + enabled + " enabled), "
                + Figures.count(ruleFile.caches().size(), "cache"));
        if (!ruleFile.agent().enabled()) {
            out.println("note: agent.enabled is false: with this file the agent would instrument nothing");
        }
        if (classpath.isEmpty()) {
            return ExitStatus.OK;
        }
        return dryRun(ruleFile, classpath);
    }

    private ExitStatus dryRun(RuleFile ruleFile, List<Path> classpath) {
        ClasspathScan.Result result;
        BindingProblems problems = new BindingProblems();
        // Rules bind to shared caches as in the agent (codecs included), without talking to any Redis.
        SharedTiers redis = ruleFile.redis() == null ? null
                : SharedTiers.offline(ruleFile.redis(), problems, Clock.system());
        try (CacheRuntime runtime = new CacheRuntime(ruleFile, problems, Clock.system(), new Random(), redis)) {
            result = ClasspathScan.scan(classpath, ruleFile.rules(), runtime::bind);
        } catch (IOException e) {
            err.println(e.getMessage());
            return ExitStatus.FAILED;
        }
        DryRunReport report = new DryRunReport(ruleFile.rules(), result, problems.ruleErrors());
        report.print(out, classpath.size());
        return report.ruleErrors() > 0 ? ExitStatus.FAILED : ExitStatus.OK;
    }
}
