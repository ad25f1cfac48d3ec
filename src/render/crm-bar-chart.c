/* crm-bar-chart.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crm-bar-chart.h"
#include "crm-chart-plot.h"
#include "crm-render-text.h"

/* At scale 1, in pixels. */
#define MAX_THICKNESS     44.0  /* of a standing bar */
#define MAX_THICKNESS_H   28.0  /* of a lying one */
#define GROUP_GAP          3.0  /* between the bars of a group */
#define STACK_GAP          1.0  /* between the pieces of a stacked bar */
#define RADIUS             4.0  /* of a bar's rounded end */
#define LABEL_OFFSET       4.0  /* between a bar's end and its value */
#define MIN_HIT            6.0  /* a bar thinner than this is hit around it */

/* Value labels beyond the bar ends may take this share of the width of a
 * horizontal chart before they go inside the bars. */
#define LABEL_ROOM_SHARE   0.2

typedef enum
{
  END_TOP,
  END_BOTTOM,
  END_LEFT,
  END_RIGHT,
} BarEnd;

/* Everything the drawing and the hit test share, laid out by
 * bar_layout_init() alone. */
typedef struct
{
  CrmChartPlot plot;
  gboolean     stacked;
  gboolean     horizontal;
  double       thickness;
  double       gap;
  double       group;
  gboolean     outside_labels;   /* values beyond the ends of grouped bars */
  double       largest;          /* the largest value, without its sign */
} BarLayout;

typedef struct
{
  cairo_rectangle_t ltr;     /* laid out left to right */
  cairo_rectangle_t rect;    /* as drawn */
  double            value;
  BarEnd            far_end; /* the end away from zero, as drawn */
  gboolean          rounded; /* the far end is rounded: no piece beyond it */
} Bar;

static void
bar_layout_clear (BarLayout *self)
{
  crm_chart_plot_clear (&self->plot);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BarLayout, bar_layout_clear)

static double
value (const BarLayout *self,
       guint            series,
       guint            category)
{
  return crm_chart_data_get_value (self->plot.data, series, category);
}

static void
layout_bars (BarLayout *self)
{
  double scale = self->plot.scale;
  double band = self->plot.band;
  double cap = (self->horizontal ? MAX_THICKNESS_H : MAX_THICKNESS) * scale;
  guint n = self->stacked ? 1 : MAX (crm_chart_data_get_n_series (self->plot.data), 1);

  self->gap = n > 1 ? GROUP_GAP * scale : 0;
  self->group = MIN (band * (n > 1 ? 0.8 : 0.62), n * cap + (n - 1) * self->gap);
  self->thickness = (self->group - (n - 1) * self->gap) / n;
  if (self->thickness < 3 * self->gap)
    {
      self->gap = 0;
      self->thickness = self->group / n;
    }
}

/* A bar's value: counts exactly while they are short; large ones and
 * money all in the unit of the largest, to a tenth of it (“€12.5K”,
 * “€8.8K”, not “€13K” beside “€8800”); money without its cents. */
static char *
value_label (const BarLayout *self,
             double           v)
{
  const CrmChartData *data = self->plot.data;
  CrmValueKind kind = crm_chart_data_get_kind (data);
  double unit = self->largest >= 1e9 ? 1e9 : self->largest >= 1e6 ? 1e6 : 1e3;

  if (kind == CRM_VALUE_COUNT && self->largest < 1e5)
    return crm_chart_data_format_value (data, v);
  if ((kind == CRM_VALUE_COUNT || kind == CRM_VALUE_MONEY) && self->largest >= 1e4)
    return crm_value_format_tick (v, unit / 10, self->largest, kind, crm_chart_data_get_currency (data));
  return crm_chart_data_format_compact (data, v);
}

/* The widest value label of positive and of negative values. */
static void
measure_value_labels (BarLayout *self,
                      double    *positive,
                      double    *negative)
{
  *positive = *negative = 0;
  for (guint s = 0; s < crm_chart_data_get_n_series (self->plot.data); s++)
    for (guint c = 0; c < self->plot.n_categories; c++)
      {
        double v = value (self, s, c), width;
        g_autofree char *label = NULL;

        if (isnan (v) || v == 0)
          continue;
        label = value_label (self, v);
        crm_chart_plot_figure (&self->plot, label, &width);
        if (v > 0)
          *positive = MAX (*positive, width);
        else
          *negative = MAX (*negative, width);
      }
}

