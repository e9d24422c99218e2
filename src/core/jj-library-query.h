/* jj-library-query.h — filters, search and order over library passages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "jj-passage.h"

G_BEGIN_DECLS

typedef enum
{
  JJ_LIBRARY_SORT_DATE,      /* newest first */
  JJ_LIBRARY_SORT_DOCUMENT,  /* by title, then in text order */
  JJ_LIBRARY_SORT_KIND,      /* in the order of the kinds, newest first */
} JjLibrarySort;

#define JJ_TYPE_LIBRARY_QUERY (jj_library_query_get_type ())

G_DECLARE_FINAL_TYPE (JjLibraryQuery, jj_library_query, JJ, LIBRARY_QUERY, GObject)

JjLibraryQuery *jj_library_query_new               (void);

const char     *jj_library_query_get_text          (JjLibraryQuery  *self);
void            jj_library_query_set_text          (JjLibraryQuery  *self,
                                                    const char      *text);
const char     *jj_library_query_get_kind          (JjLibraryQuery  *self);
void            jj_library_query_set_kind          (JjLibraryQuery  *self,
                                                    const char      *kind);
const char     *jj_library_query_get_tag           (JjLibraryQuery  *self);
void            jj_library_query_set_tag           (JjLibraryQuery  *self,
                                                    const char      *tag);
const char     *jj_library_query_get_author        (JjLibraryQuery  *self);
void            jj_library_query_set_author        (JjLibraryQuery  *self,
                                                    const char      *author);
const char     *jj_library_query_get_document      (JjLibraryQuery  *self);
void            jj_library_query_set_document      (JjLibraryQuery  *self,
                                                    const char      *document_path);
void            jj_library_query_set_date_range    (JjLibraryQuery  *self,
                                                    GDateTime       *since,
                                                    GDateTime       *until);
JjLibrarySort   jj_library_query_get_sort          (JjLibraryQuery  *self);
void            jj_library_query_set_sort          (JjLibraryQuery  *self,
                                                    JjLibrarySort    sort);

gboolean        jj_library_query_matches           (JjLibraryQuery  *self,
                                                    JjPassage       *passage);
GPtrArray      *jj_library_query_run               (JjLibraryQuery  *self,
                                                    JjPassage      **passages,
                                                    guint            n_passages);
void            jj_library_query_sort              (JjLibrarySort    sort,
                                                    GPtrArray       *passages);

char           *jj_library_query_fold              (const char      *text);
char           *jj_library_query_markup            (JjLibraryQuery  *self,
                                                    const char      *text);
const char     *jj_library_query_ensure_search_key (JjPassage       *passage);

G_END_DECLS
