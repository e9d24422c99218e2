/* jj-anchor.c
 *
 * A mark is found again by its quote: exactly first, the hits ranked by
 * how well the text around them agrees with the stored prefix and suffix
 * and by closeness to the old position; then approximately. A place is
 * taken only when the context confirms it: a mark that cannot be placed
 * with confidence becomes an orphan rather than a wrong highlight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "jj-anchor.h"
#include "jj-approx-match.h"
#include "jj-mark-private.h"

#define GRAM 4
#define MAX_EXACT_HITS (1u << 20)
#define MAX_RANKED_HITS 256
#define MAX_APPROX_MATCHES 64

/* Work, in characters compared or 64-row blocks advanced (a few
 * nanoseconds each), that the search of one mark and of all marks in one
 * text may take: a hostile marks file cannot hold the loading for long.
 * A mark whose search was cut short is an orphan for now, and searched
 * again on the next load.
 */
#define MARK_BUDGET ((guint64)20 * 1000 * 1000)
#define TEXT_BUDGET ((guint64)50 * 1000 * 1000)

struct _JjAnchorText
{
  gunichar *chars;
  guint     length;

  /* Positions of every GRAM-character substring, bucketed by hash; built
   * on the first search.
   */
  guint    *bucket_start;
  guint    *positions;
  guint     bucket_mask;

  guint64   work_left;
  char     *digest;
};

typedef struct
{
  guint  start;
  guint  end;
  guint  errors;
  double quote_sim;
  double context_sim;
  double position_sim;
  double score;
} Candidate;

JjAnchorText *
jj_anchor_text_new (const char *text,
                    gssize      n_bytes)
{
  JjAnchorText *self;
  glong len = 0;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (JjAnchorText, 1);
  self->chars = g_utf8_to_ucs4_fast (text, n_bytes, &len);
  self->length = (guint)len;
  self->work_left = TEXT_BUDGET;

  return self;
}

void
jj_anchor_text_free (JjAnchorText *self)
{
  if (self == NULL)
    return;

  g_free (self->chars);
  g_free (self->bucket_start);
  g_free (self->positions);
  g_free (self->digest);
  g_free (self);
}

/**
 * jj_anchor_text_get_digest:
 *
 * A short digest of the text (16 hex digits of its SHA-256), which an
 * orphan remembers so that it is not searched again in the same text.
 */
const char *
jj_anchor_text_get_digest (JjAnchorText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->digest == NULL)
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      guint32 buffer[1024];

      /* Little-endian code points, the same on every machine. */
      for (guint i = 0; i < self->length; i += G_N_ELEMENTS (buffer))
        {
          guint n = MIN (self->length - i, G_N_ELEMENTS (buffer));

          for (guint k = 0; k < n; k++)
            buffer[k] = GUINT32_TO_LE (self->chars[i + k]);
          g_checksum_update (checksum, (const guchar *)buffer, n * sizeof (guint32));
        }
      self->digest = g_strndup (g_checksum_get_string (checksum), 16);
    }

  return self->digest;
}

