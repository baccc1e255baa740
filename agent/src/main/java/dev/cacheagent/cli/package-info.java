/**
 * The command line of {@code cache-agent.jar}: {@code validate} (a rule file, and with
 * {@code --classpath} a dry run over an application's classes), {@code schema} (the rule file's JSON
 * Schema, for editors), {@code report} (figures and latency charts from an event log) and
 * {@code attach} (into a running JVM). {@link dev.cacheagent.cli.CommandLine} only dispatches; each
 * command is one small class. This package prints to the terminal: it is the one place where the
 * agent writes to standard output and error directly.
 */
package dev.cacheagent.cli;
