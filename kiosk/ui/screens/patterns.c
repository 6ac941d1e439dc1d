/* patterns.c — "which picture looks like your pain?": the best-matching
 * referral patterns as small body charts (zone shaded, trigger point
 * marked), any number may be chosen, and "none of these" is always there. */
#include <math.h>
#include <stdio.h>

#include "intake.h"
#include "ui/chart.h"
#include "ui/screens/frame.h"

typedef struct {
    int cand[FLOW_MAX_CANDIDATES];
    int n, cols, rows;
    SDL_Rect grid, none;
} pat_geo;

static pat_geo arrange(screen_ctx *s)
{
    pat_geo g;
    g.n = flow_candidates(s->flow, g.cand, FLOW_MAX_CANDIDATES);
    SDL_Rect b = s->v->body;
    int nh = px(s->r, 60);
    g.none = (SDL_Rect){b.x, b.y + b.h - nh, b.w < px(s->r, 420) ? b.w : px(s->r, 420), nh};
    g.grid = (SDL_Rect){b.x, b.y, b.w, b.h - nh - px(s->r, 10)};
    bool wide = s->lw >= s->lh;
    g.cols = g.n <= 3 ? (g.n ? g.n : 1) : wide ? 3 : 2;
    if (wide && g.n > 3 && g.n <= 4)
        g.cols = 4;
    if (!wide && g.n <= 2)
        g.cols = g.n ? g.n : 1;
    g.rows = (g.n + g.cols - 1) / g.cols;
    if (g.rows < 1)
        g.rows = 1;
    return g;
}

static SDL_Rect cell(const screen_ctx *s, const pat_geo *g, int i)
{
    int gap = px(s->r, 10);
    int w = (g->grid.w - (g->cols - 1) * gap) / g->cols;
    int h = (g->grid.h - (g->rows - 1) * gap) / g->rows;
    if (w > h * 2 && g->rows == 1)
        w = h * 2;
    return (SDL_Rect){g->grid.x + (i % g->cols) * (w + gap), g->grid.y + (i / g->cols) * (h + gap),
                      w, h};
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    frame_spec f = {T(s, "ui.patterns.title"), "ui.next", true, false};
    frame_layout(s, &f);
    pat_geo g = arrange(s);
    const intake *in = flow_intake(s->flow);
    for (int i = 0; i < g.n; i++) {
        char id[64];
        snprintf(id, sizeof id, "pattern_%s", content_muscle(s->content, (size_t)g.cand[i])->id);
        widget *w = w_flow(s->wl, id, cell(s, &g, i), WS_HIDDEN, NULL, EV_TOGGLE_PATTERN, g.cand[i]);
        w->selected = intake_has_pattern(in, g.cand[i]);
    }
    widget *w = w_flow(s->wl, "none_of_these", g.none, WS_CHOICE, T(s, "ui.patterns.none"),
                       EV_NONE_OF_THESE, 0);
    w->selected = in->none_of_these;
}

static void tick_draw(screen_ctx *s, SDL_Rect tick, bool sel)
{
    if (sel) {
        r_round(s->r, tick, tick.w / 4, COL_PRIMARY);
        r_tick(s->r, tick, 0xFFFFFF);
    } else {
        r_round_frame(s->r, tick, tick.w / 4, 2, COL_LINE, COL_SURFACE);
    }
}

static void draw(screen_ctx *s)
{
    frame_spec f = {T(s, "ui.patterns.title"), "ui.next", true, false};
    frame_draw(s, &f);
    pat_geo g = arrange(s);
    const intake *in = flow_intake(s->flow);
    if (g.n == 0)
        t_box(s->r, g.grid, T(s, "ui.patterns.empty"), FONT_BODY, false, COL_INK, AL_LEFT, true);
    for (int i = 0; i < g.n; i++) {
        SDL_Rect c = cell(s, &g, i);
        bool sel = intake_has_pattern(in, g.cand[i]);
        int bw = px(s->r, sel ? 4 : 2);
        r_round_frame(s->r, c, px(s->r, 12), bw, sel ? COL_PRIMARY : COL_LINE, sel ? COL_SELECTED : COL_SURFACE);
        /* Picture on the left and the name on the right in a wide card; in a
         * tall one, the name under the picture. */
        const char *label = T(s, content_muscle(s->content, (size_t)g.cand[i])->name_key);
        int box = px(s->r, 28);
        if (c.h > c.w * 4 / 5) {
            int lh = px(s->r, 44);
            SDL_Rect pic = {c.x + bw + 4, c.y + bw + 4, c.w - 2 * bw - 8, c.h - lh - 2 * bw - 8};
            chart_draw_pattern(s->art, g.cand[i], pic, sel);
            SDL_Rect tick = {c.x + px(s->r, 10), c.y + c.h - lh - bw + (lh - box) / 2, box, box};
            tick_draw(s, tick, sel);
            SDL_Rect tr = {tick.x + box + px(s->r, 8), c.y + c.h - lh - bw, c.w - box - px(s->r, 28), lh};
            t_box(s->r, tr, label, FONT_BODY, sel, COL_INK, AL_LEFT, true);
            continue;
        }
        SDL_Rect pic = {c.x + bw + 4, c.y + bw + 4, c.w * 44 / 100, c.h - 2 * bw - 8};
        chart_draw_pattern(s->art, g.cand[i], pic, sel);
        int tx = pic.x + pic.w + px(s->r, 6), tw = c.x + c.w - tx - px(s->r, 8);
        SDL_Rect tick = {tx, c.y + px(s->r, 10), box, box};
        tick_draw(s, tick, sel);
        SDL_Rect tr = {tx, tick.y + box + px(s->r, 6), tw, c.y + c.h - (tick.y + box + px(s->r, 6)) - px(s->r, 8)};
        t_box(s->r, tr, label, FONT_SMALL, sel, COL_INK, AL_LEFT, false);
    }
}

const screen_ops screen_patterns = {layout, draw, NULL};
