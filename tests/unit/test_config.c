/* test_config.c — painmap.conf (config.h): every key, bad values, unknown
 * keys, a missing file, Windows line endings and a byte-order mark, and the
 * shipped example. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <crypt.h>

#include "config.h"
#include "intake.h"
#include "testutil.h"

static const char *const good_hash =
    "$y$j9T$5Qk/5Qk/5Qk/5Qk/5Qk/5.$Xq6ycD1sHPMO8Pi0Nilo6kVl8tUqYu6qFRqYI9oaLA5";

/* Parses text; returns the messages (caller frees with pm_msgs_free). */
static pm_msgs parse(const char *text, pm_config *cfg)
{
    pm_msgs m;
    pm_msgs_init(&m);
    assert_int_equal(config_parse_string(text, "painmap.conf", cfg, &m), PM_OK);
    return m;
}

/* True when some message contains every one of the given pieces. */
static bool has_msg(const pm_msgs *m, const char *a, const char *b)
{
    for (size_t i = 0; i < m->count; i++)
        if (strstr(m->items[i], a) && (!b || strstr(m->items[i], b)))
            return true;
    return false;
}

static void dump(const pm_msgs *m)
{
    for (size_t i = 0; i < m->count; i++)
        fprintf(stderr, "  msg: %s\n", m->items[i]);
}

static void test_defaults_from_empty_text(void **state)
{
    (void)state;
    pm_config cfg;
    pm_msgs m = parse("", &cfg);
    assert_string_equal(cfg.clinic_name, "");
    assert_int_equal(cfg.nlanguages, 0);
    assert_string_equal(cfg.default_language, "en");
    assert_int_equal(cfg.idle_timeout_s, CONFIG_IDLE_DEFAULT);
    assert_int_equal(cfg.rotation, 0);
    assert_string_equal(cfg.staff_pin_hash, "");
    assert_false(config_staff_enabled(&cfg));
    assert_int_equal(cfg.staff_idle_timeout_s, CONFIG_STAFF_IDLE_DEFAULT);
    assert_int_equal(cfg.retention_days, CONFIG_RETENTION_DEFAULT);
    assert_int_equal(cfg.delete_after_export_days, CONFIG_UNSET);
    assert_false(cfg.delete_uncopied); /* never-copied intakes are kept unless the clinic says */
    assert_int_equal(cfg.export_formats, CONFIG_EXPORT_ALL);
    /* the only message: staff mode is locked until a PIN is set */
    assert_int_equal(m.count, 1);
    assert_true(has_msg(&m, "no staff PIN is set", "staff_pin = "));
    pm_msgs_free(&m);
}

static void test_every_key(void **state)
{
    (void)state;
    char text[2048];
    snprintf(text, sizeof text,
             "# a comment\n"
             "; another comment\n"
             "clinic_name = Riverside Massage \xe2\x80\x93 Back & Neck\n"
             "languages = es, EN\n"
             "default_language = es\n"
             "idle_timeout = 120\n"
             "rotation = 270\n"
             "staff_pin_hash = %s\n"
             "staff_idle_timeout = 45\n"
             "retention_days = 14\n"
             "delete_after_export_days = 2\n"
             "export_formats = html fhir\n",
             good_hash);
    pm_config cfg;
    pm_msgs m = parse(text, &cfg);
    dump(&m);
    assert_int_equal(m.count, 0);
    assert_string_equal(cfg.clinic_name, "Riverside Massage \xe2\x80\x93 Back & Neck");
    assert_int_equal(cfg.nlanguages, 2);
    assert_string_equal(cfg.languages[0], "es");
    assert_string_equal(cfg.languages[1], "en");
    assert_string_equal(cfg.default_language, "es");
    assert_int_equal(cfg.idle_timeout_s, 120);
    assert_int_equal(cfg.rotation, 270);
    assert_string_equal(cfg.staff_pin_hash, good_hash);
    assert_true(config_staff_enabled(&cfg));
    assert_int_equal(cfg.staff_idle_timeout_s, 45);
    assert_int_equal(cfg.retention_days, 14);
    assert_int_equal(cfg.delete_after_export_days, 2);
    assert_int_equal(cfg.export_formats, CONFIG_EXPORT_HTML | CONFIG_EXPORT_FHIR);
    assert_int_equal(cfg.languages_line, 4);
    assert_int_equal(cfg.default_language_line, 5);
    flow_timing t = config_flow_timing(&cfg);
    assert_int_equal(t.idle_ms, 120000);
    pm_msgs_free(&m);
}

