/* outline-score.c — measures the outline detector on a corpus with gold outlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: outline-score [OPTION…] CORPUS-DIR
 *   --verbose, -v        list every miss, extra and wrong level or extent
 *   --split NAME         the goals apply to this split of split.tsv (default: all)
 *   --form NAME          … and to this form only: raw, runon or page (default: all)
 *   --pages DIR          also score the page form: DIR/NN.*.page.txt, opened
 *                        like a user's file (cleaned, then outlined)
 *   --min-f1 X --min-level X --min-exact X --min-parallel X
 *                        goals (defaults 0.97, 0.95, 0.95, 0)
 *
 * CORPUS-DIR holds raw/NN.txt, runon/NN.txt and gold/NN.tsv
 * (level<TAB>heading), optionally gold/NN.parallel.tsv (level<TAB>n<TAB>
 * opening<TAB>first 20 characters of the series) and split.tsv
 * (NN<TAB>split). Predicted headings and enumerators are aligned with the
 * gold ones in order (longest common subsequence); a pair matches when the
 * marker is the same and one title is a prefix of the other. A predicted
 * series (an entry whose kind has the nick "parallel") matches a gold one
 * when both start with the same 10 characters, dashes and spaces left out.
 * Figures, and the per-document lines, are printed for every form of the
 * chosen split only (of every split with --split all, the default), so that
 * tuning on one split shows nothing of another; exits 1 when a goal is
 * missed on the chosen split, 77 (skip) when there is no corpus.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "jj-converter.h"
#include "jj-document.h"
#include "jj-outline.h"

#define MAX_LEVEL  6
#define MAX_SPLITS 4
#define KEY_CHARS  10

enum { FORM_RAW, FORM_RUNON, FORM_PAGE, N_FORMS };
static const char *form_names[N_FORMS] = { "raw", "runon", "page" };

typedef struct
{
  guint  level;
  char  *text;
  char  *marker;   /* NULL for gold */
} Item;

typedef struct
{
  guint  level;
  guint  n;        /* 0: the detector does not say */
  char  *key;
} Series;

typedef struct
{
  guint docs;
  guint gold[MAX_LEVEL + 1];
  guint pred[MAX_LEVEL + 1];
  guint gold_matched[MAX_LEVEL + 1];
  guint pred_matched[MAX_LEVEL + 1];
  guint matched;
  guint level_ok;
  guint kind_gold[2];     /* [0] enumerators, [1] numbered */
  guint kind_pred[2];
  guint kind_matched[2];
  guint numbered_exact;
  gboolean has_parallel;
  guint par_gold;
  guint par_pred;
  guint par_matched;
  guint par_level_ok;
  guint par_n_ok;
} Score;

typedef struct
{
  char  *name;
  Score  forms[N_FORMS];
} Split;

static gboolean verbose;
/* per-document lines only for the documents of the chosen split, so that
 * scoring one split shows nothing of another's documents */
static gboolean show_doc = TRUE;
static int parallel_kind = -1;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
  g_free (item->marker);
}

static void
series_clear (gpointer data)
{
  Series *series = data;

  g_free (series->key);
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

/* The first KEY_CHARS characters, leading dashes and spaces left out */
static char *
series_key (const char *text)
{
  const char *p = text;
  const char *end;
  guint n = 0;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0x2014 && c != 0x2015 && c != 0x2500 && c != '-' && c != 0xFF0D
          && !g_unichar_isspace (c) && c != 0x3000)
        break;
      p = g_utf8_next_char (p);
    }
  for (end = p; *end != '\0' && n < KEY_CHARS; end = g_utf8_next_char (end), n++)
    {
      if (*end == '\n')
        break;
    }
  return g_strndup (p, end - p);
}

static gboolean
is_numbered (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  const char *p;

  if (c == 0xFF08 || c == '(' || g_unichar_isdigit (c) || (c >= 0x2460 && c <= 0x2473))
    return TRUE;
  /* 一、 十二、 and a numeral alone on its line */
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      c = g_utf8_get_char (p);
      if (c == 0x3001)
        return p != text;
      if (!g_utf8_strchr ("一二三四五六七八九十", -1, c))
        return FALSE;
    }
  return p != text;
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

