/* test-fuzz-regressions.c: every file of the fuzzers' seed corpus
 * (fuzz/corpus/TARGET/) through the same code as its libFuzzer target
 * (fuzz/fuzz-inputs.c), in the ordinary build and test run. The corpus
 * holds the inputs that once crashed a reader, as regression-*, so a bug
 * the fuzzers found stays found without clang or a sanitizer. */
#include <glib/gstdio.h>

#include "crm-test-utils.h"
#include "fuzz-inputs.h"

static char           *archive_dir;
static CrmFuzzArchive *archive;

static void
feed_archive (const guint8 *data,
              gsize         size)
{
  if (archive == NULL)
    {
      archive_dir = crm_test_make_temp_dir ();
      archive = crm_fuzz_archive_new (archive_dir);
    }
  crm_fuzz_archive_feed (archive, data, size);
}

static const struct
{
  const char *target;
  void      (*feed) (const guint8 *data,
                     gsize         size);
} feeders[] = {
  { "vcard", crm_fuzz_feed_vcard },
  { "xml-input", crm_fuzz_feed_xml_input },
  { "archive", feed_archive },
  { "csv", crm_fuzz_feed_csv },
  { "xcard", crm_fuzz_feed_xcard },
};

typedef struct
{
  char  *path;
  void (*feed) (const guint8 *data,
                gsize         size);
} Input;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->path);
  g_free (input);
}

static void
test_input (gconstpointer data)
{
  const Input *input = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  g_file_get_contents (input->path, &contents, &size, &error);
  g_assert_no_error (error);
  input->feed ((const guint8 *) contents, size);
}

static void
test_unknown_target (gconstpointer data)
{
  g_test_fail_printf ("fuzz/corpus/%s has no target here to feed its files to", (const char *) data);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_directory (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *corpus = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (input_free);
  int result;

  g_test_init (&argc, &argv, NULL);

  corpus = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus", NULL);
  targets = list_directory (corpus);
  for (guint t = 0; t < targets->len; t++)
    {
      const char *target = g_ptr_array_index (targets, t);
      g_autofree char *dir = g_build_filename (corpus, target, NULL);
      g_autoptr(GPtrArray) files = NULL;
      void (*feed) (const guint8 *, gsize) = NULL;

      for (guint f = 0; f < G_N_ELEMENTS (feeders); f++)
        if (g_str_equal (feeders[f].target, target))
          feed = feeders[f].feed;
      if (feed == NULL)
        {
          g_autofree char *path = g_strdup_printf ("/fuzz-regressions/%s", target);

          g_test_add_data_func (path, target, test_unknown_target);
          continue;
        }

      files = list_directory (dir);
      for (guint f = 0; f < files->len; f++)
        {
          g_autofree char *path = g_strdup_printf ("/fuzz-regressions/%s/%s", target,
                                                   (const char *) g_ptr_array_index (files, f));
          Input *input = g_new0 (Input, 1);

          input->path = g_build_filename (dir, g_ptr_array_index (files, f), NULL);
          input->feed = feed;
          g_ptr_array_add (inputs, input);
          g_test_add_data_func (path, input, test_input);
        }
    }

  result = g_test_run ();

  g_clear_pointer (&archive, crm_fuzz_archive_free);
  if (archive_dir != NULL)
    crm_test_remove_tree (archive_dir);
  g_free (archive_dir);
  return result;
}
