/* jj-window-marks.c — marking in the reader window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-application.h"
#include "jj-library.h"
#include "jj-mark-kind.h"
#include "jj-mark-popover.h"
#include "jj-mark-session.h"
#include "jj-window-private.h"

/* The reader's highlights and the outline's mark ticks follow the
 * session's model: this runs on its every change. */
static void
update_highlights (JjWindow *self)
{
  g_autoptr(GArray) highlights = g_array_new (FALSE, FALSE, sizeof (JjHighlight));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *model;
  guint n;

  if (self->marks == NULL)
    return;

  model = jj_mark_store_get_marks (self->marks);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (model, i);
      const char *note = jj_mark_get_note (mark);
      JjHighlight h;

      if (jj_mark_get_status (mark) == JJ_MARK_STATUS_ORPHAN)
        continue;

      h.start = jj_mark_get_start (mark);
      h.end = jj_mark_get_end (mark);
      h.kind = g_intern_string (jj_mark_get_kind (mark));
      h.color = g_intern_string (jj_mark_get_own_color (mark));
      h.has_note = note != NULL && note[0] != '\0';
      h.data = mark; /* owned by the store, which outlives the highlights */
      g_array_append_val (highlights, h);
      g_array_append_val (offsets, h.start);
    }

  jj_reader_view_set_highlights (self->reader_view, (const JjHighlight *) (gpointer) highlights->data,
                                 highlights->len);
  jj_outline_panel_set_mark_offsets (self->outline_panel, offsets);
}

static void
history_changed_cb (JjWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->session != NULL && jj_mark_session_get_can_undo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->session != NULL && jj_mark_session_get_can_redo (self->session));
}

static void
update_save_warning (JjWindow *self)
{
  const char *tooltip = NULL;
  g_autofree char *text = NULL;

  /* The store's message says that the marks could not be saved, and why. */
  if (self->save_error != NULL)
    tooltip = self->save_error->message;
  else if (self->marks != NULL && jj_mark_store_get_fallback (self->marks))
    {
      g_autofree char *path = g_file_get_path (jj_mark_store_get_sidecar (self->marks));

      text = g_strdup_printf (_("The folder of this speech cannot be written: marks are kept in %s"), path);
      tooltip = text;
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_warning), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->save_warning), tooltip != NULL);
}

static void
marks_saved_cb (JjWindow *self)
{
  g_clear_error (&self->save_error);
  update_save_warning (self);
}

static void
marks_save_failed_cb (JjWindow *self,
                      GError   *error)
{
  g_clear_error (&self->save_error);
  self->save_error = g_error_copy (error);
  update_save_warning (self);
}

static void
show_marks_cb (AdwToast *toast,
               JjWindow *self)
{
  jj_marks_panel_set_attention (self->marks_panel, TRUE);
  adw_flap_set_reveal_flap (self->marks_flap, TRUE);
}

/* What re-anchoring did, said in full: no mark moves, changes its
 * wording or loses its passage without a word. */
static void
show_report (JjWindow             *self,
             const char           *what,
             const JjAnchorReport *report)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  text = g_strdup_printf (_("%s. Marks: %u in place, %u moved, %u with changed wording, %u orphaned"),
                          what, report->placed, report->moved, report->changed, report->orphaned);
  toast = adw_toast_new (text);
  /* Not behind an earlier toast waiting to be dismissed. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (report->moved + report->changed + report->orphaned > 0)
    {
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("Show _Marks"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_marks_cb), self, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
marks_reloaded_cb (JjWindow       *self,
                   JjAnchorReport *report)
{
  show_report (self, _("Marks changed on disk and were merged"), report);
}

static void
marks_rewritten_cb (JjWindow *self,
                    guint     n_marks)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  text = g_strdup_printf (ngettext ("The marks file was deleted; it was written again with the %u mark held in memory",
                                    "The marks file was deleted; it was written again with the %u marks held in memory",
                                    n_marks),
                          n_marks);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
notice_details_cb (AdwToast *toast,
                   JjWindow *self)
{
  const char *notice = g_object_get_data (G_OBJECT (toast), "notice");
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("About the Marks"), notice);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast is one line: a notice with a folder's path in it would be cut
 * off. A long one is shown whole in a dialog from the toast. */
static void
marks_notice_cb (JjWindow *self)
{
  const char *notice = jj_mark_store_get_notice (self->marks);

  if (notice != NULL && notice[0] != '\0')
    {
      AdwToast *toast;

      if (g_utf8_strlen (notice, -1) <= 40)
        toast = adw_toast_new (notice);
      else
        {
          toast = adw_toast_new (_("Something about the marks needs your attention"));
          adw_toast_set_button_label (toast, _("_Details"));
          g_object_set_data_full (G_OBJECT (toast), "notice", g_strdup (notice), g_free);
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (notice_details_cb), self, 0);
        }
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  update_save_warning (self);
}

