/**
 * The bridge between instrumented application code and the agent.
 *
 * <p>These classes are appended to the bootstrap class path when the agent starts, so that code
 * inlined into any application class, whatever its class loader, can reach them. They depend on
 * nothing but {@code java.base}. {@link dev.cacheagent.bootstrap.Bridge#dispatcher} is the one piece
 * of static mutable state the agent keeps: the agent installs its dispatcher there, and a no-op
 * dispatcher stands in until then.
 */
package dev.cacheagent.bootstrap;
