/* test-duplicates.c: finding duplicates by e-mail, phone and similar name
 * within an organization, merging two customers under one unified ID, and
 * undoing the merge to the last byte. */
#include <string.h>

#include "crm-store.h"
#include "crm-test-utils.h"

typedef struct
{
  char     *dir;
  char     *path;
  CrmStore *store;
  gint64    a, b, c, d, e, f;
} Fixture;

static gint64
add (CrmStore   *store,
     const char *name,
     const char *organization,
     const char *email,
     const char *phone,
     const char *external_id)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GError) error = NULL;

  crm_customer_set_display_name (customer, name);
  crm_customer_set_organization (customer, organization);
  if (email)
    {
      g_autoptr(CrmContactPoint) point = crm_contact_point_new (CRM_CONTACT_KIND_EMAIL, email, "work", TRUE);
      crm_customer_add_contact_point (customer, point);
    }
  if (phone)
    {
      g_autoptr(CrmContactPoint) point = crm_contact_point_new (CRM_CONTACT_KIND_PHONE, phone, "work", TRUE);
      crm_customer_add_contact_point (customer, point);
    }
  if (external_id)
    {
      g_autoptr(CrmExternalId) id = crm_external_id_new ();

      crm_external_id_set_system (id, "erp");
      crm_external_id_set_value (id, external_id);
      crm_customer_add_external_id (customer, id);
    }
  g_assert_true (crm_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  return crm_customer_get_id (customer);
}

