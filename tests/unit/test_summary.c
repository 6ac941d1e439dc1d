/* test_summary.c — the intake as JSON and HTML (summary.h).
 *
 * Runs against the shipped content, choosing regions, questions and choices
 * by what the content offers rather than by fixed ids, so content edits do
 * not break these tests. Set PAINMAP_SUMMARY_SAMPLE=/path.html to also write
 * the rich sample page for a person to look at (then print it to PDF or PNG
 * with any browser). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "content.h"
#include "intake.h"
#include "screening.h"
#include "summary.h"
#include "testutil.h"

#define T0 INT64_C(1795800612) /* 2026-11-27T17:30:12Z */

static const char *const rich_name = "Jos\xc3\xa9 M\xc3\xbcller-\xc3\x91\xc3\xba\xc3\xb1" "ez";

static int setup(void **state)
{
    *state = tu_load_shipped();
    return 0;
}

static int teardown(void **state)
{
    content_free(*state);
    return 0;
}

/* ---- building intakes --------------------------------------------------- */

/* The first question with an answer flagged at this level, or -1; *answer
 * gets that answer. */
static int question_with_flag(const pm_content *c, pm_flag level, int skip, int *answer)
{
    *answer = -1; /* written even when nothing matches: see samples.h */
    for (size_t q = 0; q < content_question_count(c); q++) {
        const pm_question *qu = content_question(c, q);
        for (size_t a = 0; a < qu->nanswers; a++)
            if (qu->answer_flags[a] == level && (int)q != skip) {
                *answer = (int)a;
                return (int)q;
            }
    }
    return -1;
}

/* A question everyone is asked (the gate), other than skip1 and skip2: the
 * last such. */
static int open_question(const pm_content *c, int skip1, int skip2)
{
    int found = 0;
    for (size_t q = 0; q < content_question_count(c); q++)
        if (content_question(c, q)->part == PART_GATE && (int)q != skip1 && (int)q != skip2)
            found = (int)q;
    return found;
}

static int unflagged_answer(const pm_question *qu)
{
    for (size_t a = 0; a < qu->nanswers; a++)
        if (qu->answer_flags[a] == FLAG_NONE)
            return (int)a;
    return 0;
}

/* The n-th region of a view, or -1. */
static int region_of_view(const pm_content *c, pm_view view, int n)
{
    for (size_t i = 0; i < content_region_count(c); i++)
        if (content_region(c, i)->view == view && n-- == 0)
            return (int)i;
    return -1;
}

static void mark(intake *in, int region, int intensity, uint32_t qualities, int duration)
{
    assert_true(region >= 0);
    int slot = intake_toggle_region(in, region);
    assert_true(slot >= 0);
    if (intensity != INTAKE_UNSET)
        assert_int_equal(intake_set_intensity(in, slot, intensity), PM_OK);
    for (int q = 0; q < 32; q++)
        if (qualities & (UINT32_C(1) << q))
            assert_int_equal(intake_toggle_quality(in, slot, q), PM_OK);
    if (duration != INTAKE_UNSET)
        assert_int_equal(intake_set_duration(in, slot, duration), PM_OK);
}

/* Everything filled in: marks on both views with every kind of detail, an
 * urgent and an attention flag, patterns, preferences, a two-stroke
 * signature and a name with accents. */
static void rich_intake(const pm_content *c, intake *in)
{
    int es = content_lang_index(c, "es");
    intake_init(in, es >= 0 ? "es" : "en");
    assert_int_equal(intake_name_append(in, rich_name), PM_OK);
    size_t nq = content_quality_count(c), nd = content_duration_count(c);
    assert_true(nq >= 1 && nd >= 1);
    uint32_t q2 = nq >= 3 ? 0x5u : 0x1u; /* first and third */
    mark(in, region_of_view(c, VIEW_FRONT, 0), 8, q2, 0);
    mark(in, region_of_view(c, VIEW_FRONT, 2), 2, 0x1u, (int)nd - 1);
    mark(in, region_of_view(c, VIEW_BACK, 1), 5, 0, INTAKE_UNSET);
    mark(in, region_of_view(c, VIEW_BACK, 3), 0, (UINT32_C(1) << nq) - 1, 0);
    mark(in, region_of_view(c, VIEW_FRONT, 4), INTAKE_UNSET, 0, INTAKE_UNSET);

    for (size_t q = 0; q < content_question_count(c); q++)
        in->answers[q] = (int8_t)unflagged_answer(content_question(c, q));
    int ua, aa;
    int uq = question_with_flag(c, FLAG_URGENT, -1, &ua);
    int aq = question_with_flag(c, FLAG_ATTENTION, uq, &aa);
    assert_true(uq >= 0 && aq >= 0);
    in->answers[uq] = (int8_t)ua;
    in->answers[aq] = (int8_t)aa;
    if (content_question_count(c) > 3)
        in->answers[content_question_count(c) - 1] = INTAKE_UNSET; /* skipped */
    in->answers[open_question(c, uq, aq)] = INTAKE_UNSET; /* one of everyone's left open */

    for (int m = 0; m < 2 && (size_t)m < content_muscle_count(c); m++)
        assert_int_equal(intake_toggle_pattern(in, m), PM_OK);
    in->pressure = (int8_t)(content_pressure_count(c) > 1 ? 1 : 0);
    in->avoid = content_avoid_count(c) >= 3 ? 0x5u : 0x1u;
    in->consent = true;
    for (int i = 0; i <= 20; i++) /* a wave, then a underline */
        assert_int_equal(intake_sig_add(in, 80 + i * 30, 200 + (i % 4) * 25, i == 0), PM_OK);
    for (int i = 0; i <= 10; i++)
        assert_int_equal(intake_sig_add(in, 100 + i * 70, 330, i == 0), PM_OK);
}

