/* print_pages.c — writes the print page (summary_render_html) of the
 * intakes that are hardest to fit on one sheet, for tests/print/run-print
 * to print through headless Chromium on A4 and on Letter.
 *
 *   pm_print_pages DATA OUTDIR
 *
 * For every language of the content and for 0..32 marked areas (in steps),
 * in three shapes:
 *   heavy  the longest region names first, all 14 feelings, the longest
 *          duration, every safety question answered with its most flagged
 *          answer, 8 patterns with the longest names, every area to avoid,
 *          a 40-character name, a signature with strokes and a dot;
 *   light  one feeling per area, nothing else answered;
 *   mixed  feelings cycling 1..14, every question "unsure".
 * One file per page: LANG-SHAPE-NN.html. Prints their names, one a line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "intake.h"
#include "summary.h"

#define T0 INT64_C(1795800612) /* 2026-11-27T17:30:12Z */

typedef struct {
    const pm_content *c;
    size_t lang;
} ctx;

static size_t text_len(const ctx *x, const char *key)
{
    return strlen(content_text(x->c, x->lang, key));
}

/* Indices 0..n-1 sorted by descending length of what key_of gives. */
static void by_length(const ctx *x, size_t n, const char *(*key_of)(const ctx *, size_t),
                      size_t *order)
{
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && text_len(x, key_of(x, order[k])) >
                                        text_len(x, key_of(x, order[k - 1]));
             k--) {
            size_t t = order[k];
            order[k] = order[k - 1];
            order[k - 1] = t;
        }
}

static const char *region_key(const ctx *x, size_t i)
{
    /* label and term are printed together: sort by the longer */
    const pm_region *r = content_region(x->c, i);
    return text_len(x, r->label_key) > text_len(x, r->term_key) ? r->label_key : r->term_key;
}

static const char *muscle_key(const ctx *x, size_t i)
{
    return content_muscle(x->c, i)->name_key;
}

static const char *duration_key(const ctx *x, size_t i)
{
    return content_duration(x->c, i)->label_key;
}

typedef enum { HEAVY, LIGHT, MIXED } shape;

static void fill(const ctx *x, intake *in, shape sh, size_t nmarks)
{
    const pm_content *c = x->c;
    intake_init(in, content_lang_code(c, x->lang));
    size_t order[CONTENT_MAX_REGIONS];
    by_length(x, content_region_count(c), region_key, order);
    size_t dorder[CONTENT_MAX_CHOICES];
    by_length(x, content_duration_count(c), duration_key, dorder);
    for (size_t m = 0; m < nmarks && m < content_region_count(c); m++) {
        int slot = intake_toggle_region(in, (int)order[m]);
        if (slot < 0)
            break;
        intake_set_intensity(in, slot, (int)(m % 11));
        size_t nq = content_quality_count(c);
        size_t want = sh == HEAVY ? nq : sh == LIGHT ? 1 : 1 + m % nq;
        for (size_t q = 0; q < want; q++)
            intake_toggle_quality(in, slot, (int)q);
        if (sh != LIGHT)
            intake_set_duration(in, slot, (int)dorder[sh == HEAVY ? 0 : m % content_duration_count(c)]);
    }
    for (size_t q = 0; q < content_question_count(c) && q < CONTENT_MAX_QUESTIONS; q++) {
        const pm_question *qu = content_question(c, q);
        int pick = -1;
        for (size_t a = 0; a < qu->nanswers; a++) {
            bool take = sh == HEAVY ? pick < 0 || qu->answer_flags[a] > qu->answer_flags[pick]
                        : sh == MIXED ? strcmp(qu->answer_ids[a], "unsure") == 0
                                      : false;
            if (take)
                pick = (int)a;
        }
        in->answers[q] = (int8_t)pick;
    }
    if (sh == HEAVY) {
        size_t morder[CONTENT_MAX_MUSCLES];
        by_length(x, content_muscle_count(c), muscle_key, morder);
        for (size_t i = 0; i < INTAKE_MAX_PATTERNS && i < content_muscle_count(c); i++)
            intake_toggle_pattern(in, (int)morder[i]);
        for (size_t i = 0; i < content_avoid_count(c); i++)
            in->avoid |= UINT32_C(1) << i;
        in->pressure = 0;
        for (int i = 0; i < INTAKE_NAME_CHARS; i++)
            intake_name_append(in, i % 9 == 8 ? " " : "W");
        in->consent = true;
        for (int i = 0; i < 40; i++)
            intake_sig_add(in, 100 + i * 20, 200 + (i % 5) * 30, i == 0);
        intake_sig_add(in, 950, 100, true); /* a dot */
    } else {
        intake_choose_none(in);
        intake_name_append(in, "Ana");
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: pm_print_pages DATA OUTDIR\n");
        return 2;
    }
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    if (content_load(argv[1], &c, &problems) != PM_OK) {
        for (size_t i = 0; i < problems.count; i++)
            fprintf(stderr, "%s\n", problems.items[i]);
        return 1;
    }
    pm_msgs_free(&problems);
    intake *in = malloc(sizeof *in);
    static const size_t counts[] = {0, 4, 10, 16, 24, 32};
    static const char *const names[] = {"heavy", "light", "mixed"};
    int rc = 0;
    for (size_t lang = 0; lang < content_lang_count(c); lang++)
        for (int sh = HEAVY; sh <= MIXED; sh++)
            for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
                if (sh != HEAVY && counts[k] != 16 && counts[k] != 32) /* the heavy shape is the sweep */
                    continue;
                ctx x = {c, lang};
                fill(&x, in, (shape)sh, counts[k]);
                char *html = NULL;
                /* the staff language is the page's: the client's language
                 * is the intake's (both are the same here) */
                if (summary_render_html(c, in, T0, (int)lang, &html) != PM_OK) {
                    fprintf(stderr, "cannot render %s %s %zu\n", content_lang_code(c, lang),
                            names[sh], counts[k]);
                    rc = 1;
                    continue;
                }
                char path[1024];
                snprintf(path, sizeof path, "%s/%s-%s-%02zu.html", argv[2],
                         content_lang_code(c, lang), names[sh], counts[k]);
                FILE *f = fopen(path, "w");
                if (!f || fputs(html, f) < 0 || fclose(f) != 0) {
                    fprintf(stderr, "cannot write %s\n", path);
                    rc = 1;
                } else {
                    printf("%s\n", path);
                }
                free(html);
            }
    free(in);
    content_free(c);
    return rc;
}
