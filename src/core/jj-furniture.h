/* jj-furniture.h — telling a page's furniture from the text of a speech
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jj-text-map.h"

G_BEGIN_DECLS

typedef enum
{
  JJ_LINE_BODY,
  JJ_LINE_BLANK,
  JJ_LINE_FURNITURE,
} JjLineClass;

/* One JjLineClass (guint8) per line of @text, lines split at '\n'.
 * @shadow, when not NULL, is a simplified-character copy of @text with the
 * same number of characters: features are read on it.
 */
GArray *jj_furniture_classify (const char  *text,
                               gsize        n_bytes,
                               const char  *shadow);

/* @text without its furniture.  The body's parts are joined where the
 * furniture stood between them; a part that broke off mid-sentence goes
 * on without a line break.  @title, when not NULL, receives the speech's
 * title as a file name, a labelled line ("标题：…") or a title run into the
 * first sentence gives it, else NULL: for a text without a title line.
 * @removed (char *), when not NULL, receives every line taken out; a
 * sentence per kind of removal is appended to @notices.
 * Returns NULL, with nothing set, when there is no furniture.
 */
char   *jj_furniture_remove   (const char  *text,
                               gsize        n_bytes,
                               const char  *shadow,
                               gsize       *out_n_bytes,
                               JjTextMap  **map,
                               char       **title,
                               GPtrArray   *removed,
                               GPtrArray   *notices);

G_END_DECLS
