/* packed.c — pictures kept as runs (see packed.h).
 *
 * The layout: for each row, a list of operations, each a 16-bit word, the
 * kind in its top two bits and a count of pixels (1..16383) in the rest:
 *   SKIP  n pixels of the picture's "nothing" (transparent) left as they are;
 *   FILL  n opaque pixels of one colour (its 4 bytes follow, unless the
 *         picture is of one colour);
 *   LIT   n pixels one by one (4 bytes each follow, or, in a picture of one
 *         colour, 1 byte each: its alpha).
 * A row's transparent end is not written. Offsets of each row's first word
 * let a clipped draw start at its first visible row. "One colour": every
 * pixel, transparent or not, has the same red, green and blue (a line of
 * text from SDL_ttf); "nothing" is then that colour at alpha 0, else
 * 0x00000000 (a transparent pixel of any other colour, as nanosvg leaves
 * around a figure's edge for filtering, is a LIT pixel, so that pk_unpack
 * gives every pixel back exactly). */
#include "packed.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { OP_SKIP = 0, OP_FILL = 1, OP_LIT = 2 };
enum { MAX_RUN = 0x3FFF, MIN_FILL = 3 };

struct pk_pic {
    int w, h;
    bool mono;        /* one colour: rgb, literals are alphas */
    uint32_t rgb;
    size_t len;       /* bytes of data */
    uint32_t *row;    /* h + 1 offsets into data */
    uint8_t *data;
};

typedef struct {
    uint8_t *b;
    size_t n, cap;
    bool failed;
} buf;

/* Room for n more bytes (false, and the buffer marked failed, when out of
 * memory). A row reserves its worst case once, then writes unchecked. */
static bool reserve(buf *o, size_t n)
{
    if (o->failed)
        return false;
    if (o->n + n <= o->cap)
        return true;
    size_t cap = o->cap ? o->cap * 2 : 4096;
    while (cap < o->n + n)
        cap *= 2;
    uint8_t *b = realloc(o->b, cap);
    if (!b) {
        o->failed = true;
        return false;
    }
    o->b = b;
    o->cap = cap;
    return true;
}

static inline void put(buf *o, const void *p, size_t n)
{
    memcpy(o->b + o->n, p, n);
    o->n += n;
}

static inline void put_op(buf *o, int kind, int n)
{
    uint16_t w = (uint16_t)((unsigned)kind << 14 | (unsigned)n);
    put(o, &w, sizeof w);
}

static const uint32_t *row_of(const uint32_t *px, int pitch, int y)
{
    return (const uint32_t *)(const void *)((const uint8_t *)px + (size_t)y * (size_t)pitch);
}

/* How many pixels from i on equal r[i] (at most MAX_RUN). */
static inline int run_at(const uint32_t *r, int i, int w)
{
    int n = 1;
    while (i + n < w && n < MAX_RUN && r[i + n] == r[i])
        n++;
    return n;
}

/* Does a flat run worth a FILL start at j (an opaque pixel, the same for
 * at least MIN_FILL pixels)? */
static inline bool fill_at(const uint32_t *r, int j, int w)
{
    return r[j] >> 24 == 0xFF && j + MIN_FILL <= w && r[j + 1] == r[j] && r[j + 2] == r[j];
}

/* Packs row r. In a picture of one colour (mono), false as soon as a pixel
 * is of another colour (the caller packs it otherwise); else true. */
