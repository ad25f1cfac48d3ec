/* test-timeline.c: the journey timeline: its data (time order, derived
 * stage bands, the window's zoom and scroll within their bounds, the
 * descriptions), golden images in light, dark and right to left of a
 * whole journey, a zoomed window and a small box, marks and bars found
 * where they are drawn (mirrored too), a colour scale that colour-blind
 * eyes tell apart, text that never overlaps at any size or zoom, the
 * empty timeline, PDF and SVG, and the time a journey of 1,000
 * touchpoints takes. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crm-chart-fixtures.h"
#include "crm-render-text.h"
#include "crm-timeline.h"

#define WIDTH 900
#define HEIGHT 360
#define SMALL_WIDTH 420
#define SMALL_HEIGHT 240
#define DAY G_GINT64_CONSTANT (86400)

enum { WEB, EMAIL, PHONE, STORE, VK, WHATSAPP };

static const char *lanes[] = { "Web", "E-mail", "Phone", "Store", "ВКонтакте", "واتساب" };

static const struct
{
  const char *when;        /* UTC */
  guint       lane;
  int         satisfaction;
  gboolean    moment;
  const char *label;
  const char *stage;
} touchpoints[] = {
  { "2025-02-03T09:12:00Z", WEB, 0, FALSE, "Ad click", "Awareness" },
  { "2025-02-10T18:40:00Z", VK, 4, FALSE, "Post", "Awareness" },
  { "2025-02-21T10:05:00Z", WEB, 0, FALSE, "Newsletter sign-up", "Awareness" },
  { "2025-03-04T08:30:00Z", EMAIL, 3, FALSE, "Newsletter", "Awareness" },
  { "2025-03-19T14:00:00Z", WEB, 4, FALSE, "Price request", "Consideration" },
  { "2025-04-02T11:15:00Z", PHONE, 5, TRUE, "Product demo", "Consideration" },
  { "2025-04-09T16:20:00Z", EMAIL, 4, FALSE, "Quote", "Consideration" },
  { "2025-04-11T10:00:00Z", WHATSAPP, 3, FALSE, "Question", "Consideration" },
  { "2025-04-28T09:45:00Z", STORE, 5, TRUE, "Contract signed", "Purchase" },
  { "2025-05-06T13:30:00Z", EMAIL, 0, FALSE, "Order confirmation", "Purchase" },
  { "2025-05-20T15:10:00Z", PHONE, 2, FALSE, "Delivery delay", "Service" },
  { "2025-05-22T09:00:00Z", PHONE, 1, TRUE, "Complaint", "Service" },
  { "2025-05-23T12:00:00Z", EMAIL, 3, FALSE, "Apology", "Service" },
  { "2025-06-10T17:00:00Z", WHATSAPP, 4, FALSE, "Support chat", "Service" },
  { "2025-07-01T10:00:00Z", WEB, 4, FALSE, "Review", "Loyalty" },
  { "2025-07-15T19:00:00Z", VK, 5, FALSE, "Referral", "Loyalty" },
  { "2025-08-12T10:30:00Z", EMAIL, 0, FALSE, "Newsletter", "Loyalty" },
  { "2025-09-03T11:00:00Z", STORE, 4, FALSE, "Visit", "Purchase" },
  { "2025-09-03T11:40:00Z", STORE, 5, TRUE, "Upgrade", "Purchase" },
  { "2025-10-14T14:00:00Z", PHONE, 3, FALSE, "Support call", "Service" },
  { "2025-11-05T09:00:00Z", WEB, 4, FALSE, "Renewal reminder", "Loyalty" },
  { "2025-11-20T10:00:00Z", EMAIL, 0, FALSE, "Survey", "Loyalty" },
  { "2025-12-01T16:00:00Z", PHONE, 5, TRUE, "Renewal", "Purchase" },
  { "2026-01-13T09:30:00Z", WHATSAPP, 2, FALSE, "Question", "Service" },
  { "2026-02-02T08:15:00Z", WEB, 4, FALSE, "Review", "Loyalty" },
  { "2026-02-24T18:00:00Z", VK, 0, FALSE, "Event invite", "Loyalty" },
  { "2026-03-10T10:00:00Z", STORE, 5, FALSE, "Event", "Loyalty" },
};

static const struct
{
  const char *when;
  double      amount;
  const char *label;
} transactions[] = {
  { "2025-04-28T10:30:00Z", 1480, "Annual plan" },
  { "2025-05-06T13:00:00Z", 240, "Setup" },
  { "2025-06-02T12:00:00Z", -120, "Refund for the delay" },
  { "2025-09-03T12:00:00Z", 620, "Upgrade" },
  { "2025-12-01T16:30:00Z", 1560, "Renewal" },
  { "2026-03-10T11:00:00Z", 85, "Event ticket" },
};

/* The indices of some touchpoints, in time order. */
enum { PRODUCT_DEMO = 5, DELIVERY_DELAY = 10, COMPLAINT = 11, UPGRADE = 18 };

