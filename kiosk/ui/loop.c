/* loop.c — the interactive loop: wait for a touch, translate it to a
 * logical point, dispatch it, redraw once when something changed, tell
 * the watchdog, and otherwise sleep.
 *
 * Why the loop sleeps the way it does: on the dummy and KMSDRM video
 * drivers SDL2's SDL_WaitEventTimeout polls every millisecond, so an idle
 * kiosk would wake a thousand times a second. It sleeps instead until the
 * next thing that can change the screen (app_next_deadline: the idle
 * prompt, its countdown, the wipe, thanks, a save retry, staff mode's
 * clock; or the watchdog's ping), and a touch wakes it at once: on KMSDRM
 * it watches the same evdev devices SDL reads (platform/inputwait), the
 * dummy driver has no input at all, and on X11/Wayland SDL's own wait
 * really blocks. Only on drivers where none of that holds does it poll,
 * briefly after a touch and every 100 ms when nobody is there. */
#include "ui/app_private.h"

#include <stdio.h>
#include <string.h>

#include "platform/inputwait.h"
#include "platform/journal.h"
#include "platform/sdnotify.h"
#include "upkeep.h"

/* ---- translate: an SDL event as a finger's ------------------------------------- */

static void touch(app *a, ptr_type type, SDL_FingerID id, double nx, double ny)
{
    /* One finger at a time: the one that went down first is followed; a
     * second finger's touch only tells the dispatcher (it spoils the staff
     * gesture and presses nothing), its moves and lift are nobody's. */
    if (type == PTR_DOWN && a->seen.finger_down) {
        app_pointer(a, PTR_DOWN, 0, 0);
        return;
    }
    if (type != PTR_DOWN && (!a->seen.finger_down || id != a->finger))
        return;
    if (type == PTR_DOWN)
        a->finger = id;
    int x, y;
    if (display_map_touch(a->disp, nx, ny, r_w(a->rc), r_h(a->rc), &x, &y))
        app_pointer(a, type, x, y);
    else if (type == PTR_UP)
        app_pointer(a, PTR_UP, 0, 0); /* lifted off the frame: still lifted */
}

static void mouse(app *a, ptr_type type, int wx, int wy)
{
    int x, y;
    if (display_map_mouse(a->disp, wx, wy, r_w(a->rc), r_h(a->rc), &x, &y))
        app_pointer(a, type, x, y);
    else if (type == PTR_UP)
        app_pointer(a, PTR_UP, 0, 0);
}

bool app_sdl_event(app *a, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT:
        return false;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            app_resize(a);
        a->exposed = true;
        break;
    case SDL_FINGERDOWN:
        touch(a, PTR_DOWN, e->tfinger.fingerId, e->tfinger.x, e->tfinger.y);
        break;
    case SDL_FINGERMOTION:
        touch(a, PTR_MOVE, e->tfinger.fingerId, e->tfinger.x, e->tfinger.y);
        break;
    case SDL_FINGERUP:
        touch(a, PTR_UP, e->tfinger.fingerId, e->tfinger.x, e->tfinger.y);
        break;
    /* Real touch panels send both finger and mouse events: take the mouse
     * only when it is a mouse. */
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT)
            mouse(a, PTR_DOWN, e->button.x, e->button.y);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which != SDL_TOUCH_MOUSEID && (e->motion.state & SDL_BUTTON_LMASK))
            mouse(a, PTR_MOVE, e->motion.x, e->motion.y);
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT)
            mouse(a, PTR_UP, e->button.x, e->button.y);
        break;
    case SDL_KEYDOWN:
        /* Staff with a keyboard attached: Escape leaves a desktop window,
         * but asks first with an intake open (app_escape). */
        if (e->key.keysym.sym == SDLK_ESCAPE && !e->key.repeat)
            return app_escape(a);
        break;
    default:
        break;
    }
    return true;
}

/* ---- wait ------------------------------------------------------------------------ */

/* How the loop waits for the next event (see the top of this file). */
typedef enum {
    WAIT_SDL,     /* SDL_WaitEventTimeout really blocks (X11, Wayland...) */
    WAIT_DEVICES, /* sleep in poll() on the evdev devices (KMSDRM; dummy: none) */
    WAIT_POLL,    /* anything else: poll SDL, nap in between */
} wait_mode;

/* The longest the loop sleeps even when nothing is due (welcome). It bounds
 * what a sleep could miss to a second, the old idle tick: SIGTERM landing
 * just before poll() (SDL's handler only queues SDL_QUIT), a device that
 * could not be watched. */
enum { WAIT_MAX_MS = 1000 };

