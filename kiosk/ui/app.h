/* app.h — the kiosk's SDL shell: one struct that holds everything the
 * front end knows, so there is no global mutable state anywhere in ui/.
 *
 * The shell draws the core's state and turns touches into core events; it
 * holds no intake logic. A frame is drawn into an offscreen texture of the
 * logical size (what the client sees, after rotation), then copied to the
 * window rotated; replays and screenshots read that texture. */
#ifndef PM_UI_APP_H
#define PM_UI_APP_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "content.h"
#include "desk.h"
#include "flow.h"
#include "store.h"
#include "platform/sdnotify.h"

#define UI_MAX_WIDGETS 200
#define UI_TEXT_CACHE 256

/* What a widget does when tapped: most send a flow event; a few only change
 * how the screen is shown (zoom, keyboard layer, scrolling). */
#define APP_FONT_SIZES 40 /* distinct text sizes kept open at once */

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
} ui_action;

typedef enum {
    WS_PRIMARY,   /* the way on: filled, dark */
    WS_SECONDARY, /* back, clear, view toggle: outlined */
    WS_CHOICE,    /* an answer; selected ones are filled with a tick */
    WS_KEY,       /* keyboard key */
    WS_SCALE,     /* 0-10 intensity number, coloured */
    WS_LINK,      /* small "Edit" button */
    WS_DANGER,    /* staff: delete (filled, red) */
    WS_HIDDEN,    /* not drawn by the widget code */
} widget_style;

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
} widget;

typedef struct {
    char *s;           /* owned copy, wiped on free */
    int px;
    bool bold;
    unsigned rgb;
    SDL_Texture *tex;
    int w, h;
    uint32_t used;
} text_entry;

/* The body-chart transform: screen = o + chart * s. */
typedef struct {
    double s, ox, oy;
    SDL_Rect clip;
    bool art_once;               /* the artwork's raster is used once: keep none */
} chart_xf;

/* A raster of part of the artwork (chart.c art_draw): the figure of view
 * drawn fw x fh pixels, of which part was rasterised. */
#define APP_ART_RASTERS 2
typedef struct {
    SDL_Texture *tex;
    pm_view view;
    int fw, fh;
    SDL_Rect part;
    uint32_t used;
} art_raster;

/* A small chart drawn once into a texture (chart.c chart_draw_pattern). */
#define APP_PICTURES 8
typedef struct {
    SDL_Texture *tex;
    int muscle;
    SDL_Rect area;
    bool selected;               /* drawn on a selected card */
    uint32_t used;
} chart_picture;

typedef struct app {
    /* what we run on */
    const pm_content *content;   /* NULL when it failed to load */
    flow *flow;
    const char *data_dir;
    const char *assets_dir;
    const char *state_dir;
    const char *font_dir;
    char attention[PM_MSG_MAX];  /* non-empty: the "needs attention" screen */

    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *frame;          /* the logical frame the client sees */
    int rotate;                  /* 0, 90, 180, 270 (clockwise) */
    int lw, lh;                  /* logical size */
    double u;                    /* size unit: 1.0 at 480 px short side */
    bool headless;

    TTF_Font *font[2];           /* regular, bold; NULL when missing */
    /* The font files in memory and one open font per pixel size: changing a
     * font's size empties SDL_ttf's glyph cache, so each size keeps its own
     * (render.c font_at). */
    void *font_data[2];
    size_t font_len[2];
    TTF_Font *sized[2][APP_FONT_SIZES];
    int sized_px[2][APP_FONT_SIZES];
    unsigned sized_next[2];
    text_entry cache[UI_TEXT_CACHE];
    uint32_t cache_clock;
    size_t cache_bytes;          /* bytes of the text textures held (render.c budget) */

    widget w[UI_MAX_WIDGETS];
    int nw;
    SDL_Rect body;               /* area between top bar and bottom bar */

    uint64_t now;                /* ms, monotonic (virtual in replays) */
    bool dirty;
    bool exposed;                /* the window needs the frame again */
    bool show_hint;              /* Next was tapped while blocked */
    int hint_screen, hint_step;

    /* screen-local presentation state (never intake data) */
    struct {
        double zoom;             /* 1 = whole figure */
        double cx, cy;           /* zoom centre, chart units */
        pm_view zoom_view;
        bool zoom_note;
    } chart;
    struct {
        bool shift;              /* one-shot capital */
        int layer;               /* 0 letters, 1 accented letters */
    } kb;
    /* A step with many choices is shown in parts (details: strength, then
     * feelings, then how long), one question per view. -1: the last part
     * (arriving backwards). Screens set parts in layout(). */
    int part, parts;
    int seen_done;               /* progress shown last */
    bool went_back;              /* the last flow event was Back */
    int scroll;                  /* review: first row shown */
    int scroll_max;
    int drag_owner;              /* widget index taking finger motion, -1 none */

    /* art: the SVG text read once; the two rasters drawn last (whole
     * figure and zoomed, or front and back: chart.c) */
    char *art_svg[VIEW_COUNT];
    art_raster art[APP_ART_RASTERS];
    /* Pattern pictures: one raster of each whole figure, scaled down for
     * every small chart (chart.c art_small), so a dozen pictures cost two
     * rasterisations instead of a dozen. fw/fh 0: none yet. */
    art_raster art_small[VIEW_COUNT];
    uint32_t art_clock;
    bool art_missing[VIEW_COUNT];
    /* small pattern charts: content, not client data, except which were
     * drawn selected (dropped by app_forget_client) */
    chart_picture pics[APP_PICTURES];
    uint32_t pics_clock;

    /* staff mode (core/staff/desk.h) and the clinic's config */
    pm_config config;
    /* Every problem found in painmap.conf (and its languages), as logged:
     * the staff queue lists them, since the journal is out of staff's reach. */
    pm_msgs config_problems;
    int langs[CONTENT_MAX_LANGS]; /* content indices of the languages offered, in order */
    int nlangs;
    desk *desk;
    unsigned seen_desk_closes;
    desk_screen seen_desk;
    bool desk_checking;          /* the PIN is being checked: "Checking..." */
    char staff_label[160];       /* a button label made at layout (counts) */
    int64_t wall0;               /* headless: the wall clock at now = 0 (fixed, for goldens) */
    bool fixed_wall;
    int64_t upkeep_last;
    sdnotify_watchdog wd;        /* kicked from the loop and from long work (the copy) */         /* wall clock of the last retention run (-1: never) */

    /* saving */
    store *store;
    char saved_stem[64];
    char saved_path[1024];
    char save_error[PM_MSG_MAX];

    /* change detection */
    pm_screen seen_screen;
    int seen_step;
    unsigned seen_resets;
    uint32_t seen_countdown;     /* idle prompt: seconds shown last */

    bool break_words;            /* render.c: the current box may break words */
    /* layout checking: count of text that did not fit its box */
    int overflows;
    bool report_overflow;
    char overflow_where[64];
    /* When set (the layout check), each overflow is described here once
     * (render.c ui_overflow) instead of on stderr. */
    pm_msgs *overflow_msgs;
    int overflows_described;     /* of overflows, how many ui_overflow described */
    /* Lay out and measure text, draw no pixels (the layout check): the
     * drawing primitives in render.c return at once. */
    bool measure_only;
} app;

