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
    /* the strength; how long; what it feels like: one column, or on a wide
     * page the strength across the top and the other two side by side */
    form_item top[4], left[2], right[2]; /* top: the scale, how long, the feelings' label and chips */
    int ntop, nleft, nright;
} details_view;

static bool wide(const screen_ctx *s)
{
    return frame_body(s, NULL).w >= px(s->r, 880);
}

static bool tall(screen_ctx *s, const details_view *v)
{
    return s->v->large_text || frame_title_is_long(s, v->title);
}

static void gather(screen_ctx *s, details_view *v, bool allow_sides)
{
    int slot = flow_detail_slot(s->flow);
    const intake *in = flow_intake(s->flow);
    if (slot < 0 || slot >= in->nmarks)
        slot = 0;
    v->mark = &in->marks[slot];
    const pm_region *r = content_region(s->content, (size_t)v->mark->region);
    tfmt_s(v->title, sizeof v->title, T(s, "ui.details.title"), T(s, r->label_key));
    unsigned asks = flow_detail_asks(s->flow);
    bool sides = allow_sides && wide(s) && (asks & DETAIL_DURATION) && (asks & DETAIL_FEELINGS);
    v->ntop = v->nleft = v->nright = 0;
    if (asks & DETAIL_STRENGTH)
        v->top[v->ntop++] = (form_item){.kind = FI_SCALE, .text = T(s, "ui.details.intensity"),
                                        .value = v->mark->intensity};
    if (asks & DETAIL_DURATION) {
        int nd = (int)content_duration_count(s->content);
        for (int i = 0; i < nd; i++) {
            const pm_choice *c = content_duration(s->content, (size_t)i);
            snprintf(v->dur_id[i], sizeof v->dur_id[i], "duration_%s", c->id);
            v->dur[i] = (chip){v->dur_id[i], T(s, c->label_key), EV_SET_DURATION, i,
                               v->mark->duration == i, 0};
        }
        if (sides) {
            v->left[v->nleft++] = (form_item){.kind = FI_LABEL, .text = T(s, "ui.details.duration")};
            v->left[v->nleft++] = (form_item){.kind = FI_GRID, .chips = v->dur, .nchips = nd,
                                              .style = WS_RADIO, .cols = 1};
        } else {
            v->top[v->ntop++] = (form_item){.kind = FI_GRID, .text = T(s, "ui.details.duration"),
                                            .chips = v->dur, .nchips = nd, .style = WS_RADIO};
        }
    }
    if (asks & DETAIL_FEELINGS) {
        int nq = (int)content_quality_count(s->content);
        for (int i = 0; i < nq; i++) {
            const pm_choice *c = content_quality(s->content, (size_t)i);
            snprintf(v->qual_id[i], sizeof v->qual_id[i], "quality_%s", c->id);
            v->qual[i] = (chip){v->qual_id[i], T(s, c->label_key), EV_TOGGLE_QUALITY, i,
                                (v->mark->qualities >> i & 1u) != 0, 0};
        }
        form_item label = {.kind = FI_LABEL, .text = T(s, "ui.details.qualities")};
        if (sides) {
            v->right[v->nright++] = label;
            v->right[v->nright++] = (form_item){.kind = FI_CHIPS, .chips = v->qual, .nchips = nq,
                                                .style = WS_CHOICE};
        } else {
            v->top[v->ntop++] = label;
            v->top[v->ntop++] = (form_item){.kind = FI_CHIPS, .chips = v->qual, .nchips = nq,
                                            .style = WS_CHOICE};
        }
    }
}

/* Where the parts go: the top items in b; on a wide page the how-long
 * column (as wide as its widest choice) and the feelings beside it below. */
static void areas(screen_ctx *s, const details_view *v, SDL_Rect b, SDL_Rect *top, SDL_Rect *left,
                  SDL_Rect *right)
{
    *top = b;
    *left = *right = (SDL_Rect){b.x, b.y + b.h, 0, 0};
    if (!v->nleft)
        return;
    int th = form_height(s, b, v->top, v->ntop) + px(s->r, 10);
    top->h = th;
    int lw = px(s->r, 200);
    for (int i = 0; i < v->left[1].nchips; i++) {
        int w = t_width(s->r, v->left[1].chips[i].label, font_px(s->r, FONT_BODY), true) +
                px(s->r, 60);
        lw = w > lw ? w : lw;
    }
    if (lw > b.w * 30 / 100)
        lw = b.w * 30 / 100;
    int gap = px(s->r, 16);
    *left = (SDL_Rect){b.x, b.y + th, lw, b.h - th};
    *right = (SDL_Rect){b.x + lw + gap, b.y + th, b.w - lw - gap, b.h - th};
}

/* The parts in b: side by side when both columns fit without scrolling
 * (two scrolling columns would be two things to scroll), else one column
 * that scrolls as a whole. */
static void prepare(screen_ctx *s, details_view *v, SDL_Rect b, SDL_Rect *top, SDL_Rect *left,
                    SDL_Rect *right)
{
    gather(s, v, true);
    areas(s, v, b, top, left, right);
    if (v->nleft && (form_height(s, *left, v->left, v->nleft) > left->h ||
                     form_height(s, *right, v->right, v->nright) > right->h)) {
        gather(s, v, false);
        areas(s, v, b, top, left, right);
    }
}

static frame_spec spec(screen_ctx *s, details_view *v)
{
    return (frame_spec){v->title, "ui.next", true, tall(s, v)};
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    details_view v;
    gather(s, &v, true);
    frame_spec f = spec(s, &v);
    frame_middle same = {"ui.details.same_as", "same_as_last", EV_SAME_AS_LAST, 0};
    SDL_Rect b = frame_layout_mid(s, &f, flow_same_as_offered(s->flow) ? &same : NULL);
    SDL_Rect top, left, right;
    prepare(s, &v, b, &top, &left, &right);
    form_layout(s, top, v.top, v.ntop);
    if (v.nleft) {
        form_layout(s, left, v.left, v.nleft);
        form_layout(s, right, v.right, v.nright);
    }
}

static void draw(screen_ctx *s)
{
    details_view v;
    gather(s, &v, true);
    frame_spec f = spec(s, &v);
    frame_draw(s, &f);
    SDL_Rect top, left, right;
    prepare(s, &v, s->v->body, &top, &left, &right);
    form_draw(s, top, v.top, v.ntop);
    if (v.nleft) {
        form_draw(s, left, v.left, v.nleft);
        form_draw(s, right, v.right, v.nright);
    }
}

const screen_ops screen_details = {layout, draw, NULL, NULL};
