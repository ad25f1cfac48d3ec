/* crm-progress-relay.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-progress-relay.h"
#include "crm-utils.h"

struct _CrmProgressRelay
{
  GObject          parent_instance;
  GtkProgressBar  *bar;
  CrmProgressUnit  unit;
  GMutex           lock;
  guint64          done;
  guint64          total;
  guint            source;
};

G_DEFINE_FINAL_TYPE (CrmProgressRelay, crm_progress_relay, G_TYPE_OBJECT)

static void
crm_progress_relay_finalize (GObject *object)
{
  CrmProgressRelay *self = (CrmProgressRelay *) object;

  g_clear_object (&self->bar);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (crm_progress_relay_parent_class)->finalize (object);
}

static void
crm_progress_relay_class_init (CrmProgressRelayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_progress_relay_finalize;
}

static void
crm_progress_relay_init (CrmProgressRelay *self)
{
  g_mutex_init (&self->lock);
}

CrmProgressRelay *
crm_progress_relay_new (GtkProgressBar  *bar,
                        CrmProgressUnit  unit)
{
  CrmProgressRelay *self = g_object_new (CRM_TYPE_PROGRESS_RELAY, NULL);

  self->bar = g_object_ref (bar);
  self->unit = unit;
  gtk_progress_bar_set_fraction (bar, 0);
  gtk_progress_bar_set_text (bar, NULL);
  return self;
}

static gboolean
show_progress (gpointer data)
{
  CrmProgressRelay *self = data;
  g_autofree char *done_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *text = NULL;
  guint64 done, total;

  g_mutex_lock (&self->lock);
  done = self->done;
  total = self->total;
  self->source = 0;
  g_mutex_unlock (&self->lock);

  if (total == 0)
    {
      gtk_progress_bar_pulse (self->bar);
      return G_SOURCE_REMOVE;
    }
  if (self->unit == CRM_PROGRESS_BYTES)
    {
      done_text = g_format_size (done);
      total_text = g_format_size (total);
      /* TRANSLATORS: progress of an import, e.g. "1.2 MB of 53.7 MB" */
      text = g_strdup_printf (_("%s of %s"), done_text, total_text);
    }
  else
    {
      done_text = crm_format_count (done);
      total_text = crm_format_count (total);
      /* TRANSLATORS: progress of an export, e.g. "1,000 of 5,000 records" */
      text = g_strdup_printf (_("%s of %s records"), done_text, total_text);
    }
  gtk_progress_bar_set_fraction (self->bar, (double) done / total);
  gtk_progress_bar_set_text (self->bar, text);
  return G_SOURCE_REMOVE;
}

/**
 * crm_progress_relay_report:
 * @relay: a #CrmProgressRelay
 *
 * A #CrmProgressFunc, safe to call from any thread.
 */
void
crm_progress_relay_report (guint64  done,
                           guint64  total,
                           gpointer relay)
{
  CrmProgressRelay *self = relay;

  g_mutex_lock (&self->lock);
  self->done = done;
  self->total = total;
  if (self->source == 0)
    self->source = g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, g_object_ref (self), g_object_unref);
  g_mutex_unlock (&self->lock);
}
