/* test-reports-ui.c: the Reports view under a (headless) display: it
 * shows "Page 1 of N" with N the pages the same report has for the same
 * page setup, turns pages, makes the report again for a new period and
 * never shows a run that was given up; Export PDF writes as many pages as
 * the preview shows; printing to a PDF (the print operation's export)
 * lays the report out for the chosen paper; a chart exports as a PNG
 * cairo reads back and an SVG. The reports are made by hand here, so the
 * view is tested apart from the builders; one test runs the real
 * customer list. Run with G_DEBUG=fatal-warnings. */
#include <adwaita.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "crm-bar-chart.h"
#include "crm-chart-export.h"
#include "crm-period-picker.h"
#include "crm-report-preview.h"
#include "crm-report-print.h"
#include "crm-reports-page.h"
#include "crm-store-fixture.h"
#include "crm-test-utils.h"
#include "crm-ui-test-utils.h"

/* The hand-made report: as many rows as the period has days, so each
 * period has its own page count; the subtitle names the period. While
 * the gate is shut the builder waits, and it finishes even when
 * cancelled, so that the view alone must keep a given-up run off the
 * screen. */
static GMutex gate_lock;
static GCond gate_cond;
static gboolean gate_shut;
static int n_builds;
static char *last_scope;     /* the scope the builder was asked for, as a label */

static CrmReport *
make_report (const CrmPeriod *period)
{
  g_autofree char *subtitle = period != NULL ? crm_period_format (period) : g_strdup ("all");
  gint64 days = period != NULL ? (crm_period_get_end (period) - crm_period_get_start (period)) / 86400 : 10;
  CrmReport *report = crm_report_new ("Test Report");
  const char *headers[] = { "Day", "Name", "Amount" };
  const double widths[] = { 0.2, 0.5, 0.3 };
  const CrmReportAlign aligns[] = { CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_END };
  CrmReportTable *table;

  crm_report_set_subtitle (report, subtitle);
  crm_report_set_company (report, "Example Ltd");
  crm_report_set_printed (report, "1 January 2026");
  crm_report_add_heading (report, "Days");
  crm_report_add_fact (report, "Days", "many");
  table = crm_report_add_table (report, 3, headers, widths, aligns);
  for (gint64 i = 0; i < MAX (days, 1); i++)
    {
      g_autofree char *day = g_strdup_printf ("%" G_GINT64_FORMAT, i + 1);
      g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT ".00", i * 7);
      const char *cells[] = { day, i % 2 ? "Ada Lovelace" : "محمد 李小龙", amount };

      crm_report_table_add_row (table, cells);
    }
  return report;
}

static CrmReport *
test_build (CrmStore                *store,
            CrmReportKind            kind,
            const CrmReportOptions  *options,
            GCancellable            *cancellable,
            CrmProgressFunc          progress,
            gpointer                 progress_data,
            GError                 **error)
{
  g_mutex_lock (&gate_lock);
  n_builds++;
  g_free (last_scope);
  last_scope = options->scope != NULL ? g_strdup (crm_kpi_scope_get_label (options->scope)) : NULL;
  while (gate_shut)
    g_cond_wait (&gate_cond, &gate_lock);
  g_mutex_unlock (&gate_lock);
  return make_report (options->period);
}

static void
set_gate (gboolean shut)
{
  g_mutex_lock (&gate_lock);
  gate_shut = shut;
  g_cond_broadcast (&gate_cond);
  g_mutex_unlock (&gate_lock);
}

static int
get_n_builds (void)
{
  int n;

  g_mutex_lock (&gate_lock);
  n = n_builds;
  g_mutex_unlock (&gate_lock);
  return n;
}

typedef struct
{
  CrmStoreFixture  base;
  GtkWindow       *window;
  CrmReportsPage  *page;
  CrmReportPreview *preview;
  GPtrArray       *shown;    /* the subtitle of every report that reached the screen */
} Fixture;

static void
on_layout_shown (CrmReportPreview *preview,
                 GParamSpec       *pspec,
                 Fixture          *fixture)
{
  CrmReport *report = crm_reports_page_get_report (fixture->page);

  if (crm_report_preview_get_layout (preview) != NULL && report != NULL)
    g_ptr_array_add (fixture->shown, g_strdup (crm_report_get_subtitle (report)));
}

