/* fuzz-archive.c: any file restored as a Touchpoint XML archive.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz-inputs.h"
#include "fuzz-target.h"

static char           *directory;
static CrmFuzzArchive *archive;

static void
clean_up (void)
{
  g_clear_pointer (&archive, crm_fuzz_archive_free);
  if (directory != NULL)
    g_rmdir (directory);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *template = NULL;

  crm_fuzz_target_init ();

  /* Every input is a file and goes through SQLite: in memory, that is
   * several times faster than on a disk. A TMPDIR the caller set wins
   * (fuzz/run points it at a scratch directory it removes, since a crash
   * ends the process without clean_up()). */
  if (g_getenv ("TMPDIR") == NULL && g_access ("/dev/shm", W_OK) == 0)
    template = g_strdup ("/dev/shm/touchpoint-fuzz-archive-XXXXXX");
  else
    template = g_build_filename (g_get_tmp_dir (), "touchpoint-fuzz-archive-XXXXXX", NULL);
  directory = g_mkdtemp (g_steal_pointer (&template));
  if (directory == NULL)
    g_error ("Could not make a directory for the fuzzer's database: %s", g_strerror (errno));

  archive = crm_fuzz_archive_new (directory);
  atexit (clean_up);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  crm_fuzz_archive_feed (archive, data, size);
  return 0;
}
