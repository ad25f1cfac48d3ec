/* crm-ui-test-utils.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-ui-test-utils.h"

typedef struct
{
  Run       *run;
  gboolean (*ready) (gpointer);
  void     (*check) (Run *);
} Script;

void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* Every widget within @widget (itself included) that is a @type, depth
 * first, appended to @found. */
void
collect_by_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_by_type (child, type, found);
}

GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (labels, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* The first row, depth first within @root, that is a @type (an
 * AdwPreferencesRow or a subclass) titled @title; NULL if there is none. */
GtkWidget *
find_row_titled (GtkWidget  *root,
                 GType       type,
                 const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, type, title);

      if (found)
        return found;
    }
  return NULL;
}

/* Iterates the main loop until done (@data) holds, failing the test after
 * 20 s rather than hanging it. */
void
iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* What pressing @keyval with @modifiers on @widget does: the shortcut
 * bound to it in the widget's class (or its own shortcut controllers).
 * Returns whether one fired, for tests that check a key does nothing. */
gboolean
activate_shortcut (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, modifiers);
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean fired = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !fired; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts) && !fired; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            fired = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                  gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_object_unref (controllers);
  return fired;
}

/* As activate_shortcut(), for a key that must have a shortcut: fails the
 * test when none fired. */
void
press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_assert_true (activate_shortcut (widget, keyval, modifiers));
}

/* What a Ctrl+@keyval keypress triggers: the shortcut bound in the class. */
void
press_ctrl (GtkWidget *window,
            guint      keyval)
{
  press_shortcut (window, keyval, GDK_CONTROL_MASK);
}

/* A key press as @widget's key controllers see it, for the keys a widget
 * handles itself rather than through a shortcut (typing in a row, arrows
 * in a view, Escape in a popover). Returns whether one handled it. */
gboolean
send_key_press (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  state)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  g_object_unref (controllers);
  return handled;
}

/* Opens the display the UI tests need. Without one (no Xvfb) the test
 * program is skipped rather than failed: returns FALSE after marking the
 * skip, and the caller returns g_test_run(). */
gboolean
init_display_or_skip (void)
{
  if (gtk_init_check ())
    return TRUE;
  g_test_skip ("no display; run under Xvfb (see README)");
  return FALSE;
}

gboolean
store_loaded (gpointer data)
{
  Run *run = data;

  return run->window != NULL && crm_window_get_store (run->window) != NULL;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Run            *run)
{
  if (CRM_IS_WINDOW (window) && run->window == NULL)
    run->window = CRM_WINDOW (window);
}

/* Runs inside the application's main loop, once it has started: waits for
 * the window to reach the state under test, checks it, and quits. */
static void
run_script (gpointer data)
{
  Script *script = data;

  iterate_until (script->ready, script->run);
  script->check (script->run);
  script->run->checked = TRUE;
  g_application_quit (G_APPLICATION (script->run->app));
}

void
run_app (Run         *run,
         const char  *database,
         gboolean   (*ready) (gpointer),
         void       (*check) (Run *))
{
  const char *argv[] = { "touchpoint", "--database", database, NULL };
  Script script = { run, ready, check };

  run->app = crm_application_new ();
  /* No session bus in tests, and no other instance to talk to. */
  g_application_set_flags (G_APPLICATION (run->app),
                           g_application_get_flags (G_APPLICATION (run->app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (run->app, "window-added", G_CALLBACK (on_window_added), run);

  g_idle_add_once (run_script, &script);
  g_assert_cmpint (g_application_run (G_APPLICATION (run->app), 3, (char **) argv), ==, 0);
  g_assert_true (run->checked);
  g_clear_object (&run->app);
}
