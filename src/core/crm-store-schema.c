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

/* Migration 5 → 6 keeps the KPI summaries up to date on every write. The
 * pieces below are spelled once and used for NEW (adding, sign "") and
 * OLD (taking away, sign "-"). A customer's touchpoints and transactions
 * are counted under the customer's region, segment and owner; when those
 * change, the customer's whole contribution moves. */

/* The start of the month, quarter or year (kind 0, 1, 2) that contains
 * R.occurred_at: one index seek. Scalar subqueries and one statement per
 * kind, because a table-valued subquery in a trigger is materialized in a
 * temporary file, which made each touchpoint ten times slower. */
#define KPI_PERIOD_START(R, KIND) \
  "(SELECT max(start_at) FROM kpi_periods WHERE kind = " KIND " AND start_at <= " R ".occurred_at)"
#define KPI_PREVIOUS_START \
  "(SELECT max(q.start_at) FROM kpi_periods q WHERE q.kind = p.kind AND q.start_at < p.start_at)"
#define KPI_NEXT_END \
  "(SELECT q.end_at FROM kpi_periods q WHERE q.kind = p.kind AND q.start_at = p.end_at)"
/* Another touchpoint of R's customer in [FROM, TO) than R itself. */
#define KPI_OTHER_TOUCHPOINT(R, FROM, TO) \
  "EXISTS (SELECT 1 FROM touchpoints t WHERE t.customer_id = " R ".customer_id" \
  " AND t.occurred_at >= " FROM " AND t.occurred_at < " TO " AND t.id != " R ".id)"
#define KPI_ADD_DAILY \
  " ON CONFLICT DO UPDATE SET new_customers = new_customers + excluded.new_customers," \
  " converted = converted + excluded.converted, complete = complete + excluded.complete," \
  " touchpoints = touchpoints + excluded.touchpoints, rated = rated + excluded.rated," \
  " satisfaction = satisfaction + excluded.satisfaction, orders = orders + excluded.orders," \
  " revenue = revenue + excluded.revenue;"
#define KPI_ADD_ACTIVE \
  " ON CONFLICT DO UPDATE SET active = active + excluded.active, retained = retained + excluded.retained;"

/* Whether touchpoint R makes (or, gone, unmakes) its customer active in
 * its period of kind KIND, and retained there or in the period after. */
#define KPI_ACTIVE(R, S, KIND) \
  "INSERT INTO kpi_active (kind, start_at, region, segment, owner, active, retained)" \
  " SELECT p.kind, p.start_at, c.region, c.segment, c.owner, " S "1, " \
  S KPI_OTHER_TOUCHPOINT (R, KPI_PREVIOUS_START, "p.start_at") \
  " FROM kpi_periods p, customers c WHERE p.kind = " KIND " AND p.start_at = " KPI_PERIOD_START (R, KIND) \
  " AND " R ".occurred_at < p.end_at AND c.id = " R ".customer_id" \
  " AND NOT " KPI_OTHER_TOUCHPOINT (R, "p.start_at", "p.end_at") KPI_ADD_ACTIVE \
  "INSERT INTO kpi_active (kind, start_at, region, segment, owner, active, retained)" \
  " SELECT p.kind, p.end_at, c.region, c.segment, c.owner, 0, " S "1" \
  " FROM kpi_periods p, customers c WHERE p.kind = " KIND " AND p.start_at = " KPI_PERIOD_START (R, KIND) \
  " AND " R ".occurred_at < p.end_at AND c.id = " R ".customer_id" \
  " AND NOT " KPI_OTHER_TOUCHPOINT (R, "p.start_at", "p.end_at") \
  " AND " KPI_OTHER_TOUCHPOINT (R, "p.end_at", KPI_NEXT_END) KPI_ADD_ACTIVE

/* One touchpoint: its day, and the activity of its customer. */
#define KPI_TOUCHPOINT(R, S) \
  "INSERT INTO kpi_daily (day, region, segment, owner, touchpoints, rated, satisfaction)" \
  " SELECT " R ".occurred_at / 86400, region, segment, owner, " S "1, " S "(" R ".satisfaction > 0), " \
  S R ".satisfaction FROM customers WHERE id = " R ".customer_id" KPI_ADD_DAILY \
  KPI_ACTIVE (R, S, "0") KPI_ACTIVE (R, S, "1") KPI_ACTIVE (R, S, "2")

