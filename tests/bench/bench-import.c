/* bench-import.c — import and cleaning time for large documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-import          import, cleaning and outline, best of 3
 *   bench-import import   import and cleaning alone, median of 5 (see
 *                         import-profile.md)
 */

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>

#include "jj-document.h"
#include "jj-outline.h"

static const char *const sentences[] = {
  "我们要深入贯彻落实党中央决策部署，坚持稳中求进工作总基调。",
  "各地各部门要切实提高政治站位，把思想和行动统一到会议精神上来。",
  "要聚焦群众急难愁盼问题，拿出更多务实管用的举措。",
  "今年以来，全市经济运行总体平稳，主要指标保持在合理区间。",
  "必须清醒看到，我们的工作还存在不少短板和弱项。",
  "要强化责任担当，层层压实责任，确保各项任务落到实处。",
};

static const char *const numbers[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

/* Speech-like text of about @size bytes: numbered headings, enumerated
 * points, paragraphs of a few hundred characters.
 */
static GString *
generate (gsize    size,
          gboolean run_on)
{
  GString *s = g_string_new ("在全市工作会议上的讲话\n同志们：\n");
  guint h = 0;

  while (s->len < size)
    {
      g_string_append_printf (s, "%s、要抓好第%u项重点工作%s", numbers[h % 10], h + 1, run_on ? "" : "\n");
      for (guint p = 0; p < 4; p++)
        {
          if (p > 0)
            g_string_append_printf (s, "%s是", numbers[p]);
          for (guint k = 0; k < 8; k++)
            g_string_append (s, sentences[(h + p + k) % G_N_ELEMENTS (sentences)]);
          if (!run_on)
            g_string_append_c (s, '\n');
        }
      h++;
    }

  return s;
}

/* What make-webpage-text.py writes: the sample speech's web page with its
 * body repeated to about @size bytes, cut into lines of about 200
 * characters (never inside a gloss), a blank line after every five.
 */
static GString *
webpage_text (gsize size)
{
  g_autofree char *path = g_build_filename (SAMPLES_DIR, "civilized-city-speech.webpage.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree gunichar *body = NULL;
  g_auto(GStrv) lines = NULL;
  GString *s = g_string_new (NULL);
  glong n_body = 0;
  guint b = 0;
  glong pos = 0;
  guint count = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    g_error ("cannot read %s", path);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_utf8_strlen (lines[i], -1) > g_utf8_strlen (lines[b], -1))
      b = i;
  body = g_utf8_to_ucs4_fast (lines[b], -1, &n_body);

  for (guint i = 0; i < b; i++)
    g_string_append_printf (s, "%s\n", lines[i]);
  while (s->len < size)
    {
      glong end = pos + 200;
      glong open = -1, close = -1;

      for (;;)
        {
          open = close = -1;
          for (glong k = pos; k < end; k++)
            {
              if (body[k % n_body] == '(')
                open = k;
              else if (body[k % n_body] == ')')
                close = k;
            }
          if (open <= close)
            break;
          end++;
        }
      for (glong k = pos; k < end; k++)
        g_string_append_unichar (s, body[k % n_body]);
      pos = end % n_body;
      g_string_append (s, ++count % 5 == 0 ? "\n\n" : "\n");
    }
  for (guint i = b + 1; lines[i]; i++)
    g_string_append_printf (s, "\n%s", lines[i]);

  return s;
}

static GBytes *
make_docx (const char *text)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  const char *rels =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";
  const char *names[] = { "[Content_Types].xml", "_rels/.rels", "word/document.xml" };
  const char *contents[3];
  struct archive *a = archive_write_new ();
  gsize size;
  char *buf;
  size_t used = 0;

  for (guint i = 0; lines[i]; i++)
    g_string_append_printf (xml, "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"32\"/></w:rPr>"
                                 "<w:t>%s</w:t></w:r></w:p>", lines[i]);
  g_string_append (xml, "</w:body></w:document>");

  contents[0] = "<Types/>";
  contents[1] = rels;
  contents[2] = xml->str;
  size = xml->len + 64 * 1024;
  buf = g_malloc (size);

  archive_write_set_format_zip (a);
  archive_write_open_memory (a, buf, size, &used);
  for (guint i = 0; i < 3; i++)
    {
      struct archive_entry *e = archive_entry_new ();
      gsize len = strlen (contents[i]);

      archive_entry_set_pathname (e, names[i]);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, len);
      archive_write_header (a, e);
      archive_write_data (a, contents[i], len);
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);

  return g_bytes_new_take (buf, used);
}

