/* jj-text-index-private.h — what the wording comparison needs of the index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-text-index.h"

G_BEGIN_DECLS

typedef struct
{
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
const char *jj_text_index_paragraph_fold (const JjTextIndexParagraph  *paragraph,
                                          GArray                     **map,
                                          char                       **owned);
char     *jj_text_index_match_for_phrase  (const char               *folded);
gboolean  jj_text_is_word_char            (gunichar                  c);
char     *jj_text_index_dup_context       (const char               *paragraph,
                                           guint                     start,
                                           guint                     end,
                                           guint                    *hit_start,
                                           guint                    *hit_end);

G_END_DECLS
