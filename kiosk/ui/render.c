/* render.c — the render context: frame, fonts, text cache, primitives
 * (contract in render.h).
 *
 * Why the fonts are read into memory and opened once per pixel size:
 * resizing one font empties SDL_ttf's glyph cache, which made text layout
 * most of a redraw's cost. Why the text cache is bounded by pixels, not
 * entries: see cache_budget(). */
#include "render.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/blitmix.h"
#include "ui/packed.h"
#include "ui/spans.h"

#define R_FONT_SIZES 40 /* distinct text sizes kept open at once */
#define R_TEXT_CACHE 256
#define R_WIDTHS 4096   /* measured widths kept (a power of two) */

/* A measured width: wrapping measures the same lines again and again (every
 * font size tried, then the layout, then the drawing, then every redraw). */
typedef struct {
    uint64_t hash;     /* 0: empty */
    char *s;           /* owned copy, wiped on free */
    int px;
    bool bold;
    int w;
} width_entry;

typedef struct {
    char *s;           /* owned copy, wiped on free */
    int px;
    bool bold;
    unsigned rgb;
    SDL_Texture *tex;  /* a texture, or (drawn straight into the window) */
    pk_pic *pk;        /* packed: one byte a pixel the letters touch */
    int w, h;
    uint32_t used;
} text_entry;

struct rctx {
    SDL_Renderer *ren;           /* the caller's */
    SDL_Texture *frame;          /* the logical frame the client sees; NULL when
                                    it is the window's own surface (in_window) */
    bool in_window;              /* drawn straight into the window (r_set_size) */
    Uint32 format;               /* the frame's pixel format */
    int lw, lh;                  /* logical size */
    double u;                    /* size unit: 1.0 at 480 px short side */
    double text_scale;           /* 1, or larger text (LARGE_TEXT_SCALE) */
    bool measure_only;           /* lay out and measure, draw nothing */
    bool break_words;            /* the current box may break words (t_box's last resort) */
    bool trying;                 /* t_box is trying a size out: measure, never draw */
    bool shared;                 /* r_share_fonts: every size from font[] */
    int warm_px[2][16];          /* sizes font[] served while shared (r_warm_fonts) */
    int nwarm[2];

    char font_dir[512];
    char font_problem[PM_MSG_MAX];
    TTF_Font *font[2];           /* regular, bold; NULL when missing; resized to measure
                                    sizes tried out (font_to_measure) */
    int font_px[2];              /* the size font[] is set to now */
    void *font_data[2];          /* the font files, mapped (or read) once */
    size_t font_len[2];
    bool font_mapped[2];         /* font_data is a mapping (munmap), not SDL_LoadFile's */
    TTF_Font *sized[2][R_FONT_SIZES];
    int sized_px[2][R_FONT_SIZES];
    unsigned sized_next[2];

    span_buf spans;              /* scratch: the rows of a polygon (ui/spans.h) */
    width_entry widths[R_WIDTHS];
    int nwidths;

    text_entry cache[R_TEXT_CACHE];
    uint32_t cache_clock;
    size_t cache_bytes;          /* bytes of the text textures held (cache_budget) */
    blitmix_cache mixes;         /* how SDL's blitter blends onto the window (ui/blitmix.h) */

    /* text that does not fit */
    int overflows;
    int described;               /* of overflows, how many r_overflow described */
    bool report;
    pm_msgs *msgs;
    const pm_content *c;         /* the text's source, for naming its key */
    int lang;
    r_where_fn where;
    void *where_ctx;
};

/* ---- life ------------------------------------------------------------------ */

/* A font file, mapped read-only: FreeType reads only the tables and glyphs
 * it needs, straight from the page cache (shared with every other reader
 * of the file), instead of a private copy of all of it (two fonts of
 * ~0.7 MB each were ~360 page faults at start-up and 1.4 MB of memory).
 * NULL when it cannot be mapped; the caller reads it instead. */
static void *map_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    void *p = MAP_FAILED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size < INT_MAX)
        p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED)
        return NULL;
    *len = (size_t)st.st_size;
    return p;
}

static void open_fonts(rctx *rc)
{
    static const char *const names[2] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
    for (int i = 0; i < 2; i++) {
        char path[1100];
        snprintf(path, sizeof path, "%s/%s", rc->font_dir, names[i]);
        /* read once into memory: every size opens from there, no file I/O */
        size_t len = 0;
        void *data = map_file(path, &len);
        bool mapped = data != NULL;
        if (!mapped)
            data = SDL_LoadFile(path, &len);
        rc->font[i] = data ? TTF_OpenFontRW(SDL_RWFromConstMem(data, (int)len), 1, 22) : NULL;
        if (!rc->font[i]) {
            if (mapped)
                munmap(data, len);
            else
                SDL_free(data);
            size_t l = strlen(rc->font_problem);
            snprintf(rc->font_problem + l, sizeof rc->font_problem - l,
                     "%sfont %s cannot be opened (%s)", l ? "; " : "", path, TTF_GetError());
            continue;
        }
        rc->font_data[i] = data;
        rc->font_len[i] = len;
        rc->font_px[i] = 22;
        rc->font_mapped[i] = mapped;
        TTF_SetFontHinting(rc->font[i], TTF_HINTING_LIGHT);
    }
    if (rc->font_problem[0]) {
        size_t l = strlen(rc->font_problem);
        snprintf(rc->font_problem + l, sizeof rc->font_problem - l,
                 "; install fonts-dejavu-core (scripts/setup-deps)");
    }
}

rctx *rctx_create(SDL_Renderer *ren, const char *font_dir)
{
    rctx *rc = calloc(1, sizeof *rc);
    if (!rc)
        return NULL;
    rc->ren = ren;
    rc->u = 1;
    rc->text_scale = 1;
    snprintf(rc->font_dir, sizeof rc->font_dir, "%s",
             font_dir ? font_dir : "/usr/share/fonts/truetype/dejavu");
    open_fonts(rc);
    return rc;
}

void rctx_destroy(rctx *rc)
{
    if (!rc)
        return;
    r_cache_clear(rc);
    for (int i = 0; i < 2; i++) {
        for (int k = 0; k < R_FONT_SIZES; k++)
            if (rc->sized[i][k])
                TTF_CloseFont(rc->sized[i][k]);
        if (rc->font[i])
            TTF_CloseFont(rc->font[i]);
        if (rc->font_mapped[i])
            munmap(rc->font_data[i], rc->font_len[i]);
        else
            SDL_free(rc->font_data[i]);
    }
    if (rc->frame)
        SDL_DestroyTexture(rc->frame);
    span_buf_free(&rc->spans);
    free(rc);
}

const char *r_font_problem(const rctx *rc) { return rc->font_problem; }
bool r_has_font(const rctx *rc, bool bold) { return rc->font[bold ? 1 : 0] != NULL; }
const char *r_font_dir(const rctx *rc) { return rc->font_dir; }

/* The window's pixel format when the renderer is the software one and
 * the window's surface is 32-bit RGB (the frame is opaque), else
 * SDL_PIXELFORMAT_UNKNOWN. */
