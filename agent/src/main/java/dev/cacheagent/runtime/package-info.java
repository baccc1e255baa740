/**
 * The runtime that decides, on every call of an instrumented method, whether to answer from a cache
 * (hit), call the original method and store its result (miss), or let the call through (skip); and
 * that runs a rule's evictions, puts, timing and per-call events. It also runs the loads a caching
 * rule asks for in the background ({@code warmup}, {@code refreshAhead}) on the agent's own threads,
 * and serves expired values in place of failures ({@code staleIfError}).
 *
 * <p>It implements the bridge's {@link dev.cacheagent.bootstrap.Dispatcher}. It knows nothing of
 * bytecode: the instrumentation describes each method to it as a {@link dev.cacheagent.runtime.MethodInfo}.
 *
 * <p>Call sites are numbered once: a reloaded rule file gets a new runtime that gives the same
 * number to the same rules on the same method, so instrumented code that is not retransformed runs
 * the new rules.
 */
package dev.cacheagent.runtime;
