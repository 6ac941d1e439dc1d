/* driver.c — replay scripts, the demo walk-through and the layout check
 * (see driver.h). Everything goes through the touches a finger makes on
 * the panel (hands.h: SDL finger events into app_sdl_event, the one way
 * in): `press` taps where a finger aims at a widget or a chart region,
 * `type` presses keyboard keys, so a replay tests the screens, not a side
 * door. Every shot of a golden run also goes through the frame checks
 * (checks.h: the size of every target). */
#include "driver.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "contrast.h"
#include "checks.h"
#include "hands.h"
#include "memscan.h"
#include "intake.h"
#include "record.h"
#include "png.h"
#include "replay.h"
#include "ui/render.h"

typedef struct {
    app *a;
    const char *file;
    const replay_opts *o;
    char *script;     /* walker: the commands it ran, as a script */
    size_t len, cap;
    int line;
    int shots;
    pm_msgs *errors;  /* layout check: failures go here, not to stderr */
    int undescribed;  /* layout check: overflows without a description */
    /* replays: what the checks after each command compare with */
    contrast_worst contrast;
    int contrast_shots;
    int section, sections; /* the progress seen last; sections -1: not yet */
    bool touches_way_back; /* the command's touch starts on Back or a Change link */
    unsigned resets;
    char typed[REPLAY_ARG_MAX]; /* the last text typed (a client's name) */
    char last_saved[1024];      /* the saver's last save, to count saves */
    int saves;
    int saved_before;           /* intakes already in the state folder at the start */
} runner;

static int fail(runner *r, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(runner *r, int line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (r->errors)
        pm_msgs_add(r->errors, "%s:%d: %s", r->file, line, msg);
    else
        fprintf(stderr, "%s:%d: %s\n", r->file, line, msg);
    return 1;
}

static void mkdirs(const char *path)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0755);
            *p = '/';
        }
    }
}

/* A widget on a page that scrolls may be out of view: look for it the way
 * a client would, from the top with the ▼ arrow (real taps). */
static void scroll_to(app *a, const char *id)
{
    if (app_widget(a, id) || !app_widget(a, "scroll_down"))
        return;
    char why[700];
    for (int k = 0; k < 40; k++) {
        const widget *u = app_widget(a, "scroll_up");
        if (!u || u->act == ACT_NONE || !kit_press(a, "scroll_up", why, sizeof why))
            break;
    }
    for (int k = 0; k < 40 && !app_widget(a, id); k++) {
        const widget *d = app_widget(a, "scroll_down");
        if (!d || d->act == ACT_NONE || !kit_press(a, "scroll_down", why, sizeof why))
            break;
    }
}

static int press(runner *r, int line, const char *id)
{
    char why[700];
    scroll_to(r->a, id);
    return kit_press(r->a, id, why, sizeof why) ? 0 : fail(r, line, "%s", why);
}

static int type_text(runner *r, int line, const char *text)
{
    char why[700];
    return kit_type(r->a, text, why, sizeof why) ? 0 : fail(r, line, "%s", why);
}

/* A screenshot, compared with its golden copy when there is a golden
 * folder (png.h says what counts as the same). The picture of the
 * differences goes beside the shot, in the build's output folder, never
 * beside the golden in the source tree. */
/* forgotten HEX: the bytes, decoded into a buffer of their own (not
 * counted), must not be anywhere else in memory. */
static int forgotten(runner *r, int line, const char *hex)
{
    size_t n = strlen(hex) / 2;
    unsigned char *needle = malloc(n);
    if (!needle)
        return fail(r, line, "forgotten: out of memory");
    for (size_t i = 0; i < n; i++) {
        unsigned v = 0;
        sscanf(hex + 2 * i, "%2x", &v);
        needle[i] = (unsigned char)v;
    }
    if (app_dirty(r->a))
        app_draw(r->a);
    char where[600];
    long found = memscan(needle, n, needle, where, sizeof where);
    explicit_bzero(needle, n);
    free(needle);
    if (found < 0)
        return fail(r, line, "forgotten: cannot read /proc/self/maps");
    if (found > 0)
        return fail(r, line, "forgotten: still in memory %ld time%s: %s", found,
                    found == 1 ? "" : "s", where);
    return 0;
}

static int shot(runner *r, int line, const char *file)
{
    char path[1024], why[PM_MSG_MAX] = "";
    if (file[0] == '/' || !r->o->shots_dir)
        snprintf(path, sizeof path, "%s", file);
    else
        snprintf(path, sizeof path, "%s/%s", r->o->shots_dir, file);
    mkdirs(path);
    if (!app_save_png(r->a, path, why, sizeof why))
        return fail(r, line, "cannot write %s: %s", path, why);
    char traced[600];
    snprintf(traced, sizeof traced, "shot %.500s", file);
    kit_trace(traced);
    r->shots++;
    if (!r->errors) {
        /* every shot's controls stand out from what is around them */
        pm_msgs low;
        pm_msgs_init(&low);
        int n = contrast_check(r->a, file, &r->contrast, &low);
        r->contrast_shots++;
        for (size_t i = 0; i < low.count; i++)
            fail(r, line, "contrast: %s", low.items[i]);
        pm_msgs_free(&low);
        if (n > 0)
            return 1;
    }
    if (!r->o->golden_dir)
        return 0;
    char checks[PM_MSG_MAX];
    if (!r->o->no_checks && !kit_check_frame(r->a, checks, sizeof checks)) {
        if (!getenv("PAINMAP_CHECKS_WARN"))
            return fail(r, line, "shot %s: %s", file, checks);
        fprintf(stderr, "%s:%d: warning: shot %s: %s\n", r->file, line, file, checks);
    }
    char gold[1024], diff[1100];
    snprintf(gold, sizeof gold, "%s/%s", r->o->golden_dir, file);
    snprintf(diff, sizeof diff, "%.*s.diff.png", (int)(strlen(path) - 4), path);
    struct stat st;
    bool have = stat(gold, &st) == 0;
    png_rule rule = png_golden_rule();
    if (r->o->tolerance >= 0)
        rule.tolerance = r->o->tolerance;
    if (r->o->budget >= 0)
        rule.budget = r->o->budget;
    png_diff d;
    int cmp = have ? png_compare(path, gold, rule.tolerance, diff, &d, why, sizeof why) : -1;
    if (cmp == 0 && png_same(&d, &rule))
        return 0;
    if (r->o->update_golden) {
        mkdirs(gold);
        if (!app_save_png(r->a, gold, why, sizeof why))
            return fail(r, line, "cannot write golden %s: %s", gold, why);
        if (!r->o->quiet)
            fprintf(stderr, "%s:%d: golden %s %s\n", r->file, line, gold, have ? "updated" : "written");
        return 0;
    }
    if (!have)
        return fail(r, line, "no golden %s (write it with --update-golden, and look at it)", gold);
    if (cmp < 0)
        return fail(r, line, "shot %s cannot be compared with %s: %s", path, gold, why);
    char said[PM_MSG_MAX];
    png_describe(&d, &rule, "the shot", "the golden", said, sizeof said);
    return fail(r, line, "shot %s differs from golden %s: %s (see %s)", path, gold, said, diff);
}

/* The answer a script asks for question q: "Q=A" in the pairs after the
 * first word, else the word (NULL when q has been answered already and is
 * not named). */