guint
jj_anchor_text_get_length (JjAnchorText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

const gunichar *
jj_anchor_text_get_chars (JjAnchorText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->chars;
}

char *
jj_anchor_text_dup_range (JjAnchorText *self,
                          guint         start,
                          guint         end)
{
  g_return_val_if_fail (self != NULL, NULL);

  start = MIN (start, self->length);
  end = CLAMP (end, start, self->length);

  return g_ucs4_to_utf8 (self->chars + start, end - start, NULL, NULL, NULL);
}

static inline guint
gram_hash (const gunichar *p)
{
  guint h = 2166136261u;

  for (guint i = 0; i < GRAM; i++)
    h = (h ^ p[i]) * 16777619u;

  return h ^ (h >> 15);
}

static void
ensure_index (JjAnchorText *self)
{
  guint n_grams;
  guint n_buckets = 1024;
  guint *fill;

  if (self->bucket_start != NULL)
    return;

  n_grams = self->length >= GRAM ? self->length - GRAM + 1 : 0;
  while (n_buckets < n_grams && n_buckets < (1u << 22))
    n_buckets <<= 1;
  self->bucket_mask = n_buckets - 1;

  self->bucket_start = g_new0 (guint, n_buckets + 1);
  self->positions = g_new (guint, MAX (n_grams, 1));

  for (guint i = 0; i < n_grams; i++)
    self->bucket_start[(gram_hash (self->chars + i) & self->bucket_mask) + 1]++;
  for (guint b = 0; b < n_buckets; b++)
    self->bucket_start[b + 1] += self->bucket_start[b];

  fill = g_memdup2 (self->bucket_start, sizeof (guint) * n_buckets);
  for (guint i = 0; i < n_grams; i++)
    self->positions[fill[gram_hash (self->chars + i) & self->bucket_mask]++] = i;
  g_free (fill);
}

static gboolean
equal_at (JjAnchorText   *self,
          guint           pos,
          const gunichar *q,
          guint           m)
{
  return (gsize)pos + m <= self->length && memcmp (self->chars + pos, q, sizeof (gunichar) * m) == 0;
}

static GArray *
find_exact (JjAnchorText   *self,
            const gunichar *q,
            guint           m)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (guint));

  if (m >= GRAM && self->length >= GRAM)
    {
      guint b;

      ensure_index (self);
      b = gram_hash (q) & self->bucket_mask;
      for (guint i = self->bucket_start[b]; i < self->bucket_start[b + 1] && hits->len < MAX_EXACT_HITS; i++)
        {
          guint pos = self->positions[i];

          if (equal_at (self, pos, q, m))
            g_array_append_val (hits, pos);
        }
    }
  else
    {
      for (guint pos = 0; pos + m <= self->length && hits->len < MAX_EXACT_HITS; pos++)
        if (self->chars[pos] == q[0] && equal_at (self, pos, q, m))
          g_array_append_val (hits, pos);
    }

  return hits;
}

/* What find_exact() reads: one bucket of the index, or the whole text
 * for a quote shorter than a gram.
 */
static guint64
exact_cost (JjAnchorText   *self,
            const gunichar *q,
            guint           m)
{
  guint b;

  if (m < GRAM || self->length < GRAM)
    return self->length + 1;

  ensure_index (self);
  b = gram_hash (q) & self->bucket_mask;

  return (guint64)(self->bucket_start[b + 1] - self->bucket_start[b]) + 1;
}

static double
side_similarity (const gunichar *context,
                 guint           context_length,
                 const gunichar *text,
                 guint           text_length)
{
  guint d;

  if (context_length == 0)
    return text_length == 0 ? 1.0 : 0.5;

  d = jj_approx_match_distance (context, context_length, text, text_length);

  return 1.0 - MIN (1.0, (double)d / context_length);
}

static double
context_similarity (JjAnchorText   *self,
                    guint           start,
                    guint           end,
                    const gunichar *prefix,
                    guint           lp,
                    const gunichar *suffix,
                    guint           ls)
{
  guint pb = start >= lp ? start - lp : 0;
  guint se = MIN ((gsize)self->length, (gsize)end + ls);
  double sp = side_similarity (prefix, lp, self->chars + pb, start - pb);
  double ss = side_similarity (suffix, ls, self->chars + end, se - end);
  double wp = MAX (lp, 4);
  double ws = MAX (ls, 4);

  return (sp * wp + ss * ws) / (wp + ws);
}

typedef struct
{
  JjAnchorText   *text;
  const gunichar *q;
  guint           m;
  const gunichar *prefix;
  guint           lp;
  const gunichar *suffix;
  guint           ls;
  guint           expected[2];
  guint64         budget;
  gboolean        cut;    /* the search was cut short */
} Search;

/* Takes @cost from the mark's and the text's budgets; FALSE, and the
 * search marked as cut short, when either has not enough left.
 */
static gboolean
spend (Search  *s,
       guint64  cost)
{
  if (cost > s->budget || cost > s->text->work_left)
    {
      s->cut = TRUE;
      return FALSE;
    }
  s->budget -= cost;
  s->text->work_left -= cost;

  return TRUE;
}

