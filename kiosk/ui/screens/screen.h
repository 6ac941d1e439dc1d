/* screen.h — what a screen sees, and what a screen is.
 *
 * One file per screen, each with the same three parts (screen_ops):
 *   layout(): add the widgets for the current state at the frame's size;
 *   draw():   draw what is not a plain widget (titles, text, the chart);
 *   area():   a finger on one of the screen's own areas (the chart, the
 *             signature pad): which core event that touch means. May be
 *             NULL.
 * A screen reads the core (the flow, the desk, the saver) through const
 * pointers and never changes it: what a touch means goes back as an event
 * (a widget's, or area()'s), and the dispatcher (ui/dispatch.c) alone
 * hands events to the core. No screen reaches into another.
 *
 * Ownership: the app owns the screen_ctx and everything it points to; a
 * screen may change only its screen_view (presentation state) and add
 * widgets to wl. */
#ifndef PM_UI_SCREEN_H
#define PM_UI_SCREEN_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "bodychart.h"
#include "config.h"
#include "content.h"
#include "desk.h"
#include "flow.h"
#include "learn.h"
#include "saver.h"
#include "ui/chart.h"
#include "ui/render.h"
#include "ui/widgets.h"

/* How the screens are shown, beyond the core's state: never client data.
 * The dispatcher changes it on touches that only change the view (zoom,
 * keyboard, pages); screens set the layout outputs. */
typedef struct {
    struct {
        bodychart_view at;       /* the whole figure or a close-up (core/content/bodychart.h) */
        bool valid;              /* at was set for this size and the flow's view */
        int lw, lh;              /* the size it was set for */
    } chart;
    /* A finger down on a target, not slid off (the dispatcher): the
     * target's name ("next", "chart/calf_l") and where the finger is now,
     * so the screen can show it pressed. pressed[0] == 0: none. */
    char pressed[64];
    int press_x, press_y;
    struct {
        bool shift;              /* one-shot capital */
        int layer;               /* 0 letters, 1 accented letters */
    } kb;
    /* A step with many choices is shown in parts (details: strength, then
     * feelings, then how long), one question per view. -1: the last part
     * (arriving backwards). Screens set parts in layout(). */
    int part, parts;
    int scroll, scroll_max;      /* a list in pages: the page shown, the last;
                                    client pages scroll by rows (frame_rows):
                                    the first row shown */
    bool scroll_rows;            /* set by frame_rows: ▲ ▼ jump to these rows */
    int scroll_up_to, scroll_down_to;
    bool large_text;             /* the client's larger text (wiped with them) */
    bool asking;                 /* "start over?" showing over the screen */
    int enlarged;                /* a pattern's picture full screen: its muscle, or -1 */
    bool show_hint;              /* Next was tapped while blocked: say why */
    bool has_middle;             /* the frame has a button between Back and Next */
    int middle_above;            /* ... or above them, across the page: its
                                    height and gap (0: none, or between) */
    bool desk_checking;          /* the PIN is being checked: "Checking..." */
    /* layout outputs */
    SDL_Rect body;               /* the area between top bar and bottom bar */
    SDL_Rect staff_area;         /* welcome: where a held press opens staff mode */
    char label[160];             /* a button label made at layout (counts) */
} screen_view;

typedef struct {
    rctx *r;                     /* draw here */
    wlist *wl;                   /* add widgets here */
    chart_art *art;
    screen_view *v;
    const pm_content *content;
    bodychart *bodies;           /* the chart's geometry (a cache of circles) */
    const flow *flow;
    const learn *learn;          /* open: the Learn screens show, over Welcome */
    const desk *desk;            /* NULL: no staff mode */
    const saver *saver;          /* NULL: nothing saves */
    const pm_config *config;
    const pm_msgs *config_problems; /* painmap.conf's problems: the staff queue lists them */
    const int *langs;            /* content indices of the languages offered, in order */
    int nlangs;
    int lw, lh;                  /* the frame's size (logical pixels) */
    uint64_t now;                /* ms, monotonic (virtual in replays) */
    int64_t wall;                /* wall clock, UTC seconds */
    int promise_minutes;         /* welcome's "about N minutes" (core/intake/budget.h) */
} screen_ctx;

/* Text in the flow's language (the key itself when there is no content). */
const char *T(const screen_ctx *s, const char *key);
/* Text in the staff language (the clinic's default language). */
const char *TS(const screen_ctx *s, const char *key);

typedef struct {
    void (*layout)(screen_ctx *s);
    void (*draw)(screen_ctx *s);
    /* A finger on widget w (ACT_AREA) that draws (the signature pad): down
     * (starts) or moving. Returns whether the touch means a core event,
     * and which in *ev. NULL for a screen with no such area. */
    bool (*area)(screen_ctx *s, const widget *w, int x, int y, bool starts, flow_event *ev);
    /* What the last point that area added looks like, drawn over the frame
     * as it is: the same pixels as drawing the whole screen again (the
     * signature's ink is opaque), at a fraction of the cost, every frame a
     * finger draws. NULL: the whole screen is drawn again. */
    void (*ink)(screen_ctx *s);
} screen_ops;

/* A screen's area (a widget with ACT_AREA) with targets of its own, pressed
 * like buttons, acting when the finger lifts on the same target: the
 * chart's regions (screens.c: screen_surface_for). A screen's area without
 * one draws instead (screen_ops.area: the signature pad). */
typedef struct {
    /* target: the one under (x, y), a number >= 0, or -1 for none; keep:
     * the target the finger went down on (-1 at the down), which a finger
     * wandering a little off it still touches. */
    int (*target)(screen_ctx *s, const widget *w, int x, int y, int keep);
    /* A target's name, unique on the screen ("calf_l", "zoom"): for the
     * repeat guard and for tests. */
    void (*target_name)(screen_ctx *s, int target, char *out, size_t size);
    /* The finger was lifted on target t, at (x, y): the event it means
     * (EV_TOUCH: only how the screen is shown changed, e.g. a close-up,
     * which still counts as the client's activity). */
    bool (*act)(screen_ctx *s, const widget *w, int t, int x, int y, flow_event *ev);
    /* Tests: where a finger aims at the target named (the centre of the
     * largest circle inside it now); *now false when a touch there first
     * brings it within reach (a close-up) rather than choosing it. false:
     * no such target on this screen. */
    bool (*aim)(screen_ctx *s, const char *name, int *x, int *y, bool *now);
} screen_surface;

#endif
