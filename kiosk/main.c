/* main.c — arguments → config → content → app; nothing else.
 *
 * Modes:
 *   painmap --check-data DIR [--stamp]
 *                                 validate a content folder, list every problem
 *                                 (including text that does not fit its box);
 *                                 --stamp: when clean, write DIR/CHECKED, which
 *                                 lets start-up skip the checks (content.h)
 *   painmap --rank [--data DIR] REGION_ID...
 *                                 the referral patterns that look most like pain
 *                                 in these regions, best first, with their scores
 *   painmap [options]             run the kiosk in a window (or fullscreen)
 *   painmap --replay FILE [opts]  run a replay script headless (the test interface)
 *   painmap --demo OUTDIR [opts]  the scripted walk-through: screenshots + summary
 *   painmap --check-layout [opts] every screen, language and size: does text fit?
 *   painmap --compare A.png B.png compare two screenshots as goldens are compared
 *   painmap --flow-budget [--size WxH] [--data DIR]
 *                                 the walk-through's budget: screens, taps, words
 *                                 and time of a typical and a heavy client
 *   painmap --check-config FILE   print every problem in a painmap.conf
 *   painmap --config-get FILE KEY the value the kiosk uses for KEY (display)
 *   painmap --seal-pin FILE       replace a plain staff_pin in FILE by its hash
 * (The last three are what the SD image's painmap-bootconf runs at boot.)
 *
 * The kiosk is ui/app.h; the test modes come from the test kit
 * (kiosk/testkit: driver.h, png.h), linked in but no part of the kiosk.
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "platform/journal.h"
#include "platform/paths.h"
#include "budget.h"
#include "config.h"
#include "content.h"
#include "pin.h"
#include "seal.h"
#include "seal_setup.h"
#include "ranking.h"
#include "textkeys.h"
#include "driver.h"
#include "png.h"
#include "ui/app.h"

/* Every screen size the kiosk is built for: the smallest panel first. */
#define LAYOUT_SIZES "800x480,1280x800,720x1280,1024x600,1920x1080,480x800,600x1024,1080x1920"

/* painmap --check-data DIR [--stamp]: every one of the content's own checks
 * (whatever its stamp says), then (when those pass) whether every string of
 * every language fits its box at every size, walked headless; then whether
 * DIR/CHECKED vouches for these bytes, or (--stamp) writes it. 0: usable;
 * 1: problems; 2: the fit could not be checked. */
static int check_data(const char *dir, bool stamp)
{
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    pm_status st = content_load_mode(dir, CONTENT_CHECK_ALL, &c, &problems);
    if (st == PM_OK && content_check_program_texts(c, textkeys_program, textkeys_program_count,
                                                   &problems)) {
        content_free(c);
        st = PM_ERR_INVALID;
    }
    int fit = 0;
    if (st == PM_OK) {
        /* Nothing is shown: always the dummy driver, whatever the shell
         * says (on the kiosk itself SDL_VIDEODRIVER may name the panel). */
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);
        setenv("SDL_NO_SIGNAL_HANDLERS", "1", 0);
        app_options o = {.headless = true, .data_dir = dir,
                         .font_dir = getenv("PAINMAP_FONT_DIR")};
        int walks = 0;
        fit = layout_check_run(&o, LAYOUT_SIZES, &problems, &walks);
    }
    for (size_t i = 0; i < problems.count; i++)
        printf("%s\n", problems.items[i]);
    int rc = 0;
    if (st == PM_OK && fit == 0) {
        char line[256];
        content_summary_line(c, line, sizeof line);
        printf("%s\n", line);
        /* the stamp that lets start-up skip these checks (content.h) */
        pm_msg err = {{0}};
        if (content_stamp_current(c, dir))
            printf("checked-content stamp: %s/%s is current\n", dir, CONTENT_STAMP_FILE);
        else if (!stamp)
            printf("checked-content stamp: %s/%s is missing or stale, so the kiosk checks "
                   "everything at each start; painmap --check-data %s --stamp writes it\n",
                   dir, CONTENT_STAMP_FILE, dir);
        else if (content_write_stamp(c, dir, &err) == PM_OK)
            printf("checked-content stamp: wrote %s/%s\n", dir, CONTENT_STAMP_FILE);
        else
            printf("checked-content stamp: not written: %s\n", err.text);
    } else if (st == PM_OK && fit < 0) {
        printf("data not fully checked: whether its text fits could not be checked (see above)\n");
        rc = 2;
    } else {
        printf("data has %zu problem%s: %s is not usable until they are fixed\n",
               problems.count, problems.count == 1 ? "" : "s", dir);
        rc = 1;
    }
    if (st == PM_OK)
        content_free(c);
    pm_msgs_free(&problems);
    return rc;
}

