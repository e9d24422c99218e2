/* jj-text-map.h — maps offsets of a rewritten text back to the text it came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Offsets are code points. A map is a sorted list of points: from a point
 * on, each output character either comes from the input character at the
 * same distance (copied), or all of them stand for one input position
 * (inserted text, such as a paragraph break).
 */
typedef struct _JjTextMap     JjTextMap;
typedef struct _JjTextBuilder JjTextBuilder;

JjTextMap     *jj_text_map_new_identity    (void);
void           jj_text_map_free            (JjTextMap      *self);
guint          jj_text_map_lookup          (const JjTextMap *self,
                                            guint           offset,
                                            gboolean       *copied);
guint          jj_text_map_lookup_from     (const JjTextMap *self,
                                            guint           offset,
                                            guint          *hint,
                                            gboolean       *copied,
                                            guint          *span);
guint          jj_text_map_get_n_points    (const JjTextMap *self);

JjTextBuilder *jj_text_builder_new         (gsize           reserve);
void           jj_text_builder_free        (JjTextBuilder  *self);
void           jj_text_builder_copy        (JjTextBuilder  *self,
                                            const char     *text,
                                            gsize           n_bytes,
                                            guint           source_offset);
void           jj_text_builder_insert      (JjTextBuilder  *self,
                                            const char     *text,
                                            gssize          n_bytes,
                                            guint           source_offset);
guint          jj_text_builder_get_length  (JjTextBuilder  *self);
gsize          jj_text_builder_get_n_bytes (JjTextBuilder  *self);
const char    *jj_text_builder_peek        (JjTextBuilder  *self);
char          *jj_text_builder_finish      (JjTextBuilder  *self,
                                            gsize          *n_bytes,
                                            JjTextMap     **map);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjTextMap, jj_text_map_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjTextBuilder, jj_text_builder_free)

G_END_DECLS
