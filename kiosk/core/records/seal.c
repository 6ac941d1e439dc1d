/* seal.c — sealing intakes to the clinic's key, and the key's passphrase
 * (see seal.h).
 *
 * Why it is built this way:
 * - libsodium's sealed boxes: the kiosk saves with the public key only, so
 *   nothing on a kiosk left alone (or its card) opens what it saved.
 * - The secret key wrapped with crypto_secretbox under Argon2id of the
 *   passphrase: the card holds it, but only the passphrase opens it, at a
 *   cost per guess set when the key was made.
 * - Secrets (the unlocked key, the derived wrapping key) live in
 *   sodium_malloc memory (locked, guard pages) and are wiped when freed;
 *   the passphrase's letters are copied into a stack buffer that is wiped
 *   before returning.
 * - Texts are base64url without padding and '.' between fields: they sit
 *   on a line of painmap.conf that inih reads, so no '=', ';', '#' or ':'. */
#include "seal.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(SEAL_KEY_BYTES == crypto_box_PUBLICKEYBYTES && SEAL_KEY_BYTES == crypto_box_SECRETKEYBYTES,
               "X25519 keys");
_Static_assert(SEAL_BOX_BYTES == crypto_box_SEALBYTES, "sealed box overhead");
_Static_assert(SEAL_SEED_BYTES == crypto_box_SEEDBYTES, "key pair seed");
_Static_assert(SEAL_SALT_BYTES == crypto_pwhash_SALTBYTES, "Argon2id salt");
_Static_assert(SEAL_NONCE_BYTES == crypto_secretbox_NONCEBYTES, "secretbox nonce");
_Static_assert(SEAL_WRAPPED_BYTES == SEAL_KEY_BYTES + crypto_secretbox_MACBYTES, "wrapped key");
_Static_assert(SEAL_KEY_BYTES == crypto_secretbox_KEYBYTES, "wrapping key");

#define B64 sodium_base64_VARIANT_URLSAFE_NO_PADDING
#define PUBLIC_PREFIX "pmpk1."
#define KEYBOX_PREFIX "pmsk1."

struct seal_secret {
    unsigned char key[SEAL_KEY_BYTES];
    seal_public pub;
};

pm_status seal_ready(pm_msg *err)
{
    if (sodium_init() < 0) {
        pm_msg_set(err, "The cryptography library (libsodium) cannot start, so intakes cannot "
                        "be sealed; reinstall painmap's packages");
        return PM_ERR_IO;
    }
    return PM_OK;
}

static void key_id(const unsigned char key[SEAL_KEY_BYTES], unsigned char id[SEAL_ID_BYTES])
{
    /* BLAKE2b of the public key, keyed by nothing: an id, not a secret */
    crypto_generichash(id, SEAL_ID_BYTES, key, SEAL_KEY_BYTES, NULL, 0);
}

/* ---- texts ----------------------------------------------------------------- */

void seal_public_text(const seal_public *pk, char out[SEAL_PUBLIC_TEXT_MAX])
{
    char b[sodium_base64_ENCODED_LEN(SEAL_KEY_BYTES, B64)];
    sodium_bin2base64(b, sizeof b, pk->key, SEAL_KEY_BYTES, B64);
    snprintf(out, SEAL_PUBLIC_TEXT_MAX, PUBLIC_PREFIX "%s", b);
}

/* Decodes exactly n bytes of base64url from [s, end). Only the alphabet's
 * own characters: libsodium 1.0.18 takes some bytes above 0x7f as if they
 * were letters (found by tests/fuzz/fuzz_seal), and a key line is plain
 * ASCII. */
