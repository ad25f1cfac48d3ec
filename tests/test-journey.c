/* test-journey.c: one customer's journey as a list model: hand-built
 * customers with touchpoints at known times, their order (equal times by
 * id), and items-changed as touchpoints are added, edited, moved in time,
 * deleted, moved to another customer or lost with their customer; other
 * customers' changes are ignored; transactions read beside the
 * touchpoints; channels in first-use order and counts per stage; and the
 * time to read 5,000 touchpoints. */
#include "crm-journey.h"
#include "crm-store-fixture.h"
#include "crm-test-utils.h"

/* The menu every test starts from: channels in the user's order web,
 * e-mail, phone, store, and touchpoint types in three stages. */
typedef enum { WEB, EMAIL, PHONE, STORE, N_CHANNELS } Channel;
typedef enum { AD_VIEW, SIGN_UP, DEMO_CALL, PURCHASE, SUPPORT_CALL, N_TYPES } Type;

typedef struct
{
  CrmStoreFixture base;
  gint64          channels[N_CHANNELS];
  gint64          types[N_TYPES];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *channels[][2] = { { "web", "Web" }, { "email", "E-mail" },
                                       { "phone", "Phone" }, { "store", "Store" } };
  static const char *types[][2] = { { "Ad view", "Awareness" }, { "Sign-up", "Consideration" },
                                    { "Demo call", "Consideration" }, { "Purchase", "Purchase" },
                                    { "Support call", "Service" } };
  g_autoptr(GError) error = NULL;

  crm_store_fixture_set_up (&fixture->base, data);
  for (guint i = 0; i < N_CHANNELS; i++)
    fixture->channels[i] = crm_store_fixture_add_channel (&fixture->base, channels[i][0], channels[i][1], i);
  for (guint i = 0; i < N_TYPES; i++)
    {
      g_autoptr(CrmTouchpointType) type = crm_touchpoint_type_new ();

      crm_touchpoint_type_set_name (type, types[i][0]);
      crm_touchpoint_type_set_stage (type, types[i][1]);
      crm_touchpoint_type_set_moment_of_truth (type, i == PURCHASE);
      g_assert_true (crm_store_save_touchpoint_type (fixture->base.store, type, &error));
      fixture->types[i] = crm_touchpoint_type_get_id (type);
    }
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crm_store_fixture_tear_down (&fixture->base, data);
}

static gint64
add_customer (Fixture    *fixture,
              const char *name)
{
  return crm_store_fixture_add_customer (&fixture->base, name);
}

static gint64
add_touchpoint (Fixture *fixture,
                gint64   customer_id,
                gint64   time,
                Channel  channel,
                Type     type)
{
  return crm_store_fixture_add_touchpoint (&fixture->base, customer_id, time, fixture->types[type],
                                           fixture->channels[channel], 0);
}

static gint64
add_transaction (Fixture *fixture,
                 gint64   customer_id,
                 gint64   time,
                 gint64   amount)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmTransaction) transaction = crm_transaction_new ();

  crm_transaction_set_customer_id (transaction, customer_id);
  crm_transaction_set_occurred_at (transaction, time);
  crm_transaction_set_amount (transaction, amount);
  crm_transaction_set_currency (transaction, "EUR");
  g_assert_true (crm_store_save_transaction (fixture->base.store, transaction, &error));
  g_assert_no_error (error);
  return crm_transaction_get_id (transaction);
}

/* Loads a touchpoint afresh, as an editor would, changes it with @edit and
 * saves it. */
static void
edit_touchpoint (Fixture *fixture,
                 gint64   id,
                 void   (*edit) (CrmTouchpoint *touchpoint, gpointer data),
                 gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmTouchpoint) touchpoint = crm_store_load_touchpoint (fixture->base.store, id, &error);

  g_assert_no_error (error);
  edit (touchpoint, data);
  g_assert_true (crm_store_save_touchpoint (fixture->base.store, touchpoint, &error));
  g_assert_no_error (error);
}

