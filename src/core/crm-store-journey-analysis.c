/* crm-store-journey-analysis.c: reading the journeys of many customers
 * into a CrmJourneyAnalysis (crm-journey-analysis.h).
 *
 * One pass over the touchpoints in customer and time order, which the
 * index touchpoints_by_customer gives without a sort, merged with each
 * customer's number of completed transactions in the period, read in the
 * same order. Everything the four analyses need is counted in that pass,
 * so they are computed together.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-journey-analysis-private.h"
#include "crm-store-private.h"

/* The journey stages Touchpoint knows, in journey order; the user's own
 * come after them, in alphabetical order. */
static const char * const known_stages[] = {
  "awareness", "consideration", "purchase", "service", "loyalty",
};

static int
stage_rank (const char *stage)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_stages); i++)
    if (g_strcmp0 (stage, known_stages[i]) == 0)
      return i;
  return G_N_ELEMENTS (known_stages);
}

static int
compare_stages (gconstpointer a,
                gconstpointer b)
{
  const char *x = *(const char * const *) a, *y = *(const char * const *) b;
  int rx = stage_rank (x), ry = stage_rank (y);

  return rx != ry ? rx - ry : g_strcmp0 (x, y);
}

/* Runs @sql and hands each row to @func. */
static gboolean
each_row (CrmStore      *self,
          const char    *sql,
          void         (*func) (sqlite3_stmt *stmt, gpointer data),
          gpointer       data,
          GError       **error)
{
  sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, data);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  crm_store_set_error (self, rc, _("Could not analyse the journeys"), error);
  return FALSE;
}

typedef struct
{
  CrmJourneyAnalysis *analysis;
  GPtrArray          *stages;
  GHashTable         *stage_index;
  GHashTable         *channel_index;
  GHashTable         *type_index;
  gint64              last_customer;
} Vocabulary;

static void
read_stage (sqlite3_stmt *stmt,
            gpointer      data)
{
  g_ptr_array_add (((Vocabulary *) data)->stages, g_strdup (crm_store_column_text (stmt, 0)));
}

static gint64 *
new_id (sqlite3_stmt *stmt)
{
  gint64 *id = g_new (gint64, 1);

  *id = sqlite3_column_int64 (stmt, 0);
  return id;
}

static void
read_channel (sqlite3_stmt *stmt,
              gpointer      data)
{
  Vocabulary *vocabulary = data;
  gint64 *id = new_id (stmt);
  guint index = crm_journey_analysis_add_channel (vocabulary->analysis, *id, crm_store_column_text (stmt, 1));

  g_hash_table_insert (vocabulary->channel_index, id, GUINT_TO_POINTER (index));
}

static void
read_type (sqlite3_stmt *stmt,
           gpointer      data)
{
  Vocabulary *vocabulary = data;
  gint64 *id = new_id (stmt);
  guint stage = GPOINTER_TO_UINT (g_hash_table_lookup (vocabulary->stage_index, crm_store_column_text (stmt, 2)));
  guint index = crm_journey_analysis_add_type (vocabulary->analysis, *id, crm_store_column_text (stmt, 1), stage,
                                               sqlite3_column_int (stmt, 3) != 0);

  g_hash_table_insert (vocabulary->type_index, id, GUINT_TO_POINTER (index));
}

static void
read_last_customer (sqlite3_stmt *stmt,
                    gpointer      data)
{
  ((Vocabulary *) data)->last_customer = MAX (sqlite3_column_int64 (stmt, 0), 1);
}

/* Stages, channels and types, and maps from the ids to their indices. */
static gboolean
load_vocabulary (CrmStore    *self,
                 Vocabulary  *vocabulary,
                 GError     **error)
{
  if (!each_row (self, "SELECT DISTINCT stage FROM touchpoint_types", read_stage, vocabulary, error))
    return FALSE;
  g_ptr_array_sort (vocabulary->stages, compare_stages);
  for (guint i = 0; i < vocabulary->stages->len; i++)
    {
      const char *stage = g_ptr_array_index (vocabulary->stages, i);

      g_hash_table_insert (vocabulary->stage_index, (gpointer) stage,
                           GUINT_TO_POINTER (crm_journey_analysis_add_stage (vocabulary->analysis, stage)));
    }
  return each_row (self, "SELECT id, name FROM channels ORDER BY position, id", read_channel, vocabulary, error) &&
         each_row (self, "SELECT id, name, stage, moment_of_truth FROM touchpoint_types ORDER BY id", read_type,
                   vocabulary, error) &&
         each_row (self, "SELECT coalesce(max(id), 1) FROM customers", read_last_customer, vocabulary, error);
}

/* @sql_format takes the join with the customers for a segment, then the
 * condition on the period. Over all time there is none: then the index on
 * (customer_id, occurred_at) gives the rows in order without a sort,
 * where an always-true range on the time would have chosen the index on
 * the time and sorted ten million rows (40 s instead of a few). */
static sqlite3_stmt *
prepare_filtered (CrmStore         *self,
                  const char       *sql_format,
                  const char       *segment,
                  const CrmPeriod  *period,
                  GError          **error)
{
  g_autofree char *sql = g_strdup_printf (sql_format,
                                          segment != NULL ? " JOIN customers c ON c.id = r.customer_id"
                                                            " AND c.segment = :segment" : "",
                                          period != NULL ? " AND r.occurred_at >= :s AND r.occurred_at < :e" : "");
  sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (period != NULL)
    {
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":s"), crm_period_get_start (period));
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":e"), crm_period_get_end (period));
    }
  if (segment != NULL)
    crm_store_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":segment"), segment);
  return stmt;
}

