/* crm-timeline.c
 *
 * The timeline is laid out once, left to right, by layout_init(), which
 * drawing, hit-testing and the rectangles of marks all use, so what is
 * found under a point is what was drawn there; right-to-left styles
 * mirror every x at the end.
 *
 * From top to bottom: the legend, the stage names, a lane per channel,
 * the transactions row and the time axis' labels; the lane labels in a
 * column at the reading edge. A box too short for all of it gives up the
 * legend first, then the stage names, then room of the transactions row,
 * then the axis labels.
 *
 * Speed (the budget is 8 ms for 1,000 touchpoints at 900 × 360): only
 * the marks in the window are looked at (they are in time order); of the
 * marks of one lane that fall in the same pixel column and look the same
 * only the first is drawn, so a zoomed-out journey of thousands of
 * touchpoints costs at most a mark per pixel column, lane and look; and
 * on an image each look of mark is drawn once and copied where the marks
 * go (see Stamps), since drawing a small disc costs cairo several times
 * what copying it does. PDF, SVG and the printer get every mark drawn.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crm-timeline-private.h"


#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Satisfaction 1 to 5, from Okabe and Ito's colours: vermillion and
 * orange for the bad, grey for the middling, sky blue and blue for the
 * good, so the scale reads as bad to good with any of the common
 * colour-vision deficiencies; darker or lighter than the usual shades so
 * that each stands out from its background at 3:1. On paper, lightness
 * alone, the worst darkest, every mark outlined. */
static const CrmColor light_scale[] = {
  RGB (0x9e3300), RGB (0xc98200), RGB (0x767676), RGB (0x3a8fd0), RGB (0x003f78),
};
static const CrmColor dark_scale[] = {
  RGB (0xd9541a), RGB (0xf7c948), RGB (0x8f8f8f), RGB (0xa8dcff), RGB (0x3d87e6),
};
static const CrmColor print_scale[] = {
  RGB (0x000000), RGB (0x404040), RGB (0x707070), RGB (0xa0a0a0), RGB (0xd0d0d0),
};

typedef enum
{
  LAYOUT_OK,
  LAYOUT_EMPTY,      /* no data: the empty message */
  LAYOUT_TOO_SMALL,  /* no room for a plot: nothing */
} LayoutResult;


static void
layout_clear (Layout *self)
{
  g_clear_object (&self->body);
  g_clear_object (&self->small);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static const char *
transactions_label (void)
{
  /* Translators: the label of the timeline's row of orders and refunds. */
  return _("Transactions");
}

/* Shares the height out among the rows, giving up the ones that matter
 * least while the lanes lack room. */
static gboolean
layout_rows (Layout *self,
             double  top,
             double  bottom)
{
  double s = self->scale;
  gboolean has_tx = crm_timeline_data_get_n_transactions (self->data) > 0;
  double lanes_room;

  self->legend_height = self->line_small + ROW_GAP * s;
  self->stage_height = self->line_small + 2 * s;
  self->axis_height = self->line_small + ROW_GAP / 2 * s;
  self->tx_height = has_tx ? CLAMP ((bottom - top) * TX_SHARE, TX_MIN * s, TX_MAX * s) : 0;

  {
    /* What is given up, in order, and down to what. */
    double *rows[] = { &self->legend_height, &self->stage_height, &self->tx_height, &self->axis_height };
    double least[] = { 0, 0, has_tx ? TX_SMALLEST * s : 0, 0 };

    for (guint i = 0;; i++)
      {
        lanes_room = bottom - top - self->legend_height - self->stage_height - self->axis_height - self->tx_height;
        if (lanes_room >= self->n_lanes * MIN_LANE * s && lanes_room > 0)
          break;
        if (i == G_N_ELEMENTS (rows))
          {
            /* Lanes a few pixels high, or a row of bars alone. */
            if (lanes_room <= 0 && (self->n_lanes > 0 || self->tx_height <= 0))
              return FALSE;
            break;
          }
        *rows[i] = MIN (*rows[i], least[i]);
      }
  }
  lanes_room = MAX (lanes_room, 0);
  self->lane_height = self->n_lanes > 0 ? MIN (lanes_room / self->n_lanes, MAX_LANE * s) : 0;
  self->legend_y = top;
  self->stage_y = self->legend_y + self->legend_height;
  self->lanes_y = self->stage_y + self->stage_height;
  self->tx_y = self->lanes_y + self->n_lanes * self->lane_height;
  self->axis_y = self->tx_y + self->tx_height + (self->axis_height > 0 ? ROW_GAP / 2 * s : 0);
  self->radius = self->lane_height > 0 ? CLAMP (self->lane_height * MARK_SHARE, MARK_MIN * s, MARK_MAX * s)
                                       : MARK_MAX * s;
  self->amount_labels = self->tx_height >= self->line_small + 12 * s;
  return TRUE;
}

static LayoutResult
layout_init (Layout                *self,
             cairo_t               *cr,
             const CrmRenderStyle  *style,
             const CrmTimelineData *data,
             double                 width,
             double                 height)
{
  double s, pad, widest = 0;

  memset (self, 0, sizeof *self);
  self->data = data;
  self->style = style;
  self->width = width;
  self->height = height;
  self->scale = s = crm_render_style_get_scale (style);
  self->rtl = crm_render_style_is_rtl (style);
  self->n_lanes = crm_timeline_data_get_n_lanes (data);
  if (crm_timeline_data_is_empty (data)
      || !crm_timeline_data_get_window (data, &self->start, &self->end)
      || !crm_timeline_data_get_bounds (data, &self->bounds_start, &self->bounds_end)
      || !crm_timeline_data_get_extent (data, &self->extent_start, &self->extent_end))
    return LAYOUT_EMPTY;

  pad = PAD * s;
  self->body = crm_render_text_layout (cr, style, CRM_TEXT_BODY, "Ag");
  self->small = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, "Ag");
  crm_render_text_size (self->body, NULL, &self->line_body);
  crm_render_text_size (self->small, NULL, &self->line_small);

  self->label_height = self->line_body;
  for (guint l = 0; l <= self->n_lanes; l++)
    {
      double label_width, label_height;

      if (l == self->n_lanes && crm_timeline_data_get_n_transactions (data) == 0)
        break;
      crm_render_text_set (self->body, l < self->n_lanes ? crm_timeline_data_get_lane_name (data, l)
                                                         : transactions_label ());
      crm_render_text_size (self->body, &label_width, &label_height);
      widest = MAX (widest, ceil (label_width));
      self->label_height = MAX (self->label_height, label_height);
    }
  self->label_x = pad;
  self->label_width = width * LABEL_SHARE >= MIN_LABEL_COLUMN * s ? MIN (widest, width * LABEL_SHARE) : 0;
  self->plot_x = pad + self->label_width + (self->label_width > 0 ? COLUMN_GAP * s : 0);
  self->plot_width = width - pad - self->plot_x;
  if (self->plot_width < 1 || !layout_rows (self, pad, height - pad))
    return LAYOUT_TOO_SMALL;
  self->px_per_second = self->plot_width / (double) (self->end - self->start);
  return LAYOUT_OK;
}

