/* thanks.c — thank you: the answers are with the therapist; if a safety
 * answer calls for it, a calm reminder to speak to staff now. Done (or the
 * timer) returns to welcome. The progress shows the last section, Done,
 * after the review's Check. */
#include "ui/screens/frame.h"

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    frame_spec f = {NULL, NULL, false, false};
    frame_layout(s, &f);
    int w = px(s->r, 300), h = px(s->r, 68);
    w_flow(s->wl, "finish", (SDL_Rect){(s->lw - w) / 2, s->lh - h - px(s->r, 20), w, h}, WS_PRIMARY,
           T(s, "ui.thanks.done"), EV_FINISH, 0);
}

static void draw(screen_ctx *s)
{
    frame_spec f = {NULL, NULL, false, false};
    frame_draw(s, &f);
    int top = frame_top_h(s) + px(s->r, 8);
    SDL_Rect b = {px(s->r, 30), top, s->lw - px(s->r, 60), s->lh - top - px(s->r, 104)};
    t_box(s->r, (SDL_Rect){b.x, b.y, b.w, px(s->r, 60)}, T(s, "ui.thanks.title"), FONT_HUGE, true,
          COL_PRIMARY, AL_CENTRE, true);
    int y = b.y + px(s->r, 70);
    bool staff = flow_saved_class(s->flow) >= SCREENING_URGENT;
    int rest = b.y + b.h - y;
    if (staff) {
        int nh = rest / 2;
        SDL_Rect nr = {b.x, y, b.w, nh};
        r_round_frame(s->r, nr, px(s->r, 12), px(s->r, 2) < 2 ? 2 : px(s->r, 2), COL_NOTICE_LINE,
                      COL_NOTICE);
        t_box(s->r, (SDL_Rect){nr.x + px(s->r, 14), nr.y + px(s->r, 8), nr.w - px(s->r, 28),
                               nr.h - px(s->r, 16)},
              T(s, "ui.thanks.staff"), FONT_BODY, true, COL_NOTICE_INK, AL_LEFT, true);
        y += nh + px(s->r, 10);
        rest -= nh + px(s->r, 10);
    }
    t_box(s->r, (SDL_Rect){b.x, y, b.w, rest}, T(s, "ui.thanks.body"), FONT_BODY, false, COL_INK,
          AL_CENTRE, true);
}

const screen_ops screen_thanks = {layout, draw, NULL, NULL};
