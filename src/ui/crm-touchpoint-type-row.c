/* crm-touchpoint-type-row.c
 *
 * The tables are tiny, so the row saves through the window's store on the
 * UI thread, as the audit view does with targets.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-journey-stage.h"
#include "crm-message-row.h"
#include "crm-touchpoint-type-row.h"

/* The minimum-data profile, one check button each. */
static const struct
{
  CrmDataField  field;
  const char   *title;
  const char   *word;       /* in the row's summary */
} data_fields[] = {
  { CRM_DATA_FIELD_NAME, N_("Name"), N_("name") },
  { CRM_DATA_FIELD_EMAIL, N_("E-mail address"), N_("e-mail") },
  { CRM_DATA_FIELD_PHONE, N_("Phone number"), N_("phone") },
  { CRM_DATA_FIELD_ADDRESS, N_("Postal address"), N_("address") },
  { CRM_DATA_FIELD_ORGANIZATION, N_("Organization"), N_("organization") },
};

#define N_DATA_FIELDS G_N_ELEMENTS (data_fields)

struct _CrmTouchpointTypeRow
{
  AdwExpanderRow     parent_instance;

  CrmStore          *store;
  CrmTouchpointType *type;
  char             **custom_stages;   /* the user's own stages, of every type */
  GPtrArray         *stage_keys;      /* the stage of each choice; NULL for "Other…" */
  gboolean           updating;        /* controls set from the type, not by the user */

  AdwEntryRow       *name_row;
  CrmMessageRow     *name_message;
  AdwComboRow       *stage_row;
  AdwEntryRow       *own_stage_row;
  CrmMessageRow     *stage_message;
  GtkSwitch         *moment_switch;
  GtkCheckButton    *data_checks[N_DATA_FIELDS];
  GtkWidget         *delete_button;
  CrmMessageRow     *delete_message;
};

