/* test-app.c: the application under a (headless) display: it opens a window
 * on a database, shows the four views in its sidebar, switches between them
 * by action and by keyboard shortcut, and shows a clear error for a file it
 * must not open. Run with G_DEBUG=fatal-warnings. */
#include <adwaita.h>
#include <string.h>

#include "crm-application.h"
#include "crm-customer-editor.h"
#include "crm-customer-list.h"
#include "crm-customers-page.h"
#include "crm-duplicates-page.h"
#include "crm-demo-generator.h"
#include "crm-test-utils.h"
#include "crm-ui-test-utils.h"
#include "crm-window.h"

static gboolean
summary_shown (gpointer data)
{
  Run *run = data;

  return has_label (GTK_WIDGET (run->window), run->expected_summary);
}

static gboolean
list_settled (gpointer data)
{
  CrmCustomerList *list = data;

  return !crm_customer_list_get_loading (list) && crm_customer_list_get_complete (list);
}

static void
type_text (GtkWidget  *entry,
           const char *text)
{
  /* As typing does: the text changes, the entry waits for a pause, then
   * searches. */
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
}

static void
check_customers_page (Run *run)
{
  GtkWidget *window = GTK_WIDGET (run->window);
  const char *path = crm_store_get_path (crm_window_get_store (run->window));
  CrmCustomersPage *page;
  CrmCustomerList *list;
  GtkWidget *entry;
  GtkColumnView *view;
  GListModel *columns;
  g_autoptr(CrmCustomerSummary) first = NULL;
  gint64 richest;

  gtk_widget_activate_action (window, "win.view", "s", "customers");
  page = CRM_CUSTOMERS_PAGE (find_by_type (window, CRM_TYPE_CUSTOMERS_PAGE));
  list = CRM_CUSTOMER_LIST (crm_customers_page_get_model (page));
  iterate_until (list_settled, list);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                   crm_test_query_int (path, "SELECT count(*) FROM customers"));
  g_assert_true (has_label (GTK_WIDGET (page), "200 customers"));

  /* Typing a name narrows the list to the matches and says how many. */
  entry = find_by_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  type_text (entry, "Иван");
  iterate_until (list_settled, list);
  while (g_strcmp0 (crm_customer_query_get_search (crm_customers_page_get_query (page)), "Иван") != 0)
    g_main_context_iteration (NULL, TRUE);
  iterate_until (list_settled, list);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                   crm_test_query_int (path, "SELECT count(*) FROM customers WHERE "
                                             "display_name LIKE '%Иван%' OR given_name LIKE 'Иван%' "
                                             "OR family_name LIKE 'Иван%'"));
  type_text (entry, "");
  while (g_strcmp0 (crm_customer_query_get_search (crm_customers_page_get_query (page)), "") != 0)
    g_main_context_iteration (NULL, TRUE);
  iterate_until (list_settled, list);

  /* Sorting by a column header sorts the whole list in that order. */
  view = GTK_COLUMN_VIEW (find_by_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Lifetime Value") == 0)
        gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
    }
  g_assert_cmpint (crm_customer_query_get_sort (crm_customers_page_get_query (page)), ==,
                   CRM_CUSTOMER_SORT_LIFETIME_VALUE);
  g_assert_true (crm_customer_query_get_descending (crm_customers_page_get_query (page)));
  iterate_until (list_settled, list);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  richest = crm_test_query_int (path, "SELECT max(lifetime_value) FROM customers");
  g_assert_cmpint (crm_customer_summary_get_lifetime_value (first), ==, richest);
}

static void
on_deleted (CrmCustomerEditor *editor,
            gint64             journal_id,
            const char        *name,
            gint64            *out)
{
  *out = journal_id;
}

