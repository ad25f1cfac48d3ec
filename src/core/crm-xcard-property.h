/* crm-xcard-property.h: one xCard property element as plain data: its
 * group, name, parameters and value elements, each value with the name of
 * its element (<text>, <uri>, <surname>…) and its text; and how it is
 * written. The xCard reader fills one from the XML, the writer from a
 * customer; crm-xcard-mapping.h turns it into a vCard property and back. */
#pragma once

#include <libxml/xmlwriter.h>

#include <glib.h>

G_BEGIN_DECLS

/* A plain struct, not a GObject: a big import makes millions of them. */
typedef struct _CrmXcardProperty CrmXcardProperty;

CrmXcardProperty *crm_xcard_property_new               (const char        *group,
                                                        const char        *name);
void              crm_xcard_property_free              (CrmXcardProperty  *self);
const char       *crm_xcard_property_get_group         (CrmXcardProperty  *self);
const char       *crm_xcard_property_get_name          (CrmXcardProperty  *self);
void              crm_xcard_property_add_param         (CrmXcardProperty  *self,
                                                        const char        *name);
void              crm_xcard_property_add_param_value   (CrmXcardProperty  *self,
                                                        const char        *type,
                                                        const char        *text);
void              crm_xcard_property_add_value         (CrmXcardProperty  *self,
                                                        const char        *type,
                                                        const char        *text);
guint             crm_xcard_property_get_n_params      (CrmXcardProperty  *self);
const char       *crm_xcard_property_get_param_name    (CrmXcardProperty  *self,
                                                        guint              index);
guint             crm_xcard_property_get_n_param_values (CrmXcardProperty *self,
                                                         guint             index);
const char       *crm_xcard_property_get_param_value   (CrmXcardProperty  *self,
                                                        guint              index,
                                                        guint              value,
                                                        const char       **type);
guint             crm_xcard_property_get_n_values      (CrmXcardProperty  *self);
const char       *crm_xcard_property_get_value         (CrmXcardProperty  *self,
                                                        guint              index,
                                                        const char       **type);
void              crm_xcard_property_write             (CrmXcardProperty  *self,
                                                        xmlTextWriterPtr   writer);

gboolean          crm_xcard_is_xml_text                (const char        *text);
char             *crm_xcard_xml_text                   (const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmXcardProperty, crm_xcard_property_free)

G_END_DECLS
