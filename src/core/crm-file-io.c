/* crm-file-io.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-file-io.h"

/**
 * crm_stream_get_size:
 *
 * Returns: the size of the file @stream reads, or 0 when it cannot be
 *   known (a pipe, a socket)
 */
guint64
crm_stream_get_size (GInputStream *stream)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), 0);

  if (G_IS_FILTER_INPUT_STREAM (stream))
    return crm_stream_get_size (g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream)));
  if (!G_IS_FILE_INPUT_STREAM (stream))
    return 0;
  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (stream), G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         NULL, NULL);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    return 0;
  return g_file_info_get_size (info);
}

/**
 * crm_atomic_file_create:
 *
 * Opens @file for writing through g_file_replace(), which writes a
 * temporary file and renames it over @file only on
 * crm_atomic_file_finish().
 *
 * Returns: (transfer full) (nullable): the stream, or %NULL with @error set
 */
GOutputStream *
crm_atomic_file_create (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                          cancellable, error));
}

/* Writes @chunk whole and empties it. */
gboolean
crm_atomic_file_write (GOutputStream  *stream,
                       GString        *chunk,
                       GCancellable   *cancellable,
                       GError        **error)
{
  if (!g_output_stream_write_all (stream, chunk->str, chunk->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (chunk, 0);
  return TRUE;
}

/* Puts the new file in place of the old one. */
gboolean
crm_atomic_file_finish (GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  return g_output_stream_close (stream, cancellable, error);
}

/**
 * crm_atomic_file_abandon:
 *
 * Throws away what was written: closing with a cancelled cancellable
 * deletes the temporary file, and any file that was there stays.
 */
void
crm_atomic_file_abandon (GOutputStream *stream)
{
  g_autoptr(GCancellable) abandon = g_cancellable_new ();

  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));

  g_cancellable_cancel (abandon);
  g_output_stream_close (stream, abandon, NULL);
}
