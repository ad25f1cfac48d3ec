/* crm-heat-grid.c
 *
 * The grid is laid out once, left to right, by grid_layout(), which both
 * drawing and hit-testing use, so a click always lands on the cell that
 * was drawn there; right-to-left styles mirror every x at the end.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crm-heat-grid.h"
#include "crm-render-text.h"

#define MARGIN 8.0          /* around the whole chart */
#define CELL_GAP 3.0        /* between cells */
#define CELL_RADIUS 4.0
#define CELL_PADDING 4.0    /* between a cell's edge and its text */
#define LABEL_GAP 10.0      /* between labels and the grid */
#define MAX_ROW_HEIGHT 72.0 /* a grid of few rows stays a grid, not a wall */
#define MIN_ELIDED_COLUMN 64.0 /* narrower columns turn their labels */
#define LEGEND_BAR_WIDTH 120.0
#define LEGEND_BAR_HEIGHT 8.0

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* One hue from light to dark: what tells the cells apart is lightness,
 * which every kind of colour vision sees (after ColorBrewer's Blues). In
 * the dark palette the scale runs the other way, so that the busiest
 * cells stand out from the dark background as they do from the white
 * one. */
static const CrmColor light_scale[] = {
  RGB (0xe3eef9), RGB (0xc6dbef), RGB (0x9ecae1), RGB (0x6baed6),
  RGB (0x4292c6), RGB (0x2171b5), RGB (0x08519c), RGB (0x08306b),
};
static const CrmColor dark_scale[] = {
  RGB (0x1c2d40), RGB (0x1e4266), RGB (0x22588a), RGB (0x2b72ae),
  RGB (0x448fcc), RGB (0x6eafe3), RGB (0xa3cff3), RGB (0xd6ebff),
};
static const CrmColor print_scale[] = {
  RGB (0xf2f2f2), RGB (0xbfbfbf), RGB (0x8c8c8c), RGB (0x595959), RGB (0x333333),
};

typedef struct
{
  gboolean empty;
  guint    n_rows;
  guint    n_columns;
  double   lo;                /* the value of the lightest shade */
  double   hi;                /* and of the darkest */

  /* Left to right, before mirroring. */
  double   label_x;           /* row labels */
  double   label_width;
  double   header_y;          /* column labels */
  double   header_height;
  gboolean rotate_columns;
  double   grid_x;
  double   grid_y;
  double   column_width;      /* a cell's pitch, its gap included */
  double   row_height;
  guint    row_label_every;   /* rows thinner than a line label only */
  guint    column_label_every;/* every n-th row or column */
  double   gap;
  double   legend_y;
  double   line_body;
  double   line_small;
  gboolean value_compact;     /* figures in their short form */
  gboolean value_small;       /* and in small type */
  gboolean show_detail;
} GridLayout;

static const CrmHeatGridOptions no_options = { NULL, NULL, NULL };

/* The widest of the figures in one form, measured on the longest
 * strings only: digits are as wide as each other. */
static double
widest_value (const CrmChartData *data,
              gboolean            compact,
              PangoLayout        *text)
{
  g_autoptr(GPtrArray) longest = g_ptr_array_new_with_free_func (g_free);
  glong most = 0;
  double widest = 0;

  for (guint r = 0; r < crm_chart_data_get_n_series (data); r++)
    for (guint c = 0; c < crm_chart_data_get_n_categories (data); c++)
      {
        double value = crm_chart_data_get_value (data, r, c);
        char *formatted = compact ? crm_chart_data_format_compact (data, value)
                                  : crm_chart_data_format_value (data, value);
        glong length = g_utf8_strlen (formatted, -1);

        if (length > most)
          {
            g_ptr_array_set_size (longest, 0);
            most = length;
          }
        if (length == most && longest->len < 8)
          g_ptr_array_add (longest, formatted);
        else
          g_free (formatted);
      }
  for (guint i = 0; i < longest->len; i++)
    widest = MAX (widest, crm_render_text_width (text, g_ptr_array_index (longest, i)));
  return widest;
}

/* One form for every figure of the grid, the fullest that fits the
 * cells: figures side by side read best alike. */
static void
choose_value_form (cairo_t              *cr,
                   const CrmRenderStyle *style,
                   const CrmChartData   *data,
                   GridLayout           *layout,
                   PangoLayout          *body)
{
  double scale = crm_render_style_get_scale (style);
  double cell = layout->column_width - layout->gap;
  double room = cell - 2 * MIN (CELL_PADDING * scale, cell / 16);
  g_autoptr(PangoLayout) small = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, NULL);

  for (guint attempt = 0; attempt < 4; attempt++)
    {
      layout->value_compact = attempt % 2 == 1;
      layout->value_small = attempt >= 2;
      if (widest_value (data, layout->value_compact, layout->value_small ? small : body) <= room)
        return;
    }
}

