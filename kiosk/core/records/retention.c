/* retention.c — time-based deletion of intakes (see retention.h).
 *
 * Why it is built this way: deletion is the one irreversible thing the
 * kiosk does on its own, so the rules are few and checked in order — a
 * clock that can be trusted (set, and not leapt ahead of what the kiosk
 * last saw), a name that is a saved intake's, an age counted from the name
 * (not from file times, which a copy or a clock jump can change), an
 * intake that reached the clinic (copied) unless the clinic said otherwise
 * — and the deleting itself goes through queue_delete(), the same path a
 * staff member's delete takes. */
#include "retention.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "queue.h"

#define LOG(...)                                 \
    do {                                         \
        if (log)                                 \
            (void)pm_msgs_add(log, __VA_ARGS__); \
    } while (0)

retention_rules retention_rules_of(const pm_config *cfg)
{
    return (retention_rules){cfg->retention_days, cfg->delete_after_export_days,
                             cfg->delete_uncopied};
}

static void date_text(int64_t t, char *out, size_t size)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm) || !strftime(out, size, "%Y-%m-%d %H:%M UTC", &tm))
        snprintf(out, size, "%lld", (long long)t);
}

/* The last trusted reading, or 0 when there is none (or it is damaged:
 * the newest intake is then the reference). */
static int64_t trusted_reading(store *s)
{
    char *text = NULL;
    size_t len = 0;
    pm_msg err;
    int64_t t = 0;
    if (store_read(s, RETENTION_TRUST_FILE, &text, &len, &err) == PM_OK) {
        char *end;
        long long v = strtoll(text, &end, 10);
        if (end != text && (*end == '\0' || *end == '\n') && v >= RETENTION_CLOCK_MIN)
            t = (int64_t)v;
    }
    free(text);
    return t;
}

static int64_t newest_intake(const store_stems *v)
{
    int64_t newest = 0;
    for (size_t i = 0; i < v->n; i++) {
        int64_t t;
        /* saved while the clock was unset: no reading of a set clock */
        if (queue_stem_time(v->stems[i], &t) && t >= RETENTION_CLOCK_MIN && t > newest)
            newest = t;
    }
    return newest;
}

retention_clock retention_judge_clock(int64_t now, int64_t reference)
{
    if (now < RETENTION_CLOCK_MIN)
        return RETENTION_CLOCK_UNSET;
    if (reference > 0 && now > reference && now - reference > RETENTION_CLOCK_JUMP_S)
        return RETENTION_CLOCK_JUMPED;
    return RETENTION_CLOCK_OK;
}

static int64_t reference_of(store *s, const store_stems *v)
{
    int64_t file = trusted_reading(s), newest = newest_intake(v);
    return file > newest ? file : newest;
}

int64_t retention_clock_reference(store *s)
{
    store_stems v;
    if (store_list_stems(s, &v) != PM_OK)
        return trusted_reading(s);
    int64_t ref = reference_of(s, &v);
    store_stems_free(&v);
    return ref;
}

pm_status retention_confirm_clock(store *s, int64_t now, pm_msg *err)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld\n", (long long)now);
    return store_write_atomic(s, RETENTION_TRUST_FILE, buf, (size_t)n, true, err);
}

static void say_untrusted(pm_msgs *log, retention_clock c, int64_t now, int64_t reference)
{
    char when[40], ref[40];
    date_text(now, when, sizeof when);
    date_text(reference, ref, sizeof ref);
    if (c == RETENTION_CLOCK_UNSET)
        LOG("retention: the kiosk's clock is not set (it reads %s); no intake is deleted "
            "until it is. Set the date and time.",
            when);
    else
        LOG("retention: the kiosk's clock reads %s, more than %lld days after it was last "
            "known right (%s); no intake is deleted until the clock is fixed or staff "
            "confirm the date on the queue screen.",
            when, (long long)(RETENTION_CLOCK_JUMP_S / RETENTION_DAY_S), ref);
}

/* When an intake falls due under the clinic's days, whether it reached a
 * USB stick, and which rule makes it go (for the log). */
typedef struct {
    int64_t due;
    bool copied;
    const char *why;
} due_info;