static void
score_candidate (Search    *s,
                 Candidate *c)
{
  guint d = G_MAXUINT;
  double scale = MAX (256.0, 4.0 * s->m);

  for (guint i = 0; i < G_N_ELEMENTS (s->expected); i++)
    {
      guint e = s->expected[i];
      d = MIN (d, c->start > e ? c->start - e : e - c->start);
    }

  c->quote_sim = 1.0 - (double)c->errors / s->m;
  c->context_sim = context_similarity (s->text, c->start, c->end, s->prefix, s->lp, s->suffix, s->ls);
  c->position_sim = 1.0 / (1.0 + d / scale);
  c->score = 0.5 * c->quote_sim + 0.35 * c->context_sim + 0.15 * c->position_sim;
}

static gboolean
acceptable (const Candidate *c,
            guint            n_exact,
            guint            m)
{
  if (c->errors == 0)
    return c->context_sim >= 0.3 || c->position_sim >= 0.5 || (n_exact == 1 && m >= 6);

  if (c->quote_sim < 0.7)
    return FALSE;

  return c->context_sim >= 0.5 || (c->quote_sim >= 0.85 && c->context_sim >= 0.3 && c->position_sim >= 0.3);
}

static void
consider (Search          *s,
          Candidate       *c,
          guint            n_exact,
          Candidate       *best,
          gboolean        *found)
{
  score_candidate (s, c);
  if (!acceptable (c, n_exact, s->m))
    return;
  if (!*found || c->score > best->score)
    {
      *best = *c;
      *found = TRUE;
    }
}

/* Myers' search ends a match where the quote ends best, not where the
 * text around agrees best: when a character at a boundary was deleted or
 * inserted, a neighbour may count as a substitution just as well. The
 * boundaries are moved to where quote, prefix and suffix together align
 * best.
 */
static void
refine_boundaries (Search    *s,
                   Candidate *c)
{
  const int R = 3;
  guint best_cost = G_MAXUINT;
  guint best_errors = c->errors;
  guint best_start = c->start;
  guint best_end = c->end;

  if (s->m > 512)
    return;
  if (!spend (s, (guint64)(2 * R + 1) * (2 * R + 1) *
                 ((guint64)s->m * (s->m + c->errors + 2 * R + 1) + s->lp * s->lp + s->ls * s->ls)))
    return;

  for (int ds = -R; ds <= R; ds++)
    for (int de = -R; de <= R; de++)
      {
        gint64 st = (gint64)c->start + ds;
        gint64 en = (gint64)c->end + de;
        guint pb, se, dq, dp, dx, cost;

        if (st < 0 || en > s->text->length || en <= st)
          continue;

        dq = jj_approx_match_distance (s->q, s->m, s->text->chars + st, en - st);
        if (dq > c->errors + 1)
          continue;
        pb = st >= s->lp ? st - s->lp : 0;
        se = MIN ((gsize)s->text->length, (gsize)en + s->ls);
        dp = jj_approx_match_distance (s->prefix, s->lp, s->text->chars + pb, st - pb);
        dx = jj_approx_match_distance (s->suffix, s->ls, s->text->chars + en, se - en);
        cost = dq + dp + dx;
        if (cost < best_cost || (cost == best_cost && dq < best_errors))
          {
            best_cost = cost;
            best_errors = dq;
            best_start = st;
            best_end = en;
          }
      }

  c->start = best_start;
  c->end = best_end;
  c->errors = best_errors;
}

static void
search_approximately (Search    *s,
                      guint      from,
                      guint      to,
                      guint      n_exact,
                      Candidate *best,
                      gboolean  *found)
{
  g_autoptr(GArray) matches = NULL;
  guint64 blocks = (s->m + 63) / 64;
  guint64 affordable = MIN (s->budget, s->text->work_left) / blocks / 2;

  /* Past the budget, only the part around the old place is searched. */
  if ((guint64)(to - from) > affordable)
    {
      guint middle = (guint)(((guint64)s->expected[0] + s->expected[1]) / 2);
      guint half = (guint)(affordable / 2);

      s->cut = TRUE;
      if (affordable < s->m)
        return;
      middle = CLAMP (middle, from + half, to - half);
      from = middle - half;
      to = middle + half;
    }
  spend (s, blocks * 2 * (to - from));

  matches = jj_approx_match_find (s->text->chars + from, to - from, s->q, s->m,
                                  jj_approx_match_max_errors (s->m), MAX_APPROX_MATCHES);

  for (guint i = 0; i < matches->len; i++)
    {
      const JjApproxMatch *match = &g_array_index (matches, JjApproxMatch, i);
      Candidate c = { from + match->start, from + match->end, match->errors, };

      if (c.errors == 0)
        continue;
      refine_boundaries (s, &c);
      if (c.errors == 0)
        continue;
      consider (s, &c, n_exact, best, found);
    }
}