static gboolean
page_idle (gpointer data)
{
  CrmReportsPage *page = data;

  return !crm_reports_page_is_busy (page) && crm_reports_page_get_layout (page) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  crm_store_fixture_set_up (&fixture->base, data);
  set_gate (FALSE);
  fixture->shown = g_ptr_array_new_with_free_func (g_free);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 800);
  fixture->page = g_object_new (CRM_TYPE_REPORTS_PAGE, NULL);
  fixture->preview = CRM_REPORT_PREVIEW (find_by_type (GTK_WIDGET (fixture->page), CRM_TYPE_REPORT_PREVIEW));
  g_assert_nonnull (fixture->preview);
  g_signal_connect (fixture->preview, "notify::n-pages", G_CALLBACK (on_layout_shown), fixture);
  if (data == NULL)
    crm_reports_page_set_build_func (fixture->page, test_build);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  crm_reports_page_set_store (fixture->page, fixture->base.store);
  iterate_until (page_idle, fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  set_gate (FALSE);
  gtk_window_destroy (fixture->window);
  /* The workers let go of their connections. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_ptr_array_unref (fixture->shown);
  crm_store_fixture_tear_down (&fixture->base, data);
}

static char *
page_label (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_label (g_ptr_array_index (labels, i));

      if (g_str_has_prefix (text, "Page "))
        return g_strdup (text);
    }
  return NULL;
}

/* The pages @report has on its own, for the view's page setup. */
static guint
count_pages (CrmReport          *report,
             const CrmPageSetup *setup,
             CrmRenderPalette    palette)
{
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (palette, FALSE);
  g_autoptr(CrmReportLayout) layout = crm_report_layout_new (report, setup, style, NULL, NULL, NULL);

  return crm_report_layout_get_n_pages (layout);
}

static guint
pdf_pages (const char *path,
           char      **page_size)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  int status;
  const char *line;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  if (page_size != NULL && (line = strstr (out, "Page size:")) != NULL)
    *page_size = g_strndup (line, strcspn (line, "\n"));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CrmPeriod) period = crm_period_picker_get_period (
    CRM_PERIOD_PICKER (find_by_type (GTK_WIDGET (fixture->page), CRM_TYPE_PERIOD_PICKER)));
  g_autoptr(CrmReport) report = make_report (period);
  guint n_pages = count_pages (report, crm_reports_page_get_page_setup (fixture->page), CRM_RENDER_PALETTE_LIGHT);
  g_autofree char *first = g_strdup_printf ("Page 1 of %u", n_pages);
  g_autofree char *second = g_strdup_printf ("Page 2 of %u", n_pages);
  g_autofree char *label = NULL;

  /* A year of days runs over several pages. */
  g_assert_cmpuint (n_pages, >, 2);
  g_assert_cmpuint (crm_report_layout_get_n_pages (crm_reports_page_get_layout (fixture->page)), ==, n_pages);
  label = page_label (fixture);
  g_assert_cmpstr (label, ==, first);
  g_clear_pointer (&label, g_free);
  /* Nothing before the first page. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reports.previous-page", NULL);
  g_assert_cmpuint (crm_report_preview_get_page (fixture->preview), ==, 0);

  g_assert_true (activate_shortcut (GTK_WIDGET (fixture->page), GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  label = page_label (fixture);
  g_assert_cmpstr (label, ==, second);
  g_clear_pointer (&label, g_free);
  g_assert_cmpuint (crm_report_preview_get_page (fixture->preview), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reports.previous-page", NULL));
  label = page_label (fixture);
  g_assert_cmpstr (label, ==, first);
  g_clear_pointer (&label, g_free);

  /* To the last page and no further. */
  for (guint i = 1; i < n_pages; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reports.next-page", NULL));
  g_assert_cmpuint (crm_report_preview_get_page (fixture->preview), ==, n_pages - 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reports.next-page", NULL);
  g_assert_cmpuint (crm_report_preview_get_page (fixture->preview), ==, n_pages - 1);
}

static gboolean
n_builds_reached (gpointer data)
{
  return get_n_builds () >= GPOINTER_TO_INT (data);
}

static void
test_new_period (Fixture       *fixture,
                 gconstpointer  data)
{
  CrmPeriodPicker *picker = CRM_PERIOD_PICKER (find_by_type (GTK_WIDGET (fixture->page), CRM_TYPE_PERIOD_PICKER));
  g_autoptr(CrmPeriod) month = NULL;
  g_autoptr(CrmPeriod) quarter = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *quarter_text = NULL;
  g_autoptr(CrmReport) report = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *label = NULL;
  int builds = get_n_builds ();

  g_assert_cmpuint (fixture->shown->len, ==, 1);
  /* A month asked for, then a quarter before the month is done: the
   * month's run is given up and, although it finishes, never shows. */
  set_gate (TRUE);
  crm_period_picker_set_choice (picker, CRM_PERIOD_CHOICE_MONTH);
  month = crm_period_picker_get_period (picker);
  g_assert_true (crm_reports_page_is_busy (fixture->page));
  iterate_until (n_builds_reached, GINT_TO_POINTER (builds + 1));
  crm_period_picker_set_choice (picker, CRM_PERIOD_CHOICE_QUARTER);
  quarter = crm_period_picker_get_period (picker);
  iterate_until (n_builds_reached, GINT_TO_POINTER (builds + 2));
  set_gate (FALSE);
  iterate_until (page_idle, fixture->page);
  /* Both workers are done and their results delivered. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  month_text = crm_period_format (month);
  quarter_text = crm_period_format (quarter);
  g_assert_cmpstr (month_text, !=, quarter_text);
  g_assert_cmpuint (fixture->shown->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->shown, 1), ==, quarter_text);
  g_assert_cmpstr (crm_report_get_subtitle (crm_reports_page_get_report (fixture->page)), ==, quarter_text);

  report = make_report (quarter);
  expected = g_strdup_printf ("Page 1 of %u",
                              count_pages (report, crm_reports_page_get_page_setup (fixture->page),
                                           CRM_RENDER_PALETTE_LIGHT));
  label = page_label (fixture);
  g_assert_cmpstr (label, ==, expected);
}

/* The dashboard report is of the scope the Dashboard went down to, and
 * says so; the customer list has none. */
static void
test_scope (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  g_autoptr(CrmKpiScope) europe = crm_kpi_scope_new_child (company, CRM_KPI_LEVEL_REGION, "Europe");
  int builds = get_n_builds ();
  g_autofree char *label = NULL;

  crm_reports_page_set_scope (fixture->page, europe);
  iterate_until (n_builds_reached, GINT_TO_POINTER (builds + 1));
  iterate_until (page_idle, fixture->page);
  g_mutex_lock (&gate_lock);
  label = g_strdup (last_scope);
  g_mutex_unlock (&gate_lock);
  g_assert_cmpstr (label, ==, crm_kpi_scope_get_label (europe));
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "Of Europe"));

  /* The same scope again is no new run. */
  crm_reports_page_set_scope (fixture->page, europe);
  g_assert_false (crm_reports_page_is_busy (fixture->page));

  crm_reports_page_set_kind (fixture->page, CRM_REPORT_KIND_CUSTOMERS);
  iterate_until (n_builds_reached, GINT_TO_POINTER (builds + 2));
  iterate_until (page_idle, fixture->page);
  g_mutex_lock (&gate_lock);
  g_clear_pointer (&label, g_free);
  label = g_strdup (last_scope);
  g_mutex_unlock (&gate_lock);
  g_assert_null (label);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GError **error = data;

  if (!crm_reports_page_export_pdf_finish (CRM_REPORTS_PAGE (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  g_object_set_data (source, "exported", GINT_TO_POINTER (TRUE));
}

static gboolean
exported (gpointer data)
{
  return g_object_get_data (data, "exported") != NULL;
}

static void
on_toast (CrmReportsPage *page,
          AdwToast       *toast,
          char          **title)
{
  g_free (*title);
  *title = g_strdup (adw_toast_get_title (toast));
  g_assert_nonnull (adw_toast_get_button_label (toast));
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.dir, "report.pdf", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->base.dir, "no-such-folder", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  guint n_pages = crm_report_layout_get_n_pages (crm_reports_page_get_layout (fixture->page));
  g_autofree char *toast_title = NULL;

  g_signal_connect (fixture->page, "toast", G_CALLBACK (on_toast), &toast_title);
  crm_reports_page_export_pdf_async (fixture->page, file, NULL, on_exported, &error);
  g_assert_true (crm_reports_page_is_busy (fixture->page));
  iterate_until (exported, fixture->page);
  g_assert_no_error (error);
  g_assert_false (crm_reports_page_is_busy (fixture->page));
  g_assert_cmpuint (pdf_pages (path, NULL), ==, n_pages);
  /* Saved, said in a toast with a button to open the file. */
  g_assert_cmpstr (toast_title, ==, "Saved “report.pdf”");
  g_signal_handlers_disconnect_by_func (fixture->page, on_toast, &toast_title);

  /* A folder that is not there: an error, and a dialog naming the file
   * (closed here), nothing written. */
  g_object_set_data (G_OBJECT (fixture->page), "exported", NULL);
  crm_reports_page_export_pdf_async (fixture->page, bad_file, NULL, on_exported, &error);
  iterate_until (exported, fixture->page);
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (bad_file, NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel))
          {
            g_autofree char *parse_name = g_file_get_parse_name (bad_file);

            g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), parse_name));
            found = TRUE;
            gtk_window_destroy (toplevel);
          }
      }
    g_assert_true (found);
  }
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = crm_report_print_default_page_setup ();
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  g_autofree char *expected_size = NULL;
  CrmPageSetup setup;
  GtkPrintOperationResult result;

  operation = crm_report_print_operation_new (crm_reports_page_get_report (fixture->page), FALSE);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, fixture->window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* Laid out for the paper of the page setup, in ink. */
  crm_report_print_page_setup (page_setup, FALSE, &setup);
  g_assert_cmpuint (pdf_pages (path, &size),
                    ==, count_pages (crm_reports_page_get_report (fixture->page), &setup, CRM_RENDER_PALETTE_PRINT));
  expected_size = g_strdup_printf ("%.0f x %.0f", setup.width, setup.height);
  g_assert_nonnull (size);
  /* pdfinfo gives the size in points to two places: compare whole points. */
  {
    double width = 0, height = 0;

    g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", &width, &height), ==, 2);
    g_assert_cmpfloat_with_epsilon (width, setup.width, 1);
    g_assert_cmpfloat_with_epsilon (height, setup.height, 1);
  }
  /* Margins never under 2 cm, whatever the printer's. */
  g_assert_cmpfloat (setup.margin_top, >=, 56);
  g_assert_cmpfloat (setup.margin_start, >=, 50);
}

