/* geometry.h — plane geometry on simple polygons, in chart coordinates.
 *
 * Pure functions, no allocation except where stated. Polygons are arrays of
 * vertices in order (either winding), implicitly closed (the last vertex
 * joins the first; do not repeat the first vertex at the end).
 *
 * Exactness: "on the boundary" is decided with a small absolute tolerance
 * GEO_EPS (chart units are roughly 1/1000 of the figure's height, so this is
 * far below anything a finger can resolve). Everything is deterministic: the
 * same input gives the same answer on every machine. */
#ifndef PM_GEOMETRY_H
#define PM_GEOMETRY_H

#include <stdbool.h>
#include <stddef.h>

#define GEO_EPS 1e-9

typedef struct {
    double x, y;
} geo_point;

typedef struct {
    double x0, y0, x1, y1; /* min and max corners */
} geo_bounds;

typedef enum {
    GEO_OUTSIDE = 0,
    GEO_INSIDE = 1,
    GEO_ON_EDGE = 2,
} geo_where;

geo_bounds geo_bounds_of(const geo_point *poly, size_t n);
bool geo_bounds_contain(geo_bounds b, geo_point p);
bool geo_bounds_touch(geo_bounds a, geo_bounds b);

/* Where p lies relative to the polygon: inside, outside or on an edge/vertex.
 * Exact for concave polygons (crossing-number test with edge detection). */
geo_where geo_locate(const geo_point *poly, size_t n, geo_point p);

/* Twice the signed area (positive for counter-clockwise in a y-up frame). */
double geo_area2(const geo_point *poly, size_t n);

/* Shortest distance from p to the polygon's boundary. */
double geo_distance_to_edge(const geo_point *poly, size_t n, geo_point p);

/* True when the polygon is simple: no two non-adjacent edges meet and no
 * adjacent edges fold back on each other. On false, *edge_a and *edge_b (if
 * not NULL) name two offending edges (edge i runs from vertex i to i+1). */
bool geo_is_simple(const geo_point *poly, size_t n, size_t *edge_a, size_t *edge_b);

/* True when the interiors of two simple polygons overlap. Polygons that only
 * share edges or vertices (neighbouring regions) do not overlap. */
bool geo_overlap(const geo_point *a, size_t na, const geo_point *b, size_t nb);

/* Splits a simple polygon into n-2 triangles (ear clipping, works on concave
 * shapes). out receives 3*(n-2) vertex indices. Returns the number of
 * triangles written, or 0 if the polygon is degenerate. scratch must hold n
 * size_t values (caller owns both buffers). */
size_t geo_triangulate(const geo_point *poly, size_t n, size_t *scratch, int *out);

/* A point strictly inside the polygon (for labels and "press ID" in replays):
 * the centroid of the largest triangle of its triangulation when the area
 * centroid itself is not inside. Returns false for a degenerate polygon. */
bool geo_interior_point(const geo_point *poly, size_t n, geo_point *out);

/* The largest circle inside the polygon (its pole of inaccessibility): the
 * radius, with the centre in *centre; 0 for a degenerate polygon. Found to
 * within precision (same units) by the "polylabel" search: square cells over
 * the bounds, the most promising split first, a cell dropped once it cannot
 * hold a circle larger than the best found by more than precision. Costs
 * some hundreds of distance-to-edge evaluations for a region of the chart. */
double geo_pole(const geo_point *poly, size_t n, double precision, geo_point *centre);

/* Clips a polygon to the rectangle b (Sutherland-Hodgman). out holds up to
 * cap points; returns how many were written (0: nothing inside, or cap too
 * small). A concave polygon cut into two pieces comes back as one outline
 * whose pieces meet along b's edges: its area, point tests and pole are
 * still right. */
size_t geo_clip_to_bounds(const geo_point *poly, size_t n, geo_bounds b, geo_point *out,
                          size_t cap);

/* A uniform scale and an offset between two planes (chart units and screen
 * pixels): to = o + from * s. */
typedef struct {
    double s, ox, oy;
} geo_xf;

geo_point geo_xf_apply(geo_xf xf, geo_point p);
geo_point geo_xf_invert(geo_xf xf, geo_point p);
/* from fitted into to, as large as it fits, centred (aspect kept). */
geo_xf geo_xf_fit(geo_bounds from, geo_bounds to);

#endif
