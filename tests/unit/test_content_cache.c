/* test_content_cache.c — the content cache (content.h): the same content as
 * the JSON gives, never used when the content changed, the stamp is not
 * current, another build wrote it or it is damaged, and a write that fails
 * (full disk, read-only folder) says so and leaves nothing behind. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "content.h"
#include "content_private.h" /* the string tables, and the cache's checksum */
#include "posix_io.h"
#include "testutil.h"

#define PROGRAM "0123456789abcdef0123456789abcdef01234567"

/* ---- the same content, field by field ------------------------------------ */

static void same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void same_ints(const int *a, const int *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(a[i], b[i]);
}

static void same_points(const geo_point *a, const geo_point *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_true(a[i].x == b[i].x && a[i].y == b[i].y);
}

static void same_choices(const pm_content *a, const pm_content *b, size_t n,
                         const pm_choice *(*get)(const pm_content *, size_t))
{
    for (size_t i = 0; i < n; i++) {
        same_str(get(a, i)->id, get(b, i)->id);
        same_str(get(a, i)->label_key, get(b, i)->label_key);
    }
}

/* Every field a caller can reach, and every string of every language. */
static void assert_same_content(const pm_content *a, const pm_content *b)
{
    assert_true(content_chart_width(a) == content_chart_width(b));
    assert_true(content_chart_height(a) == content_chart_height(b));
    assert_int_equal(content_region_count(a), content_region_count(b));
    for (size_t i = 0; i < content_region_count(a); i++) {
        const pm_region *x = content_region(a, i), *y = content_region(b, i);
        same_str(x->id, y->id);
        same_str(x->label_key, y->label_key);
        same_str(x->term_key, y->term_key);
        assert_int_equal(x->view, y->view);
        assert_int_equal(x->side, y->side);
        assert_int_equal(x->npoly, y->npoly);
        same_points(x->poly, y->poly, x->npoly);
        assert_memory_equal(&x->bounds, &y->bounds, sizeof x->bounds);
        assert_memory_equal(&x->anchor, &y->anchor, sizeof x->anchor);
        assert_int_equal(x->no_pattern, y->no_pattern);
        assert_int_equal(x->group, y->group);
    }
    assert_int_equal(content_group_count(a), content_group_count(b));
    for (size_t i = 0; i < content_group_count(a); i++) {
        same_str(content_group(a, i)->id, content_group(b, i)->id);
        same_str(content_group(a, i)->label_key, content_group(b, i)->label_key);
    }
    assert_int_equal(content_muscle_count(a), content_muscle_count(b));
    for (size_t i = 0; i < content_muscle_count(a); i++) {
        const pm_muscle *x = content_muscle(a, i), *y = content_muscle(b, i);
        same_str(x->id, y->id);
        same_str(x->name_key, y->name_key);
        same_str(x->source, y->source);
        assert_int_equal(x->ntps, y->ntps);
        for (size_t k = 0; k < x->ntps; k++) {
            assert_int_equal(x->tps[k].view, y->tps[k].view);
            same_points(&x->tps[k].at, &y->tps[k].at, 1);
        }
        assert_int_equal(x->nprimary, y->nprimary);
        same_ints(x->primary, y->primary, x->nprimary);
        assert_int_equal(x->nspill, y->nspill);
        same_ints(x->spill, y->spill, x->nspill);
        assert_int_equal(x->both_sides, y->both_sides);
        assert_int_equal(x->nmimics, y->nmimics);
        for (size_t k = 0; k < x->nmimics; k++)
            same_str(x->mimics_keys[k], y->mimics_keys[k]);
        assert_int_equal(x->nsections, y->nsections);
        for (size_t k = 0; k < x->nsections; k++) {
            same_str(x->sections[k].heading_key, y->sections[k].heading_key);
            same_str(x->sections[k].text_key, y->sections[k].text_key);
        }
    }
    assert_int_equal(content_page_count(a), content_page_count(b));
    for (size_t i = 0; i < content_page_count(a); i++) {
        const pm_page *x = content_page(a, i), *y = content_page(b, i);
        same_str(x->id, y->id);
        same_str(x->title_key, y->title_key);
        assert_int_equal(x->nparagraphs, y->nparagraphs);
        for (size_t k = 0; k < x->nparagraphs; k++)
            same_str(x->paragraph_keys[k], y->paragraph_keys[k]);
        assert_int_equal(x->topic, y->topic);
        assert_int_equal(x->nareas, y->nareas);
        same_ints(x->areas, y->areas, x->nareas);
    }
    assert_int_equal(content_education_count(a), content_education_count(b));
    for (size_t i = 0; i < content_education_count(a); i++)
        assert_int_equal(content_education_item(a, i), content_education_item(b, i));
    assert_int_equal(content_question_count(a), content_question_count(b));
    for (size_t i = 0; i < content_question_count(a); i++) {
        const pm_question *x = content_question(a, i), *y = content_question(b, i);
        same_str(x->id, y->id);
        same_str(x->text_key, y->text_key);
        same_str(x->staff_key, y->staff_key);
        same_str(x->notice_key, y->notice_key);
        assert_int_equal(x->nanswers, y->nanswers);
        for (size_t k = 0; k < 4; k++) {
            same_str(x->answer_ids[k], y->answer_ids[k]);
            same_str(x->answer_keys[k], y->answer_keys[k]);
            same_str(x->answer_notice_keys[k], y->answer_notice_keys[k]);
            assert_int_equal(x->answer_flags[k], y->answer_flags[k]);
            assert_int_equal(x->answer_now[k], y->answer_now[k]);
        }
        assert_int_equal(x->part, y->part);
        assert_int_equal(x->nshow_if_regions, y->nshow_if_regions);
        same_ints(x->show_if_regions, y->show_if_regions, x->nshow_if_regions);
        assert_int_equal(x->show_if_question, y->show_if_question);
        assert_int_equal(x->show_if_answers, y->show_if_answers);
    }
    same_str(content_checklist_text_key(a), content_checklist_text_key(b));
    same_str(content_checklist_none_key(a), content_checklist_none_key(b));
    assert_int_equal(content_quality_count(a), content_quality_count(b));
    same_choices(a, b, content_quality_count(a), content_quality);
    assert_int_equal(content_duration_count(a), content_duration_count(b));
    same_choices(a, b, content_duration_count(a), content_duration);
    assert_int_equal(content_pressure_count(a), content_pressure_count(b));
    same_choices(a, b, content_pressure_count(a), content_pressure);
    assert_int_equal(content_avoid_count(a), content_avoid_count(b));
    same_choices(a, b, content_avoid_count(a), content_avoid);
    assert_int_equal(content_band_count(a), content_band_count(b));
    for (size_t i = 0; i < content_band_count(a); i++) {
        const pm_band *x = content_band(a, i), *y = content_band(b, i);
        assert_int_equal(x->min, y->min);
        assert_int_equal(x->max, y->max);
        assert_int_equal(x->colour, y->colour);
        same_str(x->label_key, y->label_key);
    }
    assert_int_equal(content_screen_count(a), content_screen_count(b));
    for (size_t i = 0; i < content_screen_count(a); i++)
        assert_int_equal(content_screen_at(a, i), content_screen_at(b, i));
    assert_int_equal(content_lang_count(a), content_lang_count(b));
    for (size_t l = 0; l < content_lang_count(a); l++) {
        same_str(content_lang_code(a, l), content_lang_code(b, l));
        same_str(content_lang_name(a, l), content_lang_name(b, l));
        const lang_table *x = &a->langs[l], *y = &b->langs[l];
        assert_int_equal(x->ntexts, y->ntexts);
        for (size_t k = 0; k < x->ntexts; k++) {
            same_str(x->texts[k].key, y->texts[k].key);
            same_str(x->texts[k].value, y->texts[k].value);
            /* and found the way the screens look it up */
            same_str(content_text(b, (int)l, x->texts[k].key), x->texts[k].value);
        }
    }
    char la[128], lb[128];
    content_stamp_line(a, la, sizeof la);
    content_stamp_line(b, lb, sizeof lb);
    assert_string_equal(la, lb);
    content_summary_line(a, la, sizeof la);
    content_summary_line(b, lb, sizeof lb);
    assert_string_equal(la, lb);
}