static Uint32 software_window_format(SDL_Renderer *ren)
{
    SDL_RendererInfo info;
    SDL_Window *win = SDL_RenderGetWindow(ren);
    Uint32 f = win ? SDL_GetWindowPixelFormat(win) : SDL_PIXELFORMAT_UNKNOWN;
    if (SDL_GetRendererInfo(ren, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) &&
        (f == SDL_PIXELFORMAT_RGB888 || f == SDL_PIXELFORMAT_ARGB8888))
        return f;
    return SDL_PIXELFORMAT_UNKNOWN;
}

/* The unit: 1 from a 480 to a 640 px short side, growing beyond it with
 * the short side. A bigger panel shows more, not only the same bigger:
 * 1024x600 is 1024x600 units and 1280x800 1024x640, room for a marked
 * area's questions on one page, where a unit growing from 480 would have
 * shown the 800x480 layout enlarged. */
static double unit_for(int lw, int lh)
{
    int shorter = lw < lh ? lw : lh;
    double u = shorter < 480 ? shorter / 480.0 : shorter > 640 ? shorter / 640.0 : 1.0;
    return u < 0.8 ? 0.8 : u;
}

bool r_set_size(rctx *rc, int lw, int lh, bool one_to_one)
{
    Uint32 window_format = one_to_one ? software_window_format(rc->ren) : SDL_PIXELFORMAT_UNKNOWN;
    bool in_window = window_format != SDL_PIXELFORMAT_UNKNOWN;
    if ((rc->frame || rc->in_window) && in_window == rc->in_window && lw == rc->lw && lh == rc->lh)
        return false;
    if (rc->frame)
        SDL_DestroyTexture(rc->frame);
    rc->frame = NULL;
    rc->lw = lw;
    rc->lh = lh;
    rc->u = unit_for(lw, lh);
    /* The software renderer draws into the window's surface, which keeps
     * its pixels from one frame to the next: when the frame is shown as it
     * is (not turned, not scaled), it is drawn there, without a second
     * frame-sized buffer (4 MB at 1280x800, zeroed at start-up) and a copy
     * of it at every frame. Otherwise (a GPU's renderer, whose window
     * buffers are not kept; a turned or scaled frame) a texture, in the
     * window's format for the software renderer, so that showing it is a
     * straight copy of its rows (a conversion of every pixel is 5 M
     * instructions at 1280x800). */
    rc->in_window = in_window;
    rc->format = in_window ? window_format : SDL_PIXELFORMAT_ARGB8888;
    if (!in_window) {
        Uint32 f = software_window_format(rc->ren);
        if (f != SDL_PIXELFORMAT_UNKNOWN)
            rc->format = f;
        rc->frame = SDL_CreateTexture(rc->ren, rc->format, SDL_TEXTUREACCESS_TARGET, lw, lh);
        /* opaque: copied as it is, to the window and into pictures */
        if (rc->frame)
            SDL_SetTextureBlendMode(rc->frame, SDL_BLENDMODE_NONE);
    }
    r_cache_clear(rc); /* sizes changed */
    return true;
}

int r_w(const rctx *rc) { return rc->lw; }
int r_h(const rctx *rc) { return rc->lh; }
SDL_Renderer *r_sdl(const rctx *rc) { return rc->ren; }
SDL_Texture *r_frame(const rctx *rc) { return rc->frame; }
bool r_in_window(const rctx *rc) { return rc->in_window; }
bool r_has_frame(const rctx *rc) { return rc->frame || rc->in_window; }
Uint32 r_format(const rctx *rc) { return rc->format; }

bool r_begin(rctx *rc)
{
    if (!r_has_frame(rc))
        return false;
    SDL_SetRenderTarget(rc->ren, rc->frame);
    SDL_RenderSetClipRect(rc->ren, NULL);
    return true;
}

void r_end(rctx *rc)
{
    SDL_SetRenderTarget(rc->ren, NULL);
}

void r_copy_frame(rctx *rc, SDL_Rect from)
{
    if (rc->frame) {
        SDL_RenderCopy(rc->ren, rc->frame, &from, NULL);
        return;
    }
    /* The frame is the window's surface: its rows straight into the target
     * texture (the software renderer's, the window's own format) */
    SDL_Texture *into = SDL_GetRenderTarget(rc->ren);
    SDL_Surface *win = rc->in_window ? SDL_GetWindowSurface(SDL_RenderGetWindow(rc->ren)) : NULL;
    SDL_Rect all = {0, 0, win ? win->w : 0, win ? win->h : 0}, part;
    if (!into || !SDL_IntersectRect(&from, &all, &part))
        return;
    SDL_RenderFlush(rc->ren); /* what was drawn into the window is there */
    SDL_Rect at = {part.x - from.x, part.y - from.y, part.w, part.h};
    const Uint8 *row = (const Uint8 *)win->pixels + (size_t)part.y * (size_t)win->pitch +
                       (size_t)part.x * 4u;
    SDL_UpdateTexture(into, &at, row, win->pitch);
}

SDL_Surface *r_snapshot(rctx *rc)
{
    SDL_SetRenderTarget(rc->ren, rc->frame);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, rc->lw, rc->lh, 32, SDL_PIXELFORMAT_ARGB8888);
    bool ok = s && SDL_RenderReadPixels(rc->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels,
                                        s->pitch) == 0;
    SDL_SetRenderTarget(rc->ren, NULL);
    if (!ok) {
        SDL_FreeSurface(s);
        return NULL;
    }
    return s;
}

bool r_save_png(rctx *rc, const char *path, char *why, size_t why_size)
{
    SDL_SetRenderTarget(rc->ren, rc->frame);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, rc->lw, rc->lh, 32, SDL_PIXELFORMAT_ARGB8888);
    bool ok = s && SDL_RenderReadPixels(rc->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels,
                                        s->pitch) == 0;
    SDL_SetRenderTarget(rc->ren, NULL);
    if (ok)
        ok = IMG_SavePNG(s, path) == 0;
    if (!ok)
        snprintf(why, why_size, "%s", SDL_GetError());
    SDL_FreeSurface(s);
    return ok;
}

/* ---- shapes ------------------------------------------------------------------ */

double r_unit(const rctx *rc) { return rc->u; }

int px(const rctx *rc, double units)
{
    return (int)lround(units * rc->u);
}

int font_px(const rctx *rc, font_role role)
{
    static const double sizes[] = {18, 22, 24, 30, 40};
    return px(rc, sizes[role] * rc->text_scale);
}

void r_set_text_scale(rctx *rc, double scale)
{
    if (scale == rc->text_scale)
        return;
    rc->text_scale = scale;
    r_cache_clear(rc); /* every size changed */
}

double r_text_scale(const rctx *rc) { return rc->text_scale; }

void r_clip(rctx *rc, const SDL_Rect *r)
{
    SDL_RenderSetClipRect(rc->ren, r);
}

void r_veil(rctx *rc, SDL_Rect r, unsigned rgb, Uint8 alpha)
{
    if (rc->measure_only)
        return;
    r_set(rc, rgb, alpha);
    SDL_RenderFillRect(rc->ren, &r);
}

/* A rounded rectangle's corner radius, at most half its width and height
 * (r_round draws it so; r_veil_around leaves what r_round will cover). */
static int corner_radius(SDL_Rect r, int radius)
{
    if (radius * 2 > r.w)
        radius = r.w / 2;
    if (radius * 2 > r.h)
        radius = r.h / 2;
    return radius;
}

