/* sdnotify.h — tell systemd how the kiosk is doing, without libsystemd.
 *
 * This implements the documented sd_notify(3) socket protocol: a service
 * started with Type=notify finds the path of a datagram socket in
 * $NOTIFY_SOCKET (a file path, or "@name" for a socket in the abstract
 * namespace) and sends it newline-separated "KEY=VALUE" lines:
 *   READY=1       start-up is complete (the first frame is on screen)
 *   WATCHDOG=1    the main loop is alive; with WatchdogSec= set, systemd
 *                 restarts the service when these stop arriving
 *   STATUS=...    one line for `systemctl status`
 *   STOPPING=1    the kiosk is shutting down on purpose
 *
 * Outside systemd (no $NOTIFY_SOCKET: a desktop run, a test, a replay) every
 * call is a quiet no-op that returns 0.
 *
 * This is platform glue, not core: it does I/O (one socket per message,
 * closed again at once) and reads the environment. It has no SDL and no
 * global state; the watchdog pacing lives in a struct the caller owns.
 *
 * Return values: 1 when the message was sent, 0 when there is nothing to
 * send to ($NOTIFY_SOCKET unset or empty), a negative errno when sending
 * failed (e.g. -EINVAL for a malformed $NOTIFY_SOCKET). A failure to notify
 * is never fatal for the kiosk: log it once and carry on. */
#ifndef PM_SDNOTIFY_H
#define PM_SDNOTIFY_H

#include <stdbool.h>
#include <stdint.h>

/* Sends STATE (one or more "KEY=VALUE" lines) as one datagram. */
int sdnotify_send(const char *state);

int sdnotify_ready(void);    /* "READY=1" */
int sdnotify_stopping(void); /* "STOPPING=1" */
/* "STATUS=<text>": TEXT is cut at its first newline and at 200 bytes. */
int sdnotify_status(const char *text);

/* The watchdog interval systemd asks for, in microseconds: $WATCHDOG_USEC,
 * when set, positive, and meant for this process ($WATCHDOG_PID unset or
 * equal to getpid()). 0 when there is no watchdog. */
uint64_t sdnotify_watchdog_usec(void);

/* Watchdog pacing for a main loop: kick it every iteration with a
 * monotonic clock in milliseconds; it sends WATCHDOG=1 at most every
 * interval_ms (half of WatchdogSec=, as sd_watchdog_enabled(3) advises),
 * and the first kick always sends. */
typedef struct {
    bool enabled;
    uint64_t interval_ms;
    uint64_t last_ms;
    bool sent_once;
} sdnotify_watchdog;

/* Reads the environment once; enabled is false outside systemd or when the
 * unit has no WatchdogSec=. */
void sdnotify_watchdog_init(sdnotify_watchdog *w);

/* Returns what sdnotify_send returned when a ping was due, else 0. */
int sdnotify_watchdog_kick(sdnotify_watchdog *w, uint64_t now_ms);

/* When the next kick would send (ms, the clock passed to kick): 0 before
 * the first, UINT64_MAX when there is no watchdog. A loop that sleeps must
 * wake by then, or systemd takes the kiosk for hung. */
uint64_t sdnotify_watchdog_due(const sdnotify_watchdog *w);

#endif
