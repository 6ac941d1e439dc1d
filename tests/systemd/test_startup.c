/* test_startup.c — the kiosk's "where the start went" line
 * (kiosk/platform/startup.c): what staff and the boot test read in the
 * journal to see which step of a slow start was slow. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "platform/startup.h"

static void test_steps_are_told_apart(void **state)
{
    (void)state;
    startup_marks m;
    startup_init(&m);
    m.at[STARTUP_MAIN] = 0.41;
    m.at[STARTUP_DISPLAY] = 0.61;
    m.at[STARTUP_CONTENT] = 0.73;
    m.at[STARTUP_FRAME] = 0.93;
    char line[400];
    assert_true(startup_describe(&m, line, sizeof line));
    assert_string_equal(line, "first frame 0.93 s after the process started: 0.41 s to main "
                              "(starting the process: under systemd its sandbox, then exec "
                              "and the libraries), 0.20 s the display, 0.12 s "
                              "the content, 0.20 s fonts and the first frame");
}

static void test_a_missing_step_is_named(void **state)
{
    (void)state;
    startup_marks m;
    startup_init(&m);
    char line[400];
    assert_false(startup_describe(&m, line, sizeof line));
    assert_string_equal(line, "no first frame yet");
    m.at[STARTUP_MAIN] = 0.10;
    m.at[STARTUP_FRAME] = 0.50; /* the content never loaded (a broken content file) */
    assert_true(startup_describe(&m, line, sizeof line));
    assert_non_null(strstr(line, "the display not marked"));
    assert_non_null(strstr(line, "the content not marked"));
    assert_non_null(strstr(line, "0.40 s fonts and the first frame"));
}

static void test_a_short_buffer_is_cut_not_overrun(void **state)
{
    (void)state;
    startup_marks m;
    startup_init(&m);
    for (int i = 0; i < STARTUP_STEPS; i++)
        m.at[i] = 0.1 * (i + 1);
    char line[40];
    memset(line, 'x', sizeof line);
    assert_false(startup_describe(&m, line, 30));
    assert_int_equal(strlen(line), 29);
    assert_int_equal(line[31], 'x');
}

static void test_the_clock_counts_from_the_process_start(void **state)
{
    (void)state;
    double a = startup_since_process_start();
    assert_true(a >= 0 && a < 120); /* this test process started moments ago */
    struct timespec pause = {0, 50 * 1000 * 1000};
    nanosleep(&pause, NULL);
    startup_marks m;
    startup_init(&m);
    startup_mark(&m, STARTUP_DISPLAY);
    assert_true(m.at[STARTUP_DISPLAY] >= a + 0.04);
    assert_true(m.at[STARTUP_MAIN] < 0);
    startup_mark(NULL, STARTUP_MAIN); /* nothing kept, nothing broken */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_steps_are_told_apart),
        cmocka_unit_test(test_a_missing_step_is_named),
        cmocka_unit_test(test_a_short_buffer_is_cut_not_overrun),
        cmocka_unit_test(test_the_clock_counts_from_the_process_start),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
