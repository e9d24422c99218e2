/* jj-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jj-draft-window.h"
#include "jj-outline.h"
#include "jj-exporter.h"
#include "jj-library.h"
#include "jj-print-operation.h"
#include "jj-reading-positions.h"
#include "jj-recent-files.h"
#include "jj-language.h"
#include "jj-tooltip.h"
#include "jj-window-private.h"
#include "jj-wording-view.h"


G_DEFINE_FINAL_TYPE (JjWindow, jj_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_ORIGINAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void jj_window_record_recent (JjWindow   *self,
                                     GFile      *file,
                                     const char *title);
static void update_recent_list      (JjWindow   *self);

void
_jj_window_show_error (JjWindow   *self,
                      const char *heading,
                      GError     *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 JjWindow          *self)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED)
    return;

  self->reloading = TRUE;
  jj_window_open (self, file);
}

static void
jj_window_watch (JjWindow *self,
                 GFile    *file)
{
  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed_cb), self, 0);
}

/* The title as it reads in the characters shown. */
static char *
shown_title (JjWindow *self)
{
  const char *original = jj_document_get_original_text (self->document);
  const char *title = jj_document_get_title (self->document);

  if (self->show_original && original != NULL && title != NULL &&
      g_str_has_prefix (jj_document_get_text (self->document), title))
    {
      const char *end = g_utf8_offset_to_pointer (original, g_utf8_strlen (title, -1));

      return g_strndup (original, end - original);
    }

  return g_strdup (title);
}

static void
jj_window_apply_characters (JjWindow *self)
{
  g_autofree char *title = NULL;
  gboolean original = self->show_original && jj_document_get_original_text (self->document) != NULL;

  jj_reader_view_set_show_original (self->reader_view, original);
  jj_outline_panel_set_text (self->outline_panel,
                             original ? jj_document_get_original_text (self->document) : NULL);

  title = shown_title (self);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static JjReadingPositions *
reading_positions (JjWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return JJ_IS_APPLICATION (app) ? jj_application_get_reading_positions (JJ_APPLICATION (app)) : NULL;
}


/* What needs a speech is off in a window without one: the header's mark
 * button, Find, printing and exporting, the marks panel. */
static void
set_document_actions_enabled (JjWindow *self,
                              gboolean  enabled)
{
  static const char *actions[] = {
    "win.find", "win.find-next", "win.find-previous", "win.mark", "win.mark-details",
    "win.toggle-marks", "win.copy-outline", "win.print", "win.export-pdf",
    "win.export-outline", "win.toggle-sidebar", "win.zoom-in", "win.zoom-out",
    "win.zoom-reset",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
  if (!enabled)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-original", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.speech-details", FALSE);
    }
}

