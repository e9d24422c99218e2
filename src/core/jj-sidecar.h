/* jj-sidecar.h — the XML file of marks beside a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "jj-mark.h"
#include "jj-speech-info.h"

G_BEGIN_DECLS

#define JJ_SIDECAR_NAMESPACE "https://jiejian.org/ns/sidecar/1"
#define JJ_SIDECAR_VERSION 1
#define JJ_SIDECAR_SUFFIX ".jiejian.xml"

#define JJ_SIDECAR_ERROR (jj_sidecar_error_quark ())

typedef enum
{
  JJ_SIDECAR_ERROR_MALFORMED,
  JJ_SIDECAR_ERROR_UNSAFE,
  JJ_SIDECAR_ERROR_NOT_SIDECAR,
  JJ_SIDECAR_ERROR_TOO_LARGE,
} JjSidecarError;

typedef struct _JjSidecar JjSidecar;

struct _JjSidecar
{
  char      *fingerprint;   /* SHA-256 of the display text, hex */
  guint      length;        /* of the display text, in characters */
  GPtrArray *marks;         /* JjMark, tombstones included */
  guint      n_malformed;   /* marks that could not be read (kept verbatim) */
  guint      version;       /* of the file read, JJ_SIDECAR_VERSION when new */
  gpointer   extra;         /* unknown root attributes and elements (xmlNode) */
  JjSpeechInfo *speech;     /* title, speaker, date, occasion; NULL when none */
};

GQuark     jj_sidecar_error_quark (void);
JjSidecar *jj_sidecar_new         (void);
void       jj_sidecar_free        (JjSidecar   *self);
JjSidecar *jj_sidecar_parse       (const char  *data,
                                   gsize        length,
                                   GError     **error);
JjSidecar *jj_sidecar_load        (const char  *path,
                                   GError     **error);
JjSidecar *jj_sidecar_load_full   (const char  *path,
                                   GStatBuf    *identity,
                                   GError     **error);
char      *jj_sidecar_to_xml      (JjSidecar   *self,
                                   gsize       *length);
gboolean   jj_sidecar_save        (JjSidecar   *self,
                                   const char  *path,
                                   GError     **error);
gboolean   jj_sidecar_save_full   (JjSidecar   *self,
                                   const char  *path,
                                   int          mode,
                                   GError     **error);
gboolean    jj_sidecar_save_checked (JjSidecar       *self,
                                     const char      *path,
                                     int              mode,
                                     const GStatBuf  *expected,
                                     GStatBuf        *written,
                                     GError         **error);
JjMark    *jj_sidecar_lookup      (JjSidecar   *self,
                                   const char  *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjSidecar, jj_sidecar_free)

G_END_DECLS
