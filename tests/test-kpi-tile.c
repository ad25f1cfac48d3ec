/* test-kpi-tile.c: the KPI tile looks as its golden images do in light,
 * dark and right to left, as a 220 × 120 dashboard tile and at 600 × 400;
 * the change is good news or bad by whether higher is better, and says so
 * by the arrow's direction as well as its colour; the target's attainment
 * counts the way the core's KPIs count it; a point of the sparkline finds
 * its period, in right to left at the mirrored place; the same code
 * writes PDF and SVG, quickly. */
#include <math.h>

#include "crm-chart-fixtures.h"
#include "crm-kpi-tile.h"

static void
draw_tile (cairo_t              *cr,
           const CrmRenderStyle *style,
           double                width,
           double                height,
           gconstpointer         data)
{
  crm_kpi_tile_draw (data, style, cr, width, height);
}

/* New customers, up, over their target. */
static CrmKpiTileData *
make_new_customers (void)
{
  static const double months[] = { 980, 1045, 1010, 1122, 1090, NAN, 1178, 1210, 1342 };
  CrmKpiTileData *data = crm_kpi_tile_data_new ("新客户", CRM_VALUE_COUNT);

  crm_kpi_tile_data_set_value (data, 1342);
  crm_kpi_tile_data_set_previous (data, 1210);
  crm_kpi_tile_data_set_target (data, 1200);
  crm_kpi_tile_data_set_comparison (data, "vs. March");
  crm_kpi_tile_data_set_sparkline (data, months, G_N_ELEMENTS (months));
  return data;
}

/* The churn rate, where lower is better: down, which is good news, and
 * under its target, which is met. */
static CrmKpiTileData *
make_churn (void)
{
  static const double months[] = { 0.068, 0.064, 0.066, 0.059, 0.057, 0.055, 0.051, 0.042 };
  CrmKpiTileData *data = crm_kpi_tile_data_new ("معدل فقدان العملاء", CRM_VALUE_PERCENT);

  crm_kpi_tile_data_set_higher_is_better (data, FALSE);
  crm_kpi_tile_data_set_value (data, 0.042);
  crm_kpi_tile_data_set_previous (data, 0.051);
  crm_kpi_tile_data_set_target (data, 0.05);
  crm_kpi_tile_data_set_sparkline (data, months, G_N_ELEMENTS (months));
  return data;
}

/* Satisfaction, down, which is bad news, and short of its target. */
static CrmKpiTileData *
make_satisfaction (void)
{
  static const double months[] = { 4.3, 4.4, 4.2, 4.3, 4.1, 4.2, 3.9 };
  CrmKpiTileData *data = crm_kpi_tile_data_new ("Customer satisfaction", CRM_VALUE_DECIMAL);

  crm_kpi_tile_data_set_value (data, 3.9);
  crm_kpi_tile_data_set_previous (data, 4.2);
  crm_kpi_tile_data_set_target (data, 4.5);
  crm_kpi_tile_data_set_sparkline (data, months, G_N_ELEMENTS (months));
  return data;
}

static void
test_golden (void)
{
  g_autoptr(CrmKpiTileData) revenue = crm_chart_fixture_revenue_tile ();
  g_autoptr(CrmKpiTileData) customers = make_new_customers ();
  g_autoptr(CrmKpiTileData) churn = make_churn ();
  g_autoptr(CrmKpiTileData) satisfaction = make_satisfaction ();
  g_autoptr(CrmKpiTileData) nothing = crm_kpi_tile_data_new ("Data completeness", CRM_VALUE_PERCENT);

  crm_chart_fixture_use_locale ("de_DE.UTF-8");
  crm_golden_check_chart ("kpi-revenue", draw_tile, revenue, 600, 400);
  crm_golden_check_chart ("kpi-revenue-small", draw_tile, revenue, 220, 120);
  crm_chart_fixture_use_locale ("en_US.UTF-8");
  crm_golden_check_chart ("kpi-customers", draw_tile, customers, 600, 400);
  crm_golden_check_chart ("kpi-customers-small", draw_tile, customers, 220, 120);
  crm_golden_check_chart ("kpi-churn", draw_tile, churn, 600, 400);
  crm_golden_check_chart ("kpi-churn-small", draw_tile, churn, 220, 120);
  crm_golden_check_chart ("kpi-satisfaction-small", draw_tile, satisfaction, 220, 120);
  crm_golden_check_chart ("kpi-satisfaction-wide", draw_tile, satisfaction, 360, 160);
  crm_golden_check_chart ("kpi-empty-small", draw_tile, nothing, 220, 120);
  crm_chart_fixture_use_locale ("C.UTF-8");
}

