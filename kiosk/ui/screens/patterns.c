/* patterns.c — "which picture looks like your pain?": the best-matching
 * referral patterns as small body charts (where the pain is felt shaded,
 * where it may spread dotted, where it starts ringed), any number may be
 * chosen, and "none of these" is always there. A legend says what the
 * marks mean; each picture can be shown full screen ("Bigger"), with a
 * clear Close. The names are the content's plain names ("deep back
 * muscles (multifidi)"). */
#include <math.h>
#include <stdio.h>

#include "intake.h"
#include "ranking.h"
#include "ui/chart.h"
#include "ui/screens/frame.h"

/* the picture shows the sides the ranking scored: the same bits */
_Static_assert(CHART_SIDE_LEFT == RANKING_LEFT && CHART_SIDE_RIGHT == RANKING_RIGHT,
               "chart and ranking sides differ");

typedef struct {
    int cand[FLOW_MAX_CANDIDATES];
    int n, cols, rows;
    int card_h;
} pat_geo;

static bool legend_beside(screen_ctx *s, int width);
static int legend_block_h(screen_ctx *s, int w);
static int card_w(screen_ctx *s, int cols);
static int card_h_for(screen_ctx *s, int w, int muscle);
static frame_spec spec(screen_ctx *s);

/* The page under the title (as tall as the title needs). */
static SDL_Rect page_body(screen_ctx *s)
{
    frame_spec f = spec(s);
    return frame_body(s, &f);
}

/* The cards for n candidates (g->cand is filled by arrange()). */
static void arrange_n(screen_ctx *s, pat_geo *g, int n)
{
    g->n = n;
    bool wide = s->lw >= s->lh;
    g->cols = wide ? (s->v->large_text ? 2 : 3) : (s->v->large_text ? 1 : 2);
    /* a card narrower than this has no room for a long name beside its
     * picture (the 7" panel): fewer columns, and the rows scroll */
    int gap = px(s->r, 10);
    SDL_Rect page = page_body(s);
    while (g->cols > 1 && (page.w - frame_rail_w(s) - (g->cols - 1) * gap) / g->cols < px(s->r, 300))
        g->cols--;
    if (g->n > 0 && g->n < g->cols)
        g->cols = g->n;
    g->rows = (g->n + g->cols - 1) / g->cols;
    /* as tall as the page allows (bigger pictures), but at least this */
    g->card_h = px(s->r, s->v->large_text ? 132 : 104);
    SDL_Rect b = page_body(s);
    int legend = legend_block_h(s, b.w) + (legend_beside(s, b.w) ? 0 : px(s->r, 60));
    int fit = g->rows ? (b.h - legend - px(s->r, 10) * g->rows) / g->rows : 0;
    if (fit > g->card_h)
        g->card_h = fit < px(s->r, 220) ? fit : px(s->r, 220);
}

/* As arrange_n, and every card tall enough for the longest name shown. */
static void arrange_for(screen_ctx *s, pat_geo *g, const int *cand, int n)
{
    arrange_n(s, g, n);
    int w = card_w(s, g->cols);
    for (int i = 0; i < n; i++) {
        g->cand[i] = cand[i];
        int h = card_h_for(s, w, cand[i]);
        if (h > g->card_h)
            g->card_h = h;
    }
}

static void arrange(screen_ctx *s, pat_geo *g)
{
    int cand[FLOW_MAX_CANDIDATES];
    int n = flow_candidates(s->flow, cand, FLOW_MAX_CANDIDATES);
    arrange_for(s, g, cand, n);
}

/* Rows: the cards' rows, then the legend with "None of these". */
typedef struct {
    screen_ctx *s;
    pat_geo g;
} rows_ctx;

static int legend_h(const screen_ctx *s) { return px(s->r, 56); }

static bool legend_beside(screen_ctx *s, int width)
{
    return s->lw >= s->lh && width >= px(s->r, 700) && !s->v->large_text;
}

/* The legend's rows of swatches at width w (3 a row where they fit). */
static int legend_rows(const screen_ctx *s, int w)
{
    int per = w / px(s->r, 230);
    per = per < 1 ? 1 : per > 3 ? 3 : per;
    return (3 + per - 1) / per;
}

/* The legend's own height (without None of these) at width w. */
static int legend_block_h(screen_ctx *s, int w)
{
    int unit = px(s->r, s->v->large_text ? 62 : 44);
    return legend_beside(s, w) ? legend_h(s) : legend_rows(s, w) * unit;
}

