/* test_flow.c — every transition of the client's walk, Back from every
 * page, idle timeouts with an injected clock, edits from review, saving
 * before the reading, layouts, sections, "same as the last area", start
 * over from every page. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "flow.h"
#include "testutil.h"

static pm_content *mini;

static int setup(void **state)
{
    (void)state;
    mini = tu_load_mini();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    content_free(mini);
    return 0;
}

static uint64_t now;

static flow *new_flow(void)
{
    flow *f = NULL;
    now = 1000;
    assert_int_equal(flow_create(mini, flow_default_timing(), "en", now, &f), PM_OK);
    return f;
}

static pm_status send(flow *f, flow_event_type t, int arg)
{
    now += 100;
    return flow_send(f, t, arg, now);
}

static pm_status type_text(flow *f, const char *text)
{
    flow_event ev = {.type = EV_TYPE, .text = text};
    now += 100;
    return flow_handle(f, &ev, now);
}

static int region(const char *id)
{
    int r = content_region_index(mini, id);
    assert_true(r >= 0);
    return r;
}

/* Does whatever the current step needs to allow Next (testutil.h). */
static void satisfy(flow *f)
{
    tu_satisfy(f, mini, &now);
}

static void walk_to(flow *f, pm_screen target)
{
    tu_walk_to(f, mini, target, &now);
}

