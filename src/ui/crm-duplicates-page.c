/* crm-duplicates-page.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-duplicates-page.h"
#include "crm-ui.h"

/* The groups listed at once; the rest stay found for after these. */
#define MAX_LISTED_GROUPS 500

struct _CrmDuplicatesPage
{
  AdwBin        parent_instance;

  CrmStore     *store;
  GListStore   *groups;         /* CrmDuplicateGroup */
  GCancellable *cancellable;
  CrmCustomer  *left;           /* the merge: left survives */
  CrmCustomer  *right;
  GPtrArray    *choices;        /* GtkCheckButton per field, "take the right value" */

  /* Template widgets */
  GtkLabel     *title_label;
  GtkSpinner   *spinner;
  GtkWidget    *merge_button;
  GtkStack     *stack;
  GtkListBox   *groups_list;
  GtkBox       *merge_box;
};

G_DEFINE_FINAL_TYPE (CrmDuplicatesPage, crm_duplicates_page, ADW_TYPE_BIN)

enum {
  CLOSED,
  MERGED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The fields the user chooses between, as CrmCustomer properties. */
static const struct
{
  const char *property;
  const char *title;
} fields[] = {
  { "display-name", N_("Display Name") },
  { "given-name", N_("Given Name") },
  { "family-name", N_("Family Name") },
  { "organization", N_("Organization") },
  { "title", N_("Job Title") },
  { "owner", N_("Owner") },
  { "segment", N_("Segment") },
  { "notes", N_("Notes") },
};

static const char *
reason_text (CrmDuplicateReason reason)
{
  switch (reason)
    {
    case CRM_DUPLICATE_REASON_EMAIL: return _("Same e-mail address");
    case CRM_DUPLICATE_REASON_PHONE: return _("Same phone number");
    case CRM_DUPLICATE_REASON_NAME:
    default: return _("Nearly the same name at the same organization");
    }
}

static GtkWidget *
make_group_row (CrmDuplicatesPage *self,
                CrmDuplicateGroup *group)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = crm_duplicate_group_get_n_ids (group);
  g_autofree char *title = g_strdup_printf ("%s: %s", reason_text (crm_duplicate_group_get_reason (group)),
                                            crm_duplicate_group_get_key (group));
  gint64 ids[4];
  g_autoptr(GPtrArray) rows = NULL;

  /* The list rows of the first four: one query, not four whole customers. */
  for (guint i = 0; i < MIN (n, 4); i++)
    ids[i] = crm_duplicate_group_get_id (group, i);
  rows = crm_store_load_customer_summaries (self->store, ids, MIN (n, 4), NULL);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_string_append_printf (names, "%s%s", names->len ? " · " : "",
                            crm_customer_summary_get_display_name (g_ptr_array_index (rows, i)));
  if (n > 4)
    g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", n - 4), n - 4);

  /* Names are data, not markup: "Fontaine & Fils" stays as written. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), names->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
show_groups (CrmDuplicatesPage *self)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_list))) != NULL)
    gtk_list_box_remove (self->groups_list, child);

  for (guint i = 0; i < MIN (n, MAX_LISTED_GROUPS); i++)
    {
      g_autoptr(CrmDuplicateGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      gtk_list_box_append (self->groups_list, make_group_row (self, group));
    }

  gtk_label_set_text (self->title_label,
                      n == 0 ? _("Possible Duplicates")
                             : g_dngettext (GETTEXT_PACKAGE, "One Group of Possible Duplicates",
                                            "Groups of Possible Duplicates", n));
  gtk_widget_set_visible (self->merge_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "groups" : "none");
}

static void
scan_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (task_data, &error);
  GPtrArray *groups = store ? crm_store_find_duplicates (store, cancellable, &error) : NULL;

  if (groups == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, groups, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_scanned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CrmDuplicatesPage *self = CRM_DUPLICATES_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = g_task_propagate_pointer (G_TASK (result), &error);

  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (groups == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       groups->pdata, groups->len);
  show_groups (self);
}

/**
 * crm_duplicates_page_scan:
 *
 * Looks for duplicates on a worker thread with its own connection; the
 * page shows a spinner meanwhile. A scan still running is cancelled.
 */
void
crm_duplicates_page_scan (CrmDuplicatesPage *self,
                          CrmStore          *store)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_DUPLICATES_PAGE (self));
  g_return_if_fail (CRM_IS_STORE (store));

  g_set_object (&self->store, store);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_label_set_text (self->title_label, _("Looking for Duplicates…"));
  task = g_task_new (self, self->cancellable, on_scanned, NULL);
  g_task_set_source_tag (task, crm_duplicates_page_scan);
  g_task_set_task_data (task, g_strdup (crm_store_get_path (store)), g_free);
  g_task_run_in_thread (task, scan_in_thread);
}

