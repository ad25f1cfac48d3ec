/* crm-customers-page.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-customer-editor.h"
#include "crm-customer-list.h"
#include "crm-customers-page.h"
#include "crm-duplicates-page.h"
#include "crm-ui.h"
#include "crm-utils.h"

struct _CrmCustomersPage
{
  AdwBin            parent_instance;

  CrmStore         *store;
  CrmCustomerQuery *query;
  CrmCustomerList  *list;
  GtkSingleSelection *selection;
  GSettings        *settings;
  GCancellable     *cancellable;     /* of the filter values being read */
  GObject          *probe_a;         /* see read_sort_from_view() */
  GObject          *probe_b;
  int               probe_target;
  GPtrArray        *columns;         /* GtkColumnViewColumn, in CrmCustomerSort order */
  gboolean          syncing_filters;

  /* Template widgets */
  GtkStack         *pages;
  CrmCustomerEditor *editor;
  CrmDuplicatesPage *duplicates;
  GtkSearchEntry   *search_entry;
  GtkDropDown      *segment_filter;
  GtkDropDown      *stage_filter;
  GtkDropDown      *owner_filter;
  GtkDropDown      *tag_filter;
  GtkStack         *content;
  GtkColumnView    *column_view;
  GtkSpinner       *spinner;
  GtkLabel         *count_label;
};

G_DEFINE_FINAL_TYPE (CrmCustomersPage, crm_customers_page, ADW_TYPE_BIN)

