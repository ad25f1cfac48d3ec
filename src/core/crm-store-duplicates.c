/* crm-store-duplicates.c: finding customers that are one and the same, and
 * merging them under one unified customer ID.
 *
 * Duplicates are found with blocking keys, never by comparing every pair:
 * the same normalized e-mail or phone number (an index groups them), and
 * for names, customers of the same organization in name order, each
 * compared with its few neighbours.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-store-private.h"
#include "crm-utils.h"

/* How many following customers of the same organization each one is
 * compared with, in name order. */
#define NAME_WINDOW 3

/* Customers sharing a contact value: one group per value. */
static gboolean
find_by_contact (CrmStore            *self,
                 CrmContactKind       kind,
                 CrmDuplicateReason   reason,
                 GPtrArray           *groups,
                 GError             **error)
{
  sqlite3_stmt *stmt = crm_store_prepare (self,
                                          "SELECT normalized, customer_id FROM contact_points "
                                          "WHERE kind = ?1 AND normalized != '' AND normalized IN "
                                          "  (SELECT normalized FROM contact_points WHERE kind = ?1 AND normalized != '' "
                                          "   GROUP BY normalized HAVING count(DISTINCT customer_id) > 1) "
                                          "ORDER BY normalized, customer_id", error);
  CrmDuplicateGroup *group = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, kind);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = crm_store_column_text (stmt, 0);

      if (group == NULL || g_strcmp0 (crm_duplicate_group_get_key (group), key) != 0)
        {
          group = crm_duplicate_group_new ();
          crm_duplicate_group_set_reason (group, reason);
          crm_duplicate_group_set_key (group, key);
          g_ptr_array_add (groups, group);
        }
      crm_duplicate_group_add_id (group, sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, _("Could not look for duplicates"), error);
      return FALSE;
    }
  return TRUE;
}

/* A name reduced to what tells names apart: case, accents, spaces and
 * punctuation gone ("Müller-Lüdenscheidt" → "mullerludenscheidt"). */
static gunichar *
name_key (const char *name,
          glong      *length)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GArray *chars = g_array_new (TRUE, FALSE, sizeof (gunichar));

  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_array_append_val (chars, c);
    }
  *length = chars->len;
  return (gunichar *) g_array_free (chars, FALSE);
}

/* Edit distance, giving up beyond @limit. */
static guint
distance (const gunichar *a,
          glong           la,
          const gunichar *b,
          glong           lb,
          guint           limit)
{
  g_autofree guint *row = NULL;

  if ((guint) ABS (la - lb) > limit)
    return limit + 1;

  row = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    row[j] = j;
  for (glong i = 1; i <= la; i++)
    {
      guint diagonal = row[0], best;

      row[0] = i;
      best = row[0];
      for (glong j = 1; j <= lb; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
          best = MIN (best, row[j]);
        }
      if (best > limit)
        return limit + 1;
    }
  return row[lb];
}

typedef struct
{
  gint64    id;
  gunichar *key;
  glong     length;
} Named;

static void
clear_named (gpointer data)
{
  g_free (((Named *) data)->key);
}

/* Nearly the same name: one typo in a short name, two in a longer one. */
static gboolean
similar (const Named *a,
         const Named *b)
{
  guint limit = MIN (a->length, b->length) >= 10 ? 2 : 1;

  if (a->length < 4 || b->length < 4)
    return a->length == b->length && memcmp (a->key, b->key, a->length * sizeof (gunichar)) == 0;
  return distance (a->key, a->length, b->key, b->length, limit) <= limit;
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

/* Groups the customers of one organization whose names are similar; a
 * chain of similar names (Jon ~ John ~ Johm) makes one group. */
static void
flush_organization (GArray     *block,
                    const char *organization,
                    GPtrArray  *groups)
{
  g_autofree guint *parent = g_new (guint, block->len);
  g_autofree CrmDuplicateGroup **by_root = g_new0 (CrmDuplicateGroup *, block->len);
  g_autofree guint *sizes = g_new0 (guint, block->len);

  for (guint i = 0; i < block->len; i++)
    parent[i] = i;
  for (guint i = 0; i < block->len; i++)
    for (guint j = i + 1; j < block->len && j <= i + NAME_WINDOW; j++)
      if (similar (&g_array_index (block, Named, i), &g_array_index (block, Named, j)))
        parent[find_root (parent, j)] = find_root (parent, i);

  for (guint i = 0; i < block->len; i++)
    sizes[find_root (parent, i)]++;

  for (guint i = 0; i < block->len; i++)
    {
      guint root = find_root (parent, i);

      if (sizes[root] < 2)
        continue;
      if (by_root[root] == NULL)
        {
          by_root[root] = crm_duplicate_group_new ();
          crm_duplicate_group_set_reason (by_root[root], CRM_DUPLICATE_REASON_NAME);
          crm_duplicate_group_set_key (by_root[root], organization);
          g_ptr_array_add (groups, by_root[root]);
        }
      crm_duplicate_group_add_id (by_root[root], g_array_index (block, Named, i).id);
    }
  g_array_set_size (block, 0);
}

static gboolean
find_by_name (CrmStore      *self,
              GPtrArray     *groups,
              GError       **error)
{
  g_autoptr(GArray) block = g_array_new (FALSE, FALSE, sizeof (Named));
  g_autofree char *organization = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (block, clear_named);
  stmt = crm_store_prepare (self,
                            "SELECT id, display_name, lower(organization) FROM customers "
                            "WHERE organization != '' "
                            "ORDER BY lower(organization), display_name COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *org = crm_store_column_text (stmt, 2);
      Named named;

      if (organization == NULL || strcmp (organization, org) != 0)
        {
          if (organization != NULL)
            flush_organization (block, organization, groups);
          g_free (organization);
          organization = g_strdup (org);
        }
      named.id = sqlite3_column_int64 (stmt, 0);
      named.key = name_key (crm_store_column_text (stmt, 1), &named.length);
      g_array_append_val (block, named);
    }
  sqlite3_reset (stmt);
  if (organization != NULL)
    flush_organization (block, organization, groups);

  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, _("Could not look for duplicates"), error);
      return FALSE;
    }
  return TRUE;
}