/* Where @time is along the plot, left to right. */
double
crm_timeline_time_x (const Layout *self,
                     gint64        time)
{
  return self->plot_x + (double) (time - self->start) * self->px_per_second;
}

double
crm_timeline_mirror (const Layout *self,
                     double        x)
{
  return self->rtl ? self->width - x : x;
}

static cairo_rectangle_t
mirror_rect (const Layout      *self,
             cairo_rectangle_t  rect)
{
  if (self->rtl)
    rect.x = self->width - rect.x - rect.width;
  return rect;
}

static double
lane_center (const Layout *self,
             guint         lane)
{
  return self->lanes_y + (lane + 0.5) * self->lane_height;
}

/* A mark's size, centre to edge or tip. */
static double
mark_size (const Layout          *self,
           const CrmTimelineMark *mark)
{
  return mark->moment_of_truth ? self->radius * MOMENT_SIZE : self->radius;
}

/* Whether anything of what reaches @reach either side of @x shows. */
static gboolean
in_plot (const Layout *self,
         double        x,
         double        reach)
{
  return x + reach >= self->plot_x && x - reach <= self->plot_x + self->plot_width;
}

/* The marks that may show in the window: from @first up to @last. */
static void
visible_marks (const Layout *self,
               guint        *first,
               guint        *last)
{
  gint64 reach = (gint64) ceil (self->radius * MOMENT_SIZE / self->px_per_second);

  *first = crm_timeline_data_find_mark (self->data, self->start - reach);
  *last = crm_timeline_data_find_mark (self->data, self->end + reach + 1);
}

static void
visible_transactions (const Layout *self,
                      guint        *first,
                      guint        *last)
{
  gint64 reach = (gint64) ceil (BAR_WIDTH * self->scale / self->px_per_second);

  *first = crm_timeline_data_find_transaction (self->data, self->start - reach);
  *last = crm_timeline_data_find_transaction (self->data, self->end + reach + 1);
}

/* The top of a transaction's bar and its height, from the row's bottom. */
static void
bar_extent (const Layout                 *self,
            const CrmTimelineTransaction *transaction,
            double                       *top,
            double                       *height)
{
  double room = self->tx_height - (self->amount_labels ? self->line_small + 2 * self->scale : 2 * self->scale);
  double largest = crm_timeline_data_get_largest_amount (self->data);

  *height = MAX (2 * self->scale, largest > 0 ? fabs (transaction->amount) / largest * room : 0);
  *top = self->tx_y + self->tx_height - *height;
}

static cairo_rectangle_t
bar_rect (const Layout                 *self,
          const CrmTimelineTransaction *transaction)
{
  double x = crm_timeline_time_x (self, transaction->time), top, height, bar = BAR_WIDTH * self->scale;

  bar_extent (self, transaction, &top, &height);
  return (cairo_rectangle_t) { x - bar / 2, top, bar, height };
}

/**
 * crm_timeline_satisfaction_color:
 * @satisfaction: 1 (worst) to 5 (best); 0 (not rated) answers the
 *   background, which hollow marks are filled with
 *
 * The colour of a mark, which a tooltip or a legend elsewhere can show.
 */
CrmColor
crm_timeline_satisfaction_color (const CrmRenderStyle *style,
                                 int                   satisfaction)
{
  g_return_val_if_fail (style != NULL, light_scale[0]);

  if (satisfaction < 1 || satisfaction > 5)
    return crm_render_style_get_background (style);
  switch (crm_render_style_get_palette (style))
    {
    case CRM_RENDER_PALETTE_DARK:
      return dark_scale[satisfaction - 1];
    case CRM_RENDER_PALETTE_PRINT:
      return print_scale[satisfaction - 1];
    case CRM_RENDER_PALETTE_LIGHT:
    default:
      return light_scale[satisfaction - 1];
    }
}

/* The foreground at an alpha for each palette: lines and fills that stay
 * in the background. */
void
crm_timeline_set_faint (cairo_t              *cr,
                        const CrmRenderStyle *style,
                        double                alpha)
{
  CrmColor color = crm_render_style_get_foreground (style);

  switch (crm_render_style_get_palette (style))
    {
    case CRM_RENDER_PALETTE_DARK:
      color.alpha = alpha * 1.4;
      break;
    case CRM_RENDER_PALETTE_PRINT:
      color.alpha = MIN (alpha * 2, 1);
      break;
    case CRM_RENDER_PALETTE_LIGHT:
    default:
      color.alpha = alpha;
      break;
    }
  crm_render_set_color (cr, color);
}

/* ----- text ----- */


/* Draws @text in a box laid out left to right (mirrored here) and notes
 * where the text went. */
