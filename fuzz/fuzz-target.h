/* fuzz-target.h: what every libFuzzer target sets up once. libFuzzer
 * brings main(); a target defines LLVMFuzzerTestOneInput() and calls
 * crm_fuzz_target_init() from LLVMFuzzerInitialize(). */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static GLogWriterOutput
crm_fuzz_write_log (GLogLevelFlags   level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  /* A warning about bad input is an answer, not a bug, and printing
   * millions of them would slow the fuzzer down to nothing. */
  if ((level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) == 0)
    return G_LOG_WRITER_HANDLED;
  g_log_writer_default (level, fields, n_fields, user_data);
  /* GLib stops a fatal message with a breakpoint trap, which libFuzzer
   * does not catch: the process would die without the input being kept.
   * An abort it catches. */
  abort ();
}

static inline void
crm_fuzz_target_init (void)
{
  GLogLevelFlags fatal;

  /* A critical is a broken precondition, a bug whatever the input: it
   * aborts, and libFuzzer keeps the input. Whatever G_DEBUG made fatal
   * stays fatal. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_always_fatal (fatal | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (crm_fuzz_write_log, NULL, NULL);
}
