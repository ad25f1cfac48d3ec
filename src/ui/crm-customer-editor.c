/* crm-customer-editor.c
 *
 * The editor keeps the customer as loaded and builds rows for each field;
 * saving reads the rows back into a copy and writes it in one transaction.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-customer-editor.h"
#include "crm-journey-panel.h"
#include "crm-ui.h"
#include "crm-utils.h"
#include "crm-validation.h"

/* How many of a customer's transactions the page lists; the journey's
 * timeline shows them all. */
#define MAX_LISTED 100

struct _CrmCustomerEditor
{
  AdwBin         parent_instance;

  CrmStore      *store;
  CrmCustomer   *customer;
  gboolean       dirty;
  gboolean       filling;        /* rows are being filled, not edited */

  /* Rows made in code */
  AdwComboRow   *kind_row;
  AdwEntryRow   *given_row;
  AdwEntryRow   *family_row;
  AdwEntryRow   *display_row;
  AdwEntryRow   *organization_row;
  AdwEntryRow   *title_row;
  AdwEntryRow   *owner_row;
  AdwEntryRow   *segment_row;
  AdwComboRow   *stage_row;
  AdwEntryRow   *tags_row;
  GPtrArray     *email_rows;     /* AdwEntryRow */
  GPtrArray     *phone_rows;
  GPtrArray     *address_rows;   /* AdwExpanderRow */
  GPtrArray     *external_id_rows; /* AdwActionRow */
  GPtrArray     *list_rows;      /* touchpoint and transaction rows */

  /* Template widgets */
  GtkLabel             *title_label;
  AdwActionRow         *completeness_row;
  GtkLevelBar          *completeness_bar;
  AdwPreferencesGroup  *identity_group;
  AdwPreferencesGroup  *emails_group;
  AdwPreferencesGroup  *phones_group;
  AdwPreferencesGroup  *addresses_group;
  AdwPreferencesGroup  *account_group;
  AdwPreferencesGroup  *external_ids_group;
  CrmJourneyPanel      *journey_panel;
  AdwPreferencesGroup  *transactions_group;
  GtkTextView          *notes_view;
};

G_DEFINE_FINAL_TYPE (CrmCustomerEditor, crm_customer_editor, ADW_TYPE_BIN)

enum {
  CLOSED,
  SAVED,
  DELETED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const email_labels[] = { "work", "home", "other", NULL };
static const char * const phone_labels[] = { "mobile", "work", "home", "fax", "other", NULL };

static void update_state (CrmCustomerEditor *self);

static void
on_edited (CrmCustomerEditor *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  update_state (self);
}

static AdwEntryRow *
add_entry_row (CrmCustomerEditor   *self,
               AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_edited), self);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo_row (CrmCustomerEditor   *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const char * const  *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_edited), self);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static void
remove_row (GtkButton *button,
            gpointer   user_data)
{
  CrmCustomerEditor *self = user_data;
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "crm-row");
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (button), "crm-group");
  GPtrArray *rows = g_object_get_data (G_OBJECT (button), "crm-rows");

  g_ptr_array_remove (rows, row);
  adw_preferences_group_remove (group, row);
  on_edited (self);
}

static GtkWidget *
make_remove_button (CrmCustomerEditor   *self,
                    GtkWidget           *row,
                    AdwPreferencesGroup *group,
                    GPtrArray           *rows,
                    const char          *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "crm-row", row);
  g_object_set_data (G_OBJECT (button), "crm-group", group);
  g_object_set_data (G_OBJECT (button), "crm-rows", rows);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_row), self);
  return button;
}

/* A contact row: the value, its label (work, home…), whether it is the
 * preferred one, and a remove button. A label of the user's own is kept
 * as a choice. */
