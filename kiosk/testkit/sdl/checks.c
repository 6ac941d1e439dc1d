/* checks.c — checks on the frame the client sees (see checks.h).
 *
 * Why the targets are measured from the hit test and not from the widget
 * list: what matters is where a finger acts, and that is the dispatcher's
 * answer (a widget covered by another, a chart region cut by the panel's
 * edge or faded in a close-up, the slop a finger gets are all in it). */
#include <stdint.h>
#include "checks.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/render.h"

/* One row or column of the squared Euclidean distance transform
 * (Felzenszwalb and Huttenlocher): f in, d out, n values; v and z scratch. */
static void edt_1d(const double *f, double *d, int n, int *v, double *z)
{
    int k = 0;
    v[0] = 0;
    z[0] = -INFINITY;
    z[1] = INFINITY;
    for (int q = 1; q < n; q++) {
        double s = ((f[q] + (double)q * q) - (f[v[k]] + (double)v[k] * v[k])) / (2.0 * (q - v[k]));
        while (s <= z[k]) {
            k--;
            s = ((f[q] + (double)q * q) - (f[v[k]] + (double)v[k] * v[k])) / (2.0 * (q - v[k]));
        }
        k++;
        v[k] = q;
        z[k] = s;
        z[k + 1] = INFINITY;
    }
    k = 0;
    for (int q = 0; q < n; q++) {
        while (z[k + 1] < (double)q)
            k++;
        double dq = (double)(q - v[k]);
        d[q] = dq * dq + f[v[k]];
    }
}

double kit_inscribed(const unsigned char *in, int w, int h, int *cx, int *cy)
{
    /* a border of outside pixels all round */
    int W = w + 2, H = h + 2, N = W > H ? W : H;
    /* squared distances are whole numbers below 2^31 (big, below, plus a
     * square of at most N): kept as such, half the memory of doubles, a
     * tap's aim computed exactly as before (the kiosk's memory is measured
     * through replays that aim their taps here) */
    int32_t *g = malloc(sizeof(int32_t) * (size_t)W * (size_t)H);
    double *f = calloc((size_t)N, sizeof(double));
    double *d = calloc((size_t)N, sizeof(double));
    double *z = malloc(sizeof(double) * ((size_t)N + 1));
    int *v = malloc(sizeof(int) * (size_t)N);
    double best = 0;
    if (cx)
        *cx = -1;
    if (cy)
        *cy = -1;
    if (!g || !f || !d || !z || !v || 9.0 * N * N >= (double)INT32_MAX) {
        free(g);
        free(f);
        free(d);
        free(z);
        free(v);
        return 0;
    }
    const double big = 8.0 * N * N; /* more than any distance inside */
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            bool inside = x > 0 && y > 0 && x <= w && y <= h && in[(y - 1) * w + (x - 1)];
            g[y * W + x] = inside ? (int32_t)big : 0;
        }
    for (int x = 0; x < W; x++) {
        for (int y = 0; y < H; y++)
            f[y] = g[y * W + x];
        edt_1d(f, d, H, v, z);
        for (int y = 0; y < H; y++)
            g[y * W + x] = (int32_t)d[y];
    }
    double b2 = 0;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++)
            f[x] = g[y * W + x];
        edt_1d(f, d, W, v, z);
        for (int x = 0; x < W; x++)
            if (d[x] > b2) {
                b2 = d[x];
                if (cx)
                    *cx = x - 1;
                if (cy)
                    *cy = y - 1;
            }
    }
    /* a pixel's distance to the nearest pixel outside, centre to centre,
     * is the radius of a circle inside reaching to that pixel's edge plus
     * half a pixel on the far side: 2 d is the diameter (a 48 px wide
     * button measures 48) */
    best = 2 * sqrt(b2);
    free(g);
    free(f);
    free(d);
    free(z);
    free(v);
    return best;
}

/* ---- the hit map --------------------------------------------------------------- */

void kit_hitmap_free(kit_hitmap *hm)
{
    for (int i = 0; i < hm->count; i++)
        free(hm->names[i]);
    free(hm->names);
    free(hm->map);
    memset(hm, 0, sizeof *hm);
}

static int name_index(kit_hitmap *hm, const char *name, int *cap)
{
    for (int i = 0; i < hm->count; i++)
        if (strcmp(hm->names[i], name) == 0)
            return i;
    if (hm->count == *cap) {
        int nc = *cap ? *cap * 2 : 32;
        char **nn = realloc(hm->names, sizeof(char *) * (size_t)nc);
        if (!nn)
            return -1;
        hm->names = nn;
        *cap = nc;
    }
    hm->names[hm->count] = strdup(name);
    if (!hm->names[hm->count])
        return -1;
    return hm->count++;
}

