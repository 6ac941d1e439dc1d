/* seal_setup.h — the clinic's key made from a staff passphrase written in
 * painmap.conf: the line a clinic writes from any computer
 * (staff_passphrase = ...) becomes, at the next boot, the two lines the
 * kiosk seals with (intake_public_key, intake_secret_key), and the plain
 * passphrase leaves the card. The image runs `painmap --seal-passphrase
 * FILE` from its boot-time config service, as it does `--seal-pin` for
 * the PIN; on any Linux computer the same command works on a copy.
 *
 * What happens to painmap.conf's text (every other byte is kept):
 * - no staff_passphrase line: nothing (out NULL);
 * - a passphrase that breaks the rule (seal.h): its line becomes a comment
 *   saying which part of the rule it broke (never the passphrase);
 * - no key yet: a new key pair; the passphrase line becomes the two key
 *   lines;
 * - a key already, and the passphrase opens it: the line just goes;
 * - a key already, and old_staff_passphrase opens it: the same key,
 *   wrapped under the new passphrase (intakes saved before stay readable);
 * - a key already that neither opens: a new key pair, and the old key's
 *   two lines stay as comments (put them back, with the old passphrase, to
 *   read intakes sealed before). Intakes sealed to the old key stay on the
 *   kiosk, listed as sealed with another key; nothing deletes them early.
 * Every staff_passphrase and old_staff_passphrase line is removed. */
#ifndef PM_SEAL_SETUP_H
#define PM_SEAL_SETUP_H

#include <stdint.h>

#include "seal.h"
#include "status.h"

typedef enum {
    SEAL_SETUP_NOTHING,  /* no staff_passphrase line */
    SEAL_SETUP_REFUSED,  /* the passphrase broke the rule: a comment says why */
    SEAL_SETUP_MADE,     /* a new key (there was none) */
    SEAL_SETUP_SAME,     /* the key was already this passphrase's */
    SEAL_SETUP_CHANGED,  /* the same key, under the new passphrase */
    SEAL_SETUP_REPLACED, /* a new key; the old one kept as comments */
} seal_setup_result;

typedef struct {
    unsigned char seed[SEAL_SEED_BYTES];
    unsigned char salt[SEAL_SALT_BYTES];
    unsigned char nonce[SEAL_NONCE_BYTES];
} seal_setup_random;

/* text: painmap.conf as it is. *out: the new text (caller frees; wipe it
 * too: it held nothing secret, but the old text did), or NULL when nothing
 * changes. ops and mem_kib: the Argon2id cost for a new wrapping. msg says
 * in a sentence what was done (never the passphrase). PM_ERR_NOMEM, or
 * PM_ERR_INVALID for a cost libsodium does not allow. */
pm_status seal_setup_config(const char *text, const seal_setup_random *rnd, uint32_t ops,
                            uint32_t mem_kib, char **out, seal_setup_result *result,
                            pm_msg *msg);

#endif