static void assert_intake_equal(const intake *a, const intake *b)
{
    assert_string_equal(a->lang, b->lang);
    assert_string_equal(a->name, b->name);
    assert_int_equal(a->nmarks, b->nmarks);
    for (size_t i = 0; i < a->nmarks; i++) {
        assert_int_equal(a->marks[i].region, b->marks[i].region);
        assert_int_equal(a->marks[i].intensity, b->marks[i].intensity);
        assert_int_equal(a->marks[i].duration, b->marks[i].duration);
        assert_int_equal(a->marks[i].qualities, b->marks[i].qualities);
    }
    assert_int_equal(a->npatterns, b->npatterns);
    for (size_t i = 0; i < a->npatterns; i++)
        assert_int_equal(a->patterns[i], b->patterns[i]);
    assert_int_equal(a->none_of_these, b->none_of_these);
    assert_memory_equal(a->answers, b->answers, sizeof a->answers);
    assert_int_equal(a->pressure, b->pressure);
    assert_int_equal(a->avoid, b->avoid);
    assert_int_equal(a->consent, b->consent);
    assert_int_equal(a->nsig, b->nsig);
    for (size_t i = 0; i < a->nsig; i++) {
        assert_int_equal(a->sig[i].x, b->sig[i].x);
        assert_int_equal(a->sig[i].y, b->sig[i].y);
        assert_int_equal(a->sig[i].starts_stroke, b->sig[i].starts_stroke);
    }
}

static char *render_json(const pm_content *c, const intake *in)
{
    char *json = NULL;
    assert_int_equal(summary_render_json(c, in, T0, &json), PM_OK);
    assert_non_null(json);
    return json;
}

/* noinline: inlined at -O3, gcc 12 cannot tell the page from the local out-
 * parameter whose address the renderer gets, and takes every pointer into
 * the page for a dangling pointer to that local (-Wdangling-pointer). */
__attribute__((noinline)) static char *render_html(const pm_content *c, const intake *in, int lang)
{
    char *html = NULL;
    assert_int_equal(summary_render_html(c, in, T0, lang, &html), PM_OK);
    assert_non_null(html);
    return html;
}

/* ---- JSON ------------------------------------------------------------- */

static const cJSON *get(const cJSON *o, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!it)
        fail_msg("JSON has no field \"%s\"", key);
    return it;
}

