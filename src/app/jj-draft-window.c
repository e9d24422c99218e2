/* jj-draft-window.c — the draft board: headings and the cards under them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jj-application.h"
#include "jj-document.h"
#include "jj-draft-history.h"
#include "jj-draft-window.h"
#include "jj-mark.h"
#include "jj-mark-store.h"
#include "jj-recent-files.h"

#define SAVE_DELAY_MS 1500
#define MAX_UNDO 200
#define CARD_PAYLOAD_PREFIX "jiejian-card:"
#define MARK_PAYLOAD_PREFIX "jiejian-mark:"
#define ON_HEADING G_MAXUINT  /* current_card when a heading has the focus */

struct _JjDraftWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toasts;
  GtkEntry             *title_entry;
  GtkBox               *sections_box;

  JjDraft              *draft;
  char                 *path;
  JjDraftHistory       *history;
  guint                 save_source;
  guint                 current_section;
  guint                 current_card;
  gboolean              has_current;
  gboolean              rebuilding;
  gboolean              dirty;     /* changed since it was last saved */
  gboolean              close_after_save;
  gboolean              discard;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (JjDraftWindow, jj_draft_window, ADW_TYPE_APPLICATION_WINDOW)

static void rebuild (JjDraftWindow *self);

static void
show_error (JjDraftWindow *self,
            const char    *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

/* Recent drafts */

static void
recent_added_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!jj_recent_files_add_finish (result, &error))
    g_warning ("Could not add the draft to recent files: %s", error->message);
}

/* Opened or saved under a new name: the empty window lists it. In a
 * worker thread, honouring GTK's settings for recent files. */
static void
record_recent (JjDraftWindow *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *list = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autoptr(GFile) file = NULL;
  gboolean enabled = TRUE;
  int max_age = 30;

  if (self->path == NULL)
    return;

  g_object_get (settings,
                "gtk-recent-files-enabled", &enabled,
                "gtk-recent-files-max-age", &max_age,
                NULL);
  if (!enabled || max_age == 0)
    return;

  file = g_file_new_for_path (self->path);
  jj_recent_files_add_async (list, file, jj_draft_get_title (self->draft), "jiejian", "jiejian %u",
                             max_age, NULL, recent_added_cb, NULL);
}

/* Saving */

gboolean
jj_draft_window_save_to (JjDraftWindow  *self,
                         const char     *path,
                         GError        **error)
{
  g_return_val_if_fail (JJ_IS_DRAFT_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!jj_draft_save (self->draft, path, error))
    return FALSE;
  self->dirty = FALSE;

  if (g_strcmp0 (self->path, path) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (path);
      record_recent (self);
    }

  return TRUE;
}

static gboolean
autosave_cb (gpointer data)
{
  JjDraftWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (self->path != NULL && !jj_draft_window_save_to (self, self->path, &error))
    show_error (self, error->message);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (JjDraftWindow *self)
{
  if (self->path == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, autosave_cb, self);
}

static void
update_title (JjDraftWindow *self)
{
  const char *title = jj_draft_get_title (self->draft);

  gtk_window_set_title (GTK_WINDOW (self), title != NULL && *title != '\0' ? title : _("Draft"));
}

/* Before each change: typing in one title, heading or card is one step. */
static void
push_undo (JjDraftWindow *self,
           gconstpointer  editing)
{
  jj_draft_history_record (self->history, self->draft, editing);
}

static void
changed (JjDraftWindow *self)
{
  self->dirty = TRUE;
  schedule_save (self);
  update_title (self);
}

static void
restore (JjDraftWindow *self,
         gboolean       undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDraft) draft = NULL;

  if (undo)
    draft = jj_draft_history_undo (self->history, self->draft, &error);
  else
    draft = jj_draft_history_redo (self->history, self->draft, &error);

  if (draft == NULL)
    {
      if (error != NULL)
        show_error (self, error->message);
      return;
    }

  g_set_object (&self->draft, draft);
  rebuild (self);
  changed (self);
}

/* Current card */

void
jj_draft_window_set_current (JjDraftWindow *self,
                             guint          section,
                             guint          card)
{
  g_return_if_fail (JJ_IS_DRAFT_WINDOW (self));

  self->current_section = section;
  self->current_card = card;
  self->has_current = TRUE;
}

gboolean
jj_draft_window_get_current (JjDraftWindow *self,
                             guint         *section,
                             guint         *card)
{
  JjDraftSection *s;

  g_return_val_if_fail (JJ_IS_DRAFT_WINDOW (self), FALSE);

  if (!self->has_current)
    return FALSE;
  s = jj_draft_get_section (self->draft, self->current_section);
  if (s == NULL || self->current_card >= jj_draft_section_get_n_cards (s))
    return FALSE;

  if (section != NULL)
    *section = self->current_section;
  if (card != NULL)
    *card = self->current_card;

  return TRUE;
}

