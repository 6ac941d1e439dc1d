/* frame.c — the frame every client screen shares (see frame.h).
 *
 * Why one frame: the same progress on top, Back on the left and Next on
 * the right in the same place on every screen, and the same two ways out
 * (bigger words, start again) in the same corner, is what lets a client
 * who has never seen the kiosk walk through it without reading
 * instructions. */
#include "ui/screens/frame.h"

#include <stdio.h>
#include <string.h>

static int margin(const screen_ctx *s) { return px(s->r, 12); }

/* The width a top-bar button needs for its label. */
static int button_w(const screen_ctx *s, const char *label, int min)
{
    int w = t_width(s->r, label, font_px(s->r, FONT_SMALL), true) + px(s->r, 28);
    return w < px(s->r, min) ? px(s->r, min) : w;
}

/* The top bar's two buttons' widths ("Larger text", "Start over"): as
 * wide as their labels, or where both do not fit across the page (larger
 * text on a narrow panel) the page shared in the same proportion, their
 * labels a little smaller. */
static bool top_widths(const screen_ctx *s, bool start_over, int *large_w, int *over_w)
{
    int gap = px(s->r, 8), room = s->lw - 2 * margin(s);
    *large_w = button_w(s, T(s, "ui.large_text"), 96);
    *over_w = start_over ? button_w(s, T(s, "ui.start_over"), 104) : 0;
    if (*large_w + (start_over ? gap + *over_w : 0) <= room)
        return false;
    if (!start_over) {
        *large_w = room;
        return true;
    }
    *large_w = (int)((long)(room - gap) * *large_w / (*large_w + *over_w));
    *over_w = room - gap - *large_w;
    return true;
}

/* The top bar: the progress beside the two buttons; with larger text, or
 * where the progress would have less than 200 units beside them (a narrow
 * upright panel), the buttons take the first row and the progress the
 * second. */
static bool two_rows(const screen_ctx *s)
{
    if (s->v->large_text)
        return true;
    int lw, ow;
    top_widths(s, true, &lw, &ow);
    return s->lw - 2 * margin(s) - lw - ow - 2 * px(s->r, 8) < px(s->r, 200);
}
static int top_h(const screen_ctx *s) { return px(s->r, two_rows(s) ? 96 : 52); }
static int foot_h(const screen_ctx *s) { return px(s->r, s->v->large_text ? 80 : 66); }

int frame_top_h(const screen_ctx *s) { return top_h(s); }

bool frame_title_is_long(screen_ctx *s, const char *title)
{
    return t_width(s->r, title, font_px(s->r, FONT_TITLE), true) > s->lw - 2 * margin(s);
}

/* Where the top bar's buttons go, right to left; returns the left edge of
 * the leftmost (the progress ends before it). */
static int top_buttons(screen_ctx *s, bool start_over, bool add)
{
    int m = margin(s), h = px(s->r, 48), y = px(s->r, 3), gap = px(s->r, 8);
    int x = s->lw - m;
    int large_w, over_w;
    bool squeezed = top_widths(s, start_over, &large_w, &over_w);
    if (start_over) {
        x -= over_w;
        if (add) {
            widget *b = w_add(s->wl, "start_over", (SDL_Rect){x, y, over_w, h}, WS_SECONDARY,
                              T(s, "ui.start_over"));
            b->act = ACT_ASK_START_OVER;
            b->compact = squeezed;
        }
        x -= gap;
    }
    x -= large_w;
    if (add) {
        widget *b = w_add(s->wl, "large_text", (SDL_Rect){x, y, large_w, h}, WS_SECONDARY,
                          T(s, "ui.large_text"));
        b->act = ACT_LARGE_TEXT;
        b->selected = s->v->large_text;
        b->compact = squeezed; /* shared room: the smaller label size */
    }
    return x - gap;
}

void frame_top_buttons(screen_ctx *s, bool start_over)
{
    top_buttons(s, start_over, true);
}

int frame_top_buttons_left(screen_ctx *s, bool start_over) { return top_buttons(s, start_over, false); }

static bool has_start_over(const screen_ctx *s, const frame_spec *f)
{
    (void)f;
    if (!s->flow)
        return false;
    pm_screen sc = flow_screen(s->flow);
    if (sc == SCREEN_WELCOME)
        return false;
    /* a save in progress, or a failed one the saver does not keep, cannot
     * be left (flow.h) */
    return sc != SCREEN_SAVING || flow_save_kept(s->flow);
}

