/* test-xcard.c: xCard (RFC 6351) read and written. A document in the
 * style of the RFC's example reads as the same properties its vCard would;
 * every file of the vCard corpus goes to xCard and back without losing a
 * field or a kept line; xCard to vCard to xCard is stable; kept lines xCard
 * has no plain form for come back as they were; reading is streamed.
 * Importing is in test-xcard-import.c. */
#include <stdlib.h>
#include <string.h>

#include "crm-vcard-mapping.h"
#include "crm-vcard-reader.h"
#include "crm-vcard-writer.h"
#include "crm-xcard.h"
#include "crm-xcard-reader.h"
#include "crm-xcard-writer.h"

static const char * const corpus[] = {
  "android-21.vcf", "apple-30-grouped.vcf", "evolution-30.vcf", "google-30.vcf",
  "nextcloud-sabre-30.vcf", "outlook-21-qp.vcf", "thunderbird-40.vcf",
  "malformed.vcf",   /* what could be read of it */
};

/* The cards of an xCard text; none may have problems unless allowed. */
static GPtrArray *
read_cards (const char  *text,
            gboolean     problems_allowed)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (text), strlen (text), g_free);
  g_autoptr(CrmXcardReader) reader = crm_xcard_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GPtrArray *cards = g_ptr_array_new_with_free_func (g_object_unref);
  CrmVcardCard *card;

  while ((card = crm_xcard_reader_next (reader, NULL, &error)) != NULL)
    {
      if (!problems_allowed && crm_vcard_card_get_problems (card)->len > 0)
        g_error ("%s", (char *) g_ptr_array_index (crm_vcard_card_get_problems (card), 0));
      g_assert_true (crm_vcard_card_get_complete (card));
      g_ptr_array_add (cards, card);
    }
  g_assert_no_error (error);
  return cards;
}

static GPtrArray *
read_xcard (const char *text)
{
  g_autoptr(GPtrArray) cards = read_cards (text, FALSE);
  GPtrArray *customers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < cards->len; i++)
    g_ptr_array_add (customers, crm_vcard_card_to_customer (g_ptr_array_index (cards, i)));
  return customers;
}

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

static char *
write_vcard (GPtrArray       *customers,
             CrmVcardVersion  version)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < customers->len; i++)
    crm_vcard_write_customer (out, g_ptr_array_index (customers, i), version);
  return g_string_free (out, FALSE);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Everything a customer holds that a card carries, as text; the kept
 * lines as a set, since N and ORG are written where they belong. */
static char *
describe (CrmCustomer *customer)
{
  GString *text = g_string_new (NULL);
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);
  g_autofree char *tags = g_strjoinv ("|", (char **) crm_customer_get_tags (customer));
  g_auto(GStrv) lines = g_strdupv ((char **) crm_customer_get_vcard_properties (customer));

  g_string_append_printf (text, "uid=%s kind=%d fn=%s given=%s family=%s org=%s title=%s tags=%s\nnote=%s\n",
                          crm_customer_get_uid (customer), crm_customer_get_kind (customer),
                          crm_customer_get_display_name (customer), crm_customer_get_given_name (customer),
                          crm_customer_get_family_name (customer), crm_customer_get_organization (customer),
                          crm_customer_get_title (customer), tags, crm_customer_get_notes (customer));
  for (guint i = 0; i < points->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (points, i);

      g_string_append_printf (text, "contact %d %s [%s]%s\n", crm_contact_point_get_kind (point),
                              crm_contact_point_get_value (point), crm_contact_point_get_label (point),
                              crm_contact_point_get_preferred (point) ? " pref" : "");
    }
  for (guint i = 0; i < addresses->len; i++)
    {
      CrmAddress *address = g_ptr_array_index (addresses, i);

      g_string_append_printf (text, "address %s|%s|%s|%s|%s|%s|%s [%s]%s\n", crm_address_get_po_box (address),
                              crm_address_get_extended (address), crm_address_get_street (address),
                              crm_address_get_locality (address), crm_address_get_region (address),
                              crm_address_get_postal_code (address), crm_address_get_country (address),
                              crm_address_get_label (address), crm_address_get_preferred (address) ? " pref" : "");
    }
  qsort (lines, g_strv_length (lines), sizeof (char *), compare_strings);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (text, "kept %s\n", lines[i]);
  return g_string_free (text, FALSE);
}

