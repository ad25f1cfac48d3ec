/* crm-donut-chart.c
 *
 * The chart is laid out once, left to right, by layout_donut(); the draw
 * function, the hit test and the anchors all read that layout, so what is
 * drawn and what a click finds can never disagree. In a right-to-left
 * style the geometry is mirrored as a whole and the text drawn at the
 * mirrored places.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crm-chart-legend.h"
#include "crm-donut-chart.h"
#include "crm-render-text.h"

/* More slices than this and colours would repeat next to each other; the
 * smallest categories are grouped into “Other” instead. */
#define MAX_SLICES 8
#define MARGIN 12.0
#define GAP 28.0          /* between the ring and the legend, at most */
#define HOLE 0.62         /* the hole's radius, of the ring's */

typedef struct
{
  int      category;      /* or CRM_DONUT_CHART_OTHER */
  double   value;         /* NAN for a category without a value */
  double   start;         /* radians clockwise from twelve o'clock */
  double   end;
  CrmColor color;
  char    *label;
  char    *value_text;
  char    *share_text;
} Slice;

typedef struct
{
  GArray *slices;         /* Slice, in legend order */
  double  total;          /* of the positive values */
  double  cx, cy;         /* the centre, left to right */
  double  outer, inner;
  double  legend_x, legend_y, legend_width, row_height;
} DonutLayout;

static void
clear_slice (gpointer data)
{
  Slice *slice = data;

  g_free (slice->label);
  g_free (slice->value_text);
  g_free (slice->share_text);
}