void r_veil_around(rctx *rc, SDL_Rect r, SDL_Rect card, int radius, unsigned rgb, Uint8 alpha)
{
    if (rc->measure_only)
        return;
    /* r_round's corners: what it leaves of the card's rectangle */
    radius = corner_radius(card, radius);
    if (radius < 2)
        radius = 0;
    int x1 = card.x + card.w, y1 = card.y + card.h;
    /* every pixel of r once, but those the card will cover: above, below,
     * left and right of it, and its four corner squares */
    SDL_Rect parts[8] = {{r.x, r.y, r.w, card.y - r.y},
                         {r.x, y1, r.w, r.y + r.h - y1},
                         {r.x, card.y, card.x - r.x, card.h},
                         {x1, card.y, r.x + r.w - x1, card.h},
                         {card.x, card.y, radius, radius},
                         {x1 - radius, card.y, radius, radius},
                         {card.x, y1 - radius, radius, radius},
                         {x1 - radius, y1 - radius, radius, radius}};
    SDL_Rect in[8];
    int n = 0;
    for (int i = 0; i < 8; i++)
        if (parts[i].w > 0 && parts[i].h > 0 && SDL_IntersectRect(&parts[i], &r, &in[n]))
            n++;
    r_set(rc, rgb, alpha);
    SDL_RenderFillRects(rc->ren, in, n);
}

/* SDL's software blend of one channel (SDL_blendfillrect.c, DRAW_MUL):
 * the veil's channel premultiplied, plus what is under it times 255 - alpha,
 * each divided by 255 rounding down. */
static unsigned veil_channel(unsigned under, unsigned veil, unsigned alpha)
{
    return (veil * alpha) / 255 + ((255 - alpha) * under) / 255;
}

unsigned r_veiled(unsigned under, unsigned rgb, Uint8 alpha)
{
    unsigned out = 0;
    for (int shift = 16; shift >= 0; shift -= 8)
        out |= veil_channel((under >> shift) & 0xFF, (rgb >> shift) & 0xFF, alpha) << shift;
    return out;
}

