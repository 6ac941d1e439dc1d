/* chart_prep.c — outlines traced and spill-over dots found between frames,
 * kept for the chart to fill and draw (see chart_prep.h). */
#include "ui/chart_prep.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* region i's rectangles: rect[start[i] .. start[i + 1]) */
struct prep_outlines {
    bool valid;
    chart_xf xf;   /* its s, ox, oy and clip */
    SDL_Rect area; /* where they were traced within (r_draw_area while drawing) */
    float lw;
    int *start;
    struct rect16 { int16_t x, y, w, h; } *rect; /* half an SDL_Rect's memory */
    int nrect, cap;
};

struct prep_dots {
    bool valid;
    chart_xf xf;
    SDL_FPoint *pt;
    int n, cap;
};

#define PREP_PATTERNS 6 /* a screen of candidates */
struct prep_pattern {
    bool valid;
    int muscle;
    unsigned sides;
    int w, h;
    prep_outlines out[2];
    prep_dots dots[2];
    uint32_t used;
};

struct prep_store {
    rctx *rc;
    const pm_content *content;
    prep_outline_fn outline; /* which regions are traced, and where */
    prep_outlines outlines[VIEW_COUNT]; /* the last traced per view (chart_draw's) */
    prep_pattern patterns[PREP_PATTERNS];
    uint32_t clock;
};

prep_store *prep_create(rctx *rc, const pm_content *c, prep_outline_fn outline)
{
    prep_store *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->rc = rc;
    s->content = c;
    s->outline = outline;
    return s;
}

void prep_destroy(prep_store *s)
{
    if (!s)
        return;
    prep_drop_outlines(s);
    prep_drop_patterns(s);
    free(s);
}

/* ---- outlines --------------------------------------------------------------- */

prep_outlines *prep_view_outlines(prep_store *s, pm_view v) { return &s->outlines[v]; }

bool prep_outlines_match(const prep_outlines *o, chart_xf xf, SDL_Rect area, float lw)
{
    return o->valid && o->xf.s == xf.s && o->xf.ox == xf.ox && o->xf.oy == xf.oy &&
           SDL_RectEquals(&o->xf.clip, &xf.clip) && SDL_RectEquals(&o->area, &area) && o->lw == lw;
}

void prep_outlines_free(prep_outlines *o)
{
    free(o->start);
    free(o->rect);
    memset(o, 0, sizeof *o);
}

void prep_drop_outlines(prep_store *s)
{
    for (int v = 0; v < VIEW_COUNT; v++)
        prep_outlines_free(&s->outlines[v]);
}

static bool outlines_append(prep_outlines *o, const SDL_Rect *rects, int n)
{
    if (o->nrect + n > o->cap) {
        int cap = o->cap ? o->cap : 4096;
        while (cap < o->nrect + n)
            cap *= 2;
        struct rect16 *more = realloc(o->rect, (size_t)cap * sizeof *more);
        if (!more)
            return false;
        o->rect = more;
        o->cap = cap;
    }
    /* within the frame: a screen's coordinates fit in 16 bits */
    for (int k = 0; k < n; k++)
        o->rect[o->nrect++] = (struct rect16){(int16_t)rects[k].x, (int16_t)rects[k].y,
                                              (int16_t)rects[k].w, (int16_t)rects[k].h};
    return true;
}

/* As SDL_Rects again, a few hundred a renderer call: each is blended on
 * its own, so the same pixels. */
void prep_outlines_fill(rctx *rc, const prep_outlines *o, size_t i, unsigned rgb, Uint8 alpha)
{
    SDL_Rect buf[256];
    int n = 0;
    for (int k = o->start[i]; k < o->start[i + 1]; k++) {
        const struct rect16 *q = &o->rect[k];
        buf[n++] = (SDL_Rect){q->x, q->y, q->w, q->h};
        if (n == (int)(sizeof buf / sizeof buf[0]) || k + 1 == o->start[i + 1]) {
            r_fill_rects(rc, buf, n, rgb, alpha);
            n = 0;
        }
    }
}

