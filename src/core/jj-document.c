/* jj-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-document.h"
#include "jj-outline.h"

#define MAX_FILE_SIZE (256 * 1024 * 1024)

struct _JjDocument
{
  GObject  parent_instance;

  GFile   *file;
  char    *title;
  char    *text;
  gsize    n_bytes;
  guint    length;
  char    *format;
  char    *encoding;

  JjOutline *outline;
};

G_DEFINE_FINAL_TYPE (JjDocument, jj_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (jj-document-error-quark, jj_document_error)

static void
jj_document_finalize (GObject *object)
{
  JjDocument *self = (JjDocument *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_object (&self->outline);

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
}

static gboolean
is_indent_char (gunichar ch)
{
  return ch == ' ' || ch == '\t' || ch == 0x3000 || ch == 0x00A0;
}

/* Paragraphs are the non-blank lines of the text, without their indent,
 * joined by a single '\n'.
 */
static char *
normalize_paragraphs (const char *text,
                      gsize       length)
{
  GString *out = g_string_sized_new (length);
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *line_end = eol ? eol : end;
      const char *q = p;
      const char *r = line_end;

      while (q < r && is_indent_char (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      while (r > q)
        {
          const char *prev = g_utf8_prev_char (r);
          gunichar ch = g_utf8_get_char (prev);

          if (!is_indent_char (ch) && ch != '\r')
            break;
          r = prev;
        }

      if (r > q)
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append_len (out, q, r - q);
        }

      p = eol ? eol + 1 : end;
    }

  return g_string_free (out, FALSE);
}

static void
jj_document_set_text (JjDocument *self,
                      char       *text)
{
  const char *nl;

  g_free (self->text);
  self->text = text;
  self->n_bytes = strlen (text);
  self->length = g_utf8_strlen (text, self->n_bytes);

  g_clear_pointer (&self->title, g_free);
  nl = strchr (text, '\n');
  if (nl != NULL && g_utf8_strlen (text, nl - text) <= 60)
    self->title = g_strndup (text, nl - text);
}

JjDocument *
jj_document_new_from_text (const char *text,
                           gssize      length)
{
  JjDocument *self;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  self = g_object_new (JJ_TYPE_DOCUMENT, NULL);
  jj_document_set_text (self, normalize_paragraphs (text, length));

  return self;
}

JjDocument *
jj_document_load (GFile         *file,
                  JjLoadFlags    flags,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  const char *body;
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

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_NOT_REGULAR,
                   "“%s” is not a regular file",
                   g_file_info_get_display_name (info));
      return NULL;
    }

  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE,
                   "“%s” is larger than %d MB",
                   g_file_info_get_display_name (info), MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, error))
    return NULL;

  body = contents;
  if (len >= 3 && memcmp (body, "\xEF\xBB\xBF", 3) == 0)
    body += 3, len -= 3;

  if (len == 0)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_EMPTY,
                   "“%s” is empty", g_file_info_get_display_name (info));
      return NULL;
    }

  if (!g_utf8_validate_len (body, len, NULL))
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_UNSUPPORTED,
                   "“%s” is not UTF-8 text", g_file_info_get_display_name (info));
      return NULL;
    }

  self = jj_document_new_from_text (body, len);
  self->file = g_object_ref (file);
  if (self->title == NULL)
    self->title = g_strdup (g_file_info_get_display_name (info));

  return self;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  JjLoadFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "flags"));
  GError *error = NULL;
  JjDocument *doc;

  doc = jj_document_load (file, flags, cancellable, &error);
  if (doc == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Outline detection is part of opening: keep it off the main thread. */
  jj_document_get_outline (doc);
  g_task_return_pointer (task, doc, g_object_unref);
}

void
jj_document_load_async (GFile               *file,
                        JjLoadFlags          flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jj_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "flags", GUINT_TO_POINTER (flags));
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
    self->outline = jj_outline_detect (self->text, self->n_bytes, NULL, 0);

  return self->outline;
}

char *
jj_document_dup_fingerprint (JjDocument *self)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (self), NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->text, self->n_bytes);
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
