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

static bool bit_in_range(uint32_t bits, size_t count)
{
    return count >= 32 || (bits >> count) == 0;
}

/* The intake invariants the renderers rely on. The intake module keeps them;
 * checking again here means a bug elsewhere gives PM_ERR_INVALID instead of
 * reading past an array or writing a record that names the wrong thing. */
static bool mark_valid(const pm_content *c, const intake_mark *m)
{
    if (m->region < 0 || (size_t)m->region >= content_region_count(c))
        return false;
    if (m->intensity != INTAKE_UNSET && (m->intensity < 0 || m->intensity > 10))
        return false;
    if (m->duration != INTAKE_UNSET
        && (m->duration < 0 || (size_t)m->duration >= content_duration_count(c)))
        return false;
    return bit_in_range(m->qualities, content_quality_count(c));
}

static bool answers_valid(const pm_content *c, const intake *in)
{
    size_t nq = content_question_count(c);
    for (size_t q = 0; q < CONTENT_MAX_QUESTIONS; q++) {
        int a = in->answers[q];
        if (a == INTAKE_UNSET)
            continue;
        if (q >= nq || a < 0 || (size_t)a >= content_question(c, q)->nanswers)
            return false;
    }
    return true;
}

static bool sig_valid(const intake *in)
{
    if (in->nsig > INTAKE_SIG_MAX_POINTS)
        return false;
    for (size_t i = 0; i < in->nsig; i++) {
        const intake_sig_point *p = &in->sig[i];
        if (p->x < 0 || p->x > INTAKE_SIG_W || p->y < 0 || p->y > INTAKE_SIG_H)
            return false;
    }
    return true;
}

/* A language code as the JSON may carry it: "en", "es", "pt-BR". */
bool summary_lang_code_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof ((intake *)0)->lang)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')
              || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
            return false;
    return true;
}

bool summary_has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return true;
    return false;
}

/* What a client may type: valid UTF-8, at most INTAKE_NAME_CHARS
 * characters, no control characters. */
static bool name_valid(const char *name, size_t size)
{
    if (!memchr(name, '\0', size))
        return false;
    long chars = utf8_count(name, strlen(name));
    return chars >= 0 && chars <= INTAKE_NAME_CHARS && !summary_has_control(name);
}

static bool marks_valid(const pm_content *c, const intake *in)
{
    if (in->nmarks > INTAKE_MAX_MARKS)
        return false;
    for (size_t i = 0; i < in->nmarks; i++) {
        if (!mark_valid(c, &in->marks[i]))
            return false;
        for (size_t k = 0; k < i; k++)
            if (in->marks[k].region == in->marks[i].region)
                return false;
    }
    return true;
}

static bool patterns_valid(const pm_content *c, const intake *in)
{
    if (in->npatterns > INTAKE_MAX_PATTERNS || (in->none_of_these && in->npatterns > 0))
        return false;
    for (size_t i = 0; i < in->npatterns; i++) {
        if (in->patterns[i] < 0 || (size_t)in->patterns[i] >= content_muscle_count(c))
            return false;
        for (size_t k = 0; k < i; k++)
            if (in->patterns[k] == in->patterns[i])
                return false;
    }
    return true;
}

/* Exactly what summary_parse_json accepts, so every record written can be
 * read back. */
bool summary_intake_valid(const pm_content *c, const intake *in)
{
    if (!name_valid(in->name, sizeof in->name) || !memchr(in->lang, '\0', sizeof in->lang)
        || !summary_lang_code_ok(in->lang))
        return false;
    if (!marks_valid(c, in) || !patterns_valid(c, in))
        return false;
    if (in->pressure != INTAKE_UNSET
        && (in->pressure < 0 || (size_t)in->pressure >= content_pressure_count(c)))
        return false;
    if (!bit_in_range(in->avoid, content_avoid_count(c)))
        return false;
    return answers_valid(c, in) && sig_valid(in);
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
