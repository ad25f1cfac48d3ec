/* crm-dashboard-data.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-dashboard-data.h"
#include "crm-kpi-format.h"

/* How many buckets of the period have begun: the rest of "this year" is
 * still to come, and showing it as nothing sold would read as a collapse. */
static guint
buckets_begun (CrmKpiBreakdown *breakdown)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n = crm_kpi_breakdown_get_n_buckets (breakdown, FALSE);

  while (n > 1 && crm_kpi_breakdown_get_bucket_start (breakdown, n - 1, FALSE) > now)
    n--;
  return n;
}

static CrmChartData *chart_data (CrmValueKind  kind,
                                 const char   *currency);

/* A chart of @kind in @currency with two series: the period and the
 * previous one, named by their dates. */
static CrmChartData *
comparison_data (CrmKpiTable  *table,
                 CrmValueKind  kind,
                 const char   *currency)
{
  CrmChartData *data = chart_data (kind, currency);
  g_autofree char *period = crm_period_format (crm_kpi_table_get_period (table));
  g_autofree char *previous = crm_period_format (crm_kpi_table_get_previous_period (table));

  crm_chart_data_add_series (data, period);
  crm_chart_data_add_series (data, previous);
  return data;
}

/* A chart of @kind in @currency. */
static CrmChartData *
chart_data (CrmValueKind  kind,
            const char   *currency)
{
  CrmChartData *data = crm_chart_data_new (kind);

  if (currency != NULL)
    crm_chart_data_set_currency (data, currency);
  return data;
}

/**
 * crm_dashboard_data_tile:
 *
 * Returns: (transfer full): the tile of @kpi: the scope's value, the
 *   previous period's, the target, and the value over the period as a
 *   sparkline where the KPI has one
 */
CrmKpiTileData *
crm_dashboard_data_tile (CrmKpiTable *table,
                         CrmKpi       kpi,
                         const char  *currency)
{
  CrmKpiTileData *tile = crm_kpi_tile_data_new (crm_kpi_get_name (kpi), crm_kpi_value_kind (kpi));
  CrmKpiBreakdown *breakdown = crm_kpi_table_get_breakdown (table);
  double target;

  if (currency != NULL)
    crm_kpi_tile_data_set_currency (tile, currency);
  crm_kpi_tile_data_set_higher_is_better (tile, crm_kpi_get_info (kpi)->higher_is_better);
  crm_kpi_tile_data_set_value (tile, crm_kpi_display_value (kpi, crm_kpi_table_get_value (table, CRM_KPI_TABLE_SCOPE,
                                                                                            kpi, FALSE)));
  crm_kpi_tile_data_set_previous (tile, crm_kpi_display_value (kpi, crm_kpi_table_get_value (table, CRM_KPI_TABLE_SCOPE,
                                                                                               kpi, TRUE)));
  if (crm_kpi_table_get_target (table, kpi, &target))
    crm_kpi_tile_data_set_target (tile, crm_kpi_display_value (kpi, target));
  if (breakdown != NULL && crm_kpi_breakdown_has_kpi_over_time (kpi))
    {
      guint n = buckets_begun (breakdown);
      g_autofree double *values = g_new (double, n);

      for (guint b = 0; b < n; b++)
        values[b] = crm_kpi_display_value (kpi, crm_kpi_breakdown_get_bucket_value (breakdown, b, kpi, FALSE));
      crm_kpi_tile_data_set_sparkline (tile, values, n);
    }
  return tile;
}

/* Returns: (transfer full): one series, @kpi for each child of the table */
CrmChartData *
crm_dashboard_data_children (CrmKpiTable *table,
                             CrmKpi       kpi,
                             const char  *currency)
{
  CrmChartData *data = chart_data (crm_kpi_value_kind (kpi), currency);
  guint series = crm_chart_data_add_series (data, crm_kpi_get_name (kpi));

  for (guint i = 0; i < crm_kpi_table_get_n_children (table); i++)
    {
      guint category = crm_chart_data_add_category (data, crm_kpi_table_get_child_label (table, i));

      crm_chart_data_set_value (data, series, category,
                                crm_kpi_display_value (kpi, crm_kpi_table_get_value (table, i, kpi, FALSE)));
    }
  return data;
}

/* A bucket's name on the time axis: the day of the month, the first day
 * of a week, the month. */
static char *
bucket_label (CrmKpiBucket bucket,
              gint64       start)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (start);

  switch (bucket)
    {
    case CRM_KPI_BUCKET_DAY:
      return g_date_time_format (date, "%e");
    case CRM_KPI_BUCKET_WEEK:
      /* Translators: a week on a chart's time axis, by its first day, as
       * g_date_time_format() takes it: "3 Mar". */
      return g_date_time_format (date, C_("week on a time axis", "%e %b"));
    case CRM_KPI_BUCKET_MONTH:
    default:
      return g_date_time_format (date, "%b");
    }
}

/**
 * crm_dashboard_data_over_time:
 *
 * Returns: (transfer full): @kpi through the period, by day, week or
 *   month, up to now, and through the previous period on the same axis
 *   (its first bucket beside the period's first); %NULL without a breakdown or for a
 *   KPI with no value over time
 */
