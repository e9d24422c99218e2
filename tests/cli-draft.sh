#!/bin/sh
# cli-draft.sh CLI SAMPLE — jiejian-cli draft and the export of a draft, end to end
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

cp "$sample" "$dir/speech.txt"
id=$("$cli" mark "$dir/speech.txt" --start 300 --end 340 --kind golden)
quote=$("$cli" marks "$dir/speech.txt" | awk -F '\t' -v id="$id" '$1 == id { print $7 }')
test -n "$quote" || fail "no quote for the mark"

# A draft with the speech's headings, a borrowed card and one of our own.
draft="$dir/新讲话.jiejian-draft.xml"
"$cli" draft new "$draft" --outline-from "$dir/speech.txt" --title "新的讲话"
"$cli" draft add "$draft" --section 2 --mark "$dir/speech.txt:$id"
"$cli" draft add "$draft" --section 2 --text "这是我们自己写的一段。"
xmllint --noout --relaxng "$(dirname "$0")/../data/draft.rng" "$draft" 2>/dev/null \
  || fail "the draft does not follow data/draft.rng: $(cat "$draft")"
grep -q '<title>新的讲话</title>' "$draft" || fail "no title"
grep -q "mark=\"$id\"" "$draft" || fail "the borrowed card does not keep its mark"
grep -q "document=\"$dir/speech.txt\"" "$draft" || fail "the borrowed card does not keep its speech"

"$cli" export "$draft" --format md -o "$dir/draft.md"
grep -q '^# 新的讲话$' "$dir/draft.md" || fail "markdown title: $(cat "$dir/draft.md")"
grep -q "^$quote\[^1\]$" "$dir/draft.md" || fail "the borrowed passage in markdown: $(cat "$dir/draft.md")"
grep -q '^\[^1\]: 《' "$dir/draft.md" || fail "the source footnote"
grep -q '^这是我们自己写的一段。$' "$dir/draft.md" || fail "our own card"
"$cli" export "$draft" --format docx -o "$dir/draft.docx"
test -s "$dir/draft.docx" || fail "no docx"
"$cli" export "$draft" --format txt -o "$dir/draft.txt"
test "$(sed -n 1p "$dir/draft.txt")" = "新的讲话" || fail "text export: $(cat "$dir/draft.txt")"

# A blank skeleton.
"$cli" draft new "$dir/blank.jiejian-draft.xml" --title 空白
"$cli" export "$dir/blank.jiejian-draft.xml" --format txt -o "$dir/blank.txt"
test "$(tr '\n' '|' < "$dir/blank.txt")" = "空白|同志们：|一、|二、|三、|（结束语）|" \
  || fail "blank skeleton: $(cat "$dir/blank.txt")"

# Bad input: a clear message, a non-zero status, the draft unchanged.
before=$(cat "$draft")
"$cli" draft add "$draft" --section 99 --text x 2> "$dir/err" && fail "section 99 accepted"
grep -q -- '--section' "$dir/err" || fail "the message does not name --section"
"$cli" draft add "$draft" --section 1 --mark "$dir/speech.txt:no-such-mark" 2> "$dir/err" && fail "a missing mark accepted"
grep -q 'no-such-mark' "$dir/err" || fail "the message does not name the mark"
"$cli" draft add "$draft" --section 1 2> /dev/null && fail "a card with neither --mark nor --text accepted"
test "$(cat "$draft")" = "$before" || fail "a failed add changed the draft"
"$cli" draft new "$draft" 2> /dev/null && fail "an existing draft was overwritten"
"$cli" draft new "$dir/wrong.xml" 2> /dev/null && fail "a draft name without .jiejian-draft.xml accepted"
printf '<!DOCTYPE x [<!ENTITY a "b">]><draft/>' > "$dir/bad.jiejian-draft.xml"
"$cli" export "$dir/bad.jiejian-draft.xml" --format md -o "$dir/bad.md" 2> "$dir/err" && fail "a damaged draft exported"
grep -q 'draft' "$dir/err" || fail "no message for a damaged draft"

echo "ok: draft"
