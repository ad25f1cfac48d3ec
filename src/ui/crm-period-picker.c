/* crm-period-picker.c
 *
 * Periods are whole UTC days (crm-period.h): a day picked on a calendar
 * is the UTC midnight that starts it, and the last day picked is in the
 * period.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-period-picker.h"

#define DAY (24 * 60 * 60)

struct _CrmPeriodPicker
{
  GtkWidget        parent_instance;
  GtkDropDown     *dropdown;
  gboolean         offers_all_time;
  CrmPeriodChoice  shown;         /* the choice the period is for */
  gint64           custom_start;  /* the custom period, once chosen */
  gint64           custom_end;
  GtkPopover      *popover;
  GtkCalendar     *from;
  GtkCalendar     *to;
  GtkLabel        *error;
  GtkWidget       *apply;
};

G_DEFINE_FINAL_TYPE (CrmPeriodPicker, crm_period_picker, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_OFFERS_ALL_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const choice_names[] = {
  [CRM_PERIOD_CHOICE_ALL_TIME] = N_("All Time"),
  [CRM_PERIOD_CHOICE_MONTH] = N_("This Month"),
  [CRM_PERIOD_CHOICE_QUARTER] = N_("This Quarter"),
  [CRM_PERIOD_CHOICE_YEAR] = N_("This Year"),
  [CRM_PERIOD_CHOICE_CUSTOM] = N_("Custom…"),
};

/* Without All Time, the drop-down's positions are one before the
 * choices'. */
static guint
position_of (CrmPeriodPicker *self,
             CrmPeriodChoice  choice)
{
  return self->offers_all_time ? choice : choice - 1;
}

static CrmPeriodChoice
choice_at (CrmPeriodPicker *self,
           guint            position)
{
  return self->offers_all_time ? position : position + 1;
}

static void
fill_choices (CrmPeriodPicker *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = self->offers_all_time ? 0 : 1; i < G_N_ELEMENTS (choice_names); i++)
    gtk_string_list_append (list, _(choice_names[i]));
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->dropdown, position_of (self, self->shown));
}

/* A calendar's day as the UTC midnight that starts it. */
static gint64
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_time_get_year (date), g_date_time_get_month (date),
                                                  g_date_time_get_day_of_month (date), 0, 0, 0);

  return g_date_time_to_unix (day);
}

static void
select_calendar_day (GtkCalendar *calendar,
                     gint64       time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_new_local (g_date_time_get_year (utc), g_date_time_get_month (utc),
                                                      g_date_time_get_day_of_month (utc), 12, 0, 0);

  gtk_calendar_select_day (calendar, local);
}

/* The two days as a period, or why they make none. */
static void
check_days (CrmPeriodPicker *self)
{
  gboolean valid = calendar_day (self->to) >= calendar_day (self->from);

  gtk_label_set_label (self->error, valid ? "" : _("The last day comes before the first."));
  gtk_widget_set_visible (GTK_WIDGET (self->error), !valid);
  gtk_widget_set_sensitive (self->apply, valid);
}

static void
apply_custom (CrmPeriodPicker *self)
{
  if (calendar_day (self->to) < calendar_day (self->from))
    return;
  gtk_popover_popdown (self->popover);
  crm_period_picker_set_custom (self, calendar_day (self->from), calendar_day (self->to) + DAY);
}

/* Closed without a period chosen: the drop-down shows the period's
 * choice again. */
static void
on_popover_closed (CrmPeriodPicker *self)
{
  if (gtk_drop_down_get_selected (self->dropdown) != position_of (self, self->shown))
    gtk_drop_down_set_selected (self->dropdown, position_of (self, self->shown));
}