static const char *wanted_answer(const char *spec, const char *qid, bool answered, char *buf,
                                 size_t size)
{
    char copy[REPLAY_ARG_MAX];
    snprintf(copy, sizeof copy, "%s", spec);
    char *save = NULL, *word = strtok_r(copy, " \t", &save);
    for (char *t = strtok_r(NULL, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
        char *eq = strchr(t, '=');
        if (eq && (size_t)(eq - t) == strlen(qid) && strncmp(t, qid, strlen(qid)) == 0) {
            snprintf(buf, size, "%s", eq + 1);
            return buf;
        }
    }
    if (answered || !word)
        return NULL;
    snprintf(buf, size, "%s", word);
    return buf;
}

/* A safety page answered as the script says (see `answer` in replay.h). */
static int answer_page(runner *r, int line, const char *spec)
{
    app *a = r->a;
    const flow *f = app_flow(a);
    const pm_content *c = app_content(a);
    if (!f || flow_screen(f) != SCREEN_SCREENING)
        return fail(r, line, "answer: the %s screen is no safety page", app_screen_name(a));
    if (flow_alert(f) >= 0)
        return fail(r, line, "answer: the \"tell the front desk now\" message shows");
    int qs[CONTENT_MAX_QUESTIONS];
    int n = flow_page_questions(f, qs, CONTENT_MAX_QUESTIONS);
    const intake *in = flow_intake(f);
    char buf[64];
    if (flow_screening_part(f) == PART_CHECKLIST) {
        bool ticked = false;
        for (int i = 0; i < n; i++) {
            const pm_question *q = content_question(c, (size_t)qs[i]);
            const char *want = wanted_answer(spec, q->id, true, buf, sizeof buf);
            if (want && strcmp(want, "yes") == 0 && in->answers[qs[i]] != 0) {
                char id[REPLAY_ARG_MAX];
                snprintf(id, sizeof id, "check_%s", q->id);
                if (press(r, line, id))
                    return 1;
                ticked = true;
            }
        }
        return ticked ? 0 : press(r, line, "check_none");
    }
    for (int i = 0; i < n; i++) {
        const pm_question *q = content_question(c, (size_t)qs[i]);
        const char *want = wanted_answer(spec, q->id, in->answers[qs[i]] != INTAKE_UNSET, buf,
                                         sizeof buf);
        if (!want)
            continue;
        int pick = -1;
        for (size_t k = 0; k < q->nanswers; k++)
            if (strcmp(q->answer_ids[k], want) == 0)
                pick = (int)k;
        for (size_t k = 0; pick < 0 && strcmp(want, "no") == 0 && k < q->nanswers; k++)
            if (q->answer_flags[k] == FLAG_NONE)
                pick = (int)k;
        if (pick < 0)
            return fail(r, line, "answer: question '%s' has no answer '%s'", q->id, want);
        char id[REPLAY_ARG_MAX];
        snprintf(id, sizeof id, "q_%s_%s", q->id, q->answer_ids[pick]);
        if (press(r, line, id))
            return 1;
        in = flow_intake(app_flow(a));
    }
    return 0;
}

/* Saved intakes in the state folder (.json), and anything there that is
 * neither a saved intake nor the kiosk's own bookkeeping: a left-over. */
static int count_intakes(const char *dir, char *stray, size_t size)
{
    int n = 0;
    stray[0] = '\0';
    DIR *d = dir[0] ? opendir(dir) : NULL;
    if (!d)
        return 0;
    for (struct dirent *e; (e = readdir(d));) {
        const char *name = e->d_name;
        size_t l = strlen(name);
        if (name[0] == '.')
            continue;
        if (l > 5 && strcmp(name + l - 5, ".json") == 0)
            n++;
        else if (!(l > 5 && strcmp(name + l - 5, ".html") == 0) && strcmp(name, "clock-trusted") != 0)
            snprintf(stray, size, "%s", name);
    }
    closedir(d);
    return n;
}

/* Nothing of the client who just left: not in the flow, not on screen or
 * in the text cache, not in the state folder beyond what was saved. */
static int nothing_left(runner *r, int line)
{
    app *a = r->a;
    const flow *f = app_flow(a);
    if (!f)
        return fail(r, line, "nothing_left: the kiosk needs attention");
    if (app_dirty(a))
        app_draw(a);
    intake fresh;
    intake_init(&fresh, content_lang_code(app_content(a), (size_t)flow_lang(f)));
    if (memcmp(flow_intake(f), &fresh, sizeof fresh) != 0)
        return fail(r, line, "nothing_left: the flow still holds an intake (%d areas, name '%s')",
                    flow_intake(f)->nmarks, flow_intake(f)->name);
    if (flow_saved(f) || flow_screen(f) != SCREEN_WELCOME)
        return fail(r, line, "nothing_left: the %s screen shows, not welcome", app_screen_name(a));
    const screen_view *v = app_view(a);
    bool close = v->chart.valid && v->chart.at.close;
    if (v->large_text || v->asking || v->enlarged >= 0 || v->scroll || close)
        return fail(r, line, "nothing_left: the view is not plain (larger text %d, a question %d, "
                             "a picture %d, scrolled %d, a close-up %d)",
                    v->large_text, v->asking, v->enlarged, v->scroll, close);
    if (r->typed[0] && r_cache_holds(app_render(a), r->typed))
        return fail(r, line, "nothing_left: '%s' is still in the text cache", r->typed);
    char stray[256];
    int n = count_intakes(app_intakes_dir(a), stray, sizeof stray);
    if (stray[0])
        return fail(r, line, "nothing_left: a left-over in %s: %s", app_intakes_dir(a), stray);
    if (n != r->saved_before + r->saves)
        return fail(r, line, "nothing_left: %d intakes in %s, but %d were saved (%d were there before)",
                    n, app_intakes_dir(a), r->saves, r->saved_before);
    return 0;
}

/* Back and a review's Change links may take the client back a section. */
static bool way_back_id(const char *id) { return strcmp(id, "back") == 0 || strncmp(id, "edit_", 5) == 0; }

/* Whether a touch by coordinates (tap, dtap X Y, drag: a monkey's) starts
 * on Back or a Change link, in the layout before it. */
static bool touches_way_back(app *a, const replay_cmd *c)
{
    int x, y;
    if ((c->op == RP_TAP || c->op == RP_DTAP) && !c->arg[0]) {
        x = c->x;
        y = c->y;
    } else if (c->op == RP_DRAG && c->npoints > 0) {
        x = c->px[0];
        y = c->py[0];
    } else {
        return false;
    }
    const wlist *wl = app_widgets(a);
    int i = wl ? w_hit(wl, x, y) : -1;
    const widget *w = i >= 0 ? w_at(wl, i) : NULL;
    return w && way_back_id(w->id);
}

/* After every command: the progress never goes back a section or changes
 * its number of sections (Back, a Change link and a start over may take
 * the client back), and the saves are counted. */
static int after_command(runner *r, const replay_cmd *c)
{
    app *a = r->a;
    const flow *f = app_flow(a);
    if (!f || r->errors)
        return 0;
    const saver *sv = app_saver(a);
    if (sv && saver_last_saved(sv)[0] && strcmp(saver_last_saved(sv), r->last_saved) != 0) {
        snprintf(r->last_saved, sizeof r->last_saved, "%s", saver_last_saved(sv));
        r->saves++;
    }
    int sec = flow_section(f), total = flow_section_count(f);
    bool may_go_back = (c->op == RP_PRESS && way_back_id(c->arg)) || r->touches_way_back ||
                       flow_resets(f) != r->resets;
    if (r->sections >= 0 && total != r->sections)
        return fail(r, c->line, "the progress changed its number of sections from %d to %d",
                    r->sections, total);
    if (sec < r->section && !may_go_back && sec >= 0)
        return fail(r, c->line, "the progress went back from section %d to %d", r->section + 1,
                    sec + 1);
    r->section = sec;
    r->sections = total;
    r->resets = flow_resets(f);
    return 0;
}

static int exec(runner *r, const replay_cmd *c)
{
    app *a = r->a;
    switch (c->op) {
    case RP_TAP:
        if (c->x >= app_width(a) || c->y >= app_height(a))
            return fail(r, c->line, "tap %d %d is outside the %dx%d screen", c->x, c->y,
                        app_width(a), app_height(a));
        kit_tap(a, c->x, c->y);
        return 0;
    case RP_DTAP: {
        int x = c->x, y = c->y;
        if (c->arg[0]) {
            char why[700];
            bool now;
            if (!kit_aim(a, c->arg, &x, &y, &now, why, sizeof why))
                return fail(r, c->line, "%s", why);
        } else if (x >= app_width(a) || y >= app_height(a)) {
            return fail(r, c->line, "dtap %d %d is outside the %dx%d screen", x, y, app_width(a),
                        app_height(a));
        }
        kit_taps(a, x, y, c->count, c->ms);
        return 0;
    }
    case RP_PRESS:
        return press(r, c->line, c->arg);
    case RP_TYPE:
        snprintf(r->typed, sizeof r->typed, "%s", c->arg);
        return type_text(r, c->line, c->arg);
    case RP_SEEK:
        for (int k = 0; k <= 8; k++) {
            scroll_to(a, c->arg);
            if (app_widget(a, c->arg))
                return 0;
            if (k == 8 || !app_widget(a, "next"))
                break;
            if (press(r, c->line, "next"))
                return 1;
        }
        return fail(r, c->line, "seek: no '%s' on the %s screen, however far on", c->arg,
                    app_screen_name(a));
    case RP_NOTHING_LEFT:
        return nothing_left(r, c->line);
    case RP_ANSWER:
        return answer_page(r, c->line, c->arg);
    case RP_SAFETY:
        for (int k = 0; k < CONTENT_MAX_QUESTIONS + 4; k++) {
            const flow *f = app_flow(a);
            if (!f || flow_screen(f) != SCREEN_SCREENING)
                return 0;
            /* "stop=checklist" or "stop=followup": stay at that page */
            char stop[32];
            if (wanted_answer(c->arg, "stop", true, stop, sizeof stop) && flow_alert(f) < 0 &&
                ((strcmp(stop, "checklist") == 0 && flow_screening_part(f) == PART_CHECKLIST) ||
                 (strcmp(stop, "followup") == 0 && flow_screening_part(f) == PART_FOLLOWUP)))
                return 0;
            int step = flow_step(f);
            if (answer_page(r, c->line, c->arg))
                return 1;
            if (flow_screen(f) == SCREEN_SCREENING && flow_step(f) == step &&
                press(r, c->line, "next"))
                return 1;
        }
        return fail(r, c->line, "safety: the screening did not end");
    case RP_WAIT: {
        char traced[32];
        snprintf(traced, sizeof traced, "wait %u", (unsigned)c->ms);
        kit_trace(traced);
        app_advance(a, c->ms);
        return 0;
    }
    case RP_SHOT:
        return shot(r, c->line, c->arg);
    case RP_HOLD: {
        const widget *w = app_widget(a, c->arg);
        if (!w)
            return fail(r, c->line, "hold: no '%s' on the %s screen", c->arg, app_screen_name(a));
        /* the middle of its box (clinic_name is an area, not a button) */
        kit_hold(a, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2, c->ms);
        return 0;
    }
    case RP_EXPECT: {
        if (content_screen_from_name(c->arg) < 0 && strcmp(c->arg, "still_there") != 0 &&
            strcmp(c->arg, "needs_attention") != 0 && strncmp(c->arg, "staff_", 6) != 0 &&
            strcmp(c->arg, "learn_areas") != 0 && strcmp(c->arg, "learn_list") != 0 &&
            strcmp(c->arg, "learn_page") != 0)
            return fail(r, c->line, "expect: '%s' is not a screen name", c->arg);
        if (app_dirty(a))
            app_draw(a);
        const char *now = app_screen_name(a);
        if (strcmp(now, c->arg) != 0)
            return fail(r, c->line, "expected the %s screen, but %s is showing", c->arg, now);
        return 0;
    }
    case RP_DRAG:
        for (int i = 0; i < c->npoints; i++)
            if (c->px[i] >= app_width(a) || c->py[i] >= app_height(a))
                return fail(r, c->line, "drag point %d %d is outside the %dx%d screen", c->px[i],
                            c->py[i], app_width(a), app_height(a));
        kit_drag(a, c->px, c->py, c->npoints);
        return 0;
    case RP_FORGOTTEN:
        return forgotten(r, c->line, c->arg);
    case RP_QUIT:
        return 0;
    }
    return 0;
}

int replay_run_file(app *a, const char *path, const replay_opts *o)
{
    runner r = {.a = a, .file = path, .o = o};
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s:0: cannot open the script: %s\n", path, strerror(errno));
        return 1;
    }
    /* A folder opens and reads as nothing: that must not pass as an empty
     * script that ran fine. */
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return fail(&r, 0, "not a script file (a folder or something else); give the path "
                           "of a .replay file");
    }
    char *text = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            char *t = realloc(text, cap);
            if (!t) {
                free(text);
                fclose(f);
                return fail(&r, 0, "out of memory reading the script");
            }
            text = t;
        }
        size_t got = fread(text + n, 1, 4096, f);
        n += got;
        if (got == 0)
            break;
    }
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad) {
        free(text);
        return fail(&r, 0, "cannot read the script: %s", strerror(errno));
    }
    text[n] = '\0';
    /* The parser reads a C string: a NUL byte would quietly end the script
     * there, and whatever follows would never run. */
    const char *nul = memchr(text, '\0', n);
    if (nul) {
        int at = 1;
        for (const char *p = text; p < nul; p++)
            at += *p == '\n';
        free(text);
        return fail(&r, at, "a NUL byte: a script is plain text (was it saved as UTF-16?)");
    }
    replay_script s;
    int line = 0;
    pm_msg err = {{0}};
    if (replay_parse(text, &s, &line, &err) != PM_OK) {
        free(text);
        return fail(&r, line, "%s", err.text);
    }
    free(text);
    /* Every frame a replay draws is also a layout check: text that does not
     * fit its box fails the script (render.c prints where). */
    rctx *rc = app_render(a);
    r_set_report(rc, true, r_report_msgs(rc));
    int overflows = r_overflows(rc);
    if (app_dirty(a))
        app_draw(a);
    app_started(a); /* as the kiosk's loop, once its first frame is up */
    int status = 0;
    r.contrast.ratio = 99;
    r.sections = -1;
    r.section = -1;
    if (app_flow(a))
        r.resets = flow_resets(app_flow(a));
    {
        char stray[256]; /* a state folder used again: what was there is no left-over */
        r.saved_before = count_intakes(app_intakes_dir(a), stray, sizeof stray);
    }
    if (o->large_text && app_flow(a)) {
        char why[700];
        if (!kit_press(a, "large_text", why, sizeof why))
            status = fail(&r, 0, "cannot turn on larger text: %s", why);
    }
    for (size_t i = 0; i < s.count && status == 0; i++) {
        const replay_cmd *c = &s.cmds[i];
        if (o->before)
            o->before(o->hook_ctx, a, c);
        r.touches_way_back = touches_way_back(a, c);
        status = c->op == RP_SHOT && o->no_shots ? 0 : exec(&r, c);
        if (status == 0)
            status = after_command(&r, c);
        if (c->op == RP_QUIT || (status == 0 && o->after && !o->after(o->hook_ctx, a, c)))
            break;
    }
    replay_free(&s);
    int more = r_overflows(rc) - overflows;
    if (status == 0 && more > 0)
        status = fail(&r, 0, "%d text box%s did not fit (listed above)", more, more == 1 ? "" : "es");
    if (r.contrast_shots && !o->quiet)
        fprintf(stderr, "%s: contrast: %d pairs measured on %d shots, the lowest %s\n", path,
                r.contrast.measured, r.contrast_shots, r.contrast.what);
    return status;
}

