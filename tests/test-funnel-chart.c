/* test-funnel-chart.c: the funnel chart looks as its golden images do in
 * light, dark and right to left, at a dashboard's size and a small one;
 * bars are as wide as their values and centred; a click on a stage's row
 * finds it, between rows nothing, and in a right-to-left chart the
 * mirrored point the same stage; empty data draws the no-data message;
 * the same code writes PDF and SVG, quickly. */
#include <locale.h>
#include <math.h>

#include "crm-funnel-chart.h"
#include "crm-golden.h"

static void
draw_funnel (cairo_t              *cr,
             const CrmRenderStyle *style,
             double                width,
             double                height,
             gconstpointer         data)
{
  crm_funnel_chart_draw (data, style, cr, width, height);
}

static CrmChartData *
make_data (CrmValueKind  kind,
           const char   *series,
           const char  **stages,
           const double *values,
           guint         n)
{
  CrmChartData *data = crm_chart_data_new (kind);

  crm_chart_data_add_series (data, series);
  for (guint i = 0; i < n; i++)
    crm_chart_data_set_value (data, 0, crm_chart_data_add_category (data, stages[i]), values[i]);
  return data;
}

/* Customers through the sales stages. */
static CrmChartData *
make_sales (void)
{
  static const char *stages[] = { "Website visitors", "Leads", "Qualified leads", "Offers sent", "Orders" };
  static const double values[] = { 48200, 9650, 3120, 1480, 612 };

  return make_data (CRM_VALUE_COUNT, "Customers", stages, values, G_N_ELEMENTS (stages));
}

/* The pipeline in euros, stage names in four scripts, one too long for
 * its column and one stage without a figure. */
static CrmChartData *
make_pipeline (void)
{
  static const char *stages[] = {
    "Первый контакт", "需求分析", "عرض سعر مرسل", "Verhandlung",
    "Contract signed after negotiation with the procurement department", "Rechnung bezahlt",
  };
  static const double values[] = { 2450000, 1720500, 980250.75, NAN, 412000, 389900 };

  g_assert_cmpuint (G_N_ELEMENTS (stages), ==, G_N_ELEMENTS (values));
  {
    CrmChartData *data = make_data (CRM_VALUE_MONEY, "Pipeline", stages, values, G_N_ELEMENTS (stages));

    crm_chart_data_set_currency (data, "EUR");
    return data;
  }
}

static void
use_number_locale (const char *locale)
{
  if (setlocale (LC_NUMERIC, locale) == NULL || setlocale (LC_MONETARY, locale) == NULL)
    g_error ("locale %s is not installed (the locales-all package)", locale);
}

static void
test_golden (void)
{
  g_autoptr(CrmChartData) sales = make_sales ();
  g_autoptr(CrmChartData) pipeline = make_pipeline ();

  use_number_locale ("en_US.UTF-8");
  crm_golden_check_chart ("funnel-sales", draw_funnel, sales, 600, 400);
  crm_golden_check_chart ("funnel-sales-small", draw_funnel, sales, 320, 200);
  use_number_locale ("de_DE.UTF-8");
  crm_golden_check_chart ("funnel-pipeline", draw_funnel, pipeline, 600, 400);
  crm_golden_check_chart ("funnel-pipeline-small", draw_funnel, pipeline, 320, 200);
  use_number_locale ("C.UTF-8");
}

/* Bars in proportion to their values, centred on one axis, top to
 * bottom; the row of each finds its stage in either direction. */