void
crm_timeline_emit_text (Painter             *painter,
                        CrmTimelineTextKind  kind,
                        PangoLayout         *text,
                        double               x,
                        double               y,
                        double               room,
                        CrmTextAlign         align)
{
  const Layout *layout = painter->layout;
  double drawn_x = layout->rtl ? layout->width - x - room : x;

  if (painter->boxes != NULL)
    {
      CrmTimelineTextBox box = { kind, { drawn_x, y, 0, 0 } };

      crm_render_text_size (text, &box.box.width, &box.box.height);
      if (align == CRM_TEXT_CENTER)
        box.box.x += (room - box.box.width) / 2;
      else if ((align == CRM_TEXT_END) != layout->rtl)
        box.box.x += room - box.box.width;
      g_array_append_val (painter->boxes, box);
    }
  if (painter->draw)
    crm_render_text_draw (painter->cr, layout->style, text, drawn_x, y, room, align);
}

void
crm_timeline_set_muted (Painter *painter)
{
  CrmColor color = crm_render_style_get_foreground (painter->layout->style);

  color.alpha = crm_render_style_get_palette (painter->layout->style) == CRM_RENDER_PALETTE_PRINT ? 0.85 : 0.7;
  crm_render_set_color (painter->cr, color);
}

/* ----- stage bands ----- */

typedef struct
{
  double      x0;       /* left to right, inside the plot */
  double      x1;
  const char *stage;
} BandSpan;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  double x = ((const BandSpan *) a)->x0, y = ((const BandSpan *) b)->x0;

  return (x > y) - (x < y);
}

/* The bands in the window, in time order; those at the journey's ends
 * reach on into the margins, where the customer was still (or already)
 * in their stage. */
static GArray *
visible_bands (const Layout *self)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (BandSpan));
  double left = self->plot_x, right = self->plot_x + self->plot_width;

  for (guint i = 0; i < crm_timeline_data_get_n_stage_bands (self->data); i++)
    {
      const CrmTimelineStageBand *band = crm_timeline_data_get_stage_band (self->data, i);
      gint64 start = band->start <= self->extent_start ? self->bounds_start : band->start;
      gint64 end = band->end >= self->extent_end ? self->bounds_end : band->end;
      BandSpan span = { MAX (crm_timeline_time_x (self, start), left), MIN (crm_timeline_time_x (self, end), right), band->stage };

      if (span.x1 > span.x0)
        g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);
  return spans;
}

static void
draw_band_fills (const Layout *self,
                 cairo_t      *cr,
                 GArray       *spans)
{
  double top = self->stage_height > 0 ? self->stage_y : self->lanes_y;
  double bottom = self->tx_y + self->tx_height;

  for (int shade = 0; shade < 2; shade++)
    {
      for (guint i = shade; i < spans->len; i += 2)
        {
          const BandSpan *span = &g_array_index (spans, BandSpan, i);
          cairo_rectangle_t rect = mirror_rect (self, (cairo_rectangle_t) { span->x0, top, span->x1 - span->x0,
                                                                            bottom - top });

          cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
        }
      crm_timeline_set_faint (cr, self->style, shade == 0 ? 0.035 : 0.07);
      cairo_fill (cr);
    }

  /* Where a stage begins, a line, unless the stages change every few
   * pixels, where lines would hide the shades. */
  for (guint i = 0; i < spans->len; i++)
    {
      const BandSpan *span = &g_array_index (spans, BandSpan, i);
      const BandSpan *before = i > 0 ? span - 1 : NULL;
      double x = floor (crm_timeline_mirror (self, span->x0)) + 0.5;

      if (span->x0 <= self->plot_x || span->x1 - span->x0 < MIN_SEPARATED * self->scale
          || (before != NULL && before->x1 - before->x0 < MIN_SEPARATED * self->scale))
        continue;
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
    }
  cairo_set_line_width (cr, self->scale);
  crm_timeline_set_faint (cr, self->style, 0.2);
  cairo_stroke (cr);
}

static void
draw_band_names (Painter *painter,
                 GArray  *spans)
{
  const Layout *self = painter->layout;
  double pad = BAND_TEXT_PAD * self->scale, placed_end = -G_MAXDOUBLE;

  if (self->stage_height <= 0)
    return;
  crm_timeline_set_muted (painter);
  for (guint i = 0; i < spans->len; i++)
    {
      const BandSpan *span = &g_array_index (spans, BandSpan, i);
      double x = MAX (span->x0 + pad, placed_end + 2 * pad), room = span->x1 - pad - x, width;

      if (room < MIN_BAND_LABEL * self->scale)
        continue;
      crm_render_text_set (self->small, span->stage);
      crm_render_text_elide (self->small, room);
      crm_render_text_size (self->small, &width, NULL);
      crm_timeline_emit_text (painter, CRM_TIMELINE_TEXT_STAGE, self->small, x, self->stage_y, room, CRM_TEXT_START);
      placed_end = x + MIN (width, room);
    }
}

/* ----- marks ----- */

static void
shape_path (cairo_t  *cr,
            double    x,
            double    y,
            double    size,
            gboolean  diamond)
{
  if (diamond)
    {
      cairo_move_to (cr, x, y - size);
      cairo_line_to (cr, x + size, y);
      cairo_line_to (cr, x, y + size);
      cairo_line_to (cr, x - size, y);
      cairo_close_path (cr);
    }
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
    }
}

/* Where marks overlap, which is drawn on top: unrated marks lowest, then
 * from the best satisfaction to the worst, so that trouble shows; the
 * moments of truth above all of them, in the same order. */
#define N_RANKS 12

static int
mark_rank (const CrmTimelineMark *mark)
{
  return (mark->satisfaction > 0 ? 6 - mark->satisfaction : 0) + (mark->moment_of_truth ? 6 : 0);
}

static int
rank_satisfaction (int rank)
{
  return rank % 6 == 0 ? 0 : 6 - rank % 6;
}

