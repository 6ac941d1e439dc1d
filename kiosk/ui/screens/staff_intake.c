/* staff_intake.c — one intake on screen for the therapist: safety flags
 * first, both charts with the marked areas coloured by how much they hurt,
 * then every answer, in pages. And the "delete this intake?" question. */
#include <stdio.h>
#include <string.h>

#include "intake.h"
#include "screening.h"
#include "ui/chart.h"
#include "ui/screens/staff_ui.h"

#define MAXROWS (12 + INTAKE_MAX_MARKS + CONTENT_MAX_QUESTIONS)

typedef enum { ROW_PLAIN, ROW_URGENT, ROW_ATTENTION, ROW_SIGNATURE } row_kind;

typedef struct {
    const char *label;
    char value[360];
    row_kind kind;
} srow;

typedef struct {
    srow r[MAXROWS];
    int n;
    SDL_Rect charts, list, pager;
    int row_h;                   /* the least a row takes */
    int h[MAXROWS];              /* each row's height: its text wrapped, not cut */
    int start[MAXROWS + 1];      /* the first row of each page */
    int pages;
} sview;

static void cat(char *dst, size_t size, const char *sep, const char *s)
{
    size_t l = strlen(dst);
    snprintf(dst + l, size - l, "%s%s", l && sep ? sep : "", s);
}

static srow *add(sview *v, const char *label, row_kind kind)
{
    srow *r = &v->r[v->n++];
    r->label = label;
    r->value[0] = '\0';
    r->kind = kind;
    return r;
}

/* Answers that need attention, one row each (urgent first). */
static void flagged_answers(screen_ctx *s, const intake *in, sview *v, pm_flag level)
{
    const pm_content *c = s->content;
    for (size_t qi = 0; qi < content_question_count(c) && v->n < MAXROWS; qi++) {
        const pm_question *q = content_question(c, qi);
        int ans = in->answers[qi];
        if (ans < 0 || (size_t)ans >= q->nanswers || q->answer_flags[ans] != level)
            continue;
        srow *r = add(v, TS(s, q->staff_key), level == FLAG_URGENT ? ROW_URGENT : ROW_ATTENTION);
        cat(r->value, sizeof r->value, NULL, TS(s, q->answer_keys[ans]));
    }
}

/* The other answers in one row: "No × 16" and the questions left open, so
 * a page is not filled with sixteen "No" rows. */
static void other_answers(screen_ctx *s, const intake *in, sview *v)
{
    const pm_content *c = s->content;
    srow *r = add(v, TS(s, "staff.intake.others"), ROW_PLAIN);
    const char *texts[8];
    int counts[8], nt = 0;
    char open[300] = "";
    for (size_t qi = 0; qi < content_question_count(c); qi++) {
        const pm_question *q = content_question(c, qi);
        int ans = in->answers[qi];
        if (ans < 0 || (size_t)ans >= q->nanswers) {
            if (screening_applies(c, in, (int)qi)) /* else: never asked */
                cat(open, sizeof open, ", ", TS(s, q->staff_key));
            continue;
        }
        if (q->answer_flags[ans] != FLAG_NONE)
            continue;
        const char *t = TS(s, q->answer_keys[ans]);
        int k = 0;
        while (k < nt && strcmp(texts[k], t) != 0)
            k++;
        if (k == nt && nt < 8) {
            texts[nt] = t;
            counts[nt++] = 0;
        }
        if (k < nt)
            counts[k]++;
    }
    for (int k = 0; k < nt; k++) {
        char part[120];
        snprintf(part, sizeof part, "%s × %d", texts[k], counts[k]);
        cat(r->value, sizeof r->value, " · ", part);
    }
    if (open[0]) {
        char part[360];
        tfmt_s(part, sizeof part, TS(s, "staff.intake.unanswered"), open);
        cat(r->value, sizeof r->value, " · ", part);
    }
    if (!r->value[0])
        cat(r->value, sizeof r->value, NULL, TS(s, "summary.none"));
}

/* The parts of a row's box: the label's line(s) on top, the value under. */
typedef struct {
    int pad, top, badge_w, label_h, value_w;
} row_parts;

