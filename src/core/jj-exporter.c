/* jj-exporter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jj-citation.h"
#include "jj-docx-writer.h"
#include "jj-exporter.h"
#include "jj-mark-kind.h"

/* Every format is rendered from the same list of blocks, so .txt, .md
 * and .docx carry the same content in the same order.
 */
typedef struct
{
  JjDocxStyle  style;
  char        *text;
} Block;

static void
clear_block (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->text, g_free);
}

static GArray *
blocks_new (void)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));

  g_array_set_clear_func (blocks, clear_block);
  return blocks;
}

static void
blocks_add (GArray      *blocks,
            JjDocxStyle  style,
            const char  *text)
{
  Block block = { style, g_strdup (text) };

  g_array_append_val (blocks, block);
}

gboolean
jj_export_format_from_string (const char     *name,
                              JjExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "txt") == 0 || g_ascii_strcasecmp (name, "text") == 0)
    *format = JJ_EXPORT_FORMAT_TXT;
  else if (g_ascii_strcasecmp (name, "md") == 0 || g_ascii_strcasecmp (name, "markdown") == 0)
    *format = JJ_EXPORT_FORMAT_MD;
  else if (g_ascii_strcasecmp (name, "docx") == 0)
    *format = JJ_EXPORT_FORMAT_DOCX;
  else
    return FALSE;

  return TRUE;
}

const char *
jj_export_format_get_extension (JjExportFormat format)
{
  switch (format)
    {
    case JJ_EXPORT_FORMAT_MD:
      return "md";
    case JJ_EXPORT_FORMAT_DOCX:
      return "docx";
    case JJ_EXPORT_FORMAT_TXT:
    default:
      return "txt";
    }
}

static char *
dup_document_title (JjPassage *passage)
{
  const char *title = jj_passage_get_document_title (passage);
  const char *path = jj_passage_get_document_path (passage);

  if (title[0] != '\0')
    return g_strdup (title);
  if (path[0] != '\0')
    return g_path_get_basename (path);

  return g_strdup (_("Untitled document"));
}

/* "Kind: Borrow  #测评 #标准": what the user sorted the passage by; and
 * who marked it, when the passages are a team's. */
static char *
kind_and_tags (JjPassage *passage,
               gboolean   with_author)
{
  const char * const *tags = jj_passage_get_tags (passage);
  const char *author = jj_passage_get_author (passage);
  GString *str = g_string_new (NULL);

  g_string_printf (str, _("Kind: %s"), jj_mark_kind_get_label (jj_passage_get_kind (passage)));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_string_append_printf (str, "%s#%s", i == 0 ? "  " : " ", tags[i]);
  if (with_author && author != NULL && author[0] != '\0')
    {
      g_string_append (str, "  ");
      g_string_append_printf (str, _("Marked by %s"), author);
    }

  return g_string_free (str, FALSE);
}

static gboolean
several_authors (JjPassage **passages,
                 guint       n_passages)
{
  const char *first = NULL;

  for (guint i = 0; i < n_passages; i++)
    {
      const char *author = jj_passage_get_author (passages[i]);

      if (author == NULL || author[0] == '\0')
        continue;
      if (first == NULL)
        first = author;
      else if (!g_str_equal (first, author))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  JjPassage *passage;
  guint      document_rank;
} Grouped;

static int
compare_grouped (gconstpointer a,
                 gconstpointer b)
{
  const Grouped *ga = a;
  const Grouped *gb = b;
  guint sa, sb;

  if (ga->document_rank != gb->document_rank)
    return ga->document_rank < gb->document_rank ? -1 : 1;

  sa = jj_passage_get_start (ga->passage);
  sb = jj_passage_get_start (gb->passage);
  if (sa != sb)
    return sa < sb ? -1 : 1;

  return g_strcmp0 (jj_passage_get_id (ga->passage), jj_passage_get_id (gb->passage));
}

/* Documents in the order their first passage comes in (what the user
 * chose or sorted by), passages in text order inside each, one heading
 * per section.
 */
static GArray *
passages_to_blocks (JjPassage  **passages,
                    guint        n_passages,
                    const char  *title)
{
  g_autoptr(GHashTable) ranks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (Grouped), n_passages);
  GArray *blocks = blocks_new ();
  const char *document = NULL;
  const char *section = NULL;
  gboolean with_author = several_authors (passages, n_passages);

  for (guint i = 0; i < n_passages; i++)
    {
      const char *path = jj_passage_get_document_path (passages[i]);
      gpointer rank;
      Grouped grouped;

      if (!g_hash_table_lookup_extended (ranks, path, NULL, &rank))
        {
          rank = GUINT_TO_POINTER (g_hash_table_size (ranks));
          g_hash_table_insert (ranks, (gpointer)path, rank);
        }
      grouped.passage = passages[i];
      grouped.document_rank = GPOINTER_TO_UINT (rank);
      g_array_append_val (sorted, grouped);
    }
  g_array_sort (sorted, compare_grouped);

  blocks_add (blocks, JJ_DOCX_STYLE_TITLE, title != NULL ? title : _("Passages"));

  for (guint i = 0; i < sorted->len; i++)
    {
      JjPassage *passage = g_array_index (sorted, Grouped, i).passage;
      g_autofree char *source = jj_citation_format_source (passage);
      const char *path = jj_passage_get_document_path (passage);
      const char *note = jj_passage_get_note (passage);

      if (document == NULL || !g_str_equal (document, path))
        {
          g_autofree char *document_title = dup_document_title (passage);

          blocks_add (blocks, JJ_DOCX_STYLE_HEADING_1, document_title);
          document = path;
          section = NULL;
        }

      if (section == NULL || !g_str_equal (section, jj_passage_get_section (passage)))
        {
          section = jj_passage_get_section (passage);
          if (section[0] != '\0')
            blocks_add (blocks, JJ_DOCX_STYLE_HEADING_2, section);
        }

      blocks_add (blocks, JJ_DOCX_STYLE_QUOTE, jj_passage_get_quote (passage));
      blocks_add (blocks, JJ_DOCX_STYLE_SOURCE, source);
      {
        g_autofree char *kind = kind_and_tags (passage, with_author);

        blocks_add (blocks, JJ_DOCX_STYLE_NOTE, kind);
      }
      if (note[0] != '\0')
        {
          g_autofree char *line = g_strdup_printf (_("Note: %s"), note);

          blocks_add (blocks, JJ_DOCX_STYLE_NOTE, line);
        }
    }

  return blocks;
}

