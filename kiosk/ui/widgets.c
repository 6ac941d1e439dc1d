/* widgets.c — buttons, choices, keys and the shared frame (see widgets.h). */
#include "ui/widgets.h"
#include "platform/journal.h"

#include <stdio.h>
#include <string.h>

void w_clear(app *a)
{
    a->nw = 0;
}

widget *w_add(app *a, const char *id, SDL_Rect r, widget_style style, const char *label)
{
    if (a->nw >= UI_MAX_WIDGETS) {
        journal_log(JOURNAL_ERR, "too many widgets on one screen (programming error)");
        a->nw = UI_MAX_WIDGETS - 1;
    }
    widget *w = &a->w[a->nw++];
    memset(w, 0, sizeof *w);
    snprintf(w->id, sizeof w->id, "%s", id);
    w->r = r;
    w->style = style;
    w->label = label;
    w->px = r.x + r.w / 2;
    w->py = r.y + r.h / 2;
    return w;
}

widget *w_flow(app *a, const char *id, SDL_Rect r, widget_style style, const char *label,
               flow_event_type type, int arg)
{
    widget *w = w_add(a, id, r, style, label);
    w->act = ACT_FLOW;
    w->ev.type = type;
    w->ev.arg = arg;
    return w;
}

widget *w_desk(app *a, const char *id, SDL_Rect r, widget_style style, const char *label,
               desk_event ev, int arg)
{
    widget *w = w_add(a, id, r, style, label);
    w->act = ACT_DESK;
    w->desk_ev = ev;
    w->desk_arg = arg;
    return w;
}

int w_hit(const app *a, int x, int y)
{
    SDL_Point p = {x, y};
    for (int i = a->nw - 1; i >= 0; i--) {
        if (a->w[i].act != ACT_NONE && SDL_PointInRect(&p, &a->w[i].r))
            return i;
    }
    return -1;
}

/* Ink that reads on a band colour: dark on light colours, white on dark. */
static unsigned ink_on(unsigned rgb)
{
    unsigned r = rgb >> 16 & 255, g = rgb >> 8 & 255, b = rgb & 255;
    return (r * 299 + g * 587 + b * 114) / 1000 > 140 ? COL_INK : 0xFFFFFF;
}

void w_draw(app *a, const widget *w)
{
    int rad = px(a, 12);
    int bw = px(a, 2) < 2 ? 2 : px(a, 2);
    SDL_Rect in = {w->r.x + px(a, 10), w->r.y + px(a, 4), w->r.w - px(a, 20), w->r.h - px(a, 8)};
    switch (w->style) {
    case WS_HIDDEN:
        return;
    case WS_PRIMARY:
    case WS_DANGER:
        r_round(a, w->r, rad, w->muted ? COL_MUTED_BTN
                              : w->style == WS_DANGER ? COL_DANGER : COL_PRIMARY);
        t_box(a, in, w->label, FONT_BUTTON, true, COL_PRIMARY_INK, AL_CENTRE, true);
        return;
    case WS_SECONDARY:
    case WS_LINK: {
        unsigned ink = w->muted ? COL_MUTED_BTN : COL_PRIMARY;
        r_round_frame(a, w->r, rad, bw, ink, w->selected ? COL_SELECTED : COL_SURFACE);
        t_box(a, in, w->label, w->style == WS_LINK ? FONT_SMALL : FONT_BUTTON, true, ink,
              AL_CENTRE, true);
        return;
    }
    case WS_CHOICE: {
        if (w->selected)
            r_round_frame(a, w->r, rad, bw * 2, COL_PRIMARY, COL_SELECTED);
        else
            r_round_frame(a, w->r, rad, bw, COL_LINE, COL_SURFACE);
        /* A tick on the selected ones, so the choice never relies on colour. */
        int box = w->r.h * 2 / 5;
        if (box > px(a, 30))
            box = px(a, 30);
        SDL_Rect tick = {w->r.x + px(a, 10), w->r.y + (w->r.h - box) / 2, box, box};
        if (w->selected) {
            r_round(a, tick, box / 4, COL_PRIMARY);
            r_tick(a, tick, 0xFFFFFF);
        } else {
            r_round_frame(a, tick, box / 4, bw, COL_LINE, COL_SURFACE);
        }
        SDL_Rect t = {tick.x + box + px(a, 8), w->r.y + px(a, 4),
                      w->r.x + w->r.w - (tick.x + box + px(a, 8)) - px(a, 8), w->r.h - px(a, 8)};
        t_box(a, t, w->label, FONT_BUTTON, w->selected, COL_INK, AL_LEFT, true);
        return;
    }
    case WS_KEY:
        r_round_frame(a, w->r, px(a, 8), 1, COL_LINE, w->selected ? COL_SELECTED : COL_SURFACE);
        t_box(a, (SDL_Rect){w->r.x + 2, w->r.y, w->r.w - 4, w->r.h}, w->label, FONT_BUTTON,
              false, COL_INK, AL_CENTRE, true);
        return;
    case WS_SCALE: {
        unsigned ink = ink_on(w->fill);
        if (w->selected) {
            r_round(a, w->r, rad, COL_INK);
            SDL_Rect r2 = {w->r.x + bw * 2, w->r.y + bw * 2, w->r.w - bw * 4, w->r.h - bw * 4};
            r_round(a, r2, rad, w->fill);
        } else {
            r_round(a, w->r, rad, w->fill);
        }
        t_box(a, w->r, w->label, FONT_TITLE, true, ink, AL_CENTRE, true);
        return;
    }
    }
}

