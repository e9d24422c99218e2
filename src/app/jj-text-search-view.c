/* jj-text-search-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-citation.h"
#include "jj-hit-row.h"
#include "jj-language.h"
#include "jj-library-text-index.h"
#include "jj-text-search-view.h"

/* More hits than anyone reads, and as many rows as a list box builds
 * without a pause; the count says when there are more. The search itself
 * takes more, so that sorting sees more than the first speeches.
 */
#define MAX_HITS 300
#define MAX_SORTED_HITS 3000

struct _JjTextSearchView
{
  GtkBox        parent_instance;

  JjTextIndex  *index;
  GCancellable *cancellable;
  char         *query;
  gboolean      indexing;
  gboolean      update_again;
  JjLibrary    *pending_library;
  JjTextSearchSort sort;
  GPtrArray    *hit_rows;   /* JjHitRow, owned by the list */

  GtkLabel     *status;
  GtkDropDown  *sort_dropdown;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (JjTextSearchView, jj_text_search_view, GTK_TYPE_BOX)

enum
{
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (JjTextSearchView *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->hit_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static GtkWidget *
make_header_row (const JjTextHit *hit,
                 guint            count)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *base = g_path_get_basename (hit->path);
  g_autofree char *hits = g_strdup_printf (ngettext ("%u hit", "%u hits", count), count);

  if (hit->date != 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (hit->date);

      date = jj_citation_format_date (time);
    }
  markup = g_markup_printf_escaped ("<b>%s</b>  <span size=\"small\">%s%s%s</span>",
                                    hit->title != NULL && hit->title[0] != '\0' ? hit->title : base,
                                    date != NULL ? date : "", date != NULL ? " · " : "", hits);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  jj_language_speech_labels (row);
  return row;
}

typedef struct
{
  guint  first;   /* in the index's order */
  guint  n;
  gint64 date;
} Group;

/* Relevance: the speeches that say it most, first; date: the newest first,
 * those without a date last. Ties keep the index's order. */
static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Group *ga = a;
  const Group *gb = b;
  JjTextSearchSort sort = GPOINTER_TO_INT (user_data);

  if (sort == JJ_TEXT_SEARCH_SORT_DATE && ga->date != gb->date)
    return ga->date < gb->date ? 1 : -1;
  if (ga->n != gb->n)
    return ga->n < gb->n ? 1 : -1;
  return ga->first < gb->first ? -1 : ga->first > gb->first;
}

static void
run_search (JjTextSearchView *self)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autofree char *status = NULL;
  guint n_documents = 0;

  clear_list (self);
  if (self->indexing || self->index == NULL)
    return;

  if (self->query == NULL || self->query[0] == '\0')
    {
      gtk_label_set_label (self->status, _("Type a word or phrase to find it in the full text of every speech."));
      return;
    }

  hits = jj_text_index_search (self->index, self->query, MAX_SORTED_HITS, &error);
  if (hits == NULL)
    {
      gtk_label_set_label (self->status, error->message);
      return;
    }

  groups = g_array_new (FALSE, FALSE, sizeof (Group));
  for (guint i = 0; i < hits->len;)
    {
      JjTextHit *first = g_ptr_array_index (hits, i);
      Group group = { i, 0, first->date };

      while (i + group.n < hits->len
             && g_str_equal (((JjTextHit *)g_ptr_array_index (hits, i + group.n))->path, first->path))
        group.n++;
      g_array_append_val (groups, group);
      i += group.n;
    }
  g_array_sort_with_data (groups, compare_groups, GINT_TO_POINTER (self->sort));

  for (guint g = 0; g < groups->len && self->hit_rows->len < MAX_HITS; g++)
    {
      const Group *group = &g_array_index (groups, Group, g);

      gtk_list_box_append (self->list, make_header_row (g_ptr_array_index (hits, group->first), group->n));
      for (guint k = 0; k < group->n && self->hit_rows->len < MAX_HITS; k++)
        {
          GtkWidget *row = jj_hit_row_new (g_ptr_array_index (hits, group->first + k));

          gtk_list_box_append (self->list, row);
          g_ptr_array_add (self->hit_rows, row);
        }
    }
  n_documents = groups->len;

  if (hits->len == 0)
    status = g_strdup (_("Not found in any speech."));
  else if (hits->len == 1)
    status = g_strdup (_("Found once."));
  else if (hits->len >= MAX_SORTED_HITS || hits->len > self->hit_rows->len)
    status = g_strdup_printf (ngettext ("The first %u hits, in %u speech", "The first %u hits, in %u speeches",
                                        n_documents),
                              self->hit_rows->len, n_documents);
  else
    status = g_strdup_printf (ngettext ("%u hits in %u speech", "%u hits in %u speeches", n_documents),
                              hits->len, n_documents);
  gtk_label_set_label (self->status, status);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  JjTextSearchView *self = user_data;
  g_autofree char *status = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  status = g_strdup_printf (_("Indexing speeches: %u of %u"), done, total);
  gtk_label_set_label (self->status, status);
}

static void
start_update (JjTextSearchView *self,
              JjLibrary        *library);

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JjTextSearchView) self = user_data;
  g_autoptr(GError) error = NULL;

  self->indexing = FALSE;
  if (!jj_library_text_index_update_finish (JJ_TEXT_INDEX (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->status, error->message);
      return;
    }

  if (self->update_again && self->pending_library != NULL)
    {
      g_autoptr(JjLibrary) library = g_steal_pointer (&self->pending_library);

      self->update_again = FALSE;
      start_update (self, library);
      return;
    }
  run_search (self);
}

