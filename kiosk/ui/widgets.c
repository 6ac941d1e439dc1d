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
        r_round(rc, w->r, rad, w->muted ? COL_MUTED_BTN
                              : w->style == WS_DANGER ? COL_DANGER : COL_PRIMARY);
        t_box(rc, in, w->label, FONT_BUTTON, true, COL_PRIMARY_INK, AL_CENTRE, true);
        return;
    case WS_SECONDARY:
    case WS_LINK: {
        unsigned ink = w->muted ? COL_MUTED_BTN : COL_PRIMARY;
        r_round_frame(rc, w->r, rad, bw, ink, w->selected ? COL_SELECTED : COL_SURFACE);
        t_box(rc, in, w->label, w->style == WS_LINK ? FONT_SMALL : FONT_BUTTON, true, ink,
              AL_CENTRE, true);
        return;
    }
    case WS_CHOICE: {
        if (w->selected)
            r_round_frame(rc, w->r, rad, bw * 2, COL_PRIMARY, COL_SELECTED);
        else
            r_round_frame(rc, w->r, rad, bw, COL_LINE, COL_SURFACE);
        /* A tick on the selected ones, so the choice never relies on colour. */
        int box = w->r.h * 2 / 5;
        if (box > px(rc, 30))
            box = px(rc, 30);
        SDL_Rect tick = {w->r.x + px(rc, 10), w->r.y + (w->r.h - box) / 2, box, box};
        if (w->selected) {
            r_round(rc, tick, box / 4, COL_PRIMARY);
            r_tick(rc, tick, 0xFFFFFF);
        } else {
            r_round_frame(rc, tick, box / 4, bw, COL_LINE, COL_SURFACE);
        }
        SDL_Rect t = {tick.x + box + px(rc, 8), w->r.y + px(rc, 4),
                      w->r.x + w->r.w - (tick.x + box + px(rc, 8)) - px(rc, 8), w->r.h - px(rc, 8)};
        t_box(rc, t, w->label, FONT_BUTTON, w->selected, COL_INK, AL_LEFT, true);
        return;
    }
    case WS_KEY:
        r_round_frame(rc, w->r, px(rc, 8), 1, COL_LINE, w->selected ? COL_SELECTED : COL_SURFACE);
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
        t_box(rc, w->r, w->label, FONT_TITLE, true, ink, AL_CENTRE, true);
        return;
    }
    }
}

void w_draw_all(rctx *rc, const wlist *wl)
{
    for (int i = 0; i < wl->n; i++)
        w_draw(rc, &wl->w[i]);
}
