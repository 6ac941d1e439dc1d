/* test_walkthrough.c — the whole core together, on the shipped content: a
 * client's intake walks through the flow, is saved durably by the core's
 * saver (which moves the flow on), read back and matches what the client
 * entered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "flow.h"
#include "saver.h"
#include "store.h"
#include "summary.h"
#include "testutil.h"

static int first_region(const pm_content *c, pm_view v, int skip)
{
    for (size_t i = 0; i < content_region_count(c); i++)
        if (content_region(c, i)->view == v && skip-- == 0)
            return (int)i;
    fail();
    return -1;
}

static int answer_index(const pm_question *q, const char *id)
{
    for (size_t a = 0; a < q->nanswers; a++)
        if (strcmp(q->answer_ids[a], id) == 0)
            return (int)a;
    return 0;
}

static void test_shipped_content_walk_save_and_read_back(void **state)
{
    (void)state;
    pm_content *c = tu_load_shipped();
    uint64_t t = 5000;
    flow *f = NULL;
    assert_int_equal(flow_create(c, flow_default_timing(), "en", t, &f), PM_OK);
    int on_front = first_region(c, VIEW_FRONT, 3), on_back = first_region(c, VIEW_BACK, 5);
    for (int guard = 0; flow_screen(f) != SCREEN_SAVING && guard < 400; guard++) {
        t += 50;
        switch (flow_screen(f)) {
        case SCREEN_NAME:
            if (!intake_name_given(flow_intake(f))) {
                flow_event ev = {.type = EV_TYPE, .text = "Ana <b>Müller</b>"};
                assert_int_equal(flow_handle(f, &ev, t), PM_OK);
            }
            break;
        case SCREEN_CHART:
            if (flow_intake(f)->nmarks == 0) {
                assert_int_equal(flow_send(f, EV_TAP_REGION, on_front, t), PM_OK);
                flow_send(f, EV_SET_VIEW, VIEW_BACK, t);
                assert_int_equal(flow_send(f, EV_TAP_REGION, on_back, t), PM_OK);
            }
            break;
        case SCREEN_DETAILS:
            flow_send(f, EV_SET_INTENSITY, 4 + 3 * flow_step(f), t);
            flow_send(f, EV_TOGGLE_QUALITY, flow_step(f), t);
            flow_send(f, EV_SET_DURATION, 0, t);
            break;
        case SCREEN_SCREENING: {
            const pm_question *q = content_question(c, (size_t)flow_question(f));
            /* the first question flagged, the rest a plain "no" */
            int a = flow_step(f) == 0 ? 0 : answer_index(q, "no");
            assert_int_equal(flow_send(f, EV_ANSWER, a, t), PM_OK);
            break;
        }
        case SCREEN_PATTERNS: {
            int cand[FLOW_MAX_CANDIDATES];
            if (flow_candidates(f, cand, FLOW_MAX_CANDIDATES) > 0 && !flow_intake(f)->npatterns)
                flow_send(f, EV_TOGGLE_PATTERN, cand[0], t);
            break;
        }
        case SCREEN_PREFERENCES:
            flow_send(f, EV_SET_PRESSURE, 0, t);
            break;
        case SCREEN_CONSENT:
            if (!flow_intake(f)->consent) {
                flow_send(f, EV_TOGGLE_CONSENT, 0, t);
                flow_event ev = {.type = EV_SIG_POINT, .arg = 1, .x = 100, .y = 200};
                flow_handle(f, &ev, t);
                ev = (flow_event){.type = EV_SIG_POINT, .x = 400, .y = 150};
                flow_handle(f, &ev, t);
            }
            break;
        default:
            break;
        }
        assert_int_equal(flow_send(f, EV_NEXT, 0, t), PM_OK);
    }
    assert_int_equal(flow_screen(f), SCREEN_SAVING);
    assert_true(flow_wants_save(f));
    intake taken = *flow_intake(f);
    assert_int_equal(taken.nmarks, 2);
    assert_int_equal(taken.marks[1].intensity, 7);

    /* the core saves it (the shell only calls saver_step) and moves on */
    const int64_t saved_at = 1795000000; /* 2026-11-18 */
    char *dir = tu_tempdir();
    store *s = NULL;
    pm_msg err = {{0}};
    assert_int_equal(store_open(dir, store_io_posix(), &s, &err), PM_OK);
    saver *sv = NULL;
    saver_setup ss = {.store = s, .content = c};
    assert_int_equal(saver_create(&ss, &sv), PM_OK);
    assert_true(saver_step(sv, f, (saver_clock){t, saved_at}));
    assert_int_equal(flow_screen(f), SCREEN_THANKS);
    assert_int_equal(saver_kept(sv), 0);
    const char *slash = strrchr(saver_last_saved(sv), '/');
    assert_non_null(slash);
    char stem[64];
    snprintf(stem, sizeof stem, "%.*s", (int)(strlen(slash + 1) - 5), slash + 1);
    char *json = NULL;
    assert_int_equal(summary_render_json(c, &taken, saved_at, &json), PM_OK);

    /* read the record back from disk: it is what the client entered */
    char path[2048];
    snprintf(path, sizeof path, "%s/%s.json", store_intakes_dir(s), stem);
    char *disk = tu_read_file(path, NULL);
    assert_non_null(disk);
    assert_string_equal(disk, json);
    intake back;
    int64_t when = 0;
    assert_int_equal(summary_parse_json(c, disk, &back, &when, &err), PM_OK);
    assert_int_equal(when, saved_at);
    assert_string_equal(back.name, "Ana <b>Müller</b>");
    assert_int_equal(back.nmarks, 2);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(back.marks[i].region, taken.marks[i].region);
        assert_int_equal(back.marks[i].intensity, taken.marks[i].intensity);
        assert_int_equal(back.marks[i].qualities, taken.marks[i].qualities);
        assert_int_equal(back.marks[i].duration, taken.marks[i].duration);
    }
    assert_memory_equal(back.answers, taken.answers, sizeof back.answers);
    assert_int_equal(back.npatterns, taken.npatterns);
    assert_int_equal(back.nsig, 2);
    assert_true(back.consent);
    /* the HTML beside it escapes the name and shows the flag */
    snprintf(path, sizeof path, "%s/%s.html", store_intakes_dir(s), stem);
    char *page = tu_read_file(path, NULL);
    assert_non_null(page);
    assert_non_null(strstr(page, "Ana &lt;b&gt;Müller&lt;/b&gt;"));
    assert_null(strstr(page, "<b>Müller"));
    free(page);
    free(disk);
    free(json);
    saver_destroy(sv);
    store_close(s);
    tu_rmtree(dir);
    free(dir);
    flow_destroy(f);
    content_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_content_walk_save_and_read_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
