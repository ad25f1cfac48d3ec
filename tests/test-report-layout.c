/* test-report-layout.c: a report cut into pages: tables split between
 * rows with their header repeated and no row cut, wrapped cells making
 * their row taller, a row taller than a page cut instead of carried on,
 * headings kept with what follows, charts moved whole, page breaks, the
 * page count on A4, Letter and landscape, the paper by locale, columns
 * and header mirrored right to left, nothing drawn in the margins, and
 * the print palette's greys. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crm-report-layout-private.h"

static const char * const headers[] = { "Name", "Email", "City", "Orders", "Revenue", "Last purchase" };
static const double widths[] = { 0.22, 0.26, 0.16, 0.1, 0.13, 0.13 };
static const CrmReportAlign aligns[] = {
  CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START,
  CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_START,
};

static void
add_customer_rows (CrmReportTable *table,
                   guint           n_rows,
                   guint           long_every)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %u", i);
      g_autofree char *email = long_every > 0 && i % long_every == 3
                               ? g_strdup_printf ("a.very.long.address.that.wraps.%u@subsidiary.example-company.com", i)
                               : g_strdup_printf ("c%u@example.com", i);
      g_autofree char *orders = g_strdup_printf ("%u", i % 37);
      g_autofree char *revenue = g_strdup_printf ("€%u.%02u", i * 13 % 9000, i % 100);
      const char *cells[] = { name, email, "Lyon", orders, revenue, "2026-10-01" };

      crm_report_table_add_row (table, cells);
    }
}

static CrmReport *
customer_report (guint n_rows,
                 guint long_every)
{
  CrmReport *report = crm_report_new ("Customer list");
  CrmReportTable *table;

  crm_report_set_company (report, "Example GmbH");
  crm_report_set_subtitle (report, "1 October – 31 October 2026");
  crm_report_set_printed (report, "22 November 2026");
  table = crm_report_add_table (report, 6, headers, widths, aligns);
  add_customer_rows (table, n_rows, long_every);
  return report;
}

static CrmReportLayout *
lay_out (CrmReport          *report,
         const CrmPageSetup *setup,
         CrmRenderPalette    palette,
         gboolean            rtl)
{
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (palette, rtl);
  CrmReportLayout *layout = crm_report_layout_new (report, setup, style, NULL, NULL, NULL);

  g_assert_nonnull (layout);
  return layout;
}

/* Every row of every table once, in order, each whole inside the body of
 * one page, under a header on that page; returns the rows per page. */
static GArray *
check_table_flow (CrmReportLayout *layout,
                  guint            block,
                  guint            n_rows)
{
  GArray *per_page = g_array_new (FALSE, TRUE, sizeof (guint));
  double bx, by, bw, bh;
  guint next = 0;

  crm_report_layout_get_body (layout, &bx, &by, &bw, &bh);
  for (guint page = 0; page < crm_report_layout_get_n_pages (layout); page++)
    {
      g_autoptr(GArray) items = crm_report_layout_get_items (layout, page);
      gboolean header = FALSE;
      guint rows = 0;
      double bottom = by;

      for (guint i = 0; i < items->len; i++)
        {
          const CrmReportItem *item = &g_array_index (items, CrmReportItem, i);

          /* Inside the body, below what came before it. */
          g_assert_cmpfloat (item->y, >=, bottom - 1e-6);
          g_assert_cmpfloat (item->y + item->height, <=, by + bh + 1e-6);
          g_assert_cmpfloat (item->x, >=, bx - 1e-6);
          g_assert_cmpfloat (item->x + item->width, <=, bx + bw + 1e-6);
          bottom = item->y + item->height;
          if (item->block != block)
            continue;
          if (item->kind == CRM_REPORT_ITEM_TABLE_HEADER)
            {
              g_assert_false (header);
              g_assert_cmpuint (rows, ==, 0);
              header = TRUE;
            }
          else if (item->kind == CRM_REPORT_ITEM_TABLE_ROW)
            {
              g_assert_true (header);
              g_assert_cmpuint (item->row, ==, next);
              next++;
              rows++;
            }
        }
      g_array_append_val (per_page, rows);
    }
  g_assert_cmpuint (next, ==, n_rows);
  return per_page;
}