static void test_json_fields(void **state)
{
    const pm_content *c = *state;
    intake in;
    rich_intake(c, &in);
    char *json = render_json(c, &in);
    cJSON *root = cJSON_Parse(json);
    assert_non_null(root);

    assert_string_equal(get(root, "schema")->valuestring, "painmap.intake");
    assert_int_equal(get(root, "version")->valueint, 1);
    assert_string_equal(get(root, "saved_at")->valuestring, "2026-11-27T17:30:12Z");
    assert_true(get(root, "saved_at_epoch")->valuedouble == (double)T0);
    assert_string_equal(get(root, "name")->valuestring, rich_name);
    assert_string_equal(get(root, "language")->valuestring, in.lang);
    assert_true(cJSON_IsTrue(get(root, "consent")));

    /* marks by id, in tap order, with every detail */
    const cJSON *marks = get(root, "marks");
    assert_int_equal(cJSON_GetArraySize(marks), in.nmarks);
    const cJSON *m0 = cJSON_GetArrayItem(marks, 0);
    assert_string_equal(get(m0, "region")->valuestring,
                        content_region(c, (size_t)in.marks[0].region)->id);
    assert_int_equal(get(m0, "intensity")->valueint, 8);
    assert_string_equal(cJSON_GetArrayItem(get(m0, "qualities"), 0)->valuestring,
                        content_quality(c, 0)->id);
    assert_string_equal(get(m0, "duration")->valuestring, content_duration(c, 0)->id);
    const cJSON *m2 = cJSON_GetArrayItem(marks, 2);
    assert_true(cJSON_IsNull(get(m2, "duration")));
    assert_int_equal(cJSON_GetArraySize(get(m2, "qualities")), 0);
    assert_true(cJSON_IsNull(get(cJSON_GetArrayItem(marks, 4), "intensity")));

    /* patterns, answers, flags (urgent first) */
    const cJSON *patterns = get(root, "patterns");
    assert_int_equal(cJSON_GetArraySize(patterns), in.npatterns);
    assert_string_equal(cJSON_GetArrayItem(patterns, 0)->valuestring, content_muscle(c, 0)->id);
    assert_true(cJSON_IsFalse(get(root, "none_of_these")));
    const cJSON *answers = get(root, "answers");
    const cJSON *a0 = cJSON_GetArrayItem(answers, 0);
    assert_string_equal(get(a0, "question")->valuestring, content_question(c, 0)->id);
    assert_non_null(get(a0, "answer")->valuestring);
    assert_non_null(get(a0, "flag")->valuestring);
    const cJSON *flags = get(root, "flags");
    assert_int_equal(cJSON_GetArraySize(flags), 2);
    assert_string_equal(get(cJSON_GetArrayItem(flags, 0), "flag")->valuestring, "urgent");
    assert_string_equal(get(cJSON_GetArrayItem(flags, 1), "flag")->valuestring, "attention");

    /* preferences and signature */
    assert_string_equal(get(root, "pressure")->valuestring,
                        content_pressure(c, (size_t)in.pressure)->id);
    assert_string_equal(cJSON_GetArrayItem(get(root, "avoid"), 0)->valuestring,
                        content_avoid(c, 0)->id);
    const cJSON *sig = get(root, "signature");
    assert_int_equal(get(sig, "width")->valueint, INTAKE_SIG_W);
    const cJSON *strokes = get(sig, "strokes");
    assert_int_equal(cJSON_GetArraySize(strokes), 2);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetArrayItem(strokes, 0)), 21);
    assert_int_equal(cJSON_GetArrayItem(cJSON_GetArrayItem(cJSON_GetArrayItem(strokes, 1), 0),
                                        1)->valueint, 330);
    cJSON_Delete(root);
    free(json);
}

static void test_json_has_no_indices_of_unset_things(void **state)
{
    const pm_content *c = *state;
    intake in;
    intake_init(&in, "en");
    char *json = render_json(c, &in);
    cJSON *root = cJSON_Parse(json);
    assert_true(cJSON_IsNull(get(root, "pressure")));
    assert_int_equal(cJSON_GetArraySize(get(root, "marks")), 0);
    assert_int_equal(cJSON_GetArraySize(get(root, "answers")), 0);
    assert_int_equal(cJSON_GetArraySize(get(root, "flags")), 0);
    assert_string_equal(get(root, "name")->valuestring, "");
    cJSON_Delete(root);
    free(json);
}

static void roundtrip(const pm_content *c, const intake *in)
{
    char *json = render_json(c, in);
    intake back;
    int64_t when = 0;
    pm_msg err = { "" };
    pm_status st = summary_parse_json(c, json, &back, &when, &err);
    if (st != PM_OK)
        fail_msg("parse failed: %s", err.text);
    assert_int_equal(when, T0);
    assert_intake_equal(in, &back);
    char *again = render_json(c, &back);
    assert_string_equal(json, again); /* stable: same record, same bytes */
    free(json);
    free(again);
}

static void test_roundtrip_rich(void **state)
{
    intake in;
    rich_intake(*state, &in);
    roundtrip(*state, &in);
}

static void test_roundtrip_empty_and_none(void **state)
{
    const pm_content *c = *state;
    intake in;
    intake_init(&in, "en");
    roundtrip(c, &in);
    intake_choose_none(&in);
    in.consent = false;
    roundtrip(c, &in);
}

/* Render the rich record, change one thing with cJSON, parse: it must fail
 * with a message containing `want`. */
typedef void (*mutator)(cJSON *root);

static void expect_rejected(const pm_content *c, mutator mutate, const char *want)
{
    intake in;
    rich_intake(c, &in);
    char *json = render_json(c, &in);
    cJSON *root = cJSON_Parse(json);
    free(json);
    mutate(root);
    json = cJSON_Print(root);
    cJSON_Delete(root);
    pm_msg err = { "" };
    intake back;
    assert_int_equal(summary_parse_json(c, json, &back, NULL, &err), PM_ERR_INVALID);
    free(json);
    if (!strstr(err.text, want))
        fail_msg("message \"%s\" does not mention \"%s\"", err.text, want);
    assert_int_equal(back.nmarks, 0); /* never half a record */
    assert_string_equal(back.name, "");
}

static void set(cJSON *o, const char *key, cJSON *v)
{
    cJSON_ReplaceItemInObjectCaseSensitive(o, key, v);
}

static cJSON *mark0(cJSON *root)
{
    return cJSON_GetArrayItem(cJSON_GetObjectItem(root, "marks"), 0);
}

