/* crm-channel-row.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-channel-row.h"

struct _CrmChannelRow
{
  AdwEntryRow    parent_instance;

  CrmChannel    *channel;
  GtkWidget     *up_button;
  GtkWidget     *down_button;
  GtkWidget     *delete_button;
  CrmMessageRow *message_row;
};

G_DEFINE_FINAL_TYPE (CrmChannelRow, crm_channel_row, ADW_TYPE_ENTRY_ROW)

enum {
  RENAME,
  MOVE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
crm_channel_row_dispose (GObject *object)
{
  CrmChannelRow *self = (CrmChannelRow *) object;

  g_clear_object (&self->channel);
  /* The message row lives in the same list, beside this one. */
  g_clear_object (&self->message_row);

  G_OBJECT_CLASS (crm_channel_row_parent_class)->dispose (object);
}

/* A new name is asked for when typed and confirmed with Enter, or when the
 * keyboard or pointer leaves the row: no Save button anywhere. */
void
crm_channel_row_commit (CrmChannelRow *self)
{
  g_autofree char *name = NULL;

  g_return_if_fail (CRM_IS_CHANNEL_ROW (self));

  if (self->channel == NULL)
    return;
  name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));
  g_strstrip (name);
  if (g_strcmp0 (name, crm_channel_get_name (self->channel)) == 0)
    {
      /* Back to the stored name (perhaps with spaces around it). */
      crm_message_row_clear (self->message_row);
      crm_channel_row_update (self);
      return;
    }
  g_signal_emit (self, signals[RENAME], 0, name);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                CrmChannelRow           *self)
{
  /* Not while the list is being rebuilt around it. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || gtk_widget_get_parent (GTK_WIDGET (self)) == NULL)
    return;
  if (crm_channel_row_has_pending_edit (self))
    crm_channel_row_commit (self);
}

static void
on_move_up (CrmChannelRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
on_move_down (CrmChannelRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
on_delete (CrmChannelRow *self)
{
  g_signal_emit (self, signals[DELETE], 0);
}

static gboolean
move_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  CrmChannelRow *self = CRM_CHANNEL_ROW (widget);
  int direction = g_variant_get_int32 (args);
  GtkWidget *button = direction < 0 ? self->up_button : self->down_button;

  if (!gtk_widget_get_sensitive (button))
    return FALSE;
  g_signal_emit (self, signals[MOVE], 0, direction);
  return TRUE;
}

static void
crm_channel_row_class_init (CrmChannelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_channel_row_dispose;

  /* The user typed a new name (trimmed, perhaps empty) and confirmed it. */
  signals[RENAME] = g_signal_new ("rename", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Up (-1) or down (1) the order. */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Alt+Up and Alt+Down move the channel from its name, as in other lists
   * with an order. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_shortcut, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_shortcut, "i", 1);
}

static GtkWidget *
icon_button (const char *icon_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
crm_channel_row_init (CrmChannelRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* The name is the user's: never read as Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Name"));

  self->up_button = icon_button ("go-up-symbolic");
  self->down_button = icon_button ("go-down-symbolic");
  self->delete_button = icon_button ("user-trash-symbolic");
  g_signal_connect_swapped (self->up_button, "clicked", G_CALLBACK (on_move_up), self);
  g_signal_connect_swapped (self->down_button, "clicked", G_CALLBACK (on_move_down), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (on_delete), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->up_button);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->down_button);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->delete_button);

  g_signal_connect (self, "entry-activated", G_CALLBACK (crm_channel_row_commit), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  self->message_row = g_object_ref_sink (CRM_MESSAGE_ROW (crm_message_row_new (GTK_WIDGET (self))));
}

/**
 * crm_channel_row_new:
 *
 * Returns: (transfer floating): a row showing @channel
 */
GtkWidget *
crm_channel_row_new (CrmChannel *channel)
{
  CrmChannelRow *self;

  g_return_val_if_fail (CRM_IS_CHANNEL (channel), NULL);

  self = g_object_new (CRM_TYPE_CHANNEL_ROW, NULL);
  self->channel = g_object_ref (channel);
  crm_channel_row_update (self);
  return GTK_WIDGET (self);
}

CrmChannel *
crm_channel_row_get_channel (CrmChannelRow *self)
{
  g_return_val_if_fail (CRM_IS_CHANNEL_ROW (self), NULL);
  return self->channel;
}

/* Shows the channel as it is now, after it was saved or renamed. */
void
crm_channel_row_update (CrmChannelRow *self)
{
  const char *name;
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (CRM_IS_CHANNEL_ROW (self));

  name = crm_channel_get_name (self->channel);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), name);

  /* Each button says which channel it acts on: a screen reader moving
   * from button to button hears no more than the button. */
  /* Translators: a button's label for screen readers; %s is a channel's name */
  up = g_strdup_printf (_("Move “%s” Up"), name);
  /* Translators: a button's label for screen readers; %s is a channel's name */
  down = g_strdup_printf (_("Move “%s” Down"), name);
  /* Translators: a button's label for screen readers; %s is a channel's name */
  delete = g_strdup_printf (_("Delete “%s”"), name);
  /* Translators: the label of a channel's name field for screen readers; %s is the name */
  label = g_strdup_printf (_("Name of the channel “%s”"), name);
  gtk_widget_set_tooltip_text (self->up_button, _("Move Up (Alt+Up)"));
  gtk_widget_set_tooltip_text (self->down_button, _("Move Down (Alt+Down)"));
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->up_button), GTK_ACCESSIBLE_PROPERTY_LABEL, up, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->down_button), GTK_ACCESSIBLE_PROPERTY_LABEL, down, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

CrmMessageRow *
crm_channel_row_get_message_row (CrmChannelRow *self)
{
  g_return_val_if_fail (CRM_IS_CHANNEL_ROW (self), NULL);
  return self->message_row;
}

/* The first channel cannot go up, nor the last down. */
void
crm_channel_row_set_can_move (CrmChannelRow *self,
                              gboolean       up,
                              gboolean       down)
{
  g_return_if_fail (CRM_IS_CHANNEL_ROW (self));

  gtk_widget_set_sensitive (self->up_button, up);
  gtk_widget_set_sensitive (self->down_button, down);
}

/* Whether the text differs from the stored name: typed and not yet
 * confirmed, or refused. */
gboolean
crm_channel_row_has_pending_edit (CrmChannelRow *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CRM_IS_CHANNEL_ROW (self), FALSE);

  if (self->channel == NULL)
    return FALSE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  return g_strcmp0 (text, crm_channel_get_name (self->channel)) != 0;
}

/* After a move the list is made again: the keyboard goes back to the
 * button that was pressed, or to the other one at either end. */
void
crm_channel_row_focus_move (CrmChannelRow *self,
                            int            direction)
{
  GtkWidget *wanted, *other;

  g_return_if_fail (CRM_IS_CHANNEL_ROW (self));

  wanted = direction < 0 ? self->up_button : self->down_button;
  other = direction < 0 ? self->down_button : self->up_button;
  if (gtk_widget_get_sensitive (wanted))
    gtk_widget_grab_focus (wanted);
  else if (gtk_widget_get_sensitive (other))
    gtk_widget_grab_focus (other);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
crm_channel_row_focus_delete (CrmChannelRow *self)
{
  g_return_if_fail (CRM_IS_CHANNEL_ROW (self));

  gtk_widget_grab_focus (self->delete_button);
}