static bool pack_row(buf *o, const uint32_t *r, int w, bool mono, uint32_t nothing)
{
    /* the worst case: a word and 4 bytes a pixel, a word for every pixel */
    if (!reserve(o, (size_t)w * 6u + 8u))
        return true; /* out of memory: o->failed says so */
    const uint32_t rgb = nothing & 0xFFFFFFu;
    int i = 0;
    while (i < w) {
        if (r[i] == nothing) {
            int n = run_at(r, i, w);
            if (i + n == w)
                return true; /* the row's transparent end */
            put_op(o, OP_SKIP, n);
            i += n;
        } else if (fill_at(r, i, w)) {
            if (mono && (r[i] & 0xFFFFFFu) != rgb)
                return false;
            int n = run_at(r, i, w);
            put_op(o, OP_FILL, n);
            if (!mono)
                put(o, &r[i], 4);
            i += n;
        } else {
            /* literals up to the next stretch of nothing or flat run */
            int j = i + 1;
            while (j < w && j - i < MAX_RUN && r[j] != nothing && !fill_at(r, j, w))
                j++;
            put_op(o, OP_LIT, j - i);
            if (mono) {
                for (int k = i; k < j; k++) {
                    if ((r[k] & 0xFFFFFFu) != rgb)
                        return false;
                    o->b[o->n++] = (uint8_t)(r[k] >> 24);
                }
            } else {
                put(o, &r[i], (size_t)(j - i) * 4u);
            }
            i = j;
        }
    }
    return true;
}

struct pk_builder {
    int w, h, done;
    bool mono;
    uint32_t rgb;
    uint32_t *rows;   /* h + 1 offsets */
    buf o;
};

pk_builder *pk_begin(int w, int h, bool mono, uint32_t rgb)
{
    if (w <= 0 || h <= 0)
        return NULL;
    pk_builder *b = calloc(1, sizeof *b);
    if (b)
        b->rows = malloc(((size_t)h + 1) * sizeof *b->rows);
    if (!b || !b->rows) {
        free(b);
        return NULL;
    }
    b->w = w;
    b->h = h;
    b->mono = mono;
    b->rgb = mono ? rgb & 0xFFFFFFu : 0;
    return b;
}

bool pk_add_rows(pk_builder *b, const uint32_t *px, int n, int pitch)
{
    if (!b || !px || n <= 0 || b->done + n > b->h || pitch < b->w * 4)
        return false;
    uint32_t nothing = b->mono ? b->rgb : 0;
    for (int y = 0; y < n && !b->o.failed; y++) {
        b->rows[b->done++] = (uint32_t)b->o.n;
        if (!pack_row(&b->o, row_of(px, pitch, y), b->w, b->mono, nothing))
            b->o.failed = true; /* not of one colour after all */
    }
    return !b->o.failed;
}

pk_pic *pk_end(pk_builder *b)
{
    if (!b)
        return NULL;
    pk_pic *p = NULL;
    if (b->done == b->h && !b->o.failed) {
        b->rows[b->h] = (uint32_t)b->o.n;
        size_t rows_len = ((size_t)b->h + 1) * sizeof *b->rows;
        p = malloc(sizeof *p + rows_len + b->o.n);
        if (p) {
            *p = (pk_pic){b->w, b->h, b->mono, b->rgb, b->o.n, (uint32_t *)(void *)(p + 1), NULL};
            memcpy(p->row, b->rows, rows_len);
            p->data = (uint8_t *)p->row + rows_len;
            if (b->o.n)
                memcpy(p->data, b->o.b, b->o.n);
        }
    }
    free(b->rows);
    free(b->o.b);
    free(b);
    return p;
}

pk_pic *pk_pack(const uint32_t *px, int w, int h, int pitch)
{
    if (!px || w <= 0 || h <= 0 || pitch < w * 4)
        return NULL;
    /* as one colour (a line of text) until a pixel says otherwise */
    pk_builder *b = pk_begin(w, h, true, px[0]);
    if (pk_add_rows(b, px, h, pitch))
        return pk_end(b);
    pk_end(b);
    b = pk_begin(w, h, false, 0);
    pk_add_rows(b, px, h, pitch);
    return pk_end(b);
}

void pk_free(pk_pic *p)
{
    if (!p)
        return;
    /* a line of a client's words is theirs: nothing of it left in freed memory */
    explicit_bzero(p, pk_bytes(p));
    free(p);
}
int pk_w(const pk_pic *p) { return p->w; }
int pk_h(const pk_pic *p) { return p->h; }
size_t pk_bytes(const pk_pic *p) { return sizeof *p + ((size_t)p->h + 1) * 4 + p->len; }

