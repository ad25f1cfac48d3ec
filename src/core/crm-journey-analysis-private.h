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
void                crm_journey_analysis_set_scope      (CrmJourneyAnalysis *self,
                                                         const char         *segment,
                                                         const CrmPeriod    *period);
void                crm_journey_analysis_watch          (CrmJourneyAnalysis      *self,
                                                         const CrmJourneyElement *element,
                                                         const guint             *path,
                                                         guint                    path_length,
                                                         guint                    limit);
gboolean            crm_journey_analysis_watch_is_full  (CrmJourneyAnalysis *self);
GArray             *crm_journey_analysis_steal_watched  (CrmJourneyAnalysis *self);
void                crm_journey_analysis_begin_customer (CrmJourneyAnalysis *self,
                                                         gint64              customer,
                                                         gint64              orders,
                                                         gint64              first_order_at,
                                                         gint64              second_order_at);
void                crm_journey_analysis_add_touchpoint (CrmJourneyAnalysis *self,
                                                         guint               type,
                                                         guint               channel,
                                                         int                 satisfaction,
                                                         gint64              time);
void                crm_journey_analysis_end_customer   (CrmJourneyAnalysis *self);
void                crm_journey_analysis_finish         (CrmJourneyAnalysis *self);

G_END_DECLS
