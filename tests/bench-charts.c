/* bench-charts.c: how long the render library takes to draw each kind of
 * chart at a dashboard's 600 × 400, onto an ARGB32 image in the light
 * style: a KPI tile, line and area charts, grouped, stacked and horizontal
 * bars, a donut, a funnel, a heat grid, a Sankey diagram and a table, on
 * data of a realistic size with names in Latin, Cyrillic, Chinese and
 * Arabic script. Each chart is drawn once to warm up (fonts, glyph caches)
 * and then BENCH_RUNS times (200 unless set); only the drawing call is
 * timed, not painting the background. The budget is 5 ms a chart. Prints
 * "figure: <name> <value> <unit>" lines: the median of each chart and, as
 * chart_render_ms, that of the slowest. Fails when a drawing leaves cairo
 * in an error state or draws nothing. */
#include <locale.h>
#include <math.h>

#include "crm-bar-chart.h"
#include "crm-chart-fixtures.h"
#include "crm-chart-table.h"
#include "crm-donut-chart.h"
#include "crm-funnel-chart.h"
#include "crm-heat-grid.h"
#include "crm-kpi-tile.h"
#include "crm-line-chart.h"
#include "crm-render-text.h"
#include "crm-sankey.h"

#define WIDTH 600
#define HEIGHT 400
#define BUDGET_MS 5.0

typedef enum
{
  KPI_TILE,
  LINE,
  AREA,
  BAR_GROUPED,
  BAR_STACKED,
  BAR_HORIZONTAL,
  DONUT,
  FUNNEL,
  HEAT_GRID,
  SANKEY,
  TABLE,
} ChartKind;

typedef struct
{
  ChartKind      kind;
  const char    *name;   /* chart_render_ms_NAME */
  const char    *what;   /* the data, in a few words */
  gconstpointer  data;   /* CrmChartData, or CrmKpiTileData or CrmSankeyData */
} Chart;

/* Twelve months of revenue in euros through three channels. */
static CrmChartData *
monthly_revenue (void)
{
  static const char *channels[] = { "Интернет-магазин", "门店", "الهاتف" };
  static const char *months[] = {
    "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
  };
  static const double revenue[][12] = {
    { 41200, 38900, 45600, 52300, 58800, 61200, 57400, 54900, 63800, 71500, 86200, 98400 },
    { 62800, 59100, 60400, 57900, 55200, 58700, 61900, 60300, 56800, 59400, 67800, 83100 },
    { 18400, 17900, 19800, 16200, 15400, 14100, 13300, 12800, 13900, 12600, 15800, 21700 },
  };

  return crm_chart_fixture_data (CRM_VALUE_MONEY, "EUR", channels, G_N_ELEMENTS (channels),
                                 months, G_N_ELEMENTS (months), revenue[0]);
}

static const char *channels[] = {
  "Web", "E-mail", "Телефон", "门店", "واتساب", "Mobile app", "ВКонтакте", "微信",
};

/* Touchpoints a quarter by channel. */
static CrmChartData *
channel_touchpoints (void)
{
  static const char *quarters[] = { "Q1 2026", "Q2 2026", "Q3 2026" };
  static const double touchpoints[][8] = {
    { 18342, 12907, 9655, 7218, 5480, 4126, 3391, 2870 },
    { 19810, 12120, 9204, 7906, 6315, 4870, 3655, 3412 },
    { 21460, 11840, 8730, 8122, 7041, 5312, 3920, 4105 },
  };

  return crm_chart_fixture_data (CRM_VALUE_COUNT, NULL, quarters, G_N_ELEMENTS (quarters),
                                 channels, G_N_ELEMENTS (channels), touchpoints[0]);
}

