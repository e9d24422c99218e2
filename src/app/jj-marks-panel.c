/* jj-marks-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jj-draft-window.h"
#include "jj-mark-kind.h"
#include "jj-mark-store.h"
#include "jj-marks-panel.h"
#include "jj-window-private.h"
#include "jj-language.h"

struct _JjMarksPanel
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  AdwStatusPage  *empty_page;
  GtkDropDown    *kind_dropdown;
  GtkListView    *list_view;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkDropDown    *tag_dropdown;
  GtkDropDown    *author_dropdown;

  GListModel     *marks;
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;
  GtkCustomFilter  *filter;
  GHashTable     *bound;       /* the list items showing a mark now */
  GStrv           tags;        /* tags offered by the tag filter, in order */
  GPtrArray      *authors;     /* the author filter's choices after "Everyone" */
  char           *me;          /* the user's name, for "My Marks" */
  gboolean        show_authors; /* the marks are not all one writer's */
  gboolean        attention;   /* only marks moved or orphaned by a reload */
  GtkWidget      *show_all;    /* the way back from that */
};

G_DEFINE_FINAL_TYPE (JjMarksPanel, jj_marks_panel, GTK_TYPE_WIDGET)

enum {
  MARK_ACTIVATED,
  REATTACH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
compare_marks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  JjMark *ma = (JjMark *) a;
  JjMark *mb = (JjMark *) b;
  gboolean oa = jj_mark_get_status (ma) == JJ_MARK_STATUS_ORPHAN;
  gboolean ob = jj_mark_get_status (mb) == JJ_MARK_STATUS_ORPHAN;

  /* Orphans are listed apart, after the placed marks. */
  if (oa != ob)
    return oa ? 1 : -1;
  if (jj_mark_get_start (ma) != jj_mark_get_start (mb))
    return jj_mark_get_start (ma) < jj_mark_get_start (mb) ? -1 : 1;

  return 0;
}

static JjMark *
row_mark (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "mark");
}

static const char *
selected_kind (JjMarksPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return jj_mark_kind_get_nth (selected - 1)->key;
}

static const char *
selected_tag (JjMarksPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->tags == NULL ||
      selected > g_strv_length (self->tags))
    return NULL;

  return self->tags[selected - 1];
}

/* NULL for everyone's marks; "" for marks of no known author. */
static const char *
selected_author (JjMarksPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->author_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->authors == NULL ||
      selected > self->authors->len)
    return NULL;

  return g_ptr_array_index (self->authors, selected - 1);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (haystack == NULL)
    return FALSE;

  h = g_utf8_casefold (haystack, -1);
  n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  JjMarksPanel *self = user_data;
  JjMark *mark = item;
  const char *kind = selected_kind (self);
  const char *tag = selected_tag (self);
  const char *author = selected_author (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->attention && jj_mark_get_status (mark) == JJ_MARK_STATUS_PLACED)
    return FALSE;
  if (kind != NULL && g_strcmp0 (jj_mark_get_kind (mark), kind) != 0)
    return FALSE;
  if (tag != NULL && !jj_mark_has_tag (mark, tag))
    return FALSE;
  if (author != NULL && g_strcmp0 (author, jj_mark_get_author (mark) ? jj_mark_get_author (mark) : "") != 0)
    return FALSE;
  if (search[0] != '\0' &&
      !contains (jj_mark_get_quote (mark), search) &&
      !contains (jj_mark_get_note (mark), search))
    return FALSE;

  return TRUE;
}

static char *
section_title (JjMark *mark)
{
  const char *section = jj_mark_get_section (mark);

  if (jj_mark_get_status (mark) == JJ_MARK_STATUS_ORPHAN)
    return g_strdup (_("Orphaned Marks"));
  if (section == NULL || section[0] == '\0')
    return g_strdup (_("Opening"));

  return g_strdup (section);
}

/* The list item's row starts with its section's title when the mark
 * before it is in another section: a list view of GTK 4.8 has no headers. */
