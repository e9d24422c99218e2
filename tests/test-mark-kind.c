/* test-mark-kind.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jj-mark-kind.h"

static void
test_kinds_in_key_order (void)
{
  static const char *expected[] = { "borrow", "golden", "outline", "wording", "fact", "doubt" };

  g_assert_cmpuint (jj_mark_kind_get_n_kinds (), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (jj_mark_kind_get_nth (i)->key, ==, expected[i]);
}

static void
test_lookup (void)
{
  g_assert_nonnull (jj_mark_kind_lookup ("fact"));
  g_assert_null (jj_mark_kind_lookup ("nonsense"));
  g_assert_null (jj_mark_kind_lookup (NULL));

  /* A kind written by a newer version is shown by its key, never lost. */
  g_assert_cmpstr (jj_mark_kind_get_label ("future-kind"), ==, "future-kind");
  g_assert_cmpstr (jj_mark_kind_get_label ("borrow"), ==, "Borrow");
  g_assert_cmpstr (jj_mark_kind_get_color ("borrow"), ==, "#f6d32d");
  g_assert_cmpstr (jj_mark_kind_get_color ("future-kind"), ==, "#deddda");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mark-kind/order", test_kinds_in_key_order);
  g_test_add_func ("/mark-kind/lookup", test_lookup);

  return g_test_run ();
}
