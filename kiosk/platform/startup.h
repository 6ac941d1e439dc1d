/* startup.h — where the kiosk's own start went, for the one journal line it
 * writes with its first frame ("first frame 0.93 s after the process
 * started: ...").
 *
 * Why its own clock: on a slow card or an emulated Pi the start takes
 * seconds, and the journal stamps a line when journald reads it, not when
 * it was written (several of the kiosk's start-up lines used to carry one
 * stamp), so the journal cannot say which step was slow. The steps are
 * marked as they end, in seconds since the process started (the kernel's
 * start time of the process, the moment systemd's ExecMainStartTimestamp
 * also records), so the first step is what exec and the dynamic loader
 * cost before main.
 *
 * Platform glue: reads /proc/self/stat and the clock, no SDL, no global
 * state (the caller owns the marks). */
#ifndef PM_STARTUP_H
#define PM_STARTUP_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    STARTUP_MAIN,    /* main() entered: under systemd its sandbox set-up (between the
                      * fork and the exec), then exec, the loader, the libraries */
    STARTUP_DISPLAY, /* the window and its renderer open */
    STARTUP_CONTENT, /* the content loaded (from the cache or parsed) */
    STARTUP_FRAME,   /* the first frame presented */
    STARTUP_STEPS
} startup_step;

typedef struct {
    double at[STARTUP_STEPS]; /* seconds since the process started; < 0: not marked */
} startup_marks;

/* Every step unmarked. */
void startup_init(startup_marks *m);

/* Seconds since this process started, or a negative number when the
 * system cannot say (no /proc). Resolution: the kernel's clock tick
 * (10 ms on Debian's kernels). */
double startup_since_process_start(void);

/* Marks STEP now. M may be NULL (nothing is kept). */
void startup_mark(startup_marks *m, startup_step step);

/* The line for the journal, e.g. "first frame 0.93 s after the process
 * started: 0.41 s to main (starting the process: ...), 0.20 s the
 * display, 0.12 s the content, 0.20 s fonts and the first frame". A step
 * left unmarked is named as such. Returns false when BUF was too small
 * (the line is cut) or the frame is not marked. */
bool startup_describe(const startup_marks *m, char *buf, size_t size);

#endif
