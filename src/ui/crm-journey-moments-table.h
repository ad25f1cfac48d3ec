/* crm-journey-moments-table.h: moments of truth, measured: every
 * touchpoint type of a journey analysis ranked by its measured effect,
 * the customers who had it against those who did not (conversion,
 * retention, satisfaction), types measured on a small sample marked as
 * such, and the user's own moment-of-truth flag beside each. The two
 * customer counts of a row are buttons that ask for those customers. */
#pragma once

#include <gtk/gtk.h>

#include "crm-journey-analysis.h"

G_BEGIN_DECLS

#define CRM_TYPE_JOURNEY_MOMENTS_TABLE (crm_journey_moments_table_get_type ())
G_DECLARE_FINAL_TYPE (CrmJourneyMomentsTable, crm_journey_moments_table, CRM, JOURNEY_MOMENTS_TABLE, GtkWidget)

GtkWidget  *crm_journey_moments_table_new          (void);
void        crm_journey_moments_table_set_analysis (CrmJourneyMomentsTable *self,
                                                    CrmJourneyAnalysis     *analysis);
GtkListBox *crm_journey_moments_table_get_list     (CrmJourneyMomentsTable *self);

G_END_DECLS
