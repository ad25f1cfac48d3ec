/* test-vcard-reader.c: every file of tests/vcard-corpus/, written as real
 * exporters write vCards, is read and compared line by line with its
 * .expected file: each property with its group, parameters and decoded
 * value, and each problem with its line number. */
#include <string.h>

#include "crm-vcard-reader.h"

/* Renders a card the way the .expected files spell it. */
static void
render_card (GString      *out,
             CrmVcardCard *card,
             guint         index)
{
  GPtrArray *properties = crm_vcard_card_get_properties (card);
  GPtrArray *problems = crm_vcard_card_get_problems (card);

  g_string_append_printf (out, "card %u%s\n", index, crm_vcard_card_get_skipped (card) ? " skipped" : "");
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);
      guint line = (guint) g_ascii_strtoull (problem + strlen ("line "), NULL, 10);

      g_string_append_printf (out, "error %u\n", line);
    }
  for (guint i = 0; i < properties->len; i++)
    {
      CrmVcardProperty *property = g_ptr_array_index (properties, i);
      GBytes *binary = crm_vcard_property_get_binary (property);

      if (*crm_vcard_property_get_group (property))
        g_string_append_printf (out, "%s.", crm_vcard_property_get_group (property));
      g_string_append (out, crm_vcard_property_get_name (property));
      for (guint p = 0; p < crm_vcard_property_get_n_params (property); p++)
        {
          g_autofree char *values = g_strjoinv (",", (char **) crm_vcard_property_get_param_values (property, p));
          g_autoptr(GString) escaped = g_string_new (values);

          g_string_replace (escaped, "\n", "\\n", 0);
          g_string_append_printf (out, ";%s=%s", crm_vcard_property_get_param_name (property, p), escaped->str);
        }
      if (binary != NULL)
        g_string_append_printf (out, " = <%" G_GSIZE_FORMAT " bytes>\n", g_bytes_get_size (binary));
      else
        {
          g_autoptr(GString) value = g_string_new (crm_vcard_property_get_value (property));

          g_string_replace (value, "\r\n", "\\n", 0);
          g_string_replace (value, "\n", "\\n", 0);
          g_string_append_printf (out, " = %s\n", value->str);
        }
    }
  g_string_append (out, "end\n");
}

/* The .expected file without comments, with each "error LINE: reason"
 * reduced to "error LINE" (the reasons are for people) and moved to the
 * top of its card, where the rendering lists problems. */
static char *
load_expected (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  g_autoptr(GString) card = g_string_new (NULL);
  g_autoptr(GString) errors = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];

      if (line[0] == '#' || line[0] == '\0')
        continue;
      if (g_str_has_prefix (line, "card "))
        {
          g_string_append_printf (out, "%s\n", line);
          continue;
        }
      if (g_str_has_prefix (line, "error "))
        {
          char *colon = strchr (line, ':');

          if (colon)
            *colon = '\0';
          g_string_append_printf (errors, "%s\n", line);
          continue;
        }
      if (g_str_equal (line, "end"))
        {
          g_string_append_printf (out, "%s%send\n", errors->str, card->str);
          g_string_truncate (errors, 0);
          g_string_truncate (card, 0);
          continue;
        }
      g_string_append_printf (card, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static void
test_corpus_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *vcf = g_test_build_filename (G_TEST_DIST, "vcard-corpus", name, NULL);
  g_autofree char *base = g_strndup (vcf, strlen (vcf) - 4);
  g_autofree char *expected_path = g_strconcat (base, ".expected", NULL);
  g_autofree char *expected = load_expected (expected_path);
  g_autoptr(GFile) file = g_file_new_for_path (vcf);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
  g_autoptr(CrmVcardReader) reader = NULL;
  g_autoptr(GString) actual = g_string_new (NULL);
  CrmVcardCard *card;
  guint index = 0;

  g_assert_no_error (error);
  reader = crm_vcard_reader_new (G_INPUT_STREAM (stream));
  while ((card = crm_vcard_reader_next (reader, NULL, &error)) != NULL)
    {
      render_card (actual, card, ++index);
      g_object_unref (card);
    }
  g_assert_no_error (error);
  if (g_strcmp0 (actual->str, expected) != 0)
    {
      /* Long lines (a 100,000-character note) would drown the difference. */
      g_autofree char *actual_path = g_build_filename (g_get_tmp_dir (), "vcard-actual.txt", NULL);

      g_file_set_contents (actual_path, actual->str, -1, NULL);
      g_error ("%s: the cards read differ from %s; what was read is in %s", name, expected_path, actual_path);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_test_init (&argc, &argv, NULL);

  dir = g_test_build_filename (G_TEST_DIST, "vcard-corpus", NULL);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((entry = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (entry, ".vcf"))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/vcard-reader/%s", (char *) g_ptr_array_index (names, i));

      g_test_add_data_func (path, g_ptr_array_index (names, i), test_corpus_file);
    }
  return g_test_run ();
}
