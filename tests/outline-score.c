/* outline-score.c — measures the outline detector on a corpus with gold outlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: outline-score [--verbose] [CORPUS-DIR]
 *
 * CORPUS-DIR holds raw/NN.txt, runon/NN.txt and gold/NN.tsv
 * (level<TAB>heading). Predicted headings and enumerators are aligned with
 * the gold ones in order (longest common subsequence); a pair matches when
 * the marker is the same and one title is a prefix of the other. Exits 1
 * when a goal is missed or there is no corpus (by default tests/data/corpus-dev).
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "jj-outline.h"

#define GOAL_F1          0.97
#define GOAL_LEVEL       0.95
#define GOAL_EXACT       0.95
#define MAX_LEVEL        6

typedef struct
{
  guint  level;
  char  *text;
  char  *marker;   /* NULL for gold */
} Item;

typedef struct
{
  guint gold[MAX_LEVEL + 1];
  guint pred[MAX_LEVEL + 1];
  guint gold_matched[MAX_LEVEL + 1];
  guint pred_matched[MAX_LEVEL + 1];
  guint matched;
  guint level_ok;
  guint numbered_gold;
  guint numbered_matched;
  guint numbered_exact;
} Score;

static gboolean verbose;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
  g_free (item->marker);
}

/* One trailing 。！？，；： does not count */
static char *
normalize (const char *text)
{
  static const char *tails[] = { "。", "！", "？", "，", "；", "：" };
  char *s = g_strdup (text);

  g_strstrip (s);
  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    {
      if (g_str_has_suffix (s, tails[i]))
        {
          s[strlen (s) - strlen (tails[i])] = '\0';
          break;
        }
    }
  return s;
}

static gboolean
is_numbered (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  const char *p;

  if (c == 0xFF08 || c == '(' || g_unichar_isdigit (c) || (c >= 0x2460 && c <= 0x2473))
    return TRUE;
  /* 一、 十二、 */
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      c = g_utf8_get_char (p);
      if (c == 0x3001)
        return p != text;
      if (!g_utf8_strchr ("一二三四五六七八九十", -1, c))
        return FALSE;
    }
  return FALSE;
}

static gboolean
items_match (const Item *pred,
             const Item *gold)
{
  const char *p = pred->text;
  const char *g = gold->text;

  if (pred->marker[0] != '\0' && !g_str_has_prefix (g, pred->marker))
    return FALSE;
  return g_str_has_prefix (p, g) || g_str_has_prefix (g, p);
}

static GArray *
read_gold (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, item_clear);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return items;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');
      Item item = { 0 };

      if (tab == NULL)
        continue;
      *tab = '\0';
      item.level = MIN (MAX_LEVEL, (guint)g_ascii_strtoull (lines[i], NULL, 10));
      item.text = normalize (tab + 1);
      g_array_append_val (items, item);
    }
  return items;
}

static GArray *
predict (const char *text,
         gsize       len)
{
  g_autoptr(JjOutline) outline = jj_outline_detect (text, len, NULL, 0);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, item_clear);
  for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *e = jj_outline_get_entry (outline, i);
      JjOutlineKind kind = jj_outline_entry_get_kind (e);
      Item item = { 0 };

      if (kind != JJ_OUTLINE_KIND_HEADING && kind != JJ_OUTLINE_KIND_ENUMERATOR)
        continue;
      item.level = MIN (MAX_LEVEL, jj_outline_entry_get_level (e));
      item.text = normalize (jj_outline_entry_get_title (e));
      item.marker = g_strdup (jj_outline_entry_get_marker (e));
      g_array_append_val (items, item);
    }
  return items;
}

static void
score_document (const char *name,
                const char *form,
                GArray     *gold,
                GArray     *pred,
                Score      *score)
{
  guint n = pred->len, m = gold->len;
  g_autofree guint *dp = g_new0 (guint, (n + 1) * (m + 1));
  guint i, j;
  Score doc = { 0 };

#define DP(a, b) dp[(a) * (m + 1) + (b)]
  for (i = n; i-- > 0;)
    for (j = m; j-- > 0;)
      {
        if (items_match (&g_array_index (pred, Item, i), &g_array_index (gold, Item, j)))
          DP (i, j) = DP (i + 1, j + 1) + 1;
        else
          DP (i, j) = MAX (DP (i + 1, j), DP (i, j + 1));
      }

  for (i = 0; i < n; i++)
    doc.pred[g_array_index (pred, Item, i).level]++;
  for (j = 0; j < m; j++)
    {
      const Item *g = &g_array_index (gold, Item, j);

      doc.gold[g->level]++;
      if (is_numbered (g->text))
        doc.numbered_gold++;
    }

  i = 0;
  j = 0;
  while (i < n || j < m)
    {
      const Item *p = i < n ? &g_array_index (pred, Item, i) : NULL;
      const Item *g = j < m ? &g_array_index (gold, Item, j) : NULL;

      if (p != NULL && g != NULL && items_match (p, g) && DP (i, j) == DP (i + 1, j + 1) + 1)
        {
          gboolean exact = g_str_equal (p->text, g->text);

          doc.matched++;
          doc.gold_matched[g->level]++;
          doc.pred_matched[p->level]++;
          if (p->level == g->level)
            doc.level_ok++;
          if (is_numbered (g->text))
            {
              doc.numbered_matched++;
              if (exact)
                doc.numbered_exact++;
            }
          if (verbose && (!exact || p->level != g->level))
            printf ("  %s %s  ~ L%u %s  | gold L%u %s\n", name, form, p->level, p->text, g->level, g->text);
          i++;
          j++;
        }
      else if (p != NULL && (g == NULL || DP (i + 1, j) >= DP (i, j + 1)))
        {
          if (verbose)
            printf ("  %s %s  + L%u %s\n", name, form, p->level, p->text);
          i++;
        }
      else
        {
          if (verbose)
            printf ("  %s %s  - L%u %s\n", name, form, g->level, g->text);
          j++;
        }
    }
#undef DP

  printf ("%s\t%s\t%u\t%u\t%u\t%u\t%u/%u\n", name, form, m, n, doc.matched, doc.level_ok,
          doc.numbered_exact, doc.numbered_gold);

  for (guint l = 0; l <= MAX_LEVEL; l++)
    {
      score->gold[l] += doc.gold[l];
      score->pred[l] += doc.pred[l];
      score->gold_matched[l] += doc.gold_matched[l];
      score->pred_matched[l] += doc.pred_matched[l];
    }
  score->matched += doc.matched;
  score->level_ok += doc.level_ok;
  score->numbered_gold += doc.numbered_gold;
  score->numbered_matched += doc.numbered_matched;
  score->numbered_exact += doc.numbered_exact;
}

