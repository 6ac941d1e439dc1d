/* monkey_gen.c — pm_monkey_gen: writes a random replay script for the
 * monkey test (tests/monkey/README.md). Same seed, same script.
 *
 *   pm_monkey_gen --seed N --events N --size WxH [--rotate DEG] --data DIR
 *                 [--template FILE] [--lang CODE]
 *
 * The script mixes
 *   - chaos: taps anywhere (some aimed at the bottom bar, where Back and
 *     Next live, so the monkey gets somewhere), rapid double taps, long
 *     presses (a finger held still: a drag through one point repeated),
 *     drags and swipes, waits short and long, idle timeouts (the "are you
 *     still there?" prompt, and the wipe after it);
 *   - guided starts: a wait long enough to return to welcome from any
 *     screen, then start, random text typed on the keyboard, sometimes one
 *     region marked;
 *   - whole intakes: the kiosk's own demo walk for this size (--template,
 *     written by painmap --demo) with a random name, random answers to the
 *     gate questions no follow-up depends on (so the walk stays in step), and
 *     detours inserted (idle prompt answered, Back then Next, waits).
 * Chaos uses only commands that cannot fail (tap, drag, wait); `press`,
 * `type` and `expect` appear only where the screen is known, so a failing
 * line means the kiosk did something it should not.
 * One command is one event; the counts go to stderr. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"

static uint64_t rng;

static uint32_t rnd(uint32_t n)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return n ? (uint32_t)((rng * 2685821657736338717ULL) >> 33) % n : 0;
}

static int between(int lo, int hi)
{
    return lo + (int)rnd((uint32_t)(hi - lo + 1));
}

static bool chance(double p)
{
    return rnd(1000000) < (uint32_t)(p * 1000000);
}

typedef struct {
    long events;
    long taps, aimed, doubles, longs, drags, swipes, waits, idles, resets, guided, walks,
        partial, detours, typed;
} counts;

static counts n;
static int lw, lh;
static const pm_content *content;

static void emit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void emit(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    n.events++;
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* ---- random text from the on-screen keyboard's characters ---------------- */

static const char *const letters[] = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
    "s", "t", "u", "v", "w", "x", "y", "z", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J",
    "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "ñ", "Ñ",
    "á", "é", "í", "ó", "ú", "ü", "ç", "à", "è", "ì", "ò", "ù", "ä", "ë", "ï", "ö", "â", "ê",
    "î", "ô", "û", "ã", "õ", "Á", "É", "Í", "Ó", "Ú", "Ü", "Ç", "Ö"};
static const char *const marks[] = {" ", " ", " ", "-", "'", "."};

static void random_name(char *out, size_t size)
{
    size_t len = 0;
    int chars = between(1, 45); /* past the 40 a client may type, on purpose */
    out[0] = '\0';
    for (int i = 0; i < chars; i++) {
        const char *c = i > 0 && chance(0.15) ? marks[rnd(6)] : letters[rnd(sizeof letters / sizeof letters[0])];
        size_t l = strlen(c);
        if (len + l + 1 >= size)
            break;
        /* `type` keeps the whole rest of the line; never end on a space
         * (it would be trimmed by editors, and means nothing here) */
        memcpy(out + len, c, l + 1);
        len += l;
    }
    while (len > 1 && out[len - 1] == ' ')
        out[--len] = '\0';
}

/* ---- chaos ------------------------------------------------------------------ */

static void tap_anywhere(void)
{
    emit("tap %d %d", between(0, lw - 1), between(0, lh - 1));
    n.taps++;
}

/* The bottom of the screen: Back on the left, the way on on the right (and
 * Start in the middle); more to the right than the left, so random walks
 * move forwards through the intake. */
static void tap_aimed(void)
{
    int bar = lh / 6;
    uint32_t side = rnd(100);
    int x = side < 50 ? between(0, lw - 1) : side < 85 ? between(lw * 2 / 3, lw - 1)
                                                       : between(0, lw / 3);
    emit("tap %d %d", x, between(lh - bar, lh - 1));
    n.aimed++;
}

