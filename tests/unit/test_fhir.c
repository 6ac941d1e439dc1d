/* test_fhir.c — the FHIR R4 Questionnaire and QuestionnaireResponse
 * (fhir.h): generated documents pass the structural check, the check
 * catches each kind of mistake, and the response's linkIds and codes match
 * the Questionnaire exactly. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "fhir.h"
#include "samples.h"
#include "testutil.h"

#define T0 INT64_C(1795800612) /* 2026-11-27T17:30:12Z */

static pm_content *C;
static char *Q; /* the Questionnaire in English */

static int setup(void **state)
{
    (void)state;
    C = tu_load_shipped();
    return fhir_render_questionnaire(C, 0, &Q) == PM_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(Q);
    content_free(C);
    return 0;
}

static size_t check_print(const char *q, const char *r)
{
    pm_msgs m;
    pm_msgs_init(&m);
    size_t n = fhir_check(q, r, &m);
    for (size_t i = 0; i < m.count; i++)
        fprintf(stderr, "  fhir: %s\n", m.items[i]);
    assert_int_equal(n, m.count);
    pm_msgs_free(&m);
    return n;
}

static char *response_for(sample_kind kind, const char *name)
{
    intake *in = malloc(sizeof *in);
    assert_non_null(in);
    sample_intake(C, in, kind, name);
    char *r = NULL;
    assert_int_equal(fhir_render_response(C, in, T0, "20261127-173012-00", 0, &r), PM_OK);
    free(in);
    return r;
}

/* The Questionnaire item with this linkId anywhere in the tree. */
static const cJSON *find_link(const cJSON *items, const char *link)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, items)
    {
        const char *l = cJSON_GetStringValue(cJSON_GetObjectItem(it, "linkId"));
        if (l && strcmp(l, link) == 0)
            return it;
        const cJSON *deeper = find_link(cJSON_GetObjectItem(it, "item"), link);
        if (deeper)
            return deeper;
    }
    return NULL;
}

static bool has_option(const cJSON *qi, const char *code)
{
    const cJSON *o;
    cJSON_ArrayForEach(o, cJSON_GetObjectItem(qi, "answerOption"))
    {
        const char *c = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(o, "valueCoding"), "code"));
        if (c && strcmp(c, code) == 0)
            return true;
    }
    return false;
}

static void test_questionnaire_structure(void **state)
{
    (void)state;
    assert_int_equal(check_print(Q, NULL), 0);
    cJSON *q = cJSON_Parse(Q);
    assert_non_null(q);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(q, "resourceType")), "Questionnaire");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(q, "url")), FHIR_QUESTIONNAIRE_URL);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(q, "status")), "active");
    char ver[FHIR_VERSION_MAX];
    fhir_questionnaire_version(C, ver);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(q, "version")), ver);
    const cJSON *items = cJSON_GetObjectItem(q, "item");
    /* every region, quality, duration and muscle is a code */
    const cJSON *reg = find_link(items, "regions.region");
    assert_non_null(reg);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(reg, "required")));
    for (size_t i = 0; i < content_region_count(C); i++)
        assert_true(has_option(reg, content_region(C, i)->id));
    for (size_t i = 0; i < content_quality_count(C); i++)
        assert_true(has_option(find_link(items, "regions.qualities"), content_quality(C, i)->id));
    for (size_t i = 0; i < content_duration_count(C); i++)
        assert_true(has_option(find_link(items, "regions.duration"), content_duration(C, i)->id));
    for (size_t i = 0; i < content_muscle_count(C); i++)
        assert_true(has_option(find_link(items, "patterns"), content_muscle(C, i)->id));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(find_link(items, "regions"), "repeats")));
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(find_link(items, "regions.intensity"), "type")), "integer");
    /* each screening question, with its answers and flags */
    for (size_t i = 0; i < content_question_count(C); i++) {
        const pm_question *qu = content_question(C, i);
        char link[128];
        snprintf(link, sizeof link, "screening.%s", qu->id);
        const cJSON *qi = find_link(items, link);
        assert_non_null(qi);
        assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(qi, "answerOption")), qu->nanswers);
        for (size_t a = 0; a < qu->nanswers; a++) {
            assert_true(has_option(qi, qu->answer_ids[a]));
            const cJSON *opt = cJSON_GetArrayItem(cJSON_GetObjectItem(qi, "answerOption"), (int)a);
            const cJSON *ext = cJSON_GetArrayItem(cJSON_GetObjectItem(opt, "extension"), 0);
            if (qu->answer_flags[a] == FLAG_NONE) {
                assert_null(ext);
            } else {
                assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(ext, "url")), FHIR_FLAG_EXTENSION);
                assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(ext, "valueCode")),
                                    summary_flag_name(qu->answer_flags[a]));
            }
        }
    }
    cJSON_Delete(q);
}

