/**
 * The cache tiers (local, redis, two-level) and what they share: cache keys and their text, cache
 * entries and their lifetimes ({@code EntryLifetime}: when an entry is fresh, when a hit should
 * refresh it, how long it may be served when the origin fails), the clock that dates them, and the
 * in-flight loads that give each key a single flight and keep an eviction or put from being
 * overwritten by a load that started before it.
 *
 * <p>Knows nothing of rules, expressions or instrumentation; the runtime decides what to look up and
 * what to store.
 */
package dev.cacheagent.cache;