/* NULL when the document has no parallel gold */
static GArray *
read_gold_parallel (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *series;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (series, series_clear);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 4);
      Series s = { 0 };

      if (g_strv_length (fields) != 4)
        continue;
      s.level = MIN (MAX_LEVEL, (guint)g_ascii_strtoull (fields[0], NULL, 10));
      s.n = (guint)g_ascii_strtoull (fields[1], NULL, 10);
      s.key = series_key (fields[3]);
      g_array_append_val (series, s);
    }
  return series;
}

static void
predict (JjOutline  *outline,
         const char *text,
         GArray    **out_items,
         GArray    **out_series)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  GArray *series = g_array_new (FALSE, TRUE, sizeof (Series));

  g_array_set_clear_func (items, item_clear);
  g_array_set_clear_func (series, series_clear);
  for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *e = jj_outline_get_entry (outline, i);
      JjOutlineKind kind = jj_outline_entry_get_kind (e);

      if (parallel_kind >= 0 && (int)kind == parallel_kind)
        {
          guint start = jj_outline_entry_get_start (e);
          Series s = { 0 };

#ifdef HAVE_OUTLINE_MEMBERS
          s.n = jj_outline_entry_get_n_members (e);
          if (s.n > 0)
            jj_outline_entry_get_member (e, 0, &start, NULL);
#else
          if (jj_outline_entry_get_children (e) != NULL)
            s.n = g_list_model_get_n_items (jj_outline_entry_get_children (e));
#endif
          s.level = MIN (MAX_LEVEL, jj_outline_entry_get_level (e));
          s.key = series_key (g_utf8_offset_to_pointer (text, start));
          g_array_append_val (series, s);
        }
      else if (kind == JJ_OUTLINE_KIND_HEADING || kind == JJ_OUTLINE_KIND_ENUMERATOR)
        {
          Item item = { 0 };

          item.level = MIN (MAX_LEVEL, jj_outline_entry_get_level (e));
          item.text = normalize (jj_outline_entry_get_title (e));
          item.marker = g_strdup (jj_outline_entry_get_marker (e));
          g_array_append_val (items, item);
        }
    }
  *out_items = items;
  *out_series = series;
}

static void
score_headings (const char *name,
                const char *form,
                GArray     *gold,
                GArray     *pred,
                Score      *doc)
{
  guint n = pred->len, m = gold->len;
  g_autofree guint *dp = g_new0 (guint, (n + 1) * (m + 1));
  guint i, j;

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
    {
      const Item *p = &g_array_index (pred, Item, i);

      doc->pred[p->level]++;
      doc->kind_pred[is_numbered (p->text)]++;
    }
  for (j = 0; j < m; j++)
    {
      const Item *g = &g_array_index (gold, Item, j);

      doc->gold[g->level]++;
      doc->kind_gold[is_numbered (g->text)]++;
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
          gboolean numbered = is_numbered (g->text);

          doc->matched++;
          doc->gold_matched[g->level]++;
          doc->pred_matched[p->level]++;
          if (p->level == g->level)
            doc->level_ok++;
          if (numbered == is_numbered (p->text))
            doc->kind_matched[numbered]++;
          if (numbered && exact)
            doc->numbered_exact++;
          if (verbose && show_doc && (!exact || p->level != g->level))
            printf ("  %s %s  ~ L%u %s  | gold L%u %s\n", name, form, p->level, p->text, g->level, g->text);
          i++;
          j++;
        }
      else if (p != NULL && (g == NULL || DP (i + 1, j) >= DP (i, j + 1)))
        {
          if (verbose && show_doc)
            printf ("  %s %s  + L%u %s\n", name, form, p->level, p->text);
          i++;
        }
      else
        {
          if (verbose && show_doc)
            printf ("  %s %s  - L%u %s\n", name, form, g->level, g->text);
          j++;
        }
    }
#undef DP
}

