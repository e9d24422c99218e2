/* jj-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jj-converter.h"
#include "jj-docx-reader.h"
#include "jj-document.h"
#include "jj-outline.h"
#include "jj-encoding.h"
#include "jj-html-reader.h"
#include "jj-legacy-doc.h"
#include "jj-markdown.h"
#include "jj-outline.h"
#include "jj-odt-reader.h"
#include "jj-paragraphs.h"
#include "jj-text-map.h"
#include "jj-web-cleaner.h"
#include "jj-zip.h"

/* Containers may hold pictures; the text itself is bounded far lower. */
#define MAX_FILE_SIZE (256 * 1024 * 1024)
#define MAX_TEXT_SIZE (32 * 1024 * 1024)
#define MAX_TITLE_CHARS 60
/* Only headings inside lines this long are taken as run into the text. */
#define RUN_ON_LINE 200
/* A document with a line this long was copied without its line breaks. */
#define RUN_ON_DOCUMENT_LINE 1000
#define MAX_FUSED_HEADING 40
#define LONG_ENUMERATED_PASSAGE (JJ_PARAGRAPHS_MAX_LENGTH / 2)

/* Where the progress of a load goes; NULL for a load without one. */
typedef struct
{
  JjLoadProgressFunc  func;
  gpointer            data;
  GMainContext       *context;
  GCancellable       *cancellable;
  JjLoadStage         stage;
  double              fraction;
} Progress;

/* The shares of the whole each stage ends at; converting a .doc with
 * LibreOffice takes longer than all the rest. */
#define READ_DONE      0.10
#define CONVERT_DONE   0.55
#define CLEANING_DONE  0.75
#define CLEANING_STEPS 9

struct _JjDocument
{
  GObject    parent_instance;

  GFile     *file;
  char      *title;
  char      *text;
  gsize      n_bytes;
  guint      length;
  char      *format;
  char      *encoding;
  char      *fingerprint;  /* of text, computed once */

  char      *source_text;
  GPtrArray *maps;       /* JjTextMap, applied last to first */
  GPtrArray *notices;    /* NULL-terminated */
  GPtrArray *removed;    /* lines of website furniture, NULL-terminated */
  GArray    *hints;      /* JjParagraphHint, display offsets */
  char      *original_text;
  guint      was_traditional : 1;

  JjOutline *outline;
  Progress  *progress;   /* while loading */
};

