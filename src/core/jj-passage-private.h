/* jj-passage-private.h — building passages in bulk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-passage.h"

G_BEGIN_DECLS

/* Fills a new passage without property notifications: the library reads
 * tens of thousands of them from its database at start-up. @created and
 * @modified are µs since 1970 (UTC), G_MININT64 when unknown.
 */
JjPassage *_jj_passage_new_full (const char         *id,
                                 const char         *kind,
                                 const char * const *tags,
                                 const char         *note,
                                 const char         *author,
                                 const char         *quote,
                                 const char         *section,
                                 const char         *search_key,
                                 gint64              created,
                                 gint64              modified,
                                 guint               start,
                                 guint               end,
                                 const char         *document_path,
                                 const char         *document_title,
                                 JjDocumentStatus    status);

G_END_DECLS
