/* jj-reuse-view.c — 查重 in the app: a draft with its borrowed stretches shown by source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-document.h"
#include "jj-library-text-index.h"
#include "jj-reuse-checker.h"
#include "jj-reuse-view.h"
#include "jj-text-index.h"

/* The app's checker, kept from one check to the next and brought in step
 * with the full-text index before each: only the speeches indexed anew
 * since are read again. Checks and warm-ups take turns on it. */
static GMutex          shared_lock;
static JjReuseChecker *shared_checker;
static char           *shared_index_path;

/* The names of a result's sources, so that the shared checker may change
 * while the result is shown. */
typedef struct
{
  char *name;
  char *title;
} SourceNames;

static void
source_names_free (gpointer data)
{
  SourceNames *names = data;

  g_free (names->name);
  g_free (names->title);
  g_free (names);
}

/* Colours that stay apart on a light and a dark page, one per source. */
static const char * const palette[] = {
  "#3584e4", "#e66100", "#2ec27e", "#c061cb", "#e5a50a", "#1c71d8", "#c01c28", "#865e3c",
};

struct _JjReuseView
{
  GtkBox          parent_instance;

  GtkLabel       *status;
  GtkLabel       *total;
  GtkTextView    *text_view;
  GtkListBox     *sources;

  GFile          *index_file;
  GCancellable   *cancellable;
  gboolean        checking;
  GHashTable     *names;         /* source → SourceNames */
  guint           n_speeches;
  GArray         *stretches;
  GArray         *shares;
  double          total_share;
  GPtrArray      *source_rows;   /* GtkListBoxRow, owned by the list */
};

G_DEFINE_FINAL_TYPE (JjReuseView, jj_reuse_view, GTK_TYPE_BOX)

