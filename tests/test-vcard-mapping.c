/* test-vcard-mapping.c: cards of the corpus become customers with the
 * values a user expects: names, organizations, every e-mail and phone with
 * its label and preference (Apple's custom labels too), addresses, tags,
 * notes with their escapes resolved, and everything else kept as lines. */
#include <string.h>

#include "crm-vcard-mapping.h"
#include "crm-vcard-reader.h"

/* The customers of a corpus file, in order. */
static GPtrArray *
read_customers (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "vcard-corpus", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
  g_autoptr(CrmVcardReader) reader = NULL;
  GPtrArray *customers = g_ptr_array_new_with_free_func (g_object_unref);
  CrmVcardCard *card;

  g_assert_no_error (error);
  reader = crm_vcard_reader_new (G_INPUT_STREAM (stream));
  while ((card = crm_vcard_reader_next (reader, NULL, &error)) != NULL)
    {
      if (!crm_vcard_card_get_skipped (card))
        g_ptr_array_add (customers, crm_vcard_card_to_customer (card));
      g_object_unref (card);
    }
  g_assert_no_error (error);
  return customers;
}

static CrmContactPoint *
contact (CrmCustomer *customer,
         const char  *value)
{
  GPtrArray *points = crm_customer_get_contact_points (customer);

  for (guint i = 0; i < points->len; i++)
    if (g_str_equal (crm_contact_point_get_value (g_ptr_array_index (points, i)), value))
      return g_ptr_array_index (points, i);
  g_error ("no contact point “%s”", value);
  return NULL;
}

static gboolean
kept (CrmCustomer *customer,
      const char  *prefix)
{
  const char * const *lines = crm_customer_get_vcard_properties (customer);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return TRUE;
  return FALSE;
}

static void
test_escapes (void)
{
  g_autofree char *text = crm_vcard_unescape ("a\\, b\\; c\\\\d\\ne http\\://x");
  g_autoptr(GPtrArray) parts = crm_vcard_split ("Weiß & Partner\\, Rechtsanwälte;Arbeitsrecht\\; Sozialrecht", ';');

  g_assert_cmpstr (text, ==, "a, b; c\\d\ne http://x");
  g_assert_cmpuint (parts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (parts, 0), ==, "Weiß & Partner, Rechtsanwälte");
  g_assert_cmpstr (g_ptr_array_index (parts, 1), ==, "Arbeitsrecht; Sozialrecht");
}

static void
test_apple (void)
{
  g_autoptr(GPtrArray) customers = read_customers ("apple-30-grouped.vcf");
  CrmCustomer *kaethe = g_ptr_array_index (customers, 0);
  CrmCustomer *company = g_ptr_array_index (customers, 1);
  CrmContactPoint *point;

  g_assert_cmpstr (crm_customer_get_display_name (kaethe), ==, "Käthe Weiß");
  g_assert_cmpstr (crm_customer_get_given_name (kaethe), ==, "Käthe");
  g_assert_cmpstr (crm_customer_get_family_name (kaethe), ==, "Weiß");
  g_assert_cmpstr (crm_customer_get_organization (kaethe), ==, "Weiß & Partner, Rechtsanwälte");
  /* The department is not a field: the ORG line is kept for the writer. */
  g_assert_true (kept (kaethe, "ORG:"));

  point = contact (kaethe, "kaethe.weiss@example.de");
  g_assert_true (crm_contact_point_get_preferred (point));
  g_assert_cmpstr (crm_contact_point_get_label (point), ==, "home");
  /* Grouped with a custom label, and with Apple's standard label. */
  g_assert_cmpstr (crm_contact_point_get_label (contact (kaethe, "rechnungen@weiss-partner.example.de")), ==, "Rechnungen");
  g_assert_cmpstr (crm_contact_point_get_label (contact (kaethe, "+49 89 2100 4417")), ==, "Assistant");
  g_assert_cmpstr (crm_contact_point_get_label (contact (kaethe, "+49 171 2345678")), ==, "mobile");
  /* The mis-escaped URL is read as meant. */
  g_assert_cmpint (crm_contact_point_get_kind (contact (kaethe, "http://www.weiss-partner.example.de")), ==,
                   CRM_CONTACT_KIND_URL);

  g_assert_cmpuint (crm_customer_get_addresses (kaethe)->len, ==, 1);
  g_assert_cmpstr (crm_address_get_street (g_ptr_array_index (crm_customer_get_addresses (kaethe), 0)), ==,
                   "Leopoldstraße 12");
  g_assert_cmpstr (crm_address_get_locality (g_ptr_array_index (crm_customer_get_addresses (kaethe), 0)), ==,
                   "München");
  g_assert_true (g_str_has_prefix (crm_customer_get_notes (kaethe), "Mandantin seit 2019, Schwerpunkt Arbeitsrecht; "));
  g_assert_nonnull (strchr (crm_customer_get_notes (kaethe), '\n'));
  g_assert_cmpstr (crm_customer_get_tags (kaethe)[0], ==, "Mandanten");
  g_assert_cmpstr (crm_customer_get_tags (kaethe)[1], ==, "München");

  /* Not modelled, kept: the year-less birthday, the photo, Apple's ids. */
  g_assert_true (kept (kaethe, "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15"));
  g_assert_true (kept (kaethe, "PHOTO;ENCODING=b;TYPE=JPEG:"));
  g_assert_true (kept (kaethe, "item3.X-ABADR:de"));
  g_assert_false (kept (kaethe, "item1.X-ABLABEL"));
  g_assert_false (kept (kaethe, "PRODID"));

  /* An organization card. */
  g_assert_cmpint (crm_customer_get_kind (company), ==, CRM_CUSTOMER_KIND_ORGANIZATION);
  g_assert_cmpstr (crm_customer_get_display_name (company), ==, "Schröder & Söhne GmbH");
  g_assert_cmpstr (crm_contact_point_get_label (contact (company, "+49 40 3344 5599")), ==, "fax");
}

