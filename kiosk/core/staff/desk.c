/* desk.c — staff mode's screens and what each staff tap does (desk.h). */
#include "desk.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "retention.h"
#include "seal.h"
#include "upkeep.h"

struct desk {
    const pm_content *c;
    pm_config cfg;
    store *s;
    const export_io *io;
    const saver *sv;
    size_t unsaved_loaded;    /* desk_unsaved() when the queue was loaded */
    char mount[EXPORT_PATH_MAX];
    int lang;

    desk_screen screen;
    unsigned closes;
    staff_gesture gesture;
    staff_session session;

    desk_log_fn log;
    void *log_ctx;

    /* PIN pad */
    pin_guard guard;
    bool guard_written;       /* the guard file was written (or read) by this process */
    bool guard_unsaved;       /* the last write failed, or the file went: fail closed */
    char digits[PIN_MAX_DIGITS + 1];
    size_t ndigits;
    desk_pin_state pin_said;  /* the feedback of the last Enter */
    uint32_t lock_shown;      /* seconds of lock-out shown last (redraw per second) */

    /* the passphrase (intakes sealed at rest) */
    bool key_ok;              /* painmap.conf has a key that parses */
    seal_public pk;
    seal_keybox kb;
    seal_secret *secret;      /* unlocked for this session; lent to the store */
    char typed[SEAL_PASS_MAX];
    size_t ntyped;
    desk_unlock_state unlock_said;

    /* queue and the opened intake */
    queue_list q;
    bool q_loaded;
    int64_t clock_ref;        /* what retention judges the clock against */
    desk_note note;
    char msg[PM_MSG_MAX];
    queue_entry entry;
    bool has_entry;
    intake open;
    bool open_ok;

    /* export */
    bool export_single;
    desk_stick_state stick;
    export_stick stick_info;
    uint64_t probed_ms;
    bool probed;
    export_job *job;
    export_report rep;
    bool has_rep;
    desk_screen export_from;
};

#define STICK_POLL_MS 1000u

static void say(desk *d, desk_note note, const char *text)
{
    d->note = note;
    snprintf(d->msg, sizeof d->msg, "%s", text ? text : "");
}

static void forget_pin(desk *d)
{
    explicit_bzero(d->digits, sizeof d->digits);
    d->ndigits = 0;
    explicit_bzero(d->typed, sizeof d->typed);
    d->ntyped = 0;
}

/* The key goes back: the store can no longer open, and it is wiped. */
static void forget_key(desk *d)
{
    if (d->s)
        store_set_opener(d->s, NULL);
    seal_secret_free(d->secret);
    d->secret = NULL;
}

static void forget_intake(desk *d)
{
    intake_wipe(&d->open);
    d->open_ok = false;
    /* the client's name is the only personal thing in an entry */
    explicit_bzero(d->entry.name, sizeof d->entry.name);
    memset(&d->entry, 0, sizeof d->entry);
    d->has_entry = false;
}

static void forget_report(desk *d)
{
    if (d->has_rep)
        export_report_free(&d->rep);
    memset(&d->rep, 0, sizeof d->rep);
    d->has_rep = false;
}

static void forget_queue(desk *d)
{
    if (d->q_loaded)
        queue_free(&d->q);
    memset(&d->q, 0, sizeof d->q);
    d->q_loaded = false;
}

/* Everything staff saw goes: the next person at the kiosk is a client. */
static void close_desk(desk *d)
{
    forget_pin(d);
    forget_key(d);
    forget_intake(d);
    forget_report(d);
    forget_queue(d);
    say(d, DESK_NOTE_NONE, NULL);
    staff_session_end(&d->session);
    staff_gesture_cancel(&d->gesture);
    d->screen = DESK_CLOSED;
    d->stick = DESK_STICK_NONE;
    d->probed = false;
    d->closes++;
}

