/* jj-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JJ_TYPE_APPLICATION (jj_application_get_type ())

G_DECLARE_FINAL_TYPE (JjApplication, jj_application, JJ, APPLICATION, AdwApplication)

typedef struct _JjReadingPositions JjReadingPositions;
typedef struct _JjLibrary JjLibrary;

JjApplication      *jj_application_new                   (void);
JjReadingPositions *jj_application_get_reading_positions (JjApplication *self);
JjLibrary          *jj_application_get_library           (JjApplication *self);
void                jj_application_open_at               (JjApplication *self,
                                                          GFile         *file,
                                                          guint          start,
                                                          guint          end);
GtkWidget          *jj_application_check_reuse           (JjApplication *self,
                                                          GtkWindow     *parent,
                                                          const char    *title,
                                                          const char    *text,
                                                          GFile         *file);

G_END_DECLS
