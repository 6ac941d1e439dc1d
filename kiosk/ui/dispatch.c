/* dispatch.c — the one dispatcher: a touch (or a tick of the clock) becomes
 * one core event, and this file alone hands it to the core.
 *
 *   app_pointer(DOWN, x, y)
 *     -> the staff gesture (welcome only; the desk decides)
 *     -> w_hit: the widget under the finger
 *     -> what it means: its flow event, its desk event, a screen's area
 *        (screen_ops.area returns the event), or a change of view only
 *        (zoom, keyboard, pages: EV_TOUCH, the client's activity)
 *     -> flow_handle / desk_handle, once
 *     -> the saver steps (it saves when the flow asks, records/saver.h)
 *     -> what changed is noted (a new screen starts at its first part, a
 *        wipe forgets the client) and the frame is marked dirty.
 *
 * Why one file: a tap used to travel back and forth (screens called the
 * flow beside the dispatcher, the app saved and reported back, each chart
 * tap sent a second event); now every path a finger can take, from the
 * panel or from a replay, meets here, so what a test drives is what a
 * client does. Tap semantics: a widget acts on the finger going down. */
#include "ui/app_private.h"

#include <string.h>

#include "ui/screens/screens.h"

static bool staff_open(const app *a) { return app_staff_open(a); }

static void ensure_layout(app *a)
{
    if (a->dirty)
        app_draw(a);
}

/* After every flow event: notice screen changes and wipes. */
static void after_flow(app *a)
{
    if (!a->flow)
        return;
    dispatch_seen *seen = &a->seen;
    screen_view *v = &a->view;
    if (flow_resets(a->flow) != seen->resets) {
        seen->resets = flow_resets(a->flow);
        app_forget_client(a);
    }
    pm_screen s = flow_screen(a->flow);
    int step = flow_step(a->flow);
    if (s == seen->screen && step == seen->step)
        return;
    /* A screen in parts starts at its first part going forwards and at its
     * last going back, so Back retraces exactly. */
    v->part = seen->went_back ? -1 : 0;
    if (s != seen->screen) {
        v->scroll = 0;
        if (s != SCREEN_CHART)
            v->chart.zoom = 1;
        if (s == SCREEN_NAME) {
            v->kb.layer = 0;
            v->kb.shift = !intake_name_given(flow_intake(a->flow));
        }
    }
    seen->screen = s;
    seen->step = step;
    v->show_hint = false;
    a->dirty = true;
}

/* After every desk event: a new staff screen starts at its first page; a
 * closed desk leaves nothing of what staff saw (text cache included). */
static void after_desk(app *a)
{
    if (!a->desk)
        return;
    dispatch_seen *seen = &a->seen;
    if (desk_closes(a->desk) != seen->desk_closes) {
        seen->desk_closes = desk_closes(a->desk);
        app_forget_client(a);
    }
    desk_screen ds = desk_screen_now(a->desk);
    if (ds != seen->desk) {
        /* the summary keeps its page when only the confirmation came and went */
        bool keep = (ds == DESK_INTAKE && seen->desk == DESK_CONFIRM_DELETE) ||
                    (ds == DESK_CONFIRM_DELETE && seen->desk == DESK_INTAKE);
        if (!keep)
            a->view.scroll = 0;
        seen->desk = ds;
    }
    a->dirty = true;
}

/* The core's saver: the flow's save, and retries of intakes a failed save
 * left in memory. */
static void step_saver(app *a)
{
    if (!a->saver || !a->flow)
        return;
    if (saver_step(a->saver, a->flow, (saver_clock){a->now, app_wall_time(a)})) {
        a->dirty = true;
        after_flow(a);
    }
}

/* The only place the flow is handed an event. A pressed widget's event
 * also decides the hint (Next refused) and whether parts retrace (Back). */
static void to_flow(app *a, const flow_event *ev, bool pressed)
{
    bool blocked_next = ev->type == EV_NEXT && flow_next_blocker(a->flow) != NULL;
    if (pressed)
        a->seen.went_back = ev->type == EV_BACK;
    (void)flow_handle(a->flow, ev, a->now);
    if (pressed)
        a->view.show_hint = blocked_next;
    a->dirty = true;
    after_flow(a);
}

/* The only place the desk is handed an event. */
static void to_desk(app *a, desk_event ev, int arg)
{
    if (ev == DESK_EV_ENTER && (desk_pin_digits(a->desk) >= PIN_MIN_DIGITS ||
                                desk_unlock_letters(a->desk) > 0)) {
        /* The check takes up to a second on a Pi: say so first. */
        a->view.desk_checking = true;
        app_draw(a);
        app_present(a);
        a->view.desk_checking = false;
    }
    (void)desk_handle(a->desk, ev, arg, app_desk_clock(a));
    after_desk(a);
}

