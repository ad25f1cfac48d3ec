/* crm-touchpoint-dialog.c
 *
 * One row is written, on the UI thread: a single INSERT, as the
 * customer's page writes a customer. The types, channels and
 * transactions offered are read once, when the dialog opens.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-touchpoint-dialog.h"
#include "crm-ui.h"
#include "crm-utils.h"

/* Letters typed on a list row within this time make one search. */
#define TYPE_AHEAD_PAUSE (G_USEC_PER_SEC)

/* How a time is written and read: unambiguous in every language. */
#define TIME_FORMAT "%Y-%m-%d %H:%M"

struct _CrmTouchpointDialog
{
  AdwWindow             parent_instance;

  CrmStore             *store;
  CrmJourney           *journey;
  CrmCustomer          *customer;
  CrmTouchpoint        *original;     /* the touchpoint edited, or NULL */
  GPtrArray            *types;        /* CrmTouchpointType, as listed */
  GPtrArray            *channels;     /* CrmChannel, as listed */
  GPtrArray            *transactions; /* CrmTransaction, newest first */
  CrmDataField          missing;
  gboolean              filling;      /* rows are being set, not chosen */
  gboolean              channel_chosen;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  AdwPreferencesGroup  *missing_group;
  AdwActionRow         *missing_row;
  AdwComboRow          *type_row;
  AdwComboRow          *channel_row;
  AdwEntryRow          *time_row;
  AdwComboRow          *direction_row;
  AdwComboRow          *outcome_row;
  AdwActionRow         *satisfaction_row;
  GtkSpinButton        *satisfaction_spin;
  AdwComboRow          *transaction_row;
  GtkTextView          *note_view;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (CrmTouchpointDialog, crm_touchpoint_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  FILL_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The channel chosen last in this run of the app: the next touchpoint
 * is often the same conversation going on. */
static gint64 last_channel_id;

static const struct
{
  CrmDataField  field;
  const char   *name;
} data_fields[] = {
  { CRM_DATA_FIELD_NAME, N_("name") },
  { CRM_DATA_FIELD_EMAIL, N_("e-mail") },
  { CRM_DATA_FIELD_PHONE, N_("phone") },
  { CRM_DATA_FIELD_ADDRESS, N_("address") },
  { CRM_DATA_FIELD_ORGANIZATION, N_("organization") },
};

static char *
list_fields (CrmDataField fields)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (data_fields); i++)
    if (fields & data_fields[i].field)
      /* TRANSLATORS: separates data fields: "e-mail, phone" */
      g_string_append_printf (list, "%s%s", list->len ? _(", ") : "", _(data_fields[i].name));
  return g_string_free (list, FALSE);
}

/* Type-ahead on a list row */

typedef struct
{
  GString *typed;
  gint64   last;
} TypeAhead;

static void
type_ahead_free (gpointer data)
{
  TypeAhead *state = data;

  g_string_free (state->typed, TRUE);
  g_free (state);
}

/* Whether @text, or one of its words, begins with @typed; both casefolded. */
static gboolean
matches (const char *text,
         const char *typed,
         gboolean    any_word)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  size_t n = strlen (typed);

  for (const char *p = folded; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean word_start = p == folded || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));

      if (word_start && strncmp (p, typed, n) == 0)
        return TRUE;
      if (!any_word)
        break;
    }
  return FALSE;
}

/* Typing on a closed list row picks the first item whose name begins
 * with what was typed, or else one with a word that does, as a combo box
 * does in other desktops: "comp" picks "Complaint", "trial" "Free trial
 * sign-up". Space opens the list unless it continues a search. */
