package dev.cacheagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noArguments_printsTheUsageOnStandardOutput_withStatus0() {
        Cli.Outcome outcome = Cli.run();

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).startsWith("Usage: java -jar cache-agent.jar <command>");
        assertThat(outcome.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void help_printsTheUsageOnStandardOutput_withStatus0(String help) {
        Cli.Outcome outcome = Cli.run(help);

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).isEqualTo(CommandLine.usage());
    }

    @Test
    void helpOptionAfterACommand_printsTheUsage() {
        Cli.Outcome outcome = Cli.run("report", "--help");

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).isEqualTo(CommandLine.usage());
    }

    @Test
    void usage_showsEveryCommandWithItsArguments() {
        assertThat(CommandLine.usage()).contains(
                "validate <rules.yaml> [--classpath <entries>]",
                "schema",
                "report <events.jsonl> [--html <report.html>]",
                "attach <pid> <rules.yaml>",
                "Exit status: 0 success, 1 errors found or the command failed, 2 bad usage.");
    }

    @Test
    void usage_showsHowToHookTheSchemaIntoAnEditor() {
        assertThat(CommandLine.usage()).contains("# yaml-language-server: $schema=./cache-agent.schema.json");
    }

    @Test
    void unknownCommand_isBadUsage_withStatus2AndTheUsageOnStandardError() {
        Cli.Outcome outcome = Cli.run("valdiate", "rules.yaml");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).startsWith("cache-agent: unknown command 'valdiate' — use one of validate, schema,"
                + " report, attach\n").contains("Usage: java -jar cache-agent.jar");
    }

    @Test
    void wrongArgumentsOfACommand_areBadUsage_namingTheCommandAndHowToWriteIt() {
        Cli.Outcome outcome = Cli.run("report");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("cache-agent report: missing argument — write: report <events.jsonl>"
                + " [--html <report.html>]\n");
    }
}
