/* dispatch.c — the one dispatcher: a touch (or a tick of the clock) becomes
 * one core event, and this file alone hands it to the core.
 *
 *   app_pointer(DOWN, x, y) ... app_pointer(UP, x, y)
 *     -> the staff gesture (welcome only; the desk decides)
 *     -> w_hit: the widget under the finger (and its surface's target),
 *        armed on the way down, acting on the way up if still on it
 *     -> what it means: its flow event, its desk event, a screen's area
 *        (screen_ops.area returns the event), or a change of view only
 *        (zoom, keyboard, pages: EV_TOUCH, the client's activity)
 *     -> flow_handle / desk_handle / learn_handle, once
 *     -> the saver steps (it saves when the flow asks, records/saver.h)
 *     -> what changed is noted (a new screen starts at its first part, a
 *        wipe forgets the client) and the frame is marked dirty.
 *
 * Why one file: a tap used to travel back and forth (screens called the
 * flow beside the dispatcher, the app saved and reported back, each chart
 * tap sent a second event); now every path a finger can take, from the
 * panel or from a replay, meets here, so what a test drives is what a
 * client does.
 *
 * Tap semantics, as on a phone (ui/input.h has the rule): a target acts
 * when the finger is lifted on it, once; sliding off cancels; for
 * INPUT_CALM_MS after what is under the finger changed (a new screen,
 * step, part, page, close-up, prompt) a touch that starts is ignored, so a
 * double or triple tap on Next moves on once (what is under the finger is
 * read after each event and after each frame is drawn, so what drawing
 * settles, such as the chart placing its figure, is never taken for a
 * change at the next touch); the same target again within
 * INPUT_REPEAT_MS of acting is a bounce. Targets are widgets, or the
 * targets of a screen's own surface (the chart's regions). Only the
 * signature pad acts while the finger moves: it draws. */
#include "ui/app_private.h"

#include <stdio.h>
#include <string.h>

#include "ui/screens/screens.h"

static bool staff_open(const app *a) { return app_staff_open(a); }

/* What is pending on the frame, drawn: the whole screen when it changed,
 * else only a pressed button's ring or a pad's newest ink (so the widgets
 * a touch is tested against are laid out for what is shown). */
