/* crm-period-picker.h: a drop-down of the periods a view can show: all
 * time (unless the view has no use for it), this month, quarter or year, or a custom run of whole days chosen
 * on two calendars in a popover. Closing the popover without choosing
 * leaves the period as it was. */
#pragma once

#include <gtk/gtk.h>

#include "crm-period.h"

G_BEGIN_DECLS

/* The picker's choices, in its order. */
typedef enum
{
  CRM_PERIOD_CHOICE_ALL_TIME,
  CRM_PERIOD_CHOICE_MONTH,
  CRM_PERIOD_CHOICE_QUARTER,
  CRM_PERIOD_CHOICE_YEAR,
  CRM_PERIOD_CHOICE_CUSTOM,
} CrmPeriodChoice;

#define CRM_TYPE_PERIOD_PICKER (crm_period_picker_get_type ())
G_DECLARE_FINAL_TYPE (CrmPeriodPicker, crm_period_picker, CRM, PERIOD_PICKER, GtkWidget)

GtkWidget       *crm_period_picker_new         (void);
CrmPeriodChoice  crm_period_picker_get_choice  (CrmPeriodPicker *self);
void             crm_period_picker_set_choice  (CrmPeriodPicker *self,
                                                CrmPeriodChoice  choice);
gboolean         crm_period_picker_get_offers_all_time (CrmPeriodPicker *self);
void             crm_period_picker_set_offers_all_time (CrmPeriodPicker *self,
                                                        gboolean         offers);
void             crm_period_picker_set_custom  (CrmPeriodPicker *self,
                                                gint64           start,
                                                gint64           end);
CrmPeriod       *crm_period_picker_get_period  (CrmPeriodPicker *self);

G_END_DECLS
