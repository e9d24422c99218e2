/* jj-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-application.h"
#include "jj-draft-chooser.h"
#include "jj-draft-window.h"
#include "jj-library.h"
#include "jj-library-window.h"
#include "jj-reading-positions.h"
#include "jj-preferences-window.h"
#include "jj-reuse-view.h"
#include "jj-window.h"
#include "jj-window-private.h"

struct _JjApplication
{
  AdwApplication      parent_instance;

  JjReadingPositions *positions;
  JjLibrary          *library;
  GSettings          *settings;
  GCancellable       *reuse_warm_up;
};

G_DEFINE_FINAL_TYPE (JjApplication, jj_application, ADW_TYPE_APPLICATION)

JjApplication *
jj_application_new (void)
{
  return g_object_new (JJ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

JjReadingPositions *
jj_application_get_reading_positions (JjApplication *self)
{
  g_return_val_if_fail (JJ_IS_APPLICATION (self), NULL);

  if (self->positions == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_state_dir (), "jiejian",
                                                "positions.ini", NULL);

      self->positions = jj_reading_positions_new (path);
    }

  return self->positions;
}

static void
library_folders_changed_cb (JjApplication *self)
{
  g_auto(GStrv) wanted = g_settings_get_strv (self->settings, "library-folders");
  g_auto(GStrv) known = jj_library_dup_folders (self->library);

  for (guint i = 0; known[i] != NULL; i++)
    {
      if (!g_strv_contains ((const char * const *) wanted, known[i]))
        {
          g_autoptr(GFile) folder = g_file_new_for_path (known[i]);

          jj_library_remove_folder (self->library, folder);
        }
    }

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (wanted[i]);

      jj_library_add_folder (self->library, folder);
    }
}

/* The library's index is read once; it is rebuilt from the sidecars when
 * the library window refreshes it. */
JjLibrary *
jj_application_get_library (JjApplication *self)
{
  g_return_val_if_fail (JJ_IS_APPLICATION (self), NULL);

  if (self->library == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->library = jj_library_new (NULL);
      if (!jj_library_load (self->library, NULL, &error))
        g_warning ("Could not read the library index: %s", error->message);

      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed::library-folders",
                               G_CALLBACK (library_folders_changed_cb), self, G_CONNECT_SWAPPED);
      library_folders_changed_cb (self);
    }

  return self->library;
}

static JjWindow *
find_window_for_file (GApplication *app,
                      GFile        *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      GFile *shown;

      if (!JJ_IS_WINDOW (l->data))
        continue;

      shown = jj_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static JjWindow *
find_empty_window (GApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      if (JJ_IS_WINDOW (l->data) && jj_window_get_file (l->data) == NULL)
        return l->data;
    }

  return NULL;
}

static void
jj_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (jj_window_new (JJ_APPLICATION (app)));

  gtk_window_present (window);
}

/* Opens @file, or brings up its window, and selects a passage of it. */
void
jj_application_open_at (JjApplication *self,
                        GFile         *file,
                        guint          start,
                        guint          end)
{
  JjWindow *window;

  g_return_if_fail (JJ_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window_for_file (G_APPLICATION (self), file);
  if (window == NULL)
    {
      window = jj_window_new (self);
      jj_window_open (window, file);
    }

  jj_window_select (window, start, end);
  gtk_window_present (GTK_WINDOW (window));
}

static void
reuse_source_activated_cb (JjReuseView   *view,
                           const char    *path,
                           guint          start,
                           guint          end,
                           JjApplication *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  jj_application_open_at (self, file, start, end);
}

/**
 * jj_application_check_reuse:
 * @text: (nullable): the draft's text, or %NULL to read @file
 * @file: (nullable): a .docx, .txt or other file the app reads
 *
 * Shows a window checking a draft for stretches taken from the library's
 * speeches; a stretch or a source clicked there opens the speech at it.
 *
 * Returns: (transfer none): the window's JjReuseView
 */
GtkWidget *
jj_application_check_reuse (JjApplication *self,
                            GtkWindow     *parent,
                            const char    *title,
                            const char    *text,
                            GFile         *file)
{
  GtkWidget *window, *box, *view;
  g_autofree char *window_title = NULL;

  g_return_val_if_fail (JJ_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (text != NULL || G_IS_FILE (file), NULL);

  window = adw_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  view = jj_reuse_view_new ();

  /* Translators: the title of the reuse check window; %s is the draft's */
  window_title = g_strdup_printf (_("Check Reuse: %s"), title != NULL && *title != '\0' ? title : _("Draft"));
  gtk_window_set_title (GTK_WINDOW (window), window_title);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_signal_connect_object (view, "source-activated", G_CALLBACK (reuse_source_activated_cb), self, 0);

  if (text != NULL)
    jj_reuse_view_check_text (JJ_REUSE_VIEW (view), text, jj_application_get_library (self));
  else
    jj_reuse_view_check_file (JJ_REUSE_VIEW (view), file, jj_application_get_library (self));
  gtk_window_present (GTK_WINDOW (window));

  return view;
}

static void
open_draft (GApplication *app,
            GFile        *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  JjDraftWindow *window;
  AdwMessageDialog *dialog;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      if (JJ_IS_DRAFT_WINDOW (l->data) &&
          g_strcmp0 (jj_draft_window_get_path (l->data), path) == 0)
        {
          gtk_window_present (l->data);
          return;
        }
    }

  window = path != NULL ? jj_draft_window_open (GTK_APPLICATION (app), path, &error) : NULL;
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("The draft could not be opened"),
                                                       error != NULL ? error->message
                                                                     : _("Only drafts saved on this computer can be opened.")));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jj_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  /* One window per document: a document already open is brought up. */
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);
      JjWindow *window;

      if (name != NULL && jj_draft_is_draft_name (name))
        {
          open_draft (app, files[i]);
          continue;
        }

      window = find_window_for_file (app, files[i]);

      if (window == NULL)
        {
          window = find_empty_window (app);
          if (window == NULL)
            window = jj_window_new (JJ_APPLICATION (app));
          jj_window_open (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close windows one by one so each one flushes its marks. */
  for (GList *l = windows; l != NULL; )
    {
      GList *next = l->next;

      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Jiejian Developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Jiejian"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Read Chinese speech drafts and mark passages to borrow"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (jj_window_new (JJ_APPLICATION (user_data))));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (jj_preferences_window_new (parent)));
}