static void
add_touchpoint (CrmStore *store,
                gint64    customer_id,
                gint64    when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) channels = crm_store_list_channels (store, NULL);
  g_autoptr(GPtrArray) types = crm_store_list_touchpoint_types (store, NULL);
  g_autoptr(CrmTouchpoint) touchpoint = crm_touchpoint_new ();

  if (channels->len == 0)
    {
      g_autoptr(CrmChannel) channel = crm_channel_new ();
      g_autoptr(CrmTouchpointType) type = crm_touchpoint_type_new ();

      crm_channel_set_key (channel, "web");
      crm_channel_set_name (channel, "Web");
      g_assert_true (crm_store_save_channel (store, channel, &error));
      crm_touchpoint_type_set_name (type, "Visit");
      crm_touchpoint_type_set_stage (type, "awareness");
      g_assert_true (crm_store_save_touchpoint_type (store, type, &error));
      g_ptr_array_add (channels, g_object_ref (channel));
      g_ptr_array_add (types, g_object_ref (type));
    }
  crm_touchpoint_set_customer_id (touchpoint, customer_id);
  crm_touchpoint_set_channel_id (touchpoint, crm_channel_get_id (g_ptr_array_index (channels, 0)));
  crm_touchpoint_set_type_id (touchpoint, crm_touchpoint_type_get_id (g_ptr_array_index (types, 0)));
  crm_touchpoint_set_occurred_at (touchpoint, when);
  g_assert_true (crm_store_save_touchpoint (store, touchpoint, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = crm_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "dupes.db", NULL);
  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->a = add (fixture->store, "Anna Müller", "Sonnenfeld AG", "anna@sonnenfeld.example", "+49 30 1234567", "C-1");
  /* The same address written differently. */
  fixture->b = add (fixture->store, "A. Mueller", "", " ANNA@Sonnenfeld.example", NULL, "C-2");
  /* The same number written differently. */
  fixture->c = add (fixture->store, "Anna M.", "", NULL, "0049 (30) 123-4567", NULL);
  /* Nearly the same name at the same organization. */
  fixture->d = add (fixture->store, "Anna Muller", "SONNENFELD AG", NULL, NULL, NULL);
  /* The same name elsewhere is not a duplicate. */
  fixture->e = add (fixture->store, "Anna Müller", "Nordlicht GmbH", NULL, NULL, NULL);
  fixture->f = add (fixture->store, "王静", "", "12345678@qq.com", "+86 10 5555555", NULL);

  add_touchpoint (fixture->store, fixture->a, 1700000000);
  add_touchpoint (fixture->store, fixture->b, 1710000000);
  add_touchpoint (fixture->store, fixture->b, 1720000000);
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

static CrmDuplicateGroup *
group_for (GPtrArray          *groups,
           CrmDuplicateReason  reason)
{
  CrmDuplicateGroup *found = NULL;

  for (guint i = 0; i < groups->len; i++)
    if (crm_duplicate_group_get_reason (g_ptr_array_index (groups, i)) == reason)
      {
        g_assert_null (found);
        found = g_ptr_array_index (groups, i);
      }
  g_assert_nonnull (found);
  return found;
}

static void
assert_ids (CrmDuplicateGroup *group,
            gint64             first,
            gint64             second)
{
  g_assert_cmpuint (crm_duplicate_group_get_n_ids (group), ==, 2);
  g_assert_cmpint (crm_duplicate_group_get_id (group, 0), ==, MIN (first, second));
  g_assert_cmpint (crm_duplicate_group_get_id (group, 1), ==, MAX (first, second));
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = crm_store_find_duplicates (fixture->store, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 3);
  assert_ids (group_for (groups, CRM_DUPLICATE_REASON_EMAIL), fixture->a, fixture->b);
  g_assert_cmpstr (crm_duplicate_group_get_key (group_for (groups, CRM_DUPLICATE_REASON_EMAIL)), ==,
                   "anna@sonnenfeld.example");
  assert_ids (group_for (groups, CRM_DUPLICATE_REASON_PHONE), fixture->a, fixture->c);
  g_assert_cmpstr (crm_duplicate_group_get_key (group_for (groups, CRM_DUPLICATE_REASON_PHONE)), ==, "49301234567");
  assert_ids (group_for (groups, CRM_DUPLICATE_REASON_NAME), fixture->a, fixture->d);
}

static void
test_merge_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = crm_test_database_digest (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(CrmCustomer) survivor = crm_store_load_customer (fixture->store, fixture->a, &error);
  g_autoptr(CrmCustomer) other = crm_store_load_customer (fixture->store, fixture->b, &error);
  g_autoptr(CrmCustomer) found = NULL;
  g_autoptr(CrmCustomer) again = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *other_uid = g_strdup (crm_customer_get_uid (other));
  gint64 journal = 0;

  /* The user keeps the other record's spelling of the name. */
  crm_customer_set_display_name (survivor, "Anna Mueller");
  g_assert_true (crm_store_merge_customers (fixture->store, survivor, fixture->b, &journal, &error));
  g_assert_no_error (error);

  /* One customer, every touchpoint and ID of both, the same e-mail once. */
  g_assert_cmpint (crm_store_count (fixture->store, CRM_RECORD_CUSTOMERS, NULL), ==, 5);
  sql = g_strdup_printf ("SELECT n_touchpoints FROM customers WHERE id = %" G_GINT64_FORMAT, fixture->a);
  g_assert_cmpint (crm_test_query_int (fixture->path, sql), ==, 3);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM external_ids"), ==, 2);
  g_assert_cmpint (crm_test_query_int (fixture->path,
                                       "SELECT count(*) FROM contact_points WHERE normalized = 'anna@sonnenfeld.example'"), ==, 1);
  g_assert_cmpstr (crm_customer_get_display_name (survivor), ==, "Anna Mueller");

  /* The merged-away uid still finds the customer. */
  found = crm_store_find_customer_by_uid (fixture->store, other_uid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_customer_get_id (found), ==, fixture->a);

  /* No longer an e-mail duplicate. */
  groups = crm_store_find_duplicates (fixture->store, NULL, &error);
  for (guint i = 0; i < groups->len; i++)
    g_assert_cmpint (crm_duplicate_group_get_reason (g_ptr_array_index (groups, i)), !=, CRM_DUPLICATE_REASON_EMAIL);

  /* Undo: every row of both customers as it was. */
  g_assert_true (crm_store_undo (fixture->store, journal, &error));
  g_assert_no_error (error);
  after = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (after, ==, before);
  again = crm_store_find_customer_by_uid (fixture->store, other_uid, &error);
  g_assert_cmpint (crm_customer_get_id (again), ==, fixture->b);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_merge_missing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) survivor = crm_store_load_customer (fixture->store, fixture->a, &error);
  g_autofree char *before = crm_test_database_digest (fixture->path);
  g_autofree char *after = NULL;

  g_assert_false (crm_store_merge_customers (fixture->store, survivor, 4242, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  after = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/duplicates/find", Fixture, NULL, fixture_set_up, test_find, fixture_tear_down);
  g_test_add ("/duplicates/merge-and-undo", Fixture, NULL, fixture_set_up, test_merge_and_undo, fixture_tear_down);
  g_test_add ("/duplicates/merge-missing", Fixture, NULL, fixture_set_up, test_merge_missing, fixture_tear_down);

  return g_test_run ();
}
