/* crm-journey-analysis.h: the real, non-linear journeys of many customers
 * (all of them or one segment, over all time or one period), as the
 * Journeys view shows them:
 *
 * - the journey map: journey stage × channel, with the touchpoints in each
 *   cell, the customers who reached it and their satisfaction;
 * - top paths: the most common sequences of touchpoint types up to the
 *   first purchase (the whole journey of those who never bought),
 *   consecutive repeats collapsed and cut after a few steps, with how many
 *   customers took each, how many of them converted (a completed
 *   transaction) and stayed (a second one);
 * - channel flow: how often a customer's next touchpoint came through
 *   another channel, from which to which;
 * - moments of truth, measured: for every touchpoint type, conversion of
 *   the customers who had it before buying against those who did not,
 *   retention of the buyers who had it after buying against those who did
 *   not, and satisfaction, with the number of customers behind each
 *   figure.
 *
 * The customers analysed are those with a touchpoint in the period; their
 * touchpoints and transactions outside it are left out. Made by
 * crm_store_analyze_journeys(). */
#pragma once

#include <glib-object.h>

#include "crm-period.h"

G_BEGIN_DECLS

/* Below this many customers on either side, a moment of truth's figures
 * are shown as a small sample and ranked after the others. */
#define CRM_JOURNEY_MIN_SAMPLE 30

typedef struct
{
  gint64 touchpoints;
  gint64 customers;     /* who had a touchpoint in the cell */
  gint64 rated;         /* touchpoints with a satisfaction rating */
  gint64 satisfaction;  /* the sum of those ratings */
} CrmJourneyCell;

/* A group of customers: how many, how many converted and stayed, and the
 * ratings of all their touchpoints. */
typedef struct
{
  gint64 customers;
  gint64 converted;
  gint64 retained;
  gint64 rated;
  gint64 satisfaction;
} CrmJourneyGroup;

/* One element of the analysis, to list the customers behind it. */
typedef enum
{
  CRM_JOURNEY_ELEMENT_CELL,          /* first: stage, second: channel */
  CRM_JOURNEY_ELEMENT_PATH,          /* first: path */
  CRM_JOURNEY_ELEMENT_FLOW,          /* first: from channel, second: to channel */
  CRM_JOURNEY_ELEMENT_WITH_TYPE,     /* first: type; customers who had it before buying */
  CRM_JOURNEY_ELEMENT_WITHOUT_TYPE,  /* first: type; customers who did not */
  CRM_JOURNEY_ELEMENT_WITH_TYPE_AFTER_BUYING,    /* first: type; buyers who had it before buying again */
  CRM_JOURNEY_ELEMENT_WITHOUT_TYPE_AFTER_BUYING, /* first: type; buyers who did not */
} CrmJourneyElementKind;

typedef struct
{
  CrmJourneyElementKind kind;
  guint                 first;
  guint                 second;
} CrmJourneyElement;

#define CRM_TYPE_JOURNEY_ANALYSIS (crm_journey_analysis_get_type ())
G_DECLARE_FINAL_TYPE (CrmJourneyAnalysis, crm_journey_analysis, CRM, JOURNEY_ANALYSIS, GObject)

const char   *crm_journey_analysis_get_segment          (CrmJourneyAnalysis *self);
const CrmPeriod *crm_journey_analysis_get_period        (CrmJourneyAnalysis *self);
gint64        crm_journey_analysis_get_customers        (CrmJourneyAnalysis *self);
gint64        crm_journey_analysis_get_touchpoints      (CrmJourneyAnalysis *self);
const CrmJourneyGroup *crm_journey_analysis_get_all     (CrmJourneyAnalysis *self);

guint         crm_journey_analysis_get_n_stages         (CrmJourneyAnalysis *self);
const char   *crm_journey_analysis_get_stage            (CrmJourneyAnalysis *self,
                                                         guint               stage);
guint         crm_journey_analysis_get_n_channels       (CrmJourneyAnalysis *self);
gint64        crm_journey_analysis_get_channel_id       (CrmJourneyAnalysis *self,
                                                         guint               channel);
const char   *crm_journey_analysis_get_channel_name     (CrmJourneyAnalysis *self,
                                                         guint               channel);
guint         crm_journey_analysis_get_n_types          (CrmJourneyAnalysis *self);
gint64        crm_journey_analysis_get_type_id          (CrmJourneyAnalysis *self,
                                                         guint               type);
const char   *crm_journey_analysis_get_type_name        (CrmJourneyAnalysis *self,
                                                         guint               type);
guint         crm_journey_analysis_get_type_stage       (CrmJourneyAnalysis *self,
                                                         guint               type);
gboolean      crm_journey_analysis_get_type_flagged     (CrmJourneyAnalysis *self,
                                                         guint               type);

const CrmJourneyCell *crm_journey_analysis_get_cell     (CrmJourneyAnalysis *self,
                                                         guint               stage,
                                                         guint               channel);

guint         crm_journey_analysis_get_n_paths          (CrmJourneyAnalysis *self);
const guint  *crm_journey_analysis_get_path             (CrmJourneyAnalysis *self,
                                                         guint               path,
                                                         guint              *length);
const CrmJourneyGroup *crm_journey_analysis_get_path_group (CrmJourneyAnalysis *self,
                                                            guint               path);
char         *crm_journey_analysis_format_path          (CrmJourneyAnalysis *self,
                                                         guint               path);

gint64        crm_journey_analysis_get_flow             (CrmJourneyAnalysis *self,
                                                         guint               from_channel,
                                                         guint               to_channel);

const CrmJourneyGroup *crm_journey_analysis_get_with    (CrmJourneyAnalysis *self,
                                                         guint               type);
CrmJourneyGroup crm_journey_analysis_get_without        (CrmJourneyAnalysis *self,
                                                         guint               type);
double        crm_journey_analysis_get_conversion_lift  (CrmJourneyAnalysis *self,
                                                         guint               type);
double        crm_journey_analysis_get_retention_lift   (CrmJourneyAnalysis *self,
                                                         guint               type);
const CrmJourneyGroup *crm_journey_analysis_get_retention_with (CrmJourneyAnalysis *self,
                                                                guint               type);
CrmJourneyGroup crm_journey_analysis_get_retention_without (CrmJourneyAnalysis *self,
                                                            guint               type);
gboolean      crm_journey_analysis_is_small_conversion_sample (CrmJourneyAnalysis *self,
                                                               guint               type);
gboolean      crm_journey_analysis_is_small_retention_sample (CrmJourneyAnalysis *self,
                                                              guint               type);
gboolean      crm_journey_analysis_is_measured_on_conversion (CrmJourneyAnalysis *self,
                                                              guint               type);
gboolean      crm_journey_analysis_is_measured_on_retention (CrmJourneyAnalysis *self,
                                                             guint               type);
gboolean      crm_journey_analysis_is_small_sample      (CrmJourneyAnalysis *self,
                                                         guint               type);
guint         crm_journey_analysis_get_ranked_type      (CrmJourneyAnalysis *self,
                                                         guint               rank);

G_END_DECLS
