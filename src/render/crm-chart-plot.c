/* crm-chart-plot.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crm-chart-legend.h"
#include "crm-chart-plot.h"
#include "crm-render-text.h"

/* Distances at scale 1, in pixels. */
#define PAD              4.0   /* around everything: no text touches the edge */
#define LEGEND_GAP      14.0   /* below the legend */
#define TICK_GAP         8.0   /* between tick labels and the plot */
#define LABEL_GAP        6.0   /* between the plot and the category labels */
#define LABEL_SPACING   10.0   /* between neighbouring category labels */
#define TICK_DISTANCE   48.0   /* at least this between gridlines */
#define TICK_LABEL_SPACING 16.0 /* between the value labels of a horizontal axis */

/* The share of the height rotated category labels may take. */
#define ROTATED_SHARE    0.3

/**
 * crm_chart_plot_text:
 * @max_width: elide to this width; 0 for none
 * @width: (out) (optional): the width the text takes
 *
 * The plot's one small-text layout, set to @text: measuring and drawing
 * every label with one layout saves making a Pango context per label,
 * which is most of a chart's drawing time.
 *
 * Returns: (transfer none): the layout, valid until the next call
 */
PangoLayout *
crm_chart_plot_text (CrmChartPlot *self,
                     const char   *text,
                     double        max_width,
                     double       *width)
{
  pango_layout_set_text (self->text, text != NULL ? text : "", -1);
  if (max_width > 0)
    crm_render_text_elide (self->text, max_width);
  else
    {
      pango_layout_set_width (self->text, -1);
      pango_layout_set_ellipsize (self->text, PANGO_ELLIPSIZE_NONE);
    }
  if (width != NULL)
    crm_render_text_size (self->text, width, NULL);
  return self->text;
}

/**
 * crm_chart_plot_figure:
 * @width: (out) (optional): the width the figure takes
 *
 * The plot's one figure layout (left to right in every style, see
 * crm_render_figure_layout()), set to @text.
 *
 * Returns: (transfer none): the layout, valid until the next call
 */
PangoLayout *
crm_chart_plot_figure (CrmChartPlot *self,
                       const char   *text,
                       double       *width)
{
  pango_layout_set_text (self->figure, text != NULL ? text : "", -1);
  if (width != NULL)
    crm_render_text_size (self->figure, width, NULL);
  return self->figure;
}

/* The label of an axis' tick: all in one form (“0, 5K, 10K”). */
char *
crm_chart_plot_tick_label (const CrmChartPlot *self,
                           double              tick)
{
  double largest = MAX (fabs (self->axis.min), fabs (self->axis.max));

  return crm_value_format_tick (tick, self->axis.step, largest, crm_chart_data_get_kind (self->data),
                                crm_chart_data_get_currency (self->data));
}

static double
tick_label_width (CrmChartPlot *self,
                  guint         index)
{
  g_autofree char *label = crm_chart_plot_tick_label (self, crm_chart_axis_tick (&self->axis, index));
  double width;

  crm_chart_plot_figure (self, label, &width);
  return width;
}

static double
widest_tick_label (CrmChartPlot *self)
{
  double widest = 0;

  for (guint i = 0; i < self->axis.n_ticks; i++)
    widest = MAX (widest, tick_label_width (self, i));
  return widest;
}

static double
widest_category_label (CrmChartPlot *self)
{
  double widest = 0;

  for (guint c = 0; c < self->n_categories; c++)
    {
      double width;

      crm_chart_plot_text (self, crm_chart_data_get_category (self->data, c), 0, &width);
      widest = MAX (widest, width);
    }
  return widest;
}

/* Category labels under a vertical plot: all of them side by side when
 * they fit; else elided, rotated or only every n-th one, as the options
 * prefer. Sets label_length, label_every, rotate and label_extent. */
