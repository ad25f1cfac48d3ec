/* crm-report-audit.h: the CRM audit as a report: every KPI of a scope and
 * period with the previous period's value, its target and attainment. */
#pragma once

#include "crm-reports.h"

G_BEGIN_DECLS

CrmReport *crm_report_audit_build (CrmStore                *store,
                                   const CrmReportOptions  *options,
                                   GCancellable            *cancellable,
                                   CrmProgressFunc          progress,
                                   gpointer                 progress_data,
                                   GError                 **error);

G_END_DECLS
