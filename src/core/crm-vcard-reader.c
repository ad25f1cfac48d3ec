/* crm-vcard-reader.c
 *
 * Real files are messier than the RFCs: Outlook and Android write 2.1 with
 * bare parameters and quoted-printable values broken over lines with "=",
 * Apple groups a property with its custom label, Nextcloud folds in the
 * middle of a UTF-8 character, Evolution mixes line endings. The reader
 * takes all of it; what it cannot take it reports with the line number and
 * goes on with the next line or card, never losing the rest of the file.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-vcard-reader.h"

/* A content line longer than this (a photo of 12 MB) is refused rather
 * than read into memory whole. */
#define MAX_LINE_BYTES (16 * 1024 * 1024)

#define BUFFER_SIZE (64 * 1024)

struct _CrmVcardReader
{
  GObject           parent_instance;
  GInputStream     *input;
  guint8           *buffer;          /* BUFFER_SIZE bytes read ahead */
  gsize             buffer_start;    /* first unread byte */
  gsize             buffer_end;
  gboolean          at_eof;
  gboolean          skip_lf;         /* the last line ended in CR; a LF next belongs to it */
  GByteArray       *physical;        /* a line that spans two buffer fills */
  guint             line_number;     /* physical lines read */
  guint64           bytes_read;      /* from the stream, for progress */
  GByteArray       *pending;         /* the logical line being assembled */
  GByteArray       *current;         /* the logical line handed out */
  GString          *head;            /* a copy of the current line's name and parameters */
  GPtrArray        *head_parts;      /* into head: the name, then each parameter */
  guint             pending_line;    /* where it started */
  gboolean          have_pending;
  gboolean          started;         /* past a byte-order mark, if any */
  CrmVcardCard     *card;            /* the card being read */
};

G_DEFINE_FINAL_TYPE (CrmVcardReader, crm_vcard_reader, G_TYPE_OBJECT)

static void
crm_vcard_reader_finalize (GObject *object)
{
  CrmVcardReader *self = (CrmVcardReader *) object;

  g_clear_object (&self->input);
  g_free (self->buffer);
  g_byte_array_unref (self->physical);
  g_byte_array_unref (self->pending);
  g_byte_array_unref (self->current);
  g_string_free (self->head, TRUE);
  g_ptr_array_unref (self->head_parts);
  g_clear_object (&self->card);

  G_OBJECT_CLASS (crm_vcard_reader_parent_class)->finalize (object);
}

static void
crm_vcard_reader_class_init (CrmVcardReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_vcard_reader_finalize;
}

static void
crm_vcard_reader_init (CrmVcardReader *self)
{
  self->pending = g_byte_array_new ();
  self->current = g_byte_array_new ();
  self->physical = g_byte_array_new ();
  self->head = g_string_new (NULL);
  self->head_parts = g_ptr_array_new ();
  self->buffer = g_malloc (BUFFER_SIZE);
}

CrmVcardReader *
crm_vcard_reader_new (GInputStream *stream)
{
  CrmVcardReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (CRM_TYPE_VCARD_READER, NULL);
  self->input = g_object_ref (stream);
  return self;
}

/* The line the reader last read, for messages. */
guint
crm_vcard_reader_get_line_number (CrmVcardReader *self)
{
  g_return_val_if_fail (CRM_IS_VCARD_READER (self), 0);
  return self->line_number;
}

/**
 * crm_vcard_reader_get_bytes_read:
 *
 * How far into the stream the reader is, in bytes, give or take its
 * read-ahead: for a progress bar.
 */
guint64
crm_vcard_reader_get_bytes_read (CrmVcardReader *self)
{
  g_return_val_if_fail (CRM_IS_VCARD_READER (self), 0);
  return self->bytes_read;
}

/* The offset of the first ':' outside double quotes, or -1. */
static gssize
find_colon (const guint8 *data,
            gsize         length)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (data[i] == ':' && !quoted)
        return i;
    }
  return -1;
}

static GPtrArray *split_unquoted (const char *text,
                                  gsize       length,
                                  char        separator);

