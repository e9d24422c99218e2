/* jj-mark-kind.h — the kinds of passage a reader marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *key;      /* stable, stored in sidecars */
  const char *label;    /* untranslated; use jj_mark_kind_get_label() */
  const char *color;    /* default highlight colour, #rrggbb */
} JjMarkKind;

guint             jj_mark_kind_get_n_kinds   (void);
const JjMarkKind *jj_mark_kind_get_nth       (guint        n);
const JjMarkKind *jj_mark_kind_lookup        (const char  *key);
const char       *jj_mark_kind_get_label     (const char  *key);
const char       *jj_mark_kind_get_color     (const char  *key);

G_END_DECLS
