/* saving.c — "saving your answers"; on a failure a calm message, a retry,
 * and a line for staff with what went wrong. The intake is never dropped:
 * the core's saver keeps it and retries (records/saver.h). */
#include "ui/screens/screens.h"

static void layout(app *a)
{
    w_clear(a);
    bool failed = flow_save_failed(a->flow);
    /* No Back: the review would wait there for whoever comes next. */
    frame_spec f = {T(a, failed ? "ui.saving.failed_title" : "ui.saving.title"), NULL, false, false};
    SDL_Rect b = frame_layout(a, &f);
    if (failed) {
        int w = px(a, 260);
        if (w > b.w)
            w = b.w;
        w_flow(a, "retry", (SDL_Rect){a->lw - px(a, 14) - w, a->lh - px(a, 70), w, px(a, 60)},
               WS_PRIMARY, T(a, "ui.saving.retry"), EV_RETRY_SAVE, 0);
    }
}

static void draw(app *a)
{
    bool failed = flow_save_failed(a->flow);
    frame_spec f = {T(a, failed ? "ui.saving.failed_title" : "ui.saving.title"), NULL, false, false};
    frame_draw(a, &f);
    SDL_Rect b = a->body;
    if (!failed) {
        t_box(a, b, T(a, "ui.saving.wait"), FONT_TITLE, false, COL_INK, AL_CENTRE, true);
        return;
    }
    int nh = b.h * 45 / 100;
    notice_draw(a, (SDL_Rect){b.x, b.y, b.w, nh}, T(a, "ui.saving.failed"));
    const char *why = a->saver ? saver_problem(a->saver) : "";
    if (why[0]) {
        /* For staff: the store's own sentence (what failed, what to do). */
        t_box(a, (SDL_Rect){b.x, b.y + nh + px(a, 10), b.w, b.h - nh - px(a, 10)},
              why, FONT_SMALL, false, COL_MUTED, AL_LEFT, false);
    }
}

const screen_ops screen_saving = {layout, draw, NULL};
