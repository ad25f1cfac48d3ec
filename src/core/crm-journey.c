/* crm-journey.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journey is read whole, on the thread that uses the store: most
 * customers have tens of touchpoints, and 5,000 read in about 4 ms
 * (tests/test-journey.c prints the figure), which does not call for a
 * worker with a connection of its own and a model that fills in later.
 * After a change it is read again (about 6 ms at 5,000) and compared with
 * what the model held, so that views hear only of the range that changed
 * and keep the objects of the rest.
 */
#include "config.h"

#include "crm-journey.h"

struct _CrmJourney
{
  GObject       parent_instance;

  CrmStore     *store;          /* the caller's, used on its thread */
  gint64        customer_id;
  GPtrArray    *touchpoints;    /* CrmTouchpoint, by occurred_at, then id */
  GPtrArray    *transactions;   /* CrmTransaction, by occurred_at, then id;
                                 * replaced at a change, never modified */
  GHashTable   *channels;       /* id → CrmChannel: every channel */
  GHashTable   *types;          /* id → CrmTouchpointType: every type */
  GPtrArray    *used_channels;  /* CrmChannel in first-use order; NULL until asked */
  GArray       *stage_counts;   /* CrmJourneyStage; NULL until asked */
  gint64        first_time;
  gint64        last_time;
  GMainContext *context;        /* of the thread that made the journey */
  GSource      *reload_source;  /* a reload waiting to run, or NULL */
  GError       *error;
};

static void crm_journey_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmJourney, crm_journey, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, crm_journey_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  PROP_N_ITEMS,
  PROP_FIRST_TIME,
  PROP_LAST_TIME,
  PROP_TRANSACTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
crm_journey_get_item_type (GListModel *model)
{
  return CRM_TYPE_TOUCHPOINT;
}

static guint
crm_journey_model_get_n_items (GListModel *model)
{
  return CRM_JOURNEY (model)->touchpoints->len;
}

static gpointer
crm_journey_get_item (GListModel *model,
                      guint       position)
{
  CrmJourney *self = CRM_JOURNEY (model);

  if (position >= self->touchpoints->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->touchpoints, position));
}

static void
crm_journey_model_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_journey_get_item_type;
  iface->get_n_items = crm_journey_model_get_n_items;
  iface->get_item = crm_journey_get_item;
}

/* Whether two readings of a touchpoint show the same thing. */
static gboolean
same_touchpoint (CrmTouchpoint *a,
                 CrmTouchpoint *b)
{
  return crm_touchpoint_get_id (a) == crm_touchpoint_get_id (b) &&
         crm_touchpoint_get_occurred_at (a) == crm_touchpoint_get_occurred_at (b) &&
         crm_touchpoint_get_customer_id (a) == crm_touchpoint_get_customer_id (b) &&
         crm_touchpoint_get_type_id (a) == crm_touchpoint_get_type_id (b) &&
         crm_touchpoint_get_channel_id (a) == crm_touchpoint_get_channel_id (b) &&
         crm_touchpoint_get_direction (a) == crm_touchpoint_get_direction (b) &&
         crm_touchpoint_get_outcome (a) == crm_touchpoint_get_outcome (b) &&
         crm_touchpoint_get_satisfaction (a) == crm_touchpoint_get_satisfaction (b) &&
         crm_touchpoint_get_transaction_id (a) == crm_touchpoint_get_transaction_id (b) &&
         g_strcmp0 (crm_touchpoint_get_note (a), crm_touchpoint_get_note (b)) == 0;
}

static gboolean
same_transaction (CrmTransaction *a,
                  CrmTransaction *b)
{
  return crm_transaction_get_id (a) == crm_transaction_get_id (b) &&
         crm_transaction_get_occurred_at (a) == crm_transaction_get_occurred_at (b) &&
         crm_transaction_get_customer_id (a) == crm_transaction_get_customer_id (b) &&
         crm_transaction_get_amount (a) == crm_transaction_get_amount (b) &&
         crm_transaction_get_status (a) == crm_transaction_get_status (b) &&
         g_strcmp0 (crm_transaction_get_currency (a), crm_transaction_get_currency (b)) == 0 &&
         g_strcmp0 (crm_transaction_get_product (a), crm_transaction_get_product (b)) == 0;
}

