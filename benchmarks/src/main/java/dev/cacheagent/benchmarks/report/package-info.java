/**
 * Turns the JSON results of a JMH run of this module into the tables of BENCHMARKS.md, with the ratios and
 * differences its targets are stated in: {@code java -cp benchmarks.jar dev.cacheagent.benchmarks.report.JmhReport
 * benchmarks/target/jmh.json}.
 */
package dev.cacheagent.benchmarks.report;
