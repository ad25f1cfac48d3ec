/* bench-reports.c: reports to PDF on the shared generated database
 * (1,000,000 customers; BENCH_CUSTOMERS sets the size): a customer list of
 * the first 10,000 customers by name (about 250 pages), and the dashboard
 * report of the company for 2025, timed apart from the dashboard's own
 * computation of its figures. Each is read from the store, laid out on A4
 * and written to a PDF in a scratch folder, as `touchpoint --report`
 * does. Prints "figure: <name> <value> <unit>" lines. */
#include <sys/resource.h>

#include "crm-bench-database.h"
#include "crm-report-dashboard.h"
#include "crm-report-layout.h"
#include "crm-reports.h"
#include "crm-test-utils.h"

#define LIST_CUSTOMERS 10000

static double
now_s (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

/* Lays @report out on A4 and writes it to @name in @dir; returns the
 * pages, the times in @layout_s and @write_s. */
static guint
to_pdf (CrmReport  *report,
        const char *dir,
        const char *name,
        double     *layout_s,
        double     *write_s)
{
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (CRM_RENDER_PALETTE_PRINT, FALSE);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  CrmPageSetup setup;
  double started = now_s ();

  crm_page_setup_init_a4 (&setup, FALSE);
  layout = crm_report_layout_new (report, &setup, style, NULL, NULL, NULL);
  *layout_s = now_s () - started;
  started = now_s ();
  if (!crm_report_layout_write_pdf (layout, file, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  *write_s = now_s () - started;
  return crm_report_layout_get_n_pages (layout);
}

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("BENCH_CUSTOMERS");
  guint n_customers = size ? (guint) g_ascii_strtoull (size, NULL, 10) : 1000000;
  g_autofree char *path = crm_bench_database (n_customers);
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmPeriod) year = crm_period_new_calendar (CRM_PERIOD_YEAR, 2025, 0);
  g_autoptr(CrmReport) list = NULL;
  g_autoptr(CrmReport) dashboard = NULL;
  g_autoptr(CrmKpiTable) table = NULL;
  CrmReportOptions list_options = { .limit = LIST_CUSTOMERS, .currency = "EUR", .company = "Benchmark Ltd" };
  CrmReportOptions dashboard_options = { .period = year, .currency = "EUR", .company = "Benchmark Ltd" };
  struct rusage usage;
  double started, list_build_s, list_layout_s, list_write_s, compute_s, dashboard_build_s, dashboard_layout_s,
         dashboard_write_s;
  guint list_pages, dashboard_pages, list_rows;

  store = crm_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  /* The customer list: read, laid out, written. */
  started = now_s ();
  list = crm_reports_build (store, CRM_REPORT_KIND_CUSTOMERS, &list_options, NULL, NULL, NULL, &error);
  if (list == NULL)
    g_error ("%s", error->message);
  list_build_s = now_s () - started;
  list_rows = MIN (n_customers, LIST_CUSTOMERS);
  list_pages = to_pdf (list, dir, "customers.pdf", &list_layout_s, &list_write_s);

  /* The dashboard: its figures as the dashboard computes them, then the
   * report of them, timed apart. */
  started = now_s ();
  table = crm_report_dashboard_compute (store, &dashboard_options, NULL, &error);
  if (table == NULL)
    g_error ("%s", error->message);
  compute_s = now_s () - started;
  started = now_s ();
  dashboard = crm_report_dashboard_build_from_table (table, &dashboard_options);
  dashboard_build_s = now_s () - started;
  dashboard_pages = to_pdf (dashboard, dir, "dashboard.pdf", &dashboard_layout_s, &dashboard_write_s);

  getrusage (RUSAGE_SELF, &usage);
  crm_test_remove_tree (dir);

  g_print ("data: %u customers (%s); customer list: the first %u by name, A4; dashboard: the company, 2025, "
           "by region; one run each\n", n_customers, path, list_rows);
  g_print ("figure: report_customers_10k_s %.2f s (%u rows, %u pages: read %.2f s, laid out %.2f s, written %.2f s)\n",
           list_build_s + list_layout_s + list_write_s, list_rows, list_pages, list_build_s, list_layout_s,
           list_write_s);
  g_print ("figure: report_dashboard_s %.3f s (%u pages: built %.3f s, laid out %.3f s, written %.3f s; "
           "beyond the dashboard's own computation of %.3f s)\n",
           dashboard_build_s + dashboard_layout_s + dashboard_write_s, dashboard_pages, dashboard_build_s,
           dashboard_layout_s, dashboard_write_s, compute_s);
  g_print ("figure: dashboard_compute_s %.3f s\n", compute_s);
  g_print ("figure: report_peak_rss_mb %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
