/* jj-approx-match.c
 *
 * Myers' bit-parallel algorithm (J. ACM 46(3), 1999) in the blocked form
 * of Hyyrö (2003), over an alphabet of code points: each 64-row block of
 * the dynamic-programming matrix is advanced one text character at a time
 * with a few word operations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-approx-match.h"

#define WORD_BITS 64
#define HIGH_BIT ((guint64)1 << 63)
#define MAX_PATTERN 16384
#define MAX_ERRORS 256

typedef struct
{
  gsize       m;
  guint       n_blocks;
  guint       n_symbols;
  guint16    *bmp;      /* code point below 0x10000 → symbol, 0 = not in pattern */
  GHashTable *astral;   /* other code points → symbol */
  guint64    *peq;      /* n_symbols × n_blocks */
} Pattern;

/**
 * jj_approx_match_max_errors:
 *
 * The most errors an approximate search allows for a pattern of this
 * length: half of it, and never more than 256.
 */
guint
jj_approx_match_max_errors (gsize pattern_length)
{
  return (guint)MIN ((gsize)MAX_ERRORS, pattern_length / 2);
}

static inline guint
symbol_of (const Pattern *p,
           gunichar       ch)
{
  if (ch < 0x10000)
    return p->bmp[ch];
  if (p->astral == NULL)
    return 0;

  return GPOINTER_TO_UINT (g_hash_table_lookup (p->astral, GUINT_TO_POINTER (ch)));
}

static void
pattern_init (Pattern        *p,
              const gunichar *pattern,
              gsize           m)
{
  memset (p, 0, sizeof *p);
  p->m = m;
  p->n_blocks = (m + WORD_BITS - 1) / WORD_BITS;
  p->bmp = g_new0 (guint16, 0x10000);
  p->n_symbols = 1;

  for (gsize i = 0; i < m; i++)
    {
      gunichar ch = pattern[i];

      if (symbol_of (p, ch) != 0)
        continue;
      if (ch < 0x10000)
        p->bmp[ch] = p->n_symbols++;
      else
        {
          if (p->astral == NULL)
            p->astral = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (p->astral, GUINT_TO_POINTER (ch), GUINT_TO_POINTER (p->n_symbols++));
        }
    }

  p->peq = g_new0 (guint64, (gsize)p->n_symbols * p->n_blocks);
  for (gsize i = 0; i < m; i++)
    {
      guint s = symbol_of (p, pattern[i]);

      p->peq[(gsize)s * p->n_blocks + i / WORD_BITS] |= (guint64)1 << (i % WORD_BITS);
    }
}

static void
pattern_clear (Pattern *p)
{
  g_free (p->bmp);
  g_free (p->peq);
  g_clear_pointer (&p->astral, g_hash_table_unref);
}

/* One column of one block; @hin and the result are the horizontal deltas
 * (-1, 0, +1) entering at the top and leaving at the row of @out_bit,
 * the bottom of the block or the last row of the pattern.
 */
static inline int
advance_block (guint64 *pv_io,
               guint64 *mv_io,
               guint64  eq,
               int      hin,
               guint64  out_bit)
{
  guint64 pv = *pv_io;
  guint64 mv = *mv_io;
  guint64 hin_neg = hin < 0 ? 1 : 0;
  guint64 xv, xh, ph, mh;
  int hout;

  xv = eq | mv;
  eq |= hin_neg;
  xh = (((eq & pv) + pv) ^ pv) | eq;
  ph = mv | ~(xh | pv);
  mh = pv & xh;

  hout = 0;
  if (ph & out_bit)
    hout = 1;
  else if (mh & out_bit)
    hout = -1;

  ph <<= 1;
  mh <<= 1;
  mh |= hin_neg;
  ph |= hin > 0 ? 1 : 0;

  *pv_io = mh | ~(xv | ph);
  *mv_io = ph & xv;

  return hout;
}

typedef void (*ColumnFunc) (gsize    column,
                            guint    score,
                            gpointer data);

/* Runs the pattern over @text; calls @func with the edit distance of the
 * best match of the whole pattern ending after each text character.
 * When @anchored, matches must start at the beginning of @text.
 */
static void
scan (const Pattern  *p,
      const gunichar *text,
      gsize           n,
      gboolean        anchored,
      ColumnFunc      func,
      gpointer        data)
{
  guint nb = p->n_blocks;
  guint64 *pv = g_new (guint64, nb);
  guint64 *mv = g_new0 (guint64, nb);
  gint64 *score = g_new (gint64, nb);
  guint last_bits = p->m - (gsize)(nb - 1) * WORD_BITS;
  guint64 last_bit = (guint64)1 << (last_bits - 1);

  /* score[b] is the distance at the last row of block b; the last block
   * reports the pattern's last row, bits above it (unused) never carry
   * down.
   */
  for (guint b = 0; b < nb; b++)
    {
      pv[b] = ~(guint64)0;
      score[b] = b + 1 < nb ? (gint64)(b + 1) * WORD_BITS : (gint64)p->m;
    }

  for (gsize j = 0; j < n; j++)
    {
      const guint64 *eq = p->peq + (gsize)symbol_of (p, text[j]) * nb;
      int hin = anchored ? 1 : 0;

      for (guint b = 0; b < nb; b++)
        {
          hin = advance_block (&pv[b], &mv[b], eq[b], hin, b + 1 < nb ? HIGH_BIT : last_bit);
          score[b] += hin;
        }

      func (j, (guint)score[nb - 1], data);
    }

  g_free (pv);
  g_free (mv);
  g_free (score);
}

