/* seal.h — intakes sealed at rest: a saved intake on the SD card cannot be
 * read without the clinic's staff passphrase.
 *
 * The design (README: "What an attacker with the card, with the running
 * kiosk, with the stick can read"):
 * - The clinic has one key pair (X25519, libsodium's crypto_box). Its
 *   public key is a line of painmap.conf (intake_public_key). Every record
 *   and print page is sealed to it as it is saved (crypto_box_seal: a fresh
 *   key pair per file, XSalsa20-Poly1305), so saving needs no secret and a
 *   kiosk left alone holds none.
 * - The secret key is a line of painmap.conf too (intake_secret_key),
 *   encrypted (crypto_secretbox) under a key that Argon2id derives from the
 *   staff passphrase; its cost is in the line, chosen when the key was made
 *   so that the kiosk itself unlocks in about a second. Staff type the
 *   passphrase when they open staff mode; the secret key then lives in
 *   locked memory (sodium_malloc: no swap, guard pages) until staff mode
 *   closes, and is wiped then.
 * - The passphrase rule (seal_passphrase_check): at least
 *   SEAL_PASS_MIN_LETTERS letters a-z (case, blanks and hyphens do not
 *   count; the kiosk's keyboard types these), at least 8 different ones, no
 *   letter four times in a row. `painmap --new-passphrase` makes one of 20
 *   letters chosen at random (26^20, 94 bits). README has the arithmetic.
 *
 * A sealed file: SEAL_MAGIC, the key's SEAL_ID_BYTES-byte id (a hash of
 * its public key, so a file sealed to another key is told apart from a
 * damaged one), then the sealed box. A plain record starts with '{' and a
 * page with '<', so the two never look alike.
 *
 * Randomness: key pairs, salts and nonces come from the caller (the core
 * reads no device); only the per-file key of a sealed box comes from
 * libsodium's own generator, which must never be reused.
 *
 * Ownership: seal_public and seal_keybox are plain values. A seal_secret
 * is made by seal_unlock or seal_make and freed (wiped) by
 * seal_secret_free. */
#ifndef PM_SEAL_H
#define PM_SEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "status.h"

#define SEAL_MAGIC "PMSEAL1\n"
#define SEAL_MAGIC_LEN 8
#define SEAL_KEY_BYTES 32
#define SEAL_ID_BYTES 8
#define SEAL_BOX_BYTES 48 /* crypto_box_SEALBYTES: the per-file public key and a MAC */
#define SEAL_OVERHEAD (SEAL_MAGIC_LEN + SEAL_ID_BYTES + SEAL_BOX_BYTES)
#define SEAL_SEED_BYTES 32
#define SEAL_SALT_BYTES 16
#define SEAL_NONCE_BYTES 24
#define SEAL_WRAPPED_BYTES (SEAL_KEY_BYTES + 16) /* the secret key and its MAC */
#define SEAL_PUBLIC_TEXT_MAX 64
#define SEAL_KEYBOX_TEXT_MAX 256

/* Argon2id costs. The set-up measures the machine it runs on (the kiosk
 * itself, at first boot) and takes the smallest number of passes, at least
 * SEAL_OPS_MIN, that takes about a second at SEAL_MEM_KIB; the line keeps
 * them. Lines are read with any cost libsodium allows up to the maxima
 * (the tests use tiny ones). */
#define SEAL_MEM_KIB (64u * 1024u)   /* 64 MiB: every Pi has it to spare */
#define SEAL_OPS_MIN 3u
#define SEAL_OPS_MAX 64u
#define SEAL_MEM_KIB_MAX (1024u * 1024u)

/* The passphrase. */
#define SEAL_PASS_MIN_LETTERS 16
#define SEAL_PASS_MAX 256         /* bytes as typed */
#define SEAL_PASS_GEN_LETTERS 20  /* what --new-passphrase makes */
#define SEAL_PASS_RANDOM_BYTES 64 /* randomness for one generated passphrase */

typedef struct {
    unsigned char key[SEAL_KEY_BYTES];
    unsigned char id[SEAL_ID_BYTES];
} seal_public;

typedef struct {
    uint32_t ops;                 /* Argon2id passes */
    uint32_t mem_kib;             /* Argon2id memory */
    unsigned char salt[SEAL_SALT_BYTES];
    unsigned char nonce[SEAL_NONCE_BYTES];
    unsigned char wrapped[SEAL_WRAPPED_BYTES];
} seal_keybox;

typedef struct seal_secret seal_secret;

