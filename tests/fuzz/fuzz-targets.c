/* fuzz-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <libxml/parser.h>

#include "fuzz-targets.h"
#include "jj-anchor.h"
#include "jj-docx-reader.h"
#include "jj-document.h"
#include "jj-encoding.h"
#include "jj-html-reader.h"
#include "jj-odt-reader.h"
#include "jj-outline.h"
#include "jj-paragraph-hint.h"
#include "jj-sidecar.h"
#include "jj-text-map.h"
#include "jj-web-cleaner.h"
#include "jj-zip.h"

/* Larger inputs only slow the fuzzer down; the hostile-file test covers
 * size limits.
 */
#define FUZZ_MAX_INPUT (1024 * 1024)

static const JjFuzzHarness harnesses[] = {
  { "text", jj_fuzz_text },
  { "web-cleaner", jj_fuzz_web_cleaner },
  { "docx", jj_fuzz_docx },
  { "odt", jj_fuzz_odt },
  { "html", jj_fuzz_html },
  { "sidecar", jj_fuzz_sidecar },
  { "outline", jj_fuzz_outline },
  { "anchor", jj_fuzz_anchor },
};

static void
quiet_log (const char     *log_domain,
           GLogLevelFlags  log_level,
           const char     *message,
           gpointer        user_data)
{
}

void
jj_fuzz_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      /* Criticals are programming errors: they must still abort. */
      g_log_set_handler ("Jiejian", G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO |
                         G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_WARNING, quiet_log, NULL);
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);
      g_once_init_leave (&initialized, 1);
    }
}

const JjFuzzHarness *
jj_fuzz_get_harnesses (guint *n_harnesses)
{
  *n_harnesses = G_N_ELEMENTS (harnesses);
  return harnesses;
}

const JjFuzzHarness *
jj_fuzz_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (harnesses); i++)
    if (g_str_equal (harnesses[i].name, name))
      return &harnesses[i];
  return NULL;
}

static char *
valid_text (const guint8 *data,
            gsize         size)
{
  return g_utf8_make_valid ((const char *) data, MIN (size, FUZZ_MAX_INPUT));
}

static void
check_document (JjDocument *document)
{
  const char *text = jj_document_get_text (document);
  gsize n_bytes = jj_document_get_n_bytes (document);
  guint length = jj_document_get_length (document);
  JjOutline *outline;

  g_assert_true (g_utf8_validate_len (text, n_bytes, NULL));
  g_assert_cmpuint (g_utf8_strlen (text, n_bytes), ==, length);
  outline = jj_document_get_outline (document);
  if (outline != NULL)
    {
      for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
        g_assert_nonnull (jj_outline_get_entry (outline, i));
    }
  if (length > 0)
    g_free (jj_document_dup_range (document, 0, length));
  for (guint offset = 0; offset <= length; offset += 1 + length / 8)
    g_assert_cmpuint (jj_document_to_source_offset (document, offset), <=,
                      g_utf8_strlen (jj_document_get_source_text (document), -1));
}

static void
load_as (const guint8 *data,
         gsize         size,
         const char   *name)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (size > FUZZ_MAX_INPUT)
    return;
  /* Word 97 files go to an external converter, which is not fuzzed here. */
  if (size >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return;

  bytes = g_bytes_new (data, size);
  document = jj_document_new_from_bytes (bytes, name, JJ_LOAD_DEFAULT, NULL, &error);
  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  check_document (document);
}

void
jj_fuzz_text (const guint8 *data,
              gsize         size)
{
  gsize bom_len = 0;
  const char *encoding;

  jj_fuzz_init ();
  if (size > FUZZ_MAX_INPUT)
    return;

  encoding = jj_encoding_detect ((const char *) data, size, &bom_len);
  if (encoding != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      gsize n = 0;
      guint n_invalid = 0;

      g_assert_cmpuint (bom_len, <=, size);
      text = jj_encoding_decode ((const char *) data + bom_len, size - bom_len,
                                 encoding, &n, &n_invalid, &error);
      if (text != NULL)
        g_assert_true (g_utf8_validate_len (text, n, NULL));
      else
        g_assert_nonnull (error);
    }

  load_as (data, size, "fuzz.txt");
}

