#!/bin/sh
# check-install.sh BUILD_ROOT: `meson install` into a temporary DESTDIR puts
# every file in its standard place.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

build_root=$1
destdir=$(mktemp -d "${TMPDIR:-/tmp}/jiejian-install.XXXXXX")
trap 'rm -rf "$destdir"' EXIT INT TERM

prefix=$(meson introspect --buildoptions "$build_root" \
  | python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')

meson install -C "$build_root" --no-rebuild --quiet --destdir "$destdir" >/dev/null

root=$destdir$prefix
status=0
n=0
echo "1..13"
for path in \
  bin/jiejian \
  bin/jiejian-cli \
  share/applications/org.jiejian.Jiejian.desktop \
  share/metainfo/org.jiejian.Jiejian.metainfo.xml \
  share/glib-2.0/schemas/org.jiejian.Jiejian.gschema.xml \
  share/icons/hicolor/scalable/apps/org.jiejian.Jiejian.svg \
  share/icons/hicolor/symbolic/apps/org.jiejian.Jiejian-symbolic.svg \
  share/man/man1/jiejian-cli.1 \
  share/jiejian/samples/civilized-city-speech.webpage.txt \
  share/locale/zh_CN/LC_MESSAGES/jiejian.mo
do
  n=$((n + 1))
  if [ -f "$root/$path" ]; then
    echo "ok $n $path"
  else
    echo "not ok $n $path is not installed"
    status=1
  fi
done

n=$((n + 1))
if [ -x "$root/bin/jiejian" ] && [ -x "$root/bin/jiejian-cli" ]; then
  echo "ok $n programs are executable"
else
  echo "not ok $n programs are not executable"
  status=1
fi

n=$((n + 1))
if grep -q '^MimeType=.*application/vnd.openxmlformats-officedocument.wordprocessingml.document' \
    "$root/share/applications/org.jiejian.Jiejian.desktop"; then
  echo "ok $n the desktop file declares the formats it opens"
else
  echo "not ok $n the desktop file has no MimeType for .docx"
  status=1
fi

n=$((n + 1))
unexpected=$(cd "$root" && find . -type f | grep -v -e '^./bin/' -e '^./share/' || true)
if [ -z "$unexpected" ]; then
  echo "ok $n nothing outside bin/ and share/"
else
  echo "not ok $n unexpected files: $unexpected"
  status=1
fi

exit $status
