/* test_png_compare.c — the golden rule (kiosk/testkit/sdl/png.h) catches
 * what a person would see: the welcome golden darkened by 25 per channel,
 * or with a 10x10 magenta patch pasted in, is reported as different, with
 * the first differing pixel and both its colours; so is `painmap
 * --compare`; anti-aliasing noise within 8 per channel is not; the budget
 * is 20 pixels. Issue 15, item 5. */
#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "png.h"

static char golden[1024], work[1024];

static const char *path_in_work(const char *name)
{
    static char buf[4][1100];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", work, name);
    return buf[k];
}

/* The golden, changed by change(), written to work/name. */
static void make_variant(const char *name, void (*change)(SDL_Surface *s))
{
    SDL_Surface *raw = IMG_Load(golden);
    assert_non_null(raw);
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    assert_non_null(s);
    change(s);
    assert_int_equal(IMG_SavePNG(s, path_in_work(name)), 0);
    SDL_FreeSurface(s);
}

static Uint32 *pixel(SDL_Surface *s, int x, int y)
{
    return (Uint32 *)((Uint8 *)s->pixels + y * s->pitch) + x;
}

static void darken_25(SDL_Surface *s)
{
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            Uint32 *p = pixel(s, x, y), v = *p, out = v & 0xFF000000u;
            for (int sh = 0; sh < 24; sh += 8) {
                int c = (int)(v >> sh & 255) - 25;
                out |= (Uint32)(c < 0 ? 0 : c) << sh;
            }
            *p = out;
        }
}

static void magenta_patch(SDL_Surface *s)
{
    SDL_Rect r = {300, 200, 10, 10};
    SDL_FillRect(s, &r, 0xFFFF00FFu);
}

/* Noise a font rasteriser could make: 8 per channel on a thousand pixels. */
static void noise_8(SDL_Surface *s)
{
    for (int i = 0; i < 1000; i++) {
        Uint32 *p = pixel(s, i % s->w, (i * 7) % s->h);
        Uint32 b = *p & 255;
        *p = (*p & ~255u) | (b >= 8 ? b - 8 : b + 8);
    }
}

static int nchanged;
static void change_n_by_9(SDL_Surface *s)
{
    for (int i = 0; i < nchanged; i++) {
        Uint32 *p = pixel(s, 50 + i, 60);
        Uint32 g = *p >> 8 & 255;
        *p = (*p & ~0xFF00u) | (g >= 9 ? g - 9 : g + 9) << 8;
    }
}

static png_diff compare_with_golden(const char *name)
{
    png_diff d;
    char why[256] = "";
    png_rule rule = png_golden_rule();
    int rc = png_compare(path_in_work(name), golden, rule.tolerance,
                         path_in_work("last.diff.png"), &d, why, sizeof why);
    if (rc != 0)
        fail_msg("cannot compare: %s", why);
    return d;
}

static void test_the_golden_is_itself(void **state)
{
    (void)state;
    png_diff d;
    char why[256];
    assert_int_equal(png_compare(golden, golden, 0, NULL, &d, why, sizeof why), 0);
    assert_int_equal(d.differ, 0);
    assert_int_equal(d.first_x, -1);
}

static void test_darkened_by_25_is_different(void **state)
{
    (void)state;
    make_variant("darkened.png", darken_25);
    png_diff d = compare_with_golden("darkened.png");
    png_rule rule = png_golden_rule();
    assert_false(png_same(&d, &rule));
    assert_true(d.differ == (long)d.w * d.h); /* every pixel: the welcome has no black */
    assert_int_equal(d.first_x, 0);
    assert_int_equal(d.first_y, 0);
    assert_int_equal(d.worst, 25);
    char said[512];
    png_describe(&d, &rule, "the shot", "the golden", said, sizeof said);
    assert_non_null(strstr(said, "the first at (0, 0): #DCDAD5 in the shot, #F5F3EE in the golden"));
}

