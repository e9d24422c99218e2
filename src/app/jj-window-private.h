/* jj-window-private.h — the window's state, shared by its source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-document.h"
#include "jj-mark-session.h"
#include "jj-mark-popover.h"
#include "jj-mark-store.h"
#include "jj-marks-panel.h"
#include "jj-outline-panel.h"
#include "jj-reader-view.h"
#include "jj-speech-info.h"
#include "jj-window.h"

G_BEGIN_DECLS

struct _JjWindow
{
  AdwApplicationWindow  parent_instance;

  JjDocument           *document;
  GFile                *file;
  GCancellable         *cancellable;
  GSettings            *settings;

  /* Template widgets */
  GtkPaned             *outline_paned;
  JjOutlinePanel       *outline_panel;
  GtkStack             *stack;
  JjReaderView         *reader_view;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkListBox           *recent_list;
  GtkListBox           *recent_drafts_list;
  GtkLabel             *loading_label;
  GtkProgressBar       *loading_progress;
  GtkLabel             *loading_stage;
  GFileMonitor         *monitor;
  gboolean              reloading;

  JjMarkSession        *session;       /* the marks of the document shown */
  JjMarkStore          *marks;         /* the session's store */
  gboolean              marks_loading;
  gboolean              marks_reload;  /* loaded again after the speech changed on disk */
  JjMarkPopover        *popover;
  JjMark               *editing;       /* the mark the popover edits, or NULL */
  GtkWidget            *focus_before_popover; /* weak */
  GError               *save_error;
  AdwFlap              *marks_flap;
  JjMarksPanel         *marks_panel;
  GtkButton            *save_warning;

  gboolean              show_original;
  gboolean              has_pending_selection;
  gboolean              watching_recent;
  guint                 pending_start;
  guint                 pending_end;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *match_label;

  GArray               *matches;
  int                   current_match;

  gboolean              quiet_outline;  /* an outline row selected now is no reader's choice */
  JjSpeechInfo         *speech;         /* title, speaker, date, occasion; NULL without document */
};

void            _jj_window_show_error        (JjWindow       *self,
                                              const char     *heading,
                                              GError         *error);

void            _jj_window_class_init_find   (GtkWidgetClass *widget_class);
void            _jj_window_init_find         (JjWindow       *self);
void            _jj_window_refresh_find      (JjWindow       *self);

void            _jj_window_class_init_marks  (GtkWidgetClass *widget_class);
void            _jj_window_init_marks        (JjWindow       *self);
void            _jj_window_load_marks        (JjWindow       *self,
                                              JjDocument     *document);
void            _jj_window_close_marks       (JjWindow       *self);

void            _jj_window_class_init_details (GtkWidgetClass *widget_class);
void            _jj_window_load_details      (JjWindow       *self);
void            _jj_window_keep_details      (JjWindow       *self);

void            _jj_window_debug_marks_loaded (JjWindow      *self);
void            _jj_window_debug_marks_closed (JjWindow      *self);

/* For tests */
JjDocument     *_jj_window_get_document      (JjWindow       *self);
JjOutlinePanel *_jj_window_get_outline_panel (JjWindow       *self);
JjReaderView   *_jj_window_get_reader_view   (JjWindow       *self);
JjMarkStore    *_jj_window_get_marks         (JjWindow       *self);
gboolean        _jj_window_get_marks_loading (JjWindow       *self);
JjMarksPanel   *_jj_window_get_marks_panel   (JjWindow       *self);

G_END_DECLS
