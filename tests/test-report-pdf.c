/* test-report-pdf.c: a report written as PDF and read back with the
 * poppler tools, as a user's viewer or printer reads it: the page count
 * and paper size, the title in the metadata, the header, the footer's
 * "Page N of M", the table's cells and Arabic and Chinese names as text;
 * a cancelled export leaves the file that was there byte for byte; and
 * 10,000 customers (about 250 pages) to PDF in well under three seconds. */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "crm-report-layout.h"

static const char * const headers[] = { "Name", "Email", "City", "Orders", "Revenue", "Last purchase" };
static const double widths[] = { 0.22, 0.30, 0.14, 0.08, 0.13, 0.13 };
static const CrmReportAlign aligns[] = {
  CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START,
  CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_START,
};

static const char *names[] = {
  "Anna Schmidt", "محمد العلي", "王小明", "Jean-Pierre de la Fontaine-Beaumarchais", "Ольга Петрова", "Lukas Becker",
};
static const char *cities[] = { "Berlin", "القاهرة", "上海", "Paris", "Москва", "Köln" };

static void
draw_bars (cairo_t              *cr,
           const CrmRenderStyle *style,
           double                width,
           double                height,
           gpointer              user_data)
{
  for (guint i = 0; i < 6; i++)
    {
      CrmColor color = crm_render_style_get_series_color (style, 0);

      cairo_set_source_rgb (cr, color.red, color.green, color.blue);
      cairo_rectangle (cr, i * width / 6 + 8, height * (1 - (i + 2) / 8.0), width / 6 - 16, height * (i + 2) / 8.0);
      cairo_fill (cr);
    }
}

static CrmReport *
customer_report (guint n_rows)
{
  CrmReport *report = crm_report_new ("Customer list");
  CrmReportTable *table;

  crm_report_set_company (report, "Example GmbH");
  crm_report_set_subtitle (report, "1 October – 31 October 2026");
  crm_report_set_printed (report, "Printed 22 November 2026");
  crm_report_add_heading (report, "Summary");
  crm_report_add_fact (report, "Customers", "10,000");
  crm_report_add_fact (report, "Revenue", "€1,234,567.00");
  crm_report_add_chart (report, "Revenue by month", 0.35, draw_bars, NULL, NULL);
  crm_report_add_heading (report, "Customers");
  table = crm_report_add_table (report, 6, headers, widths, aligns);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = i < 6 ? g_strdup (names[i]) : g_strdup_printf ("%s %u", names[i % 6], i);
      g_autofree char *email = g_strdup_printf ("customer%u@example.com", i);
      g_autofree char *orders = g_strdup_printf ("%u", i % 37 + 1);
      g_autofree char *revenue = g_strdup_printf ("€%u.%02u", (i * 7919) % 90000, i % 100);
      const char *cells[] = { name, email, cities[i % 6], orders, revenue, "2026-10-01" };

      crm_report_table_add_row (table, cells);
    }
  return report;
}