static due_info due_of(store *s, const retention_rules *rules, const char *stem, int64_t saved,
                       int64_t now)
{
    uint32_t days = rules->retention_days < CONFIG_RETENTION_MIN ? CONFIG_RETENTION_MIN
                                                                 : rules->retention_days;
    due_info d = {saved + (int64_t)days * RETENTION_DAY_S, false, "retention_days passed"};
    /* a marker is a file on disk: a time after now (or before the epoch)
     * is not trusted to make anything go */
    int64_t exported;
    d.copied = queue_marker_time(s, stem, "exported", &exported) && exported >= 0 &&
               exported <= now;
    if (!d.copied)
        return d;
    d.why = "copied to a USB stick, and retention_days passed";
    if (rules->delete_after_export_days >= 0) {
        int64_t after = exported + (int64_t)rules->delete_after_export_days * RETENTION_DAY_S;
        if (after < d.due) {
            d.due = after;
            d.why = "copied to a USB stick, and delete_after_export_days passed";
        }
    }
    return d;
}

static void sweep(store *s, const retention_rules *rules, const store_stems *v, int64_t now,
                  retention_result *r, pm_msgs *log)
{
    for (size_t i = 0; i < v->n; i++) {
        const char *stem = v->stems[i];
        int64_t saved;
        if (!queue_stem_time(stem, &saved)) {
            LOG("retention: %s.json is not a saved intake's name; left alone", stem);
            continue;
        }
        if (saved > now) {
            r->future++;
            LOG("retention: %s was saved after the kiosk's current time: the clock may have "
                "gone back; kept",
                stem);
            continue;
        }
        due_info d = due_of(s, rules, stem, saved, now);
        if (now < d.due) {
            r->kept++;
            if (r->next_due == 0 || d.due < r->next_due)
                r->next_due = d.due;
            continue;
        }
        if (!d.copied && !rules->delete_uncopied) {
            r->uncopied++;
            continue;
        }
        pm_msg err;
        pm_status st = queue_delete(s, stem, &err);
        if (st == PM_OK) {
            r->deleted++;
            LOG("retention: deleted %s (%s)", stem, d.why);
        } else if (st != PM_ERR_NOT_FOUND) {
            r->failed++;
            LOG("retention: could not delete %s: %s", stem, err.text);
        }
    }
    if (r->uncopied)
        LOG("retention: %d intake%s past retention_days but never copied to a USB stick; "
            "kept until staff copy or delete them (delete_uncopied = no in painmap.conf)",
            r->uncopied, r->uncopied == 1 ? " is" : "s are");
}

pm_status retention_run(store *s, const retention_rules *rules, int64_t now,
                        retention_result *res, pm_msgs *log)
{
    retention_result r = {0};
    if (res)
        *res = r;
    store_stems v;
    pm_status listed = store_list_stems(s, &v);
    if (listed != PM_OK) {
        LOG("retention: cannot list the saved intakes (%s); will try again",
            pm_status_name(listed));
        return listed;
    }
    r.reference = reference_of(s, &v);
    r.clock = retention_judge_clock(now, r.reference);
    if (r.clock != RETENTION_CLOCK_OK) {
        say_untrusted(log, r.clock, now, r.reference);
        store_stems_free(&v);
        if (res)
            *res = r;
        return PM_ERR_STATE;
    }
    sweep(s, rules, &v, now, &r, log);
    store_stems_free(&v);
    pm_msg err;
    if (retention_confirm_clock(s, now, &err) != PM_OK)
        LOG("retention: could not note the time as trusted (%s); the next run judges the "
            "clock against the newest intake instead",
            err.text);
    if (res)
        *res = r;
    return PM_OK;
}

pm_status retention_run_config(store *s, const pm_config *cfg, int64_t now,
                               retention_result *res, pm_msgs *log)
{
    retention_rules rules = retention_rules_of(cfg);
    return retention_run(s, &rules, now, res, log);
}

bool retention_due(int64_t last_run, int64_t now)
{
    return last_run < 0 || now < last_run || now - last_run >= RETENTION_INTERVAL_S;
}
