/* export.h — copying intakes to a USB stick, verified, from staff mode.
 *
 * The system mounts an inserted FAT/exFAT stick at a fixed folder
 * (systemd/README.md: /media/painmap-usb); export_probe() tells whether a
 * stick is there. An export writes one dated folder on it:
 *
 *   painmap-export-YYYYMMDD-HHMMSS/
 *     questionnaire.fhir.json      the FHIR Questionnaire (when fhir is on)
 *     STEM.json                    the intake's record (when json is on)
 *     STEM.html                    its print-ready page (when html is on)
 *     STEM.fhir.json               its FHIR QuestionnaireResponse (when fhir is on)
 *     index.html                   a page listing them all
 *
 * Every file is written, fsync'ed, read back from the stick (its cached
 * pages dropped first) and compared byte for byte. An intake counts as
 * complete when all its files (and the questionnaire its FHIR file needs)
 * passed; after the last file the folder and the stick's top folder are
 * fsync'ed, and only then are the complete intakes marked exported
 * (queue_mark_exported). On any failure (stick full, read-only, pulled out)
 * the report says which files made it and which did not, a partial file is
 * removed where the stick still allows, and nothing incomplete is marked.
 *
 * The export runs in small steps so the UI can draw progress between them:
 *   export_begin → export_step until it returns false → export_finish.
 * export_run() does all three at once. The core does no I/O of its own to
 * the stick: every call goes through an export_io table (tests inject a
 * full stick, a stick that vanishes mid-copy, a read-back that differs).
 *
 * Ownership: the job owns copies of everything it needs; the store and
 * content must outlive it. The report owns its items (export_report_free).
 * Health data read for the export is wiped from memory after each intake. */
#ifndef PM_EXPORT_H
#define PM_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "content.h"
#include "intake.h"
#include "status.h"
#include "store.h"

/* Where the system mounts a stick (systemd/90-painmap-usb.rules). */
#define EXPORT_MOUNT_DEFAULT "/media/painmap-usb"

#define EXPORT_PATH_MAX 1024
#define EXPORT_FILE_NAME_MAX 96
#define EXPORT_PROBLEM_MAX 320
#define EXPORT_FILES_PER_INTAKE 3

/* What export_probe() sees at the stick's folder. */
typedef struct {
    bool present;         /* something is mounted there (a stick) */
    bool read_only;       /* mounted read-only (a lock switch, a damaged FAT) */
    uint64_t free_bytes;  /* space left for us */
    uint64_t total_bytes;
} export_stick;

/* The calls an export makes. Each returns what the POSIX call returns and
 * sets errno the same way. */
typedef struct {
    int (*open)(void *ctx, const char *path, int flags, mode_t mode);
    ssize_t (*write)(void *ctx, int fd, const void *buf, size_t n);
    ssize_t (*read)(void *ctx, int fd, void *buf, size_t n);
    int (*fsync)(void *ctx, int fd);
    int (*close)(void *ctx, int fd);
    int (*mkdir)(void *ctx, const char *path, mode_t mode);
    int (*unlink)(void *ctx, const char *path);
    /* Drops fd's cached pages so the next read comes from the device
     * (posix_fadvise DONTNEED after the fsync). 0, or -1 (then the read-back
     * may come from memory: still a check of the write path). */
    int (*forget)(void *ctx, int fd);
    /* Fills *out for the folder path (a mount point: its device differs from
     * its parent's). 0, or -1 with errno when path is missing. */
    int (*probe)(void *ctx, const char *path, export_stick *out);
    void *ctx;
} export_io;

/* The real calls. */
const export_io *export_io_posix(void);
/* The real calls, except that any existing folder counts as a stick (not
 * only a mount point): for development on a PC and for replay tests that
 * export to a temporary folder. Never for the kiosk itself. */
const export_io *export_io_any_folder(void);

/* Is a stick mounted at mount (the fixed folder)? PM_OK with out filled when
 * one is there and writable; PM_ERR_NOT_FOUND when none (msg: "Insert a USB
 * stick..."); PM_ERR_READONLY when it refuses writes (msg says so). The UI
 * polls this about once a second while the export screen shows. */
