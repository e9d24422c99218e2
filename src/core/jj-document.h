/* jj-document.h — a speech opened from disk, cleaned into readable text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-paragraph-hint.h"

G_BEGIN_DECLS

typedef struct _JjOutline JjOutline;

#define JJ_DOCUMENT_ERROR (jj_document_error_quark ())

typedef enum
{
  JJ_DOCUMENT_ERROR_EMPTY,
  JJ_DOCUMENT_ERROR_BINARY,
  JJ_DOCUMENT_ERROR_TOO_LARGE,
  JJ_DOCUMENT_ERROR_UNSUPPORTED,
  JJ_DOCUMENT_ERROR_CORRUPT,
  JJ_DOCUMENT_ERROR_NOT_REGULAR,
  JJ_DOCUMENT_ERROR_NEEDS_CONVERTER,
} JjDocumentError;

typedef enum
{
  JJ_LOAD_DEFAULT          = 0,
  JJ_LOAD_NO_CLEAN         = 1 << 0,
  JJ_LOAD_KEEP_TRADITIONAL = 1 << 1,
} JjLoadFlags;

/* How far opening a document has come, in the order the stages run. */
typedef enum
{
  JJ_LOAD_STAGE_READING,
  JJ_LOAD_STAGE_CONVERTING,  /* a Word 97–2003 file, through LibreOffice */
  JJ_LOAD_STAGE_CLEANING,
  JJ_LOAD_STAGE_OUTLINE,
} JjLoadStage;

/* Called in the caller's thread-default main context while a document
 * loads, before the load's own callback: the stage reached and the
 * fraction of the whole done, from 0 to 1, neither ever going back.
 */
typedef void (*JjLoadProgressFunc) (JjLoadStage  stage,
                                    double       fraction,
                                    gpointer     user_data);

#define JJ_TYPE_DOCUMENT (jj_document_get_type ())

G_DECLARE_FINAL_TYPE (JjDocument, jj_document, JJ, DOCUMENT, GObject)

GQuark       jj_document_error_quark      (void);

JjDocument  *jj_document_new_from_text    (const char           *text,
                                           gssize                length);
GFile       *jj_document_file_for_arg     (const char           *arg);
JjDocument  *jj_document_load             (GFile                *file,
                                           JjLoadFlags           flags,
                                           GCancellable         *cancellable,
                                           GError              **error);
/* @progress may be NULL; it is not called once @cancellable is cancelled. */
void         jj_document_load_async       (GFile                *file,
                                           JjLoadFlags           flags,
                                           GCancellable         *cancellable,
                                           JjLoadProgressFunc    progress,
                                           gpointer              progress_data,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
JjDocument  *jj_document_load_finish      (GAsyncResult         *result,
                                           GError              **error);

GFile       *jj_document_get_file         (JjDocument           *self);
const char  *jj_document_get_title        (JjDocument           *self);
const char  *jj_document_get_text         (JjDocument           *self);
gsize        jj_document_get_n_bytes      (JjDocument           *self);
guint        jj_document_get_length       (JjDocument           *self);
const char  *jj_document_get_format       (JjDocument           *self);
const char  *jj_document_get_encoding     (JjDocument           *self);
char        *jj_document_dup_fingerprint  (JjDocument           *self);
JjOutline   *jj_document_get_outline      (JjDocument           *self);
char        *jj_document_dup_range        (JjDocument           *self,
                                           guint                 start,
                                           guint                 end);

/* Loads from memory; @name (a file name) helps to tell the format. */
JjDocument  *jj_document_new_from_bytes   (GBytes               *bytes,
                                           const char           *name,
                                           JjLoadFlags           flags,
                                           GCancellable         *cancellable,
                                           GError              **error);

/* What structured formats (docx, odt, html, md) say about paragraphs, in
 * display offsets, sorted; only paragraphs with a level or a flag.
 */
const JjParagraphHint *
             jj_document_get_hints        (JjDocument           *self,
                                           guint                *n_hints);
/* Sentences for the user: what cleaning removed or changed, and warnings
 * such as replaced invalid bytes. NULL-terminated, never NULL.
 */
const char * const *
             jj_document_get_notices      (JjDocument           *self);
const char * const *
             jj_document_get_removed_lines (JjDocument          *self);
/* TRUE when the text was detected as traditional Chinese, whether it was
 * converted or kept (JJ_LOAD_KEEP_TRADITIONAL).
 */
gboolean     jj_document_get_was_traditional (JjDocument        *self);
/* The display text before traditional characters were converted, with the
 * same paragraphs and always the same number of characters, so display
 * offsets apply to it too. NULL when nothing was converted.
 */
const char  *jj_document_get_original_text (JjDocument          *self);
/* The offset in the source text (jj_document_get_source_text()) of the
 * character at display @offset. An offset at a paragraph break that
 * cleaning inserted maps to where the break was made.
 */
guint        jj_document_to_source_offset (JjDocument           *self,
                                           guint                 offset);
/* The text as read from the file, decoded, before any cleaning: for text
 * files the file's characters (without byte order mark), for structured
 * formats their paragraphs joined by '\n'.
 */
const char  *jj_document_get_source_text  (JjDocument           *self);

G_END_DECLS
