/* crm-journey-panel.h: the journey on a customer's page: the timeline of
 * their touchpoints and transactions, or the same touchpoints as a list
 * (newest first) for those who would rather read; how many touchpoints
 * each journey stage had; and the button that records a touchpoint, with
 * a toast that offers to undo it. */
#pragma once

#include <adwaita.h>

#include "crm-journey.h"
#include "crm-timeline-view.h"
#include "crm-touchpoint-dialog.h"

G_BEGIN_DECLS

#define CRM_TYPE_JOURNEY_PANEL (crm_journey_panel_get_type ())
G_DECLARE_FINAL_TYPE (CrmJourneyPanel, crm_journey_panel, CRM, JOURNEY_PANEL, AdwPreferencesGroup)

GtkWidget           *crm_journey_panel_new                  (void);
void                 crm_journey_panel_set_customer         (CrmJourneyPanel *self,
                                                             CrmStore        *store,
                                                             gint64           customer_id);
void                 crm_journey_panel_set_current_customer (CrmJourneyPanel *self,
                                                             CrmCustomer     *customer);
CrmJourney          *crm_journey_panel_get_journey          (CrmJourneyPanel *self);
CrmTimelineView     *crm_journey_panel_get_timeline         (CrmJourneyPanel *self);
GtkListView         *crm_journey_panel_get_list             (CrmJourneyPanel *self);
void                 crm_journey_panel_set_show_list        (CrmJourneyPanel *self,
                                                             gboolean         show_list);
gboolean             crm_journey_panel_get_show_list        (CrmJourneyPanel *self);
CrmTouchpointDialog *crm_journey_panel_add_touchpoint       (CrmJourneyPanel *self);
CrmTouchpointDialog *crm_journey_panel_edit_touchpoint      (CrmJourneyPanel *self,
                                                             gint64           touchpoint_id);

G_END_DECLS
