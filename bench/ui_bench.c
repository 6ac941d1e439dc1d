/* ui_bench.c — what drawing costs: the kiosk's own UI code (kiosk/ui, linked
 * in unchanged) walked through a whole intake headless, timing
 *   - a full redraw of every screen (the frame drawn again with nothing
 *     changed but the dirty flag: warm text cache), per screen and step;
 *   - tap to next frame: each `press` of the walk, from the touch through
 *     hit-test, core event and redraw to the copy onto the window.
 * With --only SCREEN it instead draws that screen exactly once inside
 * bench_one_redraw(), for callgrind's --toggle-collect (bench/run).
 *
 *   ui_bench --walk FILE --data DIR --assets DIR [--size WxH] [--rotate DEG]
 *            [--config FILE] [--usb DIR] [--state DIR] [--reps N] [--only SCREEN[:STEP]]
 *            [--touches] [--trace]
 *
 * A touch is every finger the walk puts down (a `press`, each key of a
 * `type`, the staff gesture, a signature; a press on a chart region is two,
 * the close-up and the choice), measured from the finger down to the frame
 * presented on the window after it lifted: the SDL finger events, the
 * core's work, the redraw if anything changed, the copy to the window. The
 * test kit's hands push the events through app_sdl_event and then call
 * app_update; both are wrapped at link time (-Wl,--wrap), so the kiosk's
 * code runs unchanged.
 * --touches runs only the walk (no redraw timing) and brackets each touch
 * with callgrind's client requests: under
 *   valgrind --tool=callgrind --separate-threads=yes ui_bench --touches ...
 * every touch is one dump ("Client Request: touch N LABEL"), its instruction
 * count exact on any machine, however busy; bench/run reads them. Threads
 * apart: the artwork the screens ask for ahead is made on a worker thread
 * (kiosk/ui/art.h), another core on the Pi; its total is dumped at exit.
 *
 * --trace measures nothing: it runs any replay script (a monkey's too) and
 * prints how many commands ran on each screen — where the script got to.
 *
 * The walk is a replay script (the kiosk's demo walk without its
 * screenshots), run by the test kit's replay driver exactly as a replay
 * (press scrolls to its target; seek, answer, safety), with hooks before
 * and after each command that name the touches and measure. Output: one line per screen step, then summary lines
 * "busiest SCREEN STEP WALL_US CPU_US" (the step whose redraw takes the most
 * CPU), "tap MEDIAN_US P95_US MAX_US N" (wall) and "tap_cpu ..." (this
 * thread's CPU time), parsed by bench/run. Medians of --reps redraws. The
 * kiosk is driven through its public door (ui/app.h) and the test kit's
 * hands, exactly as a replay drives it. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <valgrind/callgrind.h>

#include "config.h"
#include "driver.h"
#include "replay.h"
#include "ui/app.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* CPU time of this thread: what drawing costs, even on a busy machine. */
static double cpu_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return n ? v[n / 2] : 0;
}

/* ---- touches: every finger down, to the frame presented ------------------------ */

#define MAX_TOUCHES 4096

typedef struct {
    char label[96];
    double cpu, wall;
} touch_time;

static touch_time touches[MAX_TOUCHES];
static int ntouches;
static bool measure_touches = true, callgrind_touches;
static char touch_label[80] = "start"; /* the walk's command being run */

bool __real_app_sdl_event(app *a, const SDL_Event *e);
void __real_app_update(app *a);
bool __wrap_app_sdl_event(app *a, const SDL_Event *e);
void __wrap_app_update(app *a);

static double touch_t0, touch_c0;
static bool touch_open, touch_lifted;

static void touch_begin(void)
{
    if (callgrind_touches)
        CALLGRIND_ZERO_STATS;
    touch_t0 = now_us();
    touch_c0 = cpu_us();
}

/* The loop's work after a touch (app_run): redraw if anything changed, then
 * the frame onto the window, pushed through the renderer. */
static void touch_end(app *a)
{
    if (app_dirty(a))
        app_draw(a);
    app_present(a);
    SDL_RenderFlush(r_sdl(app_render(a)));
    double cpu = cpu_us() - touch_c0, wall = now_us() - touch_t0;
    int n = ntouches < MAX_TOUCHES ? ntouches : MAX_TOUCHES - 1;
    touch_time *t = &touches[n];
    snprintf(t->label, sizeof t->label, "%d %s -> %s", ntouches + 1, touch_label,
             app_screen_name(a));
    if (callgrind_touches)
        CALLGRIND_DUMP_STATS_AT(t->label);
    t->cpu = cpu;
    t->wall = wall;
    if (measure_touches && ntouches < MAX_TOUCHES)
        ntouches++;
}

/* A touch starts with the finger down (the test kit's hands push the
 * panel's SDL finger events through app_sdl_event)... */
bool __wrap_app_sdl_event(app *a, const SDL_Event *e)
{
    if (e->type == SDL_FINGERDOWN && !touch_open) {
        touch_open = true;
        touch_lifted = false;
        touch_begin();
    }
    bool go_on = __real_app_sdl_event(a, e);
    if (e->type == SDL_FINGERUP)
        touch_lifted = true;
    return go_on;
}

