/* screening.c — one safety question per step (core/intake/screening.h says
 * which apply), before any explanation of the pain; a checklist item shows
 * the checklist's prompt above it. A flagged answer shows its notice: a calm
 * line, or please speak to staff. */
#include <stdio.h>

#include "ui/screens/frame.h"

static frame_spec spec(screen_ctx *s, char *buf, size_t n)
{
    tfmt(buf, n, T(s, "ui.screening.title"), flow_step(s->flow) + 1, flow_step_count(s->flow));
    return (frame_spec){buf, "ui.next", true, false};
}

/* Question text on top, answers in a row (or a column when narrow), the
 * notice under them. */
typedef struct {
    SDL_Rect q, answers, notice;
    bool column;
} scr_geo;

static scr_geo arrange(screen_ctx *s, const pm_question *q)
{
    SDL_Rect b = s->v->body;
    scr_geo g;
    g.column = s->lw < s->lh || q->nanswers > 3;
    int bh = px(s->r, 62);
    int n = (int)q->nanswers;
    int ans_h = g.column ? n * bh + (n - 1) * px(s->r, 10) : bh;
    int qh = b.h * 30 / 100;
    g.q = (SDL_Rect){b.x, b.y, b.w, qh};
    g.answers = (SDL_Rect){b.x, b.y + qh + px(s->r, 8), g.column ? (b.w < px(s->r, 420) ? b.w : px(s->r, 420)) : b.w,
                           ans_h};
    int ny = g.answers.y + ans_h + px(s->r, 12);
    g.notice = (SDL_Rect){b.x, ny, b.w, b.y + b.h - ny};
    return g;
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    char buf[128];
    frame_spec f = spec(s, buf, sizeof buf);
    frame_layout(s, &f);
    int qi = flow_question(s->flow);
    const pm_question *q = content_question(s->content, (size_t)qi);
    scr_geo g = arrange(s, q);
    int n = (int)q->nanswers, gap = px(s->r, 10);
    int chosen = flow_intake(s->flow)->answers[qi];
    for (int i = 0; i < n; i++) {
        char id[48];
        snprintf(id, sizeof id, "answer_%s", q->answer_ids[i]);
        SDL_Rect r;
        if (g.column)
            r = (SDL_Rect){g.answers.x, g.answers.y + i * (px(s->r, 62) + gap), g.answers.w, px(s->r, 62)};
        else {
            int w = (g.answers.w - (n - 1) * gap) / n;
            if (w > px(s->r, 240))
                w = px(s->r, 240);
            r = (SDL_Rect){g.answers.x + i * (w + gap), g.answers.y, w, px(s->r, 62)};
        }
        widget *w = w_flow(s->wl, id, r, WS_CHOICE, T(s, q->answer_keys[i]), EV_ANSWER, i);
        w->selected = chosen == i;
    }
}

static void draw(screen_ctx *s)
{
    char buf[128];
    frame_spec f = spec(s, buf, sizeof buf);
    frame_draw(s, &f);
    const pm_question *q = content_question(s->content, (size_t)flow_question(s->flow));
    scr_geo g = arrange(s, q);
    const char *prompt = content_checklist_text_key(s->content);
    if (q->part == PART_CHECKLIST && prompt) {
        /* one item of the checklist a step: its prompt above it */
        SDL_Rect top = {g.q.x, g.q.y, g.q.w, g.q.h * 2 / 5};
        SDL_Rect item = {g.q.x, top.y + top.h, g.q.w, g.q.h - top.h};
        t_box(s->r, top, T(s, prompt), FONT_BODY, false, COL_INK, AL_LEFT, true);
        t_box(s->r, item, T(s, q->text_key), FONT_BUTTON, true, COL_INK, AL_LEFT, true);
    } else {
        t_box(s->r, g.q, T(s, q->text_key), FONT_TITLE, false, COL_INK, AL_LEFT, true);
    }
    const char *notice = flow_notice_key(s->flow);
    if (notice && g.notice.h > px(s->r, 30))
        notice_draw(s->r, g.notice, T(s, notice));
}

const screen_ops screen_screening = {layout, draw, NULL};
