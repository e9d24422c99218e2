#!/bin/sh
# cli-authors.sh CLI SAMPLE — marks by several writers: --author, edit, delete, search by author
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

export XDG_CACHE_HOME="$dir/cache" XDG_DATA_HOME="$dir/data"
mkdir "$dir/shared"
cp "$sample" "$dir/shared/speech.txt"
speech="$dir/shared/speech.txt"

a=$("$cli" mark "$speech" --start 100 --end 130 --kind golden --author 张三)
b=$("$cli" mark "$speech" --start 200 --end 230 --kind borrow --author 李四 --tag 党建)
c=$("$cli" mark "$speech" --start 300 --end 330 --kind fact --author 李四)

"$cli" marks "$speech" --format json > "$dir/marks.json"
/usr/bin/python3 - "$dir/marks.json" "$a" "$b" <<'PY' || fail "authors in json: $(cat "$dir/marks.json")"
import json, sys
marks = {m["id"]: m for m in json.load(open(sys.argv[1]))}
assert marks[sys.argv[2]]["author"] == "张三"
assert marks[sys.argv[3]]["author"] == "李四"
PY

"$cli" edit "$speech" "$b" --note "可用于开头" --tag 党建 --tag 作风
"$cli" marks "$speech" --format json > "$dir/marks.json"
/usr/bin/python3 - "$dir/marks.json" "$b" <<'PY' || fail "edit: $(cat "$dir/marks.json")"
import json, sys
m = [m for m in json.load(open(sys.argv[1])) if m["id"] == sys.argv[2]][0]
assert m["note"] == "可用于开头", m
assert m["tags"] == ["党建", "作风"], m
PY

"$cli" edit "$speech" "$c" --delete
"$cli" marks "$speech" | cut -f 1 | grep -qx "$c" && fail "the deleted mark is still listed"
grep -q "$c" "$speech.jiejian.xml" || fail "no tombstone kept for the deleted mark"
"$cli" edit "$speech" "$c" --note x 2> "$dir/err" && fail "a deleted mark was edited"
grep -q "$c" "$dir/err" || fail "the message does not name the mark"

"$cli" library --folder "$dir/shared" search "" --author 李四 > "$dir/lisi.tsv"
test "$(wc -l < "$dir/lisi.tsv")" -eq 2 || fail "one passage of 李四 expected: $(cat "$dir/lisi.tsv")"
"$cli" library --folder "$dir/shared" search "" --author 王五 > "$dir/none.tsv"
test "$(wc -l < "$dir/none.tsv")" -eq 1 || fail "no passage of 王五 expected: $(cat "$dir/none.tsv")"

echo "ok: authors"