G_DEFINE_FINAL_TYPE (CrmTouchpointTypeRow, crm_touchpoint_type_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SAVED,
  DELETE,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A copy of @type, to change or keep (for an undo) while the row shows
 * the original. */
CrmTouchpointType *
crm_touchpoint_type_row_copy_type (CrmTouchpointType *type)
{
  CrmTouchpointType *copy = crm_touchpoint_type_new ();

  crm_touchpoint_type_set_id (copy, crm_touchpoint_type_get_id (type));
  crm_touchpoint_type_set_name (copy, crm_touchpoint_type_get_name (type));
  crm_touchpoint_type_set_stage (copy, crm_touchpoint_type_get_stage (type));
  crm_touchpoint_type_set_moment_of_truth (copy, crm_touchpoint_type_get_moment_of_truth (type));
  crm_touchpoint_type_set_required_data (copy, crm_touchpoint_type_get_required_data (type));
  return copy;
}

/* Showing the type */

/* "Consideration · Moment of truth · Needs name, e-mail" */
static char *
summary (CrmTouchpointType *type)
{
  GString *text = g_string_new (crm_journey_stage_get_label (crm_touchpoint_type_get_stage (type)));
  CrmDataField data = crm_touchpoint_type_get_required_data (type);
  g_autoptr(GString) needs = g_string_new (NULL);

  if (crm_touchpoint_type_get_moment_of_truth (type))
    {
      /* Translators: separates the parts of a touchpoint type's summary */
      g_string_append (text, _(" · "));
      g_string_append (text, _("Moment of truth"));
    }
  for (guint i = 0; i < N_DATA_FIELDS; i++)
    if (data & data_fields[i].field)
      {
        if (needs->len > 0)
          /* Translators: separates the data a touchpoint type needs: "name, e-mail" */
          g_string_append (needs, _(", "));
        g_string_append (needs, _(data_fields[i].word));
      }
  if (needs->len > 0)
    {
      g_string_append (text, _(" · "));
      /* Translators: %s lists data, e.g. "name, e-mail" */
      g_string_append_printf (text, _("Needs %s"), needs->str);
    }
  return g_string_free (text, FALSE);
}

static gboolean
same_strings (GListModel *a,
              GListModel *b)
{
  guint n = a != NULL ? g_list_model_get_n_items (a) : 0;

  if (a == NULL || n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;
  return TRUE;
}

/* The choices of stage: the known ones, the user's own, and "Other…" to
 * type another. The type's own stage is always among them. */
static void
fill_stages (CrmTouchpointTypeRow *self)
{
  const char *current = crm_touchpoint_type_get_stage (self->type);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  guint selected = 0;

  g_ptr_array_set_size (self->stage_keys, 0);
  for (guint i = 0; self->custom_stages != NULL && self->custom_stages[i] != NULL; i++)
    if (!crm_journey_stage_is_known (self->custom_stages[i]))
      g_ptr_array_add (own, self->custom_stages[i]);
  if (current != NULL && *current != '\0' && !crm_journey_stage_is_known (current)
      && !g_ptr_array_find_with_equal_func (own, current, g_str_equal, NULL))
    g_ptr_array_add (own, (gpointer) current);

  for (const char * const *known = crm_journey_stage_get_known (NULL); *known != NULL; known++)
    {
      gtk_string_list_append (model, crm_journey_stage_get_label (*known));
      g_ptr_array_add (self->stage_keys, g_strdup (*known));
    }
  for (guint i = 0; i < own->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (own, i));
      g_ptr_array_add (self->stage_keys, g_strdup (g_ptr_array_index (own, i)));
    }
  /* Translators: the last choice of journey stage, to type one's own */
  gtk_string_list_append (model, _("Other…"));
  g_ptr_array_add (self->stage_keys, NULL);

  for (guint i = 0; i < self->stage_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->stage_keys, i), current) == 0)
      selected = i;

  self->updating = TRUE;
  /* The same choices keep their model: a combo row's list is not swapped
   * under the user's feet (or under a selection being made). */
  if (!same_strings (adw_combo_row_get_model (self->stage_row), G_LIST_MODEL (model)))
    adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (model));
  if (adw_combo_row_get_selected (self->stage_row) != selected)
    adw_combo_row_set_selected (self->stage_row, selected);
  self->updating = FALSE;
}

