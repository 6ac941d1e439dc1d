/* app.c — the shell assembled: start-up (SDL, fonts, content, the core's
 * objects), shut-down, forgetting a client, and what tests read (app.h).
 *
 * Why start-up never fails on content or fonts: a kiosk that exits is a
 * black screen in a waiting room and a restart loop under systemd; one
 * that says "needs attention" tells staff to look, and the log says what. */
#include "ui/app_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "budget.h"
#include "seal.h"
#include "textkeys.h"
#include "upkeep.h"
#include "platform/buildid.h"
#include "platform/journal.h"

/* Replays run on a fixed wall clock (2026-11-27 09:00 UTC plus their
 * virtual time), so saved names, times shown and screenshots repeat. */
#define REPLAY_WALL0 INT64_C(1795770000)

int64_t app_wall_time(const app *a)
{
    if (a->fixed_wall)
        return a->wall0 + (int64_t)(a->now / 1000);
    return (int64_t)time(NULL);
}

bool app_staff_open(const app *a)
{
    return a->desk && desk_is_open(a->desk);
}

desk_clock app_desk_clock(const app *a)
{
    return (desk_clock){a->now, app_wall_time(a)};
}

/* ---- start-up ----------------------------------------------------------------- */

/* The content cache (content.h) in the state folder: the content as the
 * last start that parsed it left it, keyed by the stamp and this build. */
static void cache_path(const app_options *o, char *buf, size_t size)
{
    buf[0] = '\0';
    if (o->state_dir && *o->state_dir)
        snprintf(buf, size, "%s/%s", o->state_dir, CONTENT_CACHE_FILE);
}

/* The content, from the cache when it may be used (no JSON parsed), else
 * from the files; a start that parsed content its stamp vouches for writes
 * the cache for the next. Whatever stands in the cache's way is logged and
 * costs only time. */
static pm_content *read_content(const app_options *o, pm_msgs *problems, pm_status *st)
{
    char cache[1100], program[CONTENT_PROGRAM_ID_MAX];
    cache_path(o, cache, sizeof cache);
    bool have_id = build_id(program, sizeof program);
    pm_content *c = NULL;
    pm_msg why = {{0}};
    if (cache[0] && have_id) {
        *st = content_cache_read(o->data_dir, cache, program, &c, &why);
        if (*st == PM_OK) {
            journal_log(JOURNAL_INFO, "the content in %s, as checked, from %s", o->data_dir,
                        cache);
            return c;
        }
    } else {
        pm_msg_set(&why, "%s", cache[0] ? "the program has no build id" : "no state folder");
    }
    *st = content_load(o->data_dir, &c, problems);
    if (*st != PM_OK || content_fully_checked(c)) /* either is logged below */
        return c;
    pm_msg err = {{0}};
    if (!cache[0] || !have_id)
        journal_log(JOURNAL_NOTICE, "parsed the content in %s (%s, so no content cache)",
                    o->data_dir, why.text);
    else if (content_cache_write(c, o->data_dir, cache, program, NULL, &err) == PM_OK)
        journal_log(JOURNAL_NOTICE, "parsed the content in %s (the content cache was not "
                    "used: %s); wrote %s for the next start", o->data_dir, why.text, cache);
    else
        journal_log(JOURNAL_NOTICE, "parsed the content in %s (the content cache was not "
                    "used: %s); %s, so the next start parses it again (slower)",
                    o->data_dir, why.text, err.text);
    return c;
}

static void load_content(app *a, const app_options *o)
{
    pm_msgs problems;
    pm_msgs_init(&problems);
    pm_status st = PM_OK;
    pm_content *c = read_content(o, &problems, &st);
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
                    "needs attention: the content in %s cannot be used (%s); "
                    "run painmap --check-data %s for the list",
                    o->data_dir, pm_status_name(st), o->data_dir);
        snprintf(a->attention, sizeof a->attention, "content problem in %.400s", o->data_dir);
        return;
    }
    if (content_fully_checked(c))
        journal_log(JOURNAL_NOTICE,
                    "the content in %s has no current checked-content stamp, so it was checked "
                    "in full at start-up (slower); painmap --check-data %s --stamp writes one",
                    o->data_dir, o->data_dir);
    a->content = c;
}

/* The languages the clinic offers, in its order (all the content has when
 * the config names none); codes the content lacks are reported. */