void w_draw_all(app *a)
{
    for (int i = 0; i < a->nw; i++)
        w_draw(a, &a->w[i]);
}

/* ---- the frame ------------------------------------------------------------ */

static int bar_h(const app *a);
static int foot_h(const app *a);
static int bar_h(const app *a) { return px(a, 50); }
static int foot_h(const app *a) { return px(a, 80); }

SDL_Rect frame_layout(app *a, const frame_spec *f)
{
    int m = px(a, 14);
    int bh = px(a, 60);
    int fy = a->lh - foot_h(a) + (foot_h(a) - bh) / 2;
    int bwid = a->lw / 4 > px(a, 150) ? a->lw / 4 : px(a, 150);
    if (bwid > px(a, 240))
        bwid = px(a, 240);
    bool parted = a->parts > 1;
    if (f->back) {
        widget *b = w_flow(a, "back", (SDL_Rect){m, fy, bwid, bh}, WS_SECONDARY, T(a, "ui.back"),
                           EV_BACK, 0);
        if (parted && a->part > 0)
            b->act = ACT_PART_BACK;
    }
    if (f->next_key) {
        bool inner = parted && a->part < a->parts - 1;
        widget *n = w_flow(a, "next", (SDL_Rect){a->lw - m - bwid, fy, bwid, bh}, WS_PRIMARY,
                           T(a, inner ? "ui.next" : f->next_key), EV_NEXT, 0);
        n->muted = a->flow && flow_next_blocker(a->flow) != NULL && (!parted || a->part == 0);
        if (inner)
            n->act = ACT_PART_NEXT;
    }
    a->body = frame_body(a, f->title ? (f->tall_title ? 2 : 1) : 0);
    return a->body;
}

SDL_Rect frame_body(const app *a, int title)
{
    int m = px(a, 14);
    int top = bar_h(a);
    SDL_Rect body = {m, top, a->lw - 2 * m, a->lh - foot_h(a) - top};
    if (title) {
        int th = px(a, title == 2 ? 74 : 44);
        body.y += th;
        body.h -= th;
    }
    return body;
}

