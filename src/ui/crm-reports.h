/* crm-reports.h: the five printable reports (dashboard, customer list,
 * customer profile, journey analysis, CRM audit) built as CrmReport
 * documents from a store. Plain functions with no widgets, run on a
 * worker thread with a store connection of its own: the Reports view, the
 * print dialog and `touchpoint --report` all build their pages here. */
#pragma once

#include <gio/gio.h>

#include "crm-customer-query.h"
#include "crm-kpi-scope.h"
#include "crm-period.h"
#include "crm-progress.h"
#include "crm-report.h"
#include "crm-store.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_REPORT_KIND_DASHBOARD,
  CRM_REPORT_KIND_CUSTOMERS,
  CRM_REPORT_KIND_CUSTOMER,
  CRM_REPORT_KIND_JOURNEYS,
  CRM_REPORT_KIND_AUDIT,
  CRM_N_REPORT_KINDS,
} CrmReportKind;

#define CRM_REPORTS_ERROR (crm_reports_error_quark ())

typedef enum
{
  CRM_REPORTS_ERROR_NOT_FOUND,   /* the customer asked for is not there */
  CRM_REPORTS_ERROR_INVALID,     /* the options do not make a report */
} CrmReportsError;

/* What a report is about; every field may be left NULL or 0. */
typedef struct
{
  const CrmPeriod   *period;       /* dashboard, audit, journeys: NULL for this year */
  const CrmKpiScope *scope;        /* dashboard, audit: NULL for the company */
  const char        *segment;      /* journeys: one segment only */
  CrmCustomerQuery  *query;        /* customer list: NULL for every customer by name */
  guint              limit;        /* customer list: the first this many only; 0 for all */
  gint64             customer_id;  /* customer profile */
  const char        *company;      /* the page header: the company name from Preferences */
  const char        *currency;     /* ISO 4217; NULL for the one in Preferences */
} CrmReportOptions;

GQuark         crm_reports_error_quark  (void);
const char    *crm_report_kind_get_nick (CrmReportKind            kind);
gboolean       crm_report_kind_from_nick (const char             *nick,
                                          CrmReportKind          *kind);
const char    *crm_report_kind_get_name (CrmReportKind            kind);

CrmReport     *crm_reports_build        (CrmStore                *store,
                                         CrmReportKind            kind,
                                         const CrmReportOptions  *options,
                                         GCancellable            *cancellable,
                                         CrmProgressFunc          progress,
                                         gpointer                 progress_data,
                                         GError                 **error);

/* For the builders: a report with the title, the company and today's
 * date in the footer. */
CrmReport     *crm_reports_new_report   (const char              *title,
                                         const CrmReportOptions  *options);
char          *crm_reports_currency     (const CrmReportOptions  *options);
CrmPeriod     *crm_reports_period       (const CrmReportOptions  *options);

G_END_DECLS
