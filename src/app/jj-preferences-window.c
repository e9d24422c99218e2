/* jj-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-preferences-window.h"

struct _JjPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkButton            *add_folder_button;
  AdwEntryRow          *author_row;
  AdwComboRow          *export_row;
  GtkListBox           *folders_list;
  GtkFontButton        *font_button;
  GtkSwitch            *simplified_switch;
  GtkSpinButton        *size_spin;
  GtkSpinButton        *spacing_spin;
};

G_DEFINE_FINAL_TYPE (JjPreferencesWindow, jj_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
remove_folder_cb (GtkButton           *button,
                  JjPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "library-folders");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; folders[i] != NULL; i++)
    {
      if (!g_str_equal (folders[i], path))
        g_strv_builder_add (builder, folders[i]);
    }

  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "library-folders", (const char * const *) result);
}

static void
reload_folders (JjPreferencesWindow *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "library-folders");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->folders_list))) != NULL)
    gtk_list_box_remove (self->folders_list, child);

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (folders[i]);
      g_autofree char *name = g_file_get_basename (file);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folders[i]);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Folder"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Folder"), -1);
      g_object_set_data_full (G_OBJECT (remove), "path", g_strdup (folders[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_folder_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->folders_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->folders_list), folders[0] != NULL);
}

static void
folder_chosen_cb (GtkNativeDialog     *dialog,
                  int                  response,
                  JjPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_auto(GStrv) folders = g_settings_get_strv (self->settings, "library-folders");

      if (path != NULL && !g_strv_contains ((const char * const *) folders, path))
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) result = NULL;

          g_strv_builder_addv (builder, (const char **) folders);
          g_strv_builder_add (builder, path);
          result = g_strv_builder_end (builder);
          g_settings_set_strv (self->settings, "library-folders", (const char * const *) result);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_folder_cb (JjPreferencesWindow *self)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Add a Library Folder"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
font_set_cb (JjPreferencesWindow *self)
{
  g_autofree char *family = gtk_font_chooser_get_font (GTK_FONT_CHOOSER (self->font_button));
  PangoFontDescription *desc = pango_font_description_from_string (family ? family : "");
  const char *name = pango_font_description_get_family (desc);

  if (name != NULL)
    g_settings_set_string (self->settings, "font-family", name);
  pango_font_description_free (desc);
}

static void
author_changed_cb (JjPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "author",
                         gtk_editable_get_text (GTK_EDITABLE (self->author_row)));
}

static void
export_changed_cb (JjPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "export-format", adw_combo_row_get_selected (self->export_row));
}

static void
jj_preferences_window_dispose (GObject *object)
{
  JjPreferencesWindow *self = (JjPreferencesWindow *)object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), JJ_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (jj_preferences_window_parent_class)->dispose (object);
}

static void
jj_preferences_window_class_init (JjPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jj_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/jj-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JjPreferencesWindow, add_folder_button);
  gtk_widget_class_bind_template_child (widget_class, JjPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, JjPreferencesWindow, export_row);
  gtk_widget_class_bind_template_child (widget_class, JjPreferencesWindow, folders_list);
  gtk_widget_class_bind_template_child (widget_class, JjPreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, JjPreferencesWindow, simplified_switch);
  gtk_widget_class_bind_template_child (widget_class, JjPreferencesWindow, size_spin);
  gtk_widget_class_bind_template_child (widget_class, JjPreferencesWindow, spacing_spin);
}

static void
jj_preferences_window_init (JjPreferencesWindow *self)
{
  g_autofree char *family = NULL;
  g_autofree char *author = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  family = g_settings_get_string (self->settings, "font-family");
  gtk_font_chooser_set_font (GTK_FONT_CHOOSER (self->font_button), family);
  g_signal_connect_swapped (self->font_button, "font-set", G_CALLBACK (font_set_cb), self);

  g_settings_bind (self->settings, "font-size",
                   gtk_spin_button_get_adjustment (self->size_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "line-spacing",
                   gtk_spin_button_get_adjustment (self->spacing_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "simplified",
                   self->simplified_switch, "active", G_SETTINGS_BIND_DEFAULT);

  author = g_settings_get_string (self->settings, "author");
  gtk_editable_set_text (GTK_EDITABLE (self->author_row), author);
  g_signal_connect_swapped (self->author_row, "changed", G_CALLBACK (author_changed_cb), self);

  adw_combo_row_set_selected (self->export_row, g_settings_get_enum (self->settings, "export-format"));
  g_signal_connect_swapped (self->export_row, "notify::selected",
                            G_CALLBACK (export_changed_cb), self);

  g_signal_connect_object (self->settings, "changed::library-folders",
                           G_CALLBACK (reload_folders), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->add_folder_button, "clicked", G_CALLBACK (add_folder_cb), self);
  reload_folders (self);
}

GtkWidget *
jj_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (JJ_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
