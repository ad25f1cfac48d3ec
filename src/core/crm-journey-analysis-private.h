/* crm-journey-analysis-private.h: how the store fills a
 * CrmJourneyAnalysis: the stages, channels and types first, then each
 * customer's touchpoints in time order, one customer after another. */
#pragma once

#include "crm-journey-analysis.h"

G_BEGIN_DECLS

/* Paths are cut after this many steps. */
#define CRM_JOURNEY_MAX_PATH_LENGTH 5

CrmJourneyAnalysis *crm_journey_analysis_new            (void);
guint               crm_journey_analysis_add_stage      (CrmJourneyAnalysis *self,
                                                         const char         *name);
guint               crm_journey_analysis_add_channel    (CrmJourneyAnalysis *self,
                                                         gint64              id,
                                                         const char         *name);
guint               crm_journey_analysis_add_type       (CrmJourneyAnalysis *self,
                                                         gint64              id,
                                                         const char         *name,
                                                         guint               stage,
                                                         gboolean            flagged);
void                crm_journey_analysis_begin_customer (CrmJourneyAnalysis *self,
                                                         gint64              orders);
void                crm_journey_analysis_add_touchpoint (CrmJourneyAnalysis *self,
                                                         guint               type,
                                                         guint               channel,
                                                         int                 satisfaction);
void                crm_journey_analysis_end_customer   (CrmJourneyAnalysis *self);
void                crm_journey_analysis_finish         (CrmJourneyAnalysis *self);

G_END_DECLS