static void
jj_window_set_document (JjWindow   *self,
                        JjDocument *document)
{
  JjOutline *outline = jj_document_get_outline (document);
  g_autoptr(GArray) headings = g_array_new (FALSE, FALSE, sizeof (JjTextRange));
  g_autofree char *subtitle = NULL;
  guint title_end = 0;
  GFile *file;

  g_set_object (&self->document, document);
  set_document_actions_enabled (self, TRUE);

  for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *entry = jj_outline_get_entry (outline, i);
      JjTextRange range = { jj_outline_entry_get_start (entry), jj_outline_entry_get_title_end (entry) };

      switch (jj_outline_entry_get_kind (entry))
        {
        case JJ_OUTLINE_KIND_TITLE:
          title_end = range.end;
          break;
        case JJ_OUTLINE_KIND_HEADING:
        case JJ_OUTLINE_KIND_ENUMERATOR:
          g_array_append_val (headings, range);
          break;
        case JJ_OUTLINE_KIND_SALUTATION:
        case JJ_OUTLINE_KIND_CLOSING:
        default:
          break;
        }
    }

  /* A title the outline did not take (a file with nothing else) is
   * still shown as the title, and the reader is told why there is
   * nothing more. */
  if (title_end == 0 && jj_document_get_title (document) != NULL)
    title_end = g_utf8_strlen (jj_document_get_title (document), -1);
  if (strchr (jj_document_get_text (document), '\n') == NULL && title_end > 0)
    {
      AdwToast *toast = adw_toast_new (_("This file holds only a title: there is no text to read or mark."));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  jj_reader_view_set_document (self->reader_view, document, title_end,
                               (const JjTextRange *) (gpointer) headings->data, headings->len);
  jj_outline_panel_set_outline (self->outline_panel, outline);
  _jj_window_load_marks (self, document);
  _jj_window_refresh_find (self);

  file = jj_document_get_file (document);
  if (file != NULL)
    subtitle = g_file_get_basename (file);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  self->show_original = !g_settings_get_boolean (self->settings, "simplified");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ORIGINAL]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-original",
                                 jj_document_get_original_text (document) != NULL);
  jj_window_apply_characters (self);
  gtk_stack_set_visible_child_name (self->stack, "document");

  if (file != NULL)
    {
      JjReadingPositions *positions = reading_positions (self);
      g_autofree char *fingerprint = jj_document_dup_fingerprint (document);
      guint offset;

      jj_window_record_recent (self, file, jj_document_get_title (document));
      jj_window_watch (self, file);
      if (JJ_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
        {
          JjApplication *app = JJ_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
          GFile *sidecar = NULL;

          /* Known once the marks are loaded, which tells the library again. */
          if (self->marks != NULL && !self->marks_loading && jj_mark_store_get_fallback (self->marks))
            sidecar = jj_mark_store_get_sidecar (self->marks);
          jj_library_add_document (jj_application_get_library (app), file, sidecar,
                                   jj_document_get_title (document));
        }
      if (self->has_pending_selection)
        jj_reader_view_select_range (self->reader_view, self->pending_start, self->pending_end);
      else if (positions != NULL && jj_reading_positions_lookup (positions, file, fingerprint, &offset))
        jj_reader_view_scroll_to_offset (self->reader_view, offset);
      self->has_pending_selection = FALSE;
    }
}

static void
jj_window_remember_position (JjWindow *self)
{
  JjReadingPositions *positions = reading_positions (self);
  GFile *file;
  g_autofree char *fingerprint = NULL;

  if (self->document == NULL || positions == NULL)
    return;

  file = jj_document_get_file (self->document);
  if (file == NULL)
    return;

  fingerprint = jj_document_dup_fingerprint (self->document);
  jj_reading_positions_remember (positions, file, fingerprint,
                                 jj_reader_view_get_position (self->reader_view));
}


static void
entry_activated_cb (JjWindow       *self,
                    JjOutlineEntry *entry)
{
  if (self->quiet_outline)
    return;

  jj_reader_view_scroll_to_offset (self->reader_view, jj_outline_entry_get_start (entry));
}

static void
position_changed_cb (JjWindow *self,
                     guint     position)
{
  jj_outline_panel_set_position (self->outline_panel, position);
}

/* Lines of website furniture listed in the Details dialog. */
#define MAX_REMOVED_SHOWN 30

