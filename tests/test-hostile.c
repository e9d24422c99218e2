/* test-hostile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/relaxng.h>

#include "jj-document.h"
#include "jj-anchor.h"
#include "jj-html-reader.h"
#include "jj-legacy-doc.h"
#include "jj-mark-private.h"
#include "jj-mark-store.h"
#include "jj-paragraph-hint.h"
#include "jj-sidecar.h"
#include "jj-xml.h"
#include "test-files.h"
#include "test-slowdown.h"

/* Each hostile file is opened by jiejian-cli in a child process, so that
 * its time and peak memory are those of a real run. Every case must end
 * with a clear message or a bounded result, within a few seconds, under
 * 300 MB, and leave the marks file beside the document as it was (or,
 * when the document opens, with its marks).
 */

#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif
#ifndef SANITIZED
# define SANITIZED 0
#endif

/* Sanitizers cost time and shadow memory; the limits follow. */
#define MAX_SECONDS (SANITIZED ? 30.0 : 8.0)
#define MAX_RSS_MB  (SANITIZED ? 900 : 300)

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define DOCX_TYPES \
  "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
  "<Override PartName=\"/word/document.xml\" " \
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
#define DOCX_RELS \
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" " \
  "Target=\"word/document.xml\"/></Relationships>"

#define LAUGHS_DTD \
  "<!ENTITY lol \"lol\">" \
  "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" \
  "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">" \
  "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">" \
  "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">" \
  "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">" \
  "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">" \
  "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">" \
  "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">" \
  "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">" \
  "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"

#define MARK_ID "5b8a4c1e-0d55-4a8f-9f55-2f3f1f6a2c11"

typedef struct
{
  char *dir;
  char *cli;
} Fixture;

