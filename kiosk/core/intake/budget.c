/* budget.c — the scripted clients and the reading model (see budget.h).
 *
 * Why in the core: screens and taps are the flow's events, so counting them
 * here measures the walk-through itself, in microseconds, at any layout,
 * with no window and no stopwatch. The list of texts each page shows is the
 * model's, written down once here (page_texts); the screens draw those
 * texts. */
#include "budget.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const pm_content *c;
    int lang;
    flow *f;
    uint64_t now;
    budget_result r;
    const char *seen[512];   /* texts read already (content-owned strings) */
    int nseen;
    int last_screen, last_step, last_alert;
    budget_trace trace;
    void *trace_ctx;
    int page_words, page_taps; /* counts when the page showing began */
} walker;

const char *budget_case_name(budget_case k)
{
    return k == BUDGET_HEAVY ? "heavy" : "typical";
}

int budget_count_words(const char *text)
{
    int n = 0;
    bool in_word = false, letter = false, brace = false;
    for (const unsigned char *p = (const unsigned char *)text;; p++) {
        bool space = *p == '\0' || *p == ' ' || *p == '\n' || *p == '\t';
        if (space) {
            if (in_word && letter && !brace)
                n++;
            in_word = letter = brace = false;
            if (*p == '\0')
                break;
            continue;
        }
        in_word = true;
        if (*p == '{')
            brace = true;
        /* ASCII letters, or any letter of a UTF-8 sequence (é, ñ, ß...):
         * "·" (C2 B7) and dashes are lead bytes too, so they are excluded */
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
            letter = true;
        else if (*p == 0xC3 || *p == 0xC4 || *p == 0xC5 || *p == 0xCE || *p == 0xCF ||
                 *p == 0xD0 || *p == 0xD1)
            letter = true;
    }
    return n;
}

/* Reads text (once in the walk). */
static void read_text(walker *w, const char *text)
{
    if (!text || !*text)
        return;
    for (int i = 0; i < w->nseen; i++)
        if (w->seen[i] == text || strcmp(w->seen[i], text) == 0)
            return;
    if (w->nseen < (int)(sizeof w->seen / sizeof w->seen[0]))
        w->seen[w->nseen++] = text;
    w->r.words += budget_count_words(text);
}

static void read_key(walker *w, const char *key)
{
    if (key && content_has_text(w->c, w->lang, key))
        read_text(w, content_text(w->c, w->lang, key));
}

/* ---- the reading model: what each page asks the client to read ---------- */

static void read_frame(walker *w)
{
    read_key(w, "ui.back");
    read_key(w, "ui.next");
    read_key(w, "ui.start_over");
    read_key(w, "ui.large_text");
    for (int i = 0; i < flow_section_count(w->f); i++)
        read_key(w, flow_section_key(w->f, i));
}

static void read_screening(walker *w)
{
    const pm_content *c = w->c;
    const intake *in = flow_intake(w->f);
    int qs[CONTENT_MAX_QUESTIONS];
    int n = flow_page_questions(w->f, qs, CONTENT_MAX_QUESTIONS);
    if (flow_alert(w->f) >= 0) {
        read_key(w, "ui.alert.title");
        read_key(w, flow_notice_key(w->f, flow_alert(w->f)));
        read_key(w, "ui.alert.go_on");
        read_key(w, "ui.alert.change");
        return;
    }
    if (flow_screening_part(w->f) == PART_CHECKLIST) {
        const char *prompt = content_checklist_text_key(c);
        read_key(w, prompt ? prompt : "ui.screening.checklist");
        for (int i = 0; i < n; i++)
            read_key(w, content_question(c, (size_t)qs[i])->text_key);
        const char *none = content_checklist_none_key(c);
        read_key(w, none ? none : "ui.screening.none");
        return;
    }
    read_key(w, "ui.screening.title");
    if (flow_page_no_offered(w->f))
        read_key(w, "ui.screening.page_no");
    for (int i = 0; i < n; i++) {
        const pm_question *q = content_question(c, (size_t)qs[i]);
        read_key(w, q->text_key);
        for (size_t a = 0; a < q->nanswers; a++)
            read_key(w, q->answer_keys[a]);
        if (in->answers[qs[i]] != INTAKE_UNSET)
            read_key(w, flow_notice_key(w->f, qs[i]));
    }
}