static gboolean
bar_layout_init (BarLayout            *self,
                 cairo_t              *cr,
                 const CrmRenderStyle *style,
                 const CrmChartData   *data,
                 CrmBarLayout          layout,
                 double                width,
                 double                height)
{
  CrmChartPlotOptions options = { 0 };
  CrmChartPlot with_room;
  double positive, negative, offset;
  gboolean fits;

  self->stacked = (layout & CRM_BAR_LAYOUT_STACKED) != 0;
  self->horizontal = (layout & CRM_BAR_LAYOUT_HORIZONTAL) != 0;
  self->outside_labels = FALSE;
  self->largest = 0;
  for (guint s = 0; s < crm_chart_data_get_n_series (data); s++)
    for (guint c = 0; c < crm_chart_data_get_n_categories (data); c++)
      if (!isnan (crm_chart_data_get_value (data, s, c)))
        self->largest = MAX (self->largest, fabs (crm_chart_data_get_value (data, s, c)));
  options.horizontal = self->horizontal;
  options.stacked = self->stacked;
  /* Names: rotated or elided rather than left out. */
  options.skip_labels = FALSE;
  if (!crm_chart_plot_init (&self->plot, cr, style, data, &options, width, height))
    return FALSE;
  layout_bars (self);
  if (self->stacked)
    return TRUE;   /* values go inside the pieces */

  /* Grouped bars carry their values beyond their ends when every value
   * fits there: room for them is made at the ends of the value axis, and
   * the plot laid out again. */
  measure_value_labels (self, &positive, &negative);
  offset = LABEL_OFFSET * self->plot.scale;
  if (self->horizontal)
    {
      options.room_after = positive > 0 ? positive + offset : 0;
      options.room_before = negative > 0 ? negative + offset : 0;
      if (options.room_after + options.room_before > LABEL_ROOM_SHARE * width)
        return TRUE;
    }
  else
    {
      options.room_after = positive > 0 ? self->plot.line_height + offset : 0;
      options.room_before = negative > 0 ? self->plot.line_height + offset : 0;
    }
  if (!crm_chart_plot_init (&with_room, cr, style, data, &options, width, height))
    return TRUE;
  crm_chart_plot_clear (&self->plot);
  self->plot = with_room;
  layout_bars (self);

  /* Neighbouring values must not touch: within a group they are a bar
   * and a gap apart, a single series' ones a band. */
  if (self->horizontal)
    fits = (self->gap > 0 ? self->thickness + self->gap : self->plot.band) >= self->plot.line_height * 0.9;
  else
    fits = MAX (positive, negative) + 2 * self->plot.scale
           <= (self->gap > 0 ? self->thickness + self->gap : self->plot.band);
  if (fits)
    {
      self->outside_labels = TRUE;
      return TRUE;
    }
  /* No values outside after all: without the room. */
  crm_chart_plot_clear (&self->plot);
  options.room_after = options.room_before = 0;
  crm_chart_plot_init (&self->plot, cr, style, data, &options, width, height);
  layout_bars (self);
  return TRUE;
}

/* Where the bar of a value is; FALSE when there is none (a missing value
 * or zero). */
static gboolean
bar_at (const BarLayout *self,
        guint            series,
        guint            category,
        Bar             *bar)
{
  const CrmChartPlot *plot = &self->plot;
  double v = value (self, series, category);
  double from = 0, across, a, b, low, length;

  if (isnan (v) || v == 0)
    return FALSE;
  bar->rounded = TRUE;
  if (self->stacked)
    {
      /* Positive values pile up from zero, negative ones down, each in
       * series order. */
      for (guint s = 0; s < crm_chart_data_get_n_series (plot->data); s++)
        {
          double other = value (self, s, category);

          if (s == series || isnan (other) || other == 0 || (other < 0) != (v < 0))
            continue;
          if (s < series)
            from += other;
          else
            bar->rounded = FALSE;
        }
      across = crm_chart_plot_category_start (plot, category) + (plot->band - self->thickness) / 2;
    }
  else
    across = crm_chart_plot_category_start (plot, category) + (plot->band - self->group) / 2
           + series * (self->thickness + self->gap);

  a = crm_chart_plot_value_position (plot, from);
  b = crm_chart_plot_value_position (plot, from + v);
  low = MIN (a, b);
  length = fabs (a - b);
  if (from != 0)
    {
      /* A hairline of background between the pieces of a stack. */
      double gap = MIN (STACK_GAP * plot->scale, length / 2);

      if (a < b)
        low += gap;
      length -= gap;
    }

  bar->value = v;
  if (self->horizontal)
    {
      bar->ltr = (cairo_rectangle_t) { low, across, length, self->thickness };
      bar->far_end = (v > 0) != plot->rtl ? END_RIGHT : END_LEFT;
    }
  else
    {
      bar->ltr = (cairo_rectangle_t) { across, low, self->thickness, length };
      bar->far_end = v > 0 ? END_TOP : END_BOTTOM;
    }
  bar->rect = crm_chart_plot_mirror_rect (plot, bar->ltr);
  return TRUE;
}

