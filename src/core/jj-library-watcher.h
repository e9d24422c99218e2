/* jj-library-watcher.h — tells when the library's folders change on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JJ_TYPE_LIBRARY_WATCHER (jj_library_watcher_get_type ())

G_DECLARE_FINAL_TYPE (JjLibraryWatcher, jj_library_watcher, JJ, LIBRARY_WATCHER, GObject)

JjLibraryWatcher *jj_library_watcher_new             (guint              delay_ms);
void              jj_library_watcher_set_folders     (JjLibraryWatcher  *self,
                                                      const char * const *folders);
guint             jj_library_watcher_get_n_monitors  (JjLibraryWatcher  *self);
gboolean          jj_library_watcher_is_pending      (JjLibraryWatcher  *self);

G_END_DECLS
