/* crm-funnel-chart.c
 *
 * layout_funnel() places every stage left to right; drawing, the hit test
 * and the bar rectangles all read it, and in a right-to-left style every x
 * goes through crm_render_mirror_x(): names on the right, conversions on
 * the left, the bars centred either way.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crm-funnel-chart.h"
#include "crm-render-text.h"

#define MARGIN 12.0
#define SPACING 16.0      /* between the names, the bars and the conversions */
#define ROW_GAP 14.0      /* between bars, where the conversions are */
#define MAX_BAR 40.0      /* the tallest a bar grows, however much room */
#define ARROW 8.0         /* the conversion's arrow */

typedef struct
{
  guint   n;
  double  max;            /* the largest value, the widest bar */
  double  name_x, name_width;
  double  bars_x, bars_width;
  double  conversion_x, conversion_width;
  double  top, bar_height, row_gap;
} FunnelLayout;

static double
stage_value (const CrmChartData *data,
             guint               stage)
{
  return crm_chart_data_get_n_series (data) > 0 ? crm_chart_data_get_value (data, 0, stage) : NAN;
}

/* The conversion from @stage to the next, or NAN when either is
 * missing or nothing was there to convert. */
static double
conversion (const CrmChartData *data,
            guint               stage)
{
  double from = stage_value (data, stage), to = stage_value (data, stage + 1);

  return isnan (from) || isnan (to) || from <= 0 ? NAN : to / from;
}

static double
text_width (cairo_t              *cr,
            const CrmRenderStyle *style,
            CrmTextRole           role,
            const char           *text)
{
  g_autoptr(PangoLayout) layout = crm_render_text_layout (cr, style, role, text);
  double width;

  crm_render_text_size (layout, &width, NULL);
  return ceil (width);
}

/* Lays the chart out left to right; %FALSE when there is nothing to draw. */
static gboolean
layout_funnel (const CrmChartData   *data,
               const CrmRenderStyle *style,
               cairo_t              *cr,
               double                width,
               double                height,
               FunnelLayout         *layout)
{
  double scale = crm_render_style_get_scale (style);
  double margin = MARGIN * scale, spacing = SPACING * scale;
  double inner_width = width - 2 * margin, inner_height = height - 2 * margin;
  double line = crm_render_text_line_height (cr, style, CRM_TEXT_BODY);
  double names = 0, conversions = 0, rows;

  memset (layout, 0, sizeof *layout);
  layout->n = crm_chart_data_get_n_categories (data);
  for (guint s = 0; s < layout->n; s++)
    {
      double value = stage_value (data, s);

      if (!isnan (value))
        layout->max = MAX (layout->max, value);
      names = MAX (names, text_width (cr, style, CRM_TEXT_BODY, crm_chart_data_get_category (data, s)));
      if (s + 1 < layout->n)
        {
          g_autofree char *text = crm_value_format (conversion (data, s), CRM_VALUE_PERCENT, NULL);

          conversions = MAX (conversions, text_width (cr, style, CRM_TEXT_SMALL, text));
        }
    }
  if (layout->n == 0 || !(layout->max > 0) || inner_width <= 0 || inner_height <= 0)
    return FALSE;

  /* Names get what they need up to a third; the conversions what they
   * need; the bars the rest, and never less than a third. */
  layout->conversion_width = layout->n > 1 ? conversions + (ARROW + 4) * scale : 0;
  layout->name_width = MIN (names, inner_width / 3);
  if (inner_width - layout->name_width - layout->conversion_width - 2 * spacing < inner_width / 3)
    layout->name_width = MAX (inner_width * 2 / 3 - layout->conversion_width - 2 * spacing, 0);
  layout->name_x = margin;
  layout->bars_x = margin + layout->name_width + spacing;
  layout->bars_width = inner_width - layout->name_width - spacing
                     - (layout->n > 1 ? layout->conversion_width + spacing : 0);
  layout->conversion_x = layout->bars_x + layout->bars_width + spacing;

  /* Rows share the height, up to the tallest bar; the funnel is centred
   * in what is left. */
  layout->row_gap = ROW_GAP * scale;
  layout->bar_height = MIN ((inner_height - (layout->n - 1) * layout->row_gap) / layout->n, MAX_BAR * scale);
  if (layout->bar_height < line + 4 * scale)
    {
      layout->row_gap = 4 * scale;
      layout->bar_height = (inner_height - (layout->n - 1) * layout->row_gap) / layout->n;
    }
  if (layout->bar_height <= 0)
    return FALSE;
  rows = layout->n * layout->bar_height + (layout->n - 1) * layout->row_gap;
  layout->top = (height - rows) / 2;
  return TRUE;
}