/* ---- the walker: the demo and the layout check ----------------------------- */

static int run(runner *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int run(runner *r, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    size_t l = strlen(line);
    if (r->len + l + 2 > r->cap) {
        size_t nc = r->cap ? r->cap * 2 : 4096;
        while (nc < r->len + l + 2)
            nc *= 2;
        char *s = realloc(r->script, nc);
        if (!s)
            return fail(r, r->line, "out of memory");
        r->script = s;
        r->cap = nc;
    }
    memcpy(r->script + r->len, line, l);
    r->len += l;
    r->script[r->len++] = '\n';
    r->script[r->len] = '\0';
    r->line++;
    replay_cmd c;
    int empty = 0;
    pm_msg err = {{0}};
    if (replay_parse_line(line, r->line, &c, &empty, &err) != PM_OK)
        return fail(r, r->line, "%s", err.text);
    if (empty)
        return 0;
    int status = exec(r, &c);
    app *a = r->a;
    rctx *rc = app_render(a);
    const flow *f = app_flow(a);
    const pm_content *ct = app_content(a);
    if (r_reports(rc) && r_overflows(rc) > r_overflows_described(rc) + r->undescribed) {
        /* A screen counted a problem without describing it (it printed
         * its own line): say at least where it is. */
        r->undescribed = r_overflows(rc) - r_overflows_described(rc);
        if (r_report_msgs(rc) && f && ct)
            pm_msgs_add(r_report_msgs(rc),
                        "%s: something does not fit at %dx%d on the %s screen (step %d, part %d), "
                        "after %s:%d (see the layout: line on stderr)",
                        content_lang_code(ct, (size_t)flow_lang(f)), app_width(a), app_height(a),
                        content_screen_name(flow_screen(f)), flow_step(f) + 1,
                        app_view(a)->part + 1, r->file, r->line);
    }
    return status;
}

/* Regions the demo marks: ones a massage client often points at, when the
 * content has them; otherwise the first regions of the front view. */
static int pick_regions(const pm_content *c, int *out, int max)
{
    static const char *const wanted[] = {"shoulder", "neck", "trap", "low_back", "lumbar", "calf"};
    int n = 0;
    for (size_t w = 0; w < sizeof wanted / sizeof wanted[0] && n < max; w++)
        for (size_t i = 0; i < content_region_count(c) && n < max; i++) {
            const pm_region *r = content_region(c, i);
            if (strstr(r->id, wanted[w]) && r->side != SIDE_RIGHT) {
                bool dup = false;
                for (int k = 0; k < n; k++)
                    dup |= out[k] == (int)i;
                if (!dup) {
                    out[n++] = (int)i;
                    break;
                }
            }
        }
    for (size_t i = 0; i < content_region_count(c) && n < 2; i++)
        out[n++] = (int)i;
    return n;
}

typedef struct {
    bool shots;        /* demo: one picture per screen */
    bool thorough;     /* layout check: every answer, every pattern */
    bool until_review; /* layout check: leave after the review (the client
                          walks away), as saving and thanks were checked */
    bool large_text;   /* the client's larger text on, from welcome */
    bool same_as;      /* the areas after the first: "same as the last" */
    const int *regions;
    int nregions;
    const char *name;
} walk_opts;

static int mark_region(runner *r, int region)
{
    app *a = r->a;
    const pm_region *reg = content_region(app_content(a), (size_t)region);
    if (flow_view(app_flow(a)) != reg->view &&
        run(r, "press %s", reg->view == VIEW_FRONT ? "view_front" : "view_back"))
        return 1;
    return run(r, "press %s", reg->id);
}

static int snap(runner *r, const walk_opts *w, const char *what, int step)
{
    if (!w->shots)
        return 0;
    if (step >= 0)
        return run(r, "shot %02d-%s-%d.png", r->shots + 1, what, step + 1);
    return run(r, "shot %02d-%s.png", r->shots + 1, what);
}

/* Every row of a page that scrolls, down to the end and back up: the
 * layout check lays out each part. */
static int scroll_through(runner *r)
{
    app *a = r->a;
    int down = 0;
    for (; down < 40; down++) {
        const widget *d = app_widget(a, "scroll_down");
        if (!d || d->act == ACT_NONE)
            break;
        if (run(r, "press scroll_down"))
            return 1;
    }
    for (int k = 0; k < down; k++) {
        const widget *u = app_widget(a, "scroll_up");
        if (!u || u->act == ACT_NONE)
            break;
        if (run(r, "press scroll_up"))
            return 1;
    }
    return 0;
}

static int details_page(runner *r, const walk_opts *w, int step)
{
    app *a = r->a;
    const pm_content *c = app_content(a);
    int slot = flow_detail_slot(app_flow(a));
    unsigned asks = flow_detail_asks(app_flow(a));
    bool pic = step == 0 || (step == 1 && !(asks & DETAIL_STRENGTH)) || w->thorough;
    if (w->same_as && slot >= 2 && flow_same_as_offered(app_flow(a)))
        return snap(r, w, "details-same", step) || run(r, "press same_as_last");
    if ((asks & DETAIL_STRENGTH) && run(r, "press intensity_%d", 3 + (slot * 3) % 8))
        return 1;
    size_t nd = content_duration_count(c), nq = content_quality_count(c);
    if ((asks & DETAIL_DURATION) && nd &&
        run(r, "press duration_%s", content_duration(c, (size_t)slot % nd)->id))
        return 1;
    /* two of the feelings, different per area */
    for (size_t q = 0; (asks & DETAIL_FEELINGS) && q < 2 && q < nq; q++)
        if (run(r, "press quality_%s", content_quality(c, (q + (size_t)slot) % nq)->id))
            return 1;
    if (pic && snap(r, w, "details", step))
        return 1;
    if (w->thorough && scroll_through(r))
        return 1;
    return run(r, "press next");
}

static int answer_id_of(const pm_question *q, bool flagged)
{
    for (size_t i = 0; i < q->nanswers; i++)
        if ((q->answer_flags[i] != FLAG_NONE) == flagged)
            return (int)i;
    return 0;
}

static int screening_page(runner *r, const walk_opts *w, int step)
{
    app *a = r->a;
    const pm_content *c = app_content(a);
    const flow *f = app_flow(a);
    if (flow_alert(f) >= 0)
        return snap(r, w, "screening-now", -1) || run(r, "press alert_go_on");
    int qs[CONTENT_MAX_QUESTIONS];
    int n = flow_page_questions(f, qs, CONTENT_MAX_QUESTIONS);
    if (flow_screening_part(f) == PART_CHECKLIST) {
        if (w->thorough) {
            /* every item ticked (its notice shown, the follow-ups it brings
             * on measured later), then on */
            for (int i = 0; i < n; i++)
                if (run(r, "press check_%s", content_question(c, (size_t)qs[i])->id))
                    return 1;
            if (scroll_through(r) || snap(r, w, "screening-checklist", -1))
                return 1;
            return run(r, "press next");
        }
        if (snap(r, w, "screening-checklist", -1))
            return 1;
        return run(r, "press check_none");
    }
    for (int i = 0; i < n; i++) {
        const pm_question *q = content_question(c, (size_t)qs[i]);
        int keep = answer_id_of(q, false);
        if (w->thorough) {
            /* every answer once; one that means "now" shows its message,
             * changed back; the walk keeps a flagged answer, so the
             * follow-ups it brings on are measured too */
            int flagged = -1;
            for (size_t k = 0; k < q->nanswers; k++) {
                screening_class cls = screening_classify(c, qs[i], (int)k);
                if (run(r, "press q_%s_%s", q->id, q->answer_ids[k]))
                    return 1;
                if (cls == SCREENING_NOW) {
                    if (run(r, "press alert_change"))
                        return 1;
                } else if (cls != SCREENING_NONE && flagged < 0) {
                    flagged = (int)k;
                }
            }
            if (flagged >= 0)
                keep = flagged;
        }
        if (run(r, "press q_%s_%s", q->id, q->answer_ids[keep]))
            return 1;
        if (w->thorough && scroll_through(r))
            return 1;
    }
    if (snap(r, w, "screening", step))
        return 1;
    return run(r, "press next");
}

static int walk(runner *r, const walk_opts *w)
{
    app *a = r->a;
    if (!app_flow(a))
        return fail(r, 0, "the kiosk needs attention (see the log above); nothing to walk");
    bool overlay_shown = false;
    for (int guard = 0; guard < 600; guard++) {
        if (app_dirty(a))
            app_draw(a);
        pm_screen s = flow_screen(app_flow(a));
        int step = flow_step(app_flow(a));
        const char *name = content_screen_name(s);
        if (flow_alert(app_flow(a)) < 0 && run(r, "expect %s", name))
            return 1;
        switch (s) {
        case SCREEN_WELCOME:
            if (w->large_text && !app_view(a)->large_text && run(r, "press large_text"))
                return 1;
            if (snap(r, w, name, -1) || run(r, "press start"))
                return 1;
            continue;
        case SCREEN_NAME:
            if (run(r, "type %s", w->name) || snap(r, w, name, -1))
                return 1;
            break;
        case SCREEN_CHART:
            for (int i = 0; i < w->nregions; i++) {
                if (mark_region(r, w->regions[i]))
                    return 1;
                if (i == 0 && w->shots && !overlay_shown) {
                    /* The idle prompt, shown once over the chart. */
                    if (run(r, "wait %u", flow_default_timing().idle_ms) ||
                        run(r, "expect still_there") || snap(r, w, "still-there", -1) ||
                        run(r, "press still_here"))
                        return 1;
                    overlay_shown = true;
                }
            }
            if (flow_view(app_flow(a)) != VIEW_FRONT && run(r, "press view_front"))
                return 1;
            if (snap(r, w, name, -1))
                return 1;
            break;
        case SCREEN_DETAILS:
            if (details_page(r, w, step))
                return 1;
            continue;
        case SCREEN_SCREENING:
            if (screening_page(r, w, step))
                return 1;
            continue;
        case SCREEN_PATTERNS: {
            int cand[FLOW_MAX_CANDIDATES];
            int n = flow_candidates(app_flow(a), cand, FLOW_MAX_CANDIDATES);
            for (int i = 0; i < n && (w->thorough || i < 1); i++)
                if (run(r, "press pattern_%s", content_muscle(app_content(a), (size_t)cand[i])->id))
                    return 1;
            if (n == 0 && run(r, "press none_of_these"))
                return 1;
            if (snap(r, w, name, -1))
                return 1;
            if (n > 0 && (w->thorough || w->shots)) {
                /* the first picture full screen, and back */
                if (run(r, "press bigger_%s", content_muscle(app_content(a), (size_t)cand[0])->id) ||
                    snap(r, w, "patterns-bigger", -1) || run(r, "press close_picture"))
                    return 1;
            }
            if (w->thorough && scroll_through(r))
                return 1;
            break;
        }
        case SCREEN_PREFERENCES: {
            const pm_content *c = app_content(a);
            if (content_pressure_count(c) &&
                run(r, "press pressure_%s", content_pressure(c, 0)->id))
                return 1;
            if (content_avoid_count(c) && run(r, "press avoid_%s", content_avoid(c, 0)->id))
                return 1;
            if (snap(r, w, name, -1))
                return 1;
            if (w->thorough && scroll_through(r))
                return 1;
            break;
        }
        case SCREEN_CONSENT: {
            const widget *pad = app_widget(a, "signature");
            if (pad) {
                /* A signature-like scribble through the pad. */
                SDL_Rect p = pad->r;
                char line[400] = "drag";
                for (int i = 0; i <= 12; i++) {
                    int x = p.x + p.w / 8 + i * (p.w * 3 / 4) / 12;
                    int y = p.y + p.h / 2 + ((i % 4) - 1) * p.h / 6;
                    size_t l = strlen(line);
                    snprintf(line + l, sizeof line - l, " %d %d", x, y);
                }
                if (run(r, "%s", line))
                    return 1;
            }
            if (snap(r, w, name, -1))
                return 1;
            break;
        }
        case SCREEN_REVIEW:
            if (snap(r, w, name, -1))
                return 1;
            if (!w->shots && scroll_through(r))
                return 1;
            if (w->until_review) {
                /* Nobody there: the idle prompt, then the wipe. */
                for (int k = 0; k < 100 && flow_screen(app_flow(a)) != SCREEN_WELCOME; k++)
                    if (run(r, "wait 10000"))
                        return 1;
                return run(r, "expect welcome");
            }
            break;
        case SCREEN_SAVING:
            if (snap(r, w, name, -1))
                return 1;
            return fail(r, r->line, "the save failed: %s",
                        app_saver(a) ? saver_problem(app_saver(a)) : "no saver");
        case SCREEN_THANKS:
            if (snap(r, w, name, -1))
                return 1;
            return run(r, "press finish") || run(r, "expect welcome");
        case SCREEN_EDUCATION:
            if (snap(r, w, name, step))
                return 1;
            if ((w->thorough || w->shots) && scroll_through(r))
                return 1;
            break;
        case SCREEN_ABOUT:
            if (snap(r, w, name, -1))
                return 1;
            break;
        case SCREEN_COUNT:
            break;
        }
        /* Next, through any remaining parts of this step, to the next step. */
        for (int k = 0; k < 12 && app_widget(a, "next"); k++) {
            if (run(r, "press next"))
                return 1;
            if (app_dirty(a))
                app_draw(a);
            if (flow_screen(app_flow(a)) != s || flow_step(app_flow(a)) != step || app_view(a)->parts <= 1)
                break;
        }
    }
    return fail(r, r->line, "the walk-through did not reach the end");
}

/* The widget id of the first entry of group g's Learn list. */
static const char *learn_first_id(app *a, int g, char *id, size_t size)
{
    learn_item it;
    const pm_content *c = app_content(a);
    if (learn_items_for(c, g, &it, 1) == 0)
        return "none";
    snprintf(id, size, "%s_%s", it.is_muscle ? "muscle" : "page",
             it.is_muscle ? content_muscle(c, (size_t)it.index)->id : content_page(c, (size_t)it.index)->id);
    return id;
}

int demo_run(app *a, const char *outdir)
{
    char script_path[1024];
    snprintf(script_path, sizeof script_path, "%s/demo.replay", outdir);
    replay_opts o = {.shots_dir = outdir};
    runner r = {.a = a, .file = script_path, .o = &o};
    mkdirs(script_path);
    int regions[4];
    int n = app_content(a) ? pick_regions(app_content(a), regions, 3) : 0;
    walk_opts w = {.shots = true, .regions = regions, .nregions = n, .name = "María José Núñez"};
    int rc = walk(&r, &w);
    /* Learn, from Welcome: the parts of the body, the first one's list, its
     * first page, and out. */
    int areas[CONTENT_MAX_GROUPS];
    char first[80];
    size_t na = rc || !app_content(a) ? 0 : learn_areas(app_content(a), areas, CONTENT_MAX_GROUPS);
    if (na > 0)
        rc = run(&r, "press learn") || snap(&r, &w, "learn-areas", -1) ||
             run(&r, "press area_%s", content_group(app_content(a), (size_t)areas[0])->id) ||
             snap(&r, &w, "learn-list", -1) || run(&r, "press %s", learn_first_id(a, areas[0], first, sizeof first)) ||
             snap(&r, &w, "learn-page", -1) || run(&r, "press exit") || run(&r, "expect welcome");
    FILE *f = fopen(script_path, "w");
    if (f) {
        fprintf(f, "# The demo walk-through, as run by: painmap --demo %s\n", outdir);
        fputs(r.script ? r.script : "", f);
        fclose(f);
    }
    free(r.script);
    printf("demo: %d screenshots in %s/\n", r.shots, outdir);
    printf("demo: the script it ran: %s\n", script_path);
    if (app_saver(a) && saver_last_saved(app_saver(a))[0])
        printf("demo: saved summary: %s (and .html)\n", saver_last_saved(app_saver(a)));
    return rc;
}

/* ---- layout check ------------------------------------------------------------- */

/* Why it is fast enough for every --check-data: it lays out and measures
 * every screen but draws no pixels (app.measure_only) and never rasterises
 * the chart artwork; one app per size walks all languages in turn, with
 * larger text off and then on; and only the first walk per language tries
 * every answer and pattern and types the long name, the others only add
 * the remaining regions' detail steps. */

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

/* The fonts a layout check needs, or why it cannot check. */
static bool fonts_there(app *a, pm_msgs *problems)
{
    rctx *rc = app_render(a);
    bool reg = r_has_font(rc, false), bold = r_has_font(rc, true);
    if (reg && bold)
        return true;
    pm_msgs_add(problems,
                "layout: text fit not checked: the font%s %s%s cannot be opened from %s; "
                "install fonts-dejavu-core, or set PAINMAP_FONT_DIR to a folder with "
                "DejaVuSans.ttf and DejaVuSans-Bold.ttf",
                !reg && !bold ? "s" : "", !reg ? "DejaVuSans.ttf" : "",
                !bold ? (!reg ? " and DejaVuSans-Bold.ttf" : "DejaVuSans-Bold.ttf") : "",
                r_font_dir(rc));
    return false;
}

/* One app at size w x h set up for checking; NULL (reason in problems)
 * when it cannot check: SDL does not start, a font or the content is
 * missing. */
static app *probe_init(const app_options *base, int w, int h, const char *state,
                       pm_msgs *problems)
{
    app_options o = *base;
    o.w = w;
    o.h = h;
    o.lang = NULL;
    o.state_dir = state;
    app *a = app_create(&o);
    if (!a) {
        pm_msgs_add(problems, "layout: SDL cannot start headless (see the message above); text "
                              "fit not checked");
        return NULL;
    }
    if (!fonts_there(a, problems)) {
        app_destroy(a);
        return NULL;
    }
    if (!app_content(a) || !app_flow(a)) {
        pm_msgs_add(problems, "layout: the content in %s cannot be loaded (see above); text fit "
                              "not checked", o.data_dir);
        app_destroy(a);
        return NULL;
    }
    rctx *rc = app_render(a);
    r_set_measure_only(rc, true);
    chart_art_skip(app_chart(a)); /* the figure from region polygons: same layout */
    r_set_report(rc, true, problems);
    return a;
}

/* A layout walk failed: keeps its script (r->file) to replay by hand and
 * starts a fresh app in the size's state folder, since the old one is
 * somewhere in the middle. NULL when the new one cannot start. */
static app *after_failed_walk(app *a, const runner *r, const app_options *base, int w, int h,
                              const char *state, pm_msgs *problems)
{
    FILE *f = r->script ? fopen(r->file, "w") : NULL;
    if (f) {
        fputs(r->script, f);
        fclose(f);
    }
    app_destroy(a);
    return probe_init(base, w, h, state, problems);
}

/* ---- Learn -------------------------------------------------------------------- */

/* Learn in the language the app shows: every area, every page of its list,
 * every page and muscle once (each part), then out to Welcome. */
/* Learn from Welcome: every area, every list page, every page scrolled to
 * its end; with larger text on (big) from the areas screen. */
static int learn_walk(runner *r, bool big)
{
    app *a = r->a;
    const pm_content *c = app_content(a);
    if (learn_areas(c, NULL, 0) == 0)
        return 0; /* nothing to read: Welcome offers no Learn */
    size_t np = content_page_count(c), nm = content_muscle_count(c);
    bool *seen = calloc(np + nm + 1, sizeof *seen);
    learn_item *items = calloc(np + nm + 1, sizeof *items);
    int rc = !seen || !items || run(r, "press learn") || run(r, "expect learn_areas");
    if (!rc && big != app_view(a)->large_text)
        rc = run(r, "press large_text");
    int areas[CONTENT_MAX_GROUPS];
    size_t na = rc ? 0 : learn_areas(c, areas, CONTENT_MAX_GROUPS);
    for (size_t i = 0; i < na && i < CONTENT_MAX_GROUPS && !rc; i++) {
        if (i && i % LEARN_PER_PAGE == 0 && run(r, "press more"))
            rc = 1;
        if (rc || run(r, "press area_%s", content_group(c, (size_t)areas[i])->id) ||
            run(r, "expect learn_list")) {
            rc = 1;
            break;
        }
        size_t n = learn_items_for(c, areas[i], items, np + nm + 1);
        for (size_t k = 0; k < n && !rc; k++) {
            if (k && k % LEARN_PER_PAGE == 0 && run(r, "press more")) {
                rc = 1;
                break;
            }
            size_t slot = items[k].is_muscle ? np + (size_t)items[k].index : (size_t)items[k].index;
            if (seen[slot])
                continue;
            seen[slot] = true;
            const char *id = items[k].is_muscle ? content_muscle(c, (size_t)items[k].index)->id
                                                : content_page(c, (size_t)items[k].index)->id;
            if (run(r, "press %s_%s", items[k].is_muscle ? "muscle" : "page", id) ||
                run(r, "expect learn_page")) {
                rc = 1;
                break;
            }
            /* down the page to its end: every row drawn (and its fit checked) */
            for (int down = 0; down < 32 && app_widget(a, "scroll_down") && !rc; down++) {
                int before = app_view(a)->scroll;
                rc = run(r, "press scroll_down");
                if (app_view(a)->scroll == before)
                    break;
            }
            if (!rc)
                rc = run(r, "press back");
        }
        for (int back = 0; back < 64 && !rc && strcmp(app_screen_name(a), "learn_list") == 0; back++)
            rc = run(r, "press back");
    }
    free(seen);
    free(items);
    return rc || run(r, "press exit") || run(r, "expect welcome");
}

/* ---- the staff screens, with real and extreme intakes --------------------- */

/* The layout check's staff mode: PIN 2580 at yescrypt's lowest cost (the
 * check opens the pad once per language and size), and the longest clinic
 * name painmap.conf takes (60 characters), in wide letters. */
#define LAYOUT_PIN_HASH "$y$j75$k3KOipKMkp0PVZrPpFL6V.$T33pDKhZDAgkD/Jsnzf19/ONxuXnVyr4k0wwlIfoS91"
#define LAYOUT_CLINIC "Clínica Wolfgang Mühlenberg-Wortmann: Masaje y Fisioterapia"
/* The longest name the keyboard takes (40 characters), in wide letters. */
#define LAYOUT_LONG_NAME "Wilhelmina Mwangi-Wójcik Montgomery Wahl"

/* (40 characters; "ó" is two bytes.) */
#define LAYOUT_SEED_AT INT64_C(1795766400) /* an hour before replays' fixed clock */

/* Regions sorted by the length of their words in lang, longest first. */
static void longest_regions(const pm_content *c, size_t lang, int *order, size_t n)
{
    for (size_t i = 0; i < n; i++)
        order[i] = (int)i;
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0; k--) {
            const pm_region *a = content_region(c, (size_t)order[k]);
            const pm_region *b = content_region(c, (size_t)order[k - 1]);
            size_t la = strlen(content_text(c, lang, a->label_key)) + strlen(content_text(c, lang, a->term_key));
            size_t lb = strlen(content_text(c, lang, b->label_key)) + strlen(content_text(c, lang, b->term_key));
            if (la <= lb)
                break;
            int t = order[k];
            order[k] = order[k - 1];
            order[k - 1] = t;
        }
}

