/* crm-report-preview.c
 *
 * The page is fitted to the width (less a border of desk around it) and
 * the widget asks for the height that gives, so that a scrolled window
 * around it scrolls down a page as on paper.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-report-preview.h"

/* The desk around the paper, in pixels. */
#define BORDER 24
/* No narrower than this, so a page never shrinks to nothing. */
#define MIN_PAGE_WIDTH 200
/* Fitted to the width, but no bigger than this on a wide window. */
#define MAX_SCALE 2.0

struct _CrmReportPreview
{
  GtkWidget        parent_instance;
  CrmReportLayout *layout;
  guint            page;
};

G_DEFINE_FINAL_TYPE (CrmReportPreview, crm_report_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The paper's size in points: A4 portrait until there is a layout. */
static void
paper_size (CrmReportPreview *self,
            double           *width,
            double           *height)
{
  if (self->layout != NULL)
    {
      const CrmPageSetup *setup = crm_report_layout_get_setup (self->layout);

      *width = setup->width;
      *height = setup->height;
    }
  else
    {
      *width = 595.28;
      *height = 841.89;
    }
}

static void
crm_report_preview_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CrmReportPreview *self = CRM_REPORT_PREVIEW (widget);
  double width, height;

  paper_size (self, &width, &height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_PAGE_WIDTH + 2 * BORDER;
      *natural = (int) width + 2 * BORDER;
    }
  else
    {
      /* As high as the paper is at the width given: it fits the width. */
      double page_width = for_size > 0 ? CLAMP (for_size - 2 * BORDER, MIN_PAGE_WIDTH, width * MAX_SCALE) : width;

      *minimum = *natural = (int) (page_width * height / width) + 2 * BORDER;
    }
}

static GtkSizeRequestMode
crm_report_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
crm_report_preview_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CrmReportPreview *self = CRM_REPORT_PREVIEW (widget);
  double width, height, scale, x, page_width, page_height;
  cairo_t *cr;

  if (self->layout == NULL)
    return;
  paper_size (self, &width, &height);
  page_width = CLAMP (gtk_widget_get_width (widget) - 2 * BORDER, MIN_PAGE_WIDTH, width * MAX_SCALE);
  scale = page_width / width;
  page_height = height * scale;
  x = MAX ((gtk_widget_get_width (widget) - page_width) / 2, 0);

  {
    /* A faint shadow lifts the paper off the window in light and dark. */
    GskRoundedRect outline;
    GdkRGBA shadow = { 0, 0, 0, 0.3 };

    gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, BORDER, page_width, page_height), 0);
    gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 2, 1, 8);
  }
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, BORDER, page_width, page_height));
  cairo_translate (cr, x, BORDER);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_clip (cr);
  /* Paper is white whatever the window's colours: it shows the printout. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  crm_report_layout_draw_page (self->layout, cr, self->page);
  cairo_destroy (cr);
}

static void
update_accessible (CrmReportPreview *self)
{
  g_autofree char *label = NULL;

  if (self->layout != NULL)
    /* Translators: the preview's page, for screen readers: Page 2 of 10 */
    label = g_strdup_printf (_("Page %u of %u"), self->page + 1, crm_report_layout_get_n_pages (self->layout));
  else
    label = g_strdup (_("Report Preview"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
crm_report_preview_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrmReportPreview *self = CRM_REPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, crm_report_preview_get_n_pages (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_report_preview_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrmReportPreview *self = CRM_REPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      crm_report_preview_set_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_report_preview_finalize (GObject *object)
{
  CrmReportPreview *self = CRM_REPORT_PREVIEW (object);

  g_clear_pointer (&self->layout, crm_report_layout_unref);
  G_OBJECT_CLASS (crm_report_preview_parent_class)->finalize (object);
}

static void
crm_report_preview_class_init (CrmReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_report_preview_finalize;
  object_class->get_property = crm_report_preview_get_property;
  object_class->set_property = crm_report_preview_set_property;
  widget_class->measure = crm_report_preview_measure;
  widget_class->get_request_mode = crm_report_preview_get_request_mode;
  widget_class->snapshot = crm_report_preview_snapshot;

  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "reportpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
crm_report_preview_init (CrmReportPreview *self)
{
  update_accessible (self);
}

GtkWidget *
crm_report_preview_new (void)
{
  return g_object_new (CRM_TYPE_REPORT_PREVIEW, NULL);
}

/**
 * crm_report_preview_set_layout:
 * @layout: (nullable): the pages to show, from the first
 */
void
crm_report_preview_set_layout (CrmReportPreview *self,
                               CrmReportLayout  *layout)
{
  g_return_if_fail (CRM_IS_REPORT_PREVIEW (self));

  if (layout != NULL)
    crm_report_layout_ref (layout);
  g_clear_pointer (&self->layout, crm_report_layout_unref);
  self->layout = layout;
  self->page = 0;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Returns: (transfer none) (nullable): the pages shown */
CrmReportLayout *
crm_report_preview_get_layout (CrmReportPreview *self)
{
  g_return_val_if_fail (CRM_IS_REPORT_PREVIEW (self), NULL);
  return self->layout;
}

guint
crm_report_preview_get_n_pages (CrmReportPreview *self)
{
  g_return_val_if_fail (CRM_IS_REPORT_PREVIEW (self), 0);
  return self->layout != NULL ? crm_report_layout_get_n_pages (self->layout) : 0;
}

/* The page shown, from 0. */
guint
crm_report_preview_get_page (CrmReportPreview *self)
{
  g_return_val_if_fail (CRM_IS_REPORT_PREVIEW (self), 0);
  return self->page;
}

/* Shows @page (from 0), kept within the pages there are. */
void
crm_report_preview_set_page (CrmReportPreview *self,
                             guint             page)
{
  guint n_pages;

  g_return_if_fail (CRM_IS_REPORT_PREVIEW (self));

  n_pages = crm_report_preview_get_n_pages (self);
  page = n_pages > 0 ? MIN (page, n_pages - 1) : 0;
  if (page == self->page)
    return;
  self->page = page;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}
