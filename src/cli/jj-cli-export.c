/* jj-cli-export.c — jiejian-cli export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-draft.h"
#include "jj-exporter.h"
#include "jj-library-query.h"
#include "jj-mark-store.h"
#include "jj-sidecar.h"
#include "jj-speech-info.h"

/* FILE is a speech (its sidecar is found as the app finds it) or the
 * sidecar itself. */
static gboolean
add_passages (const char      *arg,
              JjLibraryQuery  *query,
              GPtrArray       *passages,
              GError         **error)
{
  g_autoptr(GFile) file = jj_document_file_for_arg (arg);
  g_autofree char *document_path = NULL;
  g_autofree char *sidecar_path = NULL;
  g_autofree char *title = NULL;
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GFile) document_file = NULL;
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(JjSpeechInfo) info = NULL;
  const char *path = g_file_peek_path (file);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file."), arg);
      return FALSE;
    }

  if (g_str_has_suffix (path, JJ_SIDECAR_SUFFIX))
    {
      sidecar_path = g_strdup (path);
      document_path = g_strndup (path, strlen (path) - strlen (JJ_SIDECAR_SUFFIX));
    }
  else
    {
      document_path = g_strdup (path);
      sidecar_path = jj_mark_store_locate_sidecar (file, NULL, NULL);
    }

  if (!g_file_test (sidecar_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No marks were found: “%s” does not exist."), sidecar_path);
      return FALSE;
    }

  sidecar = jj_sidecar_load (sidecar_path, error);
  if (sidecar == NULL)
    return FALSE;

  /* The title as import finds it; the file name when the speech is gone. */
  document_file = g_file_new_for_path (document_path);
  document = jj_document_load (document_file, JJ_LOAD_DEFAULT, NULL, NULL);
  if (document != NULL && jj_document_get_title (document) != NULL)
    title = g_strdup (jj_document_get_title (document));
  else
    {
      g_autofree char *base = g_path_get_basename (document_path);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      title = g_steal_pointer (&base);
    }

  if (document != NULL)
    info = jj_speech_info_for_document (document, sidecar->speech);
  else if (sidecar->speech != NULL)
    info = jj_speech_info_copy (sidecar->speech);

  for (guint i = 0; i < sidecar->marks->len; i++)
    {
      JjMark *mark = g_ptr_array_index (sidecar->marks, i);
      g_autoptr(JjPassage) passage = NULL;

      if (jj_mark_get_deleted (mark))
        continue;

      passage = jj_passage_new_from_mark (mark, document_path, title);
      if (info != NULL)
        jj_speech_info_apply_to_passage (info, passage);
      if (jj_library_query_matches (query, passage))
        g_ptr_array_add (passages, g_steal_pointer (&passage));
    }

  return TRUE;
}

/* The skeleton of one speech: its heading lines. */
static int
export_outline (const char     *arg,
                JjExportFormat  format,
                GFile          *output_file)
{
  g_autoptr(GFile) file = jj_document_file_for_arg (arg);
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree JjHeadingLine *lines = NULL;
  guint n_lines = 0;

  document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
  if (document == NULL)
    {
      jj_cli_print_error ("%s: %s", arg, error->message);
      return 1;
    }

  lines = jj_exporter_dup_outline_lines (jj_document_get_outline (document), &n_lines);
  if (!jj_exporter_save_outline (jj_document_get_title (document), lines, n_lines,
                                 format, output_file, NULL, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  return 0;
}

/* A draft: a manuscript in the layout of official documents, or text. */
static int
export_draft (const char     *path,
              JjExportFormat  format,
              GFile          *output_file)
{
  g_autoptr(JjDraft) draft = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  draft = jj_draft_load (path, &error);
  if (draft == NULL)
    {
      jj_cli_print_error ("%s: %s", path, error->message);
      return 1;
    }

  if (format == JJ_EXPORT_FORMAT_DOCX)
    bytes = jj_draft_to_docx (draft, &error);
  else
    {
      char *text = format == JJ_EXPORT_FORMAT_MD ? jj_draft_to_markdown (draft) : jj_draft_to_text (draft);

      bytes = g_bytes_new_take (text, strlen (text));
    }
  if (bytes == NULL
      || !g_file_replace_contents (output_file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  return 0;
}

int
jj_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjLibraryQuery) query = NULL;
  g_autoptr(GPtrArray) passages = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *title = NULL;
  gboolean outline = FALSE;
  JjExportFormat format;
  const GOptionEntry entries[] = {
    { "outline", 0, 0, G_OPTION_ARG_NONE, &outline, N_("Export the outline skeleton (heading lines) of one speech instead"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("docx, md or txt"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT"), N_("OUT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("Only passages of this kind"), N_("KIND") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("Only passages with this tag"), N_("TAG") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The heading of the export"), N_("TITLE") },
    { NULL }
  };
  const char *usage = "export FILE… --format docx|md|txt -o OUT [--kind K] [--tag T] [--title TITLE]\n"
                      "       jiejian-cli export --outline FILE --format docx|md|txt -o OUT";

  context = g_option_context_new (_("FILE… — export the marked passages of speeches"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, -1, usage))
    return 2;

  if (format_name == NULL || output == NULL)
    {
      g_printerr (_("Usage: jiejian-cli %s\n"), usage);
      return 2;
    }
  if (!jj_export_format_from_string (format_name, &format))
    {
      jj_cli_print_error (_("unknown format “%s”: use docx, md or txt"), format_name);
      return 2;
    }

  output_file = jj_document_file_for_arg (output);

  if (outline)
    {
      if (argc != 2)
        {
          g_printerr (_("Usage: jiejian-cli %s\n"), usage);
          return 2;
        }
      return export_outline (argv[1], format, output_file);
    }

  if (argc == 2 && jj_draft_is_draft_name (argv[1]))
    return export_draft (argv[1], format, output_file);

  query = jj_library_query_new ();
  jj_library_query_set_kind (query, kind);
  jj_library_query_set_tag (query, tag);

  passages = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 1; i < argc; i++)
    {
      if (!add_passages (argv[i], query, passages, &error))
        {
          jj_cli_print_error ("%s: %s", argv[i], error->message);
          return 1;
        }
    }

  if (!jj_exporter_save_passages ((JjPassage **)passages->pdata, passages->len, title,
                                  format, output_file, NULL, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  return 0;
}
