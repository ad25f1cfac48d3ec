/* crm-ui-test-utils.h: driving the application under a headless display:
 * running it on a database with a script, finding widgets and labels,
 * pressing shortcuts, waiting for a state. */
#pragma once

#include <adwaita.h>

#include "crm-application.h"
#include "crm-window.h"

G_BEGIN_DECLS

typedef struct
{
  CrmApplication *app;
  CrmWindow      *window;
  char           *expected_summary;
  gboolean        checked;
} Run;

void       collect_labels (GtkWidget  *widget,
                           GPtrArray  *labels);
GtkWidget *find_by_type   (GtkWidget  *widget,
                           GType       type);
gboolean   has_label      (GtkWidget  *root,
                           const char *text);
void       iterate_until  (gboolean  (*done) (gpointer),
                           gpointer    data);
void       press_ctrl     (GtkWidget  *window,
                           guint       keyval);
gboolean   store_loaded   (gpointer    data);
void       run_app        (Run        *run,
                           const char *database,
                           gboolean  (*ready) (gpointer),
                           void      (*check) (Run *));

G_END_DECLS