/* Whether a logical line's value is quoted-printable, whose soft line
 * breaks ("=" at the end of a line) continue on the next line. The test
 * is parse_line()'s, a bare QUOTED-PRINTABLE or ENCODING=QUOTED-PRINTABLE
 * parameter: the words anywhere else in a name or a parameter value must
 * not join a line that is not decoded as quoted-printable. */
static gboolean
is_quoted_printable (GByteArray *line)
{
  gssize colon = find_colon (line->data, line->len);
  g_autoptr(GPtrArray) head = NULL;

  if (colon < 0)
    return FALSE;
  head = split_unquoted ((const char *) line->data, colon, ';');
  for (guint i = 1; i < head->len; i++)
    {
      const char *param = g_ptr_array_index (head, i);
      const char *equals = strchr (param, '=');
      g_autofree char *name = NULL;

      if (equals == NULL)
        {
          if (g_ascii_strcasecmp (param, "QUOTED-PRINTABLE") == 0)
            return TRUE;
          continue;
        }
      name = g_strstrip (g_strndup (param, equals - param));
      if (g_ascii_strcasecmp (name, "ENCODING") == 0 && g_ascii_strcasecmp (equals + 1, "QUOTED-PRINTABLE") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Reads the next physical line into *line (valid until the next call),
 * without its end: CRLF, LF and a lone CR all end a line, as files mix
 * them. Returns FALSE at the end of the stream or on error. */
static gboolean
read_physical_line (CrmVcardReader  *self,
                    const guint8   **line,
                    gsize           *length,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_byte_array_set_size (self->physical, 0);

  for (;;)
    {
      const guint8 *start, *end, *newline = NULL;

      if (self->buffer_start == self->buffer_end)
        {
          gssize n;

          if (self->at_eof)
            break;
          n = g_input_stream_read (self->input, self->buffer, BUFFER_SIZE, cancellable, error);
          if (n < 0)
            return FALSE;
          self->buffer_start = 0;
          self->buffer_end = n;
          self->bytes_read += n;
          if (n == 0)
            {
              self->at_eof = TRUE;
              break;
            }
        }

      if (self->skip_lf)
        {
          self->skip_lf = FALSE;
          if (self->buffer[self->buffer_start] == '\n')
            {
              self->buffer_start++;
              continue;
            }
        }

      start = self->buffer + self->buffer_start;
      end = self->buffer + self->buffer_end;
      /* memchr() looks at many bytes at a time; a lone CR is rare. */
      newline = memchr (start, '\n', end - start);
      {
        const guint8 *cr = memchr (start, '\r', (newline != NULL ? newline : end) - start);

        if (cr != NULL)
          newline = cr;
      }

      if (newline == NULL)
        {
          if (self->physical->len + (end - start) > MAX_LINE_BYTES)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           _("Line %u is longer than %u MB"), self->line_number + 1, MAX_LINE_BYTES >> 20);
              return FALSE;
            }
          g_byte_array_append (self->physical, start, end - start);
          self->buffer_start = self->buffer_end;
          continue;
        }

      self->buffer_start = newline - self->buffer + 1;
      self->skip_lf = *newline == '\r';
      if (self->physical->len == 0)
        {
          /* The whole line is in the buffer: no copy. */
          *line = start;
          *length = newline - start;
          return TRUE;
        }
      g_byte_array_append (self->physical, start, newline - start);
      *line = self->physical->data;
      *length = self->physical->len;
      return TRUE;
    }

  /* The last line of a file without a final line end. */
  if (self->physical->len > 0)
    {
      *line = self->physical->data;
      *length = self->physical->len;
      return TRUE;
    }
  return FALSE;
}

/* Reads the next logical line: physical lines joined by folding (a line
 * starting with a space or tab continues the one before, less that one
 * character) and by quoted-printable soft breaks. The bytes are joined
 * before any decoding, so a fold inside a UTF-8 character is harmless.
 * Returns FALSE at the end of the stream or on error. */
/* Hands out the pending line as the current one, without copying. */
static GByteArray *
take_pending (CrmVcardReader *self)
{
  GByteArray *line = self->pending;

  self->pending = self->current;
  self->current = line;
  g_byte_array_set_size (self->pending, 0);
  return line;
}

static gboolean
next_logical_line (CrmVcardReader  *self,
                   GByteArray     **line,
                   guint           *line_number,
                   GCancellable    *cancellable,
                   GError         **error)
{
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gsize length = 0;
      const guint8 *bytes = NULL;
      gboolean more = read_physical_line (self, &bytes, &length, cancellable, &local_error);
      const char *text = (const char *) bytes;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (!more)
        {
          if (!self->have_pending)
            return FALSE;
          *line_number = self->pending_line;
          *line = take_pending (self);
          self->have_pending = FALSE;
          return TRUE;
        }

      self->line_number++;
      if (!self->started)
        {
          self->started = TRUE;
          if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
            {
              text += 3;
              length -= 3;
            }
        }

      if (self->have_pending && length > 0 && (text[0] == ' ' || text[0] == '\t'))
        {
          if (self->pending->len + length > MAX_LINE_BYTES)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           _("Line %u is longer than %u MB"), self->pending_line, MAX_LINE_BYTES >> 20);
              return FALSE;
            }
          g_byte_array_append (self->pending, (const guint8 *) text + 1, length - 1);
          continue;
        }

      if (self->have_pending && self->pending->len > 0 &&
          self->pending->data[self->pending->len - 1] == '=' && is_quoted_printable (self->pending))
        {
          /* A soft line break: the "=" goes, the next line follows on. */
          g_byte_array_set_size (self->pending, self->pending->len - 1);
          g_byte_array_append (self->pending, (const guint8 *) text, length);
          continue;
        }

      if (self->have_pending)
        {
          *line_number = self->pending_line;
          *line = take_pending (self);
          g_byte_array_append (self->pending, (const guint8 *) text, length);
          self->pending_line = self->line_number;
          return TRUE;
        }

      g_byte_array_append (self->pending, (const guint8 *) text, length);
      self->pending_line = self->line_number;
      self->have_pending = TRUE;
    }
}

