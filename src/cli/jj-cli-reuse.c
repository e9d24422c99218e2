/* jj-cli-reuse.c — jiejian-cli reuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-library.h"
#include "jj-reuse-checker.h"

static const char * const speech_extensions[] = {
  ".txt", ".text", ".docx", ".doc", ".odt", ".html", ".htm", ".md", ".markdown", NULL,
};

static gboolean
is_speech_name (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  if (name[0] == '.')
    return FALSE;
  for (guint i = 0; speech_extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, speech_extensions[i]))
      return TRUE;
  return FALSE;
}

/* Every speech under @folder; links are not followed. */
static void
collect_folder (GFile      *folder,
                GHashTable *paths)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children == NULL)
    return;

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (g_file_info_get_name (info)[0] != '.')
            collect_folder (child, paths);
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
               && is_speech_name (g_file_info_get_name (info)))
        g_hash_table_add (paths, g_file_get_path (child));
    }
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The speeches of the given folders, or of the library when none is given. */
static GPtrArray *
collect_sources (char **folders)
{
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *sorted;

  if (folders != NULL)
    {
      for (guint i = 0; folders[i] != NULL; i++)
        {
          g_autoptr(GFile) folder = g_file_new_for_path (folders[i]);

          collect_folder (folder, paths);
        }
    }
  else
    {
      g_autoptr(JjLibrary) library = jj_library_new (NULL);
      g_auto(GStrv) documents = NULL;
      g_auto(GStrv) library_folders = NULL;

      if (jj_library_load (library, NULL, NULL))
        {
          documents = jj_library_dup_document_paths (library);
          library_folders = jj_library_dup_folders (library);
          for (guint i = 0; documents != NULL && documents[i] != NULL; i++)
            if (g_file_test (documents[i], G_FILE_TEST_IS_REGULAR))
              g_hash_table_add (paths, g_strdup (documents[i]));
          for (guint i = 0; library_folders != NULL && library_folders[i] != NULL; i++)
            {
              g_autoptr(GFile) folder = g_file_new_for_path (library_folders[i]);

              collect_folder (folder, paths);
            }
        }
    }

  sorted = g_ptr_array_new_with_free_func (g_free);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, paths);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        g_ptr_array_add (sorted, key);
        g_hash_table_iter_steal (&iter);
      }
  }
  g_ptr_array_sort (sorted, compare_paths);

  return sorted;
}

static const char *
kind_to_string (JjReuseKind kind)
{
  return kind == JJ_REUSE_NEAR ? "near" : "verbatim";
}

static void
print_tsv (JjReuseChecker *checker,
           GArray         *stretches)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < stretches->len; i++)
    {
      const JjReuseStretch *s = &g_array_index (stretches, JjReuseStretch, i);

      g_string_append_printf (out, "%u\t%u\t", s->draft_start, s->draft_end);
      jj_cli_append_tsv_field (out, jj_reuse_checker_get_source_name (checker, s->source));
      g_string_append_printf (out, "\t%u\t%u\t%s\n", s->source_start, s->source_end, kind_to_string (s->kind));
    }
  fwrite (out->str, 1, out->len, stdout);
}

static void
print_json (JjReuseChecker *checker,
            const char     *draft,
            GArray         *stretches,
            GArray         *shares,
            double          total)
{
  g_autoptr(GString) out = g_string_new ("{\"draft\": ");

  jj_cli_append_json_string (out, draft);
  g_string_append_printf (out, ", \"share\": %.4f, \"sources\": [", total);
  for (guint i = 0; i < shares->len; i++)
    {
      const JjReuseShare *share = &g_array_index (shares, JjReuseShare, i);

      g_string_append (out, i > 0 ? ", {\"document\": " : "{\"document\": ");
      jj_cli_append_json_string (out, jj_reuse_checker_get_source_name (checker, share->source));
      g_string_append_printf (out, ", \"chars\": %u, \"share\": %.4f}", share->n_chars, share->share);
    }
  g_string_append (out, "], \"stretches\": [");
  for (guint i = 0; i < stretches->len; i++)
    {
      const JjReuseStretch *s = &g_array_index (stretches, JjReuseStretch, i);

      g_string_append_printf (out, "%s{\"draft_start\": %u, \"draft_end\": %u, \"source\": ",
                              i > 0 ? ", " : "", s->draft_start, s->draft_end);
      jj_cli_append_json_string (out, jj_reuse_checker_get_source_name (checker, s->source));
      g_string_append_printf (out, ", \"source_start\": %u, \"source_end\": %u, \"kind\": \"%s\"}",
                              s->source_start, s->source_end, kind_to_string (s->kind));
    }
  g_string_append (out, "]}\n");
  fwrite (out->str, 1, out->len, stdout);
}

int
jj_cli_reuse (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjReuseChecker) checker = NULL;
  g_autoptr(JjDocument) draft = NULL;
  g_autoptr(GFile) draft_file = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GArray) stretches = NULL;
  g_autoptr(GArray) shares = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft_path = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) folders = NULL;
  gint min_length = 13;
  double total = 0;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &folders, N_("Compare with the speeches in DIR and its subfolders (repeatable; default: the library)"), N_("DIR") },
    { "min", 0, 0, G_OPTION_ARG_INT, &min_length, N_("Report stretches of at least N characters (default 13)"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  const char *usage = "reuse DRAFT [--folder DIR]… [--min N] [--format tsv|json]";

  context = g_option_context_new (_("DRAFT — find the stretches of a draft taken from other speeches"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 1, usage))
    return 2;
  if (format != NULL && !g_str_equal (format, "tsv") && !g_str_equal (format, "json"))
    {
      jj_cli_print_error (_("unknown format “%s”: use tsv or json"), format);
      return 2;
    }
  if (min_length < 4)
    {
      jj_cli_print_error (_("--min must be at least 4 characters"));
      return 2;
    }
  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    if (!g_file_test (folders[i], G_FILE_TEST_IS_DIR))
      {
        jj_cli_print_error (_("“%s” is not a folder"), folders[i]);
        return 1;
      }

  draft_file = g_file_new_for_path (argv[1]);
  draft_path = g_file_get_path (draft_file);
  draft = jj_document_load (draft_file, JJ_LOAD_DEFAULT, NULL, &error);
  if (draft == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  checker = jj_reuse_checker_new ();
  jj_reuse_checker_set_min_length (checker, min_length);
  sources = collect_sources (folders);
  for (guint i = 0; i < sources->len; i++)
    {
      const char *path = g_ptr_array_index (sources, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(JjDocument) document = NULL;
      g_autoptr(GError) load_error = NULL;

      if (g_str_equal (path, draft_path))
        continue;
      file = g_file_new_for_path (path);
      document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &load_error);
      if (document == NULL)
        {
          jj_cli_print_error (_("%s: skipped: %s"), path, load_error->message);
          continue;
        }
      jj_reuse_checker_add_source (checker, path, jj_document_get_text (document));
    }

  stretches = jj_reuse_checker_check (checker, jj_document_get_text (draft), &shares, &total, NULL, &error);
  if (stretches == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  if (format != NULL && g_str_equal (format, "json"))
    print_json (checker, draft_path, stretches, shares, total);
  else
    print_tsv (checker, stretches);

  return 0;
}