/* A mark of @size centred at (@x, @y), as drawn: a disc in its
 * satisfaction's colour, a ring when not rated; a diamond with an
 * outline for a moment of truth; a halo of background around, which
 * keeps it apart from the marks under it. On paper every disc has an
 * outline, or the lightest grey would vanish. */
static void
draw_shape (cairo_t              *cr,
            const CrmRenderStyle *style,
            double                x,
            double                y,
            double                size,
            int                   satisfaction,
            gboolean              diamond)
{
  double scale = crm_render_style_get_scale (style);
  double line = OUTLINE * scale, slant = diamond ? G_SQRT2 : 1;
  CrmColor ink = crm_render_style_get_foreground (style);
  gboolean outline = diamond || crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_PRINT;

  shape_path (cr, x, y, size + HALO * scale * slant, diamond);
  crm_render_set_color (cr, crm_render_style_get_background (style));
  cairo_fill (cr);
  if (satisfaction > 0)
    {
      shape_path (cr, x, y, size, diamond);
      crm_render_set_color (cr, crm_timeline_satisfaction_color (style, satisfaction));
      if (!outline)
        {
          cairo_fill (cr);
          return;
        }
      cairo_fill_preserve (cr);
    }
  else
    {
      shape_path (cr, x, y, size - line / 2 * slant, diamond);
      if (!diamond)
        ink.alpha = 0.75;
    }
  crm_render_set_color (cr, ink);
  cairo_set_line_width (cr, line);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);
}

/* Stamps: on an image, each look of mark is drawn once onto a small
 * image, at a few offsets within a pixel, and copied where the marks go,
 * whole pixels apart: a copy costs a sixth of drawing a mark. */
#define PHASES 4   /* offsets a pixel: marks land within an eighth of one */
#define MAX_STAMP 160

typedef struct
{
  const Layout    *layout;
  cairo_matrix_t   to_pixels;   /* user space to the image's pixels */
  cairo_matrix_t   from_pixels; /* the matrix that makes pixels user space */
  int              center;      /* a mark's centre in its stamp */
  int              side;
  cairo_surface_t *stamps[N_RANKS][PHASES][PHASES];
} Stamps;

/* Whether @cr draws on an image unrotated, which stamps can serve. */
static gboolean
stamps_init (Stamps       *self,
             const Layout *layout,
             cairo_t      *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double scale_x, scale_y, offset_x, offset_y, reach;
  cairo_matrix_t ctm;

  memset (self, 0, sizeof *self);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_get_matrix (cr, &ctm);
  if (ctm.xy != 0 || ctm.yx != 0 || ctm.xx <= 0 || ctm.yy <= 0)
    return FALSE;
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);
  cairo_surface_get_device_offset (target, &offset_x, &offset_y);
  cairo_matrix_init (&self->to_pixels, ctm.xx * scale_x, 0, 0, ctm.yy * scale_y,
                     ctm.x0 * scale_x + offset_x, ctm.y0 * scale_y + offset_y);
  /* The device's scale and offset come after the matrix. */
  cairo_matrix_init (&self->from_pixels, 1 / scale_x, 0, 0, 1 / scale_y, -offset_x / scale_x, -offset_y / scale_y);
  reach = layout->radius * MOMENT_SIZE + (HALO * G_SQRT2 + 1) * layout->scale;
  self->center = (int) ceil (reach * MAX (self->to_pixels.xx, self->to_pixels.yy)) + 1;
  self->side = 2 * self->center + 2;
  self->layout = layout;
  return self->side <= MAX_STAMP;
}

static void
stamps_clear (Stamps *self)
{
  for (guint r = 0; r < N_RANKS; r++)
    for (guint x = 0; x < PHASES; x++)
      for (guint y = 0; y < PHASES; y++)
        g_clear_pointer (&self->stamps[r][x][y], cairo_surface_destroy);
}

static cairo_surface_t *
stamp (Stamps *self,
       int     rank,
       int     phase_x,
       int     phase_y)
{
  cairo_surface_t **stamp = &self->stamps[rank][phase_x][phase_y];

  if (*stamp == NULL)
    {
      const Layout *layout = self->layout;
      cairo_t *cr;

      *stamp = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->side, self->side);
      cr = cairo_create (*stamp);
      cairo_translate (cr, self->center + (double) phase_x / PHASES, self->center + (double) phase_y / PHASES);
      cairo_scale (cr, self->to_pixels.xx, self->to_pixels.yy);
      draw_shape (cr, layout->style, 0, 0, rank >= 6 ? layout->radius * MOMENT_SIZE : layout->radius,
                  rank_satisfaction (rank), rank >= 6);
      cairo_destroy (cr);
    }
  return *stamp;
}

/* Copies the stamp of @rank with its centre at (@x, @y) in user space;
 * @cr is set to draw in pixels. */
static void
stamp_at (Stamps  *self,
          cairo_t *cr,
          int      rank,
          double   x,
          double   y)
{
  double px, py;
  int phase_x, phase_y;

  cairo_matrix_transform_point (&self->to_pixels, &x, &y);
  px = floor (x);
  py = floor (y);
  phase_x = (int) round ((x - px) * PHASES);
  phase_y = (int) round ((y - py) * PHASES);
  if (phase_x == PHASES)
    px++, phase_x = 0;
  if (phase_y == PHASES)
    py++, phase_y = 0;
  cairo_set_source_surface (cr, stamp (self, rank, phase_x, phase_y), px - self->center, py - self->center);
  cairo_rectangle (cr, px - self->center, py - self->center, self->side, self->side);
  cairo_fill (cr);
}

/* The marks in the window, rank by rank from the lowest up, in time
 * order within a rank; of the marks of a lane and rank in one pixel
 * column only the first, the others being drawn on the same pixels. */
