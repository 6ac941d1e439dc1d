/* flow.c — the client's walk through the screens (contract in flow.h).
 *
 * The position is (pos, step): pos indexes the content's screen sequence,
 * step the page within that screen. How many steps a screen has is derived
 * from the intake each time (details: one per marked region; education:
 * general pages plus one per chosen muscle...), so there is no second copy
 * of that state to fall out of step. A screen with no steps is skipped in
 * both directions. */
#include "flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ranking.h"
#include "screening.h"

struct flow {
    const pm_content *c;
    flow_timing timing;
    int default_lang;
    int lang;
    intake in;
    size_t pos;
    int step;
    pm_view view;
    int last_region;
    uint64_t last_activity;
    bool prompt;           /* "are you still there?" showing */
    uint64_t prompt_since;
    bool editing;          /* came from review */
    bool wants_save;
    bool save_failed;
    bool save_kept;        /* the failed save's intake is kept by the saver */
    uint64_t thanks_since;
    int candidates[FLOW_MAX_CANDIDATES];
    unsigned candidate_sides[FLOW_MAX_CANDIDATES];
    int ncandidates;
    unsigned resets;
};

flow_timing flow_default_timing(void)
{
    return (flow_timing){90000, 20000, 15000};
}

static pm_screen screen_at(const flow *f, size_t pos)
{
    return content_screen_at(f->c, pos);
}

pm_screen flow_screen(const flow *f)
{
    return screen_at(f, f->pos);
}

static int education_steps(const flow *f)
{
    int n = 0;
    for (size_t i = 0; i < content_education_count(f->c); i++)
        n += content_education_item(f->c, i) == -1 ? f->in.npatterns : 1;
    return n;
}

static int steps_of(const flow *f, pm_screen s)
{
    switch (s) {
    case SCREEN_DETAILS:
        return f->in.nmarks;
    case SCREEN_SCREENING: {
        int plan[CONTENT_MAX_QUESTIONS];
        return (int)screening_plan(f->c, &f->in, plan, CONTENT_MAX_QUESTIONS);
    }
    case SCREEN_PATTERNS:
        return f->ncandidates > 0 ? 1 : 0;
    case SCREEN_EDUCATION:
        return education_steps(f);
    default:
        return 1;
    }
}

int flow_step(const flow *f) { return f->step; }
int flow_step_count(const flow *f) { return steps_of(f, flow_screen(f)); }

static void compute_candidates(flow *f)
{
    int regions[INTAKE_MAX_MARKS];
    for (int i = 0; i < f->in.nmarks; i++)
        regions[i] = f->in.marks[i].region;
    ranking_entry top[FLOW_MAX_CANDIDATES];
    size_t n = ranking_rank(f->c, regions, f->in.nmarks, top, FLOW_MAX_CANDIDATES);
    f->ncandidates = (int)n;
    for (size_t i = 0; i < n; i++) {
        f->candidates[i] = top[i].muscle;
        f->candidate_sides[i] = top[i].sides;
    }
    /* a chosen pattern that no longer matches the marks is dropped */
    for (int i = f->in.npatterns - 1; i >= 0; i--) {
        bool still = false;
        for (int k = 0; k < f->ncandidates; k++)
            still = still || f->candidates[k] == f->in.patterns[i];
        if (!still)
            intake_toggle_pattern(&f->in, f->in.patterns[i]);
    }
}

static void reset(flow *f)
{
    intake_init(&f->in, content_lang_code(f->c, (size_t)f->default_lang));
    f->lang = f->default_lang;
    f->pos = 0;
    f->step = 0;
    f->view = VIEW_FRONT;
    f->last_region = -1;
    f->prompt = false;
    f->editing = false;
    f->wants_save = false;
    f->save_failed = false;
    f->save_kept = false;
    f->ncandidates = 0;
}

pm_status flow_create(const pm_content *content, flow_timing timing, const char *default_lang,
                      uint64_t now_ms, flow **out)
{
    *out = NULL;
    flow *f = calloc(1, sizeof *f);
    if (!f)
        return PM_ERR_NOMEM;
    f->c = content;
    f->timing = timing;
    int lang = default_lang ? content_lang_index(content, default_lang) : -1;
    f->default_lang = lang < 0 ? 0 : lang;
    reset(f);
    f->last_activity = now_ms;
    *out = f;
    return PM_OK;
}

void flow_destroy(flow *f)
{
    if (!f)
        return;
    intake_wipe(&f->in);
    free(f);
}

