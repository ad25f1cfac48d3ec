/* crm-chart-export.h: one chart of the dashboard as an SVG or PNG file,
 * drawn by the same function as on screen and in print, written
 * atomically. */
#pragma once

#include <gtk/gtk.h>

#include "crm-chart-view.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_CHART_EXPORT_PNG,
  CRM_CHART_EXPORT_SVG,
} CrmChartExportFormat;

/* SVG for a name ending in .svg, else PNG. */
CrmChartExportFormat crm_chart_export_format_for_file (GFile                *file);

/* The chart drawn @width × @height (points for SVG; pixels at 2× for
 * PNG, so it stays sharp in a document). */
GBytes   *crm_chart_export_render (CrmChartViewDrawFunc  draw,
                                   gpointer              user_data,
                                   const CrmRenderStyle *style,
                                   double                width,
                                   double                height,
                                   CrmChartExportFormat  format,
                                   GError              **error);
gboolean  crm_chart_export_write  (GFile                *file,
                                   GBytes               *bytes,
                                   GCancellable         *cancellable,
                                   GError              **error);

/* Asks where (the file chooser) and writes @view's chart there in the
 * light palette, saying how it went in a toast or a dialog. */
void      crm_chart_export_run    (CrmChartView         *view,
                                   const char           *title);

G_END_DECLS
