/* app.c — the loop: wait for a touch, map it, turn it into a core event,
 * redraw once when something changed, and otherwise sleep.
 *
 * Why the loop sleeps the way it does: on the dummy and KMSDRM video
 * drivers SDL2's SDL_WaitEventTimeout polls every millisecond, so an idle
 * kiosk would wake a thousand times a second. It sleeps instead until the
 * next thing that can change the screen (flow_next_deadline: the idle
 * prompt, its countdown, the wipe, thanks; or the watchdog's ping), and a
 * touch wakes it at once: on KMSDRM it watches the same evdev devices SDL
 * reads (platform/inputwait), the dummy driver has no input at all, and on
 * X11/Wayland SDL's own wait really blocks. Only on drivers where none of
 * that holds does it poll, briefly after a touch and every 100 ms when
 * nobody is there. */
#include "ui/app.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "summary.h"
#include "textkeys.h"
#include "seal.h"
#include "upkeep.h"
#include "platform/inputwait.h"
#include "platform/journal.h"
#include "platform/sdnotify.h"
#include "ui/chart.h"
#include "ui/input.h"
#include "ui/render.h"
#include "ui/screens/screens.h"
#include "ui/screens/staff_ui.h"

const char *T(const app *a, const char *key)
{
    if (!a->content)
        return key;
    return content_text(a->content, a->flow ? flow_lang(a->flow) : 0, key);
}

const char *TS(const app *a, const char *key)
{
    if (!a->content)
        return key;
    return content_text(a->content, a->desk ? desk_lang(a->desk) : 0, key);
}

/* Replays run on a fixed wall clock (2026-11-27 09:00 UTC plus their
 * virtual time), so saved names, times shown and screenshots repeat. */
#define REPLAY_WALL0 INT64_C(1795770000)

int64_t app_wall_time(const app *a)
{
    if (a->fixed_wall)
        return a->wall0 + (int64_t)(a->now / 1000);
    return (int64_t)time(NULL);
}

static desk_clock desk_now(const app *a)
{
    return (desk_clock){a->now, app_wall_time(a)};
}

static bool staff_open(const app *a)
{
    return a->desk && desk_is_open(a->desk);
}

const widget *app_widget(const app *a, const char *id)
{
    for (int i = a->nw - 1; i >= 0; i--)
        if (strcmp(a->w[i].id, id) == 0)
            return &a->w[i];
    return NULL;
}

const char *app_screen_name(const app *a)
{
    if (a->attention[0] || !a->flow)
        return "needs_attention";
    if (staff_open(a)) {
        switch (desk_screen_now(a->desk)) {
        case DESK_PIN: return "staff_pin";
        case DESK_UNLOCK: return "staff_unlock";
        case DESK_QUEUE: return "staff_queue";
        case DESK_INTAKE: return "staff_intake";
        case DESK_CONFIRM_DELETE: return "staff_confirm_delete";
        case DESK_EXPORT: return "staff_export";
        case DESK_EXPORTING: return "staff_exporting";
        case DESK_EXPORT_DONE: return "staff_export_done";
        case DESK_CLOSED: break;
        }
    }
    if (flow_still_there(a->flow))
        return "still_there";
    return content_screen_name(flow_screen(a->flow));
}

static void set_size(app *a, int lw, int lh)
{
    if (a->frame && lw == a->lw && lh == a->lh)
        return;
    if (a->frame)
        SDL_DestroyTexture(a->frame);
    a->lw = lw;
    a->lh = lh;
    int shorter = lw < lh ? lw : lh;
    a->u = shorter / 480.0;
    if (a->u < 0.8)
        a->u = 0.8;
    a->frame = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, lw, lh);
    if (!a->frame)
        journal_log(JOURNAL_ERR, "cannot create a %dx%d frame: %s", lw, lh, SDL_GetError());
    text_cache_clear(a); /* sizes changed */
    chart_pictures_clear(a, false);
    a->dirty = true;
}

static void open_fonts(app *a)
{
    const char *dir = a->font_dir ? a->font_dir : "/usr/share/fonts/truetype/dejavu";
    static const char *const names[2] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
    for (int i = 0; i < 2; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        /* read once into memory: every size opens from there, no file I/O */
        size_t len = 0;
        void *data = SDL_LoadFile(path, &len);
        a->font[i] = data ? TTF_OpenFontRW(SDL_RWFromConstMem(data, (int)len), 1, 22) : NULL;
        if (a->font[i]) {
            a->font_data[i] = data;
            a->font_len[i] = len;
        } else {
            SDL_free(data);
        }
        if (!a->font[i]) {
            /* one message per font, each on its own line */
            journal_log(JOURNAL_ERR,
                        "needs attention: font %s cannot be opened (%s); install "
                        "fonts-dejavu-core (scripts/setup-deps)",
                        path, TTF_GetError());
            snprintf(a->attention, sizeof a->attention, "font missing: %.400s", path);
        } else {
            TTF_SetFontHinting(a->font[i], TTF_HINTING_LIGHT);
        }
    }
}