/* Splits @text at @separator outside double quotes. */
static GPtrArray *
split_unquoted (const char *text,
                gsize       length,
                char        separator)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  gsize start = 0;

  for (gsize i = 0; i <= length; i++)
    {
      if (i < length && text[i] == '"')
        quoted = !quoted;
      else if (i == length || (text[i] == separator && !quoted))
        {
          g_ptr_array_add (parts, g_strndup (text + start, i - start));
          start = i + 1;
        }
    }
  return parts;
}

/* Copies @length bytes of @text into the reader's head buffer and splits
 * it there at ";" outside double quotes, into the name and each parameter:
 * what split_unquoted() does, without an allocation per line. */
static GPtrArray *
split_head (CrmVcardReader *self,
            const char     *text,
            gsize           length)
{
  gboolean quoted = FALSE;
  char *head;

  g_string_truncate (self->head, 0);
  g_string_append_len (self->head, text, length);
  head = self->head->str;
  g_ptr_array_set_size (self->head_parts, 0);
  g_ptr_array_add (self->head_parts, head);
  for (gsize i = 0; i < length; i++)
    {
      if (head[i] == '"')
        quoted = !quoted;
      else if (head[i] == ';' && !quoted)
        {
          head[i] = '\0';
          g_ptr_array_add (self->head_parts, head + i + 1);
        }
    }
  return self->head_parts;
}

/* A parameter value without its quotes, with RFC 6868's escapes (^n new
 * line, ^' double quote, ^^ caret) decoded in vCard 4.0. */
static char *
param_value (const char *raw,
             gboolean    rfc6868)
{
  GString *value = g_string_new (NULL);

  for (const char *p = raw; *p; p++)
    {
      if (*p == '"')
        continue;
      if (rfc6868 && *p == '^' && (p[1] == 'n' || p[1] == 'N'))
        g_string_append_c (value, '\n'), p++;
      else if (rfc6868 && *p == '^' && p[1] == '\'')
        g_string_append_c (value, '"'), p++;
      else if (rfc6868 && *p == '^' && p[1] == '^')
        g_string_append_c (value, '^'), p++;
      else
        g_string_append_c (value, *p);
    }
  return g_string_free (value, FALSE);
}

