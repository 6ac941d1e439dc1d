/* test_spans.c — shapes filled as spans (ui/spans.h, through render.c's
 * r_line, r_circle and r_polygon) against the triangles the kiosk drew
 * before through SDL_RenderGeometry, which every golden picture shows.
 *
 * Each case draws a shape twice into a frame of the software renderer (the
 * dummy video driver, as every test) and compares every pixel:
 *   - a line (a quad at any angle, as an outline's segments are), a
 *     circle (r_circle's 28-sided fan) and a rounded rectangle (r_round's
 *     quarter fans): exactly the same pixels;
 *   - a region of the shipped chart at the scales the screens draw it
 *     (small pattern charts to close-ups, at fractional offsets, clipped and
 *     not), and random star-shaped polygons, against their ear-clipped
 *     triangles (geo_triangulate, as r_polygon did): the same but for what
 *     the thin ears did wrong once their vertices were cut to whole pixels
 *     (spans.h): slivers outside the outline, which touch it, and pixels
 *     left out along an ear's edge inside; few of both.
 * Then spans.c alone: every pixel of random polygons is in exactly when
 * its centre is inside (even-odd), a centre on an edge counting for the
 * side right of it. Last, a veil over a plain colour: the colour r_veiled
 * computes, exactly; and a chart drawn with its outlines kept is the chart
 * traced as it draws. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "geometry.h"
#include "ui/chart.h"
#include "ui/render.h"
#include "ui/spans.h"

enum { W = 640, H = 480, MAXP = 1024 };

typedef struct {
    SDL_Window *win;
    SDL_Renderer *ren;
    rctx *rc;
    Uint32 *a, *b;
    Uint32 c_bg; /* the background's pixel */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || SDL_Init(SDL_INIT_VIDEO) != 0)
        return -1;
    f->win = SDL_CreateWindow("spans", 0, 0, W, H, SDL_WINDOW_HIDDEN);
    f->ren = f->win ? SDL_CreateRenderer(f->win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    f->rc = f->ren ? rctx_create(f->ren, NULL) : NULL; /* no text drawn: fonts not needed */
    f->a = malloc(sizeof(Uint32) * W * H);
    f->b = malloc(sizeof(Uint32) * W * H);
    if (!f->rc || !f->a || !f->b)
        return -1;
    r_set_size(f->rc, W, H, false);
    f->c_bg = 0xFF000000u | COL_BG;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    free(f->a);
    free(f->b);
    rctx_destroy(f->rc);
    SDL_DestroyRenderer(f->ren);
    SDL_DestroyWindow(f->win);
    SDL_Quit();
    free(f);
    return 0;
}

static void begin(fixture *f, const SDL_Rect *clip)
{
    assert_true(r_begin(f->rc));
    r_clear(f->rc, COL_BG);
    r_clip(f->rc, clip);
}

static void end_into(fixture *f, Uint32 *px)
{
    r_clip(f->rc, NULL);
    assert_int_equal(SDL_RenderReadPixels(f->ren, NULL, SDL_PIXELFORMAT_ARGB8888, px, W * 4), 0);
    r_end(f->rc);
}

