/* jj-converter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <opencc/opencc.h>

#include "jj-converter.h"
#include "jj-converter-private.h"
#include "jj-opencc-keys.h"

#define SAMPLE_SIZE (4 * 1024)
#define N_SAMPLES   4
#define N_CODE_POINTS 0x110000

static GMutex converter_lock;
static opencc_t converter = (opencc_t)-1;
static gboolean converter_tried;
/* Two bits per code point, set when the character occurs in a key of the
 * converter's dictionaries, and in a key of two characters or more. NULL
 * when they cannot be read.
 */
static guint8 *key_chars;

enum {
  CHAR_INERT  = 0,   /* in no key: never part of a match */
  CHAR_SINGLE = 1,   /* only in keys of one character: a match of its own */
  CHAR_PHRASE = 2,   /* in a longer key */
};

static inline guint
char_kind (gunichar c)
{
  guint bits;

  if (c >= N_CODE_POINTS)
    return CHAR_INERT;

  bits = (key_chars[c >> 2] >> ((c & 3) * 2)) & 3;

  return bits & CHAR_PHRASE ? CHAR_PHRASE : bits;
}

static void
add_key_chars (const char *key,
               gsize       n_bytes,
               gpointer    user_data)
{
  guint8 *bits = user_data;
  guint kind;

  if (!g_utf8_validate_len (key, n_bytes, NULL))
    return;
  kind = g_utf8_strlen (key, n_bytes) > 1 ? CHAR_PHRASE : CHAR_SINGLE;
  for (const char *p = key; p < key + n_bytes; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      bits[c >> 2] |= kind << ((c & 3) * 2);
    }
}

/* Called with converter_lock held. */
static void
load_key_chars (const char *config_file)
{
  g_autofree guint8 *bits = g_malloc0 (N_CODE_POINTS / 4);

  if (!jj_opencc_foreach_key (config_file, add_key_chars, bits))
    return;
  key_chars = g_steal_pointer (&bits);
  /* runs are converted together, one to a line */
  if (char_kind ('\n') != CHAR_INERT)
    g_clear_pointer (&key_chars, g_free);
}

/* Called with converter_lock held. */
static opencc_t
get_converter (GError **error)
{
  if (!converter_tried)
    {
      const char *dir = g_getenv ("JJ_OPENCC_DIR");
      g_autofree char *path = g_build_filename (dir ? dir : OPENCC_DATADIR, "t2s.json", NULL);

      converter_tried = TRUE;
      converter = opencc_open (path);
      if (converter != (opencc_t)-1)
        load_key_chars (path);
      else
        {
          converter = opencc_open ("t2s.json");
          if (converter != (opencc_t)-1)
            load_key_chars ("t2s.json");
        }
    }

  if (converter == (opencc_t)-1)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("Traditional characters cannot be converted: the OpenCC data files are not installed."));

  return converter;
}

static char *
convert_locked (opencc_t    cc,
                const char *text,
                gsize       n_bytes)
{
  char *r = opencc_convert_utf8 (cc, text, n_bytes);
  char *copy;

  if (r == NULL)
    return g_strndup (text, n_bytes);

  copy = g_strdup (r);
  opencc_convert_utf8_free (r);

  return copy;
}

static void
append_chars (GString    *out,
              opencc_t    cc,
              const char *line,
              gsize       n_bytes)
{
  for (const char *p = line; p < line + n_bytes; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      g_autofree char *one = NULL;

      if ((guchar)*p < 0x80)
        {
          g_string_append_c (out, *p);
          continue;
        }

      one = convert_locked (cc, p, next - p);
      if (g_utf8_strlen (one, -1) == 1)
        g_string_append (out, one);
      else
        g_string_append_len (out, p, next - p);
    }
}

static void
append_line (GString    *out,
             opencc_t    cc,
             const char *line,
             gsize       n_bytes)
{
  g_autofree char *conv = NULL;
  glong n_chars;

  if (n_bytes == 0)
    return;

  n_chars = g_utf8_strlen (line, n_bytes);
  conv = convert_locked (cc, line, n_bytes);
  if (g_utf8_strlen (conv, -1) == n_chars)
    {
      g_string_append (out, conv);
      return;
    }

  append_chars (out, cc, line, n_bytes);
}

static char *
t2s_whole_lines (opencc_t    cc,
                 const char *text,
                 gsize       n_bytes,
                 gsize      *out_n_bytes)
{
  GString *out = g_string_sized_new (n_bytes + 1);
  const char *p = text;
  const char *end = text + n_bytes;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;

      append_line (out, cc, p, line_end - p);
      if (nl != NULL)
        g_string_append_c (out, '\n');
      p = nl ? nl + 1 : end;
    }

  if (out_n_bytes != NULL)
    *out_n_bytes = out->len;

  return g_string_free (out, FALSE);
}

typedef struct
{
  gsize start;
  guint n_bytes;
  guint id;
} Run;

typedef struct
{
  char *converted;
  glong delta;      /* characters gained in conversion */
} Conversion;

