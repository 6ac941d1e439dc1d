/* chart.c — the body figure, drawn over its artwork (ui/art.h: rasters of
 * the SVG, kept and made ahead) and its outlines traced ahead
 * (ui/chart_prep.h), and the pictures of referral patterns (see chart.h). */
#include "ui/chart.h"

#include <SDL_image.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/journal.h"
#include "ui/art.h"
#include "ui/chart_prep.h"

/* A small chart drawn once into a texture (chart_draw_pattern). */
#define ART_PICTURES 8
typedef struct {
    SDL_Texture *tex;
    pk_pic *pk;                  /* or packed, where the frame is drawn packed (r_packs) */
    int muscle;
    unsigned sides;              /* the sides shown (CHART_SIDE_*) */
    SDL_Rect area;
    bool selected;               /* drawn on a selected card */
    bool anywhere;               /* what is under it is the same wherever it goes */
    bool unshown;                /* made ahead (chart_pattern_ahead), not drawn yet */
    uint32_t used;
} chart_picture;

struct chart_art {
    rctx *rc;
    const pm_content *content;
    art_cache *art;              /* the artwork's rasters (NULL: none) */
    /* small pattern charts: content, not client data, except which were
     * drawn selected (dropped when a client is forgotten) */
    chart_picture pics[ART_PICTURES];
    uint32_t pics_clock;
    /* the artwork as the chart screen and its map show it, over what is
     * under it (art_picture): opaque pictures copied as they are */
    struct art_pic {
        SDL_Texture *tex;
        pk_pic *pk;              /* or packed (picture_keep) */
        pm_view view;
        SDL_Rect clip;
        double s, ox, oy;
        bool small;
        uint32_t used;
    } art_pics[4];
    uint32_t art_pics_clock;
    /* the size of the chart screen's whole figures asked for (kept for the
     * size while the chart is in reach; 0: none) */
    struct { int w, h; } figure[VIEW_COUNT];
    /* the size of the whole figures small pictures are scaled from, asked
     * for this screen size (chart_want_pictures; 0: none yet) */
    struct { int w, h; } pictures[VIEW_COUNT];
    /* the chart screen's close-up, drawn once from the region outlines */
    struct {
        SDL_Texture *tex;
        pm_view view;
        geo_xf xf;
        SDL_Rect panel;
    } close;
    /* the outlines traced between frames (chart_outlines_ahead) and the
     * candidates' enlarged pictures prepared (patterns screen) */
    prep_store *prep;
};

static int region_outline(const pm_content *c, size_t i, pm_view v, chart_xf xf,
                          SDL_FPoint *pts);

chart_art *chart_art_create(rctx *rc, const pm_content *c, const char *assets_dir)
{
    chart_art *ch = calloc(1, sizeof *ch);
    if (!ch)
        return NULL;
    ch->rc = rc;
    ch->content = c;
    ch->prep = prep_create(rc, c, region_outline);
    if (!ch->prep) {
        free(ch);
        return NULL;
    }
    ch->art = art_create(r_sdl(rc), assets_dir);
    return ch;
}

void chart_art_skip(chart_art *ch)
{
    if (ch->art)
        art_skip(ch->art); /* the figure from region polygons: same layout */
}

geo_bounds chart_view_bounds(const pm_content *c, pm_view v)
{
    geo_bounds b = {1e9, 1e9, -1e9, -1e9};
    for (size_t i = 0; i < content_region_count(c); i++) {
        const pm_region *r = content_region(c, i);
        if (r->view != v)
            continue;
        b.x0 = fmin(b.x0, r->bounds.x0);
        b.y0 = fmin(b.y0, r->bounds.y0);
        b.x1 = fmax(b.x1, r->bounds.x1);
        b.y1 = fmax(b.y1, r->bounds.y1);
    }
    if (b.x0 > b.x1)
        b = (geo_bounds){0, 0, content_chart_width(c), content_chart_height(c)};
    return b;
}

chart_xf chart_fit(SDL_Rect area, geo_bounds focus, double zoom, double cx, double cy)
{
    double fw = focus.x1 - focus.x0, fh = focus.y1 - focus.y0;
    if (fw < 1)
        fw = 1;
    if (fh < 1)
        fh = 1;
    double s = fmin(area.w / fw, area.h / fh) * zoom;
    chart_xf xf;
    xf.s = s;
    if (zoom <= 1.0) {
        cx = (focus.x0 + focus.x1) / 2;
        cy = (focus.y0 + focus.y1) / 2;
    }
    xf.ox = area.x + area.w / 2.0 - cx * s;
    xf.oy = area.y + area.h / 2.0 - cy * s;
    xf.clip = area;
    xf.art_once = false;
    xf.own = false;
    return xf;
}

geo_point chart_from_screen(chart_xf xf, int x, int y)
{
    return (geo_point){(x + 0.5 - xf.ox) / xf.s, (y + 0.5 - xf.oy) / xf.s};
}

SDL_FPoint chart_to_screen(chart_xf xf, geo_point p)
{
    return (SDL_FPoint){(float)(xf.ox + p.x * xf.s), (float)(xf.oy + p.y * xf.s)};
}

/* ---- the artwork ------------------------------------------------------------ */

/* The whole figure small pictures are scaled from: tall enough for any
 * small chart on this screen size (70% of its height), so that it is made
 * once per size; taller only for a bigger picture. */
static void small_size(const chart_art *a, int fig_w, int fig_h, int *fw, int *fh)
{
    *fh = fig_h > r_h(a->rc) * 7 / 10 ? fig_h : r_h(a->rc) * 7 / 10;
    *fw = (int)lround((double)*fh * fig_w / fig_h);
}

/* A small chart drawn once into a picture: scaled down, with linear
 * filtering, from the smallest raster of the whole figure that is big
 * enough (ui/art.h keeps them; the chart screen asks for the size's own
 * ahead, chart_want_pictures for a pattern enlarged). SDL_image parses the
 * whole SVG for every raster, so drawing six pattern pictures (twelve
 * halves when both views show) each from its own raster made entering the
 * patterns screen take 30-60 ms. */
/* The raster a small chart of figure size fig_w x fig_h asks for. */
static void small_want(const chart_art *a, pm_view v, int fig_w, int fig_h, bool own, int *fw,
                       int *fh)
{
    small_size(a, fig_w, fig_h, fw, fh);
    if (own && a->pictures[v].w >= fig_w) {
        *fw = a->pictures[v].w;
        *fh = a->pictures[v].h;
    }
}

/* Is a small chart's raster at its own size (a plain copy, no scaling)? */
static bool small_unscaled(chart_art *a, pm_view v, SDL_Rect fig, bool own)
{
    int fw, fh;
    small_want(a, v, fig.w, fig.h, own, &fw, &fh);
    return art_whole_width(a->art, v, fig.w, fw, fh, own) == fig.w;
}

