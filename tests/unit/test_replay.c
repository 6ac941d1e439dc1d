/* test_replay.c — the replay script parser: every command, comments, and
 * that every mistake names its line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "replay.h"

static void parses_every_command(void **state)
{
    (void)state;
    const char *text =
        "# a comment\n"
        "\n"
        "  tap 10 20\n"
        "press start   # trailing comment\n"
        "type José María #1\n"
        "wait 90000\n"
        "shot out/welcome.png\n"
        "expect still_there\n"
        "drag 1 2 3 4 5 6\r\n"
        "hold clinic_name 3000  # the staff gesture\n"
        "quit\n";
    replay_script s;
    int line = 0;
    pm_msg err = {{0}};
    assert_int_equal(replay_parse(text, &s, &line, &err), PM_OK);
    assert_int_equal(s.count, 9);
    assert_int_equal(s.cmds[0].op, RP_TAP);
    assert_int_equal(s.cmds[0].line, 3);
    assert_int_equal(s.cmds[0].x, 10);
    assert_int_equal(s.cmds[0].y, 20);
    assert_int_equal(s.cmds[1].op, RP_PRESS);
    assert_string_equal(s.cmds[1].arg, "start");
    assert_int_equal(s.cmds[2].op, RP_TYPE);
    assert_string_equal(s.cmds[2].arg, "José María #1");
    assert_int_equal(s.cmds[3].op, RP_WAIT);
    assert_int_equal(s.cmds[3].ms, 90000);
    assert_int_equal(s.cmds[4].op, RP_SHOT);
    assert_string_equal(s.cmds[4].arg, "out/welcome.png");
    assert_int_equal(s.cmds[5].op, RP_EXPECT);
    assert_string_equal(s.cmds[5].arg, "still_there");
    assert_int_equal(s.cmds[6].op, RP_DRAG);
    assert_int_equal(s.cmds[6].npoints, 3);
    assert_int_equal(s.cmds[6].px[2], 5);
    assert_int_equal(s.cmds[6].py[2], 6);
    assert_int_equal(s.cmds[7].op, RP_HOLD);
    assert_string_equal(s.cmds[7].arg, "clinic_name");
    assert_int_equal(s.cmds[7].ms, 3000);
    assert_int_equal(s.cmds[8].op, RP_QUIT);
    assert_int_equal(s.cmds[8].line, 11);
    replay_free(&s);
}

static void expect_error(const char *text, int want_line, const char *want_words)
{
    replay_script s;
    int line = 0;
    pm_msg err = {{0}};
    assert_int_equal(replay_parse(text, &s, &line, &err), PM_ERR_INVALID);
    assert_int_equal(line, want_line);
    if (!strstr(err.text, want_words))
        fail_msg("error '%s' does not mention '%s'", err.text, want_words);
    assert_null(s.cmds);
    assert_int_equal(s.count, 0);
}

static void mistakes_name_their_line(void **state)
{
    (void)state;
    expect_error("tap 1 2\nfrobnicate\n", 2, "unknown command 'frobnicate'");
    expect_error("tap 1\n", 1, "tap X Y");
    expect_error("tap 1 2 3\n", 1, "tap X Y");
    expect_error("tap -1 2\n", 1, "tap X Y");
    expect_error("tap 1x 2\n", 1, "tap X Y");
    expect_error("wait\n", 1, "wait MS");
    expect_error("wait 99999999999\n", 1, "wait MS");
    expect_error("press\n", 1, "press ID");
    expect_error("press a b\n", 1, "press ID");
    expect_error("shot x.jpg\n", 1, ".png");
    expect_error("# ok\n\nexpect\n", 3, "expect SCREEN");
    expect_error("type\n", 1, "text to type");
    expect_error("type \n", 1, "text to type");
    expect_error("drag 1 2\n", 1, "at least two points");
    expect_error("drag 1 2 3\n", 1, "pairs");
    expect_error("quit now\n", 1, "quit");
    expect_error("tapx 1 2\n", 1, "unknown command");
    expect_error("hold clinic_name\n", 1, "hold ID MS");
    expect_error("hold 3000\n", 1, "hold ID MS");
    expect_error("hold a 10 20\n", 1, "hold ID MS");
}

/* dtap: two taps 90 ms apart by default; a time and a count; an id in
 * place of the point; mistakes named. */
static void dtap_forms(void **state)
{
    (void)state;
    replay_cmd c;
    int empty = 0;
    pm_msg err = {{0}};
    assert_int_equal(replay_parse_line("dtap 700 440", 1, &c, &empty, &err), PM_OK);
    assert_int_equal(c.op, RP_DTAP);
    assert_int_equal(c.x, 700);
    assert_int_equal(c.y, 440);
    assert_int_equal(c.ms, 90);
    assert_int_equal(c.count, 2);
    assert_string_equal(c.arg, "");
    assert_int_equal(replay_parse_line("dtap next 60 3 # a triple tap", 2, &c, &empty, &err), PM_OK);
    assert_string_equal(c.arg, "next");
    assert_int_equal(c.ms, 60);
    assert_int_equal(c.count, 3);
    assert_int_equal(replay_parse_line("dtap 1 2 90 3", 3, &c, &empty, &err), PM_OK);
    assert_int_equal(c.count, 3);
    assert_int_equal(replay_parse_line("dtap", 4, &c, &empty, &err), PM_ERR_INVALID);
    assert_int_equal(replay_parse_line("dtap 10", 5, &c, &empty, &err), PM_ERR_INVALID);
    assert_int_equal(replay_parse_line("dtap next 0", 6, &c, &empty, &err), PM_ERR_INVALID);
    assert_int_equal(replay_parse_line("dtap next 90 3 4", 7, &c, &empty, &err), PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "dtap"));
}

static void empty_script_is_fine(void **state)
{
    (void)state;
    replay_script s;
    int line = 0;
    pm_msg err = {{0}};
    assert_int_equal(replay_parse("", &s, &line, &err), PM_OK);
    assert_int_equal(s.count, 0);
    assert_int_equal(replay_parse("# only\n   \n\t# more", &s, &line, &err), PM_OK);
    assert_int_equal(s.count, 0);
    replay_free(&s);
}

static void single_line_reports_empty(void **state)
{
    (void)state;
    replay_cmd c;
    int empty = 0;
    pm_msg err = {{0}};
    assert_int_equal(replay_parse_line("   # nothing", 7, &c, &empty, &err), PM_OK);
    assert_true(empty);
    assert_int_equal(replay_parse_line("expect chart", 7, &c, &empty, &err), PM_OK);
    assert_false(empty);
    assert_int_equal(c.line, 7);
    assert_string_equal(replay_op_name(c.op), "expect");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_every_command),
        cmocka_unit_test(mistakes_name_their_line),
        cmocka_unit_test(dtap_forms),
        cmocka_unit_test(empty_script_is_fine),
        cmocka_unit_test(single_line_reports_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