static void logf_(desk *d, desk_log_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void logf_(desk *d, desk_log_level level, const char *fmt, ...)
{
    if (!d->log)
        return;
    char text[PM_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    d->log(d->log_ctx, level, text);
}

static void save_guard(desk *d, uint64_t now_ms)
{
    if (!d->s)
        return;
    char buf[64];
    pin_guard_encode(&d->guard, now_ms, buf, sizeof buf);
    pm_msg err = {{0}};
    if (store_write_atomic(d->s, PIN_GUARD_FILE, buf, strlen(buf), true, &err) == PM_OK) {
        if (d->guard_unsaved)
            logf_(d, DESK_LOG_NOTICE, "the staff PIN lock-out count is written again (%s)",
                  PIN_GUARD_FILE);
        d->guard_unsaved = false;
        d->guard_written = true;
        return;
    }
    /* A restart would forget the count: the guard in memory still holds
     * for this run, and the pad fails closed until the file can be kept. */
    if (!d->guard_unsaved)
        logf_(d, DESK_LOG_ERROR,
              "cannot keep the staff PIN lock-out count: %s. It is kept in memory until the "
              "kiosk restarts, and until it can be written every wrong PIN locks the pad.",
              err.text);
    d->guard_unsaved = true;
}

static void load_guard(desk *d, uint64_t now_ms)
{
    pin_guard_init(&d->guard);
    if (!d->s)
        return;
    char *text = NULL;
    size_t len = 0;
    pm_msg err;
    pm_status st = store_read(d->s, PIN_GUARD_FILE, &text, &len, &err);
    if (st == PM_OK) {
        if (pin_guard_decode(text, now_ms, &d->guard) != PM_OK) /* unreadable: decode locks */
            logf_(d, DESK_LOG_WARNING, "the staff PIN lock-out file %s is damaged; the pad "
                                       "starts locked", PIN_GUARD_FILE);
        d->guard_written = true;
    } else if (st != PM_ERR_NOT_FOUND) {
        pin_guard_decode("", now_ms, &d->guard);   /* cannot read it: stay careful */
        logf_(d, DESK_LOG_WARNING, "cannot read the staff PIN lock-out count (%s); the pad "
                                   "starts locked", err.text);
    }
    free(text);
}

/* Before a PIN is checked: a guard file this process wrote that is gone
 * now was deleted under it. The count in memory stands; fail closed. */
static void check_guard_file(desk *d)
{
    if (!d->s || !d->guard_written || d->guard_unsaved)
        return;
    char *text = NULL;
    pm_msg err;
    pm_status st = store_read(d->s, PIN_GUARD_FILE, &text, NULL, &err);
    free(text);
    if (st == PM_ERR_NOT_FOUND || st == PM_ERR_REFUSED) {
        logf_(d, DESK_LOG_WARNING,
              "the staff PIN lock-out file %s was deleted or replaced while the kiosk ran; the "
              "count in memory is kept and written again", PIN_GUARD_FILE);
        d->guard_unsaved = true;
    }
}

static void reload_queue(desk *d)
{
    forget_queue(d);
    d->unsaved_loaded = desk_unsaved(d);
    if (!d->s) {
        say(d, DESK_NOTE_PROBLEM,
            "The intakes folder cannot be opened, so no intakes can be shown. "
            "Check the SD card; the log says more.");
        d->q_loaded = true;
        return;
    }
    pm_msg err = {{0}};
    if (queue_load(d->s, d->c, &d->q, &err) != PM_OK)
        say(d, DESK_NOTE_PROBLEM, err.text);
    d->q_loaded = true;
    d->clock_ref = retention_clock_reference(d->s);
}

static void confirm_clock(desk *d, desk_clock now)
{
    pm_msg err = {{0}};
    pm_status st = d->s ? retention_confirm_clock(d->s, now.utc_s, &err) : PM_ERR_IO;
    if (st != PM_OK) {
        say(d, DESK_NOTE_PROBLEM, err.text[0] ? err.text : "The date could not be noted.");
        return;
    }
    reload_queue(d);
    say(d, DESK_NOTE_CLOCK_CONFIRMED, NULL);
}

/* The opened entry again from a fresh queue (seen / exported changed). */
static void refresh_entry(desk *d)
{
    if (!d->has_entry)
        return;
    const queue_entry *e = queue_find(&d->q, d->entry.stem);
    if (e)
        d->entry = *e;
}

pm_status desk_create(const desk_setup *setup, desk_clock now, desk **out)
{
    *out = NULL;
    if (!setup || !setup->content || !setup->config)
        return PM_ERR_INVALID;
    desk *d = calloc(1, sizeof *d);
    if (!d)
        return PM_ERR_NOMEM;
    d->c = setup->content;
    d->cfg = *setup->config;
    d->s = setup->store;
    d->io = setup->io ? setup->io : export_io_posix();
    d->sv = setup->saver;
    snprintf(d->mount, sizeof d->mount, "%s", setup->mount ? setup->mount : EXPORT_MOUNT_DEFAULT);
    d->lang = setup->staff_lang;
    d->log = setup->log;
    d->log_ctx = setup->log_ctx;
    if (config_seals(&d->cfg)) {
        pm_msg err = {{0}};
        d->key_ok = seal_ready(&err) == PM_OK
                    && seal_public_parse(d->cfg.intake_public_key, &d->pk, &err) == PM_OK
                    && seal_keybox_parse(d->cfg.intake_secret_key, &d->kb, &err) == PM_OK;
        if (!d->key_ok)
            logf_(d, DESK_LOG_ERROR, "painmap.conf: the intake key %s; staff mode cannot unlock "
                                     "sealed intakes",
                  err.text);
    }
    intake_init(&d->open, "en");
    staff_gesture_init(&d->gesture, (staff_rect){0, 0, 0, 0});
    load_guard(d, now.mono_ms);
    *out = d;
    return PM_OK;
}

void desk_destroy(desk *d)
{
    if (!d)
        return;
    if (d->job) {
        export_report rep;
        export_finish(d->job, &rep); /* syncs what was written; marks what is complete */
        export_report_free(&rep);
        d->job = NULL;
    }
    close_desk(d);
    explicit_bzero(d, sizeof *d);
    free(d);
}

void desk_set_gesture_area(desk *d, staff_rect area)
{
    staff_gesture_set_area(&d->gesture, area);
}

static void open_pad(desk *d, desk_clock now)
{
    forget_pin(d);
    d->screen = DESK_PIN;
    d->pin_said = DESK_PIN_ENTER;
    d->lock_shown = pin_guard_seconds_left(&d->guard, now.mono_ms);
    say(d, DESK_NOTE_NONE, NULL);
    staff_session_begin(&d->session, d->cfg.staff_idle_timeout_s, now.mono_ms);
}

bool desk_pointer(desk *d, const staff_input *in, desk_clock now)
{
    if (d->screen != DESK_CLOSED)
        return false;
    if (!staff_gesture_feed(&d->gesture, in, now.mono_ms))
        return false;
    open_pad(d, now);
    return true;
}

static void open_queue(desk *d);

static void pin_enter(desk *d, desk_clock now)
{
    if (!config_staff_enabled(&d->cfg)) {
        d->pin_said = DESK_PIN_NO_PIN;
        forget_pin(d);
        return;
    }
    if (pin_guard_locked(&d->guard, now.mono_ms)) {
        d->pin_said = DESK_PIN_LOCKED;
        forget_pin(d);
        return;
    }
    if (d->ndigits < PIN_MIN_DIGITS) {
        d->pin_said = DESK_PIN_SHORT;
        return;
    }
    check_guard_file(d);
    bool closed = d->guard_unsaved; /* the count may not survive a restart */
    pin_result r = pin_guard_try(&d->guard, d->digits, d->cfg.staff_pin_hash, now.mono_ms);
    forget_pin(d);
    if (r == PIN_RESULT_WRONG && closed)
        pin_guard_lock_now(&d->guard, now.mono_ms);
    save_guard(d, now.mono_ms);
    if (r == PIN_RESULT_WRONG && d->guard_unsaved)
        pin_guard_lock_now(&d->guard, now.mono_ms); /* this very save failed */
    switch (r) {
    case PIN_RESULT_OK:
        staff_session_begin(&d->session, d->cfg.staff_idle_timeout_s, now.mono_ms);
        say(d, DESK_NOTE_NONE, NULL);
        if (d->key_ok) { /* the intakes are sealed: the passphrase first */
            d->screen = DESK_UNLOCK;
            d->unlock_said = DESK_UNLOCK_ENTER;
            break;
        }
        open_queue(d);
        break;
    case PIN_RESULT_WRONG:
        d->pin_said = pin_guard_locked(&d->guard, now.mono_ms) ? DESK_PIN_LOCKED : DESK_PIN_WRONG;
        d->lock_shown = pin_guard_seconds_left(&d->guard, now.mono_ms);
        break;
    case PIN_RESULT_LOCKED:
        d->pin_said = DESK_PIN_LOCKED;
        break;
    case PIN_RESULT_NO_PIN:
        d->pin_said = DESK_PIN_NO_PIN;
        break;
    }
}

/* The copy's outcome in the log, file by file (names by stem only). */
static void log_report(desk *d, pm_status st)
{
    logf_(d, st == PM_OK ? DESK_LOG_NOTICE : DESK_LOG_WARNING, "USB export: %s", d->rep.summary);
    pm_msgs lines;
    pm_msgs_init(&lines);
    if (export_report_lines(&d->rep, &lines) == PM_OK)
        for (size_t i = 0; i < lines.count; i++)
            logf_(d, strstr(lines.items[i], ": ok") || strstr(lines.items[i], "marked exported")
                         ? DESK_LOG_NOTICE
                         : DESK_LOG_WARNING,
                  "USB export %s: %s", d->rep.folder_name, lines.items[i]);
    pm_msgs_free(&lines);
}

/* Into the queue, with what staff should know first. */
static void open_queue(desk *d)
{
    d->screen = DESK_QUEUE;
    reload_queue(d);
    if (d->q.refused[0]) /* staff should know, and can delete those that are records */
        say(d, DESK_NOTE_PROBLEM, d->q.refused);
}

/* The passphrase typed: the key unlocked (about a second of Argon2id), or
 * a failure counted like a wrong PIN. */
static void unlock_enter(desk *d, desk_clock now)
{
    if (pin_guard_locked(&d->guard, now.mono_ms)) {
        forget_pin(d);
        d->screen = DESK_PIN;
        d->pin_said = DESK_PIN_LOCKED;
        return;
    }
    if (d->ntyped == 0)
        return;
    pm_msg err = {{0}};
    seal_secret *sk = NULL;
    pm_status st = seal_unlock(&d->kb, &d->pk, d->typed, &sk, &err);
    forget_pin(d);
    if (st == PM_OK) {
        d->secret = sk;
        if (d->s)
            store_set_opener(d->s, sk);
        logf_(d, DESK_LOG_NOTICE, "staff mode: the intakes were unlocked");
        if (d->s) { /* print pages that waited for the key */
            upkeep_result res;
            memset(&res, 0, sizeof res);
            pm_msgs log;
            pm_msgs_init(&log);
            upkeep_restore_pages(d->s, d->c, d->lang, &res, &log);
            for (size_t i = 0; i < log.count; i++)
                logf_(d, DESK_LOG_NOTICE, "%s", log.items[i]);
            pm_msgs_free(&log);
        }
        say(d, DESK_NOTE_NONE, NULL);
        open_queue(d);
        return;
    }
    if (st == PM_ERR_INVALID) { /* wrong: counted like a wrong PIN */
        check_guard_file(d);
        bool closed = d->guard_unsaved;
        pin_guard_count_failure(&d->guard, now.mono_ms);
        if (closed)
            pin_guard_lock_now(&d->guard, now.mono_ms);
        save_guard(d, now.mono_ms);
        if (d->guard_unsaved)
            pin_guard_lock_now(&d->guard, now.mono_ms);
        d->unlock_said = DESK_UNLOCK_WRONG;
        if (pin_guard_locked(&d->guard, now.mono_ms)) {
            d->screen = DESK_PIN; /* the pad shows the count-down */
            d->pin_said = DESK_PIN_LOCKED;
            d->lock_shown = pin_guard_seconds_left(&d->guard, now.mono_ms);
        }
        return;
    }
    d->unlock_said = DESK_UNLOCK_BROKEN;
    say(d, DESK_NOTE_PROBLEM, err.text[0] ? err.text : "The intakes cannot be unlocked.");
    logf_(d, DESK_LOG_ERROR, "staff mode: the intakes cannot be unlocked: %s", err.text);
}

static void probe_stick(desk *d, desk_clock now)
{
    pm_msg msg = {{0}};
    pm_status st = export_probe(d->io, d->mount, &d->stick_info, &msg);
    d->stick = st == PM_OK ? DESK_STICK_READY
               : st == PM_ERR_READONLY ? DESK_STICK_READONLY
                                       : DESK_STICK_NONE;
    if (st != PM_OK)
        memset(&d->stick_info, 0, sizeof d->stick_info);
    d->probed = true;
    d->probed_ms = now.mono_ms;
}

static pm_status open_item(desk *d, int index)
{
    if (!d->q_loaded || index < 0 || (size_t)index >= d->q.count)
        return PM_ERR_INVALID;
    forget_intake(d);
    d->entry = d->q.items[index];
    d->has_entry = true;
    say(d, DESK_NOTE_NONE, NULL);
    pm_msg err = {{0}};
    int64_t saved_at = 0;
    pm_status st = d->s ? queue_open(d->s, d->c, d->entry.stem, &d->open, &saved_at, &err)
                        : PM_ERR_IO;
    d->open_ok = st == PM_OK;
    if (!d->open_ok) {
        intake_wipe(&d->open);
        say(d, DESK_NOTE_PROBLEM,
            err.text[0] ? err.text
                        : "This intake cannot be read. Its files are still on the kiosk.");
    }
    d->screen = DESK_INTAKE;
    return PM_OK;
}

static void mark_seen(desk *d, desk_clock now)
{
    pm_msg err = {{0}};
    pm_status st = d->s ? queue_mark_seen(d->s, d->entry.stem, now.utc_s, &err) : PM_ERR_IO;
    if (st != PM_OK) {
        say(d, DESK_NOTE_PROBLEM, err.text[0] ? err.text : "It could not be marked as seen.");
        return;
    }
    reload_queue(d);
    refresh_entry(d);
    say(d, DESK_NOTE_SEEN, NULL);
}

static void delete_open(desk *d)
{
    pm_msg err = {{0}};
    pm_status st = d->s ? queue_delete(d->s, d->entry.stem, &err) : PM_ERR_IO;
    if (st != PM_OK && st != PM_ERR_NOT_FOUND) {
        say(d, DESK_NOTE_PROBLEM, err.text[0] ? err.text : "The intake could not be deleted.");
        d->screen = DESK_INTAKE;
        return;
    }
    forget_intake(d);
    reload_queue(d);
    if (d->note != DESK_NOTE_PROBLEM)
        say(d, DESK_NOTE_DELETED, NULL);
    d->screen = DESK_QUEUE;
}

static void export_start(desk *d, desk_clock now)
{
    if (d->stick != DESK_STICK_READY || desk_export_count(d) == 0)
        return;
    if (!d->s) {
        say(d, DESK_NOTE_PROBLEM, "The intakes folder cannot be opened; nothing can be copied.");
        return;
    }
    export_opts o = {
        .mount = d->mount,
        .now = now.utc_s,
        .formats = d->cfg.export_formats,
        .staff_lang = d->lang,
        .clinic_name = d->cfg.clinic_name,
        .io = d->io,
    };
    const char *one[1] = {d->entry.stem};
    pm_msg msg = {{0}};
    pm_status st = export_begin(d->s, d->c, &o, d->export_single ? one : NULL,
                                d->export_single ? 1 : 0, &d->job, &msg);
    if (st != PM_OK) {
        say(d, DESK_NOTE_PROBLEM, msg.text);
        probe_stick(d, now);
        return;
    }
    say(d, DESK_NOTE_NONE, NULL);
    d->screen = DESK_EXPORTING;
}

static void go_export(desk *d, bool single, desk_clock now)
{
    d->export_single = single;
    d->export_from = d->screen;
    say(d, DESK_NOTE_NONE, NULL);
    d->screen = DESK_EXPORT;
    probe_stick(d, now);
}

/* Back from the export screens: to where it started, with fresh states. */
static void back_from_export(desk *d)
{
    forget_report(d);
    say(d, DESK_NOTE_NONE, NULL);
    reload_queue(d);
    refresh_entry(d);
    d->screen = d->export_from == DESK_INTAKE && d->has_entry ? DESK_INTAKE : DESK_QUEUE;
}

static pm_status back(desk *d)
{
    switch (d->screen) {
    case DESK_PIN:
    case DESK_UNLOCK:
    case DESK_QUEUE:
        close_desk(d);
        return PM_OK;
    case DESK_INTAKE:
        forget_intake(d);
        say(d, DESK_NOTE_NONE, NULL);
        d->screen = DESK_QUEUE;
        return PM_OK;
    case DESK_CONFIRM_DELETE:
        d->screen = DESK_INTAKE;
        return PM_OK;
    case DESK_EXPORT:
    case DESK_EXPORT_DONE:
        back_from_export(d);
        return PM_OK;
    case DESK_EXPORTING:
    case DESK_CLOSED:
        break;
    }
    return PM_ERR_STATE;
}

pm_status desk_handle(desk *d, desk_event ev, int arg, desk_clock now)
{
    if (d->screen == DESK_CLOSED)
        return PM_ERR_STATE;
    staff_session_touch(&d->session, now.mono_ms);
    switch (ev) {
    case DESK_EV_DIGIT:
        if (d->screen != DESK_PIN)
            return PM_ERR_STATE;
        if (arg < 0 || arg > 9)
            return PM_ERR_INVALID;
        if (pin_guard_locked(&d->guard, now.mono_ms) || !config_staff_enabled(&d->cfg))
            return PM_OK; /* the pad shows why; typing does nothing */
        if (d->ndigits < PIN_MAX_DIGITS)
            d->digits[d->ndigits++] = (char)('0' + arg);
        d->pin_said = DESK_PIN_ENTER;
        return PM_OK;
    case DESK_EV_ERASE:
        if (d->screen == DESK_UNLOCK) {
            if (d->ntyped)
                d->typed[--d->ntyped] = '\0';
            return PM_OK;
        }
        if (d->screen != DESK_PIN)
            return PM_ERR_STATE;
        if (d->ndigits)
            d->digits[--d->ndigits] = '\0';
        return PM_OK;
    case DESK_EV_ENTER:
        if (d->screen == DESK_UNLOCK) {
            unlock_enter(d, now);
            return PM_OK;
        }
        if (d->screen != DESK_PIN)
            return PM_ERR_STATE;
        pin_enter(d, now);
        return PM_OK;
    case DESK_EV_CHAR:
        if (d->screen != DESK_UNLOCK)
            return PM_ERR_STATE;
        if (arg >= 'A' && arg <= 'Z')
            arg += 'a' - 'A';
        if (!((arg >= 'a' && arg <= 'z') || arg == ' '))
            return PM_ERR_INVALID;
        if (d->ntyped + 1 < sizeof d->typed)
            d->typed[d->ntyped++] = (char)arg;
        d->unlock_said = DESK_UNLOCK_ENTER;
        return PM_OK;
    case DESK_EV_BACK:
        return back(d);
    case DESK_EV_LEAVE:
        if (d->screen == DESK_EXPORTING)
            return PM_ERR_STATE;
        close_desk(d);
        return PM_OK;
    case DESK_EV_OPEN_ITEM:
        if (d->screen != DESK_QUEUE)
            return PM_ERR_STATE;
        return open_item(d, arg);
    case DESK_EV_MARK_SEEN:
        if (d->screen != DESK_INTAKE || !d->has_entry)
            return PM_ERR_STATE;
        mark_seen(d, now);
        return PM_OK;
    case DESK_EV_DELETE:
        if (d->screen != DESK_INTAKE || !d->has_entry)
            return PM_ERR_STATE;
        say(d, DESK_NOTE_NONE, NULL);
        d->screen = DESK_CONFIRM_DELETE;
        return PM_OK;
    case DESK_EV_DELETE_YES:
        if (d->screen != DESK_CONFIRM_DELETE)
            return PM_ERR_STATE;
        delete_open(d);
        return PM_OK;
    case DESK_EV_EXPORT_NEW:
        if (d->screen != DESK_QUEUE)
            return PM_ERR_STATE;
        go_export(d, false, now);
        return PM_OK;
    case DESK_EV_EXPORT_THIS:
        if (d->screen != DESK_INTAKE || !d->has_entry)
            return PM_ERR_STATE;
        go_export(d, true, now);
        return PM_OK;
    case DESK_EV_CONFIRM_CLOCK:
        if (d->screen != DESK_QUEUE || desk_clock_state_now(d, now) != DESK_CLOCK_JUMPED)
            return PM_ERR_STATE;
        confirm_clock(d, now);
        return PM_OK;
    case DESK_EV_EXPORT_START:
        if (d->screen != DESK_EXPORT)
            return PM_ERR_STATE;
        probe_stick(d, now);
        export_start(d, now);
        return PM_OK;
    }
    return PM_ERR_INVALID;
}

bool desk_tick(desk *d, desk_clock now)
{
    if (d->screen == DESK_CLOSED)
        return false; /* a held press is ticked through desk_pointer (it knows the screen) */
    if (d->screen != DESK_EXPORTING && staff_session_check(&d->session, now.mono_ms)) {
        close_desk(d);
        return true;
    }
    bool changed = false;
    if (d->screen == DESK_QUEUE && desk_unsaved(d) != d->unsaved_loaded) {
        reload_queue(d); /* a kept intake reached the disk: list it */
        changed = true;
    }
    if (d->screen == DESK_PIN) {
        uint32_t left = pin_guard_seconds_left(&d->guard, now.mono_ms);
        if (left != d->lock_shown) {
            d->lock_shown = left;
            changed = true;
        }
    }
    if (d->screen == DESK_EXPORT && (!d->probed || now.mono_ms - d->probed_ms >= STICK_POLL_MS)) {
        desk_stick_state before = d->stick;
        uint64_t free_before = d->stick_info.free_bytes;
        probe_stick(d, now);
        changed = changed || before != d->stick || free_before != d->stick_info.free_bytes;
    }
    return changed;
}

uint32_t desk_wait_ms(const desk *d, desk_clock now)
{
    if (d->screen == DESK_CLOSED)
        return staff_gesture_wait_ms(&d->gesture, now.mono_ms);
    if (d->screen == DESK_EXPORTING)
        return 0;
    uint32_t wait = staff_session_ms_left(&d->session, now.mono_ms);
    if (d->screen == DESK_PIN && pin_guard_locked(&d->guard, now.mono_ms)) {
        uint64_t left = d->guard.locked_until_ms - now.mono_ms;
        uint32_t to_second = (uint32_t)(left % 1000u);
        if (to_second == 0)
            to_second = 1000;
        if (to_second < wait)
            wait = to_second;
    }
    if (d->screen == DESK_EXPORT) {
        uint64_t since = now.mono_ms - d->probed_ms;
        uint32_t poll = since >= STICK_POLL_MS ? 0 : (uint32_t)(STICK_POLL_MS - since);
        if (poll < wait)
            wait = poll;
    }
    return wait;
}

bool desk_work(desk *d, desk_clock now)
{
    if (d->screen != DESK_EXPORTING || !d->job)
        return false;
    staff_session_touch(&d->session, now.mono_ms);
    if (export_step(d->job))
        return true;
    forget_report(d);
    pm_status st = export_finish(d->job, &d->rep); /* frees the job; rep is always filled */
    d->job = NULL;
    d->has_rep = true;
    log_report(d, st);
    d->screen = DESK_EXPORT_DONE;
    reload_queue(d);
    refresh_entry(d);
    probe_stick(d, now);
    return false;
}

/* ---- queries -------------------------------------------------------------- */

desk_screen desk_screen_now(const desk *d) { return d->screen; }
bool desk_is_open(const desk *d) { return d->screen != DESK_CLOSED; }
unsigned desk_closes(const desk *d) { return d->closes; }
int desk_lang(const desk *d) { return d->lang; }
const char *desk_clinic_name(const desk *d) { return d->cfg.clinic_name; }

uint32_t desk_ms_left(const desk *d, desk_clock now)
{
    return d->screen == DESK_CLOSED ? 0 : staff_session_ms_left(&d->session, now.mono_ms);
}

size_t desk_pin_digits(const desk *d) { return d->ndigits; }

size_t desk_unlock_letters(const desk *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->ntyped; i++)
        n += d->typed[i] != ' ';
    return n;
}

desk_unlock_state desk_unlock_state_now(const desk *d) { return d->unlock_said; }
bool desk_seals(const desk *d) { return d->key_ok; }

desk_pin_state desk_pin_state_now(const desk *d, desk_clock now)
{
    if (!config_staff_enabled(&d->cfg))
        return DESK_PIN_NO_PIN;
    if (pin_guard_locked(&d->guard, now.mono_ms))
        return DESK_PIN_LOCKED;
    /* A lock-out that has run out: ask again (one try before the next). */
    return d->pin_said == DESK_PIN_LOCKED ? DESK_PIN_ENTER : d->pin_said;
}

uint32_t desk_pin_seconds_left(const desk *d, desk_clock now)
{
    return pin_guard_seconds_left(&d->guard, now.mono_ms);
}

uint32_t desk_pin_tries_left(const desk *d) { return pin_guard_tries_left(&d->guard); }

desk_clock_state desk_clock_state_now(const desk *d, desk_clock now)
{
    if (now.utc_s < RETENTION_CLOCK_MIN)
        return DESK_CLOCK_UNSET;
    if (!d->q_loaded)
        return DESK_CLOCK_OK;
    for (size_t i = 0; i < d->q.count; i++)
        if (d->q.items[i].saved_at > now.utc_s + 300)
            return DESK_CLOCK_BEHIND;
    if (retention_judge_clock(now.utc_s, d->clock_ref) == RETENTION_CLOCK_JUMPED)
        return DESK_CLOCK_JUMPED;
    return DESK_CLOCK_OK;
}

int64_t desk_clock_reference(const desk *d) { return d->clock_ref; }

size_t desk_unsaved(const desk *d) { return d->sv ? saver_kept(d->sv) : 0; }
const queue_list *desk_queue(const desk *d) { return d->q_loaded ? &d->q : NULL; }
desk_note desk_note_now(const desk *d) { return d->note; }
const char *desk_message(const desk *d) { return d->msg; }

const intake *desk_intake(const desk *d)
{
    bool shows = d->screen == DESK_INTAKE || d->screen == DESK_CONFIRM_DELETE ||
                 ((d->screen == DESK_EXPORT || d->screen == DESK_EXPORTING ||
                   d->screen == DESK_EXPORT_DONE) && d->export_single);
    return shows && d->open_ok ? &d->open : NULL;
}

const queue_entry *desk_entry(const desk *d) { return d->has_entry ? &d->entry : NULL; }

desk_stick_state desk_stick(const desk *d, export_stick *info)
{
    if (info)
        *info = d->stick_info;
    return d->stick;
}

size_t desk_export_count(const desk *d)
{
    if (d->export_single)
        return d->has_entry ? 1 : 0;
    return d->q_loaded ? queue_count_new(&d->q) : 0;
}

bool desk_export_single(const desk *d) { return d->export_single; }

void desk_export_progress(const desk *d, size_t *done, size_t *total)
{
    *done = *total = 0;
    if (d->job)
        export_progress(d->job, done, total);
}

const export_report *desk_report(const desk *d)
{
    return d->screen == DESK_EXPORT_DONE && d->has_rep ? &d->rep : NULL;
}
