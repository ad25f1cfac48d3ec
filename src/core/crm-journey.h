/* crm-journey.h: one customer's journey, for the timeline on the customer's
 * page and the list that stands in for it: a GListModel of the customer's
 * touchpoints in time order, with their transactions beside it, so that
 * interaction and transaction data are always read together. It follows
 * the store's changes to that customer: once the main loop runs after
 * CrmStore::customer-changed (one reading for a burst of writes) it reads
 * the journey again and emits items-changed for the span that changed. */
#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* How many of a journey's touchpoints belong to one journey stage (the
 * stage of their touchpoint type). */
typedef struct
{
  char  *stage;
  guint  n_touchpoints;
} CrmJourneyStage;

#define CRM_TYPE_JOURNEY (crm_journey_get_type ())
G_DECLARE_FINAL_TYPE (CrmJourney, crm_journey, CRM, JOURNEY, GObject)

CrmJourney         *crm_journey_new                (CrmStore    *store,
                                                    gint64       customer_id);
gint64              crm_journey_get_customer_id    (CrmJourney  *self);
guint               crm_journey_get_n_items        (CrmJourney  *self);
gint64              crm_journey_get_first_time     (CrmJourney  *self);
gint64              crm_journey_get_last_time      (CrmJourney  *self);
GPtrArray          *crm_journey_get_transactions   (CrmJourney  *self);
GPtrArray          *crm_journey_get_channels       (CrmJourney  *self);
GArray             *crm_journey_get_stage_counts   (CrmJourney  *self);
CrmChannel         *crm_journey_lookup_channel     (CrmJourney  *self,
                                                    gint64       channel_id);
CrmTouchpointType  *crm_journey_lookup_type        (CrmJourney  *self,
                                                    gint64       type_id);
void                crm_journey_reload             (CrmJourney  *self);
const GError       *crm_journey_get_error          (CrmJourney  *self);

G_END_DECLS
