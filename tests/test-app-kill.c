/* test-app-kill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "jj-sidecar.h"
#include "test-files.h"

/* The real app, killed with SIGKILL hundreds of times while it marks and
 * saves: after each kill the marks file parses and holds every mark the
 * app had said it saved. The app marks random passages by itself
 * (JJ_DEBUG_AUTOMARK, through the same selection and action as the keys
 * 1 to 9) and logs the ids each save wrote (G_MESSAGES_DEBUG). The marks
 * file grows over ten kills, so that each start reads what a killed one
 * left, then the speech starts afresh.
 */

#define DEFAULT_ROUNDS 200
#define ROUNDS_PER_SPEECH 10
#define MARK_EVERY_MS "30"
#define SAVE_DELAY_MS 10
#define LOADING_WINDOW_US 600000   /* from the start */
#define STARTING_WINDOW_US 400000  /* from "Marking a random passage" */
#define MARKING_WINDOW_US 200000   /* from the first "Saved marks" */

typedef struct
{
  char        *dir;
  char        *speech_dir;
  char        *doc;
  char        *sidecar;
  char       **env;
  const char  *app;
  const char  *sample;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char *subdirs[] = { "home", "config", "data", "cache", "state", "speech" };
  static const char *vars[] = { "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  g_autoptr(GError) error = NULL;
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *delay = NULL;

  f->dir = g_dir_make_tmp ("jj-app-kill-XXXXXX", &error);
  g_assert_no_error (error);

  f->env = g_get_environ ();
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, subdirs[i], NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      if (i < G_N_ELEMENTS (vars))
        f->env = g_environ_setenv (f->env, vars[i], path, TRUE);
    }
  f->speech_dir = g_build_filename (f->dir, "speech", NULL);
  f->doc = g_build_filename (f->speech_dir, "speech.txt", NULL);
  f->sidecar = g_strconcat (f->doc, JJ_SIDECAR_SUFFIX, NULL);

  /* The app's own save-delay setting, short, so that a kill often falls
   * while it writes; in a settings file of its own. */
  settings_dir = g_build_filename (f->dir, "config", "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  delay = g_strdup_printf ("[org/jiejian/Jiejian]\nsave-delay=uint32 %u\n", SAVE_DELAY_MS);
  g_file_set_contents (keyfile, delay, -1, &error);
  g_assert_no_error (error);

  f->env = g_environ_setenv (f->env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  f->env = g_environ_setenv (f->env, "G_MESSAGES_DEBUG", "Jiejian", TRUE);
  f->env = g_environ_setenv (f->env, "JJ_DEBUG_AUTOMARK", MARK_EVERY_MS, TRUE);
  /* The accessibility bus only slows every start. */
  f->env = g_environ_setenv (f->env, "GTK_A11Y", "none", TRUE);

  f->app = g_test_get_filename (G_TEST_BUILT, "..", "src", "app", "jiejian", NULL);
  f->sample = g_test_get_filename (G_TEST_DIST, "..", "data", "samples",
                                   "civilized-city-speech.webpage.txt", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jj_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->speech_dir);
  g_free (f->doc);
  g_free (f->sidecar);
  g_strfreev (f->env);
}

/* Files a killed save left beside the speech, besides the marks file
 * and its backup: temporary files it was writing. */
static guint
count_leftovers (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->speech_dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "speech.txt") &&
        !g_str_equal (name, "speech.txt" JJ_SIDECAR_SUFFIX) &&
        !g_str_equal (name, "speech.txt" JJ_SIDECAR_SUFFIX ".bak"))
      n++;

  return n;
}

static void
new_speech (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  jj_test_remove_tree (f->speech_dir);
  g_assert_cmpint (g_mkdir (f->speech_dir, 0700), ==, 0);
  g_file_get_contents (f->sample, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (f->doc, contents, length, &error);
  g_assert_no_error (error);
}

/* Lines "…: Saved marks: N: ID ID …"; returns how many. */
static guint
collect_saved (const char *output,
               GHashTable *ids)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n_saves = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *saved = strstr (lines[i], "Saved marks: ");
      const char *list;
      g_auto(GStrv) words = NULL;
      guint n = 0;

      /* A line cut short by the kill was not a report. */
      if (saved == NULL || lines[i + 1] == NULL)
        continue;
      list = strstr (saved, ": ");
      list = strstr (list + 2, ": ");
      g_assert_nonnull (list);
      words = g_strsplit (list + 2, " ", -1);
      for (guint j = 0; words[j] != NULL; j++)
        if (words[j][0] != '\0')
          {
            g_assert_true (g_uuid_string_is_valid (words[j]));
            g_hash_table_add (ids, g_strdup (words[j]));
            n++;
          }
      g_assert_cmpuint (n, ==, strtoul (saved + strlen ("Saved marks: "), NULL, 10));
      n_saves++;
    }

  return n_saves;
}

