/**
 * The annotation-based caches the agent is compared with, each set up as its documentation shows and kept minimal:
 * Spring's {@code @Cacheable} over a {@code CaffeineCacheManager}, and JetCache's {@code @Cached} over its Caffeine
 * local cache. Both cache the same method with the default key and with the key
 * {@code #styleName.trim().toLowerCase()}, and both are reached through the proxy their framework builds.
 */
package dev.cacheagent.benchmarks.baselines;
