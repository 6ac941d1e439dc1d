/* test_pin.c — staff PIN hash and check, and the lock-out timing with an
 * injected clock (pin.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config.h"
#include "pin.h"

static const unsigned char rnd_a[PIN_RANDOM_BYTES] = { 1, 2, 3, 4, 5, 6, 7, 8,
                                                      9, 10, 11, 12, 13, 14, 15, 16 };
static const unsigned char rnd_b[PIN_RANDOM_BYTES] = { 16, 15, 14, 13, 12, 11, 10, 9,
                                                      8, 7, 6, 5, 4, 3, 2, 1 };

/* pin_hash()'s own hash of 2580, at the real cost (hashing is slow on
 * purpose): for the tests of hashing itself. */
static char hash_2580[PIN_HASH_MAX];
/* 2580 at yescrypt's lowest cost (libxcrypt's crypt_gensalt count 1), for
 * the lock-out tests, which try PINs by the dozen and test the counting,
 * not the hash: a tenth of the time. */
static const char cheap_2580[] =
    "$y$j75$k2XAnEHBqQ1Ct2aMXFKNa/$3lDShUbjohgzPqGEURC.0aYA73NYJUxvqLMI13HitZB";

static int setup(void **state)
{
    (void)state;
    pm_msg err;
    return pin_hash("2580", rnd_a, hash_2580, sizeof hash_2580, &err) == PM_OK ? 0 : -1;
}

static void test_pin_shape(void **state)
{
    (void)state;
    assert_true(pin_valid("1234"));
    assert_true(pin_valid("00000000"));
    assert_false(pin_valid("123"));
    assert_false(pin_valid("123456789"));
    assert_false(pin_valid("12a4"));
    assert_false(pin_valid("12 34"));
    assert_false(pin_valid(""));
    assert_false(pin_valid(NULL));
    assert_false(pin_valid("\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4")); /* Arabic-Indic digits */
}

static void test_hash_and_verify(void **state)
{
    (void)state;
    /* yescrypt at libxcrypt's default cost ("j9T"): what a kiosk's PIN gets */
    assert_int_equal(strncmp(hash_2580, "$y$j9T$", 7), 0);
    assert_true(pin_verify("2580", cheap_2580)); /* the lock-out tests' hash is right */
    assert_null(strstr(hash_2580, "2580"));
    assert_true(pin_verify("2580", hash_2580));
    assert_false(pin_verify("2581", hash_2580));
    assert_false(pin_verify("25800", hash_2580));
    assert_false(pin_verify("", hash_2580));
    assert_false(pin_verify(NULL, hash_2580));
    assert_false(pin_verify("2580", ""));
    assert_false(pin_verify("2580", NULL));
    /* a hash from another scheme never matches, even if crypt would accept it */
    assert_false(pin_verify("2580", "ab01FAX.bQRSU"));
    /* a damaged hash does not match */
    char bad[PIN_HASH_MAX];
    snprintf(bad, sizeof bad, "%s", hash_2580);
    bad[strlen(bad) - 1] = bad[strlen(bad) - 1] == 'A' ? 'B' : 'A';
    assert_false(pin_verify("2580", bad));
    bad[strlen(bad) - 5] = '\0';
    assert_false(pin_verify("2580", bad));
}

static void test_salt_comes_from_caller(void **state)
{
    (void)state;
    char again[PIN_HASH_MAX], other[PIN_HASH_MAX];
    pm_msg err;
    assert_int_equal(pin_hash("2580", rnd_a, again, sizeof again, &err), PM_OK);
    assert_string_equal(again, hash_2580); /* same randomness, same hash */
    assert_int_equal(pin_hash("2580", rnd_b, other, sizeof other, &err), PM_OK);
    assert_string_not_equal(other, hash_2580); /* new randomness, new salt */
    assert_true(pin_verify("2580", other));
}

static void test_hash_line_and_config(void **state)
{
    (void)state;
    char line[PIN_LINE_MAX];
    pm_msg err;
    assert_int_equal(pin_hash_line("87654321", rnd_b, line, sizeof line, &err), PM_OK);
    assert_int_equal(strncmp(line, "staff_pin_hash = $y$", 20), 0);
    /* the printed line is exactly what config accepts */
    char text[PIN_LINE_MAX + 2];
    snprintf(text, sizeof text, "%s\n", line);
    pm_config cfg;
    pm_msgs m;
    pm_msgs_init(&m);
    assert_int_equal(config_parse_string(text, "painmap.conf", &cfg, &m), PM_OK);
    assert_int_equal(m.count, 0);
    assert_true(config_staff_enabled(&cfg));
    assert_true(pin_verify("87654321", cfg.staff_pin_hash));
    pm_msgs_free(&m);

    /* bad PINs and small buffers */
    assert_int_equal(pin_hash_line("12", rnd_b, line, sizeof line, &err), PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "4 to 8 digits"));
    assert_string_equal(line, "");
    assert_int_equal(pin_hash_line("1234", rnd_b, line, 30, &err), PM_ERR_LIMIT);
    char h[10];
    assert_int_equal(pin_hash("1234", rnd_b, h, sizeof h, &err), PM_ERR_LIMIT);
}