/* The title, summary and labels for screen readers, which name the type. */
static void
update_labels (CrmTouchpointTypeRow *self)
{
  const char *name = crm_touchpoint_type_get_name (self->type);
  g_autofree char *text = summary (self->type);
  g_autofree char *moment_label = NULL;
  g_autofree char *delete_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text);

  /* Translators: a switch's label for screen readers; %s is a touchpoint type's name */
  moment_label = g_strdup_printf (_("“%s” is a moment of truth"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->moment_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  moment_label, -1);
  /* Translators: a button's label for screen readers; %s is a touchpoint type's name */
  delete_label = g_strdup_printf (_("Delete the Touchpoint Type “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  for (guint i = 0; i < N_DATA_FIELDS; i++)
    {
      /* Translators: a check button's label for screen readers: "“Online order” needs: Postal address" */
      g_autofree char *label = g_strdup_printf (_("“%s” needs: %s"), name, _(data_fields[i].title));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->data_checks[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
    }
}

/* Sets every control from the stored type: on creation, and to take back
 * a change that could not be stored. */
static void
update (CrmTouchpointTypeRow *self)
{
  const char *name = crm_touchpoint_type_get_name (self->type);
  CrmDataField data = crm_touchpoint_type_get_required_data (self->type);

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_switch_set_active (self->moment_switch, crm_touchpoint_type_get_moment_of_truth (self->type));
  for (guint i = 0; i < N_DATA_FIELDS; i++)
    gtk_check_button_set_active (self->data_checks[i], (data & data_fields[i].field) != 0);
  self->updating = FALSE;
  fill_stages (self);
  update_labels (self);
}

/* Saving */

/* Stores @changed in place of the type. The control the user changed
 * already shows the change; the title and summary follow. */
static gboolean
save (CrmTouchpointTypeRow  *self,
      CrmTouchpointType     *changed,
      GError               **error)
{
  if (!crm_store_save_touchpoint_type (self->store, changed, error))
    return FALSE;
  g_set_object (&self->type, changed);
  update_labels (self);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/* A switch or check button whose change could not be stored goes back,
 * and a toast says why: there is no field to put the words under. */
static void
refuse (CrmTouchpointTypeRow *self,
        const GError         *error)
{
  g_autoptr(AdwToast) toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  g_signal_emit (self, signals[TOAST], 0, toast);
  update (self);
}

static void
commit_name (CrmTouchpointTypeRow *self)
{
  g_autoptr(CrmTouchpointType) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (g_strcmp0 (name, crm_touchpoint_type_get_name (self->type)) == 0)
    {
      /* Back to the stored name, perhaps with spaces around it. */
      crm_message_row_clear (self->name_message);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      return;
    }
  if (*name == '\0')
    {
      crm_message_row_show (self->name_message, _("A touchpoint type needs a name."));
      return;
    }

  changed = crm_touchpoint_type_row_copy_type (self->type);
  crm_touchpoint_type_set_name (changed, name);
  if (!save (self, changed, &error))
    {
      if (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT))
        {
          /* Translators: %s is a touchpoint type's name */
          g_autofree char *message = g_strdup_printf (_("There is already a touchpoint type called “%s”."), name);

          crm_message_row_show (self->name_message, message);
        }
      else
        crm_message_row_show (self->name_message, error->message);
      return;
    }
  crm_message_row_clear (self->name_message);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

static void
save_stage (CrmTouchpointTypeRow *self,
            const char           *stage)
{
  g_autoptr(CrmTouchpointType) changed = NULL;
  g_autoptr(GError) error = NULL;

  crm_message_row_clear (self->stage_message);
  if (g_strcmp0 (stage, crm_touchpoint_type_get_stage (self->type)) == 0)
    return;
  changed = crm_touchpoint_type_row_copy_type (self->type);
  crm_touchpoint_type_set_stage (changed, stage);
  if (!save (self, changed, &error))
    {
      crm_message_row_show (self->stage_message, error->message);
      fill_stages (self);
    }
}

static void
on_stage_selected (CrmTouchpointTypeRow *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);
  const char *stage;

  if (self->updating || selected >= self->stage_keys->len)
    return;
  stage = g_ptr_array_index (self->stage_keys, selected);
  if (stage == NULL)
    {
      /* "Other…": the user types the stage below, and it is stored when
       * confirmed. */
      gtk_editable_set_text (GTK_EDITABLE (self->own_stage_row), "");
      crm_message_row_clear (self->stage_message);
      gtk_widget_set_visible (GTK_WIDGET (self->own_stage_row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->own_stage_row));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->own_stage_row), FALSE);
  save_stage (self, stage);
}

static void
commit_own_stage (CrmTouchpointTypeRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->own_stage_row))));
  g_autofree char *stage = NULL;
  gboolean had_focus;

  if (*text == '\0')
    {
      crm_message_row_show (self->stage_message, _("Type the name of the stage, or choose one from the list."));
      return;
    }
  stage = crm_journey_stage_from_label (text);
  had_focus = gtk_widget_has_focus (GTK_WIDGET (self->own_stage_row))
              || gtk_widget_get_focus_child (GTK_WIDGET (self->own_stage_row)) != NULL;
  save_stage (self, stage);
  if (crm_message_row_get_message (self->stage_message) != NULL)
    return;
  /* Stored: the stage is now among the choices, chosen. */
  gtk_widget_set_visible (GTK_WIDGET (self->own_stage_row), FALSE);
  fill_stages (self);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->stage_row));
}