static void test_magenta_patch_is_different(void **state)
{
    (void)state;
    make_variant("magenta.png", magenta_patch);
    png_diff d = compare_with_golden("magenta.png");
    png_rule rule = png_golden_rule();
    assert_false(png_same(&d, &rule));
    assert_int_equal(d.differ, 100);
    assert_int_equal(d.first_x, 300);
    assert_int_equal(d.first_y, 200);
    assert_int_equal(d.first_a, 0xFF00FF);
}

static void test_noise_within_tolerance_and_budget(void **state)
{
    (void)state;
    png_rule rule = png_golden_rule();
    make_variant("noise.png", noise_8);
    png_diff d = compare_with_golden("noise.png");
    assert_int_equal(d.differ, 0);
    assert_true(png_same(&d, &rule));
    nchanged = PNG_GOLDEN_BUDGET;
    make_variant("budget.png", change_n_by_9);
    d = compare_with_golden("budget.png");
    assert_int_equal(d.differ, PNG_GOLDEN_BUDGET);
    assert_true(png_same(&d, &rule));
    nchanged = PNG_GOLDEN_BUDGET + 1;
    make_variant("over.png", change_n_by_9);
    d = compare_with_golden("over.png");
    assert_false(png_same(&d, &rule));
    assert_int_equal(d.first_x, 50);
    assert_int_equal(d.first_y, 60);
}

/* The command line says it too, exits 1, and writes a picture of the
 * differences only where --diff says. */
static void test_painmap_compare_says_different(void **state)
{
    (void)state;
    const char *bin = getenv("PAINMAP_BIN");
    assert_non_null(bin);
    make_variant("darkened.png", darken_25);
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' --compare '%s' '%s' --diff '%s'", bin,
             path_in_work("darkened.png"), golden, path_in_work("cli.diff.png"));
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char out[2048] = "";
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    int status = pclose(p);
    assert_int_equal(WEXITSTATUS(status), 1);
    assert_non_null(strstr(out, "compare: different: "));
    assert_non_null(strstr(out, "the first at (0, 0): #DCDAD5 in"));
    struct stat st;
    assert_int_equal(stat(path_in_work("cli.diff.png"), &st), 0);
    /* without --diff: no picture anywhere */
    snprintf(cmd, sizeof cmd, "'%s' --compare '%s' '%s' >/dev/null", bin,
             path_in_work("magenta.png"), golden);
    make_variant("magenta.png", magenta_patch);
    remove(path_in_work("magenta.png.diff.png"));
    assert_int_equal(WEXITSTATUS(system(cmd)), 1);
    assert_int_not_equal(stat(path_in_work("magenta.png.diff.png"), &st), 0);
}

/* Nothing has ever written a difference picture into the goldens. */
static void test_no_diff_picture_beside_the_goldens(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", golden);
    *strrchr(dir, '/') = '\0';
    *strrchr(dir, '/') = '\0'; /* tests/replay/golden */
    const char *sizes[] = {"800x480", "1280x800", "720x1280"};
    for (int i = 0; i < 3; i++) {
        char sub[1100];
        snprintf(sub, sizeof sub, "%s/%s", dir, sizes[i]);
        DIR *d = opendir(sub);
        assert_non_null(d);
        struct dirent *e;
        while ((e = readdir(d)))
            if (strstr(e->d_name, ".diff."))
                fail_msg("%s/%s: a difference picture in the source tree", sub, e->d_name);
        closedir(d);
    }
}

int main(void)
{
    const char *tests = getenv("PAINMAP_TESTS_DIR");
    const char *w = getenv("PAINMAP_GOLDEN_WORK");
    snprintf(golden, sizeof golden, "%s/replay/golden/800x480/welcome.png", tests ? tests : "tests");
    snprintf(work, sizeof work, "%s", w ? w : "golden-work");
    mkdir(work, 0755);
    const struct CMUnitTest t[] = {
        cmocka_unit_test(test_the_golden_is_itself),
        cmocka_unit_test(test_darkened_by_25_is_different),
        cmocka_unit_test(test_magenta_patch_is_different),
        cmocka_unit_test(test_noise_within_tolerance_and_budget),
        cmocka_unit_test(test_painmap_compare_says_different),
        cmocka_unit_test(test_no_diff_picture_beside_the_goldens),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
