/* state_check.h — what a state folder must look like after anything at all
 * happened to the kiosk (a power cut, a full disk, a monkey): shared by the
 * power-cut, disk and monkey tests (not part of the kiosk).
 *
 * In STATE/intakes every name is one of:
 *   STEM.json     a record: summary_parse_json() accepts it against the
 *                 content, and its saved_at matches the time in STEM
 *   STEM.html     its page: complete (ends with "</html>"), and STEM.json
 *                 exists beside it (a page without a record is an error)
 *   STEM.seen, STEM.exported   staff markers (queue.h)
 *   .tmp-*        a save that was cut short: allowed only when the caller
 *                 says so (right after a kill, before the next start)
 * Anything else is reported. A record without its page is counted (the next
 * start should make the page again, store_missing_html) and is an error only
 * when the caller asks for pages.
 *
 * Sealed at rest: a sealed record or page is opened with o->key and then
 * checked the same way (a sealed file cut short never opens); with
 * o->require_sealed every record and page must be sealed.
 *
 * A "saved log" is the kiosk's stderr (or the saver's stdout): each line
 * "painmap: saved PATH.json (and .html)" names a save that was reported
 * done, so that record must be there and whole. */
#ifndef PM_STATE_CHECK_H
#define PM_STATE_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "content.h"
#include "seal.h"

typedef struct {
    bool allow_temps;     /* .tmp-* files are not an error */
    bool require_pages;   /* a record without its page is an error */
    const char *saved_log;/* text of the log (may be NULL) */
    FILE *out;            /* where problems are printed (NULL: stderr) */
    const char *what;     /* prefix for problem lines ("powercut run 17") */
    const seal_secret *key; /* opens sealed records and pages (NULL: none) */
    bool require_sealed;  /* every record and page must be sealed */
} sc_opts;

typedef struct {
    int records;          /* STEM.json that parse */
    int pages;            /* complete STEM.html */
    int missing_pages;    /* records without a page */
    int temps;            /* .tmp-* files */
    int markers;          /* .seen / .exported */
    int logged;           /* saves the log reported done */
    int failed_logged;    /* "save failed" lines in the log */
    int problems;         /* everything that is wrong */
} sc_result;

/* Checks STATE/intakes. A missing intakes folder is fine (nothing saved)
 * unless the log names saves. Returns r->problems. */
int sc_check(const pm_content *c, const char *state_dir, const sc_opts *o, sc_result *r);

/* The key of a painmap.conf (its intake_public_key and intake_secret_key
 * lines) unlocked with passphrase; NULL with a message on stderr when it
 * cannot be. Free with seal_secret_free. */
seal_secret *sc_unlock(const char *config_path, const char *passphrase);

/* Reads a whole file (NULL when it cannot; *len may be NULL). */
char *sc_read_file(const char *path, size_t *len);

#endif