GListModel *
crm_duplicates_page_get_groups (CrmDuplicatesPage *self)
{
  g_return_val_if_fail (CRM_IS_DUPLICATES_PAGE (self), NULL);
  return G_LIST_MODEL (self->groups);
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text && *text ? text : "—");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* One row per field: the left value and the right value, each with a radio
 * button; where both are the same there is nothing to choose. */
static void
build_merge_view (CrmDuplicatesPage *self)
{
  GtkWidget *child, *grid, *note;
  g_autofree char *left_title = NULL;
  g_autofree char *right_title = NULL;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->merge_box))) != NULL)
    gtk_box_remove (self->merge_box, child);
  g_ptr_array_set_size (self->choices, 0);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  left_title = g_strdup_printf (_("Keeps its ID (%s)"), crm_customer_get_uid (self->left));
  right_title = g_strdup_printf (_("Merged into it (%s)"), crm_customer_get_uid (self->right));
  gtk_grid_attach (GTK_GRID (grid), value_label (left_title), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value_label (right_title), 2, 0, 1, 1);
  gtk_widget_add_css_class (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0), "heading");
  gtk_widget_add_css_class (gtk_grid_get_child_at (GTK_GRID (grid), 2, 0), "heading");

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;
      GtkWidget *title = gtk_label_new (_(fields[f].title));
      GtkWidget *take_left, *take_right;

      g_object_get (self->left, fields[f].property, &left, NULL);
      g_object_get (self->right, fields[f].property, &right, NULL);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);

      take_left = gtk_check_button_new ();
      take_right = gtk_check_button_new ();
      gtk_check_button_set_child (GTK_CHECK_BUTTON (take_left), value_label (left));
      gtk_check_button_set_child (GTK_CHECK_BUTTON (take_right), value_label (right));
      gtk_check_button_set_group (GTK_CHECK_BUTTON (take_right), GTK_CHECK_BUTTON (take_left));
      /* The left value stays unless it is empty and the right one is not. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (*left == '\0' && *right != '\0' ? take_right : take_left), TRUE);
      gtk_widget_set_sensitive (take_left, g_strcmp0 (left, right) != 0);
      gtk_widget_set_sensitive (take_right, g_strcmp0 (left, right) != 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (take_left), GTK_ACCESSIBLE_PROPERTY_LABEL, _(fields[f].title), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (take_right), GTK_ACCESSIBLE_PROPERTY_LABEL, _(fields[f].title), -1);
      gtk_grid_attach (GTK_GRID (grid), take_left, 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), take_right, 2, row, 1, 1);
      g_ptr_array_add (self->choices, take_right);
      row++;
    }
  gtk_box_append (self->merge_box, grid);

  note = gtk_label_new (_("Every e-mail address, phone number, address, ID, tag, touchpoint and transaction "
                          "of both customers is kept. The merged customer's ID stays valid as an alias, "
                          "so imports and other systems still find them."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (self->merge_box, note);
}

/**
 * crm_duplicates_page_open_group:
 *
 * Shows the merge view for the first two customers of the group at
 * @index.
 */