static void
set_note (CrmTouchpoint *touchpoint,
          gpointer       data)
{
  crm_touchpoint_set_note (touchpoint, data);
}

static void
set_time (CrmTouchpoint *touchpoint,
          gpointer       data)
{
  crm_touchpoint_set_occurred_at (touchpoint, *(gint64 *) data);
}

static void
set_customer (CrmTouchpoint *touchpoint,
              gpointer       data)
{
  crm_touchpoint_set_customer_id (touchpoint, *(gint64 *) data);
}

/* Runs the reloads the store's signals asked for. */
static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* What a view of the journey heard: every items-changed as
 * "position:removed:added", a copy of the items kept by applying them, and
 * the property notifications. */
typedef struct
{
  GString   *changes;
  GPtrArray *mirror;
  guint      n_items_notified;
  guint      transactions_notified;
  guint      times_notified;
} Listener;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Listener   *listener)
{
  g_string_append_printf (listener->changes, "%s%u:%u:%u",
                          listener->changes->len ? " " : "", position, removed, added);
  g_assert_cmpuint (position + removed, <=, listener->mirror->len);
  g_ptr_array_remove_range (listener->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (listener->mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Listener   *listener)
{
  if (g_str_equal (pspec->name, "n-items"))
    listener->n_items_notified++;
  else if (g_str_equal (pspec->name, "transactions"))
    listener->transactions_notified++;
  else if (g_str_equal (pspec->name, "first-time") || g_str_equal (pspec->name, "last-time"))
    listener->times_notified++;
}

static void
listen (Listener   *listener,
        CrmJourney *journey)
{
  listener->changes = g_string_new (NULL);
  listener->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (journey)); i++)
    g_ptr_array_add (listener->mirror, g_list_model_get_item (G_LIST_MODEL (journey), i));
  g_signal_connect (journey, "items-changed", G_CALLBACK (on_items_changed), listener);
  g_signal_connect (journey, "notify", G_CALLBACK (on_notify), listener);
}

/* The items-changed heard since the last call, and that they were right:
 * the listener's copy is the journey, and the journey is what the store
 * has for the customer, in the order SQL of the test's own gives. */
static char *
heard (Listener   *listener,
       CrmJourney *journey,
       const char *path)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(group_concat(id), '') FROM "
                                          "(SELECT id FROM touchpoints WHERE customer_id = %" G_GINT64_FORMAT
                                          " ORDER BY occurred_at, id)",
                                          crm_journey_get_customer_id (journey));
  g_autofree char *expected = crm_test_query_text (path, sql);
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (journey));

  g_assert_cmpuint (listener->mirror->len, ==, n);
  g_assert_cmpuint (crm_journey_get_n_items (journey), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmTouchpoint) item = g_list_model_get_item (G_LIST_MODEL (journey), i);

      g_assert_true (item == g_ptr_array_index (listener->mirror, i));
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", crm_touchpoint_get_id (item));
    }
  g_assert_cmpstr (ids->str, ==, expected);
  return g_string_free (g_steal_pointer (&listener->changes), FALSE);
}

static void
listener_clear (Listener *listener)
{
  if (listener->changes != NULL)
    g_string_free (listener->changes, TRUE);
  g_ptr_array_unref (listener->mirror);
}

static void
assert_heard (Listener   *listener,
              CrmJourney *journey,
              const char *path,
              const char *expected)
{
  g_autofree char *changes = heard (listener, journey, path);

  g_assert_cmpstr (changes, ==, expected);
  listener->changes = g_string_new (NULL);
}

