/* crm-preferences-window.c
 *
 * Channels and touchpoint types are a few dozen rows at most, so they are
 * read and written through the window's store on the UI thread, as the
 * audit view does with targets. The one thing that can take long on a big
 * database, counting the touchpoints that keep a channel or type from
 * being deleted, runs on a worker thread with a connection of its own.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-channel-row.h"
#include "crm-journey-stage.h"
#include "crm-message-row.h"
#include "crm-preferences-window.h"
#include "crm-touchpoint-type-row.h"
#include "crm-ui.h"
#include "crm-utils.h"

struct _CrmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CrmStore             *store;
  GCancellable         *cancellable;
  guint                 counting;        /* touchpoints being counted, for a refusal */
  guint                 share_stages_id;
  GPtrArray            *channel_rows;    /* CrmChannelRow, in the channels' order */
  GPtrArray            *type_rows;       /* CrmTouchpointTypeRow */

  /* Template widgets */
  GtkListBox           *channels_list;
  AdwEntryRow          *new_channel_row;
  GtkListBox           *types_list;
  AdwEntryRow          *new_type_row;

  CrmMessageRow        *new_channel_message;
  CrmMessageRow        *new_type_message;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void        load_channels      (CrmPreferencesWindow *self);
static void        load_types         (CrmPreferencesWindow *self);
static CrmChannel *find_channel_named (CrmPreferencesWindow *self,
                                       const char           *name,
                                       CrmChannel           *except);

static void
changed (CrmPreferencesWindow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static CrmChannel *
copy_channel (CrmChannel *channel)
{
  CrmChannel *copy = crm_channel_new ();

  crm_channel_set_id (copy, crm_channel_get_id (channel));
  crm_channel_set_key (copy, crm_channel_get_key (channel));
  crm_channel_set_name (copy, crm_channel_get_name (channel));
  crm_channel_set_position (copy, crm_channel_get_position (channel));
  return copy;
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_toast (CrmPreferencesWindow *self,
            const char           *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* Counting what keeps a deletion from happening */

typedef struct
{
  char     *path;
  gboolean  channel;   /* a channel, or else a touchpoint type */
  gint64    id;
  char     *name;
  GWeakRef  row;       /* where the answer goes */
  gint64    count;
} Count;

static void
count_free (Count *count)
{
  g_free (count->path);
  g_free (count->name);
  g_weak_ref_clear (&count->row);
  g_free (count);
}

static void
count_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Count *count = task_data;
  GError *error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (count->path, &error);

  if (store == NULL ||
      (count->count = crm_store_count_touchpoints_using (store,
                                                         count->channel ? CRM_RECORD_CHANNELS
                                                                        : CRM_RECORD_TOUCHPOINT_TYPES,
                                                         count->id, cancellable, &error)) < 0)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static char *
refusal (gboolean    channel,
         const char *name,
         gint64      count)
{
  g_autofree char *n = NULL;

  if (count <= 0)
    return channel
      /* Translators: %s is a channel's name */
      ? g_strdup_printf (_("Touchpoints still use the channel “%s”, so it cannot be deleted."), name)
      /* Translators: %s is a touchpoint type's name */
      : g_strdup_printf (_("Touchpoints are still of the type “%s”, so it cannot be deleted."), name);

  n = crm_format_count (count);
  return channel
    /* Translators: the first %s is a number, the second a channel's name */
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%s touchpoint still uses the channel “%s”, so it cannot be deleted.",
                                    "%s touchpoints still use the channel “%s”, so it cannot be deleted.",
                                    count), n, name)
    /* Translators: the first %s is a number, the second a touchpoint type's name */
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%s touchpoint is still of the type “%s”, so it cannot be deleted.",
                                    "%s touchpoints are still of the type “%s”, so it cannot be deleted.",
                                    count), n, name);
}

static void
show_refusal (GtkWidget  *row,
              const char *message)
{
  if (CRM_IS_CHANNEL_ROW (row))
    crm_message_row_show_notice (crm_channel_row_get_message_row (CRM_CHANNEL_ROW (row)), message);
  else
    crm_touchpoint_type_row_show_delete_message (CRM_TOUCHPOINT_TYPE_ROW (row), message);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CrmPreferencesWindow) self = CRM_PREFERENCES_WINDOW (source);
  Count *count = g_task_get_task_data (G_TASK (result));
  g_autoptr(GtkWidget) row = g_weak_ref_get (&count->row);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->counting--;
  /* Without a number, the refusal already shown stands. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) || row == NULL
      || gtk_widget_get_root (row) == NULL)
    return;
  message = refusal (count->channel, count->name, count->count);
  show_refusal (row, message);
}

/* Says at once that @name is in use, then how many touchpoints use it,
 * once counted. */