static void m_schema(cJSON *r) { set(r, "schema", cJSON_CreateString("other.thing")); }
static void m_version(cJSON *r) { set(r, "version", cJSON_CreateNumber(2)); }
static void m_version_str(cJSON *r) { set(r, "version", cJSON_CreateString("1")); }
static void m_no_marks(cJSON *r) { cJSON_DeleteItemFromObject(r, "marks"); }
static void m_region(cJSON *r) { set(mark0(r), "region", cJSON_CreateString("elbow_zz")); }
static void m_region_num(cJSON *r) { set(mark0(r), "region", cJSON_CreateNumber(3)); }
static void m_intensity(cJSON *r) { set(mark0(r), "intensity", cJSON_CreateNumber(11)); }
static void m_intensity_frac(cJSON *r) { set(mark0(r), "intensity", cJSON_CreateNumber(3.5)); }
static void m_quality(cJSON *r)
{
    cJSON_AddItemToArray(cJSON_GetObjectItem(mark0(r), "qualities"),
                         cJSON_CreateString("itchy_zz"));
}
static void m_duration(cJSON *r) { set(mark0(r), "duration", cJSON_CreateTrue()); }
static void m_twice(cJSON *r)
{
    cJSON_AddItemToArray(cJSON_GetObjectItem(r, "marks"), cJSON_Duplicate(mark0(r), 1));
}
static void m_muscle(cJSON *r)
{
    cJSON_AddItemToArray(cJSON_GetObjectItem(r, "patterns"), cJSON_CreateString("biceps_zz"));
}
static void m_none_and_patterns(cJSON *r) { set(r, "none_of_these", cJSON_CreateTrue()); }
static void m_question(cJSON *r)
{
    cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(r, "answers"), 0);
    set(a, "question", cJSON_CreateString("q_zz"));
}
static void m_answer(cJSON *r)
{
    cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(r, "answers"), 0);
    set(a, "answer", cJSON_CreateString("maybe_zz"));
}
static void m_pressure(cJSON *r) { set(r, "pressure", cJSON_CreateString("crushing_zz")); }
static void m_avoid(cJSON *r) { set(r, "avoid", cJSON_CreateObject()); }
static void m_name_long(cJSON *r)
{
    set(r, "name", cJSON_CreateString("abcdefghijabcdefghijabcdefghijabcdefghijX"));
}
static void m_name_ctrl(cJSON *r) { set(r, "name", cJSON_CreateString("a\x01" "b")); }
static void m_name_bad_utf8(cJSON *r) { set(r, "name", cJSON_CreateString("a\xc3(b")); }
static void m_lang(cJSON *r) { set(r, "language", cJSON_CreateString("EN<x>")); }
static void m_sig_point(cJSON *r)
{
    cJSON *strokes = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "signature"), "strokes");
    int xy[2] = { 5000, 1 };
    cJSON_AddItemToArray(cJSON_GetArrayItem(strokes, 0), cJSON_CreateIntArray(xy, 2));
}
static void m_epoch(cJSON *r) { set(r, "saved_at_epoch", cJSON_CreateNumber(-5)); }
static void m_consent(cJSON *r) { set(r, "consent", cJSON_CreateString("yes")); }
static void m_flags(cJSON *r) { set(r, "flags", cJSON_CreateString("urgent")); }

static void test_parse_rejects_with_clear_messages(void **state)
{
    const pm_content *c = *state;
    expect_rejected(c, m_schema, "$.schema: is 'other.thing'");
    expect_rejected(c, m_version, "$.version: is 2; this program reads version 1 only");
    expect_rejected(c, m_version_str, "$.version: should be the number 1");
    expect_rejected(c, m_no_marks, "$: missing field \"marks\"");
    expect_rejected(c, m_region, "$.marks[0].region: no region 'elbow_zz'");
    expect_rejected(c, m_region_num, "$.marks[0].region: should be a string");
    expect_rejected(c, m_intensity, "$.marks[0].intensity: should be a whole number");
    expect_rejected(c, m_intensity_frac, "$.marks[0].intensity");
    expect_rejected(c, m_quality, "no quality 'itchy_zz'");
    expect_rejected(c, m_duration, "$.marks[0].duration: should be a duration id or null");
    expect_rejected(c, m_twice, "is marked twice");
    expect_rejected(c, m_muscle, "no muscle 'biceps_zz'");
    expect_rejected(c, m_none_and_patterns, "$.none_of_these");
    expect_rejected(c, m_question, "$.answers[0].question: no question 'q_zz'");
    expect_rejected(c, m_answer, "has no answer 'maybe_zz'");
    expect_rejected(c, m_pressure, "$.pressure: no pressure 'crushing_zz'");
    expect_rejected(c, m_avoid, "$.avoid: should be an array");
    expect_rejected(c, m_name_long, "$.name: is longer than");
    expect_rejected(c, m_name_ctrl, "$.name: contains control characters");
    expect_rejected(c, m_name_bad_utf8, "$.name: is not valid UTF-8");
    expect_rejected(c, m_lang, "$.language");
    expect_rejected(c, m_sig_point, "$.signature.strokes[0][21]");
    expect_rejected(c, m_epoch, "$.saved_at_epoch");
    expect_rejected(c, m_consent, "$.consent: should be true or false");
    expect_rejected(c, m_flags, "$.flags: should be an array");
}

