/* crm-chart-axis.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crm-chart-axis.h"

/* The smallest nice step at least @rough. */
static double
nice_step (double rough)
{
  static const double nice[] = { 1, 2, 2.5, 5, 10 };
  double magnitude = pow (10, floor (log10 (rough)));

  for (guint i = 0; i < G_N_ELEMENTS (nice); i++)
    if (nice[i] * magnitude >= rough * (1 - 1e-9))
      return nice[i] * magnitude;
  return 10 * magnitude;
}

/**
 * crm_chart_axis_nice:
 * @max_ticks: at most this many ticks (at least 2)
 *
 * An axis from the data's @min to @max. Zero is always on it, as bars and
 * areas grow from zero and a line chart that does not start at zero
 * exaggerates change; an empty or flat range still gets a usable axis.
 */
CrmChartAxis
crm_chart_axis_nice (double min,
                     double max,
                     guint  max_ticks)
{
  CrmChartAxis axis;
  double step;

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (min) || !isfinite (max))
    min = max = 0;
  min = MIN (min, 0);
  max = MAX (max, 0);
  if (max - min <= 0)
    max = min + 1;

  step = nice_step ((max - min) / (max_ticks - 1));
  for (;;)
    {
      axis.min = floor (min / step + 1e-9) * step;
      axis.max = ceil (max / step - 1e-9) * step;
      axis.n_ticks = (guint) llround ((axis.max - axis.min) / step) + 1;
      if (axis.n_ticks <= max_ticks)
        break;
      step = nice_step (step * 1.01);
    }
  axis.step = step;
  return axis;
}

double
crm_chart_axis_tick (const CrmChartAxis *self,
                     guint               index)
{
  /* Multiplied, not added up, so no rounding error builds along the axis;
   * a tick that should be zero is zero, not 1e-17. */
  double tick = self->min + index * self->step;

  return fabs (tick) < self->step * 1e-9 ? 0 : tick;
}

/* Where @value is on the axis: 0 at min, 1 at max. */
double
crm_chart_axis_fraction (const CrmChartAxis *self,
                         double              value)
{
  return (value - self->min) / (self->max - self->min);
}
