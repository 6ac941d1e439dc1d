/* test_screening.c — the safety screening's rules (core/intake/screening.h)
 * on a small fixture: data-mini with a questions.json that has a gate, a
 * checklist and follow-ups on regions and on answers; and the flow asking
 * exactly the questions that apply. (The shipped screening's shape is in
 * test_library.c.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "flow.h"
#include "screening.h"
#include "testutil.h"

/* Question texts reuse data-mini's strings: only the structure matters. */
#define Q(id, extra, answers)                                                                 \
    "{\"id\": \"" id "\", \"text\": \"q.chest\", \"staff\": \"q.chest.staff\", "            \
    "\"notice\": \"q.chest.notice\"" extra ", \"answers\": [" answers "]}"
#define YES_CHECK "{\"id\": \"yes\", \"label\": \"answer.yes\", \"flag\": \"check\"}"
#define YES_URGENT "{\"id\": \"yes\", \"label\": \"answer.yes\", \"flag\": \"urgent\"}"
#define YES_NOW                                                                                \
    "{\"id\": \"yes\", \"label\": \"answer.yes\", \"flag\": \"urgent\", \"now\": true, "     \
    "\"notice\": \"q.thinners\"}"
#define NO "{\"id\": \"no\", \"label\": \"answer.no\"}"

static const char *const fixture =
    "{\"screening\": ["
    /* 0, 1: the gate */
    Q("unwell", "", YES_CHECK ", " NO) ", "
    Q("chest_now", "", YES_NOW ", " NO) ", "
    /* 2, 3: the checklist */
    Q("hx_cancer", ", \"part\": \"checklist\"", YES_CHECK ", " NO) ", "
    Q("hx_clot", ", \"part\": \"checklist\"", YES_CHECK ", " NO) ", "
    /* 4: back marked; 5: cancer ticked; 6: either; 7: after 5's yes */
    Q("saddle", ", \"part\": \"followup\", \"show_if_regions\": [\"back_l\"]", YES_NOW ", " NO) ", "
    Q("cancer_now", ", \"part\": \"followup\", \"show_if_answer\": {\"question\": \"hx_cancer\", "
      "\"answers\": [\"yes\"]}", YES_CHECK ", " NO) ", "
    Q("night", ", \"part\": \"followup\", \"show_if_regions\": [\"back_l\", \"calf_l\"], "
      "\"show_if_answer\": {\"question\": \"hx_cancer\", \"answers\": [\"yes\"]}",
      YES_URGENT ", " NO) ", "
    Q("oncologist", ", \"part\": \"followup\", \"show_if_answer\": {\"question\": "
      "\"cancer_now\", \"answers\": [\"yes\"]}", YES_CHECK ", " NO)
    "],"
    "\"checklist\": {\"text\": \"q.thinners\", \"none\": \"answer.unsure\"},"
    "\"qualities\": [{\"id\": \"aching\", \"label\": \"quality.aching\"}],"
    "\"durations\": [{\"id\": \"days\", \"label\": \"duration.days\"}],"
    "\"pressures\": [{\"id\": \"light\", \"label\": \"pressure.light\"}],"
    "\"avoid\": [{\"id\": \"face\", \"label\": \"avoid.face\"}],"
    "\"intensity\": [{\"min\": 0, \"max\": 10, \"label\": \"intensity.none\", "
    "\"colour\": \"#4caf50\"}]}";

enum { UNWELL, CHEST_NOW, HX_CANCER, HX_CLOT, SADDLE, CANCER_NOW, NIGHT, ONCOLOGIST };
enum { YES = 0, NO_ = 1 };

static pm_content *c;

static int setup(void **state)
{
    (void)state;
    char *tmp = tu_tempdir();
    char data[1024], mini[1024], q[1100];
    snprintf(data, sizeof data, "%s/data", tmp);
    snprintf(mini, sizeof mini, "%s/data-mini", tu_tests_dir());
    tu_copy_tree(mini, data);
    snprintf(q, sizeof q, "%s/questions.json", data);
    tu_write_file(q, fixture);
    c = tu_load_dir(data);
    tu_rmtree(tmp);
    free(tmp);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    content_free(c);
    return 0;
}

static void mark(intake *in, const char *region)
{
    assert_true(intake_toggle_region(in, content_region_index(c, region)) >= 0);
}