static void
library_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  JjApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (JJ_IS_LIBRARY_WINDOW (l->data))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  gtk_window_present (GTK_WINDOW (jj_library_window_new (GTK_APPLICATION (self),
                                                         jj_application_get_library (self))));
}

/* A new draft from the outline of the speech in the active window, or
 * the blank skeleton when no speech is shown there. */
static void
new_draft_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *active = gtk_application_get_active_window (app);
  gboolean from_outline = g_str_equal (g_action_get_name (G_ACTION (action)), "new-draft-from-outline");
  JjDocument *document = NULL;
  g_autoptr(JjDraft) draft = NULL;

  if (from_outline && JJ_IS_WINDOW (active))
    document = _jj_window_get_document (JJ_WINDOW (active));

  if (document != NULL)
    draft = jj_draft_new_from_outline (document);
  else
    draft = jj_draft_new_skeleton ("");

  gtk_window_present (GTK_WINDOW (jj_draft_window_new (app, draft, NULL)));
}

/* Sends the marked passage (SPEECH, MARK-ID) to a draft: a chooser, over
 * the active window, asks which draft (the one used last first, or a new
 * one) and under which heading, by keyboard; the focus then goes back
 * where the writer reads. */
static void
send_to_draft_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *speech, *id;

  g_variant_get (param, "(&s&s)", &speech, &id);
  gtk_window_present (GTK_WINDOW (jj_draft_chooser_new (app, gtk_application_get_active_window (app),
                                                        speech, id)));
}

static void
check_reuse_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         JjApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (file);

      jj_application_check_reuse (self, gtk_native_dialog_get_transient_for (dialog), name, NULL, file);
    }
  g_object_unref (dialog);
}

/* The first draft board opened, or the first file chooser for a reuse
 * check, has the check read the library's speeches ahead (the memory is
 * spent only by those who write), so that its first check is as quick as
 * the next ones; later checks read only what changed. */
static void
warm_up_reuse (JjApplication *self)
{
  if (self->reuse_warm_up != NULL)
    return;

  self->reuse_warm_up = g_cancellable_new ();
  jj_reuse_view_warm_up (NULL, self->reuse_warm_up);
}

/* Any .docx, .txt or other speech file, checked against the library. */
static void
check_reuse_file_activated (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkFileChooserNative *chooser;

  warm_up_reuse (JJ_APPLICATION (app));

  chooser = gtk_file_chooser_native_new (_("Check a Draft for Reuse"),
                                         gtk_application_get_active_window (app),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Check"), NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (check_reuse_response_cb), app, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry app_actions[] = {
  { "send-to-draft", send_to_draft_activated, "(ss)" },
  { "new-draft", new_draft_activated },
  { "check-reuse-file", check_reuse_file_activated },
  { "new-draft-from-outline", new_draft_activated },
  { "library", library_activated },
  { "preferences", preferences_activated },
  { "new-window", new_window_activated },
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (JJ_IS_DRAFT_WINDOW (window))
    warm_up_reuse (JJ_APPLICATION (app));
}

static void
jj_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *library_accels[] = { "<Control>l", NULL };

  G_APPLICATION_CLASS (jj_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.library", library_accels);

  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
}

static void
jj_application_shutdown (GApplication *app)
{
  JjApplication *self = JJ_APPLICATION (app);

  g_cancellable_cancel (self->reuse_warm_up);
  g_clear_object (&self->reuse_warm_up);

  if (self->positions != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!jj_reading_positions_save (self->positions, &error))
        g_warning ("Could not save reading positions: %s", error->message);
    }
  g_clear_object (&self->positions);

  if (self->library != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!jj_library_save_index (self->library, &error))
        g_warning ("Could not save the library index: %s", error->message);
    }
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_APPLICATION_CLASS (jj_application_parent_class)->shutdown (app);
}

static void
jj_application_class_init (JjApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->shutdown = jj_application_shutdown;
  app_class->activate = jj_application_activate;
  app_class->open = jj_application_open;
  app_class->startup = jj_application_startup;
}

static void
jj_application_init (JjApplication *self)
{
}