enum
{
  SOURCE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The check, in a worker thread */

typedef struct
{
  char          *text;        /* the draft, or NULL to read it from file */
  GFile         *file;
  char          *skip_path;
  GFile         *index_file;
  char         **documents;   /* the library's, to bring the index up to date */
  char         **folders;
} CheckData;

typedef struct
{
  char           *text;
  GHashTable     *names;
  guint           n_speeches;
  GArray         *stretches;
  GArray         *shares;
  double          total;
} CheckResult;

static void
check_data_free (CheckData *data)
{
  g_free (data->text);
  g_clear_object (&data->file);
  g_free (data->skip_path);
  g_clear_object (&data->index_file);
  g_strfreev (data->documents);
  g_strfreev (data->folders);
  g_free (data);
}

static void
check_result_free (CheckResult *result)
{
  g_free (result->text);
  g_clear_pointer (&result->names, g_hash_table_unref);
  g_clear_pointer (&result->stretches, g_array_unref);
  g_clear_pointer (&result->shares, g_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CheckResult, check_result_free)

static gboolean
update_index (JjTextIndex   *index,
              CheckData     *data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_auto(GStrv) paths = jj_library_text_index_collect_paths ((const char * const *)data->documents,
                                                             (const char * const *)data->folders,
                                                             cancellable);

  return jj_text_index_update (index, (const char * const *)paths, cancellable, NULL, NULL, error);
}

/* With shared_lock held. */
static gboolean
sync_shared_checker (JjTextIndex   *index,
                     GCancellable  *cancellable,
                     GError       **error)
{
  const char *path = g_file_peek_path (jj_text_index_get_file (index));
  gint64 start = g_get_monotonic_time ();
  guint n_read = 0;
  gboolean ok;

  if (shared_checker == NULL || g_strcmp0 (shared_index_path, path) != 0)
    {
      g_clear_object (&shared_checker);
      g_free (shared_index_path);
      shared_checker = jj_reuse_checker_new ();
      shared_index_path = g_strdup (path);
    }

  ok = jj_reuse_checker_sync_index (shared_checker, index, &n_read, cancellable, error);
  g_debug ("Reuse check: %u of %u speeches read from the full-text index in %.3f s",
           n_read, jj_reuse_checker_get_n_sources (shared_checker),
           (g_get_monotonic_time () - start) / 1e6);

  return ok;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr(CheckResult) result = g_new0 (CheckResult, 1);
  g_autoptr(JjTextIndex) index = jj_text_index_new (data->index_file);
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (data->text != NULL)
    result->text = g_strdup (data->text);
  else
    {
      g_autoptr(JjDocument) document = jj_document_load (data->file, JJ_LOAD_DEFAULT, cancellable, &error);

      if (document == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      result->text = g_strdup (jj_document_get_text (document));
    }

  if (!jj_text_index_open (index, &error) ||
      (data->documents != NULL && !update_index (index, data, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_mutex_lock (&shared_lock);
  if (sync_shared_checker (index, cancellable, &error))
    result->stretches = jj_reuse_checker_check_except (shared_checker, result->text, data->skip_path,
                                                       &result->shares, &result->total,
                                                       cancellable, &error);
  if (result->stretches != NULL)
    {
      result->names = g_hash_table_new_full (NULL, NULL, NULL, source_names_free);
      for (guint i = 0; i < result->shares->len; i++)
        {
          guint source = g_array_index (result->shares, JjReuseShare, i).source;
          SourceNames *names = g_new0 (SourceNames, 1);

          names->name = g_strdup (jj_reuse_checker_get_source_name (shared_checker, source));
          names->title = g_strdup (jj_reuse_checker_get_source_title (shared_checker, source));
          g_hash_table_insert (result->names, GUINT_TO_POINTER (source), names);
        }
      result->n_speeches = jj_reuse_checker_get_n_sources (shared_checker);
      if (data->skip_path != NULL && jj_reuse_checker_find_source (shared_checker, data->skip_path) != G_MAXUINT)
        result->n_speeches--;
    }
  g_mutex_unlock (&shared_lock);
  g_debug ("Reuse check: %.3f s in all", (g_get_monotonic_time () - start) / 1e6);

  if (result->stretches == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) check_result_free);
}

static void
warm_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *index_file = task_data;
  g_autoptr(JjTextIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* No index yet: the first check makes it. */
  if (!g_file_query_exists (index_file, cancellable))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  index = jj_text_index_new (index_file);
  if (!jj_text_index_open (index, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_mutex_lock (&shared_lock);
  ok = sync_shared_checker (index, cancellable, &error);
  g_mutex_unlock (&shared_lock);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
warm_up_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The reuse check could not read the full-text index ahead: %s", error->message);
}

/**
 * jj_reuse_view_warm_up:
 * @index_file: (nullable): the full-text index, %NULL for the default one
 *
 * Reads the speeches of the full-text index for the reuse check in a
 * worker thread, so that the first check need not.
 */
void
jj_reuse_view_warm_up (GFile        *index_file,
                       GCancellable *cancellable)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, warm_up_done_cb, NULL);

  g_task_set_task_data (task, index_file != NULL ? g_object_ref (index_file) : jj_text_index_dup_default_file (),
                        g_object_unref);
  g_task_run_in_thread (task, warm_up_thread);
}

/* Showing the result */

static void
clear_sources (JjReuseView *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->source_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources))) != NULL)
    gtk_list_box_remove (self->sources, child);
}

static const char *
source_name (JjReuseView *self,
             guint        source)
{
  SourceNames *names = self->names != NULL ? g_hash_table_lookup (self->names, GUINT_TO_POINTER (source)) : NULL;

  return names != NULL ? names->name : "";
}

static const char *
source_label (JjReuseView *self,
              guint        source)
{
  SourceNames *names = self->names != NULL ? g_hash_table_lookup (self->names, GUINT_TO_POINTER (source)) : NULL;

  if (names == NULL)
    return "";
  return names->title != NULL && *names->title != '\0' ? names->title : names->name;
}

static char *
share_text (double share)
{
  /* Translators: a share of the draft, e.g. 12.5% */
  return g_strdup_printf (_("%.1f%%"), share * 100);
}

static GtkWidget *
source_row_new (JjReuseView        *self,
                const JjReuseShare *share,
                guint               colour)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_label_new (NULL);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (source_label (self, share->source));
  GtkWidget *path = gtk_label_new (source_name (self, share->source));
  g_autofree char *percent = share_text (share->share);
  GtkWidget *amount = gtk_label_new (percent);
  g_autofree char *markup = g_strdup_printf ("<span background=\"%s\">\u3000</span>", palette[colour]);
  g_autofree char *accessible = g_strdup_printf (_("%s: %s of the draft"), source_label (self, share->source), percent);

