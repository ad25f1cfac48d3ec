/* crm-utils.h: small helpers shared by the core types. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean crm_set_string (char       **field,
                         const char  *value);

gboolean crm_set_strv   (char              ***field,
                         const char * const  *value);

char    *crm_new_uid    (void);

char    *crm_format_count (gint64 count);
char    *crm_normalize_phone (const char *phone);
char    *crm_normalize_email (const char *email);
char    *crm_format_money (gint64      amount,
                           const char *currency);
char    *crm_format_date  (gint64 unix_time);

G_END_DECLS
