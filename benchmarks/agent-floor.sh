#!/usr/bin/env bash
# What part of the agent's startup cost any Java agent with a transformer pays: test-app to its first response
# without an agent, with a do-nothing agent that registers a transformer changing nothing
# (benchmarks/floor-agent/FloorAgent.java), and with cache-agent and the largest sample, interleaved run by run.
#
#   benchmarks/agent-floor.sh [runs]     # default 10; results: benchmarks/target/startup.md
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-10}"
command -v mvn >/dev/null || { apt-get update -qq && apt-get install -y -qq maven; }

mvn -q -B -pl agent,test-app,benchmarks -am package -DskipTests
build=benchmarks/target/floor-agent
rm -rf "$build" && mkdir -p "$build/classes"
javac -d "$build/classes" benchmarks/floor-agent/FloorAgent.java
printf 'Premain-Class: FloorAgent\nCan-Retransform-Classes: true\n' > "$build/manifest.txt"
jar --create --file "$build/floor-agent.jar" --manifest "$build/manifest.txt" -C "$build/classes" .
benchmarks/machine.sh > benchmarks/target/startup-machine.md
cat benchmarks/target/startup-machine.md
java -cp benchmarks/target/benchmarks.jar dev.cacheagent.benchmarks.drivers.StartupBenchmark \
  --test-app test-app/target/test-app.jar --agent agent/target/cache-agent.jar --samples config-samples \
  --runs "$runs" --out benchmarks/target/startup.md --logs benchmarks/target/startup-logs \
  --floor-agent "$build/floor-agent.jar" --largest-only true
