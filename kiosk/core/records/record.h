/* record.h — "save this intake", written once: the kiosk (through the
 * saver, saver.h), the unit tests, the power-cut saver and the bench all
 * save through record_save(), so what they test and measure is what the
 * kiosk does.
 *
 * A save is: render the record of truth (summary_render_json) and its print
 * page (summary_render_html), store both durably (store_save: temporary
 * file, fsync, rename without replacing, fsync of the folder), then wipe
 * the rendered text, which holds the client's answers, before freeing it.
 *
 * Time is passed in (saved_at, UTC seconds); nothing here reads a clock.
 *
 * Ownership: the caller owns the store, the content and the intake;
 * record_save keeps nothing after it returns. */
#ifndef PM_RECORD_H
#define PM_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "content.h"
#include "intake.h"
#include "status.h"
#include "store.h"

/* How many seconds past saved_at a record may move when every name of a
 * second is taken (store_save's PM_ERR_LIMIT: 100 saves in one second). */
#define RECORD_LATER_MAX 60

typedef struct {
    char stem[STORE_STEM_MAX]; /* the name both files share: "20261127-090000-00" */
    int64_t saved_at;          /* the time the record carries and its name shows */
    bool page_missing;         /* the record is safe, its page is not: err says why */
} record_saved;

/* Saves in as STEM.json and STEM.html in the store's intakes folder.
 * page_lang: the content language of the print page's headings.
 *
 * PM_OK: the record is on disk and out is filled. When only the page
 *   failed, out->page_missing is set and err says why (the record is safe;
 *   start-up makes the page again, upkeep.h); otherwise err->text is "".
 * PM_ERR_FULL, PM_ERR_READONLY, PM_ERR_NOT_FOUND, PM_ERR_IO: nothing was
 *   saved (store_save leaves nothing partial); err says what failed and what
 *   to do. Keep the intake and try again later.
 * PM_ERR_LIMIT: every name from saved_at to RECORD_LATER_MAX seconds later
 *   is taken (the record moves to the next free second otherwise, rendered
 *   again so the time inside matches its name).
 * PM_ERR_INVALID: s, c or in is NULL (no store: the state folder could not
 *   be opened at all), saved_at is outside 1970..9999, or the intake breaks
 *   its invariants (a bug elsewhere: nothing is written rather than a record
 *   naming the wrong thing). PM_ERR_NOMEM.
 * err may be NULL; out may be NULL. */
pm_status record_save(store *s, const pm_content *c, const intake *in, int64_t saved_at,
                      int page_lang, record_saved *out, pm_msg *err);

#endif