static wait_mode wait_mode_for(const char *drv, inputwait *iw)
{
    inputwait_open(iw, NULL);
    if (!drv)
        return WAIT_POLL;
    if (strcmp(drv, "x11") == 0 || strcmp(drv, "wayland") == 0 || strcmp(drv, "windows") == 0 ||
        strcmp(drv, "cocoa") == 0)
        return WAIT_SDL;
    if (strcmp(drv, "dummy") == 0 || strcmp(drv, "offscreen") == 0)
        return WAIT_DEVICES; /* no input: a sleep that signals cut short */
    if (strcmp(drv, "kmsdrm") == 0 || strcmp(drv, "evdev") == 0) {
        /* SDL reads the evdev devices there; watch the same ones. */
        inputwait_close(iw);
        if (inputwait_open(iw, "/dev/input"))
            return WAIT_DEVICES;
        fprintf(stderr, "painmap: cannot watch /dev/input; polling for touches instead\n");
        inputwait_close(iw);
        inputwait_open(iw, NULL);
    }
    return WAIT_POLL;
}

/* Waits for the next event, but no longer than until something is due.
 * Returns whether e holds an event. */
static bool wait_event(app *a, wait_mode mode, inputwait *iw, uint64_t last_input, SDL_Event *e)
{
    if (SDL_PollEvent(e) == 1)
        return true;
    uint64_t now = SDL_GetTicks64();
    a->now = now;
    uint64_t due = app_next_deadline(a);
    uint64_t ping = sdnotify_watchdog_due(&a->wd);
    if (ping < due)
        due = ping;
    uint64_t ms = due > now ? due - now : 0;
    if (ms > WAIT_MAX_MS)
        ms = WAIT_MAX_MS;
    switch (mode) {
    case WAIT_SDL:
        return SDL_WaitEventTimeout(e, (int)ms) == 1;
    case WAIT_DEVICES:
        inputwait_wait(iw, (int)ms);
        break;
    case WAIT_POLL: {
        /* Briefly right after a touch, so a signature stays smooth. */
        uint64_t quiet = now - last_input;
        uint64_t nap = quiet < 3000 ? 8 : quiet < 30000 ? 40 : 100;
        SDL_Delay((Uint32)(nap < ms ? nap : ms));
        break;
    }
    }
    return SDL_PollEvent(e) == 1;
}

/* ---- the loop ---------------------------------------------------------------------- */

/* Time-driven work, then the frame if it changed. */
static void turn(app *a)
{
    a->now = SDL_GetTicks64();
    sdnotify_watchdog_kick(&a->wd, a->now);
    app_tick(a);
    if (a->store && !a->upkeep_at_start && upkeep_due(a->upkeep_last, app_wall_time(a)))
        app_upkeep(a, false);
    bool draw = a->dirty || a->press_ring || a->pad_ink || (a->flow && flow_wants_save(a->flow));
    app_update(a);
    if (draw || a->exposed) {
        app_present(a);
        a->exposed = false;
    }
}

/* The one line that says where the start went (platform/startup.h). */
static void log_startup(app *a)
{
    if (!a->startup)
        return;
    startup_mark(a->startup, STARTUP_FRAME);
    char line[400];
    startup_describe(a->startup, line, sizeof line);
    journal_log(JOURNAL_INFO, "%s", line);
}

int app_run(app *a)
{
    inputwait iw;
    wait_mode mode = wait_mode_for(SDL_GetCurrentVideoDriver(), &iw);
    bool running = true;
    uint64_t last_input = SDL_GetTicks64();
    a->now = last_input;
    sdnotify_watchdog_init(&a->wd);
    bool announced = false;
    while (running) {
        turn(a);
        if (!announced) {
            announced = true;
            log_startup(a); /* where the start went, to the first frame */
            app_started(a); /* the first frame is up: the intakes' upkeep, then ready */
            sdnotify_ready();
            sdnotify_status("showing the kiosk");
            app_warm(a); /* the first frame is up: now the fonts for the next */
        }
        SDL_Event e;
        bool got = SDL_PollEvent(&e) == 1;
        if (!got && app_work(a))
            continue; /* one file copied: its progress is the next turn's frame */
        if (!got && app_ahead(a))
            continue; /* one piece drawn ahead: events first, then the next */
        if (!got)
            got = wait_event(a, mode, &iw, last_input, &e);
        while (got) {
            last_input = SDL_GetTicks64();
            a->now = last_input;
            if (!app_sdl_event(a, &e))
                running = false;
            got = SDL_PollEvent(&e) == 1;
        }
    }
    inputwait_close(&iw);
    sdnotify_stopping();
    return 0;
}
