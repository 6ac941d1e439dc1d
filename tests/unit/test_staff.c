/* test_staff.c — the staff gesture cannot be made from the client's flow
 * or by chance, and staff mode closes itself when idle (staff.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "staff.h"

static const staff_rect area = { 200, 10, 400, 60 }; /* the clinic name */

static staff_input ev(staff_input_type type, int x, int y)
{
    return (staff_input){ .type = type, .x = x, .y = y, .screen = SCREEN_WELCOME };
}

/* Holds a press at (x, y) on screen from t, ticking every 100 ms until
 * until_ms; returns the time it fired, or 0. */
static uint64_t hold(staff_gesture *g, pm_screen screen, int x, int y, uint64_t t,
                     uint64_t until_ms)
{
    staff_input in = ev(STAFF_DOWN, x, y);
    in.screen = screen;
    if (staff_gesture_feed(g, &in, t))
        return t;
    for (uint64_t now = t + 100; now <= until_ms; now += 100) {
        in.type = STAFF_TICK;
        if (staff_gesture_feed(g, &in, now))
            return now;
    }
    return 0;
}

static void up(staff_gesture *g, uint64_t t)
{
    staff_input in = ev(STAFF_UP, 0, 0);
    assert_false(staff_gesture_feed(g, &in, t));
}

static void test_three_second_press_fires_once(void **state)
{
    (void)state;
    staff_gesture g;
    staff_gesture_init(&g, area);
    assert_int_equal(staff_gesture_wait_ms(&g, 0), UINT32_MAX);
    uint64_t fired = hold(&g, SCREEN_WELCOME, 400, 40, 1000, 10000);
    assert_int_equal(fired, 1000 + STAFF_HOLD_MS);
    /* holding on does not fire again */
    staff_input tick = ev(STAFF_TICK, 0, 0);
    assert_false(staff_gesture_feed(&g, &tick, 20000));
    up(&g, 20000);
    /* and the next press can fire again */
    assert_int_equal(hold(&g, SCREEN_WELCOME, 400, 40, 30000, 40000), 30000 + STAFF_HOLD_MS);
}

static void test_wait_ms_tells_ui_when_to_wake(void **state)
{
    (void)state;
    staff_gesture g;
    staff_gesture_init(&g, area);
    staff_input in = ev(STAFF_DOWN, 300, 30);
    assert_false(staff_gesture_feed(&g, &in, 500));
    assert_int_equal(staff_gesture_wait_ms(&g, 500), STAFF_HOLD_MS);
    assert_int_equal(staff_gesture_wait_ms(&g, 2500), 1000);
    in.type = STAFF_TICK;
    assert_false(staff_gesture_feed(&g, &in, 3499));
    assert_true(staff_gesture_feed(&g, &in, 3500));
    assert_int_equal(staff_gesture_wait_ms(&g, 3500), UINT32_MAX);
}

static void test_taps_and_short_presses_do_not_fire(void **state)
{
    (void)state;
    staff_gesture g;
    staff_gesture_init(&g, area);
    uint64_t t = 0;
    /* a hundred quick taps, and presses of up to 2.9 s */
    for (int i = 0; i < 100; i++, t += 300) {
        staff_input in = ev(STAFF_DOWN, 400, 40);
        assert_false(staff_gesture_feed(&g, &in, t));
        in.type = STAFF_TICK;
        assert_false(staff_gesture_feed(&g, &in, t + 80));
        up(&g, t + 100);
    }
    for (uint64_t len = 500; len < STAFF_HOLD_MS; len += 400, t += 10000) {
        assert_int_equal(hold(&g, SCREEN_WELCOME, 400, 40, t, t + len), 0);
        up(&g, t + len);
        staff_input tick = ev(STAFF_TICK, 0, 0);
        assert_false(staff_gesture_feed(&g, &tick, t + 5000)); /* released: never fires later */
    }
    /* a release exactly at the hold time does not fire either */
    staff_input in = ev(STAFF_DOWN, 400, 40);
    assert_false(staff_gesture_feed(&g, &in, t));
    up(&g, t + STAFF_HOLD_MS);
}