/* The texts of the page showing now. */
static void read_page(walker *w)
{
    const pm_content *c = w->c;
    const intake *in = flow_intake(w->f);
    pm_screen s = flow_screen(w->f);
    if (s != SCREEN_WELCOME && s != SCREEN_SAVING)
        read_frame(w);
    switch (s) {
    case SCREEN_WELCOME:
        read_key(w, "ui.welcome.title");
        read_key(w, "ui.welcome.lead");
        read_key(w, "ui.start");
        return;
    case SCREEN_ABOUT:
        read_key(w, "ui.about.title");
        read_key(w, "ui.about.p1");
        read_key(w, "ui.about.p2");
        read_key(w, "ui.about.p3");
        read_key(w, "ui.about.p4");
        return;
    case SCREEN_NAME:
        read_key(w, "ui.name.title");
        read_key(w, "ui.name.placeholder");
        return;
    case SCREEN_CHART:
        read_key(w, "ui.chart.title");
        read_key(w, "ui.chart.help");
        read_key(w, "ui.chart.tip");
        read_key(w, "ui.chart.front");
        read_key(w, "ui.chart.back");
        read_key(w, "ui.chart.your_left");
        read_key(w, "ui.chart.your_right");
        return;
    case SCREEN_DETAILS: {
        int slot = flow_detail_slot(w->f);
        unsigned asks = flow_detail_asks(w->f);
        read_key(w, "ui.details.title");
        read_key(w, content_region(c, (size_t)in->marks[slot].region)->label_key);
        if (asks & DETAIL_STRENGTH) {
            read_key(w, "ui.details.intensity");
            for (size_t i = 0; i < content_band_count(c); i++)
                read_key(w, content_band(c, i)->label_key);
        }
        if (asks & DETAIL_DURATION) {
            read_key(w, "ui.details.duration");
            for (size_t i = 0; i < content_duration_count(c); i++)
                read_key(w, content_duration(c, i)->label_key);
        }
        if (asks & DETAIL_FEELINGS) {
            read_key(w, "ui.details.qualities");
            for (size_t i = 0; i < content_quality_count(c); i++)
                read_key(w, content_quality(c, i)->label_key);
        }
        if (flow_same_as_offered(w->f))
            read_key(w, "ui.details.same_as");
        return;
    }
    case SCREEN_SCREENING:
        read_screening(w);
        return;
    case SCREEN_PATTERNS: {
        read_key(w, "ui.patterns.title");
        int cand[FLOW_MAX_CANDIDATES];
        int n = flow_candidates(w->f, cand, FLOW_MAX_CANDIDATES);
        for (int i = 0; i < n; i++)
            read_key(w, content_muscle(c, (size_t)cand[i])->name_key);
        read_key(w, "ui.patterns.none");
        read_key(w, "ui.patterns.legend_zone");
        read_key(w, "ui.patterns.legend_spill");
        read_key(w, "ui.patterns.legend_point");
        return;
    }
    case SCREEN_PREFERENCES:
        read_key(w, "ui.prefs.title");
        read_key(w, "ui.prefs.pressure");
        for (size_t i = 0; i < content_pressure_count(c); i++)
            read_key(w, content_pressure(c, i)->label_key);
        read_key(w, "ui.prefs.avoid");
        for (size_t i = 0; i < content_avoid_count(c); i++)
            read_key(w, content_avoid(c, i)->label_key);
        return;
    case SCREEN_CONSENT:
        read_key(w, "ui.consent.title");
        read_key(w, "ui.consent.text");
        read_key(w, "ui.consent.text2");
        read_key(w, "ui.consent.sign_here");
        read_key(w, "ui.consent.clear");
        return;
    case SCREEN_REVIEW:
        read_key(w, "ui.review.title");
        read_key(w, "ui.review.name");
        read_key(w, "ui.review.areas");
        read_key(w, "ui.review.safety");
        read_key(w, screening_worst_class(c, in) == SCREENING_NONE ? "ui.review.safety_none"
                                                                   : "ui.review.safety_some");
        read_key(w, "ui.review.patterns");
        read_key(w, "ui.review.signed");
        read_key(w, "ui.review.edit");
        read_key(w, "ui.review.confirm");
        return;
    default:
        return;
    }
}