static void ensure_layout(app *a)
{
    if (a->dirty)
        app_draw(a);
    else if (a->press_ring)
        app_draw_press(a);
    else if (a->pad_ink)
        app_draw_ink(a);
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
        app_forget_client(a); /* larger text too: the next person starts plain */
        app_layout_changed(a);
    }
    pm_screen s = flow_screen(a->flow);
    int step = flow_step(a->flow);
    if (s == seen->screen && step == seen->step)
        return;
    /* A screen in parts starts at its first part going forwards and at its
     * last going back, so Back retraces exactly. */
    v->part = seen->went_back ? -1 : 0;
    v->scroll = 0;
    v->enlarged = -1;
    v->asking = false;
    if (s != seen->screen) {
        if (s != SCREEN_CHART)
            v->chart.valid = false;
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

static bool learn_open(const app *a) { return a->learn && learn_is_open(a->learn); }

/* The flow starts over (the language back to the clinic's, the client
 * forgotten): after Learn closed because nobody was there. */
static void to_flow(app *a, const flow_event *ev, bool pressed);

/* After every Learn event: a close forgets what Learn showed; a close by the
 * idle prompt (it ran out, or "Start over") leaves Welcome as the next
 * person must find it, as the walk's idle reset does. */
static void after_learn(app *a, bool idle_close)
{
    if (learn_closes(a->learn) != a->seen.learn_closes) {
        a->seen.learn_closes = learn_closes(a->learn);
        app_forget_client(a);
        if (idle_close) {
            flow_event over = {.type = EV_START_OVER};
            to_flow(a, &over, false);
        }
    }
}

/* Where Learn is: a new place starts at the top of its page. */
static long learn_place(const learn *l)
{
    learn_item it = learn_page(l);
    return (((long)learn_level_now(l) * 64 + learn_area(l) + 1) * 64 + learn_list_page(l)) * 4096 +
           (it.is_muscle ? 2048 : 0) + it.index + 1;
}

/* The only place Learn is handed an event. */
static void to_learn(app *a, learn_event ev, int arg)
{
    if (!a->learn)
        return;
    bool prompt = learn_still_there(a->learn);
    long place = learn_place(a->learn);
    (void)learn_handle(a->learn, ev, arg, a->now);
    if (learn_place(a->learn) != place)
        a->view.scroll = 0;
    a->dirty = true;
    after_learn(a, prompt && !learn_is_open(a->learn));
}

/* A pointer input for the staff gesture (welcome only; the desk checks). */
static void feed_gesture(app *a, staff_input_type type, int x, int y)
{
    if (!a->desk || !a->flow || staff_open(a) || learn_open(a))
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

/* A layout change app.c marked (a new size): done before anything else. */
static void catch_up(app *a)
{
    if (a->layout_stale)
        app_layout_changed(a);
}

void app_layout_changed(app *a)
{
    if (!a->flow || !a->content)
        return;
    a->layout_stale = false;
    flow_layout l = flow_layout_for_size(r_w(a->rc), r_h(a->rc), a->view.large_text);
    flow_event ev = {.type = EV_SET_LAYOUT, .arg = l};
    (void)flow_handle(a->flow, &ev, a->now);
    app_promise(a); /* welcome's promise: the typical client's time in this layout */
    a->dirty = true;
    after_flow(a);
}

/* A touch that only changes how the screen is shown. */
static void change_view(app *a, ui_action act, const widget *w)
{
    screen_view *v = &a->view;
    switch (act) {
    case ACT_ASK_START_OVER:
        v->asking = true;
        break;
    case ACT_DIALOG_CLOSE:
        v->asking = false;
        v->enlarged = -1;
        break;
    case ACT_ENLARGE:
        v->enlarged = w->view_arg;
        break;
    case ACT_LARGE_TEXT:
        v->large_text = !v->large_text;
        r_set_text_scale(a->rc, v->large_text ? LARGE_TEXT_SCALE : 1.0);
        v->scroll = 0;
        v->chart.valid = false; /* the figure's panel changes size: the whole figure again */
        app_layout_changed(a);
        break;
    case ACT_KEY_SHIFT:
        v->kb.shift = !v->kb.shift;
        break;
    case ACT_KEY_LAYER:
        v->kb.layer = !v->kb.layer;
        break;
    case ACT_ZOOM_OUT:
        v->chart.valid = false; /* the whole figure again */
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
        if (v->scroll_rows)
            v->scroll = v->scroll_up_to;
        else
            v->scroll = v->scroll > 0 ? v->scroll - 1 : 0;
        break;
    case ACT_SCROLL_DOWN:
        if (v->scroll_rows)
            v->scroll = v->scroll_down_to;
        else
            v->scroll = v->scroll < v->scroll_max ? v->scroll + 1 : v->scroll_max;
        break;
    default:
        break;
    }
}

/* The screen's own area that draws (the signature pad): the screen says
 * which event the touch means. */
static bool area_event(app *a, const widget *w, int x, int y, bool starts, flow_event *ev)
{
    const screen_ops *ops = screen_ops_for(flow_screen(a->flow));
    if (!ops->area)
        return false;
    app_bind_screens(a);
    return ops->area(&a->sc, w, x, y, starts, ev);
}

/* The surface with targets of its own on the screen showing, or NULL. */
static const screen_surface *surface_ops(app *a)
{
    if (!a->flow || staff_open(a) || flow_still_there(a->flow) || learn_open(a))
        return NULL;
    return screen_surface_for(flow_screen(a->flow));
}

static void activate(app *a, int wi, int t, int x, int y)
{
    widget w = *w_at(a->wl, wi); /* a copy: handling rebuilds the list */
    flow_event touch = {.type = EV_TOUCH};
    switch (w.act) {
    case ACT_NONE:
        return;
    case ACT_DESK:
        to_desk(a, w.desk_ev, w.desk_arg);
        return;
    case ACT_LEARN:
        to_learn(a, w.learn_ev, w.learn_arg);
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
        const screen_surface *ops = surface_ops(a);
        flow_event ev;
        app_bind_screens(a);
        bool means = ops && ops->act(&a->sc, &w, t, x, y, &ev);
        to_flow(a, means ? &ev : &touch, false);
        return;
    }
    default:
        /* Presentation changes count as activity too: keep the client's time. */
        change_view(a, w.act, &w);
        to_flow(a, &touch, false);
        return;
    }
}

/* ---- what is under the finger ------------------------------------------------ */

typedef struct {
    int widget;   /* index, -1 none */
    int target;   /* the surface's target, -1 none */
    char name[INPUT_NAME_MAX];
} under;

/* How far a pressed finger may wander off its target and still be on it. */
static int slop(const app *a) { return px(a->rc, 8); }

static bool near_rect(SDL_Rect r, int x, int y, int m)
{
    return x >= r.x - m && y >= r.y - m && x < r.x + r.w + m && y < r.y + r.h + m;
}

/* What a touch at (x, y) would act on: a widget, or a target of the
 * screen's own surface. keep: the armed press, which a finger within the
 * slop still touches. */
static under under_finger(app *a, int x, int y, const under *keep)
{
    under u = {-1, -1, ""};
    if (keep && keep->widget >= 0) {
        const widget *kw = w_at(a->wl, keep->widget);
        const screen_surface *ops = kw && kw->act == ACT_AREA ? surface_ops(a) : NULL;
        if (ops) {
            app_bind_screens(a);
            int t = ops->target(&a->sc, kw, x, y, keep->target);
            if (t >= 0 && t == keep->target)
                return *keep;
        } else if (kw && near_rect(kw->r, x, y, slop(a))) {
            return *keep;
        }
    }
    u.widget = w_hit(a->wl, x, y);
    const widget *w = w_at(a->wl, u.widget);
    if (!w)
        return u;
    const screen_surface *ops = w->act == ACT_AREA ? surface_ops(a) : NULL;
    if (ops) {
        app_bind_screens(a);
        u.target = ops->target(&a->sc, w, x, y, -1);
        if (u.target < 0) {
            u.widget = -1;
            return u;
        }
        char t[INPUT_NAME_MAX - 16];
        ops->target_name(&a->sc, u.target, t, sizeof t);
        snprintf(u.name, sizeof u.name, "%.15s/%s", w->id, t);
    } else {
        snprintf(u.name, sizeof u.name, "%s", w->id);
    }
    return u;
}

/* Keys type the same letter twice on purpose: they may repeat at once. */
static bool repeatable(const widget *w)
{
    return w && (w->act == ACT_KEY || (w->act == ACT_FLOW && w->ev.type == EV_BACKSPACE));
}

/* After anything that may have changed the screen: the calm time starts
 * when what is under the finger changed, and the press shown goes. */
static void notice_change(app *a)
{
    uint64_t now = app_shown_digest(a);
    if (now == a->seen.shown)
        return;
    a->seen.shown = now;
    input_press_changed(&a->seen.press, a->now);
    a->seen.press_widget = -1;
    a->seen.press_target = -1;
    if (a->view.pressed[0]) {
        a->view.pressed[0] = '\0';
        a->dirty = true;
    }
}

/* Shows what the finger is on. A widget gets a ring drawn over the frame
 * as it is (redraw.c: app_update draws it; cheap, no layout); a surface's
 * target (the chart) draws itself with the name under the finger, and the
 * ring or the highlight going away is a new frame. */
static void show_pressed(app *a, const char *name, int x, int y)
{
    screen_view *v = &a->view;
    bool was = v->pressed[0] != '\0';
    snprintf(v->pressed, sizeof v->pressed, "%s", name ? name : "");
    v->press_x = x;
    v->press_y = y;
    if (name && !strchr(name, '/'))
        a->press_ring = true;
    else if (name || was)
        a->dirty = true;
}

/* ---- the finger -------------------------------------------------------------- */

static void pointer_down(app *a, int x, int y)
{
    ensure_layout(a);
    bool was_open = staff_open(a);
    feed_gesture(a, STAFF_DOWN, x, y);
    if (staff_open(a) != was_open)
        return;
    a->seen.drag_owner = -1;
    under u = under_finger(a, x, y, NULL);
    const widget *w = w_at(a->wl, u.widget);
    bool pad = w && w->act == ACT_AREA && !surface_ops(a);
    if (!input_press_down(&a->seen.press, u.name, pad || repeatable(w), a->now))
        return;
    if (pad) {
        /* a pad draws from the first touch */
        flow_event ev;
        widget copy = *w;
        a->seen.drag_owner = u.widget;
        if (area_event(a, &copy, x, y, true, &ev))
            to_flow(a, &ev, false);
        return;
    }
    a->seen.press_widget = u.widget;
    a->seen.press_target = u.target;
    show_pressed(a, u.name, x, y);
}

/* A finger moving: a pad draws; a press stays armed while the finger stays
 * on its target, and is cancelled for good once it slides off. */
static void pointer_move(app *a, int x, int y)
{
    feed_gesture(a, STAFF_MOVE, x, y);
    if (staff_open(a) && a->seen.drag_owner >= 0)
        a->seen.drag_owner = -1;
    if (a->seen.drag_owner >= 0) {
        const widget *owner = w_at(a->wl, a->seen.drag_owner);
        if (!owner || owner->act != ACT_AREA)
            return;
        widget w = *owner;
        flow_event ev;
        /* A point added to the stroke under way, nothing else changed: only
         * its ink is drawn, over the frame as it is (ink op), every frame
         * the finger moves; anything more, the whole screen again. */
        bool calm = !a->dirty && !a->press_ring && !a->pad_ink;
        pm_screen s = flow_screen(a->flow);
        int step = flow_step(a->flow);
        unsigned points = flow_intake(a->flow)->nsig;
        if (area_event(a, &w, x, y, false, &ev))
            to_flow(a, &ev, false);
        const screen_ops *ops = screen_ops_for(flow_screen(a->flow));
        bool inked = calm && ops->ink && flow_screen(a->flow) == s && flow_step(a->flow) == step &&
                     !flow_still_there(a->flow) && flow_intake(a->flow)->nsig == points + 1;
        a->dirty = !inked;
        a->pad_ink = inked;
        return;
    }
    if (!input_press_target(&a->seen.press))
        return;
    under keep = {a->seen.press_widget, a->seen.press_target, ""};
    snprintf(keep.name, sizeof keep.name, "%s", a->seen.press.target);
    under u = under_finger(a, x, y, &keep);
    if (input_press_move(&a->seen.press, strcmp(u.name, keep.name) == 0)) {
        /* still on it; a surface's target may say more (the chart: which
         * region is under the finger now): draw again when that changed */
        if (u.target != keep.target) {
            a->seen.press_target = u.target;
            show_pressed(a, keep.name, x, y);
        }
        return;
    }
    a->seen.press_widget = -1;
    a->seen.press_target = -1;
    show_pressed(a, NULL, x, y);
}

static void pointer_up(app *a, int x, int y)
{
    a->seen.drag_owner = -1;
    feed_gesture(a, STAFF_UP, x, y);
    bool on = false;
    int wi = a->seen.press_widget, t = a->seen.press_target;
    if (input_press_target(&a->seen.press)) {
        under keep = {wi, t, ""};
        snprintf(keep.name, sizeof keep.name, "%s", a->seen.press.target);
        under u = under_finger(a, x, y, &keep);
        on = strcmp(u.name, keep.name) == 0;
    }
    bool acts = input_press_up(&a->seen.press, on, a->now);
    a->seen.press_widget = -1;
    a->seen.press_target = -1;
    if (a->view.pressed[0])
        show_pressed(a, NULL, x, y);
    if (acts && w_at(a->wl, wi))
        activate(a, wi, t, x, y);
}

/* The first time the dispatcher runs: what is on screen is what the calm
 * time compares with (app.c starts the rest). */
static void ensure_seen(app *a)
{
    if (a->seen.ready)
        return;
    a->seen.ready = true;
    a->seen.shown = app_shown_digest(a);
}

void app_pointer(app *a, ptr_type type, int x, int y)
{
    catch_up(a);
    if (!a->flow)
        return;
    ensure_seen(a);
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
        break;
    case PTR_MOVE:
        if (!a->seen.finger_down)
            return;
        pointer_move(a, x, y);
        break;
    case PTR_UP:
        if (!a->seen.finger_down)
            return;
        a->seen.finger_down = false;
        pointer_up(a, x, y);
        break;
    }
    notice_change(a);
}