static void
on_selected (CrmPeriodPicker *self)
{
  guint position = gtk_drop_down_get_selected (self->dropdown);
  CrmPeriodChoice selected;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  selected = choice_at (self, position);
  if (selected == self->shown && selected != CRM_PERIOD_CHOICE_CUSTOM)
    return;
  if (selected == CRM_PERIOD_CHOICE_CUSTOM)
    {
      /* The days shown so far to start from; this year's for all time. */
      g_autoptr(CrmPeriod) shown = crm_period_picker_get_period (self);

      if (shown == NULL)
        shown = crm_period_new_year (g_get_real_time () / G_USEC_PER_SEC);
      select_calendar_day (self->from, crm_period_get_start (shown));
      select_calendar_day (self->to, crm_period_get_end (shown) - DAY);
      check_days (self);
      gtk_popover_popup (self->popover);
      return;
    }
  self->shown = selected;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
build_popover (CrmPeriodPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *days = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *titles[] = { _("First Day"), _("Last Day") };
  GtkCalendar **calendars[] = { &self->from, &self->to };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (titles[i]);
      GtkWidget *calendar = gtk_calendar_new ();

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, titles[i], -1);
      g_signal_connect_swapped (calendar, "day-selected", G_CALLBACK (check_days), self);
      gtk_box_append (GTK_BOX (column), label);
      gtk_box_append (GTK_BOX (column), calendar);
      gtk_box_append (GTK_BOX (days), column);
      *calendars[i] = GTK_CALENDAR (calendar);
    }
  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  self->apply = gtk_button_new_with_mnemonic (_("_Show Period"));
  gtk_widget_add_css_class (self->apply, "suggested-action");
  gtk_widget_set_halign (self->apply, GTK_ALIGN_END);
  g_signal_connect_swapped (self->apply, "clicked", G_CALLBACK (apply_custom), self);
  gtk_box_append (GTK_BOX (box), days);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error));
  gtk_box_append (GTK_BOX (box), self->apply);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  gtk_popover_set_default_widget (self->popover, self->apply);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self->dropdown));
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (on_popover_closed), self);
}

static gboolean
crm_period_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CRM_PERIOD_PICKER (widget)->dropdown));
}

/* As the drop-down's own: the list of choices opens. */
static gboolean
crm_period_picker_mnemonic_activate (GtkWidget *widget,
                                     gboolean   group_cycling)
{
  return gtk_widget_mnemonic_activate (GTK_WIDGET (CRM_PERIOD_PICKER (widget)->dropdown), group_cycling);
}

static void
crm_period_picker_dispose (GObject *object)
{
  CrmPeriodPicker *self = (CrmPeriodPicker *) object;

  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  if (self->dropdown != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->dropdown));
      self->dropdown = NULL;
    }

  G_OBJECT_CLASS (crm_period_picker_parent_class)->dispose (object);
}

