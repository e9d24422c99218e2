/* test-text-blocks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jj-text-blocks.h"

static char *
block_text (const char  *text,
            JjTextBlock *block)
{
  return g_strndup (text + block->byte_start, block->byte_end - block->byte_start);
}

static void
test_breaks_at_sections (void)
{
  const char *text = "标题\n开场白。\n一、第一部分\n正文甲。\n二、第二部分\n正文乙。";
  const guint breaks[] = { 8, 20 };
  g_autoptr(GArray) blocks = jj_text_blocks_split (text, strlen (text), breaks, 2, 1000);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_cmpuint (blocks->len, ==, 3);
  a = block_text (text, &g_array_index (blocks, JjTextBlock, 0));
  b = block_text (text, &g_array_index (blocks, JjTextBlock, 1));
  c = block_text (text, &g_array_index (blocks, JjTextBlock, 2));
  g_assert_cmpstr (a, ==, "标题\n开场白。");
  g_assert_cmpstr (b, ==, "一、第一部分\n正文甲。");
  g_assert_cmpstr (c, ==, "二、第二部分\n正文乙。");
  g_assert_cmpuint (g_array_index (blocks, JjTextBlock, 1).start, ==, 8);
  g_assert_cmpuint (g_array_index (blocks, JjTextBlock, 1).end, ==, 19);
  g_assert_cmpuint (g_array_index (blocks, JjTextBlock, 2).end, ==, g_utf8_strlen (text, -1));

  g_assert_cmpuint (jj_text_blocks_lookup (blocks, 0), ==, 0);
  g_assert_cmpuint (jj_text_blocks_lookup (blocks, 7), ==, 0);
  g_assert_cmpuint (jj_text_blocks_lookup (blocks, 8), ==, 1);
  g_assert_cmpuint (jj_text_blocks_lookup (blocks, 25), ==, 2);
}

static void
test_breaks_inside_paragraph_ignored (void)
{
  /* An enumerator inside a paragraph cannot start a block. */
  const char *text = "一是甲。二是乙。\n三是丙。";
  const guint breaks[] = { 4, 9 };
  g_autoptr(GArray) blocks = jj_text_blocks_split (text, strlen (text), breaks, 2, 1000);

  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpuint (g_array_index (blocks, JjTextBlock, 0).end, ==, 8);
  g_assert_cmpuint (g_array_index (blocks, JjTextBlock, 1).start, ==, 9);
}

static void
test_long_text_cut_at_paragraphs (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GArray) blocks = NULL;
  guint total = 0;

  for (guint i = 0; i < 100; i++)
    {
      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, "二十个字的段落二十个字的段落二十个字的段");
    }

  blocks = jj_text_blocks_split (s->str, s->len, NULL, 0, 100);
  /* 20 characters plus the newline: four paragraphs fit in 100. */
  g_assert_cmpuint (blocks->len, ==, 25);
  for (guint i = 0; i < blocks->len; i++)
    {
      JjTextBlock *b = &g_array_index (blocks, JjTextBlock, i);

      g_assert_cmpuint (b->end - b->start, <=, 100);
      g_assert_true (b->byte_start == 0 || s->str[b->byte_start - 1] == '\n');
      total += b->end - b->start;
    }
  g_assert_cmpuint (total + blocks->len - 1, ==, g_utf8_strlen (s->str, -1));
}

static void
test_empty_text (void)
{
  g_autoptr(GArray) blocks = jj_text_blocks_split ("", 0, NULL, 0, 100);

  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpuint (g_array_index (blocks, JjTextBlock, 0).end, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-blocks/sections", test_breaks_at_sections);
  g_test_add_func ("/text-blocks/inside-paragraph", test_breaks_inside_paragraph_ignored);
  g_test_add_func ("/text-blocks/long-text", test_long_text_cut_at_paragraphs);
  g_test_add_func ("/text-blocks/empty", test_empty_text);

  return g_test_run ();
}
