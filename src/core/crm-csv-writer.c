/* crm-csv-writer.c
 *
 * Files are written as RFC 4180 says (commas, CRLF, fields quoted when
 * they hold a comma, quote or line break) in UTF-8 with a byte-order mark:
 * without it Excel, which most users open a CSV file in, reads UTF-8 as
 * the Windows code page and turns Cyrillic, Chinese and Arabic names into
 * mojibake; LibreOffice, Google Sheets, Python's "utf-8-sig" and
 * Touchpoint itself take the mark. Headers are in English on purpose:
 * they are the file's format, not its text, and a file written in one
 * language must import in another.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-csv.h"
#include "crm-exporter.h"
#include "crm-file-io.h"

#define BYTE_ORDER_MARK "\xEF\xBB\xBF"
/* A chunk is written out once it is this big, progress told every so
 * many rows. */
#define CHUNK_BYTES (256 * 1024)
#define PROGRESS_ROWS 10000

/* The first characters with which a spreadsheet takes a cell for a
 * formula (OWASP's list), and LF, which the reader makes of a CR inside a
 * quoted field. */
#define FORMULA_STARTS "=+-@\t\r\n"

static gboolean
is_plain_number (const char *value)
{
  const char *p = value + (*value == '-');

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.' && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  return *p == '\0';
}

/**
 * crm_csv_needs_guard:
 *
 * Whether a cell would be run as a formula ("=HYPERLINK(…)", "+cmd|…",
 * "@SUM(…)") by a spreadsheet opening the file: it starts with one of
 * = + - @ TAB CR LF, after any single quotes. Such a cell is written with
 * a single quote before it, as OWASP recommends, and spreadsheets show it
 * as text. A plain number ("-12.50") is not a formula and stays a number,
 * so that a column of amounts still adds up.
 *
 * The quotes before the first character count too, so that a value that
 * really starts with "'=" gets its own quote and comes back whole; see
 * crm_csv_unguard().
 */
gboolean
crm_csv_needs_guard (const char *value)
{
  const char *p = value;

  g_return_val_if_fail (value != NULL, FALSE);

  while (*p == '\'')
    p++;
  if (*p == '\0' || strchr (FORMULA_STARTS, *p) == NULL)
    return FALSE;
  return p != value || !is_plain_number (value);
}

/**
 * crm_csv_unguard:
 *
 * Reads a cell back as it was before crm_csv_needs_guard() guarded it:
 * one single quote is taken off only when single quotes are followed by
 * one of the formula characters. Taking off every leading quote would
 * spoil names such as "'t Hooft"; this way every value written comes back
 * unchanged, and a cell another program guarded ("'+49 30 1234") comes in
 * as the user meant it.
 *
 * Returns: (transfer none): @cell, or @cell past its guard
 */
const char *
crm_csv_unguard (const char *cell)
{
  const char *p = cell;

  g_return_val_if_fail (cell != NULL, NULL);

  while (*p == '\'')
    p++;
  if (p != cell && *p != '\0' && strchr (FORMULA_STARTS, *p) != NULL)
    return cell + 1;
  return cell;
}

