/* chart.c — the body figure (see chart.h). */
#include "ui/chart.h"
#include "platform/journal.h"

#include <SDL_image.h>
#include <math.h>
#include <stdio.h>

#include "ui/render.h"

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

/* The artwork, rasterised once per size (nanosvg inside SDL_image). */
static SDL_Texture *art_for(app *a, pm_view v, int w, int h)
{
    if (a->art_missing[v] || !a->assets_dir)
        return NULL;
    if (a->art[v] && a->art_w[v] == w && a->art_h[v] == h)
        return a->art[v];
    if (a->art[v])
        SDL_DestroyTexture(a->art[v]);
    a->art[v] = NULL;
    char path[1024];
    snprintf(path, sizeof path, "%s/chart/%s.svg", a->assets_dir, content_view_name(v));
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw) {
        a->art_missing[v] = true; /* figure from region polygons only */
        return NULL;
    }
    SDL_Surface *s = IMG_LoadSizedSVG_RW(rw, w, h);
    SDL_RWclose(rw);
    if (!s) {
        journal_log(JOURNAL_WARNING, "%s: cannot draw the artwork (%s); using region outlines",
                path, IMG_GetError());
        a->art_missing[v] = true;
        return NULL;
    }
    a->art[v] = SDL_CreateTextureFromSurface(a->ren, s);
    SDL_FreeSurface(s);
    a->art_w[v] = w;
    a->art_h[v] = h;
    return a->art[v];
}

void chart_draw_tp(app *a, SDL_FPoint p, float r)
{
    r_circle(a, p.x, p.y, r, 0xFFFFFF, 255);
    r_circle(a, p.x, p.y, r * 0.8f, COL_INK, 255);
    r_circle(a, p.x, p.y, r * 0.45f, 0xFFFFFF, 255);
    r_circle(a, p.x, p.y, r * 0.25f, COL_INK, 255);
}

void chart_draw(app *a, pm_view v, chart_xf xf, chart_fill_fn fill, void *ctx)
{
    const pm_content *c = a->content;
    SDL_RenderSetClipRect(a->ren, &xf.clip);
    int cw = (int)lround(content_chart_width(c) * xf.s);
    int chh = (int)lround(content_chart_height(c) * xf.s);
    SDL_Texture *art = cw > 0 && chh > 0 && cw < 8192 && chh < 8192 ? art_for(a, v, cw, chh) : NULL;
    if (art) {
        SDL_Rect dst = {(int)lround(xf.ox), (int)lround(xf.oy), cw, chh};
        SDL_RenderCopy(a->ren, art, NULL, &dst);
    }
    enum { MAXP = 512 };
    SDL_FPoint pts[MAXP];
    float lw = (float)(a->u * 1.6);
    if (lw < 1.2f)
        lw = 1.2f;
    for (size_t i = 0; i < content_region_count(c); i++) {
        const pm_region *r = content_region(c, i);
        if (r->view != v || r->npoly > MAXP)
            continue;
        for (size_t k = 0; k < r->npoly; k++)
            pts[k] = chart_to_screen(xf, r->poly[k]);
        long f = fill ? fill(a, (int)i, ctx) : -1;
        if (f >= 0)
            r_polygon(a, pts, (int)r->npoly, (unsigned)f, art ? 200 : 255);
        else if (!art)
            r_polygon(a, pts, (int)r->npoly, COL_SKIN, 255);
        unsigned line = f >= 0 ? COL_MARK_LINE : COL_SKIN_LINE;
        for (size_t k = 0; k < r->npoly; k++) {
            SDL_FPoint p0 = pts[k], p1 = pts[(k + 1) % r->npoly];
            r_line(a, p0.x, p0.y, p1.x, p1.y, lw, line, art ? 110 : 200);
        }
    }
    SDL_RenderSetClipRect(a->ren, NULL);
}
