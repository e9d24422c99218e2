#!/bin/sh
# cli-search.sh CLI — jiejian-cli search and wording, end to end
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

cli="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail () {
  echo "not ok: $*" >&2
  exit 1
}

export XDG_CACHE_HOME="$dir/cache" XDG_DATA_HOME="$dir/data"

mkdir -p "$dir/speeches/sub" "$dir/other"
printf '在甲会议上的讲话\n2019年3月1日\n一、总体要求\n坚持以人民为中心的发展思想。推动高质量发展。\n' > "$dir/speeches/a.txt"
printf '在乙会议上的讲话\n2021年6月2日\n坚持以群众为中心，推动高水平发展。\n深化改革\t扩大开放。\n' > "$dir/speeches/sub/b.md"
printf '不在文件夹里的讲话\n高质量发展。\n' > "$dir/other/c.txt"

# Every hit, with the offsets of the display text.
"$cli" search 发展 --folder "$dir/speeches" > "$dir/hits.tsv"
test "$(head -n 1 "$dir/hits.tsv")" = "$(printf 'document\tstart\tend\tsection\tcontext')" || fail "header: $(head -n 1 "$dir/hits.tsv")"
test "$(wc -l < "$dir/hits.tsv")" -eq 4 || fail "three hits expected: $(cat "$dir/hits.tsv")"
grep -q "^$dir/speeches/a.txt	35	37	一、总体要求	" "$dir/hits.tsv" || fail "the hit in a.txt at 35: $(cat "$dir/hits.tsv")"
if grep -q other "$dir/hits.tsv"; then fail "a speech outside the folder was searched"; fi

# The offsets are those of `jiejian-cli text`.
text=$("$cli" text "$dir/speeches/a.txt")
test "$(printf '%s' "$text" | python3 -c 'import sys; print(sys.stdin.read()[35:37])')" = 发展 || fail "offsets do not point at the hit"

# Traditional characters find simplified text; --limit; json.
test "$("$cli" search 高質量發展 --folder "$dir/speeches" | wc -l)" -eq 2 || fail "traditional query"
test "$("$cli" search 发展 --folder "$dir/speeches" --limit 1 | wc -l)" -eq 2 || fail "--limit 1"
"$cli" search 改革 --folder "$dir/speeches" --format json > "$dir/hits.json"
python3 -c 'import json, sys; h = json.load(open(sys.argv[1])); assert len(h) == 1 and h[0]["date"] == "2021-06-02", h' "$dir/hits.json" || fail "json: $(cat "$dir/hits.json")"
grep -q '深化改革\\t扩大开放' "$dir/hits.json" || fail "the tab in the context is escaped"

# A deleted speech leaves the index; the index is private.
rm "$dir/speeches/sub/b.md"
test "$("$cli" search 发展 --folder "$dir/speeches" | wc -l)" -eq 3 || fail "b.md is still found"
index=$(ls "$dir/cache/jiejian"/text-index-*.sqlite)
test "$(stat -c %a "$index")" = 600 || fail "index mode $(stat -c %a "$index")"
test "$(stat -c %a "$dir/cache/jiejian")" = 700 || fail "cache folder mode"

# Wording: the phrase and its variants.
printf '在乙会议上的讲话\n2021年6月2日\n坚持以群众为中心，推动高水平发展。\n' > "$dir/speeches/sub/b.md"
"$cli" wording 以人民为中心 --folder "$dir/speeches" > "$dir/wording.tsv"
test "$(sed -n 2p "$dir/wording.tsv" | cut -f 1-4)" = "$(printf '以人民为中心\t0\t1\t%s' "$dir/speeches/a.txt")" || fail "exact: $(cat "$dir/wording.tsv")"
test "$(sed -n 3p "$dir/wording.tsv" | cut -f 1-3)" = "$(printf '以群众为中心\t2\t1')" || fail "variant: $(cat "$dir/wording.tsv")"
"$cli" wording 高质量发展 --folder "$dir/speeches" --format json > "$dir/wording.json"
python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert [x["variant"] for x in v] == ["高质量发展", "高水平发展"], v
assert v[1]["years"] == [{"year": 2021, "count": 1}], v[1]
' "$dir/wording.json" || fail "wording json: $(cat "$dir/wording.json")"

# Bad input: a clear message, no crash.
if "$cli" search "，。" --folder "$dir/speeches" 2> "$dir/err"; then fail "punctuation only accepted"; fi
grep -q 'at least one letter' "$dir/err" || fail "message: $(cat "$dir/err")"
if "$cli" search 发展 --folder "$dir/none" 2> "$dir/err"; then fail "a missing folder accepted"; fi
grep -q 'is not a folder' "$dir/err" || fail "message: $(cat "$dir/err")"

echo ok