static GtkWidget *
section_widget (JjDraftWindow *self,
                guint          section)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));

  for (guint i = 0; child != NULL && i < section; i++)
    child = gtk_widget_get_next_sibling (child);

  return child;
}

GtkWidget *
jj_draft_window_get_card_row (JjDraftWindow *self,
                              guint          section,
                              guint          card)
{
  GtkWidget *box;
  GtkListBox *list;

  g_return_val_if_fail (JJ_IS_DRAFT_WINDOW (self), NULL);

  box = section_widget (self, section);
  if (box == NULL)
    return NULL;
  list = g_object_get_data (G_OBJECT (box), "jj-cards");

  return GTK_WIDGET (gtk_list_box_get_row_at_index (list, card));
}

GtkWidget *
jj_draft_window_get_heading (JjDraftWindow *self,
                             guint          section)
{
  GtkWidget *box;

  g_return_val_if_fail (JJ_IS_DRAFT_WINDOW (self), NULL);

  box = section_widget (self, section);

  return box != NULL ? g_object_get_data (G_OBJECT (box), "jj-heading") : NULL;
}

static void
focus_current (JjDraftWindow *self)
{
  GtkWidget *row;
  GtkWidget *text;

  if (!jj_draft_window_get_current (self, NULL, NULL))
    return;

  row = jj_draft_window_get_card_row (self, self->current_section, self->current_card);
  text = row != NULL ? g_object_get_data (G_OBJECT (row), "jj-text") : NULL;
  if (text != NULL)
    gtk_widget_grab_focus (text);
}

static void
focus_current_heading (JjDraftWindow *self)
{
  GtkWidget *heading;

  if (!self->has_current || self->current_card != ON_HEADING)
    return;

  heading = jj_draft_window_get_heading (self, self->current_section);
  if (heading != NULL)
    gtk_widget_grab_focus (heading);
}

/* Editing */

static void
title_changed_cb (JjDraftWindow *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));

  if (self->rebuilding || g_strcmp0 (title, jj_draft_get_title (self->draft)) == 0)
    return;

  push_undo (self, self->draft);
  jj_draft_set_title (self->draft, title);
  changed (self);
}

static void
heading_changed_cb (GtkEditable   *entry,
                    JjDraftWindow *self)
{
  JjDraftSection *section = g_object_get_data (G_OBJECT (entry), "jj-section");
  const char *heading = gtk_editable_get_text (entry);

  if (self->rebuilding || g_strcmp0 (heading, jj_draft_section_get_heading (section)) == 0)
    return;

  push_undo (self, section);
  jj_draft_section_set_heading (section, heading);
  changed (self);
}

static char *
changed_label (JjDraftCard *card)
{
  /* Translators: how much of a borrowed passage the writer has rewritten */
  return g_strdup_printf (_("Changed %d%%"), (int) (jj_draft_card_get_changed (card) * 100 + 0.5));
}

/* The quote as the source has it, shown once the writer has changed it. */
static void
update_original (GtkLabel    *label,
                 JjDraftCard *card)
{
  gboolean changed_text = g_strcmp0 (jj_draft_card_get_text (card), jj_draft_card_get_quote (card)) != 0;

  if (changed_text)
    {
      g_autofree char *text = g_strdup_printf (_("Source: %s"), jj_draft_card_get_quote (card));

      gtk_label_set_text (label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (label), changed_text);
}

static void
card_text_changed_cb (GtkTextBuffer *buffer,
                      JjDraftWindow *self)
{
  JjDraftCard *card = g_object_get_data (G_OBJECT (buffer), "jj-card");
  GtkLabel *label = g_object_get_data (G_OBJECT (buffer), "jj-changed-label");
  GtkLabel *original = g_object_get_data (G_OBJECT (buffer), "jj-original-label");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->rebuilding)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, jj_draft_card_get_text (card)) == 0)
    return;

  push_undo (self, card);
  jj_draft_card_set_text (card, text);
  if (label != NULL)
    {
      g_autofree char *changed_text = changed_label (card);

      gtk_label_set_text (label, changed_text);
    }
  if (original != NULL)
    update_original (original, card);
  changed (self);
}

static void
heading_focus_enter_cb (GtkEventControllerFocus *controller,
                        JjDraftWindow           *self)
{
  GtkWidget *heading = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  jj_draft_window_set_current (self,
                               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (heading), "jj-section-index")),
                               ON_HEADING);
}

static void
card_focus_enter_cb (GtkEventControllerFocus *controller,
                     JjDraftWindow           *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  jj_draft_window_set_current (self,
                               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "jj-section-index")),
                               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "jj-card-index")));
}

static void
insert_card_at (JjDraftWindow *self,
                JjDraftCard   *card,
                guint          section,
                guint          position)
{
  push_undo (self, NULL);
  jj_draft_section_insert_card (jj_draft_get_section (self->draft, section), position, card);
  jj_draft_window_set_current (self, section, position);
  rebuild (self);
  changed (self);
}