static void
show_notices_cb (AdwToast *toast,
                 JjWindow *self)
{
  const char * const *notices;
  const char * const *removed;
  g_autofree char *joined = NULL;
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;
  guint n = 0;

  if (self->document == NULL)
    return;

  notices = jj_document_get_notices (self->document);
  joined = g_strjoinv ("\n", (char **) notices);
  body = g_string_new (joined);

  /* every line of website furniture, so that nothing goes unseen */
  removed = jj_document_get_removed_lines (self->document);
  if (removed[0] != NULL)
    g_string_append_printf (body, "\n\n%s", _("Lines taken out of the text:"));
  for (; removed[n] != NULL && n < MAX_REMOVED_SHOWN; n++)
    g_string_append_printf (body, "\n%s", removed[n]);
  if (removed[n] != NULL)
    {
      guint more = g_strv_length ((char **) removed + n);

      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("…and %u more line", "…and %u more lines", more), more);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("What Was Done to the Text"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What cleaning removed or replaced is said, never done silently. */
static void
jj_window_show_notices (JjWindow *self)
{
  const char * const *notices = jj_document_get_notices (self->document);
  AdwToast *toast;

  if (notices == NULL || notices[0] == NULL)
    return;

  toast = adw_toast_new (notices[1] == NULL ? notices[0] : _("The text was cleaned"));
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_timeout (toast, 8);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_notices_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
      GFile *shown = self->document ? jj_document_get_file (self->document) : NULL;

      gtk_stack_set_visible_child_name (self->stack, self->document ? "document" : "empty");

      g_set_object (&self->file, shown);
      _jj_window_show_error (self, _("Could Not Open the Speech"), error);
      return;
    }

  if (self->reloading)
    {
      guint position = jj_reader_view_get_position (self->reader_view);

      jj_window_set_document (self, document);
      jj_reader_view_scroll_to_offset (self->reader_view, position);
      /* The toast comes with the marks, saying what became of them. */
    }
  else
    {
      jj_window_set_document (self, document);
      jj_window_show_notices (self);
    }
  self->reloading = FALSE;
}

static void
load_progress_cb (JjLoadStage  stage,
                  double       fraction,
                  gpointer     user_data)
{
  JjWindow *self = user_data;
  const char *what = NULL;

  switch (stage)
    {
    case JJ_LOAD_STAGE_READING:
      what = _("Reading the file");
      break;
    case JJ_LOAD_STAGE_CONVERTING:
      what = _("Converting with LibreOffice");
      break;
    case JJ_LOAD_STAGE_CLEANING:
      what = _("Cleaning the text");
      break;
    case JJ_LOAD_STAGE_OUTLINE:
      what = _("Finding the outline");
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_progress_bar_set_fraction (self->loading_progress, fraction);
  gtk_label_set_label (self->loading_stage, what);
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

  jj_window_remember_position (self);
  g_set_object (&self->file, file);

  /* Shown only while opening takes a moment: most speeches open at once. */
  if (self->document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *label = g_strdup_printf (_("Opening “%s”…"), name);

      gtk_label_set_label (self->loading_label, label);
      gtk_progress_bar_set_fraction (self->loading_progress, 0.0);
      gtk_label_set_label (self->loading_stage, "");
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  jj_document_load_async (file, JJ_LOAD_DEFAULT, self->cancellable,
                          load_progress_cb, self,
                          load_cb, g_object_ref (self));
}

/* Selects a passage now, or once the document being opened is shown. */
void
jj_window_select (JjWindow *self,
                  guint     start,
                  guint     end)
{
  g_return_if_fail (JJ_IS_WINDOW (self));

  if (self->document != NULL && (self->file == NULL || jj_document_get_file (self->document) == self->file))
    {
      jj_reader_view_select_range (self->reader_view, start, end);
      return;
    }

  self->has_pending_selection = TRUE;
  self->pending_start = start;
  self->pending_end = end;
}

GFile *
jj_window_get_file (JjWindow *self)
{
  g_return_val_if_fail (JJ_IS_WINDOW (self), NULL);

  return self->file;
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
  static const char *suffixes[] = { "txt", "docx", "doc", "odt", "html", "htm", "md" };
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Speeches"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  double zoom = jj_reader_view_get_zoom (self->reader_view);

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom *= 1.1;
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom /= 1.1;
  else
    zoom = 1.0;

  jj_reader_view_set_zoom (self->reader_view, zoom);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->outline_panel),
                          !gtk_widget_get_visible (GTK_WIDGET (self->outline_panel)));
}

static void
font_settings_changed_cb (JjWindow *self)
{
  g_autofree char *family = g_settings_get_string (self->settings, "font-family");

  jj_reader_view_set_font (self->reader_view, family,
                           g_settings_get_double (self->settings, "font-size"),
                           g_settings_get_double (self->settings, "line-spacing"));
}

static gboolean
jj_window_close_request (GtkWindow *window)
{
  JjWindow *self = JJ_WINDOW (window);
  int width, height;

  jj_window_remember_position (self);
  _jj_window_close_marks (self);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (jj_window_parent_class)->close_request (window);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         JjWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (files == NULL)
    return FALSE;

  jj_window_open (self, files->data);
  for (GSList *l = files->next; l != NULL && app != NULL; l = l->next)
    {
      GFile *file = l->data;

      g_application_open (G_APPLICATION (app), &file, 1, "");
    }

  return TRUE;
}

static void
recent_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     JjWindow      *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  jj_window_open (self, file);
}

