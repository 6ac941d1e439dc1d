/* bodychart.c — touches on the body chart (see bodychart.h).
 *
 * Why the circles are computed lazily: finding a region's largest inscribed
 * circle costs about 0.2 M instructions, all 124 regions some 20 M. A
 * close-up needs the circles of the regions near it (a dozen or two), so
 * the first close-up somewhere pays for those and every later one finds
 * them kept; start-up pays nothing. */
#include "bodychart.h"

#include <math.h>
#include <stdlib.h>

/* The circle search's precision, in chart units (the chart is 1000 units
 * tall; a close-up shows it at up to 8 px a unit). */
#define CIRCLE_PRECISION 0.5
/* A target is chosen this much larger than the least, so rounding to
 * pixels never makes it smaller. */
#define TARGET_MARGIN 1.08
/* Regions whose circle's centre lies this near the finger (px at whole
 * figure scale, times the unit) count as "around it" for a close-up: its
 * scale serves the smallest of them, its place shows them whole. */
#define AROUND_PX 30.0
/* A close-up magnifies at least this much, and at most this much. */
#define ZOOM_MIN 2.0
#define ZOOM_MAX 12.0

typedef struct {
    bool done;
    double radius;
    geo_point centre;
} circle;

struct bodychart {
    const pm_content *c;
    size_t n;
    circle *circles;
    geo_bounds view_bounds[VIEW_COUNT];
};

pm_status bodychart_create(const pm_content *c, bodychart **out)
{
    bodychart *b = calloc(1, sizeof *b);
    size_t n = content_region_count(c);
    if (!b || !(b->circles = calloc(n ? n : 1, sizeof *b->circles))) {
        free(b);
        return PM_ERR_NOMEM;
    }
    b->c = c;
    b->n = n;
    for (int v = 0; v < VIEW_COUNT; v++)
        b->view_bounds[v] = (geo_bounds){1e9, 1e9, -1e9, -1e9};
    for (size_t i = 0; i < n; i++) {
        const pm_region *r = content_region(c, i);
        geo_bounds *vb = &b->view_bounds[r->view];
        vb->x0 = fmin(vb->x0, r->bounds.x0);
        vb->y0 = fmin(vb->y0, r->bounds.y0);
        vb->x1 = fmax(vb->x1, r->bounds.x1);
        vb->y1 = fmax(vb->y1, r->bounds.y1);
    }
    for (int v = 0; v < VIEW_COUNT; v++)
        if (b->view_bounds[v].x0 > b->view_bounds[v].x1)
            b->view_bounds[v] = (geo_bounds){0, 0, content_chart_width(c), content_chart_height(c)};
    *out = b;
    return PM_OK;
}

void bodychart_destroy(bodychart *b)
{
    if (!b)
        return;
    free(b->circles);
    free(b);
}

geo_bounds bodychart_view_bounds(const bodychart *b, pm_view v)
{
    return b->view_bounds[v];
}

double bodychart_circle(bodychart *b, int r, geo_point *c)
{
    if (r < 0 || (size_t)r >= b->n)
        return 0;
    circle *k = &b->circles[r];
    if (!k->done) {
        const pm_region *reg = content_region(b->c, (size_t)r);
        k->radius = geo_pole(reg->poly, reg->npoly, CIRCLE_PRECISION, &k->centre);
        k->done = true;
    }
    if (c)
        *c = k->centre;
    return k->radius;
}

int bodychart_warm(bodychart *b, pm_view v, int max)
{
    int done = 0;
    for (size_t i = 0; i < b->n && done < max; i++) {
        if (b->circles[i].done || content_region(b->c, i)->view != v)
            continue;
        bodychart_circle(b, (int)i, NULL);
        done++;
    }
    return done;
}

bodychart_view bodychart_whole(const bodychart *b, pm_view v, geo_bounds panel)
{
    return (bodychart_view){v, false, geo_xf_fit(b->view_bounds[v], panel), -1};
}