static gboolean
type_ahead_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AdwComboRow           *row)
{
  TypeAhead *ahead = g_object_get_data (G_OBJECT (row), "crm-type-ahead");
  GListModel *model = adw_combo_row_get_model (row);
  gunichar c = gdk_keyval_to_unicode (keyval);
  gint64 now = g_get_monotonic_time ();
  g_autofree char *typed = NULL;
  guint n;

  if (model == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  if (now - ahead->last > TYPE_AHEAD_PAUSE)
    g_string_truncate (ahead->typed, 0);
  if (keyval == GDK_KEY_BackSpace && ahead->typed->len > 0)
    {
      const char *last = g_utf8_find_prev_char (ahead->typed->str, ahead->typed->str + ahead->typed->len);

      g_string_truncate (ahead->typed, last - ahead->typed->str);
    }
  else if (c != 0 && g_unichar_isprint (c) && (c != ' ' || ahead->typed->len > 0))
    g_string_append_unichar (ahead->typed, c);
  else
    return FALSE;
  ahead->last = now;
  if (ahead->typed->len == 0)
    return TRUE;

  typed = g_utf8_casefold (ahead->typed->str, -1);
  n = g_list_model_get_n_items (model);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

        if (matches (gtk_string_object_get_string (item), typed, pass == 1))
          {
            adw_combo_row_set_selected (row, i);
            return TRUE;
          }
      }
  gtk_widget_error_bell (GTK_WIDGET (row));
  return TRUE;
}

static void
add_type_ahead (AdwComboRow *row)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  TypeAhead *ahead = g_new0 (TypeAhead, 1);

  ahead->typed = g_string_new (NULL);
  g_object_set_data_full (G_OBJECT (row), "crm-type-ahead", ahead, type_ahead_free);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (type_ahead_key), row);
  gtk_widget_add_controller (GTK_WIDGET (row), keys);
}

static void
set_choices (AdwComboRow        *row,
             const char * const *choices)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

/* A digit on the satisfaction row sets it, as it would in the spin button
 * beside it, one Tab further. */
static gboolean
satisfaction_key (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  CrmTouchpointDialog   *self)
{
  int digit = -1;

  if (!gtk_widget_is_focus (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)))
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_5)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_5)
    digit = keyval - GDK_KEY_KP_0;
  if (digit < 0)
    return FALSE;
  gtk_spin_button_set_value (self->satisfaction_spin, digit);
  return TRUE;
}

/* Time */

/* @text as a time in the local time zone: "2026-03-14 15:42", seconds
 * allowed, "T" for the space as ISO 8601 writes it, or a day alone for
 * its midnight. */
static gboolean
parse_time (const char *text,
            gint64     *time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (text));
  int year, month, day, hour = 0, minute = 0, end = 0;
  double second = 0;

  if (sscanf (clean, "%4d-%2d-%2d%n", &year, &month, &day, &end) != 3)
    return FALSE;
  if (clean[end] == ' ' || clean[end] == 'T')
    {
      int more = 0;
      const char *rest = clean + end + 1;

      if (sscanf (rest, "%2d:%2d%n", &hour, &minute, &more) != 2)
        return FALSE;
      end += 1 + more;
      if (clean[end] == ':')
        {
          int seconds = 0;

          if (sscanf (clean + end + 1, "%2d%n", &seconds, &more) != 1 || seconds > 59)
            return FALSE;
          second = seconds;
          end += 1 + more;
        }
    }
  if (clean[end] != '\0' || !g_date_valid_dmy (day, month, year)
      || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return FALSE;
  parsed = g_date_time_new (zone, year, month, day, hour, minute, second);
  if (parsed == NULL)
    return FALSE;
  *time = g_date_time_to_unix (parsed);
  return TRUE;
}

static char *
format_time (gint64 time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, TIME_FORMAT);
}

/* Says on the row what is wrong with the time, or that nothing is.
 * Returns whether the time is fine. */
static gboolean
check_time (CrmTouchpointDialog *self,
            gint64              *time)
{
  gint64 parsed = 0;
  gboolean valid = parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &parsed);

  if (valid)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->time_row),
                                     _("_When (year-month-day hours:minutes)"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->time_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      g_autofree char *now = format_time (g_get_real_time () / G_USEC_PER_SEC);
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is an example time, e.g. "2026-03-14 15:42" */
      message = g_strdup_printf (_("Not a date and time: write it as %s"), now);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->time_row), message);
      gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->time_row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  if (time != NULL)
    *time = parsed;
  return valid;
}

static void
on_time_changed (CrmTouchpointDialog *self)
{
  check_time (self, NULL);
}

/* The chosen type */

static CrmTouchpointType *
selected_type (CrmTouchpointDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  return selected < self->types->len ? g_ptr_array_index (self->types, selected) : NULL;
}

