/* upkeep.h — the store's housekeeping: at start-up and once a day.
 *
 * At start-up, before any save:
 *   0. entries that are not plain files (a named pipe, a symbolic link) and
 *      files that look like intakes but are not named like one are logged
 *      (store_refused, store_foreign); nothing opens them;
 *   1. temporary files a crash or power cut left behind are removed
 *      (store_clean_temp);
 *   2. records and pages saved plain before the clinic's key was set up
 *      are sealed in place (store_seals);
 *   3. a record saved without its print page (the power went between the
 *      two writes) gets its page back, rendered again from the record; a
 *      sealed record cannot be read without the staff passphrase, so its
 *      page waits for the next unlock (upkeep_restore_pages);
 *   4. retention runs (retention.h): intakes past their days are deleted
 *      (by name and markers: it needs no key).
 * Then retention again whenever upkeep_due() says so (daily).
 *
 * Pure apart from the store: time is passed in; every line worth logging is
 * appended to log (may be NULL) for the caller to print. */
#ifndef PM_UPKEEP_H
#define PM_UPKEEP_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "content.h"
#include "retention.h"
#include "status.h"
#include "store.h"

typedef struct {
    int refused;          /* entries that are not plain files (logged, never opened) */
    int temp_removed;     /* leftover temporary files removed */
    int pages_restored;   /* print pages written again from their record */
    int pages_failed;     /* records whose page could not be made (log says why) */
    int pages_waiting;    /* sealed records without a page: made at the next unlock */
    int sealed_now;       /* files saved plain before the key was set up, sealed now */
    retention_result retention;
    pm_status retention_status; /* PM_ERR_STATE: the clock looks unset, nothing deleted */
} upkeep_result;

/* Steps 1-3. staff_lang: the language of restored pages. now: UTC seconds. */
void upkeep_startup(store *s, const pm_content *c, const pm_config *cfg, int staff_lang,
                    int64_t now, upkeep_result *res, pm_msgs *log);

/* Step 3 alone, for staff mode once it has unlocked the intakes (the
 * store can open sealed records then). */
void upkeep_restore_pages(store *s, const pm_content *c, int staff_lang, upkeep_result *res,
                          pm_msgs *log);

/* Retention only (the daily run). */
void upkeep_daily(store *s, const pm_config *cfg, int64_t now, upkeep_result *res, pm_msgs *log);

/* True when the daily run is due (last < 0: never run). */
bool upkeep_due(int64_t last, int64_t now);

#endif
