/* test-chart-table.c: the plain table: golden images in light, dark and
 * right to left (a whole table, a small box that says how many rows more,
 * a report page of rows 40–80 under its header), figures aligned at the
 * reading end, pagination that never cuts or repeats a row, cells found
 * where they are drawn, the empty message, PDF and SVG, and speed. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crm-chart-table.h"
#include "crm-golden.h"
#include "crm-render-text.h"

#define WIDTH 600
#define HEIGHT 400
#define SMALL_WIDTH 320
#define SMALL_HEIGHT 220
#define N_CUSTOMERS 120

/* Customers as a shop in several countries has them: names of four
 * cultures, each name made from its own culture's parts. */
static const char *cultures[][2][6] = {
  { { "Anna", "Lukas", "Sophie", "Jean-Pierre", "Emma", "Thomas" },
    { "Schmidt", "Becker", "Martin", "de la Fontaine-Beaumarchais", "Müller", "Dubois" } },
  /* Women (every other first name) take the surname's feminine form. */
  { { "Иван", "Ольга", "Дмитрий", "Мария", "Сергей", "Елена" },
    { "Петров", "Смирнов", "Соколов", "Кузнецов", "Волков", "Попов" } },
  /* Family name first, no space. */
  { { "芳", "娜", "伟", "洋", "静", "磊" },
    { "王", "李", "张", "刘", "陈", "杨" } },
  { { "محمد", "فاطمة", "أحمد", "ليلى", "عمر", "نور" },
    { "العلي", "الحسن", "المنصور", "خوري", "حداد", "الزين" } },
};

static char *
customer_name (guint customer)
{
  guint culture = customer % G_N_ELEMENTS (cultures), i = customer / G_N_ELEMENTS (cultures);
  const char *first = cultures[culture][0][i % 6];
  const char *last = cultures[culture][1][(i / 6 + i) % 6];

  switch (culture)
    {
    case 1:
      return g_strdup_printf (i % 2 == 1 ? "%s %sа" : "%s %s", first, last);
    case 2:
      return g_strconcat (last, first, NULL);
    default:
      return g_strdup_printf ("%s %s", first, last);
    }
}

typedef struct
{
  CrmChartData         *data;
  CrmChartTableOptions  options;
  guint                 first_row;  /* for a report page */
  guint                 n_rows;
} TableCase;

/* Revenue per customer and channel, in euros; NAN where a customer never
 * bought through the channel. */
static CrmChartData *
customer_revenue (guint n_customers)
{
  CrmChartData *data = crm_chart_data_new (CRM_VALUE_MONEY);
  guint32 seed = 7;

  crm_chart_data_set_currency (data, "EUR");
  crm_chart_data_add_series (data, "Web");
  crm_chart_data_add_series (data, "Store");
  crm_chart_data_add_series (data, "Phone");
  for (guint c = 0; c < n_customers; c++)
    {
      g_autofree char *name = customer_name (c);

      crm_chart_data_add_category (data, name);
      for (guint s = 0; s < 3; s++)
        {
          seed = seed * 1103515245 + 12345;
          if ((seed >> 16) % 7 == 0)
            continue;
          crm_chart_data_set_value (data, s, c, ((seed >> 8) % 2500000) / 100.0);
        }
    }
  return data;
}

static void
table_case_init (TableCase *table,
                 guint      n_customers,
                 gboolean   totals)
{
  table->data = customer_revenue (n_customers);
  table->options = (CrmChartTableOptions) { "Customer", totals, NULL };
  table->first_row = 0;
  table->n_rows = G_MAXUINT;
}

static void
table_case_clear (TableCase *table)
{
  g_clear_pointer (&table->data, crm_chart_data_unref);
}

static void
draw_table (cairo_t              *cr,
            const CrmRenderStyle *style,
            double                width,
            double                height,
            gconstpointer         user_data)
{
  const TableCase *table = user_data;

  crm_chart_table_draw (table->data, &table->options, style, cr, width, height);
}

