/* test_chart_fingers.c — a tap, a drag and a slide-off on every region of
 * the shipped chart mark exactly the region under the finger, or nothing
 * (issue 12, "Done means"), through the touchscreen's path: SDL finger
 * events pushed into app_sdl_event through the panel's rotation (the test
 * kit's hands, testkit/sdl/hands.h), on the headless kiosk.
 *
 * For every region of data/ in its own view, at 800x480, 1280x800 and
 * 480x800 (the 800x480 panel mounted upright, rotated 90 degrees), starting
 * each time from the whole figure with the same marks:
 *   - the whole figure: a tap where a client aims at the region (the
 *     middle of its largest inscribed circle) opens a close-up of that
 *     region ("Close-up: <region>") and marks nothing;
 *   - tap: in the close-up, a tap at the region's aim point: the name under
 *     the finger while it is down is that region, what a touch there acts
 *     on and the picture do not change between down and up, and the lift
 *     marks exactly that region (one new mark, no other change); a second
 *     tap there unmarks it;
 *   - drag: down on the aim point, a wobble of under 8 px (less than the
 *     kiosk's slop at every size), lifted: marks exactly that region (the
 *     rule, kiosk/ui/input.h: a press acts when lifted on its target, and
 *     a finger within the slop of it is still on it); a tap unmarks it;
 *   - slide-off: down on the aim point, a slide away from the region to
 *     well past the slop (onto another region of the close-up where one is
 *     in that direction), lifted there: nothing marked or unmarked, the
 *     close-up as it was;
 *   then "Show whole body" (the close-up's way back).
 * Failures are collected (size, region, gesture, what a client would see)
 * and all printed before the test fails, so one run shows every bad region.
 * It also counts, without failing, what a second tap where the whole figure
 * was touched would land on in the close-up (the same region, nothing, or
 * another region: the close-up may move to show the region whole).
 * Arguments: the sizes to run (800x480 1280x800 480x800); none: all three. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <unistd.h>

#include "hands.h"
#include "intake.h"
#include "ui/app.h"
#include "ui/render.h"

/* a sixteenth of a turn */
#define PI_8 (3.14159265358979323846 / 8)

typedef struct {
    int panel_w, panel_h, rotate;
    const char *name;
} panel;

static const panel PANELS[] = {
    {800, 480, 0, "800x480"},
    {1280, 800, 0, "1280x800"},
    {800, 480, 90, "480x800 (upright)"},
};

/* The failures of one size: counted, the first ones printed. */
#define SHOW_MAX 60
static int failures;
/* What a second tap where the whole figure was touched would land on, once
 * the close-up is open: counted, not failed (the close-up may move to show
 * the region whole, bodychart.h); the other regions are listed. */
static int again_same, again_other, again_nothing;
static char again_list[1200];

typedef struct {
    app *a;
    const char *size;
    const char *region;
    const char *view;
} where;

