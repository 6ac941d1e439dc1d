/* chart.c — the body figure and its artwork cache (see chart.h).
 *
 * Why rasters are kept and cropped: SDL_image parses the whole SVG for
 * every raster, and a raster of the whole figure at 1280x800 zoomed in is
 * tens of megabytes; see rasterise() and art_draw(). */
#include "ui/chart.h"

#include <SDL_image.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/journal.h"

/* A raster of part of the artwork (art_draw): the figure of view drawn
 * fw x fh pixels, of which part was rasterised. */
#define ART_RASTERS 2
typedef struct {
    SDL_Texture *tex;
    pm_view view;
    int fw, fh;
    SDL_Rect part;
    uint32_t used;
} art_raster;

/* A small chart drawn once into a texture (chart_draw_pattern). */
#define ART_PICTURES 8
typedef struct {
    SDL_Texture *tex;
    int muscle;
    SDL_Rect area;
    bool selected;               /* drawn on a selected card */
    uint32_t used;
} chart_picture;

struct chart_art {
    rctx *rc;
    const pm_content *content;
    char assets_dir[900];        /* "" : no artwork */
    /* the SVG text read once; the two rasters drawn last (whole figure and
     * zoomed, or front and back) */
    char *art_svg[VIEW_COUNT];
    art_raster art[ART_RASTERS];
    /* Pattern pictures: one raster of each whole figure, scaled down for
     * every small chart (art_small_draw), so a dozen pictures cost two
     * rasterisations instead of a dozen. fw/fh 0: none yet. */
    art_raster art_small[VIEW_COUNT];
    uint32_t art_clock;
    bool art_missing[VIEW_COUNT];
    /* small pattern charts: content, not client data, except which were
     * drawn selected (dropped when a client is forgotten) */
    chart_picture pics[ART_PICTURES];
    uint32_t pics_clock;
    /* the chart screen's close-up, drawn once from the region outlines */
    struct {
        SDL_Texture *tex;
        pm_view view;
        geo_xf xf;
        SDL_Rect panel;
    } close;
};

chart_art *chart_art_create(rctx *rc, const pm_content *c, const char *assets_dir)
{
    chart_art *ch = calloc(1, sizeof *ch);
    if (!ch)
        return NULL;
    ch->rc = rc;
    ch->content = c;
    snprintf(ch->assets_dir, sizeof ch->assets_dir, "%s", assets_dir ? assets_dir : "");
    return ch;
}