static void test_full_walk(void **state)
{
    (void)state;
    flow *f = new_flow();
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    assert_int_equal(flow_layout_now(f), FLOW_COMPACT);
    assert_int_equal(send(f, EV_SET_LANGUAGE, content_lang_index(mini, "es")), PM_OK);
    assert_int_equal(send(f, EV_START, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_ABOUT);
    assert_string_equal(flow_intake(f)->lang, "es");
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    /* name: Next is refused, with a hint, until a name is typed */
    assert_int_equal(flow_screen(f), SCREEN_NAME);
    assert_string_equal(flow_next_blocker(f), "hint.name_needed");
    assert_int_equal(send(f, EV_NEXT, 0), PM_ERR_STATE);
    assert_int_equal(type_text(f, " "), PM_OK);
    assert_int_equal(send(f, EV_NEXT, 0), PM_ERR_STATE);
    assert_int_equal(send(f, EV_BACKSPACE, 0), PM_OK);
    assert_int_equal(type_text(f, "Zoë"), PM_OK);
    assert_null(flow_next_blocker(f));
    walk_to(f, SCREEN_DETAILS);
    /* compact: two pages per marked area, in tap order: strength and how
     * long, then what it feels like */
    assert_int_equal(flow_step_count(f), 4);
    assert_int_equal(flow_intake(f)->marks[flow_detail_slot(f)].region, region("head"));
    assert_int_equal(flow_detail_asks(f), DETAIL_STRENGTH | DETAIL_DURATION);
    assert_false(flow_same_as_offered(f));
    assert_string_equal(flow_next_blocker(f), "hint.intensity_needed");
    assert_int_equal(send(f, EV_SET_INTENSITY, 11), PM_ERR_INVALID);
    assert_int_equal(send(f, EV_TOGGLE_QUALITY, 1), PM_ERR_STATE); /* not on this page */
    assert_int_equal(send(f, EV_SET_INTENSITY, 6), PM_OK);
    assert_int_equal(send(f, EV_SET_DURATION, 1), PM_OK);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_detail_slot(f), 0);
    assert_int_equal(flow_detail_asks(f), DETAIL_FEELINGS);
    assert_int_equal(send(f, EV_TOGGLE_QUALITY, 1), PM_OK);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_intake(f)->marks[flow_detail_slot(f)].region, region("calf_l"));
    assert_true(flow_same_as_offered(f));
    assert_int_equal(send(f, EV_SET_INTENSITY, 8), PM_OK);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    /* screening: the page holds both questions; Next waits for each */
    assert_int_equal(flow_screen(f), SCREEN_SCREENING);
    assert_int_equal(flow_step_count(f), 1);
    int qs[8];
    assert_int_equal(flow_page_questions(f, qs, 8), 2);
    assert_int_equal(qs[0], 0);
    assert_int_equal(qs[1], 1);
    assert_int_equal(flow_screening_part(f), PART_GATE);
    assert_string_equal(flow_next_blocker(f), "hint.answer_needed");
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, 0, 0, now), PM_OK);
    assert_non_null(flow_notice_key(f, 0)); /* urgent: its calm notice */
    assert_int_equal(flow_alert(f), -1);    /* (today's content has no "now") */
    assert_string_equal(flow_next_blocker(f), "hint.answer_needed");
    assert_int_equal(send(f, EV_NEXT, 0), PM_ERR_STATE);
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, 0, 1, now), PM_OK);
    assert_null(flow_notice_key(f, 0));
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, 0, 0, now), PM_OK);
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, 1, 7, now), PM_ERR_INVALID);
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, 5, 0, now), PM_ERR_INVALID);
    assert_int_equal(flow_send2(f, EV_ANSWER_TO, 1, 2, now), PM_OK);
    assert_null(flow_next_blocker(f));
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    /* patterns ranked from the marks: head and calf */
    assert_int_equal(flow_screen(f), SCREEN_PATTERNS);
    int cand[FLOW_MAX_CANDIDATES];
    int n = flow_candidates(f, cand, FLOW_MAX_CANDIDATES);
    assert_int_equal(n, 2);
    assert_int_equal(cand[0], content_muscle_index(mini, "calf_muscle"));
    assert_int_equal(cand[1], content_muscle_index(mini, "neck_muscle"));
    assert_int_equal(send(f, EV_TOGGLE_PATTERN, content_muscle_index(mini, "chest_muscle")),
                     PM_ERR_INVALID);
    assert_int_equal(send(f, EV_NONE_OF_THESE, 0), PM_OK);
    assert_true(flow_intake(f)->none_of_these);
    assert_int_equal(send(f, EV_TOGGLE_PATTERN, cand[1]), PM_OK);
    assert_int_equal(send(f, EV_TOGGLE_PATTERN, cand[0]), PM_OK);
    assert_false(flow_intake(f)->none_of_these);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    /* no education here any more: it is read after the save */
    assert_int_equal(flow_screen(f), SCREEN_PREFERENCES);
    assert_int_equal(send(f, EV_SET_PRESSURE, 1), PM_OK);
    assert_int_equal(send(f, EV_TOGGLE_AVOID, 0), PM_OK);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    /* consent: signing is agreeing; clearing takes both back */
    assert_int_equal(flow_screen(f), SCREEN_CONSENT);
    assert_string_equal(flow_next_blocker(f), "hint.signature_needed");
    flow_event sig = {.type = EV_SIG_POINT, .arg = 1, .x = 10, .y = 20};
    assert_int_equal(flow_handle(f, &sig, now), PM_OK);
    assert_true(flow_intake(f)->consent);
    assert_int_equal(send(f, EV_SIG_CLEAR, 0), PM_OK);
    assert_false(flow_intake(f)->consent);
    assert_int_equal(flow_intake(f)->nsig, 0);
    satisfy(f);
    assert_int_equal(intake_sig_strokes(flow_intake(f)), 1);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_REVIEW);
    const intake *in = flow_intake(f);
    assert_string_equal(in->name, "Zoë");
    assert_int_equal(in->marks[0].intensity, 6);
    assert_int_equal(in->marks[0].qualities, 1u << 1);
    assert_int_equal(in->marks[0].duration, 1);
    assert_int_equal(in->answers[0], 0);
    assert_int_equal(in->answers[1], 2);
    assert_int_equal(in->pressure, 1);
    assert_true(in->consent);
    assert_int_equal(intake_worst_flag(in, mini), FLAG_URGENT);
    /* confirming saves at once: the saver saves, and reports */
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_SAVING);
    assert_true(flow_wants_save(f));
    assert_int_equal(send(f, EV_NEXT, 0), PM_ERR_STATE);
    assert_false(flow_saved(f));
    now += 10;
    assert_int_equal(flow_send(f, EV_SAVE_DONE, 0, now), PM_OK);
    /* the saved intake is gone from memory at once */
    assert_true(flow_saved(f));
    assert_int_equal(flow_intake(f)->nmarks, 0);
    assert_string_equal(flow_intake(f)->name, "");
    assert_int_equal(flow_saved_class(f), SCREENING_URGENT);
    /* while you wait: the chosen muscles first, then the page about the
     * calf the client marked (a complaint page tagged calf_l), then the
     * general pages */
    assert_int_equal(flow_screen(f), SCREEN_EDUCATION);
    assert_int_equal(flow_step_count(f), 5);
    bool is_muscle;
    assert_int_equal(flow_education_item(f, &is_muscle), cand[1]);
    assert_true(is_muscle);
    assert_int_equal(send(f, EV_BACK, 0), PM_ERR_STATE); /* never back into the intake */
    send(f, EV_NEXT, 0);
    assert_int_equal(flow_education_item(f, &is_muscle), cand[0]);
    assert_true(is_muscle);
    send(f, EV_NEXT, 0);
    int calf = flow_education_item(f, &is_muscle);
    assert_false(is_muscle);
    assert_string_equal(content_page(mini, (size_t)calf)->id, "complaint_calf");
    send(f, EV_NEXT, 0);
    assert_int_equal(flow_education_item(f, &is_muscle), content_education_item(mini, 0));
    assert_false(is_muscle);
    assert_int_equal(send(f, EV_BACK, 0), PM_OK);
    assert_int_equal(flow_step(f), 2);
    send(f, EV_NEXT, 0);
    send(f, EV_NEXT, 0);
    assert_int_equal(flow_education_item(f, &is_muscle), content_education_item(mini, 2));
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_THANKS);
    /* thanks returns to welcome by itself, in the default language */
    flow_send(f, EV_TICK, 0, now + 14999);
    assert_int_equal(flow_screen(f), SCREEN_THANKS);
    flow_send(f, EV_TICK, 0, now + 15000);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    assert_int_equal(flow_lang(f), 0);
    assert_int_equal(flow_resets(f), 1);
    assert_false(flow_saved(f));
    assert_int_equal(flow_saved_class(f), SCREENING_NONE);
    flow_destroy(f);
}