static void load_content(app *a, const app_options *o)
{
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    pm_status st = content_load(o->data_dir, &c, &problems);
    if (st == PM_OK && content_check_program_texts(c, textkeys_program, textkeys_program_count,
                                                   &problems)) {
        content_free(c);
        c = NULL;
        st = PM_ERR_INVALID;
    }
    for (size_t i = 0; i < problems.count; i++)
        journal_log(JOURNAL_WARNING, "%s", problems.items[i]);
    pm_msgs_free(&problems);
    if (st != PM_OK) {
        journal_log(JOURNAL_ERR,
                    "needs attention: the content in %s cannot be used (%s); run painmap "
                    "--check-data %s for the list",
                    o->data_dir, pm_status_name(st), o->data_dir);
        snprintf(a->attention, sizeof a->attention, "content problem in %.400s", o->data_dir);
        return;
    }
    a->content = c;
    /* The languages the clinic offers, in its order (all the content has when
     * the config names none); codes the content lacks are reported. */
    pm_msgs lm;
    pm_msgs_init(&lm);
    config_check_languages(&a->config, c, &lm);
    for (size_t i = 0; i < lm.count; i++)
        journal_log(JOURNAL_WARNING, "%s", lm.items[i]);
    pm_msgs_free(&lm);
    a->nlangs = 0;
    for (size_t i = 0; i < a->config.nlanguages && a->nlangs < CONTENT_MAX_LANGS; i++)
        for (size_t k = 0; k < content_lang_count(c); k++)
            if (strcmp(content_lang_code(c, k), a->config.languages[i]) == 0)
                a->langs[a->nlangs++] = (int)k;
    if (a->nlangs == 0) /* cannot happen after the check; never offer nothing */
        for (size_t k = 0; k < content_lang_count(c) && a->nlangs < CONTENT_MAX_LANGS; k++)
            a->langs[a->nlangs++] = (int)k;
    flow *f = NULL;
    st = flow_create(c, o->timing ? *o->timing : flow_default_timing(),
                     o->lang ? o->lang : a->config.default_language, a->now, &f);
    if (st != PM_OK) {
        journal_log(JOURNAL_ERR, "needs attention: cannot start the walk-through (%s)",
                pm_status_name(st));
        snprintf(a->attention, sizeof a->attention, "flow could not start");
        return;
    }
    a->flow = f;
    a->seen_screen = flow_screen(f);
    a->seen_resets = flow_resets(f);
}

/* The language staff read: the clinic's default language. */
static int staff_language(const app *a)
{
    for (size_t i = 0; i < content_lang_count(a->content); i++)
        if (strcmp(content_lang_code(a->content, i), a->config.default_language) == 0)
            return (int)i;
    return 0;
}

/* Retention (and at start-up the repairs of upkeep.h), logged. */
static void run_upkeep(app *a, bool startup)
{
    if (!a->store || !a->content)
        return;
    pm_msgs log;
    pm_msgs_init(&log);
    upkeep_result res;
    int64_t now = app_wall_time(a);
    if (startup)
        upkeep_startup(a->store, a->content, &a->config, staff_language(a), now, &res, &log);
    else
        upkeep_daily(a->store, &a->config, now, &res, &log);
    /* an untrusted clock is a warning: retention's own last line says why */
    for (size_t i = 0; i < log.count; i++)
        journal_log(res.retention_status == PM_ERR_STATE && i + 1 == log.count ? JOURNAL_WARNING
                                                                                : JOURNAL_NOTICE,
                    "%s", log.items[i]);
    pm_msgs_free(&log);
    a->upkeep_last = now;
}

/* The store opens at start (the queue and the PIN lock-out need it) and is
 * tried again at every save if it could not open now. */
/* Intakes sealed at rest (core/records/seal.h): with the clinic's key in
 * painmap.conf the store seals every record and page it writes. Without
 * one they are saved plain, and the log says so at every start. */
