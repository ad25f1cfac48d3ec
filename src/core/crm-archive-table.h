/* crm-archive-table.h: how each table of the database appears in the
 * Touchpoint XML archive: its element, and for each column the attribute
 * (or child element) that holds it and how its value is written. The
 * archive writer, its reader and the store's bulk restore all go by these
 * descriptions, so a column added to one is added to all three. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_ARCHIVE_NAMESPACE "https://touchpointcrm.github.io/ns/archive/1"
#define CRM_ARCHIVE_FORMAT_VERSION 1
#define CRM_ARCHIVE_SCHEMA_RESOURCE "/io/github/touchpointcrm/Touchpoint/schemas/touchpoint-archive.rng"

typedef enum
{
  CRM_ARCHIVE_INT,        /* an integer attribute */
  CRM_ARCHIVE_TEXT,       /* a text attribute, left out when empty */
  CRM_ARCHIVE_TIME,       /* Unix seconds, written as ISO 8601 UTC */
  CRM_ARCHIVE_BOOL,       /* 0/1, written as false/true */
  CRM_ARCHIVE_ENUM,       /* an integer, written as the enum's nick */
  CRM_ARCHIVE_OPTIONAL,   /* an integer or NULL (attribute left out) */
  CRM_ARCHIVE_CONTENT,    /* text, as the element's content */
  CRM_ARCHIVE_CHILD_TEXT, /* text, as a child element of that name */
  CRM_ARCHIVE_PARENT,     /* the id of the enclosing customer: implicit */
} CrmArchiveColumnKind;

typedef struct
{
  const char           *column;     /* in SQL */
  const char           *name;       /* attribute or child element */
  CrmArchiveColumnKind  kind;
  GType               (*enum_type) (void);
} CrmArchiveColumn;

#define CRM_ARCHIVE_MAX_COLUMNS 16

typedef struct
{
  const char       *table;          /* in SQL */
  const char       *element;        /* one row */
  const char       *section;        /* the element around all rows, or NULL
                                     * for rows inside their customer */
  const char       *order;          /* SQL ORDER BY of the export */
  guint             n_columns;
  CrmArchiveColumn  columns[CRM_ARCHIVE_MAX_COLUMNS];
} CrmArchiveTable;

/* In the order they are written and restored: every row comes after the
 * rows it refers to. */
typedef enum
{
  CRM_ARCHIVE_CHANNELS,
  CRM_ARCHIVE_TOUCHPOINT_TYPES,
  CRM_ARCHIVE_CUSTOMERS,
  CRM_ARCHIVE_TAGS,
  CRM_ARCHIVE_CONTACT_POINTS,
  CRM_ARCHIVE_ADDRESSES,
  CRM_ARCHIVE_EXTERNAL_IDS,
  CRM_ARCHIVE_ALIASES,
  CRM_ARCHIVE_VCARD_PROPERTIES,
  CRM_ARCHIVE_TRANSACTIONS,
  CRM_ARCHIVE_TOUCHPOINTS,
  CRM_ARCHIVE_JOURNAL,
  CRM_ARCHIVE_N_TABLES
} CrmArchiveTableId;

/* One column's value as read or to be written. */
typedef struct
{
  gboolean    is_null;
  gint64      number;
  const char *text;
} CrmArchiveValue;

const CrmArchiveTable *crm_archive_table_get        (CrmArchiveTableId        id);
gboolean               crm_archive_table_is_child   (const CrmArchiveTable   *table);
int                    crm_archive_table_find_column (const CrmArchiveTable  *table,
                                                     const char              *name);

void                   crm_archive_format_time      (gint64                   unix_time,
                                                     char                     out[32]);
gboolean               crm_archive_parse_time       (const char              *text,
                                                     gint64                  *unix_time);

G_END_DECLS
