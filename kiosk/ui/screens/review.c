/* review.c — every answer in one list, each with a Change link that goes
 * straight to its page (Next there comes back here). The list scrolls by
 * whole rows with two big arrows rather than a drag, which is easier for
 * unsteady hands. Confirming saves the intake at once (flow.h). */
#include <stdio.h>
#include <string.h>

#include "intake.h"
#include "ui/screens/frame.h"

#define MAXROWS (10 + INTAKE_MAX_MARKS)

typedef struct {
    const char *label;
    char value[400];
    char id[72]; /* "edit_" + an id of up to 63 bytes */
    pm_screen screen;
    int step;
} review_row;

typedef struct {
    review_row r[MAXROWS];
    int n;
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
    int per_area = flow_layout_now(s->flow) == FLOW_ROOMY ? 1 : 2;
    v->n = 0;
    if (in_sequence(c, SCREEN_NAME)) {
        review_row *r = add(v, T(s, "ui.review.name"), SCREEN_NAME, 0, "name");
        cat(r->value, sizeof r->value, NULL, in->name[0] ? in->name : none);
    }
    review_row *ch = add(v, T(s, "ui.review.areas"), SCREEN_CHART, 0, "chart");
    char buf[200];
    tfmt(buf, sizeof buf, T(s, in->nmarks == 1 ? "ui.chart.count_one" : "ui.chart.count_many"),
         in->nmarks, 0);
    cat(ch->value, sizeof ch->value, NULL, in->nmarks ? buf : T(s, "ui.chart.count_none"));
    for (int i = 0; i < in->nmarks && v->n < MAXROWS - 6; i++) {
        const intake_mark *m = &in->marks[i];
        const pm_region *reg = content_region(c, (size_t)m->region);
        char id[64];
        snprintf(id, sizeof id, "details_%s", reg->id);
        review_row *r = add(v, T(s, reg->label_key), SCREEN_DETAILS, i * per_area, id);
        if (m->intensity >= 0) {
            snprintf(buf, sizeof buf, "%d %s", m->intensity,
                     T(s, content_band_for(c, m->intensity)->label_key));
            cat(r->value, sizeof r->value, NULL, buf);
        }
        char q[240] = "";
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
    /* safety: "no to all", or the answers the therapist will ask about */
    review_row *sr = add(v, T(s, "ui.review.safety"), SCREEN_SCREENING, 0, "screening");
    int flagged[CONTENT_MAX_QUESTIONS];
    size_t nf = screening_flagged(c, in, flagged, CONTENT_MAX_QUESTIONS);
    if (nf == 0) {
        cat(sr->value, sizeof sr->value, NULL, T(s, "ui.review.safety_none"));
    } else {
        tfmt(buf, sizeof buf, T(s, "ui.review.safety_some"), (long)nf, 0);
        cat(sr->value, sizeof sr->value, NULL, buf);
        for (size_t i = 0; i < nf; i++)
            cat(sr->value, sizeof sr->value, i ? "; " : ": ",
                T(s, content_question(c, (size_t)flagged[i])->staff_key));
    }
    if (in_sequence(c, SCREEN_PATTERNS)) {
        review_row *r = add(v, T(s, "ui.review.patterns"), SCREEN_PATTERNS, 0, "patterns");
        for (int i = 0; i < in->npatterns; i++)
            cat(r->value, sizeof r->value, "; ",
                T(s, content_muscle(c, (size_t)in->patterns[i])->name_key));
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
}

static int link_w(const screen_ctx *s) { return px(s->r, 124); }

/* A row: its label small on top, the answer under it, Change at the right. */
static int row_h(screen_ctx *s, int i, int width, void *ctx)
{
    const review_view *v = ctx;
    int tw = width - link_w(s) - px(s->r, 24);
    int lh = t_box_height(s->r, tw, v->r[i].label, FONT_SMALL, false);
    int vh = t_box_height(s->r, tw, v->r[i].value, FONT_BODY, true);
    int h = lh + vh + px(s->r, 16);
    return h < px(s->r, 64) ? px(s->r, 64) : h;
}

static frame_spec spec(screen_ctx *s)
{
    return (frame_spec){T(s, "ui.review.title"), "ui.review.confirm", true, false};
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    frame_spec f = spec(s);
    SDL_Rect b = frame_layout(s, &f);
    review_view v;
    gather(s, &v);
    frame_rowset rs;
    frame_rows(s, b, v.n, px(s->r, 4), row_h, &v, true, &rs);
    for (int i = rs.first; i < rs.end; i++) {
        int h = row_h(s, i, rs.area.w, &v);
        int lh = px(s->r, 52);
        SDL_Rect link = {rs.area.x + rs.area.w - link_w(s) - px(s->r, 6), rs.y[i] + (h - lh) / 2,
                         link_w(s), lh};
        widget *w = w_flow(s->wl, v.r[i].id, link, WS_LINK, T(s, "ui.review.edit"), EV_EDIT,
                           (int)v.r[i].screen);
        w->ev.arg2 = v.r[i].step;
    }
}

static void draw(screen_ctx *s)
{
    frame_spec f = spec(s);
    frame_draw(s, &f);
    SDL_Rect b = s->v->body;
    review_view v;
    gather(s, &v);
    frame_rowset rs;
    frame_rows(s, b, v.n, px(s->r, 4), row_h, &v, false, &rs);
    for (int i = rs.first; i < rs.end; i++) {
        int h = row_h(s, i, rs.area.w, &v);
        SDL_Rect row = {rs.area.x, rs.y[i], rs.area.w, h};
        if ((i - rs.first) % 2 == 0)
            r_round(s->r, row, px(s->r, 8), COL_ROW);
        int tw = row.w - link_w(s) - px(s->r, 24);
        int lh = t_box_height(s->r, tw, v.r[i].label, FONT_SMALL, false);
        t_box(s->r, (SDL_Rect){row.x + px(s->r, 8), row.y + px(s->r, 6), tw, lh}, v.r[i].label,
              FONT_SMALL, false, COL_MUTED, AL_LEFT, false);
        t_box(s->r,
              (SDL_Rect){row.x + px(s->r, 8), row.y + px(s->r, 8) + lh, tw,
                         h - lh - px(s->r, 12)},
              v.r[i].value, FONT_BODY, true, COL_INK, AL_LEFT, false);
    }
    frame_rows_draw(s, &rs);
}

const screen_ops screen_review = {layout, draw, NULL, NULL};
