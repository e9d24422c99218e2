/* test-text-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jj-text-search.h"

static void
test_find_all (void)
{
  const char *text = "文明城市\n创建文明城市，文明文明。";
  g_autoptr(GArray) m = jj_text_search_find_all (text, strlen (text), "文明", 0);

  g_assert_cmpuint (m->len, ==, 4);
  g_assert_cmpuint (g_array_index (m, JjTextRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (m, JjTextRange, 1).start, ==, 7);
  g_assert_cmpuint (g_array_index (m, JjTextRange, 1).end, ==, 9);
  g_assert_cmpuint (g_array_index (m, JjTextRange, 2).start, ==, 12);
  g_assert_cmpuint (g_array_index (m, JjTextRange, 3).start, ==, 14);
}

static void
test_no_overlap_and_case (void)
{
  const char *text = "aaaa GDP gdp";
  g_autoptr(GArray) a = jj_text_search_find_all (text, strlen (text), "aa", 0);
  g_autoptr(GArray) b = jj_text_search_find_all (text, strlen (text), "Gdp", 0);
  g_autoptr(GArray) c = jj_text_search_find_all (text, strlen (text), "a", 3);
  g_autoptr(GArray) d = jj_text_search_find_all (text, strlen (text), "", 0);
  g_autoptr(GArray) e = jj_text_search_find_all (text, strlen (text), "gdp gdp gdp", 0);

  g_assert_cmpuint (a->len, ==, 2);
  g_assert_cmpuint (g_array_index (a, JjTextRange, 1).start, ==, 2);
  g_assert_cmpuint (b->len, ==, 2);
  g_assert_cmpuint (c->len, ==, 3);
  g_assert_cmpuint (d->len, ==, 0);
  g_assert_cmpuint (e->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-search/find-all", test_find_all);
  g_test_add_func ("/text-search/overlap-case-limit", test_no_overlap_and_case);

  return g_test_run ();
}
