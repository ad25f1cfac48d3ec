/* crm-line-chart.h: values over time: a line per series (or a filled
 * area), categories along x, the value axis up the side; gaps where a
 * value is missing. */
#pragma once

#include <cairo.h>

#include "crm-chart-data.h"
#include "crm-chart-hit.h"
#include "crm-render-style.h"

G_BEGIN_DECLS

void        crm_line_chart_draw      (const CrmChartData   *data,
                                      const CrmRenderStyle *style,
                                      gboolean              area,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height);
CrmChartHit crm_line_chart_hit_test  (const CrmChartData   *data,
                                      const CrmRenderStyle *style,
                                      gboolean              area,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      double                x,
                                      double                y);
gboolean    crm_line_chart_get_point (const CrmChartData   *data,
                                      const CrmRenderStyle *style,
                                      gboolean              area,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      guint                 series,
                                      guint                 category,
                                      double               *x,
                                      double               *y);

G_END_DECLS
