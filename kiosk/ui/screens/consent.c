/* consent.c — the consent words and a signature drawn with a finger:
 * signing is agreeing (the words say so, as on paper), one act rather than
 * a tick and a signature. Clear takes both back. Strokes go to the intake
 * in pad space (INTAKE_SIG_W x INTAKE_SIG_H), so the summary can show them
 * at any size. */
#include "intake.h"
#include "ui/screens/frame.h"

typedef struct {
    SDL_Rect text, pad, clear;
} consent_geo;

static consent_geo arrange(screen_ctx *s)
{
    SDL_Rect b = s->v->body;
    consent_geo g;
    int bh = px(s->r, 56), gap = px(s->r, 12), label = px(s->r, s->v->large_text ? 60 : 32);
    int cw = px(s->r, 150);
    if (s->lw >= s->lh) {
        int lw = b.w * 44 / 100;
        g.text = (SDL_Rect){b.x, b.y, lw, b.h};
        int rx = b.x + lw + gap * 2, rw = b.w - lw - gap * 2;
        g.clear = (SDL_Rect){rx + rw - cw, b.y + b.h - bh, cw, bh};
        g.pad = (SDL_Rect){rx, b.y + label, rw, b.h - bh - gap - label};
    } else {
        g.text = (SDL_Rect){b.x, b.y, b.w, b.h * 36 / 100};
        int py = g.text.y + g.text.h + gap + label;
        g.clear = (SDL_Rect){b.x + b.w - cw, b.y + b.h - bh, cw, bh};
        g.pad = (SDL_Rect){b.x, py, b.w, g.clear.y - gap - py};
    }
    /* Keep the pad's shape close to the stored aspect (5:2), so strokes are
     * not distorted. */
    int want_h = g.pad.w * INTAKE_SIG_H / INTAKE_SIG_W;
    if (want_h < g.pad.h) {
        g.pad.h = want_h;
    } else {
        int want_w = g.pad.h * INTAKE_SIG_W / INTAKE_SIG_H;
        g.pad.x += (g.pad.w - want_w) / 2;
        g.pad.w = want_w;
    }
    return g;
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    frame_spec f = {T(s, "ui.consent.title"), "ui.next", true, false};
    frame_layout(s, &f);
    consent_geo g = arrange(s);
    widget *p = w_add(s->wl, "signature", g.pad, WS_HIDDEN, NULL);
    p->act = ACT_AREA;
    w_flow(s->wl, "sig_clear", g.clear, WS_SECONDARY, T(s, "ui.consent.clear"), EV_SIG_CLEAR, 0);
}

static SDL_FPoint to_screen(SDL_Rect pad, const intake_sig_point *p)
{
    return (SDL_FPoint){pad.x + (float)p->x * pad.w / INTAKE_SIG_W,
                        pad.y + (float)p->y * pad.h / INTAKE_SIG_H};
}

/* Point i of the signature: a dot, and the stroke from the point before. */
static void ink_point(screen_ctx *s, SDL_Rect pad, const intake *in, size_t i)
{
    float w = (float)px(s->r, 3);
    SDL_FPoint p = to_screen(pad, &in->sig[i]);
    r_circle(s->r, p.x, p.y, w / 2, COL_INK, 255);
    if (i > 0 && !in->sig[i].starts_stroke) {
        SDL_FPoint q = to_screen(pad, &in->sig[i - 1]);
        r_line(s->r, q.x, q.y, p.x, p.y, w, COL_INK, 255);
    }
}

static void draw(screen_ctx *s)
{
    frame_spec f = {T(s, "ui.consent.title"), "ui.next", true, false};
    frame_draw(s, &f);
    consent_geo g = arrange(s);
    const char *t[2] = {T(s, "ui.consent.text"), T(s, "ui.consent.text2")};
    text_paras(s->r, g.text, t, NULL, 2, FONT_BODY);
    int lh = px(s->r, s->v->large_text ? 60 : 32);
    t_box(s->r, (SDL_Rect){g.pad.x, g.pad.y - lh, g.pad.w, lh - px(s->r, 2)},
          T(s, "ui.consent.sign_here"), FONT_BODY, true, COL_INK, AL_LEFT, true);
    r_round_frame(s->r, g.pad, px(s->r, 10), px(s->r, 2) < 2 ? 2 : px(s->r, 2), COL_LINE,
                  COL_SURFACE);
    /* a signing line */
    int ly = g.pad.y + g.pad.h * 3 / 4;
    r_line(s->r, g.pad.x + px(s->r, 20), (float)ly, g.pad.x + g.pad.w - px(s->r, 20), (float)ly, 1.5f,
           COL_LINE, 255);
    const intake *in = flow_intake(s->flow);
    r_clip(s->r, &g.pad);
    for (size_t i = 0; i < in->nsig; i++)
        ink_point(s, g.pad, in, i);
    r_clip(s->r, NULL);
}

/* The last point drawn over the frame as it is: the ink is opaque, so the
 * order it is laid down in changes no pixel. */
static void ink(screen_ctx *s)
{
    const intake *in = flow_intake(s->flow);
    if (!in->nsig)
        return;
    consent_geo g = arrange(s);
    r_clip(s->r, &g.pad);
    ink_point(s, g.pad, in, in->nsig - 1);
    r_clip(s->r, NULL);
}

/* A finger on the pad: a point of the signature, in pad space (starts: a
 * new stroke). */
static bool area(screen_ctx *s, const widget *w, int x, int y, bool starts, flow_event *ev)
{
    (void)s;
    SDL_Rect pad = w->r;
    if (pad.w <= 0 || pad.h <= 0)
        return false;
    *ev = (flow_event){.type = EV_SIG_POINT, .arg = starts ? 1 : 0};
    ev->x = (int)((long)(x - pad.x) * INTAKE_SIG_W / pad.w);
    ev->y = (int)((long)(y - pad.y) * INTAKE_SIG_H / pad.h);
    return true;
}

const screen_ops screen_consent = {layout, draw, area, ink};
