package dev.cacheagent.cache.redis;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.JedisPubSub;

/**
 * The channel {@code <keyPrefix>cache-agent:invalidate} on which every instance announces what it
 * stored or evicted in a two-level cache, so that every other instance drops its local copies.
 *
 * <p>A background thread keeps the subscription. While it is down, no instance can trust its local
 * copies: {@link #isLive()} is false and listeners are told to drop everything; when it is back they are
 * told again (messages may have been missed meanwhile) and local copies are used again.
 */
public final class Invalidations implements AutoCloseable {
    private static final Duration RESUBSCRIBE_PAUSE = Duration.ofMillis(200);
    private static final char SEPARATOR = '\n';

    /** What a cache does when another instance changed its entries. */
    public interface Listener {
        void keyChanged(String keyText);

        void keysMatchingChanged(String glob);

        /** Everything changed, or messages may have been missed: drop every local copy. */
        void allChanged();
    }

    private final RedisConnection redis;
    private final String channel;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    private final Thread subscriber;
    private volatile Subscription current;
    private volatile boolean live;
    private volatile boolean closed;

    /** Starts subscribing in the background. */
    public static Invalidations start(RedisConnection redis) {
        Invalidations invalidations = new Invalidations(redis);
        invalidations.subscriber.start();
        return invalidations;
    }

    /** Invalidations that are never subscribed: see {@link RedisConnection#offline}. */
    public static Invalidations offline(RedisConnection redis) {
        return new Invalidations(redis);
    }

    private Invalidations(RedisConnection redis) {
        this.redis = redis;
        this.channel = redis.keyPrefix() + "cache-agent:invalidate";
        this.subscriber = new Thread(this::subscribeForever, "cache-agent-redis-invalidations");
        subscriber.setDaemon(true);
    }

    public String channel() {
        return channel;
    }

    public void listen(String cache, Listener listener) {
        listeners.put(cache, listener);
    }

    /** Whether messages reach this instance now: only then may it keep local copies. */
    public boolean isLive() {
        return live;
    }

    /** Announces that this instance stored, put or evicted one key of a cache. */
    public void keyChanged(String cache, String keyText) throws RedisUnavailable {
        publish(cache, 'k', keyText);
    }

    public void keysMatchingChanged(String cache, String glob) throws RedisUnavailable {
        publish(cache, 'p', glob);
    }

    public void allChanged(String cache) throws RedisUnavailable {
        publish(cache, 'a', "");
    }

    private void publish(String cache, char kind, String text) throws RedisUnavailable {
        redis.publish(cache, channel, instance + SEPARATOR + cache + SEPARATOR + kind + text);
    }

    private void subscribeForever() {
        while (!closed) {
            Subscription subscription = new Subscription();
            current = subscription;
            try {
                subscription.run();
            } catch (RedisUnavailable e) {
                // Reported by the connection's own calls; here it only means: try again shortly.
            }
            down();
            if (closed || !pause()) {
                return;
            }
        }
    }

    private void down() {
        if (live) {
            live = false;
        }
        listeners.values().forEach(Listener::allChanged);
    }

    private boolean pause() {
        try {
            Thread.sleep(RESUBSCRIBE_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void received(String message) {
        int first = message.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : message.indexOf(SEPARATOR, first + 1);
        if (second < 0 || second + 1 >= message.length()) {
            return;
        }
        if (message.regionMatches(0, instance, 0, first) && first == instance.length()) {
            return;
        }
        Listener listener = listeners.get(message.substring(first + 1, second));
        if (listener == null) {
            return;
        }
        String text = message.substring(second + 2);
        switch (message.charAt(second + 1)) {
            case 'k' -> listener.keyChanged(text);
            case 'p' -> listener.keysMatchingChanged(text);
            default -> listener.allChanged();
        }
    }

    private final class Subscription extends JedisPubSub {
        /**
         * Subscribes on this thread until the subscription ends. Here, not in {@link #subscribeForever}: handing
         * a {@code Subscription} over as a {@code JedisPubSub} there would make verifying {@link Invalidations},
         * in {@code premain} on the application's main thread, load the Jedis classes.
         */
        void run() throws RedisUnavailable {
            redis.subscribe(this, channel);
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            // Whatever changed while no message could arrive is unknown: start from empty local copies.
            listeners.values().forEach(Listener::allChanged);
            live = true;
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                received(message);
            } catch (RuntimeException e) {
                // A malformed message from another process must not end the subscription.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        live = false;
        subscriber.interrupt();
        Subscription subscription = current;
        if (subscription != null && subscription.isSubscribed()) {
            try {
                subscription.unsubscribe();
            } catch (RuntimeException e) {
                // Shutting down.
            }
        }
    }
}
