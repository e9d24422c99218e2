/* jj-hit-mark.c
 *
 * A hit in a list of hits (全文检索, 提法对比) is a few characters; what a
 * writer keeps is the sentence around it. The mark goes into the speech's
 * sidecar through its mark store, as the reader's marks do, so an open
 * window picks it up by watching the sidecar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jj-citation.h"
#include "jj-document.h"
#include "jj-hit-mark.h"
#include "jj-mark-store.h"
#include "jj-text-fold.h"

G_DEFINE_QUARK (jj-hit-mark-error-quark, jj_hit_mark_error)

static gboolean
ends_sentence (gunichar c)
{
  switch (c)
    {
    case 0x3002:  /* 。 */
    case 0xFF01:  /* ！ */
    case 0xFF1F:  /* ？ */
    case 0xFF0E:  /* ． */
    case '!':
    case '?':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
closes (gunichar c)
{
  switch (c)
    {
    case 0x201D:  /* ” */
    case 0x2019:  /* ’ */
    case 0x300D:  /* 」 */
    case 0x300F:  /* 』 */
    case 0xFF09:  /* ） */
    case ')':
    case '"':
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * jj_hit_mark_sentence_bounds:
 * @text: the display text
 * @start: the hit's first character
 * @end: the character after the hit
 *
 * The sentence holding [@start, @end): from after the previous sentence
 * end or line break (blanks skipped) to its own sentence end with any
 * closing quotes, or to the line break. Offsets are in characters.
 */
void
jj_hit_mark_sentence_bounds (const char *text,
                             guint       start,
                             guint       end,
                             guint      *sentence_start,
                             guint      *sentence_end)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;
  glong s, e;

  g_return_if_fail (text != NULL);

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  s = MIN ((glong)start, n);
  e = CLAMP ((glong)end, s, n);

  /* A hit that is itself a whole sentence keeps its end. */
  while (s > 0 && chars[s - 1] != '\n' && !ends_sentence (chars[s - 1]))
    s--;
  while (s < e && (g_unichar_isspace (chars[s]) || chars[s] == 0x3000))
    s++;

  if (e == s || !ends_sentence (chars[e - 1]))
    {
      while (e < n && chars[e] != '\n' && !ends_sentence (chars[e]))
        e++;
      if (e < n && ends_sentence (chars[e]))
        e++;
    }
  while (e < n && closes (chars[e]))
    e++;
  while (e > s && (g_unichar_isspace (chars[e - 1]) || chars[e - 1] == 0x3000))
    e--;

  if (sentence_start != NULL)
    *sentence_start = s;
  if (sentence_end != NULL)
    *sentence_end = e;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = jj_text_fold (a, -1);
  g_autofree char *fb = jj_text_fold (b, -1);

  return g_str_equal (fa, fb);
}

/**
 * jj_hit_mark_add:
 * @document_file: the speech
 * @start: the hit's first character in the display text
 * @end: the character after the hit
 * @hit_text: (nullable): the text the hit showed, to check the speech did
 *   not change since it was indexed
 * @kind: the mark's kind
 * @author: (nullable): who marks, "" or %NULL for nobody named
 * @sentence_out: (out) (optional): the marked sentence
 * @already_out: (out) (optional): whether the sentence was marked already,
 *   in which case no mark is added
 *
 * Marks the sentence around a hit in the speech's sidecar and saves it.
 * Runs in any thread: it reads the speech and writes its sidecar.
 *
 * Returns: whether the sentence is marked now
 */
gboolean
jj_hit_mark_add (GFile         *document_file,
                 guint          start,
                 guint          end,
                 const char    *hit_text,
                 const char    *kind,
                 const char    *author,
                 char         **sentence_out,
                 gboolean      *already_out,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(JjMarkStore) store = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *section = NULL;
  const char *text;
  guint length;
  guint s, e;
  GListModel *marks;
  JjMark *mark;

  g_return_val_if_fail (G_IS_FILE (document_file), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (already_out != NULL)
    *already_out = FALSE;

  document = jj_document_load (document_file, JJ_LOAD_DEFAULT, cancellable, error);
  if (document == NULL)
    return FALSE;

  text = jj_document_get_text (document);
  length = jj_document_get_length (document);
  if (end <= start || end > length)
    {
      g_set_error (error, JJ_HIT_MARK_ERROR, JJ_HIT_MARK_ERROR_CHANGED,
                   _("The speech changed since it was searched: search again, then mark."));
      return FALSE;
    }
  if (hit_text != NULL)
    {
      g_autofree char *found = g_utf8_substring (text, start, end);

      if (!same_text (found, hit_text))
        {
          g_set_error (error, JJ_HIT_MARK_ERROR, JJ_HIT_MARK_ERROR_CHANGED,
                       _("The speech changed since it was searched: search again, then mark."));
          return FALSE;
        }
    }

  jj_hit_mark_sentence_bounds (text, start, end, &s, &e);

  fingerprint = jj_document_dup_fingerprint (document);
  store = jj_mark_store_new (document_file);
  if (!jj_mark_store_load (store, text, fingerprint, error))
    return FALSE;

  if (sentence_out != NULL)
    *sentence_out = g_utf8_substring (text, s, e);

  marks = jj_mark_store_get_marks (store);
  for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(JjMark) old = g_list_model_get_item (marks, i);

      if (!jj_mark_get_deleted (old) && jj_mark_get_status (old) != JJ_MARK_STATUS_ORPHAN &&
          jj_mark_get_start (old) == s && jj_mark_get_end (old) == e)
        {
          if (already_out != NULL)
            *already_out = TRUE;
          return TRUE;
        }
    }

  if (jj_document_get_outline (document) != NULL)
    section = jj_citation_dup_section (jj_document_get_outline (document), s);
  mark = jj_mark_store_add_range (store, s, e, kind, section);
  if (mark == NULL)
    {
      g_set_error (error, JJ_HIT_MARK_ERROR, JJ_HIT_MARK_ERROR_CHANGED,
                   _("The sentence could not be marked: open the speech and mark it there."));
      return FALSE;
    }
  if (author != NULL && author[0] != '\0')
    {
      jj_mark_set_author (mark, author);
      jj_mark_store_touch (store, mark);
    }

  return jj_mark_store_save (store, error);
}
