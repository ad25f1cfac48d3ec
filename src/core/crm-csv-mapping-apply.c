/* crm-csv-mapping-apply.c: a CSV record as a customer, by a CrmCsvMapping.
 *
 * Files put several values in one cell (Google's " ::: ", lines, lists of
 * e-mail addresses), the type of a value in a column of its own, and the
 * parts of an address in several; a name is given whole, in parts or not
 * at all. What comes out is a customer as if it had been typed in.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-csv-mapping.h"
#include "crm-csv-writer.h"
#include "crm-validation.h"

static GQuark
composed_name_quark (void)
{
  return g_quark_from_static_string ("crm-csv-composed-name");
}

static gboolean
is_cjk (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    switch (g_unichar_get_script (g_utf8_get_char (p)))
      {
      case G_UNICODE_SCRIPT_HAN:
      case G_UNICODE_SCRIPT_HIRAGANA:
      case G_UNICODE_SCRIPT_KATAKANA:
      case G_UNICODE_SCRIPT_HANGUL:
        break;
      default:
        return FALSE;
      }
  return TRUE;
}

/**
 * crm_csv_compose_display_name:
 *
 * The name a customer is shown by when a file gives none: given and
 * family name (family first and without a space in Chinese, Japanese and
 * Korean, "王小明"), else the organization.
 *
 * Returns: (transfer full): the name, or ""
 */
char *
crm_csv_compose_display_name (CrmCustomer *customer)
{
  const char *given = crm_customer_get_given_name (customer);
  const char *family = crm_customer_get_family_name (customer);

  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), NULL);

  if (*given != '\0' && *family != '\0')
    return is_cjk (given) && is_cjk (family) ? g_strconcat (family, given, NULL)
                                             : g_strconcat (given, " ", family, NULL);
  if (*given != '\0' || *family != '\0')
    return g_strdup (*given != '\0' ? given : family);
  return g_strdup (crm_customer_get_organization (customer));
}

/* Whether crm_csv_mapping_apply() made up the customer's display name, the
 * file giving none: an update then does not take it as the file's. */
gboolean
crm_csv_mapping_name_was_composed (CrmCustomer *customer)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), FALSE);
  return g_object_get_qdata (G_OBJECT (customer), composed_name_quark ()) != NULL;
}

/* Google and Outlook write their own labels capitalized; Touchpoint, like
 * vCard, writes the common ones in lower case. "* " marks Google's
 * preferred value. */
static char *
read_label (const char *text,
            gboolean   *preferred)
{
  static const char * const common[] = { "home", "work", "mobile", "other", "main", "fax", "pager", "cell" };

  *preferred = g_str_has_prefix (text, "* ");
  if (*preferred)
    text += 2;
  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    if (g_ascii_strcasecmp (text, common[i]) == 0)
      return g_strdup (g_str_equal (common[i], "cell") ? "mobile" : common[i]);
  return g_strdup (text);
}

/* A cell's value: a formula guard taken off (see crm_csv_unguard()) and
 * the spaces around it trimmed. */
static char *
cell_value (const char *cell)
{
  return g_strstrip (g_strdup (crm_csv_unguard (cell)));
}

/* Splits a cell that may hold several values: lines, Google's " ::: ",
 * and for e-mail addresses and tags, which cannot hold them, commas and
 * semicolons. */
static char **
split_values (const char *text,
              gboolean    commas)
{
  g_autoptr(GString) joined = g_string_new (text);

  g_string_replace (joined, " ::: ", "\n", 0);
  if (commas)
    {
      g_string_replace (joined, ",", "\n", 0);
      g_string_replace (joined, ";", "\n", 0);
    }
  return g_strsplit (joined->str, "\n", -1);
}

/* The same value twice in a record (in two columns) is one contact
 * point; telling values written differently apart is the importer's. */
static gboolean
has_value (CrmCustomer    *customer,
           CrmContactKind  kind,
           const char     *value)
{
  GPtrArray *points = crm_customer_get_contact_points (customer);

  for (guint i = 0; i < points->len; i++)
    if (crm_contact_point_get_kind (g_ptr_array_index (points, i)) == kind &&
        g_str_equal (crm_contact_point_get_value (g_ptr_array_index (points, i)), value))
      return TRUE;
  return FALSE;
}

