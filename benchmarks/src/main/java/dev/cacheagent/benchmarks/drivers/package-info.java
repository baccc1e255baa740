/**
 * Drivers that run test-app as a separate process, as users run their services, and measure it from outside:
 * {@link dev.cacheagent.benchmarks.drivers.StartupBenchmark} (time and memory to the first served request, with
 * and without the agent and the OpenTelemetry agent) and {@link dev.cacheagent.benchmarks.drivers.EndToEndBenchmark}
 * (latency, throughput and backend work under a steady Zipf-distributed load). benchmarks/startup.sh and
 * benchmarks/e2e.sh build what they need and call them.
 */
package dev.cacheagent.benchmarks.drivers;