static void
refuse_delete (CrmPreferencesWindow *self,
               GtkWidget            *row,
               gboolean              channel,
               gint64                id,
               const char           *name)
{
  g_autofree char *message = refusal (channel, name, 0);
  g_autoptr(GTask) task = NULL;
  Count *count;

  show_refusal (row, message);

  count = g_new0 (Count, 1);
  count->path = g_strdup (crm_store_get_path (self->store));
  count->channel = channel;
  count->id = id;
  count->name = g_strdup (name);
  g_weak_ref_init (&count->row, row);
  task = g_task_new (self, self->cancellable, on_counted, g_object_ref (self));
  g_task_set_task_data (task, count, (GDestroyNotify) count_free);
  g_task_set_name (task, "count-touchpoints");
  self->counting++;
  g_task_run_in_thread (task, count_in_thread);
}

/* Undo */

typedef struct
{
  GWeakRef  window;
  CrmStore *store;
  GObject  *item;      /* the deleted channel or type, as it was */
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->window);
  g_object_unref (undo->store);
  g_object_unref (undo->item);
  g_free (undo);
}

/* Deleting saves the user a dialog: the toast's Undo stores it again,
 * with everything it had (a new id; nothing referred to the old one). */
static void
on_undo_delete (AdwToast *toast,
                Undo     *undo)
{
  g_autoptr(CrmPreferencesWindow) self = g_weak_ref_get (&undo->window);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (CRM_IS_CHANNEL (undo->item))
    {
      g_autoptr(CrmChannel) channel = copy_channel (CRM_CHANNEL (undo->item));
      const char *name = crm_channel_get_name (channel);

      crm_channel_set_id (channel, 0);
      /* A channel added since under the same name would make two. */
      if (self != NULL && find_channel_named (self, name, NULL) != NULL)
        {
          /* Translators: a toast; %s is a channel's name */
          g_autofree char *message = g_strdup_printf (_("“%s” was not restored: another channel has that name now."),
                                                      name);

          show_toast (self, message);
          return;
        }
      saved = crm_store_save_channel (undo->store, channel, &error);
    }
  else
    {
      g_autoptr(CrmTouchpointType) type = crm_touchpoint_type_row_copy_type (CRM_TOUCHPOINT_TYPE (undo->item));

      crm_touchpoint_type_set_id (type, 0);
      saved = crm_store_save_touchpoint_type (undo->store, type, &error);
    }

  if (self == NULL)
    return;
  if (!saved)
    {
      show_toast (self, error->message);
      return;
    }
  if (CRM_IS_CHANNEL (undo->item))
    load_channels (self);
  else
    load_types (self);
  changed (self);
}

static void
offer_undo (CrmPreferencesWindow *self,
            GObject              *item,
            const char           *title)
{
  g_autoptr(AdwToast) toast = adw_toast_new (title);
  Undo *undo = g_new0 (Undo, 1);

  g_weak_ref_init (&undo->window, self);
  undo->store = g_object_ref (self->store);
  undo->item = g_object_ref (item);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete), undo, undo_free, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), g_steal_pointer (&toast));
}

/* Channels */

/* Another channel called @name (ignoring case), or NULL. */
static CrmChannel *
find_channel_named (CrmPreferencesWindow *self,
                    const char           *name,
                    CrmChannel           *except)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < self->channel_rows->len; i++)
    {
      CrmChannel *channel = crm_channel_row_get_channel (g_ptr_array_index (self->channel_rows, i));
      g_autofree char *other = g_utf8_casefold (crm_channel_get_name (channel), -1);

      if (channel != except && g_strcmp0 (folded, other) == 0)
        return channel;
    }
  return NULL;
}

/* Why @name cannot name a channel, or NULL when it can. */
static char *
check_channel_name (CrmPreferencesWindow *self,
                    const char           *name,
                    CrmChannel           *except)
{
  if (*name == '\0')
    return g_strdup (_("A channel needs a name."));
  if (find_channel_named (self, name, except) != NULL)
    /* Translators: %s is a channel's name */
    return g_strdup_printf (_("There is already a channel called “%s”."), name);
  return NULL;
}

