/* test_packed.c — pictures kept as runs (ui/packed.h).
 *
 * A packed picture must give back every pixel it was made from (a texture
 * made from it for a GPU, or a part of it scaled, is the same picture),
 * draw exactly as SDL's blitter blends (pk_blend, each form, against the
 * arithmetic written out per channel), only inside its clip, and keep far
 * less than a texture where pictures are mostly nothing or flat colour:
 * that is what it is for. Pictures of each kind the kiosk packs: a line of
 * text (one colour at many strengths), a figure (flat fills, antialiased
 * edges, transparent around it, with the odd transparent pixel of another
 * colour nanosvg leaves at an edge), an opaque picture, and noise. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui/blitmix.h"
#include "ui/packed.h"

static uint32_t seed = 1u;
static uint32_t rnd(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

typedef enum { KIND_TEXT, KIND_FIGURE, KIND_OPAQUE, KIND_NOISE } kind;

/* A w x h picture of the kind, ARGB8888, pitch w * 4 + pad bytes. */
static uint32_t *picture(kind k, int w, int h, int pitch)
{
    uint32_t *px = calloc((size_t)h, (size_t)pitch);
    for (int y = 0; y < h; y++) {
        uint32_t *r = (uint32_t *)(void *)((uint8_t *)px + (size_t)y * (size_t)pitch);
        for (int x = 0; x < w; x++) {
            uint32_t v = 0;
            switch (k) {
            case KIND_TEXT: { /* letters: strokes every few pixels */
                int c = (x % 9 < 3 && y % 11 > 2) ? (int)(rnd() % 256) : 0;
                v = (uint32_t)c << 24 | 0x1B2830u;
                break;
            }
            case KIND_FIGURE: { /* an ellipse of skin with an edge, nothing round it */
                double dx = (x - w / 2.0) / (w / 2.5), dy = (y - h / 2.0) / (h / 2.2);
                double d = dx * dx + dy * dy;
                if (d < 0.9)
                    v = 0xFFE9E2D8u;
                else if (d < 1.0)
                    v = (uint32_t)(40 + rnd() % 200) << 24 | 0x6E6258u;
                else if (d < 1.02)
                    v = 0x006E6258u; /* transparent, of the edge's colour */
                if (x % 37 == 0 && d < 0.9)
                    v = 0xFF6E6258u; /* a line across */
                break;
            }
            case KIND_OPAQUE:
                v = 0xFF000000u | (x < w / 3 ? 0xFFFFFFu : (y % 5 ? 0xF5F3EEu : rnd() & 0xFFFFFFu));
                break;
            case KIND_NOISE:
                v = rnd() % 3 == 0 ? 0 : (rnd() << 8 | (rnd() & 0xFFu));
                break;
            }
            r[x] = v;
        }
    }
    return px;
}

static const kind kinds[] = {KIND_TEXT, KIND_FIGURE, KIND_OPAQUE, KIND_NOISE};
static const int sizes[][2] = {{1, 1}, {3, 2}, {97, 31}, {640, 48}, {300, 500}, {20000, 2}};

/* Every pixel back, for the whole picture and for parts of it. */
static void gives_every_pixel_back(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            int w = sizes[s][0], h = sizes[s][1], pitch = w * 4 + 12;
            uint32_t *px = picture(kinds[k], w, h, pitch);
            pk_pic *p = pk_pack(px, w, h, pitch);
            assert_non_null(p);
            assert_int_equal(pk_w(p), w);
            assert_int_equal(pk_h(p), h);
            uint32_t *out = malloc((size_t)w * (size_t)h * 4u);
            pk_unpack(p, (pk_rect){0, 0, w, h}, out, w * 4, 0);
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    uint32_t want = ((uint32_t *)(void *)((uint8_t *)px + (size_t)y * (size_t)pitch))[x];
                    if (out[y * w + x] != want)
                        fail_msg("kind %zu, %dx%d: pixel (%d, %d) is %08X, was %08X", k, w, h, x,
                                 y, out[y * w + x], want);
                }
            /* a part: the same pixels as the picture there */
            pk_rect part = {w / 3, h / 4, w - w / 3 - w / 5, h - h / 4 - h / 6};
            if (part.w > 0 && part.h > 0) {
                pk_unpack(p, part, out, part.w * 4, 0);
                for (int y = 0; y < part.h; y++)
                    for (int x = 0; x < part.w; x++) {
                        uint32_t want = ((uint32_t *)(void *)((uint8_t *)px +
                                                              (size_t)(y + part.y) * (size_t)pitch))[x + part.x];
                        assert_int_equal(out[y * part.w + x], want);
                    }
            }
            /* in SDL_image's byte order, onto zeroed memory */
            memset(out, 0, (size_t)w * (size_t)h * 4u);
            pk_unpack(p, (pk_rect){0, 0, w, h}, out, w * 4, PK_UNPACK_ABGR | PK_UNPACK_ONTO_ZERO);
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    uint32_t v = ((uint32_t *)(void *)((uint8_t *)px + (size_t)y * (size_t)pitch))[x];
                    uint32_t abgr = (v & 0xFF00FF00u) | (v >> 16 & 0xFFu) | (v & 0xFFu) << 16;
                    assert_int_equal(out[y * w + x], abgr);
                }
            free(out);
            pk_free(p);
            free(px);
        }
}

