/* test-zip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <archive.h>
#include <archive_entry.h>

#include "jj-document.h"
#include "jj-zip.h"

static GBytes *
make_zip (const char * const *names,
          const char * const *contents,
          guint               n)
{
  struct archive *a = archive_write_new ();
  gsize size = 1024 * 1024;
  char *buf = g_malloc (size);
  size_t used = 0;

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_memory (a, buf, size, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
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

  return g_bytes_new_take (g_realloc (buf, MAX (used, 1)), used);
}

static void
test_read (void)
{
  const char *names[] = { "a.xml", "dir/b.xml" };
  const char *contents[] = { "<a/>", "<b>内容</b>" };
  g_autoptr(GBytes) bytes = make_zip (names, contents, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(JjZip) zip = NULL;
  g_autofree char *b = NULL;
  gsize len = 0;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  zip = jj_zip_new (data, size, &error);
  g_assert_no_error (error);
  g_assert_true (jj_zip_has_entry (zip, "dir/b.xml"));
  g_assert_false (jj_zip_has_entry (zip, "c.xml"));

  b = jj_zip_read (zip, "dir/b.xml", 1024, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b, ==, "<b>内容</b>");
  g_assert_cmpuint (len, ==, strlen ("<b>内容</b>"));

  g_assert_null (jj_zip_read (zip, "c.xml", 1024, NULL, &error));
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
  g_clear_error (&error);

  /* past the limit: refused, not cut */
  g_assert_null (jj_zip_read (zip, "dir/b.xml", 4, NULL, &error));
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE);
}

static void
test_unsafe_names (void)
{
  const char *bad[] = { "../evil", "a/../../evil", "/etc/passwd", "..\\evil", "C:/evil" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *names[] = { "ok.xml", bad[i] };
      const char *contents[] = { "<a/>", "x" };
      g_autoptr(GBytes) bytes = make_zip (names, contents, 2);
      g_autoptr(GError) error = NULL;
      gsize size = 0;
      const char *data = g_bytes_get_data (bytes, &size);
      JjZip *zip = jj_zip_new (data, size, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (zip);
      g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
    }
}

static void
test_garbage (void)
{
  const char *inputs[] = { "PK\x03\x04", "PK\x03\x04garbagegarbagegarbage", "not a zip at all" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      JjZip *zip = jj_zip_new (inputs[i], strlen (inputs[i]), &error);

      g_assert_null (zip);
      g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/zip/read", test_read);
  g_test_add_func ("/zip/unsafe-names", test_unsafe_names);
  g_test_add_func ("/zip/garbage", test_garbage);

  return g_test_run ();
}
