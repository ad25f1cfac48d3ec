/* crm-report-customers.c: the customer list as a report: the customers
 * the list's search and filters select, in its order, one row each with
 * the columns the list shows. The ids are read first (8 bytes a
 * customer), then the rows a page at a time, so a million customers never
 * sit in memory as objects at once.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-customer-summary.h"
#include "crm-report-customers.h"
#include "crm-utils.h"

/* Rows read from the store at once. */
#define PAGE_ROWS 500

enum
{
  COLUMN_NAME,
  COLUMN_ORGANIZATION,
  COLUMN_SEGMENT,
  COLUMN_OWNER,
  COLUMN_LAST_TOUCHPOINT,
  COLUMN_LIFETIME_VALUE,
  COLUMN_TOUCHPOINTS,
  N_COLUMNS
};

static void
append_filter (GString    *text,
               const char *format,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    /* Translators: between the filters of a customer list report */
    g_string_append (text, _(" · "));
  g_string_append_printf (text, format, value);
}

/* "Segment: Enterprise · Search: “anna” · 120 customers" */
static char *
describe_query (CrmCustomerQuery *query,
                guint             n_customers,
                gboolean          first_only)
{
  GString *text = g_string_new (NULL);
  g_autofree char *count = crm_format_count (n_customers);
  int rfm = crm_customer_query_get_rfm_segment (query);

  append_filter (text, _("Search: “%s”"), crm_customer_query_get_search (query));
  append_filter (text, _("Segment: %s"), crm_customer_query_get_segment (query));
  append_filter (text, _("Owner: %s"), crm_customer_query_get_owner (query));
  append_filter (text, _("Tag: %s"), crm_customer_query_get_tag (query));
  if (rfm >= 0)
    append_filter (text, _("RFM segment: %s"), crm_rfm_segment_get_name (rfm));
  if (text->len == 0)
    g_string_append (text, _("All customers"));
  g_string_append (text, _(" · "));
  if (first_only)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "the first customer", "the first %s customers",
                                               n_customers), count);
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s customer", "%s customers", n_customers), count);
  return g_string_free (text, FALSE);
}

static void
add_rows (CrmReportTable *table,
          GPtrArray      *summaries,
          const char     *currency)
{
  for (guint i = 0; i < summaries->len; i++)
    {
      CrmCustomerSummary *row = g_ptr_array_index (summaries, i);
      g_autofree char *last = crm_format_date (crm_customer_summary_get_last_touchpoint_at (row));
      g_autofree char *value = crm_format_money (crm_customer_summary_get_lifetime_value (row), currency);
      g_autofree char *touchpoints = crm_format_count (crm_customer_summary_get_n_touchpoints (row));
      const char *cells[N_COLUMNS] = {
        [COLUMN_NAME] = crm_customer_summary_get_display_name (row),
        [COLUMN_ORGANIZATION] = crm_customer_summary_get_organization (row),
        [COLUMN_SEGMENT] = crm_customer_summary_get_segment (row),
        [COLUMN_OWNER] = crm_customer_summary_get_owner (row),
        [COLUMN_LAST_TOUCHPOINT] = last,
        [COLUMN_LIFETIME_VALUE] = value,
        [COLUMN_TOUCHPOINTS] = touchpoints,
      };

      for (guint c = 0; c < N_COLUMNS; c++)
        if (cells[c] == NULL)
          cells[c] = "";
      crm_report_table_add_row (table, cells);
    }
}

/**
 * crm_report_customers_build:
 *
 * The customers @options' query selects (every customer by name without
 * one), or the first of them up to @options' limit, as a table whose
 * header repeats on every page; the subtitle says the filters and how
 * many customers match.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
CrmReport *
crm_report_customers_build (CrmStore                *store,
                            const CrmReportOptions  *options,
                            GCancellable            *cancellable,
                            CrmProgressFunc          progress,
                            gpointer                 progress_data,
                            GError                 **error)
{
  static const double widths[N_COLUMNS] = { 0.19, 0.17, 0.12, 0.13, 0.12, 0.13, 0.14 };
  static const CrmReportAlign aligns[N_COLUMNS] = {
    CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START,
    CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END, CRM_REPORT_ALIGN_END,
  };
  const char *headers[N_COLUMNS] = {
    _("Name"), _("Organization"), _("Segment"), _("Owner"),
    _("Last Touchpoint"), _("Lifetime Value"), _("Touchpoints"),
  };
  g_autoptr(CrmCustomerQuery) query = options->query != NULL ? crm_customer_query_copy (options->query)
                                                             : crm_customer_query_new ();
  g_autofree char *currency = crm_reports_currency (options);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CrmReport) report = NULL;
  g_autofree char *subtitle = NULL;
  CrmReportTable *table;

  ids = crm_store_query_customer_ids (store, query, options->limit, cancellable, error);
  if (ids == NULL)
    return NULL;

  report = crm_reports_new_report (_("Customer List"), options);
  subtitle = describe_query (query, ids->len, options->limit > 0 && ids->len == options->limit);
  crm_report_set_subtitle (report, subtitle);
  if (ids->len == 0)
    {
      crm_report_add_paragraph (report, _("No customers match."));
      return g_steal_pointer (&report);
    }

  table = crm_report_add_table (report, N_COLUMNS, headers, widths, aligns);
  /* A list of thousands reads best a customer a line, as on screen. */
  crm_report_table_set_single_line (table, TRUE);
  for (guint at = 0; at < ids->len; at += PAGE_ROWS)
    {
      guint n = MIN (PAGE_ROWS, ids->len - at);
      g_autoptr(GPtrArray) summaries = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      summaries = crm_store_load_customer_summaries (store, &g_array_index (ids, gint64, at), n, error);
      if (summaries == NULL)
        return NULL;
      add_rows (table, summaries, currency);
      if (progress != NULL)
        progress (at + n, ids->len, progress_data);
    }
  return g_steal_pointer (&report);
}