/* The reading after the save may be left at any time, ends on thanks, and
 * times out sooner than the intake did. */
static void test_reading_while_waiting(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_SAVING);
    assert_int_equal(flow_send(f, EV_SAVE_DONE, 0, now), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_EDUCATION);
    assert_int_equal(send(f, EV_FINISH, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_THANKS);
    assert_int_equal(send(f, EV_FINISH, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    /* idle on a reading page: the prompt after 45 s, not 90 */
    walk_to(f, SCREEN_SAVING);
    assert_int_equal(flow_send(f, EV_SAVE_DONE, 0, now), PM_OK);
    uint64_t t0 = now;
    assert_true(flow_next_deadline(f, t0) == t0 + 45000);
    flow_send(f, EV_TICK, 0, t0 + 44999);
    assert_false(flow_still_there(f));
    flow_send(f, EV_TICK, 0, t0 + 45000);
    assert_true(flow_still_there(f));
    flow_send(f, EV_TICK, 0, t0 + 65000);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    flow_destroy(f);
}

/* The pages about an area come only to a client who marked it: the head
 * alone gets the chosen muscles and the general pages, no calf page. */
static void test_area_pages_only_for_areas_marked(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_CHART);
    assert_int_equal(send(f, EV_TAP_REGION, region("head")), PM_OK);
    walk_to(f, SCREEN_SAVING);
    assert_int_equal(flow_intake(f)->nmarks, 1);
    int chosen = flow_intake(f)->npatterns;
    assert_int_equal(flow_send(f, EV_SAVE_DONE, 0, now), PM_OK);
    assert_int_equal(flow_step_count(f), chosen + 2); /* and intro, after */
    for (int i = 0; i < flow_step_count(f); i++) {
        bool is_muscle;
        int item = flow_education_item(f, &is_muscle);
        if (!is_muscle)
            assert_string_not_equal(content_page(mini, (size_t)item)->id, "complaint_calf");
        send(f, EV_NEXT, 0);
    }
    assert_int_equal(flow_screen(f), SCREEN_THANKS);
    flow_destroy(f);
}

/* Roomy: one page an area and more questions a page; a change of layout
 * mid-way keeps the client on the same area. */
static void test_layouts(void **state)
{
    (void)state;
    assert_int_equal(flow_layout_for_size(800, 480, false), FLOW_COMPACT);
    assert_int_equal(flow_layout_for_size(1024, 600, false), FLOW_ROOMY);
    assert_int_equal(flow_layout_for_size(1280, 800, false), FLOW_ROOMY);
    assert_int_equal(flow_layout_for_size(720, 1280, false), FLOW_ROOMY);
    assert_int_equal(flow_layout_for_size(480, 800, false), FLOW_COMPACT);
    assert_int_equal(flow_layout_for_size(1280, 800, true), FLOW_COMPACT);
    flow *f = new_flow();
    assert_int_equal(flow_send(f, EV_SET_LAYOUT, 7, now), PM_ERR_INVALID);
    assert_int_equal(flow_send(f, EV_SET_LAYOUT, FLOW_ROOMY, now), PM_OK);
    walk_to(f, SCREEN_DETAILS);
    assert_int_equal(flow_step_count(f), 2);
    assert_int_equal(flow_detail_asks(f), DETAIL_STRENGTH | DETAIL_DURATION | DETAIL_FEELINGS);
    send(f, EV_SET_INTENSITY, 4);
    send(f, EV_TOGGLE_QUALITY, 0);
    send(f, EV_SET_DURATION, 2);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_detail_slot(f), 1);
    /* larger text: compact, the same area's first page */
    assert_int_equal(flow_send(f, EV_SET_LAYOUT, FLOW_COMPACT, now), PM_OK);
    assert_int_equal(flow_detail_slot(f), 1);
    assert_int_equal(flow_step(f), 2);
    assert_int_equal(flow_detail_asks(f), DETAIL_STRENGTH | DETAIL_DURATION);
    send(f, EV_SET_INTENSITY, 5);
    send(f, EV_NEXT, 0);
    assert_int_equal(flow_detail_asks(f), DETAIL_FEELINGS);
    /* back to roomy from the second page: the same area */
    assert_int_equal(flow_send(f, EV_SET_LAYOUT, FLOW_ROOMY, now), PM_OK);
    assert_int_equal(flow_detail_slot(f), 1);
    assert_int_equal(flow_step(f), 1);
    /* the layout is no client activity: it does not keep the prompt away */
    uint64_t t0 = now;
    flow_send(f, EV_SET_LAYOUT, FLOW_COMPACT, t0 + 80000);
    flow_send(f, EV_TICK, 0, t0 + 90000);
    assert_true(flow_still_there(f));
    flow_destroy(f);
}

