#!/usr/bin/env bash
# Prints, as Markdown, the machine a benchmark ran on: the lines BENCHMARKS.md quotes with every table.
echo "- CPU: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "- memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
echo "- java: $(java -version 2>&1 | head -n 2 | tail -n 1)"
echo "- load average when it started: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shows here)"
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null || echo unknown)"
