/* crm-archive-table.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "crm-archive-table.h"
#include "crm-enum-types.h"

#define N(...) (sizeof ((CrmArchiveColumn[]) { __VA_ARGS__ }) / sizeof (CrmArchiveColumn)), { __VA_ARGS__ }

/* Derived columns are not archived: the customers' summary figures, the
 * normalized contact values and the full-text index are computed again on
 * restore, so an archive cannot carry figures that disagree with its rows. */
static const CrmArchiveTable tables[CRM_ARCHIVE_N_TABLES] = {
  [CRM_ARCHIVE_CHANNELS] = {
    "channels", "channel", "channels", "id",
    N ({ "id", "id", CRM_ARCHIVE_INT, NULL },
       { "key", "key", CRM_ARCHIVE_TEXT, NULL },
       { "name", "name", CRM_ARCHIVE_TEXT, NULL },
       { "position", "position", CRM_ARCHIVE_INT, NULL }) },
  [CRM_ARCHIVE_TOUCHPOINT_TYPES] = {
    "touchpoint_types", "touchpoint-type", "touchpoint-types", "id",
    N ({ "id", "id", CRM_ARCHIVE_INT, NULL },
       { "name", "name", CRM_ARCHIVE_TEXT, NULL },
       { "stage", "stage", CRM_ARCHIVE_TEXT, NULL },
       { "moment_of_truth", "moment-of-truth", CRM_ARCHIVE_BOOL, NULL },
       { "required_data", "required-data", CRM_ARCHIVE_INT, NULL }) },
  [CRM_ARCHIVE_CUSTOMERS] = {
    "customers", "customer", "customers", "id",
    N ({ "id", "id", CRM_ARCHIVE_INT, NULL },
       { "uid", "uid", CRM_ARCHIVE_TEXT, NULL },
       { "kind", "kind", CRM_ARCHIVE_ENUM, crm_customer_kind_get_type },
       { "given_name", "given-name", CRM_ARCHIVE_TEXT, NULL },
       { "family_name", "family-name", CRM_ARCHIVE_TEXT, NULL },
       { "display_name", "display-name", CRM_ARCHIVE_TEXT, NULL },
       { "organization", "organization", CRM_ARCHIVE_TEXT, NULL },
       { "title", "title", CRM_ARCHIVE_TEXT, NULL },
       { "owner", "owner", CRM_ARCHIVE_TEXT, NULL },
       { "region", "region", CRM_ARCHIVE_TEXT, NULL },
       { "segment", "segment", CRM_ARCHIVE_TEXT, NULL },
       { "lifecycle_stage", "stage", CRM_ARCHIVE_ENUM, crm_lifecycle_stage_get_type },
       { "created_at", "created", CRM_ARCHIVE_TIME, NULL },
       { "updated_at", "updated", CRM_ARCHIVE_TIME, NULL },
       { "notes", "notes", CRM_ARCHIVE_CHILD_TEXT, NULL }) },
  [CRM_ARCHIVE_TAGS] = {
    "customer_tags", "tag", NULL, "customer_id, position",
    N ({ "customer_id", NULL, CRM_ARCHIVE_PARENT, NULL },
       { "position", "position", CRM_ARCHIVE_INT, NULL },
       { "tag", NULL, CRM_ARCHIVE_CONTENT, NULL }) },
  [CRM_ARCHIVE_CONTACT_POINTS] = {
    "contact_points", "contact", NULL, "customer_id, position",
    N ({ "customer_id", NULL, CRM_ARCHIVE_PARENT, NULL },
       { "id", "id", CRM_ARCHIVE_INT, NULL },
       { "position", "position", CRM_ARCHIVE_INT, NULL },
       { "kind", "kind", CRM_ARCHIVE_ENUM, crm_contact_kind_get_type },
       { "label", "label", CRM_ARCHIVE_TEXT, NULL },
       { "preferred", "preferred", CRM_ARCHIVE_BOOL, NULL },
       { "value", NULL, CRM_ARCHIVE_CONTENT, NULL }) },
  [CRM_ARCHIVE_ADDRESSES] = {
    "addresses", "address", NULL, "customer_id, position",
    N ({ "customer_id", NULL, CRM_ARCHIVE_PARENT, NULL },
       { "id", "id", CRM_ARCHIVE_INT, NULL },
       { "position", "position", CRM_ARCHIVE_INT, NULL },
       { "label", "label", CRM_ARCHIVE_TEXT, NULL },
       { "preferred", "preferred", CRM_ARCHIVE_BOOL, NULL },
       { "po_box", "po-box", CRM_ARCHIVE_TEXT, NULL },
       { "extended", "extended", CRM_ARCHIVE_TEXT, NULL },
       { "street", "street", CRM_ARCHIVE_TEXT, NULL },
       { "locality", "locality", CRM_ARCHIVE_TEXT, NULL },
       { "region", "region", CRM_ARCHIVE_TEXT, NULL },
       { "postal_code", "postal-code", CRM_ARCHIVE_TEXT, NULL },
       { "country", "country", CRM_ARCHIVE_TEXT, NULL }) },
  [CRM_ARCHIVE_EXTERNAL_IDS] = {
    "external_ids", "external-id", NULL, "customer_id, system, value",
    N ({ "customer_id", NULL, CRM_ARCHIVE_PARENT, NULL },
       { "system", "system", CRM_ARCHIVE_TEXT, NULL },
       { "value", NULL, CRM_ARCHIVE_CONTENT, NULL }) },
  [CRM_ARCHIVE_ALIASES] = {
    "customer_aliases", "alias", NULL, "customer_id, uid",
    N ({ "customer_id", NULL, CRM_ARCHIVE_PARENT, NULL },
       { "uid", NULL, CRM_ARCHIVE_CONTENT, NULL }) },
  [CRM_ARCHIVE_VCARD_PROPERTIES] = {
    "customer_vcard_properties", "vcard-property", NULL, "customer_id, position",
    N ({ "customer_id", NULL, CRM_ARCHIVE_PARENT, NULL },
       { "position", "position", CRM_ARCHIVE_INT, NULL },
       { "line", NULL, CRM_ARCHIVE_CONTENT, NULL }) },
  [CRM_ARCHIVE_TRANSACTIONS] = {
    "transactions", "transaction", "transactions", "id",
    N ({ "id", "id", CRM_ARCHIVE_INT, NULL },
       { "customer_id", "customer", CRM_ARCHIVE_INT, NULL },
       { "occurred_at", "time", CRM_ARCHIVE_TIME, NULL },
       { "amount", "amount", CRM_ARCHIVE_INT, NULL },
       { "currency", "currency", CRM_ARCHIVE_TEXT, NULL },
       { "product", "product", CRM_ARCHIVE_TEXT, NULL },
       { "status", "status", CRM_ARCHIVE_ENUM, crm_transaction_status_get_type }) },
  [CRM_ARCHIVE_TOUCHPOINTS] = {
    "touchpoints", "touchpoint", "touchpoints", "id",
    N ({ "id", "id", CRM_ARCHIVE_INT, NULL },
       { "customer_id", "customer", CRM_ARCHIVE_INT, NULL },
       { "type_id", "type", CRM_ARCHIVE_INT, NULL },
       { "channel_id", "channel", CRM_ARCHIVE_INT, NULL },
       { "occurred_at", "time", CRM_ARCHIVE_TIME, NULL },
       { "direction", "direction", CRM_ARCHIVE_ENUM, crm_direction_get_type },
       { "outcome", "outcome", CRM_ARCHIVE_ENUM, crm_outcome_get_type },
       { "satisfaction", "satisfaction", CRM_ARCHIVE_INT, NULL },
       { "transaction_id", "transaction", CRM_ARCHIVE_OPTIONAL, NULL },
       { "note", NULL, CRM_ARCHIVE_CONTENT, NULL }) },
  [CRM_ARCHIVE_JOURNAL] = {
    "journal", "entry", "journal", "id",
    N ({ "id", "id", CRM_ARCHIVE_INT, NULL },
       { "created_at", "created", CRM_ARCHIVE_TIME, NULL },
       { "action", "action", CRM_ARCHIVE_TEXT, NULL },
       { "customer_id", "customer", CRM_ARCHIVE_INT, NULL },
       { "other_id", "other", CRM_ARCHIVE_INT, NULL },
       { "payload", NULL, CRM_ARCHIVE_CONTENT, NULL }) },
};

