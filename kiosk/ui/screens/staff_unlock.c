/* staff_unlock.c — the staff passphrase, when intakes are sealed at rest
 * (core/records/seal.h): dots for the letters typed, what happened, and a
 * keyboard of the letters a-z and a space bar (the passphrase's alphabet:
 * case and accents do not count). The letters are the desk's; nothing here
 * keeps them. */
#include <stdio.h>
#include <string.h>

#include "ui/keyboard.h"
#include "ui/screens/staff_ui.h"

/* The strip with the dots and the message above the keyboard. */
static SDL_Rect info_rect(const screen_ctx *s, SDL_Rect b)
{
    int h = s->lw > s->lh ? b.h * 34 / 100 : b.h * 30 / 100;
    return (SDL_Rect){b.x, b.y, b.w, h};
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    desk_unlock_state st = desk_unlock_state_now(s->desk);
    staff_button b[2] = {
        {"cancel", TS(s, "staff.cancel"), WS_SECONDARY, DESK_EV_BACK, 0, false},
        {"unlock_ok", TS(s, "staff.unlock.ok"), WS_PRIMARY, DESK_EV_ENTER, 0,
         desk_unlock_letters(s->desk) == 0 || st == DESK_UNLOCK_BROKEN},
    };
    SDL_Rect body = staff_frame_layout(s, false, b, 2);
    SDL_Rect info = info_rect(s, body);
    int top = info.y + info.h + px(s->r, 6);
    int gap = px(s->r, 6);
    int kh = (body.y + body.h - top - 3 * gap) / KB_ROWS;
    if (kh > px(s->r, 62))
        kh = px(s->r, 62);
    int half = body.w / KB_HALF_COLUMNS;
    for (int r = 0; r < KB_ROWS; r++) {
        int n = 0;
        const kb_key *keys = kb_row(KB_WIDE, 0, r, &n);
        /* the letters a-z, the space bar and delete only */
        int span = 0;
        for (int i = 0; i < n; i++) {
            const kb_key *k = &keys[i];
            bool letter = k->kind == KEY_CHAR && k->lower[0] >= 'a' && k->lower[0] <= 'z' &&
                          !k->lower[1];
            if (letter || k->kind == KEY_SPACE || k->kind == KEY_BACKSPACE)
                span += k->span;
        }
        int x = body.x + (body.w - span * half) / 2;
        int y = top + r * (kh + gap);
        for (int i = 0; i < n; i++) {
            const kb_key *k = &keys[i];
            bool letter = k->kind == KEY_CHAR && k->lower[0] >= 'a' && k->lower[0] <= 'z' &&
                          !k->lower[1];
            if (!letter && k->kind != KEY_SPACE && k->kind != KEY_BACKSPACE)
                continue;
            SDL_Rect kr = {x + gap / 2, y, k->span * half - gap, kh};
            x += k->span * half;
            if (k->kind == KEY_BACKSPACE)
                w_desk(s->wl, k->id, kr, WS_KEY, TS(s, "ui.key.delete"), DESK_EV_ERASE, 0);
            else if (k->kind == KEY_SPACE)
                w_desk(s->wl, k->id, kr, WS_KEY, TS(s, "ui.key.space"), DESK_EV_CHAR, ' ');
            else
                w_desk(s->wl, k->id, kr, WS_KEY, k->lower, DESK_EV_CHAR, k->lower[0]);
        }
    }
}

static void draw(screen_ctx *s)
{
    staff_frame_draw(s, TS(s, "staff.unlock.title"));
    SDL_Rect in = info_rect(s, s->v->body);
    /* a dot per letter, up to a row's width (the count is not a secret
     * worth more than staff's own check of what they typed) */
    int n = (int)desk_unlock_letters(s->desk);
    int dot = px(s->r, 7), step = px(s->r, 20);
    int room = (in.w - 2 * step) / step;
    int shown = n < room ? n : room;
    int rowx = in.x + (in.w - (shown > 0 ? shown - 1 : 0) * step) / 2;
    int cy = in.y + px(s->r, 22);
    for (int i = 0; i < shown; i++)
        r_circle(s->r, (float)(rowx + i * step), (float)cy, (float)dot, COL_INK, 255);
    if (n == 0)
        r_circle(s->r, (float)(in.x + in.w / 2), (float)cy, (float)dot * 0.45f, COL_LINE, 255);
    char line[PM_MSG_MAX];
    desk_unlock_state st = desk_unlock_state_now(s->desk);
    if (s->v->desk_checking) {
        snprintf(line, sizeof line, "%s", TS(s, "staff.unlock.checking"));
    } else if (st == DESK_UNLOCK_WRONG) {
        uint32_t left = desk_pin_tries_left(s->desk);
        tfmt(line, sizeof line, TS(s, left == 1 ? "staff.unlock.wrong_one" : "staff.unlock.wrong"),
             (long)left, 0);
    } else if (st == DESK_UNLOCK_BROKEN) {
        tfmt_s(line, sizeof line, TS(s, "staff.unlock.broken"), desk_message(s->desk));
    } else {
        snprintf(line, sizeof line, "%s", TS(s, "staff.unlock.enter"));
    }
    SDL_Rect fr = {in.x, cy + px(s->r, 18), in.w, in.y + in.h - cy - px(s->r, 18)};
    if (!s->v->desk_checking && st != DESK_UNLOCK_ENTER)
        notice_draw(s->r, fr, line);
    else
        t_box(s->r, fr, line, FONT_BODY, false, COL_INK, AL_CENTRE, false);
}

const screen_ops staff_unlock_screen = {layout, draw, NULL, NULL};