/* ---- helpers ------------------------------------------------------------- */

typedef struct {
    char *tmp;
    char data[1024];  /* a stamped copy of the content */
    char cache[1100]; /* where its cache goes */
} scene;

static pm_content *load_json(const char *dir)
{
    pm_msgs p;
    pm_msgs_init(&p);
    pm_content *c = NULL;
    pm_status st = content_load(dir, &c, &p);
    for (size_t i = 0; i < p.count; i++)
        fprintf(stderr, "%s\n", p.items[i]);
    pm_msgs_free(&p);
    assert_int_equal(st, PM_OK);
    return c;
}

static void stamp(const char *dir)
{
    pm_msgs p;
    pm_msgs_init(&p);
    pm_content *c = NULL;
    assert_int_equal(content_load_mode(dir, CONTENT_CHECK_ALL, &c, &p), PM_OK);
    pm_msg err = {{0}};
    assert_int_equal(content_write_stamp(c, dir, &err), PM_OK);
    content_free(c);
    pm_msgs_free(&p);
}

/* A copy of src, stamped, with its cache written by PROGRAM. */
static void scene_open(scene *s, const char *src)
{
    s->tmp = tu_tempdir();
    snprintf(s->data, sizeof s->data, "%s/data", s->tmp);
    snprintf(s->cache, sizeof s->cache, "%s/%s", s->tmp, CONTENT_CACHE_FILE);
    tu_copy_tree(src, s->data);
    stamp(s->data);
    pm_content *c = load_json(s->data);
    assert_false(content_fully_checked(c)); /* the stamp vouched */
    pm_msg err = {{0}};
    assert_int_equal(content_cache_write(c, s->data, s->cache, PROGRAM, NULL, &err), PM_OK);
    content_free(c);
}