/* A bar with its far end rounded, its foot square on the zero line (or
 * the piece below). */
static void
bar_path (cairo_t    *cr,
          const Bar  *bar,
          double      radius)
{
  double x = bar->rect.x, y = bar->rect.y, w = bar->rect.width, h = bar->rect.height;
  double r;

  if (!bar->rounded)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  r = (bar->far_end == END_TOP || bar->far_end == END_BOTTOM) ? MIN (radius, MIN (w / 2, h))
                                                             : MIN (radius, MIN (h / 2, w));
  switch (bar->far_end)
    {
    case END_TOP:
      cairo_move_to (cr, x, y + h);
      cairo_arc (cr, x + r, y + r, r, G_PI, 1.5 * G_PI);
      cairo_arc (cr, x + w - r, y + r, r, 1.5 * G_PI, 2 * G_PI);
      cairo_line_to (cr, x + w, y + h);
      break;
    case END_BOTTOM:
      cairo_move_to (cr, x + w, y);
      cairo_arc (cr, x + w - r, y + h - r, r, 0, 0.5 * G_PI);
      cairo_arc (cr, x + r, y + h - r, r, 0.5 * G_PI, G_PI);
      cairo_line_to (cr, x, y);
      break;
    case END_RIGHT:
      cairo_move_to (cr, x, y);
      cairo_arc (cr, x + w - r, y + r, r, 1.5 * G_PI, 2 * G_PI);
      cairo_arc (cr, x + w - r, y + h - r, r, 0, 0.5 * G_PI);
      cairo_line_to (cr, x, y + h);
      break;
    case END_LEFT:
    default:
      cairo_move_to (cr, x + w, y + h);
      cairo_arc (cr, x + r, y + h - r, r, 0.5 * G_PI, G_PI);
      cairo_arc (cr, x + r, y + r, r, G_PI, 1.5 * G_PI);
      cairo_line_to (cr, x + w, y);
      break;
    }
  cairo_close_path (cr);
}

/* A bar's value beyond its end when the layout has room for it there,
 * else inside when it fits, else nowhere. */
static void
draw_value_label (BarLayout  *self,
                  cairo_t    *cr,
                  guint       series,
                  const Bar  *bar)
{
  CrmChartPlot *plot = &self->plot;
  g_autofree char *label = value_label (self, bar->value);
  double line = plot->line_height, offset = LABEL_OFFSET * plot->scale;
  double label_width;
  PangoLayout *layout = crm_chart_plot_figure (plot, label, &label_width);
  cairo_rectangle_t box = { 0, 0, label_width, line };
  gboolean outside = FALSE, inside = FALSE;

  if (self->outside_labels)
    {
      if (self->horizontal)
        {
          double limit = bar->value > 0 ? plot->width - plot->scale * 4 - (bar->ltr.x + bar->ltr.width + offset)
                                        : bar->ltr.x - offset - (plot->plot.x - plot->room_before);

          box.y = bar->ltr.y + (bar->ltr.height - line) / 2;
          box.x = bar->value > 0 ? bar->ltr.x + bar->ltr.width + offset : bar->ltr.x - offset - label_width;
          outside = label_width <= limit;
        }
      else
        {
          box.x = bar->ltr.x + (bar->ltr.width - label_width) / 2;
          box.y = bar->value > 0 ? bar->ltr.y - offset - line : bar->ltr.y + bar->ltr.height + offset;
          outside = TRUE;
        }
    }
  if (!outside)
    {
      if (self->horizontal)
        inside = bar->ltr.width >= label_width + 3 * offset && bar->ltr.height >= line;
      else
        inside = bar->ltr.height >= line + offset && bar->ltr.width >= label_width + 1.5 * offset;
      if (!inside)
        return;
      box.x = bar->ltr.x + (bar->ltr.width - label_width) / 2;
      box.y = bar->ltr.y + (bar->ltr.height - line) / 2;
    }

  box = crm_chart_plot_mirror_rect (plot, box);
  cairo_save (cr);
  if (inside)
    crm_render_set_color (cr, crm_render_text_color_on (plot->style, crm_render_style_get_series_color (plot->style, series)));
  else
    crm_render_set_color (cr, crm_render_style_get_foreground (plot->style));
  crm_render_text_draw (cr, plot->style, layout, box.x, box.y, box.width, CRM_TEXT_START);
  cairo_restore (cr);
}

/**
 * crm_bar_chart_draw:
 * @layout: grouped or stacked, vertical or horizontal
 *
 * Draws the chart in the box (0, 0, @width, @height) of @cr: bars from
 * zero (negative values the other way), the values on them where there
 * is room, category labels along the category axis (elided or rotated,
 * never overlapping), a value axis with nice ticks and a legend when
 * there are two series or more. Right-to-left styles mirror it all.
 */
