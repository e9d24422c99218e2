#!/usr/bin/env bash
# Builds the libFuzzer harnesses in their own build directory and runs each
# for SECONDS (default 60). An input that crashes a harness is copied to
# tests/fuzz/regressions/<harness>/, where the core test suite replays it.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS] [HARNESS…]
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
shift || true
build="${JJ_FUZZ_BUILD_DIR:-$root/_build-fuzz}"
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  harnesses=(text web-cleaner docx odt html sidecar outline anchor)
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ meson setup "$build" "$root" -Dfuzzing=true -Dbuildtype=debugoptimized >/dev/null || exit 1
fi
targets=()
for h in "${harnesses[@]}"; do
  targets+=("tests/fuzz/fuzz-$h")
done
ninja -C "$build" -j2 "${targets[@]}" >/dev/null || exit 1

status=0
for h in "${harnesses[@]}"; do
  work="$root/tests/fuzz/corpus-$h"      # grows while fuzzing; git-ignored
  artifacts="$(mktemp -d)"
  mkdir -p "$work"
  log="$artifacts/log"
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$build/tests/fuzz/fuzz-$h" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 \
      "$work" "$here/seeds/$h" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  found=0
  for f in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [ -e "$f" ] || continue
    mkdir -p "$here/regressions/$h"
    cp "$f" "$here/regressions/$h/"
    found=$((found + 1))
  done
  printf '%-12s %4ss  exit %-3s execs %-9s %-10s crashes %s\n' "$h" "$seconds" "$rc" "${execs:-?}" "${cov:-}" "$found"
  if [ "$found" -gt 0 ]; then
    status=1
    grep -m1 -A12 'ERROR: \|runtime error\|ALARM\|out-of-memory' "$log" | sed 's/^/    /'
  fi
  rm -rf "$artifacts"
done
exit $status
