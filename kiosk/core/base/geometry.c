/* geometry.c — point-in-polygon, simplicity, overlap and triangulation for
 * the body chart (see geometry.h). The checks that compare edges with edges
 * (simplicity, overlap) sweep: edges sorted by where they start along one
 * axis, each compared only with the edges whose range it meets, and a point
 * is located only against the edges that span its height. The chart's
 * regions have up to a few hundred vertices, and the content check compares
 * every neighbour with every neighbour: all pairs of edges cost hundreds of
 * millions of instructions where the sweep costs a few. Past SWEEP_MAX
 * vertices (no chart has them) the plain all-pairs loops answer. */
#include "geometry.h"

#include <math.h>
#include <stdlib.h>

geo_bounds geo_bounds_of(const geo_point *poly, size_t n)
{
    geo_bounds b = {0, 0, 0, 0};
    if (n == 0)
        return b;
    b.x0 = b.x1 = poly[0].x;
    b.y0 = b.y1 = poly[0].y;
    for (size_t i = 1; i < n; i++) {
        b.x0 = fmin(b.x0, poly[i].x);
        b.x1 = fmax(b.x1, poly[i].x);
        b.y0 = fmin(b.y0, poly[i].y);
        b.y1 = fmax(b.y1, poly[i].y);
    }
    return b;
}

bool geo_bounds_contain(geo_bounds b, geo_point p)
{
    return p.x >= b.x0 - GEO_EPS && p.x <= b.x1 + GEO_EPS && p.y >= b.y0 - GEO_EPS &&
           p.y <= b.y1 + GEO_EPS;
}

bool geo_bounds_touch(geo_bounds a, geo_bounds b)
{
    return a.x0 <= b.x1 + GEO_EPS && b.x0 <= a.x1 + GEO_EPS && a.y0 <= b.y1 + GEO_EPS &&
           b.y0 <= a.y1 + GEO_EPS;
}

/* Cross product of (b - a) and (c - a): >0 left turn, <0 right, 0 collinear. */
static double cross(geo_point a, geo_point b, geo_point c)
{
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

static int orientation(geo_point a, geo_point b, geo_point c)
{
    double v = cross(a, b, c);
    /* scale the tolerance with the segment lengths involved */
    double scale = fabs(b.x - a.x) + fabs(b.y - a.y) + fabs(c.x - a.x) + fabs(c.y - a.y);
    if (fabs(v) <= GEO_EPS * (1.0 + scale))
        return 0;
    return v > 0 ? 1 : -1;
}

/* p on segment ab, ends included (p assumed collinear with ab). */
static bool within_segment(geo_point a, geo_point b, geo_point p)
{
    return p.x >= fmin(a.x, b.x) - GEO_EPS && p.x <= fmax(a.x, b.x) + GEO_EPS &&
           p.y >= fmin(a.y, b.y) - GEO_EPS && p.y <= fmax(a.y, b.y) + GEO_EPS;
}

static bool on_segment(geo_point a, geo_point b, geo_point p)
{
    return orientation(a, b, p) == 0 && within_segment(a, b, p);
}

geo_where geo_locate(const geo_point *poly, size_t n, geo_point p)
{
    if (n < 3)
        return GEO_OUTSIDE;
    bool inside = false;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        geo_point a = poly[j], b = poly[i];
        if (on_segment(a, b, p))
            return GEO_ON_EDGE;
        /* half-open rule on y makes vertices count once */
        if ((a.y > p.y) != (b.y > p.y)) {
            double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x < x)
                inside = !inside;
        }
    }
    return inside ? GEO_INSIDE : GEO_OUTSIDE;
}

double geo_area2(const geo_point *poly, size_t n)
{
    double s = 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++)
        s += poly[j].x * poly[i].y - poly[i].x * poly[j].y;
    return n < 3 ? 0 : s;
}

static double dist_to_segment(geo_point a, geo_point b, geo_point p)
{
    double dx = b.x - a.x, dy = b.y - a.y;
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = fmax(0, fmin(1, t));
    double qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y;
    return sqrt(qx * qx + qy * qy);
}

double geo_distance_to_edge(const geo_point *poly, size_t n, geo_point p)
{
    double best = INFINITY;
    for (size_t i = 0, j = n - 1; i < n; j = i++)
        best = fmin(best, dist_to_segment(poly[j], poly[i], p));
    return best;
}