static void
show_save_problem_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  const char *text = gtk_widget_get_tooltip_text (GTK_WIDGET (self->save_warning));
  GtkWidget *dialog;

  if (text == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   self->save_error != NULL ? _("Marks Could Not Be Saved")
                                                            : _("Marks Are Not Beside the Speech"),
                                   text);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_jj_window_close_marks (JjWindow *self)
{
  if (self->marks == NULL)
    return;

  _jj_window_debug_marks_closed (self);
  jj_mark_session_flush (self->session);
  g_signal_handlers_disconnect_by_data (self->marks, self);
  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (jj_mark_session_get_marks (self->session), self);
  jj_marks_panel_set_marks (self->marks_panel, NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->marks);
  self->marks_loading = FALSE;
  history_changed_cb (self);
  g_clear_object (&self->speech);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.speech-details", FALSE);
  g_clear_error (&self->save_error);
  g_clear_weak_pointer (&self->focus_before_popover);
  self->editing = NULL;
}

static void
marks_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JjWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  JjMarkSession *session = JJ_MARK_SESSION (object);
  gboolean ok = jj_mark_session_load_finish (session, result, &error);

  /* Another speech, or none, is shown by now. */
  if (session != self->session)
    return;

  self->marks_loading = FALSE;
  if (!ok)
    _jj_window_show_error (self, _("Could Not Read the Marks"), error);

  marks_notice_cb (self);
  _jj_window_load_details (self);
  update_highlights (self);

  /* Marks kept in the per-user folder are found there by the library. */
  if (jj_mark_store_get_fallback (self->marks) && self->document != NULL &&
      JJ_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    {
      JjApplication *app = JJ_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      g_autoptr(GFile) sidecar = jj_mark_store_get_sidecar (self->marks);

      jj_library_add_document (jj_application_get_library (app), jj_document_get_file (self->document),
                               sidecar, jj_document_get_title (self->document));
    }

  if (self->marks_reload)
    {
      const JjAnchorReport *report = jj_mark_session_get_report (session);

      if (report->placed + report->moved + report->changed + report->orphaned > 0)
        show_report (self, _("The speech changed on disk and was reloaded"), report);
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("The speech changed on disk and was reloaded")));
    }
  else if (ok && jj_mark_session_get_report (session)->text_changed)
    {
      const JjAnchorReport *report = jj_mark_session_get_report (session);

      /* Edited while it was not open here: the marks followed, and say how. */
      if (report->moved + report->changed + report->orphaned > 0)
        show_report (self, _("The speech changed since its marks were saved"), report);
    }
  self->marks_reload = FALSE;
  _jj_window_debug_marks_loaded (self);
}

/* The marks are read, parsed and placed in the text in a thread: the
 * speech is shown at once, its marks when they come. Until then nothing
 * can be marked (the session refuses it), so nothing can be lost. */