/* Back to welcome with nothing of the client left. */
static void finish(flow *f)
{
    reset(f);
    f->resets++;
}

/* ---- moving between screens ------------------------------------------- */

static void enter(flow *f, size_t pos, int step, uint64_t now)
{
    f->pos = pos;
    f->step = step;
    pm_screen s = screen_at(f, pos);
    if (s == SCREEN_SAVING) {
        f->wants_save = true;
        f->save_failed = false;
        f->save_kept = false;
    }
    if (s == SCREEN_THANKS)
        f->thanks_since = now;
}

static size_t screen_pos(const flow *f, pm_screen s)
{
    for (size_t i = 0; i < content_screen_count(f->c); i++)
        if (screen_at(f, i) == s)
            return i;
    return 0;
}

/* The question screening step `step` asks, or -1. */
static int question_at(const flow *f, int step)
{
    int plan[CONTENT_MAX_QUESTIONS];
    int n = (int)screening_plan(f->c, &f->in, plan, CONTENT_MAX_QUESTIONS);
    return step >= 0 && step < n ? plan[step] : -1;
}

/* The first screening step without an answer, or -1: after a chart edit,
 * follow-ups about the new areas must still be asked. */
static int unanswered_step(const flow *f)
{
    int plan[CONTENT_MAX_QUESTIONS];
    int n = (int)screening_plan(f->c, &f->in, plan, CONTENT_MAX_QUESTIONS);
    for (int i = 0; i < n; i++)
        if (f->in.answers[plan[i]] == INTAKE_UNSET)
            return i;
    return -1;
}

/* The first unrated mark, or -1: after a chart edit, new marks need details. */
static int unrated_mark(const flow *f)
{
    for (int i = 0; i < f->in.nmarks; i++)
        if (f->in.marks[i].intensity == INTAKE_UNSET)
            return i;
    return -1;
}

static void go_forward(flow *f, uint64_t now)
{
    pm_screen here = flow_screen(f);
    if (here == SCREEN_CHART) {
        compute_candidates(f);
        screening_prune(f->c, &f->in); /* follow-ups about areas no longer marked */
    }
    if (f->editing) {
        int slot = unrated_mark(f);
        if (here == SCREEN_CHART && slot >= 0) {
            enter(f, screen_pos(f, SCREEN_DETAILS), slot, now);
            return;
        }
        if (here == SCREEN_DETAILS && slot >= 0) {
            f->step = slot;
            return;
        }
        int ask = unanswered_step(f);
        if (ask >= 0 && (here == SCREEN_CHART || here == SCREEN_DETAILS ||
                         here == SCREEN_SCREENING)) {
            enter(f, screen_pos(f, SCREEN_SCREENING), ask, now);
            return;
        }
    }
    if (f->step + 1 < steps_of(f, here)) {
        f->step++;
        return;
    }
    if (f->editing) {
        f->editing = false;
        enter(f, screen_pos(f, SCREEN_REVIEW), 0, now);
        return;
    }
    size_t n = content_screen_count(f->c);
    for (size_t p = f->pos + 1; p < n; p++)
        if (steps_of(f, screen_at(f, p)) > 0) {
            enter(f, p, 0, now);
            return;
        }
}

static void go_back(flow *f, uint64_t now)
{
    if (f->step > 0) {
        f->step--;
        return;
    }
    if (f->editing) {
        f->editing = false;
        enter(f, screen_pos(f, SCREEN_REVIEW), 0, now);
        return;
    }
    for (size_t p = f->pos; p-- > 0;) {
        int steps = steps_of(f, screen_at(f, p));
        if (steps > 0) {
            enter(f, p, steps - 1, now);
            return;
        }
    }
}

const char *flow_next_blocker(const flow *f)
{
    const intake *in = &f->in;
    switch (flow_screen(f)) {
    case SCREEN_NAME:
        return intake_name_given(in) ? NULL : "hint.name_needed";
    case SCREEN_DETAILS:
        return in->marks[f->step].intensity == INTAKE_UNSET ? "hint.intensity_needed" : NULL;
    case SCREEN_SCREENING: {
        int q = question_at(f, f->step);
        return q >= 0 && in->answers[q] == INTAKE_UNSET ? "hint.answer_needed" : NULL;
    }
    case SCREEN_PATTERNS:
        return (in->npatterns == 0 && !in->none_of_these) ? "hint.pattern_needed" : NULL;
    case SCREEN_CONSENT:
        if (!in->consent)
            return "hint.consent_needed";
        return in->nsig == 0 ? "hint.signature_needed" : NULL;
    case SCREEN_SAVING:
        return "hint.saving";
    default:
        return NULL;
    }
}

