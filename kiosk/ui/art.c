/* art.c — the artwork's rasters, kept and made ahead (see art.h).
 *
 * One mutex guards the slots; the worker takes the oldest slot asked for,
 * rasterises it without the lock (nanosvg keeps no state between calls)
 * and hands back a surface. Only the caller's thread touches textures,
 * frees slots or reads the SVG files. */
#include "ui/art.h"

#include <SDL_image.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ART_SLOTS 8
#define ART_SOME 2 /* rasters kept besides the size's own */
#define ART_BAND_BYTES (1024 * 1024) /* a band of a raster packed as it is made */

typedef enum { AS_EMPTY, AS_ASKED, AS_MAKING, AS_MADE, AS_FAILED } art_state;

typedef struct {
    art_state state;
    art_keep keep;
    bool dropped;        /* forgotten while the worker makes it: thrown away when made */
    pm_view view;
    int fw, fh;
    SDL_Rect part;       /* asked */
    SDL_Rect have;       /* covered, once made */
    pk_pic *pk;          /* made by the worker: packed (ui/packed.h) */
    SDL_Surface *surf;   /* made by the worker when it could not be packed */
    SDL_Texture *tex;    /* made from either when a texture is asked for */
    uint32_t used, asked;
} art_slot;

struct art_cache {
    SDL_Renderer *ren;
    char assets_dir[900];
    char *svg[VIEW_COUNT];       /* read once, then only read */
    bool missing[VIEW_COUNT];
    art_slot slot[ART_SLOTS];
    uint32_t clock;
    SDL_mutex *mu;
    SDL_cond *cv;
    SDL_Thread *thread;
    bool quit;
    bool textures;               /* drawn as textures (art_use_textures) */
    pm_view tex_view;            /* art_keep_texture's view, or VIEW_COUNT */
};

art_cache *art_create(SDL_Renderer *ren, const char *assets_dir)
{
    art_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->ren = ren;
    c->tex_view = VIEW_COUNT;
    snprintf(c->assets_dir, sizeof c->assets_dir, "%s", assets_dir ? assets_dir : "");
    c->mu = SDL_CreateMutex();
    c->cv = SDL_CreateCond();
    if (!c->mu || !c->cv) {
        art_destroy(c);
        return NULL;
    }
    return c;
}

static void slot_free(art_slot *s)
{
    pk_free(s->pk);
    if (s->tex)
        SDL_DestroyTexture(s->tex);
    if (s->surf)
        SDL_FreeSurface(s->surf);
    *s = (art_slot){0};
}

/* A slot let go: freed now, or, while the worker is still making it, when
 * the worker is done (it sees `dropped`). The caller holds the lock. */
static void slot_let_go(art_slot *s)
{
    if (s->state == AS_MAKING)
        s->dropped = true;
    else
        slot_free(s);
}

void art_destroy(art_cache *c)
{
    if (!c)
        return;
    if (c->thread) {
        SDL_LockMutex(c->mu);
        c->quit = true;
        SDL_CondBroadcast(c->cv);
        SDL_UnlockMutex(c->mu);
        SDL_WaitThread(c->thread, NULL);
    }
    for (int i = 0; i < ART_SLOTS; i++)
        slot_free(&c->slot[i]);
    for (int v = 0; v < VIEW_COUNT; v++)
        SDL_free(c->svg[v]);
    if (c->cv)
        SDL_DestroyCond(c->cv);
    if (c->mu)
        SDL_DestroyMutex(c->mu);
    free(c);
}

void art_skip(art_cache *c)
{
    for (int v = 0; v < VIEW_COUNT; v++)
        c->missing[v] = true;
}

void art_missing(art_cache *c, pm_view v) { c->missing[v] = true; }

bool art_has(art_cache *c, pm_view v)
{
    if (c->svg[v] || c->missing[v] || !c->assets_dir[0])
        return c->svg[v] && !c->missing[v];
    char path[1024];
    snprintf(path, sizeof path, "%s/chart/%s.svg", c->assets_dir, content_view_name(v));
    size_t len = 0;
    c->svg[v] = SDL_LoadFile(path, &len);
    if (!c->svg[v])
        c->missing[v] = true; /* the figure from region polygons only */
    return c->svg[v] != NULL;
}