static void
score_parallel (const char *name,
                const char *form,
                GArray     *gold,
                GArray     *pred,
                Score      *doc)
{
  guint n = pred->len, m = gold->len;
  g_autofree guint *dp = g_new0 (guint, (n + 1) * (m + 1));
  guint i, j;

  doc->has_parallel = TRUE;
  doc->par_gold += m;
  doc->par_pred += n;

#define DP(a, b) dp[(a) * (m + 1) + (b)]
#define SAME(a, b) g_str_equal (g_array_index (pred, Series, a).key, g_array_index (gold, Series, b).key)
  for (i = n; i-- > 0;)
    for (j = m; j-- > 0;)
      {
        if (SAME (i, j))
          DP (i, j) = DP (i + 1, j + 1) + 1;
        else
          DP (i, j) = MAX (DP (i + 1, j), DP (i, j + 1));
      }

  i = 0;
  j = 0;
  while (i < n || j < m)
    {
      const Series *p = i < n ? &g_array_index (pred, Series, i) : NULL;
      const Series *g = j < m ? &g_array_index (gold, Series, j) : NULL;

      if (p != NULL && g != NULL && SAME (i, j) && DP (i, j) == DP (i + 1, j + 1) + 1)
        {
          doc->par_matched++;
          if (p->level == g->level)
            doc->par_level_ok++;
          if (p->n == g->n)
            doc->par_n_ok++;
          if (verbose && show_doc && (p->level != g->level || p->n != g->n))
            printf ("  %s %s  ~ series L%u ×%u %s  | gold L%u ×%u\n", name, form,
                    p->level, p->n, p->key, g->level, g->n);
          i++;
          j++;
        }
      else if (p != NULL && (g == NULL || DP (i + 1, j) >= DP (i, j + 1)))
        {
          if (verbose && show_doc)
            printf ("  %s %s  + series L%u ×%u %s\n", name, form, p->level, p->n, p->key);
          i++;
        }
      else
        {
          if (verbose && show_doc)
            printf ("  %s %s  - series L%u ×%u %s\n", name, form, g->level, g->n, g->key);
          j++;
        }
    }
#undef SAME
#undef DP
}

