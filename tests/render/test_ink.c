/* test_ink.c — a signature drawn a point at a time over the frame as it is
 * (the consent screen's ink op, redraw.c app_draw_ink) gives the pixels of
 * the whole screen drawn again, and a moving finger does not ask for the
 * whole screen.
 *
 * The kiosk walks tests/replay/walk.replay (the test kit's replay driver,
 * no pictures) until the consent screen shows; there a finger signs two
 * strokes through the panel's events, and the frame is compared with the
 * same frame drawn whole. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "frames.h"
#include "hands.h"
#include "ui/render.h"

typedef struct {
    bool reached;
    long moves, whole_asked, differ;
} ink_run;

/* Every pixel of the frame now against the frame drawn whole. */
static long against_whole(app *a)
{
    SDL_Surface *inked = r_snapshot(app_render(a));
    app_draw(a);
    SDL_Surface *whole = r_snapshot(app_render(a));
    assert_non_null(inked);
    assert_non_null(whole);
    long n = frames_differing(inked, whole);
    SDL_FreeSurface(inked);
    SDL_FreeSurface(whole);
    return n;
}

/* A stroke through n points of a zigzag across the pad, as kit_drag moves
 * a finger, noting whether each move asked for the whole screen. */
static void stroke(app *a, SDL_Rect pad, int n, int phase, ink_run *t)
{
    int x0 = pad.x + pad.w / 8, y0 = pad.y + pad.h / 3;
    app_advance(a, KIT_REACH_MS);
    kit_finger(a, SDL_FINGERDOWN, x0, y0);
    app_update(a);
    for (int i = 1; i < n; i++) {
        int x = x0 + i * (pad.w * 3 / 4) / n;
        int y = y0 + ((i + phase) % 3) * pad.h / 6;
        app_advance(a, KIT_MOVE_MS);
        kit_finger(a, SDL_FINGERMOTION, x, y);
        t->moves++;
        t->whole_asked += app_dirty(a);
        app_update(a);
    }
    app_advance(a, KIT_MOVE_MS);
    kit_finger(a, SDL_FINGERUP, x0, y0);
    app_update(a);
}

static bool at_consent(void *ctx, app *a, const replay_cmd *c)
{
    (void)c;
    ink_run *t = ctx;
    if (strcmp(app_screen_name(a), "consent") != 0)
        return true;
    t->reached = true;
    const widget *w = app_widget(a, "signature");
    assert_non_null(w);
    SDL_Rect pad = w->r;
    stroke(a, pad, 14, 0, t);
    t->differ += against_whole(a);
    stroke(a, pad, 9, 1, t); /* a second stroke, over the first */
    t->differ += against_whole(a);
    return false; /* far enough */
}

static void signature_inked_as_drawn_whole(void **state)
{
    (void)state;
    const char *data = getenv("PAINMAP_DATA_DIR");
    const char *tests = getenv("PAINMAP_TESTS_DIR");
    assert_non_null(data);
    assert_non_null(tests);
    char assets[1024], walk[1024], dir[] = "/tmp/painmap-ink-XXXXXX";
    snprintf(assets, sizeof assets, "%s/../assets", data);
    snprintf(walk, sizeof walk, "%s/replay/walk.replay", tests);
    assert_non_null(mkdtemp(dir));
    for (int s = 0; s < 2; s++) {
        app_options o = {.w = s ? 1280 : 800, .h = s ? 800 : 480, .headless = true,
                         .data_dir = data, .assets_dir = assets, .state_dir = dir,
                         .font_dir = getenv("PAINMAP_FONT_DIR")};
        app *a = app_create(&o);
        assert_non_null(a);
        ink_run t = {0};
        replay_opts ro = {.tolerance = -1, .budget = -1, .quiet = true, .no_shots = true,
                          .after = at_consent, .hook_ctx = &t};
        assert_int_equal(replay_run_file(a, walk, &ro), 0);
        assert_true(t.reached);
        assert_true(t.moves > 0);
        assert_int_equal(t.whole_asked, 0); /* every move only inked */
        assert_int_equal(t.differ, 0);
        app_destroy(a);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(signature_inked_as_drawn_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
