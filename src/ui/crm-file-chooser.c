/* crm-file-chooser.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-file-chooser.h"

typedef struct
{
  CrmFileChosenFunc callback;
  gpointer          user_data;
} Chosen;

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_dialog_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autofree Chosen *chosen = data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  g_autoptr(GFile) file = NULL;

  if (g_object_get_data (source, "saving") != NULL)
    file = gtk_file_dialog_save_finish (dialog, result, NULL);
  else
    file = gtk_file_dialog_open_finish (dialog, result, NULL);
  chosen->callback (file, chosen->user_data);
}

static void
choose (GtkWindow         *parent,
        const char        *title,
        const char        *suggested_name,
        gboolean           saving,
        CrmFileChosenFunc  callback,
        gpointer           user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  Chosen *chosen = g_new (Chosen, 1);

  chosen->callback = callback;
  chosen->user_data = user_data;
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (saving)
    {
      g_object_set_data (G_OBJECT (dialog), "saving", GINT_TO_POINTER (TRUE));
      gtk_file_dialog_set_initial_name (dialog, suggested_name);
      gtk_file_dialog_save (dialog, parent, NULL, on_dialog_done, chosen);
    }
  else
    gtk_file_dialog_open (dialog, parent, NULL, on_dialog_done, chosen);
}

#else

static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    gpointer         data)
{
  g_autofree Chosen *chosen = data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  chosen->callback (file, chosen->user_data);
  g_object_unref (native);
}

static void
choose (GtkWindow         *parent,
        const char        *title,
        const char        *suggested_name,
        gboolean           saving,
        CrmFileChosenFunc  callback,
        gpointer           user_data)
{
  GtkFileChooserNative *native;
  Chosen *chosen = g_new (Chosen, 1);

  chosen->callback = callback;
  chosen->user_data = user_data;
  native = gtk_file_chooser_native_new (title, parent,
                                        saving ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        saving ? _("_Export") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (saving && suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  g_signal_connect (native, "response", G_CALLBACK (on_native_response), chosen);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

void
crm_file_chooser_open (GtkWindow         *parent,
                       const char        *title,
                       CrmFileChosenFunc  callback,
                       gpointer           user_data)
{
  choose (parent, title, NULL, FALSE, callback, user_data);
}

void
crm_file_chooser_save (GtkWindow         *parent,
                       const char        *title,
                       const char        *suggested_name,
                       CrmFileChosenFunc  callback,
                       gpointer           user_data)
{
  choose (parent, title, suggested_name, TRUE, callback, user_data);
}
