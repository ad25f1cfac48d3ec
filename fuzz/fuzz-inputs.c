/* fuzz-inputs.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crm-archive.h"
#include "crm-csv.h"
#include "crm-vcard-mapping.h"
#include "crm-vcard-reader.h"
#include "crm-vcard-writer.h"
#include "crm-xcard-reader.h"
#include "crm-xcard-writer.h"
#include "crm-xml-input.h"

#include "fuzz-inputs.h"

/* Borrows @data: the stream lives no longer than the call that made it. */
static GInputStream *
stream_for (const guint8 *data,
            gsize         size)
{
  return g_memory_input_stream_new_from_data (data, size, NULL);
}

static void
assert_utf8 (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    g_error ("Not UTF-8: “%s”", text);
}

/* Whatever the file held, what reaches a customer is UTF-8: it goes on
 * to the database, to Pango and into files that promise UTF-8. */
static void
assert_customer_utf8 (CrmCustomer *customer)
{
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);
  GPtrArray *ids = crm_customer_get_external_ids (customer);
  const char * const *tags = crm_customer_get_tags (customer);
  const char * const *lines = crm_customer_get_vcard_properties (customer);

  assert_utf8 (crm_customer_get_uid (customer));
  assert_utf8 (crm_customer_get_given_name (customer));
  assert_utf8 (crm_customer_get_family_name (customer));
  assert_utf8 (crm_customer_get_display_name (customer));
  assert_utf8 (crm_customer_get_organization (customer));
  assert_utf8 (crm_customer_get_title (customer));
  assert_utf8 (crm_customer_get_notes (customer));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    assert_utf8 (tags[i]);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    assert_utf8 (lines[i]);
  for (guint i = 0; i < points->len; i++)
    {
      assert_utf8 (crm_contact_point_get_value (g_ptr_array_index (points, i)));
      assert_utf8 (crm_contact_point_get_label (g_ptr_array_index (points, i)));
    }
  for (guint i = 0; i < addresses->len; i++)
    {
      CrmAddress *address = g_ptr_array_index (addresses, i);

      assert_utf8 (crm_address_get_label (address));
      assert_utf8 (crm_address_get_po_box (address));
      assert_utf8 (crm_address_get_extended (address));
      assert_utf8 (crm_address_get_street (address));
      assert_utf8 (crm_address_get_locality (address));
      assert_utf8 (crm_address_get_region (address));
      assert_utf8 (crm_address_get_postal_code (address));
      assert_utf8 (crm_address_get_country (address));
    }
  for (guint i = 0; i < ids->len; i++)
    {
      assert_utf8 (crm_external_id_get_system (g_ptr_array_index (ids, i)));
      assert_utf8 (crm_external_id_get_value (g_ptr_array_index (ids, i)));
    }
}

static void
assert_strings_utf8 (GPtrArray *strings)
{
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    assert_utf8 (g_ptr_array_index (strings, i));
}

/* The customer as the writer makes it, read back: one complete card,
 * whatever the customer holds. */
