/* store.h — durable, atomic saving of intake summaries in STATE/intakes/.
 *
 * Each file is written the way SQLite commits: a temporary file in the same
 * folder, write everything, fsync it, rename it into place, fsync the folder.
 * A crash at any instant leaves either no file or the complete file. Names
 * sort by time and never collide ("20261125-173012-00.json"; the two-digit
 * counter settles several saves within one second; renameat2 with
 * RENAME_NOREPLACE refuses to overwrite).
 *
 * All system calls go through a store_io table so tests can fail any one of
 * them on purpose (see store_io_posix() for the real thing).
 *
 * Only plain files are ever read: anything else in the folder (a named
 * pipe, which would block a reader for ever; a symbolic link, which could
 * point at /etc/passwd; a device; a folder) is refused without being
 * opened for its content (lstat first, then open O_NOFOLLOW | O_NONBLOCK
 * and fstat the descriptor, so a swap in between is caught too), with
 * PM_ERR_REFUSED and a message saying what it is. store_refused() lists
 * such entries so start-up can log them and the staff queue can show them.
 * A record is only ever "STEM.json" where STEM is an intake's name
 * (store_is_stem); other names are not listed as records.
 *
 * Sealed at rest (seal.h): with the clinic's public key set
 * (store_set_seal), every record and print page is sealed before its first
 * byte reaches the disk — temporary files included, so a power cut leaves
 * no plain text either — by the same writes, syncs and renames as a plain
 * one; names, markers and the kiosk's own small files stay plain (times,
 * never client data), so retention and the queue's markers need no key.
 * store_read opens a sealed file with the key store_set_opener lent it
 * (staff mode, unlocked), and says PM_ERR_SEALED without it.
 *
 * Ownership: a store keeps a copy of the state path; the caller owns the
 * io table and must keep it alive while the store lives. */
#ifndef PM_STORE_H
#define PM_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "seal.h"
#include "status.h"

/* One entry of a folder listing (see store_io.list). */
typedef void (*store_list_fn)(const char *name, void *arg);

/* The system calls the store makes, so tests can fail any one on purpose.
 * Each returns what the POSIX call returns and sets errno the same way. */
typedef struct {
    int (*open)(void *ctx, const char *path, int flags, mode_t mode);
    ssize_t (*write)(void *ctx, int fd, const void *buf, size_t n);
    int (*fsync)(void *ctx, int fd);
    int (*close)(void *ctx, int fd);
    /* rename without replacing: fails with EEXIST when newpath exists */
    int (*rename_noreplace)(void *ctx, const char *oldpath, const char *newpath);
    int (*unlink)(void *ctx, const char *path);
    int (*mkdir)(void *ctx, const char *path, mode_t mode);
    /* rename that replaces newpath if it exists (atomic, as rename(2)) */
    int (*rename)(void *ctx, const char *oldpath, const char *newpath);
    ssize_t (*read)(void *ctx, int fd, void *buf, size_t n);
    /* Calls each(name) for every entry of dir except "." and "..", then
     * returns 0; or returns -1 with errno set. */
    int (*list)(void *ctx, const char *dir, store_list_fn each, void *arg);
    /* What is at path, without following a final symbolic link (lstat),
     * and what an open descriptor is (fstat). Either may be NULL: the real
     * call is used. */
    int (*lstat)(void *ctx, const char *path, struct stat *st);
    int (*fstat)(void *ctx, int fd, struct stat *st);
    void *ctx;
} store_io;

/* The real system calls. rename_noreplace is renameat2(RENAME_NOREPLACE),
 * falling back to link()+unlink() on file systems that lack it. */
const store_io *store_io_posix(void);

typedef struct store store;

/* Longest stem: "YYYYMMDD-HHMMSS-NN" plus room to spare. */
#define STORE_STEM_MAX 64
/* Largest file store_read() will read. */
#define STORE_READ_MAX (16u * 1024u * 1024u)

/* Opens (and creates if needed, mode 0750) STATE and STATE/intakes, with
 * io for every system call (NULL: store_io_posix()). A
 * failure here is reported (PM_ERR_FULL, _READONLY, _NOT_FOUND, _IO), but a
 * store is still returned when memory allows, so a save can be retried once
 * the disk is back. PM_ERR_NOMEM with *out NULL; PM_ERR_INVALID with *out
 * NULL when the path is too long. */
pm_status store_open(const char *state_dir, const store_io *io, store **out, pm_msg *err);
void store_close(store *s);

const char *store_intakes_dir(const store *s);

/* Saves one intake as two files with one stem: STEM.json then STEM.html.
 * saved_at (UTC seconds) names the files: "20261125-173012-00"; the counter
 * NN goes up while STEM.json already exists (the JSON claims its stem with a
 * no-replace rename, so two saves never share one). Files are mode 0640.
 *
 * The JSON is the record of truth, the HTML a page derived from it:
 * - JSON failed: nothing partial is left under a final name, no temporary
 *   file remains, the status is PM_ERR_FULL, PM_ERR_READONLY,
 *   PM_ERR_NOT_FOUND or PM_ERR_IO and err says what failed and what to do.
 *   The caller keeps the intake and may retry. PM_ERR_LIMIT when 100 intakes
 *   already carry this second's stem; PM_ERR_INVALID for a bad argument.
 * - JSON saved but the HTML failed: PM_OK (the intake is safe), stem_out
 *   is set, and err says the page is missing (log it). store_missing_html()
 *   finds such stems so start-up can re-create their pages.
 * - Both saved: PM_OK and err->text is empty.
 * The HTML replaces any STEM.html already there: a page must always match
 * the record of its stem.
 * A folder deleted at run time is created again before giving up.
 * stem_out (if not NULL) must hold STORE_STEM_MAX bytes. */
