/* queue.h — the staff queue: every saved intake, newest first, with what a
 * therapist needs to pick it up (name, time, regions, safety badge), and the
 * small state staff add to it (seen, exported) — plus the only two ways an
 * intake is ever deleted (staff, with confirmation; and retention.h).
 *
 * State beside each record, in the intakes folder, as marker files written
 * atomically with store_write_atomic():
 *   STEM.seen      staff opened or marked it     ("<epoch>\n<ISO time>\n")
 *   STEM.exported  a complete copy is on a stick ("<epoch>\n<ISO time>\n<folder>\n")
 * A marker that cannot be read counts as absent (the intake then shows as
 * new and is exported again: the safe direction).
 *
 * Records are read back with summary_parse_json(). A record that cannot be
 * read (damaged, or naming regions the current content no longer has) is
 * still listed, with readable = false and the reason; what a tolerant read
 * finds (name, time, flags) is shown, and its badge is at least "attention"
 * so staff look at it. Nothing here crashes on a bad file.
 *
 * Ownership: queue_list owns its items (queue_free). Times are wall-clock
 * UTC seconds passed in. */
#ifndef PM_QUEUE_H
#define PM_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content.h"
#include "intake.h"
#include "status.h"
#include "store.h"

#define QUEUE_PROBLEM_MAX 256
#define QUEUE_FOLDER_MAX 96

typedef struct {
    char stem[STORE_STEM_MAX];   /* "20261127-173012-00": the record's name */
    int64_t saved_at;            /* UTC seconds: the record's, else the stem's */
    char name[INTAKE_NAME_MAX];  /* as the client typed it ("" when none given) */
    int nregions;                /* regions marked (-1 when unknown) */
    pm_flag worst;               /* the badge: urgent, attention or none */
    bool readable;               /* false: cannot read; problem says why */
    char problem[QUEUE_PROBLEM_MAX];
    bool seen;
    int64_t seen_at;
    bool exported;
    int64_t exported_at;
    char exported_to[QUEUE_FOLDER_MAX]; /* the export folder's name */
} queue_entry;

typedef struct {
    queue_entry *items; /* newest first */
    size_t count;
    /* Entries of the folder that are not plain files (a named pipe, a
     * symbolic link...): never opened, never exported. "" when none; else
     * one sentence naming them for staff ("2 entries in ... are not files
     * the kiosk wrote and were refused: X.json (a symbolic link), ..."). */
    char refused[QUEUE_PROBLEM_MAX * 2];
    size_t nrefused;
} queue_list;

/* Lists every saved intake, newest first. On failure (the folder cannot be
 * listed, out of memory) *out is empty and err says what to do. */
pm_status queue_load(store *s, const pm_content *c, queue_list *out, pm_msg *err);
void queue_free(queue_list *q);

/* Counts (for the staff screen's header and the "export new" button). */
size_t queue_count_new(const queue_list *q);    /* not exported */
size_t queue_count_unseen(const queue_list *q);
size_t queue_count_flag(const queue_list *q, pm_flag f);
/* The entry with this stem, or NULL. */
const queue_entry *queue_find(const queue_list *q, const char *stem);

/* Reads one record for the summary screen. out is wiped and refilled;
 * *saved_at (if not NULL) gets its time. PM_ERR_NOT_FOUND, PM_ERR_INVALID
 * (err says where), or the store's read errors. The caller wipes out
 * (intake_wipe) when the screen closes. */
pm_status queue_open(store *s, const pm_content *c, const char *stem, intake *out,
                     int64_t *saved_at, pm_msg *err);

/* Marks a record seen at now. PM_ERR_NOT_FOUND when there is no such record. */
pm_status queue_mark_seen(store *s, const char *stem, int64_t now, pm_msg *err);
/* Marks a record exported at now into folder (the export folder's name).
 * Only export.h calls this, after the copy was verified on the stick. */
pm_status queue_mark_exported(store *s, const char *stem, int64_t now, const char *folder,
                              pm_msg *err);

/* Deletes a record with its page and markers. The record (STEM.json) goes
 * last, so an interruption never leaves a page or marker without its
 * record; a record left without its page gets the page back at start-up
 * (store_missing_html). PM_ERR_NOT_FOUND when no such record exists. The UI
 * asks for confirmation first; retention calls it for old records. */
pm_status queue_delete(store *s, const char *stem, pm_msg *err);

/* The UTC time a stem names ("20261127-173012-00" → 2026-11-27T17:30:12Z).
 * False for a name that is not a stem. */
bool queue_stem_time(const char *stem, int64_t *t);

/* A marker's time, or false when absent or unreadable (retention uses it). */
bool queue_marker_time(store *s, const char *stem, const char *ext, int64_t *t);

#endif