/* Saves the intakes the staff screens are checked with, in the state
 * folder before the app starts: the heaviest the kiosk can make (32 areas
 * with the longest names, every feeling, the longest duration, every
 * safety answer flagged, 8 patterns, the longest name), one area with
 * every feeling and a long name, and one with nothing but its name. */
static bool seed_staff_intakes(const char *data_dir, const char *state, int64_t when,
                               pm_msgs *problems)
{
    pm_content *c = NULL;
    pm_msgs ignore;
    pm_msgs_init(&ignore);
    pm_status st = content_load(data_dir, &c, &ignore);
    pm_msgs_free(&ignore);
    store *sto = NULL;
    if (st == PM_OK)
        st = store_open(state, NULL, &sto, NULL);
    intake *in = malloc(sizeof *in);
    for (size_t lang = 0; st == PM_OK && in && lang < content_lang_count(c); lang++) {
        int order[CONTENT_MAX_REGIONS];
        size_t nr = content_region_count(c);
        longest_regions(c, lang, order, nr);
        uint32_t all = 0;
        for (size_t q = 0; q < content_quality_count(c) && q < 32; q++)
            all |= UINT32_C(1) << q;
        size_t longest_duration = 0;
        for (size_t d = 1; d < content_duration_count(c); d++)
            if (strlen(content_text(c, lang, content_duration(c, d)->label_key)) >
                strlen(content_text(c, lang, content_duration(c, longest_duration)->label_key)))
                longest_duration = d;
        for (int shape = 0; shape < 3 && st == PM_OK; shape++) {
            intake_init(in, content_lang_code(c, lang));
            intake_name_append(in, shape == 2 ? "W" : LAYOUT_LONG_NAME);
            size_t marks = shape == 0 ? INTAKE_MAX_MARKS : shape == 1 ? 1 : 0;
            for (size_t m = 0; m < marks && m < nr; m++) {
                int slot = intake_toggle_region(in, order[m]);
                intake_set_intensity(in, slot, 9);
                for (size_t q = 0; q < content_quality_count(c) && q < 32; q++)
                    if (all & (UINT32_C(1) << q))
                        intake_toggle_quality(in, slot, (int)q);
                intake_set_duration(in, slot, (int)longest_duration);
            }
            for (size_t q = 0; shape == 0 && q < content_question_count(c); q++) {
                const pm_question *qu = content_question(c, q);
                int pick = 0;
                for (size_t a = 1; a < qu->nanswers; a++)
                    if (qu->answer_flags[a] > qu->answer_flags[pick])
                        pick = (int)a;
                in->answers[q] = (int8_t)pick;
            }
            for (size_t i = 0; shape == 0 && i < INTAKE_MAX_PATTERNS && i < content_muscle_count(c); i++)
                intake_toggle_pattern(in, (int)i);
            if (shape != 0)
                intake_choose_none(in);
            in->consent = true;
            intake_sig_add(in, 500, 200, true);
            st = record_save(sto, c, in, when - 600 * (int64_t)(lang * 3 + (size_t)shape + 1), 0,
                             NULL, NULL);
            intake_wipe(in);
        }
    }
    free(in);
    store_close(sto);
    if (c)
        content_free(c);
    if (st != PM_OK)
        pm_msgs_add(problems, "layout: the staff screens' test intakes could not be saved in %s "
                              "(%s); staff screens not checked", state, pm_status_name(st));
    return st == PM_OK;
}

