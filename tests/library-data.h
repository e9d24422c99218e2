/* library-data.h — generated speeches with sidecars, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "jj-mark.h"
#include "jj-mark-store.h"
#include "jj-sidecar.h"

static const char * const library_data_phrases[] = {
  "坚持以人民为中心的发展思想",
  "推动高质量发展取得新成效",
  "全面从严治党永远在路上",
  "堅持人民至上生命至上",       /* traditional on purpose */
  "乡村振兴要因地制宜",
  "营商环境就是生产力",
  "人才是第一资源",
  "安全生产责任重于泰山",
};

static const char * const library_data_kinds[] = {
  "borrow", "golden", "outline", "wording", "fact", "doubt",
};

static const char * const library_data_tags[] = {
  "经济", "人才", "乡村", "党建",
};

#define LIBRARY_DATA_N_PHRASES G_N_ELEMENTS (library_data_phrases)

static inline guint
library_data_phrase (guint doc, guint mark)
{
  return (doc + mark) % LIBRARY_DATA_N_PHRASES;
}

static inline const char *
library_data_kind (guint doc, guint mark)
{
  return library_data_kinds[(doc * 3 + mark) % G_N_ELEMENTS (library_data_kinds)];
}

static inline const char *
library_data_tag (guint doc, guint mark)
{
  return library_data_tags[(doc + mark) % G_N_ELEMENTS (library_data_tags)];
}

static inline char *
library_data_document_path (const char *dir, guint doc)
{
  g_autofree char *sub = g_strdup_printf ("组%02u", doc % 10);
  g_autofree char *name = g_strdup_printf ("讲话%04u.txt", doc);

  return g_build_filename (dir, sub, name, NULL);
}

/* Writes document @doc with @n_marks marks and its sidecar under @dir, the
 * way the reader does: through JjMarkStore. Each mark quotes one paragraph.
 */
static inline void
library_data_write_document (const char *dir,
                             guint       doc,
                             guint       n_marks)
{
  g_autofree char *path = library_data_document_path (dir, doc);
  g_autofree char *sidecar_path = g_strconcat (path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *fingerprint = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) base = g_date_time_new_utc (2024, 1, 1, 8, 0, 0);
  g_auto(GStrv) quotes = g_new0 (char *, n_marks + 1);
  guint offset;

  g_mkdir_with_parents (parent, 0755);

  g_string_append_printf (text, "关于第%u项工作的讲话", doc);
  for (guint j = 0; j < n_marks; j++)
    {
      quotes[j] = g_strdup_printf ("第%u篇第%u段：%s。", doc, j, library_data_phrases[library_data_phrase (doc, j)]);
      g_string_append_c (text, '\n');
      g_string_append (text, quotes[j]);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
  store = jj_mark_store_new (file);
  g_assert_true (jj_mark_store_load (store, text->str, fingerprint, &error));
  g_assert_no_error (error);

  offset = g_utf8_strlen (text->str, strchr (text->str, '\n') - text->str) + 1;
  for (guint j = 0; j < n_marks; j++)
    {
      guint length = g_utf8_strlen (quotes[j], -1);
      const char *tags[] = { library_data_tag (doc, j), NULL };
      g_autoptr(GDateTime) created = g_date_time_add_hours (base, doc * n_marks + j);
      g_autofree char *note = g_strdup_printf ("备注%u", doc);
      JjMark *mark = jj_mark_store_add_range (store, offset, offset + length, library_data_kind (doc, j),
                                              j % 2 ? "二、重点任务" : "一、总体要求");

      g_assert_nonnull (mark);
      jj_mark_set_tags (mark, tags);
      jj_mark_set_note (mark, j == 1 ? note : "");
      jj_mark_set_created (mark, created);
      jj_mark_set_modified (mark, created);
      offset += length + 1;
    }

  g_assert_true (jj_mark_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (sidecar_path, G_FILE_TEST_IS_REGULAR));
}

static inline void
library_data_delete_recursively (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        library_data_delete_recursively (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