/* A plain staff_pin line in painmap.conf becomes its hash: in place, the
 * line ending and every other byte kept, superseded PIN lines gone; the
 * parser then reads the hash, which verifies the PIN. */
static void test_seal_config(void **state)
{
    (void)state;
    const char *text = "# Painmap settings\r\n"
                       "clinic_name = Knots\r\n"
                       "staff_pin_hash = $y$old\r\n"
                       "staff_pin = 1111\r\n"
                       "; staff_pin = 9999\r\n"
                       "staff_pin = 4821 ; mine\r\n"
                       "rotation = 90\r\n";
    char *out = NULL;
    int line = 0;
    pm_msg err = {{0}};
    assert_int_equal(pin_seal_config(text, rnd_a, &out, &line, &err), PM_OK);
    assert_non_null(out);
    assert_int_equal(line, 6);
    assert_null(strstr(out, "4821"));
    assert_null(strstr(out, "1111"));
    assert_null(strstr(out, "$y$old"));
    assert_non_null(strstr(out, "; staff_pin = 9999\r\n")); /* a comment is not a setting */
    const char *h = strstr(out, "staff_pin_hash = $y$");
    assert_non_null(h);
    assert_true(strncmp(out, "# Painmap settings\r\nclinic_name = Knots\r\n; staff_pin", 51) == 0);
    assert_non_null(strstr(h, "\r\nrotation = 90\r\n"));
    pm_config cfg;
    pm_msgs m;
    pm_msgs_init(&m);
    assert_int_equal(config_parse_string(out, "painmap.conf", &cfg, &m), PM_OK);
    assert_int_equal(m.count, 0);
    assert_string_equal(cfg.staff_pin_plain, "");
    assert_true(pin_verify("4821", cfg.staff_pin_hash));
    assert_int_equal(cfg.rotation, 90);
    pm_msgs_free(&m);
    /* sealed text has nothing left to seal */
    char *again = NULL;
    assert_int_equal(pin_seal_config(out, rnd_b, &again, &line, &err), PM_OK);
    assert_null(again);
    free(out);

    /* nothing to do: no plain PIN, or the one the kiosk reads is not 4-8
     * digits (the kiosk reports that line; the file is left alone) */
    assert_int_equal(pin_seal_config("clinic_name = X\n", rnd_a, &out, &line, &err), PM_OK);
    assert_null(out);
    assert_int_equal(pin_seal_config("staff_pin = 4821\nstaff_pin = 12\n", rnd_a, &out, &line,
                                     &err), PM_OK);
    assert_null(out);
    /* the last line, no newline */
    assert_int_equal(pin_seal_config("staff_pin=2580", rnd_a, &out, &line, &err), PM_OK);
    assert_non_null(out);
    assert_int_equal(line, 1);
    assert_null(strchr(out, '\n'));
    assert_true(strncmp(out, "staff_pin_hash = $y$", 20) == 0);
    free(out);
}