static void
add_contact_row (CrmCustomerEditor *self,
                 CrmContactKind     kind,
                 CrmContactPoint   *point)
{
  gboolean phone = kind == CRM_CONTACT_KIND_PHONE;
  AdwPreferencesGroup *group = phone ? self->phones_group : self->emails_group;
  GPtrArray *rows = phone ? self->phone_rows : self->email_rows;
  const char * const *labels = phone ? phone_labels : email_labels;
  const char *label = point ? crm_contact_point_get_label (point) : labels[0];
  g_autoptr(GtkStringList) choices = gtk_string_list_new (labels);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *dropdown, *star;
  guint selected = G_MAXUINT;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), phone ? _("Phone") : _("E-mail"));
  g_object_set_data (G_OBJECT (row), "crm-kind", GINT_TO_POINTER (kind));
  if (point != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), crm_contact_point_get_value (point));

  for (guint i = 0; labels[i] != NULL; i++)
    if (g_strcmp0 (labels[i], label) == 0)
      selected = i;
  if (selected == G_MAXUINT && label[0] != '\0')
    {
      gtk_string_list_append (choices, label);
      selected = g_list_model_get_n_items (G_LIST_MODEL (choices)) - 1;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected == G_MAXUINT ? 0 : selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Kind"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_edited), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), dropdown);

  star = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (star), "starred-symbolic");
  gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (star, "flat");
  gtk_widget_set_tooltip_text (star, _("Preferred"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preferred"), -1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (star), point && crm_contact_point_get_preferred (point));
  g_signal_connect_swapped (star, "toggled", G_CALLBACK (on_edited), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), star);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                            make_remove_button (self, row, group, rows, phone ? _("Remove This Phone Number")
                                                                              : _("Remove This E-mail Address")));

  g_object_set_data (G_OBJECT (row), "crm-label", dropdown);
  g_object_set_data (G_OBJECT (row), "crm-preferred", star);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_edited), self);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static const char * const address_fields[] = { "street", "postal-code", "locality", "region", "country", "label" };

static void
add_address_row (CrmCustomerEditor *self,
                 CrmAddress        *address)
{
  static const char *titles[G_N_ELEMENTS (address_fields)];
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *formatted = address ? crm_address_format (address) : NULL;

  titles[0] = _("Street");
  titles[1] = _("Postal Code");
  titles[2] = _("City");
  titles[3] = _("Region");
  titles[4] = _("Country");
  titles[5] = _("Label");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 formatted && *formatted ? formatted : _("New Address"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 address ? crm_address_get_label (address) : "work");
  for (guint i = 0; i < G_N_ELEMENTS (address_fields); i++)
    {
      GtkWidget *entry = adw_entry_row_new ();
      g_autofree char *value = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), titles[i]);
      if (address != NULL)
        g_object_get (address, address_fields[i], &value, NULL);
      else if (i == G_N_ELEMENTS (address_fields) - 1)
        value = g_strdup ("work");
      gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_edited), self);
      g_object_set_data (G_OBJECT (row), address_fields[i], entry);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
    }
  g_object_set_data_full (G_OBJECT (row), "crm-address",
                          address ? g_object_ref (address) : crm_address_new (), g_object_unref);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               make_remove_button (self, row, self->addresses_group, self->address_rows,
                                                   _("Remove This Address")));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), address == NULL);
  adw_preferences_group_add (self->addresses_group, row);
  g_ptr_array_add (self->address_rows, row);
}

