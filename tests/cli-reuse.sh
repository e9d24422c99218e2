#!/bin/sh
# cli-reuse.sh CLI CORPUS — jiejian-cli reuse, end to end
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

cli="$1"
corpus="$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail () {
  echo "not ok: $*" >&2
  exit 1
}

export XDG_CACHE_HOME="$dir/cache" XDG_DATA_HOME="$dir/data"

mkdir -p "$dir/speeches/sub" "$dir/drafts"
cp "$corpus/08.txt" "$dir/speeches/eight.txt"
cp "$corpus/10.txt" "$dir/speeches/sub/ten.txt"
ln -s "$corpus/12.txt" "$dir/speeches/linked.txt"

# A draft of new words around a paragraph of each speech; the second one
# with a character changed.
first=$(awk 'length > 80 { print; exit }' "$corpus/08.txt")
second=$(awk 'length > 80 { print; exit }' "$corpus/10.txt" | sed 's/^\(...................\)./\1某/')
printf '开头是新写的话，与任何讲话都不一样。\n%s\n中间也是新写的一段。\n%s\n结尾。\n' "$first" "$second" > "$dir/drafts/draft.txt"

"$cli" reuse "$dir/drafts/draft.txt" --folder "$dir/speeches" > "$dir/out.tsv"
test "$(wc -l < "$dir/out.tsv")" -eq 2 || fail "two stretches expected: $(cat "$dir/out.tsv")"
line1=$(sed -n 1p "$dir/out.tsv")
line2=$(sed -n 2p "$dir/out.tsv")
case "$line1" in
  *"$dir/speeches/eight.txt"*verbatim) ;;
  *) fail "the first paragraph should be verbatim from eight.txt: $line1" ;;
esac
case "$line2" in
  *"$dir/speeches/sub/ten.txt"*near) ;;
  *) fail "the second paragraph should be near ten.txt: $line2" ;;
esac
# The draft's offsets: the first stretch starts after the 19 characters of
# the first line and its line break.
test "$(printf '%s' "$line1" | cut -f 1)" -eq 19 || fail "draft_start of the first stretch: $line1"
grep -q linked "$dir/out.tsv" && fail "a linked speech was followed"

"$cli" reuse "$dir/drafts/draft.txt" --folder "$dir/speeches" --format json > "$dir/out.json"
/usr/bin/python3 - "$dir/out.json" <<'PY' || fail "json: $(cat "$dir/out.json")"
import json, sys
data = json.load(open(sys.argv[1]))
assert len(data["stretches"]) == 2
assert 0.5 < data["share"] < 1.0, data["share"]
assert abs(sum(s["share"] for s in data["sources"]) - data["share"]) < 1e-3
PY

# A minimum longer than any paragraph finds nothing.
"$cli" reuse "$dir/drafts/draft.txt" --folder "$dir/speeches" --min 2000 > "$dir/none.tsv"
test ! -s "$dir/none.tsv" || fail "nothing expected with --min 2000"

# Bad input: a clear message and a non-zero status.
if "$cli" reuse "$dir/drafts/draft.txt" --folder "$dir/nowhere" 2> "$dir/err"; then
  fail "a missing folder was accepted"
fi
grep -q 'nowhere' "$dir/err" || fail "the message does not name the folder"
if "$cli" reuse "$dir/drafts/draft.txt" --format xml 2> /dev/null; then
  fail "an unknown format was accepted"
fi

echo "ok: reuse"
