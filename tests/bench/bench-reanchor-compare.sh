#!/usr/bin/env bash
# Re-anchoring beside approx-string-match (the matcher of the Hypothesis
# annotation client): the same 1,000 quotes in the same edited
# 1,000,000-character text, placement accuracy and time, and their ratios.
# Installs approx-string-match with npm into a temporary directory.
#
#   tests/bench/bench-reanchor-compare.sh [BUILDDIR]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/_build}"

command -v node >/dev/null || { echo "node is not installed (apt-get install nodejs npm)"; exit 1; }
[ -f "$build/build.ninja" ] || meson setup "$build" "$root" >/dev/null
ninja -C "$build" -j2 tests/bench/bench-reanchor-compare >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm install --silent --no-audit --no-fund approx-string-match@2 >/dev/null)
version=$(node -p "require('$tmp/node_modules/approx-string-match/package.json').version")

"$build/tests/bench/bench-reanchor-compare" "$tmp/marks.json" | tee "$tmp/jj.txt"
NODE_PATH="$tmp/node_modules" node "$root/tests/bench/approx-compare.js" "$tmp/marks.json" | tee "$tmp/asm.txt"

python3 - "$tmp/jj.txt" "$tmp/asm.txt" "$version" <<'PY'
import re, sys
def result(path):
    line = [l for l in open(path) if l.startswith("RESULT")][0]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
jj, asm = result(sys.argv[1]), result(sys.argv[2])
n = jj["right"] + jj["near"] + jj["wrong"] + jj["orphan"]
print(f"approx-string-match {sys.argv[3]} with Hypothesis's scoring, node {__import__('subprocess').run(['node','--version'],capture_output=True,text=True).stdout.strip()}")
for name, r in (("Jiejian", jj), ("approx-string-match", asm)):
    print(f"  {name:20s} {r['right']/n*100:6.1f} % exactly right, {r['near']:.0f} within 2, "
          f"{r['wrong']:.0f} wrong, {r['orphan']:.0f} orphans, {r['ms']:.0f} ms")
acc = (jj["right"] / asm["right"]) if asm["right"] else float("inf")
print(f"  accuracy ratio (exactly right, Jiejian / approx-string-match): {acc:.2f}")
total = jj["ms"] + jj.get("prepare_ms", 0)
print(f"  speed ratio (approx-string-match time / Jiejian time incl. text preparation): {asm['ms']/total:.1f}x")
PY