/* SDL2's blends written out one channel at a time (SDL_blit_A.c). */
static uint32_t shift_form(uint32_t d, uint32_t s)
{
    uint32_t a = s >> 24, out = 0;
    for (int sh = 0; sh < 24; sh += 8) {
        int dc = (int)(d >> sh & 0xFF), sc = (int)(s >> sh & 0xFF);
        int v = dc + (int)(((long)(sc - dc) * (long)a) >> 8); /* rounded down, also below 0 */
        out |= (uint32_t)v << sh;
    }
    return out;
}

static uint32_t split_form(uint32_t d, uint32_t s)
{
    uint32_t a = s >> 24, out = 0;
    for (int sh = 0; sh < 24; sh += 8)
        out |= (((s >> sh & 0xFF) * a >> 8) + ((d >> sh & 0xFF) * (255 - a) >> 8)) << sh;
    return out;
}

static void blends_as_sdl_does(void **state)
{
    (void)state;
    for (int i = 0; i < 200000; i++) {
        uint32_t d = rnd() << 8 | (rnd() & 0xFF), s = rnd() << 8 | (rnd() & 0xFF);
        uint32_t a = s >> 24;
        uint32_t want_shift = a == 0 ? d : a == 255 ? s : shift_form(d, s);
        uint32_t want_split = a == 0 ? d : a == 255 ? s : split_form(d, s);
        assert_int_equal(pk_blend(d, s, PK_MIX_SHIFT) & 0xFFFFFFu, want_shift & 0xFFFFFFu);
        assert_int_equal(pk_blend(d, s, PK_MIX_SPLIT) & 0xFFFFFFu, want_split & 0xFFFFFFu);
    }
}

/* Drawn at an offset (partly off the destination), inside a clip: each
 * pixel inside both blended as pk_blend says, every other one untouched. */
static void draws_blended_inside_its_clip(void **state)
{
    (void)state;
    enum { DW = 320, DH = 200 };
    static const int at[][2] = {{10, 7}, {-40, -13}, {250, 150}, {0, 0}};
    static const pk_rect clips[] = {{0, 0, DW, DH}, {33, 21, 101, 77}, {300, 190, 20, 10}};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (int m = PK_MIX_SHIFT; m <= PK_MIX_SPLIT; m++)
            for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
                for (size_t c = 0; c < sizeof clips / sizeof clips[0]; c++) {
                    int w = 150, h = 90;
                    uint32_t *px = picture(kinds[k], w, h, w * 4);
                    pk_pic *p = pk_pack(px, w, h, w * 4);
                    uint32_t dst[DW * DH], before[DW * DH];
                    for (int j = 0; j < DW * DH; j++)
                        dst[j] = before[j] = 0xFF000000u | (rnd() & 0xFFFFFFu);
                    int x0 = at[i][0], y0 = at[i][1];
                    pk_draw(p, dst, DW * 4, x0, y0, clips[c], (pk_mix)m);
                    pk_rect cl = clips[c];
                    for (int y = 0; y < DH; y++)
                        for (int x = 0; x < DW; x++) {
                            bool in = x >= cl.x && x < cl.x + cl.w && y >= cl.y && y < cl.y + cl.h &&
                                      x >= x0 && x < x0 + w && y >= y0 && y < y0 + h;
                            uint32_t want = in ? pk_blend(before[y * DW + x],
                                                          px[(y - y0) * w + (x - x0)], (pk_mix)m)
                                               : before[y * DW + x];
                            if (dst[y * DW + x] != want)
                                fail_msg("kind %zu, at (%d, %d), clip %zu: (%d, %d) is %08X, "
                                         "not %08X",
                                         k, x0, y0, c, x, y, dst[y * DW + x], want);
                        }
                    pk_free(p);
                    free(px);
                }
}

/* What it is for: a line of text keeps at most about two bytes for each
 * pixel its letters touch (a byte each, and a word for each stretch), a
 * figure a fraction of its texture; noise, which has nothing to pack,
 * costs little more than the texture would. */
