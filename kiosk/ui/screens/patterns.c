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

static pat_geo arrange_n(screen_ctx *s, int n)
{
    pat_geo g;
    g.n = n;
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

static pat_geo arrange(screen_ctx *s)
{
    int cand[FLOW_MAX_CANDIDATES];
    int n = flow_candidates(s->flow, cand, FLOW_MAX_CANDIDATES);
    pat_geo g = arrange_n(s, n);
    for (int i = 0; i < n; i++)
        g.cand[i] = cand[i];
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

static bool tall_card(SDL_Rect c)
{
    return c.h > c.w * 4 / 5;
}

/* A card: the pattern's picture, the tick over the picture's top corner,
 * and the name (plain words first, then the muscle's name) in the rest:
 * beside the picture in a wide card, under it in a tall one. */
#define NAME_LINES_TALL 64 /* units under the picture in a tall card */

/* Where a card's picture goes. */
static SDL_Rect pic_box(screen_ctx *s, SDL_Rect c, bool sel)
{
    int bw = px(s->r, sel ? 4 : 2);
    if (tall_card(c))
        return (SDL_Rect){c.x + bw + 4, c.y + bw + 4, c.w - 2 * bw - 8,
                          c.h - px(s->r, NAME_LINES_TALL) - 2 * bw - 8};
    return (SDL_Rect){c.x + bw + 4, c.y + bw + 4, c.w * 44 / 100, c.h - 2 * bw - 8};
}

/* Where a card's name goes (as draw() lays it out). */
static SDL_Rect name_box(screen_ctx *s, SDL_Rect c, bool sel)
{
    int bw = px(s->r, sel ? 4 : 2);
    SDL_Rect pic = pic_box(s, c, sel);
    if (tall_card(c))
        return (SDL_Rect){c.x + px(s->r, 10), pic.y + pic.h + px(s->r, 4), c.w - px(s->r, 20),
                          c.y + c.h - bw - px(s->r, 4) - (pic.y + pic.h + px(s->r, 4))};
    int tx = pic.x + pic.w + px(s->r, 6);
    return (SDL_Rect){tx, c.y + px(s->r, 8), c.x + c.w - tx - px(s->r, 8), c.h - px(s->r, 16)};
}

/* The layout check sees only the patterns its walks happen to rank. So that
 * every muscle's name is known to fit, it measures each one in the smallest
 * card this screen shows (a full screen of candidates), plain and chosen. */
static void measure_every_name(screen_ctx *s)
{
    pat_geo g = arrange_n(s, FLOW_MAX_CANDIDATES);
    SDL_Rect c = cell(s, &g, 0);
    for (size_t m = 0; m < content_muscle_count(s->content); m++)
        for (int sel = 0; sel < 2; sel++)
            t_box(s->r, name_box(s, c, sel), T(s, content_muscle(s->content, m)->name_key),
                  FONT_SMALL, sel, COL_INK, AL_LEFT, true);
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
        r_round_frame(s->r, c, px(s->r, 12), px(s->r, sel ? 4 : 2), sel ? COL_PRIMARY : COL_LINE,
                      sel ? COL_SELECTED : COL_SURFACE);
        const char *label = T(s, content_muscle(s->content, (size_t)g.cand[i])->name_key);
        SDL_Rect pic = pic_box(s, c, sel);
        chart_draw_pattern(s->art, g.cand[i], pic, sel);
        int box = px(s->r, 28);
        tick_draw(s, (SDL_Rect){pic.x + px(s->r, 4), pic.y + px(s->r, 4), box, box}, sel);
        t_box(s->r, name_box(s, c, sel), label, FONT_SMALL, sel, COL_INK, AL_LEFT, true);
    }
    if (r_measure_only(s->r))
        measure_every_name(s);
}

const screen_ops screen_patterns = {layout, draw, NULL};