typedef struct
{
  gboolean  exited;
  int       status;       /* exit status, or the signal */
  double    seconds;
  double    cpu_seconds;  /* user and system */
  glong     max_rss_kb;
  char     *out;
  char     *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static char *
slurp (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

static void
run_cli (Fixture    *fixture,
         const char *command,
         const char *path,
         Run        *run)
{
  g_autofree char *out_path = g_build_filename (fixture->dir, "cli.out", NULL);
  g_autofree char *err_path = g_build_filename (fixture->dir, "cli.err", NULL);
  struct rusage usage = { 0, };
  gint64 t0 = g_get_monotonic_time ();
  int status = 0;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit cpu = { 60, 60 };
      int out = open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = open (err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

      /* A runaway child is stopped rather than left to hang the suite. */
      setrlimit (RLIMIT_CPU, &cpu);
      if (!SANITIZED)
        {
          struct rlimit as = { (rlim_t) 4 << 30, (rlim_t) 4 << 30 };

          setrlimit (RLIMIT_AS, &as);
        }
      dup2 (out, STDOUT_FILENO);
      dup2 (err, STDERR_FILENO);
      execl (fixture->cli, fixture->cli, command, path, (char *) NULL);
      _exit (127);
    }

  while (wait4 (pid, &status, 0, &usage) < 0)
    g_assert_cmpint (errno, ==, EINTR);

  run->seconds = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
  run->cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                     usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  run->max_rss_kb = usage.ru_maxrss;
  run->exited = WIFEXITED (status);
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : WTERMSIG (status);
  run->out = slurp (out_path);
  run->err = slurp (err_path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  fixture->dir = g_dir_make_tmp ("jj-hostile-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  if (builddir != NULL)
    fixture->cli = g_build_filename (builddir, "..", "src", "cli", "jiejian-cli", NULL);
  else
    fixture->cli = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "jiejian-cli", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jj_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->cli);
}

/* A valid marks file with one mark, written beside @document. */
static char *
write_sidecar (const char *document,
               gsize      *length)
{
  g_autofree char *path = g_strconcat (document, JJ_SIDECAR_SUFFIX, NULL);
  g_autoptr(GError) error = NULL;
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<jiejian xmlns=\"" JJ_SIDECAR_NAMESPACE "\" version=\"1\">\n"
    "  <document fingerprint=\"0000000000000000000000000000000000000000000000000000000000000000\" length=\"20\"/>\n"
    "  <mark id=\"" MARK_ID "\" kind=\"golden\" author=\"tester\" "
    "created=\"2026-01-01T00:00:00Z\" modified=\"2026-01-01T00:00:00Z\">\n"
    "    <target start=\"2\" end=\"6\"><prefix>一、</prefix><quote>要牢牢把握</quote><suffix>新形势</suffix></target>\n"
    "  </mark>\n"
    "</jiejian>\n";

  g_file_set_contents (path, xml, -1, &error);
  g_assert_no_error (error);
  *length = strlen (xml);
  return g_strdup (xml);
}

static void
assert_bounded (const char *what,
                Run        *run)
{
  g_test_message ("%-28s exit %d%s, %.2f s, peak %ld MB", what, run->status,
                  run->exited ? "" : " (signal)", run->seconds, run->max_rss_kb / 1024);
  if (run->err[0] != '\0')
    g_test_message ("  %s", g_strchomp (run->err));
  g_assert_true (run->exited);
  /* 0: opened with a bounded result; 1: refused with a message. Anything
   * else is a crash or a missing program.
   */
  g_assert_cmpint (run->status, <=, 1);
  g_assert_cmpfloat (run->seconds, <, MAX_SECONDS);
  g_assert_cmpint (run->max_rss_kb / 1024, <, MAX_RSS_MB);
}

/* The user reads a sentence: not empty, valid UTF-8, no assertion text. */
static void
assert_refused (const char *what,
                Run        *run)
{
  assert_bounded (what, run);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_utf8_validate (run->err, -1, NULL));
  g_assert_cmpuint (strlen (run->err), >, 10);
  g_assert_null (strstr (run->err, "CRITICAL"));
  g_assert_null (strstr (run->err, "assertion"));
}

static void
assert_file_is (const char *path,
                const char *contents,
                gsize       length)
{
  g_autofree char *now = NULL;
  gsize now_length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &now, &now_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (now, now_length, contents, length);
}

/* Opens @path with "marks" (the document, then its marks file) and checks
 * that the marks file beside it did not change.
 */
static void
open_hostile (Fixture    *fixture,
              const char *what,
              const char *path,
              gboolean    must_refuse,
              Run        *run)
{
  g_autofree char *sidecar_path = g_strconcat (path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *sidecar = NULL;
  gsize length = 0;

  sidecar = write_sidecar (path, &length);
  run_cli (fixture, "marks", path, run);
  if (must_refuse)
    assert_refused (what, run);
  else
    assert_bounded (what, run);

  /* A document that was refused leaves its marks file as it was; one that
   * opened may have its marks re-anchored and saved, but keeps them.
   */
  if (run->status != 0)
    assert_file_is (sidecar_path, sidecar, length);
  else
    {
      g_autoptr(JjSidecar) now = NULL;
      g_autoptr(GError) error = NULL;

      now = jj_sidecar_load (sidecar_path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (jj_sidecar_lookup (now, MARK_ID));
    }
}

typedef struct
{
  const char *name;
  const char *head;
  const char *body;     /* repeated @repeat times */
  gsize       body_length;
  guint       repeat;
  const char *tail;
} ZipEntry;

static void
write_zip_stored (const char     *path,
                  const ZipEntry *entries,
                  guint           n_entries,
                  gboolean        stored)
{
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  archive_write_set_options (a, stored ? "zip:compression=store" : "zip:compression-level=1");
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      const ZipEntry *z = &entries[i];
      struct archive_entry *e = archive_entry_new ();
      gsize body_length = z->body != NULL ? (z->body_length ? z->body_length : strlen (z->body)) : 0;

      archive_entry_set_pathname (e, z->name);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      /* No size: the entry is streamed and its real size known only by
       * inflating it, as a zip bomb would have it.
       */
      g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
      if (z->head != NULL)
        archive_write_data (a, z->head, strlen (z->head));
      for (guint r = 0; r < MAX (z->repeat, 1); r++)
        if (body_length > 0)
          archive_write_data (a, z->body, body_length);
      if (z->tail != NULL)
        archive_write_data (a, z->tail, strlen (z->tail));
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);
}

static void
write_zip (const char     *path,
           const ZipEntry *entries,
           guint           n_entries)
{
  write_zip_stored (path, entries, n_entries, FALSE);
}

static void
write_docx (const char *path,
            const char *document_head,
            const char *body,
            gsize       body_length,
            guint       repeat,
            const char *document_tail)
{
  ZipEntry entries[] = {
    { "[Content_Types].xml", DOCX_TYPES, NULL, 0, 0, NULL },
    { "_rels/.rels", DOCX_RELS, NULL, 0, 0, NULL },
    { "word/document.xml", document_head, body, body_length, repeat, document_tail },
  };

  write_zip (path, entries, G_N_ELEMENTS (entries));
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
write_bytes (const char *path,
             const char *data,
             gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
test_zip_bomb (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "bomb.docx");
  g_autofree char *chunk = g_malloc (1024 * 1024);
  struct stat st;
  Run run = { 0, };

  /* 1 GB of spaces inside a paragraph, a few MB on disk. */
  memset (chunk, ' ', 1024 * 1024);
  write_docx (path, "<w:document " W_NS "><w:body><w:p><w:r><w:t>", chunk, 1024 * 1024, 1024,
              "</w:t></w:r></w:p></w:body></w:document>");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("zip bomb: %ld KB on disk, 1 GB inflated", (long) st.st_size / 1024);
  open_hostile (fixture, "zip bomb", path, TRUE, &run);
  run_clear (&run);
}

static void
test_zip_paths (Fixture       *fixture,
                gconstpointer  data)
{
  const char *bad[] = { "/etc/jj-evil.xml", "../../jj-evil.xml", "word/../../jj-evil.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = fixture_path (fixture, "paths.docx");
      g_autofree char *what = g_strdup_printf ("zip entry %s", bad[i]);
      g_autofree char *evil = g_build_filename (fixture->dir, "..", "jj-evil.xml", NULL);
      ZipEntry entries[] = {
        { "[Content_Types].xml", DOCX_TYPES, NULL, 0, 0, NULL },
        { "_rels/.rels", DOCX_RELS, NULL, 0, 0, NULL },
        { bad[i], "<x/>", NULL, 0, 0, NULL },
        { "word/document.xml", "<w:document " W_NS "><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>", NULL, 0, 0, NULL },
      };
      Run run = { 0, };

      write_zip (path, entries, G_N_ELEMENTS (entries));
      open_hostile (fixture, what, path, TRUE, &run);
      g_assert_false (g_file_test ("/etc/jj-evil.xml", G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (evil, G_FILE_TEST_EXISTS));
      run_clear (&run);
    }
}

static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "deep.docx");
  GString *xml = g_string_new ("<w:document " W_NS "><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p>");
  Run run = { 0, };

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<w:sdt>");
  g_string_append (xml, "<w:p><w:r><w:t>深处</w:t></w:r></w:p>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "</w:sdt>");
  g_string_append (xml, "</w:body></w:document>");
  write_docx (path, xml->str, NULL, 0, 0, NULL);
  g_string_free (xml, TRUE);

  open_hostile (fixture, "docx nested 100,000 deep", path, FALSE, &run);
  run_clear (&run);
}

static void
test_entities_docx (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "laughs.docx");
  Run run = { 0, };

  write_docx (path,
              "<?xml version=\"1.0\"?><!DOCTYPE w:document [" LAUGHS_DTD "]>"
              "<w:document " W_NS "><w:body><w:p><w:r><w:t>&lol9;&xxe;</w:t></w:r></w:p></w:body></w:document>",
              NULL, 0, 0, NULL);
  open_hostile (fixture, "docx billion laughs + XXE", path, FALSE, &run);
  g_assert_null (strstr (run.out, "root:"));
  g_assert_null (strstr (run.out, "lollollol"));
  run_clear (&run);
}

static void
test_entities_html (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "laughs.html");
  g_autofree char *text = NULL;
  Run run = { 0, };

  write_bytes (path,
               "<?xml version=\"1.0\"?><!DOCTYPE html [" LAUGHS_DTD "]>"
               "<html><head><meta charset=\"utf-8\"><title>讲话</title></head>"
               "<body><p>同志们：&lol9;&xxe;</p><p>一、要牢牢把握新形势</p></body></html>", -1);
  open_hostile (fixture, "HTML billion laughs + XXE", path, FALSE, &run);
  run_clear (&run);

  run_cli (fixture, "text", path, &run);
  assert_bounded ("HTML entities, text", &run);
  g_assert_null (strstr (run.out, "root:"));
  g_assert_null (strstr (run.out, "lollollollollol"));
  run_clear (&run);
}

static void
test_entities_sidecar (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "speech.txt");
  g_autofree char *sidecar_path = g_strconcat (path, JJ_SIDECAR_SUFFIX, NULL);
  const char *hostile =
    "<?xml version=\"1.0\"?><!DOCTYPE jiejian [" LAUGHS_DTD "]>"
    "<jiejian xmlns=\"" JJ_SIDECAR_NAMESPACE "\" version=\"1\">"
    "<mark id=\"a\" kind=\"golden\"><target start=\"0\" end=\"2\"><quote>&lol9;&xxe;</quote></target></mark>"
    "</jiejian>";
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean kept = FALSE;
  Run run = { 0, };

  write_bytes (path, "讲话稿\n一、要牢牢把握新形势\n", -1);
  write_bytes (sidecar_path, hostile, -1);
  run_cli (fixture, "marks", path, &run);
  assert_bounded ("sidecar billion laughs + XXE", &run);
  g_assert_null (strstr (run.out, "root:"));
  g_assert_null (strstr (run.out, "lollol"));

  /* Not read, and not lost: the file is where it was, or set aside with
   * its bytes intact.
   */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *contents = NULL;

      if (!g_str_has_prefix (name, "speech.txt" JJ_SIDECAR_SUFFIX))
        continue;
      if (g_file_get_contents (child, &contents, NULL, NULL) && g_str_equal (contents, hostile))
        kept = TRUE;
    }
  g_assert_true (kept);
  run_clear (&run);
}

static void
test_huge_attribute (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *docx = fixture_path (fixture, "attribute.docx");
  g_autofree char *html = fixture_path (fixture, "attribute.html");
  gsize size = 50 * 1024 * 1024;
  g_autofree char *value = g_malloc (size);
  Run run = { 0, };
  int fd;

  memset (value, 'A', size);
  write_docx (docx, "<w:document " W_NS "><w:body><w:p w:rsidR=\"", value, size, 1,
              "\"><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>");
  open_hostile (fixture, "docx 50 MB attribute", docx, FALSE, &run);
  run_clear (&run);

  fd = g_open (html, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "<html><body><p class=\"", 22), ==, 22);
  g_assert_cmpint (write (fd, value, size), ==, (gssize) size);
  g_assert_cmpint (write (fd, "\">正文</p></body></html>", strlen ("\">正文</p></body></html>")), >, 0);
  close (fd);
  open_hostile (fixture, "HTML 50 MB attribute", html, FALSE, &run);
  run_clear (&run);
}

