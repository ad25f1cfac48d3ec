/* test-line-chart.c: line and area charts: golden images in light, dark
 * and right to left at a dashboard's size and a small one, hit tests at
 * the points drawn, gaps at missing values, the empty chart, PDF and SVG
 * output, and the time a drawing takes. */
#include <math.h>

#include "crm-chart-fixtures.h"
#include "crm-line-chart.h"

typedef struct
{
  CrmChartData *data;
  gboolean      area;
} LineCase;

static void
draw_line_case (cairo_t              *cr,
                const CrmRenderStyle *style,
                double                width,
                double                height,
                gconstpointer         user_data)
{
  const LineCase *line = user_data;

  crm_line_chart_draw (line->data, style, line->area, cr, width, height);
}

/* Monthly revenue in euros by sales channel; the phone line was down in
 * July and has no figure. */
static CrmChartData *
revenue_data (void)
{
  static const char *channels[] = { "Web shop", "Stores", "Phone" };
  static const char *months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  static const double revenue[][12] = {
    { 41200, 38900, 45600, 52300, 58800, 61200, 57400, 54900, 63800, 71500, 86200, 98400 },
    { 62800, 59100, 60400, 57900, 55200, 58700, 61900, 60300, 56800, 59400, 67800, 83100 },
    { 18400, 17900, 19800, 16200, 15400, 14100, NAN, 12800, 13900, 12600, 15800, 21700 },
  };

  return crm_chart_fixture_data (CRM_VALUE_MONEY, "EUR", channels, G_N_ELEMENTS (channels),
                                 months, G_N_ELEMENTS (months), revenue[0]);
}

/* New customers a day over a month: one series, many categories, so the
 * axis labels only some days. */
static CrmChartData *
daily_data (void)
{
  CrmChartData *data = crm_chart_data_new (CRM_VALUE_COUNT);

  crm_chart_data_add_series (data, "New customers");
  for (guint d = 0; d < 30; d++)
    {
      g_autofree char *label = g_strdup_printf ("Apr %u", d + 1);
      /* A weekly rhythm on a slow rise, quiet at weekends. */
      double value = 120 + d * 3.5 + 45 * sin (d * 2 * G_PI / 7) - (d % 7 >= 5 ? 60 : 0);

      crm_chart_data_add_category (data, label);
      crm_chart_data_set_value (data, 0, d, round (value));
    }
  return data;
}

/* Net promoter score change a quarter: negative values below zero. */
static CrmChartData *
change_data (void)
{
  static const CrmFixtureEntry quarters[] = {
    { "2025 Q1", 0.042 }, { "2025 Q2", -0.013 }, { "2025 Q3", -0.031 },
    { "2025 Q4", 0.008 }, { "2026 Q1", 0.027 }, { "2026 Q2", 0.051 },
  };

  return crm_chart_fixture_single_series (CRM_VALUE_PERCENT, NULL, "Change", quarters, G_N_ELEMENTS (quarters));
}

static void
test_golden_revenue (void)
{
  g_autoptr(CrmChartData) data = revenue_data ();
  LineCase line = { data, FALSE };

  crm_golden_check_chart ("line-revenue", draw_line_case, &line, 600, 400);
  crm_golden_check_chart ("line-revenue-small", draw_line_case, &line, 300, 200);
}

static void
test_golden_area (void)
{
  g_autoptr(CrmChartData) data = revenue_data ();
  LineCase area = { data, TRUE };

  crm_golden_check_chart ("area-revenue", draw_line_case, &area, 600, 400);
}

static void
test_golden_daily (void)
{
  g_autoptr(CrmChartData) data = daily_data ();
  g_autoptr(CrmChartData) change = change_data ();
  LineCase area = { data, TRUE }, line = { change, FALSE };

  crm_golden_check_chart ("area-daily", draw_line_case, &area, 600, 400);
  crm_golden_check_chart ("area-daily-small", draw_line_case, &area, 300, 200);
  crm_golden_check_chart ("line-negative", draw_line_case, &line, 600, 400);
}

static void
test_golden_empty (void)
{
  g_autoptr(CrmChartData) data = crm_chart_data_new (CRM_VALUE_MONEY);
  LineCase line = { data, FALSE };

  /* Categories but no value: the same as nothing at all. */
  crm_chart_data_add_category (data, "Jan");
  crm_chart_data_add_series (data, "Web shop");
  crm_golden_check_chart ("line-empty", draw_line_case, &line, 600, 400);
}