/* Appends one field, after a comma unless it is the row's first. */
void
crm_csv_write_field (GString    *out,
                     const char *value,
                     gboolean    first)
{
  gboolean guard;
  gsize length;

  g_return_if_fail (out != NULL);

  value = value != NULL ? value : "";
  guard = crm_csv_needs_guard (value);
  length = strlen (value);
  if (!first)
    g_string_append_c (out, ',');

  /* Quoted also when it starts or ends with a space, which some readers
   * would trim. */
  if (value[strcspn (value, ",\"\r\n")] == '\0' &&
      (length == 0 || (value[0] != ' ' && value[length - 1] != ' ')))
    {
      if (guard)
        g_string_append_c (out, '\'');
      g_string_append_len (out, value, length);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
crm_csv_end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

void
crm_csv_write_row (GString            *out,
                   const char * const *fields,
                   guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    crm_csv_write_field (out, fields[i], i == 0);
  crm_csv_end_row (out);
}

/* Customers */

/* In the order they are written; crm_csv_guess_mapping() knows each. */
static const char * const customer_header[] = {
  "Display Name", "Given Name", "Family Name", "Organization", "Job Title", "E-mail", "Phone",
  "Mobile Phone", "Work Phone", "Website", "Street", "City", "Region", "Postal Code", "Country",
  "Tags", "Notes", "Owner", "Segment", "Sales Region", "UID",
};

static void
begin_customers (gpointer  state,
                 GString  *out)
{
  g_string_append (out, BYTE_ORDER_MARK);
  crm_csv_write_row (out, customer_header, G_N_ELEMENTS (customer_header));
}

static void
add_line (GString    *lines,
          const char *value)
{
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  g_string_append (lines, value);
}

/* A customer as one row: several e-mail addresses or phones of one kind
 * share a cell, a line each; of the addresses the preferred one, else the
 * first, is written. */
static void
write_customer (gpointer     state,
                CrmCustomer *customer,
                GString     *out)
{
  enum { EMAIL, PHONE, MOBILE, WORK, URL, N_LISTS };
  GString *lists[N_LISTS];
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);
  CrmAddress *address = NULL;
  g_autofree char *tags = g_strjoinv ("; ", (char **) crm_customer_get_tags (customer));

  for (guint i = 0; i < N_LISTS; i++)
    lists[i] = g_string_new (NULL);
  for (guint i = 0; i < points->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (points, i);
      const char *label = crm_contact_point_get_label (point);
      int list;

      switch (crm_contact_point_get_kind (point))
        {
        case CRM_CONTACT_KIND_EMAIL:
          list = EMAIL;
          break;
        case CRM_CONTACT_KIND_URL:
          list = URL;
          break;
        case CRM_CONTACT_KIND_PHONE:
        default:
          list = g_ascii_strcasecmp (label, "mobile") == 0 || g_ascii_strcasecmp (label, "cell") == 0 ? MOBILE
               : g_ascii_strcasecmp (label, "work") == 0 ? WORK : PHONE;
          break;
        }
      add_line (lists[list], crm_contact_point_get_value (point));
    }
  for (guint i = 0; i < addresses->len && address == NULL; i++)
    if (crm_address_get_preferred (g_ptr_array_index (addresses, i)))
      address = g_ptr_array_index (addresses, i);
  if (address == NULL && addresses->len > 0)
    address = g_ptr_array_index (addresses, 0);

  {
    const char *row[] = {
      crm_customer_get_display_name (customer), crm_customer_get_given_name (customer),
      crm_customer_get_family_name (customer), crm_customer_get_organization (customer),
      crm_customer_get_title (customer), lists[EMAIL]->str, lists[PHONE]->str, lists[MOBILE]->str,
      lists[WORK]->str, lists[URL]->str,
      address ? crm_address_get_street (address) : "", address ? crm_address_get_locality (address) : "",
      address ? crm_address_get_region (address) : "", address ? crm_address_get_postal_code (address) : "",
      address ? crm_address_get_country (address) : "",
      tags, crm_customer_get_notes (customer), crm_customer_get_owner (customer),
      crm_customer_get_segment (customer), crm_customer_get_region (customer), crm_customer_get_uid (customer),
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (row) == G_N_ELEMENTS (customer_header));
    crm_csv_write_row (out, row, G_N_ELEMENTS (row));
  }
  for (guint i = 0; i < N_LISTS; i++)
    g_string_free (lists[i], TRUE);
}

/**
 * crm_export_csv_customers:
 * @ids: (nullable) (element-type gint64): the customers to write, in this
 *   order, or %NULL for every customer in name order
 *
 * Writes customers to @file as CSV, one row each, atomically.
 */
gboolean
crm_export_csv_customers (CrmStore         *store,
                          GFile            *file,
                          GArray           *ids,
                          CrmProgressFunc   progress,
                          gpointer          user_data,
                          GCancellable     *cancellable,
                          GError          **error)
{
  static const CrmCustomerFormat csv = { begin_customers, write_customer, NULL };

  return crm_export_customers (store, file, ids, &csv, NULL, progress, user_data, cancellable, error);
}

/* Touchpoints and transactions */

typedef struct
{
  GOutputStream   *stream;
  GString         *chunk;
  guint64          rows;
  guint64          total;
  CrmProgressFunc  progress;
  gpointer         user_data;
  GCancellable    *cancellable;
} Export;

/* Writes the chunk out when it is big enough, and tells the progress. */
static gboolean
row_done (Export  *export,
          GError **error)
{
  export->rows++;
  if (export->chunk->len >= CHUNK_BYTES &&
      !crm_atomic_file_write (export->stream, export->chunk, export->cancellable, error))
    return FALSE;
  if (export->progress != NULL && export->rows % PROGRESS_ROWS == 0)
    export->progress (export->rows, MAX (export->rows, export->total), export->user_data);
  return TRUE;
}

/* ISO 8601 in UTC, "2026-03-01T09:30:00Z": unambiguous for any reader. */
static void
write_time (GString *out,
            gint64   unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);
  g_autofree char *text = time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  crm_csv_write_field (out, text, FALSE);
}

static void
write_id (GString  *out,
          gint64    id,
          gboolean  first)
{
  char text[32] = "";

  if (id != 0)
    g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, id);
  crm_csv_write_field (out, text, first);
}