static void
add_external_id_row (CrmCustomerEditor *self,
                     CrmExternalId     *external_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *system = gtk_entry_new ();
  GtkWidget *value = gtk_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("ID"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (system), _("System"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (value), _("ID in that system"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (system), GTK_ACCESSIBLE_PROPERTY_LABEL, _("System"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL, _("ID in that system"), -1);
  if (external_id != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (system), crm_external_id_get_system (external_id));
      gtk_editable_set_text (GTK_EDITABLE (value), crm_external_id_get_value (external_id));
    }
  gtk_widget_set_valign (system, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (system, "changed", G_CALLBACK (on_edited), self);
  g_signal_connect_swapped (value, "changed", G_CALLBACK (on_edited), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), system);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_remove_button (self, row, self->external_ids_group, self->external_id_rows,
                                                 _("Remove This ID")));
  g_object_set_data (G_OBJECT (row), "crm-system", system);
  g_object_set_data (G_OBJECT (row), "crm-value", value);
  adw_preferences_group_add (self->external_ids_group, row);
  g_ptr_array_add (self->external_id_rows, row);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static const char *
entry_text (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/* The row's contact value, trimmed; NULL when empty. */
static char *
contact_value (GtkWidget *row)
{
  char *value = g_strstrip (g_strdup (entry_text (row)));

  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* Shows, next to each e-mail and phone field, what is wrong with it.
 * Returns whether every field is fine. */
static gboolean
validate_contacts (CrmCustomerEditor *self)
{
  gboolean valid = TRUE;

  for (guint g = 0; g < 2; g++)
    {
      GPtrArray *rows = g == 0 ? self->email_rows : self->phone_rows;

      for (guint i = 0; i < rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (rows, i);
          g_autofree char *value = contact_value (row);
          g_autofree char *message = g == 0 ? crm_validate_email (value) : crm_validate_phone (value);

          if (message != NULL)
            {
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
              gtk_widget_add_css_class (row, "error");
              gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                           GTK_ACCESSIBLE_INVALID_TRUE, -1);
              valid = FALSE;
            }
          else
            {
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g == 0 ? _("E-mail") : _("Phone"));
              gtk_widget_remove_css_class (row, "error");
              gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
            }
        }
    }
  return valid;
}

static char *
dropdown_string (GtkWidget *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  return g_strdup (item ? gtk_string_object_get_string (item) : "");
}

/* Everything the rows say, as a customer: what saving writes, and what the
 * completeness indicator measures. */
static CrmCustomer *
read_rows (CrmCustomerEditor *self)
{
  CrmCustomer *customer = crm_customer_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  g_auto(GStrv) tags = g_strsplit (entry_text (self->tags_row), ",", -1);
  g_autoptr(GStrvBuilder) tag_list = g_strv_builder_new ();
  g_auto(GStrv) clean_tags = NULL;

  crm_customer_set_id (customer, crm_customer_get_id (self->customer));
  crm_customer_set_uid (customer, crm_customer_get_uid (self->customer));
  crm_customer_set_created_at (customer, crm_customer_get_created_at (self->customer));
  crm_customer_set_vcard_properties (customer, crm_customer_get_vcard_properties (self->customer));
  crm_customer_set_kind (customer, adw_combo_row_get_selected (self->kind_row));
  crm_customer_set_given_name (customer, entry_text (self->given_row));
  crm_customer_set_family_name (customer, entry_text (self->family_row));
  crm_customer_set_display_name (customer, entry_text (self->display_row));
  crm_customer_set_organization (customer, entry_text (self->organization_row));
  crm_customer_set_title (customer, entry_text (self->title_row));
  crm_customer_set_owner (customer, entry_text (self->owner_row));
  crm_customer_set_segment (customer, entry_text (self->segment_row));
  crm_customer_set_lifecycle_stage (customer, adw_combo_row_get_selected (self->stage_row));

  for (guint i = 0; tags[i] != NULL; i++)
    if (*g_strstrip (tags[i]) != '\0')
      g_strv_builder_add (tag_list, tags[i]);
  clean_tags = g_strv_builder_end (tag_list);
  crm_customer_set_tags (customer, (const char * const *) clean_tags);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  crm_customer_set_notes (customer, notes);

  for (guint g = 0; g < 2; g++)
    {
      GPtrArray *rows = g == 0 ? self->email_rows : self->phone_rows;

      for (guint i = 0; i < rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (rows, i);
          g_autofree char *value = contact_value (row);
          g_autofree char *label = dropdown_string (g_object_get_data (G_OBJECT (row), "crm-label"));
          gboolean preferred = gtk_toggle_button_get_active (g_object_get_data (G_OBJECT (row), "crm-preferred"));
          g_autoptr(CrmContactPoint) point = NULL;

          if (value == NULL)
            continue;
          point = crm_contact_point_new (g == 0 ? CRM_CONTACT_KIND_EMAIL : CRM_CONTACT_KIND_PHONE,
                                         value, label, preferred);
          crm_customer_add_contact_point (customer, point);
        }
    }

  /* Web addresses have no rows yet; they are kept as loaded. */
  for (guint i = 0; i < crm_customer_get_contact_points (self->customer)->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (crm_customer_get_contact_points (self->customer), i);

      if (crm_contact_point_get_kind (point) == CRM_CONTACT_KIND_URL)
        crm_customer_add_contact_point (customer, point);
    }

  for (guint i = 0; i < self->address_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->address_rows, i);
      CrmAddress *loaded = g_object_get_data (G_OBJECT (row), "crm-address");
      g_autoptr(CrmAddress) address = crm_address_new ();

      /* Components without fields (PO box, extended) are kept as loaded. */
      crm_address_set_po_box (address, crm_address_get_po_box (loaded));
      crm_address_set_extended (address, crm_address_get_extended (loaded));
      crm_address_set_preferred (address, crm_address_get_preferred (loaded));
      for (guint f = 0; f < G_N_ELEMENTS (address_fields); f++)
        g_object_set (address, address_fields[f],
                      entry_text (g_object_get_data (G_OBJECT (row), address_fields[f])), NULL);
      if (!crm_address_is_empty (address))
        crm_customer_add_address (customer, address);
    }

  for (guint i = 0; i < self->external_id_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->external_id_rows, i);
      const char *system = entry_text (g_object_get_data (G_OBJECT (row), "crm-system"));
      const char *value = entry_text (g_object_get_data (G_OBJECT (row), "crm-value"));
      g_autoptr(CrmExternalId) external_id = NULL;

      if (*system == '\0' && *value == '\0')
        continue;
      external_id = crm_external_id_new ();
      crm_external_id_set_system (external_id, system);
      crm_external_id_set_value (external_id, value);
      crm_customer_add_external_id (customer, external_id);
    }

  return customer;
}

