/* test-xcard-import.c: xCard files into the store. Every card of the
 * corpus, written as xCard, comes in; importing the same documents again,
 * or an export of the whole store, changes nothing; a broken document is
 * an error with its line and imports nothing, not even the cards before
 * the break; what a card holds that xCard does not allow is reported by
 * line and the rest imported; cancelling leaves the database as it was. */
#include <string.h>

#include "crm-store-fixture.h"
#include "crm-test-utils.h"
#include "crm-vcard-mapping.h"
#include "crm-vcard-reader.h"
#include "crm-xcard.h"
#include "crm-xcard-writer.h"

static const char * const corpus[] = {
  "android-21.vcf", "apple-30-grouped.vcf", "evolution-30.vcf", "google-30.vcf",
  "nextcloud-sabre-30.vcf", "outlook-21-qp.vcf", "thunderbird-40.vcf",
};

static GPtrArray *
read_vcard (const char *text,
            gsize       length)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_memdup2 (text, length), length, g_free);
  g_autoptr(CrmVcardReader) reader = crm_vcard_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GPtrArray *customers = g_ptr_array_new_with_free_func (g_object_unref);
  CrmVcardCard *card;

  while ((card = crm_vcard_reader_next (reader, NULL, &error)) != NULL)
    {
      if (!crm_vcard_card_get_skipped (card))
        g_ptr_array_add (customers, crm_vcard_card_to_customer (card));
      g_object_unref (card);
    }
  g_assert_no_error (error);
  return customers;
}

static GPtrArray *
read_corpus (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "vcard-corpus", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return read_vcard (contents, length);
}

typedef CrmStoreFixture Fixture;

static CrmImportReport *
import_text (Fixture     *fixture,
             const char  *text,
             GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (text), strlen (text), g_free);

  return crm_import_xcard (fixture->store, stream, CRM_IMPORT_UPDATE, NULL, NULL, NULL, error);
}

static void
test_import_and_reimport (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *export_path = g_build_filename (fixture->dir, "export.xml", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GError) error = NULL;
  int added = 0;

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autoptr(GPtrArray) customers = read_corpus (corpus[i]);
      g_autoptr(CrmImportReport) report = NULL;

      g_ptr_array_add (documents, crm_xcard_write_customers (customers));
      report = import_text (fixture, g_ptr_array_index (documents, i), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (crm_import_report_get_problems (report)->len, ==, 0);
      added += crm_import_report_get_added (report);
    }
  g_assert_cmpint (added, ==, 21);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 21);
  first = crm_test_database_digest (fixture->path);

  /* The same documents again: every record found, nothing changed. */
  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(CrmImportReport) report = import_text (fixture, g_ptr_array_index (documents, i), &error);

      g_assert_no_error (error);
      g_assert_cmpint (crm_import_report_get_added (report), ==, 0);
      g_assert_cmpint (crm_import_report_get_updated (report), ==, 0);
      g_assert_cmpint (crm_import_report_get_unchanged (report), ==, 3);
    }
  second = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (second, ==, first);

  /* The whole store exported and imported again: nothing changes. */
  g_assert_true (crm_export_xcard (fixture->store, export_file, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GFileInputStream) stream = g_file_read (export_file, NULL, &error);
    g_autoptr(CrmImportReport) report = NULL;
    g_autofree char *third = NULL;

    g_assert_no_error (error);
    report = crm_import_xcard (fixture->store, G_INPUT_STREAM (stream), CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (crm_import_report_get_unchanged (report), ==, 21);
    third = crm_test_database_digest (fixture->path);
    g_assert_cmpstr (third, ==, first);
  }
}