void chart_art_skip(chart_art *ch)
{
    for (int v = 0; v < VIEW_COUNT; v++)
        ch->art_missing[v] = true; /* the figure from region polygons: same layout */
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

/* The SVG text of a view, read once (the pictures are rasterised from it
 * again at other sizes). NULL when it is missing. */
static const char *art_text(chart_art *a, pm_view v)
{
    if (a->art_svg[v] || a->art_missing[v] || !a->assets_dir[0])
        return a->art_svg[v];
    char path[1024];
    snprintf(path, sizeof path, "%s/chart/%s.svg", a->assets_dir, content_view_name(v));
    size_t len = 0;
    a->art_svg[v] = SDL_LoadFile(path, &len);
    if (!a->art_svg[v])
        a->art_missing[v] = true; /* figure from region polygons only */
    return a->art_svg[v];
}

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

/* Rasterises the rectangle part of view v's artwork drawn at fw x fh
 * pixels, as a surface the size of part. The root element is rewritten so
 * that its viewBox is just that part: nanosvg (inside SDL_image) then draws
 * only what shows, at the same scale as the whole figure would be drawn.
 * Why: the zoomed chart at 1280x800 was a 17 MB surface plus its 17 MB
 * texture for the third of the figure on screen. Falls back to the whole
 * figure (part ignored, *whole set) when the root element is not simple. */
static SDL_Surface *rasterise(chart_art *a, pm_view v, int fw, int fh, SDL_Rect part, bool *whole)
{
    const char *svg = art_text(a, v);
    *whole = false;
    if (!svg)
        return NULL;
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

static bool contains(SDL_Rect outer, SDL_Rect in)
{
    return in.x >= outer.x && in.y >= outer.y && in.x + in.w <= outer.x + outer.w &&
           in.y + in.h <= outer.y + outer.h;
}

/* Draws view v's artwork for xf, only where xf.clip lets it show. Keeps the
 * raster for next time unless xf.art_once: the two used last, so that
 * zooming out, or turning back to the other view, finds its raster again
 * (rasterising is most of such a tap), while never more than two figures'
 * worth of pixels stays. Returns whether the view has artwork at all (the
 * region fills are lighter over it). */
/* A small chart drawn once into a picture: the whole figure rasterised once
 * per view (at the largest scale asked for so far, never below it) and
 * scaled down with linear filtering. SDL_image parses the whole SVG for
 * every raster, so drawing six pattern pictures (twelve halves when both
 * views show) from their own rasters made entering the patterns screen
 * take 30-60 ms; this way it is two rasters, once. */
static bool art_small_draw(chart_art *a, pm_view v, chart_xf xf, SDL_Rect fig, SDL_Rect vis)
{
    (void)xf;
    /* The chart screen's own raster of the whole figure, when it is big
     * enough, costs nothing more. */
    art_raster *r = NULL;
    for (int i = 0; i < ART_RASTERS; i++) {
        art_raster *c = &a->art[i];
        if (c->tex && c->view == v && c->part.x == 0 && c->part.y == 0 && c->part.w == c->fw &&
            c->part.h == c->fh && c->fw >= fig.w)
            r = c;
    }
    if (!r) {
        r = &a->art_small[v];
        if (!r->tex || r->fw < fig.w) {
            /* tall enough for any small chart on this screen size, so it is
             * made once */
            int fh = fig.h > r_h(a->rc) * 7 / 10 ? fig.h : r_h(a->rc) * 7 / 10;
            int fw = (int)lround((double)fh * fig.w / fig.h);
            bool whole = false;
            SDL_Surface *s = rasterise(a, v, fw, fh, (SDL_Rect){0, 0, fw, fh}, &whole);
            if (!s)
                return false;
            SDL_Texture *tex = SDL_CreateTextureFromSurface(r_sdl(a->rc), s);
            SDL_FreeSurface(s);
            if (!tex)
                return false;
            if (r->tex)
                SDL_DestroyTexture(r->tex);
            *r = (art_raster){tex, v, fw, fh, {0, 0, fw, fh}, 0};
        }
    }
    double k = (double)r->fw / fig.w;
    SDL_Rect src = {(int)lround((vis.x - fig.x) * k), (int)lround((vis.y - fig.y) * k),
                    (int)lround(vis.w * k), (int)lround(vis.h * k)};
    SDL_SetTextureScaleMode(r->tex, SDL_ScaleModeLinear);
    SDL_RenderCopy(r_sdl(a->rc), r->tex, &src, &vis);
    SDL_SetTextureScaleMode(r->tex, SDL_ScaleModeNearest);
    return true;
}

static bool art_draw(chart_art *a, pm_view v, chart_xf xf)
{
    if (!art_text(a, v))
        return false;
    int fw = (int)lround(content_chart_width(a->content) * xf.s);
    int fh = (int)lround(content_chart_height(a->content) * xf.s);
    if (fw <= 0 || fh <= 0 || fw >= 8192 || fh >= 8192)
        return false;
    SDL_Rect fig = {(int)lround(xf.ox), (int)lround(xf.oy), fw, fh}, vis;
    if (!SDL_IntersectRect(&fig, &xf.clip, &vis))
        return true;
    if (xf.art_once && art_small_draw(a, v, xf, fig, vis))
        return true;
    SDL_Rect part = {vis.x - fig.x, vis.y - fig.y, vis.w, vis.h};
    SDL_Texture *tex = NULL;
    bool temporary = false;
    SDL_Rect have = {0, 0, 0, 0};
    art_raster *slot = &a->art[0];
    for (int i = 0; i < ART_RASTERS; i++) {
        art_raster *r = &a->art[i];
        if (r->tex && r->view == v && r->fw == fw && r->fh == fh && contains(r->part, part)) {
            r->used = ++a->art_clock;
            tex = r->tex;
            have = r->part;
            break;
        }
        if (!r->tex || (slot->tex && r->used < slot->used))
            slot = r;
    }
    if (!tex) {
        bool whole = false;
        SDL_Surface *s = rasterise(a, v, fw, fh, part, &whole);
        if (!s) {
            journal_log(JOURNAL_WARNING, "%s artwork: cannot draw it (%s); using region outlines",
                        content_view_name(v), IMG_GetError());
            a->art_missing[v] = true;
            return false;
        }
        have = whole ? (SDL_Rect){0, 0, s->w, s->h} : (SDL_Rect){part.x, part.y, s->w, s->h};
        tex = SDL_CreateTextureFromSurface(r_sdl(a->rc), s);
        SDL_FreeSurface(s); /* the texture has its own copy: do not hold both */
        if (!tex)
            return true;
        temporary = xf.art_once;
        if (!temporary) {
            if (slot->tex)
                SDL_DestroyTexture(slot->tex);
            *slot = (art_raster){tex, v, fw, fh, have, ++a->art_clock};
        }
    }
    SDL_Rect src = {part.x - have.x, part.y - have.y, part.w, part.h};
    SDL_RenderCopy(r_sdl(a->rc), tex, &src, &vis);
    if (temporary)
        SDL_DestroyTexture(tex);
    return true;
}

void chart_draw_tp(rctx *rc, SDL_FPoint p, float r)
{
    r_circle(rc, p.x, p.y, r, 0xFFFFFF, 255);
    r_circle(rc, p.x, p.y, r * 0.8f, COL_INK, 255);
    r_circle(rc, p.x, p.y, r * 0.45f, 0xFFFFFF, 255);
    r_circle(rc, p.x, p.y, r * 0.25f, COL_INK, 255);
}

void chart_draw(chart_art *a, pm_view v, chart_xf xf, chart_fill_fn fill, void *ctx)
{
    const pm_content *c = a->content;
    SDL_RenderSetClipRect(r_sdl(a->rc), &xf.clip);
    bool art = art_draw(a, v, xf);
    enum { MAXP = 512 };
    SDL_FPoint pts[MAXP];
    float lw = (float)(r_unit(a->rc) * 1.6);
    if (lw < 1.2f)
        lw = 1.2f;
    /* A little beyond the clip, for the outline's width. */
    geo_point lo = chart_from_screen(xf, xf.clip.x - 4, xf.clip.y - 4);
    geo_point hi = chart_from_screen(xf, xf.clip.x + xf.clip.w + 4, xf.clip.y + xf.clip.h + 4);
    for (size_t i = 0; i < content_region_count(c); i++) {
        const pm_region *r = content_region(c, i);
        if (r->view != v || r->npoly > MAXP)
            continue;
        /* Regions wholly outside the clip cost the renderer a call per
         * outline segment for nothing: most of them in a zoomed chart or a
         * pattern's small cropped one. */
        if (r->bounds.x1 < lo.x || r->bounds.x0 > hi.x || r->bounds.y1 < lo.y || r->bounds.y0 > hi.y)
            continue;
        for (size_t k = 0; k < r->npoly; k++)
            pts[k] = chart_to_screen(xf, r->poly[k]);
        long f = fill ? fill((int)i, ctx) : -1;
        if (f >= 0)
            r_polygon(a->rc, pts, (int)r->npoly, (unsigned)f, art ? 200 : 255);
        else if (!art)
            r_polygon(a->rc, pts, (int)r->npoly, COL_SKIN, 255);
        unsigned line = f >= 0 ? COL_MARK_LINE : COL_SKIN_LINE;
        r_outline(a->rc, pts, (int)r->npoly, lw, line, art ? 110 : 200);
    }
    SDL_RenderSetClipRect(r_sdl(a->rc), NULL);
}

/* ---- a referral pattern as a small chart (patterns, education) ------------- */

typedef struct {
    const pm_muscle *m;
} pat_ctx;

static long zone_fill(int region, void *ctx)
{
    const pm_muscle *m = ((pat_ctx *)ctx)->m;
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
static void pattern_view(chart_art *a, const pm_muscle *m, pm_view v, bool both, SDL_Rect area)
{
    geo_bounds z = {1e9, 1e9, -1e9, -1e9};
    /* Two views side by side are narrow: crop to the main zone and the
     * points (the spill-over may run off the edge) so they stay readable. */
    size_t nzone = both ? m->nprimary : m->nprimary + m->nspill;
    for (size_t i = 0; i < nzone; i++) {
        int r = i < m->nprimary ? m->primary[i] : m->spill[i - m->nprimary];
        const pm_region *reg = content_region(a->content, (size_t)r);
        if (reg->view != v && !both)
            continue;
        z.x0 = fmin(z.x0, reg->bounds.x0);
        z.y0 = fmin(z.y0, reg->bounds.y0);
        z.x1 = fmax(z.x1, reg->bounds.x1);
        z.y1 = fmax(z.y1, reg->bounds.y1);
    }
    for (size_t i = 0; i < m->ntps; i++) {
        if (m->tps[i].view != v && !both)
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
    pat_ctx ctx = {m};
    chart_draw(a, v, xf, zone_fill, &ctx);
    SDL_RenderSetClipRect(r_sdl(a->rc), &area);
    for (size_t i = 0; i < m->ntps; i++)
        if (m->tps[i].view == v)
            chart_draw_tp(a->rc, chart_to_screen(xf, m->tps[i].at), (float)px(a->rc, 6));
    SDL_RenderSetClipRect(r_sdl(a->rc), NULL);
}

/* The view that holds most of the pain zone; when the trigger points or
 * part of the main zone lie on the other side of the body (infraspinatus:
 * points on the shoulder blade, pain in the front of the shoulder), both
 * views side by side, so the picture always shows where it starts. */
static void pattern_now(chart_art *a, int muscle, SDL_Rect area)
{
    const pm_muscle *m = content_muscle(a->content, (size_t)muscle);
    int count[VIEW_COUNT] = {0};
    for (size_t i = 0; i < m->nprimary; i++)
        count[content_region(a->content, (size_t)m->primary[i])->view]++;
    pm_view v = count[VIEW_BACK] > count[VIEW_FRONT] ? VIEW_BACK : VIEW_FRONT;
    if (count[VIEW_BACK] == count[VIEW_FRONT] && m->ntps)
        v = m->tps[0].view;
    pm_view o = v == VIEW_FRONT ? VIEW_BACK : VIEW_FRONT;
    bool other = count[o] > 0;
    for (size_t i = 0; i < m->ntps; i++)
        other = other || m->tps[i].view == o;
    if (!other) {
        pattern_view(a, m, v, false, area);
        return;
    }
    int gap = px(a->rc, 4);
    int w1 = (area.w - gap) / 2;
    SDL_Rect left = {area.x, area.y, w1, area.h};
    SDL_Rect right = {area.x + w1 + gap, area.y, area.w - w1 - gap, area.h};
    /* front on the left, back on the right, as on the therapist's page */
    pattern_view(a, m, VIEW_FRONT, true, left);
    pattern_view(a, m, VIEW_BACK, true, right);
    r_line(a->rc, (float)(area.x + w1 + gap / 2.0), (float)(area.y + area.h / 10),
           (float)(area.x + w1 + gap / 2.0), (float)(area.y + area.h * 9 / 10), 1.5f, COL_LINE,
           255);
}

/* Why pictures: a small chart is the artwork rasterised at its own size,
 * some sixty region outlines and the zone's polygons; six of them made the
 * patterns screen the slowest redraw (33-42 ms). The picture starts as a
 * copy of what is under it in the frame (the card's colour and rounded
 * border show through the artwork's edges), so the caller names what is
 * under it: selected or not. */
void chart_draw_pattern(chart_art *a, int muscle, SDL_Rect area, bool selected)
{
    if (area.w <= 0 || area.h <= 0)
        return;
    chart_picture *oldest = &a->pics[0];
    for (int i = 0; i < ART_PICTURES; i++) {
        chart_picture *p = &a->pics[i];
        if (p->tex && p->muscle == muscle && p->selected == selected &&
            SDL_RectEquals(&p->area, &area)) {
            p->used = ++a->pics_clock;
            SDL_RenderCopy(r_sdl(a->rc), p->tex, NULL, &area);
            return;
        }
        if (!p->tex || (oldest->tex && p->used < oldest->used))
            oldest = p;
    }
    SDL_Texture *tex = SDL_CreateTexture(r_sdl(a->rc), SDL_PIXELFORMAT_ARGB8888,
                                         SDL_TEXTUREACCESS_TARGET, area.w, area.h);
    if (!tex || SDL_SetRenderTarget(r_sdl(a->rc), tex) != 0) {
        if (tex)
            SDL_DestroyTexture(tex);
        pattern_now(a, muscle, area); /* straight into the frame, as before */
        return;
    }
    /* opaque: copied as it is, no blending (faster, the same pixels) */
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    SDL_RenderCopy(r_sdl(a->rc), r_frame(a->rc), &area, NULL); /* what is under it */
    pattern_now(a, muscle, (SDL_Rect){0, 0, area.w, area.h});
    SDL_SetRenderTarget(r_sdl(a->rc), r_frame(a->rc));
    if (oldest->tex)
        SDL_DestroyTexture(oldest->tex);
    *oldest = (chart_picture){tex, muscle, area, selected, ++a->pics_clock};
    SDL_RenderCopy(r_sdl(a->rc), tex, NULL, &area);
}

void chart_pictures_clear(chart_art *a, bool only_selected)
{
    for (int i = 0; i < ART_PICTURES; i++) {
        chart_picture *p = &a->pics[i];
        if (p->tex && (p->selected || !only_selected)) {
            SDL_DestroyTexture(p->tex);
            memset(p, 0, sizeof *p);
        }
    }
}

void chart_art_destroy(chart_art *a)
{
    if (!a)
        return;
    chart_pictures_clear(a, false);
    if (a->close.tex)
        SDL_DestroyTexture(a->close.tex);
    for (int v = 0; v < VIEW_COUNT; v++) {
        if (a->art_small[v].tex)
            SDL_DestroyTexture(a->art_small[v].tex);
        a->art_small[v] = (art_raster){0};
    }
    for (int i = 0; i < ART_RASTERS; i++) {
        if (a->art[i].tex)
            SDL_DestroyTexture(a->art[i].tex);
        a->art[i] = (art_raster){0};
    }
    for (int v = 0; v < VIEW_COUNT; v++) {
        SDL_free(a->art_svg[v]);
        a->art_svg[v] = NULL;
    }
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

static void outline(rctx *rc, const SDL_FPoint *pts, int n, float w, unsigned rgb, Uint8 alpha)
{
    for (int k = 0; k < n; k++) {
        SDL_FPoint p0 = pts[k], p1 = pts[(k + 1) % n];
        r_line(rc, p0.x, p0.y, p1.x, p1.y, w, rgb, alpha);
    }
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
        a->close.tex = SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                         panel.w, panel.h);
        if (a->close.tex)
            SDL_SetTextureBlendMode(a->close.tex, SDL_BLENDMODE_NONE);
    }
    SDL_Texture *tex = a->close.tex;
    bool into = tex && SDL_SetRenderTarget(ren, tex) == 0;
    chart_xf xf = {cv->xf.s, cv->xf.ox, cv->xf.oy, panel, false};
    if (into) {
        SDL_RenderSetClipRect(ren, NULL);
        SDL_RenderCopy(ren, r_frame(a->rc), &panel, NULL);
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
            outline(a->rc, pts, n, target ? thick : thin, target ? COL_SKIN_LINE : COL_FADED_LINE,
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
    chart_xf xf = {cv->xf.s, cv->xf.ox, cv->xf.oy, panel, false};
    SDL_RenderSetClipRect(ren, &panel);
    if (cv->close)
        close_draw(a, b, cv, panel, reach, unit);
    else if (!art_draw(a, cv->view, xf))
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
        outline(a->rc, pts, n, line, COL_MARK_LINE, 255);
    }
    cues_draw(a, cv->view, xf, unit);
    if (pressed >= 0) {
        const pm_region *r = content_region(a->content, (size_t)pressed);
        int n = r && r->view == cv->view ? screen_outline(r, xf, pts) : 0;
        if (n) {
            r_polygon(a->rc, pts, n, COL_PRIMARY, 60);
            outline(a->rc, pts, n, (float)fmax(2.0, 3.0 * unit), COL_PRIMARY, 255);
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
    chart_xf xf = {g.s, g.ox, g.oy, in, true};
    if (!art_draw(a, whole->view, xf))
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