/* After the current card, at the end of the current section, or after
 * the salutation. */
static void
insert_card (JjDraftWindow *self,
             JjDraftCard   *card)
{
  guint section, position;

  if (jj_draft_get_n_sections (self->draft) == 0)
    {
      g_autoptr(JjDraftSection) first = jj_draft_section_new ("", 1);

      push_undo (self, NULL);
      jj_draft_insert_section (self->draft, 0, first);
    }

  if (jj_draft_window_get_current (self, &section, &position))
    position++;
  else if (self->has_current && self->current_card == ON_HEADING &&
           self->current_section < jj_draft_get_n_sections (self->draft))
    {
      section = self->current_section;
      position = 0;
    }
  else
    {
      if (self->has_current && self->current_section < jj_draft_get_n_sections (self->draft))
        section = self->current_section;
      else
        section = MIN (1, jj_draft_get_n_sections (self->draft) - 1);
      position = jj_draft_section_get_n_cards (jj_draft_get_section (self->draft, section));
    }

  insert_card_at (self, card, section, position);
}

/* A borrowed card from the marked passage MARK-ID of the speech PATH;
 * NULL, with a message, when the speech or the mark is gone. */
static JjDraftCard *
card_from_mark (JjDraftWindow *self,
                const char    *speech,
                const char    *id)
{
  g_autoptr(GFile) file = g_file_new_for_path (speech);
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *path = g_file_get_path (file);
  JjMark *mark;

  document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
  if (document == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }

  fingerprint = jj_document_dup_fingerprint (document);
  store = jj_mark_store_new (file);
  if (!jj_mark_store_load (store, jj_document_get_text (document), fingerprint, &error))
    {
      show_error (self, error->message);
      return NULL;
    }

  mark = jj_mark_store_lookup (store, id);
  if (mark == NULL || jj_mark_get_deleted (mark))
    {
      g_autofree char *message = g_strdup_printf (_("The passage could not be added: “%s” has no mark “%s” any more."),
                                                  speech, id);

      show_error (self, message);
      return NULL;
    }

  return jj_draft_card_new_borrowed (jj_mark_get_quote (mark), path,
                                     jj_document_get_title (document),
                                     jj_mark_get_id (mark), jj_mark_get_section (mark),
                                     jj_mark_get_start (mark), jj_mark_get_end (mark));
}

/* Moving */

/* Moves a card; the keys and drag and drop all come here. @to_card is the
 * position in @to_section once the card has left its place. */
gboolean
jj_draft_window_move_card (JjDraftWindow *self,
                           guint          from_section,
                           guint          from_card,
                           guint          to_section,
                           guint          to_card)
{
  g_autofree char *before = NULL;

  g_return_val_if_fail (JJ_IS_DRAFT_WINDOW (self), FALSE);

  if (from_section == to_section && from_card == to_card)
    return FALSE;

  before = jj_draft_to_xml (self->draft, NULL);
  if (!jj_draft_move_card (self->draft, from_section, from_card, to_section, to_card))
    return FALSE;

  jj_draft_history_push (self->history, g_steal_pointer (&before), NULL);
  jj_draft_window_set_current (self, to_section, to_card);
  rebuild (self);
  changed (self);

  return TRUE;
}

static gboolean
parse_payload (const char *payload,
               guint      *section,
               guint      *card)
{
  guint64 s, c;
  char *end;

  if (payload == NULL || !g_str_has_prefix (payload, CARD_PAYLOAD_PREFIX))
    return FALSE;

  s = g_ascii_strtoull (payload + strlen (CARD_PAYLOAD_PREFIX), &end, 10);
  if (*end != ':')
    return FALSE;
  c = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != '\0' || s > G_MAXUINT || c > G_MAXUINT)
    return FALSE;

  *section = s;
  *card = c;

  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  g_autofree char *payload = g_strdup_printf (CARD_PAYLOAD_PREFIX "%u:%u",
                                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "jj-section-index")),
                                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "jj-card-index")));

  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* A card dropped on a card goes before it or, on its lower half, after
 * it; dropped on a heading, it goes first under that heading. What is
 * dropped is a card of the board or a marked passage, given as
 * "jiejian-mark:SPEECH:MARK-ID" (a speech's path may hold colons, an id
 * does not). */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         JjDraftWindow *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  guint from_section, from_card, to_section, to_card;
  const char *payload;

  if (!G_VALUE_HOLDS_STRING (value) || (payload = g_value_get_string (value)) == NULL)
    return FALSE;

  to_section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "jj-section-index"));
  if (to_section >= jj_draft_get_n_sections (self->draft))
    return FALSE;
  to_card = 0;
  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      to_card = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "jj-card-index"));
      if (y > gtk_widget_get_height (widget) / 2.0)
        to_card++;
    }

  if (g_str_has_prefix (payload, MARK_PAYLOAD_PREFIX))
    {
      const char *speech = payload + strlen (MARK_PAYLOAD_PREFIX);
      const char *colon = strrchr (speech, ':');
      g_autofree char *path = NULL;
      g_autoptr(JjDraftCard) card = NULL;

      if (colon == NULL || colon == speech || colon[1] == '\0')
        return FALSE;
      path = g_strndup (speech, colon - speech);
      card = card_from_mark (self, path, colon + 1);
      if (card == NULL)
        return FALSE;
      insert_card_at (self, card, to_section, to_card);
      return TRUE;
    }

  if (!parse_payload (payload, &from_section, &from_card))
    return FALSE;
  if (GTK_IS_LIST_BOX_ROW (widget) && from_section == to_section && from_card < to_card)
    to_card--;

  return jj_draft_window_move_card (self, from_section, from_card, to_section, to_card);
}