static void expect_text_rejected(const pm_content *c, const char *text, const char *want)
{
    pm_msg err = { "" };
    intake back;
    assert_int_equal(summary_parse_json(c, text, &back, NULL, &err), PM_ERR_INVALID);
    if (!strstr(err.text, want))
        fail_msg("message \"%s\" does not mention \"%s\"", err.text, want);
}

static void test_parse_malformed(void **state)
{
    const pm_content *c = *state;
    expect_text_rejected(c, "", "not valid JSON");
    expect_text_rejected(c, "{\"schema\": \"painmap.intake\",\n \"version\": 1,", "line 2");
    expect_text_rejected(c, "[1, 2]", "$: should be an object");
    expect_text_rejected(c, "{} trailing", "not valid JSON");
    expect_text_rejected(c, "{}", "missing field \"schema\"");
    expect_text_rejected(c, "{\"schema\": 7}", "$.schema: should be a string");
    expect_text_rejected(c, "\"painmap.intake\"", "should be an object");
    expect_text_rejected(c, NULL, "no text");
    /* deep nesting is refused by the parser, not by the stack */
    char deep[5001];
    memset(deep, '[', 5000);
    deep[5000] = '\0';
    expect_text_rejected(c, deep, "not valid JSON");
}

/* A small deterministic fuzz: every prefix of a valid record, and many
 * random byte changes, must be parsed or refused with a message; never a
 * crash (the sanitizer build checks memory on the way). */
