/* test_export_steps.c — the copy to a USB stick goes on between frames,
 * not inside the touch that starts it (issue 16: every tap within a frame).
 *
 * The kiosk headless at 800x480 with two saved intakes, the test clinic's
 * PIN (tests/replay/staff.conf) and a folder standing in for the stick;
 * staff hold the clinic's name, type the PIN and press "export", then
 * "start". The touch on "start" must show the copying screen with nothing
 * copied yet; each step between frames (app_work) copies one file and the
 * progress moves; after the last one the report shows and both intakes are
 * marked exported. A stick pulled out halfway ends with a report that says
 * so, and nothing marked exported: both intakes stay new on the kiosk. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "../unit/samples.h"
#include "../unit/testutil.h"
#include "hands.h"
#include "ui/app.h"

typedef struct {
    char state[64], usb[64];
    pm_config cfg;
    app *kiosk;
} fixture;

/* Files (not folders) under dir, at any depth. */
static int files_under(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        n += S_ISDIR(st.st_mode) ? files_under(path) : 1;
    }
    closedir(d);
    return n;
}

/* Files in the kiosk's intakes folder whose names end with suffix. */
static int intake_files(const fixture *f, const char *suffix)
{
    char dir[128];
    snprintf(dir, sizeof dir, "%s/intakes", f->state);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    size_t ls = strlen(suffix);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        n += l > ls && strcmp(e->d_name + l - ls, suffix) == 0;
    }
    closedir(d);
    return n;
}

static void press(fixture *f, const char *id)
{
    char why[700];
    if (!kit_press(f->kiosk, id, why, sizeof why))
        fail_msg("%s", why);
}

static void expect_screen(fixture *f, const char *name)
{
    if (app_dirty(f->kiosk))
        app_draw(f->kiosk);
    assert_string_equal(app_screen_name(f->kiosk), name);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->state, sizeof f->state, "/tmp/painmap-steps-XXXXXX");
    snprintf(f->usb, sizeof f->usb, "/tmp/painmap-stick-XXXXXX");
    const char *tests = getenv("PAINMAP_TESTS_DIR");
    char conf[512];
    snprintf(conf, sizeof conf, "%s/replay/staff.conf", tests ? tests : "tests");
    pm_msgs msgs;
    pm_msgs_init(&msgs);
    pm_status st = config_load(conf, &f->cfg, &msgs);
    pm_msgs_free(&msgs);
    if (st != PM_OK || !mkdtemp(f->state) || !mkdtemp(f->usb))
        return -1;
    const char *data = getenv("PAINMAP_DATA_DIR");
    app_options o = {.w = 800, .h = 480, .headless = true, .data_dir = data ? data : "data",
                     .state_dir = f->state, .font_dir = getenv("PAINMAP_FONT_DIR"),
                     .config = &f->cfg, .usb_mount = f->usb, .usb_any_folder = true};
    f->kiosk = app_create(&o);
    if (!f->kiosk || !app_flow(f->kiosk))
        return -1;
    /* two clients' intakes, saved as the kiosk saves them, this morning */
    store *s = NULL;
    pm_msg err;
    if (store_open(f->state, NULL, &s, &err) != PM_OK)
        return -1;
    int64_t now = app_wall_time(f->kiosk);
    sample_save(s, app_content(f->kiosk), SAMPLE_URGENT, "Ana Ruiz", now - 3600, NULL);
    sample_save(s, app_content(f->kiosk), SAMPLE_PLAIN, "Tom Lee", now - 1800, NULL);
    store_close(s);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    app_destroy(f->kiosk);
    tu_rmtree(f->state);
    tu_rmtree(f->usb);
    free(f);
    return 0;
}

/* Staff mode opened, the export screen, and the touch on "start". */
static void start_the_copy(fixture *f)
{
    const widget *name = app_widget(f->kiosk, "clinic_name");
    assert_non_null(name);
    kit_hold(f->kiosk, name->r.x + name->r.w / 2, name->r.y + name->r.h / 2, 3100);
    expect_screen(f, "staff_pin");
    press(f, "pin_2");
    press(f, "pin_5");
    press(f, "pin_8");
    press(f, "pin_0");
    press(f, "pin_ok");
    expect_screen(f, "staff_queue");
    press(f, "export_new");
    expect_screen(f, "staff_export");
    press(f, "export_start");
}

static void test_the_copy_goes_on_between_frames(void **state)
{
    fixture *f = *state;
    start_the_copy(f);
    /* The touch shows the copy starting: the copying screen, nothing copied. */
    expect_screen(f, "staff_exporting");
    size_t done = 9, total = 0;
    desk_export_progress(app_desk(f->kiosk), &done, &total);
    assert_int_equal(done, 0);
    assert_int_equal(total, 8); /* the questionnaire, 3 files each, the index */
    assert_int_equal(files_under(f->usb), 0);
    assert_int_equal(intake_files(f, ".exported"), 0);
    /* Each step between frames copies at most one file and moves the bar. */
    int steps = 0;
    size_t before = 0;
    while (strcmp(app_screen_name(f->kiosk), "staff_exporting") == 0) {
        assert_true(app_work(f->kiosk));
        steps++;
        app_draw(f->kiosk); /* the frame after the step, with its progress */
        if (strcmp(app_screen_name(f->kiosk), "staff_exporting") != 0)
            break;
        desk_export_progress(app_desk(f->kiosk), &done, &total);
        assert_true(done == before || done == before + 1);
        assert_int_equal(files_under(f->usb), (int)done);
        before = done;
        assert_true(steps < 20);
    }
    assert_true(steps >= 8); /* spread over frames, not done at once */
    assert_false(app_work(f->kiosk)); /* nothing left to do between frames */
    expect_screen(f, "staff_export_done");
    const export_report *rep = desk_report(app_desk(f->kiosk));
    assert_non_null(rep);
    assert_int_equal(rep->nmarked, 2);
    assert_non_null(strstr(rep->summary, "You can remove the stick now."));
    assert_int_equal(files_under(f->usb), 8);
    assert_int_equal(intake_files(f, ".exported"), 2);
}

static void test_a_stick_pulled_out_halfway_loses_nothing(void **state)
{
    fixture *f = *state;
    start_the_copy(f);
    expect_screen(f, "staff_exporting");
    assert_true(app_work(f->kiosk)); /* the questionnaire */
    assert_true(app_work(f->kiosk)); /* Ana's first file */
    assert_int_equal(files_under(f->usb), 2);
    tu_rmtree(f->usb); /* the stick is pulled out */
    /* Time passes: the copy ends, each file failing, and says so. */
    app_advance(f->kiosk, 100);
    expect_screen(f, "staff_export_done");
    const export_report *rep = desk_report(app_desk(f->kiosk));
    assert_non_null(rep);
    assert_int_equal(rep->nmarked, 0);
    assert_non_null(strstr(rep->summary, "Nothing was marked exported"));
    /* both intakes are still on the kiosk, still new */
    assert_int_equal(intake_files(f, ".exported"), 0);
    assert_int_equal(intake_files(f, ".json"), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_copy_goes_on_between_frames, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_stick_pulled_out_halfway_loses_nothing, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
