/* name.c — the client's name on an on-screen keyboard (no physical keyboard
 * is assumed): letters, accented letters, shift, space, delete, and a
 * visible caret. */
#include <stdio.h>
#include <string.h>

#include "intake.h"
#include "ui/keyboard.h"
#include "ui/screens/frame.h"

static SDL_Rect field(const screen_ctx *s)
{
    return (SDL_Rect){s->v->body.x, s->v->body.y, s->v->body.w, px(s->r, 62)};
}

/* The keys as on a laptop where a letter key is a finger wide (48 units)
 * in the body's width; else each row cut in two (a panel turned upright). */
static kb_shape shape_for(screen_ctx *s, int width)
{
    int letter = 2 * (width / KB_HALF_COLUMNS) - px(s->r, 6);
    return letter >= px(s->r, 48) ? KB_WIDE : KB_TALL;
}

/* Where the keys end in the body b. Upright, above where the "type your
 * name" hint shows (frame_draw: full width over the page's end on a narrow
 * panel), so it never covers the space bar and nothing moves when it shows. */
static int keys_bottom(screen_ctx *s, SDL_Rect b, kb_shape shape)
{
    return b.y + b.h - (shape == KB_TALL ? px(s->r, 76) : 0);
}

/* The title, unless it leaves keys under 48 units high (larger text on a
 * small panel): then the field's "Your name" asks alone. */
static frame_spec spec(screen_ctx *s)
{
    frame_spec f = {T(s, "ui.name.title"), "ui.next", true, false};
    SDL_Rect b = frame_body(s, &f);
    int top = b.y + px(s->r, 62) + px(s->r, 12);
    kb_shape shape = shape_for(s, b.w);
    int rows = kb_rows(shape);
    int bottom = keys_bottom(s, b, shape);
    if ((bottom - top - (rows - 1) * px(s->r, 6)) / rows < px(s->r, 48))
        f.title = NULL;
    return f;
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    frame_spec f = spec(s);
    SDL_Rect b = frame_layout(s, &f);
    SDL_Rect fr = field(s);
    int top = fr.y + fr.h + px(s->r, 12);
    int gap = px(s->r, 6);
    kb_shape shape = shape_for(s, b.w);
    int rows = kb_rows(shape);
    int bottom = keys_bottom(s, b, shape);
    int kh = (bottom - top - (rows - 1) * gap) / rows;
    if (kh > px(s->r, 66))
        kh = px(s->r, 66);
    int half = b.w / kb_half_columns(shape);
    if (shape == KB_TALL && half > px(s->r, 40))
        half = px(s->r, 40); /* keys no wider than tall on a wide upright panel */
    int layer = s->v->kb.layer;
    for (int r = 0; r < rows; r++) {
        int n = 0;
        const kb_key *keys = kb_row(shape, layer, r, &n);
        int span = 0;
        for (int i = 0; i < n; i++)
            span += keys[i].span;
        int x = b.x + (b.w - span * half) / 2;
        int y = top + r * (kh + gap);
        for (int i = 0; i < n; i++) {
            const kb_key *k = &keys[i];
            SDL_Rect kr = {x + gap / 2, y, k->span * half - gap, kh};
            x += k->span * half;
            widget *w;
            switch (k->kind) {
            case KEY_CHAR:
            case KEY_SPACE:
                w = w_add(s->wl, k->id, kr, WS_KEY,
                          k->kind == KEY_SPACE ? T(s, "ui.key.space")
                                               : (s->v->kb.shift ? k->upper : k->lower));
                w->act = ACT_KEY;
                snprintf(w->text, sizeof w->text, "%s", s->v->kb.shift ? k->upper : k->lower);
                break;
            case KEY_SHIFT:
                w = w_add(s->wl, k->id, kr, WS_KEY, T(s, s->v->kb.shift ? "ui.key.lower" : "ui.key.upper"));
                w->act = ACT_KEY_SHIFT;
                w->selected = s->v->kb.shift;
                break;
            case KEY_LAYER:
                w = w_add(s->wl, k->id, kr, WS_KEY, T(s, layer ? "ui.key.letters" : "ui.key.accents"));
                w->act = ACT_KEY_LAYER;
                w->selected = layer != 0;
                break;
            case KEY_BACKSPACE:
                w_flow(s->wl, k->id, kr, WS_KEY, T(s, "ui.key.delete"), EV_BACKSPACE, 0);
                break;
            }
        }
    }
}

static void draw(screen_ctx *s)
{
    frame_spec f = spec(s);
    frame_draw(s, &f);
    SDL_Rect fr = field(s);
    r_round_frame(s->r, fr, px(s->r, 10), px(s->r, 3), COL_PRIMARY, COL_SURFACE);
    const char *name = flow_intake(s->flow)->name;
    int size = font_px(s->r, FONT_TITLE);
    int pad = px(s->r, 16);
    int tw = t_width(s->r, name, size, false);
    int room = fr.w - 2 * pad - px(s->r, 6);
    int x = fr.x + pad;
    int th = t_height(s->r, size, false);
    int ty = fr.y + (fr.h - th) / 2;
    SDL_Rect inner = {fr.x + pad, fr.y, fr.w - 2 * pad, fr.h};
    r_clip(s->r, &inner);
    if (tw > room)
        x -= tw - room; /* keep the end (and the caret) in view */
    if (*name) {
        t_line(s->r, x, ty, name, size, false, COL_INK);
    } else {
        t_line(s->r, x + px(s->r, 10), ty, T(s, "ui.name.placeholder"), size, false, 0x6B7A84);
    }
    r_clip(s->r, NULL);
    /* the caret */
    int cx = x + tw + px(s->r, 2);
    r_rect(s->r, (SDL_Rect){cx, fr.y + px(s->r, 12), px(s->r, 3) > 2 ? px(s->r, 3) : 2, fr.h - px(s->r, 24)},
           COL_PRIMARY);
}

const screen_ops screen_name = {layout, draw, NULL, NULL};
