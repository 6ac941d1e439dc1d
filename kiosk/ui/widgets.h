/* widgets.h — the few widgets a client touches: buttons, choices, keys,
 * the 0-10 scale, and the frame every screen shares (progress bar on top,
 * Back and Next at the bottom, the hint when Next is not possible yet).
 *
 * Screens add widgets in layout(); the app draws them after the screen's own
 * drawing and hit-tests them (last added wins, so overlays sit on top). */
#ifndef PM_UI_WIDGETS_H
#define PM_UI_WIDGETS_H

#include "ui/app.h"
#include "ui/render.h"

void w_clear(app *a);
/* Adds a widget; returns it (never NULL: a full list reuses the last slot
 * and logs, which only a programming error can cause). */
widget *w_add(app *a, const char *id, SDL_Rect r, widget_style style, const char *label);
widget *w_flow(app *a, const char *id, SDL_Rect r, widget_style style, const char *label,
               flow_event_type type, int arg);
/* A staff-mode button: sends ev with arg to the desk. */
widget *w_desk(app *a, const char *id, SDL_Rect r, widget_style style, const char *label,
               desk_event ev, int arg);
void w_draw_all(app *a);
void w_draw(app *a, const widget *w);
/* The topmost widget containing (x, y), or -1. */
int w_hit(const app *a, int x, int y);

/* Standard frame. Adds Back (unless first) and Next (label key) and returns
 * the body area between them. next_key NULL: no Next button. */
typedef struct {
    const char *title;       /* text already translated, may be NULL */
    const char *next_key;    /* "ui.next" etc., or NULL */
    bool back;
    bool tall_title;         /* two lines: long titles (a region's name) */
} frame_spec;
SDL_Rect frame_layout(app *a, const frame_spec *f);
void frame_draw(app *a, const frame_spec *f);
/* The body area frame_layout would give, without adding anything. */
SDL_Rect frame_body(const app *a, int title); /* 0 none, 1 one line, 2 two */

/* Lays out choice chips that wrap across rows in r; returns the height used.
 * Widgets are added only when add is true (measure first, then add). */
typedef struct {
    const char *id;
    const char *label;
    flow_event_type type;
    int arg;
    bool selected;
} chip;
int chips_layout(app *a, SDL_Rect r, const chip *c, int n, int h, bool add);

#endif

/* Paragraphs sharing one font size, shrunk together until all fit r.
 * heads[i] true draws paragraph i bold (a heading). Returns height used. */
int text_paras(app *a, SDL_Rect r, const char *const *texts, const bool *heads, int n,
               font_role role);

/* "{1}" and "{2}" in tmpl replaced by numbers (strings come from content, so
 * they are never used as printf formats). */
void tfmt(char *out, size_t size, const char *tmpl, long one, long two);
/* "{1}" replaced by a string. */
void tfmt_s(char *out, size_t size, const char *tmpl, const char *one);
void tfmt_s2(char *out, size_t size, const char *tmpl, const char *one, const char *two);

/* A dialog's card, centred: w_pct x h_pct of the screen, at most max_w x
 * max_h layout units. */
SDL_Rect dialog_card(const app *a, int w_pct, int h_pct, int max_w, int max_h);

/* A calm notice panel (light amber) with text; returns its height. */
int notice_draw(app *a, SDL_Rect r, const char *text);

/* Declares that this screen is shown in n parts and returns the part to
 * show now (clamped; -1 in a->part means the last part). */
int w_parts(app *a, int n);

#define CHIPS_PER_PAGE 6
/* Splits n chips into pages of at most CHIPS_PER_PAGE, evenly. starts[p]
 * gets the first chip of page p; returns the number of pages (>= 1). */
int chips_pages(app *a, SDL_Rect area, const chip *c, int n, int h, int *starts, int max);
