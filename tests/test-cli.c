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

  return g_test_run ();
}