static void
draw_marks (const Layout *self,
            cairo_t      *cr)
{
  g_autofree int *last_column = NULL;
  GArray *ranks[N_RANKS];
  Stamps stamps;
  gboolean stamping;
  guint first, last;

  if (self->n_lanes == 0)
    return;
  last_column = g_new (int, N_RANKS * self->n_lanes);
  for (guint i = 0; i < N_RANKS * self->n_lanes; i++)
    last_column[i] = G_MININT;
  for (guint r = 0; r < N_RANKS; r++)
    ranks[r] = g_array_new (FALSE, FALSE, sizeof (guint));
  visible_marks (self, &first, &last);
  for (guint i = first; i < last; i++)
    {
      const CrmTimelineMark *mark = crm_timeline_data_get_mark (self->data, i);
      int rank = mark_rank (mark), column = (int) floor (crm_timeline_time_x (self, mark->time));

      if (last_column[rank * self->n_lanes + mark->lane] == column)
        continue;
      last_column[rank * self->n_lanes + mark->lane] = column;
      g_array_append_val (ranks[rank], i);
    }

  cairo_save (cr);
  {
    cairo_rectangle_t plot = mirror_rect (self, (cairo_rectangle_t) { self->plot_x, self->lanes_y, self->plot_width,
                                                                      self->n_lanes * self->lane_height });

    cairo_rectangle (cr, plot.x, plot.y, plot.width, plot.height);
    cairo_clip (cr);
  }
  stamping = stamps_init (&stamps, self, cr);
  if (stamping)
    {
      /* Pixels as user space: stamps land on whole pixels. */
      cairo_set_matrix (cr, &stamps.from_pixels);
    }
  for (guint r = 0; r < N_RANKS; r++)
    {
      for (guint k = 0; k < ranks[r]->len; k++)
        {
          const CrmTimelineMark *mark = crm_timeline_data_get_mark (self->data, g_array_index (ranks[r], guint, k));
          double x = crm_timeline_mirror (self, crm_timeline_time_x (self, mark->time)), y = lane_center (self, mark->lane);

          if (stamping)
            stamp_at (&stamps, cr, r, x, y);
          else
            draw_shape (cr, self->style, x, y, mark_size (self, mark), mark->satisfaction, mark->moment_of_truth);
        }
      g_array_unref (ranks[r]);
    }
  if (stamping)
    stamps_clear (&stamps);
  cairo_restore (cr);
}

static void
draw_lane_tracks (const Layout *self,
                  cairo_t      *cr)
{
  for (guint l = 0; l < self->n_lanes; l++)
    {
      double y = floor (lane_center (self, l)) + 0.5;

      cairo_move_to (cr, crm_timeline_mirror (self, self->plot_x), y);
      cairo_line_to (cr, crm_timeline_mirror (self, self->plot_x + self->plot_width), y);
    }
  cairo_set_line_width (cr, self->scale);
  crm_timeline_set_faint (cr, self->style, 0.12);
  cairo_stroke (cr);
}

/* A label vertically centred on @center, in body text where its row
 * has the room, else in small text. */
static void
emit_row_label (Painter    *painter,
                const char *label,
                double      center,
                gboolean    body)
{
  const Layout *self = painter->layout;
  PangoLayout *text = body ? self->body : self->small;
  double height;

  crm_render_text_set (text, label);
  crm_render_text_elide (text, self->label_width);
  crm_render_text_size (text, NULL, &height);
  crm_timeline_emit_text (painter, CRM_TIMELINE_TEXT_LANE, text, self->label_x, center - height / 2, self->label_width,
             CRM_TEXT_START);
}

static void
draw_lane_labels (Painter *painter)
{
  const Layout *self = painter->layout;
  /* The tallest label in small text, about. */
  double small = self->label_height * self->line_small / self->line_body;
  gboolean body = self->lane_height >= self->label_height;
  guint every = body || self->lane_height >= small ? 1 : (guint) ceil (small / self->lane_height);

  if (self->label_width <= 0)
    return;
  crm_render_set_color (painter->cr, crm_render_style_get_foreground (self->style));
  for (guint l = 0; l < self->n_lanes; l += every)
    emit_row_label (painter, crm_timeline_data_get_lane_name (self->data, l), lane_center (self, l), body);
  /* At the bars' foot, under the row's middle if it is tall. */
  if (self->tx_height >= small)
    {
      body = self->tx_height >= self->label_height;
      emit_row_label (painter, transactions_label (),
                      self->tx_y + self->tx_height - (body ? self->label_height : small) / 2, body);
    }
}

/* ----- transactions ----- */

