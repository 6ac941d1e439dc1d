/* thanks.c — thank you; if a safety answer calls for it, a calm reminder to
 * speak to staff now. Done (or the timer) returns to welcome. */
#include "ui/screens/screens.h"

static void layout(app *a)
{
    w_clear(a);
    frame_spec f = {NULL, NULL, false, false};
    frame_layout(a, &f);
    int w = px(a, 300), h = px(a, 72);
    w_flow(a, "finish", (SDL_Rect){(a->lw - w) / 2, a->lh - h - px(a, 24), w, h}, WS_PRIMARY,
           T(a, "ui.thanks.done"), EV_FINISH, 0);
}

static void draw(app *a)
{
    frame_spec f = {NULL, NULL, false, false};
    frame_draw(a, &f);
    SDL_Rect b = {px(a, 30), px(a, 50), a->lw - px(a, 60), a->lh - px(a, 160)};
    t_box(a, (SDL_Rect){b.x, b.y, b.w, px(a, 60)}, T(a, "ui.thanks.title"), FONT_HUGE, true,
          COL_PRIMARY, AL_CENTRE, true);
    int y = b.y + px(a, 76);
    bool urgent = intake_worst_flag(flow_intake(a->flow), a->content) == FLAG_URGENT;
    int rest = b.y + b.h - y;
    if (urgent) {
        int nh = rest / 2;
        notice_draw(a, (SDL_Rect){b.x, y, b.w, nh}, T(a, "ui.thanks.staff"));
        y += nh + px(a, 10);
        rest -= nh + px(a, 10);
    }
    t_box(a, (SDL_Rect){b.x, y, b.w, rest}, T(a, "ui.thanks.body"), FONT_BODY, false, COL_INK,
          AL_CENTRE, true);
}

const screen_ops screen_thanks = {layout, draw, NULL};
