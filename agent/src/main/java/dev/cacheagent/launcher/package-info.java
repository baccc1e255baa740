/**
 * The agent's entry points ({@code premain}, {@code agentmain}, {@code main}) and nothing else.
 *
 * <p>These classes are loaded by the application's system class loader, so they use only the JDK.
 * They put the bridge on the bootstrap class path and load the rest of the agent, with its relocated
 * dependencies, in a class loader of its own that the application never sees ({@code AgentClassLoader}, which
 * reads the core's classes in place from under {@code META-INF/cache-agent/core/} of the agent jar).
 */
package dev.cacheagent.launcher;