static gint64
id_at (CrmJourney *journey,
       guint       position)
{
  g_autoptr(CrmTouchpoint) item = g_list_model_get_item (G_LIST_MODEL (journey), position);

  g_assert_nonnull (item);
  return crm_touchpoint_get_id (item);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 anna = add_customer (fixture, "Anna");
  gint64 late = add_touchpoint (fixture, anna, 3000, WEB, AD_VIEW);
  gint64 first = add_touchpoint (fixture, anna, 1000, WEB, AD_VIEW);
  gint64 tie_a = add_touchpoint (fixture, anna, 2000, EMAIL, SIGN_UP);
  gint64 tie_b = add_touchpoint (fixture, anna, 2000, PHONE, DEMO_CALL);
  gint64 tie_first = add_touchpoint (fixture, anna, 1000, STORE, PURCHASE);
  g_autoptr(CrmJourney) journey = crm_journey_new (fixture->base.store, anna);
  g_autoptr(CrmJourney) nobody = crm_journey_new (fixture->base.store, anna + 1000);
  gint64 customer_id = 0, first_time = 0, last_time = 0;
  guint n_items = 0;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (journey)) == CRM_TYPE_TOUCHPOINT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journey)), ==, 5);
  /* Equal times go by id: the row written first comes first. */
  g_assert_cmpint (id_at (journey, 0), ==, first);
  g_assert_cmpint (id_at (journey, 1), ==, tie_first);
  g_assert_cmpint (id_at (journey, 2), ==, tie_a);
  g_assert_cmpint (id_at (journey, 3), ==, tie_b);
  g_assert_cmpint (id_at (journey, 4), ==, late);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (journey), 5));

  g_object_get (journey, "customer-id", &customer_id, "n-items", &n_items,
                "first-time", &first_time, "last-time", &last_time, NULL);
  g_assert_cmpint (customer_id, ==, anna);
  g_assert_cmpuint (n_items, ==, 5);
  g_assert_cmpint (first_time, ==, 1000);
  g_assert_cmpint (last_time, ==, 3000);
  g_assert_null (crm_journey_get_error (journey));

  /* A customer who does not exist has an empty journey. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (nobody)), ==, 0);
  g_assert_cmpuint (crm_journey_get_transactions (nobody)->len, ==, 0);
  g_assert_cmpuint (crm_journey_get_channels (nobody)->len, ==, 0);
  g_assert_cmpuint (crm_journey_get_stage_counts (nobody)->len, ==, 0);
  g_assert_cmpint (crm_journey_get_first_time (nobody), ==, 0);
  g_assert_cmpint (crm_journey_get_last_time (nobody), ==, 0);

  crm_test_finalize (g_steal_pointer (&journey));
  crm_test_finalize (g_steal_pointer (&nobody));
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *path = fixture->base.path;
  gint64 anna = add_customer (fixture, "Anna");
  gint64 a = add_touchpoint (fixture, anna, 1000, WEB, AD_VIEW);
  gint64 b = add_touchpoint (fixture, anna, 2000, EMAIL, SIGN_UP);
  gint64 c = add_touchpoint (fixture, anna, 3000, PHONE, DEMO_CALL);
  gint64 d = add_touchpoint (fixture, anna, 4000, STORE, PURCHASE);
  g_autoptr(CrmJourney) journey = crm_journey_new (fixture->base.store, anna);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmTouchpoint) kept = g_list_model_get_item (G_LIST_MODEL (journey), 0);
  Listener listener = { 0 };
  gint64 time, added;

  listen (&listener, journey);

  /* Nothing is reread until the main loop runs, and nothing was heard. */
  added = add_touchpoint (fixture, anna, 2500, EMAIL, DEMO_CALL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journey)), ==, 4);
  flush ();
  assert_heard (&listener, journey, path, "2:0:1");
  g_assert_cmpuint (listener.n_items_notified, ==, 1);
  g_assert_cmpuint (listener.times_notified, ==, 0);
  /* The touchpoints that did not change are the objects views hold. */
  g_assert_true (g_ptr_array_index (listener.mirror, 0) == kept);

  /* An edit in place is that one item. */
  edit_touchpoint (fixture, c, set_note, "Asked for a quote");
  flush ();
  assert_heard (&listener, journey, path, "3:1:1");
  g_assert_cmpuint (listener.n_items_notified, ==, 1);

  /* Moved later in time: from its old place to its new one. */
  time = 3500;
  edit_touchpoint (fixture, b, set_time, &time);
  flush ();
  assert_heard (&listener, journey, path, "1:3:3");
  g_assert_cmpint (id_at (journey, 3), ==, b);

  /* Moved to the front: the span grows at the start. */
  time = 500;
  edit_touchpoint (fixture, d, set_time, &time);
  flush ();
  assert_heard (&listener, journey, path, "0:5:5");
  g_assert_cmpint (id_at (journey, 0), ==, d);
  g_assert_cmpint (crm_journey_get_first_time (journey), ==, 500);
  g_assert_cmpint (crm_journey_get_last_time (journey), ==, 3500);
  g_assert_cmpuint (listener.times_notified, ==, 2);

  /* Deleted. */
  g_assert_true (crm_store_delete_touchpoint (fixture->base.store, added, &error));
  g_assert_no_error (error);
  flush ();
  assert_heard (&listener, journey, path, "2:1:0");
  g_assert_cmpuint (listener.n_items_notified, ==, 2);

  /* Many writes in one transaction (an import) are one reload. */
  g_assert_true (crm_store_begin (fixture->base.store, &error));
  for (int i = 0; i < 20; i++)
    add_touchpoint (fixture, anna, 10000 + i, WEB, SUPPORT_CALL);
  g_assert_true (crm_store_commit (fixture->base.store, &error));
  flush ();
  assert_heard (&listener, journey, path, "4:0:20");

  /* Given to another customer, it leaves this journey. */
  {
    gint64 bert = add_customer (fixture, "Bert");

    flush ();
    edit_touchpoint (fixture, a, set_customer, &bert);
    flush ();
    assert_heard (&listener, journey, path, "1:1:0");
  }

  /* A reload on request with nothing changed says nothing. */
  crm_journey_reload (journey);
  assert_heard (&listener, journey, path, "");

  g_assert_true (g_ptr_array_index (listener.mirror, 0) != kept);
  listener_clear (&listener);
  crm_test_finalize (g_steal_pointer (&journey));
}

