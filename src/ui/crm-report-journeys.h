/* crm-report-journeys.h: the journey analysis as a report: the journey
 * map, the top paths, the channel flow and the moments of truth. */
#pragma once

#include "crm-reports.h"

G_BEGIN_DECLS

CrmReport *crm_report_journeys_build (CrmStore                *store,
                                      const CrmReportOptions  *options,
                                      GCancellable            *cancellable,
                                      CrmProgressFunc          progress,
                                      gpointer                 progress_data,
                                      GError                 **error);

G_END_DECLS