static char *
read_all (GInputStream *in)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  char buf[8192];
  gssize n;

  while ((n = g_input_stream_read (in, buf, sizeof buf, NULL, NULL)) > 0)
    g_byte_array_append (bytes, (guint8 *) buf, n);
  g_byte_array_append (bytes, (guint8 *) "", 1);

  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* Reads the app's output until a line holding @what; fails if it ends first. */
static void
read_until (GDataInputStream *in,
            GString          *output,
            const char       *what,
            guint             round)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("The app ended before “%s” (round %u):\n%s", what, round, output->str);
      g_string_append (output, line);
      g_string_append_c (output, '\n');
      if (strstr (line, what) != NULL)
        return;
    }
}

typedef enum
{
  KILL_LOADING,     /* at any time from the start, mostly while it loads */
  KILL_STARTING,    /* after it starts marking, before or after its first save */
  KILL_MARKING,     /* once it has saved: marking and saving steadily */
  N_KILL_PHASES
} KillPhase;

static void
test_app_kill (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GHashTable) all_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  const char *rounds_env = g_getenv ("JJ_APP_KILL_ROUNDS");
  guint rounds = rounds_env != NULL ? (guint) strtoul (rounds_env, NULL, 10) : DEFAULT_ROUNDS;
  guint n_saves = 0, n_ready = 0, n_leftovers = 0;
  guint n_phase[N_KILL_PHASES] = { 0, };
  gint64 ready_us = 0;
  gint64 t0 = g_get_monotonic_time ();

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("No display");
      return;
    }
  if (!g_file_test (f->app, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("The app is not built");
      return;
    }

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GDataInputStream) in = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JjSidecar) sidecar = NULL;
      g_autoptr(GString) output = g_string_new (NULL);
      g_autofree char *rest = NULL;
      guint dice = g_rand_int_range (rand, 0, 10);
      KillPhase phase = dice == 0 ? KILL_LOADING : dice == 1 ? KILL_STARTING : KILL_MARKING;
      gint64 started = g_get_monotonic_time ();
      GHashTableIter iter;
      gpointer id;

      if (round % ROUNDS_PER_SPEECH == 0)
        {
          n_leftovers += count_leftovers (f);
          new_speech (f);
          g_clear_pointer (&ids, g_hash_table_unref);
          ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        }

      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
      g_subprocess_launcher_set_environ (launcher, f->env);
      proc = g_subprocess_launcher_spawn (launcher, &error, f->app, f->doc, NULL);
      g_assert_no_error (error);
      in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));

      n_phase[phase]++;
      switch (phase)
        {
        case KILL_LOADING:
          g_usleep (g_rand_int_range (rand, 0, LOADING_WINDOW_US));
          break;
        case KILL_STARTING:
          read_until (in, output, "Marking a random passage", round);
          ready_us += g_get_monotonic_time () - started;
          n_ready++;
          g_usleep (g_rand_int_range (rand, 0, STARTING_WINDOW_US));
          break;
        case KILL_MARKING:
        case N_KILL_PHASES:
        default:
          read_until (in, output, "Marking a random passage", round);
          ready_us += g_get_monotonic_time () - started;
          n_ready++;
          read_until (in, output, "Saved marks: ", round);
          g_usleep (g_rand_int_range (rand, 0, MARKING_WINDOW_US));
          break;
        }

      g_subprocess_send_signal (proc, SIGKILL);
      rest = read_all (G_INPUT_STREAM (in));
      g_string_append (output, rest);
      g_subprocess_wait (proc, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (proc));
      g_assert_cmpint (g_subprocess_get_term_sig (proc), ==, SIGKILL);

      n_saves += collect_saved (output->str, ids);

      if (g_hash_table_size (ids) == 0 && !g_file_test (f->sidecar, G_FILE_TEST_EXISTS))
        continue;

      sidecar = jj_sidecar_load (f->sidecar, &error);
      if (error != NULL)
        g_error ("The marks file does not load after kill %u: %s", round, error->message);
      g_assert_nonnull (sidecar);

      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        {
          JjMark *mark = jj_sidecar_lookup (sidecar, id);

          if (mark == NULL || jj_mark_get_deleted (mark))
            g_error ("Mark %s was reported saved but is not in the marks file after kill %u",
                     (char *) id, round);
          g_hash_table_add (all_ids, g_strdup (id));
        }
    }

  n_leftovers += count_leftovers (f);
  g_test_message ("%u kills (%u while loading, %u before or at the first save, %u while marking) in %.1f s; "
                  "ready to mark %.2f s after the start on average; "
                  "%u saves reported, %u marks reported saved, all in the marks file; "
                  "%u temporary files left by killed saves",
                  rounds, n_phase[KILL_LOADING], n_phase[KILL_STARTING], n_phase[KILL_MARKING],
                  (g_get_monotonic_time () - t0) / 1e6,
                  n_ready > 0 ? ready_us / 1e6 / n_ready : 0.0,
                  n_saves, g_hash_table_size (all_ids), n_leftovers);
  g_assert_cmpuint (g_hash_table_size (all_ids), >=, rounds);
}

