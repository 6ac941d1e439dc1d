/* frame.h — what every client screen shares: the progress bar on top, the
 * title, Back and Next at the bottom (Next muted while something is
 * missing, with the hint saying what when it is tapped), choice chips that
 * wrap across rows, and steps shown in parts.
 *
 * Everything here adds widgets to the screen's list and draws on its
 * render context (screen.h); nothing changes the core. */
#ifndef PM_UI_FRAME_H
#define PM_UI_FRAME_H

#include "ui/screens/screen.h"

typedef struct {
    const char *title;       /* text already translated, may be NULL */
    const char *next_key;    /* "ui.next" etc., or NULL */
    bool back;
    bool tall_title;         /* two lines: long titles (a region's name) */
} frame_spec;

/* Adds Back (unless !f->back) and Next (labelled f->next_key) and returns
 * the body area between them (also kept in s->v->body). */
SDL_Rect frame_layout(screen_ctx *s, const frame_spec *f);
void frame_draw(screen_ctx *s, const frame_spec *f);
/* The body area frame_layout would give, without adding anything.
 * title: 0 none, 1 one line, 2 two. */
SDL_Rect frame_body(const screen_ctx *s, int title);

/* Declares that this step is shown in n parts and returns the part to show
 * now (clamped; -1 in s->v->part means the last part). */
int frame_parts(screen_ctx *s, int n);

/* Choice chips that wrap across rows in r; returns the height used.
 * Widgets are added only when add is true (measure first, then add). */
typedef struct {
    const char *id;
    const char *label;
    flow_event_type type;
    int arg;
    bool selected;
} chip;
int frame_chips(screen_ctx *s, SDL_Rect r, const chip *c, int n, int h, bool add);

#define FRAME_CHIPS_PER_PAGE 6
/* Splits n chips into pages of at most FRAME_CHIPS_PER_PAGE, evenly, by
 * count (the same pages at every size). starts[p] gets the first chip of
 * page p; returns the number of pages (1..max). */
int frame_chip_pages(int n, int *starts, int max);

/* One education page (is_muscle false: content page `item`) or muscle
 * `item`'s page, sections from..from+count-1, drawn into b (page.c): the
 * walk's education screen and Learn draw pages with this one function. */
void page_draw(screen_ctx *s, SDL_Rect b, bool is_muscle, int item, size_t from, size_t count);

#endif