static void
check_customer_editor (Run *run)
{
  GtkWidget *window = GTK_WIDGET (run->window);
  const char *path = crm_store_get_path (crm_window_get_store (run->window));
  CrmCustomersPage *page = CRM_CUSTOMERS_PAGE (find_by_type (window, CRM_TYPE_CUSTOMERS_PAGE));
  CrmCustomerList *list = CRM_CUSTOMER_LIST (crm_customers_page_get_model (page));
  CrmCustomerEditor *editor = CRM_CUSTOMER_EDITOR (find_by_type (GTK_WIDGET (page), CRM_TYPE_CUSTOMER_EDITOR));
  gint64 id = crm_test_query_int (path, "SELECT customer_id FROM contact_points WHERE kind = 0 LIMIT 1");
  g_autofree char *uid = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *email, *display;
  gint64 journal = 0;
  gint64 before = crm_test_query_int (path, "SELECT count(*) FROM customers");

  crm_customers_page_open_customer (page, id);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)) || gtk_widget_get_visible (GTK_WIDGET (editor)));

  /* An e-mail that is not one: the message shows at the field at once,
   * and saving is off until it is fixed. */
  email = find_row_titled (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "E-mail");
  g_assert_nonnull (email);
  gtk_editable_set_text (GTK_EDITABLE (email), "anna.example.org");
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (email)), "@"));
  g_assert_false (crm_customer_editor_is_valid (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (crm_customer_editor_is_dirty (editor));
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM contact_points WHERE value = 'anna.example.org'"), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (email), "anna@example.org");
  g_assert_false (gtk_widget_has_css_class (email, "error"));

  /* A change saved is in the database and in the list. */
  display = find_row_titled (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Display Name");
  gtk_editable_set_text (GTK_EDITABLE (display), "Anna Edited");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_false (crm_customer_editor_is_dirty (editor));
  sql = g_strdup_printf ("SELECT count(*) FROM customers WHERE id = %" G_GINT64_FORMAT
                         " AND display_name = 'Anna Edited'", id);
  g_assert_cmpint (crm_test_query_int (path, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM contact_points WHERE customer_id = %" G_GINT64_FORMAT
                         " AND value = 'anna@example.org'", id);
  g_assert_cmpint (crm_test_query_int (path, sql), ==, 1);

  /* Deleted, the customer is gone from the list; Undo from the toast
   * brings them back whole. */
  uid = g_strdup (crm_customer_get_uid (crm_customer_editor_get_customer (editor)));
  g_signal_connect (editor, "deleted", G_CALLBACK (on_deleted), &journal);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  g_assert_cmpint (journal, >, 0);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers"), ==, before - 1);
  iterate_until (list_settled, list);
  g_assert_cmpuint (crm_customer_list_find (list, id), ==, G_MAXUINT);

  /* Switching views does not lose the undo. */
  gtk_widget_activate_action (window, "win.view", "s", "journeys");
  gtk_widget_activate_action (window, "win.undo", "x", journal);
  gtk_widget_activate_action (window, "win.view", "s", "customers");
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers"), ==, before);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM customers WHERE uid = '%s' AND display_name = 'Anna Edited'", uid);
  g_assert_cmpint (crm_test_query_int (path, sql), ==, 1);
}

static gboolean
groups_found (gpointer data)
{
  return g_list_model_get_n_items (crm_duplicates_page_get_groups (data)) > 0;
}

static void
on_merged (CrmDuplicatesPage *page,
           gint64             journal_id,
           const char        *name,
           gint64            *out)
{
  *out = journal_id;
}

static void
check_duplicates (Run *run)
{
  GtkWidget *window = GTK_WIDGET (run->window);
  const char *path = crm_store_get_path (crm_window_get_store (run->window));
  CrmCustomersPage *page = CRM_CUSTOMERS_PAGE (find_by_type (window, CRM_TYPE_CUSTOMERS_PAGE));
  CrmDuplicatesPage *duplicates = CRM_DUPLICATES_PAGE (find_by_type (GTK_WIDGET (page), CRM_TYPE_DUPLICATES_PAGE));
  g_autoptr(GError) error = NULL;
  gint64 before = crm_test_query_int (path, "SELECT count(*) FROM customers");
  gint64 journal = 0;

  /* The demo data has companies recorded more than once. */
  gtk_widget_activate_action (GTK_WIDGET (page), "customers.find-duplicates", NULL);
  iterate_until (groups_found, duplicates);
  g_assert_true (crm_duplicates_page_open_group (duplicates, 0));

  g_signal_connect (duplicates, "merged", G_CALLBACK (on_merged), &journal);
  g_assert_true (crm_duplicates_page_merge (duplicates, &error));
  g_assert_no_error (error);
  g_assert_cmpint (journal, >, 0);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers"), ==, before - 1);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customer_aliases"), ==, 1);

  gtk_widget_activate_action (window, "win.undo", "x", journal);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers"), ==, before);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customer_aliases"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (duplicates), "duplicates.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (duplicates), "duplicates.back", NULL);
}

