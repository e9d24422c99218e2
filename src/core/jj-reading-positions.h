/* jj-reading-positions.h — where the reader left each document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JJ_TYPE_READING_POSITIONS (jj_reading_positions_get_type ())

G_DECLARE_FINAL_TYPE (JjReadingPositions, jj_reading_positions, JJ, READING_POSITIONS, GObject)

JjReadingPositions *jj_reading_positions_new          (const char          *path);
gboolean            jj_reading_positions_lookup       (JjReadingPositions  *self,
                                                       GFile               *document,
                                                       const char          *fingerprint,
                                                       guint               *offset);
void                jj_reading_positions_remember     (JjReadingPositions  *self,
                                                       GFile               *document,
                                                       const char          *fingerprint,
                                                       guint                offset);
gboolean            jj_reading_positions_save         (JjReadingPositions  *self,
                                                       GError             **error);

G_END_DECLS
