/* staff_frame.c — the frame and small pieces every staff screen shares. */
#include <stdio.h>
#include <time.h>

#include "ui/screens/staff_ui.h"

static int bar_h(const screen_ctx *s) { return px(s->r, 52); }
static int foot_h(const screen_ctx *s) { return px(s->r, 80); }

SDL_Rect staff_body(const screen_ctx *s, bool footer)
{
    int m = px(s->r, 14);
    int top = bar_h(s) + px(s->r, 8);
    int bottom = s->lh - (footer ? foot_h(s) : px(s->r, 8));
    return (SDL_Rect){m, top, s->lw - 2 * m, bottom - top};
}

SDL_Rect staff_frame_layout(screen_ctx *s, bool lock, const staff_button *b, int n)
{
    int m = px(s->r, 14);
    if (lock) {
        int lw = px(s->r, 120), lh = bar_h(s) - px(s->r, 10);
        w_desk(s->wl, "lock", (SDL_Rect){s->lw - m - lw, px(s->r, 5), lw, lh}, WS_SECONDARY,
               TS(s, "staff.lock"), DESK_EV_LEAVE, 0);
    }
    if (n > 0) {
        int bh = px(s->r, 60), gap = px(s->r, 10);
        int y = s->lh - foot_h(s) + (foot_h(s) - bh) / 2;
        int bw = (s->lw - 2 * m - (n - 1) * gap) / n;
        if (bw > px(s->r, 260))
            bw = px(s->r, 260);
        /* The first button (the way back) sits left, the others right. */
        for (int i = 0; i < n; i++) {
            int x = i == 0 ? m : s->lw - m - (n - i) * bw - (n - 1 - i) * gap;
            widget *w = w_desk(s->wl, b[i].id, (SDL_Rect){x, y, bw, bh}, b[i].style, b[i].label,
                               b[i].ev, b[i].arg);
            w->muted = b[i].muted;
        }
    }
    s->v->body = staff_body(s, n > 0);
    return s->v->body;
}

/* Whether text fits box at role's size or down to three quarters of it
 * (as t_box tries), words kept whole. */
static bool fits_somehow(screen_ctx *s, SDL_Rect box, const char *text, font_role role)
{
    int size = font_px(s->r, role), minimum = size * 3 / 4;
    bool fits = false;
    for (; size >= minimum && !fits; size -= 1 + size / 24)
        t_box_px(s->r, box, text, size, true, 0, AL_LEFT, true, false, &fits);
    return fits;
}

void staff_frame_draw(screen_ctx *s, const char *title)
{
    r_rect(s->r, (SDL_Rect){0, 0, s->lw, bar_h(s)}, COL_INK);
    int m = px(s->r, 14);
    const widget *lock = w_find(s->wl, "lock");
    int right = lock ? lock->r.x - m : s->lw - m;
    /* "Staff" in a small outlined tag, so nobody mistakes this for the
     * client's screens. */
    const char *tag = TS(s, "staff.tag");
    int tw = t_width(s->r, tag, font_px(s->r, FONT_SMALL), true) + px(s->r, 16);
    SDL_Rect tr = {m, px(s->r, 12), tw, bar_h(s) - px(s->r, 24)};
    r_round_frame(s->r, tr, px(s->r, 6), 2, 0xFFFFFF, COL_INK);
    t_box(s->r, tr, tag, FONT_SMALL, true, 0xFFFFFF, AL_CENTRE, true);
    int x = tr.x + tr.w + px(s->r, 12);
    SDL_Rect box = {x, 0, right - x, bar_h(s)};
    /* A client's name as the title (the intake screen) may be as long as
     * the keyboard allows: smaller type when the bar's size cannot hold it
     * in two lines, rather than cut. */
    font_role role = fits_somehow(s, box, title, FONT_BUTTON) ? FONT_BUTTON : FONT_SMALL;
    t_box(s->r, box, title, role, true, 0xFFFFFF, AL_LEFT, true);
}

void staff_time(const screen_ctx *s, int64_t t, char *out, size_t size)
{
    time_t tt = (time_t)t, nt = (time_t)s->wall;
    struct tm tm, now;
    localtime_r(&tt, &tm);
    localtime_r(&nt, &now);
    struct tm yest = now;
    yest.tm_mday -= 1;
    yest.tm_hour = 12;
    time_t yt = mktime(&yest);
    localtime_r(&yt, &yest);
    if (tm.tm_year == now.tm_year && tm.tm_yday == now.tm_yday)
        snprintf(out, size, "%s %02d:%02d", TS(s, "staff.today"), tm.tm_hour, tm.tm_min);
    else if (tm.tm_year == yest.tm_year && tm.tm_yday == yest.tm_yday)
        snprintf(out, size, "%s %02d:%02d", TS(s, "staff.yesterday"), tm.tm_hour, tm.tm_min);
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

int staff_badge(screen_ctx *s, int x, int y, int h, pm_flag f)
{
    if (f == FLAG_NONE)
        return 0;
    const char *label = TS(s, f == FLAG_URGENT ? "staff.badge.urgent" : "staff.badge.attention");
    int size = font_px(s->r, FONT_SMALL);
    int w = t_width(s->r, label, size, true) + px(s->r, 20);
    unsigned bg = f == FLAG_URGENT ? COL_DANGER : COL_CAUTION;
    r_round(s->r, (SDL_Rect){x, y, w, h}, h / 2, bg);
    t_box(s->r, (SDL_Rect){x, y, w, h}, label, FONT_SMALL, true,
          f == FLAG_URGENT ? 0xFFFFFF : COL_INK, AL_CENTRE, true);
    return w;
}

/* Two arrow buttons with "2 / 3" between them: no words to translate or
 * to outgrow a small box. */
void staff_pager(screen_ctx *s, SDL_Rect r)
{
    int bw = r.w * 36 / 100;
    widget *w = w_add(s->wl, "page_up", (SDL_Rect){r.x, r.y, bw, r.h}, WS_SECONDARY, "▲");
    w->act = s->v->scroll > 0 ? ACT_SCROLL_UP : ACT_NONE;
    w->muted = s->v->scroll == 0;
    w = w_add(s->wl, "page_down", (SDL_Rect){r.x + r.w - bw, r.y, bw, r.h}, WS_SECONDARY, "▼");
    w->act = s->v->scroll < s->v->scroll_max ? ACT_SCROLL_DOWN : ACT_NONE;
    w->muted = s->v->scroll >= s->v->scroll_max;
}

void staff_pager_draw(screen_ctx *s, SDL_Rect r)
{
    int bw = r.w * 36 / 100;
    char n[32];
    snprintf(n, sizeof n, "%d / %d", s->v->scroll + 1, s->v->scroll_max + 1);
    t_box(s->r, (SDL_Rect){r.x + bw, r.y, r.w - 2 * bw, r.h}, n, FONT_BODY, true, COL_MUTED,
          AL_CENTRE, true);
}
