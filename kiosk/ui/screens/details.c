/* details.c — for one marked region, one question at a time: how strong
 * (0-10, numbers with colour and plain words), what it feels like (any
 * number of words), how long. Three short views read more calmly than one
 * crowded one, and each keeps its targets big on a 7-inch panel. The parts
 * are presentation only: the flow sees one step per region. */
#include <stdio.h>

#include "intake.h"
#include "ui/screens/frame.h"

enum { PART_STRENGTH, PART_FEEL, PART_HOW_LONG };
#define MAXPAGES 8

typedef struct {
    const intake_mark *mark;
    char title[256];
    chip c[CONTENT_MAX_CHOICES];
    char id[CONTENT_MAX_CHOICES][48];
    int n;
    const char *question;
    int kind;          /* PART_* */
    int first, count;  /* the chips of this page */
    int parts;
    int chip_h;
} details_view;


/* Fills v for the part to show now (and declares the parts to the app). */
static void gather(screen_ctx *s, details_view *v)
{
    s->v->body = frame_body(s, 2);
    int slot = flow_detail_slot(s->flow);
    const intake *in = flow_intake(s->flow);
    if (slot < 0 || slot >= in->nmarks)
        slot = 0;
    v->mark = &in->marks[slot];
    const pm_region *r = content_region(s->content, (size_t)v->mark->region);
    tfmt_s(v->title, sizeof v->title, T(s, "ui.details.title"), T(s, r->label_key));
    /* The feelings may need more than one page on a small panel. */
    int nq = (int)content_quality_count(s->content);
    v->chip_h = px(s->r, 52);
    int starts[MAXPAGES];
    int qpages = nq ? frame_chip_pages(nq, starts, MAXPAGES) : 0;
    v->parts = 1 + qpages + 1;
    int part = frame_parts(s, v->parts);
    v->kind = part == 0 ? PART_STRENGTH : part <= qpages ? PART_FEEL : PART_HOW_LONG;
    v->first = 0;
    v->n = 0;
    if (v->kind == PART_FEEL) {
        v->first = starts[part - 1];
        v->count = (part < qpages ? starts[part] : nq) - v->first;
    }
    if (v->kind == PART_FEEL) {
        v->question = T(s, "ui.details.qualities");
        v->n = (int)content_quality_count(s->content);
        for (int i = 0; i < v->n; i++) {
            const pm_choice *c = content_quality(s->content, (size_t)i);
            snprintf(v->id[i], sizeof v->id[i], "quality_%s", c->id);
            v->c[i] = (chip){v->id[i], T(s, c->label_key), EV_TOGGLE_QUALITY, i,
                             (v->mark->qualities >> i & 1u) != 0};
        }
    } else if (v->kind == PART_HOW_LONG) {
        v->question = T(s, "ui.details.duration");
        v->n = (int)content_duration_count(s->content);
        for (int i = 0; i < v->n; i++) {
            const pm_choice *c = content_duration(s->content, (size_t)i);
            snprintf(v->id[i], sizeof v->id[i], "duration_%s", c->id);
            v->c[i] = (chip){v->id[i], T(s, c->label_key), EV_SET_DURATION, i,
                             v->mark->duration == i};
        }
        v->first = 0;
        v->count = v->n;
    } else {
        v->question = T(s, "ui.details.intensity");
    }
}

static SDL_Rect question_box(const screen_ctx *s)
{
    return (SDL_Rect){s->v->body.x, s->v->body.y, s->v->body.w, px(s->r, 40)};
}

/* The scale: 11 numbers across, big enough to hit, coloured by band. */
static SDL_Rect scale_row(const screen_ctx *s)
{
    SDL_Rect b = s->v->body;
    int h = px(s->r, 76);
    int y = b.y + px(s->r, 52);
    return (SDL_Rect){b.x, y, b.w, h};
}

static int cell_w(const screen_ctx *s, SDL_Rect row)
{
    return (row.w - 10 * px(s->r, 5)) / 11;
}

static SDL_Rect chip_area(const screen_ctx *s)
{
    SDL_Rect b = s->v->body;
    int top = px(s->r, 50);
    return (SDL_Rect){b.x, b.y + top, b.w, b.h - top};
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    details_view v;
    gather(s, &v);
    frame_spec f = {v.title, "ui.next", true, true};
    frame_layout(s, &f);
    if (v.kind == PART_STRENGTH) {
        SDL_Rect row = scale_row(s);
        int gap = px(s->r, 5), cw = cell_w(s, row);
        static const char *const num[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
        for (int i = 0; i <= 10; i++) {
            char id[24];
            snprintf(id, sizeof id, "intensity_%d", i);
            widget *w = w_flow(s->wl, id, (SDL_Rect){row.x + i * (cw + gap), row.y, cw, row.h},
                               WS_SCALE, num[i], EV_SET_INTENSITY, i);
            w->fill = content_band_for(s->content, i)->colour;
            w->selected = v.mark->intensity == i;
        }
        return;
    }
    SDL_Rect area = chip_area(s);
    int need = frame_chips(s, area, v.c + v.first, v.count, v.chip_h, false);
    if (need > area.h) {
        char what[64];
        snprintf(what, sizeof what, "choices need %d px of %d", need, area.h);
        r_overflow_other(s->r, what);
    }
    frame_chips(s, area, v.c + v.first, v.count, v.chip_h, true);
}

static void draw(screen_ctx *s)
{
    details_view v;
    gather(s, &v);
    frame_spec f = {v.title, "ui.next", true, true};
    frame_draw(s, &f);
    t_box(s->r, question_box(s), v.question, FONT_BODY, true, COL_INK, AL_LEFT, true);
    if (v.kind != PART_STRENGTH)
        return;
    /* Plain words under the scale, one per band, centred under its numbers;
     * the chosen band's word in bold. */
    SDL_Rect row = scale_row(s);
    int gap = px(s->r, 5), cw = cell_w(s, row);
    for (size_t i = 0; i < content_band_count(s->content); i++) {
        const pm_band *band = content_band(s->content, i);
        int x0 = row.x + band->min * (cw + gap);
        int x1 = row.x + band->max * (cw + gap) + cw;
        bool chosen = v.mark->intensity >= band->min && v.mark->intensity <= band->max;
        SDL_Rect bar = {x0, row.y + row.h + px(s->r, 8), x1 - x0, px(s->r, 6)};
        r_round(s->r, bar, bar.h / 2, band->colour);
        SDL_Rect wr = {x0, bar.y + px(s->r, 10), x1 - x0, px(s->r, 54)};
        /* Words under one narrow cell ("no pain") get the small size. */
        t_box(s->r, wr, T(s, band->label_key), x1 - x0 < px(s->r, 90) ? FONT_SMALL : FONT_BODY, chosen,
              chosen ? COL_INK : COL_MUTED, AL_CENTRE, false);
    }
}

const screen_ops screen_details = {layout, draw, NULL};