static void seal_store(app *a, bool say)
{
    if (!a->store)
        return;
    if (!config_seals(&a->config)) {
        if (say)
            journal_log(JOURNAL_WARNING,
                        "intakes are saved unsealed: whoever takes the SD card can read them. "
                        "Write staff_passphrase = (16 letters or more, chosen at random: "
                        "painmap --new-passphrase) in painmap.conf and restart");
        return;
    }
    seal_public pk;
    pm_msg err = {{0}};
    if (seal_ready(&err) != PM_OK
        || seal_public_parse(a->config.intake_public_key, &pk, &err) != PM_OK) {
        journal_log(JOURNAL_ERR, "painmap.conf: intake_public_key %s; intakes are saved UNSEALED "
                                 "until it is fixed", err.text);
        return;
    }
    store_set_seal(a->store, &pk);
}

static void open_store(app *a)
{
    pm_msg err = {{0}};
    /* On failure the store is still returned (when memory allows): a later
     * save tries the folder again. */
    if (store_open(a->state_dir, store_io_posix(), &a->store, &err) != PM_OK)
        journal_log(JOURNAL_ERR, "%s", err.text);
    seal_store(a, true);
}

/* Staff mode's log lines go to the journal with their priority. */
static void desk_log(void *ctx, desk_log_level level, const char *text)
{
    (void)ctx;
    journal_log(level == DESK_LOG_ERROR     ? JOURNAL_ERR
                : level == DESK_LOG_WARNING ? JOURNAL_WARNING
                                            : JOURNAL_NOTICE,
                "%s", text);
}

static void open_desk(app *a, const app_options *o)
{
    if (!a->content)
        return;
    desk_setup ds = {
        .content = a->content,
        .config = &a->config,
        .store = a->store,
        .io = o->usb_any_folder ? export_io_any_folder() : export_io_posix(),
        .mount = o->usb_mount,
        .staff_lang = staff_language(a),
        .log = desk_log,
    };
    if (desk_create(&ds, desk_now(a), &a->desk) != PM_OK) {
        journal_log(JOURNAL_ERR, "staff mode cannot start (out of memory)");
        a->desk = NULL;
    }
}

bool app_init(app *a, const app_options *o)
{
    memset(a, 0, sizeof *a);
    a->headless = o->headless;
    a->rotate = o->rotate;
    a->data_dir = o->data_dir;
    a->assets_dir = o->assets_dir;
    a->state_dir = o->state_dir;
    a->font_dir = o->font_dir;
    a->chart.zoom = 1;
    a->drag_owner = -1;
    a->upkeep_last = -1;
    if (o->config)
        a->config = *o->config;
    else
        config_defaults(&a->config, NULL);
    if (o->headless) {
        a->fixed_wall = true;
        a->wall0 = REPLAY_WALL0;
    }
    if (a->headless)
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        journal_log(JOURNAL_ERR, "cannot start SDL video: %s", SDL_GetError());
        return false;
    }
    if (TTF_Init() != 0) {
        journal_log(JOURNAL_ERR, "cannot start SDL_ttf: %s", TTF_GetError());
        SDL_Quit();
        return false;
    }
    IMG_Init(IMG_INIT_PNG);
    Uint32 flags = a->headless ? SDL_WINDOW_HIDDEN : SDL_WINDOW_RESIZABLE;
    if (o->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    a->win = SDL_CreateWindow("Painmap", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o->w,
                              o->h, flags);
    if (!a->win) {
        journal_log(JOURNAL_ERR, "cannot open a window: %s", SDL_GetError());
        return false;
    }
    a->ren = SDL_CreateRenderer(a->win, -1, a->headless ? SDL_RENDERER_SOFTWARE : 0);
    if (!a->ren)
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    if (!a->ren) {
        journal_log(JOURNAL_ERR, "cannot create a renderer: %s", SDL_GetError());
        return false;
    }
    int ow = o->w, oh = o->h;
    SDL_GetRendererOutputSize(a->ren, &ow, &oh);
    int lw, lh;
    input_logical_size(a->rotate, ow, oh, &lw, &lh);
    set_size(a, lw, lh);
    open_fonts(a);
    load_content(a, o);
    open_store(a);
    run_upkeep(a, true);
    open_desk(a, o);
    a->dirty = true;
    return true;
}

void app_forget_client(app *a)
{
    text_cache_clear(a);
    chart_pictures_clear(a, true);
    a->chart.zoom = 1;
    a->chart.zoom_note = false;
    a->kb.shift = true;
    a->kb.layer = 0;
    a->scroll = 0;
    a->part = 0;
    a->show_hint = false;
    a->drag_owner = -1;
    explicit_bzero(a->saved_stem, sizeof a->saved_stem);
    explicit_bzero(a->save_error, sizeof a->save_error);
    /* The last frame showed the old client: draw over it now. */
    a->dirty = true;
}