/* The sizes --flow-budget reports when no --size is given. */
#define BUDGET_SIZES "800x480,1280x800,720x1280"

/* One page of the typical walk: what the client reads and taps there. */
static void budget_page(void *ctx, pm_screen s, int page, int words, int taps)
{
    (void)ctx;
    printf("    %-11s page %d: %3d words, %2d taps\n", content_screen_name(s), page, words, taps);
}

/* painmap --flow-budget: the scripted clients (core/intake/budget.h) at each
 * size, one line a case. 1 when the typical client misses the goal at any
 * size, 2 when the content cannot be loaded or walked. */
static int flow_budget(const char *dir, const char *sizes, const char *lang_code)
{
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    if (content_load(dir, &c, &problems) != PM_OK) {
        for (size_t i = 0; i < problems.count; i++)
            fprintf(stderr, "%s\n", problems.items[i]);
        fprintf(stderr, "flow-budget: the content in %s cannot be loaded\n", dir);
        pm_msgs_free(&problems);
        return 2;
    }
    pm_msgs_free(&problems);
    int lang = lang_code ? content_lang_index(c, lang_code) : 0;
    if (lang < 0) {
        fprintf(stderr, "flow-budget: no language '%s' in %s\n", lang_code, dir);
        content_free(c);
        return 2;
    }
    printf("reading model: %d words a minute, %.1f s a tap (a key, a stroke); each text read "
           "once; from welcome to the saved intake\n",
           BUDGET_WPM, BUDGET_TAP_MS / 1000.0);
    printf("goal for the typical client: at most %d screens, %d taps, %d:%02d\n",
           BUDGET_GOAL_SCREENS, BUDGET_GOAL_TAPS, BUDGET_GOAL_SECONDS / 60,
           BUDGET_GOAL_SECONDS % 60);
    char list[256];
    snprintf(list, sizeof list, "%s", sizes);
    int rc = 0;
    for (char *save = NULL, *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        int w = 0, h = 0;
        if (sscanf(tok, "%dx%d", &w, &h) != 2 || w < 320 || h < 240) {
            fprintf(stderr, "flow-budget: bad size '%s' (want WxH)\n", tok);
            rc = 2;
            break;
        }
        flow_layout layout = flow_layout_for_size(w, h, false);
        for (int k = BUDGET_TYPICAL; k <= BUDGET_HEAVY; k++) {
            budget_result r;
            char why[256];
            if (budget_walk(c, layout, (budget_case)k, lang, &r, why, sizeof why) != PM_OK) {
                fprintf(stderr, "flow-budget: %s\n", why);
                rc = 2;
                continue;
            }
            bool ok = budget_meets_goal(&r);
            printf("%s %dx%d: %d screens, %d taps, %d words, %d:%02d (%s; %d safety screens; "
                   "%d pages to read while waiting)%s\n",
                   budget_case_name((budget_case)k), w, h, r.screens, r.taps, r.words,
                   r.seconds / 60, r.seconds % 60, layout == FLOW_ROOMY ? "roomy" : "compact",
                   r.safety_screens, r.reading_pages,
                   k == BUDGET_TYPICAL ? (ok ? " ok" : " MISSES THE GOAL") : "");
            if (k == BUDGET_TYPICAL && !ok && rc == 0)
                rc = 1;
            if (k == BUDGET_TYPICAL) /* page by page (the last page, review, ends with the save) */
                budget_walk_traced(c, layout, (budget_case)k, lang, &r, why, sizeof why,
                                   budget_page, NULL);
        }
    }
    content_free(c);
    return rc;
}

/* painmap --compare A B: 0 when they are the same picture by the golden
 * rule (or the given tolerance and budget), 1 when not, 2 when they cannot
 * be compared. A picture of the differences only where --diff says. */
static int compare_pngs(const char *a, const char *b, int tolerance, long budget, const char *diff)
{
    png_rule rule = png_golden_rule();
    if (tolerance >= 0)
        rule.tolerance = tolerance;
    if (budget >= 0)
        rule.budget = budget;
    png_diff d;
    char why[512] = "", said[512];
    if (png_compare(a, b, rule.tolerance, diff, &d, why, sizeof why) != 0) {
        fprintf(stderr, "compare: %s\n", why);
        return 2;
    }
    png_describe(&d, &rule, a, b, said, sizeof said);
    bool same = png_same(&d, &rule);
    printf("compare: %s: %s%s%s\n", same ? "the same" : "different", said,
           d.differ && diff ? "; see " : "", d.differ && diff ? diff : "");
    return same ? 0 : 1;
}

