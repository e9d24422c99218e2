/* test-approx-match.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jj-approx-match.h"

/* The best edit distance of @p against any substring of @t, the slow way. */
static guint
naive_best (const gunichar *t,
            gsize           n,
            const gunichar *p,
            gsize           m)
{
  guint *prev = g_new (guint, m + 1);
  guint *cur = g_new (guint, m + 1);
  guint best;

  for (gsize i = 0; i <= m; i++)
    prev[i] = i;
  best = prev[m];

  for (gsize j = 1; j <= n; j++)
    {
      cur[0] = 0;
      for (gsize i = 1; i <= m; i++)
        {
          guint v = prev[i - 1] + (p[i - 1] == t[j - 1] ? 0 : 1);

          v = MIN (v, prev[i] + 1);
          v = MIN (v, cur[i - 1] + 1);
          cur[i] = v;
        }
      best = MIN (best, cur[m]);
      {
        guint *tmp = prev;
        prev = cur;
        cur = tmp;
      }
    }

  g_free (prev);
  g_free (cur);

  return best;
}

static void
test_against_naive (void)
{
  static const gunichar alphabet[] = { 'a', 'b', 0x4E2D, 0x6587, 0x1F600, 0x20000 };
  GRand *rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 300; round++)
    {
      gsize n = g_rand_int_range (rand, 1, 400);
      gsize m = g_rand_int_range (rand, 1, round < 150 ? 70 : 200);
      guint sigma = g_rand_int_range (rand, 2, G_N_ELEMENTS (alphabet) + 1);
      g_autofree gunichar *t = g_new (gunichar, n);
      g_autofree gunichar *p = g_new (gunichar, m);
      g_autoptr(GArray) matches = NULL;
      guint k = jj_approx_match_max_errors (m);
      guint best;

      for (gsize i = 0; i < n; i++)
        t[i] = alphabet[g_rand_int_range (rand, 0, sigma)];
      /* Half the patterns are taken from the text, then damaged. */
      for (gsize i = 0; i < m; i++)
        p[i] = alphabet[g_rand_int_range (rand, 0, sigma)];
      if (round % 2 == 0 && m < n)
        {
          gsize at = g_rand_int_range (rand, 0, n - m + 1);

          for (gsize i = 0; i < m; i++)
            p[i] = g_rand_int_range (rand, 0, 10) == 0 ? alphabet[0] : t[at + i];
        }

      best = naive_best (t, n, p, m);
      matches = jj_approx_match_find (t, n, p, m, k, 0);

      if (best > k)
        {
          g_assert_cmpuint (matches->len, ==, 0);
          continue;
        }

      g_assert_cmpuint (matches->len, >, 0);
      g_assert_cmpuint (g_array_index (matches, JjApproxMatch, 0).errors, ==, best);
      for (guint i = 0; i < matches->len; i++)
        {
          const JjApproxMatch *match = &g_array_index (matches, JjApproxMatch, i);

          g_assert_cmpuint (match->start, <=, match->end);
          g_assert_cmpuint (match->end, <=, n);
          g_assert_cmpuint (match->errors, <=, k);
          g_assert_cmpuint (jj_approx_match_distance (p, m, t + match->start, match->end - match->start), ==, match->errors);
          if (i > 0)
            g_assert_cmpuint (match->errors, >=, g_array_index (matches, JjApproxMatch, i - 1).errors);
        }
    }

  g_rand_free (rand);
}

static void
test_long_pattern (void)
{
  const char *para = "为深入贯彻落实党中央决策部署，进一步提升城市文明程度，现就加强城市治理工作提出如下意见。";
  g_autofree char *text_utf8 = NULL;
  g_autofree gunichar *text = NULL;
  g_autofree gunichar *pattern = NULL;
  g_autoptr(GArray) matches = NULL;
  GString *s = g_string_new (NULL);
  glong n, m;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (s, "第%u条。%s", i, para);
  text_utf8 = g_string_free (s, FALSE);
  text = g_utf8_to_ucs4_fast (text_utf8, -1, &n);

  /* 300 characters from the middle, with 20 of them changed. */
  m = 300;
  pattern = g_memdup2 (text + 1000, sizeof (gunichar) * m);
  for (guint i = 0; i < 20; i++)
    pattern[i * 15 + 3] = 'x';

  matches = jj_approx_match_find (text, n, pattern, m, 256, 4);
  g_assert_cmpuint (matches->len, >, 0);
  g_assert_cmpuint (g_array_index (matches, JjApproxMatch, 0).errors, ==, 20);
  g_assert_cmpuint (g_array_index (matches, JjApproxMatch, 0).start, ==, 1000);
  g_assert_cmpuint (g_array_index (matches, JjApproxMatch, 0).end, ==, 1300);
}

static void
test_limits (void)
{
  const gunichar t[] = { 'a', 'b', 'c' };
  g_autoptr(GArray) none = NULL;

  g_assert_cmpuint (jj_approx_match_max_errors (10), ==, 5);
  g_assert_cmpuint (jj_approx_match_max_errors (100000), ==, 256);
  g_assert_cmpuint (jj_approx_match_distance (t, 3, t + 1, 2), ==, 1);

  none = jj_approx_match_find (t, 3, t, 0, 5, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/approx-match/against-naive", test_against_naive);
  g_test_add_func ("/approx-match/long-pattern", test_long_pattern);
  g_test_add_func ("/approx-match/limits", test_limits);

  return g_test_run ();
}
