/* test_upkeep.c — start-up housekeeping (upkeep.h): leftovers of a power
 * cut removed, a missing print page made again from its record, old
 * intakes deleted by retention, and the daily schedule. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "samples.h"
#include "testutil.h"
#include "upkeep.h"

#define NOW INT64_C(1795800612) /* 2026-11-27T17:30:12Z */
#define DAY INT64_C(86400)

typedef tu_fixture fixture;

static bool exists(fixture *f, const char *name)
{
    char path[1200];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", store_intakes_dir(f->s), name);
    return stat(path, &st) == 0;
}

static void test_startup_repairs_and_retains(void **state)
{
    fixture *f = *state;
    char old[STORE_STEM_MAX], recent[STORE_STEM_MAX], nopage[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "Old", NOW - 40 * DAY, old);
    sample_save(f->s, f->c, SAMPLE_URGENT, "Recent", NOW - 2 * DAY, recent);
    sample_save(f->s, f->c, SAMPLE_ATTENTION, "Cut", NOW - DAY, nopage);
    /* The power went between the two writes of one save, and during another. */
    char name[STORE_STEM_MAX + 8], path[1200];
    snprintf(name, sizeof name, "%s.html", nopage);
    pm_msg err;
    assert_int_equal(store_remove(f->s, name, &err), PM_OK);
    snprintf(path, sizeof path, "%s/.tmp-half-written", store_intakes_dir(f->s));
    tu_write_file(path, "{\"schema\": \"painmap.in");

    pm_config cfg;
    config_defaults(&cfg, NULL);
    cfg.retention_days = 30;
    cfg.delete_uncopied = true;
    pm_msgs log;
    pm_msgs_init(&log);
    upkeep_result res;
    upkeep_startup(f->s, f->c, &cfg, 0, NOW, &res, &log);
    assert_int_equal(res.temp_removed, 1);
    assert_false(exists(f, ".tmp-half-written"));
    assert_int_equal(res.pages_restored, 1);
    assert_int_equal(res.pages_failed, 0);
    assert_true(exists(f, name));
    /* the page made again is the real page: it names the client */
    char *html = NULL;
    size_t len = 0;
    assert_int_equal(store_read(f->s, name, &html, &len, &err), PM_OK);
    assert_non_null(strstr(html, "Cut"));
    free(html);
    assert_int_equal(res.retention_status, PM_OK);
    assert_int_equal(res.retention.deleted, 1);
    snprintf(name, sizeof name, "%s.json", old);
    assert_false(exists(f, name));
    snprintf(name, sizeof name, "%s.json", recent);
    assert_true(exists(f, name));
    assert_true(log.count >= 3);
    pm_msgs_free(&log);
}

static void test_unreadable_record_keeps_going(void **state)
{
    fixture *f = *state;
    char path[1200];
    snprintf(path, sizeof path, "%s/20261126-080000-00.json", store_intakes_dir(f->s));
    tu_write_file(path, "{ not json");
    pm_config cfg;
    config_defaults(&cfg, NULL);
    upkeep_result res;
    upkeep_startup(f->s, f->c, &cfg, 0, NOW, &res, NULL);
    assert_int_equal(res.pages_failed, 1);
    assert_int_equal(res.pages_restored, 0);
    assert_true(exists(f, "20261126-080000-00.json")); /* never deleted for being unreadable */
}

static void test_unset_clock_deletes_nothing(void **state)
{
    fixture *f = *state;
    char stem[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "Old", NOW - 400 * DAY, stem);
    pm_config cfg;
    config_defaults(&cfg, NULL);
    upkeep_result res;
    upkeep_startup(f->s, f->c, &cfg, 0, 86400 * 3, &res, NULL); /* a Pi without RTC: 1970 */
    assert_int_equal(res.retention_status, PM_ERR_STATE);
    char name[STORE_STEM_MAX + 8];
    snprintf(name, sizeof name, "%s.json", stem);
    assert_true(exists(f, name));
}

/* Defect 1 as it was found: three saved, never-exported intakes, and the
 * kiosk starts with the wall clock at 2036-02-01 or 2099. All three stay,
 * with the clinic's default settings and with delete_uncopied = yes. */