static gboolean
same_transactions (GPtrArray *a,
                   GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!same_transaction (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* Takes @loaded as the touchpoints and finds what views must hear of: the
 * span between the longest unchanged beginning and end. One touchpoint
 * added, deleted or edited in place is a span of one; one moved in time
 * spans from its old place to its new one. Unchanged positions keep the
 * objects views already hold. */
static void
merge_touchpoints (CrmJourney *self,
                   GPtrArray  *loaded,
                   guint      *position,
                   guint      *removed,
                   guint      *added)
{
  g_autoptr(GPtrArray) old = self->touchpoints;
  guint old_len = old->len, new_len = loaded->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_len && prefix < new_len &&
         same_touchpoint (g_ptr_array_index (old, prefix), g_ptr_array_index (loaded, prefix)))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         same_touchpoint (g_ptr_array_index (old, old_len - 1 - suffix),
                          g_ptr_array_index (loaded, new_len - 1 - suffix)))
    suffix++;

  for (guint i = 0; i < new_len; i++)
    if (i < prefix || i >= new_len - suffix)
      {
        guint from = i < prefix ? i : i - new_len + old_len;

        g_object_unref (g_ptr_array_index (loaded, i));
        g_ptr_array_index (loaded, i) = g_object_ref (g_ptr_array_index (old, from));
      }

  self->touchpoints = g_ptr_array_ref (loaded);
  *position = prefix;
  *removed = old_len - prefix - suffix;
  *added = new_len - prefix - suffix;
}

static void
apply_transactions (CrmJourney *self,
                    GPtrArray  *loaded)
{
  /* Readers may keep a reference to the array they were given: a change
   * replaces it, and an unchanged one stays the same array. */
  if (same_transactions (self->transactions, loaded))
    return;
  g_ptr_array_unref (self->transactions);
  self->transactions = g_ptr_array_ref (loaded);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSACTIONS]);
}

static void
set_time (CrmJourney *self,
          gint64     *field,
          gint64      value,
          GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* The span of the journey: its touchpoints and transactions together,
 * which is what a timeline lays out. */
static void
update_times (CrmJourney *self)
{
  gboolean any_touchpoint = self->touchpoints->len > 0;
  gboolean any_transaction = self->transactions->len > 0;
  gint64 first = 0, last = 0;

  if (any_touchpoint)
    {
      first = crm_touchpoint_get_occurred_at (g_ptr_array_index (self->touchpoints, 0));
      last = crm_touchpoint_get_occurred_at (g_ptr_array_index (self->touchpoints,
                                                                self->touchpoints->len - 1));
    }
  if (any_transaction)
    {
      gint64 first_sale = crm_transaction_get_occurred_at (g_ptr_array_index (self->transactions, 0));
      gint64 last_sale = crm_transaction_get_occurred_at (g_ptr_array_index (self->transactions,
                                                                             self->transactions->len - 1));

      first = any_touchpoint ? MIN (first, first_sale) : first_sale;
      last = any_touchpoint ? MAX (last, last_sale) : last_sale;
    }
  set_time (self, &self->first_time, first, properties[PROP_FIRST_TIME]);
  set_time (self, &self->last_time, last, properties[PROP_LAST_TIME]);
}

typedef gint64 (*GetIdFunc) (gpointer object);

static GHashTable *
index_by_id (GPtrArray *objects,
             GetIdFunc  get_id)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  for (guint i = 0; i < objects->len; i++)
    {
      gpointer object = g_ptr_array_index (objects, i);
      gint64 id = get_id (object);

      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), g_object_ref (object));
    }
  return index;
}

/* Reads the journey and the channels and touchpoint types it refers to.
 * When a read fails the journey keeps what it had, and says why. */
static void
load (CrmJourney *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) touchpoints = NULL;
  g_autoptr(GPtrArray) transactions = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) types = NULL;
  guint position, removed, added;

  if ((touchpoints = crm_store_list_touchpoints (self->store, self->customer_id, &error)) == NULL ||
      (transactions = crm_store_list_transactions (self->store, self->customer_id, &error)) == NULL ||
      (channels = crm_store_list_channels (self->store, &error)) == NULL ||
      (types = crm_store_list_touchpoint_types (self->store, &error)) == NULL)
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      return;
    }
  g_clear_error (&self->error);

  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->types, g_hash_table_unref);
  g_clear_pointer (&self->used_channels, g_ptr_array_unref);
  g_clear_pointer (&self->stage_counts, g_array_unref);
  self->channels = index_by_id (channels, (GetIdFunc) crm_channel_get_id);
  self->types = index_by_id (types, (GetIdFunc) crm_touchpoint_type_get_id);

  /* Everything is in place before anyone hears of a change, so that a
   * handler of items-changed reads transactions and times that match. */
  g_object_freeze_notify (G_OBJECT (self));
  merge_touchpoints (self, touchpoints, &position, &removed, &added);
  apply_transactions (self, transactions);
  update_times (self);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
reload_cb (gpointer data)
{
  CrmJourney *self = data;

  g_clear_pointer (&self->reload_source, g_source_unref);
  load (self);
  return G_SOURCE_REMOVE;
}

/* The store says so once per row written, so an import that adds a
 * hundred touchpoints to one customer says it a hundred times in a row:
 * they are answered with one reload, before the next frame is drawn. */
