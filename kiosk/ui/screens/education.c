/* education.c — one page per step: what a trigger point is, referred pain,
 * the chosen muscles (with their picture), the session, after-care.
 * The page itself is drawn by page.c, as in Learn. */
#include "ui/chart.h"
#include "ui/screens/frame.h"

static const char *title(screen_ctx *s)
{
    bool is_muscle = false;
    int item = flow_education_item(s->flow, &is_muscle);
    if (is_muscle)
        return T(s, content_muscle(s->content, (size_t)item)->name_key);
    return T(s, content_page(s->content, (size_t)item)->title_key);
}

/* A muscle's page has several sections: two per view, Next turns the view
 * (by count, so the parts are the same at every screen size). */
#define SECTIONS_PER_PART 2

static int parts_for(screen_ctx *s)
{
    bool is_muscle = false;
    int item = flow_education_item(s->flow, &is_muscle);
    if (!is_muscle)
        return frame_parts(s, 1);
    size_t n = content_muscle(s->content, (size_t)item)->nsections;
    return frame_parts(s, n ? (int)((n + SECTIONS_PER_PART - 1) / SECTIONS_PER_PART) : 1);
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    parts_for(s);
    frame_spec f = {title(s), "ui.next", true, s->lw < s->lh};
    frame_layout(s, &f);
}

static void draw(screen_ctx *s)
{
    frame_spec f = {title(s), "ui.next", true, s->lw < s->lh};
    frame_draw(s, &f);
    int part = parts_for(s);
    bool is_muscle = false;
    int item = flow_education_item(s->flow, &is_muscle);
    size_t from = (size_t)part * SECTIONS_PER_PART;
    page_draw(s, s->v->body, is_muscle, item, from, SECTIONS_PER_PART);
}

const screen_ops screen_education = {layout, draw, NULL};
