/* spans.h — a filled polygon as rows of pixels: the pixels SDL2's software
 * renderer would fill for its triangles, found one row at a time.
 *
 * Why: the software renderer fills a triangle by testing every pixel of
 * its bounding box, and with blending it first fills a scratch surface the
 * size of that box and blends all of it; the long thin triangles a region
 * outline is clipped into cost it their whole boxes (a chart close-up at
 * 1280x800 was 200 M instructions). The same pixels as spans cost a
 * rectangle fill each.
 *
 * Which pixels: as the renderer takes them, every vertex cut to a whole
 * pixel ((int), SDL_render_sw.c), and a pixel in when its centre lies
 * inside, a centre exactly on an edge counting for the side right of it
 * (SDL_triangle.c's top-left rule). Centres lie at half pixels and
 * vertices at whole ones, so no centre is ever on a horizontal edge. For a
 * triangle, a convex quad (a line) or a fan (a circle) that is exactly
 * what the renderer fills. A polygon clipped into ears differs by a few
 * pixels on its edge: a long thin ear whose cut vertices turn it over
 * fills a sliver outside the outline, which these spans do not (an
 * artefact of the cutting, under the region's outline where the screens
 * draw one). tests/render compares both with the renderer's own.
 *
 * Ownership: a span_buf is the caller's (zeroed to start, span_buf_free to
 * end); the spans stay valid until the next call. */
#ifndef PM_UI_SPANS_H
#define PM_UI_SPANS_H

#include <SDL.h>

typedef struct {
    SDL_Rect *rect;              /* the spans: one pixel high, left to right, top to bottom */
    int n, cap;
    void *edges;                 /* scratch */
    int edges_cap;
    void *cross;
    int cross_cap;
} span_buf;

/* Adds the spans of the polygon pts[0..n) within clip (even-odd: a simple
 * polygon's inside) to b's (set b->n = 0 to start afresh). Returns how
 * many b holds, or -1 when out of memory. */
int spans_add_polygon(span_buf *b, const SDL_FPoint *pts, int n, SDL_Rect clip);
void span_buf_free(span_buf *b);

#endif