static gint64
utc (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* The journey, its touchpoints added in reverse to check they are put in
 * time order. */
static CrmTimelineData *
journey (void)
{
  CrmTimelineData *data = crm_timeline_data_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();

  crm_timeline_data_set_time_zone (data, zone);
  for (guint l = 0; l < G_N_ELEMENTS (lanes); l++)
    crm_timeline_data_add_lane (data, lanes[l]);
  for (guint i = G_N_ELEMENTS (touchpoints); i-- > 0;)
    {
      CrmTimelineMark mark = {
        100 + i, utc (touchpoints[i].when), touchpoints[i].lane, touchpoints[i].satisfaction,
        touchpoints[i].moment, touchpoints[i].label, touchpoints[i].stage,
      };

      crm_timeline_data_add_mark (data, &mark);
    }
  for (guint i = 0; i < G_N_ELEMENTS (transactions); i++)
    {
      CrmTimelineTransaction transaction = {
        200 + i, utc (transactions[i].when), transactions[i].amount, "EUR", transactions[i].label,
      };

      crm_timeline_data_add_transaction (data, &transaction);
    }
  return data;
}

/* Five weeks around the purchase: the contract, the order, the complaint. */
static CrmTimelineData *
zoomed_journey (void)
{
  CrmTimelineData *data = journey ();

  crm_timeline_data_set_window (data, utc ("2025-04-20T00:00:00Z"), utc ("2025-05-27T00:00:00Z"));
  return data;
}

static void
draw_timeline (cairo_t              *cr,
               const CrmRenderStyle *style,
               double                width,
               double                height,
               gconstpointer         data)
{
  crm_timeline_draw (data, style, cr, width, height);
}

static void
test_data (void)
{
  g_autoptr(CrmTimelineData) data = journey ();
  static const char *derived[] = {
    "Awareness", "Consideration", "Purchase", "Service", "Loyalty", "Purchase", "Service", "Loyalty",
    "Purchase", "Service", "Loyalty",
  };
  const CrmTimelineStageBand *band;
  gint64 start, end;

  g_assert_cmpuint (crm_timeline_data_get_n_lanes (data), ==, 6);
  g_assert_cmpstr (crm_timeline_data_get_lane_name (data, VK), ==, "ВКонтакте");
  g_assert_cmpuint (crm_timeline_data_get_n_marks (data), ==, G_N_ELEMENTS (touchpoints));
  g_assert_cmpuint (crm_timeline_data_get_n_transactions (data), ==, G_N_ELEMENTS (transactions));

  /* Added last to first, kept first to last, with the caller's ids. */
  for (guint i = 0; i < G_N_ELEMENTS (touchpoints); i++)
    {
      const CrmTimelineMark *mark = crm_timeline_data_get_mark (data, i);

      g_assert_cmpint (mark->time, ==, utc (touchpoints[i].when));
      g_assert_cmpint (mark->id, ==, 100 + i);
      g_assert_cmpstr (mark->label, ==, touchpoints[i].label);
    }
  g_assert_cmpuint (crm_timeline_data_find_mark (data, utc ("2025-05-22T09:00:00Z")), ==, COMPLAINT);
  g_assert_cmpuint (crm_timeline_data_find_mark (data, utc ("2025-05-22T09:00:01Z")), ==, COMPLAINT + 1);
  g_assert_cmpuint (crm_timeline_data_find_mark (data, 0), ==, 0);
  g_assert_cmpuint (crm_timeline_data_find_mark (data, G_MAXINT64), ==, G_N_ELEMENTS (touchpoints));
  g_assert_cmpuint (crm_timeline_data_find_transaction (data, utc ("2025-06-01T00:00:00Z")), ==, 2);
  g_assert_cmpfloat (crm_timeline_data_get_largest_amount (data), ==, 1560);

  /* Stage bands from the touchpoints, each to the next stage's first. */
  g_assert_cmpuint (crm_timeline_data_get_n_stage_bands (data), ==, G_N_ELEMENTS (derived));
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    g_assert_cmpstr (crm_timeline_data_get_stage_band (data, i)->stage, ==, derived[i]);
  band = crm_timeline_data_get_stage_band (data, 1);
  g_assert_cmpint (band->start, ==, utc ("2025-03-19T14:00:00Z"));
  g_assert_cmpint (band->end, ==, utc ("2025-04-28T09:45:00Z"));
  band = crm_timeline_data_get_stage_band (data, G_N_ELEMENTS (derived) - 1);
  g_assert_cmpint (band->end, ==, utc ("2026-03-10T10:00:00Z"));

  /* The extent covers touchpoints and transactions; the bounds a margin
   * of a twentieth each side. */
  g_assert_true (crm_timeline_data_get_extent (data, &start, &end));
  g_assert_cmpint (start, ==, utc ("2025-02-03T09:12:00Z"));
  g_assert_cmpint (end, ==, utc ("2026-03-10T11:00:00Z"));
  {
    gint64 lo, hi, margin = (gint64) ((end - start) * 0.05);

    g_assert_true (crm_timeline_data_get_bounds (data, &lo, &hi));
    g_assert_cmpint (lo, ==, start - margin);
    g_assert_cmpint (hi, ==, end + margin);
  }

  /* Given bands replace the derived ones. */
  crm_timeline_data_add_stage_band (data, "Onboarding", utc ("2025-04-28T00:00:00Z"), utc ("2025-06-30T00:00:00Z"));
  g_assert_cmpuint (crm_timeline_data_get_n_stage_bands (data), ==, 1);
  g_assert_cmpstr (crm_timeline_data_get_stage_band (data, 0)->stage, ==, "Onboarding");
}

/* A touchpoint in the middle redraws the bands from the start. */
static void
test_derived_bands (void)
{
  g_autoptr(CrmTimelineData) data = crm_timeline_data_new ();
  CrmTimelineMark mark = { 0, 1000 * DAY, 0, 3, FALSE, "Call", "Purchase" };

  crm_timeline_data_add_lane (data, "Phone");
  crm_timeline_data_add_mark (data, &mark);
  mark.time = 1010 * DAY;
  mark.stage = NULL;    /* no stage: the band goes on */
  crm_timeline_data_add_mark (data, &mark);
  g_assert_cmpuint (crm_timeline_data_get_n_stage_bands (data), ==, 1);
  g_assert_cmpint (crm_timeline_data_get_stage_band (data, 0)->end, ==, 1010 * DAY);

  mark.time = 990 * DAY;
  mark.stage = "Awareness";
  g_assert_cmpuint (crm_timeline_data_add_mark (data, &mark), ==, 0);
  g_assert_cmpuint (crm_timeline_data_get_n_stage_bands (data), ==, 2);
  g_assert_cmpstr (crm_timeline_data_get_stage_band (data, 0)->stage, ==, "Awareness");
  g_assert_cmpint (crm_timeline_data_get_stage_band (data, 0)->end, ==, 1000 * DAY);
  g_assert_cmpstr (crm_timeline_data_get_stage_band (data, 1)->stage, ==, "Purchase");
}

static void
assert_window (const CrmTimelineData *data,
               gint64                 start,
               gint64                 end)
{
  gint64 s, e;

  g_assert_true (crm_timeline_data_get_window (data, &s, &e));
  g_assert_cmpint (s, ==, start);
  g_assert_cmpint (e, ==, end);
}

static void
test_window (void)
{
  g_autoptr(CrmTimelineData) data = journey ();
  g_autoptr(CrmTimelineData) empty = crm_timeline_data_new ();
  gint64 lo, hi, start, end, complaint = utc ("2025-05-22T09:00:00Z");
  double share;

  /* The whole journey until told otherwise. */
  g_assert_true (crm_timeline_data_get_bounds (data, &lo, &hi));
  assert_window (data, lo, hi);

  /* Zooming keeps the time it zooms around where it was. */
  share = (double) (complaint - lo) / (hi - lo);
  g_assert_true (crm_timeline_data_zoom (data, complaint, 4));
  g_assert_true (crm_timeline_data_get_window (data, &start, &end));
  g_assert_cmpint (llabs ((end - start) - (hi - lo) / 4), <=, 1);
  g_assert_cmpfloat_with_epsilon ((double) (complaint - start) / (end - start), share, 1e-6);

  /* In, down to an hour and no further. */
  for (int i = 0; i < 40; i++)
    crm_timeline_data_zoom (data, complaint, 3);
  g_assert_true (crm_timeline_data_get_window (data, &start, &end));
  g_assert_cmpint (end - start, ==, 3600);
  g_assert_cmpint (start, <=, complaint);
  g_assert_cmpint (end, >=, complaint);
  g_assert_false (crm_timeline_data_zoom (data, complaint, 2));

  /* Scrolling moves the window as far as asked, and stops at the bounds. */
  g_assert_true (crm_timeline_data_pan (data, -30 * DAY));
  assert_window (data, start - 30 * DAY, end - 30 * DAY);
  g_assert_true (crm_timeline_data_pan (data, -10000 * DAY));
  assert_window (data, lo, lo + 3600);
  g_assert_false (crm_timeline_data_pan (data, -DAY));
  g_assert_true (crm_timeline_data_pan (data, 10000 * DAY));
  assert_window (data, hi - 3600, hi);

  /* Out, up to the whole journey and no further. */
  g_assert_true (crm_timeline_data_zoom (data, hi, 1e-6));
  assert_window (data, lo, hi);
  g_assert_false (crm_timeline_data_zoom (data, complaint, 0.5));
  g_assert_false (crm_timeline_data_pan (data, DAY));

  /* A window set beyond the bounds is moved inside and cut to them. */
  crm_timeline_data_set_window (data, hi - DAY, hi + 9 * DAY);
  assert_window (data, hi - 10 * DAY, hi);
  crm_timeline_data_set_window (data, lo - 1000 * DAY, hi + 1000 * DAY);
  assert_window (data, lo, hi);
  crm_timeline_data_set_window (data, complaint, complaint + 60);
  assert_window (data, complaint, complaint + 3600);

  /* A reset shows the whole journey again, which grows with the data. */
  crm_timeline_data_reset_window (data);
  crm_timeline_data_add_mark (data, &(CrmTimelineMark) { 0, hi + 400 * DAY, WEB, 4, FALSE, "Visit", NULL });
  g_assert_true (crm_timeline_data_get_bounds (data, &start, &end));
  g_assert_cmpint (end, >, hi + 400 * DAY);
  assert_window (data, start, end);

  /* Nothing to show, nothing to move. */
  g_assert_false (crm_timeline_data_get_window (empty, NULL, NULL));
  g_assert_false (crm_timeline_data_zoom (empty, 0, 2));
  g_assert_false (crm_timeline_data_pan (empty, DAY));
}

/* A lone touchpoint still gets a window of days around it. */
static void
test_single_touchpoint (void)
{
  g_autoptr(CrmTimelineData) data = crm_timeline_data_new ();
  gint64 start, end, at = utc ("2025-06-01T12:00:00Z");
  cairo_rectangle_t rect;

  crm_timeline_data_add_lane (data, "Web");
  crm_timeline_data_add_mark (data, &(CrmTimelineMark) { 1, at, 0, 5, TRUE, "Visit", "Awareness" });
  g_assert_true (crm_timeline_data_get_window (data, &start, &end));
  g_assert_cmpint (start, ==, at - DAY);
  g_assert_cmpint (end, ==, at + DAY);
  for (int rtl = 0; rtl < 2; rtl++)
    {
      g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, rtl);

      g_assert_true (crm_timeline_get_mark_rect (data, style, NULL, WIDTH, HEIGHT, 0, &rect));
      crm_assert_hit (crm_timeline_hit_test (data, style, NULL, WIDTH, HEIGHT,
                                             rect.x + rect.width / 2, rect.y + rect.height / 2), 0, 0);
    }
}