static void
test_others_ignored (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *path = fixture->base.path;
  gint64 anna = add_customer (fixture, "Anna");
  gint64 bert = add_customer (fixture, "Bert");
  gint64 bert_visit = add_touchpoint (fixture, bert, 1500, WEB, AD_VIEW);
  g_autoptr(CrmJourney) journey = NULL;
  g_autoptr(GError) error = NULL;
  Listener listener = { 0 };

  add_touchpoint (fixture, anna, 1000, WEB, AD_VIEW);
  add_touchpoint (fixture, anna, 2000, EMAIL, SIGN_UP);
  journey = crm_journey_new (fixture->base.store, anna);
  listen (&listener, journey);

  add_touchpoint (fixture, bert, 1200, STORE, PURCHASE);
  add_transaction (fixture, bert, 1200, 9900);
  g_assert_true (crm_store_delete_touchpoint (fixture->base.store, bert_visit, &error));
  g_assert_true (crm_store_delete_customer (fixture->base.store, bert, NULL, &error));
  g_assert_no_error (error);
  flush ();
  assert_heard (&listener, journey, path, "");
  g_assert_cmpuint (listener.n_items_notified + listener.transactions_notified + listener.times_notified, ==, 0);

  listener_clear (&listener);
  crm_test_finalize (g_steal_pointer (&journey));
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *path = fixture->base.path;
  gint64 anna = add_customer (fixture, "Anna");
  gint64 bert = add_customer (fixture, "Bert");
  gint64 second_order, first_order, latest_order, refund;
  g_autoptr(CrmJourney) journey = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) property = NULL;
  g_autoptr(GError) error = NULL;
  Listener listener = { 0 };
  GPtrArray *transactions;

  /* Touchpoints and orders interleaved; the first order comes before
   * any touchpoint, the last after all of them. */
  second_order = add_transaction (fixture, anna, 2500, 4900);
  add_touchpoint (fixture, anna, 1000, WEB, AD_VIEW);
  first_order = add_transaction (fixture, anna, 800, 1200);
  add_touchpoint (fixture, anna, 2000, EMAIL, SIGN_UP);
  add_touchpoint (fixture, anna, 3000, STORE, PURCHASE);
  add_transaction (fixture, bert, 100, 100000);
  journey = crm_journey_new (fixture->base.store, anna);
  listen (&listener, journey);

  transactions = crm_journey_get_transactions (journey);
  g_assert_cmpuint (transactions->len, ==, 2);
  g_assert_cmpint (crm_transaction_get_id (g_ptr_array_index (transactions, 0)), ==, first_order);
  g_assert_cmpint (crm_transaction_get_id (g_ptr_array_index (transactions, 1)), ==, second_order);
  g_object_get (journey, "transactions", &property, NULL);
  g_assert_true (property == transactions);
  g_assert_cmpint (crm_journey_get_first_time (journey), ==, 800);
  g_assert_cmpint (crm_journey_get_last_time (journey), ==, 3000);

  /* A new order is no touchpoint: the items stay, the array is replaced
   * and the one kept by a reader stays as it was. */
  before = g_ptr_array_ref (transactions);
  latest_order = add_transaction (fixture, anna, 5000, 2500);
  flush ();
  assert_heard (&listener, journey, path, "");
  g_assert_cmpuint (listener.transactions_notified, ==, 1);
  g_assert_cmpuint (listener.times_notified, ==, 1);
  g_assert_cmpuint (before->len, ==, 2);
  transactions = crm_journey_get_transactions (journey);
  g_assert_true (transactions != before);
  g_assert_cmpuint (transactions->len, ==, 3);
  g_assert_cmpint (crm_transaction_get_id (g_ptr_array_index (transactions, 2)), ==, latest_order);
  g_assert_cmpint (crm_journey_get_last_time (journey), ==, 5000);

  /* A refund at the same time as the order comes after it, by id. */
  refund = add_transaction (fixture, anna, 2500, -4900);
  flush ();
  transactions = crm_journey_get_transactions (journey);
  g_assert_cmpint (crm_transaction_get_id (g_ptr_array_index (transactions, 1)), ==, second_order);
  g_assert_cmpint (crm_transaction_get_id (g_ptr_array_index (transactions, 2)), ==, refund);

  /* Deleting one follows too. */
  g_assert_true (crm_store_delete_transaction (fixture->base.store, first_order, &error));
  g_assert_no_error (error);
  flush ();
  g_assert_cmpuint (listener.transactions_notified, ==, 3);
  g_assert_cmpuint (crm_journey_get_transactions (journey)->len, ==, 3);
  g_assert_cmpint (crm_journey_get_first_time (journey), ==, 1000);

  /* A touchpoint change leaves the transactions array as it is. */
  transactions = crm_journey_get_transactions (journey);
  add_touchpoint (fixture, anna, 4000, PHONE, SUPPORT_CALL);
  flush ();
  assert_heard (&listener, journey, path, "3:0:1");
  g_assert_true (crm_journey_get_transactions (journey) == transactions);
  g_assert_cmpuint (listener.transactions_notified, ==, 3);

  listener_clear (&listener);
  crm_test_finalize (g_steal_pointer (&journey));
}