static void keeps_far_less_than_a_texture(void **state)
{
    (void)state;
    int w = 640, h = 48;
    uint32_t *px = picture(KIND_TEXT, w, h, w * 4);
    size_t touched = 0;
    for (int i = 0; i < w * h; i++)
        touched += px[i] >> 24 != 0;
    pk_pic *p = pk_pack(px, w, h, w * 4);
    size_t texture = (size_t)w * (size_t)h * 4u;
    printf("text: %zu bytes packed, %zu touched pixels, %zu as a texture\n", pk_bytes(p), touched,
           texture);
    assert_true(pk_bytes(p) < touched * 2 + (size_t)h * 64);
    assert_true(pk_bytes(p) * 5 < texture);
    pk_free(p);
    free(px);

    w = 432, h = 719; /* the chart's figure at 1280x800 */
    px = picture(KIND_FIGURE, w, h, w * 4);
    p = pk_pack(px, w, h, w * 4);
    texture = (size_t)w * (size_t)h * 4u;
    printf("figure: %zu bytes packed, %zu as a texture\n", pk_bytes(p), texture);
    assert_true(pk_bytes(p) * 5 < texture);
    pk_free(p);
    free(px);

    px = picture(KIND_NOISE, w, h, w * 4);
    p = pk_pack(px, w, h, w * 4);
    assert_true(pk_bytes(p) < texture + texture / 4);
    pk_free(p);
    free(px);
}

/* A picture packed in bands (as a figure is rasterised) is the picture
 * packed at once: the same pixels, the same bytes. */
static void bands_make_the_same_picture(void **state)
{
    (void)state;
    int w = 300, h = 500;
    uint32_t *px = picture(KIND_FIGURE, w, h, w * 4);
    pk_pic *whole = pk_pack(px, w, h, w * 4);
    pk_builder *b = pk_begin(w, h, false, 0);
    for (int y = 0; y < h; y += 64)
        assert_true(pk_add_rows(b, px + (size_t)y * (size_t)w, h - y < 64 ? h - y : 64, w * 4));
    pk_pic *banded = pk_end(b);
    assert_non_null(banded);
    assert_int_equal(pk_bytes(banded), pk_bytes(whole));
    uint32_t *out = malloc((size_t)w * (size_t)h * 4u);
    pk_unpack(banded, (pk_rect){0, 0, w, h}, out, w * 4, 0);
    assert_memory_equal(out, px, (size_t)w * (size_t)h * 4u);
    /* too few rows: no picture */
    b = pk_begin(w, h, false, 0);
    assert_true(pk_add_rows(b, px, h - 1, w * 4));
    assert_null(pk_end(b));
    /* too many: refused */
    b = pk_begin(w, 10, false, 0);
    assert_false(pk_add_rows(b, px, 11, w * 4));
    assert_null(pk_end(b));
    free(out);
    pk_free(banded);
    pk_free(whole);
    free(px);
}

/* This SDL's blitter blends as one of the two forms for the textures the
 * kiosk packs (SDL_ttf's ARGB lines, SDL_image's ABGR rasters) onto the
 * window's formats: else the kiosk quietly draws textures again, and its
 * memory grows back. Onto 16-bit pixels it is neither: found, not assumed. */
static void finds_how_sdl_blends(void **state)
{
    (void)state;
    static const Uint32 from[] = {SDL_PIXELFORMAT_ARGB8888, SDL_PIXELFORMAT_ABGR8888};
    static const Uint32 to[] = {SDL_PIXELFORMAT_RGB888, SDL_PIXELFORMAT_ARGB8888};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            int mix = blitmix_find(from[i], to[j]);
            printf("%s onto %s: %s\n", SDL_GetPixelFormatName(from[i]),
                   SDL_GetPixelFormatName(to[j]),
                   mix == PK_MIX_SHIFT ? "C form" : mix == PK_MIX_SPLIT ? "MMX form" : "neither");
            assert_true(mix == PK_MIX_SHIFT || mix == PK_MIX_SPLIT);
        }
    assert_int_equal(blitmix_find(SDL_PIXELFORMAT_ARGB8888, SDL_PIXELFORMAT_RGB565), -1);
    blitmix_cache c = {0};
    assert_int_equal(blitmix_get(&c, SDL_PIXELFORMAT_ABGR8888, SDL_PIXELFORMAT_RGB888),
                     blitmix_find(SDL_PIXELFORMAT_ABGR8888, SDL_PIXELFORMAT_RGB888));
    assert_int_equal(c.pair[0].from, SDL_PIXELFORMAT_ABGR8888);
}

static void refuses_what_is_no_picture(void **state)
{
    (void)state;
    uint32_t one = 0xFF123456u;
    assert_null(pk_pack(NULL, 1, 1, 4));
    assert_null(pk_pack(&one, 0, 1, 4));
    assert_null(pk_pack(&one, 1, -1, 4));
    assert_null(pk_pack(&one, 2, 1, 4)); /* a pitch shorter than a row */
    assert_null(pk_begin(0, 5, false, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gives_every_pixel_back),
        cmocka_unit_test(blends_as_sdl_does),
        cmocka_unit_test(draws_blended_inside_its_clip),
        cmocka_unit_test(keeps_far_less_than_a_texture),
        cmocka_unit_test(bands_make_the_same_picture),
        cmocka_unit_test(finds_how_sdl_blends),
        cmocka_unit_test(refuses_what_is_no_picture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
