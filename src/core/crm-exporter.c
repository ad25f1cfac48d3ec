/* crm-exporter.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-exporter.h"
#include "crm-file-io.h"

/* Customers written per chunk, and progress told as often. */
#define CHUNK 1000

/**
 * crm_export_customers:
 * @ids: (nullable) (element-type gint64): the customers to write, in this
 *   order, or %NULL for every customer in name order
 *
 * Writes customers to @file in @format, atomically: a full disk, a
 * failure or a cancel leaves any existing file as it was.
 */
gboolean
crm_export_customers (CrmStore                *store,
                      GFile                   *file,
                      GArray                  *ids,
                      const CrmCustomerFormat *format,
                      gpointer                 state,
                      CrmProgressFunc          progress,
                      gpointer                 user_data,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  g_autoptr(GArray) all_ids = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GString) chunk = g_string_new (NULL);

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (ids == NULL)
    {
      g_autoptr(CrmCustomerQuery) query = crm_customer_query_new ();

      ids = all_ids = crm_store_query_customer_ids (store, query, 0, cancellable, error);
      if (ids == NULL)
        return FALSE;
    }

  stream = crm_atomic_file_create (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (format->begin != NULL)
    format->begin (state, chunk);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CrmCustomer) customer = crm_store_load_customer (store, g_array_index (ids, gint64, i), error);

      if (customer == NULL)
        goto failed;
      format->customer (state, customer, chunk);

      if ((i + 1) % CHUNK == 0)
        {
          if (!crm_atomic_file_write (stream, chunk, cancellable, error))
            goto failed;
          if (progress != NULL)
            progress (i + 1, ids->len, user_data);
        }
    }
  if (format->end != NULL)
    format->end (state, chunk);
  if (!crm_atomic_file_write (stream, chunk, cancellable, error))
    goto failed;
  if (progress != NULL)
    progress (ids->len, ids->len, user_data);
  return crm_atomic_file_finish (stream, cancellable, error);

failed:
  crm_atomic_file_abandon (stream);
  return FALSE;
}

static void
write_vcard (gpointer     state,
             CrmCustomer *customer,
             GString     *out)
{
  crm_vcard_write_customer (out, customer, GPOINTER_TO_INT (state));
}

/**
 * crm_export_vcard:
 * @ids: (nullable) (element-type gint64): as for crm_export_customers()
 *
 * Writes customers as vCard @version, one file for all of them.
 */
gboolean
crm_export_vcard (CrmStore         *store,
                  GFile            *file,
                  GArray           *ids,
                  CrmVcardVersion   version,
                  CrmProgressFunc   progress,
                  gpointer          user_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  static const CrmCustomerFormat vcard = { NULL, write_vcard, NULL };

  return crm_export_customers (store, file, ids, &vcard, GINT_TO_POINTER (version), progress, user_data,
                               cancellable, error);
}
