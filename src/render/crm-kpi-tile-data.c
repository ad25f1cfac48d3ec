/* crm-kpi-tile-data.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-kpi-tile-data.h"

struct _CrmKpiTileData
{
  gatomicrefcount ref_count;
  char           *title;
  CrmValueKind    kind;
  char           *currency;
  double          value;
  double          previous;
  double          target;
  gboolean        higher_is_better;
  char           *comparison;
  GArray         *sparkline;     /* double, oldest first; NAN for a gap */
};

G_DEFINE_BOXED_TYPE (CrmKpiTileData, crm_kpi_tile_data, crm_kpi_tile_data_ref, crm_kpi_tile_data_unref)

/* Attainment is capped here, as the core's KPIs cap it: far above any
 * real one, where a ratio has no bound. */
#define MAX_ATTAINMENT 10.0

/**
 * crm_kpi_tile_data_new:
 * @title: the KPI's name, translated
 *
 * A tile with no value yet (it shows a dash), no previous value, no
 * target and no sparkline, where higher is better.
 */
CrmKpiTileData *
crm_kpi_tile_data_new (const char   *title,
                       CrmValueKind  kind)
{
  CrmKpiTileData *self = g_new0 (CrmKpiTileData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (title != NULL ? title : "");
  self->kind = kind;
  self->currency = g_strdup ("");
  self->value = NAN;
  self->previous = NAN;
  self->target = NAN;
  self->higher_is_better = TRUE;
  self->sparkline = g_array_new (FALSE, FALSE, sizeof (double));
  return self;
}

CrmKpiTileData *
crm_kpi_tile_data_ref (CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
crm_kpi_tile_data_unref (CrmKpiTileData *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->title);
  g_free (self->currency);
  g_free (self->comparison);
  g_array_unref (self->sparkline);
  g_free (self);
}

const char *
crm_kpi_tile_data_get_title (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

CrmValueKind
crm_kpi_tile_data_get_kind (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, CRM_VALUE_COUNT);
  return self->kind;
}

const char *
crm_kpi_tile_data_get_currency (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->currency;
}

/* An ISO 4217 code, for %CRM_VALUE_MONEY. */
void
crm_kpi_tile_data_set_currency (CrmKpiTileData *self,
                                const char     *currency)
{
  g_return_if_fail (self != NULL);
  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "");
}

double
crm_kpi_tile_data_get_value (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->value;
}

/* The KPI in the period shown; NAN when there is nothing to measure. */
void
crm_kpi_tile_data_set_value (CrmKpiTileData *self,
                             double          value)
{
  g_return_if_fail (self != NULL);
  self->value = value;
}

double
crm_kpi_tile_data_get_previous (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->previous;
}

/* The KPI in the period before, to show the change against; NAN for none. */
void
crm_kpi_tile_data_set_previous (CrmKpiTileData *self,
                                double          previous)
{
  g_return_if_fail (self != NULL);
  self->previous = previous;
}

double
crm_kpi_tile_data_get_target (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->target;
}

/* The target for the period; NAN for none. */
void
crm_kpi_tile_data_set_target (CrmKpiTileData *self,
                              double          target)
{
  g_return_if_fail (self != NULL);
  self->target = target;
}

gboolean
crm_kpi_tile_data_get_higher_is_better (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->higher_is_better;
}

/* FALSE for a KPI that should fall: churn, complaints, time to answer. */
void
crm_kpi_tile_data_set_higher_is_better (CrmKpiTileData *self,
                                        gboolean        higher_is_better)
{
  g_return_if_fail (self != NULL);
  self->higher_is_better = !!higher_is_better;
}

/**
 * crm_kpi_tile_data_get_comparison:
 *
 * Returns: what the change is against, “vs. previous period” unless set
 */
const char *
crm_kpi_tile_data_get_comparison (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  /* Translators: after the change of a KPI, e.g. “+12.5 % vs. previous period”. */
  return self->comparison != NULL ? self->comparison : _("vs. previous period");
}

/* What the change is against, translated: “vs. March”, “vs. 2025”. */
void
crm_kpi_tile_data_set_comparison (CrmKpiTileData *self,
                                  const char     *comparison)
{
  g_return_if_fail (self != NULL);
  g_free (self->comparison);
  self->comparison = g_strdup (comparison);
}

/**
 * crm_kpi_tile_data_get_sparkline:
 *
 * Returns: (transfer none) (element-type double): the values of the last
 *   periods, oldest first, NAN where a period has none
 */
GArray *
crm_kpi_tile_data_get_sparkline (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sparkline;
}

void
crm_kpi_tile_data_set_sparkline (CrmKpiTileData *self,
                                 const double   *values,
                                 guint           n_values)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (values != NULL || n_values == 0);
  g_array_set_size (self->sparkline, 0);
  g_array_append_vals (self->sparkline, values, n_values);
}

