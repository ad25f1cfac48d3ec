/* crm-store-journey-analysis.c: reading the journeys of many customers
 * into a CrmJourneyAnalysis (crm-journey-analysis.h).
 *
 * The analysis wants each customer's touchpoints in time order, one
 * customer after another, with the customer's number of completed
 * transactions. Everything the four analyses need is counted in that one
 * pass, so they are computed together. Two ways to read them:
 *
 * - over all time, the index touchpoints_by_customer gives the rows in
 *   that order without a sort, and covers every column read, so the
 *   table itself is never read;
 * - over a period, the index touchpoints_by_time gives just the period's
 *   rows (a quarter is a tenth of the table), which are kept if their
 *   customer is in the segment, then sorted here. Asking SQLite for them
 *   in customer order would look up each customer's segment row by row
 *   and sort in a temporary table: five times slower.
 *
 * The customers behind one element of an analysis are found by the same
 * pass, watching for that element.
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
  GArray             *types;          /* type id → index, if the ids are small */
  GArray             *channels;       /* channel id → index, likewise */
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

/* Returns: the index of @id in @array or @table, G_MAXUINT if unknown */
static guint
lookup_index (GArray     *array,
              GHashTable *table,
              gint64      id)
{
  gpointer index;

  /* Ids are small: an array beats a hash lookup on ten million rows. */
  if (id >= 0 && id < (gint64) array->len)
    return g_array_index (array, guint, id);
  if (array->len == 0 && g_hash_table_lookup_extended (table, &id, NULL, &index))
    return GPOINTER_TO_UINT (index);
  return G_MAXUINT;
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
  if (!each_row (self, "SELECT id, name FROM channels ORDER BY position, id", read_channel, vocabulary, error) ||
      !each_row (self, "SELECT id, name, stage, moment_of_truth FROM touchpoint_types ORDER BY id", read_type,
                 vocabulary, error) ||
      !each_row (self, "SELECT coalesce(max(id), 1) FROM customers", read_last_customer, vocabulary, error))
    return FALSE;
  index_by_id (vocabulary->type_index, vocabulary->types);
  index_by_id (vocabulary->channel_index, vocabulary->channels);
  return TRUE;
}


/* A set of customer ids: a bitmap while the ids are small enough for one,
 * as they are in any real database, else a hash set. */
typedef struct
{
  guint8     *bits;
  gint64      n_bits;
  GHashTable *hash;
} IdSet;

#define ID_SET_MAX_BITS ((gint64) 1 << 28)

static void
id_set_clear (IdSet *set)
{
  g_clear_pointer (&set->bits, g_free);
  g_clear_pointer (&set->hash, g_hash_table_unref);
}

static void
id_set_add (IdSet  *set,
            gint64  id)
{
  if (set->bits != NULL && id >= 0 && id < set->n_bits)
    set->bits[id >> 3] |= 1 << (id & 7);
  else if (set->hash != NULL)
    g_hash_table_add (set->hash, g_memdup2 (&id, sizeof id));
}

static gboolean
id_set_contains (const IdSet *set,
                 gint64       id)
{
  if (set->bits != NULL)
    return id >= 0 && id < set->n_bits && (set->bits[id >> 3] & (1 << (id & 7)));
  return g_hash_table_contains (set->hash, &id);
}

/* crm_id_set_contains(id, set): whether @id is in the IdSet bound as a
 * pointer (all ids if none is). A period's rows are filtered by segment
 * inside SQLite, so that the half or more outside it never come back one
 * by one. */
#define ID_SET_POINTER_TYPE "crm-id-set"

static void
id_set_contains_sql (sqlite3_context *context,
                     int              argc,
                     sqlite3_value  **argv)
{
  const IdSet *set = sqlite3_value_pointer (argv[1], ID_SET_POINTER_TYPE);

  sqlite3_result_int (context, set == NULL || id_set_contains (set, sqlite3_value_int64 (argv[0])));
}

