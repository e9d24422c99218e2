#!/bin/sh
# cli-info.sh CLI DATA — jiejian-cli info: the speech's details
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

cli="$1"
data="$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail () {
  echo "not ok: $*" >&2
  exit 1
}

export LANGUAGE=C LC_ALL=C.UTF-8

cp "$data/speech-details.txt" "$dir/speech.txt"
"$cli" info "$dir/speech.txt" > "$dir/info.txt"
grep -qx 'Title: 在全市社区服务工作会议上的讲话' "$dir/info.txt" || fail "title: $(cat "$dir/info.txt")"
grep -qx 'Speaker: 王建平' "$dir/info.txt" || fail "speaker: $(cat "$dir/info.txt")"
grep -qx 'Date: 2018-09-03' "$dir/info.txt" || fail "date: $(cat "$dir/info.txt")"
grep -qx 'Occasion: 全市社区服务工作会议' "$dir/info.txt" || fail "occasion: $(cat "$dir/info.txt")"

# Details corrected by the user, kept in the sidecar, win over detection.
"$cli" mark "$dir/speech.txt" --start 30 --end 40 --kind borrow >/dev/null
test -f "$dir/speech.txt.jiejian.xml" || fail "no sidecar"
sed -i 's|<document \([^>]*\)/>|<document \1/><speech title="社区服务讲话" speaker="李四" date="2019-01-02"/>|' "$dir/speech.txt.jiejian.xml"
grep -q '<speech ' "$dir/speech.txt.jiejian.xml" || fail "speech element not added"
"$cli" info "$dir/speech.txt" > "$dir/info2.txt"
grep -qx 'Speaker: 李四' "$dir/info2.txt" || fail "kept speaker: $(cat "$dir/info2.txt")"
grep -qx 'Date: 2019-01-02' "$dir/info2.txt" || fail "kept date: $(cat "$dir/info2.txt")"
grep -qx 'Title: 社区服务讲话' "$dir/info2.txt" || fail "kept title: $(cat "$dir/info2.txt")"

# The citation of an export uses them: full-width commas, the speech's date.
"$cli" export --format txt --output "$dir/out.txt" "$dir/speech.txt" >/dev/null
grep -q '^——《社区服务讲话》，李四，2019年1月2日' "$dir/out.txt" || fail "citation: $(cat "$dir/out.txt")"

# A speech that states neither speaker nor date: no such lines.
cp "$data/speech-no-details.txt" "$dir/plain.txt"
"$cli" info "$dir/plain.txt" > "$dir/info3.txt"
if grep -q '^Speaker:' "$dir/info3.txt"; then fail "speaker invented"; fi
if grep -q '^Date:' "$dir/info3.txt"; then fail "date invented"; fi
grep -qx 'Occasion: 全镇防汛工作动员会' "$dir/info3.txt" || fail "occasion from the opening: $(cat "$dir/info3.txt")"

grep -q "，开头$" "$dir/out.txt" || fail "opening: $(cat "$dir/out.txt")"
echo ok
