/* test-fuzz-regressions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "fuzz/fuzz-targets.h"

/* Every seed and every input a fuzzer once crashed on goes through the
 * harness's entry point again, in the ordinary build.
 */
static guint
replay_dir (const JjFuzzHarness *harness,
            const char          *kind)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", kind, harness->name, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      g_file_get_contents (file, &contents, &length, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s", harness->name, file);
      harness->run ((const guint8 *) contents, length);
    }

  return names->len;
}

static void
test_replay (gconstpointer data)
{
  const JjFuzzHarness *harness = data;
  guint n_seeds = replay_dir (harness, "seeds");
  guint n_regressions = replay_dir (harness, "regressions");

  g_test_message ("%s: %u seeds, %u regressions", harness->name, n_seeds, n_regressions);
  /* Every harness has seeds, so a missing directory fails here. */
  g_assert_cmpuint (n_seeds, >, 0);
}

static void
test_empty_input (gconstpointer data)
{
  const JjFuzzHarness *harness = data;

  harness->run ((const guint8 *) "", 0);
  harness->run ((const guint8 *) "\0\0\0\0\0", 5);
}

int
main (int   argc,
      char *argv[])
{
  const JjFuzzHarness *harnesses;
  guint n_harnesses;

  g_test_init (&argc, &argv, NULL);
  jj_fuzz_init ();

  harnesses = jj_fuzz_get_harnesses (&n_harnesses);
  for (guint i = 0; i < n_harnesses; i++)
    {
      g_autofree char *replay = g_strdup_printf ("/fuzz/%s/replay", harnesses[i].name);
      g_autofree char *empty = g_strdup_printf ("/fuzz/%s/empty", harnesses[i].name);

      g_test_add_data_func (replay, &harnesses[i], test_replay);
      g_test_add_data_func (empty, &harnesses[i], test_empty_input);
    }

  return g_test_run ();
}
