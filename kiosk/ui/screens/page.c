/* page.c — one education page or one muscle's page, drawn into a body
 * area: the walk's education screen and Learn show pages the same way.
 * Paragraphs wrap and shrink together until they fit; a muscle's page shows
 * some of its sections with its picture beside (landscape) or above
 * (portrait) the words. */
#include "ui/chart.h"
#include "ui/screens/frame.h"

#define MAXPARA 16

void page_draw(screen_ctx *s, SDL_Rect b, bool is_muscle, int item, size_t from, size_t count)
{
    const char *t[MAXPARA];
    bool head[MAXPARA];
    int n = 0;
    if (is_muscle) {
        const pm_muscle *m = content_muscle(s->content, (size_t)item);
        for (size_t i = from; i < m->nsections && i < from + count && n + 2 <= MAXPARA; i++) {
            head[n] = true;
            t[n++] = T(s, m->sections[i].heading_key);
            head[n] = false;
            t[n++] = T(s, m->sections[i].text_key);
        }
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
        chart_draw_pattern(s->art, item, 0, (SDL_Rect){pic.x + 6, pic.y + 6, pic.w - 12, pic.h - 12}, false);
    } else {
        const pm_page *p = content_page(s->content, (size_t)item);
        for (size_t i = 0; i < p->nparagraphs && n < MAXPARA; i++) {
            head[n] = false;
            t[n++] = T(s, p->paragraph_keys[i]);
        }
    }
    text_paras(s->r, b, t, head, n, FONT_BODY);
}
