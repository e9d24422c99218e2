/* jj-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-language.h"
#include "jj-tooltip.h"

/**
 * jj_language_prefer_chinese_glyphs:
 *
 * Puts Simplified Chinese first in the languages Pango prefers, unless
 * the user chose them with PANGO_LANGUAGE. Call it before GTK starts.
 *
 * Han characters without a language tag take the glyph forms of the
 * first language in the user's list that writes them: in an English or
 * Japanese session, Japanese forms. The speeches are Chinese everywhere
 * in the window (outline, marks, library), not only in the reader, whose
 * text is tagged zh-cn.
 */
void
jj_language_prefer_chinese_glyphs (void)
{
  const char *languages = g_getenv ("LANGUAGE");
  g_autofree char *preferred = NULL;

  if (g_getenv ("PANGO_LANGUAGE") != NULL)
    return;

  preferred = languages != NULL && languages[0] != '\0'
              ? g_strconcat ("zh-cn:", languages, NULL)
              : g_strdup ("zh-cn");
  g_setenv ("PANGO_LANGUAGE", preferred, TRUE);
}

static void
tag_chinese (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && g_object_get_data (G_OBJECT (root), "jj-zh-cn") == NULL)
    {
      PangoAttrList *attrs = gtk_label_get_attributes (GTK_LABEL (root));

      attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
      gtk_label_set_attributes (GTK_LABEL (root), attrs);
      pango_attr_list_unref (attrs);
      g_object_set_data (G_OBJECT (root), "jj-zh-cn", GINT_TO_POINTER (TRUE));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    tag_chinese (child);
}

/**
 * jj_language_speech_labels:
 *
 * Prepares the labels in @root, the row of a list showing a speech's
 * text: tagged as Simplified Chinese, and given their whole text as a
 * tooltip when an ellipsis cuts them (jj_tooltip_for_cut_labels()).
 *
 * PANGO_LANGUAGE is not enough: in the C locale (LC_ALL=C.UTF-8) GTK's
 * language is "c", which Pango takes for one that writes Han, and an
 * untagged label took the Japanese face of Noto CJK.
 */
void
jj_language_speech_labels (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  tag_chinese (root);
  jj_tooltip_for_cut_labels (root);
}