static void
test_describe (void)
{
  g_autoptr(CrmTimelineData) data = journey ();
  g_autoptr(CrmTimelineData) empty = crm_timeline_data_new ();
  g_autofree char *text = crm_timeline_data_describe (data);
  g_autofree char *demo = crm_timeline_data_describe_mark (data, PRODUCT_DEMO);
  g_autofree char *survey = crm_timeline_data_describe_mark (data, 21);
  g_autofree char *plan = crm_timeline_data_describe_transaction (data, 0);
  g_autofree char *refund = crm_timeline_data_describe_transaction (data, 2);
  g_autofree char *nothing = crm_timeline_data_describe (empty);
  static const char *expected[] = {
    "From 3 February 2025 to 10 March 2026, 13 months.",
    "27 touchpoints in 6 channels: Web 6, E-mail 6, Phone 5, Store 4, ВКонтакте 3, واتساب 3.",
    "Average satisfaction 3.8 out of 5 from 21 rated touchpoints.",
    "5 moments of truth: Product demo (Phone, 2 April 2025), Contract signed (Store, 28 April 2025), "
      "Complaint (Phone, 22 May 2025), Upgrade (Store, 3 September 2025), Renewal (Phone, 1 December 2025).",
    "6 transactions, revenue €3,865.00.",
    "Stages: Awareness, Consideration, Purchase, Service, Loyalty.",
  };

  g_test_message ("%s", text);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("the description lacks “%s”: %s", expected[i], text);
  /* One paragraph. */
  g_assert_null (strchr (text, '\n'));

  g_assert_cmpstr (demo, ==, "Product demo · Phone · 2 April 2025, 11:15 · Stage: Consideration"
                             " · Satisfaction 5 out of 5 · Moment of truth");
  g_assert_cmpstr (survey, ==, "Survey · E-mail · 20 November 2025, 10:00 · Stage: Loyalty · Not rated");
  g_assert_cmpstr (plan, ==, "Annual plan · €1,480.00 · 28 April 2025, 10:30");
  g_assert_cmpstr (refund, ==, "Refund for the delay · −€120.00 · 2 June 2025, 12:00");
  g_assert_cmpstr (nothing, ==, "No touchpoints or transactions");

  /* More moments of truth than are named are counted. */
  for (guint i = 0; i < 3; i++)
    crm_timeline_data_add_mark (data, &(CrmTimelineMark) { 0, utc ("2026-03-11T10:00:00Z"), WEB, 0, TRUE, "Call", NULL });
  g_clear_pointer (&text, g_free);
  text = crm_timeline_data_describe (data);
  g_assert_nonnull (strstr (text, "8 moments of truth: "));
  g_assert_nonnull (strstr (text, ", and 3 more."));
}

