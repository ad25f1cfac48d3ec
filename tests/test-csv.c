/* test-csv.c: CSV import into the store and export from it: the corpus
 * files of Google Contacts, Outlook, Excel and files headed in Russian,
 * Chinese and Arabic come in as the customers they describe; counts,
 * re-import that changes nothing, updates that keep what the file has no
 * column for, cancel, broken records; exports that import back the same
 * and hold a row for every touchpoint and transaction. */
#include <string.h>

#include "crm-csv.h"
#include "crm-store-fixture.h"
#include "crm-test-utils.h"

typedef CrmStoreFixture Fixture;

static GInputStream *
memory_stream (const char *data,
               gssize      length)
{
  if (length < 0)
    length = strlen (data);
  return g_memory_input_stream_new_from_data (g_memdup2 (data, length), length, g_free);
}

static CrmImportReport *
import_stream (CrmStore        *store,
               GInputStream    *stream,
               const char      *encoding,
               CrmImportPolicy  policy)
{
  g_autoptr(GError) error = NULL;
  CrmCsvOptions options;
  CrmImportReport *report;

  crm_csv_options_init (&options);
  options.encoding = encoding;
  report = crm_import_csv (store, stream, &options, policy, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return report;
}

static CrmImportReport *
import_file (Fixture         *fixture,
             const char      *name,
             const char      *encoding,
             CrmImportPolicy  policy)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "csv-corpus", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);

  g_assert_nonnull (stream);
  return import_stream (fixture->store, G_INPUT_STREAM (stream), encoding, policy);
}

static CrmImportReport *
import_text (Fixture         *fixture,
             const char      *text,
             CrmImportPolicy  policy)
{
  g_autoptr(GInputStream) stream = memory_stream (text, -1);

  return import_stream (fixture->store, stream, NULL, policy);
}

static void
assert_counts (CrmImportReport *report,
               int              added,
               int              updated,
               int              unchanged,
               int              skipped)
{
  g_assert_cmpint (crm_import_report_get_added (report), ==, added);
  g_assert_cmpint (crm_import_report_get_updated (report), ==, updated);
  g_assert_cmpint (crm_import_report_get_unchanged (report), ==, unchanged);
  g_assert_cmpint (crm_import_report_get_skipped (report), ==, skipped);
}

static CrmCustomer *
load_by_email (CrmStore   *store,
               const char *email)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_store_find_customer_by_contact (store, CRM_CONTACT_KIND_EMAIL, email, &error);
  CrmCustomer *customer;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  customer = crm_store_load_customer (store, id, &error);
  g_assert_no_error (error);
  return customer;
}

/* Contact points as "kind value label[*]" lines, addresses as
 * "label|street|city|region|code|country" lines, tags joined by "|". */
static char *
describe (CrmCustomer *customer)
{
  static const char kinds[] = "ept";
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);
  g_autofree char *tags = g_strjoinv ("|", (char **) crm_customer_get_tags (customer));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < points->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (points, i);

      g_string_append_printf (text, "%c %s %s%s\n", kinds[crm_contact_point_get_kind (point)],
                              crm_contact_point_get_value (point), crm_contact_point_get_label (point),
                              crm_contact_point_get_preferred (point) ? "*" : "");
    }
  for (guint i = 0; i < addresses->len; i++)
    {
      CrmAddress *a = g_ptr_array_index (addresses, i);

      g_string_append_printf (text, "%s|%s|%s|%s|%s|%s\n", crm_address_get_label (a), crm_address_get_street (a),
                              crm_address_get_locality (a), crm_address_get_region (a),
                              crm_address_get_postal_code (a), crm_address_get_country (a));
    }
  g_string_append_printf (text, "tags %s", tags);
  return g_string_free (text, FALSE);
}

static void
assert_customer (CrmCustomer *customer,
                 const char  *display_name,
                 const char  *organization,
                 const char  *title,
                 const char  *notes,
                 const char  *description)
{
  g_autofree char *got = describe (customer);

  g_assert_cmpstr (crm_customer_get_display_name (customer), ==, display_name);
  g_assert_cmpstr (crm_customer_get_organization (customer), ==, organization);
  g_assert_cmpstr (crm_customer_get_title (customer), ==, title);
  g_assert_cmpstr (crm_customer_get_notes (customer), ==, notes);
  g_assert_cmpstr (got, ==, description);
}

