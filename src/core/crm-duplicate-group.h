/* crm-duplicate-group.h: customers that look like one and the same: the
 * same e-mail address, the same phone number, or nearly the same name at
 * the same organization. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_DUPLICATE_GROUP (crm_duplicate_group_get_type ())
G_DECLARE_FINAL_TYPE (CrmDuplicateGroup, crm_duplicate_group, CRM, DUPLICATE_GROUP, GObject)

CrmDuplicateGroup  *crm_duplicate_group_new        (void);
CrmDuplicateReason  crm_duplicate_group_get_reason (CrmDuplicateGroup  *self);
void                crm_duplicate_group_set_reason (CrmDuplicateGroup  *self,
                                                    CrmDuplicateReason reason);
const char         *crm_duplicate_group_get_key    (CrmDuplicateGroup  *self);
void                crm_duplicate_group_set_key    (CrmDuplicateGroup  *self,
                                                    const char         *key);
void                crm_duplicate_group_add_id     (CrmDuplicateGroup  *self,
                                                    gint64             customer_id);
guint               crm_duplicate_group_get_n_ids  (CrmDuplicateGroup  *self);
gint64              crm_duplicate_group_get_id     (CrmDuplicateGroup  *self,
                                                    guint              index);

G_END_DECLS
