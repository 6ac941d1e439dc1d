/* screening.c — which safety questions apply and what answers mean (the
 * contract is in screening.h). Follow-ups depend only on the marks and on
 * questions asked before them (the content checker sees to that), so one
 * pass in question order settles everything. */
#include "screening.h"

static bool region_marked(const intake *in, int region)
{
    for (int i = 0; i < in->nmarks; i++)
        if (in->marks[i].region == region)
            return true;
    return false;
}

bool screening_applies(const pm_content *c, const intake *in, int q)
{
    const pm_question *qu = content_question(c, (size_t)(q < 0 ? 0 : q));
    if (q < 0 || !qu)
        return false;
    if (qu->part != PART_FOLLOWUP)
        return true;
    for (size_t i = 0; i < qu->nshow_if_regions; i++)
        if (region_marked(in, qu->show_if_regions[i]))
            return true;
    if (qu->show_if_question >= 0 && qu->show_if_question < q) {
        int a = in->answers[qu->show_if_question];
        if (a >= 0 && (qu->show_if_answers & (1u << a)) &&
            screening_applies(c, in, qu->show_if_question))
            return true;
    }
    return false;
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
        pm_part part = content_question(c, (size_t)plan[i])->part;
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
        return qu->answer_now[a] ? SCREENING_NOW : SCREENING_URGENT;
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
    const pm_question *qu = content_question(c, (size_t)q);
    int a = in->answers[q];
    return qu->answer_notice_keys[a] ? qu->answer_notice_keys[a] : qu->notice_key;
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
        if (content_question(c, q)->part == PART_CHECKLIST)
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
