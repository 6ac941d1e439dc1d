/* test_journal.c — log lines for the journal (kiosk/platform/journal.c):
 * the "<N>" priority prefix only when stderr really is the journal stream
 * named by $JOURNAL_STREAM, one line per message, safe truncation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "platform/journal.h"

static void fmt(char *buf, size_t size, bool prefix, journal_level level, const char *f, ...)
    __attribute__((format(printf, 5, 6)));
static void fmt(char *buf, size_t size, bool prefix, journal_level level, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    journal_format(buf, size, prefix, level, f, ap);
    va_end(ap);
}

static void test_prefix_and_one_line(void **state)
{
    (void)state;
    char buf[128];
    fmt(buf, sizeof buf, true, JOURNAL_ERR, "save failed: %s", "disk full");
    assert_string_equal(buf, "<3>painmap: save failed: disk full\n");
    fmt(buf, sizeof buf, false, JOURNAL_ERR, "save failed: %s", "disk full");
    assert_string_equal(buf, "painmap: save failed: disk full\n");
    /* a message with newlines stays one journal entry */
    fmt(buf, sizeof buf, true, JOURNAL_WARNING, "line one\nline two\n");
    assert_string_equal(buf, "<4>painmap: line one line two\n");
    fmt(buf, sizeof buf, true, JOURNAL_NOTICE, "saved %d", 7);
    assert_string_equal(buf, "<5>painmap: saved 7\n");
}

static void test_truncates_safely(void **state)
{
    (void)state;
    char buf[24];
    fmt(buf, sizeof buf, true, JOURNAL_INFO, "%s", "a very long message that does not fit");
    assert_int_equal(strlen(buf), sizeof buf - 1);
    assert_int_equal(buf[sizeof buf - 2], '\n');
    assert_int_equal(strncmp(buf, "<6>painmap: a very", 18), 0);
    char one[1] = {'x'};
    fmt(one, sizeof one, true, JOURNAL_INFO, "x");
    assert_int_equal(one[0], '\0');
}

static void test_knows_the_journal_stream(void **state)
{
    (void)state;
    char path[] = "/tmp/painmap-journal-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    int saved = dup(STDERR_FILENO);
    assert_true(dup2(fd, STDERR_FILENO) >= 0);
    struct stat st;
    assert_int_equal(fstat(fd, &st), 0);
    char js[64];
    unsetenv("JOURNAL_STREAM");
    assert_false(journal_is_stderr());
    snprintf(js, sizeof js, "%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino + 1);
    setenv("JOURNAL_STREAM", js, 1); /* another file: a child of the service, not us */
    assert_false(journal_is_stderr());
    snprintf(js, sizeof js, "%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
    setenv("JOURNAL_STREAM", js, 1);
    assert_true(journal_is_stderr());
    journal_log(JOURNAL_ERR, "needs attention: %s", "font missing");
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    char got[128] = "";
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_non_null(fgets(got, sizeof got, f));
    fclose(f);
    close(fd);
    unlink(path);
    unsetenv("JOURNAL_STREAM");
    assert_string_equal(got, "<3>painmap: needs attention: font missing\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prefix_and_one_line),
        cmocka_unit_test(test_truncates_safely),
        cmocka_unit_test(test_knows_the_journal_stream),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
