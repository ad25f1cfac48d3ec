/* crm-report-customer.c: a customer's profile printed: who they are and
 * how to reach them as label/value facts, their journey drawn by the
 * same timeline as their page, the transactions as a table and the
 * notes.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-journey-timeline.h"
#include "crm-report-customer.h"
#include "crm-timeline.h"
#include "crm-utils.h"

/* The timeline's height over the printable width. */
#define TIMELINE_RATIO 0.55

enum
{
  COLUMN_DATE,
  COLUMN_PRODUCT,
  COLUMN_STATUS,
  COLUMN_AMOUNT,
  N_COLUMNS
};

static const char *
stage_name (CrmLifecycleStage stage)
{
  switch (stage)
    {
    case CRM_LIFECYCLE_STAGE_LEAD:
      return _("Lead");
    case CRM_LIFECYCLE_STAGE_PROSPECT:
      return _("Prospect");
    case CRM_LIFECYCLE_STAGE_CUSTOMER:
      return _("Customer");
    case CRM_LIFECYCLE_STAGE_ADVOCATE:
      return _("Advocate");
    case CRM_LIFECYCLE_STAGE_CHURNED:
      return _("Churned");
    default:
      return "";
    }
}

static const char *
status_name (CrmTransactionStatus status)
{
  switch (status)
    {
    case CRM_TRANSACTION_STATUS_PENDING:
      return _("Pending");
    case CRM_TRANSACTION_STATUS_COMPLETED:
      return _("Completed");
    case CRM_TRANSACTION_STATUS_REFUNDED:
      return _("Refunded");
    case CRM_TRANSACTION_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      return "";
    }
}

static const char *
contact_kind_name (CrmContactKind kind)
{
  switch (kind)
    {
    case CRM_CONTACT_KIND_EMAIL:
      return _("E-mail");
    case CRM_CONTACT_KIND_PHONE:
      return _("Phone");
    case CRM_CONTACT_KIND_URL:
    default:
      return _("Website");
    }
}

/* A fact only when there is something to say. */
static void
add_fact (CrmReport  *report,
          const char *label,
          const char *value)
{
  if (value != NULL && *value != '\0')
    crm_report_add_fact (report, label, value);
}

static void
draw_timeline (cairo_t              *cr,
               const CrmRenderStyle *style,
               double                width,
               double                height,
               gpointer              user_data)
{
  crm_timeline_draw (user_data, style, cr, width, height);
}

static void
add_contact (CrmReport   *report,
             CrmCustomer *customer)
{
  g_autofree char *tags = g_strjoinv (", ", (char **) crm_customer_get_tags (customer));
  g_autofree char *since = crm_format_date (crm_customer_get_created_at (customer));
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);

  crm_report_add_heading (report, _("Contact"));
  add_fact (report, _("Organization"), crm_customer_get_organization (customer));
  add_fact (report, _("Job Title"), crm_customer_get_title (customer));
  for (guint i = 0; i < points->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (points, i);
      const char *label = crm_contact_point_get_label (point);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (label != NULL && *label != '\0')
        /* Translators: a contact's label in a printed profile: "Phone (work)" */
        name = g_strdup_printf (_("%s (%s)"), contact_kind_name (crm_contact_point_get_kind (point)), label);
      else
        name = g_strdup (contact_kind_name (crm_contact_point_get_kind (point)));
      /* Numbers, addresses and links read left to right in a right-to-
       * left page too: isolated, "+968 904 4614751" keeps its order. */
      value = g_strdup_printf ("\u2066%s\u2069", crm_contact_point_get_value (point));
      add_fact (report, name, value);
    }
  for (guint i = 0; i < addresses->len; i++)
    {
      g_autofree char *text = crm_address_format (g_ptr_array_index (addresses, i));

      add_fact (report, _("Address"), text);
    }
  add_fact (report, _("Lifecycle Stage"), stage_name (crm_customer_get_lifecycle_stage (customer)));
  add_fact (report, _("Segment"), crm_customer_get_segment (customer));
  add_fact (report, _("Region"), crm_customer_get_region (customer));
  add_fact (report, _("Owner"), crm_customer_get_owner (customer));
  add_fact (report, _("Tags"), tags);
  add_fact (report, _("Customer Since"), since);
}