static void test_lockout_timing(void **state)
{
    (void)state;
    pin_guard g;
    pin_guard_init(&g);
    uint64_t t = 1000000;
    assert_int_equal(pin_guard_tries_left(&g), 5);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(pin_guard_try(&g, "1111", cheap_2580, t), PIN_RESULT_WRONG);
        assert_false(pin_guard_locked(&g, t));
        t += 2000;
    }
    assert_int_equal(pin_guard_tries_left(&g), 1);
    /* the 5th wrong PIN locks for 30 s */
    assert_int_equal(pin_guard_try(&g, "1111", cheap_2580, t), PIN_RESULT_WRONG);
    assert_true(pin_guard_locked(&g, t));
    assert_int_equal(pin_guard_seconds_left(&g, t), 30);
    assert_int_equal(pin_guard_seconds_left(&g, t + 1), 30); /* rounded up */
    assert_int_equal(pin_guard_seconds_left(&g, t + 29001), 1);
    /* while locked even the right PIN is not checked */
    assert_int_equal(pin_guard_try(&g, "2580", cheap_2580, t + 10000), PIN_RESULT_LOCKED);
    assert_int_equal(pin_guard_seconds_left(&g, t + 29999), 1);
    assert_false(pin_guard_locked(&g, t + 30000));
    assert_int_equal(pin_guard_seconds_left(&g, t + 30000), 0);
    /* after a lock-out one wrong PIN locks again, twice as long */
    t += 30000;
    uint32_t expect = 60;
    for (int i = 0; i < 8; i++) {
        assert_int_equal(pin_guard_tries_left(&g), 1);
        assert_int_equal(pin_guard_try(&g, "0000", cheap_2580, t), PIN_RESULT_WRONG);
        assert_int_equal(pin_guard_seconds_left(&g, t), expect);
        t += (uint64_t)expect * 1000;
        expect = expect * 2 > 900 ? 900 : expect * 2; /* capped at 15 minutes */
    }
    assert_int_equal(g.lock_ms, PIN_LOCK_MAX_MS);
    /* the right PIN after the lock-out resets everything */
    assert_int_equal(pin_guard_try(&g, "2580", cheap_2580, t), PIN_RESULT_OK);
    assert_int_equal(pin_guard_tries_left(&g), 5);
    assert_false(pin_guard_locked(&g, t));
    assert_int_equal(pin_guard_try(&g, "1111", cheap_2580, t), PIN_RESULT_WRONG);
    assert_false(pin_guard_locked(&g, t));
}

static void test_malformed_pins_count(void **state)
{
    (void)state;
    pin_guard g;
    pin_guard_init(&g);
    const char *const junk[] = { "", "1", "abcd", "123456789", "12 34" };
    for (int i = 0; i < 5; i++)
        assert_int_equal(pin_guard_try(&g, junk[i], cheap_2580, 0), PIN_RESULT_WRONG);
    assert_true(pin_guard_locked(&g, 0));
}

static void test_no_pin_configured(void **state)
{
    (void)state;
    pin_guard g;
    pin_guard_init(&g);
    for (int i = 0; i < 10; i++) {
        assert_int_equal(pin_guard_try(&g, "1234", "", 0), PIN_RESULT_NO_PIN);
        assert_int_equal(pin_guard_try(&g, "1234", NULL, 0), PIN_RESULT_NO_PIN);
    }
    assert_false(pin_guard_locked(&g, 0));
}

static void test_guard_survives_restart(void **state)
{
    (void)state;
    pin_guard g;
    pin_guard_init(&g);
    for (int i = 0; i < 5; i++)
        pin_guard_try(&g, "1111", cheap_2580, 5000);
    char buf[64];
    pin_guard_encode(&g, 15000, buf, sizeof buf); /* 20 s left */
    /* after a restart the monotonic clock starts near 0 */
    pin_guard back;
    assert_int_equal(pin_guard_decode(buf, 100, &back), PM_OK);
    assert_int_equal(pin_guard_seconds_left(&back, 100), 20);
    assert_int_equal(pin_guard_tries_left(&back), 1);
    assert_int_equal(pin_guard_try(&back, "1111", cheap_2580, 20100), PIN_RESULT_WRONG);
    assert_int_equal(pin_guard_seconds_left(&back, 20100), 60); /* the doubling goes on */

    /* a fresh guard encodes to a free one */
    pin_guard_init(&g);
    pin_guard_encode(&g, 0, buf, sizeof buf);
    assert_int_equal(pin_guard_decode(buf, 0, &back), PM_OK);
    assert_int_equal(pin_guard_tries_left(&back), 5);

    /* tampering or damage locks rather than unlocks */
    const char *const bad[] = { "", "pin-guard 2 0 0 0", "pin-guard 1 0 0 99999999", "junk",
                                NULL };
    for (int i = 0; i < 5; i++) {
        assert_int_equal(pin_guard_decode(bad[i], 50, &back), PM_ERR_INVALID);
        assert_true(pin_guard_locked(&back, 50));
        assert_int_equal(pin_guard_tries_left(&back), 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pin_shape),
        cmocka_unit_test(test_hash_and_verify),
        cmocka_unit_test(test_salt_comes_from_caller),
        cmocka_unit_test(test_hash_line_and_config),
        cmocka_unit_test(test_seal_config),
        cmocka_unit_test(test_lockout_timing),
        cmocka_unit_test(test_malformed_pins_count),
        cmocka_unit_test(test_no_pin_configured),
        cmocka_unit_test(test_guard_survives_restart),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
