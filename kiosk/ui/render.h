/* render.h — the render context: the logical frame and how to draw on it.
 *
 * An rctx owns what drawing needs and nothing of the kiosk's state: the
 * frame (an offscreen texture of the logical size, what the client sees
 * before rotation; replays and screenshots read it), the two fonts read
 * once into memory with one open font per pixel size, and a text cache
 * (a frame draws the same words again and again: where the frame is the
 * window's surface, each line kept packed, ui/packed.h, and drawn straight
 * into it; else as a texture). It draws calm colours,
 * rounded shapes and polygons through SDL_RenderGeometry, and text through
 * SDL_ttf.
 *
 * Text boxes wrap at spaces and shrink the font (down to 75 %) until the
 * text fits; text that still does not fit is drawn clipped and counted
 * (r_overflows), which is what the layout check looks at. With
 * r_set_measure_only every primitive returns without drawing, so the
 * layout check lays out and measures every screen without spending time
 * on pixels.
 *
 * Ownership: the caller owns the SDL renderer, which must outlive the
 * rctx; the rctx owns the frame, the fonts and the cache (rctx_destroy
 * wipes the cached text: it may hold a client's words). Nothing here knows
 * the flow, the screens or the app. */
#ifndef PM_UI_RENDER_H
#define PM_UI_RENDER_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "status.h"
#include "ui/packed.h"

/* The palette: calm, high contrast. Text on BG and on PRIMARY is >= 7:1;
 * everything that tells a control or a state apart (outlines, fills,
 * marks) is >= 3:1 against what surrounds it (WCAG 1.4.11), which the test
 * kit's contrast check measures on every golden picture. */
enum {
    COL_BG = 0xF5F3EE,
    COL_SURFACE = 0xFFFFFF,
    COL_INK = 0x1B2830,
    COL_MUTED = 0x44545F,
    COL_LINE = 0x66757F,     /* outlines: 4.3:1 on BG, 4.8:1 on SURFACE */
    COL_PRIMARY = 0x1D5C63,
    COL_PRIMARY_INK = 0xFFFFFF,
    COL_SELECTED = 0xD3E9E6,
    COL_MUTED_BTN = 0x66757F, /* a Next that is waiting: dashed outline, not a fill */
    COL_ROW = 0xEBE7DF,      /* alternate rows of a list */
    COL_SKIN = 0xE9E2D8,
    COL_SKIN_LINE = 0x6E6258,
    COL_MARK = 0xB2452A,     /* a marked area: 4.3:1 on SKIN */
    COL_MARK_LINE = 0x6B2812,
    COL_NOTICE = 0xFFF0CC,
    COL_NOTICE_INK = 0x4D3500,
    COL_NOTICE_LINE = 0x8A6A1C, /* a notice's edge: 4.2:1 on BG */
    COL_ZONE = 0xB2452A,
    COL_SPILL = 0xE3916E,    /* spill-over, also hatched: not told by colour alone */
    COL_DANGER = 0xA32A1F,   /* staff: urgent badge, delete (white text >= 7:1) */
    COL_CAUTION = 0xF2C14E,  /* staff: "check" badge (dark text, dark outline) */
    COL_CAUTION_LINE = 0x7A5A00,
};

/* Larger text: every font this much bigger (the client's toggle). */
#define LARGE_TEXT_SCALE 1.4

typedef enum { FONT_SMALL, FONT_BODY, FONT_BUTTON, FONT_TITLE, FONT_HUGE } font_role;
typedef enum { AL_LEFT, AL_CENTRE, AL_RIGHT } text_align;

typedef struct rctx rctx;

/* ---- life ----------------------------------------------------------------- */

/* Opens the fonts (DejaVuSans.ttf and DejaVuSans-Bold.ttf) from font_dir
 * (NULL: Debian's fonts-dejavu-core folder). A font that cannot be opened
 * is not an error here: r_font_problem says which, and its text draws
 * nothing. NULL only when out of memory. */
rctx *rctx_create(SDL_Renderer *ren, const char *font_dir);
void rctx_destroy(rctx *rc);

/* Fonts for the first frame. While shared (on), every size is measured and
 * drawn with the file's first font set to it, and no font is opened per
 * size: opening one costs FreeType's auto-hinter and HarfBuzz their
 * analysis of the face (~1.6 M instructions each; welcome opened eight),
 * for which a waiting room's first screen need not wait. The pixels are
 * the same (a resized font measures and draws exactly as one opened at
 * that size). Switching sizes empties the shared font's glyph cache, so
 * after the first frame each size gets its own font again, opened when
 * first used; r_warm_fonts opens those the shared fonts served meanwhile
 * (call it while waiting for the first touch) and ends the sharing. */
void r_share_fonts(rctx *rc, bool on);
void r_warm_fonts(rctx *rc);

/* "" when both fonts opened; otherwise a sentence for the log naming the
 * file and what to install ("font /x/DejaVuSans.ttf cannot be opened
 * (...); install fonts-dejavu-core (scripts/setup-deps)"). */