static row_parts row_measure(screen_ctx *s, const srow *row, int w, int *height)
{
    row_parts p;
    p.pad = px(s->r, 10);
    p.top = px(s->r, 3);
    p.badge_w = row->kind == ROW_URGENT || row->kind == ROW_ATTENTION ? px(s->r, 118) : 0;
    int inner = w - 2 * p.pad;
    const char *value = row->value;
    char label[360];
    if (row->label) {
        snprintf(label, sizeof label, "%s", row->label);
    } else { /* a region row: "name\ndetail" */
        const char *nl = strchr(row->value, '\n');
        size_t n = nl ? (size_t)(nl - row->value) : strlen(row->value);
        snprintf(label, sizeof label, "%.*s", (int)n, row->value);
        value = nl ? nl + 1 : "";
    }
    int size = font_px(s->r, FONT_SMALL);
    bool fits;
    p.label_h = t_box_px(s->r, (SDL_Rect){0, 0, inner - p.badge_w, 1 << 20}, label, size,
                         !row->label, 0, AL_LEFT, false, false, &fits);
    p.value_w = row->kind == ROW_SIGNATURE ? inner / 2 : inner;
    int value_h = value[0] ? t_box_px(s->r, (SDL_Rect){0, 0, p.value_w, 1 << 20}, value, size,
                                      row->label != NULL, 0, AL_LEFT, false, false, &fits)
                           : 0;
    if (row->kind == ROW_SIGNATURE && value_h < px(s->r, 40))
        value_h = px(s->r, 40); /* room for the signature beside it */
    *height = 2 * p.top + p.label_h + value_h + px(s->r, 8);
    return p;
}

/* Rows as tall as their text needs (a long list of feelings wraps instead
 * of being cut), in pages that each fit the list. */
static void paginate(screen_ctx *s, sview *v)
{
    v->pages = 0;
    int used = 0;
    v->start[0] = 0;
    for (int i = 0; i < v->n; i++) {
        int h;
        row_measure(s, &v->r[i], v->list.w, &h);
        if (h < v->row_h)
            h = v->row_h;
        if (h > v->list.h)
            h = v->list.h; /* cannot happen with the content's texts: shrunk then */
        v->h[i] = h;
        if (used > 0 && used + h > v->list.h) {
            v->start[++v->pages] = i;
            used = 0;
        }
        used += h;
    }
    v->pages++;
    v->start[v->pages] = v->n;
}

/* Where both charts go in the body b: on top in portrait, at the left in
 * landscape. */
static SDL_Rect charts_area(const screen_ctx *s, SDL_Rect b)
{
    int head = px(s->r, 44);
    if (s->lw < s->lh)
        return (SDL_Rect){b.x, b.y + head, b.w, b.h * 36 / 100};
    return (SDL_Rect){b.x, b.y + head, b.w * 30 / 100, b.h - head};
}