static void
assert_imports_nothing (Fixture    *fixture,
                        const char *text,
                        int         code,
                        const char *line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportReport) report = NULL;
  g_autofree char *before = crm_test_database_digest (fixture->path);
  g_autofree char *after = NULL;

  report = import_text (fixture, text, &error);
  g_assert_null (report);
  g_assert_error (error, CRM_XML_INPUT_ERROR, code);
  if (line != NULL && !g_str_has_prefix (error->message, line))
    g_error ("“%s” does not start with “%s”", error->message, line);
  after = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  static const char good_card[] = "<vcard><fn><text>Ok</text></fn><email><text>ok@example.org</text></email></vcard>\n";
  g_autofree char *unclosed = g_strdup_printf ("<vcards xmlns=\"%s\">\n%s<vcard>\n<fn><text>Broken</text></fn>\n"
                                               "<note><text>no end</note>\n</vcard>\n</vcards>\n",
                                               CRM_XCARD_NAMESPACE, good_card);
  g_autofree char *truncated = g_strdup_printf ("<vcards xmlns=\"%s\">\n%s<vcard>\n<fn><text>Cut",
                                                CRM_XCARD_NAMESPACE, good_card);
  g_autofree char *junk = g_strdup_printf ("<vcards xmlns=\"%s\">\n%s</vcards>\n<vcards/>\n",
                                           CRM_XCARD_NAMESPACE, good_card);
  g_autofree char *first = g_strdup_printf ("<vcards xmlns=\"%s\">%s</vcards>", CRM_XCARD_NAMESPACE, good_card);
  g_autoptr(CrmImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* The first card would have been fine: it is not imported either. */
  assert_imports_nothing (fixture, unclosed, CRM_XML_INPUT_ERROR_MALFORMED, "line 5:");
  assert_imports_nothing (fixture, truncated, CRM_XML_INPUT_ERROR_MALFORMED, "line 4:");
  assert_imports_nothing (fixture, junk, CRM_XML_INPUT_ERROR_MALFORMED, "line 4:");
  assert_imports_nothing (fixture, "", CRM_XML_INPUT_ERROR_MALFORMED, "line ");
  assert_imports_nothing (fixture, "<vcards><vcard/></vcards>", CRM_XML_INPUT_ERROR_INVALID, "line 1:");
  assert_imports_nothing (fixture, "<?xml version=\"1.0\"?>\n<html><body/></html>", CRM_XML_INPUT_ERROR_INVALID, "line 2:");
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 0);

  /* With customers in the store, a broken file leaves them as they are. */
  report = import_text (fixture, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_import_report_get_added (report), ==, 1);
  assert_imports_nothing (fixture, unclosed, CRM_XML_INPUT_ERROR_MALFORMED, "line 5:");
}

/* What a card holds that xCard does not allow is reported by line and
 * left out; the rest of the card, and the file, come in. */
static void
test_problems (Fixture       *fixture,
               gconstpointer  data)
{
  static const char text[] =
    "<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\">\n"
    "<vcard>\n"
    "  <fn><text>Problem <b>Card</b></text></fn>\n"
    "  <email><colour>red</colour><text>p@example.org</text></email>\n"
    "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>\n"
    "  <group name=\"a.b\"><tel><text>+49 30 1</text></tel></group>\n"
    "  <title>Bare title</title>\n"
    "  <n><surname>Card</surname><city>Berlin</city></n>\n"
    "  <photo><parameters><encoding><text>b</text></encoding></parameters><unknown>not*base64</unknown></photo>\n"
    "</vcard>\n"
    "<ignored-between-cards><vcard/></ignored-between-cards>\n"
    "<vcard><fn><text>Second</text></fn></vcard>\n"
    "</vcards>\n";
  static const char * const expected[] = {
    "line 3:", "line 4:", "line 5:", "line 6:", "line 7:", "line 8:", "line 9:",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportReport) report = import_text (fixture, text, &error);
  GPtrArray *problems;

  g_assert_no_error (error);
  problems = crm_import_report_get_problems (report);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), expected[i]));
  g_assert_cmpint (crm_import_report_get_added (report), ==, 2);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM contact_points"), ==, 2);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers WHERE title = 'Bare title' "
                                                      "AND display_name = 'Problem ' AND family_name = 'Card'"), ==, 1);
}

/* Reading one card of a big document reads only the start of it. */
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
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmImportReport) report = NULL;
  char *text;

  for (guint i = 0; i < 2500; i++)
    {
      CrmCustomer *customer = crm_customer_new ();
      g_autofree char *name = g_strdup_printf ("Customer %u", i);

      crm_customer_set_display_name (customer, name);
      g_ptr_array_add (customers, customer);
    }
  text = crm_xcard_write_customers (customers);
  stream = g_memory_input_stream_new_from_data (text, strlen (text), g_free);
  report = crm_import_xcard (fixture->store, stream, CRM_IMPORT_UPDATE, cancel_at_progress, cancellable,
                             cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xcard-import/import-and-reimport", Fixture, NULL, crm_store_fixture_set_up, test_import_and_reimport,
              crm_store_fixture_tear_down);
  g_test_add ("/xcard-import/malformed", Fixture, NULL, crm_store_fixture_set_up, test_malformed, crm_store_fixture_tear_down);
  g_test_add ("/xcard-import/problems", Fixture, NULL, crm_store_fixture_set_up, test_problems, crm_store_fixture_tear_down);
  g_test_add ("/xcard-import/cancel", Fixture, NULL, crm_store_fixture_set_up, test_cancel, crm_store_fixture_tear_down);

  return g_test_run ();
}