static int row_h(screen_ctx *s, int i, int width, void *ctx)
{
    const pat_geo *g = &((rows_ctx *)ctx)->g;
    if (i < g->rows)
        return g->card_h;
    if (i == g->rows) /* the legend (and None of these beside it when wide, else under it) */
        return legend_beside(s, width) ? legend_h(s)
                                       : legend_block_h(s, width) + px(s->r, 6) + px(s->r, 54);
    return legend_h(s);
}

static int nrows(const pat_geo *g) { return g->rows + 1; }

static SDL_Rect card_rect(const screen_ctx *s, const pat_geo *g, const frame_rowset *rs, int i)
{
    int gap = px(s->r, 10);
    int w = (rs->area.w - (g->cols - 1) * gap) / g->cols;
    int row = i / g->cols;
    return (SDL_Rect){rs->area.x + (i % g->cols) * (w + gap), rs->y[row], w, g->card_h};
}

static bool row_shown(const frame_rowset *rs, int row) { return row >= rs->first && row < rs->end; }

/* A card: the pattern's picture at the left with the tick over its top
 * corner, the name (plain words first, then the muscle's name) at the
 * right, and "Bigger" (a magnifier, 48 units square) under the name, clear
 * of the picture. */
static SDL_Rect pic_box(screen_ctx *s, SDL_Rect c, bool sel)
{
    int bw = px(s->r, sel ? 4 : 2);
    return (SDL_Rect){c.x + bw + 4, c.y + bw + 4, c.w * 44 / 100, c.h - 2 * bw - 8};
}

static SDL_Rect enlarge_rect(screen_ctx *s, SDL_Rect c)
{
    int b = px(s->r, 48);
    return (SDL_Rect){c.x + c.w - b - px(s->r, 6), c.y + c.h - b - px(s->r, 6), b, b};
}

static SDL_Rect name_box(screen_ctx *s, SDL_Rect c, bool sel)
{
    SDL_Rect pic = pic_box(s, c, sel);
    SDL_Rect big = enlarge_rect(s, c);
    int tx = pic.x + pic.w + px(s->r, 8);
    int ty = c.y + px(s->r, 6);
    return (SDL_Rect){tx, ty, c.x + c.w - tx - px(s->r, 8), big.y - px(s->r, 2) - ty};
}

/* A card's width with cols columns (the rows may scroll: the rail kept). */
static int card_w(screen_ctx *s, int cols)
{
    SDL_Rect body = page_body(s);
    int gap = px(s->r, 10);
    return (body.w - frame_rail_w(s) - (cols - 1) * gap) / cols;
}

/* The card height a muscle's name needs at card width w (chosen: bold),
 * at most 220 units. */
static int card_h_for(screen_ctx *s, int w, int muscle)
{
    SDL_Rect c = {0, 0, w, px(s->r, 220)};
    SDL_Rect name = name_box(s, c, true);
    int need = t_box_height(s->r, name.w, T(s, content_muscle(s->content, (size_t)muscle)->name_key),
                            FONT_SMALL, true);
    int h = need + (c.h - name.h);
    return h < px(s->r, 220) ? h : px(s->r, 220);
}

static SDL_Rect none_rect(screen_ctx *s, const frame_rowset *rs, int row)
{
    int w = px(s->r, 300);
    if (w > rs->area.w)
        w = rs->area.w;
    int h = px(s->r, 54);
    if (legend_beside(s, rs->area.w))
        return (SDL_Rect){rs->area.x + rs->area.w - w, rs->y[row] + (legend_h(s) - h) / 2, w, h};
    return (SDL_Rect){rs->area.x, rs->y[row] + legend_block_h(s, rs->area.w) + px(s->r, 6), w, h};
}

/* ---- the enlarged picture ------------------------------------------------------- */

static SDL_Rect big_buttons(const screen_ctx *s, SDL_Rect *choose)
{
    int m = px(s->r, 12), bh = px(s->r, s->v->large_text ? 72 : 60), gap = px(s->r, 12);
    int w = (s->lw - 2 * m - gap) / 2;
    if (w > px(s->r, 360))
        w = px(s->r, 360);
    int y = s->lh - m - bh;
    *choose = (SDL_Rect){s->lw - m - w, y, w, bh};
    return (SDL_Rect){m, y, w, bh};
}

static void big_layout(screen_ctx *s, int muscle)
{
    frame_top_buttons(s, true);
    SDL_Rect choose;
    SDL_Rect close = big_buttons(s, &choose);
    widget *c = w_add(s->wl, "close_picture", close, WS_PRIMARY, T(s, "ui.picture.close"));
    c->act = ACT_DIALOG_CLOSE;
    bool chosen = intake_has_pattern(flow_intake(s->flow), muscle);
    widget *w = w_flow(s->wl, "choose_picture", choose, WS_CHOICE,
                       T(s, "ui.picture.choose"), EV_TOGGLE_PATTERN, muscle);
    w->selected = chosen;
    w->compact = true;
}

