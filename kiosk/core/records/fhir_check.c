/* fhir_check.c — a structural check of a Questionnaire and a
 * QuestionnaireResponse against the FHIR R4 rules that matter for import
 * (see fhir_check() in fhir.h).
 *
 * Not a full FHIR validator (no profiles, no terminology server): it checks
 * what an EHR's importer trips over — resource types, required elements and
 * their JSON types, status codes, the JSON rules (no empty arrays, strings
 * or objects, no nulls), linkId uniqueness, group and answer nesting
 * (que-1, que-5, que-6, qrs-1), every response item at the matching place
 * of the Questionnaire's tree and in its order, answer value types,
 * answerOption codes, min/max values, required items, attachments with
 * content types (att-1), and the canonical reference. The export runs it
 * on every response before writing it, so a mistake in fhir.c shows as a
 * refused file, not as a bad import at the clinic's EHR. */
#include "fhir.h"
#include "summary.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    pm_msgs *out;
    size_t count;
    const char *doc; /* "Questionnaire" or "QuestionnaireResponse" */
} chk;

static void problem(chk *k, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(chk *k, const char *path, const char *fmt, ...)
{
    char what[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    k->count++;
    if (k->out)
        (void)pm_msgs_add(k->out, "%s: %s: %s", k->doc, path[0] ? path : "$", what);
}

static const char *str_of(const cJSON *o, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(it) ? it->valuestring : NULL;
}

static bool one_of(const char *s, const char *const *set)
{
    for (; s && *set; set++)
        if (strcmp(s, *set) == 0)
            return true;
    return false;
}

/* FHIR JSON: no nulls, no empty arrays or objects, no blank strings. */
static void json_rules(chk *k, const cJSON *v, const char *path)
{
    char sub[512];
    if (cJSON_IsNull(v)) {
        problem(k, path, "null is not allowed in FHIR JSON");
    } else if (cJSON_IsString(v)) {
        const char *s = v->valuestring;
        while (*s && isspace((unsigned char)*s))
            s++;
        if (!*s)
            problem(k, path, "an empty string is not allowed in FHIR JSON");
    } else if (cJSON_IsArray(v) || cJSON_IsObject(v)) {
        if (!v->child)
            problem(k, path, "an empty %s is not allowed in FHIR JSON",
                    cJSON_IsArray(v) ? "array" : "object");
        int i = 0;
        for (const cJSON *c = v->child; c; c = c->next, i++) {
            if (cJSON_IsArray(v))
                snprintf(sub, sizeof sub, "%s[%d]", path, i);
            else
                snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "", c->string);
            json_rules(k, c, sub);
        }
    }
}

/* value[x]: the one member whose name starts with "value", or NULL (and
 * *count says how many there were). */
static const cJSON *value_x(const cJSON *o, int *count)
{
    const cJSON *found = NULL;
    *count = 0;
    for (const cJSON *c = o ? o->child : NULL; c; c = c->next)
        if (c->string && strncmp(c->string, "value", 5) == 0 && isupper((unsigned char)c->string[5])) {
            found = c;
            (*count)++;
        }
    return *count == 1 ? found : NULL;
}

static void check_extensions(chk *k, const cJSON *o, const char *path)
{
    const cJSON *ext = cJSON_GetObjectItemCaseSensitive(o, "extension");
    if (!ext)
        return;
    char sub[512];
    if (!cJSON_IsArray(ext)) {
        problem(k, path, "extension must be an array");
        return;
    }
    int i = 0;
    for (const cJSON *e = ext->child; e; e = e->next, i++) {
        snprintf(sub, sizeof sub, "%s.extension[%d]", path, i);
        int n;
        if (!str_of(e, "url"))
            problem(k, sub, "an extension needs a url");
        if (!value_x(e, &n))
            problem(k, sub, "an extension needs exactly one value[x] (has %d)", n);
    }
}

static bool is_datetime(const char *s)
{
    /* YYYY[-MM[-DD[Thh:mm:ss[.fff](Z|+hh:mm|-hh:mm)]]] */
    size_t n = s ? strlen(s) : 0;
    const char *shape = "dddd-dd-ddTdd:dd:dd";
    size_t i = 0;
    for (; i < n && i < 19; i++) {
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
            return false;
    }
    if (i == 4 || i == 7 || i == 10)
        return i == n;
    if (i != 19)
        return false;
    if (s[i] == '.') {
        i++;
        size_t d = 0;
        while (i < n && isdigit((unsigned char)s[i]))
            i++, d++;
        if (d == 0)
            return false;
    }
    if (i < n && s[i] == 'Z')
        return i + 1 == n;
    return i + 6 == n && (s[i] == '+' || s[i] == '-') && isdigit((unsigned char)s[i + 1])
           && isdigit((unsigned char)s[i + 2]) && s[i + 3] == ':'
           && isdigit((unsigned char)s[i + 4]) && isdigit((unsigned char)s[i + 5]);
}

static bool is_base64(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!isalnum((unsigned char)s[n]) && s[n] != '+' && s[n] != '/' && s[n] != '=')
            return false;
    return n % 4 == 0;
}

