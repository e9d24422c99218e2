/* jj-reader-block.h — one block of the document, an item of the reader's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define JJ_TYPE_READER_BLOCK (jj_reader_block_get_type ())

G_DECLARE_FINAL_TYPE (JjReaderBlock, jj_reader_block, JJ, READER_BLOCK, GObject)

JjReaderBlock *jj_reader_block_new       (guint          index);
guint          jj_reader_block_get_index (JjReaderBlock *self);

G_END_DECLS
