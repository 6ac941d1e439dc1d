/* save_bench.c — how long saving one intake takes: record_save(), the
 * kiosk's own save (kiosk/core/records/record.c: render JSON and HTML, then
 * the store's temporary file, write, fsync, rename, fsync of the folder;
 * twice, JSON then HTML), and what rendering the two costs on its own.
 *
 *   save_bench --data DIR --state DIR [--runs N]
 *
 * The intake is a full one (three regions with details, every screening
 * question answered, a pattern, preferences, a signature) walked through
 * the real flow. The state folder should be on the disk you care about
 * (the kiosk's: an SD card on the device). Prints
 *   render_json MEDIAN_US, render_html MEDIAN_US, bytes JSON HTML,
 *   save MEDIAN_MS P95_MS MAX_MS (render + store), save_nofsync MEDIAN_MS
 *   (fsync skipped through the store's I/O seam: the share the disk's
 *   flush takes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "flow.h"
#include "record.h"
#include "store.h"
#include "summary.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static bool full_intake(const pm_content *c, intake *out)
{
    flow *f = NULL;
    uint64_t t = 1000;
    if (flow_create(c, flow_default_timing(), "en", t, &f) != PM_OK)
        return false;
    for (int guard = 0; flow_screen(f) != SCREEN_SAVING && guard < 600; guard++) {
        t += 100;
        switch (flow_screen(f)) {
        case SCREEN_NAME:
            if (!intake_name_given(flow_intake(f))) {
                flow_event ev = {.type = EV_TYPE, .text = "María José Núñez"};
                flow_handle(f, &ev, t);
            }
            break;
        case SCREEN_CHART:
            if (flow_intake(f)->nmarks == 0)
                for (int i = 0; i < 3; i++) {
                    size_t r = (size_t)i * content_region_count(c) / 3;
                    flow_send(f, EV_SET_VIEW, content_region(c, r)->view, t);
                    flow_send(f, EV_TAP_REGION, (int)r, t);
                }
            break;
        case SCREEN_DETAILS:
            flow_send(f, EV_SET_INTENSITY, (3 + 2 * flow_step(f)) % 11, t);
            flow_send(f, EV_TOGGLE_QUALITY, flow_step(f) % 3, t);
            flow_send(f, EV_SET_DURATION, 1, t);
            break;
        case SCREEN_SCREENING:
            if (flow_alert(f) >= 0) /* "tell the front desk now": go on */
                flow_send(f, EV_ALERT_DONE, 0, t);
            else if (flow_screening_part(f) == PART_CHECKLIST) /* nothing ticked, on */
                flow_send(f, EV_CHECK_NONE, 0, t);
            else
                flow_send(f, EV_ANSWER, flow_step(f) == 2 ? 0 : 1, t);
            break;
        case SCREEN_PATTERNS: {
            int cand[FLOW_MAX_CANDIDATES];
            if (flow_candidates(f, cand, FLOW_MAX_CANDIDATES) > 0 && !flow_intake(f)->npatterns)
                flow_send(f, EV_TOGGLE_PATTERN, cand[0], t);
            else if (!flow_intake(f)->npatterns)
                flow_send(f, EV_NONE_OF_THESE, 0, t);
            break;
        }
        case SCREEN_PREFERENCES:
            flow_send(f, EV_SET_PRESSURE, 1, t);
            flow_send(f, EV_TOGGLE_AVOID, 0, t);
            break;
        case SCREEN_CONSENT:
            if (!flow_intake(f)->consent) {
                flow_send(f, EV_TOGGLE_CONSENT, 0, t);
                for (int p = 0; p < 120; p++) {
                    flow_event ev = {.type = EV_SIG_POINT, .arg = p % 40 == 0,
                                     .x = 100 + p * 6, .y = 200 + (p % 7) * 20};
                    flow_handle(f, &ev, t);
                }
            }
            break;
        default:
            break;
        }
        flow_send(f, EV_NEXT, 0, t);
    }
    bool ok = flow_wants_save(f);
    if (ok)
        *out = *flow_intake(f);
    flow_destroy(f);
    return ok;
}

static int no_fsync(void *ctx, int fd)
{
    (void)ctx;
    (void)fd;
    return 0;
}

int main(int argc, char **argv)
{
    const char *data = NULL, *state = NULL;
    int runs = 30;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--state") == 0 && i + 1 < argc)
            state = argv[++i];
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: save_bench --data DIR --state DIR [--runs N]\n");
            return 2;
        }
    }
    if (!data || !state || runs < 1 || runs > 10000)
        return 2;
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    if (content_load(data, &c, &problems) != PM_OK) {
        for (size_t i = 0; i < problems.count; i++)
            fprintf(stderr, "%s\n", problems.items[i]);
        return 2;
    }
    pm_msgs_free(&problems);
    static intake in;
    if (!full_intake(c, &in)) {
        fprintf(stderr, "save_bench: the flow did not reach saving\n");
        return 2;
    }
    double *rj = calloc((size_t)runs, sizeof(double)), *rh = calloc((size_t)runs, sizeof(double));
    double *sv = calloc((size_t)runs, sizeof(double)), *nf = calloc((size_t)runs, sizeof(double));
    store_io io = *store_io_posix();
    io.fsync = no_fsync;
    store *s = NULL, *s2 = NULL;
    pm_msg err;
    char state2[4200];
    snprintf(state2, sizeof state2, "%s/nofsync", state);
    if (store_open(state, NULL, &s, &err) != PM_OK || store_open(state2, &io, &s2, &err) != PM_OK) {
        fprintf(stderr, "save_bench: %s\n", err.text);
        return 2;
    }
    size_t jbytes = 0, hbytes = 0;
    int64_t at = (int64_t)time(NULL);
    for (int i = 0; i < runs; i++, at++) {
        /* What rendering costs on its own (measured, then dropped)... */
        char *json = NULL, *html = NULL;
        double t0 = now_us();
        summary_render_json(c, &in, at, &json);
        double t1 = now_us();
        summary_render_html(c, &in, at, 0, &html);
        double t2 = now_us();
        if (!json || !html)
            return 2;
        jbytes = strlen(json);
        hbytes = strlen(html);
        free(json);
        free(html);
        /* ... and the kiosk's whole save: record_save renders and stores. */
        double t3 = now_us();
        if (record_save(s, c, &in, at, 0, NULL, &err) != PM_OK) {
            fprintf(stderr, "save_bench: %s\n", err.text);
            return 1;
        }
        double t4 = now_us();
        record_save(s2, c, &in, at, 0, NULL, &err);
        double t5 = now_us();
        rj[i] = t1 - t0;
        rh[i] = t2 - t1;
        sv[i] = (t4 - t3) / 1000;
        nf[i] = (t5 - t4) / 1000;
    }
    qsort(rj, (size_t)runs, sizeof(double), cmp_d);
    qsort(rh, (size_t)runs, sizeof(double), cmp_d);
    qsort(sv, (size_t)runs, sizeof(double), cmp_d);
    qsort(nf, (size_t)runs, sizeof(double), cmp_d);
    printf("render_json %.0f\nrender_html %.0f\nbytes %zu %zu\n", rj[runs / 2], rh[runs / 2],
           jbytes, hbytes);
    printf("save %.2f %.2f %.2f\nsave_nofsync %.2f\n", sv[runs / 2], sv[runs * 95 / 100],
           sv[runs - 1], nf[runs / 2]);
    store_close(s);
    store_close(s2);
    content_free(c);
    free(rj);
    free(rh);
    free(sv);
    free(nf);
    return 0;
}
