/* crm-journey-customers-dialog.h: the customers behind one element of a
 * journey analysis (a cell of the journey map, a path, a channel-to-
 * channel flow, the customers with or without a touchpoint type), found
 * on a worker thread and listed by name; activating one asks for their
 * page in the Customers view. */
#pragma once

#include <adwaita.h>

#include "crm-journey-analysis.h"

G_BEGIN_DECLS

/* At most this many customers are listed. */
#define CRM_JOURNEY_CUSTOMERS_LIMIT 500

#define CRM_TYPE_JOURNEY_CUSTOMERS_DIALOG (crm_journey_customers_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrmJourneyCustomersDialog, crm_journey_customers_dialog, CRM, JOURNEY_CUSTOMERS_DIALOG,
                      AdwWindow)

CrmJourneyCustomersDialog *crm_journey_customers_dialog_new     (GtkWindow               *parent,
                                                                 const char              *database_path,
                                                                 CrmJourneyAnalysis      *analysis,
                                                                 const CrmJourneyElement *element);
const CrmJourneyElement   *crm_journey_customers_dialog_get_element (CrmJourneyCustomersDialog *self);
gboolean                   crm_journey_customers_dialog_is_busy (CrmJourneyCustomersDialog *self);
GListModel                *crm_journey_customers_dialog_get_customers (CrmJourneyCustomersDialog *self);

G_END_DECLS
