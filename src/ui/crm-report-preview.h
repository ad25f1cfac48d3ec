/* crm-report-preview.h: the pages of a laid-out report on screen, one at
 * a time, as white paper scaled to the widget's width: drawn by
 * crm_report_layout_draw_page, the same code that prints them. */
#pragma once

#include <gtk/gtk.h>

#include "crm-report-layout.h"

G_BEGIN_DECLS

#define CRM_TYPE_REPORT_PREVIEW (crm_report_preview_get_type ())
G_DECLARE_FINAL_TYPE (CrmReportPreview, crm_report_preview, CRM, REPORT_PREVIEW, GtkWidget)

GtkWidget       *crm_report_preview_new         (void);
void             crm_report_preview_set_layout  (CrmReportPreview *self,
                                                 CrmReportLayout  *layout);
CrmReportLayout *crm_report_preview_get_layout  (CrmReportPreview *self);
guint            crm_report_preview_get_n_pages (CrmReportPreview *self);
guint            crm_report_preview_get_page    (CrmReportPreview *self);
void             crm_report_preview_set_page    (CrmReportPreview *self,
                                                 guint             page);

G_END_DECLS
