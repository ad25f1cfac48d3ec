/* crm-customer-list.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-customer-list.h"

/* Rows read at once when the view needs one that is not in memory, and how
 * many such pages are kept: a few screens in each direction. */
#define PAGE_SIZE 64
#define MAX_PAGES 48

/* The first answer of a new query, sent while the query goes on: enough
 * to fill a tall window. */
#define FIRST_ROWS 256

struct _CrmCustomerList
{
  GObject           parent_instance;

  CrmStore         *store;           /* the caller's, used on its thread */
  CrmCustomerQuery *query;
  GArray           *ids;             /* gint64, in list order */
  gboolean          complete;        /* ids holds every match, not a first screenful */
  GHashTable       *pages;           /* page number → GPtrArray of CrmCustomerSummary */
  GQueue            page_order;      /* page numbers, least recently used first */
  GCancellable     *cancellable;     /* of the running query */
  guint             generation;      /* increases with every query started */
  gboolean          loading;
  GError           *error;
};

static void crm_customer_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmCustomerList, crm_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, crm_customer_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_LOADING,
  PROP_COMPLETE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker needs, copied so it shares nothing with the main thread
 * but the list reference it hands back there. */
typedef struct
{
  char             *path;
  CrmCustomerQuery *query;
  guint             generation;
  CrmCustomerList  *list;             /* a reference, given back in the final answer */
  GMainContext     *context;
  GCancellable     *cancellable;
  gboolean          first_rows_early; /* send a screenful before the rest */
} Job;

/* A query's answer, handed back to the main thread. */
typedef struct
{
  CrmCustomerList *list;
  guint            generation;
  GArray          *ids;              /* NULL when the query failed */
  gboolean         complete;
  gboolean         final;            /* the query is over */
  GError          *error;
} Answer;

static GType
crm_customer_list_get_item_type (GListModel *model)
{
  return CRM_TYPE_CUSTOMER_SUMMARY;
}

static guint
crm_customer_list_model_get_n_items (GListModel *model)
{
  return CRM_CUSTOMER_LIST (model)->ids->len;
}

static void
drop_pages (CrmCustomerList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static gpointer
crm_customer_list_get_item (GListModel *model,
                            guint       position)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->ids->len)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    {
      /* Most recently used goes last. */
      g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
      g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      guint first = page * PAGE_SIZE;
      guint n = MIN (PAGE_SIZE, self->ids->len - first);

      /* A page by primary key is a few milliseconds: well inside a frame. */
      rows = crm_store_load_customer_summaries (self->store,
                                                &g_array_index (self->ids, gint64, first),
                                                n, &error);
      if (rows == NULL)
        {
          /* The view must get an item; an empty row stands in, and the
           * error is kept for the UI to show. */
          g_warning ("%s", error->message);
          return crm_customer_summary_new ();
        }

      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
      g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
      while (g_queue_get_length (&self->page_order) > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_head (&self->page_order));
    }

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
crm_customer_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_customer_list_get_item_type;
  iface->get_n_items = crm_customer_list_model_get_n_items;
  iface->get_item = crm_customer_list_get_item;
}