static const char *default_dir(const char *src_sub, const char *installed);

/* painmap --rank [--data DIR] REGION_ID...: the kiosk's own ranking
 * (ranking.h) for these marks, one "muscle_id score" line per pattern, best
 * first: what the tests, content editors and curious therapists use to see
 * why a pattern comes where it does. 0: ranked; 1: the content is not
 * usable; 2: wrong arguments. */
static int rank_regions(int argc, char **argv)
{
    const char *dir = NULL;
    if (argc >= 2 && strcmp(argv[0], "--data") == 0) {
        dir = argv[1];
        argc -= 2;
        argv += 2;
    }
    if (argc < 1) {
        fprintf(stderr, "painmap: --rank wants one or more region ids, e.g. "
                        "painmap --rank temple_l neck_back_l\n");
        return 2;
    }
    if (!dir)
        dir = default_dir("data", PAINMAP_INSTALL_DATA);
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    if (content_load(dir, &c, &problems) != PM_OK) {
        for (size_t i = 0; i < problems.count; i++)
            fprintf(stderr, "%s\n", problems.items[i]);
        fprintf(stderr, "painmap: %s is not usable (painmap --check-data %s says more)\n", dir,
                dir);
        pm_msgs_free(&problems);
        return 1;
    }
    pm_msgs_free(&problems);
    int regions[CONTENT_MAX_REGIONS];
    size_t n = 0;
    int rc = 0;
    for (int i = 0; i < argc; i++) {
        int r = content_region_index(c, argv[i]);
        if (r < 0) {
            fprintf(stderr, "painmap: no region '%s' in %s/regions.json\n", argv[i], dir);
            rc = 2;
        } else if (n < CONTENT_MAX_REGIONS) {
            regions[n++] = r;
        }
    }
    if (rc == 0) {
        ranking_entry ranked[CONTENT_MAX_MUSCLES];
        size_t got = ranking_rank(c, regions, n, ranked, CONTENT_MAX_MUSCLES);
        for (size_t i = 0; i < got; i++)
            printf("%s %d\n", content_muscle(c, (size_t)ranked[i].muscle)->id, ranked[i].score);
    }
    content_free(c);
    return rc;
}

/* Reads one line from stdin without echo when it is a terminal. */
static bool read_secret(const char *prompt, char *buf, size_t size)
{
    struct termios old, quiet;
    bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        fprintf(stderr, "%s", prompt);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    bool ok = fgets(buf, (int)size, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fprintf(stderr, "\n");
    }
    if (ok)
        buf[strcspn(buf, "\r\n")] = '\0';
    return ok;
}

/* painmap --hash-pin: prints the config line for a staff PIN (never the PIN). */
static int hash_pin(void)
{
    char pin[64] = "", again[64] = "", line[PIN_LINE_MAX];
    unsigned char rnd[PIN_RANDOM_BYTES];
    int rc = 1;
    if (!read_secret("Staff PIN (4 to 8 digits): ", pin, sizeof pin) || !pin_valid(pin)) {
        fprintf(stderr, "painmap: a staff PIN is 4 to 8 digits; nothing was printed\n");
    } else if (!read_secret("The same PIN again: ", again, sizeof again) ||
               strcmp(pin, again) != 0) {
        fprintf(stderr, "painmap: the two PINs differ; nothing was printed\n");
    } else if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) {
        fprintf(stderr, "painmap: cannot get random bytes for the salt; try again\n");
    } else {
        pm_msg err = {{0}};
        if (pin_hash_line(pin, rnd, line, sizeof line, &err) == PM_OK) {
            printf("%s\n", line);
            fprintf(stderr, "painmap: paste that line into painmap.conf\n");
            rc = 0;
        } else {
            fprintf(stderr, "painmap: %s\n", err.text);
        }
    }
    explicit_bzero(pin, sizeof pin);
    explicit_bzero(again, sizeof again);
    explicit_bzero(rnd, sizeof rnd);
    return rc;
}

/* painmap --new-passphrase: a staff passphrase of SEAL_PASS_GEN_LETTERS
 * letters chosen at random (seal.h). */
