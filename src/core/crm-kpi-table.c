/* crm-kpi-table.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crm-kpi-table-private.h"

typedef struct
{
  CrmKpiScope *scope;      /* NULL for the rest row */
  char        *label;
  gint64       current[CRM_N_KPI_MEASURES];
  gint64       previous[CRM_N_KPI_MEASURES];
} Row;

struct _CrmKpiTable
{
  GObject      parent_instance;
  CrmKpiScope *scope;
  CrmPeriod   *period;
  CrmPeriod   *previous_period;
  CrmKpiLevel  child_level;
  Row          self_row;
  GArray      *children;   /* of Row */
  double       targets[2][CRM_N_KPIS];  /* current, previous; NAN for none */
  CrmKpiBreakdown *breakdown;           /* NULL for the audit */
};

G_DEFINE_FINAL_TYPE (CrmKpiTable, crm_kpi_table, G_TYPE_OBJECT)

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->scope, crm_kpi_scope_free);
  g_clear_pointer (&row->label, g_free);
}

static void
crm_kpi_table_finalize (GObject *object)
{
  CrmKpiTable *self = (CrmKpiTable *) object;

  crm_kpi_scope_free (self->scope);
  crm_period_free (self->period);
  crm_period_free (self->previous_period);
  clear_row (&self->self_row);
  g_array_unref (self->children);
  g_clear_object (&self->breakdown);

  G_OBJECT_CLASS (crm_kpi_table_parent_class)->finalize (object);
}

static void
crm_kpi_table_class_init (CrmKpiTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_kpi_table_finalize;
}

static void
crm_kpi_table_init (CrmKpiTable *self)
{
  self->children = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->children, clear_row);
  for (guint p = 0; p < 2; p++)
    for (guint k = 0; k < CRM_N_KPIS; k++)
      self->targets[p][k] = NAN;
}

CrmKpiTable *
crm_kpi_table_new (const CrmKpiScope *scope,
                   const CrmPeriod   *period,
                   CrmKpiLevel        child_level)
{
  CrmKpiTable *self = g_object_new (CRM_TYPE_KPI_TABLE, NULL);

  self->scope = crm_kpi_scope_copy (scope);
  self->period = crm_period_copy (period);
  self->previous_period = crm_period_get_previous (period);
  self->child_level = child_level;
  self->self_row.label = g_strdup (crm_kpi_scope_get_label (scope));
  return self;
}

/* Takes @scope; NULL makes the row of "everyone else". */
guint
crm_kpi_table_add_child (CrmKpiTable *self,
                         CrmKpiScope *scope,
                         const char  *label)
{
  Row row = { scope, g_strdup (label) };

  g_array_append_val (self->children, row);
  return self->children->len - 1;
}

static Row *
get_row (CrmKpiTable *self,
         int          child)
{
  if (child == CRM_KPI_TABLE_SCOPE)
    return &self->self_row;
  g_return_val_if_fail (child >= 0 && (guint) child < self->children->len, NULL);
  return &g_array_index (self->children, Row, child);
}

gint64 *
crm_kpi_table_peek_measures (CrmKpiTable *self,
                             int          child,
                             gboolean     previous)
{
  Row *row = get_row (self, child);

  return previous ? row->previous : row->current;
}

void
crm_kpi_table_set_target (CrmKpiTable *self,
                          CrmKpi       kpi,
                          double       target,
                          gboolean     previous)
{
  self->targets[previous ? 1 : 0][kpi] = target;
}

/* Works out what follows from the measures: the lost customers, and the
 * targets the scope met. */
void
crm_kpi_table_finish (CrmKpiTable *self)
{
  for (int child = CRM_KPI_TABLE_SCOPE; child < (int) self->children->len; child++)
    for (guint p = 0; p < 2; p++)
      {
        gint64 *m = crm_kpi_table_peek_measures (self, child, p);

        m[CRM_KPI_MEASURE_LOST] = m[CRM_KPI_MEASURE_ACTIVE_BEFORE] - m[CRM_KPI_MEASURE_RETAINED];
      }

  for (guint p = 0; p < 2; p++)
    {
      gint64 *m = crm_kpi_table_peek_measures (self, CRM_KPI_TABLE_SCOPE, p);

      m[CRM_KPI_MEASURE_TARGETS] = m[CRM_KPI_MEASURE_TARGETS_MET] = 0;
      for (guint k = 0; k < CRM_N_KPIS; k++)
        {
          if (k == CRM_KPI_TARGET_ATTAINMENT || isnan (self->targets[p][k]))
            continue;
          m[CRM_KPI_MEASURE_TARGETS]++;
          if (crm_kpi_target_met (k, self->targets[p][k], crm_kpi_compute (k, m)))
            m[CRM_KPI_MEASURE_TARGETS_MET]++;
        }
    }
}

