/* test-dashboard-ui.c: the Dashboard view under a (headless) display, on a
 * generated database: the figures it shows are the ones SQL gives from the
 * raw rows; a bar clicked or chosen with the arrow keys and Enter goes one
 * level down the pyramid, from the company to a single customer; the
 * breadcrumbs lead back up; every chart can be shown as a table and has a
 * description for screen readers. Run with G_DEBUG=fatal-warnings. */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "crm-application.h"
#include "crm-audit-view.h"
#include "crm-chart-view.h"
#include "crm-dashboard-page.h"
#include "crm-demo-generator.h"
#include "crm-test-utils.h"
#include "crm-ui-test-utils.h"
#include "crm-window.h"

static gboolean
dashboard_idle (gpointer data)
{
  CrmDashboardPage *page = data;

  return !crm_dashboard_page_is_busy (page) && crm_dashboard_page_get_table (page) != NULL;
}

/* Waits for the figures of a new scope. */
static void
wait_for_figures (CrmDashboardPage *page)
{
  iterate_until (dashboard_idle, page);
}

static void
collect_chart_views (GtkWidget *widget,
                     GPtrArray *views)
{
  if (CRM_IS_CHART_VIEW (widget) && gtk_widget_get_focusable (widget))
    g_ptr_array_add (views, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_chart_views (child, views);
}

/* The visible chart whose categories are the table's children and whose
 * series is @name ("Revenue", "Customers"). */
static CrmChartView *
find_children_chart (CrmDashboardPage *page,
                     const char       *name)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_chart_views (GTK_WIDGET (page), views);
  for (guint i = 0; i < views->len; i++)
    {
      CrmChartData *data = crm_chart_view_get_data (g_ptr_array_index (views, i));

      if (data != NULL && gtk_widget_is_visible (g_ptr_array_index (views, i)) &&
          crm_chart_data_get_n_series (data) == 1 &&
          g_strcmp0 (crm_chart_data_get_series_name (data, 0), name) == 0)
        return g_ptr_array_index (views, i);
    }
  return NULL;
}

/* Clicks @widget at (@x, @y), as a press and release of the first button. */
static void
click_at (GtkWidget *widget,
          double     x,
          double     y)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "released", 1, x, y);
    }
  g_object_unref (controllers);
}

static gint64
scope_revenue (const char        *path,
               const CrmKpiScope *scope,
               const CrmPeriod   *period)
{
  g_autoptr(GString) sql = g_string_new ("SELECT coalesce(sum(t.amount), 0) FROM transactions t"
                                         " JOIN customers c ON c.id = t.customer_id WHERE t.status = 1");

  g_string_append_printf (sql, " AND t.occurred_at >= %" G_GINT64_FORMAT " AND t.occurred_at < %" G_GINT64_FORMAT,
                          crm_period_get_start (period), crm_period_get_end (period));
  if (crm_kpi_scope_get_region (scope) != NULL)
    g_string_append_printf (sql, " AND c.region = '%s'", crm_kpi_scope_get_region (scope));
  if (crm_kpi_scope_get_owner (scope) != NULL)
    g_string_append_printf (sql, " AND c.owner = '%s'", crm_kpi_scope_get_owner (scope));
  if (crm_kpi_scope_get_customer_id (scope) > 0)
    g_string_append_printf (sql, " AND c.id = %" G_GINT64_FORMAT, crm_kpi_scope_get_customer_id (scope));
  return crm_test_query_int (path, sql->str);
}

/* The shown figures against SQL, and the children chart adding up. */
static void
check_figures (CrmDashboardPage *page,
               const char       *path)
{
  CrmKpiTable *table = crm_dashboard_page_get_table (page);
  const CrmKpiScope *scope = crm_kpi_table_get_scope (table);
  gint64 revenue = scope_revenue (path, scope, crm_kpi_table_get_period (table));
  CrmChartView *children = find_children_chart (page, "Revenue");

  g_assert_true (crm_kpi_scope_equal (scope, crm_dashboard_page_get_scope (page)));
  g_assert_cmpfloat (crm_kpi_table_get_value (table, CRM_KPI_TABLE_SCOPE, CRM_KPI_REVENUE, FALSE), ==, revenue);
  if (crm_kpi_table_get_n_children (table) > 0)
    {
      CrmChartData *data;
      double sum = 0;

      g_assert_nonnull (children);
      data = crm_chart_view_get_data (children);
      g_assert_cmpuint (crm_chart_data_get_n_categories (data), ==, crm_kpi_table_get_n_children (table));
      for (guint c = 0; c < crm_chart_data_get_n_categories (data); c++)
        sum += crm_chart_data_get_value (data, 0, c);
      /* Shown in major units. */
      g_assert_cmpfloat_with_epsilon (sum, revenue / 100.0, 0.005);
    }
  else
    g_assert_null (children);
}

static gboolean
crumb_named (GtkWidget  *root,
             const char *label,
             GtkWidget **found)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    {
      *found = root;
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (crumb_named (child, label, found))
      return TRUE;
  return FALSE;
}

