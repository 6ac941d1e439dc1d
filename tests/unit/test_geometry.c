/* test_geometry.c — point-in-polygon, simplicity, overlap, triangulation,
 * the largest inscribed circle, clipping to a rectangle, transforms. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "geometry.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define P(x, y) ((geo_point){(x), (y)})

/* A "C" shape opening to the right: concave, with a notch x 2..10, y 2..8. */
static const geo_point C_SHAPE[] = {{0, 0}, {10, 0}, {10, 2}, {2, 2}, {2, 8}, {10, 8}, {10, 10}, {0, 10}};

static void test_locate_inside_outside_edge(void **state)
{
    (void)state;
    const geo_point sq[] = {{0, 0}, {4, 0}, {4, 4}, {0, 4}};
    assert_int_equal(geo_locate(sq, 4, P(2, 2)), GEO_INSIDE);
    assert_int_equal(geo_locate(sq, 4, P(5, 2)), GEO_OUTSIDE);
    assert_int_equal(geo_locate(sq, 4, P(4, 2)), GEO_ON_EDGE);
    assert_int_equal(geo_locate(sq, 4, P(0, 0)), GEO_ON_EDGE);
    assert_int_equal(geo_locate(sq, 4, P(2, 0)), GEO_ON_EDGE);
    /* level with a vertex but outside: the ray must not double count */
    assert_int_equal(geo_locate(sq, 4, P(-1, 4)), GEO_OUTSIDE);
    assert_int_equal(geo_locate(sq, 4, P(-1, 0)), GEO_OUTSIDE);
    /* just inside and just outside an edge */
    assert_int_equal(geo_locate(sq, 4, P(4 - 1e-6, 2)), GEO_INSIDE);
    assert_int_equal(geo_locate(sq, 4, P(4 + 1e-6, 2)), GEO_OUTSIDE);
}

static void test_locate_concave(void **state)
{
    (void)state;
    assert_int_equal(geo_locate(C_SHAPE, N(C_SHAPE), P(1, 5)), GEO_INSIDE);
    assert_int_equal(geo_locate(C_SHAPE, N(C_SHAPE), P(6, 5)), GEO_OUTSIDE); /* in the notch */
    assert_int_equal(geo_locate(C_SHAPE, N(C_SHAPE), P(6, 1)), GEO_INSIDE);
    assert_int_equal(geo_locate(C_SHAPE, N(C_SHAPE), P(6, 9)), GEO_INSIDE);
    assert_int_equal(geo_locate(C_SHAPE, N(C_SHAPE), P(2, 5)), GEO_ON_EDGE);
    assert_int_equal(geo_locate(C_SHAPE, N(C_SHAPE), P(6, 8)), GEO_ON_EDGE);
    /* the same answer whichever way the polygon winds */
    geo_point rev[N(C_SHAPE)];
    for (size_t i = 0; i < N(C_SHAPE); i++)
        rev[i] = C_SHAPE[N(C_SHAPE) - 1 - i];
    assert_int_equal(geo_locate(rev, N(rev), P(6, 5)), GEO_OUTSIDE);
    assert_int_equal(geo_locate(rev, N(rev), P(1, 5)), GEO_INSIDE);
}

static void test_simple_and_self_intersecting(void **state)
{
    (void)state;
    const geo_point bowtie[] = {{0, 0}, {4, 4}, {4, 0}, {0, 4}};
    size_t a = 99, b = 99;
    assert_true(geo_is_simple(C_SHAPE, N(C_SHAPE), NULL, NULL));
    assert_false(geo_is_simple(bowtie, N(bowtie), &a, &b));
    assert_int_equal(a, 0);
    assert_int_equal(b, 2);
    /* a spike that folds straight back on itself */
    const geo_point spike[] = {{0, 0}, {4, 0}, {8, 0}, {4, 0}, {4, 4}};
    assert_false(geo_is_simple(spike, N(spike), NULL, NULL));
    /* a vertex touching another edge */
    const geo_point touch[] = {{0, 0}, {6, 0}, {6, 6}, {3, 0}, {0, 6}};
    assert_false(geo_is_simple(touch, N(touch), NULL, NULL));
    assert_false(geo_is_simple(bowtie, 2, NULL, NULL));
}