/* Do segments ab and cd share any point? */
static bool segments_meet(geo_point a, geo_point b, geo_point c, geo_point d)
{
    int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
    int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
    if (o1 != o2 && o3 != o4 && o1 && o2 && o3 && o4)
        return true;
    return (o1 == 0 && within_segment(a, b, c)) || (o2 == 0 && within_segment(a, b, d)) ||
           (o3 == 0 && within_segment(c, d, a)) || (o4 == 0 && within_segment(c, d, b));
}

/* Do segments ab and cd cross at a single point inside both (not at an end,
 * not collinear)? Two regions that share an edge never do this. */
static bool segments_cross(geo_point a, geo_point b, geo_point c, geo_point d)
{
    int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
    int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
    return o1 * o2 < 0 && o3 * o4 < 0;
}

/* ---- sweeping -------------------------------------------------------------- */

#define SWEEP_MAX 512

/* Edge e of a polygon (poly[e] to poly[e+1]) and its range on the swept axis. */
typedef struct {
    double lo, hi; /* the swept axis */
    double olo, ohi; /* the other axis */
    int e;
} span;

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    return x->e - y->e;
}

/* The spans of poly's edges along x (axis 0) or y (axis 1), only those
 * whose box meets clip (grown by GEO_EPS), sorted by where they start. */
static size_t edge_spans(const geo_point *poly, size_t n, int axis, const geo_bounds *clip,
                         span *out)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        geo_point a = poly[i], b = poly[(i + 1) % n];
        double x0 = fmin(a.x, b.x), x1 = fmax(a.x, b.x), y0 = fmin(a.y, b.y), y1 = fmax(a.y, b.y);
        if (clip && (x1 < clip->x0 - GEO_EPS || x0 > clip->x1 + GEO_EPS ||
                     y1 < clip->y0 - GEO_EPS || y0 > clip->y1 + GEO_EPS))
            continue;
        out[m++] = axis == 0 ? (span){x0, x1, y0, y1, (int)i} : (span){y0, y1, x0, x1, (int)i};
    }
    qsort(out, m, sizeof *out, cmp_span);
    return m;
}

static bool spans_meet(const span *a, const span *b)
{
    return a->lo <= b->hi + GEO_EPS && b->lo <= a->hi + GEO_EPS && a->olo <= b->ohi + GEO_EPS &&
           b->olo <= a->ohi + GEO_EPS;
}

/* ---- simplicity ------------------------------------------------------------ */

/* Adjacent edges i and j (j == i + 1, or i == 0 and j == n - 1) share one
 * vertex; they must not fold back over each other. */
static bool adjacent_bad(const geo_point *poly, size_t n, size_t i, size_t j)
{
    geo_point a = poly[i], b = poly[(i + 1) % n], c = poly[j], d = poly[(j + 1) % n];
    geo_point shared = (j == i + 1) ? b : a;
    geo_point other1 = (j == i + 1) ? a : b;
    geo_point other2 = (j == i + 1) ? d : c;
    bool bad = orientation(other1, shared, other2) == 0 &&
               ((other2.x - shared.x) * (other1.x - shared.x) +
                (other2.y - shared.y) * (other1.y - shared.y)) > 0;
    return bad || (a.x == b.x && a.y == b.y);
}

static bool is_adjacent(size_t n, size_t i, size_t j)
{
    return j == i + 1 || (i == 0 && j == n - 1);
}

/* The first offending pair (i < j, smallest i, then smallest j), as the
 * all-pairs loop below finds it, through a sweep along x. */
static bool simple_sweep(const geo_point *poly, size_t n, size_t *edge_a, size_t *edge_b)
{
    span sp[SWEEP_MAX];
    int active[SWEEP_MAX];
    size_t bi = n, bj = n; /* the worst pair found so far: none */
    for (size_t i = 0; i < n; i++) {
        size_t j = i + 1 < n ? i + 1 : 0;
        size_t lo = i < j ? i : j, hi = i < j ? j : i;
        if (adjacent_bad(poly, n, lo, hi) && (lo < bi || (lo == bi && hi < bj))) {
            bi = lo;
            bj = hi;
        }
    }
    size_t m = edge_spans(poly, n, 0, NULL, sp), nactive = 0;
    for (size_t k = 0; k < m; k++) {
        size_t keep = 0;
        for (size_t t = 0; t < nactive; t++) {
            const span *o = &sp[active[t]];
            if (o->hi < sp[k].lo - GEO_EPS)
                continue; /* ends before this one starts: done with it */
            active[keep++] = active[t];
            size_t i = (size_t)o->e, j = (size_t)sp[k].e;
            if (i > j) {
                size_t x = i;
                i = j;
                j = x;
            }
            if (is_adjacent(n, i, j) || !spans_meet(o, &sp[k]) || i > bi ||
                (i == bi && j > bj))
                continue;
            if (segments_meet(poly[i], poly[(i + 1) % n], poly[j], poly[(j + 1) % n])) {
                bi = i;
                bj = j;
            }
        }
        nactive = keep;
        active[nactive++] = (int)k;
    }
    if (bi == n)
        return true;
    if (edge_a)
        *edge_a = bi;
    if (edge_b)
        *edge_b = bj;
    return false;
}

