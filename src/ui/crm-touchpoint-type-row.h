/* crm-touchpoint-type-row.h: one touchpoint type in the Preferences, as an
 * expander row: its name, journey stage (one of the known stages or the
 * user's own), whether it is a moment of truth, and its minimum-data
 * profile. Every change is validated and stored at once; a refused one
 * is said in words below its field and nothing is stored. Deleting is
 * asked of the window, which knows the list. */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_TOUCHPOINT_TYPE_ROW (crm_touchpoint_type_row_get_type ())
G_DECLARE_FINAL_TYPE (CrmTouchpointTypeRow, crm_touchpoint_type_row, CRM, TOUCHPOINT_TYPE_ROW, AdwExpanderRow)

GtkWidget         *crm_touchpoint_type_row_new                 (CrmStore             *store,
                                                                CrmTouchpointType    *type);
CrmTouchpointType *crm_touchpoint_type_row_get_touchpoint_type (CrmTouchpointTypeRow *self);
void               crm_touchpoint_type_row_set_custom_stages   (CrmTouchpointTypeRow *self,
                                                                const char * const   *stages);
void               crm_touchpoint_type_row_show_delete_message (CrmTouchpointTypeRow *self,
                                                                const char           *message);
void               crm_touchpoint_type_row_commit              (CrmTouchpointTypeRow *self);
void               crm_touchpoint_type_row_focus_delete        (CrmTouchpointTypeRow *self);
CrmTouchpointType *crm_touchpoint_type_row_copy_type           (CrmTouchpointType    *type);


G_END_DECLS
