/* test-cli.c: the touchpoint binary's command line, run as a user or a cron
 * job would, with no display at all. */
#include <string.h>

#include "crm-test-utils.h"

static int
run_touchpoint (const char * const  *args,
                char               **out,
                char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  /* Headless means headless: no X, no Wayland, no session bus. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");

  g_ptr_array_add (argv, (gpointer) g_getenv ("TOUCHPOINT_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_touchpoint (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "touchpoint "));
}

static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_touchpoint (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--database"));
  g_assert_nonnull (strstr (out, "--demo"));
  g_assert_nonnull (strstr (out, "--generate"));
}

static void
test_generate (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "big", "test.db", NULL);
  const char *args[] = { "--database", path, "--generate", "300", "--seed", "9", NULL };
  g_autofree char *out = NULL, *err = NULL;

  if (run_touchpoint (args, &out, &err) != 0)
    g_error ("touchpoint failed: %s", err);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers"), ==, 300);
  g_assert_nonnull (strstr (out, "300 customers"));

  /* A second run adds to the database rather than replacing it. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (run_touchpoint (args, &out, &err), ==, 0);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers"), ==, 600);
  crm_test_remove_tree (dir);
}

static void
test_generate_needs_database (void)
{
  const char *args[] = { "--generate", "10", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_touchpoint (args, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "--database"));
}

static void
test_generate_refuses_foreign_file (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "places.sqlite", NULL);
  const char *args[] = { "--database", path, "--generate", "10", NULL };
  g_autofree char *out = NULL, *err = NULL;

  crm_test_exec_sql (path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);");
  g_assert_cmpint (run_touchpoint (args, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, "another program"));
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  crm_test_remove_tree (dir);
}

static void
test_demo_with_database_refused (void)
{
  const char *args[] = { "--demo", "--database", "/tmp/never-touched.db", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_touchpoint (args, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "--demo"));
  g_assert_false (g_file_test ("/tmp/never-touched.db", G_FILE_TEST_EXISTS));
}

static void
test_import_export (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "crm.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *exported = g_build_filename (dir, "everyone.vcf", NULL);
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "vcard-corpus", "apple-30-grouped.vcf", NULL);
  const char *import[] = { "--database", path, "--import", corpus, NULL };
  const char *export[] = { "--database", path, "--export", exported, "--format", "vcard3", NULL };
  const char *import_copy[] = { "--database", copy, "--import", exported, NULL };
  const char *bad_policy[] = { "--database", path, "--import", corpus, "--policy", "merge", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_touchpoint (import, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "3 added"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Once more: everyone is found, nothing changes. */
  g_assert_cmpint (run_touchpoint (import, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "0 added, 0 updated, 3 unchanged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Exported and imported elsewhere: the same customers. */
  g_assert_cmpint (run_touchpoint (export, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_touchpoint (import_copy, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "3 added"));
  g_assert_cmpstr (crm_test_query_text (copy, "SELECT group_concat(uid || display_name, '|') FROM "
                                              "(SELECT uid, display_name FROM customers ORDER BY uid)"), ==,
                   crm_test_query_text (path, "SELECT group_concat(uid || display_name, '|') FROM "
                                              "(SELECT uid, display_name FROM customers ORDER BY uid)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_touchpoint (bad_policy, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "merge"));
  crm_test_remove_tree (dir);
}

static char *
names_of (const char *path)
{
  return crm_test_query_text (path, "SELECT group_concat(display_name, '|') FROM "
                                    "(SELECT display_name FROM customers ORDER BY display_name, id)");
}

/* Every export format, and each imported again: the archive gives back the
 * same database, the others the same customers; the tables of touchpoints
 * and transactions have a row for each. */
static void
test_every_format (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "crm.db", NULL);
  g_autofree char *expected_names = NULL;
  const char *generate[] = { "--database", path, "--generate", "40", NULL };
  static const char * const formats[] = { "vcard4", "vcard3", "xcard", "csv", "archive" };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_touchpoint (generate, &out, &err), ==, 0);
  expected_names = names_of (path);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/export-%s", dir, formats[i]);
      g_autofree char *copy = g_strdup_printf ("%s/copy-%s.db", dir, formats[i]);
      g_autofree char *copy_names = NULL;
      const char *export[] = { "--database", path, "--export", file, "--format", formats[i], NULL };
      const char *import[] = { "--database", copy, "--import", file, "--policy", "new", NULL };

      g_test_message ("format %s", formats[i]);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_touchpoint (export, &out, &err), ==, 0);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_touchpoint (import, &out, &err), ==, 0);
      g_assert_nonnull (strstr (out, "40 added"));
      copy_names = names_of (copy);
      g_assert_cmpstr (copy_names, ==, expected_names);
      if (g_str_equal (formats[i], "archive"))
        {
          g_autofree char *digest = crm_test_database_digest (path);
          g_autofree char *copy_digest = crm_test_database_digest (copy);

          g_assert_nonnull (strstr (out, "Touchpoint archive"));
          g_assert_cmpstr (digest, ==, copy_digest);

          /* Not into a database that has customers. */
          g_clear_pointer (&out, g_free);
          g_clear_pointer (&err, g_free);
          g_assert_cmpint (run_touchpoint (import, &out, &err), ==, 1);
          g_assert_nonnull (strstr (err, "already holds customers"));
        }
    }

  {
    g_autofree char *file = g_build_filename (dir, "touchpoints.csv", NULL);
    g_autofree char *contents = NULL;
    const char *export[] = { "--database", path, "--export", file, "--format", "csv-touchpoints", NULL };
    const char *bogus[] = { "--database", path, "--export", file, "--format", "pdf", NULL };
    const char *unknown[] = { "--database", path, "--import", path, NULL };
    guint lines = 0;

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_touchpoint (export, &out, &err), ==, 0);
    g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
    for (const char *p = contents; (p = strchr (p, '\n')) != NULL; p++)
      lines++;
    g_assert_cmpint (lines, ==, crm_test_query_int (path, "SELECT count(*) FROM touchpoints") + 1);

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_touchpoint (bogus, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "pdf"));

    /* A database file is nothing to import. */
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_touchpoint (unknown, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "is not a file Touchpoint can import"));
  }
  crm_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("TOUCHPOINT_BIN"));

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/generate", test_generate);
  g_test_add_func ("/cli/generate-needs-database", test_generate_needs_database);
  g_test_add_func ("/cli/generate-refuses-foreign-file", test_generate_refuses_foreign_file);
  g_test_add_func ("/cli/demo-with-database-refused", test_demo_with_database_refused);
  g_test_add_func ("/cli/import-export", test_import_export);
  g_test_add_func ("/cli/every-format", test_every_format);

  return g_test_run ();
}
