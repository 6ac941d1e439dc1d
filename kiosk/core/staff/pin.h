/* pin.h — the staff PIN: a salted slow hash (never the PIN itself), a
 * constant-time check, and a lock-out that grows after wrong guesses.
 *
 * Hash: yescrypt ("$y$", libxcrypt's crypt_r) with libxcrypt's default
 * cost: about 0.15 s on a PC, up to about 1 s on a small Raspberry Pi —
 * slow on purpose, since a PIN has few possibilities. The salt's randomness
 * is passed in: the core never reads /dev/urandom or a clock itself
 * (main/ui fill PIN_RANDOM_BYTES bytes with getrandom()).
 *
 * Lock-out (pin_guard): after PIN_FREE_TRIES wrong PINs in a row the pad is
 * locked for PIN_LOCK_FIRST_MS; every further wrong PIN (one try after each
 * lock-out) locks again for twice as long, up to PIN_LOCK_MAX_MS. A right
 * PIN resets everything. Time is a monotonic clock in milliseconds passed
 * in. The guard is a plain value; pin_guard_encode()/pin_guard_decode() let
 * the caller keep it across a restart (pulling the plug must not reset the
 * count), e.g. in the state folder with store_write_atomic().
 *
 * Memory: PIN-derived buffers are wiped (explicit_bzero) before returning.
 * Callers should wipe their own copy of a typed PIN after use. */
#ifndef PM_PIN_H
#define PM_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "status.h"

#define PIN_MIN_DIGITS 4
#define PIN_MAX_DIGITS 8
#define PIN_RANDOM_BYTES 16   /* salt randomness the caller provides */
#define PIN_HASH_MAX 160      /* a hash, including the NUL (yescrypt: 73) */
#define PIN_LINE_MAX 192      /* "staff_pin_hash = $y$..." including the NUL */

#define PIN_FREE_TRIES 5
#define PIN_LOCK_FIRST_MS 30000u
#define PIN_LOCK_MAX_MS (15u * 60u * 1000u)

/* True when pin is PIN_MIN_DIGITS..PIN_MAX_DIGITS ASCII digits. */
bool pin_valid(const char *pin);

/* Hashes pin with a salt made from random (PIN_RANDOM_BYTES bytes). out gets
 * "$y$...". PM_ERR_INVALID when the PIN is not 4-8 digits (err says so),
 * PM_ERR_LIMIT when out is too small, PM_ERR_NOMEM, PM_ERR_IO when the
 * crypt library refuses (err says what to do). */
pm_status pin_hash(const char *pin, const unsigned char random[PIN_RANDOM_BYTES], char *out,
                   size_t size, pm_msg *err);

/* The line to paste into painmap.conf: "staff_pin_hash = $y$...". Same
 * errors as pin_hash. `painmap --hash-pin` prints this. */
pm_status pin_hash_line(const char *pin, const unsigned char random[PIN_RANDOM_BYTES],
                        char *out, size_t size, pm_msg *err);

/* True when pin matches hash. The work does not depend on where a wrong
 * PIN differs (the full hash is computed and compared in constant time). A
 * hash that is not yescrypt ("$y$") never matches. */
bool pin_verify(const char *pin, const char *hash);

/* ------------------------------------------------------------------------ */
/* A plain PIN in painmap.conf, replaced by its hash (pin_seal.c)            */

/* painmap.conf's text with its plain staff PIN sealed: the staff_pin line
 * the kiosk would use (the last one, when it is 4-8 digits) becomes
 * "staff_pin_hash = $y$..." in its place (its line ending kept), and every
 * other staff_pin and staff_pin_hash line is removed (they are superseded,
 * and no plain PIN may stay in the file). Everything else is kept byte for
 * byte. *out is the new text (the caller frees it; *line the line sealed),
 * or NULL when there is nothing to seal: no staff_pin line, or the last one
 * is not 4-8 digits (the kiosk reports that). Errors as pin_hash. */
pm_status pin_seal_config(const char *text, const unsigned char random[PIN_RANDOM_BYTES],
                          char **out, int *line, pm_msg *err);

/* ------------------------------------------------------------------------ */
/* Lock-out                                                                  */

typedef struct {
    uint32_t failures;        /* wrong PINs in a row since the last right one */
    uint32_t lockouts;        /* lock-outs in this run of failures */
    uint64_t locked_until_ms; /* monotonic; locked while now < this */
    uint32_t lock_ms;         /* length of the current lock-out (0 if none) */
} pin_guard;

typedef enum {
    PIN_RESULT_OK,        /* right PIN: open staff mode */
    PIN_RESULT_WRONG,     /* wrong PIN; the pad may be locked now (pin_guard_locked) */
    PIN_RESULT_LOCKED,    /* not checked: the pad is locked (count-down showing) */
    PIN_RESULT_NO_PIN,    /* no staff PIN is configured: staff mode cannot open */
} pin_result;

void pin_guard_init(pin_guard *g);

/* Checks pin against hash (a configured hash, or "" / NULL when none) unless
 * locked. A wrong PIN (including one that is not 4-8 digits) counts as a
 * failure and may start a lock-out. */
pin_result pin_guard_try(pin_guard *g, const char *pin, const char *hash, uint64_t now_ms);

bool pin_guard_locked(const pin_guard *g, uint64_t now_ms);
/* Counts a wrong secret that was checked elsewhere (the staff passphrase,
 * after the PIN): the same count and lock-outs as a wrong PIN. */
void pin_guard_count_failure(pin_guard *g, uint64_t now_ms);
/* Fail closed: the count cannot be kept across a restart (the guard file
 * cannot be written), so the free tries are not given. Call after a wrong
 * PIN: unless locked already, the pad locks now for the next lock-out's
 * length, as if the last free try had been used. */
void pin_guard_lock_now(pin_guard *g, uint64_t now_ms);
/* Whole seconds left on the lock-out, rounded up (0 when not locked): the
 * count-down the PIN pad shows. */
uint32_t pin_guard_seconds_left(const pin_guard *g, uint64_t now_ms);
/* PINs that may still be tried before a lock-out starts: 5 at first, 1 when
 * the next wrong PIN locks the pad (always 1 after a lock-out has run). */
uint32_t pin_guard_tries_left(const pin_guard *g);

/* Where the UI keeps the guard: a plain file of the store's folder (not a
 * record: store_list() ignores it). After every pin_guard_try():
 *   pin_guard_encode(&g, now, buf, sizeof buf);
 *   store_write_atomic(s, PIN_GUARD_FILE, buf, strlen(buf), true, &err);
 * and at start-up: store_read(s, PIN_GUARD_FILE, ...) → pin_guard_decode(),
 * or pin_guard_init() when it is PM_ERR_NOT_FOUND. */
#define PIN_GUARD_FILE "staff-pin-guard"

/* A short text form of the guard ("pin-guard 1 F L MS"), with the time left
 * on the lock-out (not the clock) so it survives a restart whose monotonic
 * clock starts again at 0. buf of 64 bytes is enough. */
void pin_guard_encode(const pin_guard *g, uint64_t now_ms, char *buf, size_t size);
/* Reads pin_guard_encode()'s text; the lock-out continues from now_ms.
 * Anything unreadable gives PM_ERR_INVALID and a guard that is locked for
 * PIN_LOCK_FIRST_MS with no free tries (tampering must not unlock). */
pm_status pin_guard_decode(const char *text, uint64_t now_ms, pin_guard *g);

#endif