/* The minimum data a customer should have: a name and a way to reach
 * them, and where to send things. */
#define MINIMUM_DATA (CRM_DATA_FIELD_NAME | CRM_DATA_FIELD_EMAIL | CRM_DATA_FIELD_PHONE | CRM_DATA_FIELD_ADDRESS)

static void
update_completeness (CrmCustomerEditor *self,
                     CrmCustomer       *customer)
{
  static const struct { CrmDataField field; const char *name; } fields[] = {
    { CRM_DATA_FIELD_NAME, N_("name") },
    { CRM_DATA_FIELD_EMAIL, N_("e-mail") },
    { CRM_DATA_FIELD_PHONE, N_("phone") },
    { CRM_DATA_FIELD_ADDRESS, N_("address") },
  };
  CrmDataField missing = crm_customer_get_missing_data (customer, MINIMUM_DATA);
  g_autoptr(GString) list = g_string_new (NULL);
  guint n_missing = 0;
  g_autofree char *title = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (missing & fields[i].field)
      {
        /* TRANSLATORS: separates missing fields: "phone, address" */
        g_string_append_printf (list, "%s%s", n_missing ? _(", ") : "", _(fields[i].name));
        n_missing++;
      }

  gtk_level_bar_set_value (self->completeness_bar,
                           (double) (G_N_ELEMENTS (fields) - n_missing) / G_N_ELEMENTS (fields));
  if (n_missing == 0)
    title = g_strdup (_("Complete: name, e-mail, phone and address are known"));
  else
    /* TRANSLATORS: %s is a list such as "phone, address" */
    title = g_strdup_printf (_("Missing: %s"), list->str);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->completeness_row), title);
}

static void
update_state (CrmCustomerEditor *self)
{
  g_autoptr(CrmCustomer) current = read_rows (self);
  gboolean valid = validate_contacts (self);
  const char *name = crm_customer_get_display_name (current);

  update_completeness (self, current);
  crm_journey_panel_set_current_customer (self->journey_panel, current);
  gtk_label_set_text (self->title_label, *name ? name : _("New Customer"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid && self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", crm_customer_get_id (self->customer) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-touchpoint", crm_customer_get_id (self->customer) != 0);
}

static const char *
status_name (CrmTransactionStatus status)
{
  switch (status)
    {
    case CRM_TRANSACTION_STATUS_PENDING: return _("pending");
    case CRM_TRANSACTION_STATUS_REFUNDED: return _("refunded");
    case CRM_TRANSACTION_STATUS_CANCELLED: return _("cancelled");
    case CRM_TRANSACTION_STATUS_COMPLETED:
    default: return _("completed");
    }
}

static void
add_list_row (CrmCustomerEditor   *self,
              AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle,
              const char          *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  /* Product and type names are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "crm-group", group);
  g_ptr_array_add (self->list_rows, row);
}

/* The customer's journey, and their transactions newest first. */
static void
fill_history (CrmCustomerEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_customer_get_id (self->customer);
  g_autoptr(GPtrArray) transactions = NULL;
  g_autofree char *currency = g_strdup ("EUR");

  for (guint i = 0; i < self->list_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->list_rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "crm-group"), row);
    }
  g_ptr_array_set_size (self->list_rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->journey_panel), id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->transactions_group), id != 0);
  crm_journey_panel_set_customer (self->journey_panel, self->store, id);
  if (id == 0)
    return;

  transactions = crm_store_list_transactions (self->store, id, &error);
  if (transactions == NULL)
    {
      add_list_row (self, self->transactions_group, _("Could not read the transactions"), error->message, NULL);
      return;
    }
  if (transactions->len == 0)
    add_list_row (self, self->transactions_group, _("No transactions yet"), "", NULL);
  for (guint n = 0; n < MIN (transactions->len, MAX_LISTED); n++)
    {
      CrmTransaction *transaction = g_ptr_array_index (transactions, transactions->len - 1 - n);
      g_autofree char *date = crm_format_date (crm_transaction_get_occurred_at (transaction));
      g_autofree char *amount = crm_format_money (crm_transaction_get_amount (transaction),
                                                  crm_transaction_get_currency (transaction));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", date,
                                                   status_name (crm_transaction_get_status (transaction)));

      add_list_row (self, self->transactions_group, crm_transaction_get_product (transaction), subtitle, amount);
    }
}

