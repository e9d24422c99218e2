/* jj-library-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-application.h"
#include "jj-citation.h"
#include "jj-draft-window.h"
#include "jj-exporter.h"
#include "jj-language.h"
#include "jj-library-query.h"
#include "jj-library-watcher.h"
#include "jj-library-window.h"
#include "jj-mark-kind.h"
#include "jj-mark-store.h"
#include "jj-passage.h"
#include "jj-text-search-view.h"
#include "jj-tooltip.h"

struct _JjLibraryWindow
{
  AdwWindow          parent_instance;

  JjLibrary         *library;
  JjLibraryQuery    *query;
  GListStore        *results;
  GtkMultiSelection *selection;
  GStrv              tags;
  GStrv              authors;   /* the author filter's choices after "Everyone" */
  GStrv              documents;
  gboolean           busy;
  gboolean           refresh_again;

  /* While the window is open, a change on disk refreshes it, one refresh
   * at a time: JjLibrary is only touched by the refresh thread or, when
   * none runs, by this window. */
  JjLibraryWatcher  *watcher;

  GtkLabel          *count_label;
  GtkMenuButton     *export_button;
  GtkDropDown       *date_dropdown;
  GtkDropDown       *document_dropdown;
  GtkDropDown       *kind_dropdown;
  GtkListView       *list_view;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *sort_dropdown;
  GtkSpinner        *spinner;
  GtkStack          *stack;
  GtkDropDown       *tag_dropdown;
  GtkDropDown       *author_dropdown;
  AdwToastOverlay   *toast_overlay;

  /* The scope: marked passages, or the full text of every speech. */
  GtkToggleButton   *all_text_button;
  JjTextSearchView  *text_view;
};

G_DEFINE_FINAL_TYPE (JjLibraryWindow, jj_library_window, ADW_TYPE_WINDOW)

