/* chart_screen.c — "where does it hurt?": the body figure, front or back.
 * Tap a region to mark it, tap again to unmark. Sides are labelled as the
 * client's own. Where the finger covers several small regions (hands,
 * feet, jaw) the first tap zooms in around it instead of guessing, so every
 * target is big enough under the finger; "Whole body" zooms back out. */
#include <math.h>
#include <stdio.h>

#include "intake.h"
#include "ui/chart.h"
#include "ui/screens/frame.h"

static bool landscape(const screen_ctx *s) { return s->lw >= s->lh; }

/* Landscape: the figure in the middle at full height (the top bar to the
 * bottom edge, between Back and Next), the words on the left, the view
 * toggle on the right. Portrait: the figure on top, the rest below. */
typedef struct {
    SDL_Rect fig, left, right;
} chart_geo;

static chart_geo arrange(screen_ctx *s)
{
    chart_geo g;
    int m = px(s->r, 14), top = px(s->r, 50);
    if (landscape(s)) {
        int fw = s->lw * 42 / 100;
        int side = (s->lw - fw) / 2 - m - px(s->r, 10);
        g.fig = (SDL_Rect){(s->lw - fw) / 2, top, fw, s->lh - top - px(s->r, 8)};
        int bottom = s->lh - px(s->r, 80) - px(s->r, 6);
        g.left = (SDL_Rect){m, top, side, bottom - top};
        g.right = (SDL_Rect){s->lw - m - side, top, side, bottom - top};
    } else {
        SDL_Rect b = frame_body(s, true);
        g.fig = (SDL_Rect){b.x, b.y, b.w, b.h * 66 / 100};
        int y = g.fig.y + g.fig.h + px(s->r, 12);
        int half = (b.w - px(s->r, 12)) / 2;
        g.left = (SDL_Rect){b.x, y, half, b.y + b.h - y};
        g.right = (SDL_Rect){b.x + half + px(s->r, 12), y, half, b.y + b.h - y};
    }
    return g;
}

static chart_xf current_xf(screen_ctx *s, SDL_Rect fig)
{
    pm_view v = flow_view(s->flow);
    if (s->v->chart.zoom_view != v)
        s->v->chart.zoom = 1;
    /* Leave room at the top corners for the "your left / your right" labels. */
    SDL_Rect inner = {fig.x, fig.y + px(s->r, 26), fig.w, fig.h - px(s->r, 30)};
    chart_xf xf = chart_fit(inner, chart_view_bounds(s->content, v),
                            s->v->chart.zoom > 1 ? s->v->chart.zoom : 1, s->v->chart.cx, s->v->chart.cy);
    xf.clip = fig;
    return xf;
}

static frame_spec spec(screen_ctx *s)
{
    /* In landscape the title sits in the left column, beside the figure. */
    return (frame_spec){landscape(s) ? NULL : T(s, "ui.chart.title"), "ui.next", true, false};
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    frame_spec f0 = spec(s);
    frame_layout(s, &f0);
    chart_geo cg = arrange(s);
    SDL_Rect fig = cg.fig, pan = cg.right;
    pm_view v = flow_view(s->flow);
    chart_xf xf = current_xf(s, fig);
    /* Regions: one hidden widget each, so `press calf_l` touches its anchor. */
    for (size_t i = 0; i < content_region_count(s->content); i++) {
        const pm_region *r = content_region(s->content, i);
        if (r->view != v)
            continue;
        SDL_FPoint p = chart_to_screen(xf, r->anchor);
        widget *w = w_add(s->wl, r->id, fig, WS_HIDDEN, NULL);
        w->act = ACT_AREA;
        w->px = (int)floorf(p.x);
        w->py = (int)floorf(p.y);
    }
    int g = px(s->r, 10), bh = px(s->r, 64);
    widget *f = w_flow(s->wl, "view_front", (SDL_Rect){pan.x, pan.y, pan.w, bh}, WS_CHOICE,
                       T(s, "ui.chart.front"), EV_SET_VIEW, VIEW_FRONT);
    f->selected = v == VIEW_FRONT;
    widget *k = w_flow(s->wl, "view_back", (SDL_Rect){pan.x, pan.y + bh + g, pan.w, bh},
                       WS_CHOICE, T(s, "ui.chart.back"), EV_SET_VIEW, VIEW_BACK);
    k->selected = v == VIEW_BACK;
    if (s->v->chart.zoom > 1) {
        widget *z = w_add(s->wl, "zoom_out", (SDL_Rect){pan.x, pan.y + 2 * (bh + g), pan.w, bh},
                          WS_SECONDARY, T(s, "ui.chart.whole_body"));
        z->act = ACT_ZOOM_OUT;
    }
}

static long fill(int region, void *ctx)
{
    const intake *in = ctx;
    return intake_find_mark(in, region) >= 0 ? COL_MARK : -1;
}

