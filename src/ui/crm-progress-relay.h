/* crm-progress-relay.h: progress from a worker thread to a progress bar on
 * the window's thread: the worker reports as often as it likes, the bar is
 * updated in one idle at a time. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CRM_PROGRESS_BYTES,     /* "1.2 MB of 53.7 MB" */
  CRM_PROGRESS_RECORDS,   /* "1,000 of 5,000 records" */
} CrmProgressUnit;

#define CRM_TYPE_PROGRESS_RELAY (crm_progress_relay_get_type ())
G_DECLARE_FINAL_TYPE (CrmProgressRelay, crm_progress_relay, CRM, PROGRESS_RELAY, GObject)

CrmProgressRelay *crm_progress_relay_new    (GtkProgressBar  *bar,
                                             CrmProgressUnit  unit);
void              crm_progress_relay_report (guint64          done,
                                             guint64          total,
                                             gpointer         relay);

G_END_DECLS