/* The least px-per-unit scale at which region r is a target. */
static double need(bodychart *b, int r, double unit)
{
    double rad = bodychart_circle(b, r, NULL);
    return BODYCHART_TARGET_PX / 2 * unit * TARGET_MARGIN / fmax(rad, 0.5);
}

int bodychart_region_under(const bodychart *b, const bodychart_view *cv, geo_point at, double reach)
{
    double s = cv->xf.s > 0 ? cv->xf.s : 1;
    return content_region_at(b->c, cv->view, geo_xf_invert(cv->xf, at), reach / s);
}

/* The offset (one axis) nearest o that keeps [lo, hi] (chart units, times
 * s) inside [p0, p1] with margin m; ok false when it cannot fit. */
static double fit_axis(double o, double s, double lo, double hi, double p0, double p1, double m,
                       bool *ok)
{
    double least = p0 + m - lo * s, most = p1 - m - hi * s;
    *ok = least <= most;
    if (!*ok)
        return o;
    return o < least ? least : o > most ? most : o;
}

bodychart_view bodychart_close_up(bodychart *b, const bodychart_view *whole, geo_bounds panel,
                                  double unit, geo_point at)
{
    bodychart_view cv = *whole;
    double s1 = whole->xf.s;
    geo_point p = geo_xf_invert(whole->xf, at);
    int r0 = content_region_at(b->c, whole->view, p, 1e9);
    if (r0 < 0)
        return cv; /* a view with no regions: nothing to come closer to */
    /* the regions around the finger: the touched one and those whose circle
     * lies near it; the scale serves the smallest */
    double around = AROUND_PX * unit / s1;
    double s = need(b, r0, unit);
    geo_point c0 = {0, 0};
    double rad0 = bodychart_circle(b, r0, &c0);
    geo_bounds box = {c0.x - rad0, c0.y - rad0, c0.x + rad0, c0.y + rad0};
    for (size_t i = 0; i < content_region_count(b->c); i++) {
        const pm_region *r = content_region(b->c, i);
        if (r->view != whole->view || (int)i == r0)
            continue;
        /* a cheap test first: the circle's centre lies inside the bounds */
        if (p.x < r->bounds.x0 - around || p.x > r->bounds.x1 + around ||
            p.y < r->bounds.y0 - around || p.y > r->bounds.y1 + around)
            continue;
        geo_point c = {0, 0};
        double rad = bodychart_circle(b, (int)i, &c);
        if (hypot(c.x - p.x, c.y - p.y) > around)
            continue;
        s = fmax(s, need(b, (int)i, unit));
        box.x0 = fmin(box.x0, c.x - rad);
        box.y0 = fmin(box.y0, c.y - rad);
        box.x1 = fmax(box.x1, c.x + rad);
        box.y1 = fmax(box.y1, c.y + rad);
    }
    s = fmin(fmax(s, s1 * ZOOM_MIN), s1 * ZOOM_MAX);
    /* the cap is for the neighbours: the touched region is always a target
     * (a small panel's whole figure is so small that an ankle bone needs
     * more than ZOOM_MAX: 480x800) */
    s = fmax(s, need(b, r0, unit));
    /* the touched region's circle must fit in the panel, whatever else */
    double m = 4 * unit;
    double room = fmin(panel.x1 - panel.x0, panel.y1 - panel.y0) - 2 * m;
    if (2 * rad0 * s > room)
        s = room / (2 * rad0);
    /* anchored at the finger, then moved just enough to show the touched
     * region and the circles around it whole; failing that the touched
     * region, then the circles, then the touched region's circle (each
     * axis on its own) */
    geo_xf xf = {s, at.x - p.x * s, at.y - p.y * s};
    const geo_bounds rb = content_region(b->c, (size_t)r0)->bounds;
    geo_bounds both = {fmin(box.x0, rb.x0), fmin(box.y0, rb.y0), fmax(box.x1, rb.x1),
                       fmax(box.y1, rb.y1)};
    bool ok;
    double ox = fit_axis(xf.ox, s, both.x0, both.x1, panel.x0, panel.x1, m, &ok);
    if (!ok)
        ox = fit_axis(xf.ox, s, rb.x0, rb.x1, panel.x0, panel.x1, m, &ok);
    if (!ok)
        ox = fit_axis(xf.ox, s, box.x0, box.x1, panel.x0, panel.x1, m, &ok);
    if (!ok)
        ox = fit_axis(xf.ox, s, c0.x - rad0, c0.x + rad0, panel.x0, panel.x1, m, &ok);
    double oy = fit_axis(xf.oy, s, both.y0, both.y1, panel.y0, panel.y1, m, &ok);
    if (!ok)
        oy = fit_axis(xf.oy, s, rb.y0, rb.y1, panel.y0, panel.y1, m, &ok);
    if (!ok)
        oy = fit_axis(xf.oy, s, box.y0, box.y1, panel.y0, panel.y1, m, &ok);
    if (!ok)
        oy = fit_axis(xf.oy, s, c0.y - rad0, c0.y + rad0, panel.y0, panel.y1, m, &ok);
    xf.ox = ox;
    xf.oy = oy;
    cv.close = true;
    cv.xf = xf;
    cv.around = r0;
    return cv;
}

