/* test-preferences-ui.c: the Preferences window under a (headless)
 * display, opened by the app.preferences action on a generated database
 * and driven through its widgets: channels and touchpoint types added,
 * renamed, reordered and changed are in the database at once (read here
 * with plain SQL); an empty or taken name stores nothing and says why
 * below the field; a channel or type that touchpoints use is not deleted
 * and the message says how many; an unused one is deleted and Undo in its
 * toast brings it back as it was; Escape closes the window, keeping what
 * was typed. Run with G_DEBUG=fatal-warnings. */
#include <adwaita.h>
#include <string.h>

#include "crm-channel-row.h"
#include "crm-demo-generator.h"
#include "crm-message-row.h"
#include "crm-preferences-window.h"
#include "crm-test-utils.h"
#include "crm-touchpoint-type-row.h"
#include "crm-ui-test-utils.h"

/* Widgets */

static GPtrArray *
channel_rows (CrmPreferencesWindow *window)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (window), CRM_TYPE_CHANNEL_ROW, rows);
  return rows;
}

static CrmChannelRow *
channel_row (CrmPreferencesWindow *window,
             const char           *name)
{
  g_autoptr(GPtrArray) rows = channel_rows (window);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (crm_channel_get_name (crm_channel_row_get_channel (g_ptr_array_index (rows, i))), name) == 0)
      return g_ptr_array_index (rows, i);
  g_error ("no channel row “%s”", name);
}

static CrmTouchpointTypeRow *
type_row (CrmPreferencesWindow *window,
          const char           *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (window), CRM_TYPE_TOUCHPOINT_TYPE_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      CrmTouchpointType *type = crm_touchpoint_type_row_get_touchpoint_type (g_ptr_array_index (rows, i));

      if (g_strcmp0 (crm_touchpoint_type_get_name (type), name) == 0)
        return g_ptr_array_index (rows, i);
    }
  g_error ("no touchpoint type row “%s”", name);
}

static guint
count_type_rows (CrmPreferencesWindow *window)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (window), CRM_TYPE_TOUCHPOINT_TYPE_ROW, rows);
  return rows->len;
}

/* The row of class @type titled @title, within @root. */
static GtkWidget *
row_titled (GtkWidget  *root,
            GType       type,
            const char *title)
{
  GtkWidget *row = find_row_titled (root, type, title);

  if (row == NULL)
    g_error ("no row “%s”", title);
  return row;
}

/* The message row that follows @row in its list. */
static CrmMessageRow *
message_after (GtkWidget *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  g_assert_true (CRM_IS_MESSAGE_ROW (next));
  return CRM_MESSAGE_ROW (next);
}

/* The shown message of the first message row within @root. */
static const char *
shown_message (GtkWidget *root)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_by_type (root, CRM_TYPE_MESSAGE_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (crm_message_row_get_message (g_ptr_array_index (rows, i)) != NULL)
      return crm_message_row_get_message (g_ptr_array_index (rows, i));
  return NULL;
}

static GtkWidget *
button_with (GtkWidget  *root,
             const char *icon_name,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_by_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = g_ptr_array_index (buttons, i);

      if ((icon_name != NULL && g_strcmp0 (gtk_button_get_icon_name (button), icon_name) == 0)
          || (label != NULL && g_strcmp0 (gtk_button_get_label (button), label) == 0))
        return GTK_WIDGET (button);
    }
  g_error ("no button %s", icon_name ? icon_name : label);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Types @text into an entry row and presses Enter, as a user does. */
static void
type_and_enter (GtkWidget  *row,
                const char *text)
{
  GtkWidget *inner = find_by_type (row, GTK_TYPE_TEXT);

  g_assert_nonnull (inner);
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* What Enter does in the text (GtkText has no activate signal for
   * gtk_widget_activate). */
  g_signal_emit_by_name (inner, "activate");
}

static gboolean
not_busy (gpointer data)
{
  return !crm_preferences_window_is_busy (data);
}

/* Opens the Preferences the way the menu and Ctrl+comma do. */
static CrmPreferencesWindow *
open_preferences (Run *run)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (run->app), "app.preferences");

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "preferences", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (run->app)); l != NULL; l = l->next)
    if (CRM_IS_PREFERENCES_WINDOW (l->data))
      {
        CrmPreferencesWindow *window = l->data;

        g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (run->window));
        g_assert_true (crm_preferences_window_get_store (window) == crm_window_get_store (run->window));
        return window;
      }
  g_error ("app.preferences opened no window");
}

static const char *
database (Run *run)
{
  return crm_store_get_path (crm_window_get_store (run->window));
}

