/* form.c — items laid out in rows that scroll by whole rows (see form.h).
 *
 * Why rows: a row is never cut in half, so every button shown is whole and
 * big enough to hit; larger text or a long notice only adds rows, and ▲ ▼
 * reach them. The same expansion (items → rows at a width) serves layout
 * and draw, so what is drawn is what is hit. */
#include "ui/screens/form.h"

#include <stdio.h>

typedef struct {
    int item;
    int a, b; /* chips [a, b) on this row (CHIPS, GRID) */
    int h;
} frow;

#define MAXROWS FRAME_MAX_ROWS

static int chip_h(const screen_ctx *s) { return px(s->r, 48); }
static int row_gap(const screen_ctx *s) { return px(s->r, 4); }

static int text_h(screen_ctx *s, const char *t, font_role role, bool bold, int w)
{
    return t_box_height(s->r, w, t, role, bold);
}

static int chip_w(screen_ctx *s, const chip *c, int max)
{
    /* measured in the regular weight: a chosen label is drawn bold and may
     * shrink a little to fit, rather than every choice taking the room */
    int w = t_width(s->r, c->label, font_px(s->r, FONT_BODY), false) + px(s->r, 56);
    if (w < px(s->r, 96))
        w = px(s->r, 96);
    return w > max ? max : w;
}

/* Answers of a question side by side: their total width. */
static int answers_w(screen_ctx *s, const form_item *it, int max)
{
    int w = 0;
    for (int i = 0; i < it->nchips; i++)
        w += chip_w(s, &it->chips[i], max) + (i ? px(s->r, 8) : 0);
    return w;
}

static int chips_rows_h(screen_ctx *s, const form_item *it, int width);

/* The answers beside the question where the page is wide and that is not
 * taller than the question across the page with the answers under it (a
 * long question in larger text needs the whole width). */
static bool question_side(screen_ctx *s, const form_item *it, int width)
{
    if (width < px(s->r, 520) || answers_w(s, it, width) > width / 2)
        return false;
    int tw = width - answers_w(s, it, width) - px(s->r, 16);
    int side = text_h(s, it->text, FONT_BODY, false, tw);
    if (side < chip_h(s))
        side = chip_h(s);
    int under = text_h(s, it->text, FONT_BODY, false, width) + px(s->r, 6) +
                chips_rows_h(s, it, width);
    return side <= under;
}

/* Chips [a, b) wrapped at width: the index after the first row's last. */
static int chips_row_end(screen_ctx *s, const form_item *it, int a, int width)
{
    int x = 0, i = a;
    for (; i < it->nchips; i++) {
        int w = chip_w(s, &it->chips[i], width);
        if (i > a && x + w > width)
            break;
        x += w + px(s->r, 8);
    }
    return i;
}

/* A grid's columns: as given, or (cols 0) as few rows as columns of at
 * least 185 units allow, spread evenly (5 choices: 3 + 2, or 5 in a row). */
static int grid_cols(screen_ctx *s, const form_item *it, int width)
{
    if (it->cols > 0)
        return it->cols;
    int maxcols = width / px(s->r, 185);
    if (maxcols < 1)
        maxcols = 1;
    int rows = (it->nchips + maxcols - 1) / maxcols;
    if (rows < 1)
        rows = 1;
    return (it->nchips + rows - 1) / rows;
}

/* The text box inside a choice of width w (what w_draw gives its label). */
static int label_w(const screen_ctx *s, int w)
{
    return w - px(s->r, 52);
}

/* A grid row: as tall as a choice, or taller when a label needs two lines
 * at its own size (the label is then not shrunk to fit). */
static int grid_row_h(screen_ctx *s, const form_item *it, int a, int cols, int width)
{
    int gap = px(s->r, 8);
    int w = (width - (cols - 1) * gap) / cols;
    int h = chip_h(s);
    for (int i = a; i < a + cols && i < it->nchips; i++) {
        int t = text_h(s, it->chips[i].label, FONT_BODY, false, label_w(s, w)) + px(s->r, 8);
        if (t > h)
            h = t;
    }
    return h;
}

/* A row of choices [a, b) at width: as tall as a choice, or taller where
 * a label (bold, as when chosen) does not fit one line of its choice even
 * at 3/4 size (a long answer on a narrow panel): it takes two lines. */