/* ---- rasterising ------------------------------------------------------------- */

/* A number attribute of the tag [tag, end): name="123.4" (px or no unit). */
static bool attr_num(const char *tag, const char *end, const char *name, double *out, int n)
{
    size_t nl = strlen(name);
    for (const char *p = tag + 4; p + nl + 2 < end; p++) {
        if ((p[-1] != ' ' && p[-1] != '\n' && p[-1] != '\t') || strncmp(p, name, nl) != 0 ||
            p[nl] != '=' || (p[nl + 1] != '"' && p[nl + 1] != '\''))
            continue;
        const char *q = p + nl + 2;
        for (int i = 0; i < n; i++) {
            char *e;
            out[i] = strtod(q, &e);
            if (e == q || e >= end)
                return false;
            q = e;
            if (q[0] == 'p' && q[1] == 'x')
                q += 2;
            while (*q == ' ' || *q == ',')
                q++;
        }
        return *q == '"' || *q == '\'';
    }
    return false;
}

/* Rasterises the rectangle part of the artwork svg drawn at fw x fh
 * pixels, as a surface the size of part. The root element is rewritten so
 * that its viewBox is just that part: nanosvg (inside SDL_image) then draws
 * only what shows, at the same scale as the whole figure would be drawn.
 * Why: the zoomed chart at 1280x800 was a 17 MB surface plus its 17 MB
 * texture for the third of the figure on screen. Falls back to the whole
 * figure (part ignored, *whole set) when the root element is not simple.
 * Touches nothing but its arguments: the worker thread calls it. */
static SDL_Surface *rasterise(const char *svg, int fw, int fh, SDL_Rect part, bool *whole)
{
    *whole = false;
    size_t len = strlen(svg);
    const char *tag = strstr(svg, "<svg");
    const char *end = tag ? strchr(tag, '>') : NULL;
    double vb[4], w = 0, h = 0;
    bool ok = tag && end && attr_num(tag, end, "viewBox", vb, 4) && vb[2] > 0 && vb[3] > 0;
    if (ok && !(attr_num(tag, end, "width", &w, 1) && attr_num(tag, end, "height", &h, 1))) {
        w = vb[2];
        h = vb[3];
    }
    SDL_Surface *s = NULL;
    if (ok && w > 0 && h > 0) {
        /* SDL_image's scale for the whole figure at fw x fh, in its float. */
        float scale = fminf((float)fw / (float)w, (float)fh / (float)h);
        double kx = vb[2] / w, ky = vb[3] / h; /* viewBox units per image unit */
        double pw = part.w / (double)scale, ph = part.h / (double)scale;
        char head[400];
        int n = snprintf(head, sizeof head,
                         "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%.9g %.9g %.9g %.9g\" "
                         "width=\"%.9g\" height=\"%.9g\">",
                         vb[0] + part.x / (double)scale * kx, vb[1] + part.y / (double)scale * ky,
                         pw * kx, ph * ky, pw, ph);
        size_t before = (size_t)(tag - svg), after = len - (size_t)(end + 1 - svg);
        char *text = n > 0 && (size_t)n < sizeof head ? malloc(before + (size_t)n + after + 1) : NULL;
        if (text) {
            memcpy(text, svg, before);
            memcpy(text + before, head, (size_t)n);
            memcpy(text + before + n, end + 1, after + 1);
            SDL_RWops *rw = SDL_RWFromConstMem(text, (int)(before + (size_t)n + after));
            s = rw ? IMG_LoadSizedSVG_RW(rw, part.w, part.h) : NULL;
            if (rw)
                SDL_RWclose(rw);
            free(text);
        }
    }
    if (!s) {
        SDL_RWops *rw = SDL_RWFromConstMem(svg, (int)len);
        s = rw ? IMG_LoadSizedSVG_RW(rw, fw, fh) : NULL;
        if (rw)
            SDL_RWclose(rw);
        *whole = s != NULL;
    }
    return s;
}

/* SDL_image's rasters are ABGR8888 (nanosvg's bytes); packed pictures
 * keep ARGB8888 values: red and blue swapped, in place. */
