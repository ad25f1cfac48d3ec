/* crm-touchpoint-dialog.h: recording a touchpoint of one customer in
 * seconds, from the keyboard: its type (typing a name's beginning picks
 * it), channel (the one this customer used for that type before, else
 * the last one chosen), time (now, or typed in local time and checked),
 * direction, outcome, satisfaction, a note and the transaction it led
 * to. Enter adds it (Ctrl+Enter from the note), Escape cancels. When the
 * type's minimum-data profile names data the customer lacks, the dialog
 * says which, and offers to go and fill it in; the touchpoint can be
 * added all the same. The same dialog edits a touchpoint. */
#pragma once

#include <adwaita.h>

#include "crm-journey.h"

G_BEGIN_DECLS

#define CRM_TYPE_TOUCHPOINT_DIALOG (crm_touchpoint_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrmTouchpointDialog, crm_touchpoint_dialog, CRM, TOUCHPOINT_DIALOG, AdwWindow)

CrmTouchpointDialog *crm_touchpoint_dialog_new         (GtkWindow           *parent,
                                                        CrmStore            *store,
                                                        CrmJourney          *journey,
                                                        CrmCustomer         *customer,
                                                        CrmTouchpoint       *touchpoint);
CrmDataField         crm_touchpoint_dialog_get_missing (CrmTouchpointDialog *self);
gboolean             crm_touchpoint_dialog_save        (CrmTouchpointDialog *self);

G_END_DECLS
