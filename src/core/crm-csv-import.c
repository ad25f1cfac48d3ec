/* crm-csv-import.c: a CSV file into the store, and a preview of it.
 *
 * A CSV file holds what its columns hold and no more, and an empty cell
 * in a file from another system says "not known here" far more often than
 * "erase this". So an update takes from the file only the fields it has
 * columns for, and of those only the filled cells; contact points and
 * addresses from the file are added to the customer's, not put in their
 * place. A file of e-mail addresses never wipes a customer's phones.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-csv.h"
#include "crm-file-io.h"
#include "crm-utils.h"
#include "crm-vcard-writer.h"

/* The mapping an incoming customer was read with, for the merge, which
 * CrmImporter calls with the two customers only. */
static GQuark
import_mapping_quark (void)
{
  return g_quark_from_static_string ("crm-csv-import-mapping");
}

/* A stored customer the merge changed in ways CrmImporter cannot see. */
static GQuark
import_unsaved_quark (void)
{
  return g_quark_from_static_string ("crm-csv-import-unsaved");
}

/* Defaults: delimiter and columns guessed, UTF-8, a header row. */
void
crm_csv_options_init (CrmCsvOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->has_header = TRUE;
}

void
crm_csv_preview_free (CrmCsvPreview *preview)
{
  if (preview == NULL)
    return;
  g_strfreev (preview->header);
  g_clear_object (&preview->mapping);
  g_clear_pointer (&preview->customers, g_ptr_array_unref);
  g_clear_pointer (&preview->problems, g_ptr_array_unref);
  g_free (preview);
}

static gboolean
has_point (CrmCustomer     *customer,
           CrmContactPoint *point)
{
  GPtrArray *points = crm_customer_get_contact_points (customer);
  CrmContactKind kind = crm_contact_point_get_kind (point);
  char *(*normalize) (const char *) = kind == CRM_CONTACT_KIND_PHONE ? crm_normalize_phone : crm_normalize_email;
  g_autofree char *key = normalize (crm_contact_point_get_value (point));

  for (guint i = 0; i < points->len; i++)
    {
      CrmContactPoint *other = g_ptr_array_index (points, i);
      g_autofree char *other_key = NULL;

      if (crm_contact_point_get_kind (other) != kind)
        continue;
      other_key = normalize (crm_contact_point_get_value (other));
      if (g_str_equal (key, other_key))
        return TRUE;
    }
  return FALSE;
}

/* The file's address goes into the stored one of the same type label (an
 * unlabelled one into the preferred or first), filled parts only; an
 * address of a new type is added. */