/* pdfinfo's report, or pdftotext's text of the whole document. */
static char *
run (const char *program,
     const char *path)
{
  g_autofree char *found = g_find_program_in_path (program);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *info[] = { program, path, NULL };
  const char *text[] = { program, "-enc", "UTF-8", path, "-", NULL };

  if (found == NULL)
    g_error ("%s is not installed (the poppler-utils package)", program);
  g_spawn_sync (NULL, (char **) (strcmp (program, "pdfinfo") == 0 ? info : text), NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* A field of pdfinfo's report, without the spaces that align it. */
static char *
info_field (const char *info,
            const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s:", name);
  const char *line = strstr (info, key);
  const char *end;

  g_assert_nonnull (line);
  line += strlen (key);
  while (*line == ' ')
    line++;
  end = strchr (line, '\n');
  return g_strndup (line, end != NULL ? (gsize) (end - line) : strlen (line));
}

/* The text without white space and direction marks: pdftotext puts
 * spaces between some Arabic letters (where a glyph joins the next) and
 * marks the runs' direction, but the letters come in their order. */
static char *
letters (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !(c >= 0x200e && c <= 0x200f) && !(c >= 0x202a && c <= 0x202e))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
pdf_write (CrmReport          *report,
           const CrmPageSetup *setup,
           gboolean            rtl,
           const char         *name,
           guint              *n_pages)
{
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (CRM_RENDER_PALETTE_PRINT, rtl);
  g_autoptr(CrmReportLayout) layout = crm_report_layout_new (report, setup, style, NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("report-pdf-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_report_layout_write_pdf (layout, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  *n_pages = crm_report_layout_get_n_pages (layout);
  return path;
}

static void
remove_pdf (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
check_pdf (const CrmPageSetup *setup,
           gboolean            rtl,
           const char         *size)
{
  g_autoptr(CrmReport) report = customer_report (300);
  guint n_pages;
  g_autofree char *path = pdf_write (report, setup, rtl, "customers.pdf", &n_pages);
  g_autofree char *info = run ("pdfinfo", path);
  g_autofree char *text = run ("pdftotext", path);
  g_autofree char *pages = info_field (info, "Pages");
  g_autofree char *page_size = info_field (info, "Page size");
  g_autofree char *title = info_field (info, "Title");
  g_autofree char *first = g_strdup_printf ("Page 1 of %u", n_pages);
  g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_autofree char *compact = letters (text);
  guint headers_seen = 0;

  g_test_message ("%s%s: %u pages", size, rtl ? ", right to left" : "", n_pages);
  g_assert_cmpuint (n_pages, >, 5);
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), ==, n_pages);
  g_assert_cmpstr (page_size, ==, size);
  g_assert_cmpstr (title, ==, "Customer list");
  g_assert_nonnull (strstr (text, "Customer list"));
  g_assert_nonnull (strstr (text, "Example GmbH"));
  g_assert_nonnull (strstr (text, "1 October – 31 October 2026"));
  g_assert_nonnull (strstr (text, "Printed 22 November 2026"));
  g_assert_nonnull (strstr (text, first));
  g_assert_nonnull (strstr (text, last));
  g_assert_nonnull (strstr (text, "€1,234,567.00"));
  g_assert_nonnull (strstr (text, "customer0@example.com"));
  g_assert_nonnull (strstr (text, "customer299@example.com"));
  g_assert_nonnull (strstr (text, "€7919.01"));
  g_assert_nonnull (strstr (text, "Anna Schmidt"));
  g_assert_nonnull (strstr (text, "王小明"));
  g_assert_nonnull (strstr (text, "上海"));
  /* Shaped Arabic still carries its letters, in reading order. */
  g_assert_nonnull (strstr (compact, "محمدالعلي"));
  g_assert_nonnull (strstr (compact, "القاهرة"));
  g_assert_nonnull (strstr (compact, "ОльгаПетрова"));
  /* The header row on every page the table runs on: the first page has
   * the summary above it, then the table on every page. */
  for (const char *p = text; (p = strstr (p, "Orders")) != NULL; p++)
    headers_seen++;
  g_assert_cmpuint (headers_seen, ==, n_pages);
  remove_pdf (path);
}

static void
test_a4 (void)
{
  CrmPageSetup setup;

  crm_page_setup_init_a4 (&setup, FALSE);
  check_pdf (&setup, FALSE, "595.28 x 841.89 pts (A4)");
}

static void
test_letter_landscape (void)
{
  CrmPageSetup setup;

  crm_page_setup_init_letter (&setup, TRUE);
  check_pdf (&setup, FALSE, "792 x 612 pts (letter)");
}

static void
test_rtl (void)
{
  CrmPageSetup setup;

  crm_page_setup_init_a4 (&setup, FALSE);
  check_pdf (&setup, TRUE, "595.28 x 841.89 pts (A4)");
}

static void
cancel_after_two_pages (guint64  done,
                        guint64  total,
                        gpointer user_data)
{
  if (done == 2)
    g_cancellable_cancel (user_data);
}

/* Cancelled half-way, the export leaves the earlier file as it was and
 * no temporary file beside it. */
static void
test_cancel_keeps_file (void)
{
  g_autoptr(CrmReport) report = customer_report (600);
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (CRM_RENDER_PALETTE_PRINT, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autofree char *dir = g_dir_make_tmp ("report-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "customers.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *before = "%PDF-1.5 an export from last week\n";
  gsize length;
  CrmPageSetup setup;
  GDir *listing;

  g_assert_true (g_file_set_contents (path, before, -1, NULL));
  crm_page_setup_init_a4 (&setup, FALSE);
  layout = crm_report_layout_new (report, &setup, style, NULL, NULL, NULL);
  g_assert_false (crm_report_layout_write_pdf (layout, file, cancellable, cancel_after_two_pages, cancellable,
                                               &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_cmpuint (length, ==, strlen (before));
  g_assert_cmpmem (after, length, before, strlen (before));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "customers.pdf");
  g_assert_null (g_dir_read_name (listing));
  g_dir_close (listing);

  /* Not cancelled, it replaces the file. */
  g_clear_error (&error);
  g_assert_true (crm_report_layout_write_pdf (layout, file, NULL, NULL, NULL, &error));
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_true (g_str_has_prefix (after, "%PDF-"));
  g_assert_cmpuint (length, >, 10000);
  g_unlink (path);
  g_rmdir (dir);
}

/* The process's peak resident memory, from /proc. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024;
}

/* The figure: 10,000 customers, six columns, about 250 pages,
 * laid out and written in under three seconds. */
static void
test_speed (void)
{
  g_autoptr(CrmReport) report = customer_report (10000);
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (CRM_RENDER_PALETTE_PRINT, FALSE);
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autofree char *dir = g_dir_make_tmp ("report-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "customers.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  CrmPageSetup setup;
  gint64 start, laid_out, written;

  crm_page_setup_init_a4 (&setup, FALSE);
  start = g_get_monotonic_time ();
  layout = crm_report_layout_new (report, &setup, style, NULL, NULL, NULL);
  laid_out = g_get_monotonic_time ();
  g_assert_true (crm_report_layout_write_pdf (layout, file, NULL, NULL, NULL, &error));
  written = g_get_monotonic_time ();
  g_test_message ("report_customers_10k_s: %.2f (layout %.2f s, PDF %.2f s, %u pages)",
                  (written - start) / 1e6, (laid_out - start) / 1e6, (written - laid_out) / 1e6,
                  crm_report_layout_get_n_pages (layout));
  g_test_message ("report_peak_rss_mb: %.0f", peak_rss_mb ());
  g_assert_cmpuint (crm_report_layout_get_n_pages (layout), >=, 200);
  /* Three seconds on the reference machine; a shared test machine gets
   * some slack so that the test measures the code, not the neighbours. */
  g_assert_cmpfloat ((written - start) / 1e6, <, 6.0);
  info = run ("pdfinfo", path);
  {
    g_autofree char *pages = info_field (info, "Pages");

    g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), ==, crm_report_layout_get_n_pages (layout));
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    g_error ("locale en_US.UTF-8 is not installed (the locales-all package)");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-pdf/a4", test_a4);
  g_test_add_func ("/report-pdf/letter-landscape", test_letter_landscape);
  g_test_add_func ("/report-pdf/rtl", test_rtl);
  g_test_add_func ("/report-pdf/cancel-keeps-file", test_cancel_keeps_file);
  g_test_add_func ("/report-pdf/speed", test_speed);
  return g_test_run ();
}
