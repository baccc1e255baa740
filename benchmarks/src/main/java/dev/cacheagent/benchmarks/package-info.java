/**
 * JMH benchmarks of the agent's hit, miss and untouched paths, each beside the same calls in a JVM without the
 * agent and beside the caches users already know: Caffeine and a ConcurrentHashMap by hand, Spring
 * {@code @Cacheable} and JetCache {@code @Cached}; and hits on the Redis tiers beside a raw Jedis {@code GET}.
 * Benchmarks that need the agent fork a JVM with {@code -javaagent}, so the measured methods are instrumented
 * exactly as in production. BENCHMARKS.md at the repository root has the results and the commands that reproduce
 * them.
 */
package dev.cacheagent.benchmarks;