static guint
channel_position (CrmTouchpointDialog *self,
                  gint64               channel_id)
{
  for (guint i = 0; i < self->channels->len; i++)
    if (crm_channel_get_id (g_ptr_array_index (self->channels, i)) == channel_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The channel a touchpoint of @type most likely came through: the one
 * this customer used for it last, else the one chosen last here, else
 * the one of the customer's last touchpoint. */
static gint64
usual_channel (CrmTouchpointDialog *self,
               CrmTouchpointType   *type)
{
  GListModel *journey = G_LIST_MODEL (self->journey);
  guint n = g_list_model_get_n_items (journey);

  for (guint i = n; type != NULL && i-- > 0;)
    {
      g_autoptr(CrmTouchpoint) touchpoint = g_list_model_get_item (journey, i);

      if (crm_touchpoint_get_type_id (touchpoint) == crm_touchpoint_type_get_id (type))
        return crm_touchpoint_get_channel_id (touchpoint);
    }
  if (last_channel_id != 0)
    return last_channel_id;
  if (n > 0)
    {
      g_autoptr(CrmTouchpoint) touchpoint = g_list_model_get_item (journey, n - 1);

      return crm_touchpoint_get_channel_id (touchpoint);
    }
  return 0;
}

/* The minimum data of the type against what the customer's page holds. */
static void
update_missing (CrmTouchpointDialog *self)
{
  CrmTouchpointType *type = selected_type (self);
  CrmDataField required = type != NULL ? crm_touchpoint_type_get_required_data (type) : CRM_DATA_FIELD_NONE;
  g_autofree char *needed = NULL;
  g_autofree char *lacking = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;

  self->missing = crm_customer_get_missing_data (self->customer, required);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), self->missing != CRM_DATA_FIELD_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "touchpoint.save-and-fill-in",
                                 self->missing != CRM_DATA_FIELD_NONE);
  if (self->missing == CRM_DATA_FIELD_NONE)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->type_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  needed = list_fields (required);
  lacking = list_fields (self->missing);
  /* TRANSLATORS: a touchpoint type and the data it needs, e.g.
   * "“Free trial sign-up” needs the customer’s e-mail" */
  title = g_strdup_printf (_("“%s” needs the customer’s %s"), crm_touchpoint_type_get_name (type), needed);
  /* TRANSLATORS: %s lists the customer's data that is not known, e.g. "e-mail, phone" */
  subtitle = g_strdup_printf (_("Missing: %s. The touchpoint can be added all the same."), lacking);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->missing_row), title);
  adw_action_row_set_subtitle (self->missing_row, subtitle);
  /* Read with the type, where the focus is when it changes. */
  description = g_strdup_printf ("%s. %s", title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
on_type_changed (CrmTouchpointDialog *self)
{
  update_missing (self);
  if (!self->channel_chosen)
    {
      guint position = channel_position (self, usual_channel (self, selected_type (self)));

      if (position != GTK_INVALID_LIST_POSITION)
        {
          self->filling = TRUE;
          adw_combo_row_set_selected (self->channel_row, position);
          self->filling = FALSE;
        }
    }
}

static void
on_channel_changed (CrmTouchpointDialog *self)
{
  if (!self->filling)
    self->channel_chosen = TRUE;
}

/* Saving */

static void
show_error (CrmTouchpointDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static CrmTouchpoint *
copy_touchpoint (CrmTouchpoint *touchpoint)
{
  CrmTouchpoint *copy = crm_touchpoint_new ();

  crm_touchpoint_set_id (copy, crm_touchpoint_get_id (touchpoint));
  crm_touchpoint_set_customer_id (copy, crm_touchpoint_get_customer_id (touchpoint));
  crm_touchpoint_set_type_id (copy, crm_touchpoint_get_type_id (touchpoint));
  crm_touchpoint_set_channel_id (copy, crm_touchpoint_get_channel_id (touchpoint));
  crm_touchpoint_set_occurred_at (copy, crm_touchpoint_get_occurred_at (touchpoint));
  crm_touchpoint_set_direction (copy, crm_touchpoint_get_direction (touchpoint));
  crm_touchpoint_set_outcome (copy, crm_touchpoint_get_outcome (touchpoint));
  crm_touchpoint_set_satisfaction (copy, crm_touchpoint_get_satisfaction (touchpoint));
  crm_touchpoint_set_note (copy, crm_touchpoint_get_note (touchpoint));
  crm_touchpoint_set_transaction_id (copy, crm_touchpoint_get_transaction_id (touchpoint));
  return copy;
}

/**
 * crm_touchpoint_dialog_save:
 *
 * What Enter does: checks the fields and writes the touchpoint, then
 * emits ::saved and closes. A time that is not one is said on its row,
 * which gets the focus, and nothing is written.
 *
 * Returns: whether the touchpoint was written
 */
gboolean
crm_touchpoint_dialog_save (CrmTouchpointDialog *self)
{
  g_autoptr(CrmTouchpoint) touchpoint = NULL;
  g_autoptr(GError) error = NULL;
  CrmTouchpointType *type;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *note = NULL;
  guint channel, transaction;
  gint64 time;

  g_return_val_if_fail (CRM_IS_TOUCHPOINT_DIALOG (self), FALSE);

  if (!check_time (self, &time))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->time_row));
      return FALSE;
    }
  type = selected_type (self);
  channel = adw_combo_row_get_selected (self->channel_row);
  if (type == NULL || channel >= self->channels->len)
    {
      show_error (self, _("There are no touchpoint types or channels yet: add them in Preferences first."));
      return FALSE;
    }

  touchpoint = self->original != NULL ? copy_touchpoint (self->original) : crm_touchpoint_new ();
  crm_touchpoint_set_customer_id (touchpoint, crm_journey_get_customer_id (self->journey));
  crm_touchpoint_set_type_id (touchpoint, crm_touchpoint_type_get_id (type));
  crm_touchpoint_set_channel_id (touchpoint, crm_channel_get_id (g_ptr_array_index (self->channels, channel)));
  crm_touchpoint_set_occurred_at (touchpoint, time);
  crm_touchpoint_set_direction (touchpoint, adw_combo_row_get_selected (self->direction_row));
  crm_touchpoint_set_outcome (touchpoint, adw_combo_row_get_selected (self->outcome_row));
  gtk_spin_button_update (self->satisfaction_spin);
  crm_touchpoint_set_satisfaction (touchpoint, gtk_spin_button_get_value_as_int (self->satisfaction_spin));
  transaction = adw_combo_row_get_selected (self->transaction_row);
  crm_touchpoint_set_transaction_id (touchpoint, transaction >= 1 && transaction <= self->transactions->len
                                                 ? crm_transaction_get_id (g_ptr_array_index (self->transactions,
                                                                                              transaction - 1))
                                                 : 0);
  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  crm_touchpoint_set_note (touchpoint, g_strchomp (note));

  if (!crm_store_save_touchpoint (self->store, touchpoint, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  last_channel_id = crm_touchpoint_get_channel_id (touchpoint);
  g_signal_emit (self, signals[SAVED], 0, touchpoint, self->original);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  crm_touchpoint_dialog_save (CRM_TOUCHPOINT_DIALOG (widget));
}

static void
save_and_fill_in_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_autoptr(CrmTouchpointDialog) self = g_object_ref (CRM_TOUCHPOINT_DIALOG (widget));
  CrmDataField missing = self->missing;

  if (crm_touchpoint_dialog_save (self))
    g_signal_emit (self, signals[FILL_IN], 0, (guint) missing);
}

