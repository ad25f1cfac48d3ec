/* crm-journeys-page.h: the Journeys view: the journeys of all customers
 * or one segment over a period: the journey map (stages × channels), the
 * most common paths, the channel-to-channel flow and the moments of truth
 * ranked by their measured effect. Any element lists the customers behind
 * it. */
#pragma once

#include <gtk/gtk.h>

#include "crm-journey-analysis.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_JOURNEYS_PAGE (crm_journeys_page_get_type ())
G_DECLARE_FINAL_TYPE (CrmJourneysPage, crm_journeys_page, CRM, JOURNEYS_PAGE, GtkWidget)

GtkWidget          *crm_journeys_page_new          (void);
void                crm_journeys_page_set_store    (CrmJourneysPage *self,
                                                    CrmStore        *store);
void                crm_journeys_page_reload       (CrmJourneysPage *self);
const char         *crm_journeys_page_get_segment  (CrmJourneysPage *self);
void                crm_journeys_page_set_segment  (CrmJourneysPage *self,
                                                    const char      *segment);
CrmPeriod          *crm_journeys_page_get_period   (CrmJourneysPage *self);
CrmJourneyAnalysis *crm_journeys_page_get_analysis (CrmJourneysPage *self);
gboolean            crm_journeys_page_is_busy      (CrmJourneysPage *self);
void                crm_journeys_page_focus_filter (CrmJourneysPage *self);

G_END_DECLS
