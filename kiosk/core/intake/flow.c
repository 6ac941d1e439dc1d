/* flow.c — the client's walk through the screens (contract in flow.h).
 *
 * The position is (pos, step): pos indexes the content's screen sequence,
 * step the page within that screen. How many pages a screen has is derived
 * from the intake and the layout class each time (details: one or two per
 * marked area; screening: the pages of the questions that apply;
 * education: one per chosen muscle and one per general page), so there is
 * no second copy of that state to fall out of step. A screen with no pages
 * is skipped in both directions.
 *
 * Why the save comes before the reading: a client called in mid-page must
 * not take their answers with them, and staff should not wait for a client
 * to finish reading about trigger points to see the summary. */
#include "flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "ranking.h"

struct flow {
    const pm_content *c;
    flow_timing timing;
    flow_layout layout;
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
    int alert;             /* question answered "now" whose alert shows, or -1 */
    /* after the save: the intake is gone; this is what the reading needs */
    bool saved;
    int16_t kept_patterns[INTAKE_MAX_PATTERNS];
    int nkept;
    int16_t kept_pages[FLOW_MAX_AREA_PAGES]; /* library pages about their areas */
    int nkept_pages;
    screening_class saved_class;
    unsigned resets;
};

flow_timing flow_default_timing(void)
{
    return (flow_timing){90000, 20000, 15000, 45000};
}

flow_layout flow_layout_for_size(int w, int h, bool large_text)
{
    int lo = w < h ? w : h, hi = w < h ? h : w;
    if (large_text)
        return FLOW_COMPACT;
    return lo >= 600 && hi >= 1024 ? FLOW_ROOMY : FLOW_COMPACT;
}

static pm_screen screen_at(const flow *f, size_t pos)
{
    return content_screen_at(f->c, pos);
}

pm_screen flow_screen(const flow *f)
{
    return screen_at(f, f->pos);
}

/* ---- pages ---------------------------------------------------------------- */

static int per_area(const flow *f) { return f->layout == FLOW_ROOMY ? 1 : 2; }
static int yesno_per_page(const flow *f) { return f->layout == FLOW_ROOMY ? 6 : 3; }

/* A page of the screening: questions plan[first .. first+count-1]. */
typedef struct {
    pm_part part;
    int first, count;
} spage;

#define MAX_SPAGES (CONTENT_MAX_QUESTIONS + 2)

typedef struct {
    int plan[CONTENT_MAX_QUESTIONS];
    int nplan;
    spage pages[MAX_SPAGES];
    int npages;
} splan;

/* The screening's pages now: the gate and the follow-ups a few yes/no
 * questions a page, the checklist on one page. Earlier pages never move
 * when an answer brings a follow-up or takes one away: follow-ups come
 * after everything they depend on. */
static void screening_pages(const flow *f, splan *sp)
{
    sp->nplan = (int)screening_plan(f->c, &f->in, sp->plan, CONTENT_MAX_QUESTIONS);
    screening_screen parts[8];
    size_t nparts = screening_screens(f->c, &f->in, parts, 8);
    sp->npages = 0;
    int cap = yesno_per_page(f);
    for (size_t i = 0; i < nparts; i++) {
        int first = (int)parts[i].first, count = (int)parts[i].count;
        if (parts[i].part == PART_CHECKLIST) {
            if (sp->npages < MAX_SPAGES)
                sp->pages[sp->npages++] = (spage){PART_CHECKLIST, first, count};
            continue;
        }
        /* evenly: 4 questions at 3 a page are 2 + 2, not 3 + 1 */
        int npg = (count + cap - 1) / cap;
        for (int p = 0; p < npg && sp->npages < MAX_SPAGES; p++) {
            int a = first + count * p / npg, b = first + count * (p + 1) / npg;
            sp->pages[sp->npages++] = (spage){parts[i].part, a, b - a};
        }
    }
}

static int education_general_count(const flow *f)
{
    int n = 0;
    for (size_t i = 0; i < content_education_count(f->c); i++)
        n += content_education_item(f->c, i) != -1;
    return n;
}