/**
 * crm_kpi_tile_data_get_change:
 *
 * Returns: the relative change against the previous value (0.125 for
 *   12.5 % more), or NAN when there is none to compare with
 */
double
crm_kpi_tile_data_get_change (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  if (isnan (self->value) || isnan (self->previous) || self->previous == 0)
    return NAN;
  return (self->value - self->previous) / fabs (self->previous);
}

/* Whether the change is good news: a rise where higher is better, a fall
 * where lower is. */
gboolean
crm_kpi_tile_data_is_improvement (const CrmKpiTileData *self)
{
  double change;

  g_return_val_if_fail (self != NULL, FALSE);
  change = crm_kpi_tile_data_get_change (self);
  /* What shows as ±0.0 % is no change either way. */
  return !isnan (change) && fabs (change) >= 0.0005 && (self->higher_is_better ? change > 0 : change < 0);
}

/**
 * crm_kpi_tile_data_get_attainment:
 *
 * How far the value went towards the target, as the core's KPIs count
 * it (crm_kpi_attainment()): 1.0 is the target exactly; where lower is
 * better it is target ÷ value, so above 1.0 still means better than the
 * target. Capped at 10.
 *
 * Returns: the attainment, or NAN without a target or a value
 */
double
crm_kpi_tile_data_get_attainment (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  if (isnan (self->value) || isnan (self->target))
    return NAN;
  if (self->higher_is_better)
    return self->target > 0 ? MIN (self->value / self->target, MAX_ATTAINMENT) : NAN;
  if (self->value <= 0)
    return self->target >= 0 ? MAX_ATTAINMENT : NAN;
  return MIN (MAX (self->target, 0) / self->value, MAX_ATTAINMENT);
}

gboolean
crm_kpi_tile_data_is_target_met (const CrmKpiTileData *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (isnan (self->value) || isnan (self->target))
    return FALSE;
  return self->higher_is_better ? self->value >= self->target : self->value <= self->target;
}

char *
crm_kpi_tile_data_format_value (const CrmKpiTileData *self,
                                double                value)
{
  g_return_val_if_fail (self != NULL, NULL);
  return crm_value_format (value, self->kind, self->currency);
}

char *
crm_kpi_tile_data_format_compact (const CrmKpiTileData *self,
                                  double                value)
{
  g_return_val_if_fail (self != NULL, NULL);
  return crm_value_format_compact (value, self->kind, self->currency);
}

/**
 * crm_kpi_tile_data_describe:
 *
 * The tile in words, for a screen reader: the title and value, the
 * change and whether it is better or worse, and the target.
 */
char *
crm_kpi_tile_data_describe (const CrmKpiTileData *self)
{
  g_autofree char *value = NULL;
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);
  value = crm_kpi_tile_data_format_value (self, self->value);
  text = g_string_new (NULL);
  /* Translators: a KPI and its value, e.g. “Revenue: 12,500.00 €”. */
  g_string_append_printf (text, _("%s: %s"), self->title, value);
  if (!isnan (crm_kpi_tile_data_get_change (self)))
    {
      g_autofree char *change = crm_value_format_change (self->value, self->previous);

      g_string_append (text, ", ");
      g_string_append_printf (text, fabs (crm_kpi_tile_data_get_change (self)) < 0.0005
                                    /* Translators: a KPI's change and what it is against, when it did not change: “±0.0 % vs. March, unchanged”. */
                                    ? _("%s %s, unchanged")
                                    : crm_kpi_tile_data_is_improvement (self)
                                    /* Translators: a KPI's change, what it is against and that it is good news: “+12.5 % vs. March, better”. */
                                    ? _("%s %s, better")
                                    /* Translators: a KPI's change, what it is against and that it is bad news: “−3.0 % vs. March, worse”. */
                                    : _("%s %s, worse"),
                              change, crm_kpi_tile_data_get_comparison (self));
    }
  if (!isnan (crm_kpi_tile_data_get_attainment (self)))
    {
      g_autofree char *attainment = crm_value_format (crm_kpi_tile_data_get_attainment (self), CRM_VALUE_PERCENT, NULL);
      g_autofree char *target = crm_kpi_tile_data_format_value (self, self->target);

      g_string_append (text, ", ");
      g_string_append_printf (text, crm_kpi_tile_data_is_target_met (self)
                                    /* Translators: how far a KPI reached its target, and the target: “104.2 % of the target of 1,000, met”. */
                                    ? _("%s of the target of %s, met")
                                    /* Translators: how far a KPI reached its target, and the target: “82.0 % of the target of 1,000, missed”. */
                                    : _("%s of the target of %s, missed"),
                              attainment, target);
    }
  return g_string_free (text, FALSE);
}
