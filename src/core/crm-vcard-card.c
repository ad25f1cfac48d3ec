/* crm-vcard-card.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-vcard-card.h"

struct _CrmVcardCard
{
  GObject    parent_instance;
  guint      first_line;
  char      *version;
  GPtrArray *properties;   /* CrmVcardProperty */
  GPtrArray *problems;     /* "line N: what", for the import report */
  gboolean   complete;     /* ended with END:VCARD */
  gboolean   skipped;      /* not readable as a whole: an unknown version */
};

G_DEFINE_FINAL_TYPE (CrmVcardCard, crm_vcard_card, G_TYPE_OBJECT)

static void
crm_vcard_card_finalize (GObject *object)
{
  CrmVcardCard *self = (CrmVcardCard *) object;

  g_free (self->version);
  g_ptr_array_unref (self->properties);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (crm_vcard_card_parent_class)->finalize (object);
}

static void
crm_vcard_card_class_init (CrmVcardCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_vcard_card_finalize;
}

static void
crm_vcard_card_init (CrmVcardCard *self)
{
  self->version = g_strdup ("");
  /* Room for a usual card's properties at once, not grown step by step. */
  self->properties = g_ptr_array_new_full (16, (GDestroyNotify) crm_vcard_property_unref);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

CrmVcardCard *
crm_vcard_card_new (guint first_line)
{
  CrmVcardCard *self = g_object_new (CRM_TYPE_VCARD_CARD, NULL);

  self->first_line = first_line;
  return self;
}

guint
crm_vcard_card_get_first_line (CrmVcardCard *self)
{
  g_return_val_if_fail (CRM_IS_VCARD_CARD (self), 0);
  return self->first_line;
}

const char *
crm_vcard_card_get_version (CrmVcardCard *self)
{
  g_return_val_if_fail (CRM_IS_VCARD_CARD (self), NULL);
  return self->version;
}

void
crm_vcard_card_set_version (CrmVcardCard *self,
                            const char   *version)
{
  g_return_if_fail (CRM_IS_VCARD_CARD (self));
  g_free (self->version);
  self->version = g_strdup (version ? version : "");
}

/**
 * crm_vcard_card_get_properties:
 *
 * Returns: (transfer none) (element-type CrmVcardProperty): the properties
 *   in file order, without BEGIN, END and VERSION
 */
GPtrArray *
crm_vcard_card_get_properties (CrmVcardCard *self)
{
  g_return_val_if_fail (CRM_IS_VCARD_CARD (self), NULL);
  return self->properties;
}

void
crm_vcard_card_add_property (CrmVcardCard     *self,
                             CrmVcardProperty *property)
{
  g_return_if_fail (CRM_IS_VCARD_CARD (self));
  g_return_if_fail (property != NULL);
  g_ptr_array_add (self->properties, crm_vcard_property_ref (property));
}

/* Like crm_vcard_card_add_property(), taking the caller's reference. */
void
crm_vcard_card_take_property (CrmVcardCard     *self,
                              CrmVcardProperty *property)
{
  g_return_if_fail (CRM_IS_VCARD_CARD (self));
  g_return_if_fail (property != NULL);
  g_ptr_array_add (self->properties, property);
}

/**
 * crm_vcard_card_find:
 *
 * Returns: (transfer none) (nullable): the first property called @name
 */
CrmVcardProperty *
crm_vcard_card_find (CrmVcardCard *self,
                     const char   *name)
{
  g_return_val_if_fail (CRM_IS_VCARD_CARD (self), NULL);

  for (guint i = 0; i < self->properties->len; i++)
    if (g_ascii_strcasecmp (crm_vcard_property_get_name (g_ptr_array_index (self->properties, i)), name) == 0)
      return g_ptr_array_index (self->properties, i);
  return NULL;
}

/**
 * crm_vcard_card_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): what was wrong, each
 *   "line N: reason"
 */
GPtrArray *
crm_vcard_card_get_problems (CrmVcardCard *self)
{
  g_return_val_if_fail (CRM_IS_VCARD_CARD (self), NULL);
  return self->problems;
}

void
crm_vcard_card_add_problem (CrmVcardCard *self,
                            guint         line,
                            const char   *format,
                            ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  g_return_if_fail (CRM_IS_VCARD_CARD (self));

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: a problem in an imported file, "line 12: not a vCard line" */
  g_ptr_array_add (self->problems, g_strdup_printf (_("line %u: %s"), line, reason));
}

gboolean
crm_vcard_card_get_complete (CrmVcardCard *self)
{
  g_return_val_if_fail (CRM_IS_VCARD_CARD (self), FALSE);
  return self->complete;
}

void
crm_vcard_card_set_complete (CrmVcardCard *self,
                             gboolean      complete)
{
  g_return_if_fail (CRM_IS_VCARD_CARD (self));
  self->complete = !!complete;
}

/* Whether the card as a whole cannot be read (a vCard version this reader
 * does not know); its properties are left out, its problems say why. */
gboolean
crm_vcard_card_get_skipped (CrmVcardCard *self)
{
  g_return_val_if_fail (CRM_IS_VCARD_CARD (self), FALSE);
  return self->skipped;
}

void
crm_vcard_card_set_skipped (CrmVcardCard *self,
                            gboolean      skipped)
{
  g_return_if_fail (CRM_IS_VCARD_CARD (self));
  self->skipped = !!skipped;
}
