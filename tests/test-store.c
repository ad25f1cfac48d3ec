/* test-store.c: every domain object goes into the store and comes back the
 * same; updates, deletes, cascades and nested transactions behave. */
#include <glib/gstdio.h>

#include "crm-store.h"
#include "crm-test-utils.h"

typedef struct
{
  char     *dir;
  char     *path;
  CrmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = crm_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "sub", "folder", "test.db", NULL);
  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crm_test_finalize (fixture->store);
  crm_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static CrmCustomer *
make_full_customer (void)
{
  CrmCustomer *customer = crm_customer_new ();
  g_autoptr(CrmContactPoint) email = crm_contact_point_new (CRM_CONTACT_KIND_EMAIL, "anna@example.org", "work", TRUE);
  g_autoptr(CrmContactPoint) phone = crm_contact_point_new (CRM_CONTACT_KIND_PHONE, "+7 495 1234567", "mobile", FALSE);
  g_autoptr(CrmContactPoint) url = crm_contact_point_new (CRM_CONTACT_KIND_URL, "https://example.org", "", FALSE);
  g_autoptr(CrmAddress) address = crm_address_new ();
  g_autoptr(CrmExternalId) erp = crm_external_id_new ();
  const char *tags[] = { "vip", "партнёр", "伙伴", NULL };
  const char *lines[] = { "X-SKYPE:anna.k", "item1.X-ABLabel:Assistant", NULL };

  crm_customer_set_kind (customer, CRM_CUSTOMER_KIND_PERSON);
  crm_customer_set_given_name (customer, "Анна");
  crm_customer_set_family_name (customer, "Кузнецова");
  crm_customer_set_display_name (customer, "Анна Кузнецова");
  crm_customer_set_organization (customer, "ООО «Берёзка»");
  crm_customer_set_title (customer, "Директор");
  crm_customer_set_owner (customer, "王静");
  crm_customer_set_region (customer, "CIS");
  crm_customer_set_segment (customer, "Small business");
  crm_customer_set_lifecycle_stage (customer, CRM_LIFECYCLE_STAGE_ADVOCATE);
  crm_customer_set_tags (customer, tags);
  crm_customer_set_notes (customer, "Prefers e-mail.\nCall after 10.");
  crm_customer_set_vcard_properties (customer, lines);
  crm_customer_add_contact_point (customer, email);
  crm_customer_add_contact_point (customer, phone);
  crm_customer_add_contact_point (customer, url);
  crm_address_set_label (address, "work");
  crm_address_set_preferred (address, TRUE);
  crm_address_set_street (address, "проспект Мира, д. 12");
  crm_address_set_locality (address, "Москва");
  crm_address_set_postal_code (address, "129090");
  crm_address_set_country (address, "RU");
  crm_customer_add_address (customer, address);
  crm_external_id_set_system (erp, "erp");
  crm_external_id_set_value (erp, "C-0042");
  crm_customer_add_external_id (customer, erp);
  return customer;
}