static void gather(screen_ctx *s, sview *v)
{
    const pm_content *c = s->content;
    const intake *in = desk_intake(s->desk);
    v->n = 0;
    if (in) {
        flagged_answers(s, in, v, FLAG_URGENT); /* what needs attention, on top */
        flagged_answers(s, in, v, FLAG_ATTENTION);
        char buf[200];
        for (int i = 0; i < in->nmarks && v->n < MAXROWS; i++) {
            const intake_mark *m = &in->marks[i];
            const pm_region *reg = content_region(c, (size_t)m->region);
            char detail[300] = "";
            if (m->intensity >= 0) {
                snprintf(buf, sizeof buf, "%d/10 %s", m->intensity,
                         TS(s, content_band_for(c, m->intensity)->label_key));
                cat(detail, sizeof detail, NULL, buf);
            } else {
                cat(detail, sizeof detail, NULL, TS(s, "summary.not_rated"));
            }
            const char *sep = " · ";
            for (size_t k = 0; k < content_quality_count(c); k++)
                if (m->qualities >> k & 1u) {
                    cat(detail, sizeof detail, sep, TS(s, content_quality(c, k)->label_key));
                    sep = ", ";
                }
            if (m->duration >= 0)
                cat(detail, sizeof detail, " · ",
                    TS(s, content_duration(c, (size_t)m->duration)->label_key));
            /* A region row has no label: its anatomical name is the first line. */
            srow *r = add(v, NULL, ROW_PLAIN);
            snprintf(r->value, sizeof r->value, "%s\n%s", TS(s, reg->term_key), detail);
        }
        if (in->nmarks == 0)
            cat(add(v, TS(s, "summary.regions"), ROW_PLAIN)->value, sizeof v->r[0].value, NULL,
                TS(s, "summary.no_regions"));
        srow *p = add(v, TS(s, "summary.patterns"), ROW_PLAIN);
        for (int i = 0; i < in->npatterns; i++)
            cat(p->value, sizeof p->value, ", ", TS(s, content_muscle(c, (size_t)in->patterns[i])->name_key));
        if (in->none_of_these)
            cat(p->value, sizeof p->value, ", ", TS(s, "summary.none_of_these"));
        if (!p->value[0])
            cat(p->value, sizeof p->value, NULL, TS(s, "summary.no_patterns"));
        other_answers(s, in, v);
        srow *pr = add(v, TS(s, "summary.pressure"), ROW_PLAIN);
        cat(pr->value, sizeof pr->value, NULL,
            in->pressure >= 0 ? TS(s, content_pressure(c, (size_t)in->pressure)->label_key)
                              : TS(s, "summary.not_given"));
        srow *av = add(v, TS(s, "summary.avoid"), ROW_PLAIN);
        for (size_t k = 0; k < content_avoid_count(c); k++)
            if (in->avoid >> k & 1u)
                cat(av->value, sizeof av->value, ", ", TS(s, content_avoid(c, k)->label_key));
        if (!av->value[0])
            cat(av->value, sizeof av->value, NULL, TS(s, "summary.none"));
        srow *cs = add(v, TS(s, "summary.consent"), in->nsig ? ROW_SIGNATURE : ROW_PLAIN);
        cat(cs->value, sizeof cs->value, NULL,
            TS(s, in->consent ? "summary.consent_given" : "summary.consent_not_given"));
        if (!in->nsig)
            cat(cs->value, sizeof cs->value, " · ", TS(s, "summary.no_signature"));
    }
    /* geometry: the pager shares the line on top with the saved time */
    SDL_Rect b = s->v->body;
    bool portrait = s->lw < s->lh;
    int head = px(s->r, 44);
    v->charts = charts_area(s, b);
    if (portrait) {
        int ch = b.h * 36 / 100;
        v->list = (SDL_Rect){b.x, b.y + head + ch + px(s->r, 8), b.w, b.h - head - ch - px(s->r, 8)};
    } else {
        int cw = b.w * 30 / 100;
        v->list = (SDL_Rect){b.x + cw + px(s->r, 12), b.y + head, b.w - cw - px(s->r, 12), b.h - head};
    }
    v->row_h = px(s->r, portrait ? 62 : 48);
    if (portrait) {
        /* Tall and narrow: the pager goes under the rows, full width. */
        int ph = px(s->r, 48);
        v->pager = (SDL_Rect){v->list.x, v->list.y + v->list.h - ph, v->list.w, ph};
        v->list.h -= ph + px(s->r, 8);
    } else {
        int pw = px(s->r, 250);
        v->pager = (SDL_Rect){b.x + b.w - pw, b.y + px(s->r, 2), pw, head - px(s->r, 8)};
    }
    paginate(s, v);
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    const queue_entry *e = desk_entry(s->desk);
    bool seen = e && e->seen;
    staff_button b[4] = {
        {"list", TS(s, "staff.intake.list"), WS_SECONDARY, DESK_EV_BACK, 0, false},
        {"mark_seen", TS(s, seen ? "staff.intake.seen" : "staff.intake.mark_seen"), WS_SECONDARY,
         DESK_EV_MARK_SEEN, 0, seen},
        {"delete", TS(s, "staff.intake.delete"), WS_DANGER, DESK_EV_DELETE, 0, false},
        {"export_this", TS(s, "staff.intake.export"), WS_PRIMARY, DESK_EV_EXPORT_THIS, 0, false},
    };
    staff_frame_layout(s, true, b, 4);
    sview v;
    gather(s, &v);
    s->v->scroll_max = v.pages - 1;
    if (s->v->scroll > s->v->scroll_max)
        s->v->scroll = s->v->scroll_max;
    if (v.pages > 1)
        staff_pager(s, v.pager);
}

typedef struct {
    const pm_content *content;
    const intake *in;
} fill_ctx;

static long fill(int region, void *ctx)
{
    const fill_ctx *f = ctx;
    const intake *in = f->in;
    int slot = intake_find_mark(in, region);
    if (slot < 0)
        return -1;
    int level = in->marks[slot].intensity;
    return level >= 0 ? (long)content_band_for(f->content, level)->colour : COL_MARK;
}