/* crm_id_set_add(id, set): adds @id to the IdSet bound as a pointer; the
 * ids of a segment go into it without coming back one by one. */
static void
id_set_add_sql (sqlite3_context *context,
                int              argc,
                sqlite3_value  **argv)
{
  IdSet *set = sqlite3_value_pointer (argv[1], ID_SET_POINTER_TYPE);

  if (set != NULL)
    id_set_add (set, sqlite3_value_int64 (argv[0]));
  sqlite3_result_null (context);
}

/* The ids of the customers in @segment. */
static gboolean
read_segment (CrmStore    *self,
              const char  *segment,
              gint64       last_customer,
              IdSet       *set,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (last_customer < ID_SET_MAX_BITS)
    {
      set->n_bits = last_customer + 1;
      set->bits = g_malloc0 ((set->n_bits + 7) / 8);
    }
  else
    set->hash = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = crm_store_prepare (self, "SELECT count(crm_id_set_add(id, :set)) FROM customers WHERE segment = :segment",
                            error);
  if (stmt == NULL)
    return FALSE;
  crm_store_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":segment"), segment);
  sqlite3_bind_pointer (stmt, sqlite3_bind_parameter_index (stmt, ":set"), set, ID_SET_POINTER_TYPE, NULL);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  crm_store_set_error (self, rc, _("Could not analyse the journeys"), error);
  return FALSE;
}

static void
bind_period (sqlite3_stmt    *stmt,
             const CrmPeriod *period)
{
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":s"), crm_period_get_start (period));
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":e"), crm_period_get_end (period));
}

/* A customer's completed transactions in the period: how many, and when
 * the first two were. */
typedef struct
{
  gint64 customer;
  gint64 count;
  gint64 first_at;
  gint64 second_at;
} Orders;

/* One completed transaction, as read. */
typedef struct
{
  gint64 customer;
  gint64 time;
} Order;

/* A touchpoint of the period, as the analysis takes it. */
typedef struct
{
  gint64  customer;
  gint64  time;
  guint16 type;
  guint16 channel;
  gint8   satisfaction;
} Row;

/* One pass of the analysis: what it reads and where it is. */
typedef struct
{
  CrmStore           *store;
  CrmJourneyAnalysis *analysis;
  Vocabulary         *vocabulary;
  GCancellable       *cancellable;
  CrmProgressFunc     progress;
  gpointer            progress_data;
  GArray             *orders;       /* of Orders, by customer */
  guint               next_order;
  gint64              current;      /* the customer being fed, -1 before the first */
  gint64              last_time;    /* of the last row fed */
  guint64             rows;         /* fed so far */
  gboolean            out_of_order;
} Pass;

static gboolean
pass_failed (Pass    *pass,
             int      rc,
             GError **error)
{
  if (!(rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (pass->cancellable, error)))
    crm_store_set_error (pass->store, rc, _("Could not analyse the journeys"), error);
  return FALSE;
}

/* Hands the analysis a customer's next touchpoint; customers come in
 * increasing id order, so their orders are read alongside. */
static void
feed (Pass   *pass,
      gint64  customer,
      guint   type,
      guint   channel,
      int     satisfaction,
      gint64  time)
{
  if (customer != pass->current)
    {
      GArray *orders = pass->orders;
      Orders none = { customer, 0, G_MAXINT64, G_MAXINT64 };
      const Orders *found = &none;

      if (pass->current >= 0)
        crm_journey_analysis_end_customer (pass->analysis);
      pass->current = customer;
      while (pass->next_order < orders->len && g_array_index (orders, Orders, pass->next_order).customer < customer)
        pass->next_order++;
      if (pass->next_order < orders->len && g_array_index (orders, Orders, pass->next_order).customer == customer)
        found = &g_array_index (orders, Orders, pass->next_order);
      crm_journey_analysis_begin_customer (pass->analysis, customer, found->count, found->first_at, found->second_at);
    }
  if (type != G_MAXUINT && channel != G_MAXUINT)
    crm_journey_analysis_add_touchpoint (pass->analysis, type, channel, satisfaction, time);
}