enum {
  CUSTOMER_ACTIVATED,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Column titles in CrmCustomerSort order. */
static const struct
{
  const char *title;
  const char *property;
  gboolean    expand;
  gboolean    numeric;
} columns[] = {
  [CRM_CUSTOMER_SORT_NAME] = { N_("Name"), "display-name", TRUE, FALSE },
  [CRM_CUSTOMER_SORT_ORGANIZATION] = { N_("Organization"), "organization", TRUE, FALSE },
  [CRM_CUSTOMER_SORT_SEGMENT] = { N_("Segment"), "segment", FALSE, FALSE },
  [CRM_CUSTOMER_SORT_OWNER] = { N_("Owner"), "owner", FALSE, FALSE },
  [CRM_CUSTOMER_SORT_LAST_TOUCHPOINT] = { N_("Last Touchpoint"), "last-touchpoint-at", FALSE, TRUE },
  [CRM_CUSTOMER_SORT_LIFETIME_VALUE] = { N_("Lifetime Value"), "lifetime-value", FALSE, TRUE },
  [CRM_CUSTOMER_SORT_TOUCHPOINTS] = { N_("Touchpoints"), "n-touchpoints", FALSE, TRUE },
};

static const char *
stage_name (CrmLifecycleStage stage)
{
  switch (stage)
    {
    case CRM_LIFECYCLE_STAGE_LEAD: return _("Lead");
    case CRM_LIFECYCLE_STAGE_PROSPECT: return _("Prospect");
    case CRM_LIFECYCLE_STAGE_CUSTOMER: return _("Customer");
    case CRM_LIFECYCLE_STAGE_ADVOCATE: return _("Advocate");
    case CRM_LIFECYCLE_STAGE_CHURNED: return _("Churned");
    default: return "";
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  gboolean numeric = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Numbers line up on the end side; text starts where reading starts. */
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static char *
cell_text (CrmCustomerSummary *row,
           CrmCustomerSort     column,
           const char         *currency)
{
  switch (column)
    {
    case CRM_CUSTOMER_SORT_NAME:
      return g_strdup (crm_customer_summary_get_display_name (row));
    case CRM_CUSTOMER_SORT_ORGANIZATION:
      return g_strdup (crm_customer_summary_get_organization (row));
    case CRM_CUSTOMER_SORT_SEGMENT:
      return g_strdup (crm_customer_summary_get_segment (row));
    case CRM_CUSTOMER_SORT_OWNER:
      return g_strdup (crm_customer_summary_get_owner (row));
    case CRM_CUSTOMER_SORT_LAST_TOUCHPOINT:
      return crm_format_date (crm_customer_summary_get_last_touchpoint_at (row));
    case CRM_CUSTOMER_SORT_LIFETIME_VALUE:
      return crm_format_money (crm_customer_summary_get_lifetime_value (row), currency);
    case CRM_CUSTOMER_SORT_TOUCHPOINTS:
      return crm_format_count (crm_customer_summary_get_n_touchpoints (row));
    default:
      g_assert_not_reached ();
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CrmCustomersPage         *self)
{
  CrmCustomerSort column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "crm-column"));
  CrmCustomerSummary *row = gtk_list_item_get_item (item);
  g_autofree char *currency = self->settings ? g_settings_get_string (self->settings, "currency")
                                             : g_strdup ("EUR");
  g_autofree char *text = cell_text (row, column, currency);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* The probes: GTK before 4.10 does not say which column the user sorted
 * by, but its sorter can be asked to compare two probe items. Every column
 * sorter orders the probes one way, except the probed column, which orders
 * them the other way; the sorter's answer then shows whether the probed
 * column is the one in charge, and in which direction. */
typedef struct
{
  CrmCustomersPage *self;   /* not a reference: the page owns the sorter */
  int               column;
} ColumnProbe;

static int
compare_probes (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  ColumnProbe *probe = user_data;
  CrmCustomersPage *self = probe->self;

  if (a != self->probe_a || b != self->probe_b)
    return GTK_ORDERING_EQUAL;
  return probe->column == self->probe_target ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

static gboolean
read_sort_from_view (CrmCustomersPage *self,
                     CrmCustomerSort  *sort,
                     gboolean         *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    GtkColumnViewColumn *primary =
      gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (sorter));

    if (primary == NULL)
      return FALSE;
    for (guint i = 0; i < self->columns->len; i++)
      if (g_ptr_array_index (self->columns, i) == primary)
        {
          *sort = i;
          *descending = gtk_column_view_sorter_get_primary_sort_order (GTK_COLUMN_VIEW_SORTER (sorter)) ==
                        GTK_SORT_DESCENDING;
          return TRUE;
        }
    return FALSE;
  }
#else
  int answers[G_N_ELEMENTS (columns)];

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      self->probe_target = i;
      answers[i] = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
    }
  self->probe_target = -1;

  if (answers[0] == GTK_ORDERING_EQUAL)
    return FALSE;

  /* The column in charge is the one whose answer differs from all the
   * others; ascending, its own answer is "smaller". */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      guint differing = 0;

      for (guint j = 0; j < G_N_ELEMENTS (columns); j++)
        differing += answers[j] != answers[i];
      if (differing == G_N_ELEMENTS (columns) - 1)
        {
          *sort = i;
          *descending = answers[i] == GTK_ORDERING_LARGER;
          return TRUE;
        }
    }
  return FALSE;
#endif
}

static void
on_view_sorter_changed (CrmCustomersPage *self)
{
  CrmCustomerSort sort;
  gboolean descending;

  if (!read_sort_from_view (self, &sort, &descending))
    return;

  g_object_freeze_notify (G_OBJECT (self->query));
  crm_customer_query_set_sort (self->query, sort);
  crm_customer_query_set_descending (self->query, descending);
  g_object_thaw_notify (G_OBJECT (self->query));
}

static void
add_columns (CrmCustomersPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;
      ColumnProbe *probe;

      g_object_set_data (G_OBJECT (factory), "crm-column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (columns[i].numeric));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);

      column = gtk_column_view_column_new (_(columns[i].title), g_steal_pointer (&factory));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);

      /* The list is sorted in SQL; the column sorter only marks the header
       * and answers the probes. */
      probe = g_new0 (ColumnProbe, 1);
      probe->self = self;
      probe->column = i;
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_probes, probe, g_free));
      gtk_column_view_column_set_sorter (column, sorter);

      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->columns, g_object_ref (column));
    }

  gtk_column_view_sort_by_column (self->column_view, g_ptr_array_index (self->columns, CRM_CUSTOMER_SORT_NAME),
                                  GTK_SORT_ASCENDING);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_view_sorter_changed), self);
}

