/**
 * The command line of {@code cache-agent.jar}: {@code validate} (a rule file, and with
 * {@code --classpath} a dry run over an application's classes), {@code schema} (the rule file's JSON
 * Schema, for editors), {@code report} (figures and latency charts from an event log) and
 * {@code attach} (into a running JVM). {@link dev.cacheagent.cli.CommandLine} only dispatches; each
 * command is one small class. Printing to the terminal is the commands' job: they are handed
 * standard output and error once, by {@code CommandLine.main}, and never run inside an application.
 */
package dev.cacheagent.cli;
