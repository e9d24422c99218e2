#!/usr/bin/env bash
# Take the screenshots of the README and the AppStream metainfo, under Xvfb:
# the sample speech open with a few marks, in the light and the dark style;
# and in zh_CN the reader with its outline and marks, the mark popover, the
# marks panel and the library searching a tag (zh_CN-*.png, drawn by the
# screenshot test of tests/test-reader.c).
#
#   build-aux/screenshots.sh [--zh_CN-only] [OUTDIR]   (default: data/screenshots)
#
# Needs a build in _build (build-aux/dev.sh run or test makes one),
# ImageMagick's `import` and optipng, which it installs when missing.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${JJ_BUILDDIR:-$top/_build}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1200x800x24 -nolisten tcp' dbus-run-session -- "$0" "$@"
fi

zh_only=false
if [ "${1:-}" = --zh_CN-only ]; then
  zh_only=true
  shift
fi
outdir=${1:-$top/data/screenshots}
cli=$builddir/src/cli/jiejian-cli
app=$builddir/src/app/jiejian

install_missing () {
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

command -v optipng >/dev/null || install_missing optipng
mkdir -p "$outdir"

# zh_CN: the widgets drawn by the test program, which reads the build's
# translations (the app reads the installed ones).
ninja -C "$builddir" tests/test-reader po/zh_CN/LC_MESSAGES/jiejian.mo data/gschemas.compiled >/dev/null
shots=$(mktemp -d)
env LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 JJ_TEST_SCREENS="$shots" \
  G_TEST_SRCDIR="$top/tests" G_TEST_BUILDDIR="$builddir/tests" \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$builddir/data" NO_AT_BRIDGE=1 \
  "$builddir/tests/test-reader" -p /reader/screenshots >/dev/null
for pair in reader:reader reader-with-popover-open:popover reader-marks-panel:marks-panel \
            library-search:library-search; do
  cp "$shots/${pair%%:*}.png" "$outdir/zh_CN-${pair#*:}.png"
  optipng -quiet -o2 "$outdir/zh_CN-${pair#*:}.png"
  echo "$outdir/zh_CN-${pair#*:}.png"
done
rm -rf "$shots"
$zh_only && exit 0

command -v import >/dev/null || install_missing imagemagick

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
speech=$work/全国文明城市建设工作培训会议讲话.txt
cp "$top/data/samples/civilized-city-speech.webpage.txt" "$speech"
chmod u+w "$speech"

# Marks are made through the command line, on offsets of the cleaned text.
mark () {
  local phrase=$1 kind=$2; shift 2
  local start
  start=$("$cli" text "$speech" | /usr/bin/python3 -c 'import sys; t=sys.stdin.read(); print(t.index(sys.argv[1]))' "$phrase")
  "$cli" mark "$speech" --start "$start" --end "$((start + ${#phrase}))" --kind "$kind" "$@" >/dev/null
}
mark "文明发展无止境" golden --tag 金句
mark "一年抓提升、两年见成效、三年抓巩固" wording --tag 提法 --note "三年规划的提法，可用于部署类讲话"
mark "通过项目的办法、制度的手段，集中力气加以解决" borrow --tag 工作方法
mark "全年共分3个批次" fact

export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$builddir/data"
export XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
mkdir -p "$work/config/glib-2.0/settings"
cat > "$work/config/glib-2.0/settings/keyfile" <<'KEYS'
[org/jiejian/Jiejian]
show-marks=true
window-width=1200
window-height=800
KEYS

shoot () {
  local name=$1; shift
  env "$@" "$app" "$speech" &
  local pid=$!
  sleep 3
  import -window root "$outdir/$name.png"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$outdir/$name.png"
}

shoot reader-light ADW_DEBUG_COLOR_SCHEME=prefer-light
shoot reader-dark ADW_DEBUG_COLOR_SCHEME=prefer-dark