static void
on_customer_changed (CrmJourney *self,
                     gint64      customer_id)
{
  if (customer_id != 0 && customer_id != self->customer_id)
    return;
  if (self->reload_source != NULL)
    return;

  self->reload_source = g_idle_source_new ();
  g_source_set_priority (self->reload_source, G_PRIORITY_HIGH_IDLE);
  g_source_set_callback (self->reload_source, reload_cb, self, NULL);
  g_source_set_static_name (self->reload_source, "[touchpoint] journey reload");
  g_source_attach (self->reload_source, self->context);
}

static void
cancel_reload (CrmJourney *self)
{
  if (self->reload_source == NULL)
    return;
  g_source_destroy (self->reload_source);
  g_clear_pointer (&self->reload_source, g_source_unref);
}

static void
crm_journey_dispose (GObject *object)
{
  CrmJourney *self = (CrmJourney *) object;

  cancel_reload (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_journey_parent_class)->dispose (object);
}

static void
crm_journey_finalize (GObject *object)
{
  CrmJourney *self = (CrmJourney *) object;

  g_clear_pointer (&self->touchpoints, g_ptr_array_unref);
  g_clear_pointer (&self->transactions, g_ptr_array_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->types, g_hash_table_unref);
  g_clear_pointer (&self->used_channels, g_ptr_array_unref);
  g_clear_pointer (&self->stage_counts, g_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (crm_journey_parent_class)->finalize (object);
}

static void
crm_journey_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmJourney *self = CRM_JOURNEY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->touchpoints->len);
      break;
    case PROP_FIRST_TIME:
      g_value_set_int64 (value, self->first_time);
      break;
    case PROP_LAST_TIME:
      g_value_set_int64 (value, self->last_time);
      break;
    case PROP_TRANSACTIONS:
      g_value_set_boxed (value, self->transactions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_journey_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrmJourney *self = CRM_JOURNEY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CUSTOMER_ID:
      self->customer_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_journey_constructed (GObject *object)
{
  CrmJourney *self = (CrmJourney *) object;

  G_OBJECT_CLASS (crm_journey_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (self->store));
  g_signal_connect_swapped (self->store, "customer-changed", G_CALLBACK (on_customer_changed), self);
  load (self);
}

static void
crm_journey_class_init (CrmJourneyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_journey_dispose;
  object_class->finalize = crm_journey_finalize;
  object_class->get_property = crm_journey_get_property;
  object_class->set_property = crm_journey_set_property;
  object_class->constructed = crm_journey_constructed;

  /* The store the journey is read from, on the thread that made it. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whose journey it is. */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The number of touchpoints, for bindings and count labels: the
   * GListModel interface has no such property (GListStore's is its own). */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The time (Unix seconds) of the earliest touchpoint or transaction,
   * 0 when there is neither. */
  properties[PROP_FIRST_TIME] =
    g_param_spec_int64 ("first-time", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The time of the latest touchpoint or transaction, 0 when there is
   * neither. */
  properties[PROP_LAST_TIME] =
    g_param_spec_int64 ("last-time", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The customer's transactions, oldest first (a GPtrArray of
   * CrmTransaction); notified when they change. */
  properties[PROP_TRANSACTIONS] =
    g_param_spec_boxed ("transactions", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_journey_init (CrmJourney *self)
{
  self->touchpoints = g_ptr_array_new_with_free_func (g_object_unref);
  self->transactions = g_ptr_array_new_with_free_func (g_object_unref);
  self->channels = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->types = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * crm_journey_new:
 * @store: the store to read from and follow, used on this thread
 * @customer_id: whose journey
 *
 * Reads the customer's touchpoints and transactions at once. A customer
 * that does not exist, or no longer does, has an empty journey.
 *
 * Returns: (transfer full): the journey
 */
CrmJourney *
crm_journey_new (CrmStore *store,
                 gint64    customer_id)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  return g_object_new (CRM_TYPE_JOURNEY, "store", store, "customer-id", customer_id, NULL);
}

gint64
crm_journey_get_customer_id (CrmJourney *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY (self), 0);
  return self->customer_id;
}

guint
crm_journey_get_n_items (CrmJourney *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY (self), 0);
  return self->touchpoints->len;
}

gint64
crm_journey_get_first_time (CrmJourney *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY (self), 0);
  return self->first_time;
}

gint64
crm_journey_get_last_time (CrmJourney *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY (self), 0);
  return self->last_time;
}

/**
 * crm_journey_get_transactions:
 *
 * The transactions are an array rather than a second list model: the
 * timeline draws them all at once beside the touchpoints and has no use
 * for rows of their own. The array is never modified; a change replaces
 * it and notifies :transactions. Keep it with g_ptr_array_ref().
 *
 * Returns: (transfer none) (element-type CrmTransaction): the customer's
 *   transactions, by time, then id
 */
GPtrArray *
crm_journey_get_transactions (CrmJourney *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY (self), NULL);
  return self->transactions;
}

