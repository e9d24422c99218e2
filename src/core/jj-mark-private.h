/* jj-mark-private.h — what the sidecar reader and writer keep on a mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "jj-mark.h"

G_BEGIN_DECLS

/* An element holding the attributes and children of a <mark> that this
 * version does not know, so that they survive a round trip.
 */
typedef struct
{
  char      *id;
  char      *kind;
  char      *color;
  char      *author;
  char      *note;
  char      *quote;
  char      *prefix;
  char      *suffix;
  char      *section;
  char      *orphaned_in;
  char     **tags;
  GDateTime *created;
  GDateTime *modified;
  guint      start;
  guint      end;
  gboolean   deleted;
} JjMarkFields;

/* For readers of many marks at once: takes the fields (NULL ones keep
 * their defaults) without a notification each.
 */
JjMark  *_jj_mark_new_from_fields (JjMarkFields *fields);
void     _jj_mark_fields_clear    (JjMarkFields *fields);

/* The digest of the text (jj_anchor_text_get_digest()) in which the mark
 * was searched and not found; cleared when its quote, context or status
 * changes. A mark is not searched again in the same text.
 */
const char *_jj_mark_get_orphaned_in (JjMark     *self);
void        _jj_mark_set_orphaned_in (JjMark     *self,
                                      const char *text_digest);

xmlNode *_jj_mark_get_extra  (JjMark  *self);
void     _jj_mark_take_extra (JjMark  *self,
                              xmlNode *extra);

G_END_DECLS
