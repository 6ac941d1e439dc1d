/* review.c — every answer on one list, each with an Edit that goes straight
 * to that screen (Next there comes back here). Long lists turn pages with
 * two big buttons rather than a drag, which is easier for unsteady hands. */
#include <stdio.h>
#include <string.h>

#include "intake.h"
#include "ui/render.h"
#include "ui/screens/screens.h"

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

static void gather(app *a, review_view *v)
{
    const pm_content *c = a->content;
    const intake *in = flow_intake(a->flow);
    const char *none = T(a, "ui.review.nothing");
    v->n = 0;
    if (in_sequence(c, SCREEN_NAME)) {
        review_row *r = add(v, T(a, "ui.review.name"), SCREEN_NAME, 0, "name");
        cat(r->value, sizeof r->value, NULL, in->name[0] ? in->name : none);
    }
    review_row *ch = add(v, T(a, "ui.review.areas"), SCREEN_CHART, 0, "chart");
    char buf[160];
    tfmt(buf, sizeof buf, T(a, in->nmarks == 1 ? "ui.chart.count_one" : "ui.chart.count_many"),
         in->nmarks, 0);
    cat(ch->value, sizeof ch->value, NULL, in->nmarks ? buf : T(a, "ui.chart.count_none"));
    for (int i = 0; i < in->nmarks && v->n < MAXROWS; i++) {
        const intake_mark *m = &in->marks[i];
        const pm_region *reg = content_region(c, (size_t)m->region);
        char id[64];
        snprintf(id, sizeof id, "details_%s", reg->id);
        review_row *r = add(v, T(a, reg->label_key), SCREEN_DETAILS, i, id);
        if (m->intensity >= 0) {
            snprintf(buf, sizeof buf, "%d %s", m->intensity,
                     T(a, content_band_for(c, m->intensity)->label_key));
            cat(r->value, sizeof r->value, NULL, buf);
        }
        char q[200] = "";
        for (size_t k = 0; k < content_quality_count(c); k++)
            if (m->qualities >> k & 1u)
                cat(q, sizeof q, ", ", T(a, content_quality(c, k)->label_key));
        if (q[0])
            cat(r->value, sizeof r->value, " · ", q);
        if (m->duration >= 0)
            cat(r->value, sizeof r->value, " · ",
                T(a, content_duration(c, (size_t)m->duration)->label_key));
        if (!r->value[0])
            cat(r->value, sizeof r->value, NULL, none);
    }
    for (size_t qi = 0; qi < content_question_count(c) && v->n < MAXROWS; qi++) {
        const pm_question *q = content_question(c, qi);
        char id[64];
        snprintf(id, sizeof id, "screening_%s", q->id);
        review_row *r = add(v, T(a, q->staff_key), SCREEN_SCREENING, (int)qi, id);
        int ans = in->answers[qi];
        cat(r->value, sizeof r->value, NULL,
            ans >= 0 && (size_t)ans < q->nanswers ? T(a, q->answer_keys[ans]) : none);
    }
    if (in_sequence(c, SCREEN_PATTERNS)) {
        review_row *r = add(v, T(a, "ui.review.patterns"), SCREEN_PATTERNS, 0, "patterns");
        /* Up to three names; more would not fit the row on a narrow panel,
         * so two and "and N more" (staff see them all). */
        int shown = in->npatterns > 3 ? 2 : in->npatterns;
        for (int i = 0; i < shown; i++)
            cat(r->value, sizeof r->value, ", ",
                T(a, content_muscle(c, (size_t)in->patterns[i])->name_key));
        if (shown < in->npatterns) {
            tfmt(buf, sizeof buf, T(a, "ui.review.and_more"), in->npatterns - shown, 0);
            cat(r->value, sizeof r->value, " ", buf);
        }
        if (in->none_of_these)
            cat(r->value, sizeof r->value, NULL, T(a, "ui.patterns.none"));
        if (!r->value[0])
            cat(r->value, sizeof r->value, NULL, none);
    }
    if (in_sequence(c, SCREEN_PREFERENCES)) {
        review_row *r = add(v, T(a, "ui.prefs.pressure"), SCREEN_PREFERENCES, 0, "pressure");
        cat(r->value, sizeof r->value, NULL,
            in->pressure >= 0 ? T(a, content_pressure(c, (size_t)in->pressure)->label_key) : none);
        r = add(v, T(a, "ui.prefs.avoid"), SCREEN_PREFERENCES, 0, "avoid");
        for (size_t k = 0; k < content_avoid_count(c); k++)
            if (in->avoid >> k & 1u)
                cat(r->value, sizeof r->value, ", ", T(a, content_avoid(c, k)->label_key));
        if (!r->value[0])
            cat(r->value, sizeof r->value, NULL, none);
    }
    if (in_sequence(c, SCREEN_CONSENT)) {
        review_row *r = add(v, T(a, "ui.consent.title"), SCREEN_CONSENT, 0, "consent");
        cat(r->value, sizeof r->value, NULL,
            T(a, in->consent ? (in->nsig ? "ui.review.signed" : "ui.review.agreed")
                             : "ui.review.not_agreed"));
    }
    /* Portrait has height to spare and little width: taller rows. The
     * paging buttons live in the footer, or above it when it is narrow. */
    bool narrow = a->lw < a->lh;
    v->row_h = px(a, narrow ? 92 : 76);
    v->per_page = (a->body.h - (narrow ? px(a, 70) : 0)) / v->row_h;
    if (v->per_page < 1)
        v->per_page = 1;
    v->pages = (v->n + v->per_page - 1) / v->per_page;
    if (v->pages < 1)
        v->pages = 1;
}