G_DEFINE_FINAL_TYPE (JjDocument, jj_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (jj-document-error-quark, jj_document_error)

typedef struct
{
  JjLoadProgressFunc  func;
  gpointer            data;
  GCancellable       *cancellable;
  JjLoadStage         stage;
  double              fraction;
} ProgressEvent;

static void
progress_event_free (gpointer data)
{
  ProgressEvent *event = data;

  g_clear_object (&event->cancellable);
  g_free (event);
}

static gboolean
progress_event_dispatch (gpointer data)
{
  ProgressEvent *event = data;

  if (event->cancellable == NULL || !g_cancellable_is_cancelled (event->cancellable))
    event->func (event->stage, event->fraction, event->data);

  return G_SOURCE_REMOVE;
}

/* Posts the stage and fraction reached to the loader's main context,
 * once a stage or a hundredth of the whole has been passed. */
static void
progress_report (Progress    *progress,
                 JjLoadStage  stage,
                 double       fraction)
{
  ProgressEvent *event;
  GSource *source;

  if (progress == NULL)
    return;

  stage = MAX (stage, progress->stage);
  fraction = CLAMP (fraction, progress->fraction, 1.0);
  if (stage == progress->stage && fraction < progress->fraction + 0.01 &&
      !(fraction == 1.0 && progress->fraction < 1.0))
    return;

  progress->stage = stage;
  progress->fraction = fraction;

  event = g_new0 (ProgressEvent, 1);
  event->func = progress->func;
  event->data = progress->data;
  event->cancellable = progress->cancellable ? g_object_ref (progress->cancellable) : NULL;
  event->stage = stage;
  event->fraction = fraction;
  /* Always through a source: g_main_context_invoke() would call the
   * function in this thread while no thread owns the context. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_event_dispatch, event, progress_event_free);
  g_source_set_static_name (source, "[jiejian] load progress");
  g_source_attach (source, progress->context);
  g_source_unref (source);
}

static void
jj_document_finalize (GObject *object)
{
  JjDocument *self = (JjDocument *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_object (&self->outline);
  g_clear_pointer (&self->source_text, g_free);
  g_clear_pointer (&self->maps, g_ptr_array_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->hints, g_array_unref);
  g_clear_pointer (&self->original_text, g_free);

  G_OBJECT_CLASS (jj_document_parent_class)->finalize (object);
}

static void
jj_document_class_init (JjDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_document_finalize;
}

static void
jj_document_init (JjDocument *self)
{
  self->format = g_strdup ("text");
  self->encoding = g_strdup ("UTF-8");
  self->maps = g_ptr_array_new_with_free_func ((GDestroyNotify)jj_text_map_free);
  self->notices = g_ptr_array_new_with_free_func (g_free);
  self->removed = g_ptr_array_new_with_free_func (g_free);
  self->hints = g_array_new (FALSE, FALSE, sizeof (JjParagraphHint));
}

static void
add_notice (JjDocument *self,
            char       *notice)
{
  g_ptr_array_add (self->notices, notice);
}

/* Notices are appended while loading, and NULL-terminated once done. */
static void
seal_notices (JjDocument *self)
{
  guint len = self->notices->len;

  if (len == 0 || g_ptr_array_index (self->notices, len - 1) != NULL)
    g_ptr_array_add (self->notices, NULL);
  len = self->removed->len;
  if (len == 0 || g_ptr_array_index (self->removed, len - 1) != NULL)
    g_ptr_array_add (self->removed, NULL);
}

static gboolean
is_title_end_punct (gunichar ch)
{
  return ch == 0x3002 || ch == 0xFF1A || ch == ':' || ch == 0xFF0C || ch == ',' ||
         ch == 0xFF1B || ch == ';' || ch == 0xFF01 || ch == 0xFF1F;
}

static gboolean
is_han_char (gunichar ch)
{
  return (ch >= 0x4E00 && ch <= 0x9FFF) || (ch >= 0x3400 && ch <= 0x4DBF);
}

/* Blanks between two Han characters in @s, up to @max */
static guint
count_spaced_han (const char *s,
                  gsize       n_bytes,
                  guint       max)
{
  const char *end = s + n_bytes;
  gunichar before = 0;
  gboolean blank = FALSE;
  guint n = 0;

  for (const char *p = s; p < end && n < max; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == ' ' || ch == 0x3000)
        {
          blank = before != 0;
          continue;
        }
      if (blank && is_han_char (ch))
        n++;
      blank = FALSE;
      before = is_han_char (ch) ? ch : 0;
    }

  return n;
}

/* A title read by OCR, in a text whose lines it spaced out between their
 * characters ("国 务院"): the blanks are the scan's, not the title's.
 */
static void
unspace_scanned_title (JjDocument *self)
{
  guint n_lines = 1;
  gsize n_bytes = MIN (self->n_bytes, 32768);
  g_autoptr(GString) t = NULL;
  gunichar before = 0;

  if (self->title == NULL || count_spaced_han (self->title, strlen (self->title), 1) == 0)
    return;
  /* the text's start tells: a scan spaces out all of it */
  for (const char *p = self->text; (p = memchr (p, '\n', self->text + n_bytes - p)); p++)
    n_lines++;
  if (count_spaced_han (self->text, n_bytes, n_lines / 4 + 1) <= n_lines / 4)
    return;

  t = g_string_new (NULL);
  for (const char *p = self->title; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if ((ch == ' ' || ch == 0x3000) && before != 0)
        {
          const char *q = p;

          while (*q == ' ' || g_str_has_prefix (q, "\u3000"))
            q = g_utf8_next_char (q);
          if (is_han_char (g_utf8_get_char (q)))
            {
              p = g_utf8_prev_char (q);
              continue;
            }
        }
      g_string_append_unichar (t, ch);
      before = is_han_char (ch) ? ch : 0;
    }
  g_free (self->title);
  self->title = g_string_free (g_steal_pointer (&t), FALSE);
}

static void
jj_document_set_text (JjDocument *self,
                      char       *text,
                      gsize       n_bytes)
{
  const char *nl;

  g_free (self->text);
  self->text = text;
  self->n_bytes = n_bytes;
  self->length = jj_encoding_count_chars (text, n_bytes);
  g_clear_pointer (&self->fingerprint, g_free);

  g_clear_pointer (&self->title, g_free);
  nl = memchr (text, '\n', n_bytes);
  if (nl != NULL && nl > text &&
      g_utf8_strlen (text, nl - text) <= MAX_TITLE_CHARS &&
      !is_title_end_punct (g_utf8_get_char (g_utf8_prev_char (nl))))
    self->title = g_strndup (text, nl - text);
}

/* One step of the pipeline: @text is replaced by the result. */
static void
push_step (JjDocument  *self,
           char       **text,
           gsize       *n_bytes,
           char        *result,
           gsize        result_n_bytes,
           JjTextMap   *map)
{
  g_free (*text);
  *text = result;
  *n_bytes = result_n_bytes;
  if (map != NULL)
    g_ptr_array_add (self->maps, map);

  if (self->progress != NULL)
    progress_report (self->progress, JJ_LOAD_STAGE_CLEANING,
                     self->progress->fraction +
                     (CLEANING_DONE - self->progress->fraction) / CLEANING_STEPS);
}

guint
jj_document_to_source_offset (JjDocument *self,
                              guint       offset)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), 0);

  for (guint i = self->maps->len; i > 0; i--)
    offset = jj_text_map_lookup (g_ptr_array_index (self->maps, i - 1), offset, NULL);

  return offset;
}