static const pm_view chart_views[2] = {VIEW_FRONT, VIEW_BACK};

/* Chart i (front, back) in area: its panel and its figure's transform. */
static chart_xf chart_at(const screen_ctx *s, SDL_Rect area, int i, SDL_Rect *panel)
{
    int gap = px(s->r, 8), label_h = px(s->r, 26);
    int w = (area.w - gap) / 2;
    SDL_Rect r = {area.x + i * (w + gap), area.y, w, area.h};
    SDL_Rect fig = {r.x + px(s->r, 4), r.y + label_h, r.w - px(s->r, 8), r.h - label_h - px(s->r, 4)};
    chart_xf xf = chart_fit(fig, chart_view_bounds(s->content, chart_views[i]), 1, 0, 0);
    xf.clip = fig;
    *panel = r;
    return xf;
}

/* Ahead of need (screens.c calls this while staff mode shows): the
 * artwork of both charts as an intake shows them. */
void staff_intake_want_art(screen_ctx *s)
{
    SDL_Rect area = charts_area(s, staff_body(s, true)), panel;
    for (int i = 0; i < 2; i++)
        chart_want_figure(s->art, chart_views[i], chart_at(s, area, i, &panel), ART_KEEP_SOME);
}

bool staff_intake_ahead(screen_ctx *s)
{
    SDL_Rect area = charts_area(s, staff_body(s, true)), panel;
    for (int i = 0; i < 2; i++)
        if (chart_outlines_ahead(s->art, chart_views[i], chart_at(s, area, i, &panel)))
            return true;
    return false;
}

static void draw_charts(screen_ctx *s, SDL_Rect area, const intake *in)
{
    int label_h = px(s->r, 26);
    const pm_view *views = chart_views;
    static const char *const keys[2] = {"summary.front", "summary.back"};
    for (int i = 0; i < 2; i++) {
        SDL_Rect r;
        chart_xf xf = chart_at(s, area, i, &r);
        SDL_Rect fig = xf.clip;
        r_round(s->r, r, px(s->r, 10), COL_SURFACE);
        t_box(s->r, (SDL_Rect){r.x, r.y + px(s->r, 2), r.w, label_h}, TS(s, keys[i]), FONT_SMALL, true,
              COL_MUTED, AL_CENTRE, true);
        fill_ctx fc = {s->content, in};
        chart_draw(s->art, views[i], xf, fill, &fc);
        /* the strength as a number on each marked area: not by colour alone */
        r_clip(s->r, &fig);
        for (int k = 0; k < in->nmarks; k++) {
            const pm_region *reg = content_region(s->content, (size_t)in->marks[k].region);
            if (reg->view != views[i] || in->marks[k].intensity < 0)
                continue;
            SDL_FPoint p = chart_to_screen(xf, reg->anchor);
            float rad = (float)px(s->r, 10);
            r_circle(s->r, p.x, p.y, rad, COL_INK, 255);
            r_circle(s->r, p.x, p.y, rad - 1.5f, COL_SURFACE, 255);
            char num[8];
            snprintf(num, sizeof num, "%d", in->marks[k].intensity);
            int sz = (int)(rad * 1.2f);
            int tw = t_width(s->r, num, sz, true), th = t_height(s->r, sz, true);
            t_line(s->r, (int)(p.x - tw / 2.0f), (int)(p.y - th / 2.0f), num, sz, true, COL_INK);
        }
        r_clip(s->r, NULL);
    }
}

static void draw_signature(screen_ctx *s, SDL_Rect r, const intake *in)
{
    r_round_frame(s->r, r, px(s->r, 6), 1, COL_LINE, COL_SURFACE);
    double k = (double)r.w / INTAKE_SIG_W;
    if ((double)r.h / INTAKE_SIG_H < k)
        k = (double)r.h / INTAKE_SIG_H;
    float ox = (float)(r.x + (r.w - INTAKE_SIG_W * k) / 2), oy = (float)(r.y + (r.h - INTAKE_SIG_H * k) / 2);
    for (int i = 0; i < in->nsig; i++) {
        bool alone = in->sig[i].starts_stroke && (i + 1 == in->nsig || in->sig[i + 1].starts_stroke);
        if (alone) /* a tap on the pad is a dot */
            r_circle(s->r, ox + (float)(in->sig[i].x * k), oy + (float)(in->sig[i].y * k), 2.0f,
                     COL_INK, 255);
        if (i == 0 || in->sig[i].starts_stroke)
            continue;
        r_line(s->r, ox + (float)(in->sig[i - 1].x * k), oy + (float)(in->sig[i - 1].y * k),
               ox + (float)(in->sig[i].x * k), oy + (float)(in->sig[i].y * k), 2.0f, COL_INK, 255);
    }
}

