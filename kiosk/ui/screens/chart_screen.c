/* chart_screen.c — "where does it hurt?": the body figure, front or back.
 * Tap a region to mark it, tap again to unmark. Sides are labelled as the
 * client's own. Where the finger covers several small regions (hands,
 * feet, jaw) the first tap zooms in around it instead of guessing, so every
 * target is big enough under the finger; "Whole body" zooms back out. */
#include <math.h>
#include <stdio.h>

#include "intake.h"
#include "ui/chart.h"
#include "ui/screens/screens.h"

static bool landscape(const app *a) { return a->lw >= a->lh; }

/* Landscape: the figure in the middle at full height (the top bar to the
 * bottom edge, between Back and Next), the words on the left, the view
 * toggle on the right. Portrait: the figure on top, the rest below. */
typedef struct {
    SDL_Rect fig, left, right;
} chart_geo;

static chart_geo arrange(app *a)
{
    chart_geo g;
    int m = px(a, 14), top = px(a, 50);
    if (landscape(a)) {
        int fw = a->lw * 42 / 100;
        int side = (a->lw - fw) / 2 - m - px(a, 10);
        g.fig = (SDL_Rect){(a->lw - fw) / 2, top, fw, a->lh - top - px(a, 8)};
        int bottom = a->lh - px(a, 80) - px(a, 6);
        g.left = (SDL_Rect){m, top, side, bottom - top};
        g.right = (SDL_Rect){a->lw - m - side, top, side, bottom - top};
    } else {
        SDL_Rect b = frame_body(a, true);
        g.fig = (SDL_Rect){b.x, b.y, b.w, b.h * 66 / 100};
        int y = g.fig.y + g.fig.h + px(a, 12);
        int half = (b.w - px(a, 12)) / 2;
        g.left = (SDL_Rect){b.x, y, half, b.y + b.h - y};
        g.right = (SDL_Rect){b.x + half + px(a, 12), y, half, b.y + b.h - y};
    }
    return g;
}

static chart_xf current_xf(app *a, SDL_Rect fig)
{
    pm_view v = flow_view(a->flow);
    if (a->chart.zoom_view != v)
        a->chart.zoom = 1;
    /* Leave room at the top corners for the "your left / your right" labels. */
    SDL_Rect inner = {fig.x, fig.y + px(a, 26), fig.w, fig.h - px(a, 30)};
    chart_xf xf = chart_fit(inner, chart_view_bounds(a->content, v),
                            a->chart.zoom > 1 ? a->chart.zoom : 1, a->chart.cx, a->chart.cy);
    xf.clip = fig;
    return xf;
}

static frame_spec spec(app *a)
{
    /* In landscape the title sits in the left column, beside the figure. */
    return (frame_spec){landscape(a) ? NULL : T(a, "ui.chart.title"), "ui.next", true, false};
}

static void layout(app *a)
{
    w_clear(a);
    frame_spec f0 = spec(a);
    frame_layout(a, &f0);
    chart_geo cg = arrange(a);
    SDL_Rect fig = cg.fig, pan = cg.right;
    pm_view v = flow_view(a->flow);
    chart_xf xf = current_xf(a, fig);
    /* Regions: one hidden widget each, so `press calf_l` touches its anchor. */
    for (size_t i = 0; i < content_region_count(a->content); i++) {
        const pm_region *r = content_region(a->content, i);
        if (r->view != v)
            continue;
        SDL_FPoint p = chart_to_screen(xf, r->anchor);
        widget *w = w_add(a, r->id, fig, WS_HIDDEN, NULL);
        w->act = ACT_AREA;
        w->px = (int)floorf(p.x);
        w->py = (int)floorf(p.y);
    }
    int g = px(a, 10), bh = px(a, 64);
    widget *f = w_flow(a, "view_front", (SDL_Rect){pan.x, pan.y, pan.w, bh}, WS_CHOICE,
                       T(a, "ui.chart.front"), EV_SET_VIEW, VIEW_FRONT);
    f->selected = v == VIEW_FRONT;
    widget *k = w_flow(a, "view_back", (SDL_Rect){pan.x, pan.y + bh + g, pan.w, bh},
                       WS_CHOICE, T(a, "ui.chart.back"), EV_SET_VIEW, VIEW_BACK);
    k->selected = v == VIEW_BACK;
    if (a->chart.zoom > 1) {
        widget *z = w_add(a, "zoom_out", (SDL_Rect){pan.x, pan.y + 2 * (bh + g), pan.w, bh},
                          WS_SECONDARY, T(a, "ui.chart.whole_body"));
        z->act = ACT_ZOOM_OUT;
    }
}

static long fill(const app *a, int region, void *ctx)
{
    (void)ctx;
    return intake_find_mark(flow_intake(a->flow), region) >= 0 ? COL_MARK : -1;
}

