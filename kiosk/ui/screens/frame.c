/* frame.c — the frame every client screen shares (see frame.h).
 *
 * Why one frame: the same progress bar, Back on the left and Next on the
 * right in the same place on every screen is what lets a client who has
 * never seen the kiosk walk through it without reading instructions. */
#include "ui/screens/frame.h"

#include <stdio.h>
#include <string.h>

static int bar_h(const screen_ctx *s) { return px(s->r, 50); }
static int foot_h(const screen_ctx *s) { return px(s->r, 80); }

/* How much taller than its two lines a tall title must be: a title that
 * needs a third line even at the smallest size t_box uses (a long region
 * name in Spanish on a narrow panel) gets it, and the body starts lower. */
static int title_extra(const screen_ctx *s, const frame_spec *f)
{
    if (!f->title || !f->tall_title)
        return 0;
    int size = font_px(s->r, FONT_TITLE) * 3 / 4;
    bool fits;
    int need = t_box_px(s->r, (SDL_Rect){0, 0, s->lw - 2 * px(s->r, 14), 1 << 20}, f->title, size,
                        true, 0, AL_LEFT, false, false, &fits);
    int room = px(s->r, 76);
    return need > room ? need - room : 0;
}

SDL_Rect frame_layout(screen_ctx *s, const frame_spec *f)
{
    int m = px(s->r, 14);
    int bh = px(s->r, 60);
    int fy = s->lh - foot_h(s) + (foot_h(s) - bh) / 2;
    int bwid = s->lw / 4 > px(s->r, 150) ? s->lw / 4 : px(s->r, 150);
    if (bwid > px(s->r, 240))
        bwid = px(s->r, 240);
    bool parted = s->v->parts > 1;
    if (f->back) {
        widget *b = w_flow(s->wl, "back", (SDL_Rect){m, fy, bwid, bh}, WS_SECONDARY, T(s, "ui.back"),
                           EV_BACK, 0);
        if (parted && s->v->part > 0)
            b->act = ACT_PART_BACK;
    }
    if (f->next_key) {
        bool inner = parted && s->v->part < s->v->parts - 1;
        widget *n = w_flow(s->wl, "next", (SDL_Rect){s->lw - m - bwid, fy, bwid, bh}, WS_PRIMARY,
                           T(s, inner ? "ui.next" : f->next_key), EV_NEXT, 0);
        n->muted = s->flow && flow_next_blocker(s->flow) != NULL && (!parted || s->v->part == 0);
        if (inner)
            n->act = ACT_PART_NEXT;
    }
    s->v->body = frame_body(s, f->title ? (f->tall_title ? 2 : 1) : 0);
    int extra = title_extra(s, f);
    s->v->body.y += extra;
    s->v->body.h -= extra;
    return s->v->body;
}

SDL_Rect frame_body(const screen_ctx *s, int title)
{
    int m = px(s->r, 14);
    int top = bar_h(s);
    SDL_Rect body = {m, top, s->lw - 2 * m, s->lh - foot_h(s) - top};
    if (title) {
        int th = px(s->r, title == 2 ? 74 : 44);
        body.y += th;
        body.h -= th;
    }
    return body;
}

void frame_draw(screen_ctx *s, const frame_spec *f)
{
    int m = px(s->r, 14);
    /* Progress: a calm bar and "Step 3 of 11". */
    int done = 0, total = 1;
    if (s->flow)
        flow_progress(s->flow, &done, &total);
    if (total < 1)
        total = 1;
    char step[96];
    tfmt(step, sizeof step, T(s, "ui.progress"), done + 1, total);
    int sh = font_px(s->r, FONT_SMALL);
    int sw = t_width(s->r, step, sh, false);
    int by = px(s->r, 14);
    t_line(s->r, s->lw - m - sw, by - px(s->r, 3), step, sh, false, COL_MUTED);
    SDL_Rect track = {m, by + px(s->r, 6), s->lw - 3 * m - sw, px(s->r, 10)};
    r_round(s->r, track, track.h / 2, 0xDCE3E6);
    SDL_Rect fill = track;
    fill.w = track.w * (done + 1) / total;
    r_round(s->r, fill, track.h / 2, COL_PRIMARY);
    if (f->title) {
        SDL_Rect tr = {m, bar_h(s) - px(s->r, 6), s->lw - 2 * m,
                       px(s->r, f->tall_title ? 76 : 46) + title_extra(s, f)};
        t_box(s->r, tr, f->title, FONT_TITLE, true, COL_INK, AL_LEFT, true);
    }
    /* The hint replaces a dead end: say what is missing, above the buttons. */
    const char *blocker = s->flow ? flow_next_blocker(s->flow) : NULL;
    if (f->next_key && blocker && s->v->show_hint) {
        const widget *next = w_find(s->wl, "next");
        const widget *back = w_find(s->wl, "back");
        int x0 = back ? back->r.x + back->r.w + m : m;
        int x1 = next ? next->r.x - m : s->lw - m;
        SDL_Rect hr = {x0, s->lh - foot_h(s) + px(s->r, 6), x1 - x0, foot_h(s) - px(s->r, 12)};
        if (hr.w < px(s->r, 240)) {
            /* A narrow panel leaves no room between the buttons: the hint
             * sits full width just above them, over the end of the page. */
            int hh = px(s->r, 64);
            hr = (SDL_Rect){m, s->lh - foot_h(s) - hh - px(s->r, 4), s->lw - 2 * m, hh};
        }
        r_round(s->r, hr, px(s->r, 10), COL_NOTICE);
        SDL_Rect tr = {hr.x + px(s->r, 8), hr.y + px(s->r, 2), hr.w - px(s->r, 16), hr.h - px(s->r, 4)};
        t_box(s->r, tr, T(s, blocker), FONT_SMALL, true, COL_NOTICE_INK, AL_CENTRE, true);
    }
}

int frame_chips(screen_ctx *s, SDL_Rect r, const chip *c, int n, int h, bool add)
{
    int gap = px(s->r, 10);
    int x = r.x, y = r.y;
    int size = font_px(s->r, FONT_BUTTON);
    for (int i = 0; i < n; i++) {
        int w = t_width(s->r, c[i].label, size, true) + px(s->r, 72);
        if (w < px(s->r, 110))
            w = px(s->r, 110);
        if (w > r.w)
            w = r.w;
        if (x > r.x && x + w > r.x + r.w) {
            x = r.x;
            y += h + gap;
        }
        if (add) {
            widget *wd = w_flow(s->wl, c[i].id, (SDL_Rect){x, y, w, h}, WS_CHOICE, c[i].label,
                                c[i].type, c[i].arg);
            wd->selected = c[i].selected;
        }
        x += w + gap;
    }
    return n ? y + h - r.y : 0;
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