gboolean
crm_duplicates_page_open_group (CrmDuplicatesPage *self,
                                guint              index)
{
  g_autoptr(CrmDuplicateGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), index);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CRM_IS_DUPLICATES_PAGE (self), FALSE);

  if (group == NULL || crm_duplicate_group_get_n_ids (group) < 2)
    return FALSE;

  g_clear_object (&self->left);
  g_clear_object (&self->right);
  self->left = crm_store_load_customer (self->store, crm_duplicate_group_get_id (group, 0), &error);
  if (self->left != NULL)
    self->right = crm_store_load_customer (self->store, crm_duplicate_group_get_id (group, 1), &error);
  if (self->right == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return FALSE;
    }

  build_merge_view (self);
  gtk_label_set_text (self->title_label, _("Merge Two Customers"));
  gtk_widget_set_visible (self->merge_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "merge");
  return TRUE;
}

static void
on_group_activated (CrmDuplicatesPage *self,
                    GtkListBoxRow     *row)
{
  crm_duplicates_page_open_group (self, gtk_list_box_row_get_index (row));
}

/**
 * crm_duplicates_page_merge:
 *
 * Merges the two customers of the merge view with the chosen values, in
 * one transaction; the "merged" signal carries the journal entry for Undo.
 */
gboolean
crm_duplicates_page_merge (CrmDuplicatesPage  *self,
                           GError            **error)
{
  gint64 journal_id = 0;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CRM_IS_DUPLICATES_PAGE (self), FALSE);
  g_return_val_if_fail (self->left != NULL && self->right != NULL, FALSE);

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->choices, f)))
      {
        g_autofree char *value = NULL;

        g_object_get (self->right, fields[f].property, &value, NULL);
        g_object_set (self->left, fields[f].property, value, NULL);
      }

  if (!crm_store_merge_customers (self->store, self->left, crm_customer_get_id (self->right), &journal_id, error))
    return FALSE;

  name = g_strdup (crm_customer_get_display_name (self->left));
  g_signal_emit (self, signals[MERGED], 0, journal_id, name);
  g_clear_object (&self->left);
  g_clear_object (&self->right);
  crm_duplicates_page_scan (self, self->store);
  return TRUE;
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrmDuplicatesPage *self = CRM_DUPLICATES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!crm_duplicates_page_merge (self, &error))
    g_signal_emit (self, signals[FAILED], 0, error->message);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmDuplicatesPage *self = CRM_DUPLICATES_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "merge") == 0)
    {
      show_groups (self);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
crm_duplicates_page_dispose (GObject *object)
{
  CrmDuplicatesPage *self = (CrmDuplicatesPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DUPLICATES_PAGE);

  G_OBJECT_CLASS (crm_duplicates_page_parent_class)->dispose (object);
}

static void
crm_duplicates_page_finalize (GObject *object)
{
  CrmDuplicatesPage *self = (CrmDuplicatesPage *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->groups);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->left);
  g_clear_object (&self->right);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_duplicates_page_parent_class)->finalize (object);
}

static void
crm_duplicates_page_class_init (CrmDuplicatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_duplicates_page_dispose;
  object_class->finalize = crm_duplicates_page_finalize;

  /* Back to the customer list. */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Two customers were merged: the journal entry for Undo, and the name. */
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  /* Something failed; the argument says what, for the user. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  crm_ui_init ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-duplicates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesPage, merge_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesPage, groups_list);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesPage, merge_box);
  gtk_widget_class_bind_template_callback (widget_class, on_group_activated);

  gtk_widget_class_install_action (widget_class, "duplicates.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "duplicates.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "duplicates.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "duplicates.back", NULL);
}

static void
crm_duplicates_page_init (CrmDuplicatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_list_store_new (CRM_TYPE_DUPLICATE_GROUP);
  self->choices = g_ptr_array_new ();
}