static void
merge_address (CrmCustomer *stored,
               CrmAddress  *incoming)
{
  GPtrArray *addresses = crm_customer_get_addresses (stored);
  const char *label = crm_address_get_label (incoming);
  CrmAddress *target = NULL;
  static void (* const setters[]) (CrmAddress *, const char *) = {
    crm_address_set_street, crm_address_set_locality, crm_address_set_region,
    crm_address_set_postal_code, crm_address_set_country,
  };
  const char *parts[] = {
    crm_address_get_street (incoming), crm_address_get_locality (incoming), crm_address_get_region (incoming),
    crm_address_get_postal_code (incoming), crm_address_get_country (incoming),
  };

  for (guint i = 0; i < addresses->len && target == NULL; i++)
    if (g_utf8_collate (crm_address_get_label (g_ptr_array_index (addresses, i)), label) == 0)
      target = g_ptr_array_index (addresses, i);
  for (guint i = 0; i < addresses->len && target == NULL && *label == '\0'; i++)
    if (crm_address_get_preferred (g_ptr_array_index (addresses, i)))
      target = g_ptr_array_index (addresses, i);
  if (target == NULL && *label == '\0' && addresses->len > 0)
    target = g_ptr_array_index (addresses, 0);
  if (target == NULL)
    {
      crm_customer_add_address (stored, incoming);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (*parts[i] != '\0')
      setters[i] (target, parts[i]);
}

typedef struct
{
  CrmCsvTarget   target;
  const char * (*get) (CrmCustomer *);
  void         (*set) (CrmCustomer *, const char *);
  gboolean       in_vcard;   /* compared by CrmImporter */
} TextField;

static const TextField text_fields[] = {
  { CRM_CSV_TARGET_GIVEN_NAME, crm_customer_get_given_name, crm_customer_set_given_name, TRUE },
  { CRM_CSV_TARGET_FAMILY_NAME, crm_customer_get_family_name, crm_customer_set_family_name, TRUE },
  { CRM_CSV_TARGET_ORGANIZATION, crm_customer_get_organization, crm_customer_set_organization, TRUE },
  { CRM_CSV_TARGET_TITLE, crm_customer_get_title, crm_customer_set_title, TRUE },
  { CRM_CSV_TARGET_NOTES, crm_customer_get_notes, crm_customer_set_notes, TRUE },
  { CRM_CSV_TARGET_OWNER, crm_customer_get_owner, crm_customer_set_owner, FALSE },
  { CRM_CSV_TARGET_SEGMENT, crm_customer_get_segment, crm_customer_set_segment, FALSE },
  { CRM_CSV_TARGET_SALES_REGION, crm_customer_get_region, crm_customer_set_region, FALSE },
};

static char *
vcard_text (CrmCustomer *customer)
{
  GString *text = g_string_new (NULL);

  crm_vcard_write_customer (text, customer, CRM_VCARD_VERSION_4_0);
  return g_string_free (text, FALSE);
}

/* The CrmImportMergeFunc of CSV files: see the top of the file. */
static void
merge_csv_fields (CrmCustomer *stored,
                  CrmCustomer *incoming)
{
  CrmCsvMapping *mapping = g_object_get_qdata (G_OBJECT (incoming), import_mapping_quark ());
  g_autofree char *composed = crm_csv_compose_display_name (stored);
  gboolean derived = g_str_equal (composed, crm_customer_get_display_name (stored));
  const char * const *tags = crm_customer_get_tags (incoming);
  GPtrArray *points = crm_customer_get_contact_points (incoming);
  GPtrArray *addresses = crm_customer_get_addresses (incoming);
  g_autofree char *before = NULL;

  g_assert (CRM_IS_CSV_MAPPING (mapping));

  /* CrmImporter tells an update from the vCard of the customer, which has
   * no owner, segment or sales region: a change of those alone it would
   * count as none and not save. Such a customer is marked for
   * crm_import_csv() to save. */
  for (guint i = 0; i < G_N_ELEMENTS (text_fields) && before == NULL; i++)
    {
      const char *value = text_fields[i].get (incoming);

      if (!text_fields[i].in_vcard && crm_csv_mapping_maps (mapping, text_fields[i].target) &&
          *value != '\0' && !g_str_equal (value, text_fields[i].get (stored)))
        before = vcard_text (stored);
    }

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = text_fields[i].get (incoming);

      if (crm_csv_mapping_maps (mapping, text_fields[i].target) && *value != '\0')
        text_fields[i].set (stored, value);
    }

  /* A name the file gives is taken; one composed from the names is
   * composed again if the stored one was composed too, and else the
   * user's own stays. */
  if (crm_csv_mapping_maps (mapping, CRM_CSV_TARGET_DISPLAY_NAME) && !crm_csv_mapping_name_was_composed (incoming))
    crm_customer_set_display_name (stored, crm_customer_get_display_name (incoming));
  else if (derived)
    {
      g_autofree char *name = crm_csv_compose_display_name (stored);

      if (*name != '\0')
        crm_customer_set_display_name (stored, name);
    }

  if (crm_csv_mapping_maps (mapping, CRM_CSV_TARGET_TAGS) && tags[0] != NULL)
    crm_customer_set_tags (stored, tags);
  for (guint i = 0; i < points->len; i++)
    if (!has_point (stored, g_ptr_array_index (points, i)))
      crm_customer_add_contact_point (stored, g_ptr_array_index (points, i));
  for (guint i = 0; i < addresses->len; i++)
    merge_address (stored, g_ptr_array_index (addresses, i));

  if (before != NULL)
    {
      g_autofree char *after = vcard_text (stored);

      if (g_str_equal (before, after))
        g_object_set_qdata_full (G_OBJECT (incoming), import_unsaved_quark (), g_object_ref (stored),
                                 g_object_unref);
    }
}

