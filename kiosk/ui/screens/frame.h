/* frame.h — what every client screen shares: the progress in named
 * sections on top with "Larger text" and "Start over" beside it, the title,
 * Back and Next at the bottom (Next waiting, dashed, while something is
 * missing, with the hint saying what when it is tapped), choice chips that
 * wrap across rows, and lists that scroll by whole rows with ▲ and ▼.
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

/* A third button between Back and Next. */
typedef struct {
    const char *key, *id;
    flow_event_type ev;
    int arg;
} frame_middle;

/* Adds the top bar's buttons, Back (unless !f->back) and Next (labelled
 * f->next_key) and returns the body area between them (also kept in
 * s->v->body). */
SDL_Rect frame_layout(screen_ctx *s, const frame_spec *f);
/* The same with a third button between Back and Next (mid NULL: none). */
SDL_Rect frame_layout_mid(screen_ctx *s, const frame_spec *f, const frame_middle *mid);
void frame_draw(screen_ctx *s, const frame_spec *f);
/* The body area frame_layout would give for f (NULL: no title), without
 * adding anything. */
SDL_Rect frame_body(const screen_ctx *s, const frame_spec *f);
/* The title's height: one line when it fits one (at no less than 3/4 of
 * its size) and f->tall_title is not set, else two, else as many lines as
 * it needs at 3/4 size: a title is never cut. 0 without a title. */
int frame_title_h(const screen_ctx *s, const frame_spec *f);
/* The top bar's height (the progress and its buttons). */
int frame_top_h(const screen_ctx *s);
/* Whether a title needs two lines at this width (a long area's name). */
bool frame_title_is_long(screen_ctx *s, const char *title);

/* The top bar's buttons alone, at the top right: "Larger text", and
 * "Start over" when start_over (welcome has only the first). */
void frame_top_buttons(screen_ctx *s, bool start_over);
/* Where the top bar's buttons begin (x, less a gap): what is left of it is
 * free for a screen's own title. */
int frame_top_buttons_left(screen_ctx *s, bool start_over);

/* Declares that this step is shown in n parts and returns the part to show
 * now (clamped; -1 in s->v->part means the last part). */
int frame_parts(screen_ctx *s, int n);

/* Choice chips that wrap across rows in r; returns the height used.
 * Widgets are added only when add is true (measure first, then add).
 * frame_chips draws tick boxes (choose any); frame_radios round buttons
 * (choose one). */
typedef struct {
    const char *id;
    const char *label;
    flow_event_type type;
    int arg;
    bool selected;
    int arg2;
} chip;
int frame_chips(screen_ctx *s, SDL_Rect r, const chip *c, int n, int h, bool add);
int frame_radios(screen_ctx *s, SDL_Rect r, const chip *c, int n, int h, bool add);
/* Chips in cols equal columns (the same width each); returns the height. */
int frame_chip_grid(screen_ctx *s, SDL_Rect r, const chip *c, int n, int h, int cols,
                    widget_style style, bool add);

#define FRAME_CHIPS_PER_PAGE 6
/* Splits n chips into pages of at most FRAME_CHIPS_PER_PAGE, evenly, by
 * count (the same pages at every size). starts[p] gets the first chip of
 * page p; returns the number of pages (1..max). */
int frame_chip_pages(int n, int *starts, int max);

/* A list in rows that scrolls by whole rows. measure(i, width) gives row
 * i's height at that width. When every row fits in area they all show;
 * otherwise a rail of ▲ and ▼ (ids "scroll_up", "scroll_down") takes the
 * right edge, and the rows from s->v->scroll that fit whole are shown (a
 * row is never cut). out gets which rows show and where. */
#define FRAME_MAX_ROWS 96
typedef int (*frame_row_h)(screen_ctx *s, int i, int width, void *ctx);
typedef struct {
    int first, end;           /* rows [first, end) show */
    int y[FRAME_MAX_ROWS];    /* the top of row i (valid for shown rows) */
    SDL_Rect area;            /* where rows go: area less the rail */
    bool scrolls;
} frame_rowset;
void frame_rows(screen_ctx *s, SDL_Rect area, int n, int gap, frame_row_h measure, void *ctx,
                bool add, frame_rowset *out);
/* The same, where keep_next(i, ctx) says row i (a heading) never ends a
 * page without the row after it. */
typedef bool (*frame_row_keep)(int i, void *ctx);
void frame_rows_keep(screen_ctx *s, SDL_Rect area, int n, int gap, frame_row_h measure,
                     frame_row_keep keep_next, void *ctx, bool add, frame_rowset *out);
/* The same for rows measured already (h[], at area.w less
 * frame_rail_w() when scrolls): the caller decided they do not all fit. */
void frame_rows_place(screen_ctx *s, SDL_Rect area, const int *h, int n, int gap, bool scrolls,
                      bool add, frame_rowset *out);
/* Where frame_rows would place the rows with the list at its first row,
 * without touching the view's scrolling (which belongs to the screen
 * showing) and adding no widgets: for drawing a screen's first page ahead. */
void frame_rows_top(screen_ctx *s, SDL_Rect area, int n, int gap, frame_row_h measure, void *ctx,
                    frame_rowset *out);
int frame_rail_w(const screen_ctx *s);
/* Draws the rail between ▲ and ▼ (after frame_rows). */
void frame_rows_draw(screen_ctx *s, const frame_rowset *rs);

/* The "start over?" question over the screen (s->v->asking). */
void frame_ask_layout(screen_ctx *s);
void frame_ask_draw(screen_ctx *s);

/* One page to read (page.c): an education page (is_muscle false: content
 * page `item`) or muscle `item`'s page, in rows that scroll by paragraphs;
 * banner (or NULL) is a framed line above it. The walk's "while you wait"
 * pages and Learn show pages with these. page_gather fills v (its strings
 * are the content's); page_layout adds the scroll rail's buttons; page_draw
 * draws the rows from s->v->scroll. */
#define PAGE_MAX_PARAS 24
typedef struct {
    bool is_muscle;
    int item;
    const char *title;
    const char *t[PAGE_MAX_PARAS];
    bool head[PAGE_MAX_PARAS];
    int n;
    const char *banner;
    bool picture; /* a muscle: its picture is the first row after the banner */
} page_view;
void page_gather(screen_ctx *s, bool is_muscle, int item, const char *banner, page_view *v);
void page_layout(screen_ctx *s, SDL_Rect body, page_view *v);
void page_draw(screen_ctx *s, SDL_Rect body, page_view *v);
/* Ahead of need (screens_ahead): the picture a muscle's page shows, made
 * now; returns whether it made it. */
bool page_picture_ahead(screen_ctx *s, int muscle);

#endif