static void
test_import_google (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CrmImportReport) report = import_file (fixture, "google-contacts.csv", NULL, CRM_IMPORT_UPDATE);
  g_autoptr(CrmCustomer) anna = load_by_email (fixture->store, "anna.schmidt@example.de");
  g_autoptr(CrmCustomer) wang = load_by_email (fixture->store, "xiaoming@example.cn");
  g_autoptr(CrmCustomer) acme = load_by_email (fixture->store, "info@acme.example");

  assert_counts (report, 3, 0, 0, 0);
  g_assert_cmpuint (crm_import_report_get_problems (report)->len, ==, 0);
  assert_customer (anna, "Anna Schmidt", "Example GmbH", "Head of Purchasing", "Met at CeBIT\nPrefers \"green\" tea",
                   "e anna.schmidt@example.de work*\ne anna@example.org home\np +49 151 2345678 mobile\n"
                   "p +49 30 1234567 work\np +49 30 1234568 work\nt https://example.de/anna Profile\n"
                   "work|Unter den Linden 1|Berlin||10117|Germany\ntags Friends|VIP");
  g_assert_cmpstr (crm_customer_get_given_name (anna), ==, "Anna");
  g_assert_cmpstr (crm_customer_get_family_name (anna), ==, "Schmidt");
  assert_customer (wang, "王小明", "", "", "", "e xiaoming@example.cn other*\np +86 138 0013 8000 mobile\ntags ");
  assert_customer (acme, "Acme Ltd", "Acme Ltd", "", "",
                   "e info@acme.example work\nt https://acme.example Homepage\ntags Suppliers");
  g_assert_cmpint (crm_customer_get_kind (acme), ==, CRM_CUSTOMER_KIND_ORGANIZATION);
}

static void
test_import_outlook (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CrmImportReport) report = import_file (fixture, "outlook-1252.csv", NULL, CRM_IMPORT_UPDATE);
  g_autoptr(CrmImportReport) again = NULL;
  g_autoptr(CrmCustomer) juergen = load_by_email (fixture->store, "j.mueller@mueller-soehne.example");
  g_autoptr(CrmCustomer) zoe = load_by_email (fixture->store, "zoe@example.ch");
  GPtrArray *problems = crm_import_report_get_problems (report);

  /* Not UTF-8, no character set chosen: read as Windows-1252, told once. */
  assert_counts (report, 2, 0, 0, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "line 2: the text is not valid UTF-8"));
  /* "Title" is the honorific beside "Job Title"; the business address
   * takes its second street line. */
  assert_customer (juergen, "Jürgen Müller", "Müller & Söhne GmbH", "Geschäftsführer", "Zahlt pünktlich – Rabatt 5 €",
                   "p +49 711 123457 fax\np +49 711 123456 work\np +49 170 9876543 mobile\n"
                   "e j.mueller@mueller-soehne.example \nt www.mueller-soehne.example \n"
                   "work|Königstraße 12\nHinterhaus|Stuttgart||70173|Deutschland\ntags Kunden|VIP");
  assert_customer (zoe, "Zoë Ångström", "", "", "",
                   "p +41 22 555 01 02 home\ne zoe@example.ch \nhome|Rue de la Paix 3|Genève||1202|Suisse\n"
                   "tags Privat");

  /* Chosen, the same file reads without a problem and changes nothing. */
  again = import_file (fixture, "outlook-1252.csv", "WINDOWS-1252", CRM_IMPORT_UPDATE);
  assert_counts (again, 0, 0, 2, 0);
  g_assert_cmpuint (crm_import_report_get_problems (again)->len, ==, 0);
}

static void
test_import_excel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CrmImportReport) report = import_file (fixture, "excel-semicolon.csv", NULL, CRM_IMPORT_UPDATE);
  g_autoptr(CrmCustomer) hans = load_by_email (fixture->store, "hans.meier@example.de");
  g_autoptr(CrmCustomer) claire = load_by_email (fixture->store, "claire@example.fr");

  /* Semicolons guessed; the empty row at the end is no record; the
   * guarded phone number comes without its guard. */
  assert_counts (report, 2, 0, 0, 0);
  g_assert_cmpuint (crm_import_report_get_problems (report)->len, ==, 0);
  assert_customer (hans, "Hans Meier", "Meier, Schulz & Co. KG", "", "Bau; Planung",
                   "e hans.meier@example.de \np +49 89 123456 \n|Leopoldstraße 5|München||80802|Deutschland\ntags ");
  assert_customer (claire, "Claire Dubois", "", "", "Sagt \"bonjour\"",
                   "e claire@example.fr \np +33 1 23 45 67 89 \n||Paris||75001|Frankreich\ntags ");
}

