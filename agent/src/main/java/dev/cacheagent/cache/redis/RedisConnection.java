package dev.cacheagent.cache.redis;

import dev.cacheagent.config.RedisSettings;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import dev.cacheagent.observe.EventRateLimiter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The agent's one connection to Redis (a pool; standalone, Cluster or Sentinel), shared by every
 * cache of tier {@code redis} or {@code two-level}.
 *
 * <p>The client is made on a background thread, so a Redis that is down never delays the application's
 * start; until it exists every call is {@link RedisUnavailable}. Every call is bounded by
 * {@code redis.timeout} (connect, socket read and pool borrow) and goes through a circuit breaker. A
 * failed call is reported as a {@code tier_error} (at most one a second per cache, with a count);
 * {@code circuit_open}, {@code circuit_closed} and {@code tier_recovered} say when Redis went away and
 * came back.
 */
public final class RedisConnection implements AutoCloseable {
    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(500);

    /**
     * How much of a value a lookup reads in its first round trip. Most cached values are smaller, so a lookup is
     * one round trip of plain commands; a value that fills the first read takes a second round trip, which reads
     * it whole if it is under the limit, and a value over the limit is never read past this many bytes.
     */
    static final long FIRST_READ_BYTES = 64 * 1024;
    /** What {@code PTTL} answers for a key that does not exist. */
    private static final long NO_SUCH_KEY = -2;

    /**
     * The agent's Lua scripts, made at the first Redis call rather than with the connection: linking
     * {@link LuaScript} loads Jedis's exception classes, which the application's start need not wait for.
     */
    private static final class Scripts {
        /** Sets KEYS[1] only if it holds ARGV[1] ('' = absent): nothing overtook the load that read it. */
        private static final LuaScript COMPARE_AND_SET = LuaScript.of("""
                local current = redis.call('GET', KEYS[1])
                if current == false then current = '' end
                if current ~= ARGV[1] then return 0 end
                redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
                return 1""");
        /** The value of KEYS[1] if it has at most ARGV[1] bytes, else its size (nil: absent). */
        private static final LuaScript READ_WHOLE = LuaScript.of("""
                local size = redis.call('STRLEN', KEYS[1])
                if size > tonumber(ARGV[1]) then return size end
                return redis.call('GET', KEYS[1])""");
        private static final LuaScript COMPARE_AND_DELETE = LuaScript.of("""
                if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
                return 0""");
    }

    private final RedisSettings settings;
    private final EventLog events;
    private final EventRateLimiter errorLimiter;
    private final CircuitBreaker breaker;
    private final LongSupplier clock;
    private final long timeoutNanos;
    /**
     * When a Redis call last failed on each thread. One application call may make more than one Redis
     * call (on a Cluster, a miss's lookup and then its read of the cache's epoch; an eviction of a
     * pattern); after one of them failed, the others fail at once for a timeout's length, so a call waits
     * for a failing Redis about one timeout, not one per Redis call, even before the circuit breaker opens.
     */
    private final ThreadLocal<long[]> lastFailure = ThreadLocal.withInitial(() -> new long[] {Long.MIN_VALUE});
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Thread connector;
    private final Runnable whenConnected;
    private volatile UnifiedJedis client;
    private volatile boolean closed;

    /**
     * Starts connecting in the background and returns at once.
     *
     * @param whenConnected runs on the background thread once the client exists: work that the first calls
     *     would otherwise do on an application thread
     */
    public static RedisConnection open(RedisSettings settings, EventLog events, Runnable whenConnected) {
        RedisConnection connection = new RedisConnection(settings, events, System::nanoTime, whenConnected);
        connection.connector.start();
        return connection;
    }

    /**
     * A connection that never connects: every call is {@link RedisUnavailable}. For {@code validate}'s
     * dry run, which binds rules to shared caches without talking to any Redis.
     */
    public static RedisConnection offline(RedisSettings settings, EventLog events) {
        return new RedisConnection(settings, events, System::nanoTime, () -> { });
    }