/**
 * crm_journey_get_channels:
 *
 * The channels the customer used, each once, in the order of their first
 * touchpoint: the rows of the timeline, as the customer chose them.
 *
 * Returns: (transfer none) (element-type CrmChannel): the channels, valid
 *   until the journey changes
 */
GPtrArray *
crm_journey_get_channels (CrmJourney *self)
{
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (CRM_IS_JOURNEY (self), NULL);

  if (self->used_channels != NULL)
    return self->used_channels;

  self->used_channels = g_ptr_array_new_with_free_func (g_object_unref);
  seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->touchpoints->len; i++)
    {
      gint64 id = crm_touchpoint_get_channel_id (g_ptr_array_index (self->touchpoints, i));
      CrmChannel *channel = g_hash_table_lookup (self->channels, &id);

      if (channel != NULL && g_hash_table_add (seen, channel))
        g_ptr_array_add (self->used_channels, g_object_ref (channel));
    }
  return self->used_channels;
}

static void
clear_stage (gpointer data)
{
  g_free (((CrmJourneyStage *) data)->stage);
}

/**
 * crm_journey_get_stage_counts:
 *
 * How many touchpoints the customer had in each journey stage, in the
 * order the customer first reached the stages: a journey is not linear,
 * so this is the customer's order, not the company's. A touchpoint whose
 * type is unknown counts for the stage "".
 *
 * Returns: (transfer none) (element-type CrmJourneyStage): the counts,
 *   valid until the journey changes
 */
GArray *
crm_journey_get_stage_counts (CrmJourney *self)
{
  g_autoptr(GHashTable) positions = NULL;

  g_return_val_if_fail (CRM_IS_JOURNEY (self), NULL);

  if (self->stage_counts != NULL)
    return self->stage_counts;

  self->stage_counts = g_array_new (FALSE, FALSE, sizeof (CrmJourneyStage));
  g_array_set_clear_func (self->stage_counts, clear_stage);
  /* stage → its position in stage_counts + 1 */
  positions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->touchpoints->len; i++)
    {
      gint64 type_id = crm_touchpoint_get_type_id (g_ptr_array_index (self->touchpoints, i));
      CrmTouchpointType *type = g_hash_table_lookup (self->types, &type_id);
      const char *stage = type != NULL ? crm_touchpoint_type_get_stage (type) : NULL;
      guint position;

      stage = stage != NULL ? stage : "";
      position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, stage));
      if (position == 0)
        {
          CrmJourneyStage count = { g_strdup (stage), 0 };

          g_array_append_val (self->stage_counts, count);
          position = self->stage_counts->len;
          g_hash_table_insert (positions, count.stage, GUINT_TO_POINTER (position));
        }
      g_array_index (self->stage_counts, CrmJourneyStage, position - 1).n_touchpoints++;
    }
  return self->stage_counts;
}

/**
 * crm_journey_lookup_channel:
 *
 * For the rows of the list and the labels of the timeline: a touchpoint
 * holds its channel's id only.
 *
 * Returns: (transfer none) (nullable): the channel with @channel_id, as
 *   read with the journey
 */
CrmChannel *
crm_journey_lookup_channel (CrmJourney *self,
                            gint64      channel_id)
{
  g_return_val_if_fail (CRM_IS_JOURNEY (self), NULL);
  return g_hash_table_lookup (self->channels, &channel_id);
}

/**
 * crm_journey_lookup_type:
 *
 * Returns: (transfer none) (nullable): the touchpoint type with @type_id,
 *   as read with the journey: its name, stage and moment-of-truth flag
 */
CrmTouchpointType *
crm_journey_lookup_type (CrmJourney *self,
                         gint64      type_id)
{
  g_return_val_if_fail (CRM_IS_JOURNEY (self), NULL);
  return g_hash_table_lookup (self->types, &type_id);
}

/**
 * crm_journey_reload:
 *
 * Reads the journey again now. Changes to the customer's touchpoints and
 * transactions made through the store are followed without it; this is
 * for what the store does not announce per customer: a channel or a
 * touchpoint type renamed, or writes by another connection. Callers that
 * show the channels or stage counts read them again afterwards.
 */
void
crm_journey_reload (CrmJourney *self)
{
  g_return_if_fail (CRM_IS_JOURNEY (self));

  cancel_reload (self);
  load (self);
}

/**
 * crm_journey_get_error:
 *
 * Returns: (nullable): why the last reading failed, if it did; the
 *   journey then still shows what it read before
 */
const GError *
crm_journey_get_error (CrmJourney *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY (self), NULL);
  return self->error;
}