static void
test_golden (void)
{
  g_autoptr(CrmTimelineData) whole = journey ();
  g_autoptr(CrmTimelineData) zoomed = zoomed_journey ();

  crm_golden_check_chart ("timeline", draw_timeline, whole, WIDTH, HEIGHT);
  crm_golden_check_chart ("timeline-zoomed", draw_timeline, zoomed, WIDTH, HEIGHT);
  crm_golden_check_chart ("timeline-small", draw_timeline, whole, SMALL_WIDTH, SMALL_HEIGHT);
}

static void
rect_center (const cairo_rectangle_t *rect,
             double                  *x,
             double                  *y)
{
  *x = rect->x + rect->width / 2;
  *y = rect->y + rect->height / 2;
}

static void
check_hits (const CrmTimelineData *data,
            int                    width,
            int                    height)
{
  g_autoptr(CrmRenderStyle) ltr = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);

  gint64 start, end;

  crm_timeline_data_get_window (data, &start, &end);
  for (guint i = 0; i < crm_timeline_data_get_n_marks (data); i++)
    {
      const CrmTimelineMark *mark = crm_timeline_data_get_mark (data, i);
      cairo_rectangle_t rect, mirrored, found;
      CrmChartHit hit;
      double x, y;

      /* A mark whose centre is out of the window shows in part, if at all. */
      if (mark->time < start || mark->time > end)
        {
          if (crm_timeline_get_mark_rect (data, ltr, NULL, width, height, i, &rect))
            g_assert_true (rect.x < width * 0.2 || rect.x + rect.width > width * 0.9);
          continue;
        }
      g_assert_true (crm_timeline_get_mark_rect (data, ltr, NULL, width, height, i, &rect));
      g_assert_cmpfloat (rect.x + rect.width / 2, >, 0);
      g_assert_cmpfloat (rect.x + rect.width / 2, <, width);
      rect_center (&rect, &x, &y);
      /* The mark there, or one drawn over it, whose own mark covers the
       * point. */
      hit = crm_timeline_hit_test (data, ltr, NULL, width, height, x, y);
      g_assert_cmpint (hit.category, >=, 0);
      g_assert_cmpint (hit.series, ==, crm_timeline_data_get_mark (data, hit.category)->lane);
      g_assert_true (crm_timeline_get_mark_rect (data, ltr, NULL, width, height, hit.category, &found));
      g_assert_cmpfloat (fabs (found.x + found.width / 2 - x), <=, found.width / 2 + 2);
      g_assert_cmpint (hit.series, ==, mark->lane);

      /* Mirrored: the same mark on the other side. */
      g_assert_true (crm_timeline_get_mark_rect (data, rtl, NULL, width, height, i, &mirrored));
      g_assert_cmpfloat_with_epsilon (mirrored.x, width - rect.x - rect.width, 1e-6);
      g_assert_cmpfloat_with_epsilon (mirrored.y, rect.y, 1e-6);
      crm_assert_hit (crm_timeline_hit_test (data, rtl, NULL, width, height, width - x, y), hit.series, hit.category);
    }
  for (guint i = 0; i < crm_timeline_data_get_n_transactions (data); i++)
    {
      cairo_rectangle_t rect;
      double x, y;

      if (!crm_timeline_get_transaction_rect (data, ltr, NULL, width, height, i, &rect))
        continue;
      rect_center (&rect, &x, &y);
      crm_assert_hit (crm_timeline_hit_test (data, ltr, NULL, width, height, x, y), CRM_TIMELINE_TRANSACTIONS, i);
      crm_assert_hit (crm_timeline_hit_test (data, rtl, NULL, width, height, width - x, y), CRM_TIMELINE_TRANSACTIONS, i);
    }

  /* The corners are empty. */
  crm_assert_hit (crm_timeline_hit_test (data, ltr, NULL, width, height, 1, 1), -1, -1);
  crm_assert_hit (crm_timeline_hit_test (data, ltr, NULL, width, height, width - 1, height - 1), -1, -1);
  crm_assert_hit (crm_timeline_hit_test (data, ltr, NULL, width, height, -10, height / 2.0), -1, -1);
}

