/* jj-recent-files.h — recording a visit in the desktop's recent files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The group of the entries of speeches opened. */
#define JJ_RECENT_FILES_GROUP "jiejian-speech"
/* The group of the entries of drafts (NAME.jiejian-draft.xml) opened or saved. */
#define JJ_RECENT_DRAFTS_GROUP "jiejian-draft"

/* Records that @app_name opened @file, in the freedesktop.org recently used
 * files list at @path (GLib's GBookmarkFile, the list GtkRecentManager and
 * file managers read): title, MIME type from the name, the application and
 * its command line, in the group of drafts when @file is named as a draft
 * and of speeches otherwise. Entries not touched for more than @max_age_days days
 * are dropped, as GTK does when it writes; a negative age keeps them all.
 * The list is written atomically with mode 0600. A list that cannot be
 * parsed is left as it is and an error returned, so that no other
 * application's entries are lost.
 *
 * Safe to call from any thread: it shares no state, so opening a document
 * records it in a worker thread.
 */
gboolean    jj_recent_files_add         (const char           *path,
                                         GFile                *file,
                                         const char           *title,
                                         const char           *app_name,
                                         const char           *app_exec,
                                         int                   max_age_days,
                                         GError              **error);

/* The same in a worker thread. */
void        jj_recent_files_add_async   (const char           *path,
                                         GFile                *file,
                                         const char           *title,
                                         const char           *app_name,
                                         const char           *app_exec,
                                         int                   max_age_days,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean    jj_recent_files_add_finish  (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
