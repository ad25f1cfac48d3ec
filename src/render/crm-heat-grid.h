/* crm-heat-grid.h: a grid of cells shaded by value, a row per series and
 * a column per category of a CrmChartData: the journey map (stages ×
 * channels, each cell the touchpoints there). The shades run from light to
 * dark on one hue, which reads the same to colour-blind users, and every
 * cell prints its value, so the grid survives a black-and-white printer. */
#pragma once

#include <cairo.h>

#include "crm-chart-data.h"
#include "crm-chart-hit.h"
#include "crm-render-style.h"

G_BEGIN_DECLS

/**
 * CrmHeatGridDetailFunc:
 * @row: the cell's series
 * @column: the cell's category
 *
 * A second, smaller line for a cell, under its value: on the journey map
 * the customers who reached the cell and their average satisfaction.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL for none
 */
typedef char *(*CrmHeatGridDetailFunc) (guint    row,
                                        guint    column,
                                        gpointer user_data);

typedef struct
{
  CrmHeatGridDetailFunc  detail_func;    /* nullable */
  gpointer               detail_data;
  const char            *empty_message;  /* nullable: the default “no data” message */
} CrmHeatGridOptions;

void        crm_heat_grid_draw          (const CrmChartData       *data,
                                         const CrmHeatGridOptions *options,
                                         const CrmRenderStyle     *style,
                                         cairo_t                  *cr,
                                         double                    width,
                                         double                    height);
CrmChartHit crm_heat_grid_hit_test      (const CrmChartData       *data,
                                         const CrmHeatGridOptions *options,
                                         const CrmRenderStyle     *style,
                                         cairo_t                  *cr,
                                         double                    width,
                                         double                    height,
                                         double                    x,
                                         double                    y);
gboolean    crm_heat_grid_get_cell_rect (const CrmChartData       *data,
                                         const CrmHeatGridOptions *options,
                                         const CrmRenderStyle     *style,
                                         cairo_t                  *cr,
                                         double                    width,
                                         double                    height,
                                         guint                     row,
                                         guint                     column,
                                         cairo_rectangle_t        *rect);
CrmColor    crm_heat_grid_cell_color    (const CrmRenderStyle     *style,
                                         double                    fraction);

G_END_DECLS
