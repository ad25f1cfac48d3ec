/* crm-vcard-property.h: one content line of a vCard, decoded: its group,
 * name, parameters and value, and the line as it stood in the file, so
 * that a property Touchpoint does not model can be written back verbatim. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A plain reference-counted struct, not a GObject: a big import makes
 * millions of them, and object construction would be most of its cost. */
typedef struct _CrmVcardProperty CrmVcardProperty;

#define CRM_TYPE_VCARD_PROPERTY (crm_vcard_property_get_type ())

GType               crm_vcard_property_get_type     (void) G_GNUC_CONST;
CrmVcardProperty   *crm_vcard_property_new          (const char       *group,
                                                     const char       *name);
CrmVcardProperty   *crm_vcard_property_ref          (CrmVcardProperty *self);
void                crm_vcard_property_unref        (CrmVcardProperty *self);
const char         *crm_vcard_property_get_group    (CrmVcardProperty *self);
const char         *crm_vcard_property_get_name     (CrmVcardProperty *self);
void                crm_vcard_property_add_param    (CrmVcardProperty *self,
                                                     const char       *name,
                                                     const char       *value);
guint               crm_vcard_property_get_n_params (CrmVcardProperty *self);
const char         *crm_vcard_property_get_param_name (CrmVcardProperty *self,
                                                       guint             index);
const char * const *crm_vcard_property_get_param_values (CrmVcardProperty *self,
                                                         guint             index);
const char * const *crm_vcard_property_get_param    (CrmVcardProperty *self,
                                                     const char       *name);
gboolean            crm_vcard_property_has_type     (CrmVcardProperty *self,
                                                     const char       *type);
const char         *crm_vcard_property_get_value    (CrmVcardProperty *self);
void                crm_vcard_property_set_value    (CrmVcardProperty *self,
                                                     const char       *value);
void                crm_vcard_property_take_value   (CrmVcardProperty *self,
                                                     char             *value);
GBytes             *crm_vcard_property_get_binary   (CrmVcardProperty *self);
void                crm_vcard_property_set_binary   (CrmVcardProperty *self,
                                                     GBytes           *binary);
const char         *crm_vcard_property_get_line     (CrmVcardProperty *self);
void                crm_vcard_property_set_line     (CrmVcardProperty *self,
                                                     const char       *line);
void                crm_vcard_property_take_line    (CrmVcardProperty *self,
                                                     char             *line,
                                                     gssize            value_at);
guint               crm_vcard_property_get_line_number (CrmVcardProperty *self);
void                crm_vcard_property_set_line_number (CrmVcardProperty *self,
                                                        guint             line_number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmVcardProperty, crm_vcard_property_unref)

G_END_DECLS
