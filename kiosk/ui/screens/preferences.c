/* preferences.c — the pressure the client likes, then areas not to touch;
 * each its own view (paged further when the list is long), like details. */
#include <stdio.h>

#include "ui/screens/frame.h"

#define MAXPAGES 8

typedef struct {
    chip c[CONTENT_MAX_CHOICES];
    char id[CONTENT_MAX_CHOICES][48];
    int first, count, chip_h;
    const char *question;
} pref_view;

/* The question's height: one line, or as many as it needs at the
 * smallest size t_box uses (a long question on a narrow panel). */
static int question_h(const screen_ctx *s, const char *question)
{
    int size = font_px(s->r, FONT_BODY) * 3 / 4;
    bool fits;
    int need = t_box_px(s->r, (SDL_Rect){0, 0, s->v->body.w, 1 << 20}, question, size, true, 0,
                        AL_LEFT, false, false, &fits);
    return need > px(s->r, 40) ? need : px(s->r, 40);
}

static SDL_Rect chip_area(const screen_ctx *s, const char *question)
{
    SDL_Rect b = s->v->body;
    int qh = question_h(s, question);
    int top = qh > px(s->r, 40) ? qh + px(s->r, 10) : px(s->r, 50);
    return (SDL_Rect){b.x, b.y + top, b.w, b.h - top};
}

static void gather(screen_ctx *s, pref_view *v)
{
    s->v->body = frame_body(s, true);
    const intake *in = flow_intake(s->flow);
    v->chip_h = px(s->r, 56);
    chip p[CONTENT_MAX_CHOICES], av[CONTENT_MAX_CHOICES];
    char pid[CONTENT_MAX_CHOICES][48], vid[CONTENT_MAX_CHOICES][48];
    int np = (int)content_pressure_count(s->content);
    for (int i = 0; i < np; i++) {
        const pm_choice *c = content_pressure(s->content, (size_t)i);
        snprintf(pid[i], sizeof pid[i], "pressure_%s", c->id);
        p[i] = (chip){pid[i], T(s, c->label_key), EV_SET_PRESSURE, i, in->pressure == i};
    }
    int nv = (int)content_avoid_count(s->content);
    for (int i = 0; i < nv; i++) {
        const pm_choice *c = content_avoid(s->content, (size_t)i);
        snprintf(vid[i], sizeof vid[i], "avoid_%s", c->id);
        av[i] = (chip){vid[i], T(s, c->label_key), EV_TOGGLE_AVOID, i, (in->avoid >> i & 1u) != 0};
    }
    int ps[MAXPAGES], vs[MAXPAGES];
    int pp = np ? frame_chip_pages(np, ps, MAXPAGES) : 0;
    int vp = nv ? frame_chip_pages(nv, vs, MAXPAGES) : 0;
    int part = frame_parts(s, pp + vp > 0 ? pp + vp : 1);
    bool pressure = part < pp;
    const chip *src = pressure ? p : av;
    const int *st = pressure ? ps : vs;
    int k = pressure ? part : part - pp, pages = pressure ? pp : vp, n = pressure ? np : nv;
    v->first = 0;
    v->count = 0;
    v->question = T(s, pressure ? "ui.prefs.pressure" : "ui.prefs.avoid");
    if (pages == 0)
        return;
    int first = st[k], last = k + 1 < pages ? st[k + 1] : n;
    for (int i = first; i < last; i++) {
        v->c[v->count] = src[i];
        snprintf(v->id[v->count], sizeof v->id[v->count], "%s", src[i].id);
        v->c[v->count].id = v->id[v->count];
        v->count++;
    }
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    pref_view v;
    gather(s, &v);
    frame_spec f = {T(s, "ui.prefs.title"), "ui.next", true, false};
    frame_layout(s, &f);
    frame_chips(s, chip_area(s, v.question), v.c, v.count, v.chip_h, true);
}

static void draw(screen_ctx *s)
{
    pref_view v;
    gather(s, &v);
    frame_spec f = {T(s, "ui.prefs.title"), "ui.next", true, false};
    frame_draw(s, &f);
    SDL_Rect b = s->v->body;
    t_box(s->r, (SDL_Rect){b.x, b.y, b.w, question_h(s, v.question)}, v.question, FONT_BODY, true,
          COL_INK, AL_LEFT, true);
}

const screen_ops screen_preferences = {layout, draw, NULL};
