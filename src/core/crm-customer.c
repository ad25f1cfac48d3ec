/* crm-customer.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-customer.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmCustomer
{
  GObject parent_instance;
  gint64 id;
  char *uid;
  CrmCustomerKind kind;
  char *given_name;
  char *family_name;
  char *display_name;
  char *organization;
  char *title;
  char *owner;
  char *region;
  char *segment;
  CrmLifecycleStage lifecycle_stage;
  char **tags;
  char *notes;
  char **vcard_properties;
  gint64 created_at;
  gint64 updated_at;
  GPtrArray *contact_points;
  GPtrArray *addresses;
  GPtrArray *external_ids;
};

G_DEFINE_FINAL_TYPE (CrmCustomer, crm_customer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_KIND,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_DISPLAY_NAME,
  PROP_ORGANIZATION,
  PROP_TITLE,
  PROP_OWNER,
  PROP_REGION,
  PROP_SEGMENT,
  PROP_LIFECYCLE_STAGE,
  PROP_TAGS,
  PROP_NOTES,
  PROP_VCARD_PROPERTIES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_customer_finalize (GObject *object)
{
  CrmCustomer *self = (CrmCustomer *) object;

  g_free (self->uid);
  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->display_name);
  g_free (self->organization);
  g_free (self->title);
  g_free (self->owner);
  g_free (self->region);
  g_free (self->segment);
  g_strfreev (self->tags);
  g_free (self->notes);
  g_strfreev (self->vcard_properties);
  g_clear_pointer (&self->contact_points, g_ptr_array_unref);
  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  g_clear_pointer (&self->external_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_customer_parent_class)->finalize (object);
}

static void
crm_customer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrmCustomer *self = CRM_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;
    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;
    case PROP_LIFECYCLE_STAGE:
      g_value_set_enum (value, self->lifecycle_stage);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_VCARD_PROPERTIES:
      g_value_set_boxed (value, self->vcard_properties);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CrmCustomer *self = CRM_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_customer_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UID:
      crm_customer_set_uid (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      crm_customer_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_GIVEN_NAME:
      crm_customer_set_given_name (self, g_value_get_string (value));
      break;
    case PROP_FAMILY_NAME:
      crm_customer_set_family_name (self, g_value_get_string (value));
      break;
    case PROP_DISPLAY_NAME:
      crm_customer_set_display_name (self, g_value_get_string (value));
      break;
    case PROP_ORGANIZATION:
      crm_customer_set_organization (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      crm_customer_set_title (self, g_value_get_string (value));
      break;
    case PROP_OWNER:
      crm_customer_set_owner (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      crm_customer_set_region (self, g_value_get_string (value));
      break;
    case PROP_SEGMENT:
      crm_customer_set_segment (self, g_value_get_string (value));
      break;
    case PROP_LIFECYCLE_STAGE:
      crm_customer_set_lifecycle_stage (self, g_value_get_enum (value));
      break;
    case PROP_TAGS:
      crm_customer_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_NOTES:
      crm_customer_set_notes (self, g_value_get_string (value));
      break;
    case PROP_VCARD_PROPERTIES:
      crm_customer_set_vcard_properties (self, g_value_get_boxed (value));
      break;
    case PROP_CREATED_AT:
      crm_customer_set_created_at (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_AT:
      crm_customer_set_updated_at (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_class_init (CrmCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_customer_finalize;
  object_class->get_property = crm_customer_get_property;
  object_class->set_property = crm_customer_set_property;

  /* Row id in the store; 0 until the customer has been saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The unified customer ID; the store assigns one on first save when empty. */
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Person or organization. */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CRM_TYPE_CUSTOMER_KIND, CRM_CUSTOMER_KIND_PERSON,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Given name (vCard N, second component). */
  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Family name (vCard N, first component). */
  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The full name as shown (vCard FN). */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Company or organization (vCard ORG). */
  properties[PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Job title (vCard TITLE). */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The account owner inside the company. */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The sales region, the level between company and owner. */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Customer segment. */
  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Lead, prospect, customer, advocate or churned. */
  properties[PROP_LIFECYCLE_STAGE] =
    g_param_spec_enum ("lifecycle-stage", NULL, NULL, CRM_TYPE_LIFECYCLE_STAGE, CRM_LIFECYCLE_STAGE_LEAD,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Free-form tags (vCard CATEGORIES). */
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Free-form notes (vCard NOTE). */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* vCard properties Touchpoint does not model, each an unfolded content line exactly as read. */
  properties[PROP_VCARD_PROPERTIES] =
    g_param_spec_boxed ("vcard-properties", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* When the customer was created, Unix seconds (UTC). */
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* When the customer was last changed, Unix seconds (UTC). */
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_customer_init (CrmCustomer *self)
{
  self->uid = g_strdup ("");
  self->kind = CRM_CUSTOMER_KIND_PERSON;
  self->given_name = g_strdup ("");
  self->family_name = g_strdup ("");
  self->display_name = g_strdup ("");
  self->organization = g_strdup ("");
  self->title = g_strdup ("");
  self->owner = g_strdup ("");
  self->region = g_strdup ("");
  self->segment = g_strdup ("");
  self->lifecycle_stage = CRM_LIFECYCLE_STAGE_LEAD;
  self->tags = g_new0 (char *, 1);
  self->notes = g_strdup ("");
  self->vcard_properties = g_new0 (char *, 1);
  self->contact_points = g_ptr_array_new_with_free_func (g_object_unref);
  self->addresses = g_ptr_array_new_with_free_func (g_object_unref);
  self->external_ids = g_ptr_array_new_with_free_func (g_object_unref);
}

CrmCustomer *
crm_customer_new (void)
{
  return g_object_new (CRM_TYPE_CUSTOMER, NULL);
}

gint64
crm_customer_get_id (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);
  return self->id;
}

void
crm_customer_set_id (CrmCustomer *self,
                    gint64 id)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  g_return_if_fail (id >= 0);
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
crm_customer_get_uid (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->uid;
}

void
crm_customer_set_uid (CrmCustomer *self,
                     const char * uid)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_string (&self->uid, uid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

CrmCustomerKind
crm_customer_get_kind (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_CUSTOMER_KIND_PERSON);
  return self->kind;
}

void
crm_customer_set_kind (CrmCustomer *self,
                      CrmCustomerKind kind)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
crm_customer_get_given_name (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->given_name;
}

void
crm_customer_set_given_name (CrmCustomer *self,
                            const char * given_name)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_string (&self->given_name, given_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
}

const char *
crm_customer_get_family_name (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->family_name;
}

void
crm_customer_set_family_name (CrmCustomer *self,
                             const char * family_name)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_string (&self->family_name, family_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
}

const char *
crm_customer_get_display_name (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->display_name;
}

void
crm_customer_set_display_name (CrmCustomer *self,
                              const char * display_name)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_string (&self->display_name, display_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
crm_customer_get_organization (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->organization;
}

void
crm_customer_set_organization (CrmCustomer *self,
                              const char * organization)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_string (&self->organization, organization))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION]);
}