/* Whether to stop: cancelled, or as many watched customers found as asked. */
static gboolean
pass_should_stop (Pass *pass)
{
  return g_cancellable_is_cancelled (pass->cancellable) || crm_journey_analysis_watch_is_full (pass->analysis);
}

static int
compare_orders (gconstpointer a,
                gconstpointer b)
{
  const Order *x = a, *y = b;

  if (x->customer != y->customer)
    return x->customer < y->customer ? -1 : 1;
  return (x->time > y->time) - (x->time < y->time);
}

/* The customers' completed transactions, by customer id; only those in
 * @segment, if given. Over a period, the time index gives them, sorted
 * here; over all time, the customer index gives them in order. */
static gboolean
read_orders (Pass             *pass,
             const IdSet      *segment,
             const CrmPeriod  *period,
             GError          **error)
{
  g_autoptr(GArray) read = g_array_new (FALSE, FALSE, sizeof (Order));
  sqlite3_stmt *stmt = crm_store_prepare (pass->store,
                                          period != NULL
                                          ? "SELECT customer_id, occurred_at FROM transactions"
                                            " WHERE occurred_at >= :s AND occurred_at < :e AND status = 1"
                                            " AND crm_id_set_contains(customer_id, :set)"
                                          : "SELECT customer_id, occurred_at FROM transactions WHERE status = 1"
                                            " AND crm_id_set_contains(customer_id, :set)"
                                            " ORDER BY customer_id, occurred_at",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (period != NULL)
    bind_period (stmt, period);
  sqlite3_bind_pointer (stmt, sqlite3_bind_parameter_index (stmt, ":set"), (gpointer) segment,
                        ID_SET_POINTER_TYPE, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Order order = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (read, order);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return pass_failed (pass, rc, error);

  if (period != NULL)
    g_array_sort (read, compare_orders);
  for (guint i = 0; i < read->len; i++)
    {
      const Order *order = &g_array_index (read, Order, i);
      guint n = pass->orders->len;
      Orders *last = n > 0 ? &g_array_index (pass->orders, Orders, n - 1) : NULL;

      if (last != NULL && last->customer == order->customer)
        {
          if (last->count++ == 1)
            last->second_at = order->time;
        }
      else
        g_array_append_val (pass->orders, ((Orders) { order->customer, 1, order->time, G_MAXINT64 }));
    }
  return TRUE;
}

#define PASS_POINTER_TYPE "crm-journey-pass"

/* crm_journey_feed(pass, customer_id, type_id, channel_id, satisfaction,
 * occurred_at): feeds the row to the Pass bound as a pointer. It returns
 * 0, so that SQLite hands no row back and ten million are read inside one
 * sqlite3_step(), a third faster than stepping through them; 1 to stop,
 * when the pass should or the rows come out of order. */
static void
journey_feed_sql (sqlite3_context *context,
                  int              argc,
                  sqlite3_value  **argv)
{
  Pass *pass = sqlite3_value_pointer (argv[0], PASS_POINTER_TYPE);
  Vocabulary *vocabulary;
  gint64 customer, time;

  if (pass == NULL)
    {
      sqlite3_result_int (context, 1);
      return;
    }
  vocabulary = pass->vocabulary;
  customer = sqlite3_value_int64 (argv[1]);
  time = sqlite3_value_int64 (argv[5]);
  /* The order is the index's; were it ever not, the journeys would be
   * wrong, so the pass stops with an error instead. */
  if (customer < pass->current || (customer == pass->current && time < pass->last_time))
    {
      pass->out_of_order = TRUE;
      sqlite3_result_int (context, 1);
      return;
    }
  pass->last_time = time;
  feed (pass, customer,
        lookup_index (vocabulary->types, vocabulary->type_index, sqlite3_value_int64 (argv[2])),
        lookup_index (vocabulary->channels, vocabulary->channel_index, sqlite3_value_int64 (argv[3])),
        sqlite3_value_int (argv[4]), time);
  if (++pass->rows % 65536 == 0)
    {
      if (pass->progress != NULL)
        pass->progress (MIN (customer, vocabulary->last_customer), vocabulary->last_customer, pass->progress_data);
      if (pass_should_stop (pass))
        {
          sqlite3_result_int (context, 1);
          return;
        }
    }
  sqlite3_result_int (context, 0);
}

/* All time: every touchpoint of the customers (of @segment), in customer
 * and time order straight from the index. */
static gboolean
read_by_customer (Pass        *pass,
                  const char  *segment,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = crm_store_prepare (pass->store,
                            segment != NULL
                            ? "SELECT 1 FROM customers c JOIN touchpoints r ON r.customer_id = c.id"
                              " WHERE c.segment = :segment AND crm_journey_feed(:pass, r.customer_id, r.type_id,"
                              " r.channel_id, r.satisfaction, r.occurred_at) ORDER BY c.id, r.occurred_at"
                            : "SELECT 1 FROM touchpoints WHERE crm_journey_feed(:pass, customer_id, type_id,"
                              " channel_id, satisfaction, occurred_at) ORDER BY customer_id, occurred_at",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (segment != NULL)
    crm_store_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":segment"), segment);
  sqlite3_bind_pointer (stmt, sqlite3_bind_parameter_index (stmt, ":pass"), pass, PASS_POINTER_TYPE, NULL);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (g_cancellable_set_error_if_cancelled (pass->cancellable, error))
    return FALSE;
  if (pass->out_of_order)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_FAILED,
                   _("Could not analyse the journeys in “%s”: the touchpoints were not read in time order"),
                   pass->store->path);
      return FALSE;
    }
  return rc == SQLITE_DONE || rc == SQLITE_ROW || pass_failed (pass, rc, error);
}

