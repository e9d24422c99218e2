/* jj-hit-mark.h — marking the sentence of a full-text hit from a list of hits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JJ_HIT_MARK_ERROR (jj_hit_mark_error_quark ())

typedef enum
{
  JJ_HIT_MARK_ERROR_CHANGED,   /* the speech is no longer what was indexed */
} JjHitMarkError;

GQuark   jj_hit_mark_error_quark  (void);

void     jj_hit_mark_sentence_bounds (const char  *text,
                                      guint        start,
                                      guint        end,
                                      guint       *sentence_start,
                                      guint       *sentence_end);
gboolean jj_hit_mark_add             (GFile       *document_file,
                                      guint        start,
                                      guint        end,
                                      const char  *hit_text,
                                      const char  *kind,
                                      const char  *author,
                                      char       **sentence_out,
                                      gboolean    *already_out,
                                      GCancellable *cancellable,
                                      GError     **error);

G_END_DECLS
