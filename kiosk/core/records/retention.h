/* retention.h — deleting intakes when their time is up, and only then.
 *
 * Rules (retention_rules, from pm_config):
 * - an intake copied to a USB stick is deleted once retention_days have
 *   passed since it was saved, or sooner when delete_after_export_days is
 *   set (that many days after its export);
 * - an intake never copied is kept until staff copy or delete it, unless
 *   the clinic said otherwise (delete_uncopied = yes): then retention_days
 *   count for it too. A kiosk must not lose an intake nobody has read
 *   because a number in a file said so by default.
 * Nothing else is deleted automatically (staff may delete one intake by
 * hand: queue_delete()).
 *
 * Age comes from the record's name (its save time, UTC), so a damaged
 * record still ages out. Files whose names are not a saved intake's are
 * never touched.
 *
 * Clock safety: the kiosk has no network and may have no battery clock, so
 * the wall clock is judged before anything is deleted (retention_judge_clock):
 * - before RETENTION_CLOCK_MIN it was never set: nothing is deleted;
 * - more than RETENTION_CLOCK_JUMP_S ahead of the last time the kiosk
 *   trusted its clock (RETENTION_TRUST_FILE, written after every trusted
 *   run) or of the newest saved intake, it jumped (a mistyped date, a flat
 *   clock battery, a clock module gone mad): nothing is deleted until the
 *   clock comes back or staff confirm the date (retention_confirm_clock);
 * - behind: it only makes intakes look younger, so it is trusted, and an
 *   intake saved "in the future" is kept and reported.
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
/* How far the clock may move ahead of its last trusted reading between two
 * runs: a kiosk left off for a month's holiday is still believed; a year
 * typed wrong, or 2036 from a clock chip that lost its battery, is not. */
#define RETENTION_CLOCK_JUMP_S (31 * RETENTION_DAY_S)
/* In the intakes folder, beside PIN_GUARD_FILE: the UTC seconds of the last
 * run that trusted the clock, as decimal text. */
#define RETENTION_TRUST_FILE "clock-trusted"

typedef struct {
    uint32_t retention_days;          /* at least CONFIG_RETENTION_MIN is used */
    int32_t delete_after_export_days; /* CONFIG_UNSET: never sooner than retention_days */
    bool delete_uncopied;             /* the clinic lets never-copied intakes go too */
} retention_rules;

retention_rules retention_rules_of(const pm_config *cfg);

typedef enum {
    RETENTION_CLOCK_OK,     /* trusted: retention may delete what is due */
    RETENTION_CLOCK_UNSET,  /* reads before RETENTION_CLOCK_MIN */
    RETENTION_CLOCK_JUMPED, /* more than RETENTION_CLOCK_JUMP_S ahead of its reference */
} retention_clock;

/* What the clock is judged against: the later of RETENTION_TRUST_FILE and
 * the newest saved intake's time; 0 when there is neither. Reads only. */
int64_t retention_clock_reference(store *s);

/* Judges the wall clock now (UTC seconds) against a reference (0: none). */
retention_clock retention_judge_clock(int64_t now, int64_t reference);

/* Staff say the date now is right: it becomes the reference, so retention
 * runs again. Errors as for store_write_atomic. */
pm_status retention_confirm_clock(store *s, int64_t now, pm_msg *err);

typedef struct {
    int deleted;       /* intakes deleted now */
    int kept;          /* intakes still within their time */
    int uncopied;      /* intakes past their time, kept because never copied */
    int failed;        /* intakes due but not deleted (log says why) */
    int future;        /* intakes saved after "now": the clock is suspect */
    retention_clock clock;
    int64_t reference; /* what the clock was judged against (0: none) */
    int64_t next_due;  /* UTC seconds when the oldest kept intake falls due (0: none) */
} retention_result;

/* Deletes what is due at now (UTC seconds). Appends one line per deletion
 * or problem to log (may be NULL). Returns PM_OK, PM_ERR_STATE when the
 * clock is not trusted (nothing deleted; res->clock says why), or the
 * listing's error. Individual delete failures are counted in res->failed
 * and logged; the run goes on. A trusted run records now as the clock's
 * reference (a failure to write it is logged; the next run still judges
 * against the newest intake). */
pm_status retention_run(store *s, const retention_rules *rules, int64_t now,
                        retention_result *res, pm_msgs *log);

/* Same, with the rules taken from the config. */
pm_status retention_run_config(store *s, const pm_config *cfg, int64_t now,
                               retention_result *res, pm_msgs *log);

/* True when a run is due: never run (last_run < 0), a day has passed since
 * last_run, or the clock went back before it. */
bool retention_due(int64_t last_run, int64_t now);

#endif
