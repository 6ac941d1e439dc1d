/* education.c — one page per step: what a trigger point is, referred pain,
 * the chosen muscles (with their picture), the session, after-care.
 * Paragraphs wrap and shrink together until they fit. */
#include "ui/chart.h"
#include "ui/screens/frame.h"

#define MAXPARA 16

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
    const char *t[MAXPARA];
    bool head[MAXPARA];
    int n = 0;
    SDL_Rect b = s->v->body;
    if (is_muscle) {
        const pm_muscle *m = content_muscle(s->content, (size_t)item);
        size_t from = (size_t)part * SECTIONS_PER_PART;
        for (size_t i = from; i < m->nsections && i < from + SECTIONS_PER_PART; i++) {
            head[n] = true;
            t[n++] = T(s, m->sections[i].heading_key);
            head[n] = false;
            t[n++] = T(s, m->sections[i].text_key);
        }
        /* The picture beside (landscape) or above (portrait) the words. */
        SDL_Rect pic;
        if (s->lw >= s->lh) {
            pic = (SDL_Rect){b.x + b.w - b.w * 30 / 100, b.y, b.w * 30 / 100, b.h};
            b.w -= pic.w + px(s->r, 14);
        } else {
            pic = (SDL_Rect){b.x, b.y, b.w, b.h * 34 / 100};
            b.y += pic.h + px(s->r, 10);
            b.h -= pic.h + px(s->r, 10);
        }
        r_round(s->r, pic, px(s->r, 12), COL_SURFACE);
        chart_draw_pattern(s->art, item, (SDL_Rect){pic.x + 6, pic.y + 6, pic.w - 12, pic.h - 12}, false);
    } else {
        const pm_page *p = content_page(s->content, (size_t)item);
        for (size_t i = 0; i < p->nparagraphs && n < MAXPARA; i++) {
            head[n] = false;
            t[n++] = T(s, p->paragraph_keys[i]);
        }
    }
    text_paras(s->r, b, t, head, n, FONT_BODY);
}

const screen_ops screen_education = {layout, draw, NULL};
