/* jj-reader-block.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-reader-block.h"

struct _JjReaderBlock
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (JjReaderBlock, jj_reader_block, G_TYPE_OBJECT)

static void
jj_reader_block_class_init (JjReaderBlockClass *klass)
{
}

static void
jj_reader_block_init (JjReaderBlock *self)
{
}

JjReaderBlock *
jj_reader_block_new (guint index)
{
  JjReaderBlock *self = g_object_new (JJ_TYPE_READER_BLOCK, NULL);

  self->index = index;

  return self;
}

guint
jj_reader_block_get_index (JjReaderBlock *self)
{
  g_return_val_if_fail (JJ_IS_READER_BLOCK (self), 0);

  return self->index;
}
