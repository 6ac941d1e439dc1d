/* fhir.c — Questionnaire and QuestionnaireResponse (FHIR R4) rendering (see
 * fhir.h; the structural check is in fhir_check.c).
 *
 * Why it is built this way:
 * - Both documents are built from one table of linkIds and the same
 *   content lists, so the response's linkIds and codes cannot drift from
 *   the Questionnaire's; fhir_check() proves it in the tests and before
 *   every export.
 * - cJSON builds the documents (escaping is its job, not ours); a failed
 *   allocation anywhere gives PM_ERR_NOMEM and nothing half-built.
 * - Codes are the content's ids, which the content checker keeps stable
 *   and unique, so an EHR mapping written once keeps working. */
#include "fhir.h"
#include "summary.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CS(name) FHIR_BASE "/CodeSystem/" name

/* A text in lang, else English, else the built-in words. */
static const char *text_or(const pm_content *c, int lang, const char *key, const char *fallback)
{
    if (key && lang >= 0 && (size_t)lang < content_lang_count(c) && content_has_text(c, lang, key))
        return content_text(c, lang, key);
    if (key && content_has_text(c, 0, key))
        return content_text(c, 0, key);
    return fallback;
}

/* FNV-1a over the ids, with separators so "ab"+"c" differs from "a"+"bc". */
static void hash_str(uint32_t *h, const char *s)
{
    for (; s && *s; s++) {
        *h ^= (unsigned char)*s;
        *h *= 16777619u;
    }
    *h ^= 0x1f;
    *h *= 16777619u;
}

void fhir_questionnaire_version(const pm_content *c, char out[FHIR_VERSION_MAX])
{
    uint32_t h = 2166136261u;
    hash_str(&h, "painmap-intake-1");
    for (size_t i = 0; i < content_region_count(c); i++)
        hash_str(&h, content_region(c, i)->id);
    hash_str(&h, "/q");
    for (size_t i = 0; i < content_quality_count(c); i++)
        hash_str(&h, content_quality(c, i)->id);
    hash_str(&h, "/d");
    for (size_t i = 0; i < content_duration_count(c); i++)
        hash_str(&h, content_duration(c, i)->id);
    hash_str(&h, "/m");
    for (size_t i = 0; i < content_muscle_count(c); i++)
        hash_str(&h, content_muscle(c, i)->id);
    hash_str(&h, "/s");
    for (size_t i = 0; i < content_question_count(c); i++) {
        const pm_question *q = content_question(c, i);
        hash_str(&h, q->id);
        for (size_t a = 0; a < q->nanswers; a++) {
            hash_str(&h, q->answer_ids[a]);
            hash_str(&h, q->answer_flags[a] == FLAG_URGENT      ? "u"
                         : q->answer_flags[a] == FLAG_ATTENTION ? "a"
                                                                : "n");
        }
    }
    hash_str(&h, "/p");
    for (size_t i = 0; i < content_pressure_count(c); i++)
        hash_str(&h, content_pressure(c, i)->id);
    hash_str(&h, "/v");
    for (size_t i = 0; i < content_avoid_count(c); i++)
        hash_str(&h, content_avoid(c, i)->id);
    snprintf(out, FHIR_VERSION_MAX, "c%08x", (unsigned)h);
}

/* ------------------------------------------------------------------------ */
/* Building blocks (each returns NULL on out-of-memory; a NULL parent makes
 * every later call a no-op, so one check at the end suffices)               */

static cJSON *add_obj(cJSON *parent, const char *key)
{
    return parent ? cJSON_AddObjectToObject(parent, key) : NULL;
}

static cJSON *add_arr(cJSON *parent, const char *key)
{
    return parent ? cJSON_AddArrayToObject(parent, key) : NULL;
}

static bool add_str(cJSON *o, const char *key, const char *v)
{
    return o && cJSON_AddStringToObject(o, key, v ? v : "") != NULL;
}

static bool add_bool(cJSON *o, const char *key, bool v)
{
    return o && cJSON_AddBoolToObject(o, key, v) != NULL;
}

static bool add_int(cJSON *o, const char *key, long v)
{
    return o && cJSON_AddNumberToObject(o, key, (double)v) != NULL;
}