void
_jj_window_load_marks (JjWindow   *self,
                      JjDocument *document)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *author = NULL;
  GFile *file = jj_document_get_file (document);
  GListModel *model;

  _jj_window_close_marks (self);

  if (file == NULL)
    return;

  author = g_settings_get_string (self->settings, "author");
  self->session = jj_mark_session_new (file, jj_document_get_outline (document), author);
  self->marks = g_object_ref (jj_mark_session_get_store (self->session));
  jj_mark_store_set_save_delay (self->marks, g_settings_get_uint (self->settings, "save-delay"));
  model = jj_mark_session_get_marks (self->session);

  g_signal_connect_object (self->marks, "saved", G_CALLBACK (marks_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->marks, "save-failed", G_CALLBACK (marks_save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->marks, "notify::notice", G_CALLBACK (marks_notice_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->marks, "notify::fallback", G_CALLBACK (update_save_warning), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "reloaded", G_CALLBACK (marks_reloaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "rewritten", G_CALLBACK (marks_rewritten_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-undo", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-redo", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (update_highlights), self, G_CONNECT_SWAPPED);

  /* Marks made without a name set carry the user's real name. */
  jj_marks_panel_set_me (self->marks_panel, author[0] != '\0' ? author : g_get_real_name ());
  jj_marks_panel_set_marks (self->marks_panel, model);
  update_highlights (self);

  self->marks_loading = TRUE;
  self->marks_reload = self->reloading;
  fingerprint = jj_document_dup_fingerprint (document);
  jj_mark_session_load_async (self->session, jj_document_get_text (document), fingerprint,
                              NULL, marks_loaded_cb, g_object_ref (self));
}

gboolean
_jj_window_get_marks_loading (JjWindow *self)
{
  return self->marks_loading;
}

static JjMark *
mark_range (JjWindow           *self,
            guint               start,
            guint               end,
            const char         *kind,
            const char * const *tags,
            const char         *note)
{
  JjMark *mark = jj_mark_session_add (self->session, start, end, kind, tags, note, NULL);

  if (mark == NULL)
    return NULL;

  _jj_window_keep_details (self);
  jj_reader_view_clear_selection (self->reader_view);

  return mark;
}

static JjMark *
jj_window_mark_selection (JjWindow           *self,
                          const char         *kind,
                          const char * const *tags,
                          const char         *note)
{
  guint start, end;
  JjMark *mark = NULL;

  if (self->session != NULL && jj_reader_view_get_selection (self->reader_view, &start, &end) && start != end)
    mark = mark_range (self, start, end, kind, tags, note);
  if (mark == NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));

  return mark;
}

/* One mark over a whole parallel series, from the outline's context menu */
static void
mark_series_cb (JjWindow       *self,
                JjOutlineEntry *entry,
                const char     *kind)
{
  if (self->session == NULL || jj_outline_entry_get_n_members (entry) == 0
      || mark_range (self, jj_outline_entry_get_start (entry),
                     jj_outline_entry_get_end (entry), kind, NULL, NULL) == NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  jj_window_mark_selection (JJ_WINDOW (widget), g_variant_get_string (param, NULL), NULL, NULL);
}

/* Sends the mark over the selection, made as 借鉴 when there is none, to
 * the draft board; the board reads it from the sidecar, saved first. */
static void
send_to_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  GFile *file = jj_window_get_file (self);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  JjMark *mark = NULL;
  GListModel *model;
  guint start, end;

  if (self->marks == NULL || path == NULL ||
      !jj_reader_view_get_selection (self->reader_view, &start, &end) || start == end)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  model = jj_mark_store_get_marks (self->marks);
  for (guint i = 0; i < g_list_model_get_n_items (model) && mark == NULL; i++)
    {
      g_autoptr(JjMark) candidate = g_list_model_get_item (model, i);

      if (jj_mark_get_start (candidate) == start && jj_mark_get_end (candidate) == end)
        mark = candidate;
    }
  if (mark == NULL)
    mark = jj_window_mark_selection (self, "borrow", NULL, NULL);
  if (mark == NULL)
    return;

  jj_mark_session_flush (self->session);
  gtk_widget_activate_action (widget, "app.send-to-draft", "(ss)", path, jj_mark_get_id (mark));
}

static void
set_known_tags (JjWindow *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;
  GListModel *model = jj_mark_store_get_marks (self->marks);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (model, i);
      const char * const *mark_tags = jj_mark_get_tags (mark);

      for (guint j = 0; mark_tags != NULL && mark_tags[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) mark_tags[j]))
          g_strv_builder_add (builder, mark_tags[j]);
    }

  tags = g_strv_builder_end (builder);
  jj_mark_popover_set_known_tags (self->popover, (const char * const *) tags);
}

static void
show_popover (JjWindow           *self,
              const GdkRectangle *rect)
{
  set_known_tags (self);
  g_set_weak_pointer (&self->focus_before_popover, gtk_root_get_focus (GTK_ROOT (self)));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
mark_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  GdkRectangle rect;

  if (self->marks == NULL || !jj_reader_view_get_selection_rect (self->reader_view, &rect))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  self->editing = NULL;
  jj_mark_popover_set_fields (self->popover, FALSE, jj_mark_kind_get_nth (0)->key, NULL, NULL);
  show_popover (self, &rect);
}

static void
highlight_activated_cb (JjWindow     *self,
                        gpointer      data,
                        GdkRectangle *rect)
{
  JjMark *mark = data;

  self->editing = mark;
  jj_mark_popover_set_fields (self->popover, TRUE, jj_mark_get_kind (mark),
                              jj_mark_get_tags (mark), jj_mark_get_note (mark));
  show_popover (self, rect);
}

static void close_popover (JjWindow *self);

static void
popover_apply_cb (JjWindow *self)
{
  g_auto(GStrv) tags = jj_mark_popover_dup_tags (self->popover);
  g_autofree char *note = jj_mark_popover_dup_note (self->popover);
  const char *kind = jj_mark_popover_get_kind (self->popover);

  close_popover (self);
  if (self->editing != NULL)
    {
      jj_mark_session_begin_edit (self->session, self->editing);
      jj_mark_set_kind (self->editing, kind);
      jj_mark_set_tags (self->editing, (const char * const *) tags);
      jj_mark_set_note (self->editing, note);
      jj_mark_session_end_edit (self->session, self->editing);
    }
  else
    jj_window_mark_selection (self, kind, (const char * const *) tags, note);

  self->editing = NULL;
}

/* The focus goes back to the text before the popover hides: GTK would
 * leave it on the hidden popover's button, where the number keys and
 * Ctrl+Z no longer reach the window, or move it to the next focusable
 * widget, an outline row, whose selection scrolls the reader to its
 * heading. */
static void
restore_focus (JjWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->popover)))
    return;

  if (self->focus_before_popover != NULL && gtk_widget_get_mapped (self->focus_before_popover))
    gtk_widget_grab_focus (self->focus_before_popover);
  else
    gtk_root_set_focus (GTK_ROOT (self), NULL);
  g_clear_weak_pointer (&self->focus_before_popover);
}

