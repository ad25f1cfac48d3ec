/* crm-report-journeys.c: the Journeys view printed, from the same figures
 * (crm-journeys-data.h): the journey map as a heat grid whose cells print
 * their values, the most common paths and the moments of truth as tables,
 * and the channel flow as a Sankey diagram.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-heat-grid.h"
#include "crm-journeys-data.h"
#include "crm-report-journeys.h"
#include "crm-sankey.h"

#define MAP_RATIO 0.62
#define FLOW_RATIO 0.6

typedef struct
{
  CrmChartData       *data;
  CrmJourneyAnalysis *analysis;
} MapChart;

static void
map_chart_free (gpointer user_data)
{
  MapChart *chart = user_data;

  crm_chart_data_unref (chart->data);
  g_object_unref (chart->analysis);
  g_free (chart);
}

static char *
cell_detail (guint    row,
             guint    column,
             gpointer user_data)
{
  return crm_journeys_data_cell_detail (user_data, row, column);
}

static void
draw_map (cairo_t              *cr,
          const CrmRenderStyle *style,
          double                width,
          double                height,
          gpointer              user_data)
{
  MapChart *chart = user_data;
  CrmHeatGridOptions options = { cell_detail, chart->analysis, _("No touchpoints") };

  crm_heat_grid_draw (chart->data, &options, style, cr, width, height);
}

static void
draw_flow (cairo_t              *cr,
           const CrmRenderStyle *style,
           double                width,
           double                height,
           gpointer              user_data)
{
  crm_sankey_draw (user_data, style, cr, width, height);
}

static void
add_paths (CrmReport          *report,
           CrmJourneyAnalysis *analysis)
{
  enum { RANK, STEPS, CUSTOMERS, SHARE, BOUGHT, STAYED, N_COLUMNS };
  static const double widths[N_COLUMNS] = { 0.05, 0.51, 0.12, 0.10, 0.11, 0.11 };
  static const CrmReportAlign aligns[N_COLUMNS] = {
    CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_END,
    CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END,
  };
  const char *headers[N_COLUMNS] = { "#", _("Path"), _("Customers"), _("Share"), _("Bought"), _("Stayed") };
  guint n = crm_journeys_data_n_top_paths (analysis);
  CrmReportTable *table;

  crm_report_add_heading (report, _("Top Paths"));
  crm_report_add_paragraph (report, _("The most common paths to the first purchase (or, for those who never bought, "
                                      "their whole journeys), a step repeated in a row counted once."));
  table = crm_report_add_table (report, N_COLUMNS, headers, widths, aligns);
  for (guint path = 0; path < n; path++)
    {
      g_auto(CrmJourneysPathRow) figures = { 0, };
      g_autofree char *rank = NULL, *count = NULL, *share = NULL, *converted = NULL, *retained = NULL;
      const char *cells[N_COLUMNS];

      crm_journeys_data_path_row (analysis, path, &figures);
      rank = g_strdup_printf ("%u", path + 1);
      count = crm_journeys_format_count (figures.customers);
      share = crm_journeys_format_share (figures.share);
      converted = crm_journeys_format_share (figures.converted);
      retained = crm_journeys_format_share (figures.retained);
      cells[RANK] = rank;
      cells[STEPS] = figures.steps;
      cells[CUSTOMERS] = count;
      cells[SHARE] = share;
      cells[BOUGHT] = converted;
      cells[STAYED] = retained;
      crm_report_table_add_row (table, cells);
    }
}

static void
add_moments (CrmReport          *report,
             CrmJourneyAnalysis *analysis)
{
  /* The view's "Never" column is left out: the page is narrower than the
   * view, and "Bought" compares with the others already. */
  enum { RANK, NAME, STAGE, WITH, BOUGHT, CONVERSION_LIFT, RETENTION_LIFT, SATISFACTION, N_COLUMNS };
  static const double widths[N_COLUMNS] = { 0.05, 0.19, 0.14, 0.08, 0.17, 0.12, 0.12, 0.13 };
  static const CrmReportAlign aligns[N_COLUMNS] = {
    CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_END,
    CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END,
  };
  const char *headers[N_COLUMNS] = {
    "#", _("Touchpoint"), _("Stage"), _("Had It"), _("Bought"),
    _("Conversion Lift"), _("Retention Lift"), _("Satisfaction"),
  };
  guint n = crm_journey_analysis_get_n_types (analysis);
  gboolean any_small = FALSE, any_flagged = FALSE;
  CrmReportTable *table;

  crm_report_add_heading (report, _("Moments of Truth, Measured"));
  crm_report_add_paragraph (report, _("Every touchpoint type, ranked by how much more often the customers who had it "
                                      "before buying bought than those who did not (awareness, consideration and "
                                      "purchase types), or the buyers who had it afterwards bought again (service "
                                      "and loyalty types)."));
  table = crm_report_add_table (report, N_COLUMNS, headers, widths, aligns);
  for (guint rank = 0; rank < n; rank++)
    {
      CrmJourneysMomentRow figures = { 0, };
      g_autofree char *rank_text = NULL, *name = NULL, *with = NULL;
      g_autofree char *conversion_with = NULL, *conversion_without = NULL, *bought = NULL;
      g_autofree char *conversion_lift = NULL, *retention_lift = NULL, *satisfaction = NULL;
      const char *cells[N_COLUMNS];

      crm_journeys_data_moment_row (analysis, rank, &figures);
      rank_text = g_strdup_printf ("%u", rank + 1);
      /* The view's tags as marks a black-and-white page keeps: ★ for
       * the user's own flag, † for a small sample, explained below. */
      name = g_strdup_printf ("%s%s%s", figures.name, figures.flagged ? " ★" : "", figures.small_sample ? " †" : "");
      any_flagged |= figures.flagged;
      any_small |= figures.small_sample;
      with = crm_journeys_format_count (figures.with);
      conversion_with = crm_journeys_format_share (figures.conversion_with);
      conversion_without = crm_journeys_format_share (figures.conversion_without);
      /* Translators: the share of those who had a touchpoint who bought
       * against that of the others: “42.0 % vs 18.0 %” */
      bought = g_strdup_printf (_("%s vs %s"), conversion_with, conversion_without);
      conversion_lift = crm_journeys_format_lift (figures.conversion_lift);
      retention_lift = crm_journeys_format_lift (figures.retention_lift);
      satisfaction = crm_journeys_format_difference (figures.satisfaction_effect);
      cells[RANK] = rank_text;
      cells[NAME] = name;
      cells[STAGE] = figures.stage != NULL ? figures.stage : "";
      cells[WITH] = with;
      cells[BOUGHT] = bought;
      cells[CONVERSION_LIFT] = conversion_lift;
      cells[RETENTION_LIFT] = retention_lift;
      cells[SATISFACTION] = satisfaction;
      crm_report_table_add_row (table, cells);
    }
  if (any_flagged)
    crm_report_add_paragraph (report, _("★ Marked a moment of truth by you."));
  if (any_small)
    crm_report_add_paragraph (report, _("† Small sample: too few customers had it or did not for the figures to be "
                                        "reliable."));
}

