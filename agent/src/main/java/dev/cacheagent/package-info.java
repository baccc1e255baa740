/**
 * The composition root: {@code AgentMain} (called by the launcher in the agent's own class loader)
 * reads the rule file and builds the running {@code Agent} — event log, runtime on the bridge,
 * transformer, stats, admin API and the rule-file watcher — and replaces its configuration on a
 * reload; at {@code -javaagent} start it does so on a thread of its own ({@code BackgroundStart}) while
 * the application starts. The only package that knows every other one.
 */
package dev.cacheagent;