static void bad(const where *w, const char *gesture, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void bad(const where *w, const char *gesture, const char *fmt, ...)
{
    char what[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (failures < SHOW_MAX)
        print_error("%s, %s view, region '%s', %s: %s\n", w->size, w->view, w->region, gesture,
                    what);
    failures++;
}

/* The intake's marks, as a set of region indices in tap order. */
typedef struct {
    int n;
    int region[INTAKE_MAX_MARKS];
} marks;

static marks marks_now(app *a)
{
    const intake *in = flow_intake(app_flow(a));
    marks m = {in->nmarks, {0}};
    for (int i = 0; i < in->nmarks; i++)
        m.region[i] = in->marks[i].region;
    return m;
}

static const char *region_id(app *a, int r)
{
    return r >= 0 && (size_t)r < content_region_count(app_content(a))
               ? content_region(app_content(a), (size_t)r)->id
               : "?";
}

/* "a, b" of the marks in m that are not in base (or, with less, the other
 * way round), for a message. */
static void diff_ids(app *a, const marks *m, const marks *base, char *out, size_t size)
{
    out[0] = '\0';
    size_t l = 0;
    for (int i = 0; i < m->n && l + 40 < size; i++) {
        bool in_base = false;
        for (int j = 0; j < base->n; j++)
            in_base = in_base || base->region[j] == m->region[i];
        if (!in_base)
            l += (size_t)snprintf(out + l, size - l, "%s%s", l ? ", " : "",
                                  region_id(a, m->region[i]));
    }
    if (!l)
        snprintf(out, size, "none");
}

/* Whether the marks now are exactly base plus region add (add < 0: exactly
 * base); says what differs when not. */
static bool expect_marks(const where *w, const char *gesture, const marks *base, int add)
{
    marks now = marks_now(w->a);
    bool ok = now.n == base->n + (add >= 0);
    for (int i = 0; ok && i < base->n; i++)
        ok = intake_find_mark(flow_intake(app_flow(w->a)), base->region[i]) >= 0;
    if (ok && add >= 0)
        ok = intake_find_mark(flow_intake(app_flow(w->a)), add) >= 0;
    if (!ok) {
        char more[300], less[300];
        diff_ids(w->a, &now, base, more, sizeof more);
        diff_ids(w->a, base, &now, less, sizeof less);
        bad(w, gesture, "expected %s; marked now: %s; unmarked now: %s",
            add >= 0 ? "exactly this region marked" : "nothing marked or unmarked", more, less);
    }
    return ok;
}

/* Puts the marks back to base by the core's event (recovery after a
 * failure only: what is tested is the finger's path). */
static void restore_marks(app *a, const marks *base)
{
    for (int round = 0; round < 2; round++) {
        marks now = marks_now(a);
        for (int i = 0; i < now.n; i++) {
            bool keep = false;
            for (int j = 0; j < base->n; j++)
                keep = keep || base->region[j] == now.region[i];
            if (!keep) {
                flow_event ev = {.type = EV_TAP_REGION, .arg = now.region[i]};
                app_advance(a, KIT_REACH_MS);
                app_send(a, &ev);
            }
        }
        for (int j = 0; j < base->n; j++)
            if (intake_find_mark(flow_intake(app_flow(a)), base->region[j]) < 0) {
                flow_event ev = {.type = EV_TAP_REGION, .arg = base->region[j]};
                app_advance(a, KIT_REACH_MS);
                app_send(a, &ev);
            }
    }
    app_update(a);
}

static bool close_up_open(app *a) { return app_widget(a, "whole_body") != NULL; }

static bool same_picture(const bodychart_view *p, const bodychart_view *q)
{
    return p->close == q->close && p->view == q->view && p->xf.s == q->xf.s &&
           p->xf.ox == q->xf.ox && p->xf.oy == q->xf.oy;
}

static void target_at(app *a, int x, int y, char *name, size_t size)
{
    app_target_at(a, x, y, name, size);
}

/* The tap with a look between down and up: the name shown under the
 * finger, what a touch there acts on, the picture. The hand model's
 * timing (KIT_REACH_MS, KIT_TAP_MS). */
static void watched_tap(const where *w, const char *gesture, int x, int y, const char *want)
{
    app *a = w->a;
    char t[96];
    app_advance(a, KIT_REACH_MS);
    target_at(a, x, y, t, sizeof t);
    if (strcmp(t, want) != 0)
        bad(w, gesture, "before the finger goes down a touch at (%d, %d) would act on '%s'", x,
            y, t);
    bodychart_view before = app_view(a)->chart.at;
    kit_finger(a, SDL_FINGERDOWN, x, y);
    if (strcmp(app_view(a)->pressed, want) != 0)
        bad(w, gesture, "with the finger down at (%d, %d) the chart shows '%s' under it", x, y,
            app_view(a)->pressed[0] ? app_view(a)->pressed : "nothing");
    app_advance(a, KIT_TAP_MS);
    target_at(a, x, y, t, sizeof t);
    if (strcmp(t, want) != 0)
        bad(w, gesture, "while the finger is down the target under it became '%s'", t);
    if (!same_picture(&before, &app_view(a)->chart.at))
        bad(w, gesture, "the picture moved under the finger between down and up");
    kit_finger(a, SDL_FINGERUP, x, y);
    app_update(a);
}

/* A point past the slop away from region want along a ray from (x, y),
 * inside the figure: preferably on another region that is a target now
 * (a lift there that marked it would be caught), else anywhere off the
 * region. Fills the stroke to it, points at most 6 px apart. */
static int slide_path(app *a, int x, int y, const char *want, int *xs, int *ys, int max)
{
    const widget *fig = app_widget(a, "chart");
    if (!fig)
        return 0;
    SDL_Rect f = fig->r;
    double slop = px(app_render(a), 8);
    double best_d = 0;
    int best_k = -1;
    bool best_other = false;
    for (int k = 0; k < 16; k++) {
        double dx = cos(k * PI_8), dy = sin(k * PI_8);
        /* leave the region (and its slop, three times over) */
        double d = 1;
        char t[96];
        for (; d < 2000; d += 1) {
            int px_ = x + (int)lround(dx * d), py_ = y + (int)lround(dy * d);
            if (px_ < f.x || py_ < f.y || px_ >= f.x + f.w || py_ >= f.y + f.h)
                break;
            target_at(a, px_, py_, t, sizeof t);
            if (strcmp(t, want) != 0)
                break;
        }
        double end = d + 3 * slop;
        int ex = x + (int)lround(dx * end), ey = y + (int)lround(dy * end);
        if (ex < f.x || ey < f.y || ex >= f.x + f.w || ey >= f.y + f.h)
            continue;
        target_at(a, ex, ey, t, sizeof t);
        if (strcmp(t, want) == 0)
            continue; /* back on the region (a bend): not a slide off */
        bool other = strncmp(t, "chart/", 6) == 0 && strcmp(t, "chart/zoom") != 0;
        if (best_k < 0 || (other && !best_other) || (other == best_other && end < best_d)) {
            best_k = k;
            best_d = end;
            best_other = other;
        }
    }
    if (best_k < 0)
        return 0;
    double dx = cos(best_k * PI_8), dy = sin(best_k * PI_8);
    int n = (int)ceil(best_d / 6) + 1;
    if (n > max)
        n = max;
    for (int i = 0; i < n; i++) {
        double d = best_d * i / (n - 1);
        xs[i] = x + (int)lround(dx * d);
        ys[i] = y + (int)lround(dy * d);
    }
    return n;
}

/* "Show whole body" when a close-up is open. */
static bool to_whole(const where *w)
{
    char why[700];
    if (close_up_open(w->a) && !kit_press(w->a, "whole_body", why, sizeof why)) {
        bad(w, "way back", "%s", why);
        return false;
    }
    if (close_up_open(w->a)) {
        bad(w, "way back", "'Show whole body' left the close-up open");
        return false;
    }
    return true;
}

static void one_region(app *a, const char *size, int r, int *gestures)
{
    const pm_region *reg = content_region(app_content(a), (size_t)r);
    where w = {a, size, reg->id, content_view_name(reg->view)};
    char want[96], why[700];
    snprintf(want, sizeof want, "chart/%s", reg->id);
    if (!to_whole(&w))
        return;
    marks base = marks_now(a);

    /* the whole figure: a tap where the client aims opens a close-up of it */
    int x, y;
    bool now;
    if (!kit_aim(a, reg->id, &x, &y, &now, why, sizeof why)) {
        bad(&w, "aim on the whole figure", "%s", why);
        return;
    }
    if (now)
        bad(&w, "aim on the whole figure", "the whole figure offers it as a target (no close-up)");
    kit_tap(a, x, y);
    (*gestures)++;
    if (strcmp(app_screen_name(a), "chart") != 0) {
        bad(&w, "tap on the whole figure", "the screen became '%s'", app_screen_name(a));
        return;
    }
    if (!expect_marks(&w, "tap on the whole figure", &base, -1))
        restore_marks(a, &base);
    if (!close_up_open(a)) {
        bad(&w, "tap on the whole figure", "at (%d, %d) no close-up opened", x, y);
        return;
    }
    char again[96];
    target_at(a, x, y, again, sizeof again);
    if (strcmp(again, want) == 0)
        again_same++;
    else if (strncmp(again, "chart/", 6) == 0 && strcmp(again, "chart/zoom") != 0) {
        size_t l = strlen(again_list);
        if (l + 60 < sizeof again_list)
            snprintf(again_list + l, sizeof again_list - l, "%s%s->%s", l ? ", " : "", reg->id,
                     again + 6);
        again_other++;
    } else
        again_nothing++;
    int around = app_view(a)->chart.at.around;
    if (around != r)
        bad(&w, "tap on the whole figure", "at (%d, %d) the close-up is of '%s'", x, y,
            region_id(a, around));
    if (!kit_aim(a, reg->id, &x, &y, &now, why, sizeof why) || !now) {
        bad(&w, "aim in the close-up", "not a target in the close-up opened on it%s%s",
            now ? ": " : "", now ? why : "");
        to_whole(&w);
        return;
    }
    bodychart_view shown = app_view(a)->chart.at;

    /* 1. tap, and a second tap unmarks */
    watched_tap(&w, "tap", x, y, want);
    (*gestures)++;
    if (!expect_marks(&w, "tap", &base, r))
        restore_marks(a, &base);
    else {
        kit_tap(a, x, y);
        (*gestures)++;
        if (!expect_marks(&w, "second tap", &base, -1))
            restore_marks(a, &base);
    }

    /* 2. drag: a wobble under 8 px (under the slop at every size) */
    static const int wx[] = {0, 2, 4, 6, 5, 3, 1}, wy[] = {0, -1, -3, 0, 4, 5, 6};
    enum { NW = sizeof wx / sizeof wx[0] };
    int xs[160], ys[160];
    for (int i = 0; i < NW; i++) {
        xs[i] = x + wx[i];
        ys[i] = y + wy[i];
    }
    kit_drag(a, xs, ys, NW);
    (*gestures)++;
    if (!expect_marks(&w, "drag within the slop", &base, r))
        restore_marks(a, &base);
    else {
        kit_tap(a, x, y);
        (*gestures)++;
        if (!expect_marks(&w, "tap after the drag", &base, -1))
            restore_marks(a, &base);
    }

    /* 3. slide-off: far past the slop, lifted there */
    int n = slide_path(a, x, y, want, xs, ys, 160);
    if (n < 2) {
        bad(&w, "slide-off", "no way to slide off it inside the figure");
    } else {
        char end[96];
        target_at(a, xs[n - 1], ys[n - 1], end, sizeof end);
        kit_drag(a, xs, ys, n);
        (*gestures)++;
        char g[200];
        snprintf(g, sizeof g, "slide-off to (%d, %d) on '%s'", xs[n - 1], ys[n - 1],
                 end[0] ? end : "nothing");
        if (!expect_marks(&w, g, &base, -1))
            restore_marks(a, &base);
        if (strcmp(app_screen_name(a), "chart") != 0 || !close_up_open(a) ||
            !same_picture(&shown, &app_view(a)->chart.at))
            bad(&w, g, "the screen changed (now '%s'%s)", app_screen_name(a),
                close_up_open(a) ? ", close-up moved" : ", no close-up");
    }
    to_whole(&w);
}

/* Removes the state folder the run made (files and folders under it). */
static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char sub[512];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            if (unlink(sub) != 0)
                remove_tree(sub);
        }
        closedir(d);
    }
    rmdir(path);
}

