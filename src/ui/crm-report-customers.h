/* crm-report-customers.h: see crm-reports.h. */
#pragma once

#include "crm-reports.h"

G_BEGIN_DECLS

CrmReport *crm_report_customers_build (CrmStore                *store,
                                  const CrmReportOptions  *options,
                                  GCancellable            *cancellable,
                                  CrmProgressFunc          progress,
                                  gpointer                 progress_data,
                                  GError                 **error);

G_END_DECLS