/* A scene on the small test content (tests/data-mini). */
static void scene_open_mini(scene *s)
{
    char mini[1024];
    snprintf(mini, sizeof mini, "%s/data-mini", tu_tests_dir());
    scene_open(s, mini);
}

static void scene_close(scene *s)
{
    tu_rmtree(s->tmp);
    free(s->tmp);
}

static pm_status read_cache(const scene *s, const char *program, pm_content **c, pm_msg *why)
{
    *c = (pm_content *)0x1;
    why->text[0] = '\0';
    pm_status st = content_cache_read(s->data, s->cache, program, c, why);
    if (st != PM_OK) {
        assert_null(*c);
        assert_true(why->text[0] != '\0'); /* always says why */
    }
    return st;
}

static unsigned char *read_bytes(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return b;
}

static void write_bytes(const char *path, const void *b, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* The cache's header: its size, and where the body's checksum is
 * (content_cache.c's layout: magic, format, content size, length, sum). */
#define HEADER_SIZE 256
#define SUM_AT (8 + 4 + 4 + 8)

/* ---- the tests ----------------------------------------------------------- */

/* Read back, the cache gives what the JSON gives, to the last string, for
 * the shipped content and the small test content; and read back, it writes
 * the same bytes again. The JSON load it was made from is freed first, so
 * nothing of it can be borrowed. */
static void same_as_json(const char *src)
{
    scene s;
    scene_open(&s, src);
    pm_content *fast = NULL;
    pm_msg why;
    assert_int_equal(read_cache(&s, PROGRAM, &fast, &why), PM_OK);
    assert_false(content_fully_checked(fast));
    pm_content *slow = load_json(s.data);
    assert_same_content(slow, fast);
    /* the kiosk's hit-testing on the cached regions */
    for (size_t i = 0; i < content_region_count(fast); i++) {
        const pm_region *r = content_region(fast, i);
        assert_int_equal(content_region_at(fast, r->view, r->anchor, 0), (int)i);
    }
    char again[1200];
    snprintf(again, sizeof again, "%s/again.cache", s.tmp);
    pm_msg err = {{0}};
    assert_int_equal(content_cache_write(fast, s.data, again, PROGRAM, NULL, &err), PM_OK);
    size_t n1 = 0, n2 = 0;
    unsigned char *b1 = read_bytes(s.cache, &n1), *b2 = read_bytes(again, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(b1, b2, n1);
    free(b1);
    free(b2);
    content_free(slow);
    content_free(fast);
    scene_close(&s);
}

static void test_cache_gives_what_the_json_gives(void **state)
{
    (void)state;
    char mini[1024];
    snprintf(mini, sizeof mini, "%s/data-mini", tu_tests_dir());
    same_as_json(mini);
    same_as_json(tu_data_dir());
}

/* Any change to the content folder, stamped or not, keeps the cache out:
 * one byte of one language, a language added, the stamp removed. */
static void test_cache_is_never_used_for_other_content(void **state)
{
    (void)state;
    char mini[1024], path[1200];
    snprintf(mini, sizeof mini, "%s/data-mini", tu_tests_dir());
    scene s;
    scene_open(&s, mini);
    pm_content *c = NULL;
    pm_msg why;

    /* one byte more, not stamped: the stamp is stale */
    snprintf(path, sizeof path, "%s/i18n/es.json", s.data);
    char *es = tu_read_file(path, NULL);
    assert_non_null(es);
    char *more = malloc(strlen(es) + 2);
    sprintf(more, "%s ", es);
    tu_write_file(path, more);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_STATE);
    assert_non_null(strstr(why.text, "changed since"));
    c = load_json(s.data); /* the slow path checks it all */
    assert_true(content_fully_checked(c));
    content_free(c);

    /* a changed text, stamped: the cache is for the old bytes */
    char *changed = strdup(es);
    char *at = strstr(changed, "ES EN answer.yes");
    assert_non_null(at);
    at[0] = 'X';
    tu_write_file(path, changed);
    stamp(s.data);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_STATE);
    assert_non_null(strstr(why.text, "made from other content"));
    /* written again from the JSON, it shows the new text */
    c = load_json(s.data);
    pm_msg err = {{0}};
    assert_int_equal(content_cache_write(c, s.data, s.cache, PROGRAM, NULL, &err), PM_OK);
    content_free(c);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_OK);
    assert_string_equal(content_text(c, 1, "answer.yes"), "XS EN answer.yes");
    content_free(c);

    /* back as it was and stamped: the new cache is stale again */
    tu_write_file(path, es);
    stamp(s.data);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_STATE);

    /* a language added (its file is part of what the stamp names) */
    c = load_json(s.data);
    assert_int_equal(content_cache_write(c, s.data, s.cache, PROGRAM, NULL, &err), PM_OK);
    content_free(c);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_OK);
    content_free(c);
    snprintf(path, sizeof path, "%s/i18n/fr.json", s.data);
    tu_write_file(path, es); /* another code inside: not even valid, never parsed */
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_STATE);
    unlink(path);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_OK);
    content_free(c);

    /* content changed between loading it and writing its cache: not written */
    c = load_json(s.data);
    tu_write_file(path, es); /* fr.json again */
    assert_int_equal(content_cache_write(c, s.data, s.cache, PROGRAM, NULL, &err), PM_ERR_STATE);
    assert_non_null(strstr(err.text, "changed while it was loaded"));
    content_free(c);
    unlink(path);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_OK); /* the old one stays */
    content_free(c);

    /* no stamp at all */
    snprintf(path, sizeof path, "%s/%s", s.data, CONTENT_STAMP_FILE);
    unlink(path);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_STATE);

    free(changed);
    free(more);
    free(es);
    scene_close(&s);
}