/* Every display text of a coding anywhere under v, joined with '|'. */
static void collect_displays(const cJSON *v, char *out, size_t size)
{
    if (!v)
        return;
    if (cJSON_IsObject(v)) {
        const char *d = cJSON_GetStringValue(cJSON_GetObjectItem(v, "display"));
        if (d && cJSON_GetObjectItem(v, "code")) {
            size_t n = strlen(out);
            snprintf(out + n, size - n, "%s|", d);
        }
    }
    const cJSON *k;
    cJSON_ArrayForEach(k, v) collect_displays(k, out, size);
}

/* Trust defect 6: a Spanish client's response said language "es" but its
 * display texts were English (the staff language). */
static void test_response_displays_in_its_language(void **state)
{
    (void)state;
    int es = content_lang_index(C, "es");
    if (es < 0)
        skip();
    intake *in = malloc(sizeof *in);
    assert_non_null(in);
    sample_intake(C, in, SAMPLE_URGENT, "Ana");
    snprintf(in->lang, sizeof in->lang, "es");
    char *r = NULL;
    assert_int_equal(fhir_render_response(C, in, T0, "20261127-173012-00", 0, &r), PM_OK);
    cJSON *root = cJSON_Parse(r);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(root, "language")), "es");
    char displays[8192] = "";
    collect_displays(root, displays, sizeof displays);
    /* the first mark's region, in Spanish; never its English words */
    const pm_region *reg = content_region(C, (size_t)in->marks[0].region);
    assert_non_null(strstr(displays, content_text(C, (size_t)es, reg->term_key)));
    if (strcmp(content_text(C, 0, reg->term_key), content_text(C, (size_t)es, reg->term_key)))
        assert_null(strstr(displays, content_text(C, 0, reg->term_key)));
    const pm_question *q = content_question(C, 0);
    int a = in->answers[0];
    if (a >= 0)
        assert_non_null(strstr(displays, content_text(C, (size_t)es, q->answer_keys[a])));
    assert_int_equal(check_print(Q, r), 0); /* still the same codes */
    cJSON_Delete(root);
    free(r);
    free(in);
}

static void test_questionnaire_languages_share_structure(void **state)
{
    (void)state;
    int es = content_lang_index(C, "es");
    if (es < 0)
        skip();
    char *qes = NULL;
    assert_int_equal(fhir_render_questionnaire(C, es, &qes), PM_OK);
    assert_int_equal(check_print(qes, NULL), 0);
    cJSON *a = cJSON_Parse(Q), *b = cJSON_Parse(qes);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(b, "language")), "es");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(a, "version")),
                        cJSON_GetStringValue(cJSON_GetObjectItem(b, "version")));
    /* an English response checks against the Spanish questionnaire: same ids */
    char *r = response_for(SAMPLE_URGENT, "Ana");
    assert_int_equal(check_print(qes, r), 0);
    free(r);
    cJSON_Delete(a);
    cJSON_Delete(b);
    free(qes);
}

static void test_version_follows_content_ids(void **state)
{
    (void)state;
    char v1[FHIR_VERSION_MAX], v2[FHIR_VERSION_MAX], vm[FHIR_VERSION_MAX];
    fhir_questionnaire_version(C, v1);
    fhir_questionnaire_version(C, v2);
    assert_string_equal(v1, v2);
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/data-mini", tu_tests_dir());
    pm_content *mini = NULL;
    pm_msgs p;
    pm_msgs_init(&p);
    assert_int_equal(content_load(dir, &mini, &p), PM_OK);
    pm_msgs_free(&p);
    fhir_questionnaire_version(mini, vm);
    assert_string_not_equal(v1, vm);
    assert_int_equal(strlen(v1), 9);
    /* the small content makes a valid questionnaire too */
    char *qm = NULL;
    assert_int_equal(fhir_render_questionnaire(mini, 0, &qm), PM_OK);
    assert_int_equal(check_print(qm, NULL), 0);
    /* and a response from the big content does not fit it */
    char *r = response_for(SAMPLE_URGENT, "Ana");
    pm_msgs_init(&p);
    assert_true(fhir_check(qm, r, &p) > 0);
    pm_msgs_free(&p);
    free(r);
    free(qm);
    content_free(mini);
}

