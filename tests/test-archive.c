/* test-archive.c: the Touchpoint XML archive: a database exported and
 * restored into a new one is identical, table by table, including what
 * the store derives; the file validates against the schema in data/; a
 * damaged, invalid, newer or hostile archive is refused with its line and
 * changes nothing; a restore never goes into a database that has
 * customers; a cancel leaves the new database empty. */
#include <string.h>

#include "crm-archive.h"
#include "crm-importer.h"
#include "crm-test-utils.h"
#include "crm-xml-input.h"

typedef struct
{
  char     *dir;
  char     *path;
  CrmStore *store;
} Fixture;

/* A database with a bit of everything: generated customers and journeys,
 * imported vCards with kept properties, a merge (aliases) and a delete
 * (journal). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (7, 300);
  g_autofree char *vcards = g_test_build_filename (G_TEST_DIST, "vcard-corpus", "apple-30-grouped.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (vcards);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(CrmImportReport) report = NULL;
  g_autoptr(CrmCustomer) survivor = NULL;
  g_autoptr(GError) error = NULL;
  gint64 journal_id;

  fixture->dir = crm_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "source.db", NULL);
  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);

  crm_demo_generator_run (generator, fixture->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  report = crm_import_vcard (fixture->store, G_INPUT_STREAM (stream), CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  survivor = crm_store_load_customer (fixture->store, 1, &error);
  g_assert_no_error (error);
  crm_store_merge_customers (fixture->store, survivor, 2, &journal_id, &error);
  g_assert_no_error (error);
  crm_store_delete_customer (fixture->store, 3, &journal_id, &error);
  g_assert_no_error (error);
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

static char *
export_archive (Fixture    *fixture,
                const char *name)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  crm_export_archive (fixture->store, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static CrmStore *
new_store (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static gboolean
restore_file (CrmStore    *store,
              const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return crm_restore_archive (store, file, NULL, NULL, NULL, error);
}

static gboolean
restore_text (CrmStore    *store,
              const char  *xml,
              GError     **error)
{
  g_autofree char *path = g_strconcat (crm_store_get_path (store), ".xml", NULL);

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  return restore_file (store, path, error);
}

/* Everything the table digest leaves out: the journal, the summary
 * figures, the normalized contact values and the search index. */
static const char * const derived_queries[] = {
  "SELECT * FROM journal ORDER BY id",
  "SELECT id, n_touchpoints, last_touchpoint_at, lifetime_value FROM customers ORDER BY id",
  "SELECT id, normalized FROM contact_points ORDER BY id",
  "SELECT rowid, name, organization, contact, notes, tags FROM customer_search ORDER BY rowid",
  "SELECT type, name, sql FROM sqlite_master ORDER BY name",
};

static void
assert_same_database (const char *a,
                      const char *b)
{
  g_autofree char *digest_a = crm_test_database_digest (a);
  g_autofree char *digest_b = crm_test_database_digest (b);

  g_assert_cmpstr (digest_a, ==, digest_b);
  for (guint i = 0; i < G_N_ELEMENTS (derived_queries); i++)
    {
      g_autofree char *query_a = crm_test_query_digest (a, derived_queries[i]);
      g_autofree char *query_b = crm_test_query_digest (b, derived_queries[i]);

      g_test_message ("%s", derived_queries[i]);
      g_assert_cmpstr (query_a, ==, query_b);
    }
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *archive = export_archive (fixture, "backup.xml");
  g_autofree char *second_archive = NULL;
  g_autoptr(CrmStore) restored = new_store (fixture, "restored.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;

  /* The fixture has every kind of row. */
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customer_aliases"), >, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM journal"), >, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customer_vcard_properties"), >, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM touchpoints WHERE transaction_id IS NOT NULL"), >, 0);

  restore_file (restored, archive, &error);
  g_assert_no_error (error);
  assert_same_database (fixture->path, crm_store_get_path (restored));

  /* And the restored database exports to the same archive, but for the
   * time it was made. */
  g_set_object (&fixture->store, restored);
  second_archive = export_archive (fixture, "again.xml");
  g_file_get_contents (archive, &first_text, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (second_archive, &second_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first_text, "exported=\""));
  g_assert_cmpstr (strstr (first_text, "<channels"), ==, strstr (second_text, "<channels"));
}

/* The schema in data/ is what the archive is checked against, and
 * xmllint, an independent validator, agrees the export matches it. */