static void
test_import_languages (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CrmImportReport) russian = import_file (fixture, "russian-1251.csv", "WINDOWS-1251", CRM_IMPORT_UPDATE);
  g_autoptr(CrmImportReport) chinese = import_file (fixture, "chinese.csv", NULL, CRM_IMPORT_UPDATE);
  g_autoptr(CrmImportReport) arabic = import_file (fixture, "arabic-utf16.txt", NULL, CRM_IMPORT_UPDATE);
  g_autoptr(CrmCustomer) ivanov = load_by_email (fixture->store, "ivanov@romashka.example");
  g_autoptr(CrmCustomer) wang = load_by_email (fixture->store, "wang.xm@example.cn");
  g_autoptr(CrmCustomer) mohammed = load_by_email (fixture->store, "m.alali@example.sa");
  g_autoptr(CrmCustomer) fatima = load_by_email (fixture->store, "fatima@example.ae");

  assert_counts (russian, 2, 0, 0, 0);
  assert_counts (chinese, 2, 0, 0, 0);
  assert_counts (arabic, 2, 0, 0, 0);
  g_assert_cmpuint (crm_import_report_get_problems (arabic)->len, ==, 0);
  assert_customer (ivanov, "Иванов Иван Иванович", "ООО «Ромашка»", "Директор", "Перезвонить в понедельник",
                   "e ivanov@romashka.example \np +7 916 123-45-67 mobile\n||Москва|||\ntags ");
  g_assert_cmpstr (crm_customer_get_owner (ivanov), ==, "Петрова");
  g_assert_cmpstr (crm_customer_get_segment (ivanov), ==, "Крупный бизнес");
  assert_customer (wang, "王小明", "北京科技有限公司", "经理", "2024年展会认识",
                   "e wang.xm@example.cn \np +86 138 0013 8000 mobile\n||北京|||\ntags 重要客户|展会");
  assert_customer (mohammed, "محمد العلي", "شركة النور", "", "عميل منذ 2019",
                   "e m.alali@example.sa \np +966 50 123 4567 mobile\n||الرياض|||السعودية\ntags ");
  g_assert_cmpstr (crm_customer_get_display_name (fatima), ==, "فاطمة حسن");
}