void frame_draw(app *a, const frame_spec *f)
{
    int m = px(a, 14);
    /* Progress: a calm bar and "Step 3 of 11". */
    int done = 0, total = 1;
    if (a->flow)
        flow_progress(a->flow, &done, &total);
    if (total < 1)
        total = 1;
    char step[96];
    tfmt(step, sizeof step, T(a, "ui.progress"), done + 1, total);
    int sh = font_px(a, FONT_SMALL);
    int sw = t_width(a, step, sh, false);
    int by = px(a, 14);
    t_line(a, a->lw - m - sw, by - px(a, 3), step, sh, false, COL_MUTED);
    SDL_Rect track = {m, by + px(a, 6), a->lw - 3 * m - sw, px(a, 10)};
    r_round(a, track, track.h / 2, 0xDCE3E6);
    SDL_Rect fill = track;
    fill.w = track.w * (done + 1) / total;
    r_round(a, fill, track.h / 2, COL_PRIMARY);
    if (f->title) {
        SDL_Rect tr = {m, bar_h(a) - px(a, 6), a->lw - 2 * m, px(a, f->tall_title ? 76 : 46)};
        t_box(a, tr, f->title, FONT_TITLE, true, COL_INK, AL_LEFT, true);
    }
    /* The hint replaces a dead end: say what is missing, above the buttons. */
    const char *blocker = a->flow ? flow_next_blocker(a->flow) : NULL;
    if (f->next_key && blocker && a->show_hint) {
        const widget *next = app_widget(a, "next");
        const widget *back = app_widget(a, "back");
        int x0 = back ? back->r.x + back->r.w + m : m;
        int x1 = next ? next->r.x - m : a->lw - m;
        SDL_Rect hr = {x0, a->lh - foot_h(a) + px(a, 6), x1 - x0, foot_h(a) - px(a, 12)};
        if (hr.w < px(a, 240)) {
            /* A narrow panel leaves no room between the buttons: the hint
             * sits full width just above them, over the end of the page. */
            int hh = px(a, 64);
            hr = (SDL_Rect){m, a->lh - foot_h(a) - hh - px(a, 4), a->lw - 2 * m, hh};
        }
        r_round(a, hr, px(a, 10), COL_NOTICE);
        SDL_Rect tr = {hr.x + px(a, 8), hr.y + px(a, 2), hr.w - px(a, 16), hr.h - px(a, 4)};
        t_box(a, tr, T(a, blocker), FONT_SMALL, true, COL_NOTICE_INK, AL_CENTRE, true);
    }
}

int chips_layout(app *a, SDL_Rect r, const chip *c, int n, int h, bool add)
{
    int gap = px(a, 10);
    int x = r.x, y = r.y;
    int size = font_px(a, FONT_BUTTON);
    for (int i = 0; i < n; i++) {
        int w = t_width(a, c[i].label, size, true) + px(a, 72);
        if (w < px(a, 110))
            w = px(a, 110);
        if (w > r.w)
            w = r.w;
        if (x > r.x && x + w > r.x + r.w) {
            x = r.x;
            y += h + gap;
        }
        if (add) {
            widget *wd = w_flow(a, c[i].id, (SDL_Rect){x, y, w, h}, WS_CHOICE, c[i].label,
                                c[i].type, c[i].arg);
            wd->selected = c[i].selected;
        }
        x += w + gap;
    }
    return n ? y + h - r.y : 0;
}

