#!/bin/sh
# cli-sidecar-safety.sh CLI — symbolic links, modes, long names, listings
#
# The reproductions of issue 16, items 1, 2, 6 and the listings of 7:
# a sidecar symlinked in a shared folder to a private one is neither
# read nor written through, by any command; new sidecars get the mode
# of their document and existing ones keep theirs; a name too long for
# a sidecar beside it is marked in the per-user folder; a listing
# changes no file.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

cli="$1"
dir=$(mktemp -d)
trap 'chmod -R u+rwx "$dir"; rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data"
status=0

fail () {
  echo "not ok: $*" >&2
  status=1
}

speech () {
  for i in 1 2 3 4 5 6; do
    echo "各级各部门要切实履行职责，形成齐抓共管的工作格局，第${i}段。"
    echo
  done > "$1"
}

# What a folder holds: names, types, modes, sizes, times and inodes.
snapshot () {
  find "$1" -mindepth 1 -printf '%p %y %m %s %T@ %i\n' | sort
}

mode_of () {
  stat -c %a "$1"
}

# 1. A private sidecar linked into a shared folder.
mkdir -p "$dir/private" "$dir/shared"
chmod 700 "$dir/private"
chmod 1777 "$dir/shared"
speech "$dir/private/secret.txt"
chmod 600 "$dir/private/secret.txt"
"$cli" mark "$dir/private/secret.txt" --start 2 --end 8 --kind golden --note "PRIVATE-NOTE-7731" > /dev/null
chmod 600 "$dir/private/secret.txt.jiejian.xml"
speech "$dir/shared/doc.txt"
ln -s "$dir/private/secret.txt.jiejian.xml" "$dir/shared/doc.txt.jiejian.xml"
ln -s "$dir/private/secret.txt.jiejian.xml" "$dir/shared/doc.txt.jiejian.sync-conflict-20260101-120000-ABCDEFG.xml"
ln -s "$dir/private/secret.txt.jiejian.xml" "$dir/shared/doc.txt.jiejian.xml.bak"
before=$(snapshot "$dir/shared")
secret_before=$(md5sum < "$dir/private/secret.txt.jiejian.xml")

"$cli" marks "$dir/shared/doc.txt" > "$dir/list.out" 2> "$dir/list.err" || fail "marks failed: $(cat "$dir/list.err")"
grep -q "PRIVATE-NOTE" "$dir/list.out" && fail "the listing shows the private note"
grep -q "symbolic link" "$dir/list.err" || fail "no message about the symbolic link: $(cat "$dir/list.err")"
[ "$(snapshot "$dir/shared")" = "$before" ] || fail "marks changed the shared folder"

"$cli" marks --check "$dir/shared/doc.txt" > /dev/null 2>&1 || fail "marks --check failed"
"$cli" mark "$dir/shared/doc.txt" --start 1 --end 4 --kind fact > /dev/null 2>&1 || fail "mark failed"
[ "$(snapshot "$dir/shared")" = "$before" ] || fail "mark or marks --check changed the shared folder: $(snapshot "$dir/shared")"
grep -rqs "PRIVATE-NOTE" "$dir/shared" "$dir/data" && fail "the private note was copied"
[ "$(md5sum < "$dir/private/secret.txt.jiejian.xml")" = "$secret_before" ] || fail "the private sidecar was changed"
[ "$("$cli" marks "$dir/shared/doc.txt" 2> /dev/null | wc -l)" -eq 1 ] || fail "the mark of doc.txt is not listed"
echo "# symlinked sidecar: not read, not written, the mark kept in the per-user folder"

# 2. Modes.
mkdir "$dir/modes"
for m in 600 640 644 664; do
  speech "$dir/modes/m$m.txt"
  chmod "$m" "$dir/modes/m$m.txt"
  (umask 000; "$cli" mark "$dir/modes/m$m.txt" --start 1 --end 4 --kind fact > /dev/null)
  got=$(mode_of "$dir/modes/m$m.txt.jiejian.xml")
  case $m in 664) want=644 ;; *) want=$m ;; esac
  [ "$got" = "$want" ] || fail "a new sidecar of a $m document is $got, not $want"
done
speech "$dir/modes/kept.txt"
"$cli" mark "$dir/modes/kept.txt" --start 1 --end 4 --kind fact > /dev/null
chmod 600 "$dir/modes/kept.txt.jiejian.xml"
"$cli" mark "$dir/modes/kept.txt" --start 5 --end 9 --kind fact > /dev/null
[ "$(mode_of "$dir/modes/kept.txt.jiejian.xml")" = 600 ] || fail "a 0600 sidecar became $(mode_of "$dir/modes/kept.txt.jiejian.xml")"
[ "$(mode_of "$dir/modes/kept.txt.jiejian.xml.bak")" = 600 ] || fail "its backup is $(mode_of "$dir/modes/kept.txt.jiejian.xml.bak")"
fallback=$(find "$dir/data/jiejian/sidecars" -name '*.jiejian.xml' | head -n 1)
[ "$(mode_of "$fallback")" = 600 ] || fail "a per-user sidecar is $(mode_of "$fallback")"
[ "$(mode_of "$dir/data/jiejian/sidecars")" = 700 ] || fail "the per-user folder is $(mode_of "$dir/data/jiejian/sidecars")"
echo "# modes: new sidecars follow the document (at most 644), existing ones keep theirs"

# 6. Long Chinese names: 81 characters + .txt (247 bytes) and 83 (253 bytes).
mkdir "$dir/long"
for n in 70 81 83; do
  name=$(awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "讲"; print ".txt" }')
  speech "$dir/long/$name"
  id=$("$cli" mark "$dir/long/$name" --start 1 --end 4 --kind golden 2> "$dir/long.err") \
    || fail "a $(printf '%s' "$name" | wc -c)-byte name cannot be marked: $(cat "$dir/long.err")"
  "$cli" marks "$dir/long/$name" 2> /dev/null | grep -q "^$id	" || fail "the mark of a $n-character name is not listed"
done
[ "$(find "$dir/long" -name '*.jiejian.xml' | wc -l)" -eq 1 ] || fail "sidecars of long names were written beside them: $(ls "$dir/long")"
echo "# long names: 247 and 253 bytes marked in the per-user folder, 214 beside"

# 7. A listing changes nothing: not a damaged sidecar, not marks that
# moved, not a conflict copy.
mkdir "$dir/list"
speech "$dir/list/a.txt"
"$cli" mark "$dir/list/a.txt" --start 20 --end 30 --kind golden > /dev/null
cp "$dir/list/a.txt.jiejian.xml" "$dir/list/a.txt.jiejian.sync-conflict-20260101-120000-ABCDEFG.xml"
{ echo "开场。"; echo; cat "$dir/list/a.txt"; } > "$dir/list/a.new" && mv "$dir/list/a.new" "$dir/list/a.txt"
speech "$dir/list/b.txt"
echo "<jiejian" > "$dir/list/b.txt.jiejian.xml"
before=$(snapshot "$dir/list")
"$cli" marks "$dir/list/a.txt" > /dev/null 2>&1 || fail "marks of a.txt failed"
"$cli" marks --format json "$dir/list/b.txt" > /dev/null 2>&1 || true
"$cli" info "$dir/list/a.txt" > /dev/null 2>&1 || fail "info failed"
[ "$(snapshot "$dir/list")" = "$before" ] || fail "a listing changed files"
echo "# listings: nothing written, renamed or removed"

[ "$status" -eq 0 ] && echo "ok"
exit "$status"