static double
row_height (CrmReportLayout *layout,
            guint            page,
            guint            block,
            guint            row)
{
  g_autoptr(GArray) items = crm_report_layout_get_items (layout, page);

  for (guint i = 0; i < items->len; i++)
    {
      const CrmReportItem *item = &g_array_index (items, CrmReportItem, i);

      if (item->block == block && item->kind == CRM_REPORT_ITEM_TABLE_ROW && item->row == row)
        return item->height;
    }
  g_assert_not_reached ();
}

static double
header_height (CrmReportLayout *layout)
{
  g_autoptr(GArray) items = crm_report_layout_get_items (layout, 0);

  g_assert_cmpuint (items->len, >, 0);
  g_assert_cmpint (g_array_index (items, CrmReportItem, 0).kind, ==, CRM_REPORT_ITEM_TABLE_HEADER);
  return g_array_index (items, CrmReportItem, 0).height;
}

/* Rows of one line: every full page holds as many as fit under the
 * header, and the page count follows. */
static void
test_rows_per_page (void)
{
  g_autoptr(CrmReport) report = customer_report (1000, 0);
  CrmPageSetup setup;
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autoptr(GArray) per_page = NULL;
  double bx, by, bw, bh, row, fit;

  crm_page_setup_init_a4 (&setup, FALSE);
  layout = lay_out (report, &setup, CRM_RENDER_PALETTE_PRINT, FALSE);
  per_page = check_table_flow (layout, 0, 1000);
  crm_report_layout_get_body (layout, &bx, &by, &bw, &bh);
  row = row_height (layout, 0, 0, 0);
  fit = floor ((bh - header_height (layout)) / row + 1e-9);
  g_test_message ("A4: %.0f rows of %.1f pt a page, %u pages", fit, row, crm_report_layout_get_n_pages (layout));
  g_assert_cmpfloat (fit, >=, 30);
  for (guint page = 0; page + 1 < per_page->len; page++)
    g_assert_cmpuint (g_array_index (per_page, guint, page), ==, (guint) fit);
  g_assert_cmpuint (crm_report_layout_get_n_pages (layout), ==, (guint) ceil (1000 / fit));
}

/* A long address wraps within its column, and its row is as tall as the
 * wrapped cell; the others stay one line high. */
static void
test_wrapped_rows (void)
{
  g_autoptr(CrmReport) report = customer_report (400, 10);
  CrmPageSetup setup;
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autoptr(GArray) per_page = NULL;

  crm_page_setup_init_a4 (&setup, FALSE);
  layout = lay_out (report, &setup, CRM_RENDER_PALETTE_LIGHT, FALSE);
  per_page = check_table_flow (layout, 0, 400);
  g_assert_cmpfloat (row_height (layout, 0, 0, 3), >, 1.8 * row_height (layout, 0, 0, 2));
  g_assert_cmpfloat (row_height (layout, 0, 0, 2), ==, row_height (layout, 0, 0, 4));
}

/* The same rows on one line each: every row as high as a one-line row,
 * so fewer pages, and still every row whole on one page. */
static void
test_single_line_rows (void)
{
  g_autoptr(CrmReport) wrapped_report = customer_report (400, 10);
  g_autoptr(CrmReport) report = customer_report (400, 10);
  CrmPageSetup setup;
  g_autoptr(CrmReportLayout) wrapped = NULL;
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autoptr(GArray) per_page = NULL;

  crm_report_table_set_single_line ((CrmReportTable *) crm_report_get_block (report, 0)->table, TRUE);
  crm_page_setup_init_a4 (&setup, FALSE);
  wrapped = lay_out (wrapped_report, &setup, CRM_RENDER_PALETTE_LIGHT, FALSE);
  layout = lay_out (report, &setup, CRM_RENDER_PALETTE_LIGHT, FALSE);
  per_page = check_table_flow (layout, 0, 400);
  g_assert_cmpfloat (row_height (layout, 0, 0, 3), ==, row_height (layout, 0, 0, 2));
  g_assert_cmpuint (crm_report_layout_get_n_pages (layout), <, crm_report_layout_get_n_pages (wrapped));
}

/* A cell with more text than a page holds: its row is cut to the page,
 * and the rows after it go on. */
