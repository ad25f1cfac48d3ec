/* crm-timeline-private.h: what the timeline's drawing (crm-timeline.c)
 * and its time axis (crm-timeline-axis.c) share: the distances, the
 * layout of one frame, and the text painter. */
#pragma once

#include "crm-render-text.h"
#include "crm-timeline.h"

G_BEGIN_DECLS

/* Distances at scale 1, in pixels. */
#define PAD               8.0   /* around everything */
#define ROW_GAP           6.0   /* below the legend, above the axis labels */
#define COLUMN_GAP       10.0   /* between the lane labels and the plot */
#define LABEL_SHARE       0.25  /* of the width the lane labels may take */
#define MIN_LABEL_COLUMN 24.0   /* narrower, and there is no label column */
#define MIN_LANE          8.0
#define MAX_LANE         56.0
#define TX_SHARE          0.2   /* of the height for the transactions row */
#define TX_MIN           24.0
#define TX_SMALLEST      12.0   /* when a short box takes its room */
#define TX_MAX           64.0
#define MARK_SHARE        0.28  /* a mark's radius, of its lane's height */
#define MARK_MIN          2.5
#define MARK_MAX          6.0
#define MOMENT_SIZE       1.6   /* a moment of truth's diamond, centre to tip, in radii */
#define HALO              1.5   /* of background around a mark */
#define OUTLINE           1.25  /* hollow marks' and diamonds' lines */
#define BAR_WIDTH         4.0
#define HIT_RADIUS        8.0   /* a mark or bar this near counts as hit */
#define TICK_MIN         20.0   /* between gridlines at the least */
#define TICK_SPACING     12.0   /* between tick labels at the least */
#define BAND_TEXT_PAD     4.0
#define MIN_BAND_LABEL   28.0   /* a band narrower than this is not named */
#define MIN_SEPARATED     4.0   /* nor one narrower than this set off by a line */
#define SWATCH_GAP        4.0   /* in the legend: between a swatch and its text */
#define LEGEND_GAP       12.0   /* and between items */
#define MAX_AMOUNT_LABELS 40

#define HOUR  3600.0
#define DAY   (24 * HOUR)

/* Everything drawing and hit-testing share, left to right. */
typedef struct
{
  const CrmTimelineData *data;
  const CrmRenderStyle  *style;
  double       width;
  double       height;
  double       scale;
  gboolean     rtl;

  gint64       start;          /* the window */
  gint64       end;
  gint64       bounds_start;
  gint64       bounds_end;
  gint64       extent_start;
  gint64       extent_end;
  double       px_per_second;

  guint        n_lanes;
  double       line_small;
  double       line_body;
  double       label_x;
  double       label_width;    /* 0: no label column */
  double       label_height;   /* the tallest label in body text: some
                                * scripts' fonts are taller than Latin */
  double       plot_x;
  double       plot_width;
  double       legend_y;       /* each row's top; height 0: not shown */
  double       legend_height;
  double       stage_y;
  double       stage_height;
  double       lanes_y;
  double       lane_height;
  double       tx_y;
  double       tx_height;
  double       axis_y;
  double       axis_height;
  double       radius;
  gboolean     amount_labels;  /* room above the bars for their amounts */

  PangoLayout *body;
  PangoLayout *small;
} Layout;

typedef struct
{
  cairo_t      *cr;
  const Layout *layout;
  GArray       *boxes;   /* nullable: CrmTimelineTextBox, what was placed */
  gboolean      draw;    /* FALSE: only place the text */
} Painter;

/* The time axis */

typedef enum
{
  UNIT_MINUTE,
  UNIT_HOUR,
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_MONTH,
  UNIT_YEAR,
} TickUnit;

typedef struct
{
  TickUnit unit;
  int      step;
  double   seconds;   /* the shortest a step can be */
} TickStep;

typedef struct
{
  double   x;        /* left to right */
  gboolean major;    /* a new day, or a new year */
  char    *label;    /* NULL: a gridline without a label */
  double   label_x;
  double   label_width;
} Tick;

double crm_timeline_time_x (const Layout *self, gint64 time);
double crm_timeline_mirror (const Layout *self, double x);
void crm_timeline_set_faint (cairo_t *cr, const CrmRenderStyle *style, double alpha);
void crm_timeline_set_muted (Painter *painter);
void crm_timeline_emit_text (Painter *painter, CrmTimelineTextKind kind, PangoLayout *text, double x, double y, double room, CrmTextAlign align);
GArray *crm_timeline_choose_ticks (const Layout *self, const TickStep **step);
void crm_timeline_draw_gridlines (const Layout *self, cairo_t *cr, GArray *ticks);
void crm_timeline_draw_axis_labels (Painter *painter, GArray *ticks, const TickStep *step);
void crm_timeline_clear_tick (gpointer data);

G_END_DECLS