/* The brief's own example, word for word. */
static void test_bad_rotation_names_line(void **state)
{
    (void)state;
    pm_config cfg;
    pm_msgs m = parse("clinic_name = A\n\n# c\n\n\n\nrotation = 45\n", &cfg);
    assert_true(has_msg(&m, "painmap.conf:7: rotation = 45: must be 0, 90, 180 or 270; using 0",
                        NULL));
    assert_int_equal(cfg.rotation, 0);
    pm_msgs_free(&m);
}

static void test_bad_values_fall_back(void **state)
{
    (void)state;
    pm_config cfg;
    pm_msgs m = parse("idle_timeout = 5\n"                /* 1 too small */
                      "staff_idle_timeout = soon\n"       /* 2 not a number */
                      "retention_days = -3\n"             /* 3 negative */
                      "delete_after_export_days = 1.5\n"  /* 4 not whole */
                      "export_formats = pdf\n"            /* 5 unknown format */
                      "default_language = English\n"     /* 6 not a code */
                      "languages = en, xx-toolongcode, 7\n" /* 7 two bad codes */
                      "staff_pin_hash = 1234\n"           /* 8 not a hash */
                      "rotation = 90deg\n"                /* 9 */
                      "retention_days = 99999\n"          /* 10 too large */
                      "idle_timeout = 9999999999999\n",   /* 11 overflow */
                      &cfg);
    dump(&m);
    assert_true(has_msg(&m, "painmap.conf:1: idle_timeout = 5:", "from 20 to 900; using 90"));
    assert_true(has_msg(&m, "painmap.conf:2: staff_idle_timeout = soon:", "using 60"));
    assert_true(has_msg(&m, "painmap.conf:3: retention_days = -3:", "using 30"));
    assert_true(has_msg(&m, "painmap.conf:4: delete_after_export_days = 1.5:", "using never"));
    assert_true(has_msg(&m, "painmap.conf:5: export_formats: 'pdf'", NULL));
    assert_true(has_msg(&m, "painmap.conf:5: export_formats names no format", "html, json, fhir"));
    assert_true(has_msg(&m, "painmap.conf:6: default_language = English", "using en"));
    assert_true(has_msg(&m, "painmap.conf:7: languages: 'xx-toolongcode'", NULL));
    assert_true(has_msg(&m, "painmap.conf:7: languages: '7'", NULL));
    assert_true(has_msg(&m, "painmap.conf:8: staff_pin_hash", "--hash-pin"));
    assert_true(has_msg(&m, "painmap.conf:9: rotation = 90deg", NULL));
    assert_true(has_msg(&m, "painmap.conf:10: retention_days = 99999", NULL));
    assert_true(has_msg(&m, "painmap.conf:10: retention_days is set twice (also on line 3)", NULL));
    assert_true(has_msg(&m, "painmap.conf:11: idle_timeout = 9999999999999", NULL));
    assert_int_equal(cfg.idle_timeout_s, CONFIG_IDLE_DEFAULT);
    assert_int_equal(cfg.staff_idle_timeout_s, CONFIG_STAFF_IDLE_DEFAULT);
    assert_int_equal(cfg.retention_days, CONFIG_RETENTION_DEFAULT);
    assert_int_equal(cfg.delete_after_export_days, CONFIG_UNSET);
    assert_int_equal(cfg.export_formats, CONFIG_EXPORT_ALL);
    assert_string_equal(cfg.default_language, "en");
    assert_int_equal(cfg.nlanguages, 1);
    assert_string_equal(cfg.languages[0], "en");
    assert_string_equal(cfg.staff_pin_hash, "");
    assert_int_equal(cfg.rotation, 0);
    /* a bad hash is reported once, not again as "no hash set" */
    assert_false(has_msg(&m, "no staff PIN is set", NULL));
    pm_msgs_free(&m);
}

