/* test-xml-input.c: hostile XML is refused, quickly, with a clear
 * CRM_XML_INPUT_ERROR code, and reads no file: entity bombs, external
 * entities and DTDs, a 100 MB text, nesting 10,000 deep, a DOCTYPE split
 * across reads, XInclude, UTF-16. Each case goes through CrmXmlInput
 * directly and through the xCard import, which must leave the database
 * as it was. Well-formed documents still read. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "crm-test-utils.h"
#include "crm-xcard.h"

#define SECRET "TOUCHPOINT-SECRET-MARKER-5d1e"

/* AddressSanitizer keeps freed memory in quarantine: resident size says
 * nothing there. */
#if defined(__SANITIZE_ADDRESS__)
#define MEASURE_RSS FALSE
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEASURE_RSS FALSE
#endif
#endif
#ifndef MEASURE_RSS
#define MEASURE_RSS TRUE
#endif
#define MAX_SECONDS 2.0

/* A stream of a document: a start, then @filler_length bytes of 'A',
 * then an end, at most @chunk bytes per read, made as it is read so a
 * 100 MB document takes no memory. Counts what it handed out. */
#define TEST_TYPE_STREAM (test_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestStream, test_stream, TEST, STREAM, GInputStream)

struct _TestStream
{
  GInputStream parent_instance;
  char        *start;
  char        *end;
  guint64      filler_length;
  gsize        chunk;
  guint64      position;
};

G_DEFINE_FINAL_TYPE (TestStream, test_stream, G_TYPE_INPUT_STREAM)

static gssize
test_stream_read (GInputStream  *stream,
                  void          *buffer,
                  gsize          count,
                  GCancellable  *cancellable,
                  GError       **error)
{
  TestStream *self = TEST_STREAM (stream);
  guint64 start_length = strlen (self->start);
  guint64 end_at = start_length + self->filler_length;
  gsize done = 0;

  count = MIN (count, self->chunk);
  while (done < count)
    {
      guint64 at = self->position;
      gsize n;

      if (at < start_length)
        {
          n = MIN (count - done, start_length - at);
          memcpy ((char *) buffer + done, self->start + at, n);
        }
      else if (at < end_at)
        {
          n = MIN (count - done, end_at - at);
          memset ((char *) buffer + done, 'A', n);
        }
      else if (at < end_at + strlen (self->end))
        {
          n = MIN (count - done, end_at + strlen (self->end) - at);
          memcpy ((char *) buffer + done, self->end + (at - end_at), n);
        }
      else
        break;
      done += n;
      self->position += n;
    }
  return done;
}

static void
test_stream_finalize (GObject *object)
{
  TestStream *self = TEST_STREAM (object);

  g_free (self->start);
  g_free (self->end);
  G_OBJECT_CLASS (test_stream_parent_class)->finalize (object);
}

static void
test_stream_class_init (TestStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_stream_read;
}

static void
test_stream_init (TestStream *self)
{
}

/* A document as a case describes it. */
typedef struct
{
  const char *start;
  guint64     filler_length;
  const char *end;
  gsize       chunk;
} Source;

static GInputStream *
source_open (const Source *source)
{
  TestStream *stream = g_object_new (TEST_TYPE_STREAM, NULL);

  stream->start = g_strdup (source->start);
  stream->end = g_strdup (source->end ? source->end : "");
  stream->filler_length = source->filler_length;
  stream->chunk = source->chunk ? source->chunk : 64 * 1024;
  return G_INPUT_STREAM (stream);
}

typedef struct
{
  char     *dir;
  char     *path;
  char     *secret_path;
  char     *dtd_path;
  CrmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char existing[] =
    "<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\"><vcard><fn><text>Already There</text></fn>"
    "<email><text>already@example.org</text></email></vcard></vcards>";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (existing, strlen (existing), NULL);
  g_autoptr(CrmImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = crm_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "hostile.db", NULL);
  fixture->secret_path = g_build_filename (fixture->dir, "secret.txt", NULL);
  fixture->dtd_path = g_build_filename (fixture->dir, "evil.dtd", NULL);
  g_assert_true (g_file_set_contents (fixture->secret_path, SECRET "\n", -1, NULL));
  g_assert_true (g_file_set_contents (fixture->dtd_path, "<!ENTITY secret \"" SECRET "\">\n", -1, NULL));
  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  report = crm_import_xcard (fixture->store, stream, CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_import_report_get_added (report), ==, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crm_test_finalize (fixture->store);
  crm_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->secret_path);
  g_free (fixture->dtd_path);
  g_free (fixture->dir);
}

/* Watches @path for anyone opening or reading it. */
static int
watch_file (const char *path)
{
  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, path, IN_OPEN | IN_ACCESS), >=, 0);
  return fd;
}