static void draw_row(screen_ctx *s, const srow *row, SDL_Rect r, const intake *in, bool stripe)
{
    unsigned bg = row->kind == ROW_URGENT ? 0xF8D7D3 : row->kind == ROW_ATTENTION ? COL_NOTICE
                  : stripe ? 0xEBE7DF : COL_BG;
    r_round(s->r, r, px(s->r, 8), bg);
    int measured;
    row_parts p = row_measure(s, row, r.w, &measured);
    int pad = p.pad;
    SDL_Rect in_r = {r.x + pad, r.y + p.top, r.w - 2 * pad, r.h - 2 * p.top};
    int lh = p.label_h;
    if (lh > in_r.h / 2 && measured > r.h) /* squeezed (never with the content's texts) */
        lh = in_r.h / 2;
    char label[360];
    const char *value = row->value;
    if (row->label) {
        snprintf(label, sizeof label, "%s", row->label);
    } else {
        /* a region row: "name\ndetail" */
        const char *nl = strchr(row->value, '\n');
        size_t n = nl ? (size_t)(nl - row->value) : strlen(row->value);
        snprintf(label, sizeof label, "%.*s", (int)n, row->value);
        value = nl ? nl + 1 : "";
    }
    int x = in_r.x;
    if (row->kind == ROW_URGENT || row->kind == ROW_ATTENTION) {
        int bh = px(s->r, 22) < lh - px(s->r, 2) ? px(s->r, 22) : lh - px(s->r, 2);
        staff_badge(s, x, in_r.y + px(s->r, 1), bh,
                    row->kind == ROW_URGENT ? FLAG_URGENT : FLAG_ATTENTION);
        x += p.badge_w;
    }
    t_box(s->r, (SDL_Rect){x, in_r.y, in_r.x + in_r.w - x, lh}, label, FONT_SMALL, !row->label,
          row->label ? COL_MUTED : COL_INK, AL_LEFT, true);
    SDL_Rect vr = {in_r.x, in_r.y + lh, p.value_w, in_r.h - lh};
    if (row->kind == ROW_SIGNATURE) {
        int sw = (r.h - px(s->r, 6)) * INTAKE_SIG_W / INTAKE_SIG_H;
        if (sw > in_r.w - p.value_w - px(s->r, 8))
            sw = in_r.w - p.value_w - px(s->r, 8);
        draw_signature(s, (SDL_Rect){in_r.x + in_r.w - sw, r.y + px(s->r, 3), sw, r.h - px(s->r, 6)}, in);
    }
    t_box(s->r, vr, value, FONT_SMALL, row->label != NULL, COL_INK, AL_LEFT, true);
}