static void
layout_category_labels (CrmChartPlot              *self,
                        const CrmChartPlotOptions *options,
                        double                     widest)
{
  double spacing = LABEL_SPACING * self->scale;
  double line = self->line_height;
  double rotated_max, side_by_side;
  guint skip_every, rotated_every;

  self->rotate = FALSE;
  self->label_every = 1;
  self->label_length = widest;
  self->label_extent = line;
  if (widest + spacing <= self->band)
    return;

  skip_every = (guint) ceil ((widest + spacing) / self->band);
  /* Rotated by 45°, neighbours are band·sin 45° apart across their lines. */
  rotated_every = (guint) ceil ((line + spacing / 2) / (self->band * G_SQRT2 / 2));
  /* A rotated label takes (length + line)·sin 45° of the height. */
  rotated_max = MIN (ROTATED_SHARE * self->height * G_SQRT2 - line, widest);
  side_by_side = self->band - spacing;

  if (options->skip_labels)
    {
      /* A time axis reads well with up to every fourth label shown;
       * beyond, rotated ones say more when they show twice as many. */
      if (skip_every <= 4 || rotated_every * 2 > skip_every || rotated_max < widest * 0.6)
        {
          self->label_every = skip_every;
          return;
        }
    }
  else if (side_by_side >= widest * 0.75 || (side_by_side >= 4 * line && rotated_every > 1))
    {
      /* Names lose little to an ellipsis at the end. */
      self->label_length = side_by_side;
      return;
    }

  if (rotated_max < 2 * line)
    {
      /* No room to rotate into: every n-th label. */
      self->label_every = skip_every;
      return;
    }
  self->rotate = TRUE;
  self->label_every = rotated_every;
  self->label_length = rotated_max;
  self->label_extent = (rotated_max + line) * G_SQRT2 / 2;
}

/* How much of the axis the data spans, zero included. */
static double
coverage (const CrmChartAxis *axis,
          double              min,
          double              max)
{
  return (MAX (max, 0) - MIN (min, 0)) / (axis->max - axis->min);
}

/* A nice axis with about @preferred ticks; when the data would fill less
 * than three quarters of it (0–400K for data up to 248K), more ticks up to
 * @most, which finer steps fit closer. */
static CrmChartAxis
choose_axis (double min,
             double max,
             guint  preferred,
             guint  most)
{
  CrmChartAxis best = crm_chart_axis_nice (min, max, preferred);

  for (guint n = preferred + 1; n <= most && coverage (&best, min, max) < 0.75; n++)
    {
      CrmChartAxis axis = crm_chart_axis_nice (min, max, n);

      if (coverage (&axis, min, max) > coverage (&best, min, max) + 1e-9)
        best = axis;
    }
  return best;
}

static void
layout_vertical (CrmChartPlot              *self,
                 const CrmChartPlotOptions *options,
                 double                     min,
                 double                     max,
                 double                     top,
                 double                     left,
                 double                     right,
                 double                     bottom)
{
  double line = self->line_height;
  double top_inset = MAX (options->room_after, line / 2);
  double widest = widest_category_label (self);
  double extent = line;

  /* The plot's height decides the ticks, their labels its left edge, that
   * the room for the category labels and so the height again: twice
   * round settles it. */
  for (guint pass = 0; pass < 3; pass++)
    {
      double plot_bottom = bottom - extent - LABEL_GAP * self->scale - options->room_before;
      guint preferred, most;

      self->plot.y = top + top_inset;
      self->plot.height = MAX (plot_bottom - self->plot.y, 1);
      preferred = CLAMP ((guint) floor (self->plot.height / (TICK_DISTANCE * self->scale)) + 1, 2, 7);
      /* Gridlines no closer than two lines of their labels. */
      most = CLAMP ((guint) floor (self->plot.height / (2 * line)) + 1, preferred, 9);
      self->axis = choose_axis (min, max, preferred, most);
      self->tick_label_extent = widest_tick_label (self);
      self->plot.x = left + self->tick_label_extent + TICK_GAP * self->scale;
      self->plot.width = MAX (right - self->plot.x, 1);
      self->band = self->plot.width / self->n_categories;
      layout_category_labels (self, options, widest);
      if (self->label_extent == extent)
        break;
      extent = self->label_extent;
    }
  /* Unsettled after all: the labels keep their room, the ticks stay. */
  self->plot.height = MAX (bottom - self->label_extent - LABEL_GAP * self->scale - options->room_before
                           - self->plot.y, 1);
}