static void swap_red_blue(SDL_Surface *surf)
{
    for (int y = 0; y < surf->h; y++) {
        Uint32 *row = (Uint32 *)(void *)((Uint8 *)surf->pixels + (size_t)y * (size_t)surf->pitch);
        for (int x = 0; x < surf->w; x++)
            row[x] = (row[x] & 0xFF00FF00u) | (row[x] >> 16 & 0xFFu) | (row[x] & 0xFFu) << 16;
    }
}

/* The raster packed (ui/packed.h: a figure keeps a few bytes a row for its
 * fills instead of 4 a pixel); NULL when it cannot be (the surface is then
 * kept as it is). Touches nothing but its argument: the worker calls it. */
static pk_pic *pack(SDL_Surface *surf)
{
    if (!surf || surf->format->format != ART_FORMAT || SDL_MUSTLOCK(surf))
        return NULL;
    swap_red_blue(surf);
    pk_pic *pk = pk_pack(surf->pixels, surf->w, surf->h, surf->pitch);
    if (!pk)
        swap_red_blue(surf);
    return pk;
}

/* Where rasterise_in_bands puts each band: packed (b) or copied into a
 * whole surface (surf). */
typedef struct {
    pk_builder *b;
    SDL_Surface *surf;
    int y;
} band_sink;

static bool band_put(band_sink *k, SDL_Surface *band)
{
    if (k->b) {
        swap_red_blue(band);
        return pk_add_rows(k->b, band->pixels, band->h, band->pitch);
    }
    for (int r = 0; r < band->h; r++)
        memcpy((Uint8 *)k->surf->pixels + (size_t)(k->y + r) * (size_t)k->surf->pitch,
               (const Uint8 *)band->pixels + (size_t)r * (size_t)band->pitch,
               (size_t)band->w * 4u);
    return true;
}

/* rasterise, then packed (*pk, the surface freed: NULL returned) when
 * packed and it can be; else the surface. */
static SDL_Surface *rasterise_at_once(const char *svg, int fw, int fh, SDL_Rect part, bool packed,
                                      pk_pic **pk, bool *whole)
{
    SDL_Surface *surf = rasterise(svg, fw, fh, part, whole);
    if (packed && (*pk = pack(surf)) != NULL) {
        SDL_FreeSurface(surf);
        return NULL;
    }
    return surf;
}

/* Rasterises part of the figure (as rasterise) a band of rows at a time,
 * each band packed as it is made (packed: *pk) or copied into the raster
 * (else: the surface returned). Why: the raster of a pattern enlarged at
 * 1280x800 is 2.8 MB, which the worker held whole for a moment while it
 * packed it, the peak of the kiosk's memory; a band is at most
 * ART_BAND_BYTES (a block of its own, unmapped when freed: platform/
 * bigpages.h). Each band parses the SVG again (nanosvg keeps nothing
 * between calls), on the worker, ahead of need. Textures are made in bands
 * too, so that the pixels are the same either way. NULL (and *pk NULL)
 * when it cannot be made. Touches nothing but its arguments. */
static SDL_Surface *rasterise_in_bands(const char *svg, int fw, int fh, SDL_Rect part, bool packed,
                                       pk_pic **pk, bool *whole)
{
    int band = part.w > 0 ? ART_BAND_BYTES / (part.w * 4) : 0;
    band = band < 16 ? 16 : band;
    *pk = NULL;
    *whole = false;
    if (part.h <= band || part.w <= 0) /* one band: the raster itself */
        return rasterise_at_once(svg, fw, fh, part, packed, pk, whole);
    band_sink k = {0};
    if (packed)
        k.b = pk_begin(part.w, part.h, false, 0);
    else
        k.surf = SDL_CreateRGBSurfaceWithFormat(0, part.w, part.h, 32, ART_FORMAT);
    bool ok = k.b || k.surf;
    for (; ok && k.y < part.h; k.y += band) {
        SDL_Rect rows = {part.x, part.y + k.y, part.w, part.h - k.y < band ? part.h - k.y : band};
        bool all = false;
        SDL_Surface *surf = rasterise(svg, fw, fh, rows, &all);
        ok = surf && !all && surf->w == rows.w && surf->h == rows.h &&
             surf->format->format == ART_FORMAT && !SDL_MUSTLOCK(surf) && band_put(&k, surf);
        SDL_FreeSurface(surf);
    }
    if (packed) {
        pk_pic *p = pk_end(k.b);
        *pk = ok ? p : NULL;
        if (!ok)
            pk_free(p);
    }
    if (ok && k.surf)
        return k.surf;
    SDL_FreeSurface(k.surf);
    if (ok)
        return NULL;
    /* the SVG's root cannot be cut into bands: the whole figure, at once */
    return rasterise_at_once(svg, fw, fh, part, packed, pk, whole);
}

