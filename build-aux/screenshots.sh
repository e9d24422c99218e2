#!/usr/bin/env bash
# Take the screenshots of the README and the AppStream metainfo: the sample
# speech open with a few marks, in the light and the dark style, under Xvfb.
#
#   build-aux/screenshots.sh [OUTDIR]     (default: data/screenshots)
#
# Needs a build in _build (build-aux/dev.sh run or test makes one) and
# ImageMagick's `import`, which it installs when missing.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${JJ_BUILDDIR:-$top/_build}
outdir=${1:-$top/data/screenshots}
cli=$builddir/src/cli/jiejian-cli
app=$builddir/src/app/jiejian

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1200x800x24 -nolisten tcp' dbus-run-session -- "$0" "$@"
fi

if ! command -v import >/dev/null; then
  sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends imagemagick
fi

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
mkdir -p "$outdir"

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
