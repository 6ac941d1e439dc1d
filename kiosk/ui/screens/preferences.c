/* preferences.c — on one page: the pressure the client likes (choose one)
 * and the places not to touch (choose any). Nothing here is required. */
#include <stdio.h>

#include "ui/screens/form.h"

typedef struct {
    chip p[CONTENT_MAX_CHOICES], av[CONTENT_MAX_CHOICES];
    char pid[CONTENT_MAX_CHOICES][48], vid[CONTENT_MAX_CHOICES][48];
    form_item items[4];
    int n;
} pref_view;

static void gather(screen_ctx *s, pref_view *v)
{
    const intake *in = flow_intake(s->flow);
    int np = (int)content_pressure_count(s->content);
    for (int i = 0; i < np; i++) {
        const pm_choice *c = content_pressure(s->content, (size_t)i);
        snprintf(v->pid[i], sizeof v->pid[i], "pressure_%s", c->id);
        v->p[i] = (chip){v->pid[i], T(s, c->label_key), EV_SET_PRESSURE, i, in->pressure == i, 0};
    }
    int nv = (int)content_avoid_count(s->content);
    for (int i = 0; i < nv; i++) {
        const pm_choice *c = content_avoid(s->content, (size_t)i);
        snprintf(v->vid[i], sizeof v->vid[i], "avoid_%s", c->id);
        v->av[i] = (chip){v->vid[i], T(s, c->label_key), EV_TOGGLE_AVOID, i,
                          (in->avoid >> i & 1u) != 0, 0};
    }
    v->n = 0;
    if (np) {
        v->items[v->n++] = (form_item){.kind = FI_LABEL, .text = T(s, "ui.prefs.pressure")};
        v->items[v->n++] = (form_item){.kind = FI_CHIPS, .chips = v->p, .nchips = np,
                                       .style = WS_RADIO};
    }
    if (nv) {
        v->items[v->n++] = (form_item){.kind = FI_LABEL, .text = T(s, "ui.prefs.avoid")};
        v->items[v->n++] = (form_item){.kind = FI_CHIPS, .chips = v->av, .nchips = nv,
                                       .style = WS_CHOICE};
    }
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    pref_view v;
    gather(s, &v);
    frame_spec f = {T(s, "ui.prefs.title"), "ui.next", true, false};
    SDL_Rect b = frame_layout(s, &f);
    form_layout(s, b, v.items, v.n);
}

static void draw(screen_ctx *s)
{
    pref_view v;
    gather(s, &v);
    frame_spec f = {T(s, "ui.prefs.title"), "ui.next", true, false};
    frame_draw(s, &f);
    form_draw(s, s->v->body, v.items, v.n);
}

const screen_ops screen_preferences = {layout, draw, NULL, NULL};