static void
grid_layout (cairo_t              *cr,
             const CrmRenderStyle *style,
             const CrmChartData   *data,
             gboolean              has_detail,
             double                width,
             double                height,
             GridLayout           *layout)
{
  double scale = crm_render_style_get_scale (style);
  double margin = MARGIN * scale, label_gap = LABEL_GAP * scale;
  double max_row_label = 0, max_column_label = 0, grid_width, grid_height, bottom;
  g_autoptr(PangoLayout) body = NULL;

  memset (layout, 0, sizeof *layout);
  layout->n_rows = crm_chart_data_get_n_series (data);
  layout->n_columns = crm_chart_data_get_n_categories (data);
  layout->empty = layout->n_rows == 0 || layout->n_columns == 0
                  || crm_chart_data_is_empty (data);
  if (layout->empty)
    return;

  crm_chart_data_get_range (data, FALSE, &layout->lo, &layout->hi);
  /* Counts, money and shares are measured from nothing; a score (a
   * satisfaction from 1 to 5) is shaded over the range it covers. */
  if (crm_chart_data_get_kind (data) != CRM_VALUE_DECIMAL)
    layout->lo = MIN (layout->lo, 0);
  layout->line_body = crm_render_text_line_height (cr, style, CRM_TEXT_BODY);
  layout->line_small = crm_render_text_line_height (cr, style, CRM_TEXT_SMALL);
  layout->gap = CELL_GAP * scale;

  body = crm_render_text_layout (cr, style, CRM_TEXT_BODY, NULL);
  for (guint r = 0; r < layout->n_rows; r++)
    max_row_label = MAX (max_row_label, crm_render_text_width (body, crm_chart_data_get_series_name (data, r)));
  for (guint c = 0; c < layout->n_columns; c++)
    max_column_label = MAX (max_column_label, crm_render_text_width (body, crm_chart_data_get_category (data, c)));

  /* Row labels take what they need, up to a third of the width. */
  layout->label_x = margin;
  layout->label_width = ceil (MIN (max_row_label, (width - 2 * margin) / 3));
  layout->grid_x = layout->label_x + layout->label_width + (layout->label_width > 0 ? label_gap : 0);
  grid_width = MAX (width - margin - layout->grid_x, 0);
  layout->column_width = grid_width / layout->n_columns;

  /* Column labels stay level while they fit or can be cut to something
   * still readable; in narrow columns they stand on end. */
  layout->header_y = margin;
  layout->rotate_columns = max_column_label > layout->column_width - 2 * CELL_PADDING * scale
                           && layout->column_width < MIN_ELIDED_COLUMN * scale;
  if (layout->rotate_columns)
    layout->header_height = ceil (MIN (max_column_label, (height - 2 * margin) * 0.3));
  else
    layout->header_height = layout->line_body;

  layout->grid_y = layout->header_y + layout->header_height + label_gap / 2;
  bottom = height - margin - layout->line_small - label_gap;
  grid_height = MAX (bottom - layout->grid_y, 0);
  layout->row_height = MIN (grid_height / layout->n_rows, MAX_ROW_HEIGHT * scale);
  layout->legend_y = layout->grid_y + layout->row_height * layout->n_rows + label_gap;

  /* Crowded labels skip rather than overlap. */
  layout->row_label_every = layout->row_height >= layout->line_body || layout->row_height <= 0
                            ? 1 : (guint) ceil (layout->line_body / layout->row_height);
  layout->column_label_every = !layout->rotate_columns || layout->column_width >= layout->line_body
                               || layout->column_width <= 0
                               ? 1 : (guint) ceil (layout->line_body / layout->column_width);

  choose_value_form (cr, style, data, layout, body);
  layout->show_detail = has_detail && !layout->value_small
                        && layout->row_height - layout->gap - 2 * CELL_PADDING * scale
                           >= layout->line_body + layout->line_small;
}