/* The characters at one offset of the traditional text and of its
 * conversion, which have as many characters: offsets mostly grow, so the
 * cursor walks on, or jumps to the checkpoint before the offset.
 */
#define CHECKPOINT_EVERY 256

typedef struct
{
  const char *traditional;
  const char *simplified;
  const char *t;
  const char *s;
  guint       offset;
  guint       length;
  GArray     *checkpoints;   /* gsize pairs: byte offsets in both */
} ConversionCursor;

static void
conversion_cursor_init (ConversionCursor *c,
                        const char       *traditional,
                        gsize             n_bytes,
                        const char       *simplified)
{
  const char *t = traditional;
  const char *s = simplified;
  const char *t_end = traditional + n_bytes;
  guint i = 0;

  c->traditional = c->t = traditional;
  c->simplified = c->s = simplified;
  c->offset = 0;
  c->checkpoints = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);

  for (; t < t_end && *t && *s; t = g_utf8_next_char (t), s = g_utf8_next_char (s), i++)
    if (i % CHECKPOINT_EVERY == 0)
      {
        gsize pair[2] = { t - traditional, s - simplified };

        g_array_append_val (c->checkpoints, pair);
      }
  c->length = i;
}

/* Moves the cursor to @offset: c->t and c->s point to its characters. */
static gboolean
conversion_cursor_move (ConversionCursor *c,
                        guint             offset)
{
  if (offset >= c->length)
    return FALSE;

  if (offset < c->offset || offset - c->offset > CHECKPOINT_EVERY)
    {
      const gsize *pair = &g_array_index (c->checkpoints, gsize, 2 * (offset / CHECKPOINT_EVERY));

      c->offset = offset / CHECKPOINT_EVERY * CHECKPOINT_EVERY;
      c->t = c->traditional + pair[0];
      c->s = c->simplified + pair[1];
    }
  for (; c->offset < offset; c->offset++)
    {
      c->t = g_utf8_next_char (c->t);
      c->s = g_utf8_next_char (c->s);
    }

  return TRUE;
}

/* The text before conversion, character for character: characters that
 * come unchanged from the converted text are taken from the traditional
 * one; inserted ones (line breaks) and those cleaning replaced stay.
 */
static char *
derive_original (JjDocument *self,
                 const char *traditional,
                 gsize       n_bytes,
                 const char *simplified,
                 guint       first_map)
{
  ConversionCursor cursor;
  GString *out = g_string_sized_new (self->n_bytes + 16);
  g_autofree guint *hints = g_new0 (guint, self->maps->len);
  guint offset = 0;
  guint span = 0;
  gboolean copied = FALSE;
  guint i = 0;

  conversion_cursor_init (&cursor, traditional, n_bytes, simplified);

  for (const char *p = self->text, *next; *p; p = next, i++)
    {
      next = g_utf8_next_char (p);

      /* offsets mostly grow as i does: each map is walked, not searched,
       * and only where one of them starts a new piece */
      if (span > 1)
        {
          span--;
          offset++;
        }
      else
        {
          offset = i;
          copied = TRUE;
          span = G_MAXUINT;
          for (guint k = self->maps->len; k > first_map && copied; k--)
            {
              guint s;

              offset = jj_text_map_lookup_from (g_ptr_array_index (self->maps, k - 1), offset,
                                                &hints[k - 1], &copied, &s);
              span = MIN (span, s);
            }
          if (!copied)
            span = 1;
        }

      /* only what conversion changed is undone, not what cleaning did:
       * the character shown is the converted one, byte for byte */
      if (copied && *p != '\n' && conversion_cursor_move (&cursor, offset) &&
          g_utf8_next_char (cursor.s) - cursor.s == next - p &&
          memcmp (cursor.s, p, next - p) == 0)
        g_string_append_len (out, cursor.t, g_utf8_next_char (cursor.t) - cursor.t);
      else
        g_string_append_len (out, p, next - p);
    }

  g_array_unref (cursor.checkpoints);

  return g_string_free (out, FALSE);
}

static void
map_hints (JjDocument            *self,
           const JjParagraphHint *source_hints,
           guint                  n_source_hints)
{
  const char *p = self->text;
  guint offset = 0;
  guint h = 0;
  guint last_used = G_MAXUINT;

  if (n_source_hints == 0)
    return;

  while (*p)
    {
      const char *nl = strchr (p, '\n');
      guint len = nl ? g_utf8_strlen (p, nl - p) : g_utf8_strlen (p, -1);
      guint src = jj_document_to_source_offset (self, offset);

      while (h < n_source_hints && source_hints[h].end <= src)
        h++;
      if (h < n_source_hints && source_hints[h].start <= src && h != last_used)
        {
          const JjParagraphHint *sh = &source_hints[h];

          if (sh->outline_level >= 0 || sh->flags != 0)
            {
              JjParagraphHint hint = { offset, offset + len, sh->outline_level, sh->flags };
              g_array_append_val (self->hints, hint);
            }
          last_used = h;
        }

      offset += len + 1;
      if (nl == NULL)
        break;
      p = nl + 1;
    }
}

