/* crm-line-chart.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crm-chart-plot.h"
#include "crm-line-chart.h"
#include "crm-render-text.h"

#define LINE_WIDTH     2.0
#define MARKER_RADIUS  3.5
#define MARKER_RING    1.5   /* of background around a marker */
#define MARKER_SPACING 20.0  /* markers only when points are this far apart */
#define HIT_RADIUS     12.0  /* a point counts as hit this close */

/* Everything the drawing and the hit test share, laid out by line_layout_init()
 * alone. */
typedef struct
{
  CrmChartPlot plot;
  gboolean     area;
  gboolean     markers;
} LineLayout;

static void
line_layout_clear (LineLayout *self)
{
  crm_chart_plot_clear (&self->plot);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LineLayout, line_layout_clear)

static gboolean
line_layout_init (LineLayout           *self,
                  cairo_t              *cr,
                  const CrmRenderStyle *style,
                  const CrmChartData   *data,
                  gboolean              area,
                  double                width,
                  double                height)
{
  /* Categories are periods: a crowded axis labels every n-th one. */
  CrmChartPlotOptions options = { .skip_labels = TRUE };

  self->area = area;
  if (!crm_chart_plot_init (&self->plot, cr, style, data, &options, width, height))
    return FALSE;
  self->markers = self->plot.band >= MARKER_SPACING * self->plot.scale;
  return TRUE;
}

/* The point of a value as drawn (mirrored in right-to-left styles). */
static void
point_at (const LineLayout *self,
          guint             category,
          double            value,
          double           *x,
          double           *y)
{
  *x = crm_chart_plot_x (&self->plot, crm_chart_plot_category_start (&self->plot, category) + self->plot.band / 2);
  *y = crm_chart_plot_value_position (&self->plot, value);
}

static double
value (const LineLayout *self,
       guint             series,
       guint             category)
{
  return crm_chart_data_get_value (self->plot.data, series, category);
}

/* Whether the value of @category stands alone between gaps, and so has
 * no line to show it. */
static gboolean
isolated (const LineLayout *self,
          guint             series,
          guint             category)
{
  return (category == 0 || isnan (value (self, series, category - 1)))
      && (category + 1 == self->plot.n_categories || isnan (value (self, series, category + 1)));
}

/* The path of each run of values between gaps; for areas, closed down to
 * zero. */
static void
series_path (const LineLayout *self,
             cairo_t          *cr,
             guint             series,
             gboolean          closed)
{
  double zero = crm_chart_plot_value_position (&self->plot, 0);
  double first_x = 0, last_x = 0;
  gboolean in_run = FALSE;

  for (guint c = 0; c <= self->plot.n_categories; c++)
    {
      double v = c < self->plot.n_categories ? value (self, series, c) : NAN;
      double x, y;

      if (isnan (v))
        {
          if (in_run && closed)
            {
              cairo_line_to (cr, last_x, zero);
              cairo_line_to (cr, first_x, zero);
              cairo_close_path (cr);
            }
          in_run = FALSE;
          continue;
        }
      point_at (self, c, v, &x, &y);
      if (!in_run)
        {
          cairo_move_to (cr, x, y);
          first_x = x;
          in_run = TRUE;
        }
      else
        cairo_line_to (cr, x, y);
      last_x = x;
    }
}

static void
draw_area (const LineLayout *self,
           cairo_t          *cr,
           guint             series)
{
  const CrmRenderStyle *style = self->plot.style;
  CrmColor color = crm_render_style_get_series_color (style, series);
  gboolean dark = crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_DARK;
  cairo_pattern_t *fade;

  /* Fading towards zero, so that overlapping areas stay readable and the
   * lines on top keep the attention. */
  fade = cairo_pattern_create_linear (0, crm_chart_plot_value_position (&self->plot, self->plot.axis.max),
                                      0, crm_chart_plot_value_position (&self->plot, 0));
  cairo_pattern_add_color_stop_rgba (fade, 0, color.red, color.green, color.blue, dark ? 0.3 : 0.24);
  cairo_pattern_add_color_stop_rgba (fade, 1, color.red, color.green, color.blue, dark ? 0.04 : 0.03);
  series_path (self, cr, series, TRUE);
  cairo_set_source (cr, fade);
  cairo_fill (cr);
  cairo_pattern_destroy (fade);
}

