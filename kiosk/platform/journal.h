/* journal.h — log lines with a priority the systemd journal understands.
 *
 * Under systemd, stderr is a stream to journald, which reads a "<N>" prefix
 * on each line as its syslog priority (sd-daemon(3): SD_ERR is "<3>"), so
 * `journalctl -p warning -u painmap` shows only what needs a look. The
 * kiosk knows it writes to the journal when $JOURNAL_STREAM ("DEV:INODE")
 * names the file behind its stderr (systemd.exec(5)); anywhere else (a
 * terminal, a test log) lines stay plain: "painmap: ...".
 *
 * Platform glue, not core: it reads the environment and fstat()s stderr on
 * every call (logging is rare), and keeps no state. */
#ifndef PM_JOURNAL_H
#define PM_JOURNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    JOURNAL_ERR = 3,     /* the kiosk cannot do its job: needs attention, a save failed */
    JOURNAL_WARNING = 4, /* something is wrong but handled: a bad config line, a damaged record */
    JOURNAL_NOTICE = 5,  /* worth knowing: an intake saved, retention deleted some */
    JOURNAL_INFO = 6,    /* routine: the config read, the kiosk started */
} journal_level;

/* True when stderr is the journal ($JOURNAL_STREAM matches it). */
bool journal_is_stderr(void);

/* Formats one line "[<N>]painmap: TEXT\n" into buf (truncated safely;
 * newlines inside TEXT become spaces, so one message stays one entry). */
void journal_format(char *buf, size_t size, bool prefix, journal_level level, const char *fmt,
                    va_list ap) __attribute__((format(printf, 5, 0)));

/* Writes one line to stderr, prefixed when stderr is the journal. */
void journal_log(journal_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