/* Whether title fits a box of height h across the page at the smallest
 * size t_box uses (3/4 of the title's size). */
static bool title_fits(const screen_ctx *s, const char *title, int h)
{
    bool fits;
    t_box_px(s->r, (SDL_Rect){0, 0, s->lw - 2 * margin(s), h}, title,
             font_px(s->r, FONT_TITLE) * 3 / 4, true, 0, AL_LEFT, false, false, &fits);
    return fits;
}

int frame_title_h(const screen_ctx *s, const frame_spec *f)
{
    if (!f || !f->title)
        return 0;
    int one = px(s->r, s->v->large_text ? 52 : 40), two = px(s->r, s->v->large_text ? 120 : 72);
    if (!f->tall_title && title_fits(s, f->title, one))
        return one;
    if (title_fits(s, f->title, two))
        return two;
    /* a title that needs a third line even at the smallest size (a long
     * area's name in Spanish on a narrow panel, larger text) gets it: the
     * body starts lower and scrolls */
    bool fits;
    return t_box_px(s->r, (SDL_Rect){0, 0, s->lw - 2 * margin(s), 1 << 20}, f->title,
                    font_px(s->r, FONT_TITLE) * 3 / 4, true, 0, AL_LEFT, false, false, &fits);
}

SDL_Rect frame_layout(screen_ctx *s, const frame_spec *f)
{
    return frame_layout_mid(s, f, NULL);
}

SDL_Rect frame_layout_mid(screen_ctx *s, const frame_spec *f, const frame_middle *mid)
{
    int m = margin(s);
    int bh = px(s->r, s->v->large_text ? 68 : 54);
    int fy = s->lh - foot_h(s) + (foot_h(s) - bh) / 2;
    int bwid = s->lw / 4 > px(s->r, 150) ? s->lw / 4 : px(s->r, 150);
    if (bwid > px(s->r, 220))
        bwid = px(s->r, 220);
    top_buttons(s, has_start_over(s, f), true);
    bool parted = s->v->parts > 1;
    widget *back = NULL, *next = NULL;
    if (f->back) {
        back = w_flow(s->wl, "back", (SDL_Rect){m, fy, bwid, bh}, WS_SECONDARY, T(s, "ui.back"),
                      EV_BACK, 0);
        if (parted && s->v->part > 0)
            back->act = ACT_PART_BACK;
    }
    /* The third button between Back and Next when its label fits there
     * on at most two lines, else across the page just above them (a narrow
     * panel, larger text). */
    const char *mid_label = mid ? T(s, mid->key) : NULL;
    int mid_w = mid ? button_w(s, mid_label, 120) + px(s->r, 16) : 0;
    bool mid_above = false;
    const char *label = NULL;
    int nw = 0;
    bool inner = parted && s->v->part < s->v->parts - 1;
    if (f->next_key) {
        label = T(s, inner ? "ui.next" : f->next_key);
        /* a longer way on ("Confirm and send") gets a wider button, at
         * most 45 % of the page; where its label would not fit that even
         * at the smallest size, all the room Back leaves */
        int cap = s->lw * 45 / 100;
        int least = t_width(s->r, label, font_px(s->r, FONT_BUTTON) * 3 / 4, true) + px(s->r, 36);
        nw = t_width(s->r, label, font_px(s->r, FONT_BUTTON), true) + px(s->r, 36);
        if (least > cap) {
            cap = s->lw - m - (back ? back->r.x + back->r.w + m : m);
            mid_above = mid != NULL;
        }
        nw = nw < bwid ? bwid : nw > cap ? cap : nw;
    }
    if (mid && !mid_above) {
        int x0 = back ? back->r.x + back->r.w + m : m;
        int x1 = f->next_key ? s->lw - m - nw - m : s->lw - m;
        int w = mid_w < x1 - x0 ? mid_w : x1 - x0;
        int size = font_px(s->r, FONT_BODY) * 3 / 4;
        bool fits;
        t_box_px(s->r, (SDL_Rect){0, 0, w - px(s->r, 20), bh - px(s->r, 8)}, mid_label, size, true,
                 0, AL_CENTRE, true, false, &fits);
        mid_above = !fits;
    }
    if (f->next_key) {
        next = w_flow(s->wl, "next", (SDL_Rect){s->lw - m - nw, fy, nw, bh}, WS_PRIMARY, label,
                      EV_NEXT, 0);
        next->muted = s->flow && flow_next_blocker(s->flow) != NULL && (!parted || s->v->part == 0);
        if (inner)
            next->act = ACT_PART_NEXT;
    }
    s->v->has_middle = mid != NULL;
    s->v->middle_above = 0;
    if (mid) {
        SDL_Rect r;
        if (mid_above) {
            int gap = px(s->r, 8), h = px(s->r, s->v->large_text ? 60 : 52);
            r = (SDL_Rect){m, s->lh - foot_h(s) - gap / 2 - h, s->lw - 2 * m, h};
            s->v->middle_above = h + gap;
        } else {
            int x0 = back ? back->r.x + back->r.w + m : m;
            int x1 = next ? next->r.x - m : s->lw - m;
            int w = mid_w < x1 - x0 ? mid_w : x1 - x0;
            r = (SDL_Rect){x0 + (x1 - x0 - w) / 2, fy, w, bh};
        }
        widget *mw = w_flow(s->wl, mid->id, r, WS_SECONDARY, mid_label, mid->ev, mid->arg);
        mw->compact = true; /* its label may take two lines */
    }
    s->v->body = frame_body(s, f);
    s->v->body.h -= s->v->middle_above;
    return s->v->body;
}

