/* test_seal.c — intakes sealed at rest (seal.h): key texts, the passphrase
 * rule and generator, wrapping and unlocking, sealing and opening, another
 * key and a damaged file told apart. Argon2id runs at its lowest cost here
 * (the cost is not what is tested); tests/unit/test_store.c seals through
 * the store. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config.h"
#include "seal.h"
#include "seal_setup.h"

#define PASS "kqvbz mxtra plhsw ednuc"
#define CHEAP_OPS 1u
#define CHEAP_KIB 8u

static void make(const char *pass, unsigned char fill, seal_public *pk, seal_keybox *kb)
{
    unsigned char seed[SEAL_SEED_BYTES], salt[SEAL_SALT_BYTES], nonce[SEAL_NONCE_BYTES];
    memset(seed, fill, sizeof seed);
    memset(salt, fill + 1, sizeof salt);
    memset(nonce, fill + 2, sizeof nonce);
    pm_msg err;
    assert_int_equal(seal_make(pass, seed, salt, nonce, CHEAP_OPS, CHEAP_KIB, pk, kb, &err), PM_OK);
}

static void test_texts_round_trip(void **state)
{
    (void)state;
    assert_int_equal(seal_ready(NULL), PM_OK);
    seal_public pk, pk2;
    seal_keybox kb, kb2;
    make(PASS, 1, &pk, &kb);
    char t[SEAL_PUBLIC_TEXT_MAX], b[SEAL_KEYBOX_TEXT_MAX];
    seal_public_text(&pk, t);
    assert_int_equal(strncmp(t, "pmpk1.", 6), 0);
    assert_int_equal(strlen(t), 6 + 43);
    pm_msg err;
    assert_int_equal(seal_public_parse(t, &pk2, &err), PM_OK);
    assert_memory_equal(&pk, &pk2, sizeof pk);
    seal_keybox_text(&kb, b);
    assert_int_equal(strncmp(b, "pmsk1.1.8.", 10), 0);
    assert_null(strpbrk(b, "=;#: \t"));
    assert_int_equal(seal_keybox_parse(b, &kb2, &err), PM_OK);
    assert_memory_equal(&kb, &kb2, sizeof kb);
    /* cut short, changed, wrong cost */
    t[strlen(t) - 1] = '\0';
    assert_int_equal(seal_public_parse(t, &pk2, &err), PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "cut short"));
    b[strlen(b) - 3] = '\0';
    assert_int_equal(seal_keybox_parse(b, &kb2, &err), PM_ERR_INVALID);
    assert_int_equal(seal_keybox_parse("pmsk1.999.8.a.b.c", &kb2, &err), PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "cost"));
    assert_int_equal(seal_keybox_parse("pmsk1.3.99999999.a.b.c", &kb2, &err), PM_ERR_INVALID);
    assert_int_equal(seal_public_parse(NULL, &pk2, &err), PM_ERR_INVALID);
}

static void test_unlock(void **state)
{
    (void)state;
    seal_public pk, other_pk;
    seal_keybox kb, other_kb;
    make(PASS, 1, &pk, &kb);
    make(PASS, 9, &other_pk, &other_kb);
    seal_secret *sk = NULL;
    pm_msg err;
    /* case, blanks and hyphens do not matter */
    assert_int_equal(seal_unlock(&kb, &pk, "KQVBZ-MXTRA-PLHSW-EDNUC", &sk, &err), PM_OK);
    assert_memory_equal(seal_secret_public(sk), &pk, sizeof pk);
    seal_secret_free(sk);
    assert_int_equal(seal_unlock(&kb, &pk, "kqvbz mxtra plhsw ednuk", &sk, &err), PM_ERR_INVALID);
    assert_null(sk);
    assert_non_null(strstr(err.text, "wrong passphrase"));
    /* lines of two different keys */
    assert_int_equal(seal_unlock(&kb, &other_pk, PASS, &sk, &err), PM_ERR_STATE);
    assert_null(sk);
    /* a new passphrase for the same key */
    assert_int_equal(seal_unlock(&kb, &pk, PASS, &sk, &err), PM_OK);
    unsigned char salt[SEAL_SALT_BYTES] = {7}, nonce[SEAL_NONCE_BYTES] = {8};
    seal_keybox again;
    assert_int_equal(seal_rewrap(sk, "zzyqx wvuts rqpon mlkji", salt, nonce, CHEAP_OPS, CHEAP_KIB,
                                 &again, &err),
                     PM_OK);
    seal_secret_free(sk);
    assert_int_equal(seal_unlock(&again, &pk, PASS, &sk, &err), PM_ERR_INVALID);
    assert_int_equal(seal_unlock(&again, &pk, "zzyqx wvuts rqpon mlkji", &sk, &err), PM_OK);
    seal_secret_free(sk);
    seal_secret_free(NULL);
}

