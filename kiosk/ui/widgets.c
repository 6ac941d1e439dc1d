/* widgets.c — the widget list and how a widget looks (see widgets.h).
 *
 * Why a fixed array: a screen has a few dozen widgets at most, laid out
 * again on every frame; no allocation per frame, and ids of at most 47
 * bytes keep `press ID` lookups a strcmp each. */
#include "ui/widgets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/journal.h"

#define W_MAX 200

struct wlist {
    widget w[W_MAX];
    int n;
};

wlist *wlist_create(void)
{
    return calloc(1, sizeof(wlist));
}

void wlist_destroy(wlist *wl)
{
    free(wl);
}

void w_clear(wlist *wl)
{
    wl->n = 0;
}

widget *w_add(wlist *wl, const char *id, SDL_Rect r, widget_style style, const char *label)
{
    if (wl->n >= W_MAX) {
        journal_log(JOURNAL_ERR, "too many widgets on one screen (programming error)");
        wl->n = W_MAX - 1;
    }
    widget *w = &wl->w[wl->n++];
    memset(w, 0, sizeof *w);
    snprintf(w->id, sizeof w->id, "%s", id);
    w->r = r;
    w->style = style;
    w->label = label;
    w->px = r.x + r.w / 2;
    w->py = r.y + r.h / 2;
    return w;
}

widget *w_flow(wlist *wl, const char *id, SDL_Rect r, widget_style style, const char *label,
               flow_event_type type, int arg)
{
    widget *w = w_add(wl, id, r, style, label);
    w->act = ACT_FLOW;
    w->ev.type = type;
    w->ev.arg = arg;
    return w;
}

widget *w_desk(wlist *wl, const char *id, SDL_Rect r, widget_style style, const char *label,
               desk_event ev, int arg)
{
    widget *w = w_add(wl, id, r, style, label);
    w->act = ACT_DESK;
    w->desk_ev = ev;
    w->desk_arg = arg;
    return w;
}

widget *w_learn(wlist *wl, const char *id, SDL_Rect r, widget_style style, const char *label,
                learn_event ev, int arg)
{
    widget *w = w_add(wl, id, r, style, label);
    w->act = ACT_LEARN;
    w->learn_ev = ev;
    w->learn_arg = arg;
    return w;
}

const widget *w_find(const wlist *wl, const char *id)
{
    for (int i = wl->n - 1; i >= 0; i--)
        if (strcmp(wl->w[i].id, id) == 0)
            return &wl->w[i];
    return NULL;
}

int w_count(const wlist *wl) { return wl->n; }

const widget *w_at(const wlist *wl, int i)
{
    return i >= 0 && i < wl->n ? &wl->w[i] : NULL;
}

