/* startup.c — see startup.h. */
#include "startup.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void startup_init(startup_marks *m)
{
    for (int i = 0; i < STARTUP_STEPS; i++)
        m->at[i] = -1.0;
}

/* The process's start in clock ticks since boot: field 22 of
 * /proc/self/stat, counted after the command name, which may hold spaces
 * and parentheses (so the count starts after its last ')'). */
static bool process_start_ticks(unsigned long long *ticks)
{
    FILE *f = fopen("/proc/self/stat", "re");
    if (!f)
        return false;
    char line[1024];
    bool ok = fgets(line, sizeof line, f) != NULL;
    fclose(f);
    const char *p = ok ? strrchr(line, ')') : NULL;
    if (!p)
        return false;
    /* the space before field N, for N = 3 (state) ... 22 (starttime) */
    for (int field = 3; field <= 22; field++) {
        p = strchr(p + 1, ' ');
        if (!p)
            return false;
    }
    return sscanf(p + 1, "%llu", ticks) == 1;
}

double startup_since_process_start(void)
{
    unsigned long long ticks;
    long hz = sysconf(_SC_CLK_TCK);
    struct timespec now;
    if (hz <= 0 || !process_start_ticks(&ticks) || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1.0;
    double since = (double)now.tv_sec + (double)now.tv_nsec / 1e9 - (double)ticks / (double)hz;
    return since < 0 ? 0 : since;
}

void startup_mark(startup_marks *m, startup_step step)
{
    if (m && step >= 0 && step < STARTUP_STEPS)
        m->at[step] = startup_since_process_start();
}

static const char *const step_what[STARTUP_STEPS] = {
    "to main (starting the process: under systemd its sandbox, then exec and the libraries)",
    "the display",
    "the content",
    "fonts and the first frame",
};

bool startup_describe(const startup_marks *m, char *buf, size_t size)
{
    if (size == 0)
        return false;
    double frame = m->at[STARTUP_FRAME];
    if (frame < 0) {
        snprintf(buf, size, "no first frame yet");
        return false;
    }
    int n = snprintf(buf, size, "first frame %.2f s after the process started:", frame);
    double before = 0;
    for (int i = 0; i < STARTUP_STEPS && n >= 0 && (size_t)n < size; i++) {
        const char *sep = i == 0 ? "" : ",";
        if (m->at[i] < 0) {
            n += snprintf(buf + n, size - (size_t)n, "%s %s not marked", sep, step_what[i]);
            continue;
        }
        n += snprintf(buf + n, size - (size_t)n, "%s %.2f s %s", sep, m->at[i] - before,
                      step_what[i]);
        before = m->at[i];
    }
    return n >= 0 && (size_t)n < size;
}
