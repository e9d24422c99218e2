/* jj-window-details.c — the speech's details: title, speaker, date, occasion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-window-private.h"

/* What the window knows of the speech: the sidecar's details when the
 * user gave them, else those found in its head. */
void
_jj_window_load_details (JjWindow *self)
{
  JjSpeechInfo *kept = self->marks != NULL ? jj_mark_store_get_speech_info (self->marks) : NULL;

  g_clear_object (&self->speech);
  if (self->document != NULL)
    self->speech = jj_speech_info_for_document (self->document, kept);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.speech-details",
                                 self->document != NULL && self->marks != NULL);
}

/* The first mark puts the details in the sidecar, for the library and
 * its citations. */
void
_jj_window_keep_details (JjWindow *self)
{
  if (self->marks == NULL || self->speech == NULL ||
      jj_mark_store_get_speech_info (self->marks) != NULL ||
      jj_speech_info_is_empty (self->speech))
    return;

  jj_mark_store_set_speech_info (self->marks, self->speech);
}

static GtkEditable *
details_row (GtkWidget  *list,
             const char *title,
             const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return GTK_EDITABLE (row);
}

static void
details_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     JjWindow         *self)
{
  g_autoptr(JjSpeechInfo) info = NULL;
  g_autofree char *blank = NULL;
  const char *date;
  guint y, m, d;

  if (!g_str_equal (response, "save") || self->marks == NULL || self->speech == NULL)
    return;

  info = jj_speech_info_copy (self->speech);
  jj_speech_info_set_title (info, gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "title")));
  jj_speech_info_set_speaker (info, gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "speaker")));
  jj_speech_info_set_occasion (info, gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "occasion")));

  date = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "date"));
  blank = g_strstrip (g_strdup (date));
  /* 2018-09-03 or 2018年9月3日, or nothing to forget the date. */
  if (!jj_speech_info_set_date (info, blank))
    {
      if (jj_speech_info_parse_date (date, &y, &m, &d))
        {
          g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", y, m, d);

          jj_speech_info_set_date (info, iso);
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date the speech could have been given on: write it as 2018-09-03 or 2018年9月3日. The other details were saved."), date);
          AdwToast *toast = adw_toast_new (message);

          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
    }

  g_set_object (&self->speech, info);
  jj_mark_store_set_speech_info (self->marks, info);
}

static void
speech_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *list;

  if (self->speech == NULL || self->marks == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Speech Details"),
                                   _("Citations and the library name the speech by these."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_object_set_data (G_OBJECT (dialog), "title",
                     details_row (list, _("Title"), jj_speech_info_get_title (self->speech)));
  g_object_set_data (G_OBJECT (dialog), "speaker",
                     details_row (list, _("Speaker"), jj_speech_info_get_speaker (self->speech)));
  {
    g_autofree char *date = jj_speech_info_dup_date_chinese (self->speech);

    g_object_set_data (G_OBJECT (dialog), "date", details_row (list, _("Date"), date));
  }
  g_object_set_data (G_OBJECT (dialog), "occasion",
                     details_row (list, _("Occasion"), jj_speech_info_get_occasion (self->speech)));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (details_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_jj_window_class_init_details (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.speech-details", NULL, speech_details_action);
}