static void
draw_page (cairo_t              *cr,
           const CrmRenderStyle *style,
           double                width,
           double                height,
           gconstpointer         user_data)
{
  const TableCase *table = user_data;

  crm_chart_table_draw_rows (table->data, &table->options, style, cr, width, table->first_row, table->n_rows);
}

static void
test_golden (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  TableCase top, all;
  double row_height = crm_chart_table_get_row_height (style, NULL);

  table_case_init (&top, 10, TRUE);
  table_case_init (&all, N_CUSTOMERS, TRUE);
  crm_golden_check_chart ("chart-table", draw_table, &top, WIDTH, HEIGHT);
  crm_golden_check_chart ("chart-table-small", draw_table, &all, SMALL_WIDTH, SMALL_HEIGHT);
  /* A report page: rows 40 to 79 under the header. */
  all.first_row = 40;
  all.n_rows = 40;
  crm_golden_check_chart ("chart-table-page", draw_page, &all, WIDTH, (int) ceil (41 * row_height));
  table_case_clear (&top);
  table_case_clear (&all);
}

static void
test_pagination (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  TableCase table;
  double row_height = crm_chart_table_get_row_height (style, NULL);
  double page = 700;
  guint n_rows, covered = 0, pages = 0;

  table_case_init (&table, N_CUSTOMERS, TRUE);
  n_rows = crm_chart_table_get_n_rows (table.data, &table.options);
  g_assert_cmpuint (n_rows, ==, N_CUSTOMERS + 1);
  g_assert_cmpfloat (row_height, >, 15);

  /* Whole rows under a header: exactly k rows fit k + 1 row heights,
   * and a pixel less holds one fewer. */
  g_assert_cmpuint (crm_chart_table_rows_that_fit (table.data, &table.options, style, NULL, WIDTH,
                                                   41 * row_height, 40), ==, 40);
  g_assert_cmpuint (crm_chart_table_rows_that_fit (table.data, &table.options, style, NULL, WIDTH,
                                                   41 * row_height - 1, 40), ==, 39);
  /* No more than are left, none past the end, none without room for a
   * row under the header. */
  g_assert_cmpuint (crm_chart_table_rows_that_fit (table.data, &table.options, style, NULL, WIDTH,
                                                   41 * row_height, 110), ==, 11);
  g_assert_cmpuint (crm_chart_table_rows_that_fit (table.data, &table.options, style, NULL, WIDTH,
                                                   41 * row_height, n_rows), ==, 0);
  g_assert_cmpuint (crm_chart_table_rows_that_fit (table.data, &table.options, style, NULL, WIDTH,
                                                   1.5 * row_height, 0), ==, 0);

  /* Page after page, every row once, each page within its height. */
  while (covered < n_rows)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, (int) page);
      cairo_t *cr = cairo_create (surface);
      guint fit = crm_chart_table_rows_that_fit (table.data, &table.options, style, cr, WIDTH, page, covered);
      double drawn;

      g_assert_cmpuint (fit, >, 0);
      drawn = crm_chart_table_draw_rows (table.data, &table.options, style, cr, WIDTH, covered, fit);
      g_assert_cmpfloat (drawn, <=, page);
      g_assert_cmpfloat_with_epsilon (drawn, (fit + 1) * row_height, 1e-6);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      covered += fit;
      pages++;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpuint (covered, ==, n_rows);
  g_assert_cmpuint (pages, ==, (guint) ceil ((double) n_rows / floor (page / row_height - 1)));
  table_case_clear (&table);
}

static cairo_surface_t *
render_with (const TableCase      *table,
             const CrmRenderStyle *style,
             CrmGoldenDrawFunc     draw,
             int                   width,
             int                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  crm_render_set_color (cr, crm_render_style_get_background (style));
  cairo_paint (cr);
  draw (cr, style, width, height, table);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  return ((const guint32 *) (cairo_image_surface_get_data (surface)
                             + y * cairo_image_surface_get_stride (surface)))[x] & 0xffffff;
}

