/* widgets.h — the widget list: the few things a client touches (buttons,
 * choices, keys, the 0-10 scale) with what each means when touched.
 *
 * A screen adds its widgets in layout(); the app draws them after the
 * screen's own drawing and hit-tests them (last added wins, so overlays
 * sit on top). A widget only says what a touch means (a core event, or a
 * change to how the screen is shown); the dispatcher (ui/dispatch.c) acts
 * on it. The list is opaque: screens add, the dispatcher and the test kit
 * find and hit-test.
 *
 * Ownership: the list owns its widgets; a widget's label is the caller's
 * (content-owned or static text that outlives the frame). Pointers into
 * the list stay valid until the next w_clear. */
#ifndef PM_UI_WIDGETS_H
#define PM_UI_WIDGETS_H

#include <SDL.h>
#include <stdbool.h>

#include "desk.h"
#include "flow.h"
#include "learn.h"
#include "ui/render.h"

/* What a widget does when touched: most send a flow event; a few only
 * change how the screen is shown (zoom, keyboard layer, scrolling). */
typedef enum {
    ACT_NONE,
    ACT_FLOW,
    ACT_KEY,         /* on-screen keyboard: type widget.text */
    ACT_KEY_SHIFT,
    ACT_KEY_LAYER,
    ACT_ZOOM_OUT,
    ACT_SCROLL_UP,
    ACT_SCROLL_DOWN,
    ACT_AREA,        /* drawn and hit-tested by the screen (chart, pad) */
    ACT_PART_NEXT,   /* a screen shown in parts: the next part (not a flow step) */
    ACT_PART_BACK,
    ACT_DESK,        /* staff mode: send desk_ev with desk_arg to the desk */
    ACT_ASK_START_OVER, /* "Start over": ask once (a dialog over the screen) */
    ACT_DIALOG_CLOSE,   /* close the dialog or the enlarged picture showing */
    ACT_LARGE_TEXT,     /* larger text on or off */
    ACT_ENLARGE,        /* show picture view_arg full screen (a pattern's muscle) */
    ACT_LEARN,       /* Learn: send learn_ev with learn_arg to Learn */
} ui_action;

typedef enum {
    WS_PRIMARY,   /* the way on: filled, dark; muted (waiting): a dashed outline */
    WS_SECONDARY, /* back, clear, view toggle: outlined */
    WS_CHOICE,    /* one of several that may all be chosen: a square tick box */
    WS_RADIO,     /* one of a set of which one is chosen: a round button */
    WS_KEY,       /* keyboard key */
    WS_SCALE,     /* 0-10 intensity number, coloured */
    WS_LINK,      /* small "Edit" button */
    WS_DANGER,    /* staff: delete (filled, red) */
    WS_HIDDEN,    /* not drawn by the widget code */
} widget_style;

enum { WIDGET_ICON_NONE, WIDGET_ICON_ZOOM };

typedef struct {
    char id[48];       /* stable id for `press ID` in replays */
    SDL_Rect r;        /* logical pixels */
    widget_style style;
    ui_action act;
    flow_event ev;     /* for ACT_FLOW (ev.text unused) */
    char text[8];      /* for ACT_KEY: the UTF-8 it types */
    const char *label; /* text drawn on it (content-owned or static) */
    bool selected;
    bool muted;        /* e.g. Next while something is missing: still tappable */
    unsigned fill;     /* WS_SCALE: band colour 0xRRGGBB */
    int px, py;        /* where `press` touches (defaults to the centre) */
    desk_event desk_ev; /* for ACT_DESK */
    int desk_arg;
    int view_arg;      /* for ACT_ENLARGE */
    int icon;          /* WIDGET_ICON_*: drawn instead of the label */
    bool compact;      /* WS_CHOICE, WS_RADIO, WS_SECONDARY, WS_SCALE: a smaller label size */
    learn_event learn_ev; /* for ACT_LEARN */
    int learn_arg;
} widget;

typedef struct wlist wlist;

/* NULL when out of memory. */
wlist *wlist_create(void);
void wlist_destroy(wlist *wl);

void w_clear(wlist *wl);
/* Adds a widget; returns it (never NULL: a full list reuses the last slot
 * and logs, which only a programming error can cause). */
widget *w_add(wlist *wl, const char *id, SDL_Rect r, widget_style style, const char *label);
widget *w_flow(wlist *wl, const char *id, SDL_Rect r, widget_style style, const char *label,
               flow_event_type type, int arg);
/* A staff-mode button: sends ev with arg to the desk. */
widget *w_desk(wlist *wl, const char *id, SDL_Rect r, widget_style style, const char *label,
               desk_event ev, int arg);

/* A Learn button: sends ev with arg to Learn (core/intake/learn.h). */
widget *w_learn(wlist *wl, const char *id, SDL_Rect r, widget_style style, const char *label,
                learn_event ev, int arg);

/* The widget with this id (the last added of that id), or NULL. */
const widget *w_find(const wlist *wl, const char *id);
int w_count(const wlist *wl);
const widget *w_at(const wlist *wl, int i);
/* The topmost widget containing (x, y) that does something, or -1. */
int w_hit(const wlist *wl, int x, int y);

void w_draw(rctx *rc, const widget *w);
/* The tick box or radio button drawn inside a choice (WS_CHOICE, WS_RADIO),
 * or an empty rect: the contrast check measures it against the fill. */
SDL_Rect w_indicator(const rctx *rc, const widget *w);
void w_draw_all(rctx *rc, const wlist *wl);

#endif
