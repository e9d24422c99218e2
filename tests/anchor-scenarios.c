/* anchor-scenarios.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <opencc.h>
#include <string.h>

#include "anchor-scenarios.h"
#include "jj-anchor.h"
#include "jj-document.h"

/* A text being edited: each character remembers where it was in the
 * original (-1 for inserted ones), which gives the right answer for
 * every mark afterwards.
 */
typedef struct
{
  GArray *chars;   /* gunichar */
  GArray *orig;    /* gint */
} Text;

typedef struct
{
  guint  at;        /* original coordinates */
  guint  length;    /* characters removed */
  GArray *insert;   /* gunichar, may be NULL */
  gint   keep_orig; /* replacement keeps the original indices (same length) */
} Op;

const char *
scenario_name (Scenario scenario)
{
  static const char *names[] = { "insertions", "deletions", "paragraph moves", "s2t neighbours", "mixed", "edited quotes" };

  return names[scenario];
}

static opencc_t
get_s2t (void)
{
  static opencc_t od = NULL;

  if (od == NULL)
    od = opencc_open ("s2t.json");

  return od;
}

static gboolean
overlaps (GArray *taken,
          guint   a,
          guint   b)
{
  for (guint i = 0; i < taken->len; i += 2)
    {
      guint s = g_array_index (taken, guint, i);
      guint e = g_array_index (taken, guint, i + 1);

      if (a < e + 1 && s < b + 1)
        return TRUE;
    }

  return FALSE;
}

static void
take (GArray *taken,
      guint   a,
      guint   b)
{
  g_array_append_val (taken, a);
  g_array_append_val (taken, b);
}

static GArray *
random_slice (GRand          *rand,
              const gunichar *chars,
              guint           n,
              guint           max_len)
{
  guint len = g_rand_int_range (rand, 1, max_len + 1);
  guint at = g_rand_int_range (rand, 0, n - len);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (guint i = 0; i < len; i++)
    if (chars[at + i] != '\n')
      g_array_append_val (out, chars[at + i]);

  return out;
}

static int
compare_ops_desc (gconstpointer a,
                  gconstpointer b)
{
  const Op *oa = a;
  const Op *ob = b;

  return oa->at < ob->at ? 1 : (oa->at > ob->at ? -1 : 0);
}

static void
apply_ops (Text   *t,
           GArray *ops)
{
  g_array_sort (ops, compare_ops_desc);

  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = &g_array_index (ops, Op, i);
      guint ins = op->insert != NULL ? op->insert->len : 0;
      g_autofree gint *old_orig = NULL;

      if (op->keep_orig)
        old_orig = g_memdup2 (&g_array_index (t->orig, gint, op->at), sizeof (gint) * op->length);
      g_array_remove_range (t->chars, op->at, op->length);
      g_array_remove_range (t->orig, op->at, op->length);
      if (ins > 0)
        {
          g_array_insert_vals (t->chars, op->at, op->insert->data, ins);
          for (guint k = 0; k < ins; k++)
            {
              gint o = op->keep_orig ? old_orig[k] : -1;
              g_array_insert_val (t->orig, op->at + k, o);
            }
          g_array_unref (op->insert);
        }
    }
}

static void
move_paragraphs (Text  *t,
                 GRand *rand,
                 guint  n_moves)
{
  GPtrArray *paras = g_ptr_array_new ();
  guint start = 0;

  for (guint i = 0; i <= t->chars->len; i++)
    {
      if (i == t->chars->len || g_array_index (t->chars, gunichar, i) == '\n')
        {
          guint *p = g_new (guint, 2);

          p[0] = start;
          p[1] = i;
          g_ptr_array_add (paras, p);
          start = i + 1;
        }
    }

  for (guint k = 0; k < n_moves && paras->len > 2; k++)
    {
      guint from = g_rand_int_range (rand, 0, paras->len);
      guint to = g_rand_int_range (rand, 0, paras->len - 1);
      gpointer p = g_ptr_array_steal_index (paras, from);

      g_ptr_array_insert (paras, to, p);
    }

  {
    GArray *chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
    GArray *orig = g_array_new (FALSE, FALSE, sizeof (gint));
    gunichar nl = '\n';
    gint none = -1;

    for (guint i = 0; i < paras->len; i++)
      {
        guint *p = g_ptr_array_index (paras, i);

        if (i > 0)
          {
            g_array_append_val (chars, nl);
            g_array_append_val (orig, none);
          }
        g_array_append_vals (chars, &g_array_index (t->chars, gunichar, p[0]), p[1] - p[0]);
        g_array_append_vals (orig, &g_array_index (t->orig, gint, p[0]), p[1] - p[0]);
      }

    g_array_unref (t->chars);
    g_array_unref (t->orig);
    t->chars = chars;
    t->orig = orig;
  }

  g_ptr_array_set_free_func (paras, g_free);
  g_ptr_array_unref (paras);
}

