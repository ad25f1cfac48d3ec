/* crm-chart-axis.h: a value axis with “nice” ticks (multiples of 1, 2, 2.5
 * or 5 times a power of ten) that cover the data. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double min;     /* the first tick, at or below the data */
  double max;     /* the last tick, at or above the data */
  double step;
  guint  n_ticks; /* including both ends */
} CrmChartAxis;

CrmChartAxis crm_chart_axis_nice      (double              min,
                                       double              max,
                                       guint               max_ticks);
double       crm_chart_axis_tick      (const CrmChartAxis *self,
                                       guint               index);
double       crm_chart_axis_fraction  (const CrmChartAxis *self,
                                       double              value);

G_END_DECLS