const char *
crm_customer_get_title (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->title;
}

void
crm_customer_set_title (CrmCustomer *self,
                       const char * title)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
crm_customer_get_owner (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->owner;
}

void
crm_customer_set_owner (CrmCustomer *self,
                       const char * owner)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_string (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
crm_customer_get_region (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->region;
}

void
crm_customer_set_region (CrmCustomer *self,
                        const char * region)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_string (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

const char *
crm_customer_get_segment (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->segment;
}

void
crm_customer_set_segment (CrmCustomer *self,
                         const char * segment)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_string (&self->segment, segment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

CrmLifecycleStage
crm_customer_get_lifecycle_stage (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_LIFECYCLE_STAGE_LEAD);
  return self->lifecycle_stage;
}

void
crm_customer_set_lifecycle_stage (CrmCustomer *self,
                                 CrmLifecycleStage lifecycle_stage)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (self->lifecycle_stage == lifecycle_stage)
    return;
  self->lifecycle_stage = lifecycle_stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIFECYCLE_STAGE]);
}

const char * const *
crm_customer_get_tags (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return (const char * const *) self->tags;
}

void
crm_customer_set_tags (CrmCustomer *self,
                      const char * const *tags)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_strv (&self->tags, tags))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

const char *
crm_customer_get_notes (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->notes;
}

void
crm_customer_set_notes (CrmCustomer *self,
                       const char * notes)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char * const *
crm_customer_get_vcard_properties (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return (const char * const *) self->vcard_properties;
}

void
crm_customer_set_vcard_properties (CrmCustomer *self,
                                  const char * const *vcard_properties)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_set_strv (&self->vcard_properties, vcard_properties))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VCARD_PROPERTIES]);
}

gint64
crm_customer_get_created_at (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);
  return self->created_at;
}