static void
donut_layout_clear (DonutLayout *layout)
{
  g_clear_pointer (&layout->slices, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DonutLayout, donut_layout_clear)

/* The grey of “Other”: the foreground faded into the background, opaque
 * so that the slice and its swatch look the same on any surface. */
static CrmColor
other_color (const CrmRenderStyle *style)
{
  CrmColor fg = crm_render_style_get_foreground (style), bg = crm_render_style_get_background (style);
  double mix = crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_DARK ? 0.45 : 0.4;

  return (CrmColor) { bg.red + (fg.red - bg.red) * mix, bg.green + (fg.green - bg.green) * mix,
                      bg.blue + (fg.blue - bg.blue) * mix, 1 };
}

static int
compare_by_value_desc (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const double *values = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (values[ia] != values[ib])
    return values[ia] > values[ib] ? -1 : 1;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/* The slices of at most @max_slices entries: the categories with a value,
 * in their order; when there are too many, the largest and one “Other”
 * for the rest. */
static GArray *
make_slices (const CrmChartData   *data,
             const CrmRenderStyle *style,
             guint                 max_slices,
             double               *total)
{
  guint n = crm_chart_data_get_n_categories (data);
  g_autofree double *values = g_new (double, MAX (n, 1));
  g_autofree gboolean *kept = g_new0 (gboolean, MAX (n, 1));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  double other = 0, angle = 0;
  guint n_other = 0;

  g_array_set_clear_func (slices, clear_slice);
  *total = 0;
  for (guint c = 0; c < n; c++)
    {
      values[c] = crm_chart_data_get_n_series (data) > 0 ? crm_chart_data_get_value (data, 0, c) : NAN;
      if (isnan (values[c]))
        continue;
      if (values[c] > 0)
        *total += values[c];
      g_array_append_val (order, c);
    }

  max_slices = MAX (max_slices, 1);
  g_array_sort_with_data (order, compare_by_value_desc, values);
  for (guint i = 0; i < order->len; i++)
    {
      guint c = g_array_index (order, guint, i);

      if (order->len <= max_slices || i + 1 < max_slices)
        kept[c] = TRUE;
      else
        {
          other += MAX (values[c], 0);
          n_other++;
        }
    }

  for (guint c = 0; c <= n; c++)
    {
      Slice slice = { 0, };

      if (c < n && !kept[c])
        continue;
      if (c == n && n_other == 0)
        break;
      slice.category = c < n ? (int) c : CRM_DONUT_CHART_OTHER;
      slice.value = c < n ? values[c] : other;
      slice.color = c < n ? crm_render_style_get_series_color (style, slices->len) : other_color (style);
      /* Translators: the slice of a donut chart that groups its smallest categories. */
      slice.label = g_strdup (c < n ? crm_chart_data_get_category (data, c) : _("Other"));
      slice.value_text = crm_chart_data_format_value (data, slice.value);
      slice.share_text = *total > 0 ? crm_value_format (MAX (slice.value, 0) / *total, CRM_VALUE_PERCENT, NULL)
                                    : g_strdup ("—");
      slice.start = angle;
      if (*total > 0 && slice.value > 0)
        angle += slice.value / *total * 2 * G_PI;
      slice.end = angle;
      g_array_append_val (slices, slice);
    }
  return slices;
}

static CrmChartLegendEntry *
legend_entries (GArray *slices)
{
  CrmChartLegendEntry *entries = g_new0 (CrmChartLegendEntry, MAX (slices->len, 1));

  for (guint i = 0; i < slices->len; i++)
    {
      const Slice *slice = &g_array_index (slices, Slice, i);

      entries[i] = (CrmChartLegendEntry) { slice->color, slice->label, slice->value_text, slice->share_text };
    }
  return entries;
}

/* Lays the chart out left to right. Returns %FALSE when there is nothing
 * to draw. */
static gboolean
layout_donut (const CrmChartData   *data,
              const CrmRenderStyle *style,
              cairo_t              *cr,
              double                width,
              double                height,
              DonutLayout          *layout)
{
  double scale = crm_render_style_get_scale (style);
  double margin = MARGIN * scale, gap = MIN (GAP, MAX (width / scale * 0.05, MARGIN)) * scale;
  double line = crm_render_text_line_height (cr, style, CRM_TEXT_SMALL);
  double least_row = line + 2 * scale, inner_height = height - 2 * margin;
  gboolean wide = width >= height;
  /* Beside the ring the legend has the full height; under it, what the
   * ring leaves, and it never leaves less than half. */
  double legend_room = wide ? inner_height : inner_height - gap / 2 - MIN (width - 2 * margin, inner_height / 2);
  guint fit = (guint) CLAMP (floor (legend_room / least_row), 1, MAX_SLICES);
  g_autofree CrmChartLegendEntry *entries = NULL;
  double ring, legend_height;
  guint n;

  memset (layout, 0, sizeof *layout);
  layout->slices = make_slices (data, style, fit, &layout->total);
  n = layout->slices->len;
  if (n == 0 || !(layout->total > 0) || width <= 2 * margin || height <= 2 * margin)
    return FALSE;

  entries = legend_entries (layout->slices);
  layout->row_height = CLAMP (legend_room / n, least_row, line + 10 * scale);
  legend_height = n * layout->row_height;

  if (wide)
    {
      /* The ring at the start, the legend at the end, the two centred as
       * a group so that the margins balance. */
      double room = width - 2 * margin - gap;
      double natural = crm_chart_legend_list_width (cr, style, entries, n, G_MAXDOUBLE);

      ring = CLAMP (room - natural, 0.42 * room, inner_height);
      layout->legend_width = crm_chart_legend_list_width (cr, style, entries, n, room - ring);
      layout->cx = (width - (ring + gap + layout->legend_width)) / 2 + ring / 2;
      layout->cy = height / 2;
      layout->legend_x = layout->cx + ring / 2 + gap;
      layout->legend_y = (height - legend_height) / 2;
    }
  else
    {
      /* Tall and narrow: the legend under the ring. */
      ring = MIN (width - 2 * margin, inner_height - gap / 2 - legend_height);
      layout->legend_width = crm_chart_legend_list_width (cr, style, entries, n, width - 2 * margin);
      layout->cx = width / 2;
      layout->cy = (height - (ring + gap / 2 + legend_height)) / 2 + ring / 2;
      layout->legend_x = (width - layout->legend_width) / 2;
      layout->legend_y = layout->cy + ring / 2 + gap / 2;
    }
  layout->outer = MAX (ring / 2, 1);
  layout->inner = layout->outer * HOLE;
  return TRUE;
}

/* A point at @radius and @angle (clockwise from twelve o'clock), left to
 * right. */
static void
polar (const DonutLayout *layout,
       double             radius,
       double             angle,
       double            *x,
       double            *y)
{
  *x = layout->cx + radius * sin (angle);
  *y = layout->cy - radius * cos (angle);
}

/* Whether the point (left to right) is in the ring between @start and
 * @end, @inset away from its edges. */
static gboolean
in_sector (const DonutLayout *layout,
           double             x,
           double             y,
           double             start,
           double             end,
           double             inset)
{
  double dx = x - layout->cx, dy = y - layout->cy;
  double radius = hypot (dx, dy), angle = atan2 (dx, -dy);
  double pad = radius > 0 ? inset / radius : 0;

  if (angle < 0)
    angle += 2 * G_PI;
  return radius >= layout->inner + inset && radius <= layout->outer - inset
         && angle >= start + pad && angle <= end - pad;
}

/* The share on the slice, where it fits whole inside the ring; a slice
 * too thin for it has its share in the legend only, so labels never
 * overlap. */
static void
draw_share (cairo_t              *cr,
            const CrmRenderStyle *style,
            const DonutLayout    *layout,
            const Slice          *slice,
            double                width)
{
  g_autoptr(PangoLayout) text = crm_render_figure_layout (cr, style, CRM_TEXT_SMALL, slice->share_text);
  double middle = (slice->start + slice->end) / 2, radius = (layout->inner + layout->outer) / 2;
  double text_width, text_height, x, y;
  double inset = 2 * crm_render_style_get_scale (style);

  crm_render_text_size (text, &text_width, &text_height);
  polar (layout, radius, middle, &x, &y);
  x -= text_width / 2;
  y -= text_height / 2;
  if (!in_sector (layout, x, y, slice->start, slice->end, inset)
      || !in_sector (layout, x + text_width, y, slice->start, slice->end, inset)
      || !in_sector (layout, x, y + text_height, slice->start, slice->end, inset)
      || !in_sector (layout, x + text_width, y + text_height, slice->start, slice->end, inset))
    return;
  crm_render_set_color (cr, crm_render_text_color_on (style, slice->color));
  crm_render_text_draw (cr, style, text, crm_render_mirror_x (style, width, x + text_width / 2) - text_width / 2,
                        y, text_width, CRM_TEXT_CENTER);
}

/* The total in the hole, shortened when it does not fit, over what it
 * is the total of. */
static void
draw_total (cairo_t              *cr,
            const CrmChartData   *data,
            const CrmRenderStyle *style,
            const DonutLayout    *layout,
            double                width)
{
  const char *name = crm_chart_data_get_n_series (data) > 0 ? crm_chart_data_get_series_name (data, 0) : "";
  /* Translators: under the sum of a donut chart's slices, when its series has no name. */
  g_autoptr(PangoLayout) caption = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, *name != '\0' ? name : _("Total"));
  static const CrmTextRole roles[] = { CRM_TEXT_VALUE, CRM_TEXT_TITLE };
  double room = layout->inner * 2 * 0.8, caption_height, value_width = 0, value_height = 0;
  g_autoptr(PangoLayout) value = NULL;
  CrmColor muted = crm_render_style_get_foreground (style);
  double top, cx = crm_render_mirror_x (style, width, layout->cx);

  /* The largest of full and compact, big and smaller, that fits. */
  for (guint i = 0; i < G_N_ELEMENTS (roles) * 2; i++)
    {
      g_autofree char *text = i % 2 == 0 ? crm_chart_data_format_value (data, layout->total)
                                         : crm_chart_data_format_compact (data, layout->total);

      g_clear_object (&value);
      value = crm_render_figure_layout (cr, style, roles[i / 2], text);
      crm_render_text_size (value, &value_width, &value_height);
      if (value_width <= room)
        break;
    }
  crm_render_text_elide (value, room);
  crm_render_text_size (value, &value_width, &value_height);
  crm_render_text_elide (caption, room);
  crm_render_text_size (caption, NULL, &caption_height);
  if (value_height + caption_height > 2 * layout->inner * 0.8)
    return;

  top = layout->cy - (value_height + caption_height) / 2;
  crm_render_set_color (cr, crm_render_style_get_foreground (style));
  crm_render_text_draw (cr, style, value, cx - room / 2, top, room, CRM_TEXT_CENTER);
  muted.alpha = 0.7;
  crm_render_set_color (cr, muted);
  crm_render_text_draw (cr, style, caption, cx - room / 2, top + value_height, room, CRM_TEXT_CENTER);
}

/**
 * crm_donut_chart_draw:
 *
 * Draws the first series of @data as a donut in the box from (0, 0),
 * @width × @height; missing values are left out, and with nothing
 * positive to share out it draws the “no data” message.
 */
void
crm_donut_chart_draw (const CrmChartData   *data,
                      const CrmRenderStyle *style,
                      cairo_t              *cr,
                      double                width,
                      double                height)
{
  g_auto(DonutLayout) layout = { 0, };
  g_autofree CrmChartLegendEntry *entries = NULL;

  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  if (!layout_donut (data, style, cr, width, height, &layout))
    {
      crm_render_empty (cr, style, width, height, NULL);
      return;
    }

  cairo_save (cr);
  /* The ring, mirrored as a whole in right to left. */
  cairo_save (cr);
  if (crm_render_style_is_rtl (style))
    {
      cairo_translate (cr, width, 0);
      cairo_scale (cr, -1, 1);
    }
  for (guint i = 0; i < layout.slices->len; i++)
    {
      const Slice *slice = &g_array_index (layout.slices, Slice, i);

      if (slice->end <= slice->start)
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, layout.cx, layout.cy, layout.outer, slice->start - G_PI_2, slice->end - G_PI_2);
      cairo_arc_negative (cr, layout.cx, layout.cy, layout.inner, slice->end - G_PI_2, slice->start - G_PI_2);
      cairo_close_path (cr);
      crm_render_set_color (cr, slice->color);
      cairo_fill (cr);
    }
  /* A line of background between slices, so that neighbours in similar
   * colours (and the greys of the print palette) stay apart. */
  if (layout.slices->len > 1)
    {
      crm_render_set_color (cr, crm_render_style_get_background (style));
      cairo_set_line_width (cr, 2 * crm_render_style_get_scale (style));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      for (guint i = 0; i < layout.slices->len; i++)
        {
          const Slice *slice = &g_array_index (layout.slices, Slice, i);
          double x0, y0, x1, y1;

          if (slice->end <= slice->start || slice->end - slice->start >= 2 * G_PI - 1e-9)
            continue;
          polar (&layout, layout.inner - 1, slice->start, &x0, &y0);
          polar (&layout, layout.outer + 1, slice->start, &x1, &y1);
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  for (guint i = 0; i < layout.slices->len; i++)
    {
      const Slice *slice = &g_array_index (layout.slices, Slice, i);

      if (slice->end > slice->start)
        draw_share (cr, style, &layout, slice, width);
    }
  draw_total (cr, data, style, &layout, width);

  entries = legend_entries (layout.slices);
  crm_chart_legend_list_draw (cr, style, entries, layout.slices->len,
                              crm_render_mirror_x (style, width, layout.legend_x + (crm_render_style_is_rtl (style) ? layout.legend_width : 0)),
                              layout.legend_y, layout.legend_width, layout.row_height);
  cairo_restore (cr);
}

/**
 * crm_donut_chart_hit_test:
 * @cr: (nullable): the context the chart is drawn on, for its text
 *   measures; %NULL to measure on an image
 *
 * What is at (@x, @y): a slice or the legend row of a category, as
 * series 0 and the category (%CRM_DONUT_CHART_OTHER for “Other”), or
 * %CRM_CHART_HIT_NONE (the hole, the margins).
 */
CrmChartHit
crm_donut_chart_hit_test (const CrmChartData   *data,
                          const CrmRenderStyle *style,
                          cairo_t              *cr,
                          double                width,
                          double                height,
                          double                x,
                          double                y)
{
  g_auto(DonutLayout) layout = { 0, };
  cairo_t *measure;
  gboolean laid_out;

  g_return_val_if_fail (data != NULL, CRM_CHART_HIT_NONE);
  g_return_val_if_fail (style != NULL, CRM_CHART_HIT_NONE);

  measure = crm_render_measuring_context (cr);
  laid_out = layout_donut (data, style, measure, width, height, &layout);
  cairo_destroy (measure);
  if (!laid_out)
    return CRM_CHART_HIT_NONE;

  x = crm_render_mirror_x (style, width, x);
  for (guint i = 0; i < layout.slices->len; i++)
    {
      const Slice *slice = &g_array_index (layout.slices, Slice, i);
      double top = layout.legend_y + i * layout.row_height;

      if ((slice->end > slice->start && in_sector (&layout, x, y, slice->start, slice->end, 0))
          || (x >= layout.legend_x && x < layout.legend_x + layout.legend_width
              && y >= top && y < top + layout.row_height))
        return (CrmChartHit) { 0, slice->category };
    }
  return CRM_CHART_HIT_NONE;
}

/**
 * crm_donut_chart_get_anchor:
 * @category: a category, or %CRM_DONUT_CHART_OTHER
 * @x: (out): the middle of the slice's arc
 * @y: (out):
 *
 * Where a tooltip or the keyboard focus points at a category's slice.
 *
 * Returns: %FALSE when the category has no slice (no value, nothing
 *   positive, or grouped into “Other”)
 */
gboolean
crm_donut_chart_get_anchor (const CrmChartData   *data,
                            const CrmRenderStyle *style,
                            cairo_t              *cr,
                            double                width,
                            double                height,
                            int                   category,
                            double               *x,
                            double               *y)
{
  g_auto(DonutLayout) layout = { 0, };
  cairo_t *measure;
  gboolean laid_out;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  measure = crm_render_measuring_context (cr);
  laid_out = layout_donut (data, style, measure, width, height, &layout);
  cairo_destroy (measure);
  if (!laid_out)
    return FALSE;
  for (guint i = 0; i < layout.slices->len; i++)
    {
      const Slice *slice = &g_array_index (layout.slices, Slice, i);

      if (slice->category != category || slice->end <= slice->start)
        continue;
      polar (&layout, (layout.inner + layout.outer) / 2, (slice->start + slice->end) / 2, x, y);
      *x = crm_render_mirror_x (style, width, *x);
      return TRUE;
    }
  return FALSE;
}
