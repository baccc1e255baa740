package dev.cacheagent.runtime;

import dev.cacheagent.bootstrap.Dispatcher;
import dev.cacheagent.cache.CacheRegistry;
import dev.cacheagent.cache.CacheTier;
import dev.cacheagent.cache.Clock;
import dev.cacheagent.cache.SharedTiers;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import dev.cacheagent.observe.CacheGauge;
import dev.cacheagent.observe.CacheView;
import dev.cacheagent.observe.EventLog;
import dev.cacheagent.observe.RuleMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

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

    private final RuleFile config;
    private final EventLog events;
    private final Clock clock;
    private final Random random;
    private final SharedTiers shared;
    private final CacheRegistry caches;
    private final Map<String, RuleState> rules;
    private final SiteBinder binder;
    private final RuleErrors errors;
    /** The threads of this runtime's warm-ups and refreshes. */
    private final LoaderThreads loaderThreads = new LoaderThreads();
    /** Shared by a runtime and its successors: a site number, once given, names one binding for good. */
    private final AtomicInteger siteNumbers;
    private final Object bindLock = new Object();
    /** Guarded by {@link #bindLock}: a method bound again (another class loader, a retransformation) keeps its site. */
    private final Map<SiteKey, Binding> bindings = new HashMap<>();
    /**
     * Guarded by {@link #bindLock}: the class loader of each bound method's class, for a successor that
     * adopts the binding (weakly held: the agent must not keep an application's class loader alive).
     */
    private final Map<SiteKey, java.lang.ref.WeakReference<ClassLoader>> loaders = new HashMap<>();
    /**
     * Guarded by {@link #bindLock}: the site numbers the previous runtime gave, kept for the same
     * bindings here, so that instrumented code that is not retransformed reaches the new rules.
     */
    private final Map<SiteKey, Integer> reserved = new HashMap<>();
    /** The bindings inherited from the previous runtime, bound again here or not. */
    private final Set<SiteKey> inherited;
    /** Guarded by {@link #bindLock}: every site bound here, indexed by site number. */
    private Site[] bound = NO_SITES;
    /**
     * What calls read, indexed by site number: {@link #bound}, with {@code null} for a site whose rules are all
     * switched off, so that a call to such a method costs one table read. Replaced, never modified, so that the
     * hot path reads it without a lock.
     */
    private volatile Site[] sites = NO_SITES;
    /** Guarded by {@link #bindLock}: retired or closed, so calls go through untouched from now on. */
    private boolean stopped;

    private record SiteKey(List<String> rules, MethodInfo method) {
        // Written out, as in MethodInfo: a record's own are linked on first use by generating classes.
        @Override
        public boolean equals(Object other) {
            return other instanceof SiteKey that && rules.equals(that.rules) && method.equals(that.method);
        }

        @Override
        public int hashCode() {
            return 31 * rules.hashCode() + method.hashCode();
        }
    }

    public CacheRuntime(RuleFile config, EventLog events) {
        this(config, events, Clock.system(), new Random());
    }

    /**
     * @param clock dates entries and times calls
     * @param random spreads expiries by each cache's jitter
     */
    public CacheRuntime(RuleFile config, EventLog events, Clock clock, Random random) {
        this(config, events, clock, random, (SharedTiers) null);
    }

    /**
     * @param shared Redis for the caches of tier {@code redis} and {@code two-level}, or {@code null} when
     *     the rule file has no {@code redis} section; closed with this runtime
     */
    public CacheRuntime(RuleFile config, EventLog events, Clock clock, Random random, SharedTiers shared) {
        this(config, events, clock, random, shared, null);
    }

    private CacheRuntime(RuleFile config, EventLog events, Clock clock, Random random, SharedTiers shared,
            CacheRuntime previous) {
        this.config = config;
        this.events = events;
        this.clock = clock;
        this.random = random;
        this.shared = shared;
        this.caches = new CacheRegistry(config.caches().values(), clock, random, shared,
                previous == null ? null : previous.caches);
        Map<String, RuleState> states = new LinkedHashMap<>();
        boolean breakdown = false;
        for (Rule rule : config.rules()) {
            if (rule.enabled()) {
                states.put(rule.name(), new RuleState(rule, metricsFor(rule, previous)));
                breakdown |= rule.log() != null && rule.log().breakdown();
            }
        }
        this.rules = Collections.unmodifiableMap(states);
        this.errors = new RuleErrors(events, clock);
        // Tallying nested calls costs a thread-local read per call: only when some rule asks for it.
        this.binder = new SiteBinder(config.caches(), caches, rules, breakdown ? new Breakdown() : null, events,
                errors, clock, loaderThreads);
        if (previous == null) {
            this.siteNumbers = new AtomicInteger();
            this.inherited = Set.of();
        } else {
            this.siteNumbers = previous.siteNumbers;
            previous.boundSites().forEach(reserved::put);
            this.inherited = Set.copyOf(reserved.keySet());
            this.bound = new Site[siteNumbers.get()];
            this.sites = bound.clone();
        }
    }

    /** A rule whose name, cache and cost did not change keeps counting where it was. */
    private static RuleMetrics metricsFor(Rule rule, CacheRuntime previous) {
        String cache = rule.cache() == null ? null : rule.cache().cache();
        RuleState before = previous == null ? null : previous.rules.get(rule.name());
        if (before != null && Objects.equals(before.metrics().cache(), cache)
                && Objects.equals(before.rule().costPerCall(), rule.costPerCall())) {
            return before.metrics();
        }
        return new RuleMetrics(rule.name(), cache, rule.costPerCall());
    }

    /**
     * The runtime of a reloaded rule file. It keeps the caches whose settings did not change (with
     * their entries), the metrics of unchanged rules, and, for every method this runtime bound, the
     * same site number when {@link #bind} binds the method to rules of the same names: code that is
     * not retransformed then runs the new rules. Sites it does not bind again let calls through. It
     * uses the same Redis connection: a changed {@code redis} section takes effect at the next start.
     */
    public CacheRuntime reloaded(RuleFile newConfig) {
        return new CacheRuntime(newConfig, events, clock, random, shared, this);
    }

    /**
     * Binds here what {@code previous} bound after this runtime was made from it (classes loaded
     * while the reload was being prepared), so that they keep their rules.
     */
    public void adoptLateBindings(CacheRuntime previous) {
        previous.boundSites().forEach((key, site) -> {
            List<Rule> named = new ArrayList<>();
            for (String name : key.rules()) {
                RuleState state = rules.get(name);
                if (state == null) {
                    return;
                }
                named.add(state.rule());
            }
            ClassLoader loader = previous.loaderOf(key);
            synchronized (bindLock) {
                if (!inherited.contains(key) && !bindings.containsKey(key)) {
                    bindings.put(key, newBinding(named, key.method(), loader, site));
                    loaders.put(key, new java.lang.ref.WeakReference<>(loader));
                }
            }
        });
    }

    /**
     * Stops this runtime once {@code successor} took over: its sites let calls through, and the
     * caches the successor did not keep drop their entries.
     */
    public void retire(CacheRuntime successor) {
        stop();
        loaderThreads.close();
        caches.closeReplacedBy(successor.caches);
    }

    private ClassLoader loaderOf(SiteKey key) {
        synchronized (bindLock) {
            java.lang.ref.WeakReference<ClassLoader> loader = loaders.get(key);
            return loader == null ? null : loader.get();
        }
    }

    private Map<SiteKey, Integer> boundSites() {
        Map<SiteKey, Integer> bound = new HashMap<>();
        synchronized (bindLock) {
            bindings.forEach((key, binding) -> {
                if (binding instanceof Binding.Bound b) {
                    bound.put(key, b.site());
                }
            });
        }
        return bound;
    }

    /** Redis for the shared tiers (its state, for {@code GET /health}), or {@code null} when none is configured. */
    public SharedTiers redis() {
        return shared;
    }

    /** The rule file this runtime runs. */
    public RuleFile config() {
        return config;
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
        SiteKey key = new SiteKey(ruleNames(rules), method);
        synchronized (bindLock) {
            Binding binding = bindings.get(key);
            if (binding == null) {
                binding = newBinding(rules, method, loader, reserved.remove(key));
                bindings.put(key, binding);
                loaders.put(key, new java.lang.ref.WeakReference<>(loader));
            }
            return binding;
        }
    }

    /** A loop, not a stream: binding runs on the application's thread as a selected class loads. */
    private static List<String> ruleNames(List<Rule> rules) {
        List<String> names = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            names.add(rule.name());
        }
        return Collections.unmodifiableList(names);
    }

    /** The site number {@link #bind} gave these rules and method, or {@code null} when it did not bind them. */
    public Integer boundSite(List<Rule> rules, MethodInfo method) {
        SiteKey key = new SiteKey(ruleNames(rules), method);
        synchronized (bindLock) {
            return bindings.get(key) instanceof Binding.Bound bound ? bound.site() : null;
        }
    }

    /** @param number the site number to use, or {@code null} for a new one */
    private Binding newBinding(List<Rule> matched, MethodInfo method, ClassLoader loader, Integer number) {
        if (matched.isEmpty()) {
            return new Binding.Rejected("", "no rule matched " + method.displayName());
        }
        try {
            Site site = binder.bind(matched, method, loader);
            int id = number == null ? siteNumbers.getAndIncrement() : number;
            Site[] grown = Arrays.copyOf(bound, Math.max(bound.length, id + 1));
            grown[id] = site;
            bound = grown;
            publishSites();
            return new Binding.Bound(id);
        } catch (SiteBinder.Rejection rejection) {
            return new Binding.Rejected(rejection.rule(), rejection.getMessage());
        } catch (RuntimeException fault) {
            return new Binding.Rejected(matched.get(0).name(), "cache-agent could not prepare " + method.displayName()
                    + " (" + fault + "); it is not instrumented");
        }
    }

    /** Guarded by {@link #bindLock}: makes the bound sites whose rules are not all switched off what calls see. */
    private void publishSites() {
        if (stopped) {
            return;
        }
        Site[] live = bound.clone();
        for (int i = 0; i < live.length; i++) {
            if (live[i] != null && !live[i].anyRuleEnabled()) {
                live[i] = null;
            }
        }
        sites = live;
    }

    private void stop() {
        synchronized (bindLock) {
            stopped = true;
            sites = NO_SITES;
        }
    }

    /**
     * The site bound to this number, or {@code null} (a number of an older rule file, none, or a site whose
     * rules are all switched off).
     */
    private Site siteAt(int site) {
        Site[] table = sites;
        return site >= 0 && site < table.length ? table[site] : null;
    }

    @Override
    public Object enter(int site, Object receiver, Object a0, Object a1, Object a2) {
        Site target = siteAt(site);
        if (target == null) {
            return null;
        }
        try {
            return target.enter(receiver, a0, a1, a2, null);
        } catch (Throwable fault) {
            target.fault(fault);
            return null;
        }
    }

    @Override
    public Object enter(int site, Object receiver, Object[] args) {
        Site target = siteAt(site);
        if (target == null) {
            return null;
        }
        try {
            int count = args.length;
            return target.enter(receiver, count > 0 ? args[0] : null, count > 1 ? args[1] : null,
                    count > 2 ? args[2] : null, args);
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
        synchronized (bindLock) {
            publishSites();
        }
        return true;
    }

    /**
     * Every rule of the rule file, in file order: whether it is on, the methods it was bound to and why
     * it could not apply where it could not.
     */
    public List<RuleStatus> ruleStatuses() {
        Map<String, Set<String>> methods = new HashMap<>();
        Map<String, Set<String>> problems = new HashMap<>();
        synchronized (bindLock) {
            bindings.forEach((key, binding) -> {
                if (binding instanceof Binding.Bound) {
                    key.rules().forEach(rule -> methods.computeIfAbsent(rule, r -> new TreeSet<>())
                            .add(key.method().displayName()));
                } else if (binding instanceof Binding.Rejected rejected) {
                    problems.computeIfAbsent(rejected.rule(), r -> new TreeSet<>()).add(rejected.reason());
                }
            });
        }
        List<RuleStatus> statuses = new ArrayList<>();
        for (Rule rule : config.rules()) {
            RuleState state = rules.get(rule.name());
            List<String> ruleErrors = new ArrayList<>(problems.getOrDefault(rule.name(), Set.of()));
            String recent = errors.latest(rule.name());
            if (recent != null) {
                ruleErrors.add(recent);
            }
            statuses.add(new RuleStatus(rule.name(), state != null && state.enabled(), state != null,
                    List.copyOf(methods.getOrDefault(rule.name(), Set.of())), ruleErrors));
        }
        return statuses;
    }

    /**
     * Whether keys of this cache may be built from secret-like parameters (password, token, …) of a
     * method bound to a rule that uses the cache: such keys are shown only as hashes.
     */
    public boolean keysAreSecret(String cache) {
        synchronized (bindLock) {
            for (Map.Entry<SiteKey, Binding> entry : bindings.entrySet()) {
                SiteKey key = entry.getKey();
                if (entry.getValue() instanceof Binding.Bound
                        && key.method().parameters().stream().anyMatch(p -> SiteBinder.isSecretLike(p.name()))
                        && key.rules().stream().map(rules::get).anyMatch(s -> s != null && uses(s.rule(), cache))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean uses(Rule rule, String cache) {
        return (rule.cache() != null && cache.equals(rule.cache().cache()))
                || rule.evict().stream().anyMatch(e -> cache.equals(e.cache()))
                || rule.put().stream().anyMatch(p -> cache.equals(p.cache()));
    }

    /** Lets every call through untouched from now on, drops queued background loads and every cached entry. */
    @Override
    public void close() {
        stop();
        loaderThreads.close();
        caches.close();
    }
}
