/* test-encoding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jj-encoding.h"

static const char speech[] =
  "同志们：今天我们召开全市经济工作会议，主要任务是总结今年的工作，分析当前面临的形势，"
  "研究部署明年的经济工作。下面，我讲三点意见。一、充分肯定今年取得的成绩。";

static const char traditional[] =
  "同志們：今天我們召開全市經濟工作會議，主要任務是總結今年的工作，分析當前面臨的形勢，"
  "研究部署明年的經濟工作。下面，我講三點意見。一、充分肯定今年取得的成績。";

static char *
encode (const char *utf8,
        const char *encoding,
        gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *r = g_convert (utf8, -1, encoding, "UTF-8", NULL, len, &error);

  g_assert_no_error (error);

  return r;
}

static void
test_bom (void)
{
  gsize bom = 0;

  g_assert_cmpstr (jj_encoding_detect ("\xEF\xBB\xBF" "abc", 6, &bom), ==, "UTF-8");
  g_assert_cmpuint (bom, ==, 3);
  g_assert_cmpstr (jj_encoding_detect ("\xFF\xFE" "a\0b\0", 6, &bom), ==, "UTF-16LE");
  g_assert_cmpuint (bom, ==, 2);
  g_assert_cmpstr (jj_encoding_detect ("\xFE\xFF" "\0a\0b", 6, &bom), ==, "UTF-16BE");
  g_assert_cmpuint (bom, ==, 2);
}

static void
test_utf16_without_bom (void)
{
  g_autofree char *le = NULL;
  g_autofree char *be = NULL;
  g_autofree char *mixed = g_strconcat (speech, "\n2024年12月\n", NULL);
  gsize n_le = 0;
  gsize n_be = 0;
  gsize bom = 1;

  le = encode (mixed, "UTF-16LE", &n_le);
  be = encode (mixed, "UTF-16BE", &n_be);
  g_assert_cmpstr (jj_encoding_detect (le, n_le, &bom), ==, "UTF-16LE");
  g_assert_cmpuint (bom, ==, 0);
  g_assert_cmpstr (jj_encoding_detect (be, n_be, &bom), ==, "UTF-16BE");
}

static void
test_legacy_encodings (void)
{
  const struct { const char *text; const char *encoding; } cases[] = {
    { speech, "GB18030" },
    { speech, "GBK" },
    { speech, "GB2312" },
    { traditional, "BIG5" },
    { traditional, "GB18030" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = 0;
      g_autofree char *bytes = encode (cases[i].text, cases[i].encoding, &len);
      g_autofree char *decoded = NULL;
      const char *detected = jj_encoding_detect (bytes, len, NULL);
      guint n_invalid = 1;

      g_test_message ("%s in %s", i == 3 ? "traditional" : "simplified", cases[i].encoding);
      g_assert_nonnull (detected);
      /* GBK and GB2312 are subsets of GB18030 */
      g_assert_cmpstr (detected, ==, g_str_equal (cases[i].encoding, "BIG5") ? "BIG5" : "GB18030");

      decoded = jj_encoding_decode (bytes, len, detected, NULL, &n_invalid, NULL);
      g_assert_cmpstr (decoded, ==, cases[i].text);
      g_assert_cmpuint (n_invalid, ==, 0);
    }
}

static void
test_utf8 (void)
{
  g_assert_cmpstr (jj_encoding_detect (speech, strlen (speech), NULL), ==, "UTF-8");
  g_assert_cmpstr (jj_encoding_detect ("plain ascii\n", 12, NULL), ==, "UTF-8");
}

static void
test_invalid_replaced (void)
{
  gsize len = 0;
  g_autofree char *gb = encode (speech, "GB18030", &len);
  g_autofree char *damaged = NULL;
  g_autofree char *decoded = NULL;
  guint n_invalid = 0;

  /* a truncated double-byte character at the end */
  damaged = g_malloc (len + 1);
  memcpy (damaged, gb, len);
  damaged[len] = (char)0xB0;

  g_assert_cmpstr (jj_encoding_detect (damaged, len + 1, NULL), ==, "GB18030");
  decoded = jj_encoding_decode (damaged, len + 1, "GB18030", NULL, &n_invalid, NULL);
  g_assert_cmpuint (n_invalid, ==, 1);
  g_assert_true (g_str_has_suffix (decoded, "成绩。\xEF\xBF\xBD"));
  g_assert_true (g_utf8_validate (decoded, -1, NULL));
}

static void
test_binary (void)
{
  const char data[] = "PNG\0\0\0\x01\x02\x03 IHDR\0\0\0";

  g_assert_null (jj_encoding_detect (data, sizeof data, NULL));
  g_assert_true (jj_encoding_is_valid (speech, strlen (speech), "UTF-8"));
  g_assert_false (jj_encoding_is_valid ("\xFF\xFF", 2, "UTF-8"));
}

/* The fast count gives what g_utf8_strlen() gives: across the lengths its
 * blocks of 16 and 8 bytes and of 255 blocks end at, with a NUL inside and
 * with a character cut at the end.
 */
static void
test_count_chars (void)
{
  const char *const pieces[] = { "a", "é", "讲", "😀", "，", "\xe3\x80\x80" };
  g_autoptr(GString) s = g_string_new (NULL);
  guint k = 0;

  while (s->len < 16 * 255 * 2 + 40)
    g_string_append (s, pieces[k++ * 7 % G_N_ELEMENTS (pieces)]);

  for (gsize len = 0; len <= s->len; len += len < 64 ? 1 : 97)
    {
      g_assert_cmpuint (jj_encoding_count_chars (s->str, len), ==, g_utf8_strlen (s->str, len));
      if (len > 0 && ((guchar)s->str[len - 1] & 0xC0) != 0x80 && g_utf8_skip[(guchar)s->str[len - 1]] == 1)
        g_assert_cmpuint (jj_encoding_count_starts (s->str, len), ==, g_utf8_strlen (s->str, len));
    }

  /* a NUL stops the count, as it stops g_utf8_strlen() */
  s->str[4000] = '\0';
  g_assert_cmpuint (jj_encoding_count_chars (s->str, s->len), ==, g_utf8_strlen (s->str, s->len));
  g_assert_cmpuint (jj_encoding_count_chars (s->str, s->len), <, jj_encoding_count_starts (s->str, s->len));
  s->str[20] = '\0';
  g_assert_cmpuint (jj_encoding_count_chars (s->str, 30), ==, g_utf8_strlen (s->str, 30));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/encoding/bom", test_bom);
  g_test_add_func ("/encoding/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/encoding/legacy", test_legacy_encodings);
  g_test_add_func ("/encoding/utf8", test_utf8);
  g_test_add_func ("/encoding/invalid-replaced", test_invalid_replaced);
  g_test_add_func ("/encoding/binary", test_binary);
  g_test_add_func ("/encoding/count-chars", test_count_chars);

  return g_test_run ();
}
