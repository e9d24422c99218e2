/* jj-cli-search.c — jiejian-cli search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "jj-cli.h"
#include "jj-library.h"
#include "jj-text-index.h"

static void
add_path (GPtrArray  *paths,
          GHashTable *seen,
          const char *path)
{
  if (!g_hash_table_contains (seen, path))
    {
      g_hash_table_add (seen, g_strdup (path));
      g_ptr_array_add (paths, g_strdup (path));
    }
}

static void
add_folder_documents (GPtrArray  *paths,
                      GHashTable *seen,
                      GFile      *folder)
{
  g_auto(GStrv) found = jj_text_index_collect_documents (folder, NULL);

  for (guint i = 0; found[i] != NULL; i++)
    add_path (paths, seen, found[i]);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  g_printerr ("\r%s", "");
  /* Translators: shown while the full-text index is built */
  g_printerr (_("Indexing speeches: %u of %u"), done, total);
  if (done == total)
    g_printerr ("\n");
}

/**
 * jj_cli_collect_speeches:
 * @folders: (nullable): the folders given with --folder
 *
 * The speeches of @folders and their subfolders; without folders, the
 * library's: those the user opened and those in the library's folders.
 * On failure, *status is the exit status and NULL is returned.
 *
 * Returns: (transfer full): paths, each once
 */
GPtrArray *
jj_cli_collect_speeches (char **folders,
                         int   *status)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *status = 0;
  if (folders != NULL && folders[0] != NULL)
    {
      for (guint i = 0; folders[i] != NULL; i++)
        {
          g_autoptr(GFile) folder = g_file_new_for_commandline_arg (folders[i]);

          if (!g_file_test (g_file_peek_path (folder), G_FILE_TEST_IS_DIR))
            {
              jj_cli_print_error (_("“%s” is not a folder"), folders[i]);
              *status = 1;
              return NULL;
            }
          add_folder_documents (paths, seen, folder);
        }
    }
  else
    {
      g_autoptr(JjLibrary) library = jj_library_new (NULL);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) documents = NULL;
      g_auto(GStrv) library_folders = NULL;

      if (!jj_library_load (library, NULL, &error))
        {
          jj_cli_print_error ("%s", error->message);
          *status = 1;
          return NULL;
        }
      documents = jj_library_dup_document_paths (library);
      for (guint i = 0; documents[i] != NULL; i++)
        add_path (paths, seen, documents[i]);
      library_folders = jj_library_dup_folders (library);
      for (guint i = 0; library_folders[i] != NULL; i++)
        {
          g_autoptr(GFile) folder = g_file_new_for_path (library_folders[i]);

          add_folder_documents (paths, seen, folder);
        }
    }

  return g_steal_pointer (&paths);
}

/**
 * jj_cli_open_text_index:
 * @folders: (nullable): the folders given with --folder
 *
 * With folders, their speeches make an index of their own in the cache
 * folder; without, the index holds the library's speeches: those the user
 * opened and those in the library's folders. Either is brought up to date.
 */
JjTextIndex *
jj_cli_open_text_index (char **folders,
                        int   *status)
{
  g_autoptr(JjTextIndex) index = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;

  paths = jj_cli_collect_speeches (folders, status);
  if (paths == NULL)
    return NULL;

  if (folders != NULL && folders[0] != NULL)
    {
      /* The folders' own index, named after them. */
      g_autoptr(GString) key = g_string_new (NULL);
      g_autofree char *digest = NULL;
      g_autofree char *name = NULL;

      for (guint i = 0; folders[i] != NULL; i++)
        {
          g_autoptr(GFile) folder = g_file_new_for_commandline_arg (folders[i]);

          g_string_append (key, g_file_peek_path (folder));
          g_string_append_c (key, '\n');
        }
      digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key->str, key->len);
      name = g_strdup_printf ("text-index-%.16s.sqlite", digest);
      file = g_file_new_build_filename (g_get_user_cache_dir (), "jiejian", name, NULL);
    }
  else
    file = jj_text_index_dup_default_file ();

  index = jj_text_index_new (file);
  if (!jj_text_index_open (index, &error))
    {
      jj_cli_print_error ("%s", error->message);
      *status = 1;
      return NULL;
    }

  g_ptr_array_add (paths, NULL);
  if (!jj_text_index_update (index, (const char * const *)paths->pdata, NULL,
                             isatty (STDERR_FILENO) ? on_progress : NULL, NULL, &error))
    {
      jj_cli_print_error ("%s", error->message);
      *status = 1;
      return NULL;
    }

  return g_steal_pointer (&index);
}

