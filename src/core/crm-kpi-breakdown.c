/* crm-kpi-breakdown.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-kpi-breakdown-private.h"

#define DAY (24 * 60 * 60)
#define N_STAGES (CRM_LIFECYCLE_STAGE_CHURNED + 1)

typedef struct
{
  GArray *starts;    /* gint64 first day of each bucket, days since 1970 */
  GArray *measures;  /* gint64[CRM_N_KPI_MEASURES] per bucket */
  gint64  end_day;
} Buckets;

typedef struct
{
  gint64  id;
  char   *name;
  gint64  measures[2][CRM_N_KPI_MEASURES];
} Channel;

struct _CrmKpiBreakdown
{
  GObject      parent_instance;
  CrmKpiBucket bucket;
  Buckets      buckets[2];  /* the period, the previous one */
  GArray      *channels;    /* of Channel */
  gint64       stages[2][N_STAGES];
};

G_DEFINE_FINAL_TYPE (CrmKpiBreakdown, crm_kpi_breakdown, G_TYPE_OBJECT)

static void
clear_channel (gpointer data)
{
  g_free (((Channel *) data)->name);
}

static void
crm_kpi_breakdown_finalize (GObject *object)
{
  CrmKpiBreakdown *self = CRM_KPI_BREAKDOWN (object);

  for (int p = 0; p < 2; p++)
    {
      g_array_unref (self->buckets[p].starts);
      g_array_unref (self->buckets[p].measures);
    }
  g_array_unref (self->channels);
  G_OBJECT_CLASS (crm_kpi_breakdown_parent_class)->finalize (object);
}

static void
crm_kpi_breakdown_class_init (CrmKpiBreakdownClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_kpi_breakdown_finalize;
}

static void
crm_kpi_breakdown_init (CrmKpiBreakdown *self)
{
  for (int p = 0; p < 2; p++)
    {
      self->buckets[p].starts = g_array_new (FALSE, FALSE, sizeof (gint64));
      self->buckets[p].measures = g_array_new (FALSE, TRUE, sizeof (gint64) * CRM_N_KPI_MEASURES);
    }
  self->channels = g_array_new (FALSE, TRUE, sizeof (Channel));
  g_array_set_clear_func (self->channels, clear_channel);
}

/* The first day of the month after @day's. */
static gint64
next_month (gint64 day)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day * DAY);
  g_autoptr(GDateTime) first = g_date_time_new_utc (g_date_time_get_year (date),
                                                    g_date_time_get_month (date), 1, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);

  return g_date_time_to_unix (next) / DAY;
}

static void
cut (Buckets      *buckets,
     CrmKpiBucket  bucket,
     gint64        start_day,
     gint64        end_day)
{
  buckets->end_day = end_day;
  for (gint64 day = start_day; day < end_day;)
    {
      g_array_append_val (buckets->starts, day);
      day = bucket == CRM_KPI_BUCKET_DAY ? day + 1
          : bucket == CRM_KPI_BUCKET_WEEK ? day + 7
          : next_month (day);
    }
  g_array_set_size (buckets->measures, buckets->starts->len);
}

/* Days for up to two months, weeks up to half a year, months beyond; the
 * previous period in the same unit, so the two lines can be compared. */
CrmKpiBreakdown *
crm_kpi_breakdown_new (const CrmPeriod *period)
{
  CrmKpiBreakdown *self = g_object_new (CRM_TYPE_KPI_BREAKDOWN, NULL);
  g_autoptr(CrmPeriod) previous = crm_period_get_previous (period);
  gint64 start = crm_period_get_start (period) / DAY;
  gint64 end = crm_period_get_end (period) / DAY;

  self->bucket = end - start <= 62 ? CRM_KPI_BUCKET_DAY
               : end - start <= 186 ? CRM_KPI_BUCKET_WEEK
               : CRM_KPI_BUCKET_MONTH;
  cut (&self->buckets[0], self->bucket, start, end);
  cut (&self->buckets[1], self->bucket, crm_period_get_start (previous) / DAY,
       crm_period_get_end (previous) / DAY);
  return self;
}

static gint64 *
bucket_measures (Buckets *buckets,
                 guint    bucket)
{
  return (gint64 *) (buckets->measures->data + bucket * g_array_get_element_size (buckets->measures));
}

/* Adds @value to @measure of the bucket holding @day, in whichever of
 * the two periods has it; a day in neither is ignored. */
void
crm_kpi_breakdown_add_day (CrmKpiBreakdown *self,
                           gint64           day,
                           CrmKpiMeasure    measure,
                           gint64           value)
{
  for (int p = 0; p < 2; p++)
    {
      Buckets *buckets = &self->buckets[p];
      guint low = 0, high = buckets->starts->len;

      if (high == 0 || day < g_array_index (buckets->starts, gint64, 0) || day >= buckets->end_day)
        continue;
      /* The last bucket starting on or before @day. */
      while (high - low > 1)
        {
          guint middle = (low + high) / 2;

          if (g_array_index (buckets->starts, gint64, middle) <= day)
            low = middle;
          else
            high = middle;
        }
      bucket_measures (buckets, low)[measure] += value;
      return;
    }
}