static void
assert_same_customer (CrmCustomer *a,
                      CrmCustomer *b)
{
  GPtrArray *pa, *pb;
  static const char * const props[] = {
    "uid", "given-name", "family-name", "display-name", "organization", "title",
    "owner", "region", "segment", "notes",
  };

  g_assert_cmpint (crm_customer_get_id (a), ==, crm_customer_get_id (b));
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      g_autofree char *va = NULL, *vb = NULL;

      g_object_get (a, props[i], &va, NULL);
      g_object_get (b, props[i], &vb, NULL);
      g_assert_cmpstr (va, ==, vb);
    }
  g_assert_cmpint (crm_customer_get_kind (a), ==, crm_customer_get_kind (b));
  g_assert_cmpint (crm_customer_get_lifecycle_stage (a), ==, crm_customer_get_lifecycle_stage (b));
  g_assert_true (g_strv_equal (crm_customer_get_tags (a), crm_customer_get_tags (b)));
  g_assert_true (g_strv_equal (crm_customer_get_vcard_properties (a), crm_customer_get_vcard_properties (b)));
  g_assert_cmpint (crm_customer_get_created_at (a), ==, crm_customer_get_created_at (b));
  g_assert_cmpint (crm_customer_get_updated_at (a), ==, crm_customer_get_updated_at (b));

  pa = crm_customer_get_contact_points (a);
  pb = crm_customer_get_contact_points (b);
  g_assert_cmpuint (pa->len, ==, pb->len);
  for (guint i = 0; i < pa->len; i++)
    {
      CrmContactPoint *x = g_ptr_array_index (pa, i), *y = g_ptr_array_index (pb, i);

      g_assert_cmpint (crm_contact_point_get_kind (x), ==, crm_contact_point_get_kind (y));
      g_assert_cmpstr (crm_contact_point_get_value (x), ==, crm_contact_point_get_value (y));
      g_assert_cmpstr (crm_contact_point_get_label (x), ==, crm_contact_point_get_label (y));
      g_assert_cmpint (crm_contact_point_get_preferred (x), ==, crm_contact_point_get_preferred (y));
    }

  pa = crm_customer_get_addresses (a);
  pb = crm_customer_get_addresses (b);
  g_assert_cmpuint (pa->len, ==, pb->len);
  for (guint i = 0; i < pa->len; i++)
    {
      g_autofree char *x = crm_address_format (g_ptr_array_index (pa, i));
      g_autofree char *y = crm_address_format (g_ptr_array_index (pb, i));

      g_assert_cmpstr (x, ==, y);
      g_assert_cmpstr (crm_address_get_label (g_ptr_array_index (pa, i)), ==,
                       crm_address_get_label (g_ptr_array_index (pb, i)));
    }

  pa = crm_customer_get_external_ids (a);
  pb = crm_customer_get_external_ids (b);
  g_assert_cmpuint (pa->len, ==, pb->len);
  for (guint i = 0; i < pa->len; i++)
    {
      g_assert_cmpstr (crm_external_id_get_system (g_ptr_array_index (pa, i)), ==,
                       crm_external_id_get_system (g_ptr_array_index (pb, i)));
      g_assert_cmpstr (crm_external_id_get_value (g_ptr_array_index (pa, i)), ==,
                       crm_external_id_get_value (g_ptr_array_index (pb, i)));
    }
}

static void
test_customer_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = make_full_customer ();
  g_autoptr(CrmCustomer) loaded = NULL;
  g_autoptr(CrmCustomer) by_uid = NULL;

  g_assert_true (crm_store_save_customer (fixture->store, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_customer_get_id (customer), >, 0);
  g_assert_true (g_str_has_prefix (crm_customer_get_uid (customer), "urn:uuid:"));
  g_assert_cmpint (crm_customer_get_created_at (customer), >, 0);

  loaded = crm_store_load_customer (fixture->store, crm_customer_get_id (customer), &error);
  g_assert_no_error (error);
  assert_same_customer (customer, loaded);
  g_assert_cmpstr (crm_customer_get_preferred_contact (loaded, CRM_CONTACT_KIND_EMAIL), ==, "anna@example.org");

  by_uid = crm_store_find_customer_by_uid (fixture->store, crm_customer_get_uid (customer), &error);
  g_assert_no_error (error);
  assert_same_customer (customer, by_uid);
  g_assert_cmpint (crm_store_count (fixture->store, CRM_RECORD_CUSTOMERS, NULL), ==, 1);
}