/* A cell's rectangle, left to right, gap excluded. */
static cairo_rectangle_t
cell_rect (const GridLayout *layout,
           guint             row,
           guint             column)
{
  cairo_rectangle_t rect;

  rect.x = layout->grid_x + column * layout->column_width + layout->gap / 2;
  rect.y = layout->grid_y + row * layout->row_height + layout->gap / 2;
  rect.width = MAX (layout->column_width - layout->gap, 0);
  rect.height = MAX (layout->row_height - layout->gap, 0);
  return rect;
}

static double
mirror_rect_x (const CrmRenderStyle *style,
               double                width,
               double                x,
               double                rect_width)
{
  return crm_render_style_is_rtl (style) ? width - x - rect_width : x;
}

static double
value_fraction (const GridLayout *layout,
                double            value)
{
  if (layout->hi <= layout->lo)
    return layout->hi > 0 ? 1 : 0;
  return CLAMP ((value - layout->lo) / (layout->hi - layout->lo), 0, 1);
}

static const CrmColor *
scale_stops (const CrmRenderStyle *style,
             guint                *n)
{
  switch (crm_render_style_get_palette (style))
    {
    case CRM_RENDER_PALETTE_DARK:
      *n = G_N_ELEMENTS (dark_scale);
      return dark_scale;
    case CRM_RENDER_PALETTE_PRINT:
      *n = G_N_ELEMENTS (print_scale);
      return print_scale;
    case CRM_RENDER_PALETTE_LIGHT:
    default:
      *n = G_N_ELEMENTS (light_scale);
      return light_scale;
    }
}

/**
 * crm_heat_grid_cell_color:
 * @fraction: where a value lies between the grid's smallest (0) and
 *   largest (1) value
 *
 * The shade of a cell, which a tooltip or a legend elsewhere can show.
 */
CrmColor
crm_heat_grid_cell_color (const CrmRenderStyle *style,
                          double                fraction)
{
  const CrmColor *stops;
  CrmColor color;
  guint n, i;
  double at;

  g_return_val_if_fail (style != NULL, light_scale[0]);

  stops = scale_stops (style, &n);
  at = CLAMP (isnan (fraction) ? 0 : fraction, 0, 1) * (n - 1);
  i = MIN ((guint) floor (at), n - 2);
  at -= i;
  color.red = stops[i].red + (stops[i + 1].red - stops[i].red) * at;
  color.green = stops[i].green + (stops[i + 1].green - stops[i].green) * at;
  color.blue = stops[i].blue + (stops[i + 1].blue - stops[i].blue) * at;
  color.alpha = 1;
  return color;
}

/* Black or white ink, whichever stands out more from @fill. Pure black:
 * against the middle shades even the foreground's soft black falls short
 * of 4.5:1, and so does white. */
