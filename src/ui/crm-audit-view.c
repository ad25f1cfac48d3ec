/* crm-audit-view.c
 *
 * One row per KPI in a boxed list, its columns lined up by size groups
 * with the header above the list. The figures come from
 * crm_store_compute_kpis_async() with the scope's own level as the child
 * level, which is crm_store_audit_kpis() on a worker thread. A target
 * that is set or removed is written at once and shown at once (the
 * attainment worked out here as the core does it, from the actual value
 * already computed); the table is then computed again in the background
 * so that every figure comes from one snapshot.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-audit-view.h"
#include "crm-change-pause.h"
#include "crm-kpi-format.h"
#include "crm-kpi-table.h"
#include "crm-kpi.h"
#include "crm-ui.h"

/* Below the target, but by less than a tenth of it. */
#define NEAR_ATTAINMENT 0.9

typedef struct
{
  CrmAuditView  *view;
  CrmKpi         kpi;
  GtkListBoxRow *row;
  GtkLabel      *previous;
  GtkLabel      *actual;
  GtkLabel      *target;
  GtkWidget     *attainment_box;
  GtkImage      *attainment_icon;
  GtkLabel      *attainment;
  GtkWidget     *edit_button;
  GtkWidget     *remove_button;
  GtkPopover    *popover;
  GtkEntry      *entry;
  GtkLabel      *unit_label;
  GtkLabel      *error_label;
} Row;

struct _CrmAuditView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *content;
  GtkLabel       *title_label;
  GtkLabel       *period_label;
  GtkSpinner     *spinner;
  GtkLabel       *summary_label;
  GtkStack       *stack;
  GtkSpinner     *loading_spinner;
  GtkBox         *columns_header;
  GtkListBox     *list;
  AdwStatusPage  *error_page;

  GtkSizeGroup   *columns[5];   /* previous, actual, target, attainment, buttons */
  Row             rows[CRM_N_KPIS];

  CrmStore       *store;
  CrmKpiScope    *scope;
  CrmPeriod      *period;
  CrmKpiTable    *table;        /* the last computed, or NULL */
  double          targets[CRM_N_KPIS];  /* as set here since: NAN for none */
  char           *currency;
  GCancellable   *cancellable;  /* of the computation running */
  CrmChangePause *changes;        /* reloads once writes pause */
};

G_DEFINE_FINAL_TYPE (CrmAuditView, crm_audit_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOAST,
  TARGETS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  COLUMN_PREVIOUS,
  COLUMN_ACTUAL,
  COLUMN_TARGET,
  COLUMN_ATTAINMENT,
  COLUMN_BUTTONS,
};

static const char *attainment_classes[] = {
  "audit-met", "audit-near", "audit-missed", "audit-no-target",
};

static void
emit_toast (CrmAuditView *self,
            const char   *message)
{
  g_autoptr(AdwToast) toast = adw_toast_new (message);

  g_signal_emit (self, signals[TOAST], 0, toast);
}

static double
actual_value (CrmAuditView *self,
              CrmKpi        kpi,
              gboolean      previous)
{
  if (self->table == NULL)
    return NAN;
  return crm_kpi_table_get_value (self->table, CRM_KPI_TABLE_SCOPE, kpi, previous);
}

/* How many of the targets are met, as crm_kpi_table_finish() counts. */
static void
count_targets (CrmAuditView *self,
               guint        *n_targets,
               guint        *n_met)
{
  *n_targets = *n_met = 0;
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    {
      if (!crm_kpi_can_have_target (kpi) || isnan (self->targets[kpi]))
        continue;
      (*n_targets)++;
      if (crm_kpi_target_met (kpi, self->targets[kpi], actual_value (self, kpi, FALSE)))
        (*n_met)++;
    }
}

/* The value of the row: target attainment counts the targets set here,
 * before the table is computed again. */
static double
row_value (CrmAuditView *self,
           CrmKpi        kpi)
{
  guint n_targets, n_met;

  if (kpi != CRM_KPI_TARGET_ATTAINMENT || self->table == NULL)
    return actual_value (self, kpi, FALSE);
  count_targets (self, &n_targets, &n_met);
  return n_targets > 0 ? (double) n_met / n_targets : NAN;
}

