/* jj-reuse-checker.c — 查重: which stretches of a draft were taken from which speech
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Texts are compared folded as full-text search folds them (full-width
 * forms, case, traditional characters), punctuation and spaces left out. The draft's k-grams are hashed into a small table; every
 * source is scanned once with a rolling hash, each seed is extended into a
 * maximal exact segment (once per diagonal), segments a character or two
 * apart are chained, and the longest stretches win the draft's characters
 * when several sources hold the same words.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jj-reuse-checker.h"
#include "jj-text-fold.h"
#include "jj-text-index-private.h"

#define SEED_LENGTH 8          /* k of the k-grams; a stretch is found when ≥ k */
#define STOP_COUNT 32          /* a k-gram that often in the draft seeds nothing */
#define MAX_GAP 2              /* characters changed, added or left out at one place */
#define MIN_RESUME 3           /* exact characters needed after a change at an end */
#define FILTER_BITS 20

typedef struct
{
  char     *name;
  char     *title;
  char     *stamp;  /* the index's, for a source read from one */
  char     *text;   /* while it waits to be folded */
  guint     id;     /* its place in the sources */
  gunichar *key;
  guint     n;
  /* The display offset of each folded character, packed (source_offset()):
   * the offset of every MARK_EVERY-th, then steps from one to the next. */
  guint    *marks;
  guint8   *steps;
  GArray   *far;    /* FarStep, for steps of FAR_STEP or more */
} Source;

#define MARK_SHIFT 6
#define MARK_EVERY (1u << MARK_SHIFT)
#define FAR_STEP 255

typedef struct
{
  guint at;
  guint offset;
} FarStep;

typedef struct
{
  guint64 hash;
  guint   head;    /* first draft position, G_MAXUINT when empty */
  guint   count;
} Slot;

typedef struct
{
  const gunichar *key;
  guint           n;
  guint           k;
  Slot           *slots;
  guint           mask;
  guint          *next;
  guint8         *filter;
} DraftIndex;

typedef struct
{
  guint a, e;      /* draft, folded */
  guint b, f;      /* source, folded */
  guint edits;
} Segment;

typedef struct
{
  guint       a, e, b, f;
  guint       source;
  JjReuseKind kind;
} Candidate;

struct _JjReuseChecker
{
  GObject    parent_instance;

  GPtrArray  *sources;
  GHashTable *by_name;    /* name → Source, the last one added under it */
  guint       min_length;
};

G_DEFINE_FINAL_TYPE (JjReuseChecker, jj_reuse_checker, G_TYPE_OBJECT)

static void
source_free (gpointer data)
{
  Source *source = data;

  g_free (source->name);
  g_free (source->title);
  g_free (source->stamp);
  g_free (source->text);
  g_free (source->key);
  g_free (source->marks);
  g_free (source->steps);
  g_clear_pointer (&source->far, g_array_unref);
  g_free (source);
}

static void
jj_reuse_checker_finalize (GObject *object)
{
  JjReuseChecker *self = JJ_REUSE_CHECKER (object);

  g_hash_table_unref (self->by_name);
  g_ptr_array_unref (self->sources);

  G_OBJECT_CLASS (jj_reuse_checker_parent_class)->finalize (object);
}

static void
jj_reuse_checker_class_init (JjReuseCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jj_reuse_checker_finalize;
}

static void
jj_reuse_checker_init (JjReuseChecker *self)
{
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->min_length = 13;
}

JjReuseChecker *
jj_reuse_checker_new (void)
{
  return g_object_new (JJ_TYPE_REUSE_CHECKER, NULL);
}

void
jj_reuse_checker_set_min_length (JjReuseChecker *self,
                                 guint           min_length)
{
  g_return_if_fail (JJ_IS_REUSE_CHECKER (self));
  g_return_if_fail (min_length >= 2);

  self->min_length = min_length;
}

guint
jj_reuse_checker_get_min_length (JjReuseChecker *self)
{
  g_return_val_if_fail (JJ_IS_REUSE_CHECKER (self), 0);

  return self->min_length;
}

/* Folds @text as full-text search does (width, case, traditional
 * characters; jj-text-fold.h), keeping letters and digits only, into @key
 * and @map (the display offset of each folded character).
 */
