/* crm-journey-paths-list.h: the most common paths of a journey analysis
 * as a list that reads at a glance: each path's steps, a bar as long as
 * its share of the customers, how many took it and how many of them
 * bought and stayed. Activating a row (click, Enter) asks for the
 * customers who took the path. */
#pragma once

#include <gtk/gtk.h>

#include "crm-journey-analysis.h"

G_BEGIN_DECLS

#define CRM_TYPE_JOURNEY_PATHS_LIST (crm_journey_paths_list_get_type ())
G_DECLARE_FINAL_TYPE (CrmJourneyPathsList, crm_journey_paths_list, CRM, JOURNEY_PATHS_LIST, GtkWidget)

GtkWidget *crm_journey_paths_list_new          (void);
void       crm_journey_paths_list_set_analysis (CrmJourneyPathsList *self,
                                                CrmJourneyAnalysis  *analysis);
GtkListBox *crm_journey_paths_list_get_list    (CrmJourneyPathsList *self);

G_END_DECLS
