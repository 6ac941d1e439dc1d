/* saving.c — "saving your answers"; on a failure a calm message, a retry,
 * and a line for staff with what went wrong. The intake is never dropped:
 * the core's saver keeps it and retries (records/saver.h). */
#include "ui/screens/frame.h"

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    bool failed = flow_save_failed(s->flow);
    /* No Back: the review would wait there for whoever comes next. */
    frame_spec f = {T(s, failed ? "ui.saving.failed_title" : "ui.saving.title"), NULL, false, false};
    SDL_Rect b = frame_layout(s, &f);
    if (failed) {
        int w = px(s->r, 260);
        if (w > b.w)
            w = b.w;
        w_flow(s->wl, "retry", (SDL_Rect){s->lw - px(s->r, 14) - w, s->lh - px(s->r, 70), w, px(s->r, 60)},
               WS_PRIMARY, T(s, "ui.saving.retry"), EV_RETRY_SAVE, 0);
    }
}

static void draw(screen_ctx *s)
{
    bool failed = flow_save_failed(s->flow);
    frame_spec f = {T(s, failed ? "ui.saving.failed_title" : "ui.saving.title"), NULL, false, false};
    frame_draw(s, &f);
    SDL_Rect b = s->v->body;
    if (!failed) {
        t_box(s->r, b, T(s, "ui.saving.wait"), FONT_TITLE, false, COL_INK, AL_CENTRE, true);
        return;
    }
    int nh = b.h * 45 / 100;
    notice_draw(s->r, (SDL_Rect){b.x, b.y, b.w, nh}, T(s, "ui.saving.failed"));
    const char *why = s->saver ? saver_problem(s->saver) : "";
    if (why[0]) {
        /* For staff: the store's own sentence (what failed, what to do). */
        t_box(s->r, (SDL_Rect){b.x, b.y + nh + px(s->r, 10), b.w, b.h - nh - px(s->r, 10)},
              why, FONT_SMALL, false, COL_MUTED, AL_LEFT, false);
    }
}

const screen_ops screen_saving = {layout, draw, NULL, NULL};
