/* jj-reader-view.h — the document text, laid out a block at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jj-document.h"
#include "jj-text-search.h"

G_BEGIN_DECLS

typedef struct
{
  guint       start;     /* display offsets, end exclusive */
  guint       end;
  const char *kind;      /* a mark kind key */
  gboolean    has_note;
  gpointer    data;      /* handed back by ::highlight-activated */
  const char *color;     /* the mark's own colour, #rrggbb, or NULL for its kind's */
} JjHighlight;

#define JJ_TYPE_READER_VIEW (jj_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (JjReaderView, jj_reader_view, JJ, READER_VIEW, GtkWidget)

GtkWidget *jj_reader_view_new              (void);
void       jj_reader_view_set_document     (JjReaderView      *self,
                                            JjDocument        *document,
                                            guint              title_end,
                                            const JjTextRange *headings,
                                            guint              n_headings);
void       jj_reader_view_set_show_original (JjReaderView    *self,
                                            gboolean           show_original);
void       jj_reader_view_set_highlights   (JjReaderView      *self,
                                            const JjHighlight *highlights,
                                            guint              n_highlights);
void       jj_reader_view_set_matches      (JjReaderView      *self,
                                            GArray            *matches,
                                            int                current);
void       jj_reader_view_scroll_to_offset (JjReaderView      *self,
                                            guint              offset);
void       jj_reader_view_reveal_offset    (JjReaderView      *self,
                                            guint              offset);
gboolean   jj_reader_view_get_selection    (JjReaderView      *self,
                                            guint             *start,
                                            guint             *end);
void       jj_reader_view_clear_selection  (JjReaderView      *self);
gboolean   jj_reader_view_get_selection_rect (JjReaderView    *self,
                                            GdkRectangle      *rect);
void       jj_reader_view_select_range     (JjReaderView      *self,
                                            guint              start,
                                            guint              end);
guint      jj_reader_view_get_position     (JjReaderView      *self);
void       jj_reader_view_set_extra_menu   (JjReaderView      *self,
                                            GMenuModel        *model);
void       jj_reader_view_set_font         (JjReaderView      *self,
                                            const char        *family,
                                            double             points,
                                            double             line_height);
gboolean   jj_reader_view_scroll_key       (JjReaderView      *self,
                                            guint              keyval,
                                            GdkModifierType    state);
double     jj_reader_view_get_zoom         (JjReaderView      *self);
void       jj_reader_view_set_zoom         (JjReaderView      *self,
                                            double             zoom);

G_END_DECLS