static void
check_step (char      *out,
            gsize      n,
            JjTextMap *map,
            guint      in_length)
{
  guint out_length;

  g_assert_nonnull (out);
  g_assert_true (g_utf8_validate_len (out, n, NULL));
  out_length = g_utf8_strlen (out, n);
  if (map != NULL)
    {
      for (guint i = 0; i <= out_length; i += 1 + out_length / 16)
        g_assert_cmpuint (jj_text_map_lookup (map, i, NULL), <=, in_length);
    }
}

void
jj_fuzz_web_cleaner (const guint8 *data,
                     gsize         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  gboolean is_site_page = FALSE;
  char *steps[4] = { NULL, };
  JjTextMap *maps[4] = { NULL, };
  gsize n[4] = { 0, };
  guint n_removed = 0;
  guint length;

  jj_fuzz_init ();
  text = valid_text (data, size);
  length = g_utf8_strlen (text, -1);

  steps[0] = jj_web_cleaner_remove_pinyin (text, strlen (text), &n[0], &maps[0], &n_removed);
  check_step (steps[0], n[0], maps[0], length);
  length = g_utf8_strlen (steps[0], n[0]);
  steps[1] = jj_web_cleaner_remove_boilerplate (steps[0], n[0], NULL, &n[1], &maps[1],
                                                &is_site_page, NULL, NULL, notices);
  check_step (steps[1], n[1], maps[1], length);
  length = g_utf8_strlen (steps[1], n[1]);
  steps[2] = jj_web_cleaner_fix_punctuation (steps[1], n[1], &n[2], &maps[2]);
  check_step (steps[2], n[2], maps[2], length);
  length = g_utf8_strlen (steps[2], n[2]);
  steps[3] = jj_web_cleaner_split_title (steps[2], n[2], NULL, is_site_page, &n[3], &maps[3],
                                         notices);
  check_step (steps[3], n[3], maps[3], length);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_free (steps[i]);
      g_clear_pointer (&maps[i], jj_text_map_free);
    }
}

static void
check_paragraphs (const char *text,
                  gsize       n_bytes,
                  GArray     *hints)
{
  guint length;

  g_assert_true (g_utf8_validate_len (text, n_bytes, NULL));
  length = g_utf8_strlen (text, n_bytes);
  for (guint i = 0; i < hints->len; i++)
    {
      const JjParagraphHint *hint = &g_array_index (hints, JjParagraphHint, i);

      g_assert_cmpuint (hint->start, <=, hint->end);
      g_assert_cmpuint (hint->end, <=, length);
    }
}

typedef char *(*ZipReader) (JjZip   *zip,
                            GArray  *hints,
                            gsize   *n_bytes,
                            GError **error);

static void
read_zip (const guint8 *data,
          gsize         size,
          ZipReader     reader,
          const char   *name)
{
  g_autoptr(JjZip) zip = NULL;
  g_autoptr(GError) error = NULL;

  jj_fuzz_init ();
  if (size > FUZZ_MAX_INPUT)
    return;

  zip = jj_zip_new ((const char *) data, size, &error);
  if (zip != NULL)
    {
      g_autoptr(GArray) hints = g_array_new (FALSE, TRUE, sizeof (JjParagraphHint));
      g_autofree char *text = NULL;
      gsize n_bytes = 0;

      text = reader (zip, hints, &n_bytes, &error);
      if (text != NULL)
        check_paragraphs (text, n_bytes, hints);
      else
        g_assert_nonnull (error);
    }
  else
    g_assert_nonnull (error);

  load_as (data, size, name);
}

void
jj_fuzz_docx (const guint8 *data,
              gsize         size)
{
  read_zip (data, size, jj_docx_reader_read, "fuzz.docx");
}

void
jj_fuzz_odt (const guint8 *data,
             gsize         size)
{
  read_zip (data, size, jj_odt_reader_read, "fuzz.odt");
}

