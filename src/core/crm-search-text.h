/* crm-search-text.h: how customer data and what the user types are turned
 * into words for the full-text index, so that both sides agree: case and
 * accents folded, Chinese and Japanese split into single characters (they
 * are written without spaces), Arabic names also found without their "ال"
 * article, phone numbers also as bare digits. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  crm_search_text_append      (GString    *out,
                                   const char *text);
void  crm_search_text_append_phone (GString   *out,
                                   const char *phone);
char *crm_search_text_build_query (const char *typed);

G_END_DECLS
