/* render.h — drawing primitives for the logical frame: calm colours, rounded
 * shapes and polygons through SDL_RenderGeometry, and text through SDL_ttf
 * with a texture cache (a frame redraws the same words again and again).
 *
 * Text boxes wrap at spaces and shrink the font (down to 75 %) until the
 * text fits; text that still does not fit is drawn clipped and counted in
 * app.overflows, which is what the layout check looks at. With
 * app.measure_only every primitive returns without drawing, so the layout
 * check lays out and measures every screen without spending time on pixels. */
#ifndef PM_UI_RENDER_H
#define PM_UI_RENDER_H

#include "ui/app.h"

/* The palette: calm, high contrast (text on BG and on PRIMARY is >= 7:1). */
enum {
    COL_BG = 0xF5F3EE,
    COL_SURFACE = 0xFFFFFF,
    COL_INK = 0x1B2830,
    COL_MUTED = 0x44545F,
    COL_LINE = 0x8C9BA5,
    COL_PRIMARY = 0x1D5C63,
    COL_PRIMARY_INK = 0xFFFFFF,
    COL_SELECTED = 0xD3E9E6,
    COL_MUTED_BTN = 0x9AA8B0,
    COL_SKIN = 0xE9E2D8,
    COL_SKIN_LINE = 0x6E6258,
    COL_MARK = 0xD0643F,
    COL_MARK_LINE = 0x8A3A1E,
    COL_NOTICE = 0xFFF0CC,
    COL_NOTICE_INK = 0x4D3500,
    COL_ZONE = 0xD0643F,
    COL_SPILL = 0xF1B79E,
    COL_DANGER = 0xA32A1F,   /* staff: urgent badge, delete (white text >= 7:1) */
    COL_CAUTION = 0xF2C14E,  /* staff: "check" badge (dark text) */
};

typedef enum { FONT_SMALL, FONT_BODY, FONT_BUTTON, FONT_TITLE, FONT_HUGE } font_role;
typedef enum { AL_LEFT, AL_CENTRE, AL_RIGHT } text_align;

int px(const app *a, double units);            /* units * a->u, rounded */
int font_px(const app *a, font_role role);

void r_set(app *a, unsigned rgb, Uint8 alpha);
void r_clear(app *a, unsigned rgb);
void r_rect(app *a, SDL_Rect r, unsigned rgb);
void r_round(app *a, SDL_Rect r, int radius, unsigned rgb);
/* An outline of thickness t, drawn as two rounded rects. */
void r_round_frame(app *a, SDL_Rect r, int radius, int t, unsigned rgb, unsigned inside);
void r_circle(app *a, float cx, float cy, float rad, unsigned rgb, Uint8 alpha);
void r_line(app *a, float x0, float y0, float x1, float y1, float w, unsigned rgb, Uint8 alpha);
/* A filled simple polygon in screen coordinates (ear-clipped). */
void r_polygon(app *a, const SDL_FPoint *pts, int n, unsigned rgb, Uint8 alpha);
/* A tick mark inside r. */
void r_tick(app *a, SDL_Rect r, unsigned rgb);

/* Text. */
int t_width(app *a, const char *s, int size, bool bold);
int t_height(app *a, int size, bool bold);
/* One line at x, y (top-left), no wrapping; returns its width. */
int t_line(app *a, int x, int y, const char *s, int size, bool bold, unsigned rgb);
/* Wrapped text in r. Returns the height used. */
int t_box(app *a, SDL_Rect r, const char *s, font_role role, bool bold, unsigned rgb,
          text_align align, bool vcentre);
/* Like t_box at an explicit starting size (for several paragraphs sharing
 * one shrink factor). Returns the height it needs; draws only when draw. */
int t_box_px(app *a, SDL_Rect r, const char *s, int size, bool bold, unsigned rgb,
             text_align align, bool vcentre, bool draw, bool *fits);

void text_cache_clear(app *a);

/* Text that does not fit its box: counted in a->overflows and, for the
 * layout check (a->report_overflow), described once for a translator: the
 * language file and key of the string (when the text is one string, or a
 * template filled in), the text, what is wrong (what: "does not fit its
 * 300x40 box"), the screen and step, and the size. The description goes to
 * a->overflow_msgs when set, else to stderr. */
void ui_overflow(app *a, const char *text, const char *what);

#endif