/* The triangles as the kiosk drew them before (blended, one call). */
static void old_triangles(fixture *f, const SDL_FPoint *pts, int n, const int *tri, int nt,
                          unsigned rgb, Uint8 alpha)
{
    static SDL_Vertex v[MAXP];
    SDL_Color c = {(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, alpha};
    for (int i = 0; i < n; i++)
        v[i] = (SDL_Vertex){pts[i], c, {0, 0}};
    SDL_SetRenderDrawBlendMode(f->ren, SDL_BLENDMODE_BLEND);
    if (nt)
        SDL_RenderGeometry(f->ren, NULL, v, n, tri, nt * 3);
}

/* Does pixel i differ (alpha < 255: the two ways of blending may round a
 * step apart)? */
static bool differs(Uint32 a, Uint32 b, int slack)
{
    for (int s = 0; s < 32; s += 8) {
        int d = (int)((a >> s) & 255) - (int)((b >> s) & 255);
        if (d > slack || d < -slack)
            return true;
    }
    return false;
}

/* Distance from (x, y) to the polygon's outline with its vertices cut to
 * whole pixels (as drawn). */
static double to_outline(const SDL_FPoint *pts, int n, double x, double y)
{
    double best = 1e9;
    for (int i = 0; i < n; i++) {
        double ax = (int)pts[i].x, ay = (int)pts[i].y;
        double bx = (int)pts[(i + 1) % n].x, by = (int)pts[(i + 1) % n].y;
        double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
        double t = l2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / l2 : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        double ex = ax + t * dx - x, ey = ay + t * dy - y;
        best = fmin(best, sqrt(ex * ex + ey * ey));
    }
    return best;
}

/* A polygon both ways: how many pixels differ (all of them must touch the
 * outline: *far counts those that do not). */
static int compare_polygon(fixture *f, const SDL_FPoint *pts, int n, const SDL_Rect *clip,
                           Uint8 alpha, int *far)
{
    static geo_point gp[MAXP];
    static size_t scratch[MAXP];
    static int tri[3 * MAXP];
    for (int i = 0; i < n; i++)
        gp[i] = (geo_point){pts[i].x, pts[i].y};
    int nt = (int)geo_triangulate(gp, (size_t)n, scratch, tri);
    begin(f, clip);
    old_triangles(f, pts, n, tri, nt, COL_MARK, alpha);
    end_into(f, f->a);
    begin(f, clip);
    r_polygon(f->rc, pts, n, COL_MARK, alpha);
    end_into(f, f->b);
    int bad = 0;
    for (int i = 0; i < W * H; i++)
        if (differs(f->a[i], f->b[i], alpha == 255 ? 0 : 2)) {
            bad++;
            /* a sliver the triangles added: it touches the outline (what
             * the spans add is inside: spans_are_the_centres_inside) */
            if (f->b[i] == f->c_bg && to_outline(pts, n, i % W + 0.5, i / W + 0.5) > 1.5)
                ++*far;
        }
    return bad;
}

/* The length of the outline, in pixels. */
static double perimeter(const SDL_FPoint *pts, int n)
{
    double l = 0;
    for (int i = 0; i < n; i++) {
        SDL_FPoint a = pts[i], b = pts[(i + 1) % n];
        l += hypot(b.x - a.x, b.y - a.y);
    }
    return l;
}

/* The shipped content (PAINMAP_DATA_DIR, as ctest sets it); the caller frees it. */
static pm_content *shipped_content(void)
{
    const char *dir = getenv("PAINMAP_DATA_DIR");
    assert_non_null(dir);
    pm_content *c = NULL;
    pm_msgs msgs;
    pm_msgs_init(&msgs);
    assert_int_equal(content_load(dir, &c, &msgs), PM_OK);
    pm_msgs_free(&msgs);
    return c;
}

/* How many pixels of the two frames differ. */
static long pixels_differ(const fixture *f)
{
    long differ = 0;
    for (int i = 0; i < W * H; i++)
        differ += f->a[i] != f->b[i];
    return differ;
}

/* Every region of the shipped chart at the scales the screens draw it,
 * at fractional offsets (the screens' transforms are not whole). */
static void regions_at_every_scale(void **state)
{
    fixture *f = *state;
    pm_content *c = shipped_content();
    static SDL_FPoint pts[MAXP];
    const double scales[] = {0.21, 0.47, 0.7213, 1.0, 1.733, 2.9, 4.4};
    const SDL_Rect clip = {37, 29, 500, 400};
    long bad = 0, far = 0;
    double edge = 0;
    int cases = 0;
    for (size_t s = 0; s < sizeof scales / sizeof scales[0]; s++) {
        double k = scales[s];
        for (size_t i = 0; i < content_region_count(c); i++) {
            const pm_region *r = content_region(c, i);
            if (r->npoly > MAXP)
                continue;
            double cx = (r->bounds.x0 + r->bounds.x1) / 2, cy = (r->bounds.y0 + r->bounds.y1) / 2;
            double ox = W / 2.0 - cx * k + 0.37 * (double)(i % 7);
            double oy = H / 2.0 - cy * k + 0.13 * (double)(i % 5);
            for (size_t p = 0; p < r->npoly; p++)
                pts[p] = (SDL_FPoint){(float)(ox + r->poly[p].x * k), (float)(oy + r->poly[p].y * k)};
            int fa = 0;
            bad += compare_polygon(f, pts, (int)r->npoly, NULL, 255, &fa);
            bad += compare_polygon(f, pts, (int)r->npoly, &clip, 255, &fa);
            if (i % 9 == 0)
                bad += compare_polygon(f, pts, (int)r->npoly, NULL, 60, &fa);
            if (fa)
                print_message("scale %g, region %s: %d pixels away from the outline differ\n", k,
                              r->id, fa);
            far += fa;
            edge += perimeter(pts, (int)r->npoly) * (i % 9 == 0 ? 3 : 2);
            cases++;
        }
    }
    content_free(c);
    print_message("%d regions: %ld pixels differ, %.2f per 100 pixels of outline\n", cases, bad,
                  100.0 * (double)bad / edge);
    assert_int_equal(far, 0);
    assert_true((double)bad < edge * 0.03); /* measured: 1.3 per 100 */
}

/* An outline's segment as r_line draws it: a quad at any angle, exactly
 * the renderer's pixels (its two triangles: 0 1 2 and 0 2 3). */
static void lines_exactly(void **state)
{
    fixture *f = *state;
    srand(7);
    const int tri[6] = {0, 1, 2, 0, 2, 3};
    int bad = 0;
    for (int i = 0; i < 3000; i++) {
        float x0 = (float)(rand() % 6000) / 10.0f, y0 = (float)(rand() % 4600) / 10.0f;
        float ang = (float)(rand() % 6283) / 1000.0f, len = 1.0f + (float)(rand() % 3000) / 10.0f;
        float w = 1.0f + (float)(rand() % 40) / 10.0f;
        float x1 = x0 + len * cosf(ang), y1 = y0 + len * sinf(ang);
        if (i % 5 == 0) { /* level and plumb ones too, exactly (outlines have them) */
            x1 = i % 2 ? x0 : x0 + (i % 3 ? len : -len);
            y1 = i % 2 ? y0 + (i % 3 ? len : -len) : y0;
        }
        float dx = x1 - x0, dy = y1 - y0, l = sqrtf(dx * dx + dy * dy); /* as r_line */
        float nx = -dy / l * w / 2, ny = dx / l * w / 2;
        SDL_FPoint q[4] = {{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}};
        Uint8 alpha = i % 3 ? 255 : 110;
        begin(f, NULL);
        old_triangles(f, q, 4, tri, 2, COL_SKIN_LINE, alpha);
        end_into(f, f->a);
        begin(f, NULL);
        r_line(f->rc, x0, y0, x1, y1, w, COL_SKIN_LINE, alpha);
        end_into(f, f->b);
        for (int p = 0; p < W * H; p++)
            if (differs(f->a[p], f->b[p], alpha == 255 ? 0 : 2)) {
                print_message("line %d (%g,%g %g,%g w %g alpha %d) pixel %d,%d: %08x vs %08x\n", i, x0,
                              y0, x1, y1, w, alpha, p % W, p / W, f->a[p], f->b[p]);
                bad++;
            }
    }
    assert_int_equal(bad, 0);
}

/* r_circle: the fan around the centre it was, exactly; big and small,
 * some clipped. */
static void circles_exactly(void **state)
{
    fixture *f = *state;
    srand(11);
    enum { SEG = 28 };
    SDL_FPoint v[SEG + 1];
    int tri[3 * SEG];
    for (int i = 0; i < SEG; i++) {
        tri[3 * i] = 0;
        tri[3 * i + 1] = i + 1;
        tri[3 * i + 2] = i + 1 < SEG ? i + 2 : 1;
    }
    int bad = 0;
    for (int i = 0; i < 600; i++) {
        float cx = (float)(rand() % 6400) / 10.0f, cy = (float)(rand() % 4800) / 10.0f;
        float rad = 0.7f + (float)(rand() % 900) / 10.0f;
        v[0] = (SDL_FPoint){cx, cy};
        for (int k = 0; k < SEG; k++) {
            double a = k * 2 * M_PI / SEG;
            v[k + 1] = (SDL_FPoint){cx + rad * (float)cos(a), cy + rad * (float)sin(a)};
        }
        SDL_Rect clip = {rand() % 300, rand() % 200, 100 + rand() % 400, 100 + rand() % 300};
        Uint8 alpha = i % 4 ? 255 : 230;
        begin(f, i % 2 ? &clip : NULL);
        old_triangles(f, v, SEG + 1, tri, SEG, COL_INK, alpha);
        end_into(f, f->a);
        begin(f, i % 2 ? &clip : NULL);
        r_circle(f->rc, cx, cy, rad, COL_INK, alpha);
        end_into(f, f->b);
        for (int p = 0; p < W * H; p++)
            bad += differs(f->a[p], f->b[p], alpha == 255 ? 0 : 2);
    }
    assert_int_equal(bad, 0);
}

/* r_round: three rectangles and a fan of six triangles around each
 * corner's centre, as it was drawn, exactly; clipped and not. */
static void rounded_rects_exactly(void **state)
{
    fixture *f = *state;
    srand(19);
    enum { SEG = 6 };
    int bad = 0;
    for (int i = 0; i < 400; i++) {
        SDL_Rect r = {rand() % 500 - 20, rand() % 380 - 20, 4 + rand() % 300, 4 + rand() % 200};
        int radius = rand() % 40;
        SDL_Rect clip = {rand() % 300, rand() % 200, 100 + rand() % 400, 100 + rand() % 300};
        const SDL_Rect *cl = i % 3 ? NULL : &clip;
        begin(f, cl);
        r_round(f->rc, r, radius, COL_PRIMARY);
        end_into(f, f->b);
        /* as r_round drew it before */
        begin(f, cl);
        int rad = radius;
        if (rad * 2 > r.w)
            rad = r.w / 2;
        if (rad * 2 > r.h)
            rad = r.h / 2;
        SDL_SetRenderDrawBlendMode(f->ren, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(f->ren, 0x1D, 0x5C, 0x63, 255);
        if (rad < 2) {
            SDL_RenderFillRect(f->ren, &r);
        } else {
            SDL_Rect body[3] = {{r.x + rad, r.y, r.w - 2 * rad, r.h},
                                {r.x, r.y + rad, rad, r.h - 2 * rad},
                                {r.x + r.w - rad, r.y + rad, rad, r.h - 2 * rad}};
            SDL_RenderFillRects(f->ren, body, 3);
            SDL_Vertex v[4 * (SEG + 2)];
            int idx[3 * 4 * SEG], n = 0, m = 0;
            SDL_Color c = {0x1D, 0x5C, 0x63, 255};
            const float corner[4][2] = {{(float)(r.x + r.w - rad), (float)(r.y + r.h - rad)},
                                        {(float)(r.x + rad), (float)(r.y + r.h - rad)},
                                        {(float)(r.x + rad), (float)(r.y + rad)},
                                        {(float)(r.x + r.w - rad), (float)(r.y + rad)}};
            for (int k = 0; k < 4; k++) {
                int centre = n;
                v[n++] = (SDL_Vertex){{corner[k][0], corner[k][1]}, c, {0, 0}};
                for (int j = 0; j <= SEG; j++) {
                    double ang = (k * 90.0 + j * 90.0 / SEG) * M_PI / 180.0;
                    v[n++] = (SDL_Vertex){{corner[k][0] + rad * (float)cos(ang),
                                           corner[k][1] + rad * (float)sin(ang)},
                                          c, {0, 0}};
                    if (j > 0) {
                        idx[m++] = centre;
                        idx[m++] = n - 2;
                        idx[m++] = n - 1;
                    }
                }
            }
            SDL_RenderGeometry(f->ren, NULL, v, n, idx, m);
        }
        end_into(f, f->a);
        for (int p = 0; p < W * H; p++)
            bad += differs(f->a[p], f->b[p], 0);
    }
    assert_int_equal(bad, 0);
}

/* Random star-shaped polygons, many-sided, clipped and not: as the
 * regions. */
static void stars(void **state)
{
    fixture *f = *state;
    srand(13);
    static SDL_FPoint pts[MAXP];
    long bad = 0;
    int far = 0;
    double edge = 0;
    for (int i = 0; i < 300; i++) {
        int n = 5 + rand() % 300;
        float cx = (float)(rand() % 6400) / 10.0f, cy = (float)(rand() % 4800) / 10.0f;
        for (int k = 0; k < n; k++) {
            double a = k * 2 * M_PI / n, rad = 5 + rand() % 200;
            pts[k] = (SDL_FPoint){cx + (float)(rad * cos(a)), cy + (float)(rad * sin(a))};
        }
        SDL_Rect clip = {rand() % 300, rand() % 200, 100 + rand() % 400, 100 + rand() % 300};
        bad += compare_polygon(f, pts, n, i % 2 ? &clip : NULL, 255, &far);
        edge += perimeter(pts, n);
    }
    print_message("stars: %ld pixels differ, %.2f per 100 pixels of outline\n", bad,
                  100.0 * (double)bad / edge);
    assert_int_equal(far, 0);
    assert_true((double)bad < edge * 0.03);
}

/* spans.c by itself: a pixel is in exactly when its centre is inside the
 * polygon of cut vertices (even-odd, counted exactly in half pixels), or
 * on an edge with the inside to its right. */
static void spans_are_the_centres_inside(void **state)
{
    (void)state;
    srand(17);
    span_buf b = {0};
    static unsigned char in[64 * 64];
    int wrong = 0;
    for (int t = 0; t < 2000; t++) {
        int n = 3 + rand() % 9;
        SDL_FPoint p[12];
        for (int k = 0; k < n; k++) /* whole and fractional vertices, some off the grid's edge */
            p[k] = (SDL_FPoint){(float)(rand() % 80 - 8) + (rand() % 2 ? 0.0f : 0.5f),
                                (float)(rand() % 80 - 8) + (rand() % 3 ? 0.0f : 0.75f)};
        SDL_Rect clip = {0, 0, 64, 64};
        b.n = 0;
        assert_true(spans_add_polygon(&b, p, n, clip) >= 0);
        memset(in, 0, sizeof in);
        for (int s = 0; s < b.n; s++) {
            assert_int_equal(b.rect[s].h, 1);
            for (int x = b.rect[s].x; x < b.rect[s].x + b.rect[s].w; x++) {
                assert_true(x >= 0 && x < 64 && b.rect[s].y >= 0 && b.rect[s].y < 64);
                assert_int_equal(in[b.rect[s].y * 64 + x], 0); /* no pixel twice */
                in[b.rect[s].y * 64 + x] = 1;
            }
        }
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 64; x++) {
                long sx = 2 * x + 1, sy = 2 * y + 1; /* the centre, in half pixels */
                int crossings = 0, on = 0;
                for (int k = 0; k < n; k++) {
                    long ax = 2 * (long)(int)p[k].x, ay = 2 * (long)(int)p[k].y;
                    long bx = 2 * (long)(int)p[(k + 1) % n].x, by = 2 * (long)(int)p[(k + 1) % n].y;
                    if ((ay > sy) == (by > sy))
                        continue;
                    if (ay > by) { /* downwards */
                        long tx = ax, ty = ay;
                        ax = bx, ay = by, bx = tx, by = ty;
                    }
                    /* < 0: the edge passes left of the centre; 0: through it */
                    long side = (bx - ax) * (sy - ay) - (by - ay) * (sx - ax);
                    if (side < 0)
                        crossings++;
                    else if (side == 0)
                        on++;
                }
                /* on an edge, a centre is in when just right of it is */
                bool inside = (crossings + on) % 2 == 1;
                if (inside != (in[y * 64 + x] == 1) && wrong < 5) {
                    print_message("polygon %d: pixel %d,%d: centre %s, spans %s; vertices", t, x, y,
                                  inside ? "in" : "out", in[y * 64 + x] ? "in" : "out");
                    for (int k = 0; k < n; k++)
                        print_message(" %g,%g", p[k].x, p[k].y);
                    print_message("\n");
                }
                wrong += inside != (in[y * 64 + x] == 1);
            }
    }
    span_buf_free(&b);
    assert_int_equal(wrong, 0);
}

/* Every seventh region marked, in the mark's colour. */
static long every_seventh(int region, void *ctx)
{
    (void)ctx;
    return region % 7 == 0 ? (long)COL_MARK_LINE : -1;
}

/* A chart drawn with its outlines traced ahead and kept
 * (chart_outlines_ahead, as staff's queue does for an intake's charts) is
 * the chart traced as it draws, pixel for pixel: both views, small as
 * staff's summary and larger, clipped inside the frame and cut by its edge,
 * some regions marked; a transform that moved is traced again. */
static void kept_outlines_draw_the_same_chart(void **state)
{
    fixture *f = *state;
    pm_content *c = shipped_content();
    chart_art *ch = chart_art_create(f->rc, c, NULL); /* no artwork: outlines over skin */
    assert_non_null(ch);
    const SDL_Rect areas[] = {{21, 40, 180, 330}, {100, 10, 420, 460}, {400, 100, 400, 500}};
    for (int v = 0; v < VIEW_COUNT; v++)
        for (size_t k = 0; k < sizeof areas / sizeof areas[0]; k++) {
            chart_xf xf = chart_fit(areas[k], chart_view_bounds(c, (pm_view)v), 1, 0, 0);
            xf.clip = areas[k];
            begin(f, NULL);
            chart_draw(ch, (pm_view)v, xf, every_seventh, NULL);
            end_into(f, f->a);
            assert_true(chart_outlines_ahead(ch, (pm_view)v, xf));  /* traced */
            assert_false(chart_outlines_ahead(ch, (pm_view)v, xf)); /* kept */
            begin(f, NULL);
            chart_draw(ch, (pm_view)v, xf, every_seventh, NULL);
            end_into(f, f->b);
            long differ = pixels_differ(f);
            if (differ)
                fail_msg("view %d, area %zu: %ld pixels differ with the outlines kept", v, k, differ);
        }
    chart_art_destroy(ch);
    content_free(c);
}

/* A pattern's picture prepared ahead (chart_pattern_prepare: its outlines
 * traced and its spill-over dots found, as the patterns screen does for
 * the candidates' enlarged pictures) is the picture drawn without, pixel
 * for pixel: every muscle, both sides or one, one view or two, wide and
 * tall, away from the frame's corner. */
static void prepared_patterns_draw_the_same_picture(void **state)
{
    fixture *f = *state;
    pm_content *c = shipped_content();
    chart_art *ch = chart_art_create(f->rc, c, NULL); /* no artwork: outlines over skin */
    assert_non_null(ch);
    const SDL_Rect areas[] = {{12, 30, 616, 400}, {131, 17, 290, 455}};
    const unsigned sides[] = {0, CHART_SIDE_LEFT, CHART_SIDE_RIGHT};
    for (size_t m = 0; m < content_muscle_count(c); m++) {
        const SDL_Rect area = areas[m % 2];
        const unsigned side = sides[m % 3];
        begin(f, NULL);
        chart_draw_pattern(ch, (int)m, side, area, false); /* traced as it draws */
        end_into(f, f->a);
        chart_pictures_clear(ch, false);
        assert_true(chart_pattern_prepare(ch, (int)m, side, area));  /* prepared */
        assert_false(chart_pattern_prepare(ch, (int)m, side, area)); /* kept */
        begin(f, NULL);
        chart_draw_pattern(ch, (int)m, side, area, false);
        end_into(f, f->b);
        assert_false(chart_pattern_prepare(ch, (int)m, side, area)); /* its picture kept */
        chart_pictures_clear(ch, false);
        long differ = pixels_differ(f);
        if (differ)
            fail_msg("muscle %s, sides %u: %ld pixels differ prepared", content_muscle(c, m)->id,
                     side, differ);
    }
    chart_art_destroy(ch);
    content_free(c);
}

/* A veil over a plain colour leaves the colour r_veiled says, exactly: the
 * delete question fills its background with it instead of blending. */
static void veils_over_a_plain_colour_exactly(void **state)
{
    fixture *f = *state;
    const unsigned under[] = {COL_BG, 0xFFFFFF, 0x000000, 0x7F3A15, COL_SURFACE};
    const unsigned veil[] = {0x1B2830, 0xFFFFFF, 0xC04020};
    const Uint8 alpha[] = {1, 60, 128, 170, 190, 254};
    for (size_t u = 0; u < sizeof under / sizeof under[0]; u++)
        for (size_t v = 0; v < sizeof veil / sizeof veil[0]; v++)
            for (size_t k = 0; k < sizeof alpha / sizeof alpha[0]; k++) {
                assert_true(r_begin(f->rc));
                r_clear(f->rc, under[u]);
                r_veil(f->rc, (SDL_Rect){0, 0, W, H}, veil[v], alpha[k]);
                SDL_Rect one = {W / 2, H / 2, 1, 1};
                Uint32 got = 0;
                assert_int_equal(
                    SDL_RenderReadPixels(f->ren, &one, SDL_PIXELFORMAT_ARGB8888, &got, 4), 0);
                r_end(f->rc);
                unsigned want = r_veiled(under[u], veil[v], alpha[k]);
                if ((got & 0xFFFFFFu) != want)
                    fail_msg("%06X veiled by %06X at %u: drawn %06X, r_veiled %06X", under[u],
                             veil[v], alpha[k], got & 0xFFFFFFu, want);
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spans_are_the_centres_inside),
        cmocka_unit_test(lines_exactly),
        cmocka_unit_test(circles_exactly),
        cmocka_unit_test(rounded_rects_exactly),
        cmocka_unit_test(regions_at_every_scale),
        cmocka_unit_test(stars),
        cmocka_unit_test(veils_over_a_plain_colour_exactly),
        cmocka_unit_test(kept_outlines_draw_the_same_chart),
        cmocka_unit_test(prepared_patterns_draw_the_same_picture),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
