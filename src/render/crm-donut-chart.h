/* crm-donut-chart.h: the shares of a whole, a slice per category of the
 * first series of a CrmChartData (customers per RFM segment, revenue by
 * region), with the total in the hole and a legend of the categories with
 * their values and shares. Slices start at twelve o'clock and run
 * clockwise, counter-clockwise in right-to-left styles. */
#pragma once

#include <cairo.h>

#include "crm-chart-data.h"
#include "crm-chart-hit.h"
#include "crm-render-style.h"

G_BEGIN_DECLS

/* The category a hit on the slice that groups the smallest categories
 * (“Other”) answers with, its series being 0. */
#define CRM_DONUT_CHART_OTHER (-2)

void        crm_donut_chart_draw       (const CrmChartData   *data,
                                        const CrmRenderStyle *style,
                                        cairo_t              *cr,
                                        double                width,
                                        double                height);
CrmChartHit crm_donut_chart_hit_test   (const CrmChartData   *data,
                                        const CrmRenderStyle *style,
                                        cairo_t              *cr,
                                        double                width,
                                        double                height,
                                        double                x,
                                        double                y);
gboolean    crm_donut_chart_get_anchor (const CrmChartData   *data,
                                        const CrmRenderStyle *style,
                                        cairo_t              *cr,
                                        double                width,
                                        double                height,
                                        int                   category,
                                        double               *x,
                                        double               *y);

G_END_DECLS
