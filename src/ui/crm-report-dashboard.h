/* crm-report-dashboard.h: the dashboard as a report: its KPI tiles and
 * charts for a scope and period, drawn by the same render functions as
 * the dashboard page, in the print palette. */
#pragma once

#include "crm-kpi-table.h"
#include "crm-reports.h"

G_BEGIN_DECLS

CrmReport *crm_report_dashboard_build            (CrmStore                *store,
                                                  const CrmReportOptions  *options,
                                                  GCancellable            *cancellable,
                                                  CrmProgressFunc          progress,
                                                  gpointer                 progress_data,
                                                  GError                 **error);
/* From figures already computed, e.g. those the dashboard page shows. */
CrmReport *crm_report_dashboard_build_from_table (CrmKpiTable             *table,
                                                  const CrmReportOptions  *options);
CrmKpiTable *crm_report_dashboard_compute        (CrmStore                *store,
                                                  const CrmReportOptions  *options,
                                                  GCancellable            *cancellable,
                                                  GError                 **error);

G_END_DECLS