static void drag(int npoints, int step)
{
    char line[1024];
    int x = between(0, lw - 1), y = between(0, lh - 1);
    int len = snprintf(line, sizeof line, "drag");
    for (int i = 0; i < npoints; i++) {
        len += snprintf(line + len, sizeof line - (size_t)len, " %d %d", x, y);
        x = clampi(x + between(-step, step), 0, lw - 1);
        y = clampi(y + between(-step, step), 0, lh - 1);
    }
    emit("%s", line);
}

static void chaos_one(void)
{
    uint32_t r = rnd(1000);
    if (r < 380) {
        tap_anywhere();
    } else if (r < 560) {
        tap_aimed();
    } else if (r < 630) {
        int x = between(0, lw - 1), y = between(0, lh - 1);
        emit("tap %d %d", x, y);
        emit("tap %d %d", clampi(x + between(-3, 3), 0, lw - 1), clampi(y + between(-3, 3), 0, lh - 1));
        n.doubles++;
    } else if (r < 670) {
        /* a long press: the finger stays (give or take a pixel) */
        char line[1024];
        int x = between(0, lw - 1), y = between(0, lh - 1);
        int len = snprintf(line, sizeof line, "drag");
        for (int i = 0, k = between(8, 32); i < k; i++)
            len += snprintf(line + len, sizeof line - (size_t)len, " %d %d",
                            clampi(x + between(-1, 1), 0, lw - 1), clampi(y + between(-1, 1), 0, lh - 1));
        emit("%s", line);
        n.longs++;
    } else if (r < 760) {
        drag(between(2, 32), 40);
        n.drags++;
    } else if (r < 790) {
        drag(between(2, 6), lw > lh ? lw / 2 : lh / 2);
        n.swipes++;
    } else if (r < 900) {
        emit("wait %d", between(1, 2000));
        n.waits++;
    } else if (r < 940) {
        emit("wait %d", between(2000, 30000));
        n.waits++;
    } else if (r < 955) {
        /* the idle prompt (90 s), sometimes answered by the next taps */
        emit("wait %d", between(90000, 100000));
        n.idles++;
    } else if (r < 959) {
        /* long enough to wipe and return to welcome */
        emit("wait %d", between(110000, 200000));
        n.resets++;
    } else {
        /* a burst of taps in one place, as an impatient finger does */
        int x = between(0, lw - 1), y = between(0, lh - 1);
        for (int i = 0, k = between(3, 8); i < k; i++)
            emit("tap %d %d", x, y);
        n.doubles++;
    }
}

/* ---- guided starts ---------------------------------------------------------- */

static void reset_to_welcome(void)
{
    /* idle 90 s + grace 20 s returns any client screen to welcome; thanks
     * goes back by itself after 15 s. A failed save would stay, and then
     * `expect welcome` fails: a save must not fail in this test. */
    emit("wait %d", between(130000, 150000));
    emit("expect welcome");
}

static void choose_language(void)
{
    size_t nl = content_lang_count(content);
    if (nl > 1)
        emit("press lang_%s", content_lang_code(content, rnd((uint32_t)nl)));
}

static void guided(void)
{
    char name[256];
    reset_to_welcome();
    if (chance(0.5))
        choose_language();
    emit("press start");
    emit("expect name");
    random_name(name, sizeof name);
    emit("type %s", name);
    n.typed += (long)strlen(name);
    if (chance(0.6)) {
        emit("press next");
        emit("expect chart");
        /* one region: a second could lie outside a zoomed-in view. The
         * view is chosen explicitly: welcome may have kept a view (known/) */
        size_t nr = content_region_count(content);
        const pm_region *r = content_region(content, rnd((uint32_t)nr));
        emit("press %s", r->view == VIEW_BACK ? "view_back" : "view_front");
        emit("press %s", r->id);
    }
    n.guided++;
}

/* ---- whole intakes from the demo's walk --------------------------------------- */

typedef struct {
    char **lines;
    size_t count;
    char lang[16];
} script;

static bool load_template(const char *path, script *t)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char buf[4096];
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\r\n")] = '\0';
        if (buf[0] == '#' || buf[0] == '\0' || strncmp(buf, "shot ", 5) == 0 ||
            strcmp(buf, "quit") == 0)
            continue;
        char **l = realloc(t->lines, (t->count + 1) * sizeof *l);
        if (!l)
            exit(2);
        t->lines = l;
        t->lines[t->count] = strdup(buf);
        if (!t->lines[t->count])
            exit(2);
        t->count++;
    }
    fclose(f);
    return t->count > 0;
}

