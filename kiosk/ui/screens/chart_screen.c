/* chart_screen.c — "where does it hurt?": the body figure, front or back.
 *
 * Two ways of showing the figure (core/content/bodychart.h decides what a
 * touch means in each):
 *   - the whole figure: a touch anywhere on it opens a close-up there,
 *     anchored at the finger; it never marks anything (no region is 9 mm
 *     across at this size);
 *   - a close-up: the regions big enough to hit (48 px across, times the
 *     unit) are drawn in full and marked or unmarked by a tap; the others
 *     are faded and a touch there does nothing. It stays until "Show whole
 *     body" (or Front/Back), so a second tap in the same place removes what
 *     the first one marked.
 * Where the client is: "Front of body" or "Back of body" on the picture, a
 * face on the front, the spine and shoulder blades on the back, "your
 * left" and "your right" under the hands (at the edges in a close-up), the
 * name of the region under the finger while it is down, the last one
 * marked, and in a close-up its name and a small whole figure with the
 * part shown framed. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "intake.h"
#include "ui/chart.h"
#include "ui/screens/frame.h"
#include "ui/screens/screens.h"

static bool landscape(const screen_ctx *s) { return s->lw >= s->lh; }

/* Landscape: the figure in the middle at full height (the top bar to the
 * bottom edge, between Back and Next), the words on the left, the view
 * toggle on the right. Portrait: the figure on top, the rest below. */
typedef struct {
    SDL_Rect fig, left, right;
} chart_geo;

static int button_h(const screen_ctx *s) { return px(s->r, s->v->large_text ? 72 : 56); }

static chart_geo arrange(const screen_ctx *s)
{
    chart_geo g;
    /* under the frame's top bar (sections, Larger text, Start over) */
    int m = px(s->r, 14), top = frame_top_h(s) + px(s->r, 2);
    if (landscape(s)) {
        int fw = s->lw * (s->v->large_text ? 38 : 42) / 100; /* larger text: wider sides */
        int side = (s->lw - fw) / 2 - m - px(s->r, 10);
        g.fig = (SDL_Rect){(s->lw - fw) / 2, top, fw, s->lh - top - px(s->r, 8)};
        int bottom = s->lh - px(s->r, 80) - px(s->r, 6);
        g.left = (SDL_Rect){m, top, side, bottom - top};
        g.right = (SDL_Rect){s->lw - m - side, top, side, bottom - top};
    } else {
        frame_spec f = {T(s, "ui.chart.title"), "ui.next", true, false};
        SDL_Rect b = frame_body(s, &f);
        /* the figure two thirds of the body, less when the view buttons
         * and "Show whole body" under it need more (larger text on the 7"
         * panel upright): they never reach Back and Next */
        int under = 3 * button_h(s) + 2 * px(s->r, 10) + px(s->r, 12);
        int fh = b.h * 66 / 100;
        if (b.h - under < fh)
            fh = b.h - under;
        g.fig = (SDL_Rect){b.x, b.y, b.w, fh};
        int y = g.fig.y + g.fig.h + px(s->r, 12);
        int half = (b.w - px(s->r, 12)) / 2;
        g.left = (SDL_Rect){b.x, y, half, b.y + b.h - y};
        g.right = (SDL_Rect){b.x + half + px(s->r, 12), y, half, b.y + b.h - y};
    }
    return g;
}

static geo_bounds bounds_of(SDL_Rect r)
{
    return (geo_bounds){r.x, r.y, r.x + r.w, r.y + r.h};
}

/* The whole figure fits the panel with a little room around it. */
static geo_bounds whole_box(const screen_ctx *s, SDL_Rect fig)
{
    int in = px(s->r, 8);
    return (geo_bounds){fig.x + in, fig.y + in, fig.x + fig.w - in, fig.y + fig.h - in};
}

/* Where a close-up's targets may lie: the panel below the row of labels
 * on top (a target is never under a label). */
