/* journal.c — priority-prefixed log lines for the journal (journal.h). */
#include "platform/journal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool journal_is_stderr(void)
{
    const char *js = getenv("JOURNAL_STREAM");
    uintmax_t dev = 0, ino = 0;
    if (!js || sscanf(js, "%ju:%ju", &dev, &ino) != 2)
        return false;
    struct stat st;
    if (fstat(STDERR_FILENO, &st) != 0)
        return false;
    return (uintmax_t)st.st_dev == dev && (uintmax_t)st.st_ino == ino;
}

void journal_format(char *buf, size_t size, bool prefix, journal_level level, const char *fmt,
                    va_list ap)
{
    if (size < 2) {
        if (size)
            buf[0] = '\0';
        return;
    }
    int n = prefix ? snprintf(buf, size, "<%d>painmap: ", (int)level)
                   : snprintf(buf, size, "painmap: ");
    size_t used = n > 0 && (size_t)n < size ? (size_t)n : size - 1;
    vsnprintf(buf + used, size - used, fmt, ap);
    size_t len = strlen(buf);
    while (len > used && buf[len - 1] == '\n')
        buf[--len] = '\0';
    for (size_t i = used; i < len; i++)
        if (buf[i] == '\n' || buf[i] == '\r')
            buf[i] = ' ';
    if (len + 1 < size) {
        buf[len] = '\n';
        buf[len + 1] = '\0';
    } else {
        buf[size - 2] = '\n';
        buf[size - 1] = '\0';
    }
}

void journal_log(journal_level level, const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    journal_format(line, sizeof line, journal_is_stderr(), level, fmt, ap);
    va_end(ap);
    fputs(line, stderr);
}
