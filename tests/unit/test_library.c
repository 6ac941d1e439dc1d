/* test_library.c — the shipped content library covers what a clinic needs:
 * the body map's extent and left/right pairs, 75 muscles or more with
 * complete pages, every region some muscle's primary zone, the safety
 * screening's shape, the education library by area, and referral patterns
 * that rank the way the standard maps say they should (a table of classic
 * cases, both sides, single and combined areas). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "library.h"
#include "ranking.h"
#include "screening.h"
#include "testutil.h"

static pm_content *lib;

static int setup(void **state)
{
    (void)state;
    lib = tu_load_shipped();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    content_free(lib);
    return 0;
}

static int region(const char *id)
{
    int r = content_region_index(lib, id);
    if (r < 0)
        fail_msg("the body map has no region '%s'", id);
    return r;
}

/* "{1}" in tmpl replaced by one, "{2}" by two. */
static void fill(char *out, size_t size, const char *tmpl, const char *one, const char *two)
{
    size_t o = 0;
    for (const char *p = tmpl; *p && o + 1 < size; p++) {
        const char *ins = NULL;
        if (p[0] == '{' && (p[1] == '1' || p[1] == '2') && p[2] == '}') {
            ins = p[1] == '1' ? one : two;
            p += 2;
        }
        for (; ins && *ins && o + 1 < size; ins++)
            out[o++] = *ins;
        if (!ins)
            out[o++] = *p;
    }
    out[o] = '\0';
}

/* The layout check names the strings a text that does not fit is made of. */
static void test_keys_of_text_name_the_strings(void **state)
{
    (void)state;
    const char *keys[2];
    char text[512];
    for (size_t lang = 0; lang < content_lang_count(lib); lang++) {
        int l = (int)lang;
        const char *calf = content_text(lib, l, "region.calf_l");
        assert_int_equal(content_keys_of_text(lib, l, calf, keys), 1);
        assert_string_equal(content_text(lib, l, keys[0]), calf);
        fill(text, sizeof text, content_text(lib, l, "ui.details.title"), calf, "");
        assert_int_equal(content_keys_of_text(lib, l, text, keys), 2);
        assert_string_equal(keys[0], "ui.details.title");
        assert_string_equal(content_text(lib, l, keys[1]), calf);
        fill(text, sizeof text, content_text(lib, l, "ui.progress"), "3", "11");
        assert_int_equal(content_keys_of_text(lib, l, text, keys), 1);
        assert_string_equal(keys[0], "ui.progress");
        assert_int_equal(content_keys_of_text(lib, l, "Guadalupe Fernández-Villaverde", keys), 0);
        assert_null(content_key_inside_text(lib, l, "Guadalupe Fernández-Villaverde"));
        snprintf(text, sizeof text, "7 · %s · %s", calf, content_text(lib, l, "ui.next"));
        assert_int_equal(content_keys_of_text(lib, l, text, keys), 0);
        assert_string_equal(content_text(lib, l, content_key_inside_text(lib, l, text)), calf);
    }
}