/* @rows, in time order, put in customer order without changing the order
 * of each customer's own rows: a counting sort on the customer id, linear
 * where a comparison sort of a million rows is not. */
static GArray *
sort_by_customer (GArray *rows,
                  gint64  last_customer)
{
  g_autofree guint *starts = NULL;
  GArray *sorted;

  if (last_customer >= ID_SET_MAX_BITS)
    return NULL;
  starts = g_new0 (guint, last_customer + 2);
  for (guint i = 0; i < rows->len; i++)
    starts[g_array_index (rows, Row, i).customer + 1]++;
  for (gint64 id = 1; id <= last_customer + 1; id++)
    starts[id] += starts[id - 1];
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (Row), rows->len);
  g_array_set_size (sorted, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      g_array_index (sorted, Row, starts[row->customer]++) = *row;
    }
  return sorted;
}

/* For ids too large for a counting sort: customer, then time, then the
 * index's order. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;

  if (x->customer != y->customer)
    return x->customer < y->customer ? -1 : 1;
  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->type != y->type ? x->type - y->type : x->channel - y->channel;
}

/* What crm_journey_row() collects a period's rows into. */
typedef struct
{
  Pass    *pass;
  GArray  *rows;
  gint64   start;
  gint64   span;
  gint64   last_time;
  gboolean out_of_order;
} Collect;

#define COLLECT_POINTER_TYPE "crm-journey-collect"

/* crm_journey_row(collect, customer_id, type_id, channel_id, satisfaction,
 * occurred_at): appends the row to the Collect bound as a pointer and
 * returns 0, so that SQLite hands no row back: a million rows are
 * collected inside one sqlite3_step(), a third faster than stepping
 * through them. */
