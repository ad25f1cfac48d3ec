/* crm-kpi-breakdown.h: what a scope's period is made of, for the
 * dashboard's charts: the period cut into days, weeks or months (revenue
 * over time, the tiles' sparklines), touchpoints and satisfaction per
 * channel, and the customers who came in, by how far along the lifecycle
 * they got (the stage funnel). Each with the previous period alongside.
 * Made by crm_store_compute_kpis() with the KPI table it belongs to. */
#pragma once

#include <glib-object.h>

#include "crm-kpi.h"
#include "crm-period.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_KPI_BUCKET_DAY,
  CRM_KPI_BUCKET_WEEK,   /* seven days from the period's first */
  CRM_KPI_BUCKET_MONTH,  /* calendar months, UTC */
} CrmKpiBucket;

/* The steps of the stage funnel: of the customers who came in during the
 * period, those at least a prospect, at least a customer (churned ones
 * were customers), and advocates. */
typedef enum
{
  CRM_KPI_FUNNEL_NEW,
  CRM_KPI_FUNNEL_PROSPECT,
  CRM_KPI_FUNNEL_CUSTOMER,
  CRM_KPI_FUNNEL_ADVOCATE,
  CRM_N_KPI_FUNNEL_STEPS,
} CrmKpiFunnelStep;

#define CRM_TYPE_KPI_BREAKDOWN (crm_kpi_breakdown_get_type ())
G_DECLARE_FINAL_TYPE (CrmKpiBreakdown, crm_kpi_breakdown, CRM, KPI_BREAKDOWN, GObject)

CrmKpiBucket  crm_kpi_breakdown_get_bucket           (CrmKpiBreakdown  *self);
guint         crm_kpi_breakdown_get_n_buckets        (CrmKpiBreakdown  *self,
                                                      gboolean          previous);
gint64        crm_kpi_breakdown_get_bucket_start     (CrmKpiBreakdown  *self,
                                                      guint             bucket,
                                                      gboolean          previous);
const gint64 *crm_kpi_breakdown_get_bucket_measures  (CrmKpiBreakdown  *self,
                                                      guint             bucket,
                                                      gboolean          previous);
gboolean      crm_kpi_breakdown_has_kpi_over_time    (CrmKpi            kpi);
double        crm_kpi_breakdown_get_bucket_value     (CrmKpiBreakdown  *self,
                                                      guint             bucket,
                                                      CrmKpi            kpi,
                                                      gboolean          previous);
guint         crm_kpi_breakdown_get_n_channels       (CrmKpiBreakdown  *self);
gint64        crm_kpi_breakdown_get_channel_id       (CrmKpiBreakdown  *self,
                                                      guint             channel);
const char   *crm_kpi_breakdown_get_channel_name     (CrmKpiBreakdown  *self,
                                                      guint             channel);
const gint64 *crm_kpi_breakdown_get_channel_measures (CrmKpiBreakdown  *self,
                                                      guint             channel,
                                                      gboolean          previous);
gint64        crm_kpi_breakdown_get_stage_customers  (CrmKpiBreakdown  *self,
                                                      CrmLifecycleStage stage,
                                                      gboolean          previous);
gint64        crm_kpi_breakdown_get_funnel_step      (CrmKpiBreakdown  *self,
                                                      CrmKpiFunnelStep  step,
                                                      gboolean          previous);
const char   *crm_kpi_funnel_step_get_name           (CrmKpiFunnelStep  step);

G_END_DECLS