/**
 * crm_store_find_duplicates:
 * @cancellable: (nullable): stops the search
 *
 * Finds the groups of customers that look like the same one: by e-mail,
 * by phone, and by nearly the same name at the same organization. Meant
 * for a worker thread with a store of its own.
 *
 * Returns: (transfer full) (element-type CrmDuplicateGroup): the groups
 */
GPtrArray *
crm_store_find_duplicates (CrmStore      *self,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 1000, crm_store_is_cancelled, cancellable);
  ok = find_by_contact (self, CRM_CONTACT_KIND_EMAIL, CRM_DUPLICATE_REASON_EMAIL, groups, error) &&
       find_by_contact (self, CRM_CONTACT_KIND_PHONE, CRM_DUPLICATE_REASON_PHONE, groups, error) &&
       find_by_name (self, groups, error);
  sqlite3_progress_handler (self->db, 0, NULL, NULL);

  if (!ok)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (error);
          g_cancellable_set_error_if_cancelled (cancellable, error);
        }
      return NULL;
    }
  return g_steal_pointer (&groups);
}

static char *
contact_key (CrmContactPoint *point)
{
  g_autofree char *normalized = crm_contact_point_get_kind (point) == CRM_CONTACT_KIND_PHONE
                                ? crm_normalize_phone (crm_contact_point_get_value (point))
                                : crm_normalize_email (crm_contact_point_get_value (point));

  return g_strdup_printf ("%d:%s", crm_contact_point_get_kind (point), normalized);
}

/* Adds to @survivor what only @other has: contact points, addresses,
 * external IDs, tags and kept vCard lines. Nothing of either is lost. */