/* A pointer input for the staff gesture (welcome only; the desk checks). */
static void feed_gesture(app *a, staff_input_type type, int x, int y)
{
    if (!a->desk || !a->flow || staff_open(a))
        return;
    SDL_Rect g = a->view.staff_area;
    desk_set_gesture_area(a->desk, (staff_rect){g.x, g.y, g.w, g.h});
    staff_input in = {type, x, y, flow_screen(a->flow), flow_still_there(a->flow)};
    if (desk_pointer(a->desk, &in, app_desk_clock(a))) {
        a->seen.drag_owner = -1;
        after_desk(a);
    }
}

/* The on-screen keyboard types one character and drops a one-shot shift;
 * it turns shift back on after a space or hyphen (names start with
 * capitals), which is what a client expects from a phone. */
static void key_typed(app *a, const char *text)
{
    flow_event ev = {.type = EV_TYPE, .text = text};
    to_flow(a, &ev, true);
    a->view.kb.shift = strcmp(text, " ") == 0 || strcmp(text, "-") == 0;
}

/* A touch that only changes how the screen is shown. */
static void change_view(app *a, ui_action act)
{
    screen_view *v = &a->view;
    switch (act) {
    case ACT_KEY_SHIFT:
        v->kb.shift = !v->kb.shift;
        break;
    case ACT_KEY_LAYER:
        v->kb.layer = !v->kb.layer;
        break;
    case ACT_ZOOM_OUT:
        v->chart.zoom = 1;
        break;
    case ACT_PART_NEXT:
        /* Only the first part can be what blocks Next (details: strength). */
        if (v->part == 0 && flow_next_blocker(a->flow)) {
            v->show_hint = true;
            break;
        }
        v->show_hint = false;
        v->part++;
        break;
    case ACT_PART_BACK:
        v->show_hint = false;
        v->part = v->part > 0 ? v->part - 1 : 0;
        break;
    case ACT_SCROLL_UP:
        v->scroll = v->scroll > 0 ? v->scroll - 1 : 0;
        break;
    case ACT_SCROLL_DOWN:
        v->scroll = v->scroll < v->scroll_max ? v->scroll + 1 : v->scroll_max;
        break;
    default:
        break;
    }
}

/* The screen's own area (chart, signature pad) under the finger: the
 * screen says which event the touch means. */
static bool area_event(app *a, const widget *w, int x, int y, bool starts, flow_event *ev)
{
    const screen_ops *ops = screen_ops_for(flow_screen(a->flow));
    if (!ops->area)
        return false;
    app_bind_screens(a);
    return ops->area(&a->sc, w, x, y, starts, ev);
}

static void activate(app *a, int wi, int x, int y)
{
    widget w = *w_at(a->wl, wi); /* a copy: handling rebuilds the list */
    flow_event touch = {.type = EV_TOUCH};
    switch (w.act) {
    case ACT_NONE:
        return;
    case ACT_DESK:
        to_desk(a, w.desk_ev, w.desk_arg);
        return;
    case ACT_FLOW:
        to_flow(a, &w.ev, true);
        if (w.ev.type == EV_BACKSPACE && !intake_name_given(flow_intake(a->flow)))
            a->view.kb.shift = true;
        return;
    case ACT_KEY:
        key_typed(a, w.text);
        return;
    case ACT_AREA: {
        flow_event ev;
        bool means = area_event(a, &w, x, y, true, &ev);
        a->seen.drag_owner = wi;
        to_flow(a, means ? &ev : &touch, false);
        return;
    }
    default:
        /* Presentation changes count as activity too: keep the client's time. */
        change_view(a, w.act);
        to_flow(a, &touch, false);
        return;
    }
}

static void pointer_down(app *a, int x, int y)
{
    ensure_layout(a);
    bool was_open = staff_open(a);
    feed_gesture(a, STAFF_DOWN, x, y);
    if (staff_open(a) != was_open)
        return;
    a->seen.drag_owner = -1;
    int wi = w_hit(a->wl, x, y);
    if (wi >= 0)
        activate(a, wi, x, y);
}

/* A finger moving: only the screen area it went down on follows it. */
static void pointer_move(app *a, int x, int y)
{
    feed_gesture(a, STAFF_MOVE, x, y);
    if (staff_open(a) || a->seen.drag_owner < 0)
        return;
    const widget *owner = w_at(a->wl, a->seen.drag_owner);
    if (!owner || owner->act != ACT_AREA)
        return;
    widget w = *owner;
    flow_event ev;
    if (area_event(a, &w, x, y, false, &ev))
        to_flow(a, &ev, false);
    a->dirty = true;
}

