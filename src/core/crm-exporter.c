/* crm-exporter.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-exporter.h"

/* Cards written per chunk, and progress told as often. */
#define CHUNK 1000

/**
 * crm_export_vcard:
 *
 * Writes every customer, in name order, as vCard @version to @file. The
 * customers are read one at a time; the file is written through
 * g_file_replace(), which writes a temporary file and renames it over
 * @file only when everything was written, so a full disk or a cancel
 * leaves any existing file as it was.
 */
gboolean
crm_export_vcard (CrmStore         *store,
                  GFile            *file,
                  CrmVcardVersion   version,
                  CrmProgressFunc   progress,
                  gpointer          user_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(CrmCustomerQuery) query = crm_customer_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) chunk = g_string_new (NULL);

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  ids = crm_store_query_customer_ids (store, query, 0, cancellable, error);
  if (ids == NULL)
    return FALSE;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CrmCustomer) customer = crm_store_load_customer (store, g_array_index (ids, gint64, i), error);

      if (customer == NULL)
        goto failed;
      crm_vcard_write_customer (chunk, customer, version);

      if ((i + 1) % CHUNK == 0 || i + 1 == ids->len)
        {
          if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), chunk->str, chunk->len, NULL,
                                          cancellable, error))
            goto failed;
          g_string_truncate (chunk, 0);
          if (progress != NULL)
            progress (i + 1, ids->len, user_data);
        }
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

failed:
  {
    /* Closing after a cancel discards the temporary file; the old one
     * stays. */
    g_autoptr(GCancellable) abandon = g_cancellable_new ();

    g_cancellable_cancel (abandon);
    g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  }
  return FALSE;
}