static void draw(app *a)
{
    frame_spec f0 = spec(a);
    frame_draw(a, &f0);
    chart_geo cg = arrange(a);
    SDL_Rect fig = cg.fig;
    pm_view v = flow_view(a->flow);
    r_round(a, fig, px(a, 12), COL_SURFACE);
    chart_draw(a, v, current_xf(a, fig), fill, NULL);
    /* The client's own sides: on the front view their right is on our left. */
    const char *lk = T(a, v == VIEW_FRONT ? "ui.chart.your_right" : "ui.chart.your_left");
    const char *rk = T(a, v == VIEW_FRONT ? "ui.chart.your_left" : "ui.chart.your_right");
    SDL_Rect lr = {fig.x + px(a, 8), fig.y + px(a, 4), fig.w / 2 - px(a, 12), px(a, 26)};
    SDL_Rect rr = {fig.x + fig.w / 2 + px(a, 4), fig.y + px(a, 4), fig.w / 2 - px(a, 12), px(a, 26)};
    t_box(a, lr, lk, FONT_SMALL, true, COL_PRIMARY, AL_LEFT, true);
    t_box(a, rr, rk, FONT_SMALL, true, COL_PRIMARY, AL_RIGHT, true);

    /* Left column (landscape): the question, what was tapped, the count. */
    SDL_Rect L = cg.left;
    int y = L.y, gap = px(a, 10);
    if (landscape(a)) {
        int th = px(a, 84);
        t_box(a, (SDL_Rect){L.x, y, L.w, th}, T(a, "ui.chart.title"), FONT_TITLE, true, COL_INK,
              AL_LEFT, false);
        y += th + gap;
    }
    const intake *in = flow_intake(a->flow);
    int last = flow_last_region(a->flow);
    char line[256];
    int bottom = L.y + L.h;
    int info_h = (bottom - y) * 58 / 100;
    if (last >= 0) {
        const pm_region *r = content_region(a->content, (size_t)last);
        bool marked = intake_find_mark(in, last) >= 0;
        tfmt_s(line, sizeof line, T(a, marked ? "ui.chart.marked" : "ui.chart.unmarked"),
               T(a, r->label_key));
        SDL_Rect ir = {L.x, y, L.w, info_h};
        r_round(a, ir, px(a, 10), marked ? 0xF8DED3 : 0xE8EDEF);
        t_box(a, (SDL_Rect){ir.x + px(a, 10), ir.y + px(a, 6), ir.w - px(a, 20), ir.h - px(a, 12)},
              line, FONT_BODY, true, COL_INK, AL_LEFT, true);
    } else {
        t_box(a, (SDL_Rect){L.x, y, L.w, info_h}, T(a, "ui.chart.help"), FONT_BODY, false, COL_INK,
              AL_LEFT, false);
    }
    y += info_h + gap;
    const char *ck = in->nmarks == 0   ? "ui.chart.count_none"
                     : in->nmarks == 1 ? "ui.chart.count_one"
                                       : "ui.chart.count_many";
    tfmt(line, sizeof line, T(a, ck), in->nmarks, 0);
    t_box(a, (SDL_Rect){L.x, y, L.w, bottom - y}, line, FONT_BODY, true, COL_PRIMARY, AL_LEFT,
          false);

    /* Right column: under the toggle, a tip. */
    SDL_Rect R = cg.right;
    int ty = R.y + 2 * (px(a, 64) + gap) + (a->chart.zoom > 1 ? px(a, 64) + gap : 0);
    const char *tip = a->chart.zoom > 1 ? T(a, "ui.chart.zoomed") : T(a, "ui.chart.tip");
    if (R.y + R.h - ty > px(a, 40))
        t_box(a, (SDL_Rect){R.x, ty, R.w, R.y + R.h - ty}, tip, FONT_SMALL, false, COL_MUTED,
              AL_LEFT, false);
}

/* How big a region looks on screen now (its narrower side, in pixels). */
static double screen_size(const pm_region *r, double s)
{
    return fmin(r->bounds.x1 - r->bounds.x0, r->bounds.y1 - r->bounds.y0) * s;
}

static void area(app *a, const widget *w, int x, int y, bool starts)
{
    (void)w;
    if (!starts)
        return;
    SDL_Rect fig = arrange(a).fig;
    chart_xf xf = current_xf(a, fig);
    pm_view v = flow_view(a->flow);
    geo_point p = chart_from_screen(xf, x, y);
    double finger = px(a, 20) / xf.s; /* a fingertip's radius in chart units */
    double target = px(a, 60);
    int near = 0;
    bool small = false;
    double smallest = 1e9;
    for (size_t i = 0; i < content_region_count(a->content); i++) {
        const pm_region *r = content_region(a->content, i);
        if (r->view != v)
            continue;
        if (geo_locate(r->poly, r->npoly, p) != GEO_OUTSIDE ||
            geo_distance_to_edge(r->poly, r->npoly, p) <= finger) {
            near++;
            double sz = screen_size(r, xf.s);
            if (sz < target)
                small = true;
            smallest = fmin(smallest, sz);
        }
    }
    if (near >= 2 && small && a->chart.zoom <= 1) {
        /* Enough that the smallest region under the finger reaches the
         * target size, within reason. */
        a->chart.zoom = fmin(4.0, fmax(2.2, target / fmax(smallest, 1)));
        a->chart.cx = p.x;
        a->chart.cy = p.y;
        a->chart.zoom_view = v;
        a->dirty = true;
        return;
    }
    int region = content_region_at(a->content, v, p, finger);
    if (region < 0)
        return;
    flow_event ev = {.type = EV_TAP_REGION, .arg = region};
    flow_handle(a->flow, &ev, a->now);
    /* Back to the whole body after choosing in the zoomed view: the client
     * always returns to the familiar picture, with the new mark on it. */
    a->chart.zoom = 1;
    a->dirty = true;
}

const screen_ops screen_chart = {layout, draw, area};