static void
test_invalid_encodings (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *utf8 = fixture_path (fixture, "invalid-utf8.txt");
  g_autofree char *utf16 = fixture_path (fixture, "surrogates.txt");
  GString *bytes = g_string_new (NULL);
  Run run = { 0, };

  /* Overlong forms, stray continuation bytes, encoded surrogates, 0xFF,
   * a sequence cut short at the end.
   */
  for (guint i = 0; i < 2000; i++)
    g_string_append (bytes, "讲话\xC0\xAF\x80\xED\xA0\x80\xFF稿\xF4\x90\x80\x80\n");
  g_string_append (bytes, "\xE8\xAE");
  write_bytes (utf8, bytes->str, bytes->len);
  g_string_free (bytes, TRUE);
  open_hostile (fixture, "invalid UTF-8", utf8, FALSE, &run);
  if (run.status == 0)
    g_assert_true (g_utf8_validate (run.out, -1, NULL));
  run_clear (&run);

  /* A few bad bytes in a real text: it opens, with replacement characters. */
  bytes = g_string_new (NULL);
  for (guint i = 0; i < 200; i++)
    g_string_append (bytes, "一、要牢牢把握新形势，认真学习测评新体系。\n");
  g_string_append (bytes, "坏\xFF字节\xC0\xAF。\n");
  write_bytes (utf8, bytes->str, bytes->len);
  g_string_free (bytes, TRUE);
  open_hostile (fixture, "a few invalid bytes", utf8, FALSE, &run);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* UTF-16LE with a BOM: lone high and low surrogates, and a high one at
   * the very end.
   */
  bytes = g_string_new_len ("\xFF\xFE", 2);
  for (guint i = 0; i < 2000; i++)
    g_string_append_len (bytes, "\xB2\x8B\xDD\x8B\x00\xD8\x41\x00\x00\xDC\x3F\x7A\n\x00", 14);
  g_string_append_len (bytes, "\x00\xD8", 2);
  write_bytes (utf16, bytes->str, bytes->len);
  g_string_free (bytes, TRUE);
  open_hostile (fixture, "unpaired UTF-16 surrogates", utf16, FALSE, &run);
  if (run.status == 0)
    g_assert_true (g_utf8_validate (run.out, -1, NULL));
  run_clear (&run);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "empty.txt");
  g_autofree char *docx = fixture_path (fixture, "empty.docx");
  Run run = { 0, };

  write_bytes (path, "", 0);
  open_hostile (fixture, "0-byte text", path, TRUE, &run);
  run_clear (&run);
  write_bytes (docx, "", 0);
  open_hostile (fixture, "0-byte docx", docx, TRUE, &run);
  run_clear (&run);
}

static void
test_huge_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "huge.txt");
  g_autofree char *line = NULL;
  Run run = { 0, };
  gsize size = 200 * 1024 * 1024;
  gsize written = 0;
  int fd;

  /* Real text, not a sparse file: a reader that ignores the size would
   * have to read all of it.
   */
  line = g_strnfill (4096, 'x');
  memcpy (line, "一、要牢牢把握新形势\n", strlen ("一、要牢牢把握新形势\n"));
  line[4095] = '\n';
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  while (written < size)
    {
      gssize n = write (fd, line, 4096);

      if (n < 0 && errno == ENOSPC)
        {
          close (fd);
          g_test_skip ("No room for a 200 MB file");
          return;
        }
      g_assert_cmpint (n, ==, 4096);
      written += n;
    }
  close (fd);

  open_hostile (fixture, "200 MB text", path, TRUE, &run);
  run_clear (&run);
}

static void
test_not_regular (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *dir = fixture_path (fixture, "folder.txt");
  g_autofree char *fifo = fixture_path (fixture, "pipe.txt");
  Run run = { 0, };

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  open_hostile (fixture, "directory", dir, TRUE, &run);
  run_clear (&run);

  /* Nobody writes to the FIFO: a reader that opens it blocks forever. */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  open_hostile (fixture, "FIFO", fifo, TRUE, &run);
  run_clear (&run);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "missing.txt");
  Run run = { 0, };

  run_cli (fixture, "marks", path, &run);
  assert_refused ("missing file", &run);
  run_clear (&run);
}

/* The hostile inputs of issue 16 (item 3): each must be refused or read
 * within 2 s and 300 MB, and no entity may be expanded.
 */
#define STRICT_SECONDS (SANITIZED ? MAX_SECONDS : jj_test_usec (2.0) / (double) G_USEC_PER_SEC)

static void
assert_strict (const char *what,
               const char *path,
               Run        *run)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("%s: %ld KB on disk, %.2f s of processor time", what, (long) st.st_size / 1024,
                  run->cpu_seconds);
  /* Processor time: other tests may keep the machine busy. */
  g_assert_cmpfloat (run->cpu_seconds, <=, STRICT_SECONDS);
  g_assert_cmpint (run->max_rss_kb / 1024, <=, MAX_RSS_MB);
  g_assert_null (strstr (run->out, "lollol"));
  g_assert_null (strstr (run->out, "xxxxxxxxxx"));
  g_assert_null (strstr (run->out, "root:"));
}

/* One entity of 10,000 characters used 200,000 times: libxml2's own
 * checks let it through, and expanding it makes 2 GB of text from a file
 * of about a kilobyte. The comment holding "<a" hid the DOCTYPE from the
 * byte scan this replaced.
 */
static char *
expanding_document (const char *encoding)
{
  GString *xml = g_string_new (NULL);
  g_autofree char *big = g_strnfill (10000, 'x');

  g_string_append_printf (xml, "<?xml version=\"1.0\" encoding=\"%s\"?>"
                          "<!-- <a --><!DOCTYPE w:document [<!ENTITY big \"%s\">"
                          "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                          "<w:document " W_NS "><w:body><w:p><w:r><w:t>&xxe;",
                          encoding, big);
  for (guint i = 0; i < 200000; i++)
    g_string_append (xml, "&big;");
  g_string_append (xml, "</w:t></w:r></w:p></w:body></w:document>");

  return g_string_free (xml, FALSE);
}

static void
test_entities_disguised (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct { const char *name, *encoding, *iconv, *bom; gsize bom_length; } cases[] = {
    { "expanding-comment.docx", "UTF-8", NULL, NULL, 0 },
    { "expanding-utf16le.docx", "UTF-16", "UTF-16LE", "\xFF\xFE", 2 },
    { "expanding-utf16be.docx", "UTF-16", "UTF-16BE", "\xFE\xFF", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (fixture, cases[i].name);
      g_autofree char *xml = expanding_document (cases[i].encoding);
      g_autofree char *encoded = NULL;
      gsize length = strlen (xml);
      Run run = { 0, };

      if (cases[i].iconv != NULL)
        {
          g_autofree char *converted = NULL;
          g_autoptr(GError) error = NULL;
          gsize n = 0;

          converted = g_convert (xml, -1, cases[i].iconv, "UTF-8", NULL, &n, &error);
          g_assert_no_error (error);
          encoded = g_malloc (n + cases[i].bom_length);
          memcpy (encoded, cases[i].bom, cases[i].bom_length);
          memcpy (encoded + cases[i].bom_length, converted, n);
          length = n + cases[i].bom_length;
        }
      else
        encoded = g_strdup (xml);

      write_docx (path, NULL, encoded, length, 1, NULL);
      open_hostile (fixture, cases[i].name, path, TRUE, &run);
      assert_strict (cases[i].name, path, &run);
      g_assert_nonnull (strstr (run.err, "type declaration"));
      run_clear (&run);
    }
}

static void
test_empty_elements (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "empty-elements.docx");
  gsize n = 60 * 1024 * 1024 / 6;
  g_autofree char *body = g_malloc (6 * 1024);
  Run run = { 0, };

  /* 60 MB of <w:p/>: ten million elements in a file of some 100 KB. */
  for (guint i = 0; i < 1024; i++)
    memcpy (body + 6 * i, "<w:p/>", 6);
  write_docx (path, "<w:document " W_NS "><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p>",
              body, 6 * 1024, n / 1024, "</w:body></w:document>");
  open_hostile (fixture, "docx of empty elements", path, TRUE, &run);
  assert_strict ("docx of empty elements", path, &run);
  run_clear (&run);
}

