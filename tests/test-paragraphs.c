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

/* @paragraphs cut every @width characters, as a PDF's text comes out */
static char *
wrap (const char *const *paragraphs,
      guint              width)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      glong n = g_utf8_strlen (paragraphs[i], -1);

      for (glong k = 0; k < n; k += width)
        {
          const char *a = g_utf8_offset_to_pointer (paragraphs[i], k);
          const char *b = g_utf8_offset_to_pointer (paragraphs[i], MIN (k + width, n));

          g_string_append_len (s, a, b - a);
          g_string_append_c (s, '\n');
        }
    }

  return g_string_free (s, FALSE);
}

/* Text hard-wrapped at one width gets its paragraphs back: a line at the
 * width goes on, a shorter one ends its paragraph, and so does a line at
 * the width that ends a sentence before a point ("二是") or an indent.
 */
static void
test_unwrap (void)
{
  const char *const paragraphs[] = {
    "秋冬季安全生产工作要点",
    /* 48 characters, three lines, the last ending a sentence */
    "一是压实责任。各乡镇要把安全生产摆在突出位置，主要负责同志要亲自研究部署，确保各项措施落到实处。",
    "二是强化排查。对危化品、燃气、消防等重点行业领域逐一排查，发现隐患立即整改。",
    "要加强值班值守，遇到险情第一时间报告，及时处置。",
    "同志们，安全生产责任重于泰山，来不得半点马虎，必须时刻绷紧安全这根弦，抓紧抓实抓细各项工作，确保全县安全形势持续稳定。",
    /* the same, 48 characters, before an indented paragraph */
    "一是压实责任。各乡镇要把安全生产摆在突出位置，主要负责同志要亲自研究部署，确保各项措施落到实处。",
    "　　三是严格执法。对拒不整改的企业依法从严处罚，公开曝光典型案例，形成有力震慑。",
    NULL,
  };
  g_autofree char *text = wrap (paragraphs, 16);
  g_autofree char *joined = g_strjoinv ("\n", (char **)paragraphs);
  g_autofree char *expected = g_strconcat (joined, "\n", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JjTextMap) map = NULL;
  guint width = jj_paragraphs_wrap_width (text, strlen (text));

  g_assert_cmpuint (g_utf8_strlen (paragraphs[1], -1), ==, 48);
  g_assert_cmpuint (width, ==, 16);
  out = jj_paragraphs_unwrap (text, strlen (text), width, NULL, &map);
  g_assert_cmpstr (out, ==, expected);
  /* "二" of "二是", after lines of 11, 16, 16 and 16 characters, each with its line break */
  g_assert_cmpuint (jj_text_map_lookup (map, 12 + 48 + 1, NULL), ==, 12 + 51);

  /* text in paragraphs has no width */
  g_assert_cmpuint (jj_paragraphs_wrap_width (joined, strlen (joined)), ==, 0);
}

/* A scan read by OCR: stray blanks between characters take no room, the
 * lines are as wide all the same.
 */
static void
test_unwrap_scan (void)
{
  const char *const paragraphs[] = {
    "一是压实责任。各乡镇要把安全生产摆在突出位置，主要负责同志要亲自研究部署，确保各项措施落到实处。",
    "二是强化排查。对危化品、燃气、消防等重点行业领域逐一排查，发现隐患立即整改。",
    "同志们，安全生产责任重于泰山，来不得半点马虎，必须时刻绷紧安全这根弦，抓紧抓实抓细各项工作，确保全县安全形势持续稳定。",
    "三是严格执法。对拒不整改的企业依法从严处罚，公开曝光典型案例，形成有力震慑。",
    NULL,
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *out = NULL;
  guint k = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      glong n = g_utf8_strlen (paragraphs[i], -1);

      for (glong c = 0; c < n; c += 16, k++)
        {
          const char *a = g_utf8_offset_to_pointer (paragraphs[i], c);
          const char *a1 = g_utf8_offset_to_pointer (a, 3);
          const char *b = g_utf8_offset_to_pointer (paragraphs[i], MIN (c + 16, n));
          g_autofree char *blanks = g_strnfill (k % 6, ' ');
          g_autofree char *line = g_strdup_printf ("%.*s%s%.*s", (int)(a1 - a), a, blanks,
                                                   (int)(b - a1), a1);

          g_string_append (text, line);
          g_string_append_c (text, '\n');
          g_string_append (expected, line);
          if (c + 16 >= n)
            g_string_append_c (expected, '\n');
        }
    }

  g_assert_cmpuint (jj_paragraphs_wrap_width (text->str, text->len), ==, 16);
  out = jj_paragraphs_unwrap (text->str, text->len, 16, NULL, NULL);
  g_assert_cmpstr (out, ==, expected->str);
}

/* Lines as long one after the other, but the same line each time: a
 * running header, no text cut at a width.
 */
static void
test_no_width_in_headers (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 1; i <= 9; i++)
    g_string_append_printf (text, "在全县安全生产工作会议上的讲话.docx_第%u页\n", i);
  g_string_append (text, "同志们，安全生产责任重于泰山，来不得半点马虎。\n");
  g_assert_cmpuint (jj_paragraphs_wrap_width (text->str, text->len), ==, 0);
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
  g_test_add_func ("/paragraphs/unwrap", test_unwrap);
  g_test_add_func ("/paragraphs/unwrap-scan", test_unwrap_scan);
  g_test_add_func ("/paragraphs/no-width-in-headers", test_no_width_in_headers);

  return g_test_run ();
}
