/* jj-docx-writer.h — a Word (.docx) document written from paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  JJ_DOCX_STYLE_NORMAL,
  JJ_DOCX_STYLE_TITLE,
  JJ_DOCX_STYLE_HEADING_1,
  JJ_DOCX_STYLE_HEADING_2,
  JJ_DOCX_STYLE_HEADING_3,
  JJ_DOCX_STYLE_QUOTE,
  JJ_DOCX_STYLE_SOURCE,   /* the citation under a quote */
  JJ_DOCX_STYLE_NOTE,
} JjDocxStyle;

/* DEFAULT: A4 with Word's Chinese margins. OFFICIAL: the layout of Chinese
 * official documents (GB/T 9704-2012): margins 37, 35, 28 and 26 mm, a
 * grid of 22 lines, 28 characters a line, 3号 仿宋 body, 2号 小标宋 title,
 * 黑体, 楷体 and bold 仿宋 headings, page numbers “— 1 —” outside. */
typedef enum
{
  JJ_DOCX_LAYOUT_DEFAULT,
  JJ_DOCX_LAYOUT_OFFICIAL,
} JjDocxLayout;

#define JJ_TYPE_DOCX_WRITER (jj_docx_writer_get_type ())

G_DECLARE_FINAL_TYPE (JjDocxWriter, jj_docx_writer, JJ, DOCX_WRITER, GObject)

JjDocxWriter *jj_docx_writer_new           (void);
void          jj_docx_writer_set_title     (JjDocxWriter  *self,
                                            const char    *title);
void          jj_docx_writer_set_layout    (JjDocxWriter  *self,
                                            JjDocxLayout   layout);
void          jj_docx_writer_add_paragraph (JjDocxWriter  *self,
                                            JjDocxStyle    style,
                                            const char    *text);
void          jj_docx_writer_add_heading   (JjDocxWriter  *self,
                                            guint          level,
                                            const char    *text);
guint         jj_docx_writer_get_n_paragraphs (JjDocxWriter *self);
GBytes       *jj_docx_writer_to_bytes      (JjDocxWriter  *self,
                                            GError       **error);
gboolean      jj_docx_writer_save          (JjDocxWriter  *self,
                                            GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