static void
update_status (CrmCustomersPage *self)
{
  guint n = self->list ? crm_customer_list_get_n_items (self->list) : 0;
  gboolean loading = self->list && crm_customer_list_get_loading (self->list);
  gboolean complete = self->list && crm_customer_list_get_complete (self->list);
  gboolean filtered = crm_customer_query_get_search (self->query)[0] != '\0' ||
                      crm_customer_query_get_segment (self->query)[0] != '\0' ||
                      crm_customer_query_get_owner (self->query)[0] != '\0' ||
                      crm_customer_query_get_tag (self->query)[0] != '\0' ||
                      crm_customer_query_get_lifecycle_stage (self->query) >= 0;
  g_autofree char *count = crm_format_count (n);
  g_autofree char *text = NULL;

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);

  if (!complete && loading)
    text = g_strdup (_("Counting…"));
  else if (filtered)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s matching customer", "%s matching customers", n), count);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer", "%s customers", n), count);
  gtk_label_set_text (self->count_label, text);

  if (n > 0 || loading)
    gtk_stack_set_visible_child_name (self->content, "list");
  else
    gtk_stack_set_visible_child_name (self->content, filtered ? "no-results" : "empty");
}

/* A new search, filter or sort starts at the top of its result. */
static void
on_query_changed (CrmCustomersPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  update_status (self);
}

static void
on_search_changed (CrmCustomersPage *self)
{
  crm_customer_query_set_search (self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
show_toast (CrmCustomersPage *self,
            AdwToast         *toast)
{
  g_signal_emit (self, signals[TOAST], 0, toast);
}

/**
 * crm_customers_page_open_customer:
 *
 * Shows the customer's page in place of the list.
 */
void
crm_customers_page_open_customer (CrmCustomersPage *self,
                                  gint64            customer_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));

  if (!crm_customer_editor_load (self->editor, self->store, customer_id, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }
  gtk_stack_set_visible_child_name (self->pages, "editor");
  g_signal_emit (self, signals[CUSTOMER_ACTIVATED], 0, customer_id);
}

/* Enter in the search entry opens the first match. */
static void
on_search_activate (CrmCustomersPage *self)
{
  if (self->list != NULL && crm_customer_list_get_n_items (self->list) > 0)
    crm_customers_page_open_customer (self, crm_customer_list_get_id (self->list, 0));
}

static void
on_row_activated (CrmCustomersPage *self,
                  guint             position)
{
  if (self->list != NULL && position < crm_customer_list_get_n_items (self->list))
    crm_customers_page_open_customer (self, crm_customer_list_get_id (self->list, position));
}

/* Back from a customer: the list again, with that customer selected and
 * focused so the keyboard carries on where it was. */
static void
on_editor_closed (CrmCustomersPage *self)
{
  CrmCustomer *customer = crm_customer_editor_get_customer (self->editor);
  guint position = crm_customer_list_find (self->list, crm_customer_get_id (customer));

  gtk_stack_set_visible_child_name (self->pages, "browse");
  if (position != G_MAXUINT)
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* A toast whose Undo button takes back a delete or merge. The undo lives
 * in the database, so the toast can outlast the view that made it. */
static void
show_undo_toast (CrmCustomersPage *self,
                 const char       *title,
                 gint64            journal_id)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (journal_id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
on_editor_deleted (CrmCustomersPage *self,
                   gint64            journal_id,
                   const char       *name)
{
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), name);

  show_undo_toast (self, title, journal_id);
}

static void
on_editor_failed (CrmCustomersPage *self,
                  const char       *message)
{
  show_toast (self, adw_toast_new (message));
}

static void
on_duplicates_closed (CrmCustomersPage *self)
{
  gtk_stack_set_visible_child_name (self->pages, "browse");
}

static void
on_duplicates_merged (CrmCustomersPage *self,
                      gint64            journal_id,
                      const char       *name)
{
  g_autofree char *title = g_strdup_printf (_("Merged into “%s”"), name);

  show_undo_toast (self, title, journal_id);
}

static void
find_duplicates_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);

  if (self->store == NULL)
    return;
  crm_duplicates_page_scan (self->duplicates, self->store);
  gtk_stack_set_visible_child_name (self->pages, "duplicates");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->pages, "browse");
  crm_customers_page_focus_search (self);
}