/* Customers by RFM segment. */
static CrmChartData *
segments (void)
{
  static const CrmFixtureEntry segments[] = {
    { "Champions", 1240 }, { "Лояльные клиенты", 2310 }, { "潜在忠诚客户", 1875 },
    { "عملاء جدد", 1130 }, { "At risk", 940 }, { "Спящие", 1610 }, { "流失风险", 655 },
    { "Lost", 720 },
  };

  return crm_chart_fixture_single_series (CRM_VALUE_COUNT, NULL, "Customers", segments, G_N_ELEMENTS (segments));
}

/* Customers through the sales stages. */
static CrmChartData *
sales_funnel (void)
{
  static const CrmFixtureEntry stages[] = {
    { "Посетители сайта", 48200 }, { "Leads", 9650 }, { "合格线索", 3120 },
    { "عروض مرسلة", 1480 }, { "Orders", 612 },
  };

  return crm_chart_fixture_single_series (CRM_VALUE_COUNT, NULL, "Customers", stages, G_N_ELEMENTS (stages));
}

/* The journey map: touchpoints by stage and channel. */
static CrmChartData *
journey_map (void)
{
  static const char *stages[] = { "Awareness", "Рассмотрение", "购买", "الخدمة", "Loyalty" };
  static const double touchpoints[][8] = {
    { 48210, 12480, 950, 3120, 27630, 8840, 15120, 9930 },
    { 21570, 9840, 4210, 6480, 8120, 5210, 6730, 4410 },
    { 6230, 2110, 3870, 9560, 1240, 3380, 1920, 2650 },
    { 2890, 5430, 11250, 4020, NAN, 2210, 780, 1340 },
    { 3310, 7920, 1450, 2280, 4870, 3960, 2140, 1870 },
  };

  return crm_chart_fixture_data (CRM_VALUE_COUNT, NULL, stages, G_N_ELEMENTS (stages),
                                 channels, G_N_ELEMENTS (channels), touchpoints[0]);
}

/* Under each cell's value, the customers who reached it and their
 * satisfaction, as the journey view shows them. */
static char *
journey_detail (guint    row,
                guint    column,
                gpointer user_data)
{
  const CrmChartData *data = user_data;
  double touchpoints = crm_chart_data_get_value (data, row, column);
  g_autofree char *customers = NULL;

  if (isnan (touchpoints))
    return NULL;
  customers = crm_value_format (round (touchpoints * 0.37), CRM_VALUE_COUNT, NULL);
  return g_strdup_printf ("%s · ★%.1f", customers, 3.2 + (row * 8 + column) % 14 / 10.0);
}

/* Customers' first, second and buying touchpoint by channel. */
static CrmSankeyData *
channel_flow (void)
{
  static const struct { const char *label; guint column; } nodes[] = {
    { "Web", 0 }, { "E-mail", 0 }, { "ВКонтакте", 0 }, { "微信", 0 },
    { "Web", 1 }, { "Телефон", 1 }, { "واتساب", 1 },
    { "Web", 2 }, { "门店", 2 },
  };
  static const struct { guint source, target; double value; } links[] = {
    { 0, 4, 2140 }, { 0, 5, 420 }, { 0, 6, 610 },
    { 1, 4, 1320 }, { 1, 5, 540 }, { 1, 6, 380 },
    { 2, 4, 760 }, { 2, 5, 230 }, { 2, 6, 520 },
    { 3, 4, 180 }, { 3, 5, 260 }, { 3, 6, 690 },
    { 4, 7, 3260 }, { 4, 8, 720 },
    { 5, 7, 410 }, { 5, 8, 890 },
    { 6, 7, 760 }, { 6, 8, 1140 },
  };
  CrmSankeyData *data = crm_sankey_data_new (CRM_VALUE_COUNT);

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    crm_sankey_data_add_node (data, nodes[i].label, nodes[i].column);
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    crm_sankey_data_add_link (data, links[i].source, links[i].target, links[i].value);
  return data;
}

/* Revenue by customer and channel; NAN where a customer never bought
 * through the channel. */
