/* jj-anchor.h — finding a mark again in a text that changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jj-mark.h"

G_BEGIN_DECLS

typedef struct _JjAnchorText JjAnchorText;

typedef struct
{
  const char *quote;
  const char *prefix;
  const char *suffix;
  guint       start;        /* where the quote was, in the old text */
  guint       end;
  guint       old_length;   /* of the old text, 0 when unknown */
} JjAnchorTarget;

JjAnchorText *jj_anchor_text_new        (const char           *text,
                                         gssize                n_bytes);
void          jj_anchor_text_free       (JjAnchorText         *self);
guint         jj_anchor_text_get_length (JjAnchorText         *self);
const gunichar *jj_anchor_text_get_chars (JjAnchorText        *self);
const char   *jj_anchor_text_get_digest (JjAnchorText         *self);
char         *jj_anchor_text_dup_range  (JjAnchorText         *self,
                                         guint                 start,
                                         guint                 end);
JjMarkStatus  jj_anchor_locate          (JjAnchorText         *self,
                                         const JjAnchorTarget *target,
                                         guint                *start,
                                         guint                *end);
JjMarkStatus  jj_anchor_mark            (JjAnchorText         *self,
                                         JjMark               *mark,
                                         guint                 old_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjAnchorText, jj_anchor_text_free)

G_END_DECLS