static bool decode(const char *s, const char *end, unsigned char *out, size_t n)
{
    for (const char *p = s; p < end; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_'))
            return false;
    size_t got = 0;
    const char *stop = NULL;
    return sodium_base642bin(out, n, s, (size_t)(end - s), NULL, &got, &stop, B64) == 0
           && got == n && stop == end;
}

pm_status seal_public_parse(const char *text, seal_public *out, pm_msg *err)
{
    memset(out, 0, sizeof *out);
    if (!text || strncmp(text, PUBLIC_PREFIX, strlen(PUBLIC_PREFIX)) != 0
        || !decode(text + strlen(PUBLIC_PREFIX), text + strlen(text), out->key, SEAL_KEY_BYTES)) {
        pm_msg_set(err, "is not an intake public key (pmpk1. and 43 more characters): was it "
                        "cut short or changed?");
        return PM_ERR_INVALID;
    }
    key_id(out->key, out->id);
    return PM_OK;
}

void seal_keybox_text(const seal_keybox *kb, char out[SEAL_KEYBOX_TEXT_MAX])
{
    char salt[sodium_base64_ENCODED_LEN(SEAL_SALT_BYTES, B64)];
    char nonce[sodium_base64_ENCODED_LEN(SEAL_NONCE_BYTES, B64)];
    char wrapped[sodium_base64_ENCODED_LEN(SEAL_WRAPPED_BYTES, B64)];
    sodium_bin2base64(salt, sizeof salt, kb->salt, sizeof kb->salt, B64);
    sodium_bin2base64(nonce, sizeof nonce, kb->nonce, sizeof kb->nonce, B64);
    sodium_bin2base64(wrapped, sizeof wrapped, kb->wrapped, sizeof kb->wrapped, B64);
    snprintf(out, SEAL_KEYBOX_TEXT_MAX, KEYBOX_PREFIX "%lu.%lu.%s.%s.%s", (unsigned long)kb->ops,
             (unsigned long)kb->mem_kib, salt, nonce, wrapped);
}

/* The cost libsodium allows, and we accept. */
static bool cost_ok(uint64_t ops, uint64_t mem_kib)
{
    return ops >= crypto_pwhash_argon2id_OPSLIMIT_MIN && ops <= SEAL_OPS_MAX
           && mem_kib * 1024u >= crypto_pwhash_argon2id_MEMLIMIT_MIN
           && mem_kib <= SEAL_MEM_KIB_MAX;
}

pm_status seal_keybox_parse(const char *text, seal_keybox *out, pm_msg *err)
{
    memset(out, 0, sizeof *out);
    const char *bad = "is not an intake secret key (pmsk1. then its cost, salt and key): was "
                      "it cut short or changed?";
    if (!text || strncmp(text, KEYBOX_PREFIX, strlen(KEYBOX_PREFIX)) != 0) {
        pm_msg_set(err, "%s", bad);
        return PM_ERR_INVALID;
    }
    const char *p = text + strlen(KEYBOX_PREFIX);
    char *end;
    unsigned long long ops = strtoull(p, &end, 10);
    if (end == p || *end != '.') {
        pm_msg_set(err, "%s", bad);
        return PM_ERR_INVALID;
    }
    p = end + 1;
    unsigned long long mem = strtoull(p, &end, 10);
    if (end == p || *end != '.') {
        pm_msg_set(err, "%s", bad);
        return PM_ERR_INVALID;
    }
    if (!cost_ok(ops, mem)) {
        pm_msg_set(err, "has an Argon2id cost the kiosk does not accept (%llu passes, %llu KiB)",
                   ops, mem);
        return PM_ERR_INVALID;
    }
    p = end + 1;
    const char *d1 = strchr(p, '.'), *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
    if (!d1 || !d2 || strchr(d2 + 1, '.') || !decode(p, d1, out->salt, SEAL_SALT_BYTES)
        || !decode(d1 + 1, d2, out->nonce, SEAL_NONCE_BYTES)
        || !decode(d2 + 1, text + strlen(text), out->wrapped, SEAL_WRAPPED_BYTES)) {
        pm_msg_set(err, "%s", bad);
        return PM_ERR_INVALID;
    }
    out->ops = (uint32_t)ops;
    out->mem_kib = (uint32_t)mem;
    return PM_OK;
}

/* ---- the passphrase -------------------------------------------------------- */

size_t seal_passphrase_letters(const char *p, char out[SEAL_PASS_MAX], bool *foreign)
{
    size_t n = 0;
    bool other = false;
    for (; p && *p; p++) {
        char ch = *p;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch >= 'a' && ch <= 'z') {
            if (n + 1 < SEAL_PASS_MAX)
                out[n++] = ch;
        } else if (ch != ' ' && ch != '\t' && ch != '-' && ch != '.' && ch != '\'') {
            other = true;
        }
    }
    out[n] = '\0';
    if (foreign)
        *foreign = other;
    return n;
}