/* Landscape US Letter chosen in the print dialog: the report is laid
 * out again for it, and the printed pages are that paper. */
static void
test_print_landscape (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.dir, "landscape.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  CrmPageSetup setup;
  CrmPageSetup rtl_setup;
  double width = 0, height = 0;

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, letter);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  crm_report_print_page_setup (page_setup, FALSE, &setup);
  g_assert_cmpfloat_with_epsilon (setup.width, 792, 0.5);
  g_assert_cmpfloat_with_epsilon (setup.height, 612, 0.5);
  /* In right-to-left the start margin is the right one. */
  gtk_page_setup_set_left_margin (page_setup, 100, GTK_UNIT_POINTS);
  crm_report_print_page_setup (page_setup, TRUE, &rtl_setup);
  g_assert_cmpfloat_with_epsilon (rtl_setup.margin_end, 100, 0.01);
  g_assert_cmpfloat (rtl_setup.margin_start, <, 100);
  gtk_page_setup_set_left_margin (page_setup, 0, GTK_UNIT_POINTS);

  operation = crm_report_print_operation_new (crm_reports_page_get_report (fixture->page), FALSE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, fixture->window, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  crm_report_print_page_setup (page_setup, FALSE, &setup);
  g_assert_cmpuint (pdf_pages (path, &size),
                    ==, count_pages (crm_reports_page_get_report (fixture->page), &setup, CRM_RENDER_PALETTE_PRINT));
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", &width, &height), ==, 2);
  g_assert_cmpfloat_with_epsilon (width, 792, 1);
  g_assert_cmpfloat_with_epsilon (height, 612, 1);
}