/* The key of a new channel, made once from its name and kept when it is
 * renamed: imports and exports name channels by it. */
static char *
make_channel_key (CrmPreferencesWindow *self,
                  const char           *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *key = NULL;
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      {
        if (dash && base->len > 0)
          g_string_append_c (base, '-');
        g_string_append_c (base, g_ascii_tolower (*p));
        dash = FALSE;
      }
    else
      dash = TRUE;
  /* A name in a script without a Latin transliteration. */
  if (base->len == 0)
    g_string_append (base, "channel");

  key = g_strdup (base->str);
  for (guint n = 2;; n++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < self->channel_rows->len && !taken; i++)
        taken = g_strcmp0 (crm_channel_get_key (crm_channel_row_get_channel (g_ptr_array_index (self->channel_rows, i))),
                           key) == 0;
      if (!taken)
        return g_steal_pointer (&key);
      g_free (key);
      key = g_strdup_printf ("%s-%u", base->str, n);
    }
}

static void
on_channel_rename (CrmChannelRow        *row,
                   const char           *name,
                   CrmPreferencesWindow *self)
{
  CrmChannel *channel = crm_channel_row_get_channel (row);
  CrmMessageRow *message_row = crm_channel_row_get_message_row (row);
  g_autofree char *problem = check_channel_name (self, name, channel);
  g_autoptr(CrmChannel) renamed = NULL;
  g_autoptr(GError) error = NULL;

  if (problem != NULL)
    {
      crm_message_row_show (message_row, problem);
      return;
    }
  renamed = copy_channel (channel);
  crm_channel_set_name (renamed, name);
  if (!crm_store_save_channel (self->store, renamed, &error))
    {
      crm_message_row_show (message_row, error->message);
      return;
    }
  crm_channel_set_name (channel, name);
  crm_message_row_clear (message_row);
  crm_channel_row_update (row);
  changed (self);
}

static guint
channel_index (CrmPreferencesWindow *self,
               CrmChannelRow        *row)
{
  guint index = G_MAXUINT;

  g_ptr_array_find (self->channel_rows, row, &index);
  return index;
}

static void
on_channel_move (CrmChannelRow        *row,
                 int                   direction,
                 CrmPreferencesWindow *self)
{
  guint index = channel_index (self, row);
  guint other = index + direction;
  gint64 moved_id = crm_channel_get_id (crm_channel_row_get_channel (row));
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gpointer moving;
  gboolean ok;

  if (index == G_MAXUINT || other >= self->channel_rows->len)
    return;

  for (guint i = 0; i < self->channel_rows->len; i++)
    g_ptr_array_add (order, copy_channel (crm_channel_row_get_channel (g_ptr_array_index (self->channel_rows, i))));
  moving = order->pdata[index];
  order->pdata[index] = order->pdata[other];
  order->pdata[other] = moving;

  /* Positions are numbered afresh, 0 … n − 1: imported channels may
   * share one, and a swap of equal positions would move nothing. Only
   * those that change are written, all or none. */
  ok = crm_store_begin (self->store, &error);
  for (guint i = 0; ok && i < order->len; i++)
    {
      CrmChannel *channel = g_ptr_array_index (order, i);

      if (crm_channel_get_position (channel) != (int) i)
        {
          crm_channel_set_position (channel, i);
          ok = crm_store_save_channel (self->store, channel, &error);
        }
    }
  if (ok)
    ok = crm_store_commit (self->store, &error);
  else
    crm_store_rollback (self->store);
  if (!ok)
    {
      crm_message_row_show_notice (crm_channel_row_get_message_row (row), error->message);
      return;
    }

  load_channels (self);
  for (guint i = 0; i < self->channel_rows->len; i++)
    {
      CrmChannelRow *moved = g_ptr_array_index (self->channel_rows, i);

      if (crm_channel_get_id (crm_channel_row_get_channel (moved)) == moved_id)
        crm_channel_row_focus_move (moved, direction);
    }
  changed (self);
}

/* After a deletion the keyboard goes to the delete button of the row that
 * took the deleted one's place (not into its name, all selected, where a
 * key pressed would replace it), or to the row that adds. */
static void
focus_channel_at (CrmPreferencesWindow *self,
                  guint                 index)
{
  if (self->channel_rows->len == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_channel_row));
  else
    crm_channel_row_focus_delete (g_ptr_array_index (self->channel_rows, MIN (index, self->channel_rows->len - 1)));
}

