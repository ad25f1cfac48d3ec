/* test-importer.c: importing vCard files into the store: every card of
 * every exporter comes in; importing the same file again changes nothing;
 * the user's choice for records already there is followed; problems are
 * reported with their line; cancelling leaves the database as it was. */
#include <string.h>

#include "crm-importer.h"
#include "crm-store-fixture.h"
#include "crm-test-utils.h"
#include "crm-vcard-writer.h"

typedef CrmStoreFixture Fixture;

static CrmImportReport *
import_file (Fixture         *fixture,
             const char      *name,
             CrmImportPolicy  policy)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "vcard-corpus", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
  CrmImportReport *report;

  g_assert_no_error (error);
  report = crm_import_vcard (fixture->store, G_INPUT_STREAM (stream), policy, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return report;
}

static const char * const good_files[] = {
  "android-21.vcf", "apple-30-grouped.vcf", "evolution-30.vcf", "google-30.vcf",
  "nextcloud-sabre-30.vcf", "outlook-21-qp.vcf", "thunderbird-40.vcf",
};

static void
test_import_and_reimport (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  int added = 0;

  for (guint i = 0; i < G_N_ELEMENTS (good_files); i++)
    {
      g_autoptr(CrmImportReport) report = import_file (fixture, good_files[i], CRM_IMPORT_UPDATE);

      added += crm_import_report_get_added (report);
      g_assert_cmpuint (crm_import_report_get_problems (report)->len, ==, 0);
    }
  g_assert_cmpint (added, ==, 21);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 21);
  /* A card without UID got one. */
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers WHERE uid = ''"), ==, 0);
  first = crm_test_database_digest (fixture->path);

  /* The same files again: every record found, nothing changed. */
  for (guint i = 0; i < G_N_ELEMENTS (good_files); i++)
    {
      g_autoptr(CrmImportReport) report = import_file (fixture, good_files[i], CRM_IMPORT_UPDATE);

      g_assert_cmpint (crm_import_report_get_added (report), ==, 0);
      g_assert_cmpint (crm_import_report_get_updated (report), ==, 0);
      g_assert_cmpint (crm_import_report_get_unchanged (report), ==, 3);
    }
  second = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (second, ==, first);
}

static void
test_policies (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportReport) first = import_file (fixture, "apple-30-grouped.vcf", CRM_IMPORT_UPDATE);
  g_autoptr(CrmImportReport) skip = NULL;
  g_autoptr(CrmImportReport) update = NULL;
  g_autoptr(CrmImportReport) as_new = NULL;
  gint64 id = crm_test_query_int (fixture->path, "SELECT id FROM customers ORDER BY id LIMIT 1");
  g_autoptr(CrmCustomer) customer = crm_store_load_customer (fixture->store, id, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM customers WHERE id = %" G_GINT64_FORMAT
                                          " AND title = 'Rechtsanwältin' AND owner = 'Katharina Weber'", id);

  /* The user changed a field the file has, and one it does not have. */
  crm_customer_set_title (customer, "Partnerin");
  crm_customer_set_owner (customer, "Katharina Weber");
  g_assert_true (crm_store_save_customer (fixture->store, customer, &error));

  skip = import_file (fixture, "apple-30-grouped.vcf", CRM_IMPORT_SKIP);
  g_assert_cmpint (crm_import_report_get_skipped (skip), ==, 3);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers WHERE title = 'Partnerin'"), ==, 1);

  /* Update takes the file's title and keeps the owner, which vCard has
   * no place for. */
  update = import_file (fixture, "apple-30-grouped.vcf", CRM_IMPORT_UPDATE);
  g_assert_cmpint (crm_import_report_get_updated (update), ==, 1);
  g_assert_cmpint (crm_import_report_get_unchanged (update), ==, 2);
  g_assert_cmpint (crm_test_query_int (fixture->path, sql), ==, 1);

  as_new = import_file (fixture, "apple-30-grouped.vcf", CRM_IMPORT_AS_NEW);
  g_assert_cmpint (crm_import_report_get_added (as_new), ==, 3);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 6);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(DISTINCT uid) FROM customers"), ==, 6);
}

static void
test_problems (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CrmImportReport) report = import_file (fixture, "malformed.vcf", CRM_IMPORT_UPDATE);
  GPtrArray *problems = crm_import_report_get_problems (report);
  gboolean found = FALSE;

  /* Seven cards come in, the one of an unknown version does not; every
   * problem says its line. */
  g_assert_cmpint (crm_import_report_get_added (report), ==, 7);
  g_assert_cmpint (crm_import_report_get_skipped (report), ==, 1);
  g_assert_cmpuint (problems->len, ==, 6);
  for (guint i = 0; i < problems->len; i++)
    {
      g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), "line "));
      found |= strstr (g_ptr_array_index (problems, i), "line 45:") != NULL;
    }
  g_assert_true (found);
}

static void
cancel_at_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportReport) report = NULL;

  for (guint i = 0; i < 2500; i++)
    {
      g_autoptr(CrmCustomer) customer = crm_customer_new ();
      g_autofree char *name = g_strdup_printf ("Customer %u", i);

      crm_customer_set_display_name (customer, name);
      crm_vcard_write_customer (text, customer, CRM_VCARD_VERSION_4_0);
    }
  stream = g_memory_input_stream_new_from_data (g_strdup (text->str), text->len, g_free);

  report = crm_import_vcard (fixture->store, stream, CRM_IMPORT_UPDATE, cancel_at_progress, cancellable,
                             cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* All or nothing: the first thousand are not left behind. */
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/importer/import-and-reimport", Fixture, NULL, crm_store_fixture_set_up, test_import_and_reimport, crm_store_fixture_tear_down);
  g_test_add ("/importer/policies", Fixture, NULL, crm_store_fixture_set_up, test_policies, crm_store_fixture_tear_down);
  g_test_add ("/importer/problems", Fixture, NULL, crm_store_fixture_set_up, test_problems, crm_store_fixture_tear_down);
  g_test_add ("/importer/cancel", Fixture, NULL, crm_store_fixture_set_up, test_cancel, crm_store_fixture_tear_down);

  return g_test_run ();
}