static void
assert_same_customers (GPtrArray *expected,
                       GPtrArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *before = describe (g_ptr_array_index (expected, i));
      g_autofree char *after = describe (g_ptr_array_index (actual, i));

      g_assert_cmpstr (after, ==, before);
    }
}

static CrmVcardProperty *
find (CrmVcardCard *card,
      const char   *name,
      guint         nth)
{
  GPtrArray *properties = crm_vcard_card_get_properties (card);

  for (guint i = 0; i < properties->len; i++)
    if (g_str_equal (crm_vcard_property_get_name (g_ptr_array_index (properties, i)), name) && nth-- == 0)
      return g_ptr_array_index (properties, i);
  g_error ("no %s", name);
  return NULL;
}

/* A property as a line, to compare with what a vCard 4.0 reader gives. */
static void
assert_line (CrmVcardCard *card,
             const char   *name,
             guint         nth,
             const char   *line)
{
  g_autofree char *serialized = crm_vcard_property_serialize (find (card, name, nth));

  g_assert_cmpstr (serialized, ==, line);
}

/* Built like the example of RFC 6351 section 4, with a person of our own,
 * and what the RFC's example leaves out: a group, a list, an extension
 * of each kind, every value type. */
static const char example[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\" xmlns:ext=\"http://example.com/ns/crm\">\n"
  "  <vcard>\n"
  "    <fn><text>Marie-Hélène Lafleur</text></fn>\n"
  "    <n>\n"
  "      <surname>Lafleur</surname>\n"
  "      <given>Marie-Hélène</given>\n"
  "      <additional/>\n"
  "      <prefix>Dr.</prefix>\n"
  "      <suffix>ing.</suffix>\n"
  "      <suffix>M.Sc.</suffix>\n"
  "    </n>\n"
  "    <bday><date>--0417</date></bday>\n"
  "    <anniversary><date-time>20120630T1500-0400</date-time></anniversary>\n"
  "    <gender><sex>F</sex></gender>\n"
  "    <lang><parameters><pref><integer>1</integer></pref></parameters><language-tag>fr</language-tag></lang>\n"
  "    <lang><parameters><pref><integer>2</integer></pref></parameters><language-tag>en</language-tag></lang>\n"
  "    <org><parameters><type><text>work</text></type></parameters><text>Érablière Lafleur, Inc.</text>"
  "<text>Ventes; Export</text></org>\n"
  "    <adr>\n"
  "      <parameters>\n"
  "        <type><text>work</text></type>\n"
  "        <label><text>Marie-Hélène Lafleur\n1200 rue Sherbrooke, bureau 4\nMontréal QC H3A 1G1</text></label>\n"
  "      </parameters>\n"
  "      <pobox/>\n"
  "      <ext>bureau 4</ext>\n"
  "      <street>1200 rue Sherbrooke</street>\n"
  "      <locality>Montréal</locality>\n"
  "      <region>QC</region>\n"
  "      <code>H3A 1G1</code>\n"
  "      <country>Canada</country>\n"
  "    </adr>\n"
  "    <tel><parameters><type><text>work</text><text>voice</text></type></parameters>"
  "<uri>tel:+1-514-555-0142;ext=12</uri></tel>\n"
  "    <tel><parameters><type><text>cell</text></type><pref><integer>1</integer></pref></parameters>"
  "<text>+1 438 555 0199</text></tel>\n"
  "    <email><parameters><type><text>work</text></type></parameters><text>mh.lafleur@erabliere.example</text></email>\n"
  "    <group name=\"item1\">\n"
  "      <email><text>factures@erabliere.example</text></email>\n"
  "      <x-ablabel><text>Factures</text></x-ablabel>\n"
  "    </group>\n"
  "    <geo><parameters><type><text>work</text></type></parameters><uri>geo:45.504,-73.577</uri></geo>\n"
  "    <key><parameters><type><text>work</text></type></parameters><uri>https://erabliere.example/key.asc</uri></key>\n"
  "    <tz><utc-offset>-0500</utc-offset></tz>\n"
  "    <url><parameters><type><text>home</text></type></parameters><uri>https://lafleur.example</uri></url>\n"
  "    <nickname><text>Marie</text><text>MH</text></nickname>\n"
  "    <categories><text>sirop</text><text>export, Europe</text></categories>\n"
  "    <note><text>Rencontrée au salon; préfère le courriel.\nÀ rappeler en mai.</text></note>\n"
  "    <rev><timestamp>20240115T093012Z</timestamp></rev>\n"
  "    <uid><uri>urn:uuid:5c1bb3e0-3f6a-4d1c-9a7e-0c2d4b8e9f10</uri></uid>\n"
  "    <x-score><parameters><x-scale><text>5</text></x-scale></parameters><integer>4</integer></x-score>\n"
  "    <x-vip><boolean>true</boolean></x-vip>\n"
  "    <x-discount><float>2.5</float></x-discount>\n"
  "    <ext:loyalty ext:tier=\"gold\" xml:lang=\"fr\"><ext:since>2019</ext:since> depuis toujours</ext:loyalty>\n"
  "  </vcard>\n"
  "</vcards>\n";

static void
test_rfc_example (void)
{
  g_autoptr(GPtrArray) cards = read_cards (example, FALSE);
  CrmVcardCard *card = g_ptr_array_index (cards, 0);
  g_autoptr(CrmCustomer) customer = crm_vcard_card_to_customer (card);
  GPtrArray *points = crm_customer_get_contact_points (customer);
  CrmAddress *address;

  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (crm_vcard_card_get_version (card), ==, "4.0");
  g_assert_cmpuint (crm_vcard_card_get_first_line (card), ==, 3);

  /* Each property as a vCard 4.0 reader gives the same card. */
  assert_line (card, "FN", 0, "FN:Marie-Hélène Lafleur");
  assert_line (card, "N", 0, "N:Lafleur;Marie-Hélène;;Dr.;ing.,M.Sc.");
  assert_line (card, "BDAY", 0, "BDAY:--0417");
  assert_line (card, "ANNIVERSARY", 0, "ANNIVERSARY:20120630T1500-0400");
  assert_line (card, "GENDER", 0, "GENDER:F");
  assert_line (card, "LANG", 1, "LANG;PREF=2:en");
  assert_line (card, "ORG", 0, "ORG;TYPE=WORK:Érablière Lafleur\\, Inc.;Ventes\\; Export");
  assert_line (card, "ADR", 0, "ADR;TYPE=WORK;LABEL=\"Marie-Hélène Lafleur^n1200 rue Sherbrooke, bureau 4^n"
                               "Montréal QC H3A 1G1\":;bureau 4;1200 rue Sherbrooke;Montréal;QC;H3A 1G1;Canada");
  assert_line (card, "TEL", 0, "TEL;TYPE=WORK,VOICE;VALUE=uri:tel:+1-514-555-0142;ext=12");
  assert_line (card, "TEL", 1, "TEL;TYPE=CELL;PREF=1:+1 438 555 0199");
  assert_line (card, "EMAIL", 1, "item1.EMAIL:factures@erabliere.example");
  assert_line (card, "X-ABLABEL", 0, "item1.X-ABLABEL:Factures");
  assert_line (card, "GEO", 0, "GEO;TYPE=WORK:geo:45.504,-73.577");
  assert_line (card, "TZ", 0, "TZ;VALUE=utc-offset:-0500");
  assert_line (card, "NICKNAME", 0, "NICKNAME:Marie,MH");
  assert_line (card, "CATEGORIES", 0, "CATEGORIES:sirop,export\\, Europe");
  assert_line (card, "NOTE", 0, "NOTE:Rencontrée au salon; préfère le courriel.\\nÀ rappeler en mai.");
  assert_line (card, "REV", 0, "REV:20240115T093012Z");
  assert_line (card, "X-SCORE", 0, "X-SCORE;X-SCALE=5;VALUE=integer:4");
  assert_line (card, "X-VIP", 0, "X-VIP;VALUE=boolean:true");
  assert_line (card, "X-DISCOUNT", 0, "X-DISCOUNT;VALUE=float:2.5");
  /* The element of another namespace, in RFC 6350's XML property. */
  assert_line (card, "XML", 0, "XML:<ext:loyalty xmlns:ext=\"http://example.com/ns/crm\" ext:tier=\"gold\" "
                               "xml:lang=\"fr\"><ext:since>2019</ext:since> depuis toujours</ext:loyalty>");
  g_assert_cmpuint (crm_vcard_property_get_line_number (find (card, "TZ", 0)), ==, 43);

  /* And the customer the mapping makes of it. */
  g_assert_cmpstr (crm_customer_get_display_name (customer), ==, "Marie-Hélène Lafleur");
  g_assert_cmpstr (crm_customer_get_family_name (customer), ==, "Lafleur");
  g_assert_cmpstr (crm_customer_get_organization (customer), ==, "Érablière Lafleur, Inc.");
  g_assert_cmpstr (crm_customer_get_notes (customer), ==, "Rencontrée au salon; préfère le courriel.\nÀ rappeler en mai.");
  g_assert_cmpstr (crm_customer_get_uid (customer), ==, "urn:uuid:5c1bb3e0-3f6a-4d1c-9a7e-0c2d4b8e9f10");
  g_assert_cmpstr (crm_customer_get_tags (customer)[1], ==, "export, Europe");
  g_assert_cmpuint (points->len, ==, 5);
  g_assert_cmpstr (crm_contact_point_get_value (g_ptr_array_index (points, 0)), ==, "+1-514-555-0142;ext=12");
  g_assert_true (crm_contact_point_get_preferred (g_ptr_array_index (points, 1)));
  g_assert_cmpstr (crm_contact_point_get_label (g_ptr_array_index (points, 1)), ==, "mobile");
  g_assert_cmpstr (crm_contact_point_get_label (g_ptr_array_index (points, 3)), ==, "Factures");
  g_assert_cmpstr (crm_contact_point_get_value (g_ptr_array_index (points, 4)), ==, "https://lafleur.example");
  address = g_ptr_array_index (crm_customer_get_addresses (customer), 0);
  g_assert_cmpstr (crm_address_get_locality (address), ==, "Montréal");
  g_assert_cmpstr (crm_address_get_label (address), ==, "work");

  /* Written and read again, the customer is the same. */
  {
    g_autoptr(GPtrArray) customers = g_ptr_array_new ();
    g_autofree char *written = NULL;
    g_autoptr(GPtrArray) again = NULL;

    g_ptr_array_add (customers, customer);
    written = crm_xcard_write_customers (customers);
    again = read_xcard (written);
    assert_same_customers (customers, again);
  }
}

/* Every corpus file: vCard to customers to xCard to customers, the same;
 * written again, the same document. */
static void
test_corpus_file (gconstpointer data)
{
  g_autoptr(GPtrArray) original = read_corpus (data);
  g_autofree char *written = crm_xcard_write_customers (original);
  g_autoptr(GPtrArray) again = read_xcard (written);
  g_autofree char *rewritten = crm_xcard_write_customers (again);

  if (g_test_verbose ())
    g_printerr ("%s", written);
  assert_same_customers (original, again);
  g_assert_cmpstr (rewritten, ==, written);
}

/* xCard to vCard to xCard: with 3.0 nothing changes; 4.0 turns base64
 * pictures into data: URIs once, and after that nothing changes. */
static void
test_through_vcard (gconstpointer data)
{
  g_autoptr(GPtrArray) original = read_corpus (data);
  g_autofree char *first = crm_xcard_write_customers (original);

  for (CrmVcardVersion version = CRM_VCARD_VERSION_4_0; version <= CRM_VCARD_VERSION_3_0; version++)
    {
      g_autoptr(GPtrArray) from_xcard = read_xcard (first);
      g_autofree char *vcard = write_vcard (from_xcard, version);
      g_autoptr(GPtrArray) from_vcard = read_vcard (vcard, strlen (vcard));
      g_autofree char *second = crm_xcard_write_customers (from_vcard);

      if (version == CRM_VCARD_VERSION_3_0)
        g_assert_cmpstr (second, ==, first);
      else
        {
          g_autoptr(GPtrArray) again = read_xcard (second);
          g_autofree char *vcard_again = write_vcard (again, version);
          g_autoptr(GPtrArray) from_vcard_again = read_vcard (vcard_again, strlen (vcard_again));
          g_autofree char *third = crm_xcard_write_customers (from_vcard_again);

          g_assert_cmpstr (third, ==, second);
        }
    }
}

/* Kept lines xCard has no simple form for still come back as they were. */
static void
test_kept_lines (void)
{
  static const char * const lines[] = {
    "N;SORT-AS=\"Lafleur,Marie\":Lafleur;Marie;Anne,Sophie;Dr.;",
    "ORG:;Ventes;Export",
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ==",
    "BDAY;VALUE=text:vers 1970",
    "BDAY:T102200Z",
    "X-ABUID:8C1F3E2A\\:ABPerson",
    "NOTE:une seconde note, avec des virgules non échappées",
    "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Jingjing;1;;;;;;;;;;;;;",
    "item7.X-ABDATE;TYPE=PREF:2010-06-12",
    "X-PARAM;X-TEXT=\"a^nb, c\":value",
    "1X-STRANGE:not an XML name",
    "my group.X-GROUPED:a group vCard does not allow",
    "X-EMPTY;X-FLAG=:",
    "GENDER:M;he/him",
    "CLIENTPIDMAP:1;urn:uuid:3df403f4-5924-4bb7-b077-3c711d9eb34b",
    "XML:<a xmlns=\"http://example.com/a\"><b c=\"d\">e\\, f</b></a>",
    "XML:<not-namespaced>text</not-namespaced>",
    "XML:not XML at all",
    "X-CONTROL:bell\x07here",
    NULL,
  };
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GPtrArray) customers = g_ptr_array_new ();
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) again = NULL;
  const char * const *kept;

  crm_customer_set_display_name (customer, "Marie Lafleur");
  crm_customer_set_family_name (customer, "Lafleur");
  crm_customer_set_given_name (customer, "Marie");
  crm_customer_set_notes (customer, "La première note");
  crm_customer_set_vcard_properties (customer, lines);
  g_ptr_array_add (customers, customer);

  written = crm_xcard_write_customers (customers);
  if (g_test_verbose ())
    g_printerr ("%s", written);
  /* The XML property is the element itself, in its namespace. */
  g_assert_nonnull (strstr (written, "<a xmlns=\"http://example.com/a\"><b c=\"d\">e, f</b></a>"));
  g_assert_nonnull (strstr (written, "<bday><time>102200Z</time></bday>"));

  cards = read_cards (written, FALSE);
  again = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (again, crm_vcard_card_to_customer (g_ptr_array_index (cards, 0)));
  kept = crm_customer_get_vcard_properties (g_ptr_array_index (again, 0));
  /* Everything but the control character, which XML cannot hold. */
  g_assert_cmpuint (g_strv_length ((char **) kept), ==, g_strv_length ((char **) lines));
  for (guint i = 0; lines[i] != NULL; i++)
    if (strchr (lines[i], '\x07') == NULL)
      g_assert_true (g_strv_contains (kept, lines[i]));
  g_assert_true (g_strv_contains (kept, "X-CONTROL:bellhere"));
}