static void
test_channels_and_stages (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 anna = add_customer (fixture, "Anna");
  g_autoptr(CrmJourney) journey = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *channels;
  GArray *stages;
  CrmTouchpointType *type;
  gint64 purchase;

  /* Not the channels' own order: the store first, web last; and back to
   * consideration after the purchase. */
  add_touchpoint (fixture, anna, 1000, STORE, AD_VIEW);
  add_touchpoint (fixture, anna, 2000, PHONE, SIGN_UP);
  add_touchpoint (fixture, anna, 3000, STORE, DEMO_CALL);
  purchase = add_touchpoint (fixture, anna, 4000, PHONE, PURCHASE);
  add_touchpoint (fixture, anna, 5000, WEB, DEMO_CALL);
  journey = crm_journey_new (fixture->base.store, anna);

  channels = crm_journey_get_channels (journey);
  g_assert_cmpuint (channels->len, ==, 3);
  g_assert_cmpstr (crm_channel_get_name (g_ptr_array_index (channels, 0)), ==, "Store");
  g_assert_cmpstr (crm_channel_get_name (g_ptr_array_index (channels, 1)), ==, "Phone");
  g_assert_cmpstr (crm_channel_get_name (g_ptr_array_index (channels, 2)), ==, "Web");
  g_assert_cmpint (crm_channel_get_id (g_ptr_array_index (channels, 2)), ==, fixture->channels[WEB]);
  g_assert_true (crm_journey_get_channels (journey) == channels);

  stages = crm_journey_get_stage_counts (journey);
  g_assert_cmpuint (stages->len, ==, 3);
  g_assert_cmpstr (g_array_index (stages, CrmJourneyStage, 0).stage, ==, "Awareness");
  g_assert_cmpuint (g_array_index (stages, CrmJourneyStage, 0).n_touchpoints, ==, 1);
  g_assert_cmpstr (g_array_index (stages, CrmJourneyStage, 1).stage, ==, "Consideration");
  g_assert_cmpuint (g_array_index (stages, CrmJourneyStage, 1).n_touchpoints, ==, 3);
  g_assert_cmpstr (g_array_index (stages, CrmJourneyStage, 2).stage, ==, "Purchase");
  g_assert_cmpuint (g_array_index (stages, CrmJourneyStage, 2).n_touchpoints, ==, 1);

  /* What a row of the list shows beside a touchpoint's ids. */
  g_assert_cmpstr (crm_channel_get_key (crm_journey_lookup_channel (journey, fixture->channels[EMAIL])), ==, "email");
  type = crm_journey_lookup_type (journey, fixture->types[PURCHASE]);
  g_assert_cmpstr (crm_touchpoint_type_get_name (type), ==, "Purchase");
  g_assert_true (crm_touchpoint_type_get_moment_of_truth (type));
  g_assert_null (crm_journey_lookup_channel (journey, 4242));
  g_assert_null (crm_journey_lookup_type (journey, 4242));

  /* E-mail before everything: it becomes the first channel, awareness
   * gets a second touchpoint. */
  add_touchpoint (fixture, anna, 500, EMAIL, AD_VIEW);
  flush ();
  channels = crm_journey_get_channels (journey);
  g_assert_cmpuint (channels->len, ==, 4);
  g_assert_cmpstr (crm_channel_get_name (g_ptr_array_index (channels, 0)), ==, "E-mail");
  g_assert_cmpstr (crm_channel_get_name (g_ptr_array_index (channels, 1)), ==, "Store");
  stages = crm_journey_get_stage_counts (journey);
  g_assert_cmpuint (g_array_index (stages, CrmJourneyStage, 0).n_touchpoints, ==, 2);

  /* A renamed channel or stage is not the customer's change: it shows
   * after a reload on request. */
  {
    g_autoptr(CrmChannel) store = crm_channel_new ();
    g_autoptr(GPtrArray) types = crm_store_list_touchpoint_types (fixture->base.store, &error);

    crm_channel_set_id (store, fixture->channels[STORE]);
    crm_channel_set_key (store, "store");
    crm_channel_set_name (store, "Shop");
    g_assert_true (crm_store_save_channel (fixture->base.store, store, &error));
    for (guint i = 0; i < types->len; i++)
      if (crm_touchpoint_type_get_id (g_ptr_array_index (types, i)) == fixture->types[PURCHASE])
        {
          crm_touchpoint_type_set_stage (g_ptr_array_index (types, i), "Consideration");
          g_assert_true (crm_store_save_touchpoint_type (fixture->base.store, g_ptr_array_index (types, i), &error));
        }
    g_assert_no_error (error);
  }
  crm_journey_reload (journey);
  channels = crm_journey_get_channels (journey);
  g_assert_cmpstr (crm_channel_get_name (g_ptr_array_index (channels, 1)), ==, "Shop");
  stages = crm_journey_get_stage_counts (journey);
  g_assert_cmpuint (stages->len, ==, 2);
  g_assert_cmpuint (g_array_index (stages, CrmJourneyStage, 1).n_touchpoints, ==, 4);

  /* The purchase gone, phone is still used; the stages follow. */
  g_assert_true (crm_store_delete_touchpoint (fixture->base.store, purchase, &error));
  g_assert_no_error (error);
  flush ();
  g_assert_cmpuint (crm_journey_get_channels (journey)->len, ==, 4);
  stages = crm_journey_get_stage_counts (journey);
  g_assert_cmpuint (g_array_index (stages, CrmJourneyStage, 1).n_touchpoints, ==, 3);

  crm_test_finalize (g_steal_pointer (&journey));
}