static int label_h(const screen_ctx *s) { return px(s->r, 32); }
static int caption_h(const screen_ctx *s) { return px(s->r, s->v->large_text ? 84 : 46); }
static geo_bounds reach_of(const screen_ctx *s, SDL_Rect fig)
{
    /* portrait: the close-up's caption in a row at the bottom too */
    int below = landscape(s) ? 0 : caption_h(s) + px(s->r, 10);
    return (geo_bounds){fig.x, fig.y + label_h(s) + px(s->r, 10), fig.x + fig.w,
                        fig.y + fig.h - below};
}

/* The panel a touch means something in: all of it on the whole figure, the
 * reach in a close-up. */
static geo_bounds touch_panel(const screen_ctx *s, const bodychart_view *cv, SDL_Rect fig)
{
    return cv->close ? reach_of(s, fig) : bounds_of(fig);
}

static bodychart_view whole_of(screen_ctx *s, SDL_Rect fig)
{
    return bodychart_whole(s->bodies, flow_view(s->flow), whole_box(s, fig));
}

/* What is showing: the whole figure of the flow's view, or the close-up
 * the client opened (presentation state, s->v->chart). */
static const bodychart_view *current(screen_ctx *s, SDL_Rect fig)
{
    screen_view *v = s->v;
    if (!v->chart.valid || v->chart.at.view != flow_view(s->flow) || v->chart.lw != s->lw ||
        v->chart.lh != s->lh) {
        v->chart.at = whole_of(s, fig);
        v->chart.valid = true;
        v->chart.lw = s->lw;
        v->chart.lh = s->lh;
    }
    return &v->chart.at;
}

static bool close_up(screen_ctx *s)
{
    return s->v->chart.valid && s->v->chart.at.close && s->v->chart.at.view == flow_view(s->flow) &&
           s->v->chart.lw == s->lw && s->v->chart.lh == s->lh;
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
    SDL_Rect pan = cg.right;
    pm_view v = flow_view(s->flow);
    current(s, cg.fig);
    /* The figure: its targets are the chart's own (target() below). */
    widget *fig = w_add(s->wl, "chart", cg.fig, WS_HIDDEN, NULL);
    fig->act = ACT_AREA;
    int g = px(s->r, 10), bh = button_h(s);
    widget *f = w_flow(s->wl, "view_front", (SDL_Rect){pan.x, pan.y, pan.w, bh}, WS_CHOICE,
                       T(s, "ui.chart.front"), EV_SET_VIEW, VIEW_FRONT);
    f->selected = v == VIEW_FRONT;
    widget *k = w_flow(s->wl, "view_back", (SDL_Rect){pan.x, pan.y + bh + g, pan.w, bh},
                       WS_CHOICE, T(s, "ui.chart.back"), EV_SET_VIEW, VIEW_BACK);
    k->selected = v == VIEW_BACK;
    f->compact = k->compact = s->v->large_text; /* larger text: the labels still fit */
    if (close_up(s)) {
        widget *z = w_add(s->wl, "whole_body", (SDL_Rect){pan.x, pan.y + 2 * (bh + g), pan.w, bh},
                          WS_SECONDARY, T(s, "ui.chart.whole_body"));
        z->act = ACT_ZOOM_OUT;
    }
}

/* ---- drawing ------------------------------------------------------------------ */

static long marked(int region, void *ctx)
{
    const intake *in = ctx;
    return intake_find_mark(in, region) >= 0 ? COL_MARK : -1;
}

/* The region under a finger that is down on the figure, or -1. */
static int pressed_region(screen_ctx *s, const bodychart_view *cv)
{
    if (strncmp(s->v->pressed, "chart/", 6) != 0)
        return -1;
    return bodychart_region_under(s->bodies, cv, (geo_point){s->v->press_x + 0.5, s->v->press_y + 0.5},
                                  px(s->r, 24));
}

