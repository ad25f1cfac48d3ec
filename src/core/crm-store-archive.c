/* crm-store-archive.c: the store's side of the XML archive: every row of
 * every table read in a stable order for the writer, and a bulk restore
 * into an empty database for the reader.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-search-text.h"
#include "crm-store-private.h"
#include "crm-utils.h"

/* A restore in progress: what it set aside, and the search text of the
 * customer being restored, made from the rows as they go by so that no
 * customer has to be read back for the full-text index. */
typedef struct _CrmStoreRestore
{
  GPtrArray *schema;        /* (drop, create, table) of indexes and triggers */
  gint64     customer;      /* whose search text is being made, or 0 */
  GString   *search[5];     /* name, organization, contact, notes, tags */
} CrmStoreRestore;

static void
restore_free (CrmStoreRestore *restore)
{
  g_ptr_array_unref (restore->schema);
  for (guint i = 0; i < G_N_ELEMENTS (restore->search); i++)
    g_string_free (restore->search[i], TRUE);
  g_free (restore);
}

struct _CrmStoreRows
{
  sqlite3_stmt          *stmt;
  const CrmArchiveTable *table;
};

static char *
column_list (const CrmArchiveTable *table)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", table->columns[i].column);
  return g_string_free (sql, FALSE);
}

/**
 * crm_store_archive_rows_open:
 *
 * Starts reading every row of a table in the archive's order, with the
 * columns of its description. Call inside crm_store_archive_snapshot_begin()
 * so that all tables are read as of one moment.
 */
CrmStoreRows *
crm_store_archive_rows_open (CrmStore           *self,
                             CrmArchiveTableId   id,
                             GError            **error)
{
  const CrmArchiveTable *table = crm_archive_table_get (id);
  g_autofree char *columns = column_list (table);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s", columns, table->table, table->order);
  CrmStoreRows *rows = g_new0 (CrmStoreRows, 1);
  int rc;

  rows->table = table;
  /* Not from the statement cache: a reader of a whole table is used once. */
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &rows->stmt, NULL);
  if (rc != SQLITE_OK)
    {
      crm_store_set_error (self, rc, _("Could not read the database"), error);
      crm_store_archive_rows_close (rows);
      return NULL;
    }
  return rows;
}

/**
 * crm_store_archive_rows_next:
 * @values: (out caller-allocates): one per column of the table; texts
 *   stay valid until the next call
 *
 * Returns: 1 at a row, 0 after the last, -1 with @error set
 */
int
crm_store_archive_rows_next (CrmStore         *self,
                             CrmStoreRows     *rows,
                             CrmArchiveValue  *values,
                             GError          **error)
{
  int rc = sqlite3_step (rows->stmt);

  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      crm_store_set_error (self, rc, _("Could not read the database"), error);
      return -1;
    }
  for (guint i = 0; i < rows->table->n_columns; i++)
    {
      values[i].is_null = sqlite3_column_type (rows->stmt, i) == SQLITE_NULL;
      values[i].number = sqlite3_column_int64 (rows->stmt, i);
      values[i].text = crm_store_column_text (rows->stmt, i);
    }
  return 1;
}

void
crm_store_archive_rows_close (CrmStoreRows *rows)
{
  if (rows == NULL)
    return;
  sqlite3_finalize (rows->stmt);
  g_free (rows);
}

/* A read transaction: what the archive holds is the database at one
 * moment, while others may go on writing. */
gboolean
crm_store_archive_snapshot_begin (CrmStore  *self,
                                  GError   **error)
{
  g_return_val_if_fail (self->depth == 0, FALSE);
  return crm_store_exec (self, "BEGIN DEFERRED", _("Could not read the database"), error);
}

void
crm_store_archive_snapshot_end (CrmStore *self)
{
  crm_store_exec (self, "COMMIT", NULL, NULL);
}

/* Indexes and triggers of the tables being restored: dropped while the
 * rows go in, made again at the end, which is several times faster than
 * keeping them up to date row by row. */
