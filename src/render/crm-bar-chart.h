/* crm-bar-chart.h: bars by category, a bar per series side by side or
 * stacked into one, standing up or lying down (horizontal bars carry long
 * names down the side: touchpoints by channel, a drill-down list of
 * regions or owners). */
#pragma once

#include <cairo.h>

#include "crm-chart-data.h"
#include "crm-chart-hit.h"
#include "crm-render-style.h"

G_BEGIN_DECLS

/**
 * CrmBarLayout:
 * @CRM_BAR_LAYOUT_GROUPED: each series' bar beside the others (the default)
 * @CRM_BAR_LAYOUT_VERTICAL: bars stand up from a horizontal category axis
 *   (the default)
 * @CRM_BAR_LAYOUT_STACKED: a category's values piled up into one bar,
 *   positive ones up (or along) and negative ones down from zero
 * @CRM_BAR_LAYOUT_HORIZONTAL: categories down the side, bars grow along
 *   the reading direction
 *
 * Flags: combine one of each pair.
 */
typedef enum
{
  CRM_BAR_LAYOUT_GROUPED    = 0,
  CRM_BAR_LAYOUT_VERTICAL   = 0,
  CRM_BAR_LAYOUT_STACKED    = 1 << 0,
  CRM_BAR_LAYOUT_HORIZONTAL = 1 << 1,
} CrmBarLayout;

void        crm_bar_chart_draw         (const CrmChartData   *data,
                                        const CrmRenderStyle *style,
                                        CrmBarLayout          layout,
                                        cairo_t              *cr,
                                        double                width,
                                        double                height);
CrmChartHit crm_bar_chart_hit_test     (const CrmChartData   *data,
                                        const CrmRenderStyle *style,
                                        CrmBarLayout          layout,
                                        cairo_t              *cr,
                                        double                width,
                                        double                height,
                                        double                x,
                                        double                y);
gboolean    crm_bar_chart_get_bar_rect (const CrmChartData   *data,
                                        const CrmRenderStyle *style,
                                        CrmBarLayout          layout,
                                        cairo_t              *cr,
                                        double                width,
                                        double                height,
                                        guint                 series,
                                        guint                 category,
                                        cairo_rectangle_t    *rect);

G_END_DECLS