static void test_delete_uncopied(void **state)
{
    (void)state;
    pm_config cfg;
    pm_msgs m = parse("delete_uncopied = YES\n", &cfg);
    assert_true(cfg.delete_uncopied);
    pm_msgs_free(&m);
    m = parse("delete_uncopied = sometimes\n", &cfg);
    assert_false(cfg.delete_uncopied);
    assert_true(has_msg(&m, "painmap.conf:1: delete_uncopied = sometimes: must be yes or no",
                        "using no"));
    pm_msgs_free(&m);
}

static void test_unknown_keys_and_junk_lines(void **state)
{
    (void)state;
    pm_config cfg;
    pm_msgs m = parse("rotaton = 90\n"
                      "colour = blue\n"
                      "this line has no equals sign\n"
                      "[kiosk]\n"
                      "rotation = 180\n"
                      "staff_pin = 1234\n",
                      &cfg);
    dump(&m);
    assert_true(has_msg(&m, "painmap.conf:1: unknown setting 'rotaton' (did you mean rotation?)",
                        NULL));
    assert_true(has_msg(&m, "painmap.conf:2: unknown setting 'colour'", "the settings are"));
    assert_true(has_msg(&m, "painmap.conf:3: 'this line has no equals sign' is not a setting",
                        NULL));
    /* a plain-digit PIN is taken (the image hashes it on the card at boot)
     * and never repeated in a message */
    assert_string_equal(cfg.staff_pin_plain, "1234");
    for (size_t i = 0; i < m.count; i++)
        assert_null(strstr(m.items[i], "1234"));
    /* sections are ignored: the key under one still counts */
    assert_int_equal(cfg.rotation, 180);
    assert_true(config_staff_enabled(&cfg));
    pm_msgs_free(&m);
}

/* staff_pin in plain digits: 4 to 8 digits are taken (and win over a hash
 * line, being the newer choice); anything else is refused by its line,
 * never repeated; an empty one is as if absent. */
static void test_plain_pin(void **state)
{
    (void)state;
    pm_config cfg;
    char text[512];
    snprintf(text, sizeof text, "staff_pin_hash = %s\nstaff_pin = \"48210\" ; new PIN\n", good_hash);
    pm_msgs m = parse(text, &cfg);
    dump(&m);
    assert_int_equal(m.count, 0);
    assert_string_equal(cfg.staff_pin_plain, "48210");
    assert_true(config_staff_enabled(&cfg));
    pm_msgs_free(&m);

    const char *bad[] = {"123", "123456789", "12a4", "12 34", "-1234", "1234x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(text, sizeof text, "clinic_name = X\nstaff_pin = %s\n", bad[i]);
        m = parse(text, &cfg);
        dump(&m);
        assert_true(has_msg(&m, "painmap.conf:2: staff_pin must be 4 to 8 digits", "ignored"));
        assert_string_equal(cfg.staff_pin_plain, "");
        assert_false(config_staff_enabled(&cfg));
        assert_false(has_msg(&m, "no staff PIN is set", NULL)); /* said once, by its line */
        for (size_t k = 0; k < m.count; k++)
            assert_null(strstr(m.items[k], bad[i]));
        pm_msgs_free(&m);
    }
    m = parse("staff_pin =\n", &cfg);
    assert_string_equal(cfg.staff_pin_plain, "");
    assert_true(has_msg(&m, "no staff PIN is set", NULL));
    pm_msgs_free(&m);
}

/* display = hdmi | dsi7, any case; anything else: hdmi, with the line. */
static void test_display(void **state)
{
    (void)state;
    pm_config cfg;
    pm_msgs m = parse("", &cfg);
    assert_int_equal(cfg.display, CONFIG_DISPLAY_HDMI);
    pm_msgs_free(&m);
    m = parse("display = DSI7\n", &cfg);
    assert_int_equal(cfg.display, CONFIG_DISPLAY_DSI7);
    assert_string_equal(config_display_name(cfg.display), "dsi7");
    assert_false(has_msg(&m, "display", NULL));
    pm_msgs_free(&m);
    m = parse("clinic_name = X\ndisplay = dsi5\n", &cfg);
    dump(&m);
    assert_int_equal(cfg.display, CONFIG_DISPLAY_HDMI);
    assert_true(has_msg(&m, "painmap.conf:2: display = dsi5: must be hdmi", "using hdmi"));
    pm_msgs_free(&m);
    m = parse("display = dsi7\ndisplay =\n", &cfg);
    assert_int_equal(cfg.display, CONFIG_DISPLAY_HDMI);
    assert_true(has_msg(&m, "painmap.conf:2: display has no value; using the default", NULL));
    pm_msgs_free(&m);
}

