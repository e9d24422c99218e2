#!/usr/bin/env bash
# Set up a Debian 12 machine for Jiejian, build it, and run the app or the tests.
#
#   build-aux/dev.sh run [FILE]   install what is missing, build, open FILE (default: the sample speech)
#   build-aux/dev.sh test         install what is missing, build, run the whole test suite
#                                 under Xvfb and a private D-Bus session
#   build-aux/dev.sh sanitize     build in _build-asan with AddressSanitizer and
#                                 UndefinedBehaviorSanitizer, run the core tests
#   build-aux/dev.sh valgrind     build, run the core tests under valgrind's memcheck
#                                 (a few minutes; not part of CI)
#
# Needs root or sudo only to install Debian packages. The build goes to _build/.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${JJ_BUILDDIR:-$top/_build}

# What building, running and testing need, by Debian package name.
build_packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libxml2-dev libopencc-dev libarchive-dev libsqlite3-dev zlib1g-dev
  desktop-file-utils appstream
  fonts-noto-cjk
)
test_packages=(
  xvfb xauth dbus dbus-x11 at-spi2-core
  python3 python3-gi python3-pyatspi gir1.2-atspi-2.0 gir1.2-gtk-4.0
  libxml2-utils locales poppler-utils
  libreoffice-writer-nogui syncthing
)

install_missing () {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

ensure_locale () {
  # The UI tests also run in Chinese.
  locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  if [ -f /etc/locale.gen ]; then
    "${sudo[@]}" sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
    "${sudo[@]}" locale-gen >/dev/null
  fi
}

# The app runs from a private prefix inside the build directory, so that it
# finds its translations, settings schema and icons as when installed.
prefix=$builddir/install

build () {
  if [ -f "$builddir/build.ninja" ]; then
    meson setup --reconfigure --prefix "$prefix" "$builddir" "$top" >/dev/null
  else
    meson setup --prefix "$prefix" "$builddir" "$top"
  fi
  ninja -C "$builddir"
}

cmd=${1:-run}
case "$cmd" in
  run)
    install_missing "${build_packages[@]}"
    build
    meson install -C "$builddir" --quiet
    file=${2:-$top/data/samples/civilized-city-speech.webpage.txt}
    export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"
    export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
    exec "$prefix/bin/jiejian" "$file"
    ;;
  test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    ensure_locale
    build
    # UI tests need a display and a session bus; CI has neither.
    exec xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' \
      dbus-run-session -- \
      meson test -C "$builddir" --print-errorlogs --num-processes 2 "${@:2}"
    ;;
  sanitize)
    install_missing "${build_packages[@]}"
    asandir=${JJ_ASAN_BUILDDIR:-$top/_build-asan}
    if [ ! -f "$asandir/build.ninja" ]; then
      meson setup "$asandir" "$top" -Db_sanitize=address,undefined -Db_lundef=false
    fi
    ninja -C "$asandir" build.ninja >/dev/null   # reconfigures when meson.build changed
    # Only what the core tests run: the core, its test programs and the CLI.
    targets=$(meson introspect "$asandir" --tests | python3 -c '
import json, os, sys
tests = json.load(sys.stdin)
print(" ".join(sorted({os.path.relpath(t["cmd"][0], sys.argv[1])
                       for t in tests if any(s.split(":")[-1] == "core" for s in t["suite"])})))
' "$asandir")
    ninja -C "$asandir" $targets src/cli/jiejian-cli
    # Undefined behaviour fails the test instead of only printing.
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
    export JJ_TEST_SLOWDOWN=${JJ_TEST_SLOWDOWN:-3}
    exec meson test -C "$asandir" --no-rebuild --suite core --print-errorlogs --num-processes 2 "${@:2}"
    ;;
  valgrind)
    install_missing "${build_packages[@]}" valgrind
    build
    # No definite leak and no memcheck error in any core test; the
    # suppressions in tests/valgrind.supp say why each is not ours.
    exec meson test -C "$builddir" --no-rebuild --setup valgrind --suite core --print-errorlogs --num-processes 2 "${@:2}"
    ;;
  *)
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