guint
crm_kpi_breakdown_add_channel (CrmKpiBreakdown *self,
                               gint64           id,
                               const char      *name)
{
  Channel channel = { id, g_strdup (name), { { 0 } } };

  g_array_append_val (self->channels, channel);
  return self->channels->len - 1;
}

gint64 *
crm_kpi_breakdown_peek_channel (CrmKpiBreakdown *self,
                                guint            channel,
                                gboolean         previous)
{
  g_return_val_if_fail (channel < self->channels->len, NULL);
  return g_array_index (self->channels, Channel, channel).measures[previous ? 1 : 0];
}

void
crm_kpi_breakdown_add_stage (CrmKpiBreakdown   *self,
                             CrmLifecycleStage  stage,
                             gboolean           previous,
                             gint64             customers)
{
  /* A stage this version does not know is left out of the funnel. */
  if ((guint) stage < N_STAGES)
    self->stages[previous ? 1 : 0][stage] += customers;
}

/* Customers and complete ones are stocks: what came before the bucket's
 * end. @measures are the scope's for the period and the previous one
 * (2 × CRM_N_KPI_MEASURES), whose stocks end where the periods end; the
 * buckets' come from them less what came in later. */
void
crm_kpi_breakdown_finish (CrmKpiBreakdown *self,
                          const gint64    *measures)
{
  /* Each stock, and the flow it grows by, per bucket: new customers; for
   * completeness, the complete ones among them (kpi_daily's "complete"),
   * which the store adds under COMPLETE itself and this turns into the
   * stock. */
  static const CrmKpiMeasure stocks[][2] = {
    { CRM_KPI_MEASURE_CUSTOMERS, CRM_KPI_MEASURE_NEW_CUSTOMERS },
    { CRM_KPI_MEASURE_COMPLETE, CRM_KPI_MEASURE_COMPLETE },
  };

  for (int p = 0; p < 2; p++)
    {
      Buckets *buckets = &self->buckets[p];

      for (guint s = 0; s < G_N_ELEMENTS (stocks); s++)
        {
          gint64 stock = measures[p * CRM_N_KPI_MEASURES + stocks[s][0]];

          for (guint b = buckets->starts->len; b-- > 0;)
            {
              gint64 *bucket = bucket_measures (buckets, b);
              gint64 flow = bucket[stocks[s][1]];

              bucket[stocks[s][0]] = stock;
              stock -= flow;
            }
        }
    }
}

CrmKpiBucket
crm_kpi_breakdown_get_bucket (CrmKpiBreakdown *self)
{
  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), CRM_KPI_BUCKET_DAY);
  return self->bucket;
}

guint
crm_kpi_breakdown_get_n_buckets (CrmKpiBreakdown *self,
                                 gboolean         previous)
{
  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), 0);
  return self->buckets[previous ? 1 : 0].starts->len;
}

/* Returns: the bucket's first second, UTC */
gint64
crm_kpi_breakdown_get_bucket_start (CrmKpiBreakdown *self,
                                    guint            bucket,
                                    gboolean         previous)
{
  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), 0);
  g_return_val_if_fail (bucket < self->buckets[previous ? 1 : 0].starts->len, 0);
  return g_array_index (self->buckets[previous ? 1 : 0].starts, gint64, bucket) * DAY;
}

/**
 * crm_kpi_breakdown_get_bucket_measures:
 *
 * Returns: the measures of one bucket that are known per day (new
 *   customers, converted, touchpoints, rated, satisfaction, orders,
 *   revenue) and the stocks at its end (customers, complete); the others
 *   are 0.
 */
const gint64 *
crm_kpi_breakdown_get_bucket_measures (CrmKpiBreakdown *self,
                                       guint            bucket,
                                       gboolean         previous)
{
  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), NULL);
  g_return_val_if_fail (bucket < self->buckets[previous ? 1 : 0].starts->len, NULL);
  return bucket_measures (&self->buckets[previous ? 1 : 0], bucket);
}