static char *
shadow_of (const char *text,
           gsize       n_bytes,
           gboolean    keep_traditional)
{
  if (!keep_traditional)
    return NULL;

  return jj_converter_t2s (text, n_bytes, NULL, NULL);
}

static gint
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *)a;
  guint y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

static void
sort_unique (GArray *offsets)
{
  guint w = 0;

  g_array_sort (offsets, compare_offsets);
  for (guint i = 0; i < offsets->len; i++)
    if (w == 0 || g_array_index (offsets, guint, i) != g_array_index (offsets, guint, w - 1))
      g_array_index (offsets, guint, w++) = g_array_index (offsets, guint, i);
  g_array_set_size (offsets, w);
}

/* Run-on text carries its structure in words only: the outline rules find
 * headings and enumerated points, and paragraphs start there.
 */
static gboolean
has_run_on_line (const char *text,
                 gsize       n_bytes)
{
  const char *p = text;
  const char *end = text + n_bytes;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;

      if ((gsize)(line_end - p) > RUN_ON_DOCUMENT_LINE &&
          g_utf8_strlen (p, line_end - p) > RUN_ON_DOCUMENT_LINE)
        return TRUE;
      if (nl == NULL)
        break;
      p = nl + 1;
    }

  return FALSE;
}

static void
find_outline_breaks (const char *text,
                     gsize       n_bytes,
                     GArray     *breaks,
                     GArray     *preferred)
{
  g_autoptr(JjOutline) outline = NULL;
  g_autoptr(GArray) long_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;
  const char *p = text;
  const char *end = text + n_bytes;
  guint offset = 0;
  guint n;

  /* [start, end) pairs of the lines */
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      guint len = g_utf8_strlen (p, line_end - p);
      guint range[2] = { offset, offset + len };

      g_array_append_vals (long_lines, range, 2);
      offset += len + 1;
      if (nl == NULL)
        break;
      p = nl + 1;
    }

  if (long_lines->len == 0)
    return;

  outline = jj_outline_detect (text, n_bytes, NULL, 0);
  n = jj_outline_get_n_entries (outline);

  for (guint i = 0, k = 0; i < n; i++)
    {
      JjOutlineEntry *entry = jj_outline_get_entry (outline, i);
      JjOutlineKind kind = jj_outline_entry_get_kind (entry);
      guint start = jj_outline_entry_get_start (entry);
      guint title_end = jj_outline_entry_get_title_end (entry);

      /* a parallel series is no section of the text */
      if (kind == JJ_OUTLINE_KIND_PARALLEL)
        continue;

      while (k < long_lines->len && g_array_index (long_lines, guint, k + 1) <= start)
        k += 2;
      if (k >= long_lines->len || start < g_array_index (long_lines, guint, k))
        continue;

      /* A point of a series ("一是…") starts a paragraph when it leads a
       * passage of its own; short points stay in their paragraph, but an
       * overlong paragraph is preferably split at one.
       */
      if (kind == JJ_OUTLINE_KIND_ENUMERATOR &&
          jj_outline_entry_get_level (entry) > 1 &&
          jj_outline_entry_get_end (entry) - start < LONG_ENUMERATED_PASSAGE)
        {
          g_array_append_val (preferred, start);
          continue;
        }

      g_array_append_val (breaks, start);

      /* a heading fused with its first sentence; a "title" that runs to
       * the end of a sentence is that sentence, not a heading to cut off
       */
      if ((kind == JJ_OUTLINE_KIND_HEADING || kind == JJ_OUTLINE_KIND_SALUTATION) &&
          title_end > start &&
          title_end - start <= MAX_FUSED_HEADING &&
          title_end < g_array_index (long_lines, guint, k + 1))
        {
          gunichar last;

          if (chars == NULL)
            chars = g_utf8_to_ucs4_fast (text, n_bytes, &n_chars);
          last = title_end <= (guint)n_chars ? chars[title_end - 1] : 0;

          if (last != 0x3002 && last != 0xFF01 && last != 0xFF1F)
            g_array_append_val (breaks, title_end);
        }
    }
}

