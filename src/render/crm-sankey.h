/* crm-sankey.h: a Sankey diagram of a CrmSankeyData: each column of nodes
 * a step of a flow, drawn as bars as tall as what flows through them, and
 * each link a band from its source to its target as wide as its value, in
 * its source's colour; the channel flow of the journeys view. The flow
 * runs in the reading direction: right to left in right-to-left styles. */
#pragma once

#include <cairo.h>

#include "crm-chart-hit.h"
#include "crm-render-style.h"
#include "crm-sankey-data.h"

G_BEGIN_DECLS

void        crm_sankey_draw           (const CrmSankeyData  *data,
                                       const CrmRenderStyle *style,
                                       cairo_t              *cr,
                                       double                width,
                                       double                height);
CrmChartHit crm_sankey_hit_test       (const CrmSankeyData  *data,
                                       const CrmRenderStyle *style,
                                       cairo_t              *cr,
                                       double                width,
                                       double                height,
                                       double                x,
                                       double                y);
gboolean    crm_sankey_get_node_rect  (const CrmSankeyData  *data,
                                       const CrmRenderStyle *style,
                                       cairo_t              *cr,
                                       double                width,
                                       double                height,
                                       guint                 node,
                                       cairo_rectangle_t    *rect);
gboolean    crm_sankey_get_link_point (const CrmSankeyData  *data,
                                       const CrmRenderStyle *style,
                                       cairo_t              *cr,
                                       double                width,
                                       double                height,
                                       guint                 link,
                                       double               *x,
                                       double               *y);

G_END_DECLS
