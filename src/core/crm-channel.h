/* crm-channel.h: a channel through which touchpoints happen: web, e-mail,
 * phone, store and the user's own. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_CHANNEL (crm_channel_get_type ())
G_DECLARE_FINAL_TYPE (CrmChannel, crm_channel, CRM, CHANNEL, GObject)

CrmChannel  *crm_channel_new          (void);
gint64       crm_channel_get_id       (CrmChannel *self);
void         crm_channel_set_id       (CrmChannel *self,
                                       gint64     id);
const char  *crm_channel_get_key      (CrmChannel *self);
void         crm_channel_set_key      (CrmChannel *self,
                                       const char *key);
const char  *crm_channel_get_name     (CrmChannel *self);
void         crm_channel_set_name     (CrmChannel *self,
                                       const char *name);
int          crm_channel_get_position (CrmChannel *self);
void         crm_channel_set_position (CrmChannel *self,
                                       int        position);

G_END_DECLS