/* Cleaning and paragraphing of extracted text. */
static void
jj_document_process (JjDocument            *self,
                     char                  *text,
                     gsize                  n_bytes,
                     const JjParagraphHint *hints,
                     guint                  n_hints,
                     JjLoadFlags            flags)
{
  g_autofree char *traditional = NULL;
  g_autofree char *simplified = NULL;
  g_autofree char *shadow = NULL;
  g_autofree char *furniture_title = NULL;
  g_autoptr(GArray) breaks = NULL;
  g_autoptr(GArray) preferred = NULL;
  gsize traditional_n_bytes = 0;
  guint conversion_map = 0;
  gboolean is_site_page = FALSE;
  gboolean keep_shadow = FALSE;
  gboolean run_on;
  guint wrap_width;
  JjTextMap *map = NULL;
  gsize n = 0;
  char *r;

  self->source_text = g_strndup (text, n_bytes);

  if (!(flags & JJ_LOAD_NO_CLEAN))
    {
      guint n_pinyin = 0;

      r = jj_web_cleaner_remove_pinyin (text, n_bytes, &n, &map, &n_pinyin);
      push_step (self, &text, &n_bytes, r, n, map);
      if (n_pinyin > 0)
        add_notice (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Removed %u pinyin gloss after Chinese characters",
                                                        "Removed %u pinyin glosses after Chinese characters",
                                                        n_pinyin),
                                           n_pinyin));
    }

  if (jj_converter_is_traditional (text, n_bytes))
    {
      self->was_traditional = TRUE;
      if (flags & JJ_LOAD_KEEP_TRADITIONAL)
        keep_shadow = TRUE;
      else
        {
          g_autoptr(GError) error = NULL;

          r = jj_converter_t2s (text, n_bytes, &n, &error);
          if (r != NULL)
            {
              traditional = text;
              traditional_n_bytes = n_bytes;
              simplified = g_strdup (r);
              text = r;
              n_bytes = n;
              conversion_map = self->maps->len;
              add_notice (self, g_strdup (_("Converted traditional characters to simplified")));
            }
          else
            add_notice (self, g_strdup (error->message));
        }
    }

  if (!(flags & JJ_LOAD_NO_CLEAN))
    {
      shadow = shadow_of (text, n_bytes, keep_shadow);
      r = jj_web_cleaner_remove_boilerplate (text, n_bytes, shadow, &n, &map,
                                             &is_site_page, &furniture_title,
                                             self->removed, self->notices);
      push_step (self, &text, &n_bytes, r, n, map);

      r = jj_web_cleaner_fix_punctuation (text, n_bytes, &n, NULL);
      push_step (self, &text, &n_bytes, r, n, NULL);

      g_clear_pointer (&shadow, g_free);
      shadow = shadow_of (text, n_bytes, keep_shadow);
      r = jj_web_cleaner_split_title (text, n_bytes, shadow, is_site_page, &n, &map,
                                      self->notices);
      push_step (self, &text, &n_bytes, r, n, map);
    }

  /* text cut at a width, as a PDF gives it: its paragraphs first */
  wrap_width = jj_paragraphs_wrap_width (text, n_bytes);
  if (wrap_width > 0)
    {
      r = jj_paragraphs_unwrap (text, n_bytes, wrap_width, &n, &map);
      push_step (self, &text, &n_bytes, r, n, map);
    }

  run_on = has_run_on_line (text, n_bytes);
  breaks = jj_paragraphs_find_breaks (text, n_bytes);
  if (breaks->len > 0)
    {
      r = jj_paragraphs_break (text, n_bytes, (const guint *)(gpointer)breaks->data,
                               breaks->len, &n, &map);
      push_step (self, &text, &n_bytes, r, n, map);
    }

  g_array_set_size (breaks, 0);
  preferred = g_array_new (FALSE, FALSE, sizeof (guint));
  g_clear_pointer (&shadow, g_free);
  /* only run-on text is broken at its outline */
  shadow = shadow_of (text, n_bytes, keep_shadow && run_on);
  if (run_on)
    find_outline_breaks (shadow ? shadow : text, shadow ? strlen (shadow) : n_bytes,
                         breaks, preferred);
  if (breaks->len > 0)
    {
      sort_unique (breaks);
      r = jj_paragraphs_break (text, n_bytes, (const guint *)(gpointer)breaks->data,
                               breaks->len, &n, &map);
      push_step (self, &text, &n_bytes, r, n, map);

      /* preferred split points, moved by the breaks just inserted */
      for (guint i = 0, k = 0; i < preferred->len; i++)
        {
          guint *o = &g_array_index (preferred, guint, i);

          while (k < breaks->len && g_array_index (breaks, guint, k) <= *o)
            k++;
          *o += k;
        }
    }
  sort_unique (preferred);

  r = jj_paragraphs_split_long (text, n_bytes, JJ_PARAGRAPHS_MAX_LENGTH,
                                (const guint *)(gpointer)preferred->data, preferred->len,
                                &n, &map);
  push_step (self, &text, &n_bytes, r, n, map);

  r = jj_paragraphs_normalize (text, n_bytes, &n, &map);
  push_step (self, &text, &n_bytes, r, n, map);

  jj_document_set_text (self, text, n_bytes);
  /* a speech without a title line, named by the file the site offered;
   * a first line that is not that title is the text's, not its title
   * (compared in simplified characters, as the furniture read them)
   */
  if (furniture_title != NULL && self->title != NULL)
    {
      g_autofree char *first = shadow_of (self->title, strlen (self->title), keep_shadow);
      const char *t = first != NULL ? first : self->title;

      if (strstr (t, furniture_title) == NULL && strstr (furniture_title, t) == NULL)
        g_clear_pointer (&self->title, g_free);
    }
  if (self->title == NULL && furniture_title != NULL)
    self->title = g_steal_pointer (&furniture_title);
  unspace_scanned_title (self);

  if (traditional != NULL)
    self->original_text = derive_original (self, traditional, traditional_n_bytes,
                                           simplified, conversion_map);

  map_hints (self, hints, n_hints);
}