pm_status seal_passphrase_check(const char *p, pm_msg *err)
{
    char letters[SEAL_PASS_MAX];
    bool foreign = false;
    size_t n = seal_passphrase_letters(p, letters, &foreign);
    pm_status st = PM_ERR_INVALID;
    int seen[26] = {0}, distinct = 0, run = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        if (!seen[letters[i] - 'a']++)
            distinct++;
        run = i > 0 && letters[i] == letters[i - 1] ? run + 1 : 1;
        if (run > longest)
            longest = run;
    }
    if (foreign)
        pm_msg_set(err, "the staff passphrase may have only the letters a to z (and blanks): the "
                        "kiosk's keyboard types those");
    else if (n < SEAL_PASS_MIN_LETTERS)
        pm_msg_set(err, "the staff passphrase has %zu letters; it needs at least %d, chosen at "
                        "random (painmap --new-passphrase makes one)",
                   n, SEAL_PASS_MIN_LETTERS);
    else if (distinct < 8)
        pm_msg_set(err, "the staff passphrase uses only %d different letters; it needs at least "
                        "8, chosen at random (painmap --new-passphrase makes one)",
                   distinct);
    else if (longest >= 4)
        pm_msg_set(err, "the staff passphrase has one letter %d times in a row; choose it at "
                        "random (painmap --new-passphrase makes one)",
                   longest);
    else
        st = PM_OK;
    sodium_memzero(letters, sizeof letters);
    return st;
}

void seal_passphrase_make(const unsigned char random[SEAL_PASS_RANDOM_BYTES], char out[32])
{
    size_t n = 0, w = 0;
    for (size_t i = 0; i < SEAL_PASS_RANDOM_BYTES && n < SEAL_PASS_GEN_LETTERS; i++) {
        if (random[i] >= 26 * 9) /* 234..255 would make a..v likelier */
            continue;
        if (n > 0 && n % 5 == 0)
            out[w++] = ' ';
        out[w++] = (char)('a' + random[i] % 26);
        n++;
    }
    /* 64 bytes give 20 letters unless more than 44 were refused (about
     * one chance in 10^30); then the rest is taken as it comes */
    for (size_t i = 0; n < SEAL_PASS_GEN_LETTERS; i++, n++) {
        if (n % 5 == 0)
            out[w++] = ' ';
        out[w++] = (char)('a' + random[i] % 26);
    }
    out[w] = '\0';
}

/* The wrapping key: Argon2id of the passphrase's letters. */
static pm_status derive(const char *passphrase, const unsigned char salt[SEAL_SALT_BYTES],
                        uint32_t ops, uint32_t mem_kib, unsigned char *key, pm_msg *err)
{
    char letters[SEAL_PASS_MAX];
    size_t n = seal_passphrase_letters(passphrase, letters, NULL);
    pm_status st = PM_OK;
    if (n == 0) {
        pm_msg_set(err, "the passphrase has no letters");
        st = PM_ERR_INVALID;
    } else if (!cost_ok(ops, mem_kib)) {
        pm_msg_set(err, "the Argon2id cost (%lu passes, %lu KiB) is outside what the kiosk "
                        "accepts",
                   (unsigned long)ops, (unsigned long)mem_kib);
        st = PM_ERR_INVALID;
    } else if (crypto_pwhash(key, SEAL_KEY_BYTES, letters, n, salt, ops, (size_t)mem_kib * 1024u,
                             crypto_pwhash_ALG_ARGON2ID13)
               != 0) {
        pm_msg_set(err, "not enough memory to check the passphrase (Argon2id needs %lu KiB)",
                   (unsigned long)mem_kib);
        st = PM_ERR_NOMEM;
    }
    sodium_memzero(letters, sizeof letters);
    return st;
}