#define NS_ODT \
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""

static void
test_big_odt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "big.odt");
  const char *paragraph = "<text:p><text:span>讲话</text:span></text:p>";
  ZipEntry entries[] = {
    { "mimetype", "application/vnd.oasis.opendocument.text", NULL, 0, 0, NULL },
    { "content.xml",
      "<office:document-content " NS_ODT "><office:body><office:text>",
      paragraph, 0, (60 * 1024 * 1024) / strlen (paragraph),
      "</office:text></office:body></office:document-content>" },
  };
  Run run = { 0, };

  /* Stored, not compressed: 60 MB on disk, within the part size limit. */
  write_zip_stored (path, entries, G_N_ELEMENTS (entries), TRUE);
  open_hostile (fixture, "odt of 60 MB", path, TRUE, &run);
  assert_strict ("odt of 60 MB", path, &run);
  run_clear (&run);
}

static void
test_big_html (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "big.html");
  const char *paragraph = "<p><b>讲话</b></p>\n";
  GString *chunk = g_string_new ("<html><head><meta charset=\"utf-8\"></head><body>");
  gsize size = 50 * 1024 * 1024;
  gsize written = 0;
  Run run = { 0, };
  int fd;

  while (chunk->len < 1024 * 1024)
    g_string_append (chunk, paragraph);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  while (written < size)
    {
      g_assert_cmpint (write (fd, chunk->str, chunk->len), ==, (gssize) chunk->len);
      written += chunk->len;
    }
  close (fd);
  g_string_free (chunk, TRUE);

  open_hostile (fixture, "HTML of 50 MB", path, TRUE, &run);
  assert_strict ("HTML of 50 MB", path, &run);
  run_clear (&run);
}

/* The XML reader itself, in this process: every way of bringing in a
 * DTD is refused, in any encoding, and the budgets hold.
 */
static char *
encode (const char *xml,
        const char *charset,
        const char *bom,
        gsize       bom_length,
        gsize      *length)
{
  g_autofree char *converted = NULL;
  g_autoptr(GError) error = NULL;
  char *out;
  gsize n = 0;

  converted = g_convert (xml, -1, charset, "UTF-8", NULL, &n, &error);
  g_assert_no_error (error);
  out = g_malloc (n + bom_length);
  memcpy (out, bom, bom_length);
  memcpy (out + bom_length, converted, n);
  *length = n + bom_length;

  return out;
}

static void
test_xml_doctype (void)
{
  static const char *const documents[] = {
    "<!DOCTYPE a [<!ENTITY e \"xxxxxxxxxxxxxxxxxxxx\">]><a>&e;&e;</a>",
    "<?xml version=\"1.0\"?><!-- <a --><!DOCTYPE a [<!ENTITY e \"xxxxxxxxxxxxxxxxxxxx\">]><a>&e;</a>",
    "<?xml version=\"1.0\"?><!-- <a> --><?pi <a?><!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>",
    "<!DOCTYPE a PUBLIC \"-//x//y\" \"http://127.0.0.1:9/x.dtd\"><a/>",
    "<!DOCTYPE a [<!ATTLIST a b CDATA \"xxxxxxxxxxxxxxxxxxxx\">]><a/>",
    "<!DOCTYPE a [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><a/>",
  };
  static const struct { const char *charset, *bom; gsize bom_length; } encodings[] = {
    { "UTF-8", "", 0 },
    { "UTF-8", "\xEF\xBB\xBF", 3 },
    { "UTF-16LE", "\xFF\xFE", 2 },
    { "UTF-16BE", "\xFE\xFF", 2 },
    { "UTF-16LE", "", 0 },
    { "UTF-16BE", "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    for (guint j = 0; j < G_N_ELEMENTS (encodings); j++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(xmlDoc) doc = NULL;
        g_autofree char *data = NULL;
        gsize length = 0;

        data = encode (documents[i], encodings[j].charset, encodings[j].bom,
                       encodings[j].bom_length, &length);
        doc = jj_xml_read_memory (data, length, "part.xml", &error);
        g_test_message ("%s in %s%s: %s", documents[i], encodings[j].charset,
                        encodings[j].bom_length ? " with BOM" : "",
                        error ? error->message : "read");
        g_assert_null (doc);
        g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
        /* Without a BOM, UTF-16 is not XML at all: libxml2 refuses it
         * before it comes to the DOCTYPE.
         */
        if (encodings[j].bom_length > 0 || g_str_equal (encodings[j].charset, "UTF-8"))
          g_assert_nonnull (strstr (error->message, "document type declaration"));
      }
}

static void
test_xml_reads (void)
{
  static const struct { const char *charset, *bom; gsize bom_length; } encodings[] = {
    { "UTF-8", "", 0 },
    { "UTF-16LE", "\xFF\xFE", 2 },
    { "UTF-16BE", "\xFE\xFF", 2 },
  };
  const char *xml = "<?xml version=\"1.0\"?><!-- 注 --><a x=\"1\">讲话 &amp; &#x7A3F;<![CDATA[<b>]]><b/></a>";

  for (guint j = 0; j < G_N_ELEMENTS (encodings); j++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(xmlDoc) doc = NULL;
      g_autofree char *data = NULL;
      xmlChar *text;
      gsize length = 0;

      data = encode (xml, encodings[j].charset, encodings[j].bom, encodings[j].bom_length, &length);
      doc = jj_xml_read_memory (data, length, "part.xml", &error);
      g_assert_no_error (error);
      g_assert_nonnull (doc);
      text = xmlNodeGetContent (xmlDocGetRootElement (doc));
      g_assert_cmpstr ((const char *)text, ==, "讲话 & 稿<b>");
      xmlFree (text);
    }
}

static void
test_xml_budgets (void)
{
  GString *xml = g_string_new ("<a>");
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  gint64 t0 = g_get_monotonic_time ();

  /* A million elements: past the node budget. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append (xml, "<b/>");
  g_string_append (xml, "</a>");
  doc = jj_xml_read_memory (xml->str, xml->len, "part.xml", &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "elements"));
  g_clear_error (&error);

  /* So many attributes on one element, too. */
  g_string_assign (xml, "<a");
  for (guint i = 0; i < 600000; i++)
    g_string_append_printf (xml, " a%u=\"\"", i);
  g_string_append (xml, "/>");
  doc = jj_xml_read_memory (xml->str, xml->len, "part.xml", &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "attributes"));
  g_clear_error (&error);

  /* In a web page they are dropped, and the text kept. */
  g_string_assign (xml, "<html><body><p");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (xml, " a%u=\">\"", i);
  g_string_append (xml, ">讲话</p></body></html>");
  {
    g_autoptr(GArray) hints = g_array_new (FALSE, FALSE, sizeof (JjParagraphHint));
    g_autofree char *text = jj_html_reader_read (xml->str, xml->len, hints, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (g_strstrip (text), ==, "讲话");
  }

  /* Deep, but under libxml2's own limit of 256. */
  g_string_truncate (xml, 0);
  for (guint i = 0; i < 250; i++)
    g_string_append (xml, "<d>");
  for (guint i = 0; i < 250; i++)
    g_string_append (xml, "</d>");
  doc = jj_xml_read_memory (xml->str, xml->len, "part.xml", &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "deep"));
  g_clear_error (&error);

  /* The same in a web page. */
  g_string_assign (xml, "<html><body>");
  for (guint i = 0; i < 300000; i++)
    g_string_append (xml, "<p>讲</p>");
  doc = jj_xml_read_html (xml->str, xml->len, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_string_assign (xml, "<html><body>");
  for (guint i = 0; i < 300; i++)
    g_string_append (xml, "<div>");
  g_string_append (xml, "讲");
  doc = jj_xml_read_html (xml->str, xml->len, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
  g_clear_error (&error);

  g_string_free (xml, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, jj_test_usec (SANITIZED ? 20.0 : 2.0));
}

static void
test_html_doctype (void)
{
  const char *page =
    "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY e \"xxxxxxxxxxxxxxxxxxxx\">"
    "<!ENTITY f SYSTEM \"file:///etc/passwd\">]>"
    "<html><body><p>讲话&e;&f;&amp;</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlChar *text;

  /* Web pages have a DOCTYPE; its entities are never used. */
  doc = jj_xml_read_html (page, strlen (page), &error);
  g_assert_no_error (error);
  text = xmlNodeGetContent ((xmlNode *)doc);
  g_assert_nonnull (strstr ((const char *)text, "讲话&e;&f;&"));
  g_assert_null (strstr ((const char *)text, "xxxx"));
  g_assert_null (strstr ((const char *)text, "root:"));
  xmlFree (text);
}

/* Item 4 of issue 16: hostile marks files load within 2 s. */

/* About @n_chars characters of Chinese-looking text, in paragraphs. */
static char *
make_text (guint n_chars,
           guint seed)
{
  GString *text = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n_chars; i++)
    {
      if (i % 40 == 39)
        g_string_append (text, i % 200 == 199 ? "。\n" : "，");
      else
        g_string_append_unichar (text, 0x4E00 + g_rand_int_range (rand, 0, 300));
    }
  g_rand_free (rand);

  return g_string_free (text, FALSE);
}

static void
append_mark (GString    *xml,
             guint       start,
             guint       end,
             const char *prefix,
             const char *quote,
             const char *suffix,
             const char *orphaned_in)
{
  g_autofree char *id = g_uuid_string_random ();

  g_string_append_printf (xml,
                          "<mark id=\"%s\" kind=\"golden\" created=\"2026-01-01T00:00:00Z\" "
                          "modified=\"2026-01-01T00:00:00Z\"><target start=\"%u\" end=\"%u\"",
                          id, start, end);
  if (orphaned_in != NULL)
    g_string_append_printf (xml, " orphaned-in=\"%s\"", orphaned_in);
  g_string_append_printf (xml, "><prefix>%s</prefix><quote>%s</quote><suffix>%s</suffix></target></mark>\n",
                          prefix, quote, suffix);
}

static GString *
sidecar_begin (void)
{
  return g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<jiejian xmlns=\"" JJ_SIDECAR_NAMESPACE "\" version=\"1\">\n"
                       "<document fingerprint=\"1111111111111111111111111111111111111111111111111111111111111111\" length=\"1\"/>\n");
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  g_assert_cmpint (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts), ==, 0);

  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Loads the marks of @path in a new store; returns the store and the
 * processor time it took (the machine may be busy with other tests; the
 * time on the clock is logged).
 */
