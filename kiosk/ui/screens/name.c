/* name.c — the client's name on an on-screen keyboard (no physical keyboard
 * is assumed): letters, accented letters, shift, space, delete, and a
 * visible caret. */
#include <stdio.h>
#include <string.h>

#include "intake.h"
#include "ui/keyboard.h"
#include "ui/render.h"
#include "ui/screens/screens.h"

static SDL_Rect field(const app *a)
{
    return (SDL_Rect){a->body.x, a->body.y, a->body.w, px(a, 62)};
}

static void layout(app *a)
{
    w_clear(a);
    frame_spec f = {T(a, "ui.name.title"), "ui.next", true, false};
    SDL_Rect b = frame_layout(a, &f);
    SDL_Rect fr = field(a);
    int top = fr.y + fr.h + px(a, 12);
    int gap = px(a, 6);
    int kh = (b.y + b.h - top - 3 * gap) / KB_ROWS;
    if (kh > px(a, 66))
        kh = px(a, 66);
    int half = b.w / KB_HALF_COLUMNS;
    int layer = a->kb.layer;
    for (int r = 0; r < KB_ROWS; r++) {
        int n = 0;
        const kb_key *keys = kb_row(layer, r, &n);
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
                w = w_add(a, k->id, kr, WS_KEY,
                          k->kind == KEY_SPACE ? T(a, "ui.key.space")
                                               : (a->kb.shift ? k->upper : k->lower));
                w->act = ACT_KEY;
                snprintf(w->text, sizeof w->text, "%s", a->kb.shift ? k->upper : k->lower);
                break;
            case KEY_SHIFT:
                w = w_add(a, k->id, kr, WS_KEY, T(a, a->kb.shift ? "ui.key.lower" : "ui.key.upper"));
                w->act = ACT_KEY_SHIFT;
                w->selected = a->kb.shift;
                break;
            case KEY_LAYER:
                w = w_add(a, k->id, kr, WS_KEY, T(a, layer ? "ui.key.letters" : "ui.key.accents"));
                w->act = ACT_KEY_LAYER;
                w->selected = layer != 0;
                break;
            case KEY_BACKSPACE:
                w_flow(a, k->id, kr, WS_KEY, T(a, "ui.key.delete"), EV_BACKSPACE, 0);
                break;
            }
        }
    }
}

static void draw(app *a)
{
    frame_spec f = {T(a, "ui.name.title"), "ui.next", true, false};
    frame_draw(a, &f);
    SDL_Rect fr = field(a);
    r_round_frame(a, fr, px(a, 10), px(a, 3), COL_PRIMARY, COL_SURFACE);
    const char *name = flow_intake(a->flow)->name;
    int size = font_px(a, FONT_TITLE);
    int pad = px(a, 16);
    int tw = t_width(a, name, size, false);
    int room = fr.w - 2 * pad - px(a, 6);
    int x = fr.x + pad;
    int th = t_height(a, size, false);
    int ty = fr.y + (fr.h - th) / 2;
    SDL_Rect inner = {fr.x + pad, fr.y, fr.w - 2 * pad, fr.h};
    SDL_RenderSetClipRect(a->ren, &inner);
    if (tw > room)
        x -= tw - room; /* keep the end (and the caret) in view */
    if (*name) {
        t_line(a, x, ty, name, size, false, COL_INK);
    } else {
        t_line(a, x + px(a, 10), ty, T(a, "ui.name.placeholder"), size, false, 0x6B7A84);
    }
    SDL_RenderSetClipRect(a->ren, NULL);
    /* the caret */
    int cx = x + tw + px(a, 2);
    r_rect(a, (SDL_Rect){cx, fr.y + px(a, 12), px(a, 3) > 2 ? px(a, 3) : 2, fr.h - px(a, 24)},
           COL_PRIMARY);
}

const screen_ops screen_name = {layout, draw, NULL};