int w_hit(const wlist *wl, int x, int y)
{
    SDL_Point p = {x, y};
    for (int i = wl->n - 1; i >= 0; i--) {
        if (wl->w[i].act != ACT_NONE && SDL_PointInRect(&p, &wl->w[i].r))
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

SDL_Rect w_indicator(const rctx *rc, const widget *w)
{
    if (w->style != WS_CHOICE && w->style != WS_RADIO)
        return (SDL_Rect){0, 0, 0, 0};
    int box = w->r.h * 9 / 20;
    if (box > px(rc, 24))
        box = px(rc, 24);
    return (SDL_Rect){w->r.x + px(rc, 12), w->r.y + (w->r.h - box) / 2, box, box};
    /* (form.c's label_w leaves this much for the box and the margins) */
}

/* A dashed outline: a Next that is waiting is told by its shape, not only
 * by a paler colour. */
static void dashed_frame(rctx *rc, SDL_Rect r, int t, unsigned rgb)
{
    int dash = px(rc, 10), gap = px(rc, 6);
    for (int x = r.x + px(rc, 6); x < r.x + r.w - px(rc, 6); x += dash + gap) {
        int w = x + dash > r.x + r.w - px(rc, 6) ? r.x + r.w - px(rc, 6) - x : dash;
        r_rect(rc, (SDL_Rect){x, r.y, w, t}, rgb);
        r_rect(rc, (SDL_Rect){x, r.y + r.h - t, w, t}, rgb);
    }
    for (int y = r.y + px(rc, 6); y < r.y + r.h - px(rc, 6); y += dash + gap) {
        int h = y + dash > r.y + r.h - px(rc, 6) ? r.y + r.h - px(rc, 6) - y : dash;
        r_rect(rc, (SDL_Rect){r.x, y, t, h}, rgb);
        r_rect(rc, (SDL_Rect){r.x + r.w - t, y, t, h}, rgb);
    }
}

static void draw_choice(rctx *rc, const widget *w, int rad, int bw)
{
    if (w->selected)
        r_round_frame(rc, w->r, rad, bw * 2, COL_PRIMARY, COL_SELECTED);
    else
        r_round_frame(rc, w->r, rad, bw, COL_LINE, COL_SURFACE);
    /* A tick or a dot on the chosen ones, so a choice never relies on
     * colour; a square box for "choose any", a round one for "choose one". */
    SDL_Rect b = w_indicator(rc, w);
    if (w->style == WS_RADIO) {
        float cx = b.x + b.w / 2.0f, cy = b.y + b.h / 2.0f, rr = b.w / 2.0f;
        r_circle(rc, cx, cy, rr, w->selected ? COL_PRIMARY : COL_LINE, 255);
        r_circle(rc, cx, cy, rr - (float)bw, COL_SURFACE, 255);
        if (w->selected)
            r_circle(rc, cx, cy, rr * 0.5f, COL_PRIMARY, 255);
    } else if (w->selected) {
        r_round(rc, b, b.w / 5, COL_PRIMARY);
        r_tick(rc, b, 0xFFFFFF);
    } else {
        r_round_frame(rc, b, b.w / 5, bw, COL_LINE, COL_SURFACE);
    }
    int tx = b.x + b.w + px(rc, 10);
    /* (form.c's label_w gives the same width for a choice's label) */
    SDL_Rect t = {tx, w->r.y + px(rc, 3), w->r.x + w->r.w - tx - px(rc, 8), w->r.h - px(rc, 6)};
    t_box(rc, t, w->label, w->compact ? FONT_BODY : FONT_BUTTON, w->selected, COL_INK, AL_LEFT,
          true);
}

void w_draw(rctx *rc, const widget *w)
{
    int rad = px(rc, 12);
    int bw = px(rc, 2) < 2 ? 2 : px(rc, 2);
    SDL_Rect in = {w->r.x + px(rc, 10), w->r.y + px(rc, 4), w->r.w - px(rc, 20), w->r.h - px(rc, 8)};
    switch (w->style) {
    case WS_HIDDEN:
        return;
    case WS_PRIMARY:
    case WS_DANGER:
        if (w->muted) {
            /* waiting for an answer: still tappable (it says what is missing) */
            r_round(rc, w->r, rad, COL_SURFACE);
            dashed_frame(rc, w->r, bw, COL_MUTED_BTN);
            t_box(rc, in, w->label, FONT_BUTTON, true, COL_MUTED, AL_CENTRE, true);
            return;
        }
        r_round(rc, w->r, rad, w->style == WS_DANGER ? COL_DANGER : COL_PRIMARY);
        t_box(rc, in, w->label, FONT_BUTTON, true, COL_PRIMARY_INK, AL_CENTRE, true);
        return;
    case WS_SECONDARY:
    case WS_LINK: {
        unsigned ink = w->muted ? COL_LINE : COL_PRIMARY;
        r_round_frame(rc, w->r, rad, bw, ink, w->selected ? COL_SELECTED : COL_SURFACE);
        if (w->icon == WIDGET_ICON_ZOOM) {
            /* a magnifying glass with a plus: "see it bigger" */
            float cx = w->r.x + w->r.w * 0.44f, cy = w->r.y + w->r.h * 0.44f;
            float rr = (w->r.w < w->r.h ? w->r.w : w->r.h) * 0.24f, t = rr / 3.2f;
            r_circle(rc, cx, cy, rr, ink, 255);
            r_circle(rc, cx, cy, rr - t, COL_SURFACE, 255);
            r_line(rc, cx + rr * 0.7f, cy + rr * 0.7f, cx + rr * 1.6f, cy + rr * 1.6f, t * 1.4f, ink,
                   255);
            r_line(rc, cx - rr * 0.45f, cy, cx + rr * 0.45f, cy, t * 0.8f, ink, 255);
            r_line(rc, cx, cy - rr * 0.45f, cx, cy + rr * 0.45f, t * 0.8f, ink, 255);
            return;
        }
        t_box(rc, in, w->label, w->style == WS_LINK ? FONT_SMALL : w->compact ? FONT_BODY : FONT_BUTTON,
              true, w->muted ? COL_MUTED : ink, AL_CENTRE, true);
        return;
    }
    case WS_CHOICE:
    case WS_RADIO:
        draw_choice(rc, w, rad, bw);
        return;
    case WS_KEY:
        r_round_frame(rc, w->r, px(rc, 8), bw, COL_LINE, w->selected ? COL_SELECTED : COL_SURFACE);
        t_box(rc, (SDL_Rect){w->r.x + 2, w->r.y, w->r.w - 4, w->r.h}, w->label, FONT_BUTTON,
              false, COL_INK, AL_CENTRE, true);
        return;
    case WS_SCALE: {
        unsigned ink = ink_on(w->fill);
        if (w->selected) {
            r_round(rc, w->r, rad, COL_INK);
            SDL_Rect r2 = {w->r.x + bw * 2, w->r.y + bw * 2, w->r.w - bw * 4, w->r.h - bw * 4};
            r_round(rc, r2, rad, w->fill);
        } else {
            r_round(rc, w->r, rad, w->fill);
        }
        t_box(rc, w->r, w->label, w->compact ? FONT_SMALL : FONT_TITLE, true, ink, AL_CENTRE, true);
        return;
    }
    }
}

void w_draw_all(rctx *rc, const wlist *wl)
{
    for (int i = 0; i < wl->n; i++)
        w_draw(rc, &wl->w[i]);
}
