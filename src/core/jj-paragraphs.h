/* jj-paragraphs.h — paragraph rebuilding for run-on and messy text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jj-text-map.h"

G_BEGIN_DECLS

#define JJ_PARAGRAPHS_MAX_LENGTH 600

/* Offsets (characters, sorted) where run-on text shows a paragraph
 * boundary by itself: a full-width double indent, a blank between two
 * Chinese sentences.
 */
GArray   *jj_paragraphs_find_breaks (const char    *text,
                                     gsize          n_bytes);

/* Inserts a line break at each offset of @breaks (sorted) that is not
 * already at the start of a line.
 */
char     *jj_paragraphs_break       (const char    *text,
                                     gsize          n_bytes,
                                     const guint   *breaks,
                                     guint          n_breaks,
                                     gsize         *out_n_bytes,
                                     JjTextMap    **map);

/* Splits lines longer than @max_chars after sentence ends, preferring the
 * sorted offsets of @preferred (such as the start of an enumerated point).
 */
char     *jj_paragraphs_split_long  (const char    *text,
                                     gsize          n_bytes,
                                     guint          max_chars,
                                     const guint   *preferred,
                                     guint          n_preferred,
                                     gsize         *out_n_bytes,
                                     JjTextMap    **map);

/* The width, in characters, a text was hard-wrapped at (as a PDF's text
 * comes out): most of its longer lines that long, many of them one after
 * the other, most of them ending mid-sentence.  0 when its lines end where
 * its paragraphs do.
 */
guint     jj_paragraphs_wrap_width  (const char    *text,
                                     gsize          n_bytes);

/* The characters of a line that take room: blanks left out. */
guint     jj_paragraphs_line_width  (const char    *line,
                                     gsize          n_bytes);

/* Whether a line of a text hard-wrapped at @width, @n_chars long, reaches
 * the width: its text goes on on the next line.
 */
gboolean  jj_paragraphs_at_width    (guint          n_chars,
                                     guint          width);

/* Joins the lines of a text hard-wrapped at @width back into its
 * paragraphs: a line that reaches the width goes on on the next one,
 * unless that one is indented or starts a point after a full stop.
 */
char     *jj_paragraphs_unwrap      (const char    *text,
                                     gsize          n_bytes,
                                     guint          width,
                                     gsize         *out_n_bytes,
                                     JjTextMap    **map);

/* The display form: lines without indent or trailing blanks, no empty
 * lines, one '\n' between paragraphs, no '\r'.
 */
char     *jj_paragraphs_normalize   (const char    *text,
                                     gsize          n_bytes,
                                     gsize         *out_n_bytes,
                                     JjTextMap    **map);

G_END_DECLS
