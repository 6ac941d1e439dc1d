/* spans.c — a filled polygon as rows of pixels (see spans.h).
 *
 * A scanline fill over an edge table: edges sorted by their first row, the
 * ones a row crosses kept active, their crossings sorted and paired. All in
 * integers, in SDL_triangle.c's units (half pixels), so a centre exactly on
 * an edge is decided exactly as the renderer decides it. */
#include "ui/spans.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct {
    int64_t ax, ay, bx, by; /* half pixels, ay < by */
    int top, bottom;        /* the rows whose centres it crosses: [top, bottom) */
} edge;

typedef struct {
    double x;   /* where it crosses (for sorting) */
    int first;  /* the first pixel whose centre is right of it or on it */
} crossing;

static int64_t floor_div(int64_t a, int64_t d) /* d > 0 */
{
    return a >= 0 ? a / d : -((-a + d - 1) / d);
}

static int64_t ceil_div(int64_t a, int64_t d) { return -floor_div(-a, d); }

static int by_top(const void *p, const void *q)
{
    const edge *a = p, *b = q;
    return (a->top > b->top) - (a->top < b->top);
}

static bool grow(void **p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return true;
    int c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *n = realloc(*p, (size_t)c * size);
    if (!n)
        return false;
    *p = n;
    *cap = c;
    return true;
}

static bool add_span(span_buf *b, int x0, int x1, int y)
{
    if (b->n == b->cap && !grow((void **)&b->rect, &b->cap, b->n + 1, sizeof *b->rect))
        return false;
    b->rect[b->n++] = (SDL_Rect){x0, y, x1 - x0, 1};
    return true;
}

int spans_add_polygon(span_buf *b, const SDL_FPoint *pts, int n, SDL_Rect clip)
{
    if (n < 3 || clip.w <= 0 || clip.h <= 0)
        return b->n;
    if (!grow(&b->edges, &b->edges_cap, n, sizeof(edge)))
        return -1;
    edge *e = b->edges;
    int ne = 0, rmin = INT32_MAX, rmax = INT32_MIN;
    for (int i = 0; i < n; i++) {
        /* the renderer's vertex: cut to a whole pixel, in half pixels */
        SDL_FPoint p = pts[i], q = pts[(i + 1) % n];
        int64_t px = (int)p.x, py = (int)p.y, qx = (int)q.x, qy = (int)q.y;
        if (py == qy)
            continue; /* no centre is ever on a horizontal edge */
        edge g = py < qy ? (edge){2 * px, 2 * py, 2 * qx, 2 * qy, (int)py, (int)qy}
                         : (edge){2 * qx, 2 * qy, 2 * px, 2 * py, (int)qy, (int)py};
        if (g.top < clip.y)
            g.top = clip.y;
        if (g.bottom > clip.y + clip.h)
            g.bottom = clip.y + clip.h;
        if (g.top >= g.bottom)
            continue;
        e[ne++] = g;
        rmin = g.top < rmin ? g.top : rmin;
        rmax = g.bottom > rmax ? g.bottom : rmax;
    }
    if (ne < 2)
        return b->n;
    if (ne <= 16) { /* a line's quad, a circle: qsort's set-up would cost more */
        for (int i = 1; i < ne; i++)
            for (int j = i; j > 0 && e[j].top < e[j - 1].top; j--) {
                edge t = e[j];
                e[j] = e[j - 1];
                e[j - 1] = t;
            }
    } else {
        qsort(e, (size_t)ne, sizeof *e, by_top);
    }
    if (!grow(&b->cross, &b->cross_cap, ne, sizeof(crossing)))
        return -1;
    crossing *c = b->cross;
    int next = 0, nact = 0;
    /* the active edges are kept at the front of e[]: e[0..nact) */
    for (int y = rmin; y < rmax; y++) {
        for (int k = 0; k < nact;) /* the ones ended above this row go */
            if (e[k].bottom <= y)
                e[k] = e[--nact];
            else
                k++;
        if (next < nact)
            next = nact;
        while (next < ne && e[next].top <= y) { /* the ones starting here join */
            edge t = e[next];
            e[next] = e[nact];
            e[nact++] = t;
            next++;
        }
        int m = 0;
        int64_t sy = 2 * (int64_t)y + 1; /* the row's centre, in half pixels */
        for (int k = 0; k < nact; k++) {
            const edge *g = &e[k];
            /* x at sy = num / den (half pixels); the first pixel centre
             * 2x + 1 >= num / den is x >= (num - den) / (2 den) */
            int64_t den = g->by - g->ay;
            int64_t num = g->ax * den + (sy - g->ay) * (g->bx - g->ax);
            int64_t first = ceil_div(num - den, 2 * den);
            crossing t = {(double)num / (double)den, (int)first};
            int j = m++;
            for (; j > 0 && c[j - 1].x > t.x; j--) /* a few: insertion sort */
                c[j] = c[j - 1];
            c[j] = t;
        }
        for (int k = 0; k + 1 < m; k += 2) {
            /* in: centres on or right of the left edge, left of the right one */
            int x0 = c[k].first, x1 = c[k + 1].first;
            if (x0 < clip.x)
                x0 = clip.x;
            if (x1 > clip.x + clip.w)
                x1 = clip.x + clip.w;
            if (x1 > x0 && !add_span(b, x0, x1, y))
                return -1;
        }
    }
    return b->n;
}

void span_buf_free(span_buf *b)
{
    free(b->rect);
    free(b->edges);
    free(b->cross);
    *b = (span_buf){0};
}
