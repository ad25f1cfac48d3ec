/* test-import-ui.c: the import flow under a (headless) display: a file
 * given to the window opens the import dialog with its format and a
 * preview; Import adds the customers and the window's views reload;
 * Cancel during a long import leaves the database as it was; a file that
 * is nothing Touchpoint reads says so and cannot be imported. Run with
 * G_DEBUG=fatal-warnings. */
#include <string.h>

#include "crm-demo-generator.h"
#include "crm-import-dialog.h"
#include "crm-test-utils.h"
#include "crm-ui-test-utils.h"

static char *database_path;
static char *import_path;

static CrmImportDialog *
find_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (CRM_IS_IMPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_shows (gpointer text)
{
  CrmImportDialog *dialog = find_dialog ();

  return dialog != NULL && has_label (GTK_WIDGET (dialog), text);
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static void
open_dialog (Run *run)
{
  g_autoptr(GFile) file = g_file_new_for_path (import_path);

  crm_window_import_file (run->window, file);
}

static void
close_dialog (void)
{
  gtk_widget_activate_action (GTK_WIDGET (find_dialog ()), "import.cancel", NULL);
  iterate_until (dialog_gone, NULL);
}

static void
check_vcard_import (Run *run)
{
  gint64 before = crm_test_query_int (database_path, "SELECT count(*) FROM customers");
  g_autofree char *summary = NULL;

  open_dialog (run);
  /* The format, and the records as they will be stored. */
  iterate_until (dialog_shows, "vCard 2.1");
  iterate_until (dialog_shows, "Иван Петров");
  g_assert_true (dialog_shows ("王静"));

  gtk_widget_activate_action (GTK_WIDGET (find_dialog ()), "import.start", NULL);
  iterate_until (dialog_shows, "Import Complete");
  g_assert_true (dialog_shows ("Added: 3 · Updated: 0 · Unchanged: 0 · Skipped: 0"));
  g_assert_cmpint (crm_test_query_int (database_path, "SELECT count(*) FROM customers"), ==, before + 3);

  /* The window reads the database again: its summary counts them. */
  summary = g_strdup_printf ("%" G_GINT64_FORMAT " customers", before + 3);
  close_dialog ();
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean found = FALSE;
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (!found)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
        g_ptr_array_set_size (labels, 0);
        collect_labels (GTK_WIDGET (run->window), labels);
        for (guint i = 0; i < labels->len; i++)
          found |= g_str_has_prefix (g_ptr_array_index (labels, i), summary);
      }
  }
}

static void
make_database (guint n_customers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (database_path, &error);
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (3, n_customers);

  g_assert_no_error (error);
  g_assert_true (crm_demo_generator_run (generator, store, NULL, NULL, NULL, &error));
}

static void
test_vcard_import (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  Run run = { 0 };

  database_path = g_build_filename (dir, "ui.db", NULL);
  import_path = g_test_build_filename (G_TEST_DIST, "vcard-corpus", "android-21.vcf", NULL);
  make_database (40);
  run_app (&run, database_path, store_loaded, check_vcard_import);
  g_clear_pointer (&database_path, g_free);
  g_clear_pointer (&import_path, g_free);
  crm_test_remove_tree (dir);
}

static void
check_cancel (Run *run)
{
  g_autofree char *before = crm_test_database_digest (database_path);
  g_autofree char *after = NULL;

  open_dialog (run);
  iterate_until (dialog_shows, "vCard 3.0");
  gtk_widget_activate_action (GTK_WIDGET (find_dialog ()), "import.start", NULL);
  iterate_until (dialog_shows, "Importing…");
  gtk_widget_activate_action (GTK_WIDGET (find_dialog ()), "import.cancel", NULL);
  iterate_until (dialog_shows, "Import Cancelled");
  g_assert_true (dialog_shows ("The database is as it was before."));

  after = crm_test_database_digest (database_path);
  g_assert_cmpstr (before, ==, after);
  close_dialog ();
}

