/* thanks.c — thank you; if a safety answer calls for it, a calm reminder to
 * speak to staff now. Done (or the timer) returns to welcome. */
#include "ui/screens/frame.h"

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    frame_spec f = {NULL, NULL, false, false};
    frame_layout(s, &f);
    int w = px(s->r, 300), h = px(s->r, 72);
    w_flow(s->wl, "finish", (SDL_Rect){(s->lw - w) / 2, s->lh - h - px(s->r, 24), w, h}, WS_PRIMARY,
           T(s, "ui.thanks.done"), EV_FINISH, 0);
}

static void draw(screen_ctx *s)
{
    frame_spec f = {NULL, NULL, false, false};
    frame_draw(s, &f);
    SDL_Rect b = {px(s->r, 30), px(s->r, 50), s->lw - px(s->r, 60), s->lh - px(s->r, 160)};
    t_box(s->r, (SDL_Rect){b.x, b.y, b.w, px(s->r, 60)}, T(s, "ui.thanks.title"), FONT_HUGE, true,
          COL_PRIMARY, AL_CENTRE, true);
    int y = b.y + px(s->r, 76);
    bool urgent = intake_worst_flag(flow_intake(s->flow), s->content) == FLAG_URGENT;
    int rest = b.y + b.h - y;
    if (urgent) {
        int nh = rest / 2;
        notice_draw(s->r, (SDL_Rect){b.x, y, b.w, nh}, T(s, "ui.thanks.staff"));
        y += nh + px(s->r, 10);
        rest -= nh + px(s->r, 10);
    }
    t_box(s->r, (SDL_Rect){b.x, y, b.w, rest}, T(s, "ui.thanks.body"), FONT_BODY, false, COL_INK,
          AL_CENTRE, true);
}

const screen_ops screen_thanks = {layout, draw, NULL};
