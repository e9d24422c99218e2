/* jj-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jj-print-layout.h"
#include "jj-print-operation.h"

#define DEFAULT_FAMILY "Serif"
#define DEFAULT_SIZE 12.0
#define NOTE_SCALE 0.75
#define HIGHLIGHT_ALPHA 0.45

/* One line of a laid-out block, placed on a page. */
typedef struct
{
  PangoLayout *layout;
  int          line;
  double       x;
  double       baseline;   /* from the top of the printable area */
} PlacedLine;

struct _JjPrintOperation
{
  GtkPrintOperation  parent_instance;

  JjDocument        *document;
  JjOutline         *outline;
  GListModel        *marks;
  char              *family;
  double             size;

  GPtrArray         *layouts;  /* PangoLayout */
  GPtrArray         *pages;    /* GArray of PlacedLine */
};

G_DEFINE_FINAL_TYPE (JjPrintOperation, jj_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
add_background (PangoAttrList *attrs,
                const char    *color,
                gsize          start,
                gsize          end)
{
  PangoColor parsed;
  PangoAttribute *attr;

  if (!pango_color_parse (&parsed, color))
    return;

  attr = pango_attr_background_new (parsed.red, parsed.green, parsed.blue);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);

  attr = pango_attr_background_alpha_new ((guint16)(HIGHLIGHT_ALPHA * G_MAXUINT16));
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static PangoLayout *
create_layout (GtkPrintContext            *context,
               const PangoFontDescription *font,
               double                      width,
               const char                 *text)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static PangoLayout *
create_block_layout (JjPrintOperation   *self,
                     GtkPrintContext    *context,
                     const JjPrintBlock *block,
                     double              width,
                     int                 indent)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLayout *layout;

  pango_font_description_set_family (font, self->family);
  if (block->kind == JJ_PRINT_BLOCK_TITLE)
    {
      pango_font_description_set_size (font, (int)(self->size * 1.5 * PANGO_SCALE));
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
    }
  else
    pango_font_description_set_size (font, (int)(self->size * PANGO_SCALE));

  layout = create_layout (context, font, width, block->text);
  pango_layout_set_spacing (layout, (int)(self->size * 0.5 * PANGO_SCALE));

  if (block->kind == JJ_PRINT_BLOCK_TITLE)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else
    pango_layout_set_indent (layout, indent);

  for (guint i = 0; i < block->bold->len; i++)
    {
      const JjPrintSpan *span = &g_array_index (block->bold, JjPrintSpan, i);
      PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      attr->start_index = span->start;
      attr->end_index = span->end;
      pango_attr_list_insert (attrs, attr);
    }

  for (guint i = 0; i < block->highlights->len; i++)
    {
      const JjPrintSpan *span = &g_array_index (block->highlights, JjPrintSpan, i);

      add_background (attrs, span->color, span->start, span->end);
    }

  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* Places every line of @layout at @x, starting a new page when a line does
 * not fit; @y is the top of the next line on the current page.
 */
static void
place_layout (JjPrintOperation *self,
              PangoLayout      *layout,
              double            x,
              double            page_height,
              double           *y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int line = 0;

  g_ptr_array_add (self->layouts, layout);

  do
    {
      PangoRectangle logical;
      PlacedLine placed;
      double top, bottom, line_height;
      GArray *page;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double)logical.y / PANGO_SCALE;
      bottom = (double)(logical.y + logical.height) / PANGO_SCALE;
      line_height = bottom - top;

      if (*y > 0 && *y + line_height > page_height)
        {
          *y = 0;
          g_ptr_array_add (self->pages, g_array_new (FALSE, FALSE, sizeof (PlacedLine)));
        }

      page = g_ptr_array_index (self->pages, self->pages->len - 1);
      placed.layout = layout;
      placed.line = line;
      placed.x = x + (double)logical.x / PANGO_SCALE;
      placed.baseline = *y + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;
      g_array_append_val (page, placed);

      /* Keep the spacing between lines of one layout. */
      if (pango_layout_iter_next_line (iter))
        {
          PangoRectangle next;

          pango_layout_iter_get_line_extents (iter, NULL, &next);
          *y += (double)(next.y - logical.y) / PANGO_SCALE;
        }
      else
        *y += line_height;
      line++;
    }
  while (line < pango_layout_get_line_count (layout));

  pango_layout_iter_free (iter);
}