void
crm_customer_set_created_at (CrmCustomer *self,
                            gint64 created_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  g_return_if_fail (created_at >= 0);
  if (self->created_at == created_at)
    return;
  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
crm_customer_get_updated_at (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);
  return self->updated_at;
}

void
crm_customer_set_updated_at (CrmCustomer *self,
                            gint64 updated_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  g_return_if_fail (updated_at >= 0);
  if (self->updated_at == updated_at)
    return;
  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/**
 * crm_customer_get_contact_points:
 *
 * Returns: (transfer none) (element-type CrmContactPoint): the e-mail
 *   addresses, phone numbers and web addresses, in the user's order.
 */
GPtrArray *
crm_customer_get_contact_points (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->contact_points;
}

void
crm_customer_add_contact_point (CrmCustomer     *self,
                                CrmContactPoint *point)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (CRM_IS_CONTACT_POINT (point));

  g_ptr_array_add (self->contact_points, g_object_ref (point));
}

void
crm_customer_clear_contact_points (CrmCustomer *self)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_ptr_array_set_size (self->contact_points, 0);
}

/* The value to use when the customer is reached through one kind of contact:
 * the first one marked preferred, else the first one; NULL if there is none. */
const char *
crm_customer_get_preferred_contact (CrmCustomer    *self,
                                    CrmContactKind  kind)
{
  const char *first = NULL;

  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  for (guint i = 0; i < self->contact_points->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (self->contact_points, i);

      if (crm_contact_point_get_kind (point) != kind)
        continue;
      if (crm_contact_point_get_preferred (point))
        return crm_contact_point_get_value (point);
      if (first == NULL)
        first = crm_contact_point_get_value (point);
    }

  return first;
}

/**
 * crm_customer_get_addresses:
 *
 * Returns: (transfer none) (element-type CrmAddress): the postal addresses.
 */
GPtrArray *
crm_customer_get_addresses (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->addresses;
}

void
crm_customer_add_address (CrmCustomer *self,
                          CrmAddress  *address)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (CRM_IS_ADDRESS (address));

  g_ptr_array_add (self->addresses, g_object_ref (address));
}

void
crm_customer_clear_addresses (CrmCustomer *self)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_ptr_array_set_size (self->addresses, 0);
}

/**
 * crm_customer_get_external_ids:
 *
 * Returns: (transfer none) (element-type CrmExternalId): the customer's ids
 *   in other systems.
 */
GPtrArray *
crm_customer_get_external_ids (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);
  return self->external_ids;
}

void
crm_customer_add_external_id (CrmCustomer   *self,
                              CrmExternalId *external_id)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (CRM_IS_EXTERNAL_ID (external_id));

  g_ptr_array_add (self->external_ids, g_object_ref (external_id));
}

void
crm_customer_clear_external_ids (CrmCustomer *self)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_ptr_array_set_size (self->external_ids, 0);
}

/* Which of the required fields are not known about this customer: the base
 * of the data-completeness KPI and of the warnings shown at a touchpoint. */
CrmDataField
crm_customer_get_missing_data (CrmCustomer  *self,
                               CrmDataField  required)
{
  CrmDataField missing = CRM_DATA_FIELD_NONE;
  gboolean has_address = FALSE;

  g_return_val_if_fail (CRM_IS_CUSTOMER (self), required);

  for (guint i = 0; i < self->addresses->len && !has_address; i++)
    has_address = !crm_address_is_empty (g_ptr_array_index (self->addresses, i));

  if ((required & CRM_DATA_FIELD_NAME) &&
      self->display_name[0] == '\0' && self->given_name[0] == '\0' &&
      self->family_name[0] == '\0')
    missing |= CRM_DATA_FIELD_NAME;
  if ((required & CRM_DATA_FIELD_EMAIL) &&
      crm_customer_get_preferred_contact (self, CRM_CONTACT_KIND_EMAIL) == NULL)
    missing |= CRM_DATA_FIELD_EMAIL;
  if ((required & CRM_DATA_FIELD_PHONE) &&
      crm_customer_get_preferred_contact (self, CRM_CONTACT_KIND_PHONE) == NULL)
    missing |= CRM_DATA_FIELD_PHONE;
  if ((required & CRM_DATA_FIELD_ADDRESS) && !has_address)
    missing |= CRM_DATA_FIELD_ADDRESS;
  if ((required & CRM_DATA_FIELD_ORGANIZATION) && self->organization[0] == '\0')
    missing |= CRM_DATA_FIELD_ORGANIZATION;

  return missing;
}