/**
 * jj_draft_window_mark_content:
 * @speech: the path of the speech
 * @mark_id: the id of a mark saved in its sidecar
 *
 * What a marked passage dragged from the library, the marks panel or the
 * reader carries: the board's drop targets take it as a borrowed card.
 *
 * Returns: (transfer full): the content of the drag
 */
GdkContentProvider *
jj_draft_window_mark_content (const char *speech,
                              const char *mark_id)
{
  g_autofree char *payload = NULL;

  g_return_val_if_fail (speech != NULL && mark_id != NULL, NULL);

  payload = g_strconcat (MARK_PAYLOAD_PREFIX, speech, ":", mark_id, NULL);

  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
add_drop_target (JjDraftWindow *self,
                 GtkWidget     *widget)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
  g_object_set_data (G_OBJECT (widget), "jj-drop-target", target);
}

/* Building the board */

static void
open_source_clicked_cb (GtkButton     *button,
                        JjDraftWindow *self)
{
  JjDraftCard *card = g_object_get_data (G_OBJECT (button), "jj-card");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (jj_draft_card_get_document (card) == NULL)
    return;

  file = g_file_new_for_path (jj_draft_card_get_document (card));
  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("The speech “%s” is no longer there; it may have been moved or deleted."),
                                                  jj_draft_card_get_document (card));

      show_error (self, message);
      return;
    }

  if (JJ_IS_APPLICATION (app))
    {
      jj_application_open_at (JJ_APPLICATION (app), file,
                              jj_draft_card_get_start (card), jj_draft_card_get_end (card));
      return;
    }

  uri = g_file_get_uri (file);
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    show_error (self, error->message);
}