static bool screen_is(const char *line, const char *screen)
{
    return strncmp(line, "expect ", 7) == 0 && strcmp(line + 7, screen) == 0;
}

/* Screens where Back then Next comes back to the same step at its start. */
static bool detour_ok(const char *screen)
{
    static const char *const ok[] = {"chart", "details", "screening", "patterns", "education",
                                     "preferences", "consent", "review"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(screen, ok[i]) == 0)
            return true;
    return false;
}

/* Client-idle time since the last touch that certainly counted as client
 * activity. Waits are only inserted where this stays under the idle time
 * (90 s), or the prompt would cover the screen the next line expects.
 * Presses of next, back and the like may only change how a screen is shown
 * (a part of a page, the keyboard's layer), which the kiosk does not count
 * as activity (see known/), so they do not reset it. */
static long idle_acc;

static bool certain_activity(const char *l)
{
    static const char *const unsure[] = {"next", "back", "page_up", "page_down",
                                         "key_shift", "key_accents", "zoom_out"};
    if (strncmp(l, "type ", 5) == 0 || strncmp(l, "drag ", 5) == 0)
        return true;
    if (strncmp(l, "press ", 6) != 0)
        return false;
    for (size_t i = 0; i < sizeof unsure / sizeof unsure[0]; i++)
        if (strcmp(l + 6, unsure[i]) == 0)
            return false;
    return true;
}

static void note_line(const char *l)
{
    if (certain_activity(l))
        idle_acc = 0;
    else if (strncmp(l, "wait ", 5) == 0)
        idle_acc += atol(l + 5);
}

/* Whether the screening step `step` of the demo's walk may get a random
 * answer without changing which questions follow (the walk must stay in
 * step): the gate's questions come first and always apply, so step i asks
 * question i there; and none may be one a follow-up depends on. */
static bool steady_question(int step)
{
    if (step < 0 || (size_t)step >= content_question_count(content) ||
        content_question(content, (size_t)step)->part != PART_GATE)
        return false;
    for (size_t q = 0; q < content_question_count(content); q++)
        if (content_question(content, q)->show_if_question == step)
            return false;
    return true;
}

/* A whole intake; or, half the time, the walk stopped at a random line so
 * the chaos that follows starts deep inside the intake. */
static void whole_intake(const script *t, const char *lang)
{
    char name[256];
    int question = -1;
    size_t stop = chance(0.5) ? rnd((uint32_t)t->count) : t->count;
    const char *screen = "welcome"; /* as the last `expect` said */
    reset_to_welcome();
    /* Welcome may still hold an intake someone left by going Back (see
     * known/); "start over" on the idle prompt wipes it for certain. */
    emit("press start");
    emit("expect name");
    emit("wait %d", between(91000, 105000));
    emit("expect still_there");
    emit("press start_over");
    emit("expect welcome");
    idle_acc = 0;
    if (content_lang_count(content) > 1)
        emit("press lang_%s", lang); /* the demo's parts and pages are laid out in it */
    for (size_t i = 0; i < stop; i++) {
        const char *l = t->lines[i];
        if (i == 0 && screen_is(l, "welcome"))
            continue; /* said already */
        /* a pause before a touch, not on thank-you (it goes back to welcome
         * by itself after 15 s) nor on review (its Next leads there) */
        if (certain_activity(l) && chance(0.05) && strcmp(screen, "thanks") != 0 &&
            strcmp(screen, "review") != 0) {
            int ms = between(1, 60000);
            if (idle_acc + ms < 80000) {
                emit("wait %d", ms);
                idle_acc += ms;
                n.detours++;
            }
        }
        if (strncmp(l, "type ", 5) == 0) {
            /* a name that starts with a letter, so Next is allowed */
            random_name(name, sizeof name);
            emit("type %s", name);
            n.typed += (long)strlen(name);
            idle_acc = 0;
            continue;
        }
        if (screen_is(l, "screening"))
            question++;
        if (strncmp(l, "press answer_", 13) == 0 && steady_question(question) && chance(0.3)) {
            const pm_question *q = content_question(content, (size_t)question);
            emit("press answer_%s", q->answer_ids[rnd((uint32_t)q->nanswers)]);
            idle_acc = 0;
            continue;
        }
        emit("%s", l);
        note_line(l);
        if (strncmp(l, "expect ", 7) == 0) {
            screen = l + 7;
            if (detour_ok(screen) && idle_acc == 0 && chance(0.08)) {
                /* the prompt comes after 90 s, on the reading pages after
                 * 45 s (flow_default_timing), and 20 s later it resets */
                bool reading = strcmp(screen, "education") == 0;
                emit("wait %d", reading ? between(46000, 60000) : between(90000, 105000));
                emit("expect still_there");
                emit("press still_here");
                n.detours++;
            }
            if (detour_ok(screen) && chance(0.08)) {
                emit("press back");
                emit("press next");
                emit("expect %s", screen);
                n.detours++;
            }
        }
    }
    if (stop < t->count)
        n.partial++;
    else
        n.walks++;
}

