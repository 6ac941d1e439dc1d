/* staff.c — the staff gesture and session (see staff.h).
 *
 * The gesture is a small state machine over pointer events: a press must
 * start inside the area, on the welcome screen, with one finger, stay
 * within the slop circle and last the hold time. Anything else spoils the
 * press until every finger is up again, so a child's palm or a sliding
 * finger never opens the PIN pad. */
#include "staff.h"

#include <string.h>

static bool inside(staff_rect r, int x, int y)
{
    return r.w > 0 && r.h > 0 && x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static bool at_welcome(const staff_input *in)
{
    return in->screen == SCREEN_WELCOME && !in->prompt_showing;
}

void staff_gesture_init(staff_gesture *g, staff_rect area)
{
    memset(g, 0, sizeof *g);
    g->area = area;
}

void staff_gesture_cancel(staff_gesture *g)
{
    g->pressing = false;
    g->spoiled = false;
    g->fingers = 0;
}

void staff_gesture_set_area(staff_gesture *g, staff_rect area)
{
    if (g->area.x == area.x && g->area.y == area.y && g->area.w == area.w && g->area.h == area.h)
        return; /* the same area (every redraw of welcome says it again): keep the press */
    g->area = area;
    if (g->pressing) {
        g->pressing = false;
        g->spoiled = true;
    }
}

static void spoil(staff_gesture *g)
{
    g->pressing = false;
    g->spoiled = true;
}

bool staff_gesture_feed(staff_gesture *g, const staff_input *in, uint64_t now_ms)
{
    switch (in->type) {
    case STAFF_DOWN:
        g->fingers++;
        if (g->fingers > 1 || g->spoiled) {
            spoil(g); /* a second finger: not the gesture */
            return false;
        }
        if (at_welcome(in) && inside(g->area, in->x, in->y)) {
            g->pressing = true;
            g->x0 = in->x;
            g->y0 = in->y;
            g->t0 = now_ms;
        } else {
            spoil(g);
        }
        return false;
    case STAFF_UP:
        if (g->fingers > 0)
            g->fingers--;
        if (g->fingers == 0) {
            g->pressing = false;
            g->spoiled = false;
        }
        return false; /* a release never fires: the hold must be reached while down */
    case STAFF_MOVE:
        if (g->pressing) {
            long dx = (long)in->x - g->x0, dy = (long)in->y - g->y0;
            if (dx * dx + dy * dy > (long)STAFF_SLOP * STAFF_SLOP || !inside(g->area, in->x, in->y))
                spoil(g);
        }
        break;
    case STAFF_TICK:
        break;
    }
    if (!g->pressing)
        return false;
    if (!at_welcome(in)) {
        spoil(g); /* the client's flow moved on under the finger */
        return false;
    }
    if (now_ms >= g->t0 && now_ms - g->t0 >= STAFF_HOLD_MS) {
        spoil(g); /* fire once; the rest of this press is ignored */
        return true;
    }
    return false;
}

uint32_t staff_gesture_wait_ms(const staff_gesture *g, uint64_t now_ms)
{
    if (!g->pressing)
        return UINT32_MAX;
    uint64_t due = g->t0 + STAFF_HOLD_MS;
    return now_ms >= due ? 0 : (uint32_t)(due - now_ms);
}

void staff_session_begin(staff_session *s, uint32_t idle_s, uint64_t now_ms)
{
    s->active = true;
    s->idle_ms = idle_s * 1000u;
    s->last_ms = now_ms;
}

void staff_session_touch(staff_session *s, uint64_t now_ms)
{
    if (s->active && now_ms > s->last_ms)
        s->last_ms = now_ms;
}

bool staff_session_check(staff_session *s, uint64_t now_ms)
{
    if (!s->active || now_ms < s->last_ms || now_ms - s->last_ms < s->idle_ms)
        return false;
    s->active = false;
    return true;
}

void staff_session_end(staff_session *s)
{
    s->active = false;
}

uint32_t staff_session_ms_left(const staff_session *s, uint64_t now_ms)
{
    if (!s->active)
        return 0;
    uint64_t end = s->last_ms + s->idle_ms;
    return now_ms >= end ? 0 : (uint32_t)(end - now_ms);
}