/* One completed transaction's day. */
#define KPI_TRANSACTION(R, S) \
  "INSERT INTO kpi_daily (day, region, segment, owner, orders, revenue)" \
  " SELECT " R ".occurred_at / 86400, region, segment, owner, " S "1, " S R ".amount" \
  " FROM customers WHERE id = " R ".customer_id AND " R ".status = 1" KPI_ADD_DAILY

/* Whether customer R has the minimum data (a name and an e-mail address
 * or phone number), as SQL on the customers row R. */
#define KPI_COMPLETE(R) \
  "(" R ".display_name != '' AND EXISTS (SELECT 1 FROM contact_points cp" \
  " WHERE cp.customer_id = " R ".id AND cp.kind IN (0, 1)))"

/* The customer row itself: counted on the day it was created. */
#define KPI_CUSTOMER(R, S) \
  "INSERT INTO kpi_daily (day, region, segment, owner, new_customers, converted, complete)" \
  " VALUES (" R ".created_at / 86400, " R ".region, " R ".segment, " R ".owner, " S "1, " \
  S "(" R ".lifecycle_stage IN (2, 3, 4)), " S KPI_COMPLETE (R) ")" KPI_ADD_DAILY

/* Everything of customer R's journey, for when R's scope changes or R
 * goes: touchpoints, completed transactions, activity, RFM segment. */
#define KPI_JOURNEY(R, S) \
  "INSERT INTO kpi_daily (day, region, segment, owner, touchpoints, rated, satisfaction)" \
  " SELECT occurred_at / 86400, " R ".region, " R ".segment, " R ".owner, " S "count(*), " \
  S "sum(satisfaction > 0), " S "sum(satisfaction) FROM touchpoints WHERE customer_id = " R ".id" \
  " GROUP BY 1" KPI_ADD_DAILY \
  "INSERT INTO kpi_daily (day, region, segment, owner, orders, revenue)" \
  " SELECT occurred_at / 86400, " R ".region, " R ".segment, " R ".owner, " S "count(*), " \
  S "sum(amount) FROM transactions WHERE customer_id = " R ".id AND status = 1 GROUP BY 1" KPI_ADD_DAILY \
  "INSERT INTO kpi_active (kind, start_at, region, segment, owner, active, retained)" \
  " SELECT p.kind, p.start_at, " R ".region, " R ".segment, " R ".owner, " S "1, " \
  S "EXISTS (SELECT 1 FROM touchpoints t WHERE t.customer_id = " R ".id" \
  " AND t.occurred_at >= " KPI_PREVIOUS_START " AND t.occurred_at < p.start_at)" \
  " FROM kpi_periods p WHERE p.kind IN (0, 1, 2)" \
  " AND p.start_at > (SELECT min(occurred_at) FROM touchpoints WHERE customer_id = " R ".id) - 31622400" \
  " AND p.end_at > (SELECT min(occurred_at) FROM touchpoints WHERE customer_id = " R ".id)" \
  " AND p.start_at <= (SELECT max(occurred_at) FROM touchpoints WHERE customer_id = " R ".id)" \
  " AND EXISTS (SELECT 1 FROM touchpoints t WHERE t.customer_id = " R ".id" \
  " AND t.occurred_at >= p.start_at AND t.occurred_at < p.end_at)" KPI_ADD_ACTIVE \
  "INSERT INTO kpi_rfm_counts (region, segment, owner, rfm_segment, customers)" \
  " SELECT " R ".region, " R ".segment, " R ".owner, segment, " S "1 FROM customer_rfm" \
  " WHERE customer_id = " R ".id" \
  " ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;"

/* Whether customer C (an id) has the minimum data, added (S "") or taken
 * away (S "-"): before and after each change of contact points. */
#define KPI_COMPLETE_OF(IDS, S) \
  "INSERT INTO kpi_daily (day, region, segment, owner, complete)" \
  " SELECT created_at / 86400, region, segment, owner, " S KPI_COMPLETE ("customers") \
  " FROM customers WHERE id IN (" IDS ")" KPI_ADD_DAILY

/* A customer's RFM scores after a change of their transactions, against
 * the quintile bounds of the last full refresh (crm-store-rfm.c): one
 * customer's new order must not cost a pass over everyone. */
