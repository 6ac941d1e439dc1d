/* test_input.c — touches on a rotated or scaled panel land where the frame
 * is drawn: input_to_logical undoes input_to_output for every rotation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ui/input.h"

static void round_trip(int rotate, int ow, int oh)
{
    int lw, lh;
    input_logical_size(rotate, ow, oh, &lw, &lh);
    input_map m = {rotate, ow, oh, lw, lh};
    const int pts[][2] = {{0, 0}, {lw - 1, 0}, {0, lh - 1}, {lw - 1, lh - 1}, {lw / 3, lh / 5}};
    for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++) {
        double ox, oy;
        input_to_output(&m, pts[i][0] + 0.5, pts[i][1] + 0.5, &ox, &oy);
        assert_true(ox >= 0 && oy >= 0 && ox <= ow && oy <= oh);
        int x, y;
        assert_true(input_to_logical(&m, ox, oy, &x, &y));
        assert_int_equal(x, pts[i][0]);
        assert_int_equal(y, pts[i][1]);
    }
}

static void every_rotation_round_trips(void **state)
{
    (void)state;
    for (int r = 0; r < 360; r += 90) {
        round_trip(r, 800, 480);
        round_trip(r, 480, 800);
        round_trip(r, 1920, 1080);
    }
}

static void rotation_90_maps_corners(void **state)
{
    (void)state;
    /* A 800x480 panel mounted portrait: logical 480x800. Rotating the frame
     * 90 degrees clockwise puts its top-left corner at the panel's top-right. */
    input_map m = {90, 800, 480, 480, 800};
    int x, y;
    assert_true(input_to_logical(&m, 799.5, 0.5, &x, &y));
    assert_int_equal(x, 0);
    assert_int_equal(y, 0);
    assert_true(input_to_logical(&m, 0.5, 479.5, &x, &y));
    assert_int_equal(x, 479);
    assert_int_equal(y, 799);
}

static void letterbox_is_outside(void **state)
{
    (void)state;
    /* A 800x480 frame on a 1000x480 output: 100 px bars left and right. */
    input_map m = {0, 1000, 480, 800, 480};
    int x, y;
    assert_false(input_to_logical(&m, 50, 240, &x, &y));
    assert_true(input_to_logical(&m, 100.5, 240.5, &x, &y));
    assert_int_equal(x, 0);
    assert_int_equal(y, 240);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_rotation_round_trips),
        cmocka_unit_test(rotation_90_maps_corners),
        cmocka_unit_test(letterbox_is_outside),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