static void
layout_horizontal (CrmChartPlot              *self,
                   const CrmChartPlotOptions *options,
                   double                     min,
                   double                     max,
                   double                     top,
                   double                     left,
                   double                     right,
                   double                     bottom)
{
  double line = self->line_height;
  double spacing = TICK_LABEL_SPACING * self->scale;
  double plot_right, last_tick;
  guint preferred, most;

  /* Names down the side take what they need, up to a third of the width. */
  self->label_length = MIN (widest_category_label (self), MAX (self->width / 3, 4 * line));
  self->label_extent = self->label_length;
  self->rotate = FALSE;

  self->plot.y = top;
  self->plot.height = MAX (bottom - line - LABEL_GAP * self->scale - top, 1);
  self->plot.x = left + self->label_length + TICK_GAP * self->scale + options->room_before;
  plot_right = right - options->room_after;
  self->plot.width = MAX (plot_right - self->plot.x, 1);

  /* As many ticks as their labels leave room for, centred on their
   * gridlines. */
  preferred = CLAMP ((guint) floor (self->plot.width / (72 * self->scale)) + 1, 2, 8);
  most = CLAMP ((guint) floor (self->plot.width / (40 * self->scale)) + 1, preferred, 10);
  for (;;)
    {
      self->axis = choose_axis (min, max, preferred, most);
      self->tick_label_extent = widest_tick_label (self);
      if (preferred == 2 || self->axis.n_ticks < 2
          || self->tick_label_extent + spacing <= self->plot.width / (self->axis.n_ticks - 1))
        break;
      most = --preferred;
    }
  /* The last tick's label is centred on the plot's end: keep it inside. */
  last_tick = tick_label_width (self, self->axis.n_ticks - 1);
  if (self->plot.x + self->plot.width + last_tick / 2 > right)
    self->plot.width = MAX (right - last_tick / 2 - self->plot.x, 1);

  self->band = self->plot.height / self->n_categories;
  self->label_every = self->band >= line ? 1 : (guint) ceil (line / self->band);
}

/**
 * crm_chart_plot_init:
 * @cr: a context to measure text with; nothing is drawn
 *
 * Lays out the chart's frame in @width × @height. Clear it with
 * crm_chart_plot_clear().
 *
 * Returns: %FALSE when there is nothing to plot (no categories or no
 *   value), and the chart should draw its empty message
 */
gboolean
crm_chart_plot_init (CrmChartPlot              *self,
                     cairo_t                   *cr,
                     const CrmRenderStyle      *style,
                     const CrmChartData        *data,
                     const CrmChartPlotOptions *options,
                     double                     width,
                     double                     height)
{
  double min, max, pad, top, left, right, bottom;

  memset (self, 0, sizeof *self);
  self->style = style;
  self->data = data;
  self->width = width;
  self->height = height;
  self->scale = crm_render_style_get_scale (style);
  self->rtl = crm_render_style_is_rtl (style);
  self->horizontal = options->horizontal;
  self->n_categories = crm_chart_data_get_n_categories (data);
  self->label_every = 1;
  self->room_before = options->room_before;
  self->room_after = options->room_after;
  if (self->n_categories == 0 || !crm_chart_data_get_range (data, options->stacked, &min, &max))
    return FALSE;

  self->text = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, "Ag");
  self->figure = crm_render_figure_layout (cr, style, CRM_TEXT_SMALL, "0");
  crm_render_text_size (self->text, NULL, &self->line_height);

  pad = PAD * self->scale;
  top = pad;
  left = pad;
  right = width - pad;
  bottom = height - pad;
  if (crm_chart_data_get_n_series (data) >= 2)
    {
      self->legend_x = pad;
      self->legend_y = top;
      self->legend_width = MAX (width - 2 * pad, 0);
      self->legend_height = crm_chart_legend_measure (cr, style, data, self->legend_width);
      top += self->legend_height + LEGEND_GAP * self->scale;
    }

  if (options->horizontal)
    layout_horizontal (self, options, min, max, top, left, right, bottom);
  else
    layout_vertical (self, options, min, max, top, left, right, bottom);
  return TRUE;
}

