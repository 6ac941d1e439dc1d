/* fuzz_seal.c — what a card's attacker controls of sealing (seal.h): the
 * key lines of painmap.conf (seal_public_parse, seal_keybox_parse) and the
 * sealed files in the intakes folder (seal_open). Nothing may crash, and a
 * file that opens must be one a seal made (never half a record). */
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "seal.h"

static seal_secret *key;
static seal_public pk;

static void setup(void)
{
    if (key)
        return;
    seal_keybox kb;
    unsigned char seed[SEAL_SEED_BYTES] = {1}, salt[SEAL_SALT_BYTES] = {2},
                  nonce[SEAL_NONCE_BYTES] = {3};
    if (seal_ready(NULL) != PM_OK ||
        seal_make("kqvbz mxtra plhsw ednuc", seed, salt, nonce, 1, 8, &pk, &kb, NULL) != PM_OK ||
        seal_unlock(&kb, &pk, "kqvbz mxtra plhsw ednuc", &key, NULL) != PM_OK)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    if (size == 0)
        return 0;
    char *text = fz_cstr(data + 1, size - 1);
    seal_public p;
    seal_keybox kb;
    switch (data[0] % 3) {
    case 0:
        if (seal_public_parse(text, &p, NULL) == PM_OK) {
            char again[SEAL_PUBLIC_TEXT_MAX];
            seal_public_text(&p, again);
            if (strcmp(again, text) != 0)
                abort(); /* one key, one text */
        }
        break;
    case 1:
        if (seal_keybox_parse(text, &kb, NULL) == PM_OK) {
            char again[SEAL_KEYBOX_TEXT_MAX];
            seal_keybox_text(&kb, again);
            seal_keybox back;
            if (seal_keybox_parse(again, &back, NULL) != PM_OK || memcmp(&back, &kb, sizeof kb))
                abort();
        }
        break;
    default: {
        /* a file as the store would read it: opened, refused, or damaged */
        size_t n = size - 1;
        unsigned char *buf = malloc(n + 1), *out = malloc(n + 1);
        memcpy(buf, data + 1, n);
        if (n >= SEAL_MAGIC_LEN + SEAL_ID_BYTES && data[0] % 2) { /* aimed at this key */
            memcpy(buf, SEAL_MAGIC, SEAL_MAGIC_LEN);
            memcpy(buf + SEAL_MAGIC_LEN, pk.id, SEAL_ID_BYTES);
        }
        size_t got = 0;
        if (seal_open(key, buf, n, out, &got, NULL) == PM_OK && got + SEAL_OVERHEAD != n)
            abort();
        free(buf);
        free(out);
        break;
    }
    }
    free(text);
    return 0;
}