static CrmColor
ink_on (CrmColor fill)
{
  static const CrmColor dark = RGB (0x000000), light = RGB (0xffffff);

  return crm_color_contrast_ratio (dark, fill) >= crm_color_contrast_ratio (light, fill) ? dark : light;
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
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_cell (cairo_t              *cr,
           const CrmRenderStyle *style,
           const CrmChartData   *data,
           const CrmHeatGridOptions *options,
           const GridLayout     *layout,
           PangoLayout          *body,
           PangoLayout          *small,
           double                width,
           guint                 row,
           guint                 column)
{
  double scale = crm_render_style_get_scale (style);
  double value = crm_chart_data_get_value (data, row, column);
  cairo_rectangle_t rect = cell_rect (layout, row, column);
  /* Narrow cells give their padding to the figure. */
  double padding = MIN (CELL_PADDING * scale, rect.width / 16);
  double text_room = rect.width - 2 * padding;
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  PangoLayout *value_layout = NULL;
  double value_height = 0, radius, y;
  CrmColor fill, ink;

  if (rect.width <= 0 || rect.height <= 0)
    return;
  /* Small cells stay tiles, not pills. */
  radius = MIN (CELL_RADIUS * scale, MIN (rect.width, rect.height) / 6);
  rect.x = mirror_rect_x (style, width, rect.x, rect.width);

  if (isnan (value))
    {
      /* No figure at all is not zero: an outline, no shade. */
      CrmColor line = crm_render_style_get_foreground (style);

      line.alpha = 0.15;
      crm_render_set_color (cr, line);
      cairo_set_line_width (cr, 1);
      rounded_rectangle (cr, rect.x + 0.5, rect.y + 0.5, rect.width - 1, rect.height - 1, radius);
      cairo_stroke (cr);
      fill = crm_render_style_get_background (style);
      ink = crm_render_style_get_foreground (style);
      ink.alpha = 0.5;
    }
  else
    {
      fill = crm_heat_grid_cell_color (style, value_fraction (layout, value));
      crm_render_set_color (cr, fill);
      rounded_rectangle (cr, rect.x, rect.y, rect.width, rect.height, radius);
      cairo_fill (cr);
      ink = ink_on (fill);
    }

  text = layout->value_compact ? crm_chart_data_format_compact (data, value)
                               : crm_chart_data_format_value (data, value);
  value_layout = layout->value_small ? small : body;
  value_height = layout->value_small ? layout->line_small : layout->line_body;
  /* A figure cut off would lie: rather none. */
  if (crm_render_text_width (value_layout, text) > text_room || value_height > rect.height)
    return;

  /* The detail line only under a figure at full size. */
  if (layout->show_detail && !isnan (value))
    detail = options->detail_func (row, column, options->detail_data);
  if (detail != NULL)
    {
      crm_render_text_set (small, detail);
      crm_render_text_elide (small, text_room);
    }

  y = rect.y + (rect.height - value_height - (detail != NULL ? layout->line_small : 0)) / 2;
  crm_render_set_color (cr, ink);
  crm_render_text_draw (cr, style, value_layout, rect.x + padding, y, text_room, CRM_TEXT_CENTER);
  if (detail != NULL)
    crm_render_text_draw (cr, style, small, rect.x + padding, y + value_height, text_room, CRM_TEXT_CENTER);
}

static void
draw_column_label (cairo_t              *cr,
                   const CrmRenderStyle *style,
                   const GridLayout     *layout,
                   PangoLayout          *body,
                   double                width,
                   const char           *label,
                   guint                 column)
{
  double scale = crm_render_style_get_scale (style);
  double x = layout->grid_x + column * layout->column_width;
  double label_width;

  crm_render_text_set (body, label);
  if (!layout->rotate_columns)
    {
      double room = layout->column_width - 2 * CELL_PADDING * scale;

      crm_render_text_elide (body, room);
      crm_render_text_draw (cr, style, body,
                            mirror_rect_x (style, width, x + CELL_PADDING * scale, room),
                            layout->header_y, room, CRM_TEXT_CENTER);
      return;
    }

  /* On end, reading upwards from the grid, centred on the column;
   * whatever the script's direction, the label starts at the grid. */
  crm_render_text_elide (body, layout->header_height);
  cairo_save (cr);
  cairo_translate (cr, crm_render_mirror_x (style, width, x + layout->column_width / 2) - layout->line_body / 2,
                   layout->header_y + layout->header_height);
  cairo_rotate (cr, -G_PI / 2);
  crm_render_text_size (body, &label_width, NULL);
  crm_render_text_draw (cr, style, body, 0, 0, label_width, CRM_TEXT_START);
  cairo_restore (cr);
}

static void
draw_legend (cairo_t              *cr,
             const CrmRenderStyle *style,
             const CrmChartData   *data,
             const GridLayout     *layout,
             PangoLayout          *small,
             double                width)
{
  double scale = crm_render_style_get_scale (style);
  double bar_width = LEGEND_BAR_WIDTH * scale, bar_height = LEGEND_BAR_HEIGHT * scale;
  double gap = 6 * scale, lo_width, hi_width, total, x, bar_x;
  g_autofree char *lo = crm_chart_data_format_compact (data, layout->lo);
  g_autofree char *hi = crm_chart_data_format_compact (data, layout->hi);
  g_autoptr(PangoLayout) hi_layout = NULL;
  cairo_pattern_t *gradient;
  const CrmColor *stops;
  CrmColor muted = crm_render_style_get_foreground (style);
  guint n;

  lo_width = crm_render_text_width (small, lo);
  hi_layout = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, hi);
  crm_render_text_size (hi_layout, &hi_width, NULL);
  total = lo_width + gap + bar_width + gap + hi_width;
  /* Under the grid, at its end edge, lightest shade first in reading
   * order. */
  x = width - MARGIN * scale - total;
  if (x < layout->grid_x)
    return;

  muted.alpha = 0.7;
  crm_render_set_color (cr, muted);
  crm_render_text_draw (cr, style, small, mirror_rect_x (style, width, x, lo_width),
                        layout->legend_y, lo_width, CRM_TEXT_START);
  crm_render_text_draw (cr, style, hi_layout, mirror_rect_x (style, width, x + total - hi_width, hi_width),
                        layout->legend_y, hi_width, CRM_TEXT_START);

  bar_x = mirror_rect_x (style, width, x + lo_width + gap, bar_width);
  stops = scale_stops (style, &n);
  gradient = cairo_pattern_create_linear (crm_render_mirror_x (style, width, x + lo_width + gap), 0,
                                          crm_render_mirror_x (style, width, x + lo_width + gap + bar_width), 0);
  for (guint i = 0; i < n; i++)
    cairo_pattern_add_color_stop_rgb (gradient, (double) i / (n - 1), stops[i].red, stops[i].green, stops[i].blue);
  cairo_set_source (cr, gradient);
  rounded_rectangle (cr, bar_x, layout->legend_y + (layout->line_small - bar_height) / 2,
                     bar_width, bar_height, bar_height / 2);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
}