static guint
dropdown_index (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static const char *
strv_choice (GStrv        strv,
             GtkDropDown *dropdown)
{
  guint selected = dropdown_index (dropdown);

  if (selected == 0 || strv == NULL || selected > g_strv_length (strv))
    return NULL;

  return strv[selected - 1];
}

/* The passages exported and copied: the selected ones, else all shown.
 * The export button says which and how many ("导出 14 段"), so a
 * selection left from a double-click is never exported silently. */
static guint
n_selected (JjLibraryWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (selected);
}

static char *
dup_export_label (JjLibraryWindow *self)
{
  guint selected = n_selected (self);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (selected > 0)
    return g_strdup_printf (ngettext ("Export %u Selected Passage", "Export %u Selected Passages", selected),
                            selected);

  return g_strdup_printf (ngettext ("Export %u Passage", "Export %u Passages", shown), shown);
}

static void
update_export_label (JjLibraryWindow *self)
{
  g_autofree char *label = dup_export_label (self);

  gtk_menu_button_set_label (self->export_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0);
}

static void
run_query (JjLibraryWindow *self)
{
  static const JjLibrarySort sorts[] = {
    JJ_LIBRARY_SORT_DATE, JJ_LIBRARY_SORT_DOCUMENT, JJ_LIBRARY_SORT_KIND,
  };
  static const int days[] = { 0, 7, 31, 366 };
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *count = NULL;
  guint kind = dropdown_index (self->kind_dropdown);
  guint date = MIN (dropdown_index (self->date_dropdown), G_N_ELEMENTS (days) - 1);
  guint sort = MIN (dropdown_index (self->sort_dropdown), G_N_ELEMENTS (sorts) - 1);

  if (self->busy)
    return;

  if (gtk_toggle_button_get_active (self->all_text_button))
    {
      jj_text_search_view_set_query (self->text_view, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      gtk_stack_set_visible_child_name (self->stack, "text");
      return;
    }

  jj_library_query_set_text (self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  jj_library_query_set_kind (self->query, kind > 0 ? jj_mark_kind_get_nth (kind - 1)->key : NULL);
  jj_library_query_set_tag (self->query, strv_choice (self->tags, self->tag_dropdown));
  jj_library_query_set_author (self->query, strv_choice (self->authors, self->author_dropdown));
  jj_library_query_set_document (self->query, strv_choice (self->documents, self->document_dropdown));
  jj_library_query_set_sort (self->query, sorts[sort]);
  if (days[date] > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) from = g_date_time_add_days (now, -days[date]);

      jj_library_query_set_date_range (self->query, from, NULL);
    }
  else
    {
      jj_library_query_set_date_range (self->query, NULL, NULL);
    }

  found = jj_library_search (self->library, self->query);
  /* A new search starts with nothing chosen. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       found->pdata, found->len);
  update_export_label (self);

  count = g_strdup_printf (ngettext ("%u passage", "%u passages", found->len), found->len);
  gtk_label_set_label (self->count_label, count);

  if (jj_library_get_n_passages (self->library) == 0)
    {
      AdwStatusPage *page = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty"));

      adw_status_page_set_icon_name (page, "starred-symbolic");
      adw_status_page_set_title (page, _("No Marked Passages"));
      adw_status_page_set_description (page, _("Passages you mark in any speech appear here"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (found->len == 0)
    {
      AdwStatusPage *page = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty"));
      const char *text = jj_library_query_get_text (self->query);
      g_autofree char *description = NULL;

      if (text != NULL && g_strstrip (g_strdup (text))[0] != '\0')
        description = g_strdup_printf (_("No quote, note, tag or section matches “%s” with the chosen filters."),
                                       text);
      else
        description = g_strdup (_("No passage matches the chosen filters."));

      adw_status_page_set_icon_name (page, "edit-find-symbolic");
      adw_status_page_set_title (page, _("No Passages Found"));
      adw_status_page_set_description (page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

/* Everyone's passages, then the user's own (My Marks) when there are any,
 * then each colleague's: a team's folder holds several writers' marks. */
static void
fill_authors (JjLibraryWindow *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GSettings) settings = g_settings_new ("org.jiejian.Jiejian");
  g_autofree char *me = g_settings_get_string (settings, "author");
  g_auto(GStrv) authors = jj_library_dup_authors (self->library);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  if (me[0] == '\0')
    {
      g_free (me);
      me = g_strdup (g_get_real_name ());
    }
  gtk_string_list_append (choices, _("Everyone"));
  if (g_strv_contains ((const char * const *) authors, me))
    {
      g_strv_builder_add (keys, me);
      gtk_string_list_append (choices, _("My Marks"));
    }
  for (guint i = 0; authors[i] != NULL; i++)
    if (!g_str_equal (authors[i], me))
      {
        g_strv_builder_add (keys, authors[i]);
        gtk_string_list_append (choices, authors[i]);
      }

  g_strfreev (self->authors);
  self->authors = g_strv_builder_end (keys);
  gtk_drop_down_set_model (self->author_dropdown, G_LIST_MODEL (choices));
  gtk_widget_set_visible (GTK_WIDGET (self->author_dropdown), g_strv_length (authors) > 1);
}

static void
fill_filters (JjLibraryWindow *self)
{
  g_autoptr(GtkStringList) tags = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) documents = gtk_string_list_new (NULL);

  g_strfreev (self->tags);
  self->tags = jj_library_dup_tags (self->library);
  gtk_string_list_append (tags, _("All Tags"));
  for (guint i = 0; self->tags[i] != NULL; i++)
    gtk_string_list_append (tags, self->tags[i]);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (tags));

  fill_authors (self);

  g_strfreev (self->documents);
  self->documents = jj_library_dup_document_paths (self->library);
  gtk_string_list_append (documents, _("All Speeches"));
  for (guint i = 0; self->documents[i] != NULL; i++)
    {
      g_autofree char *title = jj_library_dup_document_title (self->library, self->documents[i]);
      g_autofree char *base = g_path_get_basename (self->documents[i]);

      gtk_string_list_append (documents, title && *title ? title : base);
    }
  gtk_drop_down_set_model (self->document_dropdown, G_LIST_MODEL (documents));
}

static void start_refresh (JjLibraryWindow *self,
                           gboolean         quietly);

/* The library's folders, and the user's own folder of sidecars kept for
 * speeches in folders that cannot be written. */
