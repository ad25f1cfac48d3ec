/* test-reports.c: the five reports built from a small store, laid out and
 * written to PDF, then read back with poppler's pdfinfo and pdftotext as
 * a user's PDF viewer would: page counts, page sizes, figures computed
 * here with SQL, names in Arabic and Chinese script as text; and
 * `touchpoint --report` run headless as cron would. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crm-demo-generator.h"
#include "crm-kpi-format.h"
#include "crm-report-layout.h"
#include "crm-reports.h"
#include "crm-store-fixture.h"
#include "crm-test-utils.h"
#include "crm-utils.h"

/* Journeys end on 2026-01-01; 2025 is the last full year. */
#define END_TIME 1767225600
#define N_GENERATED 150
/* The customer list's own customers, in a segment of their own. */
#define N_LISTED 120
#define LIST_SEGMENT "Printed"
#define CHINESE_NAME "王小明"
#define ARABIC_NAME "مريم الحسن"

static void
fixture_set_up (CrmStoreFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (7, N_GENERATED);
  g_autoptr(GError) error = NULL;

  crm_store_fixture_set_up (fixture, data);
  crm_demo_generator_set_end_time (generator, END_TIME);
  g_assert_true (crm_demo_generator_run (generator, fixture->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 1; i <= N_LISTED; i++)
    {
      g_autoptr(CrmCustomer) customer = crm_customer_new ();
      g_autofree char *name = g_strdup_printf ("Listed %03u", i);

      crm_customer_set_display_name (customer, i == 1 ? CHINESE_NAME : i == 2 ? ARABIC_NAME : name);
      crm_customer_set_organization (customer, "Print Test GmbH");
      crm_customer_set_segment (customer, LIST_SEGMENT);
      crm_customer_set_owner (customer, "Owner Ottilie");
      g_assert_true (crm_store_save_customer (fixture->store, customer, &error));
      g_assert_no_error (error);
    }
}

/* Standard output of a command, which must succeed. */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
pdf_text (const char *path,
          guint       page)     /* from 1; 0 for all */
{
  g_autofree char *first = g_strdup_printf ("%u", page);

  if (page == 0)
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
      return run (argv);
    }
  else
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
      return run (argv);
    }
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* "595.28 x 841.89 pts (A4)" */
static void
pdf_page_size (const char *path,
               double     *width,
               double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *line = strstr (info, "Page size:");
  char *end;

  g_assert_nonnull (line);
  *width = g_ascii_strtod (line + strlen ("Page size:"), &end);
  g_assert_nonnull (strstr (end, " x "));
  *height = g_ascii_strtod (strstr (end, " x ") + 3, NULL);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

static char *squash (const char *text);

/* pdftotext breaks Arabic words where glyphs join (“ا ل بلوشي”) and
 * wraps it in direction marks: text without either, to find names in. */
static char *
bare (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
          || (c >= 0x2066 && c <= 0x2069))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static guint
count_names (const char *text,
             const char *name)
{
  g_autofree char *bare_text = bare (text);
  g_autofree char *bare_name = bare (name);

  return count_occurrences (bare_text, bare_name);
}

/* Writes @report for @setup to a PDF in the fixture's folder. */
static char *
write_pdf (CrmStoreFixture    *fixture,
           CrmReport          *report,
           const CrmPageSetup *setup,
           const char         *name,
           guint              *n_pages)
{
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (CRM_RENDER_PALETTE_PRINT, FALSE);
  g_autoptr(CrmReportLayout) layout = crm_report_layout_new (report, setup, style, NULL, NULL, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (layout);
  g_assert_true (crm_report_layout_write_pdf (layout, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = crm_report_layout_get_n_pages (layout);
  return g_steal_pointer (&path);
}

static CrmReport *
build (CrmStoreFixture        *fixture,
       CrmReportKind           kind,
       const CrmReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  CrmReport *report = crm_reports_build (fixture->store, kind, options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static CrmCustomerQuery *
listed_query (void)
{
  CrmCustomerQuery *query = crm_customer_query_new ();

  crm_customer_query_set_segment (query, LIST_SEGMENT);
  return query;
}

/* 120 customers: every page has the table's header, every customer is
 * on exactly one page and whole, the full pages hold as many rows each,
 * so the pages are as many as the rows need; the Arabic and the Chinese
 * names are text. */
static void
test_customers_pages (CrmStoreFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(CrmCustomerQuery) query = listed_query ();
  CrmReportOptions options = { .query = query, .company = "Touchpoint Test Ltd", .currency = "EUR" };
  g_autoptr(CrmReport) report = build (fixture, CRM_REPORT_KIND_CUSTOMERS, &options);
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  CrmPageSetup setup;
  guint n_pages, first_rows = 0, full_rows = 0, listed = 0;

  crm_page_setup_init_a4 (&setup, FALSE);
  path = write_pdf (fixture, report, &setup, "customers.pdf", &n_pages);
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  g_assert_cmpuint (n_pages, >=, 3);

  {
    g_autofree char *raw = pdf_text (path, 0);

    all = squash (raw);
  }
  g_assert_nonnull (strstr (all, "Customer List"));
  g_assert_nonnull (strstr (all, "Touchpoint Test Ltd"));
  g_assert_nonnull (strstr (all, "120 customers"));
  g_assert_nonnull (strstr (all, "Segment: " LIST_SEGMENT));
  g_assert_cmpuint (count_names (all, CHINESE_NAME), ==, 1);
  g_assert_cmpuint (count_names (all, ARABIC_NAME), ==, 1);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *raw = pdf_text (path, page);
      g_autofree char *text = squash (raw);
      g_autofree char *footer = g_strdup_printf ("%u of %u", page, n_pages);
      guint rows = count_names (text, "Listed ") + count_names (text, CHINESE_NAME) + count_names (text, ARABIC_NAME);

      g_assert_nonnull (strstr (text, "Organization"));   /* the header row, repeated */
      g_assert_nonnull (strstr (text, "Lifetime Value"));
      g_assert_nonnull (strstr (text, footer));
      g_assert_cmpuint (rows, >, 0);
      if (page == 1)
        first_rows = rows;
      else if (page == 2)
        full_rows = rows;
      else if (page < n_pages)
        g_assert_cmpuint (rows, ==, full_rows);
      else
        g_assert_cmpuint (rows, <=, full_rows);
      listed += rows;
    }
  /* Every customer once: none cut in two, none repeated. */
  g_assert_cmpuint (listed, ==, N_LISTED);
  for (guint i = 3; i <= N_LISTED; i++)
    {
      g_autofree char *name = g_strdup_printf ("Listed %03u", i);

      g_assert_cmpuint (count_names (all, name), ==, 1);
    }
  /* As many pages as the rows need: the first page's rows (under the
   * title) and then full pages. */
  g_assert_cmpuint (first_rows, <=, full_rows);
  g_assert_cmpuint (n_pages, ==, 1 + (N_LISTED - first_rows + full_rows - 1) / full_rows);
}

/* Whitespace, however pdftotext breaks lines, as single spaces. */
static char *
squash (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static char *
all_text (const char *path)
{
  g_autofree char *text = pdf_text (path, 0);

  return squash (text);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the report:\n%s", needle, text);
}

static void
test_page_size (CrmStoreFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(CrmCustomerQuery) query = listed_query ();
  CrmReportOptions options = { .query = query, .currency = "EUR" };
  g_autoptr(CrmReport) report = build (fixture, CRM_REPORT_KIND_CUSTOMERS, &options);
  struct
  {
    gboolean letter;
    gboolean landscape;
    double   width, height;
  } papers[] = {
    { FALSE, FALSE, 595.28, 841.89 },
    { TRUE, FALSE, 612, 792 },
    { FALSE, TRUE, 841.89, 595.28 },
    { TRUE, TRUE, 792, 612 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *name = g_strdup_printf ("paper-%u.pdf", i);
      g_autofree char *path = NULL;
      CrmPageSetup setup;
      double width, height;
      guint n_pages;

      if (papers[i].letter)
        crm_page_setup_init_letter (&setup, papers[i].landscape);
      else
        crm_page_setup_init_a4 (&setup, papers[i].landscape);
      path = write_pdf (fixture, report, &setup, name, &n_pages);
      pdf_page_size (path, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, papers[i].width, 0.5);
      g_assert_cmpfloat_with_epsilon (height, papers[i].height, 0.5);
      g_assert_cmpuint (pdf_pages (path), ==, n_pages);
      /* Every customer whole on some page, whatever the paper. */
      {
        g_autofree char *raw = pdf_text (path, 0);
        g_autofree char *text = squash (raw);

        g_assert_cmpuint (count_names (text, "Listed ") + count_names (text, CHINESE_NAME)
                          + count_names (text, ARABIC_NAME), ==, N_LISTED);
      }
    }
}

static char *
format_kpi (CrmKpi kpi,
            double value)
{
  return crm_kpi_format_value (kpi, value, "EUR");
}

/* The figures of 2025 for the company, counted here in SQL. */
static gint64
sql_customers (CrmStoreFixture *fixture,
               const CrmPeriod *period)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM customers WHERE created_at < %" G_GINT64_FORMAT,
                                          crm_period_get_end (period));

  return crm_test_query_int (fixture->path, sql);
}

static gint64
sql_revenue (CrmStoreFixture *fixture,
             const CrmPeriod *period)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (sum (amount), 0) FROM transactions WHERE status = %d "
                                          "AND occurred_at >= %" G_GINT64_FORMAT " AND occurred_at < %" G_GINT64_FORMAT,
                                          CRM_TRANSACTION_STATUS_COMPLETED, crm_period_get_start (period),
                                          crm_period_get_end (period));

  return crm_test_query_int (fixture->path, sql);
}

static void
test_dashboard (CrmStoreFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(CrmPeriod) year = crm_period_new_calendar (CRM_PERIOD_YEAR, 2025, 0);
  CrmReportOptions options = { .period = year, .company = "Touchpoint Test Ltd", .currency = "EUR" };
  g_autoptr(CrmReport) report = build (fixture, CRM_REPORT_KIND_DASHBOARD, &options);
  g_autofree char *customers = format_kpi (CRM_KPI_CUSTOMERS, sql_customers (fixture, year));
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  CrmPageSetup setup;
  guint n_pages;

  g_assert_cmpint (sql_customers (fixture, year), >, 10);
  crm_page_setup_init_a4 (&setup, FALSE);
  path = write_pdf (fixture, report, &setup, "dashboard.pdf", &n_pages);
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  text = all_text (path);
  assert_contains (text, "Dashboard");
  assert_contains (text, "Touchpoint Test Ltd");
  assert_contains (text, "2025, compared with 2024");
  assert_contains (text, "Key Figures");
  assert_contains (text, customers);
  for (guint i = 0; i < 4; i++)
    assert_contains (text, (const char *[]) { "Revenue over Time", "Touchpoints by Channel", "New Customers by Stage",
                                              "Customers by RFM Segment" }[i]);
}

static void
test_audit (CrmStoreFixture *fixture,
            gconstpointer    data)
{
  g_autoptr(CrmPeriod) year = crm_period_new_calendar (CRM_PERIOD_YEAR, 2025, 0);
  g_autoptr(CrmPeriod) before = crm_period_get_previous (year);
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  CrmReportOptions options = { .period = year, .currency = "EUR" };
  gint64 revenue = sql_revenue (fixture, year);
  g_autofree char *revenue_text = format_kpi (CRM_KPI_REVENUE, revenue);
  g_autofree char *previous_text = format_kpi (CRM_KPI_REVENUE, sql_revenue (fixture, before));
  g_autofree char *target_text = format_kpi (CRM_KPI_REVENUE, revenue * 4.0);
  g_autofree char *attainment = crm_value_format (0.25, CRM_VALUE_PERCENT, NULL);
  g_autofree char *customers = format_kpi (CRM_KPI_CUSTOMERS, sql_customers (fixture, year));
  g_autoptr(CrmReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  CrmPageSetup setup;

  g_assert_cmpint (revenue, >, 0);
  /* A target four times the revenue: a quarter of it attained, missed. */
  g_assert_true (crm_store_set_kpi_target (fixture->store, CRM_KPI_REVENUE, company, year, revenue * 4.0, &error));
  g_assert_no_error (error);
  report = build (fixture, CRM_REPORT_KIND_AUDIT, &options);
  crm_page_setup_init_letter (&setup, FALSE);
  path = write_pdf (fixture, report, &setup, "audit.pdf", NULL);
  text = all_text (path);
  assert_contains (text, "CRM Audit of");
  assert_contains (text, "2025, compared with 2024");
  assert_contains (text, revenue_text);
  assert_contains (text, previous_text);
  assert_contains (text, target_text);
  assert_contains (text, attainment);
  assert_contains (text, "Missed");
  assert_contains (text, customers);
  assert_contains (text, "0 of 1");
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    if (strlen (crm_kpi_get_name (kpi)) <= 12)   /* longer names may wrap in their cell */
      assert_contains (text, crm_kpi_get_name (kpi));
}

static void
test_customer (CrmStoreFixture *fixture,
               gconstpointer    data)
{
  /* The generated customer with the most transactions. */
  gint64 id = crm_test_query_int (fixture->path,
                                  "SELECT c.id FROM customers c ORDER BY (SELECT count(*) FROM transactions t "
                                  "WHERE t.customer_id = c.id) DESC, c.id LIMIT 1");
  g_autofree char *id_sql = g_strdup_printf ("SELECT display_name FROM customers WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *name = crm_test_query_text (fixture->path, id_sql);
  g_autofree char *product_sql = g_strdup_printf ("SELECT product FROM transactions WHERE customer_id = %" G_GINT64_FORMAT
                                                  " AND product <> '' ORDER BY occurred_at LIMIT 1", id);
  g_autofree char *product = crm_test_query_text (fixture->path, product_sql);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM transactions WHERE customer_id = %" G_GINT64_FORMAT, id);
  g_autofree char *contact_sql = g_strdup_printf ("SELECT value FROM contact_points WHERE customer_id = %" G_GINT64_FORMAT
                                                  " ORDER BY position LIMIT 1", id);
  g_autofree char *contact = crm_test_query_text (fixture->path, contact_sql);
  CrmReportOptions options = { .customer_id = id, .currency = "EUR" };
  g_autoptr(CrmReport) report = build (fixture, CRM_REPORT_KIND_CUSTOMER, &options);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  CrmPageSetup setup;
  CrmReportOptions nobody = { .customer_id = 999999 };

  g_assert_cmpint (crm_test_query_int (fixture->path, count_sql), >, 0);
  crm_page_setup_init_a4 (&setup, FALSE);
  path = write_pdf (fixture, report, &setup, "customer.pdf", NULL);
  text = all_text (path);
  assert_contains (text, name);
  assert_contains (text, "Customer Profile");
  assert_contains (text, "Contact");
  assert_contains (text, "Journey");
  assert_contains (text, "Transactions");
  if (product != NULL && *product != '\0')
    assert_contains (text, product);
  if (contact != NULL && *contact != '\0')
    g_assert_cmpuint (count_names (text, contact), >=, 1);

  g_assert_null (crm_reports_build (fixture->store, CRM_REPORT_KIND_CUSTOMER, &nobody, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_REPORTS_ERROR, CRM_REPORTS_ERROR_NOT_FOUND);
}

static void
test_journeys (CrmStoreFixture *fixture,
               gconstpointer    data)
{
  g_autoptr(CrmPeriod) year = crm_period_new_calendar (CRM_PERIOD_YEAR, 2025, 0);
  CrmReportOptions options = { .period = year, .currency = "EUR" };
  g_autoptr(CrmReport) report = build (fixture, CRM_REPORT_KIND_JOURNEYS, &options);
  g_autofree char *channel_sql =
    g_strdup_printf ("SELECT c.name FROM touchpoints t JOIN channels c ON c.id = t.channel_id WHERE t.occurred_at >= %"
                     G_GINT64_FORMAT " AND t.occurred_at < %" G_GINT64_FORMAT
                     " GROUP BY c.id ORDER BY count(*) DESC LIMIT 1", crm_period_get_start (year),
                     crm_period_get_end (year));
  g_autofree char *channel = crm_test_query_text (fixture->path, channel_sql);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  CrmPageSetup setup;

  crm_page_setup_init_a4 (&setup, FALSE);
  path = write_pdf (fixture, report, &setup, "journeys.pdf", NULL);
  text = all_text (path);
  assert_contains (text, "Journey Analysis");
  assert_contains (text, "All customers · 2025");
  assert_contains (text, "Journey Map");
  assert_contains (text, "Top Paths");
  assert_contains (text, "Channel Flow");
  assert_contains (text, "Moments of Truth");
  assert_contains (text, channel);
}

/* touchpoint --report, run as cron would: no display, no bus. */
static int
run_touchpoint (const char * const  *args,
                char               **out,
                char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_ptr_array_add (argv, (gpointer) g_getenv ("TOUCHPOINT_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static void
test_cli (CrmStoreFixture *fixture,
          gconstpointer    data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *uid = crm_test_query_text (fixture->path, "SELECT uid FROM customers ORDER BY id LIMIT 1");
  g_autofree char *name = crm_test_query_text (fixture->path, "SELECT display_name FROM customers ORDER BY id LIMIT 1");
  g_autofree char *missing_dir = g_build_filename (fixture->dir, "no", "such", "dir", "x.pdf", NULL);
  struct
  {
    const char *args[16];
    const char *message;     /* on standard error; NULL for success */
  } cases[] = {
    { { "--report", "customers", "--segment", LIST_SEGMENT, "--paper", "letter", "--output", output, NULL }, NULL },
    { { "--report", "dashboard", "--period", "2025-01-01..2025-12-31", "--output", output, NULL }, NULL },
    { { "--report", "customer", "--customer", uid, "--output", output, NULL }, NULL },
    { { "--report", "audit", "--period", "year", "--output", output, NULL }, NULL },
    { { "--report", "journeys", "--period", "quarter", "--output", output, NULL }, NULL },
    { { "--report", "sales", "--output", output, NULL }, "is not dashboard, customers, customer, journeys or audit" },
    { { "--report", "audit", NULL }, "needs --output" },
    { { "--report", "customer", "--customer", "no-such-uid", "--output", output, NULL }, "no customer with the UID" },
    { { "--report", "customer", "--output", output, NULL }, "needs --customer" },
    { { "--report", "audit", "--period", "2025-13-01..2025-12-31", "--output", output, NULL }, "--period" },
    { { "--report", "audit", "--period", "2025-12-31..2025-01-01", "--output", output, NULL }, "--period" },
    { { "--report", "audit", "--period", "week", "--output", output, NULL }, "--period" },
    { { "--report", "audit", "--output", missing_dir, NULL }, "Could not write" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *before = NULL, *after = NULL;
      int status;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->path);
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (gpointer) cases[i].args[a]);
      g_ptr_array_add (args, NULL);

      /* A failed run leaves the file that was there as it was. */
      g_assert_true (g_file_set_contents (output, "earlier report", -1, NULL));
      status = run_touchpoint ((const char * const *) args->pdata, &out, &err);
      g_assert_true (g_file_get_contents (output, &after, NULL, NULL));
      if (cases[i].message == NULL)
        {
          if (status != 0)
            g_error ("touchpoint %s failed: %s", cases[i].args[1], err);
          g_assert_true (g_str_has_prefix (after, "%PDF"));
          g_assert_cmpuint (pdf_pages (output), >=, 1);
          assert_contains (out, "Wrote");
        }
      else
        {
          g_assert_cmpint (status, !=, 0);
          if (strstr (err, cases[i].message) == NULL)
            g_error ("case %u: “%s” is not in: %s", i, cases[i].message, err);
          g_assert_cmpstr (after, ==, "earlier report");
        }

      if (i == 0)
        {
          g_autofree char *text = all_text (output);
          double width, height;

          pdf_page_size (output, &width, &height);
          g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
          g_assert_cmpfloat_with_epsilon (height, 792, 0.5);
          assert_contains (text, "Listed 050");
          assert_contains (text, CHINESE_NAME);
        }
      else if (i == 2)
        {
          g_autofree char *text = all_text (output);

          assert_contains (text, name);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/reports/" path, CrmStoreFixture, NULL, fixture_set_up, func, crm_store_fixture_tear_down)
  ADD ("customers-pages", test_customers_pages);
  ADD ("page-size", test_page_size);
  ADD ("dashboard", test_dashboard);
  ADD ("audit", test_audit);
  ADD ("customer", test_customer);
  ADD ("journeys", test_journeys);
  ADD ("cli", test_cli);
#undef ADD
  return g_test_run ();
}