const CrmKpiScope *
crm_kpi_table_get_scope (CrmKpiTable *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), NULL);
  return self->scope;
}

const CrmPeriod *
crm_kpi_table_get_period (CrmKpiTable *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), NULL);
  return self->period;
}

const CrmPeriod *
crm_kpi_table_get_previous_period (CrmKpiTable *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), NULL);
  return self->previous_period;
}

CrmKpiLevel
crm_kpi_table_get_child_level (CrmKpiTable *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), CRM_KPI_LEVEL_COMPANY);
  return self->child_level;
}

guint
crm_kpi_table_get_n_children (CrmKpiTable *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), 0);
  return self->children->len;
}

/**
 * crm_kpi_table_get_child_scope:
 *
 * Returns: (nullable): the scope a click on the child drills into, or
 *   %NULL for the row of the remaining customers
 */
const CrmKpiScope *
crm_kpi_table_get_child_scope (CrmKpiTable *self,
                               guint        child)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), NULL);
  g_return_val_if_fail (child < self->children->len, NULL);
  return g_array_index (self->children, Row, child).scope;
}

const char *
crm_kpi_table_get_child_label (CrmKpiTable *self,
                               guint        child)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), NULL);
  g_return_val_if_fail (child < self->children->len, NULL);
  return g_array_index (self->children, Row, child).label;
}

/**
 * crm_kpi_table_get_child_is_rest:
 *
 * Whether the child is the row of the customers beyond the top ones that
 * were asked for: the scope less the other children, so that all rows
 * still add up.
 */
gboolean
crm_kpi_table_get_child_is_rest (CrmKpiTable *self,
                                 guint        child)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), FALSE);
  g_return_val_if_fail (child < self->children->len, FALSE);
  return g_array_index (self->children, Row, child).scope == NULL;
}

/**
 * crm_kpi_table_get_measures:
 * @child: a child's index, or %CRM_KPI_TABLE_SCOPE
 * @previous: the previous period's instead of the period's
 *
 * Returns: (array fixed-size=CRM_N_KPI_MEASURES): the row's measures
 */
const gint64 *
crm_kpi_table_get_measures (CrmKpiTable *self,
                            int          child,
                            gboolean     previous)
{
  Row *row;

  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), NULL);
  row = get_row (self, child);
  g_return_val_if_fail (row != NULL, NULL);
  return previous ? row->previous : row->current;
}

double
crm_kpi_table_get_value (CrmKpiTable *self,
                         int          child,
                         CrmKpi       kpi,
                         gboolean     previous)
{
  const gint64 *measures = crm_kpi_table_get_measures (self, child, previous);

  g_return_val_if_fail (measures != NULL, NAN);
  if (kpi == CRM_KPI_TARGET_ATTAINMENT && child != CRM_KPI_TABLE_SCOPE)
    return NAN;
  return crm_kpi_compute (kpi, measures);
}

/**
 * crm_kpi_table_get_target:
 * @target: (out): the target of the scope for the period
 *
 * Returns: whether the KPI has a target for the scope and period
 */
gboolean
crm_kpi_table_get_target (CrmKpiTable *self,
                          CrmKpi       kpi,
                          double      *target)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), FALSE);
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, FALSE);

  if (target != NULL)
    *target = self->targets[0][kpi];
  return !isnan (self->targets[0][kpi]);
}

/**
 * crm_kpi_table_get_attainment:
 *
 * Returns: the scope's attainment of the KPI's target in the period (see
 *   crm_kpi_attainment()), or NAN without a target
 */
double
crm_kpi_table_get_attainment (CrmKpiTable *self,
                              CrmKpi       kpi)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), NAN);
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, NAN);

  return crm_kpi_attainment (kpi, self->targets[0][kpi],
                             crm_kpi_table_get_value (self, CRM_KPI_TABLE_SCOPE, kpi, FALSE));
}

void
crm_kpi_table_set_breakdown (CrmKpiTable     *self,
                             CrmKpiBreakdown *breakdown)
{
  g_set_object (&self->breakdown, breakdown);
}

/**
 * crm_kpi_table_get_breakdown:
 *
 * Returns: (transfer none) (nullable): the scope's period over time, by
 *   channel and by lifecycle stage; %NULL for the audit's tables
 */
CrmKpiBreakdown *
crm_kpi_table_get_breakdown (CrmKpiTable *self)
{
  g_return_val_if_fail (CRM_IS_KPI_TABLE (self), NULL);
  return self->breakdown;
}
