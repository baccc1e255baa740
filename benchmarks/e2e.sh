#!/usr/bin/env bash
# End-to-end benchmark: test-app under a steady Zipf-distributed HTTP load from several threads: the prompt
# sample's traffic (previews of photos in styles, style-prompt reads; 70/30), optionally with a share of image
# generations (`/images`, which that sample does not cache); without the agent and with the agent and
# config-samples/prompt-prewarm.yaml (switches off, prompt cache on, prompt and preview caches on): latency
# percentiles, throughput, database queries and provider calls per 1000 requests, and the agent's own timing of
# calls served from the cache.
#
#   benchmarks/e2e.sh [threads] [seconds] [image-percent]
#   # default 8 threads, 30 s measured after 10 s of warm-up, 0% image generations
#
# Results: benchmarks/target/e2e.md; test-app's standard error (the agent's events) in benchmarks/target/e2e-logs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
threads="${1:-8}"
seconds="${2:-30}"
image_percent="${3:-0}"
command -v mvn >/dev/null || { apt-get update -qq && apt-get install -y -qq maven; }

mvn -q -B -pl agent,test-app,benchmarks -am package -DskipTests
benchmarks/machine.sh > benchmarks/target/e2e-machine.md
cat benchmarks/target/e2e-machine.md
java -cp benchmarks/target/benchmarks.jar dev.cacheagent.benchmarks.drivers.EndToEndBenchmark \
  --test-app test-app/target/test-app.jar --agent agent/target/cache-agent.jar \
  --rules config-samples/prompt-prewarm.yaml --threads "$threads" --seconds "$seconds" --warmup-seconds 10 \
  --image-percent "$image_percent" \
  --out benchmarks/target/e2e.md --logs benchmarks/target/e2e-logs