static void draw_legend(screen_ctx *s, SDL_Rect r, bool stacked);

/* The enlarged picture's name (one line, or two where it is long), its
 * picture and its legend. */
typedef struct {
    SDL_Rect name, pic, legend;
    bool stacked;
} big_geo;

static big_geo big_arrange(screen_ctx *s, int muscle)
{
    big_geo g;
    int m = px(s->r, 12), top = frame_top_h(s);
    SDL_Rect choose;
    SDL_Rect close = big_buttons(s, &choose);
    const char *name = T(s, content_muscle(s->content, (size_t)muscle)->name_key);
    int th = t_box_height(s->r, s->lw - 2 * m, name, FONT_TITLE, true);
    th = th < px(s->r, 46) ? px(s->r, 46) : th > px(s->r, 96) ? px(s->r, 96) : th;
    g.name = (SDL_Rect){m, top, s->lw - 2 * m, th};
    int y = top + th + px(s->r, 4);
    g.legend = (SDL_Rect){m, close.y - px(s->r, 10) - legend_h(s), s->lw - 2 * m, legend_h(s)};
    g.stacked = s->lw < s->lh || s->v->large_text;
    if (g.stacked) {
        g.legend.h = legend_h(s) * 3 / 2 + px(s->r, 20);
        g.legend.y = close.y - px(s->r, 10) - g.legend.h;
    }
    g.pic = (SDL_Rect){m, y, s->lw - 2 * m, g.legend.y - px(s->r, 8) - y};
    return g;
}

/* Where the enlarged picture draws the chart, inside its panel. */
static SDL_Rect big_chart(SDL_Rect pic)
{
    return (SDL_Rect){pic.x + 6, pic.y + 6, pic.w - 12, pic.h - 12};
}

static void big_draw(screen_ctx *s, int muscle)
{
    big_geo g = big_arrange(s, muscle);
    const char *name = T(s, content_muscle(s->content, (size_t)muscle)->name_key);
    t_box(s->r, g.name, name, FONT_TITLE, true, COL_INK, AL_LEFT, true);
    r_round(s->r, g.pic, px(s->r, 12), COL_SURFACE);
    chart_draw_pattern(s->art, muscle, flow_candidate_sides(s->flow, muscle), big_chart(g.pic),
                       false);
    draw_legend(s, g.legend, g.stacked);
}

/* Ahead of need (screens.c calls this): the figures the cards' pictures
 * are scaled from, big enough for the tallest card (asked on every screen
 * of the walk: the cards are drawn on the touch that opens this screen);
 * on this screen, those for the candidates' enlarged pictures. */
void patterns_want_art(screen_ctx *s, bool showing)
{
    SDL_Rect tallest = pic_box(s, (SDL_Rect){0, 0, card_w(s, 1), px(s->r, 220)}, false);
    chart_want_pictures(s->art, tallest.h, ART_KEEP_SIZE);
    if (!showing)
        return;
    int cand[FLOW_MAX_CANDIDATES];
    int n = flow_candidates(s->flow, cand, FLOW_MAX_CANDIDATES), h = 0;
    for (int i = 0; i < n; i++) {
        SDL_Rect area = big_chart(big_arrange(s, cand[i]).pic);
        h = area.h > h ? area.h : h;
    }
    chart_want_pictures(s->art, h, ART_KEEP_SOME);
}

/* A card's border and colour (what its picture's corners show). */
static void card_frame(rctx *r, SDL_Rect c, bool sel)
{
    r_round_frame(r, c, px(r, 12), px(r, sel ? 4 : 2), sel ? COL_PRIMARY : COL_LINE,
                  sel ? COL_SELECTED : COL_SURFACE);
}

/* What is under a card's picture on this screen: the page, the card. */
typedef struct {
    SDL_Rect card;
    bool sel;
} under_ctx;

static void card_under(rctx *r, SDL_Point o, void *ctx)
{
    const under_ctx *u = ctx;
    r_clear(r, COL_BG);
    card_frame(r, (SDL_Rect){u->card.x - o.x, u->card.y - o.y, u->card.w, u->card.h}, u->sel);
}

/* Ahead of need (screens.c, between frames on the screen before this one):
 * one of the cards' pictures, where and as the first page of this screen
 * will draw it (the page opens at its first row: frame_rows_top), so that
 * the touch that opens it copies six pictures instead of drawing them
 * (~50 M instructions at 1280x800). Returns whether it drew one (more may
 * be due). */