static int new_passphrase(void)
{
    unsigned char rnd[SEAL_PASS_RANDOM_BYTES];
    char p[32];
    if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) {
        fprintf(stderr, "painmap: cannot get random bytes; try again\n");
        return 1;
    }
    seal_passphrase_make(rnd, p);
    printf("%s\n", p);
    fprintf(stderr, "painmap: write it down and keep it safe; put it in painmap.conf as\n"
                    "  staff_passphrase = %s\n"
                    "painmap: without it the intakes on the kiosk cannot be read\n",
            p);
    explicit_bzero(rnd, sizeof rnd);
    explicit_bzero(p, sizeof p);
    return 0;
}

static double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The Argon2id passes that take about a second here at SEAL_MEM_KIB (at
 * least SEAL_OPS_MIN): the set-up runs on the kiosk, so the kiosk unlocks
 * in about a second and a guess costs an attacker the same work. */
static uint32_t calibrate_ops(void)
{
    double t0 = seconds_now();
    if (seal_kdf_once(SEAL_OPS_MIN, SEAL_MEM_KIB) != PM_OK)
        return SEAL_OPS_MIN;
    double per_pass = (seconds_now() - t0) / SEAL_OPS_MIN;
    double want = per_pass > 0 ? 1.0 / per_pass : SEAL_OPS_MIN;
    uint32_t ops = want < SEAL_OPS_MIN ? SEAL_OPS_MIN
                   : want > SEAL_OPS_MAX ? SEAL_OPS_MAX
                                         : (uint32_t)(want + 0.5);
    fprintf(stderr, "painmap: Argon2id here: %.2f s a pass at %u MiB; %u passes\n", per_pass,
            SEAL_MEM_KIB / 1024, ops);
    return ops;
}

/* Writes text to path atomically (beside it, synced, renamed, the folder
 * synced), keeping path's mode. */
static bool write_file_atomic(const char *path, const char *text)
{
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.new", path);
    struct stat st;
    mode_t mode = stat(path, &st) == 0 ? st.st_mode & 07777 : 0600;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd < 0)
        return false;
    size_t len = strlen(text), at = 0;
    while (at < len) {
        ssize_t n = write(fd, text + at, len - at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            close(fd);
            unlink(tmp);
            return false;
        }
        at += (size_t)n;
    }
    if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
        unlink(tmp);
        return false;
    }
    char dir[1100];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    int dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    return true;
}

/* painmap --seal-passphrase FILE [--kdf OPS:KIB]: a staff_passphrase line
 * of painmap.conf becomes the intake key lines (seal_setup.h); the image
 * runs this at boot. --kdf sets the Argon2id cost instead of measuring it
 * (for tests). 0 when done or nothing to do, 1 when FILE cannot be read or
 * written. */