static void
add_missing_parts (CrmCustomer *survivor,
                   CrmCustomer *other)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) merged_tags = NULL;
  g_auto(GStrv) merged_lines = NULL;
  GPtrArray *points = crm_customer_get_contact_points (survivor);
  GPtrArray *addresses = crm_customer_get_addresses (survivor);
  GPtrArray *external_ids = crm_customer_get_external_ids (survivor);
  guint n_points = points->len, n_addresses = addresses->len, n_external_ids = external_ids->len;

  for (guint i = 0; i < n_points; i++)
    g_hash_table_add (seen, contact_key (g_ptr_array_index (points, i)));
  for (guint i = 0; i < crm_customer_get_contact_points (other)->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (crm_customer_get_contact_points (other), i);
      char *key = contact_key (point);

      if (g_hash_table_add (seen, key))
        {
          /* The survivor's preferred contact stays the preferred one. */
          crm_contact_point_set_preferred (point, FALSE);
          crm_customer_add_contact_point (survivor, point);
        }
    }

  for (guint i = 0; i < n_addresses; i++)
    g_hash_table_add (seen, g_strconcat ("adr:", crm_address_format (g_ptr_array_index (addresses, i)), NULL));
  for (guint i = 0; i < crm_customer_get_addresses (other)->len; i++)
    {
      CrmAddress *address = g_ptr_array_index (crm_customer_get_addresses (other), i);
      g_autofree char *line = crm_address_format (address);

      if (g_hash_table_add (seen, g_strconcat ("adr:", line, NULL)))
        {
          crm_address_set_preferred (address, FALSE);
          crm_customer_add_address (survivor, address);
        }
    }

  for (guint i = 0; i < n_external_ids; i++)
    {
      CrmExternalId *id = g_ptr_array_index (external_ids, i);

      g_hash_table_add (seen, g_strdup_printf ("ext:%s\x1f%s", crm_external_id_get_system (id),
                                               crm_external_id_get_value (id)));
    }
  for (guint i = 0; i < crm_customer_get_external_ids (other)->len; i++)
    {
      CrmExternalId *id = g_ptr_array_index (crm_customer_get_external_ids (other), i);

      if (g_hash_table_add (seen, g_strdup_printf ("ext:%s\x1f%s", crm_external_id_get_system (id),
                                                   crm_external_id_get_value (id))))
        crm_customer_add_external_id (survivor, id);
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      CrmCustomer *from = pass == 0 ? survivor : other;
      const char * const *list = crm_customer_get_tags (from);

      for (guint i = 0; list[i] != NULL; i++)
        if (g_hash_table_add (seen, g_strconcat ("tag:", list[i], NULL)))
          g_strv_builder_add (tags, list[i]);
      list = crm_customer_get_vcard_properties (from);
      for (guint i = 0; list[i] != NULL; i++)
        if (g_hash_table_add (seen, g_strconcat ("vcf:", list[i], NULL)))
          g_strv_builder_add (lines, list[i]);
    }
  merged_tags = g_strv_builder_end (tags);
  merged_lines = g_strv_builder_end (lines);
  crm_customer_set_tags (survivor, (const char * const *) merged_tags);
  crm_customer_set_vcard_properties (survivor, (const char * const *) merged_lines);
}

static gboolean
run_with_two_ids (CrmStore    *self,
                  const char  *sql,
                  gint64       first,
                  gint64       second,
                  GError     **error)
{
  sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  return crm_store_step_done (self, stmt, _("Could not merge the customers"), error);
}

/**
 * crm_store_merge_customers:
 * @survivor: the customer who stays, with the field values the user chose;
 *   on success it holds the merged customer
 * @other_id: the customer merged into @survivor
 * @journal_id: (out) (optional): the journal entry crm_store_undo() takes
 *
 * Merges two customers into one: @survivor keeps its uid and gets every
 * contact point, address, external ID, tag, touchpoint and transaction of
 * the other, whose uid (and the uids merged into it before) becomes an
 * alias, so imports and other systems still find the customer. One
 * transaction; undoable.
 */
gboolean
crm_store_merge_customers (CrmStore     *self,
                           CrmCustomer  *survivor,
                           gint64        other_id,
                           gint64       *journal_id,
                           GError      **error)
{
  gint64 survivor_id;
  g_autoptr(CrmCustomer) other = NULL;
  g_autoptr(GPtrArray) aliases = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_CUSTOMER (survivor), FALSE);

  survivor_id = crm_customer_get_id (survivor);
  g_return_val_if_fail (survivor_id != 0 && survivor_id != other_id, FALSE);

  if (!crm_store_begin (self, error))
    return FALSE;

  other = crm_store_load_customer (self, other_id, error);
  if (other == NULL || !crm_store_journal_merge (self, survivor_id, other_id, journal_id, error))
    goto failed;

  aliases = crm_store_list_rows (self, "SELECT uid FROM customer_aliases WHERE customer_id = ?",
                                 other_id, crm_store_read_text, g_free,
                                 _("Could not merge the customers"), error);
  if (aliases == NULL)
    goto failed;

  add_missing_parts (survivor, other);
  if (!run_with_two_ids (self, "UPDATE touchpoints SET customer_id = ?1 WHERE customer_id = ?2",
                         survivor_id, other_id, error) ||
      !run_with_two_ids (self, "UPDATE transactions SET customer_id = ?1 WHERE customer_id = ?2",
                         survivor_id, other_id, error) ||
      !crm_store_remove_customer (self, other_id, error) ||
      !crm_store_save_customer (self, survivor, error))
    goto failed;

  g_ptr_array_add (aliases, g_strdup (crm_customer_get_uid (other)));
  for (guint i = 0; i < aliases->len; i++)
    {
      sqlite3_stmt *stmt = crm_store_prepare (self,
                                              "INSERT OR REPLACE INTO customer_aliases (uid, customer_id) "
                                              "VALUES (?, ?)", error);

      if (stmt == NULL)
        goto failed;
      crm_store_bind_text (stmt, 1, g_ptr_array_index (aliases, i));
      sqlite3_bind_int64 (stmt, 2, survivor_id);
      if (!crm_store_step_done (self, stmt, _("Could not merge the customers"), error))
        goto failed;
    }

  return crm_store_commit (self, error);

failed:
  crm_store_rollback (self);
  return FALSE;
}
