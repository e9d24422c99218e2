/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>

#include <string.h>

#include "jj-application.h"
#include "jj-document.h"
#include "jj-language.h"

/* Without a GPU device, OpenGL is Mesa's software rasterizer: slower
 * than cairo at drawing text, and loading it with LLVM costs over 100 MB
 * of memory. GTK 4.14 and later skip their GPU renderers on llvmpipe;
 * this makes the same choice for GTK 4.8, before GDK loads the GL driver
 * at all. What the user sets in GDK_DEBUG or GSK_RENDERER wins.
 */
static gboolean
has_gpu_device (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD") || g_str_has_prefix (name, "card"))
      return TRUE;

  return g_file_test ("/dev/nvidiactl", G_FILE_TEST_EXISTS);
}

/* GDK has read GDK_DEBUG once initialized, GSK reads GSK_RENDERER when
 * the first window is realized: programs launched from here must not
 * inherit them.
 */
static void
forget_renderer (GtkWidget *window)
{
  g_unsetenv ("GSK_RENDERER");
}

static void
first_window_added (GtkApplication *app,
                    GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, first_window_added, NULL);
  g_signal_connect_after (window, "realize", G_CALLBACK (forget_renderer), NULL);
}

static void
forget_gl_choice (GApplication *app)
{
  g_unsetenv ("GDK_DEBUG");
}

/* Cairo is named as well, or GSK would first try GL and say on the
 * terminal that it is disabled. */
static void
choose_renderer (GApplication *app)
{
  if (g_getenv ("GDK_DEBUG") != NULL || g_getenv ("GSK_RENDERER") != NULL || has_gpu_device ())
    return;

  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_signal_connect (app, "startup", G_CALLBACK (forget_gl_choice), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (first_window_added), NULL);
}

/* Opening a speech passes its text through several stages, each making
 * a new copy of a few MB. glibc gives every such buffer its own mapping
 * and returns it to the kernel when freed, so the next stage faults in
 * fresh pages again, about 11 µs each on a virtual machine. Served from
 * the heap and kept for reuse (up to 64 MB), opening a 5 MB text takes
 * 3,000 fewer page faults.
 */
static void
tune_malloc (void)
{
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
}

/* Opening a speech runs a burst of tasks in GLib's shared thread pool:
 * the import, the marks, the fingerprint, and GTK's loading of every icon
 * of the window, about ten threads at once. GLib keeps two of them when the
 * burst is over and ends the others half a second later. Kept (GLib still
 * ends them after 15 s of idleness), they serve the next document and the
 * next popover's icons without new threads being started.
 */
static void
tune_threads (void)
{
  g_thread_pool_set_max_unused_threads (12);
}

/* GApplication makes files of the arguments with
 * g_file_new_for_commandline_arg(), which takes "a:b.txt" for a URI of a
 * scheme nobody knows. Each file argument is given to it as the URI of
 * what jj_document_file_for_arg() makes of it; the strings are kept in
 * @keep.
 */
static void
resolve_file_arguments (int        argc,
                        char     **argv,
                        GPtrArray *keep)
{
  gboolean files_only = FALSE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = NULL;
      char *uri;

      if (!files_only && strcmp (argv[i], "--") == 0)
        {
          files_only = TRUE;
          continue;
        }
      if (!files_only && argv[i][0] == '-')
        {
          /* The one option of GApplication whose value stands apart. */
          if (strcmp (argv[i], "--gapplication-app-id") == 0)
            i++;
          continue;
        }

      file = jj_document_file_for_arg (argv[i]);
      uri = g_file_get_uri (file);
      g_ptr_array_add (keep, uri);
      argv[i] = uri;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JjApplication) app = NULL;
  g_autoptr(GPtrArray) arguments = g_ptr_array_new_with_free_func (g_free);

  tune_malloc ();
  tune_threads ();
  jj_language_prefer_chinese_glyphs ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = jj_application_new ();
  choose_renderer (G_APPLICATION (app));

  resolve_file_arguments (argc, argv, arguments);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