static gboolean
all_empty (char **fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    for (const char *p = fields[i]; *p; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

/* Reads the header, if the file has one, and settles the mapping: the
 * caller's, or guessed from the header, or, without either, every column
 * ignored (@n_columns of them). */
static CrmCsvMapping *
read_header (CrmCsvReader         *reader,
             const CrmCsvOptions  *options,
             char               ***header,
             GPtrArray            *problems,
             GCancellable         *cancellable,
             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *header_problems;

  if (!options->has_header)
    return options->mapping != NULL ? g_object_ref (options->mapping) : NULL;

  *header = crm_csv_reader_next (reader, cancellable, &local_error);
  if (*header == NULL)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file is empty"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  header_problems = crm_csv_reader_get_problems (reader);
  for (guint i = 0; i < header_problems->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (header_problems, i)));
  if (options->mapping != NULL)
    return g_object_ref (options->mapping);
  return crm_csv_guess_mapping ((const char * const *) *header);
}

/**
 * crm_csv_preview:
 * @options: (nullable): how to read the file; %NULL for the defaults
 * @n_records: how many records to read
 *
 * Reads the start of a file as crm_import_csv() would, without a store:
 * for the user to see the columns as guessed and the customers they give
 * before importing. A mapping that maps nothing useful is no error here:
 * the user is about to choose the columns.
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL with @error
 *   set when the file is empty or cannot be read
 */
CrmCsvPreview *
crm_csv_preview (GInputStream         *stream,
                 const CrmCsvOptions  *options,
                 guint                 n_records,
                 GError              **error)
{
  CrmCsvOptions defaults;
  g_autoptr(CrmCsvReader) reader = NULL;
  g_autoptr(CrmCsvPreview) preview = g_new0 (CrmCsvPreview, 1);
  g_autoptr(GError) read_error = NULL;
  guint n_columns = 0;
  char **fields;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  if (options == NULL)
    {
      crm_csv_options_init (&defaults);
      options = &defaults;
    }
  preview->customers = g_ptr_array_new_with_free_func (g_object_unref);
  preview->problems = g_ptr_array_new_with_free_func (g_free);
  reader = crm_csv_reader_new (stream, options->delimiter, options->encoding, error);
  if (reader == NULL)
    return NULL;
  preview->mapping = read_header (reader, options, &preview->header, preview->problems, NULL, error);
  if (options->has_header && preview->header == NULL)
    return NULL;

  for (guint n = 0; n < n_records && (fields = crm_csv_reader_next (reader, NULL, &read_error)) != NULL; n++)
    {
      g_auto(GStrv) owned = fields;
      GPtrArray *problems = crm_csv_reader_get_problems (reader);
      CrmCustomer *customer;

      n_columns = MAX (n_columns, g_strv_length (fields));
      for (guint i = 0; i < problems->len; i++)
        g_ptr_array_add (preview->problems, g_strdup (g_ptr_array_index (problems, i)));
      if (preview->mapping == NULL)
        preview->mapping = crm_csv_mapping_new (n_columns);
      if (crm_csv_reader_get_record_broken (reader) || all_empty (fields))
        continue;
      customer = crm_csv_mapping_apply (preview->mapping, (const char * const *) fields,
                                        crm_csv_reader_get_record_line (reader), preview->problems);
      if (customer != NULL)
        g_ptr_array_add (preview->customers, customer);
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }

  if (preview->header == NULL)
    {
      GStrvBuilder *names = g_strv_builder_new ();

      if (preview->mapping == NULL)
        preview->mapping = crm_csv_mapping_new (0);
      n_columns = MAX (n_columns, crm_csv_mapping_get_n_columns (preview->mapping));
      for (guint i = 0; i < n_columns; i++)
        {
          g_autofree char *name = g_strdup_printf (_("Column %u"), i + 1);

          g_strv_builder_add (names, name);
        }
      preview->header = g_strv_builder_end (names);
      g_strv_builder_unref (names);
    }
  preview->delimiter = crm_csv_reader_get_delimiter (reader);
  return g_steal_pointer (&preview);
}

/* One record into the importer. */
static gboolean
import_record (CrmImporter    *importer,
               CrmStore       *store,
               CrmCsvReader   *reader,
               CrmCsvMapping  *mapping,
               char          **fields,
               int            *unseen,
               GError        **error)
{
  GPtrArray *problems = crm_csv_reader_get_problems (reader);
  g_autoptr(GPtrArray) record_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrmCustomer) customer = NULL;
  CrmCustomer *unsaved;

  for (guint i = 0; i < problems->len; i++)
    crm_importer_add_problem (importer, g_ptr_array_index (problems, i));
  /* Values that may be in the wrong columns are not imported at all. */
  if (crm_csv_reader_get_record_broken (reader))
    {
      crm_importer_skip (importer);
      return TRUE;
    }
  /* A row of empty cells, as spreadsheets leave at the end, is no record. */
  if (all_empty (fields))
    return TRUE;

  customer = crm_csv_mapping_apply (mapping, (const char * const *) fields,
                                    crm_csv_reader_get_record_line (reader), record_problems);
  for (guint i = 0; i < record_problems->len; i++)
    crm_importer_add_problem (importer, g_ptr_array_index (record_problems, i));
  if (customer == NULL)
    {
      crm_importer_skip (importer);
      return TRUE;
    }

  g_object_set_qdata (G_OBJECT (customer), import_mapping_quark (), mapping);
  if (!crm_importer_add (importer, customer, error))
    return FALSE;
  unsaved = g_object_get_qdata (G_OBJECT (customer), import_unsaved_quark ());
  if (unsaved != NULL)
    {
      if (!crm_store_save_customer (store, unsaved, error))
        return FALSE;
      (*unseen)++;
    }
  return TRUE;
}

