/* crm-demo-vocabulary.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "crm-demo-vocabulary.h"
#include "crm-seeds-resources.h"

#define SEEDS_PATH RESOURCE_BASE "/seeds/"

static void
free_type (gpointer data)
{
  CrmDemoTouchpointType *type = data;

  g_free (type->channels);
}

void
crm_demo_vocabulary_free (CrmDemoVocabulary *self)
{
  if (self == NULL)
    return;

  for (guint s = 0; s < CRM_DEMO_N_SCRIPTS; s++)
    {
      for (guint f = 0; f < 2; f++)
        {
          g_clear_pointer (&self->given_names[s][f], g_ptr_array_unref);
          g_clear_pointer (&self->family_names[s][f], g_ptr_array_unref);
        }
      g_clear_pointer (&self->companies[s], g_ptr_array_unref);
      g_clear_pointer (&self->streets[s], g_ptr_array_unref);
      g_clear_pointer (&self->notes[s], g_ptr_array_unref);
      g_clear_pointer (&self->cities[s], g_array_unref);
    }
  g_clear_pointer (&self->email_domains, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->owners, g_array_unref);
  g_clear_pointer (&self->products, g_array_unref);
  g_clear_pointer (&self->channels, g_array_unref);
  g_clear_pointer (&self->touchpoint_types, g_array_unref);
  g_string_chunk_free (self->strings);
  g_free (self);
}

/* Calls @row for every record of a seeds file: comment lines (#) are
 * skipped, fields are TAB-separated and must number @n_fields. */
typedef gboolean (*RowFunc) (CrmDemoVocabulary  *self,
                             char              **fields,
                             GError            **error);

static gboolean
read_seed_file (CrmDemoVocabulary  *self,
                const char         *name,
                guint               n_fields,
                RowFunc             row,
                GError            **error)
{
  g_autofree char *path = g_strconcat (SEEDS_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *data;

  /* Looked up in our own resource rather than the global set: referencing
   * it keeps the linker from dropping it out of the static library. */
  bytes = g_resource_lookup_data (crm_seeds_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) local_error = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != n_fields)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "seeds/%s, line %u: %u fields, expected %u",
                       name, i + 1, g_strv_length (fields), n_fields);
          return FALSE;
        }
      if (!row (self, fields, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "seeds/%s, line %u: %s", name, i + 1, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_script (const char     *text,
              CrmDemoScript  *script,
              GError        **error)
{
  static const char * const names[] = { "latin", "cyrillic", "han", "arabic" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (text, names[i]) == 0)
      {
        *script = i;
        return TRUE;
      }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown script “%s”", text);
  return FALSE;
}

static const char *
intern (CrmDemoVocabulary *self,
        const char        *text)
{
  return g_string_chunk_insert_const (self->strings, text);
}

static gboolean
add_given_name (CrmDemoVocabulary  *self,
                char              **f,
                GError            **error)
{
  CrmDemoScript script;

  if (!parse_script (f[0], &script, error))
    return FALSE;
  g_ptr_array_add (self->given_names[script][strcmp (f[1], "f") == 0], (char *) intern (self, f[2]));
  return TRUE;
}

static gboolean
add_family_name (CrmDemoVocabulary  *self,
                 char              **f,
                 GError            **error)
{
  CrmDemoScript script;

  if (!parse_script (f[0], &script, error))
    return FALSE;
  g_ptr_array_add (self->family_names[script][0], (char *) intern (self, f[1]));
  g_ptr_array_add (self->family_names[script][1], (char *) intern (self, f[2]));
  return TRUE;
}

/* companies.tsv, streets.tsv and notes.tsv: script, text. */
static gboolean
add_scripted_text (CrmDemoVocabulary  *self,
                   GPtrArray         **lists,
                   char              **f,
                   GError            **error)
{
  CrmDemoScript script;

  if (!parse_script (f[0], &script, error))
    return FALSE;
  g_ptr_array_add (lists[script], (char *) intern (self, f[1]));
  return TRUE;
}

static gboolean
add_company (CrmDemoVocabulary *self, char **f, GError **error)
{
  return add_scripted_text (self, self->companies, f, error);
}

static gboolean
add_street (CrmDemoVocabulary *self, char **f, GError **error)
{
  return add_scripted_text (self, self->streets, f, error);
}

static gboolean
add_note (CrmDemoVocabulary *self, char **f, GError **error)
{
  return add_scripted_text (self, self->notes, f, error);
}

static gboolean
add_city (CrmDemoVocabulary  *self,
          char              **f,
          GError            **error)
{
  CrmDemoScript script;
  CrmDemoCity city;

  if (!parse_script (f[0], &script, error))
    return FALSE;
  city.name = intern (self, f[1]);
  city.country = intern (self, f[2]);
  city.calling_code = intern (self, f[3]);
  city.postal_pattern = intern (self, f[4]);
  city.region = intern (self, f[5]);
  g_array_append_val (self->cities[script], city);
  return TRUE;
}

static gboolean
add_owner (CrmDemoVocabulary  *self,
           char              **f,
           GError            **error)
{
  CrmDemoOwner owner = { intern (self, f[0]), intern (self, f[1]) };

  g_array_append_val (self->owners, owner);
  return TRUE;
}

static gboolean
parse_int (const char  *text,
           gint64      *out,
           GError     **error)
{
  return g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, out, error);
}

static gboolean
parse_double (const char  *text,
              double      *out,
              GError     **error)
{
  char *end = NULL;

  *out = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” is not a number", text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_product (CrmDemoVocabulary  *self,
             char              **f,
             GError            **error)
{
  CrmDemoProduct product = { intern (self, f[0]), 0, 0 };

  if (!parse_int (f[2], &product.price_min, error) ||
      !parse_int (f[3], &product.price_max, error))
    return FALSE;
  if (product.price_max < product.price_min)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "maximum price below minimum");
      return FALSE;
    }
  g_array_append_val (self->products, product);
  return TRUE;
}