static int steps_of(const flow *f, pm_screen s)
{
    switch (s) {
    case SCREEN_DETAILS:
        return f->in.nmarks * per_area(f);
    case SCREEN_SCREENING: {
        splan sp;
        screening_pages(f, &sp);
        return sp.npages;
    }
    case SCREEN_PATTERNS:
        return f->ncandidates > 0 ? 1 : 0;
    case SCREEN_EDUCATION:
        return f->saved ? f->nkept + f->nkept_pages + education_general_count(f) : 0;
    default:
        return 1;
    }
}

int flow_step(const flow *f) { return f->step; }
int flow_step_count(const flow *f) { return steps_of(f, flow_screen(f)); }
flow_layout flow_layout_now(const flow *f) { return f->layout; }

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
    f->alert = -1;
    f->saved = false;
    explicit_bzero(f->kept_patterns, sizeof f->kept_patterns);
    f->nkept = 0;
    explicit_bzero(f->kept_pages, sizeof f->kept_pages);
    f->nkept_pages = 0;
    f->saved_class = SCREENING_NONE;
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
    if (!f->timing.reading_idle_ms)
        f->timing.reading_idle_ms = flow_default_timing().reading_idle_ms;
    f->layout = FLOW_COMPACT;
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
    explicit_bzero(f, sizeof *f);
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

static bool page_asks_strength(const flow *f, int step)
{
    return f->layout == FLOW_ROOMY || step % 2 == 0;
}

/* Why the page (pos, step) cannot be left forwards, or NULL. */
static const char *blocker_at(const flow *f, size_t pos, int step)
{
    const intake *in = &f->in;
    switch (screen_at(f, pos)) {
    case SCREEN_NAME:
        return intake_name_given(in) ? NULL : "hint.name_needed";
    case SCREEN_DETAILS: {
        int slot = step / per_area(f);
        if (slot >= in->nmarks)
            return NULL;
        return page_asks_strength(f, step) && in->marks[slot].intensity == INTAKE_UNSET
                   ? "hint.intensity_needed"
                   : NULL;
    }
    case SCREEN_SCREENING: {
        splan sp;
        screening_pages(f, &sp);
        if (step >= sp.npages)
            return NULL;
        const spage *pg = &sp.pages[step];
        for (int i = pg->first; i < pg->first + pg->count; i++)
            if (in->answers[sp.plan[i]] == INTAKE_UNSET)
                return pg->part == PART_CHECKLIST ? "hint.checklist_needed" : "hint.answer_needed";
        return NULL;
    }
    case SCREEN_PATTERNS:
        return (in->npatterns == 0 && !in->none_of_these) ? "hint.pattern_needed" : NULL;
    case SCREEN_CONSENT:
        if (in->nsig == 0)
            return "hint.signature_needed";
        return in->consent ? NULL : "hint.consent_needed";
    case SCREEN_SAVING:
        return "hint.saving";
    default:
        return NULL;
    }
}

const char *flow_next_blocker(const flow *f)
{
    return blocker_at(f, f->pos, f->step);
}

/* After an edit from the review: the first page before the review that
 * still needs something (a new area's strength, a follow-up the new area
 * brought, a picture when the chosen one no longer matches), or false. */
static bool first_incomplete(const flow *f, size_t *pos, int *step)
{
    size_t review = screen_pos(f, SCREEN_REVIEW);
    for (size_t p = 1; p < review; p++) {
        int n = steps_of(f, screen_at(f, p));
        for (int s = 0; s < n; s++)
            if (blocker_at(f, p, s)) {
                *pos = p;
                *step = s;
                return true;
            }
    }
    return false;
}