static void
new_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);

  if (self->store == NULL)
    return;
  crm_customer_editor_new_customer (self->editor, self->store);
  gtk_stack_set_visible_child_name (self->pages, "editor");
}

/* A filter's choices: "All …" first, then the values found in the data. */
static void
fill_filter (GtkDropDown        *dropdown,
             const char         *all,
             const char * const *values)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, all);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    gtk_string_list_append (strings, values[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, 0);
}

static const char *
filter_value (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GListModel *model = gtk_drop_down_get_model (dropdown);

  if (model == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return "";
  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

static void
on_filter_changed (CrmCustomersPage *self)
{
  guint stage = gtk_drop_down_get_selected (self->stage_filter);

  if (self->syncing_filters)
    return;

  g_object_freeze_notify (G_OBJECT (self->query));
  crm_customer_query_set_segment (self->query, filter_value (self->segment_filter));
  crm_customer_query_set_owner (self->query, filter_value (self->owner_filter));
  crm_customer_query_set_tag (self->query, filter_value (self->tag_filter));
  crm_customer_query_set_lifecycle_stage (self->query,
                                          stage == 0 || stage == GTK_INVALID_LIST_POSITION ? -1 : (int) stage - 1);
  g_object_thaw_notify (G_OBJECT (self->query));
}

typedef struct
{
  CrmCustomersPage *page;
  GtkDropDown      *dropdown;
  const char       *all;
} FilterFill;

static void
on_filter_values (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree FilterFill *fill = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) values = crm_store_list_values_finish (CRM_STORE (source), result, &error);
  CrmCustomersPage *self;

  if (values == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("%s", error->message);
      g_object_unref (fill->page);
      return;
    }

  self = fill->page;
  self->syncing_filters = TRUE;
  fill_filter (fill->dropdown, fill->all, (const char * const *) values);
  self->syncing_filters = FALSE;
  g_object_unref (self);
}

/* The stages are known at once; the segments, owners and tags in use come
 * from the database on a worker, and fill their filters when they arrive. */
static void
load_filters (CrmCustomersPage *self)
{
  const struct { CrmCustomerField field; GtkDropDown *dropdown; const char *all; } filters[] = {
    { CRM_CUSTOMER_FIELD_SEGMENT, self->segment_filter, _("All Segments") },
    { CRM_CUSTOMER_FIELD_OWNER, self->owner_filter, _("All Owners") },
    { CRM_CUSTOMER_FIELD_TAG, self->tag_filter, _("All Tags") },
  };
  const char *stages[CRM_LIFECYCLE_STAGE_CHURNED + 2];

  for (int s = 0; s <= CRM_LIFECYCLE_STAGE_CHURNED; s++)
    stages[s] = stage_name (s);
  stages[CRM_LIFECYCLE_STAGE_CHURNED + 1] = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->syncing_filters = TRUE;
  fill_filter (self->stage_filter, _("All Stages"), stages);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      FilterFill *fill = g_new0 (FilterFill, 1);

      fill_filter (filters[i].dropdown, filters[i].all, NULL);
      fill->page = g_object_ref (self);
      fill->dropdown = filters[i].dropdown;
      fill->all = filters[i].all;
      crm_store_list_values_async (self->store, filters[i].field, self->cancellable, on_filter_values, fill);
    }
  self->syncing_filters = FALSE;
}