/* Escape leaves the text for its card, where Delete deletes the card. */
static gboolean
focus_row_cb (GtkWidget *text,
              GVariant  *args,
              gpointer   data)
{
  GtkWidget *row = gtk_widget_get_ancestor (text, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL && gtk_widget_grab_focus (row);
}

static GtkWidget *
card_row_new (JjDraftWindow *self,
              JjDraftCard   *card,
              guint          section_index,
              guint          card_index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *text = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));
  GtkDragSource *source = gtk_drag_source_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  g_object_set_data (G_OBJECT (row), "jj-section-index", GUINT_TO_POINTER (section_index));
  g_object_set_data (G_OBJECT (row), "jj-card-index", GUINT_TO_POINTER (card_index));
  g_object_set_data (G_OBJECT (row), "jj-text", text);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_set_valign (handle, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (handle, _("Drag to move the card"));
  gtk_widget_set_cursor_from_name (handle, "grab");
  gtk_box_append (GTK_BOX (box), handle);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, jj_draft_card_get_text (card), -1);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  jj_draft_card_get_kind (card) == JJ_DRAFT_CARD_BORROWED
                                    ? _("Borrowed passage") : _("Own text"), -1);
  g_object_set_data (G_OBJECT (buffer), "jj-card", card);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (card_text_changed_cb), self, 0);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (focus_row_cb, NULL, NULL)));
  gtk_widget_add_controller (text, keys);
  gtk_box_append (GTK_BOX (column), text);

  if (jj_draft_card_get_kind (card) == JJ_DRAFT_CARD_BORROWED)
    {
      GtkWidget *caption = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *source_label;
      GtkWidget *changed_widget;
      GtkWidget *original;
      GtkWidget *button;
      g_autofree char *source_text = NULL;
      g_autofree char *changed_text = changed_label (card);
      const char *title = jj_draft_card_get_document_title (card);
      const char *section = jj_draft_card_get_section (card);

      if (title == NULL || *title == '\0')
        title = jj_draft_card_get_document (card);
      if (section != NULL && *section != '\0')
        source_text = g_strdup_printf (_("From “%s”, %s"), title ? title : "", section);
      else
        source_text = g_strdup_printf (_("From “%s”"), title ? title : "");

      source_label = gtk_label_new (source_text);
      gtk_label_set_ellipsize (GTK_LABEL (source_label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_xalign (GTK_LABEL (source_label), 0);
      gtk_widget_set_hexpand (source_label, TRUE);
      gtk_widget_set_tooltip_text (source_label, jj_draft_card_get_quote (card));
      gtk_widget_add_css_class (source_label, "dim-label");
      gtk_widget_add_css_class (source_label, "caption");
      gtk_box_append (GTK_BOX (caption), source_label);

      changed_widget = gtk_label_new (changed_text);
      gtk_widget_add_css_class (changed_widget, "caption");
      gtk_box_append (GTK_BOX (caption), changed_widget);
      g_object_set_data (G_OBJECT (buffer), "jj-changed-label", changed_widget);
      g_object_set_data (G_OBJECT (row), "jj-changed-label", changed_widget);

      button = gtk_button_new_from_icon_name ("document-open-symbolic");
      gtk_widget_set_tooltip_text (button, _("Open the source at this passage"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open Source"), -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "jj-card", card);
      g_signal_connect_object (button, "clicked", G_CALLBACK (open_source_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (caption), button);

      original = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (original), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (original), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (original), 0);
      gtk_label_set_selectable (GTK_LABEL (original), TRUE);
      gtk_widget_add_css_class (original, "dim-label");
      gtk_widget_add_css_class (original, "caption");
      update_original (GTK_LABEL (original), card);
      g_object_set_data (G_OBJECT (buffer), "jj-original-label", original);
      g_object_set_data (G_OBJECT (row), "jj-original-label", original);

      gtk_box_append (GTK_BOX (column), original);
      gtk_box_append (GTK_BOX (column), caption);
      gtk_widget_add_css_class (row, "jj-borrowed-card");
    }

  gtk_box_append (GTK_BOX (box), column);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));
  g_object_set_data (G_OBJECT (row), "jj-drag-source", source);
  add_drop_target (self, row);

  g_signal_connect_object (focus, "enter", G_CALLBACK (card_focus_enter_cb), self, 0);
  gtk_widget_add_controller (row, focus);

  return row;
}

static GtkWidget *
section_box_new (JjDraftWindow  *self,
                 JjDraftSection *section,
                 guint           index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_entry_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (_("No cards yet: press Ctrl+Return to write one, or drag one here."));
  GtkEventController *focus;

  gtk_editable_set_text (GTK_EDITABLE (heading), jj_draft_section_get_heading (section));
  gtk_entry_set_placeholder_text (GTK_ENTRY (heading), _("Heading"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Heading"), -1);
  if (jj_draft_section_get_level (section) <= 1)
    gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_start (heading, 18 * (MAX (jj_draft_section_get_level (section), 1) - 1));
  g_object_set_data (G_OBJECT (heading), "jj-section", section);
  g_object_set_data (G_OBJECT (heading), "jj-section-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (heading, "changed", G_CALLBACK (heading_changed_cb), self, 0);
  add_drop_target (self, heading);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (heading_focus_enter_cb), self, 0);
  gtk_widget_add_controller (heading, focus);
  gtk_box_append (GTK_BOX (box), heading);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  g_object_set_data (G_OBJECT (placeholder), "jj-section-index", GUINT_TO_POINTER (index));
  add_drop_target (self, placeholder);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  for (guint i = 0; i < jj_draft_section_get_n_cards (section); i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         card_row_new (self, jj_draft_section_get_card (section, i), index, i));
  gtk_box_append (GTK_BOX (box), list);

  g_object_set_data (G_OBJECT (box), "jj-cards", list);
  g_object_set_data (G_OBJECT (box), "jj-heading", heading);

  return box;
}

/* The whole board is rebuilt after a structural change: a draft has tens
 * of cards, and indices on the widgets then always match the model. */
static void
rebuild (JjDraftWindow *self)
{
  GtkWidget *child;

  self->rebuilding = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), jj_draft_get_title (self->draft));
  for (guint i = 0; i < jj_draft_get_n_sections (self->draft); i++)
    gtk_box_append (self->sections_box,
                    section_box_new (self, jj_draft_get_section (self->draft, i), i));

  self->rebuilding = FALSE;
  update_title (self);
  focus_current (self);
  focus_current_heading (self);
}

/* Actions */

static guint
cursor_offset (JjDraftWindow *self)
{
  GtkWidget *row = jj_draft_window_get_card_row (self, self->current_section, self->current_card);
  GtkTextView *text = row != NULL ? g_object_get_data (G_OBJECT (row), "jj-text") : NULL;
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (text == NULL)
    return 0;

  buffer = gtk_text_view_get_buffer (text);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return gtk_text_iter_get_offset (&iter);
}

static void
new_card_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  g_autoptr(JjDraftCard) card = jj_draft_card_new_own ("");

  insert_card (user_data, card);
}

static void
delete_card_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  JjDraftWindow *self = user_data;
  JjDraftSection *section;
  guint s, c;

  if (!jj_draft_window_get_current (self, &s, &c))
    return;

  push_undo (self, NULL);
  section = jj_draft_get_section (self->draft, s);
  jj_draft_section_remove_card (section, c);
  if (c > 0 && c >= jj_draft_section_get_n_cards (section))
    c--;
  jj_draft_window_set_current (self, s, c);
  rebuild (self);
  changed (self);
}

