/* test_retention.c — intakes are deleted when their days are up and only
 * then, with the wall clock injected (retention.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "queue.h"
#include "retention.h"
#include "samples.h"
#include "testutil.h"

#define T0 INT64_C(1795800612) /* 2026-11-27T17:30:12Z */
#define DAY RETENTION_DAY_S

typedef tu_fixture fixture;

static bool has(fixture *f, const char *stem)
{
    char path[1024];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s.json", store_intakes_dir(f->s), stem);
    return stat(path, &st) == 0;
}

static bool has_file(fixture *f, const char *stem, const char *ext)
{
    char path[1024];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s.%s", store_intakes_dir(f->s), stem, ext);
    return stat(path, &st) == 0;
}

/* The old rules: every intake ages out, copied or not (delete_uncopied). */
static pm_status run(fixture *f, uint32_t days, int32_t after, int64_t now, retention_result *r,
                     pm_msgs *log)
{
    retention_rules rules = {days, after, true};
    return retention_run(f->s, &rules, now, r, log);
}

static void dump(const pm_msgs *m)
{
    for (size_t i = 0; i < m->count; i++)
        fprintf(stderr, "  log: %s\n", m->items[i]);
}

static void test_old_intakes_go(void **state)
{
    fixture *f = *state;
    char s40[STORE_STEM_MAX], s30[STORE_STEM_MAX], s29[STORE_STEM_MAX], s1[STORE_STEM_MAX],
        sfut[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_URGENT, "Old", T0 - 40 * DAY, s40);
    sample_save(f->s, f->c, SAMPLE_PLAIN, "Edge", T0 - 30 * DAY, s30); /* exactly due */
    sample_save(f->s, f->c, SAMPLE_PLAIN, "Young", T0 - 30 * DAY + 1, s29);
    sample_save(f->s, f->c, SAMPLE_PLAIN, "New", T0 - DAY, s1);
    sample_save(f->s, f->c, SAMPLE_PLAIN, "Future", T0 + DAY, sfut);
    pm_msg err;
    assert_int_equal(queue_mark_seen(f->s, s40, T0, &err), PM_OK);

    retention_result r;
    pm_msgs log;
    pm_msgs_init(&log);
    assert_int_equal(run(f, 30, CONFIG_UNSET, T0, &r, &log), PM_OK);
    dump(&log);
    assert_int_equal(r.deleted, 2);
    assert_int_equal(r.kept, 2);
    assert_int_equal(r.future, 1);
    assert_int_equal(r.failed, 0);
    assert_int_equal(r.next_due, T0 + 1);
    assert_false(has(f, s40));
    assert_false(has_file(f, s40, "html"));
    assert_false(has_file(f, s40, "seen"));
    assert_false(has(f, s30));
    assert_true(has(f, s29));
    assert_true(has(f, s1));
    assert_true(has(f, sfut));
    bool said = false;
    for (size_t i = 0; i < log.count; i++)
        said = said || (strstr(log.items[i], s40) && strstr(log.items[i], "retention_days"));
    assert_true(said);
    pm_msgs_free(&log);

    /* one second later the next one goes */
    assert_int_equal(run(f, 30, CONFIG_UNSET, T0 + 1, &r, NULL), PM_OK);
    assert_int_equal(r.deleted, 1);
    assert_false(has(f, s29));
}