/* ------------------------------------------------------------------------ */
/* Questionnaire                                                              */

static const char *const item_types[] = { "group",  "display",    "boolean",    "decimal",
                                          "integer", "date",      "dateTime",   "time",
                                          "string", "text",       "url",        "choice",
                                          "open-choice", "attachment", "reference", "quantity",
                                          "question", NULL };

typedef struct {
    const char *ids[1024];
    size_t n;
} link_set;

static void check_q_items(chk *k, const cJSON *items, const char *path, link_set *seen)
{
    char sub[512], sub2[600];
    if (!cJSON_IsArray(items)) {
        problem(k, path, "item must be an array");
        return;
    }
    int i = 0;
    for (const cJSON *it = items->child; it; it = it->next, i++) {
        snprintf(sub, sizeof sub, "%s%sitem[%d]", path, path[0] ? "." : "", i);
        if (!cJSON_IsObject(it)) {
            problem(k, sub, "an item must be an object");
            continue;
        }
        const char *link = str_of(it, "linkId"), *type = str_of(it, "type");
        if (!link)
            problem(k, sub, "linkId is required (a string)");
        else if (strlen(link) > 255)
            problem(k, sub, "linkId is longer than 255 characters");
        else {
            for (size_t j = 0; j < seen->n; j++)
                if (strcmp(seen->ids[j], link) == 0)
                    problem(k, sub, "linkId '%s' is used twice", link);
            if (seen->n < sizeof seen->ids / sizeof seen->ids[0])
                seen->ids[seen->n++] = link;
        }
        if (!type || !one_of(type, item_types)) {
            problem(k, sub, "type is required and must be an R4 item type (got %s)",
                    type ? type : "nothing");
            continue;
        }
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(it, "text");
        if (text && !cJSON_IsString(text))
            problem(k, sub, "text must be a string");
        const cJSON *req = cJSON_GetObjectItemCaseSensitive(it, "required"),
                    *rep = cJSON_GetObjectItemCaseSensitive(it, "repeats");
        if ((req && !cJSON_IsBool(req)) || (rep && !cJSON_IsBool(rep)))
            problem(k, sub, "required and repeats must be true or false");
        const cJSON *kids = cJSON_GetObjectItemCaseSensitive(it, "item");
        const cJSON *opts = cJSON_GetObjectItemCaseSensitive(it, "answerOption");
        bool is_group = strcmp(type, "group") == 0, is_display = strcmp(type, "display") == 0;
        bool is_choice = strcmp(type, "choice") == 0 || strcmp(type, "open-choice") == 0;
        if (is_group && !kids)
            problem(k, sub, "a group must have nested items (que-1)");
        if (is_display && kids)
            problem(k, sub, "a display item cannot have nested items (que-1)");
        if (is_display && (req || rep))
            problem(k, sub, "required and repeats are not allowed on display items (que-6)");
        if (opts && !is_choice)
            problem(k, sub, "answerOption is only for choice and open-choice items (que-5)");
        if (is_choice && !opts && !cJSON_GetObjectItemCaseSensitive(it, "answerValueSet"))
            problem(k, sub, "a choice item needs answerOption codes");
        if (opts && !cJSON_IsArray(opts))
            problem(k, sub, "answerOption must be an array");
        int j = 0;
        for (const cJSON *o = cJSON_IsArray(opts) ? opts->child : NULL; o; o = o->next, j++) {
            snprintf(sub2, sizeof sub2, "%s.answerOption[%d]", sub, j);
            int n;
            const cJSON *v = value_x(o, &n);
            if (!v) {
                problem(k, sub2, "needs exactly one value[x] (has %d)", n);
                continue;
            }
            static const char *const opt_types[] = { "valueInteger", "valueDate", "valueTime",
                                                      "valueString", "valueCoding",
                                                      "valueReference", NULL };
            if (!one_of(v->string, opt_types))
                problem(k, sub2, "%s is not allowed in an answerOption", v->string);
            if (strcmp(v->string, "valueCoding") == 0 && !str_of(v, "code"))
                problem(k, sub2, "valueCoding needs a code");
            check_extensions(k, o, sub2);
        }
        check_extensions(k, it, sub);
        if (kids)
            check_q_items(k, kids, sub, seen);
    }
}