static gboolean
measure_per_bucket (CrmKpiMeasure measure)
{
  switch (measure)
    {
    case CRM_KPI_MEASURE_CUSTOMERS:
    case CRM_KPI_MEASURE_NEW_CUSTOMERS:
    case CRM_KPI_MEASURE_CONVERTED:
    case CRM_KPI_MEASURE_COMPLETE:
    case CRM_KPI_MEASURE_TOUCHPOINTS:
    case CRM_KPI_MEASURE_RATED:
    case CRM_KPI_MEASURE_SATISFACTION:
    case CRM_KPI_MEASURE_ORDERS:
    case CRM_KPI_MEASURE_REVENUE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether @kpi is made of measures known per bucket, and so has a value
 * over time (a sparkline). */
gboolean
crm_kpi_breakdown_has_kpi_over_time (CrmKpi kpi)
{
  const CrmKpiInfo *info = crm_kpi_get_info (kpi);

  return info != NULL && info->per_period && info->aggregation != CRM_KPI_AGGREGATION_OWN &&
         measure_per_bucket (info->numerator) &&
         (info->denominator == CRM_KPI_MEASURE_NONE || measure_per_bucket (info->denominator));
}

/* Returns: @kpi in one bucket, or NAN when it has no value over time */
double
crm_kpi_breakdown_get_bucket_value (CrmKpiBreakdown *self,
                                    guint            bucket,
                                    CrmKpi           kpi,
                                    gboolean         previous)
{
  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), NAN);
  if (!crm_kpi_breakdown_has_kpi_over_time (kpi))
    return NAN;
  return crm_kpi_compute (kpi, crm_kpi_breakdown_get_bucket_measures (self, bucket, previous));
}

/* Channels, in the user's order, all of them, those without touchpoints
 * too. */
guint
crm_kpi_breakdown_get_n_channels (CrmKpiBreakdown *self)
{
  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), 0);
  return self->channels->len;
}

gint64
crm_kpi_breakdown_get_channel_id (CrmKpiBreakdown *self,
                                  guint            channel)
{
  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), 0);
  g_return_val_if_fail (channel < self->channels->len, 0);
  return g_array_index (self->channels, Channel, channel).id;
}

const char *
crm_kpi_breakdown_get_channel_name (CrmKpiBreakdown *self,
                                    guint            channel)
{
  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), NULL);
  g_return_val_if_fail (channel < self->channels->len, NULL);
  return g_array_index (self->channels, Channel, channel).name;
}

/* Returns: the channel's touchpoints, rated touchpoints and the sum of
 * ratings (the other measures are 0): crm_kpi_compute() gives the
 * average satisfaction from them. */
const gint64 *
crm_kpi_breakdown_get_channel_measures (CrmKpiBreakdown *self,
                                        guint            channel,
                                        gboolean         previous)
{
  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), NULL);
  return crm_kpi_breakdown_peek_channel (self, channel, previous);
}

/* Returns: the customers who came in during the period and are now at
 * @stage */
gint64
crm_kpi_breakdown_get_stage_customers (CrmKpiBreakdown   *self,
                                       CrmLifecycleStage  stage,
                                       gboolean           previous)
{
  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), 0);
  g_return_val_if_fail ((guint) stage < N_STAGES, 0);
  return self->stages[previous ? 1 : 0][stage];
}

gint64
crm_kpi_breakdown_get_funnel_step (CrmKpiBreakdown  *self,
                                   CrmKpiFunnelStep  step,
                                   gboolean          previous)
{
  const gint64 *stages;

  g_return_val_if_fail (CRM_IS_KPI_BREAKDOWN (self), 0);
  stages = self->stages[previous ? 1 : 0];
  switch (step)
    {
    case CRM_KPI_FUNNEL_NEW:
      return stages[CRM_LIFECYCLE_STAGE_LEAD] + stages[CRM_LIFECYCLE_STAGE_PROSPECT] +
             stages[CRM_LIFECYCLE_STAGE_CUSTOMER] + stages[CRM_LIFECYCLE_STAGE_ADVOCATE] +
             stages[CRM_LIFECYCLE_STAGE_CHURNED];
    case CRM_KPI_FUNNEL_PROSPECT:
      return stages[CRM_LIFECYCLE_STAGE_PROSPECT] + stages[CRM_LIFECYCLE_STAGE_CUSTOMER] +
             stages[CRM_LIFECYCLE_STAGE_ADVOCATE] + stages[CRM_LIFECYCLE_STAGE_CHURNED];
    case CRM_KPI_FUNNEL_CUSTOMER:
      return stages[CRM_LIFECYCLE_STAGE_CUSTOMER] + stages[CRM_LIFECYCLE_STAGE_ADVOCATE] +
             stages[CRM_LIFECYCLE_STAGE_CHURNED];
    case CRM_KPI_FUNNEL_ADVOCATE:
      return stages[CRM_LIFECYCLE_STAGE_ADVOCATE];
    default:
      g_return_val_if_reached (0);
    }
}

const char *
crm_kpi_funnel_step_get_name (CrmKpiFunnelStep step)
{
  static const char * const names[] = {
    N_("New customers"), N_("Prospects"), N_("Customers"), N_("Advocates"),
  };

  g_return_val_if_fail ((guint) step < G_N_ELEMENTS (names), NULL);
  return _(names[step]);
}