SDL_Rect frame_body(const screen_ctx *s, const frame_spec *f)
{
    int m = margin(s);
    int top = top_h(s);
    SDL_Rect body = {m, top, s->lw - 2 * m, s->lh - foot_h(s) - top};
    int th = frame_title_h(s, f);
    body.y += th;
    body.h -= th;
    return body;
}

/* The sections: every name in a row, the current one in bold over a
 * filled bar; done ones filled, the rest an outline. Where the names do not
 * all fit, only the current one, with "2 of 5". */
static void draw_progress(screen_ctx *s, int right)
{
    if (!s->flow)
        return;
    int n = flow_section_count(s->flow), cur = flow_section(s->flow);
    if (n < 1 || cur < 0)
        return;
    int m = margin(s), x0 = m, w = right - x0;
    int size = font_px(s->r, FONT_SMALL);
    int gap = px(s->r, 6);
    int seg = (w - (n - 1) * gap) / n;
    bool names = true;
    for (int i = 0; i < n && names; i++) /* bold, as if current: the same on every page */
        names = t_width(s->r, T(s, flow_section_key(s->flow, i)), size, true) <= seg;
    int top = two_rows(s) ? px(s->r, 54) : 0;
    int ty = top + px(s->r, two_rows(s) ? 0 : 4), by = top + px(s->r, two_rows(s) ? 28 : 34),
        bh = px(s->r, 12);
    if (!names) {
        char line[160];
        tfmt(line, sizeof line, T(s, "ui.section.count"), cur + 1, n);
        char both[256];
        snprintf(both, sizeof both, "%s · %s", T(s, flow_section_key(s->flow, cur)), line);
        /* where even that does not fit, the section's name alone */
        bool fits;
        t_box_px(s->r, (SDL_Rect){x0, ty, w, by - ty}, both, font_px(s->r, FONT_SMALL), true,
                 COL_INK, AL_LEFT, true, false, &fits);
        t_box(s->r, (SDL_Rect){x0, ty, w, by - ty}, fits ? both : T(s, flow_section_key(s->flow, cur)),
              FONT_SMALL, true, COL_INK, AL_LEFT, true);
    }
    for (int i = 0; i < n; i++) {
        int x = x0 + i * (seg + gap);
        if (names)
            t_box(s->r, (SDL_Rect){x, ty, seg, by - ty}, T(s, flow_section_key(s->flow, i)),
                  FONT_SMALL, i == cur, i <= cur ? COL_INK : COL_MUTED, AL_LEFT, true);
        SDL_Rect bar = {x, by, seg, bh};
        if (i <= cur)
            r_round(s->r, bar, bh / 2, COL_PRIMARY);
        else
            r_round_frame(s->r, bar, bh / 2, px(s->r, 2) < 2 ? 2 : px(s->r, 2), COL_LINE, COL_SURFACE);
    }
}