/* ------------------------------------------------------------------------ */
/* Response against Questionnaire                                             */

static const cJSON *q_child(const cJSON *q_items, const char *link, int *index)
{
    int i = 0;
    for (const cJSON *it = cJSON_IsArray(q_items) ? q_items->child : NULL; it; it = it->next, i++)
        if (link && str_of(it, "linkId") && strcmp(str_of(it, "linkId"), link) == 0) {
            *index = i;
            return it;
        }
    return NULL;
}

static bool q_anywhere(const cJSON *q_items, const char *link)
{
    for (const cJSON *it = cJSON_IsArray(q_items) ? q_items->child : NULL; it; it = it->next) {
        const char *l = str_of(it, "linkId");
        if (l && link && strcmp(l, link) == 0)
            return true;
        if (q_anywhere(cJSON_GetObjectItemCaseSensitive(it, "item"), link))
            return true;
    }
    return false;
}

static bool flag_true(const cJSON *o, const char *key)
{
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/* The limit an item's minValue/maxValue extension sets, if any. */
static bool q_limit(const cJSON *qi, const char *which, double *v)
{
    const cJSON *ext = cJSON_GetObjectItemCaseSensitive(qi, "extension");
    char url[96];
    snprintf(url, sizeof url, "http://hl7.org/fhir/StructureDefinition/%s", which);
    for (const cJSON *e = cJSON_IsArray(ext) ? ext->child : NULL; e; e = e->next) {
        const char *u = str_of(e, "url");
        const cJSON *n = cJSON_GetObjectItemCaseSensitive(e, "valueInteger");
        if (u && strcmp(u, url) == 0 && cJSON_IsNumber(n)) {
            *v = n->valuedouble;
            return true;
        }
    }
    return false;
}

static void check_answer(chk *k, const cJSON *qi, const cJSON *ans, const char *path)
{
    const char *type = str_of(qi, "type");
    int n;
    const cJSON *v = value_x(ans, &n);
    if (!v) {
        problem(k, path, "an answer needs exactly one value[x] (has %d)", n);
        return;
    }
    static const struct {
        const char *type, *value, *alt;
    } compat[] = {
        { "boolean", "valueBoolean", NULL },   { "decimal", "valueDecimal", NULL },
        { "integer", "valueInteger", NULL },   { "date", "valueDate", NULL },
        { "dateTime", "valueDateTime", NULL }, { "time", "valueTime", NULL },
        { "string", "valueString", NULL },     { "text", "valueString", NULL },
        { "url", "valueUri", NULL },           { "choice", "valueCoding", NULL },
        { "open-choice", "valueCoding", "valueString" },
        { "attachment", "valueAttachment", NULL },
        { "reference", "valueReference", NULL }, { "quantity", "valueQuantity", NULL },
    };
    bool ok = false;
    for (size_t i = 0; i < sizeof compat / sizeof compat[0]; i++)
        if (strcmp(compat[i].type, type) == 0)
            ok = strcmp(v->string, compat[i].value) == 0
                 || (compat[i].alt && strcmp(v->string, compat[i].alt) == 0);
    if (!ok) {
        problem(k, path, "%s does not answer a %s item", v->string, type);
        return;
    }
    if (strcmp(v->string, "valueBoolean") == 0 && !cJSON_IsBool(v))
        problem(k, path, "valueBoolean must be true or false");
    if (strcmp(v->string, "valueString") == 0 && !cJSON_IsString(v))
        problem(k, path, "valueString must be a string");
    if (strcmp(v->string, "valueInteger") == 0) {
        double lo, hi;
        if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble)
            || fabs(v->valuedouble) > 2147483647.0)
            problem(k, path, "valueInteger must be a whole number");
        else if (q_limit(qi, "minValue", &lo) && v->valuedouble < lo)
            problem(k, path, "%g is below the item's minValue %g", v->valuedouble, lo);
        else if (q_limit(qi, "maxValue", &hi) && v->valuedouble > hi)
            problem(k, path, "%g is above the item's maxValue %g", v->valuedouble, hi);
    }
    if (strcmp(v->string, "valueAttachment") == 0) {
        const char *data = str_of(v, "data");
        if (!cJSON_IsObject(v))
            problem(k, path, "valueAttachment must be an object");
        else if (cJSON_GetObjectItemCaseSensitive(v, "data") && !str_of(v, "contentType"))
            problem(k, path, "an attachment with data needs a contentType (att-1)");
        else if (data && !is_base64(data))
            problem(k, path, "attachment data must be base64");
    }
    if (strcmp(v->string, "valueCoding") == 0) {
        const char *sys = str_of(v, "system"), *code = str_of(v, "code");
        if (!code) {
            problem(k, path, "valueCoding needs a code");
            return;
        }
        const cJSON *opts = cJSON_GetObjectItemCaseSensitive(qi, "answerOption");
        if (!opts)
            return; /* a value set we cannot check here */
        bool found = false;
        for (const cJSON *o = opts->child; o && !found; o = o->next) {
            const cJSON *oc = cJSON_GetObjectItemCaseSensitive(o, "valueCoding");
            const char *osys = str_of(oc, "system"), *ocode = str_of(oc, "code");
            found = ocode && strcmp(ocode, code) == 0
                    && ((!osys && !sys) || (osys && sys && strcmp(osys, sys) == 0));
        }
        if (!found)
            problem(k, path, "code '%s' (system %s) is not one of the item's answerOptions", code,
                    sys ? sys : "none");
    }
}

