/* summary.c — the intake as JSON (the record of truth) and as a one-page
 * HTML summary for the therapist (see summary.h).
 *
 * Why it is built this way:
 * - JSON names everything by stable content ids, never indices, so a record
 *   stays meaningful after the content is edited; the parser maps ids back
 *   and refuses any it does not know, naming the field and the id.
 * - The parser will be fuzzed: every value's type and range is checked
 *   before use, cJSON bounds nesting, and nothing is trusted to be present.
 * - The HTML is self-contained (inline CSS and SVG, no scripts, no links) so
 *   it can be opened and printed anywhere, and it is laid out for one A4
 *   page. Every string that goes into it is escaped, content strings too.
 * - Numbers in SVG are written with integer arithmetic so a locale with a
 *   decimal comma can never break the drawing. */
#include "summary.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* 9999-12-31T23:59:59Z: the last second an ISO-8601 year of 4 digits holds. */
#define SUMMARY_MAX_TIME INT64_C(253402300799)

/* ------------------------------------------------------------------------ */
/* Growable text buffer                                                      */

static pm_status buf_reserve(summary_buf *b, size_t extra)
{
    if (b->oom)
        return PM_ERR_NOMEM;
    if (extra < b->cap - b->len)
        return PM_OK;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len <= extra) {
        if (cap > SIZE_MAX / 2) {
            b->oom = true;
            return PM_ERR_NOMEM;
        }
        cap *= 2;
    }
    char *data = realloc(b->data, cap);
    if (!data) {
        b->oom = true; /* sticky: the caller checks once at the end */
        return PM_ERR_NOMEM;
    }
    b->data = data;
    b->cap = cap;
    return PM_OK;
}

pm_status summary_buf_append(summary_buf *b, const char *s, size_t n)
{
    pm_status st = buf_reserve(b, n);
    if (st != PM_OK)
        return st;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return PM_OK;
}

pm_status summary_buf_printf(summary_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return PM_ERR_INVALID;
    pm_status st = buf_reserve(b, (size_t)n);
    if (st != PM_OK)
        return st;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return PM_OK;
}

static pm_status buf_puts(summary_buf *b, const char *s)
{
    return summary_buf_append(b, s, strlen(s));
}

pm_status summary_buf_escape(summary_buf *b, const char *s)
{
    pm_status st = PM_OK;
    const char *run = s; /* bytes copied as they are, in one go */
    for (const char *p = s;; p++) {
        const char *rep = NULL;
        unsigned char ch = (unsigned char)*p;
        switch (ch) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            /* control characters have no business in a summary: drop them */
            if (ch != 0 && (ch >= 0x20 || ch == '\t' || ch == '\n') && ch != 0x7f)
                continue;
            rep = "";
        }
        if (st == PM_OK)
            st = summary_buf_append(b, run, (size_t)(p - run));
        if (ch == 0)
            return st;
        if (st == PM_OK)
            st = buf_puts(b, rep);
        run = p + 1;
    }
}

void summary_buf_free(summary_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

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
static bool format_utc(int64_t t, bool iso, char *out, size_t size)
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
static bool lang_code_ok(const char *s)
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

static bool has_control(const char *s)
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
    return chars >= 0 && chars <= INTAKE_NAME_CHARS && !has_control(name);
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
static bool intake_valid(const pm_content *c, const intake *in)
{
    if (!name_valid(in->name, sizeof in->name) || !memchr(in->lang, '\0', sizeof in->lang)
        || !lang_code_ok(in->lang))
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

static pm_flag answer_flag(const pm_content *c, const intake *in, size_t q)
{
    int a = in->answers[q];
    if (a == INTAKE_UNSET)
        return FLAG_NONE;
    return content_question(c, q)->answer_flags[a];
}

/* Question indices whose answer carries a flag, urgent first, then in
 * question order. Returns how many. */
static size_t flagged_questions(const pm_content *c, const intake *in,
                                size_t out[CONTENT_MAX_QUESTIONS])
{
    size_t n = 0, nq = content_question_count(c);
    if (nq > CONTENT_MAX_QUESTIONS)
        nq = CONTENT_MAX_QUESTIONS;
    for (int level = FLAG_URGENT; level >= FLAG_ATTENTION; level--)
        for (size_t q = 0; q < nq; q++)
            if (answer_flag(c, in, q) == (pm_flag)level)
                out[n++] = q;
    return n;
}

/* ------------------------------------------------------------------------ */
/* JSON: render                                                              */

static bool add_str(cJSON *o, const char *key, const char *v)
{
    return cJSON_AddStringToObject(o, key, v) != NULL;
}

static bool add_num(cJSON *o, const char *key, double v)
{
    return cJSON_AddNumberToObject(o, key, v) != NULL;
}

static bool add_id_or_null(cJSON *o, const char *key, const char *id)
{
    return id ? add_str(o, key, id) : cJSON_AddNullToObject(o, key) != NULL;
}

static bool push(cJSON *arr, cJSON *item)
{
    if (!item)
        return false;
    cJSON_AddItemToArray(arr, item);
    return true;
}

static bool push_str(cJSON *arr, const char *s)
{
    return push(arr, cJSON_CreateString(s));
}

/* The ids of the set bits, as a JSON array in content order. */
static cJSON *choice_ids(const pm_content *c, uint32_t bits, size_t count,
                         const pm_choice *(*get)(const pm_content *, size_t))
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < count && i < 32; i++) {
        if ((bits & (UINT32_C(1) << i)) && !push_str(arr, get(c, i)->id)) {
            cJSON_Delete(arr);
            return NULL;
        }
    }
    return arr;
}

static cJSON *mark_json(const pm_content *c, const intake_mark *m)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    bool ok = add_str(o, "region", content_region(c, (size_t)m->region)->id);
    if (m->intensity == INTAKE_UNSET)
        ok = ok && cJSON_AddNullToObject(o, "intensity");
    else
        ok = ok && add_num(o, "intensity", m->intensity);
    ok = ok && cJSON_AddItemToObject(o, "qualities",
                                     choice_ids(c, m->qualities, content_quality_count(c),
                                                content_quality));
    const char *dur = m->duration == INTAKE_UNSET
                          ? NULL
                          : content_duration(c, (size_t)m->duration)->id;
    ok = ok && add_id_or_null(o, "duration", dur);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *answer_json(const pm_content *c, const intake *in, size_t q)
{
    const pm_question *qu = content_question(c, q);
    int a = in->answers[q];
    cJSON *o = cJSON_CreateObject();
    if (o && add_str(o, "question", qu->id) && add_str(o, "answer", qu->answer_ids[a])
        && add_str(o, "flag", summary_flag_name(qu->answer_flags[a])))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static bool add_marks(cJSON *root, const pm_content *c, const intake *in)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "marks");
    for (size_t i = 0; arr && i < in->nmarks; i++)
        if (!push(arr, mark_json(c, &in->marks[i])))
            return false;
    return arr != NULL;
}

static bool add_patterns(cJSON *root, const pm_content *c, const intake *in)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "patterns");
    for (size_t i = 0; arr && i < in->npatterns; i++)
        if (!push_str(arr, content_muscle(c, (size_t)in->patterns[i])->id))
            return false;
    return arr && cJSON_AddBoolToObject(root, "none_of_these", in->none_of_these);
}

static bool add_answers(cJSON *root, const pm_content *c, const intake *in)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "answers");
    size_t nq = content_question_count(c);
    for (size_t q = 0; arr && q < nq && q < CONTENT_MAX_QUESTIONS; q++)
        if (in->answers[q] != INTAKE_UNSET && !push(arr, answer_json(c, in, q)))
            return false;
    return arr != NULL;
}

static bool add_flags(cJSON *root, const pm_content *c, const intake *in)
{
    size_t qs[CONTENT_MAX_QUESTIONS];
    size_t n = flagged_questions(c, in, qs);
    cJSON *arr = cJSON_AddArrayToObject(root, "flags");
    for (size_t i = 0; arr && i < n; i++)
        if (!push(arr, answer_json(c, in, qs[i])))
            return false;
    return arr != NULL;
}