static void
score_add (Score       *to,
           const Score *doc)
{
  to->docs++;
  for (guint l = 0; l <= MAX_LEVEL; l++)
    {
      to->gold[l] += doc->gold[l];
      to->pred[l] += doc->pred[l];
      to->gold_matched[l] += doc->gold_matched[l];
      to->pred_matched[l] += doc->pred_matched[l];
    }
  to->matched += doc->matched;
  to->level_ok += doc->level_ok;
  for (guint k = 0; k < 2; k++)
    {
      to->kind_gold[k] += doc->kind_gold[k];
      to->kind_pred[k] += doc->kind_pred[k];
      to->kind_matched[k] += doc->kind_matched[k];
    }
  to->numbered_exact += doc->numbered_exact;
  to->has_parallel |= doc->has_parallel;
  to->par_gold += doc->par_gold;
  to->par_pred += doc->par_pred;
  to->par_matched += doc->par_matched;
  to->par_level_ok += doc->par_level_ok;
  to->par_n_ok += doc->par_n_ok;
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

typedef struct
{
  double f1;
  double level;
  double exact;
  double parallel;
} Figures;

static Figures
report (const char  *split,
        const char  *form,
        const Score *s)
{
  g_autofree char *tag = g_strdup_printf ("%s/%s", split, form);
  static const char *kinds[2] = { "enumerator", "numbered" };
  guint gold = 0, pred = 0;
  double p, r;
  Figures fig;

  printf ("\n%s (%u docs)\tlevel\tgold\tpred\tP\tR\tF1\n", tag, s->docs);
  for (guint l = 1; l <= MAX_LEVEL; l++)
    {
      double lp = ratio (s->pred_matched[l], s->pred[l]);
      double lr = ratio (s->gold_matched[l], s->gold[l]);

      gold += s->gold[l];
      pred += s->pred[l];
      if (s->gold[l] == 0 && s->pred[l] == 0)
        continue;
      printf ("%s\tL%u\t%u\t%u\t%.3f\t%.3f\t%.3f\n", tag, l, s->gold[l], s->pred[l], lp, lr, f1 (lp, lr));
    }
  for (guint k = 2; k-- > 0;)
    {
      double kp = ratio (s->kind_matched[k], s->kind_pred[k]);
      double kr = ratio (s->kind_matched[k], s->kind_gold[k]);

      printf ("%s\t%s\t%u\t%u\t%.3f\t%.3f\t%.3f\n", tag, kinds[k], s->kind_gold[k], s->kind_pred[k],
              kp, kr, f1 (kp, kr));
    }
  p = ratio (s->matched, pred);
  r = ratio (s->matched, gold);
  fig.f1 = f1 (p, r);
  fig.level = ratio (s->level_ok, s->matched);
  fig.exact = ratio (s->numbered_exact, s->kind_gold[1]);
  printf ("%s\tall\t%u\t%u\t%.3f\t%.3f\t%.3f\n", tag, gold, pred, p, r, fig.f1);
  printf ("%s\tlevel accuracy of matched: %.3f (%u/%u)\n", tag, fig.level, s->level_ok, s->matched);
  printf ("%s\texact text of numbered headings: %.3f (%u/%u gold; %u matched)\n",
          tag, fig.exact, s->numbered_exact, s->kind_gold[1], s->kind_matched[1]);
  if (s->has_parallel)
    {
      double pp = ratio (s->par_matched, s->par_pred);
      double pr = ratio (s->par_matched, s->par_gold);

      fig.parallel = f1 (pp, pr);
      printf ("%s\tparallel series\t%u\t%u\t%.3f\t%.3f\t%.3f\n", tag, s->par_gold, s->par_pred,
              pp, pr, fig.parallel);
      printf ("%s\tparallel series of matched: level %.3f, member count %.3f (%u matched)%s\n", tag,
              ratio (s->par_level_ok, s->par_matched), ratio (s->par_n_ok, s->par_matched),
              s->par_matched, parallel_kind < 0 ? "; the detector has no parallel kind" : "");
    }
  else
    {
      fig.parallel = -1;
      printf ("%s\tparallel series: no gold in this corpus\n", tag);
    }
  return fig;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* NN → split name, from CORPUS-DIR/split.tsv */
static GHashTable *
read_splits (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "split.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *splits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return splits;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);

      if (g_strv_length (fields) == 2)
        g_hash_table_insert (splits, g_strdup (fields[0]), g_strdup (g_strstrip (fields[1])));
    }
  return splits;
}

static Split *
split_for (Split      *splits,
           guint      *n_splits,
           const char *name)
{
  for (guint i = 0; i < *n_splits; i++)
    {
      if (g_str_equal (splits[i].name, name))
        return &splits[i];
    }
  if (*n_splits == MAX_SPLITS)
    return NULL;
  splits[*n_splits].name = g_strdup (name);
  return &splits[(*n_splits)++];
}

static void
score_text (const char *doc,
            const char *form_name,
            JjOutline  *outline,
            const char *text,
            GArray     *gold,
            GArray     *gold_parallel,
            Score      *score)
{
  g_autoptr(GArray) pred = NULL;
  g_autoptr(GArray) pred_parallel = NULL;
  Score one = { 0 };

  predict (outline, text, &pred, &pred_parallel);
  score_headings (doc, form_name, gold, pred, &one);
  if (gold_parallel != NULL)
    score_parallel (doc, form_name, gold_parallel, pred_parallel, &one);
  if (show_doc)
    printf ("%s\t%s\t%u\t%u\t%u\t%u\t%u/%u\t%u/%u/%u\n", doc, form_name, gold->len, pred->len,
            one.matched, one.level_ok, one.numbered_exact, one.kind_gold[1],
            one.par_gold, one.par_pred, one.par_matched);
  score_add (score, &one);
}

static char *
to_simplified (const char *text)
{
  char *out = jj_converter_t2s (text, -1, NULL, NULL);

  return out != NULL ? out : g_strdup (text);
}

/* A page's text is in simplified characters (cleaning converts it): so is
 * the gold it is scored on, where the document is in traditional ones
 */
static void
simplify_gold (GArray **gold,
               GArray **gold_parallel)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  GArray *series = g_array_new (FALSE, TRUE, sizeof (Series));

  g_array_set_clear_func (items, item_clear);
  g_array_set_clear_func (series, series_clear);
  for (guint i = 0; i < (*gold)->len; i++)
    {
      Item item = g_array_index (*gold, Item, i);

      item.text = to_simplified (item.text);
      item.marker = g_strdup (item.marker);
      g_array_append_val (items, item);
    }
  for (guint i = 0; i < (*gold_parallel)->len; i++)
    {
      Series one = g_array_index (*gold_parallel, Series, i);

      one.key = to_simplified (one.key);
      g_array_append_val (series, one);
    }
  g_array_unref (*gold);
  g_array_unref (*gold_parallel);
  *gold = items;
  *gold_parallel = series;
}