static GArray *
outline_to_blocks (const char          *title,
                   const JjHeadingLine *lines,
                   guint                n_lines)
{
  GArray *blocks = blocks_new ();

  if (title != NULL)
    blocks_add (blocks, JJ_DOCX_STYLE_TITLE, title);
  for (guint i = 0; i < n_lines; i++)
    blocks_add (blocks, JJ_DOCX_STYLE_HEADING_1 + CLAMP (lines[i].level, 1, 3) - 1, lines[i].text);

  return blocks;
}

static char *
blocks_to_text (GArray *blocks)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);
      const Block *next = i + 1 < blocks->len ? &g_array_index (blocks, Block, i + 1) : NULL;

      g_string_append (str, block->text);
      g_string_append_c (str, '\n');

      /* A blank line between groups; a quote stays with its citation and note. */
      if (next != NULL
          && next->style != JJ_DOCX_STYLE_SOURCE
          && next->style != JJ_DOCX_STYLE_NOTE)
        g_string_append_c (str, '\n');
    }

  return g_string_free (str, FALSE);
}

static void
append_markdown_escaped (GString    *str,
                         const char *text)
{
  const char *line_start = text;

  for (const char *s = text; *s != '\0'; s++)
    {
      if (s == line_start && (*s == '#' || *s == '>' || *s == '-' || *s == '+' || *s == '='))
        g_string_append_c (str, '\\');
      else if (strchr ("\\`*_[]<|", *s) != NULL)
        g_string_append_c (str, '\\');

      if (*s == '\n')
        line_start = s + 1;
      g_string_append_c (str, *s);
    }
}

static void
append_markdown_lines (GString    *str,
                       const char *prefix,
                       const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (str, prefix);
      append_markdown_escaped (str, lines[i]);
      g_string_append_c (str, '\n');
    }
}

static char *
blocks_to_markdown (GArray *blocks)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);

      if (i > 0)
        g_string_append_c (str, '\n');

      switch (block->style)
        {
        case JJ_DOCX_STYLE_TITLE:
          append_markdown_lines (str, "# ", block->text);
          break;
        case JJ_DOCX_STYLE_HEADING_1:
          append_markdown_lines (str, "## ", block->text);
          break;
        case JJ_DOCX_STYLE_HEADING_2:
          append_markdown_lines (str, "### ", block->text);
          break;
        case JJ_DOCX_STYLE_HEADING_3:
          append_markdown_lines (str, "#### ", block->text);
          break;
        case JJ_DOCX_STYLE_QUOTE:
          append_markdown_lines (str, "> ", block->text);
          break;
        case JJ_DOCX_STYLE_NOTE:
          g_string_append_c (str, '*');
          append_markdown_escaped (str, block->text);
          g_string_append (str, "*\n");
          break;
        case JJ_DOCX_STYLE_SOURCE:
        case JJ_DOCX_STYLE_NORMAL:
        default:
          append_markdown_escaped (str, block->text);
          g_string_append_c (str, '\n');
          break;
        }
    }

  return g_string_free (str, FALSE);
}