static SDL_Color col(unsigned rgb, Uint8 alpha)
{
    SDL_Color c = {(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, alpha};
    return c;
}

void r_set(rctx *rc, unsigned rgb, Uint8 alpha)
{
    SDL_SetRenderDrawBlendMode(rc->ren, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(rc->ren, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, alpha);
}

void r_clear(rctx *rc, unsigned rgb)
{
    if (rc->measure_only)
        return;
    r_set(rc, rgb, 255);
    SDL_RenderClear(rc->ren);
}

void r_rect(rctx *rc, SDL_Rect r, unsigned rgb)
{
    if (rc->measure_only)
        return;
    r_set(rc, rgb, 255);
    SDL_RenderFillRect(rc->ren, &r);
}

/* Where drawing lands now: the target's viewport (the frame, or a picture
 * being drawn) cut by the clip rectangle. */
static SDL_Rect draw_area(const rctx *rc)
{
    SDL_Rect vp, clip, a;
    SDL_RenderGetViewport(rc->ren, &vp);
    a = (SDL_Rect){0, 0, vp.w, vp.h};
    if (SDL_RenderIsClipEnabled(rc->ren)) {
        SDL_RenderGetClipRect(rc->ren, &clip);
        if (!SDL_IntersectRect(&a, &clip, &a))
            a = (SDL_Rect){0, 0, 0, 0};
    }
    return a;
}

/* The window's surface when the frame is drawn there and its pixels are
 * laid out as packed pictures draw (ARGB8888 or RGB888); else NULL. */
static SDL_Surface *window_surface(const rctx *rc)
{
    if (!rc->in_window)
        return NULL;
    SDL_Surface *win = SDL_GetWindowSurface(SDL_RenderGetWindow(rc->ren));
    if (!win || (win->format->format != SDL_PIXELFORMAT_ARGB8888 &&
                 win->format->format != SDL_PIXELFORMAT_RGB888))
        return NULL;
    return win;
}

bool r_packs(rctx *rc)
{
    SDL_Surface *win = window_surface(rc);
    return win && blitmix_get(&rc->mixes, SDL_PIXELFORMAT_ARGB8888, win->format->format) >= 0 &&
           blitmix_get(&rc->mixes, SDL_PIXELFORMAT_ABGR8888, win->format->format) >= 0;
}

/* The window's surface when drawing lands there now (r_packs, no texture
 * is the target, not only measuring); else NULL. */
static SDL_Surface *direct_surface(rctx *rc)
{
    if (rc->measure_only || SDL_GetRenderTarget(rc->ren) || !r_packs(rc))
        return NULL;
    return window_surface(rc);
}

bool r_packed_now(rctx *rc) { return direct_surface(rc) != NULL; }

bool r_draw_packed(rctx *rc, const pk_pic *p, Uint32 as, int x, int y, SDL_Rect within)
{
    SDL_Surface *win = direct_surface(rc);
    int mix = win ? blitmix_get(&rc->mixes, as, win->format->format) : -1;
    if (mix < 0)
        return false;
    SDL_Rect vp, area = draw_area(rc), clip;
    SDL_RenderGetViewport(rc->ren, &vp);
    if (!SDL_IntersectRect(&area, &within, &clip))
        return true;
    SDL_Rect all = {0, 0, win->w, win->h}, at = {clip.x + vp.x, clip.y + vp.y, clip.w, clip.h};
    if (!SDL_IntersectRect(&at, &all, &at))
        return true;
    SDL_RenderFlush(rc->ren); /* what was drawn before lies under it */
    pk_draw(p, win->pixels, win->pitch, x + vp.x, y + vp.y, (pk_rect){at.x, at.y, at.w, at.h},
            (pk_mix)mix);
    return true;
}

/* The spans gathered in rc->spans, filled: opaque ones written as they are
 * (blending at full alpha gives the same pixels, at the cost of a pass). */
static void fill_spans(rctx *rc, unsigned rgb, Uint8 alpha)
{
    if (rc->spans.n <= 0)
        return;
    r_set(rc, rgb, alpha);
    SDL_RenderFillRects(rc->ren, rc->spans.rect, rc->spans.n);
}

/* A quad drawn as the triangles 0 1 2 and 0 2 3: where both make an
 * upright rectangle, the software renderer draws a rectangle instead
 * (SDL_render.c, SDL_SW_RenderGeometryRaw), found its own way: a corner
 * "top-left" and one "bottom-right" picked from the second triangle, and
 * the rectangle between them only when the other vertices of both
 * triangles sit on its sides; SDL_RenderFillRectF then, which the software
 * renderer cuts to whole pixels its own way ((int) the corner, (int) the
 * size, at least 1: SDL_render_sw.c), blended. Which way an upright line
 * runs decides whether its quad is taken for a rectangle, so this follows
 * the renderer step by step (tests/render: lines_exactly). Returns false
 * when the triangles are drawn as triangles; true when the rectangle (or,
 * for one with no width or height, nothing) is. */
static bool quad_as_rect(rctx *rc, const SDL_FPoint *q)
{
    const int prev[3] = {0, 1, 2}, k[3] = {0, 2, 3};
    int a, b, c = -1, c2 = -1;
#define QX(i) q[i].x
#define QY(i) q[i].y
    if (QX(k[0]) <= QX(k[1]) && QY(k[0]) <= QY(k[1]))
        a = QX(k[0]) <= QX(k[2]) && QY(k[0]) <= QY(k[2]) ? k[0] : k[2];
    else
        a = QX(k[1]) <= QX(k[2]) && QY(k[1]) <= QY(k[2]) ? k[1] : k[2];
    if (QX(k[0]) >= QX(k[1]) && QY(k[0]) >= QY(k[1]))
        b = QX(k[0]) >= QX(k[2]) && QY(k[0]) >= QY(k[2]) ? k[0] : k[2];
    else
        b = QX(k[1]) >= QX(k[2]) && QY(k[1]) >= QY(k[2]) ? k[1] : k[2];
    for (int i = 2; i >= 0; i--) { /* the first not a nor b */
        if (k[i] != a && k[i] != b)
            c = k[i];
        if (prev[i] != a && prev[i] != b)
            c2 = prev[i];
    }
    bool rect = (QX(a) == QX(c) && QY(b) == QY(c)) || (QY(a) == QY(c) && QX(b) == QX(c));
    rect = rect && ((QX(a) == QX(c2) && QY(b) == QY(c2)) || (QY(a) == QY(c2) && QX(b) == QX(c2)));
    if (!rect)
        return false;
    float w = QX(b) - QX(a), h = QY(b) - QY(a);
    if (w == 0.0f || h == 0.0f)
        return true;
    int iw = (int)w, ih = (int)h;
    span_buf *sb = &rc->spans;
    if (sb->n == sb->cap) {
        int cap = sb->cap ? sb->cap * 2 : 64;
        SDL_Rect *more = realloc(sb->rect, (size_t)cap * sizeof *more);
        if (!more)
            return true;
        sb->rect = more;
        sb->cap = cap;
    }
    sb->rect[sb->n++] = (SDL_Rect){(int)QX(a), (int)QY(a), iw > 1 ? iw : 1, ih > 1 ? ih : 1};
#undef QX
#undef QY
    return true;
}

/* A line's quad as the renderer fills it. */
static void add_quad(rctx *rc, const SDL_FPoint *q, SDL_Rect area)
{
    if (!quad_as_rect(rc, q))
        spans_add_polygon(&rc->spans, q, 4, area);
}

/* Three rectangles for the body and a quarter disc per corner, all as
 * rectangles in one renderer call (the corners as spans, ui/spans.h: the
 * pixels the fan of six triangles around each corner's centre gave). Why
 * not one fan around the centre: the software renderer tests every pixel
 * of each triangle's bounding box, and the long thin triangles of a centre
 * fan each span half the rectangle; and the corners' own small fans were
 * half of what a screen of buttons cost. Same outline, same pixels. */
void r_round(rctx *rc, SDL_Rect r, int radius, unsigned rgb)
{
    if (rc->measure_only)
        return;
    radius = corner_radius(r, radius);
    if (radius < 2) {
        r_rect(rc, r, rgb);
        return;
    }
    enum { SEG = 6 };
    const float corner[4][2] = {{(float)(r.x + r.w - radius), (float)(r.y + r.h - radius)},
                                {(float)(r.x + radius), (float)(r.y + r.h - radius)},
                                {(float)(r.x + radius), (float)(r.y + radius)},
                                {(float)(r.x + r.w - radius), (float)(r.y + radius)}};
    SDL_Rect area = draw_area(rc);
    rc->spans.n = 0;
    for (int k = 0; k < 4; k++) {
        SDL_FPoint fan[SEG + 2];
        fan[0] = (SDL_FPoint){corner[k][0], corner[k][1]};
        for (int i = 0; i <= SEG; i++) {
            double ang = (k * 90.0 + i * 90.0 / SEG) * M_PI / 180.0;
            fan[i + 1] = (SDL_FPoint){corner[k][0] + radius * (float)cos(ang),
                                      corner[k][1] + radius * (float)sin(ang)};
        }
        spans_add_polygon(&rc->spans, fan, SEG + 2, area);
    }
    SDL_Rect body[3] = {{r.x + radius, r.y, r.w - 2 * radius, r.h},
                        {r.x, r.y + radius, radius, r.h - 2 * radius},
                        {r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius}};
    r_set(rc, rgb, 255);
    SDL_RenderFillRects(rc->ren, body, 3);
    fill_spans(rc, rgb, 255);
}

void r_round_frame(rctx *rc, SDL_Rect r, int radius, int t, unsigned rgb, unsigned inside)
{
    if (rc->measure_only)
        return;
    r_round(rc, r, radius, rgb);
    SDL_Rect in = {r.x + t, r.y + t, r.w - 2 * t, r.h - 2 * t};
    r_round(rc, in, radius > t ? radius - t : 0, inside);
}

/* Shapes are filled as spans (ui/spans.h: the renderer's own pixels), not
 * as SDL_RenderGeometry's triangles: the software renderer tests every
 * pixel of each triangle's box, and with blending fills and blends a
 * scratch surface of that size too. */
void r_circle(rctx *rc, float cx, float cy, float rad, unsigned rgb, Uint8 alpha)
{
    if (rc->measure_only)
        return;
    enum { SEG = 28 };
    SDL_FPoint v[SEG];
    for (int i = 0; i < SEG; i++) {
        double ang = i * 2 * M_PI / SEG;
        v[i] = (SDL_FPoint){cx + rad * (float)cos(ang), cy + rad * (float)sin(ang)};
    }
    rc->spans.n = 0;
    spans_add_polygon(&rc->spans, v, SEG, draw_area(rc));
    fill_spans(rc, rgb, alpha);
}

/* A segment w wide: a quad around it. */
static void line_quad(float x0, float y0, float x1, float y1, float w, SDL_FPoint q[4])
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    float nx = -dy / len * w / 2, ny = dx / len * w / 2;
    q[0] = (SDL_FPoint){x0 + nx, y0 + ny};
    q[1] = (SDL_FPoint){x1 + nx, y1 + ny};
    q[2] = (SDL_FPoint){x1 - nx, y1 - ny};
    q[3] = (SDL_FPoint){x0 - nx, y0 - ny};
}

void r_line(rctx *rc, float x0, float y0, float x1, float y1, float w, unsigned rgb, Uint8 alpha)
{
    if (rc->measure_only)
        return;
    float dx = x1 - x0, dy = y1 - y0;
    if (sqrtf(dx * dx + dy * dy) < 0.01f)
        return;
    SDL_FPoint q[4];
    line_quad(x0, y0, x1, y1, w, q);
    rc->spans.n = 0;
    add_quad(rc, q, draw_area(rc));
    fill_spans(rc, rgb, alpha);
}

/* r_line's quads of the closed outline through pts, as spans and
 * rectangles into rc->spans. */
static void trace_outline(rctx *rc, const SDL_FPoint *pts, int n, float w, SDL_Rect area)
{
    rc->spans.n = 0;
    for (int k = 0; k < n; k++) {
        float x0 = pts[k].x, y0 = pts[k].y, x1 = pts[(k + 1) % n].x, y1 = pts[(k + 1) % n].y;
        float dx = x1 - x0, dy = y1 - y0;
        if (sqrtf(dx * dx + dy * dy) < 0.01f)
            continue;
        SDL_FPoint q[4];
        line_quad(x0, y0, x1, y1, w, q);
        add_quad(rc, q, area);
    }
}

void r_outline(rctx *rc, const SDL_FPoint *pts, int n, float w, unsigned rgb, Uint8 alpha)
{
    if (rc->measure_only || n < 2)
        return;
    /* in one renderer call (one colour: the order changes no pixel, even
     * where they overlap and blend twice) */
    trace_outline(rc, pts, n, w, draw_area(rc));
    fill_spans(rc, rgb, alpha);
}

int r_outline_rects(rctx *rc, const SDL_FPoint *pts, int n, float w, SDL_Rect area,
                    const SDL_Rect **out)
{
    rc->spans.n = 0;
    if (n >= 2)
        trace_outline(rc, pts, n, w, area);
    *out = rc->spans.rect;
    return rc->spans.n;
}

void r_fill_rects(rctx *rc, const SDL_Rect *rects, int n, unsigned rgb, Uint8 alpha)
{
    if (rc->measure_only || n <= 0)
        return;
    r_set(rc, rgb, alpha);
    SDL_RenderFillRects(rc->ren, rects, n);
}

SDL_Rect r_draw_area(const rctx *rc) { return draw_area(rc); }

void r_polygon(rctx *rc, const SDL_FPoint *pts, int n, unsigned rgb, Uint8 alpha)
{
    if (rc->measure_only || n < 3)
        return;
    rc->spans.n = 0;
    spans_add_polygon(&rc->spans, pts, n, draw_area(rc));
    fill_spans(rc, rgb, alpha);
}

void r_tick(rctx *rc, SDL_Rect r, unsigned rgb)
{
    if (rc->measure_only)
        return;
    float w = r.w / 7.0f;
    float x0 = r.x + r.w * 0.18f, y0 = r.y + r.h * 0.55f;
    float x1 = r.x + r.w * 0.42f, y1 = r.y + r.h * 0.78f;
    float x2 = r.x + r.w * 0.84f, y2 = r.y + r.h * 0.25f;
    r_line(rc, x0, y0, x1, y1, w, rgb, 255);
    r_line(rc, x1, y1, x2, y2, w, rgb, 255);
    r_circle(rc, x1, y1, w / 2, rgb, 255);
}

/* ---- text ---------------------------------------------------------------- */

/* The font at this pixel size, opened once per size from the file in
 * memory. Resizing one font instead would empty its glyph cache on every
 * measurement, which made text layout most of a redraw's cost. */
/* font[b] set to size (for a size tried out, or while fonts are shared). */
static TTF_Font *resized(rctx *rc, int b, int size)
{
    if (rc->font_px[b] != size) {
        TTF_SetFontSize(rc->font[b], size);
        rc->font_px[b] = size;
    }
    return rc->font[b];
}

static TTF_Font *font_at(rctx *rc, int size, bool bold)
{
    int b = bold ? 1 : 0;
    if (!rc->font[b])
        return NULL;
    if (rc->shared) {
        bool known = false;
        for (int k = 0; k < rc->nwarm[b]; k++)
            known = known || rc->warm_px[b][k] == size;
        if (!known && rc->nwarm[b] < 16)
            rc->warm_px[b][rc->nwarm[b]++] = size;
        return resized(rc, b, size);
    }
    for (int k = 0; k < R_FONT_SIZES; k++)
        if (rc->sized[b][k] && rc->sized_px[b][k] == size)
            return rc->sized[b][k];
    unsigned k = rc->sized_next[b]++ % R_FONT_SIZES; /* oldest slot goes */
    if (rc->sized[b][k])
        TTF_CloseFont(rc->sized[b][k]);
    TTF_Font *f = TTF_OpenFontRW(SDL_RWFromConstMem(rc->font_data[b], (int)rc->font_len[b]), 1,
                                 size);
    rc->sized[b][k] = f;
    rc->sized_px[b][k] = size;
    if (!f) {
        /* fall back to resizing the shared font rather than drawing nothing */
        return resized(rc, b, size);
    }
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    return f;
}

/* The font to measure with: the size's own when it is open; while t_box
 * tries sizes out, a size not open yet is measured with the file's first
 * font (font[]) set to it, not opened for itself. Why: every font opened
 * costs FreeType's auto-hinter its whole analysis of the face (~1.5 M
 * instructions) and keeps ~150 KB, and most sizes a box tries are sizes it
 * then does not use (a label shrinking from 24 to 19 px tried four). A
 * resized font measures exactly as one opened at that size (checked on
 * every string of the content at 12 to 60 px, both faces); it only loses
 * its glyph cache at each resize, which a size tried once does not miss. */
static TTF_Font *font_to_measure(rctx *rc, int size, bool bold)
{
    int b = bold ? 1 : 0;
    if (!rc->trying || !rc->font[b])
        return font_at(rc, size, bold);
    for (int k = 0; k < R_FONT_SIZES; k++)
        if (rc->sized[b][k] && rc->sized_px[b][k] == size)
            return rc->sized[b][k];
    return resized(rc, b, size);
}

void r_share_fonts(rctx *rc, bool on)
{
    rc->shared = on;
}

/* The letters most words on screen are made of (the content's languages:
 * English and Spanish). */
#define WARM_GLYPHS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;?!'()-/\u00e1\u00e9\u00ed\u00f3\u00fa\u00f1"

void r_warm_fonts(rctx *rc)
{
    rc->shared = false;
    for (int b = 0; b < 2; b++) {
        for (int k = 0; k < rc->nwarm[b]; k++) {
            /* open it, and have the auto-hinter look at the face now */
            TTF_Font *f = font_at(rc, rc->warm_px[b][k], b == 1);
            /* and its glyphs: each one's first use loads and renders it
             * (FreeType's hinting), most of a new screen's first frame */
            SDL_Surface *glyphs = f ? TTF_RenderUTF8_Blended(f, WARM_GLYPHS, col(0, 255)) : NULL;
            SDL_FreeSurface(glyphs);
        }
        rc->nwarm[b] = 0;
    }
}

static uint64_t width_hash(const char *s, int size, bool bold)
{
    uint64_t h = 1469598103934665603u ^ (uint64_t)(size * 2 + bold);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h ? h : 1;
}

static void widths_clear(rctx *rc)
{
    for (int i = 0; i < R_WIDTHS; i++) {
        width_entry *e = &rc->widths[i];
        if (e->s) {
            explicit_bzero(e->s, strlen(e->s));
            free(e->s);
        }
        memset(e, 0, sizeof *e);
    }
    rc->nwidths = 0;
}

/* The width of s as SDL_ttf measures it, measured once (shaping a line is
 * most of what laying out text costs). */
int t_width(rctx *rc, const char *s, int size, bool bold)
{
    if (!*s)
        return 0;
    uint64_t h = width_hash(s, size, bold);
    unsigned i = (unsigned)h & (R_WIDTHS - 1);
    for (;; i = (i + 1) & (R_WIDTHS - 1)) {
        width_entry *e = &rc->widths[i];
        if (!e->hash)
            break;
        if (e->hash == h && e->px == size && e->bold == bold && strcmp(e->s, s) == 0)
            return e->w;
    }
    TTF_Font *f = font_to_measure(rc, size, bold);
    int w = 0, ht = 0;
    if (!f)
        return 0;
    TTF_SizeUTF8(f, s, &w, &ht);
    if (rc->nwidths >= R_WIDTHS * 3 / 4) { /* full: start again */
        widths_clear(rc);
        i = (unsigned)h & (R_WIDTHS - 1);
    }
    char *copy = strdup(s);
    if (copy) {
        rc->widths[i] = (width_entry){h, copy, size, bold, w};
        rc->nwidths++;
    }
    return w;
}

int t_height(rctx *rc, int size, bool bold)
{
    TTF_Font *f = font_to_measure(rc, size, bold);
    return f ? TTF_FontHeight(f) : size;
}

static size_t entry_bytes(const text_entry *e)
{
    return e->pk ? pk_bytes(e->pk) : (size_t)e->w * (size_t)e->h * 4;
}

static void cache_drop(rctx *rc, text_entry *e)
{
    rc->cache_bytes -= entry_bytes(e);
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    pk_free(e->pk);
    explicit_bzero(e->s, strlen(e->s));
    free(e->s);
    memset(e, 0, sizeof *e);
}

/* The most pixels the text cache keeps: as many as the frame has. Counting
 * entries was not enough: at 1280x800 a line of body text is ~160 KB, and
 * 256 of them were 28 MB, most of the kiosk's memory. The wordiest screen
 * (an education page) draws text of 0.4 frames at every size measured
 * (800x480 to 1920x1080, portrait too), so a redraw still finds all its
 * words, and usually those of the screen before. */
static size_t cache_budget(const rctx *rc)
{
    size_t frame = (size_t)rc->lw * (size_t)rc->lh * 4;
    /* Packed (drawn straight into the window), a line keeps a byte for each
     * pixel its letters touch, ~a tenth of its texture: an eighth of the
     * frame's bytes still holds more words than the frame's worth did. */
    return rc->in_window ? frame / 8 : frame;
}

static bool entry_made(text_entry *e, TTF_Font *f, const char *s, unsigned rgb, bool packed,
                       SDL_Renderer *ren)
{
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, s, col(rgb, 255));
    if (!surf)
        return false;
    if (packed)
        e->pk = pk_pack(surf->pixels, surf->w, surf->h, surf->pitch);
    else
        e->tex = SDL_CreateTextureFromSurface(ren, surf);
    e->w = surf->w;
    e->h = surf->h;
    SDL_FreeSurface(surf);
    return e->tex || e->pk;
}