static void offer_languages(app *a)
{
    pm_msgs lm;
    pm_msgs_init(&lm);
    config_check_languages(&a->config, a->content, &lm);
    for (size_t i = 0; i < lm.count; i++) {
        journal_log(JOURNAL_WARNING, "%s", lm.items[i]);
        pm_msgs_add(&a->config_problems, "%s", lm.items[i]);
    }
    pm_msgs_free(&lm);
    a->nlangs = 0;
    for (size_t i = 0; i < a->config.nlanguages && a->nlangs < CONTENT_MAX_LANGS; i++)
        for (size_t k = 0; k < content_lang_count(a->content); k++)
            if (strcmp(content_lang_code(a->content, k), a->config.languages[i]) == 0)
                a->langs[a->nlangs++] = (int)k;
    if (a->nlangs == 0) /* cannot happen after the check; never offer nothing */
        for (size_t k = 0; k < content_lang_count(a->content) && a->nlangs < CONTENT_MAX_LANGS; k++)
            a->langs[a->nlangs++] = (int)k;
}

static void start_flow(app *a, const app_options *o)
{
    offer_languages(a);
    pm_status st = flow_create(a->content, o->timing ? *o->timing : flow_default_timing(),
                               o->lang ? o->lang : a->config.default_language, a->now, &a->flow);
    if (st != PM_OK) {
        journal_log(JOURNAL_ERR, "needs attention: cannot start the walk-through (%s)",
                    pm_status_name(st));
        snprintf(a->attention, sizeof a->attention, "flow could not start");
        a->flow = NULL;
        return;
    }
    a->seen.screen = flow_screen(a->flow);
    a->seen.resets = flow_resets(a->flow);
    /* Learn times out like every screen of the walk, on the same clock. */
    flow_timing t = o->timing ? *o->timing : flow_default_timing();
    if (learn_create(a->content, (learn_timing){t.idle_ms, t.grace_ms}, &a->learn) != PM_OK) {
        journal_log(JOURNAL_ERR, "the Learn screens cannot start (out of memory)");
        a->learn = NULL;
    }
}

/* The language staff read: the clinic's default language. */
static int staff_language(const app *a)
{
    for (size_t i = 0; i < content_lang_count(a->content); i++)
        if (strcmp(content_lang_code(a->content, i), a->config.default_language) == 0)
            return (int)i;
    return 0;
}

void app_upkeep(app *a, bool startup)
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

void app_started(app *a)
{
    if (!a->upkeep_at_start)
        return;
    a->upkeep_at_start = false;
    app_upkeep(a, true);
}

/* The store opens at start (the queue, the PIN lock-out and the saver need
 * it). On failure it is still returned when memory allows: a later save
 * tries the folder again. */
/* Intakes sealed at rest (core/records/seal.h): with the clinic's key in
 * painmap.conf the store seals every record and page it writes. Without
 * one they are saved plain, and the log says so at every start. */