static void test_drags_do_not_fire(void **state)
{
    (void)state;
    staff_gesture g;
    staff_gesture_init(&g, area);
    /* drag away from the start beyond the slop */
    staff_input in = ev(STAFF_DOWN, 400, 40);
    assert_false(staff_gesture_feed(&g, &in, 0));
    in = ev(STAFF_MOVE, 400 + STAFF_SLOP + 1, 40);
    assert_false(staff_gesture_feed(&g, &in, 1000));
    in = ev(STAFF_MOVE, 400, 40); /* coming back does not revive it */
    for (uint64_t t = 1100; t < 8000; t += 100)
        assert_false(staff_gesture_feed(&g, &in, t));
    up(&g, 8000);

    /* a small wobble within the slop is fine */
    in = ev(STAFF_DOWN, 400, 40);
    assert_false(staff_gesture_feed(&g, &in, 10000));
    in = ev(STAFF_MOVE, 410, 50);
    assert_false(staff_gesture_feed(&g, &in, 11000));
    in = ev(STAFF_MOVE, 390, 35);
    assert_true(staff_gesture_feed(&g, &in, 13000));
    up(&g, 13100);

    /* a drag that starts elsewhere and ends on the name */
    in = ev(STAFF_DOWN, 400, 300);
    assert_false(staff_gesture_feed(&g, &in, 20000));
    in = ev(STAFF_MOVE, 400, 40);
    for (uint64_t t = 20100; t < 30000; t += 100)
        assert_false(staff_gesture_feed(&g, &in, t));
    up(&g, 30000);

    /* a wobble that leaves the area near its edge */
    in = ev(STAFF_DOWN, 205, 40);
    assert_false(staff_gesture_feed(&g, &in, 40000));
    in = ev(STAFF_MOVE, 195, 40);
    assert_false(staff_gesture_feed(&g, &in, 41000));
    in.type = STAFF_TICK;
    assert_false(staff_gesture_feed(&g, &in, 45000));
    up(&g, 45000);
}

static void test_outside_area_and_second_finger(void **state)
{
    (void)state;
    staff_gesture g;
    staff_gesture_init(&g, area);
    assert_int_equal(hold(&g, SCREEN_WELCOME, 100, 40, 0, 10000), 0); /* left of the name */
    up(&g, 10000);
    assert_int_equal(hold(&g, SCREEN_WELCOME, 400, 70, 20000, 30000), 0); /* just below */
    up(&g, 30000);

    /* a second finger (a palm, a child's hand) spoils the press */
    staff_input in = ev(STAFF_DOWN, 400, 40);
    assert_false(staff_gesture_feed(&g, &in, 40000));
    in = ev(STAFF_DOWN, 500, 300);
    assert_false(staff_gesture_feed(&g, &in, 40500));
    in = ev(STAFF_UP, 0, 0);
    assert_false(staff_gesture_feed(&g, &in, 41000)); /* one finger still down */
    in.type = STAFF_TICK;
    assert_false(staff_gesture_feed(&g, &in, 45000));
    up(&g, 45000);
    /* all fingers up: it works again */
    assert_int_equal(hold(&g, SCREEN_WELCOME, 400, 40, 50000, 60000), 50000 + STAFF_HOLD_MS);
    up(&g, 60000);

    /* a lost "up": cancel resets the count */
    in = ev(STAFF_DOWN, 400, 40);
    assert_false(staff_gesture_feed(&g, &in, 70000));
    staff_gesture_cancel(&g);
    assert_int_equal(hold(&g, SCREEN_WELCOME, 400, 40, 80000, 90000), 80000 + STAFF_HOLD_MS);

    /* no area (not laid out yet): never */
    staff_gesture_init(&g, (staff_rect){ 0, 0, 0, 0 });
    assert_int_equal(hold(&g, SCREEN_WELCOME, 0, 0, 0, 10000), 0);
}

/* Nothing a client does in the flow opens staff mode: a long press at the
 * clinic name's place on every other screen, or with the idle prompt. */