bool geo_is_simple(const geo_point *poly, size_t n, size_t *edge_a, size_t *edge_b)
{
    if (n < 3)
        return false;
    if (n <= SWEEP_MAX)
        return simple_sweep(poly, n, edge_a, edge_b);
    for (size_t i = 0; i < n; i++) {
        geo_point a = poly[i], b = poly[(i + 1) % n];
        for (size_t j = i + 1; j < n; j++) {
            geo_point c = poly[j], d = poly[(j + 1) % n];
            bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
            bool bad;
            if (adjacent) {
                /* neighbours share one vertex; they must not fold back */
                geo_point shared = (j == i + 1) ? b : a;
                geo_point other1 = (j == i + 1) ? a : b;
                geo_point other2 = (j == i + 1) ? d : c;
                bad = orientation(other1, shared, other2) == 0 &&
                      ((other2.x - shared.x) * (other1.x - shared.x) +
                       (other2.y - shared.y) * (other1.y - shared.y)) > 0;
                bad = bad || (a.x == b.x && a.y == b.y);
            } else {
                bad = segments_meet(a, b, c, d);
            }
            if (bad) {
                if (edge_a)
                    *edge_a = i;
                if (edge_b)
                    *edge_b = j;
                return false;
            }
        }
    }
    return true;
}

/* A point of the polygon's interior: tries edge midpoints nudged inward,
 * which exist for every simple polygon, falling back to the triangulation. */
static bool strictly_inside(const geo_point *poly, size_t n, geo_point p)
{
    return geo_locate(poly, n, p) == GEO_INSIDE;
}

/* Do an edge of a and an edge of b cross (segments_cross)? Only edges in
 * the box both polygons share can; they are swept along x. */
static bool edges_cross_sweep(const geo_point *a, size_t na, const geo_point *b, size_t nb,
                              const geo_bounds *shared)
{
    span sa[SWEEP_MAX], sb[SWEEP_MAX];
    int act_a[SWEEP_MAX], act_b[SWEEP_MAX];
    size_t ma = edge_spans(a, na, 0, shared, sa), mb = edge_spans(b, nb, 0, shared, sb);
    size_t ia = 0, ib = 0, nact_a = 0, nact_b = 0;
    while (ia < ma || ib < mb) {
        bool from_a = ib >= mb || (ia < ma && sa[ia].lo <= sb[ib].lo);
        const span *s = from_a ? &sa[ia] : &sb[ib];
        /* compare with the other polygon's edges still in range */
        const span *other = from_a ? sb : sa;
        int *act = from_a ? act_b : act_a;
        size_t *nact = from_a ? &nact_b : &nact_a, keep = 0;
        for (size_t t = 0; t < *nact; t++) {
            const span *o = &other[act[t]];
            if (o->hi < s->lo - GEO_EPS)
                continue;
            act[keep++] = act[t];
            if (!spans_meet(o, s))
                continue;
            const span *ea = from_a ? s : o, *eb = from_a ? o : s;
            if (segments_cross(a[ea->e], a[(ea->e + 1) % na], b[eb->e], b[(eb->e + 1) % nb]))
                return true;
        }
        *nact = keep;
        if (from_a)
            act_a[nact_a++] = (int)ia++;
        else
            act_b[nact_b++] = (int)ib++;
    }
    return false;
}

typedef struct {
    geo_point p;
} probe;

static int cmp_probe_y(const void *a, const void *b)
{
    double x = ((const probe *)a)->p.y, y = ((const probe *)b)->p.y;
    return x < y ? -1 : x > y;
}

