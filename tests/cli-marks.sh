#!/bin/sh
# cli-marks.sh CLI SAMPLE — jiejian-cli mark and marks, end to end
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

cli="$1"
sample="$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail () {
  echo "not ok: $*" >&2
  exit 1
}

cp "$sample" "$dir/speech.txt"

id=$("$cli" mark "$dir/speech.txt" --start 300 --end 330 --kind golden --tag 城市 --tag 文明 --note "好	句")
"$cli" mark "$dir/speech.txt" --start 1000 --end 1040 --kind fact >/dev/null
test -f "$dir/speech.txt.jiejian.xml" || fail "no sidecar beside the document"

# An unknown kind and a range outside the text are refused.
if "$cli" mark "$dir/speech.txt" --start 1 --end 2 --kind nonsense 2>/dev/null; then fail "unknown kind accepted"; fi
if "$cli" mark "$dir/speech.txt" --start 1 --end 999999 --kind borrow 2>/dev/null; then fail "range outside accepted"; fi

"$cli" marks "$dir/speech.txt" > "$dir/list.tsv"
test "$(wc -l < "$dir/list.tsv")" -eq 2 || fail "two lines expected"
line=$(head -n 1 "$dir/list.tsv")
test "$(printf '%s\n' "$line" | awk -F '\t' '{ print NF }')" -eq 8 || fail "eight fields expected: $line"
printf '%s\n' "$line" | awk -F '\t' -v id="$id" '$1 == id && $2 == 300 && $3 == 330 && $4 == "golden" && $5 == "placed" && $6 == "城市,文明" && $8 == "好\\t句" { ok = 1 } END { exit !ok }' \
  || fail "unexpected line: $line"

"$cli" marks --format json "$dir/speech.txt" | grep -q "\"id\": \"$id\"" || fail "json lacks the mark"

# The speech changes before both marks: they move, and --check says so.
# (A line put before the website's own lines would be taken for them.)
sed '0,/同志們:/s//同志們:新增的一段開場白。/' "$sample" > "$dir/speech.txt"
"$cli" marks --check "$dir/speech.txt" > "$dir/check.tsv"
grep -q "^moved	2$" "$dir/check.tsv" || fail "two moved marks expected: $(cat "$dir/check.tsv")"
grep -q "^changed	0$" "$dir/check.tsv" || fail "no reworded mark expected: $(cat "$dir/check.tsv")"
quote=$(printf '%s\n' "$line" | cut -f 7)
"$cli" marks "$dir/speech.txt" | awk -F '\t' -v id="$id" -v q="$quote" '$1 == id && $2 > 300 && $3 - $2 == 30 && $7 == q { ok = 1 } END { exit !ok }' \
  || fail "the mark did not move with its quote: $("$cli" marks "$dir/speech.txt" | head -n 1)"

echo "ok"
