/* crm-kpi-tile.c
 *
 * layout_tile() decides, once, what fits and where, left to right: the
 * biggest value size that leaves the sparkline room under the figures, or
 * else the sparkline beside them, or else no sparkline. Drawing, the hit
 * test and the part rectangles all read that layout; in a right-to-left
 * style every x is mirrored and the sparkline runs right to left.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crm-kpi-tile.h"
#include "crm-render-text.h"

#define RADIUS 12.0       /* the card's corners, as libadwaita's cards */
#define SPARK_MIN 28.0    /* the least height a sparkline is worth drawing at */
#define BAR 6.0           /* the progress bar's thickness */
#define SIDE 0.6          /* of the width, the figures' share beside a sparkline */

/* Value sizes to try, in multiples of the style's font size. */
static const double value_factors[] = { 3.6, 3.0, 2.4, 2.0, 1.7, 1.4 };

typedef struct
{
  double            padding;
  double            gap;
  double            value_factor;
  double            value_ink;      /* from the value's logical top to its ink */
  char             *value_text;
  gboolean          has_change;
  gboolean          has_target;
  gboolean          has_sparkline;
  /* Left to right; zero wide when not shown. */
  cairo_rectangle_t title;
  cairo_rectangle_t value;
  cairo_rectangle_t change;
  cairo_rectangle_t sparkline;
  cairo_rectangle_t target;
} TileLayout;

static void
tile_layout_clear (TileLayout *layout)
{
  g_clear_pointer (&layout->value_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TileLayout, tile_layout_clear)

/* The value's layout at @factor times the style's font size. */
static PangoLayout *
value_layout (cairo_t              *cr,
              const CrmRenderStyle *style,
              const char           *text,
              double                factor)
{
  PangoLayout *layout = crm_render_figure_layout (cr, style, CRM_TEXT_VALUE, text);
  g_autoptr(PangoFontDescription) base = pango_font_description_from_string (crm_render_style_get_font (style));
  PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));
  double size = pango_font_description_get_size (base) > 0 ? pango_font_description_get_size (base) : 10 * PANGO_SCALE;

  pango_font_description_set_size (font, (int) (size * factor * crm_render_style_get_scale (style)));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static int
n_points (const CrmKpiTileData *data)
{
  GArray *points = crm_kpi_tile_data_get_sparkline (data);
  int n = 0;

  for (guint i = 0; i < points->len; i++)
    if (!isnan (g_array_index (points, double, i)))
      n++;
  return n;
}

/* The value's text at @factor that fits @room: in full, or else in short;
 * %NULL when neither does. */
/* The value is set by its ink, not its line: figures have no
 * descenders and a big font's line has room for them, which a small tile
 * cannot spare. */
static void
value_ink (PangoLayout *layout,
           double      *top,
           double      *height)
{
  PangoRectangle ink;

  pango_layout_get_pixel_extents (layout, &ink, NULL);
  *top = ink.y;
  *height = ink.height;
}

static char *
fitting_value (cairo_t              *cr,
               const CrmRenderStyle *style,
               const CrmKpiTileData *data,
               double                factor,
               double                room,
               double               *height,
               double               *top)
{
  double value = crm_kpi_tile_data_get_value (data);

  for (int compact = 0; compact < 2; compact++)
    {
      g_autofree char *text = compact ? crm_kpi_tile_data_format_compact (data, value)
                                      : crm_kpi_tile_data_format_value (data, value);
      g_autoptr(PangoLayout) layout = value_layout (cr, style, text, factor);
      double text_width;

      crm_render_text_size (layout, &text_width, NULL);
      value_ink (layout, top, height);
      if (text_width <= room)
        return g_steal_pointer (&text);
    }
  return NULL;
}