static void check_r_items(chk *k, const cJSON *r_items, const cJSON *q_items, const cJSON *q_root,
                          const char *path, bool completed)
{
    char sub[512], sub2[600];
    if (!cJSON_IsArray(r_items)) {
        problem(k, path, "item must be an array");
        return;
    }
    int last = -1, i = 0;
    const cJSON *seen[256];
    size_t nseen = 0;
    for (const cJSON *it = r_items->child; it; it = it->next, i++) {
        snprintf(sub, sizeof sub, "%s%sitem[%d]", path, path[0] ? "." : "", i);
        const char *link = str_of(it, "linkId");
        if (!cJSON_IsObject(it) || !link) {
            problem(k, sub, "an item needs a linkId (a string)");
            continue;
        }
        snprintf(sub + strlen(sub), sizeof sub - strlen(sub), " (%s)", link);
        int index = -1;
        const cJSON *qi = q_child(q_items, link, &index);
        if (!qi) {
            if (q_anywhere(cJSON_GetObjectItemCaseSensitive(q_root, "item"), link))
                problem(k, sub, "linkId '%s' is at a different place in the Questionnaire", link);
            else
                problem(k, sub, "linkId '%s' is not in the Questionnaire", link);
            continue;
        }
        const char *type = str_of(qi, "type");
        if (!type)
            continue; /* reported with the Questionnaire */
        bool group = strcmp(type, "group") == 0;
        bool again = false;
        for (size_t s = 0; s < nseen; s++)
            again = again || seen[s] == qi;
        if (again && !(group && flag_true(qi, "repeats")))
            problem(k, sub, "'%s' appears twice but does not repeat", link);
        else if (index < last || (again && index != last))
            problem(k, sub, "items must follow the Questionnaire's order");
        if (!again && nseen < sizeof seen / sizeof seen[0])
            seen[nseen++] = qi;
        last = index > last ? index : last;
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(it, "text");
        if (text && !cJSON_IsString(text))
            problem(k, sub, "text must be a string");
        const cJSON *answers = cJSON_GetObjectItemCaseSensitive(it, "answer");
        const cJSON *kids = cJSON_GetObjectItemCaseSensitive(it, "item");
        if (answers && kids)
            problem(k, sub, "an item cannot have both answer and item (qrs-1)");
        if (group || strcmp(type, "display") == 0) {
            if (answers)
                problem(k, sub, "a %s item cannot have answers", type);
            if (group && !kids)
                problem(k, sub, "a group needs its items");
            if (kids)
                check_r_items(k, kids, cJSON_GetObjectItemCaseSensitive(qi, "item"), q_root, sub,
                              completed);
            continue;
        }
        if (kids)
            problem(k, sub, "a question's nested items belong under its answer");
        if (!cJSON_IsArray(answers)) {
            problem(k, sub, "a question item needs an answer array");
            continue;
        }
        if (cJSON_GetArraySize(answers) > 1 && !flag_true(qi, "repeats"))
            problem(k, sub, "%d answers, but the item does not repeat",
                    cJSON_GetArraySize(answers));
        int j = 0;
        for (const cJSON *a = answers->child; a; a = a->next, j++) {
            snprintf(sub2, sizeof sub2, "%s.answer[%d]", sub, j);
            check_answer(k, qi, a, sub2);
            if (cJSON_GetObjectItemCaseSensitive(a, "item"))
                problem(k, sub2, "nested items under an answer are not in the Questionnaire");
        }
    }
    if (!completed)
        return;
    for (const cJSON *qi = cJSON_IsArray(q_items) ? q_items->child : NULL; qi; qi = qi->next) {
        const char *link = str_of(qi, "linkId");
        if (!link || !flag_true(qi, "required"))
            continue;
        bool present = false;
        for (const cJSON *it = r_items->child; it && !present; it = it->next)
            present = str_of(it, "linkId") && strcmp(str_of(it, "linkId"), link) == 0;
        if (!present)
            problem(k, path[0] ? path : "$", "the required item '%s' is missing", link);
    }
}