/* A label with a light backing, so it reads over the figure; the box it
 * takes in *used. */
static void pill(screen_ctx *s, SDL_Rect r, const char *text, font_role font, text_align al,
                 SDL_Rect *used)
{
    int w = t_width(s->r, text, font_px(s->r, font), true) + px(s->r, 14);
    if (w > r.w)
        w = r.w;
    int x = al == AL_LEFT ? r.x : al == AL_RIGHT ? r.x + r.w - w : r.x + (r.w - w) / 2;
    SDL_Rect b = {x, r.y, w, r.h};
    r_round(s->r, b, px(s->r, 8), COL_SURFACE);
    t_box(s->r, (SDL_Rect){b.x + px(s->r, 4), b.y, b.w - px(s->r, 8), b.h}, text, font, true,
          COL_PRIMARY, AL_CENTRE, true);
    if (used)
        *used = b;
}

/* The client's own side of the regions furthest left and right on view v
 * (their side says whose side it is), and those regions. */
static void far_sides(screen_ctx *s, pm_view v, int far[2])
{
    far[0] = far[1] = -1;
    for (size_t i = 0; i < content_region_count(s->content); i++) {
        const pm_region *r = content_region(s->content, i);
        if (r->view != v || r->side == SIDE_CENTRE)
            continue;
        if (far[0] < 0 || r->bounds.x0 < content_region(s->content, (size_t)far[0])->bounds.x0)
            far[0] = (int)i;
        if (far[1] < 0 || r->bounds.x1 > content_region(s->content, (size_t)far[1])->bounds.x1)
            far[1] = (int)i;
    }
}

/* The width from the panel's edge (k 0: left, 1: right) in to the
 * nearest region of the whole figure whose box meets rows y0..y1, less a
 * gap; at most 38% of the panel. */
static int clear_of_body(screen_ctx *s, const bodychart_view *cv, SDL_Rect fig, int k, int y0,
                         int y1)
{
    int best = fig.w * 38 / 100;
    for (size_t i = 0; i < content_region_count(s->content); i++) {
        const pm_region *r = content_region(s->content, i);
        if (r->view != cv->view)
            continue;
        geo_point a = geo_xf_apply(cv->xf, (geo_point){r->bounds.x0, r->bounds.y0});
        geo_point b = geo_xf_apply(cv->xf, (geo_point){r->bounds.x1, r->bounds.y1});
        double top = fmin(a.y, b.y), bot = fmax(a.y, b.y);
        if (bot < y0 || top > y1)
            continue;
        double edge = k == 0 ? fmin(a.x, b.x) - fig.x : fig.x + fig.w - fmax(a.x, b.x);
        int room = (int)edge - px(s->r, 8);
        if (room < best)
            best = room;
    }
    return best;
}

static const char *side_words(screen_ctx *s, int region, bool arrow_left, bool arrow_right,
                              char *buf, size_t size)
{
    const pm_region *r = content_region(s->content, (size_t)region);
    const char *w = T(s, r->side == SIDE_LEFT ? "ui.chart.your_left" : "ui.chart.your_right");
    snprintf(buf, size, "%s%s%s", arrow_left ? "\u2190 " : "", w, arrow_right ? " \u2192" : "");
    return buf;
}

/* Where the client is: "Front" or "Back" on the picture; the client's
 * sides beside the hands on the whole figure (at the panel's edges, just
 * under the fingertips, clear of the legs), or with arrows in the top
 * corners of a close-up. */
