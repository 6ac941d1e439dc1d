/* review.c — every answer on one list, each with an Edit that goes straight
 * to that screen (Next there comes back here). Long lists turn pages with
 * two big buttons rather than a drag, which is easier for unsteady hands. */
#include <stdio.h>
#include <string.h>

#include "intake.h"
#include "screening.h"
#include "ui/screens/frame.h"

#define MAXROWS (8 + INTAKE_MAX_MARKS + CONTENT_MAX_QUESTIONS)

typedef struct {
    const char *label;
    char value[320];
    char id[72]; /* "edit_" + an id of up to 63 bytes */
    pm_screen screen;
    int step;
} review_row;

typedef struct {
    review_row r[MAXROWS];
    int n, per_page, pages, row_h;
} review_view;

static bool in_sequence(const pm_content *c, pm_screen s)
{
    for (size_t i = 0; i < content_screen_count(c); i++)
        if (content_screen_at(c, i) == s)
            return true;
    return false;
}

static void cat(char *dst, size_t size, const char *sep, const char *s)
{
    size_t l = strlen(dst);
    if (l && sep)
        snprintf(dst + l, size - l, "%s", sep), l = strlen(dst);
    snprintf(dst + l, size - l, "%s", s);
}

static review_row *add(review_view *v, const char *label, pm_screen s, int step, const char *id)
{
    review_row *r = &v->r[v->n++];
    r->label = label;
    r->value[0] = '\0';
    r->screen = s;
    r->step = step;
    snprintf(r->id, sizeof r->id, "edit_%s", id);
    return r;
}