#define MAX_RECENT 8

/* A draft opens on its board: through the application, which brings up
 * its board when it is open already. */
static void
recent_draft_activated_cb (GtkListBox    *list,
                           GtkListBoxRow *row,
                           JjWindow      *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  JjDraftWindow *board;

  if (app != NULL)
    {
      g_application_open (G_APPLICATION (app), &file, 1, "");
      return;
    }

  path = g_file_get_path (file);
  board = path != NULL ? jj_draft_window_open (NULL, path, &error) : NULL;
  if (board != NULL)
    gtk_window_present (GTK_WINDOW (board));
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (error != NULL ? error->message
                                                              : _("Only drafts saved on this computer can be opened.")));
}


static void
recent_added_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!jj_recent_files_add_finish (result, &error))
    g_warning ("Could not add the speech to recent files: %s", error->message);
}

/* Recorded in a worker thread with GLib's GBookmarkFile, in the list
 * GtkRecentManager reads: the main thread neither parses the list at
 * start-up nor reads back its own write when the list's monitor fires.
 * GTK's settings for recent files are honoured as GtkRecentManager does. */
static void
jj_window_record_recent (JjWindow   *self,
                         GFile      *file,
                         const char *title)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  gboolean enabled = TRUE;
  int max_age = 30;

  g_object_get (settings,
                "gtk-recent-files-enabled", &enabled,
                "gtk-recent-files-max-age", &max_age,
                NULL);
  if (!enabled || max_age == 0)
    return;

  jj_recent_files_add_async (path, file, title, "jiejian", "jiejian %u", max_age,
                             NULL, recent_added_cb, NULL);
}

/* A file GTK's save dialog recorded for this app (an export) is no
 * speech opened: those are in the group, or, recorded before there was
 * one, have the speech's title as their name. */
static gboolean
is_opened_speech (GtkRecentInfo *info)
{
  g_autofree char *base = NULL;
  gsize n_groups = 0;
  g_auto(GStrv) groups = gtk_recent_info_get_groups (info, &n_groups);

  if (gtk_recent_info_has_group (info, JJ_RECENT_FILES_GROUP))
    return TRUE;
  if (n_groups > 0)
    return FALSE;

  /* Without a title the name shown is the file's. */
  base = gtk_recent_info_get_short_name (info);

  return g_strcmp0 (gtk_recent_info_get_display_name (info), base) != 0;
}

static GtkWidget *
recent_row_new (GtkRecentInfo *info)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gtk_recent_info_get_uri_display (info));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (gtk_recent_info_get_uri (info)), g_free);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Recent speeches, then recent drafts, each opened with one click. */
static void
fill_recent_list (JjWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items;
  guint n = 0, n_drafts = 0;

  if (!self->watching_recent)
    {
      g_signal_connect_object (manager, "changed", G_CALLBACK (update_recent_list),
                               self, G_CONNECT_SWAPPED);
      self->watching_recent = TRUE;
    }

  clear_list (self->recent_list);
  clear_list (self->recent_drafts_list);

  items = gtk_recent_manager_get_items (manager);
  for (GList *l = items; l != NULL && (n < MAX_RECENT || n_drafts < MAX_RECENT); l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (!gtk_recent_info_has_application (info, "jiejian") || !gtk_recent_info_exists (info))
        continue;

      if (gtk_recent_info_has_group (info, JJ_RECENT_DRAFTS_GROUP))
        {
          if (n_drafts < MAX_RECENT)
            {
              gtk_list_box_append (self->recent_drafts_list, recent_row_new (info));
              n_drafts++;
            }
        }
      else if (is_opened_speech (info) && n < MAX_RECENT)
        {
          gtk_list_box_append (self->recent_list, recent_row_new (info));
          n++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_drafts_list), n_drafts > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* The list of recent speeches is read only when the empty page is shown:
 * a window opened on a speech never needs it. */
static void
update_recent_list (JjWindow *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    fill_recent_list (self);
}

/* The heading lines of the outline, the skeleton writers reuse. */
static GArray *
heading_lines (JjWindow *self)
{
  JjOutline *outline = jj_document_get_outline (self->document);
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (JjHeadingLine));

  for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *entry = jj_outline_get_entry (outline, i);
      JjOutlineKind kind = jj_outline_entry_get_kind (entry);
      JjHeadingLine line;

      if (kind != JJ_OUTLINE_KIND_HEADING && kind != JJ_OUTLINE_KIND_ENUMERATOR)
        continue;

      line.level = jj_outline_entry_get_level (entry);
      line.text = jj_outline_entry_get_title (entry);
      g_array_append_val (lines, line);
    }

  return lines;
}