static void
set_label (GtkLabel   *label,
           const char *text,
           gboolean    dim)
{
  gtk_label_set_label (label, text);
  if (dim)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
update_row (CrmAuditView *self,
            CrmKpi        kpi)
{
  Row *row = &self->rows[kpi];
  const CrmKpiInfo *info = crm_kpi_get_info (kpi);
  gboolean can_target = crm_kpi_can_have_target (kpi);
  double target = self->targets[kpi];
  gboolean has_target = can_target && !isnan (target);
  double value = row_value (self, kpi);
  double previous = info->per_period ? actual_value (self, kpi, TRUE) : NAN;
  g_autofree char *previous_text = crm_kpi_format_value (kpi, previous, self->currency);
  g_autofree char *value_text = crm_kpi_format_value (kpi, value, self->currency);
  g_autofree char *target_text = has_target ? crm_kpi_format_value (kpi, target, self->currency) : NULL;
  g_autofree char *attainment_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  const char *status, *css_class, *icon = NULL;

  set_label (row->previous, previous_text, TRUE);
  set_label (row->actual, value_text, FALSE);
  set_label (row->target, has_target ? target_text : "—", !has_target);

  if (!has_target)
    {
      attainment_text = g_strdup (can_target ? _("No target") : "—");
      status = can_target ? _("No target") : _("Cannot have a target");
      css_class = "audit-no-target";
    }
  else
    {
      double attainment = crm_kpi_attainment (kpi, target, value);

      attainment_text = crm_value_format (attainment, CRM_VALUE_PERCENT, NULL);
      if (crm_kpi_target_met (kpi, target, value))
        {
          status = _("Met");
          css_class = "audit-met";
          icon = "emblem-ok-symbolic";
        }
      else if (!isnan (attainment) && attainment >= NEAR_ATTAINMENT)
        {
          status = _("Nearly met");
          css_class = "audit-near";
          icon = "dialog-warning-symbolic";
        }
      else
        {
          status = _("Missed");
          css_class = "audit-missed";
          icon = "dialog-error-symbolic";
        }
    }
  gtk_label_set_label (row->attainment, attainment_text);
  for (guint i = 0; i < G_N_ELEMENTS (attainment_classes); i++)
    gtk_widget_remove_css_class (row->attainment_box, attainment_classes[i]);
  gtk_widget_add_css_class (row->attainment_box, css_class);
  gtk_image_set_from_icon_name (row->attainment_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (row->attainment_icon), icon != NULL);
  gtk_widget_set_tooltip_text (row->attainment_box, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->attainment_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, status, -1);

  gtk_widget_set_visible (row->edit_button, can_target);
  gtk_widget_set_visible (row->remove_button, has_target);
  /* Translators: the tooltip and screen-reader label of a button; %s is a KPI's name. */
  edit_label = g_strdup_printf (has_target ? _("Change the target for %s") : _("Set a target for %s"),
                                crm_kpi_get_name (kpi));
  /* Translators: %s is a KPI's name. */
  remove_label = g_strdup_printf (_("Remove the target for %s"), crm_kpi_get_name (kpi));
  gtk_widget_set_tooltip_text (row->edit_button, has_target ? _("Change Target") : _("Set Target"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);

  /* Translators: what a screen reader says of a KPI's row in the audit:
   * the previous value, the actual value, the target, the attainment
   * and whether the target was met. */
  description = g_strdup_printf (_("Previous %s, actual %s, target %s, attainment %s: %s"),
                                 previous_text, value_text, has_target ? target_text : "—",
                                 has_target ? attainment_text : "—", status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_kpi_get_name (kpi),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
update_summary (CrmAuditView *self)
{
  guint n_targets, n_met;
  g_autofree char *text = NULL;

  count_targets (self, &n_targets, &n_met);
  if (self->table == NULL)
    text = g_strdup ("");
  else if (n_targets == 0)
    text = g_strdup (_("No targets set"));
  else
    /* Translators: how many of the KPIs' targets were met: “3 of 5 targets met”. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u target met", "%u of %u targets met", n_targets),
                            n_met, n_targets);
  gtk_label_set_label (self->summary_label, text);
}

static void
update_rows (CrmAuditView *self)
{
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    update_row (self, kpi);
  update_summary (self);
}

/* A change of one target: its row, and what counts the targets. */
static void
target_changed (CrmAuditView *self,
                CrmKpi        kpi)
{
  update_row (self, kpi);
  update_row (self, CRM_KPI_TARGET_ATTAINMENT);
  update_summary (self);
  g_signal_emit (self, signals[TARGETS_CHANGED], 0);
  crm_audit_view_reload (self);
}

static void
update_titles (CrmAuditView *self)
{
  g_autofree char *period = crm_period_format (self->period);
  g_autoptr(CrmPeriod) previous_period = crm_period_get_previous (self->period);
  g_autofree char *previous = crm_period_format (previous_period);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  /* Translators: the audit's title; %s is the scope: a region, an owner, the company. */
  title = g_strdup_printf (_("CRM Audit of %s"), crm_kpi_scope_get_label (self->scope));
  /* Translators: the audit's period and the one it is compared with. */
  text = g_strdup_printf (_("%s, compared with %s"), period, previous);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->period_label, text);
}

static void
set_busy (CrmAuditView *self,
          gboolean      busy)
{
  gtk_spinner_set_spinning (self->spinner, busy && self->table != NULL);
  gtk_spinner_set_spinning (self->loading_spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_kpis_computed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CrmAuditView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmKpiTable) table = crm_store_compute_kpis_finish (CRM_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (table == NULL)
    {
      g_clear_object (&self->table);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_summary (self);
      set_busy (self, FALSE);
      return;
    }
  g_set_object (&self->table, table);
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    if (!crm_kpi_table_get_target (table, kpi, &self->targets[kpi]))
      self->targets[kpi] = NAN;
  update_rows (self);
  gtk_stack_set_visible_child_name (self->stack, "audit");
  set_busy (self, FALSE);
}

/**
 * crm_audit_view_reload:
 *
 * Computes the audit of the current scope and period again, off the UI
 * thread, cancelling a computation still running.
 */
void
crm_audit_view_reload (CrmAuditView *self)
{
  g_return_if_fail (CRM_IS_AUDIT_VIEW (self));

  if (self->changes != NULL)
    crm_change_pause_cancel (self->changes);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "audit");
      set_busy (self, FALSE);
      return;
    }
  g_free (self->currency);
  self->currency = crm_kpi_currency ();
  self->cancellable = g_cancellable_new ();
  if (self->table == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  set_busy (self, TRUE);
  crm_store_compute_kpis_async (self->store, self->scope, self->period, crm_kpi_scope_get_level (self->scope), 0,
                                self->cancellable, on_kpis_computed, g_object_ref (self));
}

/* Editing a target */

static void
clear_error (Row *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row->entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->entry), NULL);
  gtk_widget_set_visible (GTK_WIDGET (row->error_label), FALSE);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
show_error (Row        *row,
            const char *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (row->entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->entry), message);
  gtk_label_set_label (row->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (row->error_label), TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_widget_grab_focus (GTK_WIDGET (row->entry));
}

/**
 * crm_audit_view_edit_target:
 *
 * Opens the editor of the KPI's target, what Enter on its row and its
 * edit button do. Nothing happens for a KPI that cannot have a target.
 */
void
crm_audit_view_edit_target (CrmAuditView *self,
                            CrmKpi        kpi)
{
  Row *row;
  g_autofree char *text = NULL;

  g_return_if_fail (CRM_IS_AUDIT_VIEW (self));
  g_return_if_fail ((guint) kpi < CRM_N_KPIS);

  row = &self->rows[kpi];
  if (!crm_kpi_can_have_target (kpi) || self->store == NULL)
    return;
  text = crm_kpi_format_input (kpi, self->targets[kpi]);
  gtk_label_set_label (row->unit_label, crm_kpi_input_unit (kpi, self->currency));
  gtk_widget_set_visible (GTK_WIDGET (row->unit_label), crm_kpi_input_unit (kpi, self->currency) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (row->entry), text);
  clear_error (row);
  gtk_popover_popup (row->popover);
  gtk_widget_grab_focus (GTK_WIDGET (row->entry));
  gtk_editable_select_region (GTK_EDITABLE (row->entry), 0, -1);
}

static void
apply_target (Row *row)
{
  CrmAuditView *self = row->view;
  g_autoptr(GError) error = NULL;
  double value;

  if (self->store == NULL)
    return;
  if (!crm_kpi_parse_input (row->kpi, gtk_editable_get_text (GTK_EDITABLE (row->entry)), self->currency,
                            &value, &error)
      || !crm_store_set_kpi_target (self->store, row->kpi, self->scope, self->period, value, &error))
    {
      show_error (row, error->message);
      return;
    }
  self->targets[row->kpi] = value;
  gtk_popover_popdown (row->popover);
  target_changed (self, row->kpi);
}

typedef struct
{
  GWeakRef     view;
  CrmStore    *store;
  CrmKpiScope *scope;
  CrmPeriod   *period;
  CrmKpi       kpi;
  double       value;
} Undo;

static void
undo_free (gpointer data,
           GClosure *closure)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->view);
  g_object_unref (undo->store);
  crm_kpi_scope_free (undo->scope);
  crm_period_free (undo->period);
  g_free (undo);
}

/* The Undo of a toast: the target back as it was. The toast may outlive
 * the view, so it holds what it needs itself. */
static void
on_undo_remove (AdwToast *toast,
                Undo     *undo)
{
  g_autoptr(CrmAuditView) self = g_weak_ref_get (&undo->view);
  g_autoptr(GError) error = NULL;

  if (!crm_store_set_kpi_target (undo->store, undo->kpi, undo->scope, undo->period, undo->value, &error))
    {
      if (self != NULL)
        emit_toast (self, error->message);
      return;
    }
  if (self == NULL)
    return;
  if (self->store == undo->store && crm_kpi_scope_equal (self->scope, undo->scope)
      && crm_period_equal (self->period, undo->period))
    {
      self->targets[undo->kpi] = undo->value;
      target_changed (self, undo->kpi);
    }
  else
    g_signal_emit (self, signals[TARGETS_CHANGED], 0);
}

static void
remove_target (CrmAuditView *self,
               CrmKpi        kpi)
{
  Row *row = &self->rows[kpi];
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  Undo *undo;

  if (self->store == NULL || !crm_kpi_can_have_target (kpi) || isnan (self->targets[kpi]))
    return;
  if (!crm_store_remove_kpi_target (self->store, kpi, self->scope, self->period, &error))
    {
      emit_toast (self, error->message);
      return;
    }

  undo = g_new0 (Undo, 1);
  g_weak_ref_init (&undo->view, self);
  undo->store = g_object_ref (self->store);
  undo->scope = crm_kpi_scope_copy (self->scope);
  undo->period = crm_period_copy (self->period);
  undo->kpi = kpi;
  undo->value = self->targets[kpi];

  self->targets[kpi] = NAN;
  /* The remove button goes: the row keeps the focus. */
  if (gtk_widget_has_focus (row->remove_button))
    gtk_widget_grab_focus (GTK_WIDGET (row->row));
  target_changed (self, kpi);

  /* Translators: a toast; %s is a KPI's name. */
  title = g_strdup_printf (_("Target for “%s” removed"), crm_kpi_get_name (kpi));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove), undo, undo_free, 0);
  g_signal_emit (self, signals[TOAST], 0, toast);
}

