/* jj-text-index.h — a full-text index of every speech, in SQLite FTS5
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-outline.h"

G_BEGIN_DECLS

#define JJ_TEXT_INDEX_ERROR (jj_text_index_error_quark ())

typedef enum
{
  JJ_TEXT_INDEX_ERROR_DATABASE,
  JJ_TEXT_INDEX_ERROR_QUERY,
  JJ_TEXT_INDEX_ERROR_DAMAGED,  /* started anew: update, then search again */
} JjTextIndexError;

/* One occurrence of a query. Offsets are code points of the display text;
 * the hit is [context_hit_start, context_hit_end) of @context.
 */
typedef struct _JjTextHit JjTextHit;

struct _JjTextHit
{
  char   *path;
  char   *title;
  gint64  date;      /* Unix time of the speech's date, 0 when unknown */
  guint   start;
  guint   end;
  char   *section;   /* " › "-joined section titles, "" outside sections */
  char   *context;
  guint   context_hit_start;
  guint   context_hit_end;
};

#define JJ_TYPE_TEXT_HIT (jj_text_hit_get_type ())
GType      jj_text_hit_get_type (void) G_GNUC_CONST;
JjTextHit *jj_text_hit_copy     (const JjTextHit *hit);
void       jj_text_hit_free     (JjTextHit       *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjTextHit, jj_text_hit_free)

/* @done of @total documents looked at. */
typedef void (*JjTextIndexProgressFunc) (guint    done,
                                         guint    total,
                                         gpointer user_data);

#define JJ_TYPE_TEXT_INDEX (jj_text_index_get_type ())

G_DECLARE_FINAL_TYPE (JjTextIndex, jj_text_index, JJ, TEXT_INDEX, GObject)

GQuark       jj_text_index_error_quark      (void);

GFile       *jj_text_index_dup_default_file (void);
char       **jj_text_index_collect_documents (GFile                    *folder,
                                              GCancellable             *cancellable);

JjTextIndex *jj_text_index_new              (GFile                    *file);
GFile       *jj_text_index_get_file         (JjTextIndex              *self);
gboolean     jj_text_index_open             (JjTextIndex              *self,
                                             GError                  **error);
gboolean     jj_text_index_get_was_rebuilt  (JjTextIndex              *self);

gboolean     jj_text_index_begin_batch      (JjTextIndex              *self,
                                             GError                  **error);
gboolean     jj_text_index_end_batch        (JjTextIndex              *self,
                                             GError                  **error);
gboolean     jj_text_index_add_text         (JjTextIndex              *self,
                                             const char               *path,
                                             const char               *title,
                                             gint64                    date,
                                             const char               *fingerprint,
                                             gint64                    mtime,
                                             const char               *text,
                                             JjOutline                *outline,
                                             GError                  **error);
gboolean     jj_text_index_remove           (JjTextIndex              *self,
                                             const char               *path,
                                             GError                  **error);
gboolean     jj_text_index_update           (JjTextIndex              *self,
                                             const char * const       *paths,
                                             GCancellable             *cancellable,
                                             JjTextIndexProgressFunc   progress,
                                             gpointer                  progress_data,
                                             GError                  **error);
void         jj_text_index_update_async     (JjTextIndex              *self,
                                             const char * const       *paths,
                                             GCancellable             *cancellable,
                                             JjTextIndexProgressFunc   progress,
                                             gpointer                  progress_data,
                                             GAsyncReadyCallback       callback,
                                             gpointer                  user_data);
gboolean     jj_text_index_update_finish    (JjTextIndex              *self,
                                             GAsyncResult             *result,
                                             GError                  **error);

guint        jj_text_index_get_n_documents  (JjTextIndex              *self);
char       **jj_text_index_dup_paths        (JjTextIndex              *self);
gboolean     jj_text_index_is_speech_name   (const char               *name);
GPtrArray   *jj_text_index_search           (JjTextIndex              *self,
                                             const char               *query,
                                             guint                     limit,
                                             GError                  **error);

G_END_DECLS
