/* crm-journey-timeline.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-journey-stage.h"
#include "crm-journey-timeline.h"

/**
 * crm_journey_timeline_data:
 * @journey: a customer's journey
 *
 * The journey as timeline data, made as the timeline on the customer's
 * page makes it: a lane per channel in the journey's order, touchpoints
 * of a channel deleted since in an "Other" lane, each mark with its
 * type's name, stage and moment-of-truth flag, and the transactions in
 * major units.
 *
 * Returns: (transfer full) (nullable): the data, or %NULL for a journey
 *   with no touchpoints
 */
CrmTimelineData *
crm_journey_timeline_data (CrmJourney *journey)
{
  g_autoptr(GArray) lane_ids = NULL;
  CrmTimelineData *data;
  GPtrArray *channels, *transactions;
  guint n, other_lane = G_MAXUINT;

  g_return_val_if_fail (CRM_IS_JOURNEY (journey), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (journey));
  if (n == 0)
    return NULL;

  data = crm_timeline_data_new ();
  channels = crm_journey_get_channels (journey);
  lane_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), channels->len);
  for (guint i = 0; i < channels->len; i++)
    {
      CrmChannel *channel = g_ptr_array_index (channels, i);
      gint64 id = crm_channel_get_id (channel);

      crm_timeline_data_add_lane (data, crm_channel_get_name (channel));
      g_array_append_val (lane_ids, id);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmTouchpoint) touchpoint = g_list_model_get_item (G_LIST_MODEL (journey), i);
      CrmTouchpointType *type = crm_journey_lookup_type (journey, crm_touchpoint_get_type_id (touchpoint));
      gint64 channel_id = crm_touchpoint_get_channel_id (touchpoint);
      CrmTimelineMark mark = { 0 };
      guint lane = G_MAXUINT;

      for (guint l = 0; l < lane_ids->len && lane == G_MAXUINT; l++)
        if (g_array_index (lane_ids, gint64, l) == channel_id)
          lane = l;
      if (lane == G_MAXUINT)
        {
          /* A channel deleted since: its touchpoints still count. */
          if (other_lane == G_MAXUINT)
            other_lane = crm_timeline_data_add_lane (data, _("Other"));
          lane = other_lane;
        }

      mark.id = crm_touchpoint_get_id (touchpoint);
      mark.time = crm_touchpoint_get_occurred_at (touchpoint);
      mark.lane = lane;
      mark.satisfaction = CLAMP (crm_touchpoint_get_satisfaction (touchpoint), 0, 5);
      mark.moment_of_truth = type != NULL && crm_touchpoint_type_get_moment_of_truth (type);
      mark.label = type != NULL ? crm_touchpoint_type_get_name (type) : _("Touchpoint");
      mark.stage = type != NULL ? crm_journey_stage_get_label (crm_touchpoint_type_get_stage (type)) : NULL;
      crm_timeline_data_add_mark (data, &mark);
    }

  transactions = crm_journey_get_transactions (journey);
  for (guint i = 0; i < transactions->len; i++)
    {
      CrmTransaction *transaction = g_ptr_array_index (transactions, i);
      const char *product = crm_transaction_get_product (transaction);
      CrmTimelineTransaction bar = {
        crm_transaction_get_id (transaction),
        crm_transaction_get_occurred_at (transaction),
        /* Minor units, two to the major one, as everywhere in the app. */
        crm_transaction_get_amount (transaction) / 100.0,
        crm_transaction_get_currency (transaction),
        product != NULL && *product != '\0' ? product : NULL,
      };

      crm_timeline_data_add_transaction (data, &bar);
    }
  return data;
}