/* Is the pixel text: far darker than a light background? */
static gboolean
is_ink (cairo_surface_t *surface,
        int              x,
        int              y)
{
  guint32 p = pixel (surface, x, y);

  return ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) < 3 * 160;
}

/* The leftmost and rightmost text of a cell. */
static void
ink_extent (cairo_surface_t         *surface,
            const cairo_rectangle_t *rect,
            int                     *left,
            int                     *right)
{
  *left = G_MAXINT;
  *right = -1;
  for (int y = (int) rect->y + 1; y < (int) (rect->y + rect->height) - 1; y++)
    for (int x = (int) ceil (rect->x); x < (int) (rect->x + rect->width); x++)
      if (is_ink (surface, x, y))
        {
          *left = MIN (*left, x);
          *right = MAX (*right, x);
        }
}

/* Figures end at the reading end of their column, names start at the
 * reading start of theirs; a page shows the same columns under a
 * repeated header, its zebra stripes following the row numbers. */
static void
test_alignment (void)
{
  static const gboolean directions[] = { FALSE, TRUE };
  TableCase table;

  table_case_init (&table, 10, TRUE);
  for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
    {
      g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, directions[d]);
      cairo_surface_t *surface = render_with (&table, style, draw_table, WIDTH, HEIGHT);
      double padding = 8;

      for (int c = 0; c < 10; c++)
        {
          cairo_rectangle_t figure, name;
          int left, right;

          g_assert_true (crm_chart_table_get_cell_rect (table.data, &table.options, style, NULL, WIDTH, HEIGHT, 0, c, &figure));
          g_assert_true (crm_chart_table_get_cell_rect (table.data, &table.options, style, NULL, WIDTH, HEIGHT, -1, c, &name));
          ink_extent (surface, &figure, &left, &right);
          g_assert_cmpint (right, >=, 0);
          /* A dash for no figure is centred in its glyph; a digit's ink
           * stops short of its advance (a tabular 1 by 4 pixels). */
          if (isnan (crm_chart_data_get_value (table.data, 0, c)))
            continue;
          if (!directions[d])
            {
              g_assert_cmpfloat (figure.x, >, name.x);
              g_assert_cmpfloat (fabs (right - (figure.x + figure.width - padding)), <=, 5);
            }
          else
            {
              g_assert_cmpfloat (figure.x, <, name.x);
              g_assert_cmpfloat (fabs (left - (figure.x + padding)), <=, 5);
            }
          ink_extent (surface, &name, &left, &right);
          if (!directions[d])
            g_assert_cmpfloat (fabs (left - (name.x + padding)), <=, 3);
          else
            g_assert_cmpfloat (fabs (right - (name.x + name.width - padding)), <=, 3);
        }
      cairo_surface_destroy (surface);
    }
  table_case_clear (&table);
}

static void
test_page_header_and_stripes (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  double row_height = crm_chart_table_get_row_height (style, NULL);
  int height = (int) ceil (41 * row_height);
  TableCase first, page;
  cairo_surface_t *a, *b;
  gboolean header_same = TRUE, header_inked = FALSE;

  table_case_init (&first, N_CUSTOMERS, TRUE);
  table_case_init (&page, N_CUSTOMERS, TRUE);
  first.n_rows = 40;
  page.first_row = 40;
  page.n_rows = 40;
  a = render_with (&first, style, draw_page, WIDTH, height);
  b = render_with (&page, style, draw_page, WIDTH, height);

  /* The header, rule included, is the same on page 2 as on page 1. */
  for (int y = 0; y < (int) row_height + 1; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        header_same &= pixel (a, x, y) == pixel (b, x, y);
        header_inked |= is_ink (b, x, y);
      }
  g_assert_true (header_same);
  g_assert_true (header_inked);

  /* Row 40 (even) is plain, row 41 striped: at the top-left corner of
   * the name cell, where no text is. */
  g_assert_cmpuint (pixel (b, 1, (int) (row_height + 2)), ==, 0xffffff);
  g_assert_cmpuint (pixel (b, 1, (int) (2 * row_height + 2)), !=, 0xffffff);
  /* and the rows differ from page 1's. */
  g_assert_false (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                          (gsize) cairo_image_surface_get_stride (a) * height) == 0);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  table_case_clear (&first);
  table_case_clear (&page);
}