static void
crm_period_picker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmPeriodPicker *self = CRM_PERIOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_OFFERS_ALL_TIME:
      g_value_set_boolean (value, self->offers_all_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_period_picker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmPeriodPicker *self = CRM_PERIOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_OFFERS_ALL_TIME:
      crm_period_picker_set_offers_all_time (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_period_picker_class_init (CrmPeriodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_period_picker_dispose;
  object_class->get_property = crm_period_picker_get_property;
  object_class->set_property = crm_period_picker_set_property;
  widget_class->grab_focus = crm_period_picker_grab_focus;
  widget_class->mnemonic_activate = crm_period_picker_mnemonic_activate;

  /**
   * CrmPeriodPicker::changed:
   *
   * Another period was chosen: crm_period_picker_get_period() has it.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /**
   * CrmPeriodPicker:offers-all-time:
   *
   * Whether All Time is among the choices: not for figures that need a
   * period to compare with the one before.
   */
  properties[PROP_OFFERS_ALL_TIME] =
    g_param_spec_boolean ("offers-all-time", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_period_picker_init (CrmPeriodPicker *self)
{
  self->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dropdown), _("Period"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->dropdown), GTK_WIDGET (self));
  self->offers_all_time = TRUE;
  self->shown = CRM_PERIOD_CHOICE_ALL_TIME;
  fill_choices (self);
  build_popover (self);
  g_signal_connect_swapped (self->dropdown, "notify::selected", G_CALLBACK (on_selected), self);
}

GtkWidget *
crm_period_picker_new (void)
{
  return g_object_new (CRM_TYPE_PERIOD_PICKER, NULL);
}

/* The choice the period is for (not the one of a popover still open). */
CrmPeriodChoice
crm_period_picker_get_choice (CrmPeriodPicker *self)
{
  g_return_val_if_fail (CRM_IS_PERIOD_PICKER (self), CRM_PERIOD_CHOICE_ALL_TIME);
  return self->shown;
}

/**
 * crm_period_picker_set_choice:
 * @choice: any but %CRM_PERIOD_CHOICE_CUSTOM, which
 *   crm_period_picker_set_custom() sets
 */
void
crm_period_picker_set_choice (CrmPeriodPicker *self,
                              CrmPeriodChoice  choice)
{
  g_return_if_fail (CRM_IS_PERIOD_PICKER (self));
  g_return_if_fail (choice < CRM_PERIOD_CHOICE_CUSTOM);
  g_return_if_fail (choice != CRM_PERIOD_CHOICE_ALL_TIME || self->offers_all_time);

  gtk_drop_down_set_selected (self->dropdown, position_of (self, choice));
}

gboolean
crm_period_picker_get_offers_all_time (CrmPeriodPicker *self)
{
  g_return_val_if_fail (CRM_IS_PERIOD_PICKER (self), TRUE);
  return self->offers_all_time;
}

/**
 * crm_period_picker_set_offers_all_time:
 * @offers: whether All Time is a choice; without it, a picker showing all
 *   time shows this year (and emits #CrmPeriodPicker::changed)
 */
void
crm_period_picker_set_offers_all_time (CrmPeriodPicker *self,
                                       gboolean         offers)
{
  gboolean moved;

  g_return_if_fail (CRM_IS_PERIOD_PICKER (self));

  offers = !!offers;
  if (self->offers_all_time == offers)
    return;
  self->offers_all_time = offers;
  moved = !offers && self->shown == CRM_PERIOD_CHOICE_ALL_TIME;
  if (moved)
    self->shown = CRM_PERIOD_CHOICE_YEAR;
  /* The position shown changes with the model, not the choice. */
  g_signal_handlers_block_by_func (self->dropdown, on_selected, self);
  fill_choices (self);
  g_signal_handlers_unblock_by_func (self->dropdown, on_selected, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFERS_ALL_TIME]);
  if (moved)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * crm_period_picker_set_custom:
 * @start: the period's first day, at 00:00 UTC
 * @end: the day after its last, at 00:00 UTC
 */
void
crm_period_picker_set_custom (CrmPeriodPicker *self,
                              gint64           start,
                              gint64           end)
{
  g_return_if_fail (CRM_IS_PERIOD_PICKER (self));
  g_return_if_fail (end > start);

  self->custom_start = start;
  self->custom_end = end;
  self->shown = CRM_PERIOD_CHOICE_CUSTOM;
  if (gtk_drop_down_get_selected (self->dropdown) != position_of (self, CRM_PERIOD_CHOICE_CUSTOM))
    {
      g_signal_handlers_block_by_func (self->dropdown, on_selected, self);
      gtk_drop_down_set_selected (self->dropdown, position_of (self, CRM_PERIOD_CHOICE_CUSTOM));
      g_signal_handlers_unblock_by_func (self->dropdown, on_selected, self);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * crm_period_picker_get_period:
 *
 * Returns: (transfer full) (nullable): the period chosen, as of now;
 *   %NULL for all time
 */
CrmPeriod *
crm_period_picker_get_period (CrmPeriodPicker *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (CRM_IS_PERIOD_PICKER (self), NULL);

  switch (self->shown)
    {
    case CRM_PERIOD_CHOICE_MONTH:
      return crm_period_new_month (now);
    case CRM_PERIOD_CHOICE_QUARTER:
      return crm_period_new_quarter (now);
    case CRM_PERIOD_CHOICE_YEAR:
      return crm_period_new_year (now);
    case CRM_PERIOD_CHOICE_CUSTOM:
      return crm_period_new_custom (self->custom_start, self->custom_end);
    case CRM_PERIOD_CHOICE_ALL_TIME:
    default:
      return NULL;
    }
}