  gtk_label_set_markup (GTK_LABEL (swatch), markup);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), swatch);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (path), 0);
  gtk_label_set_ellipsize (GTK_LABEL (path), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (path, "caption");
  gtk_widget_add_css_class (path, "dim-label");
  gtk_box_append (GTK_BOX (column), title);
  gtk_box_append (GTK_BOX (column), path);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (box), column);

  gtk_widget_add_css_class (amount, "numeric");
  gtk_box_append (GTK_BOX (box), amount);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Open the source where the first stretch taken from it is"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (row), "jj-source", GUINT_TO_POINTER (share->source));

  return row;
}

static void
tag_stretches (JjReuseView *self,
               GHashTable  *colours)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  for (guint i = 0; i < self->stretches->len; i++)
    {
      const JjReuseStretch *s = &g_array_index (self->stretches, JjReuseStretch, i);
      guint colour = GPOINTER_TO_UINT (g_hash_table_lookup (colours, GUINT_TO_POINTER (s->source)));
      g_autofree char *name = g_strdup_printf ("jj-reuse-%u-%s", colour,
                                               s->kind == JJ_REUSE_NEAR ? "near" : "verbatim");
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
      GtkTextIter start, end;

      if (tag == NULL)
        {
          GdkRGBA rgba;

          gdk_rgba_parse (&rgba, palette[colour]);
          if (s->kind == JJ_REUSE_NEAR)
            {
              /* Near stretches: a light wash and a wavy line, told apart
               * from verbatim ones without the colour. */
              rgba.alpha = 0.18;
              tag = gtk_text_buffer_create_tag (buffer, name, "background-rgba", &rgba,
                                                "underline", PANGO_UNDERLINE_ERROR, NULL);
              rgba.alpha = 1;
              g_object_set (tag, "underline-rgba", &rgba, NULL);
            }
          else
            {
              rgba.alpha = 0.40;
              tag = gtk_text_buffer_create_tag (buffer, name, "background-rgba", &rgba, NULL);
            }
        }

      gtk_text_buffer_get_iter_at_offset (buffer, &start, s->draft_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, s->draft_end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

static void
show_result (JjReuseView *self,
             CheckResult *result)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autofree char *total = NULL;
  g_autofree char *status = NULL;
  guint n_near = 0;

  g_clear_pointer (&self->names, g_hash_table_unref);
  self->names = g_hash_table_ref (result->names);
  self->n_speeches = result->n_speeches;
  g_clear_pointer (&self->stretches, g_array_unref);
  g_clear_pointer (&self->shares, g_array_unref);
  self->stretches = g_array_ref (result->stretches);
  self->shares = g_array_ref (result->shares);
  self->total_share = result->total;

  gtk_text_buffer_set_text (buffer, result->text, -1);
  clear_sources (self);
  for (guint i = 0; i < self->shares->len; i++)
    {
      const JjReuseShare *share = &g_array_index (self->shares, JjReuseShare, i);
      guint colour = i % G_N_ELEMENTS (palette);
      GtkWidget *row = source_row_new (self, share, colour);

      g_hash_table_insert (colours, GUINT_TO_POINTER (share->source), GUINT_TO_POINTER (colour));
      gtk_list_box_append (self->sources, row);
      g_ptr_array_add (self->source_rows, row);
    }
  tag_stretches (self, colours);

  for (guint i = 0; i < self->stretches->len; i++)
    if (g_array_index (self->stretches, JjReuseStretch, i).kind == JJ_REUSE_NEAR)
      n_near++;

  {
    g_autofree char *percent = share_text (self->total_share);

    /* Translators: the share of the draft taken from all sources together */
    total = g_strdup_printf (_("In all: %s of the draft"), percent);
  }
  gtk_label_set_label (self->total, total);
  gtk_widget_set_visible (GTK_WIDGET (self->total), TRUE);

  if (self->stretches->len == 0)
    status = g_strdup_printf (ngettext ("No stretch of the draft was found in the %u speech of the library.",
                                        "No stretch of the draft was found in the %u speeches of the library.",
                                        self->n_speeches),
                              self->n_speeches);
  else
    /* Translators: the first %u counts stretches, the second near ones, the third sources */
    status = g_strdup_printf (_("%u stretches (%u near-verbatim, with a wavy line) from %u speeches. "
                                "Click a stretch or a speech to open it there."),
                              self->stretches->len, n_near, self->shares->len);
  gtk_label_set_label (self->status, status);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JjReuseView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CheckResult) check = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->checking = FALSE;
  if (check == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The draft could not be checked: %s"), error->message);

      gtk_label_set_label (self->status, message);
      return;
    }

  show_result (self, check);
}

