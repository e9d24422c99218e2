/* jj-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-document.h"
#include "jj-reader-view.h"
#include "jj-window.h"

struct _JjWindow
{
  AdwApplicationWindow  parent_instance;

  JjDocument           *document;
  GCancellable         *cancellable;

  /* Template widgets */
  AdwFlap              *flap;
  GtkListView          *outline_view;
  GtkStack             *stack;
  JjReaderView         *reader_view;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (JjWindow, jj_window, ADW_TYPE_APPLICATION_WINDOW)

static void
jj_window_show_error (JjWindow   *self,
                      const char *heading,
                      GError     *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jj_window_set_document (JjWindow   *self,
                        JjDocument *document)
{
  GFile *file;
  const char *title;
  guint title_end = 0;
  g_autofree char *subtitle = NULL;

  g_set_object (&self->document, document);

  title = jj_document_get_title (document);
  if (title != NULL && g_str_has_prefix (jj_document_get_text (document), title))
    title_end = g_utf8_strlen (title, -1);
  jj_reader_view_set_document (self->reader_view, document, title_end, NULL, 0);

  file = jj_document_get_file (document);
  if (file != NULL)
    subtitle = g_file_get_basename (file);

  adw_window_title_set_title (self->window_title, jj_document_get_title (document));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), jj_document_get_title (document));
  gtk_stack_set_visible_child_name (self->stack, "document");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(JjWindow) self = user_data;
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = jj_document_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document == NULL)
    {
      jj_window_show_error (self, _("Could Not Open the Speech"), error);
      return;
    }

  jj_window_set_document (self, document);
}

void
jj_window_open (JjWindow *self,
                GFile    *file)
{
  g_return_if_fail (JJ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  jj_document_load_async (file, JJ_LOAD_DEFAULT, self->cancellable,
                          load_cb, g_object_ref (self));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  JjWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      jj_window_open (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open a Speech"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Speeches"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
jj_window_dispose (GObject *object)
{
  JjWindow *self = (JjWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), JJ_TYPE_WINDOW);

  G_OBJECT_CLASS (jj_window_parent_class)->dispose (object);
}

static void
jj_window_class_init (JjWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jj_window_dispose;

  g_type_ensure (JJ_TYPE_READER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/jj-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JjWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, reader_view);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, window_title);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void
jj_window_init (JjWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

JjWindow *
jj_window_new (JjApplication *application)
{
  return g_object_new (JJ_TYPE_WINDOW, "application", application, NULL);
}
