/* screening.c — one safety question per step (core/intake/screening.h says
 * which apply), before any explanation of the pain; a checklist item shows
 * the checklist's prompt above it. A flagged answer shows its notice: a calm
 * line, or please speak to staff. */
#include <stdio.h>

#include "ui/screens/screens.h"

static frame_spec spec(app *a, char *buf, size_t n)
{
    tfmt(buf, n, T(a, "ui.screening.title"), flow_step(a->flow) + 1, flow_step_count(a->flow));
    return (frame_spec){buf, "ui.next", true, false};
}

/* Question text on top, answers in a row (or a column when narrow), the
 * notice under them. */
typedef struct {
    SDL_Rect q, answers, notice;
    bool column;
} scr_geo;

static scr_geo arrange(app *a, const pm_question *q)
{
    SDL_Rect b = a->body;
    scr_geo g;
    g.column = a->lw < a->lh || q->nanswers > 3;
    int bh = px(a, 62);
    int n = (int)q->nanswers;
    int ans_h = g.column ? n * bh + (n - 1) * px(a, 10) : bh;
    int qh = b.h * 30 / 100;
    g.q = (SDL_Rect){b.x, b.y, b.w, qh};
    g.answers = (SDL_Rect){b.x, b.y + qh + px(a, 8), g.column ? (b.w < px(a, 420) ? b.w : px(a, 420)) : b.w,
                           ans_h};
    int ny = g.answers.y + ans_h + px(a, 12);
    g.notice = (SDL_Rect){b.x, ny, b.w, b.y + b.h - ny};
    return g;
}

static void layout(app *a)
{
    w_clear(a);
    char buf[128];
    frame_spec f = spec(a, buf, sizeof buf);
    frame_layout(a, &f);
    int qi = flow_question(a->flow);
    const pm_question *q = content_question(a->content, (size_t)qi);
    scr_geo g = arrange(a, q);
    int n = (int)q->nanswers, gap = px(a, 10);
    int chosen = flow_intake(a->flow)->answers[qi];
    for (int i = 0; i < n; i++) {
        char id[48];
        snprintf(id, sizeof id, "answer_%s", q->answer_ids[i]);
        SDL_Rect r;
        if (g.column)
            r = (SDL_Rect){g.answers.x, g.answers.y + i * (px(a, 62) + gap), g.answers.w, px(a, 62)};
        else {
            int w = (g.answers.w - (n - 1) * gap) / n;
            if (w > px(a, 240))
                w = px(a, 240);
            r = (SDL_Rect){g.answers.x + i * (w + gap), g.answers.y, w, px(a, 62)};
        }
        widget *w = w_flow(a, id, r, WS_CHOICE, T(a, q->answer_keys[i]), EV_ANSWER, i);
        w->selected = chosen == i;
    }
}

static void draw(app *a)
{
    char buf[128];
    frame_spec f = spec(a, buf, sizeof buf);
    frame_draw(a, &f);
    const pm_question *q = content_question(a->content, (size_t)flow_question(a->flow));
    scr_geo g = arrange(a, q);
    const char *prompt = content_checklist_text_key(a->content);
    if (q->part == PART_CHECKLIST && prompt) {
        /* one item of the checklist a step: its prompt above it */
        SDL_Rect top = {g.q.x, g.q.y, g.q.w, g.q.h * 2 / 5};
        SDL_Rect item = {g.q.x, top.y + top.h, g.q.w, g.q.h - top.h};
        t_box(a, top, T(a, prompt), FONT_BODY, false, COL_INK, AL_LEFT, true);
        t_box(a, item, T(a, q->text_key), FONT_BUTTON, true, COL_INK, AL_LEFT, true);
    } else {
        t_box(a, g.q, T(a, q->text_key), FONT_TITLE, false, COL_INK, AL_LEFT, true);
    }
    const char *notice = flow_notice_key(a->flow);
    if (notice && g.notice.h > px(a, 30))
        notice_draw(a, g.notice, T(a, notice));
}

const screen_ops screen_screening = {layout, draw, NULL};