static void
test_hit (void)
{
  g_autoptr(CrmTimelineData) data = journey ();
  g_autoptr(CrmTimelineData) zoomed = zoomed_journey ();
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  cairo_rectangle_t demo, complaint, delay, plan, web_row;
  double x, y;

  check_hits (data, WIDTH, HEIGHT);
  check_hits (data, SMALL_WIDTH, SMALL_HEIGHT);
  check_hits (zoomed, WIDTH, HEIGHT);

  /* The product demo, alone on the phone's lane. */
  g_assert_true (crm_timeline_get_mark_rect (data, style, NULL, WIDTH, HEIGHT, PRODUCT_DEMO, &demo));
  rect_center (&demo, &x, &y);
  crm_assert_hit (crm_timeline_hit_test (data, style, NULL, WIDTH, HEIGHT, x, y), PHONE, PRODUCT_DEMO);
  crm_assert_hit (crm_timeline_hit_test (data, style, NULL, WIDTH, HEIGHT, x + 3, y - 3), PHONE, PRODUCT_DEMO);

  /* Two days after the delivery delay, the complaint, a moment of truth,
   * is drawn over it: where both are, the complaint is found; zoomed in,
   * each on its own. */
  g_assert_true (crm_timeline_get_mark_rect (data, style, NULL, WIDTH, HEIGHT, COMPLAINT, &complaint));
  g_assert_true (crm_timeline_get_mark_rect (data, style, NULL, WIDTH, HEIGHT, DELIVERY_DELAY, &delay));
  g_assert_cmpfloat (complaint.x, <, delay.x + delay.width);
  rect_center (&delay, &x, &y);
  crm_assert_hit (crm_timeline_hit_test (data, style, NULL, WIDTH, HEIGHT, x, y), PHONE, COMPLAINT);
  g_assert_true (crm_timeline_get_mark_rect (zoomed, style, NULL, WIDTH, HEIGHT, DELIVERY_DELAY, &delay));
  rect_center (&delay, &x, &y);
  crm_assert_hit (crm_timeline_hit_test (zoomed, style, NULL, WIDTH, HEIGHT, x, y), PHONE, DELIVERY_DELAY);

  /* Lanes run down in their order, time along the reading direction. */
  g_assert_cmpfloat_with_epsilon (demo.y + demo.height / 2, delay.y + delay.height / 2, 1e-6);
  g_assert_true (crm_timeline_get_mark_rect (data, style, NULL, WIDTH, HEIGHT, 0, &web_row));
  g_assert_cmpfloat (web_row.y, <, demo.y);
  g_assert_cmpfloat (web_row.x, <, demo.x);

  /* The annual plan's bar, under the contract it followed. */
  g_assert_true (crm_timeline_get_transaction_rect (data, style, NULL, WIDTH, HEIGHT, 0, &plan));
  g_assert_cmpfloat (plan.y, >, demo.y + demo.height);
  rect_center (&plan, &x, &y);
  crm_assert_hit (crm_timeline_hit_test (data, style, NULL, WIDTH, HEIGHT, x, y), CRM_TIMELINE_TRANSACTIONS, 0);
  /* The largest order's bar is the tallest; a refund's as tall as its
   * amount. */
  {
    cairo_rectangle_t renewal, refund;

    g_assert_true (crm_timeline_get_transaction_rect (data, style, NULL, WIDTH, HEIGHT, 4, &renewal));
    g_assert_true (crm_timeline_get_transaction_rect (data, style, NULL, WIDTH, HEIGHT, 2, &refund));
    g_assert_cmpfloat_with_epsilon (plan.height / renewal.height, 1480.0 / 1560, 1e-6);
    g_assert_cmpfloat_with_epsilon (refund.height / renewal.height, 120.0 / 1560, 1e-6);
  }

  /* The labels answer their rows. */
  crm_assert_hit (crm_timeline_hit_test (data, style, NULL, WIDTH, HEIGHT, 20, demo.y + demo.height / 2), PHONE, -1);
  crm_assert_hit (crm_timeline_hit_test (data, style, NULL, WIDTH, HEIGHT, 20, plan.y + plan.height - 2),
                  CRM_TIMELINE_TRANSACTIONS, -1);

  /* Out of the window: no rectangle. */
  g_assert_false (crm_timeline_get_mark_rect (zoomed, style, NULL, WIDTH, HEIGHT, 0, &demo));
  g_assert_false (crm_timeline_get_transaction_rect (zoomed, style, NULL, WIDTH, HEIGHT, 4, &plan));
  g_assert_false (crm_timeline_get_mark_rect (data, style, NULL, WIDTH, HEIGHT, 1000, &demo));
}

/* What is drawn where the layout says: a rated mark in its colour, an
 * unrated one hollow, a bar in the transactions row. */
static void
test_pixels (void)
{
  g_autoptr(CrmTimelineData) data = zoomed_journey ();

  for (int p = 0; p < 2; p++)
    {
      g_autoptr(CrmRenderStyle) style = crm_golden_style (p == 0 ? CRM_RENDER_PALETTE_LIGHT : CRM_RENDER_PALETTE_DARK,
                                                          p == 1);
      cairo_surface_t *surface = crm_chart_fixture_render (draw_timeline, data, style, WIDTH, HEIGHT);
      cairo_rectangle_t rect;
      double x, y;

      /* The complaint, rated 1. */
      g_assert_true (crm_timeline_get_mark_rect (data, style, NULL, WIDTH, HEIGHT, COMPLAINT, &rect));
      rect_center (&rect, &x, &y);
      crm_assert_color_near (crm_chart_fixture_pixel (surface, x, y), crm_timeline_satisfaction_color (style, 1));
      /* The order confirmation, not rated: hollow, its ring in ink. */
      g_assert_true (crm_timeline_get_mark_rect (data, style, NULL, WIDTH, HEIGHT, 9, &rect));
      rect_center (&rect, &x, &y);
      crm_assert_color_near (crm_chart_fixture_pixel (surface, x, y), crm_render_style_get_background (style));
      g_assert_cmpfloat (crm_chart_fixture_color_distance (crm_chart_fixture_pixel (surface, rect.x + 0.5, y),
                                                           crm_render_style_get_background (style)), >, 0.5);
      /* The annual plan's bar. */
      g_assert_true (crm_timeline_get_transaction_rect (data, style, NULL, WIDTH, HEIGHT, 0, &rect));
      rect_center (&rect, &x, &y);
      g_assert_cmpfloat (crm_chart_fixture_color_distance (crm_chart_fixture_pixel (surface, x, y),
                                                           crm_render_style_get_background (style)), >, 0.8);
      cairo_surface_destroy (surface);
    }
}