static void
test_customer_deleted (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *path = fixture->base.path;
  gint64 anna = add_customer (fixture, "Anna");
  g_autoptr(CrmJourney) journey = NULL;
  g_autoptr(GError) error = NULL;
  Listener listener = { 0 };
  gint64 journal_id = 0;

  add_touchpoint (fixture, anna, 1000, WEB, AD_VIEW);
  add_touchpoint (fixture, anna, 2000, EMAIL, SIGN_UP);
  add_touchpoint (fixture, anna, 3000, STORE, PURCHASE);
  add_transaction (fixture, anna, 3000, 4900);
  journey = crm_journey_new (fixture->base.store, anna);
  listen (&listener, journey);

  g_assert_true (crm_store_delete_customer (fixture->base.store, anna, &journal_id, &error));
  g_assert_no_error (error);
  flush ();
  assert_heard (&listener, journey, path, "0:3:0");
  g_assert_cmpuint (listener.n_items_notified, ==, 1);
  g_assert_cmpuint (listener.transactions_notified, ==, 1);
  g_assert_cmpuint (crm_journey_get_transactions (journey)->len, ==, 0);
  g_assert_cmpuint (crm_journey_get_channels (journey)->len, ==, 0);
  g_assert_cmpuint (crm_journey_get_stage_counts (journey)->len, ==, 0);
  g_assert_cmpint (crm_journey_get_first_time (journey), ==, 0);
  g_assert_cmpint (crm_journey_get_last_time (journey), ==, 0);
  g_assert_null (crm_journey_get_error (journey));

  /* Undone, the customer has their id and journey back. */
  g_assert_true (crm_store_undo (fixture->base.store, journal_id, &error));
  g_assert_no_error (error);
  flush ();
  assert_heard (&listener, journey, path, "0:0:3");
  g_assert_cmpuint (crm_journey_get_transactions (journey)->len, ==, 1);
  g_assert_cmpint (crm_journey_get_first_time (journey), ==, 1000);

  /* A journey released while a reload is pending lets go of the store. */
  add_touchpoint (fixture, anna, 4000, PHONE, SUPPORT_CALL);
  listener_clear (&listener);
  g_signal_handlers_disconnect_by_data (journey, &listener);
  crm_test_finalize (g_steal_pointer (&journey));
  flush ();
}

