/* test_inputwait.c — the idle loop's input watch (kiosk/platform/inputwait.c)
 * against a temporary folder of FIFOs named like event devices: a FIFO is
 * readable when written to, and hangs up when its writer closes, as an
 * unplugged device does. Every wait has timeout 0: nothing here is timed. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "platform/inputwait.h"

static char dir[] = "/tmp/pm-inputwait-XXXXXX";

static void fifo(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(mkfifo(path, 0600), 0);
}

/* The writing end: what the kernel's side of a device would be. */
static int writer(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_NONBLOCK);
    assert_true(fd >= 0);
    return fd;
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_no_folder_is_a_plain_sleep(void **state)
{
    (void)state;
    inputwait w;
    assert_true(inputwait_open(&w, NULL));
    assert_int_equal(inputwait_devices(&w), 0);
    assert_int_equal(inputwait_wait(&w, 0), 0);
    inputwait_close(&w);
}

static void test_missing_folder_cannot_be_watched(void **state)
{
    (void)state;
    inputwait w;
    assert_false(inputwait_open(&w, "/nonexistent/painmap-input"));
    inputwait_close(&w);
}

static void test_input_wakes_once_then_is_gone(void **state)
{
    (void)state;
    fifo("event0");
    fifo("mouse0"); /* not an event device: left alone */
    inputwait w;
    assert_true(inputwait_open(&w, dir));
    assert_int_equal(inputwait_devices(&w), 1);
    int wr = writer("event0");
    assert_int_equal(inputwait_wait(&w, 0), 0); /* nothing yet */
    assert_int_equal(write(wr, "touch", 5), 5);
    assert_int_equal(inputwait_wait(&w, 0), 1);
    /* its own copy was read and thrown away: no second wake for it */
    assert_int_equal(inputwait_wait(&w, 0), 0);
    assert_int_equal(inputwait_devices(&w), 1);

    /* a device plugged in later is watched from then on */
    fifo("event1");
    assert_int_equal(inputwait_wait(&w, 0), 1);
    assert_int_equal(inputwait_devices(&w), 2);
    int wr1 = writer("event1");
    assert_int_equal(write(wr1, "x", 1), 1);
    assert_int_equal(inputwait_wait(&w, 0), 1);
    assert_int_equal(inputwait_wait(&w, 0), 0);

    /* unplugged (the writer hangs up): dropped, not a wake-up forever */
    close(wr);
    assert_int_equal(inputwait_wait(&w, 0), 1);
    assert_int_equal(inputwait_devices(&w), 1);
    assert_int_equal(inputwait_wait(&w, 0), 0);
    close(wr1);
    inputwait_close(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_folder_is_a_plain_sleep),
        cmocka_unit_test(test_missing_folder_cannot_be_watched),
        cmocka_unit_test(test_input_wakes_once_then_is_gone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