pm_status seal_kdf_once(uint32_t ops, uint32_t mem_kib)
{
    unsigned char salt[SEAL_SALT_BYTES] = {0}, key[SEAL_KEY_BYTES];
    pm_status st = derive("timing", salt, ops, mem_kib, key, NULL);
    sodium_memzero(key, sizeof key);
    return st;
}

static seal_secret *secret_new(void)
{
    seal_secret *sk = sodium_malloc(sizeof *sk);
    if (sk)
        memset(sk, 0, sizeof *sk);
    return sk;
}

void seal_secret_free(seal_secret *sk)
{
    if (sk)
        sodium_free(sk); /* zeroes it first */
}

const seal_public *seal_secret_public(const seal_secret *sk)
{
    return &sk->pub;
}

static pm_status wrap(const unsigned char secret[SEAL_KEY_BYTES], const char *passphrase,
                      const unsigned char salt[SEAL_SALT_BYTES],
                      const unsigned char nonce[SEAL_NONCE_BYTES], uint32_t ops, uint32_t mem_kib,
                      seal_keybox *kb, pm_msg *err)
{
    unsigned char *key = sodium_malloc(SEAL_KEY_BYTES);
    if (!key) {
        pm_msg_set(err, "out of memory");
        return PM_ERR_NOMEM;
    }
    pm_status st = derive(passphrase, salt, ops, mem_kib, key, err);
    if (st == PM_OK) {
        memset(kb, 0, sizeof *kb);
        kb->ops = ops;
        kb->mem_kib = mem_kib;
        memcpy(kb->salt, salt, SEAL_SALT_BYTES);
        memcpy(kb->nonce, nonce, SEAL_NONCE_BYTES);
        crypto_secretbox_easy(kb->wrapped, secret, SEAL_KEY_BYTES, kb->nonce, key);
    }
    sodium_free(key);
    return st;
}

pm_status seal_make(const char *passphrase, const unsigned char seed[SEAL_SEED_BYTES],
                    const unsigned char salt[SEAL_SALT_BYTES],
                    const unsigned char nonce[SEAL_NONCE_BYTES], uint32_t ops, uint32_t mem_kib,
                    seal_public *pk, seal_keybox *kb, pm_msg *err)
{
    seal_secret *sk = secret_new();
    if (!sk) {
        pm_msg_set(err, "out of memory");
        return PM_ERR_NOMEM;
    }
    crypto_box_seed_keypair(sk->pub.key, sk->key, seed);
    key_id(sk->pub.key, sk->pub.id);
    pm_status st = wrap(sk->key, passphrase, salt, nonce, ops, mem_kib, kb, err);
    if (st == PM_OK)
        *pk = sk->pub;
    seal_secret_free(sk);
    return st;
}

pm_status seal_rewrap(const seal_secret *sk, const char *passphrase,
                      const unsigned char salt[SEAL_SALT_BYTES],
                      const unsigned char nonce[SEAL_NONCE_BYTES], uint32_t ops,
                      uint32_t mem_kib, seal_keybox *out, pm_msg *err)
{
    return wrap(sk->key, passphrase, salt, nonce, ops, mem_kib, out, err);
}

