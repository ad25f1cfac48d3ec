/* crm-customer-query.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-customer-query.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmCustomerQuery
{
  GObject parent_instance;
  CrmCustomerSort sort;
  gboolean descending;
  char *search;
  char *segment;
  char *owner;
  char *tag;
  int lifecycle_stage;
  int rfm_segment;
};

G_DEFINE_FINAL_TYPE (CrmCustomerQuery, crm_customer_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SORT,
  PROP_DESCENDING,
  PROP_SEARCH,
  PROP_SEGMENT,
  PROP_OWNER,
  PROP_TAG,
  PROP_LIFECYCLE_STAGE,
  PROP_RFM_SEGMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_customer_query_finalize (GObject *object)
{
  CrmCustomerQuery *self = (CrmCustomerQuery *) object;

  g_free (self->search);
  g_free (self->segment);
  g_free (self->owner);
  g_free (self->tag);

  G_OBJECT_CLASS (crm_customer_query_parent_class)->finalize (object);
}

static void
crm_customer_query_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrmCustomerQuery *self = CRM_CUSTOMER_QUERY (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;
    case PROP_LIFECYCLE_STAGE:
      g_value_set_int (value, self->lifecycle_stage);
      break;
    case PROP_RFM_SEGMENT:
      g_value_set_int (value, self->rfm_segment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_query_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrmCustomerQuery *self = CRM_CUSTOMER_QUERY (object);

  switch (prop_id)
    {
    case PROP_SORT:
      crm_customer_query_set_sort (self, g_value_get_enum (value));
      break;
    case PROP_DESCENDING:
      crm_customer_query_set_descending (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCH:
      crm_customer_query_set_search (self, g_value_get_string (value));
      break;
    case PROP_SEGMENT:
      crm_customer_query_set_segment (self, g_value_get_string (value));
      break;
    case PROP_OWNER:
      crm_customer_query_set_owner (self, g_value_get_string (value));
      break;
    case PROP_TAG:
      crm_customer_query_set_tag (self, g_value_get_string (value));
      break;
    case PROP_LIFECYCLE_STAGE:
      crm_customer_query_set_lifecycle_stage (self, g_value_get_int (value));
      break;
    case PROP_RFM_SEGMENT:
      crm_customer_query_set_rfm_segment (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_query_class_init (CrmCustomerQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_customer_query_finalize;
  object_class->get_property = crm_customer_query_get_property;
  object_class->set_property = crm_customer_query_set_property;

  /* The column the list is sorted by. */
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, CRM_TYPE_CUSTOMER_SORT, CRM_CUSTOMER_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the order is reversed. */
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the user typed into the search entry. */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Only customers in this segment; empty for all. */
  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Only customers of this owner; empty for all. */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Only customers with this tag; empty for all. */
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Only customers in this lifecycle stage; -1 for all. */
  properties[PROP_LIFECYCLE_STAGE] =
    g_param_spec_int ("lifecycle-stage", NULL, NULL, -1, CRM_LIFECYCLE_STAGE_CHURNED, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Only customers in this RFM segment (a CrmRfmSegment); -1 for all. */
  properties[PROP_RFM_SEGMENT] =
    g_param_spec_int ("rfm-segment", NULL, NULL, -1, CRM_RFM_SEGMENT_LOST, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_customer_query_init (CrmCustomerQuery *self)
{
  self->sort = CRM_CUSTOMER_SORT_NAME;
  self->search = g_strdup ("");
  self->segment = g_strdup ("");
  self->owner = g_strdup ("");
  self->tag = g_strdup ("");
  self->lifecycle_stage = -1;
  self->rfm_segment = -1;
}

CrmCustomerQuery *
crm_customer_query_new (void)
{
  return g_object_new (CRM_TYPE_CUSTOMER_QUERY, NULL);
}

CrmCustomerSort
crm_customer_query_get_sort (CrmCustomerQuery *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_QUERY (self), CRM_CUSTOMER_SORT_NAME);
  return self->sort;
}

void
crm_customer_query_set_sort (CrmCustomerQuery *self,
                            CrmCustomerSort sort)
{
  g_return_if_fail (CRM_IS_CUSTOMER_QUERY (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

gboolean
crm_customer_query_get_descending (CrmCustomerQuery *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_QUERY (self), FALSE);
  return self->descending;
}

void
crm_customer_query_set_descending (CrmCustomerQuery *self,
                                  gboolean descending)
{
  g_return_if_fail (CRM_IS_CUSTOMER_QUERY (self));

  descending = !!descending;
  if (self->descending == descending)
    return;
  self->descending = descending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
}

const char *
crm_customer_query_get_search (CrmCustomerQuery *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_QUERY (self), NULL);
  return self->search;
}

void
crm_customer_query_set_search (CrmCustomerQuery *self,
                              const char * search)
{
  g_return_if_fail (CRM_IS_CUSTOMER_QUERY (self));

  if (crm_set_string (&self->search, search))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
crm_customer_query_get_segment (CrmCustomerQuery *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_QUERY (self), NULL);
  return self->segment;
}

void
crm_customer_query_set_segment (CrmCustomerQuery *self,
                               const char * segment)
{
  g_return_if_fail (CRM_IS_CUSTOMER_QUERY (self));

  if (crm_set_string (&self->segment, segment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

const char *
crm_customer_query_get_owner (CrmCustomerQuery *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_QUERY (self), NULL);
  return self->owner;
}

void
crm_customer_query_set_owner (CrmCustomerQuery *self,
                             const char * owner)
{
  g_return_if_fail (CRM_IS_CUSTOMER_QUERY (self));

  if (crm_set_string (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
crm_customer_query_get_tag (CrmCustomerQuery *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_QUERY (self), NULL);
  return self->tag;
}

void
crm_customer_query_set_tag (CrmCustomerQuery *self,
                           const char * tag)
{
  g_return_if_fail (CRM_IS_CUSTOMER_QUERY (self));

  if (crm_set_string (&self->tag, tag))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

int
crm_customer_query_get_lifecycle_stage (CrmCustomerQuery *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_QUERY (self), 0);
  return self->lifecycle_stage;
}

void
crm_customer_query_set_lifecycle_stage (CrmCustomerQuery *self,
                                       int lifecycle_stage)
{
  g_return_if_fail (CRM_IS_CUSTOMER_QUERY (self));

  g_return_if_fail (lifecycle_stage >= -1 && lifecycle_stage <= CRM_LIFECYCLE_STAGE_CHURNED);
  if (self->lifecycle_stage == lifecycle_stage)
    return;
  self->lifecycle_stage = lifecycle_stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIFECYCLE_STAGE]);
}

int
crm_customer_query_get_rfm_segment (CrmCustomerQuery *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_QUERY (self), -1);
  return self->rfm_segment;
}

void
crm_customer_query_set_rfm_segment (CrmCustomerQuery *self,
                                    int               rfm_segment)
{
  g_return_if_fail (CRM_IS_CUSTOMER_QUERY (self));
  g_return_if_fail (rfm_segment >= -1 && rfm_segment <= CRM_RFM_SEGMENT_LOST);

  if (self->rfm_segment == rfm_segment)
    return;
  self->rfm_segment = rfm_segment;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RFM_SEGMENT]);
}

/**
 * crm_customer_query_copy:
 *
 * A query with the same criteria and order, for another thread to run
 * while this one goes on changing.
 *
 * Returns: (transfer full): the copy
 */
CrmCustomerQuery *
crm_customer_query_copy (CrmCustomerQuery *self)
{
  CrmCustomerQuery *copy;

  g_return_val_if_fail (CRM_IS_CUSTOMER_QUERY (self), NULL);

  copy = crm_customer_query_new ();
  crm_customer_query_set_sort (copy, self->sort);
  crm_customer_query_set_descending (copy, self->descending);
  crm_customer_query_set_search (copy, self->search);
  crm_customer_query_set_segment (copy, self->segment);
  crm_customer_query_set_owner (copy, self->owner);
  crm_customer_query_set_tag (copy, self->tag);
  crm_customer_query_set_lifecycle_stage (copy, self->lifecycle_stage);
  crm_customer_query_set_rfm_segment (copy, self->rfm_segment);
  return copy;
}