static Row *
row_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "crm-audit-row");
}

static void
on_edit_clicked (GtkButton *button,
                 Row       *row)
{
  crm_audit_view_edit_target (row->view, row->kpi);
}

static void
on_remove_clicked (GtkButton *button,
                   Row       *row)
{
  remove_target (row->view, row->kpi);
}

static void
on_entry_activate (GtkEntry *entry,
                   Row      *row)
{
  apply_target (row);
}

static void
on_entry_changed (GtkEditable *editable,
                  Row         *row)
{
  clear_error (row);
}

static void
on_cancel_clicked (GtkButton *button,
                   Row       *row)
{
  gtk_popover_popdown (row->popover);
}

static void
on_apply_clicked (GtkButton *button,
                  Row       *row)
{
  apply_target (row);
}

/* Escape, a click elsewhere or a target set: the row gets the focus
 * back unless the user has put it somewhere else. */
static void
on_popover_closed (GtkPopover *popover,
                   Row        *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row->row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  clear_error (row);
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)) || focus == GTK_WIDGET (popover))
    gtk_widget_grab_focus (GTK_WIDGET (row->row));
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *list_row,
                  CrmAuditView  *self)
{
  Row *row = row_of (GTK_WIDGET (list_row));

  if (row != NULL)
    crm_audit_view_edit_target (self, row->kpi);
}