/* ---- events ------------------------------------------------------------ */

static pm_status on_next(flow *f, uint64_t now)
{
    pm_screen s = flow_screen(f);
    if (s == SCREEN_THANKS) {
        finish(f);
        return PM_OK;
    }
    if (flow_next_blocker(f))
        return PM_ERR_STATE;
    go_forward(f, now);
    return PM_OK;
}

static pm_status on_back(flow *f, uint64_t now)
{
    pm_screen s = flow_screen(f);
    if (s == SCREEN_THANKS) {
        finish(f);
        return PM_OK;
    }
    if (s == SCREEN_SAVING)
        return PM_ERR_STATE; /* in progress: cannot be undone; failed: the review
                                would wait there for the next person */
    go_back(f, now);
    if (s != SCREEN_WELCOME && flow_screen(f) == SCREEN_WELCOME)
        finish(f); /* nothing of this client may wait on welcome for the next */
    return PM_OK;
}

static bool is_candidate(const flow *f, int muscle)
{
    for (int i = 0; i < f->ncandidates; i++)
        if (f->candidates[i] == muscle)
            return true;
    return false;
}

static pm_status on_edit(flow *f, int screen, int step, uint64_t now)
{
    size_t review = screen_pos(f, SCREEN_REVIEW);
    for (size_t p = 1; p < review; p++) {
        if ((int)screen_at(f, p) != screen)
            continue;
        if (step < 0 || step >= steps_of(f, screen_at(f, p)))
            return PM_ERR_INVALID;
        f->editing = true;
        enter(f, p, step, now);
        return PM_OK;
    }
    return PM_ERR_INVALID;
}

/* Events that edit the intake on the screen they belong to. */
static pm_status on_answer_event(flow *f, const flow_event *ev)
{
    intake *in = &f->in;
    const pm_content *c = f->c;
    pm_screen s = flow_screen(f);
    int a = ev->arg;
    switch (ev->type) {
    case EV_SET_VIEW:
        if (s != SCREEN_CHART)
            return PM_ERR_STATE;
        if (a != VIEW_FRONT && a != VIEW_BACK)
            return PM_ERR_INVALID;
        f->view = (pm_view)a;
        return PM_OK;
    case EV_TAP_REGION: {
        if (s != SCREEN_CHART)
            return PM_ERR_STATE;
        const pm_region *r = content_region(c, (size_t)(a < 0 ? 0 : a));
        if (a < 0 || !r || r->view != f->view)
            return PM_ERR_INVALID;
        int res = intake_toggle_region(in, a);
        if (res < -1)
            return (pm_status)res;
        f->last_region = a;
        return PM_OK;
    }
    case EV_SET_INTENSITY:
        return s == SCREEN_DETAILS ? intake_set_intensity(in, f->step, a) : PM_ERR_STATE;
    case EV_TOGGLE_QUALITY:
        if (s != SCREEN_DETAILS)
            return PM_ERR_STATE;
        return a >= 0 && (size_t)a < content_quality_count(c) ? intake_toggle_quality(in, f->step, a)
                                                              : PM_ERR_INVALID;
    case EV_SET_DURATION:
        if (s != SCREEN_DETAILS)
            return PM_ERR_STATE;
        return a >= 0 && (size_t)a < content_duration_count(c) ? intake_set_duration(in, f->step, a)
                                                               : PM_ERR_INVALID;
    case EV_ANSWER: {
        if (s != SCREEN_SCREENING)
            return PM_ERR_STATE;
        return screening_set_answer(c, in, question_at(f, f->step), a);
    }
    case EV_TOGGLE_PATTERN:
        if (s != SCREEN_PATTERNS)
            return PM_ERR_STATE;
        return is_candidate(f, a) ? intake_toggle_pattern(in, a) : PM_ERR_INVALID;
    case EV_NONE_OF_THESE:
        if (s != SCREEN_PATTERNS)
            return PM_ERR_STATE;
        intake_choose_none(in);
        return PM_OK;
    case EV_TYPE:
        if (s != SCREEN_NAME)
            return PM_ERR_STATE;
        return ev->text ? intake_name_append(in, ev->text) : PM_ERR_INVALID;
    case EV_BACKSPACE:
        if (s != SCREEN_NAME)
            return PM_ERR_STATE;
        intake_name_backspace(in);
        return PM_OK;
    case EV_SET_PRESSURE:
        if (s != SCREEN_PREFERENCES)
            return PM_ERR_STATE;
        if (a < 0 || (size_t)a >= content_pressure_count(c))
            return PM_ERR_INVALID;
        in->pressure = (int8_t)a;
        return PM_OK;
    case EV_TOGGLE_AVOID:
        if (s != SCREEN_PREFERENCES)
            return PM_ERR_STATE;
        if (a < 0 || (size_t)a >= content_avoid_count(c))
            return PM_ERR_INVALID;
        in->avoid ^= 1u << a;
        return PM_OK;
    case EV_TOGGLE_CONSENT:
        if (s != SCREEN_CONSENT)
            return PM_ERR_STATE;
        in->consent = !in->consent;
        return PM_OK;
    case EV_SIG_POINT:
        if (s != SCREEN_CONSENT)
            return PM_ERR_STATE;
        return intake_sig_add(in, ev->x, ev->y, a == 1);
    case EV_SIG_CLEAR:
        if (s != SCREEN_CONSENT)
            return PM_ERR_STATE;
        intake_sig_clear(in);
        return PM_OK;
    default:
        return PM_ERR_STATE;
    }
}