void
crm_chart_plot_clear (CrmChartPlot *self)
{
  g_clear_object (&self->text);
  g_clear_object (&self->figure);
}

/* Where @value is along the value axis: a y in a vertical plot, an x (left
 * to right) in a horizontal one. */
double
crm_chart_plot_value_position (const CrmChartPlot *self,
                               double              value)
{
  double fraction = crm_chart_axis_fraction (&self->axis, value);

  if (self->horizontal)
    return self->plot.x + self->plot.width * fraction;
  return self->plot.y + self->plot.height * (1 - fraction);
}

/* Where @category's band begins along the category axis. */
double
crm_chart_plot_category_start (const CrmChartPlot *self,
                               guint               category)
{
  if (self->horizontal)
    return self->plot.y + category * self->band;
  return self->plot.x + category * self->band;
}

/* A left-to-right x as it is drawn: mirrored in right-to-left styles. */
double
crm_chart_plot_x (const CrmChartPlot *self,
                  double              x)
{
  return self->rtl ? self->width - x : x;
}

cairo_rectangle_t
crm_chart_plot_mirror_rect (const CrmChartPlot *self,
                            cairo_rectangle_t   rect)
{
  if (self->rtl)
    rect.x = self->width - rect.x - rect.width;
  return rect;
}

/**
 * crm_chart_plot_category_at:
 * @x: a point as drawn (mirrored in right-to-left styles)
 *
 * The category whose band in the plot, or whose label, is under the point.
 *
 * Returns: the category, or -1
 */
int
crm_chart_plot_category_at (const CrmChartPlot *self,
                            double              x,
                            double              y)
{
  double along, across, start, end, index;

  if (self->n_categories == 0 || self->band <= 0)
    return -1;
  x = crm_chart_plot_x (self, x);
  if (self->horizontal)
    {
      along = y;
      across = x;
      start = PAD * self->scale;
      end = self->width - PAD * self->scale;
      index = (along - self->plot.y) / self->band;
    }
  else
    {
      along = x;
      across = y;
      start = self->plot.y - self->line_height / 2;
      end = self->height - PAD * self->scale;
      index = (along - self->plot.x) / self->band;
    }
  if (across < start || across > end || index < 0 || index >= self->n_categories)
    return -1;
  return (int) index;
}

/* The colour of axis labels: the foreground, softened. */
CrmColor
crm_chart_plot_muted_color (const CrmChartPlot *self)
{
  CrmColor color = crm_render_style_get_foreground (self->style);

  color.alpha = crm_render_style_get_palette (self->style) == CRM_RENDER_PALETTE_PRINT ? 0.85 : 0.7;
  return color;
}

/* A 1-pixel line sits on a pixel, not between two, on an image at scale 1. */
static double
crisp (double position)
{
  return floor (position) + 0.5;
}

static void
set_line_color (CrmChartPlot *self,
                cairo_t      *cr,
                double        light_alpha,
                double        dark_alpha,
                double        print_alpha)
{
  CrmColor color = crm_render_style_get_foreground (self->style);

  switch (crm_render_style_get_palette (self->style))
    {
    case CRM_RENDER_PALETTE_DARK:
      color.alpha = dark_alpha;
      break;
    case CRM_RENDER_PALETTE_PRINT:
      color.alpha = print_alpha;
      break;
    case CRM_RENDER_PALETTE_LIGHT:
    default:
      color.alpha = light_alpha;
      break;
    }
  crm_render_set_color (cr, color);
}

