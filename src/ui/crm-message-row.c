/* crm-message-row.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-message-row.h"

struct _CrmMessageRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *label;
  /* The control the message is about: marked invalid while it shows, and
   * pointing screen readers to the message. Weak, as the two are siblings
   * that may be destroyed in either order. */
  GWeakRef       field;
};

G_DEFINE_FINAL_TYPE (CrmMessageRow, crm_message_row, GTK_TYPE_LIST_BOX_ROW)

static void
crm_message_row_finalize (GObject *object)
{
  CrmMessageRow *self = (CrmMessageRow *) object;

  g_weak_ref_clear (&self->field);

  G_OBJECT_CLASS (crm_message_row_parent_class)->finalize (object);
}

static void
crm_message_row_class_init (CrmMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_message_row_finalize;
}

static void
crm_message_row_init (CrmMessageRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  g_weak_ref_init (&self->field, NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  /* The icon says "problem" without colour alone; the words say what. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_add_css_class (icon, "error");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  self->label = GTK_LABEL (label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * crm_message_row_new:
 * @field: (nullable): the control the message is about
 *
 * Returns: (transfer floating): a hidden message row
 */
GtkWidget *
crm_message_row_new (GtkWidget *field)
{
  CrmMessageRow *self = g_object_new (CRM_TYPE_MESSAGE_ROW, NULL);

  g_return_val_if_fail (field == NULL || GTK_IS_WIDGET (field), NULL);

  if (field != NULL)
    {
      g_weak_ref_set (&self->field, field);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE,
                                      self->label, -1);
    }
  return GTK_WIDGET (self);
}

/* The field marked invalid or not, for what the row says of it. */
static void
mark_field (CrmMessageRow *self,
            gboolean       invalid)
{
  g_autoptr(GtkWidget) field = g_weak_ref_get (&self->field);

  if (field == NULL)
    return;
  if (invalid)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

void
crm_message_row_show (CrmMessageRow *self,
                      const char    *message)
{
  g_return_if_fail (CRM_IS_MESSAGE_ROW (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_label (self->label, message);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  mark_field (self, TRUE);
}

/* Shows @message without marking the field invalid: for what was refused
 * about the thing the field names (it cannot be deleted), not about what
 * was typed there. */
void
crm_message_row_show_notice (CrmMessageRow *self,
                             const char    *message)
{
  g_return_if_fail (CRM_IS_MESSAGE_ROW (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_label (self->label, message);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  mark_field (self, FALSE);
}

void
crm_message_row_clear (CrmMessageRow *self)
{
  g_return_if_fail (CRM_IS_MESSAGE_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_label_set_label (self->label, "");
  mark_field (self, FALSE);
}

/* The message shown, or NULL while the row is hidden. */
const char *
crm_message_row_get_message (CrmMessageRow *self)
{
  g_return_val_if_fail (CRM_IS_MESSAGE_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_label (self->label) : NULL;
}