/* The chart of the shipped content on one panel: every region of each
 * view. */
static void every_region(const panel *p)
{
    char state_dir[] = "/tmp/painmap-chart-fingers-XXXXXX";
    assert_non_null(mkdtemp(state_dir));
    const char *data = getenv("PAINMAP_DATA_DIR");
    app_options o = {.w = p->panel_w, .h = p->panel_h, .rotate = p->rotate, .headless = true,
                     .data_dir = data ? data : "data", .state_dir = state_dir,
                     .font_dir = getenv("PAINMAP_FONT_DIR")};
    app *a = app_create(&o);
    assert_non_null(a);
    if (!app_flow(a))
        fail_msg("%s: the kiosk needs attention: %s", p->name, app_attention(a));
    char why[700];
    if (!kit_press(a, "start", why, sizeof why) || !kit_type(a, "Ana", why, sizeof why) ||
        !kit_press(a, "next", why, sizeof why))
        fail_msg("%s: on the way to the chart: %s", p->name, why);
    assert_string_equal(app_screen_name(a), "chart");

    failures = again_same = again_other = again_nothing = 0;
    again_list[0] = '\0';
    int regions = 0, gestures = 0;
    size_t nr = content_region_count(app_content(a));
    for (int v = 0; v < VIEW_COUNT; v++) {
        if (!kit_press(a, v == VIEW_FRONT ? "view_front" : "view_back", why, sizeof why))
            fail_msg("%s: %s", p->name, why);
        assert_int_equal(flow_view(app_flow(a)), v);
        for (size_t r = 0; r < nr; r++) {
            if (content_region(app_content(a), r)->view != (pm_view)v)
                continue;
            one_region(a, p->name, (int)r, &gestures);
            regions++;
        }
    }
    assert_string_equal(app_screen_name(a), "chart");
    assert_int_equal(flow_intake(app_flow(a))->nmarks, 0);
    print_message("%s (%dx%d logical): %d regions, %d gestures, %d failures\n", p->name,
                  app_width(a), app_height(a), regions, gestures, failures);
    print_message("  a second tap where the whole figure was touched would land on: the same "
                  "region %d, nothing %d, another region %d%s%s\n",
                  again_same, again_nothing, again_other, again_other ? ": " : "", again_list);
    app_destroy(a);
    remove_tree(state_dir);
    /* every region of the content was tried, in its own view */
    assert_int_equal(regions, (int)nr);
    if (failures)
        fail_msg("%s: %d failed checks (the first %d above)", p->name, failures,
                 failures < SHOW_MAX ? failures : SHOW_MAX);
}

/* The panels to try: all, or those named on the command line ("800x480",
 * "1280x800", "480x800"), so the quick tier can run the official panel
 * alone. */
static const panel *chosen[3];
static int nchosen;

static void test_every_region(void **state)
{
    every_region(*state);
}

int main(int argc, char **argv)
{
    for (size_t i = 0; i < sizeof PANELS / sizeof PANELS[0]; i++) {
        bool want = argc < 2;
        for (int k = 1; k < argc; k++)
            want = want || strncmp(PANELS[i].name, argv[k], strlen(argv[k])) == 0;
        if (want)
            chosen[nchosen++] = &PANELS[i];
    }
    if (nchosen == 0 || nchosen < argc - 1) {
        fprintf(stderr, "usage: test_chart_fingers [800x480] [1280x800] [480x800]\n");
        return 2;
    }
    struct CMUnitTest tests[3];
    for (int i = 0; i < nchosen; i++)
        tests[i] = (struct CMUnitTest){chosen[i]->name, test_every_region, NULL, NULL,
                                       (void *)chosen[i]};
    return _cmocka_run_group_tests("chart_fingers", tests, (size_t)nchosen, NULL, NULL);
}