int main(int argc, char **argv)
{
    unsigned long long seed = 1;
    long events = 1000;
    int w = 800, h = 480, rotate = 0;
    const char *data = NULL, *template_path = NULL, *lang = "en";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--seed") == 0 && has)
            seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--events") == 0 && has)
            events = atol(argv[++i]);
        else if (strcmp(a, "--size") == 0 && has) {
            if (sscanf(argv[++i], "%dx%d", &w, &h) != 2 || w < 320 || h < 240) {
                fprintf(stderr, "pm_monkey_gen: --size WxH\n");
                return 2;
            }
        } else if (strcmp(a, "--rotate") == 0 && has)
            rotate = atoi(argv[++i]);
        else if (strcmp(a, "--data") == 0 && has)
            data = argv[++i];
        else if (strcmp(a, "--template") == 0 && has)
            template_path = argv[++i];
        else if (strcmp(a, "--lang") == 0 && has)
            lang = argv[++i];
        else {
            fprintf(stderr, "usage: pm_monkey_gen --seed N --events N --size WxH [--rotate DEG] "
                            "--data DIR [--template FILE] [--lang CODE]\n");
            return 2;
        }
    }
    if (!data) {
        fprintf(stderr, "pm_monkey_gen: --data DIR is required\n");
        return 2;
    }
    rng = seed * 0x9E3779B97F4A7C15ULL + 3;
    lw = rotate == 90 || rotate == 270 ? h : w;
    lh = rotate == 90 || rotate == 270 ? w : h;
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    if (content_load(data, &c, &problems) != PM_OK) {
        for (size_t i = 0; i < problems.count; i++)
            fprintf(stderr, "%s\n", problems.items[i]);
        pm_msgs_free(&problems);
        return 2;
    }
    pm_msgs_free(&problems);
    content = c;
    script t = {0};
    bool have_template = template_path && load_template(template_path, &t);
    if (template_path && !have_template)
        fprintf(stderr, "pm_monkey_gen: no usable template in %s: no whole intakes\n",
                template_path);
    printf("# monkey: seed %llu, %ld events, %dx%d rotated %d (logical %dx%d)\n", seed, events, w,
           h, rotate, lw, lh);
    /* Start with a whole intake when there is a template: every chunk then
     * saves at least one. */
    if (have_template)
        whole_intake(&t, lang);
    while (n.events < events) {
        uint32_t r = rnd(1000);
        if (r < 6)
            guided();
        else if (r < 9 && have_template)
            whole_intake(&t, lang);
        else
            chaos_one();
    }
    printf("quit\n");
    fprintf(stderr,
            "monkey: %ld events: %ld taps, %ld aimed at the bottom bar, %ld double taps and "
            "bursts, %ld long presses, %ld drags, %ld swipes, %ld waits, %ld idle prompts, "
            "%ld idle resets, %ld guided starts, %ld whole intakes, %ld walks stopped half-way, "
            "%ld detours, %ld characters typed\n",
            n.events, n.taps, n.aimed, n.doubles, n.longs, n.drags, n.swipes, n.waits, n.idles,
            n.resets, n.guided, n.walks, n.partial, n.detours, n.typed);
    for (size_t i = 0; i < t.count; i++)
        free(t.lines[i]);
    free(t.lines);
    content_free(c);
    return 0;
}