static void test_seal_and_open(void **state)
{
    (void)state;
    seal_public pk, other_pk;
    seal_keybox kb, other_kb;
    make(PASS, 1, &pk, &kb);
    make(PASS, 9, &other_pk, &other_kb);
    const char plain[] = "{\"name\": \"Zebulon Quixote\", \"marks\": [\"calf_l\"]}";
    size_t n = strlen(plain);
    unsigned char *box = malloc(seal_size(n)), *again = malloc(seal_size(n));
    char *out = malloc(seal_size(n));
    assert_int_equal(seal_data(&pk, plain, n, box), PM_OK);
    assert_true(seal_is_sealed(box, seal_size(n)));
    assert_false(seal_is_sealed(plain, n));
    assert_null(memmem(box, seal_size(n), "Zebulon", 7));
    assert_null(memmem(box, seal_size(n), "calf_l", 6));
    /* a fresh key per file: the same text never seals the same way */
    assert_int_equal(seal_data(&pk, plain, n, again), PM_OK);
    assert_memory_not_equal(box, again, seal_size(n));
    seal_secret *sk = NULL, *other = NULL;
    pm_msg err;
    assert_int_equal(seal_unlock(&kb, &pk, PASS, &sk, &err), PM_OK);
    assert_int_equal(seal_unlock(&other_kb, &other_pk, PASS, &other, &err), PM_OK);
    size_t got = 0;
    assert_int_equal(seal_open(sk, box, seal_size(n), (unsigned char *)out, &got, &err), PM_OK);
    assert_int_equal(got, n);
    assert_string_equal(out, plain);
    /* another key says so, naming both ids */
    assert_int_equal(seal_open(other, box, seal_size(n), (unsigned char *)out, &got, &err),
                     PM_ERR_SEALED);
    assert_non_null(strstr(err.text, "another key"));
    char id[2 * SEAL_ID_BYTES + 1];
    assert_true(seal_file_id(box, seal_size(n), id));
    assert_non_null(strstr(err.text, id));
    /* one bit changed anywhere in the box: damaged, never half opened */
    box[SEAL_OVERHEAD + 3] ^= 1;
    assert_int_equal(seal_open(sk, box, seal_size(n), (unsigned char *)out, &got, &err),
                     PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "damaged"));
    assert_int_equal(seal_open(sk, plain, n, (unsigned char *)out, &got, &err), PM_ERR_INVALID);
    seal_secret_free(sk);
    seal_secret_free(other);
    free(box);
    free(again);
    free(out);
}

static void test_passphrase_rule(void **state)
{
    (void)state;
    pm_msg err;
    assert_int_equal(seal_passphrase_check(PASS, &err), PM_OK);
    assert_int_equal(seal_passphrase_check("kqvbz mxtra plhsw", &err), PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "15 letters"));
    assert_null(strstr(err.text, "kqvbz")); /* never repeated */
    assert_int_equal(seal_passphrase_check("abababababababababab", &err), PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "different letters"));
    assert_int_equal(seal_passphrase_check("kqvbzzzzmxtraplhswednuc", &err), PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "in a row"));
    assert_int_equal(seal_passphrase_check("kqvbz mxtra plhsw ednu1", &err), PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "only the letters"));
    assert_int_equal(seal_passphrase_check("kqvbz mxtra plhsw ednuñ", &err), PM_ERR_INVALID);
    char letters[SEAL_PASS_MAX];
    bool foreign = true;
    assert_int_equal(seal_passphrase_letters("Kq-Vb z.'M", letters, &foreign), 6);
    assert_string_equal(letters, "kqvbzm");
    assert_false(foreign);
    /* the generator: 20 letters in groups of five, uniform over a-z */
    unsigned char rnd[SEAL_PASS_RANDOM_BYTES];
    int counts[26] = {0};
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof rnd; i++)
            rnd[i] = (unsigned char)((round * 131 + i * 197 + (i * i) * 7) & 0xff);
        char p[32];
        seal_passphrase_make(rnd, p);
        assert_int_equal(strlen(p), 23);
        assert_int_equal(seal_passphrase_letters(p, letters, &foreign), 20);
        assert_true(p[5] == ' ' && p[11] == ' ' && p[17] == ' ');
        for (int i = 0; letters[i]; i++)
            counts[letters[i] - 'a']++;
    }
    for (int i = 0; i < 26; i++)
        assert_true(counts[i] > 0);
}

/* ---- the set-up: staff_passphrase in painmap.conf becomes the key -------- */

static seal_setup_random fixed_random(unsigned char fill)
{
    seal_setup_random r;
    memset(&r, fill, sizeof r);
    return r;
}

/* Runs the set-up on text; returns the new text (or NULL) and the result. */
static char *setup(const char *text, unsigned char fill, seal_setup_result *res)
{
    seal_setup_random r = fixed_random(fill);
    char *out = NULL;
    pm_msg msg;
    assert_int_equal(seal_setup_config(text, &r, CHEAP_OPS, CHEAP_KIB, &out, res, &msg), PM_OK);
    assert_null(strstr(msg.text, "kqvbz")); /* the passphrase is never repeated */
    return out;
}

