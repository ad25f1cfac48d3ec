/* crm-file-chooser.h: choosing a file to open or save, through the file
 * chooser portal when sandboxed: GtkFileDialog where GTK has it (4.10 and
 * later, as in the Flatpak runtime), GtkFileChooserNative before. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the chosen file, or NULL when the user cancelled. */
typedef void (*CrmFileChosenFunc) (GFile    *file,
                                   gpointer  user_data);

void crm_file_chooser_open (GtkWindow         *parent,
                            const char        *title,
                            CrmFileChosenFunc  callback,
                            gpointer           user_data);
void crm_file_chooser_save (GtkWindow         *parent,
                            const char        *title,
                            const char        *suggested_name,
                            CrmFileChosenFunc  callback,
                            gpointer           user_data);

G_END_DECLS
