/* test-draft-window.c — the draft board, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <string.h>
#include <glib/gstdio.h>

#include "jj-document.h"
#include "jj-draft-chooser.h"
#include "jj-draft-window.h"
#include "jj-library.h"
#include "jj-library-window.h"
#include "jj-mark.h"
#include "jj-mark-store.h"
#include "jj-recent-files.h"
#include "jj-zip.h"
#include "test-ui.h"
#include "test-xtest.h"

/* Two speeches written for this test, and the passages marked in them. */
static const char speech_a[] =
  "关于推进社区治理工作的讲话\n\n"
  "同志们：\n\n"
  "今天召开这次会议，主要任务是总结经验、部署工作。\n\n"
  "一、提高思想认识\n\n"
  "社区是城市治理的基本单元，做好社区工作关系群众切身利益。\n\n"
  "二、突出工作重点\n\n"
  "要把解决群众急难愁盼问题作为出发点和落脚点，持续用力、久久为功。\n\n"
  "同志们，让我们共同努力，把各项工作做得更好。\n";

static const char speech_b[] =
  "在全市教育工作会议上的讲话\n\n"
  "同志们：\n\n"
  "一、坚持立德树人\n\n"
  "教育是国家发展的基础工程，必须坚持育人为本、德育为先。\n\n"
  "二、深化改革创新\n\n"
  "要以改革破解发展难题，以创新增强发展动力。\n";

#define PASSAGE_A1 "社区是城市治理的基本单元"
#define PASSAGE_A2 "要把解决群众急难愁盼问题作为出发点和落脚点"
#define PASSAGE_B1 "教育是国家发展的基础工程"
#define OWN_TEXT "这是我们自己写的一段话。"

typedef struct
{
  char *dir;
  char *path_a;
  char *path_b;
  char *id_a1;
  char *id_a2;
  char *id_b1;
  char *draft_path;
} Fixture;

static char *
write_speech (const char *dir,
              const char *name,
              const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* Marks @passage in the speech at @path, as the reader does, and saves
 * the sidecar; returns the mark's id. */
static char *
mark_passage (const char *path,
              const char *passage)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  const char *text, *found;
  glong start;
  JjMark *mark;

  document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  text = jj_document_get_text (document);
  found = strstr (text, passage);
  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);

  fingerprint = jj_document_dup_fingerprint (document);
  store = jj_mark_store_new (file);
  jj_mark_store_load (store, text, fingerprint, &error);
  g_assert_no_error (error);
  mark = jj_mark_store_add_range (store, start, start + g_utf8_strlen (passage, -1), "golden", NULL);
  g_assert_nonnull (mark);
  g_assert_cmpstr (jj_mark_get_quote (mark), ==, passage);
  jj_mark_store_save (store, &error);
  g_assert_no_error (error);

  return g_strdup (jj_mark_get_id (mark));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jj-test-draft-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path_a = write_speech (fixture->dir, "社区治理.txt", speech_a);
  fixture->path_b = write_speech (fixture->dir, "教育工作.txt", speech_b);
  fixture->id_a1 = mark_passage (fixture->path_a, PASSAGE_A1);
  fixture->id_a2 = mark_passage (fixture->path_a, PASSAGE_A2);
  fixture->id_b1 = mark_passage (fixture->path_b, PASSAGE_B1);
  fixture->draft_path = g_build_filename (fixture->dir, "新讲话" JJ_DRAFT_SUFFIX, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jj_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path_a);
  g_free (fixture->path_b);
  g_free (fixture->id_a1);
  g_free (fixture->id_a2);
  g_free (fixture->id_b1);
  g_free (fixture->draft_path);
}

/* The cards of the draft, as "heading:text,text|heading:…". */
static char *
summary (JjDraft *draft)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < jj_draft_get_n_sections (draft); i++)
    {
      JjDraftSection *section = jj_draft_get_section (draft, i);

      g_string_append_printf (out, "%s%s:", i > 0 ? "|" : "", jj_draft_section_get_heading (section));
      for (guint j = 0; j < jj_draft_section_get_n_cards (section); j++)
        g_string_append_printf (out, "%s%s", j > 0 ? "," : "",
                                jj_draft_card_get_text (jj_draft_section_get_card (section, j)));
    }

  return g_string_free (out, FALSE);
}

#define assert_board(window, expected) \
  G_STMT_START { \
    g_autofree char *_s = summary (jj_draft_window_get_draft (window)); \
    g_assert_cmpstr (_s, ==, expected); \
  } G_STMT_END

/* Runs what the window binds to the key, as pressing it does; FALSE when
 * the key is bound to nothing. */
