/* pin.c — staff PIN hash, constant-time check, lock-out (see pin.h).
 *
 * Why it is built this way:
 * - yescrypt through libxcrypt's re-entrant calls (crypt_r,
 *   crypt_gensalt_rn): the system's own password hash, slow and salted, so
 *   the config file on the SD card does not give the PIN away cheaply.
 * - The salt's randomness comes from the caller, so this file reads no
 *   device and every result is reproducible in tests.
 * - crypt_r's work area (32 KiB) lives on the heap and is wiped after use,
 *   like every other buffer that held PIN-derived bytes.
 * - The lock-out is a plain value with the time passed in, so its timing is
 *   tested without waiting. */
#include "pin.h"

#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PIN_YESCRYPT "$y$"

bool pin_valid(const char *pin)
{
    if (!pin)
        return false;
    size_t n = 0;
    for (; pin[n]; n++)
        if (pin[n] < '0' || pin[n] > '9' || n >= PIN_MAX_DIGITS)
            return false;
    return n >= PIN_MIN_DIGITS;
}

static bool is_yescrypt(const char *hash)
{
    return hash && strncmp(hash, PIN_YESCRYPT, strlen(PIN_YESCRYPT)) == 0;
}

/* crypt_r into out; false when the library refuses (it returns "*..."). */
static bool run_crypt(const char *pin, const char *setting, char *out, size_t size)
{
    struct crypt_data *cd = calloc(1, sizeof *cd);
    if (!cd)
        return false;
    const char *h = crypt_r(pin, setting, cd);
    bool ok = h && h[0] == '$' && strlen(h) < size;
    if (ok)
        memcpy(out, h, strlen(h) + 1);
    explicit_bzero(cd, sizeof *cd);
    free(cd);
    return ok;
}

pm_status pin_hash(const char *pin, const unsigned char random[PIN_RANDOM_BYTES], char *out,
                   size_t size, pm_msg *err)
{
    if (out && size)
        out[0] = '\0';
    if (!pin_valid(pin)) {
        pm_msg_set(err, "A staff PIN must be %d to %d digits (0-9), nothing else",
                   PIN_MIN_DIGITS, PIN_MAX_DIGITS);
        return PM_ERR_INVALID;
    }
    if (!random || !out) {
        pm_msg_set(err, "pin_hash: no random bytes or no output buffer");
        return PM_ERR_INVALID;
    }
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn(PIN_YESCRYPT, 0, (const char *)random, PIN_RANDOM_BYTES, setting,
                          (int)sizeof setting)) {
        pm_msg_set(err, "The system's password library (libxcrypt) cannot make a yescrypt "
                        "salt; install a libcrypt1 with yescrypt support");
        return PM_ERR_IO;
    }
    char h[CRYPT_OUTPUT_SIZE];
    bool ok = run_crypt(pin, setting, h, sizeof h);
    if (!ok) {
        explicit_bzero(h, sizeof h);
        pm_msg_set(err, "The system's password library (libxcrypt) could not hash the PIN "
                        "with yescrypt (out of memory, or yescrypt not supported)");
        return PM_ERR_IO;
    }
    if (strlen(h) + 1 > size || strlen(h) + 1 > PIN_HASH_MAX) {
        explicit_bzero(h, sizeof h);
        pm_msg_set(err, "pin_hash: the output buffer is too small");
        return PM_ERR_LIMIT;
    }
    memcpy(out, h, strlen(h) + 1);
    explicit_bzero(h, sizeof h);
    return PM_OK;
}

pm_status pin_hash_line(const char *pin, const unsigned char random[PIN_RANDOM_BYTES],
                        char *out, size_t size, pm_msg *err)
{
    char h[PIN_HASH_MAX];
    if (out && size)
        out[0] = '\0';
    pm_status st = pin_hash(pin, random, h, sizeof h, err);
    if (st != PM_OK)
        return st;
    int n = snprintf(out, size, "staff_pin_hash = %s", h);
    if (n < 0 || (size_t)n >= size) {
        if (size)
            out[0] = '\0';
        pm_msg_set(err, "pin_hash_line: the output buffer is too small");
        return PM_ERR_LIMIT;
    }
    return PM_OK;
}