static void test_exported_go_sooner(void **state)
{
    fixture *f = *state;
    char a[STORE_STEM_MAX], b[STORE_STEM_MAX], c[STORE_STEM_MAX], d[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "A", T0 - 10 * DAY, a);
    sample_save(f->s, f->c, SAMPLE_PLAIN, "B", T0 - 10 * DAY + 1, b);
    sample_save(f->s, f->c, SAMPLE_PLAIN, "C", T0 - 10 * DAY + 2, c);
    sample_save(f->s, f->c, SAMPLE_PLAIN, "D", T0 - 10 * DAY + 3, d);
    pm_msg err;
    assert_int_equal(queue_mark_exported(f->s, a, T0 - 3 * DAY, "x", &err), PM_OK);
    assert_int_equal(queue_mark_exported(f->s, b, T0 - DAY, "x", &err), PM_OK);
    assert_int_equal(queue_mark_exported(f->s, d, T0 - 1, "x", &err), PM_OK);
    /* not configured: exported ones stay for the retention days */
    retention_result r;
    assert_int_equal(run(f, 30, CONFIG_UNSET, T0, &r, NULL), PM_OK);
    assert_int_equal(r.deleted, 0);
    /* two days after export */
    assert_int_equal(run(f, 30, 2, T0, &r, NULL), PM_OK);
    assert_int_equal(r.deleted, 1);
    assert_false(has(f, a));
    assert_true(has(f, b));
    assert_true(has(f, c)); /* never exported: only the retention days count */
    assert_true(has(f, d));
    /* 0: at the first run after the export */
    assert_int_equal(run(f, 30, 0, T0, &r, NULL), PM_OK);
    assert_int_equal(r.deleted, 2);
    assert_false(has(f, b));
    assert_false(has(f, d));
    assert_true(has(f, c));
    /* an export marker can only make an intake go sooner, never later */
    assert_int_equal(queue_mark_exported(f->s, c, T0 + 100 * DAY, "x", &err), PM_OK);
    assert_int_equal(run(f, 5, 30, T0, &r, NULL), PM_OK);
    assert_false(has(f, c));
}

static void test_config_drives_it(void **state)
{
    fixture *f = *state;
    char a[STORE_STEM_MAX], b[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "A", T0 - 8 * DAY, a);
    sample_save(f->s, f->c, SAMPLE_PLAIN, "B", T0 - 2 * DAY, b);
    pm_msg err;
    assert_int_equal(queue_mark_exported(f->s, b, T0 - DAY, "x", &err), PM_OK);
    pm_config cfg;
    pm_msgs m;
    pm_msgs_init(&m);
    config_parse_string("retention_days = 7\ndelete_after_export_days = 1\n", "t", &cfg, &m);
    pm_msgs_free(&m);
    retention_result r;
    assert_int_equal(retention_run_config(f->s, &cfg, T0, &r, NULL), PM_OK);
    /* A was never copied: the clinic did not say it may go */
    assert_int_equal(r.deleted, 1);
    assert_int_equal(r.uncopied, 1);
    assert_true(has(f, a));
    assert_false(has(f, b));
    pm_msgs_init(&m);
    config_parse_string("retention_days = 7\ndelete_uncopied = yes\n", "t", &cfg, &m);
    assert_true(cfg.delete_uncopied);
    for (size_t i = 0; i < m.count; i++)
        assert_null(strstr(m.items[i], "delete_uncopied"));
    pm_msgs_free(&m);
    assert_int_equal(retention_run_config(f->s, &cfg, T0, &r, NULL), PM_OK);
    assert_int_equal(r.deleted, 1);
    assert_false(has(f, a));
}

/* Defect: three saved, never-exported intakes and a kiosk started with the
 * wall clock at 2036 (or 2099) lost all three. A clock far ahead of the
 * newest intake deletes nothing, even where the clinic lets uncopied
 * intakes go, and says why. */
static void test_clock_far_ahead_deletes_nothing(void **state)
{
    fixture *f = *state;
    const int64_t far[] = {INT64_C(2085523200) /* 2036-02-01 */, INT64_C(4070908800) /* 2099 */};
    char st[3][STORE_STEM_MAX];
    for (int i = 0; i < 3; i++)
        sample_save(f->s, f->c, SAMPLE_PLAIN, "Kept", T0 - 3 * DAY + i, st[i]);
    for (size_t k = 0; k < 2; k++) {
        retention_result r;
        pm_msgs log;
        pm_msgs_init(&log);
        assert_int_equal(run(f, 1, 0, far[k], &r, &log), PM_ERR_STATE);
        assert_int_equal(r.clock, RETENTION_CLOCK_JUMPED);
        assert_int_equal(r.deleted, 0);
        assert_int_equal(r.reference, T0 - 3 * DAY + 2);
        assert_int_equal(log.count, 1);
        assert_non_null(strstr(log.items[0], "confirm the date"));
        pm_msgs_free(&log);
        /* the defaults (uncopied intakes kept) would not delete them anyway */
        pm_config cfg;
        config_defaults(&cfg, NULL);
        assert_int_equal(retention_run_config(f->s, &cfg, far[k], &r, NULL), PM_ERR_STATE);
    }
    for (int i = 0; i < 3; i++)
        assert_true(has(f, st[i]));
    /* the clock is put right: it is trusted again and nothing is due */
    retention_result r;
    assert_int_equal(run(f, 30, CONFIG_UNSET, T0, &r, NULL), PM_OK);
    assert_int_equal(r.kept, 3);
}