static void
fill_rows (CrmCustomerEditor *self)
{
  CrmCustomer *customer = self->customer;
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);
  GPtrArray *external_ids = crm_customer_get_external_ids (customer);
  g_autofree char *tags = g_strjoinv (", ", (char **) crm_customer_get_tags (customer));

  self->filling = TRUE;

  adw_combo_row_set_selected (self->kind_row, crm_customer_get_kind (customer));
  gtk_editable_set_text (GTK_EDITABLE (self->given_row), crm_customer_get_given_name (customer));
  gtk_editable_set_text (GTK_EDITABLE (self->family_row), crm_customer_get_family_name (customer));
  gtk_editable_set_text (GTK_EDITABLE (self->display_row), crm_customer_get_display_name (customer));
  gtk_editable_set_text (GTK_EDITABLE (self->organization_row), crm_customer_get_organization (customer));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), crm_customer_get_title (customer));
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), crm_customer_get_owner (customer));
  gtk_editable_set_text (GTK_EDITABLE (self->segment_row), crm_customer_get_segment (customer));
  adw_combo_row_set_selected (self->stage_row, crm_customer_get_lifecycle_stage (customer));
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), crm_customer_get_notes (customer), -1);

  clear_rows (self->emails_group, self->email_rows);
  clear_rows (self->phones_group, self->phone_rows);
  clear_rows (self->addresses_group, self->address_rows);
  clear_rows (self->external_ids_group, self->external_id_rows);
  for (guint i = 0; i < points->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (points, i);

      if (crm_contact_point_get_kind (point) != CRM_CONTACT_KIND_URL)
        add_contact_row (self, crm_contact_point_get_kind (point), point);
    }
  for (guint i = 0; i < addresses->len; i++)
    add_address_row (self, g_ptr_array_index (addresses, i));
  for (guint i = 0; i < external_ids->len; i++)
    add_external_id_row (self, g_ptr_array_index (external_ids, i));

  fill_history (self);
  self->filling = FALSE;
  self->dirty = FALSE;
  update_state (self);
}

static void
set_customer (CrmCustomerEditor *self,
              CrmStore          *store,
              CrmCustomer       *customer)
{
  g_set_object (&self->store, store);
  g_set_object (&self->customer, customer);
  fill_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (crm_customer_get_id (customer) ? self->display_row : self->given_row));
}

gboolean
crm_customer_editor_load (CrmCustomerEditor  *self,
                          CrmStore           *store,
                          gint64              customer_id,
                          GError            **error)
{
  g_autoptr(CrmCustomer) customer = NULL;

  g_return_val_if_fail (CRM_IS_CUSTOMER_EDITOR (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  customer = crm_store_load_customer (store, customer_id, error);
  if (customer == NULL)
    return FALSE;
  set_customer (self, store, customer);
  return TRUE;
}

void
crm_customer_editor_new_customer (CrmCustomerEditor *self,
                                  CrmStore          *store)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();

  g_return_if_fail (CRM_IS_CUSTOMER_EDITOR (self));

  crm_customer_set_lifecycle_stage (customer, CRM_LIFECYCLE_STAGE_LEAD);
  set_customer (self, store, customer);
  /* A new customer starts with a field for each way to reach them. */
  self->filling = TRUE;
  add_contact_row (self, CRM_CONTACT_KIND_EMAIL, NULL);
  add_contact_row (self, CRM_CONTACT_KIND_PHONE, NULL);
  self->filling = FALSE;
  update_state (self);
}

CrmCustomer *
crm_customer_editor_get_customer (CrmCustomerEditor *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_EDITOR (self), NULL);
  return self->customer;
}