/* CPU time as well as wall time: the machine may be shared. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
run_with_flags (const char  *label,
                GBytes      *bytes,
                const char  *name,
                gsize        text_size,
                JjLoadFlags  flags)
{
  double best = G_MAXDOUBLE;
  double best_cpu = G_MAXDOUBLE;
  guint length = 0;
  guint paragraphs = 0;
  guint entries = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JjDocument) doc = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_seconds ();
      double t;

      doc = jj_document_new_from_bytes (bytes, name, flags, NULL, &error);
      if (doc != NULL)
        entries = jj_outline_get_n_entries (jj_document_get_outline (doc));
      t = (g_get_monotonic_time () - t0) / 1e6;
      if (doc == NULL)
        g_error ("%s: %s", label, error->message);
      best = MIN (best, t);
      best_cpu = MIN (best_cpu, cpu_seconds () - c0);
      length = jj_document_get_length (doc);
      paragraphs = 1;
      for (const char *p = jj_document_get_text (doc); *p; p++)
        paragraphs += *p == '\n';
    }

  g_print ("%-30s %5.2f MB text %8u chars %6u paragraphs %5u outline entries  %6.3f s wall %6.3f s CPU\n",
           label, text_size / 1048576.0, length, paragraphs, entries, best, best_cpu);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* Import and cleaning alone, the outline left out: median of 5. */
static void
run_import_only (const char *label,
                 GBytes     *bytes,
                 const char *name,
                 gsize       text_size)
{
  double cpu[5];

  for (guint i = 0; i < G_N_ELEMENTS (cpu); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JjDocument) doc = NULL;
      double c0 = cpu_seconds ();

      doc = jj_document_new_from_bytes (bytes, name, JJ_LOAD_DEFAULT, NULL, &error);
      cpu[i] = cpu_seconds () - c0;
      if (doc == NULL)
        g_error ("%s: %s", label, error->message);
    }
  qsort (cpu, G_N_ELEMENTS (cpu), sizeof cpu[0], compare_doubles);

  g_print ("%-30s %5.2f MB text  %6.3f s CPU median of 5 (%.3f to %.3f)  %4.0f MB/s\n",
           label, text_size / 1048576.0, cpu[2], cpu[0], cpu[4], text_size / 1048576.0 / cpu[2]);
}

static void
run (const char *label,
     GBytes     *bytes,
     const char *name,
     gsize       text_size)
{
  run_with_flags (label, bytes, name, text_size, JJ_LOAD_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) runon = NULL;
  g_autoptr(GString) docx_text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) runon_bytes = NULL;
  g_autoptr(GBytes) docx = NULL;

  xmlInitParser ();

  text = generate (5 * 1024 * 1024, FALSE);
  runon = generate (5 * 1024 * 1024, TRUE);
  docx_text = generate (1024 * 1024, FALSE);

  bytes = g_bytes_new (text->str, text->len);
  runon_bytes = g_bytes_new (runon->str, runon->len);
  docx = make_docx (docx_text->str);

  /* "bench-import import": the import of clean paragraphed text alone */
  if (argc > 1 && g_str_equal (argv[1], "import"))
    {
      g_print ("import + clean, no outline\n");
      run_import_only ("text, paragraphed (UTF-8)", bytes, "speech.txt", text->len);
      run_import_only ("text, run-on (UTF-8)", runon_bytes, "speech.txt", runon->len);
      return 0;
    }

  g_print ("import + clean + outline, best of 3\n");
  run ("text, paragraphed (UTF-8)", bytes, "speech.txt", text->len);
  run ("text, run-on (UTF-8)", runon_bytes, "speech.txt", runon->len);
  run ("docx", docx, "speech.docx", docx_text->len);

  {
    gsize len = 0;
    g_autofree char *gb = g_convert (text->str, text->len, "GB18030", "UTF-8", NULL, &len, NULL);
    g_autoptr(GBytes) gb_bytes = g_bytes_new (gb, len);

    run ("text, paragraphed (GB18030)", gb_bytes, "speech.txt", text->len);
  }

  {
    g_autoptr(GString) page = webpage_text (5 * 1024 * 1024);
    g_autoptr(GBytes) page_bytes = g_bytes_new (page->str, page->len);

    run ("web page, traditional + pinyin", page_bytes, "page.txt", page->len);
    run_with_flags ("  the same, kept traditional", page_bytes, "page.txt", page->len,
                    JJ_LOAD_KEEP_TRADITIONAL);
    run_with_flags ("  the same, not cleaned, kept", page_bytes, "page.txt", page->len,
                    JJ_LOAD_NO_CLEAN | JJ_LOAD_KEEP_TRADITIONAL);
  }

  return 0;
}