static void test_responses_match_questionnaire(void **state)
{
    (void)state;
    const sample_kind kinds[] = { SAMPLE_URGENT, SAMPLE_ATTENTION, SAMPLE_PLAIN, SAMPLE_EMPTY };
    for (size_t k = 0; k < 4; k++) {
        char *r = response_for(kinds[k], "Jos\xc3\xa9 \"Pepe\" <M\xc3\xbcller>");
        assert_int_equal(check_print(Q, r), 0);
        cJSON *j = cJSON_Parse(r);
        assert_non_null(j);
        assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "resourceType")),
                            "QuestionnaireResponse");
        assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "status")), "completed");
        assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "authored")),
                            "2026-11-27T17:30:12Z");
        assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "id")), "20261127-173012-00");
        char canon[256], ver[FHIR_VERSION_MAX];
        fhir_questionnaire_version(C, ver);
        snprintf(canon, sizeof canon, "%s|%s", FHIR_QUESTIONNAIRE_URL, ver);
        assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "questionnaire")), canon);
        const cJSON *subj = cJSON_GetObjectItem(j, "subject");
        if (kinds[k] == SAMPLE_EMPTY) {
            assert_null(subj);
        } else {
            assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(subj, "display")),
                                "Jos\xc3\xa9 \"Pepe\" <M\xc3\xbcller>");
        }
        /* one regions group per mark */
        intake in;
        sample_intake(C, &in, kinds[k], "x");
        int groups = 0;
        const cJSON *it;
        cJSON_ArrayForEach(it, cJSON_GetObjectItem(j, "item"))
            groups += strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(it, "linkId")), "regions") == 0;
        assert_int_equal(groups, in.nmarks);
        cJSON_Delete(j);
        free(r);
    }
}

/* The urgent sample carries its urgent answer's code and the signature. */
static void test_response_content(void **state)
{
    (void)state;
    char *r = response_for(SAMPLE_URGENT, "Ana");
    cJSON *j = cJSON_Parse(r);
    const cJSON *items = cJSON_GetObjectItem(j, "item");
    int ua;
    int uq = sample_flagged_question(C, FLAG_URGENT, -1, &ua);
    char link[128];
    snprintf(link, sizeof link, "screening.%s", content_question(C, (size_t)uq)->id);
    const cJSON *qi = find_link(items, link);
    assert_non_null(qi);
    const cJSON *coding = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(qi, "answer"), 0), "valueCoding");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(coding, "code")),
                        content_question(C, (size_t)uq)->answer_ids[ua]);
    const cJSON *sig = find_link(items, "signature");
    const cJSON *att = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(sig, "answer"), 0), "valueAttachment");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(att, "contentType")), "image/svg+xml");
    assert_true(strlen(cJSON_GetStringValue(cJSON_GetObjectItem(att, "data"))) > 100);
    assert_non_null(find_link(items, "patterns"));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(find_link(items, "consent"), "answer"), 0), "valueBoolean")));
    cJSON_Delete(j);
    free(r);
}

static void test_bad_intake_refused(void **state)
{
    (void)state;
    intake in;
    sample_intake(C, &in, SAMPLE_PLAIN, "x");
    char *r = NULL;
    in.marks[0].region = (int16_t)content_region_count(C);
    assert_int_equal(fhir_render_response(C, &in, T0, "s", 0, &r), PM_ERR_INVALID);
    assert_null(r);
    sample_intake(C, &in, SAMPLE_PLAIN, "x");
    assert_int_equal(fhir_render_response(C, &in, -5, "s", 0, &r), PM_ERR_INVALID);
    assert_int_equal(fhir_render_response(C, &in, T0, "", 0, &r), PM_ERR_INVALID);
    in.answers[0] = 9;
    assert_int_equal(fhir_render_response(C, &in, T0, "s", 0, &r), PM_ERR_INVALID);
}

/* ---- the checker catches mistakes ---------------------------------------- */

typedef void (*mutate_fn)(cJSON *root);

static cJSON *first_item(cJSON *root, const char *link)
{
    return (cJSON *)find_link(cJSON_GetObjectItem(root, "item"), link);
}

