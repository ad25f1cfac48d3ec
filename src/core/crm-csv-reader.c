/* crm-csv-reader.c
 *
 * CSV has a standard (RFC 4180) that few writers follow exactly: Excel
 * writes semicolons where the decimal separator is a comma, "Unicode text"
 * as UTF-16 with tabs, a "sep=;" hint line, and the system's legacy code
 * page; hand-made files have stray quotes and blank lines. The reader
 * takes all of it byte by byte from its own buffer (a line reader would
 * break records whose quoted fields hold line breaks), converts the
 * character set itself so that progress counts the file's bytes, and says
 * what it could not take with the line it is on.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-csv-reader.h"

#define BUFFER_SIZE (64 * 1024)
/* Decoded text can be three times the size of the bytes it came from
 * (Windows-1252 to UTF-8), so the converter always has room. */
#define TEXT_SIZE (4 * BUFFER_SIZE)
/* More fields than this in one record is not a table of customers. */
#define MAX_FIELDS 10000
/* Lines crm_csv_guess_delimiter() looks at. */
#define GUESS_LINES 20

#define END_OF_INPUT (-1)
#define READ_FAILED (-2)

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,   /* a quote inside a quoted field: doubled, or the end */
} State;

struct _CrmCsvReader
{
  GObject       parent_instance;
  GInputStream *input;
  GConverter   *converter;       /* NULL: the text is UTF-8, checked field by field */
  char         *encoding;        /* as the caller named it, for messages */
  guint8       *raw;             /* bytes from the stream, before the converter */
  gsize         raw_start;
  gsize         raw_end;
  gboolean      raw_eof;
  gboolean      converter_done;
  guint8       *text;            /* what the parser reads */
  gsize         text_start;
  gsize         text_end;
  gboolean      at_eof;
  guint64       bytes_read;
  gboolean      started;         /* past a byte-order mark and a "sep=" line */
  char          delimiter;       /* 0 until guessed */
  gboolean      legacy_reported; /* invalid UTF-8 was found and reported */
  gboolean      nul_reported;
  guint         line;            /* the line being read, from 1 */
  guint         field_line;      /* where the field being read started */
  guint         n_columns;       /* fields in the first record */
  GString      *field;
  GPtrArray    *fields;
  GPtrArray    *problems;        /* of the last record */
  guint         record_line;
  gboolean      record_broken;
};

G_DEFINE_FINAL_TYPE (CrmCsvReader, crm_csv_reader, G_TYPE_OBJECT)

static void
crm_csv_reader_finalize (GObject *object)
{
  CrmCsvReader *self = (CrmCsvReader *) object;

  g_clear_object (&self->input);
  g_clear_object (&self->converter);
  g_free (self->encoding);
  g_free (self->raw);
  g_free (self->text);
  g_string_free (self->field, TRUE);
  g_ptr_array_unref (self->fields);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (crm_csv_reader_parent_class)->finalize (object);
}

static void
crm_csv_reader_class_init (CrmCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_csv_reader_finalize;
}

static void
crm_csv_reader_init (CrmCsvReader *self)
{
  self->text = g_malloc (TEXT_SIZE);
  self->field = g_string_sized_new (256);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->line = 1;
}

static gboolean
set_encoding (CrmCsvReader  *self,
              const char    *encoding,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GCharsetConverter *converter = g_charset_converter_new ("UTF-8", encoding, &local_error);

  if (converter == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The character set “%s” is not known: %s"), encoding, local_error->message);
      return FALSE;
    }
  self->converter = G_CONVERTER (converter);
  self->encoding = g_strdup (encoding);
  self->raw = g_malloc (BUFFER_SIZE);
  return TRUE;
}

/**
 * crm_csv_reader_new:
 * @delimiter: the character between fields, or 0 to guess it from the
 *   start of the file (see crm_csv_guess_delimiter())
 * @encoding: (nullable): the file's character set as iconv names it
 *   ("WINDOWS-1252", "UTF-16"), or %NULL for UTF-8. Without one, a UTF-16
 *   byte-order mark is followed, and text that is not UTF-8 is read as
 *   Windows-1252 and reported.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error
 *   set when @encoding is not known
 */
