/* crm-reports.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-kpi-format.h"
#include "crm-report-audit.h"
#include "crm-report-customer.h"
#include "crm-report-customers.h"
#include "crm-report-dashboard.h"
#include "crm-report-journeys.h"
#include "crm-reports.h"
#include "crm-ui.h"
#include "crm-utils.h"

G_DEFINE_QUARK (crm-reports-error-quark, crm_reports_error)

static const struct
{
  const char *nick;     /* as --report takes it */
  const char *name;     /* untranslated */
} kinds[CRM_N_REPORT_KINDS] = {
  [CRM_REPORT_KIND_DASHBOARD] = { "dashboard", N_("Dashboard") },
  [CRM_REPORT_KIND_CUSTOMERS] = { "customers", N_("Customer List") },
  [CRM_REPORT_KIND_CUSTOMER] = { "customer", N_("Customer Profile") },
  [CRM_REPORT_KIND_JOURNEYS] = { "journeys", N_("Journey Analysis") },
  [CRM_REPORT_KIND_AUDIT] = { "audit", N_("CRM Audit") },
};

const char *
crm_report_kind_get_nick (CrmReportKind kind)
{
  g_return_val_if_fail (kind < CRM_N_REPORT_KINDS, NULL);
  return kinds[kind].nick;
}

/**
 * crm_report_kind_get_name:
 *
 * Returns: the report's translated name, as its title and a menu show it
 */
const char *
crm_report_kind_get_name (CrmReportKind kind)
{
  g_return_val_if_fail (kind < CRM_N_REPORT_KINDS, NULL);
  return _(kinds[kind].name);
}

gboolean
crm_report_kind_from_nick (const char    *nick,
                           CrmReportKind *kind)
{
  for (CrmReportKind k = 0; k < CRM_N_REPORT_KINDS; k++)
    if (g_strcmp0 (nick, kinds[k].nick) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

/**
 * crm_reports_new_report:
 * @title: the report's title
 * @options: the company name, if given
 *
 * A report with @title, the company name in its header (the one given,
 * else the one in Preferences) and today's date in its footer.
 *
 * Returns: (transfer full): the report, with no blocks yet
 */
CrmReport *
crm_reports_new_report (const char             *title,
                        const CrmReportOptions *options)
{
  CrmReport *report = crm_report_new (title);
  g_autofree char *company = NULL;
  g_autofree char *printed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (options != NULL && options->company != NULL)
    company = g_strdup (options->company);
  else
    {
      g_autoptr(GSettings) settings = crm_ui_lookup_settings ();

      if (settings != NULL)
        company = g_settings_get_string (settings, "company-name");
    }
  if (company != NULL && *company != '\0')
    crm_report_set_company (report, company);

  printed = crm_format_date (g_date_time_to_unix (now));
  crm_report_set_printed (report, printed);
  return report;
}

/**
 * crm_reports_currency:
 *
 * Returns: (transfer full): the currency of @options, else the one in
 *   Preferences
 */
char *
crm_reports_currency (const CrmReportOptions *options)
{
  if (options != NULL && options->currency != NULL)
    return g_strdup (options->currency);
  return crm_kpi_currency ();
}

/**
 * crm_reports_period:
 *
 * Returns: (transfer full): the period of @options, else this year, as
 *   the dashboard starts with
 */
CrmPeriod *
crm_reports_period (const CrmReportOptions *options)
{
  if (options != NULL && options->period != NULL)
    return crm_period_copy (options->period);
  return crm_period_new_year (g_get_real_time () / G_USEC_PER_SEC);
}

/**
 * crm_reports_build:
 * @store: the store to read, used on this thread only
 * @kind: which report
 * @options: (nullable): what it is about
 * @cancellable: (nullable): stops the work
 * @progress: (nullable): how far it has got
 *
 * Reads what the report shows and puts it in a document, ready to be laid
 * out for a page setup. Run it on a worker thread: a customer list of a
 * million reads a million rows.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
CrmReport *
crm_reports_build (CrmStore                *store,
                   CrmReportKind            kind,
                   const CrmReportOptions  *options,
                   GCancellable            *cancellable,
                   CrmProgressFunc          progress,
                   gpointer                 progress_data,
                   GError                 **error)
{
  static const CrmReportOptions no_options = { 0 };

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < CRM_N_REPORT_KINDS, NULL);

  if (options == NULL)
    options = &no_options;

  switch (kind)
    {
    case CRM_REPORT_KIND_DASHBOARD:
      return crm_report_dashboard_build (store, options, cancellable, progress, progress_data, error);
    case CRM_REPORT_KIND_CUSTOMERS:
      return crm_report_customers_build (store, options, cancellable, progress, progress_data, error);
    case CRM_REPORT_KIND_CUSTOMER:
      return crm_report_customer_build (store, options, cancellable, progress, progress_data, error);
    case CRM_REPORT_KIND_JOURNEYS:
      return crm_report_journeys_build (store, options, cancellable, progress, progress_data, error);
    case CRM_REPORT_KIND_AUDIT:
      return crm_report_audit_build (store, options, cancellable, progress, progress_data, error);
    case CRM_N_REPORT_KINDS:
    default:
      g_assert_not_reached ();
    }
}
