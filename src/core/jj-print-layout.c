/* jj-print-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jj-mark.h"
#include "jj-outline-entry.h"
#include "jj-print-layout.h"

#define NOTE_QUOTE_CHARS 16

void
jj_print_block_free (JjPrintBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->text);
  g_array_unref (block->bold);
  g_array_unref (block->highlights);
  g_ptr_array_unref (block->notes);
  g_free (block);
}

typedef struct
{
  guint       start;
  guint       end;
  const char *color;
  const char *quote;
  const char *note;
  guint       number;
} Range;

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *ra = a;
  const Range *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  if (ra->end != rb->end)
    return ra->end < rb->end ? -1 : 1;
  return 0;
}

static gboolean
is_color (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

/* Byte offset in @paragraph (@n_chars long) of character @offset, clamped. */
static gsize
byte_offset (const char *paragraph,
             glong       n_chars,
             glong       offset)
{
  offset = CLAMP (offset, 0, n_chars);
  return g_utf8_offset_to_pointer (paragraph, offset) - paragraph;
}

static char *
dup_note_line (const Range *range,
               const char  *text_start,
               guint        n_chars)
{
  g_autofree char *quote = NULL;
  const char *source = range->quote;

  if (source == NULL || *source == '\0')
    {
      guint end = MIN (range->end, n_chars);

      if (range->start < end)
        {
          const char *from = g_utf8_offset_to_pointer (text_start, range->start);
          const char *to = g_utf8_offset_to_pointer (from, end - range->start);

          quote = g_strndup (from, to - from);
        }
      else
        quote = g_strdup ("");
    }
  else
    quote = g_strdup (source);

  if (g_utf8_strlen (quote, -1) > NOTE_QUOTE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (quote, 0, NOTE_QUOTE_CHARS);

      g_free (quote);
      quote = g_strconcat (cut, "…", NULL);
    }

  /* Translators: a note printed under a paragraph: its number, the start of
   * the marked passage and the note. */
  return g_strdup_printf (_("[%u] “%s”: %s"), range->number, quote, range->note);
}

/* Cuts @text (display text: paragraphs separated by one \n) into printable
 * blocks. Headings of the outline are bold; each live mark is a highlight
 * in every paragraph it covers, and its note (numbered in document order)
 * is printed under the paragraph where the mark ends.
 */
GPtrArray *
jj_print_layout_build (const char *text,
                       gboolean    has_title,
                       JjOutline  *outline,
                       GListModel *marks)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GArray) headings = NULL;
  const char *paragraph;
  guint n_chars;
  guint offset = 0;
  guint next_range = 0;
  guint note_number = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (outline == NULL || JJ_IS_OUTLINE (outline), NULL);
  g_return_val_if_fail (marks == NULL || G_IS_LIST_MODEL (marks), NULL);

  blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)jj_print_block_free);
  n_chars = g_utf8_strlen (text, -1);

  ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  for (guint i = 0; marks != NULL && i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (marks, i);
      Range range;

      if (jj_mark_get_deleted (mark) || jj_mark_get_status (mark) == JJ_MARK_STATUS_ORPHAN)
        continue;
      range.start = jj_mark_get_start (mark);
      range.end = MIN (jj_mark_get_end (mark), n_chars);
      if (range.start >= range.end)
        continue;
      range.color = jj_mark_get_color (mark);
      range.quote = jj_mark_get_quote (mark);
      range.note = jj_mark_get_note (mark);
      range.number = 0;
      g_array_append_val (ranges, range);
    }
  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      Range *range = &g_array_index (ranges, Range, i);

      if (range->note != NULL && *range->note != '\0')
        range->number = ++note_number;
    }

  headings = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  for (guint i = 0; outline != NULL && i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *entry = jj_outline_get_entry (outline, i);
      guint span[2];

      if (jj_outline_entry_get_kind (entry) != JJ_OUTLINE_KIND_HEADING)
        continue;
      span[0] = jj_outline_entry_get_start (entry);
      span[1] = jj_outline_entry_get_title_end (entry);
      if (span[0] < span[1])
        g_array_append_val (headings, span);
    }

  paragraph = text;
  while (*paragraph != '\0')
    {
      const char *newline = strchr (paragraph, '\n');
      gsize n_bytes = newline != NULL ? (gsize)(newline - paragraph) : strlen (paragraph);
      JjPrintBlock *block = g_new0 (JjPrintBlock, 1);
      guint length = g_utf8_strlen (paragraph, n_bytes);
      guint end = offset + length;

      block->kind = (has_title && blocks->len == 0) ? JJ_PRINT_BLOCK_TITLE : JJ_PRINT_BLOCK_PARAGRAPH;
      block->text = g_strndup (paragraph, n_bytes);
      block->bold = g_array_new (FALSE, TRUE, sizeof (JjPrintSpan));
      block->highlights = g_array_new (FALSE, TRUE, sizeof (JjPrintSpan));
      block->notes = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; block->kind == JJ_PRINT_BLOCK_PARAGRAPH && i < headings->len; i++)
        {
          const guint *span = &g_array_index (headings, guint, 2 * i);
          JjPrintSpan bold = { 0 };

          if (span[1] <= offset || span[0] >= end)
            continue;
          bold.start = byte_offset (block->text, length, (glong)span[0] - offset);
          bold.end = byte_offset (block->text, length, (glong)span[1] - offset);
          g_array_append_val (block->bold, bold);
        }

      /* Ranges are sorted by start: those ending before this paragraph are
       * done for good. */
      while (next_range < ranges->len && g_array_index (ranges, Range, next_range).end <= offset)
        next_range++;
      for (guint i = next_range; i < ranges->len; i++)
        {
          const Range *range = &g_array_index (ranges, Range, i);
          JjPrintSpan highlight = { 0 };

          if (range->start >= end)
            break;
          if (range->end <= offset)
            continue;

          highlight.start = byte_offset (block->text, length, (glong)range->start - offset);
          highlight.end = byte_offset (block->text, length, (glong)range->end - offset);
          if (is_color (range->color))
            g_strlcpy (highlight.color, range->color, sizeof highlight.color);
          else
            g_strlcpy (highlight.color, "#f6d32d", sizeof highlight.color);
          highlight.note = range->number;
          if (highlight.start < highlight.end)
            g_array_append_val (block->highlights, highlight);

          /* The last paragraph of the mark; a mark ending on the \n ends here too. */
          if (range->number > 0 && range->end <= end + 1)
            g_ptr_array_add (block->notes, dup_note_line (range, text, n_chars));
        }

      g_ptr_array_add (blocks, block);
      offset = end + 1;
      paragraph += n_bytes;
      if (*paragraph == '\n')
        paragraph++;
    }

  return g_steal_pointer (&blocks);
}
