/* intake_check.c — the intake's invariants against the content it was taken
 * with (see intake_fits in intake.h). The intake operations keep them; the
 * summary and FHIR writers check again, so a bug elsewhere gives
 * PM_ERR_INVALID instead of reading past an array or writing a record that
 * names the wrong thing. It is exactly what summary_parse_json accepts, so
 * every record written can be read back. */
#include <string.h>

#include "intake.h"

static bool bit_in_range(uint32_t bits, size_t count)
{
    return count >= 32 || (bits >> count) == 0;
}

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
bool intake_lang_code_ok(const char *s)
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

bool intake_text_has_control(const char *s)
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
    return chars >= 0 && chars <= INTAKE_NAME_CHARS && !intake_text_has_control(name);
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

bool intake_fits(const intake *in, const pm_content *c)
{
    if (!name_valid(in->name, sizeof in->name) || !memchr(in->lang, '\0', sizeof in->lang)
        || !intake_lang_code_ok(in->lang))
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
