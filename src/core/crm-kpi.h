/* crm-kpi.h: what each KPI is and how it adds up.
 *
 * Every KPI is computed from measures: counts and sums that add up from
 * customers to owners to regions to the company (new customers, rated
 * touchpoints, the sum of their ratings, …). A KPI is either one measure
 * (a sum) or the quotient of two (a ratio of sums), never an average of
 * averages, so that a level's figure always equals what its children's
 * measures add up to. */
#pragma once

#include <glib.h>

#include "crm-enums.h"

G_BEGIN_DECLS

/* The measures KPIs are made of, for one scope and one period. */
typedef enum
{
  CRM_KPI_MEASURE_NONE = -1,
  CRM_KPI_MEASURE_CUSTOMERS,      /* customers created before the period's end */
  CRM_KPI_MEASURE_NEW_CUSTOMERS,  /* … created in the period */
  CRM_KPI_MEASURE_CONVERTED,      /* new customers now at the customer stage or beyond */
  CRM_KPI_MEASURE_COMPLETE,       /* customers with the minimum data: a name and an e-mail or phone */
  CRM_KPI_MEASURE_ACTIVE,         /* customers with a touchpoint in the period */
  CRM_KPI_MEASURE_RETAINED,       /* … who were active in the previous period too */
  CRM_KPI_MEASURE_ACTIVE_BEFORE,  /* customers active in the previous period */
  CRM_KPI_MEASURE_LOST,           /* active before but not in the period */
  CRM_KPI_MEASURE_TOUCHPOINTS,
  CRM_KPI_MEASURE_RATED,          /* touchpoints with a satisfaction rating */
  CRM_KPI_MEASURE_SATISFACTION,   /* the sum of those ratings */
  CRM_KPI_MEASURE_ORDERS,         /* completed transactions */
  CRM_KPI_MEASURE_REVENUE,        /* their amounts, in minor units */
  CRM_KPI_MEASURE_RFM_SCORED,     /* customers with RFM scores (who ever bought) */
  CRM_KPI_MEASURE_RFM_CHAMPIONS,  /* one per CrmRfmSegment, in its order */
  CRM_KPI_MEASURE_RFM_LOYAL,
  CRM_KPI_MEASURE_RFM_POTENTIAL_LOYALISTS,
  CRM_KPI_MEASURE_RFM_NEW,
  CRM_KPI_MEASURE_RFM_AT_RISK,
  CRM_KPI_MEASURE_RFM_CANT_LOSE,
  CRM_KPI_MEASURE_RFM_HIBERNATING,
  CRM_KPI_MEASURE_RFM_LOST,
  CRM_KPI_MEASURE_TARGETS,        /* KPIs with a target for the scope and period */
  CRM_KPI_MEASURE_TARGETS_MET,
  CRM_N_KPI_MEASURES,
} CrmKpiMeasure;

typedef struct
{
  CrmKpi             kpi;
  const char        *id;           /* stable, stored with targets */
  const char        *name;         /* untranslated; see crm_kpi_get_name() */
  const char        *description;  /* untranslated */
  CrmKpiUnit         unit;
  CrmKpiAggregation  aggregation;
  CrmKpiMeasure      numerator;
  CrmKpiMeasure      denominator;  /* NONE for a sum */
  gboolean           higher_is_better;
  gboolean           per_period;   /* FALSE: a snapshot as of the last RFM refresh */
} CrmKpiInfo;

const CrmKpiInfo *crm_kpi_get_info        (CrmKpi         kpi);
const char       *crm_kpi_get_name        (CrmKpi         kpi);
const char       *crm_kpi_get_description (CrmKpi         kpi);
CrmKpi            crm_kpi_from_id         (const char    *id);
double            crm_kpi_compute         (CrmKpi         kpi,
                                           const gint64  *measures);
double            crm_kpi_attainment      (CrmKpi         kpi,
                                           double         target,
                                           double         actual);
gboolean          crm_kpi_target_met      (CrmKpi         kpi,
                                           double         target,
                                           double         actual);
const char       *crm_rfm_segment_get_name (CrmRfmSegment segment);
const char       *crm_rfm_segment_get_id   (CrmRfmSegment segment);

G_END_DECLS