static int seal_passphrase(const char *path, const char *kdf)
{
    pm_msg err = {{0}};
    if (seal_ready(&err) != PM_OK) {
        fprintf(stderr, "painmap: %s\n", err.text);
        return 1;
    }
    FILE *f = fopen(path, "rb");
    char *text = f ? calloc(1, 64 * 1024 + 1) : NULL;
    size_t n = text ? fread(text, 1, 64 * 1024, f) : 0;
    if (f)
        fclose(f);
    if (!text) {
        fprintf(stderr, "painmap: cannot read %s (%s)\n", path, strerror(errno));
        return 1;
    }
    text[n] = '\0';
    config_line probe[1];
    int rc = 0;
    if (!config_find_lines(text, "staff_passphrase", probe, 1)) {
        fprintf(stderr, "painmap: %s: no staff_passphrase line; nothing to do\n", path);
    } else {
        uint32_t ops = SEAL_OPS_MIN, kib = SEAL_MEM_KIB;
        unsigned long a, b;
        if (kdf && sscanf(kdf, "%lu:%lu", &a, &b) == 2) {
            ops = (uint32_t)a;
            kib = (uint32_t)b;
        } else {
            ops = calibrate_ops();
        }
        seal_setup_random rnd;
        char *out = NULL;
        seal_setup_result result;
        if (getrandom(&rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) {
            fprintf(stderr, "painmap: cannot get random bytes; nothing was changed\n");
            rc = 1;
        } else if (seal_setup_config(text, &rnd, ops, kib, &out, &result, &err) != PM_OK) {
            fprintf(stderr, "painmap: %s: %s; nothing was changed\n", path, err.text);
            rc = 1;
        } else if (out && !write_file_atomic(path, out)) {
            fprintf(stderr, "painmap: cannot write %s (%s); it still holds the passphrase\n",
                    path, strerror(errno));
            rc = 1;
        } else {
            fprintf(stderr, "painmap: %s: %s\n", path, err.text);
        }
        if (out) {
            explicit_bzero(out, strlen(out));
            free(out);
        }
        explicit_bzero(&rnd, sizeof rnd);
    }
    explicit_bzero(text, n);
    free(text);
    return rc;
}

/* Random bytes for a PIN's salt; false (and a message) when there are none. */
static bool salt_random(unsigned char rnd[PIN_RANDOM_BYTES])
{
    if (getrandom(rnd, PIN_RANDOM_BYTES, 0) == (ssize_t)PIN_RANDOM_BYTES)
        return true;
    fprintf(stderr, "painmap: cannot get random bytes for the salt (%s); try again\n",
            strerror(errno));
    return false;
}

/* A plain staff_pin from painmap.conf: hashed now, in memory, so the PIN
 * pad works the same as with a hash line (the image also replaces the line
 * on the card at boot: --seal-pin). The digits are wiped either way. */
static void hash_plain_pin(pm_config *cfg)
{
    if (!cfg->staff_pin_plain[0])
        return;
    unsigned char rnd[PIN_RANDOM_BYTES];
    char h[PIN_HASH_MAX];
    pm_msg err = {{0}};
    if (salt_random(rnd) &&
        pin_hash(cfg->staff_pin_plain, rnd, h, sizeof h, &err) == PM_OK)
        snprintf(cfg->staff_pin_hash, sizeof cfg->staff_pin_hash, "%s", h);
    else
        journal_log(JOURNAL_ERR, "staff_pin could not be used (%s); staff mode %s", err.text,
                    cfg->staff_pin_hash[0] ? "uses staff_pin_hash" : "stays locked");
    explicit_bzero(cfg->staff_pin_plain, sizeof cfg->staff_pin_plain);
    explicit_bzero(h, sizeof h);
    explicit_bzero(rnd, sizeof rnd);
}

/* painmap.conf for a script: parsed, with a plain PIN wiped at once (the
 * scripts never need it). msgs gets the problems; the caller frees it. */
static void load_for_script(const char *file, pm_config *cfg, pm_msgs *msgs)
{
    pm_msgs_init(msgs);
    config_load(file, cfg, msgs);
    explicit_bzero(cfg->staff_pin_plain, sizeof cfg->staff_pin_plain);
}

/* painmap --check-config FILE: every problem the kiosk would log (and show
 * on the staff queue), one a line, including languages the content lacks.
 * Prints nothing when there is none. Always 0: problems never stop the
 * kiosk, so they never fail the caller either. */
static int check_config(const char *file, const char *data_dir)
{
    pm_config cfg;
    pm_msgs msgs;
    load_for_script(file, &cfg, &msgs);
    pm_content *c = NULL;
    pm_msgs cm;
    pm_msgs_init(&cm);
    if (content_load(data_dir, &c, &cm) == PM_OK) {
        config_check_languages(&cfg, c, &msgs);
        content_free(c);
    }
    pm_msgs_free(&cm);
    for (size_t i = 0; i < msgs.count; i++)
        printf("%s\n", msgs.items[i]);
    pm_msgs_free(&msgs);
    return 0;
}

/* painmap --config-get FILE KEY: the value the kiosk uses (after every
 * check and default), for scripts. Only "display" for now. */
static int config_get(const char *file, const char *key)
{
    pm_config cfg;
    pm_msgs msgs;
    load_for_script(file, &cfg, &msgs);
    pm_msgs_free(&msgs);
    if (strcmp(key, "display") == 0) {
        printf("%s\n", config_display_name(cfg.display));
        return 0;
    }
    fprintf(stderr, "painmap: --config-get knows only: display\n");
    return 2;
}

/* painmap --seal-pin FILE: a plain staff_pin line in FILE becomes its
 * salted hash (pin_seal_config); FILE is replaced through a temporary file
 * in its folder (written, flushed, renamed). 0: done or nothing to do;
 * 1: FILE could not be read or written, or the hash failed. */
static int seal_pin(const char *file)
{
    enum { MAX = 64 * 1024 };
    int rc = 1;
    char *text = malloc(MAX + 1), *sealed = NULL;
    FILE *f = text ? fopen(file, "rb") : NULL;
    size_t n = f ? fread(text, 1, MAX + 1, f) : 0;
    if (!f || ferror(f) || n > MAX) {
        fprintf(stderr, "painmap: %s: cannot read it (%s)\n", file,
                !f ? strerror(errno) : n > MAX ? "larger than 64 KiB" : "read error");
        if (f)
            fclose(f);
        free(text);
        return 1;
    }
    fclose(f);
    text[n] = '\0';
    unsigned char rnd[PIN_RANDOM_BYTES];
    pm_msg err = {{0}};
    int line = 0;
    if (!salt_random(rnd)) {
        /* rc stays 1 */
    } else if (pin_seal_config(text, rnd, &sealed, &line, &err) != PM_OK) {
        fprintf(stderr, "painmap: %s: the plain staff_pin could not be hashed: %s\n", file,
                err.text);
    } else if (!sealed) {
        rc = 0; /* no plain PIN: nothing to do */
    } else {
        char tmp[4200];
        snprintf(tmp, sizeof tmp, "%s.tmp", file);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
        size_t len = strlen(sealed);
        bool ok = fd >= 0 && write(fd, sealed, len) == (ssize_t)len && fsync(fd) == 0;
        if (fd >= 0 && close(fd) != 0)
            ok = false;
        if (ok && rename(tmp, file) == 0) {
            printf("%s:%d: the plain staff_pin was replaced by its hash (staff_pin_hash)\n",
                   file, line);
            rc = 0;
        } else {
            fprintf(stderr, "painmap: %s: cannot write the hashed PIN (%s)\n", file,
                    strerror(errno));
            unlink(tmp);
        }
        explicit_bzero(sealed, len);
        free(sealed);
    }
    explicit_bzero(text, n);
    explicit_bzero(rnd, sizeof rnd);
    free(text);
    return rc;
}

static void usage(FILE *to)
{
    fprintf(to,
            "usage: painmap [options]                run the kiosk\n"
            "       painmap --replay FILE [options]  run a replay script headless\n"
            "       painmap --demo OUTDIR [options]  walk through every screen, save shots\n"
            "       painmap --check-layout [options] check that all text fits, all sizes\n"
            "       painmap --check-data DIR [--stamp]\n"
            "                                        check a content folder, and that its\n"
            "                                        text fits at every size; --stamp: when\n"
            "                                        it is clean, write DIR/CHECKED so the\n"
            "                                        kiosk starts without checking again\n"
            "       painmap --rank [--data DIR] REGION_ID...\n"
            "                                        the referral patterns ranked for these\n"
            "                                        marks, best first: muscle id and score\n"
            "       painmap --hash-pin               print the config line for a staff PIN\n"
            "       painmap --new-passphrase         print a staff passphrase chosen at random\n"
            "       painmap --seal-passphrase FILE   turn FILE's staff_passphrase into the\n"
            "                                        intake key lines (the image does at boot)\n"
            "       painmap --check-config FILE      list every problem in a painmap.conf\n"
            "       painmap --config-get FILE KEY    the value used for KEY (display)\n"
            "       painmap --seal-pin FILE          replace a plain staff_pin by its hash\n"
            "       painmap --compare A.png B.png    compare two screenshots\n"
            "       painmap --flow-budget [options]  screens, taps, words and time of a\n"
            "                                        typical and a heavy client\n"
            "options:\n"
            "  --size WxH        display size (default 800x480)\n"
            "  --rotate DEG      panel rotation: 0, 90, 180 or 270\n"
            "  --data DIR        content folder (default: the source or installed data)\n"
            "  --assets DIR      artwork folder\n"
            "  --state DIR       where intakes are saved ($STATE_DIRECTORY or ./state)\n"
            "  --lang CODE       the language the welcome screen starts in\n"
            "  --config FILE     the clinic's config file (see data/painmap.conf.example)\n"
            "  --fullscreen      fill the screen (the kiosk on its panel)\n"
            "  --usb DIR         treat folder DIR as the USB stick (desktops and tests;\n"
            "                    the kiosk itself uses the mount point /media/painmap-usb)\n"
            "  --shots DIR       replay: where `shot` writes (default: current folder)\n"
            "  --golden DIR      replay: compare every shot with DIR's copy\n"
            "  --update-golden   replay: write the golden copies instead\n"
            "  --large-text      replay: press \"Larger text\" on welcome first\n"
            "  --sizes LIST      check-layout: sizes to check (WxH,WxH,...)\n"
            "  --tolerance N     replay, compare: per-channel difference allowed (default %d)\n"
            "  --budget N        replay, compare: pixels that may differ (default %d)\n"
            "  --diff FILE       compare: write a picture of the differences there\n",
            PNG_GOLDEN_TOLERANCE, PNG_GOLDEN_BUDGET);
}

/* Data and artwork: beside a build, else installed (platform/paths.h). */
static const char *default_dir(const char *sub, const char *installed)
{
    static char buf[2][1024]; /* written once at start-up, read-only afterwards */
    char exe_dir[1024];
    paths_exe_dir(exe_dir, sizeof exe_dir);
    return paths_default_dir(exe_dir, sub, PAINMAP_DATA_RELATIVE, installed,
                             buf[strcmp(sub, "data") == 0 ? 0 : 1], sizeof buf[0]);
}

int main(int argc, char **argv)
{
    /* Memory goes back to the system when a screen's big blocks go: text
     * lines, artwork rasters and pictures (64 KB to 2 MB) come and go with
     * the screens, and glibc's default (raising its mmap threshold after
     * the first such free) kept them in the heap, whose pages it rarely
     * returns: resident memory crept up screen after screen (a walk at
     * 1280x800 ended 2 MB higher than it needed). */
    mallopt(M_MMAP_THRESHOLD, 64 * 1024);
    startup_marks startup;
    startup_init(&startup);
    startup_mark(&startup, STARTUP_MAIN);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
    /* One heap for every thread: the artwork's worker (ui/art.h) would
     * otherwise get an arena of its own, whose pages nanosvg's thousands of
     * small blocks keep resident after each raster. */
    mallopt(M_ARENA_MAX, 1);
    if (argc == 3 && strcmp(argv[1], "--check-data") == 0)
        return check_data(argv[2], false);
    if (argc == 4 && strcmp(argv[1], "--check-data") == 0 && strcmp(argv[3], "--stamp") == 0)
        return check_data(argv[2], true);
    if (argc >= 2 && strcmp(argv[1], "--rank") == 0)
        return rank_regions(argc - 2, argv + 2);
    if (argc == 2 && strcmp(argv[1], "--hash-pin") == 0)
        return hash_pin();
    if (argc == 2 && strcmp(argv[1], "--new-passphrase") == 0)
        return new_passphrase();
    if (argc == 3 && strcmp(argv[1], "--seal-passphrase") == 0)
        return seal_passphrase(argv[2], NULL);
    if (argc == 5 && strcmp(argv[1], "--seal-passphrase") == 0 && strcmp(argv[3], "--kdf") == 0)
        return seal_passphrase(argv[2], argv[4]);
    if (argc == 3 && strcmp(argv[1], "--seal-pin") == 0)
        return seal_pin(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--check-config") == 0)
        return check_config(argv[2], default_dir("data", PAINMAP_INSTALL_DATA));
    if (argc == 4 && strcmp(argv[1], "--config-get") == 0)
        return config_get(argv[2], argv[3]);
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    app_options o = {.w = 800, .h = 480, .startup = &startup};
    const char *replay = NULL, *demo = NULL, *config = NULL, *cmp_a = NULL, *cmp_b = NULL;
    const char *sizes = LAYOUT_SIZES;
    bool check_layout = false, budget = false, size_given = false;
    replay_opts ro = {.tolerance = -1, .budget = -1};
    const char *diff_out = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define TAKE(name) (strcmp(a, name) == 0 && v && (i++, 1))
        if (TAKE("--replay"))
            replay = v;
        else if (TAKE("--demo"))
            demo = v;
        else if (TAKE("--data"))
            o.data_dir = v;
        else if (TAKE("--assets"))
            o.assets_dir = v;
        else if (TAKE("--state"))
            o.state_dir = v;
        else if (TAKE("--lang"))
            o.lang = v;
        else if (TAKE("--config"))
            config = v;
        else if (TAKE("--usb")) {
            o.usb_mount = v;
            o.usb_any_folder = true;
        }
        else if (TAKE("--shots"))
            ro.shots_dir = v;
        else if (TAKE("--golden"))
            ro.golden_dir = v;
        else if (TAKE("--sizes"))
            sizes = v;
        else if (TAKE("--tolerance"))
            ro.tolerance = atoi(v);
        else if (TAKE("--budget"))
            ro.budget = atol(v);
        else if (TAKE("--diff"))
            diff_out = v;
        else if (strcmp(a, "--compare") == 0 && i + 2 < argc) {
            cmp_a = argv[++i];
            cmp_b = argv[++i];
        } else if (TAKE("--size")) {
            size_given = true;
            if (sscanf(v, "%dx%d", &o.w, &o.h) != 2 || o.w < 320 || o.h < 240 || o.w > 8192 ||
                o.h > 8192) {
                fprintf(stderr, "painmap: --size wants WxH, e.g. 800x480 (got '%s')\n", v);
                return 2;
            }
        } else if (TAKE("--rotate")) {
            o.rotate = atoi(v);
            if (o.rotate != 0 && o.rotate != 90 && o.rotate != 180 && o.rotate != 270) {
                fprintf(stderr, "painmap: --rotate wants 0, 90, 180 or 270 (got '%s')\n", v);
                return 2;
            }
        } else if (strcmp(a, "--update-golden") == 0)
            ro.update_golden = true;
        else if (strcmp(a, "--large-text") == 0)
            ro.large_text = true;
        else if (strcmp(a, "--fullscreen") == 0)
            o.fullscreen = true;
        else if (strcmp(a, "--check-layout") == 0)
            check_layout = true;
        else if (strcmp(a, "--flow-budget") == 0)
            budget = true;
        else {
            fprintf(stderr, "painmap: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            return 2;
        }
#undef TAKE
    }
    if (cmp_a)
        return compare_pngs(cmp_a, cmp_b, ro.tolerance, ro.budget, diff_out);
    if (budget) {
        char one[32];
        snprintf(one, sizeof one, "%dx%d", o.w, o.h);
        return flow_budget(o.data_dir ? o.data_dir : default_dir("data", PAINMAP_INSTALL_DATA),
                           size_given ? one : BUDGET_SIZES, o.lang);
    }
    /* The clinic's config: a bad or missing line falls back to its safe
     * default with a message; the kiosk always starts. Command-line options
     * win over the file. */
    pm_config cfg;
    config_defaults(&cfg, NULL);
    flow_timing timing;
    bool rotate_given = false;
    for (int i = 1; i < argc; i++)
        rotate_given = rotate_given || strcmp(argv[i], "--rotate") == 0;
    pm_msgs config_msgs;
    pm_msgs_init(&config_msgs);
    if (config) {
        config_load(config, &cfg, &config_msgs);
        for (size_t i = 0; i < config_msgs.count; i++)
            journal_log(JOURNAL_WARNING, "%s", config_msgs.items[i]);
        hash_plain_pin(&cfg);
        journal_log(JOURNAL_INFO, "read the clinic config %s", config);
        timing = config_flow_timing(&cfg);
        o.timing = &timing;
        if (!rotate_given)
            o.rotate = cfg.rotation;
    }
    o.config = &cfg;
    o.config_problems = &config_msgs;
    if (!o.data_dir)
        o.data_dir = default_dir("data", PAINMAP_INSTALL_DATA);
    if (!o.assets_dir)
        o.assets_dir = default_dir("assets", PAINMAP_INSTALL_ASSETS);
    if (!o.state_dir)
        o.state_dir = getenv("STATE_DIRECTORY") ? getenv("STATE_DIRECTORY") : "./state";
    o.font_dir = getenv("PAINMAP_FONT_DIR");
    bool headless = replay || demo || check_layout;
    if (headless) {
        /* Deterministic pixels: the dummy driver and the software renderer. */
        setenv("SDL_VIDEODRIVER", "dummy", 0);
        setenv("SDL_AUDIODRIVER", "dummy", 0);
        /* SDL would turn SIGTERM into a quit event nobody reads headless:
         * let a test's timeout stop us. */
        setenv("SDL_NO_SIGNAL_HANDLERS", "1", 0);
        /* Times staff screens show: the same on every machine. */
        setenv("TZ", "UTC0", 1);
        tzset();
        o.headless = true;
    }
    if (check_layout) {
        pm_msgs_free(&config_msgs);
        return layout_check(&o, sizes);
    }

    char demo_state[1100];
    if (demo) {
        snprintf(demo_state, sizeof demo_state, "%s/state", demo);
        o.state_dir = demo_state;
    }
    app *a = app_create(&o);
    pm_msgs_free(&config_msgs); /* the app keeps its own copy */
    if (!a)
        return 2;
    int rc;
    if (replay)
        rc = replay_run_file(a, replay, &ro);
    else if (demo)
        rc = demo_run(a, demo);
    else
        rc = app_run(a);
    app_destroy(a);
    return rc;
}