/* SDL2's blends of a pixel with alpha onto another (SDL_blit_A.c), opaque
 * copied and transparent left as they are by both. PK_MIX_SHIFT, its C
 * form (BlitRGBtoRGBPixelAlpha, as on the Pi's ARM): two channels at once,
 * each d + (s - d) * a >> 8; the alpha a + da * (255 - a) >> 8. */
static inline uint32_t mix_shift(uint32_t d, uint32_t s, uint32_t a)
{
    uint32_t s1 = s & 0xFF00FFu, d1 = d & 0xFF00FFu;
    d1 = (d1 + ((s1 - d1) * a >> 8)) & 0xFF00FFu;
    uint32_t s2 = s & 0xFF00u, d2 = d & 0xFF00u;
    d2 = (d2 + ((s2 - d2) * a >> 8)) & 0xFF00u;
    uint32_t da = a + ((d >> 24) * (a ^ 0xFFu) >> 8);
    return d1 | d2 | da << 24;
}

/* PK_MIX_SPLIT, its MMX form (x86): each channel s * a >> 8 plus
 * d * (255 - a) >> 8 (red and blue at once: their products do not reach
 * each other, and no sum passes 255); the alpha 255 * a >> 8 plus
 * da * (255 - a) >> 8. */
static inline uint32_t mix_split(uint32_t d, uint32_t s, uint32_t a)
{
    uint32_t b = 255u - a;
    uint32_t rb = ((s & 0xFF00FFu) * a >> 8 & 0xFF00FFu) + ((d & 0xFF00FFu) * b >> 8 & 0xFF00FFu);
    uint32_t g = ((s & 0xFF00u) * a >> 8 & 0xFF00u) + ((d & 0xFF00u) * b >> 8 & 0xFF00u);
    uint32_t da = (255u * a >> 8) + ((d >> 24) * b >> 8);
    return rb | g | (da > 255u ? 255u : da) << 24;
}

static inline uint32_t blend(uint32_t d, uint32_t s, pk_mix mix)
{
    uint32_t a = s >> 24;
    if (a == 0xFF)
        return s;
    if (a == 0)
        return d;
    return mix == PK_MIX_SPLIT ? mix_split(d, s, a) : mix_shift(d, s, a);
}

uint32_t pk_blend(uint32_t under, uint32_t px, pk_mix mix) { return blend(under, px, mix); }

static inline uint32_t in_order(uint32_t v, bool abgr)
{
    return abgr ? (v & 0xFF00FF00u) | (v >> 16 & 0xFFu) | (v & 0xFFu) << 16 : v;
}

/* What a row walk does with each pixel: blends it (pk_draw, either form)
 * or sets it (pk_unpack, as it is or in ABGR order). */
typedef enum { WALK_SHIFT, WALK_SPLIT, WALK_SET, WALK_SET_ABGR } walk_mode;

static inline uint32_t walk_pixel(uint32_t under, uint32_t v, walk_mode m)
{
    switch (m) {
    case WALK_SHIFT:
        return blend(under, v, PK_MIX_SHIFT);
    case WALK_SPLIT:
        return blend(under, v, PK_MIX_SPLIT);
    case WALK_SET:
        return v;
    default:
        return in_order(v, true);
    }
}

/* Row y of p, pixels [x0, x1) of it, onto out (out[0] is pixel x0); the
 * pixels nothing covers are left. Inlined into one function per mode
 * (walk_row_*): the choice is made once a row, not once a pixel. */
