/* input.c — panel rotation and scaling for touches, and the rule for a
 * press (see input.h). */
#include "ui/input.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void input_logical_size(int rotate, int w, int h, int *lw, int *lh)
{
    bool swap = rotate == 90 || rotate == 270;
    *lw = swap ? h : w;
    *lh = swap ? w : h;
}

double input_scale(const input_map *m)
{
    bool swap = m->rotate == 90 || m->rotate == 270;
    double rw = swap ? m->lh : m->lw, rh = swap ? m->lw : m->lh;
    double sx = m->out_w / rw, sy = m->out_h / rh;
    return sx < sy ? sx : sy;
}

/* Clockwise rotation on a y-down screen maps an offset (x, y) to (-y, x). */
void input_to_output(const input_map *m, double lx, double ly, double *ox, double *oy)
{
    double s = input_scale(m);
    double dx = (lx - m->lw / 2.0) * s, dy = (ly - m->lh / 2.0) * s;
    double rx = dx, ry = dy;
    switch (m->rotate) {
    case 90: rx = -dy; ry = dx; break;
    case 180: rx = -dx; ry = -dy; break;
    case 270: rx = dy; ry = -dx; break;
    default: break;
    }
    *ox = m->out_w / 2.0 + rx;
    *oy = m->out_h / 2.0 + ry;
}

bool input_to_logical(const input_map *m, double ox, double oy, int *lx, int *ly)
{
    double s = input_scale(m);
    double rx = ox - m->out_w / 2.0, ry = oy - m->out_h / 2.0;
    double dx = rx, dy = ry;
    switch (m->rotate) {
    case 90: dx = ry; dy = -rx; break;
    case 180: dx = -rx; dy = -ry; break;
    case 270: dx = -ry; dy = rx; break;
    default: break;
    }
    double x = dx / s + m->lw / 2.0, y = dy / s + m->lh / 2.0;
    *lx = (int)floor(x);
    *ly = (int)floor(y);
    return x >= 0 && y >= 0 && x < m->lw && y < m->lh;
}

/* ---- presses ---------------------------------------------------------------------- */

void input_press_init(input_press *p)
{
    memset(p, 0, sizeof *p);
}

void input_press_changed(input_press *p, uint64_t now)
{
    p->armed = false;
    p->target[0] = '\0';
    p->calm_until = now + INPUT_CALM_MS;
}

bool input_press_down(input_press *p, const char *target, bool repeatable, uint64_t now)
{
    p->down = true;
    p->armed = false;
    p->target[0] = '\0';
    if (!target || !target[0] || now < p->calm_until)
        return false;
    if (!repeatable && strcmp(target, p->last) == 0 && now - p->last_at < INPUT_REPEAT_MS)
        return false;
    snprintf(p->target, sizeof p->target, "%s", target);
    p->armed = true;
    return true;
}

bool input_press_move(input_press *p, bool on)
{
    if (p->armed && !on) {
        p->armed = false;
        p->target[0] = '\0';
    }
    return p->armed;
}

bool input_press_up(input_press *p, bool on, uint64_t now)
{
    bool acts = p->down && p->armed && on;
    if (acts) {
        snprintf(p->last, sizeof p->last, "%s", p->target);
        p->last_at = now;
    }
    p->down = false;
    p->armed = false;
    p->target[0] = '\0';
    return acts;
}

const char *input_press_target(const input_press *p)
{
    return p->armed ? p->target : NULL;
}
