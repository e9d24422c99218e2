/* jj-legacy-doc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jj-document.h"
#include "jj-legacy-doc.h"

static char *
find_soffice (void)
{
  const char *override = g_getenv ("JJ_SOFFICE");

  if (override != NULL)
    return g_file_test (override, G_FILE_TEST_IS_EXECUTABLE) ? g_strdup (override) : NULL;

  {
    char *path = g_find_program_in_path ("soffice");

    if (path == NULL)
      path = g_find_program_in_path ("libreoffice");

    return path;
  }
}

gboolean
jj_legacy_doc_can_convert (void)
{
  g_autofree char *path = find_soffice ();

  return path != NULL;
}

/* LibreOffice can hang on a damaged file: it gets this long. */
#define CONVERSION_TIMEOUT_SECONDS 120

/* A document can link images and other files on the network, which
 * LibreOffice fetches while converting: a beacon telling that the file
 * was opened, which can reach hosts inside the network. LibreOffice runs
 * in network and PID namespaces of its own where the system allows it
 * (all of it dies with the first process), and always with links to
 * outside blocked and no proxy, in a process group of its own.
 */
static const char * const sandbox_argv[] = {
  "--map-current-user", "--net", "--pid", "--fork", "--kill-child", NULL
};

static const char profile_settings[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
  "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
  "<item oor:path=\"/org.openoffice.Office.Common/Security/Scripting\">"
  "<prop oor:name=\"BlockUntrustedRefererLinks\" oor:op=\"fuse\"><value>true</value></prop></item>\n"
  "<item oor:path=\"/org.openoffice.Office.Common/Misc\">"
  "<prop oor:name=\"UseLocking\" oor:op=\"fuse\"><value>false</value></prop></item>\n"
  "<item oor:path=\"/org.openoffice.Inet/Settings\">"
  "<prop oor:name=\"ooInetProxyType\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
  "<item oor:path=\"/org.openoffice.Office.Writer/Content/Update\">"
  "<prop oor:name=\"Link\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
  "</oor:items>\n";

/* The path of unshare(1) when it can make the namespaces here, checked
 * once by running it: containers and hardened kernels often refuse user
 * namespaces. JJ_SOFFICE_SANDBOX=none turns it off, for tests.
 */
static const char *
find_sandbox (void)
{
  static gsize once = 0;
  static char *path = NULL;

  if (g_once_init_enter (&once))
    {
      const char *setting = g_getenv ("JJ_SOFFICE_SANDBOX");
      char *unshare = NULL;

      if (g_strcmp0 (setting, "none") != 0)
        unshare = g_find_program_in_path ("unshare");
      if (unshare != NULL)
        {
          g_autoptr(GPtrArray) argv = g_ptr_array_new ();
          int status = 0;

          g_ptr_array_add (argv, unshare);
          for (guint i = 0; sandbox_argv[i] != NULL; i++)
            g_ptr_array_add (argv, (char *)sandbox_argv[i]);
          g_ptr_array_add (argv, (char *)"true");
          g_ptr_array_add (argv, NULL);
          if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL,
                             G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                             NULL, NULL, NULL, NULL, &status, NULL) ||
              !g_spawn_check_wait_status (status, NULL))
            g_clear_pointer (&unshare, g_free);
        }
      path = unshare;
      g_once_init_leave (&once, 1);
    }

  return path;
}

gboolean
jj_legacy_doc_is_sandboxed (void)
{
  return find_sandbox () != NULL;
}

static void
child_setup (gpointer user_data)
{
  /* A process group, and a session, of its own: killed whole. */
  setsid ();
}

/* Kills what is left of the group led by @proc and waits, a little, until
 * it is gone, so that nothing writes to the temporary folder after it was
 * removed.
 */
static void
kill_group (GSubprocess *proc)
{
  const char *id = g_subprocess_get_identifier (proc);
  pid_t pgid;

  if (id == NULL)
    return;
  pgid = (pid_t)g_ascii_strtoll (id, NULL, 10);
  if (pgid <= 1)
    return;

  kill (-pgid, SIGKILL);
  for (guint i = 0; i < 250; i++)
    {
      if (kill (-pgid, 0) < 0 && errno == ESRCH)
        break;
      g_usleep (20 * 1000);
    }
}

typedef struct
{
  GSubprocess *proc;
  gboolean     done;
  gboolean     timed_out;
  GError      *error;
} Wait;

static void
wait_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *w = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, &w->error);
  w->done = TRUE;
}

static gboolean
wait_timeout (gpointer user_data)
{
  Wait *w = user_data;

  w->timed_out = TRUE;
  kill_group (w->proc);

  return G_SOURCE_REMOVE;
}

/* Waits for @proc on a private main context, so it works in the loader's
 * thread, and kills it after the timeout.
 */