static cJSON *push_obj(cJSON *arr)
{
    if (!arr)
        return NULL;
    cJSON *o = cJSON_CreateObject();
    if (o && !cJSON_AddItemToArray(arr, o)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static bool add_coding(cJSON *o, const char *key, const char *system, const char *code,
                       const char *display)
{
    cJSON *cd = add_obj(o, key);
    return add_str(cd, "system", system) && add_str(cd, "code", code)
           && (!display || add_str(cd, "display", display));
}

/* An item of the Questionnaire. */
static cJSON *q_item(cJSON *items, const char *link, const char *text, const char *type,
                     bool repeats, bool required)
{
    cJSON *it = push_obj(items);
    if (!(add_str(it, "linkId", link) && add_str(it, "text", text) && add_str(it, "type", type)))
        return NULL;
    if (required && !add_bool(it, "required", true))
        return NULL;
    if (repeats && !add_bool(it, "repeats", true))
        return NULL;
    return it;
}

typedef const pm_choice *(*choice_at)(const pm_content *, size_t);
typedef size_t (*choice_count)(const pm_content *);

static bool add_choice_options(cJSON *it, const pm_content *c, int lang, const char *system,
                               choice_count count, choice_at at)
{
    cJSON *opts = add_arr(it, "answerOption");
    for (size_t i = 0; opts && i < count(c); i++) {
        const pm_choice *ch = at(c, i);
        if (!add_coding(push_obj(opts), "valueCoding", system, ch->id,
                        text_or(c, lang, ch->label_key, ch->id)))
            return false;
    }
    return opts != NULL;
}

static bool add_value_ext(cJSON *it, const char *url, long v)
{
    cJSON *arr = cJSON_GetObjectItemCaseSensitive(it, "extension");
    if (!arr)
        arr = add_arr(it, "extension");
    cJSON *e = push_obj(arr);
    return add_str(e, "url", url) && add_int(e, "valueInteger", v);
}

static char *print_doc(cJSON *root, bool ok, pm_status *st)
{
    char *s = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    *st = s ? PM_OK : PM_ERR_NOMEM;
    return s;
}

/* ------------------------------------------------------------------------ */
/* The Questionnaire                                                          */

pm_status fhir_render_questionnaire(const pm_content *c, int lang, char **out)
{
    char version[FHIR_VERSION_MAX];
    *out = NULL;
    fhir_questionnaire_version(c, version);
    cJSON *root = cJSON_CreateObject();
    bool ok = add_str(root, "resourceType", "Questionnaire")
              && add_str(root, "id", FHIR_QUESTIONNAIRE_ID)
              && add_str(root, "url", FHIR_QUESTIONNAIRE_URL) && add_str(root, "version", version)
              && add_str(root, "name", "PainmapIntake")
              && add_str(root, "title", text_or(c, lang, "summary.title", "Painmap intake"))
              && add_str(root, "status", "active")
              && add_str(root, "language",
                         lang >= 0 && (size_t)lang < content_lang_count(c)
                             ? content_lang_code(c, (size_t)lang)
                             : "en");
    cJSON *subj = add_arr(root, "subjectType");
    ok = ok && subj && cJSON_AddItemToArray(subj, cJSON_CreateString("Patient"));
    cJSON *items = add_arr(root, "item");

    ok = ok && q_item(items, "name", text_or(c, lang, "summary.name", "Name"), "string", false,
                      false);

    /* regions */
    cJSON *g = q_item(items, "regions", text_or(c, lang, "summary.regions", "Where it hurts"),
                      "group", true, false);
    cJSON *gi = add_arr(g, "item");
    cJSON *it = q_item(gi, "regions.region", text_or(c, lang, "summary.region", "Region"),
                       "choice", false, true);
    cJSON *opts = add_arr(it, "answerOption");
    for (size_t i = 0; opts && i < content_region_count(c); i++) {
        const pm_region *r = content_region(c, i);
        ok = ok && add_coding(push_obj(opts), "valueCoding", CS("region"), r->id,
                              text_or(c, lang, r->term_key, r->id));
    }
    ok = ok && opts;
    it = q_item(gi, "regions.intensity", text_or(c, lang, "summary.intensity", "Intensity (0-10)"),
                "integer", false, false);
    ok = ok && add_value_ext(it, "http://hl7.org/fhir/StructureDefinition/minValue", 0)
         && add_value_ext(it, "http://hl7.org/fhir/StructureDefinition/maxValue", 10);
    if (content_quality_count(c)) {
        it = q_item(gi, "regions.qualities",
                    text_or(c, lang, "summary.qualities", "What it feels like"), "choice", true,
                    false);
        ok = ok
             && add_choice_options(it, c, lang, CS("quality"), content_quality_count,
                                   content_quality);
    }
    if (content_duration_count(c)) {
        it = q_item(gi, "regions.duration", text_or(c, lang, "summary.duration", "How long"),
                    "choice", false, false);
        ok = ok
             && add_choice_options(it, c, lang, CS("duration"), content_duration_count,
                                   content_duration);
    }

    /* patterns */
    if (content_muscle_count(c)) {
        it = q_item(items, "patterns",
                    text_or(c, lang, "summary.patterns", "Referral patterns chosen"), "choice",
                    true, false);
        opts = add_arr(it, "answerOption");
        for (size_t i = 0; opts && i < content_muscle_count(c); i++) {
            const pm_muscle *m = content_muscle(c, i);
            ok = ok && add_coding(push_obj(opts), "valueCoding", CS("muscle"), m->id,
                                  text_or(c, lang, m->name_key, m->id));
        }
        ok = ok && opts;
    }
    ok = ok && q_item(items, "patterns.none",
                      text_or(c, lang, "summary.none_of_these", "None of these pictures"),
                      "boolean", false, false);

    /* screening */
    if (content_question_count(c) > 0) {
        g = q_item(items, "screening", text_or(c, lang, "summary.screening", "Safety questions"),
                   "group", false, false);
        gi = add_arr(g, "item");
        for (size_t q = 0; ok && q < content_question_count(c); q++) {
            const pm_question *qu = content_question(c, q);
            char link[128];
            snprintf(link, sizeof link, "screening.%s", qu->id);
            it = q_item(gi, link, text_or(c, lang, qu->staff_key, qu->id), "choice", false, false);
            opts = add_arr(it, "answerOption");
            for (size_t a = 0; opts && a < qu->nanswers; a++) {
                cJSON *o = push_obj(opts);
                ok = ok
                     && add_coding(o, "valueCoding", CS("answer"), qu->answer_ids[a],
                                   text_or(c, lang, qu->answer_keys[a], qu->answer_ids[a]));
                if (qu->answer_flags[a] != FLAG_NONE) {
                    cJSON *e = push_obj(add_arr(o, "extension"));
                    ok = ok && add_str(e, "url", FHIR_FLAG_EXTENSION)
                         && add_str(e, "valueCode",
                                    qu->answer_flags[a] == FLAG_URGENT ? "urgent" : "attention");
                }
            }
            ok = ok && opts;
        }
    }

    if (content_pressure_count(c)) {
        it = q_item(items, "pressure", text_or(c, lang, "summary.pressure", "Pressure preferred"),
                    "choice", false, false);
        ok = ok
             && add_choice_options(it, c, lang, CS("pressure"), content_pressure_count,
                                   content_pressure);
    }
    if (content_avoid_count(c)) {
        it = q_item(items, "avoid", text_or(c, lang, "summary.avoid", "Areas to avoid"), "choice",
                    true, false);
        ok = ok && add_choice_options(it, c, lang, CS("avoid"), content_avoid_count, content_avoid);
    }
    ok = ok && q_item(items, "consent", text_or(c, lang, "summary.consent", "Consent"), "boolean",
                      false, false);
    ok = ok && q_item(items, "signature", text_or(c, lang, "summary.signature", "Signature"),
                      "attachment", false, false);
    pm_status st;
    *out = print_doc(root, ok && items, &st);
    return st;
}

/* ------------------------------------------------------------------------ */
/* The response                                                              */

static cJSON *r_item(cJSON *items, const char *link, const char *text)
{
    cJSON *it = push_obj(items);
    return add_str(it, "linkId", link) && (!text || add_str(it, "text", text)) ? it : NULL;
}

static cJSON *r_answer(cJSON *it)
{
    cJSON *arr = cJSON_GetObjectItemCaseSensitive(it, "answer");
    if (!arr)
        arr = add_arr(it, "answer");
    return push_obj(arr);
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static char *base64(const char *s, size_t n)
{
    char *o = malloc((n + 2) / 3 * 4 + 1), *p = o;
    if (!o)
        return NULL;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned char)s[i] << 16;
        if (i + 1 < n)
            v |= (unsigned char)s[i + 1] << 8;
        if (i + 2 < n)
            v |= (unsigned char)s[i + 2];
        *p++ = b64[(v >> 18) & 63];
        *p++ = b64[(v >> 12) & 63];
        *p++ = i + 1 < n ? b64[(v >> 6) & 63] : '=';
        *p++ = i + 2 < n ? b64[v & 63] : '=';
    }
    *p = '\0';
    return o;
}

/* The signature as a small SVG, base64 for valueAttachment.data. */
static char *signature_svg64(const intake *in)
{
    size_t cap = 256 + (size_t)in->nsig * 24;
    char *svg = malloc(cap);
    if (!svg)
        return NULL;
    size_t n = (size_t)snprintf(svg, cap,
                                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\">"
                                "<path fill=\"none\" stroke=\"#000\" stroke-width=\"4\" "
                                "stroke-linecap=\"round\" stroke-linejoin=\"round\" d=\"",
                                INTAKE_SIG_W, INTAKE_SIG_H);
    for (size_t i = 0; i < in->nsig && n < cap; i++) {
        const intake_sig_point *p = &in->sig[i];
        n += (size_t)snprintf(svg + n, cap - n, "%s%d %d", i == 0 || p->starts_stroke ? "M" : "L",
                              p->x, p->y);
    }
    if (n < cap)
        n += (size_t)snprintf(svg + n, cap - n, "\"/></svg>");
    if (n >= cap) {
        free(svg);
        return NULL;
    }
    char *out = base64(svg, n);
    free(svg);
    return out;
}

static bool name_given(const intake *in)
{
    for (const char *p = in->name; *p; p++)
        if (*p != ' ')
            return true;
    return false;
}


pm_status fhir_render_response(const pm_content *c, const intake *in, int64_t saved_at,
                               const char *stem, int lang, char **out)
{
    summary_json_wipes(); /* its nodes hold the client's text */
    *out = NULL;
    char version[FHIR_VERSION_MAX], canon[sizeof FHIR_QUESTIONNAIRE_URL + FHIR_VERSION_MAX + 2];
    char when[32];
    time_t tt = (time_t)saved_at;
    struct tm tm;
    if (!intake_fits(in, c) || !stem || !*stem || saved_at < 0 || !gmtime_r(&tt, &tm)
        || strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        return PM_ERR_INVALID;
    fhir_questionnaire_version(c, version);
    snprintf(canon, sizeof canon, "%s|%s", FHIR_QUESTIONNAIRE_URL, version);
    /* The response says language: the client's; its display texts must be
     * in that language too (a Spanish response had English displays). The
     * staff language only when the content lacks the client's. */
    int own = content_lang_index(c, in->lang);
    if (own >= 0)
        lang = own;

    cJSON *root = cJSON_CreateObject();
    bool ok = add_str(root, "resourceType", "QuestionnaireResponse") && add_str(root, "id", stem)
              && add_str(root, "language",
                         own >= 0 || lang < 0 || (size_t)lang >= content_lang_count(c)
                             ? in->lang
                             : content_lang_code(c, (size_t)lang));
    cJSON *ident = add_obj(root, "identifier");
    ok = ok && add_str(ident, "system", FHIR_BASE "/intake") && add_str(ident, "value", stem)
         && add_str(root, "questionnaire", canon) && add_str(root, "status", "completed");
    if (name_given(in))
        ok = ok && add_str(add_obj(root, "subject"), "display", in->name);
    ok = ok && add_str(root, "authored", when);
    cJSON *items = add_arr(root, "item");

    if (name_given(in))
        ok = ok && add_str(r_answer(r_item(items, "name", NULL)), "valueString", in->name);

    for (size_t i = 0; ok && i < in->nmarks; i++) {
        const intake_mark *m = &in->marks[i];
        const pm_region *r = content_region(c, (size_t)m->region);
        cJSON *gi = add_arr(r_item(items, "regions", NULL), "item");
        ok = add_coding(r_answer(r_item(gi, "regions.region", NULL)), "valueCoding", CS("region"),
                        r->id, text_or(c, lang, r->term_key, r->id));
        if (m->intensity != INTAKE_UNSET)
            ok = ok && add_int(r_answer(r_item(gi, "regions.intensity", NULL)), "valueInteger",
                               m->intensity);
        if (m->qualities) {
            cJSON *qi = r_item(gi, "regions.qualities", NULL);
            for (size_t q = 0; ok && q < content_quality_count(c); q++)
                if (m->qualities & (1u << q)) {
                    const pm_choice *ch = content_quality(c, q);
                    ok = add_coding(r_answer(qi), "valueCoding", CS("quality"), ch->id,
                                    text_or(c, lang, ch->label_key, ch->id));
                }
        }
        if (m->duration != INTAKE_UNSET) {
            const pm_choice *ch = content_duration(c, (size_t)m->duration);
            ok = ok && add_coding(r_answer(r_item(gi, "regions.duration", NULL)), "valueCoding",
                                  CS("duration"), ch->id, text_or(c, lang, ch->label_key, ch->id));
        }
    }
    if (in->npatterns) {
        cJSON *pi = r_item(items, "patterns", NULL);
        /* in content order, as the Questionnaire lists them */
        for (size_t mi = 0; ok && mi < content_muscle_count(c); mi++) {
            bool chosen = false;
            for (size_t k = 0; k < in->npatterns; k++)
                chosen = chosen || (size_t)in->patterns[k] == mi;
            if (!chosen)
                continue;
            const pm_muscle *m = content_muscle(c, mi);
            ok = add_coding(r_answer(pi), "valueCoding", CS("muscle"), m->id,
                            text_or(c, lang, m->name_key, m->id));
        }
    }
    if (in->none_of_these)
        ok = ok && add_bool(r_answer(r_item(items, "patterns.none", NULL)), "valueBoolean", true);

    bool any_answer = false;
    for (size_t q = 0; q < content_question_count(c); q++)
        any_answer = any_answer || in->answers[q] != INTAKE_UNSET;
    if (any_answer) {
        cJSON *gi = add_arr(r_item(items, "screening", NULL), "item");
        for (size_t q = 0; ok && q < content_question_count(c); q++) {
            if (in->answers[q] == INTAKE_UNSET)
                continue;
            const pm_question *qu = content_question(c, q);
            int a = in->answers[q];
            char link[128];
            snprintf(link, sizeof link, "screening.%s", qu->id);
            ok = add_coding(r_answer(r_item(gi, link, NULL)), "valueCoding", CS("answer"),
                            qu->answer_ids[a], text_or(c, lang, qu->answer_keys[a], qu->answer_ids[a]));
        }
    }
    if (in->pressure != INTAKE_UNSET) {
        const pm_choice *ch = content_pressure(c, (size_t)in->pressure);
        ok = ok && add_coding(r_answer(r_item(items, "pressure", NULL)), "valueCoding", CS("pressure"),
                              ch->id, text_or(c, lang, ch->label_key, ch->id));
    }
    if (in->avoid) {
        cJSON *ai = r_item(items, "avoid", NULL);
        for (size_t v = 0; ok && v < content_avoid_count(c); v++)
            if (in->avoid & (1u << v)) {
                const pm_choice *ch = content_avoid(c, v);
                ok = add_coding(r_answer(ai), "valueCoding", CS("avoid"), ch->id,
                                text_or(c, lang, ch->label_key, ch->id));
            }
    }
    ok = ok && add_bool(r_answer(r_item(items, "consent", NULL)), "valueBoolean", in->consent);
    if (ok && in->nsig > 0) {
        char *data = signature_svg64(in);
        cJSON *att = add_obj(r_answer(r_item(items, "signature", NULL)), "valueAttachment");
        ok = data && add_str(att, "contentType", "image/svg+xml") && add_str(att, "data", data)
             && add_str(att, "title", "signature.svg");
        free(data);
    }
    pm_status st;
    *out = print_doc(root, ok && items, &st);
    return st;
}