/* The reference moves with every trusted run, so a kiosk that runs daily
 * is believed for ever; a month's jump between two runs is not, until staff
 * confirm the date. */
static void test_clock_trust_follows_runs(void **state)
{
    fixture *f = *state;
    char a[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "A", T0 - 40 * DAY, a);
    assert_int_equal(queue_mark_exported(f->s, a, T0 - 39 * DAY, "x", &(pm_msg){{0}}), PM_OK);
    retention_result r;
    /* no trusted reading yet: the newest intake (40 days ago) is the reference */
    assert_int_equal(run(f, 60, CONFIG_UNSET, T0, &r, NULL), PM_ERR_STATE);
    assert_int_equal(retention_clock_reference(f->s), T0 - 40 * DAY);
    assert_int_equal(run(f, 60, CONFIG_UNSET, T0 - 20 * DAY, &r, NULL), PM_OK);
    assert_int_equal(retention_clock_reference(f->s), T0 - 20 * DAY);
    for (int64_t now = T0 - 20 * DAY; now <= T0 + 30 * DAY; now += DAY)
        assert_int_equal(run(f, 60, CONFIG_UNSET, now, &r, NULL), PM_OK);
    assert_false(has(f, a)); /* copied, and 60 days passed */
    int64_t last = T0 + 30 * DAY;
    assert_int_equal(retention_judge_clock(last + RETENTION_CLOCK_JUMP_S, last),
                     RETENTION_CLOCK_OK);
    assert_int_equal(retention_judge_clock(last + RETENTION_CLOCK_JUMP_S + 1, last),
                     RETENTION_CLOCK_JUMPED);
    assert_int_equal(retention_judge_clock(last - 200 * DAY, last), RETENTION_CLOCK_OK);
    assert_int_equal(run(f, 60, CONFIG_UNSET, last + 40 * DAY, &r, NULL), PM_ERR_STATE);
    pm_msg err;
    assert_int_equal(retention_confirm_clock(f->s, last + 40 * DAY, &err), PM_OK);
    assert_int_equal(run(f, 60, CONFIG_UNSET, last + 40 * DAY, &r, NULL), PM_OK);
    /* a damaged reading is ignored, never trusted blindly */
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", store_intakes_dir(f->s), RETENTION_TRUST_FILE);
    tu_write_file(path, "garbage");
    assert_int_equal(retention_clock_reference(f->s), 0);
}

/* Past its days but never copied: kept under the default rules, and said
 * once in the log (not once per intake). */
static void test_uncopied_kept_by_default(void **state)
{
    fixture *f = *state;
    char a[STORE_STEM_MAX], b[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "A", T0 - 40 * DAY, a);
    sample_save(f->s, f->c, SAMPLE_PLAIN, "B", T0 - 35 * DAY, b);
    retention_rules rules = {30, CONFIG_UNSET, false};
    retention_result r;
    pm_msgs log;
    pm_msgs_init(&log);
    assert_int_equal(retention_confirm_clock(f->s, T0 - DAY, &(pm_msg){{0}}), PM_OK);
    assert_int_equal(retention_run(f->s, &rules, T0, &r, &log), PM_OK);
    assert_int_equal(r.deleted, 0);
    assert_int_equal(r.uncopied, 2);
    assert_true(has(f, a) && has(f, b));
    assert_int_equal(log.count, 1);
    assert_non_null(strstr(log.items[0], "2 intakes are past retention_days"));
    pm_msgs_free(&log);
}

