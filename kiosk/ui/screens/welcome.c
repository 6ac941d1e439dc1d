/* welcome.c — the attract screen: a greeting with what this is, how long
 * it takes (the core's budget of the typical walk, core/intake/budget.h)
 * and who reads the answers, the language choice (each language named in
 * itself), larger text, one big Start, and "Read about pain" (Learn,
 * core/intake/learn.h) beside it. */
#include "ui/screens/frame.h"

#include <stdio.h>

/* The clinic's name on top (from painmap.conf), or the greeting when none
 * is set: a 3-second press there is the way into staff mode (desk.h). */
static SDL_Rect clinic_rect(const screen_ctx *s)
{
    if (s->config->clinic_name[0]) {
        /* One line above the greeting, clear of "Larger text" at the top
         * right; a name that needs two even at the smallest size (60
         * characters, as long as painmap.conf takes, on a narrow panel)
         * gets the room up to the greeting. */
        int w = s->lw - px(s->r, 48) - px(s->r, 180), h = px(s->r, 38);
        int size = font_px(s->r, FONT_BUTTON) * 3 / 4;
        bool fits;
        int need = t_box_px(s->r, (SDL_Rect){0, 0, w, 1 << 20}, s->config->clinic_name, size, true,
                            0, AL_CENTRE, false, false, &fits);
        if (need > h)
            h = need; /* the greeting moves down (greeting_y) */
        return (SDL_Rect){px(s->r, 24), px(s->r, 6), w, h};
    }
    return (SDL_Rect){px(s->r, 24), s->lh * 10 / 100, s->lw - px(s->r, 48), px(s->r, 60)};
}

/* The greeting: a tenth of the way down, or under a clinic name on two
 * lines; one line, or as many as it needs (a long greeting in larger text
 * on a narrow panel: "Le damos la bienvenida"). */
static int greeting_y(const screen_ctx *s)
{
    int y = s->lh * 10 / 100;
    if (s->config->clinic_name[0]) {
        SDL_Rect cr = clinic_rect(s);
        if (cr.y + cr.h + px(s->r, 6) > y)
            y = cr.y + cr.h + px(s->r, 6);
    }
    return y;
}

static int greeting_h(const screen_ctx *s, int w)
{
    int one = px(s->r, 60), size = font_px(s->r, FONT_HUGE) * 3 / 4;
    bool fits;
    const char *t = T(s, "ui.welcome.title");
    t_box_px(s->r, (SDL_Rect){0, 0, w, one}, t, size, true, 0, AL_CENTRE, true, false, &fits);
    if (fits)
        return one;
    return t_box_height(s->r, w, t, FONT_HUGE, true);
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    s->v->body = (SDL_Rect){px(s->r, 24), px(s->r, 40), s->lw - px(s->r, 48), s->lh - px(s->r, 60)};
    SDL_Rect cr = clinic_rect(s);
    s->v->staff_area = cr; /* the dispatcher tells the desk */
    w_add(s->wl, "clinic_name", cr, WS_HIDDEN, NULL); /* not a button: an id for `hold` */
    /* The languages the clinic offers (painmap.conf), each named in itself;
     * with only one there is nothing to choose. */
    int n = s->nlangs > 1 ? s->nlangs : 0;
    int bw = px(s->r, 190), bh = px(s->r, 60), gap = px(s->r, 16);
    if (n && n * bw + (n - 1) * gap > s->v->body.w)
        bw = (s->v->body.w - (n - 1) * gap) / n;
    int x = (s->lw - (n * bw + (n - 1) * gap)) / 2;
    int y = s->lh * 56 / 100;
    for (int i = 0; i < n; i++) {
        size_t k = (size_t)s->langs[i];
        char id[48];
        snprintf(id, sizeof id, "lang_%s", content_lang_code(s->content, k));
        widget *w = w_flow(s->wl, id, (SDL_Rect){x + i * (bw + gap), y, bw, bh}, WS_RADIO,
                           content_lang_name(s->content, k), EV_SET_LANGUAGE, (int)k);
        w->selected = flow_lang(s->flow) == (int)k;
    }
    frame_top_buttons(s, false);
    int sw = px(s->r, 340), sh = px(s->r, 84);
    if (sw > s->v->body.w)
        sw = s->v->body.w;
    SDL_Rect start = {(s->lw - sw) / 2, s->lh - sh - px(s->r, 28), sw, sh};
    /* Learn (reading, nothing stored) beside Start, or above it when narrow. */
    int lw = px(s->r, 300), lh = px(s->r, 64);
    SDL_Rect lr;
    if (sw + gap + lw <= s->v->body.w) {
        start.x = (s->lw - (sw + gap + lw)) / 2 + lw + gap;
        lr = (SDL_Rect){start.x - gap - lw, start.y + (sh - lh) / 2, lw, lh};
    } else {
        lr = (SDL_Rect){(s->lw - sw) / 2, start.y - gap - lh, sw, lh};
    }
    if (s->learn && learn_areas(s->content, NULL, 0) > 0) /* content with nothing to read: none */
        w_learn(s->wl, "learn", lr, WS_SECONDARY, T(s, "learn.start"), LEARN_EV_OPEN, 0);
    w_flow(s->wl, "start", start, WS_PRIMARY, T(s, "ui.start"), EV_START, 0);
}

static void draw(screen_ctx *s)
{
    SDL_Rect r = s->v->body;
    if (s->config->clinic_name[0])
        t_box(s->r, clinic_rect(s), s->config->clinic_name, FONT_BUTTON, true, COL_MUTED, AL_CENTRE,
              true);
    int y = greeting_y(s), gh = greeting_h(s, r.w);
    t_box(s->r, (SDL_Rect){r.x, y, r.w, gh}, T(s, "ui.welcome.title"), FONT_HUGE, true, COL_PRIMARY,
          AL_CENTRE, true);
    int ly = s->lh * 56 / 100;
    int top = y + gh + px(s->r, 10);
    char lead[512];
    tfmt(lead, sizeof lead, T(s, "ui.welcome.lead"), s->promise_minutes > 0 ? s->promise_minutes : 3,
         0);
    t_box(s->r, (SDL_Rect){r.x + px(s->r, 20), top, r.w - px(s->r, 40), ly - px(s->r, 40) - top},
          lead, FONT_BODY, false, COL_INK, AL_CENTRE, true);
    if (s->nlangs > 1)
        t_box(s->r, (SDL_Rect){r.x, ly - px(s->r, 36), r.w, px(s->r, 30)}, T(s, "ui.welcome.language"),
              FONT_SMALL, false, COL_MUTED, AL_CENTRE, true);
}

const screen_ops screen_welcome = {layout, draw, NULL, NULL};
