/* jj-passage.h — one marked passage as the library shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "jj-mark.h"

G_BEGIN_DECLS

/* Where the document of a passage is, as far as the library knows. */
typedef enum
{
  JJ_DOCUMENT_STATUS_PRESENT,  /* at its known location */
  JJ_DOCUMENT_STATUS_MOVED,    /* found again at a new location */
  JJ_DOCUMENT_STATUS_MISSING,  /* gone; passages come from the sidecar or the index */
} JjDocumentStatus;

#define JJ_TYPE_PASSAGE (jj_passage_get_type ())

G_DECLARE_FINAL_TYPE (JjPassage, jj_passage, JJ, PASSAGE, GObject)

JjPassage          *jj_passage_new                  (const char         *id);
JjPassage          *jj_passage_new_from_mark        (JjMark             *mark,
                                                     const char         *document_path,
                                                     const char         *document_title);

const char         *jj_passage_get_id               (JjPassage          *self);
const char         *jj_passage_get_quote            (JjPassage          *self);
void                jj_passage_set_quote            (JjPassage          *self,
                                                     const char         *quote);
const char         *jj_passage_get_kind             (JjPassage          *self);
void                jj_passage_set_kind             (JjPassage          *self,
                                                     const char         *kind);
const char * const *jj_passage_get_tags             (JjPassage          *self);
void                jj_passage_set_tags             (JjPassage          *self,
                                                     const char * const *tags);
gboolean            jj_passage_has_tag              (JjPassage          *self,
                                                     const char         *tag);
const char         *jj_passage_get_note             (JjPassage          *self);
void                jj_passage_set_note             (JjPassage          *self,
                                                     const char         *note);
const char         *jj_passage_get_author           (JjPassage          *self);
void                jj_passage_set_author           (JjPassage          *self,
                                                     const char         *author);
GDateTime          *jj_passage_get_created          (JjPassage          *self);
void                jj_passage_set_created          (JjPassage          *self,
                                                     GDateTime          *created);
GDateTime          *jj_passage_get_modified         (JjPassage          *self);
void                jj_passage_set_modified         (JjPassage          *self,
                                                     GDateTime          *modified);
const char         *jj_passage_get_document_title   (JjPassage          *self);
void                jj_passage_set_document_title   (JjPassage          *self,
                                                     const char         *title);
const char         *jj_passage_get_document_path    (JjPassage          *self);
void                jj_passage_set_document_path    (JjPassage          *self,
                                                     const char         *path);
const char         *jj_passage_get_speaker          (JjPassage          *self);
void                jj_passage_set_speaker          (JjPassage          *self,
                                                     const char         *speaker);
const char         *jj_passage_get_speech_date      (JjPassage          *self);
void                jj_passage_set_speech_date      (JjPassage          *self,
                                                     const char         *date);
const char         *jj_passage_get_section          (JjPassage          *self);
void                jj_passage_set_section          (JjPassage          *self,
                                                     const char         *section);
guint               jj_passage_get_start            (JjPassage          *self);
guint               jj_passage_get_end              (JjPassage          *self);
void                jj_passage_set_range            (JjPassage          *self,
                                                     guint               start,
                                                     guint               end);
JjDocumentStatus    jj_passage_get_document_status  (JjPassage          *self);
void                jj_passage_set_document_status  (JjPassage          *self,
                                                     JjDocumentStatus    status);

const char         *jj_passage_get_search_key       (JjPassage          *self);
void                jj_passage_set_search_key       (JjPassage          *self,
                                                     const char         *key);

gint                jj_passage_compare_by_date      (gconstpointer       a,
                                                     gconstpointer       b);
gint                jj_passage_compare_by_document  (gconstpointer       a,
                                                     gconstpointer       b);
gint                jj_passage_compare_by_kind      (gconstpointer       a,
                                                     gconstpointer       b);

G_END_DECLS