static void made(art_slot *s, SDL_Surface *surf, pk_pic *pk, bool whole)
{
    if (pk) {
        SDL_FreeSurface(surf);
        surf = NULL;
    }
    s->pk = pk;
    s->surf = surf;
    int w = pk ? pk_w(pk) : surf ? surf->w : 0, h = pk ? pk_h(pk) : surf ? surf->h : 0;
    s->have = whole ? (SDL_Rect){0, 0, s->fw, s->fh} : (SDL_Rect){s->part.x, s->part.y, w, h};
    s->state = surf || pk ? AS_MADE : AS_FAILED;
}

/* The worker: the oldest raster asked for, one after another. */
static int worker(void *arg)
{
    art_cache *c = arg;
    SDL_LockMutex(c->mu);
    while (!c->quit) {
        art_slot *s = NULL;
        for (int i = 0; i < ART_SLOTS; i++)
            if (c->slot[i].state == AS_ASKED && (!s || c->slot[i].asked < s->asked))
                s = &c->slot[i];
        if (!s) {
            SDL_CondWait(c->cv, c->mu);
            continue;
        }
        s->state = AS_MAKING;
        const char *svg = c->svg[s->view];
        int fw = s->fw, fh = s->fh;
        SDL_Rect part = s->part;
        bool packed = !c->textures;
        SDL_UnlockMutex(c->mu);
        bool whole = false;
        pk_pic *pk;
        SDL_Surface *surf = rasterise_in_bands(svg, fw, fh, part, packed, &pk, &whole);
        SDL_LockMutex(c->mu);
        if (s->dropped) {
            SDL_FreeSurface(surf);
            pk_free(pk);
            *s = (art_slot){0};
        } else {
            made(s, surf, pk, whole);
        }
        SDL_CondBroadcast(c->cv);
    }
    SDL_UnlockMutex(c->mu);
    return 0;
}

/* ---- the slots (the caller's thread; the lock held) ---------------------------- */

static bool contains(SDL_Rect outer, SDL_Rect in)
{
    return in.x >= outer.x && in.y >= outer.y && in.x + in.w <= outer.x + outer.w &&
           in.y + in.h <= outer.y + outer.h;
}

static bool in_flight(const art_slot *s) { return s->state == AS_ASKED || s->state == AS_MAKING; }

/* A slot with (or making) view v at fw x fh covering part. */
static art_slot *find(art_cache *c, pm_view v, int fw, int fh, SDL_Rect part)
{
    for (int i = 0; i < ART_SLOTS; i++) {
        art_slot *s = &c->slot[i];
        if (s->state == AS_EMPTY || s->dropped || s->view != v || s->fw != fw || s->fh != fh)
            continue;
        if (contains(s->state == AS_MADE ? s->have : s->part, part))
            return s;
    }
    return NULL;
}

/* A slot for a new raster: an empty one, after letting the least recently
 * used one of the same kind go when that kind has all it may keep. */
static art_slot *take(art_cache *c, art_keep keep)
{
    int limit = keep == ART_KEEP_SOME ? ART_SOME : ART_SLOTS - ART_SOME, have = 0;
    art_slot *lru = NULL, *any_lru = NULL, *empty = NULL;
    for (int i = 0; i < ART_SLOTS; i++) {
        art_slot *s = &c->slot[i];
        if (s->state == AS_EMPTY) {
            if (!empty)
                empty = s;
            continue;
        }
        if (in_flight(s))
            continue;
        if (!any_lru || s->used < any_lru->used)
            any_lru = s;
        if (s->keep == keep) {
            have++;
            if (!lru || s->used < lru->used)
                lru = s;
        }
    }
    if (have >= limit && lru) {
        slot_free(lru);
        return lru;
    }
    if (empty)
        return empty;
    if (any_lru)
        slot_free(any_lru);
    return any_lru;
}