/* "Same as the last area" fills strength, feelings and how long from the
 * area before, and goes on to the next area (or the next screen). */
static void test_same_as_last_area(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_DETAILS);
    assert_int_equal(send(f, EV_SAME_AS_LAST, 0), PM_ERR_STATE); /* the first area */
    send(f, EV_SET_INTENSITY, 7);
    send(f, EV_SET_DURATION, 1);
    send(f, EV_NEXT, 0);
    send(f, EV_TOGGLE_QUALITY, 0);
    send(f, EV_TOGGLE_QUALITY, 1);
    assert_false(flow_same_as_offered(f)); /* only where the strength is asked */
    send(f, EV_NEXT, 0);
    assert_true(flow_same_as_offered(f));
    assert_int_equal(send(f, EV_SAME_AS_LAST, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_SCREENING);
    const intake_mark *m = &flow_intake(f)->marks[1];
    assert_int_equal(m->intensity, 7);
    assert_int_equal(m->duration, 1);
    assert_int_equal(m->qualities, (1u << 0) | (1u << 1));
    /* Back shows the copied feelings, on the second area's last page */
    send(f, EV_BACK, 0);
    assert_int_equal(flow_screen(f), SCREEN_DETAILS);
    assert_int_equal(flow_detail_slot(f), 1);
    assert_int_equal(flow_detail_asks(f), DETAIL_FEELINGS);
    flow_destroy(f);
}

/* Progress in named sections: the count is fixed, and walking forward
 * never goes back a section; thanks is past the review. */
static void test_sections_never_go_back(void **state)
{
    (void)state;
    flow *f = new_flow();
    int total = flow_section_count(f);
    assert_int_equal(total, 5);
    assert_string_equal(flow_section_key(f, 0), "ui.section.pain");
    assert_string_equal(flow_section_key(f, 4), "ui.section.done");
    assert_null(flow_section_key(f, 5));
    assert_int_equal(flow_section(f), -1);
    int last = -1, review = -1;
    for (int guard = 0; flow_screen(f) != SCREEN_WELCOME || guard == 0; guard++) {
        assert_true(guard < 200);
        int k = flow_section(f);
        assert_true(k >= last);
        assert_int_equal(flow_section_count(f), total);
        if (flow_screen(f) == SCREEN_REVIEW)
            review = k;
        last = k;
        if (flow_screen(f) == SCREEN_SAVING) {
            flow_send(f, EV_SAVE_DONE, 0, now);
            continue;
        }
        if (flow_screen(f) == SCREEN_THANKS) {
            assert_int_equal(k, total - 1);
            assert_true(k > review);
            break;
        }
        /* a change of layout mid-way changes pages, never the sections */
        flow_send(f, EV_SET_LAYOUT, guard % 3 == 0 ? FLOW_ROOMY : FLOW_COMPACT, now);
        assert_int_equal(flow_section(f), k);
        satisfy(f);
        send(f, flow_screen(f) == SCREEN_WELCOME ? EV_START : EV_NEXT, 0);
    }
    flow_destroy(f);
}

/* Start over from every page before the save, and from the reading and
 * thanks after it: welcome, nothing of the client left. */
static void test_start_over_from_every_page(void **state)
{
    (void)state;
    for (int stop = 1;; stop++) {
        flow *f = new_flow();
        int k = 0;
        bool past_end = false;
        while (k < stop) {
            if (flow_screen(f) == SCREEN_SAVING) {
                /* a save in progress cannot be left */
                assert_int_equal(send(f, EV_START_OVER, 0), PM_ERR_STATE);
                flow_send(f, EV_SAVE_DONE, 0, now);
            } else if (flow_screen(f) == SCREEN_THANKS) {
                past_end = true;
                break;
            } else {
                satisfy(f);
                send(f, flow_screen(f) == SCREEN_WELCOME ? EV_START : EV_NEXT, 0);
            }
            k++;
        }
        if (flow_screen(f) == SCREEN_SAVING) {
            assert_int_equal(send(f, EV_START_OVER, 0), PM_ERR_STATE);
            flow_destroy(f);
            continue;
        }
        unsigned resets = flow_resets(f);
        pm_screen at = flow_screen(f);
        assert_int_equal(send(f, EV_START_OVER, 0), PM_OK);
        assert_int_equal(flow_screen(f), SCREEN_WELCOME);
        assert_int_equal(flow_resets(f), resets + 1);
        intake fresh;
        intake_init(&fresh, "en");
        assert_memory_equal(flow_intake(f), &fresh, sizeof fresh);
        assert_false(flow_saved(f));
        assert_int_equal(flow_lang(f), 0);
        (void)at;
        flow_destroy(f);
        if (past_end)
            break;
        assert_true(stop < 100);
    }
}