static guint
distance_to_expected (guint        pos,
                      const guint *expected)
{
  guint d0 = pos > expected[0] ? pos - expected[0] : expected[0] - pos;
  guint d1 = pos > expected[1] ? pos - expected[1] : expected[1] - pos;

  return MIN (d0, d1);
}

static int
compare_distance (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  guint da = distance_to_expected (*(const guint *)a, user_data);
  guint db = distance_to_expected (*(const guint *)b, user_data);

  return da < db ? -1 : (da > db);
}

/* A very common quote (a word or two) has thousands of hits; the context
 * of only the nearest few is compared.
 */
static void
keep_nearest (GArray      *hits,
              const guint *expected)
{
  g_array_sort_with_data (hits, compare_distance, (gpointer)expected);
  g_array_set_size (hits, MAX_RANKED_HITS);
}

static JjMarkStatus
locate (JjAnchorText         *self,
        const JjAnchorTarget *target,
        guint                *start,
        guint                *end,
        gboolean             *cut)
{
  g_autofree gunichar *q = NULL;
  g_autofree gunichar *prefix = NULL;
  g_autofree gunichar *suffix = NULL;
  g_autoptr(GArray) hits = NULL;
  glong m = 0, lp = 0, ls = 0;
  Search s = { 0, };
  Candidate best = { 0, };
  gboolean found = FALSE;

  *cut = FALSE;
  if (target->quote == NULL || *target->quote == '\0')
    return JJ_MARK_STATUS_ORPHAN;

  q = g_utf8_to_ucs4_fast (target->quote, -1, &m);
  if (target->start < target->end && target->end - target->start == (guint)m &&
      equal_at (self, target->start, q, m))
    {
      *start = target->start;
      *end = target->end;
      return JJ_MARK_STATUS_PLACED;
    }

  /* Longer than the text allows, even with every error: nowhere. */
  if ((gsize)m > (gsize)self->length + jj_approx_match_max_errors (m))
    return JJ_MARK_STATUS_ORPHAN;

  prefix = g_utf8_to_ucs4_fast (target->prefix != NULL ? target->prefix : "", -1, &lp);
  suffix = g_utf8_to_ucs4_fast (target->suffix != NULL ? target->suffix : "", -1, &ls);

  /* The context is compared by edit distance: whatever the caller holds,
   * only the characters next to the quote count.
   */
  s.text = self;
  s.q = q;
  s.m = m;
  s.prefix = lp > JJ_MARK_CONTEXT_LENGTH ? prefix + (lp - JJ_MARK_CONTEXT_LENGTH) : prefix;
  s.lp = MIN (lp, JJ_MARK_CONTEXT_LENGTH);
  s.suffix = suffix;
  s.ls = MIN (ls, JJ_MARK_CONTEXT_LENGTH);
  s.budget = MARK_BUDGET;
  s.expected[0] = target->start;
  s.expected[1] = target->old_length > 0
    ? (guint)((double)target->start * self->length / target->old_length)
    : target->start;

  if (!spend (&s, exact_cost (self, q, m)))
    {
      *cut = TRUE;
      return JJ_MARK_STATUS_ORPHAN;
    }
  hits = find_exact (self, q, m);
  if (hits->len > MAX_RANKED_HITS)
    keep_nearest (hits, s.expected);
  for (guint i = 0; i < hits->len; i++)
    {
      Candidate c = { g_array_index (hits, guint, i), 0, 0, };

      c.end = c.start + m;
      consider (&s, &c, hits->len, &best, &found);
    }

  /* An exact hit whose context agrees needs no further search. */
  if ((!found || best.context_sim < 0.5) && (guint)m >= 4)
    {
      guint margin = 4 * m + 2000;
      guint lo = MIN (s.expected[0], s.expected[1]);
      guint hi = MAX (s.expected[0], s.expected[1]);
      guint from = lo > margin ? lo - margin : 0;
      guint to = MIN ((gsize)self->length, (gsize)hi + m + margin);

      if (from < to)
        search_approximately (&s, from, to, hits->len, &best, &found);
      /* The whole text only when nothing near the old place will do. */
      if (!found && (from > 0 || to < self->length))
        search_approximately (&s, 0, self->length, hits->len, &best, &found);
    }

  *cut = s.cut;
  if (!found)
    return JJ_MARK_STATUS_ORPHAN;

  *start = best.start;
  *end = best.end;

  if (best.errors == 0 && best.start == target->start && best.end == target->end)
    return JJ_MARK_STATUS_PLACED;

  return JJ_MARK_STATUS_MOVED;
}