static gboolean
press_on (GtkWidget       *widget,
          guint            keyval,
          GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static gboolean
press (JjDraftWindow   *window,
       guint            keyval,
       GdkModifierType  modifiers)
{
  return press_on (GTK_WIDGET (window), keyval, modifiers);
}

static GtkTextBuffer *
card_buffer (JjDraftWindow *window,
             guint          section,
             guint          card)
{
  GtkWidget *row = jj_draft_window_get_card_row (window, section, card);

  g_assert_nonnull (row);
  return gtk_text_view_get_buffer (g_object_get_data (G_OBJECT (row), "jj-text"));
}

/* Puts the cursor in a card's text, as a click there does. */
static void
focus_card (JjDraftWindow *window,
            guint          section,
            guint          card,
            guint          offset)
{
  GtkWidget *row = jj_draft_window_get_card_row (window, section, card);
  GtkWidget *text;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  guint s = G_MAXUINT, c = G_MAXUINT;

  g_assert_nonnull (row);
  text = g_object_get_data (G_OBJECT (row), "jj-text");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_grab_focus (text));
  jj_test_spin (5);

  /* The board follows the focus. */
  g_assert_true (jj_draft_window_get_current (window, &s, &c));
  g_assert_cmpuint (s, ==, section);
  g_assert_cmpuint (c, ==, card);
}

/* Drags the card by its handle and drops it on @target at height @y
 * (from the bottom when negative), as the pointer does: the drag source's
 * content goes to the drop target. */
static gboolean
has_height (gpointer data)
{
  return gtk_widget_get_height (data) > 0;
}

/* Drops @text on @target_widget at height @y (from the bottom when negative). */
static gboolean
drop_string (GtkWidget  *target_widget,
             const char *text,
             double      y)
{
  GtkDropTarget *target = g_object_get_data (G_OBJECT (target_widget), "jj-drop-target");
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_assert_true (jj_test_wait_until (has_height, target_widget));
  if (y < 0)
    y += gtk_widget_get_height (target_widget);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_signal_emit_by_name (target, "drop", &value, 10.0, y, &accepted);

  return accepted;
}

