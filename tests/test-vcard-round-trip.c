/* test-vcard-round-trip.c: a file that goes in and comes out again loses
 * nothing. Every corpus file is read, written as vCard 3.0 and 4.0, and
 * read again; the customers must be the same, down to the kept lines. The
 * writer's folding never splits a character and never passes 75 octets. */
#include <stdlib.h>
#include <string.h>

#include "crm-vcard-mapping.h"
#include "crm-vcard-reader.h"
#include "crm-vcard-writer.h"

static GPtrArray *
read_text (const char *text,
           gsize       length)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_memdup2 (text, length), length, g_free);
  g_autoptr(CrmVcardReader) reader = crm_vcard_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GPtrArray *customers = g_ptr_array_new_with_free_func (g_object_unref);
  CrmVcardCard *card;

  while ((card = crm_vcard_reader_next (reader, NULL, &error)) != NULL)
    {
      g_assert_cmpuint (crm_vcard_card_get_problems (card)->len, ==, 0);
      g_ptr_array_add (customers, crm_vcard_card_to_customer (card));
      g_object_unref (card);
    }
  g_assert_no_error (error);
  return customers;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Everything a customer holds, as text, for comparing. */
static char *
describe (CrmCustomer *customer,
          gboolean     with_kept_lines)
{
  GString *text = g_string_new (NULL);
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);
  g_autofree char *tags = g_strjoinv ("|", (char **) crm_customer_get_tags (customer));

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
      g_autofree char *line = crm_address_format (g_ptr_array_index (addresses, i));

      g_string_append_printf (text, "address %s [%s]\n", line, crm_address_get_label (g_ptr_array_index (addresses, i)));
    }
  /* The kept lines as a set: N and ORG are written where they belong, so
   * a kept one comes back at another place among them. */
  if (with_kept_lines)
    {
      g_auto(GStrv) lines = g_strdupv ((char **) crm_customer_get_vcard_properties (customer));

      qsort (lines, g_strv_length (lines), sizeof (char *), compare_strings);
      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (text, "kept %s\n", lines[i]);
    }
  return g_string_free (text, FALSE);
}

static void
check_folding (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      /* A fold never leaves half a character behind. */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
}

static void
test_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "vcard-corpus", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) original = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (contents, length, NULL);
    g_autoptr(CrmVcardReader) reader = crm_vcard_reader_new (stream);
    CrmVcardCard *card;

    original = g_ptr_array_new_with_free_func (g_object_unref);
    while ((card = crm_vcard_reader_next (reader, NULL, NULL)) != NULL)
      {
        g_ptr_array_add (original, crm_vcard_card_to_customer (card));
        g_object_unref (card);
      }
  }

  for (CrmVcardVersion version = CRM_VCARD_VERSION_4_0; version <= CRM_VCARD_VERSION_3_0; version++)
    {
      g_autoptr(GString) written = g_string_new (NULL);
      g_autoptr(GPtrArray) again = NULL;
      g_autoptr(GString) rewritten = g_string_new (NULL);
      g_autoptr(GPtrArray) third = NULL;

      for (guint i = 0; i < original->len; i++)
        crm_vcard_write_customer (written, g_ptr_array_index (original, i), version);
      check_folding (written->str);
      again = read_text (written->str, written->len);
      g_assert_cmpuint (again->len, ==, original->len);

      for (guint i = 0; i < original->len; i++)
        {
          /* In 3.0 the kept lines come back as they were; 4.0 turns
           * base64 pictures into data: URIs, so there the fields are
           * compared, and a second round must change nothing. */
          gboolean lines = version == CRM_VCARD_VERSION_3_0;
          g_autofree char *before = describe (g_ptr_array_index (original, i), lines);
          g_autofree char *after = describe (g_ptr_array_index (again, i), lines);

          g_assert_cmpstr (after, ==, before);
          g_assert_cmpuint (g_strv_length ((char **) crm_customer_get_vcard_properties (g_ptr_array_index (again, i))), ==,
                            g_strv_length ((char **) crm_customer_get_vcard_properties (g_ptr_array_index (original, i))));
        }

      for (guint i = 0; i < again->len; i++)
        crm_vcard_write_customer (rewritten, g_ptr_array_index (again, i), version);
      g_assert_cmpstr (rewritten->str, ==, written->str);
      third = read_text (rewritten->str, rewritten->len);
      g_assert_cmpuint (third->len, ==, again->len);
    }
}

static void
test_folding_utf8 (void)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) back = NULL;

  /* 3-byte characters that cannot all fit on 75-octet lines evenly. */
  crm_customer_set_display_name (customer, "王静怡");
  crm_customer_set_notes (customer, "客户很满意，希望下个月再次讨论年度合同的续签事宜；请提前准备报价单和产品演示，并邀请技术团队参加会议。谢谢！");
  crm_vcard_write_customer (out, customer, CRM_VCARD_VERSION_4_0);
  check_folding (out->str);
  back = read_text (out->str, out->len);
  g_assert_cmpstr (crm_customer_get_notes (g_ptr_array_index (back, 0)), ==, crm_customer_get_notes (customer));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const files[] = {
    "android-21.vcf", "apple-30-grouped.vcf", "evolution-30.vcf", "google-30.vcf",
    "nextcloud-sabre-30.vcf", "outlook-21-qp.vcf", "thunderbird-40.vcf",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *test = g_strdup_printf ("/vcard-round-trip/%s", files[i]);

      g_test_add_data_func (test, files[i], test_file);
    }
  g_test_add_func ("/vcard-round-trip/folding-utf8", test_folding_utf8);

  return g_test_run ();
}