static void
test_outlook (void)
{
  g_autoptr(GPtrArray) customers = read_customers ("outlook-21-qp.vcf");
  gboolean found_windows_1252 = FALSE;

  g_assert_cmpuint (customers->len, ==, 3);
  for (guint i = 0; i < customers->len; i++)
    {
      CrmCustomer *customer = g_ptr_array_index (customers, i);

      found_windows_1252 |= strstr (crm_customer_get_display_name (customer), "Müller") != NULL;
      g_assert_true (g_utf8_validate (crm_customer_get_notes (customer), -1, NULL));
      g_assert_cmpuint (crm_customer_get_contact_points (customer)->len, >, 0);
    }
  /* Windows-1252 quoted-printable names come out as UTF-8. */
  g_assert_true (found_windows_1252);
}

static void
test_thunderbird (void)
{
  g_autoptr(GPtrArray) customers = read_customers ("thunderbird-40.vcf");
  CrmCustomer *bjoern = g_ptr_array_index (customers, 0);

  g_assert_cmpstr (crm_customer_get_display_name (bjoern), ==, "Björn Gößling");
  g_assert_cmpstr (crm_customer_get_uid (bjoern), ==, "urn:uuid:6f2b9a1c-4d3e-4b8f-9a21-7c5e3d1f0b9a");
  g_assert_true (crm_contact_point_get_preferred (contact (bjoern, "bjoern.goessling@studio-nord.example.de")));
  g_assert_false (crm_contact_point_get_preferred (contact (bjoern, "bjoern@goessling.example.net")));
  /* A tel: URI is a phone number. */
  g_assert_cmpstr (crm_contact_point_get_label (contact (bjoern, "+49-30-1234567")), ==, "work");
  g_assert_cmpstr (crm_address_get_po_box (g_ptr_array_index (crm_customer_get_addresses (bjoern), 0)), ==,
                   "Postfach 12 34");
}

static void
test_every_file (void)
{
  static const char * const files[] = {
    "android-21.vcf", "evolution-30.vcf", "google-30.vcf", "nextcloud-sabre-30.vcf", "malformed.vcf",
  };

  /* Every card of every exporter gives a customer with a name. */
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GPtrArray) customers = read_customers (files[f]);

      g_assert_cmpuint (customers->len, >=, 3);
      for (guint i = 0; i < customers->len; i++)
        g_assert_cmpstr (crm_customer_get_display_name (g_ptr_array_index (customers, i)), !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard-mapping/escapes", test_escapes);
  g_test_add_func ("/vcard-mapping/apple", test_apple);
  g_test_add_func ("/vcard-mapping/outlook", test_outlook);
  g_test_add_func ("/vcard-mapping/thunderbird", test_thunderbird);
  g_test_add_func ("/vcard-mapping/every-file", test_every_file);

  return g_test_run ();
}