static double
ratio (guint a,
       guint b)
{
  return b > 0 ? (double)a / b : 1.0;
}

static double
f1 (double p,
    double r)
{
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static gboolean
report (const char  *form,
        const Score *s)
{
  guint gold = 0, pred = 0;
  double p, r, f, lvl, exact;
  gboolean ok;

  printf ("\n%s\tlevel\tgold\tpred\tP\tR\tF1\n", form);
  for (guint l = 1; l <= MAX_LEVEL; l++)
    {
      double lp = ratio (s->pred_matched[l], s->pred[l]);
      double lr = ratio (s->gold_matched[l], s->gold[l]);

      gold += s->gold[l];
      pred += s->pred[l];
      if (s->gold[l] == 0 && s->pred[l] == 0)
        continue;
      printf ("%s\tL%u\t%u\t%u\t%.3f\t%.3f\t%.3f\n", form, l, s->gold[l], s->pred[l], lp, lr, f1 (lp, lr));
    }
  p = ratio (s->matched, pred);
  r = ratio (s->matched, gold);
  f = f1 (p, r);
  lvl = ratio (s->level_ok, s->matched);
  exact = ratio (s->numbered_exact, s->numbered_gold);
  ok = f >= GOAL_F1 && lvl >= GOAL_LEVEL && exact >= GOAL_EXACT;

  printf ("%s\tall\t%u\t%u\t%.3f\t%.3f\t%.3f\n", form, gold, pred, p, r, f);
  printf ("%s\tlevel accuracy of matched: %.3f (%u/%u)\n", form, lvl, s->level_ok, s->matched);
  printf ("%s\texact text of numbered headings: %.3f (%u/%u gold; %u/%u matched)\n",
          form, exact, s->numbered_exact, s->numbered_gold, s->numbered_exact, s->numbered_matched);
  printf ("%s\tgoals (F1 >= %.2f, level >= %.2f, exact >= %.2f): %s\n",
          form, GOAL_F1, GOAL_LEVEL, GOAL_EXACT, ok ? "met" : "MISSED");
  return ok;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *gold_dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = NULL;
  const char *name;
  Score raw = { 0 }, runon = { 0 };
  gboolean ok;

  setlocale (LC_ALL, "");

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--verbose") || g_str_equal (argv[i], "-v"))
        verbose = TRUE;
      else
        dir = g_strdup (argv[i]);
    }
  if (dir == NULL)
    dir = g_strdup (JJ_TEST_DATA_DIR "/corpus-dev");

  gold_dir = g_build_filename (dir, "gold", NULL);
  d = g_dir_open (gold_dir, 0, NULL);
  if (d == NULL)
    {
      printf ("Bail out! no corpus at %s\n", dir);
      return 1;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_suffix (name, ".tsv"))
        g_ptr_array_add (names, g_strndup (name, strlen (name) - 4));
    }
  g_ptr_array_sort (names, compare_names);

  printf ("doc\tform\tgold\tpred\tmatched\tlevel-ok\texact-numbered\n");
  for (guint k = 0; k < names->len; k++)
    {
      const char *doc = g_ptr_array_index (names, k);
      g_autofree char *gold_path = g_strdup_printf ("%s/gold/%s.tsv", dir, doc);
      g_autoptr(GArray) gold = read_gold (gold_path);

      for (guint form = 0; form < 2; form++)
        {
          const char *form_name = form == 0 ? "raw" : "runon";
          g_autofree char *path = g_strdup_printf ("%s/%s/%s.txt", dir, form_name, doc);
          g_autofree char *text = NULL;
          g_autoptr(GArray) pred = NULL;
          gsize len = 0;

          if (!g_file_get_contents (path, &text, &len, NULL))
            continue;
          pred = predict (text, len);
          score_document (doc, form_name, gold, pred, form == 0 ? &raw : &runon);
        }
    }

  ok = report ("raw", &raw);
  ok = report ("runon", &runon) && ok;

  return ok ? 0 : 1;
}
