#!/usr/bin/env bash
# Instructions per byte of `nianbao check --format json`, counted by
# callgrind: repeatable to the instruction whatever else the machine does
# (wall-clock on a shared 2-core machine swings by 2x; this does not).
#
#   benches/instructions.sh [BINARY] [N]
#
# BINARY defaults to target/release/nianbao (built if missing), N to 200
# generated reports (nianbao-corpus, seed 1: the same files every time).
# Prints instructions for the whole run, for process start alone (`check` on
# an empty report list is not possible, so: `--version`), and per byte and per
# report of the difference.
#
# The corpus always comes from this tree's generator (rebuilt if stale), so
# an older BINARY is measured on exactly the same files as the current one.
set -euo pipefail
# Resolve a relative BINARY before leaving the caller's directory.
bin=${1:-}
if [ -n "$bin" ]; then bin=$(realpath "$bin"); fi
cd "$(dirname "$0")/.."
n=${2:-200}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
# cargo is incremental: this is a no-op when nothing changed, and never
# measures a stale binary.
cargo build --release --quiet --bins
bin=${bin:-target/release/nianbao}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/nianbao-corpus "$n" "$work/corpus" --seed 1 >/dev/null 2>&1
bytes=$(cat "$work"/corpus/* | wc -c)

count() {
  # Total instructions ("summary:" line of callgrind's output file).
  local out="$work/cg.out"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1 || true
  awk '/^summary:/ {print $2}' "$out"
}

# One thread, so the count does not depend on scheduling.
export RAYON_NUM_THREADS=1
start=$(count "$bin" --version)
total=$(count "$bin" check --format json "$work"/corpus/*)
work_i=$((total - start))
awk -v t="$total" -v s="$start" -v w="$work_i" -v b="$bytes" -v n="$n" 'BEGIN {
  printf "reports: %d, bytes: %d\n", n, b
  printf "instructions: %d total, %d process start, %d checking\n", t, s, w
  printf "per byte: %.1f   per report: %.0f\n", w / b, w / n
}'
