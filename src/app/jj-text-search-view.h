/* jj-text-search-view.h — full-text hits in context, grouped by speech
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jj-library.h"

G_BEGIN_DECLS

typedef enum
{
  JJ_TEXT_SEARCH_SORT_RELEVANCE,
  JJ_TEXT_SEARCH_SORT_DATE,
} JjTextSearchSort;

#define JJ_TYPE_TEXT_SEARCH_VIEW (jj_text_search_view_get_type ())

G_DECLARE_FINAL_TYPE (JjTextSearchView, jj_text_search_view, JJ, TEXT_SEARCH_VIEW, GtkBox)

GtkWidget     *jj_text_search_view_new         (void);
void           jj_text_search_view_update      (JjTextSearchView *self,
                                                JjLibrary        *library);
gboolean       jj_text_search_view_is_indexing (JjTextSearchView *self);
void           jj_text_search_view_set_query   (JjTextSearchView *self,
                                                const char       *query);
guint          jj_text_search_view_get_n_hits  (JjTextSearchView *self);
GtkListBoxRow *jj_text_search_view_get_hit_row (JjTextSearchView *self,
                                                guint             n);
void           jj_text_search_view_set_sort    (JjTextSearchView *self,
                                                JjTextSearchSort  sort);
JjTextSearchSort
               jj_text_search_view_get_sort    (JjTextSearchView *self);

G_END_DECLS