/* ... and ends with the frame after the work the lifted finger caused. */
void __wrap_app_update(app *a)
{
    __real_app_update(a);
    if (touch_open && touch_lifted) {
        touch_open = false;
        touch_end(a);
    }
}

/* ---- measuring --------------------------------------------------------------- */

#define MAX_STEPS 256

typedef struct {
    char name[48];
    int step;
    double us, cpu;
} step_time;

static step_time steps[MAX_STEPS];
static int nsteps;
static int reps = 15;

/* A redraw that reached the pixels (the software renderer draws lazily). */
static void redraw_now(app *a)
{
    app_draw(a);
    SDL_RenderFlush(r_sdl(app_render(a)));
}

static void measure_redraw(app *a)
{
    if (!app_flow(a) || nsteps >= MAX_STEPS)
        return;
    const char *name = app_screen_name(a);
    int step = flow_step(app_flow(a));
    for (int i = 0; i < nsteps; i++)
        if (strcmp(steps[i].name, name) == 0 && steps[i].step == step)
            return;
    double t[64], c[64];
    int n = reps > 64 ? 64 : reps;
    for (int i = 0; i < n; i++) {
        double t0 = now_us(), c0 = cpu_us();
        redraw_now(a);
        t[i] = now_us() - t0;
        c[i] = cpu_us() - c0;
    }
    step_time *s = &steps[nsteps++];
    snprintf(s->name, sizeof s->name, "%s", name);
    s->step = step;
    s->us = median(t, n);
    s->cpu = median(c, n);
}

__attribute__((noinline)) void bench_one_redraw(app *a);
__attribute__((noinline)) void bench_one_redraw(app *a)
{
    redraw_now(a);
}

/* ---- walking: the test kit's replay driver, with these hooks --------------- */

typedef struct {
    const char *only_name;
    int only_step;
    bool only, trace, done_only;
    long *on_screen;
} walk_ctx;

/* Each touch is named by the command that makes it and the screen it
 * starts on ("chart:shoulder_front_l"). */
static void before_command(void *ctx, app *a, const replay_cmd *c)
{
    (void)ctx;
    const char *sn = app_screen_name(a);
    switch (c->op) {
    case RP_TAP:
        snprintf(touch_label, sizeof touch_label, "%s:tap %d %d", sn, c->x, c->y);
        break;
    case RP_DTAP:
        snprintf(touch_label, sizeof touch_label, "%s:taps %d %d", sn, c->x, c->y);
        break;
    case RP_PRESS:
        snprintf(touch_label, sizeof touch_label, "%s:%.40s", sn, c->arg);
        break;
    case RP_DRAG:
        snprintf(touch_label, sizeof touch_label, "%s:drag", sn);
        break;
    default:
        snprintf(touch_label, sizeof touch_label, "%s:%s %.40s", sn, replay_op_name(c->op), c->arg);
        break;
    }
}

/* After each command: the frame drawn if anything changed, then what the
 * mode measures (false: --only has drawn its screen, stop). */
static bool after_command(void *ctx, app *a, const replay_cmd *c)
{
    (void)c;
    walk_ctx *w = ctx;
    if (app_dirty(a))
        app_draw(a);
    if (w->trace) {
        const char *nm = app_screen_name(a);
        int k = content_screen_from_name(nm);
        w->on_screen[k >= 0 ? k : strcmp(nm, "still_there") == 0 ? SCREEN_COUNT : SCREEN_COUNT + 1]++;
    } else if (w->only) {
        if (app_flow(a) && strcmp(app_screen_name(a), w->only_name) == 0 &&
            flow_step(app_flow(a)) == w->only_step) {
            app_draw(a); /* warm the text cache first, uncounted */
            bench_one_redraw(a);
            w->done_only = true;
            return false;
        }
    } else if (!callgrind_touches) {
        measure_redraw(a);
    }
    return true;
}

