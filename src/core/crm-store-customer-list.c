/* crm-store-customer-list.c: the queries behind the customer list: the
 * ordered ids of the customers a query selects, the list rows for a page of
 * ids, and the values the filters offer.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-search-text.h"
#include "crm-store-private.h"

/* The ORDER BY term of each sort; each has an index (schema version 3). */
static const char * const sort_terms[] = {
  [CRM_CUSTOMER_SORT_NAME] = "display_name COLLATE NOCASE",
  [CRM_CUSTOMER_SORT_ORGANIZATION] = "organization COLLATE NOCASE",
  [CRM_CUSTOMER_SORT_SEGMENT] = "segment",
  [CRM_CUSTOMER_SORT_OWNER] = "owner",
  [CRM_CUSTOMER_SORT_LAST_TOUCHPOINT] = "last_touchpoint_at",
  [CRM_CUSTOMER_SORT_LIFETIME_VALUE] = "lifetime_value",
  [CRM_CUSTOMER_SORT_TOUCHPOINTS] = "n_touchpoints",
};

static GArray *query_ids (CrmStore          *self,
                          CrmCustomerQuery  *query,
                          guint              limit,
                          guint              first_count,
                          CrmIdsFunc         first_rows,
                          gpointer           user_data,
                          GCancellable      *cancellable,
                          GError           **error);

/* The index behind each sort, named to make SQLite walk it in order when a
 * search matches many customers: rows then stream out already sorted,
 * instead of every match being fetched and sorted before the first row. */
static const char * const sort_indexes[] = {
  [CRM_CUSTOMER_SORT_NAME] = "customers_by_name",
  [CRM_CUSTOMER_SORT_ORGANIZATION] = "customers_by_organization",
  [CRM_CUSTOMER_SORT_SEGMENT] = "customers_by_segment",
  [CRM_CUSTOMER_SORT_OWNER] = "customers_by_owner",
  [CRM_CUSTOMER_SORT_LAST_TOUCHPOINT] = "customers_by_last_touchpoint",
  [CRM_CUSTOMER_SORT_LIFETIME_VALUE] = "customers_by_value",
  [CRM_CUSTOMER_SORT_TOUCHPOINTS] = "customers_by_touchpoints",
};

/* Which plan answers a search fastest. Fetching every match and sorting
 * costs about a microsecond and a half per match; walking the sort index
 * costs little per row but only pays off when matches come early in the
 * walk. Names sort by script (Latin, then Cyrillic, Arabic, Chinese), so
 * a search typed in Latin letters finds its matches early in an ascending
 * name walk, and one typed in another script finds them late. */
#define FEW_MATCHES 6000
#define SORTABLE_MATCHES 100000

static gboolean
is_latin_or_digit (gunichar c)
{
  return c < 0x250;
}

static gboolean
walk_sort_index (CrmStore         *self,
                 const char       *match,
                 const char       *typed,
                 CrmCustomerSort   sort,
                 gboolean          descending)
{
  sqlite3_stmt *stmt = crm_store_prepare (self,
                                          "SELECT count(*) FROM (SELECT rowid FROM customer_search "
                                          "WHERE customer_search MATCH ? LIMIT ?)", NULL);
  gint64 matches = 0;
  gunichar first = 0;

  if (stmt == NULL)
    return TRUE;
  crm_store_bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, SORTABLE_MATCHES + 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    matches = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (matches <= FEW_MATCHES)
    return FALSE;
  if (matches > SORTABLE_MATCHES)
    return TRUE;
  if (sort != CRM_CUSTOMER_SORT_NAME && sort != CRM_CUSTOMER_SORT_ORGANIZATION)
    return TRUE;

  for (const char *p = typed; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (first = g_utf8_get_char (p)))
      break;
  /* Matches early in the walk: Latin ascending, other scripts descending. */
  return is_latin_or_digit (first) != descending;
}

/**
 * crm_store_query_customer_ids:
 * @query: what to select and how to order it
 * @limit: at most this many ids; 0 for all
 * @cancellable: (nullable): interrupts the query
 *
 * The ids of the customers @query selects, in its order. Only ids are kept
 * in memory (8 bytes a customer); the rows are read a page at a time with
 * crm_store_load_customer_summaries(). Every order ends with the id, so it
 * is total and stable.
 *
 * Returns: (transfer full) (element-type gint64): the ids, or %NULL with
 *   @error set
 */
GArray *
crm_store_query_customer_ids (CrmStore          *self,
                              CrmCustomerQuery  *query,
                              guint              limit,
                              GCancellable      *cancellable,
                              GError           **error)
{
  return query_ids (self, query, limit, 0, NULL, NULL, cancellable, error);
}