static void
test_data (void)
{
  g_autoptr(CrmKpiTileData) revenue = crm_chart_fixture_revenue_tile ();
  g_autoptr(CrmKpiTileData) churn = make_churn ();
  g_autoptr(CrmKpiTileData) satisfaction = make_satisfaction ();
  g_autoptr(CrmKpiTileData) nothing = crm_kpi_tile_data_new ("Orders", CRM_VALUE_COUNT);
  g_autofree char *description = NULL;
  g_autofree char *empty_description = NULL;

  g_assert_cmpfloat_with_epsilon (crm_kpi_tile_data_get_change (revenue), 55600.5 / 1198700, 1e-9);
  g_assert_true (crm_kpi_tile_data_is_improvement (revenue));
  g_assert_cmpfloat_with_epsilon (crm_kpi_tile_data_get_attainment (revenue), 1254300.5 / 1500000, 1e-9);
  g_assert_false (crm_kpi_tile_data_is_target_met (revenue));

  /* Lower is better: a fall is good news, and the attainment is target
   * over value, above 100 % when under the target. */
  g_assert_cmpfloat (crm_kpi_tile_data_get_change (churn), <, 0);
  g_assert_true (crm_kpi_tile_data_is_improvement (churn));
  g_assert_cmpfloat_with_epsilon (crm_kpi_tile_data_get_attainment (churn), 0.05 / 0.042, 1e-9);
  g_assert_true (crm_kpi_tile_data_is_target_met (churn));

  g_assert_false (crm_kpi_tile_data_is_improvement (satisfaction));
  g_assert_false (crm_kpi_tile_data_is_target_met (satisfaction));

  g_assert_true (isnan (crm_kpi_tile_data_get_change (nothing)));
  g_assert_true (isnan (crm_kpi_tile_data_get_attainment (nothing)));
  g_assert_false (crm_kpi_tile_data_is_improvement (nothing));
  g_assert_cmpstr (crm_kpi_tile_data_get_comparison (nothing), ==, "vs. previous period");

  description = crm_kpi_tile_data_describe (churn);
  g_assert_cmpstr (description, ==, "معدل فقدان العملاء: 4.2 %, −17.6 % vs. previous period, better, "
                                    "119.0 % of the target of 5.0 %, met");
  empty_description = crm_kpi_tile_data_describe (nothing);
  g_assert_cmpstr (empty_description, ==, "Orders: —");
}

/* How many pixels of @color the row @y has between @x0 and @x1. */
static int
count_in_row (cairo_surface_t *surface,
              int              y,
              int              x0,
              int              x1,
              CrmColor         color)
{
  int n = 0;

  for (int x = x0; x < x1; x++)
    n += crm_chart_fixture_color_distance (crm_chart_fixture_pixel (surface, x, y), color) < 0.08;
  return n;
}

/* The change's arrow is drawn in the change's colour at the start of its
 * row, and points the way the value went: its wide end is at the bottom
 * for a rise and at the top for a fall. */
static void
check_arrow (const CrmKpiTileData *data,
             const CrmRenderStyle *style,
             gboolean              rises)
{
  cairo_surface_t *image = crm_chart_fixture_render (draw_tile, data, style, 600, 400);
  CrmColor color = crm_kpi_tile_get_change_color (data, style);
  cairo_rectangle_t row;
  double arrow, middle;
  int x0, x1, upper, lower;

  g_assert_true (crm_kpi_tile_get_part_rect (data, style, NULL, 600, 400, CRM_KPI_TILE_PART_CHANGE, &row));
  arrow = row.height * 0.55;
  middle = row.y + row.height / 2;
  x0 = (int) (crm_render_style_is_rtl (style) ? row.x + row.width - arrow - 2 : row.x);
  x1 = (int) (x0 + arrow + 2);
  /* Rows of pixels wholly inside the arrow. */
  upper = count_in_row (image, (int) (middle - arrow * 0.2), x0, x1, color);
  lower = count_in_row (image, (int) (middle + arrow * 0.2), x0, x1, color);
  if (upper + lower == 0)
    g_error ("no arrow in %.0f–%.0f at %.0f–%.0f", row.x, row.x + row.width, row.y, row.y + row.height);
  if (rises)
    g_assert_cmpint (lower, >, upper);
  else
    g_assert_cmpint (upper, >, lower);
  cairo_surface_destroy (image);
}