typedef struct {
    pm_screen screen;
    int step;
} position;

/* Walks forward from welcome to saving, recording every position. */
static int record_walk(position *out, int max)
{
    flow *f = new_flow();
    int n = 0;
    while (n < max) {
        out[n++] = (position){flow_screen(f), flow_step(f)};
        if (flow_screen(f) == SCREEN_SAVING)
            break;
        satisfy(f);
        assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    }
    flow_destroy(f);
    return n;
}

static void test_back_from_every_step(void **state)
{
    (void)state;
    position walk[64];
    int n = record_walk(walk, 64);
    assert_true(n > 12);
    for (int i = 1; i < n; i++) {
        flow *f = new_flow();
        for (int k = 0; k < i; k++) {
            satisfy(f);
            assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
        }
        assert_int_equal(flow_screen(f), walk[i].screen);
        if (walk[i].screen == SCREEN_SAVING) {
            /* a save in progress cannot be backed out of, nor a failed
             * one: its review would wait there for the next person */
            assert_int_equal(send(f, EV_BACK, 0), PM_ERR_STATE);
            flow_send(f, EV_SAVE_FAILED, 1, now);
            assert_int_equal(send(f, EV_BACK, 0), PM_ERR_STATE);
            assert_int_equal(flow_screen(f), SCREEN_SAVING);
        } else {
            assert_int_equal(send(f, EV_BACK, 0), PM_OK);
            if (flow_screen(f) != walk[i - 1].screen || flow_step(f) != walk[i - 1].step)
                fail_msg("Back from %s step %d went to %s step %d, expected %s step %d",
                         content_screen_name(walk[i].screen), walk[i].step,
                         content_screen_name(flow_screen(f)), flow_step(f),
                         content_screen_name(walk[i - 1].screen), walk[i - 1].step);
        }
        flow_destroy(f);
    }
    /* Back on welcome stays on welcome; Back on thanks finishes */
    flow *f = new_flow();
    assert_int_equal(send(f, EV_BACK, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    walk_to(f, SCREEN_SAVING);
    flow_send(f, EV_SAVE_DONE, 0, now);
    assert_int_equal(flow_screen(f), SCREEN_EDUCATION);
    send(f, EV_FINISH, 0);
    assert_int_equal(flow_screen(f), SCREEN_THANKS);
    assert_int_equal(send(f, EV_BACK, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    flow_destroy(f);
}

/* Welcome never times out: Back onto it must leave nothing for the next
 * person (monkey regression back-to-welcome-keeps-intake). */
static void test_back_onto_welcome_starts_over(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_DETAILS);
    assert_true(flow_intake(f)->nmarks > 0);
    assert_true(intake_name_given(flow_intake(f)));
    unsigned resets = flow_resets(f);
    while (flow_screen(f) != SCREEN_WELCOME)
        assert_int_equal(send(f, EV_BACK, 0), PM_OK);
    assert_int_equal(flow_resets(f), resets + 1);
    assert_int_equal(flow_intake(f)->nmarks, 0);
    assert_false(intake_name_given(flow_intake(f)));
    assert_int_equal(flow_view(f), VIEW_FRONT);
    /* Back on welcome itself changes nothing more */
    assert_int_equal(send(f, EV_BACK, 0), PM_OK);
    assert_int_equal(flow_resets(f), resets + 1);
    flow_destroy(f);
}

/* A touch that only changes how a screen is shown keeps the client's time
 * (monkey regression presentation-taps-are-not-activity). */
static void test_presentation_touch_is_activity(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_NAME);
    uint64_t t0 = now;
    flow_send(f, EV_TICK, 0, t0 + 60000);
    assert_int_equal(flow_send(f, EV_TOUCH, 0, t0 + 60000), PM_OK);
    flow_send(f, EV_TICK, 0, t0 + 120000);
    assert_false(flow_still_there(f)); /* 60 s since the touch, not 120 */
    assert_int_equal(flow_screen(f), SCREEN_NAME);
    flow_send(f, EV_TICK, 0, t0 + 150000);
    assert_true(flow_still_there(f)); /* 90 s after it, the prompt */
    flow_destroy(f);
}

static void test_idle_prompt_then_reset(void **state)
{
    (void)state;
    flow *f = new_flow();
    /* welcome never times out */
    flow_send(f, EV_TICK, 0, now + 3600000);
    assert_false(flow_still_there(f));
    now += 3600000;
    walk_to(f, SCREEN_DETAILS);
    assert_int_equal(flow_intake(f)->nmarks, 2);
    uint64_t t0 = now;
    flow_send(f, EV_TICK, 0, t0 + 89999);
    assert_false(flow_still_there(f));
    flow_send(f, EV_TICK, 0, t0 + 90000);
    assert_true(flow_still_there(f));
    assert_int_equal(flow_grace_left(f, t0 + 95000), 15000);
    /* the client answers: carry on where they were */
    assert_int_equal(flow_send(f, EV_STILL_HERE, 0, t0 + 96000), PM_OK);
    assert_false(flow_still_there(f));
    assert_int_equal(flow_screen(f), SCREEN_DETAILS);
    assert_int_equal(flow_intake(f)->nmarks, 2);
    /* nobody answers this time: everything goes */
    flow_send(f, EV_TICK, 0, t0 + 96000 + 90000);
    assert_true(flow_still_there(f));
    flow_send(f, EV_TICK, 0, t0 + 96000 + 90000 + 19999);
    assert_int_equal(flow_screen(f), SCREEN_DETAILS);
    flow_send(f, EV_TICK, 0, t0 + 96000 + 90000 + 20000);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    assert_false(flow_still_there(f));
    const intake *in = flow_intake(f);
    assert_int_equal(in->nmarks, 0);
    assert_string_equal(in->name, "");
    assert_int_equal(in->answers[0], INTAKE_UNSET);
    assert_int_equal(flow_resets(f), 1);
    flow_destroy(f);
}

static void test_client_can_start_over(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_SCREENING);
    assert_int_equal(send(f, EV_START_OVER, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    assert_int_equal(flow_intake(f)->nmarks, 0);
    flow_destroy(f);
}

static void test_failed_save_keeps_intake_and_retries(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_SAVING);
    flow_send(f, EV_SAVE_FAILED, 0, now);
    assert_true(flow_save_failed(f));
    assert_false(flow_wants_save(f));
    /* hours pass: nothing is discarded while the intake is not on disk */
    flow_send(f, EV_TICK, 0, now + 6 * 3600 * 1000ull);
    assert_int_equal(flow_screen(f), SCREEN_SAVING);
    assert_int_equal(flow_intake(f)->nmarks, 2);
    assert_string_equal(flow_intake(f)->name, "José");
    now += 6 * 3600 * 1000ull;
    assert_int_equal(send(f, EV_RETRY_SAVE, 0), PM_OK);
    assert_true(flow_wants_save(f));
    assert_int_equal(flow_send(f, EV_SAVE_DONE, 0, now), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_EDUCATION);
    flow_destroy(f);
}

/* Issue 17 defect 10: a failed save the saver keeps (arg 1) lets its
 * screen time out like any other: the idle prompt, then welcome with
 * nothing of the client left in the flow; never Back to the review. */
static void test_kept_failed_save_times_out_to_welcome(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_SAVING);
    /* not kept: Start over cannot wipe it either */
    flow_send(f, EV_SAVE_FAILED, 0, now);
    assert_false(flow_save_kept(f));
    assert_int_equal(send(f, EV_START_OVER, 0), PM_ERR_STATE);
    assert_int_equal(send(f, EV_RETRY_SAVE, 0), PM_OK);
    /* kept: counts from the failure, prompts, then wipes */
    flow_send(f, EV_SAVE_FAILED, 1, now);
    assert_true(flow_save_kept(f));
    const uint64_t failed_at = now;
    assert_true(flow_next_deadline(f, now) == failed_at + 90000);
    flow_send(f, EV_TICK, 0, failed_at + 89999);
    assert_false(flow_still_there(f));
    flow_send(f, EV_TICK, 0, failed_at + 90000);
    assert_true(flow_still_there(f));
    assert_int_equal(flow_screen(f), SCREEN_SAVING);
    unsigned resets = flow_resets(f);
    flow_send(f, EV_TICK, 0, failed_at + 90000 + 20000);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    assert_int_equal(flow_resets(f), resets + 1);
    assert_int_equal(flow_intake(f)->nmarks, 0);
    assert_string_equal(flow_intake(f)->name, "");
    flow_destroy(f);
}

/* The saver saved the failed intake by itself while its screen still
 * showed: the screen moves on to thanks. */
static void test_failed_save_done_later_moves_on(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_SAVING);
    flow_send(f, EV_SAVE_FAILED, 1, now);
    assert_int_equal(flow_send(f, EV_SAVE_DONE, 0, now + 30000), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_EDUCATION);
    assert_false(flow_save_failed(f));
    assert_int_equal(flow_intake(f)->nmarks, 0);
    /* and a second report changes nothing */
    assert_int_equal(flow_send(f, EV_SAVE_DONE, 0, now + 30001), PM_ERR_STATE);
    flow_destroy(f);
}