typedef struct
{
  GHashTable *ids;      /* run → its index in keys */
  GPtrArray  *keys;     /* the distinct runs */
  GArray     *runs;     /* Run */
  guint      *singles;  /* BMP character → 1 + its index in keys, or 0 */
} RunTable;

static void
add_run (RunTable   *table,
         const char *text,
         const char *start,
         const char *end)
{
  char buf[64];
  g_autofree char *str = NULL;
  const char *lookup = buf;
  gpointer id;
  Run r = { start - text, end - start, 0 };

  if (r.n_bytes < sizeof buf)
    {
      memcpy (buf, start, r.n_bytes);
      buf[r.n_bytes] = '\0';
    }
  else
    lookup = str = g_strndup (start, r.n_bytes);

  if (g_hash_table_lookup_extended (table->ids, lookup, NULL, &id))
    r.id = GPOINTER_TO_UINT (id);
  else
    {
      char *copy = str ? g_steal_pointer (&str) : g_strdup (buf);

      r.id = table->keys->len;
      g_hash_table_insert (table->ids, copy, GUINT_TO_POINTER (r.id));
      g_ptr_array_add (table->keys, copy);
    }
  g_array_append_val (table->runs, r);
}

static void
add_single (RunTable   *table,
            const char *text,
            const char *p,
            const char *next,
            gunichar    c)
{
  Run r = { p - text, next - p, 0 };

  if (c >= 0x10000)
    {
      add_run (table, text, p, next);
      return;
    }
  if (table->singles[c] == 0)
    {
      table->singles[c] = table->keys->len + 1;
      g_ptr_array_add (table->keys, g_strndup (p, next - p));
    }
  r.id = table->singles[c] - 1;
  g_array_append_val (table->runs, r);
}

/* Converts the distinct runs found since the last call, in one OpenCC
 * call, one to a line. FALSE when OpenCC gave back another number of lines.
 */
static gboolean
convert_new_runs (opencc_t   cc,
                  RunTable  *table,
                  GArray    *conversions,
                  GPtrArray *buffers)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  guint first = conversions->len;
  char *converted;
  char *p;

  if (first == table->keys->len)
    return TRUE;

  for (guint i = first; i < table->keys->len; i++)
    {
      if (i > first)
        g_string_append_c (joined, '\n');
      g_string_append (joined, table->keys->pdata[i]);
    }
  converted = convert_locked (cc, joined->str, joined->len);
  g_ptr_array_add (buffers, converted);

  p = converted;
  for (guint k = first; k < table->keys->len; k++)
    {
      char *nl = strchr (p, '\n');
      Conversion c;

      if ((nl == NULL) != (k + 1 == table->keys->len))
        return FALSE;
      if (nl != NULL)
        *nl = '\0';
      c.converted = p;
      c.delta = g_utf8_strlen (p, -1) - g_utf8_strlen (table->keys->pdata[k], -1);
      g_array_append_val (conversions, c);
      p = nl ? nl + 1 : p;
    }

  return TRUE;
}

/* Lines of @text from @p to @end, converted with the runs found in them. */
static void
append_converted_lines (GString          *out,
                        opencc_t          cc,
                        const char       *text,
                        const char       *p,
                        const char       *end,
                        GArray           *runs,
                        const Conversion *conversions)
{
  guint k = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      guint first = k;
      glong delta = 0;

      while (k < runs->len && text + g_array_index (runs, Run, k).start < line_end)
        delta += conversions[g_array_index (runs, Run, k++).id].delta;

      /* OpenCC stops at a NUL */
      if (memchr (p, '\0', line_end - p) != NULL)
        append_line (out, cc, p, line_end - p);
      else if (delta != 0)
        append_chars (out, cc, p, line_end - p);
      else
        {
          const char *q = p;

          for (guint i = first; i < k; i++)
            {
              const Run *r = &g_array_index (runs, Run, i);

              g_string_append_len (out, q, text + r->start - q);
              g_string_append (out, conversions[r->id].converted);
              q = text + r->start + r->n_bytes;
            }
          g_string_append_len (out, q, line_end - q);
        }

      if (nl != NULL)
        g_string_append_c (out, '\n');
      p = nl ? nl + 1 : end;
    }
}

#define CHUNK_SIZE (256 * 1024)

/* OpenCC finds the longest dictionary key at each position, first to cut
 * the text into segments, then to convert each segment. A character in no
 * key is never part of a match, and one that is only in keys of its own
 * length is always a match by itself: the text between such characters
 * converts the same alone as within its line. So only runs of characters
 * of longer keys, and single characters, go to OpenCC, each distinct one
 * once, a chunk of lines' new ones in one call separated by line breaks.
 * Lines come out as t2s_whole_lines() makes them.
 */
