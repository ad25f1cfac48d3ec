/* crm-journey-map.h: the journey map of a journey analysis, stages ×
 * channels as a heat grid in a chart view: each cell its touchpoints,
 * the customers who reached it and their satisfaction; a cell clicked
 * asks for its customers, and a channel chosen with the keyboard (or a
 * row or column label clicked) offers its cells to choose from. */
#pragma once

#include <gtk/gtk.h>

#include "crm-chart-view.h"
#include "crm-journey-analysis.h"

G_BEGIN_DECLS

#define CRM_TYPE_JOURNEY_MAP (crm_journey_map_get_type ())
G_DECLARE_FINAL_TYPE (CrmJourneyMap, crm_journey_map, CRM, JOURNEY_MAP, GtkWidget)

GtkWidget    *crm_journey_map_new          (void);
void          crm_journey_map_set_analysis (CrmJourneyMap      *self,
                                            CrmJourneyAnalysis *analysis);
CrmChartView *crm_journey_map_get_view     (CrmJourneyMap      *self);

G_END_DECLS