pm_status export_probe(const export_io *io, const char *mount, export_stick *out, pm_msg *msg);

typedef struct {
    const char *mount;       /* the stick's folder, e.g. "/media/painmap-usb" */
    int64_t now;             /* UTC seconds: the folder's name and the markers */
    unsigned formats;        /* CONFIG_EXPORT_* bits (pm_config.export_formats) */
    int staff_lang;          /* content language index for pages and FHIR texts */
    const char *clinic_name; /* for the index page; may be NULL or "" */
    const export_io *io;     /* NULL: export_io_posix() */
} export_opts;

typedef struct {
    char name[EXPORT_FILE_NAME_MAX];    /* in the export folder */
    bool ok;                            /* written, synced, read back identical */
    char problem[EXPORT_PROBLEM_MAX];   /* why not ("" when ok) */
} export_file;

typedef struct {
    char stem[STORE_STEM_MAX];
    char client[INTAKE_NAME_MAX];       /* the client's name, for the report */
    int64_t saved_at;
    pm_flag worst;
    int nregions;
    export_file files[EXPORT_FILES_PER_INTAKE];
    size_t nfiles;
    bool complete;                      /* every file of it made it */
    bool marked;                        /* and it is marked exported on the kiosk */
    char problem[EXPORT_PROBLEM_MAX];   /* what kept it from being complete or marked */
} export_item;

typedef struct {
    char folder[EXPORT_PATH_MAX];       /* full path of the dated folder ("" if none) */
    char folder_name[64];               /* "painmap-export-20261127-173012" */
    export_item *items;
    size_t count;
    size_t ncomplete;                   /* complete and synced */
    size_t nmarked;
    bool has_questionnaire;
    export_file questionnaire;
    export_file index;
    bool synced;                        /* the final folder sync succeeded */
    bool safe_to_remove;                /* nothing is being written: the stick may go */
    /* One or two sentences for staff: how many made it, what failed and what
     * to do, and whether the stick may be removed now. */
    char summary[PM_MSG_MAX];
} export_report;

typedef struct export_job export_job;

/* Starts an export of stems (nstems of them; NULL or 0: every intake not yet
 * exported, oldest first) to a new dated folder on the stick. Errors (no
 * job is made): PM_ERR_NOT_FOUND (no stick), PM_ERR_READONLY, PM_ERR_FULL,
 * PM_ERR_IO (the folder could not be made), PM_ERR_STATE (nothing to
 * export), PM_ERR_NOMEM; msg says what happened and what to do. */
pm_status export_begin(store *s, const pm_content *c, const export_opts *o,
                       const char *const *stems, size_t nstems, export_job **out, pm_msg *msg);

/* Writes and verifies the next file. True while more remain. */
bool export_step(export_job *j);

/* Files done and files in all (for a progress bar). */
void export_progress(const export_job *j, size_t *done, size_t *total);

/* Syncs the folder, marks the complete intakes exported, fills rep, frees
 * the job. Returns PM_OK when every intake is complete and marked, else the
 * kind of the first failure (PM_ERR_FULL, _READONLY, _NOT_FOUND for a stick
 * that went away, _IO; PM_ERR_STATE when copies are fine but marking
 * failed). rep is always filled. */
pm_status export_finish(export_job *j, export_report *rep);

/* begin + steps + finish. When begin fails, rep->summary holds msg. */
pm_status export_run(store *s, const pm_content *c, const export_opts *o,
                     const char *const *stems, size_t nstems, export_report *rep);

void export_report_free(export_report *rep);

/* One line per file, then one per intake, then the index, for the log:
 * "20261127-173012-00.html: ok" / "...: NOT on the stick: the USB stick is
 * full" / "20261127-173012-00: complete, marked exported". Names by stem
 * only, never the client's name (the journal is on the SD card). Every
 * intake that is not marked has a problem that says why. */
pm_status export_report_lines(const export_report *rep, pm_msgs *out);

#endif
