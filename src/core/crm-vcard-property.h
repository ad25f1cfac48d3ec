/* crm-vcard-property.h: one content line of a vCard, decoded: its group,
 * name, parameters and value, and the line as it stood in the file, so
 * that a property Touchpoint does not model can be written back verbatim. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_VCARD_PROPERTY (crm_vcard_property_get_type ())
G_DECLARE_FINAL_TYPE (CrmVcardProperty, crm_vcard_property, CRM, VCARD_PROPERTY, GObject)

CrmVcardProperty   *crm_vcard_property_new          (const char       *group,
                                                     const char       *name);
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
GBytes             *crm_vcard_property_get_binary   (CrmVcardProperty *self);
void                crm_vcard_property_set_binary   (CrmVcardProperty *self,
                                                     GBytes           *binary);
const char         *crm_vcard_property_get_line     (CrmVcardProperty *self);
void                crm_vcard_property_set_line     (CrmVcardProperty *self,
                                                     const char       *line);
guint               crm_vcard_property_get_line_number (CrmVcardProperty *self);
void                crm_vcard_property_set_line_number (CrmVcardProperty *self,
                                                        guint             line_number);

G_END_DECLS
