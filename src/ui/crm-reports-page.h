/* crm-reports-page.h: the Reports view: a report (dashboard, customer
 * list, customer profile, journey analysis, CRM audit) and its options,
 * previewed page by page as it will print, laid out on a worker; Print…
 * (Ctrl+P) and Export PDF… (Ctrl+Shift+E). */
#pragma once

#include <gtk/gtk.h>

#include "crm-customer-query.h"
#include "crm-report-layout.h"
#include "crm-reports.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* How the view builds a report on its worker: crm_reports_build, or a
 * stand-in (tests). */
typedef CrmReport *(*CrmReportsBuildFunc) (CrmStore                *store,
                                           CrmReportKind            kind,
                                           const CrmReportOptions  *options,
                                           GCancellable            *cancellable,
                                           CrmProgressFunc          progress,
                                           gpointer                 progress_data,
                                           GError                 **error);

#define CRM_TYPE_REPORTS_PAGE (crm_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (CrmReportsPage, crm_reports_page, CRM, REPORTS_PAGE, GtkWidget)

void                crm_reports_page_set_store      (CrmReportsPage      *self,
                                                     CrmStore            *store);
void                crm_reports_page_set_customer_query (CrmReportsPage  *self,
                                                     CrmCustomerQuery    *query);
void                crm_reports_page_set_scope      (CrmReportsPage      *self,
                                                     const CrmKpiScope   *scope);
void                crm_reports_page_set_build_func (CrmReportsPage      *self,
                                                     CrmReportsBuildFunc  build);
CrmReportKind       crm_reports_page_get_kind       (CrmReportsPage      *self);
void                crm_reports_page_set_kind       (CrmReportsPage      *self,
                                                     CrmReportKind        kind);
gboolean            crm_reports_page_is_busy        (CrmReportsPage      *self);
CrmReport          *crm_reports_page_get_report     (CrmReportsPage      *self);
CrmReportLayout    *crm_reports_page_get_layout     (CrmReportsPage      *self);
const CrmPageSetup *crm_reports_page_get_page_setup (CrmReportsPage      *self);
void                crm_reports_page_refresh        (CrmReportsPage      *self);

void                crm_reports_page_export_pdf_async  (CrmReportsPage      *self,
                                                        GFile               *file,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean            crm_reports_page_export_pdf_finish (CrmReportsPage      *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