static void test_the_plan_follows_marks_and_answers(void **state)
{
    (void)state;
    intake in;
    intake_init(&in, "en");
    int plan[CONTENT_MAX_QUESTIONS];
    /* nobody: the gate, then the checklist */
    assert_int_equal(screening_plan(c, &in, plan, CONTENT_MAX_QUESTIONS), 4);
    assert_int_equal(plan[0], UNWELL);
    assert_int_equal(plan[3], HX_CLOT);
    screening_screen s[SCREENING_MAX_SCREENS];
    assert_int_equal(screening_screens(c, &in, s, SCREENING_MAX_SCREENS), 2);
    assert_int_equal(s[0].part, PART_GATE);
    assert_int_equal(s[0].count, 2);
    assert_int_equal(s[1].part, PART_CHECKLIST);
    assert_int_equal(s[1].first, 2);
    /* the back marked: saddle and night (either condition is enough) */
    mark(&in, "back_l");
    assert_int_equal(screening_plan(c, &in, plan, CONTENT_MAX_QUESTIONS), 6);
    assert_int_equal(plan[4], SADDLE);
    assert_int_equal(plan[5], NIGHT);
    assert_int_equal(screening_screens(c, &in, s, SCREENING_MAX_SCREENS), 3);
    assert_int_equal(s[2].count, 2);
    /* cancer ticked: its follow-up, and a follow-up of that one */
    assert_int_equal(screening_set_answer(c, &in, HX_CANCER, YES), PM_OK);
    assert_true(screening_applies(c, &in, CANCER_NOW));
    assert_false(screening_applies(c, &in, ONCOLOGIST));
    assert_int_equal(screening_set_answer(c, &in, ONCOLOGIST, YES), PM_ERR_STATE);
    assert_int_equal(screening_set_answer(c, &in, CANCER_NOW, YES), PM_OK);
    assert_int_equal(screening_set_answer(c, &in, ONCOLOGIST, YES), PM_OK);
    assert_int_equal(screening_plan(c, &in, plan, CONTENT_MAX_QUESTIONS), 8);
    /* un-ticking forgets both follow-ups, in one go */
    assert_int_equal(screening_set_answer(c, &in, HX_CANCER, NO_), PM_OK);
    assert_int_equal(in.answers[CANCER_NOW], INTAKE_UNSET);
    assert_int_equal(in.answers[ONCOLOGIST], INTAKE_UNSET);
    /* the mark taken away: pruning forgets what was asked about it */
    assert_int_equal(screening_set_answer(c, &in, SADDLE, NO_), PM_OK);
    assert_int_equal(intake_toggle_region(&in, content_region_index(c, "back_l")), -1);
    screening_prune(c, &in);
    assert_int_equal(in.answers[SADDLE], INTAKE_UNSET);
    /* bad arguments */
    assert_int_equal(screening_set_answer(c, &in, 99, 0), PM_ERR_INVALID);
    assert_int_equal(screening_set_answer(c, &in, UNWELL, 2), PM_ERR_INVALID);
    assert_int_equal(screening_set_answer(c, &in, -1, 0), PM_ERR_INVALID);
}

static void test_answers_are_classified(void **state)
{
    (void)state;
    intake in;
    intake_init(&in, "en");
    mark(&in, "calf_l");
    assert_int_equal(screening_classify(c, UNWELL, YES), SCREENING_CHECK);
    assert_int_equal(screening_classify(c, CHEST_NOW, YES), SCREENING_NOW);
    assert_int_equal(screening_classify(c, NIGHT, YES), SCREENING_URGENT);
    assert_int_equal(screening_classify(c, UNWELL, NO_), SCREENING_NONE);
    assert_int_equal(screening_classify(c, UNWELL, 7), SCREENING_NONE);
    assert_int_equal(screening_worst_class(c, &in), SCREENING_NONE);
    assert_false(screening_complete(c, &in));
    assert_int_equal(screening_set_answer(c, &in, UNWELL, YES), PM_OK);
    assert_int_equal(screening_set_answer(c, &in, NIGHT, YES), PM_OK);
    assert_int_equal(screening_set_answer(c, &in, CHEST_NOW, YES), PM_OK);
    assert_int_equal(screening_worst_class(c, &in), SCREENING_NOW);
    /* most serious first: now, urgent, check */
    int f[8];
    assert_int_equal(screening_flagged(c, &in, f, 8), 3);
    assert_int_equal(f[0], CHEST_NOW);
    assert_int_equal(f[1], NIGHT);
    assert_int_equal(f[2], UNWELL);
    /* notices: the answer's own, else the question's; none without a flag */
    assert_string_equal(screening_notice_key(c, &in, CHEST_NOW), "q.thinners");
    assert_string_equal(screening_notice_key(c, &in, UNWELL), "q.chest.notice");
    assert_null(screening_notice_key(c, &in, HX_CLOT));
    /* "None of these": the checklist answered, nothing ticked */
    screening_none_of_these(c, &in);
    assert_int_equal(in.answers[HX_CANCER], NO_);
    assert_int_equal(in.answers[HX_CLOT], NO_);
    assert_true(screening_complete(c, &in));
    /* in the record an answer meaning "now" is urgent */
    assert_int_equal(intake_worst_flag(&in, c), FLAG_URGENT);
}