static void test_clock_far_ahead_keeps_everything(void **state)
{
    fixture *f = *state;
    char stems[3][STORE_STEM_MAX];
    for (int i = 0; i < 3; i++)
        sample_save(f->s, f->c, SAMPLE_PLAIN, "Kept", NOW - DAY + i * 60, stems[i]);
    const int64_t far[] = {INT64_C(2085523200), INT64_C(4070908800)};
    for (int uncopied = 0; uncopied < 2; uncopied++)
        for (int k = 0; k < 2; k++) {
            pm_config cfg;
            config_defaults(&cfg, NULL);
            cfg.delete_uncopied = uncopied;
            upkeep_result res;
            upkeep_startup(f->s, f->c, &cfg, 0, far[k], &res, NULL);
            assert_int_equal(res.retention_status, PM_ERR_STATE);
            assert_int_equal(res.retention.clock, RETENTION_CLOCK_JUMPED);
            upkeep_daily(f->s, &cfg, far[k] + DAY, &res, NULL);
            assert_int_equal(res.retention.deleted, 0);
        }
    for (int i = 0; i < 3; i++) {
        char name[STORE_STEM_MAX + 8];
        snprintf(name, sizeof name, "%.*s.json", STORE_STEM_MAX - 1, stems[i]);
        assert_true(exists(f, name));
    }
}

/* Sealed at rest: records saved plain before the key was set up are sealed
 * at the next start; a sealed record without a page waits for the key and
 * gets it when staff unlock; retention ages sealed intakes by name and
 * markers, never needing the key; a missing key deletes nothing. */
static void test_sealed_upkeep(void **state)
{
    fixture *f = *state;
    char before[STORE_STEM_MAX], old[STORE_STEM_MAX], cut[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "Plainbefore", NOW - 2 * DAY, before);
    seal_public pk;
    seal_keybox kb;
    seal_secret *sk = NULL;
    tu_test_key(&pk, &kb, &sk);
    store_set_seal(f->s, &pk);
    sample_save(f->s, f->c, SAMPLE_URGENT, "Oldsealed", NOW - 40 * DAY, old);
    sample_save(f->s, f->c, SAMPLE_ATTENTION, "Cutsealed", NOW - DAY, cut);
    pm_msg err;
    char name[STORE_STEM_MAX + 16];
    snprintf(name, sizeof name, "%s.html", cut);
    assert_int_equal(store_remove(f->s, name, &err), PM_OK);
    snprintf(name, sizeof name, "%s.exported", old); /* copied long ago */
    char marker[64];
    int n = snprintf(marker, sizeof marker, "%lld\n", (long long)(NOW - 39 * DAY));
    assert_int_equal(store_write_atomic(f->s, name, marker, (size_t)n, true, &err), PM_OK);
    assert_true(tu_tree_has(f->dir, "Plainbefore"));

    pm_config cfg;
    config_defaults(&cfg, NULL);
    pm_msgs log;
    pm_msgs_init(&log);
    upkeep_result res;
    upkeep_startup(f->s, f->c, &cfg, 0, NOW, &res, &log);
    assert_int_equal(res.sealed_now, 2); /* the plain record and its page */
    assert_false(tu_tree_has(f->dir, "Plainbefore"));
    assert_int_equal(res.pages_waiting, 1);
    assert_int_equal(res.pages_failed, 0);
    /* retention needed no key: the copied old one went */
    assert_int_equal(res.retention.deleted, 1);
    snprintf(name, sizeof name, "%s.json", old);
    assert_false(exists(f, name));
    bool said = false;
    for (size_t i = 0; i < log.count; i++)
        said = said || strstr(log.items[i], "made when staff next unlock");
    assert_true(said);
    pm_msgs_free(&log);

    /* staff unlock: the page that waited is made, sealed */
    store_set_opener(f->s, sk);
    memset(&res, 0, sizeof res);
    upkeep_restore_pages(f->s, f->c, 0, &res, NULL);
    assert_int_equal(res.pages_restored, 1);
    snprintf(name, sizeof name, "%s.html", cut);
    assert_true(exists(f, name));
    assert_true(store_is_sealed(f->s, name));
    assert_false(tu_tree_has(f->dir, "Cutsealed"));
    store_set_opener(f->s, NULL);
    seal_secret_free(sk);

    /* without any key at all, everything stays (nothing is read, nothing goes) */
    store_set_seal(f->s, NULL);
    upkeep_startup(f->s, f->c, &cfg, 0, NOW + DAY, &res, NULL);
    assert_int_equal(res.retention.deleted, 0);
    assert_int_equal(store_list(f->s, NULL, NULL), 2);
}

static void test_daily_schedule(void **state)
{
    (void)state;
    assert_true(upkeep_due(-1, NOW));
    assert_false(upkeep_due(NOW, NOW + DAY - 1));
    assert_true(upkeep_due(NOW, NOW + DAY));
    assert_true(upkeep_due(NOW, NOW - 3600)); /* the clock went back */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_startup_repairs_and_retains, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_record_keeps_going, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_unset_clock_deletes_nothing, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_clock_far_ahead_keeps_everything, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_sealed_upkeep, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test(test_daily_schedule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