static void
draw_bars (cairo_t *cr, const CrmRenderStyle *style, double width, double height, gpointer data)
{
  crm_bar_chart_draw (data, style, CRM_BAR_LAYOUT_VERTICAL, cr, width, height);
}

static void
test_chart_export (void)
{
  g_autoptr(CrmChartData) chart = crm_chart_data_new (CRM_VALUE_COUNT);
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autofree char *dir = g_dir_make_tmp ("test-reports-ui-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "chart.SVG", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *image;

  crm_chart_data_add_series (chart, "Customers");
  crm_chart_data_add_category (chart, "Web");
  crm_chart_data_add_category (chart, "Store");
  crm_chart_data_set_value (chart, 0, 0, 12);
  crm_chart_data_set_value (chart, 0, 1, 30);

  g_assert_cmpint (crm_chart_export_format_for_file (png), ==, CRM_CHART_EXPORT_PNG);
  g_assert_cmpint (crm_chart_export_format_for_file (svg), ==, CRM_CHART_EXPORT_SVG);

  bytes = crm_chart_export_render (draw_bars, chart, style, 400, 250, CRM_CHART_EXPORT_PNG, &error);
  g_assert_no_error (error);
  g_assert_true (crm_chart_export_write (png, bytes, NULL, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 500);
  cairo_surface_destroy (image);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = crm_chart_export_render (draw_bars, chart, style, 400, 250, CRM_CHART_EXPORT_SVG, &error);
  g_assert_no_error (error);
  g_assert_true (crm_chart_export_write (svg, bytes, NULL, &error));
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<svg"));

  g_unlink (png_path);
  g_unlink (svg_path);
  g_rmdir (dir);
}

/* The real customer list on a database of three: the view shows what
 * crm_reports_build lays out. */
static void
test_customer_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CrmReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *label = NULL;
  CrmReportOptions options = { 0 };

  crm_store_fixture_add_customer (&fixture->base, "Ada Lovelace");
  crm_store_fixture_add_customer (&fixture->base, "محمد علي");
  crm_store_fixture_add_customer (&fixture->base, "李小龙");
  crm_reports_page_set_kind (fixture->page, CRM_REPORT_KIND_CUSTOMERS);
  iterate_until (page_idle, fixture->page);
  /* Past the change-pause of the customers added. */
  crm_reports_page_refresh (fixture->page);
  iterate_until (page_idle, fixture->page);
  report = crm_reports_build (fixture->base.store, CRM_REPORT_KIND_CUSTOMERS, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("Page 1 of %u", count_pages (report, crm_reports_page_get_page_setup (fixture->page),
                                                           CRM_RENDER_PALETTE_LIGHT));
  label = page_label (fixture);
  g_assert_cmpstr (label, ==, expected);
  g_assert_cmpstr (crm_report_get_title (crm_reports_page_get_report (fixture->page)), ==,
                   crm_report_get_title (report));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reports/chart-export", test_chart_export);
  if (!init_display_or_skip ())
    return g_test_run ();
  adw_init ();

  g_test_add ("/reports/preview", Fixture, NULL, fixture_set_up, test_preview, fixture_tear_down);
  g_test_add ("/reports/new-period", Fixture, NULL, fixture_set_up, test_new_period, fixture_tear_down);
  g_test_add ("/reports/scope", Fixture, NULL, fixture_set_up, test_scope, fixture_tear_down);
  g_test_add ("/reports/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/reports/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/reports/print-landscape", Fixture, NULL, fixture_set_up, test_print_landscape, fixture_tear_down);
  g_test_add ("/reports/customer-list", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_customer_list,
              fixture_tear_down);
  return g_test_run ();
}