static void test_unset_clock_deletes_nothing(void **state)
{
    fixture *f = *state;
    char a[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "A", 1000, a); /* saved while the clock read 1970 */
    retention_result r;
    pm_msgs log;
    pm_msgs_init(&log);
    assert_int_equal(run(f, 1, 0, 5000000, &r, &log), PM_ERR_STATE);
    assert_int_equal(r.deleted, 0);
    assert_true(has(f, a));
    assert_int_equal(log.count, 1);
    assert_non_null(strstr(log.items[0], "clock is not set"));
    assert_int_equal(r.clock, RETENTION_CLOCK_UNSET);
    pm_msgs_free(&log);
    /* once the clock is right it ages out */
    assert_int_equal(run(f, 1, 0, T0, &r, NULL), PM_OK);
    assert_int_equal(r.deleted, 1);
}

static void test_only_intakes_are_touched(void **state)
{
    fixture *f = *state;
    char path[1024];
    snprintf(path, sizeof path, "%s/notes.json", store_intakes_dir(f->s));
    tu_write_file(path, "{}");
    snprintf(path, sizeof path, "%s/19990101-000000-00.txt", store_intakes_dir(f->s));
    tu_write_file(path, "x");
    /* a damaged record still ages out */
    snprintf(path, sizeof path, "%s/20250101-000000-00.json", store_intakes_dir(f->s));
    tu_write_file(path, "{damaged");
    retention_result r;
    pm_msgs log;
    pm_msgs_init(&log);
    assert_int_equal(run(f, 30, 0, T0, &r, &log), PM_OK);
    dump(&log);
    assert_int_equal(r.deleted, 1);
    assert_false(has(f, "20250101-000000-00"));
    snprintf(path, sizeof path, "%s/notes.json", store_intakes_dir(f->s));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    snprintf(path, sizeof path, "%s/19990101-000000-00.txt", store_intakes_dir(f->s));
    assert_int_equal(stat(path, &st), 0);
    pm_msgs_free(&log);
}

static void test_due(void **state)
{
    (void)state;
    assert_true(retention_due(-1, T0));
    assert_false(retention_due(T0, T0));
    assert_false(retention_due(T0, T0 + DAY - 1));
    assert_true(retention_due(T0, T0 + DAY));
    assert_true(retention_due(T0, T0 - 60)); /* the clock went back */
}

/* A month of a kiosk's life with the clock injected: a run at start-up and
 * whenever due (checked every hour); every intake goes within a day of its
 * due time and never before. */
static void test_a_month_of_days(void **state)
{
    fixture *f = *state;
    enum { N = 12 };
    char stems[N][STORE_STEM_MAX];
    int64_t saved[N];
    for (int i = 0; i < N; i++) {
        saved[i] = T0 + i * 2 * DAY + i * 3600;
        sample_save(f->s, f->c, SAMPLE_PLAIN, "X", saved[i], stems[i]);
    }
    const int days = 5;
    int64_t last = -1;
    int64_t gone_at[N] = { 0 };
    for (int64_t now = T0 + 3600; now < T0 + 40 * DAY; now += 3600) {
        if (!retention_due(last, now))
            continue;
        retention_result r;
        assert_int_equal(run(f, days, CONFIG_UNSET, now, &r, NULL), PM_OK);
        last = now;
        for (int i = 0; i < N; i++)
            if (!gone_at[i] && !has(f, stems[i]))
                gone_at[i] = now;
    }
    for (int i = 0; i < N; i++) {
        int64_t due = saved[i] + days * DAY;
        assert_true(gone_at[i] >= due);
        assert_true(gone_at[i] < due + DAY);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_old_intakes_go, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_exported_go_sooner, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_config_drives_it, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_unset_clock_deletes_nothing, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_only_intakes_are_touched, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_clock_far_ahead_deletes_nothing, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_clock_trust_follows_runs, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_uncopied_kept_by_default, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test(test_due),
        cmocka_unit_test_setup_teardown(test_a_month_of_days, tu_fixture_setup, tu_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
