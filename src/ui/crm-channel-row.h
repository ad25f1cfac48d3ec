/* crm-channel-row.h: one channel in the Preferences: its name, edited in
 * place, with buttons to move it up or down the order and to delete it,
 * and a message row that goes below it to say what went wrong. The row
 * asks; the window decides and stores (names must differ between
 * channels, which only the window can see). */
#pragma once

#include <adwaita.h>

#include "crm-channel.h"
#include "crm-message-row.h"

G_BEGIN_DECLS

#define CRM_TYPE_CHANNEL_ROW (crm_channel_row_get_type ())
G_DECLARE_FINAL_TYPE (CrmChannelRow, crm_channel_row, CRM, CHANNEL_ROW, AdwEntryRow)

GtkWidget     *crm_channel_row_new             (CrmChannel    *channel);
CrmChannel    *crm_channel_row_get_channel     (CrmChannelRow *self);
void           crm_channel_row_update          (CrmChannelRow *self);
CrmMessageRow *crm_channel_row_get_message_row (CrmChannelRow *self);
void           crm_channel_row_set_can_move    (CrmChannelRow *self,
                                                gboolean       up,
                                                gboolean       down);
gboolean       crm_channel_row_has_pending_edit (CrmChannelRow *self);
void           crm_channel_row_commit          (CrmChannelRow *self);
void           crm_channel_row_focus_move      (CrmChannelRow *self,
                                                int            direction);
void           crm_channel_row_focus_delete    (CrmChannelRow *self);

G_END_DECLS
