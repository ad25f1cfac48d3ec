/* crm-report-pdf.c
 *
 * A laid-out report written as PDF: cairo writes into the temporary file
 * of an atomic replace, in large chunks; a cancel or an error between
 * pages throws the temporary file away and leaves any file already there
 * untouched.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>

#include "crm-file-io.h"
#include "crm-report-layout-private.h"

#define CHUNK_SIZE (256 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *chunk;
  GError        *error;
} PdfWriter;

static cairo_status_t
write_chunk (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  PdfWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  g_string_append_len (writer->chunk, (const char *) data, length);
  if (writer->chunk->len >= CHUNK_SIZE &&
      !crm_atomic_file_write (writer->stream, writer->chunk, writer->cancellable, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
crm_report_layout_write_pdf (CrmReportLayout  *self,
                             GFile            *file,
                             GCancellable     *cancellable,
                             CrmProgressFunc   progress,
                             gpointer          progress_data,
                             GError          **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GString) chunk = NULL;
  PdfWriter writer = { 0, };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = crm_atomic_file_create (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  chunk = g_string_sized_new (CHUNK_SIZE + 4096);
  writer.stream = stream;
  writer.cancellable = cancellable;
  writer.chunk = chunk;

  n_pages = self->pages->len;
  surface = cairo_pdf_surface_create_for_stream (write_chunk, &writer, self->setup.width, self->setup.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, crm_report_get_title (self->report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Touchpoint");
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages && writer.error == NULL; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &writer.error))
        break;
      /* Every page its size, so a viewer or printer never guesses. */
      cairo_pdf_surface_set_size (surface, self->setup.width, self->setup.height);
      crm_report_layout_draw_page (self, cr, page);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (page + 1, n_pages, progress_data);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error == NULL && status != CAIRO_STATUS_SUCCESS)
    g_set_error (&writer.error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
  if (writer.error == NULL && chunk->len > 0)
    crm_atomic_file_write (stream, chunk, cancellable, &writer.error);
  if (writer.error == NULL && !crm_atomic_file_finish (stream, cancellable, &writer.error))
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }
  if (writer.error != NULL)
    {
      crm_atomic_file_abandon (stream);
      g_propagate_error (error, writer.error);
      return FALSE;
    }
  return TRUE;
}