void app_quit(app *a)
{
    text_cache_clear(a);
    chart_free(a);
    if (a->desk)
        desk_destroy(a->desk);
    if (a->flow)
        flow_destroy(a->flow);
    if (a->content)
        content_free((pm_content *)a->content);
    if (a->store)
        store_close(a->store);
    for (int i = 0; i < 2; i++) {
        for (int k = 0; k < APP_FONT_SIZES; k++)
            if (a->sized[i][k])
                TTF_CloseFont(a->sized[i][k]);
        if (a->font[i])
            TTF_CloseFont(a->font[i]);
        SDL_free(a->font_data[i]);
    }
    if (a->frame)
        SDL_DestroyTexture(a->frame);
    if (a->ren)
        SDL_DestroyRenderer(a->ren);
    if (a->win)
        SDL_DestroyWindow(a->win);
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

/* After every flow event: notice screen changes and wipes. */
static void after_flow(app *a)
{
    if (!a->flow)
        return;
    if (flow_resets(a->flow) != a->seen_resets) {
        a->seen_resets = flow_resets(a->flow);
        app_forget_client(a);
    }
    pm_screen s = flow_screen(a->flow);
    int step = flow_step(a->flow);
    int done = 0, total = 0;
    flow_progress(a->flow, &done, &total);
    if (s != a->seen_screen || step != a->seen_step) {
        /* A screen in parts starts at its first part going forwards and at
         * its last going back, so Back retraces exactly. */
        a->part = a->went_back ? -1 : 0;
        if (s != a->seen_screen) {
            a->scroll = 0;
            if (s != SCREEN_CHART)
                a->chart.zoom = 1;
            if (s == SCREEN_NAME) {
                a->kb.layer = 0;
                a->kb.shift = !intake_name_given(flow_intake(a->flow));
            }
        }
        a->seen_screen = s;
        a->seen_step = step;
        a->seen_done = done;
        a->show_hint = false;
        a->dirty = true;
    }
}

/* After every desk event: a new staff screen starts at its first page; a
 * closed desk leaves nothing of what staff saw (text cache included). */
static void after_desk(app *a)
{
    if (!a->desk)
        return;
    if (desk_closes(a->desk) != a->seen_desk_closes) {
        a->seen_desk_closes = desk_closes(a->desk);
        app_forget_client(a);
    }
    desk_screen ds = desk_screen_now(a->desk);
    if (ds != a->seen_desk) {
        /* the summary keeps its page when only the confirmation came and went */
        bool keep = (ds == DESK_INTAKE && a->seen_desk == DESK_CONFIRM_DELETE) ||
                    (ds == DESK_CONFIRM_DELETE && a->seen_desk == DESK_INTAKE);
        if (!keep)
            a->scroll = 0;
        a->seen_desk = ds;
    }
    a->dirty = true;
}

static void desk_send(app *a, desk_event ev, int arg)
{
    if (ev == DESK_EV_ENTER && (desk_pin_digits(a->desk) >= PIN_MIN_DIGITS ||
                                desk_unlock_letters(a->desk) > 0)) {
        /* The check takes up to a second on a Pi: say so first. */
        a->desk_checking = true;
        app_draw(a);
        app_present(a);
        a->desk_checking = false;
    }
    desk_handle(a->desk, ev, arg, desk_now(a));
    after_desk(a);
}

/* A pointer input for the staff gesture (welcome only; the desk checks). */
static void feed_gesture(app *a, staff_input_type type, int x, int y)
{
    if (!a->desk || !a->flow || staff_open(a))
        return;
    staff_input in = {type, x, y, flow_screen(a->flow), flow_still_there(a->flow)};
    if (desk_pointer(a->desk, &in, desk_now(a))) {
        a->drag_owner = -1;
        after_desk(a);
    }
}

static void send(app *a, const flow_event *ev)
{
    bool blocked_next = ev->type == EV_NEXT && flow_next_blocker(a->flow) != NULL;
    a->went_back = ev->type == EV_BACK;
    flow_handle(a->flow, ev, a->now);
    a->show_hint = blocked_next;
    a->dirty = true;
    after_flow(a);
}

/* The on-screen keyboard types one character and drops a one-shot shift;
 * it turns shift back on after a space or hyphen (names start with
 * capitals), which is what a client expects from a phone. */
static void key_typed(app *a, const char *text)
{
    flow_event ev = {.type = EV_TYPE, .text = text};
    send(a, &ev);
    a->kb.shift = strcmp(text, " ") == 0 || strcmp(text, "-") == 0;
}

static void activate(app *a, int wi, int x, int y)
{
    widget w = a->w[wi]; /* copy: handling may rebuild the list */
    switch (w.act) {
    case ACT_NONE:
        return;
    case ACT_DESK:
        desk_send(a, w.desk_ev, w.desk_arg);
        return;
    case ACT_FLOW:
        send(a, &w.ev);
        if (w.ev.type == EV_BACKSPACE && !intake_name_given(flow_intake(a->flow)))
            a->kb.shift = true;
        return;
    case ACT_KEY:
        key_typed(a, w.text);
        return;
    case ACT_KEY_SHIFT:
        a->kb.shift = !a->kb.shift;
        break;
    case ACT_KEY_LAYER:
        a->kb.layer = !a->kb.layer;
        break;
    case ACT_ZOOM_OUT:
        a->chart.zoom = 1;
        break;
    case ACT_PART_NEXT:
        /* Only the first part can be what blocks Next (details: strength). */
        if (a->part == 0 && flow_next_blocker(a->flow)) {
            a->show_hint = true;
            break;
        }
        a->show_hint = false;
        a->part++;
        break;
    case ACT_PART_BACK:
        a->show_hint = false;
        a->part = a->part > 0 ? a->part - 1 : 0;
        break;
    case ACT_SCROLL_UP:
        a->scroll = a->scroll > 0 ? a->scroll - 1 : 0;
        break;
    case ACT_SCROLL_DOWN:
        a->scroll = a->scroll < a->scroll_max ? a->scroll + 1 : a->scroll_max;
        break;
    case ACT_AREA: {
        const screen_ops *ops = screen_ops_for(flow_screen(a->flow));
        if (ops->area) {
            ops->area(a, &w, x, y, true);
            a->drag_owner = wi;
            after_flow(a);
        }
        break;
    }
    }
    /* Presentation changes count as activity too: keep the client's time. */
    flow_send(a->flow, EV_TOUCH, 0, a->now);
    a->dirty = true;
}

static void ensure_layout(app *a)
{
    if (a->dirty)
        app_draw(a);
}

void app_tap(app *a, int x, int y)
{
    if (!a->flow)
        return;
    ensure_layout(a);
    a->drag_owner = -1;
    feed_gesture(a, STAFF_DOWN, x, y);
    int wi = w_hit(a, x, y);
    if (wi >= 0)
        activate(a, wi, x, y);
    feed_gesture(a, STAFF_UP, x, y);
    a->drag_owner = -1;
    app_update(a);
}

void app_hold(app *a, int x, int y, uint32_t ms)
{
    if (!a->flow)
        return;
    ensure_layout(a);
    a->drag_owner = -1;
    feed_gesture(a, STAFF_DOWN, x, y);
    bool opened = staff_open(a);
    int wi = opened ? -1 : w_hit(a, x, y);
    if (wi >= 0)
        activate(a, wi, x, y); /* a button acts on the way down, as in real use */
    /* Time passes with the finger still down; the desk fires when it may. */
    while (ms > 0) {
        uint32_t step = ms > 100 ? 100 : ms;
        ms -= step;
        a->now += step;
        feed_gesture(a, STAFF_TICK, x, y);
    }
    feed_gesture(a, STAFF_UP, x, y);
    a->drag_owner = -1;
    app_update(a);
}

void app_drag(app *a, const int *xs, const int *ys, int n)
{
    if (!a->flow || n < 1)
        return;
    ensure_layout(a);
    /* A drag is never the staff gesture (it moves), but it must spoil one. */
    feed_gesture(a, STAFF_DOWN, xs[0], ys[0]);
    feed_gesture(a, STAFF_MOVE, xs[n - 1], ys[n - 1]);
    feed_gesture(a, STAFF_UP, xs[n - 1], ys[n - 1]);
    int wi = w_hit(a, xs[0], ys[0]);
    if (wi < 0)
        return;
    activate(a, wi, xs[0], ys[0]);
    if (a->drag_owner >= 0 && a->w[wi].act == ACT_AREA) {
        widget w = a->w[wi];
        const screen_ops *ops = screen_ops_for(flow_screen(a->flow));
        for (int i = 1; i < n; i++)
            ops->area(a, &w, xs[i], ys[i], false);
        a->dirty = true;
    }
    a->drag_owner = -1;
    app_update(a);
}

/* Time for staff mode: idle close, lock-out count-down, stick polling; and
 * a running copy goes on (in replays a copy finishes within one advance). */
static void tick_desk(app *a)
{
    if (!staff_open(a))
        return;
    if (desk_tick(a->desk, desk_now(a)))
        after_desk(a);
}

/* Copies to the stick, one verified file per call, drawing progress. */
static void work_desk(app *a, bool draw_each)
{
    while (a->desk && desk_work(a->desk, desk_now(a))) {
        /* A big copy can outlast WatchdogSec: keep telling systemd we live. */
        if (!a->fixed_wall) {
            a->now = SDL_GetTicks64();
            sdnotify_watchdog_kick(&a->wd, a->now);
        }
        if (draw_each) {
            app_draw(a);
            app_present(a);
        }
    }
    after_desk(a);
}

/* Lets time-driven things happen at a->now (the idle prompt, its
 * countdown, the wipe, thanks ending) and marks the frame dirty when what
 * the client sees changed. The countdown is compared with the value shown
 * last, rounded up the way the prompt rounds it. */
static void tick(app *a)
{
    if (!a->flow)
        return;
    bool before = flow_still_there(a->flow);
    flow_send(a->flow, EV_TICK, 0, a->now);
    uint32_t shown = (flow_grace_left(a->flow, a->now) + 999) / 1000;
    if (before != flow_still_there(a->flow) || shown != a->seen_countdown)
        a->dirty = true;
    a->seen_countdown = shown;
    after_flow(a);
}

void app_advance(app *a, uint32_t ms)
{
    /* Tick in steps so the idle prompt appears before the wipe, as it would
     * in real time. */
    while (ms > 0 && a->flow) {
        uint32_t step = ms > 500 ? 500 : ms;
        a->now += step;
        ms -= step;
        tick(a);
        tick_desk(a);
    }
    app_update(a);
}

/* The save: JSON and HTML rendered from the intake, written atomically. */
static void do_save(app *a)
{
    if (!a->store) {
        pm_msg err = {{0}};
        pm_status st = store_open(a->state_dir, store_io_posix(), &a->store, &err);
        if (st != PM_OK)
            journal_log(JOURNAL_ERR, "%s", err.text);
        seal_store(a, false);
    }
    const intake *in = flow_intake(a->flow);
    int64_t saved_at = app_wall_time(a);
    char *json = NULL, *html = NULL;
    pm_msg err = {{0}};
    pm_status st = summary_render_json(a->content, in, saved_at, &json);
    if (st == PM_OK)
        /* the therapist's page in the staff language, as start-up makes a
         * missing one again (upkeep) and as the export writes it */
        st = summary_render_html(a->content, in, saved_at, staff_language(a), &html);
    if (st != PM_OK)
        pm_msg_set(&err, "the summary could not be written (%s)", pm_status_name(st));
    else if (!a->store) {
        st = PM_ERR_IO;
        pm_msg_set(&err, "the state folder %s cannot be opened", a->state_dir);
    } else
        st = store_save(a->store, saved_at, json, html, a->saved_stem, &err);
    if (json) {
        explicit_bzero(json, strlen(json));
        free(json);
    }
    if (html) {
        explicit_bzero(html, strlen(html));
        free(html);
    }
    if (st == PM_OK) {
        snprintf(a->saved_path, sizeof a->saved_path, "%s/%s.json", store_intakes_dir(a->store),
                 a->saved_stem);
        /* store_save says in err when the record went but its page did not */
        if (a->measure_only) /* the layout check's throw-away saves are not news */
            ;
        else if (err.text[0])
            journal_log(JOURNAL_WARNING, "saved %s; %s", a->saved_path, err.text);
        else
            journal_log(JOURNAL_NOTICE, "saved %s (and .html)", a->saved_path);
        a->save_error[0] = '\0';
        flow_send(a->flow, EV_SAVE_DONE, 0, a->now);
    } else {
        journal_log(JOURNAL_ERR, "save failed: %s", err.text);
        snprintf(a->save_error, sizeof a->save_error, "%s", err.text);
        flow_send(a->flow, EV_SAVE_FAILED, 0, a->now);
    }
    a->dirty = true;
    after_flow(a);
}

void app_update(app *a)
{
    if (a->flow && flow_wants_save(a->flow)) {
        /* Show "saving" first, so a slow card never looks like a hang. */
        app_draw(a);
        app_present(a);
        do_save(a);
    }
    if (staff_open(a) && desk_screen_now(a->desk) == DESK_EXPORTING) {
        /* Show the copy starting, then copy with progress on screen. */
        app_draw(a);
        app_present(a);
        work_desk(a, !a->headless);
    }
    if (a->dirty)
        app_draw(a);
}

void app_draw(app *a)
{
    if (!a->frame)
        return;
    SDL_SetRenderTarget(a->ren, a->frame);
    SDL_RenderSetClipRect(a->ren, NULL);
    a->dirty = false;
    if (a->attention[0] || !a->flow) {
        w_clear(a);
        attention_draw(a);
        SDL_SetRenderTarget(a->ren, NULL);
        return;
    }
    r_clear(a, COL_BG);
    if (staff_open(a)) {
        const screen_ops *sops = staff_ops_for(desk_screen_now(a->desk));
        snprintf(a->overflow_where, sizeof a->overflow_where, "%s", app_screen_name(a));
        a->parts = 1;
        sops->layout(a);
        sops->draw(a);
        w_draw_all(a);
        SDL_SetRenderTarget(a->ren, NULL);
        return;
    }
    pm_screen s = flow_screen(a->flow);
    const screen_ops *ops = screen_ops_for(s);
    snprintf(a->overflow_where, sizeof a->overflow_where, "%s step %d", content_screen_name(s),
             flow_step(a->flow));
    a->parts = 1;
    ops->layout(a);
    ops->draw(a);
    w_draw_all(a);
    if (flow_still_there(a->flow)) {
        overlay_layout(a);
        overlay_draw(a);
    }
    SDL_SetRenderTarget(a->ren, NULL);
}

void app_present(app *a)
{
    if (!a->frame)
        return;
    int ow = 0, oh = 0;
    SDL_GetRendererOutputSize(a->ren, &ow, &oh);
    input_map m = {a->rotate, ow, oh, a->lw, a->lh};
    double s = input_scale(&m);
    SDL_SetRenderDrawColor(a->ren, 0, 0, 0, 255);
    SDL_RenderClear(a->ren);
    double w = a->lw * s, h = a->lh * s;
    SDL_FRect dst = {(float)((ow - w) / 2), (float)((oh - h) / 2), (float)w, (float)h};
    SDL_RenderCopyExF(a->ren, a->frame, NULL, &dst, a->rotate, NULL, SDL_FLIP_NONE);
    SDL_RenderPresent(a->ren);
}

bool app_save_png(app *a, const char *path)
{
    if (a->dirty)
        app_draw(a);
    SDL_SetRenderTarget(a->ren, a->frame);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, a->lw, a->lh, 32, SDL_PIXELFORMAT_ARGB8888);
    bool ok = s && SDL_RenderReadPixels(a->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels,
                                        s->pitch) == 0;
    SDL_SetRenderTarget(a->ren, NULL);
    if (ok)
        ok = IMG_SavePNG(s, path) == 0;
    if (!ok)
        journal_log(JOURNAL_WARNING, "cannot save %s: %s", path, SDL_GetError());
    SDL_FreeSurface(s);
    return ok;
}