static void
draw_bars (const Layout *self,
           cairo_t      *cr)
{
  double bottom = floor (self->tx_y + self->tx_height) + 0.5;
  guint first, last;

  if (self->tx_height <= 0)
    return;
  cairo_save (cr);
  cairo_move_to (cr, crm_timeline_mirror (self, self->plot_x), bottom);
  cairo_line_to (cr, crm_timeline_mirror (self, self->plot_x + self->plot_width), bottom);
  cairo_set_line_width (cr, self->scale);
  crm_timeline_set_faint (cr, self->style, 0.3);
  cairo_stroke (cr);

  {
    cairo_rectangle_t plot = mirror_rect (self, (cairo_rectangle_t) { self->plot_x, self->tx_y, self->plot_width,
                                                                      self->tx_height });

    cairo_rectangle (cr, plot.x, plot.y, plot.width, plot.height);
    cairo_clip (cr);
  }
  visible_transactions (self, &first, &last);
  /* Orders filled, refunds outlined. */
  for (int refunds = 0; refunds < 2; refunds++)
    {
      for (guint i = first; i < last; i++)
        {
          const CrmTimelineTransaction *transaction = crm_timeline_data_get_transaction (self->data, i);
          cairo_rectangle_t rect;

          if ((transaction->amount < 0) != refunds)
            continue;
          rect = mirror_rect (self, bar_rect (self, transaction));
          if (refunds)
            cairo_rectangle (cr, rect.x + 0.5 * self->scale, rect.y + 0.5 * self->scale,
                             rect.width - self->scale, rect.height - self->scale);
          else
            cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
        }
      crm_timeline_set_faint (cr, self->style, 0.6);
      if (refunds)
        {
          cairo_set_line_width (cr, self->scale);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
    }
  cairo_restore (cr);
}

static int
compare_amounts (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const CrmTimelineData *data = user_data;
  double x = fabs (crm_timeline_data_get_transaction (data, *(const guint *) a)->amount);
  double y = fabs (crm_timeline_data_get_transaction (data, *(const guint *) b)->amount);

  return (x < y) - (x > y);
}

/* Above the bars, their amounts, the largest first, where they fit
 * without touching each other. */
static void
draw_amount_labels (Painter *painter)
{
  const Layout *self = painter->layout;
  double s = self->scale, low = self->plot_x - COLUMN_GAP * s / 2, high = self->width - PAD * s;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(PangoLayout) figure = NULL;
  guint first, last;

  if (self->tx_height <= 0 || !self->amount_labels)
    return;
  visible_transactions (self, &first, &last);
  for (guint i = first; i < last; i++)
    if (in_plot (self, crm_timeline_time_x (self, crm_timeline_data_get_transaction (self->data, i)->time), 0))
      g_array_append_val (order, i);
  /* Labels a few pixels apart each would not fit anyway. */
  if (order->len == 0 || order->len > self->plot_width / (TICK_MIN * s))
    return;
  g_array_sort_with_data (order, compare_amounts, (gpointer) self->data);

  crm_timeline_set_muted (painter);
  figure = crm_render_figure_layout (painter->cr, self->style, CRM_TEXT_SMALL, NULL);
  for (guint k = 0; k < MIN (order->len, MAX_AMOUNT_LABELS); k++)
    {
      const CrmTimelineTransaction *transaction = crm_timeline_data_get_transaction (self->data,
                                                                                    g_array_index (order, guint, k));
      g_autofree char *text = crm_value_format_compact (transaction->amount, CRM_VALUE_MONEY, transaction->currency);
      double width = crm_render_text_width (figure, text), top, height, x;
      gboolean clear = TRUE;

      x = crm_timeline_time_x (self, transaction->time) - width / 2;
      if (x < low || x + width > high)
        continue;
      for (guint p = 0; p < placed->len && clear; p += 2)
        clear = x + width + TICK_SPACING * s / 2 <= g_array_index (placed, double, p)
                || x >= g_array_index (placed, double, p + 1) + TICK_SPACING * s / 2;
      if (!clear)
        continue;
      g_array_append_val (placed, x);
      g_array_append_val (placed, ((double) { x + width }));
      bar_extent (self, transaction, &top, &height);
      crm_timeline_emit_text (painter, CRM_TIMELINE_TEXT_AMOUNT, figure, x, top - self->line_small - s, width, CRM_TEXT_CENTER);
    }
}

/* ----- the legend ----- */

typedef struct
{
  const char *text;
  int         satisfaction;  /* the swatch's; -1: no swatch */
  gboolean    diamond;
  double      width;
} LegendItem;

/* Items that go together, or not at all. */
typedef struct
{
  guint    first;
  guint    n_items;
  int      priority;         /* short of room, the lowest goes first */
  gboolean shown;
  double   width;
} LegendGroup;

/* The legend on top, in reading order: the satisfaction scale, the
 * unrated mark and the moment of truth; in a narrow box, without the
 * unrated mark, then without the moment of truth. */
static void
draw_legend (Painter *painter)
{
  const Layout *self = painter->layout;
  double s = self->scale, swatch = MIN (self->radius, self->line_small * 0.32);
  double swatch_room = 2 * swatch * MOMENT_SIZE + SWATCH_GAP * s, joined = 2 * SWATCH_GAP * s;
  double x = self->label_x, room = self->width - PAD * s - x, total;
  LegendItem items[] = {
    /* Translators: the title of the timeline legend's colours, followed by 1 to 5. */
    { _("Satisfaction"), -1, FALSE, 0 },
    { "1", 1, FALSE, 0 }, { "2", 2, FALSE, 0 }, { "3", 3, FALSE, 0 }, { "4", 4, FALSE, 0 }, { "5", 5, FALSE, 0 },
    { _("Not rated"), 0, FALSE, 0 },
    { _("Moment of truth"), 3, TRUE, 0 },
  };
  LegendGroup groups[] = { { 0, 6, 3, TRUE, 0 }, { 6, 1, 1, TRUE, 0 }, { 7, 1, 2, TRUE, 0 } };

  if (self->legend_height <= 0)
    return;
  total = -LEGEND_GAP * s;
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      for (guint i = groups[g].first; i < groups[g].first + groups[g].n_items; i++)
        {
          items[i].width = crm_render_text_width (self->small, items[i].text)
                           + (items[i].satisfaction >= 0 ? swatch_room : 0);
          groups[g].width += items[i].width + (i > groups[g].first ? joined : 0);
        }
      total += groups[g].width + LEGEND_GAP * s;
    }
  for (int priority = 1; total > room && priority <= 3; priority++)
    for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
      if (groups[g].priority == priority)
        {
          groups[g].shown = FALSE;
          total -= groups[g].width + LEGEND_GAP * s;
        }

  crm_timeline_set_muted (painter);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      if (!groups[g].shown)
        continue;
      for (guint i = groups[g].first; i < groups[g].first + groups[g].n_items; i++)
        {
          double text_x = x;

          if (items[i].satisfaction >= 0)
            {
              if (painter->draw)
                {
                  draw_shape (painter->cr, self->style, crm_timeline_mirror (self, x + swatch * MOMENT_SIZE),
                              self->legend_y + self->line_small / 2, items[i].diamond ? swatch * MOMENT_SIZE : swatch,
                              items[i].satisfaction, items[i].diamond);
                  crm_timeline_set_muted (painter);
                }
              text_x += swatch_room;
            }
          crm_render_text_set (self->small, items[i].text);
          crm_timeline_emit_text (painter, CRM_TIMELINE_TEXT_LEGEND, self->small, text_x, self->legend_y,
                     items[i].width - (text_x - x), CRM_TEXT_START);
          x += items[i].width + joined;
        }
      x += LEGEND_GAP * s - joined;
    }
}