static void
update_watched_folders (JjLibraryWindow *self)
{
  g_auto(GStrv) folders = jj_library_dup_folders (self->library);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *fallback = jj_mark_store_dup_fallback_folder ();
  g_auto(GStrv) watched = NULL;

  g_strv_builder_addv (builder, (const char **)folders);
  g_strv_builder_add (builder, fallback);
  watched = g_strv_builder_end (builder);
  jj_library_watcher_set_folders (self->watcher, (const char * const *)watched);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JjLibraryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->busy = FALSE;
  if (self->library == NULL)
    return;
  gtk_spinner_stop (self->spinner);

  if (!ok)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));

  update_watched_folders (self);
  fill_filters (self);
  if (gtk_toggle_button_get_active (self->all_text_button))
    jj_text_search_view_update (self->text_view, self->library);
  run_query (self);

  /* Changes seen while this refresh ran may have come after it read them. */
  if (self->refresh_again)
    start_refresh (self, TRUE);
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  JjLibrary *library = task_data;
  GError *error = NULL;

  /* The window does not touch the library until this returns. */
  if (!jj_library_refresh (library, cancellable, &error) ||
      !jj_library_save_index (library, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* @quietly keeps the list shown while the refresh runs: a change on disk
 * should not blank the window. */
static void
start_refresh (JjLibraryWindow *self,
               gboolean         quietly)
{
  g_autoptr(GTask) task = NULL;

  if (self->busy)
    {
      self->refresh_again = TRUE;
      return;
    }

  self->busy = TRUE;
  self->refresh_again = FALSE;
  gtk_spinner_start (self->spinner);
  if (!quietly)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  task = g_task_new (NULL, NULL, refresh_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (self->library), g_object_unref);
  g_task_run_in_thread (task, refresh_thread);
}

static void
jj_library_window_refresh (JjLibraryWindow *self)
{
  start_refresh (self, FALSE);
}

static void
folders_changed_cb (JjLibraryWindow *self)
{
  g_debug ("The library's folders changed on disk: refreshing");
  start_refresh (self, TRUE);
}

/* A passage dragged onto the draft board becomes a borrowed card there. */
static GdkContentProvider *
passage_drag_prepare_cb (GtkDragSource *source,
                         double         x,
                         double         y,
                         GtkListItem   *item)
{
  JjPassage *passage = gtk_list_item_get_item (item);

  if (passage == NULL || jj_passage_get_document_status (passage) == JJ_DOCUMENT_STATUS_MISSING)
    return NULL;

  return jj_draft_window_mark_content (jj_passage_get_document_path (passage), jj_passage_get_id (passage));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              JjLibraryWindow          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *quote = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *source = gtk_label_new (NULL);
  GtkDragSource *drag;

  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "caption");
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_add_css_class (source, "dim-label");

  gtk_box_append (GTK_BOX (box), quote);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), source);
  g_object_set_data (G_OBJECT (box), "quote", quote);
  g_object_set_data (G_OBJECT (box), "meta", meta);
  g_object_set_data (G_OBJECT (box), "source", source);
  jj_language_speech_labels (box);
  gtk_list_item_set_child (item, box);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (passage_drag_prepare_cb), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drag));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JjLibraryWindow          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  JjPassage *passage = gtk_list_item_get_item (item);
  const char * const *tags = jj_passage_get_tags (passage);
  const char *note = jj_passage_get_note (passage);
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *kind = NULL;
  g_autofree char *source = jj_citation_format_source (passage);
  g_autofree char *status = NULL;

  {
    g_autofree char *quote = jj_library_query_markup (self->query, jj_passage_get_quote (passage));

    gtk_label_set_markup (g_object_get_data (G_OBJECT (box), "quote"), quote);
  }

  kind = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s",
                                  jj_mark_kind_get_color (jj_passage_get_kind (passage)),
                                  jj_mark_kind_get_label (jj_passage_get_kind (passage)));
  g_string_append (meta, kind);
  /* Why the passage was found: the words matched, highlighted. */
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = jj_library_query_markup (self->query, tags[i]);

      g_string_append_printf (meta, "  #%s", tag);
    }
  if (note != NULL && note[0] != '\0')
    {
      g_autofree char *escaped = jj_library_query_markup (self->query, note);

      g_string_append_printf (meta, "  — %s", escaped);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->author_dropdown)) && jj_passage_get_author (passage) != NULL &&
      jj_passage_get_author (passage)[0] != '\0')
    {
      g_autofree char *by = g_markup_printf_escaped ("  · %s", jj_passage_get_author (passage));

      g_string_append (meta, by);
    }
  gtk_label_set_markup (g_object_get_data (G_OBJECT (box), "meta"), meta->str);

  switch (jj_passage_get_document_status (passage))
    {
    case JJ_DOCUMENT_STATUS_MOVED:
      status = g_strdup_printf ("%s · %s", source, _("moved"));
      break;
    case JJ_DOCUMENT_STATUS_MISSING:
      status = g_strdup_printf ("%s · %s", source, _("speech not found"));
      break;
    case JJ_DOCUMENT_STATUS_PRESENT:
    default:
      status = g_strdup (source);
      break;
    }
  {
    g_autofree char *markup = jj_library_query_markup (self->query, status);

    gtk_label_set_markup (g_object_get_data (G_OBJECT (box), "source"), markup);
  }
}