static void draw(screen_ctx *s)
{
    const queue_entry *e = desk_entry(s->desk);
    const intake *in = desk_intake(s->desk);
    const char *name = e && e->name[0] ? e->name : TS(s, "staff.queue.no_name");
    staff_frame_draw(s, name);
    sview v;
    gather(s, &v);
    /* The line on top: when it was saved, the flags in short, or a note. */
    bool pager_on_top = v.pages > 1 && v.pager.y < v.list.y;
    SDL_Rect head = {s->v->body.x, s->v->body.y,
                     s->v->body.w - (pager_on_top ? v.pager.w + px(s->r, 10) : 0), px(s->r, 40)};
    char line[64] = "";
    desk_note note = desk_note_now(s->desk);
    {
        if (e)
            staff_time(s, e->saved_at, line, sizeof line);
        char more[256];
        pm_flag worst = in ? intake_worst_flag(in, s->content) : FLAG_NONE;
        int x = head.x;
        if (worst != FLAG_NONE)
            x += staff_badge(s, x, head.y + px(s->r, 6), head.h - px(s->r, 12), worst) + px(s->r, 10);
        snprintf(more, sizeof more, "%s", line);
        if (note == DESK_NOTE_SEEN)
            snprintf(more + strlen(more), sizeof more - strlen(more), "  ·  %s",
                     TS(s, "staff.note.seen"));
        else if (e && e->exported)
            snprintf(more + strlen(more), sizeof more - strlen(more), "  ·  %s",
                     TS(s, "staff.state.exported"));
        t_box(s->r, (SDL_Rect){x, head.y, head.x + head.w - x, head.h}, more, FONT_BODY, true,
              COL_INK, AL_LEFT, true);
    }
    if (in)
        draw_charts(s, v.charts, in);
    if (v.pages > 1)
        staff_pager_draw(s, v.pager);
    int page = s->v->scroll < v.pages ? s->v->scroll : v.pages - 1;
    int first = in ? v.start[page] : v.n, y = v.list.y;
    for (int i = first; i < v.n && i < v.start[page + 1]; i++) {
        SDL_Rect r = {v.list.x, y, v.list.w, v.h[i] - px(s->r, 4)};
        draw_row(s, &v.r[i], r, in, (i - first) % 2 == 0);
        y += v.h[i];
    }
    if (note == DESK_NOTE_PROBLEM) {
        /* What went wrong (cannot read it, cannot mark or delete it) stays on
         * top until the next action; the buttons below still work. */
        int h = in ? px(s->r, 120) : s->v->body.h - px(s->r, 48);
        if (h > px(s->r, 240))
            h = px(s->r, 240);
        char text[PM_MSG_MAX + 400];
        if (in)
            snprintf(text, sizeof text, "%s", desk_message(s->desk));
        else
            tfmt_s(text, sizeof text, TS(s, "staff.intake.unreadable"), desk_message(s->desk));
        notice_draw(s->r, (SDL_Rect){s->v->body.x, s->v->body.y + px(s->r, 44), s->v->body.w, h}, text);
    }
}

const screen_ops staff_intake_screen = {layout, draw, NULL, NULL};

/* ---- "delete this intake?" ------------------------------------------------- */

static SDL_Rect card(const screen_ctx *s)
{
    return dialog_card(s->r, 84, 62, 640, 340);
}

static void confirm_layout(screen_ctx *s)
{
    w_clear(s->wl);
    s->v->body = staff_body(s, false);
    SDL_Rect c = card(s);
    int m = px(s->r, 20), bh = px(s->r, 64);
    int half = (c.w - 3 * m) / 2, y = c.y + c.h - m - bh;
    w_desk(s->wl, "keep", (SDL_Rect){c.x + m, y, half, bh}, WS_SECONDARY, TS(s, "staff.delete.keep"),
           DESK_EV_BACK, 0);
    w_desk(s->wl, "delete_yes", (SDL_Rect){c.x + 2 * m + half, y, half, bh}, WS_DANGER,
           TS(s, "staff.delete.yes"), DESK_EV_DELETE_YES, 0);
}

static void confirm_draw(screen_ctx *s)
{
    staff_frame_draw(s, TS(s, "staff.delete.title"));
    SDL_Rect c = card(s);
    /* Nothing is drawn under the question, only the plain background: the
     * veil over it is one colour, filled (a blend of every pixel was ~16 M
     * instructions at 1280x800). */
    r_rect(s->r, (SDL_Rect){0, px(s->r, 52), s->lw, s->lh}, r_veiled(COL_BG, 0x1B2830, 60));
    r_round(s->r, c, px(s->r, 16), COL_SURFACE);
    int m = px(s->r, 20);
    t_box(s->r, (SDL_Rect){c.x + m, c.y + m, c.w - 2 * m, px(s->r, 44)}, TS(s, "staff.delete.title"),
          FONT_TITLE, true, COL_INK, AL_LEFT, true);
    const queue_entry *e = desk_entry(s->desk);
    char who[200], when[64], text[PM_MSG_MAX];
    staff_time(s, e ? e->saved_at : 0, when, sizeof when);
    snprintf(who, sizeof who, "%s (%s)", e && e->name[0] ? e->name : TS(s, "staff.queue.no_name"),
             when);
    tfmt_s(text, sizeof text, TS(s, "staff.delete.text"), who);
    int top = c.y + m + px(s->r, 52);
    t_box(s->r, (SDL_Rect){c.x + m, top, c.w - 2 * m, c.y + c.h - m - px(s->r, 74) - top}, text,
          FONT_BODY, false, COL_INK, AL_LEFT, false);
}

const screen_ops staff_confirm_screen = {confirm_layout, confirm_draw, NULL, NULL};
