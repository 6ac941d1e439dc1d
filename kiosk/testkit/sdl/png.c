/* png.c — comparing screenshots (see png.h).
 *
 * Why a budget of pixels and a small tolerance, both: the old rule (32 per
 * channel, one pixel in 2000 allowed) let a whole frame darkened by 25 and
 * a 10x10 magenta patch pass as "the same". The software renderer on the
 * dummy driver is deterministic, so the goldens match exactly here; the
 * small allowance is for another machine's font rasteriser, not for a
 * change anyone could see. */
#include "png.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>

png_rule png_golden_rule(void)
{
    return (png_rule){PNG_GOLDEN_TOLERANCE, PNG_GOLDEN_BUDGET};
}

static SDL_Surface *load(const char *path)
{
    SDL_Surface *raw = IMG_Load(path);
    SDL_Surface *s = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    SDL_FreeSurface(raw);
    return s;
}

static const Uint32 *row(const SDL_Surface *s, int y)
{
    return (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
}

/* The largest of the three channel differences of two ARGB pixels. */
static int channel_gap(Uint32 a, Uint32 b)
{
    int worst = 0;
    for (int sh = 0; sh < 24; sh += 8) {
        int ca = (int)(a >> sh & 255), cb = (int)(b >> sh & 255);
        int d = ca > cb ? ca - cb : cb - ca;
        if (d > worst)
            worst = d;
    }
    return worst;
}

static void count(const SDL_Surface *sa, const SDL_Surface *sb, int tolerance, SDL_Surface *pic,
                  png_diff *d)
{
    for (int y = 0; y < sa->h; y++) {
        const Uint32 *la = row(sa, y), *lb = row(sb, y);
        Uint32 *lp = pic ? (Uint32 *)((Uint8 *)pic->pixels + y * pic->pitch) : NULL;
        for (int x = 0; x < sa->w; x++) {
            int gap = channel_gap(la[x], lb[x]);
            if (gap > d->worst)
                d->worst = gap;
            bool bad = gap > tolerance;
            if (bad && d->differ++ == 0) {
                d->first_x = x;
                d->first_y = y;
                d->first_a = la[x] & 0xFFFFFFu;
                d->first_b = lb[x] & 0xFFFFFFu;
            }
            if (lp) {
                /* Faded original, differences in red. */
                Uint32 g = ((la[x] >> 16 & 255) + (la[x] >> 8 & 255) + (la[x] & 255)) / 6 + 128;
                lp[x] = bad ? 0xFFFF0000u : 0xFF000000u | g << 16 | g << 8 | g;
            }
        }
    }
}

int png_compare(const char *pa, const char *pb, int tolerance, const char *diff_out, png_diff *d,
                char *why, size_t why_size)
{
    *d = (png_diff){.first_x = -1, .first_y = -1};
    SDL_Surface *sa = load(pa), *sb = load(pb);
    int rc = -1;
    if (!sa || !sb) {
        snprintf(why, why_size, "cannot read %s: %s", !sa ? pa : pb, IMG_GetError());
    } else if (sa->w != sb->w || sa->h != sb->h) {
        snprintf(why, why_size, "sizes differ: %dx%d and %dx%d", sa->w, sa->h, sb->w, sb->h);
    } else {
        rc = 0;
        d->w = sa->w;
        d->h = sa->h;
        SDL_Surface *pic = diff_out ? SDL_CreateRGBSurfaceWithFormat(0, sa->w, sa->h, 32,
                                                                     SDL_PIXELFORMAT_ARGB8888)
                                    : NULL;
        count(sa, sb, tolerance, pic, d);
        if (pic && d->differ > 0)
            IMG_SavePNG(pic, diff_out);
        SDL_FreeSurface(pic);
    }
    SDL_FreeSurface(sa);
    SDL_FreeSurface(sb);
    return rc;
}

bool png_same(const png_diff *d, const png_rule *rule)
{
    return d->differ <= rule->budget;
}

void png_describe(const png_diff *d, const png_rule *rule, const char *name_a, const char *name_b,
                  char *out, size_t size)
{
    int n = snprintf(out, size, "%ld of %ld pixels differ by more than %d per channel (%ld allowed)",
                     d->differ, (long)d->w * d->h, rule->tolerance, rule->budget);
    if (d->differ > 0 && n > 0 && (size_t)n < size)
        snprintf(out + n, size - (size_t)n,
                 "; the first at (%d, %d): #%06X in %s, #%06X in %s; the largest difference %d",
                 d->first_x, d->first_y, (unsigned)d->first_a, name_a, (unsigned)d->first_b,
                 name_b, d->worst);
}
