/* screening.h — the safety screening as the content describes it: which
 * questions apply to this client, in what order, on which screens, and what
 * an answer means. Pure: no SDL, no clock, no globals, no I/O; everything is
 * computed from the content and the intake each time, so there is no second
 * copy of the state to fall out of step.
 *
 * THIS FILE IS A STAND-IN. The clinical content (issue 13, branch `content`)
 * brings the real module with exactly this interface: a gate of at most 6
 * questions everyone answers, one "tick all that apply" checklist with "None
 * of these", follow-ups shown only when they apply (show_if_regions,
 * show_if_answer), and answers that mean "tell the front desk now". Until
 * that content is on main, every question of today's questions.json is a
 * gate question, none is a follow-up and no answer means "now"; the flow and
 * the screens are written against this interface only, so the switch is
 * replacing this file and screening.c with theirs.
 *
 * The parts, asked in this order:
 *   gate       questions everyone answers;
 *   checklist  one "tick all that apply" list with "None of these"; each
 *              item is a question with two answers, ticked (0) and not
 *              ticked (1);
 *   followup   questions shown only when they apply.
 *
 * What an answer means (screening_classify):
 *   NOW     the client must tell the front desk at once: a full-screen
 *           message, the staff queue shows it first;
 *   URGENT  a doctor should see them before massage: speak to staff, the
 *           summary shows a red flag;
 *   CHECK   the therapist reads it first; the client sees one calm line;
 *   NONE.
 * In records an answer that means NOW carries the flag "urgent". */
#ifndef PM_SCREENING_H
#define PM_SCREENING_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "intake.h"

/* (In the real module pm_part lives in content.h, beside pm_question.) */
typedef enum { PART_GATE = 0, PART_CHECKLIST = 1, PART_FOLLOWUP = 2 } pm_part;

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

/* (In the real module these two are content.h's.) The checklist's prompt
 * and the label of its "None of these"; NULL when there is no checklist. */
const char *content_checklist_text_key(const pm_content *c);
const char *content_checklist_none_key(const pm_content *c);

bool screening_applies(const pm_content *c, const intake *in, int q);
size_t screening_plan(const pm_content *c, const intake *in, int *out, size_t max);
size_t screening_screens(const pm_content *c, const intake *in, screening_screen *out,
                         size_t max);
screening_class screening_classify(const pm_content *c, int q, int a);
screening_class screening_answer_class(const pm_content *c, const intake *in, int q);
screening_class screening_worst_class(const pm_content *c, const intake *in);
size_t screening_flagged(const pm_content *c, const intake *in, int *out, size_t max);
const char *screening_notice_key(const pm_content *c, const intake *in, int q);
pm_status screening_set_answer(const pm_content *c, intake *in, int q, int a);
void screening_none_of_these(const pm_content *c, intake *in);
void screening_prune(const pm_content *c, intake *in);
bool screening_complete(const pm_content *c, const intake *in);
bool screening_unanswered(const pm_content *c, const intake *in, int q);
int screening_step_of(const pm_content *c, const intake *in, int q);

#endif