static void
on_own_stage_left (GtkEventControllerFocus *controller,
                   CrmTouchpointTypeRow    *self)
{
  g_autofree char *text = NULL;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || !gtk_widget_get_visible (GTK_WIDGET (self->own_stage_row)))
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->own_stage_row))));
  if (*text != '\0')
    {
      commit_own_stage (self);
      return;
    }
  /* Left empty: nothing was chosen after all, and the list shows the
   * stored stage again rather than "Other…". */
  crm_message_row_clear (self->stage_message);
  gtk_widget_set_visible (GTK_WIDGET (self->own_stage_row), FALSE);
  fill_stages (self);
}

static void
on_name_left (GtkEventControllerFocus *controller,
              CrmTouchpointTypeRow    *self)
{
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)) && gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    commit_name (self);
}

static void
on_moment_toggled (CrmTouchpointTypeRow *self)
{
  g_autoptr(CrmTouchpointType) changed = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  changed = crm_touchpoint_type_row_copy_type (self->type);
  crm_touchpoint_type_set_moment_of_truth (changed, gtk_switch_get_active (self->moment_switch));
  if (!save (self, changed, &error))
    refuse (self, error);
}

static void
on_data_toggled (CrmTouchpointTypeRow *self)
{
  g_autoptr(CrmTouchpointType) changed = NULL;
  g_autoptr(GError) error = NULL;
  CrmDataField data = CRM_DATA_FIELD_NONE;

  if (self->updating)
    return;
  for (guint i = 0; i < N_DATA_FIELDS; i++)
    if (gtk_check_button_get_active (self->data_checks[i]))
      data |= data_fields[i].field;
  changed = crm_touchpoint_type_row_copy_type (self->type);
  crm_touchpoint_type_set_required_data (changed, data);
  if (!save (self, changed, &error))
    refuse (self, error);
}

static void
on_delete_clicked (CrmTouchpointTypeRow *self)
{
  g_signal_emit (self, signals[DELETE], 0);
}

/* Building */

static void
crm_touchpoint_type_row_dispose (GObject *object)
{
  CrmTouchpointTypeRow *self = (CrmTouchpointTypeRow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->type);

  G_OBJECT_CLASS (crm_touchpoint_type_row_parent_class)->dispose (object);
}

static void
crm_touchpoint_type_row_finalize (GObject *object)
{
  CrmTouchpointTypeRow *self = (CrmTouchpointTypeRow *) object;

  g_strfreev (self->custom_stages);
  g_ptr_array_unref (self->stage_keys);

  G_OBJECT_CLASS (crm_touchpoint_type_row_parent_class)->finalize (object);
}

static void
crm_touchpoint_type_row_class_init (CrmTouchpointTypeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_touchpoint_type_row_dispose;
  object_class->finalize = crm_touchpoint_type_row_finalize;

  /* A change was stored. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The user asked to delete the type. */
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A message that belongs to no field, for the window to show. */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static GtkWidget *
entry_row (const char *title,
           GCallback   commit,
           GCallback   left,
           gpointer    self)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "entry-activated", commit, self);
  g_signal_connect (focus, "leave", left, self);
  gtk_widget_add_controller (row, focus);
  return row;
}

