/* crm-chart-plot.h: the frame that line and bar charts share: a legend on
 * top, a value axis with nice ticks and gridlines, a category axis with
 * labels that never overlap, and the plot area between them.
 *
 * Private to the render library. Everything is laid out once, left to
 * right, by crm_chart_plot_init(); drawing and hit-testing read the same
 * numbers and mirror every x through crm_chart_plot_x() in right-to-left
 * styles, so what is drawn and what a click finds can never disagree. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "crm-chart-axis.h"
#include "crm-chart-data.h"
#include "crm-render-style.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean horizontal;    /* categories down the side, values along x */
  gboolean stacked;       /* the value axis covers piled-up values */
  gboolean skip_labels;   /* crowded category labels: skip some (a time
                           * axis) rather than rotate them (names) */
  double   room_before;   /* room for value labels beyond the axis' low */
  double   room_after;    /* and high end, in pixels */
} CrmChartPlotOptions;

typedef struct
{
  /* In left-to-right coordinates. */
  double               width;
  double               height;
  double               scale;
  gboolean             horizontal;
  gboolean             rtl;
  guint                n_categories;

  double               legend_x;
  double               legend_y;
  double               legend_width;
  double               legend_height;   /* 0: no legend */

  cairo_rectangle_t    plot;            /* where the value axis' ticks span */
  CrmChartAxis         axis;
  double               band;            /* a category's share of its axis */
  double               room_before;     /* for value labels beyond the low */
  double               room_after;      /* and the high end of the axis */

  double               line_height;     /* of CRM_TEXT_SMALL */
  double               tick_label_extent; /* the width (vertical) or height
                                           * (horizontal) of the tick labels */
  double               label_length;    /* category labels are elided to this */
  double               label_extent;    /* the room their row or column takes */
  guint                label_every;     /* only every n-th category is labelled */
  gboolean             rotate;          /* labels at 45° */

  const CrmRenderStyle *style;
  const CrmChartData  *data;
  PangoLayout         *text;            /* CRM_TEXT_SMALL, reused for every label */
  PangoLayout         *figure;          /* the same for figures: left to right */
} CrmChartPlot;

/* A category label as laid out, left to right. */
typedef struct
{
  guint             category;
  double            length;   /* elided to this */
  double            width;    /* the text's width */
  cairo_rectangle_t box;      /* where it is drawn; of a rotated label, x
                               * and y are where its end meets the tick */
} CrmChartPlotLabel;

gboolean     crm_chart_plot_init              (CrmChartPlot              *self,
                                               cairo_t                   *cr,
                                               const CrmRenderStyle      *style,
                                               const CrmChartData        *data,
                                               const CrmChartPlotOptions *options,
                                               double                     width,
                                               double                     height);
void         crm_chart_plot_clear             (CrmChartPlot              *self);

double       crm_chart_plot_value_position    (const CrmChartPlot        *self,
                                               double                     value);
double       crm_chart_plot_category_start    (const CrmChartPlot        *self,
                                               guint                      category);
double       crm_chart_plot_x                 (const CrmChartPlot        *self,
                                               double                     x);
cairo_rectangle_t crm_chart_plot_mirror_rect  (const CrmChartPlot        *self,
                                               cairo_rectangle_t          rect);
int          crm_chart_plot_category_at       (const CrmChartPlot        *self,
                                               double                     x,
                                               double                     y);

PangoLayout *crm_chart_plot_text              (CrmChartPlot              *self,
                                               const char                *text,
                                               double                     max_width,
                                               double                    *width);
PangoLayout *crm_chart_plot_figure            (CrmChartPlot              *self,
                                               const char                *text,
                                               double                    *width);
char        *crm_chart_plot_tick_label        (const CrmChartPlot        *self,
                                               double                     tick);
CrmColor     crm_chart_plot_muted_color       (const CrmChartPlot        *self);

GArray      *crm_chart_plot_category_labels   (CrmChartPlot              *self);

void         crm_chart_plot_draw_frame        (CrmChartPlot              *self,
                                               cairo_t                   *cr);
void         crm_chart_plot_draw_zero_line    (CrmChartPlot              *self,
                                               cairo_t                   *cr);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmChartPlot, crm_chart_plot_clear)

G_END_DECLS