static void
test_bars_and_hits (void)
{
  g_autoptr(CrmChartData) data = make_sales ();
  g_autoptr(CrmRenderStyle) ltr = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  cairo_rectangle_t first, previous = { 0, };
  guint n = crm_chart_data_get_n_categories (data);

  g_assert_true (crm_funnel_chart_get_bar_rect (data, ltr, NULL, 600, 400, 0, &first));
  g_assert_false (crm_funnel_chart_get_bar_rect (data, ltr, NULL, 600, 400, n, &first));
  for (guint s = 0; s < n; s++)
    {
      cairo_rectangle_t bar, mirrored;
      CrmChartHit hit;

      g_assert_true (crm_funnel_chart_get_bar_rect (data, ltr, NULL, 600, 400, s, &bar));
      g_assert_cmpfloat_with_epsilon (bar.width / first.width,
                                      crm_chart_data_get_value (data, 0, s) / crm_chart_data_get_value (data, 0, 0), 0.01);
      g_assert_cmpfloat_with_epsilon (bar.x + bar.width / 2, first.x + first.width / 2, 1e-6);
      if (s > 0)
        g_assert_cmpfloat (bar.y, >=, previous.y + previous.height);
      previous = bar;

      hit = crm_funnel_chart_hit_test (data, ltr, NULL, 600, 400, bar.x + 1, bar.y + bar.height / 2);
      g_assert_cmpint (hit.series, ==, 0);
      g_assert_cmpint (hit.category, ==, s);
      /* Beside a narrow bar, on its row, still the stage. */
      hit = crm_funnel_chart_hit_test (data, ltr, NULL, 600, 400, first.x + 2, bar.y + 1);
      g_assert_cmpint (hit.category, ==, s);

      g_assert_true (crm_funnel_chart_get_bar_rect (data, rtl, NULL, 600, 400, s, &mirrored));
      g_assert_cmpfloat_with_epsilon (mirrored.x, 600 - bar.x - bar.width, 1e-6);
      hit = crm_funnel_chart_hit_test (data, rtl, NULL, 600, 400, 600 - (bar.x + 1), bar.y + bar.height / 2);
      g_assert_cmpint (hit.category, ==, s);

      /* Between this row and the next, nothing. */
      if (s + 1 < n)
        {
          hit = crm_funnel_chart_hit_test (data, ltr, NULL, 600, 400, bar.x + 1, bar.y + bar.height + 1);
          g_assert_cmpint (hit.category, ==, -1);
        }
    }
  {
    CrmChartHit hit = crm_funnel_chart_hit_test (data, ltr, NULL, 600, 400, 300, 2);

    g_assert_cmpint (hit.series, ==, -1);
    g_assert_cmpint (hit.category, ==, -1);
  }
}

/* A stage without a figure keeps its row, with no bar. */
static void
test_missing_stage (void)
{
  g_autoptr(CrmChartData) data = make_pipeline ();
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  cairo_rectangle_t bar, before, after;

  g_assert_true (crm_funnel_chart_get_bar_rect (data, style, NULL, 600, 400, 3, &bar));
  g_assert_cmpfloat (bar.width, ==, 0);
  g_assert_true (crm_funnel_chart_get_bar_rect (data, style, NULL, 600, 400, 2, &before));
  g_assert_true (crm_funnel_chart_get_bar_rect (data, style, NULL, 600, 400, 4, &after));
  g_assert_cmpfloat (bar.y, >, before.y);
  g_assert_cmpfloat (bar.y, <, after.y);
}

static void
test_empty (void)
{
  g_autoptr(CrmChartData) none = crm_chart_data_new (CRM_VALUE_COUNT);
  g_autoptr(CrmChartData) missing = crm_chart_data_new (CRM_VALUE_COUNT);
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  cairo_rectangle_t bar;

  crm_chart_data_add_series (missing, "Customers");
  crm_chart_data_add_category (missing, "Leads");
  crm_chart_data_add_category (missing, "Orders");

  /* The same image as the donut's: one “no data” for every chart. */
  crm_golden_check_chart ("donut-empty", draw_funnel, none, 300, 120);
  crm_golden_check_chart ("donut-empty", draw_funnel, missing, 300, 120);
  g_assert_false (crm_funnel_chart_get_bar_rect (missing, style, NULL, 300, 120, 0, &bar));
  g_assert_cmpint (crm_funnel_chart_hit_test (missing, style, NULL, 300, 120, 150, 60).category, ==, -1);
}

static void
test_vector_output (void)
{
  g_autoptr(CrmChartData) pipeline = make_pipeline ();

  crm_golden_check_vector_output (draw_funnel, pipeline, 600, 400);
}

static void
test_speed (void)
{
  g_autoptr(CrmChartData) pipeline = make_pipeline ();
  double ms = crm_golden_time_draw (draw_funnel, pipeline, 600, 400, 20);

  g_test_message ("funnel chart 600×400: %.2f ms per draw", ms);
  /* The goal is 5 ms; the bound is loose so that a busy machine never
   * fails it. */
  g_assert_cmpfloat (ms, <, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/funnel-chart/golden", test_golden);
  g_test_add_func ("/funnel-chart/bars-and-hits", test_bars_and_hits);
  g_test_add_func ("/funnel-chart/missing-stage", test_missing_stage);
  g_test_add_func ("/funnel-chart/empty", test_empty);
  g_test_add_func ("/funnel-chart/vector-output", test_vector_output);
  g_test_add_func ("/funnel-chart/speed", test_speed);
  return g_test_run ();
}
