/* redraw.c — the frame drawn once when something changed (app_draw), shown
 * on the panel (app_present), saved as a picture (app_save_png).
 *
 * Why one function draws everything: a frame is the screen the core's
 * state calls for (the registry in screens/screens.c), its widgets, and
 * the idle prompt over it, laid out and drawn in one pass into the
 * offscreen frame, so what is drawn and what a touch hits are always the
 * same layout. */
#include "ui/app_private.h"
#include "platform/bigpages.h"

#include <stdio.h>
#include <string.h>

#include "ui/screens/frame.h"
#include "ui/screens/screens.h"

void app_bind_screens(app *a)
{
    screen_ctx *s = &a->sc;
    s->lw = r_w(a->rc);
    s->lh = r_h(a->rc);
    s->now = a->now;
    s->wall = app_wall_time(a);
}

/* Where the frame is, for a message about text that does not fit. */
static void where(void *ctx, char *out, size_t size)
{
    const app *a = ctx;
    if (!a->flow || a->attention[0]) {
        snprintf(out, size, "the needs-attention screen");
        return;
    }
    if (app_staff_open(a)) {
        snprintf(out, size, "the %s screen", app_screen_name(a));
        return;
    }
    pm_screen s = flow_screen(a->flow);
    const screen_view *v = &a->view;
    if (a->learn && learn_is_open(a->learn)) {
        snprintf(out, size, "the %s screen%s", app_screen_name(a),
                 learn_still_there(a->learn) ? " (the still-there prompt)" : "");
        return;
    }
    if (flow_still_there(a->flow))
        snprintf(out, size, "the still-there prompt");
    else if (v->parts > 1 && v->part >= 0)
        snprintf(out, size, "the %s screen (step %d, part %d)", content_screen_name(s),
                 flow_step(a->flow) + 1, v->part + 1);
    else
        snprintf(out, size, "the %s screen (step %d)", content_screen_name(s),
                 flow_step(a->flow) + 1);
}

/* A widget under a finger that is down (the dispatcher arms it; it acts
 * when the finger lifts): a dark ring around it, drawn before it. The
 * widget it is around, or NULL. */
static const widget *pressed_ring(app *a)
{
    const char *name = a->view.pressed;
    if (!name[0] || strchr(name, '/'))
        return NULL; /* nothing pressed, or a surface's own target (it shows it) */
    const widget *w = w_find(a->wl, name);
    if (!w || w->style == WS_HIDDEN)
        return NULL;
    int g = px(a->rc, 4);
    SDL_Rect r = {w->r.x - g, w->r.y - g, w->r.w + 2 * g, w->r.h + 2 * g};
    r_round(a->rc, r, px(a->rc, 12) + g, COL_INK);
    return w;
}

/* The ring over the frame as it was drawn last, and the widget again on
 * top: the same pixels as a whole frame with the ring, without laying out
 * or drawing the rest again (a finger going down on a button). */
void app_draw_press(app *a)
{
    a->press_ring = false;
    if (a->dirty || !r_begin(a->rc))
        return;
    const widget *w = pressed_ring(a);
    if (w)
        w_draw(a->rc, w);
    r_end(a->rc);
}

void app_draw_ink(app *a)
{
    a->pad_ink = false;
    if (a->dirty || !a->flow || !r_begin(a->rc))
        return;
    const screen_ops *ops = screen_ops_for(flow_screen(a->flow));
    app_bind_screens(a);
    r_set_source(a->rc, a->content, flow_lang(a->flow), where, a);
    if (ops->ink)
        ops->ink(&a->sc);
    r_end(a->rc);
}

static void draw_screen(app *a, const screen_ops *ops)
{
    a->view.parts = 1;
    a->view.scroll_rows = false; /* a list that scrolls says so as it lays out */
    ops->layout(&a->sc);
    ops->draw(&a->sc);
    pressed_ring(a);
    w_draw_all(a->rc, a->wl);
}

/* ---- the idle prompt over a kept screen ------------------------------------ */