static bool add_preferences(cJSON *root, const pm_content *c, const intake *in)
{
    const char *pressure = in->pressure == INTAKE_UNSET
                               ? NULL
                               : content_pressure(c, (size_t)in->pressure)->id;
    return add_id_or_null(root, "pressure", pressure)
           && cJSON_AddItemToObject(root, "avoid",
                                    choice_ids(c, in->avoid, content_avoid_count(c),
                                               content_avoid));
}

/* Strokes as arrays of [x, y] points; a new stroke starts at every point
 * flagged starts_stroke (and at the very first point in any case). */
static bool add_signature(cJSON *root, const intake *in)
{
    cJSON *sig = cJSON_AddObjectToObject(root, "signature");
    if (!sig || !add_num(sig, "width", INTAKE_SIG_W) || !add_num(sig, "height", INTAKE_SIG_H))
        return false;
    cJSON *strokes = cJSON_AddArrayToObject(sig, "strokes");
    cJSON *stroke = NULL;
    for (size_t i = 0; strokes && i < in->nsig; i++) {
        const intake_sig_point *p = &in->sig[i];
        if (!stroke || p->starts_stroke) {
            stroke = cJSON_CreateArray();
            if (!push(strokes, stroke))
                return false;
        }
        int xy[2] = { p->x, p->y };
        if (!push(stroke, cJSON_CreateIntArray(xy, 2)))
            return false;
    }
    return strokes != NULL;
}

static bool add_header(cJSON *root, const intake *in, int64_t saved_at)
{
    char iso[32];
    if (!format_utc(saved_at, true, iso, sizeof iso))
        return false;
    return add_str(root, "schema", SUMMARY_SCHEMA) && add_num(root, "version", SUMMARY_VERSION)
           && add_str(root, "saved_at", iso) && add_num(root, "saved_at_epoch", (double)saved_at)
           && add_str(root, "language", in->lang) && add_str(root, "name", in->name)
           && cJSON_AddBoolToObject(root, "consent", in->consent);
}

pm_status summary_render_json(const pm_content *c, const intake *in, int64_t saved_at,
                              char **out)
{
    *out = NULL;
    if (!intake_valid(c, in) || saved_at < 0 || saved_at > SUMMARY_MAX_TIME)
        return PM_ERR_INVALID;
    cJSON *root = cJSON_CreateObject();
    bool ok = root && add_header(root, in, saved_at) && add_flags(root, c, in)
              && add_marks(root, c, in) && add_patterns(root, c, in)
              && add_answers(root, c, in) && add_preferences(root, c, in)
              && add_signature(root, in);
    char *text = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return PM_ERR_NOMEM;
    *out = text;
    return PM_OK;
}

/* ------------------------------------------------------------------------ */
/* JSON: parse                                                               */

typedef struct {
    const pm_content *c;
    pm_msg *err;
} parse_ctx;