static void
check_hits (gboolean area)
{
  g_autoptr(CrmChartData) data = revenue_data ();
  g_autoptr(CrmRenderStyle) ltr = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  LineCase line = { data, area };
  cairo_surface_t *surface = crm_chart_fixture_render (draw_line_case, &line, ltr, 600, 400);
  double x, y, rx, ry, prev_x = -1;

  for (guint s = 0; s < 3; s++)
    for (guint c = 0; c < 12; c++)
      {
        if (!crm_line_chart_get_point (data, ltr, area, NULL, 600, 400, s, c, &x, &y))
          {
            /* Only the phone's missing July has no point. */
            g_assert_true (s == 2 && c == 6);
            continue;
          }
        g_assert_cmpfloat (x, >, 0);
        g_assert_cmpfloat (x, <, 600);
        g_assert_cmpfloat (y, >, 0);
        g_assert_cmpfloat (y, <, 400);
        /* Time runs left to right, at even steps. */
        if (s == 0 && c > 0)
          g_assert_cmpfloat (x, >, prev_x);
        if (s == 0)
          prev_x = x;

        /* On the point and a little off it. */
        crm_assert_hit (crm_line_chart_hit_test (data, ltr, area, NULL, 600, 400, x, y), s, c);
        crm_assert_hit (crm_line_chart_hit_test (data, ltr, area, NULL, 600, 400, x + 3, y - 3), s, c);
        /* The marker is drawn there, in the series' colour. */
        crm_assert_color_near (crm_chart_fixture_pixel (surface, x, y), crm_render_style_get_series_color (ltr, s));

        /* Mirrored: the same point on the other side. */
        g_assert_true (crm_line_chart_get_point (data, rtl, area, NULL, 600, 400, s, c, &rx, &ry));
        g_assert_cmpfloat_with_epsilon (rx, 600 - x, 0.01);
        g_assert_cmpfloat_with_epsilon (ry, y, 0.01);
        crm_assert_hit (crm_line_chart_hit_test (data, rtl, area, NULL, 600, 400, rx - 3, ry - 3), s, c);
      }
  cairo_surface_destroy (surface);

  /* Higher values are higher up: web shop's December over its February. */
  g_assert_true (crm_line_chart_get_point (data, ltr, area, NULL, 600, 400, 0, 11, &x, &y));
  g_assert_true (crm_line_chart_get_point (data, ltr, area, NULL, 600, 400, 0, 1, &rx, &ry));
  g_assert_cmpfloat (y, <, ry);

  /* The corners are margin: nothing there. */
  crm_assert_hit (crm_line_chart_hit_test (data, ltr, area, NULL, 600, 400, 599, 399), -1, -1);
  crm_assert_hit (crm_line_chart_hit_test (data, ltr, area, NULL, 600, 400, 1, 399), -1, -1);
  /* Beside the plot, among the value axis' labels: nothing either. */
  crm_assert_hit (crm_line_chart_hit_test (data, ltr, area, NULL, 600, 400, 5, 200), -1, -1);
  crm_assert_hit (crm_line_chart_hit_test (data, rtl, area, NULL, 600, 400, 595, 200), -1, -1);
}

static void
test_hit_line (void)
{
  check_hits (FALSE);
}

static void
test_hit_area (void)
{
  g_autoptr(CrmChartData) data = revenue_data ();
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  double x, y, zero_x, zero_y;

  check_hits (TRUE);

  /* Inside the phone's area, well below its line: the smallest area
   * there is the phone's; in a line chart only the column. */
  g_assert_true (crm_line_chart_get_point (data, style, TRUE, NULL, 600, 400, 2, 3, &x, &y));
  g_assert_true (crm_line_chart_get_point (data, style, TRUE, NULL, 600, 400, 0, 3, &zero_x, &zero_y));
  crm_assert_hit (crm_line_chart_hit_test (data, style, TRUE, NULL, 600, 400, x, y + 30), 2, 3);
  crm_assert_hit (crm_line_chart_hit_test (data, style, FALSE, NULL, 600, 400, x, y + 30), -1, 3);
}

