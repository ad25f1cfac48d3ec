/* crm-chart-hit.h: what is under a point of a chart, for clicks (drill
 * down) and tooltips. Every chart has a hit-test function that lays the
 * chart out as its draw function does and answers with one of these. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int series;     /* a series, row or (Sankey) link, or -1 */
  int category;   /* a category, column or (Sankey) node, or -1 */
} CrmChartHit;

#define CRM_CHART_HIT_NONE ((CrmChartHit) { -1, -1 })

G_END_DECLS
