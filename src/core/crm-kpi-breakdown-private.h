/* crm-kpi-breakdown-private.h: how the store fills a CrmKpiBreakdown. */
#pragma once

#include "crm-kpi-breakdown.h"

G_BEGIN_DECLS

CrmKpiBreakdown *crm_kpi_breakdown_new              (const CrmPeriod *period);
void             crm_kpi_breakdown_add_day          (CrmKpiBreakdown *self,
                                                     gint64           day,
                                                     CrmKpiMeasure    measure,
                                                     gint64           value);
guint            crm_kpi_breakdown_add_channel      (CrmKpiBreakdown *self,
                                                     gint64           id,
                                                     const char      *name);
gint64          *crm_kpi_breakdown_peek_channel     (CrmKpiBreakdown *self,
                                                     guint            channel,
                                                     gboolean         previous);
void             crm_kpi_breakdown_add_stage        (CrmKpiBreakdown *self,
                                                     CrmLifecycleStage stage,
                                                     gboolean         previous,
                                                     gint64           customers);
void             crm_kpi_breakdown_finish           (CrmKpiBreakdown *self,
                                                     const gint64    *measures);

G_END_DECLS