static void
move_card (JjDraftWindow *self,
           int            step)
{
  guint s, c, n_sections;

  if (!jj_draft_window_get_current (self, &s, &c))
    return;

  n_sections = jj_draft_get_n_sections (self->draft);
  if (step < 0 && c > 0)
    jj_draft_window_move_card (self, s, c, s, c - 1);
  else if (step < 0 && s > 0)
    jj_draft_window_move_card (self, s, c, s - 1,
                               jj_draft_section_get_n_cards (jj_draft_get_section (self->draft, s - 1)));
  else if (step > 0 && c + 1 < jj_draft_section_get_n_cards (jj_draft_get_section (self->draft, s)))
    jj_draft_window_move_card (self, s, c, s, c + 1);
  else if (step > 0 && s + 1 < n_sections)
    jj_draft_window_move_card (self, s, c, s + 1, 0);
}

static void
move_card_up_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  move_card (user_data, -1);
}

static void
move_card_down_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  move_card (user_data, 1);
}

static void
move_section (JjDraftWindow *self,
              int            step)
{
  guint s = self->current_section;
  guint n = jj_draft_get_n_sections (self->draft);
  guint to;

  if (!self->has_current || s >= n)
    return;
  if ((step < 0 && s == 0) || (step > 0 && s + 1 >= n))
    return;

  to = step < 0 ? s - 1 : s + 1;
  push_undo (self, NULL);
  jj_draft_move_section (self->draft, s, to);
  self->current_section = to;
  rebuild (self);
  changed (self);
}

/* A new heading after the current section, of its level. */
static void
new_section_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  JjDraftWindow *self = user_data;
  guint n = jj_draft_get_n_sections (self->draft);
  guint position = n;
  guint level = 1;
  g_autoptr(JjDraftSection) section = NULL;

  if (self->has_current && self->current_section < n)
    {
      position = self->current_section + 1;
      level = MAX (jj_draft_section_get_level (jj_draft_get_section (self->draft, self->current_section)), 1);
    }

  push_undo (self, NULL);
  section = jj_draft_section_new ("", level);
  jj_draft_insert_section (self->draft, position, section);
  jj_draft_window_set_current (self, position, ON_HEADING);
  rebuild (self);
  changed (self);
}

static void
delete_section_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  JjDraftWindow *self = user_data;
  guint s = self->current_section;

  if (!self->has_current || s >= jj_draft_get_n_sections (self->draft))
    return;

  push_undo (self, NULL);
  jj_draft_remove_section (self->draft, s);
  if (jj_draft_get_n_sections (self->draft) == 0)
    self->has_current = FALSE;
  else
    jj_draft_window_set_current (self, s > 0 ? s - 1 : 0, ON_HEADING);
  rebuild (self);
  changed (self);
}

static void
move_section_up_activated (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       user_data)
{
  move_section (user_data, -1);
}

static void
move_section_down_activated (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  move_section (user_data, 1);
}

static void
split_card_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  JjDraftWindow *self = user_data;
  g_autofree char *before = NULL;
  guint s, c, offset;

  if (!jj_draft_window_get_current (self, &s, &c))
    return;

  offset = param != NULL ? g_variant_get_uint32 (param) : cursor_offset (self);
  before = jj_draft_to_xml (self->draft, NULL);
  if (!jj_draft_split_card (self->draft, s, c, offset))
    return;

  jj_draft_history_push (self->history, g_steal_pointer (&before), NULL);
  jj_draft_window_set_current (self, s, c + 1);
  rebuild (self);
  changed (self);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  restore (user_data, TRUE);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  restore (user_data, FALSE);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  JjDraftWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *format = g_object_get_data (G_OBJECT (dialog), "jj-format");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);

      if (format != NULL)
        {
          if (!jj_draft_window_export_to (self, file, format, &error))
            show_error (self, error->message);
        }
      else
        {
          if (!jj_draft_is_draft_name (path))
            {
              g_autofree char *named = g_strconcat (path, JJ_DRAFT_SUFFIX, NULL);

              g_free (path);
              path = g_steal_pointer (&named);
            }
          if (!jj_draft_window_save_to (self, path, &error))
            show_error (self, error->message);
          else if (self->close_after_save)
            gtk_window_close (GTK_WINDOW (self));
        }
    }

  self->close_after_save = FALSE;
  g_clear_object (&self->chooser);
}

static void
run_chooser (JjDraftWindow *self,
             const char    *title,
             const char    *name,
             const char    *format)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data_full (G_OBJECT (self->chooser), "jj-format", g_strdup (format), g_free);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
