/* crm-store-journal.c: undo for deletes and merges. Before a customer is
 * deleted or merged away, everything that belongs to them is written to
 * the journal as JSON rows per table, in the same transaction; undo puts
 * the rows back. The journal is in the database, so an undo still works
 * after the user switched views or restarted.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-store-private.h"

/* What belongs to a customer, in the order it is restored: transactions
 * before the touchpoints that point at them. */
static const struct
{
  const char *table;
  const char *key;      /* the column naming the customer */
  gboolean    has_id;   /* an INTEGER PRIMARY KEY id that may be taken by now */
} parts[] = {
  { "customers", "id", TRUE },
  { "customer_tags", "customer_id", FALSE },
  { "contact_points", "customer_id", TRUE },
  { "addresses", "customer_id", TRUE },
  { "external_ids", "customer_id", FALSE },
  { "customer_aliases", "customer_id", FALSE },
  { "customer_vcard_properties", "customer_id", FALSE },
  { "transactions", "customer_id", TRUE },
  { "touchpoints", "customer_id", TRUE },
};

/* Entries older than this are dropped when a database is opened. */
#define JOURNAL_DAYS 30

static GStrv
table_columns (CrmStore    *self,
               const char  *table,
               GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = crm_store_prepare (self, "SELECT name FROM pragma_table_info(?) ORDER BY cid", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  crm_store_bind_text (stmt, 1, table);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, crm_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, _("Could not read the database"), error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* {"customers":[{…}], "contact_points":[…], …} for one customer. */
static char *
snapshot_customer (CrmStore  *self,
                   gint64     customer_id,
                   GError   **error)
{
  g_autoptr(GString) json = g_string_new ("{");

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_auto(GStrv) columns = table_columns (self, parts[p].table, error);
      g_autoptr(GString) sql = g_string_new ("SELECT json_group_array(json_object(");
      sqlite3_stmt *stmt;
      int rc;

      if (columns == NULL)
        return NULL;
      /* Names come from the schema itself, never from data. */
      for (guint c = 0; columns[c] != NULL; c++)
        g_string_append_printf (sql, "%s'%s', \"%s\"", c ? ", " : "", columns[c], columns[c]);
      g_string_append_printf (sql, ")) FROM %s WHERE %s = ?", parts[p].table, parts[p].key);

      stmt = crm_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          crm_store_set_error (self, rc, _("Could not read the customer"), error);
          return NULL;
        }
      g_string_append_printf (json, "%s\"%s\":%s", p ? "," : "", parts[p].table,
                              crm_store_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  g_string_append_c (json, '}');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Writes a journal entry; @payload holds the snapshots. */
static gboolean
write_entry (CrmStore    *self,
             const char  *action,
             gint64       customer_id,
             gint64       other_id,
             const char  *payload,
             gint64      *journal_id,
             GError     **error)
{
  sqlite3_stmt *stmt = crm_store_prepare (self,
                                          "INSERT INTO journal (created_at, action, customer_id, other_id, payload) "
                                          "VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  crm_store_bind_text (stmt, 2, action);
  sqlite3_bind_int64 (stmt, 3, customer_id);
  sqlite3_bind_int64 (stmt, 4, other_id);
  crm_store_bind_text (stmt, 5, payload);
  if (!crm_store_step_done (self, stmt, _("Could not save the undo information"), error))
    return FALSE;
  if (journal_id != NULL)
    *journal_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Removes a customer with everything that is theirs: the search index
 * entry by hand, the rest through ON DELETE CASCADE. */
gboolean
crm_store_remove_customer (CrmStore  *self,
                           gint64     id,
                           GError   **error)
{
  const char *what = _("Could not delete the customer");
  sqlite3_stmt *stmt = crm_store_prepare (self, "DELETE FROM customer_search WHERE rowid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crm_store_step_done (self, stmt, what, error))
    return FALSE;

  stmt = crm_store_prepare (self, "DELETE FROM customers WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crm_store_step_done (self, stmt, what, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The customer is not in “%s”"), self->path);
      return FALSE;
    }
  crm_store_note_change (self, id);
  return TRUE;
}

/**
 * crm_store_delete_customer:
 * @journal_id: (out) (optional): the journal entry crm_store_undo() takes
 *
 * Deletes a customer with their contact data, touchpoints and
 * transactions, keeping all of it in the journal so the delete can be
 * undone.
 */
gboolean
crm_store_delete_customer (CrmStore  *self,
                           gint64     id,
                           gint64    *journal_id,
                           GError   **error)
{
  g_autofree char *snapshot = NULL;
  g_autofree char *payload = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!crm_store_begin (self, error))
    return FALSE;

  snapshot = snapshot_customer (self, id, error);
  if (snapshot == NULL)
    goto failed;
  payload = g_strdup_printf ("{\"first\":%s}", snapshot);
  if (!write_entry (self, "delete", id, 0, payload, journal_id, error) ||
      !crm_store_remove_customer (self, id, error))
    goto failed;

  return crm_store_commit (self, error);

failed:
  crm_store_rollback (self);
  return FALSE;
}

/* Puts one table's rows back. Row ids taken in the meantime by new rows
 * give way to fresh ones; @customer_id is the id the customer has now;
 * touchpoints follow their transactions' new ids through @transaction_ids. */
static gboolean
restore_table (CrmStore    *self,
               guint        part,
               const char  *snapshot,
               gint64      *customer_id,
               GHashTable  *transaction_ids,
               GError     **error)
{
  const char *table = parts[part].table;
  const char *what = _("Could not undo");
  g_auto(GStrv) columns = table_columns (self, table, error);
  g_autoptr(GString) insert = NULL;
  g_autofree char *rows_path = g_strdup_printf ("$.%s", table);
  g_autofree char *taken_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  sqlite3_stmt *rows;
  int rc;

  if (columns == NULL)
    return FALSE;

  insert = g_string_new (NULL);
  g_string_append_printf (insert, "INSERT INTO %s (", table);
  for (guint c = 0; columns[c] != NULL; c++)
    g_string_append_printf (insert, "%s\"%s\"", c ? ", " : "", columns[c]);
  g_string_append (insert, ") VALUES (");
  for (guint c = 0; columns[c] != NULL; c++)
    {
      const char *column = columns[c];

      if (c)
        g_string_append (insert, ", ");
      if (strcmp (column, "id") == 0 && parts[part].has_id)
        g_string_append (insert, "?2");
      else if (strcmp (column, parts[part].key) == 0)
        g_string_append (insert, "?3");
      else if (strcmp (column, "transaction_id") == 0)
        g_string_append (insert, "?4");
      else if (strcmp (table, "customers") == 0 &&
               (strcmp (column, "n_touchpoints") == 0 || strcmp (column, "last_touchpoint_at") == 0 ||
                strcmp (column, "lifetime_value") == 0))
        /* Counted again by the triggers as touchpoints and
         * transactions come back. */
        g_string_append (insert, "0");
      else
        g_string_append_printf (insert, "json_extract(?1, '$.\"%s\"')", column);
    }
  g_string_append (insert, ")");

  rows = crm_store_prepare (self,
                            "SELECT value, json_extract(value, '$.id'), json_extract(value, '$.transaction_id') "
                            "FROM json_each(?, ?)", error);
  if (rows == NULL)
    return FALSE;
  crm_store_bind_text (rows, 1, snapshot);
  crm_store_bind_text (rows, 2, rows_path);

  /* The rows are copied out first: the statements below reuse the cache. */
  {
    g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GArray) old_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GArray) old_transactions = g_array_new (FALSE, FALSE, sizeof (gint64));

    while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
      {
        gint64 old_id = sqlite3_column_int64 (rows, 1);
        gint64 old_transaction = sqlite3_column_int64 (rows, 2);

        g_ptr_array_add (values, g_strdup (crm_store_column_text (rows, 0)));
        g_array_append_val (old_ids, old_id);
        g_array_append_val (old_transactions, old_transaction);
      }
    sqlite3_reset (rows);
    if (rc != SQLITE_DONE)
      {
        crm_store_set_error (self, rc, what, error);
        return FALSE;
      }

    for (guint i = 0; i < values->len; i++)
      {
        gint64 old_id = g_array_index (old_ids, gint64, i);
        gint64 old_transaction = g_array_index (old_transactions, gint64, i);
        gboolean taken = FALSE;
        sqlite3_stmt *stmt;

        if (parts[part].has_id)
          {
            stmt = crm_store_prepare (self, taken_sql, error);
            if (stmt == NULL)
              return FALSE;
            sqlite3_bind_int64 (stmt, 1, old_id);
            rc = sqlite3_step (stmt);
            sqlite3_reset (stmt);
            taken = rc == SQLITE_ROW;
          }

        stmt = crm_store_prepare (self, insert->str, error);
        if (stmt == NULL)
          return FALSE;
        crm_store_bind_text (stmt, 1, g_ptr_array_index (values, i));
        if (parts[part].has_id && !taken)
          sqlite3_bind_int64 (stmt, 2, old_id);
        if (part > 0)
          sqlite3_bind_int64 (stmt, 3, *customer_id);
        if (old_transaction != 0)
          {
            gpointer new_id = g_hash_table_lookup (transaction_ids, &old_transaction);

            if (new_id != NULL)
              sqlite3_bind_int64 (stmt, 4, *(gint64 *) new_id);
          }
        if (!crm_store_step_done (self, stmt, what, error))
          return FALSE;

        if (part == 0)
          *customer_id = sqlite3_last_insert_rowid (self->db);
        else if (strcmp (table, "transactions") == 0)
          {
            gint64 *key = g_memdup2 (&old_id, sizeof old_id);
            gint64 new_id = sqlite3_last_insert_rowid (self->db);

            g_hash_table_insert (transaction_ids, key, g_memdup2 (&new_id, sizeof new_id));
          }
      }
  }
  return TRUE;
}

/* Restores one customer from a snapshot; returns their id, which is the
 * old one unless a new customer took it in the meantime. */
static gint64
restore_customer (CrmStore    *self,
                  const char  *snapshot,
                  GError     **error)
{
  g_autoptr(GHashTable) transaction_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(CrmCustomer) customer = NULL;
  gint64 customer_id = 0;

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    if (!restore_table (self, p, snapshot, &customer_id, transaction_ids, error))
      return 0;

  customer = crm_store_load_customer (self, customer_id, error);
  if (customer == NULL || !crm_store_index_customer (self, customer_id, customer, FALSE, error))
    return 0;
  crm_store_note_change (self, customer_id);
  return customer_id;
}

/**
 * crm_store_undo:
 * @journal_id: what crm_store_delete_customer() or
 *   crm_store_merge_customers() gave
 *
 * Undoes a delete or a merge: the customers come back with their contact
 * data, touchpoints and transactions, as they were. All or nothing.
 */
gboolean
crm_store_undo (CrmStore  *self,
                gint64     journal_id,
                GError   **error)
{
  g_autofree char *action = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gint64 customer_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!crm_store_begin (self, error))
    return FALSE;

  stmt = crm_store_prepare (self,
                            "SELECT action, customer_id, json_extract(payload, '$.first'), "
                            "json_extract(payload, '$.second') FROM journal WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, journal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      action = g_strdup (crm_store_column_text (stmt, 0));
      customer_id = sqlite3_column_int64 (stmt, 1);
      first = g_strdup (crm_store_column_text (stmt, 2));
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        second = g_strdup (crm_store_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("Could not undo in “%s”: there is nothing to undo any more"), self->path);
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      crm_store_set_error (self, rc, _("Could not undo"), error);
      goto failed;
    }

  /* A merge is undone by taking the merged customer away and bringing
   * both back as they were before. */
  if (g_str_equal (action, "merge") && !crm_store_remove_customer (self, customer_id, error))
    goto failed;

  if (restore_customer (self, first, error) == 0 ||
      (second != NULL && restore_customer (self, second, error) == 0))
    goto failed;

  stmt = crm_store_prepare (self, "DELETE FROM journal WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, journal_id);
  if (!crm_store_step_done (self, stmt, _("Could not undo"), error))
    goto failed;

  return crm_store_commit (self, error);

failed:
  crm_store_rollback (self);
  return FALSE;
}

/* Used by merges: the snapshots of both customers, then the entry. */
gboolean
crm_store_journal_merge (CrmStore  *self,
                         gint64     survivor_id,
                         gint64     other_id,
                         gint64    *journal_id,
                         GError   **error)
{
  g_autofree char *first = snapshot_customer (self, survivor_id, error);
  g_autofree char *second = NULL;
  g_autofree char *payload = NULL;

  if (first == NULL)
    return FALSE;
  second = snapshot_customer (self, other_id, error);
  if (second == NULL)
    return FALSE;
  payload = g_strdup_printf ("{\"first\":%s,\"second\":%s}", first, second);
  return write_entry (self, "merge", survivor_id, other_id, payload, journal_id, error);
}

/* Drops journal entries older than JOURNAL_DAYS; run when a database is
 * opened, so undo information does not pile up for ever. */
gboolean
crm_store_prune_journal (CrmStore  *self,
                         GError   **error)
{
  sqlite3_stmt *stmt = crm_store_prepare (self, "DELETE FROM journal WHERE created_at < ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC - JOURNAL_DAYS * 24 * 60 * 60);
  return crm_store_step_done (self, stmt, _("Could not tidy the undo information"), error);
}