static gint64
query_int (Run        *run,
           const char *sql)
{
  return crm_test_query_int (database (run), sql);
}

/* Checks */

static void
check_open_and_close (Run *run)
{
  CrmPreferencesWindow *window = open_preferences (run);
  g_autoptr(GPtrArray) rows = channel_rows (window);
  g_autofree char *first = NULL;
  GtkWidget *weak = GTK_WIDGET (window);

  /* Every channel, in the user's order, and every type. */
  g_assert_cmpint (rows->len, ==, query_int (run, "SELECT count(*) FROM channels"));
  g_assert_cmpint (rows->len, >, 2);
  first = crm_test_query_text (database (run), "SELECT name FROM channels ORDER BY position, id LIMIT 1");
  g_assert_cmpstr (crm_channel_get_name (crm_channel_row_get_channel (g_ptr_array_index (rows, 0))), ==, first);
  g_assert_cmpint (count_type_rows (window), ==, query_int (run, "SELECT count(*) FROM touchpoint_types"));

  /* Escape closes it, and what was typed and not yet confirmed is
   * stored, not lost. */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 0)), "Website");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  press_shortcut (GTK_WIDGET (window), GDK_KEY_Escape, 0);
  for (guint i = 0; i < 50 && weak != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM channels WHERE name = 'Website' AND position = "
                                   "(SELECT min(position) FROM channels)"), ==, 1);
}

static void
check_channels (Run *run)
{
  CrmPreferencesWindow *window = open_preferences (run);
  GtkWidget *add_row = row_titled (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "New channel");
  gint64 channels = query_int (run, "SELECT count(*) FROM channels");
  gint64 last_position = query_int (run, "SELECT max(position) FROM channels");
  gint64 in_use;
  CrmChannelRow *row;
  g_autofree char *before = NULL;
  g_autofree char *message = NULL;

  /* An empty name stores nothing and says why below the field. */
  type_and_enter (add_row, "   ");
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM channels"), ==, channels);
  g_assert_cmpstr (crm_message_row_get_message (message_after (add_row)), ==, "A channel needs a name.");
  g_assert_true (gtk_widget_has_css_class (add_row, "error"));

  /* A name another channel has, whatever its case, neither. */
  type_and_enter (add_row, "web");
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM channels"), ==, channels);
  g_assert_cmpstr (crm_message_row_get_message (message_after (add_row)), ==,
                   "There is already a channel called “web”.");

  /* Added: stored at once, at the end of the order, with a key. */
  type_and_enter (add_row, "Webinar");
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM channels"), ==, channels + 1);
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM channels WHERE name = 'Webinar' AND key = 'webinar'"
                                   " AND position > (SELECT max(position) FROM channels WHERE name <> 'Webinar')"), ==, 1);
  g_assert_null (crm_message_row_get_message (message_after (add_row)));
  g_assert_false (gtk_widget_has_css_class (add_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  g_assert_cmpint (last_position, <, query_int (run, "SELECT position FROM channels WHERE key = 'webinar'"));

  /* Renamed in place; the key stays. */
  row = channel_row (window, "Webinar");
  type_and_enter (GTK_WIDGET (row), "  Online seminar ");
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM channels WHERE name = 'Online seminar' AND key = 'webinar'"), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Online seminar");

  /* Emptied: refused, the stored name stands. */
  row = channel_row (window, "Online seminar");
  type_and_enter (GTK_WIDGET (row), "");
  g_assert_cmpstr (crm_message_row_get_message (crm_channel_row_get_message_row (row)), ==, "A channel needs a name.");
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM channels WHERE name = 'Online seminar'"), ==, 1);
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM channels WHERE name = ''"), ==, 0);
  type_and_enter (GTK_WIDGET (row), "Online seminar");
  g_assert_null (crm_message_row_get_message (crm_channel_row_get_message_row (row)));

  /* Up one place: before the channel that was last, in the database;
   * positions are numbered afresh, all different. */
  click (button_with (GTK_WIDGET (channel_row (window, "Online seminar")), "go-up-symbolic", NULL));
  before = crm_test_query_text (database (run), "SELECT name FROM channels ORDER BY position, id LIMIT 1 OFFSET "
                                                "(SELECT count(*) - 2 FROM channels)");
  g_assert_cmpstr (before, ==, "Online seminar");
  g_assert_cmpint (query_int (run, "SELECT count(DISTINCT position) FROM channels"), ==, channels + 1);
  /* The row keeps its place on screen too. */
  {
    g_autoptr(GPtrArray) rows = channel_rows (window);
    CrmChannel *channel = crm_channel_row_get_channel (g_ptr_array_index (rows, rows->len - 2));

    g_assert_cmpstr (crm_channel_get_name (channel), ==, "Online seminar");
  }

  /* A channel touchpoints use is not deleted, and the message says how
   * many use it. */
  in_use = query_int (run, "SELECT count(*) FROM touchpoints t JOIN channels c ON c.id = t.channel_id "
                           "WHERE c.key = 'web'");
  g_assert_cmpint (in_use, >, 0);
  row = channel_row (window, "Web");
  click (button_with (GTK_WIDGET (row), "user-trash-symbolic", NULL));
  iterate_until (not_busy, window);
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM channels WHERE key = 'web'"), ==, 1);
  message = g_strdup_printf ("%" G_GINT64_FORMAT " touchpoints still use the channel “Web”, so it cannot be deleted.",
                             in_use);
  g_assert_true (in_use < 1000);   /* no thousands separator to format */
  g_assert_cmpstr (crm_message_row_get_message (crm_channel_row_get_message_row (channel_row (window, "Web"))), ==,
                   message);

  /* An unused one is deleted at once; Undo brings it back as it was. */
  {
    gint64 position = query_int (run, "SELECT position FROM channels WHERE key = 'webinar'");
    g_autofree char *restored = NULL;

    click (button_with (GTK_WIDGET (channel_row (window, "Online seminar")), "user-trash-symbolic", NULL));
    g_assert_cmpint (query_int (run, "SELECT count(*) FROM channels WHERE key = 'webinar'"), ==, 0);
    g_assert_cmpint (channel_rows (window)->len, ==, channels);
    click (button_with (GTK_WIDGET (window), NULL, "_Undo"));
    restored = g_strdup_printf ("SELECT count(*) FROM channels WHERE key = 'webinar' AND name = 'Online seminar' "
                                "AND position = %" G_GINT64_FORMAT, position);
    g_assert_cmpint (query_int (run, restored), ==, 1);
    g_assert_nonnull (channel_row (window, "Online seminar"));
  }
}