void frame_draw(screen_ctx *s, const frame_spec *f)
{
    int m = margin(s);
    int right = top_buttons(s, has_start_over(s, f), false);
    draw_progress(s, two_rows(s) ? s->lw - margin(s) : right);
    if (f->title) {
        SDL_Rect tr = {m, top_h(s) - px(s->r, 2), s->lw - 2 * m, frame_title_h(s, f)};
        t_box(s->r, tr, f->title, FONT_TITLE, true, COL_INK, AL_LEFT, true);
    }
    /* The hint replaces a dead end: say what is missing, above the buttons. */
    const char *blocker = s->flow ? flow_next_blocker(s->flow) : NULL;
    if (f->next_key && blocker && s->v->show_hint) {
        const widget *next = w_find(s->wl, "next");
        const widget *back = w_find(s->wl, "back");
        bool mid = s->v->has_middle;
        int x0 = back ? back->r.x + back->r.w + m : m;
        int x1 = next ? next->r.x - m : s->lw - m;
        SDL_Rect hr = {x0, s->lh - foot_h(s) + px(s->r, 6), x1 - x0, foot_h(s) - px(s->r, 12)};
        if (hr.w < px(s->r, 240) || mid || s->v->large_text) {
            /* No room between the buttons: the hint sits full width just
             * above them, over the end of the page. */
            int hh = px(s->r, 64);
            hr = (SDL_Rect){m, s->lh - foot_h(s) - s->v->middle_above - hh - px(s->r, 4),
                            s->lw - 2 * m, hh};
        }
        r_round_frame(s->r, hr, px(s->r, 10), px(s->r, 2) < 2 ? 2 : px(s->r, 2), COL_NOTICE_LINE,
                      COL_NOTICE);
        SDL_Rect tr = {hr.x + px(s->r, 8), hr.y + px(s->r, 2), hr.w - px(s->r, 16), hr.h - px(s->r, 4)};
        t_box(s->r, tr, T(s, blocker), FONT_BODY, true, COL_NOTICE_INK, AL_CENTRE, true);
    }
}

static int chips_styled(screen_ctx *s, SDL_Rect r, const chip *c, int n, int h, bool add,
                        widget_style style)
{
    int gap = px(s->r, 8);
    int x = r.x, y = r.y;
    int size = font_px(s->r, FONT_BUTTON);
    for (int i = 0; i < n; i++) {
        int w = t_width(s->r, c[i].label, size, true) + px(s->r, 66);
        if (w < px(s->r, 110))
            w = px(s->r, 110);
        if (w > r.w)
            w = r.w;
        if (x > r.x && x + w > r.x + r.w) {
            x = r.x;
            y += h + gap;
        }
        if (add) {
            widget *wd = w_flow(s->wl, c[i].id, (SDL_Rect){x, y, w, h}, style, c[i].label,
                                c[i].type, c[i].arg);
            wd->selected = c[i].selected;
            wd->ev.arg2 = c[i].arg2;
        }
        x += w + gap;
    }
    return n ? y + h - r.y : 0;
}

int frame_chips(screen_ctx *s, SDL_Rect r, const chip *c, int n, int h, bool add)
{
    return chips_styled(s, r, c, n, h, add, WS_CHOICE);
}

int frame_radios(screen_ctx *s, SDL_Rect r, const chip *c, int n, int h, bool add)
{
    return chips_styled(s, r, c, n, h, add, WS_RADIO);
}

int frame_chip_grid(screen_ctx *s, SDL_Rect r, const chip *c, int n, int h, int cols,
                    widget_style style, bool add)
{
    if (n <= 0)
        return 0;
    if (cols < 1)
        cols = 1;
    int gap = px(s->r, 8);
    int w = (r.w - (cols - 1) * gap) / cols;
    int rows = (n + cols - 1) / cols;
    for (int i = 0; i < n && add; i++) {
        SDL_Rect cr = {r.x + (i % cols) * (w + gap), r.y + (i / cols) * (h + gap), w, h};
        widget *wd = w_flow(s->wl, c[i].id, cr, style, c[i].label, c[i].type, c[i].arg);
        wd->selected = c[i].selected;
        wd->ev.arg2 = c[i].arg2;
        wd->compact = true;
    }
    return rows * h + (rows - 1) * gap;
}