static void
draw_line (const LineLayout *self,
           cairo_t          *cr,
           guint             series)
{
  double scale = self->plot.scale;

  series_path (self, cr, series, FALSE);
  crm_render_set_color (cr, crm_render_style_get_series_color (self->plot.style, series));
  cairo_set_line_width (cr, LINE_WIDTH * scale);
  /* On paper the greys of the series are close: their dashes tell them
   * apart. */
  if (crm_render_style_get_palette (self->plot.style) == CRM_RENDER_PALETTE_PRINT && series > 0)
    {
      static const double dashes[][2] = { { 6, 4 }, { 1, 4 }, { 10, 3 } };
      const double *dash = dashes[(series - 1) % G_N_ELEMENTS (dashes)];
      double pattern[2] = { dash[0] * scale, dash[1] * scale };

      cairo_set_dash (cr, pattern, 2, 0);
    }
  else
    cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

static void
draw_markers (const LineLayout *self,
              cairo_t          *cr,
              guint             series)
{
  const CrmRenderStyle *style = self->plot.style;
  double radius = MARKER_RADIUS * self->plot.scale, ring = MARKER_RING * self->plot.scale;

  for (guint c = 0; c < self->plot.n_categories; c++)
    {
      double v = value (self, series, c), x, y;

      /* A value alone between gaps is a marker or nothing. */
      if (isnan (v) || !(self->markers || isolated (self, series, c)))
        continue;
      point_at (self, c, v, &x, &y);
      crm_render_set_color (cr, crm_render_style_get_background (style));
      cairo_arc (cr, x, y, radius + ring, 0, 2 * G_PI);
      cairo_fill (cr);
      crm_render_set_color (cr, crm_render_style_get_series_color (style, series));
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/**
 * crm_line_chart_draw:
 * @area: fill the area under each line
 *
 * Draws the chart in the box (0, 0, @width, @height) of @cr: a line per
 * series, broken where a value is missing (NAN), over categories along x
 * (right to left in right-to-left styles) and a value axis from zero; a
 * legend when there are two series or more.
 */
void
crm_line_chart_draw (const CrmChartData   *data,
                     const CrmRenderStyle *style,
                     gboolean              area,
                     cairo_t              *cr,
                     double                width,
                     double                height)
{
  g_auto(LineLayout) layout = { 0 };
  guint n_series;

  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  if (!line_layout_init (&layout, cr, style, data, area, width, height))
    {
      crm_render_empty (cr, style, width, height, NULL);
      return;
    }

  cairo_save (cr);
  crm_chart_plot_draw_frame (&layout.plot, cr);
  crm_chart_plot_draw_zero_line (&layout.plot, cr);
  n_series = crm_chart_data_get_n_series (data);
  if (area)
    for (guint s = 0; s < n_series; s++)
      draw_area (&layout, cr, s);
  for (guint s = 0; s < n_series; s++)
    draw_line (&layout, cr, s);
  for (guint s = 0; s < n_series; s++)
    draw_markers (&layout, cr, s);
  cairo_restore (cr);
}

/**
 * crm_line_chart_hit_test:
 * @cr: (nullable): a context to measure text with, best the one the chart
 *   is drawn with; %NULL measures on an image
 * @x: a point in the chart's box, as drawn
 *
 * What is under a point: the point of a series near it, else (in an area
 * chart) the smallest area it is in; else the category's column as a
 * whole, series -1, over the plot or on the category's label.
 *
 * Returns: the series and category, or %CRM_CHART_HIT_NONE
 */
CrmChartHit
crm_line_chart_hit_test (const CrmChartData   *data,
                         const CrmRenderStyle *style,
                         gboolean              area,
                         cairo_t              *cr,
                         double                width,
                         double                height,
                         double                x,
                         double                y)
{
  g_auto(LineLayout) layout = { 0 };
  cairo_t *measure;
  gboolean laid_out;
  double best = G_MAXDOUBLE, smallest = G_MAXDOUBLE;
  int category, nearest = -1, within = -1;
  double zero;

  g_return_val_if_fail (data != NULL, CRM_CHART_HIT_NONE);
  g_return_val_if_fail (style != NULL, CRM_CHART_HIT_NONE);

  measure = crm_render_measuring_context (cr);
  laid_out = line_layout_init (&layout, measure, style, data, area, width, height);
  cairo_destroy (measure);
  if (!laid_out)
    return CRM_CHART_HIT_NONE;

  category = crm_chart_plot_category_at (&layout.plot, x, y);
  if (category < 0)
    return CRM_CHART_HIT_NONE;

  zero = crm_chart_plot_value_position (&layout.plot, 0);
  for (guint s = 0; s < crm_chart_data_get_n_series (data); s++)
    {
      double v = value (&layout, s, category), px, py, distance;

      if (isnan (v))
        continue;
      point_at (&layout, category, v, &px, &py);
      distance = hypot (px - x, py - y);
      if (distance < best)
        {
          best = distance;
          nearest = s;
        }
      if (area && fabs (v) < smallest && y >= MIN (py, zero) && y <= MAX (py, zero))
        {
          smallest = fabs (v);
          within = s;
        }
    }
  if (nearest >= 0 && best <= HIT_RADIUS * layout.plot.scale)
    return (CrmChartHit) { nearest, category };
  if (within >= 0)
    return (CrmChartHit) { within, category };
  return (CrmChartHit) { -1, category };
}

/**
 * crm_line_chart_get_point:
 * @x: (out): where the point is drawn
 * @y: (out):
 *
 * Where the point of a value is drawn: for a tooltip's arrow or a focus
 * ring when the chart is browsed with the keyboard.
 *
 * Returns: %FALSE when the value is missing or out of range
 */
gboolean
crm_line_chart_get_point (const CrmChartData   *data,
                          const CrmRenderStyle *style,
                          gboolean              area,
                          cairo_t              *cr,
                          double                width,
                          double                height,
                          guint                 series,
                          guint                 category,
                          double               *x,
                          double               *y)
{
  g_auto(LineLayout) layout = { 0 };
  cairo_t *measure;
  gboolean laid_out;
  double v;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (series >= crm_chart_data_get_n_series (data) || category >= crm_chart_data_get_n_categories (data))
    return FALSE;
  v = crm_chart_data_get_value (data, series, category);
  if (isnan (v))
    return FALSE;
  measure = crm_render_measuring_context (cr);
  laid_out = line_layout_init (&layout, measure, style, data, area, width, height);
  cairo_destroy (measure);
  if (!laid_out)
    return FALSE;
  point_at (&layout, category, v, x, y);
  return TRUE;
}