static void
check_dashboard (Run *run)
{
  GtkWidget *window = GTK_WIDGET (run->window);
  const char *path = crm_store_get_path (crm_window_get_store (run->window));
  CrmDashboardPage *page;
  CrmChartView *chart;
  CrmKpiTable *table;
  g_autoptr(CrmKpiScope) region = NULL;
  g_autoptr(CrmKpiScope) owner = NULL;
  GtkWidget *crumb = NULL;
  gboolean drilled = FALSE;
  int width, height;

  gtk_widget_activate_action (window, "win.view", "s", "dashboard");
  page = CRM_DASHBOARD_PAGE (find_by_type (window, CRM_TYPE_DASHBOARD_PAGE));
  wait_for_figures (page);
  g_assert_cmpint (crm_kpi_scope_get_level (crm_dashboard_page_get_scope (page)), ==, CRM_KPI_LEVEL_COMPANY);
  check_figures (page, path);

  /* Every chart has a description and a table view that draws. */
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    collect_chart_views (GTK_WIDGET (page), views);
    g_assert_cmpuint (views->len, >=, 8);
    for (guint i = 0; i < views->len; i++)
      {
        CrmChartView *view = g_ptr_array_index (views, i);

        if (!gtk_widget_is_visible (GTK_WIDGET (view)))
          continue;
        g_assert_nonnull (crm_chart_view_get_data (view));
        g_object_set (view, "show-table", TRUE, NULL);
        g_object_set (view, "show-table", FALSE, NULL);
      }
  }

  /* Company → a region, by the mouse: a click along the middle of the
   * horizontal bars lands on one of them. */
  chart = find_children_chart (page, "Revenue");
  g_assert_nonnull (chart);
  width = gtk_widget_get_width (GTK_WIDGET (chart));
  height = gtk_widget_get_height (GTK_WIDGET (chart));
  g_assert_cmpint (width, >, 100);
  for (int y = 0; y < height && !drilled; y += 5)
    {
      click_at (GTK_WIDGET (chart), width * 0.4, y);
      drilled = crm_kpi_scope_get_level (crm_dashboard_page_get_scope (page)) != CRM_KPI_LEVEL_COMPANY;
    }
  g_assert_true (drilled);
  wait_for_figures (page);
  region = crm_kpi_scope_copy (crm_dashboard_page_get_scope (page));
  g_assert_cmpint (crm_kpi_scope_get_level (region), ==, CRM_KPI_LEVEL_REGION);
  g_assert_true (has_label (GTK_WIDGET (page), crm_kpi_scope_get_label (region)));
  check_figures (page, path);

  /* A region → its second owner, by the keyboard: Home, Down, Enter. */
  chart = find_children_chart (page, "Revenue");
  table = crm_dashboard_page_get_table (page);
  g_assert_cmpuint (crm_kpi_table_get_n_children (table), >=, 2);
  owner = crm_kpi_scope_copy (crm_kpi_table_get_child_scope (table, 1));
  g_assert_true (send_key_press (GTK_WIDGET (chart), GDK_KEY_Home, 0));
  g_assert_true (send_key_press (GTK_WIDGET (chart), GDK_KEY_Down, 0));
  g_assert_true (send_key_press (GTK_WIDGET (chart), GDK_KEY_Return, 0));
  wait_for_figures (page);
  g_assert_true (crm_kpi_scope_equal (crm_dashboard_page_get_scope (page), owner));
  check_figures (page, path);

  /* The owner → their top customer, and there the pyramid ends. */
  chart = find_children_chart (page, "Revenue");
  g_assert_true (send_key_press (GTK_WIDGET (chart), GDK_KEY_Home, 0));
  g_assert_true (send_key_press (GTK_WIDGET (chart), GDK_KEY_Return, 0));
  wait_for_figures (page);
  g_assert_cmpint (crm_kpi_scope_get_level (crm_dashboard_page_get_scope (page)), ==, CRM_KPI_LEVEL_CUSTOMER);
  check_figures (page, path);

  /* Breadcrumbs: back to the region, then to the company. */
  g_assert_true (crumb_named (GTK_WIDGET (page), crm_kpi_scope_get_label (region), &crumb));
  g_signal_emit_by_name (crumb, "clicked");
  /* Shown before: at once, from the figures computed then. */
  g_assert_false (crm_dashboard_page_is_busy (page));
  g_assert_true (crm_kpi_scope_equal (crm_dashboard_page_get_scope (page), region));
  check_figures (page, path);
  g_assert_true (crumb_named (GTK_WIDGET (page), "Company", &crumb));
  g_signal_emit_by_name (crumb, "clicked");
  wait_for_figures (page);
  g_assert_cmpint (crm_kpi_scope_get_level (crm_dashboard_page_get_scope (page)), ==, CRM_KPI_LEVEL_COMPANY);
  check_figures (page, path);

  /* A sale recorded elsewhere: the figures follow once the changes pause. */
  {
    CrmStore *store = crm_window_get_store (run->window);
    g_autoptr(CrmTransaction) sale = crm_transaction_new ();
    g_autoptr(GError) error = NULL;
    double before = crm_kpi_table_get_value (crm_dashboard_page_get_table (page), CRM_KPI_TABLE_SCOPE,
                                             CRM_KPI_REVENUE, FALSE);

    crm_transaction_set_customer_id (sale, crm_test_query_int (path, "SELECT min(id) FROM customers"));
    crm_transaction_set_occurred_at (sale, g_get_real_time () / G_USEC_PER_SEC - 60);
    crm_transaction_set_amount (sale, 123456);
    crm_transaction_set_currency (sale, "EUR");
    g_assert_true (crm_store_save_transaction (store, sale, &error));
    g_assert_no_error (error);
    while (crm_kpi_table_get_value (crm_dashboard_page_get_table (page), CRM_KPI_TABLE_SCOPE, CRM_KPI_REVENUE,
                                    FALSE) == before)
      g_main_context_iteration (NULL, TRUE);
    wait_for_figures (page);
    g_assert_cmpfloat (crm_kpi_table_get_value (crm_dashboard_page_get_table (page), CRM_KPI_TABLE_SCOPE,
                                                CRM_KPI_REVENUE, FALSE), ==, before + 123456);
    check_figures (page, path);
  }

  /* The audit opens on the scope and period shown. */
  {
    GtkWidget *audit_window = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();
    CrmAuditView *audit;

    g_assert_true (crumb_named (GTK_WIDGET (page), "_Audit", &crumb));
    g_signal_emit_by_name (crumb, "clicked");
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

        if (find_by_type (toplevel, CRM_TYPE_AUDIT_VIEW) != NULL)
          audit_window = toplevel;
      }
    g_assert_nonnull (audit_window);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (audit_window)) == GTK_WINDOW (window));
    audit = CRM_AUDIT_VIEW (find_by_type (audit_window, CRM_TYPE_AUDIT_VIEW));
    g_assert_true (crm_kpi_scope_equal (crm_audit_view_get_scope (audit), crm_dashboard_page_get_scope (page)));
    g_assert_true (crm_period_equal (crm_audit_view_get_period (audit),
                                     crm_kpi_table_get_period (crm_dashboard_page_get_table (page))));
    gtk_window_destroy (GTK_WINDOW (audit_window));
  }

  /* A custom period: the last day chosen is in it. */
  {
    GtkDropDown *picker = GTK_DROP_DOWN (find_by_type (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
    GtkWidget *from = find_by_type (GTK_WIDGET (picker), GTK_TYPE_CALENDAR);
    GtkWidget *popover = gtk_widget_get_ancestor (from, GTK_TYPE_POPOVER);
    GtkWidget *to = gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_parent (from)));
    g_autoptr(GDateTime) first = g_date_time_new_local (2025, 3, 10, 12, 0, 0);
    g_autoptr(GDateTime) last = g_date_time_new_local (2025, 8, 20, 12, 0, 0);
    const CrmPeriod *period;

    /* Another test's window on the same headless display may take the
     * focus, which would close an auto-hiding popover under the test. */
    gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
    gtk_drop_down_set_selected (picker, 3);
    g_assert_true (gtk_widget_get_visible (popover));
    while (!GTK_IS_CALENDAR (to))
      to = gtk_widget_get_next_sibling (to);
    /* The end before the start is refused, with a reason. */
    gtk_calendar_select_day (GTK_CALENDAR (from), last);
    gtk_calendar_select_day (GTK_CALENDAR (to), first);
    g_assert_true (has_label (popover, "The last day comes before the first."));
    gtk_calendar_select_day (GTK_CALENDAR (from), first);
    gtk_calendar_select_day (GTK_CALENDAR (to), last);
    g_assert_true (crumb_named (popover, "_Show Period", &crumb));
    g_signal_emit_by_name (crumb, "clicked");
    g_assert_true (crm_dashboard_page_is_busy (page));
    wait_for_figures (page);
    period = crm_kpi_table_get_period (crm_dashboard_page_get_table (page));
    g_assert_cmpint (crm_period_get_kind (period), ==, CRM_PERIOD_CUSTOM);
    g_assert_cmpint (crm_period_get_start (period), ==, 1741564800);  /* 2025-03-10 */
    g_assert_cmpint (crm_period_get_end (period), ==, 1755734400);    /* 2025-08-21 */
    check_figures (page, path);
  }
}

static void
test_drill_down (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  {
    g_autoptr(CrmStore) store = crm_store_open (path, &error);
    /* Up to now: the dashboard shows this year. */
    g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (11, 300);

    g_assert_no_error (error);
    g_assert_true (crm_demo_generator_run (generator, store, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  run_app (&run, path, store_loaded, check_dashboard);
  crm_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!init_display_or_skip ())
    return g_test_run ();

  g_test_add_func ("/dashboard/drill-down", test_drill_down);
  return g_test_run ();
}