static JjMarkStore *
load_store (const char *path,
            const char *text,
            double     *seconds)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JjMarkStore *store = jj_mark_store_new (file);
  gint64 t0 = g_get_monotonic_time ();
  double c0 = cpu_seconds ();

  g_assert_true (jj_mark_store_load (store, text, NULL, &error));
  g_assert_no_error (error);
  *seconds = cpu_seconds () - c0;
  g_test_message ("load: %.3f s of processor time, %.3f s on the clock", *seconds,
                  (g_get_monotonic_time () - t0) / (double)G_USEC_PER_SEC);

  return store;
}

static void
test_sidecar_long_context (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "speech.txt");
  g_autofree char *sidecar_path = g_strconcat (path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *text = make_text (20000, 1);
  g_autofree char *long_prefix = g_strnfill (10000, 'a');
  g_autofree char *long_suffix = g_strnfill (10000, 'b');
  g_autofree char *long_quote = g_strnfill (4000, 'q');
  g_autoptr(JjMarkStore) store = NULL;
  GListModel *marks;
  GString *xml = sidecar_begin ();
  gunichar common = 0x4E00;
  char common_utf8[8] = { 0, };
  double seconds;
  struct stat st;

  /* A character that occurs hundreds of times: each place is ranked by
   * its context, which was compared whole, 10,000 characters each side.
   */
  g_unichar_to_utf8 (common, common_utf8);
  append_mark (xml, 7, 8, long_prefix, common_utf8, long_suffix, NULL);
  append_mark (xml, 9, 10, long_suffix, common_utf8, long_prefix, NULL);
  /* A quote longer than anything in the text. */
  append_mark (xml, 0, 4000, "", long_quote, "", NULL);
  g_string_append (xml, "</jiejian>\n");
  write_bytes (path, text, -1);
  write_bytes (sidecar_path, xml->str, xml->len);
  g_string_free (xml, TRUE);
  g_assert_cmpint (g_stat (sidecar_path, &st), ==, 0);

  store = load_store (path, text, &seconds);
  g_test_message ("marks file of %ld KB with 10,000 characters of context: loaded in %.3f s",
                  (long)st.st_size / 1024, seconds);
  g_assert_cmpfloat (seconds * G_USEC_PER_SEC, <=, jj_test_usec (2.0));

  marks = jj_mark_store_get_marks (store);
  g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (marks, i);

      g_assert_cmpint (g_utf8_strlen (jj_mark_get_prefix (mark), -1), <=, JJ_MARK_CONTEXT_LENGTH);
      g_assert_cmpint (g_utf8_strlen (jj_mark_get_suffix (mark), -1), <=, JJ_MARK_CONTEXT_LENGTH);
    }
}