static int chips_row_h(screen_ctx *s, const form_item *it, int a, int b, int width)
{
    int h = chip_h(s), least = font_px(s->r, FONT_BODY) * 3 / 4;
    for (int i = a; i < b; i++) {
        int lw = label_w(s, chip_w(s, &it->chips[i], width));
        if (t_width(s->r, it->chips[i].label, least, true) <= lw)
            continue;
        int t = text_h(s, it->chips[i].label, FONT_BODY, true, lw) + px(s->r, 8);
        if (t > h)
            h = t;
    }
    return h;
}

static int chips_rows_h(screen_ctx *s, const form_item *it, int width)
{
    int h = 0;
    for (int a = 0; a < it->nchips;) {
        int b = chips_row_end(s, it, a, width);
        h += chips_row_h(s, it, a, b, width) + (h ? row_gap(s) : 0);
        a = b;
    }
    return h;
}

/* ---- the 0-10 scale ------------------------------------------------------------
 *
 * Eleven cells in one row where each is a finger wide (48 px at 800x480,
 * the target rule); on a narrow page (a panel turned upright) two rows, cut
 * where one band of words ends and the next begins nearest the middle (0-6
 * over 7-10 with the shipped bands), so a band's words stay under its own
 * cells. */
typedef struct {
    int split;       /* the first number on the second row; 11: one row */
    int per;         /* cells a row has room for */
    int cw, gap;     /* a cell's width, the space between two */
    int cell_h;
    int row_h;       /* a row: its cells, the band bars and words under them */
} scale_geo;

static int scale_words_h(screen_ctx *s, const scale_geo *g);

static scale_geo scale_geo_for(screen_ctx *s, int w)
{
    scale_geo g = {.split = 11, .per = 11, .gap = px(s->r, 4), .cell_h = px(s->r, 54)};
    g.cw = (w - 10 * g.gap) / 11;
    if (g.cw < px(s->r, 48)) {
        size_t n = content_band_count(s->content);
        for (size_t i = 1; i < n; i++) {
            int at = content_band(s->content, i)->min;
            int per = at > 11 - at ? at : 11 - at;
            if (per <= g.per) { /* a tie: the later cut, the first row full */
                g.per = per;
                g.split = at;
            }
        }
        g.cw = (w - (g.per - 1) * g.gap) / g.per;
    }
    g.row_h = g.cell_h + px(s->r, 14) + scale_words_h(s, &g);
    return g;
}

static int scale_rows(const scale_geo *g) { return g->split < 11 ? 2 : 1; }
static int scale_row_of(const scale_geo *g, int i) { return i >= g->split; }
static int scale_col_of(const scale_geo *g, int i) { return i >= g->split ? i - g->split : i; }

static int scale_h(const scale_geo *g)
{
    return scale_rows(g) * g->row_h + (scale_rows(g) - 1) * g->gap * 3;
}

/* The top of row r of the scale whose box starts at y. */
static int scale_row_y(const scale_geo *g, int y, int r) { return y + r * (g->row_h + g->gap * 3); }

/* The scale's cell of number i, the scale's box starting at x, y. */
static SDL_Rect scale_cell(const scale_geo *g, int x, int y, int i)
{
    return (SDL_Rect){x + scale_col_of(g, i) * (g->cw + g->gap),
                      scale_row_y(g, y, scale_row_of(g, i)), g->cw, g->cell_h};
}

/* Where a band's words go under the scale: under its cells, and a band of
 * one cell ("no pain") may lean into its neighbour's margin (that
 * neighbour's words are centred under three or more cells). */
static SDL_Rect band_words_box(const scale_geo *g, int x, const pm_band *b)
{
    int r = scale_row_of(g, b->min), first = r ? g->split : 0, last = r ? 10 : g->split - 1;
    int x0 = x + scale_col_of(g, b->min) * (g->cw + g->gap);
    int x1 = x + scale_col_of(g, b->max) * (g->cw + g->gap) + g->cw;
    if (b->min == b->max) {
        int extra = g->cw * 7 / 10;
        if (b->min == first)
            x1 += extra;
        else if (b->max == last)
            x0 -= extra;
        else {
            x0 -= extra / 2;
            x1 += extra / 2;
        }
    }
    return (SDL_Rect){x0, 0, x1 - x0, 0};
}

