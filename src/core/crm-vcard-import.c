/* crm-vcard-import.c: a vCard file into the store.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-file-io.h"
#include "crm-importer.h"
#include "crm-vcard-mapping.h"
#include "crm-vcard-reader.h"

/* Imports one card: its problems go into the report, a card that could
 * not be read is counted as skipped. */
static gboolean
add_card (CrmImporter   *importer,
          CrmVcardCard  *card,
          guint64        position,
          GCancellable  *cancellable,
          GError       **error)
{
  GPtrArray *problems = crm_vcard_card_get_problems (card);

  for (guint i = 0; i < problems->len; i++)
    crm_importer_add_problem (importer, g_ptr_array_index (problems, i));

  if (crm_vcard_card_get_skipped (card))
    crm_importer_skip (importer);
  else
    {
      g_autoptr(CrmCustomer) customer = crm_vcard_card_to_customer (card);

      if (!crm_importer_add (importer, customer, error))
        return FALSE;
    }
  return crm_importer_record_done (importer, position, cancellable, error);
}

/**
 * crm_import_cards:
 * @reader: a vCard or xCard reader of @stream
 * @next: reads @reader's next card
 * @position: how far into @stream @reader is, for progress
 *
 * Imports every card a reader gives, in one transaction: what vCard and
 * xCard imports share.
 */
CrmImportReport *
crm_import_cards (CrmStore          *store,
                  GInputStream      *stream,
                  gpointer           reader,
                  CrmCardReadFunc    next,
                  CrmCardPositionFunc position,
                  CrmImportPolicy    policy,
                  CrmProgressFunc    progress,
                  gpointer           user_data,
                  GCancellable      *cancellable,
                  GError           **error)
{
  g_autoptr(CrmImporter) importer = crm_importer_new (store, policy);
  g_autoptr(GError) read_error = NULL;
  CrmVcardCard *card;

  crm_importer_set_progress (importer, progress, user_data, crm_stream_get_size (stream));
  if (!crm_importer_begin (importer, error))
    return NULL;

  /* Returning drops the importer, which rolls back what it began. */
  while ((card = next (reader, cancellable, &read_error)) != NULL)
    {
      g_autoptr(CrmVcardCard) owned = card;

      if (!add_card (importer, card, position (reader), cancellable, error))
        return NULL;
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }
  return crm_importer_commit (importer, cancellable, error);
}

/**
 * crm_import_vcard:
 * @progress: (nullable): told the bytes read so far and the stream's size
 *   when it can be known (a file), else the records read and 0
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
  g_autoptr(CrmVcardReader) reader = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = crm_vcard_reader_new (stream);
  return crm_import_cards (store, stream, reader, (CrmCardReadFunc) crm_vcard_reader_next,
                           (CrmCardPositionFunc) crm_vcard_reader_get_bytes_read, policy, progress, user_data,
                           cancellable, error);
}