/* Starts libsodium (once per process is enough; more is harmless).
 * PM_ERR_IO when it cannot start (err says so). */
pm_status seal_ready(pm_msg *err);

/* "pmpk1.<base64url of the key>" and back. PM_ERR_INVALID with err when
 * the text is not one (cut short, a typo). */
void seal_public_text(const seal_public *pk, char out[SEAL_PUBLIC_TEXT_MAX]);
pm_status seal_public_parse(const char *text, seal_public *out, pm_msg *err);

/* "pmsk1.OPS.MEMKIB.<salt>.<nonce>.<wrapped key>" and back. */
void seal_keybox_text(const seal_keybox *kb, char out[SEAL_KEYBOX_TEXT_MAX]);
pm_status seal_keybox_parse(const char *text, seal_keybox *out, pm_msg *err);

/* A new key pair from seed, its secret key wrapped under passphrase with
 * salt and nonce at the given cost. PM_ERR_INVALID when the passphrase has
 * no letters or the cost is outside what libsodium allows; PM_ERR_NOMEM. */
pm_status seal_make(const char *passphrase, const unsigned char seed[SEAL_SEED_BYTES],
                    const unsigned char salt[SEAL_SALT_BYTES],
                    const unsigned char nonce[SEAL_NONCE_BYTES], uint32_t ops, uint32_t mem_kib,
                    seal_public *pk, seal_keybox *kb, pm_msg *err);

/* The secret key from kb with passphrase (Argon2id at kb's cost: about a
 * second on the kiosk), checked against pk. PM_ERR_INVALID when the
 * passphrase is wrong (or kb was altered), PM_ERR_STATE when kb's key is
 * not pk's (the two lines are from different keys), PM_ERR_NOMEM. */
pm_status seal_unlock(const seal_keybox *kb, const seal_public *pk, const char *passphrase,
                      seal_secret **out, pm_msg *err);

/* The same secret key wrapped under another passphrase (a new salt, nonce
 * and cost). */
pm_status seal_rewrap(const seal_secret *sk, const char *passphrase,
                      const unsigned char salt[SEAL_SALT_BYTES],
                      const unsigned char nonce[SEAL_NONCE_BYTES], uint32_t ops,
                      uint32_t mem_kib, seal_keybox *out, pm_msg *err);

/* One Argon2id derivation at this cost, for the set-up to time the machine
 * it runs on. PM_ERR_INVALID for a cost outside the limits, PM_ERR_NOMEM. */
pm_status seal_kdf_once(uint32_t ops, uint32_t mem_kib);

/* The public half of an unlocked key. */
const seal_public *seal_secret_public(const seal_secret *sk);
/* Wipes and frees (NULL is fine). */
void seal_secret_free(seal_secret *sk);

/* Sealing and opening. seal_data writes seal_size(n) bytes to out. */
bool seal_is_sealed(const void *data, size_t n);
size_t seal_size(size_t plain_len);
pm_status seal_data(const seal_public *pk, const void *plain, size_t n, unsigned char *out);
/* Opens sealed (n bytes) into out (at least n - SEAL_OVERHEAD + 1 bytes:
 * a NUL is put after the plain text); *out_len gets its length.
 * PM_ERR_SEALED when it is sealed to another key (err names both ids),
 * PM_ERR_INVALID when it is damaged or was altered. */
pm_status seal_open(const seal_secret *sk, const void *sealed, size_t n, unsigned char *out,
                    size_t *out_len, pm_msg *err);
/* The id a sealed file names, as 16 hex digits; false when not sealed. */
bool seal_file_id(const void *sealed, size_t n, char hex[2 * SEAL_ID_BYTES + 1]);

/* ---- the passphrase ------------------------------------------------------ */

/* The letters of p, lower-cased; blanks, hyphens, dots and apostrophes
 * dropped. Returns how many; *foreign is set when p has any other
 * character (a digit, an accent). out must hold SEAL_PASS_MAX bytes. */
size_t seal_passphrase_letters(const char *p, char out[SEAL_PASS_MAX], bool *foreign);
/* PM_OK when p keeps the rule; else PM_ERR_INVALID and err says which part
 * of the rule it breaks (never the passphrase itself). */
pm_status seal_passphrase_check(const char *p, pm_msg *err);
/* SEAL_PASS_GEN_LETTERS random letters in groups of five ("kqvbz mxtra
 * ..."), uniform over a-z (rejection sampling). out must hold 32 bytes. */
void seal_passphrase_make(const unsigned char random[SEAL_PASS_RANDOM_BYTES], char out[32]);

#endif
