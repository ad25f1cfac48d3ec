/* crm-report-dashboard.c: the dashboard printed: the KPI tiles as one
 * block, then each of the dashboard's charts whole on a page, from the
 * same chart data (crm-dashboard-data.h) and drawing functions as the
 * dashboard page.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-bar-chart.h"
#include "crm-dashboard-data.h"
#include "crm-donut-chart.h"
#include "crm-funnel-chart.h"
#include "crm-kpi-format.h"
#include "crm-kpi-tile.h"
#include "crm-line-chart.h"
#include "crm-report-dashboard.h"

/* The tiles, in the dashboard's reading order. */
static const CrmKpi tile_kpis[] = {
  CRM_KPI_CUSTOMERS, CRM_KPI_NEW_CUSTOMERS, CRM_KPI_ACTIVE_CUSTOMERS, CRM_KPI_REVENUE,
  CRM_KPI_AVERAGE_ORDER_VALUE, CRM_KPI_CONVERSION_RATE, CRM_KPI_RETENTION_RATE, CRM_KPI_AVERAGE_SATISFACTION,
};

/* As on the dashboard: at most this many customers of an owner, the rest
 * in one row. */
#define MAX_CUSTOMERS 12

#define TILE_COLUMNS 4
#define TILE_GAP 8.0
/* A tile's height over its width. */
#define TILE_RATIO 0.62
/* A chart's height over the printable width. */
#define CHART_RATIO 0.5
/* Tiles are drawn this much smaller than on screen: a quarter of a
 * page's width is narrower than a tile on the dashboard, and the longer
 * KPI names would be cut short. */
#define TILE_SCALE 0.8

typedef enum
{
  KIND_LINE,
  KIND_COLUMNS,
  KIND_BARS,
  KIND_DONUT,
  KIND_FUNNEL,
} ChartKind;

typedef struct
{
  ChartKind     kind;
  CrmChartData *data;
} Chart;

static void
chart_free (gpointer user_data)
{
  Chart *chart = user_data;

  crm_chart_data_unref (chart->data);
  g_free (chart);
}