static bool orientation(screen_ctx *s, const bodychart_view *cv, SDL_Rect fig,
                        const char *caption)
{
    pm_view v = cv->view;
    int lh = label_h(s), in = px(s->r, 6);
    /* larger text is already larger: the labels on the figure one size down */
    font_role side_font = s->v->large_text ? FONT_SMALL : FONT_BODY;
    const char *badge = T(s, v == VIEW_FRONT ? "ui.chart.side_front" : "ui.chart.side_back");
    int far[2];
    far_sides(s, v, far);
    char buf[96];
    if (cv->close) {
        /* the sides on top, with arrows; in portrait what the close-up
         * shows at the bottom (in landscape it is beside the figure) */
        int side_w = (fig.w - 3 * in) / 2;
        int ph = s->v->large_text ? 2 * lh : lh; /* larger text: two lines where needed */
        SDL_Rect used[2] = {{0, 0, 0, 0}, {0, 0, 0, 0}};
        for (int k = 0; k < 2; k++)
            if (far[k] >= 0)
                pill(s,
                     (SDL_Rect){k == 0 ? fig.x + in : fig.x + fig.w - in - side_w, fig.y + in, side_w, ph},
                     side_words(s, far[k], k == 0, k == 1, buf, sizeof buf), side_font,
                     k == 0 ? AL_LEFT : AL_RIGHT, &used[k]);
        (void)used;
        if (!caption || landscape(s))
            return false; /* the caption goes beside the figure */
        pill(s, (SDL_Rect){fig.x + in, fig.y + fig.h - in - caption_h(s), fig.w - 2 * in, caption_h(s)},
             caption, FONT_SMALL, AL_CENTRE, NULL);
        return true; /* which view: the toggle beside the figure */
    }
    pill(s, (SDL_Rect){fig.x + in, fig.y + in, fig.w / 2 - in, lh}, badge, FONT_BUTTON, AL_LEFT, NULL);
    /* under the fingertips, at the panel's edge, clear of the legs: as
     * wide as the room between the edge and the nearest part of the body
     * beside it; both on two lines when either does not fit on one */
    char words[2][96];
    SDL_Rect at[2];
    int h = lh;
    for (int k = 0; k < 2; k++) {
        if (far[k] < 0)
            continue;
        const pm_region *r = content_region(s->content, (size_t)far[k]);
        geo_point tip = geo_xf_apply(cv->xf, (geo_point){r->bounds.x0, r->bounds.y1});
        side_words(s, far[k], false, false, words[k], sizeof words[k]);
        int top = (int)lround(tip.y) + px(s->r, 4);
        int w = clear_of_body(s, cv, fig, k, top, top + 2 * lh) - in;
        if (t_width(s->r, words[k], font_px(s->r, side_font), true) + px(s->r, 14) > w)
            h = 2 * lh;
        at[k] = (SDL_Rect){k == 0 ? fig.x + in : fig.x + fig.w - in - w, top, w, 0};
    }
    for (int k = 0; k < 2; k++)
        if (far[k] >= 0) {
            at[k].h = h;
            char *sp = h > lh ? strchr(words[k], ' ') : NULL;
            if (sp)
                *sp = '\n'; /* both broken alike */
            pill(s, at[k], words[k], side_font, k == 0 ? AL_LEFT : AL_RIGHT, NULL);
        }
    return false;
}

