/* test_prompt.c — the idle prompt's countdown drawn over the kept, dimmed
 * screen (redraw.c: each second only the card) gives the pixels of the
 * prompt drawn whole at that second.
 *
 * Two kiosks walk to the chart, mark an area and wait: one until the
 * prompt shows, then a second more (its countdown tick drawn over the kept
 * screen); the other, the same time in one wait (the prompt drawn whole).
 * Same clock, same countdown: the frames must be the same, pixel for
 * pixel, at two sizes and in both views of the chart. */
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
#include "ui/render.h"

static SDL_Surface *frame_after(const char *dir, int w, int h, const char *script)
{
    app *a = frames_kiosk(dir, w, h, 0);
    frames_walk(a, dir, script);
    SDL_Surface *s = r_snapshot(app_render(a));
    assert_non_null(s);
    app_destroy(a);
    return s;
}

static void countdown_over_kept_screen(void **state)
{
    (void)state;
    assert_non_null(getenv("PAINMAP_DATA_DIR"));
    char dir[] = "/tmp/painmap-prompt-XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const start =
        "press start\ntype Olga\npress next\nexpect chart\npress shoulder_front_l\n";
    static const char *const views[2] = {"", "press view_back\npress calf_l\n"};
    const int sizes[2][2] = {{800, 480}, {1280, 800}};
    long differ = 0;
    for (int s = 0; s < 2; s++)
        for (int v = 0; v < 2; v++) {
            char kept[512], whole[512];
            /* the prompt shows at 90 s: drawn whole at 90.5 s, then ticks */
            snprintf(kept, sizeof kept,
                     "%s%swait 89000\nwait 1500\nexpect still_there\nwait 1000\nwait 1000\n"
                     "expect still_there\n", start, views[v]);
            snprintf(whole, sizeof whole, "%s%swait 89000\nwait 3500\nexpect still_there\n",
                     start, views[v]);
            SDL_Surface *a = frame_after(dir, sizes[s][0], sizes[s][1], kept);
            SDL_Surface *b = frame_after(dir, sizes[s][0], sizes[s][1], whole);
            long n = frames_differing(a, b);
            if (n)
                print_message("%dx%d, view %d: %ld pixels differ\n", sizes[s][0], sizes[s][1], v, n);
            differ += n;
            SDL_FreeSurface(a);
            SDL_FreeSurface(b);
        }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(differ, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(countdown_over_kept_screen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