static void
crm_customers_page_dispose (GObject *object)
{
  CrmCustomersPage *self = (CrmCustomersPage *) object;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CUSTOMERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (crm_customers_page_parent_class)->dispose (object);
}

static void
crm_customers_page_finalize (GObject *object)
{
  CrmCustomersPage *self = (CrmCustomersPage *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->query);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_customers_page_parent_class)->finalize (object);
}

static void
crm_customers_page_class_init (CrmCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_customers_page_dispose;
  object_class->finalize = crm_customers_page_finalize;

  /**
   * CrmCustomersPage::customer-activated:
   * @customer_id: the customer to open
   *
   * The user opened a customer: double click, Enter on a row, or Enter in
   * the search entry for the first match.
   */
  signals[CUSTOMER_ACTIVATED] =
    g_signal_new ("customer-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * CrmCustomersPage::toast:
   * @toast: what to tell the user, with an Undo button where there is one
   *
   * The window shows it in its toast overlay.
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (CRM_TYPE_CUSTOMER_EDITOR);
  g_type_ensure (CRM_TYPE_DUPLICATES_PAGE);

  crm_ui_init ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-customers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, pages);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, editor);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, duplicates);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, segment_filter);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, content);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_deleted);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_failed);
  gtk_widget_class_bind_template_callback (widget_class, on_duplicates_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_duplicates_merged);
  gtk_widget_class_install_action (widget_class, "customers.find-duplicates", NULL, find_duplicates_action);

  gtk_widget_class_install_action (widget_class, "customers.new", NULL, new_customer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "customers.new", NULL);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "customers.search", NULL);
}

static void
crm_customers_page_init (CrmCustomersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = crm_customer_query_new ();
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_target = -1;
  self->settings = crm_ui_lookup_settings ();

  add_columns (self);
  g_signal_connect_swapped (self->query, "notify", G_CALLBACK (on_query_changed), self);
  g_signal_connect_swapped (self->segment_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->stage_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->owner_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->tag_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  /* Typing anywhere on the page goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GtkWidget *
crm_customers_page_new (void)
{
  return g_object_new (CRM_TYPE_CUSTOMERS_PAGE, NULL);
}

void
crm_customers_page_set_store (CrmCustomersPage *self,
                              CrmStore         *store)
{
  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));
  g_return_if_fail (CRM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_object (&self->selection);

  load_filters (self);
  gtk_stack_set_visible_child_name (self->pages, "browse");
  self->list = crm_customer_list_new (store, self->query);
  g_signal_connect_swapped (self->list, "notify", G_CALLBACK (update_status), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_status (self);
}

CrmCustomerQuery *
crm_customers_page_get_query (CrmCustomersPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), NULL);
  return self->query;
}

/**
 * crm_customers_page_get_model:
 *
 * Returns: (transfer none) (nullable): the list shown, a CrmCustomerList
 */
GListModel *
crm_customers_page_get_model (CrmCustomersPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), NULL);
  return self->list ? G_LIST_MODEL (self->list) : NULL;
}

/* The customer selected in the list, or 0. */
gint64
crm_customers_page_get_selected_id (CrmCustomersPage *self)
{
  gpointer item;

  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), 0);

  item = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  return CRM_IS_CUSTOMER_SUMMARY (item) ? crm_customer_summary_get_id (item) : 0;
}

/* Reads the list and the filter values again, after others changed the
 * database (an import). */
void
crm_customers_page_reload (CrmCustomersPage *self)
{
  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));

  if (self->list == NULL)
    return;
  load_filters (self);
  crm_customer_list_refresh (self->list);
}

void
crm_customers_page_focus_search (CrmCustomersPage *self)
{
  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
crm_customers_page_focus_list (CrmCustomersPage *self)
{
  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "browse") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}
