/* screening.c — the safety questions, before any explanation of the pain,
 * in the three kinds the content has (core/intake/screening.h):
 *   a page of yes/no questions (the gate, then the follow-ups that apply),
 *     each answer a large round button beside its question, and a flagged
 *     answer's calm notice under it;
 *   the "tick all that apply" checklist, with "None of these" as its own
 *     button that answers the list and goes on;
 *   and, for an answer that means "now", a full-screen calm message to
 *     tell the front desk at once.
 * The flow says which questions a page has (flow_page_questions); this
 * file only shows them. */
#include <stdio.h>

#include "ui/screens/form.h"

#define MAXQ FLOW_MAX_PAGE_QUESTIONS
#define MAXCHECK CONTENT_MAX_QUESTIONS

typedef struct {
    int qs[CONTENT_MAX_QUESTIONS];
    int nq;
    pm_part part;
    chip answers[CONTENT_MAX_QUESTIONS][4];
    char ids[CONTENT_MAX_QUESTIONS][4][64];
    chip checks[MAXCHECK];
    char check_ids[MAXCHECK][64];
    chip none, page_no;
    form_item items[FORM_MAX_ITEMS];
    int n;
    const char *title;
} scr_view;

static void gather(screen_ctx *s, scr_view *v)
{
    const intake *in = flow_intake(s->flow);
    v->nq = flow_page_questions(s->flow, v->qs, CONTENT_MAX_QUESTIONS);
    v->part = flow_screening_part(s->flow);
    v->n = 0;
    if (v->part == PART_CHECKLIST) {
        const char *prompt = content_checklist_text_key(s->content);
        v->title = T(s, prompt ? prompt : "ui.screening.checklist");
        for (int i = 0; i < v->nq && i < MAXCHECK; i++) {
            const pm_question *q = content_question(s->content, (size_t)v->qs[i]);
            snprintf(v->check_ids[i], sizeof v->check_ids[i], "check_%s", q->id);
            v->checks[i] = (chip){v->check_ids[i], T(s, q->text_key), EV_TOGGLE_CHECK, v->qs[i],
                                  in->answers[v->qs[i]] == 0, 0};
        }
        /* two columns where they fit, one on a narrow or large-text page */
        int cols = s->lw >= s->lh && !s->v->large_text ? 2 : 1;
        v->items[v->n++] = (form_item){.kind = FI_GRID, .chips = v->checks, .nchips = v->nq,
                                       .style = WS_CHOICE, .cols = cols};
        const char *none = content_checklist_none_key(s->content);
        v->none = (chip){"check_none", T(s, none ? none : "ui.screening.none"), EV_CHECK_NONE, 0,
                         false, 0};
        v->items[v->n++] = (form_item){.kind = FI_BUTTON, .chips = &v->none, .nchips = 1};
        for (int i = 0; i < v->nq && v->n < FORM_MAX_ITEMS; i++) {
            const char *notice = flow_notice_key(s->flow, v->qs[i]);
            if (notice && in->answers[v->qs[i]] == 0)
                v->items[v->n++] = (form_item){.kind = FI_NOTICE, .text = T(s, notice)};
        }
        return;
    }
    v->title = T(s, "ui.screening.title");
    /* "No to all of these" first, for the many who answer no to every one
     * (each question is still on the page to read) */
    if (flow_page_no_offered(s->flow)) {
        v->page_no = (chip){"page_no", T(s, "ui.screening.page_no"), EV_PAGE_NO, 0, false, 0};
        v->items[v->n++] = (form_item){.kind = FI_BUTTON, .chips = &v->page_no, .nchips = 1};
    }
    for (int i = 0; i < v->nq && v->n + 2 <= FORM_MAX_ITEMS; i++) {
        const pm_question *q = content_question(s->content, (size_t)v->qs[i]);
        int na = (int)q->nanswers;
        for (int a = 0; a < na; a++) {
            snprintf(v->ids[i][a], sizeof v->ids[i][a], "q_%s_%s", q->id, q->answer_ids[a]);
            v->answers[i][a] = (chip){v->ids[i][a], T(s, q->answer_keys[a]), EV_ANSWER_TO,
                                      v->qs[i], in->answers[v->qs[i]] == a, a};
        }
        v->items[v->n++] = (form_item){.kind = FI_QUESTION, .text = T(s, q->text_key),
                                       .chips = v->answers[i], .nchips = na, .style = WS_RADIO};
        const char *notice = flow_notice_key(s->flow, v->qs[i]);
        if (notice)
            v->items[v->n++] = (form_item){.kind = FI_NOTICE, .text = T(s, notice)};
    }
}

