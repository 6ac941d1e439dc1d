/* desk.h — staff mode as a state machine: the way in (the held press on the
 * clinic's name, then the PIN pad with its lock-out), the queue of saved
 * intakes, one intake's summary, delete with confirmation, and the copy to
 * a USB stick with its report. The UI draws what these functions say and
 * sends the events its buttons mean; every decision is made here.
 *
 *   CLOSED --gesture--> PIN --right PIN--> [UNLOCK --passphrase-->] QUEUE --open--> INTAKE
 *                                            |               |--delete--> CONFIRM_DELETE
 *                                            |               '--export--> EXPORT
 *                                            '--export new--> EXPORT --start--> EXPORTING
 *                                                                  --> EXPORT_DONE
 * BACK goes up one level (from QUEUE and PIN it closes staff mode); LEAVE
 * closes it from anywhere except while files are being copied. Staff mode
 * also closes by itself after the configured idle time (staff_session), and
 * closing wipes everything it showed: the opened intake, the queue, the
 * report, the typed digits.
 *
 * Sealed at rest (seal.h): when painmap.conf has the clinic's key, the
 * right PIN leads to UNLOCK, where staff type the passphrase (letters; the
 * UI's keyboard sends DESK_EV_CHAR). Argon2id then takes about a second
 * (the UI shows "checking" first, as for the PIN); the right passphrase
 * unlocks the key, lends it to the store for the session, makes the print
 * pages that waited for it, and opens the queue. A wrong one counts in the
 * PIN's lock-out. Closing staff mode (leave, back, idle) takes the key
 * from the store and wipes it.
 *
 * Never from the client's flow: the gesture only counts on the welcome
 * screen with no idle prompt (staff.h), and nothing else opens the desk.
 *
 * Time: the caller passes a monotonic clock (ms: PIN lock-out, idle) and
 * the wall clock (UTC seconds: markers, the export folder's name) with
 * every call; the desk reads no clock itself. Files: only through store.h,
 * queue.h and export.h (the export's io table and the stick's folder are
 * given at creation, so tests use a temporary folder for the stick).
 *
 * The PIN check (yescrypt) takes 0.15–1 s: the UI shows "checking" first.
 * The lock-out is kept in the store's folder (PIN_GUARD_FILE) after every
 * try and read back at creation, so pulling the plug does not reset it.
 * The count in memory is what counts for the process's life: a guard file
 * deleted meanwhile changes nothing. When the file cannot be written (a
 * full or read-only card) or was deleted, that is logged and the pad fails
 * closed until it can be written again: no free tries, every wrong PIN
 * locks it (a right PIN still opens).
 *
 * Ownership: the desk copies the config; content, store, io and saver must
 * outlive it. Pointers returned by queries stay valid until the next desk_handle,
 * desk_work or desk_tick call. */
#ifndef PM_DESK_H
#define PM_DESK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "content.h"
#include "export.h"
#include "intake.h"
#include "pin.h"
#include "queue.h"
#include "saver.h"
#include "staff.h"
#include "status.h"
#include "store.h"

typedef enum {
    DESK_CLOSED,         /* the client's kiosk is showing */
    DESK_PIN,            /* the PIN pad (with a count-down while locked) */
    DESK_UNLOCK,         /* the staff passphrase, when intakes are sealed */
    DESK_QUEUE,          /* every saved intake, newest first */
    DESK_INTAKE,         /* one intake's summary */
    DESK_CONFIRM_DELETE, /* "delete this intake?" */
    DESK_EXPORT,         /* waiting for a stick / ready to copy */
    DESK_EXPORTING,      /* copying: desk_work() until it returns false */
    DESK_EXPORT_DONE,    /* the report: what made it, safe to remove */
} desk_screen;