static void on_tick(flow *f, uint64_t now)
{
    pm_screen s = flow_screen(f);
    if (s == SCREEN_WELCOME)
        return;
    if (s == SCREEN_THANKS) {
        if (now - f->thanks_since >= f->timing.thanks_ms)
            finish(f);
        return;
    }
    if (s == SCREEN_SAVING && !(f->save_failed && f->save_kept))
        return; /* never discard an intake that is not yet safely on disk */
    if (!f->prompt && now - f->last_activity >= f->timing.idle_ms) {
        f->prompt = true;
        f->prompt_since = now;
    } else if (f->prompt && now - f->prompt_since >= f->timing.grace_ms) {
        finish(f);
    }
}

pm_status flow_handle(flow *f, const flow_event *ev, uint64_t now)
{
    switch (ev->type) {
    case EV_TICK:
        on_tick(f, now);
        return PM_OK;
    case EV_SAVE_DONE:
        if (flow_screen(f) != SCREEN_SAVING || !(f->wants_save || f->save_failed))
            return PM_ERR_STATE;
        f->wants_save = false;
        f->save_failed = false;
        f->save_kept = false;
        intake_wipe(&f->in); /* it is on disk now; memory keeps nothing */
        intake_init(&f->in, content_lang_code(f->c, (size_t)f->lang));
        go_forward(f, now);
        return PM_OK;
    case EV_SAVE_FAILED:
        if (flow_screen(f) != SCREEN_SAVING || !f->wants_save)
            return PM_ERR_STATE;
        f->wants_save = false;
        f->save_failed = true;
        f->save_kept = ev->arg == 1;
        /* the prompt counts from the failure, not from the last tap */
        f->last_activity = now;
        return PM_OK;
    default:
        break;
    }
    /* everything else is the client touching the screen */
    f->last_activity = now;
    f->prompt = false;
    pm_screen s = flow_screen(f);
    switch (ev->type) {
    case EV_NEXT:
        return on_next(f, now);
    case EV_BACK:
        return on_back(f, now);
    case EV_STILL_HERE:
    case EV_TOUCH:
        return PM_OK;
    case EV_START_OVER:
        if (s == SCREEN_SAVING && (f->wants_save || !f->save_kept))
            return PM_ERR_STATE; /* only a kept intake may leave the screen */
        finish(f);
        return PM_OK;
    case EV_FINISH:
        if (s != SCREEN_THANKS)
            return PM_ERR_STATE;
        finish(f);
        return PM_OK;
    case EV_START:
        if (s != SCREEN_WELCOME)
            return PM_ERR_STATE;
        go_forward(f, now);
        return PM_OK;
    case EV_SET_LANGUAGE:
        if (s != SCREEN_WELCOME)
            return PM_ERR_STATE;
        if (ev->arg < 0 || (size_t)ev->arg >= content_lang_count(f->c))
            return PM_ERR_INVALID;
        f->lang = ev->arg;
        snprintf(f->in.lang, sizeof f->in.lang, "%s", content_lang_code(f->c, (size_t)ev->arg));
        return PM_OK;
    case EV_EDIT:
        return s == SCREEN_REVIEW ? on_edit(f, ev->arg, ev->arg2, now) : PM_ERR_STATE;
    case EV_RETRY_SAVE:
        if (s != SCREEN_SAVING || !f->save_failed)
            return PM_ERR_STATE;
        f->save_failed = false;
        f->wants_save = true;
        return PM_OK;
    default:
        return on_answer_event(f, ev);
    }
}