static void m_unknown_link(cJSON *r) { cJSON_ReplaceItemInObject(first_item(r, "consent"), "linkId", cJSON_CreateString("consentx")); }
static void m_wrong_code(cJSON *r)
{
    cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(first_item(r, "regions.region"), "answer"), 0);
    cJSON_ReplaceItemInObject(cJSON_GetObjectItem(a, "valueCoding"), "code", cJSON_CreateString("no_such_region"));
}
static void m_wrong_system(cJSON *r)
{
    cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(first_item(r, "regions.region"), "answer"), 0);
    cJSON_ReplaceItemInObject(cJSON_GetObjectItem(a, "valueCoding"), "system", cJSON_CreateString("http://example.org/other"));
}
static void m_wrong_type(cJSON *r)
{
    cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(first_item(r, "consent"), "answer"), 0);
    cJSON_DeleteItemFromObject(a, "valueBoolean");
    cJSON_AddStringToObject(a, "valueString", "yes");
}
static void m_two_answers(cJSON *r)
{
    cJSON *arr = cJSON_GetObjectItem(first_item(r, "consent"), "answer");
    cJSON_AddItemToArray(arr, cJSON_Duplicate(cJSON_GetArrayItem(arr, 0), 1));
}
static void m_no_status(cJSON *r) { cJSON_DeleteItemFromObject(r, "status"); }
static void m_bad_status(cJSON *r) { cJSON_ReplaceItemInObject(r, "status", cJSON_CreateString("done")); }
static void m_bad_canonical(cJSON *r) { cJSON_ReplaceItemInObject(r, "questionnaire", cJSON_CreateString("http://elsewhere/Questionnaire/x|1")); }
static void m_empty_array(cJSON *r) { cJSON_AddArrayToObject(r, "contained"); }
static void m_intensity_11(cJSON *r)
{
    cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(first_item(r, "regions.intensity"), "answer"), 0);
    cJSON_ReplaceItemInObject(a, "valueInteger", cJSON_CreateNumber(11));
}
static void m_intensity_fraction(cJSON *r)
{
    cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(first_item(r, "regions.intensity"), "answer"), 0);
    cJSON_ReplaceItemInObject(a, "valueInteger", cJSON_CreateNumber(2.5));
}
static void m_order(cJSON *r)
{
    cJSON *items = cJSON_GetObjectItem(r, "item");
    cJSON *last = cJSON_DetachItemFromArray(items, cJSON_GetArraySize(items) - 1);
    cJSON_InsertItemInArray(items, 0, last);
}
static void m_group_answer(cJSON *r)
{
    cJSON *g = first_item(r, "regions");
    cJSON *arr = cJSON_AddArrayToObject(g, "answer");
    cJSON *a = cJSON_CreateObject();
    cJSON_AddBoolToObject(a, "valueBoolean", true);
    cJSON_AddItemToArray(arr, a);
}
static void m_missing_required(cJSON *r)
{
    cJSON *g = first_item(r, "regions");
    cJSON_DeleteItemFromArray(cJSON_GetObjectItem(g, "item"), 0); /* regions.region */
}
static void m_bad_authored(cJSON *r) { cJSON_ReplaceItemInObject(r, "authored", cJSON_CreateString("2026-11-27T17:30:12")); }
static void m_wrong_place(cJSON *r)
{
    /* move regions.intensity to the top level */
    cJSON *items = cJSON_GetObjectItem(r, "item");
    cJSON_AddItemToArray(items, cJSON_Duplicate(first_item(r, "regions.intensity"), 1));
}
static void m_repeat_nonrepeating(cJSON *r)
{
    cJSON *items = cJSON_GetObjectItem(r, "item");
    cJSON_AddItemToArray(items, cJSON_Duplicate(first_item(r, "consent"), 1));
}
static void m_wrong_resource(cJSON *r) { cJSON_ReplaceItemInObject(r, "resourceType", cJSON_CreateString("Observation")); }
static void m_no_link(cJSON *r) { cJSON_DeleteItemFromObject(first_item(r, "consent"), "linkId"); }
static void m_att_no_type(cJSON *r)
{
    cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(first_item(r, "signature"), "answer"), 0);
    cJSON_DeleteItemFromObject(cJSON_GetObjectItem(a, "valueAttachment"), "contentType");
}
static void m_null(cJSON *r) { cJSON_AddNullToObject(r, "text"); }
static void m_bad_id(cJSON *r) { cJSON_ReplaceItemInObject(r, "id", cJSON_CreateString("has space")); }

