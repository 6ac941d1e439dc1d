/* learn_screen.c — the Learn screens (core/intake/learn.h): the parts of
 * the body, what there is to read about one, one page.
 *
 * Every Learn screen has the same bottom row: Back (one step back, as on
 * every screen), Exit (back to Welcome at once) and, when a list goes on,
 * More (its next rows). A list shows LEARN_PER_PAGE big rows, in two
 * columns on a wide screen and one on a tall one; a page is one page that
 * scrolls by paragraphs (page.c, the same as the walk's reading pages).
 * "Larger text" is on top, as on every client screen. There is no
 * progress bar: Learn is not a walk with an end. */
#include <stdio.h>

#include "ui/screens/frame.h"

static int margin(const screen_ctx *s) { return px(s->r, 14); }
static int foot_h(const screen_ctx *s) { return px(s->r, 80); }

static const char *title(const screen_ctx *s)
{
    switch (learn_level_now(s->learn)) {
    case LEARN_LIST: {
        const pm_group *g = content_group(s->content, (size_t)learn_area(s->learn));
        return g ? T(s, g->label_key) : "";
    }
    case LEARN_PAGE: {
        learn_item it = learn_page(s->learn);
        if (it.is_muscle)
            return T(s, content_muscle(s->content, (size_t)it.index)->name_key);
        return T(s, content_page(s->content, (size_t)it.index)->title_key);
    }
    default:
        return T(s, "learn.title");
    }
}

/* The title's box, left of "Larger text": one line on a wide list, up to
 * two on a page (a question) and on a narrow screen; taller with larger
 * text, as the walk's titles (frame.c). */
static SDL_Rect title_rect(screen_ctx *s)
{
    bool two = learn_level_now(s->learn) == LEARN_PAGE || s->lw < s->lh;
    bool big = s->v->large_text;
    int m = margin(s);
    int h = px(s->r, two ? (big ? 120 : 74) : (big ? 64 : 52));
    int beside = frame_top_buttons_left(s, false) - m, across = s->lw - 2 * m;
    SDL_Rect r = {m, px(s->r, 8), beside, h};
    if (beside < across * 2 / 3) /* a narrow panel: under the top bar, across the page */
        r = (SDL_Rect){m, frame_top_h(s), across, h};
    /* a name that needs a third line even at the smallest size gets it */
    bool fits;
    int need = t_box_px(s->r, (SDL_Rect){0, 0, r.w, 1 << 20}, title(s), font_px(s->r, FONT_TITLE) * 3 / 4,
                        true, 0, AL_LEFT, false, false, &fits);
    if (need > r.h)
        r.h = need;
    return r;
}

static SDL_Rect body_rect(screen_ctx *s)
{
    SDL_Rect t = title_rect(s);
    int top = t.y + t.h + px(s->r, 8);
    int m = margin(s);
    /* a little air above the buttons, so a page's last line is not on them */
    return (SDL_Rect){m, top, s->lw - 2 * m, s->lh - foot_h(s) - top - px(s->r, 8)};
}


/* Back, Exit and (when there is more) More or Next. */
static void footer(screen_ctx *s)
{
    int m = margin(s), bh = px(s->r, 60);
    int y = s->lh - foot_h(s) + (foot_h(s) - bh) / 2;
    int bw = (s->lw - 4 * m) / 3;
    if (bw > px(s->r, 200))
        bw = px(s->r, 200); /* room for "1 of 2" between Exit and More */
    w_learn(s->wl, "back", (SDL_Rect){m, y, bw, bh}, WS_SECONDARY, T(s, "ui.back"), LEARN_EV_BACK, 0);
    w_learn(s->wl, "exit", (SDL_Rect){2 * m + bw, y, bw, bh}, WS_SECONDARY, T(s, "learn.exit"),
            LEARN_EV_EXIT, 0);
    bool page = learn_level_now(s->learn) == LEARN_PAGE;
    if (!page && learn_list_page(s->learn) + 1 < learn_list_pages(s->learn))
        w_learn(s->wl, "more", (SDL_Rect){s->lw - m - bw, y, bw, bh}, WS_PRIMARY, T(s, "learn.more"),
                LEARN_EV_MORE, 0);
}

/* The rows of one list page: two columns when wide, one when tall; rows as
 * tall as fit, at most 84 units (with larger text, all there is). */