/* The cache's own file made to look an hour younger than the content's
 * files: their sizes and times are then trusted (files_as_made), as on a
 * kiosk whose content was installed long before its cache was written. */
static void cache_an_hour_younger(const scene *s)
{
    struct timespec t[2];
    clock_gettime(CLOCK_REALTIME, &t[0]);
    t[0].tv_sec += 3600;
    t[1] = t[0];
    assert_int_equal(utimensat(AT_FDCWD, s->cache, t, 0), 0);
}

/* The quick check by sizes and times: trusted when they are what they were
 * and older than the cache, it gives the same content; a file changed to
 * the same size with its old times put back is still caught (its inode's
 * ctime moved), and so is one changed within the file system's tick of
 * the cache (its times are not trusted: its bytes are summed). */
static void test_quick_check_by_file_times(void **state)
{
    (void)state;
    scene s;
    scene_open_mini(&s);
    pm_content *c = NULL;
    pm_msg why;
    cache_an_hour_younger(&s);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_OK);
    assert_string_equal(content_text(c, 1, "answer.yes"), "ES EN answer.yes");
    content_free(c);

    /* one letter changed, the same size, the old times set back */
    char path[1200];
    snprintf(path, sizeof path, "%s/i18n/es.json", s.data);
    struct stat before;
    assert_int_equal(stat(path, &before), 0);
    char *es = tu_read_file(path, NULL);
    assert_non_null(es);
    char *changed = strdup(es);
    char *at = strstr(changed, "ES EN answer.yes");
    assert_non_null(at);
    at[0] = 'X';
    tu_write_file(path, changed);
    struct timespec old[2] = {before.st_atim, before.st_mtim};
    assert_int_equal(utimensat(AT_FDCWD, path, old, 0), 0);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_STATE);
    assert_non_null(strstr(why.text, "changed since"));

    /* back as it was: the same bytes, though not the same times; the
     * cache is now written within a tick of the files: their bytes decide */
    tu_write_file(path, es);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_OK);
    content_free(c);
    c = load_json(s.data);
    pm_msg err = {{0}};
    assert_int_equal(content_cache_write(c, s.data, s.cache, PROGRAM, NULL, &err), PM_OK);
    content_free(c);
    tu_write_file(path, changed); /* same size, within the tick */
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_STATE);
    tu_write_file(path, es);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_OK);
    content_free(c);

    /* a language added is a new name in the digest */
    cache_an_hour_younger(&s);
    snprintf(path, sizeof path, "%s/i18n/fr.json", s.data);
    tu_write_file(path, es);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_STATE);
    unlink(path);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_OK);
    content_free(c);
    free(changed);
    free(es);
    scene_close(&s);
}

