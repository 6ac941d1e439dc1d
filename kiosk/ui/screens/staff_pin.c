/* staff_pin.c — the PIN pad: big keys, dots for the digits typed, and
 * under them what happened (wrong, locked with a count-down, not set up). */
#include <stdio.h>

#include "ui/screens/staff_ui.h"

static bool landscape(const screen_ctx *s) { return s->lw > s->lh; }

typedef struct {
    SDL_Rect info, pad;
} pin_geo;

static pin_geo arrange(screen_ctx *s, SDL_Rect b)
{
    pin_geo g;
    if (landscape(s)) {
        int iw = b.w * 45 / 100;
        g.info = (SDL_Rect){b.x, b.y, iw, b.h};
        g.pad = (SDL_Rect){b.x + iw + px(s->r, 16), b.y, b.w - iw - px(s->r, 16), b.h};
        if (g.pad.w > px(s->r, 420)) {
            g.pad.x += g.pad.w - px(s->r, 420);
            g.pad.w = px(s->r, 420);
        }
    } else {
        int ih = b.h * 32 / 100;
        g.info = (SDL_Rect){b.x, b.y, b.w, ih};
        g.pad = (SDL_Rect){b.x, b.y + ih + px(s->r, 10), b.w, b.h - ih - px(s->r, 10)};
    }
    return g;
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    staff_button cancel = {"cancel", TS(s, "staff.cancel"), WS_SECONDARY, DESK_EV_BACK, 0, false};
    SDL_Rect b = staff_frame_layout(s, false, &cancel, 1);
    pin_geo g = arrange(s, b);
    bool usable = desk_pin_state_now(s->desk, (desk_clock){s->now, 0}) != DESK_PIN_LOCKED &&
                  desk_pin_state_now(s->desk, (desk_clock){s->now, 0}) != DESK_PIN_NO_PIN;
    int gap = px(s->r, 10);
    int kw = (g.pad.w - 2 * gap) / 3, kh = (g.pad.h - 3 * gap) / 4;
    static const char *const labels[10] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    for (int k = 1; k <= 9; k++) {
        int col = (k - 1) % 3, row = (k - 1) / 3;
        char id[16];
        snprintf(id, sizeof id, "pin_%d", k);
        widget *w = w_desk(s->wl, id, (SDL_Rect){g.pad.x + col * (kw + gap), g.pad.y + row * (kh + gap), kw, kh},
                           WS_KEY, labels[k], DESK_EV_DIGIT, k);
        w->muted = !usable;
    }
    int y3 = g.pad.y + 3 * (kh + gap);
    w_desk(s->wl, "pin_erase", (SDL_Rect){g.pad.x, y3, kw, kh}, WS_SECONDARY, TS(s, "staff.pin.erase"),
           DESK_EV_ERASE, 0);
    w_desk(s->wl, "pin_0", (SDL_Rect){g.pad.x + kw + gap, y3, kw, kh}, WS_KEY, labels[0],
           DESK_EV_DIGIT, 0);
    widget *ok = w_desk(s->wl, "pin_ok", (SDL_Rect){g.pad.x + 2 * (kw + gap), y3, kw, kh}, WS_PRIMARY,
                        TS(s, "staff.pin.ok"), DESK_EV_ENTER, 0);
    ok->muted = !usable || desk_pin_digits(s->desk) < PIN_MIN_DIGITS;
}

static void feedback(screen_ctx *s, char *out, size_t size)
{
    desk_clock now = {s->now, 0};
    switch (desk_pin_state_now(s->desk, now)) {
    case DESK_PIN_ENTER:
        snprintf(out, size, "%s", TS(s, "staff.pin.enter"));
        return;
    case DESK_PIN_SHORT:
        tfmt(out, size, TS(s, "staff.pin.short"), PIN_MIN_DIGITS, 0);
        return;
    case DESK_PIN_WRONG: {
        uint32_t left = desk_pin_tries_left(s->desk);
        tfmt(out, size, TS(s, left == 1 ? "staff.pin.wrong_one" : "staff.pin.wrong"), (long)left, 0);
        return;
    }
    case DESK_PIN_LOCKED: {
        uint32_t secs = desk_pin_seconds_left(s->desk, now);
        char mmss[16];
        snprintf(mmss, sizeof mmss, "%u:%02u", (unsigned)(secs / 60), (unsigned)(secs % 60));
        tfmt_s(out, size, TS(s, "staff.pin.locked"), mmss);
        return;
    }
    case DESK_PIN_NO_PIN:
        snprintf(out, size, "%s", TS(s, "staff.pin.no_pin"));
        return;
    }
}

static void draw(screen_ctx *s)
{
    staff_frame_draw(s, TS(s, "staff.pin.title"));
    pin_geo g = arrange(s, s->v->body);
    SDL_Rect in = g.info;
    int y = in.y + px(s->r, 6);
    /* The dots: one per digit typed, in a row of PIN_MAX_DIGITS places. */
    int dot = px(s->r, 13), step = px(s->r, 34);
    int n = (int)desk_pin_digits(s->desk);
    int rowx = in.x + (in.w - (PIN_MAX_DIGITS - 1) * step) / 2;
    int cy = y + px(s->r, 30);
    for (int i = 0; i < PIN_MAX_DIGITS; i++) {
        float cx = (float)(rowx + i * step);
        if (i < n)
            r_circle(s->r, cx, (float)cy, (float)dot, COL_INK, 255);
        else if (i < PIN_MIN_DIGITS || i == n)
            r_circle(s->r, cx, (float)cy, (float)dot * 0.45f, COL_LINE, 255);
    }
    y = cy + px(s->r, 34);
    char line[PM_MSG_MAX];
    if (s->v->desk_checking)
        snprintf(line, sizeof line, "%s", TS(s, "staff.pin.checking"));
    else
        feedback(s, line, sizeof line);
    desk_pin_state st = desk_pin_state_now(s->desk, (desk_clock){s->now, 0});
    int fh = in.y + in.h - y;
    if (fh > px(s->r, 130))
        fh = px(s->r, 130);
    SDL_Rect fr = {in.x, y, in.w, fh};
    if (!s->v->desk_checking && (st == DESK_PIN_LOCKED || st == DESK_PIN_NO_PIN || st == DESK_PIN_WRONG))
        notice_draw(s->r, fr, line);
    else
        t_box(s->r, fr, line, FONT_BODY, false, COL_INK, AL_CENTRE, false);
}

const screen_ops staff_pin_screen = {layout, draw, NULL, NULL};