    private RedisConnection(RedisSettings settings, EventLog events, LongSupplier clock, Runnable whenConnected) {
        this.clock = clock;
        this.timeoutNanos = settings.timeout().toNanos();
        this.settings = settings;
        this.events = events;
        this.errorLimiter = new EventRateLimiter(clock);
        this.breaker = new CircuitBreaker(settings.breakerFailures(), settings.breakerOpenFor(), clock);
        this.whenConnected = whenConnected;
        this.connector = new Thread(this::connect, "cache-agent-redis-connect");
        connector.setDaemon(true);
    }

    /**
     * Retries until a client exists (only Cluster and Sentinel clients talk to Redis when they are made), then
     * runs {@link #whenConnected}.
     */
    private void connect() {
        boolean failedBefore = false;
        while (!closed && client == null) {
            try {
                UnifiedJedis made = JedisClients.create(settings);
                if (closed) {
                    made.close();
                    return;
                }
                client = made;
                if (failedBefore) {
                    events.emit(Event.builder("tier_recovered").attribute("redis", describe()).build());
                }
            } catch (RuntimeException e) {
                failedBefore = true;
                report(null, e);
                if (!pause(RECONNECT_PAUSE)) {
                    return;
                }
            }
        }
        if (!closed) {
            try {
                whenConnected.run();
            } catch (RuntimeException e) {
                // Only work done ahead of time: the first call that needs it does it again and reports any failure.
            }
        }
    }

