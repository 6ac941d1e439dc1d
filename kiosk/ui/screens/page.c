/* page.c — one page to read, an education page or a muscle's page, as rows
 * that scroll by whole paragraphs: [a banner] [the muscle's picture] then
 * its headings and paragraphs at full size (larger text included). The
 * walk's "while you wait" pages and Learn both show pages this way. */
#include "ui/chart.h"
#include "ui/screens/frame.h"

void page_gather(screen_ctx *s, bool is_muscle, int item, const char *banner, page_view *v)
{
    v->is_muscle = is_muscle;
    v->item = item;
    v->n = 0;
    v->banner = banner;
    v->picture = is_muscle && item >= 0;
    v->title = "";
    if (item < 0)
        return;
    if (is_muscle) {
        const pm_muscle *m = content_muscle(s->content, (size_t)item);
        v->title = T(s, m->name_key);
        for (size_t i = 0; i < m->nsections && v->n + 2 <= PAGE_MAX_PARAS; i++) {
            v->head[v->n] = true;
            v->t[v->n++] = T(s, m->sections[i].heading_key);
            v->head[v->n] = false;
            v->t[v->n++] = T(s, m->sections[i].text_key);
        }
        return;
    }
    const pm_page *p = content_page(s->content, (size_t)item);
    v->title = T(s, p->title_key);
    for (size_t i = 0; i < p->nparagraphs && v->n < PAGE_MAX_PARAS; i++) {
        v->head[v->n] = false;
        v->t[v->n++] = T(s, p->paragraph_keys[i]);
    }
}

static int banner_rows(const page_view *v) { return v->banner ? 1 : 0; }
static int first_text_row(const page_view *v) { return banner_rows(v) + (v->picture ? 1 : 0); }
static int row_count(const page_view *v) { return first_text_row(v) + v->n; }

/* The picture's row: taller on an upright panel, where the page is narrow. */
static int picture_row_h(screen_ctx *s) { return px(s->r, s->lw >= s->lh ? 150 : 260); }

static int row_h(screen_ctx *s, int i, int width, void *ctx)
{
    const page_view *v = ctx;
    if (v->banner && i == 0)
        return t_box_height(s->r, width - px(s->r, 28), v->banner, FONT_BODY, true) + px(s->r, 20);
    if (v->picture && i == banner_rows(v))
        return picture_row_h(s);
    int k = i - first_text_row(v);
    return t_box_height(s->r, width, v->t[k], FONT_BODY, v->head[k]);
}

/* A heading goes over to the next page with its paragraph. */
static bool is_heading(int i, void *ctx)
{
    const page_view *v = ctx;
    int k = i - first_text_row(v);
    return k >= 0 && k < v->n && v->head[k];
}

void page_layout(screen_ctx *s, SDL_Rect body, page_view *v)
{
    frame_rowset rs;
    frame_rows_keep(s, body, row_count(v), px(s->r, 12), row_h, is_heading, v, true, &rs);
}

static void draw_banner(screen_ctx *s, SDL_Rect box, const char *text)
{
    int line = px(s->r, 2) < 2 ? 2 : px(s->r, 2);
    r_round_frame(s->r, box, px(s->r, 10), line, COL_PRIMARY, COL_SELECTED);
    t_box(s->r, (SDL_Rect){box.x + px(s->r, 14), box.y, box.w - px(s->r, 28), box.h}, text, FONT_BODY,
          true, COL_INK, AL_LEFT, true);
}

/* The picture's panel in a row box, and the picture on it. */
static SDL_Rect picture_panel(SDL_Rect box)
{
    int w = box.h * 16 / 10 < box.w ? box.h * 16 / 10 : box.w;
    return (SDL_Rect){box.x, box.y, w, box.h};
}

static SDL_Rect picture_on(SDL_Rect pic)
{
    return (SDL_Rect){pic.x + 6, pic.y + 6, pic.w - 12, pic.h - 12};
}

static void draw_picture(screen_ctx *s, SDL_Rect box, int muscle)
{
    SDL_Rect pic = picture_panel(box);
    r_round(s->r, pic, px(s->r, 12), COL_SURFACE);
    chart_draw_pattern(s->art, muscle, 0, picture_on(pic), false);
}

/* What is under a page's picture: the page, the panel around it (the same
 * wherever the row goes). */
static void picture_under(rctx *r, SDL_Point o, void *ctx)
{
    const SDL_Rect *pic = ctx;
    r_clear(r, COL_BG);
    r_round(r, (SDL_Rect){pic->x - o.x, pic->y - o.y, pic->w, pic->h}, px(r, 12), COL_SURFACE);
}

bool page_picture_ahead(screen_ctx *s, int muscle)
{
    /* the row as row_h gives it; its width is the page's, wider than the
     * panel on every screen size (if not, the picture is not found, and
     * drawn when shown, as before) */
    SDL_Rect box = {0, 0, s->lw, picture_row_h(s)};
    SDL_Rect pic = picture_panel(box);
    return chart_pattern_ahead(s->art, muscle, 0, picture_on(pic), false, true, picture_under, &pic);
}

void page_draw(screen_ctx *s, SDL_Rect body, page_view *v)
{
    frame_rowset rs;
    frame_rows_keep(s, body, row_count(v), px(s->r, 12), row_h, is_heading, v, false, &rs);
    for (int i = rs.first; i < rs.end; i++) {
        SDL_Rect box = {rs.area.x, rs.y[i], rs.area.w, row_h(s, i, rs.area.w, v)};
        if (v->banner && i == 0) {
            draw_banner(s, box, v->banner);
        } else if (v->picture && i == banner_rows(v)) {
            draw_picture(s, box, v->item);
        } else {
            int k = i - first_text_row(v);
            t_box(s->r, box, v->t[k], FONT_BODY, v->head[k], COL_INK, AL_LEFT, false);
        }
    }
    frame_rows_draw(s, &rs);
}
