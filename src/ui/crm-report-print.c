/* crm-report-print.c
 *
 * The operation draws on the whole paper (use-full-page) in points and
 * keeps the margins itself, so that a page prints where the preview and
 * the PDF put it. Pagination is the layout of the report for the chosen
 * paper, run on a worker: GTK calls "paginate" again until it is done.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crm-report-print.h"

typedef struct
{
  CrmReport       *report;
  gboolean         rtl;
  GCancellable    *cancellable;
  GMutex           lock;
  gboolean         started;
  gboolean         finished;     /* under the lock: the worker is done */
  CrmReportLayout *layout;       /* under the lock until finished */
} Printing;

static void
printing_free (gpointer data)
{
  Printing *printing = data;

  g_cancellable_cancel (printing->cancellable);
  g_clear_object (&printing->cancellable);
  g_clear_object (&printing->report);
  g_clear_pointer (&printing->layout, crm_report_layout_unref);
  g_mutex_clear (&printing->lock);
  g_free (printing);
}

void
crm_report_print_page_setup (GtkPageSetup *page_setup,
                             gboolean      rtl,
                             CrmPageSetup *setup)
{
  CrmPageSetup defaults;
  double left, right;

  g_return_if_fail (GTK_IS_PAGE_SETUP (page_setup));
  g_return_if_fail (setup != NULL);

  crm_page_setup_init_default (&defaults);
  /* The width and height as the paper is turned. */
  setup->width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  setup->height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
  left = MAX (gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS), defaults.margin_start);
  right = MAX (gtk_page_setup_get_right_margin (page_setup, GTK_UNIT_POINTS), defaults.margin_end);
  setup->margin_top = MAX (gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS), defaults.margin_top);
  setup->margin_bottom = MAX (gtk_page_setup_get_bottom_margin (page_setup, GTK_UNIT_POINTS), defaults.margin_bottom);
  setup->margin_start = rtl ? right : left;
  setup->margin_end = rtl ? left : right;
}

GtkPageSetup *
crm_report_print_default_page_setup (void)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (gtk_paper_size_get_default ());

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return page_setup;
}

typedef struct
{
  CrmReport     *report;
  CrmPageSetup   setup;
  gboolean       rtl;
} LayoutJob;

static void
layout_job_free (gpointer data)
{
  LayoutJob *job = data;

  g_object_unref (job->report);
  g_free (job);
}

static void
lay_out (GTask        *task,
         gpointer      source,
         gpointer      task_data,
         GCancellable *cancellable)
{
  LayoutJob *job = task_data;
  Printing *printing = g_task_get_source_object (task) != NULL
                       ? g_object_get_data (g_task_get_source_object (task), "crm-printing") : NULL;
  /* Ink only: colours a black-and-white printer turns to the same grey
   * are told apart by pattern and weight instead. */
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (CRM_RENDER_PALETTE_PRINT, job->rtl);
  CrmReportLayout *layout = crm_report_layout_new (job->report, &job->setup, style, cancellable, NULL, NULL);

  g_assert (printing != NULL);
  g_mutex_lock (&printing->lock);
  printing->layout = layout;
  printing->finished = TRUE;
  g_mutex_unlock (&printing->lock);
  g_task_return_boolean (task, layout != NULL);
}

static gboolean
on_paginate (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             Printing          *printing)
{
  gboolean finished;

  if (!printing->started)
    {
      LayoutJob *job = g_new0 (LayoutJob, 1);
      g_autoptr(GTask) task = g_task_new (operation, printing->cancellable, NULL, NULL);

      job->report = g_object_ref (printing->report);
      job->rtl = printing->rtl;
      crm_report_print_page_setup (gtk_print_context_get_page_setup (context), printing->rtl, &job->setup);
      g_clear_pointer (&printing->layout, crm_report_layout_unref);
      printing->started = TRUE;
      printing->finished = FALSE;
      g_task_set_task_data (task, job, layout_job_free);
      g_task_run_in_thread (task, lay_out);
      return FALSE;
    }
  g_mutex_lock (&printing->lock);
  finished = printing->finished;
  g_mutex_unlock (&printing->lock);
  if (!finished)
    {
      /* GTK asks again from an idle: a short nap keeps that from
       * spinning while the worker lays out. */
      g_usleep (2000);
      return FALSE;
    }
  if (printing->layout == NULL)
    {
      gtk_print_operation_cancel (operation);
      return TRUE;
    }
  gtk_print_operation_set_n_pages (operation, crm_report_layout_get_n_pages (printing->layout));
  return TRUE;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Printing          *printing)
{
  /* Another paper (the print preview, then the printer) lays out anew. */
  printing->started = FALSE;
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Printing          *printing)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (printing->layout == NULL || page < 0 || (guint) page >= crm_report_layout_get_n_pages (printing->layout))
    return;
  cairo_save (cr);
  crm_report_layout_draw_page (printing->layout, cr, page);
  cairo_restore (cr);
}

GtkPrintOperation *
crm_report_print_operation_new (CrmReport *report,
                                gboolean   rtl)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  Printing *printing;

  g_return_val_if_fail (CRM_IS_REPORT (report), NULL);

  printing = g_new0 (Printing, 1);
  printing->report = g_object_ref (report);
  printing->rtl = rtl;
  printing->cancellable = g_cancellable_new ();
  g_mutex_init (&printing->lock);

  operation = gtk_print_operation_new ();
  page_setup = crm_report_print_default_page_setup ();
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, crm_report_get_title (report));
  g_object_set_data_full (G_OBJECT (operation), "crm-printing", printing, printing_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), printing);
  g_signal_connect (operation, "paginate", G_CALLBACK (on_paginate), printing);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), printing);
  return operation;
}

/* The last print's settings (printer, paper, copies), for the next. */
static GtkPrintSettings *last_settings;

static void
show_error (GtkWidget    *widget,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could Not Print the Report"),
                                              error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWidget               *widget)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (widget, error);
    }
}

/**
 * crm_report_print_run:
 * @widget: the widget printing, for the dialog's parent
 * @current_page: the page shown, for "Current Page" in the dialog
 *
 * The print dialog for @report, then the printing, without blocking;
 * errors in a dialog.
 */
void
crm_report_print_run (CrmReport *report,
                      GtkWidget *widget,
                      guint      current_page)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  g_return_if_fail (CRM_IS_REPORT (report));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  operation = crm_report_print_operation_new (report, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  gtk_print_operation_set_current_page (operation, current_page);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_done), widget, 0);
  /* GTK keeps the operation while its dialog and printing go on. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (widget, error);
}
