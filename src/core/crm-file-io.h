/* crm-file-io.h: streams for importers and exporters: the size of what is
 * being read, for progress, and files written atomically, so that a full
 * disk or a cancel leaves any existing file as it was. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

guint64        crm_stream_get_size        (GInputStream  *stream);
GOutputStream *crm_atomic_file_create     (GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);
gboolean       crm_atomic_file_write      (GOutputStream *stream,
                                           GString       *chunk,
                                           GCancellable  *cancellable,
                                           GError       **error);
gboolean       crm_atomic_file_finish     (GOutputStream *stream,
                                           GCancellable  *cancellable,
                                           GError       **error);
void           crm_atomic_file_abandon    (GOutputStream *stream);

G_END_DECLS