static CrmChartData *
customer_revenue (void)
{
  static const char *sales_channels[] = { "Web", "Store", "Phone" };
  static const char *customers[] = {
    "Anna Schmidt", "Иван Петров", "王芳", "محمد العلي", "Jean-Pierre de la Fontaine-Beaumarchais",
    "Ольга Смирнова", "李娜", "فاطمة الحسن", "Lukas Becker", "Дмитрий Соколов", "张伟", "ليلى خوري",
  };
  static const double revenue[][12] = {
    { 12480.5, 3120, NAN, 8840.25, 21570, 950, 6230.8, 2890, 15120, NAN, 4410.1, 9930 },
    { 2110, 9840, 4210.4, NAN, 3310, 7920.9, 1450, 11250, 2280, 4870.5, NAN, 3870 },
    { NAN, 1240, 780.3, 2650, NAN, 1920, 3380.6, 540, NAN, 2210, 1870, 610.75 },
  };

  return crm_chart_fixture_data (CRM_VALUE_MONEY, "EUR", sales_channels, G_N_ELEMENTS (sales_channels),
                                 customers, G_N_ELEMENTS (customers), revenue[0]);
}

static void
draw_chart (const Chart          *chart,
            const CrmRenderStyle *style,
            cairo_t              *cr)
{
  static const CrmChartTableOptions table = { "Customer", TRUE, NULL };

  switch (chart->kind)
    {
    case KPI_TILE:
      crm_kpi_tile_draw (chart->data, style, cr, WIDTH, HEIGHT);
      break;
    case LINE:
    case AREA:
      crm_line_chart_draw (chart->data, style, chart->kind == AREA, cr, WIDTH, HEIGHT);
      break;
    case BAR_GROUPED:
      crm_bar_chart_draw (chart->data, style, CRM_BAR_LAYOUT_GROUPED, cr, WIDTH, HEIGHT);
      break;
    case BAR_STACKED:
      crm_bar_chart_draw (chart->data, style, CRM_BAR_LAYOUT_STACKED, cr, WIDTH, HEIGHT);
      break;
    case BAR_HORIZONTAL:
      crm_bar_chart_draw (chart->data, style, CRM_BAR_LAYOUT_HORIZONTAL, cr, WIDTH, HEIGHT);
      break;
    case DONUT:
      crm_donut_chart_draw (chart->data, style, cr, WIDTH, HEIGHT);
      break;
    case FUNNEL:
      crm_funnel_chart_draw (chart->data, style, cr, WIDTH, HEIGHT);
      break;
    case HEAT_GRID:
      {
        CrmHeatGridOptions grid = { journey_detail, (gpointer) chart->data, NULL };

        crm_heat_grid_draw (chart->data, &grid, style, cr, WIDTH, HEIGHT);
      }
      break;
    case SANKEY:
      crm_sankey_draw (chart->data, style, cr, WIDTH, HEIGHT);
      break;
    case TABLE:
      crm_chart_table_draw (chart->data, &table, style, cr, WIDTH, HEIGHT);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* How many pixels of @surface are not @background. */
static guint
count_drawn (cairo_surface_t *surface,
             CrmColor         background)
{
  guint drawn = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      drawn += crm_chart_fixture_color_distance (crm_chart_fixture_pixel (surface, x, y), background) > 0.1;
  return drawn;
}

/* Draws @chart once to warm up, its time in @first, then @runs times;
 * returns the median of those. */
static double
time_chart (const Chart          *chart,
            const CrmRenderStyle *style,
            cairo_surface_t      *surface,
            guint                 runs,
            double               *first)
{
  g_autofree double *times = g_new (double, runs);
  CrmColor background = crm_render_style_get_background (style);

  for (guint i = 0; i <= runs; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 started;
      double ms;

      crm_render_set_color (cr, background);
      cairo_paint (cr);
      started = g_get_monotonic_time ();
      draw_chart (chart, style, cr);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        g_error ("%s left cairo in an error state: %s", chart->name, cairo_status_to_string (cairo_status (cr)));
      cairo_destroy (cr);

      if (i == 0)
        {
          /* A chart that fell back to its “no data” message draws a
           * line of text; a chart draws far more. */
          guint drawn = count_drawn (surface, background);

          if (drawn < WIDTH * HEIGHT / 50)
            g_error ("%s drew only %u pixels: no chart", chart->name, drawn);
          *first = ms;
        }
      else
        times[i - 1] = ms;
    }
  return crm_chart_fixture_median (times, runs);
}

int
main (int   argc,
      char *argv[])
{
  const char *runs_variable = g_getenv ("BENCH_RUNS");
  guint runs = runs_variable ? (guint) g_ascii_strtoull (runs_variable, NULL, 10) : 200;
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmKpiTileData) tile = crm_chart_fixture_revenue_tile ();
  g_autoptr(CrmChartData) revenue = monthly_revenue ();
  g_autoptr(CrmChartData) touchpoints = channel_touchpoints ();
  g_autoptr(CrmChartData) rfm = segments ();
  g_autoptr(CrmChartData) funnel = sales_funnel ();
  g_autoptr(CrmChartData) journeys = journey_map ();
  g_autoptr(CrmSankeyData) flow = channel_flow ();
  g_autoptr(CrmChartData) customers = customer_revenue ();
  g_autofree char *sankey_what = g_strdup_printf ("%u nodes in %u columns, %u links",
                                                  crm_sankey_data_get_n_nodes (flow),
                                                  crm_sankey_data_get_n_columns (flow),
                                                  crm_sankey_data_get_n_links (flow));
  const Chart charts[] = {
    { KPI_TILE, "kpi_tile", "value, change, target, 12-month sparkline", tile },
    { LINE, "line", "3 series x 12 months", revenue },
    { AREA, "area", "3 series x 12 months", revenue },
    { BAR_GROUPED, "bar_grouped", "3 series x 8 channels, vertical", touchpoints },
    { BAR_STACKED, "bar_stacked", "3 series x 8 channels, vertical", touchpoints },
    { BAR_HORIZONTAL, "bar_horizontal", "3 series x 8 channels, grouped", touchpoints },
    { DONUT, "donut", "8 segments", rfm },
    { FUNNEL, "funnel", "5 stages", funnel },
    { HEAT_GRID, "heat_grid", "5 stages x 8 channels, a detail line a cell", journeys },
    { SANKEY, "sankey", sankey_what, flow },
    { TABLE, "table", "12 customers x 3 channels, and totals", customers },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  const Chart *slowest = NULL;
  double slowest_ms = 0;
  guint over_budget = 0;

  setlocale (LC_ALL, "");
  /* Figures grouped, as most users see them (the tests' environment has
   * C.UTF-8, which does not group). */
  crm_chart_fixture_use_locale ("en_US.UTF-8");
  if (runs == 0)
    g_error ("BENCH_RUNS must be a whole number above 0, not “%s”", runs_variable);

  g_print ("data: %dx%d ARGB32 image, light style, %s, locale %s; the drawing call alone, "
           "median of %u runs after one warm-up; labels in Latin, Cyrillic, Chinese and Arabic script\n",
           WIDTH, HEIGHT, crm_render_style_get_font (style), setlocale (LC_NUMERIC, NULL), runs);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      double first = 0, ms = time_chart (&charts[i], style, surface, runs, &first);

      g_print ("figure: chart_render_ms_%s %.2f ms (%s; first run %.2f ms)\n",
               charts[i].name, ms, charts[i].what, first);
      if (slowest == NULL || ms > slowest_ms)
        {
          slowest = &charts[i];
          slowest_ms = ms;
        }
      over_budget += ms > BUDGET_MS;
    }
  g_print ("figure: chart_render_ms %.2f ms (the slowest, %s; budget %.0f ms, %u over)\n",
           slowest_ms, slowest->name, BUDGET_MS, over_budget);
  cairo_surface_destroy (surface);
  return 0;
}
