/* saver.c — the flow's saves, and the intakes kept after a failed one
 * (contract in saver.h).
 *
 * Why a state machine in the core and not a function the shell calls: what
 * happens after a failure (keep a copy, retry on a clock, let the client
 * walk away, tell staff, move a still-showing failed screen on when a
 * retry works) is a decision about client data, and decisions live where
 * they can be tested in microseconds with a fake disk and a fake clock. */
#include "saver.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

typedef struct {
    intake in;
    int64_t saved_at;          /* when its client finished: the record's time */
    uint64_t next_ms;          /* when to try again */
    char why[PM_MSG_MAX];      /* why the last try failed (logged when it changes) */
} kept;

struct saver {
    saver_setup set;
    kept *slot[SAVER_KEEP];    /* NULL: free */
    size_t nkept;
    int flow_slot;             /* the kept intake the flow's failed screen shows, or -1 */
    unsigned flow_resets;      /* flow_resets() when flow_slot was set */
    char problem[PM_MSG_MAX];
    char last_path[SAVER_PATH_MAX];
};

static void say(const saver *sv, saver_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void say(const saver *sv, saver_level level, const char *fmt, ...)
{
    if (!sv->set.log)
        return;
    char line[PM_MSG_MAX * 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    sv->set.log(sv->set.log_ctx, level, line);
}

pm_status saver_create(const saver_setup *setup, saver **out)
{
    *out = NULL;
    if (!setup || !setup->content)
        return PM_ERR_INVALID;
    saver *sv = calloc(1, sizeof *sv);
    if (!sv)
        return PM_ERR_NOMEM;
    sv->set = *setup;
    sv->flow_slot = -1;
    *out = sv;
    return PM_OK;
}

static void release(saver *sv, int i)
{
    kept *k = sv->slot[i];
    if (!k)
        return;
    intake_wipe(&k->in);
    explicit_bzero(k, sizeof *k);
    free(k);
    sv->slot[i] = NULL;
    sv->nkept--;
    if (sv->flow_slot == i)
        sv->flow_slot = -1;
}

void saver_destroy(saver *sv)
{
    if (!sv)
        return;
    for (int i = 0; i < SAVER_KEEP; i++)
        release(sv, i);
    free(sv);
}

/* One try. Logs the saved record, or the failure when its reason is new
 * (why: the reason logged last for this intake, "" for a first try). */
static pm_status try_save(saver *sv, const intake *in, int64_t saved_at, char why[PM_MSG_MAX])
{
    pm_msg err = {{0}};
    record_saved rec;
    pm_status st = record_save(sv->set.store, sv->set.content, in, saved_at, sv->set.page_lang,
                               &rec, &err);
    if (st != PM_OK) {
        if (strcmp(why, err.text) != 0)
            say(sv, SAVER_ERR, "save failed: %s", err.text);
        snprintf(why, PM_MSG_MAX, "%s", err.text);
        snprintf(sv->problem, sizeof sv->problem, "%s", err.text);
        return st;
    }
    snprintf(sv->last_path, sizeof sv->last_path, "%s/%s.json",
             store_intakes_dir(sv->set.store), rec.stem);
    if (rec.page_missing)
        say(sv, SAVER_NOTICE, "saved %s, but not its printable page: %s", sv->last_path, err.text);
    else
        say(sv, SAVER_NOTICE, "saved %s (and .html)", sv->last_path);
    sv->problem[0] = '\0';
    return PM_OK;
}

/* A copy of in, tried first at now; -1 when SAVER_KEEP are kept already. */
static int keep(saver *sv, const intake *in, saver_clock now, const char *why)
{
    for (int i = 0; i < SAVER_KEEP; i++) {
        if (sv->slot[i])
            continue;
        kept *k = calloc(1, sizeof *k);
        if (!k)
            return -1;
        k->in = *in;
        k->saved_at = now.utc_s;
        k->next_ms = now.mono_ms + SAVER_RETRY_MS;
        snprintf(k->why, sizeof k->why, "%s", why);
        sv->slot[i] = k;
        sv->nkept++;
        return i;
    }
    return -1;
}

static void tell_flow(flow *f, flow_event_type type, int arg, saver_clock now)
{
    flow_event ev = {.type = type, .arg = arg};
    (void)flow_handle(f, &ev, now.mono_ms);
}

/* The flow's client left the failed-save screen (idle, start over): the
 * intake stays here, and staff must know it is only in memory. */
static bool watch_flow(saver *sv, const flow *f)
{
    if (sv->flow_slot < 0)
        return false;
    if (flow_resets(f) == sv->flow_resets && flow_screen(f) == SCREEN_SAVING)
        return false;
    sv->flow_slot = -1;
    say(sv, SAVER_WARNING,
        "the client left after their intake could not be saved: it stays in memory, shown to "
        "no one, and is saved by itself once the state folder allows (%zu waiting)",
        sv->nkept);
    return true;
}

/* The flow wants a save: a first try, or Retry on its failed-save screen. */
static void save_for_flow(saver *sv, flow *f, saver_clock now)
{
    int i = sv->flow_slot;
    if (i >= 0) {
        kept *k = sv->slot[i];
        if (try_save(sv, &k->in, k->saved_at, k->why) == PM_OK) {
            release(sv, i);
            tell_flow(f, EV_SAVE_DONE, 0, now);
        } else {
            k->next_ms = now.mono_ms + SAVER_RETRY_MS;
            tell_flow(f, EV_SAVE_FAILED, 1, now);
        }
        return;
    }
    char why[PM_MSG_MAX] = "";
    if (try_save(sv, flow_intake(f), now.utc_s, why) == PM_OK) {
        tell_flow(f, EV_SAVE_DONE, 0, now);
        return;
    }
    i = keep(sv, flow_intake(f), now, why);
    if (i < 0) {
        say(sv, SAVER_WARNING,
            "the intake could not be kept for retries (%d are waiting already): it stays on its "
            "screen until Retry works; free space or fix the state folder now",
            SAVER_KEEP);
        tell_flow(f, EV_SAVE_FAILED, 0, now);
        return;
    }
    sv->flow_slot = i;
    sv->flow_resets = flow_resets(f);
    say(sv, SAVER_WARNING,
        "the intake is kept in memory (%zu waiting) and saved again by itself every %u s until "
        "it works; staff see this on the queue. Free space or fix the state folder, and keep "
        "the kiosk switched on: what waits in memory is lost if it stops",
        sv->nkept, SAVER_RETRY_MS / 1000);
    tell_flow(f, EV_SAVE_FAILED, 1, now);
}

/* Kept intakes whose time has come (all of them when force). */
static bool retry_due(saver *sv, flow *f, saver_clock now, bool force)
{
    bool changed = false;
    for (int i = 0; i < SAVER_KEEP; i++) {
        kept *k = sv->slot[i];
        if (!k || (!force && now.mono_ms < k->next_ms))
            continue;
        if (try_save(sv, &k->in, k->saved_at, k->why) != PM_OK) {
            k->next_ms = now.mono_ms + SAVER_RETRY_MS;
            continue;
        }
        bool showing = i == sv->flow_slot && f && flow_save_failed(f);
        release(sv, i);
        if (showing)
            tell_flow(f, EV_SAVE_DONE, 0, now); /* its screen moves on to thanks */
        changed = true;
    }
    return changed;
}

bool saver_step(saver *sv, flow *f, saver_clock now)
{
    bool changed = false;
    if (f) {
        changed = watch_flow(sv, f);
        if (flow_wants_save(f)) {
            save_for_flow(sv, f, now);
            changed = true;
        }
    }
    return retry_due(sv, f, now, false) || changed;
}

size_t saver_flush(saver *sv, saver_clock now)
{
    retry_due(sv, NULL, now, true);
    if (sv->nkept)
        say(sv, SAVER_ERR,
            "the kiosk stops with %zu intake%s it could not save (%s): %s lost", sv->nkept,
            sv->nkept == 1 ? "" : "s", sv->problem, sv->nkept == 1 ? "it is" : "they are");
    return sv->nkept;
}

uint64_t saver_next_deadline(const saver *sv, uint64_t now_ms)
{
    uint64_t due = UINT64_MAX;
    for (int i = 0; i < SAVER_KEEP; i++)
        if (sv->slot[i] && sv->slot[i]->next_ms < due)
            due = sv->slot[i]->next_ms;
    return due < now_ms ? now_ms : due;
}

size_t saver_kept(const saver *sv) { return sv->nkept; }
const char *saver_problem(const saver *sv) { return sv->problem; }
const char *saver_last_saved(const saver *sv) { return sv->last_path; }
