/* test_bodychart.c — the body chart as a finger meets it, on the shipped
 * regions, in panels the size the chart screen gives them at 800x480,
 * 1280x800, 720x1280 and 480x800 (the upright 7" panel, whose small whole
 * figure needs the most zoom):
 *   - on the whole figure every point of the panel opens a close-up and
 *     nothing is chosen;
 *   - a touch on any region's middle opens a close-up in which that region
 *     is a target at least BODYCHART_TARGET_PX across (times the unit),
 *     inside the panel, and a touch at its aim point means that region;
 *   - a target region's circle is inside the panel and big enough; a
 *     touch on a faded region or outside the body means nothing;
 *   - a finger that went down on a target keeps it within the slop, and
 *     loses it further off. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "bodychart.h"
#include "testutil.h"

typedef struct {
    const char *name;
    geo_bounds panel;
    double unit;
} size_case;

/* The chart screen's panel at each size (ui/screens/chart_screen.c). */
static const size_case SIZES[] = {
    {"800x480", {232, 50, 568, 472}, 1.0},
    {"1280x800", {371, 83, 909, 787}, 800 / 480.0},
    {"720x1280", {21, 141, 699, 810}, 1.5},
    {"480x800", {14, 136, 466, 451}, 1.0},
};

static pm_content *content;
static bodychart *chart;

static int setup(void **state)
{
    (void)state;
    content = tu_load_shipped();
    return bodychart_create(content, &chart) == PM_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    bodychart_destroy(chart);
    content_free(content);
    return 0;
}

static void test_whole_figure_only_zooms(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof SIZES / sizeof SIZES[0]; k++) {
        const size_case *sc = &SIZES[k];
        for (int v = 0; v < VIEW_COUNT; v++) {
            bodychart_view w = bodychart_whole(chart, (pm_view)v, sc->panel);
            assert_false(w.close);
            for (double y = sc->panel.y0 + 1; y < sc->panel.y1; y += 37)
                for (double x = sc->panel.x0 + 1; x < sc->panel.x1; x += 29)
                    assert_int_equal(bodychart_hit(chart, &w, sc->panel, sc->unit,
                                                   (geo_point){x, y}, -1, 0),
                                     BODYCHART_ZOOM);
            assert_int_equal(bodychart_hit(chart, &w, sc->panel, sc->unit,
                                           (geo_point){sc->panel.x0 - 5, sc->panel.y0 + 5}, -1, 0),
                             -1);
            for (size_t r = 0; r < content_region_count(content); r++)
                assert_false(bodychart_is_target(chart, &w, sc->panel, sc->unit, (int)r));
        }
    }
}

/* Every region, at every size: a touch on its middle on the whole figure
 * opens a close-up where it is a target, at least the target size, and a
 * touch at its aim point there means it. */
static void test_every_region_reachable_and_big_enough(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof SIZES / sizeof SIZES[0]; k++) {
        const size_case *sc = &SIZES[k];
        double smallest = 1e9;
        const char *which = "";
        for (size_t r = 0; r < content_region_count(content); r++) {
            const pm_region *reg = content_region(content, r);
            bodychart_view w = bodychart_whole(chart, reg->view, sc->panel);
            geo_point c;
            bodychart_circle(chart, (int)r, &c);
            geo_point at = geo_xf_apply(w.xf, c);
            bodychart_view cv = bodychart_close_up(chart, &w, sc->panel, sc->unit, at);
            assert_true(cv.close);
            if (!bodychart_is_target(chart, &cv, sc->panel, sc->unit, (int)r))
                fail_msg("%s %s: not a target in the close-up it opens", sc->name, reg->id);
            geo_point aim;
            double rad = 0;
            assert_true(bodychart_aim(chart, &cv, sc->panel, (int)r, &aim, &rad));
            if (2 * rad < BODYCHART_TARGET_PX * sc->unit)
                fail_msg("%s %s: %.1f px across, under %.0f", sc->name, reg->id, 2 * rad,
                         BODYCHART_TARGET_PX * sc->unit);
            if (2 * rad < smallest) {
                smallest = 2 * rad;
                which = reg->id;
            }
            assert_int_equal(bodychart_hit(chart, &cv, sc->panel, sc->unit, aim, -1, 0), (int)r);
            assert_int_equal(bodychart_region_under(chart, &cv, aim, 0), (int)r);
        }
        print_message("%s: smallest target %.1f px across (%s), rule %.0f px\n", sc->name, smallest,
                      which, BODYCHART_TARGET_PX * sc->unit);
    }
}

/* The close-up a touch at the middle of region r's largest circle opens
 * on its whole figure; that middle (chart units) in *c. */
static bodychart_view close_up_on(int r, const size_case *sc, geo_point *c)
{
    const pm_region *reg = content_region(content, (size_t)r);
    bodychart_view w = bodychart_whole(chart, reg->view, sc->panel);
    bodychart_circle(chart, r, c);
    return bodychart_close_up(chart, &w, sc->panel, sc->unit, geo_xf_apply(w.xf, *c));
}