static void
journey_row_sql (sqlite3_context *context,
                 int              argc,
                 sqlite3_value  **argv)
{
  Collect *collect = sqlite3_value_pointer (argv[0], COLLECT_POINTER_TYPE);
  Vocabulary *vocabulary;
  Row row;
  guint type, channel;

  sqlite3_result_int (context, 0);
  if (collect == NULL)
    return;
  vocabulary = collect->pass->vocabulary;
  row.customer = sqlite3_value_int64 (argv[1]);
  row.time = sqlite3_value_int64 (argv[5]);
  type = lookup_index (vocabulary->types, vocabulary->type_index, sqlite3_value_int64 (argv[2]));
  channel = lookup_index (vocabulary->channels, vocabulary->channel_index, sqlite3_value_int64 (argv[3]));
  if (type == G_MAXUINT || channel == G_MAXUINT)
    return;
  /* Both fit: run_pass refuses more than 65,535 of either. */
  row.type = type;
  row.channel = channel;
  row.satisfaction = sqlite3_value_int (argv[4]);
  /* The order is the index's; should SQLite ever choose another, the
   * rows are sorted in full instead. */
  collect->out_of_order |= row.time < collect->last_time;
  collect->last_time = row.time;
  g_array_append_val (collect->rows, row);
  if (collect->rows->len % 65536 == 0 && collect->pass->progress != NULL)
    /* Reading is most of the work: count it as nine tenths. */
    collect->pass->progress ((row.time - collect->start) * 9 / 10, collect->span, collect->pass->progress_data);
}

/* A period: its touchpoints from the time index, those of the segment
 * kept, then sorted into customer order and fed. */
static gboolean
read_by_time (Pass             *pass,
              const IdSet      *segment,
              const CrmPeriod  *period,
              GError          **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GArray) sorted = NULL;
  gint64 start = crm_period_get_start (period);
  Collect collect = { pass, rows, start, MAX (crm_period_get_end (period) - start, 1), G_MININT64, FALSE };
  sqlite3_stmt *stmt;
  int rc;

  stmt = crm_store_prepare (pass->store,
                            "SELECT 1 FROM touchpoints WHERE occurred_at >= :s AND occurred_at < :e"
                            " AND crm_id_set_contains(customer_id, :set)"
                            " AND crm_journey_row(:collect, customer_id, type_id, channel_id, satisfaction, occurred_at)"
                            " ORDER BY occurred_at",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, period);
  sqlite3_bind_pointer (stmt, sqlite3_bind_parameter_index (stmt, ":set"), (gpointer) segment,
                        ID_SET_POINTER_TYPE, NULL);
  sqlite3_bind_pointer (stmt, sqlite3_bind_parameter_index (stmt, ":collect"), &collect,
                        COLLECT_POINTER_TYPE, NULL);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return pass_failed (pass, rc, error);

  sorted = collect.out_of_order ? NULL : sort_by_customer (rows, pass->vocabulary->last_customer);
  if (sorted != NULL)
    {
      g_array_unref (rows);
      rows = g_steal_pointer (&sorted);
    }
  else
    g_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      feed (pass, row->customer, row->type, row->channel, row->satisfaction, row->time);
      if (i % 65536 == 65535 && pass_should_stop (pass))
        break;
    }
  return !g_cancellable_set_error_if_cancelled (pass->cancellable, error);
}

/* The index in @to of the stage, channel or type @index of @from. */
static gboolean
translate_stage (CrmJourneyAnalysis *from,
                 CrmJourneyAnalysis *to,
                 guint               index,
                 guint              *translated)
{
  const char *name = crm_journey_analysis_get_stage (from, index);

  for (guint i = 0; i < crm_journey_analysis_get_n_stages (to); i++)
    if (g_strcmp0 (crm_journey_analysis_get_stage (to, i), name) == 0)
      return (*translated = i), TRUE;
  return FALSE;
}

/* The same for a channel or a type, found by id with @get_id. */
static gboolean
translate_id (CrmJourneyAnalysis *from,
              CrmJourneyAnalysis *to,
              guint               index,
              guint               n_in_to,
              gint64            (*get_id) (CrmJourneyAnalysis *self,
                                           guint               index),
              guint              *translated)
{
  gint64 id = get_id (from, index);

  for (guint i = 0; i < n_in_to; i++)
    if (get_id (to, i) == id)
      return (*translated = i), TRUE;
  return FALSE;
}

