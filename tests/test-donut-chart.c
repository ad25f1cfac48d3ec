/* test-donut-chart.c: the donut chart looks as its golden images do in
 * light, dark and right to left, at a dashboard's size and a small one;
 * a click on a slice finds that slice, in the hole nothing, and in a
 * right-to-left chart the mirrored point the same slice; the smallest of
 * many categories are grouped; empty data draws the no-data message; the
 * same code writes PDF and SVG, quickly. */
#include <math.h>

#include "crm-chart-fixtures.h"
#include "crm-donut-chart.h"

static void
draw_donut (cairo_t              *cr,
            const CrmRenderStyle *style,
            double                width,
            double                height,
            gconstpointer         data)
{
  crm_donut_chart_draw (data, style, cr, width, height);
}

/* Customers per RFM segment. */
static CrmChartData *
make_segments (void)
{
  static const CrmFixtureEntry segments[] = {
    { "Champions", 1240 }, { "Loyal customers", 2310 }, { "Potential loyalists", 1875 },
    { "At risk", 940 }, { "Hibernating", 1610 }, { "Lost", 720 },
  };

  return crm_chart_fixture_single_series (CRM_VALUE_COUNT, NULL, "Customers", segments, G_N_ELEMENTS (segments));
}

/* Revenue by region in euros, names in four scripts, more regions than
 * colours, a missing value. */
static CrmChartData *
make_regions (void)
{
  static const CrmFixtureEntry regions[] = {
    { "Deutschland", 1254300.5 }, { "Россия", 842100 }, { "中国", 615900 },
    { "الإمارات العربية المتحدة", 301200 }, { "France", 398400 }, { "Österreich", 12300 },
    { "Schweiz", 98100 }, { "Italia", 7600 }, { "España", 5400 }, { "Polska", NAN },
    { "Беларусь", 3100 }, { "日本", 2400 },
  };

  return crm_chart_fixture_single_series (CRM_VALUE_MONEY, "EUR", "Revenue", regions, G_N_ELEMENTS (regions));
}

static void
test_golden (void)
{
  g_autoptr(CrmChartData) segments = make_segments ();
  g_autoptr(CrmChartData) regions = make_regions ();

  crm_chart_fixture_use_locale ("en_US.UTF-8");
  crm_golden_check_chart ("donut-segments", draw_donut, segments, 600, 400);
  crm_golden_check_chart ("donut-segments-small", draw_donut, segments, 320, 200);
  /* Euros as a German user reads them: 1.254.300,50 €. */
  crm_chart_fixture_use_locale ("de_DE.UTF-8");
  crm_golden_check_chart ("donut-regions", draw_donut, regions, 600, 400);
  crm_golden_check_chart ("donut-regions-small", draw_donut, regions, 320, 200);
  crm_golden_check_chart ("donut-regions-tall", draw_donut, regions, 280, 420);
  crm_chart_fixture_use_locale ("C.UTF-8");
}

/* The pixel at (@x, @y) is @color. */
static void
assert_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              CrmColor         color)
{
  g_assert_cmpfloat (crm_chart_fixture_color_distance (crm_chart_fixture_pixel (surface, x, y), color), <, 0.05);
}

/* Whether @color is within a few pixels of (@x, @y). */
static gboolean
has_color_near (cairo_surface_t *surface,
                double           x,
                double           y,
                CrmColor         color)
{
  for (int dy = -6; dy <= 6; dy++)
    for (int dx = -6; dx <= 6; dx++)
      if (crm_chart_fixture_color_distance (crm_chart_fixture_pixel (surface, x + dx, y + dy), color) < 0.05)
        return TRUE;
  return FALSE;
}

/* Each slice's anchor is on that slice: the hit test finds it and the
 * image has the slice's colour there (away from the share printed in the
 * middle of the arc); in right to left the anchor is mirrored and finds
 * the same slice. */
static void
check_slices (const CrmChartData *data,
              int                 width,
              int                 height,
              gboolean            colored_by_category)
{
  g_autoptr(CrmRenderStyle) ltr = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  cairo_surface_t *image = crm_chart_fixture_render (draw_donut, data, ltr, width, height);
  guint found = 0;

  for (guint c = 0; c < crm_chart_data_get_n_categories (data); c++)
    {
      double x, y, mirrored_x, mirrored_y;
      CrmChartHit hit;

      if (!crm_donut_chart_get_anchor (data, ltr, NULL, width, height, c, &x, &y))
        continue;
      found++;
      hit = crm_donut_chart_hit_test (data, ltr, NULL, width, height, x, y);
      g_assert_cmpint (hit.series, ==, 0);
      g_assert_cmpint (hit.category, ==, c);

      g_assert_true (crm_donut_chart_get_anchor (data, rtl, NULL, width, height, c, &mirrored_x, &mirrored_y));
      g_assert_cmpfloat_with_epsilon (mirrored_x, width - x, 1e-6);
      g_assert_cmpfloat_with_epsilon (mirrored_y, y, 1e-6);
      hit = crm_donut_chart_hit_test (data, rtl, NULL, width, height, mirrored_x, mirrored_y);
      g_assert_cmpint (hit.category, ==, c);

      if (colored_by_category)
        g_assert_true (has_color_near (image, x, y, crm_render_style_get_series_color (ltr, c)));
    }
  g_assert_cmpuint (found, >, 0);
  cairo_surface_destroy (image);
}

static void
test_hit_slices (void)
{
  g_autoptr(CrmChartData) segments = make_segments ();
  g_autoptr(CrmChartData) regions = make_regions ();

  check_slices (segments, 600, 400, TRUE);
  check_slices (segments, 320, 200, TRUE);
  check_slices (regions, 600, 400, FALSE);
}

