/* packed.h — a picture kept as runs: each row's transparent stretches
 * skipped, its flat stretches one colour and a length, and only the rest
 * (edges, antialiasing, lines) pixel by pixel.
 *
 * Why: a texture keeps 4 bytes for every pixel of a picture. At 1280x800
 * the kiosk's text lines, the chart's figures and the pattern pictures
 * were 15 of its 25 MB at the busiest moment of a walk-through, and most
 * of their pixels are nothing (between the letters, around a figure) or
 * one flat colour (a figure's skin, a panel's white). Packed, a line of
 * text keeps one byte for each pixel its letters touch and nothing for the
 * rest (all its pixels are one colour at different strengths), a figure
 * a few bytes a row for its fills.
 *
 * Drawing: straight into 32-bit pixels laid out as SDL's ARGB8888 or
 * RGB888 (the software renderer's window surface), with the arithmetic of
 * SDL2's software blitter for a picture with alpha, which has two forms
 * (pk_mix; the caller finds which its SDL uses by a test blit), so the
 * pixels are those of the same picture as a texture, copied by the
 * software renderer. A picture is made once and then only read: several
 * threads may draw it at once.
 *
 * Platform-free C: no SDL, no state. Ownership: pk_pack returns a picture
 * the caller frees with pk_free. */
#ifndef PM_UI_PACKED_H
#define PM_UI_PACKED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pk_pic pk_pic;

typedef struct {
    int x, y, w, h;
} pk_rect;

/* Packs w x h pixels in ARGB8888 (alpha not premultiplied, as SDL_ttf and
 * SDL_image make them), pitch bytes from one row to the next. NULL when
 * out of memory or w, h are not positive. */
pk_pic *pk_pack(const uint32_t *px, int w, int h, int pitch);
/* Frees p (NULL: nothing), its bytes wiped first: a line of text may be a
 * client's words. */
void pk_free(pk_pic *p);

/* A picture packed a few rows at a time (a raster made in bands, so that
 * the whole of it is never in memory at once): pk_begin for w x h pixels
 * (mono: every pixel is of colour rgb at some alpha, as pk_pack finds a
 * line of text; else false), pk_add_rows for each band, top to bottom
 * (false when out of memory, or when mono and a pixel is of another
 * colour), pk_end for the picture (NULL unless all h rows were added; the
 * builder is freed either way). */
typedef struct pk_builder pk_builder;
pk_builder *pk_begin(int w, int h, bool mono, uint32_t rgb);
bool pk_add_rows(pk_builder *b, const uint32_t *px, int n, int pitch);
pk_pic *pk_end(pk_builder *b);

int pk_w(const pk_pic *p);
int pk_h(const pk_pic *p);
/* The memory the picture holds, in bytes (what a cache counts). */
size_t pk_bytes(const pk_pic *p);

/* How a pixel with alpha a (not 0 or 255, which are left and copied) is
 * blended, as SDL2's blitter does it: PK_MIX_SHIFT, its C form (the Pi's
 * ARM), each channel d + (s - d) * a >> 8; PK_MIX_SPLIT, its MMX form
 * (x86), s * a >> 8 plus d * (255 - a) >> 8. */
typedef enum { PK_MIX_SHIFT, PK_MIX_SPLIT } pk_mix;

/* One pixel px (ARGB8888) blended onto under as pk_draw blends it. */
uint32_t pk_blend(uint32_t under, uint32_t px, pk_mix mix);

/* Draws p with its top-left pixel at (x, y) of dst (32-bit pixels, pitch
 * bytes a row), only inside clip (dst coordinates; the caller keeps clip
 * inside dst). */
void pk_draw(const pk_pic *p, uint32_t *dst, int pitch, int x, int y, pk_rect clip, pk_mix mix);

/* The picture's pixels again: those of part (picture coordinates, inside
 * it) into out (part.w x part.h, pitch bytes a row), for a texture where
 * it cannot be drawn straight (a GPU's renderer, a picture scaled). how:
 * 0, or PK_UNPACK_ABGR (red and blue swapped: ABGR8888, SDL_image's
 * order) and PK_UNPACK_ONTO_ZERO (out is zeroed already: transparent
 * black is not written again). */
enum { PK_UNPACK_ABGR = 1, PK_UNPACK_ONTO_ZERO = 2 };
void pk_unpack(const pk_pic *p, pk_rect part, uint32_t *out, int pitch, unsigned how);

#endif