/* Enter adds the touchpoint from anywhere but the note, where it starts a
 * new line and Ctrl+Enter adds, and the buttons, which it presses. Keys
 * in an open list (another surface) are the list's. */
static gboolean
enter_pressed (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               CrmTouchpointDialog   *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (event != NULL && gdk_event_get_surface (event) != gtk_native_get_surface (GTK_NATIVE (self)))
    return FALSE;
  if (focus != NULL && (focus == GTK_WIDGET (self->note_view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_view))))
    {
      if (!(state & GDK_CONTROL_MASK))
        return FALSE;
    }
  else if (focus != NULL && GTK_IS_BUTTON (focus))
    return FALSE;
  crm_touchpoint_dialog_save (self);
  return TRUE;
}

static void
crm_touchpoint_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_TOUCHPOINT_DIALOG);

  G_OBJECT_CLASS (crm_touchpoint_dialog_parent_class)->dispose (object);
}

static void
crm_touchpoint_dialog_finalize (GObject *object)
{
  CrmTouchpointDialog *self = (CrmTouchpointDialog *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->journey);
  g_clear_object (&self->customer);
  g_clear_object (&self->original);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->transactions, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_touchpoint_dialog_parent_class)->finalize (object);
}

static void
crm_touchpoint_dialog_class_init (CrmTouchpointDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_touchpoint_dialog_dispose;
  object_class->finalize = crm_touchpoint_dialog_finalize;

  /**
   * CrmTouchpointDialog::saved:
   * @touchpoint: the touchpoint as written, with its id
   * @previous: (nullable): the touchpoint as it was before an edit, to
   *   undo it; %NULL when it was added
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CRM_TYPE_TOUCHPOINT, CRM_TYPE_TOUCHPOINT);
  /**
   * CrmTouchpointDialog::fill-in:
   * @missing: the CrmDataField flags of the customer's missing data
   *
   * The touchpoint was added and the user wants to fill in the data its
   * type needs on the customer's page.
   */
  signals[FILL_IN] =
    g_signal_new ("fill-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  crm_ui_init ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-touchpoint-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, missing_group);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, missing_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, satisfaction_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, transaction_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, CrmTouchpointDialog, error_label);

  gtk_widget_class_install_action (widget_class, "touchpoint.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "touchpoint.save-and-fill-in", NULL, save_and_fill_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_touchpoint_dialog_init (CrmTouchpointDialog *self)
{
  const char *directions[] = { _("Inbound: from the customer"), _("Outbound: to the customer"), NULL };
  const char *outcomes[] = { _("Not recorded"), _("Positive"), _("Neutral"), _("Negative"), NULL };
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *digits;

  gtk_widget_init_template (GTK_WIDGET (self));

  set_choices (self->direction_row, directions);
  set_choices (self->outcome_row, outcomes);
  add_type_ahead (self->type_row);
  add_type_ahead (self->channel_row);
  add_type_ahead (self->direction_row);
  add_type_ahead (self->outcome_row);
  add_type_ahead (self->transaction_row);
  g_signal_connect_swapped (self->time_row, "changed", G_CALLBACK (on_time_changed), self);
  /* The time is written left to right in every language ("2026-03-14
   * 15:42"); read right to left, its day and hour would swap places. */
  gtk_widget_set_direction (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->time_row))),
                            GTK_TEXT_DIR_LTR);
  digits = gtk_event_controller_key_new ();
  g_signal_connect (digits, "key-pressed", G_CALLBACK (satisfaction_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->satisfaction_row), digits);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (enter_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static void
fill_choices (CrmTouchpointDialog *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) transactions = gtk_string_list_new (NULL);
  GPtrArray *journey_transactions = crm_journey_get_transactions (self->journey);

  for (guint i = 0; i < self->types->len; i++)
    gtk_string_list_append (types, crm_touchpoint_type_get_name (g_ptr_array_index (self->types, i)));
  for (guint i = 0; i < self->channels->len; i++)
    gtk_string_list_append (channels, crm_channel_get_name (g_ptr_array_index (self->channels, i)));

  /* Newest first: a touchpoint usually led to a recent order. */
  gtk_string_list_append (transactions, _("None"));
  for (guint i = journey_transactions->len; i-- > 0;)
    {
      CrmTransaction *transaction = g_ptr_array_index (journey_transactions, i);
      g_autofree char *date = crm_format_date (crm_transaction_get_occurred_at (transaction));
      g_autofree char *amount = crm_format_money (crm_transaction_get_amount (transaction),
                                                  crm_transaction_get_currency (transaction));
      const char *product = crm_transaction_get_product (transaction);
      g_autofree char *text = NULL;

      /* TRANSLATORS: a transaction to choose: what was bought, the amount, the day */
      text = g_strdup_printf (_("%s · %s · %s"), product != NULL && *product ? product : _("Transaction"),
                              amount, date);
      gtk_string_list_append (transactions, text);
      g_ptr_array_add (self->transactions, g_object_ref (transaction));
    }

  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_model (self->transaction_row, G_LIST_MODEL (transactions));
}

/* Sets the rows to the touchpoint edited. */
static void
fill_from (CrmTouchpointDialog *self,
           CrmTouchpoint       *touchpoint)
{
  g_autofree char *time = format_time (crm_touchpoint_get_occurred_at (touchpoint));
  gint64 transaction_id = crm_touchpoint_get_transaction_id (touchpoint);

  for (guint i = 0; i < self->types->len; i++)
    if (crm_touchpoint_type_get_id (g_ptr_array_index (self->types, i)) == crm_touchpoint_get_type_id (touchpoint))
      adw_combo_row_set_selected (self->type_row, i);
  adw_combo_row_set_selected (self->channel_row, channel_position (self, crm_touchpoint_get_channel_id (touchpoint)));
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
  adw_combo_row_set_selected (self->direction_row, crm_touchpoint_get_direction (touchpoint));
  adw_combo_row_set_selected (self->outcome_row, crm_touchpoint_get_outcome (touchpoint));
  gtk_spin_button_set_value (self->satisfaction_spin, crm_touchpoint_get_satisfaction (touchpoint));
  for (guint i = 0; i < self->transactions->len; i++)
    if (crm_transaction_get_id (g_ptr_array_index (self->transactions, i)) == transaction_id)
      adw_combo_row_set_selected (self->transaction_row, i + 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), crm_touchpoint_get_note (touchpoint), -1);
}

