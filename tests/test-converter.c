/* test-converter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jj-converter.h"
#include "jj-converter-private.h"

static void
test_detect (void)
{
  g_assert_true (jj_converter_is_traditional ("全國文明城市建設工作培訓會議講話，我們要認真學習。", -1));
  g_assert_false (jj_converter_is_traditional ("全国文明城市建设工作培训会议讲话，我们要认真学习。", -1));
  /* a few characters OpenCC would touch do not make a text traditional */
  g_assert_false (jj_converter_is_traditional ("我们要认真学习文件精神，著力解决突出问题，推动工作落实落地见效。", -1));
  g_assert_false (jj_converter_is_traditional ("plain text", -1));
}

/* Long texts are judged on samples spread over them, whatever their
 * length, in the time a short one takes.
 */
static void
test_detect_long (void)
{
  g_autoptr(GString) traditional = g_string_new (NULL);
  g_autoptr(GString) simplified = g_string_new (NULL);
  g_autoptr(GString) late = g_string_new (NULL);
  gint64 t0;

  while (traditional->len < 2 * 1024 * 1024)
    g_string_append (traditional, "我們要堅持以人民為中心的發展思想，認真貫徹落實會議精神。");
  while (simplified->len < 2 * 1024 * 1024)
    g_string_append (simplified, "我们要坚持以人民为中心的发展思想，认真贯彻落实会议精神。");
  /* simplified for its first half, then traditional */
  g_string_append_len (late, simplified->str, simplified->len / 2);
  g_string_append_len (late, traditional->str, traditional->len / 2);

  t0 = g_get_monotonic_time ();
  g_assert_true (jj_converter_is_traditional (traditional->str, traditional->len));
  g_assert_false (jj_converter_is_traditional (simplified->str, simplified->len));
  g_assert_true (jj_converter_is_traditional (late->str, late->len));
  g_test_message ("three 2 MB texts judged in %.0f ms", (g_get_monotonic_time () - t0) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 2 * G_USEC_PER_SEC);
}

static void
test_t2s (void)
{
  g_autoptr(GError) error = NULL;
  const char *in = "全國文明城市建設\n同志們：\n發展與開放。";
  g_autofree char *out = jj_converter_t2s (in, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "全国文明城市建设\n同志们：\n发展与开放。");
  g_assert_cmpuint (g_utf8_strlen (out, -1), ==, g_utf8_strlen (in, -1));
}

static void
assert_same_as_whole_lines (const char *text,
                            gssize      n_bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *runs = NULL;
  g_autofree char *lines = NULL;
  gsize runs_n = 0;
  gsize lines_n = 0;

  runs = jj_converter_t2s (text, n_bytes, &runs_n, &error);
  g_assert_no_error (error);
  lines = jj_converter_t2s_whole_lines (text, n_bytes, &lines_n, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (runs, runs_n, lines, lines_n);
}

/* Runs of characters in OpenCC's keys are converted apart, each distinct
 * one once: phrases (反覆, 瞭望, 藉口) must still win over characters,
 * whatever stands around them.
 */
static void
test_t2s_runs (void)
{
  g_autoptr(GError) error = NULL;
  const char *in = "他反覆瞭望，一目瞭然；藉口abc藉口\n瞭 覆\n\n乾隆、乾淨(gān)與著作。著";
  g_autofree char *out = jj_converter_t2s (in, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "他反复瞭望，一目了然；借口abc借口\n瞭 覆\n\n乾隆、干净(gān)与著作。著");
  assert_same_as_whole_lines (in, -1);
  /* a NUL ends OpenCC's conversion of its line */
  assert_same_as_whole_lines ("反覆\0瞭望\n藉口", 20);
  assert_same_as_whole_lines ("", 0);
  assert_same_as_whole_lines ("plain\n", -1);
}

/* The sample page, and 600 KB of it (several of the chunks runs are
 * gathered in) cut every 37 characters by a line break or a space, come
 * out as when each line went to OpenCC whole.
 */
static void
test_t2s_same_as_whole_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "civilized-city-speech.webpage.txt", NULL);
  g_autofree char *sample = NULL;
  g_autoptr(GString) cut = g_string_new (NULL);
  gsize n = 0;
  guint i = 0;

  g_file_get_contents (path, &sample, &n, &error);
  g_assert_no_error (error);
  assert_same_as_whole_lines (sample, n);

  for (const char *p = sample; *p && cut->len < 600 * 1024; p = g_utf8_next_char (p), i++)
    {
      g_string_append_unichar (cut, g_utf8_get_char (p));
      if (i % 37 == 0)
        g_string_append_c (cut, i % 3 ? '\n' : ' ');
      if (*g_utf8_next_char (p) == '\0')
        p = sample;
    }
  assert_same_as_whole_lines (cut->str, cut->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/converter/detect", test_detect);
  g_test_add_func ("/converter/detect-long", test_detect_long);
  g_test_add_func ("/converter/t2s", test_t2s);
  g_test_add_func ("/converter/t2s-runs", test_t2s_runs);
  g_test_add_func ("/converter/t2s-same-as-whole-lines", test_t2s_same_as_whole_lines);

  return g_test_run ();
}