static void
test_time_at (void)
{
  g_autoptr(CrmTimelineData) data = zoomed_journey ();
  gint64 start, end;

  crm_timeline_data_get_window (data, &start, &end);
  for (int rtl = 0; rtl < 2; rtl++)
    {
      g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, rtl);
      double seconds_per_pixel = (end - start) / (WIDTH * 0.7);
      cairo_rectangle_t rect;
      gint64 time, left, right;

      g_assert_true (crm_timeline_get_mark_rect (data, style, NULL, WIDTH, HEIGHT, COMPLAINT, &rect));
      g_assert_true (crm_timeline_get_time_at (data, style, NULL, WIDTH, HEIGHT, rect.x + rect.width / 2, &time));
      g_assert_cmpfloat (fabs ((double) (time - crm_timeline_data_get_mark (data, COMPLAINT)->time)), <, 1);
      /* Time runs in the reading direction. */
      crm_timeline_get_time_at (data, style, NULL, WIDTH, HEIGHT, WIDTH / 2.0 - 100, &left);
      crm_timeline_get_time_at (data, style, NULL, WIDTH, HEIGHT, WIDTH / 2.0 + 100, &right);
      g_assert_cmpint (rtl ? left - right : right - left, >, 100 * seconds_per_pixel * 0.9);
    }
}

static gboolean
overlap (const cairo_rectangle_t *a,
         const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* No text runs into another or out of the box; returns how many axis
 * labels there are. */
static guint
check_text (const CrmTimelineData *data,
            const CrmRenderStyle  *style,
            int                    width,
            int                    height)
{
  g_autoptr(GArray) boxes = crm_timeline_get_text_boxes (data, style, NULL, width, height);
  guint axis = 0;

  for (guint i = 0; i < boxes->len; i++)
    {
      const CrmTimelineTextBox *a = &g_array_index (boxes, CrmTimelineTextBox, i);

      axis += a->kind == CRM_TIMELINE_TEXT_AXIS;
      if (a->box.x < -0.5 || a->box.y < -0.5 || a->box.x + a->box.width > width + 0.5
          || a->box.y + a->box.height > height + 0.5)
        g_error ("%d×%d: text %u of kind %d at (%.1f, %.1f, %.1f × %.1f) leaves the box",
                 width, height, i, a->kind, a->box.x, a->box.y, a->box.width, a->box.height);
      for (guint j = i + 1; j < boxes->len; j++)
        {
          const CrmTimelineTextBox *b = &g_array_index (boxes, CrmTimelineTextBox, j);

          if (overlap (&a->box, &b->box))
            g_error ("%d×%d: text %u (kind %d, x %.1f–%.1f, y %.1f) overlaps text %u (kind %d, x %.1f–%.1f, y %.1f)",
                     width, height, i, a->kind, a->box.x, a->box.x + a->box.width, a->box.y,
                     j, b->kind, b->box.x, b->box.x + b->box.width, b->box.y);
        }
    }
  return axis;
}

/* At every size, zoom and direction, the text keeps clear of itself and
 * of the edges, and a box that has room for an axis labels it. */
static void
test_text_never_overlaps (void)
{
  static const int sizes[][2] = {
    { WIDTH, HEIGHT }, { SMALL_WIDTH, SMALL_HEIGHT }, { 320, 200 }, { 200, 120 }, { 1600, 300 },
    { 900, 70 }, { 90, 400 },
  };
  /* Windows from an hour to the whole journey. */
  static const gint64 spans[] = { 3600, 5 * 3600, DAY, 4 * DAY, 20 * DAY, 90 * DAY, 400 * DAY, 0 };
  g_autoptr(CrmTimelineData) data = journey ();
  g_autoptr(CrmTimelineData) big = crm_chart_fixture_journey (1000, 3, 6);
  CrmTimelineData *journeys[] = { data, big };
  gint64 middle = utc ("2025-09-03T11:20:00Z");

  for (int rtl = 0; rtl < 2; rtl++)
    {
      g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, rtl);

      for (guint j = 0; j < G_N_ELEMENTS (journeys); j++)
        for (guint w = 0; w < G_N_ELEMENTS (spans); w++)
          {
            if (spans[w] > 0)
              crm_timeline_data_set_window (journeys[j], middle - spans[w] / 2, middle + spans[w] / 2);
            else
              crm_timeline_data_reset_window (journeys[j]);
            for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
              {
                guint axis = check_text (journeys[j], style, sizes[s][0], sizes[s][1]);

                if (sizes[s][0] >= SMALL_WIDTH && sizes[s][1] >= SMALL_HEIGHT && axis < 3)
                  g_error ("%d×%d, a window of %" G_GINT64_FORMAT " s: %u axis labels",
                           sizes[s][0], sizes[s][1], spans[w], axis);
              }
          }
      crm_timeline_data_reset_window (data);
    }
}

/* Boxes too small, too flat or too tall draw what fits and leave cairo
 * in a good state. */