static void
update_header (JjMarksPanel *self,
               GtkListItem  *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *header = g_object_get_data (G_OBJECT (row), "header");
  guint position = gtk_list_item_get_position (item);
  JjMark *mark = gtk_list_item_get_item (item);
  g_autofree char *title = NULL;
  g_autofree char *previous = NULL;

  if (mark == NULL || self->filtered == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  title = section_title (mark);
  if (position > 0)
    {
      g_autoptr(JjMark) before = g_list_model_get_item (G_LIST_MODEL (self->filtered), position - 1);

      previous = before != NULL ? section_title (before) : NULL;
    }

  if (previous != NULL && g_str_equal (title, previous))
    {
      if (header != NULL)
        gtk_box_remove (GTK_BOX (row), header);
      g_object_set_data (G_OBJECT (row), "header", NULL);
      return;
    }

  if (header == NULL)
    {
      header = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_set_margin_top (header, 12);
      gtk_widget_set_margin_bottom (header, 3);
      gtk_box_insert_child_after (GTK_BOX (row), header, NULL);
      g_object_set_data (G_OBJECT (row), "header", header);
    }
  gtk_label_set_text (GTK_LABEL (header), title);
  jj_language_speech_labels (header);
}

/* Inserting or removing a mark may give the row after it a header, or take
 * it away: the rows bound now are all that can show one. */
static void
update_headers_cb (JjMarksPanel *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_header (self, item);
}

static void
reattach_clicked_cb (GtkButton    *button,
                     JjMarksPanel *self)
{
  g_signal_emit (self, signals[REATTACH], 0, g_object_get_data (G_OBJECT (button), "mark"));
}

/* A mark dragged onto the draft board becomes a borrowed card there: the
 * board reads it from the sidecar, written first. */
static GdkContentProvider *
mark_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      GtkWidget     *row)
{
  JjMark *mark = row_mark (row);
  GtkRoot *root = gtk_widget_get_root (row);
  GFile *file = JJ_IS_WINDOW (root) ? jj_window_get_file (JJ_WINDOW (root)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (mark == NULL || path == NULL || jj_mark_get_status (mark) == JJ_MARK_STATUS_ORPHAN)
    return NULL;
  if (JJ_WINDOW (root)->marks != NULL)
    jj_mark_store_flush (JJ_WINDOW (root)->marks);

  return jj_draft_window_mark_content (path, jj_mark_get_id (mark));
}

/* A row: its section's title when it is the first of one, then a box
 * with the quote, the kind, tags and author, the note, and for an orphan
 * the button to re-attach it. Only the rows on screen are made. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              JjMarksPanel             *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *quote = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkDragSource *drag;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), quote);

  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), meta);

  gtk_box_append (GTK_BOX (row), box);
  g_object_set_data (G_OBJECT (row), "content", box);
  g_object_set_data (G_OBJECT (row), "quote", quote);
  g_object_set_data (G_OBJECT (row), "meta", meta);
  jj_language_speech_labels (row);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (mark_drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JjMarksPanel             *self)
{
  JjMark *mark = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *box = g_object_get_data (G_OBJECT (row), "content");
  const char * const *tags = jj_mark_get_tags (mark);
  const char *note = jj_mark_get_note (mark);
  const char *author = jj_mark_get_author (mark);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *kind_markup = NULL;

  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "quote"), jj_mark_get_quote (mark));

  kind_markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s",
                                         jj_mark_get_color (mark),
                                         jj_mark_kind_get_label (jj_mark_get_kind (mark)));
  g_string_append (markup, kind_markup);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_markup_printf_escaped ("  #%s", tags[i]);
      g_string_append (markup, tag);
    }
  if (self->show_authors && author != NULL && author[0] != '\0')
    {
      g_autofree char *by = g_markup_printf_escaped ("  · %s", author);
      g_string_append (markup, by);
    }
  gtk_label_set_markup (g_object_get_data (G_OBJECT (row), "meta"), markup->str);

  if (note != NULL && note[0] != '\0')
    {
      GtkWidget *label = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
      g_object_set_data (G_OBJECT (row), "note", label);
    }

  if (jj_mark_get_status (mark) == JJ_MARK_STATUS_ORPHAN)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Re-attach to Selection"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      g_object_set_data (G_OBJECT (button), "mark", mark);
      g_signal_connect (button, "clicked", G_CALLBACK (reattach_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      g_object_set_data (G_OBJECT (row), "button", button);
    }

  jj_language_speech_labels (row);
  g_object_set_data_full (G_OBJECT (row), "mark", g_object_ref (mark), g_object_unref);
  g_hash_table_add (self->bound, item);
  update_header (self, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               JjMarksPanel             *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *box = g_object_get_data (G_OBJECT (row), "content");

  g_hash_table_remove (self->bound, item);
  for (const char *const *key = (const char *[]) { "note", "button", NULL }; *key != NULL; key++)
    {
      GtkWidget *child = g_object_get_data (G_OBJECT (row), *key);

      if (child != NULL)
        gtk_box_remove (GTK_BOX (box), child);
      g_object_set_data (G_OBJECT (row), *key, NULL);
    }
  if (g_object_get_data (G_OBJECT (row), "header") != NULL)
    gtk_box_remove (GTK_BOX (row), g_object_get_data (G_OBJECT (row), "header"));
  g_object_set_data (G_OBJECT (row), "header", NULL);
  g_object_set_data (G_OBJECT (row), "mark", NULL);
}

static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 JjMarksPanel             *self)
{
  g_hash_table_remove (self->bound, item);
}

static void
row_activated_cb (GtkListView  *list,
                  guint         position,
                  JjMarksPanel *self)
{
  g_autoptr(JjMark) mark = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (mark != NULL && jj_mark_get_status (mark) != JJ_MARK_STATUS_ORPHAN)
    g_signal_emit (self, signals[MARK_ACTIVATED], 0, mark);
}

static void
update_tags (JjMarksPanel *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autofree char *current = g_strdup (selected_tag (self));
  guint n = self->marks ? g_list_model_get_n_items (self->marks) : 0;
  guint selected = 0;

  gtk_string_list_append (strings, _("All Tags"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (self->marks, i);
      const char * const *tags = jj_mark_get_tags (mark);

      for (guint j = 0; tags != NULL && tags[j] != NULL; j++)
        {
          if (g_hash_table_add (seen, (gpointer) tags[j]))
            {
              g_strv_builder_add (builder, tags[j]);
              gtk_string_list_append (strings, tags[j]);
              if (g_strcmp0 (current, tags[j]) == 0)
                selected = g_hash_table_size (seen);
            }
        }
    }

  g_strfreev (self->tags);
  self->tags = g_strv_builder_end (builder);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
}

/* Everyone, My Marks (when the user's name is known and has marks here),
 * then each other author of the speech's marks. Returns whether rows
 * should now show their author, or no longer. */
static gboolean
update_authors (JjMarksPanel *self)
{
  gboolean was_shown = self->show_authors;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autofree char *current = g_strdup (selected_author (self));
  guint n = self->marks ? g_list_model_get_n_items (self->marks) : 0;
  guint selected = 0;

  g_clear_pointer (&self->authors, g_ptr_array_unref);
  self->authors = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (strings, _("Everyone"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (self->marks, i);
      const char *author = jj_mark_get_author (mark) ? jj_mark_get_author (mark) : "";

      g_hash_table_add (seen, (gpointer) author);
    }
  if (self->me != NULL && g_hash_table_contains (seen, self->me))
    {
      g_ptr_array_add (self->authors, g_strdup (self->me));
      gtk_string_list_append (strings, _("My Marks"));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (self->marks, i);
      const char *author = jj_mark_get_author (mark) ? jj_mark_get_author (mark) : "";

      if (!g_hash_table_remove (seen, author) || g_strcmp0 (author, self->me) == 0)
        continue;
      g_ptr_array_add (self->authors, g_strdup (author));
      gtk_string_list_append (strings, author[0] != '\0' ? author : _("Unknown Author"));
    }
  for (guint i = 0; current != NULL && i < self->authors->len; i++)
    if (g_str_equal (current, g_ptr_array_index (self->authors, i)))
      selected = i + 1;

  gtk_drop_down_set_model (self->author_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->author_dropdown, selected);
  /* Only worth showing when the marks are not all one writer's. */
  self->show_authors = self->authors->len > 1;
  gtk_widget_set_visible (GTK_WIDGET (self->author_dropdown), self->show_authors);

  return self->show_authors != was_shown;
}

/**
 * jj_marks_panel_set_me:
 * @name: (nullable): the user's name, as marks record it
 *
 * Offers "My Marks" in the author filter.
 */
void
jj_marks_panel_set_me (JjMarksPanel *self,
                       const char   *name)
{
  g_return_if_fail (JJ_IS_MARKS_PANEL (self));

  g_free (self->me);
  self->me = name != NULL && name[0] != '\0' ? g_strdup (name) : NULL;
  if (update_authors (self))
    jj_marks_panel_refresh (self);
}

static void
update_empty (JjMarksPanel *self)
{
  guint n = self->marks ? g_list_model_get_n_items (self->marks) : 0;
  guint n_shown = self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;

  if (n == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Marks"));
      adw_status_page_set_description (self->empty_page, _("Select a passage and press 1 to 6 to mark it"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Marks Found"));
      adw_status_page_set_description (self->empty_page, _("Try another search, kind or tag"));
    }
  gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "list" : "empty");
}

/* Rows show a mark's fields: after an edit they are made again. */
void
jj_marks_panel_refresh (JjMarksPanel *self)
{
  g_return_if_fail (JJ_IS_MARKS_PANEL (self));

  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered, update_empty, self);
  g_clear_object (&self->filtered);

  if (self->sorted != NULL)
    {
      self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
      /* The filters too may leave nothing to show. */
      g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_empty), self);
    }
  update_authors (self);
  if (self->filtered != NULL)
    {
      g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));

      g_signal_connect_object (selection, "items-changed", G_CALLBACK (update_headers_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }
  else
    gtk_list_view_set_model (self->list_view, NULL);
  update_tags (self);
  update_empty (self);
}