static gboolean
translate_channel (CrmJourneyAnalysis *from,
                   CrmJourneyAnalysis *to,
                   guint               index,
                   guint              *translated)
{
  return translate_id (from, to, index, crm_journey_analysis_get_n_channels (to),
                       crm_journey_analysis_get_channel_id, translated);
}

static gboolean
translate_type (CrmJourneyAnalysis *from,
                CrmJourneyAnalysis *to,
                guint               index,
                guint              *translated)
{
  return translate_id (from, to, index, crm_journey_analysis_get_n_types (to),
                       crm_journey_analysis_get_type_id, translated);
}

/* @element of @from, in the indices of @to, which read the same database
 * again: stages by name, channels and types by id. FALSE if it is no
 * longer there. */
static gboolean
translate_element (CrmJourneyAnalysis      *from,
                   CrmJourneyAnalysis      *to,
                   const CrmJourneyElement *element,
                   CrmJourneyElement       *translated,
                   guint                   *path,
                   guint                   *path_length)
{
  guint length = 0;
  const guint *steps = NULL;

  *translated = *element;
  *path_length = 0;
  switch (element->kind)
    {
    case CRM_JOURNEY_ELEMENT_CELL:
      return translate_stage (from, to, element->first, &translated->first) &&
             translate_channel (from, to, element->second, &translated->second);
    case CRM_JOURNEY_ELEMENT_FLOW:
      return translate_channel (from, to, element->first, &translated->first) &&
             translate_channel (from, to, element->second, &translated->second);
    case CRM_JOURNEY_ELEMENT_WITH_TYPE:
    case CRM_JOURNEY_ELEMENT_WITHOUT_TYPE:
    case CRM_JOURNEY_ELEMENT_WITH_TYPE_AFTER_BUYING:
    case CRM_JOURNEY_ELEMENT_WITHOUT_TYPE_AFTER_BUYING:
      return translate_type (from, to, element->first, &translated->first);
    case CRM_JOURNEY_ELEMENT_PATH:
      if (element->first >= crm_journey_analysis_get_n_paths (from))
        return FALSE;
      steps = crm_journey_analysis_get_path (from, element->first, &length);
      for (guint i = 0; i < length; i++)
        if (!translate_type (from, to, steps[i], &path[i]))
          return FALSE;
      *path_length = length;
      return TRUE;
    default:
      return FALSE;
    }
}

/* What a pass looks for, besides counting: the customers behind @element
 * of the analysis @from, at most @limit of them. */
typedef struct
{
  CrmJourneyAnalysis      *from;
  const CrmJourneyElement *element;
  guint                    limit;
} Watch;

