/* staff.h — the way into staff mode, and the way out.
 *
 * The gesture: a press held STAFF_HOLD_MS (3 s) on the clinic-name area of
 * the welcome screen, without wandering more than STAFF_SLOP logical pixels.
 * A waiting client will not do that by chance; taps, short presses, drags
 * away, a second finger, and any press while a client is in the flow
 * (every screen but welcome, or welcome's idle prompt) do not count. It
 * fires while the finger is still down, so staff see the PIN pad at once.
 *
 * The session: staff mode closes itself after the configured idle time
 * (pm_config.staff_idle_timeout_s); every staff touch keeps it open.
 *
 * Pure: no clock, no SDL. The UI feeds pointer events in logical
 * coordinates (after rotation) and the time in monotonic milliseconds, and
 * ticks while a press is held (staff_gesture_wait_ms() says how long it may
 * sleep). Plain values; the caller owns them. */
#ifndef PM_STAFF_H
#define PM_STAFF_H

#include <stdbool.h>
#include <stdint.h>

#include "content.h"

#define STAFF_HOLD_MS 3000u
#define STAFF_SLOP 24 /* logical pixels a held finger may wander */

typedef struct {
    int x, y, w, h;
} staff_rect;

typedef enum {
    STAFF_DOWN, /* a finger (or the mouse) went down at x, y */
    STAFF_MOVE, /* it moved to x, y */
    STAFF_UP,   /* it went up */
    STAFF_TICK, /* time passed */
} staff_input_type;

typedef struct {
    staff_input_type type;
    int x, y;
    /* Where the client is: the gesture only counts on the welcome screen
     * with no idle prompt showing (flow_screen(), flow_still_there()). */
    pm_screen screen;
    bool prompt_showing;
} staff_input;

typedef struct {
    staff_rect area;   /* the clinic name's area, logical pixels */
    bool pressing;     /* a press that may still become the gesture */
    bool spoiled;      /* a press that can no longer count (until all up) */
    int fingers;       /* fingers down now */
    int x0, y0;
    uint64_t t0;
} staff_gesture;

/* area: where the clinic name is drawn on the welcome screen. */
void staff_gesture_init(staff_gesture *g, staff_rect area);
/* Forgets any press and finger count (call when the screen changes or SDL
 * reports no finger down, so a lost "up" event cannot block the gesture). */
void staff_gesture_cancel(staff_gesture *g);
/* The welcome layout's area for the gesture. A different area (rotation,
 * size) cancels a press; the same area again changes nothing. */
void staff_gesture_set_area(staff_gesture *g, staff_rect area);

/* Feeds one input. Returns true exactly once per qualifying press: at the
 * first input at or after STAFF_HOLD_MS (a TICK or MOVE while held). The
 * UI then shows the PIN pad; the rest of the press is ignored. */
bool staff_gesture_feed(staff_gesture *g, const staff_input *in, uint64_t now_ms);

/* Milliseconds until a held press would fire (the UI's longest sleep), or
 * UINT32_MAX when no press is in progress. */
uint32_t staff_gesture_wait_ms(const staff_gesture *g, uint64_t now_ms);

/* ------------------------------------------------------------------------ */
/* The staff session                                                          */

typedef struct {
    bool active;
    uint32_t idle_ms;
    uint64_t last_ms; /* last staff activity */
} staff_session;

/* Opens staff mode (after the right PIN). idle_s: staff_idle_timeout_s. */
void staff_session_begin(staff_session *s, uint32_t idle_s, uint64_t now_ms);
/* A staff touch: keeps the session open. */
void staff_session_touch(staff_session *s, uint64_t now_ms);
/* Closes the session when its idle time has passed. Returns true exactly
 * when it closed now (the UI then wipes what it showed and returns to
 * welcome). */
bool staff_session_check(staff_session *s, uint64_t now_ms);
/* Closes it at once (the "leave" button). */
void staff_session_end(staff_session *s);
/* Milliseconds before it closes by itself (0 when closed). */
uint32_t staff_session_ms_left(const staff_session *s, uint64_t now_ms);

#endif