static void test_body_map_extent_and_pairs(void **state)
{
    (void)state;
    size_t n = content_region_count(lib), front = 0, back = 0;
    assert_true(n >= 80);
    for (size_t i = 0; i < n; i++) {
        const pm_region *r = content_region(lib, i);
        *(r->view == VIEW_FRONT ? &front : &back) += 1;
        size_t len = strlen(r->id);
        char mirror[64];
        /* _l is the client's left, _r their right, each with a partner */
        if (len > 2 && r->id[len - 2] == '_' && (r->id[len - 1] == 'l' || r->id[len - 1] == 'r')) {
            assert_int_equal(r->side, r->id[len - 1] == 'l' ? SIDE_LEFT : SIDE_RIGHT);
            snprintf(mirror, sizeof mirror, "%.*s_%c", (int)len - 2, r->id,
                     r->id[len - 1] == 'l' ? 'r' : 'l');
            const pm_region *m = content_region(lib, (size_t)region(mirror));
            assert_int_equal(m->view, r->view);
        } else {
            assert_int_equal(r->side, SIDE_CENTRE);
        }
    }
    assert_true(front >= 30 && back >= 30);
    /* the areas a client names (the list in the content issue) */
    static const char *const needed[] = {
        "temple_l", "forehead_l", "eye_cheek_l", "jaw_l", "ear_l", "neck_front_l",
        "neck_back_l", "throat", "shoulder_top_l", "shoulder_front_l", "shoulder_back_l",
        "shoulder_blade_l", "upper_back_l", "mid_back_l", "lower_back_l", "chest_l",
        "upper_abdomen_l", "lower_abdomen_l", "flank_l", "groin_l", "hip_front_l", "hip_side_l",
        "buttock_l", "sacrum", "arm_front_l", "arm_back_l", "elbow_inner_l", "elbow_outer_l",
        "forearm_front_l", "forearm_back_l", "wrist_front_l", "palm_l", "hand_back_l",
        "fingers_l", "thumb_l", "thigh_front_l", "thigh_side_l", "thigh_back_l",
        "thigh_inner_l", "knee_front_l", "knee_back_l", "shin_l", "calf_l", "ankle_l",
        "foot_top_l", "sole_l", "heel_l", "toes_l", "crown_l",
        /* added with the 75-muscle library */
        "armpit_l", "armpit_r", "knee_outer_l", "knee_outer_r", "ankle_inner_l", "ankle_inner_r",
        "ankle_outer_l", "ankle_outer_r", "si_joint_l", "si_joint_r"};
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
        region(needed[i]);
    /* on the front view the client's left is on the viewer's right */
    assert_true(content_region(lib, (size_t)region("chest_l"))->anchor.x >
                content_region(lib, (size_t)region("chest_r"))->anchor.x);
    assert_true(content_region(lib, (size_t)region("calf_l"))->anchor.x <
                content_region(lib, (size_t)region("calf_r"))->anchor.x);
}

/* Every area a client can mark is some muscle's primary zone, or says why
 * not (no_pattern, which the checker keeps out of every pattern). */
static void test_every_region_reachable_or_marked_none(void **state)
{
    (void)state;
    for (size_t i = 0; i < content_region_count(lib); i++) {
        const pm_region *r = content_region(lib, i);
        bool primary = false;
        for (size_t m = 0; m < content_muscle_count(lib) && !primary; m++) {
            const pm_muscle *mu = content_muscle(lib, m);
            for (size_t k = 0; k < mu->nprimary; k++)
                primary = primary || mu->primary[k] == (int)i;
        }
        if (!primary && !r->no_pattern)
            fail_msg("region '%s' is no muscle's primary zone and does not say no_pattern",
                     r->id);
    }
}

