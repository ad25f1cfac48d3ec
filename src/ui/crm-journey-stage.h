/* crm-journey-stage.h: the journey stages as the user reads them. A stage
 * is stored as typed: one of the stages Touchpoint knows ("awareness",
 * "consideration", "purchase", "service", "loyalty"), whose names are
 * translated, or one of the user's own, shown as they typed it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char * const *crm_journey_stage_get_known  (guint      *n_stages);
gboolean            crm_journey_stage_is_known   (const char *stage);
const char         *crm_journey_stage_get_label  (const char *stage);
char               *crm_journey_stage_from_label (const char *text);

G_END_DECLS