typedef struct
{
  guint   max_errors;
  GArray *ends;        /* JjApproxMatch, end and errors only */
  gboolean in_run;
  JjApproxMatch best;
} FindState;

static void
find_column (gsize    column,
             guint    score,
             gpointer data)
{
  FindState *state = data;

  if (score <= state->max_errors)
    {
      if (!state->in_run || score < state->best.errors)
        {
          state->best.end = column + 1;
          state->best.errors = score;
        }
      state->in_run = TRUE;
    }
  else if (state->in_run)
    {
      g_array_append_val (state->ends, state->best);
      state->in_run = FALSE;
    }
}

typedef struct
{
  gsize pattern_length;
  guint best_score;
  gsize best_length;
} StartState;

static void
start_column (gsize    column,
              guint    score,
              gpointer data)
{
  StartState *state = data;
  gsize length = column + 1;
  gsize d_new = length > state->pattern_length ? length - state->pattern_length : state->pattern_length - length;
  gsize d_old = state->best_length > state->pattern_length ? state->best_length - state->pattern_length : state->pattern_length - state->best_length;

  if (score < state->best_score || (score == state->best_score && d_new < d_old))
    {
      state->best_score = score;
      state->best_length = length;
    }
}

static int
compare_errors (gconstpointer a,
                gconstpointer b)
{
  const JjApproxMatch *ma = a;
  const JjApproxMatch *mb = b;

  if (ma->errors != mb->errors)
    return ma->errors < mb->errors ? -1 : 1;

  return ma->end < mb->end ? -1 : (ma->end > mb->end);
}

/**
 * jj_approx_match_find:
 * @max_errors: clamped to jj_approx_match_max_errors()
 * @max_matches: the most matches returned, the best first
 *
 * Finds where @pattern occurs in @text with at most @max_errors
 * insertions, deletions or substitutions; each run of neighbouring end
 * positions gives one match, its best.
 *
 * Returns: (transfer full): an array of #JjApproxMatch, fewest errors first
 */
GArray *
jj_approx_match_find (const gunichar *text,
                      gsize           text_length,
                      const gunichar *pattern,
                      gsize           pattern_length,
                      guint           max_errors,
                      guint           max_matches)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (JjApproxMatch));
  FindState state = { 0, };
  Pattern p;
  Pattern rev;
  gunichar *reversed;
  gunichar *window;

  g_return_val_if_fail (text != NULL || text_length == 0, matches);
  g_return_val_if_fail (pattern != NULL || pattern_length == 0, matches);

  if (pattern_length == 0 || pattern_length > MAX_PATTERN || text_length == 0)
    return matches;

  state.max_errors = MIN (max_errors, jj_approx_match_max_errors (pattern_length));
  state.ends = matches;

  pattern_init (&p, pattern, pattern_length);
  scan (&p, text, text_length, FALSE, find_column, &state);
  if (state.in_run)
    g_array_append_val (matches, state.best);
  pattern_clear (&p);

  g_array_sort (matches, compare_errors);
  if (max_matches > 0 && matches->len > max_matches)
    g_array_set_size (matches, max_matches);

  /* The start of each match: the pattern reversed, run backwards from
   * its end and anchored there.
   */
  reversed = g_new (gunichar, pattern_length);
  for (gsize i = 0; i < pattern_length; i++)
    reversed[i] = pattern[pattern_length - 1 - i];
  pattern_init (&rev, reversed, pattern_length);
  window = g_new (gunichar, pattern_length + state.max_errors + 1);

  for (guint i = 0; i < matches->len; i++)
    {
      JjApproxMatch *match = &g_array_index (matches, JjApproxMatch, i);
      gsize span = MIN ((gsize)match->end, pattern_length + match->errors);
      StartState ss = { pattern_length, G_MAXUINT, 0 };

      for (gsize k = 0; k < span; k++)
        window[k] = text[match->end - 1 - k];
      scan (&rev, window, span, TRUE, start_column, &ss);

      match->start = match->end - ss.best_length;
      match->errors = MIN (match->errors, ss.best_score);
    }

  g_free (window);
  g_free (reversed);
  pattern_clear (&rev);

  return matches;
}

/**
 * jj_approx_match_distance:
 *
 * The edit distance (Levenshtein) between two short strings of code
 * points; for context comparisons, not for long texts.
 */
guint
jj_approx_match_distance (const gunichar *a,
                          gsize           a_length,
                          const gunichar *b,
                          gsize           b_length)
{
  guint *row;
  guint ret;

  if (a_length == 0)
    return b_length;
  if (b_length == 0)
    return a_length;

  row = g_new (guint, b_length + 1);
  for (gsize j = 0; j <= b_length; j++)
    row[j] = j;

  for (gsize i = 1; i <= a_length; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (gsize j = 1; j <= b_length; j++)
        {
          guint up = row[j];
          guint v = diag + (a[i - 1] == b[j - 1] ? 0 : 1);

          v = MIN (v, up + 1);
          v = MIN (v, row[j - 1] + 1);
          diag = up;
          row[j] = v;
        }
    }

  ret = row[b_length];
  g_free (row);

  return ret;
}
