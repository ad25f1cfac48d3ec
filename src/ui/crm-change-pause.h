/* crm-change-pause.h: calls back once the changes to a store's customers
 * pause. Edits come one customer at a time, imports by the thousand: a
 * view that computes figures from all of them does it once, a moment
 * after the last change, rather than after each. */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

typedef struct _CrmChangePause CrmChangePause;

CrmChangePause *crm_change_pause_new    (CrmStore       *store,
                                         guint           delay_ms,
                                         void          (*func) (gpointer data),
                                         gpointer        data);
void            crm_change_pause_cancel (CrmChangePause *self);
void            crm_change_pause_free   (CrmChangePause *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChangePause, crm_change_pause_free)

G_END_DECLS
