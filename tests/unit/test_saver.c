/* test_saver.c — the core's save (records/saver.h, record.h) with a disk
 * that fills up and comes back through the store's I/O seam, on a fake
 * clock: a failed save is kept, retried by itself, never shown to the next
 * client, and staff are told (issue 17, defect 10). */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "record.h"
#include "saver.h"
#include "summary.h"
#include "testutil.h"

#define T0 INT64_C(1795770000) /* 2026-11-27 09:00 UTC */

/* A disk that can be full: open and write fail with ENOSPC while it is. */
typedef struct {
    bool full;
    int opens;
} disk;

static int d_open(void *ctx, const char *path, int flags, mode_t mode)
{
    disk *d = ctx;
    d->opens++;
    if (d->full && (flags & O_CREAT)) {
        errno = ENOSPC;
        return -1;
    }
    return store_io_posix()->open(store_io_posix()->ctx, path, flags, mode);
}

typedef struct {
    pm_content *c;
    char *dir;
    disk disk;
    store_io io;
    store *s;
    saver *sv;
    pm_msgs log;
    flow *f;
    uint64_t now;
} fx;

static void on_log(void *ctx, saver_level level, const char *line)
{
    fx *x = ctx;
    pm_msgs_add(&x->log, "%d %s", (int)level, line);
}

/* How many log lines at level contain text. */
static int logged(const fx *x, saver_level level, const char *text)
{
    char head[8];
    snprintf(head, sizeof head, "%d ", (int)level);
    int n = 0;
    for (size_t i = 0; i < x->log.count; i++)
        n += strncmp(x->log.items[i], head, strlen(head)) == 0 &&
             strstr(x->log.items[i], text) != NULL;
    return n;
}

static int setup(void **state)
{
    fx *x = calloc(1, sizeof *x);
    x->c = tu_load_mini();
    x->dir = tu_tempdir();
    x->io = *store_io_posix();
    x->io.open = d_open;
    x->io.ctx = &x->disk;
    pm_msg err;
    assert_int_equal(store_open(x->dir, &x->io, &x->s, &err), PM_OK);
    pm_msgs_init(&x->log);
    saver_setup ss = {.store = x->s, .content = x->c, .log = on_log, .log_ctx = x};
    assert_int_equal(saver_create(&ss, &x->sv), PM_OK);
    x->now = 1000;
    assert_int_equal(flow_create(x->c, flow_default_timing(), "en", x->now, &x->f), PM_OK);
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    fx *x = *state;
    flow_destroy(x->f);
    saver_destroy(x->sv);
    store_close(x->s);
    pm_msgs_free(&x->log);
    tu_rmtree(x->dir);
    free(x->dir);
    content_free(x->c);
    free(x);
    return 0;
}

static saver_clock at(const fx *x)
{
    return (saver_clock){x->now, T0 + (int64_t)(x->now / 1000)};
}

/* Lets ms pass in ticks of 500 ms, the saver stepping as the shell does. */
static void pass(fx *x, uint64_t ms)
{
    for (uint64_t end = x->now + ms; x->now < end;) {
        x->now += 500;
        flow_send(x->f, EV_TICK, 0, x->now);
        saver_step(x->sv, x->f, at(x));
    }
}

static void count_one(const char *stem, void *arg)
{
    (void)stem;
    ++*(int *)arg;
}

/* Records on disk, each with its page. */
static int records(const fx *x)
{
    int n = 0;
    assert_true(store_list(x->s, count_one, &n) >= 0);
    assert_int_equal(store_missing_html(x->s, count_one, &(int){0}), 0);
    return n;
}

static void to_saving(fx *x)
{
    tu_walk_to(x->f, x->c, SCREEN_SAVING, &x->now);
    assert_true(flow_wants_save(x->f));
}

static void test_save_moves_the_flow_on(void **state)
{
    fx *x = *state;
    to_saving(x);
    assert_true(saver_step(x->sv, x->f, at(x)));
    assert_int_equal(flow_screen(x->f), SCREEN_THANKS);
    assert_int_equal(saver_kept(x->sv), 0);
    assert_int_equal(records(x), 1);
    assert_non_null(strstr(saver_last_saved(x->sv), ".json"));
    assert_int_equal(logged(x, SAVER_NOTICE, "(and .html)"), 1);
    /* nothing more to do */
    assert_false(saver_step(x->sv, x->f, at(x)));
    assert_true(saver_next_deadline(x->sv, x->now) == UINT64_MAX);
}

