#!/usr/bin/env bash
# What the agent does to the benchmark classes' bytecode: runs one benchmark fork with the agent's class dump switched
# on (-Dcacheagent.dumpClasses=<dir>: each rewritten class before and after), then shows
#   - every class the agent transformed (a class only an `enabled: false` rule names must not be among them),
#   - that a method no rule names keeps its bytecode exactly (javap of the original against the transformed class),
#   - a cached method as the agent rewrote it.
# Expects benchmarks/target/benchmarks.jar (benchmarks/jmh.sh builds it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dump="benchmarks/target/bytecode-dump"
rm -rf "$dump" && mkdir -p "$dump"
java -jar benchmarks/target/benchmarks.jar -f 1 -wi 0 -i 1 -r 100ms \
  -jvmArgsPrepend "-Dcacheagent.dumpClasses=$root/$dump" 'WithAgent.methodWithoutRule' > "$dump.log" 2>&1

echo "Application classes the agent transformed:"
ls "$dump" | grep '^com\.example' | grep -v -- '-original' | sed 's/\.class$//' | sort -u | sed 's/^/  /'
if ls "$dump" | grep -q 'FlaggedStylePromptService'; then
  echo "FlaggedStylePromptService (named only by an enabled: false rule) WAS transformed" >&2
  exit 1
fi
echo "  (FlaggedStylePromptService, named only by an enabled: false rule, is not among them)"

method() { javap -c -p "$1" | awk -v m="$2(" 'index($0, m) {p=1} p && /^$/ {exit} p'; }
original="$dump/com.example.prompts.StylePromptService-original.class"
transformed="$dump/com.example.prompts.StylePromptService.class"
if diff <(method "$original" getStylePromptWithoutRule) <(method "$transformed" getStylePromptWithoutRule) >/dev/null; then
  echo "StylePromptService.getStylePromptWithoutRule (no rule): bytecode identical to the original"
else
  echo "StylePromptService.getStylePromptWithoutRule (no rule): bytecode CHANGED" >&2
  exit 1
fi
echo
echo "StylePromptService.getStylePrompt (rule style-prompt) as the agent rewrote it:"
method "$transformed" getStylePrompt