/* How long a customer with 5,000 touchpoints takes to read, among other
 * customers' touchpoints as in a real database, where a customer's rows
 * are spread over the file; and to read again after one edit. */
static void
test_load_time (Fixture       *fixture,
                gconstpointer  data)
{
  const guint n = 5000, others = 3;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmJourney) journey = NULL;
  gint64 customers[4], start, load_us = G_MAXINT64, reload_us = G_MAXINT64, time;
  Listener listener = { 0 };

  for (guint c = 0; c <= others; c++)
    customers[c] = add_customer (fixture, c == 0 ? "Many" : "Other");
  g_assert_true (crm_store_begin (fixture->base.store, &error));
  for (guint i = 0; i < n; i++)
    for (guint c = 0; c <= others; c++)
      {
        g_autoptr(CrmTouchpoint) touchpoint = crm_touchpoint_new ();

        crm_touchpoint_set_customer_id (touchpoint, customers[c]);
        /* Out of order, with ties. */
        crm_touchpoint_set_occurred_at (touchpoint, 1700000000 + (gint64) ((i * 7919) % n) / 2 * 60);
        crm_touchpoint_set_channel_id (touchpoint, fixture->channels[i % N_CHANNELS]);
        crm_touchpoint_set_type_id (touchpoint, fixture->types[i % N_TYPES]);
        crm_touchpoint_set_satisfaction (touchpoint, i % 6);
        crm_touchpoint_set_note (touchpoint, "Called back about the delivery date");
        g_assert_true (crm_store_save_touchpoint (fixture->base.store, touchpoint, &error));
      }
  for (guint i = 0; i < 200; i++)
    add_transaction (fixture, customers[0], 1700000000 + i * 3600, 1000 + i);
  g_assert_true (crm_store_commit (fixture->base.store, &error));
  g_assert_no_error (error);

  /* The best of three, as the figure for a warm page cache: the customer's
   * page has just been opened. */
  for (int round = 0; round < 3; round++)
    {
      g_clear_object (&journey);
      start = g_get_monotonic_time ();
      journey = crm_journey_new (fixture->base.store, customers[0]);
      load_us = MIN (load_us, g_get_monotonic_time () - start);
    }
  for (int round = 0; round < 3; round++)
    {
      time = 1700000000 + round;
      edit_touchpoint (fixture, id_at (journey, n / 2), set_time, &time);
      start = g_get_monotonic_time ();
      flush ();
      reload_us = MIN (reload_us, g_get_monotonic_time () - start);
    }
  listen (&listener, journey);
  g_test_message ("figure: journey_load %.1f ms (5000 touchpoints, 200 transactions)", load_us / 1000.0);
  g_test_message ("figure: journey_reload %.1f ms (5000 touchpoints, one moved)", reload_us / 1000.0);

  g_free (heard (&listener, journey, fixture->base.path));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journey)), ==, n);
  g_assert_cmpuint (crm_journey_get_transactions (journey)->len, ==, 200);
  g_assert_cmpuint (crm_journey_get_channels (journey)->len, ==, N_CHANNELS);
  g_assert_cmpuint (crm_journey_get_stage_counts (journey)->len, ==, 4);

  listener_clear (&listener);
  crm_test_finalize (g_steal_pointer (&journey));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/journey/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/journey/follows-changes", Fixture, NULL, fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add ("/journey/others-ignored", Fixture, NULL, fixture_set_up, test_others_ignored, fixture_tear_down);
  g_test_add ("/journey/transactions", Fixture, NULL, fixture_set_up, test_transactions, fixture_tear_down);
  g_test_add ("/journey/channels-and-stages", Fixture, NULL, fixture_set_up, test_channels_and_stages,
              fixture_tear_down);
  g_test_add ("/journey/customer-deleted", Fixture, NULL, fixture_set_up, test_customer_deleted, fixture_tear_down);
  g_test_add ("/journey/load-time", Fixture, NULL, fixture_set_up, test_load_time, fixture_tear_down);

  return g_test_run ();
}
