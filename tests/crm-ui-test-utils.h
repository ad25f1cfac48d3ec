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
void       collect_by_type (GtkWidget *widget,
                            GType      type,
                            GPtrArray *found);
GtkWidget *find_by_type   (GtkWidget  *widget,
                           GType       type);
gboolean   has_label      (GtkWidget  *root,
                           const char *text);
GtkWidget *find_row_titled (GtkWidget  *root,
                            GType       type,
                            const char *title);
void       iterate_until  (gboolean  (*done) (gpointer),
                           gpointer    data);
gboolean   activate_shortcut (GtkWidget       *widget,
                              guint            keyval,
                              GdkModifierType  modifiers);
void       press_shortcut (GtkWidget       *widget,
                           guint            keyval,
                           GdkModifierType  modifiers);
void       press_ctrl     (GtkWidget  *window,
                           guint       keyval);
gboolean   send_key_press (GtkWidget       *widget,
                           guint            keyval,
                           GdkModifierType  state);
gboolean   init_display_or_skip (void);
gboolean   store_loaded   (gpointer    data);
void       run_app        (Run        *run,
                           const char *database,
                           gboolean  (*ready) (gpointer),
                           void      (*check) (Run *));

G_END_DECLS
