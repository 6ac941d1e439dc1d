/* saver.c — pm_powercut_saver: the kiosk's saving path without the screen,
 * in a tight loop, for killing at random instants (tests/powercut/README.md).
 *
 * It does what the kiosk does around a save, with the same core code: at
 * start-up it removes temporary files a crash left (store_clean_temp) and
 * makes the page of any record that lacks one (store_missing_html); then,
 * again and again, it walks a client through the flow with seeded random
 * answers and saves it with record_save(), the kiosk's own save (record.h).
 * After each save reported done it writes the kiosk's own log line
 *   painmap: saved STATE/intakes/STEM.json (and .html)
 * to stdout with one write(2), so whoever kills it knows which saves must
 * have survived.
 *
 *   pm_powercut_saver --data DIR --state DIR [--seed N] [--count N]
 *                     [--config FILE --passphrase P]
 *
 * With --config (a painmap.conf with the clinic's key lines) every save is
 * sealed, as on a kiosk set up with a staff passphrase; --passphrase
 * unlocks the key at start-up so missing pages can be made again (on the
 * kiosk that waits for staff to unlock).
 *
 * "ready" is written once start-up is done. Exit 0 after --count saves
 * (default: forever), 1 when a save fails. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "flow.h"
#include "seal.h"
#include "record.h"
#include "store.h"
#include "summary.h"

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
    /* xorshift64*: fast, seeded, good enough to pick answers */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return n ? (uint32_t)((rng_state * 2685821657736338717ULL) >> 33) % n : 0;
}