/**
 * crm_import_csv:
 * @options: (nullable): how to read the file; %NULL for the defaults
 * @progress: (nullable): told the bytes read so far and the stream's size
 *   when it can be known (a file), else the records read and 0
 *
 * Imports every record of a CSV stream in one transaction, by @policy
 * (see the top of this file for what an update takes). A record that
 * cannot be trusted (a quote never closed, not as many fields as the
 * header) is skipped and reported with its line, like one that gives no
 * name, organization, e-mail address or phone number. A failure of the
 * stream or the store, or cancelling, rolls everything back.
 *
 * Returns: (transfer full) (nullable): what was done, or %NULL with @error
 *   set and nothing changed
 */
CrmImportReport *
crm_import_csv (CrmStore             *store,
                GInputStream         *stream,
                const CrmCsvOptions  *options,
                CrmImportPolicy       policy,
                CrmProgressFunc       progress,
                gpointer              user_data,
                GCancellable         *cancellable,
                GError              **error)
{
  CrmCsvOptions defaults;
  g_autoptr(CrmCsvReader) reader = NULL;
  g_autoptr(CrmCsvMapping) mapping = NULL;
  g_autoptr(CrmImporter) importer = NULL;
  g_autoptr(GPtrArray) header_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) read_error = NULL;
  g_auto(GStrv) header = NULL;
  CrmImportReport *report;
  int unseen = 0;
  char **fields;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  if (options == NULL)
    {
      crm_csv_options_init (&defaults);
      options = &defaults;
    }
  reader = crm_csv_reader_new (stream, options->delimiter, options->encoding, error);
  if (reader == NULL)
    return NULL;
  mapping = read_header (reader, options, &header, header_problems, cancellable, error);
  if (mapping == NULL && (header == NULL && options->has_header))
    return NULL;
  if (mapping == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The file has no header row; choose what its columns hold"));
      return NULL;
    }
  if (!crm_csv_mapping_is_usable (mapping))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("No column holds a name, organization, e-mail address or phone number; "
                             "choose what the columns hold"));
      return NULL;
    }

  importer = crm_importer_new (store, policy);
  crm_importer_set_merge_func (importer, merge_csv_fields);
  crm_importer_set_progress (importer, progress, user_data, crm_stream_get_size (stream));
  if (!crm_importer_begin (importer, error))
    return NULL;
  for (guint i = 0; i < header_problems->len; i++)
    crm_importer_add_problem (importer, g_ptr_array_index (header_problems, i));

  while ((fields = crm_csv_reader_next (reader, cancellable, &read_error)) != NULL)
    {
      g_auto(GStrv) owned = fields;

      if (!import_record (importer, store, reader, mapping, fields, &unseen, error) ||
          !crm_importer_record_done (importer, crm_csv_reader_get_bytes_read (reader), cancellable, error))
        return NULL;
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }

  report = crm_importer_commit (importer, cancellable, error);
  if (report != NULL && unseen > 0)
    {
      crm_import_report_set_unchanged (report, crm_import_report_get_unchanged (report) - unseen);
      crm_import_report_set_updated (report, crm_import_report_get_updated (report) + unseen);
    }
  return report;
}