/**
 * crm_heat_grid_draw:
 * @options: (nullable): a detail line per cell, the empty message
 *
 * Draws @data as a grid in the box from (0, 0) to (@width, @height): a
 * row per series, labelled at the reading edge, a column per category,
 * labelled above, and a scale from the smallest to the largest value.
 * Missing values (NAN) are outlined cells with a dash.
 */
void
crm_heat_grid_draw (const CrmChartData       *data,
                    const CrmHeatGridOptions *options,
                    const CrmRenderStyle     *style,
                    cairo_t                  *cr,
                    double                    width,
                    double                    height)
{
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) small = NULL;
  GridLayout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (data != NULL);

  if (options == NULL)
    options = &no_options;
  grid_layout (cr, style, data, options->detail_func != NULL, width, height, &layout);
  if (layout.empty)
    {
      crm_render_empty (cr, style, width, height, options->empty_message);
      return;
    }

  cairo_save (cr);
  body = crm_render_text_layout (cr, style, CRM_TEXT_BODY, NULL);
  small = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, NULL);

  for (guint r = 0; r < layout.n_rows; r++)
    for (guint c = 0; c < layout.n_columns; c++)
      draw_cell (cr, style, data, options, &layout, body, small, width, r, c);

  crm_render_set_color (cr, crm_render_style_get_foreground (style));
  for (guint r = 0; r < layout.n_rows; r += layout.row_label_every)
    {
      double y = layout.grid_y + r * layout.row_height + (layout.row_height - layout.line_body) / 2;

      crm_render_text_set (body, crm_chart_data_get_series_name (data, r));
      crm_render_text_elide (body, layout.label_width);
      crm_render_text_draw (cr, style, body, mirror_rect_x (style, width, layout.label_x, layout.label_width),
                            y, layout.label_width, CRM_TEXT_START);
    }
  for (guint c = 0; c < layout.n_columns; c += layout.column_label_every)
    draw_column_label (cr, style, &layout, body, width, crm_chart_data_get_category (data, c), c);

  draw_legend (cr, style, data, &layout, small, width);
  cairo_restore (cr);
}

