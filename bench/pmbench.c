/* pmbench.c — runs the kiosk as a child process and measures it from the
 * outside (bench/run calls it; bench/README.md explains each figure).
 *
 *   pmbench startup RUNS SHIM -- CMD...   exec to first frame presented
 *       (through the first_frame.so shim), each run a fresh process; prints
 *       "startup MEDIAN_MS MIN_MS MAX_MS" (wall clock) and "startup_cpu ..."
 *       (the kiosk's own CPU time until then: less sensitive to a busy machine)
 *   pmbench exit RUNS -- CMD...           exec to exit; "exit MEDIAN MIN MAX"
 *   pmbench rss -- CMD...                 one run; "rss PEAK_KB WALL_MS CPU_MS"
 *                                         (peak resident set, from wait4)
 *   pmbench pss -- CMD...                 one run, /proc/PID/smaps_rollup read
 *       every millisecond; "pss PEAK_KB SAMPLES ANON_PEAK_KB" (the
 *       proportional set: shared libraries counted by their share, what the
 *       process costs; and the peak of its anonymous part, the process's own
 *       memory, which does not move with what else maps the libraries)
 *   pmbench chromium RUNS -- CMD...       a browser showing a page that logs
 *       "PMBENCH_FCP T" to the console at its first contentful paint (T: ms
 *       since the epoch, performance.timeOrigin + the paint's startTime);
 *       exec to that paint, the first run a warm-up; the browser and all its
 *       processes are killed after each run. "chromium MEDIAN MIN MAX"
 *   pmbench idle SECONDS -- CMD...        the child runs untouched: after a
 *       2 s settle, CPU time (utime+stime, all threads) and context switches
 *       (voluntary = wake-ups from sleeping, all threads) over SECONDS; then
 *       SIGTERM. "idle SECONDS CPU_MS VOLUNTARY INVOLUNTARY THREADS" */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static pid_t spawn(char **argv, int quiet)
{
    pid_t pid = fork();
    if (pid == 0) {
        if (quiet) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            dup2(null, 2);
        }
        execvp(argv[0], argv);
        perror(argv[0]);
        _exit(127);
    }
    return pid;
}

static int wait_child(pid_t pid, struct rusage *ru)
{
    int status = 0;
    while (wait4(pid, &status, 0, ru) < 0 && errno == EINTR) {
    }
    return status;
}

static void summary(const char *what, double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    printf("%s %.1f %.1f %.1f\n", what, v[n / 2], v[0], v[n - 1]);
}

static int startup(int runs, const char *shim, char **cmd)
{
    char out[] = "/tmp/pmbench-first-XXXXXX";
    int fd = mkstemp(out);
    if (fd < 0)
        return 2;
    close(fd);
    setenv("LD_PRELOAD", shim, 1);
    setenv("PMBENCH_OUT", out, 1);
    setenv("PMBENCH_EXIT", "1", 1);
    double *v = calloc((size_t)runs, sizeof *v), *cpu = calloc((size_t)runs, sizeof *cpu);
    for (int i = 0; i < runs; i++) {
        unlink(out);
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        pid_t pid = spawn(cmd, 1);
        int st = wait_child(pid, NULL);
        FILE *f = fopen(out, "r");
        long long ns = 0, cns = 0;
        if (!f || fscanf(f, "first_present_ns %lld cpu_ns %lld", &ns, &cns) != 2) {
            fprintf(stderr, "pmbench: no frame was presented (status %d)\n", st);
            if (f)
                fclose(f);
            return 1;
        }
        fclose(f);
        v[i] = (ns - ((long long)t0.tv_sec * 1000000000LL + t0.tv_nsec)) / 1e6;
        cpu[i] = cns / 1e6;
    }
    unlink(out);
    unsetenv("LD_PRELOAD");
    summary("startup", v, runs);
    summary("startup_cpu", cpu, runs);
    free(v);
    free(cpu);
    return 0;
}

static int exit_time(int runs, char **cmd)
{
    double *v = calloc((size_t)runs, sizeof *v);
    for (int i = 0; i < runs; i++) {
        double t0 = now_ms();
        int st = wait_child(spawn(cmd, 1), NULL);
        v[i] = now_ms() - t0;
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            fprintf(stderr, "pmbench: the command failed (status %d)\n", st);
            return 1;
        }
    }
    summary("exit", v, runs);
    free(v);
    return 0;
}

static int rss(char **cmd)
{
    struct rusage ru;
    double t0 = now_ms();
    int st = wait_child(spawn(cmd, 1), &ru);
    double wall = now_ms() - t0;
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        fprintf(stderr, "pmbench: the command failed (status %d)\n", st);
        return 1;
    }
    double cpu = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 + ru.ru_stime.tv_sec * 1e3 +
                 ru.ru_stime.tv_usec / 1e3;
    printf("rss %ld %.0f %.0f\n", ru.ru_maxrss, wall, cpu);
    return 0;
}

/* The process's Pss now, and its anonymous part (*anon_kb): the memory
 * that is its own alone, whatever else maps the same libraries. */
static long pss_kb(pid_t pid, long *anon_kb)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
    FILE *f = fopen(path, "r");
    long kb = -1, v;
    *anon_kb = -1;
    while (f && fgets(line, sizeof line, f)) {
        if (sscanf(line, "Pss: %ld kB", &v) == 1)
            kb = v;
        else if (sscanf(line, "Pss_Anon: %ld kB", &v) == 1)
            *anon_kb = v;
    }
    if (f)
        fclose(f);
    return kb;
}

