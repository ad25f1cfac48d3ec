/* crm-store-schema.c: the database schema and its migrations.
 *
 * Each migration takes the schema from version N to N + 1. They run in
 * order, all inside one transaction, so a database is either fully upgraded
 * or not touched. Never edit a released migration: add a new one.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-private.h"

typedef struct
{
  const char *sql;
  /* Work SQL alone cannot do, run after the SQL in the same transaction. */
  gboolean  (*after) (CrmStore *self, GError **error);
} Migration;

static const Migration migrations[] = {
  { /* 0 → 1: customers, their contact data, and their journeys. Text columns
   * are NOT NULL DEFAULT '' so that "unknown" has one spelling. Times are
   * Unix seconds (UTC); money is integer minor units with a currency. */
  "CREATE TABLE customers ("
  "  id              INTEGER PRIMARY KEY,"
  "  uid             TEXT NOT NULL UNIQUE,"
  "  kind            INTEGER NOT NULL DEFAULT 0,"
  "  given_name      TEXT NOT NULL DEFAULT '',"
  "  family_name     TEXT NOT NULL DEFAULT '',"
  "  display_name    TEXT NOT NULL DEFAULT '',"
  "  organization    TEXT NOT NULL DEFAULT '',"
  "  title           TEXT NOT NULL DEFAULT '',"
  "  owner           TEXT NOT NULL DEFAULT '',"
  "  region          TEXT NOT NULL DEFAULT '',"
  "  segment         TEXT NOT NULL DEFAULT '',"
  "  lifecycle_stage INTEGER NOT NULL DEFAULT 0,"
  "  notes           TEXT NOT NULL DEFAULT '',"
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL"
  ");"
  "CREATE TABLE customer_tags ("
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  tag         TEXT NOT NULL,"
  "  PRIMARY KEY (customer_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX customer_tags_by_tag ON customer_tags (tag);"
  "CREATE TABLE contact_points ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  kind        INTEGER NOT NULL,"
  "  value       TEXT NOT NULL,"
  "  label       TEXT NOT NULL DEFAULT '',"
  "  preferred   INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX contact_points_by_customer ON contact_points (customer_id, position);"
  "CREATE TABLE addresses ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  label       TEXT NOT NULL DEFAULT '',"
  "  preferred   INTEGER NOT NULL DEFAULT 0,"
  "  po_box      TEXT NOT NULL DEFAULT '',"
  "  extended    TEXT NOT NULL DEFAULT '',"
  "  street      TEXT NOT NULL DEFAULT '',"
  "  locality    TEXT NOT NULL DEFAULT '',"
  "  region      TEXT NOT NULL DEFAULT '',"
  "  postal_code TEXT NOT NULL DEFAULT '',"
  "  country     TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX addresses_by_customer ON addresses (customer_id, position);"
  "CREATE TABLE channels ("
  "  id       INTEGER PRIMARY KEY,"
  "  key      TEXT NOT NULL UNIQUE,"
  "  name     TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE touchpoint_types ("
  "  id              INTEGER PRIMARY KEY,"
  "  name            TEXT NOT NULL UNIQUE,"
  "  stage           TEXT NOT NULL,"
  "  moment_of_truth INTEGER NOT NULL DEFAULT 0,"
  "  required_data   INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE transactions ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  occurred_at INTEGER NOT NULL,"
  "  amount      INTEGER NOT NULL,"
  "  currency    TEXT NOT NULL,"
  "  product     TEXT NOT NULL DEFAULT '',"
  "  status      INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX transactions_by_customer ON transactions (customer_id, occurred_at);"
  "CREATE INDEX transactions_by_time ON transactions (occurred_at);"
  "CREATE TABLE touchpoints ("
  "  id             INTEGER PRIMARY KEY,"
  "  customer_id    INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  type_id        INTEGER NOT NULL REFERENCES touchpoint_types (id),"
  "  channel_id     INTEGER NOT NULL REFERENCES channels (id),"
  "  occurred_at    INTEGER NOT NULL,"
  "  direction      INTEGER NOT NULL DEFAULT 0,"
  "  outcome        INTEGER NOT NULL DEFAULT 0,"
  "  satisfaction   INTEGER NOT NULL DEFAULT 0 CHECK (satisfaction BETWEEN 0 AND 5),"
  "  note           TEXT NOT NULL DEFAULT '',"
  "  transaction_id INTEGER REFERENCES transactions (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX touchpoints_by_customer ON touchpoints (customer_id, occurred_at);"
  "CREATE INDEX touchpoints_by_time ON touchpoints (occurred_at);"
  "CREATE INDEX touchpoints_by_transaction ON touchpoints (transaction_id)"
  "  WHERE transaction_id IS NOT NULL;",
  NULL },

  { /* 1 → 2: one identity across systems and lossless vCard round trips: the
   * ids a customer has elsewhere, the uids of customers merged into this
   * one, and the vCard properties Touchpoint does not model, verbatim. */
  "CREATE TABLE external_ids ("
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  system      TEXT NOT NULL,"
  "  value       TEXT NOT NULL,"
  "  PRIMARY KEY (system, value)"
  ") WITHOUT ROWID;"
  "CREATE INDEX external_ids_by_customer ON external_ids (customer_id);"
  "CREATE TABLE customer_aliases ("
  "  uid         TEXT PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX customer_aliases_by_customer ON customer_aliases (customer_id);"
  "CREATE TABLE customer_vcard_properties ("
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  line        TEXT NOT NULL,"
  "  PRIMARY KEY (customer_id, position)"
  ") WITHOUT ROWID;",
  NULL },

  { /* 2 → 3: a customer list that stays instant at a million customers.
     * Each customer carries the figures the list sorts by, kept up to date
     * by triggers so that every sort runs on an index; the full-text index
     * serves search as you type. */
  "ALTER TABLE customers ADD COLUMN n_touchpoints INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE customers ADD COLUMN last_touchpoint_at INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE customers ADD COLUMN lifetime_value INTEGER NOT NULL DEFAULT 0;"
  "UPDATE customers SET"
  "  n_touchpoints = (SELECT count(*) FROM touchpoints WHERE customer_id = customers.id),"
  "  last_touchpoint_at = coalesce((SELECT max(occurred_at) FROM touchpoints"
  "                                 WHERE customer_id = customers.id), 0),"
  "  lifetime_value = (SELECT coalesce(sum(amount), 0) FROM transactions"
  "                    WHERE customer_id = customers.id AND status = 1);"
  "CREATE TRIGGER touchpoints_summary_insert AFTER INSERT ON touchpoints BEGIN"
  "  UPDATE customers SET n_touchpoints = n_touchpoints + 1,"
  "    last_touchpoint_at = max(last_touchpoint_at, NEW.occurred_at)"
  "  WHERE id = NEW.customer_id;"
  "END;"
  "CREATE TRIGGER touchpoints_summary_delete AFTER DELETE ON touchpoints BEGIN"
  "  UPDATE customers SET n_touchpoints = n_touchpoints - 1,"
  "    last_touchpoint_at = coalesce((SELECT max(occurred_at) FROM touchpoints"
  "                                   WHERE customer_id = OLD.customer_id), 0)"
  "  WHERE id = OLD.customer_id;"
  "END;"
  "CREATE TRIGGER touchpoints_summary_update AFTER UPDATE OF customer_id, occurred_at ON touchpoints BEGIN"
  "  UPDATE customers SET"
  "    n_touchpoints = (SELECT count(*) FROM touchpoints WHERE customer_id = customers.id),"
  "    last_touchpoint_at = coalesce((SELECT max(occurred_at) FROM touchpoints"
  "                                   WHERE customer_id = customers.id), 0)"
  "  WHERE id IN (OLD.customer_id, NEW.customer_id);"
  "END;"
  /* Lifetime value: the completed transactions (status 1). */
  "CREATE TRIGGER transactions_summary_insert AFTER INSERT ON transactions WHEN NEW.status = 1 BEGIN"
  "  UPDATE customers SET lifetime_value = lifetime_value + NEW.amount WHERE id = NEW.customer_id;"
  "END;"
  "CREATE TRIGGER transactions_summary_delete AFTER DELETE ON transactions WHEN OLD.status = 1 BEGIN"
  "  UPDATE customers SET lifetime_value = lifetime_value - OLD.amount WHERE id = OLD.customer_id;"
  "END;"
  "CREATE TRIGGER transactions_summary_update AFTER UPDATE OF customer_id, amount, status ON transactions BEGIN"
  "  UPDATE customers SET lifetime_value = (SELECT coalesce(sum(amount), 0) FROM transactions"
  "                                         WHERE customer_id = customers.id AND status = 1)"
  "  WHERE id IN (OLD.customer_id, NEW.customer_id);"
  "END;"
  /* One index per sort column; SQLite appends the row id to each, which
   * makes every order total and stable. */
  "CREATE INDEX customers_by_name ON customers (display_name COLLATE NOCASE);"
  "CREATE INDEX customers_by_organization ON customers (organization COLLATE NOCASE);"
  "CREATE INDEX customers_by_segment ON customers (segment);"
  "CREATE INDEX customers_by_owner ON customers (owner);"
  "CREATE INDEX customers_by_last_touchpoint ON customers (last_touchpoint_at);"
  "CREATE INDEX customers_by_value ON customers (lifetime_value);"
  "CREATE INDEX customers_by_touchpoints ON customers (n_touchpoints);"
  "CREATE INDEX customers_by_stage ON customers (lifecycle_stage);"
  /* The row id is the customer's id. Prefix indexes make the first
   * keystrokes of a search fast. */
  "CREATE VIRTUAL TABLE customer_search USING fts5 ("
  "  name, organization, contact, notes, tags,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');",
  crm_store_rebuild_search_index },

  { /* 3 → 4: undo for deletes and merges, and duplicate finding. The
     * journal keeps what a delete or merge removed, as JSON rows per
     * table, until it is undone or pruned. Contact points get the
     * normalized value duplicates are found by (lower-case e-mail, phone
     * digits), kept by the store. */
  "CREATE TABLE journal ("
  "  id          INTEGER PRIMARY KEY,"
  "  created_at  INTEGER NOT NULL,"
  "  action      TEXT NOT NULL,"
  "  customer_id INTEGER NOT NULL,"
  "  other_id    INTEGER NOT NULL DEFAULT 0,"
  "  payload     TEXT NOT NULL"
  ");"
  "ALTER TABLE contact_points ADD COLUMN normalized TEXT NOT NULL DEFAULT '';"
  "UPDATE contact_points SET normalized = lower(trim(value)) WHERE kind != 1;"
  "UPDATE contact_points SET normalized = replace(replace(replace(replace(replace(replace(replace("
  "  value, ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', '') WHERE kind = 1;"
  "CREATE INDEX contact_points_by_normalized ON contact_points (kind, normalized);",
  NULL },

  { /* 4 → 5: a prefix index for single characters too, so the first
     * keystroke of a search over a million customers is quick. FTS5 sets
     * its prefix indexes when the table is made, so the index is made
     * anew from its own content. */
  "CREATE VIRTUAL TABLE customer_search_new USING fts5 ("
  "  name, organization, contact, notes, tags,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
  "INSERT INTO customer_search_new (rowid, name, organization, contact, notes, tags)"
  "  SELECT rowid, name, organization, contact, notes, tags FROM customer_search;"
  "DROP TABLE customer_search;"
  "ALTER TABLE customer_search_new RENAME TO customer_search;",
  NULL },
};

int
crm_store_get_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
crm_store_migrate (CrmStore  *self,
                   int        from_version,
                   GError   **error)
{
  g_autofree char *stamp = NULL;

  g_assert (from_version >= 0 && from_version < crm_store_get_schema_version ());

  if (!crm_store_begin (self, error))
    return FALSE;

  for (int version = from_version; version < crm_store_get_schema_version (); version++)
    {
      if (!crm_store_exec (self, migrations[version].sql, _("Could not upgrade the database"), error) ||
          (migrations[version].after != NULL && !migrations[version].after (self, error)))
        {
          crm_store_rollback (self);
          return FALSE;
        }
    }

  /* PRAGMA takes no bound parameters; both values are our own integers. */
  stamp = g_strdup_printf ("PRAGMA application_id=%d; PRAGMA user_version=%d;",
                           CRM_STORE_APPLICATION_ID, crm_store_get_schema_version ());
  if (!crm_store_exec (self, stamp, _("Could not upgrade the database"), error))
    {
      crm_store_rollback (self);
      return FALSE;
    }

  return crm_store_commit (self, error);
}
