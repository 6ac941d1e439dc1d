/* app_private.h — the inside of struct app, shared by the files that are
 * the app (app.c, dispatch.c, redraw.c, loop.c) and by nothing else: the
 * screens see only their screen_ctx, the test kit only app.h.
 *
 * What each part is owned by:
 *   disp, rc, wl, art           their modules (created in app.c, freed there)
 *   view                        presentation state: dispatch.c changes it on
 *                               touches, screens on layout
 *   sc                          what screens see: redraw.c fills it per frame
 *   content, flow, learn,
 *   store, saver, desk, config  the core, owned here, changed only through
 *                               dispatch.c (and the saver, which drives the
 *                               flow's save)
 *   seen                        dispatch.c's change detection
 *   clock, dirty, exposed, wd   app.c, loop.c (and dispatch.c kicks the
 *                               watchdog during a long copy) */
#ifndef PM_UI_APP_PRIVATE_H
#define PM_UI_APP_PRIVATE_H

#include "desk.h"
#include "learn.h"
#include "platform/sdnotify.h"
#include "store.h"
#include "ui/app.h"
#include "ui/display.h"
#include "ui/input.h"

/* What the dispatcher saw last, to notice changes after an event. */
typedef struct {
    pm_screen screen;
    int step;
    unsigned resets;             /* flow_resets: a wipe forgets the client */
    uint32_t countdown;          /* idle prompt: seconds shown last */
    bool went_back;              /* the last flow event was Back */
    int drag_owner;              /* widget index taking finger motion, -1 none */
    bool finger_down;            /* one finger at a time */
    input_press press;           /* what the finger down means (input.h) */
    int press_widget;            /* the armed press: widget index ... */
    int press_target;            /* ... and its surface's target (-1 none) */
    uint64_t shown;              /* what is under the finger now (a digest):
                                    a change starts the calm time */
    bool ready;                  /* shown was taken (dispatch.c, at its first call) */
    unsigned desk_closes;
    desk_screen desk;
    unsigned learn_closes;       /* learn_closes: Learn closed, forget what it showed */
    uint32_t learn_countdown;    /* Learn's idle prompt: seconds shown last */
} dispatch_seen;

struct app {
    startup_marks *startup; /* app_options.startup: the caller's; NULL: not kept */
    bool layout_stale;     /* app_layout_changed is due (app.c marks, dispatch does) */
    display *disp;
    rctx *rc;
    wlist *wl;
    chart_art *art;
    bodychart *bodies;           /* the chart's geometry (core/content/bodychart.h) */
    screen_view view;
    screen_ctx sc;

    /* the core */
    const pm_content *content;   /* NULL when it failed to load */
    flow *flow;
    learn *learn;                /* the Learn screens, over Welcome (NULL: none) */
    store *store;
    saver *saver;
    desk *desk;
    pm_config config;
    /* Every problem found in painmap.conf (and its languages), as logged:
     * the staff queue lists them, since the journal is out of staff's reach. */
    pm_msgs config_problems;
    int langs[CONTENT_MAX_LANGS]; /* content indices of the languages offered, in order */
    int nlangs;
    int64_t upkeep_last;         /* wall clock of the last retention run (-1: never) */
    bool upkeep_at_start;        /* the start's upkeep waits for app_started */
    int promise_key;             /* layout and language welcome's promise is for (0: none) */
    char attention[PM_MSG_MAX];  /* non-empty: the "needs attention" screen */

    dispatch_seen seen;
    SDL_FingerID finger;         /* loop.c: the finger being followed */

    /* time */
    uint64_t now;                /* ms, monotonic (virtual in replays) */
    int64_t wall0;               /* headless: the wall clock at now = 0 (fixed, for goldens) */
    bool fixed_wall;

    bool dirty;                  /* the frame must be drawn again */
    bool press_ring;             /* only the ring of a pressed widget: drawn over
                                    the frame as it is (redraw.c) */
    bool pad_ink;                /* only the signature's newest point: drawn over
                                    the frame as it is (redraw.c) */
    bool exposed;                /* the window needs the frame again */
    /* The idle prompt's countdown ticks over a screen that does not change
     * under it: the frame keeps it, dimmed, while the prompt shows */
    struct {
        uint64_t key;            /* what is under it (redraw.c: under_key); 0 none */
    } dimmed;
    sdnotify_watchdog wd;        /* loop.c's; kicked by long work too (a copy) */
    uint64_t ahead_done;         /* redraw.c: app_shown_digest when nothing was left
                                    to draw ahead (app_ahead) */
};

/* app.c: staff mode is showing. */
bool app_staff_open(const app *a);
/* app.c: the clocks as the desk takes them. */
desk_clock app_desk_clock(const app *a);
/* app.c: forgets everything a previous client (or staff) could have left
 * on screen: the text cache, the pictures of chosen patterns, the view. */
void app_forget_client(app *a);
/* app.c: the window's size changed (loop.c). */
void app_resize(app *a);
/* app.c: retention (and at start-up the repairs of upkeep.h), logged. */
void app_upkeep(app *a, bool startup);

/* redraw.c: a digest of what is under a finger now: the screen, its step
 * and part, the page, the close-up, the prompt, staff mode's screen, the
 * keyboard's letters. When it changes the calm time starts and a press is
 * dropped (dispatch.c); the idle prompt's kept picture is keyed on it. */
uint64_t app_shown_digest(const app *a);
/* redraw.c: between frames, with no finger down and nothing to redraw:
 * one piece of drawing the client's next screen will need (screens.h,
 * screens_ahead). Returns whether it did one; the loop looks at its events
 * before asking again, so a touch waits for one piece at most. */
bool app_ahead(app *a);
/* redraw.c: the ring around the pressed widget, over the frame as it is. */
void app_draw_press(app *a);
/* redraw.c: the newest point a finger drew on a pad, over the frame as it
 * is (the screen's ink op). */
void app_draw_ink(app *a);
/* app.c: the frame no longer holds the dimmed screen under the prompt
 * (resize, forgetting a client). */
void app_drop_dimmed(app *a);
/* redraw.c: the per-frame part of what screens see (size, clocks), before
 * a screen lays out, draws or reads a touch on its area. */
void app_bind_screens(app *a);

/* dispatch.c: the display's size or the client's larger text changed: the
 * flow's layout class follows (EV_SET_LAYOUT), and welcome's promise.
 * app.c (below dispatch) only marks it due (layout_stale, and welcome's
 * promise at once, app_promise); dispatch catches up before the next thing
 * it does. */
void app_layout_changed(app *a);
/* app.c: welcome's promise for the display's layout class now. */
void app_promise(app *a);
/* dispatch.c: lets time-driven things happen at a->now: the flow's idle
 * prompt and wipe, the saver's retries, staff mode's clock (loop.c). */
void app_tick(app *a);
/* dispatch.c: when app_tick next has something to do (ms, a->now's clock). */
uint64_t app_next_deadline(app *a);

#endif
