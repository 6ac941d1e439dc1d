/* powercut.c — pm_powercut: kills a saving program with SIGKILL at seeded
 * random instants, thousands of times, and checks the state folder after
 * every kill (tests/powercut/README.md says why and how).
 *
 *   pm_powercut --data DIR --work DIR --saver BIN [options]
 *       kills pm_powercut_saver (the core's save path in a tight loop) at a
 *       uniformly random instant within --window-ms after it is ready;
 *   pm_powercut --data DIR --work DIR --kiosk BIN --walk FILE [options]
 *       kills the real kiosk running the replay FILE (a few whole intakes):
 *       most kills fall at a random instant inside a save (the save is
 *       noticed when its first temporary file appears, through inotify),
 *       the others at a random instant of the whole run.
 * options:
 *   --kills N        how many kills (default 100)
 *   --seed N         the seed of every random choice (default 1)
 *   --series N       kills sharing one state folder before it is checked
 *                    after a clean start and thrown away (default 20)
 *   --window-ms N    saver: kill within N ms of ready (default 300)
 *   --next-start-cleans  kiosk: the next start must remove the temporary
 *                    files a kill left (store_clean_temp) and make missing
 *                    pages again (store_missing_html); otherwise that is
 *                    only reported
 *   --keep           keep the state folders
 *   --sealed CONFIG PASSPHRASE  intakes sealed at rest: the program runs with
 *                    the painmap.conf CONFIG (its key lines), and the checks
 *                    open every record and page with its key and require
 *                    every one of them sealed. The kiosk's next start cannot
 *                    make a sealed record's page (that waits for staff to
 *                    unlock), so a missing page is only counted then.
 *
 * After every kill: every record and page is whole or absent, a page never
 * stands without its record, and every save the program reported done is
 * there and valid (state_check.h). Temporary files are allowed right after
 * a kill. At the end of each series the program is started once more with
 * nothing to do (the next start); then no temporary file may remain and
 * every record has its page. Exit 0 when everything held. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "state_check.h"

static uint64_t rng_state;

static uint64_t rnd64(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static double rnd01(void)
{
    return (double)(rnd64() >> 11) / 9007199254740992.0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void sleep_ms(double ms)
{
    if (ms <= 0)
        return;
    struct timespec ts = {(time_t)(ms / 1000), (long)((ms - (time_t)(ms / 1000) * 1000) * 1e6)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

typedef struct {
    const char *data, *work, *saver, *kiosk, *walk;
    long kills, series;
    unsigned long long seed;
    double window_ms;
    bool next_start_cleans, keep;
    const char *config, *passphrase; /* --sealed */
    seal_secret *key;
} opts;

typedef struct {
    pid_t pid;
    int out;    /* the child's log (saver: stdout, kiosk: stderr) */
} child;

/* Starts argv with its log on a pipe (nonblocking), the rest to /dev/null. */
static bool spawn(char *const argv[], bool log_is_stderr, child *c)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0)
        return false;
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(log_is_stderr ? null : p[1], 1);
        dup2(log_is_stderr ? p[1] : 2, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    close(p[1]);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    c->pid = pid;
    c->out = p[0];
    return true;
}

typedef struct {
    char *s;
    size_t n, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *t = realloc(b->s, cap);
        if (!t) {
            fprintf(stderr, "powercut: out of memory\n");
            exit(2);
        }
        b->s = t;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

/* Reads what is there now; returns false at end of file. */
static bool drain(int fd, buf *b)
{
    char tmp[4096];
    for (;;) {
        ssize_t r = read(fd, tmp, sizeof tmp);
        if (r > 0) {
            buf_add(b, tmp, (size_t)r);
            continue;
        }
        if (r < 0 && errno == EINTR)
            continue;
        return !(r == 0);
    }
}

/* Waits for the child to end (it was killed or finished); reads all it said. */
static int finish(child *c, buf *log)
{
    int status = 0;
    while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR) {
    }
    int fl = fcntl(c->out, F_GETFL);
    fcntl(c->out, F_SETFL, fl & ~O_NONBLOCK);
    drain(c->out, log);
    close(c->out);
    return status;
}

