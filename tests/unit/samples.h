/* samples.h — sample intakes for the staff-side tests (queue, export, FHIR,
 * retention). Header-only (static functions) so no build change is needed;
 * include it after <cmocka.h>. Chooses regions, questions and choices by
 * what the content offers, not by fixed ids. */
#ifndef PM_TEST_SAMPLES_H
#define PM_TEST_SAMPLES_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "intake.h"
#include "record.h"
#include "store.h"
#include "summary.h"

typedef enum {
    SAMPLE_URGENT,    /* rich: name, 4 marks, an urgent and an attention answer, patterns,
                         preferences, signature */
    SAMPLE_ATTENTION, /* 2 marks, an attention answer, others unflagged */
    SAMPLE_PLAIN,     /* 1 mark, every answer unflagged */
    SAMPLE_EMPTY,     /* no name, nothing marked or answered */
} sample_kind;

static __attribute__((unused)) int sample_flagged_question(const pm_content *c, pm_flag level, int skip, int *answer)
{
    /* Always written, also when no question matches (-1 is returned and the
     * caller's assert fails): an optimising build otherwise sees a read of
     * an unset variable after an assert it does not know stops the test. */
    *answer = -1;
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

static __attribute__((unused)) void sample_answer_all_unflagged(const pm_content *c, intake *in)
{
    for (size_t q = 0; q < content_question_count(c); q++) {
        const pm_question *qu = content_question(c, q);
        for (size_t a = 0; a < qu->nanswers; a++)
            if (qu->answer_flags[a] == FLAG_NONE) {
                in->answers[q] = (int8_t)a;
                break;
            }
    }
}

static __attribute__((unused)) void sample_mark(intake *in, int region, int intensity, uint32_t qualities, int duration)
{
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

static __attribute__((unused)) void sample_intake(const pm_content *c, intake *in, sample_kind kind, const char *name)
{
    intake_init(in, "en");
    if (kind == SAMPLE_EMPTY)
        return;
    if (name)
        assert_int_equal(intake_name_append(in, name), PM_OK);
    size_t nr = content_region_count(c), nq = content_quality_count(c);
    size_t nd = content_duration_count(c);
    sample_answer_all_unflagged(c, in);
    sample_mark(in, 0, 7, nq >= 3 ? 0x5u : 0x1u, nd ? 0 : INTAKE_UNSET);
    if (kind == SAMPLE_PLAIN)
        return;
    sample_mark(in, (int)(nr / 2), 0, 0, INTAKE_UNSET);
    int a1, a2;
    int uq = sample_flagged_question(c, FLAG_URGENT, -1, &a1);
    int aq = sample_flagged_question(c, FLAG_ATTENTION, uq, &a2);
    assert_true(aq >= 0);
    in->answers[aq] = (int8_t)a2;
    if (kind == SAMPLE_ATTENTION)
        return;
    assert_true(uq >= 0);
    in->answers[uq] = (int8_t)a1;
    snprintf(in->lang, sizeof in->lang, "%s", content_lang_count(c) > 1 ? content_lang_code(c, 1) : "en");
    sample_mark(in, (int)nr - 1, 10, (UINT32_C(1) << nq) - 1, nd ? (int)nd - 1 : INTAKE_UNSET);
    sample_mark(in, 1, INTAKE_UNSET, 0, INTAKE_UNSET);
    in->answers[content_question_count(c) - 1] = INTAKE_UNSET; /* one skipped */
    for (int m = 0; m < 2 && (size_t)m < content_muscle_count(c); m++)
        assert_int_equal(intake_toggle_pattern(in, m), PM_OK);
    in->pressure = 0;
    in->avoid = content_avoid_count(c) >= 3 ? 0x5u : 0x1u;
    in->consent = true;
    for (int i = 0; i <= 20; i++)
        assert_int_equal(intake_sig_add(in, 80 + i * 30, 200 + (i % 4) * 25, i == 0), PM_OK);
    for (int i = 0; i <= 10; i++)
        assert_int_equal(intake_sig_add(in, 100 + i * 70, 330, i == 0), PM_OK);
}

/* Saves a sample as the kiosk does (record_save: JSON + HTML); stem gets
 * its name. */
static __attribute__((unused)) void sample_save(store *s, const pm_content *c, sample_kind kind,
                                                const char *name, int64_t saved_at,
                                                char stem[STORE_STEM_MAX])
{
    intake *in = malloc(sizeof *in);
    assert_non_null(in);
    sample_intake(c, in, kind, name);
    record_saved rec;
    pm_msg err;
    assert_int_equal(record_save(s, c, in, saved_at, 0, &rec, &err), PM_OK);
    assert_false(rec.page_missing);
    if (stem)
        memcpy(stem, rec.stem, STORE_STEM_MAX);
    intake_wipe(in);
    free(in);
}

#endif