/* ---- the scripted client ----------------------------------------------------- */

/* A page change shows a new screen: count it and read it. */
static void look(walker *w)
{
    int s = (int)flow_screen(w->f), st = flow_step(w->f), al = flow_alert(w->f);
    if (s == w->last_screen && st == w->last_step && al == w->last_alert)
        return;
    if (w->trace && w->last_screen >= 0 && w->last_screen != (int)SCREEN_SAVING)
        w->trace(w->trace_ctx, (pm_screen)w->last_screen, w->last_step + 1,
                 w->r.words - w->page_words, w->r.taps - w->page_taps);
    w->last_screen = s;
    w->last_step = st;
    w->last_alert = al;
    w->page_words = w->r.words;
    w->page_taps = w->r.taps;
    if (flow_screen(w->f) == SCREEN_SAVING)
        return; /* "saving" flashes; nothing to read or do */
    w->r.screens++;
    if (flow_screen(w->f) == SCREEN_SCREENING)
        w->r.safety_screens++;
    read_page(w);
}

static pm_status tap(walker *w, flow_event ev)
{
    w->now += BUDGET_TAP_MS;
    w->r.taps++;
    pm_status st = flow_handle(w->f, &ev, w->now);
    look(w);
    return st;
}

static pm_status tap1(walker *w, flow_event_type t, int arg)
{
    return tap(w, (flow_event){.type = t, .arg = arg});
}

static int region_or_fallback(const pm_content *c, const char *id, int k)
{
    int r = content_region_index(c, id);
    if (r >= 0)
        return r;
    for (size_t i = 0; i < content_region_count(c); i++)
        if (content_region(c, i)->view == VIEW_BACK && k-- == 0)
            return (int)i;
    return 0;
}

static int answer_id(const pm_question *q, const char *id)
{
    for (size_t a = 0; a < q->nanswers; a++)
        if (strcmp(q->answer_ids[a], id) == 0)
            return (int)a;
    return -1;
}

/* The plain "no" of a question: its answer "no", else its first answer
 * with no flag. */
static int answer_no(const pm_question *q)
{
    int a = answer_id(q, "no");
    if (a >= 0)
        return a;
    for (size_t i = 0; i < q->nanswers; i++)
        if (q->answer_flags[i] == FLAG_NONE)
            return (int)i;
    return 0;
}

/* The heavy client's "yes": the first answer that asks the therapist to
 * check (never one that stops the walk). */
static int answer_check(const pm_content *c, int q)
{
    const pm_question *qu = content_question(c, (size_t)q);
    for (size_t a = 0; a < qu->nanswers; a++)
        if (screening_classify(c, q, (int)a) == SCREENING_CHECK)
            return (int)a;
    return -1;
}

typedef struct {
    const char *name;
    const char *const *areas;
    int nareas;
    int npatterns;
    int yes_left;     /* "yes" answers still to give */
    bool same_as;     /* the second area on: "same as the last" */
    int feelings;     /* per area */
    int avoid;
} script;

