#!/usr/bin/env bash
# Builds the agent and the test application, then runs the same demo workload twice: once plain,
# once with the agent and config-samples/prompt-prewarm.yaml (prompt and preview caches switched on).
# Usage: ./demo.sh [--requests N]   (delays: DB_DELAY_MS=80, PROVIDER_DELAY_MS=300 by default)
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -ntp -DskipTests package
args=(demo --seed 42 "$@")

echo "== without the agent"
java -jar test-app/target/test-app.jar "${args[@]}"

echo
echo "== with the agent (prompt and preview caches on; events in target/demo-events.jsonl)"
mkdir -p target
ENABLE_PROMPT_CACHE=true ENABLE_PREVIEW_CACHE=true CACHE_AGENT_STATS=1h \
  java -javaagent:agent/target/cache-agent.jar=config-samples/prompt-prewarm.yaml \
       -jar test-app/target/test-app.jar "${args[@]}" 2> target/demo-events.jsonl
echo
echo "$(grep -c '"event":"hit"' target/demo-events.jsonl || true) hit events, $(grep -c '"event":"miss"' target/demo-events.jsonl || true) miss events written to target/demo-events.jsonl"