const char *r_font_problem(const rctx *rc);
bool r_has_font(const rctx *rc, bool bold);
const char *r_font_dir(const rctx *rc);

/* Makes the frame lw x lh: drawn straight into the window's surface when
 * one_to_one (the frame is shown unturned and unscaled) and the renderer
 * is the software one (r_in_window), else a new texture (r_frame). The
 * text cache is emptied when the size changes. Returns whether the frame
 * was made again (the caller draws it all); r_has_frame is then false
 * when no texture could be made (nothing draws: say so in the log). */
bool r_set_size(rctx *rc, int lw, int lh, bool one_to_one);
int r_w(const rctx *rc);
int r_h(const rctx *rc);
SDL_Renderer *r_sdl(const rctx *rc);
/* The frame's texture; NULL when it is drawn in the window (or missing). */
SDL_Texture *r_frame(const rctx *rc);
/* Is the frame the window's own surface? Its pixels are lost when the
 * window's size changes (draw it all again), and shown by presenting. */
bool r_in_window(const rctx *rc);
bool r_has_frame(const rctx *rc);
/* The frame's pixel format (pictures of parts of it are made in it). */
Uint32 r_format(const rctx *rc);

/* Draws into the frame from here (false when there is none) ... */
bool r_begin(rctx *rc);
/* ... until here (the window again). */
void r_end(rctx *rc);
/* Are pictures drawn packed (ui/packed.h) straight into the frame? When
 * the frame is the window's surface, its pixels laid out as packed
 * pictures draw, and this SDL's blitter blends as they can. */
bool r_packs(rctx *rc);
/* ... and now: r_packs, no texture is the target, not only measuring. */
bool r_packed_now(rctx *rc);
/* Draws p, standing for a texture of format as (SDL_ttf's ARGB8888,
 * SDL_image's ABGR8888: the blitter may blend them differently), with its
 * top-left at (x, y), only inside within and the current clip: the pixels
 * the texture's copy gives. false (nothing drawn) when !r_packed_now: draw
 * a texture instead. */
bool r_draw_packed(rctx *rc, const pk_pic *p, Uint32 as, int x, int y, SDL_Rect within);
/* Copies the frame's pixels in from (frame pixels, inside it) to the
 * whole of the current render target, a texture from.w x from.h in the
 * frame's format: "what is under" a picture made of part of the frame. */
void r_copy_frame(rctx *rc, SDL_Rect from);

/* The current frame's pixels (ARGB8888), or NULL; the caller frees it
 * with SDL_FreeSurface (the test kit's contrast check reads them). */
SDL_Surface *r_snapshot(rctx *rc);
/* The current frame as a PNG file. false with SDL's error in *why. */
bool r_save_png(rctx *rc, const char *path, char *why, size_t why_size);

/* Empties the text cache and the measured widths, wiping the text they
 * held. */
void r_cache_clear(rctx *rc);
/* True when a text in the cache contains s (tests: nothing of a client
 * may be left for the next). */
bool r_cache_holds(const rctx *rc, const char *s);

/* ---- shapes ---------------------------------------------------------------- */

/* The size unit: 1 for a 480 to 640 px short side, short/640 above,
 * short/480 below (at least 0.8). */
double r_unit(const rctx *rc);
int px(const rctx *rc, double units);  /* units * r_unit, rounded */
int font_px(const rctx *rc, font_role role);
/* Every font times scale (1, or LARGE_TEXT_SCALE); the text cache empties
 * when it changes. */
void r_set_text_scale(rctx *rc, double scale);
double r_text_scale(const rctx *rc);

void r_set(rctx *rc, unsigned rgb, Uint8 alpha);
void r_clear(rctx *rc, unsigned rgb);
void r_rect(rctx *rc, SDL_Rect r, unsigned rgb);
/* A filled rectangle blended at alpha (a dimmed background). */
void r_veil(rctx *rc, SDL_Rect r, unsigned rgb, Uint8 alpha);
/* r_veil(r) under an opaque card drawn next with r_round(card, radius):
 * the same pixels once the card is drawn, without blending the pixels it
 * covers (the software renderer blends ~25 instructions a pixel: a
 * whole-screen veil at 1280x800 is ~25 M). */
void r_veil_around(rctx *rc, SDL_Rect r, SDL_Rect card, int radius, unsigned rgb, Uint8 alpha);
/* The colour r_veil(rgb, alpha) leaves on a plain colour under it, by the
 * software renderer's own blend arithmetic: a veil over a flat background
 * is then one r_rect (a fill: well under an instruction a pixel), the same
 * pixels. */
unsigned r_veiled(unsigned under, unsigned rgb, Uint8 alpha);
void r_round(rctx *rc, SDL_Rect r, int radius, unsigned rgb);
/* An outline of thickness t, drawn as two rounded rects. */
void r_round_frame(rctx *rc, SDL_Rect r, int radius, int t, unsigned rgb, unsigned inside);
void r_circle(rctx *rc, float cx, float cy, float rad, unsigned rgb, Uint8 alpha);
void r_line(rctx *rc, float x0, float y0, float x1, float y1, float w, unsigned rgb, Uint8 alpha);
/* The closed outline through pts: r_line's quad for every edge, in one
 * renderer call (a chart draws thousands). */
