/* crm-report-audit.c: the CRM audit printed: a table of every KPI with
 * the previous period, the actual value, the target and the attainment
 * and whether it was met, in the words of the audit window, so a printed
 * audit can be read in black and white without its colours.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-kpi-format.h"
#include "crm-report-audit.h"
#include "crm-utils.h"

/* As in the audit window: a target missed by less than this is nearly met. */
#define NEAR_ATTAINMENT 0.9

enum
{
  COLUMN_KPI,
  COLUMN_PREVIOUS,
  COLUMN_ACTUAL,
  COLUMN_TARGET,
  COLUMN_ATTAINMENT,
  COLUMN_STATUS,
  N_COLUMNS
};

static void
add_row (CrmReportTable *table,
         CrmKpiTable    *kpis,
         CrmKpi          kpi,
         const char     *currency,
         guint          *n_targets,
         guint          *n_met)
{
  const CrmKpiInfo *info = crm_kpi_get_info (kpi);
  gboolean can_target = crm_kpi_can_have_target (kpi);
  double target = NAN;
  gboolean has_target = can_target && crm_kpi_table_get_target (kpis, kpi, &target) && !isnan (target);
  double value = crm_kpi_table_get_value (kpis, CRM_KPI_TABLE_SCOPE, kpi, FALSE);
  double previous = info->per_period ? crm_kpi_table_get_value (kpis, CRM_KPI_TABLE_SCOPE, kpi, TRUE) : NAN;
  g_autofree char *previous_text = crm_kpi_format_value (kpi, previous, currency);
  g_autofree char *value_text = crm_kpi_format_value (kpi, value, currency);
  g_autofree char *target_text = has_target ? crm_kpi_format_value (kpi, target, currency) : g_strdup ("—");
  g_autofree char *attainment_text = NULL;
  const char *status;
  const char *cells[N_COLUMNS];

  if (!has_target)
    {
      attainment_text = g_strdup ("—");
      status = can_target ? _("No target") : _("Cannot have a target");
    }
  else
    {
      double attainment = crm_kpi_attainment (kpi, target, value);

      (*n_targets)++;
      attainment_text = crm_value_format (attainment, CRM_VALUE_PERCENT, NULL);
      if (crm_kpi_target_met (kpi, target, value))
        {
          status = _("Met");
          (*n_met)++;
        }
      else if (!isnan (attainment) && attainment >= NEAR_ATTAINMENT)
        status = _("Nearly met");
      else
        status = _("Missed");
    }

  if (table == NULL)
    return;
  cells[COLUMN_KPI] = crm_kpi_get_name (kpi);
  cells[COLUMN_PREVIOUS] = previous_text;
  cells[COLUMN_ACTUAL] = value_text;
  cells[COLUMN_TARGET] = target_text;
  cells[COLUMN_ATTAINMENT] = attainment_text;
  cells[COLUMN_STATUS] = status;
  crm_report_table_add_row (table, cells);
}

/**
 * crm_report_audit_build:
 *
 * Returns: (transfer full): the audit of @options' scope (the company
 *   without one) and period as a report, or %NULL with @error set
 */
CrmReport *
crm_report_audit_build (CrmStore                *store,
                        const CrmReportOptions  *options,
                        GCancellable            *cancellable,
                        CrmProgressFunc          progress,
                        gpointer                 progress_data,
                        GError                 **error)
{
  static const double widths[N_COLUMNS] = { 0.26, 0.13, 0.14, 0.13, 0.13, 0.21 };
  static const CrmReportAlign aligns[N_COLUMNS] = {
    CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END,
    CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_START,
  };
  const char *headers[N_COLUMNS] = {
    _("KPI"), _("Previous"), _("Actual"), _("Target"), _("Attainment"), _("Status"),
  };
  g_autoptr(CrmKpiScope) scope = options->scope != NULL ? crm_kpi_scope_copy (options->scope)
                                                        : crm_kpi_scope_new_company ();
  g_autoptr(CrmPeriod) period = crm_reports_period (options);
  g_autofree char *currency = crm_reports_currency (options);
  g_autoptr(CrmKpiTable) kpis = NULL;
  g_autoptr(CrmReport) report = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *previous_text = NULL;
  g_autofree char *met_text = NULL;
  CrmReportTable *table;
  guint n_targets = 0, n_met = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  kpis = crm_store_audit_kpis (store, scope, period, error);
  if (kpis == NULL)
    return NULL;
  if (progress != NULL)
    progress (1, 1, progress_data);

  /* Translators: the title of a printed audit: "CRM Audit of North" */
  title = g_strdup_printf (_("CRM Audit of %s"), crm_kpi_scope_get_label (scope));
  report = crm_reports_new_report (title, options);
  period_text = crm_period_format (crm_kpi_table_get_period (kpis));
  previous_text = crm_period_format (crm_kpi_table_get_previous_period (kpis));
  subtitle = g_strdup_printf (_("%s, compared with %s"), period_text, previous_text);
  crm_report_set_subtitle (report, subtitle);

  /* The count first, so the summary reads before the table. */
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    add_row (NULL, kpis, kpi, currency, &n_targets, &n_met);
  if (n_targets == 0)
    met_text = g_strdup (_("No targets set"));
  else
    /* Translators: in a printed audit: "3 of 5" targets met */
    met_text = g_strdup_printf (_("%u of %u"), n_met, n_targets);
  crm_report_add_fact (report, _("Scope"), crm_kpi_scope_get_label (scope));
  crm_report_add_fact (report, _("Period"), period_text);
  crm_report_add_fact (report, _("Compared with"), previous_text);
  crm_report_add_fact (report, _("Targets met"), met_text);

  n_targets = n_met = 0;
  table = crm_report_add_table (report, N_COLUMNS, headers, widths, aligns);
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    add_row (table, kpis, kpi, currency, &n_targets, &n_met);
  crm_report_add_paragraph (report, _("RFM segments are a snapshot as of the last refresh: they have no previous "
                                      "value. Target attainment counts the targets met of those set for this "
                                      "scope and period."));
  return g_steal_pointer (&report);
}