static void layout(app *a)
{
    w_clear(a);
    frame_spec f = {T(a, "ui.review.title"), "ui.review.confirm", true, false};
    SDL_Rect b = frame_layout(a, &f);
    review_view v;
    gather(a, &v);
    a->scroll_max = v.pages - 1;
    if (a->scroll > a->scroll_max)
        a->scroll = a->scroll_max;
    int first = a->scroll * v.per_page;
    int ew = px(a, 120);
    for (int i = first; i < v.n && i < first + v.per_page; i++) {
        int y = b.y + (i - first) * v.row_h;
        widget *w = w_flow(a, v.r[i].id, (SDL_Rect){b.x + b.w - ew, y + px(a, 8), ew, v.row_h - px(a, 16)},
                           WS_LINK, T(a, "ui.review.edit"), EV_EDIT, (int)v.r[i].screen);
        w->ev.arg2 = v.r[i].step;
    }
    if (v.pages > 1) {
        /* Between Back and Save: earlier / later pages. */
        const widget *back = app_widget(a, "back"), *next = app_widget(a, "next");
        int x0 = back->r.x + back->r.w + px(a, 10), x1 = next->r.x - px(a, 10), y = back->r.y;
        if (a->lw < a->lh) {
            x0 = b.x;
            x1 = b.x + b.w;
            y = b.y + b.h - back->r.h;
        }
        int bw = (x1 - x0 - px(a, 8)) / 2;
        SDL_Rect up = {x0, y, bw, back->r.h}, down = {x0 + bw + px(a, 8), y, bw, back->r.h};
        widget *w = w_add(a, "page_up", up, WS_SECONDARY, T(a, "ui.review.earlier"));
        w->act = a->scroll > 0 ? ACT_SCROLL_UP : ACT_NONE;
        w->muted = a->scroll == 0;
        w = w_add(a, "page_down", down, WS_SECONDARY, T(a, "ui.review.more"));
        w->act = a->scroll < a->scroll_max ? ACT_SCROLL_DOWN : ACT_NONE;
        w->muted = a->scroll >= a->scroll_max;
    }
}

static void draw(app *a)
{
    frame_spec f = {T(a, "ui.review.title"), "ui.review.confirm", true, false};
    frame_draw(a, &f);
    SDL_Rect b = a->body;
    review_view v;
    gather(a, &v);
    int first = a->scroll * v.per_page;
    int ew = px(a, 120);
    for (int i = first; i < v.n && i < first + v.per_page; i++) {
        int y = b.y + (i - first) * v.row_h;
        SDL_Rect row = {b.x, y + px(a, 3), b.w - ew - px(a, 10), v.row_h - px(a, 6)};
        if ((i - first) % 2 == 0)
            r_round(a, (SDL_Rect){b.x - px(a, 6), y, b.w + px(a, 12), v.row_h}, px(a, 8), 0xEBE7DF);
        int lh = row.h * (a->lw < a->lh ? 48 : 36) / 100;
        t_box(a, (SDL_Rect){row.x, row.y, row.w, lh}, v.r[i].label, FONT_SMALL, false, COL_MUTED,
              AL_LEFT, true);
        t_box(a, (SDL_Rect){row.x, row.y + lh, row.w, row.h - lh}, v.r[i].value, FONT_SMALL, true,
              COL_INK, AL_LEFT, true);
    }
}

const screen_ops screen_review = {layout, draw, NULL};