static void
marks_changed_cb (JjMarksPanel *self)
{
  /* A colleague's first mark, come through a shared folder: every row
   * now names its writer. */
  if (update_authors (self))
    {
      jj_marks_panel_refresh (self);
      return;
    }
  update_tags (self);
  update_empty (self);
}

void
jj_marks_panel_set_marks (JjMarksPanel *self,
                          GListModel   *marks)
{
  g_return_if_fail (JJ_IS_MARKS_PANEL (self));

  if (self->marks != NULL)
    g_signal_handlers_disconnect_by_func (self->marks, marks_changed_cb, self);

  g_set_object (&self->marks, marks);
  g_clear_object (&self->sorted);

  if (marks != NULL)
    {
      self->sorted = gtk_sort_list_model_new (g_object_ref (marks),
                                              GTK_SORTER (gtk_custom_sorter_new (compare_marks, NULL, NULL)));
      g_signal_connect_swapped (marks, "items-changed", G_CALLBACK (marks_changed_cb), self);
    }

  jj_marks_panel_refresh (self);
}

/* The marks the filters let through, whether their rows are made yet or not. */
guint
jj_marks_panel_get_n_shown (JjMarksPanel *self)
{
  g_return_val_if_fail (JJ_IS_MARKS_PANEL (self), 0);

  return self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
}