static void gather(screen_ctx *s, review_view *v)
{
    const pm_content *c = s->content;
    const intake *in = flow_intake(s->flow);
    const char *none = T(s, "ui.review.nothing");
    v->n = 0;
    if (in_sequence(c, SCREEN_NAME)) {
        review_row *r = add(v, T(s, "ui.review.name"), SCREEN_NAME, 0, "name");
        cat(r->value, sizeof r->value, NULL, in->name[0] ? in->name : none);
    }
    review_row *ch = add(v, T(s, "ui.review.areas"), SCREEN_CHART, 0, "chart");
    char buf[160];
    tfmt(buf, sizeof buf, T(s, in->nmarks == 1 ? "ui.chart.count_one" : "ui.chart.count_many"),
         in->nmarks, 0);
    cat(ch->value, sizeof ch->value, NULL, in->nmarks ? buf : T(s, "ui.chart.count_none"));
    for (int i = 0; i < in->nmarks && v->n < MAXROWS; i++) {
        const intake_mark *m = &in->marks[i];
        const pm_region *reg = content_region(c, (size_t)m->region);
        char id[64];
        snprintf(id, sizeof id, "details_%s", reg->id);
        review_row *r = add(v, T(s, reg->label_key), SCREEN_DETAILS, i, id);
        if (m->intensity >= 0) {
            snprintf(buf, sizeof buf, "%d %s", m->intensity,
                     T(s, content_band_for(c, m->intensity)->label_key));
            cat(r->value, sizeof r->value, NULL, buf);
        }
        char q[200] = "";
        for (size_t k = 0; k < content_quality_count(c); k++)
            if (m->qualities >> k & 1u)
                cat(q, sizeof q, ", ", T(s, content_quality(c, k)->label_key));
        if (q[0])
            cat(r->value, sizeof r->value, " · ", q);
        if (m->duration >= 0)
            cat(r->value, sizeof r->value, " · ",
                T(s, content_duration(c, (size_t)m->duration)->label_key));
        if (!r->value[0])
            cat(r->value, sizeof r->value, NULL, none);
    }
    /* the questions this client was asked, in the order asked */
    int plan[CONTENT_MAX_QUESTIONS];
    size_t nplan = screening_plan(c, in, plan, CONTENT_MAX_QUESTIONS);
    for (size_t step = 0; step < nplan && v->n < MAXROWS; step++) {
        size_t qi = (size_t)plan[step];
        const pm_question *q = content_question(c, qi);
        char id[64];
        snprintf(id, sizeof id, "screening_%s", q->id);
        review_row *r = add(v, T(s, q->staff_key), SCREEN_SCREENING, (int)step, id);
        int ans = in->answers[qi];
        cat(r->value, sizeof r->value, NULL,
            ans >= 0 && (size_t)ans < q->nanswers ? T(s, q->answer_keys[ans]) : none);
    }
    if (in_sequence(c, SCREEN_PATTERNS)) {
        review_row *r = add(v, T(s, "ui.review.patterns"), SCREEN_PATTERNS, 0, "patterns");
        /* Up to three names; more would not fit the row on a narrow panel,
         * so two and "and N more" (staff see them all). */
        int shown = in->npatterns > 3 ? 2 : in->npatterns;
        for (int i = 0; i < shown; i++)
            cat(r->value, sizeof r->value, ", ",
                T(s, content_muscle(c, (size_t)in->patterns[i])->name_key));
        if (shown < in->npatterns) {
            tfmt(buf, sizeof buf, T(s, "ui.review.and_more"), in->npatterns - shown, 0);
            cat(r->value, sizeof r->value, " ", buf);
        }
        if (in->none_of_these)
            cat(r->value, sizeof r->value, NULL, T(s, "ui.patterns.none"));
        if (!r->value[0])
            cat(r->value, sizeof r->value, NULL, none);
    }
    if (in_sequence(c, SCREEN_PREFERENCES)) {
        review_row *r = add(v, T(s, "ui.prefs.pressure"), SCREEN_PREFERENCES, 0, "pressure");
        cat(r->value, sizeof r->value, NULL,
            in->pressure >= 0 ? T(s, content_pressure(c, (size_t)in->pressure)->label_key) : none);
        r = add(v, T(s, "ui.prefs.avoid"), SCREEN_PREFERENCES, 0, "avoid");
        for (size_t k = 0; k < content_avoid_count(c); k++)
            if (in->avoid >> k & 1u)
                cat(r->value, sizeof r->value, ", ", T(s, content_avoid(c, k)->label_key));
        if (!r->value[0])
            cat(r->value, sizeof r->value, NULL, none);
    }
    if (in_sequence(c, SCREEN_CONSENT)) {
        review_row *r = add(v, T(s, "ui.consent.title"), SCREEN_CONSENT, 0, "consent");
        cat(r->value, sizeof r->value, NULL,
            T(s, in->consent ? (in->nsig ? "ui.review.signed" : "ui.review.agreed")
                             : "ui.review.not_agreed"));
    }
    /* Portrait has height to spare and little width: taller rows. The
     * paging buttons live in the footer, or above it when it is narrow. */
    bool narrow = s->lw < s->lh;
    v->row_h = px(s->r, narrow ? 92 : 76);
    v->per_page = (s->v->body.h - (narrow ? px(s->r, 70) : 0)) / v->row_h;
    if (v->per_page < 1)
        v->per_page = 1;
    v->pages = (v->n + v->per_page - 1) / v->per_page;
    if (v->pages < 1)
        v->pages = 1;
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    frame_spec f = {T(s, "ui.review.title"), "ui.review.confirm", true, false};
    SDL_Rect b = frame_layout(s, &f);
    review_view v;
    gather(s, &v);
    s->v->scroll_max = v.pages - 1;
    if (s->v->scroll > s->v->scroll_max)
        s->v->scroll = s->v->scroll_max;
    int first = s->v->scroll * v.per_page;
    int ew = px(s->r, 120);
    for (int i = first; i < v.n && i < first + v.per_page; i++) {
        int y = b.y + (i - first) * v.row_h;
        widget *w = w_flow(s->wl, v.r[i].id, (SDL_Rect){b.x + b.w - ew, y + px(s->r, 8), ew, v.row_h - px(s->r, 16)},
                           WS_LINK, T(s, "ui.review.edit"), EV_EDIT, (int)v.r[i].screen);
        w->ev.arg2 = v.r[i].step;
    }
    if (v.pages > 1) {
        /* Between Back and Save: earlier / later pages. */
        const widget *back = w_find(s->wl, "back"), *next = w_find(s->wl, "next");
        int x0 = back->r.x + back->r.w + px(s->r, 10), x1 = next->r.x - px(s->r, 10), y = back->r.y;
        if (s->lw < s->lh) {
            x0 = b.x;
            x1 = b.x + b.w;
            y = b.y + b.h - back->r.h;
        }
        int bw = (x1 - x0 - px(s->r, 8)) / 2;
        SDL_Rect up = {x0, y, bw, back->r.h}, down = {x0 + bw + px(s->r, 8), y, bw, back->r.h};
        widget *w = w_add(s->wl, "page_up", up, WS_SECONDARY, T(s, "ui.review.earlier"));
        w->act = s->v->scroll > 0 ? ACT_SCROLL_UP : ACT_NONE;
        w->muted = s->v->scroll == 0;
        w = w_add(s->wl, "page_down", down, WS_SECONDARY, T(s, "ui.review.more"));
        w->act = s->v->scroll < s->v->scroll_max ? ACT_SCROLL_DOWN : ACT_NONE;
        w->muted = s->v->scroll >= s->v->scroll_max;
    }
}

static void draw(screen_ctx *s)
{
    frame_spec f = {T(s, "ui.review.title"), "ui.review.confirm", true, false};
    frame_draw(s, &f);
    SDL_Rect b = s->v->body;
    review_view v;
    gather(s, &v);
    int first = s->v->scroll * v.per_page;
    int ew = px(s->r, 120);
    for (int i = first; i < v.n && i < first + v.per_page; i++) {
        int y = b.y + (i - first) * v.row_h;
        SDL_Rect row = {b.x, y + px(s->r, 3), b.w - ew - px(s->r, 10), v.row_h - px(s->r, 6)};
        if ((i - first) % 2 == 0)
            r_round(s->r, (SDL_Rect){b.x - px(s->r, 6), y, b.w + px(s->r, 12), v.row_h}, px(s->r, 8), 0xEBE7DF);
        int lh = row.h * (s->lw < s->lh ? 48 : 36) / 100;
        t_box(s->r, (SDL_Rect){row.x, row.y, row.w, lh}, v.r[i].label, FONT_SMALL, false, COL_MUTED,
              AL_LEFT, true);
        t_box(s->r, (SDL_Rect){row.x, row.y + lh, row.w, row.h - lh}, v.r[i].value, FONT_SMALL, true,
              COL_INK, AL_LEFT, true);
    }
}

const screen_ops screen_review = {layout, draw, NULL};