static void test_checker_catches_response_mistakes(void **state)
{
    (void)state;
    const struct {
        const char *name;
        mutate_fn fn;
        const char *expect;
    } cases[] = {
        { "unknown linkId", m_unknown_link, "not in the Questionnaire" },
        { "wrong code", m_wrong_code, "not one of the item's answerOptions" },
        { "wrong system", m_wrong_system, "not one of the item's answerOptions" },
        { "wrong value type", m_wrong_type, "does not answer a boolean item" },
        { "two answers", m_two_answers, "does not repeat" },
        { "no status", m_no_status, "status" },
        { "bad status", m_bad_status, "status" },
        { "bad canonical", m_bad_canonical, "does not name this Questionnaire" },
        { "empty array", m_empty_array, "empty array" },
        { "intensity 11", m_intensity_11, "above the item's maxValue" },
        { "intensity 2.5", m_intensity_fraction, "whole number" },
        { "order", m_order, "order" },
        { "group with answer", m_group_answer, "cannot have" },
        { "missing required", m_missing_required, "required item 'regions.region'" },
        { "authored without zone", m_bad_authored, "dateTime" },
        { "item at the wrong place", m_wrong_place, "different place" },
        { "non-repeating twice", m_repeat_nonrepeating, "appears twice" },
        { "wrong resource", m_wrong_resource, "QuestionnaireResponse" },
        { "no linkId", m_no_link, "linkId" },
        { "attachment without type", m_att_no_type, "contentType" },
        { "null", m_null, "null" },
        { "bad id", m_bad_id, "id" },
    };
    char *good = response_for(SAMPLE_URGENT, "Ana");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cJSON *r = cJSON_Parse(good);
        cases[i].fn(r);
        char *bad = cJSON_Print(r);
        pm_msgs m;
        pm_msgs_init(&m);
        size_t n = fhir_check(Q, bad, &m);
        bool found = false;
        for (size_t k = 0; k < m.count; k++)
            found = found || strstr(m.items[k], cases[i].expect) != NULL;
        if (n == 0 || !found) {
            fprintf(stderr, "case '%s': %zu problems, none saying '%s'\n", cases[i].name, n,
                    cases[i].expect);
            for (size_t k = 0; k < m.count; k++)
                fprintf(stderr, "  %s\n", m.items[k]);
        }
        assert_true(n > 0);
        assert_true(found);
        pm_msgs_free(&m);
        free(bad);
        cJSON_Delete(r);
    }
    free(good);
    /* not JSON at all */
    assert_true(fhir_check(Q, "{", NULL) > 0);
    assert_true(fhir_check("[]", NULL, NULL) > 0);
}

static void q_dup_link(cJSON *q) { cJSON_ReplaceItemInObject(first_item(q, "consent"), "linkId", cJSON_CreateString("name")); }
static void q_group_empty(cJSON *q) { cJSON_DeleteItemFromObject(first_item(q, "regions"), "item"); }
static void q_choice_no_options(cJSON *q) { cJSON_DeleteItemFromObject(first_item(q, "pressure"), "answerOption"); }
static void q_options_on_boolean(cJSON *q)
{
    cJSON_AddItemToObject(first_item(q, "consent"), "answerOption",
                          cJSON_Duplicate(cJSON_GetObjectItem(first_item(q, "pressure"), "answerOption"), 1));
}
static void q_bad_type(cJSON *q) { cJSON_ReplaceItemInObject(first_item(q, "consent"), "type", cJSON_CreateString("yesno")); }
static void q_no_status(cJSON *q) { cJSON_DeleteItemFromObject(q, "status"); }
static void q_option_two_values(cJSON *q)
{
    cJSON *o = cJSON_GetArrayItem(cJSON_GetObjectItem(first_item(q, "pressure"), "answerOption"), 0);
    cJSON_AddStringToObject(o, "valueString", "x");
}