static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct { const char *name, *encoding; int records; } files[] = {
    { "google-contacts.csv", NULL, 3 }, { "outlook-1252.csv", "WINDOWS-1252", 2 },
    { "excel-semicolon.csv", NULL, 2 }, { "russian-1251.csv", "WINDOWS-1251", 2 },
    { "chinese.csv", NULL, 2 }, { "arabic-utf16.txt", NULL, 2 },
  };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (import_file (fixture, files[i].name, files[i].encoding, CRM_IMPORT_UPDATE));
  first = crm_test_database_digest (fixture->path);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(CrmImportReport) report = import_file (fixture, files[i].name, files[i].encoding, CRM_IMPORT_UPDATE);

      assert_counts (report, 0, 0, files[i].records, 0);
    }
  second = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (second, ==, first);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CrmCustomer) anna = crm_customer_new ();
  g_autoptr(CrmContactPoint) phone = crm_contact_point_new (CRM_CONTACT_KIND_PHONE, "+49 30 999", "work", FALSE);
  g_autoptr(CrmContactPoint) email = crm_contact_point_new (CRM_CONTACT_KIND_EMAIL, "anna@example.org", "", TRUE);
  g_autoptr(CrmImportReport) owner = NULL;
  g_autoptr(CrmImportReport) phones = NULL;
  g_autoptr(CrmImportReport) same = NULL;
  g_autoptr(CrmImportReport) skip = NULL;
  g_autoptr(CrmImportReport) as_new = NULL;
  g_autoptr(CrmCustomer) after = NULL;
  g_autoptr(GError) error = NULL;

  crm_customer_set_display_name (anna, "Anna Schmidt");
  crm_customer_set_title (anna, "CEO");
  crm_customer_set_owner (anna, "Bob");
  crm_customer_set_notes (anna, "Met in 2019");
  crm_customer_add_contact_point (anna, phone);
  crm_customer_add_contact_point (anna, email);
  g_assert_true (crm_store_save_customer (fixture->store, anna, &error));

  /* The owner alone changes, which a vCard does not hold: still an
   * update. The empty title cell leaves the title; the phone stays. */
  owner = import_text (fixture, "Name,E-mail,Title,Owner\nAnna Schmidt,anna@example.org,,Carol\n", CRM_IMPORT_UPDATE);
  assert_counts (owner, 0, 1, 0, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers WHERE owner = 'Carol' "
                                       "AND title = 'CEO' AND notes = 'Met in 2019'"), ==, 1);

  /* A file of phones adds to the customer's, found by a differently
   * written address; nothing is wiped. */
  phones = import_text (fixture, "E-mail,Mobile\n ANNA@Example.org ,+49 151 000\n", CRM_IMPORT_UPDATE);
  assert_counts (phones, 0, 1, 0, 0);
  after = load_by_email (fixture->store, "anna@example.org");
  g_assert_cmpuint (crm_customer_get_contact_points (after)->len, ==, 3);
  g_assert_cmpstr (crm_customer_get_display_name (after), ==, "Anna Schmidt");
  same = import_text (fixture, "E-mail,Mobile\nanna@example.org,0049 151 000\n", CRM_IMPORT_UPDATE);
  assert_counts (same, 0, 0, 1, 0);

  skip = import_text (fixture, "E-mail,Title\nanna@example.org,Founder\n", CRM_IMPORT_SKIP);
  assert_counts (skip, 0, 0, 0, 1);
  as_new = import_text (fixture, "E-mail,Title\nanna@example.org,Founder\n", CRM_IMPORT_AS_NEW);
  assert_counts (as_new, 1, 0, 0, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers WHERE title = 'CEO'"), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers"), ==, 2);
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
  g_autoptr(GString) text = g_string_new ("Name,E-mail\r\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportReport) report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_object_unref (import_file (fixture, "google-contacts.csv", NULL, CRM_IMPORT_UPDATE));
  before = crm_test_database_digest (fixture->path);
  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (text, "Customer %u,c%u@example.org\r\n", i, i);
  stream = memory_stream (text->str, text->len);
  report = crm_import_csv (fixture->store, stream, NULL, CRM_IMPORT_UPDATE, cancel_at_progress, cancellable,
                           cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_malformed (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const lines[] = { "line 3: ", "line 4: ", "line 5: ", "line 6: ", "line 10: ", "line 12: " };
  g_autoptr(CrmImportReport) report = import_file (fixture, "malformed.csv", NULL, CRM_IMPORT_UPDATE);
  GPtrArray *problems = crm_import_report_get_problems (report);

  /* What lines up is imported; what may be in the wrong columns, has no
   * name or never ends is not, and every problem says its line. */
  assert_counts (report, 4, 0, 0, 4);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), lines[i]));
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers WHERE display_name IN "
                                       "('Good One', 'Stray \"Quote\" Person', 'Closed late', 'Good Two')"), ==, 4);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers WHERE notes = "
                                       "'multi' || char(10) || 'line note'"), ==, 1);
}

