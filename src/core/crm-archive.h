/* crm-archive.h: the Touchpoint XML archive: everything in a database in
 * one versioned, namespaced file (schema: data/touchpoint-archive.rng). It
 * is the backup and the way to move to another machine: exporting and
 * restoring into a new database gives back an identical one. */
#pragma once

#include "crm-demo-generator.h"
#include "crm-store.h"

G_BEGIN_DECLS

gboolean crm_export_archive  (CrmStore         *store,
                              GFile            *file,
                              CrmProgressFunc   progress,
                              gpointer          user_data,
                              GCancellable     *cancellable,
                              GError          **error);

gboolean crm_restore_archive (CrmStore         *store,
                              GFile            *file,
                              CrmProgressFunc   progress,
                              gpointer          user_data,
                              GCancellable     *cancellable,
                              GError          **error);

G_END_DECLS