JjDocument *
jj_document_new_from_text (const char *text,
                           gssize      length)
{
  JjDocument *self;
  JjTextMap *map = NULL;
  gsize n = 0;
  char *r;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  self = g_object_new (JJ_TYPE_DOCUMENT, NULL);
  self->source_text = g_strndup (text, length);
  r = jj_paragraphs_normalize (text, length, &n, &map);
  g_ptr_array_add (self->maps, map);
  jj_document_set_text (self, r, n);
  seal_notices (self);

  return self;
}

static gboolean
has_extension (const char *name,
               const char *ext)
{
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;

  lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ext);
}

static gboolean
looks_like_html (const char *data,
                 gsize       n_bytes)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (n_bytes, 1024));

  return strstr (head, "<html") != NULL || strstr (head, "<!doctype html") != NULL;
}

static const char *
sniff_format (const char *data,
              gsize       n_bytes,
              const char *name)
{
  if (n_bytes >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return has_extension (name, ".odt") ? "odt" : "zip";
  if (n_bytes >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return "doc";
  if (n_bytes >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "pdf";
  if (has_extension (name, ".html") || has_extension (name, ".htm") ||
      has_extension (name, ".xhtml") || looks_like_html (data, n_bytes))
    return "html";
  if (has_extension (name, ".md") || has_extension (name, ".markdown"))
    return "markdown";
  if (has_extension (name, ".docx") || has_extension (name, ".odt") || has_extension (name, ".doc"))
    return "broken-container";

  return "text";
}

static char *
decode_text (JjDocument  *self,
             const char  *data,
             gsize        n_bytes,
             const char  *display_name,
             gsize       *out_n_bytes,
             GError     **error)
{
  g_autofree char *text = NULL;
  const char *encoding;
  gsize bom = 0;
  guint n_invalid = 0;

  encoding = jj_encoding_detect (data, n_bytes, &bom);
  if (encoding == NULL)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_BINARY,
                   _("“%s” is not a text file or a document that Jiejian can read."),
                   display_name);
      return NULL;
    }

  text = jj_encoding_decode (data + bom, n_bytes - bom, encoding, out_n_bytes, &n_invalid, error);
  if (text == NULL)
    return NULL;

  if (n_invalid > 0)
    {
      /* Mostly undecodable bytes are a binary file, not damaged text. */
      if (n_invalid > 16 && n_invalid > *out_n_bytes / 20)
        {
          g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_BINARY,
                       _("“%s” is not a text file or a document that Jiejian can read."),
                       display_name);
          return NULL;
        }

      add_notice (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%u invalid byte sequence in the file was replaced with “\xEF\xBF\xBD”",
                                                      "%u invalid byte sequences in the file were replaced with “\xEF\xBF\xBD”",
                                                      n_invalid),
                                         n_invalid));
    }

  g_free (self->encoding);
  self->encoding = g_strdup (encoding);

  return g_steal_pointer (&text);
}

