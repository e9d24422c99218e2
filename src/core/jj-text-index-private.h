/* jj-text-index-private.h — what the wording comparison needs of the index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-text-index.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      document;  /* the id of the speech in the index */
  const char *path;
  const char *title;
  gint64      date;
  guint       start;    /* of the paragraph in the display text */
  const char *section;
  const char *text;     /* the paragraph's display text */
  gboolean    plain;    /* each character folds to one, word characters to themselves */
} JjTextIndexParagraph;

static inline guint
map_offset (GArray *map,
            guint   offset)
{
  return map != NULL ? g_array_index (map, guint, offset) : offset;
}

/* Return FALSE to stop. */
typedef gboolean (*JjTextIndexParagraphFunc) (const JjTextIndexParagraph *paragraph,
                                              gpointer                    user_data);

gboolean  jj_text_index_foreach_match     (JjTextIndex              *self,
                                           const char               *match,
                                           JjTextIndexParagraphFunc  func,
                                           gpointer                  user_data,
                                           GError                  **error);
/* The display text of one indexed speech, rebuilt from its paragraphs.
 * Return FALSE to stop. */
typedef gboolean (*JjTextIndexDocumentFunc) (const char *path,
                                             const char *title,
                                             const char *text,
                                             gpointer    user_data);

gboolean  jj_text_index_foreach_document  (JjTextIndex              *self,
                                           JjTextIndexDocumentFunc   func,
                                           gpointer                  user_data,
                                           GError                  **error);
gboolean  jj_text_index_foreach_document_at (JjTextIndex            *self,
                                             const char             *path,
                                             JjTextIndexDocumentFunc func,
                                             gpointer                user_data,
                                             GError                **error);
/* Return FALSE to stop. */
typedef gboolean (*JjTextIndexStampFunc) (const char *path,
                                          const char *stamp,
                                          gpointer    user_data);

gboolean  jj_text_index_foreach_stamp     (JjTextIndex              *self,
                                           JjTextIndexStampFunc      func,
                                           gpointer                  user_data,
                                           GError                  **error);
gboolean  jj_text_index_foreach_row       (JjTextIndex              *self,
                                           const gint64             *rows,
                                           guint                     n_rows,
                                           JjTextIndexParagraphFunc  func,
                                           gpointer                  user_data,
                                           GError                  **error);
gboolean  jj_text_index_foreach_row_split (JjTextIndex              *self,
                                           const gint64             *rows,
                                           guint                     n_rows,
                                           JjTextIndexParagraphFunc  func,
                                           gpointer                  first_data,
                                           gpointer                  second_data,
                                           GError                  **error);
GPtrArray *jj_text_index_match_rows_each  (JjTextIndex              *self,
                                           const char * const       *phrases,
                                           guint                     n_phrases,
                                           GError                  **error);
const char *jj_text_index_paragraph_fold (const JjTextIndexParagraph  *paragraph,
                                          GArray                     **map,
                                          char                       **owned);
char     *jj_text_index_match_for_phrase  (const char               *folded);
gboolean  jj_text_is_word_char            (gunichar                  c);
char     *jj_text_index_dup_context_at    (const char               *paragraph,
                                           const char               *hit,
                                           const char               *hit_last,
                                           guint                     n_hit,
                                           guint                    *hit_start,
                                           guint                    *hit_end);
char     *jj_text_index_dup_context       (const char               *paragraph,
                                           guint                     start,
                                           guint                     end,
                                           guint                    *hit_start,
                                           guint                    *hit_end);

/* A speech folded and cut into paragraphs, ready to be added. */
typedef struct _JjTextIndexPrepared JjTextIndexPrepared;

JjTextIndexPrepared *jj_text_index_prepare_text      (const char           *path,
                                                      const char           *title,
                                                      gint64                date,
                                                      const char           *fingerprint,
                                                      gint64                mtime,
                                                      const char           *text,
                                                      JjOutline            *outline);
gsize                jj_text_index_prepared_get_size (JjTextIndexPrepared  *prepared);
void                 jj_text_index_prepared_free     (JjTextIndexPrepared  *prepared);
gboolean             jj_text_index_add_prepared      (JjTextIndex          *self,
                                                      JjTextIndexPrepared  *prepared,
                                                      GError              **error);

G_END_DECLS