/* Is any of the points strictly inside q? The points are sorted by y and
 * q's edges by where they start in y; each point is located (as
 * geo_locate does) against the edges that span its height only. */
static bool any_strictly_inside(probe *pts, size_t npts, const geo_point *q, size_t nq)
{
    span sq[SWEEP_MAX];
    int active[SWEEP_MAX];
    qsort(pts, npts, sizeof *pts, cmp_probe_y);
    size_t m = edge_spans(q, nq, 1, NULL, sq), next = 0, nactive = 0;
    for (size_t k = 0; k < npts; k++) {
        geo_point p = pts[k].p;
        while (next < m && sq[next].lo <= p.y + GEO_EPS)
            active[nactive++] = (int)next++;
        size_t keep = 0;
        bool inside = false, edge = false;
        for (size_t t = 0; t < nactive; t++) {
            const span *s = &sq[active[t]];
            if (s->hi < p.y - GEO_EPS)
                continue; /* below every later point too */
            active[keep++] = active[t];
            geo_point ea = q[s->e], eb = q[(s->e + 1) % nq];
            if (on_segment(ea, eb, p))
                edge = true;
            else if ((ea.y > p.y) != (eb.y > p.y)) {
                double x = ea.x + (p.y - ea.y) * (eb.x - ea.x) / (eb.y - ea.y);
                if (p.x < x)
                    inside = !inside;
            }
        }
        nactive = keep;
        if (inside && !edge)
            return true;
    }
    return false;
}

static bool overlap_sweep(const geo_point *a, size_t na, const geo_point *b, size_t nb,
                          geo_bounds ba, geo_bounds bb)
{
    geo_bounds shared = {fmax(ba.x0, bb.x0), fmax(ba.y0, bb.y0), fmin(ba.x1, bb.x1),
                         fmin(ba.y1, bb.y1)};
    if (edges_cross_sweep(a, na, b, nb, &shared))
        return true;
    /* no crossing edges: overlap means one polygon has a vertex, an edge
     * midpoint or an interior point strictly inside the other; only points
     * in the other's box can be */
    probe pts[2 * SWEEP_MAX + 1];
    for (int pass = 0; pass < 2; pass++) {
        const geo_point *p = pass ? b : a, *q = pass ? a : b;
        size_t np = pass ? nb : na, nq = pass ? na : nb, k = 0;
        geo_bounds qb = pass ? ba : bb;
        for (size_t i = 0; i < np; i++) {
            geo_point mid = {(p[i].x + p[(i + 1) % np].x) / 2, (p[i].y + p[(i + 1) % np].y) / 2};
            if (geo_bounds_contain(qb, p[i]))
                pts[k++].p = p[i];
            if (geo_bounds_contain(qb, mid))
                pts[k++].p = mid;
        }
        geo_point inner;
        if (geo_interior_point(p, np, &inner) && geo_bounds_contain(qb, inner))
            pts[k++].p = inner;
        if (any_strictly_inside(pts, k, q, nq))
            return true;
    }
    return false;
}

bool geo_overlap(const geo_point *a, size_t na, const geo_point *b, size_t nb)
{
    geo_bounds ba = geo_bounds_of(a, na), bb = geo_bounds_of(b, nb);
    if (!geo_bounds_touch(ba, bb))
        return false;
    if (na >= 3 && nb >= 3 && na <= SWEEP_MAX && nb <= SWEEP_MAX)
        return overlap_sweep(a, na, b, nb, ba, bb);
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (segments_cross(a[i], a[(i + 1) % na], b[j], b[(j + 1) % nb]))
                return true;
    /* no crossing edges: overlap means one polygon has a vertex, an edge
     * midpoint or an interior point strictly inside the other */
    for (int pass = 0; pass < 2; pass++) {
        const geo_point *p = pass ? b : a, *q = pass ? a : b;
        size_t np = pass ? nb : na, nq = pass ? na : nb;
        for (size_t i = 0; i < np; i++) {
            geo_point mid = {(p[i].x + p[(i + 1) % np].x) / 2,
                             (p[i].y + p[(i + 1) % np].y) / 2};
            if (strictly_inside(q, nq, p[i]) || strictly_inside(q, nq, mid))
                return true;
        }
        geo_point inner;
        if (geo_interior_point(p, np, &inner) && strictly_inside(q, nq, inner))
            return true;
    }
    return false;
}

