/* screening.h — the safety screening as the content describes it: which
 * questions apply to this client, in what order, on which screens, and what
 * an answer means. Pure: no SDL, no clock, no globals, no I/O; everything is
 * computed from the content and the intake each time, so there is no second
 * copy of the state to fall out of step.
 *
 * The content (questions.json, see data/README.md) has three parts, asked in
 * this order:
 *   gate       at most 6 questions everyone answers (unwell today, chest pain,
 *              a hot swollen leg, pregnancy, blood thinners, recent surgery
 *              or injury);
 *   checklist  one "tick all that apply" list (history: cancer, clots, heart,
 *              bones, steroids...) with "None of these"; each item is a
 *              question with two answers, ticked and not ticked;
 *   followup   questions shown only when they apply: one of show_if_regions
 *              is marked on the chart, or an earlier question got one of the
 *              answers in show_if_answer (either is enough).
 *
 * What an answer means (screening_classify):
 *   NOW     the client must tell the front desk at once (chest pain now, a
 *           sudden worst headache, new weakness or numbness, saddle numbness):
 *           a full-screen message, the staff queue shows it first;
 *   URGENT  a doctor should see them before massage: they are asked to speak
 *           to staff, the summary shows a red flag;
 *   CHECK   the therapist reads it first; the client sees one calm line
 *           (screening_notice_key);
 *   NONE.
 * In records an answer that means NOW carries the flag "urgent" (FLAG_URGENT):
 * a reader that knows only flags still sees red.
 *
 * Typical use by a walk-through that shows several questions per screen:
 *     screening_screen s[SCREENING_MAX_SCREENS];
 *     size_t n = screening_screens(c, in, s, SCREENING_MAX_SCREENS);
 *     for each screen: show s[k].count questions of plan, starting at s[k].first
 *         (s[k].part == PART_CHECKLIST: one list of ticks, the prompt
 *          content_checklist_text_key(), and "None of these", which calls
 *          screening_none_of_these());
 *     after every answer: screening_set_answer() (it also forgets the answers
 *         of follow-ups that no longer apply), then re-plan: a follow-up
 *         may have appeared or gone;
 *     screening_worst_class() == SCREENING_NOW: the "tell the front desk now"
 *         screen.
 * The flow in this tree (flow.c) asks one question per step with the same
 * plan. */
#ifndef PM_SCREENING_H
#define PM_SCREENING_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "intake.h"

typedef enum {
    SCREENING_NONE = 0,
    SCREENING_CHECK = 1,  /* FLAG_ATTENTION */
    SCREENING_URGENT = 2, /* FLAG_URGENT */
    SCREENING_NOW = 3,    /* FLAG_URGENT and the answer's "now" */
} screening_class;

/* One screen of the screening: consecutive questions of the plan in one part. */
typedef struct {
    pm_part part;
    size_t first; /* index into the plan */
    size_t count;
} screening_screen;

#define SCREENING_MAX_SCREENS 3 /* gate, checklist, follow-ups */

/* Does question q apply to this intake now (its part, the marked regions,
 * the answers so far)? Gate and checklist questions always do. */
bool screening_applies(const pm_content *c, const intake *in, int q);

/* The questions that apply, in the order they are asked: question indices
 * into out (at most max), returns how many. */
size_t screening_plan(const pm_content *c, const intake *in, int *out, size_t max);

/* The plan grouped into screens (one per part that has questions). */
size_t screening_screens(const pm_content *c, const intake *in, screening_screen *out,
                         size_t max);

/* What answer a of question q means. */
screening_class screening_classify(const pm_content *c, int q, int a);
/* The class of the answer given to q (NONE when unanswered). */
screening_class screening_answer_class(const pm_content *c, const intake *in, int q);
/* The most serious class among the answers to questions that apply. */
screening_class screening_worst_class(const pm_content *c, const intake *in);
/* Questions that apply and were answered with a flag, most serious first (now,
 * urgent, check), then in the order asked. Returns how many. */
size_t screening_flagged(const pm_content *c, const intake *in, int *out, size_t max);

/* The notice for the answer given to q: the answer's own, else the question's;
 * NULL when the answer has no flag or there is no notice. */
const char *screening_notice_key(const pm_content *c, const intake *in, int q);

/* Records answer a to question q (which must apply), then forgets the
 * answers of follow-ups that no longer apply. PM_ERR_INVALID for a bad q or
 * a, PM_ERR_STATE when q does not apply. */
pm_status screening_set_answer(const pm_content *c, intake *in, int q, int a);
/* "None of these" on the checklist: every item not ticked. */
void screening_none_of_these(const pm_content *c, intake *in);
/* Forgets the answers of questions that do not apply (after the marks
 * changed, say), so nothing the client was never asked is saved. */
void screening_prune(const pm_content *c, intake *in);
/* True when every question that applies has an answer. */
bool screening_complete(const pm_content *c, const intake *in);
/* Question q applies but has no answer. (A follow-up that does not apply
 * was never asked: it is not "not answered".) */
bool screening_unanswered(const pm_content *c, const intake *in, int q);
/* The step of the plan that asks q, or -1 when q does not apply. */
int screening_step_of(const pm_content *c, const intake *in, int q);

#endif