pm_status flow_send(flow *f, flow_event_type type, int arg, uint64_t now_ms)
{
    flow_event ev = {.type = type, .arg = arg};
    return flow_handle(f, &ev, now_ms);
}

/* ---- queries ----------------------------------------------------------- */

void flow_progress(const flow *f, int *done, int *total)
{
    int d = 0, t = 0;
    for (size_t p = 0; p < content_screen_count(f->c); p++) {
        int steps = steps_of(f, screen_at(f, p));
        if (p < f->pos)
            d += steps;
        else if (p == f->pos)
            d += f->step;
        t += steps;
    }
    *done = d;
    *total = t;
}

bool flow_still_there(const flow *f) { return f->prompt; }

uint32_t flow_grace_left(const flow *f, uint64_t now_ms)
{
    if (!f->prompt)
        return 0;
    uint64_t spent = now_ms - f->prompt_since;
    return spent >= f->timing.grace_ms ? 0 : (uint32_t)(f->timing.grace_ms - spent);
}

/* When the idle prompt next changes: it appears, or its countdown drops. */
static uint64_t idle_deadline(const flow *f, uint64_t now_ms)
{
    if (!f->prompt)
        return f->last_activity + f->timing.idle_ms;
    /* The countdown shows ceil(left / 1000) seconds; it next drops when left
     * reaches the multiple of 1000 below it, and the last step (to 0) is the
     * wipe itself. */
    uint32_t left = flow_grace_left(f, now_ms);
    uint32_t shown = (left + 999) / 1000;
    return f->prompt_since + f->timing.grace_ms - 1000ull * (shown ? shown - 1 : 0);
}

uint64_t flow_next_deadline(const flow *f, uint64_t now_ms)
{
    uint64_t due;
    switch (flow_screen(f)) {
    case SCREEN_WELCOME:
        return UINT64_MAX; /* on_tick never acts here */
    case SCREEN_SAVING:
        if (!flow_save_kept(f))
            return UINT64_MAX; /* nor here, unless the saver keeps the intake */
        due = idle_deadline(f, now_ms);
        break;
    case SCREEN_THANKS:
        due = f->thanks_since + f->timing.thanks_ms;
        break;
    default:
        due = idle_deadline(f, now_ms);
        break;
    }
    return due > now_ms ? due : now_ms;
}

bool flow_editing(const flow *f) { return f->editing; }
const intake *flow_intake(const flow *f) { return &f->in; }
int flow_lang(const flow *f) { return f->lang; }
pm_view flow_view(const flow *f) { return f->view; }
int flow_last_region(const flow *f) { return f->last_region; }

int flow_detail_slot(const flow *f)
{
    return flow_screen(f) == SCREEN_DETAILS ? f->step : -1;
}

int flow_question(const flow *f)
{
    return flow_screen(f) == SCREEN_SCREENING ? question_at(f, f->step) : -1;
}

const char *flow_notice_key(const flow *f)
{
    int q = flow_question(f);
    return q < 0 ? NULL : screening_notice_key(f->c, &f->in, q);
}

bool flow_show_notice(const flow *f)
{
    return flow_notice_key(f) != NULL;
}

int flow_candidates(const flow *f, int *out, int max)
{
    int n = f->ncandidates < max ? f->ncandidates : max;
    memcpy(out, f->candidates, (size_t)(n > 0 ? n : 0) * sizeof *out);
    return n;
}

unsigned flow_candidate_sides(const flow *f, int muscle)
{
    for (int i = 0; i < f->ncandidates; i++)
        if (f->candidates[i] == muscle)
            return f->candidate_sides[i];
    return 0;
}

int flow_education_item(const flow *f, bool *is_muscle)
{
    *is_muscle = false;
    if (flow_screen(f) != SCREEN_EDUCATION)
        return -1;
    int k = f->step;
    for (size_t i = 0; i < content_education_count(f->c); i++) {
        int item = content_education_item(f->c, i);
        int n = item == -1 ? f->in.npatterns : 1;
        if (k < n) {
            if (item == -1) {
                *is_muscle = true;
                return f->in.patterns[k];
            }
            return item;
        }
        k -= n;
    }
    return -1;
}

bool flow_wants_save(const flow *f) { return f->wants_save; }
bool flow_save_failed(const flow *f) { return f->save_failed; }
bool flow_save_kept(const flow *f) { return f->save_failed && f->save_kept; }
unsigned flow_resets(const flow *f) { return f->resets; }