/* Waits (the lock held) until s is made or failed. */
static void wait_for(art_cache *c, art_slot *s)
{
    while (in_flight(s) && !s->dropped)
        SDL_CondWait(c->cv, c->mu);
}

SDL_Texture *art_texture_of_packed(SDL_Renderer *ren, const pk_pic *pk, SDL_Rect part)
{
    SDL_Texture *tex = SDL_CreateTexture(ren, ART_FORMAT, SDL_TEXTUREACCESS_STREAMING, part.w, part.h);
    void *px;
    int pitch;
    if (!tex || SDL_LockTexture(tex, NULL, &px, &pitch) != 0) {
        if (tex)
            SDL_DestroyTexture(tex);
        return NULL;
    }
    /* SDL zeroes a texture it makes; in SDL_image's byte order */
    pk_unpack(pk, (pk_rect){part.x, part.y, part.w, part.h}, px, pitch,
              PK_UNPACK_ABGR | PK_UNPACK_ONTO_ZERO);
    SDL_UnlockTexture(tex);
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    return tex;
}

/* s made: its texture (made from the worker's raster the first time). */
static SDL_Texture *texture_of(art_cache *c, art_slot *s)
{
    if (s->state != AS_MADE)
        return NULL;
    if (!s->tex && s->pk) {
        s->tex = art_texture_of_packed(c->ren, s->pk, (SDL_Rect){0, 0, pk_w(s->pk), pk_h(s->pk)});
        if (!s->tex)
            s->state = AS_FAILED;
    } else if (!s->tex && s->surf) {
        s->tex = SDL_CreateTextureFromSurface(c->ren, s->surf);
        SDL_FreeSurface(s->surf); /* the texture has its own copy: do not hold both */
        s->surf = NULL;
        if (!s->tex)
            s->state = AS_FAILED;
    }
    s->used = ++c->clock;
    return s->tex;
}

/* s made and packed: its packed raster, else NULL (then its texture). */
static const pk_pic *packed_of(art_cache *c, art_slot *s)
{
    if (s->state != AS_MADE || !s->pk)
        return NULL;
    s->used = ++c->clock;
    return s->pk;
}

/* The slot of v at fw x fh covering part, made (waited for, or made now
 * when nobody asked for it); NULL when it cannot be. The lock is held on
 * return either way. */
static art_slot *made_slot(art_cache *c, pm_view v, int fw, int fh, SDL_Rect part, art_keep keep)
{
    SDL_LockMutex(c->mu);
    art_slot *s = find(c, v, fw, fh, part);
    if (s)
        wait_for(c, s);
    if (s && s->state == AS_MADE)
        return s;
    if (s && s->state == AS_FAILED)
        return NULL;
    /* nobody asked for it: made now */
    s = take(c, keep);
    if (!s)
        return NULL;
    *s = (art_slot){.state = AS_MAKING, .keep = keep, .view = v, .fw = fw, .fh = fh, .part = part};
    SDL_UnlockMutex(c->mu);
    bool whole = false;
    pk_pic *pk;
    SDL_Surface *surf = rasterise_in_bands(c->svg[v], fw, fh, part, !c->textures, &pk, &whole);
    SDL_LockMutex(c->mu);
    made(s, surf, pk, whole);
    return s->state == AS_MADE ? s : NULL;
}

SDL_Texture *art_get(art_cache *c, pm_view v, int fw, int fh, SDL_Rect part, art_keep keep,
                     SDL_Rect *have)
{
    if (!art_has(c, v))
        return NULL;
    art_slot *s = made_slot(c, v, fw, fh, part, keep);
    SDL_Texture *t = s ? texture_of(c, s) : NULL;
    if (t && have)
        *have = s->have;
    SDL_UnlockMutex(c->mu);
    return t;
}