static void
clear_pages (JjPrintOperation *self)
{
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

static void
jj_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  JjPrintOperation *self = JJ_PRINT_OPERATION (operation);
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(PangoFontDescription) note_font = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  double width = gtk_print_context_get_width (context);
  /* Room for the page number at the bottom. */
  double height = gtk_print_context_get_height (context) - self->size * 2;
  double paragraph_gap = self->size * 0.6;
  double y = 0;
  int indent;  /* Pango units */

  clear_pages (self);
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_ptr_array_add (self->pages, g_array_new (FALSE, FALSE, sizeof (PlacedLine)));

  note_font = pango_font_description_new ();
  pango_font_description_set_family (note_font, self->family);
  pango_font_description_set_size (note_font, (int)(self->size * NOTE_SCALE * PANGO_SCALE));

  /* The first-line indent of a paragraph is two characters of its font. */
  {
    g_autoptr(PangoFontDescription) body_font = pango_font_description_new ();
    int probe_width;

    pango_font_description_set_family (body_font, self->family);
    pango_font_description_set_size (body_font, (int)(self->size * PANGO_SCALE));
    probe = create_layout (context, body_font, -1, "\u4e2d\u4e2d");
    pango_layout_set_width (probe, -1);
    pango_layout_get_size (probe, &probe_width, NULL);
    indent = probe_width;
  }

  blocks = jj_print_layout_build (jj_document_get_text (self->document),
                                  jj_document_get_title (self->document) != NULL,
                                  self->outline, self->marks);

  for (guint i = 0; i < blocks->len; i++)
    {
      const JjPrintBlock *block = g_ptr_array_index (blocks, i);

      if (y > 0)
        y += block->kind == JJ_PRINT_BLOCK_TITLE ? paragraph_gap * 2 : paragraph_gap;
      place_layout (self, create_block_layout (self, context, block, width, indent),
                    0, height, &y);
      if (block->kind == JJ_PRINT_BLOCK_TITLE)
        y += paragraph_gap;

      for (guint j = 0; j < block->notes->len; j++)
        {
          double note_indent = (double)indent / PANGO_SCALE;
          PangoLayout *note = create_layout (context, note_font, width - note_indent,
                                             g_ptr_array_index (block->notes, j));

          PangoAttrList *attrs = pango_attr_list_new ();

          /* Notes are set apart from the speech in grey. */
          pango_attr_list_insert (attrs, pango_attr_foreground_new (0x5e5e, 0x5c5c, 0x6464));
          pango_layout_set_attributes (note, attrs);
          pango_attr_list_unref (attrs);

          y += paragraph_gap / 2;
          place_layout (self, note, note_indent, height, &y);
        }
    }

  gtk_print_operation_set_n_pages (operation, self->pages->len);
}

static void
jj_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  JjPrintOperation *self = JJ_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(PangoFontDescription) footer_font = NULL;
  g_autofree char *number = NULL;
  GArray *page;
  int footer_width;

  g_return_if_fail (self->pages != NULL && (guint)page_nr < self->pages->len);

  page = g_ptr_array_index (self->pages, page_nr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < page->len; i++)
    {
      const PlacedLine *placed = &g_array_index (page, PlacedLine, i);

      cairo_move_to (cr, placed->x, placed->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (placed->layout, placed->line));
    }

  footer_font = pango_font_description_new ();
  pango_font_description_set_family (footer_font, self->family);
  pango_font_description_set_size (footer_font, (int)(self->size * NOTE_SCALE * PANGO_SCALE));
  /* Translators: the page number at the foot of a printed page, e.g. "2 / 5". */
  number = g_strdup_printf (_("%d / %u"), page_nr + 1, self->pages->len);
  footer = create_layout (context, footer_font, -1, number);
  pango_layout_set_width (footer, -1);
  pango_layout_get_size (footer, &footer_width, NULL);
  cairo_move_to (cr,
                 (gtk_print_context_get_width (context) - (double)footer_width / PANGO_SCALE) / 2,
                 gtk_print_context_get_height (context) - self->size);
  pango_cairo_show_layout (cr, footer);
}

static void
jj_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  clear_pages (JJ_PRINT_OPERATION (operation));
}

static void
jj_print_operation_finalize (GObject *object)
{
  JjPrintOperation *self = JJ_PRINT_OPERATION (object);

  clear_pages (self);
  g_clear_object (&self->document);
  g_clear_object (&self->outline);
  g_clear_object (&self->marks);
  g_clear_pointer (&self->family, g_free);

  G_OBJECT_CLASS (jj_print_operation_parent_class)->finalize (object);
}

