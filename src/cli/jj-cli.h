/* jj-cli.h — subcommands of jiejian-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Each subcommand parses its own arguments (argv[0] is the subcommand's
 * name) and returns the process exit status.
 */
typedef int (*JjCliCommandFunc) (int argc, char **argv);

int jj_cli_text (int argc, char **argv);
int jj_cli_info (int argc, char **argv);
int jj_cli_outline (int argc, char **argv);
int jj_cli_marks (int argc, char **argv);
int jj_cli_mark (int argc, char **argv);
int jj_cli_library (int argc, char **argv);
int jj_cli_export (int argc, char **argv);
int jj_cli_reuse (int argc, char **argv);
int jj_cli_draft (int argc, char **argv);
int jj_cli_edit (int argc, char **argv);
int jj_cli_search (int argc, char **argv);
int jj_cli_wording (int argc, char **argv);

/* Shared helpers */
void     jj_cli_print_error (const char  *format,
                             ...) G_GNUC_PRINTF (1, 2);
gboolean jj_cli_parse       (GOptionContext *context,
                             int            *argc,
                             char         ***argv,
                             int             n_positional,
                             const char     *usage);
gboolean jj_cli_check_tsv_json (const char  *format);

typedef struct _JjDocument JjDocument;
typedef struct _JjTextIndex JjTextIndex;
typedef struct _JjTextHit JjTextHit;
typedef struct _JjMarkStore JjMarkStore;
typedef struct _JjMarkSession JjMarkSession;

void         jj_cli_append_json_string (GString    *out,
                                        const char *text);
JjDocument  *jj_cli_load_document (int          *argc,
                                   char       ***argv,
                                   const char   *parameter,
                                   const char   *usage,
                                   int          *status);
JjMarkStore *jj_cli_open_marks (const char  *path,
                                gboolean     read_only,
                                JjDocument **document_out);
JjMarkSession *jj_cli_open_session (const char  *path,
                                    gboolean     read_only,
                                    const char  *author,
                                    JjDocument **document_out);

void         jj_cli_append_tsv_field (GString         *out,
                                      const char      *text);
void         jj_cli_append_json_hit  (GString         *out,
                                      const JjTextHit *hit);
GPtrArray   *jj_cli_collect_speeches (char           **folders,
                                      int             *status);
JjTextIndex *jj_cli_open_text_index  (char           **folders,
                                      int             *status);

G_END_DECLS