static text_entry *cache_get(rctx *rc, const char *s, int size, bool bold, unsigned rgb)
{
    bool packed = r_packed_now(rc);
    text_entry *oldest = &rc->cache[0];
    for (int i = 0; i < R_TEXT_CACHE; i++) {
        text_entry *e = &rc->cache[i];
        bool held = e->tex || e->pk;
        if (held && (e->pk != NULL) == packed && e->px == size && e->bold == bold &&
            e->rgb == rgb && strcmp(e->s, s) == 0) {
            e->used = ++rc->cache_clock;
            return e;
        }
        if (!held || e->used < oldest->used)
            oldest = e;
    }
    TTF_Font *f = font_at(rc, size, bold);
    if (!f)
        return NULL;
    text_entry made = {.px = size, .bold = bold, .rgb = rgb};
    if (!entry_made(&made, f, s, rgb, packed, rc->ren) || !(made.s = strdup(s))) {
        if (made.tex)
            SDL_DestroyTexture(made.tex);
        pk_free(made.pk);
        return NULL;
    }
    if (oldest->tex || oldest->pk)
        cache_drop(rc, oldest);
    made.used = ++rc->cache_clock;
    *oldest = made;
    rc->cache_bytes += entry_bytes(oldest);
    /* Over budget: the least recently used go, never the line just made. */
    while (rc->cache_bytes > cache_budget(rc)) {
        text_entry *lru = NULL;
        for (int i = 0; i < R_TEXT_CACHE; i++) {
            text_entry *e = &rc->cache[i];
            if ((e->tex || e->pk) && e != oldest && (!lru || e->used < lru->used))
                lru = e;
        }
        if (!lru)
            break;
        cache_drop(rc, lru);
    }
    return oldest;
}