/* Delete on a row removes its target. */
static gboolean
remove_focused_target (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  CrmAuditView *self = CRM_AUDIT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *list_row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  Row *row = list_row != NULL ? row_of (list_row) : NULL;

  if (row == NULL || GTK_IS_EDITABLE (focus) || isnan (self->targets[row->kpi]))
    return FALSE;
  remove_target (self, row->kpi);
  return TRUE;
}

static GtkWidget *
make_value_label (CrmAuditView *self,
                  guint         column)
{
  GtkWidget *label = gtk_label_new ("—");

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_size_group_add_widget (self->columns[column], label);
  return label;
}

static GtkWidget *
make_popover (CrmAuditView *self,
              Row          *row)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *input = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *unit = gtk_label_new (NULL);
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Set Target"));
  g_autofree char *title = NULL;

  /* Translators: the heading of the target editor; %s is a KPI's name. */
  title = g_strdup_printf (_("Target for %s"), crm_kpi_get_name (row->kpi));
  gtk_label_set_label (GTK_LABEL (heading), title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, error, -1);
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_box_append (GTK_BOX (input), entry);
  gtk_box_append (GTK_BOX (input), unit);

  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error), 30);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), apply);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), input);
  gtk_box_append (GTK_BOX (box), error);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  row->popover = GTK_POPOVER (popover);
  row->entry = GTK_ENTRY (entry);
  row->unit_label = GTK_LABEL (unit);
  row->error_label = GTK_LABEL (error);
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), row);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), row);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked), row);
  g_signal_connect (apply, "clicked", G_CALLBACK (on_apply_clicked), row);
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed), row);
  return popover;
}