/* The stage's bar, left to right; zero wide without a positive value. */
static cairo_rectangle_t
bar_rect (const CrmChartData *data,
          const FunnelLayout *layout,
          guint               stage)
{
  double value = stage_value (data, stage);
  double bar = isnan (value) || value <= 0 ? 0 : MAX (value / layout->max * layout->bars_width, 2);

  return (cairo_rectangle_t) {
    layout->bars_x + (layout->bars_width - bar) / 2,
    layout->top + stage * (layout->bar_height + layout->row_gap),
    bar,
    layout->bar_height,
  };
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI_2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI_2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI_2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

/* A downward arrow (from this stage to the next) with its tip at (@x, @y). */
static void
draw_arrow (cairo_t *cr,
            double   x,
            double   y,
            double   size)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - size / 2, y - size * 0.55);
  cairo_line_to (cr, x - size * 0.17, y - size * 0.55);
  cairo_line_to (cr, x - size * 0.17, y - size);
  cairo_line_to (cr, x + size * 0.17, y - size);
  cairo_line_to (cr, x + size * 0.17, y - size * 0.55);
  cairo_line_to (cr, x + size / 2, y - size * 0.55);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_stage (cairo_t              *cr,
            const CrmChartData   *data,
            const CrmRenderStyle *style,
            const FunnelLayout   *layout,
            guint                 stage,
            double                width)
{
  double scale = crm_render_style_get_scale (style);
  cairo_rectangle_t bar = bar_rect (data, layout, stage);
  CrmColor color = crm_render_style_get_series_color (style, 0);
  g_autoptr(PangoLayout) name = crm_render_text_layout (cr, style, CRM_TEXT_BODY, crm_chart_data_get_category (data, stage));
  g_autofree char *value_text = crm_chart_data_format_value (data, stage_value (data, stage));
  g_autoptr(PangoLayout) value = crm_render_figure_layout (cr, style, CRM_TEXT_BODY, value_text);
  double name_height, value_width, value_height, padding = 8 * scale;
  double value_x;

  crm_render_text_elide (name, layout->name_width);
  crm_render_text_size (name, NULL, &name_height);
  crm_render_set_color (cr, crm_render_style_get_foreground (style));
  crm_render_text_draw (cr, style, name, crm_render_mirror_x (style, width, layout->name_x + (crm_render_style_is_rtl (style) ? layout->name_width : 0)),
                        bar.y + (bar.height - name_height) / 2, layout->name_width, CRM_TEXT_START);

  if (bar.width > 0)
    {
      crm_render_set_color (cr, color);
      rounded_rectangle (cr, crm_render_mirror_x (style, width, bar.x + (crm_render_style_is_rtl (style) ? bar.width : 0)),
                         bar.y, bar.width, bar.height, 4 * scale);
      cairo_fill (cr);
    }

  /* The value on its bar when it fits there, else just after it, else
   * just before it; in short when in full it fits nowhere. Never over
   * the bar in the foreground colour. */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      /* Beside the bar the value may take most of the spacing too. */
      double area_start = layout->bars_x - (SPACING - 4) * scale;
      double area_end = layout->bars_x + layout->bars_width + (SPACING - 4) * scale;
      double beside = 4 * scale;
      gboolean inside;

      if (attempt == 1)
        {
          g_autofree char *compact = crm_chart_data_format_compact (data, stage_value (data, stage));

          pango_layout_set_text (value, compact, -1);
        }
      crm_render_text_size (value, &value_width, &value_height);
      inside = value_width + 2 * padding <= bar.width && value_height <= bar.height;
      if (inside)
        value_x = bar.x + (bar.width - value_width) / 2;
      else if (bar.width <= 0)
        value_x = bar.x - value_width / 2;
      else if (bar.x + bar.width + beside + value_width <= area_end)
        value_x = bar.x + bar.width + beside;
      else if (bar.x - beside - value_width >= area_start)
        value_x = bar.x - beside - value_width;
      else if (attempt == 0)
        continue;
      else
        {
          /* On the bar, however it fits. */
          value_x = bar.x + (bar.width - value_width) / 2;
          inside = TRUE;
        }
      crm_render_set_color (cr, inside ? crm_render_text_color_on (style, color) : crm_render_style_get_foreground (style));
      break;
    }
  crm_render_text_draw (cr, style, value, crm_render_mirror_x (style, width, value_x + value_width / 2) - value_width / 2,
                        bar.y + (bar.height - value_height) / 2, value_width, CRM_TEXT_CENTER);

  if (stage + 1 < layout->n)
    {
      g_autofree char *text = crm_value_format (conversion (data, stage), CRM_VALUE_PERCENT, NULL);
      g_autoptr(PangoLayout) percent = crm_render_figure_layout (cr, style, CRM_TEXT_SMALL, text);
      CrmColor muted = crm_render_style_get_foreground (style);
      double percent_width, percent_height, middle = bar.y + bar.height + layout->row_gap / 2;
      double arrow = ARROW * scale;

      muted.alpha = 0.7;
      crm_render_set_color (cr, muted);
      crm_render_text_size (percent, &percent_width, &percent_height);
      draw_arrow (cr, crm_render_mirror_x (style, width, layout->conversion_x + arrow / 2), middle + arrow / 2, arrow);
      crm_render_text_draw (cr, style, percent,
                            crm_render_mirror_x (style, width, layout->conversion_x + arrow + 4 * scale + (crm_render_style_is_rtl (style) ? percent_width : 0)),
                            middle - percent_height / 2, percent_width, CRM_TEXT_START);
    }
}