static JjDocument *
load_data (const char    *data,
           gsize          n_bytes,
           const char    *name,
           const char    *display_name,
           JjLoadFlags    flags,
           Progress      *progress,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(JjDocument) self = g_object_new (JJ_TYPE_DOCUMENT, NULL);
  g_autoptr(GArray) hints = g_array_new (FALSE, FALSE, sizeof (JjParagraphHint));
  g_autoptr(GBytes) converted = NULL;
  g_autofree char *text = NULL;
  const char *format;
  gsize text_n_bytes = 0;

  if (n_bytes == 0 ||
      (n_bytes <= 3 && memcmp (data, "\xEF\xBB\xBF", n_bytes) == 0) ||
      (n_bytes == 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0)))
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_EMPTY,
                   _("“%s” is empty."), display_name);
      return NULL;
    }

  format = sniff_format (data, n_bytes, name);

  self->progress = progress;

  if (g_str_equal (format, "doc"))
    {
      progress_report (progress, JJ_LOAD_STAGE_CONVERTING, READ_DONE);
      converted = jj_legacy_doc_convert (data, n_bytes, display_name, cancellable, error);
      if (converted == NULL)
        return NULL;
      progress_report (progress, JJ_LOAD_STAGE_CONVERTING, CONVERT_DONE);
      data = g_bytes_get_data (converted, &n_bytes);
      format = "zip";
      add_notice (self, g_strdup (_("Converted from a Word 97–2003 document with LibreOffice")));
      g_free (self->format);
      self->format = g_strdup ("doc");
    }

  if (g_str_equal (format, "zip") || g_str_equal (format, "odt"))
    {
      g_autoptr(JjZip) zip = jj_zip_new (data, n_bytes, error);

      if (zip == NULL)
        {
          g_prefix_error (error, _("“%s” cannot be opened: "), display_name);
          return NULL;
        }

      if (jj_zip_has_entry (zip, "word/document.xml") ||
          jj_zip_has_entry (zip, "[Content_Types].xml"))
        {
          text = jj_docx_reader_read (zip, hints, &text_n_bytes, error);
          if (g_str_equal (self->format, "text"))
            {
              g_free (self->format);
              self->format = g_strdup ("docx");
            }
        }
      else if (jj_zip_has_entry (zip, "content.xml"))
        {
          text = jj_odt_reader_read (zip, hints, &text_n_bytes, error);
          g_free (self->format);
          self->format = g_strdup ("odt");
        }
      else
        g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_UNSUPPORTED,
                     _("“%s” is a ZIP archive, but not a Word or OpenDocument text document."),
                     display_name);

      if (text == NULL)
        {
          g_prefix_error (error, _("“%s” cannot be opened: "), display_name);
          return NULL;
        }
    }
  else if (g_str_equal (format, "pdf"))
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_UNSUPPORTED,
                   _("“%s” is a PDF file. Jiejian opens Word, OpenDocument, web page and text files; "
                     "copy the text of the PDF into a text file to read it here."),
                   display_name);
      return NULL;
    }
  else if (g_str_equal (format, "broken-container"))
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: it is not a valid Word or OpenDocument file."),
                   display_name);
      return NULL;
    }
  else if (g_str_equal (format, "html"))
    {
      g_autofree char *encoding = NULL;

      text = jj_html_reader_read (data, n_bytes, hints, &text_n_bytes, &encoding, error);
      if (text == NULL)
        {
          g_prefix_error (error, _("“%s” cannot be opened: "), display_name);
          return NULL;
        }
      g_free (self->format);
      self->format = g_strdup ("html");
      g_free (self->encoding);
      self->encoding = g_steal_pointer (&encoding);
    }
  else
    {
      if (n_bytes > MAX_TEXT_SIZE)
        {
          g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE,
                       _("“%s” is too large: text files of up to %d MB can be opened."),
                       display_name, MAX_TEXT_SIZE / (1024 * 1024));
          return NULL;
        }

      text = decode_text (self, data, n_bytes, display_name, &text_n_bytes, error);
      if (text == NULL)
        return NULL;

      if (g_str_equal (format, "markdown"))
        {
          char *md = jj_markdown_read (text, text_n_bytes, hints, &text_n_bytes);

          g_free (text);
          text = md;
          g_free (self->format);
          self->format = g_strdup ("markdown");
        }
    }

  if (text_n_bytes > MAX_TEXT_SIZE)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE,
                   _("“%s” is too large: documents of up to %d MB of text can be opened."),
                   display_name, MAX_TEXT_SIZE / (1024 * 1024));
      return NULL;
    }

  progress_report (progress, JJ_LOAD_STAGE_CLEANING, 0.0);
  jj_document_process (self, g_steal_pointer (&text), text_n_bytes,
                       (const JjParagraphHint *)(gpointer)hints->data, hints->len, flags);
  seal_notices (self);
  progress_report (progress, JJ_LOAD_STAGE_CLEANING, CLEANING_DONE);
  self->progress = NULL;

  if (self->length == 0)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_EMPTY,
                   _("“%s” contains no text."), display_name);
      return NULL;
    }

  return g_steal_pointer (&self);
}

JjDocument *
jj_document_new_from_bytes (GBytes        *bytes,
                            const char    *name,
                            JjLoadFlags    flags,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const char *data;
  gsize n_bytes = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &n_bytes);

  return load_data (data ? data : "", n_bytes, name, name ? name : _("Untitled"),
                    flags, NULL, cancellable, error);
}

static JjDocument *
load_file (GFile         *file,
           JjLoadFlags    flags,
           Progress      *progress,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  const char *display_name;
  gsize len = 0;
  JjDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  display_name = g_file_info_get_display_name (info);

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_NOT_REGULAR,
                   _("“%s” is not a regular file."), display_name);
      return NULL;
    }

  basename = g_file_get_basename (file);

  if (g_file_info_get_size (info) > MAX_FILE_SIZE ||
      (g_file_info_get_size (info) > MAX_TEXT_SIZE &&
       g_str_equal (sniff_format ("", 0, basename), "text")))
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE,
                   _("“%s” is too large: text files of up to %d MB can be opened."),
                   display_name, MAX_TEXT_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, error))
    return NULL;
  progress_report (progress, JJ_LOAD_STAGE_READING, READ_DONE);

  self = load_data (contents, len, basename, display_name, flags, progress, cancellable, error);
  if (self == NULL)
    return NULL;

  self->file = g_object_ref (file);
  if (self->title == NULL)
    self->title = g_strdup (display_name);

  return self;
}

