/* crm-store-customers.c: reading and writing customers with their contact
 * points, addresses, tags, external IDs and kept vCard properties.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-search-text.h"
#include "crm-store-private.h"
#include "crm-utils.h"

#define CUSTOMER_COLUMNS \
  "id, uid, kind, given_name, family_name, display_name, organization, title, " \
  "owner, region, segment, lifecycle_stage, notes, created_at, updated_at"

static void
bind_customer_fields (sqlite3_stmt *stmt,
                      CrmCustomer  *customer)
{
  /* Parameters 1 to 12, in the order of CUSTOMER_COLUMNS after uid. */
  sqlite3_bind_int (stmt, 1, crm_customer_get_kind (customer));
  crm_store_bind_text (stmt, 2, crm_customer_get_given_name (customer));
  crm_store_bind_text (stmt, 3, crm_customer_get_family_name (customer));
  crm_store_bind_text (stmt, 4, crm_customer_get_display_name (customer));
  crm_store_bind_text (stmt, 5, crm_customer_get_organization (customer));
  crm_store_bind_text (stmt, 6, crm_customer_get_title (customer));
  crm_store_bind_text (stmt, 7, crm_customer_get_owner (customer));
  crm_store_bind_text (stmt, 8, crm_customer_get_region (customer));
  crm_store_bind_text (stmt, 9, crm_customer_get_segment (customer));
  sqlite3_bind_int (stmt, 10, crm_customer_get_lifecycle_stage (customer));
  crm_store_bind_text (stmt, 11, crm_customer_get_notes (customer));
}