static void test_muscles_complete(void **state)
{
    (void)state;
    assert_true(content_muscle_count(lib) >= 75);
    /* the 43 of the first library (some split in two), then the content
     * issue's list in its order */
    static const char *const needed[] = {
        "temporalis", "masseter", "sternocleidomastoid", "suboccipitals", "upper_trapezius",
        "splenius_capitis", "splenius_cervicis", "levator_scapulae", "scalenes",
        "supraspinatus", "infraspinatus", "subscapularis", "rhomboids", "pectoralis_major",
        "pectoralis_minor", "deltoid", "biceps", "triceps", "latissimus_dorsi",
        "wrist_extensors", "finger_flexors", "supinator", "iliocostalis", "longissimus",
        "multifidi", "quadratus_lumborum", "rectus_abdominis", "serratus_anterior",
        "iliopsoas", "gluteus_maximus", "gluteus_medius", "gluteus_minimus_front",
        "gluteus_minimus_back", "piriformis", "tensor_fasciae_latae", "medial_hamstrings",
        "biceps_femoris", "rectus_femoris", "vastus_medialis", "adductors", "gastrocnemius",
        "soleus", "tibialis_anterior", "peroneals", "plantar_muscles",
        "middle_trapezius", "lower_trapezius", "teres_minor", "teres_major",
        "lateral_pterygoid", "medial_pterygoid", "digastric", "wrist_flexors",
        "pronator_teres", "palmaris_longus", "adductor_pollicis", "opponens_pollicis",
        "brachialis", "tibialis_posterior", "abductor_hallucis", "serratus_posterior_superior",
        "serratus_posterior_inferior", "external_oblique", "popliteus", "vastus_intermedius",
        "extensor_digitorum_longus", "coracobrachialis", "anconeus", "hand_interossei",
        "sartorius", "gracilis", "pectineus", "flexor_digitorum_longus",
        "extensor_hallucis_longus", "diaphragm"};
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
        if (content_muscle_index(lib, needed[i]) < 0)
            fail_msg("the library has no muscle '%s'", needed[i]);
    for (size_t m = 0; m < content_muscle_count(lib); m++) {
        const pm_muscle *mu = content_muscle(lib, m);
        /* the symptom-checker page: where, refers, notice, other causes,
         * overload, therapist, self-care, not a diagnosis */
        assert_true(mu->nsections >= 8);
        assert_true(mu->nmimics >= 1);
        assert_true(strlen(mu->source) > 10);
        assert_true(mu->ntps >= 1);
        /* plain words first, the muscle's name after: "Deep back muscles
         * (multifidi)", in every language */
        for (size_t l = 0; l < content_lang_count(lib); l++) {
            const char *name = content_text(lib, (int)l, mu->name_key);
            size_t len = strlen(name);
            const char *open = strchr(name, '(');
            if (!open || open == name || name[len - 1] != ')')
                fail_msg("%s: name '%s' is not 'plain words (muscle)'", mu->id, name);
        }
    }
}

static int question(const char *id)
{
    int q = content_question_index(lib, id);
    if (q < 0)
        fail_msg("no screening question '%s'", id);
    return q;
}

static int answer(int q, const char *id)
{
    const pm_question *qu = content_question(lib, (size_t)q);
    for (size_t a = 0; a < qu->nanswers; a++)
        if (strcmp(qu->answer_ids[a], id) == 0)
            return (int)a;
    fail_msg("question '%s' has no answer '%s'", qu->id, id);
    return -1;
}

static void test_screening_shape(void **state)
{
    (void)state;
    /* the gate: the six the content issue names, everyone answers them */
    static const char *const gate[] = {"unwell", "chest_pain", "leg_swollen", "pregnant",
                                       "blood_thinners", "recent_surgery"};
    size_t ngate = 0, nitems = 0;
    for (size_t q = 0; q < content_question_count(lib); q++) {
        ngate += content_question(lib, q)->part == PART_GATE;
        nitems += content_question(lib, q)->part == PART_CHECKLIST;
    }
    assert_int_equal(ngate, 6);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(content_question(lib, (size_t)question(gate[i]))->part, PART_GATE);
    /* one checklist, with its prompt and "None of these" */
    assert_true(nitems >= 6);
    assert_non_null(content_checklist_text_key(lib));
    assert_non_null(content_checklist_none_key(lib));
    assert_int_equal(content_question(lib, (size_t)question("hx_cancer"))->part, PART_CHECKLIST);
    assert_int_equal(content_question(lib, (size_t)question("hx_steroids"))->part,
                     PART_CHECKLIST);
    /* answers that mean "now" */
    static const char *const now[][2] = {{"chest_pain", "now"}, {"sudden_headache", "yes"},
                                         {"fever_stiff_neck", "yes"}, {"nerve_changes", "yes"},
                                         {"saddle_numbness", "yes"}, {"sexual_function", "yes"},
                                         {"leg_weakness", "new"}, {"bladder_bowel", "new"}};
    for (size_t i = 0; i < sizeof now / sizeof now[0]; i++) {
        int q = question(now[i][0]);
        assert_int_equal(screening_classify(lib, q, answer(q, now[i][1])), SCREENING_NOW);
    }
    /* urgent: a doctor before massage */
    int q = question("chest_pain");
    assert_int_equal(screening_classify(lib, q, answer(q, "active")), SCREENING_URGENT);
    q = question("leg_swollen");
    assert_int_equal(screening_classify(lib, q, answer(q, "yes")), SCREENING_URGENT);
    /* common and often known: a check, not an alarm */
    q = question("breathless");
    assert_int_equal(screening_classify(lib, q, answer(q, "yes")), SCREENING_CHECK);
    q = question("leg_weakness");
    assert_int_equal(screening_classify(lib, q, answer(q, "slow")), SCREENING_CHECK);
    q = question("bladder_bowel");
    assert_int_equal(screening_classify(lib, q, answer(q, "long")), SCREENING_CHECK);
    /* every flagged answer has words for the client */
    for (size_t i = 0; i < content_question_count(lib); i++) {
        const pm_question *qu = content_question(lib, i);
        for (size_t a = 0; a < qu->nanswers; a++)
            if (qu->answer_flags[a] != FLAG_NONE && !qu->notice_key && !qu->answer_notice_keys[a])
                fail_msg("%s: answer %s is flagged but has no notice", qu->id, qu->answer_ids[a]);
    }
}