static void seal_store(app *a)
{
    if (!a->store)
        return;
    if (!config_seals(&a->config)) {
        if (a->fixed_wall) /* replays and layout walks: said once by the real kiosk */
            return;
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

static void open_store(app *a, const char *state_dir)
{
    pm_msg err = {{0}};
    if (store_open(state_dir, store_io_posix(), &a->store, &err) != PM_OK)
        journal_log(JOURNAL_ERR, "%s", err.text);
    seal_store(a);
}

/* The saver's lines go to the journal; the layout check's throw-away saves
 * are not news. */
static void saver_log(void *ctx, saver_level level, const char *line)
{
    const app *a = ctx;
    if (r_measure_only(a->rc) && level == SAVER_NOTICE)
        return;
    journal_log((journal_level)level, "%s", line);
}

static void open_saver(app *a)
{
    /* the therapist's page in the staff language, as start-up makes a
     * missing one again (upkeep) and as the export writes it */
    saver_setup ss = {.store = a->store, .content = a->content, .page_lang = staff_language(a),
                      .log = saver_log, .log_ctx = a};
    if (saver_create(&ss, &a->saver) != PM_OK)
        journal_log(JOURNAL_ERR, "saving cannot start (out of memory)");
}

/* Staff mode's log lines go to the journal with their priority. */
static void desk_log(void *ctx, desk_log_level level, const char *text)
{
    const app *a = ctx;
    if (r_measure_only(a->rc) && level == DESK_LOG_NOTICE) /* the layout check's walks */
        return;
    journal_log(level == DESK_LOG_ERROR     ? JOURNAL_ERR
                : level == DESK_LOG_WARNING ? JOURNAL_WARNING
                                            : JOURNAL_NOTICE,
                "%s", text);
}

static void open_desk(app *a, const app_options *o)
{
    desk_setup ds = {
        .content = a->content,
        .config = &a->config,
        .store = a->store,
        .io = o->usb_any_folder ? export_io_any_folder() : export_io_posix(),
        .mount = o->usb_mount,
        .staff_lang = staff_language(a),
        .saver = a->saver,
        .log = desk_log,
        .log_ctx = a,
    };
    if (desk_create(&ds, app_desk_clock(a), &a->desk) != PM_OK) {
        journal_log(JOURNAL_ERR, "staff mode cannot start (out of memory)");
        a->desk = NULL;
    }
}

/* What the screens see: fixed pointers here, the rest per frame
 * (redraw.c). */
static void bind_screens(app *a)
{
    a->sc = (screen_ctx){.r = a->rc, .wl = a->wl, .art = a->art, .bodies = a->bodies, .v = &a->view,
                         .content = a->content, .flow = a->flow, .learn = a->learn,
                         .desk = a->desk,
                         .saver = a->saver, .config = &a->config,
                         .config_problems = &a->config_problems, .langs = a->langs,
                         .nlangs = a->nlangs};
}

static bool open_shell(app *a, const app_options *o)
{
    char why[PM_MSG_MAX];
    display_options d = {o->w, o->h, o->rotate, o->headless, o->fullscreen};
    a->disp = display_open(&d, why, sizeof why);
    if (!a->disp) {
        journal_log(JOURNAL_ERR, "%s", why);
        return false;
    }
    a->rc = rctx_create(display_renderer(a->disp), o->font_dir);
    a->wl = wlist_create();
    if (!a->rc || !a->wl) {
        journal_log(JOURNAL_ERR, "out of memory starting the screen");
        return false;
    }
    r_share_fonts(a->rc, true); /* the first frame opens no font per size */
    app_resize(a);
    if (r_font_problem(a->rc)[0]) {
        journal_log(JOURNAL_ERR, "needs attention: %s", r_font_problem(a->rc));
        snprintf(a->attention, sizeof a->attention, "font missing in %.400s", r_font_dir(a->rc));
    }
    return true;
}

app *app_create(const app_options *o)
{
    app *a = calloc(1, sizeof *a);
    if (!a) {
        journal_log(JOURNAL_ERR, "out of memory starting the kiosk");
        return NULL;
    }
    a->view.enlarged = -1;
    a->seen.drag_owner = -1;
    a->upkeep_last = -1;
    if (o->config)
        a->config = *o->config;
    else
        config_defaults(&a->config, NULL);
    pm_msgs_init(&a->config_problems);
    for (size_t i = 0; o->config_problems && i < o->config_problems->count; i++)
        pm_msgs_add(&a->config_problems, "%s", o->config_problems->items[i]);
    if (o->headless) {
        a->fixed_wall = true;
        a->wall0 = REPLAY_WALL0;
    }
    a->startup = o->startup;
    if (!open_shell(a, o)) {
        app_destroy(a);
        return NULL;
    }
    startup_mark(a->startup, STARTUP_DISPLAY);
    /* the store first: it makes the state folder the content cache is in */
    open_store(a, o->state_dir);
    load_content(a, o);
    startup_mark(a->startup, STARTUP_CONTENT);
    if (a->content) {
        start_flow(a, o);
        a->upkeep_at_start = true; /* after the first frame: app_started */
        open_saver(a);
        open_desk(a, o);
        a->art = chart_art_create(a->rc, a->content, o->assets_dir);
        if (bodychart_create(a->content, &a->bodies) != PM_OK)
            journal_log(JOURNAL_ERR, "the body chart cannot start (out of memory)");
    }
    bind_screens(a);
    a->layout_stale = true;
    app_promise(a);
    input_press_init(&a->seen.press);
    a->seen.press_widget = -1;
    a->seen.press_target = -1;
    a->dirty = true;
    return a;
}

void app_destroy(app *a)
{
    if (!a)
        return;
    pm_msgs_free(&a->config_problems);
    if (a->rc)
        r_cache_clear(a->rc);
    app_drop_dimmed(a);
    chart_art_destroy(a->art);
    bodychart_destroy(a->bodies);
    if (a->desk)
        desk_destroy(a->desk);
    if (a->saver) {
        saver_flush(a->saver, (saver_clock){a->now, app_wall_time(a)});
        saver_destroy(a->saver);
    }
    learn_destroy(a->learn);
    if (a->flow)
        flow_destroy(a->flow);
    if (a->content)
        content_free((pm_content *)a->content);
    if (a->store)
        store_close(a->store);
    wlist_destroy(a->wl);
    rctx_destroy(a->rc);
    display_close(a->disp);
    explicit_bzero(a, sizeof *a);
    free(a);
}

/* ---- the shell's own upkeep ------------------------------------------------------ */

void app_drop_dimmed(app *a)
{
    a->dimmed.key = 0;
}

/* How much of the stack below the main loop the idle reset scrubs: every
 * frame that drew or measured the client's text (a review row, a wrapped
 * line) lies within it; the process's stack is 8 MiB. */
#define FORGET_STACK_BYTES (256 * 1024)

void app_forget_client(app *a)
{
    /* Dead stack frames still hold copies of what was drawn (the review's
     * rows, render.c's line buffers): zero them, as sodium_stackzero does
     * below the caller's own frame. */
    sodium_stackzero(FORGET_STACK_BYTES);
    r_cache_clear(a->rc);
    app_drop_dimmed(a);
    if (a->art)
        chart_pictures_clear(a->art, true);
    screen_view *v = &a->view;
    v->chart.valid = false;
    v->pressed[0] = '\0';
    v->kb.shift = true;
    v->kb.layer = 0;
    v->scroll = 0;
    v->part = 0;
    v->show_hint = false;
    v->asking = false;
    v->enlarged = -1;
    v->large_text = false;
    r_set_text_scale(a->rc, 1.0);
    a->seen.drag_owner = -1;
    /* The last frame showed the old client: draw over it now. */
    a->dirty = true;
}

void app_resize(app *a)
{
    int lw = 0, lh = 0;
    display_logical_size(a->disp, &lw, &lh);
    if (!r_set_size(a->rc, lw, lh, display_one_to_one(a->disp, lw, lh))) {
        /* a window's new surface starts empty: the frame drawn in it is gone */
        if (r_in_window(a->rc))
            a->dirty = true;
        return;
    }
    if (!r_has_frame(a->rc))
        journal_log(JOURNAL_ERR, "cannot create a %dx%d frame: %s", lw, lh, SDL_GetError());
    if (a->art)
        chart_sizes_changed(a->art);
    app_drop_dimmed(a);
    a->view.chart.valid = false;
    a->dirty = true;
    if (a->flow) {
        a->layout_stale = true;
        app_promise(a);
    }
}

void app_promise(app *a)
{
    if (!a->flow || !a->content)
        return;
    flow_layout l = flow_layout_for_size(r_w(a->rc), r_h(a->rc), a->view.large_text);
    int lang = flow_lang(a->flow);
    /* the typical client's walk, counted (~1 M instructions): once for a
     * layout and language, not again when the start and the first frame
     * both ask (the content never changes while the kiosk runs) */
    int key = 1 + (int)l + 64 * lang;
    if (key == a->promise_key)
        return;
    a->promise_key = key;
    a->sc.promise_minutes = budget_promise_minutes(a->content, l, lang);
}

/* ---- what tests read ------------------------------------------------------------- */

const char *app_screen_name(const app *a)
{
    if (a->attention[0] || !a->flow)
        return "needs_attention";
    if (app_staff_open(a)) {
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
    if (flow_still_there(a->flow) || (a->learn && learn_still_there(a->learn)))
        return "still_there";
    if (a->learn && learn_is_open(a->learn)) {
        switch (learn_level_now(a->learn)) {
        case LEARN_AREAS: return "learn_areas";
        case LEARN_LIST: return "learn_list";
        case LEARN_PAGE: return "learn_page";
        case LEARN_CLOSED: break;
        }
    }
    return content_screen_name(flow_screen(a->flow));
}

bool app_dirty(const app *a) { return a->dirty; }
const flow *app_flow(const app *a) { return a->flow; }
const pm_content *app_content(const app *a) { return a->content; }
const screen_view *app_view(const app *a) { return &a->view; }
const saver *app_saver(const app *a) { return a->saver; }
const desk *app_desk(const app *a) { return a->desk; }
const char *app_attention(const app *a) { return a->attention; }
int app_width(const app *a) { return r_w(a->rc); }
input_map app_input_map(const app *a) { return display_input_map(a->disp, r_w(a->rc), r_h(a->rc)); }
int app_height(const app *a) { return r_h(a->rc); }
rctx *app_render(app *a) { return a->rc; }
const char *app_intakes_dir(const app *a) { return a->store ? store_intakes_dir(a->store) : ""; }
chart_art *app_chart(app *a) { return a->art; }