/* A missing value is a gap: no point, and the column says so. */
static void
test_gap (void)
{
  g_autoptr(CrmChartData) data = revenue_data ();
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  double x, y, before_x, before_y, after_x, after_y;
  LineCase line = { data, FALSE };
  cairo_surface_t *surface = crm_chart_fixture_render (draw_line_case, &line, style, 600, 400);

  g_assert_false (crm_line_chart_get_point (data, style, FALSE, NULL, 600, 400, 2, 6, &x, &y));
  g_assert_true (crm_line_chart_get_point (data, style, FALSE, NULL, 600, 400, 2, 5, &before_x, &before_y));
  g_assert_true (crm_line_chart_get_point (data, style, FALSE, NULL, 600, 400, 2, 7, &after_x, &after_y));
  /* Where the line would run through July, the background shows. */
  crm_assert_color_near (crm_chart_fixture_pixel (surface, (before_x + after_x) / 2, (before_y + after_y) / 2),
                         crm_render_style_get_background (style));
  crm_assert_hit (crm_line_chart_hit_test (data, style, FALSE, NULL, 600, 400,
                                           (before_x + after_x) / 2, (before_y + after_y) / 2), -1, 6);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(CrmChartData) data = crm_chart_data_new (CRM_VALUE_COUNT);
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  double x, y;

  crm_assert_hit (crm_line_chart_hit_test (data, style, FALSE, NULL, 600, 400, 300, 200), -1, -1);
  crm_chart_data_add_category (data, "Jan");
  crm_chart_data_add_series (data, "Calls");
  crm_assert_hit (crm_line_chart_hit_test (data, style, FALSE, NULL, 600, 400, 300, 200), -1, -1);
  g_assert_false (crm_line_chart_get_point (data, style, FALSE, NULL, 600, 400, 0, 0, &x, &y));
  /* Out of range is refused, not read. */
  crm_chart_data_set_value (data, 0, 0, 5);
  g_assert_false (crm_line_chart_get_point (data, style, FALSE, NULL, 600, 400, 1, 0, &x, &y));
  g_assert_false (crm_line_chart_get_point (data, style, FALSE, NULL, 600, 400, 0, 1, &x, &y));
  g_assert_true (crm_line_chart_get_point (data, style, FALSE, NULL, 600, 400, 0, 0, &x, &y));
}

/* Degenerate boxes draw something sane and leave cairo in a good state. */
static void
test_tiny (void)
{
  g_autoptr(CrmChartData) data = revenue_data ();
  LineCase line = { data, TRUE };
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);

  crm_chart_fixture_check_degenerate (draw_line_case, &line, style);
}

static void
test_vector_output (void)
{
  g_autoptr(CrmChartData) data = revenue_data ();
  LineCase line = { data, FALSE }, area = { data, TRUE };

  crm_golden_check_vector_output (draw_line_case, &line, 600, 400);
  crm_golden_check_vector_output (draw_line_case, &area, 600, 400);
}

static void
test_speed (void)
{
  g_autoptr(CrmChartData) data = revenue_data ();
  g_autoptr(CrmChartData) daily = daily_data ();
  LineCase cases[] = { { data, FALSE }, { data, TRUE }, { daily, TRUE } };
  const char *names[] = { "line, 3 series x 12", "area, 3 series x 12", "area, 1 series x 30" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    crm_chart_fixture_check_speed (names[i], draw_line_case, &cases[i], 600, 400, 30);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/line-chart/golden/revenue", test_golden_revenue);
  g_test_add_func ("/line-chart/golden/area", test_golden_area);
  g_test_add_func ("/line-chart/golden/daily", test_golden_daily);
  g_test_add_func ("/line-chart/golden/empty", test_golden_empty);
  g_test_add_func ("/line-chart/hit/line", test_hit_line);
  g_test_add_func ("/line-chart/hit/area", test_hit_area);
  g_test_add_func ("/line-chart/gap", test_gap);
  g_test_add_func ("/line-chart/empty", test_empty);
  g_test_add_func ("/line-chart/tiny", test_tiny);
  g_test_add_func ("/line-chart/vector-output", test_vector_output);
  g_test_add_func ("/line-chart/speed", test_speed);
  return g_test_run ();
}