bool prep_outlines_trace(prep_store *s, prep_outlines *o, pm_view v, chart_xf xf, SDL_Rect area,
                         float lw)
{
    const pm_content *c = s->content;
    size_t n = content_region_count(c);
    o->start = calloc(n + 1, sizeof *o->start);
    if (!o->start)
        return false;
    SDL_FPoint pts[PREP_MAXP];
    for (size_t i = 0; i < n; i++) {
        o->start[i] = o->nrect;
        int np = s->outline(c, i, v, xf, pts);
        if (np < 0)
            continue;
        const SDL_Rect *rects;
        int k = r_outline_rects(s->rc, pts, np, lw, area, &rects);
        if (!outlines_append(o, rects, k))
            return false;
    }
    o->start[n] = o->nrect;
    /* kept between frames: no more memory than they take */
    struct rect16 *fit = o->nrect ? realloc(o->rect, (size_t)o->nrect * sizeof *fit) : NULL;
    if (fit) {
        o->rect = fit;
        o->cap = o->nrect;
    }
    o->xf = xf;
    o->area = area;
    o->lw = lw;
    o->valid = true;
    return true;
}

bool prep_outlines_ahead(prep_store *s, pm_view v, chart_xf xf, float lw)
{
    if (r_measure_only(s->rc))
        return false;
    /* where chart_draw will draw: the frame, clipped to xf.clip */
    SDL_Rect area, frame = {0, 0, r_w(s->rc), r_h(s->rc)};
    if (!SDL_IntersectRect(&frame, &xf.clip, &area))
        return false;
    prep_outlines *o = &s->outlines[v];
    if (prep_outlines_match(o, xf, area, lw))
        return false;
    prep_outlines_free(o);
    if (!prep_outlines_trace(s, o, v, xf, area, lw))
        prep_outlines_free(o); /* out of memory: traced as it draws, as before */
    return true;
}

/* ---- spill-over dots -------------------------------------------------------- */

bool prep_dots_add(prep_dots *d, SDL_FPoint p)
{
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 256;
        SDL_FPoint *more = realloc(d->pt, (size_t)cap * sizeof *more);
        if (!more)
            return false;
        d->pt = more;
        d->cap = cap;
    }
    d->pt[d->n++] = p;
    return true;
}

void prep_dots_done(prep_dots *d, chart_xf xf)
{
    d->xf = xf;
    d->valid = true;
}

bool prep_dots_at(const prep_dots *d, chart_xf xf, const SDL_FPoint **pt, int *n)
{
    if (!d || !d->valid || d->xf.s != xf.s || d->xf.ox != xf.ox || d->xf.oy != xf.oy ||
        !SDL_RectEquals(&d->xf.clip, &xf.clip))
        return false;
    *pt = d->pt;
    *n = d->n;
    return true;
}

static void dots_free(prep_dots *d)
{
    free(d->pt);
    memset(d, 0, sizeof *d);
}

/* ---- prepared patterns ------------------------------------------------------ */

prep_pattern *prep_find(prep_store *s, int muscle, unsigned sides, int w, int h)
{
    for (int i = 0; i < PREP_PATTERNS; i++) {
        prep_pattern *p = &s->patterns[i];
        if (p->valid && p->muscle == muscle && p->sides == sides && p->w == w && p->h == h)
            return p;
    }
    return NULL;
}

prep_pattern *prep_room(prep_store *s, int muscle, unsigned sides, int w, int h)
{
    prep_pattern *room = &s->patterns[0];
    for (int i = 1; i < PREP_PATTERNS && room->valid; i++)
        if (!s->patterns[i].valid || s->patterns[i].used < room->used)
            room = &s->patterns[i];
    prep_free(room);
    *room = (prep_pattern){.valid = true, .muscle = muscle, .sides = sides, .w = w, .h = h,
                           .used = ++s->clock};
    return room;
}

prep_outlines *prep_pattern_outlines(prep_pattern *p, int i) { return &p->out[i]; }

prep_dots *prep_pattern_dots(prep_pattern *p, int i) { return &p->dots[i]; }

void prep_free(prep_pattern *p)
{
    for (int i = 0; i < 2; i++) {
        prep_outlines_free(&p->out[i]);
        dots_free(&p->dots[i]);
    }
    memset(p, 0, sizeof *p);
}

void prep_drop_patterns(prep_store *s)
{
    for (int i = 0; i < PREP_PATTERNS; i++)
        prep_free(&s->patterns[i]);
}
