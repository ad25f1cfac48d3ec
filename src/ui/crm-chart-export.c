/* crm-chart-export.c
 *
 * The chart is drawn on the window's thread, as for a frame, into
 * memory; only writing the file runs on a worker.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "crm-chart-export.h"
#include "crm-file-chooser.h"
#include "crm-file-io.h"

/* PNG pixels per point: sharp on paper and on high-density screens. */
#define PNG_SCALE 2.0

CrmChartExportFormat
crm_chart_export_format_for_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".svg") ? CRM_CHART_EXPORT_SVG : CRM_CHART_EXPORT_PNG;
}

static cairo_status_t
append_to_buffer (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
crm_chart_export_render (CrmChartViewDrawFunc  draw,
                         gpointer              user_data,
                         const CrmRenderStyle *style,
                         double                width,
                         double                height,
                         CrmChartExportFormat  format,
                         GError              **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  CrmColor background = crm_render_style_get_background (style);
  cairo_t *cr;

  g_return_val_if_fail (draw != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (format == CRM_CHART_EXPORT_SVG)
    surface = cairo_svg_surface_create_for_stream (append_to_buffer, buffer, width, height);
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * PNG_SCALE), (int) (height * PNG_SCALE));
      cairo_surface_set_device_scale (surface, PNG_SCALE, PNG_SCALE);
    }
  cr = cairo_create (surface);
  /* The chart's own background: a picture pasted into a document keeps
   * the colours it was drawn against. */
  cairo_set_source_rgba (cr, background.red, background.green, background.blue, background.alpha);
  cairo_paint (cr);
  draw (cr, style, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == CRM_CHART_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_buffer, buffer);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The chart could not be drawn: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

gboolean
crm_chart_export_write (GFile         *file,
                        GBytes        *bytes,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GString) chunk = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  stream = crm_atomic_file_create (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  chunk = g_string_new_len (data, size);
  if (!crm_atomic_file_write (stream, chunk, cancellable, error) ||
      !crm_atomic_file_finish (stream, cancellable, error))
    {
      crm_atomic_file_abandon (stream);
      return FALSE;
    }
  return TRUE;
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (crm_chart_export_write (G_FILE (source), task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_message (GtkWidget  *widget,
              const char *heading,
              const char *body,
              gboolean    error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!error && overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (heading));
      return;
    }
  {
    GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GtkWidget) view = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: a toast after a chart was exported; %s is a file name. */
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

      show_message (view, text, NULL, FALSE);
    }
  else
    {
      g_autofree char *path = g_file_get_parse_name (G_FILE (source));
      /* Translators: %s is the file the chart could not be written to. */
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), path);

      show_message (view, heading, error->message, TRUE);
    }
}

static void
on_chosen (GFile    *file,
           gpointer  data)
{
  g_autoptr(CrmChartView) view = data;
  CrmChartViewDrawFunc draw;
  gpointer user_data;
  g_autoptr(CrmRenderStyle) screen = NULL;
  g_autoptr(CrmRenderStyle) style = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (view)), 320);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (view)), 200);

  if (file == NULL || !crm_chart_view_get_chart (view, &draw, &user_data))
    return;
  /* Light whatever the window: a file goes into documents and slides. */
  screen = crm_chart_view_make_style (GTK_WIDGET (view));
  style = crm_render_style_new (CRM_RENDER_PALETTE_LIGHT, crm_render_style_is_rtl (screen));
  crm_render_style_set_font (style, crm_render_style_get_font (screen));
  bytes = crm_chart_export_render (draw, user_data, style, width, height, crm_chart_export_format_for_file (file),
                                   &error);
  if (bytes == NULL)
    {
      show_message (GTK_WIDGET (view), _("Could Not Export the Chart"), error->message, TRUE);
      return;
    }
  task = g_task_new (file, NULL, on_written, g_object_ref (view));
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_in_thread);
}

void
crm_chart_export_run (CrmChartView *view,
                      const char   *title)
{
  GtkRoot *root;
  g_autofree char *name = NULL;

  g_return_if_fail (CRM_IS_CHART_VIEW (view));

  root = gtk_widget_get_root (GTK_WIDGET (view));
  name = g_strconcat (title, ".png", NULL);
  g_strdelimit (name, "/\\", '-');
  crm_file_chooser_save (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Export Chart"), name,
                         on_chosen, g_object_ref (view));
}
