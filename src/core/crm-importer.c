/* crm-importer.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-importer.h"
#include "crm-vcard-mapping.h"
#include "crm-vcard-reader.h"
#include "crm-vcard-writer.h"

/* Progress is told every this many records. */
#define PROGRESS_STEP 1000

/* The stored customer an incoming one is, if any: by uid or an alias of a
 * merged customer, else by an e-mail address, else by a phone number. */
static gint64
find_match (CrmStore     *store,
            CrmCustomer  *incoming,
            GError      **error)
{
  GPtrArray *points = crm_customer_get_contact_points (incoming);

  if (*crm_customer_get_uid (incoming) != '\0')
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CrmCustomer) found = crm_store_find_customer_by_uid (store, crm_customer_get_uid (incoming), &local_error);

      if (found != NULL)
        return crm_customer_get_id (found);
      if (!g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
    }

  for (CrmContactKind kind = CRM_CONTACT_KIND_EMAIL; kind <= CRM_CONTACT_KIND_PHONE; kind++)
    for (guint i = 0; i < points->len; i++)
      {
        CrmContactPoint *point = g_ptr_array_index (points, i);
        gint64 id;

        if (crm_contact_point_get_kind (point) != kind)
          continue;
        id = crm_store_find_customer_by_contact (store, kind, crm_contact_point_get_value (point), error);
        if (id != 0)
          return id;
      }
  return 0;
}

/* What a vCard says about a customer, written as a vCard: equal texts mean
 * the file brings nothing new. */
static char *
vcard_text (CrmCustomer *customer)
{
  GString *text = g_string_new (NULL);

  crm_vcard_write_customer (text, customer, CRM_VCARD_VERSION_4_0);
  return g_string_free (text, FALSE);
}

/* The stored customer with the file's values for everything a vCard holds;
 * what it does not hold (owner, segment, stage, external IDs) stays. */
static void
take_vcard_fields (CrmCustomer *stored,
                   CrmCustomer *incoming)
{
  GPtrArray *points = crm_customer_get_contact_points (incoming);
  GPtrArray *addresses = crm_customer_get_addresses (incoming);

  crm_customer_set_kind (stored, crm_customer_get_kind (incoming));
  crm_customer_set_display_name (stored, crm_customer_get_display_name (incoming));
  crm_customer_set_given_name (stored, crm_customer_get_given_name (incoming));
  crm_customer_set_family_name (stored, crm_customer_get_family_name (incoming));
  crm_customer_set_organization (stored, crm_customer_get_organization (incoming));
  crm_customer_set_title (stored, crm_customer_get_title (incoming));
  crm_customer_set_notes (stored, crm_customer_get_notes (incoming));
  crm_customer_set_tags (stored, crm_customer_get_tags (incoming));
  crm_customer_set_vcard_properties (stored, crm_customer_get_vcard_properties (incoming));
  crm_customer_clear_contact_points (stored);
  for (guint i = 0; i < points->len; i++)
    crm_customer_add_contact_point (stored, g_ptr_array_index (points, i));
  crm_customer_clear_addresses (stored);
  for (guint i = 0; i < addresses->len; i++)
    crm_customer_add_address (stored, g_ptr_array_index (addresses, i));
}

static gboolean
import_customer (CrmStore         *store,
                 CrmCustomer      *incoming,
                 CrmImportPolicy   policy,
                 CrmImportReport  *report,
                 GError          **error)
{
  gint64 match = policy == CRM_IMPORT_AS_NEW ? 0 : find_match (store, incoming, error);
  g_autoptr(CrmCustomer) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (match < 0)
    return FALSE;

  if (match == 0)
    {
      /* A new customer keeps the file's uid unless it is taken. */
      if (policy == CRM_IMPORT_AS_NEW && *crm_customer_get_uid (incoming) != '\0')
        {
          g_autoptr(CrmCustomer) taken = crm_store_find_customer_by_uid (store, crm_customer_get_uid (incoming), NULL);

          if (taken != NULL)
            crm_customer_set_uid (incoming, "");
        }
      if (!crm_store_save_customer (store, incoming, error))
        return FALSE;
      crm_import_report_set_added (report, crm_import_report_get_added (report) + 1);
      return TRUE;
    }

  if (policy == CRM_IMPORT_SKIP)
    {
      crm_import_report_set_skipped (report, crm_import_report_get_skipped (report) + 1);
      return TRUE;
    }

  stored = crm_store_load_customer (store, match, error);
  if (stored == NULL)
    return FALSE;
  before = vcard_text (stored);
  take_vcard_fields (stored, incoming);
  after = vcard_text (stored);
  if (g_str_equal (before, after))
    {
      crm_import_report_set_unchanged (report, crm_import_report_get_unchanged (report) + 1);
      return TRUE;
    }
  if (!crm_store_save_customer (store, stored, error))
    return FALSE;
  crm_import_report_set_updated (report, crm_import_report_get_updated (report) + 1);
  return TRUE;
}

/**
 * crm_import_vcard:
 * @progress: (nullable): told the number of records read so far (the
 *   total is not known while streaming, so it is given as 0)
 *
 * Imports every card of a vCard stream in one transaction. Problems in a
 * card are reported with their line and the rest of the card is imported;
 * a card that cannot be read at all is skipped and reported. A failure of
 * the store, or cancelling, rolls everything back.
 *
 * Returns: (transfer full) (nullable): what was done, or %NULL with @error
 *   set and nothing changed
 */
CrmImportReport *
crm_import_vcard (CrmStore         *store,
                  GInputStream     *stream,
                  CrmImportPolicy   policy,
                  CrmProgressFunc   progress,
                  gpointer          user_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(CrmImportReport) report = crm_import_report_new ();
  g_autoptr(CrmVcardReader) reader = NULL;
  g_autoptr(GError) read_error = NULL;
  CrmVcardCard *card;
  guint64 records = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = crm_vcard_reader_new (stream);
  crm_store_set_cache_size (store, 32);
  if (!crm_store_begin (store, error))
    return NULL;

  while ((card = crm_vcard_reader_next (reader, cancellable, &read_error)) != NULL)
    {
      g_autoptr(CrmVcardCard) owned = card;
      GPtrArray *problems = crm_vcard_card_get_problems (card);

      for (guint i = 0; i < problems->len; i++)
        crm_import_report_add_problem (report, g_ptr_array_index (problems, i));

      if (crm_vcard_card_get_skipped (card))
        crm_import_report_set_skipped (report, crm_import_report_get_skipped (report) + 1);
      else
        {
          g_autoptr(CrmCustomer) customer = crm_vcard_card_to_customer (card);

          if (!import_customer (store, customer, policy, report, error))
            goto failed;
        }

      if (++records % PROGRESS_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto failed;
          if (progress != NULL)
            progress (records, 0, user_data);
        }
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      goto failed;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  if (!crm_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&report);

failed:
  crm_store_rollback (store);
  return NULL;
}