static void
test_cancel (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autoptr(GString) cards = g_string_new (NULL);
  Run run = { 0 };

  /* Long enough that Cancel comes while it runs. */
  for (guint i = 0; i < 60000; i++)
    g_string_append_printf (cards, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Customer %u\r\n"
                            "EMAIL:customer%u@example.org\r\nEND:VCARD\r\n", i, i);
  database_path = g_build_filename (dir, "ui.db", NULL);
  import_path = g_build_filename (dir, "many.vcf", NULL);
  g_assert_true (g_file_set_contents (import_path, cards->str, cards->len, NULL));
  make_database (20);
  run_app (&run, database_path, store_loaded, check_cancel);
  g_clear_pointer (&database_path, g_free);
  g_clear_pointer (&import_path, g_free);
  crm_test_remove_tree (dir);
}

static void
check_spreadsheet (Run *run)
{
  gint64 before = crm_test_query_int (database_path, "SELECT count(*) FROM customers");

  open_dialog (run);
  iterate_until (dialog_shows, "CSV, semicolon-separated");
  /* Each column with what it was taken for. */
  iterate_until (dialog_shows, "Columns");
  iterate_until (dialog_shows, "Anna Kowalska");
  gtk_widget_activate_action (GTK_WIDGET (find_dialog ()), "import.start", NULL);
  iterate_until (dialog_shows, "Import Complete");
  g_assert_cmpint (crm_test_query_int (database_path, "SELECT count(*) FROM customers"), ==, before + 2);
  g_assert_cmpint (crm_test_query_int (database_path, "SELECT count(*) FROM contact_points "
                                                      "WHERE value = 'anna@example.pl'"), ==, 1);
  close_dialog ();
}

static void
test_spreadsheet (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  Run run = { 0 };

  database_path = g_build_filename (dir, "ui.db", NULL);
  import_path = g_build_filename (dir, "contacts.csv", NULL);
  g_assert_true (g_file_set_contents (import_path,
                                      "Name;E-mail;Phone\r\n"
                                      "Anna Kowalska;anna@example.pl;+48 22 123 45 67\r\n"
                                      "Jan Nowak;jan@example.pl;+48 22 765 43 21\r\n", -1, NULL));
  make_database (10);
  run_app (&run, database_path, store_loaded, check_spreadsheet);
  g_clear_pointer (&database_path, g_free);
  g_clear_pointer (&import_path, g_free);
  crm_test_remove_tree (dir);
}

static void
check_unknown_file (Run *run)
{
  open_dialog (run);
  iterate_until (dialog_shows, "Cannot be imported");
  g_assert_true (dialog_shows ("picture.png is not a file Touchpoint can import: not vCard, xCard, CSV or a "
                               "Touchpoint archive"));
  /* Import does nothing for such a file. */
  gtk_widget_activate_action (GTK_WIDGET (find_dialog ()), "import.start", NULL);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (dialog_shows ("Importing…"));
  close_dialog ();
}

static void
test_unknown_file (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  Run run = { 0 };

  database_path = g_build_filename (dir, "ui.db", NULL);
  import_path = g_build_filename (dir, "picture.png", NULL);
  g_assert_true (g_file_set_contents (import_path, (const char *) png, sizeof png, NULL));
  make_database (10);
  run_app (&run, database_path, store_loaded, check_unknown_file);
  g_assert_cmpint (crm_test_query_int (database_path, "SELECT count(*) FROM customers"), ==, 10);
  g_clear_pointer (&database_path, g_free);
  g_clear_pointer (&import_path, g_free);
  crm_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!init_display_or_skip ())
    return g_test_run ();

  g_test_add_func ("/import-ui/vcard", test_vcard_import);
  g_test_add_func ("/import-ui/cancel", test_cancel);
  g_test_add_func ("/import-ui/spreadsheet", test_spreadsheet);
  g_test_add_func ("/import-ui/unknown-file", test_unknown_file);

  return g_test_run ();
}