/**
 * crm_report_journeys_build:
 *
 * The journey analysis of @options' segment (every customer without one)
 * in its period (this year without one).
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
CrmReport *
crm_report_journeys_build (CrmStore                *store,
                           const CrmReportOptions  *options,
                           GCancellable            *cancellable,
                           CrmProgressFunc          progress,
                           gpointer                 progress_data,
                           GError                 **error)
{
  g_autoptr(CrmPeriod) period = crm_reports_period (options);
  g_autoptr(CrmJourneyAnalysis) analysis = NULL;
  g_autoptr(CrmReport) report = NULL;
  g_autofree char *period_text = crm_period_format (period);
  g_autofree char *subtitle = NULL;
  g_autofree char *summary = NULL;

  analysis = crm_store_analyze_journeys (store, options->segment, period, cancellable, progress, progress_data, error);
  if (analysis == NULL)
    return NULL;

  report = crm_reports_new_report (_("Journey Analysis"), options);
  if (options->segment != NULL)
    /* Translators: a journey report's subtitle: "Segment Enterprise · 2025" */
    subtitle = g_strdup_printf (_("Segment %s · %s"), options->segment, period_text);
  else
    subtitle = g_strdup_printf (_("All customers · %s"), period_text);
  crm_report_set_subtitle (report, subtitle);

  if (crm_journey_analysis_get_customers (analysis) == 0)
    {
      crm_report_add_paragraph (report, _("No customer had a touchpoint in this period."));
      return g_steal_pointer (&report);
    }
  summary = crm_journeys_data_summary (analysis);
  crm_report_add_paragraph (report, summary);

  {
    MapChart *chart = g_new0 (MapChart, 1);

    chart->data = crm_journeys_data_map (analysis);
    chart->analysis = g_object_ref (analysis);
    crm_report_add_chart (report, _("Journey Map"), MAP_RATIO, draw_map, chart, map_chart_free);
  }

  add_paths (report, analysis);

  {
    g_autoptr(GArray) links = crm_journeys_data_flow_links (analysis);

    if (links->len > 0)
      crm_report_add_chart (report, _("Channel Flow"), FLOW_RATIO, draw_flow,
                            crm_journeys_data_flow (analysis, links), (GDestroyNotify) crm_sankey_data_unref);
  }

  add_moments (report, analysis);
  return g_steal_pointer (&report);
}