static void test_not_from_the_client_flow(void **state)
{
    (void)state;
    staff_gesture g;
    staff_gesture_init(&g, area);
    uint64_t t = 0;
    for (int s = 0; s < SCREEN_COUNT; s++) {
        if (s == SCREEN_WELCOME)
            continue;
        assert_int_equal(hold(&g, (pm_screen)s, 400, 40, t, t + 20000), 0);
        up(&g, t + 20000);
        t += 30000;
    }
    /* welcome with the "are you still there?" prompt showing */
    staff_input in = ev(STAFF_DOWN, 400, 40);
    in.prompt_showing = true;
    assert_false(staff_gesture_feed(&g, &in, t));
    in.type = STAFF_TICK;
    assert_false(staff_gesture_feed(&g, &in, t + 5000));
    up(&g, t + 5000);
    t += 10000;
    /* a press that starts on welcome but the flow leaves welcome under it
     * (the client pressed Start with another finger): never fires, even when
     * the flow comes back to welcome */
    in = ev(STAFF_DOWN, 400, 40);
    assert_false(staff_gesture_feed(&g, &in, t));
    in.type = STAFF_TICK;
    in.screen = SCREEN_ABOUT;
    assert_false(staff_gesture_feed(&g, &in, t + 1000));
    in.screen = SCREEN_WELCOME;
    assert_false(staff_gesture_feed(&g, &in, t + 4000));
    assert_false(staff_gesture_feed(&g, &in, t + 9000));
    up(&g, t + 9000);
    /* a press that starts during the flow and is still held when the flow
     * times out back to welcome */
    t += 20000;
    in = ev(STAFF_DOWN, 400, 40);
    in.screen = SCREEN_CHART;
    assert_false(staff_gesture_feed(&g, &in, t));
    in.type = STAFF_TICK;
    in.screen = SCREEN_WELCOME;
    assert_false(staff_gesture_feed(&g, &in, t + 5000));
    up(&g, t + 5000);
}

static void test_layout_change_cancels(void **state)
{
    (void)state;
    staff_gesture g;
    staff_gesture_init(&g, area);
    staff_input in = ev(STAFF_DOWN, 400, 40);
    assert_false(staff_gesture_feed(&g, &in, 0));
    staff_gesture_set_area(&g, (staff_rect){ 0, 0, 800, 100 });
    in.type = STAFF_TICK;
    assert_false(staff_gesture_feed(&g, &in, 5000));
    up(&g, 5000);
    assert_int_equal(hold(&g, SCREEN_WELCOME, 700, 90, 10000, 20000), 10000 + STAFF_HOLD_MS);
}

/* Welcome says its area again on every redraw: that must not spoil a press. */
static void test_same_area_keeps_press(void **state)
{
    (void)state;
    staff_gesture g;
    staff_gesture_init(&g, area);
    staff_input in = ev(STAFF_DOWN, 400, 40);
    assert_false(staff_gesture_feed(&g, &in, 0));
    staff_gesture_set_area(&g, area);
    in.type = STAFF_TICK;
    assert_true(staff_gesture_feed(&g, &in, STAFF_HOLD_MS));
}

static void test_session_idle(void **state)
{
    (void)state;
    staff_session s = { 0 };
    assert_false(staff_session_check(&s, 0));
    assert_int_equal(staff_session_ms_left(&s, 0), 0);
    staff_session_begin(&s, 60, 1000);
    assert_true(s.active);
    assert_int_equal(staff_session_ms_left(&s, 1000), 60000);
    assert_false(staff_session_check(&s, 60999));
    staff_session_touch(&s, 50000);
    assert_false(staff_session_check(&s, 61000));
    assert_int_equal(staff_session_ms_left(&s, 100000), 10000);
    assert_false(staff_session_check(&s, 109999));
    assert_true(staff_session_check(&s, 110000)); /* closes exactly once */
    assert_false(s.active);
    assert_false(staff_session_check(&s, 200000));
    staff_session_touch(&s, 300000); /* touching a closed session does not reopen it */
    assert_false(s.active);
    staff_session_begin(&s, 15, 400000);
    staff_session_end(&s);
    assert_false(s.active);
    assert_false(staff_session_check(&s, 500000));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_second_press_fires_once),
        cmocka_unit_test(test_wait_ms_tells_ui_when_to_wake),
        cmocka_unit_test(test_taps_and_short_presses_do_not_fire),
        cmocka_unit_test(test_drags_do_not_fire),
        cmocka_unit_test(test_outside_area_and_second_finger),
        cmocka_unit_test(test_not_from_the_client_flow),
        cmocka_unit_test(test_layout_change_cancels),
        cmocka_unit_test(test_same_area_keeps_press),
        cmocka_unit_test(test_session_idle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
