/* staff_frame.c — the frame and small pieces every staff screen shares. */
#include <stdio.h>
#include <time.h>

#include "ui/screens/staff_ui.h"

static int bar_h(const app *a) { return px(a, 52); }
static int foot_h(const app *a) { return px(a, 80); }

SDL_Rect staff_body(const app *a, bool footer)
{
    int m = px(a, 14);
    int top = bar_h(a) + px(a, 8);
    int bottom = a->lh - (footer ? foot_h(a) : px(a, 8));
    return (SDL_Rect){m, top, a->lw - 2 * m, bottom - top};
}

SDL_Rect staff_frame_layout(app *a, bool lock, const staff_button *b, int n)
{
    int m = px(a, 14);
    if (lock) {
        int lw = px(a, 120), lh = bar_h(a) - px(a, 10);
        w_desk(a, "lock", (SDL_Rect){a->lw - m - lw, px(a, 5), lw, lh}, WS_SECONDARY,
               TS(a, "staff.lock"), DESK_EV_LEAVE, 0);
    }
    if (n > 0) {
        int bh = px(a, 60), gap = px(a, 10);
        int y = a->lh - foot_h(a) + (foot_h(a) - bh) / 2;
        int bw = (a->lw - 2 * m - (n - 1) * gap) / n;
        if (bw > px(a, 260))
            bw = px(a, 260);
        /* The first button (the way back) sits left, the others right. */
        for (int i = 0; i < n; i++) {
            int x = i == 0 ? m : a->lw - m - (n - i) * bw - (n - 1 - i) * gap;
            widget *w = w_desk(a, b[i].id, (SDL_Rect){x, y, bw, bh}, b[i].style, b[i].label,
                               b[i].ev, b[i].arg);
            w->muted = b[i].muted;
        }
    }
    a->body = staff_body(a, n > 0);
    return a->body;
}

void staff_frame_draw(app *a, const char *title)
{
    r_rect(a, (SDL_Rect){0, 0, a->lw, bar_h(a)}, COL_INK);
    int m = px(a, 14);
    const widget *lock = app_widget(a, "lock");
    int right = lock ? lock->r.x - m : a->lw - m;
    /* "Staff" in a small outlined tag, so nobody mistakes this for the
     * client's screens. */
    const char *tag = TS(a, "staff.tag");
    int tw = t_width(a, tag, font_px(a, FONT_SMALL), true) + px(a, 16);
    SDL_Rect tr = {m, px(a, 12), tw, bar_h(a) - px(a, 24)};
    r_round_frame(a, tr, px(a, 6), 2, 0xFFFFFF, COL_INK);
    t_box(a, tr, tag, FONT_SMALL, true, 0xFFFFFF, AL_CENTRE, true);
    int x = tr.x + tr.w + px(a, 12);
    t_box(a, (SDL_Rect){x, 0, right - x, bar_h(a)}, title, FONT_BUTTON, true, 0xFFFFFF, AL_LEFT,
          true);
}

void staff_time(const app *a, int64_t t, char *out, size_t size)
{
    time_t tt = (time_t)t, nt = (time_t)app_wall_time(a);
    struct tm tm, now;
    localtime_r(&tt, &tm);
    localtime_r(&nt, &now);
    struct tm yest = now;
    yest.tm_mday -= 1;
    yest.tm_hour = 12;
    time_t yt = mktime(&yest);
    localtime_r(&yt, &yest);
    if (tm.tm_year == now.tm_year && tm.tm_yday == now.tm_yday)
        snprintf(out, size, "%s %02d:%02d", TS(a, "staff.today"), tm.tm_hour, tm.tm_min);
    else if (tm.tm_year == yest.tm_year && tm.tm_yday == yest.tm_yday)
        snprintf(out, size, "%s %02d:%02d", TS(a, "staff.yesterday"), tm.tm_hour, tm.tm_min);
    else
        staff_date_time(t, out, size);
}

void staff_date_time(int64_t t, char *out, size_t size)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    snprintf(out, size, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min);
}

int staff_badge(app *a, int x, int y, int h, pm_flag f)
{
    if (f == FLAG_NONE)
        return 0;
    const char *label = TS(a, f == FLAG_URGENT ? "staff.badge.urgent" : "staff.badge.attention");
    int size = font_px(a, FONT_SMALL);
    int w = t_width(a, label, size, true) + px(a, 20);
    unsigned bg = f == FLAG_URGENT ? COL_DANGER : COL_CAUTION;
    r_round(a, (SDL_Rect){x, y, w, h}, h / 2, bg);
    t_box(a, (SDL_Rect){x, y, w, h}, label, FONT_SMALL, true,
          f == FLAG_URGENT ? 0xFFFFFF : COL_INK, AL_CENTRE, true);
    return w;
}

/* Two arrow buttons with "2 / 3" between them: no words to translate or
 * to outgrow a small box. */
void staff_pager(app *a, SDL_Rect r)
{
    int bw = r.w * 36 / 100;
    widget *w = w_add(a, "page_up", (SDL_Rect){r.x, r.y, bw, r.h}, WS_SECONDARY, "▲");
    w->act = a->scroll > 0 ? ACT_SCROLL_UP : ACT_NONE;
    w->muted = a->scroll == 0;
    w = w_add(a, "page_down", (SDL_Rect){r.x + r.w - bw, r.y, bw, r.h}, WS_SECONDARY, "▼");
    w->act = a->scroll < a->scroll_max ? ACT_SCROLL_DOWN : ACT_NONE;
    w->muted = a->scroll >= a->scroll_max;
}

void staff_pager_draw(app *a, SDL_Rect r)
{
    int bw = r.w * 36 / 100;
    char n[32];
    snprintf(n, sizeof n, "%d / %d", a->scroll + 1, a->scroll_max + 1);
    t_box(a, (SDL_Rect){r.x + bw, r.y, r.w - 2 * bw, r.h}, n, FONT_BODY, true, COL_MUTED,
          AL_CENTRE, true);
}

const screen_ops *staff_ops_for(desk_screen s)
{
    switch (s) {
    case DESK_PIN: return &staff_pin_screen;
    case DESK_UNLOCK: return &staff_unlock_screen;
    case DESK_QUEUE: return &staff_queue_screen;
    case DESK_INTAKE: return &staff_intake_screen;
    case DESK_CONFIRM_DELETE: return &staff_confirm_screen;
    case DESK_EXPORT:
    case DESK_EXPORTING:
    case DESK_EXPORT_DONE: return &staff_export_screen;
    case DESK_CLOSED: break;
    }
    return &staff_queue_screen;
}