/* ----- all of it ----- */

static void
paint (const Layout *self,
       cairo_t      *cr,
       GArray       *boxes)
{
  Painter painter = { cr, self, boxes, boxes == NULL };
  g_autoptr(GArray) spans = visible_bands (self);
  g_autoptr(GArray) ticks = NULL;
  const TickStep *step = NULL;

  ticks = self->axis_height > 0 ? crm_timeline_choose_ticks (self, &step) : g_array_new (FALSE, FALSE, sizeof (Tick));
  cairo_save (cr);
  if (painter.draw)
    {
      draw_band_fills (self, cr, spans);
      crm_timeline_draw_gridlines (self, cr, ticks);
      draw_lane_tracks (self, cr);
      draw_bars (self, cr);
      draw_marks (self, cr);
    }
  draw_band_names (&painter, spans);
  draw_lane_labels (&painter);
  draw_amount_labels (&painter);
  if (self->axis_height > 0)
    crm_timeline_draw_axis_labels (&painter, ticks, step);
  draw_legend (&painter);
  cairo_restore (cr);
}

/**
 * crm_timeline_draw:
 *
 * Draws the journey's window in the box (0, 0, @width, @height) of @cr;
 * an empty journey draws its message.
 */
void
crm_timeline_draw (const CrmTimelineData *data,
                   const CrmRenderStyle  *style,
                   cairo_t               *cr,
                   double                 width,
                   double                 height)
{
  g_auto(Layout) layout = { 0 };

  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  switch (layout_init (&layout, cr, style, data, width, height))
    {
    case LAYOUT_EMPTY:
      crm_render_empty (cr, style, width, height, _("No touchpoints or transactions"));
      return;
    case LAYOUT_TOO_SMALL:
      return;
    case LAYOUT_OK:
    default:
      paint (&layout, cr, NULL);
    }
}

/* Lays the timeline out on @cr or, without one, on a scratch surface. */
static gboolean
layout_measured (Layout                *layout,
                 cairo_t               *cr,
                 const CrmRenderStyle  *style,
                 const CrmTimelineData *data,
                 double                 width,
                 double                 height)
{
  cairo_t *measure = crm_render_measuring_context (cr);
  LayoutResult result = layout_init (layout, measure, style, data, width, height);

  cairo_destroy (measure);
  return result == LAYOUT_OK;
}

/* Of the marks of the lanes' rows at (@x, @y), left to right: the
 * topmost drawn that covers the point, else the nearest within reach. */
static int
mark_at (const Layout *self,
         double        x,
         double        y)
{
  double reach = MAX (HIT_RADIUS * self->scale, self->radius * MOMENT_SIZE + HALO * self->scale);
  gint64 from = self->start + (gint64) floor ((x - reach - self->plot_x) / self->px_per_second);
  gint64 to = self->start + (gint64) ceil ((x + reach - self->plot_x) / self->px_per_second);
  guint last = crm_timeline_data_find_mark (self->data, to + 1);
  int covering = -1, covering_rank = -1, nearest = -1;
  double nearest_distance = HIT_RADIUS * self->scale;

  for (guint i = crm_timeline_data_find_mark (self->data, from); i < last; i++)
    {
      const CrmTimelineMark *mark = crm_timeline_data_get_mark (self->data, i);
      double distance = hypot (crm_timeline_time_x (self, mark->time) - x, lane_center (self, mark->lane) - y);

      if (distance <= mark_size (self, mark) + HALO * self->scale && mark_rank (mark) >= covering_rank)
        {
          covering = i;
          covering_rank = mark_rank (mark);
        }
      if (distance <= nearest_distance)
        {
          nearest = i;
          nearest_distance = distance;
        }
    }
  return covering >= 0 ? covering : nearest;
}

/* The transaction whose bar is nearest to @x within reach. */
static int
transaction_at (const Layout *self,
                double        x)
{
  double reach = MAX (HIT_RADIUS * self->scale, BAR_WIDTH * self->scale / 2);
  gint64 from = self->start + (gint64) floor ((x - reach - self->plot_x) / self->px_per_second);
  gint64 to = self->start + (gint64) ceil ((x + reach - self->plot_x) / self->px_per_second);
  guint last = crm_timeline_data_find_transaction (self->data, to + 1);
  double best = reach;
  int found = -1;

  for (guint i = crm_timeline_data_find_transaction (self->data, from); i < last; i++)
    {
      double distance = fabs (crm_timeline_time_x (self, crm_timeline_data_get_transaction (self->data, i)->time) - x);

      if (distance <= best)
        {
          best = distance;
          found = i;
        }
    }
  return found;
}

/**
 * crm_timeline_hit_test:
 * @cr: (nullable): the context the timeline is drawn on, for measuring
 *   text; %NULL measures on a scratch surface
 * @x: a point in the timeline's box, as drawn (mirrored in right to left)
 *
 * What is under a point: a mark answers its lane (series) and its index
 * (category); a transaction's bar %CRM_TIMELINE_TRANSACTIONS and the
 * transaction's index; a lane's label its lane and -1, the transactions'
 * label %CRM_TIMELINE_TRANSACTIONS and -1; anything else
 * %CRM_CHART_HIT_NONE. Where marks overlap, the one drawn on top wins;
 * a point beside a mark, within a few pixels, still finds it.
 */
