/* bench-vcard-parse.c: the vCard reader's speed and memory on a generated
 * vCard 3.0 file of BENCH_CARDS cards (default 100,000): names in four
 * scripts, folded lines, a small photo on one card in ten. Parse only; the
 * import into the database comes with the importer. */
#include <sys/resource.h>

#include "crm-importer.h"
#include "crm-test-utils.h"
#include "crm-vcard-reader.h"

static void
write_file (const char *path,
            guint       n_cards)
{
  static const char * const names[][2] = {
    { "Müller", "Zoë" }, { "Кузнецова", "Анна" }, { "王", "静怡" }, { "العلي", "عائشة" },
    { "García", "José" }, { "Иванов", "Сергей" }, { "李", "伟" }, { "حداد", "محمد" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GString) card = g_string_new (NULL);
  /* 600 bytes of base64, folded at 75 columns as exporters do. */
  g_autoptr(GString) photo = g_string_new ("PHOTO;ENCODING=b;TYPE=JPEG:");
  guchar pixels[450];

  g_assert_no_error (error);
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 1 << 16);
  for (guint i = 0; i < sizeof pixels; i++)
    pixels[i] = (guchar) (i * 7);
  {
    g_autofree char *encoded = g_base64_encode (pixels, sizeof pixels);

    g_string_append (photo, encoded);
    for (gsize at = 75; at < photo->len; at += 77)
      g_string_insert (photo, at, "\r\n ");
    g_string_append (photo, "\r\n");
  }

  for (guint i = 0; i < n_cards; i++)
    {
      const char *family = names[i % G_N_ELEMENTS (names)][0];
      const char *given = names[i % G_N_ELEMENTS (names)][1];

      g_string_printf (card,
                       "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                       "UID:urn:uuid:00000000-0000-4000-8000-%012u\r\n"
                       "N:%s;%s;;;\r\nFN:%s %s\r\n"
                       "ORG:Sonnenfeld Energiesysteme AG;Vertrieb\r\n"
                       "EMAIL;TYPE=INTERNET,WORK:customer%u@example.org\r\n"
                       "TEL;TYPE=CELL:+49 30 %07u\r\n"
                       "ADR;TYPE=WORK:;;Hauptstraße %u;Berlin;;10115;Germany\r\n"
                       "NOTE:Met at the trade fair\\, wants a quote for the annual plan\\; call\r\n"
                       " back after the holidays. Prefers e-mail over phone calls.\r\n"
                       "CATEGORIES:vip,trade-fair\r\n",
                       i, family, given, given, family, i, i % 10000000, i % 200);
      if (i % 10 == 0)
        g_string_append (card, photo->str);
      g_string_append (card, "END:VCARD\r\n");
      g_assert_true (g_output_stream_write_all (buffered, card->str, card->len, NULL, NULL, &error));
    }
  g_assert_true (g_output_stream_close (buffered, NULL, &error));
}

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("BENCH_CARDS");
  guint n_cards = size ? (guint) g_ascii_strtoull (size, NULL, 10) : 100000;
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cards.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(CrmVcardReader) reader = NULL;
  g_autoptr(GFileInfo) info = NULL;
  CrmVcardCard *card;
  guint parsed = 0, properties = 0;
  struct rusage usage;
  gint64 started;
  double seconds, import_seconds;

  write_file (path, n_cards);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  g_assert_no_error (error);

  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  reader = crm_vcard_reader_new (G_INPUT_STREAM (stream));

  started = g_get_monotonic_time ();
  while ((card = crm_vcard_reader_next (reader, NULL, &error)) != NULL)
    {
      parsed++;
      properties += crm_vcard_card_get_properties (card)->len;
      g_object_unref (card);
    }
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_assert_cmpuint (parsed, ==, n_cards);

  /* The same file imported into an empty database, all in one
   * transaction. */
  {
    g_autofree char *db = g_build_filename (dir, "import.db", NULL);
    g_autoptr(CrmStore) store = crm_store_open (db, &error);
    g_autoptr(GFileInputStream) again = NULL;
    g_autoptr(CrmImportReport) report = NULL;

    g_assert_no_error (error);
    again = g_file_read (file, NULL, &error);
    g_assert_no_error (error);
    started = g_get_monotonic_time ();
    report = crm_import_vcard (store, G_INPUT_STREAM (again), CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    import_seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
    g_assert_cmpint (crm_import_report_get_added (report), ==, n_cards);
  }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("data: %u vCard 3.0 cards, %u properties, %.1f MB, names in four scripts, folded lines, "
           "a photo on one card in ten; parsed in %.2f s\n",
           parsed, properties, g_file_info_get_size (info) / 1e6, seconds);
  g_print ("figure: vcard_parse_cards_per_s %.0f cards/s\n", parsed / seconds);
  g_print ("figure: vcard_import_customers_per_s %.0f customers/s (into an empty database, %.2f s)\n",
           n_cards / import_seconds, import_seconds);
  g_print ("figure: import_peak_rss_mb %.1f MB\n", usage.ru_maxrss / 1024.0);

  crm_test_remove_tree (dir);
  return 0;
}