static void
draw_chart (cairo_t              *cr,
            const CrmRenderStyle *style,
            double                width,
            double                height,
            gpointer              user_data)
{
  Chart *chart = user_data;

  switch (chart->kind)
    {
    case KIND_LINE:
      crm_line_chart_draw (chart->data, style, FALSE, cr, width, height);
      break;
    case KIND_COLUMNS:
      crm_bar_chart_draw (chart->data, style, CRM_BAR_LAYOUT_VERTICAL, cr, width, height);
      break;
    case KIND_BARS:
      crm_bar_chart_draw (chart->data, style, CRM_BAR_LAYOUT_HORIZONTAL, cr, width, height);
      break;
    case KIND_DONUT:
      crm_donut_chart_draw (chart->data, style, cr, width, height);
      break;
    case KIND_FUNNEL:
      crm_funnel_chart_draw (chart->data, style, cr, width, height);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The tiles in rows of four, in the reading direction. */
static void
draw_tiles (cairo_t              *cr,
            const CrmRenderStyle *style,
            double                width,
            double                height,
            gpointer              user_data)
{
  GPtrArray *tiles = user_data;
  guint rows = (tiles->len + TILE_COLUMNS - 1) / TILE_COLUMNS;
  double tile_width = (width - TILE_GAP * (TILE_COLUMNS - 1)) / TILE_COLUMNS;
  double tile_height = (height - TILE_GAP * (rows - 1)) / MAX (rows, 1);
  gboolean rtl = crm_render_style_is_rtl (style);

  for (guint i = 0; i < tiles->len; i++)
    {
      guint column = i % TILE_COLUMNS, row = i / TILE_COLUMNS;
      double x = column * (tile_width + TILE_GAP);

      if (rtl)
        x = width - x - tile_width;
      cairo_save (cr);
      cairo_translate (cr, x, row * (tile_height + TILE_GAP));
      cairo_rectangle (cr, 0, 0, tile_width, tile_height);
      cairo_clip (cr);
      cairo_scale (cr, TILE_SCALE, TILE_SCALE);
      crm_kpi_tile_draw (g_ptr_array_index (tiles, i), style, cr, tile_width / TILE_SCALE, tile_height / TILE_SCALE);
      cairo_restore (cr);
    }
}

static void
add_chart (CrmReport    *report,
           const char   *title,
           ChartKind     kind,
           CrmChartData *data)
{
  Chart *chart;

  if (data == NULL)
    return;
  chart = g_new0 (Chart, 1);
  chart->kind = kind;
  chart->data = data;
  crm_report_add_chart (report, title, CHART_RATIO, draw_chart, chart, chart_free);
}

static const char *
level_name (CrmKpiLevel level)
{
  switch (level)
    {
    case CRM_KPI_LEVEL_REGION:
      return _("Region");
    case CRM_KPI_LEVEL_SEGMENT:
      return _("Segment");
    case CRM_KPI_LEVEL_OWNER:
      return _("Owner");
    case CRM_KPI_LEVEL_CUSTOMER:
      return _("Customer");
    case CRM_KPI_LEVEL_COMPANY:
    default:
      return _("Company");
    }
}

/**
 * crm_report_dashboard_build_from_table:
 * @table: the figures of a scope and period, as crm_store_compute_kpis()
 *   gives them
 * @options: the company and currency
 *
 * Returns: (transfer full): the dashboard of @table as a report
 */
CrmReport *
crm_report_dashboard_build_from_table (CrmKpiTable            *table,
                                       const CrmReportOptions *options)
{
  CrmReport *report = crm_reports_new_report (_("Dashboard"), options);
  g_autofree char *currency = crm_reports_currency (options);
  g_autofree char *period = crm_period_format (crm_kpi_table_get_period (table));
  g_autofree char *previous = crm_period_format (crm_kpi_table_get_previous_period (table));
  g_autofree char *subtitle = NULL;
  g_autofree char *revenue_title = NULL;
  g_autofree char *customers_title = NULL;
  CrmKpiLevel child_level = crm_kpi_table_get_child_level (table);
  gboolean has_children = crm_kpi_table_get_n_children (table) > 0;
  GPtrArray *tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_kpi_tile_data_unref);
  guint rows = (G_N_ELEMENTS (tile_kpis) + TILE_COLUMNS - 1) / TILE_COLUMNS;
  double tiles_ratio;

  /* Translators: a dashboard report's subtitle: "North · 2025, compared with 2024" */
  subtitle = g_strdup_printf (_("%s · %s, compared with %s"),
                              crm_kpi_scope_get_label (crm_kpi_table_get_scope (table)), period, previous);
  crm_report_set_subtitle (report, subtitle);

  for (guint i = 0; i < G_N_ELEMENTS (tile_kpis); i++)
    g_ptr_array_add (tiles, crm_dashboard_data_tile (table, tile_kpis[i], currency));
  /* Each tile about TILE_RATIO as high as wide, the gaps aside. */
  tiles_ratio = rows * TILE_RATIO / TILE_COLUMNS;
  crm_report_add_chart (report, _("Key Figures"), tiles_ratio, draw_tiles, tiles,
                        (GDestroyNotify) g_ptr_array_unref);

  /* Translators: a chart's title: revenue by region, owner, customer… */
  revenue_title = g_strdup_printf (_("Revenue by %s"), level_name (child_level));
  /* Translators: a chart's title: customers by region, owner… */
  customers_title = g_strdup_printf (_("Customers by %s"), level_name (child_level));

  add_chart (report, _("Revenue over Time"), KIND_LINE, crm_dashboard_data_over_time (table, CRM_KPI_REVENUE, currency));
  if (has_children)
    {
      add_chart (report, revenue_title, KIND_BARS, crm_dashboard_data_children (table, CRM_KPI_REVENUE, currency));
      add_chart (report, customers_title, KIND_DONUT, crm_dashboard_data_children (table, CRM_KPI_CUSTOMERS, currency));
    }
  add_chart (report, _("Touchpoints by Channel"), KIND_COLUMNS,
             crm_dashboard_data_channels (table, CRM_KPI_TOUCHPOINTS_PER_CUSTOMER));
  add_chart (report, _("New Customers by Stage"), KIND_FUNNEL, crm_dashboard_data_funnel (table));
  add_chart (report, _("Satisfaction by Channel"), KIND_BARS,
             crm_dashboard_data_channels (table, CRM_KPI_AVERAGE_SATISFACTION));
  add_chart (report, _("Customers by RFM Segment"), KIND_DONUT, crm_dashboard_data_rfm (table));
  /* On paper, a page saying there are no targets is a page wasted. */
  if (crm_kpi_table_get_measures (table, CRM_KPI_TABLE_SCOPE, FALSE)[CRM_KPI_MEASURE_TARGETS] > 0)
    add_chart (report, _("Target Attainment"), KIND_BARS, crm_dashboard_data_targets (table));
  return report;
}

/**
 * crm_report_dashboard_compute:
 *
 * The figures the dashboard report shows, computed as the dashboard page
 * computes them: the scope's children one level down, an owner's top
 * customers and the rest in one row.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
CrmKpiTable *
crm_report_dashboard_compute (CrmStore                *store,
                              const CrmReportOptions  *options,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_autoptr(CrmKpiScope) scope = options->scope != NULL ? crm_kpi_scope_copy (options->scope)
                                                        : crm_kpi_scope_new_company ();
  g_autoptr(CrmPeriod) period = crm_reports_period (options);
  CrmKpiLevel child_level = crm_kpi_scope_get_default_child_level (scope);

  if (!crm_kpi_scope_can_drill (scope, child_level))
    child_level = crm_kpi_scope_get_level (scope);
  return crm_store_compute_kpis (store, scope, period, child_level, MAX_CUSTOMERS, cancellable, error);
}

/**
 * crm_report_dashboard_build:
 *
 * Returns: (transfer full): the dashboard of @options' scope (the company
 *   without one) and period as a report, or %NULL with @error set
 */
CrmReport *
crm_report_dashboard_build (CrmStore                *store,
                            const CrmReportOptions  *options,
                            GCancellable            *cancellable,
                            CrmProgressFunc          progress,
                            gpointer                 progress_data,
                            GError                 **error)
{
  g_autoptr(CrmKpiTable) table = crm_report_dashboard_compute (store, options, cancellable, error);

  if (table == NULL)
    return NULL;
  if (progress != NULL)
    progress (1, 1, progress_data);
  return crm_report_dashboard_build_from_table (table, options);
}