static void
start_check (JjReuseView *self,
             const char  *text,
             GFile       *file,
             JjLibrary   *library)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data = g_new0 (CheckData, 1);

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());

  data->text = g_strdup (text);
  data->file = file != NULL ? g_object_ref (file) : NULL;
  data->skip_path = file != NULL ? g_file_get_path (file) : NULL;
  data->index_file = self->index_file != NULL ? g_object_ref (self->index_file)
                                              : jj_text_index_dup_default_file ();
  if (library != NULL)
    {
      data->documents = jj_library_dup_document_paths (library);
      data->folders = jj_library_dup_folders (library);
    }

  self->checking = TRUE;
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->stretches, g_array_unref);
  g_clear_pointer (&self->shares, g_array_unref);
  self->total_share = 0;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
  clear_sources (self);
  gtk_widget_set_visible (GTK_WIDGET (self->total), FALSE);
  gtk_label_set_label (self->status, _("Comparing the draft with every speech of the library…"));

  task = g_task_new (NULL, self->cancellable, check_done_cb, g_object_ref (self));
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * jj_reuse_view_check_text:
 * @library: (nullable): the library whose speeches to bring into the
 *   full-text index first; %NULL to compare with what the index holds
 *
 * Checks @text against the speeches of the full-text index, in a worker
 * thread, and shows it with the stretches found.
 */
void
jj_reuse_view_check_text (JjReuseView *self,
                          const char  *text,
                          JjLibrary   *library)
{
  g_return_if_fail (JJ_IS_REUSE_VIEW (self));
  g_return_if_fail (text != NULL);

  start_check (self, text, NULL, library);
}

/* The same for a .docx, .txt or any file the app reads; the file itself is
 * not compared with itself when it is in the library. */
void
jj_reuse_view_check_file (JjReuseView *self,
                          GFile       *file,
                          JjLibrary   *library)
{
  g_return_if_fail (JJ_IS_REUSE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_check (self, NULL, file, library);
}

/* Opening the sources */

static void
activate_stretch (JjReuseView          *self,
                  const JjReuseStretch *s)
{
  g_signal_emit (self, signals[SOURCE_ACTIVATED], 0,
                 source_name (self, s->source),
                 s->source_start, s->source_end);
}

/**
 * jj_reuse_view_activate_offset:
 *
 * Opens the source of the stretch at character @offset of the draft, as
 * a click there does. Returns: whether a stretch is there
 */
gboolean
jj_reuse_view_activate_offset (JjReuseView *self,
                               guint        offset)
{
  g_return_val_if_fail (JJ_IS_REUSE_VIEW (self), FALSE);

  if (self->stretches == NULL)
    return FALSE;

  for (guint i = 0; i < self->stretches->len; i++)
    {
      const JjReuseStretch *s = &g_array_index (self->stretches, JjReuseStretch, i);

      if (s->draft_start <= offset && offset < s->draft_end)
        {
          activate_stretch (self, s);
          return TRUE;
        }
    }

  return FALSE;
}

static void
text_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  JjReuseView     *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  int bx, by;

  /* A drag that selected text is no click. */
  if (gtk_text_buffer_get_has_selection (buffer))
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    jj_reuse_view_activate_offset (self, gtk_text_iter_get_offset (&iter));
}