static gboolean
add_channel (CrmDemoVocabulary  *self,
             char              **f,
             GError            **error)
{
  CrmDemoChannel channel = { intern (self, f[0]), intern (self, f[1]) };

  g_array_append_val (self->channels, channel);
  return TRUE;
}

static gboolean
parse_required_data (const char    *text,
                     CrmDataField  *out,
                     GError       **error)
{
  static const struct { const char *name; CrmDataField field; } fields[] = {
    { "name", CRM_DATA_FIELD_NAME },
    { "email", CRM_DATA_FIELD_EMAIL },
    { "phone", CRM_DATA_FIELD_PHONE },
    { "address", CRM_DATA_FIELD_ADDRESS },
    { "organization", CRM_DATA_FIELD_ORGANIZATION },
  };
  g_auto(GStrv) names = NULL;

  *out = CRM_DATA_FIELD_NONE;
  if (strcmp (text, "-") == 0)
    return TRUE;

  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      guint j;

      for (j = 0; j < G_N_ELEMENTS (fields); j++)
        if (strcmp (names[i], fields[j].name) == 0)
          break;
      if (j == G_N_ELEMENTS (fields))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "unknown data field “%s”", names[i]);
          return FALSE;
        }
      *out |= fields[j].field;
    }
  return TRUE;
}

static gboolean
add_touchpoint_type (CrmDemoVocabulary  *self,
                     char              **f,
                     GError            **error)
{
  CrmDemoTouchpointType type = { 0 };
  g_auto(GStrv) keys = g_strsplit (f[2], ",", -1);

  type.name = intern (self, f[0]);
  type.stage = intern (self, f[1]);
  type.moment_of_truth = strcmp (f[3], "1") == 0;
  type.direction = strcmp (f[5], "out") == 0 ? CRM_DIRECTION_OUTBOUND : CRM_DIRECTION_INBOUND;
  if (!parse_required_data (f[4], &type.required_data, error) ||
      !parse_double (f[6], &type.conversion_effect, error) ||
      !parse_double (f[7], &type.retention_effect, error) ||
      !parse_double (f[8], &type.satisfaction_mean, error) ||
      !parse_double (f[9], &type.weight, error))
    return FALSE;

  type.n_channels = g_strv_length (keys);
  type.channels = g_new0 (guint, type.n_channels);
  for (guint i = 0; i < type.n_channels; i++)
    {
      guint c;

      for (c = 0; c < self->channels->len; c++)
        if (strcmp (g_array_index (self->channels, CrmDemoChannel, c).key, keys[i]) == 0)
          break;
      if (c == self->channels->len)
        {
          g_free (type.channels);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "unknown channel “%s”", keys[i]);
          return FALSE;
        }
      type.channels[i] = c;
    }

  g_array_append_val (self->touchpoint_types, type);
  return TRUE;
}