bool r_cache_holds(const rctx *rc, const char *s)
{
    for (int i = 0; i < R_TEXT_CACHE; i++)
        if ((rc->cache[i].tex || rc->cache[i].pk) && strstr(rc->cache[i].s, s))
            return true;
    for (int i = 0; i < R_WIDTHS; i++)
        if (rc->widths[i].s && strstr(rc->widths[i].s, s))
            return true;
    return false;
}

void r_cache_clear(rctx *rc)
{
    for (int i = 0; i < R_TEXT_CACHE; i++) {
        text_entry *e = &rc->cache[i];
        if (e->tex || e->pk)
            cache_drop(rc, e);
        memset(e, 0, sizeof *e);
    }
    rc->cache_clock = 0;
    rc->cache_bytes = 0;
    widths_clear(rc);
}

int t_line(rctx *rc, int x, int y, const char *s, int size, bool bold, unsigned rgb)
{
    if (!s || !*s)
        return 0;
    if (rc->measure_only)
        return t_width(rc, s, size, bold);
    text_entry *e = cache_get(rc, s, size, bold, rgb);
    if (!e)
        return 0;
    SDL_Rect dst = {x, y, e->w, e->h};
    if (e->pk)
        r_draw_packed(rc, e->pk, SDL_PIXELFORMAT_ARGB8888, x, y, dst);
    else
        SDL_RenderCopy(rc->ren, e->tex, NULL, &dst);
    return e->w;
}

/* Greedy word wrap into at most MAXL lines; each line is [start, end) of s.
 * Returns the number of lines, or -1 when a single word is wider than w. */
enum { MAXL = 48 };
/* Where a word wider than w must break (only when even the smallest size
 * cannot hold it, e.g. "Esternocleidomastoideo" on a narrow card): the
 * longest prefix that fits, at a UTF-8 character boundary. */
static size_t break_word(rctx *rc, const char *s, size_t start, size_t len, int w, int size, bool bold)
{
    char buf[1024];
    size_t best = start;
    for (size_t j = start + 1; j <= len && j - start < sizeof buf; j++) {
        if (j < len && ((unsigned char)s[j] & 0xC0) == 0x80)
            continue; /* inside a character */
        memcpy(buf, s + start, j - start);
        buf[j - start] = '\0';
        if (t_width(rc, buf, size, bold) > w)
            break;
        best = j;
        if (j < len && (s[j] == ' ' || s[j] == '\n'))
            break;
    }
    return best;
}

/* Does s[start, end) fit in w? (Measured as one string: kerning and the
 * last glyph's overhang count.) */
static bool prefix_fits(rctx *rc, const char *s, size_t start, size_t end, int w, int size,
                        bool bold, double *per_byte)
{
    char buf[1024];
    size_t l = end - start;
    if (l >= sizeof buf)
        l = sizeof buf - 1;
    memcpy(buf, s + start, l);
    buf[l] = '\0';
    int tw = t_width(rc, buf, size, bold);
    if (l > 0 && tw > 0)
        *per_byte = (double)tw / (double)l;
    return tw <= w;
}

/* Greedy word wrap: each line as many words as fit. The line ends at the
 * break before the first one that does not fit; widths grow with every
 * word added, so that break is found by measuring a few lines near where
 * their length says it is, not every line word by word (each measurement
 * shapes the whole line: word by word, a paragraph cost its words squared). */