static char *
wait_for_log (const char *log,
              const char *what,
              gint64      timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;

  for (;;)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (log, &contents, NULL, NULL) && strstr (contents, what) != NULL)
        return g_steal_pointer (&contents);
      if (g_get_monotonic_time () > deadline)
        g_error ("The app did not log “%s” in time:\n%s", what, contents != NULL ? contents : "");
      g_usleep (20000);
    }
}

#define N_WRITERS 2
#define MARKS_PER_WRITER 40

/* Issue 15: the app marking by itself and saving every few milliseconds
 * while two jiejian-cli writers add 40 marks each to the same speech:
 * every mark a writer printed and every mark the app said it saved is
 * in the marks file in the end.
 */
static void
test_app_and_cli_writers (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GHashTable) app_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = g_build_filename (f->dir, "app.log", NULL);
  g_autofree char *output = NULL;
  GSubprocess *writers[N_WRITERS];
  const char *cli = g_test_get_filename (G_TEST_BUILT, "..", "src", "cli", "jiejian-cli", NULL);
  const char *script =
    "i=0; while [ $i -lt $3 ]; do s=$(( (i * 37 + $4) % 1000 ));"
    " \"$1\" mark \"$2\" --start $s --end $((s + 5)) --kind fact || echo FAILED;"
    " i=$((i + 1)); done";
  guint n_cli = 0;
  GHashTableIter iter;
  gpointer id;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("No display");
      return;
    }
  if (!g_file_test (f->app, G_FILE_TEST_IS_EXECUTABLE) || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("The app or jiejian-cli is not built");
      return;
    }

  new_speech (f);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_environ (launcher, f->env);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  app = g_subprocess_launcher_spawn (launcher, &error, f->app, f->doc, NULL);
  g_assert_no_error (error);
  g_free (wait_for_log (log, "Saved marks: ", 60 * G_USEC_PER_SEC));

  for (guint w = 0; w < N_WRITERS; w++)
    {
      g_autofree char *count = g_strdup_printf ("%u", MARKS_PER_WRITER);
      g_autofree char *offset = g_strdup_printf ("%u", w * 500);

      writers[w] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                     "/bin/sh", "-c", script, "sh", cli, f->doc, count, offset, NULL);
      g_assert_no_error (error);
    }

  for (guint w = 0; w < N_WRITERS; w++)
    {
      g_autofree char *ids = NULL;
      g_auto(GStrv) lines = NULL;

      g_subprocess_communicate_utf8 (writers[w], NULL, NULL, &ids, NULL, &error);
      g_assert_no_error (error);
      g_object_unref (writers[w]);
      lines = g_strsplit (ids, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (lines[i][0] == '\0')
            continue;
          g_assert_cmpstr (lines[i], !=, "FAILED");
          g_assert_true (g_uuid_string_is_valid (lines[i]));
          g_hash_table_add (app_ids, g_strdup (lines[i]));
          n_cli++;
        }
    }
  g_assert_cmpuint (n_cli, ==, N_WRITERS * MARKS_PER_WRITER);

  /* A little more marking by the app, then it is killed. */
  g_usleep (500000);
  g_subprocess_send_signal (app, SIGKILL);
  g_subprocess_wait (app, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (log, &output, NULL, NULL));
  collect_saved (output, app_ids);
  sidecar = jj_sidecar_load (f->sidecar, &error);
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, app_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      JjMark *mark = jj_sidecar_lookup (sidecar, id);

      if (mark == NULL || jj_mark_get_deleted (mark))
        g_error ("Mark %s is not in the marks file", (char *) id);
    }
  g_test_message ("%u marks by %u jiejian-cli writers and %u by the app, all %u in the marks file",
                  n_cli, N_WRITERS, g_hash_table_size (app_ids) - n_cli, g_hash_table_size (app_ids));
  g_assert_cmpuint (g_hash_table_size (app_ids), >, n_cli);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/app-kill/sigkill-while-marking", Fixture, NULL,
              fixture_set_up, test_app_kill, fixture_tear_down);
  g_test_add ("/app-kill/app-and-cli-writers", Fixture, NULL,
              fixture_set_up, test_app_and_cli_writers, fixture_tear_down);

  return g_test_run ();
}