bool pin_verify(const char *pin, const char *hash)
{
    if (!is_yescrypt(hash) || strlen(hash) >= PIN_HASH_MAX)
        return false;
    /* a malformed PIN costs the same work as a wrong one */
    bool shape = pin_valid(pin);
    char h[CRYPT_OUTPUT_SIZE] = { 0 };
    if (!run_crypt(shape ? pin : "00000000", hash, h, sizeof h)) {
        explicit_bzero(h, sizeof h);
        return false;
    }
    size_t n = strlen(hash);
    volatile unsigned char diff = (unsigned char)(strlen(h) != n);
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)(h[i] ^ hash[i]); /* h is NUL-padded past its end */
    explicit_bzero(h, sizeof h);
    return diff == 0 && shape;
}

/* ------------------------------------------------------------------------ */
/* Lock-out                                                                  */

void pin_guard_init(pin_guard *g)
{
    memset(g, 0, sizeof *g);
}

bool pin_guard_locked(const pin_guard *g, uint64_t now_ms)
{
    return now_ms < g->locked_until_ms;
}

uint32_t pin_guard_seconds_left(const pin_guard *g, uint64_t now_ms)
{
    if (!pin_guard_locked(g, now_ms))
        return 0;
    uint64_t ms = g->locked_until_ms - now_ms;
    return (uint32_t)((ms + 999) / 1000);
}

uint32_t pin_guard_tries_left(const pin_guard *g)
{
    return g->failures < PIN_FREE_TRIES ? PIN_FREE_TRIES - g->failures : 1;
}

static uint32_t lock_length(uint32_t lockouts)
{
    uint64_t ms = PIN_LOCK_FIRST_MS;
    for (uint32_t i = 0; i < lockouts && ms < PIN_LOCK_MAX_MS; i++)
        ms *= 2;
    return ms > PIN_LOCK_MAX_MS ? PIN_LOCK_MAX_MS : (uint32_t)ms;
}

pin_result pin_guard_try(pin_guard *g, const char *pin, const char *hash, uint64_t now_ms)
{
    if (!hash || !hash[0])
        return PIN_RESULT_NO_PIN;
    if (pin_guard_locked(g, now_ms))
        return PIN_RESULT_LOCKED;
    if (pin_verify(pin, hash)) {
        pin_guard_init(g);
        return PIN_RESULT_OK;
    }
    pin_guard_count_failure(g, now_ms);
    return PIN_RESULT_WRONG;
}

void pin_guard_count_failure(pin_guard *g, uint64_t now_ms)
{
    if (g->failures < UINT32_MAX)
        g->failures++;
    if (g->failures >= PIN_FREE_TRIES) {
        g->lock_ms = lock_length(g->lockouts);
        g->locked_until_ms = now_ms + g->lock_ms;
        if (g->lockouts < 64)
            g->lockouts++;
    }
}

void pin_guard_lock_now(pin_guard *g, uint64_t now_ms)
{
    if (pin_guard_locked(g, now_ms))
        return;
    if (g->failures < PIN_FREE_TRIES)
        g->failures = PIN_FREE_TRIES;
    g->lock_ms = lock_length(g->lockouts);
    g->locked_until_ms = now_ms + g->lock_ms;
    if (g->lockouts < 64)
        g->lockouts++;
}

void pin_guard_encode(const pin_guard *g, uint64_t now_ms, char *buf, size_t size)
{
    uint64_t left = pin_guard_locked(g, now_ms) ? g->locked_until_ms - now_ms : 0;
    snprintf(buf, size, "pin-guard 1 %lu %lu %lu\n", (unsigned long)g->failures,
             (unsigned long)g->lockouts, (unsigned long)left);
}

pm_status pin_guard_decode(const char *text, uint64_t now_ms, pin_guard *g)
{
    unsigned long failures, lockouts, left;
    pin_guard_init(g);
    if (text && sscanf(text, "pin-guard 1 %lu %lu %lu", &failures, &lockouts, &left) == 3
        && failures <= 1000000 && lockouts <= 64 && left <= PIN_LOCK_MAX_MS) {
        g->failures = (uint32_t)failures;
        g->lockouts = (uint32_t)lockouts;
        g->lock_ms = (uint32_t)left;
        g->locked_until_ms = left ? now_ms + left : 0;
        return PM_OK;
    }
    g->failures = PIN_FREE_TRIES;
    g->lockouts = 1;
    g->lock_ms = PIN_LOCK_FIRST_MS;
    g->locked_until_ms = now_ms + PIN_LOCK_FIRST_MS;
    return PM_ERR_INVALID;
}