static void
add_transactions (CrmReport  *report,
                  GPtrArray  *transactions,
                  const char *currency)
{
  static const double widths[N_COLUMNS] = { 0.18, 0.44, 0.18, 0.20 };
  static const CrmReportAlign aligns[N_COLUMNS] = {
    CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_START, CRM_REPORT_ALIGN_END,
  };
  const char *headers[N_COLUMNS] = { _("Date"), _("Product"), _("Status"), _("Amount") };
  CrmReportTable *table;
  gint64 total = 0;
  g_autofree char *total_text = NULL;

  crm_report_add_heading (report, _("Transactions"));
  if (transactions->len == 0)
    {
      crm_report_add_paragraph (report, _("No transactions yet."));
      return;
    }
  table = crm_report_add_table (report, N_COLUMNS, headers, widths, aligns);
  for (guint i = 0; i < transactions->len; i++)
    {
      CrmTransaction *transaction = g_ptr_array_index (transactions, i);
      const char *code = crm_transaction_get_currency (transaction);
      g_autofree char *date = crm_format_date (crm_transaction_get_occurred_at (transaction));
      g_autofree char *amount = crm_format_money (crm_transaction_get_amount (transaction),
                                                  code != NULL && *code != '\0' ? code : currency);
      const char *product = crm_transaction_get_product (transaction);
      const char *cells[N_COLUMNS] = {
        date, product != NULL ? product : "", status_name (crm_transaction_get_status (transaction)), amount,
      };

      crm_report_table_add_row (table, cells);
      if (crm_transaction_get_status (transaction) == CRM_TRANSACTION_STATUS_COMPLETED)
        total += crm_transaction_get_amount (transaction);
    }
  total_text = crm_format_money (total, currency);
  crm_report_add_fact (report, _("Completed Orders in Total"), total_text);
}

static void
add_notes (CrmReport  *report,
           const char *notes)
{
  g_auto(GStrv) paragraphs = NULL;

  crm_report_add_heading (report, _("Notes"));
  if (notes == NULL || *notes == '\0')
    {
      crm_report_add_paragraph (report, _("No notes."));
      return;
    }
  paragraphs = g_strsplit (notes, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    if (*g_strstrip (paragraphs[i]) != '\0')
      crm_report_add_paragraph (report, paragraphs[i]);
}

/**
 * crm_report_customer_build:
 *
 * The profile of the customer @options names by id.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 *   (%CRM_REPORTS_ERROR_NOT_FOUND when there is no such customer)
 */
CrmReport *
crm_report_customer_build (CrmStore                *store,
                           const CrmReportOptions  *options,
                           GCancellable            *cancellable,
                           CrmProgressFunc          progress,
                           gpointer                 progress_data,
                           GError                 **error)
{
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(CrmJourney) journey = NULL;
  g_autoptr(CrmTimelineData) timeline = NULL;
  g_autoptr(CrmReport) report = NULL;
  g_autofree char *currency = crm_reports_currency (options);
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (options->customer_id > 0)
    customer = crm_store_load_customer (store, options->customer_id, &local_error);
  if (customer == NULL)
    {
      if (local_error != NULL && !g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CRM_REPORTS_ERROR, CRM_REPORTS_ERROR_NOT_FOUND,
                     _("There is no such customer: it may have been deleted"));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  journey = crm_journey_new (store, options->customer_id);
  if (crm_journey_get_error (journey) != NULL)
    {
      g_propagate_error (error, g_error_copy (crm_journey_get_error (journey)));
      return NULL;
    }
  if (progress != NULL)
    progress (1, 1, progress_data);

  name = crm_customer_get_display_name (customer);
  report = crm_reports_new_report (name != NULL && *name != '\0' ? name : _("Unnamed Customer"), options);
  crm_report_set_subtitle (report, _("Customer Profile"));
  add_contact (report, customer);

  timeline = crm_journey_timeline_data (journey);
  if (timeline != NULL)
    crm_report_add_chart (report, _("Journey"), TIMELINE_RATIO, draw_timeline, g_steal_pointer (&timeline),
                          (GDestroyNotify) crm_timeline_data_unref);
  else
    {
      crm_report_add_heading (report, _("Journey"));
      crm_report_add_paragraph (report, _("No touchpoints yet."));
    }

  add_transactions (report, crm_journey_get_transactions (journey), currency);
  add_notes (report, crm_customer_get_notes (customer));
  return g_steal_pointer (&report);
}