/**
 * crm_heat_grid_hit_test:
 * @cr: (nullable): the context the grid is drawn on, for measuring text;
 *   %NULL measures on a scratch surface
 * @x: a point in the grid's box, as drawn (mirrored in right-to-left)
 *
 * What is under a point: a cell answers its row (series) and column
 * (category); a row label its row with category -1; a column label its
 * column with series -1; anything else %CRM_CHART_HIT_NONE.
 */
CrmChartHit
crm_heat_grid_hit_test (const CrmChartData       *data,
                        const CrmHeatGridOptions *options,
                        const CrmRenderStyle     *style,
                        cairo_t                  *cr,
                        double                    width,
                        double                    height,
                        double                    x,
                        double                    y)
{
  cairo_t *measure;
  GridLayout layout;
  double grid_bottom, grid_right;
  CrmChartHit hit = CRM_CHART_HIT_NONE;

  g_return_val_if_fail (style != NULL, hit);
  g_return_val_if_fail (data != NULL, hit);

  if (options == NULL)
    options = &no_options;
  measure = crm_render_measuring_context (cr);
  grid_layout (measure, style, data, options->detail_func != NULL, width, height, &layout);
  cairo_destroy (measure);
  if (layout.empty)
    return hit;

  x = crm_render_mirror_x (style, width, x);
  grid_bottom = layout.grid_y + layout.n_rows * layout.row_height;
  grid_right = layout.grid_x + layout.n_columns * layout.column_width;

  if (y >= layout.grid_y && y < grid_bottom)
    {
      int row = (int) floor ((y - layout.grid_y) / layout.row_height);

      if (x >= layout.grid_x && x < grid_right)
        {
          hit.series = row;
          hit.category = (int) floor ((x - layout.grid_x) / layout.column_width);
        }
      else if (x >= layout.label_x && x < layout.label_x + layout.label_width)
        hit.series = row;
    }
  else if (y >= layout.header_y && y < layout.header_y + layout.header_height
           && x >= layout.grid_x && x < grid_right)
    hit.category = (int) floor ((x - layout.grid_x) / layout.column_width);

  hit.series = MIN (hit.series, (int) layout.n_rows - 1);
  hit.category = MIN (hit.category, (int) layout.n_columns - 1);
  return hit;
}

/**
 * crm_heat_grid_get_cell_rect:
 * @cr: (nullable): as for crm_heat_grid_hit_test()
 * @rect: (out): the cell as drawn, mirrored in right-to-left styles
 *
 * Where a cell is, to point a tooltip or a popover at it.
 *
 * Returns: %FALSE when the grid shows no cells (no data)
 */
gboolean
crm_heat_grid_get_cell_rect (const CrmChartData       *data,
                             const CrmHeatGridOptions *options,
                             const CrmRenderStyle     *style,
                             cairo_t                  *cr,
                             double                    width,
                             double                    height,
                             guint                     row,
                             guint                     column,
                             cairo_rectangle_t        *rect)
{
  cairo_t *measure;
  GridLayout layout;

  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (options == NULL)
    options = &no_options;
  measure = crm_render_measuring_context (cr);
  grid_layout (measure, style, data, options->detail_func != NULL, width, height, &layout);
  cairo_destroy (measure);
  if (layout.empty || row >= layout.n_rows || column >= layout.n_columns)
    return FALSE;
  *rect = cell_rect (&layout, row, column);
  rect->x = mirror_rect_x (style, width, rect->x, rect->width);
  return TRUE;
}