static void
test_row_taller_than_page (void)
{
  g_autoptr(CrmReport) report = customer_report (0, 0);
  g_autoptr(GString) huge = g_string_new (NULL);
  CrmReportTable *table;
  CrmPageSetup setup;
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autoptr(GArray) per_page = NULL;
  const char *cells[] = { "Anna", NULL, "Berlin", "1", "€1.00", "2026-01-01" };

  for (guint i = 0; i < 3000; i++)
    g_string_append (huge, "note ");
  table = (CrmReportTable *) crm_report_get_block (report, 0)->table;
  crm_report_table_add_row (table, cells);
  cells[1] = huge->str;
  crm_report_table_add_row (table, cells);
  cells[1] = "a@example.com";
  crm_report_table_add_row (table, cells);

  crm_page_setup_init_a4 (&setup, FALSE);
  layout = lay_out (report, &setup, CRM_RENDER_PALETTE_LIGHT, FALSE);
  per_page = check_table_flow (layout, 0, 3);
  g_assert_cmpuint (crm_report_layout_get_n_pages (layout), ==, 3);
  /* Drawing the cut row stays within its page. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);
    cairo_t *cr = cairo_create (surface);

    crm_report_layout_draw_page (layout, cr, 1);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static guint
page_of (CrmReportLayout   *layout,
         guint              block,
         CrmReportItemKind  kind,
         CrmReportItem     *found)
{
  for (guint page = 0; page < crm_report_layout_get_n_pages (layout); page++)
    {
      g_autoptr(GArray) items = crm_report_layout_get_items (layout, page);

      for (guint i = 0; i < items->len; i++)
        {
          const CrmReportItem *item = &g_array_index (items, CrmReportItem, i);

          if (item->block == block && item->kind == kind)
            {
              if (found != NULL)
                *found = *item;
              return page;
            }
        }
    }
  g_assert_not_reached ();
}

/* Whatever the table above it leaves, a heading is on the page of the
 * table it introduces; at least once it has to move for that. */
static void
test_keep_with_next (void)
{
  CrmPageSetup setup;
  gboolean moved = FALSE;

  crm_page_setup_init_a4 (&setup, FALSE);
  for (guint n = 30; n < 60; n++)
    {
      g_autoptr(CrmReport) report = customer_report (n, 0);
      g_autoptr(CrmReportLayout) layout = NULL;
      CrmReportTable *second;
      CrmReportItem heading, last_row;
      guint page;

      crm_report_add_heading (report, "Customers who bought twice");
      second = crm_report_add_table (report, 6, headers, widths, aligns);
      add_customer_rows (second, 5, 0);
      layout = lay_out (report, &setup, CRM_RENDER_PALETTE_LIGHT, FALSE);

      page = page_of (layout, 1, CRM_REPORT_ITEM_HEADING, &heading);
      g_assert_cmpuint (page, ==, page_of (layout, 2, CRM_REPORT_ITEM_TABLE_HEADER, NULL));
      g_assert_cmpuint (page, ==, page_of (layout, 2, CRM_REPORT_ITEM_TABLE_ROW, NULL));
      /* Moved although the heading alone would have fitted. */
      if (page > 0 && page_of (layout, 0, CRM_REPORT_ITEM_TABLE_HEADER, NULL) == 0)
        {
          g_autoptr(GArray) items = crm_report_layout_get_items (layout, page - 1);
          double bx, by, bw, bh;

          crm_report_layout_get_body (layout, &bx, &by, &bw, &bh);
          last_row = g_array_index (items, CrmReportItem, items->len - 1);
          if (last_row.block == 0 && last_row.y + last_row.height + 18 + heading.height < by + bh)
            moved = TRUE;
        }
    }
  g_assert_true (moved);
}

typedef struct
{
  guint  calls;
  double width;
  double height;
} ChartCall;

static void
draw_chart (cairo_t              *cr,
            const CrmRenderStyle *style,
            double                width,
            double                height,
            gpointer              user_data)
{
  ChartCall *call = user_data;

  call->calls++;
  call->width = width;
  call->height = height;
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_fill (cr);
}

/* A chart that does not fit under a table goes whole to the next page,
 * as high as its ratio says; the page before keeps the space. */
static void
test_chart_moved_whole (void)
{
  g_autoptr(CrmReport) report = customer_report (30, 0);
  ChartCall call = { 0, };
  CrmPageSetup setup;
  g_autoptr(CrmReportLayout) layout = NULL;
  CrmReportItem chart;
  double bx, by, bw, bh;
  cairo_surface_t *surface;
  cairo_t *cr;

  crm_report_add_chart (report, "Revenue by month", 0.5, draw_chart, &call, NULL);
  crm_page_setup_init_a4 (&setup, FALSE);
  layout = lay_out (report, &setup, CRM_RENDER_PALETTE_LIGHT, FALSE);
  crm_report_layout_get_body (layout, &bx, &by, &bw, &bh);

  g_assert_cmpuint (crm_report_layout_get_n_pages (layout), ==, 2);
  g_assert_cmpuint (page_of (layout, 1, CRM_REPORT_ITEM_CHART, &chart), ==, 1);
  g_assert_cmpfloat (chart.y, ==, by);
  g_assert_cmpfloat (chart.height, >, bw * 0.5);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) setup.width, (int) setup.height);
  cr = cairo_create (surface);
  crm_report_layout_draw_page (layout, cr, 0);
  g_assert_cmpuint (call.calls, ==, 0);
  crm_report_layout_draw_page (layout, cr, 1);
  g_assert_cmpuint (call.calls, ==, 1);
  g_assert_cmpfloat_with_epsilon (call.width, bw, 1e-6);
  g_assert_cmpfloat_with_epsilon (call.height, bw * 0.5, 1e-6);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Facts stay together, a page break starts a page, and two breaks in a
 * row make no empty page. */