static void
make_row (CrmAuditView *self,
          CrmKpi        kpi)
{
  Row *row = &self->rows[kpi];
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (crm_kpi_get_name (kpi));
  GtkWidget *description = gtk_label_new (crm_kpi_get_description (kpi));
  GtkWidget *target_cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *attainment_cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *attainment = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  row->view = self;
  row->kpi = kpi;
  row->row = GTK_LIST_BOX_ROW (list_row);
  g_object_set_data (G_OBJECT (list_row), "crm-audit-row", row);
  gtk_list_box_row_set_activatable (row->row, crm_kpi_can_have_target (kpi));

  /* The names take what the figures leave, wrapped: asking for little
   * lets every row give its figures the same widths. */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 12);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 12);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_set_hexpand (names, TRUE);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), description);
  gtk_box_append (GTK_BOX (box), names);

  row->previous = GTK_LABEL (make_value_label (self, COLUMN_PREVIOUS));
  row->actual = GTK_LABEL (make_value_label (self, COLUMN_ACTUAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->previous));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->actual));

  /* The editor points at the target it edits. */
  row->target = GTK_LABEL (gtk_label_new ("—"));
  gtk_label_set_xalign (row->target, 1);
  gtk_widget_set_hexpand (GTK_WIDGET (row->target), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->target), "numeric");
  gtk_box_append (GTK_BOX (target_cell), GTK_WIDGET (row->target));
  gtk_box_append (GTK_BOX (target_cell), make_popover (self, row));
  /* The label expands within the cell, not the cell in the row: every
   * row's cells keep their column's width. */
  gtk_widget_set_hexpand (target_cell, FALSE);
  gtk_size_group_add_widget (self->columns[COLUMN_TARGET], target_cell);
  gtk_box_append (GTK_BOX (box), target_cell);

  /* The sign just before the figure, both at the column's end, so that
   * figures line up with “No target”. */
  row->attainment_box = attainment;
  row->attainment_icon = GTK_IMAGE (gtk_image_new ());
  row->attainment = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (row->attainment), "numeric");
  gtk_widget_add_css_class (attainment, "audit-attainment");
  gtk_widget_set_hexpand (attainment, TRUE);
  gtk_widget_set_halign (attainment, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (attainment), GTK_WIDGET (row->attainment_icon));
  gtk_box_append (GTK_BOX (attainment), GTK_WIDGET (row->attainment));
  gtk_box_append (GTK_BOX (attainment_cell), attainment);
  gtk_widget_set_hexpand (attainment_cell, FALSE);
  gtk_size_group_add_widget (self->columns[COLUMN_ATTAINMENT], attainment_cell);
  gtk_box_append (GTK_BOX (box), attainment_cell);

  row->edit_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  row->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (row->edit_button, "flat");
  gtk_widget_add_css_class (row->edit_button, "audit-edit");
  gtk_widget_add_css_class (row->remove_button, "flat");
  gtk_widget_add_css_class (row->remove_button, "audit-remove");
  gtk_widget_set_tooltip_text (row->remove_button, _("Remove Target"));
  gtk_widget_set_valign (row->edit_button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (row->remove_button, GTK_ALIGN_CENTER);
  g_signal_connect (row->edit_button, "clicked", G_CALLBACK (on_edit_clicked), row);
  g_signal_connect (row->remove_button, "clicked", G_CALLBACK (on_remove_clicked), row);
  gtk_box_append (GTK_BOX (buttons), row->edit_button);
  gtk_box_append (GTK_BOX (buttons), row->remove_button);
  gtk_size_group_add_widget (self->columns[COLUMN_BUTTONS], buttons);
  gtk_box_append (GTK_BOX (box), buttons);

  if (!crm_kpi_can_have_target (kpi))
    gtk_widget_set_tooltip_text (list_row, _("Counted from the targets of the other KPIs: it has no target of its own"));
  else if (!crm_kpi_get_info (kpi)->per_period)
    gtk_widget_set_tooltip_text (list_row, _("A snapshot as of the last RFM refresh: there is no previous value"));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (row->row, box);
  gtk_list_box_append (self->list, list_row);
}