void app_pointer(app *a, ptr_type type, int x, int y)
{
    if (!a->flow)
        return;
    switch (type) {
    case PTR_DOWN:
        if (a->seen.finger_down) {
            /* One finger at a time: a palm must not press twice, and a
             * second finger spoils the staff gesture. */
            feed_gesture(a, STAFF_DOWN, 0, 0);
            return;
        }
        a->seen.finger_down = true;
        pointer_down(a, x, y);
        return;
    case PTR_MOVE:
        pointer_move(a, x, y);
        return;
    case PTR_UP:
        a->seen.finger_down = false;
        a->seen.drag_owner = -1;
        feed_gesture(a, STAFF_UP, x, y);
        return;
    }
}

void app_tap(app *a, int x, int y)
{
    app_pointer(a, PTR_DOWN, x, y);
    app_pointer(a, PTR_UP, x, y);
    app_update(a);
}

void app_hold(app *a, int x, int y, uint32_t ms)
{
    if (!a->flow)
        return;
    app_pointer(a, PTR_DOWN, x, y); /* a button acts on the way down, as in real use */
    /* Time passes with the finger still down; the desk fires when it may. */
    while (ms > 0) {
        uint32_t step = ms > 100 ? 100 : ms;
        ms -= step;
        a->now += step;
        feed_gesture(a, STAFF_TICK, x, y);
    }
    app_pointer(a, PTR_UP, x, y);
    app_update(a);
}

void app_drag(app *a, const int *xs, const int *ys, int n)
{
    if (n < 1)
        return;
    app_pointer(a, PTR_DOWN, xs[0], ys[0]);
    for (int i = 1; i < n; i++)
        app_pointer(a, PTR_MOVE, xs[i], ys[i]);
    app_pointer(a, PTR_UP, xs[n - 1], ys[n - 1]);
    app_update(a);
}

void app_send(app *a, const flow_event *ev)
{
    if (!a->flow)
        return;
    to_flow(a, ev, false);
}

/* ---- time ------------------------------------------------------------------------ */

/* The idle prompt, its countdown, the wipe, thanks ending: redraw when
 * what the client sees changed (the countdown compared with the value
 * shown last, rounded up the way the prompt rounds it). */
static void tick_flow(app *a)
{
    if (!a->flow)
        return;
    bool before = flow_still_there(a->flow);
    flow_event tick = {.type = EV_TICK};
    (void)flow_handle(a->flow, &tick, a->now);
    uint32_t shown = (flow_grace_left(a->flow, a->now) + 999) / 1000;
    if (before != flow_still_there(a->flow) || shown != a->seen.countdown)
        a->dirty = true;
    a->seen.countdown = shown;
    after_flow(a);
}

/* Staff mode's clock: idle close, lock-out count-down, stick polling (a
 * running copy goes on in app_update). */
static void tick_desk(app *a)
{
    if (staff_open(a) && desk_tick(a->desk, app_desk_clock(a)))
        after_desk(a);
}

void app_tick(app *a)
{
    tick_flow(a);
    step_saver(a);
    feed_gesture(a, STAFF_TICK, 0, 0); /* a press held on the clinic's name */
    tick_desk(a);
}

uint64_t app_next_deadline(app *a)
{
    uint64_t due = a->flow ? flow_next_deadline(a->flow, a->now) : UINT64_MAX;
    if (a->saver) {
        uint64_t retry = saver_next_deadline(a->saver, a->now);
        if (retry < due)
            due = retry;
    }
    if (a->desk) {
        uint32_t staff = desk_wait_ms(a->desk, app_desk_clock(a));
        if (staff != UINT32_MAX && a->now + staff < due)
            due = a->now + staff;
    }
    return due;
}

void app_advance(app *a, uint32_t ms)
{
    /* Tick in steps so the idle prompt appears before the wipe, as it would
     * in real time. */
    while (ms > 0 && a->flow) {
        uint32_t step = ms > 500 ? 500 : ms;
        a->now += step;
        ms -= step;
        tick_flow(a);
        step_saver(a);
        tick_desk(a);
    }
    app_update(a);
}

/* ---- work ------------------------------------------------------------------------ */

/* Copies to the stick, one verified file per call, drawing progress. */
static void work_desk(app *a, bool draw_each)
{
    while (a->desk && desk_work(a->desk, app_desk_clock(a))) {
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

void app_update(app *a)
{
    if (a->flow && flow_wants_save(a->flow)) {
        /* Show "saving" first, so a slow card never looks like a hang. */
        app_draw(a);
        app_present(a);
    }
    step_saver(a);
    if (staff_open(a) && desk_screen_now(a->desk) == DESK_EXPORTING) {
        /* Show the copy starting, then copy with progress on screen. */
        app_draw(a);
        app_present(a);
        work_desk(a, !display_headless(a->disp));
    }
    if (a->dirty)
        app_draw(a);
}
