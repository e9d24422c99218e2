#!/bin/sh
# cli-library.sh CLI SAMPLE — jiejian-cli library and export, end to end
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

# The library's index goes to the cache folder: keep it in the test's.
export XDG_CACHE_HOME="$dir/cache" XDG_DATA_HOME="$dir/data"

mkdir -p "$dir/speeches/sub"
cp "$sample" "$dir/speeches/one.txt"
cp "$sample" "$dir/speeches/sub/two.txt"
"$cli" mark "$dir/speeches/one.txt" --start 300 --end 330 --kind golden --tag 城市 --note "开头可用" >/dev/null
"$cli" mark "$dir/speeches/one.txt" --start 1000 --end 1040 --kind fact >/dev/null
"$cli" mark "$dir/speeches/sub/two.txt" --start 500 --end 520 --kind golden --tag 城市 >/dev/null

quote=$("$cli" marks "$dir/speeches/one.txt" | awk -F '\t' '$2 == 300 { print $7 }')
test -n "$quote" || fail "no quote listed by marks"
needle=$(printf '%s' "$quote" | cut -c 1-12)

"$cli" library --folder "$dir/speeches" search "" > "$dir/all.tsv"
test "$(wc -l < "$dir/all.tsv")" -eq 4 || fail "a header and three passages expected: $(cat "$dir/all.tsv")"

"$cli" library --folder "$dir/speeches" search "" --kind golden --tag 城市 > "$dir/golden.tsv"
test "$(wc -l < "$dir/golden.tsv")" -eq 3 || fail "two golden passages expected"

"$cli" library --folder "$dir/speeches" search "$needle" --format json > "$dir/found.json"
grep -q '"note": "开头可用"' "$dir/found.json" || fail "the passage is not found by its quote: $(cat "$dir/found.json")"

# A second run uses the index and finds the same.
"$cli" library --folder "$dir/speeches" search "" > "$dir/again.tsv"
cmp -s "$dir/all.tsv" "$dir/again.tsv" || fail "the indexed library differs"
db=$(ls "$dir/cache/jiejian/"library-*.sqlite) || fail "no database written"
test "$(stat -c %a "$db")" = 600 || fail "the database is not private: $(stat -c %a "$db")"
test "$(stat -c %a "$dir/cache/jiejian")" = 700 || fail "the cache folder is not private"
# A damaged database is rebuilt from the sidecars: the same passages.
printf 'damaged' | dd of="$db" bs=1 seek=100 conv=notrunc 2>/dev/null
"$cli" library --folder "$dir/speeches" search "" > "$dir/rebuilt.tsv"
cmp -s "$dir/all.tsv" "$dir/rebuilt.tsv" || fail "the rebuilt library differs"

# Four first runs at once: the database is made once, under SQLite's
# write lock, and no run takes the file another is making for a damaged
# one; every run lists every passage.
for round in 1 2 3; do
  rm -f "$dir/cache/jiejian/"library-*
  for i in 1 2 3 4; do
    G_MESSAGES_DEBUG=Jiejian "$cli" library --folder "$dir/speeches" search "" > "$dir/first$i.out" 2>&1 &
  done
  wait
  if grep -q "already exists\|Rebuilding" "$dir"/first*.out; then
    fail "concurrent first runs: $(grep -h "already exists\|Rebuilding" "$dir"/first*.out | head -1)"
  fi
  for i in 1 2 3 4; do
    test "$(grep -c "^$dir/speeches" "$dir/first$i.out")" -eq 3 || fail "concurrent run $i lost passages"
  done
done

if "$cli" library --folder "$dir/nowhere" search x 2>/dev/null; then fail "a missing folder accepted"; fi
if "$cli" library search x --format xml 2>/dev/null; then fail "an unknown format accepted"; fi

"$cli" export "$dir/speeches/one.txt" "$dir/speeches/sub/two.txt" --format md -o "$dir/out.md" --kind golden
test "$(grep -c '^> ' "$dir/out.md")" -eq 2 || fail "two quotes expected in the Markdown: $(cat "$dir/out.md")"
grep -q '^——《' "$dir/out.md" || fail "no citation in the Markdown"

"$cli" export "$dir/speeches/one.txt" --format docx -o "$dir/out.docx"
head -c 2 "$dir/out.docx" | grep -q PK || fail "the .docx is not a zip"

"$cli" export --outline "$dir/speeches/one.txt" --format txt -o "$dir/skeleton.txt"
test "$(wc -l < "$dir/skeleton.txt")" -gt 3 || fail "an outline skeleton expected"

if "$cli" export "$dir/speeches/missing.txt" --format txt -o "$dir/x.txt" 2>/dev/null; then fail "a speech without marks accepted"; fi

echo "ok"