void
jj_fuzz_html (const guint8 *data,
              gsize         size)
{
  g_autoptr(GArray) hints = g_array_new (FALSE, TRUE, sizeof (JjParagraphHint));
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  gsize n_bytes = 0;

  jj_fuzz_init ();
  if (size > FUZZ_MAX_INPUT)
    return;

  text = jj_html_reader_read ((const char *) data, size, hints, &n_bytes, &encoding, &error);
  if (text != NULL)
    check_paragraphs (text, n_bytes, hints);
  else
    g_assert_nonnull (error);

  load_as (data, size, "fuzz.html");
}

void
jj_fuzz_sidecar (const guint8 *data,
                 gsize         size)
{
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(JjSidecar) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  gsize length = 0;

  jj_fuzz_init ();
  if (size > FUZZ_MAX_INPUT)
    return;

  sidecar = jj_sidecar_parse ((const char *) data, size, &error);
  if (sidecar == NULL)
    {
      g_assert_nonnull (error);
      return;
    }

  /* What was read is written back and reads again the same. */
  xml = jj_sidecar_to_xml (sidecar, &length);
  g_assert_nonnull (xml);
  again = jj_sidecar_parse (xml, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->marks->len, ==, sidecar->marks->len);
}

void
jj_fuzz_outline (const guint8 *data,
                 gsize         size)
{
  g_autoptr(GArray) hints = g_array_new (FALSE, TRUE, sizeof (JjParagraphHint));
  g_autoptr(JjOutline) outline = NULL;
  g_autofree char *text = NULL;
  guint8 flags = 0;
  guint offset = 0;
  gboolean with_hints = FALSE;

  jj_fuzz_init ();
  /* The first byte says whether to pass paragraph hints and which. */
  if (size > 0)
    {
      flags = data[0];
      with_hints = (flags & 0x80) != 0;
      data++;
      size--;
    }
  text = valid_text (data, size);

  if (with_hints)
    {
      const char *p = text;
      guint i = 0;

      while (TRUE)
        {
          const char *nl = strchr (p, '\n');
          guint n = g_utf8_strlen (p, nl != NULL ? nl - p : -1);
          JjParagraphHint hint = { offset, offset + n, (gint) (i % 5) - 1, (flags + i) & 0x0f };

          g_array_append_val (hints, hint);
          offset += n + 1;
          i++;
          if (nl == NULL)
            break;
          p = nl + 1;
        }
    }

  outline = jj_outline_detect (text, -1, (const JjParagraphHint *) (gpointer) hints->data,
                               hints->len);
  g_assert_nonnull (outline);
  for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
    g_assert_nonnull (jj_outline_get_entry (outline, i));
  g_free (jj_outline_dup_section_path (outline, g_utf8_strlen (text, -1) / 2));
}

void
jj_fuzz_anchor (const guint8 *data,
                gsize         size)
{
  g_autoptr(JjAnchorText) anchor_text = NULL;
  g_autofree char *input = NULL;
  g_auto(GStrv) parts = NULL;
  JjAnchorTarget target = { NULL, };
  JjMarkStatus status;
  guint start = 0, end = 0;
  guint length;
  guint32 where = 0;

  jj_fuzz_init ();
  /* Four bytes place the old quote; then text, quote, prefix and suffix
   * separated by U+0001.
   */
  if (size < 4)
    return;
  memcpy (&where, data, 4);
  input = valid_text (data + 4, size - 4);
  parts = g_strsplit (input, "\x01", 4);
  if (g_strv_length (parts) < 2)
    return;

  anchor_text = jj_anchor_text_new (parts[0], -1);
  length = jj_anchor_text_get_length (anchor_text);
  target.quote = parts[1];
  target.prefix = parts[2] != NULL ? parts[2] : NULL;
  target.suffix = parts[2] != NULL ? parts[3] : NULL;
  target.start = length > 0 ? (where & 0xffff) % (length + 1) : 0;
  target.end = target.start + g_utf8_strlen (parts[1], -1);
  target.old_length = (where >> 16) & 1 ? length : 0;

  status = jj_anchor_locate (anchor_text, &target, &start, &end);
  if (status != JJ_MARK_STATUS_ORPHAN)
    {
      g_assert_cmpuint (start, <=, end);
      g_assert_cmpuint (end, <=, length);
      g_free (jj_anchor_text_dup_range (anchor_text, start, end));
    }
}