/* Another build may lay its structures out differently: its cache is not
 * read. Nor is one when the program has no id. */
static void test_cache_of_another_build_is_not_read(void **state)
{
    (void)state;
    scene s;
    scene_open_mini(&s);
    pm_content *c = NULL;
    pm_msg why;
    assert_int_equal(read_cache(&s, "ffff", &c, &why), PM_ERR_STATE);
    assert_non_null(strstr(why.text, "another build"));
    assert_int_equal(read_cache(&s, "", &c, &why), PM_ERR_STATE);
    pm_content *j = load_json(s.data);
    pm_msg err = {{0}};
    assert_int_equal(content_cache_write(j, s.data, s.cache, "", NULL, &err), PM_ERR_INVALID);
    content_free(j);
    scene_close(&s);
}

/* Missing, cut short, one byte changed, a folder in its place, garbage,
 * and offsets out of the block under a matching checksum: each refused
 * with a reason, never read outside the file. */
static void test_damaged_cache_is_refused(void **state)
{
    (void)state;
    scene s;
    scene_open_mini(&s);
    pm_content *c = NULL;
    pm_msg why;
    size_t len = 0;
    unsigned char *good = read_bytes(s.cache, &len);
    assert_true(len > HEADER_SIZE + sizeof(pm_content));

    unlink(s.cache);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_NOT_FOUND);
    assert_non_null(strstr(why.text, "no content cache yet"));

    write_bytes(s.cache, good, 0);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_INVALID);
    write_bytes(s.cache, good, HEADER_SIZE - 1);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_INVALID);
    write_bytes(s.cache, good, len - 1); /* a power cut while writing */
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_INVALID);
    assert_non_null(strstr(why.text, "damaged"));

    /* one byte flipped anywhere in the body: the checksum says so */
    unsigned char *bad = malloc(len);
    for (size_t at = HEADER_SIZE; at < len; at += len / 97) {
        memcpy(bad, good, len);
        bad[at] ^= 0x40;
        write_bytes(s.cache, bad, len);
        assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_INVALID);
    }

    /* every pointer field of the block's first structures set far outside
     * it, and the checksum made to match: the bounds checks refuse it */
    size_t fields[] = {offsetof(pm_content, regions) + offsetof(pm_region, id),
                       offsetof(pm_content, regions) + offsetof(pm_region, poly),
                       offsetof(pm_content, pages),
                       offsetof(pm_content, langs) + offsetof(lang_table, texts)};
    /* (stored offsets are one more than the offset): far beyond, just past
     * the end, and (arrays only: the first field is a string) misaligned */
    uint64_t far[] = {UINT64_MAX, (uint64_t)len, (uint64_t)(len - HEADER_SIZE) + 1, 4};
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
        for (size_t v = 0; v < (f == 0 ? 3 : 4); v++) {
            memcpy(bad, good, len);
            memcpy(bad + HEADER_SIZE + fields[f], &far[v], sizeof far[v]);
            uint64_t sum = content_cache_sum(0, bad + HEADER_SIZE, len - HEADER_SIZE);
            memcpy(bad + SUM_AT, &sum, sizeof sum);
            write_bytes(s.cache, bad, len);
            assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_INVALID);
        }
    /* a count far beyond its array, likewise */
    memcpy(bad, good, len);
    size_t huge = 1000000;
    memcpy(bad + HEADER_SIZE + offsetof(pm_content, nregions), &huge, sizeof huge);
    uint64_t sum = content_cache_sum(0, bad + HEADER_SIZE, len - HEADER_SIZE);
    memcpy(bad + SUM_AT, &sum, sizeof sum);
    write_bytes(s.cache, bad, len);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_INVALID);

    /* not a cache at all */
    memset(bad, 'x', len);
    write_bytes(s.cache, bad, len);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_INVALID);
    assert_non_null(strstr(why.text, "not a content cache"));

    /* a folder where the cache should be */
    unlink(s.cache);
    assert_int_equal(mkdir(s.cache, 0755), 0);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_ERR_REFUSED);
    rmdir(s.cache);

    /* and whole again, it is used */
    write_bytes(s.cache, good, len);
    assert_int_equal(read_cache(&s, PROGRAM, &c, &why), PM_OK);
    content_free(c);
    free(bad);
    free(good);
    scene_close(&s);
}