static void
assert_untouched (int fd)
{
  char events[4096];
  ssize_t n = read (fd, events, sizeof events);

  g_assert_cmpint (n, ==, -1);
  g_assert_cmpint (errno, ==, EAGAIN);
  close (fd);
}

static double
seconds_since (gint64 started)
{
  return (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
}

/* Reads every node through CrmXmlInput, noting names and values. */
static GError *
drive_input (const Source *source,
             GString      *seen,
             guint64      *handed_out)
{
  g_autoptr(GInputStream) stream = source_open (source);
  g_autoptr(CrmXmlInput) input = crm_xml_input_new (stream);
  xmlTextReaderPtr reader = crm_xml_input_get_reader (input);
  GError *error = NULL;
  int result;

  while ((result = crm_xml_input_read (input, NULL, &error)) == 1)
    {
      const char *value = (const char *) xmlTextReaderConstValue (reader);

      g_string_append_printf (seen, "<%s>", (const char *) xmlTextReaderConstName (reader));
      if (value != NULL && seen->len < 1024 * 1024)
        g_string_append (seen, value);
    }
  g_assert_true (result == 0 || error != NULL);
  if (handed_out != NULL)
    *handed_out = TEST_STREAM (stream)->position;
  return error;
}

/* The store's database file, with its write-ahead log. */
static gboolean
database_contains (Fixture    *fixture,
                   const char *text)
{
  static const char * const suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (path, &contents, &length, NULL) &&
          g_strstr_len (contents, length, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The case is refused with @code by CrmXmlInput and by the xCard import,
 * each within MAX_SECONDS, without the database changing. */
static void
assert_refused (Fixture      *fixture,
                const Source *source,
                int           code)
{
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) import_error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmImportReport) report = NULL;
  g_autofree char *before = crm_test_database_digest (fixture->path);
  g_autofree char *after = NULL;
  gint64 started = g_get_monotonic_time ();

  error = drive_input (source, seen, NULL);
  g_assert_error (error, CRM_XML_INPUT_ERROR, code);
  g_assert_cmpfloat (seconds_since (started), <, MAX_SECONDS);
  g_assert_null (strstr (seen->str, SECRET));
  g_assert_null (strstr (seen->str, "lollollol"));
  g_assert_null (strstr (error->message, SECRET));
  g_test_message ("CrmXmlInput: %s", error->message);

  started = g_get_monotonic_time ();
  stream = source_open (source);
  report = crm_import_xcard (fixture->store, stream, CRM_IMPORT_UPDATE, NULL, NULL, NULL, &import_error);
  g_assert_null (report);
  g_assert_error (import_error, CRM_XML_INPUT_ERROR, code);
  g_assert_cmpfloat (seconds_since (started), <, MAX_SECONDS);
  g_assert_null (strstr (import_error->message, SECRET));
  g_test_message ("import: %s", import_error->message);

  after = crm_test_database_digest (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (database_contains (fixture, SECRET));
}

#define XCARD_START "<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\"><vcard><fn><text>Hostile</text></fn>"
#define XCARD_END "</vcard></vcards>\n"

static char *
billion_laughs (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE vcards [\n  <!ENTITY lol \"lol\">\n");

  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (text, "  <!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (text, i == 1 ? "&lol;" : "&lol%u;", i - 1);
      g_string_append (text, "\">\n");
    }
  g_string_append (text, "]>\n" XCARD_START "<note><text>&lol9;</text></note>" XCARD_END);
  return g_string_free (text, FALSE);
}

static void
test_billion_laughs (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *text = billion_laughs ();
  Source source = { text, 0, NULL, 0 };

  assert_refused (fixture, &source, CRM_XML_INPUT_ERROR_REFUSED);
}

/* A DOCTYPE that arrives a byte at a time, split across every read. */
static void
test_split_doctype (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = billion_laughs ();
  Source one_byte = { text, 0, NULL, 1 };
  g_autofree char *entity_only = g_strdup_printf ("<?xml version=\"1.0\"?>\n" XCARD_START
                                                  "<note><text><!ENTITY x \"y\"></text></note>" XCARD_END);
  Source entity = { entity_only, 0, NULL, 1 };

  assert_refused (fixture, &one_byte, CRM_XML_INPUT_ERROR_REFUSED);
  assert_refused (fixture, &entity, CRM_XML_INPUT_ERROR_REFUSED);
}

static void
test_external_entity (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                           "<!DOCTYPE vcards [ <!ENTITY secret SYSTEM \"file://%s\"> ]>\n"
                                           XCARD_START "<note><text>&secret;</text></note>" XCARD_END,
                                           fixture->secret_path);
  g_autofree char *parameter = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                                "<!DOCTYPE vcards [ <!ENTITY %% p SYSTEM \"file://%s\"> %%p; ]>\n"
                                                XCARD_START XCARD_END, fixture->secret_path);
  Source source = { text, 0, NULL, 0 };
  Source parameter_source = { parameter, 0, NULL, 0 };
  int watch = watch_file (fixture->secret_path);

  assert_refused (fixture, &source, CRM_XML_INPUT_ERROR_REFUSED);
  assert_refused (fixture, &parameter_source, CRM_XML_INPUT_ERROR_REFUSED);
  assert_untouched (watch);
}