static gboolean
is_encoding_name (const char *value)
{
  return g_ascii_strcasecmp (value, "QUOTED-PRINTABLE") == 0 || g_ascii_strcasecmp (value, "BASE64") == 0 ||
         g_ascii_strcasecmp (value, "B") == 0 || g_ascii_strcasecmp (value, "8BIT") == 0 ||
         g_ascii_strcasecmp (value, "7BIT") == 0;
}

static int
hex_value (guint8 c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* Decodes quoted-printable; an "=" not followed by two hex digits is kept
 * as it is, as lenient readers do. */
static GByteArray *
decode_quoted_printable (const guint8 *data,
                         gsize         length)
{
  /* One more than needed: an empty GByteArray has no data at all, and the
   * empty value of "NOTE;ENCODING=QUOTED-PRINTABLE:" is read as text. */
  GByteArray *out = g_byte_array_sized_new (length + 1);

  for (gsize i = 0; i < length; i++)
    {
      int high, low;

      if (data[i] == '=' && i + 2 < length &&
          (high = hex_value (data[i + 1])) >= 0 && (low = hex_value (data[i + 2])) >= 0)
        {
          guint8 byte = (guint8) (high << 4 | low);

          g_byte_array_append (out, &byte, 1);
          i += 2;
        }
      else
        g_byte_array_append (out, &data[i], 1);
    }
  return out;
}

/* Strict base64: only the alphabet, padding at the end, whitespace left
 * over from folding ignored. g_base64_decode() alone accepts anything. */
static GBytes *
decode_base64 (const char *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  gsize length;
  guchar *data;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
        return NULL;
      if (clean->len > 0 && clean->str[clean->len - 1] == '=' && *p != '=')
        return NULL;
      g_string_append_c (clean, *p);
    }
  if (clean->len % 4 != 0)
    return NULL;

  data = g_base64_decode (clean->str, &length);
  return g_bytes_new_take (data, length);
}

/* Parses one logical line into a property; NULL, with a problem noted on
 * the card, when it cannot be read. */