static void
locate_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    JjLibraryWindow *self)
{
  const char *old_path = g_object_get_data (G_OBJECT (dialog), "old-path");

  if (response == GTK_RESPONSE_ACCEPT && self->busy)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The library is being brought up to date. Locate the speech again in a moment.")));
  else if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!jj_library_relocate (self->library, old_path, file, &error))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      else
        jj_library_window_refresh (self);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
locate_document (JjLibraryWindow *self,
                 JjPassage       *passage)
{
  GtkFileChooserNative *native;
  g_autofree char *title = g_strdup_printf (_("Where Is “%s” Now?"), jj_passage_get_document_title (passage));

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data_full (G_OBJECT (native), "old-path",
                          g_strdup (jj_passage_get_document_path (passage)), g_free);
  g_signal_connect (native, "response", G_CALLBACK (locate_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
activate_cb (GtkListView     *list_view,
             guint            position,
             JjLibraryWindow *self)
{
  g_autoptr(JjPassage) passage = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  g_autoptr(GFile) file = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (passage == NULL)
    return;

  if (jj_passage_get_document_status (passage) == JJ_DOCUMENT_STATUS_MISSING)
    {
      locate_document (self, passage);
      return;
    }

  file = g_file_new_for_path (jj_passage_get_document_path (passage));
  if (JJ_IS_APPLICATION (app))
    jj_application_open_at (JJ_APPLICATION (app), file,
                            jj_passage_get_start (passage), jj_passage_get_end (passage));
}

/* The chosen passages, or every one shown when none is chosen. */
static GPtrArray *
chosen_passages (JjLibraryWindow *self)
{
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  for (guint i = 0; i < n; i++)
    {
      if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
        g_ptr_array_add (chosen, g_list_model_get_item (G_LIST_MODEL (self->results), i));
    }

  if (chosen->len == 0)
    {
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (chosen, g_list_model_get_item (G_LIST_MODEL (self->results), i));
    }

  return chosen;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  JjLibraryWindow *self = JJ_LIBRARY_WINDOW (widget);
  g_autoptr(GPtrArray) chosen = chosen_passages (self);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *message = NULL;

  if (chosen->len == 0)
    return;

  for (guint i = 0; i < chosen->len; i++)
    {
      g_autofree char *citation = jj_citation_format (g_ptr_array_index (chosen, i));

      if (i > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, citation);
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
  message = g_strdup_printf (ngettext ("Copied %u passage with its citation",
                                       "Copied %u passages with their citations", chosen->len),
                             chosen->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    JjLibraryWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) chosen = chosen_passages (self);
      g_autoptr(GError) error = NULL;
      JjExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

      if (!jj_exporter_save_passages ((JjPassage **) chosen->pdata, chosen->len, _("Borrowed Passages"),
                                      format, file, NULL, &error))
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
        }
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (ngettext ("Exported %u passage to “%s”",
                                                                "Exported %u passages to “%s”", chosen->len),
                                                      chosen->len, name);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  JjLibraryWindow *self = JJ_LIBRARY_WINDOW (widget);
  GtkFileChooserNative *native;
  JjExportFormat format;
  g_autofree char *name = NULL;

  if (!jj_export_format_from_string (g_variant_get_string (param, NULL), &format))
    return;

  {
    g_autofree char *title = dup_export_label (self);

    native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  }
  /* Translators: the default name of an exported file, without extension */
  name = g_strdup_printf ("%s.%s", _("Borrowed passages"), jj_export_format_get_extension (format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "format", GINT_TO_POINTER (format));
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
scope_changed_cb (JjLibraryWindow *self)
{
  gboolean all_text = gtk_toggle_button_get_active (self->all_text_button);

  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), !all_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_dropdown), !all_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->author_dropdown), !all_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->document_dropdown), !all_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_dropdown), !all_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sort_dropdown), !all_text);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !all_text);
  if (all_text && !self->busy)
    jj_text_search_view_update (self->text_view, self->library);
  run_query (self);
}

static void
hit_activated_cb (JjLibraryWindow *self,
                  const char      *path,
                  guint            start,
                  guint            end)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (JJ_IS_APPLICATION (app))
    jj_application_open_at (JJ_APPLICATION (app), file, start, end);
}

/**
 * jj_library_window_set_all_text:
 *
 * Searches the full text of every speech instead of the marked passages.
 */