int main(int argc, char **argv)
{
    app_options o = {.w = 800, .h = 480, .headless = true};
    const char *walk = NULL, *only = NULL, *config = NULL, *state_dir = NULL;
    bool trace = false;
    long on_screen[SCREEN_COUNT + 2] = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--walk") == 0 && v)
            walk = argv[++i];
        else if (strcmp(a, "--data") == 0 && v)
            o.data_dir = argv[++i];
        else if (strcmp(a, "--assets") == 0 && v)
            o.assets_dir = argv[++i];
        else if (strcmp(a, "--size") == 0 && v) {
            if (sscanf(argv[++i], "%dx%d", &o.w, &o.h) != 2)
                return 2;
        } else if (strcmp(a, "--reps") == 0 && v)
            reps = atoi(argv[++i]);
        else if (strcmp(a, "--only") == 0 && v)
            only = argv[++i];
        else if (strcmp(a, "--rotate") == 0 && v)
            o.rotate = atoi(argv[++i]);
        else if (strcmp(a, "--trace") == 0)
            trace = true;
        else if (strcmp(a, "--touches") == 0)
            callgrind_touches = true;
        else if (strcmp(a, "--config") == 0 && v)
            config = argv[++i];
        else if (strcmp(a, "--state") == 0 && v) /* kept: the caller's */
            state_dir = argv[++i];
        else if (strcmp(a, "--usb") == 0 && v) {
            o.usb_mount = argv[++i];
            o.usb_any_folder = true;
        }
        else {
            fprintf(stderr, "usage: ui_bench --walk FILE --data DIR --assets DIR [--size WxH] "
                            "[--config FILE] [--usb DIR] [--state DIR] [--reps N] [--only SCREEN[:STEP]] "
                            "[--touches] [--trace]\n");
            return 2;
        }
    }
    if (!walk || !o.data_dir || !o.assets_dir) {
        fprintf(stderr, "ui_bench: --walk, --data and --assets are required\n");
        return 2;
    }
    char state[] = "/tmp/painmap-bench-XXXXXX";
    if (!mkdtemp(state))
        return 2;
    o.state_dir = state_dir ? state_dir : state;
    o.font_dir = getenv("PAINMAP_FONT_DIR");
    /* the clinic's config, as painmap --config reads it (the staff walk's) */
    pm_config cfg;
    config_defaults(&cfg, NULL);
    pm_msgs config_msgs;
    pm_msgs_init(&config_msgs);
    flow_timing timing;
    if (config) {
        config_load(config, &cfg, &config_msgs);
        timing = config_flow_timing(&cfg);
        o.timing = &timing;
    }
    o.config = &cfg;
    o.config_problems = &config_msgs;
    measure_touches = !only && !trace;
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    app *a = app_create(&o);
    if (!a || !app_flow(a)) {
        fprintf(stderr, "ui_bench: the kiosk did not start (%s)\n", a ? app_attention(a) : "SDL");
        return 2;
    }
    char only_name[48] = "";
    int only_step = 0;
    if (only) {
        snprintf(only_name, sizeof only_name, "%s", only);
        char *colon = strchr(only_name, ':');
        if (colon) {
            *colon = '\0';
            only_step = atoi(colon + 1);
        }
    }
    /* The walk runs through the test kit's replay driver, exactly as a
     * replay runs it (press scrolls to its target, seek, answer, safety);
     * the hooks name each touch and measure after each command. */
    walk_ctx wc = {.only_name = only_name, .only_step = only_step, .only = only != NULL,
                   .trace = trace, .on_screen = on_screen};
    replay_opts ro = {.tolerance = -1, .budget = -1, .quiet = true, .no_shots = true,
                      .before = before_command, .after = after_command, .hook_ctx = &wc};
    if (app_dirty(a))
        app_draw(a);
    app_warm(a); /* as the kiosk's loop does once the first frame is up */
    int rc = replay_run_file(a, walk, &ro);
    if (trace) {
        for (int k = 0; k < SCREEN_COUNT + 2; k++)
            printf("%-16s %ld\n", k < SCREEN_COUNT ? content_screen_name((pm_screen)k)
                                   : k == SCREEN_COUNT ? "still_there" : "other",
                   on_screen[k]);
    } else if (!only && rc == 0) {
        int busiest = 0;
        for (int i = 0; i < nsteps; i++) {
            printf("redraw %-14s step %2d %8.0f us wall %8.0f us cpu\n", steps[i].name,
                   steps[i].step, steps[i].us, steps[i].cpu);
            if (steps[i].cpu > steps[busiest].cpu)
                busiest = i;
        }
        if (nsteps)
            printf("busiest %s %d %.0f %.0f\n", steps[busiest].name, steps[busiest].step,
                   steps[busiest].us, steps[busiest].cpu);
        if (ntouches) {
            static double w[MAX_TOUCHES], cp[MAX_TOUCHES];
            int worst = 0;
            for (int i = 0; i < ntouches; i++) {
                printf("touch %8.0f us cpu %8.0f us wall  %s\n", touches[i].cpu,
                       touches[i].wall, touches[i].label);
                w[i] = touches[i].wall;
                cp[i] = touches[i].cpu;
                if (touches[i].cpu > touches[worst].cpu)
                    worst = i;
            }
            qsort(w, (size_t)ntouches, sizeof *w, cmp_d);
            qsort(cp, (size_t)ntouches, sizeof *cp, cmp_d);
            printf("tap %.0f %.0f %.0f %d\n", w[ntouches / 2], w[ntouches * 95 / 100],
                   w[ntouches - 1], ntouches);
            printf("tap_cpu %.0f %.0f %.0f %d\n", cp[ntouches / 2], cp[ntouches * 95 / 100],
                   cp[ntouches - 1], ntouches);
            printf("tap_worst %s\n", touches[worst].label);
        }
    } else if (only && !wc.done_only) {
        fprintf(stderr, "ui_bench: the walk never showed %s step %d\n", only_name, only_step);
        rc = 1;
    }
    app_destroy(a);
    pm_msgs_free(&config_msgs);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", state);
    if (system(cmd) != 0)
        fprintf(stderr, "ui_bench: could not remove %s\n", state);
    return rc;
}