static void test_edit_from_review_goes_there_and_back(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_REVIEW);
    flow_event ev = {.type = EV_EDIT, .arg = SCREEN_DETAILS, .arg2 = 2};
    assert_int_equal(flow_handle(f, &ev, now), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_DETAILS);
    assert_int_equal(flow_detail_slot(f), 1);
    assert_true(flow_editing(f));
    send(f, EV_SET_INTENSITY, 9);
    /* both pages of the area, then back to the review */
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_detail_asks(f), DETAIL_FEELINGS);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_REVIEW);
    assert_int_equal(flow_intake(f)->marks[1].intensity, 9);
    /* edit the chart, add a region: its details are asked, then review */
    ev = (flow_event){.type = EV_EDIT, .arg = SCREEN_CHART, .arg2 = 0};
    assert_int_equal(flow_handle(f, &ev, now), PM_OK);
    send(f, EV_SET_VIEW, VIEW_FRONT);
    assert_int_equal(send(f, EV_TAP_REGION, region("arm_l")), PM_OK);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_DETAILS);
    assert_int_equal(flow_intake(f)->marks[flow_detail_slot(f)].region, region("arm_l"));
    send(f, EV_SET_INTENSITY, 2);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_REVIEW);
    /* Back from an edited screen also returns to review */
    ev = (flow_event){.type = EV_EDIT, .arg = SCREEN_NAME, .arg2 = 0};
    assert_int_equal(flow_handle(f, &ev, now), PM_OK);
    assert_int_equal(send(f, EV_BACK, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_REVIEW);
    /* a step that does not exist is refused */
    ev = (flow_event){.type = EV_EDIT, .arg = SCREEN_DETAILS, .arg2 = 7};
    assert_int_equal(flow_handle(f, &ev, now), PM_ERR_INVALID);
    assert_int_equal(flow_screen(f), SCREEN_REVIEW);
    flow_destroy(f);
}