/* Return on a stretch opens it too, for the keyboard. */
static gboolean
activate_cursor_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   data)
{
  JjReuseView *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return jj_reuse_view_activate_offset (self, gtk_text_iter_get_offset (&iter));
}

static void
source_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     JjReuseView   *self)
{
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "jj-source"));

  /* Stretches come in the draft's order: the first one of the source. */
  for (guint i = 0; self->stretches != NULL && i < self->stretches->len; i++)
    {
      const JjReuseStretch *s = &g_array_index (self->stretches, JjReuseStretch, i);

      if (s->source == source)
        {
          activate_stretch (self, s);
          return;
        }
    }
}

/* Accessors */

void
jj_reuse_view_set_index_file (JjReuseView *self,
                              GFile       *index_file)
{
  g_return_if_fail (JJ_IS_REUSE_VIEW (self));

  g_set_object (&self->index_file, index_file);
}

gboolean
jj_reuse_view_is_checking (JjReuseView *self)
{
  g_return_val_if_fail (JJ_IS_REUSE_VIEW (self), FALSE);

  return self->checking;
}

const char *
jj_reuse_view_get_status (JjReuseView *self)
{
  g_return_val_if_fail (JJ_IS_REUSE_VIEW (self), NULL);

  return gtk_label_get_label (self->status);
}

guint
jj_reuse_view_get_n_stretches (JjReuseView *self)
{
  g_return_val_if_fail (JJ_IS_REUSE_VIEW (self), 0);

  return self->stretches != NULL ? self->stretches->len : 0;
}

double
jj_reuse_view_get_total_share (JjReuseView *self)
{
  g_return_val_if_fail (JJ_IS_REUSE_VIEW (self), 0);

  return self->total_share;
}

guint
jj_reuse_view_get_n_sources (JjReuseView *self)
{
  g_return_val_if_fail (JJ_IS_REUSE_VIEW (self), 0);

  return self->source_rows->len;
}

/* Returns: (transfer none) (nullable): the row of the source with the
 * @n-th largest share */
GtkListBoxRow *
jj_reuse_view_get_source_row (JjReuseView *self,
                              guint        n)
{
  g_return_val_if_fail (JJ_IS_REUSE_VIEW (self), NULL);

  return n < self->source_rows->len ? g_ptr_array_index (self->source_rows, n) : NULL;
}

GtkTextView *
jj_reuse_view_get_text_view (JjReuseView *self)
{
  g_return_val_if_fail (JJ_IS_REUSE_VIEW (self), NULL);

  return self->text_view;
}

static void
jj_reuse_view_dispose (GObject *object)
{
  JjReuseView *self = JJ_REUSE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JJ_TYPE_REUSE_VIEW);

  G_OBJECT_CLASS (jj_reuse_view_parent_class)->dispose (object);
}

static void
jj_reuse_view_finalize (GObject *object)
{
  JjReuseView *self = JJ_REUSE_VIEW (object);

  g_clear_object (&self->index_file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->stretches, g_array_unref);
  g_clear_pointer (&self->shares, g_array_unref);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (jj_reuse_view_parent_class)->finalize (object);
}

static void
jj_reuse_view_class_init (JjReuseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jj_reuse_view_dispose;
  object_class->finalize = jj_reuse_view_finalize;

  /**
   * JjReuseView::source-activated:
   * @path: the speech a stretch was taken from
   * @start: the stretch's first character in the speech's display text
   * @end: the character after it
   */
  signals[SOURCE_ACTIVATED] = g_signal_new ("source-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/jj-reuse-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JjReuseView, status);
  gtk_widget_class_bind_template_child (widget_class, JjReuseView, total);
  gtk_widget_class_bind_template_child (widget_class, JjReuseView, text_view);
  gtk_widget_class_bind_template_child (widget_class, JjReuseView, sources);
  gtk_widget_class_bind_template_callback (widget_class, source_activated_cb);
}

static void
jj_reuse_view_init (JjReuseView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->source_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (text_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                          gtk_callback_action_new (activate_cursor_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
}

GtkWidget *
jj_reuse_view_new (void)
{
  return g_object_new (JJ_TYPE_REUSE_VIEW, NULL);
}