/* Reads the journeys of @segment over @period into @analysis. */
static gboolean
run_pass (CrmStore            *self,
          CrmJourneyAnalysis  *analysis,
          const char          *segment,
          const CrmPeriod     *period,
          const Watch         *watch,
          GCancellable        *cancellable,
          CrmProgressFunc      progress,
          gpointer             progress_data,
          GError             **error)
{
  g_autoptr(GHashTable) channel_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) type_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) stage_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) channels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) orders = g_array_new (FALSE, FALSE, sizeof (Orders));
  Vocabulary vocabulary = { analysis, stages, stage_index, channel_index, type_index, types, channels, 1 };
  Pass pass = { self, analysis, &vocabulary, cancellable, progress, progress_data, orders, 0, -1, 0, 0, FALSE };
  IdSet members = { NULL, 0, NULL };
  gboolean snapshot = self->depth == 0, ok;

  /* One snapshot for everything read. */
  if (snapshot && !crm_store_exec (self, "BEGIN DEFERRED", _("Could not read the database"), error))
    return FALSE;
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, crm_store_is_cancelled, cancellable);

  crm_journey_analysis_set_scope (analysis, segment, period);
  ok = load_vocabulary (self, &vocabulary, error);
  if (ok && (g_hash_table_size (type_index) > G_MAXUINT16 || g_hash_table_size (channel_index) > G_MAXUINT16))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_FAILED,
                   _("Could not analyse the journeys: more than 65,535 touchpoint types or channels"));
      ok = FALSE;
    }
  if (ok && watch != NULL)
    {
      CrmJourneyElement translated;
      guint path[CRM_JOURNEY_MAX_PATH_LENGTH], path_length;

      /* An element no longer in the database has no customers behind it. */
      if (translate_element (watch->from, analysis, watch->element, &translated, path, &path_length))
        crm_journey_analysis_watch (analysis, &translated, path, path_length, watch->limit);
      else
        crm_journey_analysis_watch (analysis, watch->element, NULL, 0, 0);
    }
  if (ok && crm_journey_analysis_watch_is_full (analysis))
    goto done;
  if (ok && segment != NULL)
    ok = read_segment (self, segment, vocabulary.last_customer, &members, error);
  ok = ok && read_orders (&pass, segment != NULL ? &members : NULL, period, error);
  if (ok && period == NULL)
    ok = read_by_customer (&pass, segment, error);
  else if (ok)
    ok = read_by_time (&pass, segment != NULL ? &members : NULL, period, error);
  if (ok && pass.current >= 0)
    crm_journey_analysis_end_customer (analysis);

done:
  id_set_clear (&members);
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (snapshot)
    crm_store_exec (self, "COMMIT", NULL, NULL);
  return ok;
}

/**
 * crm_store_analyze_journeys:
 * @segment: (nullable): the customers' segment; %NULL for all customers
 * @period: (nullable): the period; %NULL for all time
 * @cancellable: (nullable): stops the analysis
 * @progress: (nullable) (scope call): told how far the pass has got
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

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  if (!run_pass (self, analysis, segment, period, NULL, cancellable, progress, progress_data, error))
    return NULL;
  crm_journey_analysis_finish (analysis);
  return g_steal_pointer (&analysis);
}

/**
 * crm_store_find_journey_customers:
 * @analysis: the analysis the element belongs to
 * @element: a map cell, path, flow or moment of truth of @analysis
 * @limit: at most this many customers
 * @cancellable: (nullable): stops the search
 * @progress: (nullable) (scope call): told how far it has got
 *
 * The customers behind @element: those of the analysis's segment and
 * period who reached the cell, took the path, went from one channel to
 * the other, or had (or did not have) the touchpoint type. The journeys
 * are read again, so the customers are those of the database now.
 *
 * Returns: (transfer full) (element-type gint64): the customers' ids in
 *   increasing order, at most @limit, or %NULL with @error set
 */
GArray *
crm_store_find_journey_customers (CrmStore                *self,
                                  CrmJourneyAnalysis      *analysis,
                                  const CrmJourneyElement *element,
                                  guint                    limit,
                                  GCancellable            *cancellable,
                                  CrmProgressFunc          progress,
                                  gpointer                 progress_data,
                                  GError                 **error)
{
  g_autoptr(CrmJourneyAnalysis) again = crm_journey_analysis_new ();
  Watch watch = { analysis, element, limit };

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (element != NULL, NULL);

  if (!run_pass (self, again, crm_journey_analysis_get_segment (analysis), crm_journey_analysis_get_period (analysis),
                 &watch, cancellable, progress, progress_data, error))
    return NULL;
  return crm_journey_analysis_steal_watched (again);
}

/* Called once a connection is open. */
gboolean
crm_store_add_journey_functions (CrmStore  *self,
                                 GError   **error)
{
  int rc = sqlite3_create_function_v2 (self->db, "crm_id_set_contains", 2,
                                       SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                       id_set_contains_sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "crm_journey_feed", 6, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                     journey_feed_sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "crm_journey_row", 6, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                     journey_row_sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "crm_id_set_add", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                     id_set_add_sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;
  crm_store_set_error (self, rc, _("Could not prepare the database"), error);
  return FALSE;
}
