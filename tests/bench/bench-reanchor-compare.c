/* bench-reanchor-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jj-anchor.h"
#include "jj-document.h"

/* 1,000 marks in a 1,000,000-character text made of the corpus speeches,
 * the text then edited: sentences inserted and deleted around the marks,
 * and a quarter of the quotes themselves changed by up to 10 %. Writes the
 * edited text and the marks as JSON for approx-compare.js, which places the
 * same quotes with approx-string-match the way the Hypothesis client does,
 * and prints how Jiejian's re-anchoring placed them.
 */

#define N_CHARS    1000000
#define N_MARKS    1000
#define CONTEXT    32

typedef struct
{
  guint start, end;       /* in the old text */
  gboolean edited;
  char *quote, *prefix, *suffix;
  gint true_start, true_end;
} Case;

static void
load_corpus (GArray *chars)
{
  const char *dir = JJ_TEST_DATA_DIR "/corpus-dev/raw";
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    g_error ("No corpus in %s", dir);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(JjDocument) doc = NULL;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      doc = jj_document_new_from_text (contents, -1);
      g_ptr_array_add (texts, g_strdup (jj_document_get_text (doc)));
    }
  g_dir_close (d);
  g_ptr_array_sort (texts, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (texts->len, >, 0);

  while (chars->len < N_CHARS)
    for (guint i = 0; i < texts->len && chars->len < N_CHARS; i++)
      {
        glong n = 0;
        g_autofree gunichar *u = g_utf8_to_ucs4_fast (texts->pdata[i], -1, &n);

        g_array_append_vals (chars, u, MIN ((guint) n, N_CHARS - chars->len));
        if (chars->len < N_CHARS)
          {
            gunichar nl = '\n';
            g_array_append_val (chars, nl);
          }
      }
}