static void
test_narrow (void)
{
  g_autoptr(CrmTimelineData) data = journey ();
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_DARK, TRUE);

  crm_chart_fixture_check_degenerate (draw_timeline, data, style);
  crm_chart_fixture_check_degenerate (draw_timeline, data, rtl);
  for (int width = 1; width <= 200; width += 7)
    {
      cairo_rectangle_t rect;

      /* A mark laid out at all is inside the box and found there. */
      if (crm_timeline_get_mark_rect (data, style, NULL, width, 50, PRODUCT_DEMO, &rect))
        {
          double x, y;

          rect_center (&rect, &x, &y);
          g_assert_cmpfloat (x, >, 0);
          g_assert_cmpfloat (x, <, width);
          g_assert_cmpfloat (y, >, 0);
          g_assert_cmpfloat (y, <, 50);
          g_assert_cmpint (crm_timeline_hit_test (data, style, NULL, width, 50, x, y).category, >=, 0);
        }
      check_text (data, style, width, 50);
      check_text (data, style, width, width);
    }
}

static void
draw_message (cairo_t              *cr,
              const CrmRenderStyle *style,
              double                width,
              double                height,
              gconstpointer         data)
{
  crm_render_empty (cr, style, width, height, data);
}

static void
test_empty (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmTimelineData) data = crm_timeline_data_new ();
  g_autoptr(GArray) boxes = NULL;
  cairo_surface_t *drawn, *expected;
  cairo_rectangle_t rect;
  gint64 time;

  /* Channels but no touchpoint: nothing to show. */
  crm_timeline_data_add_lane (data, "Web");
  crm_timeline_data_add_lane (data, "Phone");
  g_assert_true (crm_timeline_data_is_empty (data));
  drawn = crm_chart_fixture_render (draw_timeline, data, style, WIDTH, HEIGHT);
  expected = crm_chart_fixture_render (draw_message, "No touchpoints or transactions", style, WIDTH, HEIGHT);
  g_assert_cmpmem (cairo_image_surface_get_data (drawn), cairo_image_surface_get_stride (drawn) * HEIGHT,
                   cairo_image_surface_get_data (expected), cairo_image_surface_get_stride (expected) * HEIGHT);
  crm_assert_hit (crm_timeline_hit_test (data, style, NULL, WIDTH, HEIGHT, WIDTH / 2.0, HEIGHT / 2.0), -1, -1);
  crm_assert_hit (crm_timeline_hit_test (data, style, NULL, WIDTH, HEIGHT, 20, 60), -1, -1);
  g_assert_false (crm_timeline_get_mark_rect (data, style, NULL, WIDTH, HEIGHT, 0, &rect));
  g_assert_false (crm_timeline_get_transaction_rect (data, style, NULL, WIDTH, HEIGHT, 0, &rect));
  g_assert_false (crm_timeline_get_time_at (data, style, NULL, WIDTH, HEIGHT, 100, &time));
  boxes = crm_timeline_get_text_boxes (data, style, NULL, WIDTH, HEIGHT);
  g_assert_cmpuint (boxes->len, ==, 0);
  cairo_surface_destroy (drawn);
  cairo_surface_destroy (expected);

  /* Transactions alone are a timeline: a row of bars. */
  crm_timeline_data_add_transaction (data, &(CrmTimelineTransaction) { 1, utc ("2025-03-01T10:00:00Z"), 99, "EUR", NULL });
  g_assert_false (crm_timeline_data_is_empty (data));
  g_assert_true (crm_timeline_get_transaction_rect (data, style, NULL, WIDTH, HEIGHT, 0, &rect));
  check_text (data, style, WIDTH, HEIGHT);
}

/* Linear RGB through Machado, Oliveira and Fernandes' (2009) simulation
 * of a full deficiency, to CIE L*a*b*. */
static void
simulate (CrmColor      color,
          const double  matrix[3][3],
          double        lab[3])
{
  double in[3] = { color.red, color.green, color.blue }, out[3], xyz[3], f[3];
  static const double to_xyz[3][3] = {
    { 0.4124, 0.3576, 0.1805 }, { 0.2126, 0.7152, 0.0722 }, { 0.0193, 0.1192, 0.9505 },
  };
  static const double white[3] = { 0.9505, 1.0, 1.089 };

  for (int i = 0; i < 3; i++)
    in[i] = in[i] <= 0.04045 ? in[i] / 12.92 : pow ((in[i] + 0.055) / 1.055, 2.4);
  for (int i = 0; i < 3; i++)
    out[i] = CLAMP (matrix[i][0] * in[0] + matrix[i][1] * in[1] + matrix[i][2] * in[2], 0, 1);
  for (int i = 0; i < 3; i++)
    {
      xyz[i] = to_xyz[i][0] * out[0] + to_xyz[i][1] * out[1] + to_xyz[i][2] * out[2];
      f[i] = xyz[i] / white[i] > 0.008856 ? cbrt (xyz[i] / white[i]) : 7.787 * xyz[i] / white[i] + 16.0 / 116;
    }
  lab[0] = 116 * f[1] - 16;
  lab[1] = 500 * (f[0] - f[1]);
  lab[2] = 200 * (f[1] - f[2]);
}

/* The five satisfaction colours stay apart (ΔE ≥ 12) for normal vision
 * and with protanopia, deuteranopia and tritanopia, and each stands out
 * from the background at 3:1; on paper, they darken from best to worst. */