static void
add_s2t_op (GArray         *ops,
            const gunichar *chars,
            guint           a,
            guint           b)
{
  g_autofree char *utf8 = g_ucs4_to_utf8 (chars + a, b - a, NULL, NULL, NULL);
  char *converted;
  g_autofree gunichar *ucs = NULL;
  glong n = 0;
  Op op = { a, b - a, NULL, 0 };

  if (get_s2t () == (opencc_t)-1 || a >= b)
    return;

  converted = opencc_convert_utf8 (get_s2t (), utf8, strlen (utf8));
  ucs = g_utf8_to_ucs4_fast (converted, -1, &n);
  opencc_convert_utf8_free (converted);

  op.insert = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_array_append_vals (op.insert, ucs, n);
  op.keep_orig = (guint)n == b - a;
  g_array_append_val (ops, op);
}

static void
add_random_edits (GArray         *ops,
                  GArray         *taken,
                  GRand          *rand,
                  const gunichar *chars,
                  guint           n,
                  gboolean        insertions,
                  gboolean        deletions,
                  guint           count)
{
  for (guint k = 0, tries = 0; k < count && tries < count * 20; tries++)
    {
      gboolean del = deletions && (!insertions || g_rand_boolean (rand));
      guint len = del ? g_rand_int_range (rand, 1, 31) : 0;
      guint at = g_rand_int_range (rand, 1, n - 31);
      Op op = { at, len, NULL, 0 };

      if (overlaps (taken, at, at + len))
        continue;
      take (taken, at, at + len);
      if (!del)
        op.insert = random_slice (rand, chars, n, 50);
      g_array_append_val (ops, op);
      k++;
    }
}

/* Up to 10 % of the quote's characters substituted, deleted or inserted. */
static void
add_quote_edits (GArray         *ops,
                 GRand          *rand,
                 const gunichar *chars,
                 guint           n,
                 guint           start,
                 guint           end)
{
  guint len = end - start;
  guint max_edits = MAX (1, len / 10);
  guint n_edits = g_rand_int_range (rand, 1, max_edits + 1);
  g_autofree gboolean *used = g_new0 (gboolean, len);

  for (guint k = 0; k < n_edits; k++)
    {
      guint off;
      guint kind = g_rand_int_range (rand, 0, 3);
      Op op = { 0, 0, NULL, 0 };
      gunichar ch = chars[g_rand_int_range (rand, 0, n)];

      do
        off = g_rand_int_range (rand, 0, len);
      while (used[off]);
      used[off] = TRUE;

      if (ch == '\n')
        ch = 0x7684;

      op.at = start + off;
      if (kind == 0)
        {
          op.length = 1;
          op.insert = g_array_new (FALSE, FALSE, sizeof (gunichar));
          g_array_append_val (op.insert, ch);
          op.keep_orig = TRUE;
        }
      else if (kind == 1)
        op.length = 1;
      else
        {
          if (off == 0)
            op.at++;
          op.insert = g_array_new (FALSE, FALSE, sizeof (gunichar));
          g_array_append_val (op.insert, ch);
        }
      g_array_append_val (ops, op);
    }
}

static gboolean
has_newline (const gunichar *chars,
             guint           a,
             guint           b)
{
  for (guint i = a; i < b; i++)
    if (chars[i] == '\n')
      return TRUE;

  return FALSE;
}

static void
count (ScenarioCount *c,
       int            result)
{
  c->n++;
  if (result == 2)
    c->near++;
  else if (result > 0)
    c->right++;
  else if (result < 0)
    c->wrong++;
  else
    c->orphan++;
}