static void
on_channel_delete (CrmChannelRow        *row,
                   CrmPreferencesWindow *self)
{
  g_autoptr(CrmChannel) channel = g_object_ref (crm_channel_row_get_channel (row));
  guint index = channel_index (self, row);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!crm_store_delete_channel (self->store, crm_channel_get_id (channel), &error))
    {
      /* Touchpoints refer to their channel; the database refuses. */
      if (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT))
        refuse_delete (self, GTK_WIDGET (row), TRUE, crm_channel_get_id (channel), crm_channel_get_name (channel));
      else
        crm_message_row_show_notice (crm_channel_row_get_message_row (row), error->message);
      return;
    }

  load_channels (self);
  focus_channel_at (self, index);
  /* Translators: a toast; %s is a channel's name */
  title = g_strdup_printf (_("Channel “%s” deleted"), crm_channel_get_name (channel));
  offer_undo (self, G_OBJECT (channel), title);
  changed (self);
}

static void
remove_rows (GtkListBox *list,
             GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (CRM_IS_CHANNEL_ROW (row))
        gtk_list_box_remove (list, GTK_WIDGET (crm_channel_row_get_message_row (CRM_CHANNEL_ROW (row))));
      gtk_list_box_remove (list, row);
    }
  g_ptr_array_set_size (rows, 0);
}

static void
load_channels (CrmPreferencesWindow *self)
{
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GError) error = NULL;

  remove_rows (self->channels_list, self->channel_rows);
  channels = crm_store_list_channels (self->store, &error);
  if (channels == NULL)
    {
      crm_message_row_show (self->new_channel_message, error->message);
      return;
    }

  for (guint i = 0; i < channels->len; i++)
    {
      GtkWidget *row = crm_channel_row_new (g_ptr_array_index (channels, i));

      crm_channel_row_set_can_move (CRM_CHANNEL_ROW (row), i > 0, i + 1 < channels->len);
      g_signal_connect (row, "rename", G_CALLBACK (on_channel_rename), self);
      g_signal_connect (row, "move", G_CALLBACK (on_channel_move), self);
      g_signal_connect (row, "delete", G_CALLBACK (on_channel_delete), self);
      gtk_list_box_insert (self->channels_list, row, 2 * i);
      gtk_list_box_insert (self->channels_list, GTK_WIDGET (crm_channel_row_get_message_row (CRM_CHANNEL_ROW (row))),
                           2 * i + 1);
      g_ptr_array_add (self->channel_rows, g_object_ref (row));
    }
}

static void
add_channel (CrmPreferencesWindow *self)
{
  g_autofree char *name = entry_text (self->new_channel_row);
  g_autofree char *problem = check_channel_name (self, name, NULL);
  g_autofree char *key = NULL;
  g_autoptr(CrmChannel) channel = NULL;
  g_autoptr(GError) error = NULL;
  int position = 0;

  if (problem != NULL)
    {
      crm_message_row_show (self->new_channel_message, problem);
      gtk_widget_grab_focus (GTK_WIDGET (self->new_channel_row));
      return;
    }

  for (guint i = 0; i < self->channel_rows->len; i++)
    position = MAX (position, crm_channel_get_position (crm_channel_row_get_channel (g_ptr_array_index (self->channel_rows, i))) + 1);
  key = make_channel_key (self, name);
  channel = crm_channel_new ();
  crm_channel_set_key (channel, key);
  crm_channel_set_name (channel, name);
  crm_channel_set_position (channel, position);
  if (!crm_store_save_channel (self->store, channel, &error))
    {
      if (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT))
        {
          /* Translators: %s is a channel's key, e.g. "web" */
          g_autofree char *message = g_strdup_printf (_("There is already a channel with the key “%s”."), key);

          crm_message_row_show (self->new_channel_message, message);
        }
      else
        crm_message_row_show (self->new_channel_message, error->message);
      return;
    }

  /* Ready for the next one. */
  gtk_editable_set_text (GTK_EDITABLE (self->new_channel_row), "");
  crm_message_row_clear (self->new_channel_message);
  load_channels (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_channel_row));
  changed (self);
}

/* Touchpoint types */