static void
filter_changed_cb (JjMarksPanel *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * jj_marks_panel_set_attention:
 *
 * Shows only the marks a reload moved, found in changed wording or
 * orphaned, with a button to show them all again.
 */
void
jj_marks_panel_set_attention (JjMarksPanel *self,
                              gboolean      attention)
{
  g_return_if_fail (JJ_IS_MARKS_PANEL (self));

  self->attention = attention;
  gtk_widget_set_visible (self->show_all, attention);
  filter_changed_cb (self);
}

static void
show_all_cb (JjMarksPanel *self)
{
  jj_marks_panel_set_attention (self, FALSE);
}

static void
jj_marks_panel_dispose (GObject *object)
{
  JjMarksPanel *self = (JjMarksPanel *)object;

  if (self->marks != NULL)
    g_signal_handlers_disconnect_by_func (self->marks, marks_changed_cb, self);
  g_clear_object (&self->marks);
  g_clear_object (&self->sorted);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered, update_empty, self);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->me, g_free);
  g_clear_object (&self->filter);

  gtk_widget_dispose_template (GTK_WIDGET (self), JJ_TYPE_MARKS_PANEL);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (jj_marks_panel_parent_class)->dispose (object);
}

static void
jj_marks_panel_class_init (JjMarksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jj_marks_panel_dispose;

  signals[MARK_ACTIVATED] =
    g_signal_new ("mark-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, JJ_TYPE_MARK);
  signals[REATTACH] =
    g_signal_new ("reattach", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, JJ_TYPE_MARK);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/jj-marks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, JjMarksPanel, box);
  gtk_widget_class_bind_template_child (widget_class, JjMarksPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JjMarksPanel, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JjMarksPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, JjMarksPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JjMarksPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, JjMarksPanel, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JjMarksPanel, author_dropdown);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markspanel");
}

static void
jj_marks_panel_init (JjMarksPanel *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; i < jj_mark_kind_get_n_kinds (); i++)
    gtk_string_list_append (kinds, jj_mark_kind_get_label (jj_mark_kind_get_nth (i)->key));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  self->show_all = gtk_button_new_with_mnemonic (_("Moved and Orphaned Marks Only — Show _All"));
  gtk_widget_add_css_class (self->show_all, "flat");
  gtk_widget_set_visible (self->show_all, FALSE);
  g_signal_connect_swapped (self->show_all, "clicked", G_CALLBACK (show_all_cb), self);
  gtk_box_prepend (GTK_BOX (self->box), self->show_all);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->bound = g_hash_table_new (NULL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->author_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);

  update_tags (self);
  update_authors (self);
  update_empty (self);
}

GtkWidget *
jj_marks_panel_new (void)
{
  return g_object_new (JJ_TYPE_MARKS_PANEL, NULL);
}
