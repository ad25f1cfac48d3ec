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

static const char * const migrations[] = {
  /* 0 → 1: customers, their contact data, and their journeys. Text columns
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

  /* 1 → 2: one identity across systems and lossless vCard round trips: the
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
      if (!crm_store_exec (self, migrations[version], _("Could not upgrade the database"), error))
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