pm_status seal_unlock(const seal_keybox *kb, const seal_public *pk, const char *passphrase,
                      seal_secret **out, pm_msg *err)
{
    *out = NULL;
    unsigned char *key = sodium_malloc(SEAL_KEY_BYTES);
    seal_secret *sk = secret_new();
    if (!key || !sk) {
        sodium_free(key);
        seal_secret_free(sk);
        pm_msg_set(err, "out of memory");
        return PM_ERR_NOMEM;
    }
    pm_status st = derive(passphrase, kb->salt, kb->ops, kb->mem_kib, key, err);
    if (st == PM_OK
        && crypto_secretbox_open_easy(sk->key, kb->wrapped, SEAL_WRAPPED_BYTES, kb->nonce, key)
               != 0) {
        pm_msg_set(err, "wrong passphrase");
        st = PM_ERR_INVALID;
    }
    if (st == PM_OK) {
        crypto_scalarmult_base(sk->pub.key, sk->key);
        key_id(sk->pub.key, sk->pub.id);
        if (sodium_memcmp(sk->pub.key, pk->key, SEAL_KEY_BYTES) != 0) {
            pm_msg_set(err, "intake_secret_key and intake_public_key in painmap.conf are not one "
                            "key pair (lines from two different set-ups?)");
            st = PM_ERR_STATE;
        }
    }
    sodium_free(key);
    if (st != PM_OK) {
        seal_secret_free(sk);
        return st;
    }
    *out = sk;
    return PM_OK;
}

/* ---- sealing ------------------------------------------------------------- */

bool seal_is_sealed(const void *data, size_t n)
{
    return data && n >= SEAL_OVERHEAD && memcmp(data, SEAL_MAGIC, SEAL_MAGIC_LEN) == 0;
}

size_t seal_size(size_t plain_len)
{
    return plain_len + SEAL_OVERHEAD;
}

pm_status seal_data(const seal_public *pk, const void *plain, size_t n, unsigned char *out)
{
    memcpy(out, SEAL_MAGIC, SEAL_MAGIC_LEN);
    memcpy(out + SEAL_MAGIC_LEN, pk->id, SEAL_ID_BYTES);
    if (crypto_box_seal(out + SEAL_MAGIC_LEN + SEAL_ID_BYTES, plain, n, pk->key) != 0)
        return PM_ERR_IO;
    return PM_OK;
}

bool seal_file_id(const void *sealed, size_t n, char hex[2 * SEAL_ID_BYTES + 1])
{
    if (!seal_is_sealed(sealed, n))
        return false;
    sodium_bin2hex(hex, 2 * SEAL_ID_BYTES + 1, (const unsigned char *)sealed + SEAL_MAGIC_LEN,
                   SEAL_ID_BYTES);
    return true;
}

pm_status seal_open(const seal_secret *sk, const void *sealed, size_t n, unsigned char *out,
                    size_t *out_len, pm_msg *err)
{
    const unsigned char *c = sealed;
    *out_len = 0;
    if (!seal_is_sealed(sealed, n)) {
        pm_msg_set(err, "not a sealed file");
        return PM_ERR_INVALID;
    }
    if (sodium_memcmp(c + SEAL_MAGIC_LEN, sk->pub.id, SEAL_ID_BYTES) != 0) {
        char theirs[2 * SEAL_ID_BYTES + 1], ours[2 * SEAL_ID_BYTES + 1];
        seal_file_id(sealed, n, theirs);
        sodium_bin2hex(ours, sizeof ours, sk->pub.id, SEAL_ID_BYTES);
        pm_msg_set(err, "sealed with another key (key %s; this kiosk's is %s): only the "
                        "passphrase of that key opens it",
                   theirs, ours);
        return PM_ERR_SEALED;
    }
    size_t body = n - SEAL_MAGIC_LEN - SEAL_ID_BYTES;
    if (crypto_box_seal_open(out, c + SEAL_MAGIC_LEN + SEAL_ID_BYTES, body, sk->pub.key, sk->key)
        != 0) {
        pm_msg_set(err, "damaged or altered: it does not open with this kiosk's key");
        return PM_ERR_INVALID;
    }
    *out_len = body - SEAL_BOX_BYTES;
    out[*out_len] = 0;
    return PM_OK;
}