static void
add_points (CrmCustomer    *customer,
            CrmCsvTarget    target,
            const char     *text,
            const char     *group_label,
            const char     *column_label,
            guint           line,
            GPtrArray      *problems)
{
  CrmContactKind kind = target == CRM_CSV_TARGET_EMAIL ? CRM_CONTACT_KIND_EMAIL
                      : target == CRM_CSV_TARGET_URL ? CRM_CONTACT_KIND_URL : CRM_CONTACT_KIND_PHONE;
  g_auto(GStrv) values = split_values (text, kind == CRM_CONTACT_KIND_EMAIL);
  g_autofree char *label = NULL;
  gboolean preferred = FALSE;

  if (group_label != NULL)
    label = read_label (group_label, &preferred);
  else if (*column_label != '\0')
    label = g_strdup (column_label);
  else
    label = g_strdup (target == CRM_CSV_TARGET_MOBILE_PHONE ? "mobile"
                      : target == CRM_CSV_TARGET_WORK_PHONE ? "work" : "");

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autoptr(CrmContactPoint) point = NULL;
      g_autofree char *wrong = NULL;
      char *value = g_strstrip (values[i]);

      if (*value == '\0')
        continue;
      if (kind == CRM_CONTACT_KIND_EMAIL && (wrong = crm_validate_email (value)) != NULL && problems != NULL)
        /* TRANSLATORS: "line 4: “anna.example.org”: An e-mail address needs an @…" */
        g_ptr_array_add (problems, g_strdup_printf (_("line %u: “%s”: %s; it was imported as it is"),
                                                    line, value, wrong));
      /* Only the first of several values is the preferred one. */
      point = crm_contact_point_new (kind, value, label, preferred && i == 0);
      if (!has_value (customer, kind, value))
        crm_customer_add_contact_point (customer, point);
    }
}

static CrmAddress *
address_for_group (GPtrArray *addresses,
                   GArray    *groups,
                   guint      group)
{
  CrmAddress *address;

  for (guint i = 0; i < groups->len; i++)
    if (g_array_index (groups, guint, i) == group)
      return g_ptr_array_index (addresses, i);
  address = crm_address_new ();
  g_ptr_array_add (addresses, address);
  g_array_append_val (groups, group);
  return address;
}

static void
set_address_part (CrmAddress   *address,
                  CrmCsvTarget  target,
                  const char   *value)
{
  static void (* const setters[]) (CrmAddress *, const char *) = {
    crm_address_set_street, crm_address_set_locality, crm_address_set_region,
    crm_address_set_postal_code, crm_address_set_country,
  };
  g_autofree char *lines = NULL;

  g_assert (target >= CRM_CSV_TARGET_STREET && target <= CRM_CSV_TARGET_COUNTRY);
  /* Outlook's "Business Street 2" and "Address Line 2" are more lines of
   * the street. */
  if (target == CRM_CSV_TARGET_STREET && *crm_address_get_street (address) != '\0')
    value = lines = g_strconcat (crm_address_get_street (address), "\n", value, NULL);
  setters[target - CRM_CSV_TARGET_STREET] (address, value);
}

