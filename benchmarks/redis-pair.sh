#!/usr/bin/env bash
# The Redis-tier target (a hit <= 1.2x a raw Jedis GET), measured in alternating rounds: each round runs
# RedisTiers.hitRedis and RedisTiers.jedisGet once (JMH sample mode, one fork, 3 x 1 s warm-up, 5 x 1 s
# measurement), in the order A B in odd rounds and B A in even ones, so that a burst of loopback latency on a shared
# machine weighs on both sides; the report gives each round's ratios and the median round.
#
#   benchmarks/redis-pair.sh          # 10 rounds, about 6 minutes on 2 cores
#   benchmarks/redis-pair.sh 4        # fewer rounds
#
# Needs the Redis at REDIS_URL (default redis://127.0.0.1:6379). Results: benchmarks/target/redis-pair/*.json and
# benchmarks/target/redis-pair.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rounds="${1:-10}"
command -v mvn >/dev/null || { apt-get update -qq && apt-get install -y -qq maven; }

mvn -q -B -pl agent,benchmarks -am package -DskipTests
out=benchmarks/target/redis-pair
rm -rf "$out" && mkdir -p "$out"
benchmarks/machine.sh | tee benchmarks/target/redis-pair-machine.md
for ((round = 1; round <= rounds; round++)); do
  order="hitRedis jedisGet"
  if ((round % 2 == 0)); then order="jedisGet hitRedis"; fi
  for benchmark in $order; do
    java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5 -bm sample -tu us \
      -rf json -rff "$out/$round-$benchmark.json" "RedisTiers\.$benchmark\$" >"$out/$round-$benchmark.txt"
  done
  echo "round $round of $rounds done"
done
java -cp benchmarks/target/benchmarks.jar dev.cacheagent.benchmarks.report.PairedRounds "$out" hitRedis jedisGet \
  | tee benchmarks/target/redis-pair.md
