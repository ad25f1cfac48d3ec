/* crm-import-report.h: what an import did: how many customers were added,
 * updated, left unchanged or skipped, and every problem with the line it
 * is on. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_IMPORT_REPORT (crm_import_report_get_type ())
G_DECLARE_FINAL_TYPE (CrmImportReport, crm_import_report, CRM, IMPORT_REPORT, GObject)

CrmImportReport  *crm_import_report_new           (void);
int               crm_import_report_get_added     (CrmImportReport *self);
void              crm_import_report_set_added     (CrmImportReport *self,
                                                   int             added);
int               crm_import_report_get_updated   (CrmImportReport *self);
void              crm_import_report_set_updated   (CrmImportReport *self,
                                                   int             updated);
int               crm_import_report_get_unchanged (CrmImportReport *self);
void              crm_import_report_set_unchanged (CrmImportReport *self,
                                                   int             unchanged);
int               crm_import_report_get_skipped   (CrmImportReport *self);
void              crm_import_report_set_skipped   (CrmImportReport *self,
                                                   int             skipped);
GPtrArray        *crm_import_report_get_problems  (CrmImportReport *self);
void              crm_import_report_add_problem   (CrmImportReport *self,
                                                   const char      *problem);

G_END_DECLS
