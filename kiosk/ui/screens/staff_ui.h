/* staff_ui.h — what the staff-mode screens share: a dark top bar (so staff
 * mode never looks like the client's kiosk), a footer row of buttons, the
 * safety badge, and times as staff read them. Text comes in the staff
 * language (TS). The screens only draw the desk's state (core/staff/desk.h)
 * and say, through their widgets, which desk event a tap means. */
#ifndef PM_UI_STAFF_UI_H
#define PM_UI_STAFF_UI_H

#include "ui/screens/screen.h"

typedef struct {
    const char *id;
    const char *label;  /* translated */
    widget_style style;
    desk_event ev;
    int arg;
    bool muted;
} staff_button;

/* The bar on top (with Lock on the right when lock is true) and a footer
 * of n buttons spread evenly; returns the body between them. */
SDL_Rect staff_frame_layout(screen_ctx *s, bool lock, const staff_button *b, int n);
void staff_frame_draw(screen_ctx *s, const char *title);
/* The body staff_frame_layout returns (footer: whether there is one). */
SDL_Rect staff_body(const screen_ctx *s, bool footer);

/* "Today 17:30", "Yesterday 09:05" or "2026-11-24 14:02" in local time. */
void staff_time(const screen_ctx *s, int64_t t, char *out, size_t size);
/* Always the full "2026-11-24 14:02" (local time). */
void staff_date_time(int64_t t, char *out, size_t size);
/* A pill with "Urgent" (red) or "Check" (amber); nothing for no flag.
 * Returns its width. */
int staff_badge(screen_ctx *s, int x, int y, int h, pm_flag f);
/* Page buttons in r for a list in pages (s->v->scroll of s->v->scroll_max),
 * and the "2 / 3" between them (call from draw). */
void staff_pager(screen_ctx *s, SDL_Rect r);
void staff_pager_draw(screen_ctx *s, SDL_Rect r);

#endif
