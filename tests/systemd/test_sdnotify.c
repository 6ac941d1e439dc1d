/* test_sdnotify.c — the sd_notify datagram protocol against a real socket:
 * a path socket and an abstract one, the no-op outside systemd, malformed
 * $NOTIFY_SOCKET values, and the watchdog pacing. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmocka.h>

#include "platform/sdnotify.h"

/* A receiving socket bound to PATH (or "@name": abstract). */
static int listener(const char *path)
{
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    assert_true(fd >= 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    size_t len = strlen(path);
    memcpy(sa.sun_path, path, len);
    if (path[0] == '@')
        sa.sun_path[0] = '\0';
    else
        len++;
    assert_int_equal(bind(fd, (struct sockaddr *)&sa,
                          (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len)),
                     0);
    return fd;
}

static void expect_msg(int fd, const char *want)
{
    char buf[512];
    ssize_t n = recv(fd, buf, sizeof buf - 1, MSG_DONTWAIT);
    assert_true(n >= 0);
    buf[n] = '\0';
    assert_string_equal(buf, want);
}

static void expect_nothing(int fd)
{
    char buf[64];
    assert_int_equal(recv(fd, buf, sizeof buf, MSG_DONTWAIT), -1);
    assert_true(errno == EAGAIN || errno == EWOULDBLOCK);
}

static void unset_all(void)
{
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
}

static void test_noop_without_socket(void **state)
{
    (void)state;
    unset_all();
    assert_int_equal(sdnotify_ready(), 0);
    assert_int_equal(sdnotify_status("hello"), 0);
    setenv("NOTIFY_SOCKET", "", 1);
    assert_int_equal(sdnotify_stopping(), 0);
    sdnotify_watchdog w;
    setenv("WATCHDOG_USEC", "30000000", 1);
    sdnotify_watchdog_init(&w);
    assert_false(w.enabled);
    assert_int_equal(sdnotify_watchdog_kick(&w, 1000), 0);
    assert_true(sdnotify_watchdog_due(&w) == UINT64_MAX); /* nothing to wake for */
    unset_all();
}

static void test_path_socket(void **state)
{
    (void)state;
    char dir[] = "/tmp/pm-sdnotify-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/notify", dir);
    int fd = listener(path);
    setenv("NOTIFY_SOCKET", path, 1);
    assert_int_equal(sdnotify_ready(), 1);
    expect_msg(fd, "READY=1");
    assert_int_equal(sdnotify_status("Waiting for a client\nsecond line"), 1);
    expect_msg(fd, "STATUS=Waiting for a client");
    assert_int_equal(sdnotify_stopping(), 1);
    expect_msg(fd, "STOPPING=1");
    assert_int_equal(sdnotify_send("WATCHDOG=1\nSTATUS=x"), 1);
    expect_msg(fd, "WATCHDOG=1\nSTATUS=x");
    close(fd);
    unlink(path);
    rmdir(dir);
    /* The receiver is gone: a failure, reported, not fatal. */
    assert_true(sdnotify_ready() < 0);
    unset_all();
}

static void test_abstract_socket(void **state)
{
    (void)state;
    char name[64];
    snprintf(name, sizeof name, "@painmap-test-%ld", (long)getpid());
    int fd = listener(name);
    setenv("NOTIFY_SOCKET", name, 1);
    assert_int_equal(sdnotify_ready(), 1);
    expect_msg(fd, "READY=1");
    close(fd);
    unset_all();
}

static void test_malformed(void **state)
{
    (void)state;
    setenv("NOTIFY_SOCKET", "relative/path", 1);
    assert_int_equal(sdnotify_ready(), -EINVAL);
    setenv("NOTIFY_SOCKET", "@", 1);
    assert_int_equal(sdnotify_ready(), -EINVAL);
    char longp[200];
    memset(longp, 'a', sizeof longp - 1);
    longp[0] = '/';
    longp[sizeof longp - 1] = '\0';
    setenv("NOTIFY_SOCKET", longp, 1);
    assert_int_equal(sdnotify_ready(), -EINVAL);
    unset_all();
}

static void test_watchdog_usec(void **state)
{
    (void)state;
    unset_all();
    assert_int_equal(sdnotify_watchdog_usec(), 0);
    setenv("WATCHDOG_USEC", "30000000", 1);
    assert_int_equal(sdnotify_watchdog_usec(), 30000000);
    char pid[32];
    snprintf(pid, sizeof pid, "%ld", (long)getpid());
    setenv("WATCHDOG_PID", pid, 1);
    assert_int_equal(sdnotify_watchdog_usec(), 30000000);
    snprintf(pid, sizeof pid, "%ld", (long)getpid() + 1);
    setenv("WATCHDOG_PID", pid, 1);
    assert_int_equal(sdnotify_watchdog_usec(), 0); /* someone else's */
    unsetenv("WATCHDOG_PID");
    setenv("WATCHDOG_USEC", "garbage", 1);
    assert_int_equal(sdnotify_watchdog_usec(), 0);
    setenv("WATCHDOG_USEC", "-5", 1);
    assert_int_equal(sdnotify_watchdog_usec(), 0);
    unset_all();
}

static void test_watchdog_pacing(void **state)
{
    (void)state;
    char name[64];
    snprintf(name, sizeof name, "@painmap-wd-%ld", (long)getpid());
    int fd = listener(name);
    setenv("NOTIFY_SOCKET", name, 1);
    setenv("WATCHDOG_USEC", "20000000", 1); /* WatchdogSec=20 -> ping every 10 s */
    sdnotify_watchdog w;
    sdnotify_watchdog_init(&w);
    assert_true(w.enabled);
    assert_int_equal(w.interval_ms, 10000);
    assert_true(sdnotify_watchdog_due(&w) == 0); /* the first kick is due at once */
    assert_int_equal(sdnotify_watchdog_kick(&w, 5), 1); /* the first kick sends */
    expect_msg(fd, "WATCHDOG=1");
    assert_true(sdnotify_watchdog_due(&w) == 10005);
    assert_int_equal(sdnotify_watchdog_kick(&w, 5000), 0);
    assert_int_equal(sdnotify_watchdog_kick(&w, 10004), 0);
    expect_nothing(fd);
    assert_true(sdnotify_watchdog_due(&w) == 10005);
    assert_int_equal(sdnotify_watchdog_kick(&w, 10005), 1);
    expect_msg(fd, "WATCHDOG=1");
    assert_true(sdnotify_watchdog_due(&w) == 20005);
    close(fd);
    unset_all();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_noop_without_socket), cmocka_unit_test(test_path_socket),
        cmocka_unit_test(test_abstract_socket),     cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_watchdog_usec),       cmocka_unit_test(test_watchdog_pacing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
