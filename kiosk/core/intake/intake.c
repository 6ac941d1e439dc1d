/* intake.c — the intake record's operations and invariants (see intake.h). */
#include "intake.h"

#include <stdio.h>
#include <string.h>

void intake_init(intake *in, const char *lang)
{
    intake_wipe(in);
    snprintf(in->lang, sizeof in->lang, "%s", lang ? lang : "en");
    memset(in->answers, INTAKE_UNSET, sizeof in->answers);
    in->pressure = INTAKE_UNSET;
}

void intake_wipe(intake *in)
{
    /* explicit_bzero: a plain memset of memory about to be reused may be
     * optimised away; health data must really be gone */
    explicit_bzero(in, sizeof *in);
}

int intake_find_mark(const intake *in, int region)
{
    for (int i = 0; i < in->nmarks; i++)
        if (in->marks[i].region == region)
            return i;
    return -1;
}

int intake_toggle_region(intake *in, int region)
{
    if (region < 0 || region >= CONTENT_MAX_REGIONS)
        return PM_ERR_INVALID;
    int slot = intake_find_mark(in, region);
    if (slot >= 0) {
        /* keep tap order for the rest */
        memmove(&in->marks[slot], &in->marks[slot + 1],
                (size_t)(in->nmarks - slot - 1) * sizeof in->marks[0]);
        in->nmarks--;
        memset(&in->marks[in->nmarks], 0, sizeof in->marks[0]);
        return -1;
    }
    if (in->nmarks >= INTAKE_MAX_MARKS)
        return PM_ERR_LIMIT;
    intake_mark *m = &in->marks[in->nmarks];
    m->region = (int16_t)region;
    m->intensity = INTAKE_UNSET;
    m->duration = INTAKE_UNSET;
    m->qualities = 0;
    return in->nmarks++;
}

static bool slot_ok(const intake *in, int slot)
{
    return slot >= 0 && slot < in->nmarks;
}

pm_status intake_set_intensity(intake *in, int slot, int value)
{
    if (!slot_ok(in, slot) || value < 0 || value > 10)
        return PM_ERR_INVALID;
    in->marks[slot].intensity = (int8_t)value;
    return PM_OK;
}

pm_status intake_set_duration(intake *in, int slot, int duration)
{
    if (!slot_ok(in, slot) || duration < 0 || duration >= CONTENT_MAX_CHOICES)
        return PM_ERR_INVALID;
    in->marks[slot].duration = (int8_t)duration;
    return PM_OK;
}

pm_status intake_toggle_quality(intake *in, int slot, int quality)
{
    if (!slot_ok(in, slot) || quality < 0 || quality >= CONTENT_MAX_CHOICES)
        return PM_ERR_INVALID;
    in->marks[slot].qualities ^= 1u << quality;
    return PM_OK;
}

bool intake_has_pattern(const intake *in, int muscle)
{
    for (int i = 0; i < in->npatterns; i++)
        if (in->patterns[i] == muscle)
            return true;
    return false;
}

pm_status intake_toggle_pattern(intake *in, int muscle)
{
    if (muscle < 0 || muscle >= CONTENT_MAX_MUSCLES)
        return PM_ERR_INVALID;
    for (int i = 0; i < in->npatterns; i++)
        if (in->patterns[i] == muscle) {
            memmove(&in->patterns[i], &in->patterns[i + 1],
                    (size_t)(in->npatterns - i - 1) * sizeof in->patterns[0]);
            in->npatterns--;
            return PM_OK;
        }
    if (in->npatterns >= INTAKE_MAX_PATTERNS)
        return PM_ERR_LIMIT;
    in->patterns[in->npatterns++] = (int16_t)muscle;
    in->none_of_these = false;
    return PM_OK;
}

void intake_choose_none(intake *in)
{
    in->npatterns = 0;
    memset(in->patterns, 0, sizeof in->patterns);
    in->none_of_these = true;
}

/* Length in bytes of the UTF-8 sequence starting at s (max len bytes), or 0
 * when it is not a valid, shortest-form, non-surrogate character. */
static size_t utf8_char_len(const unsigned char *s, size_t len)
{
    if (len == 0)
        return 0;
    unsigned char c = s[0];
    size_t n;
    unsigned long cp;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    static const unsigned long min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

long utf8_count(const char *s, size_t len)
{
    long count = 0;
    size_t i = 0;
    while (i < len) {
        size_t n = utf8_char_len((const unsigned char *)s + i, len - i);
        if (n == 0)
            return -1;
        i += n;
        count++;
    }
    return count;
}

pm_status intake_name_append(intake *in, const char *utf8)
{
    size_t add = strlen(utf8);
    long chars = utf8_count(utf8, add);
    if (chars < 0)
        return PM_ERR_INVALID;
    for (size_t i = 0; i < add; i++)
        if ((unsigned char)utf8[i] < 0x20 || utf8[i] == 0x7F)
            return PM_ERR_INVALID; /* no control characters in a name */
    size_t have = strlen(in->name);
    if (intake_name_chars(in) + (size_t)chars > INTAKE_NAME_CHARS ||
        have + add + 1 > sizeof in->name)
        return PM_ERR_LIMIT;
    memcpy(in->name + have, utf8, add + 1);
    return PM_OK;
}

void intake_name_backspace(intake *in)
{
    size_t len = strlen(in->name);
    if (len == 0)
        return;
    /* step back over continuation bytes to the start of the last character */
    size_t i = len - 1;
    while (i > 0 && ((unsigned char)in->name[i] & 0xC0) == 0x80)
        i--;
    memset(in->name + i, 0, len - i);
}

size_t intake_name_chars(const intake *in)
{
    long n = utf8_count(in->name, strlen(in->name));
    return n < 0 ? 0 : (size_t)n;
}

bool intake_name_given(const intake *in)
{
    for (const char *p = in->name; *p; p++)
        if (*p != ' ')
            return true;
    return false;
}

pm_status intake_sig_add(intake *in, int x, int y, bool starts_stroke)
{
    if (in->nsig >= INTAKE_SIG_MAX_POINTS)
        return PM_ERR_LIMIT;
    x = x < 0 ? 0 : x > INTAKE_SIG_W ? INTAKE_SIG_W : x;
    y = y < 0 ? 0 : y > INTAKE_SIG_H ? INTAKE_SIG_H : y;
    intake_sig_point *p = &in->sig[in->nsig++];
    p->x = (int16_t)x;
    p->y = (int16_t)y;
    p->starts_stroke = (starts_stroke || in->nsig == 1) ? 1 : 0;
    return PM_OK;
}

void intake_sig_clear(intake *in)
{
    memset(in->sig, 0, sizeof in->sig);
    in->nsig = 0;
}

size_t intake_sig_strokes(const intake *in)
{
    size_t n = 0;
    for (size_t i = 0; i < in->nsig; i++)
        n += in->sig[i].starts_stroke;
    return n;
}

pm_flag intake_worst_flag(const intake *in, const pm_content *c)
{
    pm_flag worst = FLAG_NONE;
    size_t nq = content_question_count(c);
    for (size_t i = 0; i < nq && i < CONTENT_MAX_QUESTIONS; i++) {
        int a = in->answers[i];
        const pm_question *q = content_question(c, i);
        if (a >= 0 && (size_t)a < q->nanswers && q->answer_flags[a] > worst)
            worst = q->answer_flags[a];
    }
    return worst;
}
