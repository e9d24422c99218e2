/* bench-print-layout.c — time to cut a long speech with many marks into printable blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-document.h"
#include "jj-mark.h"
#include "jj-print-layout.h"

static const char *const sentences[] = {
  "我们要深入贯彻落实决策部署，坚持稳中求进工作总基调。",
  "各地各部门要切实提高政治站位，把思想和行动统一到会议精神上来。",
  "要聚焦群众急难愁盼问题，拿出更多务实管用的举措。",
  "要强化责任担当，层层压实责任，确保各项任务落到实处。",
};

static const char *const numbers[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

static GString *
generate (guint n_paragraphs)
{
  GString *text = g_string_new ("关于做好全年工作的讲话\n同志们：\n");

  for (guint i = 0; i < n_paragraphs; i++)
    {
      if (i % 10 == 0)
        g_string_append_printf (text, "%s、要抓好第%u项工作\n", numbers[(i / 10) % 10], i / 10 + 1);
      for (guint j = 0; j < 6; j++)
        g_string_append (text, sentences[(i + j) % G_N_ELEMENTS (sentences)]);
      g_string_append_c (text, '\n');
    }
  g_string_truncate (text, text->len - 1);

  return text;
}

int
main (int   argc,
      char *argv[])
{
  guint sizes[] = { 100, 1000, 5000 };

  g_print ("paragraphs\tcharacters\tmarks\tblocks\tms\n");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GString) source = generate (sizes[s]);
      g_autoptr(JjDocument) document = jj_document_new_from_text (source->str, source->len);
      g_autoptr(GListStore) marks = g_list_store_new (JJ_TYPE_MARK);
      g_autoptr(GPtrArray) blocks = NULL;
      const char *text = jj_document_get_text (document);
      guint length = jj_document_get_length (document);
      gint64 start_time;
      double best = G_MAXDOUBLE;

      /* A mark every 150 characters, a third of them with a note, some
       * across paragraph breaks. */
      for (guint offset = 40, i = 0; offset + 60 < length; offset += 150, i++)
        {
          g_autoptr(JjMark) mark = jj_mark_new (i % 2 ? "golden" : "borrow");

          jj_mark_set_target_from_text (mark, text, offset, offset + 20 + (i % 5) * 10);
          if (i % 3 == 0)
            jj_mark_set_note (mark, "可用于开头");
          g_list_store_append (marks, mark);
        }

      for (guint run = 0; run < 5; run++)
        {
          g_clear_pointer (&blocks, g_ptr_array_unref);
          start_time = g_get_monotonic_time ();
          blocks = jj_print_layout_build (text, TRUE, jj_document_get_outline (document),
                                          G_LIST_MODEL (marks));
          best = MIN (best, (g_get_monotonic_time () - start_time) / 1000.0);
        }

      g_print ("%u\t%u\t%u\t%u\t%.2f\n", sizes[s], length,
               g_list_model_get_n_items (G_LIST_MODEL (marks)), blocks->len, best);
    }

  return 0;
}
