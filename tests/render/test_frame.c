/* test_frame.c — where the frame is drawn (render.h, r_set_size): straight
 * into the window's surface when the panel shows it as it is, a texture
 * when it turns it; the same pixels either way, and a window that changes
 * size is drawn all again.
 *
 * The software renderer keeps the window's pixels from one frame to the
 * next, so an unturned frame needs no second frame-sized buffer (4 MB at
 * 1280x800). What must not change with it: the pictures made of part of
 * the frame (a chart's close-up, a pattern enlarged) copy what lies under
 * them from wherever the frame is, so a kiosk whose panel is turned half
 * round (the texture) and one that is not (the window) draw the same
 * logical frame, pixel for pixel. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frames.h"
#include "ui/render.h"

/* The client's walk to a marked area on the chart, and on to a pattern
 * enlarged over the patterns screen. */
static const char *const to_chart =
    "press start\ntype Olga\npress next\nexpect chart\npress shoulder_front_l\n"
    "press view_back\npress calf_l\n";
static const char *const to_pattern =
    "press view_front\npress next\nexpect details\npress intensity_3\n"
    "press duration_under_1_week\nseek quality_aching\npress quality_aching\n"
    "press next\nexpect details\npress intensity_6\npress duration_1_to_6_weeks\n"
    "seek quality_sharp\npress quality_sharp\npress next\nexpect screening\nsafety no\n"
    "expect patterns\n";

/* The frame after script at w x h, the panel turned by rotate. */
static SDL_Surface *frame_after(const char *dir, int w, int h, int rotate, const char *script,
                                bool in_window)
{
    app *a = frames_kiosk(dir, w, h, rotate);
    rctx *rc = app_render(a);
    assert_true(r_in_window(rc) == in_window);
    assert_true((r_frame(rc) != NULL) == !in_window);
    frames_walk(a, dir, script);
    SDL_Surface *s = r_snapshot(rc);
    assert_non_null(s);
    app_destroy(a);
    return s;
}

static void same_frame_in_window_or_texture(void **state)
{
    (void)state;
    assert_non_null(getenv("PAINMAP_DATA_DIR"));
    char dir[] = "/tmp/painmap-frame-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char pattern[4096];
    snprintf(pattern, sizeof pattern, "%s%spress pattern_infraspinatus\n"
             "press bigger_infraspinatus\n", to_chart, to_pattern);
    const char *const scripts[2] = {to_chart, pattern};
    const int sizes[2][2] = {{800, 480}, {1280, 800}};
    for (int s = 0; s < 2; s++)
        for (int k = 0; k < 2; k++) {
            SDL_Surface *plain = frame_after(dir, sizes[s][0], sizes[s][1], 0, scripts[k], true);
            SDL_Surface *turned = frame_after(dir, sizes[s][0], sizes[s][1], 180, scripts[k],
                                              false);
            long n = frames_differing(plain, turned);
            if (n != 0)
                fail_msg("%dx%d, %s: %ld pixels differ between the frame drawn in the window "
                         "and in a texture", sizes[s][0], sizes[s][1],
                         k ? "a pattern enlarged" : "the chart", n);
            SDL_FreeSurface(plain);
            SDL_FreeSurface(turned);
        }
}

/* A window given a new size gets a new, empty surface: the kiosk draws
 * all of it again, the frame a kiosk started at that size draws. */
static void resized_window_drawn_again(void **state)
{
    (void)state;
    char dir[] = "/tmp/painmap-frame-XXXXXX";
    assert_non_null(mkdtemp(dir));
    app *a = frames_kiosk(dir, 800, 480, 0);
    frames_walk(a, dir, "expect welcome\n");
    SDL_Window *win = SDL_RenderGetWindow(r_sdl(app_render(a)));
    assert_non_null(win);
    SDL_SetWindowSize(win, 1024, 600);
    SDL_Event e;
    bool resized = false;
    while (SDL_PollEvent(&e) == 1) {
        resized |= e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED;
        app_sdl_event(a, &e);
    }
    assert_true(resized);
    assert_true(app_dirty(a));
    app_draw(a);
    assert_int_equal(app_width(a), 1024);
    assert_true(r_in_window(app_render(a)));
    SDL_Surface *after = r_snapshot(app_render(a));
    assert_non_null(after);
    app_destroy(a);

    /* a kiosk that started at 1024x600 */
    SDL_Surface *fresh = frame_after(dir, 1024, 600, 0, "expect welcome\n", true);
    long n = frames_differing(after, fresh);
    if (n != 0)
        fail_msg("%ld pixels of the resized window differ from a kiosk started at its size", n);
    SDL_FreeSurface(after);
    SDL_FreeSurface(fresh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_frame_in_window_or_texture),
        cmocka_unit_test(resized_window_drawn_again),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
