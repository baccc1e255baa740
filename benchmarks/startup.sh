#!/usr/bin/env bash
# Startup benchmark: wall time and peak RSS of test-app from `java` to its first served request
# (serve --port 0, the READY line, then GET /prompts/neon-noir), without an agent, with the agent and each file of
# config-samples/ (their switches on), and with the OpenTelemetry Java agent (exporters off); then what the agent's
# bootstrap class-path entry does to class-data sharing. Medians of N runs (default 10).
#
#   benchmarks/startup.sh [runs] [driver options]   # results: benchmarks/target/startup.md, logs in benchmarks/target/startup-logs
#
# Driver options, e.g. an A/B against another build of the agent with the largest sample only:
#   benchmarks/startup.sh 10 --baseline-agent /tmp/main-cache-agent.jar --largest-only true
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-10}"
shift $(( $# > 0 ? 1 : 0 ))
otel_version=2.33.1
command -v mvn >/dev/null || { apt-get update -qq && apt-get install -y -qq maven; }

mvn -q -B -pl agent,test-app,benchmarks -am package -DskipTests
otel="benchmarks/target/otel/opentelemetry-javaagent-$otel_version.jar"
if [ ! -f "$otel" ]; then
  mvn -q -B -N dependency:copy -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$otel_version" \
    -DoutputDirectory=benchmarks/target/otel
fi

benchmarks/machine.sh > benchmarks/target/startup-machine.md
cat benchmarks/target/startup-machine.md
java -cp benchmarks/target/benchmarks.jar dev.cacheagent.benchmarks.drivers.StartupBenchmark \
  --test-app test-app/target/test-app.jar --agent agent/target/cache-agent.jar --samples config-samples \
  --otel "$otel" --runs "$runs" --out benchmarks/target/startup.md --logs benchmarks/target/startup-logs "$@"
