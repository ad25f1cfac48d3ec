/* crm-chart-legend.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-chart-legend.h"
#include "crm-render-text.h"

#define SWATCH 10.0
#define GAP 6.0       /* between a swatch and its name */
#define SPACING 16.0  /* between entries */

/* Lays the legend out, drawing it when @draw; returns its height. */
static double
layout_legend (cairo_t              *cr,
               const CrmRenderStyle *style,
               const CrmChartData   *data,
               double                x,
               double                y,
               double                width,
               gboolean              draw)
{
  guint n = crm_chart_data_get_n_series (data);
  double line = crm_render_text_line_height (cr, style, CRM_TEXT_SMALL);
  double scale = crm_render_style_get_scale (style);
  double swatch = SWATCH * scale, gap = GAP * scale, spacing = SPACING * scale;
  double at = 0, row = 0;

  if (n == 0)
    return 0;
  for (guint s = 0; s < n; s++)
    {
      g_autoptr(PangoLayout) layout = crm_render_text_layout (cr, style, CRM_TEXT_SMALL,
                                                              crm_chart_data_get_series_name (data, s));
      double text_width, entry;

      crm_render_text_elide (layout, MAX (width - swatch - gap, 0));
      crm_render_text_size (layout, &text_width, NULL);
      entry = swatch + gap + text_width;
      if (at > 0 && at + entry > width)
        {
          at = 0;
          row += line + 4 * scale;
        }
      if (draw)
        {
          /* Laid out left to right, then mirrored as a whole entry. */
          double left = crm_render_style_is_rtl (style) ? x + width - at - entry : x + at;
          double swatch_x = crm_render_style_is_rtl (style) ? left + entry - swatch : left;
          double text_x = crm_render_style_is_rtl (style) ? left : left + swatch + gap;

          cairo_save (cr);
          crm_render_set_color (cr, crm_render_style_get_series_color (style, s));
          cairo_rectangle (cr, swatch_x, y + row + (line - swatch) / 2, swatch, swatch);
          cairo_fill (cr);
          crm_render_set_color (cr, crm_render_style_get_foreground (style));
          crm_render_text_draw (cr, style, layout, text_x, y + row, text_width, CRM_TEXT_START);
          cairo_restore (cr);
        }
      at += entry + spacing;
    }
  return row + line;
}

/* The height the legend takes at @width. */
double
crm_chart_legend_measure (cairo_t              *cr,
                          const CrmRenderStyle *style,
                          const CrmChartData   *data,
                          double                width)
{
  return layout_legend (cr, style, data, 0, 0, width, FALSE);
}

/* Draws the legend in the box from (@x, @y), @width wide; returns its
 * height. */
double
crm_chart_legend_draw (cairo_t              *cr,
                       const CrmRenderStyle *style,
                       const CrmChartData   *data,
                       double                x,
                       double                y,
                       double                width)
{
  return layout_legend (cr, style, data, x, y, width, TRUE);
}