static void
test_streaming (void)
{
  g_autoptr(GString) text = g_string_new ("<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\">\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmXcardReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  CrmVcardCard *card;
  guint count = 0;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "<vcard><fn><text>Customer %u</text></fn>"
                                  "<email><text>c%u@example.org</text></email></vcard>\n", i, i);
  g_string_append (text, "</vcards>\n");
  stream = g_memory_input_stream_new_from_data (text->str, text->len, NULL);
  reader = crm_xcard_reader_new (stream);

  card = crm_xcard_reader_next (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_xcard_reader_get_bytes_read (reader), <, 64 * 1024);
  g_assert_cmpuint (text->len, >, 1024 * 1024);
  g_object_unref (card);
  while ((card = crm_xcard_reader_next (reader, NULL, &error)) != NULL)
    {
      count++;
      g_object_unref (card);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 19999);
  g_assert_cmpuint (crm_xcard_reader_get_bytes_read (reader), ==, text->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xcard/rfc-example", test_rfc_example);
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *round_trip = g_strdup_printf ("/xcard/round-trip/%s", corpus[i]);
      g_autofree char *through = g_strdup_printf ("/xcard/through-vcard/%s", corpus[i]);

      g_test_add_data_func (round_trip, corpus[i], test_corpus_file);
      g_test_add_data_func (through, corpus[i], test_through_vcard);
    }
  g_test_add_func ("/xcard/kept-lines", test_kept_lines);
  g_test_add_func ("/xcard/streaming", test_streaming);

  return g_test_run ();
}