static void
test_facts_and_breaks (void)
{
  g_autoptr(CrmReport) report = crm_report_new ("Customer profile");
  CrmPageSetup setup;
  g_autoptr(CrmReportLayout) layout = NULL;

  crm_report_add_heading (report, "Contact");
  crm_report_add_fact (report, "Name", "Anna Schmidt");
  crm_report_add_fact (report, "Email", "anna@example.com");
  crm_report_add_fact (report, "Phone", "+49 30 1234567");
  crm_report_add_page_break (report);
  crm_report_add_page_break (report);
  crm_report_add_heading (report, "Notes");
  crm_report_add_paragraph (report, "Prefers email. Asked about the spring catalogue.");
  g_assert_cmpuint (crm_report_get_n_blocks (report), ==, 6);

  crm_page_setup_init_a4 (&setup, FALSE);
  layout = lay_out (report, &setup, CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_assert_cmpuint (crm_report_layout_get_n_pages (layout), ==, 2);
  g_assert_cmpuint (page_of (layout, 1, CRM_REPORT_ITEM_FACTS, NULL), ==, 0);
  g_assert_cmpuint (page_of (layout, 4, CRM_REPORT_ITEM_HEADING, NULL), ==, 1);
  g_assert_cmpuint (page_of (layout, 5, CRM_REPORT_ITEM_PARAGRAPH, NULL), ==, 1);
}

static cairo_surface_t *draw_to_image (CrmReportLayout *layout,
                                       guint            page);

/* A note longer than a page runs on over the next, split between its
 * lines, its heading kept with its first lines; the text after it
 * follows on the last page. */
static void
test_long_paragraph (void)
{
  g_autoptr(CrmReport) report = customer_report (30, 0);
  g_autoptr(GString) note = g_string_new (NULL);
  CrmPageSetup setup;
  g_autoptr(CrmReportLayout) layout = NULL;
  double bx, by, bw, bh, total = 0;
  guint runs = 0, heading_page, first_page = G_MAXUINT, last_page = 0;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (note, "Call %u: asked about the spring catalogue and the delivery times to Lyon. ", i);
  crm_report_add_heading (report, "Notes");
  crm_report_add_paragraph (report, note->str);
  crm_report_add_paragraph (report, "End of notes.");
  crm_page_setup_init_a4 (&setup, FALSE);
  layout = lay_out (report, &setup, CRM_RENDER_PALETTE_LIGHT, FALSE);
  crm_report_layout_get_body (layout, &bx, &by, &bw, &bh);
  g_assert_cmpuint (crm_report_layout_get_n_pages (layout), >=, 3);

  heading_page = page_of (layout, 1, CRM_REPORT_ITEM_HEADING, NULL);
  for (guint page = 0; page < crm_report_layout_get_n_pages (layout); page++)
    {
      g_autoptr(GArray) items = crm_report_layout_get_items (layout, page);

      for (guint i = 0; i < items->len; i++)
        {
          const CrmReportItem *item = &g_array_index (items, CrmReportItem, i);

          g_assert_cmpfloat (item->y + item->height, <=, by + bh + 1e-6);
          if (item->block != 2)
            continue;
          runs++;
          total += item->height;
          first_page = MIN (first_page, page);
          last_page = MAX (last_page, page);
        }
    }
  g_assert_cmpuint (first_page, ==, heading_page);
  g_assert_cmpuint (runs, ==, last_page - first_page + 1);
  g_assert_cmpuint (runs, >=, 2);
  g_assert_cmpfloat (total, >, bh);
  g_assert_cmpuint (page_of (layout, 3, CRM_REPORT_ITEM_PARAGRAPH, NULL), ==, last_page);
  /* Each page draws its own lines. */
  for (guint page = 0; page < crm_report_layout_get_n_pages (layout); page++)
    {
      cairo_surface_t *surface = draw_to_image (layout, page);

      cairo_surface_destroy (surface);
    }
}

static guint
pages_for (CrmReport          *report,
           const CrmPageSetup *setup)
{
  g_autoptr(CrmReportLayout) layout = lay_out (report, setup, CRM_RENDER_PALETTE_PRINT, FALSE);
  double bx, by, bw, bh, row, fit;

  crm_report_layout_get_body (layout, &bx, &by, &bw, &bh);
  row = row_height (layout, 0, 0, 0);
  fit = floor ((bh - header_height (layout)) / row + 1e-9);
  g_assert_cmpuint (crm_report_layout_get_n_pages (layout), ==, (guint) ceil (2000 / fit));
  return crm_report_layout_get_n_pages (layout);
}

static void
test_paper (void)
{
  g_autoptr(CrmReport) report = customer_report (2000, 0);
  CrmPageSetup a4, letter, a4_landscape, letter_landscape;
  guint n_a4, n_letter, n_a4_landscape, n_letter_landscape;

  crm_page_setup_init_a4 (&a4, FALSE);
  crm_page_setup_init_letter (&letter, FALSE);
  crm_page_setup_init_a4 (&a4_landscape, TRUE);
  crm_page_setup_init_letter (&letter_landscape, TRUE);
  g_assert_cmpfloat_with_epsilon (a4.width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (a4_landscape.width, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (letter.height, 792, 0.01);
  g_assert_cmpfloat_with_epsilon (a4.margin_top, 56.69, 0.01);
  g_assert_cmpfloat_with_epsilon (letter.margin_start, 54, 0.01);

  n_a4 = pages_for (report, &a4);
  n_letter = pages_for (report, &letter);
  n_a4_landscape = pages_for (report, &a4_landscape);
  n_letter_landscape = pages_for (report, &letter_landscape);
  g_test_message ("2000 rows: A4 %u pages, Letter %u, A4 landscape %u, Letter landscape %u",
                  n_a4, n_letter, n_a4_landscape, n_letter_landscape);
  /* Letter is shorter than A4 and wider: fewer rows a page upright,
   * more on its side. */
  g_assert_cmpuint (n_letter, >, n_a4);
  g_assert_cmpuint (n_a4_landscape, >, n_a4);
  g_assert_cmpuint (n_letter_landscape, <, n_a4_landscape);
}

static void
test_paper_by_locale (void)
{
  CrmPageSetup setup;

  crm_page_setup_init_for_locale (&setup, "en_US.UTF-8");
  g_assert_cmpfloat (setup.width, ==, 612);
  crm_page_setup_init_for_locale (&setup, "fr_CA.UTF-8");
  g_assert_cmpfloat (setup.width, ==, 612);
  crm_page_setup_init_for_locale (&setup, "en_GB.UTF-8");
  g_assert_cmpfloat_with_epsilon (setup.width, 595.28, 0.01);
  crm_page_setup_init_for_locale (&setup, "ar_EG.UTF-8");
  g_assert_cmpfloat_with_epsilon (setup.width, 595.28, 0.01);
  crm_page_setup_init_for_locale (&setup, "C");
  g_assert_cmpfloat_with_epsilon (setup.width, 595.28, 0.01);
  crm_page_setup_init_default (&setup);
  g_assert_cmpfloat (setup.height, >, setup.width);
}

/* A page drawn at one pixel a point, white paper. */
static cairo_surface_t *
draw_to_image (CrmReportLayout *layout,
               guint            page)
{
  const CrmPageSetup *setup = crm_report_layout_get_setup (layout);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (setup->width),
                                                         (int) ceil (setup->height));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  crm_report_layout_draw_page (layout, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

/* The ink of the band from @y0 to @y1: its leftmost and rightmost x. */
static gboolean
ink_span (cairo_surface_t *surface,
          int              y0,
          int              y1,
          int             *left,
          int             *right)
{
  int width = cairo_image_surface_get_width (surface);

  *left = width;
  *right = -1;
  for (int y = y0; y < y1; y++)
    for (int x = 0; x < width; x++)
      if ((pixel (surface, x, y) & 0xff) < 0x80)
        {
          *left = MIN (*left, x);
          *right = MAX (*right, x);
        }
  return *right >= 0;
}

/* Nothing in the margins, on a page full of wrapped cells and a title
 * far too long for its line. */
static void
test_margins (void)
{
  g_autoptr(CrmReport) report = crm_report_new ("A customer list with a title far too long to fit on the "
                                                "first line of the page header of any paper at all, A4 or Letter");
  CrmReportTable *table;
  CrmPageSetup setup;
  g_autoptr(CrmReportLayout) layout = NULL;

  crm_report_set_company (report, "Example Trading Company of Far Too Long a Name GmbH & Co. KG");
  crm_report_set_subtitle (report, "1 October – 31 October 2026");
  crm_report_set_printed (report, "22 November 2026");
  table = crm_report_add_table (report, 6, headers, widths, aligns);
  add_customer_rows (table, 120, 2);
  crm_page_setup_init_letter (&setup, TRUE);

  for (int rtl = 0; rtl < 2; rtl++)
    {
      g_clear_pointer (&layout, crm_report_layout_unref);
      layout = lay_out (report, &setup, CRM_RENDER_PALETTE_PRINT, rtl);
      for (guint page = 0; page < 2; page++)
        {
          cairo_surface_t *surface = draw_to_image (layout, page);
          int width = cairo_image_surface_get_width (surface);
          int height = cairo_image_surface_get_height (surface);

          for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
              if (x < setup.margin_start - 1 || x > width - setup.margin_end ||
                  y < setup.margin_top - 1 || y > height - setup.margin_bottom)
                {
                  if (pixel (surface, x, y) != 0xffffff)
                    g_error ("ink at %d,%d in the margin (page %u%s)", x, y, page, rtl ? ", RTL" : "");
                }
          cairo_surface_destroy (surface);
        }
    }
}

/* Right to left: the first column at the right edge, the title at the
 * start (right) of the header, the page number at its end (left). */
static void
test_rtl (void)
{
  g_autoptr(CrmReport) report = customer_report (80, 0);
  CrmPageSetup setup;
  g_autoptr(CrmReportLayout) ltr = NULL;
  g_autoptr(CrmReportLayout) rtl = NULL;
  double bx, by, bw, bh, x, width, x_rtl, width_rtl;
  cairo_surface_t *surface;
  int left, right;

  crm_page_setup_init_a4 (&setup, FALSE);
  ltr = lay_out (report, &setup, CRM_RENDER_PALETTE_LIGHT, FALSE);
  rtl = lay_out (report, &setup, CRM_RENDER_PALETTE_LIGHT, TRUE);
  crm_report_layout_get_body (rtl, &bx, &by, &bw, &bh);
  for (guint c = 0; c < 6; c++)
    {
      crm_report_layout_get_column (ltr, 0, c, &x, &width);
      crm_report_layout_get_column (rtl, 0, c, &x_rtl, &width_rtl);
      g_assert_cmpfloat_with_epsilon (width, width_rtl, 1e-6);
      g_assert_cmpfloat_with_epsilon (x_rtl, bx + bw - (x - bx) - width, 1e-6);
    }
  crm_report_layout_get_column (rtl, 0, 0, &x, &width);
  g_assert_cmpfloat_with_epsilon (x + width, bx + bw, 1e-6);
  g_assert_cmpuint (crm_report_layout_get_n_pages (ltr), ==, crm_report_layout_get_n_pages (rtl));

  /* The title's line: the title at the start, the company small at the
   * end; the title's ink reaches the start margin. */
  surface = draw_to_image (ltr, 0);
  g_assert_true (ink_span (surface, (int) setup.margin_top, (int) setup.margin_top + 12, &left, &right));
  g_assert_cmpint (left, <=, (int) setup.margin_start + 2);
  cairo_surface_destroy (surface);
  surface = draw_to_image (rtl, 0);
  g_assert_true (ink_span (surface, (int) setup.margin_top, (int) setup.margin_top + 12, &left, &right));
  g_assert_cmpint (right, >=, (int) (setup.width - setup.margin_start) - 3);
  /* The first cell ("Customer 0") right-aligned in the rightmost column. */
  {
    g_autoptr(GArray) items = crm_report_layout_get_items (rtl, 0);
    const CrmReportItem *row = &g_array_index (items, CrmReportItem, 1);
    double column_x, column_width;

    crm_report_layout_get_column (rtl, 0, 0, &column_x, &column_width);
    g_assert_true (ink_span (surface, (int) row->y + 2, (int) (row->y + row->height) - 2, &left, &right));
    g_assert_cmpint (right, >=, (int) (column_x + column_width) - 10);
  }
  cairo_surface_destroy (surface);
}

/* The print palette: black text, a table header band and stripes in
 * greys a black-and-white printer prints. */
static void
test_print_greys (void)
{
  g_autoptr(CrmReport) report = customer_report (40, 0);
  CrmPageSetup setup;
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autoptr(GArray) items = NULL;
  cairo_surface_t *surface;
  const CrmReportItem *header, *odd, *even;
  guint32 band, stripe, plain;

  crm_page_setup_init_a4 (&setup, FALSE);
  layout = lay_out (report, &setup, CRM_RENDER_PALETTE_PRINT, FALSE);
  items = crm_report_layout_get_items (layout, 0);
  header = &g_array_index (items, CrmReportItem, 0);
  even = &g_array_index (items, CrmReportItem, 1);
  odd = &g_array_index (items, CrmReportItem, 2);
  surface = draw_to_image (layout, 0);
  band = pixel (surface, (int) header->x + 1, (int) (header->y + 2));
  plain = pixel (surface, (int) even->x + 1, (int) (even->y + even->height / 2));
  stripe = pixel (surface, (int) odd->x + 1, (int) (odd->y + odd->height / 2));
  g_test_message ("band #%06x, stripe #%06x, plain #%06x", band, stripe, plain);
  g_assert_cmphex (plain, ==, 0xffffff);
  /* Grey: the same in red, green and blue, and clearly not white. */
  g_assert_cmphex (band & 0xff, ==, band >> 16);
  g_assert_cmphex (stripe & 0xff, ==, stripe >> 16);
  g_assert_cmpuint (band & 0xff, <=, 0xd8);
  g_assert_cmpuint (stripe & 0xff, <=, 0xf0);
  g_assert_cmpuint (stripe & 0xff, >, band & 0xff);
  cairo_surface_destroy (surface);
}

static void
cancel_at_once (guint64  done,
                guint64  total,
                gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(CrmReport) report = customer_report (5000, 0);
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CrmPageSetup setup;
  CrmReportLayout *layout;

  crm_page_setup_init_a4 (&setup, FALSE);
  layout = crm_report_layout_new (report, &setup, style, cancellable, cancel_at_once, cancellable);
  g_assert_null (layout);
}

int
main (int   argc,
      char *argv[])
{
  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    g_error ("locale en_US.UTF-8 is not installed (the locales-all package)");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-layout/rows-per-page", test_rows_per_page);
  g_test_add_func ("/report-layout/wrapped-rows", test_wrapped_rows);
  g_test_add_func ("/report-layout/single-line-rows", test_single_line_rows);
  g_test_add_func ("/report-layout/row-taller-than-page", test_row_taller_than_page);
  g_test_add_func ("/report-layout/keep-with-next", test_keep_with_next);
  g_test_add_func ("/report-layout/chart-moved-whole", test_chart_moved_whole);
  g_test_add_func ("/report-layout/facts-and-breaks", test_facts_and_breaks);
  g_test_add_func ("/report-layout/long-paragraph", test_long_paragraph);
  g_test_add_func ("/report-layout/paper", test_paper);
  g_test_add_func ("/report-layout/paper-by-locale", test_paper_by_locale);
  g_test_add_func ("/report-layout/margins", test_margins);
  g_test_add_func ("/report-layout/rtl", test_rtl);
  g_test_add_func ("/report-layout/print-greys", test_print_greys);
  g_test_add_func ("/report-layout/cancel", test_cancel);
  return g_test_run ();
}