static void
crm_touchpoint_type_row_init (CrmTouchpointTypeRow *self)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);
  GtkWidget *row, *own_stage;
  GtkEventController *focus;

  self->stage_keys = g_ptr_array_new_with_free_func (g_free);
  /* Names and the user's own stages are never read as Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  row = entry_row (_("Name"), G_CALLBACK (commit_name), G_CALLBACK (on_name_left), self);
  self->name_row = ADW_ENTRY_ROW (row);
  adw_expander_row_add_row (expander, row);
  self->name_message = CRM_MESSAGE_ROW (crm_message_row_new (row));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->name_message));

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Journey stage"));
  self->stage_row = ADW_COMBO_ROW (row);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_stage_selected), self);
  adw_expander_row_add_row (expander, row);

  own_stage = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (own_stage), _("Name of the stage"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (own_stage), FALSE);
  g_signal_connect_swapped (own_stage, "entry-activated", G_CALLBACK (commit_own_stage), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_own_stage_left), self);
  gtk_widget_add_controller (own_stage, focus);
  gtk_widget_set_visible (own_stage, FALSE);
  self->own_stage_row = ADW_ENTRY_ROW (own_stage);
  adw_expander_row_add_row (expander, own_stage);
  self->stage_message = CRM_MESSAGE_ROW (crm_message_row_new (own_stage));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->stage_message));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Moment of truth"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A touchpoint that decides how the journey ends"));
  self->moment_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->moment_switch), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->moment_switch, "notify::active", G_CALLBACK (on_moment_toggled), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->moment_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->moment_switch));
  adw_expander_row_add_row (expander, row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Minimum data"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("What must be known about the customer when this touchpoint happens"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  adw_expander_row_add_row (expander, row);
  for (guint i = 0; i < N_DATA_FIELDS; i++)
    {
      GtkWidget *check = gtk_check_button_new ();

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(data_fields[i].title));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_data_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      self->data_checks[i] = GTK_CHECK_BUTTON (check);
      adw_expander_row_add_row (expander, row);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Delete this touchpoint type"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Only while no touchpoint is of this type"));
  self->delete_button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_set_valign (self->delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->delete_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->delete_button);
  adw_expander_row_add_row (expander, row);
  self->delete_message = CRM_MESSAGE_ROW (crm_message_row_new (NULL));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->delete_message));
}

/**
 * crm_touchpoint_type_row_new:
 * @store: where changes are saved
 * @type: the type shown
 *
 * Returns: (transfer floating): a row showing @type
 */
GtkWidget *
crm_touchpoint_type_row_new (CrmStore          *store,
                             CrmTouchpointType *type)
{
  CrmTouchpointTypeRow *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_TOUCHPOINT_TYPE (type), NULL);

  self = g_object_new (CRM_TYPE_TOUCHPOINT_TYPE_ROW, NULL);
  self->store = g_object_ref (store);
  self->type = g_object_ref (type);
  update (self);
  return GTK_WIDGET (self);
}

CrmTouchpointType *
crm_touchpoint_type_row_get_touchpoint_type (CrmTouchpointTypeRow *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT_TYPE_ROW (self), NULL);
  return self->type;
}

/* The user's own stages, of every type, offered as choices besides the
 * known ones. */
void
crm_touchpoint_type_row_set_custom_stages (CrmTouchpointTypeRow *self,
                                           const char * const   *stages)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT_TYPE_ROW (self));

  g_strfreev (self->custom_stages);
  self->custom_stages = g_strdupv ((char **) stages);
  /* A choice being typed is left alone. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->own_stage_row)))
    fill_stages (self);
}

/* Says why the type was not deleted, or with NULL, clears it. */
void
crm_touchpoint_type_row_show_delete_message (CrmTouchpointTypeRow *self,
                                             const char           *message)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT_TYPE_ROW (self));

  if (message == NULL)
    {
      crm_message_row_clear (self->delete_message);
      return;
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  crm_message_row_show (self->delete_message, message);
}

/* Stores what was typed and not yet confirmed, as when the window closes. */
void
crm_touchpoint_type_row_commit (CrmTouchpointTypeRow *self)
{
  g_autofree char *name = NULL;

  g_return_if_fail (CRM_IS_TOUCHPOINT_TYPE_ROW (self));

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (g_strcmp0 (name, crm_touchpoint_type_get_name (self->type)) != 0)
    commit_name (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->own_stage_row)))
    on_own_stage_left (NULL, self);
}

void
crm_touchpoint_type_row_focus_delete (CrmTouchpointTypeRow *self)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT_TYPE_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (self->delete_button);
}