static int pss(char **cmd)
{
    pid_t pid = spawn(cmd, 1);
    long peak = 0, anon_peak = 0, samples = 0;
    int status = 0;
    for (;;) {
        long anon = 0;
        long kb = pss_kb(pid, &anon);
        if (kb > peak)
            peak = kb;
        if (anon > anon_peak)
            anon_peak = anon;
        samples += kb >= 0;
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid)
            break;
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "pmbench: the command failed (status %d)\n", status);
        return 1;
    }
    printf("pss %ld %ld %ld\n", peak, samples, anon_peak);
    return 0;
}

static double realtime_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One browser run: exec to the page's first contentful paint, in ms, or -1. */
static double chromium_once(char **cmd)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    double t0 = realtime_ms();
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0); /* the browser's own processes go with it */
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(fds[1], 2);
        close(fds[0]);
        execvp(cmd[0], cmd);
        _exit(127);
    }
    close(fds[1]);
    FILE *f = fdopen(fds[0], "r");
    char line[4096];
    double got = -1;
    while (f && fgets(line, sizeof line, f)) {
        char *at = strstr(line, "PMBENCH_FCP ");
        if (!at)
            continue;
        double arrived = realtime_ms(), fcp = atof(at + 12);
        /* the page's own clock, unless it runs ahead of ours */
        got = (fcp > 0 && fcp <= arrived ? fcp : arrived) - t0;
        break;
    }
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
    if (f)
        fclose(f);
    wait_child(pid, NULL);
    return got;
}

static int chromium(int runs, char **cmd)
{
    if (chromium_once(cmd) < 0) { /* warm-up: the profile, the page cache */
        fprintf(stderr, "pmbench: the browser never reported a first contentful paint\n");
        return 1;
    }
    double *v = calloc((size_t)runs, sizeof *v);
    for (int i = 0; i < runs; i++)
        if ((v[i] = chromium_once(cmd)) < 0) {
            fprintf(stderr, "pmbench: the browser never reported a first contentful paint\n");
            free(v);
            return 1;
        }
    summary("chromium", v, runs);
    free(v);
    return 0;
}

/* CPU ticks of the whole process; context switches summed over threads. */
static void sample(pid_t pid, long long *ticks, long long *vol, long long *invol, int *threads)
{
    char path[128], buf[4096];
    *ticks = *vol = *invol = 0;
    *threads = 0;
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (f) {
        if (fgets(buf, sizeof buf, f)) {
            char *p = strrchr(buf, ')');
            unsigned long long ut = 0, stt = 0;
            /* fields after the command: state(3) ... utime(14) stime(15) */
            if (p && sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut,
                            &stt) == 2)
                *ticks = (long long)(ut + stt);
        }
        fclose(f);
    }
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char sp[300];
        snprintf(sp, sizeof sp, "/proc/%d/task/%s/status", (int)pid, e->d_name);
        FILE *s = fopen(sp, "r");
        if (!s)
            continue;
        (*threads)++;
        while (fgets(buf, sizeof buf, s)) {
            long long v;
            if (sscanf(buf, "voluntary_ctxt_switches: %lld", &v) == 1)
                *vol += v;
            else if (sscanf(buf, "nonvoluntary_ctxt_switches: %lld", &v) == 1)
                *invol += v;
        }
        fclose(s);
    }
    if (d)
        closedir(d);
}

static int idle(int seconds, char **cmd)
{
    pid_t pid = spawn(cmd, 1);
    sleep(2);
    long long t0, v0, i0, t1, v1, i1;
    int th;
    sample(pid, &t0, &v0, &i0, &th);
    double w0 = now_ms();
    sleep((unsigned)seconds);
    sample(pid, &t1, &v1, &i1, &th);
    double w1 = now_ms();
    kill(pid, SIGTERM);
    int st = wait_child(pid, NULL);
    (void)st;
    double cpu_ms = (t1 - t0) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
    printf("idle %.1f %.0f %lld %lld %d\n", (w1 - w0) / 1000, cpu_ms, v1 - v0, i1 - i0, th);
    return 0;
}

int main(int argc, char **argv)
{
    int sep = 0;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--") == 0) {
            sep = i;
            break;
        }
    if (argc < 3 || !sep || sep + 1 >= argc) {
        fprintf(stderr, "usage: pmbench startup RUNS SHIM -- CMD... | exit RUNS -- CMD... | "
                        "rss -- CMD... | pss -- CMD... | chromium RUNS -- CMD... | "
                        "idle SECONDS -- CMD...\n");
        return 2;
    }
    char **cmd = argv + sep + 1;
    if (strcmp(argv[1], "startup") == 0 && sep == 4)
        return startup(atoi(argv[2]), argv[3], cmd);
    if (strcmp(argv[1], "exit") == 0 && sep == 3)
        return exit_time(atoi(argv[2]), cmd);
    if (strcmp(argv[1], "rss") == 0 && sep == 2)
        return rss(cmd);
    if (strcmp(argv[1], "pss") == 0 && sep == 2)
        return pss(cmd);
    if (strcmp(argv[1], "chromium") == 0 && sep == 3)
        return chromium(atoi(argv[2]), cmd);
    if (strcmp(argv[1], "idle") == 0 && sep == 3)
        return idle(atoi(argv[2]), cmd);
    fprintf(stderr, "pmbench: bad arguments\n");
    return 2;
}
