/* saver.h — the core decides how an intake is saved, and keeps any it
 * could not save.
 *
 * The flow (intake/flow.h) reaching its saving screen asks for a save;
 * saver_step() sees that, saves the intake (record_save) and tells the flow
 * how it went (EV_SAVE_DONE, EV_SAVE_FAILED): the shell never renders,
 * stores or reports a save itself, it only calls saver_step() after every
 * event and when saver_next_deadline() comes.
 *
 * A failed save (a full or read-only card, a missing folder) is never lost
 * while the kiosk runs:
 *   - a copy of the intake is kept here (up to SAVER_KEEP of them) and the
 *     flow is told so (EV_SAVE_FAILED with arg 1): its "not saved yet"
 *     screen offers Retry, no Back, and times out to welcome like any other
 *     screen without the next client ever seeing this one's answers;
 *   - every kept intake is saved again by itself every SAVER_RETRY_MS (time
 *     passed in), so it reaches the disk once space returns, tapped or not;
 *     a Retry tap tries at once. When the intake a failed-save screen still
 *     shows gets saved, that screen moves on to thank-you;
 *   - staff are told: a line at warning priority when it is kept and when
 *     its client leaves it, and saver_kept() for the staff queue's notice
 *     (staff/desk.h). saver_flush() tries once more before the kiosk stops.
 * With SAVER_KEEP already kept, a new failure is not kept: the flow then
 * holds the intake on its failed-save screen until a Retry succeeds.
 * Each kept intake keeps the time of its first try (its record says when
 * the client finished, not when the disk came back).
 *
 * Log lines (what happened, what to do) go to setup.log with a syslog
 * priority; nothing here writes anywhere but the store.
 *
 * Ownership: the saver copies the setup; store and content must outlive
 * it. The flow passed to saver_step is the caller's. saver_destroy() wipes
 * every intake it still holds. */
#ifndef PM_SAVER_H
#define PM_SAVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content.h"
#include "flow.h"
#include "status.h"
#include "store.h"

#define SAVER_KEEP 32           /* failed intakes kept in memory at most */
#define SAVER_RETRY_MS 30000u   /* a kept intake is tried again this often */
#define SAVER_PATH_MAX 1100

typedef enum {
    SAVER_ERR = 3,     /* a save failed */
    SAVER_WARNING = 4, /* an intake waits in memory only: staff must know */
    SAVER_NOTICE = 5,  /* an intake was saved */
} saver_level;

typedef void (*saver_log_fn)(void *ctx, saver_level level, const char *line);

typedef struct {
    store *store;              /* NULL: every save fails, saying why */
    const pm_content *content;
    int page_lang;             /* content language of the print pages */
    saver_log_fn log;          /* NULL: no log lines */
    void *log_ctx;
} saver_setup;

typedef struct {
    uint64_t mono_ms;          /* the flow's clock */
    int64_t utc_s;             /* wall clock, names and dates the record */
} saver_clock;

typedef struct saver saver;

/* PM_ERR_NOMEM, or PM_ERR_INVALID without content. */
pm_status saver_create(const saver_setup *setup, saver **out);
/* Wipes and frees every intake still kept (saver_flush first to try). */
void saver_destroy(saver *sv);

/* Does the saving due at now: the flow's save when it wants one (f may be
 * NULL: retries only), then every kept intake whose retry time has come.
 * Returns true when something the screens show changed (the flow moved on
 * or failed, the count kept changed). */
bool saver_step(saver *sv, flow *f, saver_clock now);

/* One last try of every kept intake, whatever the time (the kiosk is
 * stopping); a line at error priority for each one still not saved.
 * Returns how many are still kept. */
size_t saver_flush(saver *sv, saver_clock now);

/* When saver_step next has a retry to make (ms, the flow's clock); now_ms
 * when overdue; UINT64_MAX when nothing is kept. */
uint64_t saver_next_deadline(const saver *sv, uint64_t now_ms);

/* Intakes kept in memory, not yet on disk. */
size_t saver_kept(const saver *sv);
/* Why the last save failed, for the failed-save screen; "" after a save
 * that worked. */
const char *saver_problem(const saver *sv);
/* The path of the last record saved ("STATE/intakes/STEM.json"), "" none. */
const char *saver_last_saved(const saver *sv);

#endif