static bool art_small_draw(chart_art *a, pm_view v, SDL_Rect fig, SDL_Rect vis, bool own)
{
    int fw, fh, rw = 0;
    small_want(a, v, fig.w, fig.h, own, &fw, &fh);
    if (r_packed_now(a->rc) && art_whole_width(a->art, v, fig.w, fw, fh, own) == fig.w) {
        /* the copy is a plain one: packed, straight into the frame */
        const pk_pic *p = art_get_whole_packed(a->art, v, fig.w, fw, fh, own, &rw);
        if (p && rw == fig.w && r_draw_packed(a->rc, p, ART_FORMAT, fig.x, fig.y, vis))
            return true;
    }
    const pk_pic *p = r_packs(a->rc) ? art_get_whole_packed(a->art, v, fig.w, fw, fh, own, &rw)
                                     : NULL;
    SDL_Texture *tex = p ? NULL : art_get_whole(a->art, v, fig.w, fw, fh, own, &rw);
    if (!p && !tex)
        return false;
    double k = (double)rw / fig.w;
    SDL_Rect src = {(int)lround((vis.x - fig.x) * k), (int)lround((vis.y - fig.y) * k),
                    (int)lround(vis.w * k), (int)lround(vis.h * k)};
    if (p) {
        /* a texture of just the part scaled (linear filtering reads
         * nothing outside it), made and let go: the same pixels. As
         * SDL_RenderCopy, a part running off the raster is cut to it. */
        SDL_Rect all = {0, 0, pk_w(p), pk_h(p)};
        if (!SDL_IntersectRect(&src, &all, &src))
            return true;
        SDL_Texture *part = art_texture_of_packed(r_sdl(a->rc), p, src);
        if (!part)
            return false;
        SDL_SetTextureScaleMode(part, SDL_ScaleModeLinear);
        SDL_RenderCopy(r_sdl(a->rc), part, NULL, &vis);
        SDL_DestroyTexture(part);
        return true;
    }
    SDL_SetTextureScaleMode(tex, SDL_ScaleModeLinear);
    SDL_RenderCopy(r_sdl(a->rc), tex, &src, &vis);
    SDL_SetTextureScaleMode(tex, SDL_ScaleModeNearest);
    return true;
}

/* The figure of view v for xf in figure pixels: its box on screen and the
 * part of it xf.clip shows. false when nothing shows or the size is absurd. */
static bool art_box(const chart_art *a, chart_xf xf, SDL_Rect *fig, SDL_Rect *vis)
{
    int fw = (int)lround(content_chart_width(a->content) * xf.s);
    int fh = (int)lround(content_chart_height(a->content) * xf.s);
    if (fw <= 0 || fh <= 0 || fw >= 8192 || fh >= 8192)
        return false;
    *fig = (SDL_Rect){(int)lround(xf.ox), (int)lround(xf.oy), fw, fh};
    return SDL_IntersectRect(fig, &xf.clip, vis);
}

/* Is view v's artwork for xf a raster scaled to it (a small chart drawn
 * from a bigger raster), not a plain copy? */
static bool art_scaled(chart_art *a, pm_view v, chart_xf xf)
{
    SDL_Rect fig, vis;
    return xf.art_once && a->art && art_has(a->art, v) && art_box(a, xf, &fig, &vis) &&
           !small_unscaled(a, v, fig, xf.own);
}

/* Draws view v's artwork for xf, only where xf.clip lets it show: the
 * raster of just that part at that scale (kept as keep says), or for
 * xf.art_once a small picture's, scaled (art_small_draw). Returns whether
 * the view has artwork at all (the region fills are lighter over it). */
static bool art_draw(chart_art *a, pm_view v, chart_xf xf, art_keep keep)
{
    if (!a->art || !art_has(a->art, v))
        return false;
    SDL_Rect fig, vis;
    if (!art_box(a, xf, &fig, &vis))
        return true;
    if (xf.art_once && art_small_draw(a, v, fig, vis, xf.own))
        return true;
    SDL_Rect part = {vis.x - fig.x, vis.y - fig.y, vis.w, vis.h}, have;
    if (r_packed_now(a->rc)) {
        const pk_pic *p = art_get_packed(a->art, v, fig.w, fig.h, part, keep, &have);
        if (p && r_draw_packed(a->rc, p, ART_FORMAT, fig.x + have.x, fig.y + have.y, vis))
            return true;
    }
    SDL_Texture *tex = art_get(a->art, v, fig.w, fig.h, part, keep, &have);
    if (!tex) {
        journal_log(JOURNAL_WARNING, "%s artwork: cannot draw it (%s); using region outlines",
                    content_view_name(v), IMG_GetError());
        art_missing(a->art, v);
        return false;
    }
    SDL_Rect src = {part.x - have.x, part.y - have.y, part.w, part.h};
    SDL_RenderCopy(r_sdl(a->rc), tex, &src, &vis);
    return true;
}

/* A picture just made (*tex, an opaque w x h texture) kept: packed (*pk)
 * where the frame is drawn packed (six pattern pictures at 1280x800 were
 * 1 MB as textures, the close-up's maps 0.8 MB), the texture freed; else
 * left as it is. */
static void picture_keep(chart_art *a, SDL_Texture **tex, pk_pic **pk, int w, int h)
{
    if (!*tex || !r_packs(a->rc))
        return;
    SDL_Renderer *ren = r_sdl(a->rc);
    Uint32 *px = malloc((size_t)w * (size_t)h * 4u);
    SDL_Texture *back = SDL_GetRenderTarget(ren);
    if (px && SDL_SetRenderTarget(ren, *tex) == 0 &&
        SDL_RenderReadPixels(ren, NULL, SDL_PIXELFORMAT_ARGB8888, px, w * 4) == 0)
        *pk = pk_pack(px, w, h, w * 4);
    SDL_SetRenderTarget(ren, back);
    free(px);
    if (*pk) {
        SDL_DestroyTexture(*tex);
        *tex = NULL;
    }
}

/* A kept picture (its texture, or packed) copied into the frame at area. */
static void picture_show(chart_art *a, SDL_Texture *tex, const pk_pic *pk, SDL_Rect area)
{
    if (tex) {
        SDL_RenderCopy(r_sdl(a->rc), tex, NULL, &area);
        return;
    }
    /* opaque: copied, whatever the blend (the format only names one) */
    if (r_draw_packed(a->rc, pk, SDL_PIXELFORMAT_ARGB8888, area.x, area.y, area))
        return;
    int w = pk_w(pk), h = pk_h(pk), pitch;
    void *px;
    tex = SDL_CreateTexture(r_sdl(a->rc), SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING,
                            w, h);
    if (tex && SDL_LockTexture(tex, NULL, &px, &pitch) == 0) {
        pk_unpack(pk, (pk_rect){0, 0, w, h}, px, pitch, 0);
        SDL_UnlockTexture(tex);
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
        SDL_RenderCopy(r_sdl(a->rc), tex, NULL, &area);
    }
    if (tex)
        SDL_DestroyTexture(tex);
}

static void art_pics_clear(chart_art *a)
{
    for (size_t i = 0; i < sizeof a->art_pics / sizeof a->art_pics[0]; i++) {
        if (a->art_pics[i].tex)
            SDL_DestroyTexture(a->art_pics[i].tex);
        pk_free(a->art_pics[i].pk);
        a->art_pics[i] = (struct art_pic){0};
    }
}

/* art_draw for a figure drawn again and again the same (the chart screen's
 * whole figure, every touch on it; the close-up's map): the artwork over
 * what is under it in the frame (xf.clip: the panel, its corners), drawn
 * once into an opaque picture and copied as it is afterwards. Blending the
 * artwork's raster (it has alpha) was a third of a chart touch. The same
 * pixels: the picture starts as a copy of the frame under it. */