static int
compare_stages (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The user's own stages, of every type, so each type can pick them. */
static void
share_custom_stages (CrmPreferencesWindow *self)
{
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();

  for (guint i = 0; i < self->type_rows->len; i++)
    {
      CrmTouchpointType *type = crm_touchpoint_type_row_get_touchpoint_type (g_ptr_array_index (self->type_rows, i));
      const char *stage = crm_touchpoint_type_get_stage (type);

      if (stage != NULL && *stage != '\0' && !crm_journey_stage_is_known (stage)
          && !g_ptr_array_find_with_equal_func (stages, stage, g_str_equal, NULL))
        g_ptr_array_add (stages, (gpointer) stage);
    }
  g_ptr_array_sort (stages, compare_stages);
  g_ptr_array_add (stages, NULL);
  for (guint i = 0; i < self->type_rows->len; i++)
    crm_touchpoint_type_row_set_custom_stages (g_ptr_array_index (self->type_rows, i),
                                               (const char * const *) stages->pdata);
}

static void
share_custom_stages_now (gpointer data)
{
  CrmPreferencesWindow *self = data;

  self->share_stages_id = 0;
  share_custom_stages (self);
}

static void
on_type_saved (CrmTouchpointTypeRow *row,
               CrmPreferencesWindow *self)
{
  /* Once the row is done with the change: a stage chosen in one row's
   * list changes the lists of all, that one's included. */
  if (self->share_stages_id == 0)
    self->share_stages_id = g_idle_add_once (share_custom_stages_now, self);
  changed (self);
}

static void
on_type_toast (CrmTouchpointTypeRow *row,
               AdwToast             *toast,
               CrmPreferencesWindow *self)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), g_object_ref (toast));
}

static void
on_type_delete (CrmTouchpointTypeRow *row,
                CrmPreferencesWindow *self)
{
  g_autoptr(CrmTouchpointType) type = g_object_ref (crm_touchpoint_type_row_get_touchpoint_type (row));
  guint index = G_MAXUINT;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_ptr_array_find (self->type_rows, row, &index);
  if (!crm_store_delete_touchpoint_type (self->store, crm_touchpoint_type_get_id (type), &error))
    {
      if (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT))
        refuse_delete (self, GTK_WIDGET (row), FALSE, crm_touchpoint_type_get_id (type),
                       crm_touchpoint_type_get_name (type));
      else
        crm_touchpoint_type_row_show_delete_message (row, error->message);
      return;
    }

  load_types (self);
  if (self->type_rows->len == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_type_row));
  else
    gtk_widget_grab_focus (g_ptr_array_index (self->type_rows, MIN (index, self->type_rows->len - 1)));
  /* Translators: a toast; %s is a touchpoint type's name */
  title = g_strdup_printf (_("Touchpoint type “%s” deleted"), crm_touchpoint_type_get_name (type));
  offer_undo (self, G_OBJECT (type), title);
  changed (self);
}

static void
load_types (CrmPreferencesWindow *self)
{
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GError) error = NULL;

  remove_rows (self->types_list, self->type_rows);
  types = crm_store_list_touchpoint_types (self->store, &error);
  if (types == NULL)
    {
      crm_message_row_show (self->new_type_message, error->message);
      return;
    }

  for (guint i = 0; i < types->len; i++)
    {
      GtkWidget *row = crm_touchpoint_type_row_new (self->store, g_ptr_array_index (types, i));

      g_signal_connect (row, "saved", G_CALLBACK (on_type_saved), self);
      g_signal_connect (row, "delete", G_CALLBACK (on_type_delete), self);
      g_signal_connect (row, "toast", G_CALLBACK (on_type_toast), self);
      gtk_list_box_insert (self->types_list, row, i);
      g_ptr_array_add (self->type_rows, g_object_ref (row));
    }
  share_custom_stages (self);
}

static void
add_type (CrmPreferencesWindow *self)
{
  g_autofree char *name = entry_text (self->new_type_row);
  g_autoptr(CrmTouchpointType) type = NULL;
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    {
      crm_message_row_show (self->new_type_message, _("A touchpoint type needs a name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->new_type_row));
      return;
    }

  /* A new type starts at the start of the journey, needing nothing; its
   * row opens for the rest. */
  type = crm_touchpoint_type_new ();
  crm_touchpoint_type_set_name (type, name);
  crm_touchpoint_type_set_stage (type, "awareness");
  if (!crm_store_save_touchpoint_type (self->store, type, &error))
    {
      if (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT))
        {
          /* Translators: %s is a touchpoint type's name */
          g_autofree char *message = g_strdup_printf (_("There is already a touchpoint type called “%s”."), name);

          crm_message_row_show (self->new_type_message, message);
        }
      else
        crm_message_row_show (self->new_type_message, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_type_row), "");
  crm_message_row_clear (self->new_type_message);
  load_types (self);
  for (guint i = 0; i < self->type_rows->len; i++)
    {
      CrmTouchpointTypeRow *row = g_ptr_array_index (self->type_rows, i);

      if (crm_touchpoint_type_get_id (crm_touchpoint_type_row_get_touchpoint_type (row)) == crm_touchpoint_type_get_id (type))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->new_type_row));
  changed (self);
}