/* ---- the interactive loop ------------------------------------------------- */

static bool map_point(app *a, double nx, double ny, int *x, int *y)
{
    int ow = 0, oh = 0;
    SDL_GetRendererOutputSize(a->ren, &ow, &oh);
    input_map m = {a->rotate, ow, oh, a->lw, a->lh};
    return input_to_logical(&m, nx * ow, ny * oh, x, y);
}

static void on_down(app *a, int x, int y)
{
    ensure_layout(a);
    bool was_open = staff_open(a);
    feed_gesture(a, STAFF_DOWN, x, y);
    if (staff_open(a) != was_open)
        return;
    int wi = w_hit(a, x, y);
    a->drag_owner = -1;
    if (wi >= 0)
        activate(a, wi, x, y);
}

static void on_motion(app *a, int x, int y)
{
    feed_gesture(a, STAFF_MOVE, x, y);
    if (staff_open(a) || a->drag_owner < 0 || a->drag_owner >= a->nw)
        return;
    const screen_ops *ops = screen_ops_for(flow_screen(a->flow));
    widget w = a->w[a->drag_owner];
    if (ops->area && w.act == ACT_AREA) {
        ops->area(a, &w, x, y, false);
        a->dirty = true;
    }
}

static bool handle_event(app *a, const SDL_Event *e, bool *finger_down)
{
    int x, y, ww = 1, wh = 1;
    SDL_GetWindowSize(a->win, &ww, &wh);
    switch (e->type) {
    case SDL_QUIT:
        return false;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int ow, oh, lw, lh;
            SDL_GetRendererOutputSize(a->ren, &ow, &oh);
            input_logical_size(a->rotate, ow, oh, &lw, &lh);
            set_size(a, lw, lh);
        }
        a->exposed = true;
        break;
    case SDL_FINGERDOWN:
        if (*finger_down) {
            feed_gesture(a, STAFF_DOWN, 0, 0); /* a second finger spoils the gesture */
            break; /* one finger at a time; a palm must not press twice */
        }
        *finger_down = true;
        if (a->flow && map_point(a, e->tfinger.x, e->tfinger.y, &x, &y))
            on_down(a, x, y);
        break;
    case SDL_FINGERMOTION:
        if (a->flow && map_point(a, e->tfinger.x, e->tfinger.y, &x, &y))
            on_motion(a, x, y);
        break;
    case SDL_FINGERUP:
        *finger_down = false;
        a->drag_owner = -1;
        feed_gesture(a, STAFF_UP, 0, 0);
        break;
    /* Real touch panels send both finger and mouse events: take the mouse
     * only when it is a mouse. */
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT && a->flow &&
            map_point(a, (double)e->button.x / ww, (double)e->button.y / wh, &x, &y))
            on_down(a, x, y);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which != SDL_TOUCH_MOUSEID && (e->motion.state & SDL_BUTTON_LMASK) &&
            a->flow && map_point(a, (double)e->motion.x / ww, (double)e->motion.y / wh, &x, &y))
            on_motion(a, x, y);
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT) {
            a->drag_owner = -1;
            feed_gesture(a, STAFF_UP, 0, 0);
        }
        break;
    case SDL_KEYDOWN:
        /* Staff with a keyboard attached: Escape leaves a desktop window. */
        if (e->key.keysym.sym == SDLK_ESCAPE && !a->headless &&
            !(SDL_GetWindowFlags(a->win) & SDL_WINDOW_FULLSCREEN))
            return false;
        break;
    default:
        break;
    }
    return true;
}

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
static bool wait_event(app *a, wait_mode mode, inputwait *iw, const sdnotify_watchdog *wd,
                       uint64_t last_input, SDL_Event *e)
{
    if (SDL_PollEvent(e) == 1)
        return true;
    uint64_t now = SDL_GetTicks64();
    uint64_t due = a->flow ? flow_next_deadline(a->flow, now) : UINT64_MAX;
    uint64_t ping = sdnotify_watchdog_due(wd);
    if (ping < due)
        due = ping;
    /* Staff mode's own clock: a held press firing, a lock-out count-down,
     * the stick poll, the idle close. */
    if (a->desk) {
        a->now = now;
        uint32_t staff = desk_wait_ms(a->desk, desk_now(a));
        if (staff != UINT32_MAX && now + staff < due)
            due = now + staff;
    }
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

int app_run(app *a)
{
    inputwait iw;
    wait_mode mode = wait_mode_for(SDL_GetCurrentVideoDriver(), &iw);
    bool running = true, finger_down = false;
    uint64_t last_input = SDL_GetTicks64();
    a->now = last_input;
    sdnotify_watchdog_init(&a->wd);
    bool announced = false;
    while (running) {
        a->now = SDL_GetTicks64();
        sdnotify_watchdog_kick(&a->wd, a->now);
        tick(a);
        /* Staff mode: a press held on the clinic's name, and its own clock. */
        feed_gesture(a, STAFF_TICK, 0, 0);
        tick_desk(a);
        if (a->store && upkeep_due(a->upkeep_last, app_wall_time(a)))
            run_upkeep(a, false);
        bool draw = a->dirty || (a->flow && flow_wants_save(a->flow));
        app_update(a);
        if (draw || a->exposed) {
            app_present(a);
            a->exposed = false;
        }
        if (!announced) {
            announced = true;
            sdnotify_ready();
            sdnotify_status("showing the kiosk");
        }
        SDL_Event e;
        bool got = wait_event(a, mode, &iw, &a->wd, last_input, &e);
        while (got) {
            last_input = SDL_GetTicks64();
            a->now = last_input;
            if (!handle_event(a, &e, &finger_down))
                running = false;
            got = SDL_PollEvent(&e) == 1;
        }
    }
    inputwait_close(&iw);
    sdnotify_stopping();
    return 0;
}
