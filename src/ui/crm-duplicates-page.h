/* crm-duplicates-page.h: finding duplicate customers across the whole
 * database and merging two of them, choosing per field which value stays. */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_DUPLICATES_PAGE (crm_duplicates_page_get_type ())
G_DECLARE_FINAL_TYPE (CrmDuplicatesPage, crm_duplicates_page, CRM, DUPLICATES_PAGE, AdwBin)

void      crm_duplicates_page_scan       (CrmDuplicatesPage *self,
                                          CrmStore          *store);
GListModel *crm_duplicates_page_get_groups (CrmDuplicatesPage *self);
gboolean  crm_duplicates_page_open_group (CrmDuplicatesPage *self,
                                          guint              index);
gboolean  crm_duplicates_page_merge      (CrmDuplicatesPage *self,
                                          GError           **error);

G_END_DECLS