base_name (JjDraftWindow *self)
{
  const char *title = jj_draft_get_title (self->draft);
  g_autofree char *name = NULL;

  if (self->path != NULL)
    {
      name = g_path_get_basename (self->path);
      if (jj_draft_is_draft_name (name))
        name[strlen (name) - strlen (JJ_DRAFT_SUFFIX)] = '\0';
      return g_steal_pointer (&name);
    }

  name = g_strdup (title != NULL && *title != '\0' ? title : _("Draft"));
  g_strdelimit (name, "/\\", '-');

  return g_steal_pointer (&name);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  JjDraftWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (self->path != NULL)
    {
      if (!jj_draft_window_save_to (self, self->path, &error))
        show_error (self, error->message);
      return;
    }

  base = base_name (self);
  name = g_strconcat (base, JJ_DRAFT_SUFFIX, NULL);
  run_chooser (self, _("Save Draft"), name, NULL);
}

gboolean
jj_draft_window_export_to (JjDraftWindow  *self,
                           GFile          *file,
                           const char     *format,
                           GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (JJ_IS_DRAFT_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_strcmp0 (format, "docx") == 0)
    bytes = jj_draft_to_docx (self->draft, error);
  else if (g_strcmp0 (format, "md") == 0)
    {
      char *markdown = jj_draft_to_markdown (self->draft);

      bytes = g_bytes_new_take (markdown, strlen (markdown));
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("A draft can be exported to Word (docx) or Markdown (md), not to “%s”."), format);
      return FALSE;
    }

  if (bytes == NULL)
    return FALSE;

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  JjDraftWindow *self = user_data;
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *base = base_name (self);
  g_autofree char *name = g_strconcat (base, ".", format, NULL);

  run_chooser (self, _("Export Draft"), name, format);
}

/* Adds the marked passage MARK-ID of the speech PATH as a borrowed card
 * after the current one: what "Send to Draft" does. */
static void
add_mark_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  JjDraftWindow *self = user_data;
  g_autoptr(JjDraftCard) card = NULL;
  const char *speech, *id;

  g_variant_get (param, "(&s&s)", &speech, &id);
  card = card_from_mark (self, speech, id);
  if (card != NULL)
    insert_card (self, card);
}

/* The section a passage sent to the board goes to unless the writer
 * chooses another: the one being worked on, else the first after the
 * salutation. */
guint
jj_draft_window_get_current_section (JjDraftWindow *self)
{
  guint n;

  g_return_val_if_fail (JJ_IS_DRAFT_WINDOW (self), 0);

  n = jj_draft_get_n_sections (self->draft);
  if (self->has_current && self->current_section < n)
    return self->current_section;

  return n > 1 ? 1 : 0;
}

/* Adds the marked passage MARK-ID of the speech PATH under heading N: after
 * the current card when it is under that heading, else last. What Send to
 * Draft does once the writer has chosen the section. */
static void
add_mark_to_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  JjDraftWindow *self = user_data;
  g_autoptr(JjDraftCard) card = NULL;
  const char *speech, *id;
  guint section, s, c, position;

  g_variant_get (param, "(&s&su)", &speech, &id, &section);
  if (section >= jj_draft_get_n_sections (self->draft))
    {
      show_error (self, _("The passage could not be added: the draft has no such heading any more."));
      return;
    }

  card = card_from_mark (self, speech, id);
  if (card == NULL)
    return;

  if (jj_draft_window_get_current (self, &s, &c) && s == section)
    position = c + 1;
  else
    position = jj_draft_section_get_n_cards (jj_draft_get_section (self->draft, section));
  insert_card_at (self, card, section, position);
}

/* 查重: the board's text against the library, in a window of its own. */
static void
check_reuse_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  JjDraftWindow *self = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *text = jj_draft_to_text (self->draft);

  if (!JJ_IS_APPLICATION (app))
    return;

  jj_application_check_reuse (JJ_APPLICATION (app), GTK_WINDOW (self),
                              jj_draft_get_title (self->draft), text, NULL);
}

static const GActionEntry win_actions[] = {
  { "new-card", new_card_activated },
  { "delete-card", delete_card_activated },
  { "move-card-up", move_card_up_activated },
  { "move-card-down", move_card_down_activated },
  { "new-section", new_section_activated },
  { "delete-section", delete_section_activated },
  { "move-section-up", move_section_up_activated },
  { "move-section-down", move_section_down_activated },
  { "split-card", split_card_activated },
  { "split-card-at", split_card_activated, "u" },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "save", save_activated },
  { "export", export_activated, "s" },
  { "add-mark", add_mark_activated, "(ss)" },
  { "check-reuse", check_reuse_activated },
  { "add-mark-to", add_mark_to_activated, "(ssu)" },
};

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

/* The board's keys go before the text views', which would otherwise take
 * Ctrl+Return, Ctrl+Z and Alt+arrows; Delete stays with the text view and
 * deletes the card only where no text has the focus. */
