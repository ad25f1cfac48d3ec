/* crm-journey-panel.c
 *
 * The panel owns the customer's CrmJourney; the timeline and the list
 * both show it, and follow it when the store says the customer changed,
 * so a touchpoint added here shows there without being told.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-journey-panel.h"
#include "crm-journey-stage.h"
#include "crm-ui.h"

struct _CrmJourneyPanel
{
  AdwPreferencesGroup  parent_instance;

  CrmStore            *store;
  CrmJourney          *journey;
  CrmCustomer         *current;        /* the customer as the page shows them */
  GtkSortListModel    *newest_first;
  gint64               pending_focus;  /* a touchpoint to show once it is read */
  gboolean             show_list;

  /* Template widgets */
  GtkStack            *stack;
  CrmTimelineView     *timeline;
  GtkLabel            *caption;
  GtkListView         *list_view;
};

G_DEFINE_FINAL_TYPE (CrmJourneyPanel, crm_journey_panel, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_SHOW_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOAST,
  FILL_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
direction_name (CrmDirection direction)
{
  return direction == CRM_DIRECTION_OUTBOUND ? _("outbound") : _("inbound");
}

static const char *
outcome_name (CrmOutcome outcome)
{
  switch (outcome)
    {
    case CRM_OUTCOME_POSITIVE: return _("positive");
    case CRM_OUTCOME_NEUTRAL: return _("neutral");
    case CRM_OUTCOME_NEGATIVE: return _("negative");
    case CRM_OUTCOME_NONE:
    default: return NULL;
    }
}

/* The caption under the timeline: the touchpoint the keyboard is on, or
 * how to get about. */
static void
on_focused_text (CrmJourneyPanel *self)
{
  const char *text = crm_timeline_view_get_focused_text (self->timeline);

  if (text != NULL)
    {
      gtk_label_set_text (self->caption, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->caption), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->caption,
                          crm_timeline_view_is_empty (self->timeline)
                          ? _("Record the first one with Add Touchpoint (Ctrl+T).")
                          : _("Tab or the arrow keys go from touchpoint to touchpoint; + and − zoom, "
                              "0 shows it all; drag, Shift+scroll or Page Up and Down move in time."));
      gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
    }
}

/* "14 touchpoints · Awareness 3 · Consideration 5 · …": the stages in
 * the order this customer reached them. */
static void
update_summary (CrmJourneyPanel *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  GArray *stages;
  guint n;

  if (self->journey == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
      return;
    }
  n = crm_journey_get_n_items (self->journey);
  g_string_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints", n), n);
  stages = crm_journey_get_stage_counts (self->journey);
  for (guint i = 0; i < stages->len; i++)
    {
      CrmJourneyStage *stage = &g_array_index (stages, CrmJourneyStage, i);
      const char *name = *stage->stage != '\0' ? crm_journey_stage_get_label (stage->stage) : _("no stage");

      /* TRANSLATORS: a journey stage and its number of touchpoints, e.g. " · Awareness 3" */
      g_string_append_printf (summary, _(" · %s %u"), name, stage->n_touchpoints);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), summary->str);
}

static void
on_journey_changed (CrmJourneyPanel *self)
{
  update_summary (self);
  on_focused_text (self);
  if (self->pending_focus != 0 && crm_timeline_view_focus_touchpoint (self->timeline, self->pending_focus))
    self->pending_focus = 0;
}

/* The list */

static int
newer_first (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  gint64 ta = crm_touchpoint_get_occurred_at ((CrmTouchpoint *) a);
  gint64 tb = crm_touchpoint_get_occurred_at ((CrmTouchpoint *) b);
  gint64 ia = crm_touchpoint_get_id ((CrmTouchpoint *) a);
  gint64 ib = crm_touchpoint_get_id ((CrmTouchpoint *) b);

  if (ta != tb)
    return ta > tb ? -1 : 1;
  return ia > ib ? -1 : ia < ib;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CrmJourneyPanel          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_item_set_child (item, box);
}

/* A touchpoint on two lines: its type; then when, the channel, the
 * direction, the outcome, the satisfaction and whether it was a moment of
 * truth. */