bool patterns_ahead(screen_ctx *s)
{
    rows_ctx rc = {.s = s};
    arrange(s, &rc.g);
    frame_rowset rs;
    frame_rows_top(s, page_body(s), nrows(&rc.g), px(s->r, 10), row_h, &rc, &rs);
    const intake *in = flow_intake(s->flow);
    for (int i = 0; i < rc.g.n && i / rc.g.cols < rs.end; i++) {
        under_ctx u = {card_rect(s, &rc.g, &rs, i), intake_has_pattern(in, rc.g.cand[i])};
        if (chart_pattern_ahead(s->art, rc.g.cand[i], flow_candidate_sides(s->flow, rc.g.cand[i]),
                                pic_box(s, u.card, u.sel), u.sel, false, card_under, &u))
            return true;
    }
    return false;
}

/* Ahead of need (screens.c, between frames on this screen): one of the
 * candidates' enlarged pictures prepared (chart_pattern_prepare: its
 * outlines traced, its spill-over dots found; ~7 M instructions at
 * 1280x800), so the touch on "Bigger" only fills and draws them. Returns
 * whether it prepared one (more may be due). */
bool patterns_big_ahead(screen_ctx *s)
{
    int cand[FLOW_MAX_CANDIDATES];
    int n = flow_candidates(s->flow, cand, FLOW_MAX_CANDIDATES);
    for (int i = 0; i < n; i++) {
        SDL_Rect area = big_chart(big_arrange(s, cand[i]).pic);
        if (chart_pattern_prepare(s->art, cand[i], flow_candidate_sides(s->flow, cand[i]), area))
            return true;
    }
    return false;
}

/* ---- the page --------------------------------------------------------------------- */

static frame_spec spec(screen_ctx *s)
{
    return (frame_spec){T(s, "ui.patterns.title"), "ui.next", true, false};
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    if (s->v->enlarged >= 0) {
        big_layout(s, s->v->enlarged);
        return;
    }
    frame_spec f = spec(s);
    SDL_Rect b = frame_layout(s, &f);
    rows_ctx rc = {.s = s};
    arrange(s, &rc.g);
    frame_rowset rs;
    frame_rows(s, b, nrows(&rc.g), px(s->r, 10), row_h, &rc, true, &rs);
    const intake *in = flow_intake(s->flow);
    for (int i = 0; i < rc.g.n; i++) {
        if (!row_shown(&rs, i / rc.g.cols))
            continue;
        const pm_muscle *m = content_muscle(s->content, (size_t)rc.g.cand[i]);
        SDL_Rect c = card_rect(s, &rc.g, &rs, i);
        char id[64];
        snprintf(id, sizeof id, "pattern_%s", m->id);
        widget *w = w_flow(s->wl, id, c, WS_HIDDEN, NULL, EV_TOGGLE_PATTERN, rc.g.cand[i]);
        w->selected = intake_has_pattern(in, rc.g.cand[i]);
        /* Bigger: on top of the card, so it wins the touch */
        snprintf(id, sizeof id, "bigger_%s", m->id);
        widget *e = w_add(s->wl, id, enlarge_rect(s, c), WS_SECONDARY, T(s, "ui.picture.bigger"));
        e->icon = WIDGET_ICON_ZOOM;
        e->act = ACT_ENLARGE;
        e->view_arg = rc.g.cand[i];
    }
    if (row_shown(&rs, rc.g.rows)) {
        widget *w = w_flow(s->wl, "none_of_these", none_rect(s, &rs, rc.g.rows), WS_CHOICE,
                           T(s, "ui.patterns.none"), EV_NONE_OF_THESE, 0);
        w->selected = in->none_of_these;
    }
}

static void tick_draw(screen_ctx *s, SDL_Rect tick, bool sel)
{
    int bw = px(s->r, 2) < 2 ? 2 : px(s->r, 2);
    if (sel) {
        r_round(s->r, tick, tick.w / 5, COL_PRIMARY);
        r_tick(s->r, tick, 0xFFFFFF);
    } else {
        r_round_frame(s->r, tick, tick.w / 5, bw, COL_LINE, COL_SURFACE);
    }
}