static void
check_main_window (Run *run)
{
  GtkWidget *window = GTK_WIDGET (run->window);
  static const char * const views[] = { "dashboard", "customers", "journeys", "reports" };
  static const char * const titles[] = { "Dashboard", "Customers", "Journeys", "Reports" };
  GtkWidget *sidebar = find_by_type (window, GTK_TYPE_STACK_SIDEBAR);

  g_assert_nonnull (crm_window_get_store (run->window));
  iterate_until (summary_shown, run);

  /* The four views are in the sidebar, by name. */
  g_assert_nonnull (sidebar);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_true (has_label (sidebar, titles[i]));

  /* Each can be shown, and the header says which one is. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      AdwWindowTitle *title;

      gtk_widget_activate_action (window, "win.view", "s", views[i]);
      g_assert_cmpstr (crm_window_get_view (run->window), ==, views[i]);
      title = ADW_WINDOW_TITLE (find_by_type (window, ADW_TYPE_WINDOW_TITLE));
      g_assert_nonnull (title);
    }

  /* Ctrl+2 goes to Customers, Ctrl+1 back to the Dashboard. */
  press_ctrl (window, GDK_KEY_2);
  g_assert_cmpstr (crm_window_get_view (run->window), ==, "customers");
  press_ctrl (window, GDK_KEY_1);
  g_assert_cmpstr (crm_window_get_view (run->window), ==, "dashboard");

  /* The primary menu holds what every later feature hangs from. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (find_by_type (window, GTK_TYPE_MENU_BUTTON));
    GMenuModel *menu = gtk_menu_button_get_menu_model (button);
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
    static const char * const expected[] = {
      "_Import…", "_Export…", "_Print…", "_Preferences", "_Keyboard Shortcuts", "_About Touchpoint",
    };

    for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

        for (int i = 0; section && i < g_menu_model_get_n_items (section); i++)
          {
            char *label = NULL;

            g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
            g_ptr_array_add (labels, label);
          }
      }
    g_assert_cmpuint (labels->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (g_ptr_array_index (labels, i), ==, expected[i]);
  }

  check_customers_page (run);
  check_customer_editor (run);
  check_duplicates (run);

  /* The window's size is remembered for the next start. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.touchpointcrm.Touchpoint");

    gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  }

  /* The about window opens. */
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "about", NULL);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_ABOUT_WINDOW (toplevel))
          {
            found = TRUE;
            g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (run->window));
            gtk_window_destroy (GTK_WINDOW (toplevel));
            break;
          }
      }
    g_assert_true (found);
  }
}

static gboolean
error_shown (gpointer data)
{
  Run *run = data;

  return run->window != NULL && has_label (GTK_WIDGET (run->window), "Could Not Open the Database");
}

static void
test_main_window (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  {
    g_autoptr(CrmStore) store = crm_store_open (path, &error);
    g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (5, 200);

    g_assert_no_error (error);
    crm_demo_generator_set_end_time (generator, 1767225600);
    g_assert_true (crm_demo_generator_run (generator, store, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  /* The dashboard's empty state sums up the database, counted here
   * independently. */
  run.expected_summary =
    g_strdup_printf ("%" G_GINT64_FORMAT " customers · %" G_GINT64_FORMAT " touchpoints · %"
                     G_GINT64_FORMAT " transactions",
                     crm_test_query_int (path, "SELECT count(*) FROM customers"),
                     crm_test_query_int (path, "SELECT count(*) FROM touchpoints"),
                     crm_test_query_int (path, "SELECT count(*) FROM transactions"));
  run_app (&run, path, store_loaded, check_main_window);
  g_free (run.expected_summary);
  crm_test_remove_tree (dir);
}

static void
check_error_page (Run *run)
{
  /* The message says which file and what is wrong with it. */
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean found = FALSE;

  collect_labels (GTK_WIDGET (run->window), labels);
  for (guint i = 0; i < labels->len; i++)
    found |= strstr (g_ptr_array_index (labels, i), "is a database of another program") != NULL;
  g_assert_true (found);
  g_assert_null (crm_window_get_store (run->window));
}

static void
test_foreign_database (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "places.sqlite", NULL);
  Run run = { 0 };

  crm_test_exec_sql (path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);");
  run_app (&run, path, error_shown, check_error_page);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  crm_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!init_display_or_skip ())
    return g_test_run ();

  g_test_add_func ("/app/main-window", test_main_window);
  g_test_add_func ("/app/foreign-database", test_foreign_database);

  return g_test_run ();
}