size_t geo_triangulate(const geo_point *poly, size_t n, size_t *idx, int *out)
{
    if (n < 3)
        return 0;
    double area = geo_area2(poly, n);
    if (fabs(area) <= GEO_EPS)
        return 0;
    int sign = area > 0 ? 1 : -1;
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    size_t m = n, tri = 0, guard = 0;
    while (m > 3 && guard < n * n) {
        bool clipped = false;
        for (size_t k = 0; k < m; k++) {
            size_t ip = idx[(k + m - 1) % m], ic = idx[k], in = idx[(k + 1) % m];
            /* an ear is a convex corner with no other vertex inside it */
            if (orientation(poly[ip], poly[ic], poly[in]) != sign)
                continue;
            bool empty = true;
            geo_point tri_pts[3] = {poly[ip], poly[ic], poly[in]};
            geo_bounds tb = geo_bounds_of(tri_pts, 3); /* most vertices are far from the ear */
            for (size_t t = 0; t < m && empty; t++) {
                size_t v = idx[t];
                if (v == ip || v == ic || v == in || !geo_bounds_contain(tb, poly[v]))
                    continue;
                if (geo_locate(tri_pts, 3, poly[v]) != GEO_OUTSIDE)
                    empty = false;
            }
            if (!empty)
                continue;
            out[3 * tri] = (int)ip;
            out[3 * tri + 1] = (int)ic;
            out[3 * tri + 2] = (int)in;
            tri++;
            for (size_t t = k; t + 1 < m; t++)
                idx[t] = idx[t + 1];
            m--;
            clipped = true;
            break;
        }
        if (!clipped) {
            /* collinear runs leave no strict ear: drop a flat vertex */
            size_t k = 0;
            for (; k < m; k++)
                if (orientation(poly[idx[(k + m - 1) % m]], poly[idx[k]],
                                poly[idx[(k + 1) % m]]) == 0)
                    break;
            if (k == m)
                return tri; /* not simple; give what we have */
            for (size_t t = k; t + 1 < m; t++)
                idx[t] = idx[t + 1];
            m--;
        }
        guard++;
    }
    if (m == 3) {
        out[3 * tri] = (int)idx[0];
        out[3 * tri + 1] = (int)idx[1];
        out[3 * tri + 2] = (int)idx[2];
        tri++;
    }
    return tri;
}

bool geo_interior_point(const geo_point *poly, size_t n, geo_point *out)
{
    double a2 = geo_area2(poly, n);
    if (n < 3 || fabs(a2) <= GEO_EPS)
        return false;
    /* area centroid first: best label position for the usual convex-ish shapes */
    double cx = 0, cy = 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        double f = poly[j].x * poly[i].y - poly[i].x * poly[j].y;
        cx += (poly[j].x + poly[i].x) * f;
        cy += (poly[j].y + poly[i].y) * f;
    }
    geo_point c = {cx / (3 * a2), cy / (3 * a2)};
    if (geo_locate(poly, n, c) == GEO_INSIDE) {
        *out = c;
        return true;
    }
    /* concave shape: centre of the largest ear-clipped triangle */
    enum { MAXV = 512 };
    size_t scratch[MAXV];
    int tris[3 * (MAXV - 2)];
    if (n > MAXV)
        return false;
    size_t nt = geo_triangulate(poly, n, scratch, tris);
    double best = -1;
    for (size_t t = 0; t < nt; t++) {
        geo_point p0 = poly[tris[3 * t]], p1 = poly[tris[3 * t + 1]], p2 = poly[tris[3 * t + 2]];
        double area = fabs(cross(p0, p1, p2));
        if (area > best) {
            best = area;
            out->x = (p0.x + p1.x + p2.x) / 3;
            out->y = (p0.y + p1.y + p2.y) / 3;
        }
    }
    return best > 0;
}

/* ---- the largest inscribed circle ------------------------------------------- */

static double geo_pole_exact(const geo_point *poly, size_t n, double precision, geo_point *centre);

/* Signed distance to the boundary, positive inside: one pass over the
 * edges for both the crossing count and the nearest edge (the pole search
 * calls this some hundreds of times per region). */