static void
test_customer_update_replaces_lists (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = make_full_customer ();
  g_autoptr(CrmCustomer) loaded = NULL;
  g_autoptr(CrmContactPoint) phone = crm_contact_point_new (CRM_CONTACT_KIND_PHONE, "+86 10 5555555", "work", TRUE);
  const char *tags[] = { "renewed", NULL };
  gint64 created;

  g_assert_true (crm_store_save_customer (fixture->store, customer, &error));
  created = crm_customer_get_created_at (customer);

  crm_customer_set_display_name (customer, "Anna Kuznetsova");
  crm_customer_clear_contact_points (customer);
  crm_customer_add_contact_point (customer, phone);
  crm_customer_clear_addresses (customer);
  crm_customer_clear_external_ids (customer);
  crm_customer_set_tags (customer, tags);
  g_assert_true (crm_store_save_customer (fixture->store, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_customer_get_created_at (customer), ==, created);

  loaded = crm_store_load_customer (fixture->store, crm_customer_get_id (customer), &error);
  g_assert_no_error (error);
  assert_same_customer (customer, loaded);
  g_assert_cmpuint (crm_customer_get_contact_points (loaded)->len, ==, 1);
  g_assert_cmpuint (crm_customer_get_addresses (loaded)->len, ==, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM contact_points"), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM external_ids"), ==, 0);
  g_assert_cmpint (crm_customer_get_missing_data (loaded, CRM_DATA_FIELD_EMAIL | CRM_DATA_FIELD_PHONE |
                                                          CRM_DATA_FIELD_ADDRESS),
                   ==, CRM_DATA_FIELD_EMAIL | CRM_DATA_FIELD_ADDRESS);
}

