/* jj-legacy-doc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
  g_subprocess_force_exit (w->proc);

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
    guint seconds = env ? (guint)CLAMP (g_ascii_strtoull (env, NULL, 10), 1, 3600) : CONVERSION_TIMEOUT_SECONDS;

    timeout = g_timeout_source_new_seconds (seconds);
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
      g_subprocess_force_exit (proc);
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
  g_autoptr(GSubprocess) proc = NULL;
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

  if (!g_file_set_contents (input, data, n_bytes, error))
    goto out;

  {
    /* its own profile, so a LibreOffice already running is not disturbed */
    g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);

    proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                             error,
                             soffice, "--headless", "--norestore", "--nologo", "--nolockcheck",
                             env_arg, "--convert-to", "docx", "--outdir", dir, input, NULL);
  }
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
  remove_tree (dir_file);

  return result;
}
