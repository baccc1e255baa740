package dev.cacheagent.benchmarks.drivers;

/**
 * One start of test-app.
 *
 * @param readyMillis from starting {@code java} to test-app's {@code READY} line
 * @param firstResponseMillis from starting {@code java} to the answer to the first request
 * @param cpuMillis CPU time the process used up to that answer, all threads ({@code 0} where unknown): unlike
 *     the wall times, it hardly grows when other work on the machine competes for the cores
 * @param peakResidentKilobytes the most memory resident up to that answer ({@code 0} where unknown)
 */
record Launch(double readyMillis, double firstResponseMillis, double cpuMillis, long peakResidentKilobytes) {}