static gboolean
layout_tile (const CrmKpiTileData *data,
             const CrmRenderStyle *style,
             cairo_t              *cr,
             double                width,
             double                height,
             TileLayout           *layout)
{
  double scale = crm_render_style_get_scale (style);
  double padding = CLAMP (MIN (width, height) / scale * 0.08, 10, 20) * scale;
  double x0 = padding, y0 = padding, cw = width - 2 * padding, ch = height - 2 * padding;
  double title_height = crm_render_text_line_height (cr, style, CRM_TEXT_TITLE);
  double change_height, target_height, fixed, value_height = 0, ink = 0;
  double gap = (ch < 160 * scale ? 4 : 10) * scale;
  gboolean side = FALSE;
  g_autofree char *fallback = NULL;
  double fallback_factor = 0, fallback_height = 0, fallback_ink = 0;

  memset (layout, 0, sizeof *layout);
  if (cw <= 0 || ch <= 0)
    return FALSE;
  layout->padding = padding;
  layout->gap = gap;
  layout->has_change = !isnan (crm_kpi_tile_data_get_change (data));
  layout->has_target = !isnan (crm_kpi_tile_data_get_attainment (data));
  layout->has_sparkline = n_points (data) >= 2;
  change_height = layout->has_change ? crm_render_text_line_height (cr, style, CRM_TEXT_TITLE) : 0;
  target_height = layout->has_target ? crm_render_text_line_height (cr, style, CRM_TEXT_SMALL) + (4 + BAR) * scale : 0;
  fixed = title_height + gap + (layout->has_change ? gap + change_height : 0)
        + (layout->has_target ? gap + target_height : 0);

  /* Under the figures: the biggest value that leaves the sparkline its
   * room, and never more than two fifths of the height. */
  for (guint i = 0; i < G_N_ELEMENTS (value_factors) && layout->value_text == NULL; i++)
    {
      g_autofree char *text = fitting_value (cr, style, data, value_factors[i], cw, &value_height, &ink);

      if (text == NULL || fixed + value_height > ch
          || (value_height > ch * 0.4 && i + 1 < G_N_ELEMENTS (value_factors)))
        continue;
      if (layout->has_sparkline && ch - fixed - value_height - gap < SPARK_MIN * scale)
        {
          if (fallback == NULL)
            {
              fallback = g_steal_pointer (&text);
              fallback_factor = value_factors[i];
              fallback_height = value_height;
              fallback_ink = ink;
            }
          continue;
        }
      layout->value_text = g_steal_pointer (&text);
      layout->value_factor = value_factors[i];
      layout->value_ink = ink;
    }

  /* Beside the figures, in a tile too low for it under them. */
  if (layout->value_text == NULL && layout->has_sparkline && cw >= 150 * scale)
    for (guint i = 0; i < G_N_ELEMENTS (value_factors) && layout->value_text == NULL; i++)
      {
        g_autofree char *text = fitting_value (cr, style, data, value_factors[i], cw * SIDE - gap, &value_height, &ink);

        if (text == NULL || fixed + value_height > ch)
          continue;
        layout->value_text = g_steal_pointer (&text);
        layout->value_factor = value_factors[i];
        layout->value_ink = ink;
        side = TRUE;
      }

  if (layout->value_text == NULL)
    {
      layout->has_sparkline = FALSE;
      if (fallback != NULL)
        {
          layout->value_text = g_steal_pointer (&fallback);
          layout->value_factor = fallback_factor;
          layout->value_ink = fallback_ink;
          value_height = fallback_height;
        }
      else
        {
          /* Nothing fits: the smallest size, in short, elided. */
          g_autoptr(PangoLayout) smallest = NULL;

          layout->value_factor = value_factors[G_N_ELEMENTS (value_factors) - 1];
          layout->value_text = crm_kpi_tile_data_format_compact (data, crm_kpi_tile_data_get_value (data));
          smallest = value_layout (cr, style, layout->value_text, layout->value_factor);
          value_ink (smallest, &layout->value_ink, &value_height);
        }
    }

  layout->title = (cairo_rectangle_t) { x0, y0, cw, title_height };
  layout->value = (cairo_rectangle_t) { x0, y0 + title_height + gap, side ? cw * SIDE - gap : cw, value_height };
  if (layout->has_change)
    layout->change = (cairo_rectangle_t) { x0, layout->value.y + value_height + gap, layout->value.width, change_height };
  if (layout->has_target)
    layout->target = (cairo_rectangle_t) { x0, y0 + ch - target_height, cw, target_height };
  if (layout->has_sparkline)
    {
      double top = layout->has_change ? layout->change.y + change_height : layout->value.y + value_height;
      double bottom = layout->has_target ? layout->target.y - gap : y0 + ch;

      if (side)
        layout->sparkline = (cairo_rectangle_t) { x0 + cw * SIDE, layout->value.y + value_height * 0.2,
                                                  cw * (1 - SIDE), top - layout->value.y - value_height * 0.2 };
      else
        layout->sparkline = (cairo_rectangle_t) { x0, top + gap, cw, bottom - top - gap };
    }
  return TRUE;
}