static void rmtree(const char *path)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    if (system(cmd) != 0)
        fprintf(stderr, "powercut: could not remove %s\n", path);
}

typedef struct {
    long kills, runs_with_temps, runs_missing_page, saves_reported, saves_completed_runs;
    long inside_save, anywhere, problems, records_max;
} stats;

static bool check(const opts *op, const pm_content *c, const char *state, const char *log,
                  bool after_start, bool strict_start, const char *what, stats *st,
                  sc_result *out)
{
    /* a sealed record's page waits for staff on the kiosk; the saver unlocks */
    bool pages = after_start && strict_start && !(op->key && op->kiosk);
    sc_opts o = {.allow_temps = !(after_start && strict_start),
                 .require_pages = pages,
                 .saved_log = log, .what = what, .key = op->key,
                 .require_sealed = op->key != NULL};
    sc_result r;
    int bad = sc_check(c, state, &o, &r);
    if (after_start && !strict_start && (r.temps || r.missing_pages))
        printf("%s: note: after the next start %d temporary file%s and %d record%s without "
               "page remain (the kiosk does not clean up at start)\n",
               what, r.temps, r.temps == 1 ? "" : "s", r.missing_pages,
               r.missing_pages == 1 ? "" : "s");
    st->problems += bad;
    if (r.records > st->records_max)
        st->records_max = r.records;
    if (out)
        *out = r;
    return bad == 0;
}

/* ---- the saver ------------------------------------------------------------ */

static bool wait_ready(child *c, buf *log, double timeout_ms)
{
    double until = now_ms() + timeout_ms;
    while (!strstr(log->s ? log->s : "", "ready")) {
        struct pollfd p = {c->out, POLLIN, 0};
        double left = until - now_ms();
        if (left <= 0)
            return false;
        poll(&p, 1, (int)left + 1);
        if (!drain(c->out, log) && !strstr(log->s ? log->s : "", "ready"))
            return false;
    }
    return true;
}

static int run_saver(const opts *o, const pm_content *c, stats *st)
{
    char state[4096], seed[32];
    long series_no = 0;
    for (long k = 0; k < o->kills; k++) {
        if (k % o->series == 0) {
            snprintf(state, sizeof state, "%s/saver-%llu-%ld", o->work, o->seed, series_no++);
            rmtree(state);
        }
        snprintf(seed, sizeof seed, "%llu", o->seed * 100000 + (unsigned long long)k);
        char *argv[] = {(char *)o->saver, "--data", (char *)o->data, "--state", state, "--seed",
                        seed, o->config ? "--config" : NULL, (char *)o->config,
                        "--passphrase", (char *)o->passphrase, NULL};
        child ch;
        buf log = {0};
        if (!spawn(argv, false, &ch)) {
            perror("powercut: spawn");
            return 2;
        }
        if (!wait_ready(&ch, &log, 60000)) {
            kill(ch.pid, SIGKILL);
            finish(&ch, &log);
            fprintf(stderr, "powercut: the saver did not start: %s\n", log.s ? log.s : "");
            return 2;
        }
        double delay = rnd01() * o->window_ms;
        sleep_ms(delay);
        kill(ch.pid, SIGKILL);
        int status = finish(&ch, &log);
        st->kills++;
        if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {
            fprintf(stderr, "powercut: kill %ld: the saver ended by itself (status %d):\n%s\n", k,
                    status, log.s ? log.s : "");
            st->problems++;
        }
        char what[64];
        snprintf(what, sizeof what, "saver kill %ld (%.1f ms)", k, delay);
        sc_result r;
        check(o, c, state, log.s, false, true, what, st, &r);
        st->runs_with_temps += r.temps > 0;
        st->runs_missing_page += r.missing_pages > 0;
        st->saves_reported += r.logged;
        free(log.s);
        if ((k + 1) % o->series == 0 || k + 1 == o->kills) {
            /* the next start: cleans up, makes missing pages; nothing else */
            char *argv0[] = {(char *)o->saver, "--data", (char *)o->data, "--state", state,
                             "--count", "0", o->config ? "--config" : NULL, (char *)o->config,
                             "--passphrase", (char *)o->passphrase, NULL};
            buf l0 = {0};
            if (!spawn(argv0, false, &ch))
                return 2;
            finish(&ch, &l0);
            snprintf(what, sizeof what, "saver series %ld, after the next start", series_no - 1);
            check(o, c, state, NULL, true, true, what, st, NULL);
            free(l0.s);
            if (!o->keep)
                rmtree(state);
        }
        if ((k + 1) % 100 == 0)
            printf("powercut: %ld kills, %ld problems so far\n", k + 1, st->problems);
        fflush(stdout);
    }
    return 0;
}

