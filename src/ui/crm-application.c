/* crm-application.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-application.h"
#include "crm-demo-generator.h"
#include "crm-headless.h"
#include "crm-preferences-window.h"
#include "crm-ui.h"
#include "crm-window.h"

struct _CrmApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CrmApplication, crm_application, ADW_TYPE_APPLICATION)

/* Customers in the database that --demo makes: enough for every view to
 * have something to show, quick enough to make on start. */
#define DEMO_CUSTOMERS 5000

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH (created when missing)"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a freshly generated demo database in a scratch folder; your own data is not touched"), NULL },
  { "generate", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Without a window: add N generated customers with their journeys to the database given by --database, then exit"), N_("N") },
  { "seed", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Seed for --generate and --demo (default 1); the same seed gives the same data"), N_("SEED") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Without a window: import a vCard, xCard or CSV file, or restore a Touchpoint archive into a new database; print what was done, exit"), N_("FILE") },
  { "policy", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("For --import, what to do with customers already there: update (default), skip or new"), N_("POLICY") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Without a window: write every customer, or with --format archive the whole database, to FILE, then exit"), N_("FILE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("For --export: vcard4 (default), vcard3, xcard, archive, csv, csv-touchpoints or csv-transactions"), N_("FORMAT") },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Without a window: write a report (dashboard, customers, customer, journeys or audit) as a PDF to the file given by --output, then exit"), N_("KIND") },
  { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("For --report: month, quarter, year (default) or FIRST..LAST as YYYY-MM-DD..YYYY-MM-DD"), N_("PERIOD") },
  { "segment", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("For --report: the customers of one segment only"), N_("SEGMENT") },
  { "customer", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("For --report customer: the UID of the customer whose profile to print"), N_("UID") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("For --report customers: only the customers the customer list's search finds for TEXT"), N_("TEXT") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("For --report: a4, letter, a4-landscape or letter-landscape (default: A4 or Letter by locale)"), N_("PAPER") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("For --report: the PDF file to write"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static int
crm_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  const char *database = NULL;
  const char *file = NULL;
  gint64 n_customers = 0, seed = 1;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("touchpoint %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^&ay", &database);
  g_variant_dict_lookup (options, "seed", "x", &seed);

  if (g_variant_dict_contains (options, "demo") && database != NULL)
    {
      g_printerr (_("--demo opens a new database of its own and cannot be combined with --database\n"));
      return 1;
    }

  /* Headless verbs run here, before the application registers on the
   * session bus or touches a display. */
  if (g_variant_dict_lookup (options, "generate", "x", &n_customers))
    return crm_headless_generate (database, n_customers, seed);
  if (g_variant_dict_lookup (options, "import", "^&ay", &file))
    {
      const char *policy = NULL;

      g_variant_dict_lookup (options, "policy", "&s", &policy);
      return crm_headless_import (database, file, policy);
    }
  if (g_variant_dict_lookup (options, "export", "^&ay", &file))
    {
      const char *format = NULL;

      g_variant_dict_lookup (options, "format", "&s", &format);
      return crm_headless_export (database, file, format);
    }
  if (g_variant_dict_contains (options, "report"))
    {
      CrmHeadlessReport report = { 0 };

      g_variant_dict_lookup (options, "report", "&s", &report.kind);
      g_variant_dict_lookup (options, "period", "&s", &report.period);
      g_variant_dict_lookup (options, "segment", "&s", &report.segment);
      g_variant_dict_lookup (options, "customer", "&s", &report.customer);
      g_variant_dict_lookup (options, "search", "&s", &report.search);
      g_variant_dict_lookup (options, "paper", "&s", &report.paper);
      g_variant_dict_lookup (options, "output", "^&ay", &report.output);
      return crm_headless_report (database, &report);
    }

  return -1;
}

static CrmWindow *
find_window (CrmApplication *self,
             const char     *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CRM_IS_WINDOW (l->data) &&
        g_strcmp0 (crm_window_get_database_path (l->data), path) == 0)
      return l->data;
  return NULL;
}

static void
on_store_opened (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CrmWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open_finish (result, &error);

  if (store == NULL)
    crm_window_show_error (window, _("Could Not Open the Database"), error);
  else
    crm_window_set_store (window, store);
}

static void
open_store (CrmWindow *window)
{
  crm_store_open_async (crm_window_get_database_path (window), NULL,
                        on_store_opened, g_object_ref (window));
}

static void
on_demo_generated (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CrmWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!crm_demo_generator_run_finish (CRM_DEMO_GENERATOR (source), result, &error))
    crm_window_show_error (window, _("Could Not Make the Demo Database"), error);
  else
    open_store (window);
}

static int
crm_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  CrmApplication *self = CRM_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  const char *database = NULL;
  gint64 seed = 1;
  CrmWindow *window;

  g_variant_dict_lookup (options, "seed", "x", &seed);

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *folder = g_dir_make_tmp ("touchpoint-demo-XXXXXX", &error);
      g_autoptr(CrmDemoGenerator) generator = NULL;

      if (folder == NULL)
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          return 1;
        }
      path = g_build_filename (folder, "demo.db", NULL);
      window = crm_window_new (GTK_APPLICATION (self), path);
      gtk_window_present (GTK_WINDOW (window));

      generator = crm_demo_generator_new (seed, DEMO_CUSTOMERS);
      crm_demo_generator_run_async (generator, path, NULL, on_demo_generated, g_object_ref (window));
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      /* Relative to where the command was typed, which for a second
       * invocation is not the running instance's folder. */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, database);

      path = g_file_get_path (file);
    }
  else
    path = crm_store_default_path ();

  window = find_window (self, path);
  if (window == NULL)
    {
      window = crm_window_new (GTK_APPLICATION (self), path);
      open_store (window);
    }
  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { "The Touchpoint authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "application-name", _("Touchpoint"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Touchpoint authors"),
                        "developers", developers,
                        "copyright", "© 2026 The Touchpoint authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Keep your customers, every touchpoint they chose and the "
                                      "transactions that followed, and see which moments decide "
                                      "their journeys."),
                        /* TRANSLATORS: your name and e-mail, one translator a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The Preferences of the active window's database; nothing while it is
 * still being opened. */
static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  CrmPreferencesWindow *preferences;

  if (!CRM_IS_WINDOW (active) || crm_window_get_store (CRM_WINDOW (active)) == NULL)
    return;
  preferences = crm_preferences_window_new (active, crm_window_get_store (CRM_WINDOW (active)));
  /* The views show channels and types: they read them again. */
  g_signal_connect_object (preferences, "changed", G_CALLBACK (crm_window_reload), active, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "preferences", show_preferences },
  { "quit", quit },
};

static void
crm_application_startup (GApplication *application)
{
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const close_accels[] = { "<Control>w", NULL };
  static const char * const preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (crm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
}

static void
crm_application_class_init (CrmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = crm_application_handle_local_options;
  app_class->command_line = crm_application_command_line;
  app_class->startup = crm_application_startup;
}

static void
crm_application_init (CrmApplication *self)
{
  crm_ui_init ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Touchpoint: a CRM built around your customers' journeys."));
}

CrmApplication *
crm_application_new (void)
{
  return g_object_new (CRM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