static const char restore_schema_sql[] =
  "SELECT type, name, sql, tbl_name FROM sqlite_master"
  " WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
  " AND tbl_name IN ('customers', 'customer_tags', 'contact_points', 'addresses', 'external_ids',"
  "                  'customer_aliases', 'customer_vcard_properties', 'transactions', 'touchpoints',"
  "                  'journal')";

/**
 * crm_store_restore_begin:
 *
 * Starts restoring an archive: only into a database with no customers,
 * touchpoints or transactions (a new one); its default channels and
 * touchpoint types give way to the archive's. Everything until
 * crm_store_restore_finish() is one transaction.
 */
gboolean
crm_store_restore_begin (CrmStore  *self,
                         GError   **error)
{
  const char *what = _("Could not restore the archive");
  sqlite3_stmt *stmt;
  gboolean empty;

  if (!crm_store_begin (self, error))
    return FALSE;

  stmt = crm_store_prepare (self,
                            "SELECT NOT EXISTS (SELECT 1 FROM customers) AND NOT EXISTS (SELECT 1 FROM touchpoints)"
                            " AND NOT EXISTS (SELECT 1 FROM transactions) AND NOT EXISTS (SELECT 1 FROM journal)",
                            error);
  if (stmt == NULL)
    goto failed;
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (!empty)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT,
                   _("%s already holds customers; an archive is restored into a new, empty database"),
                   self->path);
      goto failed;
    }

  self->restore = g_new0 (CrmStoreRestore, 1);
  self->restore->schema = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->restore->search); i++)
    self->restore->search[i] = g_string_new (NULL);
  stmt = crm_store_prepare (self, restore_schema_sql, error);
  if (stmt == NULL)
    goto failed;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (self->restore->schema,
                       g_strdup_printf ("DROP %s %s", crm_store_column_text (stmt, 0), crm_store_column_text (stmt, 1)));
      g_ptr_array_add (self->restore->schema, g_strdup (crm_store_column_text (stmt, 2)));
      g_ptr_array_add (self->restore->schema, g_strdup (crm_store_column_text (stmt, 3)));
    }
  sqlite3_reset (stmt);

  if (!crm_store_exec (self, "DELETE FROM touchpoint_types; DELETE FROM channels", what, error))
    goto failed;
  for (guint i = 0; i < self->restore->schema->len; i += 3)
    if (!crm_store_exec (self, g_ptr_array_index (self->restore->schema, i), what, error))
      goto failed;
  return TRUE;

failed:
  crm_store_rollback (self);
  g_clear_pointer (&self->restore, restore_free);
  return FALSE;
}

static const char *
insert_sql (CrmArchiveTableId id)
{
  static char *sql[CRM_ARCHIVE_N_TABLES];

  if (g_once_init_enter (&sql[id]))
    {
      const CrmArchiveTable *table = crm_archive_table_get (id);
      g_autofree char *columns = column_list (table);
      GString *text = g_string_new (NULL);

      g_string_append_printf (text, "INSERT INTO %s (%s%s) VALUES (", table->table, columns,
                              id == CRM_ARCHIVE_CONTACT_POINTS ? ", normalized" : "");
      for (guint i = 0; i < table->n_columns + (id == CRM_ARCHIVE_CONTACT_POINTS); i++)
        g_string_append (text, i > 0 ? ", ?" : "?");
      g_string_append (text, ")");
      g_once_init_leave (&sql[id], g_string_free (text, FALSE));
    }
  return sql[id];
}

/* The column of @table called @column in SQL. */
static int
sql_column (const CrmArchiveTable *table,
            const char            *column)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (g_str_equal (table->columns[i].column, column))
      return i;
  g_return_val_if_reached (0);
}

static const char *
text_of (const CrmArchiveTable *table,
         const CrmArchiveValue *values,
         const char            *column)
{
  const char *text = values[sql_column (table, column)].text;

  return text != NULL ? text : "";
}

/* Writes the search text of the customer restored last, the same text
 * crm_store_index_customer() makes from a loaded customer. */