CrmChartData *
crm_dashboard_data_over_time (CrmKpiTable *table,
                              CrmKpi       kpi,
                              const char  *currency)
{
  CrmKpiBreakdown *breakdown = crm_kpi_table_get_breakdown (table);
  CrmChartData *data;
  guint n, begun, n_previous;

  if (breakdown == NULL || !crm_kpi_breakdown_has_kpi_over_time (kpi))
    return NULL;
  data = comparison_data (table, crm_kpi_value_kind (kpi), currency);
  n = crm_kpi_breakdown_get_n_buckets (breakdown, FALSE);
  begun = buckets_begun (breakdown);
  n_previous = crm_kpi_breakdown_get_n_buckets (breakdown, TRUE);
  for (guint b = 0; b < n; b++)
    {
      g_autofree char *label = bucket_label (crm_kpi_breakdown_get_bucket (breakdown),
                                             crm_kpi_breakdown_get_bucket_start (breakdown, b, FALSE));
      guint category = crm_chart_data_add_category (data, label);

      if (b < begun)
        crm_chart_data_set_value (data, 0, category,
                                  crm_kpi_display_value (kpi, crm_kpi_breakdown_get_bucket_value (breakdown, b, kpi,
                                                                                                     FALSE)));
      /* A shorter previous month leaves its last days missing. */
      if (b < n_previous)
        crm_chart_data_set_value (data, 1, category,
                                  crm_kpi_display_value (kpi, crm_kpi_breakdown_get_bucket_value (breakdown, b, kpi,
                                                                                                     TRUE)));
    }
  return data;
}

/**
 * crm_dashboard_data_channels:
 * @kpi: %CRM_KPI_AVERAGE_SATISFACTION, or any other for the touchpoints
 *
 * Returns: (transfer full): touchpoints or average satisfaction by
 *   channel, the period and the previous one; %NULL without a breakdown
 */
CrmChartData *
crm_dashboard_data_channels (CrmKpiTable *table,
                             CrmKpi       kpi)
{
  CrmKpiBreakdown *breakdown = crm_kpi_table_get_breakdown (table);
  gboolean satisfaction = kpi == CRM_KPI_AVERAGE_SATISFACTION;
  CrmChartData *data;

  if (breakdown == NULL)
    return NULL;
  data = comparison_data (table, satisfaction ? crm_kpi_value_kind (kpi) : CRM_VALUE_COUNT, NULL);
  for (guint c = 0; c < crm_kpi_breakdown_get_n_channels (breakdown); c++)
    {
      guint category = crm_chart_data_add_category (data, crm_kpi_breakdown_get_channel_name (breakdown, c));

      for (guint p = 0; p < 2; p++)
        {
          const gint64 *measures = crm_kpi_breakdown_get_channel_measures (breakdown, c, p);

          crm_chart_data_set_value (data, p, category,
                                    satisfaction ? crm_kpi_compute (kpi, measures)
                                                 : (double) measures[CRM_KPI_MEASURE_TOUCHPOINTS]);
        }
    }
  return data;
}

/* Returns: (transfer full): the stage funnel of the period's new
 *   customers; %NULL without a breakdown */
CrmChartData *
crm_dashboard_data_funnel (CrmKpiTable *table)
{
  CrmKpiBreakdown *breakdown = crm_kpi_table_get_breakdown (table);
  CrmChartData *data;
  guint series;

  if (breakdown == NULL)
    return NULL;
  data = chart_data (CRM_VALUE_COUNT, NULL);
  series = crm_chart_data_add_series (data, _("Customers"));
  for (CrmKpiFunnelStep step = 0; step < CRM_N_KPI_FUNNEL_STEPS; step++)
    crm_chart_data_set_value (data, series, crm_chart_data_add_category (data, crm_kpi_funnel_step_get_name (step)),
                              (double) crm_kpi_breakdown_get_funnel_step (breakdown, step, FALSE));
  return data;
}

/* Returns: (transfer full): the scope's customers in each RFM segment */
CrmChartData *
crm_dashboard_data_rfm (CrmKpiTable *table)
{
  CrmChartData *data = chart_data (CRM_VALUE_COUNT, NULL);
  const gint64 *measures = crm_kpi_table_get_measures (table, CRM_KPI_TABLE_SCOPE, FALSE);
  guint series = crm_chart_data_add_series (data, _("Customers"));

  for (CrmRfmSegment segment = 0; segment <= CRM_RFM_SEGMENT_LOST; segment++)
    crm_chart_data_set_value (data, series, crm_chart_data_add_category (data, crm_rfm_segment_get_name (segment)),
                              (double) measures[CRM_KPI_MEASURE_RFM_CHAMPIONS + segment]);
  return data;
}

/* Returns: (transfer full): the attainment of every KPI with a target */
CrmChartData *
crm_dashboard_data_targets (CrmKpiTable *table)
{
  CrmChartData *data = chart_data (CRM_VALUE_PERCENT, NULL);
  guint series = crm_chart_data_add_series (data, _("Attainment"));

  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    {
      double target;

      if (kpi == CRM_KPI_TARGET_ATTAINMENT || !crm_kpi_table_get_target (table, kpi, &target))
        continue;
      crm_chart_data_set_value (data, series, crm_chart_data_add_category (data, crm_kpi_get_name (kpi)),
                                crm_kpi_table_get_attainment (table, kpi));
    }
  return data;
}