/* Hiding the popover after its button was pressed makes GTK 4.8 select
 * an outline row, which is no choice of the reader's: it must not
 * scroll the reader to that row's heading. */
static void
close_popover (JjWindow *self)
{
  restore_focus (self);
  self->quiet_outline = TRUE;
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  self->quiet_outline = FALSE;
}

static void
popover_closed_cb (JjWindow *self)
{
  if (self->marks == NULL)
    return;

  restore_focus (self);
}

static void
undo_toast_cb (AdwToast *toast,
               JjWindow *self)
{
  JjMark *mark = NULL;

  if (self->session != NULL)
    mark = jj_mark_session_undo (self->session);
  /* The restored mark, where the reader can see it came back. */
  if (mark != NULL && !jj_mark_get_deleted (mark))
    jj_reader_view_reveal_offset (self->reader_view, jj_mark_get_start (mark));
}

static void
popover_delete_cb (JjWindow *self)
{
  AdwToast *toast;

  if (self->editing == NULL)
    return;

  close_popover (self);
  jj_mark_session_delete (self->session, self->editing);
  self->editing = NULL;

  toast = adw_toast_new (_("Mark deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);
  JjMark *mark;

  if (self->session == NULL)
    return;

  if (g_str_equal (action_name, "win.undo"))
    mark = jj_mark_session_undo (self->session);
  else
    mark = jj_mark_session_redo (self->session);

  if (mark != NULL && !jj_mark_get_deleted (mark))
    jj_reader_view_reveal_offset (self->reader_view, jj_mark_get_start (mark));
}

static void
mark_activated_cb (JjWindow *self,
                   JjMark   *mark)
{
  jj_reader_view_select_range (self->reader_view, jj_mark_get_start (mark), jj_mark_get_end (mark));
  if (adw_flap_get_folded (self->marks_flap))
    adw_flap_set_reveal_flap (self->marks_flap, FALSE);
}

static void
reattach_cb (JjWindow *self,
             JjMark   *mark)
{
  guint start, end;

  if (!jj_reader_view_get_selection (self->reader_view, &start, &end) || start == end)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Select the passage to attach the mark to first")));
      return;
    }

  jj_mark_session_reattach (self->session, mark, start, end);
}

static void
toggle_marks_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);

  adw_flap_set_reveal_flap (self->marks_flap, !adw_flap_get_reveal_flap (self->marks_flap));
}

void
_jj_window_class_init_marks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.mark", "s", mark_action);
  for (guint i = 0; i < jj_mark_kind_get_n_kinds () && i < 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, 0, "win.mark", "s",
                                           jj_mark_kind_get_nth (i)->key);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, 0, "win.mark", "s",
                                           jj_mark_kind_get_nth (i)->key);
    }
  gtk_widget_class_install_action (widget_class, "win.send-to-draft", NULL, send_to_draft_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.send-to-draft", NULL);
  gtk_widget_class_install_action (widget_class, "win.mark-details", NULL, mark_details_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.mark-details", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-save-problem", NULL, show_save_problem_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-marks", NULL, toggle_marks_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.toggle-marks", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.toggle-marks", NULL);

}

void
_jj_window_init_marks (JjWindow *self)
{
  g_signal_connect_object (self->reader_view, "highlight-activated",
                           G_CALLBACK (highlight_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->marks_panel, "mark-activated",
                           G_CALLBACK (mark_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->marks_panel, "reattach",
                           G_CALLBACK (reattach_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline_panel, "mark-series",
                           G_CALLBACK (mark_series_cb), self, G_CONNECT_SWAPPED);

  self->popover = JJ_MARK_POPOVER (jj_mark_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self->reader_view));
  g_signal_connect_object (self->popover, "apply", G_CALLBACK (popover_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "delete", G_CALLBACK (popover_delete_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "closed", G_CALLBACK (popover_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);
}