static void test_overlap(void **state)
{
    (void)state;
    const geo_point a[] = {{0, 0}, {4, 0}, {4, 4}, {0, 4}};
    const geo_point shares_edge[] = {{4, 0}, {8, 0}, {8, 4}, {4, 4}};
    const geo_point shares_corner[] = {{4, 4}, {8, 4}, {8, 8}, {4, 8}};
    const geo_point crosses[] = {{3, 1}, {6, 1}, {6, 3}, {3, 3}};
    const geo_point inside[] = {{1, 1}, {2, 1}, {2, 2}, {1, 2}};
    const geo_point same[] = {{0, 0}, {4, 0}, {4, 4}, {0, 4}};
    const geo_point in_notch[] = {{3, 3}, {9, 3}, {9, 7}, {3, 7}};
    const geo_point half_edge[] = {{4, 1}, {8, 1}, {8, 3}, {4, 3}};
    assert_false(geo_overlap(a, 4, shares_edge, 4));
    assert_false(geo_overlap(a, 4, shares_corner, 4));
    assert_false(geo_overlap(a, 4, half_edge, 4)); /* touches part of an edge */
    assert_true(geo_overlap(a, 4, crosses, 4));
    assert_true(geo_overlap(a, 4, inside, 4));
    assert_true(geo_overlap(inside, 4, a, 4));
    assert_true(geo_overlap(a, 4, same, 4));
    /* a box sitting in the C's notch touches nothing */
    assert_false(geo_overlap(C_SHAPE, N(C_SHAPE), in_notch, 4));
}

static void test_triangulate_concave(void **state)
{
    (void)state;
    size_t scratch[N(C_SHAPE)];
    int tris[3 * (N(C_SHAPE) - 2)];
    size_t n = geo_triangulate(C_SHAPE, N(C_SHAPE), scratch, tris);
    assert_int_equal(n, N(C_SHAPE) - 2);
    /* the triangles cover exactly the polygon's area, and none lies in the notch */
    double total = 0;
    for (size_t t = 0; t < n; t++) {
        geo_point tri[3] = {C_SHAPE[tris[3 * t]], C_SHAPE[tris[3 * t + 1]], C_SHAPE[tris[3 * t + 2]]};
        total += fabs(geo_area2(tri, 3));
        assert_int_not_equal(geo_locate(tri, 3, P(6, 5)), GEO_INSIDE);
    }
    assert_true(fabs(total - fabs(geo_area2(C_SHAPE, N(C_SHAPE)))) < 1e-9);
    const geo_point line[] = {{0, 0}, {1, 1}, {2, 2}};
    assert_int_equal(geo_triangulate(line, 3, scratch, tris), 0);
}

static void test_interior_point_and_distance(void **state)
{
    (void)state;
    geo_point p;
    /* the C's area centroid lies in the notch; the answer must not */
    assert_true(geo_interior_point(C_SHAPE, N(C_SHAPE), &p));
    assert_int_equal(geo_locate(C_SHAPE, N(C_SHAPE), p), GEO_INSIDE);
    const geo_point sq[] = {{0, 0}, {4, 0}, {4, 4}, {0, 4}};
    assert_true(geo_interior_point(sq, 4, &p));
    assert_true(fabs(p.x - 2) < 1e-9 && fabs(p.y - 2) < 1e-9);
    assert_true(fabs(geo_distance_to_edge(sq, 4, P(6, 2)) - 2) < 1e-9);
    assert_true(fabs(geo_distance_to_edge(sq, 4, P(7, 8)) - 5) < 1e-9);
    geo_bounds b = geo_bounds_of(C_SHAPE, N(C_SHAPE));
    assert_true(b.x0 == 0 && b.y0 == 0 && b.x1 == 10 && b.y1 == 10);
}


/* The largest circle inside: a square's is its centre; a rectangle's is
 * half its short side; a C shape's in a corner;
 * a densely sampled circle (simplified inside) comes out within precision
 * and never larger than the real one. */
