/**
 * Turns the JSON results of JMH runs of this module into the tables of BENCHMARKS.md, with the ratios and
 * differences its targets are stated in: {@code JmhReport} for one run ({@code java -cp benchmarks.jar
 * dev.cacheagent.benchmarks.report.JmhReport benchmarks/target/jmh.json}), {@code PairedRounds} for two benchmarks
 * measured in alternating rounds ({@code benchmarks/redis-pair.sh}).
 */
package dev.cacheagent.benchmarks.report;
