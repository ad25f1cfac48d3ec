/* crm-search-text.c
 *
 * The index uses SQLite's unicode61 tokenizer, which folds case and Latin
 * diacritics and splits on punctuation. What it cannot do is split text
 * without spaces into words; for Chinese and Japanese every character
 * becomes a word of its own here, and a query for several characters
 * becomes a phrase, so "王静" and "静" both find 王静.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-search-text.h"

#include <string.h>

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x4e00 && c <= 0x9fff) ||   /* CJK unified ideographs */
         (c >= 0x3400 && c <= 0x4dbf) ||   /* extension A */
         (c >= 0x20000 && c <= 0x2ebef) || /* extensions B–F */
         (c >= 0xf900 && c <= 0xfaff) ||   /* compatibility ideographs */
         (c >= 0x3040 && c <= 0x30ff) ||   /* hiragana, katakana */
         (c >= 0xac00 && c <= 0xd7af);     /* hangul syllables */
}

/* Arabic short vowels and other marks that people mostly do not type. */
static gboolean
is_arabic_mark (gunichar c)
{
  return (c >= 0x064b && c <= 0x065f) || c == 0x0670 || c == 0x0640;
}

static gboolean
is_arabic_letter (gunichar c)
{
  return c >= 0x0621 && c <= 0x064a;
}

/* Appends the words of @text, separated by spaces: CJK characters one by
 * one, Arabic marks dropped, and for an Arabic word with the article
 * ("العلي") the word without it too ("علي"). */
void
crm_search_text_append (GString    *out,
                        const char *text)
{
  GString *arabic_word = g_string_new (NULL);

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  if (out->len > 0)
    g_string_append_c (out, ' ');

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (is_arabic_mark (c))
        continue;

      if (is_arabic_letter (c))
        g_string_append_unichar (arabic_word, c);
      else if (arabic_word->len > 0)
        {
          /* The word ended: add its stem when it starts with "ال". */
          if (g_str_has_prefix (arabic_word->str, "\xd8\xa7\xd9\x84") &&
              g_utf8_strlen (arabic_word->str, -1) > 3)
            {
              g_string_append_c (out, ' ');
              g_string_append (out, arabic_word->str + 4);
              g_string_append_c (out, ' ');
            }
          g_string_truncate (arabic_word, 0);
        }

      if (c == 0)
        break;

      if (is_cjk (c))
        {
          g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }

  g_string_free (arabic_word, TRUE);
}

/* A phone number as written ("+49 30 1234567") and as bare digits
 * ("49301234567"), so that either way of typing it finds it. */
void
crm_search_text_append_phone (GString    *out,
                              const char *phone)
{
  g_return_if_fail (out != NULL);

  if (phone == NULL)
    return;

  crm_search_text_append (out, phone);
  g_string_append_c (out, ' ');
  for (const char *p = phone; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
}

/* Splits normalized text into words the way the unicode61 tokenizer does
 * closely enough for queries: on anything that is not a letter, digit or
 * mark. */
static GPtrArray *
split_words (const char *text,
             GArray     *cjk_flags)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);
  gboolean word_is_cjk = FALSE;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      gboolean part = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (part)
        {
          g_string_append_unichar (word, c);
          word_is_cjk = is_cjk (c);
        }
      if ((!part || word_is_cjk) && word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_array_append_val (cjk_flags, word_is_cjk);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return words;
}

/**
 * crm_search_text_build_query:
 * @typed: what the user typed into the search entry
 *
 * Builds an FTS5 MATCH expression that finds every customer with all the
 * typed words, the last one as a prefix since the user is still typing it.
 * Runs of CJK characters become phrases. Every word is quoted, so nothing
 * typed is taken as query syntax.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when
 *   nothing searchable was typed
 */
char *
crm_search_text_build_query (const char *typed)
{
  g_autoptr(GString) normalized = g_string_new (NULL);
  g_autoptr(GArray) cjk_flags = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GPtrArray) words = NULL;
  GString *query;
  gboolean in_phrase = FALSE;

  g_return_val_if_fail (typed != NULL, NULL);

  crm_search_text_append (normalized, typed);
  words = split_words (normalized->str, cjk_flags);
  if (words->len == 0)
    return NULL;

  query = g_string_new (NULL);
  for (guint i = 0; i < words->len; i++)
    {
      gboolean cjk = g_array_index (cjk_flags, gboolean, i);
      gboolean next_cjk = i + 1 < words->len && g_array_index (cjk_flags, gboolean, i + 1);
      const char *word = g_ptr_array_index (words, i);

      if (!in_phrase)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_c (query, '"');
        }
      else
        g_string_append_c (query, ' ');

      /* Words hold only letters, digits and marks: no quote to escape. */
      g_string_append (query, word);

      in_phrase = cjk && next_cjk;
      if (!in_phrase)
        {
          g_string_append_c (query, '"');
          if (i + 1 == words->len)
            g_string_append_c (query, '*');
        }
    }

  return g_string_free (query, FALSE);
}