/* @index (id → index) as an array indexed by id, G_MAXUINT where no id
 * is; left empty when the ids are too large for one, and the hash table
 * is used instead. */
static void
index_by_id (GHashTable *index,
             GArray     *array)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 largest = -1;

  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    largest = MAX (largest, *(gint64 *) key);
  if (largest < 0 || largest >= 65536)
    return;
  g_array_set_size (array, largest + 1);
  memset (array->data, 0xff, array->len * sizeof (guint));
  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_array_index (array, guint, *(gint64 *) key) = GPOINTER_TO_UINT (value);
}

static int
check_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/**
 * crm_store_analyze_journeys:
 * @segment: (nullable): the customers' segment; %NULL for all customers
 * @period: (nullable): the period; %NULL for all time
 * @cancellable: (nullable): stops the analysis
 * @progress: (nullable) (scope call): told how far the pass has got, in
 *   customers of the highest customer id
 *
 * The journey map, top paths, channel flow and moments of truth of the
 * customers with a touchpoint in @period, read in one snapshot.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set
 */
CrmJourneyAnalysis *
crm_store_analyze_journeys (CrmStore         *self,
                            const char       *segment,
                            const CrmPeriod  *period,
                            GCancellable     *cancellable,
                            CrmProgressFunc   progress,
                            gpointer          progress_data,
                            GError          **error)
{
  g_autoptr(CrmJourneyAnalysis) analysis = crm_journey_analysis_new ();
  g_autoptr(GHashTable) channel_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) type_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) stage_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func (g_free);
  Vocabulary vocabulary = { analysis, stages, stage_index, channel_index, type_index, 1 };
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) channels = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *orders = NULL, *touchpoints = NULL;
  gint64 current = -1, order_customer = -1, order_count = 0;
  guint64 rows = 0;
  gboolean snapshot, ok;
  int rc = SQLITE_DONE, order_rc = SQLITE_DONE;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  snapshot = self->depth == 0;
  if (snapshot && !crm_store_exec (self, "BEGIN DEFERRED", _("Could not read the database"), error))
    return NULL;
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, check_cancelled, cancellable);

  ok = load_vocabulary (self, &vocabulary, error);
  if (ok)
    {
      index_by_id (type_index, types);
      index_by_id (channel_index, channels);
    }
  if (ok)
    orders = prepare_filtered (self,
                               "SELECT r.customer_id, count(*) FROM transactions r%s"
                               " WHERE r.status = 1%s GROUP BY r.customer_id ORDER BY r.customer_id",
                               segment, period, error);
  if (orders != NULL)
    touchpoints = prepare_filtered (self,
                                    "SELECT r.customer_id, r.type_id, r.channel_id, r.satisfaction FROM touchpoints r%s"
                                    " WHERE 1%s ORDER BY r.customer_id, r.occurred_at, r.id",
                                    segment, period, error);
  ok = touchpoints != NULL;
  if (ok)
    order_rc = sqlite3_step (orders);

  while (ok && (rc = sqlite3_step (touchpoints)) == SQLITE_ROW)
    {
      gint64 customer = sqlite3_column_int64 (touchpoints, 0);
      gint64 type_id = sqlite3_column_int64 (touchpoints, 1);
      gint64 channel_id = sqlite3_column_int64 (touchpoints, 2);
      gpointer type, channel;

      if (customer != current)
        {
          if (current >= 0)
            crm_journey_analysis_end_customer (analysis);
          current = customer;
          /* The orders of the customers before this one go unread. */
          while (order_rc == SQLITE_ROW && (order_customer = sqlite3_column_int64 (orders, 0)) < customer)
            order_rc = sqlite3_step (orders);
          order_count = order_rc == SQLITE_ROW && order_customer == customer ? sqlite3_column_int64 (orders, 1) : 0;
          crm_journey_analysis_begin_customer (analysis, order_count);
        }
      /* Ids are small: an array beats a hash lookup on ten million rows.
       * Every id is in the vocabulary, read in the same snapshot. */
      if (type_id >= 0 && type_id < (gint64) types->len && channel_id >= 0 && channel_id < (gint64) channels->len)
        {
          type = GUINT_TO_POINTER (g_array_index (types, guint, type_id));
          channel = GUINT_TO_POINTER (g_array_index (channels, guint, channel_id));
        }
      else if (!g_hash_table_lookup_extended (type_index, &type_id, NULL, &type) ||
               !g_hash_table_lookup_extended (channel_index, &channel_id, NULL, &channel))
        continue;
      if (GPOINTER_TO_UINT (type) != G_MAXUINT && GPOINTER_TO_UINT (channel) != G_MAXUINT)
        crm_journey_analysis_add_touchpoint (analysis, GPOINTER_TO_UINT (type), GPOINTER_TO_UINT (channel),
                                             sqlite3_column_int (touchpoints, 3));
      if (progress != NULL && ++rows % 65536 == 0)
        progress (MIN (customer, vocabulary.last_customer), vocabulary.last_customer, progress_data);
    }
  if (ok && current >= 0)
    crm_journey_analysis_end_customer (analysis);
  if (ok && (rc != SQLITE_DONE || (order_rc != SQLITE_DONE && order_rc != SQLITE_ROW)))
    {
      ok = FALSE;
      if (!(rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error)))
        crm_store_set_error (self, rc != SQLITE_DONE ? rc : order_rc, _("Could not analyse the journeys"), error);
    }
  if (orders != NULL)
    sqlite3_reset (orders);
  if (touchpoints != NULL)
    sqlite3_reset (touchpoints);
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (snapshot)
    crm_store_exec (self, "COMMIT", NULL, NULL);
  if (!ok)
    return NULL;
  crm_journey_analysis_finish (analysis);
  return g_steal_pointer (&analysis);
}
