/**
 * Observation: the structured event log (JSON or text lines, written off the application's
 * threads), per-rule latency histograms and counters, and the periodic {@code stats} events.
 *
 * <p>Depends on the configuration records only; knows nothing of instrumentation or cache tiers.
 */
package dev.cacheagent.observe;