static guint
fold_text (const char  *text,
           gunichar   **key_out,
           guint      **map_out)
{
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *folded = jj_text_fold_with_map (text, -1, &offsets);
  gunichar *key = g_new (gunichar, offsets->len);
  guint *map = g_new (guint, offsets->len);
  guint n = 0, i = 0;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        continue;
      key[n] = c;
      map[n] = g_array_index (offsets, guint, i);
      n++;
    }
  map[n] = g_array_index (offsets, guint, offsets->len - 1);

  *key_out = key;
  *map_out = map;
  return n;
}

/**
 * jj_reuse_fold:
 * @text: a display text
 * @offsets: (out) (optional): the display offset (guint) of each character
 *   of the result
 *
 * Returns: @text as the reuse check compares it.
 */
char *
jj_reuse_fold (const char  *text,
               GArray     **offsets)
{
  g_autofree gunichar *key = NULL;
  g_autofree guint *map = NULL;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);

  n = fold_text (text, &key, &map);
  if (offsets != NULL)
    {
      *offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
      g_array_append_vals (*offsets, map, n);
    }

  return g_ucs4_to_utf8 (key, n, NULL, NULL, NULL);
}

/* Folds @text into @source's key and packed offsets: a byte a character
 * rather than four, the texts of a library being kept. */
static void
fold_source_text (Source     *source,
                  const char *text)
{
  g_autofree guint *map = NULL;
  guint n = fold_text (text, &source->key, &map);

  source->n = n;
  source->key = g_renew (gunichar, source->key, MAX (n, 1));
  source->marks = g_new (guint, (n >> MARK_SHIFT) + 1);
  source->steps = g_new (guint8, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint step = i > 0 ? map[i] - map[i - 1] : 0;

      if ((i & (MARK_EVERY - 1)) == 0)
        {
          source->marks[i >> MARK_SHIFT] = map[i];
          step = 0;
        }
      if (step >= FAR_STEP)
        {
          FarStep far = { i, map[i] };

          if (source->far == NULL)
            source->far = g_array_new (FALSE, FALSE, sizeof (FarStep));
          g_array_append_val (source->far, far);
          step = FAR_STEP;
        }
      source->steps[i] = step;
    }
}

static gint
compare_far_steps (gconstpointer a,
                   gconstpointer b)
{
  guint x = ((const FarStep *)a)->at, y = ((const FarStep *)b)->at;

  return x < y ? -1 : x > y;
}

/* The display offset of folded character @i of @source. */
static guint
source_offset (const Source *source,
               guint         i)
{
  guint offset = source->marks[i >> MARK_SHIFT];

  for (guint j = (i & ~(MARK_EVERY - 1)) + 1; j <= i; j++)
    {
      if (source->steps[j] == FAR_STEP)
        {
          FarStep key = { j, 0 };
          guint at = 0;
          gboolean found = g_array_binary_search (source->far, &key, compare_far_steps, &at);

          g_assert (found);
          offset = g_array_index (source->far, FarStep, at).offset;
        }
      else
        offset += source->steps[j];
    }

  return offset;
}

static guint
append_source (JjReuseChecker *self,
               Source         *source)
{
  source->id = self->sources->len;
  g_ptr_array_add (self->sources, source);
  g_hash_table_replace (self->by_name, source->name, source);

  return source->id;
}

guint
jj_reuse_checker_add_source (JjReuseChecker *self,
                             const char     *name,
                             const char     *text)
{
  Source *source;

  g_return_val_if_fail (JJ_IS_REUSE_CHECKER (self), G_MAXUINT);
  g_return_val_if_fail (name != NULL, G_MAXUINT);
  g_return_val_if_fail (text != NULL, G_MAXUINT);

  source = g_new0 (Source, 1);
  source->name = g_strdup (name);
  fold_source_text (source, text);

  return append_source (self, source);
}

/* The last source takes the place of the one removed: numbers of sources
 * hold until the sources change. */