static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CrmJourneyPanel          *self)
{
  CrmTouchpoint *touchpoint = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  CrmTouchpointType *type = crm_journey_lookup_type (self->journey, crm_touchpoint_get_type_id (touchpoint));
  CrmChannel *channel = crm_journey_lookup_channel (self->journey, crm_touchpoint_get_channel_id (touchpoint));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (crm_touchpoint_get_occurred_at (touchpoint));
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  /* Translators: a touchpoint's day and time in the list, in
   * g_date_time_format()'s notation: “3 March 2026, 14:30”. */
  g_autofree char *when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
  const char *outcome = outcome_name (crm_touchpoint_get_outcome (touchpoint));
  int satisfaction = crm_touchpoint_get_satisfaction (touchpoint);
  g_autoptr(GString) text = g_string_new (when);
  g_autofree char *label = NULL;

  g_string_append_printf (text, " · %s · %s", channel != NULL ? crm_channel_get_name (channel) : _("Other"),
                          direction_name (crm_touchpoint_get_direction (touchpoint)));
  if (outcome != NULL)
    g_string_append_printf (text, " · %s", outcome);
  g_string_append (text, " · ");
  if (satisfaction > 0)
    g_string_append_printf (text, _("Satisfaction %d out of 5"), satisfaction);
  else
    g_string_append (text, _("Not rated"));
  if (type != NULL && crm_touchpoint_type_get_moment_of_truth (type))
    g_string_append_printf (text, " · %s", _("Moment of truth"));
  if (crm_touchpoint_get_note (touchpoint) != NULL && *crm_touchpoint_get_note (touchpoint) != '\0')
    g_string_append_printf (text, "\n%s", crm_touchpoint_get_note (touchpoint));

  gtk_label_set_text (GTK_LABEL (title), type != NULL ? crm_touchpoint_type_get_name (type) : _("Touchpoint"));
  gtk_label_set_text (GTK_LABEL (details), text->str);
  label = g_strdup_printf ("%s, %s", gtk_label_get_text (GTK_LABEL (title)), text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_list_activated (CrmJourneyPanel *self,
                   guint            position)
{
  g_autoptr(CrmTouchpoint) touchpoint = g_list_model_get_item (G_LIST_MODEL (self->newest_first), position);

  if (touchpoint != NULL)
    crm_journey_panel_edit_touchpoint (self, crm_touchpoint_get_id (touchpoint));
}

static void
on_touchpoint_activated (CrmJourneyPanel *self,
                         gint64           touchpoint_id)
{
  crm_journey_panel_edit_touchpoint (self, touchpoint_id);
}

/* Undo */

typedef struct
{
  CrmStore      *store;
  CrmTouchpoint *saved;
  CrmTouchpoint *previous;   /* NULL: the touchpoint was added */
  GWeakRef       panel;
} Undo;

static void
undo_free (gpointer data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->store);
  g_object_unref (undo->saved);
  g_clear_object (&undo->previous);
  g_weak_ref_clear (&undo->panel);
  g_free (undo);
}

/* The Undo of the toast: an added touchpoint is deleted, an edited one
 * written back as it was. The toast may outlive the page. */
static void
on_undo_clicked (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmJourneyPanel) panel = NULL;
  gboolean done;

  if (undo->previous != NULL)
    done = crm_store_save_touchpoint (undo->store, undo->previous, &error);
  else
    done = crm_store_delete_touchpoint (undo->store, crm_touchpoint_get_id (undo->saved), &error);
  if (done)
    return;
  panel = g_weak_ref_get (&undo->panel);
  if (panel != NULL)
    {
      g_autoptr(AdwToast) failed = adw_toast_new (error->message);

      g_signal_emit (panel, signals[TOAST], 0, failed);
    }
}

