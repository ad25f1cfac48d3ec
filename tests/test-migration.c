/* test-migration.c: opening databases of other versions and other programs:
 * an older Touchpoint database is upgraded after a backup and keeps its
 * data; a newer one, a foreign one and a file that is no database are
 * refused with a clear message and left byte for byte as they were. */
#include <glib/gstdio.h>
#include <string.h>

#include "crm-store.h"
#include "crm-test-utils.h"

static char *
load_fixture (const char *dir,
              const char *name)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-v1.sql", NULL);
  g_autofree char *sql = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (sql_path, &sql, NULL, NULL));
  crm_test_exec_sql (path, sql);
  return path;
}

static void
test_upgrade_from_v1 (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = load_fixture (dir, "old.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmCustomer) zoe = NULL;
  g_autoptr(CrmCustomer) wang = NULL;
  g_autoptr(CrmExternalId) shop_id = crm_external_id_new ();
  g_autoptr(GPtrArray) touchpoints = NULL;
  const char *backup;

  g_assert_cmpint (crm_test_query_int (path, "PRAGMA user_version"), ==, 1);

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (path, "PRAGMA user_version"), ==, crm_store_get_schema_version ());
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);

  /* The copy taken before the upgrade is a complete version-1 database. */
  backup = crm_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, path));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (crm_test_query_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (crm_test_query_int (backup, "SELECT count(*) FROM customers"), ==, 2);

  /* Everything the old version stored is still there… */
  zoe = crm_store_find_customer_by_uid (store, "urn:uuid:6f1c1c3e-2f0a-4a8e-9a55-0d7c1a1e0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_customer_get_display_name (zoe), ==, "Zoë Müller");
  g_assert_cmpstr (crm_customer_get_preferred_contact (zoe, CRM_CONTACT_KIND_EMAIL), ==, "zoe@sonnenfeld.example");
  g_assert_cmpuint (crm_customer_get_addresses (zoe)->len, ==, 1);
  g_assert_cmpstr (crm_customer_get_tags (zoe)[0], ==, "vip");
  wang = crm_store_load_customer (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_customer_get_display_name (wang), ==, "王静");
  touchpoints = crm_store_list_touchpoints (store, 1, &error);
  g_assert_cmpuint (touchpoints->len, ==, 1);
  g_assert_cmpint (crm_touchpoint_get_transaction_id (g_ptr_array_index (touchpoints, 0)), ==, 1);

  /* …and what version 2 added works on it. */
  crm_external_id_set_system (shop_id, "shop");
  crm_external_id_set_value (shop_id, "4711");
  crm_customer_add_external_id (zoe, shop_id);
  g_assert_true (crm_store_save_customer (store, zoe, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM external_ids"), ==, 1);

  /* Opening it again upgrades nothing and backs up nothing. */
  g_clear_object (&store);
  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (crm_store_get_backup_path (store));

  g_clear_object (&store);
  crm_test_remove_tree (dir);
}

static char *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_base64_encode ((const guchar *) contents, length);
}

static void
assert_refused (const char    *path,
                int            code,
                const char    *fragment)
{
  g_autofree char *before = read_bytes (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, CRM_STORE_ERROR, code);
  /* The message names the file and says what is wrong with it. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, fragment));

  after = read_bytes (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = load_fixture (dir, "future.db");
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", crm_store_get_schema_version () + 1);

  crm_test_exec_sql (path, pragma);
  assert_refused (path, CRM_STORE_ERROR_TOO_NEW, "newer version of Touchpoint");
  crm_test_remove_tree (dir);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *tagged = g_build_filename (dir, "tagged.sqlite", NULL);

  /* Another program's database, with tables and no application id… */
  crm_test_exec_sql (other, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                            "INSERT INTO moz_places (url) VALUES ('https://example.org');");
  assert_refused (other, CRM_STORE_ERROR_FOREIGN, "another program");

  /* …and one that marks itself as someone else's, even when empty. */
  crm_test_exec_sql (tagged, "PRAGMA application_id = 1234;");
  assert_refused (tagged, CRM_STORE_ERROR_FOREIGN, "another program");

  crm_test_remove_tree (dir);
}

static void
test_refuse_not_a_database (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "contacts.vcf", NULL);
  GString *text = g_string_new (NULL);

  /* Longer than a database header, so SQLite really reads it. */
  for (int i = 0; i < 100; i++)
    g_string_append_printf (text, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Person %d\r\nEND:VCARD\r\n", i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);

  assert_refused (path, CRM_STORE_ERROR_NOT_A_DATABASE, "not a database");
  crm_test_remove_tree (dir);
}

static void
test_create_new (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "a", "b", "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (crm_store_get_path (store), ==, path);
  g_assert_cmpint (crm_store_count (store, CRM_RECORD_CUSTOMERS, &error), ==, 0);
  g_assert_cmpint (crm_test_query_int (path, "PRAGMA application_id"), ==, CRM_STORE_APPLICATION_ID);
  g_clear_object (&store);
  crm_test_remove_tree (dir);
}

static void
test_default_path (void)
{
  g_autofree char *path = crm_store_default_path ();

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "/touchpoint/touchpoint.db"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migration/upgrade-from-v1", test_upgrade_from_v1);
  g_test_add_func ("/migration/refuse-newer", test_refuse_newer);
  g_test_add_func ("/migration/refuse-foreign", test_refuse_foreign);
  g_test_add_func ("/migration/refuse-not-a-database", test_refuse_not_a_database);
  g_test_add_func ("/migration/create-new", test_create_new);
  g_test_add_func ("/migration/default-path", test_default_path);

  return g_test_run ();
}