/* The sparkline's range, with room above and below so that the line
 * never touches its box; a flat line sits in the middle. */
static void
sparkline_range (const CrmKpiTileData *data,
                 double               *low,
                 double               *high)
{
  GArray *points = crm_kpi_tile_data_get_sparkline (data);

  *low = INFINITY;
  *high = -INFINITY;
  for (guint i = 0; i < points->len; i++)
    {
      double v = g_array_index (points, double, i);

      if (!isnan (v))
        {
          *low = MIN (*low, v);
          *high = MAX (*high, v);
        }
    }
  if (*high - *low <= fabs (*high) * 1e-9)
    {
      double pad = fabs (*high) > 0 ? fabs (*high) * 0.5 : 1;

      *low -= pad;
      *high += pad;
    }
}

/* Point @i of the sparkline, left to right. */
static void
sparkline_point (const CrmKpiTileData *data,
                 const TileLayout     *layout,
                 double                inset,
                 guint                 i,
                 double               *x,
                 double               *y)
{
  GArray *points = crm_kpi_tile_data_get_sparkline (data);
  const cairo_rectangle_t *box = &layout->sparkline;
  double low, high, v = g_array_index (points, double, i);

  sparkline_range (data, &low, &high);
  *x = box->x + inset + (points->len > 1 ? (double) i / (points->len - 1) : 0.5) * (box->width - 2 * inset);
  *y = box->y + inset + (1 - (v - low) / (high - low)) * (box->height - 2 * inset);
}

/* GNOME's success and error colours, in shades that keep 4.5:1 with the
 * background; black on paper, where the arrow and the sign tell. */
static CrmColor
status_color (const CrmRenderStyle *style,
              gboolean              good)
{
  static const CrmColor light_good = { 0x1b / 255.0, 0x85 / 255.0, 0x53 / 255.0, 1 };
  static const CrmColor light_bad = { 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0, 1 };
  static const CrmColor dark_good = { 0x8f / 255.0, 0xf0 / 255.0, 0xa4 / 255.0, 1 };
  static const CrmColor dark_bad = { 0xff / 255.0, 0x7b / 255.0, 0x63 / 255.0, 1 };

  switch (crm_render_style_get_palette (style))
    {
    case CRM_RENDER_PALETTE_DARK:
      return good ? dark_good : dark_bad;
    case CRM_RENDER_PALETTE_PRINT:
      return crm_render_style_get_foreground (style);
    case CRM_RENDER_PALETTE_LIGHT:
    default:
      return good ? light_good : light_bad;
    }
}

static CrmColor
muted_color (const CrmRenderStyle *style)
{
  CrmColor color = crm_render_style_get_foreground (style);

  color.alpha = 0.7;
  return color;
}

/**
 * crm_kpi_tile_get_change_color:
 *
 * The colour the change is drawn in: the success colour for good news
 * (a rise where higher is better, a fall where lower is), the error
 * colour for bad news, the muted foreground for no change.
 */
