package dev.cacheagent.runtime;

import dev.cacheagent.bootstrap.Dispatcher;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import dev.cacheagent.observe.EventLog;
import java.util.List;

/**
 * The dispatcher the agent installs on the bridge: one per loaded rule file.
 */
public final class CacheRuntime implements Dispatcher, AutoCloseable {

    public CacheRuntime(RuleFile config, EventLog events) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Prepares a call site for a method that the given enabled rules (in file order) matched:
     * resolves their expressions against the method and checks that they can apply to it.
     * Thread-safe; called from class-loading threads.
     */
    public Binding bind(List<Rule> rules, MethodInfo method) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Object enter(int site, Object receiver, Object[] args) {
        return null;
    }

    @Override
    public Object exit(int site, Object context, Object returned, Throwable thrown) {
        return returned;
    }

    @Override
    public void close() {}
}