static void test_checker_catches_questionnaire_mistakes(void **state)
{
    (void)state;
    const struct {
        mutate_fn fn;
        const char *expect;
    } cases[] = {
        { q_dup_link, "used twice" },
        { q_group_empty, "nested items" },
        { q_choice_no_options, "needs answerOption" },
        { q_options_on_boolean, "que-5" },
        { q_bad_type, "R4 item type" },
        { q_no_status, "status" },
        { q_option_two_values, "exactly one value" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cJSON *q = cJSON_Parse(Q);
        cases[i].fn(q);
        char *bad = cJSON_Print(q);
        pm_msgs m;
        pm_msgs_init(&m);
        assert_true(fhir_check(bad, NULL, &m) > 0);
        bool found = false;
        for (size_t k = 0; k < m.count; k++)
            found = found || strstr(m.items[k], cases[i].expect) != NULL;
        if (!found)
            for (size_t k = 0; k < m.count; k++)
                fprintf(stderr, "case %zu: %s\n", i, m.items[k]);
        assert_true(found);
        pm_msgs_free(&m);
        free(bad);
        cJSON_Delete(q);
    }
}

/* Every response linkId is a Questionnaire linkId of the same type: walk
 * both trees independently of the checker. */
static void walk_match(const cJSON *r_items, const cJSON *q_items)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, r_items)
    {
        const char *link = cJSON_GetStringValue(cJSON_GetObjectItem(it, "linkId"));
        const cJSON *qi = NULL, *cand;
        cJSON_ArrayForEach(cand, q_items)
            if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(cand, "linkId")), link) == 0)
                qi = cand;
        assert_non_null(qi);
        if (cJSON_GetObjectItem(it, "item"))
            walk_match(cJSON_GetObjectItem(it, "item"), cJSON_GetObjectItem(qi, "item"));
    }
}

static void test_linkids_match_exactly(void **state)
{
    (void)state;
    char *r = response_for(SAMPLE_URGENT, "Ana");
    cJSON *q = cJSON_Parse(Q), *j = cJSON_Parse(r);
    walk_match(cJSON_GetObjectItem(j, "item"), cJSON_GetObjectItem(q, "item"));
    cJSON_Delete(q);
    cJSON_Delete(j);
    free(r);
}

/* Random damage to good documents (nodes removed, replaced by other
 * types): the checker never crashes or leaks, whatever it is given (the
 * targeted cases above check that it names the mistakes). */
static void damage(cJSON *node, uint32_t *seed, int *budget)
{
    for (cJSON *c = node ? node->child : NULL; c && *budget > 0;) {
        cJSON *next = c->next;
        *seed = *seed * 1103515245u + 12345u;
        uint32_t r = (*seed >> 8) % 23;
        if (r == 0) {
            cJSON_DetachItemViaPointer(node, c);
            cJSON_Delete(c);
            (*budget)--;
        } else if (r == 1) {
            cJSON *repl = (*seed >> 12) % 2 ? cJSON_CreateNumber(-1.5) : cJSON_CreateString("");
            cJSON_ReplaceItemViaPointer(node, c, repl);
            (*budget)--;
        } else {
            damage(c, seed, budget);
        }
        c = next;
    }
}

static void test_checker_survives_damage(void **state)
{
    (void)state;
    char *good = response_for(SAMPLE_URGENT, "Ana");
    uint32_t seed = 777;
    for (int round = 0; round < 400; round++) {
        cJSON *r = cJSON_Parse(good);
        int budget = 1 + round % 5;
        damage(r, &seed, &budget);
        char *bad = cJSON_PrintUnformatted(r);
        (void)fhir_check(Q, bad, NULL);
        /* the same damage applied to the questionnaire */
        cJSON *q = cJSON_Parse(Q);
        budget = 1 + round % 3;
        damage(q, &seed, &budget);
        char *badq = cJSON_PrintUnformatted(q);
        (void)fhir_check(badq, good, NULL);
        (void)fhir_check(badq, bad, NULL);
        free(badq);
        cJSON_Delete(q);
        free(bad);
        cJSON_Delete(r);
    }
    free(good);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_questionnaire_structure),
        cmocka_unit_test(test_questionnaire_languages_share_structure),
        cmocka_unit_test(test_response_displays_in_its_language),
        cmocka_unit_test(test_version_follows_content_ids),
        cmocka_unit_test(test_responses_match_questionnaire),
        cmocka_unit_test(test_response_content),
        cmocka_unit_test(test_bad_intake_refused),
        cmocka_unit_test(test_checker_catches_response_mistakes),
        cmocka_unit_test(test_checker_catches_questionnaire_mistakes),
        cmocka_unit_test(test_linkids_match_exactly),
        cmocka_unit_test(test_checker_survives_damage),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