static uint32_t rng(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

static void parse_must_not_crash(const pm_content *c, const char *text)
{
    pm_msg err = { "" };
    intake back;
    pm_status st = summary_parse_json(c, text, &back, NULL, &err);
    assert_true(st == PM_OK || st == PM_ERR_INVALID);
    if (st != PM_OK)
        assert_true(err.text[0] != '\0');
}

static void test_parse_survives_garbage(void **state)
{
    const pm_content *c = *state;
    intake in;
    rich_intake(c, &in);
    char *json = render_json(c, &in);
    size_t len = strlen(json);
    char *buf = malloc(len + 1);
    assert_non_null(buf);
    for (size_t cut = 0; cut < len; cut++) {
        memcpy(buf, json, cut);
        buf[cut] = '\0';
        pm_msg err = { "" };
        intake back;
        assert_int_equal(summary_parse_json(c, buf, &back, NULL, &err), PM_ERR_INVALID);
    }
    static const char alphabet[] = "{}[]\",:0123456789.-eE ntrufals\\u\xc3\xff";
    uint32_t seed = 12345;
    for (int round = 0; round < 3000; round++) {
        memcpy(buf, json, len + 1);
        int changes = 1 + (int)(rng(&seed) % 4);
        for (int k = 0; k < changes; k++)
            buf[rng(&seed) % len] = alphabet[rng(&seed) % (sizeof alphabet - 1)];
        parse_must_not_crash(c, buf);
    }
    free(buf);
    free(json);
}

/* ---- HTML ------------------------------------------------------------- */

/* The staff text as it appears in the page (escaped). */
static char *escaped(const char *s)
{
    summary_buf b = { 0 };
    assert_int_equal(summary_buf_escape(&b, s), PM_OK);
    return b.data ? b.data : strdup("");
}

static const char *find_escaped(const char *html, const char *text)
{
    char *e = escaped(text);
    const char *at = strstr(html, e);
    if (!at)
        fail_msg("the page does not show \"%s\"", e);
    free(e);
    return at;
}

static void test_buf_escape(void **state)
{
    (void)state;
    summary_buf b = { 0 };
    assert_int_equal(summary_buf_escape(&b, "a&b<c>\"d'e \xc3\xa9\x01\tz"), PM_OK);
    assert_string_equal(b.data, "a&amp;b&lt;c&gt;&quot;d&#39;e \xc3\xa9\tz");
    assert_int_equal(summary_buf_printf(&b, "|%d|", 42), PM_OK);
    assert_string_equal(b.data + b.len - 4, "|42|");
    summary_buf_free(&b);
    /* growing through many appends */
    for (int i = 0; i < 10000; i++)
        assert_int_equal(summary_buf_append(&b, "0123456789", 10), PM_OK);
    assert_int_equal(b.len, 100000);
    assert_int_equal(strlen(b.data), 100000);
    summary_buf_free(&b);
}

static void test_html_escapes_the_name(void **state)
{
    const pm_content *c = *state;
    intake in;
    rich_intake(c, &in);
    in.name[0] = '\0';
    assert_int_equal(intake_name_append(&in, "<script>alert(1)</script>"), PM_OK);
    char *html = render_html(c, &in, 0);
    assert_null(strstr(html, "<script"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    free(html);

    intake_init(&in, "en");
    assert_int_equal(intake_name_append(&in, "O'Brien & \"Sons\""), PM_OK);
    html = render_html(c, &in, 0);
    assert_non_null(strstr(html, "O&#39;Brien &amp; &quot;Sons&quot;"));
    free(html);
}

static void test_html_flags_on_top(void **state)
{
    const pm_content *c = *state;
    intake in;
    rich_intake(c, &in);
    char *html = render_html(c, &in, 0);
    int ua, aa;
    int uq = question_with_flag(c, FLAG_URGENT, -1, &ua);
    int aq = question_with_flag(c, FLAG_ATTENTION, uq, &aa);
    const char *urgent_box = strstr(html, "class=\"flag urgent\"");
    const char *attention_box = strstr(html, "class=\"flag attention\"");
    const char *table = strstr(html, "<table");
    const char *chart = strstr(html, "<svg");
    assert_non_null(urgent_box);
    assert_non_null(attention_box);
    assert_non_null(table);
    assert_true(urgent_box < attention_box); /* urgent first */
    assert_true(attention_box < chart && attention_box < table);
    /* the staff label and the answer, in the flag box, before the table */
    const char *label =
        find_escaped(html, content_text(c, 0, content_question(c, (size_t)uq)->staff_key));
    assert_true(label > urgent_box && label < attention_box);
    const char *answer = find_escaped(
        urgent_box, content_text(c, 0, content_question(c, (size_t)uq)->answer_keys[ua]));
    assert_true(answer < attention_box);
    assert_non_null(strstr(html, ".urgent { background: #fde3e0; border-color: #c62828"));
    (void)aq;
    free(html);

    /* no flags: says so */
    intake_init(&in, "en");
    html = render_html(c, &in, 0);
    assert_null(strstr(html, "class=\"flag "));
    assert_non_null(strstr(html, "class=\"noflags\""));
    free(html);
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_html_shades_marked_regions(void **state)
{
    const pm_content *c = *state;
    intake in;
    rich_intake(c, &in);
    char *html = render_html(c, &in, 0);
    /* every region drawn, unmarked ones light grey */
    assert_int_equal(count(html, "<polygon"), content_region_count(c));
    assert_int_equal(count(html, "<polygon points=\"") - count(html, "fill=\"#ececec\""),
                     in.nmarks);
    /* the first mark (intensity 8) in its band's colour, with its label */
    char fill[32];
    snprintf(fill, sizeof fill, "fill=\"#%06x\"", content_band_for(c, 8)->colour);
    const char *poly = strstr(html, fill);
    assert_non_null(poly);
    find_escaped(html, content_text(c, 0, content_band_for(c, 8)->label_key));
    find_escaped(html, content_text(c, 0, content_region(c, (size_t)in.marks[0].region)->term_key));
    /* the numbered badge for each mark */
    assert_int_equal(count(html, "<circle"), in.nmarks);
    /* the sides of the client */
    assert_true(count(html, "class=\"sides\"") == 2);
    free(html);
}

static void test_html_lists_everything(void **state)
{
    const pm_content *c = *state;
    intake in;
    rich_intake(c, &in);
    char *html = render_html(c, &in, 0);
    for (size_t i = 0; i < in.npatterns; i++)
        find_escaped(html, content_text(c, 0, content_muscle(c, (size_t)in.patterns[i])->name_key));
    for (size_t q = 0; q < content_question_count(c); q++) {
        const char *label = content_text(c, 0, content_question(c, q)->staff_key);
        if (in.answers[q] != INTAKE_UNSET || screening_applies(c, &in, (int)q)) {
            find_escaped(html, label);
        } else { /* a follow-up never asked is not listed as "not answered" */
            char *e = escaped(label);
            if (strstr(html, e))
                fail_msg("the page lists \"%s\", which was never asked", e);
            free(e);
        }
    }
    /* a question that applies and has no answer is listed as not answered */
    bool open = false;
    for (size_t q = 0; q < content_question_count(c); q++)
        open = open || screening_unanswered(c, &in, (int)q);
    assert_true(open);
    find_escaped(html, content_text(c, 0, "summary.not_answered"));
    find_escaped(html, content_text(c, 0, content_pressure(c, (size_t)in.pressure)->label_key));
    find_escaped(html, content_text(c, 0, content_avoid(c, 0)->label_key));
    find_escaped(html, rich_name);
    assert_int_equal(count(html, "<polyline"), 2); /* two signature strokes */
    assert_non_null(strstr(html, "2026-11-27 17:30 UTC"));
    free(html);

    intake_init(&in, "en");
    intake_choose_none(&in);
    html = render_html(c, &in, 0);
    assert_null(strstr(html, "<polyline"));
    assert_int_equal(count(html, "<circle"), 0);
    free(html);
}

/* Trust defect 7: a one-tap signature (one point) printed blank: a
 * polyline of one point draws nothing. A stroke that never moved is a dot. */
static void test_one_tap_signature_prints_a_dot(void **state)
{
    const pm_content *c = *state;
    intake in;
    intake_init(&in, "en");
    intake_choose_none(&in);
    in.consent = true;
    assert_int_equal(intake_sig_add(&in, 500, 200, true), PM_OK);
    char *html = render_html(c, &in, 0);
    assert_null(strstr(html, "<polyline"));
    assert_non_null(strstr(html, "<circle class=\"dot\" cx=\"500\" cy=\"200\""));
    free(html);
    /* a tap that recorded the same spot twice, then a real stroke */
    assert_int_equal(intake_sig_add(&in, 500, 200, false), PM_OK);
    assert_int_equal(intake_sig_add(&in, 100, 100, true), PM_OK);
    assert_int_equal(intake_sig_add(&in, 300, 150, false), PM_OK);
    html = render_html(c, &in, 0);
    assert_int_equal(count(html, "<circle class=\"dot\""), 1);
    assert_int_equal(count(html, "<polyline"), 1);
    assert_non_null(strstr(html, "<polyline points=\"100,100 300,150\"/>"));
    free(html);
}

/* Set PAINMAP_SUMMARY_SAMPLE=/path.html to keep this page and look at it. */
static void test_html_one_page_self_contained(void **state)
{
    const pm_content *c = *state;
    intake in;
    rich_intake(c, &in);
    char *html = render_html(c, &in, 0);
    assert_true(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    /* trust defect 5: no paper size is forced (Letter was never laid out) */
    assert_non_null(strstr(html, "@page { margin: 10mm }"));
    assert_null(strstr(html, "size: A4"));
    assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
    assert_null(strstr(html, "http"));
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "href="));
    assert_null(strstr(html, "url("));
    assert_null(strstr(html, "@import"));
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<img"));
    assert_null(strstr(html, "<link"));
    assert_non_null(strstr(html, "</html>\n"));
    const char *sample = getenv("PAINMAP_SUMMARY_SAMPLE"); /* for a person to look at */
    if (sample) {
        FILE *f = fopen(sample, "wb");
        assert_non_null(f);
        fputs(html, f);
        assert_int_equal(fclose(f), 0);
    }
    free(html);
}

/* A long intake is set in smaller type so it still fits one page. */
static void test_html_gets_denser_when_long(void **state)
{
    const pm_content *c = *state;
    intake in;
    intake_init(&in, "en");
    char *html = render_html(c, &in, 0);
    assert_non_null(strstr(html, "<body>"));
    free(html);
    for (size_t r = 0; r < content_region_count(c) && in.nmarks < INTAKE_MAX_MARKS; r++)
        mark(&in, (int)r, (int)(r % 11), 0x3u, 0);
    html = render_html(c, &in, 0);
    assert_null(strstr(html, "<body>"));
    assert_non_null(strstr(html, "<body class=\"d"));
    assert_int_equal(count(html, "<circle"), in.nmarks);
    free(html);
}

/* Trust defect 5: the heaviest intake the kiosk can make (32 areas with
 * every feeling, every safety answer flagged) printed 3 pages. It gets
 * the compact layout, which says what it shortened and where the rest is;
 * nothing is left out (tests/print prints it on A4 and Letter). */
static void test_heaviest_intake_is_compact_and_complete(void **state)
{
    const pm_content *c = *state;
    intake in;
    intake_init(&in, "en");
    uint32_t all = 0;
    for (size_t q = 0; q < content_quality_count(c); q++)
        all |= UINT32_C(1) << q;
    for (size_t r = 0; r < content_region_count(c) && in.nmarks < INTAKE_MAX_MARKS; r++)
        mark(&in, (int)r, (int)(r % 11), all, 0);
    for (size_t q = 0; q < content_question_count(c); q++)
        in.answers[q] = 0; /* "yes": flagged */
    in.consent = true;
    char *html = render_html(c, &in, 0);
    assert_non_null(strstr(html, "<body class=\"d2 d3\">"));
    assert_non_null(strstr(html, "class=\"flist two\""));
    find_escaped(html, content_text(c, 0, "summary.shortened"));
    find_escaped(html, content_text(c, 0, "summary.flagged_above"));
    /* every area by its anatomical name, every feeling in the key */
    for (size_t s = 0; s < in.nmarks; s++)
        find_escaped(html, content_text(c, 0, content_region(c, (size_t)in.marks[s].region)->term_key));
    for (size_t q = 0; q < content_quality_count(c); q++)
        find_escaped(html, content_text(c, 0, content_quality(c, q)->label_key));
    assert_int_equal(count(html, "<li><span class=\"n\">"), in.nmarks);
    char all_letters[16];
    snprintf(all_letters, sizeof all_letters, "A\xe2\x80\x93%c",
             (char)('A' + content_quality_count(c) - 1));
    assert_int_equal(count(html, all_letters), in.nmarks);
    /* every flagged question once, on top */
    for (size_t q = 0; q < content_question_count(c); q++)
        assert_int_equal(count(html, content_text(c, 0, content_question(c, q)->staff_key)), 1);
    free(html);
}

static void test_html_in_staff_language(void **state)
{
    const pm_content *c = *state;
    intake in;
    rich_intake(c, &in);
    for (size_t lang = 0; lang < content_lang_count(c); lang++) {
        char *html = render_html(c, &in, (int)lang);
        char attr[32];
        snprintf(attr, sizeof attr, "<html lang=\"%s\">", content_lang_code(c, lang));
        assert_non_null(strstr(html, attr));
        const pm_region *r = content_region(c, (size_t)in.marks[0].region);
        find_escaped(html, content_text(c, (int)lang, r->label_key));
        /* no heading key leaks out as raw text */
        assert_null(strstr(html, ">summary."));
        free(html);
    }
}

/* Every heading key the page uses is listed, with English text; where the
 * content has the key, the page shows the content's string. */
static void test_text_keys(void **state)
{
    const pm_content *c = *state;
    size_t n = summary_text_key_count();
    assert_true(n >= 20);
    for (size_t i = 0; i < n; i++) {
        const char *en = NULL;
        const char *key = summary_text_key(i, &en);
        assert_non_null(key);
        assert_true(strncmp(key, "summary.", 8) == 0);
        assert_true(en && en[0]);
    }
    assert_null(summary_text_key(n, NULL));
    intake in;
    rich_intake(c, &in);
    char *html = render_html(c, &in, 0);
    const char *en = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *key = summary_text_key(i, &en);
        if (strcmp(key, "summary.flags") == 0)
            find_escaped(html, content_has_text(c, 0, key) ? content_text(c, 0, key) : en);
    }
    free(html);
}

static void test_render_refuses_broken_intake(void **state)
{
    const pm_content *c = *state;
    intake in;
    char *out = (char *)"untouched";
    rich_intake(c, &in);
    in.marks[1].region = (int16_t)content_region_count(c);
    assert_int_equal(summary_render_json(c, &in, T0, &out), PM_ERR_INVALID);
    assert_null(out);
    assert_int_equal(summary_render_html(c, &in, T0, 0, &out), PM_ERR_INVALID);
    rich_intake(c, &in);
    in.answers[0] = 4;
    assert_int_equal(summary_render_json(c, &in, T0, &out), PM_ERR_INVALID);
    rich_intake(c, &in);
    in.marks[0].qualities |= UINT32_C(1) << 31;
    if (content_quality_count(c) < 32)
        assert_int_equal(summary_render_json(c, &in, T0, &out), PM_ERR_INVALID);
    rich_intake(c, &in); /* what the parser would refuse is never written */
    in.marks[1].region = in.marks[0].region;
    assert_int_equal(summary_render_json(c, &in, T0, &out), PM_ERR_INVALID);
    rich_intake(c, &in);
    in.none_of_these = true;
    assert_int_equal(summary_render_json(c, &in, T0, &out), PM_ERR_INVALID);
    rich_intake(c, &in);
    in.name[1] = '\n';
    assert_int_equal(summary_render_json(c, &in, T0, &out), PM_ERR_INVALID);
    rich_intake(c, &in);
    memset(in.name, 'a', sizeof in.name); /* no terminator */
    assert_int_equal(summary_render_html(c, &in, T0, 0, &out), PM_ERR_INVALID);
    rich_intake(c, &in);
    assert_int_equal(summary_render_json(c, &in, -1, &out), PM_ERR_INVALID);
    assert_int_equal(summary_render_html(c, &in, T0, 99, &out), PM_ERR_INVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_fields),
        cmocka_unit_test(test_json_has_no_indices_of_unset_things),
        cmocka_unit_test(test_roundtrip_rich),
        cmocka_unit_test(test_roundtrip_empty_and_none),
        cmocka_unit_test(test_parse_rejects_with_clear_messages),
        cmocka_unit_test(test_parse_malformed),
        cmocka_unit_test(test_parse_survives_garbage),
        cmocka_unit_test(test_buf_escape),
        cmocka_unit_test(test_html_escapes_the_name),
        cmocka_unit_test(test_html_flags_on_top),
        cmocka_unit_test(test_html_shades_marked_regions),
        cmocka_unit_test(test_html_lists_everything),
        cmocka_unit_test(test_html_one_page_self_contained),
        cmocka_unit_test(test_html_gets_denser_when_long),
        cmocka_unit_test(test_html_in_staff_language),
        cmocka_unit_test(test_text_keys),
        cmocka_unit_test(test_one_tap_signature_prints_a_dot),
        cmocka_unit_test(test_heaviest_intake_is_compact_and_complete),
        cmocka_unit_test(test_render_refuses_broken_intake),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