static void
test_external_dtd (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                           "<!DOCTYPE vcards SYSTEM \"file://%s\">\n"
                                           XCARD_START "<note><text>&secret;</text></note>" XCARD_END,
                                           fixture->dtd_path);
  Source source = { text, 0, NULL, 0 };
  int watch = watch_file (fixture->dtd_path);

  assert_refused (fixture, &source, CRM_XML_INPUT_ERROR_REFUSED);
  assert_untouched (watch);
}

static gint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* Sets VmHWM back to the current size, where Linux allows it. */
static gboolean
reset_peak_rss (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean written;

  if (file == NULL)
    return FALSE;
  written = fputs ("5", file) >= 0;
  return fclose (file) == 0 && written;
}

/* 100 MB of text in one node: refused long before the end, in memory
 * far below its size. */
static void
test_huge_text (Fixture       *fixture,
                gconstpointer  data)
{
  Source source = { XCARD_START "<note><text>", 100 * 1024 * 1024, "</text></note>" XCARD_END, 0 };
  Source attribute = { XCARD_START "<note><parameters><label><text>x</text></label></parameters><text a=\"",
                       100 * 1024 * 1024, "\">x</text></note>" XCARD_END, 0 };
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 rss_before = read_status_kb ("VmRSS:");
  gboolean peak_reset = reset_peak_rss ();
  guint64 handed_out = 0;

  assert_refused (fixture, &source, CRM_XML_INPUT_ERROR_TOO_LARGE);

  /* It stopped reading near libxml2's limit, not at the end. */
  error = drive_input (&source, seen, &handed_out);
  g_assert_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_TOO_LARGE);
  g_assert_cmpuint (handed_out, <, 32 * 1024 * 1024);
  if (MEASURE_RSS && peak_reset && rss_before > 0)
    {
      gint64 peak = read_status_kb ("VmHWM:");

      g_test_message ("RSS %" G_GINT64_FORMAT " kB before, peak %" G_GINT64_FORMAT " kB", rss_before, peak);
      g_assert_cmpint (peak - rss_before, <, 100 * 1024);
    }

  /* The same for an attribute, which no text check sees. */
  g_clear_error (&error);
  g_string_truncate (seen, 0);
  error = drive_input (&attribute, seen, &handed_out);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CRM_XML_INPUT_ERROR);
  g_test_message ("attribute: %s", error->message);
  g_assert_cmpuint (handed_out, <, 32 * 1024 * 1024);
}

static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) start = g_string_new (XCARD_START "<note>");
  g_autoptr(GString) end = g_string_new (NULL);
  Source source;

  for (guint i = 0; i < 10000; i++)
    {
      g_string_append (start, "<x>");
      g_string_prepend (end, "</x>");
    }
  g_string_append (end, "</note>" XCARD_END);
  source = (Source) { start->str, 0, end->str, 0 };
  assert_refused (fixture, &source, CRM_XML_INPUT_ERROR_TOO_DEEP);
}

/* An XInclude is an element like any other: never followed, and the
 * import leaves it out, with a problem to say so. */
static void
test_xinclude (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *text = g_strdup_printf ("<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\" "
                                           "xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n<vcard>\n"
                                           "<fn><text>Included</text></fn>\n"
                                           "<xi:include href=\"file://%s\" parse=\"text\"/>\n"
                                           "<note><text><xi:include href=\"%s\" parse=\"text\"/></text></note>\n"
                                           "</vcard>\n</vcards>\n", fixture->secret_path, fixture->secret_path);
  Source source = { text, 0, NULL, 0 };
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmImportReport) report = NULL;
  int watch = watch_file (fixture->secret_path);

  error = drive_input (&source, seen, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (seen->str, "<xi:include>"));
  g_assert_null (strstr (seen->str, SECRET));

  stream = source_open (&source);
  report = crm_import_xcard (fixture->store, stream, CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_import_report_get_added (report), ==, 1);
  g_assert_cmpuint (crm_import_report_get_problems (report)->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (crm_import_report_get_problems (report), 0), "line 4:"));
  g_assert_false (database_contains (fixture, SECRET));
  g_assert_false (database_contains (fixture, "XInclude"));
  assert_untouched (watch);
}