/* Two equal halves: their anchors are either side of the centre, so the
 * point between them is in the hole. */
static void
test_hit_hole (void)
{
  g_autoptr(CrmChartData) data = crm_chart_data_new (CRM_VALUE_COUNT);
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  cairo_surface_t *image;
  double x0, y0, x1, y1;
  CrmChartHit hit;

  crm_chart_data_add_series (data, "Customers");
  crm_chart_data_set_value (data, 0, crm_chart_data_add_category (data, "Web"), 50);
  crm_chart_data_set_value (data, 0, crm_chart_data_add_category (data, "Shop"), 50);

  g_assert_true (crm_donut_chart_get_anchor (data, style, NULL, 600, 400, 0, &x0, &y0));
  g_assert_true (crm_donut_chart_get_anchor (data, style, NULL, 600, 400, 1, &x1, &y1));
  /* Clockwise from twelve o'clock: the first half on the right. */
  g_assert_cmpfloat (x0, >, x1);
  g_assert_cmpfloat_with_epsilon (y0, y1, 1e-6);

  hit = crm_donut_chart_hit_test (data, style, NULL, 600, 400, (x0 + x1) / 2, y0);
  g_assert_cmpint (hit.series, ==, -1);
  g_assert_cmpint (hit.category, ==, -1);
  /* Just inside the hole's edge, still nothing; just outside the ring,
   * nothing either. */
  hit = crm_donut_chart_hit_test (data, style, NULL, 600, 400, (x0 + x1) / 2 + (x0 - x1) / 2 * 0.55, y0);
  g_assert_cmpint (hit.category, ==, -1);
  hit = crm_donut_chart_hit_test (data, style, NULL, 600, 400, (x0 + x1) / 2 + (x0 - x1) / 2 * 1.4, y0);
  g_assert_cmpint (hit.category, ==, -1);
  hit = crm_donut_chart_hit_test (data, style, NULL, 600, 400, 2, 2);
  g_assert_cmpint (hit.category, ==, -1);

  /* The image agrees: the slice's colour on the ring beside the anchor,
   * the background in the hole. */
  image = crm_chart_fixture_render (draw_donut, data, style, 600, 400);
  assert_pixel (image, x0, y0 - 12, crm_render_style_get_series_color (style, 0));
  assert_pixel (image, x1, y1 - 12, crm_render_style_get_series_color (style, 1));
  assert_pixel (image, (x0 + x1) / 2 + (x0 - x1) / 2 * 0.55, y0, crm_render_style_get_background (style));
  cairo_surface_destroy (image);
}

/* Twelve regions, one without a value: the seven largest have slices of
 * their own, the four smallest share “Other”, and a click there says so. */
static void
test_grouping (void)
{
  g_autoptr(CrmChartData) data = make_regions ();
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  guint own = 0;
  double x, y;
  CrmChartHit hit;

  for (guint c = 0; c < crm_chart_data_get_n_categories (data); c++)
    if (crm_donut_chart_get_anchor (data, style, NULL, 600, 400, c, &x, &y))
      own++;
  g_assert_cmpuint (own, ==, 7);
  /* España, the ninth largest, is in “Other”; Polska has no value. */
  g_assert_false (crm_donut_chart_get_anchor (data, style, NULL, 600, 400, 8, &x, &y));
  g_assert_false (crm_donut_chart_get_anchor (data, style, NULL, 600, 400, 9, &x, &y));
  g_assert_true (crm_donut_chart_get_anchor (data, style, NULL, 600, 400, CRM_DONUT_CHART_OTHER, &x, &y));
  hit = crm_donut_chart_hit_test (data, style, NULL, 600, 400, x, y);
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpint (hit.category, ==, CRM_DONUT_CHART_OTHER);
}

static void
test_empty (void)
{
  g_autoptr(CrmChartData) none = crm_chart_data_new (CRM_VALUE_COUNT);
  g_autoptr(CrmChartData) zeros = crm_chart_data_new (CRM_VALUE_COUNT);
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  CrmChartHit hit;

  crm_chart_data_add_series (zeros, "Customers");
  crm_chart_data_set_value (zeros, 0, crm_chart_data_add_category (zeros, "Web"), 0);
  crm_chart_data_add_category (zeros, "Shop");

  crm_golden_check_chart ("donut-empty", draw_donut, none, 300, 120);
  /* Nothing positive to share out is no data either. */
  crm_golden_check_chart ("donut-empty", draw_donut, zeros, 300, 120);
  hit = crm_donut_chart_hit_test (zeros, style, NULL, 300, 120, 150, 60);
  g_assert_cmpint (hit.category, ==, -1);
}

static void
test_vector_output (void)
{
  g_autoptr(CrmChartData) regions = make_regions ();

  crm_golden_check_vector_output (draw_donut, regions, 600, 400);
}

static void
test_speed (void)
{
  g_autoptr(CrmChartData) regions = make_regions ();

  crm_chart_fixture_check_speed ("donut chart of 12 regions", draw_donut, regions, 600, 400, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/donut-chart/golden", test_golden);
  g_test_add_func ("/donut-chart/hit/slices", test_hit_slices);
  g_test_add_func ("/donut-chart/hit/hole", test_hit_hole);
  g_test_add_func ("/donut-chart/grouping", test_grouping);
  g_test_add_func ("/donut-chart/empty", test_empty);
  g_test_add_func ("/donut-chart/vector-output", test_vector_output);
  g_test_add_func ("/donut-chart/speed", test_speed);
  return g_test_run ();
}