static SDL_Rect row_rect(screen_ctx *s, int i)
{
    SDL_Rect b = body_rect(s);
    int gap = px(s->r, 12);
    int cols = s->lw > s->lh ? 2 : 1;
    int rows = (LEARN_PER_PAGE + cols - 1) / cols;
    int h = (b.h - (rows - 1) * gap) / rows;
    if (h > px(s->r, 84) && !s->v->large_text) /* larger text: long names take three lines */
        h = px(s->r, 84);
    int w = (b.w - (cols - 1) * gap) / cols;
    int c = i / rows, r = i % rows; /* down the first column, then the next */
    return (SDL_Rect){b.x + c * (w + gap), b.y + r * (h + gap), w, h};
}

static void areas_layout(screen_ctx *s)
{
    int areas[CONTENT_MAX_GROUPS];
    size_t n = learn_areas(s->content, areas, CONTENT_MAX_GROUPS);
    size_t from = (size_t)learn_list_page(s->learn) * LEARN_PER_PAGE;
    for (size_t i = from; i < n && i < from + LEARN_PER_PAGE; i++) {
        const pm_group *g = content_group(s->content, (size_t)areas[i]);
        char id[48];
        snprintf(id, sizeof id, "area_%s", g->id);
        w_learn(s->wl, id, row_rect(s, (int)(i - from)), WS_SECONDARY, T(s, g->label_key),
                LEARN_EV_AREA, areas[i]);
    }
}

#define MAX_ITEMS 256

static void list_layout(screen_ctx *s)
{
    learn_item items[MAX_ITEMS];
    size_t n = learn_items_for(s->content, learn_area(s->learn), items, MAX_ITEMS);
    size_t from = (size_t)learn_list_page(s->learn) * LEARN_PER_PAGE;
    for (size_t i = from; i < n && i < MAX_ITEMS && i < from + LEARN_PER_PAGE; i++) {
        char id[48];
        const char *label;
        if (items[i].is_muscle) {
            const pm_muscle *mu = content_muscle(s->content, (size_t)items[i].index);
            snprintf(id, sizeof id, "muscle_%s", mu->id);
            label = T(s, mu->name_key);
        } else {
            const pm_page *p = content_page(s->content, (size_t)items[i].index);
            snprintf(id, sizeof id, "page_%s", p->id);
            label = T(s, p->title_key);
        }
        widget *w = w_learn(s->wl, id, row_rect(s, (int)(i - from)), WS_SECONDARY, label, LEARN_EV_ITEM,
                            (int)i);
        w->compact = s->v->large_text; /* a long muscle name on two lines, in a row's height */
    }
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    s->v->body = body_rect(s);
    switch (learn_level_now(s->learn)) {
    case LEARN_AREAS:
        areas_layout(s);
        break;
    case LEARN_LIST:
        list_layout(s);
        break;
    case LEARN_PAGE: {
        page_view v;
        learn_item it = learn_page(s->learn);
        page_gather(s, it.is_muscle, it.index, NULL, &v);
        page_layout(s, s->v->body, &v);
        break;
    }
    default:
        break;
    }
    footer(s);
    frame_top_buttons(s, false);
}

static void draw(screen_ctx *s)
{
    t_box(s->r, title_rect(s), title(s), FONT_TITLE, true, COL_INK, AL_LEFT, true);
    /* "1 of 2" beside More, where a list goes on */
    int pages = learn_list_pages(s->learn);
    if (learn_level_now(s->learn) != LEARN_PAGE && pages > 1) {
        const widget *exit = w_find(s->wl, "exit");
        int x0 = exit->r.x + exit->r.w + margin(s);
        const widget *more = w_find(s->wl, "more");
        int x1 = more ? more->r.x - margin(s) : s->lw - margin(s);
        char line[64];
        tfmt(line, sizeof line, T(s, "learn.list_page"), learn_list_page(s->learn) + 1, pages);
        SDL_Rect at = {x0, exit->r.y, x1 - x0, exit->r.h};
        if (at.w < px(s->r, 120)) /* a narrow screen: just above the buttons */
            at = (SDL_Rect){margin(s), exit->r.y - px(s->r, 44), s->lw - 2 * margin(s), px(s->r, 36)};
        t_box(s->r, at, line, FONT_SMALL, false, COL_MUTED, AL_CENTRE, true);
    }
    if (learn_level_now(s->learn) == LEARN_PAGE) {
        page_view v;
        learn_item it = learn_page(s->learn);
        page_gather(s, it.is_muscle, it.index, NULL, &v);
        page_draw(s, s->v->body, &v);
    }
}

const screen_ops screen_learn = {layout, draw, NULL, NULL};