/* ---- writing that fails ---------------------------------------------------- */

typedef struct {
    int fail_open, fail_write, fail_rename; /* errno to fail with, 0: succeed */
    int tmp_left;                           /* temporary files not removed */
} faults;

static int f_open(void *ctx, const char *path, int flags, mode_t mode)
{
    faults *f = ctx;
    if (f->fail_open) {
        errno = f->fail_open;
        return -1;
    }
    int fd = posix_io_open(NULL, path, flags, mode);
    if (fd >= 0)
        f->tmp_left++;
    return fd;
}

static ssize_t f_write(void *ctx, int fd, const void *buf, size_t n)
{
    faults *f = ctx;
    if (f->fail_write) {
        errno = f->fail_write;
        return -1;
    }
    return posix_io_write(NULL, fd, buf, n);
}

static int f_close(void *ctx, int fd)
{
    return posix_io_close(ctx, fd);
}

static int f_rename(void *ctx, const char *a, const char *b)
{
    faults *f = ctx;
    if (f->fail_rename) {
        errno = f->fail_rename;
        return -1;
    }
    int r = posix_io_rename(NULL, a, b);
    if (r == 0)
        f->tmp_left--;
    return r;
}

static int f_unlink(void *ctx, const char *path)
{
    faults *f = ctx;
    int r = posix_io_unlink(NULL, path);
    if (r == 0)
        f->tmp_left--;
    return r;
}

/* A full disk, a read-only folder, a failed rename, a missing folder: the
 * status and a message naming the file, no temporary file left, and the
 * cache that was there before still whole (and still used). */
static void test_failed_write_says_so_and_leaves_nothing(void **state)
{
    (void)state;
    char mini[1024], tmp[1200];
    snprintf(mini, sizeof mini, "%s/data-mini", tu_tests_dir());
    scene s;
    scene_open(&s, mini);
    snprintf(tmp, sizeof tmp, "%s.tmp", s.cache);
    pm_content *c = load_json(s.data);
    struct {
        faults f;
        pm_status want;
    } cases[] = {
        {{.fail_write = ENOSPC}, PM_ERR_FULL},
        {{.fail_open = EROFS}, PM_ERR_READONLY},
        {{.fail_open = EACCES}, PM_ERR_READONLY},
        {{.fail_rename = EIO}, PM_ERR_IO},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        faults *f = &cases[i].f;
        content_cache_io io = {f_open, f_write, f_close, f_rename, f_unlink, f};
        pm_msg err = {{0}};
        assert_int_equal(content_cache_write(c, s.data, s.cache, PROGRAM, &io, &err), cases[i].want);
        assert_non_null(strstr(err.text, "cannot write the content cache"));
        assert_int_equal(f->tmp_left, 0);
        assert_int_not_equal(access(tmp, F_OK), 0);
        pm_content *back = NULL;
        pm_msg why;
        assert_int_equal(read_cache(&s, PROGRAM, &back, &why), PM_OK);
        content_free(back);
    }
    char nowhere[1300];
    snprintf(nowhere, sizeof nowhere, "%s/no/such/folder/%s", s.tmp, CONTENT_CACHE_FILE);
    pm_msg err = {{0}};
    assert_int_equal(content_cache_write(c, s.data, nowhere, PROGRAM, NULL, &err), PM_ERR_NOT_FOUND);
    content_free(c);
    scene_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cache_gives_what_the_json_gives),
        cmocka_unit_test(test_cache_is_never_used_for_other_content),
        cmocka_unit_test(test_quick_check_by_file_times),
        cmocka_unit_test(test_cache_of_another_build_is_not_read),
        cmocka_unit_test(test_damaged_cache_is_refused),
        cmocka_unit_test(test_failed_write_says_so_and_leaves_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
