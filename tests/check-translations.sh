#!/usr/bin/env bash
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when a translation misses or fuzzes a string.
#
#   tests/check-translations.sh SOURCE_ROOT
set -euo pipefail
top=${1:?source root}
cd "$top"

status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$({ grep -lE '\b(N?C?_|ngettext|g_dngettext)[[:space:]]*\(' src/*/*.c; grep -l 'translatable="yes"' ui/*.ui; } | sort -u)
missing=$(comm -13 <(echo "$listed") <(echo "$found") | grep -v '^$' || true)
if [ -n "$missing" ]; then
  echo "Not in po/POTFILES.in but with translatable strings:"
  echo "$missing"
  status=1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The keywords of meson's glib preset.
xgettext --package-name=jiejian --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --files-from=po/POTFILES.in --directory="$top" --output="$work/jiejian.pot" 2>"$work/xgettext.log" || {
    cat "$work/xgettext.log"; exit 1; }

for lang in $(grep -v '^#' po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$work/jiejian.pot" -o "$work/$lang.po"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/$lang.po" 2>&1)
  echo "$lang: $stats"
  if echo "$stats" | grep -qE 'untranslated|fuzzy'; then
    echo "$lang: untranslated or fuzzy strings:"
    msgattrib --untranslated --only-fuzzy "$work/$lang.po" 2>/dev/null | grep '^msgid' | head -20 || true
    msgattrib --untranslated "$work/$lang.po" | grep -A1 '^msgid' | head -40
    status=1
  fi
done

exit $status
