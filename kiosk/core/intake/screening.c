/* screening.c — STAND-IN for the content branch's module (see screening.h):
 * the same logic, on today's content, where every question is a gate
 * question, none is a follow-up, no answer means "now" and no answer has a
 * notice of its own. Replace with the real module when it is on main. */
#include "screening.h"

const char *content_checklist_text_key(const pm_content *c)
{
    (void)c;
    return NULL;
}

const char *content_checklist_none_key(const pm_content *c)
{
    (void)c;
    return NULL;
}

static pm_part part_of(const pm_content *c, int q)
{
    (void)c;
    (void)q;
    return PART_GATE;
}

bool screening_applies(const pm_content *c, const intake *in, int q)
{
    (void)in;
    return q >= 0 && (size_t)q < content_question_count(c) && part_of(c, q) != PART_FOLLOWUP;
}

size_t screening_plan(const pm_content *c, const intake *in, int *out, size_t max)
{
    size_t n = 0;
    for (size_t q = 0; q < content_question_count(c) && n < max; q++)
        if (screening_applies(c, in, (int)q))
            out[n++] = (int)q;
    return n;
}

size_t screening_screens(const pm_content *c, const intake *in, screening_screen *out,
                         size_t max)
{
    int plan[CONTENT_MAX_QUESTIONS];
    size_t np = screening_plan(c, in, plan, CONTENT_MAX_QUESTIONS), n = 0;
    for (size_t i = 0; i < np; i++) {
        pm_part part = part_of(c, plan[i]);
        if (n > 0 && out[n - 1].part == part) {
            out[n - 1].count++;
        } else if (n < max) {
            out[n++] = (screening_screen){part, i, 1};
        } else {
            break;
        }
    }
    return n;
}

screening_class screening_classify(const pm_content *c, int q, int a)
{
    const pm_question *qu = content_question(c, (size_t)(q < 0 ? 0 : q));
    if (q < 0 || !qu || a < 0 || (size_t)a >= qu->nanswers)
        return SCREENING_NONE;
    switch (qu->answer_flags[a]) {
    case FLAG_URGENT:
        return SCREENING_URGENT;
    case FLAG_ATTENTION:
        return SCREENING_CHECK;
    default:
        return SCREENING_NONE;
    }
}

screening_class screening_answer_class(const pm_content *c, const intake *in, int q)
{
    if (q < 0 || q >= CONTENT_MAX_QUESTIONS)
        return SCREENING_NONE;
    return screening_classify(c, q, in->answers[q]);
}

screening_class screening_worst_class(const pm_content *c, const intake *in)
{
    screening_class worst = SCREENING_NONE;
    for (size_t q = 0; q < content_question_count(c); q++) {
        screening_class k = screening_answer_class(c, in, (int)q);
        if (k > worst && screening_applies(c, in, (int)q))
            worst = k;
    }
    return worst;
}

size_t screening_flagged(const pm_content *c, const intake *in, int *out, size_t max)
{
    size_t n = 0;
    for (int level = SCREENING_NOW; level >= SCREENING_CHECK; level--)
        for (size_t q = 0; q < content_question_count(c) && n < max; q++)
            if (screening_answer_class(c, in, (int)q) == (screening_class)level &&
                screening_applies(c, in, (int)q))
                out[n++] = (int)q;
    return n;
}

const char *screening_notice_key(const pm_content *c, const intake *in, int q)
{
    if (screening_answer_class(c, in, q) == SCREENING_NONE)
        return NULL;
    return content_question(c, (size_t)q)->notice_key;
}

void screening_prune(const pm_content *c, intake *in)
{
    for (size_t q = 0; q < content_question_count(c) && q < CONTENT_MAX_QUESTIONS; q++)
        if (in->answers[q] != INTAKE_UNSET && !screening_applies(c, in, (int)q))
            in->answers[q] = INTAKE_UNSET;
}

pm_status screening_set_answer(const pm_content *c, intake *in, int q, int a)
{
    const pm_question *qu = content_question(c, (size_t)(q < 0 ? 0 : q));
    if (q < 0 || q >= CONTENT_MAX_QUESTIONS || !qu || a < 0 || (size_t)a >= qu->nanswers)
        return PM_ERR_INVALID;
    if (!screening_applies(c, in, q))
        return PM_ERR_STATE;
    in->answers[q] = (int8_t)a;
    screening_prune(c, in);
    return PM_OK;
}

void screening_none_of_these(const pm_content *c, intake *in)
{
    for (size_t q = 0; q < content_question_count(c) && q < CONTENT_MAX_QUESTIONS; q++)
        if (part_of(c, (int)q) == PART_CHECKLIST)
            in->answers[q] = 1; /* the second answer: not ticked */
    screening_prune(c, in);
}

bool screening_complete(const pm_content *c, const intake *in)
{
    for (size_t q = 0; q < content_question_count(c); q++)
        if (in->answers[q] == INTAKE_UNSET && screening_applies(c, in, (int)q))
            return false;
    return true;
}

bool screening_unanswered(const pm_content *c, const intake *in, int q)
{
    return q >= 0 && q < CONTENT_MAX_QUESTIONS && in->answers[q] == INTAKE_UNSET &&
           screening_applies(c, in, q);
}

int screening_step_of(const pm_content *c, const intake *in, int q)
{
    int plan[CONTENT_MAX_QUESTIONS];
    size_t n = screening_plan(c, in, plan, CONTENT_MAX_QUESTIONS);
    for (size_t i = 0; i < n; i++)
        if (plan[i] == q)
            return (int)i;
    return -1;
}