static void
add_tags (GPtrArray  *tags,
          const char *text)
{
  g_auto(GStrv) values = split_values (text, TRUE);

  for (guint i = 0; values[i] != NULL; i++)
    {
      char *tag = g_strstrip (values[i]);

      /* Google's own groups, "* myContacts", "* starred", are not the
       * user's tags. */
      if (*tag == '\0' || g_str_has_prefix (tag, "* ") ||
          g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
        continue;
      g_ptr_array_add (tags, g_strdup (tag));
    }
}

/**
 * crm_csv_mapping_apply:
 * @fields: the record's fields; fewer than the mapping has columns are
 *   taken as empty
 * @line: where the record starts, for problems
 * @problems: (nullable) (element-type utf8): where to add what was wrong
 *
 * Turns a record into a customer. Of several columns for one field the
 * first filled wins, except notes and street lines, which are joined. A
 * missing display name is composed from the names or the organization,
 * else taken from an e-mail address or phone number.
 *
 * Returns: (transfer full) (nullable): the customer, or %NULL, with a
 *   problem added, when the record has no name, organization, e-mail
 *   address or phone number
 */
CrmCustomer *
crm_csv_mapping_apply (CrmCsvMapping      *self,
                       const char * const *fields,
                       guint               line,
                       GPtrArray          *problems)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GHashTable) labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) addresses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  char *texts[CRM_CSV_N_TARGETS] = { NULL };
  GPtrArray *points;
  guint n_fields;
  gboolean named;

  g_return_val_if_fail (CRM_IS_CSV_MAPPING (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  /* The types first: Google writes them before their values. */
  n_fields = MIN (g_strv_length ((char **) fields), crm_csv_mapping_get_n_columns (self));
  for (guint i = 0; i < n_fields; i++)
    {
      guint group = crm_csv_mapping_get_group (self, i);
      g_autofree char *value = cell_value (fields[i]);

      if (crm_csv_mapping_get_target (self, i) == CRM_CSV_TARGET_LABEL && group != 0 && *value != '\0')
        g_hash_table_insert (labels, GUINT_TO_POINTER (group), g_steal_pointer (&value));
    }

  for (guint i = 0; i < n_fields; i++)
    {
      CrmCsvTarget target = crm_csv_mapping_get_target (self, i);
      const char *column_label = crm_csv_mapping_get_label (self, i);
      guint group = crm_csv_mapping_get_group (self, i);
      const char *group_label = group != 0 ? g_hash_table_lookup (labels, GUINT_TO_POINTER (group)) : NULL;
      g_autofree char *value = cell_value (fields[i]);
      CrmAddress *address;
      gboolean preferred;

      if (*value == '\0')
        continue;
      switch (target)
        {
        case CRM_CSV_TARGET_EMAIL:
        case CRM_CSV_TARGET_PHONE:
        case CRM_CSV_TARGET_MOBILE_PHONE:
        case CRM_CSV_TARGET_WORK_PHONE:
        case CRM_CSV_TARGET_URL:
          add_points (customer, target, value, group_label, column_label, line,
                      problems);
          break;
        case CRM_CSV_TARGET_STREET:
        case CRM_CSV_TARGET_LOCALITY:
        case CRM_CSV_TARGET_REGION:
        case CRM_CSV_TARGET_POSTAL_CODE:
        case CRM_CSV_TARGET_COUNTRY:
          address = address_for_group (addresses, groups, group);
          set_address_part (address, target, value);
          if (group_label != NULL)
            {
              g_autofree char *label = read_label (group_label, &preferred);

              crm_address_set_label (address, label);
              crm_address_set_preferred (address, preferred);
            }
          else if (*column_label != '\0')
            crm_address_set_label (address, column_label);
          break;
        case CRM_CSV_TARGET_TAGS:
          add_tags (tags, value);
          break;
        case CRM_CSV_TARGET_NOTES:
          if (texts[target] != NULL)
            {
              char *joined = g_strconcat (texts[target], "\n", value, NULL);

              g_free (texts[target]);
              texts[target] = joined;
            }
          else
            texts[target] = g_steal_pointer (&value);
          break;
        case CRM_CSV_TARGET_IGNORE:
        case CRM_CSV_TARGET_LABEL:
        case CRM_CSV_N_TARGETS:
          break;
        default:
          if (texts[target] == NULL)
            texts[target] = g_steal_pointer (&value);
          break;
        }
    }

  crm_customer_set_given_name (customer, texts[CRM_CSV_TARGET_GIVEN_NAME]);
  crm_customer_set_family_name (customer, texts[CRM_CSV_TARGET_FAMILY_NAME]);
  crm_customer_set_organization (customer, texts[CRM_CSV_TARGET_ORGANIZATION]);
  crm_customer_set_title (customer, texts[CRM_CSV_TARGET_TITLE]);
  crm_customer_set_notes (customer, texts[CRM_CSV_TARGET_NOTES]);
  crm_customer_set_owner (customer, texts[CRM_CSV_TARGET_OWNER]);
  crm_customer_set_segment (customer, texts[CRM_CSV_TARGET_SEGMENT]);
  crm_customer_set_region (customer, texts[CRM_CSV_TARGET_SALES_REGION]);
  crm_customer_set_uid (customer, texts[CRM_CSV_TARGET_UID]);
  g_ptr_array_add (tags, NULL);
  crm_customer_set_tags (customer, (const char * const *) tags->pdata);
  for (guint i = 0; i < addresses->len; i++)
    if (!crm_address_is_empty (g_ptr_array_index (addresses, i)))
      crm_customer_add_address (customer, g_ptr_array_index (addresses, i));

  points = crm_customer_get_contact_points (customer);
  if (texts[CRM_CSV_TARGET_DISPLAY_NAME] != NULL)
    crm_customer_set_display_name (customer, texts[CRM_CSV_TARGET_DISPLAY_NAME]);
  else
    {
      g_autofree char *name = crm_csv_compose_display_name (customer);

      if (*name == '\0' && points->len > 0)
        crm_customer_set_display_name (customer, crm_contact_point_get_value (g_ptr_array_index (points, 0)));
      else
        crm_customer_set_display_name (customer, name);
      g_object_set_qdata (G_OBJECT (customer), composed_name_quark (), GINT_TO_POINTER (TRUE));
    }
  named = texts[CRM_CSV_TARGET_GIVEN_NAME] != NULL || texts[CRM_CSV_TARGET_FAMILY_NAME] != NULL ||
          texts[CRM_CSV_TARGET_DISPLAY_NAME] != NULL;
  if (!named && texts[CRM_CSV_TARGET_ORGANIZATION] != NULL)
    crm_customer_set_kind (customer, CRM_CUSTOMER_KIND_ORGANIZATION);
  for (guint t = 0; t < CRM_CSV_N_TARGETS; t++)
    g_free (texts[t]);

  if (*crm_customer_get_display_name (customer) == '\0')
    {
      if (problems != NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("line %u: no name, organization, e-mail address or phone "
                                                      "number; the record was skipped"), line));
      return NULL;
    }
  return g_steal_pointer (&customer);
}