/* The flow asks the plan page by page (compact: up to three yes/no
 * questions a page): the gate on one page, the checklist on one, the
 * follow-ups after it. A follow-up joins its page as soon as the answer
 * that brings it is given; "None of these" forgets what a tick brought;
 * an answer meaning "now" raises the alert, which holds the page until the
 * client goes on or takes the answer back. */
/* "No to all of these" on a page of yes/no questions: each question gets
 * its plain "no" (nothing flagged, no alert) and the next page shows. */
static void test_no_to_all_of_these(void **state)
{
    (void)state;
    flow *f = NULL;
    uint64_t t = 1000;
    assert_int_equal(flow_create(c, flow_default_timing(), "en", t, &f), PM_OK);
    while (flow_screen(f) != SCREEN_CHART) {
        if (flow_screen(f) == SCREEN_NAME)
            flow_handle(f, &(flow_event){.type = EV_TYPE, .text = "Ana"}, t);
        if (flow_screen(f) == SCREEN_WELCOME)
            assert_int_equal(flow_send(f, EV_START, 0, t), PM_OK);
        else
            assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_OK);
    }
    assert_int_equal(flow_send(f, EV_SET_VIEW, VIEW_BACK, t), PM_OK);
    assert_int_equal(flow_send(f, EV_TAP_REGION, content_region_index(c, "calf_l"), t), PM_OK);
    assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_OK);
    assert_int_equal(flow_send(f, EV_PAGE_NO, 0, t), PM_ERR_STATE); /* not a screening page */
    assert_int_equal(flow_send(f, EV_SET_INTENSITY, 5, t), PM_OK);
    while (flow_screen(f) == SCREEN_DETAILS)
        assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_OK);
    assert_int_equal(flow_screening_part(f), PART_GATE);
    /* one "no" given by hand is kept; the other is answered for the client */
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, UNWELL, NO_, t), PM_OK);
    assert_true(flow_page_no_offered(f));
    assert_int_equal(flow_send(f, EV_PAGE_NO, 0, t), PM_OK);
    assert_int_equal(flow_alert(f), -1);
    assert_int_equal(flow_intake(f)->answers[UNWELL], NO_);
    assert_int_not_equal(flow_intake(f)->answers[CHEST_NOW], INTAKE_UNSET);
    assert_int_equal(screening_worst_class(c, flow_intake(f)), SCREENING_NONE);
    assert_int_equal(flow_screening_part(f), PART_CHECKLIST);
    flow_destroy(f);
}

