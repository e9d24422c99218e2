/* jj-web-cleaner.h — cleaning text copied from document-sharing websites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jj-text-map.h"

G_BEGIN_DECLS

/* Each step returns the cleaned text and a map from its offsets to those
 * of @text, and appends to @notices (char *) a sentence for what it removed.
 * @shadow, when not NULL, is a simplified-character copy of @text with the
 * same number of characters: patterns are matched on it.
 */

char     *jj_web_cleaner_remove_pinyin      (const char  *text,
                                             gsize        n_bytes,
                                             gsize       *out_n_bytes,
                                             JjTextMap  **map,
                                             guint       *n_removed);
char     *jj_web_cleaner_remove_boilerplate (const char  *text,
                                             gsize        n_bytes,
                                             const char  *shadow,
                                             gsize       *out_n_bytes,
                                             JjTextMap  **map,
                                             gboolean    *is_site_page,
                                             char       **title,
                                             GPtrArray   *removed,
                                             GPtrArray   *notices);
char     *jj_web_cleaner_fix_punctuation    (const char  *text,
                                             gsize        n_bytes,
                                             gsize       *out_n_bytes,
                                             JjTextMap  **map);
char     *jj_web_cleaner_split_title        (const char  *text,
                                             gsize        n_bytes,
                                             const char  *shadow,
                                             gboolean     is_site_page,
                                             gsize       *out_n_bytes,
                                             JjTextMap  **map,
                                             GPtrArray   *notices);

G_END_DECLS
