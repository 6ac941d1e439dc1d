/* retention.c — time-based deletion of intakes (see retention.h).
 *
 * Why it is built this way: deletion is the one irreversible thing the
 * kiosk does on its own, so the rules are few and checked in order — a name
 * that is a saved intake's, a clock that has been set, an age counted from
 * the name (not from file times, which a copy or a clock jump can change)
 * — and the deleting itself goes through queue_delete(), the same path a
 * staff member's delete takes. */
#include "retention.h"

#include <stdlib.h>
#include <string.h>

#include "queue.h"

#define LOG(...)                                 \
    do {                                         \
        if (log)                                 \
            (void)pm_msgs_add(log, __VA_ARGS__); \
    } while (0)

pm_status retention_run(store *s, uint32_t retention_days, int32_t delete_after_export_days,
                        int64_t now, retention_result *res, pm_msgs *log)
{
    retention_result r = { 0 };
    if (res)
        *res = r;
    if (now < RETENTION_CLOCK_MIN) {
        if (log)
            (void)pm_msgs_add(log,
                              "retention: the kiosk's clock is not set (it reads %lld); no "
                              "intake is deleted until it is. Set the date and time.",
                              (long long)now);
        return PM_ERR_STATE;
    }
    if (retention_days < CONFIG_RETENTION_MIN)
        retention_days = CONFIG_RETENTION_MIN; /* a zero would delete everything at once */
    store_stems v;
    pm_status listed = store_list_stems(s, &v);
    if (listed != PM_OK) {
        LOG("retention: cannot list the saved intakes (%s); will try again",
            pm_status_name(listed));
        return listed;
    }
    int64_t keep_s = (int64_t)retention_days * RETENTION_DAY_S;
    for (size_t i = 0; i < v.n; i++) {
        const char *stem = v.stems[i];
        int64_t saved, exported;
        if (!queue_stem_time(stem, &saved)) {
            LOG("retention: %s.json is not a saved intake's name; left alone", stem);
            continue;
        }
        if (saved > now) {
            r.future++;
            LOG("retention: %s was saved after the kiosk's current time: the clock may have "
                "gone back; kept",
                stem);
            continue;
        }
        int64_t due = saved + keep_s;
        const char *why = "retention_days passed";
        /* a marker is a file on disk: a time after now (or before the epoch)
         * is not trusted to make anything go sooner */
        if (delete_after_export_days >= 0 && queue_marker_time(s, stem, "exported", &exported) &&
            exported >= 0 && exported <= now) {
            int64_t after = exported + (int64_t)delete_after_export_days * RETENTION_DAY_S;
            if (after < due) {
                due = after;
                why = "exported, and delete_after_export_days passed";
            }
        }
        if (now < due) {
            r.kept++;
            if (r.next_due == 0 || due < r.next_due)
                r.next_due = due;
            continue;
        }
        pm_msg err;
        pm_status st = queue_delete(s, stem, &err);
        if (st == PM_OK) {
            r.deleted++;
            LOG("retention: deleted %s (%s)", stem, why);
        } else if (st != PM_ERR_NOT_FOUND) {
            r.failed++;
            LOG("retention: could not delete %s: %s", stem, err.text);
        }
    }
    store_stems_free(&v);
    if (res)
        *res = r;
    return PM_OK;
}

pm_status retention_run_config(store *s, const pm_config *cfg, int64_t now,
                               retention_result *res, pm_msgs *log)
{
    return retention_run(s, cfg->retention_days, cfg->delete_after_export_days, now, res, log);
}

bool retention_due(int64_t last_run, int64_t now)
{
    return last_run < 0 || now < last_run || now - last_run >= RETENTION_INTERVAL_S;
}