static void
write_and_read_again (CrmCustomer     *customer,
                      CrmVcardVersion  version)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmVcardReader) reader = NULL;
  g_autoptr(CrmVcardCard) card = NULL;
  g_autoptr(CrmVcardCard) extra = NULL;
  g_autoptr(CrmCustomer) again = NULL;
  g_autoptr(GError) error = NULL;

  crm_vcard_write_customer (out, customer, version);
  stream = stream_for ((const guint8 *) out->str, out->len);
  reader = crm_vcard_reader_new (stream);

  card = crm_vcard_reader_next (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  g_assert_true (crm_vcard_card_get_complete (card));
  g_assert_false (crm_vcard_card_get_skipped (card));
  again = crm_vcard_card_to_customer (card);
  g_assert_nonnull (again);

  extra = crm_vcard_reader_next (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (extra);
}

void
crm_fuzz_feed_vcard (const guint8 *data,
                     gsize         size)
{
  g_autoptr(GInputStream) stream = stream_for (data, size);
  g_autoptr(CrmVcardReader) reader = crm_vcard_reader_new (stream);
  g_autoptr(GError) error = NULL;

  /* The loop of crm_import_vcard(), without the store. */
  for (;;)
    {
      g_autoptr(CrmVcardCard) card = crm_vcard_reader_next (reader, NULL, &error);
      g_autoptr(CrmCustomer) customer = NULL;

      if (card == NULL)
        break;
      /* The problems go into the import report the user reads. */
      assert_strings_utf8 (crm_vcard_card_get_problems (card));
      if (crm_vcard_card_get_skipped (card))
        continue;
      customer = crm_vcard_card_to_customer (card);
      assert_customer_utf8 (customer);
      write_and_read_again (customer, CRM_VCARD_VERSION_4_0);
      write_and_read_again (customer, CRM_VCARD_VERSION_3_0);
    }
}

static void
write_xcard_and_read_again (CrmCustomer *customer)
{
  g_autoptr(GPtrArray) customers = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmXcardReader) reader = NULL;
  g_autoptr(CrmVcardCard) card = NULL;
  g_autoptr(CrmVcardCard) extra = NULL;
  g_autoptr(CrmCustomer) again = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (customers, customer);
  out = crm_xcard_write_customers (customers);
  stream = stream_for ((const guint8 *) out, strlen (out));
  reader = crm_xcard_reader_new (stream);

  card = crm_xcard_reader_next (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  g_assert_false (crm_vcard_card_get_skipped (card));
  again = crm_vcard_card_to_customer (card);
  g_assert_nonnull (again);

  extra = crm_xcard_reader_next (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (extra);
}

void
crm_fuzz_feed_xcard (const guint8 *data,
                     gsize         size)
{
  g_autoptr(GInputStream) stream = stream_for (data, size);
  g_autoptr(CrmXcardReader) reader = crm_xcard_reader_new (stream);
  g_autoptr(GError) error = NULL;

  for (;;)
    {
      g_autoptr(CrmVcardCard) card = crm_xcard_reader_next (reader, NULL, &error);
      g_autoptr(CrmCustomer) customer = NULL;

      if (card == NULL)
        break;
      assert_strings_utf8 (crm_vcard_card_get_problems (card));
      if (crm_vcard_card_get_skipped (card))
        continue;
      customer = crm_vcard_card_to_customer (card);
      assert_customer_utf8 (customer);
      write_xcard_and_read_again (customer);
    }
}

void
crm_fuzz_feed_csv (const guint8 *data,
                   gsize         size)
{
  g_autoptr(GInputStream) stream = stream_for (data, size);
  g_autoptr(CrmCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = crm_csv_preview (stream, NULL, G_MAXUINT, &error);
  if (preview == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  for (guint i = 0; preview->header[i] != NULL; i++)
    assert_utf8 (preview->header[i]);
  assert_strings_utf8 (preview->problems);
  for (guint i = 0; i < preview->customers->len; i++)
    assert_customer_utf8 (g_ptr_array_index (preview->customers, i));
}

void
crm_fuzz_feed_xml_input (const guint8 *data,
                         gsize         size)
{
  g_autoptr(GInputStream) stream = stream_for (data, size);
  g_autoptr(CrmXmlInput) input = crm_xml_input_new (stream);
  xmlTextReaderPtr reader = crm_xml_input_get_reader (input);
  g_autoptr(GError) error = NULL;

  while (crm_xml_input_read (input, NULL, &error) == 1)
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        {
          (void) xmlTextReaderConstValue (reader);
          continue;
        }
      (void) xmlTextReaderConstLocalName (reader);
      (void) xmlTextReaderConstNamespaceUri (reader);
      for (int found = xmlTextReaderMoveToFirstAttribute (reader); found == 1;
           found = xmlTextReaderMoveToNextAttribute (reader))
        {
          (void) xmlTextReaderConstLocalName (reader);
          (void) xmlTextReaderConstValue (reader);
        }
      xmlTextReaderMoveToElement (reader);
    }
  (void) crm_xml_input_get_line (input);
}

struct _CrmFuzzArchive
{
  char     *database;
  char     *input;
  char     *output;
  CrmStore *store;
};

static void
remove_database (CrmFuzzArchive *self)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->database, suffixes[i], NULL);

      g_remove (path);
    }
}

static void
open_new_database (CrmFuzzArchive *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->store);
  remove_database (self);
  self->store = crm_store_open (self->database, &error);
  g_assert_no_error (error);
}

/**
 * crm_fuzz_archive_new:
 * @directory: an existing directory of the caller's, best on a tmpfs; the
 *   files made in it are removed by crm_fuzz_archive_free()
 */
CrmFuzzArchive *
crm_fuzz_archive_new (const char *directory)
{
  CrmFuzzArchive *self = g_new0 (CrmFuzzArchive, 1);

  self->database = g_build_filename (directory, "restore.db", NULL);
  self->input = g_build_filename (directory, "input.xml", NULL);
  self->output = g_build_filename (directory, "output.xml", NULL);
  open_new_database (self);
  return self;
}

static void
assert_empty (CrmStore *store)
{
  static const CrmRecordKind kinds[] = { CRM_RECORD_CUSTOMERS, CRM_RECORD_TOUCHPOINTS, CRM_RECORD_TRANSACTIONS };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (crm_store_count (store, kinds[i], &error), ==, 0);
      g_assert_no_error (error);
    }
}

void
crm_fuzz_archive_feed (CrmFuzzArchive *self,
                       const guint8   *data,
                       gsize           size)
{
  g_autoptr(GFile) input = g_file_new_for_path (self->input);
  g_autoptr(GError) error = NULL;

  /* Not atomic and not synced: nothing else reads the file, and the
   * fuzzer makes thousands of them a second. */
  g_file_set_contents_full (self->input, (const char *) data, size, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);

  if (!crm_restore_archive (self->store, input, NULL, NULL, NULL, &error))
    {
      /* All or nothing: a refused archive leaves no row behind, or the
       * next restore would be refused for a database that is not new. */
      g_assert_nonnull (error);
      assert_empty (self->store);
      return;
    }

  /* What was restored must go out again. */
  {
    g_autoptr(GFile) output = g_file_new_for_path (self->output);

    crm_export_archive (self->store, output, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  open_new_database (self);
}

void
crm_fuzz_archive_free (CrmFuzzArchive *self)
{
  g_clear_object (&self->store);
  remove_database (self);
  g_remove (self->input);
  g_remove (self->output);
  g_free (self->database);
  g_free (self->input);
  g_free (self->output);
  g_free (self);
}
