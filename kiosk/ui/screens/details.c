/* details.c — for one marked area: how strong (0-10, numbers with colour
 * and plain words), how long (choose one), what it feels like (choose any).
 * One page an area where the display has room, two on a small panel or
 * with larger text (the flow's layout class says which; the core counts
 * the pages). From the second area on, "Same as the last area" fills all
 * three and goes on, for the many clients whose areas hurt alike. */
#include <stdio.h>

#include "intake.h"
#include "ui/screens/form.h"

typedef struct {
    const intake_mark *mark;
    char title[256];
    chip dur[CONTENT_MAX_CHOICES], qual[CONTENT_MAX_CHOICES];
    char dur_id[CONTENT_MAX_CHOICES][48], qual_id[CONTENT_MAX_CHOICES][48];
    form_item items[8];
    int n;
} details_view;

static void gather(screen_ctx *s, details_view *v)
{
    int slot = flow_detail_slot(s->flow);
    const intake *in = flow_intake(s->flow);
    if (slot < 0 || slot >= in->nmarks)
        slot = 0;
    v->mark = &in->marks[slot];
    const pm_region *r = content_region(s->content, (size_t)v->mark->region);
    tfmt_s(v->title, sizeof v->title, T(s, "ui.details.title"), T(s, r->label_key));
    unsigned asks = flow_detail_asks(s->flow);
    v->n = 0;
    if (asks & DETAIL_STRENGTH) {
        v->items[v->n++] = (form_item){.kind = FI_LABEL, .text = T(s, "ui.details.intensity")};
        v->items[v->n++] = (form_item){.kind = FI_SCALE, .value = v->mark->intensity};
    }
    if (asks & DETAIL_DURATION) {
        int nd = (int)content_duration_count(s->content);
        for (int i = 0; i < nd; i++) {
            const pm_choice *c = content_duration(s->content, (size_t)i);
            snprintf(v->dur_id[i], sizeof v->dur_id[i], "duration_%s", c->id);
            v->dur[i] = (chip){v->dur_id[i], T(s, c->label_key), EV_SET_DURATION, i,
                               v->mark->duration == i, 0};
        }
        v->items[v->n++] = (form_item){.kind = FI_LABEL, .text = T(s, "ui.details.duration")};
        v->items[v->n++] = (form_item){.kind = FI_GRID, .chips = v->dur, .nchips = nd,
                                       .style = WS_RADIO};
    }
    if (asks & DETAIL_FEELINGS) {
        int nq = (int)content_quality_count(s->content);
        for (int i = 0; i < nq; i++) {
            const pm_choice *c = content_quality(s->content, (size_t)i);
            snprintf(v->qual_id[i], sizeof v->qual_id[i], "quality_%s", c->id);
            v->qual[i] = (chip){v->qual_id[i], T(s, c->label_key), EV_TOGGLE_QUALITY, i,
                                (v->mark->qualities >> i & 1u) != 0, 0};
        }
        v->items[v->n++] = (form_item){.kind = FI_LABEL, .text = T(s, "ui.details.qualities")};
        v->items[v->n++] = (form_item){.kind = FI_CHIPS, .chips = v->qual, .nchips = nq,
                                       .style = WS_CHOICE};
    }
}

static frame_spec spec(screen_ctx *s, details_view *v)
{
    return (frame_spec){v->title, "ui.next", true, s->v->large_text};
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    details_view v;
    gather(s, &v);
    frame_spec f = spec(s, &v);
    frame_middle same = {"ui.details.same_as", "same_as_last", EV_SAME_AS_LAST, 0};
    SDL_Rect b = frame_layout_mid(s, &f, flow_same_as_offered(s->flow) ? &same : NULL);
    form_layout(s, b, v.items, v.n);
}

static void draw(screen_ctx *s)
{
    details_view v;
    gather(s, &v);
    frame_spec f = spec(s, &v);
    frame_draw(s, &f);
    form_draw(s, s->v->body, v.items, v.n);
}

const screen_ops screen_details = {layout, draw, NULL};
