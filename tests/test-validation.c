/* test-validation.c: what the editor accepts and what it explains. */
#include "crm-validation.h"

static void
test_email (void)
{
  static const char * const good[] = {
    "", "anna@example.org", "j.wojcik@maple.example", "o'brien+crm@mail.co.uk", "пользователь@пример.рф", NULL,
  };
  static const char * const bad[] = {
    "anna", "anna@", "@example.org", "anna@example", "anna@@example.org", "anna @example.org",
    "anna@example..org", "anna@.example.org", "anna@example.org.", NULL,
  };

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_null (crm_validate_email (good[i]));
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autofree char *message = crm_validate_email (bad[i]);

      if (message == NULL)
        g_error ("accepted “%s”", bad[i]);
    }
}

static void
test_email_messages (void)
{
  g_autofree char *no_at = crm_validate_email ("anna.example.org");
  g_autofree char *no_dot = crm_validate_email ("anna@localhost");

  g_assert_nonnull (g_strstr_len (no_at, -1, "@"));
  g_assert_nonnull (g_strstr_len (no_dot, -1, "dot"));
}

static void
test_phone (void)
{
  static const char * const good[] = {
    "", "+49 30 1234567", "(030) 123-45-67", "+7 495 123 45 67", "0049.30.12345", "+1 815 0791597 ext. 12",
    "030 12345 x7", NULL,
  };
  static const char * const bad[] = {
    "call me", "+49 30 12a4567", "12", "++49", "+49 30 1234567 ext", "0800-FLOWERS", NULL,
  };

  for (guint i = 0; good[i] != NULL; i++)
    {
      g_autofree char *message = crm_validate_phone (good[i]);

      if (message != NULL)
        g_error ("refused “%s”: %s", good[i], message);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autofree char *message = crm_validate_phone (bad[i]);

      if (message == NULL)
        g_error ("accepted “%s”", bad[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validation/email", test_email);
  g_test_add_func ("/validation/email-messages", test_email_messages);
  g_test_add_func ("/validation/phone", test_phone);

  return g_test_run ();
}