/* The key lines of a config text, parsed. */
static void key_of(const char *text, seal_public *pk, seal_keybox *kb)
{
    pm_config cfg;
    pm_msgs m;
    pm_msgs_init(&m);
    assert_int_equal(config_parse_string(text, "painmap.conf", &cfg, &m), PM_OK);
    pm_msgs_free(&m);
    assert_true(config_seals(&cfg));
    assert_int_equal(seal_public_parse(cfg.intake_public_key, pk, NULL), PM_OK);
    assert_int_equal(seal_keybox_parse(cfg.intake_secret_key, kb, NULL), PM_OK);
}

static bool opens_with(const char *text, const char *pass)
{
    seal_public pk;
    seal_keybox kb;
    key_of(text, &pk, &kb);
    seal_secret *sk = NULL;
    bool ok = seal_unlock(&kb, &pk, pass, &sk, NULL) == PM_OK;
    seal_secret_free(sk);
    return ok;
}

static void test_setup_from_a_passphrase_line(void **state)
{
    (void)state;
    seal_setup_result res;
    /* nothing to do */
    assert_null(setup("clinic_name = X\nstaff_passphrase =\n", 1, &res));
    assert_int_equal(res, SEAL_SETUP_NOTHING);
    /* a new key, in the passphrase's place; every other byte kept (CRLF) */
    const char *conf = "\xEF\xBB\xBF" "clinic_name = Smith ; Jones\r\n# a note\r\n"
                       "staff_passphrase = \"" PASS "\"\r\nrotation = 90\r\n";
    char *made = setup(conf, 1, &res);
    assert_int_equal(res, SEAL_SETUP_MADE);
    assert_non_null(made);
    assert_null(strstr(made, "kqvbz"));
    assert_null(strstr(made, "staff_passphrase"));
    assert_int_equal(strncmp(made, "\xEF\xBB\xBF" "clinic_name = Smith ; Jones\r\n# a note\r\n"
                                   "intake_public_key = pmpk1.",
                             60),
                     0);
    assert_non_null(strstr(made, "\r\nintake_secret_key = pmsk1.1.8."));
    assert_non_null(strstr(made, "\r\nrotation = 90\r\n"));
    assert_true(opens_with(made, PASS));

    /* the same passphrase again: only the line goes */
    char *again_text = malloc(strlen(made) + 256); /* the longest text below and its NUL */
    sprintf(again_text, "%sstaff_passphrase = %s\n", made, PASS);
    char *same = setup(again_text, 2, &res);
    assert_int_equal(res, SEAL_SETUP_SAME);
    assert_string_equal(same, made);
    free(same);

    /* a new passphrase with the old one: the same key, re-wrapped */
    sprintf(again_text, "%sstaff_passphrase = zzyqx wvuts rqpon mlkji\nold_staff_passphrase = %s\n",
            made, PASS);
    char *changed = setup(again_text, 3, &res);
    assert_int_equal(res, SEAL_SETUP_CHANGED);
    assert_null(strstr(changed, "staff_passphrase"));
    assert_true(opens_with(changed, "zzyqx wvuts rqpon mlkji"));
    assert_false(opens_with(changed, PASS));
    seal_public before, after;
    seal_keybox kb;
    key_of(made, &before, &kb);
    key_of(changed, &after, &kb);
    assert_memory_equal(&before, &after, sizeof before); /* intakes sealed before still open */
    free(changed);

    /* a new passphrase without the old one: a new key, the old one kept as comments */
    sprintf(again_text, "%sstaff_passphrase = zzyqx wvuts rqpon mlkji\n", made);
    char *replaced = setup(again_text, 4, &res);
    assert_int_equal(res, SEAL_SETUP_REPLACED);
    key_of(replaced, &after, &kb);
    assert_memory_not_equal(&before, &after, sizeof before);
    assert_non_null(strstr(replaced, "# intake_public_key = pmpk1."));
    assert_non_null(strstr(replaced, "# intake_secret_key = pmsk1."));
    free(replaced);

    /* a passphrase that breaks the rule: a comment says why, nothing else */
    char *refused = setup("clinic_name = X\nstaff_passphrase = letmein\n", 5, &res);
    assert_int_equal(res, SEAL_SETUP_REFUSED);
    assert_string_equal(refused, "clinic_name = X\n# staff_passphrase was refused and removed: "
                                 "the staff passphrase has 7 letters; it needs at least 16, "
                                 "chosen at random (painmap --new-passphrase makes one). "
                                 "Nothing else changed.\n");
    free(refused);
    free(again_text);
    free(made);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_texts_round_trip),
        cmocka_unit_test(test_unlock),
        cmocka_unit_test(test_seal_and_open),
        cmocka_unit_test(test_passphrase_rule),
        cmocka_unit_test(test_setup_from_a_passphrase_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