static void
run_one (const gunichar *chars,
         guint           n,
         const char     *utf8,
         Scenario        scenario,
         GRand          *rand,
         guint           n_marks,
         AnchorStats    *stats)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ops = g_array_new (FALSE, FALSE, sizeof (Op));
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JjAnchorText) anchor = NULL;
  g_autofree char *new_utf8 = NULL;
  g_autofree gint *inv = NULL;
  gboolean edited = scenario == SCENARIO_EDITED;
  guint gap = (scenario == SCENARIO_S2T || scenario == SCENARIO_MIXED) ? 80 : 2;
  Text t;
  gint64 t0;

  for (guint k = 0, tries = 0; k < n_marks && tries < n_marks * 50; tries++)
    {
      guint len = g_rand_int_range (rand, edited ? 10 : 4, edited ? 81 : 61);
      guint start = g_rand_int_range (rand, gap, n - len - gap);
      JjMark *mark;

      if (overlaps (taken, start - gap, start + len + gap))
        continue;
      if ((scenario == SCENARIO_MOVE || scenario == SCENARIO_MIXED) && has_newline (chars, start, start + len))
        continue;

      take (taken, start - gap, start + len + gap);
      mark = jj_mark_new ("borrow");
      jj_mark_set_target_from_text (mark, utf8, start, start + len);
      g_ptr_array_add (marks, mark);
      k++;

      if (edited)
        add_quote_edits (ops, rand, chars, n, start, start + len);
      if (scenario == SCENARIO_S2T || scenario == SCENARIO_MIXED)
        {
          add_s2t_op (ops, chars, start - gap + 1, start);
          add_s2t_op (ops, chars, start + len, start + len + gap - 1);
        }
    }

  if (scenario == SCENARIO_INSERT || scenario == SCENARIO_MIXED || edited)
    add_random_edits (ops, taken, rand, chars, n, TRUE, scenario == SCENARIO_MIXED, 30);
  if (scenario == SCENARIO_DELETE)
    add_random_edits (ops, taken, rand, chars, n, FALSE, TRUE, 30);

  t.chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  t.orig = g_array_new (FALSE, FALSE, sizeof (gint));
  g_array_append_vals (t.chars, chars, n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (t.orig, i);

  apply_ops (&t, ops);
  if (scenario == SCENARIO_MOVE || scenario == SCENARIO_MIXED)
    move_paragraphs (&t, rand, 5);

  inv = g_new (gint, n);
  for (guint i = 0; i < n; i++)
    inv[i] = -1;
  for (guint i = 0; i < t.orig->len; i++)
    if (g_array_index (t.orig, gint, i) >= 0)
      inv[g_array_index (t.orig, gint, i)] = i;

  new_utf8 = g_ucs4_to_utf8 ((gunichar *)t.chars->data, t.chars->len, NULL, NULL, NULL);

  t0 = g_get_monotonic_time ();
  anchor = jj_anchor_text_new (new_utf8, -1);
  for (guint i = 0; i < marks->len; i++)
    {
      JjMark *mark = g_ptr_array_index (marks, i);
      guint old_start = jj_mark_get_start (mark);
      guint old_end = jj_mark_get_end (mark);
      gint true_start = -1, true_end = -1;
      JjMarkStatus status;
      int result;

      for (guint o = old_start; o < old_end; o++)
        if (inv[o] >= 0)
          {
            if (true_start < 0)
              true_start = inv[o];
            true_end = inv[o] + 1;
          }

      status = jj_anchor_mark (anchor, mark, n);
      if (status == JJ_MARK_STATUS_ORPHAN)
        result = 0;
      else if ((gint)jj_mark_get_start (mark) == true_start && (gint)jj_mark_get_end (mark) == true_end)
        result = 1;
      else if (ABS ((gint)jj_mark_get_start (mark) - true_start) <= 2 && ABS ((gint)jj_mark_get_end (mark) - true_end) <= 2)
        result = 2;
      else
        {
          result = -1;
          if (g_getenv ("JJ_ANCHOR_DEBUG") != NULL)
            {
              g_autofree char *got = g_ucs4_to_utf8 ((gunichar *)t.chars->data + jj_mark_get_start (mark), jj_mark_get_end (mark) - jj_mark_get_start (mark), NULL, NULL, NULL);
              g_autofree char *want = g_ucs4_to_utf8 ((gunichar *)t.chars->data + true_start, true_end - true_start, NULL, NULL, NULL);
              g_printerr ("wrong (%s): got %u-%u «%s» want %d-%d «%s»\n", scenario_name (scenario),
                          jj_mark_get_start (mark), jj_mark_get_end (mark), got, true_start, true_end, want);
            }
        }

      count (&stats->by_scenario[scenario], result);
      count (edited ? &stats->edited : &stats->intact, result);
    }
  stats->usec += g_get_monotonic_time () - t0;

  g_array_unref (t.chars);
  g_array_unref (t.orig);
}

/**
 * anchor_scenarios_run:
 *
 * Makes @n_marks marks on @text for each scenario, edits the text, re-anchors
 * and counts. Returns %FALSE when the text is too short.
 */
gboolean
anchor_scenarios_run (const char  *text,
                      guint32      seed,
                      guint        n_marks,
                      AnchorStats *stats)
{
  g_autofree gunichar *chars = NULL;
  GRand *rand;
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  if (n < 2000)
    return FALSE;

  rand = g_rand_new_with_seed (seed);
  for (Scenario s = 0; s < N_SCENARIOS; s++)
    run_one (chars, n, text, s, rand, n_marks, stats);
  g_rand_free (rand);

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The display texts of the speeches in the folder @dir (one per .txt), NULL
 * when there are none. */
char **
anchor_scenarios_load_corpus (const char *dir)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *d;
  const char *name;

  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);
  if (names->len == 0)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(JjDocument) doc = NULL;

      path = g_build_filename (dir, (const char *)g_ptr_array_index (names, i), NULL);
      if (!g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      doc = jj_document_new_from_text (contents, -1);
      g_strv_builder_add (builder, jj_document_get_text (doc));
    }

  return g_strv_builder_end (builder);
}
