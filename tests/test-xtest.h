/* test-xtest.h — real key presses and clicks through the X server (XTEST)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <dlfcn.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

typedef int (*JjFakeKeyFunc) (gpointer display, unsigned int keycode, int is_press, unsigned long delay);
typedef int (*JjFakeButtonFunc) (gpointer display, unsigned int button, int is_press, unsigned long delay);
typedef int (*JjFakeMotionFunc) (gpointer display, int screen, int x, int y, unsigned long delay);
typedef int (*JjSetFocusFunc) (gpointer display, unsigned long window, int revert_to, unsigned long time);
typedef int (*JjFlushFunc) (gpointer display);
typedef int (*JjTranslateFunc) (gpointer display, unsigned long src, unsigned long dest, int x, int y,
                                int *dest_x, int *dest_y, unsigned long *child);

static struct
{
  gboolean         tried;
  JjFakeKeyFunc    key;
  JjFakeButtonFunc button;
  JjFakeMotionFunc motion;
  JjSetFocusFunc   set_focus;
  JjFlushFunc      flush;
  JjTranslateFunc  translate;
} jj_xtest;

/* The X display of @widget when XTEST can be used, else NULL. */
static inline gpointer
jj_xtest_display (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gtk_widget_get_display (widget);

  if (!GDK_IS_X11_DISPLAY (display) || g_getenv ("JJ_TEST_NO_XTEST") != NULL)
    return NULL;

  if (!jj_xtest.tried)
    {
      gpointer library = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_GLOBAL);

      jj_xtest.tried = TRUE;
      if (library == NULL)
        return NULL;
      jj_xtest.key = (JjFakeKeyFunc) dlsym (library, "XTestFakeKeyEvent");
      jj_xtest.button = (JjFakeButtonFunc) dlsym (library, "XTestFakeButtonEvent");
      jj_xtest.motion = (JjFakeMotionFunc) dlsym (library, "XTestFakeMotionEvent");
      jj_xtest.set_focus = (JjSetFocusFunc) dlsym (RTLD_DEFAULT, "XSetInputFocus");
      jj_xtest.flush = (JjFlushFunc) dlsym (RTLD_DEFAULT, "XFlush");
      jj_xtest.translate = (JjTranslateFunc) dlsym (RTLD_DEFAULT, "XTranslateCoordinates");
    }

  if (jj_xtest.key == NULL || jj_xtest.button == NULL || jj_xtest.motion == NULL ||
      jj_xtest.set_focus == NULL || jj_xtest.flush == NULL || jj_xtest.translate == NULL)
    return NULL;

  return gdk_x11_display_get_xdisplay (display);
#else
  return NULL;
#endif
}

static inline guint
jj_xtest_keycode (GtkWidget *widget,
                  guint      keyval)
{
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;

  if (!gdk_display_map_keyval (gtk_widget_get_display (widget), keyval, &keys, &n_keys) ||
      n_keys == 0)
    return 0;

  return keys[0].keycode;
}

/* Sends a key press and release to @window; FALSE without XTEST. */
static inline gboolean
jj_xtest_key (GtkWindow       *window,
              guint            keyval,
              GdkModifierType  modifiers)
{
#ifdef GDK_WINDOWING_X11
  GtkWidget *widget = GTK_WIDGET (window);
  gpointer xdisplay = jj_xtest_display (widget);
  guint key = jj_xtest_keycode (widget, keyval);
  guint control = jj_xtest_keycode (widget, GDK_KEY_Control_L);
  guint shift = jj_xtest_keycode (widget, GDK_KEY_Shift_L);

  if (xdisplay == NULL || key == 0 || control == 0 || shift == 0)
    return FALSE;

  jj_xtest.set_focus (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                      RevertToParent, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    jj_xtest.key (xdisplay, control, True, 0);
  if (modifiers & GDK_SHIFT_MASK)
    jj_xtest.key (xdisplay, shift, True, 0);
  jj_xtest.key (xdisplay, key, True, 0);
  jj_xtest.key (xdisplay, key, False, 0);
  if (modifiers & GDK_SHIFT_MASK)
    jj_xtest.key (xdisplay, shift, False, 0);
  if (modifiers & GDK_CONTROL_MASK)
    jj_xtest.key (xdisplay, control, False, 0);
  jj_xtest.flush (xdisplay);

  return TRUE;
#else
  return FALSE;
#endif
}

/* Moves the pointer to (@x, @y) of @widget; FALSE without XTEST. */
static inline gboolean
jj_xtest_motion (GtkWidget *widget,
                 double     x,
                 double     y)
{
#ifdef GDK_WINDOWING_X11
  gpointer xdisplay = jj_xtest_display (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  unsigned long xid, child;
  graphene_point_t p;
  double dx, dy;
  int rx, ry;

  if (xdisplay == NULL ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &p))
    return FALSE;

  gtk_native_get_surface_transform (native, &dx, &dy);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (native));
  jj_xtest.translate (xdisplay, xid, gdk_x11_display_get_xrootwindow (gtk_widget_get_display (widget)),
                      (int) (p.x + dx), (int) (p.y + dy), &rx, &ry, &child);
  jj_xtest.motion (xdisplay, -1, rx, ry, 0);
  jj_xtest.flush (xdisplay);

  return TRUE;
#else
  return FALSE;
#endif
}

/* A click of the primary button at (@x, @y) of @widget; FALSE without XTEST. */
static inline gboolean
jj_xtest_click (GtkWidget *widget,
                double     x,
                double     y)
{
#ifdef GDK_WINDOWING_X11
  gpointer xdisplay = jj_xtest_display (widget);

  if (xdisplay == NULL || !jj_xtest_motion (widget, x, y))
    return FALSE;

  jj_xtest.button (xdisplay, 1, True, 0);
  jj_xtest.button (xdisplay, 1, False, 0);
  jj_xtest.flush (xdisplay);

  return TRUE;
#else
  return FALSE;
#endif
}