static pm_status screening_page(walker *w, script *sc)
{
    const pm_content *c = w->c;
    if (flow_alert(w->f) >= 0)
        return tap1(w, EV_ALERT_DONE, 0);
    int qs[CONTENT_MAX_QUESTIONS];
    int n = flow_page_questions(w->f, qs, CONTENT_MAX_QUESTIONS);
    if (flow_screening_part(w->f) == PART_CHECKLIST) {
        bool ticked = false;
        for (int i = 0; i < n && sc->yes_left > 0; i++)
            if (answer_check(c, qs[i]) == 0) {
                tap1(w, EV_TOGGLE_CHECK, qs[i]);
                sc->yes_left--;
                ticked = true;
            }
        return ticked ? tap1(w, EV_NEXT, 0) : tap1(w, EV_CHECK_NONE, 0);
    }
    /* no "yes" to give here: "No to all of these" (each question read) */
    bool all_no = flow_page_no_offered(w->f);
    for (int i = 0; i < n && all_no && sc->yes_left > 0; i++)
        all_no = answer_check(c, qs[i]) < 0;
    if (all_no)
        return tap1(w, EV_PAGE_NO, 0);
    for (int i = 0; i < n; i++) {
        const pm_question *q = content_question(c, (size_t)qs[i]);
        int a = answer_no(q), yes = answer_check(c, qs[i]);
        if (sc->yes_left > 0 && yes >= 0) {
            a = yes;
            sc->yes_left--;
        }
        tap(w, (flow_event){.type = EV_ANSWER_TO, .arg = qs[i], .arg2 = a});
    }
    return tap1(w, EV_NEXT, 0);
}

static pm_status details_page(walker *w, const script *sc)
{
    const pm_content *c = w->c;
    int slot = flow_detail_slot(w->f);
    unsigned asks = flow_detail_asks(w->f);
    if (sc->same_as && flow_same_as_offered(w->f))
        return tap1(w, EV_SAME_AS_LAST, 0);
    if (asks & DETAIL_STRENGTH)
        tap1(w, EV_SET_INTENSITY, 3 + slot % 5);
    if ((asks & DETAIL_DURATION) && content_duration_count(c))
        tap1(w, EV_SET_DURATION, (int)((size_t)(1 + slot) % content_duration_count(c)));
    if (asks & DETAIL_FEELINGS)
        for (int k = 0; k < sc->feelings && (size_t)k < content_quality_count(c); k++)
            tap1(w, EV_TOGGLE_QUALITY, (int)((size_t)(slot + k) % content_quality_count(c)));
    return tap1(w, EV_NEXT, 0);
}

static pm_status one_page(walker *w, script *sc)
{
    const pm_content *c = w->c;
    flow *f = w->f;
    switch (flow_screen(f)) {
    case SCREEN_WELCOME:
        return tap1(w, EV_START, 0);
    case SCREEN_NAME:
        for (const char *p = sc->name; *p; p++) {
            char ch[2] = {*p, 0};
            tap(w, (flow_event){.type = EV_TYPE, .text = ch});
        }
        return tap1(w, EV_NEXT, 0);
    case SCREEN_CHART:
        for (int i = 0; i < sc->nareas; i++) {
            int r = region_or_fallback(c, sc->areas[i], i);
            pm_view v = content_region(c, (size_t)r)->view;
            if (flow_view(f) != v)
                tap1(w, EV_SET_VIEW, v);
            if (intake_find_mark(flow_intake(f), r) < 0)
                tap1(w, EV_TAP_REGION, r);
        }
        return tap1(w, EV_NEXT, 0);
    case SCREEN_DETAILS:
        return details_page(w, sc);
    case SCREEN_SCREENING:
        return screening_page(w, sc);
    case SCREEN_PATTERNS: {
        int cand[FLOW_MAX_CANDIDATES];
        int n = flow_candidates(f, cand, FLOW_MAX_CANDIDATES);
        for (int i = 0; i < n && i < sc->npatterns; i++)
            tap1(w, EV_TOGGLE_PATTERN, cand[i]);
        if (n == 0)
            tap1(w, EV_NONE_OF_THESE, 0);
        return tap1(w, EV_NEXT, 0);
    }
    case SCREEN_PREFERENCES:
        if (content_pressure_count(c))
            tap1(w, EV_SET_PRESSURE, content_pressure_count(c) > 1 ? 1 : 0);
        for (int i = 0; i < sc->avoid && (size_t)i < content_avoid_count(c); i++)
            tap1(w, EV_TOGGLE_AVOID, i);
        return tap1(w, EV_NEXT, 0);
    case SCREEN_CONSENT: {
        /* one stroke: one touch, however many points it has */
        tap(w, (flow_event){.type = EV_SIG_POINT, .arg = 1, .x = 100, .y = 250});
        for (int i = 1; i <= 8; i++) {
            flow_event ev = {.type = EV_SIG_POINT, .x = 100 + 90 * i, .y = 250 - (i % 3) * 40};
            flow_handle(f, &ev, w->now);
        }
        return tap1(w, EV_NEXT, 0);
    }
    default:
        return tap1(w, EV_NEXT, 0);
    }
}