    /** Where Redis is, for events: never the password. */
    String describe() {
        if (settings.cluster() != null) {
            return "cluster " + settings.cluster();
        }
        if (settings.sentinel() != null) {
            return "sentinel " + settings.sentinel().master() + " " + settings.sentinel().nodes();
        }
        URI uri = URI.create(settings.url());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The key prefix every key and channel of this agent starts with. */
    public String keyPrefix() {
        return settings.keyPrefix();
    }

    /**
     * The value of a key with its remaining time to live, as Redis answered it, and what a second key
     * read in the same round trip held.
     *
     * @param companionRead whether the second key was read ({@code companion} is {@code null} if it is absent)
     */
    public record Stored(byte[] value, long ttlMillis, long size, boolean companionRead, byte[] companion) {
        /** Whether the key does not exist. */
        public boolean absent() {
            return value == null && size == 0;
        }

        /** Whether the key exists but its value was larger than the limit and was not sent. */
        public boolean oversized() {
            return value == null && size > 0;
        }
    }

    /**
     * The value at {@code key}, its remaining time to live and size; of a value over {@code maxBytes} no more
     * than {@link #FIRST_READ_BYTES} are transferred ({@link Stored#oversized()}). In the same round trip, the
     * value of {@code companion}
     * (a plain string key, or {@code null} for none), except on a Cluster, where it may live on another
     * node: there {@link Stored#companionRead()} is false.
     */
    public Stored read(String cache, byte[] key, byte[] companion, long maxBytes) throws RedisUnavailable {
        boolean withCompanion = companion != null && settings.cluster() == null;
        long firstRead = Math.min(maxBytes, FIRST_READ_BYTES);
        // Plain commands in one pipeline, not a script: a script costs Redis more than the commands it runs, and a
        // lookup is the agent's most frequent call. Redis runs one client's pipelined commands back to back; a write
        // landing between them is a race the lookup would lose or win anyway, and a load's compare-and-set on the key
        // catches what matters for it.
        Stored first = call(cache, redis -> {
            try (AbstractPipeline pipeline = redis.pipelined()) {
                Response<Long> ttl = pipeline.pttl(key);
                Response<byte[]> head = pipeline.getrange(key, 0, firstRead - 1);
                Response<byte[]> other = withCompanion ? pipeline.get(companion) : null;
                pipeline.sync();
                byte[] otherValue = other == null ? null : other.get();
                if (ttl.get() == NO_SUCH_KEY) {
                    return new Stored(null, NO_SUCH_KEY, 0, withCompanion, otherValue);
                }
                byte[] value = head.get();
                return new Stored(value, ttl.get(), value.length, withCompanion, otherValue);
            }
        });
        if (first.value() == null || first.value().length < firstRead) {
            return first;
        }
        // The value fills the first read, so it may be longer: its size and, under the limit, the whole value, in a
        // second round trip. Rare enough that a script's cost does not matter; one script keeps it to one trip.
        Object whole = call(cache, redis -> Scripts.READ_WHOLE.run(redis, List.of(key),
                List.of(bytes(Long.toString(maxBytes)))));
        if (whole instanceof Long size) {
            return new Stored(null, first.ttlMillis(), size, withCompanion, first.companion());
        }
        if (!(whole instanceof byte[] value)) {
            return new Stored(null, NO_SUCH_KEY, 0, withCompanion, first.companion());
        }
        return new Stored(value, first.ttlMillis(), value.length, withCompanion, first.companion());
    }

    /** The value at {@code key}, or {@code null}. */
    public byte[] get(String cache, byte[] key) throws RedisUnavailable {
        return call(cache, redis -> redis.get(key));
    }

    public void set(String cache, byte[] key, byte[] value, long ttlMillis) throws RedisUnavailable {
        call(cache, redis -> redis.set(key, value, SetParams.setParams().px(ttlMillis)));
    }

    /**
     * Sets {@code key} to {@code value} only if it still holds {@code expected} ({@code null}: absent).
     *
     * @return whether it was set
     */
    public boolean compareAndSet(String cache, byte[] key, byte[] expected, byte[] value, long ttlMillis)
            throws RedisUnavailable {
        byte[] seen = expected == null ? new byte[0] : expected;
        Object reply = call(cache, redis -> Scripts.COMPARE_AND_SET.run(redis, List.of(key),
                List.of(seen, value, bytes(Long.toString(ttlMillis)))));
        return Long.valueOf(1).equals(reply);
    }

    /** Deletes {@code key} only if it holds {@code value}. */
    public void compareAndDelete(String cache, byte[] key, byte[] value) throws RedisUnavailable {
        call(cache, redis -> Scripts.COMPARE_AND_DELETE.run(redis, List.of(key), List.of(value)));
    }

    public long increment(String cache, byte[] key) throws RedisUnavailable {
        return call(cache, redis -> redis.incr(key));
    }

    /**
     * Deletes every key matching the Redis glob {@code pattern}, found with SCAN (never KEYS) on every
     * master of a cluster.
     *
     * @return how many keys were deleted
     */
    public long deleteMatching(String cache, String pattern) throws RedisUnavailable {
        ScanParams params = new ScanParams().match(pattern).count(500);
        return call(cache, redis -> {
            if (redis instanceof JedisCluster cluster) {
                long deleted = 0;
                for (ConnectionPool pool : cluster.getClusterNodes().values()) {
                    try (Connection connection = pool.getResource()) {
                        Jedis node = new Jedis(connection);
                        if ("master".equals(String.valueOf(node.role().get(0)))) {
                            // Keys of one node may lie in different slots: deleted one by one.
                            deleted += scan(params, node::scan, keys -> keys.stream().mapToLong(node::del).sum());
                        }
                    }
                }
                return deleted;
            }
            return scan(params, redis::scan, keys -> redis.del(keys.toArray(String[]::new)));
        });
    }

    private interface Scanner {
        ScanResult<String> scan(String cursor, ScanParams params);
    }

    private interface Deleter {
        long delete(List<String> keys);
    }

    private static long scan(ScanParams params, Scanner scanner, Deleter deleter) {
        long deleted = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = scanner.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                deleted += deleter.delete(new ArrayList<>(page.getResult()));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return deleted;
    }

    public void publish(String cache, String channel, String message) throws RedisUnavailable {
        call(cache, redis -> redis.publish(channel, message));
    }

    /**
     * Subscribes on the calling thread until the subscription ends or fails. Not counted by the breaker:
     * a subscription that cannot be made says nothing about whether a GET would succeed.
     */
    void subscribe(JedisPubSub listener, String channel) throws RedisUnavailable {
        UnifiedJedis redis = client;
        if (redis == null) {
            throw new RedisUnavailable("not connected to Redis yet", null);
        }
        try {
            redis.subscribe(listener, channel);
        } catch (RuntimeException e) {
            throw new RedisUnavailable("the subscription failed: " + e, e);
        }
    }

    /** One operation on the client. */
    private interface Operation<T> {
        T run(UnifiedJedis redis);
    }

    private <T> T call(String cache, Operation<T> operation) throws RedisUnavailable {
        UnifiedJedis redis = client;
        if (redis == null) {
            throw new RedisUnavailable("not connected to Redis yet", null);
        }
        if (!breaker.allows()) {
            throw new RedisUnavailable("the circuit breaker is open", null);
        }
        long[] failedAt = lastFailure.get();
        if (failedAt[0] != Long.MIN_VALUE && clock.getAsLong() - failedAt[0] < timeoutNanos) {
            throw new RedisUnavailable("a Redis call of this thread failed moments ago", null);
        }
        T result;
        try {
            result = operation.run(redis);
        } catch (RuntimeException e) {
            failedAt[0] = clock.getAsLong();
            failed(cache, e);
            throw new RedisUnavailable(e.toString(), e);
        }
        succeeded(cache);
        return result;
    }

    private void succeeded(String cache) {
        if (breaker.succeeded() == CircuitBreaker.Change.CLOSED) {
            events.emit(Event.builder("circuit_closed").attribute("redis", describe()).build());
        }
        if (!failing.isEmpty() && failing.remove(cache)) {
            events.emit(Event.builder("tier_recovered").cache(cache).build());
        }
    }

    private void failed(String cache, RuntimeException error) {
        report(cache, error);
        if (breaker.failed() == CircuitBreaker.Change.OPENED) {
            events.emit(Event.builder("circuit_open")
                    .attribute("redis", describe())
                    .reason("Redis calls are skipped for " + settings.breakerOpenFor().toMillis() + " ms after "
                            + settings.breakerFailures() + " consecutive failures, then probed again")
                    .error(error)
                    .build());
        }
    }

    /**
     * Counts and reports a failure outside a call (a value that did not decode): a miss plus a
     * {@code tier_error}, without touching the breaker, since Redis itself answered.
     */
    public void reportValueError(String cache, String reason, Throwable error) {
        count(cache);
        long count = errorLimiter.admit(cache);
        if (count > 0) {
            Event.Builder event = Event.builder("tier_error").cache(cache).reason(reason).attribute("count", count);
            if (error != null) {
                event.error(error);
            }
            events.emit(event.build());
        }
    }

    private void report(String cache, Throwable error) {
        String name = cache == null ? "" : cache;
        if (cache != null) {
            count(cache);
            failing.add(cache);
        }
        long count = errorLimiter.admit(name);
        if (count > 0) {
            events.emit(Event.builder("tier_error").cache(cache)
                    .reason("a Redis call failed: a read counts as a miss, a write is dropped")
                    .error(error).attribute("redis", describe()).attribute("count", count).build());
        }
    }

    private void count(String cache) {
        errors.computeIfAbsent(cache, c -> new LongAdder()).increment();
    }

    /** Tier errors of one cache so far. */
    public long errors(String cache) {
        LongAdder count = errors.get(cache);
        return count == null ? 0 : count.sum();
    }

    /** Whether the client exists and the breaker lets calls through. */
    public boolean isUp() {
        return client != null && !breaker.isOpen();
    }

    private boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        connector.interrupt();
        UnifiedJedis redis = client;
        client = null;
        if (redis != null) {
            try {
                redis.close();
            } catch (RuntimeException e) {
                // Closing at shutdown: nothing left to tell.
            }
        }
    }
}
