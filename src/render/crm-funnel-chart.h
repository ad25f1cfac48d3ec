/* crm-funnel-chart.h: how many get from one stage to the next, the
 * stages being the categories of the first series of a CrmChartData
 * (contacted, interested, offer, order), top to bottom: a centred bar a
 * stage, its width in proportion to its value, the stage's name at the
 * reading edge and the conversion from each stage to the next at the
 * other. */
#pragma once

#include <cairo.h>

#include "crm-chart-data.h"
#include "crm-chart-hit.h"
#include "crm-render-style.h"

G_BEGIN_DECLS

void        crm_funnel_chart_draw         (const CrmChartData   *data,
                                           const CrmRenderStyle *style,
                                           cairo_t              *cr,
                                           double                width,
                                           double                height);
CrmChartHit crm_funnel_chart_hit_test     (const CrmChartData   *data,
                                           const CrmRenderStyle *style,
                                           cairo_t              *cr,
                                           double                width,
                                           double                height,
                                           double                x,
                                           double                y);
gboolean    crm_funnel_chart_get_bar_rect (const CrmChartData   *data,
                                           const CrmRenderStyle *style,
                                           cairo_t              *cr,
                                           double                width,
                                           double                height,
                                           guint                 stage,
                                           cairo_rectangle_t    *rect);

G_END_DECLS
