/* crm-importer.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-importer.h"
#include "crm-vcard-writer.h"

/* Progress is told, and cancelling checked, every this many records. */
#define PROGRESS_STEP 1000

struct _CrmImporter
{
  GObject             parent_instance;
  CrmStore           *store;
  CrmImportPolicy     policy;
  CrmImportMergeFunc  merge;
  CrmProgressFunc     progress;
  gpointer            progress_data;
  guint64             total;
  guint64             records;
  CrmImportReport    *report;
  gboolean            in_transaction;
};

G_DEFINE_FINAL_TYPE (CrmImporter, crm_importer, G_TYPE_OBJECT)

static void
crm_importer_dispose (GObject *object)
{
  CrmImporter *self = (CrmImporter *) object;

  /* An importer dropped halfway leaves the database as it was. */
  if (self->in_transaction)
    crm_importer_rollback (self);
  g_clear_object (&self->store);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (crm_importer_parent_class)->dispose (object);
}

static void
crm_importer_class_init (CrmImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_importer_dispose;
}

static void
crm_importer_init (CrmImporter *self)
{
  self->merge = crm_import_merge_vcard_fields;
  self->report = crm_import_report_new ();
}

CrmImporter *
crm_importer_new (CrmStore        *store,
                  CrmImportPolicy  policy)
{
  CrmImporter *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  self->policy = policy;
  return self;
}

/**
 * crm_importer_set_merge_func:
 *
 * How an existing customer takes an incoming one's values under
 * %CRM_IMPORT_UPDATE; by default, everything a vCard holds.
 */
void
crm_importer_set_merge_func (CrmImporter        *self,
                             CrmImportMergeFunc  merge)
{
  g_return_if_fail (CRM_IS_IMPORTER (self));
  self->merge = merge != NULL ? merge : crm_import_merge_vcard_fields;
}

/**
 * crm_importer_set_progress:
 * @total: the end of the scale crm_importer_record_done() positions are
 *   on (bytes of the file, usually), or 0 when unknown
 */
void
crm_importer_set_progress (CrmImporter     *self,
                           CrmProgressFunc  progress,
                           gpointer         user_data,
                           guint64          total)
{
  g_return_if_fail (CRM_IS_IMPORTER (self));
  self->progress = progress;
  self->progress_data = user_data;
  self->total = total;
}