static double signed_distance(const geo_point *poly, size_t n, geo_point p)
{
    bool inside = false;
    double best = INFINITY;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        geo_point a = poly[j], b = poly[i];
        if ((a.y > p.y) != (b.y > p.y) &&
            p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y))
            inside = !inside;
        double dx = b.x - a.x, dy = b.y - a.y, ex = p.x - a.x, ey = p.y - a.y;
        double len2 = dx * dx + dy * dy, t = len2 > 0 ? (ex * dx + ey * dy) / len2 : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        double qx = ex - t * dx, qy = ey - t * dy, d2 = qx * qx + qy * qy;
        if (d2 < best)
            best = d2;
    }
    double d = sqrt(best);
    return inside ? d : -d;
}

typedef struct {
    geo_point c;
    double h;   /* half the cell's side */
    double d;   /* signed distance from its centre */
    double max; /* the largest circle the cell could hold: d + h * sqrt(2) */
} pole_cell;

static pole_cell pole_make(const geo_point *poly, size_t n, double x, double y, double h)
{
    pole_cell c = {{x, y}, h, signed_distance(poly, n, (geo_point){x, y}), 0};
    c.max = c.d + h * 1.4142135623730951;
    return c;
}

/* A max-heap on cell.max, in a fixed array: when it is full, the least
 * promising cells are simply not kept (the answer is then a little less
 * precise, never wrong: every centre tried is inside). */
enum { POLE_HEAP = 1024 };

static void heap_push(pole_cell *h, size_t *n, pole_cell c)
{
    if (*n >= POLE_HEAP)
        return;
    size_t i = (*n)++;
    while (i > 0) {
        size_t up = (i - 1) / 2;
        if (h[up].max >= c.max)
            break;
        h[i] = h[up];
        i = up;
    }
    h[i] = c;
}

static pole_cell heap_pop(pole_cell *h, size_t *n)
{
    pole_cell top = h[0], last = h[--(*n)];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, big = i;
        double bm = last.max;
        if (l < *n && h[l].max > bm) {
            big = l;
            bm = h[l].max;
        }
        if (r < *n && h[r].max > bm)
            big = r;
        if (big == i)
            break;
        h[i] = h[big];
        i = big;
    }
    if (*n > 0)
        h[i] = last;
    return top;
}

/* Douglas-Peucker on a closed outline, in place of keep[]: the vertices
 * that stay within tol of the outline's shape. */
static void simplify_run(const geo_point *p, size_t n, size_t i0, size_t i1, double tol, bool *keep)
{
    /* the run from i0 to i1 (indices mod n, i1 after i0) */
    size_t len = (i1 + n - i0) % n;
    if (len < 2)
        return;
    geo_point a = p[i0], b = p[i1 % n];
    double best = -1;
    size_t at = i0;
    for (size_t k = 1; k < len; k++) {
        size_t i = (i0 + k) % n;
        double d = dist_to_segment(a, b, p[i]);
        if (d > best) {
            best = d;
            at = i;
        }
    }
    if (best <= tol)
        return;
    keep[at] = true;
    simplify_run(p, n, i0, at, tol, keep);
    simplify_run(p, n, at, i1, tol, keep);
}

double geo_pole(const geo_point *poly, size_t n, double precision, geo_point *centre)
{
    /* The search evaluates the distance to every edge hundreds of times: on
     * an outline simplified to within precision / 4 (the region outlines
     * are sampled densely along their curves), with that tolerance taken
     * off the radius so the circle stays inside the real outline. */
    enum { MAXV = 1024 };
    if (n >= 8 && n <= MAXV && precision > 0) {
        bool keep[MAXV] = {false};
        size_t far = 0;
        for (size_t i = 1; i < n; i++)
            if (hypot(poly[i].x - poly[0].x, poly[i].y - poly[0].y) >
                hypot(poly[far].x - poly[0].x, poly[far].y - poly[0].y))
                far = i;
        keep[0] = keep[far] = true;
        double tol = precision / 4;
        simplify_run(poly, n, 0, far, tol, keep);
        simplify_run(poly, n, far, n, tol, keep);
        geo_point sp[MAXV];
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (keep[i])
                sp[m++] = poly[i];
        if (m >= 3 && m < n && fabs(geo_area2(sp, m)) > GEO_EPS) {
            double r = geo_pole_exact(sp, m, precision, centre) - tol;
            return r > 0 ? r : 0;
        }
    }
    return geo_pole_exact(poly, n, precision, centre);
}