/* What flows from each bar into the next, faintly: the funnel's shape. */
static void
draw_connectors (cairo_t              *cr,
                 const CrmChartData   *data,
                 const CrmRenderStyle *style,
                 const FunnelLayout   *layout,
                 double                width)
{
  CrmColor color = crm_render_style_get_series_color (style, 0);

  color.alpha = crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_DARK ? 0.3 : 0.2;
  cairo_save (cr);
  if (crm_render_style_is_rtl (style))
    {
      cairo_translate (cr, width, 0);
      cairo_scale (cr, -1, 1);
    }
  crm_render_set_color (cr, color);
  for (guint s = 0; s + 1 < layout->n; s++)
    {
      cairo_rectangle_t from = bar_rect (data, layout, s), to = bar_rect (data, layout, s + 1);

      if (from.width <= 0 || to.width <= 0)
        continue;
      cairo_move_to (cr, from.x, from.y + from.height);
      cairo_line_to (cr, from.x + from.width, from.y + from.height);
      cairo_line_to (cr, to.x + to.width, to.y);
      cairo_line_to (cr, to.x, to.y);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/**
 * crm_funnel_chart_draw:
 *
 * Draws the first series of @data as a funnel in the box from (0, 0),
 * @width × @height; a stage without a value keeps its row with a dash,
 * and without any positive value the chart draws the “no data” message.
 */
void
crm_funnel_chart_draw (const CrmChartData   *data,
                       const CrmRenderStyle *style,
                       cairo_t              *cr,
                       double                width,
                       double                height)
{
  FunnelLayout layout;

  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  if (!layout_funnel (data, style, cr, width, height, &layout))
    {
      crm_render_empty (cr, style, width, height, NULL);
      return;
    }
  cairo_save (cr);
  draw_connectors (cr, data, style, &layout, width);
  for (guint s = 0; s < layout.n; s++)
    draw_stage (cr, data, style, &layout, s, width);
  cairo_restore (cr);
}

/**
 * crm_funnel_chart_hit_test:
 * @cr: (nullable): the context the chart is drawn on, for its text
 *   measures; %NULL to measure on an image
 *
 * The stage whose row (name, bar and value) is at (@x, @y), as series 0
 * and the stage's category, or %CRM_CHART_HIT_NONE between rows and in
 * the margins.
 */
CrmChartHit
crm_funnel_chart_hit_test (const CrmChartData   *data,
                           const CrmRenderStyle *style,
                           cairo_t              *cr,
                           double                width,
                           double                height,
                           double                x,
                           double                y)
{
  FunnelLayout layout;
  cairo_t *measure;
  gboolean laid_out;

  g_return_val_if_fail (data != NULL, CRM_CHART_HIT_NONE);
  g_return_val_if_fail (style != NULL, CRM_CHART_HIT_NONE);

  measure = crm_render_measuring_context (cr);
  laid_out = layout_funnel (data, style, measure, width, height, &layout);
  cairo_destroy (measure);
  if (!laid_out)
    return CRM_CHART_HIT_NONE;

  x = crm_render_mirror_x (style, width, x);
  if (x < layout.name_x || x >= layout.bars_x + layout.bars_width)
    return CRM_CHART_HIT_NONE;
  for (guint s = 0; s < layout.n; s++)
    {
      cairo_rectangle_t bar = bar_rect (data, &layout, s);

      if (y >= bar.y && y < bar.y + bar.height)
        return (CrmChartHit) { 0, s };
    }
  return CRM_CHART_HIT_NONE;
}

/**
 * crm_funnel_chart_get_bar_rect:
 * @rect: (out): the bar, mirrored in right to left; zero wide for a stage
 *   without a positive value
 *
 * Where a stage's bar is, for a tooltip or the keyboard focus to point at.
 *
 * Returns: %FALSE when there is no such stage or nothing is drawn
 */
gboolean
crm_funnel_chart_get_bar_rect (const CrmChartData   *data,
                               const CrmRenderStyle *style,
                               cairo_t              *cr,
                               double                width,
                               double                height,
                               guint                 stage,
                               cairo_rectangle_t    *rect)
{
  FunnelLayout layout;
  cairo_t *measure;
  gboolean laid_out;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  measure = crm_render_measuring_context (cr);
  laid_out = layout_funnel (data, style, measure, width, height, &layout);
  cairo_destroy (measure);
  if (!laid_out || stage >= layout.n)
    return FALSE;
  *rect = bar_rect (data, &layout, stage);
  rect->x = crm_render_mirror_x (style, width, rect->x + (crm_render_style_is_rtl (style) ? rect->width : 0));
  return TRUE;
}