void
crm_bar_chart_draw (const CrmChartData   *data,
                    const CrmRenderStyle *style,
                    CrmBarLayout          layout,
                    cairo_t              *cr,
                    double                width,
                    double                height)
{
  g_auto(BarLayout) self = { 0 };
  guint n_series;

  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  if (!bar_layout_init (&self, cr, style, data, layout, width, height))
    {
      crm_render_empty (cr, style, width, height, NULL);
      return;
    }

  cairo_save (cr);
  crm_chart_plot_draw_frame (&self.plot, cr);
  n_series = crm_chart_data_get_n_series (data);
  for (guint s = 0; s < n_series; s++)
    {
      crm_render_set_color (cr, crm_render_style_get_series_color (style, s));
      for (guint c = 0; c < self.plot.n_categories; c++)
        {
          Bar bar;

          if (bar_at (&self, s, c, &bar))
            bar_path (cr, &bar, RADIUS * self.plot.scale);
        }
      cairo_fill (cr);
    }
  crm_chart_plot_draw_zero_line (&self.plot, cr);
  for (guint s = 0; s < n_series; s++)
    for (guint c = 0; c < self.plot.n_categories; c++)
      {
        Bar bar;

        if (bar_at (&self, s, c, &bar))
          draw_value_label (&self, cr, s, &bar);
      }
  cairo_restore (cr);
}

/**
 * crm_bar_chart_hit_test:
 * @cr: (nullable): a context to measure text with, best the one the chart
 *   is drawn with; %NULL measures on an image
 * @x: a point in the chart's box, as drawn
 *
 * What is under a point: a bar (a very thin one counts a little around
 * it); else the category's band as a whole, series -1, over the plot or
 * on the category's label.
 *
 * Returns: the series and category, or %CRM_CHART_HIT_NONE
 */
CrmChartHit
crm_bar_chart_hit_test (const CrmChartData   *data,
                        const CrmRenderStyle *style,
                        CrmBarLayout          layout,
                        cairo_t              *cr,
                        double                width,
                        double                height,
                        double                x,
                        double                y)
{
  g_auto(BarLayout) self = { 0 };
  cairo_t *measure;
  gboolean laid_out;
  int category;

  g_return_val_if_fail (data != NULL, CRM_CHART_HIT_NONE);
  g_return_val_if_fail (style != NULL, CRM_CHART_HIT_NONE);

  measure = crm_render_measuring_context (cr);
  laid_out = bar_layout_init (&self, measure, style, data, layout, width, height);
  cairo_destroy (measure);
  if (!laid_out)
    return CRM_CHART_HIT_NONE;

  for (guint s = 0; s < crm_chart_data_get_n_series (data); s++)
    for (guint c = 0; c < self.plot.n_categories; c++)
      {
        double min_hit = MIN_HIT * self.plot.scale;
        cairo_rectangle_t r;
        Bar bar;

        if (!bar_at (&self, s, c, &bar))
          continue;
        r = bar.rect;
        if (self.horizontal && r.width < min_hit)
          {
            r.x -= (min_hit - r.width) / 2;
            r.width = min_hit;
          }
        else if (!self.horizontal && r.height < min_hit)
          {
            r.y -= (min_hit - r.height) / 2;
            r.height = min_hit;
          }
        if (x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)
          return (CrmChartHit) { s, c };
      }

  category = crm_chart_plot_category_at (&self.plot, x, y);
  if (category >= 0)
    return (CrmChartHit) { -1, category };
  return CRM_CHART_HIT_NONE;
}

/**
 * crm_bar_chart_get_bar_rect:
 * @rect: (out): where the bar is drawn
 *
 * Where the bar of a value is drawn: for a tooltip's arrow or a focus
 * ring when the chart is browsed with the keyboard.
 *
 * Returns: %FALSE when the value has no bar (missing or zero)
 */
gboolean
crm_bar_chart_get_bar_rect (const CrmChartData   *data,
                            const CrmRenderStyle *style,
                            CrmBarLayout          layout,
                            cairo_t              *cr,
                            double                width,
                            double                height,
                            guint                 series,
                            guint                 category,
                            cairo_rectangle_t    *rect)
{
  g_auto(BarLayout) self = { 0 };
  cairo_t *measure;
  gboolean found;
  Bar bar;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (series >= crm_chart_data_get_n_series (data) || category >= crm_chart_data_get_n_categories (data))
    return FALSE;
  measure = crm_render_measuring_context (cr);
  found = bar_layout_init (&self, measure, style, data, layout, width, height)
       && bar_at (&self, series, category, &bar);
  cairo_destroy (measure);
  if (found)
    *rect = bar.rect;
  return found;
}
