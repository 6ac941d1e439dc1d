/* education.c — "while you wait": after the intake is saved, one page per
 * chosen muscle (its picture and every part of its page), then the pages
 * about the client's areas, then the general pages, each a whole page that
 * scrolls by paragraphs (page.c, as in Learn). The client may stop at any
 * time ("I'm done") and always ends on Thank you; the first page says the
 * answers are already with the therapist. */
#include "ui/screens/frame.h"

static void gather(screen_ctx *s, page_view *v)
{
    bool is_muscle = false;
    int item = flow_education_item(s->flow, &is_muscle);
    const char *banner = flow_step(s->flow) == 0 ? T(s, "ui.reading.saved") : NULL;
    page_gather(s, is_muscle, item, banner, v);
}

static bool last_page(const screen_ctx *s)
{
    return flow_step(s->flow) + 1 >= flow_step_count(s->flow);
}

static frame_spec spec(screen_ctx *s, const page_view *v)
{
    return (frame_spec){v->title, last_page(s) ? "ui.reading.finish" : "ui.reading.next",
                        flow_step(s->flow) > 0, s->lw < s->lh || s->v->large_text};
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    page_view v;
    gather(s, &v);
    frame_spec f = spec(s, &v);
    frame_middle done = {"ui.reading.done", "done_reading", EV_FINISH, 0};
    SDL_Rect b = frame_layout_mid(s, &f, last_page(s) ? NULL : &done);
    page_layout(s, b, &v);
}

static void draw(screen_ctx *s)
{
    page_view v;
    gather(s, &v);
    frame_spec f = spec(s, &v);
    frame_draw(s, &f);
    page_draw(s, s->v->body, &v);
}

const screen_ops screen_education = {layout, draw, NULL, NULL};
