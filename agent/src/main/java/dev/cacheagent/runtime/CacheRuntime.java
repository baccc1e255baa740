package dev.cacheagent.runtime;

import dev.cacheagent.bootstrap.Dispatcher;
import dev.cacheagent.cache.CacheRegistry;
import dev.cacheagent.cache.Clock;
import dev.cacheagent.cache.CacheTier;
import dev.cacheagent.cache.SharedTiers;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import dev.cacheagent.observe.CacheGauge;
import dev.cacheagent.observe.CacheView;
import dev.cacheagent.observe.EventLog;
import dev.cacheagent.observe.RuleMetrics;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The dispatcher the agent installs on the bridge: one per loaded rule file. It owns the rule file's
 * caches and its rules' metrics, and the call sites of the methods the rules were bound to.
 *
 * <p>{@link #enter} and {@link #exit} run on the application's threads and never throw: a fault of the
 * agent makes the call run as if the agent were absent, and is reported as a {@code rule_error}. The
 * original method's value or exception always reaches the caller unchanged.
 */
public final class CacheRuntime implements Dispatcher, AutoCloseable {
    private static final Site[] NO_SITES = new Site[0];

    private final CacheRegistry caches;
    private final Map<String, RuleState> rules;
    private final SiteBinder binder;
    private final LoaderThreads loaders = new LoaderThreads();
    private final Object bindLock = new Object();
    /** Guarded by {@link #bindLock}: a method bound again (another class loader, a retransformation) keeps its site. */
    private final Map<SiteKey, Binding> bindings = new HashMap<>();
    /** Indexed by site number; replaced, never modified, so that the hot path reads it without a lock. */
    private volatile Site[] sites = NO_SITES;

    private record SiteKey(List<String> rules, MethodInfo method) {}

    public CacheRuntime(RuleFile config, EventLog events) {
        this(config, events, Clock.system(), new Random());
    }

    /**
     * @param clock dates entries and times calls
     * @param random spreads expiries by each cache's jitter
     */
    public CacheRuntime(RuleFile config, EventLog events, Clock clock, Random random) {
        this(config, events, clock, random, null);
    }

    /**
     * @param shared Redis for the caches of tier {@code redis} and {@code two-level}, or {@code null} when
     *     the rule file has no {@code redis} section; closed with this runtime
     */
    public CacheRuntime(RuleFile config, EventLog events, Clock clock, Random random, SharedTiers shared) {
        this.caches = new CacheRegistry(config.caches().values(), clock, random, shared);
        Map<String, RuleState> states = new LinkedHashMap<>();
        boolean breakdown = false;
        for (Rule rule : config.rules()) {
            if (rule.enabled()) {
                String cache = rule.cache() == null ? null : rule.cache().cache();
                states.put(rule.name(), new RuleState(rule, new RuleMetrics(rule.name(), cache, rule.costPerCall())));
                breakdown |= rule.log() != null && rule.log().breakdown();
            }
        }
        this.rules = Collections.unmodifiableMap(states);
        // Tallying nested calls costs a thread-local read per call: only when some rule asks for it.
        this.binder = new SiteBinder(config.caches(), caches, rules, breakdown ? new Breakdown() : null, events,
                new RuleErrors(events, clock), clock, loaders);
    }

    /**
     * Prepares a call site for a method that the given enabled rules (in file order) matched:
     * resolves their expressions against the method and checks that they can apply to it.
     * Thread-safe; called from class-loading threads.
     */
    public Binding bind(List<Rule> rules, MethodInfo method) {
        return bind(rules, method, null);
    }

    /**
     * As {@link #bind(List, MethodInfo)}, for a method of a class defined by {@code loader}: values read
     * back from Redis are rebuilt as the method's declared return type, resolved through that loader on
     * first use ({@code null}: the system class loader).
     */
    public Binding bind(List<Rule> rules, MethodInfo method, ClassLoader loader) {
        SiteKey key = new SiteKey(rules.stream().map(Rule::name).toList(), method);
        synchronized (bindLock) {
            Binding binding = bindings.get(key);
            if (binding == null) {
                binding = newBinding(rules, method, loader);
                bindings.put(key, binding);
            }
            return binding;
        }
    }

    private Binding newBinding(List<Rule> matched, MethodInfo method, ClassLoader loader) {
        if (matched.isEmpty()) {
            return new Binding.Rejected("", "no rule matched " + method.displayName());
        }
        try {
            Site site = binder.bind(matched, method, loader);
            Site[] grown = Arrays.copyOf(sites, sites.length + 1);
            grown[grown.length - 1] = site;
            sites = grown;
            return new Binding.Bound(grown.length - 1);
        } catch (SiteBinder.Rejection rejection) {
            return new Binding.Rejected(rejection.rule(), rejection.getMessage());
        } catch (RuntimeException fault) {
            return new Binding.Rejected(matched.get(0).name(), "cache-agent could not prepare " + method.displayName()
                    + " (" + fault + "); it is not instrumented");
        }
    }

    @Override
    public Object enter(int site, Object receiver, Object[] args) {
        Site[] table = sites;
        if (site < 0 || site >= table.length) {
            return null;
        }
        Site target = table[site];
        try {
            return target.enter(receiver, args);
        } catch (Throwable fault) {
            target.fault(fault);
            return null;
        }
    }

    @Override
    public Object exit(int site, Object context, Object returned, Throwable thrown) {
        if (context instanceof CallContext call) {
            try {
                return call.site.exit(call, returned, thrown);
            } catch (Throwable fault) {
                call.site.fault(fault);
            }
        }
        return returned;
    }

    /** What each cache reports for the {@code stats} events and metrics. */
    public List<CacheGauge> gauges() {
        return caches.gauges();
    }

    /** Each cache with the metrics of the rules that use it, for the {@code stats} events and metrics. */
    public List<CacheView> views() {
        return CacheView.group(gauges(), List.copyOf(ruleMetrics().values()));
    }

    /** Each enabled rule's metrics, by rule name, in file order. */
    public Map<String, RuleMetrics> ruleMetrics() {
        Map<String, RuleMetrics> metrics = new LinkedHashMap<>();
        rules.forEach((name, state) -> metrics.put(name, state.metrics()));
        return Collections.unmodifiableMap(metrics);
    }

    /** The cache of that name (e.g. for the admin API's invalidation), or {@code null}. */
    public CacheTier cache(String name) {
        return caches.find(name);
    }

    /**
     * Switches a rule on or off at run time, on every method it was bound to; a rule that is off lets
     * calls through untouched.
     *
     * @return {@code false} when the rule file has no such enabled rule
     */
    public boolean enableRule(String rule, boolean enabled) {
        RuleState state = rules.get(rule);
        if (state == null) {
            return false;
        }
        state.enable(enabled);
        return true;
    }

    /** Lets every call through untouched from now on, drops queued background loads and every cached entry. */
    @Override
    public void close() {
        sites = NO_SITES;
        loaders.close();
        caches.close();
    }
}
