/* crm-csv-writer.h: writing CSV as RFC 4180 has it (commas, CRLF, quotes
 * where needed) with every cell that a spreadsheet would run as a formula
 * made harmless, and reading such a cell back as it was. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        crm_csv_write_field (GString            *out,
                                 const char         *value,
                                 gboolean            first);
void        crm_csv_end_row     (GString            *out);
void        crm_csv_write_row   (GString            *out,
                                 const char * const *fields,
                                 guint               n_fields);
gboolean    crm_csv_needs_guard (const char         *value);
const char *crm_csv_unguard     (const char         *cell);

G_END_DECLS