enum { MAXC = 512 };
static int wrap_ex(rctx *rc, const char *s, int w, int size, bool bold, int st[MAXL], int en[MAXL],
                   bool brk)
{
    int n = 0;
    size_t len = strlen(s);
    size_t i = 0;
    size_t cand[MAXC];
    double per_byte = size * 0.5; /* a guess until something is measured */
    while (i < len && n < MAXL) {
        while (i < len && s[i] == ' ')
            i++;
        size_t line_start = i, best_end = i;
        /* where this line may break: before each space, at a newline or the end */
        int m = 0;
        for (size_t k = i; m < MAXC;) {
            size_t j = k;
            while (j < len && s[j] != ' ' && s[j] != '\n')
                j++;
            cand[m++] = j;
            if (j >= len || s[j] == '\n')
                break;
            k = j + 1;
        }
        /* the first break that does not fit (m: none), from a guess */
        int k = 0;
        while (k + 1 < m && (double)(cand[k + 1] - line_start) * per_byte <= w)
            k++;
        int first_out;
        if (prefix_fits(rc, s, line_start, cand[k], w, size, bold, &per_byte)) {
            while (k + 1 < m && prefix_fits(rc, s, line_start, cand[k + 1], w, size, bold, &per_byte))
                k++;
            first_out = k + 1;
        } else {
            while (k > 0 && !prefix_fits(rc, s, line_start, cand[k - 1], w, size, bold, &per_byte))
                k--;
            first_out = k;
        }
        bool too_wide = first_out == 0;
        if (!too_wide)
            best_end = cand[first_out - 1];
        if (too_wide) {
            if (!brk)
                return -1;
            best_end = break_word(rc, s, line_start, len, w, size, bold);
            if (best_end == line_start)
                return -1;
        }
        st[n] = (int)line_start;
        en[n] = (int)best_end;
        n++;
        i = best_end;
        if (i < len && (s[i] == ' ' || s[i] == '\n'))
            i++;
    }
    return i < len ? -1 : n;
}

int t_box_px(rctx *rc, SDL_Rect r, const char *s, int size, bool bold, unsigned rgb,
             text_align align, bool vcentre, bool draw, bool *fits)
{
    int st[MAXL], en[MAXL];
    bool brk = draw && rc->break_words; /* t_box's last resort */
    int n = wrap_ex(rc, s, r.w, size, bold, st, en, brk);
    int lh = t_height(rc, size, bold);
    int line_gap = size / 6;
    if (n < 0) {
        *fits = false;
        if (draw) {
            /* Still show something: the text clipped to its box. */
            SDL_RenderSetClipRect(rc->ren, &r);
            t_line(rc, r.x, r.y, s, size, bold, rgb);
            SDL_RenderSetClipRect(rc->ren, NULL);
        }
        return lh;
    }
    int total = n * lh + (n > 0 ? (n - 1) * line_gap : 0);
    *fits = total <= r.h;
    if (!draw)
        return total;
    int y = r.y + (vcentre && total < r.h ? (r.h - total) / 2 : 0);
    char buf[1024];
    SDL_Rect old;
    SDL_RenderGetClipRect(rc->ren, &old);
    for (int i = 0; i < n; i++) {
        size_t l = (size_t)(en[i] - st[i]);
        if (l >= sizeof buf)
            l = sizeof buf - 1;
        memcpy(buf, s + st[i], l);
        buf[l] = '\0';
        int lw = t_width(rc, buf, size, bold);
        int x = align == AL_LEFT ? r.x : align == AL_CENTRE ? r.x + (r.w - lw) / 2 : r.x + r.w - lw;
        t_line(rc, x, y, buf, size, bold, rgb);
        y += lh + line_gap;
    }
    return total;
}

int t_box_height(rctx *rc, int w, const char *s, font_role role, bool bold)
{
    if (!s || !*s)
        return 0;
    int size = font_px(rc, role);
    int minimum = size * 3 / 4;
    bool fits = false;
    SDL_Rect big = {0, 0, w, 1 << 20};
    int h = 0;
    for (; size >= minimum; size -= 1 + size / 24) {
        h = t_box_px(rc, big, s, size, bold, COL_INK, AL_LEFT, false, false, &fits);
        rc->trying = true; /* the role's own size opens its font; smaller ones are tried */
        if (fits)
            break;
    }
    if (!fits) {
        /* a word wider than w even at the smallest size: t_box breaks it */
        int st[MAXL], en[MAXL];
        int n = wrap_ex(rc, s, w, minimum, bold, st, en, true);
        int lh = t_height(rc, minimum, bold);
        if (n > 0)
            h = n * lh + (n - 1) * (minimum / 6);
    }
    rc->trying = false;
    return h;
}

int t_box(rctx *rc, SDL_Rect r, const char *s, font_role role, bool bold, unsigned rgb,
          text_align align, bool vcentre)
{
    if (!s || !*s)
        return 0;
    int size = font_px(rc, role);
    int minimum = size * 3 / 4;
    bool fits = false;
    /* Sizes tried out: the role's own size opens its font (most boxes are
     * drawn at it); smaller ones are measured without opening theirs
     * (font_to_measure), until the one drawn. */
    for (; size > minimum; size -= 1 + size / 24) {
        t_box_px(rc, r, s, size, bold, rgb, align, vcentre, false, &fits);
        rc->trying = true;
        if (fits)
            break;
    }
    if (!fits) {
        size = minimum;
        t_box_px(rc, r, s, size, bold, rgb, align, vcentre, false, &fits);
        if (!fits) {
            /* Last resort: break an over-long word across lines. */
            int st[MAXL], en[MAXL];
            int n = wrap_ex(rc, s, r.w, size, bold, st, en, true);
            int lh = t_height(rc, size, bold);
            rc->trying = false;
            if (n > 0 && n * lh + (n - 1) * (size / 6) <= r.h) {
                rc->break_words = true;
                fits = true;
                t_box_px(rc, r, s, size, bold, rgb, align, vcentre, true, &fits);
                rc->break_words = false;
                return n * lh;
            }
        }
        if (!fits) {
            char what[64];
            snprintf(what, sizeof what, "does not fit its %dx%d box", r.w, r.h);
            r_overflow(rc, s, what);
        }
    }
    rc->trying = false;
    return t_box_px(rc, r, s, size, bold, rgb, align, vcentre, true, &fits);
}

/* ---- layout check ---------------------------------------------------------- */

static void where_now(const rctx *rc, char *out, size_t size)
{
    if (rc->where)
        rc->where(rc->where_ctx, out, size);
    else
        snprintf(out, size, "the needs-attention screen");
}

/* At most max bytes of s, cut at a character boundary, "…" when cut. */
static void quote(char *out, size_t size, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        snprintf(out, size, "\"%s\"", s);
        return;
    }
    while (n > 0 && (n > max || ((unsigned char)s[n] & 0xC0) == 0x80))
        n--;
    snprintf(out, size, "\"%.*s…\"", (int)n, s);
}