static void
on_saved (CrmJourneyPanel *self,
          CrmTouchpoint   *touchpoint,
          CrmTouchpoint   *previous)
{
  CrmTouchpointType *type = crm_journey_lookup_type (self->journey, crm_touchpoint_get_type_id (touchpoint));
  const char *name = type != NULL ? crm_touchpoint_type_get_name (type) : _("Touchpoint");
  g_autoptr(AdwToast) toast = NULL;
  Undo *undo = g_new0 (Undo, 1);

  toast = previous != NULL
          /* TRANSLATORS: %s is a touchpoint type, e.g. "Complaint" */
          ? adw_toast_new_format (_("Touchpoint “%s” changed"), name)
          /* TRANSLATORS: %s is a touchpoint type, e.g. "Complaint" */
          : adw_toast_new_format (_("Touchpoint “%s” added"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo->store = g_object_ref (self->store);
  undo->saved = g_object_ref (touchpoint);
  undo->previous = previous != NULL ? g_object_ref (previous) : NULL;
  g_weak_ref_init (&undo->panel, self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo, undo_free, 0);

  /* The journey reads it once the main loop runs; the timeline goes to it
   * then. */
  self->pending_focus = crm_touchpoint_get_id (touchpoint);
  g_signal_emit (self, signals[TOAST], 0, toast);
}

static void
on_fill_in (CrmJourneyPanel *self,
            guint            missing)
{
  g_signal_emit (self, signals[FILL_IN], 0, missing);
}

static CrmTouchpointDialog *
open_dialog (CrmJourneyPanel *self,
             CrmTouchpoint   *touchpoint)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(CrmCustomer) loaded = NULL;
  CrmCustomer *customer = self->current;
  CrmTouchpointDialog *dialog;

  if (self->journey == NULL)
    return NULL;
  if (customer == NULL)
    {
      g_autoptr(GError) error = NULL;

      loaded = crm_store_load_customer (self->store, crm_journey_get_customer_id (self->journey), &error);
      if (loaded == NULL)
        {
          g_autoptr(AdwToast) toast = adw_toast_new (error->message);

          g_signal_emit (self, signals[TOAST], 0, toast);
          return NULL;
        }
      customer = loaded;
    }
  dialog = crm_touchpoint_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->store, self->journey, customer, touchpoint);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "fill-in", G_CALLBACK (on_fill_in), self, G_CONNECT_SWAPPED);
  return dialog;
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  crm_journey_panel_add_touchpoint (CRM_JOURNEY_PANEL (widget));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmJourneyPanel *self = CRM_JOURNEY_PANEL (widget);
  g_autofree char *name = g_strconcat ("timeline.", strchr (action_name, '.') + 1, NULL);

  /* The timeline's own actions, for the buttons beside it. */
  gtk_widget_activate_action (GTK_WIDGET (self->timeline), name, NULL);
}

/* The toasts go to the window's overlay unless a handler took them. */
static void
default_toast (CrmJourneyPanel *self,
               AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
}

static void
crm_journey_panel_dispose (GObject *object)
{
  CrmJourneyPanel *self = (CrmJourneyPanel *) object;

  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_data (self->journey, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_JOURNEY_PANEL);
  g_clear_object (&self->newest_first);
  g_clear_object (&self->journey);
  g_clear_object (&self->store);
  g_clear_object (&self->current);

  G_OBJECT_CLASS (crm_journey_panel_parent_class)->dispose (object);
}

static void
crm_journey_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmJourneyPanel *self = CRM_JOURNEY_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_LIST:
      g_value_set_boolean (value, self->show_list);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_journey_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmJourneyPanel *self = CRM_JOURNEY_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_LIST:
      crm_journey_panel_set_show_list (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_journey_panel_class_init (CrmJourneyPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_journey_panel_dispose;
  object_class->get_property = crm_journey_panel_get_property;
  object_class->set_property = crm_journey_panel_set_property;

  /**
   * CrmJourneyPanel:show-list:
   *
   * Whether the touchpoints are shown as a list instead of the timeline.
   */
  properties[PROP_SHOW_LIST] =
    g_param_spec_boolean ("show-list", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmJourneyPanel::toast:
   * @toast: what to tell the user, with Undo after a touchpoint was
   *   added or changed
   *
   * Shown in the window's toast overlay, the panel's nearest.
   */
  signals[TOAST] =
    g_signal_new_class_handler ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (default_toast), NULL, NULL, NULL,
                                G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /**
   * CrmJourneyPanel::fill-in:
   * @missing: CrmDataField flags
   *
   * A touchpoint was added whose type needs data the customer lacks, and
   * the user wants to fill it in: the page shows those fields.
   */
  signals[FILL_IN] =
    g_signal_new ("fill-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  crm_ui_init ();
  g_type_ensure (CRM_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-journey-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyPanel, timeline);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyPanel, caption);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyPanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_focused_text);
  gtk_widget_class_bind_template_callback (widget_class, on_touchpoint_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activated);

  gtk_widget_class_install_action (widget_class, "journey.add-touchpoint", NULL, add_action);
  gtk_widget_class_install_property_action (widget_class, "journey.show-list", "show-list");
  gtk_widget_class_install_action (widget_class, "journey.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "journey.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "journey.zoom-reset", NULL, zoom_action);
}

static void
crm_journey_panel_init (CrmJourneyPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  on_focused_text (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.add-touchpoint", FALSE);
}

GtkWidget *
crm_journey_panel_new (void)
{
  return g_object_new (CRM_TYPE_JOURNEY_PANEL, NULL);
}

/**
 * crm_journey_panel_set_customer:
 * @store: (nullable): the store, used on this thread
 * @customer_id: whose journey; 0 for none (a customer not saved yet)
 *
 * The same customer again keeps the journey as it is shown, zoom and all.
 */
void
crm_journey_panel_set_customer (CrmJourneyPanel *self,
                                CrmStore        *store,
                                gint64           customer_id)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_if_fail (CRM_IS_JOURNEY_PANEL (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (store == self->store && self->journey != NULL && crm_journey_get_customer_id (self->journey) == customer_id)
    return;

  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_data (self->journey, self);
  g_clear_object (&self->journey);
  g_clear_object (&self->newest_first);
  g_clear_object (&self->current);
  g_set_object (&self->store, store);
  self->pending_focus = 0;
  if (store != NULL && customer_id > 0)
    {
      self->journey = crm_journey_new (store, customer_id);
      /* After the timeline has heard of the change, so that it has the
       * touchpoint to go to. */
      g_signal_connect_object (self->journey, "items-changed", G_CALLBACK (on_journey_changed), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (self->journey, "notify::transactions", G_CALLBACK (on_journey_changed), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      self->newest_first = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->journey)),
                                                    GTK_SORTER (gtk_custom_sorter_new (newer_first, NULL, NULL)));
      selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->newest_first)));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
    }
  crm_timeline_view_set_journey (self->timeline, self->journey);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.add-touchpoint", self->journey != NULL);
  update_summary (self);
  on_focused_text (self);
}

