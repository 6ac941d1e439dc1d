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

#include "config.h"
#include "content.h"
#include "desk.h"
#include "flow.h"
#include "saver.h"
#include "ui/chart.h"
#include "ui/render.h"
#include "ui/widgets.h"

/* How the screens are shown, beyond the core's state: never client data.
 * The dispatcher changes it on touches that only change the view (zoom,
 * keyboard, pages); screens set the layout outputs. */
typedef struct {
    struct {
        double zoom;             /* 1 = whole figure */
        double cx, cy;           /* zoom centre, chart units */
        pm_view zoom_view;
    } chart;
    struct {
        bool shift;              /* one-shot capital */
        int layer;               /* 0 letters, 1 accented letters */
    } kb;
    /* A step with many choices is shown in parts (details: strength, then
     * feelings, then how long), one question per view. -1: the last part
     * (arriving backwards). Screens set parts in layout(). */
    int part, parts;
    int scroll, scroll_max;      /* a list in pages: the page shown, the last */
    bool show_hint;              /* Next was tapped while blocked: say why */
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
    const flow *flow;
    const desk *desk;            /* NULL: no staff mode */
    const saver *saver;          /* NULL: nothing saves */
    const pm_config *config;
    const pm_msgs *config_problems; /* painmap.conf's problems: the staff queue lists them */
    const int *langs;            /* content indices of the languages offered, in order */
    int nlangs;
    int lw, lh;                  /* the frame's size (logical pixels) */
    uint64_t now;                /* ms, monotonic (virtual in replays) */
    int64_t wall;                /* wall clock, UTC seconds */
} screen_ctx;

/* Text in the flow's language (the key itself when there is no content). */
const char *T(const screen_ctx *s, const char *key);
/* Text in the staff language (the clinic's default language). */
const char *TS(const screen_ctx *s, const char *key);

typedef struct {
    void (*layout)(screen_ctx *s);
    void (*draw)(screen_ctx *s);
    /* A finger on widget w (ACT_AREA): down (starts) or moving. Returns
     * whether the touch means a core event, and which in *ev (EV_TOUCH:
     * only the view changed, e.g. a zoom, which still counts as the
     * client's activity). */
    bool (*area)(screen_ctx *s, const widget *w, int x, int y, bool starts, flow_event *ev);
} screen_ops;

#endif