int text_paras(app *a, SDL_Rect r, const char *const *texts, const bool *heads, int n,
               font_role role)
{
    int size = font_px(a, role);
    int minimum = size * 3 / 4;
    int gap = 0, total = 0;
    bool all = false;
    for (;; size -= 1 + size / 24) {
        if (size < minimum)
            size = minimum;
        gap = size * 2 / 3;
        total = 0;
        all = true;
        for (int i = 0; i < n; i++) {
            bool fits = true;
            SDL_Rect big = {r.x, 0, r.w, 1 << 20};
            int h = t_box_px(a, big, texts[i], size, heads && heads[i], COL_INK, AL_LEFT,
                             false, false, &fits);
            if (!fits)
                all = false;
            total += h + (i + 1 < n ? (heads && heads[i] ? gap / 3 : gap) : 0);
        }
        if ((all && total <= r.h) || size == minimum)
            break;
    }
    if (!all || total > r.h) {
        /* Name the longest paragraph: the likeliest to shorten. */
        int longest = 0;
        for (int i = 1; i < n; i++)
            if (strlen(texts[i]) > strlen(texts[longest]))
                longest = i;
        char what[96];
        if (n > 1)
            snprintf(what, sizeof what, "and the %d other paragraph%s need %d px of %d", n - 1,
                     n == 2 ? "" : "s", total, r.h);
        else
            snprintf(what, sizeof what, "needs %d px of %d", total, r.h);
        ui_overflow(a, n ? texts[longest] : "", what);
    }
    int y = r.y;
    SDL_RenderSetClipRect(a->ren, &r);
    for (int i = 0; i < n; i++) {
        bool fits;
        SDL_Rect box = {r.x, y, r.w, 1 << 20};
        int h = t_box_px(a, box, texts[i], size, heads && heads[i], COL_INK, AL_LEFT, false,
                         true, &fits);
        y += h + (heads && heads[i] ? gap / 3 : gap);
    }
    SDL_RenderSetClipRect(a->ren, NULL);
    return total;
}

void tfmt(char *out, size_t size, const char *tmpl, long one, long two)
{
    char n1[24], n2[24];
    snprintf(n1, sizeof n1, "%ld", one);
    snprintf(n2, sizeof n2, "%ld", two);
    size_t o = 0;
    for (const char *p = tmpl; *p && o + 1 < size; p++) {
        const char *ins = NULL;
        if (p[0] == '{' && (p[1] == '1' || p[1] == '2') && p[2] == '}') {
            ins = p[1] == '1' ? n1 : n2;
            p += 2;
        }
        if (ins) {
            for (; *ins && o + 1 < size; ins++)
                out[o++] = *ins;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
}

void tfmt_s(char *out, size_t size, const char *tmpl, const char *one)
{
    tfmt_s2(out, size, tmpl, one, "");
}

void tfmt_s2(char *out, size_t size, const char *tmpl, const char *one, const char *two)
{
    size_t o = 0;
    for (const char *p = tmpl; *p && o + 1 < size; p++) {
        if (p[0] == '{' && (p[1] == '1' || p[1] == '2') && p[2] == '}') {
            for (const char *s = p[1] == '1' ? one : two; *s && o + 1 < size; s++)
                out[o++] = *s;
            p += 2;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
}

SDL_Rect dialog_card(const app *a, int w_pct, int h_pct, int max_w, int max_h)
{
    int w = a->lw * w_pct / 100, h = a->lh * h_pct / 100;
    if (w > px(a, max_w))
        w = px(a, max_w);
    if (h > px(a, max_h))
        h = px(a, max_h);
    return (SDL_Rect){(a->lw - w) / 2, (a->lh - h) / 2, w, h};
}

int notice_draw(app *a, SDL_Rect r, const char *text)
{
    r_round(a, r, px(a, 12), COL_NOTICE);
    SDL_Rect in = {r.x + px(a, 14), r.y + px(a, 8), r.w - px(a, 28), r.h - px(a, 16)};
    t_box(a, in, text, FONT_BODY, true, COL_NOTICE_INK, AL_LEFT, true);
    return r.h;
}

int w_parts(app *a, int n)
{
    a->parts = n;
    if (a->part < 0 || a->part >= n)
        a->part = n - 1;
    return a->part;
}

int chips_pages(app *a, SDL_Rect area, const chip *c, int n, int h, int *starts, int max)
{
    /* Pages by count, not by what fits: the same content then has the same
     * pages at every screen size, so replay scripts and a client's habits
     * carry over. The layout check proves each page fits. */
    (void)a;
    (void)area;
    (void)c;
    (void)h;
    int pages = (n + CHIPS_PER_PAGE - 1) / CHIPS_PER_PAGE;
    if (pages < 1)
        pages = 1;
    if (pages > max)
        pages = max;
    int per = (n + pages - 1) / pages;
    for (int p = 0; p < pages; p++)
        starts[p] = p * per;
    return pages;
}