/**
 * jj_anchor_locate:
 * @start: (out): where the quote is now
 * @end: (out): its end, exclusive
 *
 * Returns: %JJ_MARK_STATUS_PLACED when the quote is still where it was,
 *   %JJ_MARK_STATUS_MOVED when it was found elsewhere (perhaps edited),
 *   %JJ_MARK_STATUS_ORPHAN when it cannot be placed with confidence, or
 *   the search was cut short by its budget
 */
JjMarkStatus
jj_anchor_locate (JjAnchorText         *self,
                  const JjAnchorTarget *target,
                  guint                *start,
                  guint                *end)
{
  gboolean cut = FALSE;

  g_return_val_if_fail (self != NULL, JJ_MARK_STATUS_ORPHAN);
  g_return_val_if_fail (target != NULL, JJ_MARK_STATUS_ORPHAN);

  return locate (self, target, start, end, &cut);
}

/**
 * jj_anchor_mark:
 * @old_length: length of the text the mark was made on, 0 when unknown
 *
 * Re-anchors @mark in @self: sets its status, and for a mark found
 * elsewhere its range, quote and context from the new text. An orphan
 * keeps what it had.
 */
JjMarkStatus
jj_anchor_mark (JjAnchorText *self,
                JjMark       *mark,
                guint         old_length)
{
  JjAnchorTarget target;
  JjMarkStatus status;
  const char *orphaned_in;
  guint start = 0, end = 0;
  gboolean cut = FALSE;

  g_return_val_if_fail (self != NULL, JJ_MARK_STATUS_ORPHAN);
  g_return_val_if_fail (JJ_IS_MARK (mark), JJ_MARK_STATUS_ORPHAN);

  /* Searched in this very text before, and not found: nothing changed. */
  orphaned_in = _jj_mark_get_orphaned_in (mark);
  if (orphaned_in != NULL && g_str_equal (orphaned_in, jj_anchor_text_get_digest (self)))
    {
      jj_mark_set_status (mark, JJ_MARK_STATUS_ORPHAN);
      return JJ_MARK_STATUS_ORPHAN;
    }

  target.quote = jj_mark_get_quote (mark);
  target.prefix = jj_mark_get_prefix (mark);
  target.suffix = jj_mark_get_suffix (mark);
  target.start = jj_mark_get_start (mark);
  target.end = jj_mark_get_end (mark);
  target.old_length = old_length;

  status = locate (self, &target, &start, &end, &cut);

  if (status == JJ_MARK_STATUS_MOVED)
    {
      g_autofree char *quote = jj_anchor_text_dup_range (self, start, end);
      g_autofree char *prefix = jj_anchor_text_dup_range (self, start >= JJ_MARK_CONTEXT_LENGTH ? start - JJ_MARK_CONTEXT_LENGTH : 0, start);
      g_autofree char *suffix = jj_anchor_text_dup_range (self, end, end + JJ_MARK_CONTEXT_LENGTH);

      g_object_freeze_notify (G_OBJECT (mark));
      jj_mark_set_range (mark, start, end);
      jj_mark_set_quote (mark, quote);
      jj_mark_set_context (mark, prefix, suffix);
      g_object_thaw_notify (G_OBJECT (mark));
    }

  jj_mark_set_status (mark, status);
  if (status == JJ_MARK_STATUS_ORPHAN && !cut)
    _jj_mark_set_orphaned_in (mark, jj_anchor_text_get_digest (self));

  return status;
}
