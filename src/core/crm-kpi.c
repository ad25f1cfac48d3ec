/* crm-kpi.c: the KPI definitions.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-kpi.h"

#define SUM(m) CRM_KPI_AGGREGATION_SUM, CRM_KPI_MEASURE_##m, CRM_KPI_MEASURE_NONE
#define RATIO(n, d) CRM_KPI_AGGREGATION_RATIO, CRM_KPI_MEASURE_##n, CRM_KPI_MEASURE_##d

static const CrmKpiInfo kpis[CRM_N_KPIS] = {
  { CRM_KPI_CUSTOMERS, "customers", N_("Customers"),
    N_("Customers on record at the end of the period"),
    CRM_KPI_UNIT_COUNT, SUM (CUSTOMERS), TRUE, TRUE },
  { CRM_KPI_NEW_CUSTOMERS, "new-customers", N_("New customers"),
    N_("Customers added in the period"),
    CRM_KPI_UNIT_COUNT, SUM (NEW_CUSTOMERS), TRUE, TRUE },
  { CRM_KPI_ACTIVE_CUSTOMERS, "active-customers", N_("Active customers"),
    N_("Customers with at least one touchpoint in the period"),
    CRM_KPI_UNIT_COUNT, SUM (ACTIVE), TRUE, TRUE },
  { CRM_KPI_REVENUE, "revenue", N_("Revenue"),
    N_("Completed transactions in the period"),
    CRM_KPI_UNIT_MONEY, SUM (REVENUE), TRUE, TRUE },
  { CRM_KPI_AVERAGE_ORDER_VALUE, "average-order-value", N_("Average order value"),
    N_("Revenue divided by the number of completed transactions"),
    CRM_KPI_UNIT_MONEY, RATIO (REVENUE, ORDERS), TRUE, TRUE },
  { CRM_KPI_CONVERSION_RATE, "conversion-rate", N_("Conversion rate"),
    N_("Share of the customers added in the period who have become paying customers"),
    CRM_KPI_UNIT_PERCENT, RATIO (CONVERTED, NEW_CUSTOMERS), TRUE, TRUE },
  { CRM_KPI_RETENTION_RATE, "retention-rate", N_("Retention rate"),
    N_("Share of the customers active in the previous period who were active again"),
    CRM_KPI_UNIT_PERCENT, RATIO (RETAINED, ACTIVE_BEFORE), TRUE, TRUE },
  { CRM_KPI_CHURN_RATE, "churn-rate", N_("Churn rate"),
    N_("Share of the customers active in the previous period who were not active again"),
    CRM_KPI_UNIT_PERCENT, RATIO (LOST, ACTIVE_BEFORE), FALSE, TRUE },
  { CRM_KPI_AVERAGE_SATISFACTION, "average-satisfaction", N_("Average satisfaction"),
    N_("Mean rating (1 to 5) of the rated touchpoints in the period"),
    CRM_KPI_UNIT_SCORE, RATIO (SATISFACTION, RATED), TRUE, TRUE },
  { CRM_KPI_TOUCHPOINTS_PER_CUSTOMER, "touchpoints-per-customer", N_("Touchpoints per customer"),
    N_("Touchpoints in the period per active customer"),
    CRM_KPI_UNIT_RATIO, RATIO (TOUCHPOINTS, ACTIVE), TRUE, TRUE },
  { CRM_KPI_DATA_COMPLETENESS, "data-completeness", N_("Data completeness"),
    N_("Share of the customers on record with a name and an e-mail address or phone number"),
    CRM_KPI_UNIT_PERCENT, RATIO (COMPLETE, CUSTOMERS), TRUE, TRUE },
  { CRM_KPI_RFM_CHAMPIONS, "rfm-champions", N_("Champions"),
    N_("Share of the buying customers in the RFM segment Champions"),
    CRM_KPI_UNIT_PERCENT, RATIO (RFM_CHAMPIONS, RFM_SCORED), TRUE, FALSE },
  { CRM_KPI_RFM_LOYAL, "rfm-loyal", N_("Loyal"),
    N_("Share of the buying customers in the RFM segment Loyal"),
    CRM_KPI_UNIT_PERCENT, RATIO (RFM_LOYAL, RFM_SCORED), TRUE, FALSE },
  { CRM_KPI_RFM_POTENTIAL_LOYALISTS, "rfm-potential-loyalists", N_("Potential loyalists"),
    N_("Share of the buying customers in the RFM segment Potential loyalists"),
    CRM_KPI_UNIT_PERCENT, RATIO (RFM_POTENTIAL_LOYALISTS, RFM_SCORED), TRUE, FALSE },
  { CRM_KPI_RFM_NEW, "rfm-new", N_("New"),
    N_("Share of the buying customers in the RFM segment New"),
    CRM_KPI_UNIT_PERCENT, RATIO (RFM_NEW, RFM_SCORED), TRUE, FALSE },
  { CRM_KPI_RFM_AT_RISK, "rfm-at-risk", N_("At risk"),
    N_("Share of the buying customers in the RFM segment At risk"),
    CRM_KPI_UNIT_PERCENT, RATIO (RFM_AT_RISK, RFM_SCORED), FALSE, FALSE },
  { CRM_KPI_RFM_CANT_LOSE, "rfm-cant-lose", N_("Can’t lose"),
    N_("Share of the buying customers in the RFM segment Can’t lose"),
    CRM_KPI_UNIT_PERCENT, RATIO (RFM_CANT_LOSE, RFM_SCORED), FALSE, FALSE },
  { CRM_KPI_RFM_HIBERNATING, "rfm-hibernating", N_("Hibernating"),
    N_("Share of the buying customers in the RFM segment Hibernating"),
    CRM_KPI_UNIT_PERCENT, RATIO (RFM_HIBERNATING, RFM_SCORED), FALSE, FALSE },
  { CRM_KPI_RFM_LOST, "rfm-lost", N_("Lost"),
    N_("Share of the buying customers in the RFM segment Lost"),
    CRM_KPI_UNIT_PERCENT, RATIO (RFM_LOST, RFM_SCORED), FALSE, FALSE },
  /* Each scope has targets of its own, which need not add up to the
   * parent's: this one is computed per scope and never summed. */
  { CRM_KPI_TARGET_ATTAINMENT, "target-attainment", N_("Target attainment"),
    N_("Share of the KPIs with a target for this scope and period that reached it"),
    CRM_KPI_UNIT_PERCENT, CRM_KPI_AGGREGATION_OWN, CRM_KPI_MEASURE_TARGETS_MET,
    CRM_KPI_MEASURE_TARGETS, TRUE, TRUE },
};

