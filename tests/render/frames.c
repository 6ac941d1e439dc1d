/* frames.c — see frames.h. */
#include "frames.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "driver.h"

app *frames_kiosk(const char *dir, int w, int h, int rotate)
{
    const char *data = getenv("PAINMAP_DATA_DIR");
    assert_non_null(data);
    static char assets[1024];
    snprintf(assets, sizeof assets, "%s/../assets", data);
    app_options o = {.w = w, .h = h, .rotate = rotate, .headless = true, .data_dir = data,
                     .assets_dir = assets, .state_dir = dir,
                     .font_dir = getenv("PAINMAP_FONT_DIR")};
    app *a = app_create(&o);
    assert_non_null(a);
    return a;
}

void frames_walk(app *a, const char *dir, const char *script)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/walk.replay", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(script, f);
    fclose(f);
    replay_opts ro = {.tolerance = -1, .budget = -1, .quiet = true, .no_shots = true};
    assert_int_equal(replay_run_file(a, path, &ro), 0);
    if (app_dirty(a))
        app_draw(a);
}

long frames_differing(const SDL_Surface *x, const SDL_Surface *y)
{
    if (x->w != y->w || x->h != y->h)
        return -1;
    long n = 0;
    for (int r = 0; r < x->h; r++) {
        const Uint32 *p = (const Uint32 *)((const Uint8 *)x->pixels + r * x->pitch);
        const Uint32 *q = (const Uint32 *)((const Uint8 *)y->pixels + r * y->pitch);
        for (int c = 0; c < x->w; c++)
            n += p[c] != q[c];
    }
    return n;
}