static void draw(screen_ctx *s)
{
    frame_spec f0 = spec(s);
    frame_draw(s, &f0);
    chart_geo cg = arrange(s);
    SDL_Rect fig = cg.fig;
    const bodychart_view *cv = current(s, fig);
    const intake *in = flow_intake(s->flow);
    r_round(s->r, fig, px(s->r, 12), COL_SURFACE);
    int under = pressed_region(s, cv);
    chart_figure_draw(s->art, s->bodies, cv, fig, reach_of(s, fig), r_unit(s->r), marked,
                      (void *)in, under);
    const char *caption = NULL;
    char cap[256];
    if (close_up(s) && cv->around >= 0) {
        tfmt_s(cap, sizeof cap, T(s, "ui.chart.close_up"),
               T(s, content_region(s->content, (size_t)cv->around)->label_key));
        caption = cap;
    }
    bool captioned = orientation(s, cv, fig, caption);

    /* Left column (landscape): the question, what is under the finger or
     * was tapped, the count. */
    SDL_Rect L = cg.left;
    int y = L.y, gap = px(s->r, 10);
    if (landscape(s)) {
        int th = px(s->r, 84);
        t_box(s->r, (SDL_Rect){L.x, y, L.w, th}, T(s, "ui.chart.title"), FONT_TITLE, true, COL_INK,
              AL_LEFT, false);
        y += th + gap;
    }
    int last = flow_last_region(s->flow);
    char line[256];
    /* larger text is already larger: the column's lines one size down */
    font_role body = s->v->large_text ? FONT_SMALL : FONT_BODY;
    int bottom = L.y + L.h;
    int info_h = (bottom - y) * 62 / 100;
    SDL_Rect ir = {L.x, y, L.w, info_h};
    SDL_Rect it = {ir.x + px(s->r, 10), ir.y + px(s->r, 6), ir.w - px(s->r, 20), ir.h - px(s->r, 12)};
    if (under >= 0) {
        const pm_region *r = content_region(s->content, (size_t)under);
        tfmt_s(line, sizeof line, T(s, "ui.chart.under"), T(s, r->label_key));
        r_round(s->r, ir, px(s->r, 10), COL_SELECTED);
        t_box(s->r, it, line, body, true, COL_INK, AL_LEFT, true);
    } else if (last >= 0) {
        const pm_region *r = content_region(s->content, (size_t)last);
        bool is = intake_find_mark(in, last) >= 0;
        tfmt_s(line, sizeof line, T(s, is ? "ui.chart.marked" : "ui.chart.unmarked"),
               T(s, r->label_key));
        r_round(s->r, ir, px(s->r, 10), is ? 0xF8DED3 : 0xE8EDEF);
        t_box(s->r, it, line, body, true, COL_INK, AL_LEFT, true);
    } else {
        t_box(s->r, (SDL_Rect){L.x, y, L.w, info_h},
              T(s, cv->close ? "ui.chart.zoomed" : "ui.chart.help"), body, false, COL_INK,
              AL_LEFT, false);
    }
    y += info_h + gap;
    const char *ck = in->nmarks == 0   ? "ui.chart.count_none"
                     : in->nmarks == 1 ? "ui.chart.count_one"
                                       : "ui.chart.count_many";
    tfmt(line, sizeof line, T(s, ck), in->nmarks, 0);
    t_box(s->r, (SDL_Rect){L.x, y, L.w, bottom - y}, line, body, true, COL_PRIMARY, AL_LEFT,
          false);

    /* Right column: under the buttons, in a close-up what it shows (its
     * name, and the whole figure small with the part framed); else a tip. */
    SDL_Rect R = cg.right;
    int ty = R.y + (close_up(s) ? 3 : 2) * (button_h(s) + gap);
    int room = R.y + R.h - ty;
    if (caption) {
        /* as many lines as the words need (larger text, a long name) */
        int ch = t_box_height(s->r, R.w, caption, FONT_SMALL, true);
        if (ch < px(s->r, 52))
            ch = px(s->r, 52);
        if (!captioned && room >= ch) {
            t_box(s->r, (SDL_Rect){R.x, ty, R.w, ch}, caption, FONT_SMALL, true, COL_INK, AL_LEFT,
                  false);
            ty += ch + px(s->r, 4);
            room -= ch + px(s->r, 4);
        }
        if (room > px(s->r, 60)) {
            bodychart_view whole = whole_of(s, fig);
            chart_minimap_draw(s->art, s->bodies, &whole, cv, bounds_of(fig),
                               (SDL_Rect){R.x, ty, R.w, room});
        }
    } else if (room > px(s->r, 40)) {
        t_box(s->r, (SDL_Rect){R.x, ty, R.w, room}, T(s, "ui.chart.tip"), FONT_SMALL, false,
              COL_MUTED, AL_LEFT, false);
    }
}

/* ---- touches ------------------------------------------------------------------ */

