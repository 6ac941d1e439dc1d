/* screening.c — one safety question per step, before any explanation of the
 * pain. An answer that calls for a doctor shows the question's calm notice:
 * please speak to staff. */
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
    t_box(s->r, g.q, T(s, q->text_key), FONT_TITLE, false, COL_INK, AL_LEFT, true);
    if (flow_show_notice(s->flow) && q->notice_key && g.notice.h > px(s->r, 30))
        notice_draw(s->r, g.notice, T(s, q->notice_key));
}

const screen_ops screen_screening = {layout, draw, NULL};