bool app_escape(app *a)
{
    /* the kiosk's own panel: a stray keyboard never ends it */
    if (!display_windowed(a->disp))
        return true;
    /* a window with nobody's answers in it: quit, as desktops expect */
    if (staff_open(a) || !a->flow || flow_screen(a->flow) == SCREEN_WELCOME)
        return false;
    /* an intake open: ask first ("Start over?"), as the button does; a
     * second Escape once it is wiped (on welcome) quits */
    if (!a->view.asking) {
        flow_event touch = {.type = EV_TOUCH};
        change_view(a, ACT_ASK_START_OVER, NULL);
        to_flow(a, &touch, false);
    }
    return true;
}

void app_send(app *a, const flow_event *ev)
{
    catch_up(a);
    if (!a->flow)
        return;
    to_flow(a, ev, false);
}

void app_target_at(app *a, int x, int y, char *name, size_t size)
{
    ensure_seen(a);
    ensure_layout(a);
    under u = under_finger(a, x, y, NULL);
    snprintf(name, size, "%s", u.name);
}

bool app_aim(app *a, const char *name, int *x, int *y, bool *now)
{
    ensure_layout(a);
    if (!a->flow || staff_open(a) || flow_still_there(a->flow) || learn_open(a))
        return false;
    const screen_surface *ops = screen_surface_for(flow_screen(a->flow));
    if (!ops)
        return false;
    app_bind_screens(a);
    return ops->aim(&a->sc, name, x, y, now);
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

/* Learn's idle prompt, its countdown and the close. */
static void tick_learn(app *a)
{
    if (!learn_open(a))
        return;
    bool before = learn_still_there(a->learn);
    (void)learn_handle(a->learn, LEARN_EV_TICK, 0, a->now);
    uint32_t shown = (learn_grace_left(a->learn, a->now) + 999) / 1000;
    bool closed = !learn_is_open(a->learn);
    if (before != learn_still_there(a->learn) || shown != a->seen.learn_countdown || closed)
        a->dirty = true;
    a->seen.learn_countdown = shown;
    after_learn(a, closed);
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
    catch_up(a);
    ensure_seen(a);
    tick_flow(a);
    tick_learn(a);
    step_saver(a);
    feed_gesture(a, STAFF_TICK, 0, 0); /* a press held on the clinic's name */
    tick_desk(a);
    notice_change(a);
}

uint64_t app_next_deadline(app *a)
{
    catch_up(a);
    uint64_t due = a->flow ? flow_next_deadline(a->flow, a->now) : UINT64_MAX;
    if (a->learn) {
        uint64_t learn_due = learn_next_deadline(a->learn, a->now);
        if (learn_due < due)
            due = learn_due;
    }
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
    catch_up(a);
    /* Headless, time is virtual: the artwork asked for ahead is made while
     * it passes, as it would be on the kiosk while the client reads. */
    if (a->fixed_wall && a->art) {
        chart_art_settle(a->art);
        /* and the loop's work between frames is done (app_ahead) */
        while (app_ahead(a))
            ;
    }
    /* So is a copy to the stick a touch started (app_work). */
    while (app_work(a))
        ;
    /* Tick in steps so the idle prompt appears before the wipe and a held
     * finger opens staff mode when it would, as in real time. */
    while (ms > 0 && a->flow) {
        uint32_t step = ms > 100 ? 100 : ms;
        a->now += step;
        ms -= step;
        app_tick(a);
    }
    app_update(a);
}

/* ---- work ------------------------------------------------------------------------ */

bool app_work(app *a)
{
    if (!staff_open(a) || desk_screen_now(a->desk) != DESK_EXPORTING)
        return false;
    catch_up(a);
    (void)desk_work(a->desk, app_desk_clock(a)); /* the last one fills the report */
    after_desk(a); /* the progress, or the report, is the next frame */
    return true;
}

void app_update(app *a)
{
    catch_up(a);
    if (a->flow && flow_wants_save(a->flow)) {
        /* Show "saving" first, so a slow card never looks like a hang. */
        app_draw(a);
        app_present(a);
    }
    step_saver(a);
    ensure_layout(a);
    /* What the frame shows is what the next finger meets: what drawing
     * settled (the chart's figure placed on its first frame) is taken in
     * now, not at that finger's touch, which it would then cancel (the
     * first tap on the chart after Next did nothing in a real window). */
    if (a->seen.ready)
        notice_change(a);
}
