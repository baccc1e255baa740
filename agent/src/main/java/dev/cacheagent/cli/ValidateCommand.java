package dev.cacheagent.cli;

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
    private final Environment environment;

    ValidateCommand(PrintStream out, Environment environment) {
        this.out = out;
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
        List<Path> classpath = arguments.option("classpath").isPresent()
                ? Classpath.parse(arguments.option("classpath").get(), Path.of(""))
                : List.of();

        RuleFile ruleFile;
        try {
            ruleFile = RuleFileLoader.load(Path.of(file), environment);
        } catch (ConfigException e) {
            e.errors().forEach(error -> out.println(error.message()));
            out.println(file + ": " + count(e.errors().size(), "error")
                    + "; with this file the agent would instrument nothing");
            return ExitStatus.FAILED;
        }
        long enabled = ruleFile.rules().stream().filter(Rule::enabled).count();
        out.println(file + ": OK — " + count(ruleFile.rules().size(), "rule") + " (" + enabled + " enabled), "
                + count(ruleFile.caches().size(), "cache"));
        if (classpath.isEmpty()) {
            return ExitStatus.OK;
        }
        return dryRun(ruleFile, classpath);
    }

    private ExitStatus dryRun(RuleFile ruleFile, List<Path> classpath) {
        ClasspathScan.Result result;
        try (CacheRuntime runtime = new CacheRuntime(ruleFile, new DiscardedEvents())) {
            result = ClasspathScan.scan(classpath, ruleFile.rules(), runtime::bind);
        } catch (IOException e) {
            out.println("error: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        DryRunReport report = new DryRunReport(ruleFile.rules(), result);
        report.print(out, classpath.size());
        return report.ruleErrors() > 0 ? ExitStatus.FAILED : ExitStatus.OK;
    }

    /** {@code 1 rule}, {@code 3 rules}. */
    static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
