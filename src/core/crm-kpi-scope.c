/* crm-kpi-scope.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-kpi-scope.h"
#include "crm-utils.h"

struct _CrmKpiScope
{
  CrmKpiLevel  level;
  char        *region;      /* NULL when not narrowed by it; "" is a value */
  char        *segment;
  char        *owner;
  gint64       customer_id; /* 0 above the customer level */
  char        *customer_name;
};

G_DEFINE_BOXED_TYPE (CrmKpiScope, crm_kpi_scope, crm_kpi_scope_copy, crm_kpi_scope_free)

CrmKpiScope *
crm_kpi_scope_new_company (void)
{
  CrmKpiScope *self = g_new0 (CrmKpiScope, 1);

  self->level = CRM_KPI_LEVEL_COMPANY;
  self->customer_name = g_strdup ("");
  return self;
}

CrmKpiScope *
crm_kpi_scope_copy (const CrmKpiScope *self)
{
  CrmKpiScope *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CrmKpiScope, 1);
  copy->level = self->level;
  copy->region = g_strdup (self->region);
  copy->segment = g_strdup (self->segment);
  copy->owner = g_strdup (self->owner);
  copy->customer_id = self->customer_id;
  copy->customer_name = g_strdup (self->customer_name);
  return copy;
}

void
crm_kpi_scope_free (CrmKpiScope *self)
{
  if (self == NULL)
    return;
  g_free (self->region);
  g_free (self->segment);
  g_free (self->owner);
  g_free (self->customer_name);
  g_free (self);
}

/**
 * crm_kpi_scope_can_drill:
 *
 * Whether @level is one level down from @self: a region or a segment
 * below the company, an owner below either, a customer below an owner.
 */
gboolean
crm_kpi_scope_can_drill (const CrmKpiScope *self,
                         CrmKpiLevel        level)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->level)
    {
    case CRM_KPI_LEVEL_COMPANY:
      return level == CRM_KPI_LEVEL_REGION || level == CRM_KPI_LEVEL_SEGMENT;
    case CRM_KPI_LEVEL_REGION:
    case CRM_KPI_LEVEL_SEGMENT:
      return level == CRM_KPI_LEVEL_OWNER;
    case CRM_KPI_LEVEL_OWNER:
      return level == CRM_KPI_LEVEL_CUSTOMER;
    case CRM_KPI_LEVEL_CUSTOMER:
    default:
      return FALSE;
    }
}

/**
 * crm_kpi_scope_get_default_child_level:
 *
 * Returns: the level a click drills into, or the scope's own level for a
 *   customer, which has none below
 */
CrmKpiLevel
crm_kpi_scope_get_default_child_level (const CrmKpiScope *self)
{
  g_return_val_if_fail (self != NULL, CRM_KPI_LEVEL_COMPANY);

  switch (self->level)
    {
    case CRM_KPI_LEVEL_COMPANY:
      return CRM_KPI_LEVEL_REGION;
    case CRM_KPI_LEVEL_REGION:
    case CRM_KPI_LEVEL_SEGMENT:
      return CRM_KPI_LEVEL_OWNER;
    default:
      return CRM_KPI_LEVEL_CUSTOMER;
    }
}

/**
 * crm_kpi_scope_new_child:
 * @level: region, segment or owner, one level below @parent
 * @key: the region, segment or owner
 *
 * Returns: (transfer full): @parent narrowed to @key
 */
