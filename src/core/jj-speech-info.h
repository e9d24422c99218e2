/* jj-speech-info.h — title, speaker, date and occasion of a speech
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "jj-document.h"
#include "jj-passage.h"

G_BEGIN_DECLS

#define JJ_TYPE_SPEECH_INFO (jj_speech_info_get_type ())

G_DECLARE_FINAL_TYPE (JjSpeechInfo, jj_speech_info, JJ, SPEECH_INFO, GObject)

JjSpeechInfo *jj_speech_info_new            (void);
JjSpeechInfo *jj_speech_info_detect         (const char   *text,
                                             gboolean      has_title);
JjSpeechInfo *jj_speech_info_copy           (JjSpeechInfo *self);
gboolean      jj_speech_info_equal          (JjSpeechInfo *a,
                                             JjSpeechInfo *b);
gboolean      jj_speech_info_is_empty       (JjSpeechInfo *self);

const char   *jj_speech_info_get_title      (JjSpeechInfo *self);
void          jj_speech_info_set_title      (JjSpeechInfo *self,
                                             const char   *title);
const char   *jj_speech_info_get_speaker    (JjSpeechInfo *self);
void          jj_speech_info_set_speaker    (JjSpeechInfo *self,
                                             const char   *speaker);
const char   *jj_speech_info_get_occasion   (JjSpeechInfo *self);
void          jj_speech_info_set_occasion   (JjSpeechInfo *self,
                                             const char   *occasion);

/* The date of the speech as YYYY-MM-DD, NULL when unknown. */
const char   *jj_speech_info_get_date       (JjSpeechInfo *self);
gboolean      jj_speech_info_set_date       (JjSpeechInfo *self,
                                             const char   *iso_date);
char         *jj_speech_info_dup_date_chinese (JjSpeechInfo *self);

gboolean      jj_speech_info_parse_date     (const char   *text,
                                             guint        *year,
                                             guint        *month,
                                             guint        *day);

JjSpeechInfo *jj_speech_info_for_document   (JjDocument   *document,
                                             JjSpeechInfo *kept);
void          jj_speech_info_apply_to_passage (JjSpeechInfo *self,
                                             JjPassage    *passage);

G_END_DECLS