gboolean
crm_customer_editor_is_valid (CrmCustomerEditor *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_EDITOR (self), FALSE);
  return validate_contacts (self);
}

gboolean
crm_customer_editor_is_dirty (CrmCustomerEditor *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_EDITOR (self), FALSE);
  return self->dirty;
}

/* Writes what the rows say, in one transaction. */
gboolean
crm_customer_editor_save (CrmCustomerEditor  *self,
                          GError            **error)
{
  g_autoptr(CrmCustomer) customer = NULL;

  g_return_val_if_fail (CRM_IS_CUSTOMER_EDITOR (self), FALSE);

  if (!validate_contacts (self))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Some fields are not filled in correctly; they are marked in red"));
      return FALSE;
    }

  customer = read_rows (self);
  /* A name is what the list shows; make one from the parts if need be. */
  if (*crm_customer_get_display_name (customer) == '\0')
    {
      g_autofree char *name = g_strjoin (" ", crm_customer_get_given_name (customer),
                                         crm_customer_get_family_name (customer), NULL);

      crm_customer_set_display_name (customer, *g_strstrip (name) ? name : crm_customer_get_organization (customer));
    }
  if (!crm_store_save_customer (self->store, customer, error))
    return FALSE;

  g_set_object (&self->customer, customer);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->display_row), crm_customer_get_display_name (customer));
  self->filling = FALSE;
  self->dirty = FALSE;
  fill_history (self);
  update_state (self);
  g_signal_emit (self, signals[SAVED], 0, crm_customer_get_id (customer));
  return TRUE;
}

static void
report_error (CrmCustomerEditor *self,
              const GError      *error)
{
  g_signal_emit (self, signals[FAILED], 0, error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!crm_customer_editor_save (self, &error))
    report_error (self, error);
}

/* Back to the list: changes are saved on the way, as in other GNOME apps;
 * with a field still wrong the page stays, showing which. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->dirty && !crm_customer_editor_save (self, &error))
    {
      report_error (self, error);
      return;
    }
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (crm_customer_get_display_name (self->customer));
  gint64 journal_id = 0;

  if (!crm_store_delete_customer (self->store, crm_customer_get_id (self->customer), &journal_id, &error))
    {
      report_error (self, error);
      return;
    }
  self->dirty = FALSE;
  g_signal_emit (self, signals[DELETED], 0, journal_id, name);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
add_email_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);

  add_contact_row (self, CRM_CONTACT_KIND_EMAIL, NULL);
  gtk_widget_grab_focus (g_ptr_array_index (self->email_rows, self->email_rows->len - 1));
}

static void
add_phone_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);

  add_contact_row (self, CRM_CONTACT_KIND_PHONE, NULL);
  gtk_widget_grab_focus (g_ptr_array_index (self->phone_rows, self->phone_rows->len - 1));
}

static void
add_address_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);

  add_address_row (self, NULL);
  on_edited (self);
}

static void
add_external_id_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);

  add_external_id_row (self, NULL);
  on_edited (self);
}

static void
add_touchpoint_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrmCustomerEditor *self = CRM_CUSTOMER_EDITOR (widget);

  crm_journey_panel_add_touchpoint (self->journey_panel);
}

/* A touchpoint was added whose type needs data the customer lacks: the
 * first missing field gets the focus, a new one where there is none. */