static char *
t2s_by_runs (opencc_t    cc,
             const char *text,
             gsize       n_bytes,
             gsize      *out_n_bytes)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GArray) conversions = g_array_new (FALSE, FALSE, sizeof (Conversion));
  g_autoptr(GPtrArray) buffers = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *singles = g_new0 (guint, 0x10000);
  RunTable table = { ids, keys, runs, singles };
  const char *end = text + n_bytes;
  const char *chunk_end;
  GString *out = g_string_sized_new (n_bytes + 1);

  for (const char *chunk = text; chunk < end; chunk = chunk_end)
    {
      const char *run = NULL;

      chunk_end = chunk + MIN ((gsize)(end - chunk), CHUNK_SIZE);
      if (chunk_end < end)
        {
          const char *nl = memchr (chunk_end, '\n', end - chunk_end);

          chunk_end = nl ? nl + 1 : end;
        }

      g_array_set_size (runs, 0);
      for (const char *p = chunk; p < chunk_end; )
        {
          gunichar c = (guchar)*p < 0x80 ? (gunichar)*p : g_utf8_get_char (p);
          const char *next = (guchar)*p < 0x80 ? p + 1 : g_utf8_next_char (p);
          guint kind = char_kind (c);

          if (kind == CHAR_PHRASE)
            {
              if (run == NULL)
                run = p;
            }
          else
            {
              if (run != NULL)
                add_run (&table, text, run, p);
              run = NULL;
              if (kind == CHAR_SINGLE)
                add_single (&table, text, p, next, c);
            }
          p = next;
        }
      if (run != NULL)
        add_run (&table, text, run, chunk_end);

      if (!convert_new_runs (cc, &table, conversions, buffers))
        {
          g_string_free (out, TRUE);
          return t2s_whole_lines (cc, text, n_bytes, out_n_bytes);
        }
      append_converted_lines (out, cc, text, chunk, chunk_end, runs,
                              (const Conversion *)(gpointer)conversions->data);
    }

  if (out_n_bytes != NULL)
    *out_n_bytes = out->len;

  return g_string_free (out, FALSE);
}

char *
jj_converter_t2s (const char  *text,
                  gssize       n_bytes,
                  gsize       *out_n_bytes,
                  GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  opencc_t cc;

  g_return_val_if_fail (text != NULL, NULL);

  if (n_bytes < 0)
    n_bytes = strlen (text);

  locker = g_mutex_locker_new (&converter_lock);
  cc = get_converter (error);
  if (cc == (opencc_t)-1)
    return NULL;

  if (key_chars == NULL)
    return t2s_whole_lines (cc, text, n_bytes, out_n_bytes);

  return t2s_by_runs (cc, text, n_bytes, out_n_bytes);
}

char *
jj_converter_t2s_whole_lines (const char  *text,
                              gssize       n_bytes,
                              gsize       *out_n_bytes,
                              GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  opencc_t cc;

  g_return_val_if_fail (text != NULL, NULL);

  if (n_bytes < 0)
    n_bytes = strlen (text);

  locker = g_mutex_locker_new (&converter_lock);
  cc = get_converter (error);
  if (cc == (opencc_t)-1)
    return NULL;

  return t2s_whole_lines (cc, text, n_bytes, out_n_bytes);
}

/* Counts the Han characters of @text that OpenCC converts. */
static void
count_changed (const char *text,
               gsize       n_bytes,
               guint      *han,
               guint      *changed)
{
  g_autofree char *conv = jj_converter_t2s (text, n_bytes, NULL, NULL);
  const char *p;
  const char *q;

  if (conv == NULL)
    return;

  for (p = text, q = conv; p < text + n_bytes && *q; p = g_utf8_next_char (p), q = g_utf8_next_char (q))
    {
      gunichar a = g_utf8_get_char (p);

      if (g_unichar_get_script (a) != G_UNICODE_SCRIPT_HAN)
        continue;
      (*han)++;
      if (a != g_utf8_get_char (q))
        (*changed)++;
    }
}

static const char *
char_start (const char *p,
            const char *end)
{
  while (p < end && ((guchar)*p & 0xC0) == 0x80)
    p++;

  return p;
}

/**
 * jj_converter_is_traditional:
 *
 * Whether @text is in traditional characters, judged on a few samples
 * spread over it: OpenCC converts about 2 MB a second, so a long text is
 * not converted whole just to find out.
 */
gboolean
jj_converter_is_traditional (const char *text,
                             gssize      n_bytes)
{
  const char *end;
  guint han = 0;
  guint changed = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (n_bytes < 0)
    n_bytes = strlen (text);
  end = text + n_bytes;

  if ((gsize)n_bytes <= N_SAMPLES * SAMPLE_SIZE)
    count_changed (text, n_bytes, &han, &changed);
  else
    for (guint i = 0; i < N_SAMPLES; i++)
      {
        /* at character boundaries: run-on text has no line break to cut at */
        const char *from = char_start (text + (gsize)n_bytes / N_SAMPLES * i, end);
        const char *to = char_start (from + SAMPLE_SIZE, end);

        count_changed (from, to - from, &han, &changed);
      }

  /* Simplified text has a few characters OpenCC would still touch (乾, 著);
   * traditional text has one in every few characters.
   */
  return changed >= 2 && changed * 100 >= han * 4;
}
