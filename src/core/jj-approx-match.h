/* jj-approx-match.h — approximate string matching over Unicode code points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint start;    /* in the text, code points */
  guint end;      /* exclusive */
  guint errors;   /* edit distance between the pattern and text[start, end) */
} JjApproxMatch;

guint   jj_approx_match_max_errors (gsize           pattern_length);
GArray *jj_approx_match_find       (const gunichar *text,
                                    gsize           text_length,
                                    const gunichar *pattern,
                                    gsize           pattern_length,
                                    guint           max_errors,
                                    guint           max_matches);
guint   jj_approx_match_distance   (const gunichar *a,
                                    gsize           a_length,
                                    const gunichar *b,
                                    gsize           b_length);

G_END_DECLS
