#!/usr/bin/env bash
# The JMH suite, as BENCHMARKS.md reports it: builds the agent and the benchmarks, then runs every benchmark with
# its own settings (2 forks, 5 x 1 s warm-up, 5 x 1 s measurement), JMH's allocation profiler (-prof gc) and
# the CPU time per operation (-prof dev.cacheagent.benchmarks.CpuTimeProfiler).
#
#   benchmarks/jmh.sh                      # everything (about 15 minutes on 2 cores)
#   benchmarks/jmh.sh 'WithAgent|HandWritten' -prof stack    # a subset, any extra JMH options
#
# Results: benchmarks/target/jmh.txt (the console) and benchmarks/target/jmh.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command -v mvn >/dev/null || { apt-get update -qq && apt-get install -y -qq maven; }

mvn -q -B -pl agent,benchmarks -am package -DskipTests
benchmarks/machine.sh | tee benchmarks/target/jmh-machine.md
java -jar benchmarks/target/benchmarks.jar -prof gc -prof dev.cacheagent.benchmarks.CpuTimeProfiler -rf json -rff benchmarks/target/jmh.json "$@" \
  | tee benchmarks/target/jmh.txt
java -cp benchmarks/target/benchmarks.jar dev.cacheagent.benchmarks.report.JmhReport benchmarks/target/jmh.json \
  | tee benchmarks/target/jmh.md