pm_status store_save(store *s, int64_t saved_at, const char *json, const char *html,
                     char *stem_out, pm_msg *err);

/* Writes one file (a plain name in the intakes folder) atomically: a
 * ".tmp-" file, write all, fsync, close, rename, fsync the folder. replace
 * false fails with PM_ERR_STATE when name exists. On failure no temporary
 * file is left and name is untouched, except when only the last step (the
 * folder sync) failed: then name holds the complete new file, which might
 * not survive a power cut. Errors as for store_save. */
pm_status store_write_atomic(store *s, const char *name, const char *data, size_t len,
                             bool replace, pm_msg *err);

/* Reads a whole file of the intakes folder into a malloc'd NUL-terminated
 * string (caller frees, and wipes: it may be an opened intake).
 * PM_ERR_NOT_FOUND when it does not exist, PM_ERR_LIMIT when larger than
 * STORE_READ_MAX, PM_ERR_REFUSED when it is not a plain file (err says what
 * it is and what to do). A sealed file comes back opened when a key was
 * lent (store_set_opener); PM_ERR_SEALED without one or when it is sealed
 * to another key, PM_ERR_INVALID when it is damaged (err says which). */
pm_status store_read(store *s, const char *name, char **out, size_t *len, pm_msg *err);

/* ---- sealed at rest ------------------------------------------------------ */

/* Seals every record and page written from now on to pk (copied); NULL:
 * they are written plain. */
void store_set_seal(store *s, const seal_public *pk);
bool store_seals(const store *s);
/* Lends store_read the unlocked key (the caller keeps it alive, and calls
 * store_set_opener(s, NULL) before freeing it); NULL: sealed files are not
 * opened (PM_ERR_SEALED). */
void store_set_opener(store *s, const seal_secret *sk);
bool store_can_open(const store *s);
/* True when STEM.ext is a record or a page ("json", "html"): what is sealed. */
bool store_is_intake_file(const char *name);
/* True when the file is there and sealed (reads it; no key needed). */
bool store_is_sealed(store *s, const char *name);

/* Removes one file (a plain name) of the intakes folder and makes the
 * removal durable (fsyncs the folder). PM_ERR_NOT_FOUND when it was not
 * there (nothing changed); PM_ERR_INVALID for a bad name; otherwise as for
 * store_write_atomic. Only the staff queue and retention delete intakes
 * (queue.h): call this through them. */
pm_status store_remove(store *s, const char *name, pm_msg *err);

/* Removes temporary files a crash left behind (names starting ".tmp-").
 * Call at start-up, before any save. Returns how many it removed, or a
 * negative pm_status when the folder cannot be listed. */
int store_clean_temp(store *s);

/* Calls each(stem) for every saved intake (STEM.json with STEM an
 * intake's name), oldest first. Returns how many, or a negative pm_status.
 * An entry that is not a plain file is still listed (reading it is
 * refused), so the queue shows it and staff can delete it. */
int store_list(store *s, store_list_fn each, void *arg);

/* True when stem is an intake's name: "YYYYMMDD-HHMMSS-NN" (digits). */
bool store_is_stem(const char *stem);

/* What a file type is, for messages: "a named pipe (FIFO)", "a symbolic
 * link", "a folder", "a device", "a socket"; NULL for a plain file. */
const char *store_kind_of(mode_t mode);

/* Calls each(name, kind) for every entry of the intakes folder that is not
 * a plain file (kind as store_kind_of), in name order, without opening
 * any. Returns how many, or a negative pm_status when the folder cannot be
 * listed. */
typedef void (*store_refused_fn)(const char *name, const char *kind, void *arg);
int store_refused(store *s, store_refused_fn each, void *arg);

/* Calls each(name) for every "X.json" or "X.html" whose X is not an
 * intake's name ("notes.json"): something that looks like an intake but
 * someone else put there. It is left alone (not listed, never deleted);
 * start-up logs it. Returns how many, or a negative pm_status. */
int store_foreign(store *s, store_list_fn each, void *arg);

/* A list of stems the caller owns (free with store_stems_free). */
typedef struct {
    char (*stems)[STORE_STEM_MAX];
    size_t n, cap;
    bool oom; /* an add failed for want of memory: the list is incomplete */
} store_stems;

/* Fills *out with every saved intake's stem, oldest first. PM_OK, or a
 * negative pm_status (PM_ERR_NOMEM included); *out is empty on failure. */
pm_status store_list_stems(store *s, store_stems *out);
/* Appends one stem (ignored when too long; sets oom when memory runs out). */
void store_stems_add(store_stems *l, const char *stem);
void store_stems_free(store_stems *l);

/* Calls each(stem) for every STEM.json that has no STEM.html (a crash or a
 * failure between the two writes), oldest first, so start-up can read the
 * JSON (store_read, summary_parse_json), render the page and write it
 * (store_write_atomic "STEM.html"). Returns how many, or a negative
 * pm_status. */
int store_missing_html(store *s, store_list_fn each, void *arg);

#endif