int frame_parts(screen_ctx *s, int n)
{
    s->v->parts = n;
    if (s->v->part < 0 || s->v->part >= n)
        s->v->part = n - 1;
    return s->v->part;
}

int frame_chip_pages(int n, int *starts, int max)
{
    /* Pages by count, not by what fits: the same content then has the same
     * pages at every screen size, so replay scripts and a client's habits
     * carry over. The layout check proves each page fits. */
    int pages = (n + FRAME_CHIPS_PER_PAGE - 1) / FRAME_CHIPS_PER_PAGE;
    if (pages < 1)
        pages = 1;
    if (pages > max)
        pages = max;
    int per = (n + pages - 1) / pages;
    for (int p = 0; p < pages; p++)
        starts[p] = p * per;
    return pages;
}

/* ---- rows that scroll -------------------------------------------------------- */

static int rail_w(const screen_ctx *s) { return px(s->r, 64); }

int frame_rail_w(const screen_ctx *s) { return rail_w(s) + px(s->r, 8); }

/* Where rows go; keep (or NULL): row i is a heading that never ends a
 * page without the row after it. */
static void rows_place(screen_ctx *s, SDL_Rect area, const int *h, const bool *keep, int n, int gap,
                       bool scrolls, bool add, frame_rowset *out)
{
    if (n > FRAME_MAX_ROWS)
        n = FRAME_MAX_ROWS;
    out->area = area;
    out->scrolls = scrolls;
    if (scrolls)
        out->area.w -= frame_rail_w(s);
    /* the first row shown: s->v->scroll (the last page may be part empty:
     * pulling it up to fill would skip a row that never showed whole) */
    int first = scrolls ? s->v->scroll : 0;
    if (first < 0)
        first = 0;
    if (first > n - 1)
        first = n > 0 ? n - 1 : 0;
    if (scrolls) /* (a list that fits leaves the page's scrolling alone:
                    another list on the page may scroll) */
        s->v->scroll = first;
    int y = out->area.y, end = first;
    for (; end < n; end++) {
        int bottom = out->area.y + out->area.h;
        if (end > first && y + h[end] > bottom)
            break;
        if (end > first && keep && keep[end] && end + 1 < n && y + h[end] + gap + h[end + 1] > bottom)
            break; /* a heading goes over with its paragraph */
        out->y[end] = y;
        y += h[end] + gap;
    }
    out->first = first;
    out->end = end;
    /* ▼ starts the next page at the first row not shown; ▲ goes back a
     * page: the earliest first row whose page still reaches this one */
    int up = first;
    for (int used = 0; up > 0;) {
        used += h[up - 1] + (used ? gap : 0);
        if (used > out->area.h && up < first)
            break;
        up--; /* at least one row back, however tall */
    }
    if (!scrolls)
        return;
    s->v->scroll_rows = true;
    s->v->scroll_up_to = up;
    s->v->scroll_down_to = end < n ? end : first;
    if (!add)
        return;
    int rx = area.x + area.w - rail_w(s), bh = (area.h - px(s->r, 8)) / 2;
    if (bh > px(s->r, 120))
        bh = px(s->r, 120);
    widget *u = w_add(s->wl, "scroll_up", (SDL_Rect){rx, area.y, rail_w(s), bh}, WS_SECONDARY, "▲");
    u->act = first > 0 ? ACT_SCROLL_UP : ACT_NONE;
    u->muted = first == 0;
    widget *d = w_add(s->wl, "scroll_down", (SDL_Rect){rx, area.y + area.h - bh, rail_w(s), bh},
                      WS_SECONDARY, "▼");
    d->act = end < n ? ACT_SCROLL_DOWN : ACT_NONE;
    d->muted = end >= n;
}

void frame_rows_place(screen_ctx *s, SDL_Rect area, const int *h, int n, int gap, bool scrolls,
                      bool add, frame_rowset *out)
{
    rows_place(s, area, h, NULL, n, gap, scrolls, add, out);
}

void frame_rows(screen_ctx *s, SDL_Rect area, int n, int gap, frame_row_h measure, void *ctx,
                bool add, frame_rowset *out)
{
    frame_rows_keep(s, area, n, gap, measure, NULL, ctx, add, out);
}