static void
jj_print_operation_class_init (JjPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = jj_print_operation_finalize;
  operation_class->begin_print = jj_print_operation_begin_print;
  operation_class->draw_page = jj_print_operation_draw_page;
  operation_class->end_print = jj_print_operation_end_print;
}

static void
jj_print_operation_init (JjPrintOperation *self)
{
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  self->family = g_strdup (DEFAULT_FAMILY);
  self->size = DEFAULT_SIZE;

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

/**
 * jj_print_operation_new:
 * @document: the speech
 * @outline: (nullable): its outline, whose headings are printed bold
 * @marks: (nullable): a list of #JjMark, printed as highlights and notes
 *
 * Returns: (transfer full): a print operation for @document
 */
JjPrintOperation *
jj_print_operation_new (JjDocument *document,
                        JjOutline  *outline,
                        GListModel *marks)
{
  JjPrintOperation *self;
  const char *title;

  g_return_val_if_fail (JJ_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (outline == NULL || JJ_IS_OUTLINE (outline), NULL);
  g_return_val_if_fail (marks == NULL || G_IS_LIST_MODEL (marks), NULL);

  self = g_object_new (JJ_TYPE_PRINT_OPERATION, NULL);
  self->document = g_object_ref (document);
  g_set_object (&self->outline, outline);
  g_set_object (&self->marks, marks);

  title = jj_document_get_title (document);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    title != NULL ? title : _("Speech"));

  return self;
}

void
jj_print_operation_set_font (JjPrintOperation *self,
                             const char       *family,
                             double            size)
{
  g_return_if_fail (JJ_IS_PRINT_OPERATION (self));
  g_return_if_fail (size > 0);

  g_free (self->family);
  self->family = g_strdup (family != NULL && *family != '\0' ? family : DEFAULT_FAMILY);
  self->size = size;
}

/* The number of pages the last run laid out. */
guint
jj_print_operation_get_n_pages_laid_out (JjPrintOperation *self)
{
  int n_pages = 0;

  g_return_val_if_fail (JJ_IS_PRINT_OPERATION (self), 0);

  g_object_get (self, "n-pages", &n_pages, NULL);
  return MAX (n_pages, 0);
}

static gboolean
run (JjPrintOperation         *self,
     GtkPrintOperationAction   action,
     GtkWindow                *parent,
     GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  GtkPrintOperationResult result;

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), action, parent, &local_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (local_error != NULL)
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    _("The speech could not be printed: "));
      else
        g_set_error_literal (error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                             _("The speech could not be printed."));
      return FALSE;
    }

  return TRUE;
}

/**
 * jj_print_operation_run:
 *
 * Shows the print dialog and prints. Cancelling is not an error.
 */
gboolean
jj_print_operation_run (JjPrintOperation  *self,
                        GtkWindow         *parent,
                        GError           **error)
{
  g_return_val_if_fail (JJ_IS_PRINT_OPERATION (self), FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
}

/**
 * jj_print_operation_export_pdf:
 *
 * Writes the speech to @file as PDF, without a dialog.
 */
gboolean
jj_print_operation_export_pdf (JjPrintOperation  *self,
                               GtkWindow         *parent,
                               GFile             *file,
                               GError           **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (JJ_IS_PRINT_OPERATION (self), FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A PDF can only be saved to a local folder."));
      return FALSE;
    }

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (self), path);
  return run (self, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_pdf_response_cb (GtkNativeDialog  *native,
                        int               response,
                        JjPrintOperation *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      GtkWindow *parent = gtk_native_dialog_get_transient_for (native);
      g_autoptr(GError) error = NULL;

      if (file != NULL && !jj_print_operation_export_pdf (self, parent, file, &error))
        show_error (parent, _("Could Not Export the PDF"), error);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

/**
 * jj_print_operation_choose_pdf:
 *
 * Asks where to save the PDF, with the title as its name, then writes it;
 * a failure is shown in a dialog over @parent.
 */
void
jj_print_operation_choose_pdf (JjPrintOperation *self,
                               GtkWindow        *parent)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title;

  g_return_if_fail (JJ_IS_PRINT_OPERATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  native = gtk_file_chooser_native_new (_("Export as PDF"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  title = jj_document_get_title (self->document);
  name = g_strconcat (title != NULL ? title : _("Speech"), ".pdf", NULL);
  /* Titles may hold characters a file name cannot. */
  g_strdelimit (name, "/\\", '_');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (choose_pdf_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