CrmColor
crm_kpi_tile_get_change_color (const CrmKpiTileData *data,
                               const CrmRenderStyle *style)
{
  static const CrmColor black = { 0, 0, 0, 1 };
  double change;

  g_return_val_if_fail (data != NULL, black);
  g_return_val_if_fail (style != NULL, black);

  change = crm_kpi_tile_data_get_change (data);
  if (isnan (change) || fabs (change) < 0.0005)
    return muted_color (style);
  return status_color (style, crm_kpi_tile_data_is_improvement (data));
}

/* Text in a box laid out left to right, at the box's mirrored place. */
static void
draw_in (cairo_t                 *cr,
         const CrmRenderStyle    *style,
         PangoLayout             *text,
         const cairo_rectangle_t *box,
         double                   y,
         double                   width,
         CrmTextAlign             align)
{
  double x = crm_render_style_is_rtl (style) ? width - box->x - box->width : box->x;

  crm_render_text_draw (cr, style, text, x, y, box->width, align);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MAX (MIN (radius, MIN (width, height) / 2), 0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI_2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI_2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI_2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

static void
draw_card (cairo_t              *cr,
           const CrmRenderStyle *style,
           double                width,
           double                height)
{
  double scale = crm_render_style_get_scale (style);
  CrmColor border = crm_render_style_get_foreground (style);
  double radius = MIN (RADIUS * scale, MIN (width, height) / 8);

  rounded_rectangle (cr, 0.5, 0.5, width - 1, height - 1, radius);
  crm_render_set_color (cr, crm_render_style_get_background (style));
  cairo_fill_preserve (cr);
  if (crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_DARK)
    {
      /* Raised a little above the window, as libadwaita's dark cards. */
      CrmColor raise = border;

      raise.alpha = 0.05;
      crm_render_set_color (cr, raise);
      cairo_fill_preserve (cr);
    }
  border.alpha = crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_PRINT ? 0.5 : 0.15;
  crm_render_set_color (cr, border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* An arrow up or down (or a dash for no change) in a square of @size
 * from (@x, @y), left to right. */
static void
draw_change_arrow (cairo_t              *cr,
                   const CrmRenderStyle *style,
                   double                change,
                   double                x,
                   double                y,
                   double                size,
                   double                width)
{
  double cx = crm_render_mirror_x (style, width, x + size / 2), cy = y + size / 2, half = size / 2;

  if (fabs (change) < 0.0005)
    {
      cairo_rectangle (cr, cx - half * 0.8, cy - size * 0.08, half * 1.6, size * 0.16);
      cairo_fill (cr);
      return;
    }
  /* A triangle pointing the way the value went. */
  if (change > 0)
    {
      cairo_move_to (cr, cx, cy - half * 0.8);
      cairo_line_to (cr, cx + half * 0.85, cy + half * 0.6);
      cairo_line_to (cr, cx - half * 0.85, cy + half * 0.6);
    }
  else
    {
      cairo_move_to (cr, cx, cy + half * 0.8);
      cairo_line_to (cr, cx + half * 0.85, cy - half * 0.6);
      cairo_line_to (cr, cx - half * 0.85, cy - half * 0.6);
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_change (cairo_t              *cr,
             const CrmKpiTileData *data,
             const CrmRenderStyle *style,
             const TileLayout     *layout,
             double                width)
{
  double scale = crm_render_style_get_scale (style);
  const cairo_rectangle_t *row = &layout->change;
  g_autofree char *text = crm_value_format_change (crm_kpi_tile_data_get_value (data),
                                                   crm_kpi_tile_data_get_previous (data));
  g_autoptr(PangoLayout) figure = crm_render_figure_layout (cr, style, CRM_TEXT_TITLE, text);
  g_autoptr(PangoLayout) against = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, crm_kpi_tile_data_get_comparison (data));
  double arrow = row->height * 0.55, figure_width, against_width, against_height, at;
  cairo_rectangle_t box;

  crm_render_set_color (cr, crm_kpi_tile_get_change_color (data, style));
  draw_change_arrow (cr, style, crm_kpi_tile_data_get_change (data), row->x, row->y + (row->height - arrow) / 2, arrow, width);
  crm_render_text_size (figure, &figure_width, NULL);
  at = row->x + arrow + 4 * scale;
  box = (cairo_rectangle_t) { at, row->y, MIN (figure_width, row->x + row->width - at), row->height };
  draw_in (cr, style, figure, &box, row->y, width, CRM_TEXT_START);

  /* What it is against, where there is room for all of it. */
  at += figure_width + 6 * scale;
  crm_render_text_size (against, &against_width, &against_height);
  if (row->x + row->width - at < against_width)
    return;
  box = (cairo_rectangle_t) { at, row->y, against_width, row->height };
  crm_render_set_color (cr, muted_color (style));
  /* On the figure's baseline, which is lower in the bigger font. */
  draw_in (cr, style, against, &box,
           row->y + pango_layout_get_baseline (figure) / (double) PANGO_SCALE
                  - pango_layout_get_baseline (against) / (double) PANGO_SCALE,
           width, CRM_TEXT_START);
}

static void
draw_sparkline (cairo_t              *cr,
                const CrmKpiTileData *data,
                const CrmRenderStyle *style,
                const TileLayout     *layout,
                double                width)
{
  double scale = crm_render_style_get_scale (style), inset = 3 * scale;
  GArray *points = crm_kpi_tile_data_get_sparkline (data);
  const cairo_rectangle_t *box = &layout->sparkline;
  CrmColor line = crm_render_style_get_series_color (style, 0), fill = line;
  double bottom = box->y + box->height, last_x = 0, last_y = 0;
  gboolean any_last = FALSE;

  cairo_save (cr);
  if (crm_render_style_is_rtl (style))
    {
      cairo_translate (cr, width, 0);
      cairo_scale (cr, -1, 1);
    }
  /* The area under each run of values, then the line over it. */
  fill.alpha = crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_DARK ? 0.16 : 0.14;
  for (int pass = 0; pass < 2; pass++)
    {
      guint run = 0;
      double first_x = 0, x = 0, y = 0;

      cairo_new_path (cr);
      for (guint i = 0; i <= points->len; i++)
        {
          gboolean gap = i == points->len || isnan (g_array_index (points, double, i));

          if (gap)
            {
              if (pass == 0 && run > 1)
                {
                  cairo_line_to (cr, x, bottom);
                  cairo_line_to (cr, first_x, bottom);
                  cairo_close_path (cr);
                }
              else if (pass == 0)
                cairo_new_sub_path (cr);
              run = 0;
              continue;
            }
          sparkline_point (data, layout, inset, i, &x, &y);
          if (run++ == 0)
            {
              first_x = x;
              cairo_new_sub_path (cr);
              cairo_move_to (cr, x, y);
            }
          else
            cairo_line_to (cr, x, y);
          last_x = x;
          last_y = y;
          any_last = TRUE;
        }
      if (pass == 0)
        {
          crm_render_set_color (cr, fill);
          cairo_fill (cr);
        }
      else
        {
          crm_render_set_color (cr, line);
          cairo_set_line_width (cr, 2 * scale);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_stroke (cr);
        }
    }
  /* The latest value, the one the tile shows, as a dot. */
  if (any_last)
    {
      cairo_arc (cr, last_x, last_y, 3.5 * scale, 0, 2 * G_PI);
      crm_render_set_color (cr, crm_render_style_get_background (style));
      cairo_fill_preserve (cr);
      crm_render_set_color (cr, line);
      cairo_set_line_width (cr, 2 * scale);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* A tick in a square of @size at (@x, @y), left to right. */
static void
draw_check (cairo_t              *cr,
            const CrmRenderStyle *style,
            double                x,
            double                y,
            double                size,
            double                width)
{
  /* Placed in reading order, but a tick is not mirrored: it reads the
   * same in every script. */
  x = crm_render_style_is_rtl (style) ? width - x - size : x;
  cairo_save (cr);
  cairo_move_to (cr, x + size * 0.1, y + size * 0.55);
  cairo_line_to (cr, x + size * 0.4, y + size * 0.85);
  cairo_line_to (cr, x + size * 0.95, y + size * 0.2);
  cairo_set_line_width (cr, size * 0.2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_target (cairo_t              *cr,
             const CrmKpiTileData *data,
             const CrmRenderStyle *style,
             const TileLayout     *layout,
             double                width)
{
  double scale = crm_render_style_get_scale (style), bar = BAR * scale;
  const cairo_rectangle_t *block = &layout->target;
  double attainment = crm_kpi_tile_data_get_attainment (data);
  gboolean met = crm_kpi_tile_data_is_target_met (data);
  g_autofree char *percent = crm_value_format (attainment, CRM_VALUE_PERCENT, NULL);
  /* Translators: how far a KPI got to its target: “82.0 % of target”. */
  g_autofree char *reached = g_strdup_printf (_("%s of target"), percent);
  g_autofree char *target_value = crm_kpi_tile_data_format_value (data, crm_kpi_tile_data_get_target (data));
  g_autofree char *target_compact = crm_kpi_tile_data_format_compact (data, crm_kpi_tile_data_get_target (data));
  g_autoptr(PangoLayout) label = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, reached);
  double line = crm_render_text_line_height (cr, style, CRM_TEXT_SMALL);
  double label_width, mark = met ? line * 0.6 + 4 * scale : 0, bar_y = block->y + block->height - bar;
  CrmColor track = crm_render_style_get_foreground (style);
  CrmColor filled = met ? status_color (style, TRUE) : crm_render_style_get_series_color (style, 0);
  cairo_rectangle_t box;

  crm_render_text_size (label, &label_width, NULL);
  if (met)
    {
      crm_render_set_color (cr, status_color (style, TRUE));
      draw_check (cr, style, block->x, block->y + line * 0.2, line * 0.6, width);
    }
  crm_render_set_color (cr, crm_render_style_get_foreground (style));
  crm_render_text_elide (label, block->width - mark);
  crm_render_text_size (label, &label_width, NULL);
  box = (cairo_rectangle_t) { block->x + mark, block->y, label_width, line };
  draw_in (cr, style, label, &box, block->y, width, CRM_TEXT_START);

  /* The target itself at the other end, in short if need be, or not at
   * all in a narrow tile. */
  for (int compact = 0; compact < 2; compact++)
    {
      /* Translators: a KPI's target, e.g. “Target 1,500,000.00 €”. */
      g_autofree char *text = g_strdup_printf (_("Target %s"), compact ? target_compact : target_value);
      g_autoptr(PangoLayout) target = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, text);
      double target_width;

      crm_render_text_size (target, &target_width, NULL);
      if (mark + label_width + 12 * scale + target_width > block->width)
        continue;
      box = (cairo_rectangle_t) { block->x + block->width - target_width, block->y, target_width, line };
      crm_render_set_color (cr, muted_color (style));
      draw_in (cr, style, target, &box, block->y, width, CRM_TEXT_START);
      break;
    }

  track.alpha = crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_PRINT ? 0.25 : 0.12;
  crm_render_set_color (cr, track);
  rounded_rectangle (cr, block->x, bar_y, block->width, bar, bar / 2);
  cairo_fill (cr);
  if (attainment > 0)
    {
      double filled_width = MAX (MIN (attainment, 1) * block->width, bar);

      crm_render_set_color (cr, filled);
      rounded_rectangle (cr, crm_render_style_is_rtl (style) ? width - block->x - filled_width : block->x,
                         bar_y, filled_width, bar, bar / 2);
      cairo_fill (cr);
    }
}

/**
 * crm_kpi_tile_draw:
 *
 * Draws the tile, card and all, in the box from (0, 0), @width ×
 * @height. A value of NAN shows as a dash; the change, the sparkline and
 * the target show when there is something to show.
 */
void
crm_kpi_tile_draw (const CrmKpiTileData *data,
                   const CrmRenderStyle *style,
                   cairo_t              *cr,
                   double                width,
                   double                height)
{
  g_auto(TileLayout) layout = { 0, };

  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  draw_card (cr, style, width, height);
  if (layout_tile (data, style, cr, width, height, &layout))
    {
      g_autoptr(PangoLayout) title = crm_render_text_layout (cr, style, CRM_TEXT_TITLE, crm_kpi_tile_data_get_title (data));
      g_autoptr(PangoLayout) value = value_layout (cr, style, layout.value_text, layout.value_factor);

      crm_render_set_color (cr, muted_color (style));
      crm_render_text_elide (title, layout.title.width);
      draw_in (cr, style, title, &layout.title, layout.title.y, width, CRM_TEXT_START);

      /* Nothing to measure yet (no customers): a muted dash, and why. */
      crm_render_set_color (cr, isnan (crm_kpi_tile_data_get_value (data)) ? muted_color (style)
                                                                           : crm_render_style_get_foreground (style));
      crm_render_text_elide (value, layout.value.width);
      draw_in (cr, style, value, &layout.value, layout.value.y - layout.value_ink, width, CRM_TEXT_START);
      if (isnan (crm_kpi_tile_data_get_value (data)) && !layout.has_change)
        {
          g_autoptr(PangoLayout) none = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, _("No data for this period"));
          cairo_rectangle_t below = layout.value;

          below.y += below.height + layout.gap;
          crm_render_set_color (cr, muted_color (style));
          crm_render_text_elide (none, below.width);
          draw_in (cr, style, none, &below, below.y, width, CRM_TEXT_START);
        }

      if (layout.has_change)
        draw_change (cr, data, style, &layout, width);
      if (layout.has_sparkline)
        draw_sparkline (cr, data, style, &layout, width);
      if (layout.has_target)
        draw_target (cr, data, style, &layout, width);
    }
  cairo_restore (cr);
}

static gboolean
contains (const cairo_rectangle_t *rect,
          double                   x,
          double                   y)
{
  return rect->width > 0 && x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

/**
 * crm_kpi_tile_hit_test:
 * @cr: (nullable): the context the tile is drawn on, for its text
 *   measures; %NULL to measure on an image
 *
 * What is at (@x, @y): a part of the tile, and on the sparkline the
 * period nearest across, for a tooltip with its value.
 */
CrmKpiTileHit
crm_kpi_tile_hit_test (const CrmKpiTileData *data,
                       const CrmRenderStyle *style,
                       cairo_t              *cr,
                       double                width,
                       double                height,
                       double                x,
                       double                y)
{
  g_auto(TileLayout) layout = { 0, };
  CrmKpiTileHit hit = { CRM_KPI_TILE_PART_NONE, -1 };
  cairo_t *measure;
  gboolean laid_out;

  g_return_val_if_fail (data != NULL, hit);
  g_return_val_if_fail (style != NULL, hit);

  if (x < 0 || y < 0 || x >= width || y >= height)
    return hit;
  hit.part = CRM_KPI_TILE_PART_TILE;
  measure = crm_render_measuring_context (cr);
  laid_out = layout_tile (data, style, measure, width, height, &layout);
  cairo_destroy (measure);
  if (!laid_out)
    return hit;

  x = crm_render_mirror_x (style, width, x);
  if (layout.has_sparkline && contains (&layout.sparkline, x, y))
    {
      GArray *points = crm_kpi_tile_data_get_sparkline (data);
      double best = G_MAXDOUBLE;

      hit.part = CRM_KPI_TILE_PART_SPARKLINE;
      for (guint i = 0; i < points->len; i++)
        {
          double px, py;

          if (isnan (g_array_index (points, double, i)))
            continue;
          sparkline_point (data, &layout, 3 * crm_render_style_get_scale (style), i, &px, &py);
          if (fabs (px - x) < best)
            {
              best = fabs (px - x);
              hit.point = (int) i;
            }
        }
    }
  else if (contains (&layout.value, x, y))
    hit.part = CRM_KPI_TILE_PART_VALUE;
  else if (layout.has_change && contains (&layout.change, x, y))
    hit.part = CRM_KPI_TILE_PART_CHANGE;
  else if (contains (&layout.title, x, y))
    hit.part = CRM_KPI_TILE_PART_TITLE;
  else if (layout.has_target && contains (&layout.target, x, y))
    hit.part = CRM_KPI_TILE_PART_TARGET;
  return hit;
}

/**
 * crm_kpi_tile_get_part_rect:
 * @part: a part other than %CRM_KPI_TILE_PART_NONE
 * @rect: (out): where it is, mirrored in right to left
 *
 * Returns: %FALSE when the tile does not show the part
 */
gboolean
crm_kpi_tile_get_part_rect (const CrmKpiTileData *data,
                            const CrmRenderStyle *style,
                            cairo_t              *cr,
                            double                width,
                            double                height,
                            CrmKpiTilePart        part,
                            cairo_rectangle_t    *rect)
{
  g_auto(TileLayout) layout = { 0, };
  cairo_t *measure;
  gboolean laid_out;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  measure = crm_render_measuring_context (cr);
  laid_out = layout_tile (data, style, measure, width, height, &layout);
  cairo_destroy (measure);
  if (!laid_out)
    return FALSE;
  switch (part)
    {
    case CRM_KPI_TILE_PART_TILE:
      *rect = (cairo_rectangle_t) { 0, 0, width, height };
      break;
    case CRM_KPI_TILE_PART_TITLE:
      *rect = layout.title;
      break;
    case CRM_KPI_TILE_PART_VALUE:
      *rect = layout.value;
      break;
    case CRM_KPI_TILE_PART_CHANGE:
      *rect = layout.change;
      break;
    case CRM_KPI_TILE_PART_SPARKLINE:
      *rect = layout.sparkline;
      break;
    case CRM_KPI_TILE_PART_TARGET:
      *rect = layout.target;
      break;
    case CRM_KPI_TILE_PART_NONE:
    default:
      return FALSE;
    }
  if (rect->width <= 0)
    return FALSE;
  if (crm_render_style_is_rtl (style))
    rect->x = width - rect->x - rect->width;
  return TRUE;
}

/**
 * crm_kpi_tile_get_point:
 * @x: (out): the point of the sparkline's period @point
 * @y: (out):
 *
 * Returns: %FALSE when the sparkline is not shown or has no value there
 */
gboolean
crm_kpi_tile_get_point (const CrmKpiTileData *data,
                        const CrmRenderStyle *style,
                        cairo_t              *cr,
                        double                width,
                        double                height,
                        guint                 point,
                        double               *x,
                        double               *y)
{
  g_auto(TileLayout) layout = { 0, };
  cairo_t *measure;
  gboolean laid_out;
  GArray *points;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  points = crm_kpi_tile_data_get_sparkline (data);
  measure = crm_render_measuring_context (cr);
  laid_out = layout_tile (data, style, measure, width, height, &layout);
  cairo_destroy (measure);
  if (!laid_out || !layout.has_sparkline || point >= points->len || isnan (g_array_index (points, double, point)))
    return FALSE;
  sparkline_point (data, &layout, 3 * crm_render_style_get_scale (style), point, x, y);
  *x = crm_render_mirror_x (style, width, *x);
  return TRUE;
}