/* config_pin_lines finds the PIN lines as the parser reads them: not in
 * comments or sections' headers, with a BOM, CRLF, blanks, quotes and an
 * inline comment; their byte ranges exclude the line ending. */
static void test_pin_lines(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBFstaff_pin = 1111\r\n"
                       "# staff_pin = 2222\r\n"
                       "[staff]\r\n"
                       "  STAFF_PIN : '3333' ; the new one\r\n"
                       "staff_pin_hash = $y$abc\n"
                       "staff_pins = 4444\n"
                       "staff_pin = 12\n"
                       "staff_pin = 55556666";
    config_pin_line l[8];
    size_t n = config_pin_lines(text, l, 8);
    assert_int_equal(n, 5);
    assert_true(l[0].plain && l[0].valid);
    assert_int_equal(l[0].line, 1);
    assert_string_equal(l[0].pin, "1111");
    assert_int_equal(l[0].start, 0);
    assert_memory_equal(text + l[0].end, "\r\n", 2);
    assert_int_equal(l[1].line, 4);
    assert_string_equal(l[1].pin, "3333");
    assert_memory_equal(text + l[1].start, "  STAFF_PIN", 11);
    assert_memory_equal(text + l[1].end, "\r\n", 2);
    assert_false(l[2].plain);
    assert_int_equal(l[2].line, 5);
    assert_true(l[3].plain);
    assert_false(l[3].valid);
    assert_string_equal(l[3].pin, "");
    assert_int_equal(l[4].line, 8);
    assert_string_equal(l[4].pin, "55556666");
    assert_int_equal(l[4].end, strlen(text));
    /* more lines than room: the count, and no write past max */
    assert_int_equal(config_pin_lines(text, l, 2), 5);
    assert_int_equal(config_pin_lines("", l, 8), 0);
    assert_int_equal(config_pin_lines(NULL, l, 8), 0);
}

static void test_empty_values_and_quotes(void **state)
{
    (void)state;
    pm_config cfg;
    pm_msgs m = parse("clinic_name = \"The Knot Shop\"\n"
                      "rotation =\n"
                      "staff_pin_hash =\n"
                      "delete_after_export_days = never\n",
                      &cfg);
    dump(&m);
    assert_string_equal(cfg.clinic_name, "The Knot Shop");
    assert_true(has_msg(&m, "painmap.conf:2: rotation has no value; using the default", NULL));
    assert_true(has_msg(&m, "no staff PIN is set", NULL));
    assert_int_equal(cfg.delete_after_export_days, CONFIG_UNSET);
    pm_msgs_free(&m);
}

/* Windows: a byte-order mark, CR LF line endings; plus indented lines,
 * which inih would otherwise read as continuations of the line before. */
static void test_windows_file(void **state)
{
    (void)state;
    char text[1024];
    snprintf(text, sizeof text,
             "\xEF\xBB\xBF"
             "clinic_name = Caf\xc3\xa9 Spa\r\n"
             "\r\n"
             "   rotation = 90\r\n"
             "\tretention_days = 7\r\n"
             "staff_pin_hash = %s\r\n"
             "rotation = 45\r\n",
             good_hash);
    pm_config cfg;
    pm_msgs m = parse(text, &cfg);
    dump(&m);
    assert_string_equal(cfg.clinic_name, "Caf\xc3\xa9 Spa");
    assert_int_equal(cfg.retention_days, 7);
    assert_string_equal(cfg.staff_pin_hash, good_hash);
    /* the line number counts CR LF lines correctly */
    assert_true(has_msg(&m, "painmap.conf:6: rotation = 45", NULL));
    assert_true(has_msg(&m, "painmap.conf:6: rotation is set twice (also on line 3)", NULL));
    assert_int_equal(m.count, 2);
    pm_msgs_free(&m);
}

