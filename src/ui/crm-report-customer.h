/* crm-report-customer.h: one customer's profile as a report: contact
 * data, the journey timeline, transactions and notes. */
#pragma once

#include "crm-reports.h"

G_BEGIN_DECLS

CrmReport *crm_report_customer_build (CrmStore                *store,
                                      const CrmReportOptions  *options,
                                      GCancellable            *cancellable,
                                      CrmProgressFunc          progress,
                                      gpointer                 progress_data,
                                      GError                 **error);

G_END_DECLS