static inline __attribute__((always_inline)) void walk_row(const pk_pic *p, int y, int x0, int x1,
                                                           uint32_t *out, walk_mode m)
{
    const uint8_t *q = p->data + p->row[y], *end = p->data + p->row[y + 1];
    int col = 0;
    while (q < end && col < x1) {
        uint16_t op;
        memcpy(&op, q, 2);
        q += 2;
        int kind = op >> 14, n = op & MAX_RUN;
        int a = col > x0 ? col : x0, b = col + n < x1 ? col + n : x1;
        if (kind == OP_FILL) {
            uint32_t c = 0xFF000000u | p->rgb;
            if (!p->mono) {
                memcpy(&c, q, 4);
                q += 4;
            }
            c = in_order(c, m == WALK_SET_ABGR); /* opaque: set in every mode */
            for (int k = a; k < b; k++)
                out[k - x0] = c;
        } else if (kind == OP_LIT && p->mono) {
            for (int k = a; k < b; k++)
                out[k - x0] = walk_pixel(out[k - x0], (uint32_t)q[k - col] << 24 | p->rgb, m);
            q += n;
        } else if (kind == OP_LIT) {
            for (int k = a; k < b; k++) {
                uint32_t v;
                memcpy(&v, q + (size_t)(k - col) * 4, 4);
                out[k - x0] = walk_pixel(out[k - x0], v, m);
            }
            q += (size_t)n * 4;
        }
        col += n;
    }
}

static void walk_row_shift(const pk_pic *p, int y, int x0, int x1, uint32_t *out)
{
    walk_row(p, y, x0, x1, out, WALK_SHIFT);
}

static void walk_row_split(const pk_pic *p, int y, int x0, int x1, uint32_t *out)
{
    walk_row(p, y, x0, x1, out, WALK_SPLIT);
}

static void walk_row_set(const pk_pic *p, int y, int x0, int x1, uint32_t *out, bool abgr)
{
    if (abgr)
        walk_row(p, y, x0, x1, out, WALK_SET_ABGR);
    else
        walk_row(p, y, x0, x1, out, WALK_SET);
}

void pk_draw(const pk_pic *p, uint32_t *dst, int pitch, int x, int y, pk_rect clip, pk_mix mix)
{
    int x0 = clip.x > x ? clip.x : x, x1 = clip.x + clip.w < x + p->w ? clip.x + clip.w : x + p->w;
    int y0 = clip.y > y ? clip.y : y, y1 = clip.y + clip.h < y + p->h ? clip.y + clip.h : y + p->h;
    for (int dy = y0; dy < y1; dy++) {
        uint32_t *out = (uint32_t *)(void *)((uint8_t *)dst + (size_t)dy * (size_t)pitch);
        if (mix == PK_MIX_SPLIT)
            walk_row_split(p, dy - y, x0 - x, x1 - x, out + x0);
        else
            walk_row_shift(p, dy - y, x0 - x, x1 - x, out + x0);
    }
}

/* Row y of p, pixels [x0, x1) of it, set (not blended) into out: first
 * the picture's nothing, then what the row holds. */
static void unpack_row(const pk_pic *p, int y, int x0, int x1, uint32_t *out, unsigned how)
{
    bool abgr = how & PK_UNPACK_ABGR;
    uint32_t nothing = in_order(p->mono ? p->rgb : 0, abgr);
    if (nothing || !(how & PK_UNPACK_ONTO_ZERO))
        for (int k = x0; k < x1; k++)
            out[k - x0] = nothing;
    walk_row_set(p, y, x0, x1, out, abgr);
}

void pk_unpack(const pk_pic *p, pk_rect part, uint32_t *out, int pitch, unsigned how)
{
    int x0 = part.x < 0 ? 0 : part.x, y0 = part.y < 0 ? 0 : part.y;
    int x1 = part.x + part.w > p->w ? p->w : part.x + part.w;
    int y1 = part.y + part.h > p->h ? p->h : part.y + part.h;
    for (int y = y0; y < y1 && x0 < x1; y++)
        unpack_row(p, y, x0, x1,
                   (uint32_t *)(void *)((uint8_t *)out + (size_t)(y - part.y) * (size_t)pitch) +
                       (x0 - part.x),
                   how);
}