/**
 * crm_touchpoint_dialog_new:
 * @parent: the window it belongs to
 * @store: where the touchpoint is written, on this thread
 * @journey: the customer's journey: their transactions, and the channels
 *   they used for each type
 * @customer: the customer as their page shows them now, for the data a
 *   type needs
 * @touchpoint: (nullable): the touchpoint to edit, or %NULL to add one
 *
 * Returns: (transfer none): the dialog, presented, owned by GTK until it
 *   closes
 */
CrmTouchpointDialog *
crm_touchpoint_dialog_new (GtkWindow     *parent,
                           CrmStore      *store,
                           CrmJourney    *journey,
                           CrmCustomer   *customer,
                           CrmTouchpoint *touchpoint)
{
  g_autoptr(GError) error = NULL;
  CrmTouchpointDialog *self;
  g_autofree char *now = format_time (g_get_real_time () / G_USEC_PER_SEC);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (touchpoint == NULL || CRM_IS_TOUCHPOINT (touchpoint), NULL);

  self = g_object_new (CRM_TYPE_TOUCHPOINT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->journey = g_object_ref (journey);
  self->customer = g_object_ref (customer);
  self->original = touchpoint != NULL ? copy_touchpoint (touchpoint) : NULL;
  self->transactions = g_ptr_array_new_with_free_func (g_object_unref);
  self->types = crm_store_list_touchpoint_types (store, &error);
  self->channels = self->types != NULL ? crm_store_list_channels (store, &error) : NULL;
  if (self->channels == NULL)
    {
      show_error (self, error->message);
      g_clear_pointer (&self->types, g_ptr_array_unref);
      self->types = g_ptr_array_new ();
      self->channels = g_ptr_array_new ();
    }

  adw_window_title_set_subtitle (self->window_title, crm_customer_get_display_name (customer));
  self->filling = TRUE;
  fill_choices (self);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), now);
  if (touchpoint != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Touchpoint"));
      adw_window_title_set_title (self->window_title, _("Edit Touchpoint"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Save the changes (Enter)"));
      fill_from (self, touchpoint);
      self->channel_chosen = TRUE;
    }
  self->filling = FALSE;
  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (on_type_changed), self);
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (on_channel_changed), self);
  on_type_changed (self);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->type_row));
  return self;
}

/* The customer's data the chosen type needs and the page lacks. */
CrmDataField
crm_touchpoint_dialog_get_missing (CrmTouchpointDialog *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT_DIALOG (self), CRM_DATA_FIELD_NONE);
  return self->missing;
}