static void
set_loading (CrmCustomerList *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Replaces the ids and tells the view only about the part that changed:
 * after one customer is added or deleted, the rows around it keep their
 * selection and scroll position. */
static void
apply_ids (CrmCustomerList *self,
           GArray          *ids,
           gboolean         complete)
{
  g_autoptr(GArray) old = self->ids;
  guint prefix = 0, suffix = 0;
  guint old_len = old->len, new_len = ids->len;

  while (prefix < old_len && prefix < new_len &&
         g_array_index (old, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (old, gint64, old_len - 1 - suffix) ==
         g_array_index (ids, gint64, new_len - 1 - suffix))
    suffix++;

  self->ids = g_array_ref (ids);
  drop_pages (self);

  if (self->complete != complete)
    {
      self->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
  if (old_len - prefix - suffix > 0 || new_len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix, new_len - prefix - suffix);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
deliver_answer (gpointer data)
{
  Answer *answer = data;
  CrmCustomerList *self = answer->list;

  /* An answer to a query that has since been replaced is dropped. */
  if (answer->generation == self->generation)
    {
      if (answer->ids != NULL)
        apply_ids (self, answer->ids, answer->complete);
      if (answer->final)
        {
          g_clear_error (&self->error);
          if (!g_error_matches (answer->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            self->error = g_steal_pointer (&answer->error);
          set_loading (self, FALSE);
        }
    }

  g_object_unref (answer->list);
  g_clear_pointer (&answer->ids, g_array_unref);
  g_clear_error (&answer->error);
  g_free (answer);
  return G_SOURCE_REMOVE;
}

/* Hands an answer to the list's thread. Always through a source:
 * g_main_context_invoke() would run it right here, on the worker, when the
 * main context happens to be free, and the list belongs to its thread. */
static void
send_answer (Job      *job,
             GArray   *ids,
             gboolean  complete,
             gboolean  final,
             GError   *error)
{
  Answer *answer = g_new0 (Answer, 1);
  GSource *source;

  /* The final answer takes over the job's reference to the list, so that
   * the list is never released on the worker. */
  answer->list = final ? g_steal_pointer (&job->list) : g_object_ref (job->list);
  answer->generation = job->generation;
  answer->ids = ids ? g_array_ref (ids) : NULL;
  answer->complete = complete;
  answer->final = final;
  answer->error = error;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_answer, answer, NULL);
  g_source_set_static_name (source, "[touchpoint] customer list answer");
  g_source_attach (source, job->context);
  g_source_unref (source);
}

static void
send_first_rows (GArray   *ids,
                 gpointer  user_data)
{
  send_answer (user_data, ids, FALSE, FALSE, NULL);
}

/* All lists share one worker thread with one connection: its page cache
 * stays warm from one keystroke to the next, and queries never compete
 * with each other for the two cores of a laptop. Only that thread touches
 * worker_connection. */
static GThreadPool *query_pool;
static CrmStore *worker_connection;

static void
run_job (gpointer data,
         gpointer unused)
{
  Job *job = data;
  g_autoptr(GArray) all = NULL;
  GError *error = NULL;

  if (!g_cancellable_set_error_if_cancelled (job->cancellable, &error))
    {
      if (worker_connection == NULL || g_strcmp0 (crm_store_get_path (worker_connection), job->path) != 0)
        {
          g_clear_object (&worker_connection);
          worker_connection = crm_store_open (job->path, &error);
          if (worker_connection != NULL)
            crm_store_set_cache_size (worker_connection, 32);
        }
      if (worker_connection != NULL)
        all = crm_store_stream_customer_ids (worker_connection, job->query, FIRST_ROWS,
                                             job->first_rows_early ? send_first_rows : NULL, job,
                                             job->cancellable, &error);
    }

  send_answer (job, all, all != NULL, TRUE, error);

  g_free (job->path);
  g_object_unref (job->query);
  g_main_context_unref (job->context);
  g_object_unref (job->cancellable);
  g_free (job);
}

static CrmCustomerQuery *
copy_query (CrmCustomerQuery *query)
{
  CrmCustomerQuery *copy = crm_customer_query_new ();

  crm_customer_query_set_sort (copy, crm_customer_query_get_sort (query));
  crm_customer_query_set_descending (copy, crm_customer_query_get_descending (query));
  crm_customer_query_set_search (copy, crm_customer_query_get_search (query));
  crm_customer_query_set_segment (copy, crm_customer_query_get_segment (query));
  crm_customer_query_set_owner (copy, crm_customer_query_get_owner (query));
  crm_customer_query_set_tag (copy, crm_customer_query_get_tag (query));
  crm_customer_query_set_lifecycle_stage (copy, crm_customer_query_get_lifecycle_stage (query));
  crm_customer_query_set_rfm_segment (copy, crm_customer_query_get_rfm_segment (query));
  return copy;
}

/* A new query answers with a screenful first, then with all rows; a
 * query run again because data changed answers once, so that the list
 * changes only where the data did. */
static void
run_query (CrmCustomerList *self,
           gboolean         first_rows_early)
{
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  job = g_new0 (Job, 1);
  job->path = g_strdup (crm_store_get_path (self->store));
  job->query = copy_query (self->query);
  job->generation = self->generation;
  job->list = g_object_ref (self);
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = g_object_ref (self->cancellable);
  job->first_rows_early = first_rows_early;

  set_loading (self, TRUE);
  g_thread_pool_push (query_pool, job, NULL);
}

/**
 * crm_customer_list_refresh:
 *
 * Runs the query again, on a worker thread, for data changed elsewhere (an
 * import on another connection); the list keeps showing what it has until
 * the answer arrives. A query still running is cancelled.
 */
void
crm_customer_list_refresh (CrmCustomerList *self)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  run_query (self, FALSE);
}

static void
on_query_changed (CrmCustomerList *self)
{
  run_query (self, TRUE);
}

static void
on_customer_changed (CrmCustomerList *self,
                     gint64           customer_id)
{
  guint position = customer_id > 0 ? crm_customer_list_find (self, customer_id) : G_MAXUINT;

  /* The row itself may show new values (a new name, one more touchpoint):
   * re-read it now. Whether the customer still belongs, and where, the
   * new query tells. */
  drop_pages (self);
  if (position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  crm_customer_list_refresh (self);
}

static void
crm_customer_list_dispose (GObject *object)
{
  CrmCustomerList *self = (CrmCustomerList *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);

  G_OBJECT_CLASS (crm_customer_list_parent_class)->dispose (object);
}

static void
crm_customer_list_finalize (GObject *object)
{
  CrmCustomerList *self = (CrmCustomerList *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->query);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->page_order);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (crm_customer_list_parent_class)->finalize (object);
}

static void
crm_customer_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      self->query = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_list_constructed (GObject *object)
{
  CrmCustomerList *self = (CrmCustomerList *) object;

  G_OBJECT_CLASS (crm_customer_list_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (self->store));
  if (self->query == NULL)
    self->query = crm_customer_query_new ();

  g_signal_connect_swapped (self->query, "notify", G_CALLBACK (on_query_changed), self);
  g_signal_connect_swapped (self->store, "customer-changed", G_CALLBACK (on_customer_changed), self);
  run_query (self, TRUE);
}

static void
crm_customer_list_class_init (CrmCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  query_pool = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);

  object_class->dispose = crm_customer_list_dispose;
  object_class->finalize = crm_customer_list_finalize;
  object_class->get_property = crm_customer_list_get_property;
  object_class->set_property = crm_customer_list_set_property;
  object_class->constructed = crm_customer_list_constructed;

  /* The store rows are read from, on the thread that made the list. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* What the list shows; the list follows its changes. */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, CRM_TYPE_CUSTOMER_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether a query is running. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the list holds every match; until then n-items is a first
   * screenful only. */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The number of customers in the list, for a count label. */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_customer_list_init (CrmCustomerList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

CrmCustomerList *
crm_customer_list_new (CrmStore         *store,
                       CrmCustomerQuery *query)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (query == NULL || CRM_IS_CUSTOMER_QUERY (query), NULL);

  return g_object_new (CRM_TYPE_CUSTOMER_LIST, "store", store, "query", query, NULL);
}

CrmCustomerQuery *
crm_customer_list_get_query (CrmCustomerList *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), NULL);
  return self->query;
}

gboolean
crm_customer_list_get_loading (CrmCustomerList *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), FALSE);
  return self->loading;
}

gboolean
crm_customer_list_get_complete (CrmCustomerList *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), FALSE);
  return self->complete;
}

guint
crm_customer_list_get_n_items (CrmCustomerList *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), 0);
  return self->ids->len;
}

/* The customer id at @position, without reading the row. */
gint64
crm_customer_list_get_id (CrmCustomerList *self,
                          guint            position)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

/* The position of a customer, or G_MAXUINT when the list does not hold
 * them. A scan of 8-byte ids: a million take about a millisecond. */
guint
crm_customer_list_find (CrmCustomerList *self,
                        gint64           customer_id)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == customer_id)
      return i;
  return G_MAXUINT;
}

/**
 * crm_customer_list_get_error:
 *
 * Returns: (nullable): why the last query failed, if it did
 */
const GError *
crm_customer_list_get_error (CrmCustomerList *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), NULL);
  return self->error;
}
