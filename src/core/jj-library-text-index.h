/* jj-library-text-index.h — the full-text index of a library's speeches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-library.h"
#include "jj-text-index.h"

G_BEGIN_DECLS

JjTextIndex *jj_library_text_index_get_default   (void);
char       **jj_library_text_index_collect_paths (const char * const       *documents,
                                                  const char * const       *folders,
                                                  GCancellable             *cancellable);
void         jj_library_text_index_update_async  (JjTextIndex              *index,
                                                  JjLibrary                *library,
                                                  GCancellable             *cancellable,
                                                  JjTextIndexProgressFunc   progress,
                                                  GObject                  *progress_target,
                                                  GAsyncReadyCallback       callback,
                                                  gpointer                  user_data);
gboolean     jj_library_text_index_update_finish (JjTextIndex              *index,
                                                  GAsyncResult             *result,
                                                  GError                  **error);

G_END_DECLS