static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const cases[] = { "Shoe size,Colour\n42,red\n", "" };
  g_autoptr(CrmCsvMapping) mapping = crm_csv_mapping_new (2);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CrmCsvOptions options;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) input = memory_stream (cases[i], -1);

      g_assert_null (crm_import_csv (fixture->store, input, NULL, CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_clear_error (&error);
    }

  /* Without a header the user says what the columns hold. */
  crm_csv_options_init (&options);
  options.has_header = FALSE;
  stream = memory_stream ("a@example.org,Ann\nb@example.org,Ben\n", -1);
  g_assert_null (crm_import_csv (fixture->store, stream, &options, CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&stream);
  crm_csv_mapping_set_column (mapping, 0, CRM_CSV_TARGET_EMAIL, NULL, 0);
  crm_csv_mapping_set_column (mapping, 1, CRM_CSV_TARGET_DISPLAY_NAME, NULL, 0);
  options.mapping = mapping;
  stream = memory_stream ("a@example.org,Ann\nb@example.org,Ben\n", -1);
  report = crm_import_csv (fixture->store, stream, &options, CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_counts (report, 2, 0, 0, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers WHERE display_name = 'Ben'"), ==, 1);
}

static char *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

static CrmImportReport *
import_path (CrmStore        *store,
             const char      *path,
             CrmImportPolicy  policy)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);

  g_assert_nonnull (stream);
  return import_stream (store, G_INPUT_STREAM (stream), NULL, policy);
}

static void
test_export_customers (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "customers.csv", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(CrmCustomer) evil = crm_customer_new ();
  g_autoptr(CrmContactPoint) email = crm_contact_point_new (CRM_CONTACT_KIND_EMAIL, "evil@example.org", "", FALSE);
  g_autoptr(CrmStore) other = NULL;
  g_autoptr(CrmCustomer) back = NULL;
  g_autoptr(CrmImportReport) into_other = NULL;
  g_autoptr(CrmImportReport) into_same = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  crm_customer_set_display_name (evil, "=HYPERLINK(\"http://evil.example\",\"click\")");
  crm_customer_set_organization (evil, "@evil");
  crm_customer_set_title (evil, "-2+3+cmd|' /C calc'!A0");
  crm_customer_set_notes (evil, "'t Hooft\n- call back");
  crm_customer_add_contact_point (evil, email);
  g_assert_true (crm_store_save_customer (fixture->store, evil, &error));
  g_assert_true (crm_export_csv_customers (fixture->store, file, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* UTF-8 with a byte-order mark, a header, CRLF, no cell a formula. */
  contents = read_file (csv);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Display Name,Given Name,Family Name,"));
  g_assert_nonnull (strstr (contents, "\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",,,'@evil,"
                                      "'-2+3+cmd|' /C calc'!A0,evil@example.org,"));
  g_assert_nonnull (strstr (contents, ",\"'t Hooft\n- call back\","));

  /* Into another database, everything as it was. */
  other = crm_store_open (other_path, &error);
  g_assert_no_error (error);
  into_other = import_path (other, csv, CRM_IMPORT_UPDATE);
  assert_counts (into_other, 1, 0, 0, 0);
  back = load_by_email (other, "evil@example.org");
  g_assert_cmpstr (crm_customer_get_display_name (back), ==, crm_customer_get_display_name (evil));
  g_assert_cmpstr (crm_customer_get_organization (back), ==, "@evil");
  g_assert_cmpstr (crm_customer_get_title (back), ==, crm_customer_get_title (evil));
  g_assert_cmpstr (crm_customer_get_notes (back), ==, "'t Hooft\n- call back");
  g_assert_cmpstr (crm_customer_get_uid (back), ==, crm_customer_get_uid (evil));

  /* Into the same database, nothing changes. */
  before = crm_test_database_digest (fixture->path);
  into_same = import_path (fixture->store, csv, CRM_IMPORT_UPDATE);
  assert_counts (into_same, 0, 0, 1, 0);
  after = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (after, ==, before);
  crm_test_finalize (g_steal_pointer (&other));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The e-mail addresses and phones of a customer, sorted, one a line. */
static char *
contacts_of (CrmCustomer *customer)
{
  GPtrArray *points = crm_customer_get_contact_points (customer);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < points->len; i++)
    if (crm_contact_point_get_kind (g_ptr_array_index (points, i)) != CRM_CONTACT_KIND_URL)
      g_ptr_array_add (lines, g_strdup (crm_contact_point_get_value (g_ptr_array_index (points, i))));
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* The data rows of an export, each checked: not broken, a customer uid,
 * a time in ISO 8601 UTC. */
static gint64
count_rows (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new (G_INPUT_STREAM (stream), 0, NULL, NULL);
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  gint64 rows = -1;
  char **fields;

  while ((fields = crm_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      g_assert_false (crm_csv_reader_get_record_broken (reader));
      g_assert_cmpstr (fields[2], !=, "");
      if (rows++ >= 0)
        g_assert_true (g_regex_match (iso, fields[1], 0, NULL));
      else
        g_assert_cmpstr (fields[1], ==, "Time (UTC)");
      g_strfreev (fields);
    }
  g_assert_no_error (error);
  return rows;
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (7, 80);
  g_autoptr(CrmCustomerQuery) query = crm_customer_query_new ();
  g_autofree char *csv = g_build_filename (fixture->dir, "all.csv", NULL);
  g_autofree char *touchpoints = g_build_filename (fixture->dir, "touchpoints.csv", NULL);
  g_autofree char *transactions = g_build_filename (fixture->dir, "transactions.csv", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFile) touchpoint_file = g_file_new_for_path (touchpoints);
  g_autoptr(GFile) transaction_file = g_file_new_for_path (transactions);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(CrmImportReport) into_other = NULL;
  g_autoptr(CrmImportReport) into_same = NULL;
  g_autoptr(CrmStore) other = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  crm_demo_generator_set_end_time (generator, 1767225600);
  g_assert_true (crm_demo_generator_run (generator, fixture->store, NULL, NULL, NULL, &error));
  g_assert_true (crm_export_csv_customers (fixture->store, file, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Into another database: the same names, e-mail addresses and phones. */
  other = crm_store_open (other_path, &error);
  g_assert_no_error (error);
  into_other = import_path (other, csv, CRM_IMPORT_AS_NEW);
  assert_counts (into_other, 80, 0, 0, 0);
  g_assert_cmpuint (crm_import_report_get_problems (into_other)->len, ==, 0);
  ids = crm_store_query_customer_ids (fixture->store, query, 0, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 80);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CrmCustomer) original = crm_store_load_customer (fixture->store, g_array_index (ids, gint64, i), NULL);
      g_autoptr(CrmCustomer) copy = crm_store_find_customer_by_uid (other, crm_customer_get_uid (original), &error);
      g_autofree char *original_contacts = contacts_of (original);
      g_autofree char *copy_contacts = NULL;

      g_assert_no_error (error);
      copy_contacts = contacts_of (copy);
      g_assert_cmpstr (crm_customer_get_display_name (copy), ==, crm_customer_get_display_name (original));
      g_assert_cmpstr (crm_customer_get_given_name (copy), ==, crm_customer_get_given_name (original));
      g_assert_cmpstr (crm_customer_get_family_name (copy), ==, crm_customer_get_family_name (original));
      g_assert_cmpstr (crm_customer_get_owner (copy), ==, crm_customer_get_owner (original));
      g_assert_cmpstr (copy_contacts, ==, original_contacts);
    }

  /* Into the same database: nothing changes. */
  before = crm_test_database_digest (fixture->path);
  into_same = import_path (fixture->store, csv, CRM_IMPORT_UPDATE);
  assert_counts (into_same, 0, 0, 80, 0);
  after = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (after, ==, before);

  /* A row for each touchpoint and transaction. */
  g_assert_true (crm_export_csv_touchpoints (fixture->store, touchpoint_file, NULL, NULL, NULL, &error));
  g_assert_true (crm_export_csv_transactions (fixture->store, transaction_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count (fixture->store, CRM_RECORD_TOUCHPOINTS, NULL), >, 80);
  g_assert_cmpint (count_rows (touchpoints), ==, crm_store_count (fixture->store, CRM_RECORD_TOUCHPOINTS, NULL));
  g_assert_cmpint (count_rows (transactions), ==, crm_store_count (fixture->store, CRM_RECORD_TRANSACTIONS, NULL));

  /* Cancelled, an export leaves the file there as it was. */
  g_cancellable_cancel (cancelled);
  g_assert_false (crm_export_csv_touchpoints (fixture->store, transaction_file, NULL, NULL, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_rows (transactions), ==, crm_store_count (fixture->store, CRM_RECORD_TRANSACTIONS, NULL));
  crm_test_finalize (g_steal_pointer (&other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/csv/import/google", Fixture, NULL, crm_store_fixture_set_up, test_import_google, crm_store_fixture_tear_down);
  g_test_add ("/csv/import/outlook", Fixture, NULL, crm_store_fixture_set_up, test_import_outlook, crm_store_fixture_tear_down);
  g_test_add ("/csv/import/excel", Fixture, NULL, crm_store_fixture_set_up, test_import_excel, crm_store_fixture_tear_down);
  g_test_add ("/csv/import/languages", Fixture, NULL, crm_store_fixture_set_up, test_import_languages, crm_store_fixture_tear_down);
  g_test_add ("/csv/import/reimport", Fixture, NULL, crm_store_fixture_set_up, test_reimport, crm_store_fixture_tear_down);
  g_test_add ("/csv/import/update", Fixture, NULL, crm_store_fixture_set_up, test_update, crm_store_fixture_tear_down);
  g_test_add ("/csv/import/cancel", Fixture, NULL, crm_store_fixture_set_up, test_cancel, crm_store_fixture_tear_down);
  g_test_add ("/csv/import/malformed", Fixture, NULL, crm_store_fixture_set_up, test_import_malformed, crm_store_fixture_tear_down);
  g_test_add ("/csv/import/errors", Fixture, NULL, crm_store_fixture_set_up, test_import_errors, crm_store_fixture_tear_down);
  g_test_add ("/csv/export/customers", Fixture, NULL, crm_store_fixture_set_up, test_export_customers, crm_store_fixture_tear_down);
  g_test_add ("/csv/export/round-trip", Fixture, NULL, crm_store_fixture_set_up, test_export_round_trip, crm_store_fixture_tear_down);

  return g_test_run ();
}