static void test_events_on_the_wrong_screen_change_nothing(void **state)
{
    (void)state;
    flow *f = new_flow();
    assert_int_equal(send(f, EV_TAP_REGION, region("head")), PM_ERR_STATE);
    assert_int_equal(send(f, EV_ANSWER, 0), PM_ERR_STATE);
    assert_int_equal(type_text(f, "x"), PM_ERR_STATE);
    assert_int_equal(send(f, EV_SAVE_DONE, 0), PM_ERR_STATE);
    assert_int_equal(send(f, EV_FINISH, 0), PM_ERR_STATE);
    walk_to(f, SCREEN_CHART);
    /* a region of the other view cannot be tapped */
    assert_int_equal(send(f, EV_TAP_REGION, region("calf_l")), PM_ERR_INVALID);
    assert_int_equal(send(f, EV_TAP_REGION, 999), PM_ERR_INVALID);
    assert_int_equal(send(f, EV_START, 0), PM_ERR_STATE);
    assert_int_equal(send(f, EV_SET_LANGUAGE, 1), PM_ERR_STATE);
    assert_int_equal(flow_intake(f)->nmarks, 0);
    /* tap again to unmark */
    send(f, EV_TAP_REGION, region("head"));
    assert_int_equal(flow_last_region(f), region("head"));
    send(f, EV_TAP_REGION, region("head"));
    assert_int_equal(flow_intake(f)->nmarks, 0);
    flow_destroy(f);
}

static void test_no_marks_skips_details_and_patterns(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_CHART);
    assert_int_equal(send(f, EV_NEXT, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_SCREENING);
    send(f, EV_ANSWER, 1);
    send(f, EV_ANSWER, 1);
    send(f, EV_NEXT, 0);
    /* no patterns */
    assert_int_equal(flow_screen(f), SCREEN_PREFERENCES);
    /* and Back skips the empty screens the other way */
    send(f, EV_BACK, 0);
    assert_int_equal(flow_screen(f), SCREEN_SCREENING);
    assert_int_equal(flow_step(f), 0);
    /* no muscle pages after the save: the general pages only */
    walk_to(f, SCREEN_SAVING);
    flow_send(f, EV_SAVE_DONE, 0, now);
    assert_int_equal(flow_screen(f), SCREEN_EDUCATION);
    assert_int_equal(flow_step_count(f), 2);
    flow_destroy(f);
}

/* The shown countdown: whole seconds left, rounded up (as the prompt shows it). */
static uint32_t shown(const flow *f, uint64_t t)
{
    return (flow_grace_left(f, t) + 999) / 1000;
}

/* Sleeping until flow_next_deadline() and ticking there sees every change
 * the idle prompt makes, and nothing is ever due earlier. */