typedef struct {
    int w, h;                /* window size (the panel) */
    int rotate;
    bool headless;           /* dummy driver, software renderer, no window shown */
    bool fullscreen;
    const char *data_dir, *assets_dir, *state_dir, *font_dir;
    const char *lang;
    const flow_timing *timing; /* from the clinic's config; NULL: the defaults */
    const pm_config *config;   /* the clinic's config; NULL: every default */
    const pm_msgs *config_problems; /* config_load's messages (copied); NULL: none */
    const char *usb_mount;     /* the stick's folder; NULL: EXPORT_MOUNT_DEFAULT */
    bool usb_any_folder;       /* tests and desktops: any folder there counts as a stick */
} app_options;

/* Creates the window, renderer, fonts, content and flow. A content or font
 * problem is not an error here: the app shows "needs attention" instead.
 * Returns false only when SDL itself cannot start (message on stderr). */
bool app_init(app *a, const app_options *o);
void app_quit(app *a);

/* Runs the interactive loop until the window closes. */
int app_run(app *a);

/* One logical tap (finger down and up) at x, y. */
void app_tap(app *a, int x, int y);
/* A finger held still at x, y for ms (the staff gesture), then lifted. */
void app_hold(app *a, int x, int y, uint32_t ms);
/* The wall clock (UTC seconds): real, or fixed + virtual time in replays. */
int64_t app_wall_time(const app *a);
/* Text in the staff language (the clinic's default language). */
const char *TS(const app *a, const char *key);
/* A finger stroke through points (logical). */
void app_drag(app *a, const int *xs, const int *ys, int n);
/* Advances the clock (replays) and lets time-driven things happen. */
void app_advance(app *a, uint32_t ms);
/* Performs pending work (the save) and redraws the frame if dirty. */
void app_update(app *a);
/* Draws the frame now (into a->frame) and lays out widgets. */
void app_draw(app *a);
/* Copies the frame to the window. */
void app_present(app *a);
/* Saves the current frame as PNG. Returns false with SDL's error logged. */
bool app_save_png(app *a, const char *path);

/* Finds a widget by id (NULL when not on screen now). */
const widget *app_widget(const app *a, const char *id);
/* The name `expect` compares against: a screen name or "still_there" or
 * "needs_attention", or in staff mode "staff_pin", "staff_queue",
 * "staff_intake", "staff_confirm_delete", "staff_export", "staff_exporting",
 * "staff_export_done". */
const char *app_screen_name(const app *a);
/* Text in the flow's language. */
const char *T(const app *a, const char *key);

/* Clears everything a previous client could have left (text cache, screen
 * state). Called whenever the flow returns to welcome with a wipe. */
void app_forget_client(app *a);

#endif