#define KPI_RFM_SCORE(DIMENSION, VALUE) \
  "coalesce((SELECT max(score) FROM rfm_bounds WHERE dimension = " DIMENSION " AND lowest <= " VALUE "), 1)"
#define KPI_RESCORE(ID, RULE) \
  "INSERT INTO kpi_rfm_counts (region, segment, owner, rfm_segment, customers)" \
  " SELECT c.region, c.segment, c.owner, r.segment, -1 FROM customer_rfm r JOIN customers c" \
  " ON c.id = r.customer_id WHERE r.customer_id = " ID \
  " ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;" \
  "DELETE FROM customer_rfm WHERE customer_id = " ID ";" \
  "INSERT INTO customer_rfm (customer_id, last_order_at, orders, lifetime_value," \
  " recency_score, frequency_score, monetary_score, segment)" \
  " SELECT customer_id, last, n, v, r, f, m, " RULE \
  " FROM (SELECT customer_id, last, n, v, " KPI_RFM_SCORE ("0", "last") " AS r, " \
  KPI_RFM_SCORE ("1", "n") " AS f, " KPI_RFM_SCORE ("2", "v") " AS m" \
  " FROM (SELECT customer_id, max(occurred_at) AS last, count(*) AS n, sum(amount) AS v" \
  " FROM transactions WHERE customer_id = " ID " AND status = 1 GROUP BY customer_id))" \
  " WHERE EXISTS (SELECT 1 FROM customers WHERE id = " ID ");" \
  "INSERT INTO kpi_rfm_counts (region, segment, owner, rfm_segment, customers)" \
  " SELECT c.region, c.segment, c.owner, r.segment, 1 FROM customer_rfm r JOIN customers c" \
  " ON c.id = r.customer_id WHERE r.customer_id = " ID \
  " ON CONFLICT DO UPDATE SET customers = customers + 1;"

#define KPI_SCOPE_CHANGED \
  "OLD.region IS NOT NEW.region OR OLD.segment IS NOT NEW.segment OR OLD.owner IS NOT NEW.owner"
#define KPI_FLAGS_CHANGED \
  "OLD.created_at IS NOT NEW.created_at OR OLD.lifecycle_stage IS NOT NEW.lifecycle_stage" \
  " OR (OLD.display_name = '') IS NOT (NEW.display_name = '')"

/* Migration 6 → 7: what the dashboard's charts break the period down by.
 * Touchpoints per calendar month (UTC) × scope × channel, and customers
 * per month they came in × scope × lifecycle stage. Per month rather than
 * per day: a company year is then a few thousand rows, where days would be
 * a million. */
#define KPI_MONTH(T) "CAST(strftime('%s', " T ", 'unixepoch', 'start of month') AS INTEGER)"
#define KPI_ADD_CHANNEL \
  " ON CONFLICT DO UPDATE SET touchpoints = touchpoints + excluded.touchpoints," \
  " rated = rated + excluded.rated, satisfaction = satisfaction + excluded.satisfaction;"
#define KPI_ADD_STAGE \
  " ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;"

/* One touchpoint R, added (S "") or taken away (S "-"). */
#define KPI_CHANNEL_TOUCHPOINT(R, S) \
  "INSERT INTO kpi_channel_monthly (month, region, segment, owner, channel_id, touchpoints, rated, satisfaction)" \
  " SELECT " KPI_MONTH (R ".occurred_at") ", region, segment, owner, " R ".channel_id, " S "1, " \
  S "(" R ".satisfaction > 0), " S R ".satisfaction FROM customers WHERE id = " R ".customer_id" KPI_ADD_CHANNEL

/* All of customer R's touchpoints, for when R's scope changes or R goes. */
#define KPI_CHANNEL_JOURNEY(R, S) \
  "INSERT INTO kpi_channel_monthly (month, region, segment, owner, channel_id, touchpoints, rated, satisfaction)" \
  " SELECT " KPI_MONTH ("occurred_at") ", " R ".region, " R ".segment, " R ".owner, channel_id, " \
  S "count(*), " S "sum(satisfaction > 0), " S "sum(satisfaction) FROM touchpoints" \
  " WHERE customer_id = " R ".id GROUP BY 1, 5" KPI_ADD_CHANNEL