static void
test_sidecar_orphans (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "speech.txt");
  g_autofree char *sidecar_path = g_strconcat (path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *text = make_text (20000, 2);
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(JjSidecar) saved = NULL;
  g_autoptr(GError) error = NULL;
  GString *xml = sidecar_begin ();
  GRand *rand = g_rand_new_with_seed (3);
  guint n_remembered = 0;
  double seconds;
  struct stat st;

  /* 100,000 marks whose quotes are nowhere in the text (Hangul in a
   * Chinese text), each searched exactly and then approximately.
   */
  for (guint i = 0; i < 100000; i++)
    {
      char quote[64] = { 0, }, context[64] = { 0, };
      gsize n = 0, k = 0;

      for (guint c = 0; c < 8; c++)
        n += g_unichar_to_utf8 (0xAC00 + g_rand_int_range (rand, 0, 2000), quote + n);
      for (guint c = 0; c < 6; c++)
        k += g_unichar_to_utf8 (0x4E00 + g_rand_int_range (rand, 0, 300), context + k);
      append_mark (xml, i % 19000, i % 19000 + 8, context, quote, context, NULL);
    }
  g_rand_free (rand);
  g_string_append (xml, "</jiejian>\n");
  write_bytes (path, text, -1);
  write_bytes (sidecar_path, xml->str, xml->len);
  g_string_free (xml, TRUE);
  g_assert_cmpint (g_stat (sidecar_path, &st), ==, 0);

  store = load_store (path, text, &seconds);
  g_test_message ("100,000 orphans (%ld MB), first load: %.3f s", (long)st.st_size / (1024 * 1024), seconds);
  g_assert_cmpfloat (seconds * G_USEC_PER_SEC, <=, jj_test_usec (2.0));
  g_assert_cmpuint (jj_mark_store_get_n_orphans (store), ==, 100000);
  g_assert_true (jj_mark_store_save (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The orphans searched in full remember the text they were not found in. */
  saved = jj_sidecar_load (sidecar_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < saved->marks->len; i++)
    if (_jj_mark_get_orphaned_in (g_ptr_array_index (saved->marks, i)) != NULL)
      n_remembered++;
  g_test_message ("%u orphans remember the text", n_remembered);
  g_assert_cmpuint (n_remembered, >, 0);

  store = load_store (path, text, &seconds);
  g_test_message ("100,000 orphans, second load: %.3f s", seconds);
  g_assert_cmpfloat (seconds * G_USEC_PER_SEC, <=, jj_test_usec (2.0));
  g_assert_cmpuint (jj_mark_store_get_n_orphans (store), ==, 100000);
}

static void
test_anchor_orphan_remembered (void)
{
  g_autofree char *text = make_text (5000, 4);
  g_autofree char *other = make_text (5000, 5);
  g_autoptr(JjAnchorText) anchor = jj_anchor_text_new (text, -1);
  g_autoptr(JjAnchorText) other_anchor = jj_anchor_text_new (other, -1);
  g_autofree char *quote = jj_anchor_text_dup_range (anchor, 1000, 1012);
  g_autofree char *prefix = jj_anchor_text_dup_range (anchor, 968, 1000);
  g_autofree char *suffix = jj_anchor_text_dup_range (anchor, 1012, 1044);
  g_autoptr(JjMark) mark = jj_mark_new ("golden");
  g_autoptr(JjMark) absent = jj_mark_new ("golden");

  g_assert_cmpstr (jj_anchor_text_get_digest (anchor), !=, jj_anchor_text_get_digest (other_anchor));
  g_assert_cmpuint (strlen (jj_anchor_text_get_digest (anchor)), ==, 16);

  /* Found in the text it was made on, moved: searched. */
  jj_mark_set_range (mark, 2000, 2012);
  jj_mark_set_quote (mark, quote);
  jj_mark_set_context (mark, prefix, suffix);
  _jj_mark_set_orphaned_in (mark, jj_anchor_text_get_digest (other_anchor));
  g_assert_cmpint (jj_anchor_mark (anchor, mark, 0), ==, JJ_MARK_STATUS_MOVED);
  g_assert_cmpuint (jj_mark_get_start (mark), ==, 1000);
  g_assert_null (_jj_mark_get_orphaned_in (mark));

  /* Remembered as not found in this text: not searched again. */
  jj_mark_set_range (mark, 2000, 2012);
  _jj_mark_set_orphaned_in (mark, jj_anchor_text_get_digest (anchor));
  g_assert_cmpint (jj_anchor_mark (anchor, mark, 0), ==, JJ_MARK_STATUS_ORPHAN);
  g_assert_cmpuint (jj_mark_get_start (mark), ==, 2000);

  /* A new quote is searched again. */
  jj_mark_set_quote (mark, "新的引文内容");
  g_assert_null (_jj_mark_get_orphaned_in (mark));

  /* An orphan found nowhere remembers the text. */
  jj_mark_set_range (absent, 10, 18);
  jj_mark_set_quote (absent, "가나다라마바사아");
  g_assert_cmpint (jj_anchor_mark (anchor, absent, 0), ==, JJ_MARK_STATUS_ORPHAN);
  g_assert_cmpstr (_jj_mark_get_orphaned_in (absent), ==, jj_anchor_text_get_digest (anchor));

  /* Context is cut to 32 characters, keeping what is next to the quote. */
  {
    g_autofree char *long_prefix = g_strconcat ("前前前前前前前前前前", prefix, NULL);
    g_autofree char *long_suffix = g_strconcat (suffix, "后后后后后后后后后后", NULL);

    jj_mark_set_context (mark, long_prefix, long_suffix);
    g_assert_cmpstr (jj_mark_get_prefix (mark), ==, prefix);
    g_assert_cmpstr (jj_mark_get_suffix (mark), ==, suffix);
  }
}

static void
assert_schema_valid (const char *xml,
                     gsize       length)
{
  g_autofree char *rng = NULL;
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr schema;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc;

  if (g_getenv ("JJ_SOURCE_ROOT") == NULL)
    return;

  rng = g_build_filename (g_getenv ("JJ_SOURCE_ROOT"), "data", "sidecar.rng", NULL);
  pctxt = xmlRelaxNGNewParserCtxt (rng);
  schema = xmlRelaxNGParse (pctxt);
  g_assert_nonnull (schema);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  doc = xmlReadMemory (xml, (int)length, "sidecar.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpint (xmlRelaxNGValidateDoc (vctxt, doc), ==, 0);
  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (pctxt);
}

static void
test_sidecar_orphaned_in_round_trip (void)
{
  const char *forms[] = {
    "",
    /* An unknown element sends the reader down its slow path. */
    "<x:extra xmlns:x=\"urn:x\"/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *xml = NULL;
      g_autofree char *again = NULL;
      g_autofree char *prefix = g_strnfill (100, 'p');
      g_autofree char *suffix = g_strnfill (100, 's');
      g_autoptr(JjSidecar) sidecar = NULL;
      g_autoptr(JjSidecar) reread = NULL;
      g_autoptr(GError) error = NULL;
      GString *text = sidecar_begin ();
      JjMark *mark;
      gsize length = 0;

      append_mark (text, 1, 3, prefix, "引文", suffix, "0123456789abcdef");
      g_string_append_printf (text, "%s</jiejian>\n", forms[i]);
      xml = g_string_free (text, FALSE);
      sidecar = jj_sidecar_parse (xml, strlen (xml), &error);
      g_assert_no_error (error);
      mark = g_ptr_array_index (sidecar->marks, 0);
      g_assert_cmpstr (_jj_mark_get_orphaned_in (mark), ==, "0123456789abcdef");
      g_assert_cmpint (strlen (jj_mark_get_prefix (mark)), ==, JJ_MARK_CONTEXT_LENGTH);
      g_assert_cmpint (strlen (jj_mark_get_suffix (mark)), ==, JJ_MARK_CONTEXT_LENGTH);

      again = jj_sidecar_to_xml (sidecar, &length);
      g_assert_nonnull (strstr (again, "orphaned-in=\"0123456789abcdef\""));
      reread = jj_sidecar_parse (again, length, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (_jj_mark_get_orphaned_in (g_ptr_array_index (reread->marks, 0)), ==, "0123456789abcdef");
      assert_schema_valid (again, length);
    }

  /* Anything else in the attribute is dropped, not written back. */
  {
    g_autofree char *xml = NULL;
    g_autoptr(JjSidecar) sidecar = NULL;
    g_autoptr(GError) error = NULL;
    GString *text = sidecar_begin ();

    append_mark (text, 1, 3, "", "引文", "", "0123456789ABCDEF\" x=\"");
    g_string_append (text, "</jiejian>\n");
    xml = g_string_free (text, FALSE);
    sidecar = jj_sidecar_parse (xml, strlen (xml), &error);
    g_assert_no_error (error);
    g_assert_null (_jj_mark_get_orphaned_in (g_ptr_array_index (sidecar->marks, 0)));
  }
}

/* Item 5 of issue 16: LibreOffice reaches no network and leaves nothing
 * behind.
 */

/* A .docx (given to the converter as a .doc: LibreOffice goes by its
 * bytes) whose image is linked to @port on this machine; LibreOffice
 * fetches such images while converting.
 */
static GBytes *
linked_image_docx (const char *dir,
                   guint       port)
{
  g_autofree char *path = g_build_filename (dir, "linked.docx", NULL);
  g_autofree char *rels = g_strdup_printf (
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rImg\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
    "Target=\"http://127.0.0.1:%u/linked.png\" TargetMode=\"External\"/></Relationships>", port);
  g_autofree char *document = g_strdup_printf (
    "<?xml version=\"1.0\"?><w:document " W_NS " "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>"
    "<w:p><w:r><w:t>讲话正文</w:t></w:r></w:p>"
    "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> "
    "INCLUDEPICTURE \"http://127.0.0.1:%u/field.png\" \\d </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>x</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
    "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"952500\" cy=\"952500\"/><wp:docPr id=\"1\" name=\"P\"/>"
    "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
    "<pic:nvPicPr><pic:cNvPr id=\"1\" name=\"linked.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
    "<pic:blipFill><a:blip r:link=\"rImg\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
    "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"952500\" cy=\"952500\"/></a:xfrm>"
    "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
    "</wp:inline></w:drawing></w:r></w:p></w:body></w:document>", port);
  ZipEntry entries[] = {
    { "[Content_Types].xml",
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
      NULL, 0, 0, NULL },
    { "_rels/.rels", DOCX_RELS, NULL, 0, 0, NULL },
    { "word/_rels/document.xml.rels", rels, NULL, 0, 0, NULL },
    { "word/document.xml", document, NULL, 0, 0, NULL },
  };
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  write_zip (path, entries, G_N_ELEMENTS (entries));
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
convert_without_network (const char *dir)
{
  struct sockaddr_in address = { 0, };
  socklen_t address_length = sizeof address;
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GBytes) converted = NULL;
  g_autoptr(GError) error = NULL;
  int listener;
  int connection;

  /* Bound first, listening only once the document is made: a connection
   * can only come from the conversion.
   */
  listener = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  g_assert_cmpint (listener, >=, 0);
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (listener, (struct sockaddr *)&address, sizeof address), ==, 0);
  g_assert_cmpint (getsockname (listener, (struct sockaddr *)&address, &address_length), ==, 0);
  docx = linked_image_docx (dir, ntohs (address.sin_port));
  g_assert_cmpint (listen (listener, 16), ==, 0);

  converted = jj_legacy_doc_convert (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx),
                                     "linked.doc", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (converted);

  /* Anything LibreOffice sent is waiting in the backlog. */
  connection = accept (listener, NULL, NULL);
  g_test_message ("sandboxed: %s; connection: %s", jj_legacy_doc_is_sandboxed () ? "yes" : "no",
                  connection >= 0 ? "yes" : "none");
  g_assert_cmpint (connection, <, 0);
  g_assert_true (errno == EAGAIN || errno == EWOULDBLOCK);
  close (listener);
}

static void
test_soffice_no_network (Fixture       *fixture,
                         gconstpointer  data)
{
  if (!jj_legacy_doc_can_convert ())
    {
      g_test_skip ("libreoffice not installed");
      return;
    }

  convert_without_network (fixture->dir);
}

/* The same without namespaces: LibreOffice's own settings block it. */
static void
test_soffice_no_network_fallback (Fixture       *fixture,
                                  gconstpointer  data)
{
  if (!jj_legacy_doc_can_convert ())
    {
      g_test_skip ("libreoffice not installed");
      return;
    }

  if (g_test_subprocess ())
    {
      g_assert_false (jj_legacy_doc_is_sandboxed ());
      convert_without_network (fixture->dir);
      return;
    }

  g_setenv ("JJ_SOFFICE_SANDBOX", "none", TRUE);
  g_test_trap_subprocess (NULL, (guint64)jj_test_usec (120), G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("JJ_SOFFICE_SANDBOX");
  g_test_trap_assert_passed ();
}

/* Whether @marker is in one of the NUL-separated strings of @data. */
static gboolean
contains (char       *data,
          gsize       length,
          const char *marker)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] == '\0')
      data[i] = '\n';

  return g_strstr_len (data, length, marker) != NULL;
}

/* Live processes (not zombies) whose command line or environment names
 * @marker.
 */
static guint
count_processes_with (const char *marker)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint n = 0;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *environ_path = g_build_filename ("/proc", name, "environ", NULL);
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *cmdline = NULL;
      g_autofree char *environ_data = NULL;
      g_autofree char *stat = NULL;
      gsize cmdline_length = 0, environ_length = 0;
      gboolean found = FALSE;
      const char *state;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (stat_path, &stat, NULL, NULL))
        continue;
      state = strrchr (stat, ')');
      if (state != NULL && state[1] == ' ' && state[2] == 'Z')
        continue;
      if (g_file_get_contents (cmdline_path, &cmdline, &cmdline_length, NULL))
        found = contains (cmdline, cmdline_length, marker);
      if (!found && g_file_get_contents (environ_path, &environ_data, &environ_length, NULL))
        found = contains (environ_data, environ_length, marker);
      if (found)
        n++;
    }

  return n;
}