#define assert_hit(h, s, c) G_STMT_START { \
  CrmChartHit h_ = (h); \
  if (h_.series != (s) || h_.category != (c)) \
    g_error ("%s: hit {%d, %d}, expected {%d, %d}", #h, h_.series, h_.category, (s), (c)); \
} G_STMT_END

static CrmChartHit
hit (const TableCase      *table,
     const CrmRenderStyle *style,
     int                   width,
     int                   height,
     double                x,
     double                y)
{
  return crm_chart_table_hit_test (table->data, &table->options, style, NULL, width, height, x, y);
}

static void
check_cell (const TableCase      *table,
            const CrmRenderStyle *ltr,
            const CrmRenderStyle *rtl,
            int                   width,
            int                   height,
            int                   series,
            int                   category)
{
  cairo_rectangle_t rect;
  double x, y;

  g_assert_true (crm_chart_table_get_cell_rect (table->data, &table->options, ltr, NULL, width, height,
                                                series, category, &rect));
  x = rect.x + rect.width / 2;
  y = rect.y + rect.height / 2;
  assert_hit (hit (table, ltr, width, height, x, y), series, category);
  assert_hit (hit (table, rtl, width, height, width - x, y), series, category);
}

static void
test_hit (void)
{
  g_autoptr(CrmRenderStyle) ltr = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  double row_height = crm_chart_table_get_row_height (ltr, NULL);
  TableCase top, all;
  cairo_rectangle_t rect;

  table_case_init (&top, 10, TRUE);
  table_case_init (&all, N_CUSTOMERS, TRUE);

  for (int c = 0; c < 10; c++)
    for (int s = -1; s < 3; s++)
      check_cell (&top, ltr, rtl, WIDTH, HEIGHT, s, c);
  for (int s = 0; s < 3; s++)
    {
      check_cell (&top, ltr, rtl, WIDTH, HEIGHT, s, -1);
      check_cell (&top, ltr, rtl, WIDTH, HEIGHT, s, CRM_CHART_TABLE_TOTALS);
    }
  check_cell (&top, ltr, rtl, WIDTH, HEIGHT, -1, CRM_CHART_TABLE_TOTALS);
  /* The categories' header is no element; below the totals, outside the
   * box: nothing. */
  assert_hit (hit (&top, ltr, WIDTH, HEIGHT, 20, row_height / 2), -1, -1);
  assert_hit (hit (&top, ltr, WIDTH, HEIGHT, 20, HEIGHT - 2), -1, -1);
  assert_hit (hit (&top, ltr, WIDTH, HEIGHT, WIDTH - 2, HEIGHT - 2), -1, -1);
  assert_hit (hit (&top, ltr, WIDTH, HEIGHT, -3, 50), -1, -1);
  assert_hit (hit (&top, rtl, WIDTH, HEIGHT, WIDTH + 3, 50), -1, -1);

  /* A table too long for its box: the first rows, a line that says how
   * many more (no element), the totals last. */
  g_assert_true (crm_chart_table_get_cell_rect (all.data, &all.options, ltr, NULL, SMALL_WIDTH, SMALL_HEIGHT,
                                                0, 0, &rect));
  g_assert_true (crm_chart_table_get_cell_rect (all.data, &all.options, ltr, NULL, SMALL_WIDTH, SMALL_HEIGHT,
                                                0, CRM_CHART_TABLE_TOTALS, &rect));
  g_assert_cmpfloat (rect.y + rect.height, <=, SMALL_HEIGHT);
  check_cell (&all, ltr, rtl, SMALL_WIDTH, SMALL_HEIGHT, 1, CRM_CHART_TABLE_TOTALS);
  assert_hit (hit (&all, ltr, SMALL_WIDTH, SMALL_HEIGHT, SMALL_WIDTH / 2.0, rect.y - row_height / 2), -1, -1);
  g_assert_false (crm_chart_table_get_cell_rect (all.data, &all.options, ltr, NULL, SMALL_WIDTH, SMALL_HEIGHT,
                                                 0, 100, &rect));
  g_assert_false (crm_chart_table_get_cell_rect (all.data, &all.options, ltr, NULL, SMALL_WIDTH, SMALL_HEIGHT,
                                                 3, 0, &rect));

  table_case_clear (&top);
  table_case_clear (&all);
}