static int scale_words_h(screen_ctx *s, const scale_geo *g)
{
    int h = 0;
    size_t n = content_band_count(s->content);
    for (size_t i = 0; i < n; i++) {
        const pm_band *b = content_band(s->content, i);
        SDL_Rect box = band_words_box(g, 0, b);
        int t = text_h(s, T(s, b->label_key), FONT_SMALL, true, box.w);
        if (t > h)
            h = t;
    }
    return h;
}

/* A question with its answers beside it: one row as tall as the taller. */
static int question_side_h(screen_ctx *s, const form_item *it, int width)
{
    int tw = width - answers_w(s, it, width) - px(s->r, 16);
    int t = text_h(s, it->text, FONT_BODY, false, tw);
    return t > chip_h(s) ? t : chip_h(s);
}

/* A scale or a grid with a label: at the left on a wide page (the label
 * wraps in its column), else the label is a row of its own above. */
static int side_w(const screen_ctx *s) { return px(s->r, 160); }

static bool labelled_beside(const screen_ctx *s, const form_item *it, int width)
{
    return it->text && (it->kind == FI_SCALE || it->kind == FI_GRID) && width >= px(s->r, 880);
}

static int expand(screen_ctx *s, int width, const form_item *items, int n, frow *rows)
{
    int nr = 0;
    for (int i = 0; i < n && nr < MAXROWS; i++) {
        const form_item *it = &items[i];
        bool beside = labelled_beside(s, it, width);
        if (it->text && (it->kind == FI_SCALE || it->kind == FI_GRID) && !beside)
            rows[nr++] = (frow){i, -1, -1,
                                text_h(s, it->text, FONT_BODY, true, width) + px(s->r, 2)};
        int cw = beside ? width - side_w(s) : width;
        int lh = beside ? text_h(s, it->text, FONT_BODY, true, side_w(s) - px(s->r, 10)) : 0;
        if (nr >= MAXROWS)
            break;
        switch (it->kind) {
        case FI_LABEL:
            rows[nr++] = (frow){i, 0, 0, text_h(s, it->text, FONT_BODY, true, width) + px(s->r, 2)};
            break;
        case FI_TEXT:
            rows[nr++] = (frow){i, 0, 0, text_h(s, it->text, FONT_BODY, false, width)};
            break;
        case FI_NOTICE:
            rows[nr++] = (frow){i, 0, 0,
                                text_h(s, it->text, FONT_BODY, true, width - px(s->r, 28)) +
                                    px(s->r, 18)};
            break;
        case FI_SCALE: {
            scale_geo g = scale_geo_for(s, cw);
            int h = scale_h(&g);
            rows[nr++] = (frow){i, 0, 0, h > lh ? h : lh};
            break;
        }
        case FI_CHIPS:
            for (int a = 0; a < it->nchips && nr < MAXROWS;) {
                int b = chips_row_end(s, it, a, width);
                rows[nr++] = (frow){i, a, b, chips_row_h(s, it, a, b, width)};
                a = b;
            }
            break;
        case FI_GRID: {
            int cols = grid_cols(s, it, cw);
            for (int a = 0; a < it->nchips && nr < MAXROWS; a += cols) {
                int h = grid_row_h(s, it, a, cols, cw);
                if (a == 0 && lh > h)
                    h = lh;
                rows[nr++] = (frow){i, a, a + cols < it->nchips ? a + cols : it->nchips, h};
            }
            break;
        }
        case FI_QUESTION:
            /* beside: one row; else the question, then each row of answers
             * a row of its own, so a page that scrolls by whole rows shows
             * all of a long question in larger text */
            if (question_side(s, it, width)) {
                rows[nr++] = (frow){i, 0, 0, question_side_h(s, it, width)};
                break;
            }
            rows[nr++] = (frow){i, 0, 0, text_h(s, it->text, FONT_BODY, false, width)};
            for (int a = 0; a < it->nchips && nr < MAXROWS;) {
                int b = chips_row_end(s, it, a, width);
                rows[nr++] = (frow){i, a, b, chips_row_h(s, it, a, b, width)};
                a = b;
            }
            break;
        case FI_BUTTON:
            rows[nr++] = (frow){i, 0, 1, chip_h(s)};
            break;
        }
    }
    return nr;
}

typedef struct {
    frow rows[MAXROWS];
    int n;
    frame_rowset rs;
} form_geo;

