/* crm-import-report.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-import-report.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmImportReport
{
  GObject parent_instance;
  int added;
  int updated;
  int unchanged;
  int skipped;
  GPtrArray *problems;
};

G_DEFINE_FINAL_TYPE (CrmImportReport, crm_import_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ADDED,
  PROP_UPDATED,
  PROP_UNCHANGED,
  PROP_SKIPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_import_report_finalize (GObject *object)
{
  CrmImportReport *self = (CrmImportReport *) object;

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_import_report_parent_class)->finalize (object);
}

static void
crm_import_report_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmImportReport *self = CRM_IMPORT_REPORT (object);

  switch (prop_id)
    {
    case PROP_ADDED:
      g_value_set_int (value, self->added);
      break;
    case PROP_UPDATED:
      g_value_set_int (value, self->updated);
      break;
    case PROP_UNCHANGED:
      g_value_set_int (value, self->unchanged);
      break;
    case PROP_SKIPPED:
      g_value_set_int (value, self->skipped);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_import_report_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmImportReport *self = CRM_IMPORT_REPORT (object);

  switch (prop_id)
    {
    case PROP_ADDED:
      crm_import_report_set_added (self, g_value_get_int (value));
      break;
    case PROP_UPDATED:
      crm_import_report_set_updated (self, g_value_get_int (value));
      break;
    case PROP_UNCHANGED:
      crm_import_report_set_unchanged (self, g_value_get_int (value));
      break;
    case PROP_SKIPPED:
      crm_import_report_set_skipped (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_import_report_class_init (CrmImportReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_import_report_finalize;
  object_class->get_property = crm_import_report_get_property;
  object_class->set_property = crm_import_report_set_property;

  /* Customers added. */
  properties[PROP_ADDED] =
    g_param_spec_int ("added", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Stored customers changed by the file. */
  properties[PROP_UPDATED] =
    g_param_spec_int ("updated", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Stored customers the file matched with nothing new. */
  properties[PROP_UNCHANGED] =
    g_param_spec_int ("unchanged", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Records not imported: already there with the policy to skip, or unreadable. */
  properties[PROP_SKIPPED] =
    g_param_spec_int ("skipped", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_import_report_init (CrmImportReport *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

CrmImportReport *
crm_import_report_new (void)
{
  return g_object_new (CRM_TYPE_IMPORT_REPORT, NULL);
}

int
crm_import_report_get_added (CrmImportReport *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_REPORT (self), 0);
  return self->added;
}

void
crm_import_report_set_added (CrmImportReport *self,
                            int added)
{
  g_return_if_fail (CRM_IS_IMPORT_REPORT (self));

  g_return_if_fail (added >= 0 && added <= G_MAXINT);
  if (self->added == added)
    return;
  self->added = added;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDED]);
}

int
crm_import_report_get_updated (CrmImportReport *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_REPORT (self), 0);
  return self->updated;
}

void
crm_import_report_set_updated (CrmImportReport *self,
                              int updated)
{
  g_return_if_fail (CRM_IS_IMPORT_REPORT (self));

  g_return_if_fail (updated >= 0 && updated <= G_MAXINT);
  if (self->updated == updated)
    return;
  self->updated = updated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

int
crm_import_report_get_unchanged (CrmImportReport *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_REPORT (self), 0);
  return self->unchanged;
}

void
crm_import_report_set_unchanged (CrmImportReport *self,
                                int unchanged)
{
  g_return_if_fail (CRM_IS_IMPORT_REPORT (self));

  g_return_if_fail (unchanged >= 0 && unchanged <= G_MAXINT);
  if (self->unchanged == unchanged)
    return;
  self->unchanged = unchanged;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNCHANGED]);
}

int
crm_import_report_get_skipped (CrmImportReport *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_REPORT (self), 0);
  return self->skipped;
}

void
crm_import_report_set_skipped (CrmImportReport *self,
                              int skipped)
{
  g_return_if_fail (CRM_IS_IMPORT_REPORT (self));

  g_return_if_fail (skipped >= 0 && skipped <= G_MAXINT);
  if (self->skipped == skipped)
    return;
  self->skipped = skipped;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIPPED]);
}

/**
 * crm_import_report_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): each problem, "line N:
 *   reason"
 */
GPtrArray *
crm_import_report_get_problems (CrmImportReport *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_REPORT (self), NULL);
  return self->problems;
}

void
crm_import_report_add_problem (CrmImportReport *self,
                               const char      *problem)
{
  g_return_if_fail (CRM_IS_IMPORT_REPORT (self));
  g_return_if_fail (problem != NULL);
  g_ptr_array_add (self->problems, g_strdup (problem));
}
