/* summary_common.c — what the JSON and HTML renderers share: time
 * formatting, the intake invariants they rely on, and flag helpers. */
#include "summary_private.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------------ */
/* Shared helpers                                                            */

const char *summary_flag_name(pm_flag f)
{
    switch (f) {
    case FLAG_NONE: return "none";
    case FLAG_ATTENTION: return "attention";
    case FLAG_URGENT: return "urgent";
    }
    return "none";
}

/* iso: "2026-11-25T17:30:12Z" for the record; else "2026-11-25 17:30 UTC"
 * for people. (Literal formats so the compiler can check them.) */
bool summary_format_utc(int64_t t, bool iso, char *out, size_t size)
{
    if (t < 0 || t > SUMMARY_MAX_TIME)
        return false;
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm))
        return false;
    size_t n = iso ? strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm)
                   : strftime(out, size, "%Y-%m-%d %H:%M UTC", &tm);
    return n > 0;
}


pm_flag summary_answer_flag(const pm_content *c, const intake *in, size_t q)
{
    int a = in->answers[q];
    if (a == INTAKE_UNSET)
        return FLAG_NONE;
    return content_question(c, q)->answer_flags[a];
}

/* Question indices whose answer carries a flag, urgent first, then in
 * question order. Returns how many. */
size_t summary_flagged_questions(const pm_content *c, const intake *in,
                                size_t out[CONTENT_MAX_QUESTIONS])
{
    size_t n = 0, nq = content_question_count(c);
    if (nq > CONTENT_MAX_QUESTIONS)
        nq = CONTENT_MAX_QUESTIONS;
    for (int level = FLAG_URGENT; level >= FLAG_ATTENTION; level--)
        for (size_t q = 0; q < nq; q++)
            if (summary_answer_flag(c, in, q) == (pm_flag)level)
                out[n++] = q;
    return n;
}