CrmKpiScope *
crm_kpi_scope_new_child (const CrmKpiScope *parent,
                         CrmKpiLevel        level,
                         const char        *key)
{
  CrmKpiScope *self;

  g_return_val_if_fail (parent != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (level != CRM_KPI_LEVEL_CUSTOMER, NULL);
  g_return_val_if_fail (crm_kpi_scope_can_drill (parent, level), NULL);

  self = crm_kpi_scope_copy (parent);
  self->level = level;
  if (level == CRM_KPI_LEVEL_REGION)
    crm_set_string (&self->region, key);
  else if (level == CRM_KPI_LEVEL_SEGMENT)
    crm_set_string (&self->segment, key);
  else
    crm_set_string (&self->owner, key);
  return self;
}

/**
 * crm_kpi_scope_new_customer:
 * @parent: an owner's scope
 * @name: (nullable): what breadcrumbs show
 *
 * Returns: (transfer full): one customer of @parent
 */
CrmKpiScope *
crm_kpi_scope_new_customer (const CrmKpiScope *parent,
                            gint64             customer_id,
                            const char        *name)
{
  CrmKpiScope *self;

  g_return_val_if_fail (parent != NULL, NULL);
  g_return_val_if_fail (customer_id > 0, NULL);
  g_return_val_if_fail (crm_kpi_scope_can_drill (parent, CRM_KPI_LEVEL_CUSTOMER), NULL);

  self = crm_kpi_scope_copy (parent);
  self->level = CRM_KPI_LEVEL_CUSTOMER;
  self->customer_id = customer_id;
  crm_set_string (&self->customer_name, name ? name : "");
  return self;
}

CrmKpiLevel
crm_kpi_scope_get_level (const CrmKpiScope *self)
{
  g_return_val_if_fail (self != NULL, CRM_KPI_LEVEL_COMPANY);
  return self->level;
}

const char *
crm_kpi_scope_get_region (const CrmKpiScope *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->region;
}

const char *
crm_kpi_scope_get_segment (const CrmKpiScope *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->segment;
}

const char *
crm_kpi_scope_get_owner (const CrmKpiScope *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->owner;
}

gint64
crm_kpi_scope_get_customer_id (const CrmKpiScope *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->customer_id;
}

/**
 * crm_kpi_scope_get_region:
 *
 * The getters of the conditions return %NULL where the scope is not
 * narrowed by them, and "" for customers without a region, segment or
 * owner.
 */

static const char *
label_of (const char *value)
{
  return value == NULL ? "" : value[0] != '\0' ? value : _("Unassigned");
}

/**
 * crm_kpi_scope_get_label:
 *
 * Returns: what a breadcrumb shows for the scope: "Company", the region,
 *   segment or owner, or the customer's name
 */
const char *
crm_kpi_scope_get_label (const CrmKpiScope *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->level)
    {
    case CRM_KPI_LEVEL_COMPANY:
      return _("Company");
    case CRM_KPI_LEVEL_REGION:
      return label_of (self->region);
    case CRM_KPI_LEVEL_SEGMENT:
      return label_of (self->segment);
    case CRM_KPI_LEVEL_OWNER:
      return label_of (self->owner);
    case CRM_KPI_LEVEL_CUSTOMER:
    default:
      return self->customer_name;
    }
}

/**
 * crm_kpi_scope_get_parent:
 *
 * Returns: (transfer full) (nullable): the scope one level up, for the
 *   breadcrumbs; %NULL for the company
 */
CrmKpiScope *
crm_kpi_scope_get_parent (const CrmKpiScope *self)
{
  CrmKpiScope *parent;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->level == CRM_KPI_LEVEL_COMPANY)
    return NULL;

  parent = crm_kpi_scope_copy (self);
  switch (self->level)
    {
    case CRM_KPI_LEVEL_CUSTOMER:
      parent->customer_id = 0;
      crm_set_string (&parent->customer_name, "");
      parent->level = CRM_KPI_LEVEL_OWNER;
      break;
    case CRM_KPI_LEVEL_OWNER:
      g_clear_pointer (&parent->owner, g_free);
      parent->level = self->region != NULL ? CRM_KPI_LEVEL_REGION : CRM_KPI_LEVEL_SEGMENT;
      break;
    default:
      g_clear_pointer (&parent->region, g_free);
      g_clear_pointer (&parent->segment, g_free);
      parent->level = CRM_KPI_LEVEL_COMPANY;
      break;
    }
  return parent;
}

static void
append_part (GString    *key,
             const char *name,
             const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_uri_escape_string (value, NULL, TRUE);
  g_string_append_printf (key, "%s%s=%s", key->len ? "/" : "", name, escaped);
}

/**
 * crm_kpi_scope_to_key:
 *
 * Returns: (transfer full): the scope as one stable string, how targets
 *   name it: "" for the company, "region=Europe/owner=Julien%20Moreau", …
 *   (a customer by id only, so a renamed owner does not lose the target)
 */
char *
crm_kpi_scope_to_key (const CrmKpiScope *self)
{
  GString *key;

  g_return_val_if_fail (self != NULL, NULL);

  key = g_string_new (NULL);
  if (self->customer_id > 0)
    {
      g_string_append_printf (key, "customer=%" G_GINT64_FORMAT, self->customer_id);
      return g_string_free (key, FALSE);
    }
  append_part (key, "region", self->region);
  append_part (key, "segment", self->segment);
  append_part (key, "owner", self->owner);
  return g_string_free (key, FALSE);
}

gboolean
crm_kpi_scope_equal (const CrmKpiScope *a,
                     const CrmKpiScope *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->level == b->level && a->customer_id == b->customer_id &&
         g_strcmp0 (a->region, b->region) == 0 && g_strcmp0 (a->segment, b->segment) == 0 &&
         g_strcmp0 (a->owner, b->owner) == 0;
}