const pk_pic *art_get_packed(art_cache *c, pm_view v, int fw, int fh, SDL_Rect part,
                             art_keep keep, SDL_Rect *have)
{
    if (!art_has(c, v))
        return NULL;
    art_slot *s = made_slot(c, v, fw, fh, part, keep);
    const pk_pic *p = s ? packed_of(c, s) : NULL;
    if (p && have)
        *have = s->have;
    SDL_UnlockMutex(c->mu);
    return p;
}

/* The slot art_get_whole would draw from, if one is kept or being made
 * (the lock held). */
static art_slot *whole_slot(art_cache *c, pm_view v, int w, int fw, int fh, bool own)
{
    art_slot *best = NULL;
    for (int i = 0; i < ART_SLOTS; i++) {
        art_slot *s = &c->slot[i];
        if (s->state == AS_EMPTY || s->state == AS_FAILED || s->dropped || s->view != v ||
            s->fw < w)
            continue;
        SDL_Rect all = {0, 0, s->fw, s->fh};
        if (!SDL_RectEquals(s->state == AS_MADE ? &s->have : &s->part, &all))
            continue;
        if (own && s->fw == fw && s->fh == fh)
            return s; /* its own: no other, whatever else is kept now */
        if (!best || s->fw < best->fw)
            best = s;
    }
    return best;
}

/* The made slot art_get_whole draws from, waited for (*rw its width); NULL
 * when none is kept or it failed. The lock held. */
static art_slot *whole_made(art_cache *c, pm_view v, int w, int fw, int fh, bool own, int *rw)
{
    art_slot *best = whole_slot(c, v, w, fw, fh, own);
    if (!best)
        return NULL;
    wait_for(c, best);
    *rw = best->fw;
    return best->state == AS_MADE ? best : NULL;
}

SDL_Texture *art_get_whole(art_cache *c, pm_view v, int w, int fw, int fh, bool own, int *rw)
{
    if (!art_has(c, v))
        return NULL;
    SDL_LockMutex(c->mu);
    art_slot *best = whole_made(c, v, w, fw, fh, own, rw);
    SDL_Texture *t = best ? texture_of(c, best) : NULL;
    SDL_UnlockMutex(c->mu);
    if (best)
        return t;
    *rw = fw;
    return art_get(c, v, fw, fh, (SDL_Rect){0, 0, fw, fh}, ART_KEEP_SOME, NULL);
}

int art_whole_width(art_cache *c, pm_view v, int w, int fw, int fh, bool own)
{
    SDL_LockMutex(c->mu);
    art_slot *best = whole_slot(c, v, w, fw, fh, own);
    int rw = best ? best->fw : fw;
    SDL_UnlockMutex(c->mu);
    return rw;
}

const pk_pic *art_get_whole_packed(art_cache *c, pm_view v, int w, int fw, int fh, bool own,
                                   int *rw)
{
    if (!art_has(c, v))
        return NULL;
    SDL_LockMutex(c->mu);
    art_slot *best = whole_made(c, v, w, fw, fh, own, rw);
    /* one kept as a texture too (art_keep_texture) is drawn from that */
    const pk_pic *p = best && !best->tex ? packed_of(c, best) : NULL;
    SDL_UnlockMutex(c->mu);
    if (best)
        return p;
    *rw = fw;
    return art_get_packed(c, v, fw, fh, (SDL_Rect){0, 0, fw, fh}, ART_KEEP_SOME, NULL);
}

void art_want(art_cache *c, pm_view v, int fw, int fh, SDL_Rect part, art_keep keep)
{
    if (fw <= 0 || fh <= 0 || part.w <= 0 || part.h <= 0 || !art_has(c, v))
        return;
    SDL_LockMutex(c->mu);
    art_slot *s = find(c, v, fw, fh, part);
    if (s) {
        if (s->keep != keep && keep == ART_KEEP_SIZE)
            s->keep = keep; /* the size's own from now on */
        SDL_UnlockMutex(c->mu);
        return;
    }
    s = take(c, keep);
    if (s) {
        *s = (art_slot){.state = AS_ASKED, .keep = keep, .view = v, .fw = fw, .fh = fh, .part = part,
                        .used = ++c->clock, .asked = c->clock};
        if (!c->thread)
            c->thread = SDL_CreateThread(worker, "painmap-art", c);
        if (!c->thread) /* no thread: made when first used, as without asking */
            *s = (art_slot){0};
        SDL_CondBroadcast(c->cv);
    }
    SDL_UnlockMutex(c->mu);
}