static void
remove_source (JjReuseChecker *self,
               Source         *source)
{
  guint id = source->id;

  if (g_hash_table_lookup (self->by_name, source->name) == source)
    g_hash_table_remove (self->by_name, source->name);
  g_ptr_array_remove_index_fast (self->sources, id);
  if (id < self->sources->len)
    ((Source *)g_ptr_array_index (self->sources, id))->id = id;
}

/**
 * jj_reuse_checker_remove_source:
 *
 * Removes the source last added under @name. The last source takes its
 * number. Returns: whether there was one
 */
gboolean
jj_reuse_checker_remove_source (JjReuseChecker *self,
                                const char     *name)
{
  Source *source;

  g_return_val_if_fail (JJ_IS_REUSE_CHECKER (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  source = g_hash_table_lookup (self->by_name, name);
  if (source == NULL)
    return FALSE;
  remove_source (self, source);

  return TRUE;
}

/* Returns: the number of the source last added under @name, or G_MAXUINT */
guint
jj_reuse_checker_find_source (JjReuseChecker *self,
                              const char     *name)
{
  Source *source;

  g_return_val_if_fail (JJ_IS_REUSE_CHECKER (self), G_MAXUINT);
  g_return_val_if_fail (name != NULL, G_MAXUINT);

  source = g_hash_table_lookup (self->by_name, name);
  return source != NULL ? source->id : G_MAXUINT;
}

/* Speeches read from an index are folded in a pool of threads while the
 * index is read; the reading thread folds too when the pool has enough
 * waiting, so that few texts are held at a time. */
typedef struct
{
  JjReuseChecker *self;
  const char     *skip_path;
  GCancellable   *cancellable;
  GHashTable     *wanted;    /* path → stamp of the speeches to read, or NULL for all */
  GThreadPool    *pool;
  guint           max_waiting;
  GPtrArray      *read;      /* Source, in the index's order */
} AddIndexData;

static void
fold_source (gpointer data,
             gpointer user_data)
{
  Source *source = data;

  fold_source_text (source, source->text);
  g_clear_pointer (&source->text, g_free);
}

static void
add_index_data_init (AddIndexData   *data,
                     JjReuseChecker *self,
                     const char     *skip_path,
                     GHashTable     *wanted,
                     GCancellable   *cancellable)
{
  guint n_threads = MAX (1, g_get_num_processors () - 1);

  data->self = self;
  data->skip_path = skip_path;
  data->cancellable = cancellable;
  data->wanted = wanted;
  data->pool = g_thread_pool_new (fold_source, NULL, n_threads, FALSE, NULL);
  data->max_waiting = 4 * n_threads;
  data->read = g_ptr_array_new ();
}

/* Waits for the pool and adds what was read. Returns: how many */
static guint
add_index_data_finish (AddIndexData *data)
{
  guint n = data->read->len;

  if (data->pool != NULL)
    g_thread_pool_free (data->pool, FALSE, TRUE);
  for (guint i = 0; i < data->read->len; i++)
    append_source (data->self, g_ptr_array_index (data->read, i));
  g_ptr_array_unref (data->read);

  return n;
}

static gboolean
add_indexed_document (const char *path,
                      const char *title,
                      const char *text,
                      gpointer    user_data)
{
  AddIndexData *data = user_data;
  Source *source;

  if (g_cancellable_is_cancelled (data->cancellable))
    return FALSE;
  if (data->skip_path != NULL && g_str_equal (path, data->skip_path))
    return TRUE;
  if (data->wanted != NULL && !g_hash_table_contains (data->wanted, path))
    return TRUE;

  source = g_new0 (Source, 1);
  source->name = g_strdup (path);
  source->title = g_strdup (title);
  if (data->wanted != NULL)
    source->stamp = g_strdup (g_hash_table_lookup (data->wanted, path));
  source->text = g_strdup (text);
  g_ptr_array_add (data->read, source);

  if (data->pool != NULL && g_thread_pool_unprocessed (data->pool) < data->max_waiting)
    g_thread_pool_push (data->pool, source, NULL);
  else
    fold_source (source, NULL);

  return TRUE;
}

/**
 * jj_reuse_checker_add_index:
 * @index: an open full-text index
 * @skip_path: (nullable): a speech not to compare with, the draft itself
 * @n_added: (out) (optional): how many speeches were added
 *
 * Adds every speech of @index as a source, named by its path, with the
 * text the index holds: the library's speeches without reading the files.
 */
gboolean
jj_reuse_checker_add_index (JjReuseChecker  *self,
                            JjTextIndex     *index,
                            const char      *skip_path,
                            guint           *n_added,
                            GCancellable    *cancellable,
                            GError         **error)
{
  AddIndexData data;
  gboolean ok;
  guint n;

  g_return_val_if_fail (JJ_IS_REUSE_CHECKER (self), FALSE);
  g_return_val_if_fail (JJ_IS_TEXT_INDEX (index), FALSE);

  add_index_data_init (&data, self, skip_path, NULL, cancellable);
  ok = jj_text_index_foreach_document (index, add_indexed_document, &data, error);
  n = add_index_data_finish (&data);
  if (!ok)
    return FALSE;
  if (n_added != NULL)
    *n_added = n;

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

typedef struct
{
  JjReuseChecker *self;
  GHashTable     *kept;     /* Source */
  GHashTable     *wanted;   /* path → stamp */
} SyncData;

static gboolean
compare_stamp (const char *path,
               const char *stamp,
               gpointer    user_data)
{
  SyncData *data = user_data;
  Source *source = g_hash_table_lookup (data->self->by_name, path);

  if (source != NULL && g_strcmp0 (source->stamp, stamp) == 0)
    g_hash_table_add (data->kept, source);
  else
    g_hash_table_insert (data->wanted, g_strdup (path), g_strdup (stamp));

  return TRUE;
}

/**
 * jj_reuse_checker_sync_index:
 * @index: an open full-text index
 * @n_read: (out) (optional): how many speeches were read from @index
 *
 * Makes the sources the speeches @index holds, as
 * jj_reuse_checker_add_index() adds them to an empty checker, but reads
 * again only the speeches that were added, indexed anew or removed since
 * the last time. Sources not read from the index are removed. Numbers of
 * sources change.
 */
gboolean
jj_reuse_checker_sync_index (JjReuseChecker  *self,
                             JjTextIndex     *index,
                             guint           *n_read,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SyncData sync = { self, kept, wanted };
  AddIndexData data;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (JJ_IS_REUSE_CHECKER (self), FALSE);
  g_return_val_if_fail (JJ_IS_TEXT_INDEX (index), FALSE);

  if (n_read != NULL)
    *n_read = 0;
  if (!jj_text_index_foreach_stamp (index, compare_stamp, &sync, error))
    return FALSE;

  for (guint i = self->sources->len; i-- > 0; )
    {
      Source *source = g_ptr_array_index (self->sources, i);

      if (!g_hash_table_contains (kept, source))
        remove_source (self, source);
    }

  /* Many speeches are read in one pass over the index, a few one by one. */
  add_index_data_init (&data, self, NULL, wanted, cancellable);
  if (g_hash_table_size (wanted) > 64 && g_hash_table_size (wanted) > self->sources->len / 8)
    ok = jj_text_index_foreach_document (index, add_indexed_document, &data, error);
  else
    {
      GHashTableIter iter;
      gpointer path;

      g_hash_table_iter_init (&iter, wanted);
      while (ok && g_hash_table_iter_next (&iter, &path, NULL))
        ok = jj_text_index_foreach_document_at (index, path, add_indexed_document, &data, error);
    }
  n = add_index_data_finish (&data);
  if (!ok)
    return FALSE;
  if (n_read != NULL)
    *n_read = n;

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Returns: (nullable): the title the index gave source @source */
const char *
jj_reuse_checker_get_source_title (JjReuseChecker *self,
                                   guint           source)
{
  g_return_val_if_fail (JJ_IS_REUSE_CHECKER (self), NULL);
  g_return_val_if_fail (source < self->sources->len, NULL);

  return ((Source *)g_ptr_array_index (self->sources, source))->title;
}

guint
jj_reuse_checker_get_n_sources (JjReuseChecker *self)
{
  g_return_val_if_fail (JJ_IS_REUSE_CHECKER (self), 0);

  return self->sources->len;
}

const char *
jj_reuse_checker_get_source_name (JjReuseChecker *self,
                                  guint           source)
{
  g_return_val_if_fail (JJ_IS_REUSE_CHECKER (self), NULL);
  g_return_val_if_fail (source < self->sources->len, NULL);

  return ((Source *)g_ptr_array_index (self->sources, source))->name;
}

#define HASH_BASE G_GUINT64_CONSTANT (0x100000001b3)

static inline guint64
mix (guint64 h)
{
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  return h;
}

static guint64
power (guint k)
{
  guint64 p = 1;

  for (guint i = 0; i < k; i++)
    p *= HASH_BASE;
  return p;
}

static Slot *
index_lookup (const DraftIndex *index,
              guint64           hash)
{
  guint i = (guint)mix (hash) & index->mask;

  while (index->slots[i].head != G_MAXUINT)
    {
      if (index->slots[i].hash == hash)
        return &index->slots[i];
      i = (i + 1) & index->mask;
    }
  return &index->slots[i];
}

static void
draft_index_init (DraftIndex     *index,
                  const gunichar *key,
                  guint           n,
                  guint           k)
{
  guint size = 16;

  index->key = key;
  index->n = n;
  index->k = k;
  while (size < 2 * n + 2)
    size <<= 1;
  index->slots = g_new (Slot, size);
  for (guint i = 0; i < size; i++)
    index->slots[i].head = G_MAXUINT;
  index->mask = size - 1;
  index->next = g_new (guint, MAX (n, 1));
  index->filter = g_malloc0 ((1u << FILTER_BITS) / 8);

  if (n < k)
    return;
  /* Inserted from the end so that each chain lists positions in order. */
  for (guint i = n - k + 1; i-- > 0; )
    {
      guint64 h = 0;
      Slot *slot;

      for (guint j = 0; j < k; j++)
        h = h * HASH_BASE + key[i + j];
      slot = index_lookup (index, h);
      if (slot->head == G_MAXUINT)
        {
          slot->hash = h;
          slot->count = 0;
          index->next[i] = G_MAXUINT;
        }
      else
        index->next[i] = slot->head;
      slot->head = i;
      slot->count++;
      index->filter[(h >> (64 - FILTER_BITS)) / 8] |= 1u << ((h >> (64 - FILTER_BITS)) % 8);
    }
}

static void
draft_index_clear (DraftIndex *index)
{
  g_free (index->slots);
  g_free (index->next);
  g_free (index->filter);
}

static guint
match_forward (const gunichar *x, guint nx, guint i,
               const gunichar *y, guint ny, guint j)
{
  guint m = 0;

  while (i + m < nx && j + m < ny && x[i + m] == y[j + m])
    m++;
  return m;
}

static guint
match_backward (const gunichar *x, guint i,
                const gunichar *y, guint j)
{
  guint m = 0;

  while (m < i && m < j && x[i - m - 1] == y[j - m - 1])
    m++;
  return m;
}

static const guint gaps[][2] = {
  { 1, 1 }, { 1, 0 }, { 0, 1 }, { 2, 2 }, { 2, 0 }, { 0, 2 }, { 2, 1 }, { 1, 2 },
};

/* Carries a chain's ends over a change of a character or two where at
 * least MIN_RESUME exact characters follow it.
 */
static void
extend_with_edits (Segment        *chain,
                   const gunichar *d, guint nd,
                   const gunichar *s, guint ns)
{
  for (guint round = 0; round < MAX_GAP; round++)
    {
      guint best = 0, best_gap = 0;

      for (guint g = 0; g < G_N_ELEMENTS (gaps); g++)
        {
          guint i = chain->e + gaps[g][0], j = chain->f + gaps[g][1];
          guint m;

          if (i > nd || j > ns)
            continue;
          m = match_forward (d, nd, i, s, ns, j);
          if (m > best)
            {
              best = m;
              best_gap = g;
            }
        }
      if (best < MIN_RESUME)
        break;
      chain->e += gaps[best_gap][0] + best;
      chain->f += gaps[best_gap][1] + best;
      chain->edits++;
    }

  for (guint round = 0; round < MAX_GAP; round++)
    {
      guint best = 0, best_gap = 0;

      for (guint g = 0; g < G_N_ELEMENTS (gaps); g++)
        {
          guint m;

          if (chain->a < gaps[g][0] || chain->b < gaps[g][1])
            continue;
          m = match_backward (d, chain->a - gaps[g][0], s, chain->b - gaps[g][1]);
          if (m > best)
            {
              best = m;
              best_gap = g;
            }
        }
      if (best < MIN_RESUME)
        break;
      chain->a -= gaps[best_gap][0] + best;
      chain->b -= gaps[best_gap][1] + best;
      chain->edits++;
    }
}

static gint
compare_segments (gconstpointer pa,
                  gconstpointer pb)
{
  const Segment *a = pa, *b = pb;

  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  if (a->b != b->b)
    return a->b < b->b ? -1 : 1;
  return 0;
}

typedef struct
{
  guint *diag_end;
  guint  diag_size;
  GArray *touched;
  GArray *segments;
  GArray *chains;
} Scratch;

/* The exact segments of one source, chained. */
static void
scan_source (const DraftIndex *index,
             const Source     *source,
             guint             source_id,
             guint             min_length,
             Scratch          *scratch,
             GArray           *candidates)
{
  const gunichar *d = index->key, *s = source->key;
  guint nd = index->n, ns = source->n, k = index->k;
  guint64 hash = 0, top = power (k - 1);

  if (ns < k || nd < k)
    return;

  if (scratch->diag_size < ns + nd + 1)
    {
      g_free (scratch->diag_end);
      scratch->diag_size = ns + nd + 1;
      scratch->diag_end = g_new0 (guint, scratch->diag_size);
    }
  g_array_set_size (scratch->segments, 0);
  g_array_set_size (scratch->touched, 0);

  for (guint j = 0; j + k <= ns; j++)
    {
      guint bits;
      Slot *slot;

      if (j == 0)
        for (guint x = 0; x < k; x++)
          hash = hash * HASH_BASE + s[x];
      else
        hash = (hash - s[j - 1] * top) * HASH_BASE + s[j + k - 1];

      bits = hash >> (64 - FILTER_BITS);
      if ((index->filter[bits / 8] & (1u << (bits % 8))) == 0)
        continue;
      slot = index_lookup (index, hash);
      if (slot->head == G_MAXUINT || slot->count > STOP_COUNT)
        continue;

      for (guint i = slot->head; i != G_MAXUINT; i = index->next[i])
        {
          guint diag = j + nd - i;
          Segment seg;
          guint back;

          if (scratch->diag_end[diag] > i)
            continue;
          if (memcmp (d + i, s + j, k * sizeof (gunichar)) != 0)
            continue;
          back = match_backward (d, i, s, j);
          seg.a = i - back;
          seg.b = j - back;
          seg.e = i + k + match_forward (d, nd, i + k, s, ns, j + k);
          seg.f = seg.b + (seg.e - seg.a);
          seg.edits = 0;
          if (scratch->diag_end[diag] == 0)
            g_array_append_val (scratch->touched, diag);
          scratch->diag_end[diag] = seg.e;
          g_array_append_val (scratch->segments, seg);
        }
    }

  for (guint t = 0; t < scratch->touched->len; t++)
    scratch->diag_end[g_array_index (scratch->touched, guint, t)] = 0;

  g_array_sort (scratch->segments, compare_segments);

  /* Chain segments whose gap is at most MAX_GAP characters on each side. */
  g_array_set_size (scratch->chains, 0);
  for (guint x = 0; x < scratch->segments->len; x++)
    {
      const Segment *seg = &g_array_index (scratch->segments, Segment, x);
      gboolean joined = FALSE;

      for (guint c = scratch->chains->len; c-- > 0; )
        {
          Segment *chain = &g_array_index (scratch->chains, Segment, c);

          if (chain->e + MAX_GAP < seg->a)
            break;
          if (seg->a >= chain->e && seg->b >= chain->f
              && seg->a - chain->e <= MAX_GAP && seg->b - chain->f <= MAX_GAP
              && seg->e > chain->e)
            {
              chain->e = seg->e;
              chain->f = seg->f;
              chain->edits++;
              joined = TRUE;
              break;
            }
        }
      if (!joined)
        g_array_append_val (scratch->chains, *seg);
    }

  for (guint c = 0; c < scratch->chains->len; c++)
    {
      Segment *chain = &g_array_index (scratch->chains, Segment, c);
      Candidate candidate;

      extend_with_edits (chain, d, nd, s, ns);
      if (chain->e - chain->a < min_length)
        continue;
      candidate.a = chain->a;
      candidate.e = chain->e;
      candidate.b = chain->b;
      candidate.f = chain->f;
      candidate.source = source_id;
      candidate.kind = chain->edits == 0 ? JJ_REUSE_VERBATIM : JJ_REUSE_NEAR;
      g_array_append_val (candidates, candidate);
    }
}

typedef struct
{
  const DraftIndex *index;
  GPtrArray        *sources;
  guint             min_length;
  guint             first;
  guint             step;
  const char       *skip_name;
  GCancellable     *cancellable;
  GArray           *candidates;
} Worker;

static gpointer
worker_run (gpointer data)
{
  Worker *worker = data;
  Scratch scratch = { 0, };

  scratch.touched = g_array_new (FALSE, FALSE, sizeof (guint));
  scratch.segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  scratch.chains = g_array_new (FALSE, FALSE, sizeof (Segment));

  for (guint i = worker->first; i < worker->sources->len; i += worker->step)
    {
      const Source *source = g_ptr_array_index (worker->sources, i);

      if (g_cancellable_is_cancelled (worker->cancellable))
        break;
      if (worker->skip_name != NULL && g_str_equal (source->name, worker->skip_name))
        continue;
      scan_source (worker->index, source, i,
                   worker->min_length, &scratch, worker->candidates);
    }

  g_free (scratch.diag_end);
  g_array_unref (scratch.touched);
  g_array_unref (scratch.segments);
  g_array_unref (scratch.chains);

  return NULL;
}

/* Ties go by the sources' names, not their numbers: the result does not
 * hang on the order the sources came in. */
static gint
compare_sources (GPtrArray *sources,
                 guint      a,
                 guint      b)
{
  if (a == b)
    return 0;
  return strcmp (((Source *)g_ptr_array_index (sources, a))->name,
                 ((Source *)g_ptr_array_index (sources, b))->name);
}

static gint
compare_candidates (gconstpointer pa,
                    gconstpointer pb,
                    gpointer      sources)
{
  const Candidate *a = pa, *b = pb;
  guint la = a->e - a->a, lb = b->e - b->a;
  gint by_source;

  if (la != lb)
    return la > lb ? -1 : 1;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if ((by_source = compare_sources (sources, a->source, b->source)) != 0)
    return by_source;
  if (a->source != b->source)
    return a->source < b->source ? -1 : 1;
  return a->a < b->a ? -1 : (a->a > b->a);
}

static gint
compare_stretches (gconstpointer pa,
                   gconstpointer pb,
                   gpointer      sources)
{
  const JjReuseStretch *a = pa, *b = pb;
  gint by_source;

  if (a->draft_start != b->draft_start)
    return a->draft_start < b->draft_start ? -1 : 1;
  if ((by_source = compare_sources (sources, a->source, b->source)) != 0)
    return by_source;
  return a->source < b->source ? -1 : (a->source > b->source);
}

static gint
compare_shares (gconstpointer pa,
                gconstpointer pb,
                gpointer      sources)
{
  const JjReuseShare *a = pa, *b = pb;

  if (a->n_chars != b->n_chars)
    return a->n_chars > b->n_chars ? -1 : 1;
  return compare_sources (sources, a->source, b->source);
}

/**
 * jj_reuse_checker_check:
 * @self: a #JjReuseChecker
 * @draft: the draft's display text
 * @shares: (out) (optional): a #JjReuseShare for each source the draft
 *   takes from, largest first
 * @total_share: (out) (optional): the share of the draft's folded
 *   characters taken from any source
 *
 * Every stretch of the draft of at least the minimal length that a source
 * holds verbatim or nearly. Where several sources hold the same words, the
 * longest stretch keeps them; a stretch is reported only when at least the
 * minimal length of it is not already another's.
 *
 * Returns: (transfer full): #JjReuseStretch in draft order, or %NULL when
 *   cancelled.
 */
GArray *
jj_reuse_checker_check (JjReuseChecker  *self,
                        const char      *draft,
                        GArray         **shares,
                        double          *total_share,
                        GCancellable    *cancellable,
                        GError         **error)
{
  return jj_reuse_checker_check_except (self, draft, NULL, shares, total_share, cancellable, error);
}

/**
 * jj_reuse_checker_check_except:
 * @skip_name: (nullable): the name of a source not to compare with, the
 *   draft itself when it is one
 *
 * The same as jj_reuse_checker_check(), leaving out the sources named
 * @skip_name.
 */
GArray *
jj_reuse_checker_check_except (JjReuseChecker  *self,
                               const char      *draft,
                               const char      *skip_name,
                               GArray         **shares,
                               double          *total_share,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autofree gunichar *key = NULL;
  g_autofree guint *map = NULL;
  g_autofree guint *owner = NULL;
  g_autofree guint *per_source = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GArray *stretches;
  DraftIndex index;
  Worker workers[4];
  GThread *threads[4] = { NULL, };
  guint n_workers, n, covered = 0;

  g_return_val_if_fail (JJ_IS_REUSE_CHECKER (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  n = fold_text (draft, &key, &map);
  draft_index_init (&index, key, n, MIN (SEED_LENGTH, self->min_length));

  n_workers = CLAMP (g_get_num_processors (), 1, G_N_ELEMENTS (workers));
  n_workers = MIN (n_workers, MAX (self->sources->len, 1));
  for (guint w = 0; w < n_workers; w++)
    {
      workers[w].index = &index;
      workers[w].sources = self->sources;
      workers[w].min_length = self->min_length;
      workers[w].first = w;
      workers[w].step = n_workers;
      workers[w].skip_name = skip_name;
      workers[w].cancellable = cancellable;
      workers[w].candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
      if (w > 0)
        threads[w] = g_thread_new ("jj-reuse", worker_run, &workers[w]);
    }
  worker_run (&workers[0]);
  for (guint w = 0; w < n_workers; w++)
    {
      if (threads[w] != NULL)
        g_thread_join (threads[w]);
      g_array_append_vals (candidates, workers[w].candidates->data, workers[w].candidates->len);
      g_array_unref (workers[w].candidates);
    }
  draft_index_clear (&index);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_array_sort_with_data (candidates, compare_candidates, self->sources);
  owner = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    owner[i] = G_MAXUINT;
  per_source = g_new0 (guint, MAX (self->sources->len, 1));
  stretches = g_array_new (FALSE, FALSE, sizeof (JjReuseStretch));

  for (guint c = 0; c < candidates->len; c++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, c);
      const Source *source = g_ptr_array_index (self->sources, candidate->source);
      JjReuseStretch stretch;
      guint fresh = 0;

      for (guint i = candidate->a; i < candidate->e; i++)
        fresh += owner[i] == G_MAXUINT;
      if (fresh < self->min_length)
        continue;
      for (guint i = candidate->a; i < candidate->e; i++)
        if (owner[i] == G_MAXUINT)
          {
            owner[i] = candidate->source;
            per_source[candidate->source]++;
          }
      covered += fresh;

      stretch.draft_start = map[candidate->a];
      stretch.draft_end = map[candidate->e - 1] + 1;
      stretch.source = candidate->source;
      stretch.source_start = source_offset (source, candidate->b);
      stretch.source_end = source_offset (source, candidate->f - 1) + 1;
      stretch.length = candidate->e - candidate->a;
      stretch.kind = candidate->kind;
      g_array_append_val (stretches, stretch);
    }
  g_array_sort_with_data (stretches, compare_stretches, self->sources);

  if (shares != NULL)
    {
      *shares = g_array_new (FALSE, FALSE, sizeof (JjReuseShare));
      for (guint s = 0; s < self->sources->len; s++)
        if (per_source[s] > 0)
          {
            JjReuseShare share = { s, per_source[s], (double)per_source[s] / n };

            g_array_append_val (*shares, share);
          }
      g_array_sort_with_data (*shares, compare_shares, self->sources);
    }
  if (total_share != NULL)
    *total_share = n > 0 ? (double)covered / n : 0.0;

  return stretches;
}