/* Full disk: kept, retried every SAVER_RETRY_MS without a tap, and the
 * still-showing failed screen moves on to thanks once it is saved. */
static void test_failed_save_retried_by_itself(void **state)
{
    fx *x = *state;
    to_saving(x);
    x->disk.full = true;
    const int64_t first_try = at(x).utc_s;
    saver_step(x->sv, x->f, at(x));
    assert_true(flow_save_failed(x->f));
    assert_true(flow_save_kept(x->f));
    assert_int_equal(saver_kept(x->sv), 1);
    assert_non_null(strstr(saver_problem(x->sv), "full"));
    assert_int_equal(logged(x, SAVER_ERR, "save failed: "), 1);
    assert_int_equal(logged(x, SAVER_WARNING, "kept in memory"), 1);
    assert_int_equal(records(x), 0);
    assert_true(saver_next_deadline(x->sv, x->now) == x->now + SAVER_RETRY_MS);
    /* still full at the retry: tried (a new open), logged only once */
    int opens = x->disk.opens;
    pass(x, SAVER_RETRY_MS);
    assert_true(x->disk.opens > opens);
    assert_int_equal(logged(x, SAVER_ERR, "save failed: "), 1);
    assert_int_equal(saver_kept(x->sv), 1);
    /* space returns: saved at the next retry, no tap */
    x->disk.full = false;
    pass(x, SAVER_RETRY_MS);
    assert_int_equal(saver_kept(x->sv), 0);
    assert_int_equal(records(x), 1);
    assert_int_equal(flow_screen(x->f), SCREEN_THANKS);
    assert_string_equal(saver_problem(x->sv), "");
    /* the record says when the client finished, not when the disk came back */
    char *json = tu_read_file(saver_last_saved(x->sv), NULL);
    intake back;
    int64_t when = 0;
    pm_msg err;
    assert_int_equal(summary_parse_json(x->c, json, &back, &when, &err), PM_OK);
    assert_true(when == first_try);
    assert_string_equal(back.name, "José");
    free(json);
}

/* The client walks away from the failed save: the screen times out to
 * welcome, nothing of the client is left in the flow for the next one,
 * staff are told, and the intake reaches the disk later all the same. */
static void test_left_failed_save_is_kept_and_saved_later(void **state)
{
    fx *x = *state;
    to_saving(x);
    x->disk.full = true;
    saver_step(x->sv, x->f, at(x));
    assert_int_equal(flow_send(x->f, EV_BACK, 0, x->now + 100), PM_ERR_STATE);
    pass(x, 90000 + 20000 + 500); /* the refused Back was a touch: from there */
    assert_int_equal(flow_screen(x->f), SCREEN_WELCOME);
    assert_int_equal(flow_intake(x->f)->nmarks, 0);
    assert_string_equal(flow_intake(x->f)->name, "");
    assert_int_equal(logged(x, SAVER_WARNING, "the client left"), 1);
    assert_int_equal(saver_kept(x->sv), 1);
    /* the next client starts, and the disk comes back meanwhile */
    assert_int_equal(flow_send(x->f, EV_START, 0, x->now), PM_OK);
    x->disk.full = false;
    pass(x, SAVER_RETRY_MS);
    assert_int_equal(saver_kept(x->sv), 0);
    assert_int_equal(records(x), 1);
    assert_int_equal(flow_screen(x->f), SCREEN_ABOUT); /* the new client is not moved */
    assert_int_equal(logged(x, SAVER_NOTICE, "saved "), 1);
}