static void
make_columns_header (CrmAuditView *self)
{
  static const char *titles[] = {
    N_("Previous"), N_("Actual"), N_("Target"), N_("Attainment"),
  };
  GtkWidget *name = gtk_label_new (_("KPI"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (name, "dim-label");
  gtk_box_append (self->columns_header, name);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *label = gtk_label_new (_(titles[i]));

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      /* Room for a figure such as €1,234,567.00. */
      gtk_label_set_width_chars (GTK_LABEL (label), 11);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_size_group_add_widget (self->columns[i], label);
      gtk_box_append (self->columns_header, label);
    }
  gtk_size_group_add_widget (self->columns[COLUMN_BUTTONS], buttons);
  gtk_box_append (self->columns_header, buttons);
}

/* A heading over the RFM segments, which are snapshots, not figures of
 * the period. */
static void
update_header (GtkListBoxRow *list_row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  Row *row = row_of (GTK_WIDGET (list_row));

  if (row->kpi == CRM_KPI_RFM_CHAMPIONS || row->kpi == CRM_KPI_TARGET_ATTAINMENT)
    {
      if (gtk_list_box_row_get_header (list_row) == NULL)
        {
          GtkWidget *label = gtk_label_new (row->kpi == CRM_KPI_RFM_CHAMPIONS
                                            ? _("RFM segments, as of the last refresh")
                                            : _("Targets"));

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "audit-section");
          gtk_widget_add_css_class (label, "heading");
          gtk_list_box_row_set_header (list_row, label);
        }
    }
  else
    gtk_list_box_row_set_header (list_row, NULL);
}

static void
crm_audit_view_dispose (GObject *object)
{
  CrmAuditView *self = (CrmAuditView *) object;

  g_clear_pointer (&self->changes, crm_change_pause_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->table);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_AUDIT_VIEW);
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    g_clear_object (&self->columns[i]);

  G_OBJECT_CLASS (crm_audit_view_parent_class)->dispose (object);
}

static void
crm_audit_view_finalize (GObject *object)
{
  CrmAuditView *self = (CrmAuditView *) object;

  g_clear_pointer (&self->scope, crm_kpi_scope_free);
  g_clear_pointer (&self->period, crm_period_free);
  g_free (self->currency);

  G_OBJECT_CLASS (crm_audit_view_parent_class)->finalize (object);
}