size_t fhir_check(const char *questionnaire, const char *response, pm_msgs *problems)
{
    summary_json_wipes(); /* its nodes hold the client's text */
    chk k = { .out = problems, .doc = "Questionnaire" };
    cJSON *q = questionnaire ? cJSON_Parse(questionnaire) : NULL;
    if (!cJSON_IsObject(q)) {
        problem(&k, "", "not a JSON object");
        cJSON_Delete(q);
        return k.count;
    }
    json_rules(&k, q, "");
    if (!str_of(q, "resourceType") || strcmp(str_of(q, "resourceType"), "Questionnaire") != 0)
        problem(&k, "resourceType", "must be \"Questionnaire\"");
    static const char *const q_status[] = { "draft", "active", "retired", "unknown", NULL };
    if (!one_of(str_of(q, "status"), q_status))
        problem(&k, "status", "is required: draft, active, retired or unknown");
    const cJSON *url = cJSON_GetObjectItemCaseSensitive(q, "url");
    if (url && !cJSON_IsString(url))
        problem(&k, "url", "must be a string");
    link_set seen = { .n = 0 };
    const cJSON *q_items = cJSON_GetObjectItemCaseSensitive(q, "item");
    if (q_items)
        check_q_items(&k, q_items, "", &seen);

    if (response) {
        k.doc = "QuestionnaireResponse";
        cJSON *r = cJSON_Parse(response);
        if (!cJSON_IsObject(r)) {
            problem(&k, "", "not a JSON object");
        } else {
            json_rules(&k, r, "");
            if (!str_of(r, "resourceType")
                || strcmp(str_of(r, "resourceType"), "QuestionnaireResponse") != 0)
                problem(&k, "resourceType", "must be \"QuestionnaireResponse\"");
            static const char *const r_status[] = { "in-progress", "completed", "amended",
                                                    "entered-in-error", "stopped", NULL };
            const char *status = str_of(r, "status");
            if (!one_of(status, r_status))
                problem(&k, "status", "is required: in-progress, completed, amended, "
                                      "entered-in-error or stopped");
            char canon[512];
            const char *qurl = str_of(q, "url"), *qver = str_of(q, "version");
            snprintf(canon, sizeof canon, "%s%s%s", qurl ? qurl : "", qver ? "|" : "",
                     qver ? qver : "");
            const char *ref = str_of(r, "questionnaire");
            if (!ref)
                problem(&k, "questionnaire", "the canonical URL of the Questionnaire is missing");
            else if (strcmp(ref, canon) != 0 && !(qurl && strcmp(ref, qurl) == 0))
                problem(&k, "questionnaire", "'%s' does not name this Questionnaire (%s)", ref,
                        canon);
            const cJSON *auth = cJSON_GetObjectItemCaseSensitive(r, "authored");
            if (auth && !is_datetime(cJSON_GetStringValue(auth)))
                problem(&k, "authored", "must be a FHIR dateTime with a time zone "
                                        "(2026-11-27T17:30:12Z)");
            const cJSON *subj = cJSON_GetObjectItemCaseSensitive(r, "subject");
            if (subj && !str_of(subj, "reference") && !str_of(subj, "display"))
                problem(&k, "subject", "a reference needs a reference or a display");
            const cJSON *ident = cJSON_GetObjectItemCaseSensitive(r, "identifier");
            if (ident && (!cJSON_IsObject(ident) || !str_of(ident, "value")))
                problem(&k, "identifier", "must be one Identifier with a value (R4: 0..1)");
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(r, "id");
            if (id) {
                const char *s = cJSON_GetStringValue(id);
                bool good = s && strlen(s) >= 1 && strlen(s) <= 64;
                for (const char *p = s; good && *p; p++)
                    good = isalnum((unsigned char)*p) || *p == '-' || *p == '.';
                if (!good)
                    problem(&k, "id", "must be 1-64 letters, digits, '-' or '.'");
            }
            const cJSON *r_items = cJSON_GetObjectItemCaseSensitive(r, "item");
            if (r_items)
                check_r_items(&k, r_items, q_items, q, "",
                              status && strcmp(status, "completed") == 0);
        }
        cJSON_Delete(r);
    }
    cJSON_Delete(q);
    return k.count;
}
