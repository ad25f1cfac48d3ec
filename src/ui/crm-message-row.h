/* crm-message-row.h: a row of a boxed list that says, in words, what is
 * wrong with the field above it (an empty name, a name already taken, a
 * channel that cannot be deleted). Hidden while there is nothing to say. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRM_TYPE_MESSAGE_ROW (crm_message_row_get_type ())
G_DECLARE_FINAL_TYPE (CrmMessageRow, crm_message_row, CRM, MESSAGE_ROW, GtkListBoxRow)

GtkWidget  *crm_message_row_new         (GtkWidget     *field);
void        crm_message_row_show        (CrmMessageRow *self,
                                         const char    *message);
void        crm_message_row_show_notice (CrmMessageRow *self,
                                         const char    *message);
void        crm_message_row_clear       (CrmMessageRow *self);
const char *crm_message_row_get_message (CrmMessageRow *self);

G_END_DECLS
