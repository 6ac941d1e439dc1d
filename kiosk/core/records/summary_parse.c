/* summary_parse.c — reads a JSON record back into an intake. It will be
 * fuzzed: every value's type and range is checked before use, cJSON bounds
 * nesting, nothing is trusted to be present, and any id the content does not
 * know is refused with the field and the id named. */
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
        if (!intake_lang_code_ok(s))
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
        if (intake_text_has_control(s))
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

/* Parses obj.key as an array of at most max items, calling each(item) with
 * the item's JSON path ("$.marks[2]"); stops at the first problem. */
typedef pm_status (*item_fn)(parse_ctx *p, const cJSON *item, const char *path, intake *in);

static pm_status each_item(parse_ctx *p, const cJSON *obj, const char *objpath, const char *key,
                           size_t max, item_fn each, intake *in)
{
    const cJSON *arr, *it;
    char arrpath[64];
    snprintf(arrpath, sizeof arrpath, "%s.%s", objpath, key);
    pm_status st = member(p, obj, objpath, key, &arr);
    if (st == PM_OK)
        st = want_array(p, arr, arrpath, max);
    int i = 0;
    if (st == PM_OK)
        cJSON_ArrayForEach(it, arr)
        {
            char path[96];
            snprintf(path, sizeof path, "%s[%d]", arrpath, i++);
            if ((st = each(p, it, path, in)) != PM_OK)
                return st;
        }
    return st;
}

static pm_status parse_marks(parse_ctx *p, const cJSON *root, intake *in)
{
    return each_item(p, root, "$", "marks", INTAKE_MAX_MARKS, parse_mark, in);
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
    const cJSON *it;
    pm_status st = each_item(p, root, "$", "patterns", INTAKE_MAX_PATTERNS, parse_pattern, in);
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

static pm_status parse_answer_into(parse_ctx *p, const cJSON *it, const char *path, intake *in)
{
    int q, a;
    pm_status st = parse_answer(p, it, path, &q, &a);
    if (st != PM_OK)
        return st;
    if (in->answers[q] != INTAKE_UNSET)
        return bad(p, path, "question '%s' is answered twice",
                   content_question(p->c, (size_t)q)->id);
    in->answers[q] = (int8_t)a;
    return PM_OK;
}

static pm_status parse_answers(parse_ctx *p, const cJSON *root, intake *in)
{
    return each_item(p, root, "$", "answers", CONTENT_MAX_QUESTIONS, parse_answer_into, in);
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
    const cJSON *sig, *it;
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
    if (st == PM_OK)
        st = each_item(p, sig, "$.signature", "strokes", INTAKE_SIG_MAX_POINTS, parse_stroke, in);
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
    summary_json_wipes(); /* its nodes hold the client's text */
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