static gboolean
delete_children (CrmStore  *self,
                 gint64     customer_id,
                 GError   **error)
{
  static const char * const deletes[] = {
    "DELETE FROM customer_tags WHERE customer_id = ?",
    "DELETE FROM contact_points WHERE customer_id = ?",
    "DELETE FROM addresses WHERE customer_id = ?",
    "DELETE FROM external_ids WHERE customer_id = ?",
    "DELETE FROM customer_vcard_properties WHERE customer_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *stmt = crm_store_prepare (self, deletes[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      if (!crm_store_step_done (self, stmt, _("Could not save the customer"), error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts a customer's list values, one row per position, with one
 * statement of the form "INSERT … VALUES (customer_id, position, value)". */
static gboolean
insert_strings (CrmStore            *self,
                const char          *sql,
                gint64               customer_id,
                const char * const  *values,
                GError             **error)
{
  for (int i = 0; values[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_int (stmt, 2, i);
      crm_store_bind_text (stmt, 3, values[i]);
      if (!crm_store_step_done (self, stmt, _("Could not save the customer"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_children (CrmStore     *self,
                 gint64        customer_id,
                 CrmCustomer  *customer,
                 GError      **error)
{
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);
  GPtrArray *external_ids = crm_customer_get_external_ids (customer);
  sqlite3_stmt *stmt;

  if (!insert_strings (self,
                       "INSERT INTO customer_tags (customer_id, position, tag) VALUES (?, ?, ?)",
                       customer_id, crm_customer_get_tags (customer), error) ||
      !insert_strings (self,
                       "INSERT INTO customer_vcard_properties (customer_id, position, line) "
                       "VALUES (?, ?, ?)",
                       customer_id, crm_customer_get_vcard_properties (customer), error))
    return FALSE;

  for (guint i = 0; i < points->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (points, i);

      g_autofree char *normalized = NULL;

      stmt = crm_store_prepare (self,
                                "INSERT INTO contact_points "
                                "(customer_id, position, kind, value, label, preferred, normalized) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      normalized = crm_contact_point_get_kind (point) == CRM_CONTACT_KIND_PHONE
                 ? crm_normalize_phone (crm_contact_point_get_value (point))
                 : crm_normalize_email (crm_contact_point_get_value (point));
      crm_store_bind_text (stmt, 7, normalized);
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, crm_contact_point_get_kind (point));
      crm_store_bind_text (stmt, 4, crm_contact_point_get_value (point));
      crm_store_bind_text (stmt, 5, crm_contact_point_get_label (point));
      sqlite3_bind_int (stmt, 6, crm_contact_point_get_preferred (point));
      if (!crm_store_step_done (self, stmt, _("Could not save the customer"), error))
        return FALSE;
    }

  for (guint i = 0; i < addresses->len; i++)
    {
      CrmAddress *address = g_ptr_array_index (addresses, i);

      stmt = crm_store_prepare (self,
                                "INSERT INTO addresses (customer_id, position, label, preferred, "
                                "po_box, extended, street, locality, region, postal_code, country) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_int (stmt, 2, i);
      crm_store_bind_text (stmt, 3, crm_address_get_label (address));
      sqlite3_bind_int (stmt, 4, crm_address_get_preferred (address));
      crm_store_bind_text (stmt, 5, crm_address_get_po_box (address));
      crm_store_bind_text (stmt, 6, crm_address_get_extended (address));
      crm_store_bind_text (stmt, 7, crm_address_get_street (address));
      crm_store_bind_text (stmt, 8, crm_address_get_locality (address));
      crm_store_bind_text (stmt, 9, crm_address_get_region (address));
      crm_store_bind_text (stmt, 10, crm_address_get_postal_code (address));
      crm_store_bind_text (stmt, 11, crm_address_get_country (address));
      if (!crm_store_step_done (self, stmt, _("Could not save the customer"), error))
        return FALSE;
    }

  for (guint i = 0; i < external_ids->len; i++)
    {
      CrmExternalId *external_id = g_ptr_array_index (external_ids, i);

      stmt = crm_store_prepare (self,
                                "INSERT INTO external_ids (customer_id, system, value) "
                                "VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      crm_store_bind_text (stmt, 2, crm_external_id_get_system (external_id));
      crm_store_bind_text (stmt, 3, crm_external_id_get_value (external_id));
      if (!crm_store_step_done (self, stmt, _("Could not save the customer"), error))
        return FALSE;
    }

  return TRUE;
}

/* The customer's words in the full-text index, replaced on every save:
 * names, organization and title, contact data, notes and tags. @is_new
 * says there is no row to replace yet. */
gboolean
crm_store_index_customer (CrmStore     *self,
                          gint64        id,
                          CrmCustomer  *customer,
                          gboolean      is_new,
                          GError      **error)
{
  const char *what = _("Could not save the customer");
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) organization = g_string_new (NULL);
  g_autoptr(GString) contact = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) tags = g_string_new (NULL);
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);
  const char * const *tag_list = crm_customer_get_tags (customer);
  sqlite3_stmt *stmt;

  crm_search_text_append (name, crm_customer_get_display_name (customer));
  crm_search_text_append (name, crm_customer_get_given_name (customer));
  crm_search_text_append (name, crm_customer_get_family_name (customer));
  crm_search_text_append (organization, crm_customer_get_organization (customer));
  crm_search_text_append (organization, crm_customer_get_title (customer));
  for (guint i = 0; i < points->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (points, i);

      if (crm_contact_point_get_kind (point) == CRM_CONTACT_KIND_PHONE)
        crm_search_text_append_phone (contact, crm_contact_point_get_value (point));
      else
        crm_search_text_append (contact, crm_contact_point_get_value (point));
    }
  for (guint i = 0; i < addresses->len; i++)
    {
      g_autofree char *line = crm_address_format (g_ptr_array_index (addresses, i));

      crm_search_text_append (contact, line);
    }
  crm_search_text_append (notes, crm_customer_get_notes (customer));
  for (guint i = 0; tag_list[i] != NULL; i++)
    crm_search_text_append (tags, tag_list[i]);

  if (!is_new)
    {
      stmt = crm_store_prepare (self, "DELETE FROM customer_search WHERE rowid = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!crm_store_step_done (self, stmt, what, error))
        return FALSE;
    }

  stmt = crm_store_prepare (self,
                            "INSERT INTO customer_search (rowid, name, organization, contact, notes, tags) "
                            "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  crm_store_bind_text (stmt, 2, name->str);
  crm_store_bind_text (stmt, 3, organization->str);
  crm_store_bind_text (stmt, 4, contact->str);
  crm_store_bind_text (stmt, 5, notes->str);
  crm_store_bind_text (stmt, 6, tags->str);
  return crm_store_step_done (self, stmt, what, error);
}

/* Fills the full-text index from scratch, for the migration that brought
 * it: one customer at a time, inside the migration's transaction. */
gboolean
crm_store_rebuild_search_index (CrmStore  *self,
                                GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = crm_store_prepare (self, "SELECT id FROM customers ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, _("Could not upgrade the database"), error);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(CrmCustomer) customer = crm_store_load_customer (self, id, error);

      if (customer == NULL || !crm_store_index_customer (self, id, customer, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_customer (CrmStore     *self,
                CrmCustomer  *customer,
                gint64       *id,
                char        **uid,
                gint64       *created_at,
                gint64       *updated_at,
                GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean is_new = *id == 0;

  if (is_new)
    {
      stmt = crm_store_prepare (self,
                                "INSERT INTO customers (kind, given_name, family_name, display_name, "
                                "organization, title, owner, region, segment, lifecycle_stage, notes, "
                                "uid, created_at, updated_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      bind_customer_fields (stmt, customer);
      crm_store_bind_text (stmt, 12, *uid);
      sqlite3_bind_int64 (stmt, 13, *created_at);
      sqlite3_bind_int64 (stmt, 14, *updated_at);
      if (!crm_store_step_done (self, stmt, _("Could not save the customer"), error))
        return FALSE;
      *id = sqlite3_last_insert_rowid (self->db);
    }
  else
    {
      stmt = crm_store_prepare (self,
                                "UPDATE customers SET kind = ?, given_name = ?, family_name = ?, "
                                "display_name = ?, organization = ?, title = ?, owner = ?, region = ?, "
                                "segment = ?, lifecycle_stage = ?, notes = ?, uid = ?, "
                                "created_at = ?, updated_at = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_customer_fields (stmt, customer);
      crm_store_bind_text (stmt, 12, *uid);
      sqlite3_bind_int64 (stmt, 13, *created_at);
      sqlite3_bind_int64 (stmt, 14, *updated_at);
      sqlite3_bind_int64 (stmt, 15, *id);
      if (!crm_store_step_done (self, stmt, _("Could not save the customer"), error))
        return FALSE;
      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                       _("Could not save the customer in “%s”: it was deleted in the meantime"),
                       self->path);
          return FALSE;
        }
      if (!delete_children (self, *id, error))
        return FALSE;
    }

  if (!insert_children (self, *id, customer, error) ||
      !crm_store_index_customer (self, *id, customer, is_new, error))
    return FALSE;
  crm_store_note_change (self, *id);
  return TRUE;
}

/**
 * crm_store_save_customer:
 *
 * Inserts a new customer (id 0) or replaces a stored one with everything it
 * holds, in one transaction. A new customer without a uid gets one; the
 * object's id, uid and times are updated only once the write is committed.
 */
gboolean
crm_store_save_customer (CrmStore     *self,
                         CrmCustomer  *customer,
                         GError      **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id, created_at, updated_at;
  g_autofree char *uid = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), FALSE);

  id = crm_customer_get_id (customer);
  uid = g_strdup (crm_customer_get_uid (customer));
  if (uid[0] == '\0')
    {
      g_free (uid);
      uid = crm_new_uid ();
    }
  created_at = crm_customer_get_created_at (customer);
  if (created_at == 0)
    created_at = now;
  /* A new record keeps the time it brings (an archive being restored); an
   * edit is stamped now. */
  updated_at = crm_customer_get_updated_at (customer);
  if (id != 0 || updated_at == 0)
    updated_at = now;

  if (!crm_store_begin (self, error))
    return FALSE;
  if (!write_customer (self, customer, &id, &uid, &created_at, &updated_at, error))
    {
      crm_store_rollback (self);
      return FALSE;
    }
  if (!crm_store_commit (self, error))
    return FALSE;

  crm_customer_set_id (customer, id);
  crm_customer_set_uid (customer, uid);
  crm_customer_set_created_at (customer, created_at);
  crm_customer_set_updated_at (customer, updated_at);
  return TRUE;
}

static gpointer
read_contact_point (sqlite3_stmt *stmt)
{
  return crm_contact_point_new (sqlite3_column_int (stmt, 0),
                                crm_store_column_text (stmt, 1),
                                crm_store_column_text (stmt, 2),
                                sqlite3_column_int (stmt, 3));
}

static gpointer
read_address (sqlite3_stmt *stmt)
{
  CrmAddress *address = crm_address_new ();

  crm_address_set_label (address, crm_store_column_text (stmt, 0));
  crm_address_set_preferred (address, sqlite3_column_int (stmt, 1));
  crm_address_set_po_box (address, crm_store_column_text (stmt, 2));
  crm_address_set_extended (address, crm_store_column_text (stmt, 3));
  crm_address_set_street (address, crm_store_column_text (stmt, 4));
  crm_address_set_locality (address, crm_store_column_text (stmt, 5));
  crm_address_set_region (address, crm_store_column_text (stmt, 6));
  crm_address_set_postal_code (address, crm_store_column_text (stmt, 7));
  crm_address_set_country (address, crm_store_column_text (stmt, 8));
  return address;
}

static gpointer
read_external_id (sqlite3_stmt *stmt)
{
  CrmExternalId *external_id = crm_external_id_new ();

  crm_external_id_set_system (external_id, crm_store_column_text (stmt, 0));
  crm_external_id_set_value (external_id, crm_store_column_text (stmt, 1));
  return external_id;
}

/* The customer's lists, each read with one query: tags, kept vCard lines,
 * contact points, addresses and external IDs. */
static gboolean
load_children (CrmStore     *self,
               CrmCustomer  *customer,
               GError      **error)
{
  const char *what = _("Could not read the customer");
  gint64 id = crm_customer_get_id (customer);
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) addresses = NULL;
  g_autoptr(GPtrArray) external_ids = NULL;

  tags = crm_store_list_rows (self, "SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY position",
                              id, crm_store_read_text, g_free, what, error);
  if (tags == NULL)
    return FALSE;
  lines = crm_store_list_rows (self,
                               "SELECT line FROM customer_vcard_properties WHERE customer_id = ? "
                               "ORDER BY position", id, crm_store_read_text, g_free, what, error);
  if (lines == NULL)
    return FALSE;
  points = crm_store_list_rows (self,
                                "SELECT kind, value, label, preferred FROM contact_points "
                                "WHERE customer_id = ? ORDER BY position",
                                id, read_contact_point, g_object_unref, what, error);
  if (points == NULL)
    return FALSE;
  addresses = crm_store_list_rows (self,
                                   "SELECT label, preferred, po_box, extended, street, locality, "
                                   "region, postal_code, country FROM addresses WHERE customer_id = ? "
                                   "ORDER BY position",
                                   id, read_address, g_object_unref, what, error);
  if (addresses == NULL)
    return FALSE;
  external_ids = crm_store_list_rows (self,
                                      "SELECT system, value FROM external_ids WHERE customer_id = ? "
                                      "ORDER BY system, value",
                                      id, read_external_id, g_object_unref, what, error);
  if (external_ids == NULL)
    return FALSE;

  g_ptr_array_add (tags, NULL);
  crm_customer_set_tags (customer, (const char * const *) tags->pdata);
  g_ptr_array_add (lines, NULL);
  crm_customer_set_vcard_properties (customer, (const char * const *) lines->pdata);
  for (guint i = 0; i < points->len; i++)
    crm_customer_add_contact_point (customer, g_ptr_array_index (points, i));
  for (guint i = 0; i < addresses->len; i++)
    crm_customer_add_address (customer, g_ptr_array_index (addresses, i));
  for (guint i = 0; i < external_ids->len; i++)
    crm_customer_add_external_id (customer, g_ptr_array_index (external_ids, i));
  return TRUE;
}

static CrmCustomer *
load_customer_where (CrmStore    *self,
                     const char  *sql,
                     const char  *key,
                     gint64       id,
                     GError     **error)
{
  g_autoptr(CrmCustomer) customer = NULL;
  sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  if (key != NULL)
    {
      crm_store_bind_text (stmt, 1, key);
      crm_store_bind_text (stmt, 2, key);
    }
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      customer = crm_customer_new ();
      crm_customer_set_id (customer, sqlite3_column_int64 (stmt, 0));
      crm_customer_set_uid (customer, crm_store_column_text (stmt, 1));
      crm_customer_set_kind (customer, sqlite3_column_int (stmt, 2));
      crm_customer_set_given_name (customer, crm_store_column_text (stmt, 3));
      crm_customer_set_family_name (customer, crm_store_column_text (stmt, 4));
      crm_customer_set_display_name (customer, crm_store_column_text (stmt, 5));
      crm_customer_set_organization (customer, crm_store_column_text (stmt, 6));
      crm_customer_set_title (customer, crm_store_column_text (stmt, 7));
      crm_customer_set_owner (customer, crm_store_column_text (stmt, 8));
      crm_customer_set_region (customer, crm_store_column_text (stmt, 9));
      crm_customer_set_segment (customer, crm_store_column_text (stmt, 10));
      crm_customer_set_lifecycle_stage (customer, sqlite3_column_int (stmt, 11));
      crm_customer_set_notes (customer, crm_store_column_text (stmt, 12));
      crm_customer_set_created_at (customer, sqlite3_column_int64 (stmt, 13));
      crm_customer_set_updated_at (customer, sqlite3_column_int64 (stmt, 14));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The customer is not in “%s”"), self->path);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      crm_store_set_error (self, rc, _("Could not read the customer"), error);
      return NULL;
    }

  if (!load_children (self, customer, error))
    return NULL;

  return g_steal_pointer (&customer);
}

CrmCustomer *
crm_store_load_customer (CrmStore  *self,
                         gint64     id,
                         GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return load_customer_where (self,
                              "SELECT " CUSTOMER_COLUMNS " FROM customers WHERE id = ?",
                              NULL, id, error);
}

/**
 * crm_store_find_customer_by_uid:
 *
 * Finds a customer by their unified customer ID, or by the uid of a
 * customer that was merged into them, so that other systems and re-imports
 * still find the surviving record.
 */
CrmCustomer *
crm_store_find_customer_by_uid (CrmStore    *self,
                                const char  *uid,
                                GError     **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  return load_customer_where (self,
                              "SELECT " CUSTOMER_COLUMNS " FROM customers WHERE uid = ?1 "
                              "UNION ALL "
                              "SELECT " CUSTOMER_COLUMNS " FROM customers WHERE id = "
                              "(SELECT customer_id FROM customer_aliases WHERE uid = ?2) "
                              "LIMIT 1",
                              uid, 0, error);
}


/* The id the one-column query @stmt, with its text parameter bound, gives
 * first: 0 when none, -1 on error. */
static gint64
step_for_id (CrmStore      *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  gint64 id = 0;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, _("Could not read the customers"), error);
      return -1;
    }
  return id;
}

/**
 * crm_store_find_customer_id_by_uid:
 *
 * Like crm_store_find_customer_by_uid(), for when the id is all that is
 * needed (matching an import against what is stored).
 *
 * Returns: the customer's id, 0 when there is none, -1 on error
 */
gint64
crm_store_find_customer_id_by_uid (CrmStore    *self,
                                   const char  *uid,
                                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), -1);
  g_return_val_if_fail (uid != NULL, -1);

  stmt = crm_store_prepare (self,
                            "SELECT id FROM customers WHERE uid = ?1 "
                            "UNION ALL SELECT customer_id FROM customer_aliases WHERE uid = ?1 LIMIT 1",
                            error);
  if (stmt == NULL)
    return -1;
  crm_store_bind_text (stmt, 1, uid);
  return step_for_id (self, stmt, error);
}

/**
 * crm_store_find_customer_by_contact:
 * @value: an e-mail address or phone number, as written
 *
 * The customer with this e-mail address or phone number, compared in
 * normalized form (case-folded e-mail, phone digits), for matching imported
 * records with stored ones.
 *
 * Returns: the customer's id, 0 when there is none, -1 on error
 */
gint64
crm_store_find_customer_by_contact (CrmStore        *self,
                                    CrmContactKind   kind,
                                    const char      *value,
                                    GError         **error)
{
  g_autofree char *normalized = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), -1);
  g_return_val_if_fail (value != NULL, -1);

  normalized = kind == CRM_CONTACT_KIND_PHONE ? crm_normalize_phone (value) : crm_normalize_email (value);
  if (*normalized == '\0')
    return 0;

  stmt = crm_store_prepare (self,
                            "SELECT customer_id FROM contact_points WHERE kind = ? AND normalized = ? "
                            "ORDER BY customer_id LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, kind);
  crm_store_bind_text (stmt, 2, normalized);
  return step_for_id (self, stmt, error);
}