static double geo_pole_exact(const geo_point *poly, size_t n, double precision, geo_point *centre)
{
    if (n < 3 || fabs(geo_area2(poly, n)) <= GEO_EPS) {
        if (centre)
            *centre = n ? poly[0] : (geo_point){0, 0};
        return 0;
    }
    if (precision <= 0)
        precision = 1e-3;
    geo_bounds b = geo_bounds_of(poly, n);
    double w = b.x1 - b.x0, hgt = b.y1 - b.y0;
    double cell = fmin(w, hgt);
    pole_cell heap[POLE_HEAP];
    size_t nh = 0;
    double h = cell / 2;
    for (double x = b.x0; x < b.x1; x += cell)
        for (double y = b.y0; y < b.y1; y += cell)
            heap_push(heap, &nh, pole_make(poly, n, x + h, y + h, h));
    /* the first guesses: a point surely inside, and the bounds' centre */
    geo_point inner;
    pole_cell best = pole_make(poly, n, (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, 0);
    if (geo_interior_point(poly, n, &inner)) {
        pole_cell c = pole_make(poly, n, inner.x, inner.y, 0);
        if (c.d > best.d)
            best = c;
    }
    while (nh > 0) {
        pole_cell c = heap_pop(heap, &nh);
        if (c.d > best.d)
            best = c;
        if (c.max - best.d <= precision)
            continue;
        double q = c.h / 2;
        heap_push(heap, &nh, pole_make(poly, n, c.c.x - q, c.c.y - q, q));
        heap_push(heap, &nh, pole_make(poly, n, c.c.x + q, c.c.y - q, q));
        heap_push(heap, &nh, pole_make(poly, n, c.c.x - q, c.c.y + q, q));
        heap_push(heap, &nh, pole_make(poly, n, c.c.x + q, c.c.y + q, q));
    }
    if (centre)
        *centre = best.c;
    return best.d > 0 ? best.d : 0;
}

/* ---- clipping ------------------------------------------------------------------- */

/* One edge of the clip: keep the side where inside() holds. */
static size_t clip_edge(const geo_point *in, size_t n, geo_point *out, size_t cap, int axis,
                        double at, bool keep_above)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        geo_point a = in[(i + n - 1) % n], b = in[i];
        double va = axis ? a.y : a.x, vb = axis ? b.y : b.x;
        bool ia = keep_above ? va >= at : va <= at, ib = keep_above ? vb >= at : vb <= at;
        if (ia != ib) {
            double t = (at - va) / (vb - va);
            geo_point x = {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
            if (axis)
                x.y = at;
            else
                x.x = at;
            if (m >= cap)
                return 0;
            out[m++] = x;
        }
        if (ib) {
            if (m >= cap)
                return 0;
            out[m++] = b;
        }
    }
    return m;
}

size_t geo_clip_to_bounds(const geo_point *poly, size_t n, geo_bounds b, geo_point *out, size_t cap)
{
    enum { MAXC = 2048 };
    geo_point t1[MAXC], t2[MAXC];
    if (n == 0 || n > MAXC / 2)
        return 0;
    size_t m = clip_edge(poly, n, t1, MAXC, 0, b.x0, true);
    m = clip_edge(t1, m, t2, MAXC, 0, b.x1, false);
    m = clip_edge(t2, m, t1, MAXC, 1, b.y0, true);
    m = clip_edge(t1, m, t2, MAXC, 1, b.y1, false);
    if (m < 3 || m > cap)
        return 0;
    for (size_t i = 0; i < m; i++)
        out[i] = t2[i];
    return m;
}

/* ---- transforms ----------------------------------------------------------------- */

geo_point geo_xf_apply(geo_xf xf, geo_point p)
{
    return (geo_point){xf.ox + p.x * xf.s, xf.oy + p.y * xf.s};
}

geo_point geo_xf_invert(geo_xf xf, geo_point p)
{
    return (geo_point){(p.x - xf.ox) / xf.s, (p.y - xf.oy) / xf.s};
}

geo_xf geo_xf_fit(geo_bounds from, geo_bounds to)
{
    double fw = fmax(from.x1 - from.x0, GEO_EPS), fh = fmax(from.y1 - from.y0, GEO_EPS);
    double s = fmin((to.x1 - to.x0) / fw, (to.y1 - to.y0) / fh);
    geo_xf xf = {s, 0, 0};
    xf.ox = (to.x0 + to.x1) / 2 - (from.x0 + from.x1) / 2 * s;
    xf.oy = (to.y0 + to.y1) / 2 - (from.y0 + from.y1) / 2 * s;
    return xf;
}
