/* jj-reuse-checker.h — 查重: which stretches of a draft were taken from which speech
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-text-index.h"

G_BEGIN_DECLS

typedef enum
{
  JJ_REUSE_VERBATIM,  /* the same characters once punctuation, spaces and 繁/简 are folded */
  JJ_REUSE_NEAR,      /* the same but for a character or two changed, added or left out */
} JjReuseKind;

/* Offsets are characters of the display texts, end exclusive. @length
 * counts the folded characters (no punctuation, no spaces) the draft's
 * stretch holds.
 */
typedef struct
{
  guint       draft_start;
  guint       draft_end;
  guint       source;
  guint       source_start;
  guint       source_end;
  guint       length;
  JjReuseKind kind;
} JjReuseStretch;

typedef struct
{
  guint  source;
  guint  n_chars;  /* folded characters of the draft taken from it */
  double share;    /* n_chars over the draft's folded characters */
} JjReuseShare;

#define JJ_TYPE_REUSE_CHECKER (jj_reuse_checker_get_type ())
G_DECLARE_FINAL_TYPE (JjReuseChecker, jj_reuse_checker, JJ, REUSE_CHECKER, GObject)

JjReuseChecker *jj_reuse_checker_new             (void);
void            jj_reuse_checker_set_min_length  (JjReuseChecker  *self,
                                                  guint            min_length);
guint           jj_reuse_checker_get_min_length  (JjReuseChecker  *self);
guint           jj_reuse_checker_add_source      (JjReuseChecker  *self,
                                                  const char      *name,
                                                  const char      *text);
gboolean        jj_reuse_checker_add_index       (JjReuseChecker  *self,
                                                  JjTextIndex     *index,
                                                  const char      *skip_path,
                                                  guint           *n_added,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
gboolean        jj_reuse_checker_sync_index      (JjReuseChecker  *self,
                                                  JjTextIndex     *index,
                                                  guint           *n_read,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
gboolean        jj_reuse_checker_remove_source   (JjReuseChecker  *self,
                                                  const char      *name);
guint           jj_reuse_checker_find_source     (JjReuseChecker  *self,
                                                  const char      *name);
const char     *jj_reuse_checker_get_source_title (JjReuseChecker *self,
                                                   guint           source);
guint           jj_reuse_checker_get_n_sources   (JjReuseChecker  *self);
const char     *jj_reuse_checker_get_source_name (JjReuseChecker  *self,
                                                  guint            source);
GArray         *jj_reuse_checker_check           (JjReuseChecker  *self,
                                                  const char      *draft,
                                                  GArray         **shares,
                                                  double          *total_share,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
GArray         *jj_reuse_checker_check_except    (JjReuseChecker  *self,
                                                  const char      *draft,
                                                  const char      *skip_name,
                                                  GArray         **shares,
                                                  double          *total_share,
                                                  GCancellable    *cancellable,
                                                  GError         **error);

char           *jj_reuse_fold                    (const char      *text,
                                                  GArray         **offsets);

G_END_DECLS
