/* crm-chart-legend.h: a row of series names with their colour swatches,
 * wrapped onto more rows when they do not fit, starting at the reading
 * edge (the right in right-to-left styles). */
#pragma once

#include <cairo.h>

#include "crm-chart-data.h"
#include "crm-render-style.h"

G_BEGIN_DECLS

double crm_chart_legend_measure (cairo_t              *cr,
                                 const CrmRenderStyle *style,
                                 const CrmChartData   *data,
                                 double                width);
double crm_chart_legend_draw    (cairo_t              *cr,
                                 const CrmRenderStyle *style,
                                 const CrmChartData   *data,
                                 double                x,
                                 double                y,
                                 double                width);

G_END_DECLS