/* The legend: a swatch and words for each mark the pictures use. */
static void draw_legend(screen_ctx *s, SDL_Rect r, bool stacked)
{
    const char *keys[3] = {"ui.patterns.legend_zone", "ui.patterns.legend_spill",
                           "ui.patterns.legend_point"};
    int sw = px(s->r, 26), gap = px(s->r, 8);
    int n = 3, rows = stacked ? 2 : legend_rows(s, r.w), per_row = (n + rows - 1) / rows;
    int cw = r.w / per_row, ch = r.h / rows;
    for (int i = 0; i < n; i++) {
        SDL_Rect cell = {r.x + (i % per_row) * cw, r.y + (i / per_row) * ch, cw, ch};
        SDL_Rect box = {cell.x, cell.y + (cell.h - sw) / 2, sw, sw};
        if (i == 2) {
            r_round(s->r, box, px(s->r, 4), COL_SKIN);
            chart_draw_tp(s->r, (SDL_FPoint){box.x + sw / 2.0f, box.y + sw / 2.0f},
                          (float)px(s->r, 7));
        } else {
            r_round(s->r, box, px(s->r, 4), i == 0 ? COL_ZONE : COL_SPILL);
            if (i == 1)
                for (int yy = box.y + px(s->r, 3); yy < box.y + sw; yy += px(s->r, 5))
                    for (int xx = box.x + px(s->r, 3) + ((yy - box.y) / px(s->r, 5) % 2) * px(s->r, 2);
                         xx < box.x + sw; xx += px(s->r, 5))
                        r_circle(s->r, (float)xx, (float)yy, (float)px(s->r, 1.1), COL_MARK_LINE, 255);
        }
        t_box(s->r, (SDL_Rect){box.x + sw + gap, cell.y, cell.w - sw - 2 * gap, cell.h},
              T(s, keys[i]), FONT_SMALL, false, COL_INK, AL_LEFT, true);
    }
}

/* The layout check sees only the patterns its walks happen to rank. So that
 * every muscle's name is known to fit, it measures each one in the smallest
 * card this screen shows (a full screen of candidates), plain and chosen. */
static void measure_every_name(screen_ctx *s)
{
    pat_geo g;
    for (size_t m = 0; m < content_muscle_count(s->content); m++) {
        int one = (int)m;
        arrange_n(s, &g, FLOW_MAX_CANDIDATES); /* the columns of a full page */
        int w = card_w(s, g.cols);
        int h = card_h_for(s, w, one);
        SDL_Rect c = {s->v->body.x, s->v->body.y, w, h > g.card_h ? h : g.card_h};
        for (int sel = 0; sel < 2; sel++)
            t_box(s->r, name_box(s, c, sel), T(s, content_muscle(s->content, m)->name_key),
                  FONT_SMALL, sel, COL_INK, AL_LEFT, true);
    }
}

static void draw(screen_ctx *s)
{
    if (s->v->enlarged >= 0) {
        big_draw(s, s->v->enlarged);
        return;
    }
    frame_spec f = spec(s);
    frame_draw(s, &f);
    rows_ctx rc = {.s = s};
    arrange(s, &rc.g);
    frame_rowset rs;
    frame_rows(s, s->v->body, nrows(&rc.g), px(s->r, 10), row_h, &rc, false, &rs);
    const intake *in = flow_intake(s->flow);
    if (rc.g.n == 0)
        t_box(s->r, (SDL_Rect){rs.area.x, rs.area.y, rs.area.w, px(s->r, 80)},
              T(s, "ui.patterns.empty"), FONT_BODY, false, COL_INK, AL_LEFT, true);
    for (int i = 0; i < rc.g.n; i++) {
        if (!row_shown(&rs, i / rc.g.cols))
            continue;
        SDL_Rect c = card_rect(s, &rc.g, &rs, i);
        bool sel = intake_has_pattern(in, rc.g.cand[i]);
        card_frame(s->r, c, sel);
        const char *label = T(s, content_muscle(s->content, (size_t)rc.g.cand[i])->name_key);
        int box = px(s->r, 28);
        SDL_Rect pic = pic_box(s, c, sel);
        chart_draw_pattern(s->art, rc.g.cand[i], flow_candidate_sides(s->flow, rc.g.cand[i]),
                           pic, sel);
        tick_draw(s, (SDL_Rect){pic.x + px(s->r, 4), pic.y + px(s->r, 4), box, box}, sel);
        t_box(s->r, name_box(s, c, sel), label, FONT_SMALL, sel, COL_INK, AL_LEFT, true);
    }
    if (r_measure_only(s->r))
        measure_every_name(s);
    if (row_shown(&rs, rc.g.rows)) {
        bool beside = legend_beside(s, rs.area.w);
        SDL_Rect lr = {rs.area.x, rs.y[rc.g.rows], rs.area.w, legend_block_h(s, rs.area.w)};
        if (beside)
            lr.w -= px(s->r, 300) + px(s->r, 12);
        draw_legend(s, lr, false);
    }
    frame_rows_draw(s, &rs);
}

const screen_ops screen_patterns = {layout, draw, NULL, NULL};