static gboolean
drag_card (JjDraftWindow *window,
           guint          section,
           guint          card,
           GtkWidget     *target_widget,
           double         y)
{
  GtkWidget *row = jj_draft_window_get_card_row (window, section, card);
  GtkDragSource *source = g_object_get_data (G_OBJECT (row), "jj-drag-source");
  GtkDropTarget *target = g_object_get_data (G_OBJECT (target_widget), "jj-drop-target");
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  gboolean accepted = FALSE;

  g_assert_nonnull (source);
  g_assert_nonnull (target);
  g_assert_true (jj_test_wait_until (has_height, target_widget));
  if (y < 0)
    y += gtk_widget_get_height (target_widget);
  g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  gdk_content_provider_get_value (content, &value, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (target, "drop", &value, 10.0, y, &accepted);

  return accepted;
}

static char *
strip_space (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* The exported .docx as LibreOffice prints it: A4, with the board's text
 * in the board's order. */
static void
check_docx_as_pdf (const char *dir,
                   const char *docx)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *profile_arg = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (soffice == NULL || pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_message ("LibreOffice (soffice) or poppler-utils is not installed: the .docx is not printed");
      return;
    }

  profile_arg = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
  pdf = g_build_filename (dir, "新讲话.pdf", NULL);
  {
    const char *argv[] = { soffice, profile_arg, "--headless", "--convert-to", "pdf", "--outdir", dir, docx, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  {
    const char *argv[] = { pdfinfo, pdf, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &info, NULL, &status, &error));
  }
  g_assert_nonnull (strstr (info, "(A4)"));

  {
    const char *argv[] = { pdftotext, pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, &status, &error));
  }
  flat = strip_space (text);
  g_assert_nonnull (strstr (flat, "新的讲话"));
  g_assert_nonnull (strstr (flat, "二、狠抓落实"));
  g_assert_nonnull (strstr (flat, PASSAGE_A1));
  g_assert_true (strstr (flat, PASSAGE_A1) < strstr (flat, PASSAGE_A2));
  g_assert_true (strstr (flat, PASSAGE_A2) < strstr (flat, OWN_TEXT));
}

typedef struct
{
  const char *path;
  const char *heading;
} SavedHeading;

static gboolean
saved_heading_is (gpointer data)
{
  SavedHeading *wait = data;
  g_autoptr(JjDraft) draft = jj_draft_load (wait->path, NULL);

  return draft != NULL && jj_draft_get_n_sections (draft) > 2 &&
         g_strcmp0 (jj_draft_section_get_heading (jj_draft_get_section (draft, 2)), wait->heading) == 0;
}

static void
test_board (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JjDraft) skeleton = jj_draft_new_skeleton ("新的讲话");
  g_autoptr(JjDraft) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *saved_xml = NULL;
  g_autofree char *board_xml = NULL;
  g_autofree char *md = NULL;
  g_autofree char *docx_data = NULL;
  g_autofree char *document_xml = NULL;
  g_autofree char *md_path = g_build_filename (fixture->dir, "新讲话.md", NULL);
  g_autofree char *docx_path = g_build_filename (fixture->dir, "新讲话.docx", NULL);
  g_autoptr(GFile) md_file = g_file_new_for_path (md_path);
  g_autoptr(GFile) docx_file = g_file_new_for_path (docx_path);
  g_autoptr(JjZip) zip = NULL;
  JjDraftWindow *window;
  JjDraftSection *section;
  JjDraftCard *card;
  GtkWidget *row;
  GtkLabel *changed;
  GtkLabel *original;
  gsize docx_size;
  SavedHeading wait;

  window = jj_draft_window_new (NULL, skeleton, fixture->draft_path);
  gtk_window_present (GTK_WINDOW (window));
  jj_test_spin (20);
  assert_board (window, "同志们：:|一、:|二、:|三、:|（结束语）:");
  g_assert_false (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "undo")));
  g_assert_false (press (window, GDK_KEY_z, GDK_CONTROL_MASK));

  /* Three passages of two speeches, sent to the board: with no card yet,
   * the first goes under the first numbered heading, the next after it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-mark", "(ss)", fixture->path_a, fixture->id_a1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-mark", "(ss)", fixture->path_b, fixture->id_b1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-mark", "(ss)", fixture->path_a, fixture->id_a2);
  jj_test_spin (5);
  assert_board (window, "同志们：:|一、:" PASSAGE_A1 "," PASSAGE_B1 "," PASSAGE_A2 "|二、:|三、:|（结束语）:");

  section = jj_draft_get_section (jj_draft_window_get_draft (window), 1);
  card = jj_draft_section_get_card (section, 1);
  g_assert_cmpint (jj_draft_card_get_kind (card), ==, JJ_DRAFT_CARD_BORROWED);
  g_assert_cmpstr (jj_draft_card_get_document (card), ==, fixture->path_b);
  g_assert_cmpstr (jj_draft_card_get_document_title (card), ==, "在全市教育工作会议上的讲话");
  g_assert_cmpstr (jj_draft_card_get_mark_id (card), ==, fixture->id_b1);
  g_assert_cmpuint (jj_draft_card_get_end (card) - jj_draft_card_get_start (card), ==,
                    g_utf8_strlen (PASSAGE_B1, -1));

  /* A passage that is not there any more: a message, no card. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-mark", "(ss)", fixture->path_a, "no-such-mark");
  jj_test_spin (5);
  g_assert_cmpuint (jj_draft_section_get_n_cards (section), ==, 3);

  /* A card of our own, after the current one, typed in. */
  focus_card (window, 1, 2, 0);
  g_assert_true (press (window, GDK_KEY_Return, GDK_CONTROL_MASK));
  jj_test_spin (5);
  gtk_text_buffer_set_text (card_buffer (window, 1, 3), OWN_TEXT, -1);
  assert_board (window, "同志们：:|一、:" PASSAGE_A1 "," PASSAGE_B1 "," PASSAGE_A2 "," OWN_TEXT "|二、:|三、:|（结束语）:");
  g_assert_cmpint (jj_draft_card_get_kind (jj_draft_section_get_card (section, 3)), ==, JJ_DRAFT_CARD_OWN);

  /* Reordering by keys: up within the section, down across headings. */
  focus_card (window, 1, 2, 0);
  g_assert_true (press (window, GDK_KEY_Up, GDK_ALT_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_A1 "," PASSAGE_A2 "," PASSAGE_B1 "," OWN_TEXT "|二、:|三、:|（结束语）:");
  focus_card (window, 1, 3, 0);
  g_assert_true (press (window, GDK_KEY_Down, GDK_ALT_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_A1 "," PASSAGE_A2 "," PASSAGE_B1 "|二、:" OWN_TEXT "|三、:|（结束语）:");
  g_assert_true (press (window, GDK_KEY_Up, GDK_ALT_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_A1 "," PASSAGE_A2 "," PASSAGE_B1 "," OWN_TEXT "|二、:|三、:|（结束语）:");
  g_assert_true (press (window, GDK_KEY_Down, GDK_ALT_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_A1 "," PASSAGE_A2 "," PASSAGE_B1 "|二、:" OWN_TEXT "|三、:|（结束语）:");

  /* The moved card keeps the focus. */
  {
    guint s, c;

    g_assert_true (jj_draft_window_get_current (window, &s, &c));
    g_assert_cmpuint (s, ==, 2);
    g_assert_cmpuint (c, ==, 0);
  }

  /* By drag and drop: onto the upper half of a card goes before it, onto
   * a heading goes first under it. */
  row = jj_draft_window_get_card_row (window, 1, 0);
  g_assert_true (drag_card (window, 1, 2, row, 1.0));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");
  g_assert_true (drag_card (window, 1, 2, jj_draft_window_get_heading (window, 3), 1.0));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "|二、:" OWN_TEXT "|三、:" PASSAGE_A2 "|（结束语）:");
  row = jj_draft_window_get_card_row (window, 2, 0);
  g_assert_true (drag_card (window, 1, 0, row, -2.0));
  assert_board (window, "同志们：:|一、:" PASSAGE_A1 "|二、:" OWN_TEXT "," PASSAGE_B1 "|三、:" PASSAGE_A2 "|（结束语）:");
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "|二、:" OWN_TEXT "|三、:" PASSAGE_A2 "|（结束语）:");

  /* Undo twice, redo once. */
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_A1 "," PASSAGE_A2 "," PASSAGE_B1 "|二、:" OWN_TEXT "|三、:|（结束语）:");
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");

  /* A marked passage dropped from elsewhere becomes a borrowed card there. */
  {
    g_autofree char *payload = g_strdup_printf ("jiejian-mark:%s:%s", fixture->path_b, fixture->id_b1);
    g_autofree char *gone = g_strdup_printf ("jiejian-mark:%s:no-such-mark", fixture->path_b);

    g_assert_true (drop_string (jj_draft_window_get_card_row (window, 2, 0), payload, -2.0));
    assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "," PASSAGE_B1 "|三、:|（结束语）:");
    card = jj_draft_section_get_card (jj_draft_get_section (jj_draft_window_get_draft (window), 2), 1);
    g_assert_cmpint (jj_draft_card_get_kind (card), ==, JJ_DRAFT_CARD_BORROWED);
    g_assert_cmpstr (jj_draft_card_get_mark_id (card), ==, fixture->id_b1);
    g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));

    g_assert_false (drop_string (jj_draft_window_get_heading (window, 3), gone, 1.0));
    g_assert_false (drop_string (jj_draft_window_get_heading (window, 3), "some text", 1.0));
    assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");
  }

  /* From a heading, a new card goes first under it; headings come and go. */
  gtk_widget_grab_focus (jj_draft_window_get_heading (window, 3));
  jj_test_spin (5);
  g_assert_true (press (window, GDK_KEY_Return, GDK_CONTROL_MASK));
  gtk_text_buffer_set_text (card_buffer (window, 3, 0), "新", -1);
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:新|（结束语）:");
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");
  gtk_widget_grab_focus (jj_draft_window_get_heading (window, 2));
  jj_test_spin (5);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-section", NULL);
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|:|三、:|（结束语）:");
  g_assert_true (gtk_widget_has_focus (jj_draft_window_get_heading (window, 3)) ||
                 gtk_widget_is_focus (jj_draft_window_get_heading (window, 3)) ||
                 gtk_widget_get_focus_child (jj_draft_window_get_heading (window, 3)) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-section", NULL);
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");
  gtk_widget_grab_focus (jj_draft_window_get_heading (window, 1));
  jj_test_spin (5);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-section", NULL);
  assert_board (window, "同志们：:|二、:" OWN_TEXT "|三、:|（结束语）:");
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");

  /* A section moves with its cards. */
  focus_card (window, 2, 0, 0);
  g_assert_true (press (window, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK));
  assert_board (window, "同志们：:|二、:" OWN_TEXT "|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|三、:|（结束语）:");
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");

  /* Split at the cursor: the halves of an unchanged passage quote their
   * own halves of the source. */
  focus_card (window, 1, 1, 4);
  g_assert_true (press (window, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 ",社区是城,市治理的基本单元," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");
  section = jj_draft_get_section (jj_draft_window_get_draft (window), 1);
  card = jj_draft_section_get_card (section, 2);
  g_assert_cmpstr (jj_draft_card_get_quote (card), ==, "市治理的基本单元");
  g_assert_cmpstr (jj_draft_card_get_mark_id (card), ==, fixture->id_a1);
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");

  /* Delete, where no text has the focus, and undo it. */
  focus_card (window, 1, 2, 0);
  row = jj_draft_window_get_card_row (window, 1, 2);
  g_assert_true (press_on (g_object_get_data (G_OBJECT (row), "jj-text"), GDK_KEY_Escape, 0));
  g_assert_true (gtk_widget_has_focus (row));
  g_assert_true (press (window, GDK_KEY_Delete, 0));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "|二、:" OWN_TEXT "|三、:|（结束语）:");
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  assert_board (window, "同志们：:|一、:" PASSAGE_B1 "," PASSAGE_A1 "," PASSAGE_A2 "|二、:" OWN_TEXT "|三、:|（结束语）:");

  /* Rewriting a borrowed passage shows how much of it was changed; the
   * typing in one card is undone at once. */
  gtk_text_buffer_set_text (card_buffer (window, 1, 0), "教育是民族的基础工程", -1);
  gtk_text_buffer_set_text (card_buffer (window, 1, 0), "教育是民族振兴的基础工程", -1);
  section = jj_draft_get_section (jj_draft_window_get_draft (window), 1);
  card = jj_draft_section_get_card (section, 0);
  g_assert_cmpfloat (jj_draft_card_get_changed (card), >, 0.2);
  changed = g_object_get_data (G_OBJECT (jj_draft_window_get_card_row (window, 1, 0)), "jj-changed-label");
  {
    g_autofree char *label = g_strdup_printf ("Changed %d%%", (int) (jj_draft_card_get_changed (card) * 100 + 0.5));

    g_assert_cmpstr (gtk_label_get_text (changed), ==, label);
  }
  original = g_object_get_data (G_OBJECT (jj_draft_window_get_card_row (window, 1, 0)), "jj-original-label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (original)));
  g_assert_cmpstr (gtk_label_get_text (original), ==, "Source: " PASSAGE_B1);
  g_assert_false (gtk_widget_get_visible (g_object_get_data (G_OBJECT (jj_draft_window_get_card_row (window, 1, 1)),
                                                             "jj-original-label")));
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpstr (jj_draft_card_get_text (jj_draft_section_get_card (jj_draft_get_section (jj_draft_window_get_draft (window), 1), 0)),
                   ==, PASSAGE_B1);
  g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));

  /* Saved with Ctrl+S, and after an edit by itself. */
  g_assert_true (press (window, GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_true (g_file_test (fixture->draft_path, G_FILE_TEST_EXISTS));
  gtk_editable_set_text (GTK_EDITABLE (jj_draft_window_get_heading (window, 2)), "二、狠抓落实");
  wait.path = fixture->draft_path;
  wait.heading = "二、狠抓落实";
  g_assert_true (jj_test_wait_until (saved_heading_is, &wait));

  board_xml = jj_draft_to_xml (jj_draft_window_get_draft (window), NULL);
  expected = summary (jj_draft_window_get_draft (window));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Reopened, the board is the same draft. */
  window = jj_draft_window_open (NULL, fixture->draft_path, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  jj_test_spin (10);
  saved_xml = jj_draft_to_xml (jj_draft_window_get_draft (window), NULL);
  g_assert_cmpstr (saved_xml, ==, board_xml);
  assert_board (window, expected);
  assert_board (window, "同志们：:|一、:教育是民族振兴的基础工程," PASSAGE_A1 "," PASSAGE_A2 "|二、狠抓落实:" OWN_TEXT "|三、:|（结束语）:");
  card = jj_draft_section_get_card (jj_draft_get_section (jj_draft_window_get_draft (window), 1), 2);
  g_assert_cmpstr (jj_draft_card_get_document (card), ==, fixture->path_a);
  g_assert_cmpstr (jj_draft_card_get_mark_id (card), ==, fixture->id_a2);

  /* Exported to Markdown and to Word. */
  g_assert_true (jj_draft_window_export_to (window, md_file, "md", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (md_path, &md, NULL, NULL));
  g_assert_nonnull (strstr (md, "# 新的讲话\n"));
  g_assert_nonnull (strstr (md, "二、狠抓落实"));
  g_assert_nonnull (strstr (md, PASSAGE_A2));
  g_assert_nonnull (strstr (md, OWN_TEXT));
  g_assert_nonnull (strstr (md, "关于推进社区治理工作的讲话"));  /* a source */
  g_assert_true (strstr (md, PASSAGE_A1) < strstr (md, PASSAGE_A2));
  g_assert_true (strstr (md, PASSAGE_A2) < strstr (md, OWN_TEXT));

  g_assert_true (jj_draft_window_export_to (window, docx_file, "docx", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (docx_path, &docx_data, &docx_size, NULL));
  zip = jj_zip_new (docx_data, docx_size, &error);
  g_assert_no_error (error);
  document_xml = jj_zip_read (zip, "word/document.xml", 16 * 1024 * 1024, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (document_xml, "新的讲话"));
  g_assert_nonnull (strstr (document_xml, PASSAGE_A2));
  g_assert_true (strstr (document_xml, PASSAGE_A1) < strstr (document_xml, OWN_TEXT));

  check_docx_as_pdf (fixture->dir, docx_path);

  g_assert_false (jj_draft_window_export_to (window, md_file, "pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_dialog_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* A draft never saved is not closed without asking. */
static void
test_close_unsaved (void)
{
  g_autoptr(JjDraft) skeleton = jj_draft_new_skeleton ("");
  JjDraftWindow *window = jj_draft_window_new (NULL, skeleton, NULL);
  AdwMessageDialog *dialog;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_present (GTK_WINDOW (window));
  jj_test_spin (10);

  /* Untouched, it just closes. */
  gtk_window_close (GTK_WINDOW (window));
  jj_test_spin (5);
  g_assert_null (weak);

  window = jj_draft_window_new (NULL, skeleton, NULL);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_present (GTK_WINDOW (window));
  jj_test_spin (10);
  g_assert_true (press (window, GDK_KEY_Return, GDK_CONTROL_MASK));
  gtk_text_buffer_set_text (card_buffer (window, 1, 0), OWN_TEXT, -1);

  gtk_window_close (GTK_WINDOW (window));
  jj_test_spin (5);
  g_assert_nonnull (weak);
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  jj_test_spin (5);
  g_assert_nonnull (weak);

  gtk_window_close (GTK_WINDOW (window));
  jj_test_spin (5);
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  g_assert_true (jj_test_wait_until (is_gone, &weak));

  /* Nor one that cannot be saved where it is. */
  window = jj_draft_window_new (NULL, skeleton, "/nonexistent/folder/草稿" JJ_DRAFT_SUFFIX);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_present (GTK_WINDOW (window));
  jj_test_spin (10);
  gtk_editable_set_text (GTK_EDITABLE (jj_draft_window_get_heading (window, 1)), "一、新的要求");
  gtk_window_close (GTK_WINDOW (window));
  jj_test_spin (5);
  g_assert_nonnull (weak);
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The draft could not be saved");
  adw_message_dialog_response (dialog, "cancel");
  jj_test_spin (5);
  gtk_window_close (GTK_WINDOW (window));
  jj_test_spin (5);
  g_assert_nonnull (weak);
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  g_assert_true (jj_test_wait_until (is_gone, &weak));
}

static gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static gboolean
chooser_is_gone (gpointer data)
{
  return *(JjDraftChooser **) data == NULL;
}

/* Presses @keyval in @window on the real keyboard (XTEST); without XTEST,
 * runs what the key does there: FALSE then. */
static gboolean
key_in (GtkWindow *window,
        guint      keyval)
{
  if (!jj_test_wait_until (window_is_active, window) || !jj_xtest_key (window, keyval, 0))
    return FALSE;
  jj_test_spin (30);

  return TRUE;
}

/* Send to Draft: the chooser lists the open drafts and a new one, starts
 * on the heading the board is at, and sends the passage under the heading
 * chosen with the arrow keys and Return. */
static void
test_send_to_draft (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("org.jiejian.TestDraftChooser", G_APPLICATION_NON_UNIQUE);
  g_autoptr(JjDraft) skeleton = jj_draft_new_skeleton ("送稿测试");
  g_autoptr(GError) error = NULL;
  JjDraftWindow *board;
  JjDraftChooser *chooser;
  JjDraftSection *target;
  GtkWidget *sent;
  guint draft = G_MAXUINT, section = G_MAXUINT, n_sections;
  gboolean real_keys;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  board = jj_draft_window_new (app, skeleton, NULL);
  gtk_window_present (GTK_WINDOW (board));
  n_sections = jj_draft_get_n_sections (skeleton);
  g_assert_cmpuint (n_sections, >=, 4);

  /* The board is at its second heading. */
  g_assert_true (gtk_widget_grab_focus (jj_draft_window_get_heading (board, 2)));
  jj_test_spin (5);
  g_assert_cmpuint (jj_draft_window_get_current_section (board), ==, 2);

  chooser = jj_draft_chooser_new (app, GTK_WINDOW (board), fixture->path_a, fixture->id_a1);
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  gtk_window_present (GTK_WINDOW (chooser));
  g_assert_cmpuint (jj_draft_chooser_get_n_drafts (chooser), ==, 2);
  g_assert_cmpuint (jj_draft_chooser_get_n_sections (chooser), ==, n_sections);
  g_assert_true (jj_draft_chooser_get_selected (chooser, &draft, &section));
  g_assert_cmpuint (draft, ==, 0);
  g_assert_cmpuint (section, ==, 2);

  /* Down, then Return: the passage goes under the third heading. */
  real_keys = key_in (GTK_WINDOW (chooser), GDK_KEY_Down);
  if (real_keys)
    {
      g_assert_true (jj_draft_chooser_get_selected (chooser, &draft, &section));
      g_assert_cmpuint (draft, ==, 0);
      g_assert_cmpuint (section, ==, 3);
      g_assert_true (key_in (GTK_WINDOW (chooser), GDK_KEY_Return));
      g_assert_true (jj_test_wait_until (chooser_is_gone, &chooser));
      g_test_message ("chosen with real key presses");
    }
  else
    {
      g_test_message ("no XTEST: the keys' choice is made through the chooser's functions");
      g_assert_true (jj_draft_chooser_select (chooser, 0, 3));
      g_assert_true (jj_draft_chooser_send (chooser) == GTK_WIDGET (board));
    }
  g_assert_null (chooser);
  target = jj_draft_get_section (jj_draft_window_get_draft (board), 3);
  g_assert_cmpuint (jj_draft_section_get_n_cards (target), ==, 1);
  g_assert_cmpstr (jj_draft_card_get_quote (jj_draft_section_get_card (target, 0)), ==, PASSAGE_A1);
  g_assert_cmpstr (jj_draft_card_get_mark_id (jj_draft_section_get_card (target, 0)), ==, fixture->id_a1);
  for (guint i = 0; i < n_sections; i++)
    if (i != 3)
      g_assert_cmpuint (jj_draft_section_get_n_cards (jj_draft_get_section (jj_draft_window_get_draft (board), i)), ==, 0);

  /* The next passage, sent under the same heading, goes after it. */
  chooser = jj_draft_chooser_new (app, GTK_WINDOW (board), fixture->path_b, fixture->id_b1);
  g_assert_true (jj_draft_chooser_get_selected (chooser, &draft, &section));
  g_assert_cmpuint (section, ==, 3);
  g_assert_true (jj_draft_chooser_send (chooser) == GTK_WIDGET (board));
  assert_board (board, "同志们：:|一、:|二、:|三、:" PASSAGE_A1 "," PASSAGE_B1 "|（结束语）:");

  /* The last row is a new draft, its skeleton's headings offered. */
  chooser = jj_draft_chooser_new (app, GTK_WINDOW (board), fixture->path_a, fixture->id_a2);
  g_assert_true (jj_draft_chooser_select (chooser, 1, 0));
  g_assert_cmpuint (jj_draft_chooser_get_n_sections (chooser), ==, n_sections);
  g_assert_false (jj_draft_chooser_select (chooser, 2, 0));
  sent = jj_draft_chooser_send (chooser);
  g_assert_true (JJ_IS_DRAFT_WINDOW (sent));
  g_assert_true (sent != GTK_WIDGET (board));
  target = jj_draft_get_section (jj_draft_window_get_draft (JJ_DRAFT_WINDOW (sent)), 0);
  g_assert_cmpuint (jj_draft_section_get_n_cards (target), ==, 1);
  g_assert_cmpstr (jj_draft_card_get_quote (jj_draft_section_get_card (target, 0)), ==, PASSAGE_A2);

  gtk_window_destroy (GTK_WINDOW (sent));
  gtk_window_destroy (GTK_WINDOW (board));
}

/* The drag sources under @widget, in the order of the widget tree. */
static void
collect_drag_sources (GtkWidget *widget,
                      GPtrArray *sources)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        g_ptr_array_add (sources, controller);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_drag_sources (child, sources);
}

/* What a drag from @source carries, as the pointer starts it. */
static char *
drag_payload (GtkDragSource *source)
{
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
  if (content == NULL)
    return NULL;
  g_value_init (&value, G_TYPE_STRING);
  gdk_content_provider_get_value (content, &value, &error);
  g_assert_no_error (error);

  return g_value_dup_string (&value);
}

static gboolean
library_shows_three (gpointer window)
{
  return jj_library_window_get_n_shown (window) == 3;
}

/* Marked passages dragged from the reader's marks panel and from the
 * 素材库 onto the board become borrowed cards under the heading they are
 * dropped on. */
static void
test_drag_sources (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JjDraft) skeleton = jj_draft_new_skeleton ("拖放测试");
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autofree char *index_path = g_build_filename (fixture->dir, "library.xml", NULL);
  g_autoptr(GFile) index = g_file_new_for_path (index_path);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(JjLibrary) library = jj_library_new (index);
  JjDraftWindow *board = jj_draft_window_new (NULL, skeleton, NULL);
  JjLibraryWindow *library_window;
  JjWindow *reader;
  JjDraftSection *section;
  guint from_b = G_MAXUINT;

  gtk_window_present (GTK_WINDOW (board));

  /* The reader's marks panel: each mark's row is a drag source. */
  reader = jj_test_open_path (fixture->path_a, 900, 700);
  collect_drag_sources (GTK_WIDGET (reader->marks_panel), sources);
  g_assert_cmpuint (sources->len, ==, 2);
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *payload = drag_payload (sources->pdata[i]);
      g_autofree char *prefix = g_strdup_printf ("jiejian-mark:%s:", fixture->path_a);

      g_assert_nonnull (payload);
      g_assert_true (g_str_has_prefix (payload, prefix));
      g_assert_true (drop_string (jj_draft_window_get_heading (board, 1), payload, 1.0));
    }
  section = jj_draft_get_section (jj_draft_window_get_draft (board), 1);
  g_assert_cmpuint (jj_draft_section_get_n_cards (section), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JjDraftCard *card = jj_draft_section_get_card (section, i);

      g_assert_cmpuint (jj_draft_card_get_kind (card), ==, JJ_DRAFT_CARD_BORROWED);
      g_assert_cmpstr (jj_draft_card_get_document (card), ==, fixture->path_a);
      g_assert_true (g_str_equal (jj_draft_card_get_mark_id (card), fixture->id_a1) ||
                     g_str_equal (jj_draft_card_get_mark_id (card), fixture->id_a2));
    }
  g_assert_cmpstr (jj_draft_card_get_mark_id (jj_draft_section_get_card (section, 0)), !=,
                   jj_draft_card_get_mark_id (jj_draft_section_get_card (section, 1)));
  gtk_window_destroy (GTK_WINDOW (reader));

  /* The 素材库: each passage's row; the one of speech b dropped on 二、. */
  jj_library_add_folder (library, folder);
  library_window = JJ_LIBRARY_WINDOW (jj_library_window_new (NULL, library));
  gtk_window_present (GTK_WINDOW (library_window));
  g_assert_true (jj_test_wait_until (library_shows_three, library_window));
  jj_test_spin (20);
  g_ptr_array_set_size (sources, 0);
  collect_drag_sources (GTK_WIDGET (library_window), sources);
  g_assert_cmpuint (sources->len, >=, 3);
  for (guint i = 0; i < sources->len && from_b == G_MAXUINT; i++)
    {
      g_autofree char *payload = drag_payload (sources->pdata[i]);

      if (payload != NULL && strstr (payload, fixture->id_b1) != NULL)
        {
          g_autofree char *want = g_strdup_printf ("jiejian-mark:%s:%s", fixture->path_b, fixture->id_b1);

          g_assert_cmpstr (payload, ==, want);
          g_assert_true (drop_string (jj_draft_window_get_heading (board, 2), payload, 1.0));
          from_b = i;
        }
    }
  g_assert_cmpuint (from_b, !=, G_MAXUINT);
  section = jj_draft_get_section (jj_draft_window_get_draft (board), 2);
  g_assert_cmpuint (jj_draft_section_get_n_cards (section), ==, 1);
  g_assert_cmpstr (jj_draft_card_get_quote (jj_draft_section_get_card (section, 0)), ==, PASSAGE_B1);
  g_assert_cmpstr (jj_draft_card_get_document (jj_draft_section_get_card (section, 0)), ==, fixture->path_b);

  gtk_window_destroy (GTK_WINDOW (library_window));
  gtk_window_destroy (GTK_WINDOW (board));
}

typedef struct
{
  char       *uri;
  const char *group;
} RecentWait;

static gboolean
recorded_in_group (gpointer data)
{
  RecentWait *wait = data;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autoptr(GBookmarkFile) list = g_bookmark_file_new ();

  return g_bookmark_file_load_from_file (list, path, NULL) &&
         g_bookmark_file_has_group (list, wait->uri, wait->group, NULL);
}

static GtkWidget *
row_titled (GtkListBox *list,
            const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;

  return NULL;
}

static gboolean
lists_both_drafts (gpointer data)
{
  JjWindow *window = data;

  return gtk_widget_get_visible (GTK_WIDGET (window->recent_drafts_list)) &&
         row_titled (window->recent_drafts_list, "打开过的草稿") != NULL &&
         row_titled (window->recent_drafts_list, "另存的草稿") != NULL;
}

static JjDraftWindow *
board_for (const char *path)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (JJ_IS_DRAFT_WINDOW (l->data) && g_strcmp0 (jj_draft_window_get_path (l->data), path) == 0)
      return l->data;

  return NULL;
}

static gboolean
board_is_open (gpointer path)
{
  return board_for (path) != NULL;
}

/* Drafts opened and drafts saved under a name go into the recent files,
 * as drafts; the empty window lists them apart from the speeches, and one
 * click opens one on its board. */
static void
test_recent_drafts (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JjDraft) opened = jj_draft_new_skeleton ("打开过的草稿");
  g_autoptr(JjDraft) saved = jj_draft_new_skeleton ("另存的草稿");
  g_autofree char *saved_path = g_build_filename (fixture->dir, "另存" JJ_DRAFT_SUFFIX, NULL);
  g_autoptr(GFile) opened_file = g_file_new_for_path (fixture->draft_path);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  g_autoptr(GError) error = NULL;
  RecentWait wait = { NULL, JJ_RECENT_DRAFTS_GROUP };
  JjDraftWindow *board;
  JjWindow *empty;

  g_assert_true (jj_draft_save (opened, fixture->draft_path, &error));
  g_assert_no_error (error);

  board = jj_draft_window_open (NULL, fixture->draft_path, &error);
  g_assert_no_error (error);
  wait.uri = g_file_get_uri (opened_file);
  g_assert_true (jj_test_wait_until (recorded_in_group, &wait));
  g_free (wait.uri);
  gtk_window_destroy (GTK_WINDOW (board));

  board = jj_draft_window_new (NULL, saved, NULL);
  g_assert_true (jj_draft_window_save_to (board, saved_path, &error));
  g_assert_no_error (error);
  wait.uri = g_file_get_uri (saved_file);
  g_assert_true (jj_test_wait_until (recorded_in_group, &wait));
  g_free (wait.uri);
  gtk_window_destroy (GTK_WINDOW (board));

  empty = jj_window_new (NULL);
  gtk_window_present (GTK_WINDOW (empty));
  g_assert_true (jj_test_wait_until (lists_both_drafts, empty));
  g_assert_null (row_titled (empty->recent_list, "打开过的草稿"));

  g_signal_emit_by_name (empty->recent_drafts_list, "row-activated",
                         row_titled (empty->recent_drafts_list, "另存的草稿"));
  g_assert_true (jj_test_wait_until (board_is_open, saved_path));
  board = board_for (saved_path);
  g_assert_cmpstr (jj_draft_get_title (jj_draft_window_get_draft (board)), ==, "另存的草稿");

  gtk_window_destroy (GTK_WINDOW (board));
  gtk_window_destroy (GTK_WINDOW (empty));
}

int
main (int   argc,
      char *argv[])
{
  char *home = jj_test_ui_init (&argc, &argv);

  if (home == NULL)
    return 0;

  g_test_add ("/draft-window/board", Fixture, NULL, fixture_set_up, test_board, fixture_tear_down);
  g_test_add_func ("/draft-window/close-unsaved", test_close_unsaved);
  g_test_add ("/draft-window/drag-sources", Fixture, NULL, fixture_set_up, test_drag_sources, fixture_tear_down);
  g_test_add ("/draft-window/recent-drafts", Fixture, NULL, fixture_set_up, test_recent_drafts, fixture_tear_down);
  g_test_add ("/draft-window/send-to-draft", Fixture, NULL, fixture_set_up, test_send_to_draft, fixture_tear_down);

  return jj_test_ui_run (home);
}
