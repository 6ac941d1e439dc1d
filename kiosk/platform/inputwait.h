/* inputwait.h — sleep until a touch arrives or a deadline passes, without
 * polling.
 *
 * Why: on SDL's KMSDRM and dummy video drivers SDL_WaitEventTimeout() polls
 * every millisecond, so a kiosk that waits with it never sleeps. Those
 * drivers read touch input from the kernel's evdev devices
 * (/dev/input/event*); every reader of an evdev device gets its own copy of
 * each event, so the kiosk can open the same devices, sleep in poll() until
 * one of them has something, throw its own copy away and let SDL read SDL's.
 * A device plugged in later is noticed through inotify on the folder.
 *
 * With no folder (the dummy driver has no input at all) it is a plain sleep
 * that a signal cuts short (poll returns on EINTR, unlike SDL_Delay), so a
 * SIGTERM turned into SDL_QUIT by SDL's handler is seen at once.
 *
 * Platform glue, not core: it does I/O. No SDL, no global state: the caller
 * owns the struct. Linux only (evdev, inotify). */
#ifndef PM_INPUTWAIT_H
#define PM_INPUTWAIT_H

#include <stdbool.h>

#define INPUTWAIT_MAX_DEVICES 16

typedef struct {
    char dir[256];                   /* "" when no folder is watched */
    int fd[INPUTWAIT_MAX_DEVICES];   /* open event devices */
    char name[INPUTWAIT_MAX_DEVICES][32];
    int n;
    int notify;                      /* inotify on dir, or -1 */
} inputwait;

/* Watches the event devices (files named event*) in dir, e.g. "/dev/input",
 * or nothing when dir is NULL. Returns false when dir cannot be watched
 * (missing, or no inotify): the caller must then poll for input itself.
 * Devices that cannot be opened are left out quietly (SDL cannot read them
 * either). Always call inputwait_close(). */
bool inputwait_open(inputwait *w, const char *dir);

/* Sleeps until a watched device has input, a device appears, timeout_ms
 * passes (< 0: no limit) or a signal arrives. Discards the input it read.
 * Returns 1 when input or a device change woke it, 0 on timeout, -1 when a
 * signal (or an error) cut the sleep short. */
int inputwait_wait(inputwait *w, int timeout_ms);

/* How many devices are watched now. */
int inputwait_devices(const inputwait *w);

void inputwait_close(inputwait *w);

#endif
