/* test-csv-reader.c: reading and writing CSV without a store: RFC 4180
 * and what spreadsheets really write, delimiters and character sets, the
 * columns guessed from headers in several languages and programs, a
 * record as a customer, the preview, and formulas made harmless on
 * export and read back as they were. */
#include <string.h>

#include "crm-csv.h"

static GInputStream *
memory_stream (const char *data,
               gssize      length)
{
  if (length < 0)
    length = strlen (data);
  return g_memory_input_stream_new_from_data (g_memdup2 (data, length), length, g_free);
}

/* Every record as "line:field|field", "!" after the line when broken,
 * records and then problems one a line. */
static char *
read_all (const char *data,
          gssize      length,
          char        delimiter,
          const char *encoding)
{
  g_autoptr(GInputStream) stream = memory_stream (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new (stream, delimiter, encoding, &error);
  g_autoptr(GString) records = g_string_new (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  char **fields;

  g_assert_no_error (error);
  while ((fields = crm_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      g_autofree char *joined = g_strjoinv ("|", fields);
      GPtrArray *found = crm_csv_reader_get_problems (reader);

      g_string_append_printf (records, "%u%s:%s\n", crm_csv_reader_get_record_line (reader),
                              crm_csv_reader_get_record_broken (reader) ? "!" : "", joined);
      for (guint i = 0; i < found->len; i++)
        g_string_append_printf (problems, "%s\n", (char *) g_ptr_array_index (found, i));
      g_strfreev (fields);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (crm_csv_reader_get_bytes_read (reader), ==, length < 0 ? strlen (data) : (gsize) length);
  return g_strconcat (records->str, problems->len ? "--\n" : "", problems->str, NULL);
}

static void
assert_read (const char *data,
             const char *expected)
{
  g_autofree char *got = read_all (data, -1, ',', NULL);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_reader_rfc4180 (void)
{
  /* Quoted delimiters, doubled quotes, empty fields, quoted line breaks
   * (CRLF kept as LF), a trailing newline or none. */
  assert_read ("a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\r\n,,\r\n", "1:a|b|c\n2:x,y|say \"hi\"|\n3:||\n");
  assert_read ("a,b\n\"1\r\n2\",3", "1:a|b\n2:1\n2|3\n");
  assert_read ("a,b\r\"\",\"\"\r", "1:a|b\n2:|\n");
  /* Lines are counted through quoted line breaks and blank lines, which
   * are passed over; a UTF-8 byte-order mark is dropped. */
  assert_read ("\xEF\xBB\xBFh1,h2\n\"multi\nline\",x\n\n\r\nlast,one\n", "1:h1|h2\n2:multi\nline|x\n6:last|one\n");
  /* A line of one quoted empty field is a record; an empty file none. */
  assert_read ("a\n\"\"\n", "1:a\n2:\n");
  assert_read ("", "");
  /* Excel's hint line chooses the delimiter and is not a record. */
  {
    g_autofree char *got = read_all ("sep=;\r\na;b,c\r\n1;2\r\n", -1, 0, NULL);

    g_assert_cmpstr (got, ==, "2:a|b,c\n3:1|2\n");
  }
}

static void
test_reader_malformed (void)
{
  assert_read ("a,b\nst\"ray,x\n\"closed\" late,y\n1,2,3\n\"open,z\nmore\n",
               "1:a|b\n2:st\"ray|x\n3:closed late|y\n4!:1|2|3\n5!:open,z\nmore\n\n--\n"
               "line 2: a quote inside a field that does not start with one; it was kept as it is\n"
               "line 3: text after the closing quote of a field; it was kept as it is\n"
               "line 4: 3 fields where the first line has 2; the values may be in the wrong columns\n"
               "line 5: the quoted field that starts on this line is never closed\n");
}

static void
test_reader_limits (void)
{
  g_autoptr(GString) data = g_string_new ("a,b\n\"");
  g_autofree char *got = NULL;
  g_autofree char *tail = NULL;

  /* A field over the limit is dropped and reported, and the reading goes
   * on after it. */
  for (gsize i = 0; i < CRM_CSV_MAX_FIELD_BYTES + 10; i++)
    g_string_append_c (data, i % 100 == 99 ? '\n' : 'x');
  g_string_append (data, "\",1\nnext,2\n");
  got = read_all (data->str, data->len, ',', NULL);
  tail = g_strdup_printf ("\n%u:next|2\n--\nline 2: a field is longer than 1 MiB; the record cannot be read\n",
                          2 + (CRM_CSV_MAX_FIELD_BYTES + 10) / 100 + 1);
  g_assert_true (g_str_has_prefix (got, "1:a|b\n2!:"));
  g_assert_true (g_str_has_suffix (got, tail));
}

static void
test_reader_buffers (void)
{
  g_autoptr(GString) data = g_string_new ("id,text\r\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  char **fields;

  /* Far more than one buffer, with CRLFs and quoted breaks falling on
   * every offset of a buffer's end. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (data, "%u,\"line one\r\nline \"\"%u\"\"\"\r\n", i, i);
  stream = memory_stream (data->str, data->len);
  reader = crm_csv_reader_new (stream, ',', NULL, &error);
  g_assert_no_error (error);
  g_strfreev (crm_csv_reader_next (reader, NULL, &error));
  while ((fields = crm_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("line one\nline \"%u\"", n);
      g_autofree char *id = g_strdup_printf ("%u", n);

      g_assert_cmpstr (fields[0], ==, id);
      g_assert_cmpstr (fields[1], ==, text);
      g_assert_cmpuint (crm_csv_reader_get_record_line (reader), ==, 2 + 2 * n);
      g_assert_cmpuint (crm_csv_reader_get_problems (reader)->len, ==, 0);
      g_strfreev (fields);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 20000);
  g_assert_cmpuint (crm_csv_reader_get_bytes_read (reader), ==, data->len);
}

static void
test_reader_encodings (void)
{
  g_autofree char *latin = read_all ("Name\nM\xfcller\nJos\xe9\n", -1, ',', NULL);
  g_autofree char *chosen = read_all ("Name\nM\xfcller\n", -1, ',', "WINDOWS-1252");
  g_autofree char *utf16 = NULL;
  g_autofree char *utf16_chosen = NULL;
  g_autoptr(GInputStream) bad = memory_stream ("a\nb\n\xff\n", -1);
  g_autoptr(CrmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  char **fields;
  /* "Ян;Ли\r\n" in UTF-16LE with a byte-order mark, as Excel writes it */
  static const char utf16_data[] = "\xff\xfe\x2f\x04\x3d\x04;\0\x1b\x04\x38\x04\r\0\n\0";

  /* Not UTF-8 and nothing chosen: read as Windows-1252, told once. */
  g_assert_cmpstr (latin, ==, "1:Name\n2:Müller\n3:José\n--\nline 2: the text is not valid UTF-8; it was read "
                   "as Windows-1252 here and wherever else it is not UTF-8\n");
  g_assert_cmpstr (chosen, ==, "1:Name\n2:Müller\n");

  /* UTF-16 found by its byte-order mark, or chosen. */
  utf16 = read_all (utf16_data, sizeof utf16_data - 1, 0, NULL);
  g_assert_cmpstr (utf16, ==, "1:Ян|Ли\n");
  utf16_chosen = read_all (utf16_data, sizeof utf16_data - 1, ';', "UTF-16");
  g_assert_cmpstr (utf16_chosen, ==, "1:Ян|Ли\n");

  /* A character set not known, and text not in the chosen one. */
  g_assert_null (crm_csv_reader_new (bad, ',', "NO-SUCH-CHARSET", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  reader = crm_csv_reader_new (bad, ',', "ASCII", &error);
  g_assert_no_error (error);
  while ((fields = crm_csv_reader_next (reader, NULL, &error)) != NULL)
    g_strfreev (fields);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

static void
test_guess_delimiter (void)
{
  static const struct { const char *head; char delimiter; } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "Name;Street;City\r\nMüller, Hans;Weg 1;Köln\r\n", ';' },
    { "a\tb\tc\n1\t2\t3\n", '\t' },
    { "id|name|mail\n1|Anna|a@x\n2|Bo|b@x\n", '|' },
    { "\"Last, First\";\"Mail\"\n\"Doe, J\";\"j@x\"\n", ';' },
    { "only one column\nvalue\n", ',' },
    { "a;b;c\n1;2;3\n4;5;6\n7;8;9\n10,5;11;12", ';' },
    { "one line;no end", ';' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (crm_csv_guess_delimiter (cases[i].head, strlen (cases[i].head)), ==, cases[i].delimiter);
}

static void
assert_mapping (const char * const *header,
                const CrmCsvTarget *expected)
{
  g_autoptr(CrmCsvMapping) mapping = crm_csv_guess_mapping (header);

  for (guint i = 0; header[i] != NULL; i++)
    if (crm_csv_mapping_get_target (mapping, i) != expected[i])
      g_error ("“%s”: %s, not %s", header[i], crm_csv_target_get_name (crm_csv_mapping_get_target (mapping, i)),
               crm_csv_target_get_name (expected[i]));
}

#define T(x) CRM_CSV_TARGET_##x
static void
test_mapping_guess (void)
{
  static const char * const english[] = { "  e-MAIL address ", "First_Name", "SURNAME", "Company", "Job Title",
                                           "Title", "Cell Phone", "Office Phone", "ZIP", "Sales Territory",
                                           "Shoe size", NULL };
  static const CrmCsvTarget english_t[] = { T (EMAIL), T (GIVEN_NAME), T (FAMILY_NAME), T (ORGANIZATION), T (TITLE),
                                            T (IGNORE), T (MOBILE_PHONE), T (WORK_PHONE), T (POSTAL_CODE),
                                            T (SALES_REGION), T (IGNORE) };
  static const char * const google[] = { "Name", "Given Name", "Group Membership", "E-mail 1 - Type",
                                         "E-mail 1 - Value", "Phone 2 - Value", "Address 1 - Formatted",
                                         "Address 1 - City", "Organization 1 - Name", "Organization 2 - Name",
                                         "Organization 1 - Title", "Website 1 - Value", "Labels", NULL };
  static const CrmCsvTarget google_t[] = { T (DISPLAY_NAME), T (GIVEN_NAME), T (TAGS), T (LABEL), T (EMAIL),
                                           T (PHONE), T (IGNORE), T (LOCALITY), T (ORGANIZATION), T (IGNORE),
                                           T (TITLE), T (URL), T (TAGS) };
  static const char * const outlook[] = { "Title", "First Name", "Last Name", "Job Title", "Business Street",
                                          "Business Country/Region", "Home City", "Business Fax", "Mobile Phone",
                                          "Categories", "E-mail Address", "E-mail Type", "E-mail 2 Address",
                                          "Web Page", NULL };
  static const CrmCsvTarget outlook_t[] = { T (IGNORE), T (GIVEN_NAME), T (FAMILY_NAME), T (TITLE), T (STREET),
                                            T (COUNTRY), T (LOCALITY), T (PHONE), T (MOBILE_PHONE), T (TAGS),
                                            T (EMAIL), T (IGNORE), T (EMAIL), T (URL) };
  static const char * const russian[] = { "ФИО", "Имя", "Фамилия", "Компания", "Должность", "Эл. почта",
                                          "Телефон", "Мобильный", "Город", "Индекс", "Теги", "Ответственный",
                                          "Регион продаж", NULL };
  static const CrmCsvTarget russian_t[] = { T (DISPLAY_NAME), T (GIVEN_NAME), T (FAMILY_NAME), T (ORGANIZATION),
                                            T (TITLE), T (EMAIL), T (PHONE), T (MOBILE_PHONE), T (LOCALITY),
                                            T (POSTAL_CODE), T (TAGS), T (OWNER), T (SALES_REGION) };
  static const char * const chinese[] = { "姓名", "姓", "名", "公司", "邮箱", "手机", "地址", "邮编", "备注",
                                          "客户细分", NULL };
  static const CrmCsvTarget chinese_t[] = { T (DISPLAY_NAME), T (FAMILY_NAME), T (GIVEN_NAME), T (ORGANIZATION),
                                            T (EMAIL), T (MOBILE_PHONE), T (STREET), T (POSTAL_CODE), T (NOTES),
                                            T (SEGMENT) };
  /* The second with vowel marks, which do not count. */
  static const char * const arabic[] = { "الاسم الكامل", "المُعرِّف", "الشركة", "البريد الإلكتروني", "الهاتف",
                                         "المدينة", "الرمز البريدي", "منطقة المبيعات", NULL };
  static const CrmCsvTarget arabic_t[] = { T (DISPLAY_NAME), T (UID), T (ORGANIZATION), T (EMAIL), T (PHONE),
                                           T (LOCALITY), T (POSTAL_CODE), T (SALES_REGION) };
  g_autoptr(CrmCsvMapping) google_mapping = crm_csv_guess_mapping (google);

  assert_mapping (english, english_t);
  assert_mapping (google, google_t);
  assert_mapping (outlook, outlook_t);
  assert_mapping (russian, russian_t);
  assert_mapping (chinese, chinese_t);
  assert_mapping (arabic, arabic_t);
  /* A value and its type share a group; another value has its own. */
  g_assert_cmpuint (crm_csv_mapping_get_group (google_mapping, 3), !=, 0);
  g_assert_cmpuint (crm_csv_mapping_get_group (google_mapping, 3), ==, crm_csv_mapping_get_group (google_mapping, 4));
  g_assert_cmpuint (crm_csv_mapping_get_group (google_mapping, 5), !=, crm_csv_mapping_get_group (google_mapping, 4));
  g_assert_true (crm_csv_mapping_is_usable (google_mapping));
}

static CrmCustomer *
apply (const char * const *header,
       const char * const *record,
       GPtrArray          *problems)
{
  g_autoptr(CrmCsvMapping) mapping = crm_csv_guess_mapping (header);

  return crm_csv_mapping_apply (mapping, record, 7, problems);
}

static const char *
point_value (CrmCustomer *customer,
             guint        index,
             const char **label)
{
  CrmContactPoint *point = g_ptr_array_index (crm_customer_get_contact_points (customer), index);

  *label = crm_contact_point_get_label (point);
  return crm_contact_point_get_value (point);
}

static void
test_mapping_apply (void)
{
  static const char * const header[] = { "First Name", "Last Name", "Company", "Email", "Mobile", "Tags", "Notes",
                                         "UID", NULL };
  static const char * const cjk[] = { "王", "小明", "", "", "", "", "", "", NULL };
  static const char * const org[] = { "", "", "Acme", "info@acme.example", "", "a; b,a", "'=1+1", "", NULL };
  static const char * const mail[] = { "", "", "", "x@example.org; y@example.org", "", "", "'t Hooft", "u-1", NULL };
  static const char * const nothing[] = { "", "", "", "", "", "vip", "a note", "", NULL };
  static const char * const cjk_header[] = { "Family Name", "Given Name", "Company", "Email", "Mobile", "Tags",
                                             "Notes", "UID", NULL };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrmCustomer) a = apply (cjk_header, cjk, problems);
  g_autoptr(CrmCustomer) b = apply (header, org, problems);
  g_autoptr(CrmCustomer) c = apply (header, mail, problems);
  g_autoptr(CrmCustomer) d = apply (header, nothing, problems);
  g_autofree char *tags = NULL;
  const char *label;

  /* Chinese names: family first, no space. */
  g_assert_cmpstr (crm_customer_get_display_name (a), ==, "王小明");
  g_assert_true (crm_csv_mapping_name_was_composed (a));
  /* An organization alone is an organization; tags split and unique; a
   * guarded formula comes back as it was written. */
  g_assert_cmpstr (crm_customer_get_display_name (b), ==, "Acme");
  g_assert_cmpint (crm_customer_get_kind (b), ==, CRM_CUSTOMER_KIND_ORGANIZATION);
  g_assert_cmpstr (tags = g_strjoinv ("|", (char **) crm_customer_get_tags (b)), ==, "a|b");
  g_assert_cmpstr (crm_customer_get_notes (b), ==, "=1+1");
  /* Two e-mail addresses in one cell; a name's own quote is kept. */
  g_assert_cmpuint (crm_customer_get_contact_points (c)->len, ==, 2);
  g_assert_cmpstr (point_value (c, 1, &label), ==, "y@example.org");
  g_assert_cmpstr (crm_customer_get_display_name (c), ==, "x@example.org");
  g_assert_cmpstr (crm_customer_get_notes (c), ==, "'t Hooft");
  g_assert_cmpstr (crm_customer_get_uid (c), ==, "u-1");
  /* No name, organization, e-mail or phone: no customer, and said so. */
  g_assert_null (d);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "line 7: no name, organization, e-mail address or phone number; the record was skipped");
}

static void
test_preview (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "csv-corpus", "malformed.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(GInputStream) short_stream = memory_stream ("Name;Mail\nA;a@x.org\nB;b@x.org\nC;c@x.org\n", -1);
  g_autoptr(CrmCsvPreview) preview = crm_csv_preview (G_INPUT_STREAM (stream), NULL, 100, NULL);
  g_autoptr(CrmCsvPreview) first = crm_csv_preview (short_stream, NULL, 2, NULL);

  g_assert_nonnull (preview);
  g_assert_cmpstr (preview->header[0], ==, "Name");
  g_assert_cmpint (preview->delimiter, ==, ',');
  g_assert_cmpint (crm_csv_mapping_get_target (preview->mapping, 1), ==, CRM_CSV_TARGET_EMAIL);
  g_assert_cmpuint (preview->customers->len, ==, 4);
  g_assert_cmpuint (preview->problems->len, ==, 6);
  g_assert_cmpstr (crm_customer_get_display_name (g_ptr_array_index (preview->customers, 3)), ==, "Good Two");

  g_assert_cmpint (first->delimiter, ==, ';');
  g_assert_cmpuint (first->customers->len, ==, 2);
  g_assert_cmpstr (crm_customer_get_display_name (g_ptr_array_index (first->customers, 1)), ==, "B");
}

static void
test_export_escaping (void)
{
  static const struct { const char *value, *written; } cells[] = {
    { "=1+1", "'=1+1" }, { "+49 30 1234", "'+49 30 1234" }, { "-x", "'-x" }, { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" }, { "\rx", "\"'\rx\"" }, { "\nx", "\"'\nx\"" }, { "-12.50", "-12.50" }, { "42", "42" },
    { "'t Hooft", "'t Hooft" }, { "'=x", "''=x" }, { "''+1", "'''+1" }, { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" }, { "", "" }, { " pad", "\" pad\"" }, { "x=1", "x=1" },
    { "=\"a,b\"", "\"'=\"\"a,b\"\"\"" },
  };
  g_autoptr(GString) row = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmCsvReader) reader = NULL;
  g_auto(GStrv) fields = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(GString) one = g_string_new (NULL);

      crm_csv_write_field (one, cells[i].value, TRUE);
      g_assert_cmpstr (one->str, ==, cells[i].written);
      crm_csv_write_field (row, cells[i].value, i == 0);
    }
  crm_csv_end_row (row);
  g_assert_true (g_str_has_suffix (row->str, "\r\n"));

  /* Read back, every value is what was written (a CR in a value comes
   * back as the LF the reader makes of line breaks). */
  stream = memory_stream (row->str, row->len);
  reader = crm_csv_reader_new (stream, ',', NULL, NULL);
  fields = crm_csv_reader_next (reader, NULL, NULL);
  g_assert_cmpuint (g_strv_length (fields), ==, G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(GString) expected = g_string_new (cells[i].value);

      g_string_replace (expected, "\r", "\n", 0);
      g_assert_cmpstr (crm_csv_unguard (fields[i]), ==, expected->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/rfc4180", test_reader_rfc4180);
  g_test_add_func ("/csv/reader/malformed", test_reader_malformed);
  g_test_add_func ("/csv/reader/limits", test_reader_limits);
  g_test_add_func ("/csv/reader/buffers", test_reader_buffers);
  g_test_add_func ("/csv/reader/encodings", test_reader_encodings);
  g_test_add_func ("/csv/guess-delimiter", test_guess_delimiter);
  g_test_add_func ("/csv/mapping/guess", test_mapping_guess);
  g_test_add_func ("/csv/mapping/apply", test_mapping_apply);
  g_test_add_func ("/csv/preview", test_preview);
  g_test_add_func ("/csv/writer/formulas", test_export_escaping);

  return g_test_run ();
}