static gboolean
flush_search_text (CrmStore  *self,
                   GError   **error)
{
  CrmStoreRestore *restore = self->restore;
  sqlite3_stmt *stmt;

  if (restore->customer == 0)
    return TRUE;
  stmt = crm_store_prepare (self,
                            "INSERT INTO customer_search (rowid, name, organization, contact, notes, tags) "
                            "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, restore->customer);
  for (guint i = 0; i < G_N_ELEMENTS (restore->search); i++)
    {
      crm_store_bind_text (stmt, i + 2, restore->search[i]->str);
      g_string_truncate (restore->search[i], 0);
    }
  restore->customer = 0;
  return crm_store_step_done (self, stmt, _("Could not restore the archive"), error);
}

enum { SEARCH_NAME, SEARCH_ORGANIZATION, SEARCH_CONTACT, SEARCH_NOTES, SEARCH_TAGS };

static gboolean
add_search_text (CrmStore               *self,
                 CrmArchiveTableId       id,
                 const CrmArchiveValue  *values,
                 GError                **error)
{
  CrmStoreRestore *restore = self->restore;
  const CrmArchiveTable *table = crm_archive_table_get (id);
  GString **search = restore->search;

  if (id == CRM_ARCHIVE_CUSTOMERS)
    {
      if (!flush_search_text (self, error))
        return FALSE;
      restore->customer = values[sql_column (table, "id")].number;
      crm_search_text_append (search[SEARCH_NAME], text_of (table, values, "display_name"));
      crm_search_text_append (search[SEARCH_NAME], text_of (table, values, "given_name"));
      crm_search_text_append (search[SEARCH_NAME], text_of (table, values, "family_name"));
      crm_search_text_append (search[SEARCH_ORGANIZATION], text_of (table, values, "organization"));
      crm_search_text_append (search[SEARCH_ORGANIZATION], text_of (table, values, "title"));
      crm_search_text_append (search[SEARCH_NOTES], text_of (table, values, "notes"));
      return TRUE;
    }
  if (!crm_archive_table_is_child (table) || values[0].number != restore->customer)
    return TRUE;

  switch (id)
    {
    case CRM_ARCHIVE_CONTACT_POINTS:
      if (values[sql_column (table, "kind")].number == CRM_CONTACT_KIND_PHONE)
        crm_search_text_append_phone (search[SEARCH_CONTACT], text_of (table, values, "value"));
      else
        crm_search_text_append (search[SEARCH_CONTACT], text_of (table, values, "value"));
      break;
    case CRM_ARCHIVE_ADDRESSES:
      {
        const char *parts[] = {
          text_of (table, values, "po_box"), text_of (table, values, "extended"),
          text_of (table, values, "street"), text_of (table, values, "postal_code"),
          text_of (table, values, "locality"), text_of (table, values, "region"),
          text_of (table, values, "country"),
        };
        g_autofree char *line = crm_address_format_parts (parts);

        crm_search_text_append (search[SEARCH_CONTACT], line);
      }
      break;
    case CRM_ARCHIVE_TAGS:
      crm_search_text_append (search[SEARCH_TAGS], text_of (table, values, "tag"));
      break;
    default:
      break;
    }
  return TRUE;
}

/**
 * crm_store_restore_row:
 * @values: one per column of the table's description
 *
 * Adds one row of the archive. Rows must come in the order of
 * #CrmArchiveTableId, or at least after the rows they refer to.
 */
gboolean
crm_store_restore_row (CrmStore               *self,
                       CrmArchiveTableId       id,
                       const CrmArchiveValue  *values,
                       GError                **error)
{
  const CrmArchiveTable *table = crm_archive_table_get (id);
  sqlite3_stmt *stmt = crm_store_prepare (self, insert_sql (id), error);
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (self->restore != NULL, FALSE);

  if (stmt == NULL || !add_search_text (self, id, values, error))
    return FALSE;
  for (guint i = 0; i < table->n_columns; i++)
    {
      switch (table->columns[i].kind)
        {
        case CRM_ARCHIVE_TEXT:
        case CRM_ARCHIVE_CONTENT:
        case CRM_ARCHIVE_CHILD_TEXT:
          crm_store_bind_text (stmt, i + 1, values[i].text != NULL ? values[i].text : "");
          break;
        default:
          if (values[i].is_null)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_int64 (stmt, i + 1, values[i].number);
        }
    }
  if (id == CRM_ARCHIVE_CONTACT_POINTS)
    {
      /* The same normalization crm_store_save_customer() keeps. */
      int kind = crm_archive_table_find_column (table, "kind");
      const char *value = values[table->n_columns - 1].text;

      normalized = values[kind].number == CRM_CONTACT_KIND_PHONE ? crm_normalize_phone (value)
                                                                 : crm_normalize_email (value);
      crm_store_bind_text (stmt, table->n_columns + 1, normalized);
    }
  return crm_store_step_done (self, stmt, _("Could not restore the archive"), error);
}

static gboolean
make_schema_again (CrmStore  *self,
                   gboolean   of_customers,
                   GError   **error)
{
  for (guint i = 0; i < self->restore->schema->len; i += 3)
    {
      const char *create = g_ptr_array_index (self->restore->schema, i + 1);
      const char *table = g_ptr_array_index (self->restore->schema, i + 2);

      if (g_str_equal (table, "customers") == of_customers
          && !crm_store_exec (self, create, _("Could not restore the archive"), error))
        return FALSE;
    }
  return TRUE;
}

/* What the summary triggers keep up to date row by row, computed for all
 * customers at once. */
static gboolean
update_summaries (CrmStore  *self,
                  GError   **error)
{
  return crm_store_exec (self,
                         "UPDATE customers SET n_touchpoints = t.n, last_touchpoint_at = t.last"
                         "  FROM (SELECT customer_id, count(*) AS n, max(occurred_at) AS last"
                         "        FROM touchpoints GROUP BY customer_id) AS t"
                         "  WHERE customers.id = t.customer_id;"
                         "UPDATE customers SET lifetime_value = t.value"
                         "  FROM (SELECT customer_id, sum(amount) AS value FROM transactions"
                         "        WHERE status = 1 GROUP BY customer_id) AS t"
                         "  WHERE customers.id = t.customer_id",
                         _("Could not restore the archive"), error);
}

/**
 * crm_store_restore_finish:
 *
 * Makes the indexes and triggers again, computes what is derived from the
 * rows (the customers' summary figures, the full-text index, the KPI
 * summaries and RFM scores), checks the
 * references and commits.
 */
gboolean
crm_store_restore_finish (CrmStore  *self,
                          GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->restore != NULL, FALSE);

  /* The touchpoints' and transactions' indexes first, which the summary
   * figures are computed with; the customers' own after, so they are
   * built once from the final figures. */
  if (!make_schema_again (self, FALSE, error) || !update_summaries (self, error)
      || !make_schema_again (self, TRUE, error) || !flush_search_text (self, error)
      || !crm_store_rebuild_kpis (self, error)
      || !crm_store_rebuild_kpi_breakdowns (self, error))
    goto failed;

  /* Foreign keys are checked row by row as they go in, except where the
   * archive refers forward; one pass proves the whole. */
  stmt = crm_store_prepare (self, "SELECT count(*) FROM pragma_foreign_key_check", error);
  if (stmt == NULL)
    goto failed;
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT,
                   _("The archive refers to customers, channels or transactions it does not contain"));
      goto failed;
    }
  sqlite3_reset (stmt);

  g_clear_pointer (&self->restore, restore_free);
  return crm_store_commit (self, error);

failed:
  crm_store_restore_abort (self);
  return FALSE;
}

/* Leaves the database as it was before crm_store_restore_begin(). */
void
crm_store_restore_abort (CrmStore *self)
{
  if (self->restore == NULL)
    return;
  g_clear_pointer (&self->restore, restore_free);
  crm_store_rollback (self);
}