void
jj_library_window_set_all_text (JjLibraryWindow *self,
                                gboolean         all_text)
{
  g_return_if_fail (JJ_IS_LIBRARY_WINDOW (self));

  gtk_toggle_button_set_active (self->all_text_button, all_text);
}

/* Returns: (transfer none): the full-text results */
JjTextSearchView *
jj_library_window_get_text_view (JjLibraryWindow *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY_WINDOW (self), NULL);

  return self->text_view;
}

guint
jj_library_window_get_n_shown (JjLibraryWindow *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY_WINDOW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->results));
}

void
jj_library_window_set_search (JjLibraryWindow *self,
                              const char      *text)
{
  g_return_if_fail (JJ_IS_LIBRARY_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  run_query (self);
}

static void
jj_library_window_dispose (GObject *object)
{
  JjLibraryWindow *self = (JjLibraryWindow *)object;

  if (self->watcher != NULL)
    g_signal_handlers_disconnect_by_func (self->watcher, folders_changed_cb, self);
  g_clear_object (&self->watcher);
  g_clear_object (&self->library);
  g_clear_object (&self->query);
  g_clear_object (&self->results);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->documents, g_strfreev);

  gtk_widget_dispose_template (GTK_WIDGET (self), JJ_TYPE_LIBRARY_WINDOW);

  G_OBJECT_CLASS (jj_library_window_parent_class)->dispose (object);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (JJ_LIBRARY_WINDOW (widget)->search_entry));
}

static void
jj_library_window_class_init (JjLibraryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jj_library_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/jj-library-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, author_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JjLibraryWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "library.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "library.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "library.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "library.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "library.focus-search", NULL);
}

static void
jj_library_window_init (JjLibraryWindow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = jj_library_query_new ();
  self->watcher = jj_library_watcher_new (400);
  g_signal_connect_swapped (self->watcher, "changed", G_CALLBACK (folders_changed_cb), self);
  self->results = g_list_store_new (JJ_TYPE_PASSAGE);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->results)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_export_label), self);

  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; i < jj_mark_kind_get_n_kinds (); i++)
    gtk_string_list_append (kinds, jj_mark_kind_get_label (jj_mark_kind_get_nth (i)->key));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (run_query), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (run_query), self);
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected", G_CALLBACK (run_query), self);
  g_signal_connect_swapped (self->author_dropdown, "notify::selected", G_CALLBACK (run_query), self);
  g_signal_connect_swapped (self->document_dropdown, "notify::selected", G_CALLBACK (run_query), self);
  g_signal_connect_swapped (self->date_dropdown, "notify::selected", G_CALLBACK (run_query), self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (run_query), self);

  /* The scope switch goes before the filters, which only marked passages have. */
  {
    GtkWidget *filters = gtk_widget_get_parent (GTK_WIDGET (self->kind_dropdown));
    GtkWidget *scope = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    GtkWidget *marked = gtk_toggle_button_new_with_label (_("Marked Passages"));
    GtkWidget *all_text = gtk_toggle_button_new_with_label (_("All Text"));

    gtk_widget_add_css_class (scope, "linked");
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (all_text), GTK_TOGGLE_BUTTON (marked));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (marked), TRUE);
    gtk_widget_set_tooltip_text (all_text, _("Search the Full Text of Every Speech"));
    gtk_box_append (GTK_BOX (scope), marked);
    gtk_box_append (GTK_BOX (scope), all_text);
    gtk_box_prepend (GTK_BOX (filters), scope);
    self->all_text_button = GTK_TOGGLE_BUTTON (all_text);
    g_signal_connect_swapped (all_text, "toggled", G_CALLBACK (scope_changed_cb), self);

    self->text_view = JJ_TEXT_SEARCH_VIEW (jj_text_search_view_new ());
    gtk_stack_add_named (self->stack, GTK_WIDGET (self->text_view), "text");
    g_signal_connect_swapped (self->text_view, "hit-activated", G_CALLBACK (hit_activated_cb), self);
  }
}

GtkWidget *
jj_library_window_new (GtkApplication *application,
                       JjLibrary      *library)
{
  JjLibraryWindow *self;

  g_return_val_if_fail (JJ_IS_LIBRARY (library), NULL);

  self = g_object_new (JJ_TYPE_LIBRARY_WINDOW, "application", application, NULL);
  self->library = g_object_ref (library);
  jj_tooltip_unwrap_tree (GTK_WIDGET (self));
  /* Watching before the first refresh reads the folders: what changes
   * while it runs is read by the next. */
  update_watched_folders (self);
  jj_library_window_refresh (self);

  return GTK_WIDGET (self);
}
