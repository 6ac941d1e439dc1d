/* blitmix.c — how SDL's blitter blends, found by asking it (blitmix.h). */
#include "blitmix.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "ui/packed.h"

int blitmix_find(Uint32 from, Uint32 to)
{
    enum { N = 256, ROWS = 4 }; /* every alpha over four colours: ~0.15 M instructions */
    SDL_Surface *src = SDL_CreateRGBSurfaceWithFormat(0, N, ROWS, 32, from);
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, N, ROWS, 32, to);
    int found = -1;
    uint32_t *argb = malloc(sizeof(uint32_t) * N * ROWS * 3);
    uint32_t *under = argb + N * ROWS, *out = under + N * ROWS;
    if (argb && src && dst && SDL_SetSurfaceBlendMode(src, SDL_BLENDMODE_BLEND) == 0) {
        uint32_t seed = 12345u;
        for (int i = 0; i < N * ROWS; i++) {
            seed = seed * 1103515245u + 12345u;
            argb[i] = (uint32_t)(i % N) << 24 | (seed >> 8 & 0xFFFFFFu);
            seed = seed * 1103515245u + 12345u;
            under[i] = 0xFF000000u | (seed >> 8 & 0xFFFFFFu);
        }
        bool ok = SDL_ConvertPixels(N, ROWS, SDL_PIXELFORMAT_ARGB8888, argb, N * 4, from,
                                    src->pixels, src->pitch) == 0 &&
                  SDL_ConvertPixels(N, ROWS, SDL_PIXELFORMAT_ARGB8888, under, N * 4, to,
                                    dst->pixels, dst->pitch) == 0 &&
                  SDL_BlitSurface(src, NULL, dst, NULL) == 0 &&
                  SDL_ConvertPixels(N, ROWS, to, dst->pixels, dst->pitch,
                                    SDL_PIXELFORMAT_ARGB8888, out, N * 4) == 0;
        for (int m = PK_MIX_SHIFT; ok && m <= PK_MIX_SPLIT && found < 0; m++) {
            bool same = true;
            for (int i = 0; i < N * ROWS && same; i++)
                same = ((pk_blend(under[i], argb[i], (pk_mix)m) ^ out[i]) & 0xFFFFFFu) == 0;
            if (same)
                found = m;
        }
    }
    free(argb);
    SDL_FreeSurface(src);
    SDL_FreeSurface(dst);
    return found;
}

int blitmix_get(blitmix_cache *c, Uint32 from, Uint32 to)
{
    int free_i = -1;
    for (int i = 0; i < BLITMIX_PAIRS; i++) {
        if (c->pair[i].from == from && c->pair[i].to == to)
            return c->pair[i].mix;
        if (free_i < 0 && c->pair[i].from == 0)
            free_i = i;
    }
    int mix = blitmix_find(from, to);
    if (free_i >= 0) {
        c->pair[free_i].from = from;
        c->pair[free_i].to = to;
        c->pair[free_i].mix = mix;
    }
    return mix;
}