void r_outline(rctx *rc, const SDL_FPoint *pts, int n, float w, unsigned rgb, Uint8 alpha);
/* The rectangles r_outline fills for the same outline, traced within area
 * (what r_draw_area says while it draws) but not drawn: *out points at
 * them, valid until the next drawing call. Returns how many. Kept and
 * filled later with r_fill_rects under the same clip, the same pixels. */
int r_outline_rects(rctx *rc, const SDL_FPoint *pts, int n, float w, SDL_Rect area,
                    const SDL_Rect **out);
/* Fills rects (one renderer call), blended at alpha. */
void r_fill_rects(rctx *rc, const SDL_Rect *rects, int n, unsigned rgb, Uint8 alpha);
/* Where drawing lands now: the target's viewport within the clip. */
SDL_Rect r_draw_area(const rctx *rc);
/* A filled simple polygon in screen coordinates. Circles, lines and
 * polygons are filled as rows of pixels (ui/spans.h), the pixels the
 * renderer's own triangles give, at a fraction of their cost. */
void r_polygon(rctx *rc, const SDL_FPoint *pts, int n, unsigned rgb, Uint8 alpha);
/* A tick mark inside r. */
void r_tick(rctx *rc, SDL_Rect r, unsigned rgb);
/* Limits drawing to r (NULL: the whole frame). */
void r_clip(rctx *rc, const SDL_Rect *r);

/* ---- text ------------------------------------------------------------------ */

int t_width(rctx *rc, const char *s, int size, bool bold);
int t_height(rctx *rc, int size, bool bold);
/* One line at x, y (top-left), no wrapping; returns its width. */
int t_line(rctx *rc, int x, int y, const char *s, int size, bool bold, unsigned rgb);
/* Wrapped text in r. Returns the height used. */
int t_box(rctx *rc, SDL_Rect r, const char *s, font_role role, bool bold, unsigned rgb,
          text_align align, bool vcentre);
/* Like t_box at an explicit starting size (for several paragraphs sharing
 * one shrink factor). Returns the height it needs; draws only when draw. */
int t_box_px(rctx *rc, SDL_Rect r, const char *s, int size, bool bold, unsigned rgb,
             text_align align, bool vcentre, bool draw, bool *fits);
/* The height t_box needs for s at width w with room to grow: the natural
 * size, or smaller when a word is wider than w (what t_box then draws). */
int t_box_height(rctx *rc, int w, const char *s, font_role role, bool bold);
/* Paragraphs sharing one font size, shrunk together until all fit r.
 * heads[i] true draws paragraph i bold (a heading). Returns height used. */
int text_paras(rctx *rc, SDL_Rect r, const char *const *texts, const bool *heads, int n,
               font_role role);
/* A calm notice panel (light amber) with text; returns its height. */
int notice_draw(rctx *rc, SDL_Rect r, const char *text);
/* A dialog's card, centred: w_pct x h_pct of the frame, at most max_w x
 * max_h layout units. */
SDL_Rect dialog_card(const rctx *rc, int w_pct, int h_pct, int max_w, int max_h);

/* "{1}" and "{2}" in tmpl replaced by numbers (strings come from content, so
 * they are never used as printf formats). */
void tfmt(char *out, size_t size, const char *tmpl, long one, long two);
/* "{1}" replaced by a string. */
void tfmt_s(char *out, size_t size, const char *tmpl, const char *one);
void tfmt_s2(char *out, size_t size, const char *tmpl, const char *one, const char *two);

/* ---- measuring and the layout check ---------------------------------------- */

void r_set_measure_only(rctx *rc, bool on);
bool r_measure_only(const rctx *rc);

/* Where the frame being drawn is, for a message: "the details screen (step
 * 2, part 1)". Called only when something does not fit. */
typedef void (*r_where_fn)(void *ctx, char *out, size_t size);

/* What the text on the frame is, for naming a string that does not fit by
 * its language file and key: the content (NULL: program text), the
 * language, and the place. The app sets it before each frame. */
void r_set_source(rctx *rc, const pm_content *c, int lang, r_where_fn where, void *where_ctx);

/* report: describe each text that does not fit (else only count it); to
 * msgs when not NULL (once per string, the sizes added), else to stderr. */
void r_set_report(rctx *rc, bool report, pm_msgs *msgs);
bool r_reports(const rctx *rc);
pm_msgs *r_report_msgs(const rctx *rc);

/* Text that does not fit its box: counted and, when reporting, described
 * for a translator (what: "does not fit its 300x40 box"). */
void r_overflow(rctx *rc, const char *text, const char *what);
/* Something that is no text does not fit (choices that need more room):
 * counted, and a "layout:" line on stderr when reporting. */
void r_overflow_other(rctx *rc, const char *what);
int r_overflows(const rctx *rc);
int r_overflows_described(const rctx *rc);

#endif