/**
 * jj_document_file_for_arg:
 * @arg: a file named on a command line
 *
 * Like g_file_new_for_commandline_arg(), but only a URI with "://" and a
 * scheme GIO reads here (file://, and those of GVfs) is taken as one:
 * "a:b.txt" or "讲话:定稿.txt" is a file in the current folder, not a URI
 * of a scheme nobody knows.
 *
 * Returns: (transfer full): the file
 */
GFile *
jj_document_file_for_arg (const char *arg)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (arg != NULL, NULL);

  scheme = g_uri_parse_scheme (arg);
  if (scheme != NULL && strstr (arg, "://") == arg + strlen (scheme))
    {
      const char * const *supported = g_vfs_get_supported_uri_schemes (g_vfs_get_default ());

      if (supported != NULL && g_strv_contains (supported, scheme))
        return g_file_new_for_uri (arg);
    }

  return g_file_new_for_path (arg);
}

JjDocument *
jj_document_load (GFile         *file,
                  JjLoadFlags    flags,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load_file (file, flags, NULL, cancellable, error);
}

static gpointer
fingerprint_thread (gpointer data)
{
  g_free (jj_document_dup_fingerprint (data));

  return NULL;
}

typedef struct
{
  GFile       *file;
  JjLoadFlags  flags;
  Progress     progress;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->file);
  g_clear_pointer (&data->progress.context, g_main_context_unref);
  g_clear_object (&data->progress.cancellable);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  Progress *progress = data->progress.func != NULL ? &data->progress : NULL;
  GError *error = NULL;
  JjDocument *doc;
  GThread *fingerprint;

  progress_report (progress, JJ_LOAD_STAGE_READING, 0.0);
  doc = load_file (data->file, data->flags, progress, cancellable, &error);
  if (doc == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Outline detection and the fingerprint the marks are checked against
   * are part of opening: keep them off the main thread, and run them side
   * by side (they only read the text).
   */
  progress_report (progress, JJ_LOAD_STAGE_OUTLINE, CLEANING_DONE);
  fingerprint = g_thread_new ("jj-fingerprint", fingerprint_thread, doc);
  jj_document_get_outline (doc);
  g_thread_join (fingerprint);
  progress_report (progress, JJ_LOAD_STAGE_OUTLINE, 1.0);
  g_task_return_pointer (task, doc, g_object_unref);
}

void
jj_document_load_async (GFile               *file,
                        JjLoadFlags          flags,
                        GCancellable        *cancellable,
                        JjLoadProgressFunc   progress,
                        gpointer             progress_data,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->flags = flags;
  data->progress.func = progress;
  data->progress.data = progress_data;
  data->progress.context = g_main_context_ref_thread_default ();
  data->progress.cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  data->progress.stage = JJ_LOAD_STAGE_READING;
  data->progress.fraction = -1.0;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jj_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

JjDocument *
jj_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
jj_document_get_file (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  return self->file;
}

const char *
jj_document_get_title (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  return self->title;
}

const char *
jj_document_get_text (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  return self->text;
}

gsize
jj_document_get_n_bytes (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), 0);

  return self->n_bytes;
}

guint
jj_document_get_length (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), 0);

  return self->length;
}

const char *
jj_document_get_format (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  return self->format;
}

const char *
jj_document_get_encoding (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  return self->encoding;
}

/* Computed on first use; jj_document_load_async() does it in its thread. */
JjOutline *
jj_document_get_outline (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  if (self->outline == NULL)
    self->outline = jj_outline_detect (self->text, self->n_bytes,
                                       (const JjParagraphHint *)(gpointer) self->hints->data,
                                       self->hints->len);

  return self->outline;
}

const JjParagraphHint *
jj_document_get_hints (JjDocument *self,
                       guint      *n_hints)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  if (n_hints != NULL)
    *n_hints = self->hints->len;

  return (const JjParagraphHint *)(gpointer)self->hints->data;
}

const char * const *
jj_document_get_notices (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  seal_notices (self);

  return (const char * const *)self->notices->pdata;
}

/**
 * jj_document_get_removed_lines:
 *
 * Returns: (transfer none): the lines of website furniture cleaning took
 *   out, in the order of the source, NULL-terminated.
 */
const char * const *
jj_document_get_removed_lines (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  seal_notices (self);

  return (const char * const *)self->removed->pdata;
}

gboolean
jj_document_get_was_traditional (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), FALSE);

  return self->was_traditional;
}

const char *
jj_document_get_original_text (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  return self->original_text;
}

const char *
jj_document_get_source_text (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  return self->source_text;
}

char *
jj_document_dup_fingerprint (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  if (self->fingerprint == NULL)
    self->fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->text, self->n_bytes);

  return g_strdup (self->fingerprint);
}

char *
jj_document_dup_range (JjDocument *self,
                       guint       start,
                       guint       end)
{
  const char *b;
  const char *e;

  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (end <= self->length, NULL);

  b = g_utf8_offset_to_pointer (self->text, start);
  e = g_utf8_offset_to_pointer (b, end - start);

  return g_strndup (b, e - b);
}