static void go_forward(flow *f, uint64_t now)
{
    pm_screen here = flow_screen(f);
    if (here == SCREEN_CHART) {
        compute_candidates(f);
        screening_prune(f->c, &f->in); /* follow-ups about areas no longer marked */
    }
    if (f->editing) {
        /* an edit goes through the pages of what was changed (both pages of
         * an area, every page of the screening), then to whatever the
         * change left incomplete, then back to the review */
        bool same_group = (here == SCREEN_DETAILS && f->step + 1 < steps_of(f, here) &&
                           (f->step + 1) / per_area(f) == f->step / per_area(f)) ||
                          (here == SCREEN_SCREENING && f->step + 1 < steps_of(f, here));
        if (same_group) {
            f->step++;
            return;
        }
        size_t p;
        int s;
        if (first_incomplete(f, &p, &s)) {
            enter(f, p, s, now);
            return;
        }
        f->editing = false;
        enter(f, screen_pos(f, SCREEN_REVIEW), 0, now);
        return;
    }
    if (f->step + 1 < steps_of(f, here)) {
        f->step++;
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

/* The layout changed (large text, another display): the same area's or
 * question's page in the new layout. */
static void relayout(flow *f, flow_layout to)
{
    if (to == f->layout)
        return;
    pm_screen s = flow_screen(f);
    if (s == SCREEN_DETAILS) {
        int slot = f->step / per_area(f);
        bool second = per_area(f) == 2 && f->step % 2 == 1;
        f->layout = to;
        f->step = slot * per_area(f) + (second && per_area(f) == 2 ? 1 : 0);
        return;
    }
    if (s == SCREEN_SCREENING) {
        splan sp;
        screening_pages(f, &sp);
        int first = f->step < sp.npages ? sp.pages[f->step].first : 0;
        f->layout = to;
        screening_pages(f, &sp);
        f->step = 0;
        for (int p = 0; p < sp.npages; p++)
            if (sp.pages[p].first <= first && first < sp.pages[p].first + sp.pages[p].count)
                f->step = p;
        return;
    }
    f->layout = to;
}

/* ---- events ------------------------------------------------------------ */

static pm_status on_next(flow *f, uint64_t now)
{
    pm_screen s = flow_screen(f);
    if (s == SCREEN_THANKS) {
        finish(f);
        return PM_OK;
    }
    if (f->alert >= 0 || flow_next_blocker(f))
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
    if (f->saved) {
        /* the reading pages: back among them only, never into the saved intake */
        if (f->step == 0)
            return PM_ERR_STATE;
        f->step--;
        return PM_OK;
    }
    if (f->alert >= 0)
        return PM_ERR_STATE;
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

/* The questions of the screening page shown now; the page's part. */
static int page_questions(const flow *f, int *out, int max, pm_part *part)
{
    if (flow_screen(f) != SCREEN_SCREENING)
        return 0;
    splan sp;
    screening_pages(f, &sp);
    if (f->step >= sp.npages)
        return 0;
    const spage *pg = &sp.pages[f->step];
    int n = 0;
    for (int i = pg->first; i < pg->first + pg->count && n < max; i++)
        out[n++] = sp.plan[i];
    if (part)
        *part = pg->part;
    return n;
}

static bool on_page(const flow *f, int q, pm_part *part)
{
    int qs[CONTENT_MAX_QUESTIONS];
    int n = page_questions(f, qs, CONTENT_MAX_QUESTIONS, part);
    for (int i = 0; i < n; i++)
        if (qs[i] == q)
            return true;
    return false;
}

/* Records an answer and raises the "tell the front desk now" alert when
 * that is what it means. */
static pm_status answer(flow *f, int q, int a)
{
    pm_status st = screening_set_answer(f->c, &f->in, q, a);
    if (st == PM_OK && screening_answer_class(f->c, &f->in, q) == SCREENING_NOW)
        f->alert = q;
    return st;
}

/* A question's plain "no": its answer "no", else its first answer that
 * flags nothing; -1 when it has none. */
static int plain_no(const pm_question *q)
{
    for (size_t a = 0; a < q->nanswers; a++)
        if (strcmp(q->answer_ids[a], "no") == 0)
            return (int)a;
    for (size_t a = 0; a < q->nanswers; a++)
        if (q->answer_flags[a] == FLAG_NONE)
            return (int)a;
    return -1;
}

bool flow_page_no_offered(const flow *f)
{
    if (flow_screen(f) != SCREEN_SCREENING || f->alert >= 0)
        return false;
    int qs[CONTENT_MAX_QUESTIONS];
    pm_part part = PART_GATE;
    int n = page_questions(f, qs, CONTENT_MAX_QUESTIONS, &part);
    if (n < 2 || part == PART_CHECKLIST)
        return false;
    for (int i = 0; i < n; i++) {
        int no = plain_no(content_question(f->c, (size_t)qs[i]));
        int a = f->in.answers[qs[i]];
        if (no < 0 || (a != INTAKE_UNSET && a != no))
            return false; /* an answer other than "no" is never overwritten */
    }
    return true;
}

static pm_status on_screening_event(flow *f, const flow_event *ev, uint64_t now)
{
    if (flow_screen(f) != SCREEN_SCREENING)
        return PM_ERR_STATE;
    if (f->alert >= 0)
        return PM_ERR_STATE; /* the alert first */
    int qs[CONTENT_MAX_QUESTIONS];
    pm_part part = PART_GATE;
    int n = page_questions(f, qs, CONTENT_MAX_QUESTIONS, &part);
    switch (ev->type) {
    case EV_ANSWER: {
        if (n == 0 || part == PART_CHECKLIST)
            return PM_ERR_STATE;
        int q = qs[0];
        for (int i = 0; i < n; i++)
            if (f->in.answers[qs[i]] == INTAKE_UNSET) {
                q = qs[i];
                break;
            }
        return answer(f, q, ev->arg);
    }
    case EV_ANSWER_TO:
        if (!on_page(f, ev->arg, NULL))
            return PM_ERR_INVALID;
        if (part == PART_CHECKLIST)
            return PM_ERR_STATE;
        return answer(f, ev->arg, ev->arg2);
    case EV_TOGGLE_CHECK: {
        if (part != PART_CHECKLIST)
            return PM_ERR_STATE;
        if (!on_page(f, ev->arg, NULL))
            return PM_ERR_INVALID;
        /* ticking one item answers the list: the others are "not ticked" */
        for (int i = 0; i < n; i++)
            if (f->in.answers[qs[i]] == INTAKE_UNSET)
                f->in.answers[qs[i]] = 1;
        return answer(f, ev->arg, f->in.answers[ev->arg] == 0 ? 1 : 0);
    }
    case EV_CHECK_NONE:
        if (part != PART_CHECKLIST)
            return PM_ERR_STATE;
        screening_none_of_these(f->c, &f->in);
        go_forward(f, now);
        return PM_OK;
    case EV_PAGE_NO:
        if (!flow_page_no_offered(f))
            return PM_ERR_STATE;
        for (int i = 0; i < n; i++) {
            pm_status st = answer(f, qs[i], plain_no(content_question(f->c, (size_t)qs[i])));
            if (st != PM_OK)
                return st;
        }
        go_forward(f, now);
        return PM_OK;
    default:
        return PM_ERR_STATE;
    }
}

/* "Same as the last area": strength, feelings and how long, then on. */
static pm_status on_same_as_last(flow *f, uint64_t now)
{
    if (!flow_same_as_offered(f))
        return PM_ERR_STATE;
    int slot = flow_detail_slot(f);
    const intake_mark *prev = &f->in.marks[slot - 1];
    if (prev->intensity == INTAKE_UNSET)
        return PM_ERR_STATE;
    intake_mark *m = &f->in.marks[slot];
    m->intensity = prev->intensity;
    m->qualities = prev->qualities;
    m->duration = prev->duration;
    f->step = slot * per_area(f) + per_area(f) - 1; /* the area's last page */
    go_forward(f, now);
    return PM_OK;
}

/* Events that edit the intake on the screen they belong to. */
static pm_status on_answer_event(flow *f, const flow_event *ev)
{
    intake *in = &f->in;
    const pm_content *c = f->c;
    pm_screen s = flow_screen(f);
    int a = ev->arg;
    int slot = flow_detail_slot(f);
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
        if (s != SCREEN_DETAILS || !(flow_detail_asks(f) & DETAIL_STRENGTH))
            return PM_ERR_STATE;
        return intake_set_intensity(in, slot, a);
    case EV_TOGGLE_QUALITY:
        if (s != SCREEN_DETAILS || !(flow_detail_asks(f) & DETAIL_FEELINGS))
            return PM_ERR_STATE;
        return a >= 0 && (size_t)a < content_quality_count(c) ? intake_toggle_quality(in, slot, a)
                                                              : PM_ERR_INVALID;
    case EV_SET_DURATION:
        if (s != SCREEN_DETAILS || !(flow_detail_asks(f) & DETAIL_DURATION))
            return PM_ERR_STATE;
        return a >= 0 && (size_t)a < content_duration_count(c) ? intake_set_duration(in, slot, a)
                                                               : PM_ERR_INVALID;
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
    case EV_SIG_POINT: {
        if (s != SCREEN_CONSENT)
            return PM_ERR_STATE;
        pm_status st = intake_sig_add(in, ev->x, ev->y, a == 1);
        if (st == PM_OK && a == 1)
            in->consent = true; /* the words say: sign here to agree */
        return st;
    }
    case EV_SIG_CLEAR:
        if (s != SCREEN_CONSENT)
            return PM_ERR_STATE;
        intake_sig_clear(in);
        in->consent = false;
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
    uint32_t idle = f->saved ? f->timing.reading_idle_ms : f->timing.idle_ms;
    if (!f->prompt && now - f->last_activity >= idle) {
        f->prompt = true;
        f->prompt_since = now;
    } else if (f->prompt && now - f->prompt_since >= f->timing.grace_ms) {
        finish(f);
    }
}

/* The library's pages about the areas marked (the ones about the most of
 * them first): read after the chosen muscles, before the general pages. */
static void keep_area_pages(flow *f)
{
    int regions[INTAKE_MAX_MARKS], pages[FLOW_MAX_AREA_PAGES];
    for (int i = 0; i < f->in.nmarks; i++)
        regions[i] = f->in.marks[i].region;
    size_t n = library_pages_for_regions(f->c, regions, (size_t)f->in.nmarks, pages,
                                         FLOW_MAX_AREA_PAGES);
    for (size_t i = 0; i < n; i++)
        f->kept_pages[i] = (int16_t)pages[i];
    f->nkept_pages = (int)n;
    explicit_bzero(regions, sizeof regions);
}

static pm_status on_save_done(flow *f, uint64_t now)
{
    if (flow_screen(f) != SCREEN_SAVING || !(f->wants_save || f->save_failed))
        return PM_ERR_STATE;
    f->wants_save = false;
    f->save_failed = false;
    f->save_kept = false;
    /* it is on disk now; memory keeps only what the reading needs */
    f->nkept = f->in.npatterns;
    memcpy(f->kept_patterns, f->in.patterns, sizeof f->kept_patterns);
    keep_area_pages(f);
    f->saved_class = screening_worst_class(f->c, &f->in);
    intake_wipe(&f->in);
    intake_init(&f->in, content_lang_code(f->c, (size_t)f->lang));
    f->saved = true;
    f->editing = false;
    go_forward(f, now);
    return PM_OK;
}

pm_status flow_handle(flow *f, const flow_event *ev, uint64_t now)
{
    switch (ev->type) {
    case EV_TICK:
        on_tick(f, now);
        return PM_OK;
    case EV_SET_LAYOUT:
        if (ev->arg != FLOW_COMPACT && ev->arg != FLOW_ROOMY)
            return PM_ERR_INVALID;
        relayout(f, (flow_layout)ev->arg);
        return PM_OK;
    case EV_SAVE_DONE:
        return on_save_done(f, now);
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
        if (s == SCREEN_EDUCATION && f->saved) {
            enter(f, screen_pos(f, SCREEN_THANKS), 0, now);
            return PM_OK;
        }
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
    case EV_ANSWER:
    case EV_ANSWER_TO:
    case EV_TOGGLE_CHECK:
    case EV_CHECK_NONE:
    case EV_PAGE_NO:
        return on_screening_event(f, ev, now);
    case EV_ALERT_DONE:
        if (f->alert < 0)
            return PM_ERR_STATE;
        if (ev->arg == 1)
            f->in.answers[f->alert] = INTAKE_UNSET;
        f->alert = -1;
        return PM_OK;
    case EV_SAME_AS_LAST:
        return on_same_as_last(f, now);
    default:
        return on_answer_event(f, ev);
    }
}

pm_status flow_send(flow *f, flow_event_type type, int arg, uint64_t now_ms)
{
    flow_event ev = {.type = type, .arg = arg};
    return flow_handle(f, &ev, now_ms);
}

pm_status flow_send2(flow *f, flow_event_type type, int arg, int arg2, uint64_t now_ms)
{
    flow_event ev = {.type = type, .arg = arg, .arg2 = arg2};
    return flow_handle(f, &ev, now_ms);
}

/* ---- queries ----------------------------------------------------------- */

/* The sections, in order: each screen belongs to one. */
static const char *const section_keys[] = {"ui.section.pain", "ui.section.safety",
                                           "ui.section.visit", "ui.section.check",
                                           "ui.section.done"};
enum { NSECTIONS = sizeof section_keys / sizeof section_keys[0] };

static int nominal_section(pm_screen s)
{
    switch (s) {
    case SCREEN_WELCOME:
        return -1;
    case SCREEN_ABOUT:
    case SCREEN_NAME:
    case SCREEN_CHART:
    case SCREEN_DETAILS:
        return 0;
    case SCREEN_SCREENING:
        return 1;
    case SCREEN_PATTERNS:
    case SCREEN_PREFERENCES:
    case SCREEN_CONSENT:
        return 2;
    case SCREEN_REVIEW:
        return 3;
    default:
        return 4;
    }
}

/* Which sections the content's screens use (bit i: section i). */
static unsigned sections_used(const flow *f)
{
    unsigned used = 0;
    for (size_t p = 0; p < content_screen_count(f->c); p++) {
        int k = nominal_section(screen_at(f, p));
        if (k >= 0)
            used |= 1u << k;
    }
    return used;
}

int flow_section_count(const flow *f)
{
    return __builtin_popcount(sections_used(f));
}

int flow_section(const flow *f)
{
    int k = nominal_section(flow_screen(f));
    if (k < 0)
        return -1;
    return __builtin_popcount(sections_used(f) & ((1u << k) - 1));
}

const char *flow_section_key(const flow *f, int i)
{
    unsigned used = sections_used(f);
    for (int k = 0; k < NSECTIONS; k++)
        if (used >> k & 1u) {
            if (i-- == 0)
                return section_keys[k];
        }
    return NULL;
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
        return f->last_activity + (f->saved ? f->timing.reading_idle_ms : f->timing.idle_ms);
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
    return flow_screen(f) == SCREEN_DETAILS ? f->step / per_area(f) : -1;
}

unsigned flow_detail_asks(const flow *f)
{
    if (flow_screen(f) != SCREEN_DETAILS)
        return 0;
    if (f->layout == FLOW_ROOMY)
        return DETAIL_STRENGTH | DETAIL_DURATION | DETAIL_FEELINGS;
    return f->step % 2 == 0 ? DETAIL_STRENGTH | DETAIL_DURATION : DETAIL_FEELINGS;
}

bool flow_same_as_offered(const flow *f)
{
    int slot = flow_detail_slot(f);
    return slot >= 1 && slot < f->in.nmarks && (flow_detail_asks(f) & DETAIL_STRENGTH) &&
           f->in.marks[slot - 1].intensity != INTAKE_UNSET;
}

pm_part flow_screening_part(const flow *f)
{
    int qs[CONTENT_MAX_QUESTIONS];
    pm_part part = PART_GATE;
    page_questions(f, qs, CONTENT_MAX_QUESTIONS, &part);
    return part;
}

int flow_page_questions(const flow *f, int *out, int max)
{
    return page_questions(f, out, max, NULL);
}

int flow_question(const flow *f)
{
    int qs[CONTENT_MAX_QUESTIONS];
    return page_questions(f, qs, CONTENT_MAX_QUESTIONS, NULL) > 0 ? qs[0] : -1;
}

const char *flow_notice_key(const flow *f, int q)
{
    if (q < 0 || (size_t)q >= content_question_count(f->c))
        return NULL;
    return screening_notice_key(f->c, &f->in, q);
}

int flow_alert(const flow *f) { return f->alert; }

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
    if (flow_screen(f) != SCREEN_EDUCATION || !f->saved)
        return -1;
    int k = f->step;
    if (k < f->nkept) {
        *is_muscle = true;
        return f->kept_patterns[k];
    }
    k -= f->nkept;
    if (k < f->nkept_pages)
        return f->kept_pages[k];
    k -= f->nkept_pages;
    for (size_t i = 0; i < content_education_count(f->c); i++) {
        int item = content_education_item(f->c, i);
        if (item != -1 && k-- == 0)
            return item;
    }
    return -1;
}

screening_class flow_saved_class(const flow *f) { return f->saved ? f->saved_class : SCREENING_NONE; }
bool flow_wants_save(const flow *f) { return f->wants_save; }
bool flow_save_failed(const flow *f) { return f->save_failed; }
bool flow_save_kept(const flow *f) { return f->save_failed && f->save_kept; }
bool flow_saved(const flow *f) { return f->saved; }
unsigned flow_resets(const flow *f) { return f->resets; }