static void test_clinic_name_checks(void **state)
{
    (void)state;
    pm_config cfg;
    /* Latin-1 (an old editor's "ANSI"): not UTF-8 */
    pm_msgs m = parse("clinic_name = Caf\xe9\n", &cfg);
    assert_true(has_msg(&m, "painmap.conf:1: clinic_name is not valid UTF-8", "UTF-8"));
    assert_string_equal(cfg.clinic_name, "");
    pm_msgs_free(&m);

    /* too long: cut at a whole character */
    char text[512] = "clinic_name = ";
    for (int i = 0; i < 70; i++)
        strcat(text, "\xc3\xa9"); /* é, two bytes */
    strcat(text, "\n");
    m = parse(text, &cfg);
    assert_true(has_msg(&m, "clinic_name is 70 characters long", "first 60"));
    assert_int_equal(strlen(cfg.clinic_name), 120);
    pm_msgs_free(&m);

    /* a line longer than inih's buffer is reported, not split */
    char longline[600] = "clinic_name = ";
    memset(longline + strlen(longline), 'a', 400);
    strcpy(longline + 414, "\nrotation = 90\n");
    m = parse(longline, &cfg);
    dump(&m);
    assert_true(has_msg(&m, "painmap.conf:1: this line is longer than", "ignored"));
    assert_string_equal(cfg.clinic_name, "");
    assert_int_equal(cfg.rotation, 90);
    pm_msgs_free(&m);
}

/* Trust defect 9: a truncated hash, or one with parameters yescrypt never
 * makes, was accepted (then every PIN was "wrong"); each is now refused
 * with a message naming the line and staff mode stays locked. Every cost
 * libxcrypt makes is accepted, and each accepted hash verifies its PIN. */
static void test_pin_hash_shape(void **state)
{
    (void)state;
    pm_config cfg;
    char text[512];
    size_t n = strlen(good_hash);
    snprintf(text, sizeof text, "staff_pin_hash = %.*s\n", (int)(n - 8), good_hash);
    pm_msgs m = parse(text, &cfg);
    assert_string_equal(cfg.staff_pin_hash, "");
    assert_true(has_msg(&m, "painmap.conf:1: staff_pin_hash is cut short", "35 characters"));
    pm_msgs_free(&m);
    const char *bad_params[] = {
        "$y$jZT$5Qk/5Qk/5Qk/5Qk/5Qk/5.$Xq6ycD1sHPMO8Pi0Nilo6kVl8tUqYu6qFRqYI9oaLA5",
        "$y$j9Z$5Qk/5Qk/5Qk/5Qk/5Qk/5.$Xq6ycD1sHPMO8Pi0Nilo6kVl8tUqYu6qFRqYI9oaLA5",
        "$y$$5Qk/5Qk/5Qk/5Qk/5Qk/5.$Xq6ycD1sHPMO8Pi0Nilo6kVl8tUqYu6qFRqYI9oaLA5",
    };
    for (size_t i = 0; i < 3; i++) {
        snprintf(text, sizeof text, "staff_pin_hash = %s\n", bad_params[i]);
        m = parse(text, &cfg);
        assert_string_equal(cfg.staff_pin_hash, "");
        assert_true(has_msg(&m, "staff_pin_hash has parameters", "no PIN could ever match"));
        pm_msgs_free(&m);
    }
    snprintf(text, sizeof text, "staff_pin_hash = %s$extra\n", good_hash);
    m = parse(text, &cfg);
    assert_string_equal(cfg.staff_pin_hash, "");
    pm_msgs_free(&m);
    /* whatever cost libxcrypt was asked for, its hash is taken */
    for (unsigned long cost = 1; cost <= 7; cost += 3) {
        char setting[CRYPT_GENSALT_OUTPUT_SIZE];
        struct crypt_data cd;
        memset(&cd, 0, sizeof cd);
        assert_non_null(crypt_gensalt_rn("$y$", cost, "0123456789abcdef", 16, setting,
                                         (int)sizeof setting));
        const char *h = crypt_r("2580", setting, &cd);
        assert_non_null(h);
        snprintf(text, sizeof text, "staff_pin_hash = %s\n", h);
        m = parse(text, &cfg);
        assert_string_equal(cfg.staff_pin_hash, h);
        pm_msgs_free(&m);
    }
}

/* Trust defect 9: "clinic_name = Smith ; Jones" became "Smith" (inih cut
 * a " ;" comment); a name is taken whole. Other settings may still carry a
 * note after " ;". */