bool bodychart_is_target(bodychart *b, const bodychart_view *cv, geo_bounds panel, double unit,
                         int r)
{
    const pm_region *reg = content_region(b->c, (size_t)(r < 0 ? b->n : (size_t)r));
    if (!cv->close || !reg || reg->view != cv->view)
        return false;
    geo_point c = {0, 0};
    double rad = bodychart_circle(b, r, &c) * cv->xf.s;
    if (2 * rad < BODYCHART_TARGET_PX * unit)
        return false;
    geo_point at = geo_xf_apply(cv->xf, c);
    return at.x - rad >= panel.x0 && at.x + rad <= panel.x1 && at.y - rad >= panel.y0 &&
           at.y + rad <= panel.y1;
}

int bodychart_hit(bodychart *b, const bodychart_view *cv, geo_bounds panel, double unit,
                  geo_point at, int keep, double slop)
{
    if (!geo_bounds_contain(panel, at))
        return -1;
    if (!cv->close)
        return BODYCHART_ZOOM;
    geo_point p = geo_xf_invert(cv->xf, at);
    if (keep >= 0) {
        const pm_region *k = content_region(b->c, (size_t)keep);
        if (k && k->view == cv->view &&
            (geo_locate(k->poly, k->npoly, p) != GEO_OUTSIDE ||
             geo_distance_to_edge(k->poly, k->npoly, p) * cv->xf.s <= slop))
            return keep;
    }
    int r = content_region_at(b->c, cv->view, p, 0);
    /* on a seam between two regions or just off an outline: the nearest
     * within the slop (the one the whole figure named for that point: the
     * nearest region does not change with the scale) */
    if (r < 0 && slop > 0)
        r = content_region_at(b->c, cv->view, p, slop / (cv->xf.s > 0 ? cv->xf.s : 1));
    return r >= 0 && bodychart_is_target(b, cv, panel, unit, r) ? r : -1;
}

bool bodychart_aim(const bodychart *b, const bodychart_view *cv, geo_bounds panel, int r,
                   geo_point *at, double *radius)
{
    const pm_region *reg = content_region(b->c, (size_t)(r < 0 ? b->n : (size_t)r));
    if (!reg || reg->view != cv->view)
        return false;
    enum { MAXP = 2048 };
    geo_point scr[MAXP], vis[MAXP];
    if (reg->npoly > MAXP / 2)
        return false;
    for (size_t i = 0; i < reg->npoly; i++)
        scr[i] = geo_xf_apply(cv->xf, reg->poly[i]);
    size_t n = geo_clip_to_bounds(scr, reg->npoly, panel, vis, MAXP);
    if (n < 3)
        return false;
    double rad = geo_pole(vis, n, 0.5, at);
    if (radius)
        *radius = rad;
    return rad > 0;
}