pm_status budget_walk(const pm_content *c, flow_layout layout, budget_case k, int lang,
                      budget_result *out, char *why, size_t why_size)
{
    return budget_walk_traced(c, layout, k, lang, out, why, why_size, NULL, NULL);
}

pm_status budget_walk_traced(const pm_content *c, flow_layout layout, budget_case k, int lang,
                             budget_result *out, char *why, size_t why_size,
                             budget_trace trace, void *trace_ctx)
{
    static const char *const typical_areas[] = {"shoulder_top_l", "shoulder_blade_l"};
    static const char *const heavy_areas[] = {"neck_back_l",  "shoulder_top_l", "shoulder_blade_l",
                                              "lower_back_l", "buttock_l",      "calf_l"};
    script sc = k == BUDGET_HEAVY
                    ? (script){"Maria Fernandez", heavy_areas, 6, 3, 2, false, 2, 2}
                    : (script){"Ana Ruiz", typical_areas, 2, 1, 0, true, 1, 0};
    memset(out, 0, sizeof *out);
    if (why_size)
        why[0] = '\0';
    walker w = {.c = c, .lang = lang, .last_screen = -1, .last_step = -1, .last_alert = -2,
                .trace = trace, .trace_ctx = trace_ctx};
    const char *code = content_lang_code(c, (size_t)(lang >= 0 ? lang : 0));
    if (flow_create(c, flow_default_timing(), code, 0, &w.f) != PM_OK)
        return PM_ERR_NOMEM;
    flow_send(w.f, EV_SET_LAYOUT, layout, 0);
    look(&w);
    pm_status st = PM_OK;
    for (int guard = 0;; guard++) {
        pm_screen s = flow_screen(w.f);
        if (s == SCREEN_SAVING) {
            /* the saver: the intake is on disk; the client's part is done */
            flow_send(w.f, EV_SAVE_DONE, 0, w.now);
            if (flow_screen(w.f) == SCREEN_EDUCATION)
                w.r.reading_pages = flow_step_count(w.f);
            break;
        }
        if (guard > 400 || (guard > 0 && s == SCREEN_WELCOME)) {
            snprintf(why, why_size, "the %s client did not get past the %s screen (page %d)",
                     budget_case_name(k), content_screen_name(s), flow_step(w.f) + 1);
            st = PM_ERR_STATE;
            break;
        }
        int before = (int)s, step = flow_step(w.f);
        one_page(&w, &sc);
        if ((int)flow_screen(w.f) == before && flow_step(w.f) == step && flow_alert(w.f) < 0 &&
            flow_next_blocker(w.f)) {
            snprintf(why, why_size, "the %s client is stuck on the %s screen (page %d): %s",
                     budget_case_name(k), content_screen_name(s), step + 1,
                     flow_next_blocker(w.f));
            st = PM_ERR_STATE;
            break;
        }
    }
    w.r.seconds = (int)((w.r.words * 60000L / BUDGET_WPM + (long)w.r.taps * BUDGET_TAP_MS + 999) /
                        1000);
    *out = w.r;
    flow_destroy(w.f);
    return st;
}

bool budget_meets_goal(const budget_result *r)
{
    return r->screens <= BUDGET_GOAL_SCREENS && r->taps <= BUDGET_GOAL_TAPS &&
           r->seconds <= BUDGET_GOAL_SECONDS;
}

int budget_promise_minutes(const pm_content *c, flow_layout layout, int lang)
{
    budget_result r;
    char why[160];
    if (budget_walk(c, layout, BUDGET_TYPICAL, lang, &r, why, sizeof why) != PM_OK)
        return 0;
    int m = (r.seconds + 59) / 60;
    return m < 1 ? 1 : m;
}