static bool art_picture(chart_art *a, pm_view v, chart_xf xf, art_keep keep)
{
    if (!a->art || !art_has(a->art, v))
        return false;
    if (r_packed_now(a->rc) && !art_scaled(a, v, xf))
        return art_draw(a, v, xf, keep); /* packed, it copies its fills and skips the rest */
    SDL_Renderer *ren = r_sdl(a->rc);
    SDL_Rect c = xf.clip;
    struct art_pic *slot = &a->art_pics[0];
    for (size_t i = 0; i < sizeof a->art_pics / sizeof a->art_pics[0]; i++) {
        struct art_pic *p = &a->art_pics[i];
        bool held = p->tex || p->pk;
        if (held && p->view == v && SDL_RectEquals(&p->clip, &c) && p->s == xf.s &&
            p->ox == xf.ox && p->oy == xf.oy && p->small == xf.art_once) {
            p->used = ++a->art_pics_clock;
            picture_show(a, p->tex, p->pk, c);
            return true;
        }
        if (!held || ((slot->tex || slot->pk) && p->used < slot->used))
            slot = p;
    }
    Uint32 fmt = r_format(a->rc);
    SDL_Texture *tex = c.w > 0 && c.h > 0
                           ? SDL_CreateTexture(ren, fmt, SDL_TEXTUREACCESS_TARGET, c.w, c.h)
                           : NULL;
    if (!tex || SDL_SetRenderTarget(ren, tex) != 0) {
        if (tex)
            SDL_DestroyTexture(tex);
        return art_draw(a, v, xf, keep); /* straight into the frame */
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    SDL_RenderSetClipRect(ren, NULL);
    r_copy_frame(a->rc, c); /* what is under it */
    chart_xf at = xf;
    at.ox -= c.x;
    at.oy -= c.y;
    at.clip = (SDL_Rect){0, 0, c.w, c.h};
    bool art = art_draw(a, v, at, keep);
    SDL_SetRenderTarget(ren, r_frame(a->rc));
    if (!art) {
        SDL_DestroyTexture(tex);
        return false;
    }
    if (slot->tex)
        SDL_DestroyTexture(slot->tex);
    pk_free(slot->pk);
    /* packed between frames (chart_art_adopt), not on this touch */
    *slot = (struct art_pic){tex, NULL, v, c, xf.s, xf.ox, xf.oy, xf.art_once, ++a->art_pics_clock};
    SDL_RenderCopy(ren, tex, NULL, &c);
    return true;
}

void chart_draw_tp(rctx *rc, SDL_FPoint p, float r)
{
    r_circle(rc, p.x, p.y, r, 0xFFFFFF, 255);
    r_circle(rc, p.x, p.y, r * 0.8f, COL_INK, 255);
    r_circle(rc, p.x, p.y, r * 0.45f, 0xFFFFFF, 255);
    r_circle(rc, p.x, p.y, r * 0.25f, COL_INK, 255);
}

/* The width of a region's outline. */
static float outline_width(const rctx *rc)
{
    float lw = (float)(r_unit(rc) * 1.6);
    return lw < 1.2f ? 1.2f : lw;
}

/* Does chart_draw draw region r at xf? Regions wholly outside the clip
 * cost the renderer a call per outline segment for nothing: most of them in
 * a zoomed chart or a pattern's small cropped one. */
static bool region_drawn(const pm_region *r, pm_view v, chart_xf xf)
{
    if (r->view != v || r->npoly > PREP_MAXP)
        return false;
    /* a little beyond the clip, for the outline's width */
    geo_point lo = chart_from_screen(xf, xf.clip.x - 4, xf.clip.y - 4);
    geo_point hi = chart_from_screen(xf, xf.clip.x + xf.clip.w + 4, xf.clip.y + xf.clip.h + 4);
    return !(r->bounds.x1 < lo.x || r->bounds.x0 > hi.x || r->bounds.y1 < lo.y || r->bounds.y0 > hi.y);
}

static void region_points(const pm_region *r, chart_xf xf, SDL_FPoint *pts)
{
    for (size_t k = 0; k < r->npoly; k++)
        pts[k] = chart_to_screen(xf, r->poly[k]);
}

/* prep_outline_fn: the outlines traced ahead are those chart_draw draws. */
static int region_outline(const pm_content *c, size_t i, pm_view v, chart_xf xf, SDL_FPoint *pts)
{
    const pm_region *r = content_region(c, i);
    if (!region_drawn(r, v, xf))
        return -1;
    region_points(r, xf, pts);
    return (int)r->npoly;
}

void chart_art_drop_outlines(chart_art *a) { prep_drop_outlines(a->prep); }

bool chart_outlines_ahead(chart_art *a, pm_view v, chart_xf xf)
{
    return prep_outlines_ahead(a->prep, v, xf, outline_width(a->rc));
}

/* chart_draw, filling the outlines kept (traced where it draws with the
 * same transform and width; else traced now). */
static void draw_kept(chart_art *a, pm_view v, chart_xf xf, chart_fill_fn fill, void *ctx,
                      const prep_outlines *kept)
{
    const pm_content *c = a->content;
    SDL_RenderSetClipRect(r_sdl(a->rc), &xf.clip);
    bool art = art_draw(a, v, xf, ART_KEEP_SOME);
    float lw = outline_width(a->rc);
    if (kept && !prep_outlines_match(kept, xf, r_draw_area(a->rc), lw))
        kept = NULL;
    SDL_FPoint pts[PREP_MAXP];
    for (size_t i = 0; i < content_region_count(c); i++) {
        const pm_region *r = content_region(c, i);
        if (!region_drawn(r, v, xf))
            continue;
        long f = fill ? fill((int)i, ctx) : -1;
        bool filled = f >= 0 || !art;
        if (filled || !kept)
            region_points(r, xf, pts);
        if (f >= 0)
            r_polygon(a->rc, pts, (int)r->npoly, (unsigned)f, art ? 200 : 255);
        else if (!art)
            r_polygon(a->rc, pts, (int)r->npoly, COL_SKIN, 255);
        unsigned line = f >= 0 ? COL_MARK_LINE : COL_SKIN_LINE;
        Uint8 alpha = art ? 110 : 200;
        if (kept)
            prep_outlines_fill(a->rc, kept, i, line, alpha);
        else
            r_outline(a->rc, pts, (int)r->npoly, lw, line, alpha);
    }
    SDL_RenderSetClipRect(r_sdl(a->rc), NULL);
}

void chart_draw(chart_art *a, pm_view v, chart_xf xf, chart_fill_fn fill, void *ctx)
{
    draw_kept(a, v, xf, fill, ctx, prep_view_outlines(a->prep, v));
}

/* ---- a referral pattern as a small chart (patterns, education) ------------- */

typedef struct {
    const pm_muscle *m;
    const pm_content *c;
    unsigned sides;
} pat_ctx;

/* Is region r on a side the picture shows? The middle always is. */
static bool side_shown(const pat_ctx *p, int r)
{
    pm_side side = content_region(p->c, (size_t)r)->side;
    if (side == SIDE_CENTRE)
        return true;
    return (p->sides & (side == SIDE_LEFT ? CHART_SIDE_LEFT : CHART_SIDE_RIGHT)) != 0;
}

/* A trigger point is on the side of the region it lies in (the middle when
 * it lies in none). */
static bool tp_shown(const pat_ctx *p, const pm_trigger_point *tp)
{
    int r = content_region_at(p->c, tp->view, tp->at, 0.0);
    return r < 0 || side_shown(p, r);
}

static long zone_fill(int region, void *ctx)
{
    const pat_ctx *p = ctx;
    const pm_muscle *m = p->m;
    if (!side_shown(p, region))
        return -1;
    for (size_t i = 0; i < m->nprimary; i++)
        if (m->primary[i] == region)
            return COL_ZONE;
    for (size_t i = 0; i < m->nspill; i++)
        if (m->spill[i] == region)
            return COL_SPILL;
    return -1;
}

/* One view of a pattern, cropped to its zone and trigger points (on that
 * view, or on both when both are shown: then the two halves share one
 * scale and one crop), but never so tight that the body part cannot be
 * recognised. */
static chart_xf pattern_xf(const chart_art *a, const pat_ctx *pc, pm_view v, bool both,
                           SDL_Rect area)
{
    const pm_muscle *m = pc->m;
    geo_bounds z = {1e9, 1e9, -1e9, -1e9};
    /* Two views side by side are narrow: crop to the main zone and the
     * points (the spill-over may run off the edge) so they stay readable. */
    size_t nzone = both ? m->nprimary : m->nprimary + m->nspill;
    for (size_t i = 0; i < nzone; i++) {
        int r = i < m->nprimary ? m->primary[i] : m->spill[i - m->nprimary];
        const pm_region *reg = content_region(a->content, (size_t)r);
        if ((reg->view != v && !both) || !side_shown(pc, r))
            continue;
        z.x0 = fmin(z.x0, reg->bounds.x0);
        z.y0 = fmin(z.y0, reg->bounds.y0);
        z.x1 = fmax(z.x1, reg->bounds.x1);
        z.y1 = fmax(z.y1, reg->bounds.y1);
    }
    for (size_t i = 0; i < m->ntps; i++) {
        if ((m->tps[i].view != v && !both) || !tp_shown(pc, &m->tps[i]))
            continue;
        z.x0 = fmin(z.x0, m->tps[i].at.x);
        z.y0 = fmin(z.y0, m->tps[i].at.y);
        z.x1 = fmax(z.x1, m->tps[i].at.x);
        z.y1 = fmax(z.y1, m->tps[i].at.y);
    }
    geo_bounds all = chart_view_bounds(a->content, v);
    if (z.x0 > z.x1)
        z = all;
    double minh = (all.y1 - all.y0) * 0.45;
    double cx = (z.x0 + z.x1) / 2, cy = (z.y0 + z.y1) / 2;
    double hw = fmax((z.x1 - z.x0) / 2 * 1.25, minh * area.w / area.h / 2);
    double hh = fmax((z.y1 - z.y0) / 2 * 1.25, minh / 2);
    geo_bounds focus = {cx - hw, cy - hh, cx + hw, cy + hh};
    chart_xf xf = chart_fit(area, focus, 1, 0, 0);
    xf.art_once = true; /* this raster is drawn once into the picture */
    xf.own = true;
    return xf;
}

/* Spill-over is told apart by a pattern too, not only by a paler colour:
 * dots over it (the legend shows the same). Where they fall at xf: drawn,
 * or (into) kept in drawing order. False only when out of memory. */
static bool spill_dots(chart_art *a, const pat_ctx *pc, pm_view v, chart_xf xf, prep_dots *into)
{
    const pm_muscle *m = pc->m;
    for (size_t i = 0; i < m->nspill; i++) {
        const pm_region *reg = content_region(a->content, (size_t)m->spill[i]);
        if (reg->view != v || !side_shown(pc, m->spill[i]))
            continue;
        SDL_FPoint lo = chart_to_screen(xf, (geo_point){reg->bounds.x0, reg->bounds.y0});
        SDL_FPoint hi = chart_to_screen(xf, (geo_point){reg->bounds.x1, reg->bounds.y1});
        float step = (float)px(a->rc, 5);
        for (float y = lo.y + step / 2; y < hi.y; y += step)
            for (float x = lo.x + step / 2 + (((int)((y - lo.y) / step)) % 2) * step / 2; x < hi.x;
                 x += step) {
                geo_point p = chart_from_screen(xf, (int)x, (int)y);
                if (geo_locate(reg->poly, reg->npoly, p) != GEO_INSIDE)
                    continue;
                if (!into)
                    r_circle(a->rc, x, y, (float)px(a->rc, 1.1), COL_MARK_LINE, 255);
                else if (!prep_dots_add(into, (SDL_FPoint){x, y}))
                    return false;
            }
    }
    if (into)
        prep_dots_done(into, xf);
    return true;
}

/* One view of a pattern: the chart, the spill-over's dots, the trigger
 * points; the outlines and dots from prep's when they were prepared for
 * this very transform. */
static void pattern_view(chart_art *a, const pat_ctx *pc, pm_view v, bool both, SDL_Rect area,
                         const prep_outlines *kept, const prep_dots *dots)
{
    const pm_muscle *m = pc->m;
    chart_xf xf = pattern_xf(a, pc, v, both, area);
    pat_ctx ctx = *pc;
    draw_kept(a, v, xf, zone_fill, &ctx, kept ? kept : prep_view_outlines(a->prep, v));
    SDL_RenderSetClipRect(r_sdl(a->rc), &area);
    const SDL_FPoint *dot;
    int ndots;
    if (prep_dots_at(dots, xf, &dot, &ndots))
        for (int k = 0; k < ndots; k++)
            r_circle(a->rc, dot[k].x, dot[k].y, (float)px(a->rc, 1.1), COL_MARK_LINE, 255);
    else
        spill_dots(a, pc, v, xf, NULL);
    for (size_t i = 0; i < m->ntps; i++)
        if (m->tps[i].view == v && tp_shown(pc, &m->tps[i]))
            chart_draw_tp(a->rc, chart_to_screen(xf, m->tps[i].at), (float)px(a->rc, 6));
    SDL_RenderSetClipRect(r_sdl(a->rc), NULL);
}

/* The view that holds most of the pain zone; when the trigger points or
 * part of the main zone lie on the other side of the body (infraspinatus:
 * points on the shoulder blade, pain in the front of the shoulder), both
 * views side by side, so the picture always shows where it starts. */
static int pattern_views(const chart_art *a, const pat_ctx *pc, SDL_Rect area, pm_view v[2],
                         SDL_Rect at[2])
{
    const pm_muscle *m = pc->m;
    int count[VIEW_COUNT] = {0};
    for (size_t i = 0; i < m->nprimary; i++)
        if (side_shown(pc, m->primary[i]))
            count[content_region(a->content, (size_t)m->primary[i])->view]++;
    pm_view one = count[VIEW_BACK] > count[VIEW_FRONT] ? VIEW_BACK : VIEW_FRONT;
    if (count[VIEW_BACK] == count[VIEW_FRONT] && m->ntps)
        one = m->tps[0].view;
    pm_view o = one == VIEW_FRONT ? VIEW_BACK : VIEW_FRONT;
    bool other = count[o] > 0;
    for (size_t i = 0; i < m->ntps; i++)
        other = other || (m->tps[i].view == o && tp_shown(pc, &m->tps[i]));
    if (!other) {
        v[0] = one;
        at[0] = area;
        return 1;
    }
    int gap = px(a->rc, 4);
    int w1 = (area.w - gap) / 2;
    /* front on the left, back on the right, as on the therapist's page */
    v[0] = VIEW_FRONT;
    at[0] = (SDL_Rect){area.x, area.y, w1, area.h};
    v[1] = VIEW_BACK;
    at[1] = (SDL_Rect){area.x + w1 + gap, area.y, area.w - w1 - gap, area.h};
    return 2;
}

static pat_ctx pattern_ctx(const chart_art *a, int muscle, unsigned sides)
{
    return (pat_ctx){content_muscle(a->content, (size_t)muscle), a->content,
                     sides ? sides : CHART_SIDE_LEFT | CHART_SIDE_RIGHT};
}

static void pattern_now(chart_art *a, int muscle, unsigned sides, SDL_Rect area)
{
    pat_ctx pc = pattern_ctx(a, muscle, sides);
    pm_view v[2];
    SDL_Rect at[2];
    int n = pattern_views(a, &pc, area, v, at);
    prep_pattern *p = prep_find(a->prep, muscle, sides, area.w, area.h);
    for (int i = 0; i < n; i++)
        pattern_view(a, &pc, v[i], n == 2, at[i], p ? prep_pattern_outlines(p, i) : NULL,
                     p ? prep_pattern_dots(p, i) : NULL);
    if (n == 2) {
        int gap = px(a->rc, 4), w1 = at[0].w;
        r_line(a->rc, (float)(area.x + w1 + gap / 2.0), (float)(area.y + area.h / 10),
               (float)(area.x + w1 + gap / 2.0), (float)(area.y + area.h * 9 / 10), 1.5f, COL_LINE,
               255);
    }
}

static bool pic_held(const chart_picture *p) { return p->tex || p->pk; }

static void pic_free(chart_picture *p)
{
    if (p->tex)
        SDL_DestroyTexture(p->tex);
    pk_free(p->pk);
    memset(p, 0, sizeof *p);
}

/* Why pictures: a small chart is the artwork rasterised at its own size,
 * some sixty region outlines and the zone's polygons; six of them made the
 * patterns screen the slowest redraw (33-42 ms). The picture starts as a
 * copy of what is under it in the frame (the card's colour and rounded
 * border show through the artwork's edges), so the caller names what is
 * under it: selected or not. */
static chart_picture *pic_find(chart_art *a, int muscle, unsigned sides, SDL_Rect area,
                               bool selected, chart_picture **oldest)
{
    *oldest = &a->pics[0];
    for (int i = 0; i < ART_PICTURES; i++) {
        chart_picture *p = &a->pics[i];
        if (pic_held(p) && p->muscle == muscle && p->sides == sides && p->selected == selected &&
            p->area.w == area.w && p->area.h == area.h &&
            (p->anywhere || (p->area.x == area.x && p->area.y == area.y)))
            return p;
        if (!pic_held(p) || (pic_held(*oldest) && p->used < (*oldest)->used))
            *oldest = p;
    }
    return NULL;
}

/* The picture made: what is under it (the frame's pixels there, or
 * under() drawing them), then the pattern; the render target back to
 * back. NULL when no texture can be made. */
static SDL_Texture *pic_make(chart_art *a, int muscle, unsigned sides, SDL_Rect area,
                             chart_under_fn under, void *ctx, SDL_Texture *back)
{
    SDL_Renderer *ren = r_sdl(a->rc);
    /* the frame's own format: copied from and back to it without a
     * conversion of every pixel */
    Uint32 fmt = r_format(a->rc);
    SDL_Texture *tex = SDL_CreateTexture(ren, fmt, SDL_TEXTUREACCESS_TARGET, area.w, area.h);
    if (!tex || SDL_SetRenderTarget(ren, tex) != 0) {
        if (tex)
            SDL_DestroyTexture(tex);
        SDL_SetRenderTarget(ren, back);
        return NULL;
    }
    /* opaque: copied as it is, no blending (faster, the same pixels) */
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    SDL_RenderSetClipRect(ren, NULL);
    if (under)
        under(a->rc, (SDL_Point){area.x, area.y}, ctx);
    else
        r_copy_frame(a->rc, area); /* what is under it */
    pattern_now(a, muscle, sides, (SDL_Rect){0, 0, area.w, area.h});
    SDL_RenderSetClipRect(ren, NULL);
    SDL_SetRenderTarget(ren, back);
    if (a->art && r_packs(a->rc))
        art_shed_textures(a->art); /* the packed rasters stay */
    return tex;
}

/* A big picture (a pattern enlarged) where the artwork is drawn packed at
 * its own size: drawn each time instead of kept (pattern_in_place).
 * Packed, its artwork is a copy of its fills (~1 M instructions); kept, it
 * was 2.3 MB at 1280x800 and needed its artwork as textures (5.6 MB) while
 * it was made. Artwork scaled down (a narrow portrait screen) still makes
 * a picture: the software renderer scales a raster running off the
 * picture's edge otherwise than one inside the frame. */
static bool drawn_each_time(chart_art *a, int muscle, unsigned sides, SDL_Rect area)
{
    if (!a->art || !r_packed_now(a->rc) || (long)area.w * area.h * 8 <= (long)r_w(a->rc) * r_h(a->rc))
        return false;
    pat_ctx pc = pattern_ctx(a, muscle, sides);
    pm_view v[2];
    SDL_Rect at[2];
    int n = pattern_views(a, &pc, (SDL_Rect){0, 0, area.w, area.h}, v, at);
    for (int i = 0; i < n; i++) {
        if (art_scaled(a, v[i], pattern_xf(a, &pc, v[i], n == 2, at[i])))
            return false;
    }
    return true;
}

/* The pattern drawn into the frame where a picture of it would be: the
 * viewport set to area, so that everything is placed as in the picture
 * (its kept outlines are traced at the picture's origin), the same pixels. */
static void pattern_in_place(chart_art *a, int muscle, unsigned sides, SDL_Rect area)
{
    SDL_Renderer *ren = r_sdl(a->rc);
    SDL_Rect clip;
    bool clipped = SDL_RenderIsClipEnabled(ren);
    if (clipped)
        SDL_RenderGetClipRect(ren, &clip);
    SDL_RenderSetViewport(ren, &area);
    SDL_RenderSetClipRect(ren, NULL);
    pattern_now(a, muscle, sides, (SDL_Rect){0, 0, area.w, area.h});
    SDL_RenderSetViewport(ren, NULL);
    SDL_RenderSetClipRect(ren, clipped ? &clip : NULL);
}

/* Where a picture made ahead may go: an empty place, else the least used
 * of those not themselves made ahead and still unshown; none when every
 * place holds such a one. Why: pictures made ahead all carry the same
 * stamp, so once they filled every place, each new one went to the first
 * place, pushing out the one made just before, which was then made again,
 * for ever, between frames (a busy loop the monkey found:
 * tests/monkey/regressions/patterns-ahead-never-evicts-itself.replay). Now
 * each round of work ahead ends after at most ART_PICTURES pictures. */
static chart_picture *pic_room_ahead(chart_art *a)
{
    chart_picture *room = NULL;
    for (int i = 0; i < ART_PICTURES; i++) {
        chart_picture *p = &a->pics[i];
        if (!pic_held(p))
            return p;
        if (!p->unshown && (!room || p->used < room->used))
            room = p;
    }
    return room;
}

void chart_draw_pattern(chart_art *a, int muscle, unsigned sides, SDL_Rect area, bool selected)
{
    if (area.w <= 0 || area.h <= 0)
        return;
    chart_picture *oldest;
    chart_picture *p = pic_find(a, muscle, sides, area, selected, &oldest);
    if (p) {
        p->used = ++a->pics_clock;
        p->unshown = false;
        picture_show(a, p->tex, p->pk, area);
        return;
    }
    if (drawn_each_time(a, muscle, sides, area)) {
        pattern_in_place(a, muscle, sides, area);
        return;
    }
    SDL_Texture *tex = pic_make(a, muscle, sides, area, NULL, NULL, r_frame(a->rc));
    if (!tex) {
        pattern_now(a, muscle, sides, area); /* straight into the frame, as before */
        return;
    }
    prep_pattern *done = prep_find(a->prep, muscle, sides, area.w, area.h);
    if (done)
        prep_free(done); /* the picture is kept now */
    pic_free(oldest);
    *oldest = (chart_picture){.muscle = muscle, .sides = sides, .area = area,
                              .selected = selected, .used = ++a->pics_clock};
    oldest->tex = tex; /* packed between frames (chart_art_adopt) */
    SDL_RenderCopy(r_sdl(a->rc), tex, NULL, &area);
}

bool chart_pattern_kept(chart_art *a, int muscle, unsigned sides, SDL_Rect area, bool selected)
{
    chart_picture *oldest;
    return pic_find(a, muscle, sides, area, selected, &oldest) != NULL;
}

/* Prepares p for the picture of muscle and sides w x h (drawn into a
 * picture of its own: at the origin). */
static bool pattern_prepare(chart_art *a, prep_pattern *p, int muscle, unsigned sides, int w, int h)
{
    pat_ctx pc = pattern_ctx(a, muscle, sides);
    pm_view v[2];
    SDL_Rect at[2], pic = {0, 0, w, h}, area;
    int n = pattern_views(a, &pc, pic, v, at);
    float lw = outline_width(a->rc);
    for (int i = 0; i < n; i++) {
        chart_xf xf = pattern_xf(a, &pc, v[i], n == 2, at[i]);
        if (!SDL_IntersectRect(&pic, &xf.clip, &area))
            continue;
        if (!prep_outlines_trace(a->prep, prep_pattern_outlines(p, i), v[i], xf, area, lw) ||
            !spill_dots(a, &pc, v[i], xf, prep_pattern_dots(p, i)))
            return false;
    }
    return true;
}

bool chart_pattern_prepare(chart_art *a, int muscle, unsigned sides, SDL_Rect area)
{
    if (area.w <= 0 || area.h <= 0 || r_measure_only(a->rc))
        return false;
    chart_picture *oldest;
    if (prep_find(a->prep, muscle, sides, area.w, area.h) ||
        pic_find(a, muscle, sides, area, false, &oldest))
        return false;
    prep_pattern *room = prep_room(a->prep, muscle, sides, area.w, area.h);
    if (!pattern_prepare(a, room, muscle, sides, area.w, area.h))
        prep_free(room); /* out of memory: traced as it draws, as before */
    return true;
}

bool chart_pattern_ahead(chart_art *a, int muscle, unsigned sides, SDL_Rect area, bool selected,
                         bool anywhere, chart_under_fn under, void *ctx)
{
    if (area.w <= 0 || area.h <= 0 || !a->art || r_measure_only(a->rc) || art_busy(a->art))
        return false;
    chart_picture *oldest;
    if (pic_find(a, muscle, sides, area, selected, &oldest))
        return false;
    chart_picture *room = pic_room_ahead(a);
    if (!room)
        return false;
    SDL_Texture *tex = pic_make(a, muscle, sides, area, under, ctx, NULL);
    if (!tex)
        return false;
    pic_free(room);
    /* not used yet: the first to go should the screen never come */
    *room = (chart_picture){.muscle = muscle, .sides = sides, .area = area,
                            .selected = selected, .anywhere = anywhere, .unshown = true,
                            .used = a->pics_clock};
    room->tex = tex;
    picture_keep(a, &room->tex, &room->pk, area.w, area.h);
    return pic_held(room);
}

/* ---- ahead of need ------------------------------------------------------------ */

void chart_want_figure(chart_art *a, pm_view v, chart_xf xf, art_keep keep)
{
    SDL_Rect fig, vis;
    if (!a->art || r_measure_only(a->rc) || !art_has(a->art, v) || !art_box(a, xf, &fig, &vis))
        return;
    art_want(a->art, v, fig.w, fig.h, (SDL_Rect){vis.x - fig.x, vis.y - fig.y, vis.w, vis.h}, keep);
    if (keep == ART_KEEP_SIZE) {
        a->figure[v].w = fig.w;
        a->figure[v].h = fig.h;
    }
}

/* The whole figure of v for pictures with a figure fig_w x fig_h. */
static void want_whole(chart_art *a, pm_view v, int fig_w, int fig_h, art_keep keep)
{
    int fw, fh;
    small_size(a, fig_w, fig_h, &fw, &fh);
    art_want(a->art, v, fw, fh, (SDL_Rect){0, 0, fw, fh}, keep);
    if (keep == ART_KEEP_SIZE) {
        a->pictures[v].w = fw;
        a->pictures[v].h = fh;
    }
}

void chart_want_pictures(chart_art *a, int area_h, art_keep keep)
{
    if (!a->art || r_measure_only(a->rc) || area_h <= 0)
        return;
    for (int v = 0; v < VIEW_COUNT; v++) {
        if (!art_has(a->art, (pm_view)v))
            continue;
        /* pattern_xf: the focus is at least 45% of the figure's height, so
         * its scale is at most this (width-limited pictures have less) */
        geo_bounds all = chart_view_bounds(a->content, (pm_view)v);
        double s = area_h / ((all.y1 - all.y0) * 0.45);
        want_whole(a, (pm_view)v, (int)lround(content_chart_width(a->content) * s),
                   (int)lround(content_chart_height(a->content) * s), keep);
    }
}

/* Rasters packed where they are drawn straight into the frame, else
 * textures (ui/art.h). */
static void art_mode(chart_art *a)
{
    if (a->art)
        art_use_textures(a->art, !r_packs(a->rc));
}

void chart_art_settle(chart_art *a)
{
    if (a->art) {
        art_settle(a->art);
        art_mode(a);
        art_adopt(a->art);
    }
}

bool chart_art_busy(chart_art *a) { return a->art && art_busy(a->art); }

bool chart_art_pack(chart_art *a)
{
    if (!r_packs(a->rc))
        return false;
    for (size_t i = 0; i < sizeof a->art_pics / sizeof a->art_pics[0]; i++) {
        struct art_pic *p = &a->art_pics[i];
        if (p->tex) {
            picture_keep(a, &p->tex, &p->pk, p->clip.w, p->clip.h);
            return true;
        }
    }
    for (int i = 0; i < ART_PICTURES; i++) {
        chart_picture *p = &a->pics[i];
        if (p->tex) {
            picture_keep(a, &p->tex, &p->pk, p->area.w, p->area.h);
            return true;
        }
    }
    return false;
}

void chart_art_adopt(chart_art *a)
{
    if (a->art) {
        art_mode(a);
        art_adopt(a->art);
    }
}

void chart_keep_map_art(chart_art *a, pm_view v)
{
    if (!a->art)
        return;
    art_keep_texture(a->art, r_packs(a->rc) ? v : VIEW_COUNT);
    art_adopt(a->art);
}

void chart_art_release(chart_art *a, bool figures, bool some)
{
    if (figures) {
        if (a->art) {
            art_keep_texture(a->art, VIEW_COUNT);
            art_shed_textures(a->art);
        }
        art_pics_clear(a);
        if (a->close.tex)
            SDL_DestroyTexture(a->close.tex);
        a->close.tex = NULL;
    }
    if (some) {
        prep_drop_patterns(a->prep);
        if (a->art)
            art_release_some(a->art);
    }
}

void chart_art_drop_figures(chart_art *a)
{
    for (int v = 0; v < VIEW_COUNT; v++) {
        if (a->art && a->figure[v].w > 0)
            art_drop(a->art, (pm_view)v, a->figure[v].w, a->figure[v].h);
        a->figure[v].w = a->figure[v].h = 0;
    }
}

void chart_sizes_changed(chart_art *a)
{
    art_mode(a);
    memset(a->figure, 0, sizeof a->figure);
    memset(a->pictures, 0, sizeof a->pictures);
    chart_pictures_clear(a, false);
    art_pics_clear(a);
    chart_art_drop_outlines(a);
    if (a->art)
        art_forget(a->art);
}

void chart_pictures_clear(chart_art *a, bool only_selected)
{
    prep_drop_patterns(a->prep); /* the sides shown are the client's */
    for (int i = 0; i < ART_PICTURES; i++) {
        chart_picture *p = &a->pics[i];
        if (pic_held(p) && (p->selected || !only_selected))
            pic_free(p);
    }
}

void chart_art_destroy(chart_art *a)
{
    if (!a)
        return;
    chart_pictures_clear(a, false);
    prep_destroy(a->prep);
    if (a->close.tex)
        SDL_DestroyTexture(a->close.tex);
    art_pics_clear(a);
    art_destroy(a->art);
    free(a);
}

/* ---- the chart screen's figure ---------------------------------------------- */

/* The outline of region r through xf into pts (at most MAXP points); the
 * number written, 0 when it is too long. */
enum { FIG_MAXP = 1024 };
static int screen_outline(const pm_region *r, chart_xf xf, SDL_FPoint *pts)
{
    if (r->npoly > FIG_MAXP)
        return 0;
    for (size_t k = 0; k < r->npoly; k++)
        pts[k] = chart_to_screen(xf, r->poly[k]);
    return (int)r->npoly;
}

/* Hatching inside a polygon: lines x + y = c every gap pixels, each cut
 * where it crosses the outline (even-odd), so a mark reads without colour. */
static void hatch(rctx *rc, const SDL_FPoint *pts, int n, float gap, float w, unsigned rgb,
                  Uint8 alpha)
{
    float lo = 1e9f, hi = -1e9f;
    for (int k = 0; k < n; k++) {
        lo = fminf(lo, pts[k].x + pts[k].y);
        hi = fmaxf(hi, pts[k].x + pts[k].y);
    }
    enum { MAXX = 64 };
    for (float c = ceilf(lo / gap) * gap; c < hi; c += gap) {
        float xs[MAXX];
        int m = 0;
        for (int k = 0; k < n && m < MAXX; k++) {
            SDL_FPoint p = pts[k], q = pts[(k + 1) % n];
            float fp = p.x + p.y - c, fq = q.x + q.y - c;
            if ((fp > 0) != (fq > 0))
                xs[m++] = p.x + (q.x - p.x) * fp / (fp - fq);
        }
        for (int i = 1; i < m; i++) /* a few crossings: insertion sort */
            for (int j = i; j > 0 && xs[j] < xs[j - 1]; j--) {
                float t = xs[j];
                xs[j] = xs[j - 1];
                xs[j - 1] = t;
            }
        for (int i = 0; i + 1 < m; i += 2)
            r_line(rc, xs[i], c - xs[i], xs[i + 1], c - xs[i + 1], w, rgb, alpha);
    }
}

/* The close-up's picture: every region it shows, the ones it can choose in
 * full, the others faded; drawn once per close-up into a texture that
 * starts as a copy of the frame under it (the panel's rounded corners). */
#define COL_FADED 0xF5F2ED
#define COL_FADED_LINE 0xCFC6BA
static void close_draw(chart_art *a, bodychart *b, const bodychart_view *cv, SDL_Rect panel,
                       geo_bounds reach, double unit)
{
    SDL_Renderer *ren = r_sdl(a->rc);
    if (a->close.tex && a->close.view == cv->view && SDL_RectEquals(&a->close.panel, &panel) &&
        memcmp(&a->close.xf, &cv->xf, sizeof cv->xf) == 0) {
        SDL_RenderCopy(ren, a->close.tex, NULL, &panel);
        return;
    }
    if (!a->close.tex || !SDL_RectEquals(&a->close.panel, &panel)) {
        if (a->close.tex)
            SDL_DestroyTexture(a->close.tex);
        /* the frame's own format: copied from and back to it without a
         * conversion of every pixel (opaque: the same pixels) */
        Uint32 fmt = r_format(a->rc);
        a->close.tex = SDL_CreateTexture(ren, fmt, SDL_TEXTUREACCESS_TARGET, panel.w, panel.h);
        if (a->close.tex)
            SDL_SetTextureBlendMode(a->close.tex, SDL_BLENDMODE_NONE);
    }
    SDL_Texture *tex = a->close.tex;
    bool into = tex && SDL_SetRenderTarget(ren, tex) == 0;
    chart_xf xf = {cv->xf.s, cv->xf.ox, cv->xf.oy, panel, false, false};
    if (into) {
        SDL_RenderSetClipRect(ren, NULL);
        r_copy_frame(a->rc, panel);
        xf.ox -= panel.x;
        xf.oy -= panel.y;
        xf.clip = (SDL_Rect){0, 0, panel.w, panel.h};
    }
    geo_point lo = chart_from_screen(xf, xf.clip.x - 4, xf.clip.y - 4);
    geo_point hi = chart_from_screen(xf, xf.clip.x + xf.clip.w + 4, xf.clip.y + xf.clip.h + 4);
    SDL_FPoint pts[FIG_MAXP];
    float thin = (float)fmax(1.0, unit), thick = (float)fmax(1.6, 1.8 * unit);
    for (int pass = 0; pass < 2; pass++) {
        /* faded ones first, so the chosen ones' outlines lie on top */
        for (size_t i = 0; i < content_region_count(a->content); i++) {
            const pm_region *r = content_region(a->content, i);
            if (r->view != cv->view || r->bounds.x1 < lo.x || r->bounds.x0 > hi.x ||
                r->bounds.y1 < lo.y || r->bounds.y0 > hi.y)
                continue;
            bool target = bodychart_is_target(b, cv, reach, unit, (int)i);
            if (target != (pass == 1))
                continue;
            int n = screen_outline(r, xf, pts);
            r_polygon(a->rc, pts, n, target ? COL_SKIN : COL_FADED, 255);
            r_outline(a->rc, pts, n, target ? thick : thin, target ? COL_SKIN_LINE : COL_FADED_LINE,
                    255);
        }
    }
    if (into) {
        SDL_SetRenderTarget(ren, r_frame(a->rc));
        SDL_RenderSetClipRect(ren, &panel);
        SDL_RenderCopy(ren, tex, NULL, &panel);
        a->close.view = cv->view;
        a->close.xf = cv->xf;
        a->close.panel = panel;
    } else {
        a->close.view = VIEW_COUNT; /* drawn straight into the frame: nothing kept */
    }
}

/* Cues to where the client is, in the body model's coordinates
 * (tools/bodymap.py: a 600 x 1000 chart, the head centred at (300, 79),
 * the neck's base at 162, the shoulder blades in the back's band 212-300,
 * the sacrum from 440): a face on the front; on the back the hairline, the
 * spine and the shoulder blades. Drawn only on that chart size. */
static void cue_line(rctx *rc, chart_xf xf, const geo_point *p, int n, float w, Uint8 alpha)
{
    for (int i = 0; i + 1 < n; i++) {
        SDL_FPoint a = chart_to_screen(xf, p[i]), b = chart_to_screen(xf, p[i + 1]);
        r_line(rc, a.x, a.y, b.x, b.y, w, COL_SKIN_LINE, alpha);
        if (i > 0)
            r_circle(rc, a.x, a.y, w / 2, COL_SKIN_LINE, alpha);
    }
}

static void cues_draw(chart_art *a, pm_view v, chart_xf xf, double unit)
{
    if (content_chart_width(a->content) != 600 || content_chart_height(a->content) != 1000)
        return;
    rctx *rc = a->rc;
    float w = (float)fmin(fmax(1.3 * xf.s, 1.3), 3.5 * unit);
    if (v == VIEW_FRONT) {
        for (int side = -1; side <= 1; side += 2) {
            SDL_FPoint e = chart_to_screen(xf, (geo_point){300 + side * 16.5, 77});
            r_circle(rc, e.x, e.y, (float)fmax(3.6 * xf.s, 1.4), COL_SKIN_LINE, 230);
            const geo_point brow[] = {{300 + side * 9.0, 67}, {300 + side * 16.5, 64.5},
                                      {300 + side * 24.0, 66.5}};
            cue_line(rc, xf, brow, 3, w, 200);
        }
        const geo_point nose[] = {{300, 80}, {296.5, 97}, {300.5, 99}, {304, 97.5}};
        cue_line(rc, xf, nose, 4, w, 200);
        const geo_point mouth[] = {{289, 116.5}, {294, 119.5}, {300, 120.5}, {306, 119.5}, {311, 116.5}};
        cue_line(rc, xf, mouth, 5, w, 220);
        return;
    }
    const geo_point hair[] = {{262, 104}, {275, 110}, {288, 113}, {300, 114}, {312, 113}, {325, 110},
                              {338, 104}};
    cue_line(rc, xf, hair, 7, w, 200);
    for (double y = 174; y <= 436; y += 13) {
        double half = y < 300 ? 5.5 : 6.5;
        const geo_point tick[] = {{300 - half, y}, {300 + half, y}};
        cue_line(rc, xf, tick, 2, w, 170);
    }
    for (int side = -1; side <= 1; side += 2) {
        const geo_point blade[] = {{300 + side * 35.0, 219}, {300 + side * 76.0, 224},
                                   {300 + side * 62.0, 258}, {300 + side * 40.0, 292},
                                   {300 + side * 35.0, 219}};
        cue_line(rc, xf, blade, 5, w, 170);
    }
}

void chart_figure_draw(chart_art *a, bodychart *b, const bodychart_view *cv, SDL_Rect panel,
                       geo_bounds reach, double unit, chart_fill_fn marked, void *ctx, int pressed)
{
    if (r_measure_only(a->rc) || !b)
        return;
    SDL_Renderer *ren = r_sdl(a->rc);
    chart_xf xf = {cv->xf.s, cv->xf.ox, cv->xf.oy, panel, false, false};
    SDL_RenderSetClipRect(ren, &panel);
    if (cv->close)
        close_draw(a, b, cv, panel, reach, unit);
    else if (!art_picture(a, cv->view, xf, ART_KEEP_SIZE))
        chart_draw(a, cv->view, xf, NULL, NULL); /* no artwork: the region outlines */
    SDL_RenderSetClipRect(ren, &panel);
    geo_point lo = chart_from_screen(xf, panel.x - 4, panel.y - 4);
    geo_point hi = chart_from_screen(xf, panel.x + panel.w + 4, panel.y + panel.h + 4);
    SDL_FPoint pts[FIG_MAXP];
    float line = (float)(cv->close ? fmax(2.0, 3.0 * unit) : fmax(1.2, 1.4 * unit));
    float gap = (float)fmax(4.0, (cv->close ? 9.0 : 4.0) * unit);
    for (size_t i = 0; i < content_region_count(a->content); i++) {
        const pm_region *r = content_region(a->content, i);
        if (r->view != cv->view || r->bounds.x1 < lo.x || r->bounds.x0 > hi.x ||
            r->bounds.y1 < lo.y || r->bounds.y0 > hi.y)
            continue;
        long f = marked ? marked((int)i, ctx) : -1;
        if (f < 0)
            continue;
        int n = screen_outline(r, xf, pts);
        r_polygon(a->rc, pts, n, (unsigned)f, 255);
        hatch(a->rc, pts, n, gap, (float)fmax(1.0, 1.2 * unit), COL_MARK_LINE, 150);
        r_outline(a->rc, pts, n, line, COL_MARK_LINE, 255);
    }
    cues_draw(a, cv->view, xf, unit);
    if (pressed >= 0) {
        const pm_region *r = content_region(a->content, (size_t)pressed);
        int n = r && r->view == cv->view ? screen_outline(r, xf, pts) : 0;
        if (n) {
            r_polygon(a->rc, pts, n, COL_PRIMARY, 60);
            r_outline(a->rc, pts, n, (float)fmax(2.0, 3.0 * unit), COL_PRIMARY, 255);
        }
    }
    SDL_RenderSetClipRect(ren, NULL);
}

void chart_minimap_draw(chart_art *a, bodychart *b, const bodychart_view *whole,
                        const bodychart_view *close, geo_bounds whole_panel, SDL_Rect area)
{
    if (r_measure_only(a->rc) || !b)
        return;
    rctx *rc = a->rc;
    r_round(rc, area, px(rc, 8), COL_SURFACE);
    SDL_Rect in = {area.x + px(rc, 4), area.y + px(rc, 4), area.w - px(rc, 8), area.h - px(rc, 8)};
    geo_bounds vb = bodychart_view_bounds(b, whole->view);
    geo_xf g = geo_xf_fit(vb, (geo_bounds){in.x, in.y, in.x + in.w, in.y + in.h});
    chart_xf xf = {g.s, g.ox, g.oy, in, true, false};
    if (!art_picture(a, whole->view, xf, ART_KEEP_SIZE))
        chart_draw(a, whole->view, xf, NULL, NULL);
    /* the part the close-up shows, framed */
    geo_point p0 = geo_xf_invert(close->xf, (geo_point){whole_panel.x0, whole_panel.y0});
    geo_point p1 = geo_xf_invert(close->xf, (geo_point){whole_panel.x1, whole_panel.y1});
    SDL_FPoint q0 = chart_to_screen(xf, p0), q1 = chart_to_screen(xf, p1);
    q0.x = fmaxf(q0.x, (float)in.x);
    q0.y = fmaxf(q0.y, (float)in.y);
    q1.x = fminf(q1.x, (float)(in.x + in.w));
    q1.y = fminf(q1.y, (float)(in.y + in.h));
    float w = (float)fmax(2.0, 2.5 * r_unit(rc));
    SDL_RenderSetClipRect(r_sdl(rc), &area);
    r_line(rc, q0.x, q0.y, q1.x, q0.y, w, COL_MARK_LINE, 255);
    r_line(rc, q1.x, q0.y, q1.x, q1.y, w, COL_MARK_LINE, 255);
    r_line(rc, q1.x, q1.y, q0.x, q1.y, w, COL_MARK_LINE, 255);
    r_line(rc, q0.x, q1.y, q0.x, q0.y, w, COL_MARK_LINE, 255);
    SDL_RenderSetClipRect(r_sdl(rc), NULL);
}