static void arrange(screen_ctx *s, SDL_Rect area, const form_item *items, int n, bool add,
                    form_geo *g)
{
    int gap = row_gap(s);
    g->n = expand(s, area.w, items, n, g->rows);
    int total = 0;
    for (int i = 0; i < g->n; i++)
        total += g->rows[i].h + (i ? gap : 0);
    bool scrolls = total > area.h;
    if (scrolls)
        g->n = expand(s, area.w - frame_rail_w(s), items, n, g->rows);
    int h[MAXROWS];
    for (int i = 0; i < g->n; i++)
        h[i] = g->rows[i].h;
    frame_rows_place(s, area, h, g->n, gap, scrolls, add, &g->rs);
}

int form_height(screen_ctx *s, SDL_Rect area, const form_item *items, int n)
{
    frow rows[MAXROWS];
    int nr = expand(s, area.w, items, n, rows), total = 0;
    for (int i = 0; i < nr; i++)
        total += rows[i].h + (i ? row_gap(s) : 0);
    return total;
}

static void add_chip(screen_ctx *s, const chip *c, SDL_Rect r, widget_style style)
{
    widget *w = w_flow(s->wl, c->id, r, style, c->label, c->type, c->arg);
    w->selected = c->selected;
    w->ev.arg2 = c->arg2;
    w->compact = true;
}

