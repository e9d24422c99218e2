/* test-docx-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <libxml/parser.h>

#include "jj-docx-reader.h"
#include "jj-paragraph-hint.h"

static void
test_number_formats (void)
{
  const struct { const char *format; guint value; const char *text; } cases[] = {
    { "decimal", 7, "7" },
    { "chineseCounting", 1, "一" },
    { "chineseCounting", 10, "十" },
    { "chineseCounting", 11, "十一" },
    { "chineseCounting", 20, "二十" },
    { "chineseCounting", 35, "三十五" },
    { "chineseCountingThousand", 101, "一百零一" },
    { "chineseCountingThousand", 110, "一百一十" },
    { "chineseCountingThousand", 2005, "二千零五" },
    { "chineseLegalSimplified", 12, "壹拾贰" },
    { "ideographTraditional", 1, "甲" },
    { "ideographTraditional", 11, "甲" },
    { "ideographDigital", 10, "一〇" },
    { "decimalEnclosedCircle", 3, "③" },
    { "decimalFullWidth", 12, "１２" },
    { "upperRoman", 14, "XIV" },
    { "lowerLetter", 28, "bb" },
    { "decimalZero", 5, "05" },
    { "bullet", 1, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jj_docx_format_number (cases[i].format, cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_read_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "numbered-lo.docx", NULL);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) hints = g_array_new (FALSE, FALSE, sizeof (JjParagraphHint));
  g_autoptr(GError) error = NULL;
  g_autoptr(JjZip) zip = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  zip = jj_zip_new (data, len, &error);
  g_assert_no_error (error);
  text = jj_docx_reader_read (zip, hints, NULL, &error);
  g_assert_no_error (error);

  /* one hint per paragraph, in order */
  g_assert_true (g_str_has_prefix (text, "关于做好秋季防汛工作的讲话\n同志们：\n"));
  g_assert_nonnull (strstr (text, "\n一、提高思想认识\n（一）压实各级责任\n"));
  g_assert_cmpuint (hints->len, >=, 14);
  for (guint i = 1; i < hints->len; i++)
    g_assert_cmpuint (g_array_index (hints, JjParagraphHint, i).start, ==,
                      g_array_index (hints, JjParagraphHint, i - 1).end + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();

  g_test_add_func ("/docx-reader/number-formats", test_number_formats);
  g_test_add_func ("/docx-reader/read-fixture", test_read_fixture);

  return g_test_run ();
}