bool art_busy(art_cache *c)
{
    SDL_LockMutex(c->mu);
    bool busy = false;
    for (int i = 0; i < ART_SLOTS; i++)
        busy = busy || in_flight(&c->slot[i]);
    SDL_UnlockMutex(c->mu);
    return busy;
}

void art_settle(art_cache *c)
{
    SDL_LockMutex(c->mu);
    for (;;) {
        bool busy = false;
        for (int i = 0; i < ART_SLOTS; i++)
            busy = busy || in_flight(&c->slot[i]);
        if (!busy || !c->thread)
            break;
        SDL_CondWait(c->cv, c->mu);
    }
    SDL_UnlockMutex(c->mu);
}

void art_forget(art_cache *c)
{
    SDL_LockMutex(c->mu);
    for (int i = 0; i < ART_SLOTS; i++) {
        art_slot *s = &c->slot[i];
        if (s->state == AS_MAKING)
            s->dropped = true; /* the worker throws it away */
        else
            slot_free(s);
    }
    SDL_UnlockMutex(c->mu);
}

/* The slot art_keep_texture names (the lock held), or NULL. */
static art_slot *kept_texture_slot(art_cache *c)
{
    if (c->textures || c->tex_view >= VIEW_COUNT)
        return NULL;
    art_slot *s = whole_slot(c, c->tex_view, 0, 0, 0, false);
    return s && s->state == AS_MADE && s->pk ? s : NULL;
}

void art_adopt(art_cache *c)
{
    if (!c->textures) { /* drawn packed: a texture only where one is kept */
        SDL_LockMutex(c->mu);
        art_slot *s = kept_texture_slot(c);
        if (s && !s->tex) {
            uint32_t used = s->used;
            texture_of(c, s);
            s->used = used;
        }
        SDL_UnlockMutex(c->mu);
        return;
    }
    SDL_LockMutex(c->mu);
    for (int i = 0; i < ART_SLOTS; i++) {
        art_slot *s = &c->slot[i];
        if (s->state == AS_MADE && (s->surf || s->pk) && !s->tex && !s->dropped) {
            uint32_t used = s->used;
            texture_of(c, s);
            s->used = used; /* made into a texture, not used */
        }
    }
    SDL_UnlockMutex(c->mu);
}

void art_drop(art_cache *c, pm_view v, int fw, int fh)
{
    SDL_LockMutex(c->mu);
    for (int i = 0; i < ART_SLOTS; i++) {
        art_slot *s = &c->slot[i];
        if (s->state != AS_EMPTY && s->view == v && s->fw == fw && s->fh == fh)
            slot_let_go(s);
    }
    SDL_UnlockMutex(c->mu);
}

void art_release_some(art_cache *c)
{
    SDL_LockMutex(c->mu);
    for (int i = 0; i < ART_SLOTS; i++) {
        art_slot *s = &c->slot[i];
        if (s->keep == ART_KEEP_SOME && s->state != AS_EMPTY)
            slot_let_go(s);
    }
    SDL_UnlockMutex(c->mu);
}

void art_use_textures(art_cache *c, bool textures)
{
    SDL_LockMutex(c->mu);
    c->textures = textures;
    SDL_UnlockMutex(c->mu);
}

/* art_shed_textures, the lock held. */
static void shed(art_cache *c)
{
    art_slot *keep = kept_texture_slot(c);
    for (int i = 0; i < ART_SLOTS; i++) {
        art_slot *s = &c->slot[i];
        if (s->tex && s->pk && s != keep) {
            SDL_DestroyTexture(s->tex);
            s->tex = NULL;
        }
    }
}

void art_keep_texture(art_cache *c, pm_view v)
{
    SDL_LockMutex(c->mu);
    if (c->tex_view != v) {
        c->tex_view = v;
        shed(c); /* the other view's goes */
    }
    SDL_UnlockMutex(c->mu);
}

void art_shed_textures(art_cache *c)
{
    SDL_LockMutex(c->mu);
    shed(c);
    SDL_UnlockMutex(c->mu);
}