static void
append_json_string (GString    *out,
                    const char *s)
{
  g_string_append_c (out, '"');
  for (; *s != '\0'; s++)
    {
      guchar c = *s;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static char *
range_utf8 (const gunichar *chars,
            guint           n,
            gint            start,
            gint            end)
{
  start = CLAMP (start, 0, (gint) n);
  end = CLAMP (end, start, (gint) n);
  return g_ucs4_to_utf8 (chars + start, end - start, NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) text = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) orig = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autofree guint8 *in_quote = NULL;
  g_autofree guint8 *near_quote = NULL;
  g_autofree gint *inv = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JjAnchorText) anchor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_utf8 = NULL;
  GRand *rand = g_rand_new_with_seed (20261128);
  Case cases[N_MARKS];
  guint right = 0, near = 0, wrong = 0, orphan = 0, n_edited = 0;
  gint64 t0, t1;
  const gunichar *o;
  guint n;

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUTPUT.json\n", argv[0]);
      return 2;
    }

  load_corpus (old);
  o = (const gunichar *) old->data;
  n = old->len;
  in_quote = g_new0 (guint8, n);

  /* Marks: non-overlapping, 8 to 60 characters, at least two apart. */
  for (guint i = 0; i < N_MARKS; i++)
    {
      Case *c = &cases[i];

      while (TRUE)
        {
          guint len = g_rand_int_range (rand, 8, 61);
          guint start = g_rand_int_range (rand, CONTEXT, n - len - CONTEXT);
          gboolean free_ = TRUE;

          for (guint k = start - 2; k < start + len + 2 && free_; k++)
            free_ = !in_quote[k];
          if (!free_)
            continue;
          memset (in_quote + start, 1, len);
          c->start = start;
          c->end = start + len;
          break;
        }
      c->edited = g_rand_int_range (rand, 0, 4) == 0;
      n_edited += c->edited;
      c->quote = range_utf8 (o, n, c->start, c->end);
      c->prefix = range_utf8 (o, n, (gint) c->start - CONTEXT, c->start);
      c->suffix = range_utf8 (o, n, c->end, c->end + CONTEXT);
    }

  /* Edits outside the quotes stay clear of their context: the corpus is
   * repeated to make up the length, so a quote's other copies keep an
   * intact context, and only its position tells them apart.
   */
  near_quote = g_new0 (guint8, n);
  for (guint i = 0; i < N_MARKS; i++)
    memset (near_quote + cases[i].start - CONTEXT, 1, cases[i].end - cases[i].start + 2 * CONTEXT);

  /* The edit: walk the old text; outside quotes insert a passage copied
   * from elsewhere (one place in 400) or drop up to 40 characters (one in
   * 400); inside an edited quote change about one character in ten.
   */
  for (guint i = 0; i < n; i++)
    {
      guint32 r = g_rand_int_range (rand, 0, 1000);

      if (!near_quote[i] && r < 3)
        {
          guint from = g_rand_int_range (rand, 0, n - 200);
          guint len = g_rand_int_range (rand, 10, 120);
          gint none = -1;

          for (guint k = 0; k < len; k++)
            {
              g_array_append_val (text, o[from + k]);
              g_array_append_val (orig, none);
            }
        }
      else if (!near_quote[i] && r >= 3 && r < 6)
        {
          guint len = g_rand_int_range (rand, 1, 40);

          while (len-- > 1 && i + 1 < n && !near_quote[i + 1])
            i++;
          continue;
        }

      if (in_quote[i])
        {
          gboolean edited = FALSE;

          for (guint m = 0; m < N_MARKS; m++)
            if (cases[m].start <= i && i < cases[m].end)
              {
                /* Never the first or last character: the true range
                 * stays defined by the characters that survive.
                 */
                edited = cases[m].edited && i > cases[m].start && i + 1 < cases[m].end;
                break;
              }
          if (edited && g_rand_int_range (rand, 0, 10) == 0)
            {
              gint none = -1;
              gunichar other = o[g_rand_int_range (rand, 0, n)];

              switch (g_rand_int_range (rand, 0, 3))
                {
                case 0: /* substituted */
                  g_array_append_val (text, other);
                  g_array_append_val (orig, none);
                  continue;
                case 1: /* deleted */
                  continue;
                default: /* inserted before */
                  g_array_append_val (text, other);
                  g_array_append_val (orig, none);
                  break;
                }
            }
        }
      {
        gint gi = i;

        g_array_append_val (text, o[i]);
        g_array_append_val (orig, gi);
      }
    }

  inv = g_new (gint, n);
  for (guint i = 0; i < n; i++)
    inv[i] = -1;
  for (guint i = 0; i < orig->len; i++)
    if (g_array_index (orig, gint, i) >= 0)
      inv[g_array_index (orig, gint, i)] = i;
  for (guint i = 0; i < N_MARKS; i++)
    {
      Case *c = &cases[i];

      c->true_start = c->true_end = -1;
      for (guint k = c->start; k < c->end; k++)
        if (inv[k] >= 0)
          {
            if (c->true_start < 0)
              c->true_start = inv[k];
            c->true_end = inv[k] + 1;
          }
    }

  new_utf8 = g_ucs4_to_utf8 ((gunichar *) text->data, text->len, NULL, NULL, NULL);

  t0 = g_get_monotonic_time ();
  anchor = jj_anchor_text_new (new_utf8, -1);
  t1 = g_get_monotonic_time ();
  for (guint i = 0; i < N_MARKS; i++)
    {
      Case *c = &cases[i];
      JjAnchorTarget target = { c->quote, c->prefix, c->suffix, c->start, c->end, n };
      guint start = 0, end = 0;

      if (jj_anchor_locate (anchor, &target, &start, &end) == JJ_MARK_STATUS_ORPHAN)
        orphan++;
      else if ((gint) start == c->true_start && (gint) end == c->true_end)
        right++;
      else if (ABS ((gint) start - c->true_start) <= 2 && ABS ((gint) end - c->true_end) <= 2)
        near++;
      else
        {
          wrong++;
          if (g_getenv ("JJ_ANCHOR_DEBUG") != NULL)
            g_printerr ("wrong: old %u-%u, now %d-%d, placed %u-%u%s\n", c->start, c->end,
                        c->true_start, c->true_end, start, end, c->edited ? " (edited)" : "");
        }
    }

  printf ("text: %u characters, edited to %u; %u marks, %u with edited quotes\n",
          n, text->len, N_MARKS, n_edited);
  printf ("RESULT jiejian right=%u near=%u wrong=%u orphan=%u ms=%.1f prepare_ms=%.1f\n",
          right, near, wrong, orphan, (g_get_monotonic_time () - t1) / 1000.0, (t1 - t0) / 1000.0);

  g_string_append (json, "{\"text\":");
  append_json_string (json, new_utf8);
  g_string_append_printf (json, ",\"oldLength\":%u,\"marks\":[", n);
  for (guint i = 0; i < N_MARKS; i++)
    {
      Case *c = &cases[i];

      g_string_append (json, i > 0 ? ",\n{\"quote\":" : "\n{\"quote\":");
      append_json_string (json, c->quote);
      g_string_append (json, ",\"prefix\":");
      append_json_string (json, c->prefix);
      g_string_append (json, ",\"suffix\":");
      append_json_string (json, c->suffix);
      g_string_append_printf (json, ",\"hint\":%u,\"edited\":%s,\"trueStart\":%d,\"trueEnd\":%d}",
                              c->start, c->edited ? "true" : "false", c->true_start, c->true_end);
      g_free (c->quote);
      g_free (c->prefix);
      g_free (c->suffix);
    }
  g_string_append (json, "]}\n");
  if (!g_file_set_contents (argv[1], json->str, json->len, &error))
    g_error ("%s", error->message);

  g_rand_free (rand);
  return 0;
}