static void say(const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(1, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

/* A safety page answered at random: the "tell the front desk now" alert
 * dismissed if one shows; on the checklist a few items ticked, or "None of
 * these"; elsewhere a random answer to every question of the page. */
static void answer_page(const pm_content *c, flow *f, uint64_t t)
{
    if (flow_alert(f) >= 0) {
        flow_send(f, EV_ALERT_DONE, 0, t);
        return;
    }
    int qs[FLOW_MAX_PAGE_QUESTIONS];
    int n = flow_page_questions(f, qs, FLOW_MAX_PAGE_QUESTIONS);
    if (flow_screening_part(f) == PART_CHECKLIST) {
        for (int i = 0; i < n; i++)
            if (rnd(6) == 0)
                flow_send(f, EV_TOGGLE_CHECK, qs[i], t);
        if (flow_next_blocker(f))
            flow_send(f, EV_CHECK_NONE, 0, t);
        return;
    }
    for (int i = 0; i < n; i++) {
        const pm_question *q = content_question(c, (size_t)qs[i]);
        flow_send2(f, EV_ANSWER_TO, qs[i], (int)rnd((uint32_t)q->nanswers), t);
        if (flow_alert(f) >= 0)
            flow_send(f, EV_ALERT_DONE, 0, t);
    }
}

/* One client, random but valid, walked through the real flow. */
static bool take_intake(const pm_content *c, intake *out)
{
    flow *f = NULL;
    uint64_t t = 1000;
    if (flow_create(c, flow_default_timing(), rnd(2) ? "es" : "en", t, &f) != PM_OK)
        return false;
    static const char *const names[] = {"Ana Müller", "José Núñez", "O'Brien-Smith",
                                        "<b>x</b> & \"y\"", "Zoë", "Łukasz"};
    size_t nr = content_region_count(c);
    for (int guard = 0; flow_screen(f) != SCREEN_SAVING && guard < 600; guard++) {
        t += 40;
        switch (flow_screen(f)) {
        case SCREEN_NAME:
            if (!intake_name_given(flow_intake(f))) {
                flow_event ev = {.type = EV_TYPE, .text = names[rnd(6)]};
                flow_handle(f, &ev, t);
            }
            break;
        case SCREEN_CHART:
            if (flow_intake(f)->nmarks == 0) {
                int marks = 1 + (int)rnd(5);
                for (int i = 0; i < marks; i++) {
                    int r = (int)rnd((uint32_t)nr);
                    flow_send(f, EV_SET_VIEW, content_region(c, (size_t)r)->view, t);
                    flow_send(f, EV_TAP_REGION, r, t);
                }
            }
            break;
        case SCREEN_DETAILS:
            flow_send(f, EV_SET_INTENSITY, (int)rnd(11), t);
            for (int i = (int)rnd(3); i > 0; i--)
                flow_send(f, EV_TOGGLE_QUALITY, (int)rnd((uint32_t)content_quality_count(c)), t);
            if (rnd(4))
                flow_send(f, EV_SET_DURATION, (int)rnd((uint32_t)content_duration_count(c)), t);
            break;
        case SCREEN_SCREENING:
            answer_page(c, f, t);
            break;
        case SCREEN_PATTERNS: {
            int cand[FLOW_MAX_CANDIDATES];
            int n = flow_candidates(f, cand, FLOW_MAX_CANDIDATES);
            if (n > 0 && rnd(4))
                flow_send(f, EV_TOGGLE_PATTERN, cand[rnd((uint32_t)n)], t);
            else
                flow_send(f, EV_NONE_OF_THESE, 0, t);
            break;
        }
        case SCREEN_PREFERENCES:
            flow_send(f, EV_SET_PRESSURE, (int)rnd((uint32_t)content_pressure_count(c)), t);
            if (content_avoid_count(c) && rnd(2))
                flow_send(f, EV_TOGGLE_AVOID, (int)rnd((uint32_t)content_avoid_count(c)), t);
            break;
        case SCREEN_CONSENT:
            if (!flow_intake(f)->consent) {
                flow_send(f, EV_TOGGLE_CONSENT, 0, t);
                for (int s = 0, n = 1 + (int)rnd(3); s < n; s++)
                    for (int p = 0, m = 2 + (int)rnd(60); p < m; p++) {
                        flow_event ev = {.type = EV_SIG_POINT, .arg = p == 0,
                                         .x = (int)rnd(INTAKE_SIG_W), .y = (int)rnd(INTAKE_SIG_H)};
                        flow_handle(f, &ev, t);
                    }
            }
            break;
        default:
            break;
        }
        flow_send(f, EV_NEXT, 0, t);
    }
    bool ok = flow_screen(f) == SCREEN_SAVING && flow_wants_save(f);
    if (!ok)
        fprintf(stderr, "saver: stuck on %s step %d: %s\n", content_screen_name(flow_screen(f)),
                flow_step(f), flow_next_blocker(f) ? flow_next_blocker(f) : "(no blocker)");
    if (ok)
        *out = *flow_intake(f);
    flow_destroy(f);
    return ok;
}

typedef struct {
    store *s;
    const pm_content *c;
    int remade;
} remake_ctx;

/* The page of a record that has none: what the kiosk's start should do. */
static void remake_page(const char *stem, void *arg)
{
    remake_ctx *x = arg;
    char name[STORE_STEM_MAX + 16];
    snprintf(name, sizeof name, "%s.json", stem);
    char *json = NULL, *html = NULL;
    pm_msg err = {{0}};
    intake *in = malloc(sizeof *in);
    int64_t at = 0;
    if (in && store_read(x->s, name, &json, NULL, &err) == PM_OK &&
        summary_parse_json(x->c, json, in, &at, &err) == PM_OK &&
        summary_render_html(x->c, in, at, 0, &html) == PM_OK) {
        snprintf(name, sizeof name, "%s.html", stem);
        if (store_write_atomic(x->s, name, html, strlen(html), true, &err) == PM_OK)
            x->remade++;
    }
    if (err.text[0])
        fprintf(stderr, "saver: page of %s: %s\n", stem, err.text);
    free(in);
    free(json);
    free(html);
}

int main(int argc, char **argv)
{
    const char *data = NULL, *state = NULL, *config = NULL, *passphrase = NULL;
    unsigned long long seed = 1;
    long count = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--state") == 0 && i + 1 < argc)
            state = argv[++i];
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--count") == 0 && i + 1 < argc)
            count = atol(argv[++i]);
        else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
            config = argv[++i];
        else if (strcmp(argv[i], "--passphrase") == 0 && i + 1 < argc)
            passphrase = argv[++i];
        else {
            fprintf(stderr, "usage: pm_powercut_saver --data DIR --state DIR [--seed N] "
                            "[--count N]\n");
            return 2;
        }
    }
    if (!data || !state) {
        fprintf(stderr, "pm_powercut_saver: --data and --state are required\n");
        return 2;
    }
    rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    if (content_load(data, &c, &problems) != PM_OK) {
        for (size_t i = 0; i < problems.count; i++)
            fprintf(stderr, "%s\n", problems.items[i]);
        pm_msgs_free(&problems);
        return 2;
    }
    pm_msgs_free(&problems);
    store *s = NULL;
    pm_msg err = {{0}};
    if (store_open(state, NULL, &s, &err) != PM_OK) {
        fprintf(stderr, "saver: %s\n", err.text);
        store_close(s);
        content_free(c);
        return 2;
    }
    seal_secret *key = NULL;
    if (config) { /* sealed at rest, as the kiosk with this painmap.conf */
        pm_config cfg;
        pm_msgs m;
        pm_msgs_init(&m);
        config_load(config, &cfg, &m);
        pm_msgs_free(&m);
        seal_public pk;
        seal_keybox kb;
        if (seal_ready(&err) != PM_OK || seal_public_parse(cfg.intake_public_key, &pk, &err) != PM_OK
            || seal_keybox_parse(cfg.intake_secret_key, &kb, &err) != PM_OK
            || (passphrase && seal_unlock(&kb, &pk, passphrase, &key, &err) != PM_OK)) {
            fprintf(stderr, "saver: %s: %s\n", config, err.text);
            store_close(s);
            content_free(c);
            return 2;
        }
        store_set_seal(s, &pk);
        store_set_opener(s, key);
    }
    int cleaned = store_clean_temp(s);
    remake_ctx rc = {s, c, 0};
    store_missing_html(s, remake_page, &rc);
    char line[4096];
    snprintf(line, sizeof line, "ready: %d temporary file%s removed, %d page%s made again\n",
             cleaned, cleaned == 1 ? "" : "s", rc.remade, rc.remade == 1 ? "" : "s");
    say(line);
    int64_t saved_at = (int64_t)time(NULL);
    intake *in = malloc(sizeof *in);
    int rcode = 0;
    for (long i = 0; in && (count < 0 || i < count); i++) {
        if (!take_intake(c, in)) {
            fprintf(stderr, "saver: the flow did not reach saving\n");
            rcode = 1;
            break;
        }
        int64_t now = (int64_t)time(NULL);
        if (now > saved_at)
            saved_at = now;
        record_saved rec;
        pm_status st = record_save(s, c, in, saved_at, 0, &rec, &err);
        if (st != PM_OK) {
            fprintf(stderr, "painmap: save failed: %s\n", err.text);
            rcode = 1;
            break;
        }
        saved_at = rec.saved_at; /* a full second moves the record on */
        const char *stem = rec.stem;
        snprintf(line, sizeof line, "painmap: saved %s/%s.json (and .html)%s%s\n",
                 store_intakes_dir(s), stem, err.text[0] ? " page problem: " : "", err.text);
        say(line);
    }
    free(in);
    store_set_opener(s, NULL);
    seal_secret_free(key);
    store_close(s);
    content_free(c);
    return rcode;
}