/* Every page form of @doc in @pages_dir: NN.STYLE.SEED.page.txt */
static void
score_pages (const char *pages_dir,
             const char *doc,
             GArray     *gold,
             GArray     *gold_parallel,
             Score      *score)
{
  g_autoptr(GDir) d = g_dir_open (pages_dir, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *prefix = g_strconcat (doc, ".", NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".page.txt"))
        g_ptr_array_add (files, g_strdup (name));
    }
  g_ptr_array_sort (files, compare_names);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file_name = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (pages_dir, file_name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(JjDocument) document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
      g_autofree char *label = g_strndup (file_name, strlen (file_name) - strlen (".page.txt"));

      if (document == NULL)
        {
          printf ("%s\tpage\tcannot open: %s\n", label, error->message);
          continue;
        }
      score_text (label, "page", jj_document_get_outline (document),
                  jj_document_get_text (document), gold, gold_parallel, score);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *gold_dir = NULL;
  g_autofree char *pages_dir = NULL;
  g_autofree char *goal_split = NULL;
  g_autofree char *goal_form = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) doc_splits = NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GEnumClass) kinds = NULL;
  GEnumValue *parallel;
  Split splits[MAX_SPLITS] = { 0 };
  guint n_splits = 1;
  Figures goal = { 0.97, 0.95, 0.95, 0 };
  gboolean ok = TRUE, goal_seen = FALSE;
  const char *name;

  setlocale (LC_ALL, "");

  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];
      gboolean has_value = i + 1 < argc;

      if (g_str_equal (a, "--verbose") || g_str_equal (a, "-v"))
        verbose = TRUE;
      else if (g_str_equal (a, "--split") && has_value)
        goal_split = g_strdup (argv[++i]);
      else if (g_str_equal (a, "--form") && has_value)
        goal_form = g_strdup (argv[++i]);
      else if (g_str_equal (a, "--pages") && has_value)
        pages_dir = g_strdup (argv[++i]);
      else if (g_str_equal (a, "--min-f1") && has_value)
        goal.f1 = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (a, "--min-level") && has_value)
        goal.level = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (a, "--min-exact") && has_value)
        goal.exact = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (a, "--min-parallel") && has_value)
        goal.parallel = g_ascii_strtod (argv[++i], NULL);
      else if (a[0] == '-')
        {
          fprintf (stderr, "outline-score: unknown option %s\n", a);
          return 2;
        }
      else
        dir = g_strdup (a);
    }
  if (dir == NULL)
    {
      printf ("1..0 # SKIP no corpus: pass the corpus directory\n");
      return 77;
    }
  if (goal_split == NULL)
    goal_split = g_strdup ("all");

  gold_dir = g_build_filename (dir, "gold", NULL);
  d = g_dir_open (gold_dir, 0, NULL);
  if (d == NULL)
    {
      printf ("1..0 # SKIP no corpus at %s\n", dir);
      return 77;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_suffix (name, ".tsv") && !g_str_has_suffix (name, ".parallel.tsv"))
        g_ptr_array_add (names, g_strndup (name, strlen (name) - 4));
    }
  g_ptr_array_sort (names, compare_names);
  doc_splits = read_splits (dir);

  kinds = g_type_class_ref (JJ_TYPE_OUTLINE_KIND);
  parallel = g_enum_get_value_by_nick (kinds, "parallel");
  parallel_kind = parallel != NULL ? parallel->value : -1;

  splits[0].name = g_strdup ("all");
  printf ("doc\tform\tgold\tpred\tmatched\tlevel-ok\texact-numbered\tseries gold/pred/matched\n");
  for (guint k = 0; k < names->len; k++)
    {
      const char *doc = g_ptr_array_index (names, k);
      g_autofree char *gold_path = g_strdup_printf ("%s/gold/%s.tsv", dir, doc);
      g_autofree char *parallel_path = g_strdup_printf ("%s/gold/%s.parallel.tsv", dir, doc);
      g_autoptr(GArray) gold = read_gold (gold_path);
      g_autoptr(GArray) gold_parallel = read_gold_parallel (parallel_path);
      const char *split_name = g_hash_table_lookup (doc_splits, doc);
      Split *split = split_name != NULL ? split_for (splits, &n_splits, split_name) : NULL;
      Score doc_scores[N_FORMS] = { { 0 } };

      show_doc = g_str_equal (goal_split, "all")
                 || (split_name != NULL && g_str_equal (split_name, goal_split));

      for (guint form = FORM_RAW; form <= FORM_RUNON; form++)
        {
          g_autofree char *path = g_strdup_printf ("%s/%s/%s.txt", dir, form_names[form], doc);
          g_autofree char *text = NULL;
          g_autoptr(JjOutline) outline = NULL;
          gsize len = 0;

          if (!g_file_get_contents (path, &text, &len, NULL))
            continue;
          outline = jj_outline_detect (text, len, NULL, 0);
          score_text (doc, form_names[form], outline, text, gold, gold_parallel, &doc_scores[form]);
        }
      if (pages_dir != NULL)
        {
          g_autofree char *raw_path = g_strdup_printf ("%s/raw/%s.txt", dir, doc);
          g_autofree char *raw = NULL;
          gsize raw_len = 0;

          if (g_file_get_contents (raw_path, &raw, &raw_len, NULL)
              && jj_converter_is_traditional (raw, raw_len))
            simplify_gold (&gold, &gold_parallel);
          score_pages (pages_dir, doc, gold, gold_parallel, &doc_scores[FORM_PAGE]);
        }

      for (guint form = 0; form < N_FORMS; form++)
        {
          /* a document's page forms count as one document each */
          Score *to_all = &splits[0].forms[form];
          guint docs_before = to_all->docs;

          if (form == FORM_PAGE && pages_dir == NULL)
            continue;
          score_add (to_all, &doc_scores[form]);
          to_all->docs = docs_before + 1;
          if (split != NULL)
            {
              docs_before = split->forms[form].docs;
              score_add (&split->forms[form], &doc_scores[form]);
              split->forms[form].docs = docs_before + 1;
            }
        }
    }

  for (guint s = 0; s < n_splits; s++)
    {
      for (guint form = 0; form < N_FORMS; form++)
        {
          Figures fig;
          gboolean met;

          if (form == FORM_PAGE && pages_dir == NULL)
            continue;
          /* with --split, the other splits' figures stay unseen too */
          if (!g_str_equal (goal_split, "all") && !g_str_equal (splits[s].name, goal_split))
            continue;
          fig = report (splits[s].name, form_names[form], &splits[s].forms[form]);
          if (!g_str_equal (splits[s].name, goal_split)
              || (goal_form != NULL && !g_str_equal (form_names[form], goal_form)))
            continue;
          goal_seen = TRUE;
          met = fig.f1 >= goal.f1 && fig.level >= goal.level && fig.exact >= goal.exact
                && (fig.parallel < 0 || fig.parallel >= goal.parallel);
          printf ("%s/%s\tgoals (F1 >= %.3f, level >= %.3f, exact >= %.3f, parallel F1 >= %.3f): %s\n",
                  splits[s].name, form_names[form], goal.f1, goal.level, goal.exact, goal.parallel,
                  met ? "met" : "MISSED");
          ok = ok && met;
        }
    }
  for (guint s = 0; s < n_splits; s++)
    g_free (splits[s].name);
  if (!goal_seen)
    {
      fprintf (stderr, "outline-score: no split %s (form %s) in %s\n", goal_split,
               goal_form != NULL ? goal_form : "any", dir);
      return 2;
    }

  return ok ? 0 : 1;
}