static void
add_shortcuts (JjDraftWindow *self)
{
  GtkEventController *capture = gtk_shortcut_controller_new ();
  GtkEventController *bubble = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (capture, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), "<Control>Return", "win.new-card");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), "<Control><Shift>Return", "win.split-card");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), "<Alt>Up", "win.move-card-up");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), "<Alt>Down", "win.move-card-down");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), "<Alt><Shift>Up", "win.move-section-up");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), "<Alt><Shift>Down", "win.move-section-down");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), "<Control>z", "win.undo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), "<Control><Shift>z", "win.redo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), "<Control>s", "win.save");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (capture), "<Control><Shift>Delete", "win.delete-card");
  gtk_widget_add_controller (GTK_WIDGET (self), capture);

  gtk_event_controller_set_propagation_phase (bubble, GTK_PHASE_BUBBLE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (bubble), "Delete", "win.delete-card");
  gtk_widget_add_controller (GTK_WIDGET (self), bubble);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (data);

  return G_SOURCE_REMOVE;
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     JjDraftWindow    *self)
{
  /* The window closes once the dialog is done with it. */
  if (g_str_equal (response, "discard"))
    {
      self->discard = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      g_autofree char *base = base_name (self);
      g_autofree char *name = g_strconcat (base, JJ_DRAFT_SUFFIX, NULL);

      /* Under a name chosen now: the draft's own file may be what failed. */
      self->close_after_save = TRUE;
      run_chooser (self, _("Save Draft"), name, NULL);
    }
}

static void
ask_before_closing (JjDraftWindow *self,
                    const char    *heading,
                    const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
jj_draft_window_close_request (GtkWindow *window)
{
  JjDraftWindow *self = JJ_DRAFT_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (self->discard)
    return GTK_WINDOW_CLASS (jj_draft_window_parent_class)->close_request (window);

  /* A draft never saved has no file to save to by itself. */
  if (self->path == NULL && self->dirty)
    {
      ask_before_closing (self, _("Save the draft?"),
                          _("This draft has not been saved to a file yet; "
                            "if you close it without saving, what you wrote is lost."));
      return TRUE;
    }

  if (self->dirty && !jj_draft_window_save_to (self, self->path, &error))
    {
      g_autofree char *body = g_strdup_printf (_("%s Save it under another name, or close it without saving."),
                                               error->message);

      ask_before_closing (self, _("The draft could not be saved"), body);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (jj_draft_window_parent_class)->close_request (window);
}

static void
jj_draft_window_dispose (GObject *object)
{
  JjDraftWindow *self = JJ_DRAFT_WINDOW (object);

  if (self->dirty && self->path != NULL && !self->discard)
    {
      g_autoptr(GError) error = NULL;

      if (!jj_draft_window_save_to (self, self->path, &error))
        g_warning ("Could not save the draft: %s", error->message);
    }
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (jj_draft_window_parent_class)->dispose (object);
}

static void
jj_draft_window_finalize (GObject *object)
{
  JjDraftWindow *self = JJ_DRAFT_WINDOW (object);

  g_clear_object (&self->draft);
  g_free (self->path);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (jj_draft_window_parent_class)->finalize (object);
}

static void
jj_draft_window_class_init (JjDraftWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jj_draft_window_dispose;
  object_class->finalize = jj_draft_window_finalize;
  window_class->close_request = jj_draft_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/jj-draft-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JjDraftWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, JjDraftWindow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, JjDraftWindow, sections_box);
}

static void
jj_draft_window_init (JjDraftWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = jj_draft_history_new (MAX_UNDO);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  g_object_bind_property (self->history, "can-undo",
                          g_action_map_lookup_action (G_ACTION_MAP (self), "undo"), "enabled",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->history, "can-redo",
                          g_action_map_lookup_action (G_ACTION_MAP (self), "redo"), "enabled",
                          G_BINDING_SYNC_CREATE);
  add_shortcuts (self);
  g_signal_connect_object (self->title_entry, "changed", G_CALLBACK (title_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * jj_draft_window_new:
 * @path: (nullable): the file of the draft, or %NULL until it is saved
 */
JjDraftWindow *
jj_draft_window_new (GtkApplication *application,
                     JjDraft        *draft,
                     const char     *path)
{
  JjDraftWindow *self;

  g_return_val_if_fail (JJ_IS_DRAFT (draft), NULL);

  self = g_object_new (JJ_TYPE_DRAFT_WINDOW, "application", application, NULL);
  self->draft = g_object_ref (draft);
  self->path = g_strdup (path);
  rebuild (self);
  record_recent (self);

  return self;
}

JjDraftWindow *
jj_draft_window_open (GtkApplication  *application,
                      const char      *path,
                      GError         **error)
{
  g_autoptr(JjDraft) draft = jj_draft_load (path, error);

  if (draft == NULL)
    return NULL;

  return jj_draft_window_new (application, draft, path);
}

JjDraft *
jj_draft_window_get_draft (JjDraftWindow *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_WINDOW (self), NULL);

  return self->draft;
}

const char *
jj_draft_window_get_path (JjDraftWindow *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_WINDOW (self), NULL);

  return self->path;
}
