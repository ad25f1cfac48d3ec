/* crm-exporter.h: writing customers to files, atomically: the file appears
 * whole or not at all, and an existing file is replaced only once the new
 * one is complete. Each format says how to begin, write one customer and
 * end; the exporter reads the customers one at a time, so memory stays
 * flat whatever their number. */
#pragma once

#include "crm-demo-generator.h"
#include "crm-store.h"
#include "crm-vcard-writer.h"

G_BEGIN_DECLS

typedef struct
{
  void (*begin)    (gpointer     state,
                    GString     *out);
  void (*customer) (gpointer     state,
                    CrmCustomer *customer,
                    GString     *out);
  void (*end)      (gpointer     state,
                    GString     *out);
} CrmCustomerFormat;

gboolean crm_export_customers (CrmStore                *store,
                               GFile                   *file,
                               GArray                  *ids,
                               const CrmCustomerFormat *format,
                               gpointer                 state,
                               CrmProgressFunc          progress,
                               gpointer                 user_data,
                               GCancellable            *cancellable,
                               GError                 **error);

gboolean crm_export_vcard     (CrmStore                *store,
                               GFile                   *file,
                               GArray                  *ids,
                               CrmVcardVersion          version,
                               CrmProgressFunc          progress,
                               gpointer                 user_data,
                               GCancellable            *cancellable,
                               GError                 **error);

G_END_DECLS