/* ---- the "now" alert ------------------------------------------------------------ */

/* The two buttons side by side, or one above the other where the page is
 * too narrow for both labels (a portrait panel). */
static SDL_Rect alert_buttons(const screen_ctx *s, SDL_Rect *change)
{
    int m = px(s->r, 16), bh = px(s->r, 64), gap = px(s->r, 14);
    if (s->lw < s->lh) {
        int w = s->lw - 2 * m;
        *change = (SDL_Rect){m, s->lh - m - 2 * bh - gap, w, bh};
        return (SDL_Rect){m, s->lh - m - bh, w, bh};
    }
    int w = (s->lw - 2 * m - gap) / 2;
    if (w > px(s->r, 340))
        w = px(s->r, 340);
    int y = s->lh - m - bh;
    int x = (s->lw - (2 * w + gap)) / 2;
    *change = (SDL_Rect){x, y, w, bh};
    return (SDL_Rect){x + w + gap, y, w, bh};
}

static void alert_layout(screen_ctx *s)
{
    frame_top_buttons(s, true);
    SDL_Rect change;
    SDL_Rect go_on = alert_buttons(s, &change);
    w_flow(s->wl, "alert_change", change, WS_SECONDARY, T(s, "ui.alert.change"), EV_ALERT_DONE, 1);
    w_flow(s->wl, "alert_go_on", go_on, WS_PRIMARY, T(s, "ui.alert.go_on"), EV_ALERT_DONE, 0);
}

static void alert_draw(screen_ctx *s)
{
    /* calm, not alarming: a warm panel, a big plain sentence */
    int m = px(s->r, 16);
    int top = frame_top_h(s);
    SDL_Rect change;
    alert_buttons(s, &change);
    SDL_Rect panel = {m, top, s->lw - 2 * m, change.y - px(s->r, 14) - top};
    r_round_frame(s->r, panel, px(s->r, 16), px(s->r, 3), COL_NOTICE_LINE, COL_NOTICE);
    int pad = px(s->r, 22);
    /* the title as tall as it needs (two lines in some languages), at most
     * about half the panel; the notice in the rest */
    /* (larger text makes the body big enough; the title stays in proportion) */
    font_role title_font = s->v->large_text ? FONT_TITLE : FONT_HUGE;
    int th = t_box_height(s->r, panel.w - 2 * pad, T(s, "ui.alert.title"), title_font, true) + pad;
    if (th < panel.h * 40 / 100)
        th = panel.h * 40 / 100;
    if (th > panel.h * 55 / 100)
        th = panel.h * 55 / 100;
    t_box(s->r, (SDL_Rect){panel.x + pad, panel.y + pad, panel.w - 2 * pad, th - pad},
          T(s, "ui.alert.title"), title_font, true, COL_NOTICE_INK, AL_CENTRE, true);
    const char *notice = flow_notice_key(s->flow, flow_alert(s->flow));
    if (notice)
        t_box(s->r,
              (SDL_Rect){panel.x + pad, panel.y + th + px(s->r, 6), panel.w - 2 * pad,
                         panel.h - th - pad - px(s->r, 6)},
              T(s, notice), FONT_TITLE, false, COL_NOTICE_INK, AL_CENTRE, true);
}

/* ---- the page ----------------------------------------------------------------- */

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    if (flow_alert(s->flow) >= 0) {
        alert_layout(s);
        return;
    }
    scr_view v;
    gather(s, &v);
    frame_spec f = {v.title, "ui.next", true, s->v->large_text || frame_title_is_long(s, v.title)};
    SDL_Rect b = frame_layout(s, &f);
    form_layout(s, b, v.items, v.n);
}

static void draw(screen_ctx *s)
{
    if (flow_alert(s->flow) >= 0) {
        alert_draw(s);
        return;
    }
    scr_view v;
    gather(s, &v);
    frame_spec f = {v.title, "ui.next", true, s->v->large_text || frame_title_is_long(s, v.title)};
    frame_draw(s, &f);
    form_draw(s, s->v->body, v.items, v.n);
}

const screen_ops screen_screening = {layout, draw, NULL, NULL};
