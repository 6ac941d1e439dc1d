/* staff_pin.c — the PIN pad: big keys, dots for the digits typed, and
 * under them what happened (wrong, locked with a count-down, not set up). */
#include <stdio.h>

#include "ui/screens/staff_ui.h"

static bool landscape(const app *a) { return a->lw > a->lh; }

typedef struct {
    SDL_Rect info, pad;
} pin_geo;

static pin_geo arrange(app *a, SDL_Rect b)
{
    pin_geo g;
    if (landscape(a)) {
        int iw = b.w * 45 / 100;
        g.info = (SDL_Rect){b.x, b.y, iw, b.h};
        g.pad = (SDL_Rect){b.x + iw + px(a, 16), b.y, b.w - iw - px(a, 16), b.h};
        if (g.pad.w > px(a, 420)) {
            g.pad.x += g.pad.w - px(a, 420);
            g.pad.w = px(a, 420);
        }
    } else {
        int ih = b.h * 32 / 100;
        g.info = (SDL_Rect){b.x, b.y, b.w, ih};
        g.pad = (SDL_Rect){b.x, b.y + ih + px(a, 10), b.w, b.h - ih - px(a, 10)};
    }
    return g;
}

static void layout(app *a)
{
    w_clear(a);
    staff_button cancel = {"cancel", TS(a, "staff.cancel"), WS_SECONDARY, DESK_EV_BACK, 0, false};
    SDL_Rect b = staff_frame_layout(a, false, &cancel, 1);
    pin_geo g = arrange(a, b);
    bool usable = desk_pin_state_now(a->desk, (desk_clock){a->now, 0}) != DESK_PIN_LOCKED &&
                  desk_pin_state_now(a->desk, (desk_clock){a->now, 0}) != DESK_PIN_NO_PIN;
    int gap = px(a, 10);
    int kw = (g.pad.w - 2 * gap) / 3, kh = (g.pad.h - 3 * gap) / 4;
    static const char *const labels[10] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    for (int k = 1; k <= 9; k++) {
        int col = (k - 1) % 3, row = (k - 1) / 3;
        char id[16];
        snprintf(id, sizeof id, "pin_%d", k);
        widget *w = w_desk(a, id, (SDL_Rect){g.pad.x + col * (kw + gap), g.pad.y + row * (kh + gap), kw, kh},
                           WS_KEY, labels[k], DESK_EV_DIGIT, k);
        w->muted = !usable;
    }
    int y3 = g.pad.y + 3 * (kh + gap);
    w_desk(a, "pin_erase", (SDL_Rect){g.pad.x, y3, kw, kh}, WS_SECONDARY, TS(a, "staff.pin.erase"),
           DESK_EV_ERASE, 0);
    w_desk(a, "pin_0", (SDL_Rect){g.pad.x + kw + gap, y3, kw, kh}, WS_KEY, labels[0],
           DESK_EV_DIGIT, 0);
    widget *ok = w_desk(a, "pin_ok", (SDL_Rect){g.pad.x + 2 * (kw + gap), y3, kw, kh}, WS_PRIMARY,
                        TS(a, "staff.pin.ok"), DESK_EV_ENTER, 0);
    ok->muted = !usable || desk_pin_digits(a->desk) < PIN_MIN_DIGITS;
}

static void feedback(app *a, char *out, size_t size)
{
    desk_clock now = {a->now, 0};
    switch (desk_pin_state_now(a->desk, now)) {
    case DESK_PIN_ENTER:
        snprintf(out, size, "%s", TS(a, "staff.pin.enter"));
        return;
    case DESK_PIN_SHORT:
        tfmt(out, size, TS(a, "staff.pin.short"), PIN_MIN_DIGITS, 0);
        return;
    case DESK_PIN_WRONG: {
        uint32_t left = desk_pin_tries_left(a->desk);
        tfmt(out, size, TS(a, left == 1 ? "staff.pin.wrong_one" : "staff.pin.wrong"), (long)left, 0);
        return;
    }
    case DESK_PIN_LOCKED: {
        uint32_t s = desk_pin_seconds_left(a->desk, now);
        char mmss[16];
        snprintf(mmss, sizeof mmss, "%u:%02u", (unsigned)(s / 60), (unsigned)(s % 60));
        tfmt_s(out, size, TS(a, "staff.pin.locked"), mmss);
        return;
    }
    case DESK_PIN_NO_PIN:
        snprintf(out, size, "%s", TS(a, "staff.pin.no_pin"));
        return;
    }
}

static void draw(app *a)
{
    staff_frame_draw(a, TS(a, "staff.pin.title"));
    pin_geo g = arrange(a, a->body);
    SDL_Rect in = g.info;
    int y = in.y + px(a, 6);
    /* The dots: one per digit typed, in a row of PIN_MAX_DIGITS places. */
    int dot = px(a, 13), step = px(a, 34);
    int n = (int)desk_pin_digits(a->desk);
    int rowx = in.x + (in.w - (PIN_MAX_DIGITS - 1) * step) / 2;
    int cy = y + px(a, 30);
    for (int i = 0; i < PIN_MAX_DIGITS; i++) {
        float cx = (float)(rowx + i * step);
        if (i < n)
            r_circle(a, cx, (float)cy, (float)dot, COL_INK, 255);
        else if (i < PIN_MIN_DIGITS || i == n)
            r_circle(a, cx, (float)cy, (float)dot * 0.45f, COL_LINE, 255);
    }
    y = cy + px(a, 34);
    char line[PM_MSG_MAX];
    if (a->desk_checking)
        snprintf(line, sizeof line, "%s", TS(a, "staff.pin.checking"));
    else
        feedback(a, line, sizeof line);
    desk_pin_state st = desk_pin_state_now(a->desk, (desk_clock){a->now, 0});
    int fh = in.y + in.h - y;
    if (fh > px(a, 130))
        fh = px(a, 130);
    SDL_Rect fr = {in.x, y, in.w, fh};
    if (!a->desk_checking && (st == DESK_PIN_LOCKED || st == DESK_PIN_NO_PIN || st == DESK_PIN_WRONG))
        notice_draw(a, fr, line);
    else
        t_box(a, fr, line, FONT_BODY, false, COL_INK, AL_CENTRE, false);
}

const screen_ops staff_pin_screen = {layout, draw, NULL};
