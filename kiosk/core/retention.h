/* retention.h — deleting intakes when their time is up, and only then.
 *
 * Rules (pm_config): an intake is deleted once retention_days have passed
 * since it was saved, whether or not it was exported; when
 * delete_after_export_days is set, an exported intake goes once that many
 * days have passed since its export. Nothing else is deleted automatically
 * (staff may delete one intake by hand: queue_delete()).
 *
 * Age comes from the record's name (its save time, UTC), so a damaged
 * record still ages out. Files whose names are not a saved intake's are
 * never touched.
 *
 * Clock safety: the kiosk has no network and may have no battery clock.
 * retention_run() refuses to delete anything while the wall clock reads
 * before RETENTION_CLOCK_MIN (an unset clock), and an intake saved "in the
 * future" (the clock went back) is kept and reported.
 *
 * When: at start-up (after store_clean_temp) and then whenever
 * retention_due() says so (daily), with the wall-clock time passed in. */
#ifndef PM_RETENTION_H
#define PM_RETENTION_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "status.h"
#include "store.h"

#define RETENTION_DAY_S INT64_C(86400)
#define RETENTION_INTERVAL_S RETENTION_DAY_S
#define RETENTION_CLOCK_MIN INT64_C(1767225600) /* 2026-01-01T00:00:00Z */

typedef struct {
    int deleted;       /* intakes deleted now */
    int kept;          /* intakes still within their time */
    int failed;        /* intakes due but not deleted (log says why) */
    int future;        /* intakes saved after "now": the clock is suspect */
    int64_t next_due;  /* UTC seconds when the oldest kept intake falls due (0: none) */
} retention_result;

/* Deletes what is due at now (UTC seconds). Appends one line per deletion
 * or problem to log (may be NULL). Returns PM_OK, PM_ERR_STATE when the
 * clock is unset (nothing deleted), or the listing's error. Individual
 * delete failures are counted in res->failed and logged; the run goes on. */
pm_status retention_run(store *s, uint32_t retention_days, int32_t delete_after_export_days,
                        int64_t now, retention_result *res, pm_msgs *log);

/* Same, with the days taken from the config. */
pm_status retention_run_config(store *s, const pm_config *cfg, int64_t now,
                               retention_result *res, pm_msgs *log);

/* True when a run is due: never run (last_run < 0), a day has passed since
 * last_run, or the clock went back before it. */
bool retention_due(int64_t last_run, int64_t now);

#endif