/* Removes the "exported" markers of the state folder's intakes. */
static void forget_exports(const char *state)
{
    char dir[700];
    snprintf(dir, sizeof dir, "%s/intakes", state);
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t n = strlen(de->d_name);
        if (n > 9 && strcmp(de->d_name + n - 9, ".exported") == 0) {
            char path[1000];
            snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
            unlink(path);
        }
    }
    closedir(d);
}

/* Staff mode end to end in the staff language the app was made with: the
 * PIN, the queue (every page), every intake (every page), the copy to a
 * stand-in stick and its report, the delete question. */
static int staff_walk(runner *r)
{
    app *a = r->a;
    if (run(r, "hold clinic_name 3100") || run(r, "expect staff_pin") || run(r, "press pin_2") ||
        run(r, "press pin_5") || run(r, "press pin_8") || run(r, "press pin_0") ||
        run(r, "press pin_ok") || run(r, "expect staff_queue"))
        return 1;
    for (int item = 0; item < 12; item++) {
        if (app_dirty(a))
            app_draw(a);
        char id[32];
        snprintf(id, sizeof id, "item_%d", item);
        if (!app_widget(a, id)) { /* on a later page of the queue */
            if (!app_widget(a, "page_down") || run(r, "press page_down"))
                break;
            if (app_dirty(a))
                app_draw(a);
            if (!app_widget(a, id))
                break;
        }
        if (run(r, "press %s", id) || run(r, "expect staff_intake"))
            return 1;
        for (int page = 0; page < 32 && app_view(a)->scroll < app_view(a)->scroll_max &&
                           app_widget(a, "page_down");
             page++)
            if (run(r, "press page_down"))
                return 1;
        if (run(r, "press list") || run(r, "expect staff_queue"))
            return 1;
    }
    while (app_widget(a, "page_up") && app_view(a)->scroll > 0)
        if (run(r, "press page_up"))
            return 1;
    if (run(r, "press item_0") || run(r, "press delete") || run(r, "expect staff_confirm_delete") ||
        run(r, "press keep") || run(r, "press list") || run(r, "press export_new") ||
        run(r, "expect staff_export") || run(r, "press export_start") ||
        run(r, "expect staff_exporting") || run(r, "wait 100") ||
        run(r, "expect staff_export_done") || run(r, "press done") || run(r, "press lock_queue") ||
        run(r, "expect welcome"))
        return 1;
    return 0;
}