static void
test_satisfaction_colors (void)
{
  static const double visions[][3][3] = {
    { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
    { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } },
    { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } },
    { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } },
  };
  static const CrmRenderPalette palettes[] = { CRM_RENDER_PALETTE_LIGHT, CRM_RENDER_PALETTE_DARK };
  g_autoptr(CrmRenderStyle) print = crm_render_style_new (CRM_RENDER_PALETTE_PRINT, FALSE);

  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    {
      g_autoptr(CrmRenderStyle) style = crm_render_style_new (palettes[p], FALSE);

      for (int s = 1; s <= 5; s++)
        g_assert_cmpfloat (crm_color_contrast_ratio (crm_timeline_satisfaction_color (style, s),
                                                     crm_render_style_get_background (style)), >=, 3);
      for (guint v = 0; v < G_N_ELEMENTS (visions); v++)
        for (int a = 1; a <= 5; a++)
          for (int b = a + 1; b <= 5; b++)
            {
              double la[3], lb[3], distance;

              simulate (crm_timeline_satisfaction_color (style, a), visions[v], la);
              simulate (crm_timeline_satisfaction_color (style, b), visions[v], lb);
              distance = sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1])
                               + (la[2] - lb[2]) * (la[2] - lb[2]));
              if (distance < 12)
                g_error ("palette %d, vision %u: satisfaction %d and %d are %.1f apart", palettes[p], v, a, b, distance);
            }
      crm_assert_color_near (crm_timeline_satisfaction_color (style, 0), crm_render_style_get_background (style));
    }
  for (int s = 1; s < 5; s++)
    g_assert_cmpfloat (crm_timeline_satisfaction_color (print, s).red, <, crm_timeline_satisfaction_color (print, s + 1).red);
}

/* Draws @data at @offset onto an image at @scale, directly or through a
 * recording surface, which takes no stamps. */
static cairo_surface_t *
render_scaled (const CrmTimelineData *data,
               const CrmRenderStyle  *style,
               double                 scale,
               double                 offset,
               gboolean               recorded)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH * scale, HEIGHT * scale);
  cairo_surface_t *target = recorded ? cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL) : image;
  cairo_t *cr;

  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  crm_render_set_color (cr, crm_render_style_get_background (style));
  cairo_paint (cr);
  cairo_destroy (cr);

  cr = cairo_create (target);
  cairo_translate (cr, offset, offset / 2);
  crm_timeline_draw (data, style, cr, WIDTH - offset, HEIGHT - offset / 2);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  if (recorded)
    {
      cr = cairo_create (image);
      cairo_set_source_surface (cr, target, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (target);
    }
  cairo_surface_flush (image);
  return image;
}

/* The share of the pixels of two images of one size that differ by more
 * than anti-aliasing does. */
static double
share_differing (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint differing = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        CrmColor pa = crm_chart_fixture_pixel (a, x, y), pb = crm_chart_fixture_pixel (b, x, y);

        differing += MAX (MAX (fabs (pa.red - pb.red), fabs (pa.green - pb.green)), fabs (pa.blue - pb.blue)) > 0.2;
      }
  return (double) differing / (width * height);
}

/* On an image, marks are copied from stamps; they must look as marks
 * drawn one by one do, at HiDPI scale and at an offset within a pixel
 * too. */
static void
test_stamps_match_drawing (void)
{
  static const struct { double scale, offset; } cases[] = { { 1, 0 }, { 1, 10.3 }, { 2, 0 }, { 2, 7.7 } };
  g_autoptr(CrmTimelineData) data = crm_chart_fixture_journey (300, 1, 6);

  for (int rtl = 0; rtl < 2; rtl++)
    {
      g_autoptr(CrmRenderStyle) style = crm_golden_style (rtl ? CRM_RENDER_PALETTE_DARK : CRM_RENDER_PALETTE_LIGHT, rtl);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          cairo_surface_t *stamped = render_scaled (data, style, cases[i].scale, cases[i].offset, FALSE);
          cairo_surface_t *drawn = render_scaled (data, style, cases[i].scale, cases[i].offset, TRUE);
          double differing = share_differing (stamped, drawn);

          g_test_message ("scale %g, offset %g: %.3f%% of the pixels differ",
                          cases[i].scale, cases[i].offset, differing * 100);
          g_assert_cmpfloat (differing, <, 0.003);
          cairo_surface_destroy (stamped);
          cairo_surface_destroy (drawn);
        }
    }
}

static void
test_vector_output (void)
{
  g_autoptr(CrmTimelineData) data = journey ();
  g_autoptr(CrmTimelineData) zoomed = zoomed_journey ();

  crm_golden_check_vector_output (draw_timeline, data, WIDTH, HEIGHT);
  crm_golden_check_vector_output (draw_timeline, zoomed, WIDTH, HEIGHT);
}

static void
test_speed (void)
{
  g_autoptr(CrmTimelineData) big = crm_chart_fixture_journey (1000, 3, 6);
  g_autoptr(CrmTimelineData) data = journey ();

  g_assert_cmpuint (crm_timeline_data_get_n_marks (big), ==, 1000);
  crm_chart_fixture_check_speed ("timeline, 1,000 touchpoints over 3 years in 6 channels",
                                 draw_timeline, big, WIDTH, HEIGHT, 20);
  crm_chart_fixture_check_speed ("timeline, 27 touchpoints", draw_timeline, data, WIDTH, HEIGHT, 20);
}

int
main (int   argc,
      char *argv[])
{
  /* English month names and grouped figures in the images. */
  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    g_error ("locale en_US.UTF-8 is not installed (the locales-all package)");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline/data", test_data);
  g_test_add_func ("/timeline/derived-bands", test_derived_bands);
  g_test_add_func ("/timeline/window", test_window);
  g_test_add_func ("/timeline/single-touchpoint", test_single_touchpoint);
  g_test_add_func ("/timeline/describe", test_describe);
  g_test_add_func ("/timeline/golden", test_golden);
  g_test_add_func ("/timeline/hit", test_hit);
  g_test_add_func ("/timeline/pixels", test_pixels);
  g_test_add_func ("/timeline/time-at", test_time_at);
  g_test_add_func ("/timeline/text-never-overlaps", test_text_never_overlaps);
  g_test_add_func ("/timeline/narrow", test_narrow);
  g_test_add_func ("/timeline/empty", test_empty);
  g_test_add_func ("/timeline/satisfaction-colors", test_satisfaction_colors);
  g_test_add_func ("/timeline/stamps-match-drawing", test_stamps_match_drawing);
  g_test_add_func ("/timeline/vector-output", test_vector_output);
  g_test_add_func ("/timeline/speed", test_speed);
  return g_test_run ();
}