static void
draw_gridlines (CrmChartPlot *self,
                cairo_t      *cr)
{
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1, self->scale));
  set_line_color (self, cr, 0.1, 0.13, 0.3);
  for (guint i = 0; i < self->axis.n_ticks; i++)
    {
      double tick = crm_chart_axis_tick (&self->axis, i);
      double at = crisp (crm_chart_plot_value_position (self, tick));

      if (tick == 0)
        continue;   /* the zero line is drawn on its own, stronger */
      if (self->horizontal)
        {
          cairo_move_to (cr, crm_chart_plot_x (self, at), self->plot.y);
          cairo_line_to (cr, crm_chart_plot_x (self, at), self->plot.y + self->plot.height);
        }
      else
        {
          cairo_move_to (cr, self->plot.x, at);
          cairo_line_to (cr, self->plot.x + self->plot.width, at);
        }
    }
  if (self->rtl && !self->horizontal)
    {
      /* The horizontal lines were drawn unmirrored: mirror them whole. */
      cairo_path_t *path = cairo_copy_path (cr);

      cairo_new_path (cr);
      cairo_translate (cr, self->width, 0);
      cairo_scale (cr, -1, 1);
      cairo_append_path (cr, path);
      cairo_path_destroy (path);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The line at zero, from which bars and areas grow. */
void
crm_chart_plot_draw_zero_line (CrmChartPlot *self,
                               cairo_t      *cr)
{
  double at = crisp (crm_chart_plot_value_position (self, 0));

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1, self->scale));
  set_line_color (self, cr, 0.35, 0.4, 0.8);
  if (self->horizontal)
    {
      double x = crisp (crm_chart_plot_x (self, crm_chart_plot_value_position (self, 0)));

      cairo_move_to (cr, x, self->plot.y);
      cairo_line_to (cr, x, self->plot.y + self->plot.height);
    }
  else
    {
      cairo_move_to (cr, crm_chart_plot_x (self, self->plot.x), at);
      cairo_line_to (cr, crm_chart_plot_x (self, self->plot.x + self->plot.width), at);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_tick_labels (CrmChartPlot *self,
                  cairo_t      *cr)
{
  double line = self->line_height;

  for (guint i = 0; i < self->axis.n_ticks; i++)
    {
      double tick = crm_chart_axis_tick (&self->axis, i);
      double at = crm_chart_plot_value_position (self, tick);
      g_autofree char *label = crm_chart_plot_tick_label (self, tick);
      double label_width;
      PangoLayout *layout = crm_chart_plot_figure (self, label, &label_width);
      cairo_rectangle_t box;

      if (self->horizontal)
        box = (cairo_rectangle_t) { at - label_width / 2, self->plot.y + self->plot.height + LABEL_GAP * self->scale,
                                    label_width, line };
      else
        box = (cairo_rectangle_t) { self->plot.x - TICK_GAP * self->scale - self->tick_label_extent, at - line / 2,
                                    self->tick_label_extent, line };
      box = crm_chart_plot_mirror_rect (self, box);
      crm_render_text_draw (cr, self->style, layout, box.x, box.y, box.width,
                            self->horizontal ? CRM_TEXT_CENTER : CRM_TEXT_END);
    }
}

/* A rotated label, its end (in reading order) at the category's tick. */
static void
draw_rotated_label (CrmChartPlot *self,
                    cairo_t      *cr,
                    PangoLayout  *layout,
                    double        label_width,
                    double        x,
                    double        y)
{
  double line = self->line_height;

  cairo_save (cr);
  cairo_translate (cr, crm_chart_plot_x (self, x), y);
  /* Hanging down towards the value axis: to the left in left-to-right
   * charts, to the right in mirrored ones. */
  cairo_rotate (cr, self->rtl ? G_PI / 4 : -G_PI / 4);
  pango_cairo_update_layout (cr, layout);
  crm_render_text_draw (cr, self->style, layout,
                        self->rtl ? 0 : -label_width, -line / 2, label_width, CRM_TEXT_START);
  cairo_restore (cr);
  pango_cairo_update_layout (cr, layout);
}

/**
 * crm_chart_plot_category_labels:
 *
 * Where each category label that is shown goes, laid out left to right:
 * the ones that are not (every n-th on a crowded axis) are left out.
 *
 * Returns: (transfer full) (element-type CrmChartPlotLabel): the labels
 */
GArray *
crm_chart_plot_category_labels (CrmChartPlot *self)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (CrmChartPlotLabel));
  double line = self->line_height;
  double spacing = LABEL_SPACING * self->scale;
  double placed_end = -G_MAXDOUBLE;

  for (guint c = 0; c < self->n_categories; c += self->label_every)
    {
      const char *name = crm_chart_data_get_category (self->data, c);
      double start = crm_chart_plot_category_start (self, c);
      CrmChartPlotLabel label = { c, self->label_length, 0, { 0, 0, 0, 0 } };

      if (self->horizontal)
        {
          crm_chart_plot_text (self, name, label.length, &label.width);
          label.box = (cairo_rectangle_t) { self->plot.x - self->room_before - TICK_GAP * self->scale - self->label_length,
                                            start + (self->band - line) / 2, self->label_length, line };
        }
      else if (self->rotate)
        {
          /* Each is elided to the room left of its tick, down to the
           * chart's edge: only the first few ever need it. */
          double room = (start + self->band / 2 - PAD * self->scale) * G_SQRT2 - line / 2;

          label.length = MAX (MIN (self->label_length, room), line);
          crm_chart_plot_text (self, name, label.length, &label.width);
          label.box = (cairo_rectangle_t) { start + self->band / 2,
                                            self->plot.y + self->plot.height + LABEL_GAP * self->scale
                                            + line * G_SQRT2 / 4 + self->room_before,
                                            label.width, line };
        }
      else
        {
          /* Centred under the category, but inside the chart and clear of
           * the tick labels; a label that would come too close to the one
           * before is left out (only ever the last one, pushed in from the
           * edge). */
          crm_chart_plot_text (self, name, label.length, &label.width);
          label.box.x = start + (self->band - label.width) / 2;
          label.box.x = MIN (label.box.x, self->width - PAD * self->scale - label.width);
          label.box.x = MAX (label.box.x, self->plot.x - TICK_GAP * self->scale / 2);
          if (label.box.x < placed_end + spacing / 2)
            continue;
          placed_end = label.box.x + label.width;
          label.box.y = self->plot.y + self->plot.height + LABEL_GAP * self->scale + self->room_before;
          label.box.width = label.width;
          label.box.height = line;
        }
      g_array_append_val (labels, label);
    }
  return labels;
}

