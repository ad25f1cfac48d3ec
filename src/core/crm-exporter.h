/* crm-exporter.h: writing customers to files, atomically: the file appears
 * whole or not at all, and an existing file is replaced only once the new
 * one is complete. */
#pragma once

#include "crm-demo-generator.h"
#include "crm-store.h"
#include "crm-vcard-writer.h"

G_BEGIN_DECLS

gboolean crm_export_vcard (CrmStore         *store,
                           GFile            *file,
                           CrmVcardVersion   version,
                           CrmProgressFunc   progress,
                           gpointer          user_data,
                           GCancellable     *cancellable,
                           GError          **error);

G_END_DECLS