static void
convert_with_timeout (Fixture    *fixture,
                      const char *soffice,
                      gboolean    sandbox)
{
  g_autofree char *tmp = g_build_filename (fixture->dir, "tmp", NULL);
  g_autofree char *doc = g_test_build_filename (G_TEST_DIST, "data", "numbered-lo.doc", NULL);
  g_autoptr(GPtrArray) env = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) left = NULL;
  g_auto(GStrv) parent_env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { fixture->cli, "text", doc, NULL };
  int status = 0;

  g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);
  for (guint i = 0; parent_env[i] != NULL; i++)
    if (!g_str_has_prefix (parent_env[i], "TMPDIR=") && !g_str_has_prefix (parent_env[i], "JJ_SOFFICE"))
      g_ptr_array_add (env, g_strdup (parent_env[i]));
  g_ptr_array_add (env, g_strconcat ("TMPDIR=", tmp, NULL));
  /* LibreOffice takes longer than a fifth of a second to start. */
  g_ptr_array_add (env, g_strdup ("JJ_SOFFICE_TIMEOUT=0.2"));
  if (soffice != NULL)
    g_ptr_array_add (env, g_strconcat ("JJ_SOFFICE=", soffice, NULL));
  if (!sandbox)
    g_ptr_array_add (env, g_strdup ("JJ_SOFFICE_SANDBOX=none"));
  g_ptr_array_add (env, NULL);

  g_spawn_sync (NULL, (char **)argv, (char **)env->pdata, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("timeout (%s, %s): %s", soffice != NULL ? "fake LibreOffice" : "LibreOffice",
                  sandbox ? "sandboxed if possible" : "no sandbox", g_strchomp (err));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "too long"));

  /* Nothing of it runs on, and its folder is not made again. */
  g_assert_cmpuint (count_processes_with (tmp), ==, 0);
  g_usleep (G_USEC_PER_SEC);
  g_assert_cmpuint (count_processes_with (tmp), ==, 0);
  left = g_dir_open (tmp, 0, NULL);
  g_assert_nonnull (left);
  g_assert_null (g_dir_read_name (left));
}

/* A converter that leaves a child behind, as oosplash leaves
 * soffice.bin, and hangs.
 */
static char *
fresh_fixture (Fixture *fixture)
{
  char *fake = g_build_filename (fixture->dir, "soffice", NULL);

  jj_test_remove_tree (fixture->dir);
  g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
  write_bytes (fake, "#!/bin/sh\nsleep 60 &\nexec sleep 60\n", -1);
  g_assert_cmpint (g_chmod (fake, 0755), ==, 0);

  return fake;
}

static void
test_soffice_timeout (Fixture       *fixture,
                      gconstpointer  data)
{
  for (guint sandbox = 0; sandbox < 2; sandbox++)
    {
      g_autofree char *fake = fresh_fixture (fixture);

      convert_with_timeout (fixture, fake, sandbox);
    }

  if (!jj_legacy_doc_can_convert ())
    {
      g_test_skip ("libreoffice not installed");
      return;
    }
  /* LibreOffice takes longer than the timeout to start: it is killed. */
  for (guint sandbox = 0; sandbox < 2; sandbox++)
    {
      g_free (fresh_fixture (fixture));
      convert_with_timeout (fixture, NULL, sandbox);
    }
}