/* The window */

/* What was wrong with the name typed in a row that adds goes once the
 * name is changed, or left empty. */
static void
on_new_row_changed (GtkEditable   *row,
                    CrmMessageRow *message_row)
{
  crm_message_row_clear (message_row);
}

static void
on_new_row_left (GtkEventControllerFocus *controller,
                 CrmMessageRow           *message_row)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (*gtk_editable_get_text (GTK_EDITABLE (row)) == '\0')
    crm_message_row_clear (message_row);
}

static CrmMessageRow *
add_message_row (GtkListBox  *list,
                 AdwEntryRow *row)
{
  GtkWidget *message_row = crm_message_row_new (GTK_WIDGET (row));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_list_box_append (list, message_row);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_new_row_changed), message_row, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_new_row_left), message_row, 0);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
  return CRM_MESSAGE_ROW (message_row);
}

/* Closing stores what was typed and not yet confirmed, as leaving the
 * field would have: closing is not a way to cancel. */
static gboolean
on_close_request (CrmPreferencesWindow *self)
{
  for (guint i = 0; i < self->channel_rows->len; i++)
    if (crm_channel_row_has_pending_edit (g_ptr_array_index (self->channel_rows, i)))
      crm_channel_row_commit (g_ptr_array_index (self->channel_rows, i));
  for (guint i = 0; i < self->type_rows->len; i++)
    crm_touchpoint_type_row_commit (g_ptr_array_index (self->type_rows, i));
  return FALSE;
}

static void
crm_preferences_window_dispose (GObject *object)
{
  CrmPreferencesWindow *self = (CrmPreferencesWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->share_stages_id, g_source_remove);
  g_clear_pointer (&self->channel_rows, g_ptr_array_unref);
  g_clear_pointer (&self->type_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (crm_preferences_window_parent_class)->dispose (object);
}

static void
crm_preferences_window_finalize (GObject *object)
{
  CrmPreferencesWindow *self = (CrmPreferencesWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (crm_preferences_window_parent_class)->finalize (object);
}

static void
crm_preferences_window_class_init (CrmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_window_dispose;
  object_class->finalize = crm_preferences_window_finalize;

  /* A channel or touchpoint type was stored, added or deleted: what the
   * other views show of them is out of date. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  crm_ui_init ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, channels_list);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, new_channel_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, types_list);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, new_type_row);
  gtk_widget_class_bind_template_callback (widget_class, add_channel);
  gtk_widget_class_bind_template_callback (widget_class, add_type);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_preferences_window_init (CrmPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->channel_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->type_rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Below the rows that add, what is wrong with the name typed there. */
  self->new_channel_message = add_message_row (self->channels_list, self->new_channel_row);
  self->new_type_message = add_message_row (self->types_list, self->new_type_row);
}

/**
 * crm_preferences_window_new:
 * @parent: the main window of the database
 * @store: its open database
 *
 * Returns: (transfer none): a new window, not yet shown
 */
CrmPreferencesWindow *
crm_preferences_window_new (GtkWindow *parent,
                            CrmStore  *store)
{
  CrmPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  crm_preferences_window_reload (self);
  /* Ready to add a channel, rather than in the first one's name, all
   * selected, where a key pressed by mistake would replace it. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->new_channel_row));
  return self;
}

CrmStore *
crm_preferences_window_get_store (CrmPreferencesWindow *self)
{
  g_return_val_if_fail (CRM_IS_PREFERENCES_WINDOW (self), NULL);
  return self->store;
}

/* Reads the channels and types again. */
void
crm_preferences_window_reload (CrmPreferencesWindow *self)
{
  g_return_if_fail (CRM_IS_PREFERENCES_WINDOW (self));

  load_channels (self);
  load_types (self);
}

/* Whether touchpoints are being counted for a refused deletion. */
gboolean
crm_preferences_window_is_busy (CrmPreferencesWindow *self)
{
  g_return_val_if_fail (CRM_IS_PREFERENCES_WINDOW (self), FALSE);
  return self->counting > 0;
}