/* ---- the kiosk ------------------------------------------------------------ */

typedef struct {
    double total_ms;    /* a whole run without a kill */
    double save_ms;     /* from the first temporary file to the last page */
    int saves;          /* saves in one run */
} calib;

/* Runs the kiosk; kills it at kill_at ms after start (<0: never), or when
 * the nth save starts (nth >= 1) plus after_ms. Watches the folder to
 * measure saves. Returns the wait status. */
static int run_kiosk_once(const opts *o, const char *state, double kill_at, int nth,
                          double after_ms, buf *log, calib *cal, bool *in_save)
{
    char intakes[4200];
    snprintf(intakes, sizeof intakes, "%s/intakes", state);
    mkdir(state, 0750);
    mkdir(intakes, 0750);
    int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (in < 0 || inotify_add_watch(in, intakes, IN_CREATE | IN_MOVED_TO) < 0) {
        perror("powercut: inotify");
        exit(2);
    }
    char *argv[] = {(char *)o->kiosk, "--replay", (char *)o->walk, "--state", (char *)state,
                    o->config ? "--config" : NULL, (char *)o->config, NULL};
    child ch;
    double t0 = now_ms();
    if (!spawn(argv, true, &ch)) {
        perror("powercut: spawn");
        exit(2);
    }
    int saves = 0;
    double save_start = 0, deadline = kill_at >= 0 ? t0 + kill_at : -1, save_sum = 0;
    bool killed = false, open_save = false, eof = false;
    *in_save = false;
    while (!killed && !eof) {
        double now = now_ms();
        int timeout = 1000;
        if (deadline >= 0) {
            if (now >= deadline) {
                kill(ch.pid, SIGKILL);
                killed = true;
                *in_save = open_save;
                break;
            }
            timeout = (int)(deadline - now) + 1;
            if (timeout > 1000)
                timeout = 1000;
        }
        struct pollfd p[2] = {{ch.out, POLLIN, 0}, {in, POLLIN, 0}};
        if (poll(p, 2, deadline >= 0 && deadline - now < 2 ? 0 : timeout) < 0 && errno != EINTR)
            break;
        if (p[0].revents)
            eof = !drain(ch.out, log);
        if (p[1].revents) {
            char evbuf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
            ssize_t n = read(in, evbuf, sizeof evbuf);
            double t = now_ms();
            for (char *q = evbuf; n > 0 && q < evbuf + n;) {
                struct inotify_event *e = (struct inotify_event *)q;
                q += sizeof *e + e->len;
                const char *name = e->len ? e->name : "";
                bool tmp_json = (e->mask & IN_CREATE) && strncmp(name, ".tmp-", 5) == 0 &&
                                strstr(name, ".json");
                bool page_done = (e->mask & IN_MOVED_TO) && strstr(name, ".html") &&
                                 name[0] != '.';
                if (tmp_json && !open_save) {
                    open_save = true;
                    save_start = t;
                    saves++;
                    if (nth > 0 && saves == nth && deadline < 0)
                        deadline = t + after_ms;
                } else if (page_done && open_save) {
                    open_save = false;
                    save_sum += t - save_start;
                }
            }
        }
    }
    if (!killed && deadline < 0) {
        /* ran to the end */
    }
    int status = finish(&ch, log);
    close(in);
    if (cal) {
        cal->total_ms = now_ms() - t0;
        cal->saves = saves;
        cal->save_ms = saves ? save_sum / saves : 0;
    }
    return status;
}