void frame_rows_keep(screen_ctx *s, SDL_Rect area, int n, int gap, frame_row_h measure,
                     frame_row_keep keep_next, void *ctx, bool add, frame_rowset *out)
{
    if (n > FRAME_MAX_ROWS)
        n = FRAME_MAX_ROWS;
    int h[FRAME_MAX_ROWS];
    bool keep[FRAME_MAX_ROWS];
    int total = 0;
    for (int i = 0; i < n; i++) {
        h[i] = measure(s, i, area.w, ctx);
        keep[i] = keep_next && keep_next(i, ctx);
        total += h[i] + (i ? gap : 0);
    }
    bool scrolls = total > area.h;
    if (scrolls)
        for (int i = 0; i < n; i++)
            h[i] = measure(s, i, area.w - frame_rail_w(s), ctx);
    rows_place(s, area, h, keep, n, gap, scrolls, add, out);
}

void frame_rows_top(screen_ctx *s, SDL_Rect area, int n, int gap, frame_row_h measure, void *ctx,
                    frame_rowset *out)
{
    screen_view *v = s->v;
    int scroll = v->scroll, up = v->scroll_up_to, down = v->scroll_down_to;
    bool rows = v->scroll_rows;
    v->scroll = 0;
    frame_rows(s, area, n, gap, measure, ctx, false, out);
    v->scroll = scroll;
    v->scroll_up_to = up;
    v->scroll_down_to = down;
    v->scroll_rows = rows;
}

void frame_rows_draw(screen_ctx *s, const frame_rowset *rs)
{
    if (!rs->scrolls)
        return;
    /* between the arrows: where in the list this page is */
    const widget *u = w_find(s->wl, "scroll_up"), *d = w_find(s->wl, "scroll_down");
    if (!u || !d)
        return;
    SDL_Rect mid = {u->r.x, u->r.y + u->r.h, u->r.w, d->r.y - u->r.y - u->r.h};
    if (mid.h > px(s->r, 10)) {
        SDL_Rect track = {mid.x + mid.w / 2 - px(s->r, 3), mid.y + px(s->r, 4), px(s->r, 6),
                          mid.h - px(s->r, 8)};
        r_round(s->r, track, track.w / 2, COL_LINE);
    }
}

/* ---- "start over?" -------------------------------------------------------------- */

static SDL_Rect ask_card(const screen_ctx *s)
{
    return dialog_card(s->r, 86, 74, 620, 380);
}

void frame_ask_layout(screen_ctx *s)
{
    w_clear(s->wl);
    SDL_Rect c = ask_card(s);
    int m = px(s->r, 20), bh = px(s->r, 64);
    int y = c.y + c.h - m - bh;
    int half = (c.w - 3 * m) / 2;
    widget *yes = w_flow(s->wl, "start_over_yes", (SDL_Rect){c.x + m, y, half, bh}, WS_SECONDARY,
                         T(s, "ui.start_over.yes"), EV_START_OVER, 0);
    widget *no = w_add(s->wl, "start_over_no", (SDL_Rect){c.x + 2 * m + half, y, half, bh},
                       WS_PRIMARY, T(s, "ui.start_over.no"));
    no->act = ACT_DIALOG_CLOSE;
    /* larger text on a narrow panel: half a card is tight for "Yes, clear it all" */
    yes->compact = no->compact = s->v->large_text;
}

void frame_ask_draw(screen_ctx *s)
{
    SDL_Rect c = ask_card(s);
    r_veil_around(s->r, (SDL_Rect){0, 0, s->lw, s->lh}, c, px(s->r, 18), 0x1B2830, 190);
    r_round(s->r, c, px(s->r, 18), COL_SURFACE);
    int m = px(s->r, 20);
    t_box(s->r, (SDL_Rect){c.x + m, c.y + m, c.w - 2 * m, px(s->r, 52)}, T(s, "ui.start_over.title"),
          FONT_TITLE, true, COL_INK, AL_CENTRE, true);
    int top = c.y + m + px(s->r, 58);
    int bottom = c.y + c.h - m - px(s->r, 64) - px(s->r, 10);
    t_box(s->r, (SDL_Rect){c.x + m, top, c.w - 2 * m, bottom - top}, T(s, "ui.start_over.body"),
          FONT_BODY, false, COL_INK, AL_CENTRE, true);
    w_draw_all(s->r, s->wl);
}