static GBytes *
blocks_to_bytes (GArray          *blocks,
                 const char      *title,
                 JjExportFormat   format,
                 GError         **error)
{
  g_autoptr(JjDocxWriter) writer = NULL;
  char *text;

  switch (format)
    {
    case JJ_EXPORT_FORMAT_TXT:
      text = blocks_to_text (blocks);
      return g_bytes_new_take (text, strlen (text));

    case JJ_EXPORT_FORMAT_MD:
      text = blocks_to_markdown (blocks);
      return g_bytes_new_take (text, strlen (text));

    case JJ_EXPORT_FORMAT_DOCX:
    default:
      writer = jj_docx_writer_new ();
      jj_docx_writer_set_title (writer, title);
      for (guint i = 0; i < blocks->len; i++)
        {
          const Block *block = &g_array_index (blocks, Block, i);

          jj_docx_writer_add_paragraph (writer, block->style, block->text);
        }
      return jj_docx_writer_to_bytes (writer, error);
    }
}

static gboolean
save_bytes (GBytes        *bytes,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  if (bytes == NULL)
    return FALSE;

  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}

/* The passages grouped by document and section, each quote followed by
 * its citation and note. @title heads the export (a default when NULL).
 */
GBytes *
jj_exporter_passages_to_bytes (JjPassage      **passages,
                               guint            n_passages,
                               const char      *title,
                               JjExportFormat   format,
                               GError         **error)
{
  g_autoptr(GArray) blocks = NULL;

  g_return_val_if_fail (passages != NULL || n_passages == 0, NULL);
  g_return_val_if_fail (format <= JJ_EXPORT_FORMAT_DOCX, NULL);

  blocks = passages_to_blocks (passages, n_passages, title);

  return blocks_to_bytes (blocks, title != NULL ? title : _("Passages"), format, error);
}

gboolean
jj_exporter_save_passages (JjPassage      **passages,
                           guint            n_passages,
                           const char      *title,
                           JjExportFormat   format,
                           GFile           *file,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = jj_exporter_passages_to_bytes (passages, n_passages, title, format, error);

  return save_bytes (bytes, file, cancellable, error);
}

/* The heading lines of a speech (headings and enumerations, not its title,
 * salutation or closing), as a skeleton to write a new one on. Free the
 * array with g_free(); the texts belong to @outline.
 */
JjHeadingLine *
jj_exporter_dup_outline_lines (JjOutline *outline,
                               guint     *n_lines)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (JjHeadingLine));

  g_return_val_if_fail (JJ_IS_OUTLINE (outline), NULL);
  g_return_val_if_fail (n_lines != NULL, NULL);

  for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *entry = jj_outline_get_entry (outline, i);
      JjOutlineKind kind = jj_outline_entry_get_kind (entry);
      JjHeadingLine line;

      if (kind != JJ_OUTLINE_KIND_HEADING && kind != JJ_OUTLINE_KIND_ENUMERATOR)
        continue;

      line.level = jj_outline_entry_get_level (entry);
      line.text = jj_outline_entry_get_title (entry);
      g_array_append_val (lines, line);
    }

  *n_lines = lines->len;
  return (JjHeadingLine *)g_array_free (g_steal_pointer (&lines), FALSE);
}

/* The heading lines, one a line, for the clipboard. */
char *
jj_exporter_outline_to_text (const JjHeadingLine *lines,
                             guint                n_lines)
{
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (lines != NULL || n_lines == 0, NULL);

  for (guint i = 0; i < n_lines; i++)
    {
      g_string_append (str, lines[i].text);
      g_string_append_c (str, '\n');
    }

  return g_string_free (str, FALSE);
}

/* The skeleton of a speech: its title (may be NULL) and heading lines,
 * headings as Word heading styles in .docx and as # headings in .md.
 */
GBytes *
jj_exporter_outline_to_bytes (const char           *title,
                              const JjHeadingLine  *lines,
                              guint                 n_lines,
                              JjExportFormat        format,
                              GError              **error)
{
  g_autoptr(GArray) blocks = NULL;
  char *text;

  g_return_val_if_fail (lines != NULL || n_lines == 0, NULL);
  g_return_val_if_fail (format <= JJ_EXPORT_FORMAT_DOCX, NULL);

  if (format == JJ_EXPORT_FORMAT_TXT)
    {
      g_autofree char *body = jj_exporter_outline_to_text (lines, n_lines);

      text = title != NULL ? g_strconcat (title, "\n\n", body, NULL) : g_steal_pointer (&body);
      return g_bytes_new_take (text, strlen (text));
    }

  blocks = outline_to_blocks (title, lines, n_lines);

  return blocks_to_bytes (blocks, title, format, error);
}

gboolean
jj_exporter_save_outline (const char           *title,
                          const JjHeadingLine  *lines,
                          guint                 n_lines,
                          JjExportFormat        format,
                          GFile                *file,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = jj_exporter_outline_to_bytes (title, lines, n_lines, format, error);

  return save_bytes (bytes, file, cancellable, error);
}