#undef SUM
#undef RATIO

const CrmKpiInfo *
crm_kpi_get_info (CrmKpi kpi)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, NULL);
  g_assert (kpis[kpi].kpi == kpi);
  return &kpis[kpi];
}

const char *
crm_kpi_get_name (CrmKpi kpi)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, NULL);
  return _(kpis[kpi].name);
}

const char *
crm_kpi_get_description (CrmKpi kpi)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, NULL);
  return _(kpis[kpi].description);
}

/**
 * crm_kpi_from_id:
 *
 * Returns: the KPI with this id, or -1 for none
 */
CrmKpi
crm_kpi_from_id (const char *id)
{
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < CRM_N_KPIS; i++)
    if (g_str_equal (kpis[i].id, id))
      return i;
  return -1;
}

/**
 * crm_kpi_compute:
 * @measures: (array fixed-size=CRM_N_KPI_MEASURES): one scope's measures
 *
 * Returns: the KPI's value, or NAN when its denominator is 0 (no orders,
 *   no rated touchpoints, …)
 */
double
crm_kpi_compute (CrmKpi        kpi,
                 const gint64 *measures)
{
  const CrmKpiInfo *info = crm_kpi_get_info (kpi);

  g_return_val_if_fail (info != NULL && measures != NULL, NAN);

  if (info->denominator == CRM_KPI_MEASURE_NONE)
    return (double) measures[info->numerator];
  if (measures[info->denominator] == 0)
    return NAN;
  return (double) measures[info->numerator] / (double) measures[info->denominator];
}

gboolean
crm_kpi_target_met (CrmKpi kpi,
                    double target,
                    double actual)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, FALSE);

  if (isnan (actual) || isnan (target))
    return FALSE;
  return kpis[kpi].higher_is_better ? actual >= target : actual <= target;
}

/* Far above any real attainment, where a ratio has no bound. */
#define MAX_ATTAINMENT 10.0

/**
 * crm_kpi_attainment:
 *
 * How far @actual went towards @target: 1.0 is the target exactly. For a
 * KPI where lower is better (churn) it is target ÷ actual, so above 1.0
 * still means better than the target. Capped at 10 (1000 %).
 *
 * Returns: the attainment, or NAN when it is not defined (no actual value,
 *   or a target of 0 for a KPI where higher is better)
 */
double
crm_kpi_attainment (CrmKpi kpi,
                    double target,
                    double actual)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, NAN);

  if (isnan (actual) || isnan (target))
    return NAN;
  if (kpis[kpi].higher_is_better)
    return target > 0 ? MIN (actual / target, MAX_ATTAINMENT) : NAN;
  if (actual <= 0)
    return target >= 0 ? MAX_ATTAINMENT : NAN;
  return MIN (MAX (target, 0) / actual, MAX_ATTAINMENT);
}

static const struct
{
  const char *id;
  const char *name;
} rfm_segments[] = {
  [CRM_RFM_SEGMENT_CHAMPIONS] = { "champions", N_("Champions") },
  [CRM_RFM_SEGMENT_LOYAL] = { "loyal", N_("Loyal") },
  [CRM_RFM_SEGMENT_POTENTIAL_LOYALISTS] = { "potential-loyalists", N_("Potential loyalists") },
  [CRM_RFM_SEGMENT_NEW] = { "new", N_("New") },
  [CRM_RFM_SEGMENT_AT_RISK] = { "at-risk", N_("At risk") },
  [CRM_RFM_SEGMENT_CANT_LOSE] = { "cant-lose", N_("Can’t lose") },
  [CRM_RFM_SEGMENT_HIBERNATING] = { "hibernating", N_("Hibernating") },
  [CRM_RFM_SEGMENT_LOST] = { "lost", N_("Lost") },
};

const char *
crm_rfm_segment_get_name (CrmRfmSegment segment)
{
  g_return_val_if_fail ((guint) segment < G_N_ELEMENTS (rfm_segments), NULL);
  return _(rfm_segments[segment].name);
}

const char *
crm_rfm_segment_get_id (CrmRfmSegment segment)
{
  g_return_val_if_fail ((guint) segment < G_N_ELEMENTS (rfm_segments), NULL);
  return rfm_segments[segment].id;
}