gboolean
crm_importer_begin (CrmImporter  *self,
                    GError      **error)
{
  g_return_val_if_fail (CRM_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* Matching reads the same index pages again and again. */
  crm_store_set_cache_size (self->store, 32);
  if (!crm_store_begin_batch (self->store, error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

/* The stored customer an incoming one is, if any: by uid or an alias of a
 * merged customer, else by an e-mail address, else by a phone number. */
static gint64
find_match (CrmStore     *store,
            CrmCustomer  *incoming,
            GError      **error)
{
  GPtrArray *points = crm_customer_get_contact_points (incoming);

  if (*crm_customer_get_uid (incoming) != '\0')
    {
      gint64 id = crm_store_find_customer_id_by_uid (store, crm_customer_get_uid (incoming), error);

      if (id != 0)
        return id;
    }

  for (CrmContactKind kind = CRM_CONTACT_KIND_EMAIL; kind <= CRM_CONTACT_KIND_PHONE; kind++)
    for (guint i = 0; i < points->len; i++)
      {
        CrmContactPoint *point = g_ptr_array_index (points, i);
        gint64 id;

        if (crm_contact_point_get_kind (point) != kind)
          continue;
        id = crm_store_find_customer_by_contact (store, kind, crm_contact_point_get_value (point), error);
        if (id != 0)
          return id;
      }
  return 0;
}

/* What a vCard says about a customer, written as a vCard: equal texts mean
 * the file brings nothing new. */
static char *
vcard_text (CrmCustomer *customer)
{
  GString *text = g_string_new (NULL);

  crm_vcard_write_customer (text, customer, CRM_VCARD_VERSION_4_0);
  return g_string_free (text, FALSE);
}

/**
 * crm_import_merge_vcard_fields:
 *
 * The stored customer takes the file's values for everything a vCard
 * holds; what it does not hold (owner, segment, stage, external IDs)
 * stays.
 */
void
crm_import_merge_vcard_fields (CrmCustomer *stored,
                               CrmCustomer *incoming)
{
  GPtrArray *points = crm_customer_get_contact_points (incoming);
  GPtrArray *addresses = crm_customer_get_addresses (incoming);

  crm_customer_set_kind (stored, crm_customer_get_kind (incoming));
  crm_customer_set_display_name (stored, crm_customer_get_display_name (incoming));
  crm_customer_set_given_name (stored, crm_customer_get_given_name (incoming));
  crm_customer_set_family_name (stored, crm_customer_get_family_name (incoming));
  crm_customer_set_organization (stored, crm_customer_get_organization (incoming));
  crm_customer_set_title (stored, crm_customer_get_title (incoming));
  crm_customer_set_notes (stored, crm_customer_get_notes (incoming));
  crm_customer_set_tags (stored, crm_customer_get_tags (incoming));
  crm_customer_set_vcard_properties (stored, crm_customer_get_vcard_properties (incoming));
  crm_customer_clear_contact_points (stored);
  for (guint i = 0; i < points->len; i++)
    crm_customer_add_contact_point (stored, g_ptr_array_index (points, i));
  crm_customer_clear_addresses (stored);
  for (guint i = 0; i < addresses->len; i++)
    crm_customer_add_address (stored, g_ptr_array_index (addresses, i));
}

static void
count (CrmImportReport *report,
       int            (*get) (CrmImportReport *),
       void           (*set) (CrmImportReport *, int))
{
  set (report, get (report) + 1);
}

/**
 * crm_importer_add:
 *
 * Imports one customer read from the file, by the importer's policy. A
 * failure of the store is returned; the caller then rolls back.
 */
gboolean
crm_importer_add (CrmImporter  *self,
                  CrmCustomer  *incoming,
                  GError      **error)
{
  gint64 match;
  g_autoptr(CrmCustomer) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (CRM_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  match = self->policy == CRM_IMPORT_AS_NEW ? 0 : find_match (self->store, incoming, error);
  if (match < 0)
    return FALSE;

  if (match == 0)
    {
      /* A new customer keeps the file's uid unless it is taken. */
      if (self->policy == CRM_IMPORT_AS_NEW && *crm_customer_get_uid (incoming) != '\0')
        {
          gint64 taken = crm_store_find_customer_id_by_uid (self->store, crm_customer_get_uid (incoming), error);

          if (taken < 0)
            return FALSE;
          if (taken > 0)
            crm_customer_set_uid (incoming, "");
        }
      if (!crm_store_save_customer (self->store, incoming, error))
        return FALSE;
      count (self->report, crm_import_report_get_added, crm_import_report_set_added);
      return TRUE;
    }

  if (self->policy == CRM_IMPORT_SKIP)
    {
      count (self->report, crm_import_report_get_skipped, crm_import_report_set_skipped);
      return TRUE;
    }

  stored = crm_store_load_customer (self->store, match, error);
  if (stored == NULL)
    return FALSE;
  before = vcard_text (stored);
  self->merge (stored, incoming);
  after = vcard_text (stored);
  if (g_str_equal (before, after))
    {
      count (self->report, crm_import_report_get_unchanged, crm_import_report_set_unchanged);
      return TRUE;
    }
  if (!crm_store_save_customer (self->store, stored, error))
    return FALSE;
  count (self->report, crm_import_report_get_updated, crm_import_report_set_updated);
  return TRUE;
}

/* A record that could not be read at all. */
void
crm_importer_skip (CrmImporter *self)
{
  g_return_if_fail (CRM_IS_IMPORTER (self));
  count (self->report, crm_import_report_get_skipped, crm_import_report_set_skipped);
}

/* @problem says where (the line or record) and what. */
void
crm_importer_add_problem (CrmImporter *self,
                          const char  *problem)
{
  g_return_if_fail (CRM_IS_IMPORTER (self));
  crm_import_report_add_problem (self->report, problem);
}

/**
 * crm_importer_record_done:
 * @position: how far into the file the reader is, on the scale of the
 *   total given to crm_importer_set_progress()
 *
 * Counts a record read; every so often tells the progress and checks
 * whether the import was cancelled.
 *
 * Returns: %FALSE with @error set when cancelled
 */
gboolean
crm_importer_record_done (CrmImporter   *self,
                          guint64        position,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (CRM_IS_IMPORTER (self), FALSE);

  if (++self->records % PROGRESS_STEP != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (self->progress != NULL)
    self->progress (self->total != 0 ? MIN (position, self->total) : self->records, self->total,
                    self->progress_data);
  return TRUE;
}

/**
 * crm_importer_commit:
 *
 * Returns: (transfer full) (nullable): what was done, or %NULL with
 *   @error set, cancelled or failed, and nothing changed
 */
CrmImportReport *
crm_importer_commit (CrmImporter   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (CRM_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (self->in_transaction, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      crm_importer_rollback (self);
      return NULL;
    }
  self->in_transaction = FALSE;
  if (!crm_store_commit (self->store, error))
    return NULL;
  /* An import is a batch: the RFM quintiles are ranked again once it is
   * in, when anything they depend on changed. That is not part of the
   * import: if it fails, the scores stay marked stale and the next
   * refresh makes up for it. */
  crm_store_refresh_rfm_if_stale (self->store, cancellable, NULL);
  return g_object_ref (self->report);
}

void
crm_importer_rollback (CrmImporter *self)
{
  g_return_if_fail (CRM_IS_IMPORTER (self));

  if (!self->in_transaction)
    return;
  self->in_transaction = FALSE;
  crm_store_rollback (self->store);
}
