/* app.h — the kiosk's SDL shell, assembled: the door main.c and the test
 * kit use. The shell draws the core's state and turns touches into core
 * events; it holds no intake logic.
 *
 * Inside (kiosk/README.md has the picture), each part owned by one module:
 *   display.c   SDL, the window, the renderer, rotation
 *   render.c    the render context: frame, fonts, text cache, primitives
 *   widgets.c   the widget list; chart.c the artwork cache
 *   screens/    the screen registry and one file per screen
 *   dispatch.c  the one dispatcher: a touch or a tick becomes one core
 *               event, handed to the flow or the desk, the saver stepped
 *   redraw.c    the frame drawn once when something changed
 *   loop.c      wait, translate SDL events, dispatch, redraw, watchdog
 *   app.c       start-up and shut-down, the core objects, what tests read
 * The struct is private to those files (app_private.h).
 *
 * The way in is app_pointer(): every touch, from the panel or from a
 * replay (the test kit pushes the SDL finger events a finger makes into
 * app_sdl_event, through the rotation), takes that one path to the core.
 *
 * Ownership: app_create makes everything, app_destroy frees it; pointers
 * the accessors return stay valid until the next call that changes the
 * app (a touch, a tick, a redraw). */
#ifndef PM_UI_APP_H
#define PM_UI_APP_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "content.h"
#include "desk.h"
#include "flow.h"
#include "saver.h"
#include "ui/chart.h"
#include "ui/input.h"
#include "ui/render.h"
#include "ui/screens/screen.h"
#include "ui/widgets.h"
#include "platform/startup.h"

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
    startup_marks *startup;    /* where the start went (marked as it goes, logged with the
                                * first frame); NULL: not kept. Owned by the caller. */
} app_options;

typedef struct app app;

/* Starts SDL, the window, fonts, content, store, saver and desk. A content
 * or font problem is not an error here: the app shows "needs attention"
 * instead (app_attention says why). Returns NULL only when SDL itself
 * cannot start or memory runs out (the reason is logged). */
app *app_create(const app_options *o);
/* Tries once more to save what a failed save left in memory, then frees
 * everything. */
void app_destroy(app *a);

/* Runs the interactive loop until the window closes or SIGTERM. */
int app_run(app *a);

/* ---- input: one way in ------------------------------------------------------ */

typedef enum { PTR_DOWN, PTR_MOVE, PTR_UP } ptr_type;

/* A finger at logical point (x, y). Every touch goes through here. */
void app_pointer(app *a, ptr_type type, int x, int y);
/* One SDL event as the panel sends it (finger, mouse, window, key): mapped
 * through the rotation to a logical point and into app_pointer. Returns
 * false when the kiosk should stop (SDL_QUIT, Escape on a desktop). */
bool app_sdl_event(app *a, const SDL_Event *e);
/* Escape from a keyboard: false when the kiosk should stop (a desktop
 * window showing welcome or staff mode); with an intake open it asks
 * "Start over?" first; on the kiosk's fullscreen panel it does nothing. */
bool app_escape(app *a);

/* How the frame sits on the panel (rotation, sizes): where a finger must
 * touch the panel to land on a logical point (input_to_output). */
input_map app_input_map(const app *a);
/* Advances the virtual clock (replays), in steps of at most 100 ms, and
 * lets time-driven things happen (a finger held down included), the work
 * between frames too (a copy to the stick is finished). */
void app_advance(app *a, uint32_t ms);
/* A core event as if a widget meant it (the layout check sets the language
 * this way). */
void app_send(app *a, const flow_event *ev);

/* ---- drawing ---------------------------------------------------------------- */

/* Performs pending work (the save) and redraws the frame if something
 * changed. A copy to the stick is not done here: the touch that starts it
 * shows the copying screen, and the copy goes on between frames
 * (app_work). */
void app_update(app *a);
/* Between frames: one step of the work a touch started, a file copied to
 * the stick and verified (desk_work), its progress (after the last one,
 * the report) to be drawn by the next frame. Returns whether it did one.
 * The loop calls it once per turn, looking at events in between, so no
 * frame waits for more than one file; app_advance calls it until done. */
bool app_work(app *a);
/* Draws the frame now and lays out the widgets. */
void app_draw(app *a);
/* Copies the frame to the window. */
void app_present(app *a);
/* What the loop does once the first frame is on screen, while it waits for
 * the first touch: opens the fonts that frame drew with one shared font
 * (render.h, r_share_fonts), so the first tap does not open them. */
void app_warm(app *a);
/* Once the first frame is drawn: the start's upkeep of the intakes folder
 * (unfinished saves removed, missing print pages made again, the clock
 * checked and its reference kept, retention), which app_create leaves for
 * now so that none of it (a folder scan per step, a file synced) delays
 * the first frame. The loop calls it before it tells systemd it is ready;
 * a replay after its first frame. Only the first call does anything. */
void app_started(app *a);
/* Saves the current frame as PNG. false with the reason in why. */
bool app_save_png(app *a, const char *path, char *why, size_t why_size);

/* ---- what tests and tools read --------------------------------------------- */

/* What a touch at logical (x, y) would act on now, by name: a widget's id,
 * or a surface's target ("chart/calf_l", "chart/zoom"); "" for nothing.
 * Asks only; touches nothing. */
void app_target_at(app *a, int x, int y, char *name, size_t size);
/* Where a finger aims at the surface target named (a chart region's id):
 * the centre of the largest circle inside it now. *now is false when a
 * touch there only brings it within reach (opens a close-up). false when
 * the screen has no such target. */
bool app_aim(app *a, const char *name, int *x, int *y, bool *now);

/* The name `expect` compares against: a screen name or "still_there" or
 * "needs_attention", in Learn "learn_areas", "learn_list", "learn_page", or in staff mode "staff_pin", "staff_queue",
 * "staff_intake", "staff_confirm_delete", "staff_export", "staff_exporting",
 * "staff_export_done". */
const char *app_screen_name(const app *a);
/* The widget with this id on screen now, or NULL (laid out first if the
 * frame is stale). */
const widget *app_widget(app *a, const char *id);
const wlist *app_widgets(app *a);
bool app_dirty(const app *a);
/* NULL when the kiosk needs attention. */
const flow *app_flow(const app *a);
const pm_content *app_content(const app *a);
const screen_view *app_view(const app *a);
const saver *app_saver(const app *a);
/* Staff mode as the core holds it (what its screens draw); NULL when the
 * kiosk needs attention. */
const desk *app_desk(const app *a);
/* Why the kiosk needs attention ("" when it does not). */
const char *app_attention(const app *a);
int app_width(const app *a);
int app_height(const app *a);
/* The render context (the layout check measures; overflows are counted
 * there) and the artwork (the layout check skips it). */
rctx *app_render(app *a);
chart_art *app_chart(app *a);
/* The folder saved intakes go to (STATE/intakes), or "" when the store
 * could not open (tests look there: nothing of a client left behind). */
const char *app_intakes_dir(const app *a);
/* The wall clock (UTC seconds): real, or fixed + virtual time headless. */
int64_t app_wall_time(const app *a);

#endif