/**
 * crm_journey_panel_set_current_customer:
 * @customer: (nullable): the customer as the page's fields say now,
 *   saved or not: what a touchpoint type's minimum data is checked against
 */
void
crm_journey_panel_set_current_customer (CrmJourneyPanel *self,
                                        CrmCustomer     *customer)
{
  g_return_if_fail (CRM_IS_JOURNEY_PANEL (self));
  g_return_if_fail (customer == NULL || CRM_IS_CUSTOMER (customer));

  g_set_object (&self->current, customer);
}

/**
 * crm_journey_panel_get_journey:
 *
 * Returns: (transfer none) (nullable): the journey shown
 */
CrmJourney *
crm_journey_panel_get_journey (CrmJourneyPanel *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_PANEL (self), NULL);
  return self->journey;
}

/**
 * crm_journey_panel_get_timeline:
 *
 * Returns: (transfer none): the timeline
 */
CrmTimelineView *
crm_journey_panel_get_timeline (CrmJourneyPanel *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_PANEL (self), NULL);
  return self->timeline;
}

/**
 * crm_journey_panel_get_list:
 *
 * Returns: (transfer none): the list of the touchpoints, newest first
 */
GtkListView *
crm_journey_panel_get_list (CrmJourneyPanel *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_PANEL (self), NULL);
  return self->list_view;
}

void
crm_journey_panel_set_show_list (CrmJourneyPanel *self,
                                 gboolean         show_list)
{
  g_return_if_fail (CRM_IS_JOURNEY_PANEL (self));

  show_list = !!show_list;
  if (self->show_list == show_list)
    return;
  self->show_list = show_list;
  gtk_stack_set_visible_child_name (self->stack, show_list ? "list" : "timeline");
  /* The zoom buttons are the timeline's. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.zoom-in", !show_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.zoom-out", !show_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.zoom-reset", !show_list);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LIST]);
}

gboolean
crm_journey_panel_get_show_list (CrmJourneyPanel *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_PANEL (self), FALSE);
  return self->show_list;
}

/**
 * crm_journey_panel_add_touchpoint:
 *
 * Opens the dialog that records a touchpoint of the customer.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when there
 *   is no customer saved to add it to
 */
CrmTouchpointDialog *
crm_journey_panel_add_touchpoint (CrmJourneyPanel *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_PANEL (self), NULL);
  return open_dialog (self, NULL);
}

/**
 * crm_journey_panel_edit_touchpoint:
 *
 * Returns: (transfer none) (nullable): the dialog editing the touchpoint,
 *   or %NULL when the journey has no such touchpoint
 */
CrmTouchpointDialog *
crm_journey_panel_edit_touchpoint (CrmJourneyPanel *self,
                                   gint64           touchpoint_id)
{
  GListModel *model;

  g_return_val_if_fail (CRM_IS_JOURNEY_PANEL (self), NULL);

  if (self->journey == NULL)
    return NULL;
  model = G_LIST_MODEL (self->journey);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmTouchpoint) touchpoint = g_list_model_get_item (model, i);

      if (crm_touchpoint_get_id (touchpoint) == touchpoint_id)
        return open_dialog (self, touchpoint);
    }
  return NULL;
}
