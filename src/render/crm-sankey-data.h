/* crm-sankey-data.h: what a Sankey diagram draws: nodes in columns (steps
 * of a flow) and links that carry a value from a node to a node in a later
 * column; the channel flow of the journeys view has a node per channel and
 * step and a link per transition from one channel to the next. */
#pragma once

#include <glib-object.h>

#include "crm-value-format.h"

G_BEGIN_DECLS

typedef struct _CrmSankeyData CrmSankeyData;

#define CRM_TYPE_SANKEY_DATA (crm_sankey_data_get_type ())

GType          crm_sankey_data_get_type         (void) G_GNUC_CONST;
CrmSankeyData *crm_sankey_data_new              (CrmValueKind         kind);
CrmSankeyData *crm_sankey_data_ref              (CrmSankeyData       *self);
void           crm_sankey_data_unref            (CrmSankeyData       *self);

CrmValueKind   crm_sankey_data_get_kind         (const CrmSankeyData *self);
const char    *crm_sankey_data_get_currency     (const CrmSankeyData *self);
void           crm_sankey_data_set_currency     (CrmSankeyData       *self,
                                                 const char          *currency);

guint          crm_sankey_data_add_node         (CrmSankeyData       *self,
                                                 const char          *label,
                                                 guint                column);
guint          crm_sankey_data_get_n_nodes      (const CrmSankeyData *self);
const char    *crm_sankey_data_get_node_label   (const CrmSankeyData *self,
                                                 guint                node);
guint          crm_sankey_data_get_node_column  (const CrmSankeyData *self,
                                                 guint                node);
guint          crm_sankey_data_get_node_color   (const CrmSankeyData *self,
                                                 guint                node);
double         crm_sankey_data_get_node_value   (const CrmSankeyData *self,
                                                 guint                node);
guint          crm_sankey_data_get_n_columns    (const CrmSankeyData *self);

guint          crm_sankey_data_add_link         (CrmSankeyData       *self,
                                                 guint                source,
                                                 guint                target,
                                                 double               value);
guint          crm_sankey_data_get_n_links      (const CrmSankeyData *self);
guint          crm_sankey_data_get_link_source  (const CrmSankeyData *self,
                                                 guint                link);
guint          crm_sankey_data_get_link_target  (const CrmSankeyData *self,
                                                 guint                link);
double         crm_sankey_data_get_link_value   (const CrmSankeyData *self,
                                                 guint                link);

gboolean       crm_sankey_data_is_empty         (const CrmSankeyData *self);
char          *crm_sankey_data_format_value     (const CrmSankeyData *self,
                                                 double               value);
char          *crm_sankey_data_format_compact   (const CrmSankeyData *self,
                                                 double               value);
char          *crm_sankey_data_describe         (const CrmSankeyData *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmSankeyData, crm_sankey_data_unref)

G_END_DECLS