static void
crm_audit_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmAuditView *self = CRM_AUDIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, crm_audit_view_is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_audit_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmAuditView *self = CRM_AUDIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      crm_audit_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_audit_view_class_init (CrmAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_audit_view_dispose;
  object_class->finalize = crm_audit_view_finalize;
  object_class->get_property = crm_audit_view_get_property;
  object_class->set_property = crm_audit_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the audit is being computed. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmAuditView::toast:
   * @toast: what to tell the user, with an Undo button where there is one
   *
   * For the toast overlay of the window that shows the view.
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /**
   * CrmAuditView::targets-changed:
   *
   * A target was set, changed, removed or put back, for views that show
   * targets to compute their figures again.
   */
  signals[TARGETS_CHANGED] =
    g_signal_new ("targets-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, remove_focused_target, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, remove_focused_target, NULL);

  crm_ui_init ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmAuditView, content);
  gtk_widget_class_bind_template_child (widget_class, CrmAuditView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmAuditView, period_label);
  gtk_widget_class_bind_template_child (widget_class, CrmAuditView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmAuditView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmAuditView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmAuditView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmAuditView, columns_header);
  gtk_widget_class_bind_template_child (widget_class, CrmAuditView, list);
  gtk_widget_class_bind_template_child (widget_class, CrmAuditView, error_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "audit-view");
}

static void
crm_audit_view_init (CrmAuditView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    self->columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    self->targets[kpi] = NAN;
  self->scope = crm_kpi_scope_new_company ();
  self->period = crm_period_new_year (g_get_real_time () / G_USEC_PER_SEC);
  self->currency = crm_kpi_currency ();

  make_columns_header (self);
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    make_row (self, kpi);
  gtk_list_box_set_header_func (self->list, update_header, NULL, NULL);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  update_titles (self);
  update_rows (self);
}

GtkWidget *
crm_audit_view_new (void)
{
  return g_object_new (CRM_TYPE_AUDIT_VIEW, NULL);
}

/**
 * crm_audit_view_set_store:
 * @store: (nullable): the database; its file is opened again on a worker
 *   thread for the figures
 */
void
crm_audit_view_set_store (CrmAuditView *self,
                          CrmStore     *store)
{
  g_return_if_fail (CRM_IS_AUDIT_VIEW (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (self->store == store)
    return;
  g_clear_pointer (&self->changes, crm_change_pause_free);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changes = crm_change_pause_new (store, 500, (void (*) (gpointer)) crm_audit_view_reload, self);
  g_clear_object (&self->table);
  update_rows (self);
  crm_audit_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * crm_audit_view_get_store:
 *
 * Returns: (transfer none) (nullable): the database
 */
CrmStore *
crm_audit_view_get_store (CrmAuditView *self)
{
  g_return_val_if_fail (CRM_IS_AUDIT_VIEW (self), NULL);
  return self->store;
}

/**
 * crm_audit_view_set_scope_and_period:
 * @scope: (nullable): where in the pyramid; %NULL for the company
 * @period: (nullable): the period audited; %NULL for this year
 *
 * Shows the audit of @scope in @period, computed off the UI thread, with
 * the targets set for that scope and period.
 */
void
crm_audit_view_set_scope_and_period (CrmAuditView      *self,
                                     const CrmKpiScope *scope,
                                     const CrmPeriod   *period)
{
  CrmKpiScope *scope_copy;
  CrmPeriod *period_copy;

  g_return_if_fail (CRM_IS_AUDIT_VIEW (self));

  /* Copied first: either may belong to a table about to go. */
  scope_copy = scope != NULL ? crm_kpi_scope_copy (scope) : crm_kpi_scope_new_company ();
  period_copy = period != NULL ? crm_period_copy (period)
                               : crm_period_new_year (g_get_real_time () / G_USEC_PER_SEC);
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    gtk_popover_popdown (self->rows[kpi].popover);
  g_clear_pointer (&self->scope, crm_kpi_scope_free);
  g_clear_pointer (&self->period, crm_period_free);
  self->scope = scope_copy;
  self->period = period_copy;
  g_clear_object (&self->table);
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    self->targets[kpi] = NAN;
  update_titles (self);
  update_rows (self);
  crm_audit_view_reload (self);
}

const CrmKpiScope *
crm_audit_view_get_scope (CrmAuditView *self)
{
  g_return_val_if_fail (CRM_IS_AUDIT_VIEW (self), NULL);
  return self->scope;
}

const CrmPeriod *
crm_audit_view_get_period (CrmAuditView *self)
{
  g_return_val_if_fail (CRM_IS_AUDIT_VIEW (self), NULL);
  return self->period;
}

/* Whether the audit is being computed. */
gboolean
crm_audit_view_is_busy (CrmAuditView *self)
{
  g_return_val_if_fail (CRM_IS_AUDIT_VIEW (self), FALSE);
  return self->cancellable != NULL;
}