static void test_clinic_name_is_taken_whole(void **state)
{
    (void)state;
    pm_config cfg;
    pm_msgs m = parse("clinic_name = Smith ; Jones\nrotation = 90 ; portrait panel\n"
                      "clinic_name = \"Smith ; Jones # and Co\"\n",
                      &cfg);
    assert_string_equal(cfg.clinic_name, "Smith ; Jones # and Co");
    assert_int_equal(cfg.rotation, 90);
    pm_msgs_free(&m);
    m = parse("clinic_name = Smith ; Jones\n", &cfg);
    assert_string_equal(cfg.clinic_name, "Smith ; Jones");
    pm_msgs_free(&m);
}

/* The clinic's key lines (sealed at rest): a pair or nothing; a plain
 * passphrase waiting for the set-up is reported and never kept. */
static void test_intake_key_lines(void **state)
{
    (void)state;
    pm_config cfg;
    pm_msgs m = parse("intake_public_key = pmpk1.abcDEF-_0\nintake_secret_key = pmsk1.3.65536.a.b.c\n",
                      &cfg);
    assert_true(config_seals(&cfg));
    assert_string_equal(cfg.intake_public_key, "pmpk1.abcDEF-_0");
    pm_msgs_free(&m);
    m = parse("intake_public_key = pmpk1.abc\n", &cfg);
    assert_false(config_seals(&cfg));
    assert_true(has_msg(&m, "come as a pair", "unsealed"));
    pm_msgs_free(&m);
    m = parse("intake_public_key = ssh-rsa AAAA\nintake_secret_key = pmsk1.x\n", &cfg);
    assert_false(config_seals(&cfg));
    assert_true(has_msg(&m, "painmap.conf:1: intake_public_key is not a line", NULL));
    pm_msgs_free(&m);
    m = parse("clinic_name = X\nstaff_passphrase = kqvbz mxtra ; plhsw ednuc\n", &cfg);
    assert_int_equal(cfg.staff_passphrase_line, 2);
    assert_true(has_msg(&m, "painmap.conf:2: staff_passphrase is waiting", "--seal-passphrase"));
    for (size_t i = 0; i < m.count; i++)
        assert_null(strstr(m.items[i], "kqvbz"));
    assert_null(memmem(&cfg, sizeof cfg, "kqvbz", 5));
    pm_msgs_free(&m);
    /* the lines the set-up rewrites, found by the parser's own rules */
    config_line l[4];
    const char *text = "\xEF\xBB\xBF" "staff_passphrase = a b ; c\r\n# staff_passphrase = no\n"
                       "  Staff_Passphrase: d\n";
    assert_int_equal(config_find_lines(text, "staff_passphrase", l, 4), 2);
    assert_int_equal(l[0].line, 1);
    assert_string_equal(l[0].value, "a b ; c");
    assert_int_equal(l[0].start, 3);
    assert_int_equal(text[l[0].end], '\r');
    assert_int_equal(l[1].line, 3);
    assert_string_equal(l[1].value, "d");
}

static void test_languages(void **state)
{
    (void)state;
    pm_content *c = tu_load_shipped();
    pm_config cfg;

    pm_msgs m = parse("languages = en, fr, es, en\ndefault_language = fr\n", &cfg);
    assert_true(has_msg(&m, "painmap.conf:1: languages: 'en' is listed twice", NULL));
    assert_int_equal(cfg.nlanguages, 3);
    size_t added = config_check_languages(&cfg, c, &m);
    dump(&m);
    assert_int_equal(added, 2);
    assert_true(has_msg(&m, "painmap.conf:1: languages: the kiosk has no texts in 'fr'", " en"));
    assert_true(has_msg(&m, "painmap.conf:2: default_language = fr", "using en"));
    assert_int_equal(cfg.nlanguages, 2);
    assert_string_equal(cfg.languages[0], "en");
    assert_string_equal(cfg.languages[1], "es");
    assert_string_equal(cfg.default_language, "en");
    pm_msgs_free(&m);

    /* not set: every language the content has, default en */
    m = parse("", &cfg);
    assert_int_equal(config_check_languages(&cfg, c, &m), 0);
    assert_int_equal(cfg.nlanguages, content_lang_count(c));
    assert_string_equal(cfg.default_language, "en");
    pm_msgs_free(&m);

    /* only es offered, no default given: es becomes the default */
    m = parse("languages = es\n", &cfg);
    assert_int_equal(config_check_languages(&cfg, c, &m), 1);
    assert_string_equal(cfg.default_language, "es");
    pm_msgs_free(&m);

    /* nothing usable: every language */
    m = parse("languages = fr de\n", &cfg);
    config_check_languages(&cfg, c, &m);
    assert_int_equal(cfg.nlanguages, content_lang_count(c));
    pm_msgs_free(&m);
    content_free(c);
}