int layout_check_run(const app_options *base, const char *sizes, pm_msgs *problems, int *walks)
{
    int failed = 0;
    *walks = 0;
    size_t before = problems->count;
    char list[256];
    snprintf(list, sizeof list, "%s", sizes);
    const char *tmp = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char state[512];
    snprintf(state, sizeof state, "%s/painmap-layout-XXXXXX", tmp);
    if (!mkdtemp(state)) {
        pm_msgs_add(problems, "layout: cannot make a folder in %s for the walk-throughs' saves "
                              "(%s); text fit not checked", tmp, strerror(errno));
        return -1;
    }
    for (char *save = NULL, *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        int w = 0, h = 0;
        if (sscanf(tok, "%dx%d", &w, &h) != 2 || w < 320 || h < 320) {
            pm_msgs_add(problems, "layout: bad size '%s' (want WxH)", tok);
            failed = -1;
            break;
        }
        /* One state folder per size: each app's clock starts again at the
         * same instant, so saves of an earlier size would look "from the
         * future" to its start-up retention. */
        char sub[600];
        snprintf(sub, sizeof sub, "%s/%dx%d", state, w, h);
        app *a = probe_init(base, w, h, sub, problems);
        if (!a) {
            failed = -1;
            break;
        }
        size_t nl = content_lang_count(app_content(a));
        size_t nr = content_region_count(app_content(a));
        for (size_t k = 0; k < 2 * nl && a; k++) {
            /* every language, with larger text off and on */
            size_t li = k % nl;
            bool big = k >= nl;
            /* Enough walks that every region gets its own details step. */
            for (size_t first = 0; first < nr && a; first += INTAKE_MAX_MARKS) {
                const char *code = content_lang_code(app_content(a), li);
                flow_event lang = {.type = EV_SET_LANGUAGE, .arg = (int)li};
                app_send(a, &lang);
                int regions[INTAKE_MAX_MARKS];
                int n = 0;
                for (size_t i = first; i < nr && n < INTAKE_MAX_MARKS; i++)
                    regions[n++] = (int)i;
                char script[600];
                snprintf(script, sizeof script, "%s/painmap-layout-failed-%s-%s%s-%zu.replay", tmp,
                         tok, code, big ? "-large" : "", first / INTAKE_MAX_MARKS + 1);
                replay_opts ro = {.quiet = true};
                rctx *rc = app_render(a);
                runner r = {.a = a, .file = script, .o = &ro, .errors = problems,
                            .undescribed = r_overflows(rc) - r_overflows_described(rc)};
                /* The long name and every answer once per language; later
                 * walks add only the other regions' steps. */
                walk_opts wo = {.thorough = first == 0, .until_review = first > 0,
                                .large_text = big, .regions = regions, .nregions = n,
                                .name = first == 0 ? "Guadalupe Fernández-Villaverde" : "Ana"};
                int rc_walk = walk(&r, &wo);
                (*walks)++;
                if (rc_walk) {
                    failed++;
                    a = after_failed_walk(a, &r, base, w, h, sub, problems);
                    if (!a)
                        failed = -1;
                }
                free(r.script);
            }
            if (!a)
                break;
            /* Learn, in this language, larger text as the walks: every
             * area, list and page. */
            flow_event lang = {.type = EV_SET_LANGUAGE, .arg = (int)li};
            app_send(a, &lang);
            char script[600];
            snprintf(script, sizeof script, "%s/painmap-layout-failed-%s-%s%s-learn.replay", tmp, tok,
                     content_lang_code(app_content(a), li), big ? "-large" : "");
            replay_opts ro = {.quiet = true};
            rctx *rc = app_render(a);
            runner r = {.a = a, .file = script, .o = &ro, .errors = problems,
                        .undescribed = r_overflows(rc) - r_overflows_described(rc)};
            (*walks)++;
            if (learn_walk(&r, big)) {
                failed++;
                a = after_failed_walk(a, &r, base, w, h, sub, problems);
                if (!a)
                    failed = -1;
            }
            free(r.script);
        }
        app_destroy(a);
        if (failed < 0)
            break;
        /* Staff mode in every language, with the intakes just saved and the
         * extreme ones seeded here. */
        if (!seed_staff_intakes(base->data_dir, sub, LAYOUT_SEED_AT, problems)) {
            failed = -1;
            break;
        }
        char stick[620];
        snprintf(stick, sizeof stick, "%s/stick-%dx%d", state, w, h);
        pm_config cfg;
        if (base->config)
            cfg = *base->config;
        else
            config_defaults(&cfg, NULL);
        snprintf(cfg.staff_pin_hash, sizeof cfg.staff_pin_hash, "%s", LAYOUT_PIN_HASH);
        snprintf(cfg.clinic_name, sizeof cfg.clinic_name, "%s", LAYOUT_CLINIC);
        pm_content *langs = NULL;
        pm_msgs ignore;
        pm_msgs_init(&ignore);
        (void)content_load(base->data_dir, &langs, &ignore);
        pm_msgs_free(&ignore);
        for (size_t li = 0; langs && li < content_lang_count(langs) && failed >= 0; li++) {
            snprintf(cfg.default_language, sizeof cfg.default_language, "%s",
                     content_lang_code(langs, li));
            mkdir(stick, 0700);
            forget_exports(sub); /* every language copies them again */
            app_options so = *base;
            so.config = &cfg;
            so.usb_mount = stick;
            so.usb_any_folder = true;
            app *sa = probe_init(&so, w, h, sub, problems);
            if (!sa) {
                failed = -1;
                break;
            }
            char script[700];
            snprintf(script, sizeof script, "%s/painmap-layout-failed-%s-%s-staff.replay", tmp,
                     tok, content_lang_code(langs, li));
            replay_opts ro = {.quiet = true};
            rctx *rc = app_render(sa);
            runner r = {.a = sa, .file = script, .o = &ro, .errors = problems,
                        .undescribed = r_overflows(rc) - r_overflows_described(rc)};
            if (staff_walk(&r)) {
                failed++;
                FILE *f = r.script ? fopen(script, "w") : NULL;
                if (f) {
                    fputs(r.script, f);
                    fclose(f);
                }
            }
            (*walks)++;
            free(r.script);
            app_destroy(sa);
        }
        if (langs)
            content_free(langs);
        if (failed < 0)
            break;
    }
    nftw(state, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    if (failed < 0)
        return -1;
    return (int)(problems->count - before);
}

int layout_check(const app_options *base, const char *sizes)
{
    pm_msgs problems;
    pm_msgs_init(&problems);
    int walks = 0;
    int n = layout_check_run(base, sizes, &problems, &walks);
    for (size_t i = 0; i < problems.count; i++)
        printf("%s\n", problems.items[i]);
    pm_msgs_free(&problems);
    if (n < 0) {
        printf("layout: not checked (see above)\n");
        return 2;
    }
    printf("layout: %d walk-throughs, %d problem%s\n", walks, n, n == 1 ? "" : "s");
    return n ? 1 : 0;
}
