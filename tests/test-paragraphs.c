/* test-paragraphs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jj-paragraphs.h"

static void
test_find_breaks (void)
{
  g_autoptr(GString) runon = g_string_new ("\u3000\u3000第一段开头。");
  g_autoptr(GArray) breaks = NULL;
  guint indent_at;
  guint blank_at;

  /* long enough to be run-on text */
  for (guint i = 0; i < 30; i++)
    g_string_append (runon, "这是一句很长的话。");
  indent_at = g_utf8_strlen (runon->str, -1);
  g_string_append (runon, "\u3000\u3000第二段。");
  blank_at = g_utf8_strlen (runon->str, -1);
  g_string_append (runon, " 第三段，2023 年。");

  breaks = jj_paragraphs_find_breaks (runon->str, runon->len);
  g_assert_cmpuint (breaks->len, ==, 2);
  g_assert_cmpuint (g_array_index (breaks, guint, 0), ==, indent_at);
  g_assert_cmpuint (g_array_index (breaks, guint, 1), ==, blank_at);

  /* in a short line a blank is a blank */
  g_clear_pointer (&breaks, g_array_unref);
  breaks = jj_paragraphs_find_breaks ("第一章 总则", strlen ("第一章 总则"));
  g_assert_cmpuint (breaks->len, ==, 0);
}

static void
test_break (void)
{
  const char *text = "甲乙丙\n丁戊";
  const guint breaks[] = { 0, 1, 4, 5 };
  g_autoptr(JjTextMap) map = NULL;
  g_autofree char *out = jj_paragraphs_break (text, strlen (text), breaks, G_N_ELEMENTS (breaks), NULL, &map);

  /* none at 0 (start) nor at 4 (already a line start) */
  g_assert_cmpstr (out, ==, "甲\n乙丙\n丁\n戊");
  g_assert_cmpuint (jj_text_map_lookup (map, 2, NULL), ==, 1);
  g_assert_cmpuint (jj_text_map_lookup (map, 7, NULL), ==, 5);
}

static void
test_split_long (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint total = 0;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "第%03u句话说得很长很长很长很长。", i);
  out = jj_paragraphs_split_long (text->str, text->len, 600, NULL, 0, NULL, NULL);
  lines = g_strsplit (out, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >=, 6);
  for (guint i = 0; lines[i]; i++)
    {
      guint n = g_utf8_strlen (lines[i], -1);

      g_assert_cmpuint (n, <=, 600);
      g_assert_cmpuint (n, >=, 150);
      g_assert_true (g_str_has_suffix (lines[i], "。"));
      total += n;
    }
  g_assert_cmpuint (total, ==, g_utf8_strlen (text->str, -1));
}

static void
test_split_without_sentences (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 1500; i++)
    g_string_append (text, "字");
  out = jj_paragraphs_split_long (text->str, text->len, 600, NULL, 0, NULL, NULL);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpuint (g_utf8_strlen (lines[0], -1), ==, 600);
}

static void
test_normalize (void)
{
  const char *text = "\u3000\u3000标题 \r\n\r\n\t正文一。\u00A0\r旧式换行\n\n";
  g_autoptr(JjTextMap) map = NULL;
  g_autofree char *out = jj_paragraphs_normalize (text, strlen (text), NULL, &map);

  g_assert_cmpstr (out, ==, "标题\n正文一。\n旧式换行");
  g_assert_cmpuint (jj_text_map_lookup (map, 0, NULL), ==, 2);
  /* "正" after "\u3000\u3000标题 \r\n\r\n\t" */
  g_assert_cmpuint (jj_text_map_lookup (map, 3, NULL), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paragraphs/find-breaks", test_find_breaks);
  g_test_add_func ("/paragraphs/break", test_break);
  g_test_add_func ("/paragraphs/split-long", test_split_long);
  g_test_add_func ("/paragraphs/split-without-sentences", test_split_without_sentences);
  g_test_add_func ("/paragraphs/normalize", test_normalize);

  return g_test_run ();
}
