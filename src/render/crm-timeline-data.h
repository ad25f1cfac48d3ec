/* crm-timeline-data.h: what the journey timeline draws: one customer's
 * touchpoints as marks in a lane per channel, the transactions that
 * followed on the same time axis, the journey's stages as bands behind
 * them, and the window of time shown, which zooming and scrolling move.
 *
 * Marks and transactions are kept in time order: the index a mark or a
 * transaction has is its place in that order, so adding an earlier one
 * moves the later ones up by one. Each carries an id of the caller's (a
 * touchpoint's or a transaction's row) that nothing here reads, to find
 * it again after a hit test.
 *
 * Stage bands are given with crm_timeline_data_add_stage_band(), or, when
 * none is, derived from the marks' stages: a band begins at the first
 * touchpoint of a stage and lasts until the first touchpoint of another
 * one (a journey may return to a stage and so have several bands of it);
 * the last band ends at the last touchpoint; touchpoints without a stage
 * leave the band they fall in as it is. */
#pragma once

#include <glib-object.h>

#include "crm-value-format.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      id;               /* the caller's; not drawn */
  gint64      time;             /* Unix seconds */
  guint       lane;             /* a lane from crm_timeline_data_add_lane() */
  int         satisfaction;     /* 1 (worst) to 5 (best); 0 when not rated */
  gboolean    moment_of_truth;
  const char *label;            /* what happened: the touchpoint type's name */
  const char *stage;            /* (nullable): the journey stage */
} CrmTimelineMark;

typedef struct
{
  gint64      id;               /* the caller's; not drawn */
  gint64      time;             /* Unix seconds */
  double      amount;           /* in major units (euros, not cents); below 0 a refund */
  const char *currency;         /* ISO 4217 */
  const char *label;            /* (nullable): what was bought */
} CrmTimelineTransaction;

typedef struct
{
  const char *stage;
  gint64      start;            /* Unix seconds */
  gint64      end;
} CrmTimelineStageBand;

typedef struct _CrmTimelineData CrmTimelineData;

#define CRM_TYPE_TIMELINE_DATA (crm_timeline_data_get_type ())

GType            crm_timeline_data_get_type         (void) G_GNUC_CONST;
CrmTimelineData *crm_timeline_data_new              (void);
CrmTimelineData *crm_timeline_data_ref              (CrmTimelineData       *self);
void             crm_timeline_data_unref            (CrmTimelineData       *self);

GTimeZone       *crm_timeline_data_get_time_zone    (const CrmTimelineData *self);
void             crm_timeline_data_set_time_zone    (CrmTimelineData       *self,
                                                     GTimeZone             *time_zone);

guint            crm_timeline_data_add_lane         (CrmTimelineData       *self,
                                                     const char            *name);
guint            crm_timeline_data_get_n_lanes      (const CrmTimelineData *self);
const char      *crm_timeline_data_get_lane_name    (const CrmTimelineData *self,
                                                     guint                  lane);

guint            crm_timeline_data_add_mark         (CrmTimelineData       *self,
                                                     const CrmTimelineMark *mark);
guint            crm_timeline_data_get_n_marks      (const CrmTimelineData *self);
const CrmTimelineMark *crm_timeline_data_get_mark   (const CrmTimelineData *self,
                                                     guint                  index);
guint            crm_timeline_data_find_mark        (const CrmTimelineData *self,
                                                     gint64                 time);

guint            crm_timeline_data_add_transaction  (CrmTimelineData       *self,
                                                     const CrmTimelineTransaction *transaction);
guint            crm_timeline_data_get_n_transactions (const CrmTimelineData *self);
const CrmTimelineTransaction *crm_timeline_data_get_transaction (const CrmTimelineData *self,
                                                                 guint                  index);
guint            crm_timeline_data_find_transaction (const CrmTimelineData *self,
                                                     gint64                 time);

void             crm_timeline_data_add_stage_band   (CrmTimelineData       *self,
                                                     const char            *stage,
                                                     gint64                 start,
                                                     gint64                 end);
guint            crm_timeline_data_get_n_stage_bands (const CrmTimelineData *self);
const CrmTimelineStageBand *crm_timeline_data_get_stage_band (const CrmTimelineData *self,
                                                              guint                  index);

gboolean         crm_timeline_data_is_empty         (const CrmTimelineData *self);
gboolean         crm_timeline_data_get_extent       (const CrmTimelineData *self,
                                                     gint64                *start,
                                                     gint64                *end);
gboolean         crm_timeline_data_get_bounds       (const CrmTimelineData *self,
                                                     gint64                *start,
                                                     gint64                *end);
double           crm_timeline_data_get_largest_amount (const CrmTimelineData *self);

gboolean         crm_timeline_data_get_window       (const CrmTimelineData *self,
                                                     gint64                *start,
                                                     gint64                *end);
void             crm_timeline_data_set_window       (CrmTimelineData       *self,
                                                     gint64                 start,
                                                     gint64                 end);
void             crm_timeline_data_reset_window     (CrmTimelineData       *self);
gboolean         crm_timeline_data_zoom             (CrmTimelineData       *self,
                                                     gint64                 around,
                                                     double                 factor);
gboolean         crm_timeline_data_pan              (CrmTimelineData       *self,
                                                     gint64                 seconds);

char            *crm_timeline_data_format_time      (const CrmTimelineData *self,
                                                     gint64                 time,
                                                     const char            *format);
char            *crm_timeline_data_describe         (const CrmTimelineData *self);
char            *crm_timeline_data_describe_mark    (const CrmTimelineData *self,
                                                     guint                  index);
char            *crm_timeline_data_describe_transaction (const CrmTimelineData *self,
                                                         guint                  index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmTimelineData, crm_timeline_data_unref)

G_END_DECLS