static gboolean
wait_with_timeout (GSubprocess   *proc,
                   GCancellable  *cancellable,
                   gboolean      *timed_out,
                   GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timeout = NULL;
  Wait w = { proc, FALSE, FALSE, NULL };

  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (proc, cancellable, wait_done, &w);
  {
    const char *env = g_getenv ("JJ_SOFFICE_TIMEOUT");
    /* Seconds, fractions too (the tests cut a conversion short). */
    double seconds = env ? CLAMP (g_ascii_strtod (env, NULL), 0.05, 3600) : CONVERSION_TIMEOUT_SECONDS;

    timeout = g_timeout_source_new ((guint) (seconds * 1000));
  }
  g_source_set_callback (timeout, wait_timeout, &w, NULL);
  g_source_attach (timeout, context);

  while (!w.done)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  *timed_out = w.timed_out;
  if (w.error != NULL)
    {
      /* cancelled: do not leave LibreOffice running */
      kill_group (proc);
      g_propagate_error (error, w.error);
      return FALSE;
    }

  return TRUE;
}

static void
remove_tree (GFile *dir)
{
  g_autoptr(GFileEnumerator) e = NULL;

  e = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (e != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (e, &info, &child, NULL, NULL) && info != NULL)
        {
          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
            remove_tree (child);
          else
            g_file_delete (child, NULL, NULL);
        }
    }

  g_file_delete (dir, NULL, NULL);
}

GBytes *
jj_legacy_doc_convert (const char    *data,
                       gsize          n_bytes,
                       const char    *display_name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *soffice = find_soffice ();
  g_autofree char *dir = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *user_dir = NULL;
  g_autofree char *settings = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GFile) dir_file = NULL;
  gsize len = 0;
  GBytes *result = NULL;

  if (soffice == NULL)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_NEEDS_CONVERTER,
                   _("“%s” is an old Word document (.doc). Install LibreOffice Writer to open it "
                     "here, or open it in a word processor and save it as .docx."),
                   display_name);
      return NULL;
    }

  dir = g_dir_make_tmp ("jiejian-doc-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  dir_file = g_file_new_for_path (dir);

  input = g_build_filename (dir, "document.doc", NULL);
  output = g_build_filename (dir, "document.docx", NULL);
  profile = g_build_filename (dir, "profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  user_dir = g_build_filename (profile, "user", NULL);
  settings = g_build_filename (user_dir, "registrymodifications.xcu", NULL);
  tmp = g_build_filename (dir, "tmp", NULL);

  if (!g_file_set_contents (input, data, n_bytes, error))
    goto out;
  if (g_mkdir_with_parents (tmp, 0700) != 0 || g_mkdir_with_parents (user_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("A temporary folder for LibreOffice cannot be made: %s."), g_strerror (saved_errno));
      goto out;
    }
  if (!g_file_set_contents (settings, profile_settings, -1, error))
    goto out;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  /* Its temporary files go where they are removed; no proxy. */
  g_subprocess_launcher_setenv (launcher, "TMPDIR", tmp, TRUE);
  for (guint i = 0; i < 2; i++)
    {
      static const char * const proxies[] = { "http_proxy", "https_proxy", "ftp_proxy", "all_proxy" };

      for (guint k = 0; k < G_N_ELEMENTS (proxies); k++)
        {
          g_autofree char *name = i == 0 ? g_strdup (proxies[k]) : g_ascii_strup (proxies[k], -1);

          g_subprocess_launcher_unsetenv (launcher, name);
        }
    }

  argv = g_ptr_array_new_with_free_func (g_free);
  if (find_sandbox () != NULL)
    {
      g_ptr_array_add (argv, g_strdup (find_sandbox ()));
      for (guint i = 0; sandbox_argv[i] != NULL; i++)
        g_ptr_array_add (argv, g_strdup (sandbox_argv[i]));
    }
  g_ptr_array_add (argv, g_strdup (soffice));
  g_ptr_array_add (argv, g_strdup ("--headless"));
  g_ptr_array_add (argv, g_strdup ("--norestore"));
  g_ptr_array_add (argv, g_strdup ("--nologo"));
  g_ptr_array_add (argv, g_strdup ("--nolockcheck"));
  g_ptr_array_add (argv, g_strdup ("--nodefault"));
  /* its own profile, so a LibreOffice already running is not disturbed */
  g_ptr_array_add (argv, g_strconcat ("-env:UserInstallation=", profile_uri, NULL));
  g_ptr_array_add (argv, g_strdup ("--convert-to"));
  g_ptr_array_add (argv, g_strdup ("docx"));
  g_ptr_array_add (argv, g_strdup ("--outdir"));
  g_ptr_array_add (argv, g_strdup (dir));
  g_ptr_array_add (argv, g_strdup (input));
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, error);
  if (proc == NULL)
    goto out;

  {
    gboolean timed_out = FALSE;

    if (!wait_with_timeout (proc, cancellable, &timed_out, error))
      goto out;

    if (timed_out)
      {
        g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                     _("LibreOffice took too long to convert “%s”; the file may be damaged."),
                     display_name);
        goto out;
      }
  }

  if (!g_file_get_contents (output, &contents, &len, NULL))
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("LibreOffice could not convert “%s”: the file may be damaged."), display_name);
      goto out;
    }

  result = g_bytes_new_take (g_steal_pointer (&contents), len);

out:
  /* Whatever LibreOffice started goes with it, before its folder. */
  if (proc != NULL)
    kill_group (proc);
  remove_tree (dir_file);

  return result;
}
