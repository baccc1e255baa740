/**
 * Observation: the structured event log ({@link dev.cacheagent.observe.AsyncEventLog}: JSON or text
 * lines written off the application's threads), per-rule counters and latency histograms
 * ({@link dev.cacheagent.observe.RuleMetrics}), per-cache figures merged across the rules sharing a
 * cache ({@link dev.cacheagent.observe.CacheView}), the periodic {@code stats} events
 * ({@link dev.cacheagent.observe.StatsReporter}), rate limiting of repeated error events
 * ({@link dev.cacheagent.observe.EventRateLimiter}) and the Prometheus text of the metrics
 * ({@link dev.cacheagent.observe.PrometheusFormat}).
 *
 * <p>Depends on the configuration records only; knows nothing of instrumentation or cache tiers,
 * which report themselves through {@link dev.cacheagent.observe.CacheGauge}.
 */
package dev.cacheagent.observe;