static gboolean
write_touchpoint (const CrmTouchpointRow  *row,
                  gpointer                 data,
                  GError                 **error)
{
  static const char * const directions[] = { "inbound", "outbound" };
  static const char * const outcomes[] = { "", "positive", "neutral", "negative" };
  Export *export = data;
  GString *out = export->chunk;

  write_id (out, row->id, TRUE);
  write_time (out, row->occurred_at);
  crm_csv_write_field (out, row->customer_uid, FALSE);
  crm_csv_write_field (out, row->customer_name, FALSE);
  crm_csv_write_field (out, row->type_name, FALSE);
  crm_csv_write_field (out, row->stage, FALSE);
  crm_csv_write_field (out, row->moment_of_truth ? "1" : "0", FALSE);
  crm_csv_write_field (out, row->channel_name, FALSE);
  crm_csv_write_field (out, (guint) row->direction < G_N_ELEMENTS (directions) ? directions[row->direction] : "",
                       FALSE);
  crm_csv_write_field (out, (guint) row->outcome < G_N_ELEMENTS (outcomes) ? outcomes[row->outcome] : "", FALSE);
  write_id (out, row->satisfaction, FALSE);
  crm_csv_write_field (out, row->note, FALSE);
  write_id (out, row->transaction_id, FALSE);
  crm_csv_end_row (out);
  return row_done (export, error);
}

static gboolean
write_transaction (const CrmTransactionRow  *row,
                   gpointer                  data,
                   GError                  **error)
{
  static const char * const statuses[] = { "pending", "completed", "refunded", "cancelled" };
  Export *export = data;
  GString *out = export->chunk;
  guint64 magnitude = row->amount < 0 ? -(guint64) row->amount : (guint64) row->amount;
  char amount[48];

  /* A number any spreadsheet reads, whatever its locale: a point and two
   * decimals, as amounts are kept in hundredths. */
  g_snprintf (amount, sizeof amount, "%s%" G_GUINT64_FORMAT ".%02u", row->amount < 0 ? "-" : "",
              magnitude / 100, (guint) (magnitude % 100));
  write_id (out, row->id, TRUE);
  write_time (out, row->occurred_at);
  crm_csv_write_field (out, row->customer_uid, FALSE);
  crm_csv_write_field (out, row->customer_name, FALSE);
  crm_csv_write_field (out, amount, FALSE);
  crm_csv_write_field (out, row->currency, FALSE);
  crm_csv_write_field (out, row->product, FALSE);
  crm_csv_write_field (out, (guint) row->status < G_N_ELEMENTS (statuses) ? statuses[row->status] : "", FALSE);
  crm_csv_end_row (out);
  return row_done (export, error);
}

static gboolean
export_rows (CrmStore            *store,
             GFile               *file,
             CrmRecordKind        kind,
             const char * const  *header,
             guint                n_columns,
             CrmProgressFunc      progress,
             gpointer             user_data,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GString) chunk = g_string_sized_new (CHUNK_BYTES + 4096);
  Export export = { NULL, chunk, 0, 0, progress, user_data, cancellable };
  gint64 total = crm_store_count (store, kind, error);
  gboolean done;

  if (total < 0)
    return FALSE;
  export.total = total;
  stream = crm_atomic_file_create (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  export.stream = stream;

  g_string_append (chunk, BYTE_ORDER_MARK);
  crm_csv_write_row (chunk, header, n_columns);
  if (kind == CRM_RECORD_TOUCHPOINTS)
    done = crm_store_foreach_touchpoint (store, write_touchpoint, &export, cancellable, error);
  else
    done = crm_store_foreach_transaction (store, write_transaction, &export, cancellable, error);
  if (!done || !crm_atomic_file_write (stream, chunk, cancellable, error))
    {
      crm_atomic_file_abandon (stream);
      return FALSE;
    }
  if (progress != NULL)
    progress (export.rows, export.rows, user_data);
  return crm_atomic_file_finish (stream, cancellable, error);
}

/**
 * crm_export_csv_touchpoints:
 *
 * Writes every touchpoint to @file as CSV, oldest first, one row each
 * with its customer's uid and name, type, stage, channel and time in UTC;
 * atomically.
 */
gboolean
crm_export_csv_touchpoints (CrmStore         *store,
                            GFile            *file,
                            CrmProgressFunc   progress,
                            gpointer          user_data,
                            GCancellable     *cancellable,
                            GError          **error)
{
  static const char * const header[] = {
    "Touchpoint ID", "Time (UTC)", "Customer UID", "Customer", "Type", "Stage", "Moment of Truth",
    "Channel", "Direction", "Outcome", "Satisfaction", "Note", "Transaction ID",
  };

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return export_rows (store, file, CRM_RECORD_TOUCHPOINTS, header, G_N_ELEMENTS (header), progress,
                      user_data, cancellable, error);
}

/**
 * crm_export_csv_transactions:
 *
 * Writes every transaction to @file as CSV, oldest first, one row each
 * with its customer's uid and name, time in UTC, amount, currency,
 * product and status; atomically.
 */
gboolean
crm_export_csv_transactions (CrmStore         *store,
                             GFile            *file,
                             CrmProgressFunc   progress,
                             gpointer          user_data,
                             GCancellable     *cancellable,
                             GError          **error)
{
  static const char * const header[] = {
    "Transaction ID", "Time (UTC)", "Customer UID", "Customer", "Amount", "Currency", "Product", "Status",
  };

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return export_rows (store, file, CRM_RECORD_TRANSACTIONS, header, G_N_ELEMENTS (header), progress,
                      user_data, cancellable, error);
}