typedef enum {
    DESK_EV_DIGIT,        /* PIN pad: arg 0..9 */
    DESK_EV_ERASE,        /* PIN pad: remove the last digit */
    DESK_EV_ENTER,        /* PIN pad: check the digits */
    DESK_EV_BACK,         /* up one level */
    DESK_EV_LEAVE,        /* close staff mode now (not while copying) */
    DESK_EV_OPEN_ITEM,    /* queue: arg = index in desk_queue() */
    DESK_EV_MARK_SEEN,    /* intake */
    DESK_EV_DELETE,       /* intake: ask */
    DESK_EV_DELETE_YES,   /* confirm: delete it */
    DESK_EV_EXPORT_NEW,   /* queue: copy every intake not yet exported */
    DESK_EV_EXPORT_THIS,  /* intake: copy this one */
    DESK_EV_EXPORT_START, /* export: a stick is there, go */
    DESK_EV_CONFIRM_CLOCK, /* queue, clock DESK_CLOCK_JUMPED: staff say the date is right */
    DESK_EV_CHAR,         /* UNLOCK: arg = a letter 'a'..'z' ('A'..'Z' fold) or ' ' */
} desk_event;

typedef struct {
    uint64_t mono_ms; /* monotonic milliseconds */
    int64_t utc_s;    /* wall clock, UTC seconds */
} desk_clock;

/* Where the desk's log lines go (journal priorities: 3 error, 4 warning,
 * 5 notice). text is only valid during the call. */
typedef enum { DESK_LOG_ERROR = 3, DESK_LOG_WARNING = 4, DESK_LOG_NOTICE = 5 } desk_log_level;
typedef void (*desk_log_fn)(void *ctx, desk_log_level level, const char *text);

typedef struct {
    const pm_content *content;
    const pm_config *config;  /* copied: PIN hash, staff idle time, formats, clinic name */
    store *store;             /* may be NULL: the queue then says the folder is missing */
    const export_io *io;      /* NULL: export_io_posix() */
    const char *mount;        /* the stick's folder; NULL: EXPORT_MOUNT_DEFAULT */
    int staff_lang;           /* content language index for staff texts and exports */
    desk_log_fn log;          /* NULL: nothing is logged */
    void *log_ctx;
    const saver *saver;       /* intakes a failed save left in memory; NULL: none */
} desk_setup;

/* What the PIN pad says under the dots. */
typedef enum {
    DESK_PIN_ENTER,   /* "Enter the staff PIN" */
    DESK_PIN_SHORT,   /* Enter with fewer than PIN_MIN_DIGITS digits (not counted) */
    DESK_PIN_WRONG,   /* wrong: desk_pin_tries_left() more before a lock-out */
    DESK_PIN_LOCKED,  /* locked: desk_pin_seconds_left() */
    DESK_PIN_NO_PIN,  /* no PIN configured: staff mode cannot open */
} desk_pin_state;

/* What the passphrase screen says under the dots. */
typedef enum {
    DESK_UNLOCK_ENTER,   /* "Type the staff passphrase" */
    DESK_UNLOCK_WRONG,   /* wrong: desk_pin_tries_left() more before a lock-out */
    DESK_UNLOCK_BROKEN,  /* the key lines of painmap.conf do not work: desk_message() */
} desk_unlock_state;

/* What the last action left for staff to read on the queue or intake
 * screen (a kind, plus desk_message() for the details). */
typedef enum {
    DESK_NOTE_NONE,
    DESK_NOTE_DELETED,      /* the intake was deleted */
    DESK_NOTE_SEEN,         /* marked as seen */
    DESK_NOTE_PROBLEM,      /* something failed: desk_message() says what and what to do */
    DESK_NOTE_CLOCK_CONFIRMED, /* staff confirmed the date: retention runs again */
} desk_note;

/* How the kiosk's wall clock looks to staff. */
typedef enum {
    DESK_CLOCK_OK,
    DESK_CLOCK_UNSET,  /* reads before 2026: never set (a Pi without a clock module) */
    DESK_CLOCK_BEHIND, /* more than 5 minutes before the newest saved intake: it went back */
    DESK_CLOCK_JUMPED, /* more than a month ahead of when it was last known right
                        * (retention.h): nothing is deleted until it is fixed or staff
                        * confirm the date (DESK_EV_CONFIRM_CLOCK) */
} desk_clock_state;

typedef struct desk desk;

/* PM_ERR_NOMEM, or PM_ERR_INVALID for a setup without content or config. */
pm_status desk_create(const desk_setup *setup, desk_clock now, desk **out);
void desk_destroy(desk *d); /* wipes what it held */

/* ---- the way in ---------------------------------------------------------- */