CrmChartHit
crm_timeline_hit_test (const CrmTimelineData *data,
                       const CrmRenderStyle  *style,
                       cairo_t               *cr,
                       double                 width,
                       double                 height,
                       double                 x,
                       double                 y)
{
  g_auto(Layout) layout = { 0 };
  double lanes_bottom;

  g_return_val_if_fail (data != NULL, CRM_CHART_HIT_NONE);
  g_return_val_if_fail (style != NULL, CRM_CHART_HIT_NONE);

  if (!layout_measured (&layout, cr, style, data, width, height))
    return CRM_CHART_HIT_NONE;
  x = crm_timeline_mirror (&layout, x);
  lanes_bottom = layout.tx_y;

  if (in_plot (&layout, x, 0))
    {
      if (y >= layout.lanes_y && y < lanes_bottom)
        {
          int mark = mark_at (&layout, x, y);

          if (mark >= 0)
            return (CrmChartHit) { crm_timeline_data_get_mark (data, mark)->lane, mark };
        }
      else if (y >= layout.tx_y && y <= layout.tx_y + layout.tx_height)
        {
          int transaction = transaction_at (&layout, x);

          if (transaction >= 0)
            return (CrmChartHit) { CRM_TIMELINE_TRANSACTIONS, transaction };
        }
      return CRM_CHART_HIT_NONE;
    }

  if (layout.label_width > 0 && x >= layout.label_x && x <= layout.label_x + layout.label_width)
    {
      if (y >= layout.lanes_y && y < lanes_bottom)
        return (CrmChartHit) { MIN ((int) ((y - layout.lanes_y) / layout.lane_height), (int) layout.n_lanes - 1), -1 };
      if (layout.tx_height > 0 && y >= layout.tx_y && y <= layout.tx_y + layout.tx_height)
        return (CrmChartHit) { CRM_TIMELINE_TRANSACTIONS, -1 };
    }
  return CRM_CHART_HIT_NONE;
}

/**
 * crm_timeline_get_mark_rect:
 * @cr: (nullable): as for crm_timeline_hit_test()
 * @mark: the mark's index
 * @rect: (out): the mark's extent as drawn, mirrored in right to left
 *
 * Where a mark is, for a focus ring or to point a tooltip at it.
 *
 * Returns: %FALSE when nothing of the mark shows in the window (or there
 *   is no room to draw the timeline)
 */
gboolean
crm_timeline_get_mark_rect (const CrmTimelineData *data,
                            const CrmRenderStyle  *style,
                            cairo_t               *cr,
                            double                 width,
                            double                 height,
                            guint                  mark,
                            cairo_rectangle_t     *rect)
{
  g_auto(Layout) layout = { 0 };
  const CrmTimelineMark *m;
  double x, size;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (mark >= crm_timeline_data_get_n_marks (data) || !layout_measured (&layout, cr, style, data, width, height))
    return FALSE;
  m = crm_timeline_data_get_mark (data, mark);
  x = crm_timeline_time_x (&layout, m->time);
  size = mark_size (&layout, m);
  if (!in_plot (&layout, x, size))
    return FALSE;
  *rect = mirror_rect (&layout, (cairo_rectangle_t) { x - size, lane_center (&layout, m->lane) - size,
                                                      2 * size, 2 * size });
  return TRUE;
}

/**
 * crm_timeline_get_transaction_rect:
 * @cr: (nullable): as for crm_timeline_hit_test()
 * @rect: (out): the transaction's bar as drawn, mirrored in right to left
 *
 * Returns: %FALSE when nothing of the bar shows in the window (or there
 *   is no room for the transactions row)
 */
gboolean
crm_timeline_get_transaction_rect (const CrmTimelineData *data,
                                   const CrmRenderStyle  *style,
                                   cairo_t               *cr,
                                   double                 width,
                                   double                 height,
                                   guint                  transaction,
                                   cairo_rectangle_t     *rect)
{
  g_auto(Layout) layout = { 0 };
  const CrmTimelineTransaction *t;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (transaction >= crm_timeline_data_get_n_transactions (data)
      || !layout_measured (&layout, cr, style, data, width, height) || layout.tx_height <= 0)
    return FALSE;
  t = crm_timeline_data_get_transaction (data, transaction);
  if (!in_plot (&layout, crm_timeline_time_x (&layout, t->time), BAR_WIDTH * layout.scale / 2))
    return FALSE;
  *rect = mirror_rect (&layout, bar_rect (&layout, t));
  return TRUE;
}

/**
 * crm_timeline_get_time_at:
 * @cr: (nullable): as for crm_timeline_hit_test()
 * @x: a point's x as drawn
 * @time: (out): the time at @x on the axis, beyond the plot too
 *
 * For zooming around the pointer and for dragging: the seconds a drag
 * from x₀ to x₁ scrolls are the times at x₀ minus the time at x₁, in
 * either direction of text.
 *
 * Returns: %FALSE when nothing is drawn (no data, no room)
 */
gboolean
crm_timeline_get_time_at (const CrmTimelineData *data,
                          const CrmRenderStyle  *style,
                          cairo_t               *cr,
                          double                 width,
                          double                 height,
                          double                 x,
                          gint64                *time)
{
  g_auto(Layout) layout = { 0 };

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  if (!layout_measured (&layout, cr, style, data, width, height))
    return FALSE;
  *time = layout.start + (gint64) llround ((crm_timeline_mirror (&layout, x) - layout.plot_x) / layout.px_per_second);
  return TRUE;
}

/**
 * crm_timeline_get_text_boxes:
 * @cr: (nullable): as for crm_timeline_hit_test()
 *
 * Where each piece of text of the timeline goes: to check that none runs
 * into another or out of the box, and to keep a tooltip clear of them.
 *
 * Returns: (transfer full) (element-type CrmTimelineTextBox): the boxes,
 *   none when nothing is drawn
 */
GArray *
crm_timeline_get_text_boxes (const CrmTimelineData *data,
                             const CrmRenderStyle  *style,
                             cairo_t               *cr,
                             double                 width,
                             double                 height)
{
  g_auto(Layout) layout = { 0 };
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (CrmTimelineTextBox));
  cairo_t *measure;

  g_return_val_if_fail (data != NULL, boxes);
  g_return_val_if_fail (style != NULL, boxes);

  measure = crm_render_measuring_context (cr);
  if (layout_init (&layout, measure, style, data, width, height) == LAYOUT_OK)
    paint (&layout, measure, boxes);
  cairo_destroy (measure);
  return boxes;
}
