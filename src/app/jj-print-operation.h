/* jj-print-operation.h — printing a speech, or exporting it as PDF, with its marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jj-document.h"

G_BEGIN_DECLS

#define JJ_TYPE_PRINT_OPERATION (jj_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (JjPrintOperation, jj_print_operation, JJ, PRINT_OPERATION, GtkPrintOperation)

JjPrintOperation *jj_print_operation_new        (JjDocument        *document,
                                                 JjOutline         *outline,
                                                 GListModel        *marks);
void              jj_print_operation_set_font   (JjPrintOperation  *self,
                                                 const char        *family,
                                                 double             size);
guint             jj_print_operation_get_n_pages_laid_out (JjPrintOperation *self);
gboolean          jj_print_operation_run        (JjPrintOperation  *self,
                                                 GtkWindow         *parent,
                                                 GError           **error);
gboolean          jj_print_operation_export_pdf (JjPrintOperation  *self,
                                                 GtkWindow         *parent,
                                                 GFile             *file,
                                                 GError           **error);
void              jj_print_operation_choose_pdf (JjPrintOperation  *self,
                                                 GtkWindow         *parent);

G_END_DECLS
