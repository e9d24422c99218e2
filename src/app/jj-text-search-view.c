/* jj-text-search-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-citation.h"
#include "jj-text-index.h"
#include "jj-text-search-view.h"
#include "jj-language.h"

/* More hits than anyone reads, and as many rows as a list box builds
 * without a pause; the count says when there are more.
 */
#define MAX_HITS 300

struct _JjTextSearchView
{
  GtkBox        parent_instance;

  JjTextIndex  *index;
  gboolean      index_open;
  GCancellable *cancellable;
  char         *query;
  gboolean      indexing;
  gboolean      update_again;
  JjLibrary    *pending_library;
  GPtrArray    *hit_rows;   /* GtkListBoxRow, owned by the list */

  GtkLabel     *status;
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

static GtkWidget *
make_hit_row (const JjTextHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *context = gtk_label_new (NULL);
  GtkWidget *section = gtk_label_new (hit->section);
  const char *start = g_utf8_offset_to_pointer (hit->context, hit->context_hit_start);
  const char *end = g_utf8_offset_to_pointer (hit->context, hit->context_hit_end);
  g_autofree char *before = g_markup_escape_text (hit->context, start - hit->context);
  g_autofree char *word = g_markup_escape_text (start, end - start);
  g_autofree char *after = g_markup_escape_text (end, -1);
  g_autofree char *markup = g_strdup_printf ("%s<b><u>%s</u></b>%s", before, word, after);

  gtk_label_set_markup (GTK_LABEL (context), markup);
  gtk_label_set_xalign (GTK_LABEL (context), 0);
  gtk_label_set_wrap (GTK_LABEL (context), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (context), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (section), 0);
  gtk_label_set_ellipsize (GTK_LABEL (section), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (section, "caption");
  gtk_widget_add_css_class (section, "dim-label");
  gtk_widget_set_visible (section, hit->section != NULL && hit->section[0] != '\0');

  gtk_box_append (GTK_BOX (box), context);
  gtk_box_append (GTK_BOX (box), section);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  jj_language_speech_labels (row);

  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (hit->path), g_free);
  g_object_set_data (G_OBJECT (row), "start", GUINT_TO_POINTER (hit->start));
  g_object_set_data (G_OBJECT (row), "end", GUINT_TO_POINTER (hit->end));
  return row;
}

static void
run_search (JjTextSearchView *self)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
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

  hits = jj_text_index_search (self->index, self->query, MAX_HITS, &error);
  if (hits == NULL)
    {
      gtk_label_set_label (self->status, error->message);
      return;
    }

  for (guint i = 0; i < hits->len;)
    {
      JjTextHit *first = g_ptr_array_index (hits, i);
      guint n = 0;

      while (i + n < hits->len
             && g_str_equal (((JjTextHit *)g_ptr_array_index (hits, i + n))->path, first->path))
        n++;

      gtk_list_box_append (self->list, make_header_row (first, n));
      for (guint k = 0; k < n; k++)
        {
          GtkWidget *row = make_hit_row (g_ptr_array_index (hits, i + k));

          gtk_list_box_append (self->list, row);
          g_ptr_array_add (self->hit_rows, row);
        }
      n_documents++;
      i += n;
    }

  if (hits->len == 0)
    status = g_strdup (_("Not found in any speech."));
  else if (hits->len == 1)
    status = g_strdup (_("Found once."));
  else if (hits->len >= MAX_HITS)
    status = g_strdup_printf (ngettext ("The first %u hits, in %u speech", "The first %u hits, in %u speeches",
                                        n_documents),
                              hits->len, n_documents);
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
  g_autofree char *status = g_strdup_printf (_("Indexing speeches: %u of %u"), done, total);

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
  if (!jj_text_index_update_finish (JJ_TEXT_INDEX (object), result, &error))
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
collect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JjTextSearchView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = g_task_propagate_pointer (G_TASK (result), &error);

  if (paths == NULL)
    {
      self->indexing = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->status, error->message);
      return;
    }

  jj_text_index_update_async (self->index, (const char * const *)paths, self->cancellable,
                              progress_cb, self, update_cb, g_object_ref (self));
}

/* Opens the index and finds the speeches in the library's folders: disk
 * work, away from the window.
 */
static void
collect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  JjTextSearchView *self = source_object;
  char **known = task_data;   /* documents, NULL, then folders */
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GError *error = NULL;
  guint i = 0;

  /* Only one update runs at a time: nothing else touches index_open. */
  if (!self->index_open && !jj_text_index_open (self->index, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  self->index_open = TRUE;

  for (; known[i] != NULL; i++)
    {
      if (g_hash_table_add (seen, known[i]))
        g_ptr_array_add (paths, g_strdup (known[i]));
    }
  for (i++; known[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (known[i]);
      g_auto(GStrv) found = jj_text_index_collect_documents (folder, cancellable);

      for (guint k = 0; found[k] != NULL; k++)
        {
          if (!g_hash_table_contains (seen, found[k]))
            {
              char *path = g_strdup (found[k]);

              g_hash_table_add (seen, path);
              g_ptr_array_add (paths, path);
            }
        }
    }
  g_ptr_array_add (paths, NULL);

  g_task_return_pointer (task, g_ptr_array_free (g_steal_pointer (&paths), FALSE), (GDestroyNotify)g_strfreev);
}

static void
free_known (gpointer data)
{
  char **known = data;

  /* Two NULL-terminated lists in one array. */
  for (guint i = 0, nulls = 0; nulls < 2; i++)
    {
      if (known[i] == NULL)
        nulls++;
      g_free (known[i]);
    }
  g_free (known);
}

static void
start_update (JjTextSearchView *self,
              JjLibrary        *library)
{
  g_autoptr(GTask) task = NULL;
  g_auto(GStrv) documents = jj_library_dup_document_paths (library);
  g_auto(GStrv) folders = jj_library_dup_folders (library);
  guint n_documents = g_strv_length (documents);
  guint n_folders = g_strv_length (folders);
  char **known = g_new0 (char *, n_documents + n_folders + 2);

  for (guint i = 0; i < n_documents; i++)
    known[i] = g_strdup (documents[i]);
  for (guint i = 0; i < n_folders; i++)
    known[n_documents + 1 + i] = g_strdup (folders[i]);

  if (self->index == NULL)
    {
      g_autoptr(GFile) file = jj_text_index_dup_default_file ();

      self->index = jj_text_index_new (file);
    }

  self->indexing = TRUE;
  clear_list (self);
  gtk_label_set_label (self->status, _("Looking for speeches…"));

  task = g_task_new (self, self->cancellable, collect_cb, g_object_ref (self));
  g_task_set_task_data (task, known, free_known);
  g_task_run_in_thread (task, collect_thread);
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
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (path != NULL)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, path,
                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "start")),
                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "end")));
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

  self->cancellable = g_cancellable_new ();
  self->hit_rows = g_ptr_array_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->status), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->status), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->status), 6);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->status));

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