/* In close-ups around every region: what a touch means agrees with the
 * target rule at points all over the panel (a target region, or nothing). */
static void test_hits_agree_with_targets(void **state)
{
    (void)state;
    const size_case *sc = &SIZES[0];
    for (size_t r = 0; r < content_region_count(content); r += 3) {
        geo_point c;
        bodychart_view cv = close_up_on((int)r, sc, &c);
        for (double y = sc->panel.y0 + 0.5; y < sc->panel.y1; y += 13)
            for (double x = sc->panel.x0 + 0.5; x < sc->panel.x1; x += 11) {
                geo_point at = {x, y};
                int hit = bodychart_hit(chart, &cv, sc->panel, sc->unit, at, -1, 0);
                int under = bodychart_region_under(chart, &cv, at, 0);
                if (under >= 0 && bodychart_is_target(chart, &cv, sc->panel, sc->unit, under))
                    assert_int_equal(hit, under);
                else
                    assert_int_equal(hit, -1);
            }
    }
}

/* A finger that went down on a target keeps it a few pixels off its
 * edge, and loses it further away. */
/* Warming the circles ahead (a few at a time, between frames) gives the
 * circles computed on demand, and stops when a view is done. */
static void test_warm_gives_the_same_circles(void **state)
{
    (void)state;
    bodychart *fresh = NULL;
    assert_int_equal(bodychart_create(content, &fresh), PM_OK);
    for (int v = 0; v < VIEW_COUNT; v++) {
        int total = 0, got;
        while ((got = bodychart_warm(fresh, (pm_view)v, 4)) > 0) {
            assert_true(got <= 4);
            total += got;
        }
        int in_view = 0;
        for (size_t r = 0; r < content_region_count(content); r++)
            in_view += content_region(content, r)->view == (pm_view)v;
        assert_int_equal(total, in_view);
        assert_int_equal(bodychart_warm(fresh, (pm_view)v, 4), 0);
    }
    for (size_t r = 0; r < content_region_count(content); r++) {
        geo_point a, b;
        double ra = bodychart_circle(fresh, (int)r, &a), rb = bodychart_circle(chart, (int)r, &b);
        assert_memory_equal(&ra, &rb, sizeof ra);
        assert_memory_equal(&a, &b, sizeof a);
    }
    bodychart_destroy(fresh);
}

static void test_slop(void **state)
{
    (void)state;
    const size_case *sc = &SIZES[0];
    int r = content_region_index(content, "calf_l");
    assert_true(r >= 0);
    geo_point c;
    bodychart_view cv = close_up_on(r, sc, &c);
    /* walk right from the middle until just off the region */
    geo_point at = geo_xf_apply(cv.xf, c);
    while (bodychart_region_under(chart, &cv, at, 0) == r)
        at.x += 1;
    at.x += 3;
    assert_int_equal(bodychart_hit(chart, &cv, sc->panel, sc->unit, at, r, 8), r);
    at.x += 12;
    assert_int_not_equal(bodychart_hit(chart, &cv, sc->panel, sc->unit, at, r, 8), r);
}

/* A finger on the seam between two regions, or just off an outline, in a
 * close-up touches the nearest region within the slop: a second tap where
 * the whole figure was touched marks what the close-up's caption named. */
static void test_seams_touch_the_nearest(void **state)
{
    (void)state;
    const size_case *sc = &SIZES[0];
    int seams = 0;
    for (size_t r = 0; r < content_region_count(content); r += 3) {
        geo_point c;
        bodychart_view cv = close_up_on((int)r, sc, &c);
        geo_point at = geo_xf_apply(cv.xf, c);
        while (bodychart_region_under(chart, &cv, at, 0) == (int)r && at.x < sc->panel.x1)
            at.x += 1;
        if (bodychart_region_under(chart, &cv, at, 0) >= 0)
            continue; /* straight into a neighbour: no seam here */
        int near = bodychart_region_under(chart, &cv, at, 8);
        assert_true(near >= 0);
        if (!bodychart_is_target(chart, &cv, sc->panel, sc->unit, near))
            continue;
        seams++;
        assert_int_equal(bodychart_hit(chart, &cv, sc->panel, sc->unit, at, -1, 8), near);
        /* and without a slop, nothing, as before */
        assert_int_equal(bodychart_hit(chart, &cv, sc->panel, sc->unit, at, -1, 0), -1);
    }
    assert_true(seams > 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_figure_only_zooms),
        cmocka_unit_test(test_seams_touch_the_nearest),
        cmocka_unit_test(test_every_region_reachable_and_big_enough),
        cmocka_unit_test(test_hits_agree_with_targets),
        cmocka_unit_test(test_slop),
        cmocka_unit_test(test_warm_gives_the_same_circles),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