static uint64_t fold(uint64_t h, const int64_t *parts, int n)
{
    for (int i = 0; i < n; i++) {
        h ^= (uint64_t)parts[i];
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t app_shown_digest(const app *a)
{
    const screen_view *v = &a->view;
    bool staff = app_staff_open(a);
    int64_t parts[20] = {a->attention[0] != 0, staff, v->part, v->scroll, v->kb.layer};
    int n = 5;
    if (a->flow) {
        parts[n++] = flow_screen(a->flow);
        parts[n++] = flow_step(a->flow);
        parts[n++] = flow_still_there(a->flow);
        parts[n++] = flow_view(a->flow);
        parts[n++] = v->chart.valid && v->chart.at.close;
        parts[n++] = (int64_t)(v->chart.at.xf.ox * 16);
        parts[n++] = (int64_t)(v->chart.at.xf.oy * 16);
        parts[n++] = (int64_t)(v->chart.at.xf.s * 4096);
    }
    if (a->desk && staff)
        parts[n++] = desk_screen_now(a->desk);
    if (a->learn && learn_is_open(a->learn)) {
        learn_item it = learn_page(a->learn);
        parts[n++] = 100 + learn_level_now(a->learn);
        parts[n++] = learn_area(a->learn) * 4096 + learn_list_page(a->learn);
        parts[n++] = (it.is_muscle ? 65536 : 0) + it.index;
        parts[n++] = learn_still_there(a->learn);
    }
    return fold(1469598103934665603ull, parts, n);
}

/* A digest of everything the screen under the idle prompt shows: what a
 * finger meets (app_shown_digest) and what else is drawn. It cannot change
 * while the prompt is up (no touch reaches it), but a save retried
 * underneath can, and so could anything new; then the kept picture is not
 * used. */
static uint64_t under_key(const app *a)
{
    const screen_view *v = &a->view;
    const intake *in = flow_intake(a->flow);
    int64_t parts[] = {flow_resets(a->flow), flow_lang(a->flow), flow_saved(a->flow),
                       flow_wants_save(a->flow), flow_last_region(a->flow), in->nmarks,
                       in->npatterns, in->nsig, v->parts, v->asking, v->enlarged,
                       v->large_text, v->show_hint, v->chart.valid, r_w(a->rc), r_h(a->rc),
                       v->pressed[0]};
    uint64_t h = fold(app_shown_digest(a), parts, (int)(sizeof parts / sizeof parts[0]));
    return h ? h : 1;
}

/* The prompt over what is under it: when nothing under it changed since the
 * prompt was drawn last (each second of the countdown), only its card, over
 * the frame as it is: the frame still holds the screen dimmed, and nothing
 * but the card's own buttons' rings was drawn over it since, inside the
 * opaque card. Else the dimmed screen too, and that is noted. */
static void draw_prompt(app *a, bool kept)
{
    if (!kept) {
        overlay_dim(&a->sc);
        a->dimmed.key = under_key(a);
    }
    overlay_layout(&a->sc);
    overlay_draw(&a->sc);
}

void app_draw(app *a)
{
    if (!r_begin(a->rc))
        return;
    a->dirty = false;
    a->press_ring = false;
    a->pad_ink = false;
    app_bind_screens(a);
    if (a->attention[0] || !a->flow) {
        r_set_source(a->rc, NULL, 0, where, a);
        w_clear(a->wl);
        attention_draw(&a->sc);
        r_end(a->rc);
        r_share_fonts(a->rc, false);
        return;
    }
    r_set_source(a->rc, a->content, flow_lang(a->flow), where, a);
    bool learning = a->learn && learn_is_open(a->learn);
    bool prompt = !app_staff_open(a) &&
                  (learning ? learn_still_there(a->learn) : flow_still_there(a->flow));
    if (!prompt) {
        app_drop_dimmed(a);
    } else if (a->dimmed.key && a->dimmed.key == under_key(a)) {
        draw_prompt(a, true);
        r_end(a->rc);
        return;
    }
    r_clear(a->rc, COL_BG);
    if (app_staff_open(a)) {
        draw_screen(a, staff_ops_for(desk_screen_now(a->desk)));
    } else if (learning) {
        draw_screen(a, &screen_learn);
        if (prompt)
            draw_prompt(a, false);
    } else {
        draw_screen(a, screen_ops_for(flow_screen(a->flow)));
        if (a->view.asking) {
            frame_ask_layout(&a->sc);
            frame_ask_draw(&a->sc);
        }
        if (prompt)
            draw_prompt(a, false);
    }
    r_end(a->rc);
    /* only the first frame shares its fonts (app_create, r_share_fonts) */
    r_share_fonts(a->rc, false);
    screens_want_art(&a->sc);
}

bool app_ahead(app *a)
{
    if (!a->flow || !a->art || a->dirty || a->seen.finger_down || a->attention[0])
        return false;
    uint64_t key = app_shown_digest(a);
    if (key == a->ahead_done)
        return false; /* done for what shows: an idle wake-up costs nothing */
    if (chart_art_pack(a->art))
        return true; /* a picture made on the touch, packed: its memory back */
    if (chart_art_busy(a->art))
        return false; /* what it is scaled from is not made yet: later */
    if (screens_ahead(&a->sc))
        return true;
    a->ahead_done = key;
    /* what shows is complete: the screen before's blocks are gone by now */
    bigpages_trim();
    return false;
}

void app_warm(app *a)
{
    r_warm_fonts(a->rc);
}

void app_present(app *a)
{
    if (!r_has_frame(a->rc))
        return;
    display_present(a->disp, r_frame(a->rc), r_w(a->rc), r_h(a->rc));
}

bool app_save_png(app *a, const char *path, char *why, size_t why_size)
{
    if (a->dirty)
        app_draw(a);
    return r_save_png(a->rc, path, why, why_size);
}

const wlist *app_widgets(app *a)
{
    if (a->dirty)
        app_draw(a);
    return a->wl;
}

const widget *app_widget(app *a, const char *id)
{
    return w_find(app_widgets(a), id);
}