static int run_kiosk(const opts *o, const pm_content *c, stats *st)
{
    char state[4096], quit[4200];
    snprintf(quit, sizeof quit, "%s/next-start.replay", o->work);
    FILE *qf = fopen(quit, "w");
    if (!qf || fputs("# the next start: nothing but starting\nquit\n", qf) < 0 || fclose(qf)) {
        perror(quit);
        return 2;
    }
    /* calibrate: one whole run */
    snprintf(state, sizeof state, "%s/kiosk-%llu-calibrate", o->work, o->seed);
    rmtree(state);
    buf log = {0};
    calib cal = {0};
    bool in_save;
    int status = run_kiosk_once(o, state, -1, 0, 0, &log, &cal, &in_save);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || cal.saves == 0) {
        fprintf(stderr, "powercut: the walk does not run through (status %d, %d saves):\n%s\n",
                status, cal.saves, log.s ? log.s : "");
        return 2;
    }
    check(o, c, state, log.s, false, true, "kiosk calibration", st, NULL);
    free(log.s);
    rmtree(state);
    printf("powercut: kiosk: one run %.0f ms, %d saves, a save %.1f ms (first temporary file "
           "to last page)\n", cal.total_ms, cal.saves, cal.save_ms);
    long series_no = 0;
    for (long k = 0; k < o->kills; k++) {
        if (k % o->series == 0) {
            snprintf(state, sizeof state, "%s/kiosk-%llu-%ld", o->work, o->seed, series_no++);
            rmtree(state);
        }
        log = (buf){0};
        bool targeted = rnd01() < 0.75;
        double at = -1, after = 0;
        int nth = 0;
        if (targeted) {
            nth = 1 + (int)(rnd64() % (uint64_t)cal.saves);
            after = rnd01() * cal.save_ms * 1.25;
        } else {
            at = rnd01() * cal.total_ms;
        }
        status = run_kiosk_once(o, state, at, nth, after, &log, NULL, &in_save);
        st->kills++;
        if (targeted)
            st->inside_save++;
        else
            st->anywhere++;
        bool ended = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (!ended && !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {
            fprintf(stderr, "powercut: kiosk run %ld ended badly (status %d):\n%s\n", k, status,
                    log.s ? log.s : "");
            st->problems++;
        }
        char what[96];
        snprintf(what, sizeof what, "kiosk kill %ld (%s %.1f ms)", k,
                 targeted ? "inside a save, after" : "anywhere, at", targeted ? after : at);
        sc_result r;
        check(o, c, state, log.s, false, true, what, st, &r);
        st->runs_with_temps += r.temps > 0;
        st->runs_missing_page += r.missing_pages > 0;
        st->saves_reported += r.logged;
        free(log.s);
        if ((k + 1) % o->series == 0 || k + 1 == o->kills) {
            char *argv0[] = {(char *)o->kiosk, "--replay", quit, "--state", state,
                             o->config ? "--config" : NULL, (char *)o->config, NULL};
            child ch;
            buf l0 = {0};
            if (!spawn(argv0, true, &ch))
                return 2;
            int s0 = finish(&ch, &l0);
            if (!WIFEXITED(s0) || WEXITSTATUS(s0) != 0) {
                fprintf(stderr, "powercut: the next start failed (status %d):\n%s\n", s0,
                        l0.s ? l0.s : "");
                st->problems++;
            }
            snprintf(what, sizeof what, "kiosk series %ld, after the next start", series_no - 1);
            check(o, c, state, NULL, true, o->next_start_cleans, what, st, NULL);
            free(l0.s);
            if (!o->keep)
                rmtree(state);
        }
        if ((k + 1) % 10 == 0)
            printf("powercut: %ld kiosk kills, %ld problems so far\n", k + 1, st->problems);
        fflush(stdout);
    }
    return 0;
}