static void
start_update (JjTextSearchView *self,
              JjLibrary        *library)
{
  if (self->index == NULL)
    self->index = g_object_ref (jj_library_text_index_get_default ());

  self->indexing = TRUE;
  clear_list (self);
  gtk_label_set_label (self->status, _("Looking for speeches…"));

  jj_library_text_index_update_async (self->index, library, self->cancellable,
                                      progress_cb, G_OBJECT (self),
                                      update_cb, g_object_ref (self));
}

/**
 * jj_text_search_view_update:
 *
 * Brings the full-text index up to date with the speeches of @library
 * (those opened and those in its folders), in a thread, showing progress;
 * then searches again.
 */
void
jj_text_search_view_update (JjTextSearchView *self,
                            JjLibrary        *library)
{
  g_return_if_fail (JJ_IS_TEXT_SEARCH_VIEW (self));
  g_return_if_fail (JJ_IS_LIBRARY (library));

  if (self->indexing)
    {
      self->update_again = TRUE;
      g_set_object (&self->pending_library, library);
      return;
    }
  start_update (self, library);
}

gboolean
jj_text_search_view_is_indexing (JjTextSearchView *self)
{
  g_return_val_if_fail (JJ_IS_TEXT_SEARCH_VIEW (self), FALSE);

  return self->indexing;
}

void
jj_text_search_view_set_query (JjTextSearchView *self,
                               const char       *query)
{
  g_return_if_fail (JJ_IS_TEXT_SEARCH_VIEW (self));

  if (g_strcmp0 (query, self->query) == 0 && self->hit_rows->len > 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  run_search (self);
}

guint
jj_text_search_view_get_n_hits (JjTextSearchView *self)
{
  g_return_val_if_fail (JJ_IS_TEXT_SEARCH_VIEW (self), 0);

  return self->hit_rows->len;
}

/* Returns: (transfer none) (nullable): the row of hit @n */
GtkListBoxRow *
jj_text_search_view_get_hit_row (JjTextSearchView *self,
                                 guint             n)
{
  g_return_val_if_fail (JJ_IS_TEXT_SEARCH_VIEW (self), NULL);

  return n < self->hit_rows->len ? g_ptr_array_index (self->hit_rows, n) : NULL;
}

static void
row_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  JjTextSearchView *self)
{
  const JjTextHit *hit;

  if (!JJ_IS_HIT_ROW (row))
    return;
  hit = jj_hit_row_get_hit (JJ_HIT_ROW (row));
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit->path, hit->start, hit->end);
}

/**
 * jj_text_search_view_set_sort:
 *
 * Orders the speeches by relevance (those with the most hits first) or by
 * date (the newest first); hits stay in text order within a speech.
 */
void
jj_text_search_view_set_sort (JjTextSearchView *self,
                              JjTextSearchSort  sort)
{
  g_return_if_fail (JJ_IS_TEXT_SEARCH_VIEW (self));

  if (gtk_drop_down_get_selected (self->sort_dropdown) != (guint)sort)
    {
      gtk_drop_down_set_selected (self->sort_dropdown, sort);
      return;
    }
  if (self->sort == sort)
    return;
  self->sort = sort;
  run_search (self);
}

JjTextSearchSort
jj_text_search_view_get_sort (JjTextSearchView *self)
{
  g_return_val_if_fail (JJ_IS_TEXT_SEARCH_VIEW (self), JJ_TEXT_SEARCH_SORT_RELEVANCE);

  return self->sort;
}

static void
sort_selected_cb (JjTextSearchView *self)
{
  jj_text_search_view_set_sort (self, gtk_drop_down_get_selected (self->sort_dropdown));
}

static void
jj_text_search_view_dispose (GObject *object)
{
  JjTextSearchView *self = JJ_TEXT_SEARCH_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->pending_library);

  G_OBJECT_CLASS (jj_text_search_view_parent_class)->dispose (object);
}

static void
jj_text_search_view_finalize (GObject *object)
{
  JjTextSearchView *self = JJ_TEXT_SEARCH_VIEW (object);

  g_clear_object (&self->index);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->hit_rows, g_ptr_array_unref);
  g_free (self->query);

  G_OBJECT_CLASS (jj_text_search_view_parent_class)->finalize (object);
}

static void
jj_text_search_view_class_init (JjTextSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jj_text_search_view_dispose;
  object_class->finalize = jj_text_search_view_finalize;

  /**
   * JjTextSearchView::hit-activated:
   * @path: the speech
   * @start: the hit's first character in the display text
   * @end: the character after the hit
   */
  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
}

static void
jj_text_search_view_init (JjTextSearchView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->cancellable = g_cancellable_new ();
  self->hit_rows = g_ptr_array_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->status));

  {
    const char *sorts[] = { N_("Relevance"), N_("Date, Newest First"), NULL };
    g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

    for (guint i = 0; sorts[i] != NULL; i++)
      gtk_string_list_append (model, _(sorts[i]));
    self->sort_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL));
  }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sort_dropdown), _("Order of the Speeches"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sort_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Order of the Speeches"), -1);
  gtk_widget_set_valign (GTK_WIDGET (self->sort_dropdown), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (sort_selected_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->sort_dropdown));

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (self), bar);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hits in the Full Text"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);
}

GtkWidget *
jj_text_search_view_new (void)
{
  return g_object_new (JJ_TYPE_TEXT_SEARCH_VIEW, NULL);
}