static void
test_change (void)
{
  g_autoptr(CrmKpiTileData) revenue = crm_chart_fixture_revenue_tile ();
  g_autoptr(CrmKpiTileData) churn = make_churn ();
  g_autoptr(CrmKpiTileData) satisfaction = make_satisfaction ();
  g_autoptr(CrmRenderStyle) light = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) dark = crm_golden_style (CRM_RENDER_PALETTE_DARK, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  g_autoptr(CrmRenderStyle) print = crm_golden_style (CRM_RENDER_PALETTE_PRINT, FALSE);
  CrmRenderStyle *styles[] = { light, dark };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      CrmColor good = crm_kpi_tile_get_change_color (revenue, styles[i]);
      CrmColor bad = crm_kpi_tile_get_change_color (satisfaction, styles[i]);
      CrmColor background = crm_render_style_get_background (styles[i]);

      /* A fall in churn is as good as a rise in revenue. */
      g_assert_cmpfloat (crm_kpi_tile_get_change_color (churn, styles[i]).red, ==, good.red);
      g_assert_cmpfloat (crm_kpi_tile_get_change_color (churn, styles[i]).green, ==, good.green);
      g_assert_true (good.red != bad.red || good.green != bad.green || good.blue != bad.blue);
      /* Readable as text: WCAG AA. */
      g_assert_cmpfloat (crm_color_contrast_ratio (good, background), >=, 4.5);
      g_assert_cmpfloat (crm_color_contrast_ratio (bad, background), >=, 4.5);
    }
  /* On paper the arrow and the sign have to tell it alone. */
  g_assert_cmpfloat (crm_kpi_tile_get_change_color (revenue, print).red, ==,
                     crm_kpi_tile_get_change_color (satisfaction, print).red);

  check_arrow (revenue, light, TRUE);
  check_arrow (churn, light, FALSE);
  check_arrow (satisfaction, dark, FALSE);
  check_arrow (revenue, rtl, TRUE);
}

