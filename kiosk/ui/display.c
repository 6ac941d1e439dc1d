/* display.c — SDL, the window, the renderer and the rotated frame (see
 * display.h).
 *
 * Why the frame is drawn unrotated and turned only here: every screen,
 * every screenshot and every golden picture then has the client's own
 * orientation, and a panel mounted at 90 degrees shows the same pixels. */
#include "ui/display.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>

#include "platform/bigpages.h"
#include "platform/journal.h"
#include "ui/input.h"

struct display {
    SDL_Window *win;
    SDL_Renderer *ren;
    int rotate;
    bool headless;
    bool sdl, ttf;               /* started here: stopped by display_close */
};

static display *fail(display *d, char *why, size_t why_size, const char *what, const char *err)
{
    snprintf(why, why_size, "%s: %s", what, err);
    display_close(d);
    return NULL;
}

display *display_open(const display_options *o, char *why, size_t why_size)
{
    display *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    d->rotate = o->rotate;
    d->headless = o->headless;
    /* SDL's large blocks (frames, rasters) mapped and populated at once,
     * on 2 MiB pages where the kernel has them (platform/bigpages.h): set
     * once, before SDL allocates. Not under AddressSanitizer, which then
     * watches every block SDL writes, and finds leaks through all of them. */
#ifndef __SANITIZE_ADDRESS__
    static bool memory_set;
    if (!memory_set && SDL_GetNumAllocations() == 0) {
        SDL_SetMemoryFunctions(bigpages_malloc, bigpages_calloc, bigpages_realloc, bigpages_free);
        memory_set = true;
    }
#endif
    if (o->headless)
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return fail(d, why, why_size, "cannot start SDL video", SDL_GetError());
    d->sdl = true;
    if (TTF_Init() != 0)
        return fail(d, why, why_size, "cannot start SDL_ttf", TTF_GetError());
    d->ttf = true;
    IMG_Init(IMG_INIT_PNG);
    Uint32 flags = o->headless ? SDL_WINDOW_HIDDEN : SDL_WINDOW_RESIZABLE;
    if (o->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    d->win = SDL_CreateWindow("Painmap", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o->w, o->h,
                              flags);
    if (!d->win)
        return fail(d, why, why_size, "cannot open a window", SDL_GetError());
    /* a touch kiosk shows no mouse pointer on its panel; a desktop window
     * (and the tests' hidden one) keeps the system's */
    if (o->fullscreen && !o->headless)
        SDL_ShowCursor(SDL_DISABLE);
    d->ren = SDL_CreateRenderer(d->win, -1, o->headless ? SDL_RENDERER_SOFTWARE : 0);
    if (!d->ren)
        d->ren = SDL_CreateRenderer(d->win, -1, SDL_RENDERER_SOFTWARE);
    if (!d->ren)
        return fail(d, why, why_size, "cannot create a renderer", SDL_GetError());
    /* which one matters: the panel uses the GPU's (opengles2), tests the
     * software one; the GLES2 replays (tests/replay/gles2.cmake) check this */
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(d->ren, &info) == 0)
        journal_log(JOURNAL_INFO, "drawing with SDL's %s renderer", info.name);
    return d;
}

void display_close(display *d)
{
    if (!d)
        return;
    if (d->ren)
        SDL_DestroyRenderer(d->ren);
    if (d->win)
        SDL_DestroyWindow(d->win);
    if (d->sdl) {
        IMG_Quit();
        if (d->ttf)
            TTF_Quit();
        SDL_Quit();
    }
    free(d);
}

SDL_Renderer *display_renderer(const display *d) { return d->ren; }
bool display_headless(const display *d) { return d->headless; }

bool display_windowed(const display *d)
{
    return !d->headless && !(SDL_GetWindowFlags(d->win) & SDL_WINDOW_FULLSCREEN);
}

void display_logical_size(const display *d, int *lw, int *lh)
{
    int ow = 0, oh = 0;
    SDL_GetRendererOutputSize(d->ren, &ow, &oh);
    input_logical_size(d->rotate, ow, oh, lw, lh);
}

input_map display_input_map(const display *d, int lw, int lh)
{
    int ow = 0, oh = 0;
    SDL_GetRendererOutputSize(d->ren, &ow, &oh);
    return (input_map){d->rotate, ow, oh, lw, lh};
}

bool display_one_to_one(const display *d, int lw, int lh)
{
    int ow = 0, oh = 0;
    SDL_GetRendererOutputSize(d->ren, &ow, &oh);
    return d->rotate % 360 == 0 && ow == lw && oh == lh;
}

void display_present(display *d, SDL_Texture *frame, int lw, int lh)
{
    if (!frame) {
        SDL_RenderPresent(d->ren);
        return;
    }
    input_map m = display_input_map(d, lw, lh);
    double s = input_scale(&m);
    double w = lw * s, h = lh * s;
    SDL_FRect dst = {(float)((m.out_w - w) / 2), (float)((m.out_h - h) / 2), (float)w, (float)h};
    /* The frame is opaque and copied as it is (no blending); the window is
     * cleared only where the frame leaves a border. An unturned frame the
     * panel's size is one straight copy (the software renderer's turning
     * copy goes through a scratch surface: 5 M instructions at 1280x800). */
    bool turned = d->rotate % 360 != 0, across = d->rotate == 90 || d->rotate == 270;
    bool covers = (across ? h : w) >= m.out_w && (across ? w : h) >= m.out_h;
    if (!covers) {
        SDL_SetRenderDrawColor(d->ren, 0, 0, 0, 255);
        SDL_RenderClear(d->ren);
    }
    if (turned)
        SDL_RenderCopyExF(d->ren, frame, NULL, &dst, d->rotate, NULL, SDL_FLIP_NONE);
    else
        SDL_RenderCopyF(d->ren, frame, NULL, &dst);
    SDL_RenderPresent(d->ren);
}

bool display_map_touch(const display *d, double nx, double ny, int lw, int lh, int *x, int *y)
{
    input_map m = display_input_map(d, lw, lh);
    return input_to_logical(&m, nx * m.out_w, ny * m.out_h, x, y);
}

bool display_map_mouse(const display *d, int wx, int wy, int lw, int lh, int *x, int *y)
{
    int ww = 1, wh = 1;
    SDL_GetWindowSize(d->win, &ww, &wh);
    return display_map_touch(d, (double)wx / ww, (double)wy / wh, lw, lh, x, y);
}