static void
copy_outline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;

  if (self->document == NULL)
    return;

  lines = heading_lines (self);
  if (lines->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("This speech has no headings")));
      return;
    }

  text = jj_exporter_outline_to_text ((const JjHeadingLine *) (gpointer) lines->data, lines->len);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Outline copied")));
}

static void
export_outline_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            JjWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GArray) lines = heading_lines (self);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);
      const char *dot = strrchr (name, '.');
      JjExportFormat format;

      if (dot == NULL || !jj_export_format_from_string (dot + 1, &format))
        format = g_settings_get_enum (self->settings, "export-format");

      if (!jj_exporter_save_outline (jj_document_get_title (self->document),
                                     (const JjHeadingLine *) (gpointer) lines->data, lines->len,
                                     format, file, NULL, &error))
        _jj_window_show_error (self, _("Could Not Export the Outline"), error);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_outline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  JjExportFormat format;

  if (self->document == NULL)
    return;

  format = g_settings_get_enum (self->settings, "export-format");
  /* Translators: the default file name of an exported outline; %s is the speech's title */
  name = g_strdup_printf (_("%s outline.%s"), jj_document_get_title (self->document),
                          jj_export_format_get_extension (format));
  native = gtk_file_chooser_native_new (_("Export the Outline"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (export_outline_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  g_autoptr(JjPrintOperation) operation = NULL;
  g_autofree char *family = g_settings_get_string (self->settings, "font-family");
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  operation = jj_print_operation_new (self->document, jj_document_get_outline (self->document),
                                      self->marks != NULL ? jj_mark_store_get_marks (self->marks) : NULL);
  jj_print_operation_set_font (operation, family, g_settings_get_double (self->settings, "font-size"));
  if (g_str_equal (action_name, "win.export-pdf"))
    jj_print_operation_choose_pdf (operation, GTK_WINDOW (self));
  else if (!jj_print_operation_run (operation, GTK_WINDOW (self), &error))
    _jj_window_show_error (self, _("Could Not Print the Speech"), error);
}

static void
jj_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JjWindow *self = JJ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_ORIGINAL:
      g_value_set_boolean (value, self->show_original);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JjWindow *self = JJ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_ORIGINAL:
      if (self->show_original != g_value_get_boolean (value))
        {
          self->show_original = g_value_get_boolean (value);
          if (self->document != NULL)
            jj_window_apply_characters (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_window_dispose (GObject *object)
{
  JjWindow *self = (JjWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _jj_window_close_marks (self);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), JJ_TYPE_WINDOW);

  G_OBJECT_CLASS (jj_window_parent_class)->dispose (object);
}

/* 提法对比 of the selection, or of a phrase asked for. */
static void
compare_wording_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             JjWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *phrase = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "compare") && phrase[0] != '\0')
    jj_wording_view_show (GTK_WINDOW (self), phrase);
}