static CrmVcardProperty *
parse_line (CrmVcardReader *self,
            GByteArray     *line,
            guint           number)
{
  CrmVcardCard *card = self->card;
  gssize colon = find_colon (line->data, line->len);
  GPtrArray *head;
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(CrmVcardProperty) property = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *value = NULL;
  const char *name;
  char *dot;
  gboolean rfc6868 = card && g_str_equal (crm_vcard_card_get_version (card), "4.0");
  gboolean quoted_printable = FALSE, base64 = FALSE, line_valid, value_is_line;

  if (colon < 0)
    {
      gboolean unterminated = memchr (line->data, '"', line->len) != NULL;

      if (card != NULL)
        crm_vcard_card_add_problem (card, number, unterminated
                                    ? _("a quoted parameter value is not closed")
                                    : _("not a vCard line: there is no “:”"));
      return NULL;
    }

  line_valid = g_utf8_validate ((const char *) line->data, line->len, NULL);
  if (line_valid)
    head = split_head (self, (const char *) line->data, colon);
  else
    {
      /* The name and the parameters are UTF-8 whatever the value's
       * charset; bytes that are not become U+FFFD here, or they would
       * reach a customer's labels and the lines kept for export. */
      g_autofree char *valid_head = g_utf8_make_valid ((const char *) line->data, colon);

      head = split_head (self, valid_head, strlen (valid_head));
    }
  name = g_ptr_array_index (head, 0);
  dot = strchr (name, '.');
  if (dot != NULL)
    {
      /* The head is the reader's own copy: the group ends in place. */
      *dot = '\0';
      property = crm_vcard_property_new (name, dot + 1);
    }
  else
    property = crm_vcard_property_new (NULL, name);

  for (guint i = 1; i < head->len; i++)
    {
      char *param = g_ptr_array_index (head, i);
      char *equals = strchr (param, '=');
      const char *param_name;
      g_autoptr(GPtrArray) values = NULL;

      if (equals == NULL)
        {
          /* vCard 2.1's bare parameters: TEL;WORK;VOICE, PHOTO;BASE64. */
          if (is_encoding_name (param))
            {
              quoted_printable |= g_ascii_strcasecmp (param, "QUOTED-PRINTABLE") == 0;
              base64 |= g_ascii_strcasecmp (param, "BASE64") == 0 || g_ascii_strcasecmp (param, "B") == 0;
            }
          else if (*param != '\0')
            crm_vcard_property_add_param (property, "TYPE", param);
          continue;
        }

      /* The head is the reader's own copy: the name ends in place. */
      *equals = '\0';
      param_name = g_strstrip (param);
      if (g_ascii_strcasecmp (param_name, "ENCODING") == 0)
        {
          quoted_printable |= g_ascii_strcasecmp (equals + 1, "QUOTED-PRINTABLE") == 0;
          base64 |= g_ascii_strcasecmp (equals + 1, "BASE64") == 0 || g_ascii_strcasecmp (equals + 1, "B") == 0;
          continue;
        }
      if (g_ascii_strcasecmp (param_name, "CHARSET") == 0)
        {
          g_free (charset);
          charset = param_value (equals + 1, FALSE);
          continue;
        }

      /* TYPE lists split even inside quotes (TYPE="work,voice"); other
       * values only at commas outside quotes. */
      if (g_ascii_strcasecmp (param_name, "TYPE") == 0)
        {
          g_autofree char *unquoted = param_value (equals + 1, rfc6868);

          values = split_unquoted (unquoted, strlen (unquoted), ',');
          for (guint v = 0; v < values->len; v++)
            crm_vcard_property_add_param (property, param_name, g_ptr_array_index (values, v));
        }
      else
        {
          values = split_unquoted (equals + 1, strlen (equals + 1), ',');
          for (guint v = 0; v < values->len; v++)
            {
              g_autofree char *decoded = param_value (g_ptr_array_index (values, v), rfc6868);

              crm_vcard_property_add_param (property, param_name, decoded);
            }
        }
    }

  /* The common case, plain UTF-8, is the line's own text: no copy. */
  value_is_line = !quoted_printable && !base64 && charset == NULL && line_valid;
  if (value_is_line)
    ;
  else if (quoted_printable)
    bytes = decode_quoted_printable (line->data + colon + 1, line->len - colon - 1);
  else if (charset == NULL && line_valid)
    value = g_strndup ((const char *) line->data + colon + 1, line->len - colon - 1);
  else
    {
      bytes = g_byte_array_sized_new (line->len - colon);
      g_byte_array_append (bytes, line->data + colon + 1, line->len - colon - 1);
    }

  if (value_is_line || value != NULL)
    ;
  else if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0)
    {
      g_autoptr(GError) error = NULL;

      value = g_convert ((const char *) bytes->data, bytes->len, "UTF-8", charset, NULL, NULL, &error);
      if (value == NULL)
        crm_vcard_card_add_problem (card, number, _("the text is not in the declared character set %s: %s"),
                                    charset, error->message);
    }
  else if (g_utf8_validate ((const char *) bytes->data, bytes->len, NULL))
    value = g_strndup ((const char *) bytes->data, bytes->len);
  else
    {
      /* No charset and not UTF-8: most likely an old Windows export. The
       * text is kept as Windows-1252 would read it, and the user told. */
      value = g_convert ((const char *) bytes->data, bytes->len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      crm_vcard_card_add_problem (card, number, _("the text is not valid UTF-8 and names no character set; "
                                                  "it was read as Windows-1252"));
    }
  if (value == NULL && !value_is_line)
    value = g_utf8_make_valid ((const char *) bytes->data, bytes->len);

  /* Quoted-printable text (2.1) carries real line breaks and has no
   * backslash escapes; it is brought to the escaped form of 3.0 and 4.0, so
   * that every value is read the same way from here on. */
  if (quoted_printable)
    {
      GString *escaped = g_string_sized_new (strlen (value) + 8);

      for (const char *p = value; *p; p++)
        {
          if (*p == '\\')
            g_string_append (escaped, "\\\\");
          else if (*p == '\r' && p[1] == '\n')
            g_string_append (escaped, "\\n"), p++;
          else if (*p == '\r' || *p == '\n')
            g_string_append (escaped, "\\n");
          else
            g_string_append_c (escaped, *p);
        }
      g_free (value);
      value = g_string_free (escaped, FALSE);
    }

  if (base64)
    {
      g_autoptr(GBytes) binary = decode_base64 (value);

      if (binary == NULL)
        {
          crm_vcard_card_add_problem (card, number, _("the %s value is not valid base64"),
                                      crm_vcard_property_get_name (property));
          return NULL;
        }
      crm_vcard_property_set_binary (property, binary);
    }
  else if (!value_is_line)
    crm_vcard_property_take_value (property, g_steal_pointer (&value));

  crm_vcard_property_take_line (property,
                                line_valid ? g_strndup ((const char *) line->data, line->len)
                                           : g_utf8_make_valid ((const char *) line->data, line->len),
                                value_is_line ? colon + 1 : -1);
  crm_vcard_property_set_line_number (property, number);
  return g_steal_pointer (&property);
}

