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

G_END_DECLS