void r_overflow(rctx *rc, const char *text, const char *what)
{
    rc->overflows++;
    rc->described++;
    if (!rc->report)
        return;
    char msg[PM_MSG_MAX], shown[200], who[200], where[96];
    quote(shown, sizeof shown, text ? text : "", 120);
    if (rc->c) {
        int l = rc->lang;
        const char *code = content_lang_code(rc->c, (size_t)l);
        const char *keys[2];
        size_t nk = content_keys_of_text(rc->c, l, text, keys);
        if (nk == 2)
            snprintf(who, sizeof who, "i18n/%s.json: %s (with %s)", code, keys[0], keys[1]);
        else if (nk == 1)
            snprintf(who, sizeof who, "i18n/%s.json: %s", code, keys[0]);
        else if ((keys[0] = content_key_inside_text(rc->c, l, text)))
            snprintf(who, sizeof who, "i18n/%s.json: a text made of several strings, the longest %s",
                     code, keys[0]);
        else
            snprintf(who, sizeof who, "%s: a text that is no string of i18n/%s.json", code, code);
    } else {
        snprintf(who, sizeof who, "program text");
    }
    where_now(rc, where, sizeof where);
    /* One message per string (or per text, when it is no string): where
     * and at what size it was first seen, then the other sizes where it
     * does not fit either (Next too long on every screen is one problem). */
    char size[32];
    snprintf(size, sizeof size, "%dx%d", rc->lw, rc->lh);
    int same = snprintf(msg, sizeof msg, "%s: ", who);
    int len = snprintf(msg + same, sizeof msg - (size_t)same, "%s ", shown) + same;
    if (strncmp(who, "i18n/", 5) != 0)
        same = len; /* no key: the text itself says which */
    if (!rc->msgs) {
        fprintf(stderr, "layout: %s%s at %s on %s\n", msg, what, size, where);
        return;
    }
    for (size_t i = 0; i < rc->msgs->count; i++) {
        char *m = rc->msgs->items[i];
        if (strncmp(m, msg, (size_t)same) != 0)
            continue;
        if (strstr(m + same, size))
            return;
        size_t ml = strlen(m), add = strlen(size) + 16;
        bool first_also = !strstr(m + same, "; also at ");
        char *grown = realloc(m, ml + add);
        if (!grown)
            return;
        snprintf(grown + ml, add, "%s%s", first_also ? "; also at " : ", ", size);
        rc->msgs->items[i] = grown;
        return;
    }
    pm_msgs_add(rc->msgs, "%s%s at %s on %s", msg, what, size, where);
}

int text_paras(rctx *rc, SDL_Rect r, const char *const *texts, const bool *heads, int n,
               font_role role)
{
    int size = font_px(rc, role);
    int minimum = size * 3 / 4;
    int gap = 0, total = 0;
    bool all = false;
    for (;; size -= 1 + size / 24) {
        if (size < minimum)
            size = minimum;
        gap = size * 2 / 3;
        total = 0;
        all = true;
        for (int i = 0; i < n; i++) {
            bool fits = true;
            SDL_Rect big = {r.x, 0, r.w, 1 << 20};
            int h = t_box_px(rc, big, texts[i], size, heads && heads[i], COL_INK, AL_LEFT,
                             false, false, &fits);
            if (!fits)
                all = false;
            total += h + (i + 1 < n ? (heads && heads[i] ? gap / 3 : gap) : 0);
        }
        if ((all && total <= r.h) || size == minimum)
            break;
    }
    if (!all || total > r.h) {
        /* Name the longest paragraph: the likeliest to shorten. */
        int longest = 0;
        for (int i = 1; i < n; i++)
            if (strlen(texts[i]) > strlen(texts[longest]))
                longest = i;
        char what[96];
        if (n > 1)
            snprintf(what, sizeof what, "and the %d other paragraph%s need %d px of %d", n - 1,
                     n == 2 ? "" : "s", total, r.h);
        else
            snprintf(what, sizeof what, "needs %d px of %d", total, r.h);
        r_overflow(rc, n ? texts[longest] : "", what);
    }
    int y = r.y;
    r_clip(rc, &r);
    for (int i = 0; i < n; i++) {
        bool fits;
        SDL_Rect box = {r.x, y, r.w, 1 << 20};
        int h = t_box_px(rc, box, texts[i], size, heads && heads[i], COL_INK, AL_LEFT, false,
                         true, &fits);
        y += h + (heads && heads[i] ? gap / 3 : gap);
    }
    r_clip(rc, NULL);
    return total;
}

int notice_draw(rctx *rc, SDL_Rect r, const char *text)
{
    r_round(rc, r, px(rc, 12), COL_NOTICE);
    SDL_Rect in = {r.x + px(rc, 14), r.y + px(rc, 8), r.w - px(rc, 28), r.h - px(rc, 16)};
    t_box(rc, in, text, FONT_BODY, true, COL_NOTICE_INK, AL_LEFT, true);
    return r.h;
}

SDL_Rect dialog_card(const rctx *rc, int w_pct, int h_pct, int max_w, int max_h)
{
    int w = rc->lw * w_pct / 100, h = rc->lh * h_pct / 100;
    if (w > px(rc, max_w))
        w = px(rc, max_w);
    if (h > px(rc, max_h))
        h = px(rc, max_h);
    return (SDL_Rect){(rc->lw - w) / 2, (rc->lh - h) / 2, w, h};
}

void tfmt(char *out, size_t size, const char *tmpl, long one, long two)
{
    char n1[24], n2[24];
    snprintf(n1, sizeof n1, "%ld", one);
    snprintf(n2, sizeof n2, "%ld", two);
    size_t o = 0;
    for (const char *p = tmpl; *p && o + 1 < size; p++) {
        const char *ins = NULL;
        if (p[0] == '{' && (p[1] == '1' || p[1] == '2') && p[2] == '}') {
            ins = p[1] == '1' ? n1 : n2;
            p += 2;
        }
        if (ins) {
            for (; *ins && o + 1 < size; ins++)
                out[o++] = *ins;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
}

void tfmt_s(char *out, size_t size, const char *tmpl, const char *one)
{
    tfmt_s2(out, size, tmpl, one, "");
}

void tfmt_s2(char *out, size_t size, const char *tmpl, const char *one, const char *two)
{
    size_t o = 0;
    for (const char *p = tmpl; *p && o + 1 < size; p++) {
        if (p[0] == '{' && (p[1] == '1' || p[1] == '2') && p[2] == '}') {
            for (const char *s = p[1] == '1' ? one : two; *s && o + 1 < size; s++)
                out[o++] = *s;
            p += 2;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
}


void r_set_measure_only(rctx *rc, bool on) { rc->measure_only = on; }
bool r_measure_only(const rctx *rc) { return rc->measure_only; }

void r_set_source(rctx *rc, const pm_content *c, int lang, r_where_fn where, void *where_ctx)
{
    rc->c = c;
    rc->lang = lang;
    rc->where = where;
    rc->where_ctx = where_ctx;
}

void r_set_report(rctx *rc, bool report, pm_msgs *msgs)
{
    rc->report = report;
    rc->msgs = msgs;
}

bool r_reports(const rctx *rc) { return rc->report; }
pm_msgs *r_report_msgs(const rctx *rc) { return rc->msgs; }
int r_overflows(const rctx *rc) { return rc->overflows; }
int r_overflows_described(const rctx *rc) { return rc->described; }

void r_overflow_other(rctx *rc, const char *what)
{
    rc->overflows++;
    if (!rc->report)
        return;
    char where[96];
    where_now(rc, where, sizeof where);
    fprintf(stderr, "layout: %s: %dx%d: %s\n", where, rc->lw, rc->lh, what);
}