/* email-domains.txt and tags.txt: one word a line. */
static gboolean
read_word_list (CrmDemoVocabulary  *self,
                const char         *name,
                GPtrArray          *list,
                GError            **error)
{
  g_autofree char *path = g_strconcat (SEEDS_PATH, name, NULL);
  g_autoptr(GBytes) /* Looked up in our own resource rather than the global set: referencing
   * it keeps the linker from dropping it out of the static library. */
  bytes = g_resource_lookup_data (crm_seeds_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#')
      g_ptr_array_add (list, (char *) intern (self, g_strstrip (lines[i])));
  return TRUE;
}

static gboolean
check_complete (CrmDemoVocabulary  *self,
                GError            **error)
{
  for (guint s = 0; s < CRM_DEMO_N_SCRIPTS; s++)
    {
      if (self->given_names[s][0]->len == 0 || self->given_names[s][1]->len == 0 ||
          self->family_names[s][0]->len == 0 || self->companies[s]->len == 0 ||
          self->streets[s]->len == 0 || self->cities[s]->len == 0 || self->notes[s]->len == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "seeds/: script %u lacks names, companies, streets, cities or notes", s);
          return FALSE;
        }
    }
  if (self->owners->len == 0 || self->products->len == 0 || self->email_domains->len == 0 ||
      self->tags->len == 0 || self->touchpoint_types->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "seeds/: owners, products, e-mail domains, tags or touchpoint types missing");
      return FALSE;
    }
  return TRUE;
}

CrmDemoVocabulary *
crm_demo_vocabulary_load (GError **error)
{
  g_autoptr(CrmDemoVocabulary) self = g_new0 (CrmDemoVocabulary, 1);

  self->strings = g_string_chunk_new (16 * 1024);
  for (guint s = 0; s < CRM_DEMO_N_SCRIPTS; s++)
    {
      for (guint f = 0; f < 2; f++)
        {
          self->given_names[s][f] = g_ptr_array_new ();
          self->family_names[s][f] = g_ptr_array_new ();
        }
      self->companies[s] = g_ptr_array_new ();
      self->streets[s] = g_ptr_array_new ();
      self->notes[s] = g_ptr_array_new ();
      self->cities[s] = g_array_new (FALSE, FALSE, sizeof (CrmDemoCity));
    }
  self->email_domains = g_ptr_array_new ();
  self->tags = g_ptr_array_new ();
  self->owners = g_array_new (FALSE, FALSE, sizeof (CrmDemoOwner));
  self->products = g_array_new (FALSE, FALSE, sizeof (CrmDemoProduct));
  self->channels = g_array_new (FALSE, FALSE, sizeof (CrmDemoChannel));
  self->touchpoint_types = g_array_new (FALSE, FALSE, sizeof (CrmDemoTouchpointType));
  g_array_set_clear_func (self->touchpoint_types, free_type);

  if (!read_seed_file (self, "given-names.tsv", 3, add_given_name, error) ||
      !read_seed_file (self, "family-names.tsv", 3, add_family_name, error) ||
      !read_seed_file (self, "companies.tsv", 2, add_company, error) ||
      !read_seed_file (self, "streets.tsv", 2, add_street, error) ||
      !read_seed_file (self, "notes.tsv", 2, add_note, error) ||
      !read_seed_file (self, "cities.tsv", 6, add_city, error) ||
      !read_seed_file (self, "owners.tsv", 2, add_owner, error) ||
      !read_seed_file (self, "products.tsv", 4, add_product, error) ||
      !read_seed_file (self, "channels.tsv", 2, add_channel, error) ||
      !read_seed_file (self, "touchpoint-types.tsv", 10, add_touchpoint_type, error) ||
      !read_word_list (self, "email-domains.txt", self->email_domains, error) ||
      !read_word_list (self, "tags.txt", self->tags, error) ||
      !check_complete (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