/* Follow-ups come with the areas marked: back or leg, head or neck, chest,
 * arm or jaw, calf, belly; and with answers (cancer, pregnancy). */
static void test_follow_ups_fit_the_client(void **state)
{
    (void)state;
    intake in;
    intake_init(&in, "en");
    int plan[CONTENT_MAX_QUESTIONS];
    size_t bare = screening_plan(lib, &in, plan, CONTENT_MAX_QUESTIONS);
    /* nothing marked, nothing said: the gate and the checklist only, two screens */
    screening_screen scr[SCREENING_MAX_SCREENS];
    assert_int_equal(screening_screens(lib, &in, scr, SCREENING_MAX_SCREENS), 2);
    static const struct { const char *region, *question; } cases[] = {
        {"lower_back_l", "saddle_numbness"}, {"calf_r", "sexual_function"},
        {"lower_back_r", "night_pain"},      {"sacrum", "back_new_over_50"},
        {"temple_l", "sudden_headache"},     {"neck_back_r", "nerve_changes"},
        {"chest_l", "heart_effort"},         {"jaw_r", "heart_effort"},
        {"arm_inner_l", "breathless"},       {"calf_l", "clot_risk"},
        {"lower_abdomen_r", "belly_fever"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        intake_init(&in, "en");
        intake_toggle_region(&in, region(cases[i].region));
        if (!screening_applies(lib, &in, question(cases[i].question)))
            fail_msg("%s marked: '%s' is not asked", cases[i].region, cases[i].question);
        assert_true(screening_plan(lib, &in, plan, CONTENT_MAX_QUESTIONS) > bare);
        /* at most three screens whatever is marked: gate, checklist, follow-ups */
        assert_int_equal(screening_screens(lib, &in, scr, SCREENING_MAX_SCREENS), 3);
    }
    /* a knee alone brings no back, heart or head questions */
    intake_init(&in, "en");
    intake_toggle_region(&in, region("knee_front_l"));
    assert_int_equal(screening_plan(lib, &in, plan, CONTENT_MAX_QUESTIONS), bare);
    /* answers bring their own follow-ups, and take them away again */
    int cancer = question("hx_cancer"), now = question("cancer_now");
    assert_false(screening_applies(lib, &in, now));
    assert_int_equal(screening_set_answer(lib, &in, cancer, answer(cancer, "yes")), PM_OK);
    assert_true(screening_applies(lib, &in, now));
    assert_true(screening_applies(lib, &in, question("night_pain")));
    assert_int_equal(screening_set_answer(lib, &in, now, answer(now, "yes")), PM_OK);
    assert_int_equal(screening_set_answer(lib, &in, cancer, answer(cancer, "no")), PM_OK);
    assert_int_equal(in.answers[now], INTAKE_UNSET); /* never asked now: not kept */
    int preg = question("pregnant");
    assert_int_equal(screening_set_answer(lib, &in, preg, answer(preg, "yes")), PM_OK);
    assert_true(screening_applies(lib, &in, question("pregnancy_late")));
    /* "None of these" answers the whole checklist */
    screening_none_of_these(lib, &in);
    for (size_t q = 0; q < content_question_count(lib); q++)
        if (content_question(lib, q)->part == PART_CHECKLIST)
            assert_int_equal(screening_classify(lib, (int)q, in.answers[q]), SCREENING_NONE);
}

/* The classic cases: the textbook muscle for these marks is in the top 3.
 * Each side of a pattern is scored on its own, so a case and its mirror
 * image rank alike. */
static const struct {
    const char *muscle;
    const char *marks[4];
} classic[] = {
    {"upper_trapezius", {"temple_l", "neck_back_l"}},
    {"upper_trapezius", {"temple_r", "neck_back_r"}},
    {"upper_trapezius", {"temple_l"}},
    {"suboccipitals", {"head_back_l"}},
    {"temporalis", {"temple_r", "eye_cheek_r"}},
    {"masseter", {"jaw_l"}},
    {"masseter", {"jaw_r", "mouth_chin"}},
    {"sternocleidomastoid", {"forehead_l", "eye_cheek_l", "ear_l"}},
    {"levator_scapulae", {"neck_back_l", "shoulder_top_l"}},
    {"scalenes", {"chest_l", "upper_back_l", "arm_front_l", "thumb_l"}},
    {"infraspinatus", {"shoulder_front_l"}},
    {"infraspinatus", {"shoulder_front_r", "arm_front_r"}},
    {"supraspinatus", {"shoulder_back_r", "elbow_outer_r"}},
    {"rhomboids", {"upper_back_l"}},
    {"latissimus_dorsi", {"shoulder_blade_r", "mid_back_r"}},
    {"pectoralis_major", {"chest_l", "shoulder_front_l"}},
    {"serratus_anterior", {"side_chest_r"}},
    {"supinator", {"elbow_outer_l"}},
    {"wrist_extensors", {"elbow_outer_r", "wrist_back_r"}},
    {"triceps_lower", {"elbow_inner_l"}},
    {"pronator_teres", {"wrist_front_l"}},
    {"quadratus_lumborum", {"lower_back_l"}},
    {"quadratus_lumborum", {"lower_back_r"}},
    {"quadratus_lumborum", {"lower_back_l", "buttock_l"}},
    {"quadratus_lumborum", {"lower_back_r", "hip_side_r"}},
    {"rectus_abdominis", {"lower_back_l", "lower_back_r"}},
    {"gluteus_medius", {"buttock_upper_l", "si_joint_l"}},
    {"gluteus_minimus_back", {"buttock_l", "thigh_back_l"}},
    {"gluteus_minimus_front", {"hip_side_r", "thigh_side_r", "leg_side_r"}},
    {"piriformis", {"buttock_r"}},
    {"iliopsoas", {"lower_back_l", "thigh_front_l"}},
    {"rectus_femoris", {"knee_front_l"}},
    {"vastus_medialis", {"knee_front_r", "knee_inner_r"}},
    {"vastus_lateralis", {"thigh_side_l", "knee_outer_l"}},
    {"adductors", {"groin_r", "thigh_inner_r"}},
    {"biceps_femoris", {"knee_back_l"}},
    {"gastrocnemius", {"calf_l"}},
    {"gastrocnemius", {"calf_r", "knee_back_r", "sole_r"}},
    {"soleus", {"heel_l"}},
    {"soleus", {"heel_r"}},
    {"tibialis_anterior", {"ankle_l", "toes_l"}},
    {"peroneals", {"ankle_outer_r"}},
    {"tibialis_posterior", {"achilles_l"}},
    {"external_oblique", {"upper_abdomen_l"}},
};

static void test_classic_cases_rank_the_textbook_muscle_top_3(void **state)
{
    (void)state;
    size_t both_sides = 0;
    for (size_t c = 0; c < sizeof classic / sizeof classic[0]; c++) {
        int regions[4];
        size_t n = 0;
        bool left = false, right = false;
        for (; n < 4 && classic[c].marks[n]; n++) {
            regions[n] = region(classic[c].marks[n]);
            pm_side s = content_region(lib, (size_t)regions[n])->side;
            left = left || s == SIDE_LEFT;
            right = right || s == SIDE_RIGHT;
        }
        both_sides += left && right;
        ranking_entry top[3];
        size_t got = ranking_rank(lib, regions, n, top, 3);
        int want = content_muscle_index(lib, classic[c].muscle);
        if (want < 0)
            fail_msg("case %zu: no muscle '%s'", c, classic[c].muscle);
        bool found = false;
        for (size_t i = 0; i < got; i++)
            found = found || top[i].muscle == want;
        if (!found)
            fail_msg("case %zu: %s is not in the top 3 for %s%s (first: %s)", c,
                     classic[c].muscle, classic[c].marks[0], n > 1 ? " and more" : "",
                     got ? content_muscle(lib, (size_t)top[0].muscle)->id : "none");
    }
    assert_true(sizeof classic / sizeof classic[0] >= 20);
    assert_true(both_sides >= 1);
}

/* The education library: the seeds' questions and the complaints clients
 * come with, found by the areas marked. */
static void test_library_pages_by_area(void **state)
{
    (void)state;
    int out[64];
    assert_int_equal(library_pages_of_topic(lib, PAGE_FAQ, out, 64), 9);
    assert_int_equal(library_pages_of_topic(lib, PAGE_COMPLAINT, out, 64), 11);
    static const struct { const char *region, *page; } cases[] = {
        {"temple_l", "complaint_headache"},   {"jaw_r", "complaint_jaw"},
        {"neck_back_l", "complaint_neck_shoulder"}, {"elbow_outer_r", "complaint_tennis_elbow"},
        {"wrist_front_l", "complaint_wrist"}, {"lower_back_r", "complaint_low_back"},
        {"hip_side_l", "complaint_hip"},      {"thigh_back_r", "complaint_sciatica"},
        {"heel_l", "complaint_heel"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = library_pages_for_region(lib, region(cases[i].region), out, 64);
        bool found = false;
        for (size_t k = 0; k < n; k++)
            found = found || strcmp(content_page(lib, (size_t)out[k])->id, cases[i].page) == 0;
        if (!found)
            fail_msg("%s: no page '%s'", cases[i].region, cases[i].page);
    }
    /* after an intake: the page that matches most of the marks first */
    int marks[] = {region("heel_r"), region("sole_r"), region("lower_back_r")};
    assert_true(library_pages_for_regions(lib, marks, 3, out, 64) >= 2);
    assert_string_equal(content_page(lib, (size_t)out[0])->id, "complaint_heel");
    /* Learn, one area: the muscles that send pain there, primary first */
    size_t n = library_muscles_for_region(lib, region("heel_l"), out, 64);
    assert_true(n >= 3);
    const pm_muscle *first = content_muscle(lib, (size_t)out[0]);
    bool primary = false;
    for (size_t k = 0; k < first->nprimary; k++)
        primary = primary || first->primary[k] == region("heel_l");
    assert_true(primary);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_body_map_extent_and_pairs),
        cmocka_unit_test(test_every_region_reachable_or_marked_none),
        cmocka_unit_test(test_muscles_complete),
        cmocka_unit_test(test_screening_shape),
        cmocka_unit_test(test_follow_ups_fit_the_client),
        cmocka_unit_test(test_classic_cases_rank_the_textbook_muscle_top_3),
        cmocka_unit_test(test_library_pages_by_area),
        cmocka_unit_test(test_keys_of_text_name_the_strings),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
