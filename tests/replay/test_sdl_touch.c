/* test_sdl_touch.c — real SDL touch events travel the path a finger's do:
 * the kiosk headless on an 800x480 panel mounted at 90 degrees, SDL finger
 * events pushed at the panel points under the widgets (through the
 * rotation) into app_sdl_event, the one way in (ui/app.h): Start leaves
 * welcome, a second finger presses nothing, a stroke on the consent pad
 * draws a signature, Back goes back. The replay driver can inject events
 * the same way. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hands.h"
#include "ui/app.h"
#include "ui/input.h"

#define PANEL_W 480
#define PANEL_H 800
#define ROTATE 90

static app *kiosk;

/* A finger event at the panel point under logical (x, y). */
static bool finger(Uint32 type, int x, int y, SDL_FingerID id)
{
    int lw = app_width(kiosk), lh = app_height(kiosk);
    input_map m = {ROTATE, PANEL_W, PANEL_H, lw, lh};
    double ox, oy;
    input_to_output(&m, x + 0.5, y + 0.5, &ox, &oy);
    SDL_Event e = {.type = type};
    e.tfinger.fingerId = id;
    e.tfinger.x = (float)(ox / PANEL_W);
    e.tfinger.y = (float)(oy / PANEL_H);
    return app_sdl_event(kiosk, &e);
}

/* A person's tap: a moment to reach it, the finger down a moment. */
static void touch_widget(const char *id)
{
    const widget *w = app_widget(kiosk, id);
    if (!w)
        fail_msg("no '%s' on the %s screen", id, app_screen_name(kiosk));
    int x = w->r.x + w->r.w / 2, y = w->r.y + w->r.h / 2;
    app_advance(kiosk, 400);
    assert_true(finger(SDL_FINGERDOWN, x, y, 1));
    app_advance(kiosk, 80);
    assert_true(finger(SDL_FINGERUP, x, y, 1));
    app_update(kiosk);
}

static int setup(void **state)
{
    (void)state;
    char state_dir[] = "/tmp/painmap-touch-XXXXXX";
    if (!mkdtemp(state_dir))
        return -1;
    const char *data = getenv("PAINMAP_DATA_DIR");
    app_options o = {.w = PANEL_W, .h = PANEL_H, .rotate = ROTATE, .headless = true,
                     .data_dir = data ? data : "data", .state_dir = state_dir,
                     .font_dir = getenv("PAINMAP_FONT_DIR")};
    kiosk = app_create(&o);
    return kiosk && app_flow(kiosk) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    app_destroy(kiosk);
    return 0;
}

static void test_touches_through_the_rotation(void **state)
{
    (void)state;
    assert_int_equal(app_width(kiosk), 800); /* the client sees landscape */
    assert_int_equal(app_height(kiosk), 480);
    assert_string_equal(app_screen_name(kiosk), "welcome");
    touch_widget("start");
    assert_string_equal(app_screen_name(kiosk), "about");
    /* A second finger while one is down presses nothing. */
    const widget *next = app_widget(kiosk, "next");
    assert_non_null(next);
    int nx = next->r.x + next->r.w / 2, ny = next->r.y + next->r.h / 2;
    app_advance(kiosk, 400);
    assert_true(finger(SDL_FINGERDOWN, 5, 5, 1));
    assert_true(finger(SDL_FINGERDOWN, nx, ny, 2));
    assert_true(finger(SDL_FINGERUP, nx, ny, 2));
    assert_true(finger(SDL_FINGERUP, 5, 5, 1));
    app_update(kiosk);
    assert_string_equal(app_screen_name(kiosk), "about");
    touch_widget("back");
    assert_string_equal(app_screen_name(kiosk), "welcome");
}

/* A finger stroke on the consent pad: down, motion, up as SDL events make
 * a signature of several points, as a replay's drag does. */
static void test_a_stroke_signs(void **state)
{
    (void)state;
    char why[700];
    assert_true(kit_press(kiosk, "start", why, sizeof why));
    for (int guard = 0; guard < 80 && strcmp(app_screen_name(kiosk), "consent") != 0; guard++) {
        const char *name = app_screen_name(kiosk);
        if (strcmp(name, "name") == 0 && !kit_type(kiosk, "Ana", why, sizeof why))
            fail_msg("%s", why);
        if (strcmp(name, "chart") == 0 && !flow_intake(app_flow(kiosk))->nmarks)
            assert_true(kit_press(kiosk, "calf_l", why, sizeof why) ||
                        (kit_press(kiosk, "view_back", why, sizeof why) &&
                         kit_press(kiosk, "calf_l", why, sizeof why)));
        if (strcmp(name, "details") == 0)
            kit_press(kiosk, "intensity_3", why, sizeof why);
        if (strcmp(name, "screening") == 0)
            kit_press(kiosk, "answer_no", why, sizeof why);
        if (strcmp(name, "patterns") == 0)
            kit_press(kiosk, "none_of_these", why, sizeof why);
        kit_press(kiosk, "next", why, sizeof why);
    }
    assert_string_equal(app_screen_name(kiosk), "consent");
    const widget *pad = app_widget(kiosk, "signature");
    assert_non_null(pad);
    SDL_Rect r = pad->r;
    int y = r.y + r.h / 2;
    app_advance(kiosk, 400);
    assert_true(finger(SDL_FINGERDOWN, r.x + r.w / 5, y, 1));
    for (int i = 1; i <= 6; i++) {
        app_advance(kiosk, 16);
        assert_true(finger(SDL_FINGERMOTION, r.x + r.w / 5 + i * r.w / 10, y + (i % 2) * 10, 1));
    }
    assert_true(finger(SDL_FINGERUP, r.x + r.w * 4 / 5, y, 1));
    app_update(kiosk);
    const intake *in = flow_intake(app_flow(kiosk));
    assert_int_equal(in->nsig, 7);
    assert_true(in->sig[0].starts_stroke);
    assert_false(in->sig[6].starts_stroke);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_touches_through_the_rotation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_stroke_signs, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