/**
 * crm_store_stream_customer_ids:
 * @first_count: after this many ids, @first_rows is called
 * @first_rows: (scope call): gets a copy of the first ids, so a screenful
 *   can be shown while the query goes on
 *
 * Like crm_store_query_customer_ids() for all matches, in one pass: the
 * rows come in index order, so the first screenful is known long before
 * the last row.
 *
 * Returns: (transfer full) (element-type gint64): all the ids, or %NULL
 *   with @error set
 */
GArray *
crm_store_stream_customer_ids (CrmStore          *self,
                               CrmCustomerQuery  *query,
                               guint              first_count,
                               CrmIdsFunc         first_rows,
                               gpointer           user_data,
                               GCancellable      *cancellable,
                               GError           **error)
{
  return query_ids (self, query, 0, first_count, first_rows, user_data, cancellable, error);
}

static GArray *
query_ids (CrmStore          *self,
           CrmCustomerQuery  *query,
           guint              limit,
           guint              first_count,
           CrmIdsFunc         first_rows,
           gpointer           user_data,
           GCancellable      *cancellable,
           GError           **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM customers");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *match = NULL;
  const char *segment, *owner, *tag;
  const char *direction;
  int stage, rfm_segment, index = 1, rc;
  gboolean walk;
  CrmCustomerSort sort;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (CRM_IS_CUSTOMER_QUERY (query), NULL);

  sort = crm_customer_query_get_sort (query);
  g_return_val_if_fail (sort < G_N_ELEMENTS (sort_terms), NULL);

  segment = crm_customer_query_get_segment (query);
  owner = crm_customer_query_get_owner (query);
  tag = crm_customer_query_get_tag (query);
  stage = crm_customer_query_get_lifecycle_stage (query);
  rfm_segment = crm_customer_query_get_rfm_segment (query);
  match = crm_search_text_build_query (crm_customer_query_get_search (query));

  /* Only fixed fragments go into the SQL; every value is bound. */
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 1000, crm_store_is_cancelled, cancellable);
  walk = match == NULL ||
         walk_sort_index (self, match, crm_customer_query_get_search (query), sort,
                          crm_customer_query_get_descending (query));
  if (walk)
    g_string_append_printf (sql, " INDEXED BY %s", sort_indexes[sort]);
  g_string_append (sql, " WHERE 1");
  if (segment[0] != '\0')
    g_string_append (sql, " AND segment = ?");
  if (owner[0] != '\0')
    g_string_append (sql, " AND owner = ?");
  if (stage >= 0)
    g_string_append (sql, " AND lifecycle_stage = ?");
  if (tag[0] != '\0')
    g_string_append (sql, " AND id IN (SELECT customer_id FROM customer_tags WHERE tag = ?)");
  if (rfm_segment >= 0)
    g_string_append (sql, " AND id IN (SELECT customer_id FROM customer_rfm WHERE segment = ?)");
  if (match != NULL)
    g_string_append (sql, " AND id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)");
  direction = crm_customer_query_get_descending (query) ? " DESC" : "";
  g_string_append_printf (sql, " ORDER BY %s%s, id%s LIMIT ?", sort_terms[sort], direction, direction);

  stmt = crm_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    {
      sqlite3_progress_handler (self->db, 0, NULL, NULL);
      return NULL;
    }
  if (segment[0] != '\0')
    crm_store_bind_text (stmt, index++, segment);
  if (owner[0] != '\0')
    crm_store_bind_text (stmt, index++, owner);
  if (stage >= 0)
    sqlite3_bind_int (stmt, index++, stage);
  if (tag[0] != '\0')
    crm_store_bind_text (stmt, index++, tag);
  if (rfm_segment >= 0)
    sqlite3_bind_int (stmt, index++, rfm_segment);
  if (match != NULL)
    crm_store_bind_text (stmt, index++, match);

  /* Sorted matches come out only once all are sorted; a first query with
   * a LIMIT sorts just enough for the first screenful. A walk of the sort
   * index streams, and the first screenful is sent as it passes. */
  rc = SQLITE_DONE;
  if (first_rows != NULL && !walk)
    {
      g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (gint64));

      sqlite3_bind_int64 (stmt, index, first_count);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (first, id);
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE && first->len == first_count)
        first_rows (first, user_data);
      first_rows = NULL;
    }

  if (rc == SQLITE_DONE)
    {
      sqlite3_bind_int64 (stmt, index, limit > 0 ? (gint64) limit : -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
          if (first_rows != NULL && ids->len == first_count)
            {
              g_autoptr(GArray) first = g_array_copy (ids);

              first_rows (first, user_data);
            }
        }
      sqlite3_reset (stmt);
    }
  sqlite3_progress_handler (self->db, 0, NULL, NULL);

  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, _("Could not search the customers"), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static CrmCustomerSummary *