static void test_the_flow_asks_the_plan(void **state)
{
    (void)state;
    flow *f = NULL;
    uint64_t t = 1000;
    assert_int_equal(flow_create(c, flow_default_timing(), "en", t, &f), PM_OK);
    while (flow_screen(f) != SCREEN_CHART) {
        if (flow_screen(f) == SCREEN_NAME)
            flow_handle(f, &(flow_event){.type = EV_TYPE, .text = "Ana"}, t);
        if (flow_screen(f) == SCREEN_WELCOME)
            assert_int_equal(flow_send(f, EV_START, 0, t), PM_OK);
        else
            assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_OK);
    }
    assert_int_equal(flow_send(f, EV_SET_VIEW, VIEW_BACK, t), PM_OK);
    assert_int_equal(flow_send(f, EV_TAP_REGION, content_region_index(c, "calf_l"), t), PM_OK);
    assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_OK);
    assert_int_equal(flow_send(f, EV_SET_INTENSITY, 5, t), PM_OK);
    while (flow_screen(f) == SCREEN_DETAILS)
        assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_SCREENING);
    /* the gate (2), the checklist, the follow-ups (night: calf marked) */
    assert_int_equal(flow_step_count(f), 3);
    int qs[8];
    assert_int_equal(flow_screening_part(f), PART_GATE);
    assert_int_equal(flow_page_questions(f, qs, 8), 2);
    assert_int_equal(qs[0], UNWELL);
    assert_int_equal(qs[1], CHEST_NOW);
    assert_true(flow_page_no_offered(f)); /* nothing answered yet */
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, UNWELL, YES, t), PM_OK);
    /* a "yes" is never overwritten by "No to all of these" */
    assert_false(flow_page_no_offered(f));
    assert_int_equal(flow_send(f, EV_PAGE_NO, 0, t), PM_ERR_STATE);
    assert_int_equal(flow_intake(f)->answers[UNWELL], YES);
    assert_string_equal(flow_notice_key(f, UNWELL), "q.chest.notice"); /* a calm line */
    assert_int_equal(flow_alert(f), -1);
    /* chest pain now: the alert at once, and nothing else until it is dealt with */
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, CHEST_NOW, YES, t), PM_OK);
    assert_int_equal(flow_alert(f), CHEST_NOW);
    assert_string_equal(flow_notice_key(f, CHEST_NOW), "q.thinners"); /* the answer's own */
    assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_ERR_STATE);
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, UNWELL, NO_, t), PM_ERR_STATE);
    /* "Change my answer": the answer is gone, the page asks it again */
    assert_int_equal(flow_send(f, EV_ALERT_DONE, 1, t), PM_OK);
    assert_int_equal(flow_alert(f), -1);
    assert_int_equal(flow_intake(f)->answers[CHEST_NOW], INTAKE_UNSET);
    assert_string_equal(flow_next_blocker(f), "hint.answer_needed");
    /* "I have told them": the answer stays */
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, CHEST_NOW, YES, t), PM_OK);
    assert_int_equal(flow_send(f, EV_ALERT_DONE, 0, t), PM_OK);
    assert_int_equal(flow_intake(f)->answers[CHEST_NOW], YES);
    assert_int_equal(screening_worst_class(c, flow_intake(f)), SCREENING_NOW);
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, CHEST_NOW, NO_, t), PM_OK);
    assert_null(flow_next_blocker(f));
    assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_OK);
    /* the checklist: one page, a tick answers the whole list */
    assert_int_equal(flow_screening_part(f), PART_CHECKLIST);
    assert_int_equal(flow_page_questions(f, qs, 8), 2);
    assert_string_equal(flow_next_blocker(f), "hint.checklist_needed");
    assert_false(flow_page_no_offered(f)); /* the list has its own "None of these" */
    assert_int_equal(flow_send(f, EV_PAGE_NO, 0, t), PM_ERR_STATE);
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, HX_CANCER, YES, t), PM_ERR_STATE);
    assert_int_equal(flow_send(f, EV_TOGGLE_CHECK, HX_CANCER, t), PM_OK);
    assert_int_equal(flow_intake(f)->answers[HX_CANCER], YES);
    assert_int_equal(flow_intake(f)->answers[HX_CLOT], NO_);
    assert_null(flow_next_blocker(f));
    assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_OK);
    /* the follow-ups: cancer ticked brings cancer_now, the calf night */
    assert_int_equal(flow_screening_part(f), PART_FOLLOWUP);
    assert_int_equal(flow_page_questions(f, qs, 8), 2);
    assert_int_equal(qs[0], CANCER_NOW);
    assert_int_equal(qs[1], NIGHT);
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, CANCER_NOW, YES, t), PM_OK);
    assert_int_equal(flow_page_questions(f, qs, 8), 3); /* oncologist joins the page */
    assert_int_equal(qs[2], ONCOLOGIST);
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, NIGHT, NO_, t), PM_OK);
    assert_string_equal(flow_next_blocker(f), "hint.answer_needed");
    /* back to the list: "None of these" forgets what the tick brought */
    assert_int_equal(flow_send(f, EV_BACK, 0, t), PM_OK);
    assert_int_equal(flow_screening_part(f), PART_CHECKLIST);
    assert_int_equal(flow_send(f, EV_CHECK_NONE, 0, t), PM_OK);
    assert_int_equal(flow_screening_part(f), PART_FOLLOWUP);
    assert_int_equal(flow_intake(f)->answers[HX_CANCER], NO_);
    assert_int_equal(flow_intake(f)->answers[CANCER_NOW], INTAKE_UNSET);
    assert_int_equal(flow_intake(f)->answers[ONCOLOGIST], INTAKE_UNSET);
    assert_int_equal(flow_page_questions(f, qs, 8), 1);
    assert_int_equal(qs[0], NIGHT);
    assert_int_equal(flow_intake(f)->answers[NIGHT], NO_); /* kept: it still applies */
    assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_OK);
    assert_int_not_equal(flow_screen(f), SCREEN_SCREENING);
    assert_true(screening_complete(c, flow_intake(f)));
    flow_destroy(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_plan_follows_marks_and_answers),
        cmocka_unit_test(test_answers_are_classified),
        cmocka_unit_test(test_the_flow_asks_the_plan),
        cmocka_unit_test(test_no_to_all_of_these),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