static pm_status bad(parse_ctx *p, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static pm_status bad(parse_ctx *p, const char *path, const char *fmt, ...)
{
    char what[PM_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    pm_msg_set(p->err, "intake JSON: %s: %s", path, what);
    return PM_ERR_INVALID;
}

/* The member or an error naming it: every version-1 field is required. */
static pm_status member(parse_ctx *p, const cJSON *obj, const char *path, const char *key,
                        const cJSON **out)
{
    *out = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!*out)
        return bad(p, path, "missing field \"%s\"", key);
    return PM_OK;
}

static bool json_integer(const cJSON *it, double lo, double hi, int64_t *out)
{
    if (!cJSON_IsNumber(it))
        return false;
    double d = it->valuedouble;
    if (!(d >= lo && d <= hi) || d != floor(d))
        return false; /* also refuses NaN */
    *out = (int64_t)d;
    return true;
}

static pm_status want_string(parse_ctx *p, const cJSON *it, const char *path, const char **out)
{
    if (!cJSON_IsString(it) || !it->valuestring)
        return bad(p, path, "should be a string");
    *out = it->valuestring;
    return PM_OK;
}

static pm_status want_bool(parse_ctx *p, const cJSON *it, const char *path, bool *out)
{
    if (!cJSON_IsBool(it))
        return bad(p, path, "should be true or false");
    *out = cJSON_IsTrue(it);
    return PM_OK;
}

static pm_status want_array(parse_ctx *p, const cJSON *it, const char *path, size_t max)
{
    if (!cJSON_IsArray(it))
        return bad(p, path, "should be an array");
    if ((size_t)cJSON_GetArraySize(it) > max)
        return bad(p, path, "has %d items; at most %zu are allowed", cJSON_GetArraySize(it),
                   max);
    return PM_OK;
}

typedef size_t (*choice_count_fn)(const pm_content *);
typedef const pm_choice *(*choice_get_fn)(const pm_content *, size_t);

static int choice_find(const pm_content *c, choice_count_fn count, choice_get_fn get,
                       const char *id)
{
    size_t n = count(c);
    for (size_t i = 0; i < n; i++)
        if (strcmp(get(c, i)->id, id) == 0)
            return (int)i;
    return -1;
}

/* A string id of one kind of choice, or null when nullable. */
static pm_status parse_choice(parse_ctx *p, const cJSON *it, const char *path,
                              const char *kind, choice_count_fn count, choice_get_fn get,
                              int *out)
{
    const char *id = NULL;
    if (cJSON_IsNull(it)) {
        *out = INTAKE_UNSET;
        return PM_OK;
    }
    if (!cJSON_IsString(it) || !it->valuestring)
        return bad(p, path, "should be a %s id or null", kind);
    id = it->valuestring;
    *out = choice_find(p->c, count, get, id);
    if (*out < 0)
        return bad(p, path, "no %s '%s' in the current content", kind, id);
    return PM_OK;
}

/* An array of choice ids as a bit set. */
static pm_status parse_choice_set(parse_ctx *p, const cJSON *arr, const char *path,
                                  const char *kind, choice_count_fn count, choice_get_fn get,
                                  uint32_t *out)
{
    pm_status st = want_array(p, arr, path, CONTENT_MAX_CHOICES);
    *out = 0;
    if (st != PM_OK)
        return st;
    const cJSON *it;
    int i = 0;
    cJSON_ArrayForEach(it, arr)
    {
        char ipath[160];
        snprintf(ipath, sizeof ipath, "%s[%d]", path, i++);
        int idx;
        if (cJSON_IsNull(it))
            return bad(p, ipath, "should be a %s id", kind);
        st = parse_choice(p, it, ipath, kind, count, get, &idx);
        if (st != PM_OK)
            return st;
        *out |= UINT32_C(1) << idx;
    }
    return PM_OK;
}

static pm_status parse_header(parse_ctx *p, const cJSON *root, int64_t *saved_at)
{
    const cJSON *it;
    const char *s = NULL;
    int64_t v = 0;
    pm_status st = member(p, root, "$", "schema", &it);
    if (st == PM_OK && (st = want_string(p, it, "$.schema", &s)) == PM_OK
        && strcmp(s, SUMMARY_SCHEMA) != 0)
        st = bad(p, "$.schema", "is '%s'; this is not an intake record (expected '%s')", s,
                 SUMMARY_SCHEMA);
    if (st == PM_OK && (st = member(p, root, "$", "version", &it)) == PM_OK
        && (!json_integer(it, -1e9, 1e9, &v) || v != SUMMARY_VERSION)) {
        if (cJSON_IsNumber(it))
            st = bad(p, "$.version", "is %g; this program reads version %d only",
                     it->valuedouble, SUMMARY_VERSION);
        else
            st = bad(p, "$.version", "should be the number %d", SUMMARY_VERSION);
    }
    if (st == PM_OK && (st = member(p, root, "$", "saved_at", &it)) == PM_OK)
        st = want_string(p, it, "$.saved_at", &s);
    if (st == PM_OK && (st = member(p, root, "$", "saved_at_epoch", &it)) == PM_OK
        && !json_integer(it, 0, (double)SUMMARY_MAX_TIME, &v))
        st = bad(p, "$.saved_at_epoch", "should be whole seconds since 1970 (0 to %lld)",
                 (long long)SUMMARY_MAX_TIME);
    if (st == PM_OK && saved_at)
        *saved_at = v;
    return st;
}

static pm_status parse_person(parse_ctx *p, const cJSON *root, intake *in)
{
    const cJSON *it;
    const char *s = NULL;
    pm_status st = member(p, root, "$", "language", &it);
    if (st == PM_OK && (st = want_string(p, it, "$.language", &s)) == PM_OK) {
        if (!lang_code_ok(s))
            return bad(p, "$.language", "'%s' is not a language code", s);
        snprintf(in->lang, sizeof in->lang, "%s", s);
    }
    if (st == PM_OK && (st = member(p, root, "$", "name", &it)) == PM_OK
        && (st = want_string(p, it, "$.name", &s)) == PM_OK) {
        size_t len = strlen(s);
        long chars = utf8_count(s, len);
        if (chars < 0)
            return bad(p, "$.name", "is not valid UTF-8");
        if (len >= sizeof in->name || chars > INTAKE_NAME_CHARS)
            return bad(p, "$.name", "is longer than %d characters", INTAKE_NAME_CHARS);
        if (has_control(s))
            return bad(p, "$.name", "contains control characters");
        memcpy(in->name, s, len + 1);
    }
    if (st == PM_OK && (st = member(p, root, "$", "consent", &it)) == PM_OK)
        st = want_bool(p, it, "$.consent", &in->consent);
    return st;
}

static pm_status parse_region(parse_ctx *p, const cJSON *m, const char *path,
                              const intake *in, int *out)
{
    const cJSON *it;
    const char *id = NULL;
    char fpath[160];
    snprintf(fpath, sizeof fpath, "%s.region", path);
    pm_status st = member(p, m, path, "region", &it);
    if (st == PM_OK)
        st = want_string(p, it, fpath, &id);
    if (st != PM_OK)
        return st;
    *out = content_region_index(p->c, id);
    if (*out < 0)
        return bad(p, fpath, "no region '%s' in the current content", id);
    if (intake_find_mark(in, *out) >= 0)
        return bad(p, fpath, "region '%s' is marked twice", id);
    return PM_OK;
}

static pm_status parse_intensity(parse_ctx *p, const cJSON *m, const char *path, int8_t *out)
{
    const cJSON *it;
    int64_t v;
    pm_status st = member(p, m, path, "intensity", &it);
    if (st != PM_OK)
        return st;
    if (cJSON_IsNull(it)) {
        *out = INTAKE_UNSET;
        return PM_OK;
    }
    if (!json_integer(it, 0, 10, &v)) {
        char fpath[160];
        snprintf(fpath, sizeof fpath, "%s.intensity", path);
        return bad(p, fpath, "should be a whole number from 0 to 10, or null");
    }
    *out = (int8_t)v;
    return PM_OK;
}

static pm_status parse_mark(parse_ctx *p, const cJSON *m, const char *path, intake *in)
{
    if (!cJSON_IsObject(m))
        return bad(p, path, "should be an object");
    intake_mark mk = { .region = 0, .intensity = INTAKE_UNSET, .duration = INTAKE_UNSET };
    int region, dur;
    const cJSON *it;
    char fpath[160];
    pm_status st = parse_region(p, m, path, in, &region);
    if (st == PM_OK)
        st = parse_intensity(p, m, path, &mk.intensity);
    snprintf(fpath, sizeof fpath, "%s.qualities", path);
    if (st == PM_OK && (st = member(p, m, path, "qualities", &it)) == PM_OK)
        st = parse_choice_set(p, it, fpath, "quality", content_quality_count,
                              content_quality, &mk.qualities);
    snprintf(fpath, sizeof fpath, "%s.duration", path);
    if (st == PM_OK && (st = member(p, m, path, "duration", &it)) == PM_OK)
        st = parse_choice(p, it, fpath, "duration", content_duration_count, content_duration,
                          &dur);
    if (st != PM_OK)
        return st;
    mk.region = (int16_t)region;
    mk.duration = (int8_t)dur;
    in->marks[in->nmarks++] = mk;
    return PM_OK;
}

static pm_status parse_marks(parse_ctx *p, const cJSON *root, intake *in)
{
    const cJSON *arr, *m;
    pm_status st = member(p, root, "$", "marks", &arr);
    if (st == PM_OK)
        st = want_array(p, arr, "$.marks", INTAKE_MAX_MARKS);
    int i = 0;
    if (st == PM_OK)
        cJSON_ArrayForEach(m, arr)
        {
            char path[64];
            snprintf(path, sizeof path, "$.marks[%d]", i++);
            if ((st = parse_mark(p, m, path, in)) != PM_OK)
                return st;
        }
    return st;
}

static pm_status parse_pattern(parse_ctx *p, const cJSON *it, const char *path, intake *in)
{
    const char *id = NULL;
    pm_status st = want_string(p, it, path, &id);
    if (st != PM_OK)
        return st;
    int m = content_muscle_index(p->c, id);
    if (m < 0)
        return bad(p, path, "no muscle '%s' in the current content", id);
    for (size_t k = 0; k < in->npatterns; k++)
        if (in->patterns[k] == m)
            return bad(p, path, "muscle '%s' is listed twice", id);
    in->patterns[in->npatterns++] = (int16_t)m;
    return PM_OK;
}

static pm_status parse_patterns(parse_ctx *p, const cJSON *root, intake *in)
{
    const cJSON *arr, *it;
    pm_status st = member(p, root, "$", "patterns", &arr);
    if (st == PM_OK)
        st = want_array(p, arr, "$.patterns", INTAKE_MAX_PATTERNS);
    int i = 0;
    if (st == PM_OK)
        cJSON_ArrayForEach(it, arr)
        {
            char path[64];
            snprintf(path, sizeof path, "$.patterns[%d]", i++);
            if ((st = parse_pattern(p, it, path, in)) != PM_OK)
                return st;
        }
    if (st == PM_OK && (st = member(p, root, "$", "none_of_these", &it)) == PM_OK)
        st = want_bool(p, it, "$.none_of_these", &in->none_of_these);
    if (st == PM_OK && in->none_of_these && in->npatterns > 0)
        st = bad(p, "$.none_of_these", "is true but patterns are listed too");
    return st;
}

static int question_find(const pm_content *c, const char *id)
{
    size_t n = content_question_count(c);
    for (size_t q = 0; q < n && q < CONTENT_MAX_QUESTIONS; q++)
        if (strcmp(content_question(c, q)->id, id) == 0)
            return (int)q;
    return -1;
}

/* One {question, answer, flag}; the flag is what the client was shown and
 * is only type-checked (content may have re-graded the answer since). */
static pm_status parse_answer(parse_ctx *p, const cJSON *o, const char *path, int *q_out,
                              int *a_out)
{
    const cJSON *it;
    const char *qid = NULL, *aid = NULL, *flag = NULL;
    char fpath[160];
    if (!cJSON_IsObject(o))
        return bad(p, path, "should be an object");
    snprintf(fpath, sizeof fpath, "%s.question", path);
    pm_status st = member(p, o, path, "question", &it);
    if (st == PM_OK && (st = want_string(p, it, fpath, &qid)) == PM_OK
        && (*q_out = question_find(p->c, qid)) < 0)
        st = bad(p, fpath, "no question '%s' in the current content", qid);
    snprintf(fpath, sizeof fpath, "%s.answer", path);
    if (st == PM_OK && (st = member(p, o, path, "answer", &it)) == PM_OK)
        st = want_string(p, it, fpath, &aid);
    if (st != PM_OK)
        return st;
    const pm_question *qu = content_question(p->c, (size_t)*q_out);
    *a_out = -1;
    for (size_t a = 0; a < qu->nanswers && a < 4; a++)
        if (strcmp(qu->answer_ids[a], aid) == 0)
            *a_out = (int)a;
    if (*a_out < 0)
        return bad(p, fpath, "question '%s' has no answer '%s'", qid, aid);
    snprintf(fpath, sizeof fpath, "%s.flag", path);
    if ((st = member(p, o, path, "flag", &it)) == PM_OK
        && (st = want_string(p, it, fpath, &flag)) == PM_OK && strcmp(flag, "none") != 0
        && strcmp(flag, "attention") != 0 && strcmp(flag, "urgent") != 0)
        st = bad(p, fpath, "'%s' is not none, attention or urgent", flag);
    return st;
}

static pm_status parse_answers(parse_ctx *p, const cJSON *root, intake *in)
{
    const cJSON *arr, *it;
    pm_status st = member(p, root, "$", "answers", &arr);
    if (st == PM_OK)
        st = want_array(p, arr, "$.answers", CONTENT_MAX_QUESTIONS);
    int i = 0;
    if (st == PM_OK)
        cJSON_ArrayForEach(it, arr)
        {
            char path[64];
            int q, a;
            snprintf(path, sizeof path, "$.answers[%d]", i++);
            if ((st = parse_answer(p, it, path, &q, &a)) != PM_OK)
                return st;
            if (in->answers[q] != INTAKE_UNSET)
                return bad(p, path, "question '%s' is answered twice",
                           content_question(p->c, (size_t)q)->id);
            in->answers[q] = (int8_t)a;
        }
    return st;
}

/* "flags" is derived from the answers; it is type-checked, not trusted. */
static pm_status parse_flags(parse_ctx *p, const cJSON *root)
{
    const cJSON *arr, *it;
    pm_status st = member(p, root, "$", "flags", &arr);
    if (st == PM_OK)
        st = want_array(p, arr, "$.flags", CONTENT_MAX_QUESTIONS);
    int i = 0;
    if (st == PM_OK)
        cJSON_ArrayForEach(it, arr)
        {
            char path[64];
            int q, a;
            snprintf(path, sizeof path, "$.flags[%d]", i++);
            if ((st = parse_answer(p, it, path, &q, &a)) != PM_OK)
                return st;
        }
    return st;
}

static pm_status parse_preferences(parse_ctx *p, const cJSON *root, intake *in)
{
    const cJSON *it;
    int pressure;
    pm_status st = member(p, root, "$", "pressure", &it);
    if (st == PM_OK)
        st = parse_choice(p, it, "$.pressure", "pressure", content_pressure_count,
                          content_pressure, &pressure);
    if (st == PM_OK)
        in->pressure = (int8_t)pressure;
    if (st == PM_OK && (st = member(p, root, "$", "avoid", &it)) == PM_OK)
        st = parse_choice_set(p, it, "$.avoid", "avoid area", content_avoid_count,
                              content_avoid, &in->avoid);
    return st;
}

static pm_status parse_point(parse_ctx *p, const cJSON *pt, const char *path, bool first,
                             intake *in)
{
    int64_t x, y;
    if (!cJSON_IsArray(pt) || cJSON_GetArraySize(pt) != 2
        || !json_integer(cJSON_GetArrayItem(pt, 0), 0, INTAKE_SIG_W, &x)
        || !json_integer(cJSON_GetArrayItem(pt, 1), 0, INTAKE_SIG_H, &y))
        return bad(p, path, "should be a point [x, y] with 0 <= x <= %d and 0 <= y <= %d",
                   INTAKE_SIG_W, INTAKE_SIG_H);
    if (in->nsig >= INTAKE_SIG_MAX_POINTS)
        return bad(p, path, "the signature has more than %d points", INTAKE_SIG_MAX_POINTS);
    in->sig[in->nsig++] =
        (intake_sig_point){ .x = (int16_t)x, .y = (int16_t)y, .starts_stroke = first };
    return PM_OK;
}

static pm_status parse_stroke(parse_ctx *p, const cJSON *stroke, const char *path, intake *in)
{
    const cJSON *pt;
    int i = 0;
    if (!cJSON_IsArray(stroke))
        return bad(p, path, "should be an array of points");
    cJSON_ArrayForEach(pt, stroke)
    {
        char ppath[96];
        snprintf(ppath, sizeof ppath, "%s[%d]", path, i);
        pm_status st = parse_point(p, pt, ppath, i == 0, in);
        if (st != PM_OK)
            return st;
        i++;
    }
    return PM_OK;
}

static pm_status parse_signature(parse_ctx *p, const cJSON *root, intake *in)
{
    const cJSON *sig, *it, *strokes, *stroke;
    int64_t v;
    pm_status st = member(p, root, "$", "signature", &sig);
    if (st == PM_OK && !cJSON_IsObject(sig))
        return bad(p, "$.signature", "should be an object");
    if (st == PM_OK && (st = member(p, sig, "$.signature", "width", &it)) == PM_OK
        && (!json_integer(it, 0, 1e9, &v) || v != INTAKE_SIG_W))
        st = bad(p, "$.signature.width", "should be %d", INTAKE_SIG_W);
    if (st == PM_OK && (st = member(p, sig, "$.signature", "height", &it)) == PM_OK
        && (!json_integer(it, 0, 1e9, &v) || v != INTAKE_SIG_H))
        st = bad(p, "$.signature.height", "should be %d", INTAKE_SIG_H);
    if (st == PM_OK && (st = member(p, sig, "$.signature", "strokes", &strokes)) == PM_OK)
        st = want_array(p, strokes, "$.signature.strokes", INTAKE_SIG_MAX_POINTS);
    int i = 0;
    if (st == PM_OK)
        cJSON_ArrayForEach(stroke, strokes)
        {
            char path[64];
            snprintf(path, sizeof path, "$.signature.strokes[%d]", i++);
            if ((st = parse_stroke(p, stroke, path, in)) != PM_OK)
                return st;
        }
    return st;
}

static void describe_syntax_error(const char *json, const char *at, pm_msg *err)
{
    if (!at || at < json) {
        pm_msg_set(err, "intake JSON: not valid JSON");
        return;
    }
    int line = 1, col = 1;
    for (const char *s = json; s < at && *s; s++) {
        if (*s == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    pm_msg_set(err, "intake JSON: not valid JSON (line %d, column %d)", line, col);
}

pm_status summary_parse_json(const pm_content *c, const char *json, intake *out,
                             int64_t *saved_at, pm_msg *err)
{
    parse_ctx p = { .c = c, .err = err };
    intake_init(out, "en");
    if (!json) {
        pm_msg_set(err, "intake JSON: no text given");
        return PM_ERR_INVALID;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(json, &end, 1);
    if (!root) {
        describe_syntax_error(json, end, err);
        return PM_ERR_INVALID;
    }
    pm_status st = cJSON_IsObject(root) ? PM_OK : bad(&p, "$", "should be an object");
    int64_t when = 0;
    if (st == PM_OK)
        st = parse_header(&p, root, &when);
    if (st == PM_OK)
        st = parse_person(&p, root, out);
    if (st == PM_OK)
        st = parse_marks(&p, root, out);
    if (st == PM_OK)
        st = parse_patterns(&p, root, out);
    if (st == PM_OK)
        st = parse_answers(&p, root, out);
    if (st == PM_OK)
        st = parse_flags(&p, root);
    if (st == PM_OK)
        st = parse_preferences(&p, root, out);
    if (st == PM_OK)
        st = parse_signature(&p, root, out);
    cJSON_Delete(root);
    if (st != PM_OK) {
        intake_init(out, "en"); /* never hand back half a record */
        return st;
    }
    if (saved_at)
        *saved_at = when;
    return PM_OK;
}

/* ------------------------------------------------------------------------ */
/* HTML                                                                      */

/* Headings and labels the content does not define. The staff language's
 * string wins, then English, then this built-in English, so a missing key
 * can never show up as "summary.regions" on paper. */
static const struct {
    const char *key, *text;
} summary_defaults[] = {
    { "summary.title", "Intake summary" },
    { "summary.saved", "Saved" },
    { "summary.language", "Language" },
    { "summary.flags", "Safety flags" },
    { "summary.no_flags", "No safety flags" },
    { "summary.urgent", "Urgent" },
    { "summary.attention", "Attention" },
    { "summary.front", "Front" },
    { "summary.back", "Back" },
    { "summary.client_left", "client's left" },
    { "summary.client_right", "client's right" },
    { "summary.regions", "Regions" },
    { "summary.region", "Region" },
    { "summary.intensity", "Intensity" },
    { "summary.qualities", "Qualities" },
    { "summary.duration", "Duration" },
    { "summary.not_rated", "not rated" },
    { "summary.no_regions", "No regions marked" },
    { "summary.patterns", "Patterns the client recognised" },
    { "summary.none_of_these", "None of these" },
    { "summary.no_patterns", "None chosen" },
    { "summary.screening", "Screening answers" },
    { "summary.not_answered", "Not answered" },
    { "summary.preferences", "Preferences" },
    { "summary.pressure", "Pressure" },
    { "summary.avoid", "Avoid" },
    { "summary.none", "None" },
    { "summary.not_given", "Not given" },
    { "summary.consent", "Consent" },
    { "summary.consent_given", "Consent given" },
    { "summary.consent_not_given", "Consent NOT given" },
    { "summary.no_signature", "No signature" },
};

size_t summary_text_key_count(void)
{
    return sizeof summary_defaults / sizeof summary_defaults[0];
}

const char *summary_text_key(size_t i, const char **english)
{
    if (i >= summary_text_key_count())
        return NULL;
    if (english)
        *english = summary_defaults[i].text;
    return summary_defaults[i].key;
}

static const char *staff_text(const pm_content *c, int lang, const char *key)
{
    if (content_has_text(c, lang, key))
        return content_text(c, lang, key);
    if (content_has_text(c, 0, key))
        return content_text(c, 0, key);
    for (size_t i = 0; i < sizeof summary_defaults / sizeof summary_defaults[0]; i++)
        if (strcmp(summary_defaults[i].key, key) == 0)
            return summary_defaults[i].text;
    return content_text(c, lang, key);
}

/* How tightly the page is set. The first density whose estimated height
 * fits A4 is used, so a long intake still prints on one page. */
typedef struct {
    double pt;          /* body type size */
    double chart_mm;    /* height of each chart on paper */
    double pad_mm;      /* vertical padding of a table row */
    const char *body;   /* <body> tag that selects it in the style sheet */
} page_density;

static const page_density densities[] = {
    { 8.5, 105.0, 1.2, "<body>" },
    { 7.0, 92.0, 0.6, "<body class=\"d1\">" },
    { 6.0, 78.0, 0.4, "<body class=\"d2\">" },
};

typedef struct {
    const pm_content *c;
    const intake *in;
    int lang;
    summary_buf *b;
    const page_density *d;
} html_ctx;

/* Escaped string for key in the staff language. */
static void put_text(html_ctx *h, const char *key)
{
    summary_buf_escape(h->b, staff_text(h->c, h->lang, key));
}

static void put(html_ctx *h, const char *s)
{
    buf_puts(h->b, s);
}

/* A chart coordinate with one decimal, locale-proof. */
static void put_coord(html_ctx *h, double v)
{
    long t = lround(v * 10.0);
    const char *sign = t < 0 ? "-" : "";
    if (t < 0)
        t = -t;
    summary_buf_printf(h->b, "%s%ld.%ld", sign, t / 10, t % 10);
}

/* Sizes are in em of the body type, so one class on <body> sets the
 * density of the whole page. */
static const char html_style[] =
    "@page { size: A4; margin: 10mm }\n"
    "* { box-sizing: border-box }\n"
    "html { -webkit-print-color-adjust: exact; print-color-adjust: exact }\n"
    "body { margin: 0 auto; width: 190mm; font: 8.5pt/1.3 'DejaVu Sans', 'Noto Sans', "
    "Arial, sans-serif; color: #111 }\n"
    "body.d1 { font-size: 7pt }\n"
    "body.d2 { font-size: 6pt }\n"
    "header { display: flex; justify-content: space-between; align-items: baseline; "
    "border-bottom: 0.5mm solid #111; padding-bottom: 1mm }\n"
    "h1 { font-size: 1.5em; margin: 0 }\n"
    "h1 .name { font-weight: normal }\n"
    "h2 { font-size: 1.12em; margin: 2.5mm 0 1mm; border-bottom: 0.2mm solid #999 }\n"
    ".meta { color: #444; text-align: right }\n"
    ".flag { margin: 0.8mm 0; padding: 1mm 2mm; border-left: 2mm solid; font-size: 1.12em }\n"
    ".flag b { text-transform: uppercase; margin-right: 2mm }\n"
    ".urgent { background: #fde3e0; border-color: #c62828; color: #a31515 }\n"
    ".attention { background: #fff4d1; border-color: #e0a800; color: #5c4300 }\n"
    ".noflags { color: #2e6b30 }\n"
    ".main { display: flex; gap: 6mm; align-items: flex-start; margin-top: 2mm }\n"
    ".charts { flex: none }\n"
    ".pair { display: flex; gap: 3mm }\n"
    "figure { margin: 0 }\n"
    "figcaption { text-align: center; font-weight: bold }\n"
    "svg { display: block }\n"
    ".sides { display: flex; justify-content: space-between; font-size: 0.85em; "
    "color: #555 }\n"
    ".legend { margin-top: 1.5mm; font-size: 0.9em }\n"
    ".legend span { margin-right: 2.5mm; white-space: nowrap }\n"
    ".side { flex: 1; min-width: 0 }\n"
    ".side h2:first-child { margin-top: 0 }\n"
    "p { margin: 0.5mm 0 }\n"
    "table { border-collapse: collapse; width: 100% }\n"
    "table.regions { table-layout: fixed }\n"
    "tr { break-inside: avoid }\n"
    "th, td { text-align: left; vertical-align: top; padding: 0.6mm 1mm; "
    "border-bottom: 0.2mm solid #ddd }\n"
    ".d1 th, .d1 td { padding: 0.3mm 1mm }\n"
    ".d2 th, .d2 td { padding: 0.2mm 1mm }\n"
    "th { font-size: 0.9em; color: #444; border-bottom: 0.3mm solid #888 }\n"
    "td.n { text-align: right; font-weight: bold }\n"
    "td.i { white-space: nowrap }\n"
    ".term { color: #555; font-style: italic }\n"
    ".sw { display: inline-block; width: 1.1em; height: 1.1em; border: 0.2mm solid #333; "
    "vertical-align: -0.2em; margin-right: 0.4em }\n"
    ".ans { margin: 0.6mm 0 }\n"
    ".ans span { font-weight: bold; padding: 0 0.5mm }\n"
    "ul.plain { margin: 0; padding-left: 4mm }\n"
    ".no { color: #a31515; font-weight: bold }\n"
    ".sig { border-bottom: 0.3mm solid #333; margin-top: 1mm }\n"
    ".sig polyline { fill: none; stroke: #111; stroke-width: 5; stroke-linecap: round; "
    "stroke-linejoin: round }\n";

static void html_head(html_ctx *h)
{
    const char *code = content_lang_code(h->c, (size_t)h->lang);
    put(h, "<!DOCTYPE html>\n<html lang=\"");
    summary_buf_escape(h->b, code);
    put(h, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    put_text(h, "summary.title");
    if (h->in->name[0]) {
        put(h, " \xe2\x80\x94 "); /* em dash */
        summary_buf_escape(h->b, h->in->name);
    }
    put(h, "</title>\n<style>\n");
    put(h, html_style);
    put(h, "</style>\n</head>\n");
    put(h, h->d->body);
    put(h, "\n");
}

static void html_header(html_ctx *h, int64_t saved_at)
{
    char when[40];
    if (!format_utc(saved_at, false, when, sizeof when))
        snprintf(when, sizeof when, "%lld", (long long)saved_at);
    put(h, "<header>\n<h1>");
    put_text(h, "summary.title");
    if (h->in->name[0]) {
        put(h, ": <span class=\"name\">");
        summary_buf_escape(h->b, h->in->name);
        put(h, "</span>");
    }
    put(h, "</h1>\n<div class=\"meta\">");
    put_text(h, "summary.saved");
    put(h, " ");
    summary_buf_escape(h->b, when);
    put(h, " &middot; ");
    put_text(h, "summary.language");
    put(h, ": ");
    int li = content_lang_index(h->c, h->in->lang);
    summary_buf_escape(h->b, li >= 0 ? content_lang_name(h->c, (size_t)li) : h->in->lang);
    put(h, "</div>\n</header>\n");
}

static void html_flag(html_ctx *h, size_t q)
{
    const pm_question *qu = content_question(h->c, q);
    int a = h->in->answers[q];
    pm_flag f = qu->answer_flags[a];
    summary_buf_printf(h->b, "<div class=\"flag %s\"><b>", summary_flag_name(f));
    put_text(h, f == FLAG_URGENT ? "summary.urgent" : "summary.attention");
    put(h, "</b>");
    put_text(h, qu->staff_key);
    put(h, ": <strong>");
    put_text(h, qu->answer_keys[a]);
    put(h, "</strong></div>\n");
}

static void html_flags(html_ctx *h)
{
    size_t qs[CONTENT_MAX_QUESTIONS];
    size_t n = flagged_questions(h->c, h->in, qs);
    put(h, "<section class=\"flags\">\n<h2>");
    put_text(h, "summary.flags");
    put(h, "</h2>\n");
    for (size_t i = 0; i < n; i++)
        html_flag(h, qs[i]);
    if (n == 0) {
        put(h, "<div class=\"noflags\">");
        put_text(h, "summary.no_flags");
        put(h, "</div>\n");
    }
    put(h, "</section>\n");
}

/* The fill for a mark: its band's colour, or a neutral blue-grey when the
 * client marked the region but gave no number. */
static unsigned mark_colour(const pm_content *c, const intake_mark *m)
{
    if (m->intensity == INTAKE_UNSET)
        return 0xb0bec5;
    const pm_band *band = content_band_for(c, m->intensity);
    return band ? band->colour & 0xffffff : 0xb0bec5;
}

static void html_polygon(html_ctx *h, const pm_region *r, int slot)
{
    put(h, "<polygon points=\"");
    for (size_t i = 0; i < r->npoly; i++) {
        if (i)
            put(h, " ");
        put_coord(h, r->poly[i].x);
        put(h, ",");
        put_coord(h, r->poly[i].y);
    }
    if (slot < 0) {
        put(h, "\" fill=\"#ececec\" stroke=\"#a8a8a8\" stroke-width=\"0.5\"");
    } else {
        summary_buf_printf(h->b, "\" fill=\"#%06x\" stroke=\"#222\" stroke-width=\"1\"",
                           mark_colour(h->c, &h->in->marks[slot]));
    }
    put(h, " vector-effect=\"non-scaling-stroke\"><title>");
    put_text(h, r->label_key);
    put(h, "</title></polygon>\n");
}

/* The number of the mark's row in the regions table, drawn on the chart. */
static void html_badge(html_ctx *h, const pm_region *r, int slot, double radius)
{
    put(h, "<circle cx=\"");
    put_coord(h, r->anchor.x);
    put(h, "\" cy=\"");
    put_coord(h, r->anchor.y);
    put(h, "\" r=\"");
    put_coord(h, radius);
    put(h, "\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"1\" "
           "vector-effect=\"non-scaling-stroke\"/><text x=\"");
    put_coord(h, r->anchor.x);
    put(h, "\" y=\"");
    put_coord(h, r->anchor.y + radius * 0.36);
    put(h, "\" font-size=\"");
    put_coord(h, radius * 1.1);
    summary_buf_printf(h->b, "\" text-anchor=\"middle\" font-weight=\"bold\">%d</text>\n",
                       slot + 1);
}

/* The box around every region of both views, so front and back share one
 * scale, padded a little so outlines and badges are not clipped. */
static geo_bounds chart_box(const pm_content *c)
{
    geo_bounds bb = { 0, 0, content_chart_width(c), content_chart_height(c) };
    size_t n = content_region_count(c);
    for (size_t i = 0; i < n; i++) {
        geo_bounds r = content_region(c, i)->bounds;
        if (i == 0) {
            bb = r;
            continue;
        }
        bb.x0 = fmin(bb.x0, r.x0);
        bb.y0 = fmin(bb.y0, r.y0);
        bb.x1 = fmax(bb.x1, r.x1);
        bb.y1 = fmax(bb.y1, r.y1);
    }
    double pad = 0.03 * fmax(bb.x1 - bb.x0, bb.y1 - bb.y0);
    return (geo_bounds){ bb.x0 - pad, bb.y0 - pad, bb.x1 + pad, bb.y1 + pad };
}

/* One chart on paper: the density's height, unless the figure is so wide
 * that CHART_MAX_W_MM binds; then shorter, so no paper is left blank. */
#define CHART_MAX_W_MM 50.0

static void chart_size_mm(const pm_content *c, const page_density *d, double *w_mm,
                          double *h_mm)
{
    geo_bounds box = chart_box(c);
    double w = box.x1 - box.x0, hgt = box.y1 - box.y0;
    *w_mm = CHART_MAX_W_MM;
    *h_mm = d->chart_mm;
    if (!(w > 0) || !(hgt > 0))
        return;
    *w_mm = fmin(d->chart_mm * w / hgt, CHART_MAX_W_MM);
    *h_mm = *w_mm * hgt / w;
}

static double chart_width_mm(const pm_content *c, const page_density *d)
{
    double w, hgt;
    chart_size_mm(c, d, &w, &hgt);
    return w;
}

static double chart_height_mm(const pm_content *c, const page_density *d)
{
    double w, hgt;
    chart_size_mm(c, d, &w, &hgt);
    return hgt;
}

static void html_chart(html_ctx *h, pm_view view, geo_bounds box)
{
    double w = box.x1 - box.x0, hgt = box.y1 - box.y0;
    if (!(w > 0) || !(hgt > 0))
        w = hgt = 1;
    double width_mm, height_mm;
    chart_size_mm(h->c, h->d, &width_mm, &height_mm);
    put(h, "<figure>\n<figcaption>");
    put_text(h, view == VIEW_FRONT ? "summary.front" : "summary.back");
    put(h, "</figcaption>\n<svg viewBox=\"");
    put_coord(h, box.x0);
    put(h, " ");
    put_coord(h, box.y0);
    put(h, " ");
    put_coord(h, w);
    put(h, " ");
    put_coord(h, hgt);
    summary_buf_printf(h->b, "\" width=\"%.0fmm\" height=\"%.0fmm\" role=\"img\">\n",
                       floor(width_mm), floor(height_mm));
    size_t n = content_region_count(h->c);
    for (int pass = 0; pass < 2; pass++) /* marked ones last: outlines on top */
        for (size_t i = 0; i < n; i++) {
            const pm_region *r = content_region(h->c, i);
            int slot = intake_find_mark(h->in, (int)i);
            if (r->view == view && (slot >= 0) == (pass == 1))
                html_polygon(h, r, slot);
        }
    for (size_t s = 0; s < h->in->nmarks; s++) {
        const pm_region *r = content_region(h->c, (size_t)h->in->marks[s].region);
        if (r->view == view)
            html_badge(h, r, (int)s, 0.016 * fmax(w, hgt));
    }
    /* front: the client faces the viewer, so their right is on our left */
    put(h, "</svg>\n<div class=\"sides\"><span>");
    put_text(h, view == VIEW_FRONT ? "summary.client_right" : "summary.client_left");
    put(h, "</span><span>");
    put_text(h, view == VIEW_FRONT ? "summary.client_left" : "summary.client_right");
    put(h, "</span></div>\n</figure>\n");
}

static void put_band_range(html_ctx *h, const pm_band *band)
{
    if (band->min == band->max)
        summary_buf_printf(h->b, "%d", band->min);
    else
        summary_buf_printf(h->b, "%d\xe2\x80\x93%d", band->min, band->max); /* en dash */
}

static void html_legend(html_ctx *h)
{
    size_t n = content_band_count(h->c);
    put(h, "<div class=\"legend\">");
    for (size_t i = 0; i < n; i++) {
        const pm_band *band = content_band(h->c, i);
        summary_buf_printf(h->b, "<span><i class=\"sw\" style=\"background:#%06x\"></i>",
                           band->colour & 0xffffff);
        put_band_range(h, band);
        put(h, " ");
        put_text(h, band->label_key);
        put(h, "</span> ");
    }
    for (size_t s = 0; s < h->in->nmarks; s++) {
        if (h->in->marks[s].intensity != INTAKE_UNSET)
            continue;
        put(h, "<span><i class=\"sw\" style=\"background:#b0bec5\"></i>");
        put_text(h, "summary.not_rated");
        put(h, "</span>");
        break; /* only when some mark has no number */
    }
    put(h, "</div>\n");
}

/* The left column: both charts and their legend. */
static void html_charts(html_ctx *h)
{
    geo_bounds box = chart_box(h->c);
    put(h, "<div class=\"charts\">\n<div class=\"pair\">\n");
    html_chart(h, VIEW_FRONT, box);
    html_chart(h, VIEW_BACK, box);
    put(h, "</div>\n");
    html_legend(h);
    put(h, "</div>\n");
}

/* Labels of the set bits, comma-separated; "empty_key" when none. */
static void put_choice_list(html_ctx *h, uint32_t bits, size_t count, choice_get_fn get,
                            const char *empty_key)
{
    bool any = false;
    for (size_t i = 0; i < count && i < 32; i++) {
        if (!(bits & (UINT32_C(1) << i)))
            continue;
        if (any)
            put(h, ", ");
        put_text(h, get(h->c, i)->label_key);
        any = true;
    }
    if (!any && empty_key)
        put_text(h, empty_key);
}

static void html_mark_row(html_ctx *h, size_t slot)
{
    const intake_mark *m = &h->in->marks[slot];
    const pm_region *r = content_region(h->c, (size_t)m->region);
    summary_buf_printf(h->b, "<tr><td class=\"n\">%zu</td><td>", slot + 1);
    put_text(h, r->label_key);
    put(h, " &middot; <span class=\"term\">");
    put_text(h, r->term_key);
    summary_buf_printf(h->b,
                       "</span></td><td class=\"i\"><i class=\"sw\" "
                       "style=\"background:#%06x\"></i>",
                       mark_colour(h->c, m));
    const pm_band *band =
        m->intensity == INTAKE_UNSET ? NULL : content_band_for(h->c, m->intensity);
    if (band) {
        summary_buf_printf(h->b, "<b>%d</b> ", m->intensity);
        put_text(h, band->label_key);
    } else {
        put_text(h, "summary.not_rated");
    }
    put(h, "</td><td>");
    put_choice_list(h, m->qualities, content_quality_count(h->c), content_quality, NULL);
    put(h, "</td><td>");
    if (m->duration != INTAKE_UNSET)
        put_text(h, content_duration(h->c, (size_t)m->duration)->label_key);
    put(h, "</td></tr>\n");
}

static void html_regions(html_ctx *h)
{
    put(h, "<section>\n<h2>");
    put_text(h, "summary.regions");
    put(h, "</h2>\n");
    if (h->in->nmarks == 0) {
        put(h, "<p>");
        put_text(h, "summary.no_regions");
        put(h, "</p>\n</section>\n");
        return;
    }
    /* fixed columns: the page-height estimate can count lines per cell */
    put(h, "<table class=\"regions\">\n<colgroup><col style=\"width:5%\">"
           "<col style=\"width:39%\"><col style=\"width:13%\"><col style=\"width:31%\">"
           "<col style=\"width:12%\"></colgroup>\n");
    put(h, "<tr><th>#</th><th>");
    put_text(h, "summary.region");
    put(h, "</th><th>");
    put_text(h, "summary.intensity");
    put(h, "</th><th>");
    put_text(h, "summary.qualities");
    put(h, "</th><th>");
    put_text(h, "summary.duration");
    put(h, "</th></tr>\n");
    for (size_t s = 0; s < h->in->nmarks; s++)
        html_mark_row(h, s);
    put(h, "</table>\n</section>\n");
}

static void html_patterns(html_ctx *h)
{
    put(h, "<section>\n<h2>");
    put_text(h, "summary.patterns");
    put(h, "</h2>\n");
    if (h->in->none_of_these || h->in->npatterns == 0) {
        put(h, "<p>");
        put_text(h, h->in->none_of_these ? "summary.none_of_these" : "summary.no_patterns");
        put(h, "</p>\n</section>\n");
        return;
    }
    put(h, "<ul class=\"plain\">\n");
    for (size_t i = 0; i < h->in->npatterns; i++) {
        put(h, "<li>");
        put_text(h, content_muscle(h->c, (size_t)h->in->patterns[i])->name_key);
        put(h, "</li>\n");
    }
    put(h, "</ul>\n</section>\n");
}

/* Screening answers grouped by answer ("No: a; b; c"), flagged groups
 * first: eighteen questions take a few lines instead of eighteen rows, and
 * what differs from the usual answer stands out. */
typedef struct {
    const char *label; /* the answer in the staff language */
    pm_flag worst;
} answer_group;

static const char *answer_label(const html_ctx *h, size_t q)
{
    int a = h->in->answers[q];
    if (a == INTAKE_UNSET)
        return staff_text(h->c, h->lang, "summary.not_answered");
    return staff_text(h->c, h->lang, content_question(h->c, q)->answer_keys[a]);
}

/* Groups in display order: the most flagged first, then as they come;
 * "not answered" last. Returns how many. */
static size_t answer_groups(const html_ctx *h, answer_group g[CONTENT_MAX_QUESTIONS])
{
    size_t n = 0, nq = content_question_count(h->c);
    for (size_t q = 0; q < nq && q < CONTENT_MAX_QUESTIONS; q++) {
        if (h->in->answers[q] == INTAKE_UNSET)
            continue;
        const char *label = answer_label(h, q);
        size_t k = 0;
        while (k < n && strcmp(g[k].label, label) != 0)
            k++;
        if (k == n)
            g[n++] = (answer_group){ label, FLAG_NONE };
        pm_flag f = answer_flag(h->c, h->in, q);
        if (f > g[k].worst)
            g[k].worst = f;
    }
    for (size_t i = 1; i < n; i++) /* stable: insertion sort by flag */
        for (size_t k = i; k > 0 && g[k].worst > g[k - 1].worst; k--) {
            answer_group t = g[k];
            g[k] = g[k - 1];
            g[k - 1] = t;
        }
    return n;
}

static void html_answer_group(html_ctx *h, const char *label, bool unanswered)
{
    size_t nq = content_question_count(h->c);
    bool first = true;
    put(h, "<p class=\"ans\"><b>");
    summary_buf_escape(h->b, label);
    put(h, ":</b> ");
    for (size_t q = 0; q < nq && q < CONTENT_MAX_QUESTIONS; q++) {
        bool is_unset = h->in->answers[q] == INTAKE_UNSET;
        if (is_unset != unanswered || (!unanswered && strcmp(answer_label(h, q), label) != 0))
            continue;
        put(h, first ? "" : "; ");
        first = false;
        pm_flag f = answer_flag(h->c, h->in, q);
        if (f != FLAG_NONE)
            summary_buf_printf(h->b, "<span class=\"%s\">", summary_flag_name(f));
        put_text(h, content_question(h->c, q)->staff_key);
        if (f != FLAG_NONE)
            put(h, "</span>");
    }
    put(h, "</p>\n");
}

static bool any_unanswered(const html_ctx *h)
{
    size_t nq = content_question_count(h->c);
    for (size_t q = 0; q < nq && q < CONTENT_MAX_QUESTIONS; q++)
        if (h->in->answers[q] == INTAKE_UNSET)
            return true;
    return false;
}

static void html_screening(html_ctx *h)
{
    answer_group g[CONTENT_MAX_QUESTIONS];
    size_t n = answer_groups(h, g);
    put(h, "<section>\n<h2>");
    put_text(h, "summary.screening");
    put(h, "</h2>\n");
    for (size_t i = 0; i < n; i++)
        html_answer_group(h, g[i].label, false);
    if (any_unanswered(h))
        html_answer_group(h, staff_text(h->c, h->lang, "summary.not_answered"), true);
    put(h, "</section>\n");
}

static void html_preferences(html_ctx *h)
{
    put(h, "<section>\n<h2>");
    put_text(h, "summary.preferences");
    put(h, "</h2>\n<p><b>");
    put_text(h, "summary.pressure");
    put(h, ":</b> ");
    if (h->in->pressure == INTAKE_UNSET)
        put_text(h, "summary.not_given");
    else
        put_text(h, content_pressure(h->c, (size_t)h->in->pressure)->label_key);
    put(h, "<br><b>");
    put_text(h, "summary.avoid");
    put(h, ":</b> ");
    put_choice_list(h, h->in->avoid, content_avoid_count(h->c), content_avoid, "summary.none");
    put(h, "</p>\n</section>\n");
}

static void html_signature(html_ctx *h)
{
    const intake *in = h->in;
    if (in->nsig == 0) {
        put(h, "<p>");
        put_text(h, "summary.no_signature");
        put(h, "</p>\n");
        return;
    }
    summary_buf_printf(h->b,
                       "<svg class=\"sig\" viewBox=\"0 0 %d %d\" width=\"50mm\" height=\"20mm\" "
                       "role=\"img\">\n",
                       INTAKE_SIG_W, INTAKE_SIG_H);
    for (size_t i = 0; i < in->nsig; i++) {
        if (i == 0 || in->sig[i].starts_stroke)
            put(h, i == 0 ? "<polyline points=\"" : "\"/>\n<polyline points=\"");
        else
            put(h, " ");
        summary_buf_printf(h->b, "%d,%d", in->sig[i].x, in->sig[i].y);
    }
    put(h, "\"/>\n</svg>\n");
}

static void html_consent(html_ctx *h)
{
    put(h, "<section>\n<h2>");
    put_text(h, "summary.consent");
    put(h, "</h2>\n<p>");
    if (h->in->consent) {
        put(h, "&#10003; ");
        put_text(h, "summary.consent_given");
    } else {
        put(h, "<span class=\"no\">");
        put_text(h, "summary.consent_not_given");
        put(h, "</span>");
    }
    put(h, "</p>\n");
    html_signature(h);
    put(h, "</section>\n");
}

/* ---- will it fit one page? -------------------------------------------- */

/* A rough measure of the printed page, in millimetres, from the type size
 * and the number of characters in each cell: DejaVu Sans averages about
 * 0.55 em per character and lines are 1.3 em apart. It errs on the tall side
 * so the chosen density really fits. */
/* A4 less its 10 mm margins is 277 mm; Letter less them is 259 mm. Aim for
 * the shorter, so the page also fits Letter when printed at 100 %. */
#define PAGE_HEIGHT_MM 257.0
#define PT_MM 0.3528
#define CHAR_EM 0.55 /* average character width of DejaVu Sans */

static double line_mm(double pt)
{
    return pt * PT_MM * 1.3;
}

static double text_lines(const char *s, double width_mm, double pt)
{
    long chars = utf8_count(s, strlen(s));
    double per_line = floor(width_mm / (pt * PT_MM * CHAR_EM));
    if (chars <= 0 || per_line < 1)
        return 1;
    return ceil((double)chars / per_line);
}

static double key_lines(const html_ctx *h, const char *key, double width_mm, double pt)
{
    return text_lines(staff_text(h->c, h->lang, key), width_mm, pt);
}

static double heading_mm(double pt)
{
    return line_mm(pt * 1.12) + 3.7;
}

static double flags_mm(const html_ctx *h, double pt)
{
    size_t qs[CONTENT_MAX_QUESTIONS];
    size_t n = flagged_questions(h->c, h->in, qs);
    double mm = heading_mm(pt) + (n ? 0 : line_mm(pt));
    for (size_t i = 0; i < n; i++) {
        const pm_question *qu = content_question(h->c, qs[i]);
        mm += key_lines(h, qu->staff_key, 150, pt * 1.12) * line_mm(pt * 1.12) + 2.5;
    }
    return mm;
}

/* Charts and legend. */
static double left_mm(const html_ctx *h, double pt)
{
    return line_mm(pt) + chart_height_mm(h->c, h->d) + line_mm(pt * 0.85) + 2 * line_mm(pt * 0.9) + 1.5;
}

static double choice_list_lines(const html_ctx *h, uint32_t bits, size_t count,
                                choice_get_fn get, double width_mm, double pt)
{
    double chars = 0;
    for (size_t i = 0; i < count && i < 32; i++)
        if (bits & (UINT32_C(1) << i))
            chars += (double)utf8_count(staff_text(h->c, h->lang, get(h->c, i)->label_key),
                                        strlen(staff_text(h->c, h->lang,
                                                          get(h->c, i)->label_key))) + 2;
    double per_line = floor(width_mm / (pt * PT_MM * CHAR_EM));
    return per_line < 1 ? 1 : fmax(1, ceil(chars / per_line));
}

static double screening_lines(const html_ctx *h, double width_mm, double pt)
{
    answer_group g[CONTENT_MAX_QUESTIONS + 1];
    size_t n = answer_groups(h, g);
    if (any_unanswered(h))
        g[n++] = (answer_group){ NULL, FLAG_NONE };
    double per_line = fmax(1, floor(width_mm / (pt * PT_MM * CHAR_EM)));
    double lines = 0;
    size_t nq = content_question_count(h->c);
    for (size_t i = 0; i < n; i++) {
        double chars = 16;
        for (size_t q = 0; q < nq && q < CONTENT_MAX_QUESTIONS; q++) {
            bool unset = h->in->answers[q] == INTAKE_UNSET;
            if (g[i].label ? unset || strcmp(answer_label(h, q), g[i].label) != 0 : !unset)
                continue;
            const char *t = staff_text(h->c, h->lang, content_question(h->c, q)->staff_key);
            chars += (double)utf8_count(t, strlen(t)) + 2;
        }
        lines += ceil(chars / per_line);
    }
    return lines;
}

/* Screening answers, patterns, preferences, consent and signature beside
 * the charts. */
static double right_mm(const html_ctx *h, double pt, double width_mm)
{
    double mm = 4 * heading_mm(pt) + screening_lines(h, width_mm, pt) * line_mm(pt);
    for (size_t i = 0; i < h->in->npatterns; i++)
        mm += key_lines(h, content_muscle(h->c, (size_t)h->in->patterns[i])->name_key,
                        width_mm - 4, pt)
              * line_mm(pt);
    mm += h->in->npatterns ? 0 : line_mm(pt);
    mm += (1 + choice_list_lines(h, h->in->avoid, content_avoid_count(h->c), content_avoid,
                                 width_mm, pt))
          * line_mm(pt);
    return mm + line_mm(pt) + 22; /* consent line and signature */
}

static double mark_row_mm(const html_ctx *h, const intake_mark *m, double pt)
{
    const pm_region *r = content_region(h->c, (size_t)m->region);
    char both[2 * PM_MSG_MAX];
    snprintf(both, sizeof both, "%s \xc2\xb7 %s", staff_text(h->c, h->lang, r->label_key),
             staff_text(h->c, h->lang, r->term_key));
    double lines = text_lines(both, 190 * 0.39 - 2, pt);
    lines = fmax(lines, choice_list_lines(h, m->qualities, content_quality_count(h->c),
                                          content_quality, 190 * 0.31 - 2, pt));
    if (m->duration != INTAKE_UNSET)
        lines = fmax(lines, key_lines(h, content_duration(h->c, (size_t)m->duration)->label_key,
                                      190 * 0.12 - 2, pt));
    return lines * line_mm(pt) + h->d->pad_mm + 0.2;
}

static double page_mm(const html_ctx *h)
{
    double pt = h->d->pt;
    double side_w = 190 - 2 * chart_width_mm(h->c, h->d) - 3 - 6;
    double mm = line_mm(pt * 1.5) + 2 + flags_mm(h, pt) + 2
                + fmax(left_mm(h, pt), right_mm(h, pt, side_w)) + heading_mm(pt)
                + line_mm(pt * 0.9) + h->d->pad_mm;
    for (size_t s = 0; s < h->in->nmarks; s++)
        mm += mark_row_mm(h, &h->in->marks[s], pt);
    return mm;
}

/* The first density that fits; the tightest when none does (the page then
 * runs on, and no table row is split between pages). */
static void choose_density(html_ctx *h)
{
    size_t n = sizeof densities / sizeof densities[0];
    for (size_t i = 0; i < n; i++) {
        h->d = &densities[i];
        if (page_mm(h) <= PAGE_HEIGHT_MM)
            return;
    }
}

pm_status summary_render_html(const pm_content *c, const intake *in, int64_t saved_at,
                              int staff_lang, char **out)
{
    *out = NULL;
    if (!intake_valid(c, in) || staff_lang < 0
        || (size_t)staff_lang >= content_lang_count(c))
        return PM_ERR_INVALID;
    summary_buf b = { 0 };
    html_ctx h = { .c = c, .in = in, .lang = staff_lang, .b = &b };
    choose_density(&h);
    html_head(&h);
    html_header(&h, saved_at);
    html_flags(&h); /* first: the therapist must see these before anything */
    put(&h, "<div class=\"main\">\n");
    html_charts(&h);
    put(&h, "<div class=\"side\">\n");
    html_screening(&h);
    html_patterns(&h);
    html_preferences(&h);
    html_consent(&h);
    put(&h, "</div>\n</div>\n");
    html_regions(&h); /* full width: one line per mark, numbered as on the charts */
    put(&h, "</body>\n</html>\n");
    if (b.oom || !b.data) {
        summary_buf_free(&b);
        return PM_ERR_NOMEM;
    }
    *out = b.data;
    return PM_OK;
}
