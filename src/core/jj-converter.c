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

#define SAMPLE_SIZE (4 * 1024)
#define N_SAMPLES   4

static GMutex converter_lock;
static opencc_t converter = (opencc_t)-1;
static gboolean converter_tried;

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
      if (converter == (opencc_t)-1)
        converter = opencc_open ("t2s.json");
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

char *
jj_converter_t2s (const char  *text,
                  gssize       n_bytes,
                  gsize       *out_n_bytes,
                  GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GString *out;
  opencc_t cc;
  const char *p;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  if (n_bytes < 0)
    n_bytes = strlen (text);

  locker = g_mutex_locker_new (&converter_lock);
  cc = get_converter (error);
  if (cc == (opencc_t)-1)
    return NULL;

  out = g_string_sized_new (n_bytes + 1);
  p = text;
  end = text + n_bytes;
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
