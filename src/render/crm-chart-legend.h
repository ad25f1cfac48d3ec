/* crm-chart-legend.h: a row of series names with their colour swatches,
 * wrapped onto more rows when they do not fit, starting at the reading
 * edge (the right in right-to-left styles); and a list legend, an entry a
 * row with its figures in columns, for charts whose entries are not
 * series (a donut's categories with their values and shares). */
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

/* An entry of a list legend; the strings are the caller's. */
typedef struct
{
  CrmColor    color;
  const char *label;
  const char *value;   /* nullable: a figure in the first column */
  const char *share;   /* nullable: a figure in the last column */
} CrmChartLegendEntry;

double crm_chart_legend_list_width (cairo_t                   *cr,
                                    const CrmRenderStyle      *style,
                                    const CrmChartLegendEntry *entries,
                                    guint                      n_entries,
                                    double                     max_width);
void   crm_chart_legend_list_draw  (cairo_t                   *cr,
                                    const CrmRenderStyle      *style,
                                    const CrmChartLegendEntry *entries,
                                    guint                      n_entries,
                                    double                     x,
                                    double                     y,
                                    double                     width,
                                    double                     row_height);

G_END_DECLS