static void
test_empty (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  TableCase empty = { crm_chart_data_new (CRM_VALUE_COUNT), { NULL, TRUE, NULL }, 0, G_MAXUINT };
  cairo_surface_t *drawn, *expected;
  cairo_t *cr;

  crm_chart_data_add_series (empty.data, "Web");
  crm_chart_data_add_category (empty.data, "January");
  drawn = render_with (&empty, style, draw_table, WIDTH, HEIGHT);
  expected = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (expected);
  crm_render_set_color (cr, crm_render_style_get_background (style));
  cairo_paint (cr);
  crm_render_empty (cr, style, WIDTH, HEIGHT, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (expected);

  g_assert_true (memcmp (cairo_image_surface_get_data (drawn), cairo_image_surface_get_data (expected),
                         (gsize) cairo_image_surface_get_stride (drawn) * HEIGHT) == 0);
  assert_hit (hit (&empty, style, WIDTH, HEIGHT, WIDTH / 2.0, 50), -1, -1);
  g_assert_cmpfloat (crm_chart_table_draw_rows (empty.data, &empty.options, style,
                                                (cr = cairo_create (drawn)), WIDTH, 0, 10), ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (drawn);
  cairo_surface_destroy (expected);
  table_case_clear (&empty);
}

static void
test_vector_output (void)
{
  TableCase table;

  table_case_init (&table, N_CUSTOMERS, TRUE);
  crm_golden_check_vector_output (draw_table, &table, WIDTH, HEIGHT);
  table.first_row = 40;
  table.n_rows = 40;
  crm_golden_check_vector_output (draw_page, &table, WIDTH, 1300);
  table_case_clear (&table);
}

static void
test_speed (void)
{
  TableCase table;
  double ms;

  table_case_init (&table, N_CUSTOMERS, TRUE);
  ms = crm_golden_time_draw (draw_table, &table, WIDTH, HEIGHT, 20);
  g_test_message ("table of %d customers × 3 channels at %d×%d: %.2f ms", N_CUSTOMERS, WIDTH, HEIGHT, ms);
  /* The budget is 5 ms; the bound is loose so that a busy machine never
   * fails the build. */
  g_assert_cmpfloat (ms, <, 50);
  table_case_clear (&table);
}

int
main (int   argc,
      char *argv[])
{
  /* Grouped figures and the euro as the user's locale writes them. */
  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    g_error ("locale en_US.UTF-8 is not installed (the locales-all package)");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-table/golden", test_golden);
  g_test_add_func ("/chart-table/pagination", test_pagination);
  g_test_add_func ("/chart-table/alignment", test_alignment);
  g_test_add_func ("/chart-table/page-header-and-stripes", test_page_header_and_stripes);
  g_test_add_func ("/chart-table/hit", test_hit);
  g_test_add_func ("/chart-table/empty", test_empty);
  g_test_add_func ("/chart-table/vector-output", test_vector_output);
  g_test_add_func ("/chart-table/speed", test_speed);
  return g_test_run ();
}