bool kit_hitmap_make(app *a, kit_hitmap *hm, char *why, size_t why_size)
{
    memset(hm, 0, sizeof *hm);
    hm->w = app_width(a);
    hm->h = app_height(a);
    hm->map = calloc((size_t)hm->w * (size_t)hm->h, sizeof *hm->map);
    int cap = 0;
    if (!hm->map || name_index(hm, "", &cap) != 0) {
        kit_hitmap_free(hm);
        snprintf(why, why_size, "out of memory measuring targets");
        return false;
    }
    char prev[96] = "", name[96];
    int prev_i = 0;
    for (int y = 0; y < hm->h; y++)
        for (int x = 0; x < hm->w; x++) {
            app_target_at(a, x, y, name, sizeof name);
            int i = prev_i;
            if (strcmp(name, prev) != 0) {
                i = name_index(hm, name, &cap);
                if (i < 0 || i > 65535) {
                    kit_hitmap_free(hm);
                    snprintf(why, why_size, "out of memory measuring targets");
                    return false;
                }
                snprintf(prev, sizeof prev, "%s", name);
                prev_i = i;
            }
            hm->map[y * hm->w + x] = (unsigned short)i;
        }
    return true;
}

double kit_hitmap_circle(const kit_hitmap *hm, int index, int *cx, int *cy)
{
    int x0 = hm->w, y0 = hm->h, x1 = -1, y1 = -1;
    for (int y = 0; y < hm->h; y++)
        for (int x = 0; x < hm->w; x++)
            if (hm->map[y * hm->w + x] == index) {
                x0 = x < x0 ? x : x0;
                x1 = x > x1 ? x : x1;
                y0 = y < y0 ? y : y0;
                y1 = y > y1 ? y : y1;
            }
    if (x1 < 0)
        return 0;
    int w = x1 - x0 + 1, h = y1 - y0 + 1;
    unsigned char *in = malloc((size_t)w * (size_t)h);
    if (!in)
        return 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            in[y * w + x] = hm->map[(y0 + y) * hm->w + x0 + x] == index;
    int lx, ly;
    double dia = kit_inscribed(in, w, h, &lx, &ly);
    free(in);
    if (cx)
        *cx = x0 + lx;
    if (cy)
        *cy = y0 + ly;
    return dia;
}

/* ---- the checks ---------------------------------------------------------------- */

double kit_target_min(app *a)
{
    return KIT_TARGET_PX * r_unit(app_render(a));
}

/* Targets known to be under the rule, each with why and who fixes it; the
 * check names nothing else. Keep this list short and empty it: every line
 * is a place a finger misses. */
static const struct {
    const char *screen;    /* app_screen_name's; a prefix ("staff_") */
    const char *id;        /* the target's name; a trailing '*' is a prefix */
    bool portrait_only;    /* only where the frame is taller than wide */
    const char *why;
} known_small[] = {
    {"staff_", "lock", false,
     "staff pages' top bar (ui/screens/staff_frame.c): 42 px at 800x480; staff, not clients"},
    {"staff_", "page_up", false, "staff summary's page buttons (staff_frame.c): 36 px at 800x480"},
    {"staff_", "page_down", false, "staff summary's page buttons (staff_frame.c): 36 px at 800x480"},
};

static bool is_known(app *a, const char *name)
{
    const char *screen = app_screen_name(a);
    bool portrait = app_height(a) > app_width(a);
    for (size_t i = 0; i < sizeof known_small / sizeof known_small[0]; i++) {
        size_t sl = strlen(known_small[i].screen), il = strlen(known_small[i].id);
        bool prefix = il && known_small[i].id[il - 1] == '*';
        bool screen_ok = known_small[i].screen[sl - 1] == '_'
                             ? strncmp(screen, known_small[i].screen, sl) == 0
                             : strcmp(screen, known_small[i].screen) == 0;
        bool id_ok = prefix ? strncmp(name, known_small[i].id, il - 1) == 0
                            : strcmp(name, known_small[i].id) == 0;
        if (screen_ok && id_ok && (!known_small[i].portrait_only || portrait))
            return true;
    }
    return false;
}

bool kit_check_targets(app *a, char *why, size_t why_size)
{
    kit_hitmap hm;
    if (!kit_hitmap_make(a, &hm, why, why_size))
        return false;
    double least = kit_target_min(a);
    size_t l = 0;
    why[0] = '\0';
    int bad = 0;
    for (int i = 1; i < hm.count; i++) {
        int cx, cy;
        double d = kit_hitmap_circle(&hm, i, &cx, &cy);
        if (d + 1e-9 >= least || is_known(a, hm.names[i]))
            continue;
        if (bad++ < 6 && l + 120 < why_size)
            l += (size_t)snprintf(why + l, why_size - l, "%s'%s' %.0f px across (at %d, %d)",
                                  l ? "; " : "", hm.names[i], d, cx, cy);
    }
    if (bad && l + 60 < why_size)
        snprintf(why + l, why_size - l, "%s; a target needs %.0f px at %dx%d", bad > 6 ? "; ..." : "",
                 least, hm.w, hm.h);
    kit_hitmap_free(&hm);
    return bad == 0;
}

bool kit_check_frame(app *a, char *why, size_t why_size)
{
    return kit_check_targets(a, why, why_size);
}
