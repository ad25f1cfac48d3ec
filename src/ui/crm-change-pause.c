/* crm-change-pause.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-change-pause.h"

struct _CrmChangePause
{
  CrmStore *store;
  gulong    handler;
  guint     delay_ms;
  guint     source;
  void    (*func) (gpointer data);
  gpointer  data;
};

static gboolean
paused (gpointer data)
{
  CrmChangePause *self = data;

  self->source = 0;
  self->func (self->data);
  return G_SOURCE_REMOVE;
}

static void
on_customer_changed (CrmStore       *store,
                     gint64          customer_id,
                     CrmChangePause *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_timeout_add (self->delay_ms, paused, self);
}

/**
 * crm_change_pause_new:
 * @func: called @delay_ms after the last change to @store's customers
 *
 * Returns: (transfer full): the watch; free it before @data goes
 */
CrmChangePause *
crm_change_pause_new (CrmStore  *store,
                      guint      delay_ms,
                      void     (*func) (gpointer data),
                      gpointer   data)
{
  CrmChangePause *self = g_new0 (CrmChangePause, 1);

  self->store = g_object_ref (store);
  self->delay_ms = delay_ms;
  self->func = func;
  self->data = data;
  self->handler = g_signal_connect (store, "customer-changed", G_CALLBACK (on_customer_changed), self);
  return self;
}

/* Forgets the changes so far: the caller has just computed anew. */
void
crm_change_pause_cancel (CrmChangePause *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
}

void
crm_change_pause_free (CrmChangePause *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_signal_handler (&self->handler, self->store);
  g_object_unref (self->store);
  g_free (self);
}