static void
check_hits (const CrmKpiTileData *data,
            int                   width,
            int                   height)
{
  g_autoptr(CrmRenderStyle) ltr = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  GArray *points = crm_kpi_tile_data_get_sparkline (data);
  static const CrmKpiTilePart parts[] = {
    CRM_KPI_TILE_PART_TITLE, CRM_KPI_TILE_PART_VALUE, CRM_KPI_TILE_PART_CHANGE, CRM_KPI_TILE_PART_TARGET,
  };
  double previous_x = -1;
  CrmKpiTileHit hit;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      cairo_rectangle_t rect, mirrored;

      g_assert_true (crm_kpi_tile_get_part_rect (data, ltr, NULL, width, height, parts[i], &rect));
      g_assert_cmpfloat (rect.x, >=, 0);
      g_assert_cmpfloat (rect.x + rect.width, <=, width);
      g_assert_cmpfloat (rect.y + rect.height, <=, height);
      hit = crm_kpi_tile_hit_test (data, ltr, NULL, width, height, rect.x + 2, rect.y + rect.height / 2);
      g_assert_cmpint (hit.part, ==, parts[i]);

      g_assert_true (crm_kpi_tile_get_part_rect (data, rtl, NULL, width, height, parts[i], &mirrored));
      g_assert_cmpfloat_with_epsilon (mirrored.x, width - rect.x - rect.width, 1e-6);
      hit = crm_kpi_tile_hit_test (data, rtl, NULL, width, height, width - rect.x - 2, rect.y + rect.height / 2);
      g_assert_cmpint (hit.part, ==, parts[i]);
    }

  for (guint i = 0; i < points->len; i++)
    {
      double x, y, mirrored_x, mirrored_y;

      if (isnan (g_array_index (points, double, i)))
        {
          g_assert_false (crm_kpi_tile_get_point (data, ltr, NULL, width, height, i, &x, &y));
          continue;
        }
      g_assert_true (crm_kpi_tile_get_point (data, ltr, NULL, width, height, i, &x, &y));
      /* Oldest first, left to right. */
      g_assert_cmpfloat (x, >, previous_x);
      previous_x = x;
      hit = crm_kpi_tile_hit_test (data, ltr, NULL, width, height, x, y);
      g_assert_cmpint (hit.part, ==, CRM_KPI_TILE_PART_SPARKLINE);
      g_assert_cmpint (hit.point, ==, i);

      g_assert_true (crm_kpi_tile_get_point (data, rtl, NULL, width, height, i, &mirrored_x, &mirrored_y));
      g_assert_cmpfloat_with_epsilon (mirrored_x, width - x, 1e-6);
      g_assert_cmpfloat_with_epsilon (mirrored_y, y, 1e-6);
      hit = crm_kpi_tile_hit_test (data, rtl, NULL, width, height, mirrored_x, mirrored_y);
      g_assert_cmpint (hit.point, ==, i);
    }

  hit = crm_kpi_tile_hit_test (data, ltr, NULL, width, height, -1, height / 2);
  g_assert_cmpint (hit.part, ==, CRM_KPI_TILE_PART_NONE);
  g_assert_cmpint (hit.point, ==, -1);
  hit = crm_kpi_tile_hit_test (data, ltr, NULL, width, height, 1, 1);
  g_assert_cmpint (hit.part, ==, CRM_KPI_TILE_PART_TILE);
}

static void
test_hits (void)
{
  g_autoptr(CrmKpiTileData) revenue = crm_chart_fixture_revenue_tile ();
  g_autoptr(CrmKpiTileData) customers = make_new_customers ();

  crm_chart_fixture_use_locale ("en_US.UTF-8");
  check_hits (revenue, 600, 400);
  check_hits (revenue, 220, 120);
  check_hits (customers, 600, 400);
  check_hits (customers, 360, 160);
  crm_chart_fixture_use_locale ("C.UTF-8");
}

/* A sparkline needs room; in a tile too small for it, it is left out
 * rather than squeezed, and the figures stay. */
static void
test_small (void)
{
  g_autoptr(CrmKpiTileData) revenue = crm_chart_fixture_revenue_tile ();
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  cairo_rectangle_t rect;
  double x, y;

  g_assert_false (crm_kpi_tile_get_part_rect (revenue, style, NULL, 140, 110, CRM_KPI_TILE_PART_SPARKLINE, &rect));
  g_assert_false (crm_kpi_tile_get_point (revenue, style, NULL, 140, 110, 0, &x, &y));
  g_assert_true (crm_kpi_tile_get_part_rect (revenue, style, NULL, 140, 110, CRM_KPI_TILE_PART_VALUE, &rect));
  g_assert_cmpfloat (rect.x + rect.width, <=, 140);
}

static void
test_vector_output (void)
{
  g_autoptr(CrmKpiTileData) revenue = crm_chart_fixture_revenue_tile ();

  crm_golden_check_vector_output (draw_tile, revenue, 600, 400);
  crm_golden_check_vector_output (draw_tile, revenue, 220, 120);
}

static void
test_speed (void)
{
  g_autoptr(CrmKpiTileData) revenue = crm_chart_fixture_revenue_tile ();

  crm_chart_fixture_check_speed ("KPI tile", draw_tile, revenue, 600, 400, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kpi-tile/golden", test_golden);
  g_test_add_func ("/kpi-tile/data", test_data);
  g_test_add_func ("/kpi-tile/change", test_change);
  g_test_add_func ("/kpi-tile/hits", test_hits);
  g_test_add_func ("/kpi-tile/small", test_small);
  g_test_add_func ("/kpi-tile/vector-output", test_vector_output);
  g_test_add_func ("/kpi-tile/speed", test_speed);
  return g_test_run ();
}
