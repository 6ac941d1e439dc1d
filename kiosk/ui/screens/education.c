/* education.c — "while you wait": after the intake is saved, one page per
 * chosen muscle (its picture and every part of its page), then the general
 * pages, each a whole page that scrolls by paragraphs. The client may stop
 * at any time ("I'm done") and always ends on Thank you; the first page
 * says the answers are already with the therapist. */
#include "ui/chart.h"
#include "ui/screens/frame.h"

#define MAXPARA 24

typedef struct {
    bool is_muscle;
    int item;
    const char *title;
    const char *t[MAXPARA];
    bool head[MAXPARA];
    int n;
    bool banner;   /* the first page: "saved" on top */
    bool picture;  /* a muscle: its picture is the first row */
} edu_view;

static void gather(screen_ctx *s, edu_view *v)
{
    v->item = flow_education_item(s->flow, &v->is_muscle);
    v->n = 0;
    v->banner = flow_step(s->flow) == 0;
    v->picture = v->is_muscle && v->item >= 0;
    if (v->item < 0) {
        v->title = "";
        return;
    }
    if (v->is_muscle) {
        const pm_muscle *m = content_muscle(s->content, (size_t)v->item);
        v->title = T(s, m->name_key);
        for (size_t i = 0; i < m->nsections && v->n + 2 <= MAXPARA; i++) {
            v->head[v->n] = true;
            v->t[v->n++] = T(s, m->sections[i].heading_key);
            v->head[v->n] = false;
            v->t[v->n++] = T(s, m->sections[i].text_key);
        }
        return;
    }
    const pm_page *p = content_page(s->content, (size_t)v->item);
    v->title = T(s, p->title_key);
    for (size_t i = 0; i < p->nparagraphs && v->n < MAXPARA; i++) {
        v->head[v->n] = false;
        v->t[v->n++] = T(s, p->paragraph_keys[i]);
    }
}

/* Rows: [the banner] [the picture] then the paragraphs. */
static int first_text_row(const edu_view *v) { return (v->banner ? 1 : 0) + (v->picture ? 1 : 0); }

static int row_h(screen_ctx *s, int i, int width, void *ctx)
{
    const edu_view *v = ctx;
    if (v->banner && i == 0)
        return t_box_height(s->r, width - px(s->r, 28), T(s, "ui.reading.saved"), FONT_BODY, true) +
               px(s->r, 20);
    if (v->picture && i == (v->banner ? 1 : 0))
        return px(s->r, s->lw >= s->lh ? 150 : 260);
    int k = i - first_text_row(v);
    return t_box_height(s->r, width, v->t[k], FONT_BODY, v->head[k]);
}

static bool last_page(const screen_ctx *s)
{
    return flow_step(s->flow) + 1 >= flow_step_count(s->flow);
}

static frame_spec spec(screen_ctx *s, const edu_view *v)
{
    return (frame_spec){v->title, last_page(s) ? "ui.reading.finish" : "ui.reading.next",
                        flow_step(s->flow) > 0, s->lw < s->lh || s->v->large_text};
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    edu_view v;
    gather(s, &v);
    frame_spec f = spec(s, &v);
    frame_middle done = {"ui.reading.done", "done_reading", EV_FINISH, 0};
    SDL_Rect b = frame_layout_mid(s, &f, last_page(s) ? NULL : &done);
    frame_rowset rs;
    frame_rows(s, b, first_text_row(&v) + v.n, px(s->r, 12), row_h, &v, true, &rs);
}

static void draw(screen_ctx *s)
{
    edu_view v;
    gather(s, &v);
    frame_spec f = spec(s, &v);
    frame_draw(s, &f);
    frame_rowset rs;
    frame_rows(s, s->v->body, first_text_row(&v) + v.n, px(s->r, 12), row_h, &v, false, &rs);
    for (int i = rs.first; i < rs.end; i++) {
        SDL_Rect box = {rs.area.x, rs.y[i], rs.area.w, row_h(s, i, rs.area.w, &v)};
        if (v.banner && i == 0) {
            r_round_frame(s->r, box, px(s->r, 10), px(s->r, 2) < 2 ? 2 : px(s->r, 2), COL_PRIMARY,
                          COL_SELECTED);
            t_box(s->r, (SDL_Rect){box.x + px(s->r, 14), box.y, box.w - px(s->r, 28), box.h},
                  T(s, "ui.reading.saved"), FONT_BODY, true, COL_INK, AL_LEFT, true);
            continue;
        }
        if (v.picture && i == (v.banner ? 1 : 0)) {
            int w = box.h * 16 / 10 < box.w ? box.h * 16 / 10 : box.w;
            SDL_Rect pic = {box.x, box.y, w, box.h};
            r_round(s->r, pic, px(s->r, 12), COL_SURFACE);
            chart_draw_pattern(s->art, v.item, 0, (SDL_Rect){pic.x + 6, pic.y + 6, pic.w - 12, pic.h - 12},
                               false);
            continue;
        }
        int k = i - first_text_row(&v);
        t_box(s->r, box, v.t[k], FONT_BODY, v.head[k], COL_INK, AL_LEFT, false);
    }
    frame_rows_draw(s, &rs);
}

const screen_ops screen_education = {layout, draw, NULL, NULL};
