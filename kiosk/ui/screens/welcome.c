/* welcome.c — the attract screen: a greeting, the language choice (each
 * language named in itself) and one big Start. */
#include "ui/screens/screens.h"

#include <stdio.h>

/* The clinic's name on top (from painmap.conf), or the greeting when none
 * is set: a 3-second press there is the way into staff mode (desk.h). */
static SDL_Rect clinic_rect(const app *a)
{
    if (a->config.clinic_name[0])
        return (SDL_Rect){px(a, 24), px(a, 6), a->lw - px(a, 48), px(a, 38)};
    return (SDL_Rect){px(a, 24), a->lh * 10 / 100, a->lw - px(a, 48), px(a, 60)};
}

static void layout(app *a)
{
    w_clear(a);
    a->body = (SDL_Rect){px(a, 24), px(a, 40), a->lw - px(a, 48), a->lh - px(a, 60)};
    SDL_Rect cr = clinic_rect(a);
    if (a->desk)
        desk_set_gesture_area(a->desk, (staff_rect){cr.x, cr.y, cr.w, cr.h});
    w_add(a, "clinic_name", cr, WS_HIDDEN, NULL); /* not a button: an id for `hold` */
    /* The languages the clinic offers (painmap.conf), each named in itself;
     * with only one there is nothing to choose. */
    int n = a->nlangs > 1 ? a->nlangs : 0;
    int bw = px(a, 190), bh = px(a, 60), gap = px(a, 16);
    if (n && n * bw + (n - 1) * gap > a->body.w)
        bw = (a->body.w - (n - 1) * gap) / n;
    int x = (a->lw - (n * bw + (n - 1) * gap)) / 2;
    int y = a->lh * 56 / 100;
    for (int i = 0; i < n; i++) {
        size_t k = (size_t)a->langs[i];
        char id[48];
        snprintf(id, sizeof id, "lang_%s", content_lang_code(a->content, k));
        widget *w = w_flow(a, id, (SDL_Rect){x + i * (bw + gap), y, bw, bh}, WS_CHOICE,
                           content_lang_name(a->content, k), EV_SET_LANGUAGE, (int)k);
        w->selected = flow_lang(a->flow) == (int)k;
    }
    int sw = px(a, 340), sh = px(a, 84);
    if (sw > a->body.w)
        sw = a->body.w;
    w_flow(a, "start", (SDL_Rect){(a->lw - sw) / 2, a->lh - sh - px(a, 28), sw, sh}, WS_PRIMARY,
           T(a, "ui.start"), EV_START, 0);
}

static void draw(app *a)
{
    SDL_Rect r = a->body;
    if (a->config.clinic_name[0])
        t_box(a, clinic_rect(a), a->config.clinic_name, FONT_BUTTON, true, COL_MUTED, AL_CENTRE,
              true);
    int y = a->lh * 10 / 100;
    t_box(a, (SDL_Rect){r.x, y, r.w, px(a, 60)}, T(a, "ui.welcome.title"), FONT_HUGE, true,
          COL_PRIMARY, AL_CENTRE, true);
    int ly = a->lh * 56 / 100;
    int top = y + px(a, 70);
    t_box(a, (SDL_Rect){r.x + px(a, 20), top, r.w - px(a, 40), ly - px(a, 40) - top},
          T(a, "ui.welcome.lead"), FONT_BODY, false, COL_INK, AL_CENTRE, true);
    if (a->nlangs > 1)
        t_box(a, (SDL_Rect){r.x, ly - px(a, 36), r.w, px(a, 30)}, T(a, "ui.welcome.language"),
              FONT_SMALL, false, COL_MUTED, AL_CENTRE, true);
}

const screen_ops screen_welcome = {layout, draw, NULL};
