/* crm-timeline.h: one customer's journey drawn on a time axis: a lane per
 * channel with a mark per touchpoint, coloured by its satisfaction on a
 * scale colour-blind users read too (hollow when not rated, a larger
 * outlined diamond for a moment of truth); the transactions in a row
 * underneath on the same axis, as bars as high as their amount; the
 * journey's stages as faint bands behind both, named at the top; and a
 * legend. Where marks overlap, moments of truth are on top, then the
 * worst rated, so that trouble shows. Time runs in the reading
 * direction: right to left in right-to-left styles. What is shown is the
 * data's window (crm_timeline_data_zoom(), crm_timeline_data_pan()).
 *
 * Hit tests answer a CrmChartHit: for a mark, its lane as the series and
 * its index as the category; for a transaction's bar,
 * %CRM_TIMELINE_TRANSACTIONS and its index; for a row's label, the lane
 * (or %CRM_TIMELINE_TRANSACTIONS) and -1. */
#pragma once

#include <cairo.h>

#include "crm-chart-hit.h"
#include "crm-render-style.h"
#include "crm-timeline-data.h"

G_BEGIN_DECLS

/* The series of a hit on the transactions row: its category is the
 * transaction's index. */
#define CRM_TIMELINE_TRANSACTIONS (-2)

typedef enum
{
  CRM_TIMELINE_TEXT_LEGEND,
  CRM_TIMELINE_TEXT_STAGE,     /* a stage band's name */
  CRM_TIMELINE_TEXT_LANE,      /* a channel's or the transactions' row label */
  CRM_TIMELINE_TEXT_AXIS,      /* a tick's label, or the year or day of the window */
  CRM_TIMELINE_TEXT_AMOUNT,    /* a transaction's amount */
} CrmTimelineTextKind;

typedef struct
{
  CrmTimelineTextKind kind;
  cairo_rectangle_t   box;     /* the text's extents as drawn */
} CrmTimelineTextBox;

void        crm_timeline_draw                 (const CrmTimelineData *data,
                                               const CrmRenderStyle  *style,
                                               cairo_t               *cr,
                                               double                 width,
                                               double                 height);
CrmChartHit crm_timeline_hit_test             (const CrmTimelineData *data,
                                               const CrmRenderStyle  *style,
                                               cairo_t               *cr,
                                               double                 width,
                                               double                 height,
                                               double                 x,
                                               double                 y);
gboolean    crm_timeline_get_mark_rect        (const CrmTimelineData *data,
                                               const CrmRenderStyle  *style,
                                               cairo_t               *cr,
                                               double                 width,
                                               double                 height,
                                               guint                  mark,
                                               cairo_rectangle_t     *rect);
gboolean    crm_timeline_get_transaction_rect (const CrmTimelineData *data,
                                               const CrmRenderStyle  *style,
                                               cairo_t               *cr,
                                               double                 width,
                                               double                 height,
                                               guint                  transaction,
                                               cairo_rectangle_t     *rect);
gboolean    crm_timeline_get_time_at          (const CrmTimelineData *data,
                                               const CrmRenderStyle  *style,
                                               cairo_t               *cr,
                                               double                 width,
                                               double                 height,
                                               double                 x,
                                               gint64                *time);
GArray     *crm_timeline_get_text_boxes       (const CrmTimelineData *data,
                                               const CrmRenderStyle  *style,
                                               cairo_t               *cr,
                                               double                 width,
                                               double                 height);
CrmColor    crm_timeline_satisfaction_color   (const CrmRenderStyle  *style,
                                               int                    satisfaction);

G_END_DECLS