int main(int argc, char **argv)
{
    opts o = {.kills = 100, .series = 20, .seed = 1, .window_ms = 300};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--data") == 0 && has)
            o.data = argv[++i];
        else if (strcmp(a, "--work") == 0 && has)
            o.work = argv[++i];
        else if (strcmp(a, "--saver") == 0 && has)
            o.saver = argv[++i];
        else if (strcmp(a, "--kiosk") == 0 && has)
            o.kiosk = argv[++i];
        else if (strcmp(a, "--walk") == 0 && has)
            o.walk = argv[++i];
        else if (strcmp(a, "--kills") == 0 && has)
            o.kills = atol(argv[++i]);
        else if (strcmp(a, "--series") == 0 && has)
            o.series = atol(argv[++i]);
        else if (strcmp(a, "--seed") == 0 && has)
            o.seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--window-ms") == 0 && has)
            o.window_ms = atof(argv[++i]);
        else if (strcmp(a, "--next-start-cleans") == 0)
            o.next_start_cleans = true;
        else if (strcmp(a, "--keep") == 0)
            o.keep = true;
        else if (strcmp(a, "--sealed") == 0 && i + 2 < argc) {
            o.config = argv[++i];
            o.passphrase = argv[++i];
        }
        else {
            fprintf(stderr, "pm_powercut: unknown or incomplete argument '%s' (see the comment "
                            "at the top of tests/powercut/powercut.c)\n", a);
            return 2;
        }
    }
    if (!o.data || !o.work || (!o.saver == !o.kiosk) || (o.kiosk && !o.walk) || o.kills < 1 ||
        o.series < 1) {
        fprintf(stderr, "usage: pm_powercut --data DIR --work DIR (--saver BIN | --kiosk BIN "
                        "--walk FILE) [--kills N] [--seed N] [--series N] [--window-ms N] "
                        "[--next-start-cleans] [--keep]\n");
        return 2;
    }
    rng_state = o.seed * 0x9E3779B97F4A7C15ULL + 7;
    mkdir(o.work, 0755);
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    if (content_load(o.data, &c, &problems) != PM_OK) {
        for (size_t i = 0; i < problems.count; i++)
            fprintf(stderr, "%s\n", problems.items[i]);
        pm_msgs_free(&problems);
        return 2;
    }
    pm_msgs_free(&problems);
    if (o.config && !(o.key = sc_unlock(o.config, o.passphrase))) {
        content_free(c);
        return 2;
    }
    stats st = {0};
    double t0 = now_ms();
    int rc = o.saver ? run_saver(&o, c, &st) : run_kiosk(&o, c, &st);
    seal_secret_free(o.key);
    content_free(c);
    if (rc)
        return rc;
    printf("powercut: %s%s, seed %llu: %ld kills", o.saver ? "saver" : "kiosk",
           o.key ? " (sealed at rest)" : "", o.seed, st.kills);
    if (o.kiosk)
        printf(" (%ld inside a save, %ld anywhere)", st.inside_save, st.anywhere);
    printf("; %ld left a temporary file, %ld a record without its page; %ld saves reported done "
           "and found whole; %.0f s; %ld problem%s\n",
           st.runs_with_temps, st.runs_missing_page, st.saves_reported,
           (now_ms() - t0) / 1000, st.problems, st.problems == 1 ? "" : "s");
    return st.problems ? 1 : 0;
}