static void layout_row(screen_ctx *s, const form_item *it, const frow *r, SDL_Rect box)
{
    int gap = px(s->r, 8);
    if (r->a < 0)
        return; /* a label row of its own */
    if (labelled_beside(s, it, box.w)) {
        box.x += side_w(s);
        box.w -= side_w(s);
    }
    switch (it->kind) {
    case FI_SCALE: {
        static const char *const num[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
        /* cells too narrow for "10" in the title's size (larger text on a
         * narrow panel): every number one size down, all alike */
        scale_geo g = scale_geo_for(s, box.w);
        bool small = t_width(s->r, "10", font_px(s->r, FONT_TITLE) * 3 / 4, true) > g.cw;
        for (int i = 0; i <= 10; i++) {
            char id[24];
            snprintf(id, sizeof id, "intensity_%d", i);
            widget *w = w_flow(s->wl, id, scale_cell(&g, box.x, box.y, i), WS_SCALE, num[i],
                               EV_SET_INTENSITY, i);
            w->fill = content_band_for(s->content, i)->colour;
            w->selected = it->value == i;
            w->compact = small;
        }
        return;
    }
    case FI_CHIPS: {
        int x = box.x;
        for (int i = r->a; i < r->b; i++) {
            int w = chip_w(s, &it->chips[i], box.w);
            add_chip(s, &it->chips[i], (SDL_Rect){x, box.y, w, r->h}, it->style);
            x += w + gap;
        }
        return;
    }
    case FI_GRID: {
        int cols = grid_cols(s, it, box.w);
        int w = (box.w - (cols - 1) * gap) / cols;
        for (int i = r->a; i < r->b; i++)
            add_chip(s, &it->chips[i],
                     (SDL_Rect){box.x + (i - r->a) * (w + gap), box.y, w, r->h}, it->style);
        return;
    }
    case FI_QUESTION: {
        if (r->b > r->a) { /* a row of answers under the question */
            int x = box.x;
            for (int i = r->a; i < r->b; i++) {
                int w = chip_w(s, &it->chips[i], box.w);
                add_chip(s, &it->chips[i], (SDL_Rect){x, box.y, w, r->h}, it->style);
                x += w + gap;
            }
            return;
        }
        if (question_side(s, it, box.w)) {
            int x = box.x + box.w - answers_w(s, it, box.w);
            int y = box.y + (box.h - chip_h(s)) / 2;
            for (int i = 0; i < it->nchips; i++) {
                int w = chip_w(s, &it->chips[i], box.w);
                add_chip(s, &it->chips[i], (SDL_Rect){x, y, w, chip_h(s)}, it->style);
                x += w + gap;
            }
        }
        return;
    }
    case FI_BUTTON: {
        int w = chip_w(s, &it->chips[0], box.w) + px(s->r, 20);
        if (w > box.w)
            w = box.w;
        widget *b = w_flow(s->wl, it->chips[0].id, (SDL_Rect){box.x, box.y, w, chip_h(s)},
                           WS_SECONDARY, it->chips[0].label, it->chips[0].type, it->chips[0].arg);
        b->selected = it->chips[0].selected;
        b->ev.arg2 = it->chips[0].arg2;
        return;
    }
    default:
        return;
    }
}

void form_layout(screen_ctx *s, SDL_Rect area, const form_item *items, int n)
{
    form_geo g;
    arrange(s, area, items, n, true, &g);
    for (int i = g.rs.first; i < g.rs.end; i++) {
        SDL_Rect box = {g.rs.area.x, g.rs.y[i], g.rs.area.w, g.rows[i].h};
        layout_row(s, &items[g.rows[i].item], &g.rows[i], box);
    }
}

static void draw_scale_words(screen_ctx *s, const form_item *it, SDL_Rect box)
{
    scale_geo g = scale_geo_for(s, box.w);
    size_t n = content_band_count(s->content);
    for (size_t i = 0; i < n; i++) {
        const pm_band *band = content_band(s->content, i);
        SDL_Rect first = scale_cell(&g, box.x, box.y, band->min);
        SDL_Rect last = scale_cell(&g, box.x, box.y, band->max);
        int row_end = scale_row_y(&g, box.y, scale_row_of(&g, band->min)) + g.row_h;
        bool chosen = it->value >= band->min && it->value <= band->max;
        SDL_Rect bar = {first.x, first.y + g.cell_h + px(s->r, 4), last.x + last.w - first.x,
                        px(s->r, 6)};
        r_round(s->r, bar, bar.h / 2, band->colour);
        SDL_Rect wb = band_words_box(&g, box.x, band);
        SDL_Rect wr = {wb.x, bar.y + px(s->r, 8), wb.w, row_end - bar.y - px(s->r, 8)};
        bool alone = band->min == band->max;
        text_align al = !alone                               ? AL_CENTRE
                        : scale_col_of(&g, band->min) == 0   ? AL_LEFT
                        : band->max == 10 || band->max + 1 == g.split ? AL_RIGHT
                                                              : AL_CENTRE;
        t_box(s->r, wr, T(s, band->label_key), FONT_SMALL, chosen, chosen ? COL_INK : COL_MUTED,
              al, false);
    }
}

void form_draw(screen_ctx *s, SDL_Rect area, const form_item *items, int n)
{
    form_geo g;
    arrange(s, area, items, n, false, &g);
    for (int i = g.rs.first; i < g.rs.end; i++) {
        const form_item *it = &items[g.rows[i].item];
        SDL_Rect box = {g.rs.area.x, g.rs.y[i], g.rs.area.w, g.rows[i].h};
        if (g.rows[i].a < 0) { /* a scale's or a grid's label, above it */
            t_box(s->r, box, it->text, FONT_BODY, true, COL_INK, AL_LEFT, false);
            continue;
        }
        if (labelled_beside(s, it, box.w)) {
            if (g.rows[i].a == 0)
                t_box(s->r, (SDL_Rect){box.x, box.y, side_w(s) - px(s->r, 10), box.h}, it->text,
                      FONT_BODY, true, COL_INK, AL_LEFT, false);
            box.x += side_w(s);
            box.w -= side_w(s);
        }
        switch (it->kind) {
        case FI_LABEL:
            t_box(s->r, box, it->text, FONT_BODY, true, COL_INK, AL_LEFT, false);
            break;
        case FI_TEXT:
            t_box(s->r, box, it->text, FONT_BODY, false, COL_INK, AL_LEFT, false);
            break;
        case FI_NOTICE:
            r_round_frame(s->r, box, px(s->r, 10), px(s->r, 2) < 2 ? 2 : px(s->r, 2),
                          COL_NOTICE_LINE, COL_NOTICE);
            t_box(s->r,
                  (SDL_Rect){box.x + px(s->r, 14), box.y + px(s->r, 9), box.w - px(s->r, 28),
                             box.h - px(s->r, 18)},
                  it->text, FONT_BODY, true, COL_NOTICE_INK, AL_LEFT, true);
            break;
        case FI_SCALE:
            draw_scale_words(s, it, box);
            break;
        case FI_QUESTION: {
            if (g.rows[i].b > g.rows[i].a)
                break; /* a row of its answers */
            SDL_Rect tr = box;
            if (question_side(s, it, box.w))
                tr.w = box.w - answers_w(s, it, box.w) - px(s->r, 16);
            t_box(s->r, tr, it->text, FONT_BODY, false, COL_INK, AL_LEFT, true);
            break;
        }
        default:
            break;
        }
    }
    frame_rows_draw(s, &g.rs);
}
