/* test_budget.c — the walk-through's budget as the core counts it: the
 * reading model's word count, and the scripted clients on the small fixed
 * content (every screen and tap accounted for) and on the shipped one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "budget.h"
#include "testutil.h"

static void test_words_are_runs_with_letters(void **state)
{
    (void)state;
    assert_int_equal(budget_count_words(""), 0);
    assert_int_equal(budget_count_words("Where does it hurt?"), 4);
    assert_int_equal(budget_count_words("Area: {1}"), 1);
    assert_int_equal(budget_count_words("6 Moderate · Aching"), 2);
    assert_int_equal(budget_count_words("¿Cuánto le duele?"), 3);
    assert_int_equal(budget_count_words("  spaced\n\tout  "), 2);
    assert_int_equal(budget_count_words("0 1 2 10 ▲ ▼"), 0);
}

typedef struct {
    int pages;
    int words;
    int taps;
    int safety;
} tally;

static void count(void *ctx, pm_screen s, int page, int words, int taps)
{
    tally *t = ctx;
    (void)page;
    t->pages++;
    t->words += words;
    t->taps += taps;
    t->safety += s == SCREEN_SCREENING;
}

/* tests/data-mini: welcome, about, name, chart (it has none of the
 * typical areas: the first two of the back view instead), details, one
 * page of two questions, patterns, preferences, consent, review. Counted
 * by hand:
 *   compact: welcome 1 tap; about 1; name 8 + Next 1; chart: the back
 *   view 1, two areas 2, Next 1; area 1: strength, how long, Next, one
 *   feeling, Next (5); area 2: same as the last (1); screening: "No to all
 *   of these" (1); patterns 1 + 1; preferences 1 + 1; consent: one stroke
 *   + 1; review 1 = 29 taps on 12 pages. */
static void test_typical_on_mini_content(void **state)
{
    (void)state;
    pm_content *c = tu_load_mini();
    budget_result r;
    char why[256];
    tally t = {0};
    assert_int_equal(budget_walk_traced(c, FLOW_COMPACT, BUDGET_TYPICAL, 0, &r, why, sizeof why,
                                        count, &t),
                     PM_OK);
    assert_int_equal(r.taps, 29);
    assert_int_equal(r.screens, 12);
    assert_int_equal(r.safety_screens, 1);
    /* the trace saw every page but the last (the review, left by saving) */
    assert_int_equal(t.pages, r.screens);
    assert_int_equal(t.taps, r.taps);
    assert_int_equal(t.words, r.words);
    assert_true(r.words >= 40);
    /* time: the words at BUDGET_WPM and the taps */
    long ms = r.words * 60000L / BUDGET_WPM + (long)r.taps * BUDGET_TAP_MS;
    assert_int_equal(r.seconds, (int)((ms + 999) / 1000));
    /* after the save: one page per chosen muscle, then the general pages */
    assert_int_equal(r.reading_pages, 1 + 2);
    /* roomy: one page less (the first area's two become one), one tap less */
    budget_result roomy;
    assert_int_equal(budget_walk(c, FLOW_ROOMY, BUDGET_TYPICAL, 0, &roomy, why, sizeof why), PM_OK);
    assert_int_equal(roomy.screens, r.screens - 1);
    assert_int_equal(roomy.taps, r.taps - 1);
    assert_int_equal(budget_promise_minutes(c, FLOW_COMPACT, 0), (r.seconds + 59) / 60);
    content_free(c);
}

/* Each text is read once in the walk: the heavy client, with more areas,
 * reads more pages but not the same choices again. */
static void test_heavy_reads_each_text_once(void **state)
{
    (void)state;
    pm_content *c = tu_load_mini();
    budget_result typ, heavy;
    char why[256];
    assert_int_equal(budget_walk(c, FLOW_COMPACT, BUDGET_TYPICAL, 0, &typ, why, sizeof why), PM_OK);
    assert_int_equal(budget_walk(c, FLOW_COMPACT, BUDGET_HEAVY, 0, &heavy, why, sizeof why), PM_OK);
    assert_true(heavy.taps > typ.taps);
    assert_true(heavy.screens > typ.screens);
    assert_true(heavy.words < typ.words * 2);
    content_free(c);
}

/* The shipped content walks to the end in every layout and language. */
static void test_shipped_content_walks(void **state)
{
    (void)state;
    pm_content *c = tu_load_shipped();
    for (size_t lang = 0; lang < content_lang_count(c); lang++)
        for (int l = FLOW_COMPACT; l <= FLOW_ROOMY; l++)
            for (int k = BUDGET_TYPICAL; k <= BUDGET_HEAVY; k++) {
                budget_result r;
                char why[256];
                if (budget_walk(c, (flow_layout)l, (budget_case)k, (int)lang, &r, why, sizeof why) !=
                    PM_OK)
                    fail_msg("%s", why);
                assert_true(r.screens > 8);
                assert_true(r.reading_pages > 0);
            }
    content_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_are_runs_with_letters),
        cmocka_unit_test(test_typical_on_mini_content),
        cmocka_unit_test(test_heavy_reads_each_text_once),
        cmocka_unit_test(test_shipped_content_walks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