/* Item 7 of issue 16: colours and file names from the command line. */

static int
run_cli_in (const char  *dir,
            const char  *cli,
            const char **args,
            char       **out,
            char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *)cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (dir, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

static void
test_color_parse (void)
{
  static const struct { const char *text, *parsed; } cases[] = {
    { "#1a2B3c", "#1a2b3c" }, { "#ABC", "#aabbcc" }, { "#000000", "#000000" },
    { "#0zzzzz", NULL }, { "#12345", NULL }, { "#1234567", NULL }, { "123456", NULL },
    { "#", NULL }, { "", NULL }, { "#12 456", NULL }, { "#ｆｆｆ", NULL }, { "red", NULL },
  };
  g_autoptr(JjMark) mark = jj_mark_new ("golden");
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  GString *xml;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *parsed = jj_mark_color_parse (cases[i].text);

      g_assert_cmpstr (parsed, ==, cases[i].parsed);
    }

  g_assert_true (jj_mark_set_color (mark, "#F0A"));
  g_assert_cmpstr (jj_mark_get_own_color (mark), ==, "#ff00aa");
  g_assert_false (jj_mark_set_color (mark, "#0zzzzz"));
  g_assert_cmpstr (jj_mark_get_own_color (mark), ==, "#ff00aa");
  g_assert_true (jj_mark_set_color (mark, NULL));
  g_assert_null (jj_mark_get_own_color (mark));

  /* A marks file with a bad colour: the mark is kept, following its kind. */
  for (guint slow = 0; slow < 2; slow++)
    {
      JjMark *read;

      xml = sidecar_begin ();
      g_string_append (xml, "<mark id=\"" MARK_ID "\" kind=\"golden\" color=\"#0zzzzz\" "
                       "created=\"2026-01-01T00:00:00Z\" modified=\"2026-01-01T00:00:00Z\">"
                       "<target start=\"0\" end=\"2\"><prefix></prefix><quote>讲话</quote><suffix></suffix></target>");
      if (slow)
        g_string_append (xml, "<x:extra xmlns:x=\"urn:x\"/>");
      g_string_append (xml, "</mark></jiejian>");
      sidecar = jj_sidecar_parse (xml->str, xml->len, &error);
      g_string_free (xml, TRUE);
      g_assert_no_error (error);
      read = jj_sidecar_lookup (sidecar, MARK_ID);
      g_assert_nonnull (read);
      g_assert_null (jj_mark_get_own_color (read));
      g_clear_pointer (&sidecar, jj_sidecar_free);
    }
}

static void
test_cli_color (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "speech.txt");
  g_autofree char *sidecar_path = g_strconcat (path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *sidecar = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *bad[] = { "mark", path, "--start", "0", "--end", "2", "--kind", "golden", "--color", "#0zzzzz", NULL };
  const char *good[] = { "mark", path, "--start", "0", "--end", "2", "--kind", "golden", "--color", "#ABC", NULL };

  write_bytes (path, "讲话稿\n一、要牢牢把握新形势\n", -1);
  g_assert_cmpint (run_cli_in (fixture->dir, fixture->cli, bad, &out, &err), ==, 2);
  g_test_message ("%s", g_strchomp (err));
  g_assert_nonnull (strstr (err, "#0zzzzz"));
  g_assert_false (g_file_test (sidecar_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli_in (fixture->dir, fixture->cli, good, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (sidecar_path, &sidecar, NULL, NULL));
  g_assert_nonnull (strstr (sidecar, "color=\"#aabbcc\""));
}

static void
test_file_for_arg (void)
{
  g_autofree char *cwd = g_get_current_dir ();
  static const char *const paths[] = { "a:b.txt", "讲话:定稿.txt", "c:\\x.txt", "mailto:x", "x:/y", "data:text" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = jj_document_file_for_arg (paths[i]);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *expected = g_build_filename (cwd, paths[i], NULL);

      g_assert_true (g_file_is_native (file));
      g_assert_cmpstr (path, ==, expected);

      /* The app hands GApplication its URI, which comes back as the file. */
      {
        g_autofree char *uri = g_file_get_uri (file);
        g_autoptr(GFile) again = g_file_new_for_commandline_arg (uri);

        g_assert_true (g_file_equal (file, again));
      }
    }

  {
    g_autoptr(GFile) file = jj_document_file_for_arg ("file:///tmp/%E8%AE%B2%E8%AF%9D.txt");
    g_autofree char *path = g_file_get_path (file);

    g_assert_cmpstr (path, ==, "/tmp/讲话.txt");
  }
  {
    g_autoptr(GFile) file = jj_document_file_for_arg ("/tmp/a:b.txt");
    g_autofree char *path = g_file_get_path (file);

    g_assert_cmpstr (path, ==, "/tmp/a:b.txt");
  }
}

static void
test_cli_colon_name (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "a:b.txt");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  const char *relative[] = { "text", "a:b.txt", NULL };
  const char *as_uri[] = { "text", uri, NULL };
  const char *marks[] = { "marks", "a:b.txt", NULL };

  write_bytes (path, "讲话稿\n一、要牢牢把握新形势\n", -1);
  for (guint i = 0; i < 3; i++)
    {
      const char **args = i == 0 ? relative : i == 1 ? as_uri : marks;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli_in (fixture->dir, fixture->cli, args, &out, &err), ==, 0);
      g_test_message ("%s %s: %s", args[0], args[1], g_strchomp (err));
      if (i < 2)
        g_assert_nonnull (strstr (out, "一、要牢牢把握新形势"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/hostile/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("zip-bomb", test_zip_bomb);
  ADD ("zip-paths", test_zip_paths);
  ADD ("deep-nesting", test_deep_nesting);
  ADD ("entities-docx", test_entities_docx);
  ADD ("entities-html", test_entities_html);
  ADD ("entities-sidecar", test_entities_sidecar);
  ADD ("huge-attribute", test_huge_attribute);
  ADD ("invalid-encodings", test_invalid_encodings);
  ADD ("empty", test_empty);
  ADD ("huge-text", test_huge_text);
  ADD ("not-regular", test_not_regular);
  ADD ("missing", test_missing);
  g_test_add_func ("/hostile/xml/doctype", test_xml_doctype);
  g_test_add_func ("/hostile/xml/reads", test_xml_reads);
  g_test_add_func ("/hostile/xml/budgets", test_xml_budgets);
  g_test_add_func ("/hostile/xml/html-doctype", test_html_doctype);
  ADD ("entities-disguised", test_entities_disguised);
  ADD ("sidecar/long-context", test_sidecar_long_context);
  ADD ("sidecar/orphans", test_sidecar_orphans);
  g_test_add_func ("/hostile/sidecar/orphaned-in", test_sidecar_orphaned_in_round_trip);
  g_test_add_func ("/hostile/anchor/orphan-remembered", test_anchor_orphan_remembered);
  ADD ("soffice/no-network", test_soffice_no_network);
  ADD ("soffice/no-network-fallback", test_soffice_no_network_fallback);
  ADD ("soffice/timeout", test_soffice_timeout);
  g_test_add_func ("/hostile/color/parse", test_color_parse);
  ADD ("color/cli", test_cli_color);
  g_test_add_func ("/hostile/file-arg/parse", test_file_for_arg);
  ADD ("file-arg/cli", test_cli_colon_name);
  ADD ("empty-elements", test_empty_elements);
  ADD ("big-odt", test_big_odt);
  ADD ("big-html", test_big_html);

#undef ADD

  return g_test_run ();
}
