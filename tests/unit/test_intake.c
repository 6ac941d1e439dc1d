/* test_intake.c — the intake record: marks, names in UTF-8, signature, wipe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "intake.h"

static void test_marks_toggle_and_keep_tap_order(void **state)
{
    (void)state;
    intake in;
    intake_init(&in, "en");
    assert_int_equal(intake_toggle_region(&in, 5), 0);
    assert_int_equal(intake_toggle_region(&in, 9), 1);
    assert_int_equal(intake_toggle_region(&in, 2), 2);
    assert_int_equal(intake_set_intensity(&in, 2, 7), PM_OK);
    assert_int_equal(intake_toggle_region(&in, 9), -1); /* unmark the middle one */
    assert_int_equal(in.nmarks, 2);
    assert_int_equal(in.marks[0].region, 5);
    assert_int_equal(in.marks[1].region, 2);
    assert_int_equal(in.marks[1].intensity, 7); /* its answers moved with it */
    assert_int_equal(intake_find_mark(&in, 9), -1);
    assert_int_equal(intake_set_intensity(&in, 5, 3), PM_ERR_INVALID);
    assert_int_equal(intake_set_intensity(&in, 0, -1), PM_ERR_INVALID);
    assert_int_equal(intake_toggle_quality(&in, 0, 3), PM_OK);
    assert_int_equal(intake_toggle_quality(&in, 0, 4), PM_OK);
    assert_int_equal(intake_toggle_quality(&in, 0, 3), PM_OK);
    assert_int_equal(in.marks[0].qualities, 1u << 4);
    for (int r = 100; r < 100 + INTAKE_MAX_MARKS - 2; r++)
        assert_true(intake_toggle_region(&in, r) >= 0);
    assert_int_equal(intake_toggle_region(&in, 200), PM_ERR_LIMIT);
}

static void test_name_utf8(void **state)
{
    (void)state;
    intake in;
    intake_init(&in, "es");
    assert_int_equal(intake_name_append(&in, "Ñ"), PM_OK);
    assert_int_equal(intake_name_append(&in, "úñez"), PM_OK);
    assert_string_equal(in.name, "Ñúñez");
    assert_int_equal(intake_name_chars(&in), 5);
    intake_name_backspace(&in); /* removes "z" */
    intake_name_backspace(&in); /* removes "e" */
    intake_name_backspace(&in); /* removes the two-byte "ñ" whole */
    assert_string_equal(in.name, "Ñú");
    /* invalid UTF-8, overlong forms, surrogates and control characters are refused */
    assert_int_equal(intake_name_append(&in, "\xC3"), PM_ERR_INVALID);
    assert_int_equal(intake_name_append(&in, "\xC0\xAF"), PM_ERR_INVALID);
    assert_int_equal(intake_name_append(&in, "\xED\xA0\x80"), PM_ERR_INVALID);
    assert_int_equal(intake_name_append(&in, "a\nb"), PM_ERR_INVALID);
    assert_string_equal(in.name, "Ñú");
    /* a length limit in characters, not bytes */
    intake_init(&in, "en");
    for (int i = 0; i < INTAKE_NAME_CHARS; i++)
        assert_int_equal(intake_name_append(&in, "é"), PM_OK);
    assert_int_equal(intake_name_append(&in, "a"), PM_ERR_LIMIT);
    assert_int_equal(intake_name_chars(&in), INTAKE_NAME_CHARS);
    intake_init(&in, "en");
    assert_false(intake_name_given(&in));
    intake_name_append(&in, "   ");
    assert_false(intake_name_given(&in));
    intake_name_backspace(&in);
    intake_name_backspace(&in);
    intake_name_backspace(&in);
    intake_name_backspace(&in); /* on empty: harmless */
    assert_string_equal(in.name, "");
}

static void test_signature_strokes(void **state)
{
    (void)state;
    intake in;
    intake_init(&in, "en");
    assert_int_equal(intake_sig_add(&in, 10, 10, false), PM_OK); /* first point starts a stroke */
    intake_sig_add(&in, 20, 30, false);
    intake_sig_add(&in, 5000, -4, true); /* clamped into the pad */
    assert_int_equal(intake_sig_strokes(&in), 2);
    assert_int_equal(in.sig[2].x, INTAKE_SIG_W);
    assert_int_equal(in.sig[2].y, 0);
    for (int i = 3; i < INTAKE_SIG_MAX_POINTS; i++)
        assert_int_equal(intake_sig_add(&in, i % 100, 5, false), PM_OK);
    assert_int_equal(intake_sig_add(&in, 1, 1, false), PM_ERR_LIMIT);
    intake_sig_clear(&in);
    assert_int_equal(in.nsig, 0);
    assert_int_equal(intake_sig_strokes(&in), 0);
}

static void test_patterns_and_none(void **state)
{
    (void)state;
    intake in;
    intake_init(&in, "en");
    intake_choose_none(&in);
    assert_true(in.none_of_these);
    assert_int_equal(intake_toggle_pattern(&in, 3), PM_OK);
    assert_false(in.none_of_these);
    assert_true(intake_has_pattern(&in, 3));
    intake_toggle_pattern(&in, 4);
    intake_choose_none(&in);
    assert_int_equal(in.npatterns, 0);
    assert_false(intake_has_pattern(&in, 3));
}

static void test_wipe_leaves_nothing(void **state)
{
    (void)state;
    intake in;
    intake_init(&in, "en");
    intake_name_append(&in, "Secret Person");
    intake_toggle_region(&in, 3);
    intake_sig_add(&in, 1, 2, true);
    intake_wipe(&in);
    const unsigned char *bytes = (const unsigned char *)&in;
    for (size_t i = 0; i < sizeof in; i++)
        assert_int_equal(bytes[i], 0);
    intake_init(&in, "es");
    assert_string_equal(in.lang, "es");
    assert_int_equal(in.answers[0], INTAKE_UNSET);
    assert_int_equal(in.pressure, INTAKE_UNSET);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks_toggle_and_keep_tap_order),
        cmocka_unit_test(test_name_utf8),
        cmocka_unit_test(test_signature_strokes),
        cmocka_unit_test(test_patterns_and_none),
        cmocka_unit_test(test_wipe_leaves_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