static void
check_types (Run *run)
{
  CrmPreferencesWindow *window = open_preferences (run);
  GtkWidget *add_row = row_titled (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "New touchpoint type");
  gint64 types = query_int (run, "SELECT count(*) FROM touchpoint_types");
  CrmTouchpointTypeRow *row;
  GtkWidget *stage, *moment;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autofree char *message = NULL;
  gint64 in_use;

  /* An empty name stores nothing and says why. */
  type_and_enter (add_row, "");
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types"), ==, types);
  g_assert_cmpstr (crm_message_row_get_message (message_after (add_row)), ==, "A touchpoint type needs a name.");

  /* Added: stored at once, at the start of the journey, needing nothing. */
  type_and_enter (add_row, "Webinar attended");
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types"), ==, types + 1);
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types WHERE name = 'Webinar attended' "
                                   "AND stage = 'awareness' AND moment_of_truth = 0 AND required_data = 0"), ==, 1);
  g_assert_null (crm_message_row_get_message (message_after (add_row)));
  row = type_row (window, "Webinar attended");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  /* Renamed: stored; a name another type has is refused and says so. */
  type_and_enter (row_titled (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Name"), "Complaint");
  g_assert_cmpstr (shown_message (GTK_WIDGET (row)), ==, "There is already a touchpoint type called “Complaint”.");
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types WHERE name = 'Webinar attended'"), ==, 1);
  type_and_enter (row_titled (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Name"), "");
  g_assert_cmpstr (shown_message (GTK_WIDGET (row)), ==, "A touchpoint type needs a name.");
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types WHERE name = 'Webinar attended'"), ==, 1);
  type_and_enter (row_titled (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Name"), "Webinar");
  g_assert_null (shown_message (GTK_WIDGET (row)));
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types WHERE name = 'Webinar'"), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Webinar");

  /* A known stage chosen from the list. */
  stage = row_titled (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, "Journey stage");
  adw_combo_row_set_selected (ADW_COMBO_ROW (stage), 3);   /* Service */
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types WHERE name = 'Webinar' AND stage = 'service'"), ==, 1);

  /* "Other…": the user's own stage, typed; empty is refused. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (stage),
                              g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (stage))) - 1);
  type_and_enter (row_titled (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Name of the stage"), " ");
  g_assert_cmpstr (shown_message (GTK_WIDGET (row)), ==, "Type the name of the stage, or choose one from the list.");
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types WHERE name = 'Webinar' AND stage = 'service'"), ==, 1);
  type_and_enter (row_titled (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Name of the stage"), "Advocacy");
  g_assert_null (shown_message (GTK_WIDGET (row)));
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types WHERE name = 'Webinar' AND stage = 'Advocacy'"), ==, 1);
  /* Now among the choices, of this type and (once the change is done)
   * the others. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (stage));
    GtkWidget *other_stage = row_titled (GTK_WIDGET (type_row (window, "Complaint")), ADW_TYPE_COMBO_ROW, "Journey stage");
    GListModel *other_model = adw_combo_row_get_model (ADW_COMBO_ROW (other_stage));
    g_autoptr(GtkStringObject) chosen = g_list_model_get_item (model, adw_combo_row_get_selected (ADW_COMBO_ROW (stage)));

    g_assert_cmpstr (gtk_string_object_get_string (chosen), ==, "Advocacy");
    g_assert_cmpint (g_list_model_get_n_items (other_model), ==, 7);   /* 5 known, Advocacy, Other… */
  }

  /* The moment-of-truth switch and the minimum-data profile. */
  moment = find_by_type (row_titled (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW, "Moment of truth"), GTK_TYPE_SWITCH);
  gtk_switch_set_active (GTK_SWITCH (moment), TRUE);
  g_assert_cmpint (query_int (run, "SELECT moment_of_truth FROM touchpoint_types WHERE name = 'Webinar'"), ==, 1);
  collect_by_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpint (checks->len, ==, 5);
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);   /* e-mail */
  gtk_check_button_set_active (g_ptr_array_index (checks, 3), TRUE);   /* address */
  g_assert_cmpint (query_int (run, "SELECT required_data FROM touchpoint_types WHERE name = 'Webinar'"), ==, 2 | 8);
  gtk_check_button_set_active (g_ptr_array_index (checks, 3), FALSE);
  gtk_check_button_set_active (g_ptr_array_index (checks, 4), TRUE);   /* organization */
  g_assert_cmpint (query_int (run, "SELECT required_data FROM touchpoint_types WHERE name = 'Webinar'"), ==, 2 | 16);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Advocacy · Moment of truth · Needs e-mail, organization");

  /* A type touchpoints are of is not deleted; the message says how many. */
  in_use = query_int (run, "SELECT count(*) FROM touchpoints t JOIN touchpoint_types y ON y.id = t.type_id "
                           "WHERE y.name = 'Support ticket'");
  g_assert_cmpint (in_use, >, 0);
  g_assert_cmpint (in_use, <, 1000);   /* no thousands separator to format */
  click (button_with (GTK_WIDGET (type_row (window, "Support ticket")), NULL, "_Delete"));
  iterate_until (not_busy, window);
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types WHERE name = 'Support ticket'"), ==, 1);
  message = g_strdup_printf ("%" G_GINT64_FORMAT " touchpoints are still of the type “Support ticket”, "
                             "so it cannot be deleted.", in_use);
  g_assert_cmpstr (shown_message (GTK_WIDGET (type_row (window, "Support ticket"))), ==, message);

  /* An unused one is deleted at once; Undo brings it back as it was. */
  click (button_with (GTK_WIDGET (type_row (window, "Webinar")), NULL, "_Delete"));
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types WHERE name = 'Webinar'"), ==, 0);
  g_assert_cmpint (count_type_rows (window), ==, types);
  click (button_with (GTK_WIDGET (window), NULL, "_Undo"));
  g_assert_cmpint (query_int (run, "SELECT count(*) FROM touchpoint_types WHERE name = 'Webinar' AND stage = 'Advocacy' "
                                   "AND moment_of_truth = 1 AND required_data = 18"), ==, 1);
  g_assert_cmpint (count_type_rows (window), ==, types + 1);
  g_assert_nonnull (type_row (window, "Webinar"));
}

/* Tests */

static void
run_on_demo_data (void (*check) (Run *))
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "preferences.db", NULL);
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  {
    g_autoptr(CrmStore) store = crm_store_open (path, &error);
    g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (5, 40);

    g_assert_no_error (error);
    g_assert_true (crm_demo_generator_run (generator, store, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  run_app (&run, path, store_loaded, check);
  crm_test_remove_tree (dir);
}

static void
test_open_and_close (void)
{
  run_on_demo_data (check_open_and_close);
}

static void
test_channels (void)
{
  run_on_demo_data (check_channels);
}

static void
test_types (void)
{
  run_on_demo_data (check_types);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!init_display_or_skip ())
    return g_test_run ();

  g_test_add_func ("/preferences/open-and-close", test_open_and_close);
  g_test_add_func ("/preferences/channels", test_channels);
  g_test_add_func ("/preferences/touchpoint-types", test_types);
  return g_test_run ();
}
