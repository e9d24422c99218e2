/* test-text-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jj-text-map.h"

static void
test_builder (void)
{
  g_autoptr(JjTextBuilder) b = jj_text_builder_new (0);
  g_autoptr(JjTextMap) map = NULL;
  g_autofree char *text = NULL;
  const char *source = "甲乙丙丁戊己";
  gboolean copied = FALSE;
  gsize n = 0;

  /* "甲乙" + "\n" + "丁戊己": 丙 dropped, a break inserted where it was */
  jj_text_builder_copy (b, source, 6, 0);
  jj_text_builder_insert (b, "\n", 1, 2);
  jj_text_builder_copy (b, source + 9, 9, 3);
  g_assert_cmpuint (jj_text_builder_get_length (b), ==, 6);
  text = jj_text_builder_finish (g_steal_pointer (&b), &n, &map);

  g_assert_cmpstr (text, ==, "甲乙\n丁戊己");
  g_assert_cmpuint (n, ==, 16);
  g_assert_cmpuint (jj_text_map_lookup (map, 0, &copied), ==, 0);
  g_assert_true (copied);
  g_assert_cmpuint (jj_text_map_lookup (map, 1, NULL), ==, 1);
  g_assert_cmpuint (jj_text_map_lookup (map, 2, &copied), ==, 2);
  g_assert_false (copied);
  g_assert_cmpuint (jj_text_map_lookup (map, 3, &copied), ==, 3);
  g_assert_true (copied);
  g_assert_cmpuint (jj_text_map_lookup (map, 5, NULL), ==, 5);
  g_assert_cmpuint (jj_text_map_lookup (map, 6, NULL), ==, 6);
}

static void
test_runs_merge (void)
{
  g_autoptr(JjTextBuilder) b = jj_text_builder_new (0);
  g_autoptr(JjTextMap) map = NULL;
  g_autofree char *text = NULL;

  /* adjacent copies of adjacent source make one point */
  jj_text_builder_copy (b, "ab", 2, 0);
  jj_text_builder_copy (b, "cd", 2, 2);
  jj_text_builder_copy (b, "ef", 2, 10);
  text = jj_text_builder_finish (g_steal_pointer (&b), NULL, &map);

  g_assert_cmpstr (text, ==, "abcdef");
  g_assert_cmpuint (jj_text_map_get_n_points (map), ==, 2);
  g_assert_cmpuint (jj_text_map_lookup (map, 3, NULL), ==, 3);
  g_assert_cmpuint (jj_text_map_lookup (map, 5, NULL), ==, 11);
}

static void
test_identity (void)
{
  g_autoptr(JjTextMap) map = jj_text_map_new_identity ();

  g_assert_cmpuint (jj_text_map_lookup (map, 0, NULL), ==, 0);
  g_assert_cmpuint (jj_text_map_lookup (map, 12345, NULL), ==, 12345);
}

/* Lengths of UTF-8 text are counted as g_utf8_strlen() counts them, even
 * where a NUL or a cut character stops it.
 */
static void
test_builder_length (void)
{
  static const struct { const char *text; gsize n_bytes; } cases[] = {
    { "同志们：abc", 15 },
    { "同志们：abc", 14 },   /* the last character cut */
    { "同志们：abc", 7 },    /* cut in a character */
    { "ab\0cd", 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JjTextBuilder) b = jj_text_builder_new (0);

      jj_text_builder_copy (b, cases[i].text, cases[i].n_bytes, 0);
      g_assert_cmpuint (jj_text_builder_get_length (b), ==, g_utf8_strlen (cases[i].text, cases[i].n_bytes));
    }
}

/* A lookup from the previous point gives what a binary search gives,
 * whatever order the offsets come in.
 */
static void
test_lookup_from (void)
{
  g_autoptr(JjTextBuilder) b = jj_text_builder_new (0);
  g_autoptr(JjTextMap) map = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autofree char *text = NULL;
  guint source = 0;
  guint length;
  guint hint = 0;

  for (guint i = 0; i < 500; i++)
    {
      guint n = g_rand_int_range (rand, 1, 6);

      if (g_rand_boolean (rand))
        jj_text_builder_copy (b, "abcdef", n, source);
      else
        jj_text_builder_insert (b, "\n", 1, source);
      source += n + g_rand_int_range (rand, 0, 3);
    }
  length = jj_text_builder_get_length (b);
  text = jj_text_builder_finish (g_steal_pointer (&b), NULL, &map);
  g_assert_cmpuint (jj_text_map_get_n_points (map), >, 100);

  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i <= length + 2; i++)
      {
        guint offset = pass == 0 ? i : pass == 1 ? length + 2 - i : (guint)g_rand_int_range (rand, 0, length + 3);
        gboolean copied_a = FALSE;
        gboolean copied_b = FALSE;
        guint a = jj_text_map_lookup (map, offset, &copied_a);
        guint span = 0;
        guint b2 = jj_text_map_lookup_from (map, offset, &hint, &copied_b, &span);

        g_assert_cmpuint (a, ==, b2);
        g_assert_cmpint (copied_a, ==, copied_b);
        g_assert_cmpuint (span, >=, 1);
        /* within the span, offsets map to consecutive ones */
        for (guint k = 1; k < MIN (span, 8) && offset + k <= length + 2; k++)
          g_assert_cmpuint (jj_text_map_lookup (map, offset + k, NULL), ==, a + k);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-map/builder", test_builder);
  g_test_add_func ("/text-map/runs-merge", test_runs_merge);
  g_test_add_func ("/text-map/identity", test_identity);
  g_test_add_func ("/text-map/lookup-from", test_lookup_from);
  g_test_add_func ("/text-map/builder-length", test_builder_length);

  return g_test_run ();
}