static void
on_fill_in (CrmCustomerEditor *self,
            guint              missing)
{
  GtkWidget *field = NULL;

  if (missing & CRM_DATA_FIELD_NAME)
    field = GTK_WIDGET (self->given_row);
  else if ((missing & CRM_DATA_FIELD_EMAIL) && self->email_rows->len == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-email", NULL);
  else if (missing & CRM_DATA_FIELD_EMAIL)
    field = g_ptr_array_index (self->email_rows, 0);
  else if ((missing & CRM_DATA_FIELD_PHONE) && self->phone_rows->len == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-phone", NULL);
  else if (missing & CRM_DATA_FIELD_PHONE)
    field = g_ptr_array_index (self->phone_rows, 0);
  else if (missing & CRM_DATA_FIELD_ADDRESS)
    {
      if (self->address_rows->len == 0)
        add_address_row (self, NULL);
      field = g_ptr_array_index (self->address_rows, 0);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (field), TRUE);
    }
  else if (missing & CRM_DATA_FIELD_ORGANIZATION)
    field = GTK_WIDGET (self->organization_row);
  if (field != NULL)
    gtk_widget_grab_focus (field);
}

static void
crm_customer_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_CUSTOMER_EDITOR);

  G_OBJECT_CLASS (crm_customer_editor_parent_class)->dispose (object);
}

static void
crm_customer_editor_finalize (GObject *object)
{
  CrmCustomerEditor *self = (CrmCustomerEditor *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->customer);
  g_clear_pointer (&self->email_rows, g_ptr_array_unref);
  g_clear_pointer (&self->phone_rows, g_ptr_array_unref);
  g_clear_pointer (&self->address_rows, g_ptr_array_unref);
  g_clear_pointer (&self->external_id_rows, g_ptr_array_unref);
  g_clear_pointer (&self->list_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_customer_editor_parent_class)->finalize (object);
}

static void
crm_customer_editor_class_init (CrmCustomerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_customer_editor_dispose;
  object_class->finalize = crm_customer_editor_finalize;

  /* The user is done with this customer; show the list again. */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The customer was written; the argument is their id. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The customer was deleted: the journal entry that undoes it, and the
   * name to show in the toast. */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  /* Saving or deleting failed; the argument says why, for the user. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  crm_ui_init ();
  g_type_ensure (CRM_TYPE_JOURNEY_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-customer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, completeness_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, completeness_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, identity_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, emails_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, phones_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, addresses_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, account_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, external_ids_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, journey_panel);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, transactions_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_fill_in);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.add-email", NULL, add_email_action);
  gtk_widget_class_install_action (widget_class, "editor.add-phone", NULL, add_phone_action);
  gtk_widget_class_install_action (widget_class, "editor.add-address", NULL, add_address_action);
  gtk_widget_class_install_action (widget_class, "editor.add-external-id", NULL, add_external_id_action);
  gtk_widget_class_install_action (widget_class, "editor.add-touchpoint", NULL, add_touchpoint_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "editor.add-touchpoint", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "editor.back", NULL);
}

static void
crm_customer_editor_init (CrmCustomerEditor *self)
{
  const char *kinds[] = { _("Person"), _("Organization"), NULL };
  const char *stages[] = { _("Lead"), _("Prospect"), _("Customer"), _("Advocate"), _("Churned"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->email_rows = g_ptr_array_new ();
  self->phone_rows = g_ptr_array_new ();
  self->address_rows = g_ptr_array_new ();
  self->external_id_rows = g_ptr_array_new ();
  self->list_rows = g_ptr_array_new ();
  self->customer = crm_customer_new ();

  self->filling = TRUE;
  self->kind_row = add_combo_row (self, self->identity_group, _("Kind"), kinds);
  self->given_row = add_entry_row (self, self->identity_group, _("Given Name"));
  self->family_row = add_entry_row (self, self->identity_group, _("Family Name"));
  self->display_row = add_entry_row (self, self->identity_group, _("Display Name"));
  self->organization_row = add_entry_row (self, self->identity_group, _("Organization"));
  self->title_row = add_entry_row (self, self->identity_group, _("Job Title"));
  self->owner_row = add_entry_row (self, self->account_group, _("Owner"));
  self->segment_row = add_entry_row (self, self->account_group, _("Segment"));
  self->stage_row = add_combo_row (self, self->account_group, _("Lifecycle Stage"), stages);
  self->tags_row = add_entry_row (self, self->account_group, _("Tags, separated by commas"));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (on_edited), self);
  self->filling = FALSE;
}

GtkWidget *
crm_customer_editor_new (void)
{
  return g_object_new (CRM_TYPE_CUSTOMER_EDITOR, NULL);
}