static void
test_schema (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *archive = export_archive (fixture, "backup.xml");
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "data", "touchpoint-archive.rng", NULL);
  g_autofree char *command = NULL;
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_find_program_in_path ("xmllint"))
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  command = g_strdup_printf ("xmllint --noout --nonet --relaxng '%s' '%s'", schema, archive);
  g_spawn_command_line_sync (command, NULL, &standard_error, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", standard_error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

#define HEADER "<?xml version=\"1.0\"?>\n<touchpoint-archive xmlns=\"https://touchpointcrm.github.io/ns/archive/1\" format=\"1\">\n"

static const struct
{
  const char *xml;
  int         code;
  const char *message;
} bad_archives[] = {
  { "not xml at all", CRM_XML_INPUT_ERROR_MALFORMED, "line 1" },
  { "<?xml version=\"1.0\"?>\n<archive/>", CRM_XML_INPUT_ERROR_INVALID, "line 2" },
  { HEADER "<customers>\n<customer id=\"1\" uid=\"u\" kind=\"alien\" stage=\"lead\" "
    "created=\"2026-01-01T00:00:00Z\" updated=\"2026-01-01T00:00:00Z\"/>\n</customers></touchpoint-archive>",
    CRM_XML_INPUT_ERROR_INVALID, "line 4" },
  { HEADER "<customers>\n<customer id=\"1\" uid=\"u\" kind=\"person\" stage=\"lead\" "
    "created=\"yesterday\" updated=\"2026-01-01T00:00:00Z\"/>\n</customers></touchpoint-archive>",
    CRM_XML_INPUT_ERROR_INVALID, "line 4" },
  { HEADER "<customers>\n<customer id=\"1\" uid=\"u\" kind=\"person\" stage=\"lead\" "
    "created=\"2026-01-01T00:00:00Z\" updated=\"2026-01-01T00:00:00Z\">\n<contact id=\"1\" position=\"0\" kind=\"email\" "
    "preferred=\"false\">a@example.com</contact>\n", CRM_XML_INPUT_ERROR_MALFORMED, NULL },
  { "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
    "<touchpoint-archive xmlns=\"https://touchpointcrm.github.io/ns/archive/1\" format=\"1\">&b;</touchpoint-archive>",
    CRM_XML_INPUT_ERROR_REFUSED, NULL },
  { "<?xml version=\"1.0\"?>\n<touchpoint-archive xmlns=\"https://touchpointcrm.github.io/ns/archive/1\" format=\"9\"/>",
    CRM_XML_INPUT_ERROR_INVALID, "newer Touchpoint" },
};

static void
test_bad_archives (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_archives); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.db", i);
      g_autoptr(CrmStore) store = new_store (fixture, name);
      g_autofree char *before = crm_test_database_digest (crm_store_get_path (store));
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (restore_text (store, bad_archives[i].xml, &error));
      g_test_message ("archive %u: %s", i, error->message);
      g_assert_error (error, CRM_XML_INPUT_ERROR, bad_archives[i].code);
      if (bad_archives[i].message != NULL)
        g_assert_nonnull (strstr (error->message, bad_archives[i].message));
      after = crm_test_database_digest (crm_store_get_path (store));
      g_assert_cmpstr (before, ==, after);
    }
}

/* A dangling reference is caught before anything is committed. */
static void
test_dangling_reference (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CrmStore) store = new_store (fixture, "dangling.db");
  g_autofree char *before = crm_test_database_digest (crm_store_get_path (store));
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (restore_text (store, HEADER "<transactions><transaction id=\"1\" customer=\"42\" "
                                "time=\"2026-01-01T00:00:00Z\" amount=\"100\" currency=\"EUR\" status=\"completed\"/>"
                                "</transactions></touchpoint-archive>", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (crm_test_query_int (crm_store_get_path (store), "SELECT count(*) FROM transactions"), ==, 0);
  after = crm_test_database_digest (crm_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_into_full_database (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *archive = export_archive (fixture, "backup.xml");
  g_autofree char *before = crm_test_database_digest (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (restore_file (fixture->store, archive, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, fixture->path));
  after = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (before, ==, after);
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
  g_autofree char *archive = export_archive (fixture, "backup.xml");
  g_autoptr(CrmStore) store = new_store (fixture, "cancelled.db");
  g_autofree char *before = crm_test_database_digest (crm_store_get_path (store));
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = g_file_new_for_path (archive);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *contents = NULL;

  g_assert_false (crm_restore_archive (store, file, cancel_at_progress, cancellable,
                                       cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = crm_test_database_digest (crm_store_get_path (store));
  g_assert_cmpstr (before, ==, after);

  /* A cancelled export leaves the file that was there. */
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  target = g_file_new_for_path (archive);
  g_file_get_contents (archive, &kept, NULL, NULL);
  g_assert_false (crm_export_archive (fixture->store, target, cancel_at_progress, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_file_get_contents (archive, &contents, NULL, NULL);
  g_assert_cmpstr (kept, ==, contents);
}

static void
test_times (void)
{
  static const gint64 times[] = { 0, 1, 86399, 86400, 951782400 /* 2000-02-29 */, 1795340400, -1, -86401 };
  char text[32];
  gint64 parsed;

  crm_archive_format_time (951782400, text);
  g_assert_cmpstr (text, ==, "2000-02-29T00:00:00Z");
  crm_archive_format_time (-1, text);
  g_assert_cmpstr (text, ==, "1969-12-31T23:59:59Z");
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GDateTime) expected = g_date_time_new_from_unix_utc (times[i]);
      g_autofree char *iso = g_date_time_format (expected, "%Y-%m-%dT%H:%M:%SZ");

      crm_archive_format_time (times[i], text);
      g_assert_cmpstr (text, ==, iso);
      g_assert_true (crm_archive_parse_time (text, &parsed));
      g_assert_cmpint (parsed, ==, times[i]);
    }
  g_assert_false (crm_archive_parse_time ("2026-13-01T00:00:00Z", &parsed));
  g_assert_false (crm_archive_parse_time ("2026-01-01T00:00:00", &parsed));
  g_assert_false (crm_archive_parse_time ("2026-01-01T00:00:00Z trailing", &parsed));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/archive/times", test_times);
#define ADD(path, func) g_test_add ("/archive/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("schema", test_schema);
  ADD ("bad-archives", test_bad_archives);
  ADD ("dangling-reference", test_dangling_reference);
  ADD ("not-into-full-database", test_not_into_full_database);
  ADD ("cancel", test_cancel);
#undef ADD
  return g_test_run ();
}