static void
test_customer_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) first = make_full_customer ();
  g_autoptr(CrmCustomer) twin = make_full_customer ();
  g_autoptr(CrmCustomer) missing = NULL;

  g_assert_true (crm_store_save_customer (fixture->store, first, &error));

  /* Two customers cannot share a unified customer ID. */
  crm_customer_set_uid (twin, crm_customer_get_uid (first));
  g_assert_false (crm_store_save_customer (fixture->store, twin, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_cmpint (crm_customer_get_id (twin), ==, 0);
  g_clear_error (&error);
  /* The failed save left nothing behind, not even contact points. */
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM contact_points"), ==, 3);

  missing = crm_store_load_customer (fixture->store, 999, &error);
  g_assert_null (missing);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (crm_store_delete_customer (fixture->store, 999, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
}

static void
add_menu (CrmStore           *store,
          CrmChannel        **channel_out,
          CrmTouchpointType **type_out)
{
  g_autoptr(GError) error = NULL;
  CrmChannel *channel = crm_channel_new ();
  CrmTouchpointType *type = crm_touchpoint_type_new ();

  crm_channel_set_key (channel, "store");
  crm_channel_set_name (channel, "Store");
  crm_channel_set_position (channel, 3);
  g_assert_true (crm_store_save_channel (store, channel, &error));
  g_assert_no_error (error);

  crm_touchpoint_type_set_name (type, "Product demo");
  crm_touchpoint_type_set_stage (type, "consideration");
  crm_touchpoint_type_set_moment_of_truth (type, TRUE);
  crm_touchpoint_type_set_required_data (type, CRM_DATA_FIELD_NAME | CRM_DATA_FIELD_EMAIL);
  g_assert_true (crm_store_save_touchpoint_type (store, type, &error));
  g_assert_no_error (error);

  *channel_out = channel;
  *type_out = type;
}

static void
test_channels_and_types (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmChannel) channel = NULL;
  g_autoptr(CrmTouchpointType) type = NULL;
  g_autoptr(CrmChannel) duplicate = crm_channel_new ();
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) types = NULL;
  CrmTouchpointType *loaded_type;

  add_menu (fixture->store, &channel, &type);

  crm_channel_set_name (channel, "Flagship store");
  g_assert_true (crm_store_save_channel (fixture->store, channel, &error));
  channels = crm_store_list_channels (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (channels->len, ==, 1);
  g_assert_cmpstr (crm_channel_get_key (g_ptr_array_index (channels, 0)), ==, "store");
  g_assert_cmpstr (crm_channel_get_name (g_ptr_array_index (channels, 0)), ==, "Flagship store");
  g_assert_cmpint (crm_channel_get_position (g_ptr_array_index (channels, 0)), ==, 3);

  crm_channel_set_key (duplicate, "store");
  crm_channel_set_name (duplicate, "Another");
  g_assert_false (crm_store_save_channel (fixture->store, duplicate, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  types = crm_store_list_touchpoint_types (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (types->len, ==, 1);
  loaded_type = g_ptr_array_index (types, 0);
  g_assert_cmpint (crm_touchpoint_type_get_id (loaded_type), ==, crm_touchpoint_type_get_id (type));
  g_assert_cmpstr (crm_touchpoint_type_get_name (loaded_type), ==, "Product demo");
  g_assert_cmpstr (crm_touchpoint_type_get_stage (loaded_type), ==, "consideration");
  g_assert_true (crm_touchpoint_type_get_moment_of_truth (loaded_type));
  g_assert_cmpint (crm_touchpoint_type_get_required_data (loaded_type), ==,
                   CRM_DATA_FIELD_NAME | CRM_DATA_FIELD_EMAIL);

  g_assert_true (crm_store_delete_touchpoint_type (fixture->store, crm_touchpoint_type_get_id (type), &error));
  g_assert_true (crm_store_delete_channel (fixture->store, crm_channel_get_id (channel), &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count (fixture->store, CRM_RECORD_CHANNELS, NULL), ==, 0);
  g_assert_cmpint (crm_store_count (fixture->store, CRM_RECORD_TOUCHPOINT_TYPES, NULL), ==, 0);
}

static void
test_touchpoints_and_transactions (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmChannel) channel = NULL;
  g_autoptr(CrmTouchpointType) type = NULL;
  g_autoptr(CrmCustomer) customer = make_full_customer ();
  g_autoptr(CrmTransaction) order = crm_transaction_new ();
  g_autoptr(CrmTouchpoint) visit = crm_touchpoint_new ();
  g_autoptr(CrmTouchpoint) earlier = crm_touchpoint_new ();
  g_autoptr(CrmTouchpoint) loaded = NULL;
  g_autoptr(CrmTransaction) loaded_order = NULL;
  g_autoptr(GPtrArray) touchpoints = NULL;
  g_autoptr(GPtrArray) transactions = NULL;
  g_autoptr(CrmChannel) orphan_channel = NULL;

  add_menu (fixture->store, &channel, &type);
  g_assert_true (crm_store_save_customer (fixture->store, customer, &error));

  crm_transaction_set_customer_id (order, crm_customer_get_id (customer));
  crm_transaction_set_occurred_at (order, 1760000000);
  crm_transaction_set_amount (order, 129900);
  crm_transaction_set_currency (order, "EUR");
  crm_transaction_set_product (order, "CRM Professional (annual)");
  crm_transaction_set_status (order, CRM_TRANSACTION_STATUS_COMPLETED);
  g_assert_true (crm_store_save_transaction (fixture->store, order, &error));
  g_assert_no_error (error);

  crm_touchpoint_set_customer_id (visit, crm_customer_get_id (customer));
  crm_touchpoint_set_type_id (visit, crm_touchpoint_type_get_id (type));
  crm_touchpoint_set_channel_id (visit, crm_channel_get_id (channel));
  crm_touchpoint_set_occurred_at (visit, 1760000000);
  crm_touchpoint_set_direction (visit, CRM_DIRECTION_INBOUND);
  crm_touchpoint_set_outcome (visit, CRM_OUTCOME_POSITIVE);
  crm_touchpoint_set_satisfaction (visit, 5);
  crm_touchpoint_set_note (visit, "Bought after the demo — 满意");
  crm_touchpoint_set_transaction_id (visit, crm_transaction_get_id (order));
  g_assert_true (crm_store_save_touchpoint (fixture->store, visit, &error));
  g_assert_no_error (error);

  crm_touchpoint_set_customer_id (earlier, crm_customer_get_id (customer));
  crm_touchpoint_set_type_id (earlier, crm_touchpoint_type_get_id (type));
  crm_touchpoint_set_channel_id (earlier, crm_channel_get_id (channel));
  crm_touchpoint_set_occurred_at (earlier, 1750000000);
  g_assert_true (crm_store_save_touchpoint (fixture->store, earlier, &error));

  loaded = crm_store_load_touchpoint (fixture->store, crm_touchpoint_get_id (visit), &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_touchpoint_get_customer_id (loaded), ==, crm_customer_get_id (customer));
  g_assert_cmpint (crm_touchpoint_get_type_id (loaded), ==, crm_touchpoint_type_get_id (type));
  g_assert_cmpint (crm_touchpoint_get_channel_id (loaded), ==, crm_channel_get_id (channel));
  g_assert_cmpint (crm_touchpoint_get_occurred_at (loaded), ==, 1760000000);
  g_assert_cmpint (crm_touchpoint_get_outcome (loaded), ==, CRM_OUTCOME_POSITIVE);
  g_assert_cmpint (crm_touchpoint_get_satisfaction (loaded), ==, 5);
  g_assert_cmpstr (crm_touchpoint_get_note (loaded), ==, "Bought after the demo — 满意");
  g_assert_cmpint (crm_touchpoint_get_transaction_id (loaded), ==, crm_transaction_get_id (order));

  loaded_order = crm_store_load_transaction (fixture->store, crm_transaction_get_id (order), &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_transaction_get_amount (loaded_order), ==, 129900);
  g_assert_cmpstr (crm_transaction_get_currency (loaded_order), ==, "EUR");
  g_assert_cmpstr (crm_transaction_get_product (loaded_order), ==, "CRM Professional (annual)");
  g_assert_cmpint (crm_transaction_get_status (loaded_order), ==, CRM_TRANSACTION_STATUS_COMPLETED);

  /* Oldest first, so a journey reads in order. */
  touchpoints = crm_store_list_touchpoints (fixture->store, crm_customer_get_id (customer), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (touchpoints->len, ==, 2);
  g_assert_cmpint (crm_touchpoint_get_id (g_ptr_array_index (touchpoints, 0)), ==, crm_touchpoint_get_id (earlier));
  transactions = crm_store_list_transactions (fixture->store, crm_customer_get_id (customer), &error);
  g_assert_cmpuint (transactions->len, ==, 1);

  /* A touchpoint may not point at a channel that does not exist. */
  crm_touchpoint_set_id (earlier, 0);
  crm_touchpoint_set_channel_id (earlier, 4242);
  g_assert_false (crm_store_save_touchpoint (fixture->store, earlier, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Deleting the order keeps the touchpoint but unlinks it. */
  g_assert_true (crm_store_delete_transaction (fixture->store, crm_transaction_get_id (order), &error));
  g_clear_object (&loaded);
  loaded = crm_store_load_touchpoint (fixture->store, crm_touchpoint_get_id (visit), &error);
  g_assert_cmpint (crm_touchpoint_get_transaction_id (loaded), ==, 0);

  /* Deleting the customer takes their journey along. */
  g_assert_true (crm_store_delete_customer (fixture->store, crm_customer_get_id (customer), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count (fixture->store, CRM_RECORD_TOUCHPOINTS, NULL), ==, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM contact_points"), ==, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customer_tags"), ==, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customer_vcard_properties"), ==, 0);

  g_assert_false (crm_store_delete_touchpoint (fixture->store, crm_touchpoint_get_id (visit), &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
}

/* A customer with a journey: two touchpoints, one of them the order. */
static gint64
add_customer_with_journey (CrmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmChannel) channel = NULL;
  g_autoptr(CrmTouchpointType) type = NULL;
  g_autoptr(CrmCustomer) customer = make_full_customer ();
  g_autoptr(CrmTransaction) order = crm_transaction_new ();
  g_autoptr(GPtrArray) channels = crm_store_list_channels (store, NULL);

  if (channels->len == 0)
    add_menu (store, &channel, &type);
  else
    {
      g_autoptr(GPtrArray) types = crm_store_list_touchpoint_types (store, NULL);

      channel = g_object_ref (g_ptr_array_index (channels, 0));
      type = g_object_ref (g_ptr_array_index (types, 0));
    }
  g_assert_true (crm_store_save_customer (store, customer, &error));
  crm_transaction_set_customer_id (order, crm_customer_get_id (customer));
  crm_transaction_set_occurred_at (order, 1760000000);
  crm_transaction_set_amount (order, 4200);
  crm_transaction_set_currency (order, "EUR");
  g_assert_true (crm_store_save_transaction (store, order, &error));
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(CrmTouchpoint) touchpoint = crm_touchpoint_new ();

      crm_touchpoint_set_customer_id (touchpoint, crm_customer_get_id (customer));
      crm_touchpoint_set_type_id (touchpoint, crm_touchpoint_type_get_id (type));
      crm_touchpoint_set_channel_id (touchpoint, crm_channel_get_id (channel));
      crm_touchpoint_set_occurred_at (touchpoint, 1750000000 + i * 1000);
      crm_touchpoint_set_satisfaction (touchpoint, 4);
      if (i == 1)
        crm_touchpoint_set_transaction_id (touchpoint, crm_transaction_get_id (order));
      g_assert_true (crm_store_save_touchpoint (store, touchpoint, &error));
    }
  g_assert_no_error (error);
  return crm_customer_get_id (customer);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_customer_with_journey (fixture->store);
  g_autofree char *before = crm_test_database_digest (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(CrmCustomer) back = NULL;
  g_autofree char *uid = NULL;
  gint64 journal = 0;

  g_assert_true (crm_store_delete_customer (fixture->store, id, &journal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (journal, >, 0);
  g_assert_cmpint (crm_store_count (fixture->store, CRM_RECORD_CUSTOMERS, NULL), ==, 0);
  g_assert_cmpint (crm_store_count (fixture->store, CRM_RECORD_TOUCHPOINTS, NULL), ==, 0);

  /* Undo brings back every row exactly as it was… */
  g_assert_true (crm_store_undo (fixture->store, journal, &error));
  g_assert_no_error (error);
  after = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM journal"), ==, 0);
  /* …and findable by search again. */
  g_assert_cmpint (crm_test_query_int (fixture->path,
                                       "SELECT count(*) FROM customer_search WHERE customer_search MATCH 'анна'"), ==, 1);

  /* An undo cannot run twice. */
  g_assert_false (crm_store_undo (fixture->store, journal, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleted again, and meanwhile a new customer takes the freed id: the
   * undo still brings everything back, under a new id. */
  g_assert_true (crm_store_delete_customer (fixture->store, id, &journal, &error));
  {
    g_autoptr(CrmCustomer) newcomer = crm_customer_new ();

    crm_customer_set_display_name (newcomer, "Newcomer");
    g_assert_true (crm_store_save_customer (fixture->store, newcomer, &error));
    g_assert_cmpint (crm_customer_get_id (newcomer), ==, id);
  }
  g_assert_true (crm_store_undo (fixture->store, journal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count (fixture->store, CRM_RECORD_CUSTOMERS, NULL), ==, 2);
  uid = crm_test_query_text (fixture->path, "SELECT uid FROM customers WHERE display_name = 'Анна Кузнецова'");
  back = crm_store_find_customer_by_uid (fixture->store, uid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_customer_get_id (back), !=, id);
  g_assert_cmpuint (crm_customer_get_contact_points (back)->len, ==, 3);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM touchpoints t JOIN transactions x "
                                                      "ON x.id = t.transaction_id AND x.customer_id = t.customer_id"), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_nested_transactions (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) kept = make_full_customer ();
  g_autoptr(CrmCustomer) dropped = make_full_customer ();
  g_autoptr(CrmCustomer) outer = make_full_customer ();

  /* Each customer needs ids of their own elsewhere. */
  crm_customer_clear_external_ids (dropped);
  crm_customer_clear_external_ids (outer);

  /* An inner rollback undoes only the inner writes. */
  g_assert_true (crm_store_begin (fixture->store, &error));
  g_assert_true (crm_store_save_customer (fixture->store, kept, &error));
  g_assert_true (crm_store_begin (fixture->store, &error));
  g_assert_true (crm_store_save_customer (fixture->store, dropped, &error));
  crm_store_rollback (fixture->store);
  g_assert_true (crm_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 1);

  /* An outer rollback undoes everything, committed savepoints included. */
  g_assert_true (crm_store_begin (fixture->store, &error));
  g_assert_true (crm_store_save_customer (fixture->store, outer, &error));
  crm_store_rollback (fixture->store);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 1);
}

/* A batch's inner writes take no savepoints: one that fails cannot be
 * undone alone, so the batch commits nothing, and the store is usable
 * afterwards. */
static void
test_batch_transactions (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) first = make_full_customer ();
  g_autoptr(CrmCustomer) second = make_full_customer ();
  g_autoptr(CrmCustomer) third = make_full_customer ();

  crm_customer_clear_external_ids (second);
  crm_customer_clear_external_ids (third);

  /* Inner writes that succeed are committed with the batch. */
  g_assert_true (crm_store_begin_batch (fixture->store, &error));
  g_assert_true (crm_store_save_customer (fixture->store, first, &error));
  g_assert_true (crm_store_save_customer (fixture->store, second, &error));
  g_assert_true (crm_store_commit (fixture->store, &error));
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 2);

  /* An inner level rolled back makes the whole batch fail at its commit. */
  g_assert_true (crm_store_begin_batch (fixture->store, &error));
  g_assert_true (crm_store_save_customer (fixture->store, third, &error));
  g_assert_true (crm_store_begin (fixture->store, &error));
  crm_store_rollback (fixture->store);
  g_assert_false (crm_store_commit (fixture->store, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 2);

  /* A failed save inside a batch (a uid taken) does the same. */
  crm_customer_set_id (third, 0);
  crm_customer_set_uid (third, crm_customer_get_uid (first));
  g_assert_true (crm_store_begin_batch (fixture->store, &error));
  g_assert_false (crm_store_save_customer (fixture->store, third, &error));
  g_clear_error (&error);
  g_assert_false (crm_store_commit (fixture->store, &error));
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 2);

  /* Ordinary transactions work as before afterwards. */
  crm_customer_set_uid (third, "");
  g_assert_true (crm_store_save_customer (fixture->store, third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 3);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customer_search"), ==, 3);
}

static void
test_pragmas (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_cmpint (crm_test_query_int (fixture->path, "PRAGMA application_id"), ==, CRM_STORE_APPLICATION_ID);
  g_assert_cmpint (crm_test_query_int (fixture->path, "PRAGMA user_version"), ==, crm_store_get_schema_version ());
  /* WAL is a property of the file; a second connection sees it. */
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);
  g_assert_null (crm_store_get_backup_path (fixture->store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/customer/round-trip", Fixture, NULL, fixture_set_up, test_customer_round_trip, fixture_tear_down);
  g_test_add ("/store/customer/update", Fixture, NULL, fixture_set_up, test_customer_update_replaces_lists, fixture_tear_down);
  g_test_add ("/store/customer/errors", Fixture, NULL, fixture_set_up, test_customer_errors, fixture_tear_down);
  g_test_add ("/store/channels-and-types", Fixture, NULL, fixture_set_up, test_channels_and_types, fixture_tear_down);
  g_test_add ("/store/touchpoints-and-transactions", Fixture, NULL, fixture_set_up, test_touchpoints_and_transactions, fixture_tear_down);
  g_test_add ("/store/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/store/nested-transactions", Fixture, NULL, fixture_set_up, test_nested_transactions, fixture_tear_down);
  g_test_add ("/store/batch-transactions", Fixture, NULL, fixture_set_up, test_batch_transactions, fixture_tear_down);
  g_test_add ("/store/pragmas", Fixture, NULL, fixture_set_up, test_pragmas, fixture_tear_down);

  return g_test_run ();
}