static void test_next_deadline_follows_the_idle_prompt(void **state)
{
    (void)state;
    flow *f = new_flow();
    /* welcome never times out: nothing to wake for */
    assert_true(flow_next_deadline(f, now) == UINT64_MAX);
    walk_to(f, SCREEN_DETAILS);
    uint64_t t0 = now;
    assert_true(flow_next_deadline(f, t0) == t0 + 90000);
    assert_true(flow_next_deadline(f, t0 + 5000) == t0 + 90000);
    /* a client event moves it on */
    assert_int_equal(send(f, EV_SET_INTENSITY, 4), PM_OK);
    t0 = now;
    assert_true(flow_next_deadline(f, t0) == t0 + 90000);
    flow_send(f, EV_TICK, 0, t0 + 89999);
    assert_false(flow_still_there(f));
    uint64_t t = flow_next_deadline(f, t0 + 89999);
    assert_true(t == t0 + 90000);
    flow_send(f, EV_TICK, 0, t);
    assert_true(flow_still_there(f));
    /* the countdown: 20, 19, ... 1, each second exactly, then the wipe */
    int changes = 0;
    while (flow_still_there(f)) {
        uint64_t d = flow_next_deadline(f, t);
        assert_true(d > t);
        assert_true(d - t <= 1000);
        uint32_t before = shown(f, t);
        assert_int_equal(shown(f, d - 1), before); /* nothing missed before d */
        flow_send(f, EV_TICK, 0, d - 1);
        assert_true(flow_still_there(f));
        flow_send(f, EV_TICK, 0, d);
        if (flow_still_there(f))
            assert_int_equal(shown(f, d), before - 1);
        t = d;
        changes++;
        assert_true(changes <= 20);
    }
    assert_int_equal(changes, 20);
    assert_true(t == t0 + 90000 + 20000);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    assert_true(flow_next_deadline(f, t) == UINT64_MAX);
    flow_destroy(f);
}

static void test_next_deadline_with_odd_timing(void **state)
{
    (void)state;
    flow *f = NULL;
    now = 1000;
    flow_timing tm = {.idle_ms = 3000, .grace_ms = 2500, .thanks_ms = 700};
    assert_int_equal(flow_create(mini, tm, "en", now, &f), PM_OK);
    walk_to(f, SCREEN_NAME);
    uint64_t t0 = now;
    /* overdue: due now, not in the past */
    assert_true(flow_next_deadline(f, t0 + 10000) == t0 + 10000);
    flow_send(f, EV_TICK, 0, t0 + 3000);
    assert_true(flow_still_there(f));
    /* 2.5 s shows as 3, then 2 after 0.5 s, 1 after 1.5 s, wipe at 2.5 s */
    assert_int_equal(shown(f, t0 + 3000), 3);
    assert_true(flow_next_deadline(f, t0 + 3000) == t0 + 3500);
    assert_true(flow_next_deadline(f, t0 + 3500) == t0 + 4500);
    assert_true(flow_next_deadline(f, t0 + 4499) == t0 + 4500);
    assert_true(flow_next_deadline(f, t0 + 4500) == t0 + 5500);
    flow_send(f, EV_TICK, 0, t0 + 5500);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    flow_destroy(f);
}

/* Saving never times out (nothing to wake for); thanks does. */
static void test_next_deadline_saving_and_thanks(void **state)
{
    (void)state;
    flow *f = new_flow();
    walk_to(f, SCREEN_SAVING);
    assert_true(flow_next_deadline(f, now) == UINT64_MAX);
    flow_send(f, EV_SAVE_FAILED, 0, now);
    assert_true(flow_next_deadline(f, now + 3600000) == UINT64_MAX);
    assert_int_equal(send(f, EV_RETRY_SAVE, 0), PM_OK);
    assert_int_equal(flow_send(f, EV_SAVE_DONE, 0, now), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_EDUCATION);
    assert_int_equal(send(f, EV_FINISH, 0), PM_OK);
    assert_int_equal(flow_screen(f), SCREEN_THANKS);
    uint64_t d = flow_next_deadline(f, now);
    assert_true(d == now + 15000);
    flow_send(f, EV_TICK, 0, d - 1);
    assert_int_equal(flow_screen(f), SCREEN_THANKS);
    flow_send(f, EV_TICK, 0, d);
    assert_int_equal(flow_screen(f), SCREEN_WELCOME);
    flow_destroy(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_walk),
        cmocka_unit_test(test_back_from_every_step),
        cmocka_unit_test(test_idle_prompt_then_reset),
        cmocka_unit_test(test_back_onto_welcome_starts_over),
        cmocka_unit_test(test_presentation_touch_is_activity),
        cmocka_unit_test(test_client_can_start_over),
        cmocka_unit_test(test_failed_save_keeps_intake_and_retries),
        cmocka_unit_test(test_kept_failed_save_times_out_to_welcome),
        cmocka_unit_test(test_failed_save_done_later_moves_on),
        cmocka_unit_test(test_edit_from_review_goes_there_and_back),
        cmocka_unit_test(test_events_on_the_wrong_screen_change_nothing),
        cmocka_unit_test(test_no_marks_skips_details_and_patterns),
        cmocka_unit_test(test_reading_while_waiting),
        cmocka_unit_test(test_area_pages_only_for_areas_marked),
        cmocka_unit_test(test_layouts),
        cmocka_unit_test(test_same_as_last_area),
        cmocka_unit_test(test_sections_never_go_back),
        cmocka_unit_test(test_start_over_from_every_page),
        cmocka_unit_test(test_next_deadline_follows_the_idle_prompt),
        cmocka_unit_test(test_next_deadline_with_odd_timing),
        cmocka_unit_test(test_next_deadline_saving_and_thanks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