static void test_missing_and_odd_files(void **state)
{
    (void)state;
    pm_config cfg;
    pm_msgs m;
    pm_msgs_init(&m);
    assert_int_equal(config_load("/nonexistent/painmap.conf", &cfg, &m), PM_ERR_NOT_FOUND);
    assert_int_equal(m.count, 1);
    assert_true(has_msg(&m, "/nonexistent/painmap.conf: cannot read", "built-in settings"));
    assert_int_equal(cfg.retention_days, CONFIG_RETENTION_DEFAULT);
    assert_false(config_staff_enabled(&cfg));
    pm_msgs_free(&m);

    char *dir = tu_tempdir();
    char path[512];
    snprintf(path, sizeof path, "%s/painmap.conf", dir);
    tu_write_file(path, "rotation = 180\nbogus = 1\n");
    pm_msgs_init(&m);
    assert_int_equal(config_load(path, &cfg, &m), PM_OK);
    assert_int_equal(cfg.rotation, 180);
    /* messages name the file by its base name */
    assert_true(has_msg(&m, "painmap.conf:2: unknown setting 'bogus'", NULL));
    pm_msgs_free(&m);

    /* a folder where the file should be */
    pm_msgs_init(&m);
    pm_status st = config_load(dir, &cfg, &m);
    assert_int_not_equal(st, PM_OK);
    assert_true(m.count >= 1);
    assert_int_equal(cfg.rotation, 0);
    pm_msgs_free(&m);

    /* binary junk */
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite("rot\0ation", 1, 9, f);
    fclose(f);
    pm_msgs_init(&m);
    assert_int_equal(config_load(path, &cfg, &m), PM_ERR_INVALID);
    assert_true(has_msg(&m, "not a plain text file", NULL));
    pm_msgs_free(&m);
    tu_rmtree(dir);
    free(dir);
}

/* The shipped example parses with no message except the PIN reminder, and
 * its values are the defaults it promises. */
static void test_shipped_example(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/painmap.conf.example", tu_data_dir());
    pm_config cfg;
    pm_msgs m;
    pm_msgs_init(&m);
    assert_int_equal(config_load(path, &cfg, &m), PM_OK);
    dump(&m);
    assert_int_equal(m.count, 1);
    assert_true(has_msg(&m, "no staff PIN is set", NULL));
    pm_config d;
    config_defaults(&d, NULL);
    assert_int_equal(cfg.idle_timeout_s, d.idle_timeout_s);
    assert_int_equal(cfg.rotation, d.rotation);
    assert_int_equal(cfg.retention_days, d.retention_days);
    assert_int_equal(cfg.staff_idle_timeout_s, d.staff_idle_timeout_s);
    assert_int_equal(cfg.export_formats, d.export_formats);
    assert_int_equal(cfg.delete_after_export_days, d.delete_after_export_days);
    assert_int_equal(cfg.delete_uncopied, d.delete_uncopied);
    pm_content *c = tu_load_shipped();
    assert_int_equal(config_check_languages(&cfg, c, &m), 0);
    content_free(c);
    pm_msgs_free(&m);

    /* the same file with Windows line endings and a BOM, as Notepad saves it */
    char *text = tu_read_file(path, NULL);
    assert_non_null(text);
    size_t n = strlen(text);
    char *win = malloc(2 * n + 4);
    assert_non_null(win);
    size_t k = 0;
    memcpy(win, "\xEF\xBB\xBF", 3);
    k = 3;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '\n')
            win[k++] = '\r';
        win[k++] = text[i];
    }
    win[k] = '\0';
    m = parse(win, &cfg);
    assert_int_equal(m.count, 1);
    pm_msgs_free(&m);
    free(win);
    free(text);
}