static void
compare_wording_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;
  guint start, end;

  if (!JJ_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (self->document != NULL && jj_reader_view_get_selection (self->reader_view, &start, &end) && end > start)
    {
      g_autofree char *phrase = g_utf8_substring (jj_document_get_text (self->document), start, end);

      jj_wording_view_show (GTK_WINDOW (self), phrase);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Compare Wording"),
                                   _("Which word or phrase should be compared across every speech?"));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Phrase to Compare"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "compare", _("C_ompare"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "compare");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (compare_wording_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
jj_window_class_init (JjWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jj_window_dispose;
  object_class->get_property = jj_window_get_property;
  object_class->set_property = jj_window_set_property;

  properties[PROP_SHOW_ORIGINAL] =
    g_param_spec_boolean ("show-original", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  GTK_WINDOW_CLASS (klass)->close_request = jj_window_close_request;

  g_type_ensure (JJ_TYPE_MARKS_PANEL);
  g_type_ensure (JJ_TYPE_OUTLINE_PANEL);
  g_type_ensure (JJ_TYPE_READER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/jj-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JjWindow, outline_paned);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, outline_panel);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, loading_stage);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, marks_flap);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, marks_panel);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, reader_view);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, save_warning);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, recent_drafts_list);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JjWindow, window_title);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);

  _jj_window_class_init_find (widget_class);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  /* A menu shows the last binding of an action: the keypad's come first,
   * so the menu says Ctrl++, not Ctrl+Keypad +. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  _jj_window_class_init_marks (widget_class);
  _jj_window_class_init_details (widget_class);

  gtk_widget_class_install_property_action (widget_class, "win.show-original", "show-original");
  gtk_widget_class_install_action (widget_class, "win.copy-outline", NULL, copy_outline_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-outline", NULL, export_outline_action);

  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);

  gtk_widget_class_install_action (widget_class, "win.compare-wording", NULL, compare_wording_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.compare-wording", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.compare-wording", NULL);
}

/* Keys reach the reader only while its text has the focus: with the
 * focus nowhere (a row given back, a popover closed) they still read on.
 */
static gboolean
window_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       JjWindow              *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Escape in the text closes Find, as it does in its entry. */
  if (keyval == GDK_KEY_Escape && (state & GDK_MODIFIER_MASK) == 0 &&
      gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return TRUE;
    }

  if (self->document == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "document") != 0)
    return FALSE;
  if (focus != NULL && focus != GTK_WIDGET (self) &&
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->reader_view)))
    return FALSE;

  return jj_reader_view_scroll_key (self->reader_view, keyval, state);
}

static void
jj_window_init (JjWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->current_match = -1;
  g_signal_connect_object (self->outline_panel, "entry-activated",
                           G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_view, "position-changed",
                           G_CALLBACK (position_changed_cb), self, G_CONNECT_SWAPPED);
  _jj_window_init_marks (self);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::font-family",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::font-size",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::line-spacing",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  font_settings_changed_cb (self);
  g_settings_bind (self->settings, "show-outline", self->outline_panel, "visible", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-marks", self->marks_flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
  {
    GtkEventController *key = gtk_event_controller_key_new ();

    g_signal_connect (key, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), key);
  }

  g_signal_connect (self->recent_list, "row-activated", G_CALLBACK (recent_activated_cb), self);
  g_signal_connect (self->recent_drafts_list, "row-activated", G_CALLBACK (recent_draft_activated_cb), self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (update_recent_list), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (update_recent_list), self);
  _jj_window_init_find (self);
  {
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("Compare _Wording"), "win.compare-wording");
    jj_reader_view_set_extra_menu (self->reader_view, G_MENU_MODEL (menu));
  }
  set_document_actions_enabled (self, FALSE);
  jj_tooltip_unwrap_tree (GTK_WIDGET (self));
  jj_language_speech_labels (GTK_WIDGET (self->window_title));
}

JjWindow *
jj_window_new (JjApplication *application)
{
  return g_object_new (JJ_TYPE_WINDOW, "application", application, NULL);
}

JjDocument *
_jj_window_get_document (JjWindow *self)
{
  return self->document;
}

JjOutlinePanel *
_jj_window_get_outline_panel (JjWindow *self)
{
  return self->outline_panel;
}

JjReaderView *
_jj_window_get_reader_view (JjWindow *self)
{
  return self->reader_view;
}

JjMarkStore *
_jj_window_get_marks (JjWindow *self)
{
  return self->marks;
}

JjMarksPanel *
_jj_window_get_marks_panel (JjWindow *self)
{
  return self->marks_panel;
}
