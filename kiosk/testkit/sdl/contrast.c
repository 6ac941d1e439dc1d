/* contrast.c — non-text contrast on the drawn frame (see contrast.h).
 *
 * Why from pixels: the palette's pairs can all pass while a screen draws
 * a paler colour over a blend, a card on a card, or a button on a dark bar;
 * what the client sees is the frame. Why rings along the sides: the
 * rounded corners and anti-aliased text are the only places where a
 * control has colours that are not its own, and both keep away from the
 * middle of its sides. */
#include "contrast.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui/widgets.h"

static double channel(uint32_t c)
{
    double v = c / 255.0;
    return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t rgb)
{
    return 0.2126 * channel(rgb >> 16 & 255) + 0.7152 * channel(rgb >> 8 & 255) +
           0.0722 * channel(rgb & 255);
}

double contrast_ratio(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb) {
        double t = la;
        la = lb;
        lb = t;
    }
    return (la + 0.05) / (lb + 0.05);
}

typedef struct {
    const uint32_t *px;
    int w, h, pitch; /* pitch in pixels */
} frame;

/* The commonest colour of a list (a small open tally). */
typedef struct {
    uint32_t c[32];
    int n[32];
    int used;
} tally;

static void tally_add(tally *t, uint32_t c)
{
    for (int i = 0; i < t->used; i++)
        if (t->c[i] == c) {
            t->n[i]++;
            return;
        }
    if (t->used < 32) {
        t->c[t->used] = c;
        t->n[t->used++] = 1;
    }
}

static bool tally_mode(const tally *t, uint32_t *out)
{
    int best = -1;
    for (int i = 0; i < t->used; i++)
        if (best < 0 || t->n[i] > t->n[best])
            best = i;
    if (best < 0)
        return false;
    *out = t->c[best];
    return true;
}

static void at(const frame *f, tally *t, int x, int y)
{
    if (x >= 0 && y >= 0 && x < f->w && y < f->h)
        tally_add(t, f->px[y * f->pitch + x] & 0xFFFFFF);
}

/* A ring at offset d from r's edge (d < 0: outside), along the four sides
 * but clear of the corners (skip pixels from each end). */
static bool ring(const frame *f, SDL_Rect r, int d, int skip, uint32_t *out)
{
    tally t = {{0}, {0}, 0};
    int x0 = r.x + d, y0 = r.y + d, x1 = r.x + r.w - 1 - d, y1 = r.y + r.h - 1 - d;
    if (x1 - x0 <= 2 * skip && y1 - y0 <= 2 * skip)
        skip = 0;
    for (int x = x0 + skip; x <= x1 - skip; x += 2) {
        at(f, &t, x, y0);
        at(f, &t, x, y1);
    }
    for (int y = y0 + skip; y <= y1 - skip; y += 2) {
        at(f, &t, x0, y);
        at(f, &t, x1, y);
    }
    return tally_mode(&t, out);
}

/* Points on a circle just inside the round button drawn in r. */
static bool circle(const frame *f, SDL_Rect r, uint32_t *out)
{
    tally t = {{0}, {0}, 0};
    double cx = r.x + r.w / 2.0, cy = r.y + r.h / 2.0, rad = r.w / 2.0 - 1.5;
    for (int k = 0; k < 24; k++) {
        double ang = k * 2 * M_PI / 24;
        at(f, &t, (int)floor(cx + rad * cos(ang)), (int)floor(cy + rad * sin(ang)));
    }
    return tally_mode(&t, out);
}

static void note(contrast_worst *worst, double ratio, const char *where, const char *id,
                 const char *part, uint32_t a, uint32_t b)
{
    worst->measured++;
    if (ratio < worst->ratio) {
        worst->ratio = ratio;
        snprintf(worst->what, sizeof worst->what, "%.2f:1, '%s' %s #%06X on #%06X in %s", ratio,
                 id, part, (unsigned)a, (unsigned)b, where);
    }
}

static bool measured(const widget *w)
{
    if (w->act == ACT_AREA)
        return strcmp(w->id, "signature") == 0; /* chart regions: the chart's own */
    if (w->act == ACT_NONE && w->style == WS_HIDDEN)
        return false; /* a name to hold, not a control */
    return w->r.w > 8 && w->r.h > 8;
}

int contrast_check(app *a, const char *where, contrast_worst *worst, pm_msgs *problems)
{
    rctx *rc = app_render(a);
    if (app_dirty(a))
        app_draw(a);
    SDL_Surface *s = r_snapshot(rc);
    if (!s)
        return -1;
    frame f = {s->pixels, s->w, s->h, s->pitch / 4};
    const wlist *wl = app_widgets(a);
    int low = 0;
    int skip = px(rc, 14);
    for (int i = 0; i < w_count(wl); i++) {
        const widget *w = w_at(wl, i);
        if (!measured(w))
            continue;
        uint32_t out, edge, fill;
        if (!ring(&f, w->r, -3, skip, &out) || !ring(&f, w->r, 1, skip, &edge) ||
            !ring(&f, w->r, px(rc, 2) * 2 + 3, skip, &fill))
            continue;
        double re = contrast_ratio(edge, out), rf = contrast_ratio(fill, out);
        bool by_edge = re >= rf;
        double r = by_edge ? re : rf;
        note(worst, r, where, w->id, by_edge ? "edge" : "fill", by_edge ? edge : fill, out);
        if (r < CONTRAST_MIN) {
            low++;
            pm_msgs_add(problems,
                        "%s: '%s' stands out %.2f:1 from what is around it (its edge #%06X, its "
                        "fill #%06X, around it #%06X; at least %.0f:1 needed)",
                        where, w->id, r, (unsigned)edge, (unsigned)fill, (unsigned)out,
                        CONTRAST_MIN);
        }
        /* the tick box or radio button inside a choice, against its fill */
        SDL_Rect ind = w_indicator(rc, w);
        uint32_t iedge;
        bool got = w->style == WS_RADIO ? circle(&f, ind, &iedge) : ring(&f, ind, 1, ind.w / 4, &iedge);
        if (ind.w > 6 && got) {
            double ri = contrast_ratio(iedge, fill);
            note(worst, ri, where, w->id, "tick box", iedge, fill);
            if (ri < CONTRAST_MIN) {
                low++;
                pm_msgs_add(problems,
                            "%s: the tick box of '%s' stands out %.2f:1 from its fill (#%06X on "
                            "#%06X; at least %.0f:1 needed)",
                            where, w->id, ri, (unsigned)iedge, (unsigned)fill, CONTRAST_MIN);
            }
        }
    }
    SDL_FreeSurface(s);
    return low;
}