/* Where the clinic's name is drawn on welcome (logical pixels). */
void desk_set_gesture_area(desk *d, staff_rect area);
/* Feeds a pointer input while the desk is closed (ignored when open),
 * including STAFF_TICK while a press is held (desk_wait_ms says when).
 * Returns true when the held press just opened the PIN pad. */
bool desk_pointer(desk *d, const staff_input *in, desk_clock now);

/* ---- events and time ----------------------------------------------------- */

/* PM_OK when the event did something (or was a harmless no-op),
 * PM_ERR_STATE when it does not belong on this screen, PM_ERR_INVALID for
 * a bad argument. Every event counts as staff activity. */
pm_status desk_handle(desk *d, desk_event ev, int arg, desk_clock now);

/* Time passed while open: closes staff mode after its idle time, counts a
 * lock-out down, polls for the stick about once a second on the export
 * screen. Returns true when something shown changed (redraw). Does nothing
 * while closed (see desk_pointer). */
bool desk_tick(desk *d, desk_clock now);

/* The longest the UI may sleep before desk_tick has something to do (a
 * held press, a count-down second, the idle close, a stick poll); 0 while
 * copying; UINT32_MAX when nothing is pending. */
uint32_t desk_wait_ms(const desk *d, desk_clock now);

/* While copying: writes and verifies the next file. True while more
 * remain; after the last one the report is ready (DESK_EXPORT_DONE). */
bool desk_work(desk *d, desk_clock now);

/* ---- what to show -------------------------------------------------------- */

desk_screen desk_screen_now(const desk *d);
bool desk_is_open(const desk *d);
/* Counts every close (leave, idle, back from the queue), so the UI can
 * wipe what it drew for staff. */
unsigned desk_closes(const desk *d);
uint32_t desk_ms_left(const desk *d, desk_clock now); /* before it closes by itself */
int desk_lang(const desk *d);
const char *desk_clinic_name(const desk *d);          /* "" when not configured */

/* PIN pad. */
size_t desk_pin_digits(const desk *d);                /* typed so far (shown as dots) */
desk_pin_state desk_pin_state_now(const desk *d, desk_clock now);
uint32_t desk_pin_seconds_left(const desk *d, desk_clock now);
uint32_t desk_pin_tries_left(const desk *d);

/* Passphrase screen. */
size_t desk_unlock_letters(const desk *d);            /* typed so far (shown as dots) */
desk_unlock_state desk_unlock_state_now(const desk *d);
/* Intakes are sealed at rest (painmap.conf has a usable key). */
bool desk_seals(const desk *d);

/* The kiosk's wall clock as staff should see it (desk_clock_state). Staff
 * are told on the queue screen; times on new intakes and retention then
 * cannot be trusted. desk_clock_reference(): the time a JUMPED clock is
 * compared with (UTC seconds; 0 when none). */
desk_clock_state desk_clock_state_now(const desk *d, desk_clock now);
int64_t desk_clock_reference(const desk *d);

/* Intakes a failed save left in memory only (saver.h): staff are told on
 * the queue screen until they are saved (the queue then reloads by itself
 * at the next desk_tick). 0 when none, or no saver. */
size_t desk_unsaved(const desk *d);

/* Queue (QUEUE, and behind INTAKE). NULL before the first load. */
const queue_list *desk_queue(const desk *d);
desk_note desk_note_now(const desk *d);
const char *desk_message(const desk *d);              /* "" when none */

/* The opened intake (INTAKE, CONFIRM_DELETE; EXPORT when exporting it).
 * NULL when none is open or it could not be read (desk_message says why;
 * desk_entry still gives what the queue knows). */
const intake *desk_intake(const desk *d);
const queue_entry *desk_entry(const desk *d);

/* Export. */
typedef enum {
    DESK_STICK_NONE,      /* no stick: "insert one" */
    DESK_STICK_READONLY,  /* refuses writes */
    DESK_STICK_READY,     /* mounted and writable */
} desk_stick_state;
desk_stick_state desk_stick(const desk *d, export_stick *info); /* info may be NULL */
/* How many intakes the export would copy: 1 for "this one", else the new ones. */
size_t desk_export_count(const desk *d);
bool desk_export_single(const desk *d);               /* "this one" rather than all new */
void desk_export_progress(const desk *d, size_t *done, size_t *total);
const export_report *desk_report(const desk *d);      /* EXPORT_DONE; else NULL */

#endif