static void test_describe(void **state)
{
    (void)state;
    char text[512];
    snprintf(text, sizeof text, "staff_pin_hash = %s\nclinic_name = X\n", good_hash);
    pm_config cfg;
    pm_msgs m = parse(text, &cfg);
    char buf[1024];
    config_describe(&cfg, buf, sizeof buf);
    assert_non_null(strstr(buf, "clinic_name = X\n"));
    assert_non_null(strstr(buf, "staff_pin_hash = (set)"));
    assert_null(strstr(buf, "$y$")); /* the hash is not logged */
    pm_msgs_free(&m);
}

/* Random text (a damaged card, a binary pasted in): never a crash, and
 * every value stays in its range. */
static void test_random_text(void **state)
{
    (void)state;
    static const char alphabet[] = "=:;#[] \t\r\n\"'0123456789abcdefghijklmnopqrstuvwxyz_,-$./"
                                   "\xc3\xa9\xef\xbb\xbf\x01\xff";
    static const char *const words[] = { "clinic_name", "languages", "default_language",
                                         "idle_timeout", "rotation", "staff_pin_hash",
                                         "staff_idle_timeout", "retention_days",
                                         "delete_after_export_days", "export_formats",
                                         " = ", "\n", "never", "90", "en, es", "$y$" };
    uint32_t seed = 12345;
    char text[1024];
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, len = (size_t)(round % 900);
        while (n < len) {
            seed = seed * 1103515245u + 12345u;
            uint32_t r = seed >> 8;
            if (r % 3 == 0) {
                const char *w = words[r % (sizeof words / sizeof words[0])];
                size_t wl = strlen(w);
                if (n + wl >= sizeof text - 1)
                    break;
                memcpy(text + n, w, wl);
                n += wl;
            } else {
                text[n++] = alphabet[r % (sizeof alphabet - 1)];
            }
        }
        text[n] = '\0';
        pm_config cfg;
        pm_msgs m;
        pm_msgs_init(&m);
        assert_int_equal(config_parse_string(text, "fuzz.conf", &cfg, &m), PM_OK);
        assert_true(cfg.idle_timeout_s >= CONFIG_IDLE_MIN && cfg.idle_timeout_s <= CONFIG_IDLE_MAX);
        assert_true(cfg.rotation % 90 == 0 && cfg.rotation >= 0 && cfg.rotation <= 270);
        assert_true(cfg.retention_days >= CONFIG_RETENTION_MIN
                    && cfg.retention_days <= CONFIG_RETENTION_MAX);
        assert_true(cfg.staff_idle_timeout_s >= CONFIG_STAFF_IDLE_MIN
                    && cfg.staff_idle_timeout_s <= CONFIG_STAFF_IDLE_MAX);
        assert_true(cfg.delete_after_export_days >= CONFIG_UNSET
                    && cfg.delete_after_export_days <= CONFIG_AFTER_EXPORT_MAX);
        assert_true(cfg.export_formats != 0 && (cfg.export_formats & ~CONFIG_EXPORT_ALL) == 0);
        assert_true(cfg.nlanguages <= CONFIG_MAX_LANGS);
        assert_true(utf8_count(cfg.clinic_name, strlen(cfg.clinic_name)) >= 0);
        assert_true(cfg.staff_pin_hash[0] == '\0' || strncmp(cfg.staff_pin_hash, "$y$", 3) == 0);
        for (size_t i = 0; i < m.count; i++)
            assert_non_null(strstr(m.items[i], "fuzz.conf"));
        pm_msgs_free(&m);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_from_empty_text),
        cmocka_unit_test(test_every_key),
        cmocka_unit_test(test_bad_rotation_names_line),
        cmocka_unit_test(test_bad_values_fall_back),
        cmocka_unit_test(test_delete_uncopied),
        cmocka_unit_test(test_unknown_keys_and_junk_lines),
        cmocka_unit_test(test_plain_pin),
        cmocka_unit_test(test_display),
        cmocka_unit_test(test_pin_lines),
        cmocka_unit_test(test_empty_values_and_quotes),
        cmocka_unit_test(test_windows_file),
        cmocka_unit_test(test_clinic_name_checks),
        cmocka_unit_test(test_pin_hash_shape),
        cmocka_unit_test(test_clinic_name_is_taken_whole),
        cmocka_unit_test(test_intake_key_lines),
        cmocka_unit_test(test_languages),
        cmocka_unit_test(test_missing_and_odd_files),
        cmocka_unit_test(test_shipped_example),
        cmocka_unit_test(test_describe),
        cmocka_unit_test(test_random_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
