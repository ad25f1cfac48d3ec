/* crm-journey-timeline.h: a customer's journey as the timeline draws it
 * (a lane per channel, a mark per touchpoint, the transactions beneath),
 * with no widget, for the printed customer profile. */
#pragma once

#include "crm-journey.h"
#include "crm-timeline-data.h"

G_BEGIN_DECLS

CrmTimelineData *crm_journey_timeline_data (CrmJourney *journey);

G_END_DECLS
