/* crm-chart-legend.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

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

/* The widths of a list legend's columns at @width: figures columns are
 * dropped, the value's first, when the labels would be left too little. */
typedef struct
{
  double   label;
  double   value;
  double   share;
  gboolean show_value;
  gboolean show_share;
} ListColumns;

static double
max_text_width (cairo_t                   *cr,
                const CrmRenderStyle      *style,
                const CrmChartLegendEntry *entries,
                guint                      n_entries,
                gsize                      offset)
{
  double widest = 0;

  for (guint i = 0; i < n_entries; i++)
    {
      const char *text = G_STRUCT_MEMBER (const char *, &entries[i], offset);
      g_autoptr(PangoLayout) layout = NULL;
      double text_width;

      if (text == NULL)
        continue;
      layout = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, text);
      crm_render_text_size (layout, &text_width, NULL);
      widest = MAX (widest, text_width);
    }
  return ceil (widest);
}

static double
list_columns (cairo_t                   *cr,
              const CrmRenderStyle      *style,
              const CrmChartLegendEntry *entries,
              guint                      n_entries,
              double                     width,
              ListColumns               *columns)
{
  double scale = crm_render_style_get_scale (style);
  double fixed = (SWATCH + GAP) * scale, spacing = SPACING * scale;
  double natural_label = max_text_width (cr, style, entries, n_entries, G_STRUCT_OFFSET (CrmChartLegendEntry, label));
  double least_label = MIN (natural_label, 64 * scale);
  double figures;

  columns->value = max_text_width (cr, style, entries, n_entries, G_STRUCT_OFFSET (CrmChartLegendEntry, value));
  columns->share = max_text_width (cr, style, entries, n_entries, G_STRUCT_OFFSET (CrmChartLegendEntry, share));
  columns->show_value = columns->value > 0;
  columns->show_share = columns->share > 0;
  for (;;)
    {
      figures = (columns->show_value ? spacing + columns->value : 0)
              + (columns->show_share ? spacing + columns->share : 0);
      if (width - fixed - figures >= least_label || (!columns->show_value && !columns->show_share))
        break;
      if (columns->show_value)
        columns->show_value = FALSE;
      else
        columns->show_share = FALSE;
    }
  columns->label = MAX (MIN (natural_label, width - fixed - figures), 0);
  return fixed + columns->label + figures;
}

/**
 * crm_chart_legend_list_width:
 * @max_width: the most the legend may take
 *
 * The width a list legend of @entries takes: its natural width, or
 * @max_width when that is less (the labels are elided then).
 */
double
crm_chart_legend_list_width (cairo_t                   *cr,
                             const CrmRenderStyle      *style,
                             const CrmChartLegendEntry *entries,
                             guint                      n_entries,
                             double                     max_width)
{
  ListColumns columns;

  g_return_val_if_fail (entries != NULL || n_entries == 0, 0);
  if (n_entries == 0)
    return 0;
  return MIN (list_columns (cr, style, entries, n_entries, max_width, &columns), max_width);
}

/**
 * crm_chart_legend_list_draw:
 * @row_height: entry i takes the row from @y + i × @row_height; a chart's
 *   hit test finds an entry by the same arithmetic
 *
 * Draws a list legend in the box from (@x, @y), @width wide: a swatch and
 * the label at the reading edge, the figures aligned in columns at the
 * other.
 */
void
crm_chart_legend_list_draw (cairo_t                   *cr,
                            const CrmRenderStyle      *style,
                            const CrmChartLegendEntry *entries,
                            guint                      n_entries,
                            double                     x,
                            double                     y,
                            double                     width,
                            double                     row_height)
{
  double scale = crm_render_style_get_scale (style);
  double swatch = SWATCH * scale, gap = GAP * scale, spacing = SPACING * scale;
  double line = crm_render_text_line_height (cr, style, CRM_TEXT_SMALL);
  gboolean rtl = crm_render_style_is_rtl (style);
  CrmColor foreground = crm_render_style_get_foreground (style), muted = foreground;
  /* Figures line up by their last digit in either direction. */
  CrmTextAlign figures = rtl ? CRM_TEXT_START : CRM_TEXT_END;
  ListColumns columns;

  g_return_if_fail (entries != NULL || n_entries == 0);
  if (n_entries == 0)
    return;
  list_columns (cr, style, entries, n_entries, width, &columns);
  muted.alpha = 0.7;

  cairo_save (cr);
  for (guint i = 0; i < n_entries; i++)
    {
      double top = y + i * row_height, text_y = top + (row_height - line) / 2;
      /* Left to right from the box's edges, then mirrored. */
      double share_x = width - columns.share;
      double value_x = (columns.show_share ? share_x - spacing : width) - columns.value;
      g_autoptr(PangoLayout) label = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, entries[i].label);

#define AT(left, w) (rtl ? x + width - (left) - (w) : x + (left))
      crm_render_set_color (cr, entries[i].color);
      cairo_rectangle (cr, AT (0, swatch), top + (row_height - swatch) / 2, swatch, swatch);
      cairo_fill (cr);

      crm_render_set_color (cr, foreground);
      crm_render_text_elide (label, columns.label);
      crm_render_text_draw (cr, style, label, AT (swatch + gap, columns.label), text_y, columns.label, CRM_TEXT_START);
      if (columns.show_value && entries[i].value != NULL)
        {
          g_autoptr(PangoLayout) value = crm_render_figure_layout (cr, style, CRM_TEXT_SMALL, entries[i].value);

          crm_render_text_draw (cr, style, value, AT (value_x, columns.value), text_y, columns.value, figures);
        }
      if (columns.show_share && entries[i].share != NULL)
        {
          g_autoptr(PangoLayout) share = crm_render_figure_layout (cr, style, CRM_TEXT_SMALL, entries[i].share);

          crm_render_set_color (cr, muted);
          crm_render_text_draw (cr, style, share, AT (share_x, columns.share), text_y, columns.share, figures);
        }
#undef AT
    }
  cairo_restore (cr);
}