CrmCsvReader *
crm_csv_reader_new (GInputStream  *stream,
                    char           delimiter,
                    const char    *encoding,
                    GError       **error)
{
  g_autoptr(CrmCsvReader) self = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail ((guchar) delimiter < 0x80 && delimiter != '"' && delimiter != '\r' && delimiter != '\n', NULL);

  self = g_object_new (CRM_TYPE_CSV_READER, NULL);
  self->input = g_object_ref (stream);
  self->delimiter = delimiter;
  if (encoding != NULL && *encoding != '\0' &&
      g_ascii_strcasecmp (encoding, "UTF-8") != 0 && g_ascii_strcasecmp (encoding, "UTF8") != 0 &&
      !set_encoding (self, encoding, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The delimiter in use: the caller's, or the one guessed once the first
 * record was read. */
char
crm_csv_reader_get_delimiter (CrmCsvReader *self)
{
  g_return_val_if_fail (CRM_IS_CSV_READER (self), ',');
  return self->delimiter;
}

/* The line the last record started on. */
guint
crm_csv_reader_get_record_line (CrmCsvReader *self)
{
  g_return_val_if_fail (CRM_IS_CSV_READER (self), 0);
  return self->record_line;
}

/**
 * crm_csv_reader_get_record_broken:
 *
 * Whether the last record cannot be trusted: a quote never closed, a
 * field too long, or not as many fields as the first record, so that its
 * values may be in the wrong columns. Its problems say which.
 */
gboolean
crm_csv_reader_get_record_broken (CrmCsvReader *self)
{
  g_return_val_if_fail (CRM_IS_CSV_READER (self), TRUE);
  return self->record_broken;
}

/**
 * crm_csv_reader_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): what was wrong in the last
 *   record, each as "line N: what"
 */
GPtrArray *
crm_csv_reader_get_problems (CrmCsvReader *self)
{
  g_return_val_if_fail (CRM_IS_CSV_READER (self), NULL);
  return self->problems;
}

/* How far into the stream the reader is, in bytes of the file, give or
 * take its read-ahead: for a progress bar. */
guint64
crm_csv_reader_get_bytes_read (CrmCsvReader *self)
{
  g_return_val_if_fail (CRM_IS_CSV_READER (self), 0);
  return self->bytes_read;
}

static void add_problem (CrmCsvReader *self,
                         guint         line,
                         const char   *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (CrmCsvReader *self,
             guint         line,
             const char   *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: a problem in an imported file, "line 12: a quote is never closed" */
  g_ptr_array_add (self->problems, g_strdup_printf (_("line %u: %s"), line, reason));
}

static gboolean
read_raw (CrmCsvReader  *self,
          GCancellable  *cancellable,
          GError       **error)
{
  gssize n;

  if (self->raw_start > 0)
    {
      memmove (self->raw, self->raw + self->raw_start, self->raw_end - self->raw_start);
      self->raw_end -= self->raw_start;
      self->raw_start = 0;
    }
  n = g_input_stream_read (self->input, self->raw + self->raw_end, BUFFER_SIZE - self->raw_end,
                           cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->raw_eof = TRUE;
  self->raw_end += n;
  self->bytes_read += n;
  return TRUE;
}

/* Fills the text buffer from the converter; at the end sets at_eof. */
static gboolean
convert (CrmCsvReader  *self,
         GCancellable  *cancellable,
         GError       **error)
{
  self->text_start = self->text_end = 0;
  while (self->text_end == 0)
    {
      g_autoptr(GError) local_error = NULL;
      gsize used = 0, written = 0;
      GConverterResult result;

      if (self->converter_done)
        {
          self->at_eof = TRUE;
          return TRUE;
        }
      if (self->raw_start == self->raw_end && !self->raw_eof)
        {
          if (!read_raw (self, cancellable, error))
            return FALSE;
          continue;
        }
      result = g_converter_convert (self->converter, self->raw + self->raw_start,
                                    self->raw_end - self->raw_start, self->text, TEXT_SIZE,
                                    self->raw_eof ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &used, &written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          /* A character cut in two by the end of the buffer. */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) && !self->raw_eof)
            {
              if (!read_raw (self, cancellable, error))
                return FALSE;
              continue;
            }
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u is not valid %s text; choose the file’s character set: %s"),
                       self->line, self->encoding, local_error->message);
          return FALSE;
        }
      self->raw_start += used;
      self->text_end = written;
      if (result == G_CONVERTER_FINISHED || (self->raw_eof && used == 0 && written == 0))
        self->converter_done = TRUE;
      else if (used == 0 && written == 0 && !read_raw (self, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill (CrmCsvReader  *self,
      GCancellable  *cancellable,
      GError       **error)
{
  gssize n;

  if (self->converter != NULL)
    return convert (self, cancellable, error);

  n = g_input_stream_read (self->input, self->text, BUFFER_SIZE, cancellable, error);
  if (n < 0)
    return FALSE;
  self->text_start = 0;
  self->text_end = n;
  self->bytes_read += n;
  if (n == 0)
    self->at_eof = TRUE;
  return TRUE;
}

static inline int
next_byte (CrmCsvReader  *self,
           GCancellable  *cancellable,
           GError       **error)
{
  if (G_UNLIKELY (self->text_start == self->text_end))
    {
      if (self->at_eof)
        return END_OF_INPUT;
      if (!fill (self, cancellable, error))
        return READ_FAILED;
      if (self->text_start == self->text_end)
        return END_OF_INPUT;
    }
  return self->text[self->text_start++];
}

/* After a CR: a LF next belongs to the same line end. */
static gboolean
skip_lf (CrmCsvReader  *self,
         GCancellable  *cancellable,
         GError       **error)
{
  int c = next_byte (self, cancellable, error);

  if (c == READ_FAILED)
    return FALSE;
  if (c != '\n' && c != END_OF_INPUT)
    self->text_start--;
  return TRUE;
}

/* The start of the file: a UTF-16 byte-order mark chooses the converter
 * when the caller chose none (Excel's "Unicode text"), a UTF-8 one is
 * dropped, and so is Excel's "sep=;" line, after taking its delimiter. */
static gboolean
start (CrmCsvReader  *self,
       GCancellable  *cancellable,
       GError       **error)
{
  const guint8 *p;
  gsize available;

  self->started = TRUE;
  if (!fill (self, cancellable, error))
    return FALSE;

  if (self->converter == NULL && self->text_end >= 2 &&
      ((self->text[0] == 0xFF && self->text[1] == 0xFE) || (self->text[0] == 0xFE && self->text[1] == 0xFF)))
    {
      if (!set_encoding (self, "UTF-16", error))
        return FALSE;
      memcpy (self->raw, self->text, self->text_end);
      self->raw_end = self->text_end;
      if (!convert (self, cancellable, error))
        return FALSE;
    }

  p = self->text + self->text_start;
  available = self->text_end - self->text_start;
  if (available >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    {
      self->text_start += 3;
      p += 3;
      available -= 3;
    }

  if (available >= 5 && g_ascii_strncasecmp ((const char *) p, "sep=", 4) == 0 &&
      p[4] != '"' && p[4] != '\r' && p[4] != '\n' && p[4] < 0x80 &&
      (available == 5 || p[5] == '\r' || p[5] == '\n'))
    {
      if (self->delimiter == 0)
        self->delimiter = (char) p[4];
      self->text_start += 5;
      if (available > 5)
        {
          self->text_start++;
          self->line++;
          if (p[5] == '\r' && !skip_lf (self, cancellable, error))
            return FALSE;
        }
    }

  if (self->delimiter == 0)
    self->delimiter = crm_csv_guess_delimiter ((const char *) self->text + self->text_start,
                                               self->text_end - self->text_start);
  return TRUE;
}

static inline void
append (CrmCsvReader *self,
        int           c,
        gboolean     *too_long)
{
  if (G_UNLIKELY (self->field->len >= CRM_CSV_MAX_FIELD_BYTES))
    {
      if (!*too_long)
        add_problem (self, self->field_line, _("a field is longer than %d MiB; the record cannot be read"),
                     CRM_CSV_MAX_FIELD_BYTES / (1024 * 1024));
      *too_long = TRUE;
      self->record_broken = TRUE;
      return;
    }
  g_string_append_c (self->field, (char) c);
}

/* The field read so far as valid UTF-8. */
static char *
field_text (CrmCsvReader *self)
{
  GString *field = self->field;
  char *text;

  if (G_UNLIKELY (memchr (field->str, '\0', field->len) != NULL))
    {
      gsize kept = 0;

      for (gsize i = 0; i < field->len; i++)
        if (field->str[i] != '\0')
          field->str[kept++] = field->str[i];
      g_string_truncate (field, kept);
      if (!self->nul_reported)
        add_problem (self, self->field_line,
                     _("the text holds NUL bytes, which were left out; if the file is UTF-16, choose it as "
                       "the character set"));
      self->nul_reported = TRUE;
    }

  if (self->converter != NULL || g_utf8_validate_len (field->str, field->len, NULL))
    return g_strndup (field->str, field->len);

  /* Not UTF-8 and no character set chosen: most likely a file Excel or
   * Outlook wrote in the Windows code page. Its text is kept as
   * Windows-1252 reads it rather than dropped, and the user told once. */
  text = g_convert (field->str, field->len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text == NULL)
    text = g_utf8_make_valid (field->str, field->len);
  if (!self->legacy_reported)
    add_problem (self, self->field_line,
                 _("the text is not valid UTF-8; it was read as Windows-1252 here and wherever else "
                   "it is not UTF-8"));
  self->legacy_reported = TRUE;
  return text;
}

static void
end_field (CrmCsvReader *self)
{
  if (self->fields->len < MAX_FIELDS)
    g_ptr_array_add (self->fields, field_text (self));
  else if (!self->record_broken)
    {
      add_problem (self, self->record_line, _("more than %d fields; the record cannot be read"), MAX_FIELDS);
      self->record_broken = TRUE;
    }
  g_string_truncate (self->field, 0);
}

/**
 * crm_csv_reader_next:
 *
 * Reads the next record. Blank lines are passed over. A record with
 * problems comes back with them in crm_csv_reader_get_problems(), and if
 * it cannot be trusted crm_csv_reader_get_record_broken() says so; the
 * reading goes on after it.
 *
 * Returns: (transfer full) (nullable): the record's fields, or %NULL at
 *   the end of the file or with @error set when the stream failed or its
 *   text is not in the chosen character set
 */
char **
crm_csv_reader_next (CrmCsvReader  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  State state = FIELD_START;
  gboolean content = FALSE;   /* anything but a line end was read */
  gboolean stray = FALSE;     /* a misplaced quote was reported */
  gboolean too_long = FALSE;
  guint quote_line = 0;
  GPtrArray *fields;

  g_return_val_if_fail (CRM_IS_CSV_READER (self), NULL);

  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->fields, 0);
  g_string_truncate (self->field, 0);
  self->record_broken = FALSE;
  if (!self->started && !start (self, cancellable, error))
    return NULL;
  self->record_line = self->field_line = self->line;

  for (;;)
    {
      int c = next_byte (self, cancellable, error);

      if (c == READ_FAILED)
        return NULL;
      if (c == END_OF_INPUT)
        {
          if (!content && self->fields->len == 0)
            return NULL;
          if (state == QUOTED)
            {
              add_problem (self, quote_line, _("the quoted field that starts on this line is never closed"));
              self->record_broken = TRUE;
            }
          end_field (self);
          break;
        }

      if (c == '\r' || c == '\n')
        {
          if (c == '\r' && !skip_lf (self, cancellable, error))
            return NULL;
          self->line++;
          if (state == QUOTED)
            {
              /* A line break inside a value, kept as one LF whatever the
               * file's line ends. */
              append (self, '\n', &too_long);
              continue;
            }
          if (!content && self->fields->len == 0)
            {
              self->record_line = self->field_line = self->line;
              continue;
            }
          end_field (self);
          break;
        }

      content = TRUE;
      switch (state)
        {
        case FIELD_START:
          self->field_line = self->line;
          if (c == '"')
            {
              state = QUOTED;
              quote_line = self->line;
              break;
            }
          state = UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case UNQUOTED:
          if (c == self->delimiter)
            {
              end_field (self);
              state = FIELD_START;
              break;
            }
          if (c == '"' && !stray)
            {
              add_problem (self, self->line, _("a quote inside a field that does not start with one; "
                                               "it was kept as it is"));
              stray = TRUE;
            }
          append (self, c, &too_long);
          break;

        case QUOTED:
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            append (self, c, &too_long);
          break;

        case QUOTE_IN_QUOTED:
          if (c == '"')
            {
              append (self, '"', &too_long);
              state = QUOTED;
            }
          else if (c == self->delimiter)
            {
              end_field (self);
              state = FIELD_START;
            }
          else
            {
              if (!stray)
                add_problem (self, self->line, _("text after the closing quote of a field; it was kept as it is"));
              stray = TRUE;
              append (self, c, &too_long);
              state = UNQUOTED;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (self->n_columns == 0)
    self->n_columns = self->fields->len;
  else if (self->fields->len != self->n_columns && !self->record_broken)
    {
      add_problem (self, self->record_line,
                   ngettext ("%u field where the first line has %u; the values may be in the wrong columns",
                             "%u fields where the first line has %u; the values may be in the wrong columns",
                             self->fields->len),
                   self->fields->len, self->n_columns);
      self->record_broken = TRUE;
    }

  fields = self->fields;
  self->fields = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (fields, FALSE);
}

/**
 * crm_csv_guess_delimiter:
 * @head: the start of a file, decoded or not
 *
 * Guesses which of comma, semicolon, tab and bar separates the fields:
 * the one that occurs outside quotes the same number of times on every
 * line, most often; else the one the first line has most of; else the
 * comma.
 */
char
crm_csv_guess_delimiter (const char *head,
                         gsize       length)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  guint first[G_N_ELEMENTS (candidates)] = { 0 };
  guint current[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean consistent[G_N_ELEMENTS (candidates)] = { TRUE, TRUE, TRUE, TRUE };
  gboolean quoted = FALSE, content = FALSE;
  guint n_lines = 0;
  int best = -1;

  g_return_val_if_fail (head != NULL || length == 0, ',');

  /* Complete lines only, but for a file of one line without a line end. */
  for (gsize i = 0; i <= length && n_lines < GUESS_LINES; i++)
    {
      char c = i < length ? head[i] : '\0';
      const char *candidate;

      if (c == '"')
        quoted = !quoted;
      else if ((!quoted && (c == '\r' || c == '\n')) || (i == length && n_lines == 0))
        {
          for (guint k = 0; k < G_N_ELEMENTS (candidates) && content; k++)
            if (n_lines == 0)
              first[k] = current[k];
            else
              consistent[k] &= current[k] == first[k];
          n_lines += content;
          memset (current, 0, sizeof current);
          content = FALSE;
          continue;
        }
      else if (!quoted && (candidate = memchr (candidates, c, sizeof candidates)) != NULL)
        current[candidate - candidates]++;
      content |= c != '\0';
    }

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    if (first[k] > 0 && (best < 0 || consistent[k] > consistent[best] ||
                         (consistent[k] == consistent[best] && first[k] > first[best])))
      best = k;
  return best >= 0 ? candidates[best] : ',';
}