static void
print_tsv (GPtrArray *hits)
{
  g_autoptr(GString) out = g_string_new ("document\tstart\tend\tsection\tcontext\n");

  for (guint i = 0; i < hits->len; i++)
    {
      JjTextHit *hit = g_ptr_array_index (hits, i);

      jj_cli_append_tsv_field (out, hit->path);
      g_string_append_printf (out, "\t%u\t%u\t", hit->start, hit->end);
      jj_cli_append_tsv_field (out, hit->section);
      g_string_append_c (out, '\t');
      jj_cli_append_tsv_field (out, hit->context);
      g_string_append_c (out, '\n');
    }

  fwrite (out->str, 1, out->len, stdout);
}

void
jj_cli_append_json_hit (GString         *out,
                        const JjTextHit *hit)
{
  g_autofree char *date = NULL;

  if (hit->date != 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (hit->date);

      date = g_date_time_format (time, "%Y-%m-%d");
    }

  g_string_append (out, "{\"document\": ");
  jj_cli_append_json_string (out, hit->path);
  g_string_append (out, ", \"title\": ");
  jj_cli_append_json_string (out, hit->title);
  g_string_append (out, ", \"date\": ");
  jj_cli_append_json_string (out, date);
  g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"section\": ", hit->start, hit->end);
  jj_cli_append_json_string (out, hit->section);
  g_string_append (out, ", \"context\": ");
  jj_cli_append_json_string (out, hit->context);
  g_string_append_printf (out, ", \"context_hit_start\": %u, \"context_hit_end\": %u}",
                          hit->context_hit_start, hit->context_hit_end);
}

static void
print_json (GPtrArray *hits)
{
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; i < hits->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n " : "\n ");
      jj_cli_append_json_hit (out, g_ptr_array_index (hits, i));
    }
  g_string_append (out, hits->len > 0 ? "\n]\n" : "]\n");

  fwrite (out->str, 1, out->len, stdout);
}

int
jj_cli_search (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjTextIndex) index = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) folders = NULL;
  g_autofree char *format = NULL;
  int limit = 0;
  int status;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &folders, N_("Search the speeches in DIR and its subfolders (repeatable)"), N_("DIR") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Print at most N hits"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  const char *usage = "search QUERY [--folder DIR]… [--limit N] [--format tsv|json]";

  context = g_option_context_new (_("QUERY — find a word or phrase in the full text of every speech"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 1, usage))
    return 2;

  if (!jj_cli_check_tsv_json (format))
    return 2;
  if (limit < 0)
    {
      jj_cli_print_error (_("--limit must be a positive number"));
      return 2;
    }

  index = jj_cli_open_text_index (folders, &status);
  if (index == NULL)
    return status;

  hits = jj_text_index_search (index, argv[1], limit, &error);
  if (hits == NULL && g_error_matches (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_DAMAGED))
    {
      g_clear_object (&index);
      g_clear_error (&error);
      index = jj_cli_open_text_index (folders, &status);
      if (index == NULL)
        return status;
      hits = jj_text_index_search (index, argv[1], limit, &error);
    }
  if (hits == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return 2;
    }

  if (format != NULL && g_str_equal (format, "json"))
    print_json (hits);
  else
    print_tsv (hits);

  return 0;
}
