#!/usr/bin/env bash
# Runs the core benchmarks (import, outline, marks, library) and counts the
# instructions of each under callgrind, which stay the same from run to run
# where wall-clock times do not.
#
#   tests/bench/bench-core.sh [BUILDDIR]      (default: _build)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/_build}"
export LC_ALL=C.UTF-8

[ -f "$build/build.ninja" ] || meson setup "$build" "$root" >/dev/null
ninja -C "$build" -j2 tests/bench-outline tests/bench-marks tests/bench/bench-import tests/bench/bench-library >/dev/null

benches=(
  "import:$build/tests/bench/bench-import"
  "outline:$build/tests/bench-outline"
  "marks:$build/tests/bench-marks"
  "library:$build/tests/bench/bench-library"
)

echo "== Wall-clock figures ($(nproc) cores, $(uname -m))"
for entry in "${benches[@]}"; do
  name=${entry%%:*}
  exe=${entry#*:}
  echo "-- $name"
  /usr/bin/time -f "   (elapsed %e s, peak %M KB)" "$exe" 2>&1
done

if ! command -v valgrind >/dev/null; then
  echo "valgrind is not installed: no instruction counts (apt-get install valgrind)"
  exit 0
fi

echo
echo "== Instructions under callgrind (whole program, including setup)"
# The library benchmark first generates 2,000 speeches: more than half an
# hour under callgrind, so it is left out unless JJ_BENCH_CALLGRIND_ALL=1.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for entry in "${benches[@]}"; do
  if [ "${entry%%:*}" = library ] && [ -z "${JJ_BENCH_CALLGRIND_ALL:-}" ]; then
    continue
  fi
  name=${entry%%:*}
  exe=${entry#*:}
  valgrind --tool=callgrind --callgrind-out-file="$tmp/$name.out" "$exe" >/dev/null 2>"$tmp/$name.err" || true
  ir=$(sed -n 's/^summary: *//p' "$tmp/$name.out" | head -1)
  printf '%-8s %15s Ir\n' "$name" "$(printf "%'d" "${ir:-0}" 2>/dev/null || echo "$ir")"
  # The Jiejian functions that cost most, with what they call.
  callgrind_annotate --inclusive=yes "$tmp/$name.out" 2>/dev/null |
    grep -E '^ *[0-9,]+ \([ 0-9.]+%\) +[^ ]*:jj_[a-z0-9_]+ ' | head -6 |
    sed -E 's/ \[[^]]*\]$//; s|[^ ]*/src/core/||; s/^/    /' || true
done