/* Targets: a region's index in a close-up; on the whole figure, ZOOM_BASE
 * plus one more than the region under the finger (all of them mean "come
 * closer here"; the number changes with the region so the name under a
 * moving finger is drawn again). */
static int zoom_base(const screen_ctx *s) { return (int)content_region_count(s->content); }

static int target(screen_ctx *s, const widget *w, int x, int y, int keep)
{
    const bodychart_view *cv = current(s, w->r);
    geo_point at = {x + 0.5, y + 0.5};
    int t = bodychart_hit(s->bodies, cv, touch_panel(s, cv, w->r), r_unit(s->r), at,
                          keep >= 0 && keep < zoom_base(s) ? keep : -1, px(s->r, 8));
    if (t != BODYCHART_ZOOM)
        return t;
    return zoom_base(s) + 1 + bodychart_region_under(s->bodies, cv, at, px(s->r, 24));
}

static void target_name(screen_ctx *s, int t, char *out, size_t size)
{
    if (t >= 0 && t < zoom_base(s))
        snprintf(out, size, "%s", content_region(s->content, (size_t)t)->id);
    else
        snprintf(out, size, "zoom");
}

static bool act(screen_ctx *s, const widget *w, int t, int x, int y, flow_event *ev)
{
    if (t >= 0 && t < zoom_base(s)) {
        *ev = (flow_event){.type = EV_TAP_REGION, .arg = t};
        return true;
    }
    /* the whole figure: a close-up where the finger was lifted */
    bodychart_view whole = *current(s, w->r);
    s->v->chart.at = bodychart_close_up(s->bodies, &whole, reach_of(s, w->r), r_unit(s->r),
                                        (geo_point){x + 0.5, y + 0.5});
    *ev = (flow_event){.type = EV_TOUCH};
    return true;
}

static bool aim(screen_ctx *s, const char *name, int *x, int *y, bool *now)
{
    int r = content_region_index(s->content, name);
    if (r < 0 || content_region(s->content, (size_t)r)->view != flow_view(s->flow))
        return false;
    chart_geo cg = arrange(s);
    const bodychart_view *cv = current(s, cg.fig);
    geo_point at;
    geo_bounds panel = reach_of(s, cg.fig);
    if (cv->close && bodychart_is_target(s->bodies, cv, panel, r_unit(s->r), r)) {
        if (!bodychart_aim(s->bodies, cv, panel, r, &at, NULL))
            return false;
        *now = true;
    } else if (cv->close) {
        /* out of reach here: the whole figure first */
        const widget *z = w_find(s->wl, "whole_body");
        if (!z)
            return false;
        at = (geo_point){z->r.x + z->r.w / 2.0, z->r.y + z->r.h / 2.0};
        *now = false;
    } else {
        /* on the whole figure: a touch on its middle opens a close-up there */
        geo_point c;
        bodychart_circle(s->bodies, r, &c);
        at = geo_xf_apply(cv->xf, c);
        *now = false;
    }
    *x = (int)floor(at.x);
    *y = (int)floor(at.y);
    return true;
}

/* Ahead of need: the whole figure of both views as this screen shows them
 * (screens.c calls this). */
void chart_screen_want_art(screen_ctx *s)
{
    if (!s->bodies)
        return;
    chart_geo cg = arrange(s);
    for (int v = 0; v < VIEW_COUNT; v++) {
        bodychart_view cv = bodychart_whole(s->bodies, (pm_view)v, whole_box(s, cg.fig));
        chart_want_figure(s->art, (pm_view)v, (chart_xf){cv.xf.s, cv.xf.ox, cv.xf.oy, cg.fig, false, false},
                          ART_KEEP_SIZE);
    }
    if (flow_screen(s->flow) == SCREEN_CHART)
        chart_keep_map_art(s->art, flow_view(s->flow));
}

const screen_ops screen_chart = {layout, draw, NULL, NULL};
const screen_surface chart_surface = {target, target_name, act, aim};
