/* summary_json.c — the intake as the JSON record of truth. It names
 * everything by stable content ids, never indices, so a record stays
 * meaningful after the content is edited. */
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
    size_t n = summary_flagged_questions(c, in, qs);
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
    if (!summary_format_utc(saved_at, true, iso, sizeof iso))
        return false;
    return add_str(root, "schema", SUMMARY_SCHEMA) && add_num(root, "version", SUMMARY_VERSION)
           && add_str(root, "saved_at", iso) && add_num(root, "saved_at_epoch", (double)saved_at)
           && add_str(root, "language", in->lang) && add_str(root, "name", in->name)
           && cJSON_AddBoolToObject(root, "consent", in->consent);
}

pm_status summary_render_json(const pm_content *c, const intake *in, int64_t saved_at,
                              char **out)
{
    summary_json_wipes(); /* its nodes hold the client's text */
    *out = NULL;
    if (!intake_fits(in, c) || saved_at < 0 || saved_at > SUMMARY_MAX_TIME)
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