/* Retry taps try at once and never make a second copy. */
static void test_retry_tap_reuses_the_kept_copy(void **state)
{
    fx *x = *state;
    to_saving(x);
    x->disk.full = true;
    saver_step(x->sv, x->f, at(x));
    for (int i = 0; i < 3; i++) {
        x->now += 1000;
        assert_int_equal(flow_send(x->f, EV_RETRY_SAVE, 0, x->now), PM_OK);
        int opens = x->disk.opens;
        saver_step(x->sv, x->f, at(x));
        assert_true(x->disk.opens > opens);
        assert_true(flow_save_kept(x->f));
        assert_int_equal(saver_kept(x->sv), 1);
    }
    x->disk.full = false;
    x->now += 1000;
    assert_int_equal(flow_send(x->f, EV_RETRY_SAVE, 0, x->now), PM_OK);
    saver_step(x->sv, x->f, at(x));
    assert_int_equal(flow_screen(x->f), SCREEN_THANKS);
    assert_int_equal(saver_kept(x->sv), 0);
    assert_int_equal(records(x), 1);
}

/* SAVER_KEEP kept already: the next failure is not kept, and its screen
 * waits (no time-out, no Start over) until a Retry works. */
static void test_full_keep_holds_the_screen(void **state)
{
    fx *x = *state;
    x->disk.full = true;
    for (int i = 0; i < SAVER_KEEP; i++) {
        to_saving(x);
        saver_step(x->sv, x->f, at(x));
        assert_true(flow_save_kept(x->f));
        pass(x, 90000 + 20000);
        assert_int_equal(flow_screen(x->f), SCREEN_WELCOME);
    }
    assert_int_equal(saver_kept(x->sv), SAVER_KEEP);
    to_saving(x);
    saver_step(x->sv, x->f, at(x));
    assert_true(flow_save_failed(x->f));
    assert_false(flow_save_kept(x->f));
    assert_int_equal(logged(x, SAVER_WARNING, "could not be kept"), 1);
    pass(x, 3600 * 1000);
    assert_int_equal(flow_screen(x->f), SCREEN_SAVING);
    assert_int_equal(flow_intake(x->f)->nmarks, 2);
    assert_int_equal(flow_send(x->f, EV_START_OVER, 0, x->now), PM_ERR_STATE);
    x->disk.full = false;
    pass(x, SAVER_RETRY_MS);
    assert_int_equal(saver_kept(x->sv), 0);
    assert_int_equal(flow_send(x->f, EV_RETRY_SAVE, 0, x->now), PM_OK);
    saver_step(x->sv, x->f, at(x));
    assert_int_equal(flow_screen(x->f), SCREEN_THANKS);
    assert_int_equal(records(x), SAVER_KEEP + 1);
}

/* The kiosk stops: one last try; what still fails is said at error
 * priority. */
static void test_flush_tries_once_more(void **state)
{
    fx *x = *state;
    to_saving(x);
    x->disk.full = true;
    saver_step(x->sv, x->f, at(x));
    assert_int_equal(saver_flush(x->sv, at(x)), 1);
    assert_int_equal(logged(x, SAVER_ERR, "lost"), 1);
    x->disk.full = false;
    assert_int_equal(saver_flush(x->sv, at(x)), 0);
    assert_int_equal(records(x), 1);
}

/* record_save itself: a full second moves the record on, and it says so. */
static void test_record_save_full_second(void **state)
{
    fx *x = *state;
    intake *in = malloc(sizeof *in);
    tu_walk_to(x->f, x->c, SCREEN_SAVING, &x->now);
    *in = *flow_intake(x->f);
    record_saved rec;
    pm_msg err;
    for (int i = 0; i < 101; i++)
        assert_int_equal(record_save(x->s, x->c, in, T0, 0, &rec, &err), PM_OK);
    assert_true(rec.saved_at == T0 + 1);
    assert_string_equal(rec.stem, "20261127-090001-00");
    assert_false(rec.page_missing);
    assert_int_equal(record_save(NULL, x->c, in, T0, 0, &rec, &err), PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "state folder"));
    free(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_save_moves_the_flow_on, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_save_retried_by_itself, setup, teardown),
        cmocka_unit_test_setup_teardown(test_left_failed_save_is_kept_and_saved_later, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_retry_tap_reuses_the_kept_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_full_keep_holds_the_screen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flush_tries_once_more, setup, teardown),
        cmocka_unit_test_setup_teardown(test_record_save_full_second, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