read_summary (sqlite3_stmt *stmt)
{
  CrmCustomerSummary *summary = crm_customer_summary_new ();

  crm_customer_summary_set_id (summary, sqlite3_column_int64 (stmt, 0));
  crm_customer_summary_set_display_name (summary, crm_store_column_text (stmt, 1));
  crm_customer_summary_set_organization (summary, crm_store_column_text (stmt, 2));
  crm_customer_summary_set_segment (summary, crm_store_column_text (stmt, 3));
  crm_customer_summary_set_owner (summary, crm_store_column_text (stmt, 4));
  crm_customer_summary_set_kind (summary, sqlite3_column_int (stmt, 5));
  crm_customer_summary_set_lifecycle_stage (summary, sqlite3_column_int (stmt, 6));
  crm_customer_summary_set_last_touchpoint_at (summary, sqlite3_column_int64 (stmt, 7));
  crm_customer_summary_set_lifetime_value (summary, sqlite3_column_int64 (stmt, 8));
  crm_customer_summary_set_n_touchpoints (summary, sqlite3_column_int64 (stmt, 9));
  return summary;
}

/**
 * crm_store_load_customer_summaries:
 * @ids: (array length=n_ids): customer ids
 *
 * The list rows of the given customers, in the order of @ids. A customer
 * deleted in the meantime comes back as an empty row with its id, so that
 * positions stay as the caller knows them until it refreshes.
 *
 * Returns: (transfer full) (element-type CrmCustomerSummary): @n_ids rows
 */
GPtrArray *
crm_store_load_customer_summaries (CrmStore      *self,
                                   const gint64  *ids,
                                   guint          n_ids,
                                   GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n_ids, g_object_unref);
  g_autoptr(GPtrArray) found = g_ptr_array_new_full (n_ids, g_object_unref);
  g_autoptr(GString) list = g_string_new ("[");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (list, ']');

  /* One statement for the whole page: the ids come as one JSON array. */
  stmt = crm_store_prepare (self,
                            "SELECT id, display_name, organization, segment, owner, kind, "
                            "lifecycle_stage, last_touchpoint_at, lifetime_value, n_touchpoints "
                            "FROM customers WHERE id IN (SELECT value FROM json_each(?))", error);
  if (stmt == NULL)
    return NULL;
  crm_store_bind_text (stmt, 1, list->str);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, read_summary (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, _("Could not read the customers"), error);
      return NULL;
    }

  /* Back into the caller's order. A page is a few dozen rows, so a plain
   * scan beats building an index. */
  for (guint i = 0; i < n_ids; i++)
    {
      CrmCustomerSummary *summary = NULL;

      for (guint j = 0; j < found->len && summary == NULL; j++)
        if (crm_customer_summary_get_id (g_ptr_array_index (found, j)) == ids[i])
          summary = g_ptr_array_index (found, j);

      if (summary != NULL)
        g_ptr_array_add (rows, g_object_ref (summary));
      else
        {
          summary = crm_customer_summary_new ();
          crm_customer_summary_set_id (summary, ids[i]);
          g_ptr_array_add (rows, summary);
        }
    }
  return g_steal_pointer (&rows);
}

/**
 * crm_store_list_values:
 *
 * The distinct non-empty values of a field across all customers, sorted:
 * what a filter offers.
 *
 * Returns: (transfer full): the values
 */
char **
crm_store_list_values (CrmStore          *self,
                       CrmCustomerField   field,
                       GError           **error)
{
  static const char * const queries[] = {
    [CRM_CUSTOMER_FIELD_SEGMENT] = "SELECT DISTINCT segment FROM customers WHERE segment != '' ORDER BY 1",
    [CRM_CUSTOMER_FIELD_OWNER] = "SELECT DISTINCT owner FROM customers WHERE owner != '' ORDER BY 1",
    [CRM_CUSTOMER_FIELD_TAG] = "SELECT DISTINCT tag FROM customer_tags WHERE tag != '' ORDER BY 1",
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (field < G_N_ELEMENTS (queries), NULL);

  stmt = crm_store_prepare (self, queries[field], error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, crm_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, _("Could not read the customers"), error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static void
list_values_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  CrmStore *self = source_object;
  CrmCustomerField field = GPOINTER_TO_INT (task_data);
  GError *error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (self->path, &error);
  char **values = store ? crm_store_list_values (store, field, &error) : NULL;

  if (values == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, values, (GDestroyNotify) g_strfreev);
}

/**
 * crm_store_list_values_async:
 *
 * crm_store_list_values() on a worker thread with a connection of its
 * own: the distinct owners of a million customers take a scan of an index,
 * too long for the thread that draws the window.
 */
void
crm_store_list_values_async (CrmStore            *self,
                             CrmCustomerField     field,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_store_list_values_async);
  g_task_set_task_data (task, GINT_TO_POINTER (field), NULL);
  g_task_run_in_thread (task, list_values_in_thread);
}

/**
 * crm_store_list_values_finish:
 *
 * Returns: (transfer full) (nullable): the values, or %NULL with @error set
 */
char **
crm_store_list_values_finish (CrmStore      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