/* Customer row R in the month it came in, at its lifecycle stage. */
#define KPI_STAGE_CUSTOMER(R, S) \
  "INSERT INTO kpi_stage_monthly (month, region, segment, owner, stage, customers)" \
  " VALUES (" KPI_MONTH (R ".created_at") ", " R ".region, " R ".segment, " R ".owner, " \
  R ".lifecycle_stage, " S "1)" KPI_ADD_STAGE

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
  { /* 5 → 6: the KPI dashboard and RFM. Summaries per UTC day × region ×
     * segment × owner (kpi_daily) and per calendar month, quarter and
     * year (kpi_active: customers with a touchpoint, and those of them
     * also active the period before), kept up to date by triggers, so that
     * a year of the whole company is read from a few thousand rows instead
     * of ten million touchpoints. The calendar is UTC, 1900–2199. RFM
     * scores per customer, the quintile bounds they were scored against,
     * and segment counts per scope; KPI targets. */
  "CREATE TABLE kpi_periods ("
  "  kind     INTEGER NOT NULL,"
  "  start_at INTEGER NOT NULL,"
  "  end_at   INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, start_at)"
  ") WITHOUT ROWID;"
  "INSERT INTO kpi_periods (kind, start_at, end_at)"
  "  WITH RECURSIVE months (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM months WHERE i < 3599),"
  "  kinds (kind, step) AS (VALUES (0, 1), (1, 3), (2, 12))"
  "  SELECT kind, CAST(strftime('%s', '1900-01-01', '+' || i || ' months') AS INTEGER),"
  "    CAST(strftime('%s', '1900-01-01', '+' || (i + step) || ' months') AS INTEGER)"
  "  FROM months, kinds WHERE i % step = 0;"
  "CREATE TABLE kpi_daily ("
  "  day           INTEGER NOT NULL,"
  "  region        TEXT NOT NULL,"
  "  segment       TEXT NOT NULL,"
  "  owner         TEXT NOT NULL,"
  "  new_customers INTEGER NOT NULL DEFAULT 0,"
  "  converted     INTEGER NOT NULL DEFAULT 0,"
  "  complete      INTEGER NOT NULL DEFAULT 0,"
  "  touchpoints   INTEGER NOT NULL DEFAULT 0,"
  "  rated         INTEGER NOT NULL DEFAULT 0,"
  "  satisfaction  INTEGER NOT NULL DEFAULT 0,"
  "  orders        INTEGER NOT NULL DEFAULT 0,"
  "  revenue       INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (day, region, segment, owner)"
  ") WITHOUT ROWID;"
  "CREATE TABLE kpi_active ("
  "  kind     INTEGER NOT NULL,"
  "  start_at INTEGER NOT NULL,"
  "  region   TEXT NOT NULL,"
  "  segment  TEXT NOT NULL,"
  "  owner    TEXT NOT NULL,"
  "  active   INTEGER NOT NULL DEFAULT 0,"
  "  retained INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (kind, start_at, region, segment, owner)"
  ") WITHOUT ROWID;"
  "CREATE TABLE kpi_targets ("
  "  kpi          TEXT NOT NULL,"
  "  scope        TEXT NOT NULL,"
  "  period_kind  INTEGER NOT NULL,"
  "  period_start INTEGER NOT NULL,"
  "  period_end   INTEGER NOT NULL,"
  "  target       REAL NOT NULL,"
  "  PRIMARY KEY (scope, period_start, period_end, kpi)"
  ") WITHOUT ROWID;"
  "CREATE TABLE customer_rfm ("
  "  customer_id     INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,"
  "  last_order_at   INTEGER NOT NULL,"
  "  orders          INTEGER NOT NULL,"
  "  lifetime_value  INTEGER NOT NULL,"
  "  recency_score   INTEGER NOT NULL CHECK (recency_score BETWEEN 1 AND 5),"
  "  frequency_score INTEGER NOT NULL CHECK (frequency_score BETWEEN 1 AND 5),"
  "  monetary_score  INTEGER NOT NULL CHECK (monetary_score BETWEEN 1 AND 5),"
  "  segment         INTEGER NOT NULL"
  ");"
  "CREATE INDEX customer_rfm_by_segment ON customer_rfm (segment);"
  "CREATE TABLE rfm_bounds ("
  "  dimension INTEGER NOT NULL,"
  "  score     INTEGER NOT NULL,"
  "  lowest    INTEGER NOT NULL,"
  "  PRIMARY KEY (dimension, score)"
  ") WITHOUT ROWID;"
  "CREATE TABLE rfm_state ("
  "  id           INTEGER PRIMARY KEY CHECK (id = 1),"
  "  refreshed_at INTEGER NOT NULL DEFAULT 0,"
  "  dirty        INTEGER NOT NULL DEFAULT 1"
  ");"
  "INSERT INTO rfm_state (id) VALUES (1);"
  "CREATE TABLE kpi_rfm_counts ("
  "  region      TEXT NOT NULL,"
  "  segment     TEXT NOT NULL,"
  "  owner       TEXT NOT NULL,"
  "  rfm_segment INTEGER NOT NULL,"
  "  customers   INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (region, segment, owner, rfm_segment)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER kpi_touchpoints_insert AFTER INSERT ON touchpoints BEGIN "
  KPI_TOUCHPOINT ("NEW", "") "END;"
  "CREATE TRIGGER kpi_touchpoints_delete AFTER DELETE ON touchpoints BEGIN "
  KPI_TOUCHPOINT ("OLD", "-") "END;"
  "CREATE TRIGGER kpi_touchpoints_update AFTER UPDATE OF customer_id, occurred_at, satisfaction"
  "  ON touchpoints BEGIN " KPI_TOUCHPOINT ("OLD", "-") KPI_TOUCHPOINT ("NEW", "") "END;"
  "CREATE TRIGGER kpi_transactions_insert AFTER INSERT ON transactions BEGIN "
  KPI_TRANSACTION ("NEW", "") "UPDATE rfm_state SET dirty = 1; END;"
  "CREATE TRIGGER kpi_transactions_delete AFTER DELETE ON transactions BEGIN "
  KPI_TRANSACTION ("OLD", "-") "UPDATE rfm_state SET dirty = 1; END;"
  "CREATE TRIGGER kpi_transactions_update AFTER UPDATE OF customer_id, occurred_at, amount, status"
  "  ON transactions BEGIN " KPI_TRANSACTION ("OLD", "-") KPI_TRANSACTION ("NEW", "")
  "  UPDATE rfm_state SET dirty = 1; END;"
  "CREATE TRIGGER rfm_transactions_insert AFTER INSERT ON transactions"
  "  WHEN EXISTS (SELECT 1 FROM rfm_bounds) BEGIN " KPI_RESCORE ("NEW.customer_id", CRM_STORE_RFM_SEGMENT_SQL_V6) "END;"
  "CREATE TRIGGER rfm_transactions_delete AFTER DELETE ON transactions"
  "  WHEN EXISTS (SELECT 1 FROM rfm_bounds) BEGIN " KPI_RESCORE ("OLD.customer_id", CRM_STORE_RFM_SEGMENT_SQL_V6) "END;"
  "CREATE TRIGGER rfm_transactions_update AFTER UPDATE OF customer_id, occurred_at, amount, status"
  "  ON transactions WHEN EXISTS (SELECT 1 FROM rfm_bounds) BEGIN "
  KPI_RESCORE ("OLD.customer_id", CRM_STORE_RFM_SEGMENT_SQL_V6) KPI_RESCORE ("NEW.customer_id", CRM_STORE_RFM_SEGMENT_SQL_V6) "END;"
  "CREATE TRIGGER kpi_customers_insert AFTER INSERT ON customers BEGIN "
  KPI_CUSTOMER ("NEW", "") "END;"
  /* Before the row goes: its touchpoints, transactions and contact points
   * are deleted after it, by the foreign keys, and their own triggers then
   * find no customer and leave the summaries alone. */
  "CREATE TRIGGER kpi_customers_delete BEFORE DELETE ON customers BEGIN "
  KPI_CUSTOMER ("OLD", "-") KPI_JOURNEY ("OLD", "-") "UPDATE rfm_state SET dirty = 1; END;"
  "CREATE TRIGGER kpi_customers_move_before BEFORE UPDATE OF region, segment, owner ON customers"
  "  WHEN " KPI_SCOPE_CHANGED " BEGIN " KPI_CUSTOMER ("OLD", "-") KPI_JOURNEY ("OLD", "-") "END;"
  "CREATE TRIGGER kpi_customers_move_after AFTER UPDATE OF region, segment, owner ON customers"
  "  WHEN " KPI_SCOPE_CHANGED " BEGIN " KPI_CUSTOMER ("NEW", "") KPI_JOURNEY ("NEW", "") "END;"
  "CREATE TRIGGER kpi_customers_flags_before"
  "  BEFORE UPDATE OF created_at, lifecycle_stage, display_name ON customers"
  "  WHEN NOT (" KPI_SCOPE_CHANGED ") AND (" KPI_FLAGS_CHANGED ") BEGIN " KPI_CUSTOMER ("OLD", "-") "END;"
  "CREATE TRIGGER kpi_customers_flags_after"
  "  AFTER UPDATE OF created_at, lifecycle_stage, display_name ON customers"
  "  WHEN NOT (" KPI_SCOPE_CHANGED ") AND (" KPI_FLAGS_CHANGED ") BEGIN " KPI_CUSTOMER ("NEW", "") "END;"
  "CREATE TRIGGER kpi_contact_points_insert_before BEFORE INSERT ON contact_points"
  "  WHEN NEW.kind IN (0, 1) BEGIN " KPI_COMPLETE_OF ("NEW.customer_id", "-") "END;"
  "CREATE TRIGGER kpi_contact_points_insert_after AFTER INSERT ON contact_points"
  "  WHEN NEW.kind IN (0, 1) BEGIN " KPI_COMPLETE_OF ("NEW.customer_id", "") "END;"
  "CREATE TRIGGER kpi_contact_points_delete_before BEFORE DELETE ON contact_points"
  "  WHEN OLD.kind IN (0, 1) BEGIN " KPI_COMPLETE_OF ("OLD.customer_id", "-") "END;"
  "CREATE TRIGGER kpi_contact_points_delete_after AFTER DELETE ON contact_points"
  "  WHEN OLD.kind IN (0, 1) BEGIN " KPI_COMPLETE_OF ("OLD.customer_id", "") "END;"
  "CREATE TRIGGER kpi_contact_points_update_before BEFORE UPDATE OF customer_id, kind ON contact_points"
  "  BEGIN " KPI_COMPLETE_OF ("OLD.customer_id, NEW.customer_id", "-") "END;"
  "CREATE TRIGGER kpi_contact_points_update_after AFTER UPDATE OF customer_id, kind ON contact_points"
  "  BEGIN " KPI_COMPLETE_OF ("OLD.customer_id, NEW.customer_id", "") "END;",
  crm_store_rebuild_kpis },

  { /* 6 → 7: touchpoints per month and channel, customers per month and
     * lifecycle stage (see KPI_MONTH above), and RFM segments by the
     * rules of CRM_STORE_RFM_SEGMENT_SQL, which rank everyone again. */
  "CREATE TABLE kpi_channel_monthly ("
  "  month        INTEGER NOT NULL,"
  "  region       TEXT NOT NULL,"
  "  segment      TEXT NOT NULL,"
  "  owner        TEXT NOT NULL,"
  "  channel_id   INTEGER NOT NULL,"
  "  touchpoints  INTEGER NOT NULL DEFAULT 0,"
  "  rated        INTEGER NOT NULL DEFAULT 0,"
  "  satisfaction INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (month, region, segment, owner, channel_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE kpi_stage_monthly ("
  "  month     INTEGER NOT NULL,"
  "  region    TEXT NOT NULL,"
  "  segment   TEXT NOT NULL,"
  "  owner     TEXT NOT NULL,"
  "  stage     INTEGER NOT NULL,"
  "  customers INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (month, region, segment, owner, stage)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER kpi_channel_touchpoints_insert AFTER INSERT ON touchpoints BEGIN "
  KPI_CHANNEL_TOUCHPOINT ("NEW", "") "END;"
  "CREATE TRIGGER kpi_channel_touchpoints_delete AFTER DELETE ON touchpoints BEGIN "
  KPI_CHANNEL_TOUCHPOINT ("OLD", "-") "END;"
  "CREATE TRIGGER kpi_channel_touchpoints_update"
  "  AFTER UPDATE OF customer_id, occurred_at, satisfaction, channel_id ON touchpoints BEGIN "
  KPI_CHANNEL_TOUCHPOINT ("OLD", "-") KPI_CHANNEL_TOUCHPOINT ("NEW", "") "END;"
  "CREATE TRIGGER kpi_stage_customers_insert AFTER INSERT ON customers BEGIN "
  KPI_STAGE_CUSTOMER ("NEW", "") "END;"
  /* Before the row goes, as kpi_customers_delete: the touchpoints'
   * own triggers then find no customer. */
  "CREATE TRIGGER kpi_stage_customers_delete BEFORE DELETE ON customers BEGIN "
  KPI_STAGE_CUSTOMER ("OLD", "-") KPI_CHANNEL_JOURNEY ("OLD", "-") "END;"
  "CREATE TRIGGER kpi_stage_customers_update"
  "  AFTER UPDATE OF created_at, lifecycle_stage, region, segment, owner ON customers"
  "  WHEN " KPI_SCOPE_CHANGED " OR OLD.created_at IS NOT NEW.created_at"
  "  OR OLD.lifecycle_stage IS NOT NEW.lifecycle_stage BEGIN "
  KPI_STAGE_CUSTOMER ("OLD", "-") KPI_STAGE_CUSTOMER ("NEW", "") "END;"
  "CREATE TRIGGER kpi_channel_customers_move_before BEFORE UPDATE OF region, segment, owner ON customers"
  "  WHEN " KPI_SCOPE_CHANGED " BEGIN " KPI_CHANNEL_JOURNEY ("OLD", "-") "END;"
  "CREATE TRIGGER kpi_channel_customers_move_after AFTER UPDATE OF region, segment, owner ON customers"
  "  WHEN " KPI_SCOPE_CHANGED " BEGIN " KPI_CHANNEL_JOURNEY ("NEW", "") "END;"
  "DROP TRIGGER rfm_transactions_insert;"
  "DROP TRIGGER rfm_transactions_delete;"
  "DROP TRIGGER rfm_transactions_update;"
  "CREATE TRIGGER rfm_transactions_insert AFTER INSERT ON transactions"
  "  WHEN EXISTS (SELECT 1 FROM rfm_bounds) BEGIN "
  KPI_RESCORE ("NEW.customer_id", CRM_STORE_RFM_SEGMENT_SQL) "END;"
  "CREATE TRIGGER rfm_transactions_delete AFTER DELETE ON transactions"
  "  WHEN EXISTS (SELECT 1 FROM rfm_bounds) BEGIN "
  KPI_RESCORE ("OLD.customer_id", CRM_STORE_RFM_SEGMENT_SQL) "END;"
  "CREATE TRIGGER rfm_transactions_update AFTER UPDATE OF customer_id, occurred_at, amount, status"
  "  ON transactions WHEN EXISTS (SELECT 1 FROM rfm_bounds) BEGIN "
  KPI_RESCORE ("OLD.customer_id", CRM_STORE_RFM_SEGMENT_SQL)
  KPI_RESCORE ("NEW.customer_id", CRM_STORE_RFM_SEGMENT_SQL) "END;",
  crm_store_migrate_kpi_breakdowns },

  { /* 7 → 8: customers by scope, covering what the RFM segment counts
     * read of each customer (region, segment, owner): counting a million
     * customers' segments scans this index instead of their whole rows. */
  "CREATE INDEX customers_by_scope ON customers (region, segment, owner);",
  NULL },

  { /* 8 → 9: the touchpoint and transaction indexes cover what the journey
     * analysis reads of each row, so that reading ten million touchpoints
     * in customer order (all time) or time order (a period) never leaves
     * the index for the table: 40 % more index, half the reading time. */
  "DROP INDEX touchpoints_by_customer;"
  "CREATE INDEX touchpoints_by_customer ON touchpoints"
  "  (customer_id, occurred_at, type_id, channel_id, satisfaction);"
  "DROP INDEX touchpoints_by_time;"
  "CREATE INDEX touchpoints_by_time ON touchpoints"
  "  (occurred_at, customer_id, type_id, channel_id, satisfaction);"
  "DROP INDEX transactions_by_customer;"
  "CREATE INDEX transactions_by_customer ON transactions (customer_id, occurred_at, status);"
  "DROP INDEX transactions_by_time;"
  "CREATE INDEX transactions_by_time ON transactions (occurred_at, customer_id, status);",
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