static char *
to_utf16 (const char *text,
          gsize      *length)
{
  g_autofree char *converted = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, length, NULL);
  char *with_bom = g_malloc (*length + 3);

  memcpy (with_bom, "\xff\xfe", 2);
  memcpy (with_bom + 2, converted, *length);
  with_bom[*length + 2] = '\0';
  *length += 2;
  return with_bom;
}

/* UTF-16 is refused or read as it should be; never does it smuggle a
 * DOCTYPE past the check of the bytes. */
static void
test_utf16 (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *laughs = billion_laughs ();
  gsize good_length, bomb_length;
  g_autofree char *good = to_utf16 ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" XCARD_START
                                    "<note><text>Grüße</text></note>" XCARD_END, &good_length);
  g_autofree char *bomb = to_utf16 (laughs, &bomb_length);
  g_autofree char *before = crm_test_database_digest (fixture->path);
  g_autofree char *after = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GInputStream) stream = i == 0 ? g_memory_input_stream_new_from_data (good, good_length, NULL)
                                              : g_memory_input_stream_new_from_data (bomb, bomb_length, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmImportReport) report = NULL;
      gint64 started = g_get_monotonic_time ();

      report = crm_import_xcard (fixture->store, stream, CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error);
      g_assert_cmpfloat (seconds_since (started), <, MAX_SECONDS);
      if (report != NULL)
        {
          /* Read: then as the text it is. */
          g_assert_cmpuint (i, ==, 0);
          g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers WHERE notes = 'Grüße'"),
                           ==, 1);
        }
      else
        {
          g_assert_true (error->domain == CRM_XML_INPUT_ERROR);
          g_test_message ("UTF-16 %s: %s", i == 0 ? "document" : "bomb", error->message);
          after = crm_test_database_digest (fixture->path);
          if (i == 0)
            g_assert_cmpstr (after, ==, before);
          g_clear_pointer (&after, g_free);
        }
    }
  g_assert_false (database_contains (fixture, "lollollol"));
}

/* What is not hostile still reads: comments, processing instructions,
 * CDATA, character references, namespaces, a BOM. */
static void
test_well_formed (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char text[] =
    "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- exported by hand -->\n"
    "<?touchpoint note?>\n"
    "<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\">\n"
    "  <vcard>\n"
    "    <fn><text>Zoë &amp; Ahmed</text></fn>\n"
    "    <note><text><![CDATA[<b>bold</b> & plain]]> &#x263A;</text></note>\n"
    "    <email><text>zoe@example.org</text></email>\n"
    "  </vcard>\n"
    "</vcards>\n";
  Source source = { text, 0, NULL, 0 };
  Source one_byte = { text, 0, NULL, 1 };
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmImportReport) report = NULL;

  error = drive_input (&source, seen, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (seen->str, "Zoë & Ahmed"));
  g_string_truncate (seen, 0);
  /* A byte at a time too; without the byte-order mark, which libxml2
   * cannot take from a first read shorter than four bytes. */
  one_byte.start += 3;
  error = drive_input (&one_byte, seen, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (seen->str, "<b>bold</b> & plain ☺"));

  stream = source_open (&one_byte);
  report = crm_import_xcard (fixture->store, stream, CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_import_report_get_added (report), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customers WHERE display_name = "
                                                      "'Zoë & Ahmed' AND notes = '<b>bold</b> & plain ☺'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xml-input/billion-laughs", Fixture, NULL, fixture_set_up, test_billion_laughs, fixture_tear_down);
  g_test_add ("/xml-input/split-doctype", Fixture, NULL, fixture_set_up, test_split_doctype, fixture_tear_down);
  g_test_add ("/xml-input/external-entity", Fixture, NULL, fixture_set_up, test_external_entity, fixture_tear_down);
  g_test_add ("/xml-input/external-dtd", Fixture, NULL, fixture_set_up, test_external_dtd, fixture_tear_down);
  g_test_add ("/xml-input/huge-text", Fixture, NULL, fixture_set_up, test_huge_text, fixture_tear_down);
  g_test_add ("/xml-input/deep-nesting", Fixture, NULL, fixture_set_up, test_deep_nesting, fixture_tear_down);
  g_test_add ("/xml-input/xinclude", Fixture, NULL, fixture_set_up, test_xinclude, fixture_tear_down);
  g_test_add ("/xml-input/utf16", Fixture, NULL, fixture_set_up, test_utf16, fixture_tear_down);
  g_test_add ("/xml-input/well-formed", Fixture, NULL, fixture_set_up, test_well_formed, fixture_tear_down);

  return g_test_run ();
}