static void draw(screen_ctx *s)
{
    frame_spec f0 = spec(s);
    frame_draw(s, &f0);
    chart_geo cg = arrange(s);
    SDL_Rect fig = cg.fig;
    pm_view v = flow_view(s->flow);
    r_round(s->r, fig, px(s->r, 12), COL_SURFACE);
    chart_draw(s->art, v, current_xf(s, fig), fill, (void *)flow_intake(s->flow));
    /* The client's own sides: on the front view their right is on our left. */
    const char *lk = T(s, v == VIEW_FRONT ? "ui.chart.your_right" : "ui.chart.your_left");
    const char *rk = T(s, v == VIEW_FRONT ? "ui.chart.your_left" : "ui.chart.your_right");
    SDL_Rect lr = {fig.x + px(s->r, 8), fig.y + px(s->r, 4), fig.w / 2 - px(s->r, 12), px(s->r, 26)};
    SDL_Rect rr = {fig.x + fig.w / 2 + px(s->r, 4), fig.y + px(s->r, 4), fig.w / 2 - px(s->r, 12), px(s->r, 26)};
    t_box(s->r, lr, lk, FONT_SMALL, true, COL_PRIMARY, AL_LEFT, true);
    t_box(s->r, rr, rk, FONT_SMALL, true, COL_PRIMARY, AL_RIGHT, true);

    /* Left column (landscape): the question, what was tapped, the count. */
    SDL_Rect L = cg.left;
    int y = L.y, gap = px(s->r, 10);
    if (landscape(s)) {
        int th = px(s->r, 84);
        t_box(s->r, (SDL_Rect){L.x, y, L.w, th}, T(s, "ui.chart.title"), FONT_TITLE, true, COL_INK,
              AL_LEFT, false);
        y += th + gap;
    }
    const intake *in = flow_intake(s->flow);
    int last = flow_last_region(s->flow);
    char line[256];
    int bottom = L.y + L.h;
    int info_h = (bottom - y) * 58 / 100;
    if (last >= 0) {
        const pm_region *r = content_region(s->content, (size_t)last);
        bool marked = intake_find_mark(in, last) >= 0;
        tfmt_s(line, sizeof line, T(s, marked ? "ui.chart.marked" : "ui.chart.unmarked"),
               T(s, r->label_key));
        SDL_Rect ir = {L.x, y, L.w, info_h};
        r_round(s->r, ir, px(s->r, 10), marked ? 0xF8DED3 : 0xE8EDEF);
        t_box(s->r, (SDL_Rect){ir.x + px(s->r, 10), ir.y + px(s->r, 6), ir.w - px(s->r, 20), ir.h - px(s->r, 12)},
              line, FONT_BODY, true, COL_INK, AL_LEFT, true);
    } else {
        t_box(s->r, (SDL_Rect){L.x, y, L.w, info_h}, T(s, "ui.chart.help"), FONT_BODY, false, COL_INK,
              AL_LEFT, false);
    }
    y += info_h + gap;
    const char *ck = in->nmarks == 0   ? "ui.chart.count_none"
                     : in->nmarks == 1 ? "ui.chart.count_one"
                                       : "ui.chart.count_many";
    tfmt(line, sizeof line, T(s, ck), in->nmarks, 0);
    t_box(s->r, (SDL_Rect){L.x, y, L.w, bottom - y}, line, FONT_BODY, true, COL_PRIMARY, AL_LEFT,
          false);

    /* Right column: under the toggle, a tip. */
    SDL_Rect R = cg.right;
    int ty = R.y + 2 * (px(s->r, 64) + gap) + (s->v->chart.zoom > 1 ? px(s->r, 64) + gap : 0);
    const char *tip = s->v->chart.zoom > 1 ? T(s, "ui.chart.zoomed") : T(s, "ui.chart.tip");
    if (R.y + R.h - ty > px(s->r, 40))
        t_box(s->r, (SDL_Rect){R.x, ty, R.w, R.y + R.h - ty}, tip, FONT_SMALL, false, COL_MUTED,
              AL_LEFT, false);
}

/* How big a region looks on screen now (its narrower side, in pixels). */
static double screen_size(const pm_region *r, double s)
{
    return fmin(r->bounds.x1 - r->bounds.x0, r->bounds.y1 - r->bounds.y0) * s;
}

/* A touch on the figure: the region under the finger, or a zoom in around
 * it when several small ones are there (EV_TOUCH: the view changed); a
 * finger moving on the figure means nothing. */
static bool area(screen_ctx *s, const widget *w, int x, int y, bool starts, flow_event *ev)
{
    (void)w;
    if (!starts)
        return false;
    SDL_Rect fig = arrange(s).fig;
    chart_xf xf = current_xf(s, fig);
    pm_view v = flow_view(s->flow);
    geo_point p = chart_from_screen(xf, x, y);
    double finger = px(s->r, 20) / xf.s; /* a fingertip's radius in chart units */
    double target = px(s->r, 60);
    int near = 0;
    bool small = false;
    double smallest = 1e9;
    for (size_t i = 0; i < content_region_count(s->content); i++) {
        const pm_region *r = content_region(s->content, i);
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
    if (near >= 2 && small && s->v->chart.zoom <= 1) {
        /* Enough that the smallest region under the finger reaches the
         * target size, within reason. */
        s->v->chart.zoom = fmin(4.0, fmax(2.2, target / fmax(smallest, 1)));
        s->v->chart.cx = p.x;
        s->v->chart.cy = p.y;
        s->v->chart.zoom_view = v;
        *ev = (flow_event){.type = EV_TOUCH};
        return true;
    }
    int region = content_region_at(s->content, v, p, finger);
    if (region < 0) {
        *ev = (flow_event){.type = EV_TOUCH}; /* beside every region: still the client */
        return true;
    }
    *ev = (flow_event){.type = EV_TAP_REGION, .arg = region};
    /* Back to the whole body after choosing in the zoomed view: the client
     * always returns to the familiar picture, with the new mark on it. */
    s->v->chart.zoom = 1;
    return true;
}

const screen_ops screen_chart = {layout, draw, area};