static void
draw_category_labels (CrmChartPlot *self,
                      cairo_t      *cr)
{
  g_autoptr(GArray) labels = crm_chart_plot_category_labels (self);

  for (guint i = 0; i < labels->len; i++)
    {
      const CrmChartPlotLabel *label = &g_array_index (labels, CrmChartPlotLabel, i);
      PangoLayout *layout = crm_chart_plot_text (self, crm_chart_data_get_category (self->data, label->category),
                                                 label->length, NULL);
      cairo_rectangle_t box;

      if (self->rotate)
        {
          draw_rotated_label (self, cr, layout, label->width, label->box.x, label->box.y);
          continue;
        }
      box = crm_chart_plot_mirror_rect (self, label->box);
      crm_render_text_draw (cr, self->style, layout, box.x, box.y, box.width,
                            self->horizontal ? CRM_TEXT_END : CRM_TEXT_START);
    }
}

/* Draws the legend, the gridlines and the axes' labels: everything but
 * the data and the zero line. */
void
crm_chart_plot_draw_frame (CrmChartPlot *self,
                           cairo_t      *cr)
{
  if (self->legend_height > 0)
    crm_chart_legend_draw (cr, self->style, self->data, self->legend_x, self->legend_y, self->legend_width);
  draw_gridlines (self, cr);
  cairo_save (cr);
  crm_render_set_color (cr, crm_chart_plot_muted_color (self));
  draw_tick_labels (self, cr);
  draw_category_labels (self, cr);
  cairo_restore (cr);
}
