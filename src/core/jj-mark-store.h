/* jj-mark-store.h — the marks of one document, kept in its sidecar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-mark.h"
#include "jj-speech-info.h"

G_BEGIN_DECLS

#define JJ_TYPE_MARK_STORE (jj_mark_store_get_type ())

/* Where a document's sidecar is, see jj_mark_store_locate_sidecar(). */
typedef enum
{
  JJ_SIDECAR_PLACE_BESIDE,      /* beside the document */
  JJ_SIDECAR_PLACE_FALLBACK,    /* per-user folder: one was written there before */
  JJ_SIDECAR_PLACE_UNWRITABLE,  /* per-user folder: the document's folder cannot be written */
  JJ_SIDECAR_PLACE_LONG_NAME,   /* per-user folder: the name beside would be too long */
  JJ_SIDECAR_PLACE_UNSAFE,      /* per-user folder: a symbolic link or no regular file is beside */
} JjSidecarPlace;

/* What re-anchoring did to the marks read from a sidecar. */
typedef struct
{
  guint    placed;        /* where they were, in the same wording */
  guint    moved;         /* the same wording elsewhere */
  guint    changed;       /* found, but the wording changed */
  guint    orphaned;      /* not found */
  gboolean text_changed;  /* the sidecar was written for another text */
} JjAnchorReport;

#define JJ_TYPE_ANCHOR_REPORT (jj_anchor_report_get_type ())
GType jj_anchor_report_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (JjMarkStore, jj_mark_store, JJ, MARK_STORE, GObject)

JjMarkStore *jj_mark_store_new               (GFile        *document_file);
gboolean     jj_mark_store_load              (JjMarkStore  *self,
                                              const char   *display_text,
                                              const char   *fingerprint,
                                              GError      **error);
void         jj_mark_store_load_async        (JjMarkStore         *self,
                                              const char          *display_text,
                                              const char          *fingerprint,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     jj_mark_store_load_finish       (JjMarkStore   *self,
                                              GAsyncResult  *result,
                                              GError       **error);
gboolean     jj_mark_store_get_loaded        (JjMarkStore  *self);
const JjAnchorReport *jj_mark_store_get_report (JjMarkStore *self);
JjMark      *jj_mark_store_add_range         (JjMarkStore  *self,
                                              guint         start,
                                              guint         end,
                                              const char   *kind,
                                              const char   *section);
JjMark      *jj_mark_store_add_range_full    (JjMarkStore        *self,
                                              guint               start,
                                              guint               end,
                                              const char         *kind,
                                              const char         *section,
                                              const char         *author,
                                              const char * const *tags,
                                              const char         *note,
                                              const char         *color);
void         jj_mark_store_remove            (JjMarkStore  *self,
                                              JjMark       *mark);
void         jj_mark_store_restore           (JjMarkStore  *self,
                                              JjMark       *mark);
void         jj_mark_store_touch             (JjMarkStore  *self,
                                              JjMark       *mark);
gboolean     jj_mark_store_reattach          (JjMarkStore  *self,
                                              JjMark       *mark,
                                              guint         start,
                                              guint         end);
gboolean     jj_mark_store_save              (JjMarkStore  *self,
                                              GError      **error);
void         jj_mark_store_flush             (JjMarkStore  *self);
gboolean     jj_mark_store_reload            (JjMarkStore  *self,
                                              GError      **error);
GListModel  *jj_mark_store_get_marks         (JjMarkStore  *self);
JjMark      *jj_mark_store_lookup            (JjMarkStore  *self,
                                              const char   *id);
guint        jj_mark_store_get_n_orphans     (JjMarkStore  *self);
GFile       *jj_mark_store_get_sidecar       (JjMarkStore  *self);
JjSpeechInfo *jj_mark_store_get_speech_info  (JjMarkStore  *self);
void         jj_mark_store_set_speech_info   (JjMarkStore  *self,
                                              JjSpeechInfo *info);
gboolean     jj_mark_store_get_fallback      (JjMarkStore  *self);
const char  *jj_mark_store_get_notice        (JjMarkStore  *self);
gboolean     jj_mark_store_get_dirty         (JjMarkStore  *self);
void         jj_mark_store_set_read_only     (JjMarkStore  *self,
                                              gboolean      read_only);
gboolean     jj_mark_store_get_read_only     (JjMarkStore  *self);
guint        jj_mark_store_get_save_delay    (JjMarkStore  *self);
void         jj_mark_store_set_save_delay    (JjMarkStore  *self,
                                              guint         save_delay);

char        *jj_mark_store_dup_fallback_path (GFile        *document_file,
                                              const char   *fingerprint);
char        *jj_mark_store_dup_fallback_folder (void);
gboolean     jj_mark_store_is_conflict_copy  (const char   *sidecar_name,
                                              const char   *name);
char        *jj_mark_store_locate_sidecar    (GFile          *document_file,
                                              const char     *fingerprint,
                                              JjSidecarPlace *place);

G_END_DECLS
