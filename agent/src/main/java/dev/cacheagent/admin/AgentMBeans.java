package dev.cacheagent.admin;

import dev.cacheagent.observe.CacheFigures;
import dev.cacheagent.observe.CacheView;
import dev.cacheagent.observe.RuleMetrics;
import dev.cacheagent.observe.RuleSnapshot;
import dev.cacheagent.runtime.CacheRuntime;
import dev.cacheagent.runtime.RuleStatus;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers one {@link CacheMXBean} per cache and one {@link RuleMXBean} per rule on the platform
 * MBeanServer under the {@code dev.cacheagent} domain, and keeps the set in step with the rule file
 * in force ({@link #sync} after each reload). Each attribute is read from the runtime in force at the
 * time of reading.
 */
public final class AgentMBeans implements AutoCloseable {
    static final String DOMAIN = "dev.cacheagent";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final AgentControl agent;
    private final MBeanServer server;
    private final Set<ObjectName> registered = new HashSet<>();

    public AgentMBeans(AgentControl agent) {
        this(agent, ManagementFactory.getPlatformMBeanServer());
    }

    AgentMBeans(AgentControl agent, MBeanServer server) {
        this.agent = agent;
        this.server = server;
    }

    /** Registers the caches and rules of the rule file in force and unregisters those it no longer has. */
    public synchronized void sync() {
        CacheRuntime runtime = agent.runtime();
        Set<ObjectName> wanted = new HashSet<>();
        for (String cache : runtime.config().caches().keySet()) {
            register(name("Cache", cache), new CacheBean(cache), wanted);
        }
        for (var rule : runtime.config().rules()) {
            register(name("Rule", rule.name()), new RuleBean(rule.name()), wanted);
        }
        for (ObjectName old : Set.copyOf(registered)) {
            if (!wanted.contains(old)) {
                unregister(old);
            }
        }
    }

    static ObjectName name(String type, String name) {
        try {
            return new ObjectName(DOMAIN + ":type=" + type + ",name="
                    + (PLAIN_NAME.matcher(name).matches() ? name : ObjectName.quote(name)));
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void register(ObjectName name, Object bean, Set<ObjectName> wanted) {
        wanted.add(name);
        if (registered.contains(name)) {
            return;
        }
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(bean, name);
            registered.add(name);
        } catch (JMException | RuntimeException e) {
            // JMX is a window on the figures; without it the agent and the admin API work the same.
        }
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (JMException | RuntimeException e) {
            // already gone
        }
        registered.remove(name);
    }

    /** Unregisters every bean it registered. */
    @Override
    public synchronized void close() {
        Set.copyOf(registered).forEach(this::unregister);
    }

    private final class CacheBean implements CacheMXBean {
        private final String cache;

        CacheBean(String cache) {
            this.cache = cache;
        }

        private CacheFigures figures() {
            for (CacheView view : agent.runtime().views()) {
                if (view.cache().equals(cache)) {
                    return view.figures();
                }
            }
            return new CacheFigures(cache, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, 0, 0);
        }

        @Override
        public String getTier() {
            var spec = agent.runtime().config().caches().get(cache);
            return spec == null ? "" : spec.tier().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @Override public long getSize() { return figures().size(); }
        @Override public long getHits() { return figures().hits(); }
        @Override public long getMisses() { return figures().misses(); }
        @Override public double getHitRate() { return figures().hitRate(); }
        @Override public long getLoads() { return figures().loads(); }
        @Override public long getLoadErrors() { return figures().loadErrors(); }
        @Override public long getEvictions() { return figures().evictions(); }
        @Override public double getHitP50Ms() { return figures().hitP50Ms(); }
        @Override public double getHitP95Ms() { return figures().hitP95Ms(); }
        @Override public double getHitP99Ms() { return figures().hitP99Ms(); }
        @Override public double getMissP50Ms() { return figures().missP50Ms(); }
        @Override public double getMissP95Ms() { return figures().missP95Ms(); }
        @Override public double getMissP99Ms() { return figures().missP99Ms(); }
        @Override public double getSavedMs() { return figures().savedMs(); }
        @Override public double getSavedCost() { return figures().savedCost(); }
    }

    private final class RuleBean implements RuleMXBean {
        private final String rule;

        RuleBean(String rule) {
            this.rule = rule;
        }

        private RuleSnapshot snapshot() {
            RuleMetrics metrics = agent.runtime().ruleMetrics().get(rule);
            return metrics == null ? new RuleMetrics(rule, null, null).snapshot() : metrics.snapshot();
        }

        private RuleStatus status() {
            return agent.runtime().ruleStatuses().stream().filter(s -> s.name().equals(rule)).findFirst()
                    .orElse(new RuleStatus(rule, false, false, java.util.List.of(), java.util.List.of()));
        }

        @Override public boolean isEnabled() { return status().enabled(); }
        @Override public String[] getMethods() { return status().methods().toArray(String[]::new); }
        @Override public String[] getErrors() { return status().errors().toArray(String[]::new); }
        @Override public String getCache() { return snapshot().cache(); }
        @Override public long getHits() { return snapshot().hits(); }
        @Override public long getMisses() { return snapshot().misses(); }
        @Override public long getCalls() { return snapshot().calls(); }
        @Override public long getFetchErrors() { return snapshot().fetchErrors(); }
        @Override public double getHitRate() { return snapshot().hitRate(); }
        @Override public double getMeanOriginMs() { return snapshot().meanOriginMs(); }
        @Override public double getSavedMs() { return snapshot().savedMs(); }
        @Override public double getSavedCost() { return snapshot().savedCost(); }
    }
}