static void test_pole(void **state)
{
    (void)state;
    const geo_point sq[] = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    geo_point c;
    assert_float_equal(geo_pole(sq, 4, 0.01, &c), 5.0, 0.011);
    assert_float_equal(c.x, 5, 0.05);
    assert_float_equal(c.y, 5, 0.05);
    const geo_point rect[] = {{0, 0}, {40, 0}, {40, 6}, {0, 6}};
    assert_float_equal(geo_pole(rect, 4, 0.01, &c), 3.0, 0.011);
    assert_float_equal(c.y, 3, 0.05);
    /* the C's back and arms are 2 thick; the largest circle sits in a
     * corner, touching both outer sides and the inner corner (2, 2):
     * r = sqrt(2) (2 - r) */
    double r = geo_pole(C_SHAPE, N(C_SHAPE), 0.01, &c);
    assert_float_equal(r, 2 * sqrt(2) / (1 + sqrt(2)), 0.011);
    assert_int_equal(geo_locate(C_SHAPE, N(C_SHAPE), c), GEO_INSIDE);
    assert_true(geo_distance_to_edge(C_SHAPE, N(C_SHAPE), c) >= r - 1e-9);
    geo_point ring[360];
    for (int i = 0; i < 360; i++)
        ring[i] = P(50 + 20 * cos(i * M_PI / 180), 50 + 20 * sin(i * M_PI / 180));
    r = geo_pole(ring, 360, 0.5, &c);
    assert_true(r <= 20 && r >= 19.4);
    assert_true(geo_distance_to_edge(ring, 360, c) >= r - 1e-9);
    /* degenerate: nothing inside */
    const geo_point flat[] = {{0, 0}, {5, 0}, {10, 0}};
    assert_float_equal(geo_pole(flat, 3, 0.1, &c), 0.0, 1e-12);
}

/* Clipping keeps what is inside the rectangle: a square half out keeps
 * half its area; one wholly inside is unchanged; one wholly outside is
 * gone; the C's notch survives a cut through it. */
static void test_clip_to_bounds(void **state)
{
    (void)state;
    const geo_point sq[] = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    geo_point out[64];
    size_t n = geo_clip_to_bounds(sq, 4, (geo_bounds){5, -5, 20, 20}, out, 64);
    assert_true(n >= 4);
    assert_float_equal(fabs(geo_area2(out, n)) / 2, 50.0, 1e-9);
    n = geo_clip_to_bounds(sq, 4, (geo_bounds){-1, -1, 11, 11}, out, 64);
    assert_float_equal(fabs(geo_area2(out, n)) / 2, 100.0, 1e-9);
    assert_int_equal(geo_clip_to_bounds(sq, 4, (geo_bounds){20, 20, 30, 30}, out, 64), 0);
    n = geo_clip_to_bounds(C_SHAPE, N(C_SHAPE), (geo_bounds){1, 0, 10, 10}, out, 64);
    assert_float_equal(fabs(geo_area2(out, n)) / 2, 100 - 48 - 10 + 0.0, 1e-9);
    assert_int_equal(geo_locate(out, n, P(6, 5)), GEO_OUTSIDE);
    assert_int_equal(geo_locate(out, n, P(1.5, 5)), GEO_INSIDE);
}

/* A transform and its inverse; a fit keeps the aspect and centres. */
static void test_transforms(void **state)
{
    (void)state;
    geo_xf xf = geo_xf_fit((geo_bounds){0, 0, 600, 1000}, (geo_bounds){100, 50, 400, 550});
    assert_float_equal(xf.s, 0.5, 1e-12);
    geo_point top = geo_xf_apply(xf, P(300, 0));
    assert_float_equal(top.x, 250, 1e-9);
    assert_float_equal(top.y, 50, 1e-9);
    geo_point back = geo_xf_invert(xf, geo_xf_apply(xf, P(123.5, 456.25)));
    assert_float_equal(back.x, 123.5, 1e-9);
    assert_float_equal(back.y, 456.25, 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_locate_inside_outside_edge),
        cmocka_unit_test(test_locate_concave),
        cmocka_unit_test(test_simple_and_self_intersecting),
        cmocka_unit_test(test_overlap),
        cmocka_unit_test(test_triangulate_concave),
        cmocka_unit_test(test_interior_point_and_distance),
        cmocka_unit_test(test_pole),
        cmocka_unit_test(test_clip_to_bounds),
        cmocka_unit_test(test_transforms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