const CrmArchiveTable *
crm_archive_table_get (CrmArchiveTableId id)
{
  g_return_val_if_fail (id < CRM_ARCHIVE_N_TABLES, NULL);
  return &tables[id];
}

/* Rows of a child table are written inside their customer's element. */
gboolean
crm_archive_table_is_child (const CrmArchiveTable *table)
{
  return table->section == NULL;
}

/* The column an attribute or child element holds, or -1. */
int
crm_archive_table_find_column (const CrmArchiveTable *table,
                               const char            *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (table->columns[i].name != NULL && strcmp (table->columns[i].name, name) == 0)
      return i;
  return -1;
}

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's
 * algorithms): exact for every year, and far cheaper than GDateTime for
 * the ten million timestamps of a big archive. */
static gint64
days_from_civil (gint64 y,
                 unsigned m,
                 unsigned d)
{
  gint64 era;
  unsigned yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (gint64    z,
                 gint64   *year,
                 unsigned *month,
                 unsigned *day)
{
  gint64 era;
  unsigned doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (unsigned) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (gint64) yoe + era * 400 + (*month <= 2);
}

/* As 2026-11-22T09:30:00Z. */
void
crm_archive_format_time (gint64 unix_time,
                         char   out[32])
{
  gint64 days = unix_time >= 0 ? unix_time / 86400 : (unix_time - 86399) / 86400;
  gint64 seconds = unix_time - days * 86400;
  gint64 year;
  unsigned month, day;

  civil_from_days (days, &year, &month, &day);
  g_snprintf (out, 32, "%04" G_GINT64_FORMAT "-%02u-%02uT%02d:%02d:%02dZ", year, month, day,
              (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
}

static gboolean
parse_digits (const char **text,
              int          n,
              unsigned    *value)
{
  *value = 0;
  for (int i = 0; i < n; i++, (*text)++)
    {
      if (!g_ascii_isdigit (**text))
        return FALSE;
      *value = *value * 10 + (**text - '0');
    }
  return TRUE;
}

/* Reads exactly what crm_archive_format_time() writes (four-digit years). */
gboolean
crm_archive_parse_time (const char *text,
                        gint64     *unix_time)
{
  unsigned year, month, day, hour, minute, second;

  if (!parse_digits (&text, 4, &year) || *text++ != '-'
      || !parse_digits (&text, 2, &month) || *text++ != '-'
      || !parse_digits (&text, 2, &day) || *text++ != 'T'
      || !parse_digits (&text, 2, &hour) || *text++ != ':'
      || !parse_digits (&text, 2, &minute) || *text++ != ':'
      || !parse_digits (&text, 2, &second) || *text++ != 'Z' || *text != '\0')
    return FALSE;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return FALSE;
  *unix_time = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return TRUE;
}