static gboolean
line_is (GByteArray *line,
         const char *text)
{
  gsize length = strlen (text);

  return line->len >= length && g_ascii_strncasecmp ((const char *) line->data, text, length) == 0;
}

/**
 * crm_vcard_reader_next:
 *
 * Reads the next card. A card with problems comes back with them listed
 * (crm_vcard_card_get_problems()); a card that was cut short (no
 * END:VCARD) is marked incomplete. Only a failure to read the stream
 * itself is an error.
 *
 * Returns: (transfer full) (nullable): the card, or %NULL at the end of the
 *   stream or with @error set
 */
CrmVcardCard *
crm_vcard_reader_next (CrmVcardReader  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_return_val_if_fail (CRM_IS_VCARD_READER (self), NULL);

  for (;;)
    {
      GByteArray *line = NULL;   /* the reader's; valid until the next line */
      guint number = 0;

      if (!next_logical_line (self, &line, &number, cancellable, error))
        {
          if (error != NULL && *error != NULL)
            return NULL;
          if (self->card != NULL)
            crm_vcard_card_add_problem (self->card, self->line_number,
                                        _("the file ends before END:VCARD"));
          return g_steal_pointer (&self->card);
        }

      if (line->len == 0)
        continue;

      if (line_is (line, "BEGIN:VCARD"))
        {
          CrmVcardCard *finished = g_steal_pointer (&self->card);

          self->card = crm_vcard_card_new (number);
          if (finished != NULL)
            {
              crm_vcard_card_add_problem (finished, number, _("END:VCARD is missing before the next card"));
              return finished;
            }
          continue;
        }

      if (self->card == NULL)
        continue;   /* text between cards is no card's business */

      if (line_is (line, "END:VCARD"))
        {
          crm_vcard_card_set_complete (self->card, TRUE);
          return g_steal_pointer (&self->card);
        }

      if (line_is (line, "VERSION:"))
        {
          /* Made UTF-8: an unknown version is quoted in the problem the
           * user reads. */
          g_autofree char *version = g_utf8_make_valid ((const char *) line->data + 8, line->len - 8);

          crm_vcard_card_set_version (self->card, g_strstrip (version));
          if (!g_str_equal (version, "2.1") && !g_str_equal (version, "3.0") && !g_str_equal (version, "4.0"))
            {
              crm_vcard_card_add_problem (self->card, number, _("vCard version %s is not one Touchpoint "
                                                                "knows (2.1, 3.0, 4.0); the card is skipped"),
                                          version);
              crm_vcard_card_set_skipped (self->card, TRUE);
            }
          continue;
        }

      if (!crm_vcard_card_get_skipped (self->card))
        {
          CrmVcardProperty *property = parse_line (self, line, number);

          if (property != NULL)
            crm_vcard_card_take_property (self->card, property);
        }
    }
}
